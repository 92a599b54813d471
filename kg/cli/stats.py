"""`kg stats`"""
from __future__ import annotations

import click



@click.command("stats", epilog="Example: kg stats")
@click.pass_obj
def command(settings) -> None:
    """Articles, entities by type, facts and triples in the store."""
    from kg.stats import stats
    from kg.store import open_store
    with open_store(settings.store) as store:
        s = stats(store)
    click.echo(f"articles\t{s.articles}")
    click.echo(f"entities\t{s.entities}")
    for t, n in sorted(s.entities_by_type.items()):
        click.echo(f"  {t}\t{n}")
    click.echo(f"relations\t{s.relations}")
    click.echo(f"statements\t{s.statements}")
    click.echo(f"triples\t{s.triples}")
