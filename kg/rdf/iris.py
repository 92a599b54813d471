"""Stable IRIs: the same input gives the same IRI on every run and machine."""
from __future__ import annotations

import hashlib
from functools import lru_cache

from rdflib import URIRef

from kg.rdf.namespaces import GRAPH, ID, IRIS

_ID, _GRAPH = IRIS["ID"], IRIS["GRAPH"]


@lru_cache(maxsize=65536)   # every entity key is segmented once per mention, evidence and role otherwise
def _segment(text: str) -> str:
    """Keep letters of any script readable; percent-encode ASCII that IRIs forbid or confuse."""
    out = []
    for ch in text:
        if not ch.isascii() or ch.isalnum() or ch in "-_.~/":
            out.append(ch)
        else:
            out.append("".join(f"%{b:02X}" for b in ch.encode("utf-8")))
    return "".join(out)


def entity_iri(key: str) -> URIRef:
    return ID[_segment(key)]


def article_iri(article_key: str) -> URIRef:
    return ID["article/" + _segment(article_key)]


def article_graph_iri(article_key: str) -> URIRef:
    return GRAPH["article/" + _segment(article_key)]


# The same IRIs as plain strings, for the N-Triples writers that make no rdflib terms
# (kg.rdf.build.article_lines): `_segment` leaves nothing in them that an IRI may not hold.
def entity_iri_str(key: str) -> str:
    return _ID + _segment(key)


def article_iri_str(article_key: str) -> str:
    return _ID + "article/" + _segment(article_key)


def article_graph_iri_str(article_key: str) -> str:
    return _GRAPH + "article/" + _segment(article_key)


def digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def statement_iri(article_key: str, *parts: object) -> URIRef:
    return URIRef(statement_iri_str(article_key, *parts))


def statement_iri_str(article_key: str, *parts: object) -> str:
    return _ID + "statement/" + digest(article_key, *parts)


def evidence_iri(article_key: str, *parts: object) -> URIRef:
    return ID["evidence/" + digest(article_key, *parts)]
