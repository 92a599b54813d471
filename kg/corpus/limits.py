"""Bounds on an article's text, checked before anything reaches the NLP pipeline or the store.

An article's text is limited to `KG_MAX_ARTICLE_CHARS` characters (default 1,000,000,
spaCy's own `nlp.max_length`): a longer text is refused with a one-line error naming the
file, before anything is written. Long runs without a sentence end are not refused: the
sentence splitter (kg/nlp/components/sentences.py) cuts them into bounded sentences, and
a text that still costs too much is stopped by the per-article time budget
(kg/article_budget.py).

    KG_MAX_ARTICLE_CHARS    longest article text (default 1,000,000)
"""
from __future__ import annotations

import os

from kg.errors import ArticleTooLargeError, CorpusError


def max_article_chars() -> int:
    raw = os.environ.get("KG_MAX_ARTICLE_CHARS", "1000000")
    try:
        return int(raw)
    except ValueError:
        raise CorpusError("KG_MAX_ARTICLE_CHARS", f"{raw!r} is not a whole number of characters") from None


def check_text(text: str, key: str) -> None:
    """Raise ArticleTooLargeError when text is longer than one article may be."""
    limit = max_article_chars()
    if len(text) > limit:
        raise ArticleTooLargeError(key, f"{len(text):,} characters of text is over the {limit:,}-character limit "
                                        "of one article", "split it into several files, or raise KG_MAX_ARTICLE_CHARS")
