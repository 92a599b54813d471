"""`kg explain NAME`"""
from __future__ import annotations

import click



@click.command("explain", epilog="Example: kg explain 輝達")
@click.argument("name")
@click.pass_obj
def command(settings, name: str) -> None:
    """Show an entity (found by any alias, in either script or English), its facts and their sentences."""
    from kg.explain import explain
    from kg.store import open_store
    with open_store(settings.store) as store:
        explanations = explain(store, name)
    for ex in explanations:
        click.echo(f"{ex.label} ({ex.type}) <{ex.iri}>")
        click.echo(f"  names: {', '.join(ex.names)}")
        for f in ex.facts:
            click.echo(f"  - {f.text}")
            click.echo(f"      「{f.sentence}」 {f.article}:{f.start}-{f.end} [{f.rule}]")
