"""The embedded store: Oxigraph on disk, one named graph per article.

Layout of a store location (a folder):
    oxigraph/   the Oxigraph (RocksDB) database
    lock        advisory lock: one writer at a time; readers share
    snapshots/  read snapshots published at the end of each write session: a reader that
                finds a writer running reads the newest one instead of waiting (kg.store.snapshot)
    kg-store.json  the store's layout version (kg.store.guard)

A writer holds an exclusive lock for its whole run, so a second `kg ingest` waits
(`KG_LOCK_TIMEOUT` seconds, default 10) and then fails with a clear message. Readers take
a shared lock and open the database read-only. Every change to an article's graph is one
SPARQL update, which Oxigraph applies as one transaction: a killed run leaves each article
either fully replaced or untouched.
"""
from __future__ import annotations

import fcntl
import io
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

import pyoxigraph as ox

from kg.errors import StoreError, StoreLockedError

if TYPE_CHECKING:
    from rdflib import Literal, URIRef

    from kg.store.remote import RemoteStore

    Term = URIRef | Literal


def _n3(term) -> str:
    """term in N-Triples; rdflib is loaded by whoever made the term, not by opening a store to read it."""
    from kg.rdf.ntriples import nt
    return nt(term)


class Store:
    """An open store. Use `open_store(location, write=...)`; close it (or use `with`)."""

    def __init__(self, location: Path, db: ox.Store, lock_fd: int | None, writable: bool) -> None:
        self.location = location
        self._db = db
        self._lock_fd = lock_fd
        self.writable = writable

    # -- lifecycle
    def close(self) -> None:
        if self._db is not None:
            if self.writable:
                self._db.flush()
                from kg.store.snapshot import publish
                publish(self._db, self.location)   # what readers see while the next writer runs
            self._db = None
        if self._lock_fd is not None:
            if self._lock_fd in _LOCK_FDS:   # not closed by a fork (see _close_inherited_locks)
                _LOCK_FDS.discard(self._lock_fd)
                fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
                os.close(self._lock_fd)
            self._lock_fd = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def db(self) -> ox.Store:
        if self._db is None:
            raise StoreError(f"{self.location}: store is closed")
        return self._db

    # -- writing
    def replace_graph(self, graph: URIRef, triples: Iterable[tuple]) -> None:
        """Make graph hold exactly these triples, in one transaction.

        A graph the store does not hold yet is loaded with Oxigraph's N-Triples parser (one
        transaction, several times faster than parsing SPARQL); an existing one is replaced by
        one SPARQL update that drops and inserts together.
        """
        from kg.rdf.ntriples import nt
        self.replace_graph_lines(graph, [f"{nt(s)} {nt(p)} {nt(o)} ." for s, p, o in triples])

    def replace_graph_lines(self, graph: URIRef, lines: list[str]) -> None:
        """replace_graph for triples already written as N-Triples lines."""
        body = "\n".join(lines)
        g = _n3(graph)
        if not self.writable:
            raise StoreError(f"{self.location}: store is open read-only")
        self._mark_statistics_stale(str(graph))
        if not self.db.contains_named_graph(ox.NamedNode(str(graph))):
            try:
                self.db.load(body.encode("utf-8"), ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(str(graph)))
                self.db.add_graph(ox.NamedNode(str(graph)))
                return
            except (OSError, SyntaxError, ValueError) as e:
                raise StoreError(f"{self.location}: cannot load {graph}: {e}") from e
        self._update(f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{body}\n}} }}")

    def write_graphs(self, graphs: dict[str, list[str]], *, drop: Iterable[str] = (), before: str = "",
                     nquads: dict[str, bytes] | None = None,
                     changes: dict[str, tuple[list[str], list[str]]] | None = None) -> None:
        """Replace many graphs at once: each graph in graphs gets exactly its N-Triples lines,
        each graph in nquads exactly the triples of its N-Quads (UTF-8 lines naming that graph,
        as kg.ingest_workers writes an article's graph), and each graph in changes loses the
        N-Triples lines of its first list and gains those of its second (the difference between
        what it holds and what it is to hold: no blank nodes, which DELETE DATA cannot name).

        before (a SPARQL update), the drops and the replacements of graphs the store holds
        are one update, so one transaction; graphs the store does not hold yet are then
        added by Oxigraph's bulk loader, which writes them as new files and adds those in
        one step (all or nothing below its chunk of a million quads; kg.ingest's batches
        stay under it): less than half the CPU of a transactional load, which also leaves
        the writer's memory with every quad until the next flush. N-Quads go to the loader
        as they are, never parsed or rewritten here.
        """
        if not self.writable:
            raise StoreError(f"{self.location}: store is open read-only")
        graphs, nquads = dict(graphs), dict(nquads or {})
        for g in [g for g in nquads if self.db.contains_named_graph(ox.NamedNode(g))]:
            graphs[g] = _nquads_lines(nquads.pop(g), g)   # a stored graph: replaced in the update
        fresh = {g: "\n".join(v).encode("utf-8") + b"\n" for g, v in graphs.items()
                 if not self.db.contains_named_graph(ox.NamedNode(g))}
        from kg.store.statistics import MARK_STALE
        ops = [MARK_STALE] + ([before] if before else [])
        ops += [f"DROP SILENT GRAPH <{g}>" for g in [*drop, *(g for g in graphs if g not in fresh)]]
        inserts = [f"GRAPH <{g}> {{\n" + "\n".join(v) + "\n}" for g, v in graphs.items() if g not in fresh]
        deletes = [f"GRAPH <{g}> {{\n" + "\n".join(gone) + "\n}" for g, (gone, _) in sorted((changes or {}).items()) if gone]
        inserts += [f"GRAPH <{g}> {{\n" + "\n".join(new) + "\n}" for g, (_, new) in sorted((changes or {}).items()) if new]
        if deletes:
            ops.append("DELETE DATA {\n" + "\n".join(deletes) + "\n}")
        if inserts:
            ops.append("INSERT DATA {\n" + "\n".join(inserts) + "\n}")
        if ops:
            self._update(" ;\n".join(ops))
        loads = [_as_nquads(body, g) for g, body in fresh.items()] + list(nquads.values())
        if loads:
            try:
                self.db.bulk_load(_Chunks(loads), ox.RdfFormat.N_QUADS)
            except (OSError, SyntaxError, ValueError) as e:
                raise StoreError(f"{self.location}: cannot load {len(loads)} graphs: {e}") from e
        self._flush()

    def clear(self) -> None:
        """Remove every quad and graph (kg.ingest empties a store it found empty when its run fails)."""
        if not self.writable:
            raise StoreError(f"{self.location}: store is open read-only")
        try:
            self.db.clear()
        except OSError as e:
            raise StoreError(f"{self.location}: cannot write to disk: {e}") from e
        self._flush()

    def _mark_statistics_stale(self, graph: str) -> None:
        """Any graph but the statistics' own and the ontology's changes the counts (kg.store.statistics)."""
        from kg.store.statistics import MARK_STALE, UNCOUNTED_GRAPHS
        if graph not in UNCOUNTED_GRAPHS:
            self._update(MARK_STALE)

    def _flush(self) -> None:
        """Write Oxigraph's in-memory buffers to disk after each batch.

        Without it the writer's memory grows with every batch (about 120 MiB per 140,000
        quads, measured) until the store is closed; with it, memory stays flat however large
        the corpus, for about a second per batch."""
        try:
            self.db.flush()
        except OSError as e:
            raise StoreError(f"{self.location}: cannot write to disk: {e}") from e

    def drop_graph(self, graph: URIRef) -> None:
        self._mark_statistics_stale(str(graph))
        self._update(f"DROP SILENT GRAPH {_n3(graph)}")

    def _update(self, sparql: str) -> None:
        if not self.writable:
            raise StoreError(f"{self.location}: store is open read-only")
        try:
            self.db.update(sparql)
        except (OSError, SyntaxError) as e:
            raise StoreError(f"{self.location}: update failed: {e}") from e

    # -- reading
    def query(self, sparql: str, **kwargs):
        return self.db.query(sparql, **kwargs)

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self.db.named_graphs())

    def holds_graph(self, graph: str) -> bool:
        """True when the store holds this named graph (a lookup, not a query)."""
        return self.db.contains_named_graph(ox.NamedNode(graph))

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        g = ox.NamedNode(graph) if graph else None
        return self.db.quads_for_pattern(None, None, None, g)

    def count(self) -> int:
        return len(self.db)

    def is_empty(self) -> bool:
        """No quad and no named graph (without counting them all, as len() does)."""
        return next(iter(self.db.quads_for_pattern(None, None, None, None)), None) is None \
            and next(iter(self.db.named_graphs()), None) is None


