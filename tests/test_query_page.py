"""The query page (kg.view.query_page) in Debian's Chromium, against a real store and real SPARQL.

A small test-only HTTP server stands in for `kg serve` with the three routes the page needs:
/query (render_query_page), /queries.json (saved_queries_json) and /sparql, which runs
kg.query.sparql.run_query on the store and answers in SPARQL JSON. Every saved query is run
from the page with parameters typed into its form, and its rows are compared with what
`kg query NAME --param …` prints for the same store. Screenshots go to artifacts/ and the
test's tmp folder (`KG_UPDATE_DOCS=1` also refreshes docs/query-page.png).
"""
from __future__ import annotations

import json
import os
import shutil
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from browser import launch, require_browser, sync_playwright
from conftest import ROOT, run_kg

require_browser()
pytestmark = pytest.mark.browser

DOCS = ROOT / "docs"
ARTIFACTS = ROOT / "artifacts"
#: what a person might type into each saved query's form (names in either script, prefixed names, …)
PARAMS: dict[str, dict[str, str]] = {
    "articles-mentioning": {"entity": "輝達"},
    "chips-above-threshold": {"min": "4.8", "unit": "TB-PER-SEC", "metric": "memory-bandwidth"},
    "chips-by-developer": {"developer": "英伟达", "lang": "en"},
    "co-mentioned": {"entity": "H200"},
    "discovered-entities": {"type": "Chip"},
    "entity-by-alias": {"name": "辉达"},
    "entity-counts-by-type": {"lang": "zh-Hans"},
    "entity-relations": {"entity": "NVIDIA"},
    "export-control-timeline": {"from": "2025-01", "to": "2025-12-31"},
    "facts-with-evidence": {"entity": "id:nvidia", "confidence": "0.6"},
    "hedged-statements": {},
    "listings-market-values": {},
    "people-and-organisations": {"person": "黃仁勳"},
    "who-said-what": {},
    "wikidata-federated": {"wikidata": "Q182477"},
    "wikidata-links": {"entity": "台積電"},
}


