"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over the store, with the viewer beside it.

    GET/HEAD /sparql?query=…                 (also /query?query=…)
    GET  /query                              the query page: editor, saved queries, results as table and graph
    GET  /queries.json                       the saved queries with their text, as the query page reads them
    POST /sparql  query=… (form-encoded)  or  an application/sparql-query body
    GET  /queries                            the saved queries (JSON)
    GET  /queries/NAME?param=value…          run a saved query, parameters bound as in `kg query`
    GET  /  or  /view                        the HTML view of the graph (kg.view.write_view)

Results come as SPARQL JSON, XML, CSV or TSV (CONSTRUCT/DESCRIBE: N-Triples, Turtle, RDF/XML,
JSON-LD) by the `Accept` header, or a `format=` parameter (json, xml, csv, tsv, turtle,
ntriples). As in `kg query`, the default graph is the union of all graphs and kg's prefixes
are predeclared; `default-graph-uri` and `named-graph-uri` are honoured when given (and
must be IRIs).

The HTTP side is a Starlette app on uvicorn (h11): a listen backlog of 2,048, malformed
requests (a negative Content-Length, a broken request line) answered 400 by the HTTP
parser, HEAD answered wherever GET is. Each query runs in a child process, because
pyoxigraph cannot interrupt a running query: the time limit (`--timeout`) is enforced by
killing the child, which frees the CPU. At most `--workers` children run at once; a request
that waits for one longer than the time limit, or finds `--max-queue` requests already
waiting, gets 503 with a one-line reason, so endless queries cannot stall the server for
ever, and a query still running after a second is niced to the lowest CPU priority, so
slow queries cannot starve quick ones of the CPU either; a child is also capped at
`--max-memory` MiB of address space, and a query that needs more gets 503 too (the child
itself takes a fixed 250 to 360 MiB of it: `_one_malloc_arena`). The child opens the store
read-only for that one query (a snapshot while an ingest runs) and closes it, so every
query sees the latest graph. Children come from a fork server started before any thread.

Safe by default: updates are refused (403; write with `kg ingest`); SERVICE (federated)
queries are refused with 400 unless `--allow-service HOST` names the host they reach
(`*` for any; found in the parsed query, in the child: kg.query.checks), so the endpoint
cannot be made to fetch URLs (SSRF); a query nested more than 64 brackets deep is a 400
before the parser sees it; CORS headers are sent only for the origins named with
`--cors ORIGIN`. At most `--max-rows` solutions (or triples) are returned; a cut result
carries the header `KG-Truncated: true`.
"""
from __future__ import annotations

import hashlib
import itertools
import json
import multiprocessing
import os
import queue
import signal
import tempfile
import threading
import urllib.parse
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

MAX_BODY = 1 << 20          # 1 MiB of query text is plenty
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

RESULT_TYPES = {  # media type → (pyoxigraph format, Content-Type sent)
    "application/sparql-results+json": (ox.QueryResultsFormat.JSON, "application/sparql-results+json"),
    "application/json": (ox.QueryResultsFormat.JSON, "application/sparql-results+json"),
    "application/sparql-results+xml": (ox.QueryResultsFormat.XML, "application/sparql-results+xml"),
    "application/xml": (ox.QueryResultsFormat.XML, "application/sparql-results+xml"),
    "text/xml": (ox.QueryResultsFormat.XML, "application/sparql-results+xml"),
    "text/csv": (ox.QueryResultsFormat.CSV, "text/csv; charset=utf-8"),
    "text/tab-separated-values": (ox.QueryResultsFormat.TSV, "text/tab-separated-values; charset=utf-8"),
}
GRAPH_TYPES = {
    "application/n-triples": (ox.RdfFormat.N_TRIPLES, "application/n-triples"),
    "text/plain": (ox.RdfFormat.N_TRIPLES, "application/n-triples"),
    "text/turtle": (ox.RdfFormat.TURTLE, "text/turtle; charset=utf-8"),
    "application/x-turtle": (ox.RdfFormat.TURTLE, "text/turtle; charset=utf-8"),
    "application/rdf+xml": (ox.RdfFormat.RDF_XML, "application/rdf+xml"),
    "application/ld+json": (ox.RdfFormat.JSON_LD, "application/ld+json"),
}
FORMAT_PARAM = {  # format= / output= values (Virtuoso's and SPARQLWrapper's habit) → an Accept header
    "json": "application/sparql-results+json, application/ld+json",
    "xml": "application/sparql-results+xml, application/rdf+xml",
    "csv": "text/csv", "tsv": "text/tab-separated-values",
    "turtle": "text/turtle", "n3": "text/turtle", "ttl": "text/turtle",
    "ntriples": "application/n-triples", "n-triples": "application/n-triples", "nt": "application/n-triples",
    "rdf": "application/rdf+xml", "rdfxml": "application/rdf+xml", "rdf+xml": "application/rdf+xml",
    "json-ld": "application/ld+json", "jsonld": "application/ld+json",
}


@dataclass
class ServeConfig:
    """What `kg serve` was asked for."""

    store: str
    host: str = "127.0.0.1"
    port: int = 8787
    timeout: float = 30.0
    max_rows: int = 10_000
    workers: int = 8
    max_queue: int = 256          # requests waiting for a worker beyond this get 503 at once
    cors_origins: tuple[str, ...] = ()      # CORS is off unless origins are named
    allow_service: tuple[str, ...] = ()     # hosts SERVICE may reach; "*" for any
    backlog: int = 2048
    max_memory_mib: int = 4096    # address space of one query process; 0: no limit
    max_connections: int = 1024
    lang: str = "zh-Hant"
    quiet: bool = False


class Failure(Exception):
    """An HTTP error answer: status and a one-line message saying how to fix the request."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