def _as_nquads(ntriples: bytes, graph: str) -> bytes:
    """N-Triples lines (each ending in " .\\n") as N-Quads lines naming graph."""
    return ntriples.replace(b" .\n", f" <{graph}> .\n".encode("utf-8"))


def _nquads_lines(nquads: bytes, graph: str) -> list[str]:
    """N-Quads lines naming graph back as N-Triples lines."""
    cut = len(graph) + 5   # " <graph> ."
    return [line[:-cut] + " ." for line in nquads.decode("utf-8").split("\n") if line]


class _Chunks(io.RawIOBase):
    """Byte strings read as one file, one after the other: the loader streams it, so a batch's
    quads are never one string (120 MiB more at 200 articles)."""

    def __init__(self, parts: list[bytes]) -> None:
        self._parts = iter(parts)
        self._part, self._at = memoryview(b""), 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while self._at >= len(self._part):
            part = next(self._parts, None)
            if part is None:
                return 0
            self._part, self._at = memoryview(part), 0
        n = min(len(buffer), len(self._part) - self._at)
        buffer[:n] = self._part[self._at:self._at + n]
        self._at += n
        return n


_LOCK_FDS: set[int] = set()   # the lock files this process holds


def _close_inherited_locks() -> None:
    """In a forked child (an extraction worker): drop the copies of the parent's lock files.

    flock() locks belong to the open file, which a fork shares: a worker keeping its copy
    would keep the store locked after its parent died (kill -9) until the worker exits.
    Closing the copy leaves the parent's lock as it is.
    """
    for fd in list(_LOCK_FDS):
        try:
            os.close(fd)
        except OSError:
            pass
    _LOCK_FDS.clear()


