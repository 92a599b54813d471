"""The store round trip: ingest, export in every format, re-ingest, edit, remove."""
from __future__ import annotations

import shutil

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from conftest import CORPUS_ARTICLE, ROOT, run_kg

FORMATS = {"nquads": "nquads", "trig": "trig", "jsonld": "json-ld", "turtle": "turtle"}


def triples_of(text: str, fmt: str) -> Graph:
    if fmt == "turtle":
        return Graph().parse(data=text, format="turtle")
    ds = Dataset()
    ds.parse(data=text, format=FORMATS[fmt])
    g = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_export_format_carries_the_same_graph(corpus_store, fmt):
    reference = triples_of(run_kg("export", "--doc", CORPUS_ARTICLE, "--format", "nquads",
                                  store=corpus_store).stdout, "nquads")
    text = run_kg("export", "--doc", CORPUS_ARTICLE, "--format", fmt, store=corpus_store).stdout
    assert isomorphic(triples_of(text, fmt), reference)
    assert len(reference) > 1000


def test_article_export_holds_one_article_and_only_its_entities(corpus_store):
    text = run_kg("export", "--doc", CORPUS_ARTICLE, "--format", "nquads", store=corpus_store).stdout
    g = triples_of(text, "nquads")
    articles = set(g.subjects(predicate=None, object=None)) & {
        s for s, p, o in g if str(p) == "https://w3id.org/aichip-kg/ontology#sourcePath"}
    assert len(articles) == 1
    # reference entities the article never names (Lisa Su, Samsung) are not described
    labels = {str(o) for s, p, o in g if str(p).endswith(("#label", "#altLabel", "#prefLabel"))}
    assert "輝達" in labels and "英偉達" in labels and "蘇姿豐" not in labels and "三星電子" not in labels


def test_two_runs_give_identical_bytes(tmp_path):
    outs = []
    for i in range(2):
        store = tmp_path / f"s{i}"
        run_kg("ingest", "corpus/", store=store)
        outs.append(run_kg("export", "--format", "nquads", store=store).stdout)
    assert outs[0] == outs[1]


def test_reingest_skips_unchanged_replaces_changed_drops_removed(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.md").write_text("英偉達發布H200芯片。\n", encoding="utf-8")
    (corpus / "b.md").write_text("華為發布昇騰910C芯片。星瀾微電子公司發布了XQ-7100芯片。\n", encoding="utf-8")
    store = tmp_path / "s"
    first = run_kg("ingest", str(corpus), store=store).stderr
    assert "2 added" in first
    assert "2 unchanged" in run_kg("ingest", str(corpus), store=store).stderr
    (corpus / "a.md").write_text("英偉達發布H20芯片。\n", encoding="utf-8")
    assert "1 changed, 1 unchanged" in run_kg("ingest", str(corpus), store=store).stderr
    labels = run_kg("query", "SELECT ?l WHERE { GRAPH ?g { ?c a kgo:Chip ; skos:altLabel|rdfs:label ?l } }",
                    "--format", "csv", store=store).stdout
    before = run_kg("query", "SELECT DISTINCT ?e WHERE { GRAPH <https://w3id.org/aichip-kg/graph/entities> "
                    "{ ?e ?p ?o } }", "--format", "csv", store=store).stdout
    (corpus / "b.md").unlink()
    assert "1 removed" in run_kg("ingest", str(corpus), store=store).stderr
    left = run_kg("query", "SELECT ?p WHERE { ?a kgo:sourcePath ?p }", "--format", "csv", store=store).stdout
    assert left.split() == ["p", f"{corpus}/a.md"]
    mentioned = run_kg("query", "SELECT ?e WHERE { GRAPH ?g { ?a schema:mentions ?e } }", "--format", "csv",
                       store=store).stdout
    assert "huawei" not in mentioned and "nvidia" in mentioned
    described = run_kg("query", "SELECT DISTINCT ?e WHERE { GRAPH <https://w3id.org/aichip-kg/graph/entities> "
                       "{ ?e ?p ?o } }", "--format", "csv", store=store).stdout
    assert "chip/xq7100" in before and "chip/xq7100" not in described     # nobody mentions it: gone from the entities graph
    typed = run_kg("query", "SELECT DISTINCT ?e WHERE { ?e a ?t }", "--format", "csv", store=store).stdout
    assert "chip/xq7100" not in typed and "id/nvidia" in typed  # gone from plain query results too
    assert "id/huawei\n" in typed   # reference data stays, as reference data
    assert "huawei" not in run_kg("export", "--format", "nquads", store=store).stdout
    assert labels  # the changed article's chips were queryable


def test_second_writer_fails_clearly_while_one_holds_the_store(tmp_path):
    from kg.store import open_store
    store = tmp_path / "s"
    with open_store(store, write=True):
        proc = run_kg("ingest", str(ROOT / CORPUS_ARTICLE), store=store, check=False,
                      env={"KG_LOCK_TIMEOUT": "0.5"})
    assert proc.returncode == 1 and "in use by another kg process" in proc.stderr


def test_literals_with_line_breaks_stay_valid_nquads(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.md").write_text('---\ntitle: |\n  第一行\n  第二行 "引號" \\ 反斜線\n---\n英偉達發布H200芯片\n華為回應\n',
                                 encoding="utf-8")
    store = tmp_path / "s"
    run_kg("ingest", str(corpus), store=store)
    text = run_kg("export", "--format", "nquads", store=store).stdout
    g = triples_of(text, "nquads")
    assert any("第一行\n第二行" in str(o) for o in g.objects())
    assert "\n" not in "".join(line for line in text.splitlines() if not line.endswith(" ."))


def test_a_changed_article_is_stored_as_a_fresh_ingest_of_its_text_stores_it(tmp_path):
    """A stored graph changes by the lines that differ: the store ends as a fresh ingest of the new
    text leaves it, byte for byte, and the report counts the triples that went and came."""
    import re

    from kg.store import open_store
    corpus = tmp_path / "c"
    corpus.mkdir()
    old = '---\ntitle: 星瀾 "XQ" 報道\n---\n英偉達發布H200芯片。星瀾微電子公司發布了XQ-7100芯片，\\n售價3000美元。\n'
    new = old.replace("H200", "H20").replace("3000", "3500") + "華為表示將擴大昇騰910C芯片的產能。\n"
    (corpus / "a.md").write_text(old, encoding="utf-8")
    (corpus / "b.md").write_text("華為發布昇騰910C芯片。\n", encoding="utf-8")
    store = tmp_path / "s"
    graph = f"https://w3id.org/aichip-kg/graph/article/{corpus}/a.md"

    def stored() -> set[str]:
        with open_store(store) as db:
            return {str(q) for q in db.quads(graph)}
    run_kg("ingest", str(corpus), store=store)
    before = stored()
    (corpus / "a.md").write_text(new, encoding="utf-8")
    out = run_kg("ingest", str(corpus), store=store).stderr
    after = stored()
    run_kg("ingest", str(corpus), store=tmp_path / "s2")   # the same files, into an empty store
    assert run_kg("export", "--format", "nquads", store=store).stdout == \
        run_kg("export", "--format", "nquads", store=tmp_path / "s2").stdout
    added, removed = (int(n) for n in re.search(r"triples \+(\d+) -(\d+)", out).groups())
    assert (added, removed) == (len(after - before), len(before - after)) and added and removed
