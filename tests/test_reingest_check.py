"""An unchanged re-ingest does not parse again the files the store holds as they are (issue 11).

`kg ingest` checks every file before it writes; a file whose bytes are those of the article the
store holds, made by the current extractor, was checked when it went in and will not be
extracted, so only its hash is compared. A file that changed is checked in full, as before.
"""
from __future__ import annotations

import hashlib

import pytest

from kg.corpus.reader import check_batch
from kg.errors import CorpusError

from conftest import run_kg

HOSTILE = "---\ntitle: &a [*a]\n---\n正文。\n"


def test_a_file_claimed_current_is_hashed_not_parsed(tmp_path):
    f = tmp_path / "c" / "a.md"
    f.parent.mkdir()
    f.write_text(HOSTILE, encoding="utf-8")
    with pytest.raises(CorpusError, match="alias|anchor"):
        check_batch([f.parent])
    key = str(f)
    sha = hashlib.sha256(f.read_bytes()).hexdigest()
    checked = check_batch([f.parent], current={key: sha})
    assert checked[key].sha256 == sha
    with pytest.raises(CorpusError, match="alias|anchor"):   # other bytes than the store's: checked in full
        check_batch([f.parent], current={key: "0" * 64})


def test_unchanged_files_are_unchanged_and_a_changed_bad_file_is_still_refused(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.md").write_text("---\ntitle: 甲\npublished: 2025-03-01\n---\n英偉達發布H200芯片。\n", encoding="utf-8")
    (corpus / "b.md").write_text("台積電在新竹量產2奈米製程。\n", encoding="utf-8")
    store = tmp_path / "store"
    run_kg("ingest", str(corpus), store=store)
    before = run_kg("export", "--format", "nquads", store=store).stdout
    again = run_kg("ingest", str(corpus), store=store)
    assert "0 added, 0 changed, 2 unchanged, 0 removed" in again.stderr
    (corpus / "b.md").write_text(HOSTILE, encoding="utf-8")
    proc = run_kg("ingest", str(corpus), store=store, check=False)
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 1 and len(lines) == 1 and "b.md" in lines[0]
    assert run_kg("export", "--format", "nquads", store=store).stdout == before
