"""A store on a SPARQL 1.1 server, for teams that share one graph.

`--store http://HOST:PORT/PATH` makes every `kg` command talk to a server instead of the
embedded Oxigraph folder. The class here offers the same methods as `kg.store.Store`, so
ingest, query, export, stats and view work unchanged:

    query      SPARQL 1.1 Protocol   POST {base}/query   (application/sparql-query body)
    writes     SPARQL 1.1 Update     POST {base}/update  (application/sparql-update body)
    quads      Graph Store Protocol  GET  {base}/store?graph=IRI (and the whole dataset)

These are Oxigraph's paths (`oxigraph serve`). Other servers name them differently; give
their paths, relative to the location or absolute, as the location's own parameters, e.g.
Fuseki: `--store 'http://localhost:3030/ds?query=sparql&update=update&store=data'`.
User and password in the location (`http://user:pw@host/…`) are sent as HTTP basic auth
and never printed.

The union default graph. Callers ask for it per query (`use_default_graph_as_union=True`:
the default graph is the union of all graphs, as in the embedded store). We pass it as
Oxigraph's `union-default-graph` protocol parameter on that query only, and leave queries
that do not ask for it alone, so the server must be started WITHOUT `--union-default-graph`
(otherwise `count()` would count every triple twice). A server that does not know the
parameter ignores it; configure such a server's default graph as the union (Fuseki:
`tdb2:unionDefaultGraph true`). We chose the parameter over rewriting the query (wrapping
every pattern in `GRAPH ?g`) because a rewrite changes the meaning of queries that already
use GRAPH, and over listing every graph as `default-graph-uri`, which hides the named
graphs from `GRAPH ?g` patterns and costs an extra request per query.

Atomicity: `replace_graph` is ONE update request (DROP + INSERT DATA), which a SPARQL
server applies as one transaction, like the embedded store. There is no writer lock: two
people ingesting at once each replace whole article graphs, so the last writer of an
article wins and no graph is ever half-written.
"""
from __future__ import annotations

import base64
import os
import urllib.parse
from typing import Iterable, Iterator

import pyoxigraph as ox

from kg.errors import StoreError

DEFAULT_PATHS = {"query": "query", "update": "update", "store": "store"}
RESULTS_ACCEPT = ("application/sparql-results+json, application/sparql-results+xml;q=0.9, "
                  "application/n-triples;q=0.8, text/turtle;q=0.5")
_RESULT_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_RDF_FORMATS = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "application/trig": ox.RdfFormat.TRIG,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}


def is_remote(location: object) -> bool:
    """True for an http(s) URL: the store lives on a SPARQL server."""
    return str(location).startswith(("http://", "https://"))


def _n3(term) -> str:
    from kg.rdf.ntriples import nt   # rdflib, loaded by whoever made the term
    return nt(term)


