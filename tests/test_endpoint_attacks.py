"""Attacks on `kg serve`, made with real HTTP clients and raw sockets against a real server on 127.0.0.1.

Every malformed request gets a 4xx with a one-line reason; SERVICE reaches no host that
was not allowed (a local listener shows whether a connection came); endless queries do
not hold up other clients; 200 clients at once get answers, not connection resets.
"""
from __future__ import annotations

import socket
import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import httpx
import pytest

from conftest import kg_serve, run_kg
from test_remote_store import ARTICLE_A as ARTICLE
from test_server import RUNAWAY

SAVED = "/queries/entity-by-alias?name=NVIDIA"


def serving(store, *options: str):
    return kg_serve(store, "--quiet", *options)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    base = tmp_path_factory.mktemp("attacks")
    (base / "corpus").mkdir()
    (base / "corpus" / "a.md").write_text(ARTICLE, encoding="utf-8")
    run_kg("ingest", str(base / "corpus"), store=base / "store")
    return base / "store"


@pytest.fixture(scope="module")
def server(store):
    with serving(store, "--timeout", "4") as url:
        yield url


def raw_request(url: str, request: bytes) -> bytes:
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=20) as s:
        s.sendall(request)
        chunks = []
        while True:
            try:
                data = s.recv(65536)
            except ConnectionResetError:
                break
            if not data:
                break
            chunks.append(data)
    return b"".join(chunks)


def assert_one_line_4xx(response: httpx.Response, status: int, fragment: str) -> None:
    assert response.status_code == status, response.text
    assert response.text.count("\n") == 1 and fragment in response.text, response.text


def test_deep_nesting_is_400(server):
    query = "SELECT * WHERE " + "{" * 5000 + "}" * 5000
    r = httpx.post(server + "/sparql", data={"query": query}, timeout=30)
    assert_one_line_4xx(r, 400, "nested more than 64 brackets")
    assert httpx.get(server + "/sparql", params={"query": "ASK {}"}).status_code == 200   # still serving


def test_negative_content_length_is_400(server):
    answer = raw_request(server, b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                                 b"Content-Length: -5\r\nConnection: close\r\n\r\nASK {}")
    assert answer.startswith(b"HTTP/1.1 400"), answer[:200]


def test_garbage_request_line_is_400(server):
    answer = raw_request(server, b"\x16\x03\x01\x02\x00 nonsense\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 400") or answer == b"", answer[:200]


@pytest.mark.parametrize("param", ["default-graph-uri", "named-graph-uri"])
def test_graph_uri_that_is_no_iri_is_400(server, param):
    r = httpx.get(server + "/sparql", params={"query": "ASK {}", param: "not an iri<>"})
    assert_one_line_4xx(r, 400, "is not an IRI")


def test_head_is_answered_without_a_body(server):
    for path in ("/sparql?query=ASK%20%7B%7D", "/queries", "/"):
        r = httpx.head(server + path, timeout=120)
        assert r.status_code == 200 and r.content == b"", path


def test_no_cors_headers_unless_asked(server):
    r = httpx.get(server + "/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://example.org"})
    assert r.status_code == 200 and not any(h.startswith("access-control-") for h in r.headers)


def test_oversized_and_unsupported_bodies(server):
    big = httpx.post(server + "/sparql", content=b"#" * (2 << 20), headers={"Content-Type": "application/sparql-query"})
    assert big.status_code == 413
    odd = httpx.post(server + "/sparql", content=b"ASK {}", headers={"Content-Type": "text/x-nonsense"})
    assert_one_line_4xx(odd, 415, "unsupported Content-Type")
    assert httpx.put(server + "/sparql", content=b"x").status_code in (403, 405)


