"""Known names: the reference data's labels and aliases, found in text. Built once per process."""
from __future__ import annotations

import re
from functools import cached_property, lru_cache
from typing import Generic, Iterable, Iterator, TypeVar

from kg.nlp.names import NameIndex
from kg.reference import KnownEntity, ReferenceData, load_reference
from kg.text import fold

T = TypeVar("T")


@lru_cache(maxsize=4)
def reference_index(folder: str | None = None) -> NameIndex[str]:
    """Every label and alias of the reference data → entity ids."""
    ref = load_reference(folder)
    return NameIndex((spelling, ent.id) for ent in ref for name in ent.names() for spelling in spellings(name))


#: where a Han character meets a Latin letter or a digit, with no space (思元|590) and with one (思元 590)
HAN_LATIN_EDGE = re.compile(r"(?<=[\u3400-\u9fff])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[\u3400-\u9fff])")
HAN_LATIN_SPACE = re.compile(r"(?<=[\u3400-\u9fff]) (?=[A-Za-z0-9])|(?<=[A-Za-z0-9]) (?=[\u3400-\u9fff])")


def spellings(name: str) -> list[str]:
    """A reference name and the same name spaced otherwise where a Han character meets a Latin letter
    or a digit: 思元590 is written 思元 590 too, and 昇騰 910B is 昇騰910B (the name first, so the
    reference data's own spelling keeps its place)."""
    out = [name]
    for other in (HAN_LATIN_EDGE.sub(" ", name), HAN_LATIN_SPACE.sub("", name)):
        if other not in out:
            out.append(other)
    return out


# A law's name ending in 法 goes on into a longer common word: 法規, 法律, 法院, 法人…
LAW_WORD_GOES_ON = re.compile(r"(?<=法)(?:规|律|院|庭|官|人|务|治|则)")
# A stock ticker in brackets, (nvda-us), (2330-tw), (688256.sh): its market suffix is no mention of a country
# (NVDA.US), (Micron Technology, MU-US): a ticker's market suffix, last in its brackets
LATIN_WORD_BEFORE = re.compile(r"[a-z][a-z0-9]{2,} $")
TICKER = re.compile(r"[(（]\s*(?P<market2>us|hk|sh|sz|tw|jp|kr)\.[a-z]{1,5}\s*[)）]"  # (US.NVDA): the market first
                    r"|[(（][^()（）]{0,40}?(?<![a-z0-9])[a-z0-9]{1,8}[-.](?P<market>[a-z]{2,3})\s*[)）]")


_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


class NameTrie(Generic[T]):
    """The matches `NameIndex.finditer` finds, found by walking a trie of dicts.

    The same matches: leftmost, then the longest name that ends at a word edge, never
    overlapping, and a name that begins (ends) with a Latin letter or digit only where the
    text has none before (after) it. The index's one regular expression tries its hundreds of
    first characters one after another at every position of the text (4 µs a character, the
    tokenizer's largest cost after jieba); the walk looks each character up once.
    """

    _END = ""   # no character of a text is the empty string

    def __init__(self, names: Iterable[tuple[str, T]]) -> None:
        self.root: dict = {}
        self.payloads: dict[str, T] = {}
        for name, payload in names:
            key = fold(name.strip())
            if not key:
                continue
            self.payloads.setdefault(key, payload)   # the index's first payload of the name
            node = self.root
            for ch in key:
                node = node.setdefault(ch, {})
            node[self._END] = key

    def finditer(self, folded: str, pos: int = 0, endpos: int | None = None) -> Iterator[tuple[int, int, str]]:
        """(start, end, name) of each match in folded text (`kg.text.fold`), starting from pos, before endpos."""
        root, end_key, alnum, n = self.root, self._END, _ALNUM, len(folded)
        i, stop = pos, n if endpos is None else endpos
        while i < stop:
            ch = folded[i]
            node = root.get(ch)
            if node is None or (ch in alnum and i and folded[i - 1] in alnum):
                i += 1
                continue
            best, j = None, i + 1
            while True:
                key = node.get(end_key)
                # (GPT-5|.2, Llama 3|.1: a name ending in a digit before a decimal point names an earlier version)
                if key is not None and not (j < n and folded[j - 1] in alnum and folded[j] in alnum) and not (
                        j + 1 < n and folded[j] == "." and folded[j - 1].isdigit() and folded[j + 1].isdigit()):
                    best = (j, key)
                if j >= n:
                    break
                node = node.get(folded[j])
                if node is None:
                    break
                j += 1
            if best is None:
                i += 1
            else:
                yield i, best[0], best[1]
                i = best[0]


