"""The namespaces kg emits; every kgo: term used here is declared in ontology/kg.ttl.

PREFIXES maps each prefix to its namespace IRI as a plain string, so that reading it (a query
declares the prefixes) does not load rdflib; the rdflib namespaces (KGO, ID, …, RDF, OWL) and the
graph IRIs are made on first use.
"""
from __future__ import annotations

BASE = "https://w3id.org/aichip-kg/"
IRIS = {"KGO": BASE + "ontology#", "ID": BASE + "id/", "UNIT": BASE + "unit/", "GRAPH": BASE + "graph/",
        "SCHEMA": "https://schema.org/", "OA": "http://www.w3.org/ns/oa#",
        "WD": "http://www.wikidata.org/entity/", "WDT": "http://www.wikidata.org/prop/direct/",
        "NIF": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
        # rdflib's own (its DefinedNamespaces, which __getattr__ hands out)
        "OWL": "http://www.w3.org/2002/07/owl#", "PROV": "http://www.w3.org/ns/prov#",
        "RDF": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "RDFS": "http://www.w3.org/2000/01/rdf-schema#",
        "SKOS": "http://www.w3.org/2004/02/skos/core#", "XSD": "http://www.w3.org/2001/XMLSchema#"}
_RDFLIB_OWN = ("OWL", "PROV", "RDF", "RDFS", "SKOS", "XSD")
_GRAPHS = {"ONTOLOGY_GRAPH": "ontology", "REFERENCE_GRAPH": "reference", "ARTICLE_GRAPHS": "article/",
           "ENTITIES_GRAPH": "entities"}

PREFIXES = {p.lower(): IRIS[p] for p in ("KGO", "ID", "UNIT", "SCHEMA", "OA", "PROV", "SKOS", "OWL", "RDFS", "XSD",
                                         "WD", "WDT")}


def __getattr__(name: str):
    if name in _RDFLIB_OWN:
        import rdflib.namespace
        value = getattr(rdflib.namespace, name)
    elif name in IRIS:
        from rdflib import Namespace
        value = Namespace(IRIS[name])
    elif name in _GRAPHS:
        value = __getattr__("GRAPH")[_GRAPHS[name]]
    else:
        raise AttributeError(f"module 'kg.rdf.namespaces' has no attribute {name!r}")
    globals()[name] = value   # made once
    return value
