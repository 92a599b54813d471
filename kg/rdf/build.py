"""Triples for one article's named graph, for the entities graph, and for the reference graph.

An article's graph holds what the article says: the article node (schema:NewsArticle),
which entities it mentions (schema:mentions, plus one kgo:mentionRecord per entity: the
class and names this article gives it), relations between them, statement nodes (n-ary
facts with dates and amounts), and one evidence node per mention and fact.

What an entity IS (type, labels, Wikidata link) is written once for the whole store, not
once per article: known entities in the reference graph, the rest (and names an article
uses that the reference data lacks) in the entities graph, which ingest derives from the
mention records (`entity_description`). Joins over the union of the graphs then meet
each label once, however many articles mention the entity.

Evidence is stored as offsets (kg.rdf.evidence: the link, the sentence and the confidence,
the span and rule in the evidence node's name, each sentence's text once); its offsets, quoted text,
sentence, rule, source article and classes (kgo:Evidence, oa:Annotation, prov:Entity)
are written back at export time (`provenance_closure`), so an export carries every
provenance triple of the full Web Annotation/PROV shape. Confidence lives on evidence,
never on a fact, so numbers reachable from an entity are the text's.
"""
from __future__ import annotations

import json
from typing import Iterable

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.extraction.model import ArticleFacts, Evidence, Statement
from kg.rdf.evidence import closure, evidence_triples
from kg.rdf.iris import article_graph_iri, article_iri, entity_iri, statement_iri
from kg.rdf.namespaces import KGO, OA, SCHEMA, UNIT, WD
from kg.reference import KnownEntity, ReferenceData
from kg.text import script_of

Triple = tuple[URIRef | BNode, URIRef, URIRef | Literal]
__all__ = ["article_graph_iri", "article_triples", "reference_triples", "date_literal", "entity_triples",
           "entity_description", "mention_record", "read_mention_record", "provenance_closure"]


def date_literal(iso: str) -> Literal:
    datatype = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}[len(iso)]
    return Literal(iso, datatype=datatype)


def _lang_literal(text: str, language: str | None = None) -> Literal:
    return Literal(text, lang=language or script_of(text))


def article_triples(facts: ArticleFacts, reference: ReferenceData) -> list[Triple]:
    """Every triple of one article's named graph, each once, in the order built (deterministic)."""
    art = facts.article
    a = article_iri(art.key)
    lang = art.language or script_of(art.text[:2000])
    out: list[Triple] = [
        (a, RDF.type, SCHEMA.NewsArticle),
        (a, KGO.sourcePath, Literal(art.key)),
        (a, KGO.contentHash, Literal(art.sha256)),
        (a, SCHEMA.inLanguage, Literal(lang)),
        (a, RDFS.label, Literal(art.title or art.stem, lang=lang if art.title else None)),
    ]
    if art.title:
        out.append((a, SCHEMA.headline, _lang_literal(art.title, lang)))
    if art.url:
        out.append((a, SCHEMA.url, URIRef(art.url) if "://" in art.url else Literal(art.url)))
    if art.publisher:
        out.append((a, SCHEMA.publisher, Literal(art.publisher)))
    if art.published:
        out.append((a, SCHEMA.datePublished, date_literal(art.published)))
    for author in art.authors:
        out.append((a, SCHEMA.author, Literal(author)))
    if art.encoding != "utf-8":
        out.append((a, KGO.sourceEncoding, Literal(art.encoding)))
    if art.extra:
        out.append((a, KGO.metadata, Literal(json.dumps(art.extra, ensure_ascii=False, sort_keys=True))))
    if facts.reference_year:
        out.append((a, KGO.referenceYear, Literal(str(facts.reference_year), datatype=XSD.gYear)))
        out.append((a, KGO.referenceYearInferred, Literal(facts.reference_inferred)))

    for key in sorted(facts.entities):
        ent = facts.entities[key]
        e = entity_iri(key)
        out.append((a, SCHEMA.mentions, e))
        out.append((e, KGO.mentionRecord, mention_record(ent.cls, ent.names)))
        for m in ent.mentions:
            out.extend(_evidence(art.key, facts, m, e, a, "mention"))

    for r in facts.relations:
        s, o = entity_iri(r.subject), entity_iri(r.object)
        out.append((s, KGO[r.property], o))
        stmt = statement_iri(art.key, "relation", r.subject, r.property, r.object)
        # the evidence of a bare triple hangs off an rdf:Statement-like reifier node
        out.append((stmt, RDF.type, RDF.Statement))
        out.append((stmt, RDF.subject, s))
        out.append((stmt, RDF.predicate, KGO[r.property]))
        out.append((stmt, RDF.object, o))
        out.extend(_evidence(art.key, facts, r.evidence, stmt, a, "relation"))

    for st in facts.statements:
        out.extend(_statement(art.key, facts, st, a))
    return list(dict.fromkeys(out))  # unique, in a stable order; exports sort for themselves


STATEMENT_CLASS = {"decision": "DecisionAnnouncement", "meeting": "Meeting", "talks": "Talks", "deal": "Deal",
                   "response": "Response", "appeal": "Appeal", "visit": "Visit", "launch": "Launch", "sale": "Sale", "customer": "Sale", "customers": "Sale", "investors": "Investment",
                   "comparison": "Comparison", "deployment": "Deployment", "market": "MarketMove",
                   "listing": "Listing", "report": "Report", "venue": "Participation", "association": "Association",
                   "listing-add": "DecisionAnnouncement", "funding": "Investment", "sponsor": "Association", "Measurement": "Measurement", "Statement": "Statement"}


