"""The writing side of `kg ingest`: batches, checked files read again, workers that cannot start.

Through the Python API (`kg.ingest.ingest` on a real store, one process) and the `kg`
command. The corpus is our own sentences, several articles sharing entities, so a later
batch bulk-loads graphs into a store that holds some already and extends the entities
graph that an earlier batch began.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import kg.ingest
from conftest import run_kg
from kg.errors import KgError

SENTENCES = [
    "英偉達發布H200芯片，顯存帶寬4.8TB/s。",
    "華為發布昇騰910C芯片，顯存帶寬3200GB/s。",
    "星瀾科技公司發布了XQ-7100芯片，算力為900TFLOPS。",
    "寒武纪发布思元590芯片，显存带宽2.4TB/s。",
    "辰矽半导体公司宣布完成B轮融资，金额为5亿元人民币。",
]


def _corpus(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        text = "\n".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(2))
        (folder / f"art{i}.md").write_text(text + "\n", encoding="utf-8")
    return folder


def _ingest_and_dump(corpus: Path, location: Path, **options) -> tuple[str, list[str]]:
    """Ingest in this process, then the export of every article and the entities graph."""
    from kg.export import export
    from kg.rdf.namespaces import ENTITIES_GRAPH
    from kg.store import open_store
    with open_store(location, write=True) as store:
        kg.ingest.ingest([corpus], store, workers=1, **options)
        entities = sorted(str(q) for q in store.quads(str(ENTITIES_GRAPH)))
        return export(store, fmt="nquads"), entities


def test_batches_of_two_articles_write_what_one_batch_writes(tmp_path, monkeypatch):
    corpus = _corpus(tmp_path / "corpus", 5)
    one_batch = _ingest_and_dump(corpus, tmp_path / "one")
    monkeypatch.setattr(kg.ingest, "BATCH_ARTICLES", 2)
    three_batches = _ingest_and_dump(corpus, tmp_path / "three")
    assert three_batches[0].count("\n") > 100 and len(three_batches[1]) > 5
    assert three_batches == one_batch


def test_a_file_changed_after_its_check_stops_the_run_with_nothing_written(tmp_path):
    from kg.corpus.reader import check_batch
    from kg.store import open_store
    corpus = _corpus(tmp_path / "corpus", 2)
    checked = check_batch([corpus])
    (corpus / "art0.md").write_text("曜芯科技發布S9晶片。\n", encoding="utf-8")
    with open_store(tmp_path / "store", write=True) as store:
        with pytest.raises(KgError, match="art0.md: the file changed while being ingested"):
            kg.ingest.ingest([corpus], store, checked=checked, workers=1)
        assert store.graphs() == []


def test_a_pipeline_workers_cannot_build_is_one_line_and_no_store(tmp_path):
    corpus = _corpus(tmp_path / "corpus", 8)
    config = tmp_path / "broken.cfg"
    config.write_text("[nlp]\nlang = \"zh\"\npipeline = [\"no_such_component\"]\n", encoding="utf-8")
    store = tmp_path / "store"
    proc = run_kg("--pipeline-config", str(config), "ingest", "--workers", "2", str(corpus), store=store, check=False)
    assert proc.returncode == 1
    assert proc.stderr.startswith("kg: error:") and "pipeline" in proc.stderr, proc.stderr
    assert len(proc.stderr.splitlines()) == 1
    assert not store.exists()


def test_a_first_ingest_that_fails_after_batches_were_written_leaves_the_store_empty(tmp_path, monkeypatch):
    """Into an empty store batches are written while extraction goes on; an article that then
    fails empties the store again: nothing of the run stays, as when nothing had been written."""
    from kg.corpus.reader import check_batch
    from kg.store import open_store
    corpus = _corpus(tmp_path / "corpus", 20)   # the last group of articles is read after two were written
    checked = check_batch([corpus])
    (corpus / "art19.md").write_text("曜芯科技發布S9晶片。\n", encoding="utf-8")
    monkeypatch.setattr(kg.ingest, "BATCH_ARTICLES", 1)
    seen: list[int] = []
    with open_store(tmp_path / "store", write=True) as store:
        def progress(done: int, total: int, key: str) -> None:
            seen.append(sum(g.startswith("https://w3id.org/aichip-kg/graph/article/") for g in store.graphs()))

        with pytest.raises(KgError, match="art19.md: the file changed while being ingested"):
            kg.ingest.ingest([corpus], store, checked=checked, workers=1, progress=progress)
        assert max(seen) > 0   # articles were in the store before the failure
        assert store.graphs() == [] and store.is_empty()
