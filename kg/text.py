"""Script-neutral forms of Chinese text, used only for matching.

Traditional and Simplified spellings of one name must meet, so every comparison goes
through `normalize`: OpenCC Traditional→Simplified, NFKC, case folding. The conversion
keeps one character per character, so an offset into the normalised text is an offset
into the original: text is never rewritten, only looked at through this lens.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_CONVERTERS: dict[str, object] = {}   # OpenCC's converters, loaded on first use (0.1 s a command may not need)
# (a decimal point stays: 1.8奈米 and 18奈米 are two nodes, GPT-5.2 no GPT-52)
_NAME_PUNCT = re.compile(r"(?!(?<=\d)\.\d)[\s\u00b7\u2022\u30fb\u2027\-_.,，、。:：;；'\"“”‘’()（）\[\]【】「」『』《》<>]+")


def _same_length(source: str, converted: str, convert) -> str:
    if len(converted) == len(source):
        return converted
    # A phrase rule changed the length: convert character by character instead.
    return "".join(c if len(c := convert(ch)) == 1 else ch for ch in source)


def _converter(name: str):
    import opencc
    return _CONVERTERS.setdefault(name, opencc.OpenCC(name))


# Full-width Latin letters, digits and % - . (ＮＶＩＤＩＡ, Ｈ２０, ５０％), which some sites write, and
# the ASCII they stand for: one character for one, so offsets hold. Chinese punctuation
# (，：（）！？／) is full-width as written and stays.
HALF_WIDTH = {c: c - 0xFEE0 for c in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B),
                                       0xFF05, 0xFF0D, 0xFF0E)}


def half_width(text: str) -> str:
    """text with full-width Latin letters, digits and % - . as ASCII (same length)."""
    return text.translate(HALF_WIDTH)


def to_simplified(text: str) -> str:
    """Simplified form of text, with exactly one character per input character."""
    t2s = _CONVERTERS.get("t2s") or _converter("t2s")
    return _same_length(text, t2s.convert(text), t2s.convert)


def to_traditional(text: str) -> str:
    """Traditional form of text, with exactly one character per input character."""
    s2t = _CONVERTERS.get("s2t") or _converter("s2t")
    return _same_length(text, s2t.convert(text), s2t.convert)


_FOLDS_TO_ONE = {chr(i) for i in range(128)}   # characters whose NFKC + case folding is one character


def _folds_to_one(ch: str) -> bool:
    if len(unicodedata.normalize("NFKC", ch).casefold()) == 1:
        _FOLDS_TO_ONE.add(ch)
        return True
    return False


#: words Taiwan and the mainland spell differently, of one length, folded to the mainland's (so
#: 國家積體電路產業投資基金二期 meets 国家集成电路产业投资基金二期)
_REGIONAL = {"积体电路": "集成电路"}
_REGIONAL_RE = re.compile("|".join(_REGIONAL))


def fold(text: str) -> str:
    """Matching form of a running text: Simplified, full-width folded, lower case, regional
    words in one spelling; same length."""
    simplified = to_simplified(text)
    quick = unicodedata.normalize("NFKC", simplified).casefold()
    if len(quick) == len(text):
        # NFKC and case folding kept one character per character (the usual case)
        new = set(simplified) - _FOLDS_TO_ONE
        if not new or all(_folds_to_one(ch) for ch in new):
            return _regional(quick)
    out = []
    for ch in to_simplified(text):
        n = unicodedata.normalize("NFKC", ch)
        n = n.casefold() if len(n) == 1 else ch.casefold()
        out.append(n if len(n) == 1 else ch)
    return _regional("".join(out))


#: variant characters OpenCC leaves apart, one character each, folded to one (洪麗寗 and 洪麗甯 are one name)
_VARIANTS = str.maketrans({"寗": "甯", "衞": "卫"})
_VARIANT_CHARS = frozenset("寗衞")


def _regional(folded: str) -> str:
    if "丨" in folded:   # 記者丨王某: the radical 丨 set as a bar between a byline's word and its name
        folded = folded.replace("丨", "|")
    if not _VARIANT_CHARS.isdisjoint(folded):
        folded = folded.translate(_VARIANTS)
    return _REGIONAL_RE.sub(lambda m: _REGIONAL[m.group()], folded) if "积体" in folded else folded


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Key under which two spellings of one name compare equal (also drops spaces and dots)."""
    return _NAME_PUNCT.sub("", fold(unicodedata.normalize("NFKC", name)))


def script_of(text: str) -> str:
    """'zh-Hant', 'zh-Hans' or 'en' for the script a label is written in."""
    han = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if not han:
        return "en"
    simplified = to_simplified("".join(han))
    traditional = to_traditional("".join(han))
    changed_by_s = sum(a != b for a, b in zip(han, simplified))
    changed_by_t = sum(a != b for a, b in zip(han, traditional))
    return "zh-Hant" if changed_by_s > changed_by_t or (changed_by_s and not changed_by_t) else "zh-Hans"
