"""Sentence boundaries for Chinese news: after 。！？；… (and their closing quotes) and at line breaks.

Boundaries are found with one regular expression over the text and written to the Doc in
one array operation, rather than token by token: this component runs on every token of
every article.

A run longer than `max_chars` without a sentence end (a table squeezed onto one line, a
dump, an attack) gets forced boundaries, so no sentence is longer than that: the later
components compare the mentions of a sentence pairwise, and a sentence of thousands of
characters would take hours. Each forced cut is at the last comma, 、, colon or space in
the second half of the window (else at the window's end), moved forward to the next token
start. Real news sentences are far shorter (the longest in corpus/ and the dev set is 216
characters), so they are never cut.
"""
from __future__ import annotations

import re

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.spans import texts

BOUNDARY = re.compile(r"[。！？!?；;…]+[」』”’）)】》\"']*|\n+")
SOFT_BREAK = re.compile(r"[，,、：:\s]")
MAX_SENTENCE_CHARS = 400


def forced_cuts(text: str, ends: list[int], max_chars: int) -> list[int]:
    """Where runs longer than max_chars between the sentence ends `ends` are cut."""
    cuts = []
    prev = 0
    for end in [*ends, len(text)]:
        start = prev
        while end - start > max_chars:
            low, high = start + max_chars // 2, start + max_chars
            soft = [m.end() for m in SOFT_BREAK.finditer(text, low, high)]
            cut = soft[-1] if soft else high
            cuts.append(cut)
            start = cut
        prev = max(prev, end)
    return cuts


class SentenceSplitter:
    def __init__(self, max_chars: int = MAX_SENTENCE_CHARS) -> None:
        self.max_chars = max(2, max_chars)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        text = texts(doc)[0]
        ends = [m.end() for m in BOUNDARY.finditer(text)]
        idx = doc.to_array([IDX]).astype("int64").ravel()
        starts = numpy.asarray(ends, dtype="int64")
        cuts = forced_cuts(text, ends, self.max_chars)
        if cuts:   # a cut inside a token moves to the next token's start
            at = numpy.searchsorted(idx, numpy.asarray(cuts, dtype="int64"))
            starts = numpy.concatenate([starts, idx[at[at < len(idx)]]])
        flags = numpy.where(numpy.isin(idx, starts), 1, -1).astype("uint64")
        flags[0] = 1
        doc.from_array([SENT_START], flags.reshape(-1, 1))
        return doc


@Language.factory("kg_sentences", assigns=["token.is_sent_start"],
                  default_config={"max_chars": MAX_SENTENCE_CHARS})
def make_sentence_splitter(nlp: Language, name: str, max_chars: int) -> SentenceSplitter:
    return SentenceSplitter(max_chars)
