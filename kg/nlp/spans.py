"""Custom attributes our components put on spaCy objects, registered in one place."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from kg.text import fold

# On entity spans: {"cls": ontology class, "key": entity key, "rule": ..., "confidence": ...}
# On date spans: {"iso": ..., "precision": ..., "resolved": bool, "quarter": ...}
# On quantity spans: {"value": ..., "unit": ..., "metric": ...}
if not Span.has_extension("kg"):
    Span.set_extension("kg", default=None)
# (subject span index, property, object span index, rule, start, end) tuples from kg_relations
if not Doc.has_extension("kg_relations"):
    Doc.set_extension("kg_relations", default=None)
if not Doc.has_extension("kg_statements"):
    Doc.set_extension("kg_statements", default=None)
if not Doc.has_extension("kg_meta"):
    Doc.set_extension("kg_meta", default=None)

ENTITIES = "kg_entities"
DATES = "kg_dates"
QUANTITIES = "kg_quantities"


def texts(doc: Doc) -> tuple[str, str]:
    """The doc's text and its folded form, computed once per doc (Doc.text rebuilds the string
    from its tokens on every access)."""
    data = doc.user_data
    if "kg_text" not in data:
        data["kg_text"] = doc.text
    if "kg_folded" not in data:
        data["kg_folded"] = fold(data["kg_text"])
    return data["kg_text"], data["kg_folded"]


class Mention:
    """A plain stand-in for an entity span with its `._.kg` data, for components that read
    the same spans many times (spaCy's extension lookup costs a microsecond or more a time)."""

    __slots__ = ("_", "text", "start_char", "end_char")

    def __init__(self, span: Span) -> None:
        self._ = _Ext(span._.kg)
        self.text = span.text
        self.start_char = span.start_char
        self.end_char = span.end_char

    @classmethod
    def _of(cls, kg: dict, text: str, start: int, end: int) -> "Mention":
        m = cls.__new__(cls)
        m._ = _Ext(kg)
        m.text = text[start:end]
        m.start_char = start
        m.end_char = end
        return m


class _Ext:
    __slots__ = ("kg",)

    def __init__(self, kg: dict | None) -> None:
        self.kg = kg


def mentions(doc: Doc) -> list[Mention]:
    """The doc's entity spans that carry kg data, as `Mention`s in text order."""
    # a span's extension data is keyed by its offsets, so an entity span at the offsets of an amount
    # or a date would read theirs: only entity data counts here. The data is read where spaCy
    # keeps it (see `_span_kg_is_keyed_by_offsets`), a span's text is the doc's text between its
    # offsets: the same as span._.kg and span.text, without building an extension object and a
    # string of tokens per span (this runs three times per doc)
    group = doc.spans.get(ENTITIES)
    if not group:
        return []
    data, text = doc.user_data, texts(doc)[0]
    out = []
    for s in group:
        start, end = s.start_char, s.end_char
        kg = data.get(("._.", "kg", start, end))
        if kg and "cls" in kg:
            out.append(Mention._of(kg, text, start, end))
    return sorted(out, key=lambda m: (m._.kg["start"], -m._.kg["end"]))


def _span_kg_is_keyed_by_offsets() -> bool:
    """Whether span._.kg is stored in doc.user_data under ("._.", "kg", start_char, end_char), as
    `mentions` reads it (spaCy 3's Underscore; checked once at import)."""
    from spacy.vocab import Vocab
    doc = Doc(Vocab(), words=["a", "b"], spaces=[False, False])
    span = doc[1:2]
    span._.kg = marker = {}
    return doc.user_data.get(("._.", "kg", 1, 2)) is marker and tuple(Span.get_extension("kg")) == (None,) * 4


def kg_of(span: Span) -> dict | None:
    """span._.kg, read where spaCy keeps it (see `_span_kg_is_keyed_by_offsets`), without building
    an Underscore object per read (components read it hundreds of thousands of times a corpus)."""
    return span.doc.user_data.get(("._.", "kg", span.start_char, span.end_char))


if not _span_kg_is_keyed_by_offsets():  # another spaCy: read the extension the slow way
    def kg_of(span: Span) -> dict | None:  # noqa: F811
        """span._.kg."""
        return span._.kg

    def mentions(doc: Doc) -> list[Mention]:  # noqa: F811
        """The doc's entity spans that carry kg data, as `Mention`s in text order."""
        out = [Mention(s) for s in doc.spans.get(ENTITIES, []) if s._.kg and "cls" in s._.kg]
        return sorted(out, key=lambda m: (m._.kg["start"], -m._.kg["end"]))


HEDGE = re.compile(r"可能|预计|预期|传闻|据悉|或将|将会|有望|恐将|拟|计划|考虑|据传|消息人士|或许|也许|估计|传出")


def main_company(ents: list[Mention]) -> Mention | None:
    """The company an article is mostly about: the one it names most often, at least three times.
    Bare 公司 and 其 in the article usually mean this one."""
    counts: dict[str, int] = {}
    for e in ents:
        if e._.kg["cls"] in ("Company", "Organization"):  # a company found by its form may be typed either
            counts[e._.kg["key"]] = counts.get(e._.kg["key"], 0) + 1
    if not counts:
        return None
    top = max(sorted(counts), key=counts.get)
    return next(e for e in ents if e._.kg["key"] == top) if counts[top] >= 3 else None
