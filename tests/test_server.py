"""`kg serve`: the real server in a subprocess on a free port of 127.0.0.1, queried with httpx and SPARQLWrapper."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from conftest import kg_serve, run_kg
from test_remote_store import ARTICLE_A as ARTICLE

ID = "https://w3id.org/aichip-kg/id/"
MAX_ROWS = 40
LATER = "華為的昇騰910C芯片顯存帶寬3200GB/s。\n"
CHIPS = "SELECT DISTINCT ?chip WHERE { ?chip a kgo:Chip . ?article schema:mentions ?chip } ORDER BY ?chip"
# never finishes on any real store: a three-way cross product of every triple
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """(base URL, store, corpus folder) of a running `kg serve`, stopped at the end."""
    base = tmp_path_factory.mktemp("served")
    corpus = base / "corpus"
    corpus.mkdir()
    (corpus / "h200.md").write_text(ARTICLE, encoding="utf-8")
    store = base / "store"
    run_kg("ingest", str(corpus), store=store)
    with kg_serve(store, "--timeout", "3", "--max-rows", str(MAX_ROWS), "--quiet", "--cors",
                  "https://example.org") as url:
        yield url, store, corpus


@pytest.fixture(scope="module")
def client():
    with httpx.Client(timeout=60) as c:
        yield c


def bindings(response: httpx.Response) -> list[dict]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/sparql-results+json")
    return response.json()["results"]["bindings"]


def test_get_and_both_post_forms_give_the_same_results(served, client):
    url = served[0] + "/sparql"
    by_get = bindings(client.get(url, params={"query": CHIPS}))
    by_form = bindings(client.post(url, data={"query": CHIPS}))
    by_body = bindings(client.post(url, content=CHIPS.encode(), headers={"Content-Type": "application/sparql-query"}))
    assert by_get == by_form == by_body
    assert {"chip": {"type": "uri", "value": ID + "nvidia-h200"}} in by_get


@pytest.mark.parametrize("accept, content_type", [
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("text/html;q=0.5, application/sparql-results+json", "application/sparql-results+json"),
])
def test_accept_picks_the_results_format(served, client, accept, content_type):
    r = client.get(served[0] + "/sparql", params={"query": CHIPS}, headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].startswith(content_type)
    if content_type == "text/csv":
        chips = [row["chip"] for row in csv.DictReader(io.StringIO(r.text))]
    else:
        fmt = {"application/sparql-results+xml": ox.QueryResultsFormat.XML,
               "text/tab-separated-values": ox.QueryResultsFormat.TSV,
               "application/sparql-results+json": ox.QueryResultsFormat.JSON}[content_type]
        chips = [sol["chip"].value for sol in ox.parse_query_results(r.content, fmt)]
    assert ID + "nvidia-h200" in chips


def test_ask_and_construct(served, client):
    url = served[0] + "/sparql"
    ask = client.get(url, params={"query": "ASK { ?c a kgo:Chip }"})
    assert ask.json() == {"head": {}, "boolean": True}
    construct = client.post(url, data={"query": "CONSTRUCT { ?c a kgo:Chip } WHERE { ?c a kgo:Chip } LIMIT 3"},
                            headers={"Accept": "text/turtle"})
    assert construct.headers["content-type"].startswith("text/turtle")
    triples = list(ox.parse(construct.content, ox.RdfFormat.TURTLE))
    assert 1 <= len(triples) <= 3


@pytest.mark.parametrize("how", ["form-update", "update-body", "update-as-query", "update-endpoint"])
def test_updates_are_refused_and_change_nothing(served, client, how):
    url = served[0]
    update = "INSERT DATA { <http://example.org/x> <http://example.org/p> 1 }"
    if how == "form-update":
        r = client.post(url + "/sparql", data={"update": update})
    elif how == "update-body":
        r = client.post(url + "/sparql", content=update, headers={"Content-Type": "application/sparql-update"})
    elif how == "update-as-query":
        r = client.post(url + "/sparql", data={"query": update})
    else:
        r = client.post(url + "/update", content=update, headers={"Content-Type": "application/sparql-update"})
    assert r.status_code == 403 and "read-only" in r.text
    check = client.get(url + "/sparql", params={"query": "ASK { <http://example.org/x> ?p ?o }"})
    assert check.json()["boolean"] is False


def test_malformed_queries_are_400_with_the_parser_message(served, client):
    r = client.get(served[0] + "/sparql", params={"query": "SELECT ?x WHERE { ?x"})
    assert r.status_code == 400 and r.text.startswith("malformed SPARQL")
    assert client.get(served[0] + "/sparql").status_code == 400


def test_the_time_limit_stops_a_runaway_query_and_the_server_goes_on(served, client):
    r = client.post(served[0] + "/sparql", data={"query": RUNAWAY})
    assert r.status_code == 503 and "time limit" in r.text
    assert bindings(client.get(served[0] + "/sparql", params={"query": CHIPS}))


def test_results_are_capped_and_say_so(served, client):
    r = client.get(served[0] + "/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert len(bindings(r)) == MAX_ROWS and r.headers["kg-truncated"] == "true"
    small = client.get(served[0] + "/sparql", params={"query": CHIPS})
    assert "kg-truncated" not in small.headers


def test_cors_lets_the_named_origin_query_and_no_other(served, client):
    r = client.get(served[0] + "/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://example.org"})
    assert r.headers["access-control-allow-origin"] == "https://example.org"
    pre = client.options(served[0] + "/sparql", headers={
        "Origin": "https://example.org", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "Content-Type"})
    assert pre.status_code in (200, 204) and "POST" in pre.headers["access-control-allow-methods"]
    assert "content-type" in pre.headers["access-control-allow-headers"].lower()
    other = client.get(served[0] + "/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://evil.example"})
    assert other.status_code == 200 and "access-control-allow-origin" not in other.headers


def test_the_viewer_page_is_served_beside_the_endpoint(served, client):
    page = client.get(served[0] + "/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "<html" in page.text.lower() and "H200" in page.text
    assert client.get(served[0] + "/view").text == page.text


def test_drawing_the_page_leaves_nothing_in_the_temp_folder(client, tmp_path):
    """A server runs for weeks: no page it draws may stay behind in the temp folder."""
    import shutil
    import tempfile

    # (a short folder of its own: the workers' sockets live in TMPDIR, and a socket's path may not
    # exceed 107 bytes, which pytest's own folders can)
    temp = Path(tempfile.mkdtemp(prefix="kgt-", dir="/tmp"))
    corpus, store = tmp_path / "corpus", tmp_path / "store"
    corpus.mkdir()
    (corpus / "h200.md").write_text(ARTICLE, encoding="utf-8")
    run_kg("ingest", str(corpus), store=store)
    try:
        with kg_serve(store, "--quiet", env={"TMPDIR": str(temp)}) as url:
            assert "H200" in client.get(url + "/view").text
            (corpus / "later.md").write_text(LATER, encoding="utf-8")
            run_kg("ingest", str(corpus), store=store)
            assert "910C" in client.get(url + "/view").text     # drawn again: the store changed
        assert [p.name for p in temp.iterdir() if p.name.startswith("kg-serve-")] == []
    finally:
        shutil.rmtree(temp, ignore_errors=True)


def test_sparqlwrapper_reads_the_endpoint(served):
    from SPARQLWrapper import GET, JSON, POST, TURTLE, XML, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

    sparql = SPARQLWrapper(served[0] + "/sparql")
    sparql.setQuery(CHIPS)   # kg's prefixes are predeclared by the endpoint
    for method in (GET, POST):
        sparql.setMethod(method)
        sparql.setReturnFormat(JSON)
        chips = [b["chip"]["value"] for b in sparql.queryAndConvert()["results"]["bindings"]]
        assert ID + "nvidia-h200" in chips
    sparql.setReturnFormat(XML)
    assert ID + "nvidia-h200" in sparql.queryAndConvert().toxml()
    sparql.setQuery("ASK { ?c a <https://w3id.org/aichip-kg/ontology#Chip> }")
    sparql.setReturnFormat(JSON)
    assert sparql.queryAndConvert()["boolean"] is True
    sparql.setQuery("CONSTRUCT WHERE { ?c a <https://w3id.org/aichip-kg/ontology#Chip> } LIMIT 2")
    sparql.setReturnFormat(TURTLE)
    assert list(ox.parse(sparql.queryAndConvert(), ox.RdfFormat.TURTLE))
    sparql.setQuery("SELECT ?x WHERE { ?x")
    sparql.setReturnFormat(JSON)
    with pytest.raises(QueryBadFormed):
        sparql.queryAndConvert()


def test_saved_queries_run_over_http_with_parameters(served, client):
    listing = client.get(served[0] + "/queries").json()
    names = {q["name"] for q in listing}
    assert len(names) >= 12 and "chips-above-threshold" in names
    samples = {"entity": "英偉達", "name": "NVIDIA", "min": "1", "unit": "TB-PER-SEC"}
    for q in listing:
        if q["name"] == "wikidata-federated":
            continue   # needs the network
        params = {p["name"]: samples[p["name"]] for p in q["parameters"] if p["required"]}
        r = client.get(served[0] + q["url"], params=params)
        assert r.status_code == 200, (q["name"], r.text)
    found = bindings(client.get(served[0] + "/queries/entity-by-alias", params={"name": "英伟达"}))
    assert [b["entity"]["value"] for b in found] == [ID + "nvidia"]
    missing = client.get(served[0] + "/queries/chips-above-threshold")
    assert missing.status_code == 400 and "required" in missing.text
    assert client.get(served[0] + "/queries/no-such-query").status_code == 404


def test_ingest_can_write_while_serving_and_queries_see_it(served, client):
    """The server holds no lock between queries, so `kg ingest` is not blocked, and every query opens the store anew."""
    url, store, corpus = served
    (corpus / "later.md").write_text(LATER, encoding="utf-8")
    run_kg("ingest", str(corpus), store=store, env={"KG_LOCK_TIMEOUT": "20"})
    chips = [b["chip"]["value"] for b in bindings(client.get(url + "/sparql", params={"query": CHIPS}))]
    assert ID + "huawei-ascend-910c" in chips
