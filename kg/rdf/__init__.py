"""RDF: plain extraction records → triples, with stable IRIs. rdflib lives here, spaCy never does.

The names below are imported when first used: `kg.rdf.namespaces` (all a query needs) does not
load the triple builder and the reference data behind it.
"""
from __future__ import annotations

import importlib

_HOME = {"article_graph_iri": "kg.rdf.build", "article_lines": "kg.rdf.build", "reference_triples": "kg.rdf.build",
         "GRAPH": "kg.rdf.namespaces", "ID": "kg.rdf.namespaces", "KGO": "kg.rdf.namespaces"}

__all__ = ["GRAPH", "ID", "KGO", "article_graph_iri", "article_lines", "reference_triples"]


def __getattr__(name: str):
    if name in _HOME:
        return getattr(importlib.import_module(_HOME[name]), name)
    raise AttributeError(f"module 'kg.rdf' has no attribute {name!r}")
