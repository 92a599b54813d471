"""Vocabulary in one place: everything the graph uses from our namespace is declared."""
from __future__ import annotations

from rdflib import Graph
from rdflib.namespace import RDF

from conftest import CORPUS_ARTICLE, ROOT, run_kg

KGO = "https://w3id.org/aichip-kg/ontology#"
UNIT = "https://w3id.org/aichip-kg/unit/"


def test_every_emitted_kgo_term_is_declared(corpus_store):
    onto = Graph()
    for f in (ROOT / "ontology").glob("*.ttl"):
        onto.parse(f)
    declared = {str(s) for s in onto.subjects(RDF.type, None)}
    text = run_kg("export", "--doc", CORPUS_ARTICLE, "--format", "turtle", store=corpus_store).stdout
    data = Graph().parse(data=text, format="turtle")
    used = {str(p) for p in data.predicates() if str(p).startswith(KGO)}
    used |= {str(o) for o in data.objects(None, RDF.type) if str(o).startswith(KGO)}
    used |= {str(o) for o in data.objects() if str(o).startswith(UNIT)}
    assert used and not (used - declared)


def test_entity_classes_align_with_schema_org():
    from rdflib.namespace import RDFS
    onto = Graph().parse(ROOT / "ontology" / "kg.ttl")
    schema = "https://schema.org/"
    for cls in ("Company", "Person", "Chip", "Country", "Policy", "Event"):
        supers = {str(o) for o in onto.transitive_objects(onto.namespace_manager.expand_curie(f"kgo:{cls}"),
                                                            RDFS.subClassOf)}
        assert any(s.startswith(schema) for s in supers), cls


def test_reference_data_is_broad_and_sourced():
    from kg.reference import load_reference
    ref = load_reference(str(ROOT / "ontology" / "reference"))
    assert len(ref) >= 300
    assert all(e.source for e in ref)


def test_every_unit_a_figure_can_have_is_defined_in_the_units_vocabulary():
    import rdflib
    from kg.nlp.amounts import COUNT_UNITS, DURATION_UNITS, SPEC_UNITS
    from kg.rdf.namespaces import IRIS
    g = rdflib.Graph().parse(ROOT / "ontology" / "units.ttl")
    defined = {str(s)[len(IRIS["UNIT"]):] for s in g.subjects() if str(s).startswith(IRIS["UNIT"])}
    used = set(COUNT_UNITS.values()) | set(DURATION_UNITS.values()) | set(SPEC_UNITS.values())
    assert used <= defined, sorted(used - defined)
