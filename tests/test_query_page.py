"""The query page (kg.view.query_page) in Debian's Chromium, against a real store and real SPARQL.

The real `kg serve` runs over the store with the three routes the page needs: /query (the
page), /queries.json (the saved queries) and /sparql. Every saved query is run
from the page with parameters typed into its form, and its rows are compared with what
`kg query NAME --param …` prints for the same store. Screenshots go to artifacts/ and the
test's tmp folder (`KG_UPDATE_DOCS=1` also refreshes docs/query-page.png).
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from browser import launch, require_browser, sync_playwright
from conftest import ROOT, kg_serve, run_kg
from test_remote_store import free_port

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


def serve(store_path: Path, onto: Path, port: int):
    """A real `kg serve` on the store, reading its saved queries from onto (KG_ONTOLOGY), with
    SERVICE allowed to reach this machine only (the federated query points back at it)."""
    return kg_serve(store_path, "--quiet", "--allow-service", "127.0.0.1", port=port, env={"KG_ONTOLOGY": str(onto)})


@pytest.fixture(scope="module")
def site(corpus_store, tmp_path_factory):
    """(base URL, ontology folder) of `kg serve` over the corpus store; the federated query's
    SERVICE points at the same server, never at Wikidata."""
    onto = tmp_path_factory.mktemp("onto") / "ontology"
    shutil.copytree(ROOT / "ontology", onto)
    port = free_port()
    federated = onto / "queries" / "wikidata-federated.rq"
    federated.write_text(federated.read_text(encoding="utf-8").replace(
        "https://query.wikidata.org/sparql", f"http://127.0.0.1:{port}/sparql"), encoding="utf-8")
    with serve(corpus_store, onto, port) as url:
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
