"""Every article of a run extracted before the first write, kept on disk rather than in memory.

`kg ingest` promises that an article it cannot extract (one that overruns its time budget,
or meets a bug in a rule) stops the run with the store as it was, like a file that cannot
be read. Writes go in batches while articles stream through, so the extracted graphs wait
here, pickled one after another in an anonymous temporary file (it vanishes with the
process, even on kill -9), until the last article is extracted; only then does the
first write happen. Memory stays flat in the corpus size, disk use is the size of the
new graphs.
"""
from __future__ import annotations

import pickle
import tempfile
from typing import Callable, Iterable, Iterator

from kg.errors import KgError
from kg.ingest_workers import Extracted


class Spool:
    """An append-then-read-back sequence of Extracted, in a temporary file."""

    def __init__(self) -> None:
        try:
            self._file = tempfile.TemporaryFile(prefix="kg-ingest-")
        except OSError as e:
            raise _spool_error(e) from None
        self.count = 0

    def add(self, item: Extracted) -> None:
        try:
            pickle.dump(item, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        except OSError as e:
            raise _spool_error(e) from None
        self.count += 1

    def __iter__(self) -> Iterator[Extracted]:
        self._file.flush()
        self._file.seek(0)
        for _ in range(self.count):
            yield pickle.load(self._file)

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> "Spool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def extract_all(results: Iterable[Extracted], total: int,
                progress: Callable[[int, int, str], None] | None = None) -> Spool:
    """Drain the extraction stream into a Spool; any error leaves nothing behind (and nothing written)."""
    spool = Spool()
    try:
        for i, item in enumerate(results):
            spool.add(item)
            if progress:
                progress(i + 1, total, item.key)
    except BaseException:
        spool.close()
        raise
    return spool


def _spool_error(e: OSError) -> KgError:
    return KgError(f"{tempfile.gettempdir()}: cannot keep the extracted articles there before writing "
                   f"({e.strerror or e}); nothing was ingested (free space there, or point TMPDIR at a "
                   "folder with room)")
