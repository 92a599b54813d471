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


class _Ext:
    __slots__ = ("kg",)

    def __init__(self, kg: dict | None) -> None:
        self.kg = kg


def mentions(doc: Doc) -> list[Mention]:
    """The doc's entity spans that carry kg data, as `Mention`s in text order."""
    # a span's extension data is keyed by its offsets, so an entity span at the offsets of an amount
    # or a date would read theirs: only entity data counts here
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
