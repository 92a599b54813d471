"""Sentence boundaries for Chinese news: after 。！？；… (and their closing quotes) and at line breaks.

Boundaries are found with one regular expression over the text and written to the Doc in
one array operation, rather than token by token: this component runs on every token of
every article.
"""
from __future__ import annotations

import re

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.spans import texts

BOUNDARY = re.compile(r"[。！？!?；;…]+[」』”’）)】》\"']*|\n+")


class SentenceSplitter:
    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        text = texts(doc)[0]
        starts = numpy.fromiter((m.end() for m in BOUNDARY.finditer(text)), dtype="int64")
        idx = doc.to_array([IDX]).astype("int64").ravel()
        flags = numpy.where(numpy.isin(idx, starts), 1, -1).astype("uint64")
        flags[0] = 1
        doc.from_array([SENT_START], flags.reshape(-1, 1))
        return doc


@Language.factory("kg_sentences", assigns=["token.is_sent_start"])
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter()
