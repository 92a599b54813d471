"""Triples for one article's named graph, for the entities graph, and for the reference graph.

The article graph and the entities graph are written straight to N-Triples lines
(`article_lines`, `EntityDescriber`), which is what the store loads: an ingest writes
700-odd lines an article, and making rdflib terms first cost four times as much.

An article's graph holds what the article says: the article node (schema:NewsArticle),
which entities it mentions (schema:mentions, plus one kgo:mentionRecord per entity: the
class and names this article gives it), relations between them, statement nodes (n-ary
facts with dates and amounts), and one evidence node per mention and fact.

What an entity IS (type, labels, Wikidata link) is written once for the whole store, not
once per article: known entities in the reference graph, the rest (and names an article
uses that the reference data lacks) in the entities graph, which ingest derives from the
mention records (`EntityDescriber`). Joins over the union of the graphs then meet
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
from functools import lru_cache
from typing import Iterable

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from kg.extraction.model import ArticleFacts, Statement
from kg.rdf.evidence import closure, evidence_lines
from kg.rdf.iris import article_graph_iri, article_iri, article_iri_str, entity_iri, entity_iri_str, statement_iri_str
from kg.rdf.namespaces import IRIS, KGO, SCHEMA, WD
from kg.rdf.ntriples import iri, nt, plain, typed
from kg.reference import KnownEntity, ReferenceData
from kg.text import script_of

Triple = tuple[URIRef | BNode, URIRef, URIRef | Literal]
__all__ = ["article_graph_iri", "article_lines", "reference_triples", "date_literal", "entity_triples",
           "EntityDescriber", "mention_record", "read_mention_record", "provenance_closure"]


def date_literal(iso: str) -> Literal:
    datatype = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}[len(iso)]
    return Literal(iso, datatype=datatype)


def _lang_literal(text: str, language: str | None = None) -> Literal:
    return Literal(text, lang=language or script_of(text))


def _header(facts: ArticleFacts) -> list[Triple]:
    """The article node's triples: what the file and its front matter say."""
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
    return out


_KGO, _RDF, _XSD = IRIS["KGO"], IRIS["RDF"], IRIS["XSD"]
_MENTIONS, _RECORD = f"<{IRIS['SCHEMA']}mentions>", f"<{_KGO}mentionRecord>"
_TYPE, _SUBJECT, _PREDICATE, _OBJECT = (f"<{_RDF}{x}>" for x in ("type", "subject", "predicate", "object"))
_RDF_STATEMENT, _STATED_IN = f"<{_RDF}Statement>", f"<{_KGO}statedIn>"
_DATE, _DATE_RESOLVED, _QUARTER = f"<{_KGO}date>", f"<{_KGO}dateResolved>", f"<{_KGO}quarter>"
_VALUE, _UNIT, _METRIC, _HEDGED, _TRIGGER = (f"<{_KGO}{x}>" for x in ("value", "unit", "metric", "hedged", "trigger"))
_TRUE = f'"true"^^<{_XSD}boolean>'


@lru_cache(maxsize=1024)
def _kgo(name: str) -> str:
    """kgo:name written, as nt(KGO[name]) writes it (names come from rules and lexicons)."""
    return iri(_KGO + name)


@lru_cache(maxsize=1024)
def _unit(name: str) -> str:
    return iri(IRIS["UNIT"] + name)


def article_lines(facts: ArticleFacts, reference: ReferenceData) -> tuple[list[str], dict[str, str]]:
    """Every triple of one article's named graph as an N-Triples line, each once, in the order
    built (deterministic; exports sort for themselves), and its mention records (entity IRI →
    record, the literal's text).

    The lines are written from plain strings (kg.rdf.ntriples), the article node's few
    triples through rdflib: the same text `nt` gives each triple's terms."""
    art = facts.article
    key, text = art.key, art.text
    a = iri(article_iri_str(key))
    out = [f"{nt(s)} {nt(p)} {nt(o)} ." for s, p, o in _header(facts)]
    records: dict[str, str] = {}
    sentences: dict[str, str] = {}

    for k in sorted(facts.entities):
        ent = facts.entities[k]
        e_str = entity_iri_str(k)
        e = f"<{e_str}>"
        record = records[e_str] = mention_record_text(ent.cls, ent.names)
        out.append(f"{a} {_MENTIONS} {e} .")
        out.append(f"{e} {_RECORD} {plain(record)} .")
        for m in ent.mentions:
            out.extend(evidence_lines(key, text, e, m.start, m.end, m.sentence_start, m.sentence_end, m.rule,
                                      m.confidence, sentences))

    for r in facts.relations:
        s, o, p = f"<{entity_iri_str(r.subject)}>", f"<{entity_iri_str(r.object)}>", _kgo(r.property)
        out.append(f"{s} {p} {o} .")
        stmt = f"<{statement_iri_str(key, 'relation', r.subject, r.property, r.object)}>"
        # the evidence of a bare triple hangs off an rdf:Statement-like reifier node
        out.append(f"{stmt} {_TYPE} {_RDF_STATEMENT} .")
        out.append(f"{stmt} {_SUBJECT} {s} .")
        out.append(f"{stmt} {_PREDICATE} {p} .")
        out.append(f"{stmt} {_OBJECT} {o} .")
        ev = r.evidence
        out.extend(evidence_lines(key, text, stmt, ev.start, ev.end, ev.sentence_start, ev.sentence_end, ev.rule,
                                  ev.confidence, sentences))

    for st in facts.statements:
        _statement_lines(key, text, st, a, out, sentences)
    return list(dict.fromkeys(out)), records


