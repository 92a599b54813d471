"""`kg query`: inline SPARQL, a .rq file, or a saved query by name with --param."""
from __future__ import annotations

import click

from kg.query import FORMATS, format_results, run_query

EPILOG = """\b
Examples:
  kg query --list
  kg query chips-by-developer --param developer=英偉達
  kg query chips-above-threshold --param min=4.8 --param unit=TB-PER-SEC
  kg query 'SELECT ?chip WHERE { ?chip kgo:developer id:nvidia }'
  kg query my-query.rq --format csv
"""


@click.command("query", epilog=EPILOG)
@click.argument("sparql_or_file", required=False)
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="A parameter of a saved query (repeat for several, or for several values of one).")
@click.option("--list", "list_only", is_flag=True, help="List the saved queries with what they answer and their parameters.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.pass_obj
def command(settings, sparql_or_file: str | None, params: tuple[str, ...], list_only: bool, fmt: str) -> None:
    """Run a SPARQL query over all graphs of the store: inline, a .rq file, or a saved query by NAME.

    Saved queries live in ontology/queries/ (`kg query --list`); their parameters are given
    with --param and are bound as RDF terms, never pasted into the query as text. The
    prefixes kgo:, id:, unit:, schema:, oa:, prov:, rdf:, rdfs:, skos:, owl:, xsd:, qudt:,
    wd:, wdt: are predeclared.
    """
    from kg.errors import QueryError
    from kg.query.saved import bind, is_saved_name, load_saved, parse_param_args
    from kg.query.sparql import load_query_text, run_text_with_params
    from kg.store import open_store
    if list_only:
        click.echo(_listing(), nl=False)
        return
    if not sparql_or_file:
        raise QueryError("give a query: a saved query's name (see `kg query --list`), a .rq file, or SPARQL text")
    values = parse_param_args(params)
    with open_store(settings.store) as store:
        if is_saved_name(sparql_or_file):
            res = run_query(store, bind(load_saved(sparql_or_file), values, store))
        else:
            res = run_text_with_params(store, load_query_text(sparql_or_file), values)
    click.echo(format_results(res, fmt), nl=False)


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
