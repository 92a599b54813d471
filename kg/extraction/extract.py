"""From a processed `Doc` to `ArticleFacts`: the one place that reads spaCy annotations."""
from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc

from kg.corpus import Article
from kg.extraction.model import (Amount, ArticleFacts, DateValue, Entity, Evidence, Relation, Statement)
from kg.nlp.spans import DATES, ENTITIES, QUANTITIES

SPEC_UNITS = {"TFLOPS", "PFLOPS", "TOPS", "GB", "TB", "GB-PER-SEC", "TB-PER-SEC", "CARD", "W", "NM", "TPP"}
PRODUCTS = {"Chip", "ChipFamily", "Product", "AIModel", "CloudService"}
PLACES = {"Country", "AdministrativeRegion", "City", "GeoRegion", "Place"}
CLAUSE = re.compile(r"[，,；;：:]")
HEDGES = re.compile(r"可能|预计|预期|传闻|据悉|或将|将会|有望|恐|拟|计划|考虑|据传|消息人士|或许|也许|估计")


def extract(doc: Doc, article: Article) -> ArticleFacts:
    """Entities, relations and statements of one article, with evidence for each."""
    folded = doc.user_data.get("kg_folded", doc.text)
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    starts = [s for s, _ in sentences]

    def sentence_of(pos: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(starts, pos) - 1)
        return sentences[i] if sentences else (0, len(doc.text))

    def evidence(start: int, end: int, rule: str, confidence: float) -> Evidence:
        s, e = sentence_of(start)
        return Evidence(start, end, s, max(e, min(end, len(doc.text))), rule, confidence)

    entities: dict[str, Entity] = {}
    mentions = []
    for span in sorted(doc.spans.get(ENTITIES, []), key=lambda s: s._.kg["start"] if s._.kg else s.start_char):
        info = span._.kg
        if info is None:  # from a trained NER: mint a key from its label and text
            info = _foreign(span)
        ent = entities.setdefault(info["key"], Entity(info["key"], info["cls"], info["known"]))
        text = doc.text[info["start"]:info["end"]]
        ent.names.add(text)
        ev = evidence(info["start"], info["end"], info["rule"], info["confidence"])
        ent.mentions.append(ev)
        mentions.append((info["start"], info["end"], ent))

    relations = []
    seen = set()
    for r in doc._.kg_relations or []:
        key = (r["subject"], r["property"], r["object"])
        if key in seen or r["subject"] == r["object"]:
            continue
        seen.add(key)
        relations.append(Relation(r["subject"], r["property"], r["object"],
                                  evidence(r["start"], r["end"], r["rule"], r["confidence"])))

    statements = []
    for span in doc.spans.get(QUANTITIES, []):
        q = span._.kg
        subject = _subject_of_amount(mentions, folded, q["start"], q["unit"])
        if subject is None:
            continue
        statements.append(Statement(
            kind="Measurement", roles=(("subject", subject.key),),
            evidence=evidence(q["start"], q["end"], f"amount-{q['rule']}", 0.7),
            amount=Amount(q["value"], q["unit"], q["metric"], q["approximate"]),
            hedged=bool(HEDGES.search(_clause(folded, q["start"])))))
    for span in doc.spans.get(DATES, []):
        d = span._.kg
        roles = _dated_roles(mentions, folded, d["start"], d["end"])
        if not roles:
            continue
        statements.append(Statement(
            kind="Statement", roles=tuple(roles),
            evidence=evidence(d["start"], d["end"], f"date-{d['rule']}", 0.6),
            date=DateValue(d["iso"], d["precision"], d["resolved"], d["quarter"]),
            hedged=bool(HEDGES.search(_clause(folded, d["start"])))))

    reference, inferred = doc.user_data.get("kg_reference", (None, True))
    year = int(str(reference)[:4]) if reference else None
    return ArticleFacts(article, year, inferred, entities, relations, statements, sentences)


def _foreign(span) -> dict:
    from kg.text import name_key
    cls = {"ORG": "Organization", "PERSON": "Person", "GPE": "Place", "LOC": "Place", "PRODUCT": "Product",
           "EVENT": "Event", "LAW": "Policy", "NORP": "Organization", "FAC": "Place"}.get(span.label_, "Organization")
    return {"key": f"{cls.lower()}/{name_key(span.text)}", "cls": cls, "known": False, "rule": "trained-ner",
            "confidence": 0.6, "start": span.start_char, "end": span.end_char}


def _clause_bounds(folded: str, pos: int) -> tuple[int, int]:
    start = pos
    while start > 0 and folded[start - 1] not in "，,；;。！？!?\n":
        start -= 1
    end = pos
    while end < len(folded) and folded[end] not in "，,；;。！？!?\n":
        end += 1
    return start, end


def _clause(folded: str, pos: int) -> str:
    s, e = _clause_bounds(folded, pos)
    return folded[s:e]


def _sentence_bounds(folded: str, pos: int) -> tuple[int, int]:
    start = pos
    while start > 0 and folded[start - 1] not in "。！？!?\n":
        start -= 1
    end = pos
    while end < len(folded) and folded[end] not in "。！？!?\n":
        end += 1
    return start, end


def _subject_of_amount(mentions, folded: str, pos: int, unit: str) -> Entity | None:
    """The entity an amount is about: the nearest one before it in its sentence, products for specs."""
    s, _ = _sentence_bounds(folded, pos)
    before = [m for m in mentions if s <= m[0] and m[1] <= pos]
    if unit in SPEC_UNITS:
        candidates = [m for m in before if m[2].cls in PRODUCTS]
    else:
        candidates = [m for m in before if m[2].cls not in PLACES and m[2].cls != "Person"]
    return candidates[-1][2] if candidates else None


def _dated_roles(mentions, folded: str, start: int, end: int) -> list[tuple[str, str]]:
    """Entities a date belongs to: those of its clause and the next, up to three."""
    s, e = _clause_bounds(folded, start)
    if e - s < 12 and e < len(folded):  # a clause holding little but the date: take the next one too
        e = _clause_bounds(folded, e + 1)[1]
    keys = []
    for ms, me, ent in mentions:
        if s <= ms and me <= e and ent.key not in keys:
            keys.append(ent.key)
    return [("subject", k) for k in keys[:3]]
