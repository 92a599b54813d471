"""Hostile article files through the real `kg ingest`: one line on stderr, exit 1, the store untouched.

Each case drops one unfit file beside a good article in a corpus that is already in the
store, then runs `kg ingest` on the folder. The store's files (names, sizes, bytes) must
be exactly as before: the batch is checked before the store is even opened. The files are
generated here; none of them comes from elsewhere.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import time
from pathlib import Path

import pytest

from conftest import run_kg

GOOD = "---\ntitle: 測試\npublished: 2025-03-04\n---\n星河科技今日發表XG-720晶片。東岳半導體負責代工。\n"


def laughs(levels: int = 9) -> str:
    lines = ['a0: &a0 "lol"']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, levels + 1)]
    return "\n".join(lines)


HOSTILE: dict[str, tuple[bytes | str, str]] = {  # name → (content, fragment of the one-line error)
    "binary-tag": ("---\nphoto: !!binary aGVsbG8=\n---\n正文。\n", "tag !!binary is not allowed"),
    "set-tag": ("---\ntags: !!set {a, b}\n---\n正文。\n", "tag !!set is not allowed"),
    "python-tag": ("---\nx: !!python/object/apply:os.system ['true']\n---\n正文。\n", "is not allowed"),
    "custom-tag": ("---\nx: !secret abc\n---\n正文。\n", "tag !secret is not allowed"),
    "bad-published": ("---\npublished: 2025-13-45\n---\n正文。\n", "'2025-13-45' is not a valid date"),
    "bad-date-any-key": ("---\nupdated: 2025-13-45\n---\n正文。\n", "'2025-13-45' is not a valid date"),
    "bad-date-nested": ("---\nhistory:\n  - when: 2025-02-30 10:00:00\n---\n正文。\n", "not a valid date"),
    "deep-flow": ("---\nx: " + "[" * 20_000 + "]" * 20_000 + "\n---\n正文。\n", "nested more than 32 levels"),
    "deep-over-size": ("---\nx: " + "[" * 40_000 + "]" * 40_000 + "\n---\n正文。\n", "over the 65,536-byte limit"),
    "deep-under-size": ("---\nx: " + "[" * 5_000 + "]" * 5_000 + "\n---\n正文。\n", "nested more than 32 levels"),
    "deep-block": ("---\n" + "".join(" " * i + f"k{i}:\n" for i in range(60)) + "---\n正文。\n", "nested more than"),
    "billion-laughs": ("---\n" + laughs() + "\n---\n正文。\n", "anchor &a0 is not allowed"),
    "alias": ("---\nx: *nowhere\n---\n正文。\n", "alias *nowhere is not allowed"),
    "huge-int": ("---\nn: " + "9" * 5_000 + "\n---\n正文。\n", "a value cannot be read"),
    "huge-front-matter": ("---\nx: '" + "字" * 40_000 + "'\n---\n正文。\n", "over the 65,536-byte limit"),
    "unhashable-key": ("---\n? [a, b]\n: c\n---\n正文。\n", "unhashable key"),
    "unclosed": ("---\ntitle: x\n正文。\n", "never closed"),
    "not-a-mapping": ("---\n- a\n---\n正文。\n", "must be a mapping"),
    "title-list": ("---\ntitle: [a, b]\n---\n正文。\n", "'title' must be text"),
    "title-bool": ("---\ntitle: yes\n---\n正文。\n", "'title' must be text"),
    "empty": ("   \n\n", "no article text"),
    "front-matter-only": ("---\ntitle: x\n---\n", "no article text"),
    "nul-bytes": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    "undecidable": (bytes(range(0x80, 0x100)) * 4, "not UTF-8"),
    "wrong-declared-encoding": ("---\nencoding: ascii\n---\n正文。\n".encode("utf-8"), "not valid ascii"),
    "unknown-declared-encoding": ("---\nencoding: klingon-8\n---\n正文。\n", "unknown encoding 'klingon-8'"),
    "long-line-1.2M": ("星河晶片。" * 240_000, "over the 1,000,000-character limit"),
    "long-line-ascii-2M": ("a. " * 700_000, "over the 1,000,000-character limit"),
    "too-large": ("字。" * 800_000, "bytes is over the"),
    # our own
    "zero-date": ("---\npublished: 0000-00-00\n---\n正文。\n", "'0000-00-00' is not a valid date"),
    "year-10000": ("---\npublished: 10000-01-01\n---\n正文。\n", "is not an ISO date"),
    "date-as-key": ("---\n2025-13-45: x\n---\n正文。\n", "'2025-13-45' is not a valid date"),
    "bad-timestamp": ("---\npublished: 2025-02-29T25:00:00+99:00\n---\n正文。\n", "is not a valid date"),
    "published-list": ("---\npublished: [2025-03-04]\n---\n正文。\n", "'published' must be one date"),
    "authors-mapping": ("---\nauthors: {a: b}\n---\n正文。\n", "'authors' must be a list of names"),
    "yaml-directive": ("---\n%YAML 1.1\n---\n正文。\n", "malformed YAML front matter"),
    "many-keys": ("---\n" + "".join(f"k{i}: {i}\n" for i in range(20_000)) + "---\n正文。\n", "over the 65,536-byte"),
    "lone-surrogate": (b"---\ntitle: \xed\xa0\x80\n---\n\xe6\xad\xa3\xe6\x96\x87\xe3\x80\x82\n", "not UTF-8"),
    "utf16-without-bom": ("正文是一篇文章。".encode("utf-16-le"), "UTF-16 needs its byte-order mark"),
    "ideographic-spaces-only": ("\u3000\u3000\n", "no article text"),
    "zero-width-only": ("\u200b\u200d\ufeff\u2060", "no article text"),
    "bom-only": ("\ufeff", "no article text"),
    "long-line-ascii-1.5M": ("x" * 1_500_000, "over the 1,000,000-character limit"),
}


def tree_digest(folder: Path) -> str:
    """Names and bytes of every file under folder: equal digests mean the store was not touched."""
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        h.update(str(p.relative_to(folder)).encode())
        if p.is_file():
            h.update(p.read_bytes())
    return h.hexdigest()


@pytest.fixture(scope="module")
def stocked(tmp_path_factory):
    """A corpus folder with one good article, ingested; its export and its files' digest."""
    base = tmp_path_factory.mktemp("hostile")
    corpus = base / "corpus"
    corpus.mkdir()
    (corpus / "good.md").write_text(GOOD, encoding="utf-8")
    store = base / "store"
    run_kg("ingest", str(corpus), store=store)
    export = run_kg("export", "--format", "nquads", store=store).stdout
    return corpus, store, export


