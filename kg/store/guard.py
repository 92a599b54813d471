"""Checks around an embedded store folder: what it is, who wrote it, and cleaning up a failed start.

    a folder that is not a store     `--store corpus/` would have put a database among the
                                     articles: a non-empty folder without `oxigraph/` is refused
    a store from another kg          `kg-store.json` records the layout version (FORMAT); a store
                                     written in another layout is refused, not misread
    permission denied                one line naming the folder, not a traceback
    a failed first run               `first_run_guard` removes the folder it created, so a run
                                     that stopped on an error leaves no empty store behind

Stores made before the marker existed (an `oxigraph/` folder and no `kg-store.json`) are
taken as FORMAT 1 and marked on their next write.
"""
from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
from pathlib import Path
from typing import Iterator

from kg.errors import StoreError

FORMAT = 1
MARKER = "kg-store.json"
_OURS = {"oxigraph", "lock", MARKER, "kg-store.tmp", "snapshots"}


def check_folder(location: Path, write: bool) -> None:
    """Raise StoreError when location cannot be (or become) a kg store of this version."""
    if location.exists() and not location.is_dir():
        raise StoreError(f"{location}: is a file, not a kg store folder; give --store a folder")
    if location.is_dir():
        try:
            names = set(os.listdir(location))
        except PermissionError:
            raise StoreError(f"{location}: permission denied; check the folder's permissions") from None
        # (only our own files and no database: a first run killed between taking its lock and creating
        # the database; the next run carries on)
        if names - _OURS and "oxigraph" not in names:
            raise StoreError(f"{location}: not a kg store (it holds {len(names)} other file(s) and no oxigraph/ "
                             "database); give --store a new or empty folder")
        _check_marker(location)
        if write and not os.access(location, os.W_OK | os.X_OK):
            raise StoreError(f"{location}: permission denied (the store is not writable); "
                             "check the folder's permissions or owner")
    elif write:
        parent = _existing_parent(location)
        if not os.access(parent, os.W_OK | os.X_OK):
            raise StoreError(f"{location}: permission denied (cannot create the store in {parent})")


def _existing_parent(location: Path) -> Path:
    p = location.absolute().parent
    while not p.exists() and p != p.parent:
        p = p.parent
    return p


def _check_marker(location: Path) -> None:
    path = location / MARKER
    if not path.exists():
        return
    try:
        found = json.loads(path.read_text(encoding="utf-8")).get("format")
    except (OSError, ValueError, AttributeError):
        raise StoreError(f"{path}: unreadable store marker; is this a kg store?") from None
    if found != FORMAT:
        raise StoreError(f"{location}: store written in kg store format {found}, this kg reads format {FORMAT}; "
                         "use the kg version that wrote it, or re-ingest into a new --store folder")


def mark(location: Path) -> None:
    """Record the store's format (once; atomically, so a crash leaves no half-written marker)."""
    path = location / MARKER
    if path.exists():
        return
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"format": FORMAT, "written_by": "kg"}) + "\n", encoding="utf-8")
    os.replace(tmp, path)


@contextlib.contextmanager
def first_run_guard(location: str | Path) -> Iterator[None]:
    """Remove the store folder made inside this block when the block fails: no empty store is left."""
    from kg.store.remote import is_remote
    if is_remote(location):
        yield
        return
    folder = Path(location)
    fresh = not folder.exists() or (folder.is_dir() and not any(folder.iterdir()))
    existed = folder.exists()
    try:
        yield
    except Exception:   # not Ctrl-C: an interrupted run keeps the articles it completed
        if fresh and folder.is_dir():
            if existed:
                for child in folder.iterdir():
                    shutil.rmtree(child, ignore_errors=True) if child.is_dir() else child.unlink(missing_ok=True)
            else:
                shutil.rmtree(folder, ignore_errors=True)
        raise


def lock_now(path: Path, create: bool = False) -> int | None:
    """The lock file at path held exclusively, if no one holds it right now: its descriptor, to
    close when done; None when someone holds it or the file cannot be opened (create=False and
    missing, or no permission)."""
    try:
        fd = os.open(path, os.O_RDWR | (os.O_CREAT if create else 0), 0o644)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    return fd
