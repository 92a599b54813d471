"""Fast matching of many names in running text: a trie compiled into one regular expression.

Text and names are compared in their folded form (`kg.text.fold`: Simplified, lower case,
same length as the original), so offsets found in the folded text are offsets into the
original. Matches are leftmost-longest and never overlap. A name that begins or ends with
a Latin letter or digit matches only at a word edge, so 'H20' is not found inside 'H200'
nor 'Intel' inside 'Intelligence'.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Generic, Iterable, Iterator, TypeVar

from kg.text import fold

T = TypeVar("T")
_ALNUM = "a-z0-9"
_END = "\x00"


@dataclass(frozen=True)
class NameMatch(Generic[T]):
    start: int
    end: int
    payloads: tuple[T, ...]


class NameIndex(Generic[T]):
    """Names → payloads, searchable in text. Build once, search many times.

    The expression is compiled on the first search, not when built: the reference index is asked
    for names (`lookup`, `names`) in every worker and searched in none (`NameTrie` finds the names
    in text), and compiling its thousands of names cost 0.5 s of CPU in every such process."""

    def __init__(self, names: Iterable[tuple[str, T]]) -> None:
        self._payloads: dict[str, list[T]] = {}
        for name, payload in names:
            key = fold(name.strip())
            if len(key) < 1:
                continue
            bucket = self._payloads.setdefault(key, [])
            if payload not in bucket:
                bucket.append(payload)
        self._regex: re.Pattern | None = None

    def __len__(self) -> int:
        return len(self._payloads)

    def __contains__(self, name: str) -> bool:
        return fold(name.strip()) in self._payloads

    def lookup(self, name: str) -> tuple[T, ...]:
        return tuple(self._payloads.get(fold(name.strip()), ()))

    def names(self) -> list[str]:
        return list(self._payloads)

    def finditer(self, text: str, folded: str | None = None) -> Iterator[NameMatch[T]]:
        """Leftmost-longest, non-overlapping matches in text (pass `folded` if already computed)."""
        if not self._payloads:
            return
        if self._regex is None:
            self._regex = _compile(sorted(self._payloads))
        folded = fold(text) if folded is None else folded
        for m in self._regex.finditer(folded):
            yield NameMatch(m.start(), m.end(), tuple(self._payloads[m.group()]))


def _compile(keys: list[str]) -> re.Pattern:
    trie: dict = {}
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[_END] = True
    branches = []
    for ch in sorted(trie):
        if ch == _END:
            continue
        body = re.escape(ch) + _node(trie[ch], ch)
        if re.match(f"[{_ALNUM}]", ch):
            body = f"(?<![{_ALNUM}])" + body
        branches.append(body)
    return re.compile("(?:" + "|".join(branches) + ")")


def _node(node: dict, last: str) -> str:
    """Pattern for the rest of a name after reaching node (last = the character just read)."""
    children = [ch for ch in sorted(node) if ch != _END]
    parts = [re.escape(ch) + _node(node[ch], ch) for ch in children]
    if node.get(_END):
        # (GPT-5|.2: a name ending in a digit before a decimal point names an earlier version)
        edge = (f"(?![{_ALNUM}]|\\.\\d)" if last.isdigit() else f"(?![{_ALNUM}])") if re.match(f"[{_ALNUM}]", last) else ""
        if not parts:
            return edge
        # longer names first; the bare end only when no longer name continues here
        return "(?:" + "|".join(parts) + ("|" + edge if edge else "|") + ")"
    if len(parts) == 1:
        return parts[0]
    return "(?:" + "|".join(parts) + ")"