def write(path: Path, content: bytes | str) -> None:
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)


def assert_refused(proc, fragment: str, name: str) -> None:
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 1, proc.stderr
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("kg: error: ") and name in lines[0] and fragment in lines[0], lines[0]
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_file_is_refused_in_one_line_and_the_store_is_untouched(stocked, case):
    corpus, store, _ = stocked
    content, fragment = HOSTILE[case]
    bad = corpus / f"{case}.md"
    write(bad, content)
    before = tree_digest(store)
    started = time.monotonic()
    try:
        proc = run_kg("ingest", str(corpus), store=store, check=False)
    finally:
        bad.unlink()
    assert_refused(proc, fragment, f"{case}.md")
    assert time.monotonic() - started < 120, "refusing a file must not run the NLP pipeline"
    assert tree_digest(store) == before


def test_file_name_that_is_not_utf8(stocked):
    corpus, store, _ = stocked
    bad = os.path.join(os.fsencode(corpus), b"\xff\xfe-name.md")
    with open(bad, "wb") as f:
        f.write("正文。\n".encode("utf-8"))
    before = tree_digest(store)
    try:
        proc = run_kg("ingest", str(corpus), store=store, check=False)
    finally:
        os.unlink(bad)
    assert_refused(proc, "file name is not valid UTF-8", "\\xff\\xfe-name.md")
    assert tree_digest(store) == before


def test_every_unfit_file_is_counted_and_nothing_is_ingested(stocked):
    corpus, store, export = stocked
    for name in ("b1.md", "b2.md", "b3.md"):
        write(corpus / name, "---\nx: !!set {a}\n---\n正文。\n")
    write(corpus / "new-good.md", "曜芯科技發布S9晶片。\n")
    try:
        proc = run_kg("ingest", str(corpus), store=store, check=False)
    finally:
        for name in ("b1.md", "b2.md", "b3.md", "new-good.md"):
            (corpus / name).unlink()
    assert_refused(proc, "and 2 more unfit files; nothing was ingested", "b1.md")
    assert run_kg("export", "--format", "nquads", store=store).stdout == export