os.register_at_fork(after_in_child=_close_inherited_locks)


def _lock(location: Path, exclusive: bool) -> int:
    location.mkdir(parents=True, exist_ok=True)
    path = location / "lock"
    # a reader needs no write access: flock works on a read-only descriptor
    fd = os.open(path, os.O_RDONLY) if not exclusive and path.exists() else os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
    deadline = time.monotonic() + float(os.environ.get("KG_LOCK_TIMEOUT", "10"))
    while True:
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
            _LOCK_FDS.add(fd)
            return fd
        except BlockingIOError:
            if time.monotonic() >= deadline:
                os.close(fd)
                raise StoreLockedError(
                    f"{location}: store is in use by another kg process (an ingest is running); "
                    "wait for it to finish, or raise KG_LOCK_TIMEOUT") from None
            time.sleep(0.1)


def open_store(location: str | Path, write: bool = False) -> "Store | RemoteStore":
    """Open the store at location; write=True takes the writer's lock and creates it if needed.

    An http(s) location is a SPARQL 1.1 server (kg.store.remote), anything else a folder.
    """
    from kg.store.remote import RemoteStore, is_remote
    if is_remote(location):
        return RemoteStore(str(location), writable=write)
    from kg.store import guard
    location = Path(location)
    db_path = location / "oxigraph"
    guard.check_folder(location, write)
    if not write and not db_path.is_dir():
        raise StoreError(f"{location}: no kg store here; run `kg --store {location} ingest corpus/` first")
    if not write:
        snap = _snapshot_if_writer_busy(location)
        if snap is not None:
            return Store(location, snap[0], snap[1], False)
        _recover_after_killed_writer(location, db_path)
    try:
        fd = _lock(location, exclusive=write)
    except OSError as e:
        raise StoreError(f"{location}: cannot lock the store: {e.strerror}; check the folder's permissions") from e
    try:
        db = ox.Store(str(db_path)) if write else ox.Store.read_only(str(db_path))
        if write:
            guard.mark(location)
    except BaseException as e:
        # whatever failed (RocksDB reports a damaged store as RuntimeError "Corruption: …"), the lock
        # goes with it: a lock kept here would lock this very process out of its next open
        _LOCK_FDS.discard(fd)
        os.close(fd)
        if isinstance(e, (OSError, RuntimeError)):
            raise StoreError(f"{location}: cannot open the store: {str(e).splitlines()[0] if str(e) else e}") from e
        raise
    return Store(location, db, fd, write)


def _recover_after_killed_writer(location: Path, db_path: Path) -> None:
    """A writer killed mid-ingest leaves its write-ahead log behind (hundreds of MB on a large
    store). RocksDB replays it on every read-only open (6 s per `kg query` at 10,000 articles)
    and only a read-write open folds it into the store. So the first reader to find a large log
    and no writer at work opens the store for writing once (no data changes: what the log holds
    was committed) and every later open is fast. Readers holding the store, a writer at work or
    a read-only folder leave it as it is."""
    try:
        wal = sum(p.stat().st_size for p in db_path.glob("*.log"))
    except OSError:
        return
    if wal < int(os.environ.get("KG_WAL_REPLAY_BYTES", str(64 << 20))):
        return
    from kg.store.guard import lock_now
    fd = lock_now(location / "lock")
    if fd is None:
        return
    try:
        db = ox.Store(str(db_path))
        db.flush()
        del db
    except (OSError, RuntimeError):
        pass   # the read-only open that follows reports what is wrong
    finally:
        os.close(fd)


def _snapshot_if_writer_busy(location: Path) -> tuple[ox.Store, int] | None:
    """While a writer holds the store, the newest read snapshot (kg.store.snapshot); else None."""
    path = location / "lock"
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None   # no writer: read the live database
    except BlockingIOError:
        from kg.store.snapshot import open_latest
        return open_latest(location)
    finally:
        os.close(fd)