# ---------------------------------------------------------------- content negotiation

def _accepted(accept: str | None) -> list[str]:
    """Media types of an Accept header, best first (q-values honoured, order kept on ties)."""
    if not accept:
        return ["*/*"]
    items = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if media and q > 0:
            items.append((-q, i, media))
    return [m for _, _, m in sorted(items)]


def _choose(accepted: list[str], table: dict, default: str):
    for media in accepted:
        if media in table:
            return table[media]
        if media in ("*/*", "application/*", "text/*"):
            if media == "*/*" or default.startswith(media[:-1]):
                return table[default]
            for key, value in table.items():
                if key.startswith(media[:-1]):
                    return value
    return None


# ---------------------------------------------------------------- work done in child processes

def _term_json(t) -> dict:
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Literal):
        out = {"type": "literal", "value": t.value}
        if t.language:
            out["xml:lang"] = t.language
        elif t.datatype.value != _XSD_STRING:
            out["datatype"] = t.datatype.value
        return out
    if isinstance(t, ox.Triple):
        return {"type": "triple", "value": {"subject": _term_json(t.subject), "predicate": _term_json(t.predicate),
                                            "object": _term_json(t.object)}}
    raise TypeError(f"unsupported term {t!r}")


def _serialize(res, accept: str | None, max_rows: int) -> tuple[int, str, bytes, bool]:
    """Query results as (status, Content-Type, body, truncated) in the best accepted format."""
    accepted = _accepted(accept)
    if isinstance(res, (ox.QueryBoolean, ox.QuerySolutions)):
        chosen = _choose(accepted, RESULT_TYPES, "application/sparql-results+json")
        if chosen is None:
            return (406, "text/plain; charset=utf-8", b"no acceptable format: ask for application/sparql-results+json, "
                    b"application/sparql-results+xml, text/csv or text/tab-separated-values\n", False)
        fmt, ctype = chosen
        if isinstance(res, ox.QueryBoolean):
            return 200, ctype, res.serialize(format=fmt), False
        variables = [v.value for v in res.variables]
        rows = list(itertools.islice(res, max_rows + 1))
        truncated = len(rows) > max_rows
        bindings = []
        for sol in rows[:max_rows]:
            bindings.append({v: _term_json(sol[v]) for v in variables if sol[v] is not None})
        body = json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}},
                          ensure_ascii=False).encode("utf-8")
        if fmt != ox.QueryResultsFormat.JSON:
            body = ox.parse_query_results(body, ox.QueryResultsFormat.JSON).serialize(format=fmt)
        return 200, ctype, body, truncated
    chosen = _choose(accepted, GRAPH_TYPES, "application/n-triples")
    if chosen is None:
        return (406, "text/plain; charset=utf-8", b"no acceptable format: ask for text/turtle, application/n-triples, "
                b"application/rdf+xml or application/ld+json\n", False)
    fmt, ctype = chosen
    triples = list(itertools.islice(iter(res), max_rows + 1))
    truncated = len(triples) > max_rows
    return 200, ctype, ox.serialize(triples[:max_rows], format=fmt), truncated


