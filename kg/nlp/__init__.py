"""The NLP stage: text → spaCy `Doc` with entities, dates, amounts and relations.

`make_nlp` is imported on first use, so that readers of the stage's data files (metric labels,
the lexicons) do not pay for importing spaCy: `kg view` only needs a metric's label."""
from __future__ import annotations

from typing import Any

__all__ = ["make_nlp"]


def __getattr__(name: str) -> Any:
    if name == "make_nlp":
        from kg.nlp.pipeline import make_nlp
        return make_nlp
    raise AttributeError(f"module 'kg.nlp' has no attribute {name!r}")
