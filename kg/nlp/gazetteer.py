"""Known names: the reference data's labels and aliases, found in text. Built once per process."""
from __future__ import annotations

import re

from functools import lru_cache
from typing import Iterator

from kg.nlp.names import NameIndex
from kg.reference import KnownEntity, ReferenceData, load_reference
from kg.text import fold


@lru_cache(maxsize=4)
def reference_index(folder: str | None = None) -> NameIndex[str]:
    """Every label and alias of the reference data → entity ids."""
    ref = load_reference(folder)
    return NameIndex((name, ent.id) for ent in ref for name in ent.names())


# A law's name ending in 法 goes on into a longer common word: 法規, 法律, 法院, 法人…
LAW_WORD_GOES_ON = re.compile(r"(?<=法)(?:规|律|院|庭|官|人|务|治|则)")


class KnownNames:
    """Mentions of known entities in a text, with maker-prefixed product names split in two."""

    def __init__(self, folder: str | None = None) -> None:
        self.index = reference_index(folder)
        self.reference: ReferenceData = load_reference(folder)
        self._last: tuple[str, list[tuple[int, int, KnownEntity]]] = ("", [])

    def find(self, text: str, folded: str | None = None) -> Iterator[tuple[int, int, KnownEntity]]:
        """The known names of a text. The tokenizer and the entity ruler ask for the same text one
        after the other, so the last answer is kept (one search per text instead of two)."""
        folded = fold(text) if folded is None else folded
        if self._last[0] != folded or not folded:
            self._last = (folded, list(self._find(folded)))
        return iter(self._last[1])

    def _find(self, folded: str) -> Iterator[tuple[int, int, KnownEntity]]:
        for m in self.index.finditer(folded, folded):
            if m.end - m.start == 2 and _splits_a_word(folded, m.start, m.end):
                continue
            ent = self.reference.get(m.payloads[0])
            if ent.coarse == "LAW" and LAW_WORD_GOES_ON.match(folded, m.end):
                continue  # 出口管制法|規: the generic word 法規, not the law named 出口管制法
            yield from self._split(folded, m.start, m.end, ent)

    def _split(self, folded: str, start: int, end: int, ent: KnownEntity):
        """A name with its owner's name in front is two mentions, so the link the text makes
        between them is kept: a product and its maker (英偉達H200), a unit and its parent
        (華為海思, 美國商務部工業與安全局), a district and its city (上海張江), a body and
        its country (台灣經濟部)."""
        for cut in range(end - 1, start + 1, -1):
            if folded[cut - 1].isascii() and folded[cut - 1].isalnum() and folded[cut].isascii() and folded[cut].isalnum():
                continue  # never inside a Latin word or number: EUV is not EU + V
            head = self.index.lookup(folded[start:cut])
            if not head or not folded[cut:end].strip():
                continue
            owner = self.reference.get(head[0])
            if owner is None or owner.id == ent.id:
                continue
            rest = cut
            while rest < end and folded[rest] in " 的-·":
                rest += 1
            rest_known = ent.id in self.index.lookup(folded[rest:end])
            place_owner = owner.coarse in ("GPE", "LOC")
            if (ent.coarse == "PRODUCT" and owner.coarse == "ORG") or (rest_known and (
                    (owner.coarse == "ORG" and ent.coarse == "ORG")
                    or (place_owner and (ent.coarse in ("GPE", "LOC") or ent.cls in ("GovernmentAgency", "Legislature"))))):
                yield start, cut, owner
                yield rest, end, ent
                return
        yield start, end, ent


@lru_cache(maxsize=1)
def _word_frequencies() -> dict[str, int]:
    """jieba's dictionary: how common each word is in ordinary Chinese (loaded once, shared
    with the tokenizer)."""
    from kg.nlp.tokenizer import base_frequencies
    return base_frequencies()


def _splits_a_word(folded: str, start: int, end: int) -> bool:
    """A two-character name that would cut a common word in half (元大 in 美元大訂單) is no mention."""
    if not all("\u4e00" <= c <= "\u9fff" for c in folded[start:end]):
        return False
    freq = _word_frequencies()
    own = freq.get(folded[start:end]) or 0
    for a, b in ((start - 1, start + 1), (end - 1, end + 1)):
        if a >= 0 and b <= len(folded) and (freq.get(folded[a:b]) or 0) >= max(1000, own):
            return True
    return False


@lru_cache(maxsize=4)
def known_names(folder: str | None = None) -> KnownNames:
    return KnownNames(folder)
