"""`kg`: the command group, its global options and error handling."""
from __future__ import annotations

import os
import sys

import click

from kg.errors import KgError

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


#: options of the group that users often write after the subcommand (`kg stats --store .kg`)
GLOBAL_OPTIONS = ("--store", "--pipeline-config", "--base-pipeline")
_METAVARS = {"--store": "LOCATION", "--pipeline-config": "FILE", "--base-pipeline": "NAME_OR_PATH"}


#: the subcommands in the order `kg --help` lists them, each in its own module kg/cli/NAME.py
SUBCOMMANDS = ("ingest", "export", "query", "view", "stats", "explain", "validate", "serve")


class KgGroup(click.Group):
    """A group that also takes its own options after the subcommand, where people often put them.

    `kg stats --store .kg` means `kg --store .kg stats`: no subcommand has an option of the
    same name, so moving them in front of the subcommand cannot change what another option means.

    A subcommand's module is imported only when that subcommand runs (or help lists it): `kg query`
    need not load what `kg export` or `kg ingest` import (rdflib, the NLP pipeline).
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, hoist_global_options(args, SUBCOMMANDS))

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(SUBCOMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in SUBCOMMANDS:
            import importlib
            self.add_command(importlib.import_module(f"kg.cli.{cmd_name}").command)
        return self.commands.get(cmd_name)

    def resolve_command(self, ctx: click.Context, args: list[str]):
        if args and args[0] not in SUBCOMMANDS:   # a typo: click's "Did you mean" looks at every command
            for name in SUBCOMMANDS:
                self.get_command(ctx, name)
        return super().resolve_command(ctx, args)


def hoist_global_options(args: list[str], commands) -> list[str]:
    """args with the group's options that follow the subcommand moved in front of it."""
    sub = next((i for i, a in enumerate(args) if a in commands), None)
    if sub is None:
        return list(args)
    front, rest, moved = list(args[:sub]), [], []
    tail = args[sub:]
    i = 0
    while i < len(tail):
        a = tail[i]
        if a == "--":
            rest.extend(tail[i:])
            break
        if a in GLOBAL_OPTIONS:
            if i + 1 >= len(tail):
                raise click.UsageError(f"{a} needs a value, e.g. kg {a} {_METAVARS[a]} {tail[0]}")
            moved += tail[i:i + 2]
            i += 2
            continue
        if a.split("=", 1)[0] in GLOBAL_OPTIONS and "=" in a:
            moved.append(a)
        else:
            rest.append(a)
        i += 1
    return front + moved + rest


class Settings:
    def __init__(self, store: str, pipeline_config: str | None, base_pipeline: str | None) -> None:
        self.store = store
        self.pipeline_config = pipeline_config
        self.base_pipeline = base_pipeline


@click.group(cls=KgGroup, context_settings=CONTEXT, epilog="Example: kg --store .kg ingest corpus/")
@click.option("--store", "store", metavar="LOCATION", default=lambda: os.environ.get("KG_STORE", ".kg"),
              show_default=".kg, or $KG_STORE",
              help="Folder of the embedded store, or http(s)://HOST:PORT/ of a SPARQL 1.1 server to share "
                   "(also accepted after the subcommand: kg stats --store .kg).")
@click.option("--pipeline-config", metavar="FILE", envvar="KG_PIPELINE_CONFIG", default=None,
              help="spaCy config file for the NLP pipeline (default: the built-in kg/nlp/config.cfg).")
@click.option("--base-pipeline", metavar="NAME_OR_PATH", envvar="KG_BASE_PIPELINE", default=None,
              help="An installed spaCy pipeline (say a trained Chinese NER) to build on.")
@click.version_option(package_name="kg")
@click.pass_context
def cli(ctx: click.Context, store: str, pipeline_config: str | None, base_pipeline: str | None) -> None:
    """Build and explore a knowledge graph of Chinese-language news about AI chips.

    Articles (.txt or .md in UTF-8, Big5, GB18030 or UTF-16; optional YAML front matter) go in with `kg ingest`;
    the graph comes out with `kg query` (SPARQL), `kg export` (RDF), `kg view` (HTML)
    and `kg stats`.
    """
    ctx.obj = Settings(store, pipeline_config, base_pipeline)


def main() -> None:
    try:
        cli.main(prog_name="kg", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("kg: aborted", err=True)
        sys.exit(130)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except KgError as e:
        _error(str(e) + _os_hint(e))
    except KeyboardInterrupt:
        click.echo("kg: interrupted; the store keeps every article completed so far", err=True)
        sys.exit(130)
    except OSError as e:  # a fault of the machine (disk full, permission denied…): one line, not a traceback
        if os.environ.get("KG_DEBUG"):
            raise
        where = f"{e.filename}: " if getattr(e, "filename", None) else ""
        _error(f"{where}{e.strerror or e}" + _os_hint(e))
    except Exception as e:  # noqa: BLE001 - a bug: still one line; KG_DEBUG=1 shows the traceback
        if os.environ.get("KG_DEBUG"):
            raise
        _error(f"internal error: {type(e).__name__}: {_one_line(str(e))} (run with KG_DEBUG=1 for the traceback, "
               "and please report it)")


_OS_HINTS = {28: " (the disk is full: free space and run again; completed articles are kept)",
             13: " (check the permissions of the file or folder)",
             30: " (the file system is read-only)"}


def _os_hint(e: Exception) -> str:
    """How to fix an OS fault; RocksDB's errors carry no errno, only the C library's words."""
    if "check " in str(e) or "free space" in str(e):   # the message already says how to fix it
        return ""
    if isinstance(e, OSError) and e.errno in _OS_HINTS:
        return _OS_HINTS[e.errno]
    for errno, words in ((28, "No space left on device"), (13, "Permission denied"), (30, "Read-only file system")):
        if words in str(e):
            return _OS_HINTS[errno]
    return ""


def _one_line(text: str) -> str:
    return " ".join(text.split())[:500]


def _error(message: str) -> None:
    """Print `kg: error: MESSAGE` on one line (printable even for names that are not UTF-8) and exit 1."""
    line = _one_line(message).encode("utf-8", "backslashreplace").decode("utf-8")
    click.echo(f"kg: error: {line}", err=True)
    sys.exit(1)
