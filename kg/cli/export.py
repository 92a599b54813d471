"""`kg export`"""
from __future__ import annotations

import click

from kg.export import FORMATS, export


@click.command("export", epilog="Example: kg export --doc corpus/h200-export-2025.md --format nquads > out.nq")
@click.option("--doc", metavar="PATH", help="Only this article (its path as given to ingest).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="trig", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to a file instead of stdout.")
@click.pass_obj
def command(settings, doc: str | None, fmt: str, output: str | None) -> None:
    """Export the graph as RDF: the whole store, or one article with the entities it mentions."""
    from kg.store import open_store
    with open_store(settings.store) as store:
        text = export(store, doc, fmt)
    if output:
        with open(output, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        click.echo(text, nl=False)