@contextmanager
def listener():
    """A TCP listener on 127.0.0.1 that records whether anyone connected."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    sock.settimeout(0.2)
    connected = threading.Event()
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except OSError:
                continue
            connected.set()
            conn.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield sock.getsockname()[1], connected
    finally:
        stop.set()
        thread.join(timeout=5)
        sock.close()


def service_query(port: int) -> str:
    return f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"


def smuggled_services(port: int) -> list[str]:
    """SERVICE to the listener written every way the grammar allows: each must be refused."""
    iri = f"<http://127.0.0.1:{port}/sparql>"
    return [
        service_query(port),
        service_query(port).replace("SERVICE", "service silent"),
        f"SELECT * WHERE {{ SERVICE#a comment\n{iri}{{?s ?p ?o}} }}",
        f"SELECT * WHERE {{\tSeRvIcE\n\n  SILENT\t{iri}\n{{ ?s ?p ?o }} }}",
        f"PREFIX e: <http://127.0.0.1:{port}/> SELECT * WHERE {{ SERVICE e:sparql {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ OPTIONAL {{ {{ SELECT * WHERE {{ SERVICE {iri} {{ ?s ?p ?o }} }} }} }} }}",
        f"SELECT * WHERE {{ ?x ?y ?z MINUS {{ SERVICE {iri} {{ ?s ?p ?o }} }} }}",
        f"ASK {{ FILTER EXISTS {{ SERVICE {iri} {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE {iri} {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ VALUES ?e {{ {iri} }} SERVICE ?e {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ BIND({iri} AS ?e) SERVICE $e {{ ?s ?p ?o }} }}",
        f"BASE <http://127.0.0.1:{port}/> SELECT * WHERE {{ SERVICE <sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} # }}",
    ]


def test_service_is_refused_and_no_connection_is_made(server):
    with listener() as (port, connected):
        for query in smuggled_services(port):
            r = httpx.post(server + "/sparql", data={"query": query}, timeout=30)
            assert r.status_code == 400, (query, r.text)
            assert r.text.count("\n") == 1, r.text
            assert "--allow-service" in r.text or "malformed SPARQL" in r.text, (query, r.text)
            assert not connected.is_set(), query
        r = httpx.get(server + "/queries/wikidata-federated", params={"wikidata": "Q182477"}, timeout=30)
        assert_one_line_4xx(r, 400, "--allow-service query.wikidata.org")
        assert not connected.wait(1.0)


def test_service_to_an_allowed_host_does_connect(store):
    with listener() as (port, connected), serving(store, "--allow-service", "127.0.0.1", "--timeout", "5") as url:
        r = httpx.post(url + "/sparql", data={"query": service_query(port)}, timeout=30)
        assert r.status_code != 400 or "--allow-service" not in r.text
        assert connected.wait(5.0)


def test_endless_queries_do_not_hold_up_other_clients(server):
    """Four runaway queries and a quick one: the quick one is answered while the runaways still run."""
    order: list[str] = []
    lock = threading.Lock()

    def ask(name: str, query: str) -> int:
        status = httpx.post(server + "/sparql", data={"query": query}, timeout=60).status_code
        with lock:
            order.append(name)
        return status

    with ThreadPoolExecutor(5) as pool:
        runaways = [pool.submit(ask, f"runaway{i}", f"{RUNAWAY} # {i}") for i in range(4)]  # 4 distinct queries
        quick = pool.submit(ask, "quick", "ASK { ?s ?p ?o }")
        assert quick.result() == 200
        assert [f.result() for f in runaways] == [503] * 4
    assert order[0] == "quick", order


def test_a_query_over_the_memory_limit_is_503_and_the_server_goes_on(store):
    """512 MiB: the worker takes 250 of them itself, so the hog reaches the limit after a few CPU
    seconds; niced after one second, it would not reach 1,024 MiB within the time limit while
    other processes keep both cores busy (a CI run)."""
    hog = "SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?f ?c"   # sorts every pair of triples
    with serving(store, "--max-memory", "512", "--timeout", "60") as url:
        r = httpx.post(url + "/sparql", data={"query": hog}, timeout=90)
        assert_one_line_4xx(r, 503, "memory limit of 512 MiB")
        assert httpx.get(url + "/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True


def test_small_queries_under_a_tight_memory_limit_are_answered(store):
    """Every query opens the store, and RocksDB opens its files on a hundred short threads: what
    they reserve must not depend on how they overlap, or a small query under the limit dies
    (std::system_error, then a 503 naming the memory limit), more often the more the machine
    is loaded. A worker now takes 250 MiB of address space after an open, 350 MiB at its peak,
    whatever the load; it took 500 to 900 MiB after the first open, and peaks up to 990 MiB
    under load, so under 512 MiB the server did not start at all. One worker answers 30
    distinct queries (none from the cache), each opening the store."""
    with serving(store, "--max-memory", "512", "--workers", "1", "--timeout", "60") as url:
        for i in range(30):
            r = httpx.get(url + "/sparql", params={"query": f"ASK {{ ?s ?p ?o }} # {i}"}, timeout=90)
            assert r.status_code == 200 and r.json()["boolean"] is True, (i, r.status_code, r.text)


@pytest.mark.slow
@pytest.mark.parametrize("at_once", [8, 200])
def test_two_hundred_clients_get_answers_not_resets(store, at_once):
    """All at once: one saved query (answered once, the others wait for that answer); 8 at a time: 200 distinct queries."""
    with serving(store, "--timeout", "20", "--workers", "4") as url:
        def fetch(i: int) -> tuple[int, str]:
            with httpx.Client(timeout=120) as c:
                if at_once == 200:
                    r = c.get(url + SAVED)
                else:
                    r = c.get(url + "/sparql", params={"query": f"SELECT ?c WHERE {{ ?c a kgo:Chip }} LIMIT {i + 1}"})
                return r.status_code, r.text

        with ThreadPoolExecutor(at_once) as pool:
            answers = list(pool.map(fetch, range(200)))
    statuses = [s for s, _ in answers]
    assert all(s in (200, 503) for s in statuses), {s for s in statuses}
    assert all(t.count("\n") == 1 for s, t in answers if s == 503)
    assert statuses.count(200) >= 100, statuses.count(200)
