"""`kg view`"""
from __future__ import annotations

import click

from kg.store import open_store
from kg.view import write_view


@click.command("view", epilog="Example: kg view -o graph.html")
@click.option("-o", "--output", default="kg-view.html", show_default=True, type=click.Path(dir_okay=False))
@click.option("--lang", type=click.Choice(["zh-Hant", "zh-Hans", "en"]), default="zh-Hant", show_default=True,
              help="Language of node labels.")
@click.pass_obj
def command(settings, output: str, lang: str) -> None:
    """Write the graph as one interactive HTML page (pyvis)."""
    with open_store(settings.store) as store:
        graph = write_view(store, output, lang)
    click.echo(f"wrote {output}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges", err=True)