def test_unknown_encoding_option_is_a_usage_error(stocked):
    corpus, store, _ = stocked
    proc = run_kg("ingest", "--encoding", "klingon-8", str(corpus), store=store, check=False)
    assert proc.returncode == 2 and "unknown encoding 'klingon-8'" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_failed_first_run_leaves_no_store(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write(corpus / "bad.md", "---\npublished: 2025-13-45\n---\n正文。\n")
    for store in (tmp_path / "new-store", tmp_path / "empty-store"):
        if store.name == "empty-store":
            store.mkdir()
        proc = run_kg("ingest", str(corpus), store=store, check=False)
        assert_refused(proc, "not a valid date", "bad.md")
        assert not store.exists() or not any(store.iterdir())


def test_a_fifo_in_the_corpus_is_not_read(stocked):
    corpus, store, _ = stocked
    fifo = corpus / "pipe.md"
    os.mkfifo(fifo)
    try:
        proc = run_kg("ingest", "--dry-run", str(corpus), store=store, check=False)
    finally:
        fifo.unlink()
    assert proc.returncode == 0, proc.stderr
    assert "0 added" in proc.stderr


def copy_corpus(stocked, tmp_path) -> Path:
    corpus = tmp_path / "corpus"
    shutil.copytree(stocked[0], corpus)
    return corpus


# ---------------------------------------------------------------- property-based fuzzing

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from kg.corpus.reader import parse_article  # noqa: E402
from kg.errors import CorpusError  # noqa: E402

YAML_BITS = st.sampled_from(["&a", "*a", "!!binary", "!!set", "!!python/name:os.system", "[", "]", "{", "}",
                             ": ", "- ", "\n", "  ", "? ", "'", '"', "2025-13-45", "2025-02-30 25:61:61",
                             "9" * 50, "~", "null", "yes", "---", "...", "#", "%YAML 1.1", "<<: *a", "|", ">",
                             "published", "title", "authors", "encoding", "big5", "標題"])
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def parse_or_refuse(raw: bytes) -> None:
    """The property: an article, or a CorpusError with a one-line message; never another exception."""
    try:
        art = parse_article(raw, "fuzz.md")
    except CorpusError as e:
        assert "\n" not in str(e) and str(e).startswith("fuzz.md: ")
        return
    assert art.text.strip()


@FUZZ
@given(st.lists(YAML_BITS | st.text(max_size=8), max_size=40), st.text(max_size=200))
def test_fuzzed_front_matter_is_read_or_refused_in_one_line(bits, body):
    parse_or_refuse(("---\n" + "".join(bits) + "\n---\n" + body).encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.binary(max_size=400))
def test_fuzzed_bytes_are_read_or_refused_in_one_line(raw):
    parse_or_refuse(raw)


# article text through the real pipeline and extraction: any text gives facts or a one-line
# error, never another exception; names, punctuation and odd characters mixed at random
TEXT_BITS = st.sampled_from(["星河科技", "東岳半導體", "英偉達", "NVIDIA", "H200", "晶片", "發表", "宣布", "收購", "投資",
                             "億美元", "2025年", "3月", "第四季", "今年", "，", "。", "、", "！", "？", "；", "「", "」",
                             "（", "）", "\n", " ", "\t", "%", "nm", "TB/s", "以下簡稱", "副總裁", "執行長", "表示",
                             "\u200b", "\ufeff", "\u3000", "𠀀", "🙂", "\x00", "<script>", "${x}", "\\", '"'])
TEXT_FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                           HealthCheck.function_scoped_fixture])


@TEXT_FUZZ
@given(st.lists(TEXT_BITS | st.text(max_size=6), min_size=1, max_size=60))
def test_fuzzed_article_text_is_extracted_without_error(nlp, bits):
    from kg.extraction.extract import extract
    raw = ("---\ntitle: 測試\npublished: 2025-03-04\n---\n" + "".join(bits)).encode("utf-8", "surrogatepass")
    try:
        art = parse_article(raw, "fuzz.md")
    except CorpusError as e:
        assert "\n" not in str(e)
        return
    doc = nlp.make_doc(art.text)
    doc.user_data["published"] = art.published
    facts = extract(nlp(doc), art)
    assert facts is not None
