"""`kg validate`"""
from __future__ import annotations

import sys

import click



@click.command("validate", epilog="Example: kg validate")
@click.pass_obj
def command(settings) -> None:
    """Check the store against the SHACL shapes in ontology/shapes.ttl.

    Exits 0 when the store conforms, 1 with a report of every violation otherwise.
    """
    from kg.store import open_store
    from kg.validate import validate
    with open_store(settings.store) as store:
        report = validate(store)
    if report.conforms:
        click.echo("the store conforms to ontology/shapes.ttl", err=True)
        return
    click.echo(report.text)
    click.echo(f"kg: error: {report.violations} violation(s) of ontology/shapes.ttl", err=True)
    sys.exit(1)
