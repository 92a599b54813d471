"""`kg query`: inline SPARQL, a .rq file, or a saved query by name with --param.

The table (the default format) is for people: IRIs as prefixed names (id:nvidia) or, with
--labels, as the entity's label; columns fitted to the terminal, long values wrapped, not
cut. csv, tsv and json stay exactly what machines expect. Mistakes a person makes (a unit
no graph knows, a prefix never declared) are caught here with one line that says how to fix them.
"""
from __future__ import annotations

import difflib
import io
import re
import shutil

import click

from kg.query import FORMATS

EPILOG = """\b
Examples:
  kg query --list
  kg query chips-by-developer --param developer=英偉達
  kg query chips-above-threshold --param min=4.8 --param unit=TB-PER-SEC
  kg query 'SELECT ?chip WHERE { ?chip kgo:developer id:nvidia }' --labels
  kg query my-query.rq --format csv
"""

#: namespaces whose IRIs live outside the store (checked by nobody here: Wikidata items are remote)
REMOTE_PREFIXES = ("wd", "wdt")


@click.command("query", epilog=EPILOG)
@click.argument("sparql_or_file", required=False)
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="A parameter of a saved query (repeat for several, or for several values of one).")
@click.option("--list", "list_only", is_flag=True, help="List the saved queries with what they answer and their parameters.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table for people (prefixed names, fitted to the terminal); csv, tsv, json (SPARQL JSON) for programs.")
@click.option("--labels", is_flag=True, help="In the table, show entities by their label instead of id:NAME.")
@click.option("--lang", type=click.Choice(["zh-Hant", "zh-Hans", "en"]), default="zh-Hant", show_default=True,
              help="Language of the labels --labels shows.")
@click.pass_obj
def command(settings, sparql_or_file: str | None, params: tuple[str, ...], list_only: bool, fmt: str,
            labels: bool, lang: str) -> None:
    """Run a SPARQL query over the store: inline, a .rq file, or a saved query by NAME.

    Saved queries live in ontology/queries/ (`kg query --list`); their parameters are given
    with --param and are bound as RDF terms, never pasted into the query as text. The
    prefixes kgo:, id:, unit:, schema:, oa:, prov:, rdf:, rdfs:, skos:, owl:, xsd:, qudt:,
    wd:, wdt: are predeclared.
    """
    from kg.errors import QueryError
    from kg.query import format_results, run_query
    from kg.query.saved import bind, is_saved_name, load_saved, parse_param_args, parse_saved
    from kg.query.sparql import load_query_text
    from kg.store import open_store
    if list_only:
        click.echo(_listing(), nl=False)
        return
    if not sparql_or_file:
        raise QueryError("give a query: a saved query's name (see `kg query --list`), a .rq file, or SPARQL text")
    values = parse_param_args(params)
    with open_store(settings.store) as store:
        if is_saved_name(sparql_or_file):
            query = load_saved(sparql_or_file)
        else:
            query = parse_saved(load_query_text(sparql_or_file))
        text = bind(query, values, store) if (query.params or values) else query.text
        check_iri_params(store, query, values)
        try:
            res = run_query(store, text)
        except QueryError as e:
            raise QueryError(explain_prefix_error(str(e), text)) from e
        if fmt == "table":
            names = entity_labels(store, res, lang) if labels else {}
            click.echo(people_table(res, names), nl=False)
        else:
            click.echo(format_results(res, fmt), nl=False)


def check_iri_params(store, query, values: dict[str, list[str]]) -> None:
    """Fail on an `iri` parameter (a unit, a class) that names nothing in the store.

    Such a value binds fine and silently matches no row; `--param unit=TBPS` would print an
    empty table and exit 0. Say instead which names the store does know, closest first.
    """
    from kg.errors import QueryError
    from kg.query.saved import all_prefixes, expand_iri
    prefixes = all_prefixes()
    for p in query.params.values():
        if p.base_kind != "iri" or p.name not in values:
            continue
        default_prefix = p.kind.split(":", 1)[1] if ":" in p.kind else None
        for value in values[p.name]:
            iri = expand_iri(value, default_prefix)
            if iri is None or any(iri.startswith(prefixes[x]) for x in REMOTE_PREFIXES if x in prefixes):
                continue
            if _mentioned(store, iri):
                continue
            namespace = prefixes.get(default_prefix or "", "") or iri[:max(iri.rfind("#"), iri.rfind("/")) + 1]
            known = _names_in(store, namespace)
            close = closest(iri[len(namespace):], known)
            what = "unit" if default_prefix == "unit" else "class" if default_prefix == "kgo" else "IRI"
            hint = f"did you mean {', '.join(close)}? " if close else ""
            listing = ", ".join(known[:25]) + (", …" if len(known) > 25 else "")
            raise QueryError(f"{query.name}: --param {p.name}={value!r}: no such {what} in the store; {hint}"
                             f"known: {listing or 'none'}")


def _squeeze(name: str) -> str:
    """TB-PER-SEC, tb/s, TBps → TBPS: how people abbreviate unit names."""
    n = name.upper().replace("-PER-SEC", "PS").replace("/S", "PS").replace("-PER-", "P")
    return re.sub(r"[^A-Z0-9]", "", n)


def closest(name: str, known: list[str]) -> list[str]:
    """Known names that name is most likely a misspelling or abbreviation of, best first."""
    same = [k for k in known if _squeeze(k) == _squeeze(name)]
    squeezed = {_squeeze(k): k for k in known}
    near = [squeezed[k] for k in difflib.get_close_matches(_squeeze(name), list(squeezed), n=3, cutoff=0.5)]
    return list(dict.fromkeys(same + near))[:3]


