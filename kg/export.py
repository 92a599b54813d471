"""Exporting the store as RDF: the whole graph, or exactly one article.

One article's export holds its named graph plus the types, labels, aliases and Wikidata
links of the known entities it mentions, and nothing about entities it does not mention.
Output is deterministic: sorted N-Quads lines, and sorted input to rdflib's serializers.
"""
from __future__ import annotations

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.corpus.reader import article_key
from kg.errors import KgError
from kg.rdf.iris import article_graph_iri
from kg.rdf.namespaces import PREFIXES, REFERENCE_GRAPH, SCHEMA
from kg.store import Store

FORMATS = ("nquads", "trig", "turtle", "jsonld")
_DESCRIBE = (RDF.type, RDFS.label, SKOS.prefLabel, SKOS.altLabel, OWL.sameAs)


def export(store: Store, doc: str | None = None, fmt: str = "trig") -> str:
    """The store (or one article, doc = its path as given to ingest) serialised as fmt."""
    if fmt not in FORMATS:
        raise KgError(f"unknown export format '{fmt}'; use one of {', '.join(FORMATS)}")
    quads = _article_quads(store, doc) if doc else _all_quads(store)
    return serialize(quads, fmt)


def _article_quads(store: Store, doc: str) -> list[tuple]:
    graph = article_graph_iri(article_key(doc))
    if str(graph) not in store.graphs():
        raise KgError(f"{doc}: no such article in the store {store.location}; "
                      "give the path as it was given to `kg ingest` (see `kg stats`)")
    quads = [_from_ox(q) for q in store.quads(str(graph))]
    mentioned = sorted({o for s, p, o, g in quads if p == SCHEMA.mentions})
    if mentioned:
        values = " ".join(f"<{m}>" for m in mentioned)
        preds = " ".join(f"<{p}>" for p in _DESCRIBE)
        q = (f"SELECT ?s ?p ?o WHERE {{ GRAPH <{REFERENCE_GRAPH}> {{ VALUES ?s {{ {values} }} VALUES ?p {{ {preds} }} "
             f"?s ?p ?o }} }}")
        for row in store.query(q):
            quads.append(_from_ox_terms(row["s"], row["p"], row["o"], REFERENCE_GRAPH))
    return quads


def _all_quads(store: Store) -> list[tuple]:
    return [_from_ox(q) for q in store.quads()]


def _from_ox(q) -> tuple:
    return _from_ox_terms(q.subject, q.predicate, q.object, q.graph_name)


def _from_ox_terms(s, p, o, g) -> tuple:
    from rdflib import BNode, Literal
    import pyoxigraph as ox

    def conv(t):
        if isinstance(t, ox.NamedNode):
            return URIRef(t.value)
        if isinstance(t, ox.BlankNode):
            return BNode(t.value)
        if isinstance(t, ox.Literal):
            if t.language:
                return Literal(t.value, lang=t.language)
            return Literal(t.value, datatype=URIRef(t.datatype.value))
        if isinstance(t, ox.DefaultGraph) or t is None:
            return None
        return URIRef(str(t))

    return conv(s), conv(p), conv(o), conv(g) if not isinstance(g, URIRef) else g


def serialize(quads: list[tuple], fmt: str) -> str:
    quads = sorted(set(quads), key=lambda q: tuple("" if t is None else t.n3() for t in (q[3], q[0], q[1], q[2])))
    if fmt == "nquads":
        lines = sorted({f"{s.n3()} {p.n3()} {o.n3()} {g.n3()} ." if g is not None else f"{s.n3()} {p.n3()} {o.n3()} ."
                        for s, p, o, g in quads})
        return "\n".join(lines) + ("\n" if lines else "")
    if fmt == "turtle":
        graph = Graph()
        _bind(graph)
        for s, p, o, _ in quads:
            graph.add((s, p, o))
        return graph.serialize(format="turtle")
    ds = Dataset()
    _bind(ds)
    for s, p, o, g in quads:
        ds.add((s, p, o, g if g is not None else ds.default_graph.identifier))
    if fmt == "trig":
        return ds.serialize(format="trig")
    return ds.serialize(format="json-ld", auto_compact=False, sort_keys=True, indent=1, ensure_ascii=False)


def _bind(g) -> None:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