class _Endpoint(BaseHTTPRequestHandler):
    """The page, the saved queries and a SPARQL endpoint over one store (see the module docstring)."""
    store = None
    queries: Path

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        url = urlparse(self.path)
        if url.path == "/query":
            from kg.view.query_page import render_query_page
            self._send(200, "text/html; charset=utf-8", render_query_page("zh-Hant").encode())
        elif url.path == "/queries.json":
            from kg.view.query_page import saved_queries_json
            self._send(200, "application/json", saved_queries_json(self.queries).encode())
        elif url.path == "/sparql":
            self._sparql(parse_qs(url.query).get("query", [""])[0])
        else:
            self._send(404, "text/plain", b"no such page\n")

    def do_POST(self) -> None:  # noqa: N802
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode("utf-8")
        if self.headers.get("Content-Type", "").startswith("application/sparql-query"):
            self._sparql(body)
        else:
            self._sparql(parse_qs(body).get("query", [""])[0])

    def _sparql(self, text: str) -> None:
        from kg.errors import KgError
        from kg.query.sparql import format_results, run_query
        try:
            res = run_query(self.store, text)
        except KgError as e:
            self._send(400, "text/plain; charset=utf-8", f"{e}\n".encode())
            return
        out = format_results(res, "json")
        if res.boolean is not None:
            out = json.dumps({"head": {}, "boolean": res.boolean})
        self._send(200, "application/sparql-results+json", out.encode())

    def _send(self, status: int, ctype: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        pass


@contextmanager
def serve(store_path: Path, queries: Path):
    from kg.store import open_store
    with open_store(store_path) as store:
        handler = type("Handler", (_Endpoint,), {"store": store, "queries": queries})
        httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        thread = threading.Thread(target=httpd.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{httpd.server_address[1]}"
        finally:
            httpd.shutdown()
            httpd.server_close()


@pytest.fixture(scope="module")
def site(corpus_store, tmp_path_factory):
    """(base URL, ontology folder) of the stand-in server; the federated query's SERVICE points
    at the same stand-in, never at Wikidata."""
    onto = tmp_path_factory.mktemp("onto") / "ontology"
    shutil.copytree(ROOT / "ontology", onto)
    queries = onto / "queries"
    with serve(corpus_store, queries) as url:
        federated = queries / "wikidata-federated.rq"
        federated.write_text(federated.read_text(encoding="utf-8").replace("https://query.wikidata.org/sparql",
                                                                            url + "/sparql"), encoding="utf-8")
        yield url, onto


@pytest.fixture(scope="module")
def page(site):
    url, _ = site
    with sync_playwright() as p:
        browser = launch(p)
        ctx = browser.new_context(viewport={"width": 1440, "height": 900})
        requests: list[str] = []
        errors: list[str] = []
        pg = ctx.new_page()
        pg.on("request", lambda r: requests.append(r.url))
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        pg.goto(url + "/query")
        pg.wait_for_function("() => window.kgQuery && window.kgQuery.ready")
        pg.requests, pg.errors = requests, errors
        yield pg
        browser.close()


def run_on_page(pg, name: str, params: dict[str, str]) -> dict:
    pg.select_option("#kq-saved", name)
    for key, value in params.items():
        pg.fill(f"#kq-param-{key}", value)
    runs = pg.evaluate("() => kgQuery.runs")
    pg.click("#kq-run")
    pg.wait_for_function("n => kgQuery.runs > n", arg=runs, timeout=60_000)
    return {"state": pg.get_attribute("#kq-status", "data-state"), "status": pg.inner_text("#kq-status"),
            "result": pg.evaluate("() => kgQuery.lastResult")}


def rows_of(bindings: list[dict]) -> list[tuple]:
    return sorted(tuple(sorted((k, v["type"], v["value"]) for k, v in b.items())) for b in bindings)


def cli_rows(store: Path, onto: Path, name: str, params: dict[str, str]) -> list[tuple]:
    args = ["query", name, "--format", "json"]
    for key, value in params.items():
        args += ["--param", f"{key}={value}"]
    out = run_kg(*args, store=store, env={"KG_ONTOLOGY": str(onto)}).stdout
    return rows_of(json.loads(out)["results"]["bindings"])


def test_every_saved_query_runs_from_the_page_with_its_parameters(page, site, corpus_store, tmp_path):
    url, onto = site
    names = [o for o in page.eval_on_selector_all("#kq-saved option", "os => os.map(o => o.value)")]
    assert names == sorted(p.stem for p in (onto / "queries").glob("*.rq")) and set(names) == set(PARAMS)
    with_rows = 0
    for name in names:
        got = run_on_page(page, name, PARAMS[name])
        assert got["state"] == "done", (name, got["status"])
        mine = rows_of(got["result"]["results"]["bindings"])
        assert mine == cli_rows(corpus_store, onto, name, PARAMS[name]), name
        assert page.get_attribute("#kq-status", "data-rows") == str(len(mine))
        with_rows += bool(mine)
        if mine:
            assert page.locator("#kq-table-box tbody tr").count() == len(mine)
    assert with_rows >= 12           # the corpus article answers most of them
    assert page.errors == []
    assert all(r.startswith(url + "/") for r in page.requests)   # nothing from any other host


def labels_of(store: Path, iri: str) -> set[str]:
    out = run_kg("query", "--format", "tsv", f"SELECT ?l WHERE {{ GRAPH ?g {{ <{iri}> rdfs:label ?l }} }}", store=store).stdout
    return {line.rsplit("@", 1)[0].strip('"') for line in out.splitlines()[1:]}


def test_results_show_labels_and_a_graph_of_the_rows_entities(page, corpus_store, tmp_path):
    got = run_on_page(page, "chips-by-developer", {"developer": "輝達"})
    assert got["state"] == "done" and got["result"]["results"]["bindings"]
    nvidia = page.locator("#kq-table-box td", has=page.locator(".kq-iri", has_text="id:nvidia")).first
    label = nvidia.locator(".kq-label").inner_text()                # a label, with the prefixed name under it
    assert label in labels_of(corpus_store, "https://w3id.org/aichip-kg/id/nvidia")
    assert nvidia.get_attribute("data-value") == "https://w3id.org/aichip-kg/id/nvidia"
    page.screenshot(path=str(tmp_path / "query-table.png"))
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "query-page.png"))
    if os.environ.get("KG_UPDATE_DOCS"):                         # docs/ changes only on request
        page.screenshot(path=str(DOCS / "query-page.png"))
    page.click("#kq-tabs button[data-tab=graph]")
    page.wait_for_function("() => kgQuery.graph && kgQuery.graph.body.data.nodes.length > 0")
    labels = page.evaluate("() => kgQuery.graph.body.data.nodes.get().map(n => n.label)")
    assert label in labels and len(labels) >= 3
    page.wait_for_timeout(800)
    page.screenshot(path=str(tmp_path / "query-graph.png"))
    page.click("#kq-tabs button[data-tab=table]")


def test_mistakes_are_one_line_errors(page):
    got = run_on_page(page, "articles-mentioning", {"entity": "沒有這家公司"})
    assert got["state"] == "error" and "沒有這家公司" in got["status"] and "\n" not in got["status"]
    got = run_on_page(page, "chips-above-threshold", {"min": "lots", "unit": "TB-PER-SEC"})
    assert got["state"] == "error" and "min" in got["status"]
    page.select_option("#kq-saved", "articles-mentioning")
    page.evaluate("() => kgQuery.editor.setValue('SELECT ?x WHERE { ?x ?p }')")
    runs = page.evaluate("() => kgQuery.runs")
    page.fill("#kq-param-entity", "輝達")
    page.click("#kq-run")
    page.wait_for_function("n => kgQuery.runs > n", arg=runs)
    assert page.get_attribute("#kq-status", "data-state") == "error"
    assert "malformed SPARQL" in page.inner_text("#kq-status")


def test_the_saved_queries_document_describes_every_parameter():
    from kg.query.saved import list_saved
    from kg.view.query_page import saved_queries_json
    doc = json.loads(saved_queries_json())
    assert doc["prefixes"]["id"] == "https://w3id.org/aichip-kg/id/"
    by_name = {q["name"]: q for q in doc["queries"]}
    for q in list_saved():
        entry = by_name[q.name]
        assert entry["text"] == q.text and entry["description"] == q.description
        assert [p["name"] for p in entry["parameters"]] == list(q.params)
        for p in entry["parameters"]:
            assert {"kind", "baseKind", "required", "help", "default"} <= set(p)
