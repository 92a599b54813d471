"""The store keeps each fact once and its provenance compactly, and loses nothing doing so.

Evidence is stored as offsets: an evidence node is named by its sentence, span, confidence
and rule (<sentence>#start-end-confidence-rule) and links to its sentence, each sentence's
text is stored once, so a piece of evidence costs two triples; an export writes back
everything that follows (classes, source, start, end, quoted text, sentence, rule, confidence)
so an article's export has the full Web Annotation/PROV shape. An entity's type and names
live in the reference or entities graph, never in an article graph.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef

from conftest import CORPUS_ARTICLE, ROOT, run_kg
from kg.corpus import read_article

KGO = "https://w3id.org/aichip-kg/ontology#"
OA = "http://www.w3.org/ns/oa#"
PROV = "http://www.w3.org/ns/prov#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
DEV = ROOT.parent / "shared" / "eval" / "dev" / "corpus"
DESCRIPTIVE = {RDF_TYPE, "http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#prefLabel",
               "http://www.w3.org/2004/02/skos/core#altLabel", "http://www.w3.org/2002/07/owl#sameAs"}


def _article_quads(store: Path) -> list[ox.Quad]:
    db = ox.Store.read_only(str(store / "oxigraph"))
    return [q for q in db.quads_for_pattern(None, None, None, None) if "/graph/article/" in q.graph_name.value]


def _export(store: Path) -> Graph:
    """The corpus article's export, read back as one graph."""
    text = run_kg("export", "--doc", CORPUS_ARTICLE, "--format", "turtle", store=store).stdout
    return Graph().parse(data=text, format="turtle")


def test_evidence_is_two_triples_in_the_store_and_whole_in_the_export(corpus_store):
    quads = _article_quads(corpus_store)
    evidence = {q.object for q in quads if q.predicate.value == KGO + "evidence"}
    per_node = Counter(q.predicate.value for q in quads if q.subject in evidence)
    assert len(evidence) > 50 and per_node[NIF + "sentence"] == len(evidence)
    # the quoted text is stored only for a span reaching outside its stripped sentence (rare)
    assert set(per_node) <= {NIF + "sentence", OA + "exact"} and per_node[OA + "exact"] < len(evidence) / 50
    sentences = {q.subject: q.object.value for q in quads if q.predicate.value == KGO + "sentence"}
    links = {q.subject: q.object for q in quads if q.predicate.value == NIF + "sentence"}
    assert all(links[e].value == e.value.split("#")[0] for e in evidence) and set(links.values()) == set(sentences)
    assert len(sentences) < len(evidence) / 2
    g = _export(corpus_store)
    article = next(g.subjects(URIRef(KGO + "sourcePath"), None))
    text = read_article(CORPUS_ARTICLE).text
    for ev in (URIRef(e.value) for e in evidence):
        types = set(g.objects(ev, URIRef(RDF_TYPE)))
        assert {URIRef(KGO + "Evidence"), URIRef(OA + "Annotation"), URIRef(PROV + "Entity")} <= types
        assert g.value(ev, URIRef(OA + "hasSource")) == article == g.value(ev, URIRef(PROV + "wasDerivedFrom"))
        start, end = int(g.value(ev, URIRef(KGO + "start"))), int(g.value(ev, URIRef(KGO + "end")))
        exact, sentence = str(g.value(ev, URIRef(OA + "exact"))), str(g.value(ev, URIRef(KGO + "sentence")))
        assert text[start:end] == exact and exact.strip() in sentence and sentence in text
        confidence = g.value(ev, URIRef(KGO + "confidence"))
        assert 0 < float(confidence) <= 1
        assert str(ev).endswith(f"#{start}-{end}-{float(confidence):.2f}-{g.value(ev, URIRef(KGO + 'rule'))}")
    assert not [s for s in g.subjects() if "/id/sentence/" in str(s) and "#" not in str(s)]   # bookkeeping stays in the store


def test_article_graphs_do_not_describe_entities_and_exports_do(corpus_store):
    quads = _article_quads(corpus_store)
    mentioned = {q.object for q in quads if q.predicate.value == "https://schema.org/mentions"}
    assert len(mentioned) > 10
    assert not [q for q in quads if q.subject in mentioned and q.predicate.value in DESCRIPTIVE]
    g = _export(corpus_store)
    for e in mentioned:
        assert g.value(URIRef(e.value), URIRef(RDF_TYPE)) is not None, e
        assert g.value(URIRef(e.value), URIRef("http://www.w3.org/2000/01/rdf-schema#label")) is not None, e
    assert not list(g.triples((None, URIRef(KGO + "mentionRecord"), None)))   # bookkeeping stays in the store


# Issue 11 asks for under 400 triples per article on the dev set (evidence as offsets with the
# confidence in the node's name: about 362 with the extraction of stop 10; six-triple evidence
# took it to 540).
TRIPLES_PER_ARTICLE = 400


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared/eval/dev is not beside the project")
def test_the_dev_set_takes_under_400_triples_per_article(tmp_path):
    store = tmp_path / "dev"
    run_kg("ingest", str(DEV), store=store)
    articles = len(list(DEV.glob("*.md")))
    db = ox.Store.read_only(str(store / "oxigraph"))
    entities = len(list(db.quads_for_pattern(None, None, None,
                                              ox.NamedNode("https://w3id.org/aichip-kg/graph/entities"))))
    assert (len(_article_quads(store)) + entities) / articles < TRIPLES_PER_ARTICLE
    # and every fact is still explainable: explain shows a sentence for NVIDIA's facts
    out = run_kg("explain", "英偉達", store=store).stdout
    assert "「" in out


def test_a_fact_stated_twice_is_one_node_and_explain_shows_both_sentences(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text('---\ntitle: "北辰"\npublished: "2026-03-02"\n---\n北辰科技2025年營收達30億元。\n\n'
                                 "分析師指出，北辰科技2025年營收達30億元，創下新高。\n", encoding="utf-8")
    store = tmp_path / "store"
    run_kg("ingest", str(corpus), store=store)
    db = ox.Store.read_only(str(store / "oxigraph"))
    kgo = "https://w3id.org/aichip-kg/ontology#"
    figures = {q.subject for q in db.quads_for_pattern(None, ox.NamedNode(kgo + "value"), None, None)}
    assert len(figures) == 1, figures   # one revenue figure, however often stated
    evidence = list(db.quads_for_pattern(next(iter(figures)), ox.NamedNode(kgo + "evidence"), None, None))
    assert len(evidence) == 2, evidence   # resting on both sentences
    out = run_kg("explain", "北辰科技", store=store).stdout
    revenue = [line for line in out.splitlines() if "revenue" in line]
    assert len(revenue) == 2, out
    assert "「北辰科技2025年營收達30億元。」" in out and "「分析師指出，北辰科技2025年營收達30億元，創下新高。」" in out, out
