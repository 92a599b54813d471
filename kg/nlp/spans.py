"""Custom attributes our components put on spaCy objects, registered in one place."""
from __future__ import annotations

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
