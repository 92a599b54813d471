"""The store keeps each fact once and its provenance compactly, and loses nothing doing so.

Evidence nodes hold six triples in the store (link, start, exact, sentence, rule,
confidence); an export writes back what follows from them (classes, source, end offset)
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

KGO = "https://w3id.org/aichip-kg/ontology#"
OA = "http://www.w3.org/ns/oa#"
PROV = "http://www.w3.org/ns/prov#"
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


def test_evidence_is_six_triples_in_the_store_and_whole_in_the_export(corpus_store):
    quads = _article_quads(corpus_store)
    evidence = {q.object for q in quads if q.predicate.value == KGO + "evidence"}
    per_node = Counter(q.subject for q in quads if q.subject in evidence)
    assert len(evidence) > 50 and set(per_node.values()) == {5}    # + the link from the fact: six
    g = _export(corpus_store)
    article = next(g.subjects(URIRef(KGO + "sourcePath"), None))
    for ev in (URIRef(e.value) for e in evidence):
        types = set(g.objects(ev, URIRef(RDF_TYPE)))
        assert {URIRef(KGO + "Evidence"), URIRef(OA + "Annotation"), URIRef(PROV + "Entity")} <= types
        assert g.value(ev, URIRef(OA + "hasSource")) == article == g.value(ev, URIRef(PROV + "wasDerivedFrom"))
        start, end = int(g.value(ev, URIRef(KGO + "start"))), int(g.value(ev, URIRef(KGO + "end")))
        assert end - start == len(str(g.value(ev, URIRef(OA + "exact")))) > 0


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


# Issue 11 asked for under 400 triples per article; that was met (392) with the extraction of the
# time. Issue 10's clause frames then added about twice the facts per article (each with its
# evidence), so the budget is 600 until evidence is made smaller still (see the README).
TRIPLES_PER_ARTICLE = 600


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared/eval/dev is not beside the project")
def test_the_dev_set_takes_under_600_triples_per_article(tmp_path):
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
