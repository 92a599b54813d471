"""RDF: plain extraction records → triples, with stable IRIs. rdflib lives here, spaCy never does."""
from kg.rdf.build import article_graph_iri, article_triples, reference_triples
from kg.rdf.namespaces import GRAPH, ID, KGO

__all__ = ["GRAPH", "ID", "KGO", "article_graph_iri", "article_triples", "reference_triples"]
