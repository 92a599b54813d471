"""`kg view`"""
from __future__ import annotations

import click



@click.command("view", epilog="Examples: kg view -o graph.html\n\n  kg view --focus 輝達 --hops 2 --lang en -o nvidia.html")
@click.option("-o", "--output", default="kg-view.html", show_default=True, type=click.Path(dir_okay=False),
              help="The HTML file to write; it works offline and loads nothing from any other host.")
@click.option("--lang", type=click.Choice(["zh-Hant", "zh-Hans", "en"]), default="zh-Hant", show_default=True,
              help="Language of labels (falling back to the other script, then English, then the name as written).")
@click.option("--focus", metavar="NAME", default=None,
              help="Draw only the neighbourhood of this entity; any of its names works (輝達, 英偉達, NVIDIA).")
@click.option("--hops", type=click.IntRange(min=0), default=2, show_default=True,
              help="With --focus: how many steps from the entity to include.")
@click.pass_obj
def command(settings, output: str, lang: str, focus: str | None, hops: int) -> None:
    """Write the graph as one interactive, self-contained HTML page (pyvis).

    Click a node or an edge for its facts and the sentences behind them; filter by type,
    relation, article and date; search any name of an entity.
    """
    from kg.store import open_store
    from kg.view import write_view
    with open_store(settings.store) as store:
        graph = write_view(store, output, lang, focus=focus, hops=hops)
    click.echo(f"wrote {output}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges", err=True)
