"""`kg view`"""
from __future__ import annotations

import re

import click
from click.core import ParameterSource

DEFAULT_LIMIT = 1000   # kg.view.html.DEFAULT_LIMIT, written out so `kg --help` need not import the viewer
OVERVIEW_ARTICLES, OVERVIEW_ENTITIES, MAX_ENTITIES = 60, 300, 2000   # kg.view.corpus's, likewise

EPILOG = """\b
Examples:
  kg view                                   writes kg-view.html
  kg view --focus 輝達 --hops 2             writes kg-view-nvidia.html
  kg view --limit 300 --lang en -o graph.html
"""


@click.command("view", epilog=EPILOG)
@click.option("-o", "--output", default=None, type=click.Path(dir_okay=False),
              help="The HTML file to write (default kg-view.html, or kg-view-ENTITY.html with --focus); "
                   "it works offline and loads nothing from any other host.")
@click.option("--lang", type=click.Choice(["zh-Hant", "zh-Hans", "en"]), default="zh-Hant", show_default=True,
              help="Language of labels (falling back to the other script, then English, then the name as written).")
@click.option("--focus", metavar="NAME", default=None,
              help="Draw only the neighbourhood of this entity; any of its names works (輝達, 英偉達, NVIDIA).")
@click.option("--hops", type=click.IntRange(min=0), default=2, show_default=True,
              help="With --focus: how many steps from the entity to include (an entity, a fact, an entity: 2).")
@click.option("--limit", type=click.IntRange(min=0), default=DEFAULT_LIMIT, show_default=True,
              help="Put only the N most central entities (PageRank) in the page, to keep it small; 0: all. "
                   f"On a store of more than {OVERVIEW_ARTICLES} articles the page is an overview of the "
                   f"whole corpus, of {OVERVIEW_ENTITIES} entities unless --limit says otherwise "
                   f"(at most {MAX_ENTITIES}).")
@click.pass_context
def command(ctx: click.Context, output: str | None, lang: str, focus: str | None, hops: int, limit: int) -> None:
    """Write the graph as one interactive, self-contained HTML page (pyvis).

    The page opens on the most connected entities, with facts drawn as labelled edges;
    double-click a node to draw its neighbours, click a node or an edge for its facts and
    the sentences behind them; filter by type, relation, article and date; search any name.
    A store of more than 60 articles opens on an overview of the whole corpus: its most
    central entities, coloured by community.
    """
    if ctx.get_parameter_source("hops") == ParameterSource.COMMANDLINE and not focus:
        raise click.UsageError("--hops needs --focus NAME (the entity to count the steps from), "
                               "e.g. kg view --focus 輝達 --hops 1")
    from pathlib import Path

    from kg.store import open_store
    from kg.view.html import render_page, view_graph
    given = ctx.get_parameter_source("limit") == ParameterSource.COMMANDLINE
    with open_store(ctx.obj.store) as store:
        graph = view_graph(store, lang, focus=focus, hops=hops, limit=limit if given else None)
    out = output or (f"kg-view-{focus_slug(graph.graph['focus'])}.html" if focus else "kg-view.html")
    Path(out).write_text(render_page(graph), encoding="utf-8")
    limited = graph.graph.get("limited")
    note = f" (the {limited['shown']} most central of {limited['total']} entities; --limit 0 for all)" if limited else ""
    sampled = graph.graph.get("sampled")   # a large store: drawn from its most recent articles (kg.view.corpus)
    note += f" from the {sampled['articles']} most recent of {sampled['total']} articles" if sampled else ""
    corpus = graph.graph.get("overview")   # a large store: its most central entities (kg.view.corpus)
    if corpus:
        note = (f" (overview: the {corpus['shown']} most central of {corpus['entities']} entities across all "
                f"{corpus['articles']} articles; facts from the {corpus['recent']} most recent, "
                f"sentences from {corpus['read']}; "
                f"--limit N for more entities, --focus NAME for one entity's neighbourhood)")
    click.echo(f"wrote {out}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges{note}", err=True)


def focus_slug(iri: str) -> str:
    """The file-name part for a focus entity: its IRI's last segment (id:nvidia → nvidia)."""
    last = iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    return re.sub(r"[^\w.-]+", "-", last).strip("-.") or "focus"
