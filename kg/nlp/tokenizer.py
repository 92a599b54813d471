"""Word segmentation for Chinese news in either script: jieba on the Simplified form.

jieba's dictionary is Simplified, so Traditional text is segmented through its folded
form (same length) and the tokens are cut from the original text: offsets and token texts
stay in the script the article was written in. Known names (the reference data) are added
to jieba's dictionary and, where jieba still cuts across one, tokens are split at the
name's edges, so every known name is a whole number of tokens.
"""
from __future__ import annotations

import logging
from typing import Callable, Iterable

import jieba
from functools import lru_cache
from math import log

from jieba import finalseg
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from kg.nlp.gazetteer import KnownNames
from kg.text import fold

jieba.setLogLevel(logging.WARNING)
_JIEBA: dict[tuple[str, ...], jieba.Tokenizer] = {}


@lru_cache(maxsize=1)
def _base() -> jieba.Tokenizer:
    """jieba with its own dictionary only, loaded once per process."""
    tok = jieba.Tokenizer()
    tok.initialize()
    return tok


def base_frequencies() -> dict[str, int]:
    """How common each word is in ordinary Chinese (jieba's dictionary, without our names)."""
    return _base().FREQ


def base_cut(text: str) -> list[str]:
    """jieba's words of a text with its own dictionary only (no guessing of unknown words), to
    tell a phrase of the language from a coined name."""
    return _base().lcut(text, HMM=False)


@lru_cache(maxsize=1)
def _dictionary_tables() -> tuple[frozenset[str], frozenset[str], dict[str, str]]:
    """dictionary_verbs, dictionary_non_nouns and dictionary_names from one reading of the
    dictionary file (each read it on its own: 0.35 s of CPU apiece in every worker)."""
    import os
    verbs: list[str] = []
    non_nouns: list[str] = []
    names: dict[str, str] = {}
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as f:
        lines = f.read().split("\n")
    for line in lines:   # "word count tag"; a count is read only where it matters
        parts = line.split()
        if len(parts) != 3:
            continue
        w, n, tag = parts
        if tag[0] == "n":
            if tag[:2] in ("nr", "ns", "nt"):
                names[w] = tag[:2]
        elif len(w) >= 2 and tag not in ("j", "l", "i"):
            count = int(n)
            if count >= 10:
                non_nouns.append(w)
                if count >= 100 and tag in ("v", "vd"):
                    verbs.append(w)
    return frozenset(verbs), frozenset(non_nouns), names


def dictionary_verbs() -> frozenset[str]:
    """The words of two characters or more jieba's dictionary tags as verbs (v, vd) and counts 100
    times or more: 完成, 突顯. Read once per process."""
    return _dictionary_tables()[0]


def dictionary_non_nouns() -> frozenset[str]:
    """The words of two characters or more jieba's dictionary tags as no noun and no name (合共 b,
    私募 a, 台前 s, 調研 vn) and counts 10 times or more: what a tagger's guess at a name never is
    on its own. Read once per process."""
    return _dictionary_tables()[1]


def dictionary_names() -> dict[str, str]:
    """The words jieba's dictionary tags as names, with their tag: nr (people: 陳志明, 司馬懿), ns
    (places), nt (organisations). Read once per process from the dictionary file."""
    return _dictionary_tables()[2]


@lru_cache(maxsize=1)
def field_words() -> frozenset[str]:
    """Words of the field that are no names (ontology/lexicon/field-words.txt: 營收, 算力), folded."""
    from kg.reference import lexicon_file
    from kg.text import fold
    path = lexicon_file("field-words.txt")
    if not path.exists():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(fold(w.strip()) for w in lines if w.strip() and not w.lstrip().startswith("#"))


def jieba_tokenizer(user_words: Iterable[str] = ()) -> jieba.Tokenizer:
    """One jieba tokenizer per set of user words, per process (its dictionary loads once)."""
    words = tuple(sorted({fold(w) for w in user_words if len(w) > 1}))
    key = words
    if key not in _JIEBA:
        base = _base()
        if not words:
            _JIEBA[key] = base
            return base
        tok = jieba.Tokenizer()  # jieba's dictionary is read once per process (_base); this copies it
        tok.FREQ, tok.total, tok.initialized = dict(base.FREQ), base.total, True
        for w in words:
            if " " not in w:
                tok.add_word(w, freq=max(tok.suggest_freq(w, tune=False), 20000))
        _JIEBA[key] = tok
    return _JIEBA[key]


_RE_HAN = jieba.re_han_default
_RE_SKIP = jieba.re_skip_default


def jieba_cut(tok: jieba.Tokenizer, text: str) -> list[str]:
    """tok.cut(text, HMM=True) as a list: the same words, in about two thirds of the time.

    jieba's accurate mode with its HMM, over the same blocks, with the same dictionary graph,
    route scores (the same float operations in the same order: log(count) - log(total) +
    the route's score after the word) and ties (the longest word), and the same handling of
    the characters it strings together (its HMM where the string is no dictionary word). It
    saves jieba's second dictionary lookup of every candidate word, its dicts keyed by offset
    and its tuples compared in max()."""
    tok.check_initialized()
    out: list[str] = []
    for blk in _RE_HAN.split(text):
        if not blk:
            continue
        if _RE_HAN.match(blk):
            _cut_block(tok, blk, out)
        else:
            for x in _RE_SKIP.split(blk):
                if _RE_SKIP.match(x):
                    out.append(x)
                else:
                    out.extend(x)
    return out