class RemoteStore:
    """A SPARQL 1.1 server used as the store; see the module docstring for the protocol."""

    def __init__(self, location: str, writable: bool = False, timeout: float | None = None) -> None:
        parts = urllib.parse.urlsplit(location)
        if not parts.hostname:
            raise StoreError(f"{location}: not a server URL; use http://HOST:PORT/ (or a folder path)")
        netloc = parts.hostname + (f":{parts.port}" if parts.port else "")
        base = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path.rstrip("/") + "/", "", ""))
        # location: what the user sees in messages, without credentials or endpoint parameters
        self.location = base.rstrip("/")
        self.writable = writable
        self.timeout = timeout if timeout is not None else float(os.environ.get("KG_REMOTE_TIMEOUT", "120"))
        options = dict(urllib.parse.parse_qsl(parts.query))
        unknown = set(options) - set(DEFAULT_PATHS)
        if unknown:
            raise StoreError(f"{self.location}: unknown store option(s) {', '.join(sorted(unknown))}; "
                             "the location may only set query=, update= and store= (endpoint paths)")
        self.endpoints = {k: urllib.parse.urljoin(base, options.get(k, v)) for k, v in DEFAULT_PATHS.items()}
        self._auth: str | None = None
        if parts.username is not None:
            user = urllib.parse.unquote(parts.username)
            password = urllib.parse.unquote(parts.password or "")
            self._auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
        self._closed = False
        self._check_reachable()

    # -- lifecycle
    def close(self) -> None:
        """Nothing is held open between requests; later calls fail as on a closed embedded store."""
        self._closed = True

    def __enter__(self) -> "RemoteStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _check_reachable(self) -> None:
        """Fail at open time, with the fix, rather than halfway through an ingest."""
        self._request("query", "ASK {}", "application/sparql-query", {})

    # -- HTTP
    def _request(self, endpoint: str, body: str | None, content_type: str | None, params: dict,
                 method: str = "POST", accept: str = RESULTS_ACCEPT, missing_ok: bool = False
                 ) -> tuple[int, str, bytes]:
        """One HTTP exchange; returns (status, media type, body). Errors become one-line StoreErrors."""
        import urllib.error    # with http.client, ssl, email: 30 ms that a local store never needs
        import urllib.request
        if self._closed:
            raise StoreError(f"{self.location}: store is closed")
        url = self.endpoints[endpoint]
        if params:   # flags (value "") go bare, as in the protocols' own examples: ?default, ?union-default-graph
            query = "&".join(urllib.parse.quote(k) if v == "" else urllib.parse.urlencode({k: v}, doseq=True)
                             for k, v in params.items())
            url += ("&" if "?" in url else "?") + query
        data = body.encode("utf-8") if body is not None else None
        req = urllib.request.Request(url, data=data, method=method)
        req.add_header("Accept", accept)
        if content_type:
            req.add_header("Content-Type", content_type + "; charset=utf-8")
        if self._auth:
            req.add_header("Authorization", self._auth)
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                media = resp.headers.get_content_type()
                return resp.status, media, resp.read()
        except urllib.error.HTTPError as e:
            detail = _first_line(e.read().decode("utf-8", "replace")) or e.reason
            if missing_ok and e.code == 404:
                return 404, "", b""
            if e.code == 400:
                raise SyntaxError(f"{self.location}: the server refused the request: {detail}") from None
            if e.code in (401, 403):
                raise StoreError(f"{self.location}: the server refused access ({e.code}: {detail}); "
                                 "put user:password in the --store URL, or ask for write access") from None
            raise StoreError(f"{self.location}: {endpoint} request failed ({e.code}: {detail}); "
                             "check the server's log") from None
        except (urllib.error.URLError, OSError) as e:
            reason = getattr(e, "reason", e)
            raise StoreError(f"{self.location}: cannot reach the SPARQL server ({reason}); start it "
                             "(e.g. `oxigraph serve --location DIR --bind HOST:PORT`) or fix --store") from None

    # -- writing
    def replace_graph(self, graph, triples: Iterable[tuple]) -> None:
        """Make graph hold exactly these triples: one update request, so one transaction."""
        from kg.rdf.ntriples import nt
        self.replace_graph_lines(graph, [f"{nt(s)} {nt(p)} {nt(o)} ." for s, p, o in triples])

    def replace_graph_lines(self, graph, lines: list[str]) -> None:
        """replace_graph for triples already written as N-Triples lines."""
        from kg.store.statistics import MARK_STALE, UNCOUNTED_GRAPHS
        body = "\n".join(lines)
        g = _n3(graph)
        mark = f"{MARK_STALE} ;\n" if str(graph) not in UNCOUNTED_GRAPHS else ""
        self._update(f"{mark}DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{body}\n}} }}")

    def write_graphs(self, graphs: dict[str, list[str]], *, drop: Iterable[str] = (), before: str = "") -> None:
        """Replace many graphs (graph IRI → N-Triples lines) and drop others: one update request."""
        from kg.store.statistics import MARK_STALE
        ops = [MARK_STALE] + ([before] if before else [])
        ops += [f"DROP SILENT GRAPH <{g}>" for g in [*drop, *graphs]]
        inserts = [f"GRAPH <{g}> {{\n" + "\n".join(v) + "\n}" for g, v in graphs.items()]
        if inserts:
            ops.append("INSERT DATA {\n" + "\n".join(inserts) + "\n}")
        if ops:
            self._update(" ;\n".join(ops))

    def drop_graph(self, graph) -> None:
        from kg.store.statistics import MARK_STALE
        self._update(f"{MARK_STALE} ;\nDROP SILENT GRAPH {_n3(graph)}")

    def _update(self, sparql: str) -> None:
        if not self.writable:
            raise StoreError(f"{self.location}: store is open read-only")
        try:
            self._request("update", sparql, "application/sparql-update", {})
        except SyntaxError as e:
            raise StoreError(f"{self.location}: update failed: {e}") from e

    # -- reading
    def query(self, sparql: str, *, use_default_graph_as_union: bool = False, prefixes: dict | None = None,
              base_iri: str | None = None, default_graph=None, named_graphs=None):
        """Run a query on the server; returns pyoxigraph results, as `pyoxigraph.Store.query` does.

        prefixes and base_iri become the query's prologue; default_graph and named_graphs
        become the protocol's default-graph-uri and named-graph-uri parameters.
        """
        prologue = ""
        if base_iri:
            prologue += f"BASE <{base_iri}>\n"
        for prefix, iri in (prefixes or {}).items():
            prologue += f"PREFIX {prefix}: <{iri}>\n"
        params: dict[str, object] = {}
        if use_default_graph_as_union:
            params["union-default-graph"] = ""
        if default_graph is not None:
            graphs = default_graph if isinstance(default_graph, (list, tuple)) else [default_graph]
            params["default-graph-uri"] = [g.value for g in graphs]
        if named_graphs is not None:
            params["named-graph-uri"] = [g.value for g in named_graphs]
        _, media, data = self._request("query", prologue + sparql, "application/sparql-query", params)
        if media in _RESULT_FORMATS:
            return ox.parse_query_results(data, _RESULT_FORMATS[media])
        if media in _RDF_FORMATS:
            return [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(data, _RDF_FORMATS[media])]
        raise StoreError(f"{self.location}: the server answered in {media or 'an unknown format'}, "
                         "not SPARQL results; is --store a SPARQL server?")

    def graphs(self) -> list[str]:
        res = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g {} }")
        return sorted(sol["g"].value for sol in res if isinstance(sol["g"], ox.NamedNode))

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        """The quads of one graph, or of the whole dataset, read with the Graph Store Protocol."""
        if graph is not None:
            return iter(self._graph_quads(graph))
        status, media, data = self._request("store", None, None, {}, method="GET",
                                            accept="application/n-quads", missing_ok=True)
        if status == 200 and media == "application/n-quads":   # Oxigraph: GET without ?graph = dataset
            return iter(list(ox.parse(data, ox.RdfFormat.N_QUADS)))
        # a plain GSP server: the default graph, then each named graph
        out = list(self._graph_quads(None))
        for g in self.graphs():
            out.extend(self._graph_quads(g))
        return iter(out)

    def _graph_quads(self, graph: str | None) -> list[ox.Quad]:
        params = {"graph": graph} if graph is not None else {"default": ""}
        status, media, data = self._request("store", None, None, params, method="GET",
                                            accept="application/n-triples", missing_ok=True)
        if status == 404 or not data:
            return []
        fmt = _RDF_FORMATS.get(media, ox.RdfFormat.N_TRIPLES)
        name = ox.NamedNode(graph) if graph is not None else ox.DefaultGraph()
        return [ox.Quad(q.subject, q.predicate, q.object, name) for q in ox.parse(data, fmt)]

    def count(self) -> int:
        """Triples in all graphs, default graph included, as the embedded store's len()."""
        rows = list(self.query("SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"))
        return int(rows[0]["n"].value) if rows else 0


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")[:300]