#: 有3人, 計5家: what follows 共 when it means "in all" (a count)
IN_TOTAL = re.compile(r"(?:有|计|约)\s*[\d一二两三四五六七八九十几数百千万]")


@lru_cache(maxsize=4)
def reference_trie(folder: str | None = None) -> NameTrie[str]:
    """reference_index's names as a NameTrie (the same names, the same first entity id of each)."""
    ref = load_reference(folder)
    return NameTrie((spelling, ent.id) for ent in ref for name in ent.names() for spelling in spellings(name))


class KnownNames:
    """Mentions of known entities in a text, with maker-prefixed product names split in two."""

    def __init__(self, folder: str | None = None) -> None:
        self.index = reference_index(folder)
        self.trie = reference_trie(folder)
        # the index's answer for a name (its folding is the costly part), kept: the same product and
        # organisation names are split again in every article
        self._lookup = lru_cache(maxsize=1 << 16)(self.index.lookup)
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
        payloads = self.trie.payloads
        markets = {m.span("market") if m.group("market") else m.span("market2") for m in TICKER.finditer(folded)}
        matches = list(self.trie.finditer(folded))
        # (江西|南昌: a name right beside another name cuts no word between them, 西南 though it reads)
        starts, ends = {s for s, e, _ in matches if e - s >= 2}, {e for s, e, _ in matches if e - s >= 2}
        split = {(s, e) for s, e, _ in matches if e - s == 2 and _splits_a_word(folded, s, e, s in ends, e in starts)}
        if split:
            # 今|日經|濟部: a name that cuts a word hides none that starts inside it (經濟部)
            for s, e in sorted(split.copy()):
                nxt = min((a for a, _, _ in matches if a >= e), default=len(folded))
                for m in self.trie.finditer(folded, s + 1, nxt):
                    if m[1] <= nxt:
                        matches.append(m)
                        if m[1] - m[0] == 2 and _splits_a_word(folded, m[0], m[1]):
                            split.add((m[0], m[1]))
            matches.sort()
        for start, end, name in matches:
            if (start, end) in split or (start, end) in markets:
                continue
            if folded[end - 1] == "共" and start and IN_TOTAL.match(folded, end):
                continue  # 人事調整中|共有3人: 共有, 共計 before a count is "in all", not the end of 中共
            if end - start == 1 and folded[start - 1:start] == "化":
                continue  # 氮化|鎵, 碳化|矽: an element named in a compound's name is no mention of the element
            if folded[start] in "元亿万千百" and start and re.match(r"[\d一二两三四五六七八九十百千万亿兆韩日美欧港澳台币]", folded[start - 1]):
                continue  # 兆|元大|關, 萬億韓|元大|關: the unit of a sum, not 元大 (Yuanta)
            ent = self.reference.get(payloads[name])
            if ent.coarse == "ORG" and folded[start:start + 1].isascii() and \
                    LATIN_WORD_BEFORE.search(folded, max(0, start - 20), start):
                continue  # Alphawave Semi: the last word of a longer Latin name is not the body SEMI
            if ent.coarse == "LAW" and LAW_WORD_GOES_ON.match(folded, end):
                continue  # 出口管制法|規: the generic word 法規, not the law named 出口管制法
            if ent.cls in ("GovernmentAgency", "Legislature") and start and folded[start - 1] in self._shorthand:
                foreign = self._foreign_body(folded, start, end, ent)
                if foreign is not None:
                    if foreign is not ent:
                        yield start - 1, end, foreign
                    else:
                        yield from self._split(folded, start, end, ent)
                continue
            yield from self._split(folded, start, end, ent)

    @cached_property
    def _shorthand(self) -> dict[str, str]:
        """A country's one-character shorthand (荷, 德, 日) → its id: the first character of the firm
        shorthands of ontology/lexicon/country-shorthand.csv (荷商 → 荷)."""
        from kg.reference.known import country_shorthand, lexicon_file
        out: dict[str, str] = {}
        for word, country in country_shorthand(str(lexicon_file("country-shorthand.csv"))).items():
            if len(word) == 2 and word.endswith("商") and self.reference.get(country):
                out.setdefault(word[0], country)
        return out

    def _foreign_body(self, folded: str, start: int, end: int, ent: KnownEntity) -> KnownEntity | None:
        """荷|經濟部, 德|經濟部: a body named by its bare name (Taiwan's 經濟部) after another country's
        one-character shorthand is that country's body: the one the reference knows by the country's
        name and the bare name (荷蘭經濟部), else none it knows. The body itself where the shorthand is
        its own country's (美|商務部) or the character ends a word or a date before (今日|經濟部, 15日|商務部)."""
        country = self._shorthand[folded[start - 1]]
        if dict(ent.facts).get("country") == country:
            return ent
        before = folded[max(0, start - 2):start]
        if len(before) == 2 and ((_word_frequencies().get(before) or 0) >= 100 or re.match(r"[\d一二三四五六七八九十〇零两]", before)):
            return ent   # (15日|商務部: a date's 日)
        for name in self.reference.get(country).names():
            hit = self._lookup(fold(name) + folded[start:end])
            if hit and (other := self.reference.get(hit[0])) is not None and other.id != ent.id:
                return other
        return None

    def _split(self, folded: str, start: int, end: int, ent: KnownEntity):
        """A name with its owner's name in front is two mentions, so the link the text makes
        between them is kept: a product and its maker (英偉達H200), a unit and its parent
        (華為海思, 美國商務部工業與安全局), a district and its city (上海張江), a body and
        its country (台灣經濟部)."""
        for cut in range(end - 1, start + 1, -1):
            if folded[cut - 1].isascii() and folded[cut - 1].isalnum() and folded[cut].isascii() and folded[cut].isalnum():
                continue  # never inside a Latin word or number: EUV is not EU + V
            head = self._lookup(folded[start:cut])
            if not head or not folded[cut:end].strip():
                continue
            owner = self.reference.get(head[0])
            if owner is None or owner.id == ent.id:
                continue
            rest = cut
            while rest < end and folded[rest] in " 的-·":
                rest += 1
            rest_known = ent.id in self._lookup(folded[rest:end])
            place_owner = owner.coarse in ("GPE", "LOC")
            if ent.coarse == "PRODUCT" and owner.coarse == "ORG" and not rest_known and end - rest < 2:
                # 華為雲: a one-character rest is no product name; the whole is, and its owner is named in it
                yield start, cut, owner
                yield start, end, ent
                return
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