STATEMENT_CLASS = {"decision": "DecisionAnnouncement", "meeting": "Meeting", "talks": "Talks", "deal": "Deal",
                   "response": "Response", "appeal": "Appeal", "visit": "Visit", "launch": "Launch", "sale": "Sale", "customer": "Sale", "customers": "Sale", "investors": "Investment",
                   "comparison": "Comparison", "deployment": "Deployment", "market": "MarketMove",
                   "listing": "Listing", "report": "Report", "venue": "Participation", "association": "Association",
                   "listing-add": "DecisionAnnouncement", "funding": "Investment", "sponsor": "Association", "Measurement": "Measurement", "Statement": "Statement"}


def _statement_lines(article_key: str, text: str, st: Statement, a: str, out: list[str],
                     sentences: dict[str, str]) -> None:
    # (named by what it states, not where: a fact an article states twice is one node with two pieces of evidence)
    node = f"<{statement_iri_str(article_key, st.kind, st.roles, st.date, st.amount, st.hedged, st.trigger)}>"
    out.append(f"{node} {_TYPE} {_kgo(STATEMENT_CLASS.get(st.kind, 'Statement'))} .")
    out.append(f"{node} {_STATED_IN} {a} .")
    for role, key in st.roles:
        out.append(f"{node} {_kgo(role)} <{entity_iri_str(key)}> .")
    if st.date:
        out.append(f"{node} {_DATE} {_date(st.date.iso)} .")
        if st.date.resolved:
            out.append(f"{node} {_DATE_RESOLVED} {_TRUE} .")
        if st.date.quarter:
            out.append(f"{node} {_QUARTER} {plain(f'{st.date.iso[:4]}-Q{st.date.quarter}')} .")
    if st.amount:
        value = st.amount.value
        out.append(f"{node} {_VALUE} {typed(value, _XSD + ('decimal' if '.' in value else 'integer'))} .")
        out.append(f"{node} {_UNIT} {_unit(st.amount.unit)} .")
        if st.amount.metric:
            out.append(f"{node} {_METRIC} {plain(st.amount.metric)} .")
    if st.hedged:
        out.append(f"{node} {_HEDGED} {_TRUE} .")
    if st.trigger:
        out.append(f"{node} {_TRIGGER} {plain(st.trigger)} .")
    ev = st.evidence
    out.extend(evidence_lines(article_key, text, node, ev.start, ev.end, ev.sentence_start, ev.sentence_end, ev.rule,
                              ev.confidence, sentences))


@lru_cache(maxsize=4096)
def _date(iso: str) -> str:
    return nt(date_literal(iso))


def provenance_closure(triples: Iterable[Triple], article: URIRef) -> list[Triple]:
    """The provenance triples implied by compact evidence, as an export writes them (kg.rdf.evidence.closure)."""
    return closure(triples, article)[1]


def mention_record(cls: str, names: Iterable[str]) -> Literal:
    """The class and names one article gives an entity, as one literal: ["Chip", "H20", "H200"]."""
    return Literal(mention_record_text(cls, names))


def mention_record_text(cls: str, names: Iterable[str]) -> str:
    return json.dumps([cls, *sorted(names)], ensure_ascii=False)


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


class EntityDescriber:
    """The entities graph's triples about an entity, as N-Triples lines: what the articles'
    mention records say it is (`entity_triples` of each), less what the reference graph
    already says. The lines of what a known entity's description always holds, and of each
    name, are written once per process, not once per record (the writer describes a few
    thousand entities from tens of thousands of records a batch)."""

    _LABEL, _ALT = nt(RDFS.label), nt(SKOS.altLabel)

    def __init__(self, reference: ReferenceData) -> None:
        self.reference = reference
        self._known: dict[str, tuple[frozenset[str], frozenset[str], frozenset[str]]] = {}
        self._names: dict[str, str] = {}

    def lines(self, key: str, records: Iterable[tuple[str, list[str]]]) -> list[str]:
        """The description of the entity key from these records, sorted (the same on every run)."""
        e = f"<{entity_iri_str(key)}>"
        known = self.reference.get(key)
        if known is not None:
            held, full, preferred = self._known_lines(known)
        out: set[str] = set()
        for cls, names in records:
            out.add(f"{e} {_TYPE} {_kgo(cls)} .")
            names = sorted(names)
            if known is None:
                out.add(f"{e} {self._LABEL} {self._name(names[0])} .")
                out.update(f"{e} {self._ALT} {self._name(n)} ." for n in names[1:])
            else:
                out |= held
                out.update(f"{e} {self._ALT} {self._name(n)} ." for n in names if n not in preferred)
        if known is not None:
            out -= full
        return sorted(out)

    def _known_lines(self, known: KnownEntity) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        """(lines every record's description of it holds, the reference graph's lines about it, its preferred labels)."""
        if known.id not in self._known:
            def lines(triples):
                return frozenset(f"{nt(s)} {nt(p)} {nt(o)} ." for s, p, o in triples)
            self._known[known.id] = (lines(known_entity_triples(known)), lines(known_entity_triples(known, full=True)),
                                     frozenset(t for _, t in known.labels))
        return self._known[known.id]

    def _name(self, name: str) -> str:
        line = self._names.get(name)
        if line is None:
            if len(self._names) >= 65536:   # bounded: memory stays flat in corpus size
                self._names.clear()
            line = self._names[name] = nt(_lang_literal(name))
        return line


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