def _run_query(location: str, sparql: str, accept: str | None, max_rows: int, default_graphs: list[str],
               named_graphs: list[str], allow_service: tuple[str, ...] = ()) -> tuple[int, str, bytes, bool]:
    from kg.errors import KgError
    from kg.query.checks import refused_service
    from kg.query.saved import all_prefixes
    from kg.store import open_store

    # here, in the time- and memory-capped child, not in the server: parsing a large query takes a while
    why = refused_service(sparql, allow_service, all_prefixes())
    if why:
        return 400, "text/plain; charset=utf-8", f"{why}\n".encode(), False
    kwargs: dict = {"prefixes": all_prefixes()}
    if default_graphs:
        kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
    else:   # the default graph of `kg query` (kg.query.sparql.DEFAULT_GRAPH), so both give the same rows
        from kg.query.sparql import DEFAULT_GRAPH
        kwargs.update(DEFAULT_GRAPH)
    if named_graphs:
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
    try:
        with open_store(location) as store:
            res = store.query(sparql, **kwargs)
            return _serialize(res, accept, max_rows)
    except SyntaxError as e:
        first = str(e).splitlines()[0] if str(e) else "syntax error"
        if _looks_like_update(sparql):
            return 403, "text/plain; charset=utf-8", _READ_ONLY.encode(), False
        return 400, "text/plain; charset=utf-8", f"malformed SPARQL: {first}\n".encode(), False
    except ValueError as e:
        return 400, "text/plain; charset=utf-8", f"bad request: {e}\n".encode(), False
    except KgError as e:
        return 503, "text/plain; charset=utf-8", f"{e}\n".encode(), False
    except OSError as e:
        return 500, "text/plain; charset=utf-8", f"query failed: {e}\n".encode(), False


def _run_saved(location: str, name: str, params: dict[str, list[str]], accept: str | None,
               max_rows: int, allow_service: tuple[str, ...] = ()) -> tuple[int, str, bytes, bool]:
    from kg.errors import KgError, QueryError
    from kg.query.saved import bind, load_saved
    from kg.store import open_store

    try:
        query = load_saved(name)
        with open_store(location) as store:
            text = bind(query, params, store)
    except QueryError as e:
        return (404 if "no saved query" in str(e) else 400), "text/plain; charset=utf-8", f"{e}\n".encode(), False
    except KgError as e:
        return 503, "text/plain; charset=utf-8", f"{e}\n".encode(), False
    return _run_query(location, text, accept, max_rows, [], [], allow_service)


def _render_view(location: str, path: str, lang: str) -> tuple[int, str, bytes, bool]:
    from kg.errors import KgError
    from kg.store import open_store
    from kg.view import write_view

    try:
        with open_store(location) as store:
            write_view(store, path, lang)
        return 200, "text/html; charset=utf-8", Path(path).read_bytes(), False
    except KgError as e:
        return 503, "text/plain; charset=utf-8", f"{e}\n".encode(), False


def _fingerprint(location: str) -> tuple[int, str, bytes, bool]:
    """A digest of which articles (and which versions) the store holds: the view is redrawn when it changes."""
    from kg.errors import KgError
    from kg.store import open_store

    q = """SELECT ?g ?h ?x WHERE { GRAPH ?g { ?s <https://w3id.org/aichip-kg/ontology#contentHash> ?h
           OPTIONAL { ?s <https://w3id.org/aichip-kg/ontology#extractor> ?x } } }"""
    try:
        with open_store(location) as store:
            rows = sorted(tuple("" if t is None else t.value for t in (r["g"], r["h"], r["x"])) for r in store.query(q))
    except KgError as e:
        return 503, "text/plain; charset=utf-8", f"{e}\n".encode(), False
    return 200, "text/plain", hashlib.sha256(repr(rows).encode()).hexdigest().encode(), False


_TASKS = {"query": _run_query, "saved": _run_saved, "view": _render_view, "fingerprint": _fingerprint}


