"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over the store, with the viewer beside it.

    GET  /sparql?query=…                     (also /query)
    POST /sparql  query=… (form-encoded)  or  an application/sparql-query body
    GET  /queries                            the saved queries (JSON)
    GET  /queries/NAME?param=value…          run a saved query, parameters bound as in `kg query`
    GET  /  or  /view                        the HTML view of the graph (kg.view.write_view)

Results come as SPARQL JSON, XML, CSV or TSV (CONSTRUCT/DESCRIBE: N-Triples, Turtle, RDF/XML,
JSON-LD) by the `Accept` header, or a `format=` parameter (json, xml, csv, tsv, turtle,
ntriples). As in `kg query`, the default graph is the union of all graphs and kg's prefixes
are predeclared; `default-graph-uri` and `named-graph-uri` are honoured when given.

Why each query runs in a child process: pyoxigraph cannot interrupt a running query, so the
time limit (`--timeout`) is enforced by killing the child, which frees the CPU and the store.
The child opens the store read-only for that one query and closes it, so `kg ingest` can
write between queries (a query that meets a running ingest waits for it, within the time
limit), and every query sees the latest graph. Children come from a fork server started
before any thread, which is safe in a threaded server and costs a few milliseconds a query.

Updates are refused (403): the endpoint is for reading; write with `kg ingest`. At most
`--max-rows` solutions (or triples) are returned; a cut result carries the header
`KG-Truncated: true`. CORS headers allow any origin by default (`--cors-origin`).
"""
from __future__ import annotations

import hashlib
import itertools
import json
import multiprocessing
import os
import sys
import tempfile
import threading
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
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
    workers: int = 4
    cors_origin: str = "*"
    lang: str = "zh-Hant"
    quiet: bool = False
    view_dir: str = field(default_factory=lambda: tempfile.mkdtemp(prefix="kg-serve-"))


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
               named_graphs: list[str]) -> tuple[int, str, bytes, bool]:
    from kg.errors import KgError
    from kg.query.saved import all_prefixes
    from kg.store import open_store

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
               max_rows: int) -> tuple[int, str, bytes, bool]:
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
    return _run_query(location, text, accept, max_rows, [], [])


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


def _child(conn, task: str, args: tuple, lock_timeout: float) -> None:
    """Entry point of a child process: run one task and send its answer back."""
    os.environ["KG_LOCK_TIMEOUT"] = str(lock_timeout)
    try:
        conn.send(_TASKS[task](*args))
    except BaseException as e:  # noqa: BLE001 - report anything rather than die silently
        conn.send((500, "text/plain; charset=utf-8", f"internal error: {type(e).__name__}: {e}\n".encode(), False))
    finally:
        conn.close()


def _looks_like_update(sparql: str) -> bool:
    words = {w.upper() for w in sparql.replace("{", " ").split()}
    return bool(words & {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY"}) and \
        not bool(words & {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})


_READ_ONLY = "this endpoint is read-only: SPARQL updates are refused; change the graph with `kg ingest`\n"


# ---------------------------------------------------------------- the server

class Endpoint:
    """Runs tasks in child processes under the time limit; shared by the request handlers."""

    def __init__(self, config: ServeConfig) -> None:
        self.config = config
        self._ctx = multiprocessing.get_context("forkserver")
        self._ctx.set_forkserver_preload(["kg.query.server", "kg.store", "kg.query.saved", "kg.text", "kg.view"])
        self._slots = threading.BoundedSemaphore(max(1, config.workers))
        self._children: set = set()
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
            recv, send = self._ctx.Pipe(duplex=False)
            proc = self._ctx.Process(target=_child, args=(send, task, args, max(0.5, timeout * 0.8)), daemon=True)
            proc.start()
            send.close()
            with self._children_lock:
                self._children.add(proc)
            try:
                if not recv.poll(timeout):
                    proc.kill()
                    raise Failure(503, f"query stopped at the time limit of {timeout:g} s; make it more selective "
                                       "(LIMIT, more specific patterns) or start the server with a larger --timeout")
                try:
                    return recv.recv()
                except EOFError:
                    raise Failure(500, "the query process died without an answer; see the server's log") from None
            finally:
                recv.close()
                proc.join(timeout=5)
                with self._children_lock:
                    self._children.discard(proc)
        finally:
            self._slots.release()

    def view(self) -> bytes:
        """The viewer page, redrawn when the store's articles changed since it was last drawn."""
        status, _, digest, _ = self.run("fingerprint", (self.config.store,))
        if status != 200:
            raise Failure(status, digest.decode("utf-8", "replace").strip())
        with self._view_lock:
            if self._view and self._view[0] == digest.decode():
                return self._view[1]
            path = os.path.join(self.config.view_dir, "kg-view.html")
            status, _, body, _ = self.run("view", (self.config.store, path, self.config.lang),
                                          timeout=max(self.config.timeout, 120))
            if status != 200:
                raise Failure(status, body.decode("utf-8", "replace").strip())
            self._view = (digest.decode(), body)
            return body

    def stop(self) -> None:
        with self._children_lock:
            for proc in list(self._children):
                proc.kill()