def _splits_a_word(folded: str, start: int, end: int, named_before: bool = False, named_after: bool = False) -> bool:
    """A two-character name that would cut a common word in half (元大 in 美元大訂單) is no mention;
    not on a side where another name begins or ends (江西|南昌 cuts no 西南)."""
    if not all("\u4e00" <= c <= "\u9fff" for c in folded[start:end]):
        return False
    freq = _word_frequencies()
    own = freq.get(folded[start:end]) or 0
    from kg.nlp.tokenizer import field_words
    field = field_words()
    # (the character outside the name, with its other neighbour: 拜登時代 cuts 登時 only if 時代 were no
    # likelier a word than 登時)
    for a, b, other, named in ((start - 1, start + 1, folded[max(0, start - 2):start], named_before),
                               (end - 1, end + 1, folded[end:end + 2], named_after)):
        if a >= 0 and b <= len(folded) and not named:
            straddled = freq.get(folded[a:b]) or 0
            if folded[a:b] in field or (straddled >= max(1000, own) and (len(other) < 2 or (freq.get(other) or 0) < straddled)):
                return True  # (算力晶片 holds 力晶: 算力 and 晶片 are words of the field)
    return False


@lru_cache(maxsize=4)
def known_names(folder: str | None = None) -> KnownNames:
    return KnownNames(folder)