def _statement(article_key: str, facts: ArticleFacts, st: Statement, a: URIRef) -> list[Triple]:
    node = statement_iri(article_key, st.kind, st.roles, st.date, st.amount, st.evidence.start, st.evidence.end)
    out: list[Triple] = [(node, RDF.type, KGO[STATEMENT_CLASS.get(st.kind, "Statement")]), (node, KGO.statedIn, a)]
    for role, key in st.roles:
        out.append((node, KGO[role], entity_iri(key)))
    if st.date:
        out.append((node, KGO.date, date_literal(st.date.iso)))
        if st.date.resolved:
            out.append((node, KGO.dateResolved, Literal(True)))
        if st.date.quarter:
            out.append((node, KGO.quarter, Literal(f"{st.date.iso[:4]}-Q{st.date.quarter}")))
    if st.amount:
        value = st.amount.value
        datatype = XSD.decimal if "." in value else XSD.integer
        out.append((node, KGO.value, Literal(value, datatype=datatype)))
        out.append((node, KGO.unit, UNIT[st.amount.unit]))
        if st.amount.metric:
            out.append((node, KGO.metric, Literal(st.amount.metric)))
    if st.hedged:
        out.append((node, KGO.hedged, Literal(True)))
    if st.trigger:
        out.append((node, KGO.trigger, Literal(st.trigger)))
    out.extend(_evidence(article_key, facts, st.evidence, node, a, "statement"))
    return out


def _evidence(article_key: str, facts: ArticleFacts, ev: Evidence, target: URIRef, a: URIRef, kind: str) -> list[Triple]:
    """Three triples per piece of evidence and one per sentence (kg.rdf.evidence says why nothing is lost)."""
    return evidence_triples(article_key, facts.article.text, target, ev.start, ev.end, ev.sentence_start,
                            ev.sentence_end, ev.rule, ev.confidence)


def provenance_closure(triples: Iterable[Triple], article: URIRef) -> list[Triple]:
    """The provenance triples implied by compact evidence, as an export writes them (kg.rdf.evidence.closure)."""
    return closure(triples, article)[1]


def mention_record(cls: str, names: Iterable[str]) -> Literal:
    """The class and names one article gives an entity, as one literal: ["Chip", "H20", "H200"]."""
    return Literal(json.dumps([cls, *sorted(names)], ensure_ascii=False))


def read_mention_record(text: str) -> tuple[str, list[str]]:
    cls, *names = json.loads(text)
    return cls, names


def entity_triples(key: str, cls: str, names: Iterable[str], reference: ReferenceData) -> list[Triple]:
    """How one article describes an entity: its class, the names it uses and, for a known
    entity, its labels and Wikidata link. An article's export carries these."""
    e = entity_iri(key)
    out: list[Triple] = [(e, RDF.type, KGO[cls])]
    known = reference.get(key)
    names = sorted(names)
    if known is None:
        out.append((e, RDFS.label, _lang_literal(names[0])))
        for n in names[1:]:
            out.append((e, SKOS.altLabel, _lang_literal(n)))
    else:
        out.extend(known_entity_triples(known))
        preferred = {t for _, t in known.labels}
        for n in names:
            if n not in preferred:
                out.append((e, SKOS.altLabel, _lang_literal(n)))
    return out


def entity_description(key: str, records: Iterable[tuple[str, list[str]]], reference: ReferenceData) -> list[Triple]:
    """The entities graph's triples about one entity: what the articles (records) say it is,
    less what the reference graph already says. Sorted, so the graph is the same on every run."""
    out: set[Triple] = set()
    for cls, names in records:
        out.update(entity_triples(key, cls, names, reference))
    known = reference.get(key)
    if known is not None:
        out -= set(known_entity_triples(known, full=True))
    return sorted(out, key=_sort_key)


def reference_triples(reference: ReferenceData) -> list[Triple]:
    """The reference graph: every known entity with its labels, aliases, Wikidata link and facts."""
    out: list[Triple] = []
    for ent in reference:
        out.extend(known_entity_triples(ent, full=True))
    return sorted(set(out), key=_sort_key)


def known_entity_triples(ent: KnownEntity, full: bool = False) -> list[Triple]:
    """Type, labels and Wikidata link of a known entity; with full, also its aliases and sourced facts."""
    e = entity_iri(ent.id)
    out: list[Triple] = [(e, RDF.type, KGO[ent.cls])]
    for language, text in ent.labels:
        out.append((e, RDFS.label, Literal(text, lang=language)))
        out.append((e, SKOS.prefLabel, Literal(text, lang=language)))
    if full:  # the reference graph holds every alias; article graphs the names the article uses
        preferred = {t for _, t in ent.labels}
        for alias in ent.aliases:
            if alias not in preferred:
                out.append((e, SKOS.altLabel, _lang_literal(alias)))
    if ent.wikidata:
        out.append((e, OWL.sameAs, WD[ent.wikidata]))
    if full:
        for prop, target in ent.facts:
            if prop.startswith("^"):
                out.append((entity_iri(target), KGO[prop[1:]], e))
            else:
                out.append((e, KGO[prop], entity_iri(target)))
        if ent.source:
            out.append((e, KGO.source, Literal(ent.source)))
    return out


def _sort_key(t: Triple) -> tuple:
    return tuple(x.n3() for x in t)


def iter_quads(triples: Iterable[Triple], graph: URIRef):
    for s, p, o in triples:
        yield s, p, o, graph
