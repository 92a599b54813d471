"""LAC on the Doc: its words, parts of speech and PER/LOC/ORG/TIME names (component "kg_lac").

The text is cut into clauses at ，。；：！？ (and ASCII !?;) and line breaks, every clause is tagged by the
trained LAC model (`kg.nlp.lac`) in batches, and the result is stored three ways:

    doc._.lac_words   [(start_char, end_char, tag)]    every LAC word, plus the clause
                                                        breaks as "w" (punctuation)
    doc._.lac_ents    [(start_char, end_char, label)]  PER, LOC, ORG, TIME
    token.tag_/pos_   LAC tag / Universal POS of the LAC word covering the token's start

Offsets are into the text as written (Traditional stays Traditional). In
北辰微電子公司首席執行官周嵐與清河大學教授宋一鳴在杭州簽署合作協議 LAC gives 北辰微電子公司 and
清河大學 ORG, 周嵐 and 宋一鳴 PER, 杭州 LOC; the jieba token 簽署 gets tag_ "v", pos_ "VERB".
The tokens stay jieba's: rules keep matching the same tokens, and ask LAC what they are.

`clauses_only = true` tags only the clauses that may hold a new name: one with a token of two
or more Han characters (or a romanised name with a space) that jieba's dictionary lacks or lists
as a name (nr/ns/nt: 陳志明), that
is no word of the field (ontology/lexicon/field-words.txt: 營收, 算力, 晶圓…) and that no earlier
component already named, or one touching an entity an earlier component found. Elsewhere tokens
get no LAC tag.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterable, Iterator

import numpy
from spacy.attrs import IDX, LENGTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc
from spacy.util import minibatch

from kg.nlp.lac import DEFAULT_BATCH_SIZE, ENTITY_LABELS, UPOS, LacModel, load_model
from kg.nlp.spans import texts

if not Doc.has_extension("lac_words"):
    Doc.set_extension("lac_words", default=None)
if not Doc.has_extension("lac_ents"):
    Doc.set_extension("lac_ents", default=None)

MAX_CLAUSE = 256
CLAUSE_BREAK = re.compile(r"[，。；：！？!?;\n]+")
_LETTERS = re.compile(r"[A-Za-z\u3400-\u9fff]")
_HAN = re.compile(r"[\u3400-\u9fff]")


class LacTagger(Pipe):
    """Runs LAC over a Doc's clauses and stores its words, names and token POS."""

    def __init__(self, nlp: Language, name: str = "kg_lac", *, batch_size: int = DEFAULT_BATCH_SIZE,
                 clauses_only: bool = False, quantized: bool = False) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.batch_size = batch_size
        self.clauses_only = clauses_only
        self.quantized = quantized
        # jieba's word frequencies, for clauses_only: our tokenizer's own dictionary if it has one
        self._jieba = getattr(nlp.tokenizer, "jieba", None)
        self._model: LacModel | None = None

    @property
    def field_words(self) -> frozenset[str]:
        """Words of the field that are no names (ontology/lexicon/field-words.txt), folded."""
        from kg.nlp.tokenizer import field_words
        return field_words()

    @property
    def model(self) -> LacModel:
        """The shared LAC model, loaded on the first Doc (building a pipeline stays cheap)."""
        if self._model is None:
            self._model = load_model(quantized=self.quantized)
        return self._model

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 32) -> Iterator[Doc]:
        """Tag the clauses of several docs together (fewer, fuller model batches)."""
        for docs in minibatch(stream, size=batch_size):
            plans = [self._clauses(doc) for doc in docs]
            flat = [text for doc, (spans, _) in zip(docs, plans) for text in self._clause_texts(doc, spans)]
            tagged = iter(self.model.tag(flat, batch_size=self.batch_size) if flat else [])
            for doc, (spans, breaks) in zip(docs, plans):
                words = []
                for start, _ in spans:
                    words.extend((start + w.start, start + w.end, w.tag) for w in next(tagged))
                words.extend(breaks)
                words.sort()
                self._set_annotations(doc, words)
                yield doc

    def _clauses(self, doc: Doc) -> tuple[list[tuple[int, int]], list[tuple[int, int, str]]]:
        """The clause spans to tag (stripped of spaces) and the punctuation that separates them."""
        text = texts(doc)[0]
        spans, breaks, pos = [], [], 0
        for m in list(CLAUSE_BREAK.finditer(text)) + [None]:
            end = m.start() if m else len(text)
            a, b = pos, end
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if a < b:
                spans.append((a, b))
            if m:
                breaks.extend((i, i + 1, "w") for i in range(m.start(), m.end()) if not text[i].isspace())
                pos = m.end()
        if self.clauses_only:
            spans = self._with_candidates(doc, spans)
        # a clause of thousands of characters without punctuation (a table, a pasted list) is read in
        # windows, so the model's time and memory stay bounded per clause
        spans = [(w, min(w + MAX_CLAUSE, b)) for a, b in spans for w in range(a, b, MAX_CLAUSE)]
        return spans, breaks

    @staticmethod
    def _clause_texts(doc: Doc, spans: list[tuple[int, int]]) -> list[str]:
        text = texts(doc)[0]
        return [text[a:b] for a, b in spans]

    def _with_candidates(self, doc: Doc, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The clauses holding a word jieba does not know, or an entity found before us."""
        freq = self._jieba.FREQ if self._jieba is not None else _default_jieba_freq()
        folded = texts(doc)[1]
        known = sorted((e.start_char, e.end_char) for e in doc.ents)
        starts = [a for a, _ in known]
        field = self.field_words
        from kg.nlp.tokenizer import dictionary_names
        names = dictionary_names()

        def inside_known(i: int) -> bool:
            k = bisect_right(starts, i) - 1
            return k >= 0 and i < known[k][1]

        def may_name(idx: int, length: int) -> bool:
            word = folded[idx:idx + length]
            if word in field or inside_known(idx):
                return False
            if freq.get(word, 0):  # a dictionary word, unless the dictionary lists it as a name (陳志明)
                return word in names
            # a lone Latin word (AI, IPO, GPU) is no name the tagger would give us; a romanised
            # full name has a space (Jing Chen)
            return len(_HAN.findall(word)) > 1 or (" " in word.strip() and len(_LETTERS.findall(word)) > 1)
        # a clause naming a known entity is tagged too: names cluster there (台積電董事長魏哲家), and
        # jieba often cuts a new name into known words, so "no unknown word" does not mean "no name"
        # (measured: leaving those clauses out loses 0.10 of pairs F1 on dev-check)
        # (the tokens' offsets and lengths from one array: a Token object per token cost more than the test)
        tokens = doc.to_array([IDX, LENGTH]).tolist() if len(doc) else []
        marks = sorted({idx for idx, length in tokens if length >= 2 and may_name(idx, length)}
                       | set(starts))
        keep = []
        for a, b in spans:
            i = bisect_right(marks, a - 1)
            if i < len(marks) and marks[i] < b:
                keep.append((a, b))
        return keep

    def _set_annotations(self, doc: Doc, words: list[tuple[int, int, str]]) -> None:
        doc._.lac_words = words
        doc._.lac_ents = [(a, b, ENTITY_LABELS[tag]) for a, b, tag in words if tag in ENTITY_LABELS]
        if not len(doc) or not words:
            return
        # each token takes the tag of the LAC word its first character falls in (vectorised: a
        # Python loop over tokens cost as much as the rest of the component)
        strings = self.vocab.strings
        starts = numpy.fromiter((a for a, _, _ in words), dtype=numpy.int64, count=len(words))
        ends = numpy.fromiter((b for _, b, _ in words), dtype=numpy.int64, count=len(words))
        tag_ids = numpy.fromiter((strings.add(t) for _, _, t in words), dtype=numpy.uint64, count=len(words))
        pos_ids = numpy.fromiter((_UPOS_IDS[UPOS[t]] for _, _, t in words), dtype=numpy.uint64, count=len(words))
        idx = doc.to_array(IDX).astype(numpy.int64).reshape(-1)
        k = numpy.searchsorted(starts, idx, side="right") - 1
        inside = (k >= 0) & (idx < ends[numpy.maximum(k, 0)])
        values = doc.to_array([TAG, POS])
        values[inside, 0] = tag_ids[k[inside]]
        values[inside, 1] = pos_ids[k[inside]]
        doc.from_array([TAG, POS], values)


def _default_jieba_freq() -> dict[str, int]:
    import jieba
    jieba.initialize()
    return jieba.dt.FREQ


def _upos_ids() -> dict[str, int]:
    from spacy.parts_of_speech import IDS
    return {name: IDS[name] for name in set(UPOS.values())}


_UPOS_IDS = _upos_ids()


@Language.factory("kg_lac", assigns=["doc._.lac_words", "doc._.lac_ents", "token.tag", "token.pos"],
                  default_config={"batch_size": DEFAULT_BATCH_SIZE, "clauses_only": False, "quantized": False})
def make_lac_tagger(nlp: Language, name: str, batch_size: int, clauses_only: bool, quantized: bool) -> LacTagger:
    """kg_lac: LAC words, names and POS on the Doc (see the module docstring)."""
    if batch_size < 1:
        raise ValueError(f"[components.{name}] batch_size must be at least 1, not {batch_size}")
    return LacTagger(nlp, name, batch_size=batch_size, clauses_only=clauses_only, quantized=quantized)
