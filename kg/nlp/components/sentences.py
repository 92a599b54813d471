"""Sentence boundaries for Chinese news: after 。！？；… and at line breaks."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

ENDERS = set("。！？!?；;…")
CLOSERS = set("」』”’）)】》\"'")


class SentenceSplitter:
    def __call__(self, doc: Doc) -> Doc:
        start_next = True
        for i, tok in enumerate(doc):
            tok.is_sent_start = start_next if i else True
            text = tok.text
            if "\n" in text or tok.whitespace_ == "\n":
                start_next = True
            elif text and text[-1] in ENDERS:
                start_next = not (i + 1 < len(doc) and doc[i + 1].text[:1] in CLOSERS)
            elif text and text[0] in CLOSERS and i and doc[i - 1].text[-1:] in ENDERS:
                start_next = True
            else:
                start_next = False
        return doc


@Language.factory("kg_sentences", assigns=["token.is_sent_start"])
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter()
