"""Evidence as offsets: how the store names a fact's evidence, and how the rest follows from it.

A sentence that holds evidence is stored once per article graph, as a node named by the
span of the article text it covers, with its text:

    id:sentence/<article digest>/120-168  kgo:sentence  "寒武紀發布思元 590 芯片。" .

An evidence node is named by its sentence, its own span, its confidence and the rule that
produced it; it links to its sentence (nif:sentence, so queries join on sentences without
reading names); every fact resting on that span by that rule links to it:

    id:chip/思元590  kgo:evidence  <id:sentence/<article digest>/120-168#124-130-0.75-brand-model> .
    <…#124-130-0.75-brand-model>  nif:sentence  <id:sentence/<article digest>/120-168> .

Two triples per piece of evidence (plus one per sentence) instead of six, and nothing is
lost: the start and end offsets, the confidence and the rule are read back from the name, the quoted
text (oa:exact) is the sentence's text at those offsets. When a span does not lie inside
the stripped sentence (it never does in practice), the quoted text is stored too
(oa:exact), so it is never guessed. `kg export` writes every evidence node out whole
(`closure`); `kg explain` and the viewer read it with `read_evidence`; in SPARQL, the
sentence of ?ev is `?ev nif:sentence/kgo:sentence ?text`, its start offset
`xsd:integer(STRBEFORE(STRAFTER(STR(?ev), "#"), "-"))`, its confidence the third field (see
ontology/queries/facts-with-evidence.rq).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable
from urllib.parse import unquote

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, XSD

from kg.rdf.iris import _segment, digest
from kg.rdf.namespaces import ID, IRIS, KGO, NIF, OA
from kg.rdf.ntriples import plain

__all__ = ["EvidenceSpan", "evidence_triples", "evidence_lines", "parse_evidence_iri", "closure", "read_evidence", "is_sentence"]

_SENTENCE = str(ID) + "sentence/"


@dataclass(frozen=True)
class EvidenceSpan:
    """Everything an evidence node says, as an export writes it."""

    iri: str
    sentence: str
    start: int
    end: int
    exact: str
    rule: str
    confidence: str


def sentence_iri(article_key: str, start: int, end: int) -> URIRef:
    return URIRef(f"{_article_digest(article_key)}/{start}-{end}")


@lru_cache(maxsize=64)
def _article_digest(article_key: str) -> str:
    return f"{_SENTENCE}{digest(article_key)}"


def is_sentence(iri: str) -> bool:
    return iri.startswith(_SENTENCE) and "#" not in iri


def _evidence_node(article_key: str, text: str, start: int, end: int, sentence_start: int, sentence_end: int,
                   rule: str, confidence: float) -> tuple[str, str, str, bool]:
    """(sentence IRI, evidence node IRI, sentence text, whether the span lies inside the sentence)."""
    raw = text[sentence_start:sentence_end]
    sentence = raw.strip()
    s0 = sentence_start + len(raw) - len(raw.lstrip())
    sn = f"{_article_digest(article_key)}/{s0}-{s0 + len(sentence)}"
    node = f"{sn}#{start}-{end}-{confidence:.2f}-{_segment(rule)}"
    return sn, node, sentence, s0 <= start <= end <= s0 + len(sentence)


def evidence_triples(article_key: str, text: str, target: URIRef, start: int, end: int, sentence_start: int,
                     sentence_end: int, rule: str, confidence: float) -> list[tuple]:
    """The stored triples of one piece of evidence for target (see the module docstring)."""
    sn, node, sentence, inside = _evidence_node(article_key, text, start, end, sentence_start, sentence_end, rule,
                                                confidence)
    sn, node = URIRef(sn), URIRef(node)
    out = [(target, KGO.evidence, node), (sn, KGO.sentence, Literal(sentence)), (node, NIF.sentence, sn)]
    if not inside:
        out.append((node, OA.exact, Literal(text[start:end])))
    return out


_P_EVIDENCE, _P_SENTENCE, _P_NIF_SENTENCE, _P_EXACT = (f"<{IRIS['KGO']}evidence>", f"<{IRIS['KGO']}sentence>",
                                                       f"<{IRIS['NIF']}sentence>", f"<{IRIS['OA']}exact>")


def evidence_lines(article_key: str, text: str, target: str, start: int, end: int, sentence_start: int,
                   sentence_end: int, rule: str, confidence: float, sentences: dict[str, str]) -> list[str]:
    """`evidence_triples` as N-Triples lines, target written already (`<…>`); sentences keeps each
    sentence's line, written once per article however many facts rest on it."""
    sn, node, sentence, inside = _evidence_node(article_key, text, start, end, sentence_start, sentence_end, rule,
                                                confidence)
    line = sentences.get(sn)
    if line is None:
        line = sentences[sn] = f"<{sn}> {_P_SENTENCE} {plain(sentence)} ."
    out = [f"{target} {_P_EVIDENCE} <{node}> .", line, f"<{node}> {_P_NIF_SENTENCE} <{sn}> ."]
    if not inside:
        out.append(f"<{node}> {_P_EXACT} {plain(text[start:end])} .")
    return out


