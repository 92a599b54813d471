"""Running SPARQL against the store; the union of all graphs is the default graph."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import QueryError
from kg.query.saved import all_prefixes, bind, load_saved, parse_saved
from kg.store import Store

FORMATS = ("table", "csv", "tsv", "json")
DEFAULT_GRAPH = {"use_default_graph_as_union": True}   # the query arguments that choose it


@dataclass
class Results:
    variables: list[str]
    rows: list[list[object]]   # pyoxigraph terms or None
    boolean: bool | None = None


def load_query_text(text_or_file: str) -> str:
    """A query given inline, or the path of a .rq/.sparql file."""
    p = Path(text_or_file)
    if len(text_or_file) < 512 and p.suffix in (".rq", ".sparql") or (len(text_or_file) < 512 and p.is_file()):
        try:
            return p.read_text(encoding="utf-8")
        except OSError as e:
            raise QueryError(f"{text_or_file}: cannot read query file: {e.strerror}") from e
    return text_or_file


def run_query(store: Store, sparql: str) -> Results:
    """Run sparql with kg's prefixes (and rdf:, qudt:) predeclared.

    The default graph is the union of every graph in the store (DEFAULT_GRAPH): the article
    graphs, the entities graph, the reference data and the ontology, as the store itself
    offers it, so a query costs the same with 10 articles or 10,000 graphs; every graph
    stays available to `GRAPH ?g`. `kg serve`'s /sparql uses the same default graph.
    """
    try:
        res = store.query(sparql, prefixes=all_prefixes(), **DEFAULT_GRAPH)
    except SyntaxError as e:
        raise QueryError(f"malformed SPARQL: {str(e).splitlines()[0]}") from e
    except OSError as e:
        raise QueryError(f"query failed: {e}") from e
    if isinstance(res, ox.QueryBoolean):
        return Results(["result"], [], boolean=bool(res))
    if isinstance(res, ox.QuerySolutions):
        variables = [v.value for v in res.variables]
        rows = [[sol[v] for v in variables] for sol in res]
        return Results(variables, rows)
    rows = [[t.subject, t.predicate, t.object] for t in res]
    return Results(["subject", "predicate", "object"], rows)


def run_saved(store: Store, name: str, params: dict[str, list[str]] | None = None) -> Results:
    """Run the saved query called name (ontology/queries/NAME.rq) with parameters bound safely."""
    return run_query(store, bind(load_saved(name), params or {}, store))


def run_text_with_params(store: Store, text: str, params: dict[str, list[str]] | None = None) -> Results:
    """Run a query given as text (inline or from a file); if its header declares @param lines, bind params.

    A query without parameters runs as it is, and giving it --param is an error.
    """
    query = parse_saved(text)
    if query.params or params:
        text = bind(query, params or {}, store)
    return run_query(store, text)


def _plain(term) -> str:
    if term is None:
        return ""
    return term.value


def format_results(res: Results, fmt: str = "table") -> str:
    if res.boolean is not None:
        return json.dumps({"boolean": res.boolean}) if fmt == "json" else ("true" if res.boolean else "false")
    if fmt == "json":
        return json.dumps({"head": {"vars": res.variables},
                           "results": {"bindings": [{v: _json_term(t) for v, t in zip(res.variables, row)
                                                     if t is not None} for row in res.rows]}},
                          ensure_ascii=False, indent=1)
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(res.variables)
        for row in res.rows:
            w.writerow([_plain(t) for t in row])
        return buf.getvalue()
    from rich.table import Table
    from rich.console import Console
    table = Table(*res.variables)
    for row in res.rows:
        table.add_row(*[_plain(t) for t in row])
    console = Console(file=io.StringIO(), width=200, record=True)
    console.print(table)
    return console.export_text() + f"{len(res.rows)} row(s)\n"


def _json_term(t) -> dict:
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    out = {"type": "literal", "value": t.value}
    if t.language:
        out["xml:lang"] = t.language
    elif t.datatype and t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = t.datatype.value
    return out
