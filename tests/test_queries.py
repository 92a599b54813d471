"""The saved-query library (ontology/queries/) through `kg query NAME --param`, on stores built by the CLI.

Facts come from a small corpus of our own sentences, ingested by `kg ingest`; statement
kinds the extractor may or may not produce yet (reports, rumours, listings) come from a
hand-written graph in the documented shape, loaded into a real Oxigraph server and queried
through `kg --store http://…`.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
import urllib.request

from conftest import ROOT, run_kg
from test_remote_store import oxigraph_server

QUERIES = ROOT / "ontology" / "queries"
REQUIRED = {"chips-by-developer", "chips-above-threshold", "export-control-timeline", "listings-market-values",
            "who-said-what", "entity-by-alias", "facts-with-evidence", "articles-mentioning",
            "people-and-organisations", "entity-relations", "entity-counts-by-type", "hedged-statements"}
ID = "https://w3id.org/aichip-kg/id/"

ARTICLE = """---
title: 英偉達發布H200
published: 2025-12-10
language: zh-Hant
---
英偉達發布H200芯片，FP16算力733TFLOPS，顯存帶寬4.8TB/s。
超微的MI300X芯片顯存帶寬5300GB/s。
華為的昇騰910C芯片顯存帶寬3200GB/s。
12月9日，美國政府宣布允許英偉達向中國出口H200芯片。
"""
BODY = ARTICLE.split("---\n", 2)[2]


def rows(out: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(out)))


def query(store, *args: str) -> list[dict[str, str]]:
    return rows(run_kg("query", *args, "--format", "csv", store=store).stdout)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("queries")
    (base / "corpus").mkdir()
    (base / "corpus" / "h200.md").write_text(ARTICLE, encoding="utf-8")
    run_kg("ingest", str(base / "corpus"), store=base / "store")
    return base / "store"


def test_the_library_lists_its_queries_with_what_they_answer():
    out = run_kg("query", "--list").stdout
    names = [line for line in out.splitlines() if line and not line.startswith(" ")]
    assert REQUIRED <= set(names) and len(names) >= 12
    for name in names:  # each name is followed by its one-line description
        description = out.split(name + "\n", 1)[1].splitlines()[0]
        assert description.startswith("  ") and len(description.strip()) > 20
    assert "--param min=…  (decimal, required)" in out


def test_every_saved_query_opens_with_a_comment_and_parses():
    import pyoxigraph as ox
    from rdflib.plugins.sparql import prepareQuery
    files = sorted(QUERIES.glob("*.rq"))
    assert len(files) >= 13
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert text.startswith("# "), f"{f.name} must open with a comment saying what it answers"
        if "LATERAL" in text:   # SPARQL 1.2 draft: Oxigraph's parser (run on an empty store), not rdflib's
            assert "SERVICE" not in text
            ox.Store().query(text)
        else:
            prepareQuery(text)   # rdflib's SPARQL parser: parses, never runs (the federated query needs network)


def test_threshold_compares_figures_across_units(store):
    in_tb = query(store, "chips-above-threshold", "--param", "min=4.8", "--param", "unit=TB-PER-SEC",
                  "--param", "metric=memory-bandwidth")
    in_gb = query(store, "chips-above-threshold", "-p", "min=4800", "-p", "unit=unit:GB-PER-SEC",
                  "-p", "metric=memory-bandwidth")
    chips = {r["chip"] for r in in_tb}
    assert chips == {r["chip"] for r in in_gb}
    assert ID + "nvidia-h200" in chips              # 4.8TB/s: equal to the threshold in both units
    assert ID + "huawei-ascend-910c" not in chips   # 3200GB/s: below it
    h200 = next(r for r in in_tb if r["chip"] == ID + "nvidia-h200")
    assert h200["baseValue"] == "4800000000000" and h200["baseUnit"].endswith("/unit/BYTE-PER-SEC")


RESTATED = """---
title: 重申 {i}
published: 2025-12-{day:02d}
---
英偉達發布H200芯片，顯存帶寬4.8TB/s。
華為的昇騰910C芯片顯存帶寬3200GB/s。
"""


@pytest.fixture(scope="module")
def restated(tmp_path_factory) -> Path:
    """Seven articles restating the same figures (and one also MI300X's): values tie across articles."""
    base = tmp_path_factory.mktemp("restated")
    (base / "corpus").mkdir()
    for i in range(7):
        text = RESTATED.format(i=i, day=i + 1) + ("超微的MI300X芯片顯存帶寬5300GB/s。\n" if i == 3 else "")
        (base / "corpus" / f"r{i}.md").write_text(text, encoding="utf-8")
    run_kg("ingest", str(base / "corpus"), store=base / "store")
    return base / "store"


def test_threshold_pages_cut_inside_equal_values_are_the_highest_and_put_end_to_end_the_whole(restated):
    """The page is chosen from the statistics' figure rows: a page that ends among equal values
    holds the highest values, pages of any size make the whole answer, and the whole answer is
    every figure at or above the threshold, read from the article graphs directly."""
    args = ("chips-above-threshold", "-p", "min=3", "-p", "unit=TB-PER-SEC")
    whole = query(restated, *args, "-p", "limit=1000")
    direct = run_kg("query", """SELECT ?chip ?value ?article WHERE { GRAPH ?g {
        ?f a kgo:Measurement ; kgo:subject ?chip ; kgo:metric ?m ; kgo:value ?value ; kgo:unit ?u ; kgo:statedIn ?article }
        GRAPH <https://w3id.org/aichip-kg/graph/ontology> { ?u qudt:conversionMultiplier ?x ; kgo:baseUnit unit:BYTE-PER-SEC }
        FILTER(?value * ?x >= 3e12) }""", "--format", "csv", store=restated).stdout
    assert sorted((r["chip"], r["value"], r["article"]) for r in whole) == \
        sorted((r["chip"], r["value"], r["article"]) for r in rows(direct))
    assert len(whole) == 15 and [r["chip"] for r in whole[:1]] == [ID + "amd-mi300x"]
    values = sorted((float(r["baseValue"]) for r in whole), reverse=True)
    for size in (1, 2, 3, 5):
        pages = [query(restated, *args, "-p", f"limit={size}", "-p", f"offset={o}") for o in range(0, 15, size)]
        assert sorted(tuple(r.values()) for p in pages for r in p) == sorted(tuple(r.values()) for r in whole)
        assert [float(r["baseValue"]) for r in pages[0]] == values[:size]
        assert pages == [query(restated, *args, "-p", f"limit={size}", "-p", f"offset={o}") for o in range(0, 15, size)]


def test_a_page_parameter_also_fills_a_values_line_of_its_name(store, tmp_path):
    """limit and offset replace N in `LIMIT N` / `OFFSET N`, and in `VALUES ?limit { N }` for expressions."""
    q = tmp_path / "page.rq"
    q.write_text("# The page's own numbers.\n# @param limit limit  Rows.\n# @param offset offset  Skipped.\n"
                 "SELECT ?limit ?offset (COUNT(?x) AS ?n) WHERE {\n  VALUES ?limit { 100 }\n  VALUES ?offset { 0 }\n"
                 "  { SELECT ?x WHERE { VALUES ?x { 1 2 3 4 5 } }\n    LIMIT 100\n    OFFSET 0\n  }\n} GROUP BY ?limit ?offset\n",
                 encoding="utf-8")
    assert query(store, str(q)) == [{"limit": "100", "offset": "0", "n": "5"}]
    assert query(store, str(q), "-p", "limit=2", "-p", "offset=1") == [{"limit": "2", "offset": "1", "n": "2"}]


def test_chips_by_developer_finds_the_developer_by_a_name_in_the_other_script(store):
    # a page of chips at a time, in IRI order: NVIDIA has more chips in the reference data than one page
    first = query(store, "chips-by-developer", "--param", "developer=英伟达", "--param", "metric=fp16-performance")
    assert len({r["chip"] for r in first}) == 20 and ID + "nvidia-h200" not in {r["chip"] for r in first}
    found = query(store, "chips-by-developer", "--param", "developer=英伟达",
                  "--param", "metric=fp16-performance", "--param", "lang=en", "--param", "limit=100")
    h200 = [r for r in found if r["chip"] == ID + "nvidia-h200" and r["spec"]]
    assert h200 and h200[0]["value"] == "733" and h200[0]["baseValue"] == "733000000000000"
    assert {r["developer"] for r in found} == {ID + "nvidia"}


def test_entity_by_alias_crosses_scripts(store):
    found = query(store, "entity-by-alias", "--param", "name=辉达")   # Simplified; the reference has 輝達
    assert [r["entity"] for r in found] == [ID + "nvidia"]
    assert int(found[0]["articles"]) == 1
    assert found[0]["wikidata"] == "" or found[0]["wikidata"].startswith("http://www.wikidata.org/entity/Q")


def test_export_control_timeline_by_date(store):
    december = query(store, "export-control-timeline", "--param", "from=2025-12", "--param", "to=2025-12")
    decided = [r for r in december if r["date"] == "2025-12-09"]
    assert decided and all("出口" in r["sentence"] for r in decided)
    assert query(store, "export-control-timeline", "--param", "to=2024") == []


def test_articles_mentioning_and_facts_with_their_evidence(store):
    articles = query(store, "articles-mentioning", "--param", "entity=H200")
    assert len(articles) == 1 and articles[0]["path"].endswith("corpus/h200.md")
    assert int(articles[0]["mentions"]) >= 2 and "H200" in articles[0]["firstSentence"]
    facts = query(store, "facts-with-evidence", "--param", "entity=id:nvidia-h200")
    assert facts
    for fact in facts:
        assert fact["sentence"] in BODY
        assert 0 <= int(fact["start"]) < int(fact["end"]) <= len(BODY)
        assert 0 < float(fact["evidenceConfidence"]) <= 1
    assert all("nvidia-h200" in (f["subject"] + f["object"] + f["roles"]) for f in facts)


def test_parameters_are_bound_as_rdf_terms_never_pasted_as_text(store):
    # pasted into VALUES ?name { "…" } this would become two names, one of them NVIDIA
    assert query(store, "entity-by-alias", "--param", 'name=nope" "NVIDIA') == []
    proc = run_kg("query", "articles-mentioning", "--param", "entity=http://x> <http://y", store=store, check=False)
    assert proc.returncode == 1 and "not a valid IRI" in proc.stderr


@pytest.mark.parametrize("args, message", [
    (["chips-by-develper"], "did you mean chips-by-developer"),
    (["chips-above-threshold", "--param", "unit=TB-PER-SEC"], "parameter 'min' is required"),
    (["chips-above-threshold", "--param", "min=lots", "--param", "unit=TB-PER-SEC"], "not a number"),
    (["articles-mentioning", "--param", "entity=不存在的公司"], "no entity in the store is called that"),
])
def test_mistakes_are_one_line_errors_that_say_the_fix(store, args, message):
    proc = run_kg("query", *args, store=store, check=False)
    assert proc.returncode == 1
    assert len(proc.stderr.strip().splitlines()) == 1 and message in proc.stderr


def test_inline_sparql_and_query_files_still_work(store, tmp_path):
    inline = query(store, "SELECT ?chip WHERE { ?chip kgo:developer id:nvidia ; a kgo:Chip } ORDER BY ?chip")
    assert {"chip": ID + "nvidia-h200"} in inline
    own = tmp_path / "mine.rq"
    own.write_text("# Chips of a developer.\n# @param org entity required  The developer.\n"
                   "SELECT DISTINCT ?chip WHERE {\n  VALUES ?org { UNDEF }\n  ?chip kgo:developer ?org ; a kgo:Chip .\n"
                   "  ?article schema:mentions ?chip .\n}\n", encoding="utf-8")
    mine = query(store, str(own), "--param", "org=英偉達")
    assert {"chip": ID + "nvidia-h200"} in mine and len(mine) == 1


SHAPED = """
@prefix kgo: <https://w3id.org/aichip-kg/ontology#> .
@prefix id: <https://w3id.org/aichip-kg/id/> .
@prefix unit: <https://w3id.org/aichip-kg/unit/> .
@prefix schema: <https://schema.org/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix art: <https://w3id.org/aichip-kg/id/article/> .
@prefix st: <https://w3id.org/aichip-kg/id/statement/> .

<https://w3id.org/aichip-kg/graph/article/shaped.md> {
  art:shaped.md a schema:NewsArticle ; kgo:sourcePath "shaped.md" ; rdfs:label "shaped" ;
      schema:mentions id:t-person, id:t-chipco, id:t-rival, id:t-board .
  id:t-person a kgo:Person ; rdfs:label "張測試"@zh-hant .
  id:t-chipco a kgo:Company ; rdfs:label "甲芯科技"@zh-hant ; kgo:stockExchange id:t-board ;
      kgo:chiefExecutiveOfficer id:t-person .
  id:t-rival a kgo:Company ; rdfs:label "乙芯科技"@zh-hant .
  id:t-board a kgo:StockExchange ; rdfs:label "科創板"@zh-hant .

  st:said a kgo:Report ; kgo:statedIn art:shaped.md ; kgo:agent id:t-person ;
      kgo:subject id:t-rival ; kgo:date "2025-12-03"^^xsd:date ; kgo:evidence <https://w3id.org/aichip-kg/id/sentence/shaped/0-15#0-3-0.90-test> .
  <https://w3id.org/aichip-kg/id/sentence/shaped/0-15> kgo:sentence "張測試表示，乙芯科技落後兩年。" .
  <https://w3id.org/aichip-kg/id/sentence/shaped/0-15#0-3-0.90-test> nif:sentence <https://w3id.org/aichip-kg/id/sentence/shaped/0-15> .

  st:rumour a kgo:Deal ; kgo:statedIn art:shaped.md ; kgo:agent id:t-chipco ;
      kgo:counterpart id:t-rival ; kgo:hedged true ; kgo:evidence <https://w3id.org/aichip-kg/id/sentence/shaped/16-31#20-30-0.60-test> .
  <https://w3id.org/aichip-kg/id/sentence/shaped/16-31> kgo:sentence "據悉甲芯科技或將收購乙芯科技。" .
  <https://w3id.org/aichip-kg/id/sentence/shaped/16-31#20-30-0.60-test> nif:sentence <https://w3id.org/aichip-kg/id/sentence/shaped/16-31> .

  st:listing a kgo:Listing ; kgo:statedIn art:shaped.md ; kgo:subject id:t-chipco ;
      kgo:date "2025-12"^^xsd:gYearMonth .
  st:value a kgo:Measurement ; kgo:statedIn art:shaped.md ; kgo:subject id:t-chipco ;
      kgo:metric "market-value" ; kgo:value 320000000000 ; kgo:unit unit:CNY ; kgo:evidence <https://w3id.org/aichip-kg/id/sentence/shaped/32-48#40-47-0.70-test> .
  <https://w3id.org/aichip-kg/id/sentence/shaped/32-48> kgo:sentence "甲芯科技上市，市值超過3200億元。" .
  <https://w3id.org/aichip-kg/id/sentence/shaped/32-48#40-47-0.70-test> nif:sentence <https://w3id.org/aichip-kg/id/sentence/shaped/32-48> .
}
"""


def test_statement_queries_on_a_graph_of_the_documented_shape(tmp_path):
    with oxigraph_server(tmp_path / "shaped") as url:
        req = urllib.request.Request(url + "/store", data=SHAPED.encode("utf-8"), method="POST",
                                     headers={"Content-Type": "application/trig"})
        urllib.request.urlopen(req, timeout=30).close()
        # the counts saved queries read, as `kg ingest` keeps them (kg/store/statistics.py)
        from kg.store import open_store
        from kg.store.statistics import refresh
        with open_store(url, write=True) as db:
            assert refresh(db)

        said = query(url, "who-said-what", "--param", "speaker=张测试")   # Simplified spelling of 張測試
        assert [(r["speakerLabel"], r["kind"], r["aboutWhom"], r["date"]) for r in said] == \
            [("張測試", "Report", "乙芯科技", "2025-12-03")]

        hedged = query(url, "hedged-statements")
        assert [(r["kind"], r["sentence"]) for r in hedged] == [("Deal", "據悉甲芯科技或將收購乙芯科技。")]
        assert set(hedged[0]["roles"].split(" | ")) == {"agent=t-chipco", "counterpart=t-rival"}

        listed = query(url, "listings-market-values", "--param", "company=甲芯科技")
        assert [(r["listingDate"], r["exchanges"], r["metric"], r["value"], r["unit"]) for r in listed] == \
            [("2025-12", ID + "t-board", "market-value", "320000000000", "https://w3id.org/aichip-kg/unit/CNY")]

        people = query(url, "people-and-organisations", "--param", "organisation=甲芯科技")
        assert [(r["person"], r["role"]) for r in people] == \
            [(ID + "t-person", "https://w3id.org/aichip-kg/ontology#chiefExecutiveOfficer")]


def test_the_federated_wikidata_query_joins_our_links_with_a_sparql_service(store, tmp_path):
    """Run against a local Oxigraph standing in for Wikidata (never the network)."""
    linked = [r for r in query(store, "wikidata-links") if int(r["articles"]) > 0]
    assert linked, "the reference data links known entities to Wikidata"
    item = linked[0]["wikidata"]
    qid = item.rsplit("/", 1)[1]
    stand_in = (f"<{item}> <http://www.w3.org/2000/01/rdf-schema#label> \"Stand-in item\"@en ; "
                f"<http://schema.org/description> \"an item of the stand-in\"@en ; "
                f"<http://www.wikidata.org/prop/direct/P17> <http://www.wikidata.org/entity/Q30> ; "
                f"<http://www.wikidata.org/prop/direct/P571> \"1993-04-05\"^^<http://www.w3.org/2001/XMLSchema#date> .\n"
                f"<http://www.wikidata.org/entity/Q30> <http://www.w3.org/2000/01/rdf-schema#label> \"United States\"@en .\n")
    text = (QUERIES / "wikidata-federated.rq").read_text(encoding="utf-8")
    assert "SERVICE <https://query.wikidata.org/sparql>" in text
    with oxigraph_server(tmp_path / "wikidata") as url:
        req = urllib.request.Request(url + "/store?default", data=stand_in.encode("utf-8"), method="POST",
                                     headers={"Content-Type": "text/turtle"})
        urllib.request.urlopen(req, timeout=30).close()
        local = tmp_path / "federated.rq"
        local.write_text(text.replace("https://query.wikidata.org/sparql", url + "/query"), encoding="utf-8")
        joined = query(store, str(local), "--param", f"wikidata={qid}")
    assert [(r["entity"], r["wikidataLabel"], r["countryLabel"], r["inception"]) for r in joined] == \
        [(linked[0]["entity"], "Stand-in item", "United States", "1993-04-05")]
    assert re.fullmatch(r"Q\d+", qid)


@pytest.mark.parametrize("name, args", [
    ("chips-above-threshold", ["--param", "min=1", "--param", "unit=TB-PER-SEC"]),
    ("export-control-timeline", []),
    ("chips-by-developer", ["--param", "developer=英伟达"]),
])
def test_queries_that_grow_with_the_corpus_come_a_page_at_a_time(store, name, args):
    """Pages of one row (or one chip) put end to end are the whole answer, and the same every time."""
    everything = query(store, name, *args, "--param", "limit=1000")
    assert everything and everything == query(store, name, *args, "--param", "limit=1000")
    pages, offset = [], 0
    while True:
        page = query(store, name, *args, "--param", "limit=1", "--param", f"offset={offset}")
        if not page:
            break
        pages.append(page)
        offset += 1
    key = "chip" if name == "chips-by-developer" else None
    if key:   # a page is one chip, with all its rows
        assert all(len({r[key] for r in p}) == 1 for p in pages)
        assert sorted(r for p in pages for r in map(tuple, (x.values() for x in p))) == \
            sorted(tuple(r.values()) for r in everything)
    else:
        assert all(len(p) == 1 for p in pages)
        assert sorted(tuple(p[0].values()) for p in pages) == sorted(tuple(r.values()) for r in everything)


@pytest.mark.parametrize("spelling", ["英偉達", "英伟达", "nvidia", "Nvidia", "nViDiA"])
def test_an_entity_is_found_by_any_spelling_of_its_names_in_any_case(store, spelling):
    """Labels spelled as given (or lower, upper, title case) are looked up; others are compared without case."""
    found = query(store, "articles-mentioning", "--param", f"entity={spelling}")
    assert [r["entity"] for r in found] == [ID + "nvidia"]