def parse_evidence_iri(iri: str) -> tuple[str, int, int, int, str, str]:
    """(sentence IRI, sentence start, start, end, rule, confidence) of an evidence node's IRI."""
    sn, _, span = iri.partition("#")
    start, end, confidence, rule = span.split("-", 3)
    s0 = int(sn.rsplit("/", 1)[1].split("-", 1)[0])
    return sn, s0, int(start), int(end), unquote(rule), confidence


def _span(iri: str, sentences: dict[str, str], exacts: dict[str, str]) -> EvidenceSpan:
    sn, s0, start, end, rule, confidence = parse_evidence_iri(iri)
    sentence = sentences.get(sn, "")
    exact = exacts.get(iri)
    if exact is None:
        exact = sentence[start - s0:end - s0]
    return EvidenceSpan(iri, sentence, start, end, exact, rule, confidence)


def closure(triples: Iterable[tuple], article: URIRef) -> tuple[list[tuple], list[tuple]]:
    """One article graph's stored triples → (triples kept, triples added) as an export writes them.

    Sentence nodes and the links to them are bookkeeping and stay out; every evidence node gets its classes
    (kgo:Evidence, oa:Annotation, prov:Entity), its source (oa:hasSource and
    prov:wasDerivedFrom the article), kgo:start, kgo:end, oa:exact, kgo:sentence and kgo:rule.
    """
    kept, sentences, exacts, nodes = [], {}, {}, []
    for t in triples:
        s, p, o = t
        if p == KGO.sentence and is_sentence(str(s)):
            sentences[str(s)] = str(o)
            continue
        if p == NIF.sentence:
            continue
        if p == KGO.evidence:
            nodes.append(str(o))
        elif p == OA.exact:
            exacts[str(s)] = str(o)
        kept.append(t)
    added: list[tuple] = []
    for iri in dict.fromkeys(nodes):
        ev = _span(iri, sentences, exacts)
        node = URIRef(iri)
        added += [(node, RDF.type, KGO.Evidence), (node, RDF.type, OA.Annotation), (node, RDF.type, PROV.Entity),
                  (node, OA.hasSource, article), (node, PROV.wasDerivedFrom, article),
                  (node, KGO.start, Literal(ev.start)), (node, KGO.end, Literal(ev.end)),
                  (node, KGO.sentence, _string(ev.sentence)), (node, KGO.rule, _string(ev.rule)),
                  (node, KGO.confidence, Literal(ev.confidence, datatype=XSD.decimal))]
        if iri not in exacts:
            added.append((node, OA.exact, _string(ev.exact)))
    return kept, added


def _string(text: str) -> Literal:
    """A plain string as a store gives one back (xsd:string), so exports read the same either way."""
    return Literal(text, datatype=XSD.string)


def read_evidence(store, iris: Iterable[str], chunk: int = 400) -> dict[str, EvidenceSpan]:
    """The evidence nodes named by iris, read from store (any graph), by IRI."""
    iris = sorted(set(iris))
    out: dict[str, EvidenceSpan] = {}
    for i in range(0, len(iris), chunk):
        part = iris[i:i + chunk]
        sns = sorted({parse_evidence_iri(x)[0] for x in part})
        values = " ".join(f"<{x}>" for x in part)
        sentences = {r["s"].value: r["t"].value for r in store.query(
            f"SELECT ?s ?t WHERE {{ VALUES ?s {{ {' '.join(f'<{x}>' for x in sns)} }} "
            f"GRAPH ?g {{ ?s <{KGO.sentence}> ?t }} }}")}
        exacts = {r["e"].value: r["o"].value for r in store.query(
            f"SELECT ?e ?o WHERE {{ VALUES ?e {{ {values} }} GRAPH ?g {{ ?e <{OA.exact}> ?o }} }}")}
        for x in part:
            out[x] = _span(x, sentences, exacts)
    return out
