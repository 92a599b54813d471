"""One default graph everywhere: `kg query`, the saved queries and `kg serve`'s /sparql.

The default graph is the store's union of all graphs (articles, entities, reference data,
ontology). Each entity is described once, so a join over it does not multiply with the
number of articles that mention the entity.
"""
from __future__ import annotations

import json

import httpx
import pytest

from conftest import kg_serve, run_kg

ARTICLES = {
    "a.md": "英偉達發布H200芯片，顯存帶寬4.8TB/s。黃仁勳表示，星瀾科技公司將採用H200。\n",
    "b.md": "12月9日，美國政府宣布允許英偉達向中國出口H200芯片。星瀾科技公司的XQ-7100芯片算力為900TFLOPS。\n",
    "c.md": "華為發布昇騰910C芯片，顯存帶寬3200GB/s。英偉達的H200芯片顯存帶寬4.8TB/s。\n",
}
SAMPLES = {"entity": "英偉達", "name": "NVIDIA", "min": "1", "unit": "TB-PER-SEC"}
NVIDIA = "https://w3id.org/aichip-kg/id/nvidia"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """(endpoint base URL, store) of a `kg serve` over a store of three articles."""
    base = tmp_path_factory.mktemp("default-graph")
    corpus = base / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    store = base / "store"
    run_kg("ingest", str(corpus), store=store)
    with kg_serve(store, "--quiet") as url:
        yield url, store


def _rows(bindings: list[dict]) -> list[tuple]:
    return sorted(tuple(sorted((v, t["value"]) for v, t in b.items())) for b in bindings)


def _cli_rows(store, *args: str) -> list[tuple]:
    return _rows(json.loads(run_kg("query", *args, "--format", "json", store=store).stdout)["results"]["bindings"])


def _http_rows(url: str, **params) -> list[tuple]:
    r = httpx.get(url, params=params, headers={"Accept": "application/sparql-results+json"}, timeout=120)
    assert r.status_code == 200, r.text
    return _rows(r.json()["results"]["bindings"])


def test_every_saved_query_gives_the_same_rows_through_kg_query_and_the_endpoint(served):
    url, store = served
    listing = httpx.get(url + "/queries", timeout=60).json()
    assert len(listing) >= 12
    nonempty = 0
    for q in listing:
        if q["name"] == "wikidata-federated":
            continue   # needs the network
        params = {p["name"]: SAMPLES[p["name"]] for p in q["parameters"] if p["required"]}
        cli = _cli_rows(store, q["name"], *[f"--param={k}={v}" for k, v in params.items()])
        assert cli == _http_rows(url + q["url"], **params), q["name"]
        nonempty += bool(cli)
    assert nonempty >= 8   # the comparison is about real rows, not empty results


@pytest.mark.parametrize("sparql", [
    "SELECT ?l WHERE { id:nvidia rdfs:label ?l }",
    "SELECT ?e ?t WHERE { ?a schema:mentions ?e . ?e a ?t }",
    "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
    "SELECT ?ev ?sentence WHERE { ?x kgo:evidence ?ev . ?ev nif:sentence/kgo:sentence ?sentence }",
])
def test_inline_queries_see_the_same_default_graph_in_both(served, sparql):
    url, store = served
    assert _cli_rows(store, sparql) == _http_rows(url + "/sparql", query=sparql)


def test_an_entity_is_described_once_however_many_articles_mention_it(served):
    _, store = served
    mentioning = _cli_rows(store, "SELECT ?a WHERE { ?a schema:mentions id:nvidia }")
    assert len(mentioning) == 3
    labels = _cli_rows(store, "SELECT ?l WHERE { id:nvidia rdfs:label ?l }")
    assert labels and len(labels) == len(set(labels))          # each label once, not once per article
    types = _cli_rows(store, "SELECT ?t WHERE { id:nvidia a ?t }")
    assert types == [(("t", "https://w3id.org/aichip-kg/ontology#Company"),)]
    in_articles = _cli_rows(store, "SELECT ?g WHERE { GRAPH ?g { id:nvidia rdfs:label ?l } }")
    assert all("/graph/article/" not in v for (_, v), in in_articles)
