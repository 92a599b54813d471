"""`kg query`"""
from __future__ import annotations

import click

from kg.query import FORMATS, format_results, run_query
from kg.query.sparql import load_query_text
from kg.store import open_store


@click.command("query", epilog="Example: kg query 'SELECT ?chip WHERE { ?chip kgo:developer id:nvidia }'")
@click.argument("sparql_or_file")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.pass_obj
def command(settings, sparql_or_file: str, fmt: str) -> None:
    """Run a SPARQL query (inline, or a .rq file) over all graphs of the store.

    The prefixes kgo:, id:, schema:, rdfs:, skos:, owl:, xsd:, wd:, wdt: are predeclared.
    """
    with open_store(settings.store) as store:
        res = run_query(store, load_query_text(sparql_or_file))
    click.echo(format_results(res, fmt), nl=False)
