"""The tokenizer's name finder (kg.nlp.gazetteer.NameTrie) finds what kg.nlp.names.NameIndex finds.

The trie replaces the index's regular expression where the pipeline searches running text, for
speed only: every match (start, end, first payload) must be the same, on real articles and on
texts made to stress the rules (leftmost-longest, no overlap, Latin names only at word edges).
"""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from kg.corpus import read_article
from kg.nlp.gazetteer import NameTrie, reference_index, reference_trie
from kg.nlp.names import NameIndex
from kg.text import fold

ROOT = Path(__file__).resolve().parents[1]


def both(index: NameIndex, trie: NameTrie, text: str) -> tuple[list, list]:
    folded = fold(text)
    return ([(m.start, m.end, m.payloads[0]) for m in index.finditer(folded, folded)],
            [(a, b, trie.payloads[name]) for a, b, name in trie.finditer(folded)])


PAIRS = [("H20", "h20"), ("H200", "h200"), ("Intel", "intel"), ("英特爾", "intel"), ("台積電", "tsmc"),
         ("台積", "tsmc-short"), ("積電", "other"), ("3nm", "n3"), ("A", "a"), ("美國商務部", "doc"),
         ("美國", "us"), ("商務部", "mofcom"), ("美国", "us-hans")]


@pytest.mark.parametrize("text, expected", [
    ("H200 與 H20", [(0, 4, "h200"), (7, 10, "h20")]),
    ("Intelligence 與 Intel", [(15, 20, "intel")]),
    ("台積電3nm", [(0, 3, "tsmc"), (3, 6, "n3")]),
    ("x3nm 台積", [(5, 7, "tsmc-short")]),
    ("美國商務部長", [(0, 5, "doc")]),
    ("A股 aA", [(0, 1, "a")]),
])
def test_small_index_edges_and_longest_match(text, expected):
    index, trie = NameIndex(PAIRS), NameTrie(PAIRS)
    got, want = both(index, trie, text)
    assert want == expected
    assert got == want


def test_the_reference_names_in_every_article_and_in_made_up_texts():
    index, trie = reference_index(), reference_trie()
    texts = [read_article(p).text for p in [ROOT / "corpus" / "h200-export-2025.md",
                                            *sorted((ROOT / "tests" / "data").rglob("*.md"))]]
    names = index.names()
    rnd = random.Random(11)
    glue = ["", "", "a", "1", " ", "的", "x9", "-", "·"]
    for _ in range(2000):
        parts = [rnd.choice(names) for _ in range(rnd.randint(1, 6))]
        texts.append("".join(p + rnd.choice(glue + [rnd.choice(names)[:2]]) for p in parts))
    for text in texts:
        got, want = both(index, trie, text)
        assert got == want, text[:80]