def _cut_block(tok: jieba.Tokenizer, sentence: str, out: list[str]) -> None:
    """jieba.Tokenizer.__cut_DAG(sentence), its words appended to out."""
    freq = tok.FREQ
    get = freq.get
    n = len(sentence)
    logtotal = log(tok.total)
    alone = log(1) - logtotal   # a character that starts no dictionary word (jieba's FREQ.get(..) or 1)
    # the best route from each offset to the end, from the last offset back (jieba's get_DAG and
    # calc in one pass): each dictionary word starting here, scored with the route after it
    score = [0.0] * (n + 1)
    score[n] = 0
    nxt = list(range(n + 1))
    for k in range(n - 1, -1, -1):
        best = None
        i = k
        frag = sentence[k]
        while True:
            count = get(frag)
            if count is None:
                break
            if count:
                v = log(count) - logtotal + score[i + 1]
                if best is None or v >= best:   # max() of (v, i) over ascending i: ties to the longer word
                    best = v
                    nxt[k] = i
            i += 1
            if i >= n:
                break
            frag = sentence[k:i + 1]
        score[k] = alone + score[k + 1] if best is None else best
    # words along the route; runs of single characters go through the HMM unless a dictionary word
    x = 0
    buf = ""
    while x < n:
        y = nxt[x] + 1
        if y - x == 1:
            buf += sentence[x]
        else:
            if buf:
                _flush(freq, buf, out)
                buf = ""
            out.append(sentence[x:y])
        x = y
    if buf:
        _flush(freq, buf, out)


def _flush(freq: dict[str, int], buf: str, out: list[str]) -> None:
    if len(buf) == 1:
        out.append(buf)
    elif not freq.get(buf):
        out.extend(finalseg.cut(buf))
    else:
        out.extend(buf)


def _words_and_spaces(pieces: list[str], text: str) -> tuple[list[str], list[bool]]:
    """spacy.util.get_words_and_spaces(pieces, text) for pieces that are text cut at increasing
    offsets ("".join(pieces) == text): the same words and spaces, found in linear time (spaCy's
    copies the rest of the text for every word)."""
    text_words: list[str] = []
    text_spaces: list[bool] = []
    text_pos = 0
    n = len(text)
    for word in pieces:
        if word.isspace():
            continue
        word_start = text.find(word, text_pos)
        if word_start < 0:
            raise ValueError(f"{word!r} is not in the text after offset {text_pos}")
        if word_start > text_pos:
            text_words.append(text[text_pos:word_start])
            text_spaces.append(False)
            text_pos = word_start
        text_words.append(word)
        text_pos += len(word)
        if text_pos < n and text[text_pos] == " ":
            text_spaces.append(True)
            text_pos += 1
        else:
            text_spaces.append(False)
    if text_pos < n:
        text_words.append(text[text_pos:])
        text_spaces.append(False)
    return text_words, text_spaces


class ZhTokenizer:
    """spaCy tokenizer: jieba segmentation of folded text, split at known-name edges."""

    def __init__(self, vocab: Vocab, *, names: KnownNames | None = None, hmm: bool = True) -> None:
        self.vocab = vocab
        self.names = names
        self.hmm = hmm
        self.jieba = jieba_tokenizer(names.index.names() if names is not None else ())

    def __call__(self, text: str) -> Doc:
        folded = fold(text)
        cuts = self._cuts(text, folded)
        words, spaces = _words_and_spaces([text[a:b] for a, b in zip(cuts, cuts[1:])], text)
        # the doc's text is the text given, so the texts components read (kg.nlp.spans.texts) are
        # known already: Doc.text would join every token again, and fold it again
        return Doc(self.vocab, words=words, spaces=spaces, user_data={"kg_text": text, "kg_folded": folded})

    def pipe(self, texts: Iterable[str], batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def _cuts(self, text: str, folded: str) -> list[int]:
        bounds = {0, len(text)}
        pos = 0
        for piece in (jieba_cut(self.jieba, folded) if self.hmm else self.jieba.cut(folded, HMM=False)):
            pos += len(piece)
            bounds.add(pos)
        if self.names is not None:
            for start, end, _ in self.names.find(text, folded):
                bounds.add(start)
                bounds.add(end)
        return sorted(bounds)

    # spaCy serialises a pipeline's tokenizer with the pipeline; ours is rebuilt from config.
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> "ZhTokenizer":
        return self

    def to_disk(self, path, **kwargs) -> None:
        return None

    def from_disk(self, path, **kwargs) -> "ZhTokenizer":
        return self


@registry.tokenizers("kg.ZhTokenizer.v1")
def create_zh_tokenizer(use_reference_names: bool = True, hmm: bool = True) -> Callable:
    def make(nlp) -> ZhTokenizer:
        names = None
        if use_reference_names:
            from kg.nlp.gazetteer import known_names
            names = known_names()
        return ZhTokenizer(nlp.vocab, names=names, hmm=hmm)
    return make
