"""Bounds on an article's text that keep the NLP pipeline's time and memory in check.

The pipeline's cost grows with the length of a sentence much faster than linearly (the
statement rules compare every pair of mentions in a sentence), and spaCy refuses a text
over `nlp.max_length` characters with its error E088. A real news sentence is a few
hundred characters (the longest in corpus/ and the dev set is 216), so a "sentence" of
thousands of characters is a dump, a table squeezed onto one line, or an attack: such a
text is refused, with a one-line error naming the file and the character where the run
starts, before anything reaches the store.

    KG_MAX_SENTENCE_CHARS   longest run without a sentence end (default 2,000)
    KG_MAX_ARTICLE_CHARS    longest article text (default 1,000,000, spaCy's own limit)
"""
from __future__ import annotations

import os
import re

from kg.errors import ArticleTooLargeError

# Where kg_sentences (kg/nlp/components/sentences.py) ends a sentence: 。！？!?；;… and line breaks.
_SENTENCE_END = re.compile(r"[。！？!?；;…\n]")


def max_sentence_chars() -> int:
    return int(os.environ.get("KG_MAX_SENTENCE_CHARS", 2_000))


def max_article_chars() -> int:
    return int(os.environ.get("KG_MAX_ARTICLE_CHARS", 1_000_000))


def longest_run(text: str) -> tuple[int, int]:
    """(start, length) of the longest stretch of text without a sentence end."""
    best = (0, 0)
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() - start > best[1]:
            best = (start, m.start() - start)
        start = m.end()
    if len(text) - start > best[1]:
        best = (start, len(text) - start)
    return best


def check_text(text: str, key: str) -> None:
    """Raise ArticleTooLargeError when text is longer than the pipeline can bound."""
    limit = max_article_chars()
    if len(text) > limit:
        raise ArticleTooLargeError(key, f"{len(text):,} characters of text is over the {limit:,}-character limit "
                                        "of one article", "split it into several files, or raise KG_MAX_ARTICLE_CHARS")
    start, length = longest_run(text)
    limit = max_sentence_chars()
    if length > limit:
        raise ArticleTooLargeError(key, f"{length:,} characters without a sentence end (。！？; or a line break) "
                                        f"from character {start:,}; the limit is {limit:,}",
                                   "break the text into sentences or lines, or raise KG_MAX_SENTENCE_CHARS")
