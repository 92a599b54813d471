"""Date expressions → `doc.spans["kg_dates"]`, each with its ISO value on `span._.kg`."""
from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.components.known_entities import char_span
from kg.nlp.spans import DATES, ENTITIES, texts
from kg.nlp.temporal import find_dates, infer_reference_year, url_year


def reference_of(doc: Doc) -> tuple[dt.date | int | None, bool]:
    """The article's date (from doc.user_data["published"]), else the year its address gives
    (…/news/202503/83551.html, …/html/2026-01/…: a site that files its pages by month), else the
    year inferred from its text."""
    published = doc.user_data.get("published")
    if published:
        if len(published) == 10:
            return dt.date.fromisoformat(published), False
        return int(published[:4]), False
    filed = url_year(doc.user_data.get("url"))
    return (filed if filed is not None else infer_reference_year(texts(doc)[1])), True


class DateFinder:
    def __call__(self, doc: Doc) -> Doc:
        folded = texts(doc)[1]
        reference, inferred = reference_of(doc)
        doc.user_data["kg_reference"] = (reference.isoformat() if isinstance(reference, dt.date) else reference,
                                         inferred)
        spans = []
        # a span's extension data is keyed by its offsets: a "name" over the very tokens of a date
        # (明年 from a misread 明年資本) would share the date's, so the date wins and the name goes
        names = {(s.start_char, s.end_char) for s in doc.spans.get(ENTITIES, [])}
        dropped = set()
        for d in find_dates(folded, reference):
            span = char_span(doc, d.start, d.end, "DATE")
            if span is None:
                continue
            if (span.start_char, span.end_char) in names:
                dropped.add((span.start_char, span.end_char))
            span._.kg = {"iso": d.iso, "precision": d.precision, "resolved": d.resolved, "quarter": d.quarter,
                         "rule": d.rule, "start": d.start, "end": d.end}
            spans.append(span)
        doc.spans[DATES] = spans
        if dropped:
            doc.spans[ENTITIES] = [s for s in doc.spans[ENTITIES] if (s.start_char, s.end_char) not in dropped]
        return doc


@Language.factory("kg_dates", assigns=["doc.spans"])
def make_date_finder(nlp: Language, name: str) -> DateFinder:
    return DateFinder()
