"""Entity ruler fed by the reference data: every known name, in any script or alias.

Matches go to `doc.spans["kg_entities"]` (overlaps allowed) and to `doc.ents` (the
longest non-overlapping view). Entities already on the doc, say from a trained NER
earlier in the pipeline, are kept where they do not collide with a known name.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.nlp.gazetteer import known_names
from kg.nlp.spans import ENTITIES, texts


def char_span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    """A span over exactly these characters, or the smallest token span covering them."""
    return (doc.char_span(start, end, label=label)
            or doc.char_span(start, end, label=label, alignment_mode="expand"))


def add_entities(doc: Doc, spans: list[Span]) -> None:
    """Add entity spans to the doc's entity group and refresh doc.ents (longest wins)."""
    group = doc.spans.get(ENTITIES)
    existing = list(group) if group is not None else []
    taken = {(s.start_char, s.end_char) for s in existing}
    new = [s for s in spans if (s.start_char, s.end_char) not in taken]
    doc.spans[ENTITIES] = existing + new
    doc.ents = filter_spans(list(doc.spans[ENTITIES]) + [e for e in doc.ents if e._.kg is None])


# 海通|國際, 華虹|集團: a company's known name with a corporate word after it is one name, the
# group or arm of the company, named as the text names it
ORG_TAIL = re.compile(r"(?:国际|控股|集团|证券|资本|创业投资|创投)(?:(?:股份)?有限公司|公司)?")


class KnownEntityRuler:
    def __init__(self, reference: str | None = None) -> None:
        self.names = known_names(reference)

    def __call__(self, doc: Doc) -> Doc:
        text, folded = texts(doc)
        spans = []
        found = list(self.names.find(text, folded))
        starts = {s for s, _, _ in found}
        for start, end, known in found:
            tail = ORG_TAIL.match(folded, end) if known.cls == "Company" else None
            if tail and not any(p in starts for p in range(end, tail.end())):  # no other name begins in the tail
                end = tail.end()
            span = char_span(doc, start, end, known.coarse)
            if span is None:
                continue
            span._.kg = {"key": known.id, "cls": known.cls, "known": True, "rule": "reference-name",
                         "confidence": 0.95, "start": start, "end": end}
            spans.append(span)
        add_entities(doc, spans)
        return doc


@Language.factory("kg_known_entities", assigns=["doc.ents", "doc.spans"],
                  default_config={"reference": None})
def make_known_entity_ruler(nlp: Language, name: str, reference: str | None) -> KnownEntityRuler:
    return KnownEntityRuler(reference)