def _one_malloc_arena() -> bool:
    """Make every thread of this process allocate from glibc's main arena (`kg.malloc.one_arena`);
    False where that is not possible.

    Each query opens the store, and RocksDB then opens every column family's files on up to
    16 threads of its own (max_file_opening_threads; pyoxigraph does not let it be set), about
    120 short-lived threads per open. glibc gives a thread that allocates while the arenas are
    in use a new arena, which reserves 64 MiB of address space (2 x 64 MiB while it is made)
    and is never given back, up to 8 per core: how many a worker ends up with depends on how
    those threads overlap, that is on the machine's load. Measured on 2 cores: 516 to 910 MiB
    of address space after the first open, peaks up to 991 MiB under load, with 76 MiB
    resident, so under a 1,024 MiB RLIMIT_AS a thread's stack could not be mapped and RocksDB
    aborted the worker (std::system_error, "Resource temporarily unavailable") before the
    query ran. With one arena the worker takes the same 250 MiB after an open (360 MiB at
    its peak, the file-opening threads' stacks) whatever the load, and the limit is left to
    the query. Set before this process's first thread (the fork server has none running).
    (Not glibc: musl, macOS; RLIMIT_AS works differently there anyway.)
    """
    from kg.malloc import one_arena
    return one_arena()


def _worker(conn, max_memory_mib: int) -> None:
    """Entry point of a pooled child process: answer tasks one at a time until the pipe closes.

    A worker lives across queries (no fork, no imports per query); one that overruns the
    time limit is killed and replaced. Its address space is capped at max_memory_mib
    (RLIMIT_AS): a query that needs more makes the engine abort, which kills only this
    worker, and the request gets a 503 naming the limit. What the worker reserves for
    itself is kept the same whatever the load (`_one_malloc_arena`), so the limit bounds the
    query, not how RocksDB's threads happened to overlap.
    """
    if max_memory_mib:
        import resource
        _one_malloc_arena()
        limit = max_memory_mib << 20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    while True:
        try:
            task, args, lock_timeout = conn.recv()
        except (EOFError, OSError):
            return
        os.environ["KG_LOCK_TIMEOUT"] = str(lock_timeout)
        try:
            answer = _TASKS[task](*args)
        except BaseException as e:  # noqa: BLE001 - report anything rather than die silently
            answer = (500, "text/plain; charset=utf-8", f"internal error: {type(e).__name__}: {e}\n".encode(), False)
        try:
            conn.send(answer)
        except (OSError, ValueError):
            return


