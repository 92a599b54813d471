"""`kg ingest PATH...`"""
from __future__ import annotations

import os
import sys

import click


EPILOG = """\b
Examples:
  kg ingest corpus/
  kg ingest --workers 4 corpus/
  kg ingest --dask-scheduler tcp://10.0.0.5:8786 corpus/
"""


@click.command("ingest", epilog=EPILOG)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--dry-run", is_flag=True, help="Print what would change, write nothing.")
@click.option("--keep-missing", is_flag=True,
              help="Keep articles that were ingested from a given folder and are gone from it (default: drop them).")
@click.option("--encoding", metavar="NAME", default=None,
              help="Encoding of the files (utf-8, big5, gb18030, utf-16…); default: detected per file.")
@click.option("--follow-links", is_flag=True,
              help="Read symbolic links that lead out of the folders given (default: skip them with a warning).")
@click.option("--silent", is_flag=True, help="No progress bar.")
@click.option("--workers", type=click.IntRange(min=1), default=None, metavar="N",
              help="Extraction processes (default: one per core). The store's content does not depend on it.")
@click.option("--dask-scheduler", metavar="tcp://HOST:PORT", default=None,
              help="Extract on the workers of this dask.distributed cluster; this process writes the store.")
@click.option("--article-timeout", type=click.FloatRange(min=0), default=None, metavar="SECONDS",
              help="Time budget of one article's extraction (default 120, or $KG_ARTICLE_SECONDS; 0: none); "
                   "an article over it stops the run before anything is written.")
@click.pass_obj
def command(settings, paths: tuple[str, ...], dry_run: bool, keep_missing: bool, encoding: str | None,
            follow_links: bool, silent: bool, workers: int | None, dask_scheduler: str | None,
            article_timeout: float | None) -> None:
    """Ingest article files and folders (.txt, .md) into the store.

    Unchanged articles are skipped, changed ones replaced, and articles gone from a
    folder being ingested are dropped (unless --keep-missing). Every file is read and
    checked first: a bad file stops the run before the store is touched (or created).
    Every article is extracted before the first write: one that fails, or overruns
    --article-timeout, stops the run with nothing written.
    Extraction runs on every core (--workers), or on a Dask cluster (--dask-scheduler);
    writes happen here, in batches.
    """
    from kg.malloc import one_arena
    # before the store opens and starts RocksDB's threads: this process writes the store for the
    # whole run, and with an arena per thread its memory grew with the run (kg.malloc); the
    # extraction workers it forks inherit the setting, at no cost measured (the pipeline took the same CPU
    # with one arena as without, within 1%, three runs each over 100 articles)
    one_arena()
    from kg.corpus.decoding import canonical
    from kg.corpus.reader import check_batch

    if encoding:
        try:
            encoding = canonical(encoding)
        except ValueError as e:
            raise click.BadParameter(str(e), param_hint="--encoding") from None
    from kg.article_budget import ENV, article_seconds
    if article_timeout is not None:   # through the environment, which worker processes inherit
        os.environ[ENV] = f"{article_timeout:g}"
    article_seconds()   # a malformed $KG_ARTICLE_SECONDS stops here, before the store opens
    checked = check_batch(paths, encoding=encoding, follow_links=follow_links, current=_current(settings.store))

    from kg.ingest import ingest
    from kg.store import open_store
    from kg.store.guard import first_run_guard
    with first_run_guard(settings.store):
        with open_store(settings.store, write=True) as store:
            bar = None
            if not silent and sys.stderr.isatty():
                from rich.progress import Progress
                bar = Progress(transient=True)
                bar.start()
                task = bar.add_task("extracting", total=None)

            def progress(done: int, total: int, key: str) -> None:
                if bar is not None:
                    bar.update(task, completed=done, total=total, description=key[-40:])

            try:
                report = ingest(paths, store, dry_run=dry_run, prune=not keep_missing, progress=progress,
                                pipeline_config=settings.pipeline_config, base_pipeline=settings.base_pipeline,
                                checked=checked, workers=workers, dask_scheduler=dask_scheduler)
            finally:
                if bar is not None:
                    bar.stop()
    if dry_run:
        for label, keys in (("add", report.added), ("change", report.changed), ("remove", report.removed)):
            for key in keys:
                click.echo(f"{label}\t{key}")
    click.echo(report.summary(), err=True)


def _current(location: str) -> dict[str, str]:
    """Article key → SHA-256 of what the store at location holds as the current extractor made it
    (none when there is no store yet): `check_batch` need not parse those files again."""
    from pathlib import Path

    from kg.store import is_remote
    if not is_remote(location) and not (Path(location) / "oxigraph").is_dir():
        return {}   # no store yet: every file is checked before one is made
    from kg.ingest import extractor_fingerprint, stored_articles
    from kg.store import open_store
    try:
        with open_store(location) as store:
            stored = stored_articles(store)
    except Exception:  # noqa: BLE001 - only a shortcut: a store that cannot be read now (not a store, locked,
        return {}      # left half-made by a kill) is opened for writing below, which repairs it or says why not
    fingerprint = extractor_fingerprint()
    return {key: sha for key, (sha, fp) in stored.items() if fp == fingerprint}
