"""Converting Oxigraph terms to rdflib terms, at the store's edge."""
from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef


def to_rdflib(term):
    """rdflib term for a pyoxigraph term; None for the default graph."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    if term is None or isinstance(term, ox.DefaultGraph):
        return None
    raise TypeError(f"unsupported term {term!r}")


def quad_to_rdflib(q) -> tuple:
    return to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object), to_rdflib(q.graph_name)
