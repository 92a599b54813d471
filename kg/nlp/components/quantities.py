"""Amounts with units → `doc.spans["kg_quantities"]`, value and unit on `span._.kg`."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.amounts import find_amounts
from kg.nlp.components.known_entities import char_span
from kg.nlp.spans import DATES, ENTITIES, QUANTITIES, texts


class QuantityFinder:
    def __call__(self, doc: Doc) -> Doc:
        text, folded = texts(doc)
        spans = []
        # a span's extension data is keyed by its offsets: an amount over the very tokens of a date
        # (7天後) or a name would overwrite theirs, so the date or name keeps them
        held = {(s.start_char, s.end_char) for group in (ENTITIES, DATES) for s in doc.spans.get(group, [])}
        for a in find_amounts(folded):
            span = char_span(doc, a.start, a.end, "QUANTITY")
            if span is None or (span.start_char, span.end_char) in held:
                continue
            span._.kg = {"value": str(a.value), "unit": a.unit, "metric": a.metric, "approximate": a.approximate,
                         "rule": a.rule, "start": a.start, "end": a.end}
            spans.append(span)
        doc.spans[QUANTITIES] = spans
        return doc


@Language.factory("kg_quantities", assigns=["doc.spans"])
def make_quantity_finder(nlp: Language, name: str) -> QuantityFinder:
    return QuantityFinder()
