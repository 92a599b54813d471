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


# 大基金二期、三期, 國家集成電路產業投資基金一期及二期: further phases of a fund after the first, its name
# left out
PHASES = re.compile(r"(?:[一二三四五六]期)?(?P<rest>(?:\s*(?:及|和|与|、|以及)\s*[一二三四五六]期)+)")


class KnownEntityRuler:
    def __init__(self, reference: str | None = None) -> None:
        self.names = known_names(reference)

    def __call__(self, doc: Doc) -> Doc:
        text, folded = texts(doc)
        spans = []
        found = list(self.names.find(text, folded))
        phases = self._phases(text, folded, found)
        found += [(a, b, known) for a, b, known, _ in phases]
        full_names = {(a, b): name for a, b, _, name in phases}
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
            if (start, end) in full_names:   # (二期 after 大基金一期及: named 大基金二期)
                span._.kg["full_name"] = full_names[(start, end)]
            spans.append(span)
        add_entities(doc, spans)
        return doc

    def _phases(self, text: str, folded: str, found: list) -> list:
        """The later phases of a known fund listed after its name (…基金一期及二期: 二期 is the fund's phase
        II, a known entity of its own), each a mention at its own words, named in full:
        (start, end, known entity, full name)."""
        out = []
        for start, end, known in found:
            m = PHASES.match(folded, end)
            if m is None:
                continue
            # (大基金二期、三期: the name found holds the first phase; its base name is what the others add to)
            cut = 2 if re.search(r"[一二三四五六]期$", folded[start:end]) else 0
            base, written = folded[start:end - cut], text[start:end - cut]
            for p in re.finditer(r"[一二三四五六]期", m.group("rest")):
                hit = self.names.index.lookup(base + p.group())
                other = self.names.reference.get(hit[0]) if hit else None
                a = m.start("rest") + p.start()
                if other is not None and other.id != known.id:
                    out.append((a, a + 2, other, written + text[a:a + 2]))
        return out


@Language.factory("kg_known_entities", assigns=["doc.ents", "doc.spans"],
                  default_config={"reference": None})
def make_known_entity_ruler(nlp: Language, name: str, reference: str | None) -> KnownEntityRuler:
    return KnownEntityRuler(reference)
