"""Read snapshots: readers never wait for a writer.

Oxigraph's read-only open is undefined while another process writes the database, so a
reader cannot simply share the live database with a running `kg ingest`. Instead every
write session ends by publishing a checkpoint of the committed store (`Store.backup`: hard
links to RocksDB's immutable files, so it is cheap) under `snapshots/NAME/`, and

    no writer running     a reader opens the live database under a shared lock (as before)
    a writer running      a reader opens the newest snapshot read-only: the state the store had
                          when the last write session ended, which is what the running
                          ingest started from; nothing writes a snapshot, so the open is safe

A snapshot carries `NAME.lock`: a reader holds it shared while the snapshot is open, and a
writer deletes an older snapshot only when it can take that lock exclusively. A store that
has never finished a write session since this existed has no snapshot yet; its readers wait
for the writer as they used to.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import sys
import time
from pathlib import Path

import pyoxigraph as ox

from kg.store.guard import lock_now

FOLDER = "snapshots"


def publish(db: ox.Store, location: Path) -> None:
    """Checkpoint the committed store as the newest snapshot and drop older unused ones.

    A failure (a full disk, say) is a warning, not an error: the write itself succeeded.
    """
    folder = location / FOLDER
    name = f"{time.time_ns():020d}"
    try:
        folder.mkdir(exist_ok=True)
        tmp = folder / f"{name}.tmp"
        db.backup(str(tmp))
        (folder / f"{name}.lock").touch()
        os.rename(tmp, folder / name)
    except OSError as e:
        shutil.rmtree(folder / f"{name}.tmp", ignore_errors=True)
        print(f"kg: warning: {location}: could not publish a read snapshot ({e}); readers wait during the next "
              "ingest", file=sys.stderr)
        return
    _prune(folder, keep=name)


def _prune(folder: Path, keep: str) -> None:
    for entry in sorted(folder.iterdir()):
        if entry.name == keep or entry.name.endswith(".lock"):
            continue
        if entry.name.endswith(".tmp"):
            shutil.rmtree(entry, ignore_errors=True)   # left by a killed run
            continue
        lock = folder / f"{entry.name}.lock"
        fd = lock_now(lock, create=True)
        if fd is None:
            continue   # a reader has it open: the next writer will try again
        shutil.rmtree(entry, ignore_errors=True)
        lock.unlink(missing_ok=True)
        os.close(fd)


def open_latest(location: Path) -> tuple[ox.Store, int] | None:
    """The newest snapshot opened read-only, with the descriptor of its shared lock; None if there is none."""
    folder = location / FOLDER
    for _ in range(5):   # a writer may replace the newest one between listing and locking
        try:
            names = sorted(e.name for e in folder.iterdir() if e.is_dir() and not e.name.endswith(".tmp"))
        except OSError:
            return None
        if not names:
            return None
        name = names[-1]
        try:
            fd = os.open(folder / f"{name}.lock", os.O_RDONLY)
        except OSError:
            continue
        fcntl.flock(fd, fcntl.LOCK_SH)
        if not (folder / name).is_dir():
            os.close(fd)
            continue
        try:
            return ox.Store.read_only(str(folder / name)), fd
        except (OSError, RuntimeError):   # RocksDB says "Corruption: …" as RuntimeError; the lock goes either way
            os.close(fd)
            continue
    return None