class Handler(BaseHTTPRequestHandler):
    """One HTTP request; see the module docstring for the routes."""

    server_version = "kg-sparql/1.0"
    endpoint: Endpoint  # set on the class made by make_server

    # -- routing
    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._dispatch("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch("POST")

    def do_OPTIONS(self) -> None:  # noqa: N802
        self.send_response(204)
        self._cors()
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Access-Control-Max-Age", "86400")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_PUT(self) -> None:  # noqa: N802
        self._refuse_write()

    def do_DELETE(self) -> None:  # noqa: N802
        self._refuse_write()

    def do_PATCH(self) -> None:  # noqa: N802
        self._refuse_write()

    def _refuse_write(self) -> None:
        self._send(403, "text/plain; charset=utf-8", _READ_ONLY.encode())

    def _dispatch(self, method: str) -> None:
        url = urllib.parse.urlsplit(self.path)
        path = url.path.rstrip("/") or "/"
        try:
            if path in ("/sparql", "/query"):
                self._sparql(method, url.query)
            elif path in ("/update", "/store", "/data"):
                raise Failure(403, _READ_ONLY.strip())
            elif path in ("/", "/view", "/view.html", "/index.html") and method == "GET":
                self._send(200, "text/html; charset=utf-8", self.endpoint.view())
            elif path == "/queries" and method == "GET":
                self._list_queries()
            elif path.startswith("/queries/") and method == "GET":
                self._saved(urllib.parse.unquote(path[len("/queries/"):]), url.query)
            else:
                raise Failure(404, f"no such page: {url.path}; the SPARQL endpoint is /sparql, the viewer /")
        except Failure as f:
            self._send(f.status, "text/plain; charset=utf-8", (f.message + "\n").encode())
        except (BrokenPipeError, ConnectionResetError):
            pass

    # -- SPARQL protocol
    def _sparql(self, method: str, query_string: str) -> None:
        params = urllib.parse.parse_qs(query_string, keep_blank_values=True)
        sparql: str | None = None
        if method == "POST":
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            body = self._body()
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
        accept = self._accept(params)
        result = self.endpoint.run("query", (self.endpoint.config.store, sparql, accept, self.endpoint.config.max_rows,
                                             params.get("default-graph-uri", []), params.get("named-graph-uri", [])))
        self._send_result(result)

    def _saved(self, name: str, query_string: str) -> None:
        params = urllib.parse.parse_qs(query_string, keep_blank_values=True)
        accept = self._accept(params)
        for key in ("format", "output"):
            params.pop(key, None)
        result = self.endpoint.run("saved", (self.endpoint.config.store, name, params, accept,
                                             self.endpoint.config.max_rows))
        self._send_result(result)

    def _list_queries(self) -> None:
        from kg.query.saved import list_saved
        try:
            queries = list_saved()
        except Exception as e:  # a malformed .rq file: say which
            raise Failure(500, str(e)) from None
        body = [{"name": q.name, "description": q.description, "url": f"/queries/{q.name}",
                 "parameters": [{"name": p.name, "kind": p.kind, "required": p.required, "help": p.help,
                                 "default": p.default} for p in q.params.values()]} for q in queries]
        self._send(200, "application/json", json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8"))

    def _accept(self, params: dict) -> str | None:
        """The Accept header, unless a format= (or output=) parameter names a format."""
        for key in ("format", "output"):
            for value in params.get(key, []):
                media = FORMAT_PARAM.get(value.lower()) or (value if "/" in value else None)
                if media:
                    return media
        return self.headers.get("Accept")

    def _body(self) -> bytes:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            raise Failure(400, "bad Content-Length") from None
        if length > MAX_BODY:
            raise Failure(413, f"request body over {MAX_BODY} bytes; send a shorter query")
        return self.rfile.read(length) if length else b""

    # -- answers
    def _send_result(self, result: tuple[int, str, bytes, bool]) -> None:
        status, ctype, body, truncated = result
        extra = {"KG-Truncated": "true"} if truncated else {}
        self._send(status, ctype, body, extra)

    def _cors(self) -> None:
        self.send_header("Access-Control-Allow-Origin", self.endpoint.config.cors_origin)
        self.send_header("Access-Control-Expose-Headers", "KG-Truncated")
        if self.endpoint.config.cors_origin != "*":
            self.send_header("Vary", "Origin")

    def _send(self, status: int, ctype: str, body: bytes, extra: dict | None = None) -> None:
        self.send_response(status)
        self._cors()
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - http.server's signature
        if not self.endpoint.config.quiet:
            sys.stderr.write(f"kg serve: {self.address_string()} {format % args}\n")


def make_server(config: ServeConfig) -> tuple[ThreadingHTTPServer, Endpoint]:
    """The HTTP server and its endpoint, bound but not yet serving."""
    endpoint = Endpoint(config)
    endpoint.start()
    handler = type("KgHandler", (Handler,), {"endpoint": endpoint})
    httpd = ThreadingHTTPServer((config.host, config.port), handler)
    httpd.daemon_threads = True
    return httpd, endpoint

