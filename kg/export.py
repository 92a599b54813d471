"""Exporting the store as RDF: the whole graph, or exactly one article.

One article's export is its named graph: its facts, and the types, labels, aliases and
Wikidata links of the entities it mentions; nothing about entities it does not mention.
The store describes each entity once (reference and entities graphs), so these
descriptions are written here, at export time, from the article's mention records, as
are the provenance triples the store leaves implicit (`kg.rdf.evidence.closure`).
The whole export is every article graph written so (the ontology, reference and entities
graphs stay out). Output is deterministic: sorted N-Quads lines, and sorted input to
rdflib's serializers.
"""
from __future__ import annotations

from rdflib import Dataset, Graph, URIRef

from kg.corpus.reader import article_key
from kg.errors import KgError
from kg.rdf.build import entity_triples, read_mention_record
from kg.rdf.evidence import closure
from kg.rdf.iris import article_graph_iri
from kg.rdf.namespaces import ARTICLE_GRAPHS, KGO, PREFIXES
from kg.rdf.ntriples import nt
from kg.store import Store
from kg.store.terms import quad_to_rdflib

FORMATS = ("nquads", "trig", "turtle", "jsonld", "graphml", "gexf")


def export(store: Store, doc: str | None = None, fmt: str = "trig") -> str:
    """The store (or one article, doc = its path as given to ingest) serialised as fmt."""
    if fmt not in FORMATS:
        raise KgError(f"unknown export format '{fmt}'; use one of {', '.join(FORMATS)}")
    if fmt in ("graphml", "gexf"):  # property graphs for Gephi and Cytoscape, built by the viewer
        if doc:
            raise KgError(f"--doc cannot be combined with --format {fmt}; graph formats export the whole store")
        from kg.view.networkx_export import export_networkx
        return export_networkx(store, fmt)
    quads = _article_quads(store, doc) if doc else all_quads(store)
    return serialize(quads, fmt)


def _article_quads(store: Store, doc: str) -> list[tuple]:
    graph = article_graph_iri(article_key(doc))
    if str(graph) not in store.graphs():
        raise KgError(f"{doc}: no such article in the store {store.location}; "
                      "give the path as it was given to `kg ingest` (see `kg stats`)")
    return article_quads(store, str(graph))


def all_quads(store: Store) -> list[tuple]:
    """Every article graph: the facts, and only the entities some article mentions."""
    prefix = str(ARTICLE_GRAPHS)
    return [q for g in store.graphs() if g.startswith(prefix) for q in article_quads(store, g)]


def article_quads(store: Store, graph: str, reference=None) -> list[tuple]:
    """One article graph as an export writes it: its triples less the mention records, plus
    the descriptions of the entities it mentions and the implied provenance triples."""
    from kg.reference import load_reference
    reference = reference if reference is not None else load_reference()
    triples = []
    described = []
    article = None
    for s, p, o, _ in map(quad_to_rdflib, store.quads(graph)):
        if p == KGO.mentionRecord:
            cls, names = read_mention_record(str(o))
            described.extend(entity_triples(_key_of(s), cls, names, reference))
            continue
        if p == KGO.sourcePath:
            article = s
        triples.append((s, p, o))
    triples.extend((s, p, _as_stored(o)) for s, p, o in described)
    if article is not None:
        triples, added = closure(triples, article)
        triples.extend(added)
    g = URIRef(graph)
    return [(s, p, o, g) for s, p, o in triples]


def _as_stored(term):
    """A literal as a store gives it back (language tags in lower case), so an export written
    here is the same as one read from a graph that held the triple."""
    from rdflib import Literal
    if isinstance(term, Literal) and term.language and term.language != term.language.lower():
        return Literal(str(term), lang=term.language.lower())
    return term


def _key_of(iri) -> str:
    from urllib.parse import unquote

    from kg.rdf.namespaces import ID
    return unquote(str(iri)[len(str(ID)):])


def serialize(quads: list[tuple], fmt: str) -> str:
    quads = sorted(set(quads), key=lambda q: tuple("" if t is None else t.n3() for t in (q[3], q[0], q[1], q[2])))
    if fmt == "nquads":
        lines = sorted({f"{nt(s)} {nt(p)} {nt(o)} {nt(g)} ." if g is not None else f"{nt(s)} {nt(p)} {nt(o)} ."
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
