"""Checking the store against ontology/shapes.ttl with pyshacl (RDFS reasoning over kg.ttl)."""
from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph

from kg.export import all_quads
from kg.reference import ontology_dir
from kg.store import Store


@dataclass
class ValidationReport:
    conforms: bool
    text: str
    violations: int


def validate(store: Store) -> ValidationReport:
    """Validate every article graph; the report lists each violation with its focus node."""
    import pyshacl

    data = Graph()
    for s, p, o, _ in all_quads(store):
        data.add((s, p, o))
    folder = ontology_dir()
    shapes = Graph().parse(folder / "shapes.ttl", format="turtle")
    onto = Graph()
    for f in sorted(folder.glob("*.ttl")):
        if f.name != "shapes.ttl":
            onto.parse(f, format="turtle")
    conforms, results, text = pyshacl.validate(data, shacl_graph=shapes, ont_graph=onto, inference="rdfs",
                                               allow_warnings=False, abort_on_first=False)
    from rdflib.namespace import SH, RDF
    violations = len(set(results.subjects(RDF.type, SH.ValidationResult)))
    return ValidationReport(bool(conforms), text, violations)