def _looks_like_update(sparql: str) -> bool:
    words = {w.upper() for w in sparql.replace("{", " ").split()}
    return bool(words & {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY"}) and \
        not bool(words & {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})


_READ_ONLY = "this endpoint is read-only: SPARQL updates are refused; change the graph with `kg ingest`\n"


# ---------------------------------------------------------------- the server

CACHE_ANSWERS = 256                 # answers kept, least recently used dropped first
CACHE_BYTES_PER_ANSWER = 1 << 20    # larger answers are not kept


def _generation(location: str) -> tuple | None:
    """Names, sizes and times of the store's database files: it changes whenever a write commits.

    RocksDB appends every commit to its write-ahead log and never rewrites a file in place,
    so a committed change always shows in this listing; a few dozen stat calls, no database open.
    """
    from kg.store.remote import is_remote
    if is_remote(location):
        return None
    out = []
    for sub in ("oxigraph", "snapshots"):
        try:
            with os.scandir(os.path.join(location, sub)) as entries:
                for e in entries:
                    st = e.stat(follow_symlinks=False)
                    out.append((sub, e.name, st.st_size, st.st_mtime_ns))
        except OSError:
            pass
    return tuple(sorted(out))


DEMOTE_AFTER = 1.0   # seconds a query runs at normal priority before it is niced (see Endpoint.run)


def _demote(pid: int) -> bool:
    """Lower a query process's CPU priority to the least (nice 19); False when that is not possible."""
    try:
        os.setpriority(os.PRIO_PROCESS, pid, 19)
        return True
    except OSError:
        return False


class Endpoint:
    """Runs tasks in child processes under the time limit; shared by the request handlers.

    Quick queries must not queue behind slow ones for the CPU either: a query still running
    after DEMOTE_AFTER seconds is niced to the lowest priority, so four endless queries on
    a two-core machine leave the quick ones (and the HTTP event loop) almost the whole CPU.
    Its process is replaced once it answers (an unprivileged process cannot be raised again).
    """

    def __init__(self, config: ServeConfig) -> None:
        self.config = config
        self._ctx = multiprocessing.get_context("forkserver")
        self._ctx.set_forkserver_preload(["kg.query.server", "kg.store", "kg.query.saved", "kg.text", "kg.view",
                                          "kg.query.checks", "rdflib.plugins.sparql.parser"])
        self._slots = threading.BoundedSemaphore(max(1, config.workers))
        self._async_slots = None   # an asyncio.Semaphore, made in the server's event loop
        self._waiting = 0
        self._children: set = set()
        self._idle: queue.LifoQueue = queue.LifoQueue()
        self._cache: OrderedDict = OrderedDict()
        self._inflight: dict = {}
        self._children_lock = threading.Lock()
        self._view_lock = threading.Lock()
        self._view: tuple[str, bytes] | None = None

    def start(self) -> None:
        """Start the fork server now, before the HTTP server starts its threads."""
        self.run("fingerprint", (self.config.store,), timeout=max(self.config.timeout, 30))

    def run(self, task: str, args: tuple, timeout: float | None = None) -> tuple[int, str, bytes, bool]:
        timeout = timeout or self.config.timeout
        if not self._slots.acquire(timeout=timeout):
            raise Failure(503, f"server busy: {self.config.workers} queries already running; try again later")
        try:
            proc, conn = self._take()
            demoted = False
            try:
                conn.send((task, args, max(0.5, timeout * 0.8)))
                if not conn.poll(min(timeout, DEMOTE_AFTER)):
                    # a long query yields the CPU to quick ones and to the HTTP loop for the rest of its time
                    demoted = _demote(proc.pid)
                    if not conn.poll(max(0.0, timeout - DEMOTE_AFTER)):
                        self._discard(proc, conn)
                        raise Failure(503, f"query stopped at the time limit of {timeout:g} s; make it more selective "
                                           "(LIMIT, more specific patterns) or start the server with a larger --timeout")
                answer = conn.recv()
            except (EOFError, OSError):
                proc.join(timeout=2)
                aborted = proc.exitcode == -signal.SIGABRT
                self._discard(proc, conn)
                if aborted and self.config.max_memory_mib:
                    raise Failure(503, f"query stopped at the memory limit of {self.config.max_memory_mib} MiB; make it "
                                       "more selective, or start the server with a larger --max-memory") from None
                raise Failure(500, "the query process died without an answer; see the server's log") from None
            if demoted or self._grown(proc.pid):
                # a process cannot take its priority back, nor give back a heap a large query left
                # fragmented: a fresh one serves the next query
                self._discard(proc, conn)
            else:
                self._idle.put((proc, conn))
            return answer
        finally:
            self._slots.release()

    def _grown(self, pid: int) -> bool:
        """True when a worker's address space is past three quarters of the memory limit (a large
        query's heap kept by malloc): the next query's store open needs room for its threads' stacks."""
        if not self.config.max_memory_mib:
            return False
        try:
            with open(f"/proc/{pid}/statm", "rb") as f:
                size = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            return False
        return size > (self.config.max_memory_mib << 20) * 3 // 4

    def _take(self):
        """An idle worker, or a new one."""
        while True:
            try:
                proc, conn = self._idle.get_nowait()
            except queue.Empty:
                break
            if proc.is_alive():
                return proc, conn
            self._discard(proc, conn)
        mine, theirs = self._ctx.Pipe(duplex=True)
        proc = self._ctx.Process(target=_worker, args=(theirs, self.config.max_memory_mib), daemon=True)
        proc.start()
        theirs.close()
        with self._children_lock:
            self._children.add(proc)
        return proc, mine

    def _discard(self, proc, conn) -> None:
        proc.kill()
        conn.close()
        proc.join(timeout=5)
        with self._children_lock:
            self._children.discard(proc)

    async def run_async(self, task: str, args: tuple) -> tuple[int, str, bytes, bool]:
        """A task's answer: from the cache when the store has not changed, else computed once for all askers.

        Identical requests that arrive while one is being answered wait for that answer
        instead of each taking a worker ("single flight"); a 200 answer is kept until the
        store's files change (`_generation`), so a burst of clients asking the same saved
        query costs one query.
        """
        import asyncio

        generation = _generation(self.config.store)
        if generation is None:   # a remote store: no way to see that it changed, so no cache
            return await self._run_in_slot(task, args)
        key = (task, repr(args), generation)
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        pending = self._inflight.get(key)
        if pending is not None:
            return await asyncio.shield(pending)
        future = asyncio.get_running_loop().create_future()
        self._inflight[key] = future
        try:
            answer = await self._run_in_slot(task, args)
        except BaseException as e:
            future.set_exception(e)
            future.exception()   # retrieved: no "never retrieved" warning when nobody else waited
            raise
        finally:
            self._inflight.pop(key, None)
        future.set_result(answer)
        if answer[0] == 200 and len(answer[2]) <= CACHE_BYTES_PER_ANSWER:
            self._cache[key] = answer
            while len(self._cache) > CACHE_ANSWERS:
                self._cache.popitem(last=False)
        return answer

    async def _run_in_slot(self, task: str, args: tuple) -> tuple[int, str, bytes, bool]:
        """run() for the event loop: at most `workers` at once, a bounded queue, the time limit counting the wait."""
        import asyncio
        import time

        from starlette.concurrency import run_in_threadpool

        if self._async_slots is None:
            self._async_slots = asyncio.Semaphore(max(1, self.config.workers))
        if self._waiting >= self.config.max_queue:
            raise Failure(503, f"server busy: {self._waiting} requests already waiting; try again later")
        started = time.monotonic()
        self._waiting += 1
        try:
            await asyncio.wait_for(self._async_slots.acquire(), timeout=self.config.timeout)
        except asyncio.TimeoutError:
            raise Failure(503, f"server busy: no query slot came free within {self.config.timeout:g} s "
                               f"({self.config.workers} queries running); try again later") from None
        finally:
            self._waiting -= 1
        try:
            left = max(0.5, self.config.timeout - (time.monotonic() - started))
            return await run_in_threadpool(self.run, task, args, left)
        finally:
            self._async_slots.release()

    def view(self) -> bytes:
        """The viewer page, redrawn when the store's articles changed since it was last drawn."""
        status, _, digest, _ = self.run("fingerprint", (self.config.store,))
        if status != 200:
            raise Failure(status, digest.decode("utf-8", "replace").strip())
        with self._view_lock:
            if self._view and self._view[0] == digest.decode():
                return self._view[1]
            # The page is drawn to a file by a child process; the folder goes with the answer,
            # so a server run for weeks (or killed) leaves no page behind in the temp folder.
            with tempfile.TemporaryDirectory(prefix="kg-serve-") as folder:
                status, _, body, _ = self.run("view", (self.config.store, os.path.join(folder, "kg-view.html"),
                                                       self.config.lang), timeout=max(self.config.timeout, 120))
            if status != 200:
                raise Failure(status, body.decode("utf-8", "replace").strip())
            self._view = (digest.decode(), body)
            return body

    def stop(self) -> None:
        with self._children_lock:
            for proc in list(self._children):
                proc.kill()


# ---------------------------------------------------------------- the HTTP application (Starlette on uvicorn)

def _text(status: int, message: str, headers: dict | None = None):
    from starlette.responses import Response
    return Response(message.rstrip("\n") + "\n", status_code=status, media_type="text/plain; charset=utf-8",
                    headers={"Cache-Control": "no-store", **(headers or {})})


def _result_response(result: tuple[int, str, bytes, bool]):
    from starlette.responses import Response
    status, ctype, body, truncated = result
    headers = {"Cache-Control": "no-store"}
    if truncated:
        headers["KG-Truncated"] = "true"
    return Response(body, status_code=status, headers={**headers, "Content-Type": ctype})


def _graph_iris(values: list[str], name: str) -> list[str]:
    """default-graph-uri / named-graph-uri values, each checked to be an IRI (400 otherwise)."""
    for value in values:
        try:
            ox.NamedNode(value)
        except ValueError as e:
            raise Failure(400, f"{name}={value!r} is not an IRI ({e}); give an absolute IRI such as "
                               "https://w3id.org/aichip-kg/graph/…") from None
        if ":" not in value:
            raise Failure(400, f"{name}={value!r} is not an absolute IRI")
    return values


class App:
    """The routes of the module docstring, answering through an `Endpoint`."""

    def __init__(self, endpoint: Endpoint) -> None:
        self.endpoint = endpoint
        self.config = endpoint.config

    def starlette(self):
        from starlette.applications import Starlette
        from starlette.middleware import Middleware
        from starlette.middleware.cors import CORSMiddleware
        from starlette.routing import Route

        reads = ["GET", "HEAD"]
        routes = [
            Route("/sparql", self.sparql, methods=["GET", "HEAD", "POST"]),
            Route("/query", self.query_page_or_sparql, methods=["GET", "HEAD", "POST"]),
            Route("/queries.json", self.queries_json, methods=reads),
            Route("/queries", self.list_queries, methods=reads),
            Route("/queries/{name:path}", self.saved, methods=reads),
            *(Route(p, self.view, methods=reads) for p in ("/", "/view", "/view.html", "/index.html")),
            *(Route(p, self.read_only, methods=["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"])
              for p in ("/update", "/store", "/data")),
        ]
        middleware = []
        if self.config.cors_origins:
            middleware.append(Middleware(CORSMiddleware, allow_origins=list(self.config.cors_origins),
                                         allow_methods=["GET", "HEAD", "POST", "OPTIONS"],
                                         allow_headers=["Content-Type", "Accept"], expose_headers=["KG-Truncated"],
                                         max_age=86400))
        return Starlette(routes=routes, middleware=middleware,
                         exception_handlers={404: self.not_found, 405: self.not_allowed, Failure: self.failure})

    # -- errors
    async def failure(self, request, exc: Failure):
        return _text(exc.status, exc.message)

    async def not_found(self, request, exc):
        return _text(404, f"no such page: {request.url.path}; the SPARQL endpoint is /sparql, the viewer /")

    async def not_allowed(self, request, exc):
        if request.method in ("PUT", "DELETE", "PATCH"):
            return _text(403, _READ_ONLY)
        return _text(405, f"{request.method} is not allowed on {request.url.path}; use GET or POST")

    async def read_only(self, request):
        return _text(403, _READ_ONLY)

    # -- SPARQL protocol
    async def sparql(self, request):
        params = _query_params(request)
        sparql: str | None = None
        if request.method == "POST":
            ctype = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
            body = await _body(request)
            if ctype == "application/x-www-form-urlencoded":
                form = urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
                if "update" in form:
                    raise Failure(403, _READ_ONLY.strip())
                for key, values in form.items():
                    params.setdefault(key, []).extend(values)
            elif ctype == "application/sparql-query":
                sparql = body.decode("utf-8", "replace")
            elif ctype == "application/sparql-update":
                raise Failure(403, _READ_ONLY.strip())
            else:
                raise Failure(415, f"unsupported Content-Type '{ctype or 'none'}'; send application/sparql-query "
                                   "or application/x-www-form-urlencoded with query=")
        if "update" in params:
            raise Failure(403, _READ_ONLY.strip())
        if sparql is None:
            queries = params.get("query") or []
            if len(queries) != 1 or not queries[0].strip():
                raise Failure(400, "give exactly one query: /sparql?query=SELECT… (GET), or POST it")
            sparql = queries[0]
        self._check(sparql)
        default = _graph_iris(params.get("default-graph-uri", []), "default-graph-uri")
        named = _graph_iris(params.get("named-graph-uri", []), "named-graph-uri")
        accept = _accept(params, request.headers.get("accept"))
        result = await self.endpoint.run_async("query", (self.config.store, sparql, accept, self.config.max_rows,
                                                         default, named, self.config.allow_service))
        return _result_response(result)

    def _check(self, sparql: str) -> None:
        """The cheap check, made here; SERVICE is checked in the query's child process (`_run_query`)."""
        from kg.query.checks import MAX_NESTING, nesting_depth
        if nesting_depth(sparql) > MAX_NESTING:
            raise Failure(400, f"query nested more than {MAX_NESTING} brackets deep; flatten it")

    async def saved(self, request):
        name = request.path_params["name"]
        params = _query_params(request)
        accept = _accept(params, request.headers.get("accept"))
        for key in ("format", "output"):
            params.pop(key, None)
        result = await self.endpoint.run_async("saved", (self.config.store, name, params, accept, self.config.max_rows,
                                                         self.config.allow_service))
        return _result_response(result)

    async def list_queries(self, request):
        from starlette.responses import Response
        from kg.query.saved import list_saved
        try:
            queries = list_saved()
        except Exception as e:  # noqa: BLE001 - a malformed .rq file: say which
            raise Failure(500, str(e)) from None
        body = [{"name": q.name, "description": q.description, "url": f"/queries/{q.name}",
                 "parameters": [{"name": p.name, "kind": p.kind, "required": p.required, "help": p.help,
                                 "default": p.default} for p in q.params.values()]} for q in queries]
        return Response(json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8"), media_type="application/json",
                        headers={"Cache-Control": "no-store"})

    async def query_page_or_sparql(self, request):
        """/query: the query page (an editor with the saved queries) when no query is given; the
        SPARQL endpoint when one is (kept as an alias of /sparql)."""
        if request.method == "POST" or "query" in _query_params(request):
            return await self.sparql(request)
        from starlette.responses import Response
        from kg.view import render_query_page
        body = render_query_page(lang=self.config.lang, endpoint="/sparql", queries_url="/queries.json",
                                 viewer_url="/")
        return Response(body.encode("utf-8"), media_type="text/html; charset=utf-8",
                        headers={"Cache-Control": "no-store"})

    async def queries_json(self, request):
        """The saved queries with their text and parameters, as the query page reads them."""
        from starlette.responses import Response
        from kg.view import saved_queries_json
        try:
            body = saved_queries_json()
        except Exception as e:  # noqa: BLE001 - a malformed .rq file: say which
            raise Failure(500, str(e)) from None
        return Response(body.encode("utf-8"), media_type="application/json", headers={"Cache-Control": "no-store"})

    async def view(self, request):
        from starlette.concurrency import run_in_threadpool
        from starlette.responses import Response
        body = await run_in_threadpool(self.endpoint.view)
        return Response(body, media_type="text/html; charset=utf-8", headers={"Cache-Control": "no-store"})


def _query_params(request) -> dict[str, list[str]]:
    return urllib.parse.parse_qs(request.url.query, keep_blank_values=True)


async def _body(request) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise Failure(400, f"bad Content-Length {declared!r}")
        if int(declared) > MAX_BODY:
            raise Failure(413, f"request body over {MAX_BODY} bytes; send a shorter query")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise Failure(413, f"request body over {MAX_BODY} bytes; send a shorter query")
        chunks.append(chunk)
    return b"".join(chunks)


def _accept(params: dict, header: str | None) -> str | None:
    """The Accept header, unless a format= (or output=) parameter names a format."""
    for key in ("format", "output"):
        for value in params.get(key, []):
            media = FORMAT_PARAM.get(value.lower()) or (value if "/" in value else None)
            if media:
                return media
    return header


class Server:
    """`kg serve`'s server: uvicorn serving the App, bound on construction so the port is known."""

    def __init__(self, config: ServeConfig) -> None:
        import socket

        import uvicorn

        self.endpoint = Endpoint(config)
        self.endpoint.start()
        family = socket.AF_INET6 if ":" in config.host else socket.AF_INET
        self.socket = socket.socket(family, socket.SOCK_STREAM)
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.socket.bind((config.host, config.port))
        self.socket.listen(config.backlog)
        self.server_address = self.socket.getsockname()[:2]
        uv_config = uvicorn.Config(App(self.endpoint).starlette(), log_level="warning", access_log=not config.quiet,
                                   backlog=config.backlog, timeout_keep_alive=5, http="h11", lifespan="off",
                                   limit_concurrency=config.max_connections, server_header=False)
        self.server = uvicorn.Server(uv_config)

    def serve_forever(self) -> None:
        self.server.run(sockets=[self.socket])

    def close(self) -> None:
        self.endpoint.stop()
        self.socket.close()


def make_server(config: ServeConfig) -> Server:
    """The server, bound but not yet serving."""
    return Server(config)