def _mentioned(store, iri: str) -> bool:
    term = f"<{iri}>"
    ask = (f"ASK {{ {{ {term} ?p ?o }} UNION {{ ?s ?p {term} }} UNION {{ GRAPH ?g {{ {term} ?p ?o }} }}"
           f" UNION {{ GRAPH ?g {{ ?s ?p {term} }} }} }}")
    return bool(store.query(ask))


def _names_in(store, namespace: str) -> list[str]:
    """Local names of the typed things in namespace (the units of unit:, the classes of kgo:)."""
    q = f"""SELECT DISTINCT ?x WHERE {{ {{ ?x a ?t }} UNION {{ GRAPH ?g {{ ?x a ?t }} }}
            FILTER(STRSTARTS(STR(?x), "{namespace}")) }}"""
    return sorted({row["x"].value[len(namespace):] for row in store.query(q)} - {""})


_PREFIX_USE = re.compile(r"(?<![\w<:/#.-])([A-Za-z][\w.-]*)?:(?=[\w%\\])")


def explain_prefix_error(message: str, text: str) -> str:
    """pyoxigraph's 'Prefix not found' parser message as one line naming the prefix and the fix."""
    if "Prefix not found" not in message:
        return message.splitlines()[0]
    from kg.query.saved import all_prefixes
    declared = set(all_prefixes()) | set(re.findall(r"(?i)PREFIX\s+([\w.-]*):", text))
    # prefixed names outside <IRIs>, "strings" and # comments
    bare = re.sub(r'<[^>\s]*>|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|#[^\n]*', " ", text)
    unknown = sorted({m.group(1) or "" for m in _PREFIX_USE.finditer(bare)} - declared)
    where = re.search(r"at (\d+:\d+)", message)
    at = f" (at line:column {where.group(1)})" if where else ""
    names = ", ".join(f"{u}:" for u in unknown) or "a prefix"
    first = unknown[0] if unknown else "ex"
    return (f"unknown prefix {names}{at}; the predeclared ones are {', '.join(p + ':' for p in sorted(all_prefixes()))}; "
            f"declare others with PREFIX {first}: <http://…/>")


def compact(iri: str, prefixes: dict[str, str]) -> str:
    """iri as prefix:local with the longest matching namespace, or <iri> when none matches."""
    best = max((ns for ns in prefixes.values() if iri.startswith(ns)), key=len, default=None)
    if best is None:
        return f"<{iri}>"
    local = iri[len(best):]
    # for reading, not for pasting into SPARQL: a slash is kept (id:chip/950) as people read it
    if not re.fullmatch(r"[\w.%/-]*", local) or local.endswith((".", "/")):
        return f"<{iri}>"
    prefix = next(p for p, ns in sorted(prefixes.items()) if ns == best)
    return f"{prefix}:{local}"


def entity_labels(store, res, lang: str) -> dict[str, str]:
    """Label in lang of every IRI in the results that has one (one query for all of them)."""
    from kg.view.labels import canonical_tag, pick_label
    iris = sorted({t.value for row in res.rows for t in row if t is not None and type(t).__name__ == "NamedNode"})
    if not iris:
        return {}
    values = " ".join(f"<{i}>" for i in iris)
    q = f"""SELECT ?e ?l WHERE {{ VALUES ?e {{ {values} }}
            {{ ?e <http://www.w3.org/2000/01/rdf-schema#label> ?l }} UNION
            {{ GRAPH ?g {{ ?e <http://www.w3.org/2000/01/rdf-schema#label> ?l }} }} }}"""
    found: dict[str, dict[str, str]] = {}
    for row in store.query(q):
        found.setdefault(row["e"].value, {}).setdefault(canonical_tag(row["l"].language), row["l"].value)
    return {iri: pick_label(tags, lang, iri) for iri, tags in found.items()}


def cell(term, prefixes: dict[str, str], labels: dict[str, str]) -> str:
    if term is None:
        return ""
    kind = type(term).__name__
    if kind == "NamedNode":
        return labels.get(term.value) or compact(term.value, prefixes)
    if kind == "BlankNode":
        return f"_:{term.value}"
    return term.value


def people_table(res, labels: dict[str, str] | None = None, width: int | None = None) -> str:
    """The results as a table as wide as the terminal, with prefixed names and wrapped long values."""
    from rich.console import Console
    from rich.table import Table

    from kg.query.saved import all_prefixes
    if res.boolean is not None:
        return ("true" if res.boolean else "false") + "\n"
    prefixes = all_prefixes()
    width = width or shutil.get_terminal_size(fallback=(120, 24)).columns
    table = Table(show_lines=False, pad_edge=False)
    for v in res.variables:
        table.add_column(v, overflow="fold")
    for row in res.rows:
        table.add_row(*[cell(t, prefixes, labels or {}) for t in row])
    console = Console(file=io.StringIO(), width=max(width, 40), record=True, color_system=None)
    console.print(table)
    n = len(res.rows)
    return console.export_text() + f"{n} row{'' if n == 1 else 's'}\n"


def _listing() -> str:
    """Name, one-line description and parameters of every saved query."""
    from kg.query.saved import list_saved, queries_dir
    queries = list_saved()
    if not queries:
        return f"no saved queries in {queries_dir()}\n"
    out = []
    for q in queries:
        out.append(f"{q.name}\n  {q.description}\n")
        if q.params:
            out.append(q.usage() + "\n")
    return "".join(out)
