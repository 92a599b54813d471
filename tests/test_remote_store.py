"""`--store http://…`: every kg command against a real Oxigraph SPARQL server, compared with the embedded store.

The servers here are real: the `oxigraph` binary (from the oxigraph package of the test
extra) started on a free port on 127.0.0.1, and, to count requests, a small forwarding
proxy of our own in front of it.
"""
from __future__ import annotations

import re

import contextlib
import http.server
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import run_kg, stop

ARTICLE_A = """---
title: 英偉達發布H200
published: 2025-12-10
language: zh-Hant
---
英偉達發布H200芯片，FP16算力733TFLOPS，顯存帶寬4.8TB/s。
12月9日，美國政府宣布允許英偉達向中國出口H200芯片。
"""
ARTICLE_B = """---
title: 华为昇腾
published: 2025-11-02
language: zh-Hans
---
华为的昇腾910C芯片显存带宽3200GB/s。
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, deadline_s: float = 30.0) -> None:
    """Poll url until the server answers at all (any HTTP status), or fail after deadline_s."""
    deadline = time.monotonic() + deadline_s
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            if time.monotonic() > deadline:
                raise AssertionError(f"server at {url} did not come up")
            time.sleep(0.1)


def oxigraph_binary() -> str:
    candidate = Path(sys.executable).with_name("oxigraph")
    found = str(candidate) if candidate.exists() else shutil.which("oxigraph")
    if not found:
        pytest.fail("the oxigraph server binary is missing: pip install -e '.[test]' (it brings oxigraph>=0.4)")
    return found


@contextlib.contextmanager
def oxigraph_server(folder: Path):
    """A real Oxigraph SPARQL server on a free port of 127.0.0.1; yields its base URL and stops it."""
    port = free_port()
    proc = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(url + "/query?query=ASK%7B%7D")
        yield url
    finally:
        stop(proc, 10)


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.md").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "b.md").write_text(ARTICLE_B, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as url:
        yield url


def test_ingest_query_export_match_the_embedded_store_byte_for_byte(tmp_path, server):
    corpus = write_corpus(tmp_path / "corpus")
    embedded = tmp_path / "embedded"
    # the same relative paths for both stores, so article IRIs are equal
    assert "2 added" in run_kg("ingest", "corpus", store=embedded, cwd=tmp_path).stderr
    assert "2 added" in run_kg("ingest", "corpus", store=server, cwd=tmp_path).stderr
    assert "2 unchanged" in run_kg("ingest", "corpus", store=server, cwd=tmp_path).stderr

    def export(store, *args):
        return run_kg("export", "--format", "nquads", *args, store=store, cwd=tmp_path).stdout

    remote_all = export(server)
    assert remote_all == export(embedded)
    assert len(remote_all.splitlines()) > 100
    assert export(server, "--doc", "corpus/a.md") == export(embedded, "--doc", "corpus/a.md")
    assert run_kg("stats", store=server, cwd=tmp_path).stdout == run_kg("stats", store=embedded, cwd=tmp_path).stdout

    # queries see the union of all graphs, as on the embedded store, and saved queries run remotely too
    above = run_kg("query", "chips-above-threshold", "--param", "min=4000", "--param", "unit=GB-PER-SEC",
                   "--format", "csv", store=server).stdout
    assert "nvidia-h200" in above and "ascend" not in above

    # a changed article is replaced, a removed one dropped, on both stores alike
    (corpus / "a.md").write_text(ARTICLE_A.replace("H200", "H20"), encoding="utf-8")
    (corpus / "b.md").unlink()
    for store in (embedded, server):
        assert "1 changed, 0 unchanged, 1 removed" in run_kg("ingest", "corpus", store=store, cwd=tmp_path).stderr
    remote_after = export(server)
    assert remote_after == export(embedded)
    assert "corpus/b.md" not in remote_after and "nvidia-h20>" in remote_after


class CountingProxy(http.server.BaseHTTPRequestHandler):
    """Forwards every request to the Oxigraph server and records the updates it carried."""

    target = ""
    updates: list[str] = []

    def _forward(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        if self.path.startswith("/update"):
            self.updates.append(body.decode("utf-8"))
        req = urllib.request.Request(self.target + self.path, data=body, method=self.command)
        for key in ("Content-Type", "Accept"):
            if self.headers.get(key):
                req.add_header(key, self.headers[key])
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:
                status, headers, data = resp.status, resp.headers, resp.read()
        except urllib.error.HTTPError as e:
            status, headers, data = e.code, e.headers, e.read()
        self.send_response(status)
        if headers.get("Content-Type"):
            self.send_header("Content-Type", headers["Content-Type"])
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = _forward

    def log_message(self, *args) -> None:
        pass


def test_each_graph_is_replaced_by_one_update_request(tmp_path, server):
    """Atomicity: a batch's DROPs and INSERTs (and the entities graph's update) travel in one request, one server transaction."""
    handler = type("Proxy", (CountingProxy,), {"target": server, "updates": []})
    proxy = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=proxy.serve_forever, daemon=True)
    thread.start()
    try:
        corpus = write_corpus(tmp_path / "proxied")
        # a chip no other test names, so the entities graph has something new to say (an entity
        # that only gains mentions is extended, and ones described before need no change)
        (corpus / "a.md").write_text(ARTICLE_A + "測遠科技公司發布了ZQ-9100芯片。\n", encoding="utf-8")
        url = f"http://127.0.0.1:{proxy.server_address[1]}/"
        run_kg("ingest", str(corpus), store=url)
    finally:
        proxy.shutdown()
        proxy.server_close()
    # the requests that write article graphs (the statistics' own update names article graphs as data)
    article_updates = [u for u in handler.updates if re.search(r"DROP SILENT GRAPH <[^>]*/graph/article/", u)
                       or re.search(r"INSERT DATA \{[^}]*GRAPH <[^>]*/graph/article/", u)]
    assert len(article_updates) == 1       # the batch of articles: one request, nothing else touched them
    [update] = article_updates
    dropped = set(re.findall(r"DROP SILENT GRAPH <([^>]*/graph/article/[^>]*)>", update))
    inserted = set(re.findall(r"GRAPH <([^>]*/graph/article/[^>]*)> \{", update))
    assert len(dropped) == 2 and dropped == inserted and "INSERT DATA" in update
    assert "/graph/entities>" in update    # the entities graph changes in the same transaction


def test_unreachable_server_and_read_only_commands_fail_in_one_line(tmp_path):
    url = f"http://127.0.0.1:{free_port()}/"
    proc = run_kg("stats", store=url, check=False)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot reach the SPARQL server" in lines[0] and "oxigraph serve" in lines[0]


def test_endpoint_paths_can_be_named_in_the_location(server):
    """Servers other than Oxigraph name their endpoints differently (Fuseki: sparql, update, data)."""
    url = f"{server}/?query=query&update=update&store=store"
    out = run_kg("query", "ASK { ?s a kgo:Chip }", store=url).stdout
    assert out.strip() == "true"
