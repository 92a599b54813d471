"""Extraction on several processes and on a Dask cluster writes exactly what one process writes.

The corpus is our own sentences (several articles, both scripts, shared and discovered
entities), so chunks land on different workers and the entities graph is built from
records that arrive from different processes.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_kg

ENTITIES = "SELECT ?e ?p ?o WHERE { GRAPH <https://w3id.org/aichip-kg/graph/entities> { ?e ?p ?o } } ORDER BY ?e ?p ?o"
SENTENCES = [
    "英偉達發布H200芯片，FP16算力733TFLOPS，顯存帶寬4.8TB/s。",
    "華為發布昇騰910C芯片，顯存帶寬3200GB/s。",
    "12月9日，美國政府宣布允許英偉達向中國出口H200芯片。",
    "星瀾科技公司發布了XQ-7100芯片，算力為900TFLOPS。",
    "台積電董事長魏哲家表示，先進封裝產能將擴大一倍。",
    "寒武纪发布思元590芯片，显存带宽2.4TB/s。",
    "据路透社报道，英伟达计划向中国出口H20芯片。",
    "辰矽半导体公司宣布完成B轮融资，金额为5亿元人民币。",
]


def _corpus(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        picked = [SENTENCES[(i + k) % len(SENTENCES)] for k in range(3)]
        (folder / f"art{i:02d}.md").write_text("\n".join(picked) + "\n", encoding="utf-8")
    return folder


def _dump(store: Path) -> tuple[str, str]:
    """The export (every article graph) and the entities graph, as bytes to compare."""
    return (run_kg("export", "--format", "nquads", store=store).stdout,
            run_kg("query", ENTITIES, "--format", "csv", store=store).stdout)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return _corpus(tmp_path_factory.mktemp("parallel") / "corpus", 12)


@pytest.fixture(scope="module")
def one_process(corpus, tmp_path_factory) -> tuple[str, str]:
    store = tmp_path_factory.mktemp("one") / "store"
    run_kg("ingest", "--workers", "1", str(corpus), store=store)
    return _dump(store)


def test_two_workers_write_the_same_bytes_as_one(corpus, one_process, tmp_path):
    store = tmp_path / "store"
    run_kg("ingest", "--workers", "2", str(corpus), store=store)
    export, entities = _dump(store)
    assert export.count("\n") > 500 and entities.count("\n") > 2
    assert (export, entities) == one_process


def test_a_changed_and_a_removed_article_keep_the_entities_graph_in_step(corpus, tmp_path):
    """Incremental runs on two workers end where a fresh single-process run of the same files ends."""
    work = tmp_path / "corpus"
    work.mkdir()
    for f in corpus.iterdir():
        (work / f.name).write_bytes(f.read_bytes())
    store = tmp_path / "store"
    run_kg("ingest", "--workers", "2", str(work), store=store)
    (work / "art03.md").write_text("超微的MI300X芯片顯存帶寬5300GB/s。\n", encoding="utf-8")
    for name in ("art00.md", "art08.md"):
        (work / name).unlink()
    out = run_kg("ingest", "--workers", "2", str(work), store=store).stderr
    assert "1 changed" in out and "2 removed" in out
    fresh = tmp_path / "fresh"
    run_kg("ingest", "--workers", "1", str(work), store=fresh)
    assert _dump(store) == _dump(fresh)


def test_articles_added_by_a_later_run_extend_the_entities_graph_as_one_run_does(corpus, tmp_path):
    """Entities that only gain mentions are extended, not described again: the end is the same."""
    work = tmp_path / "corpus"
    work.mkdir()
    files = sorted(corpus.iterdir())
    for f in files[:5]:
        (work / f.name).write_bytes(f.read_bytes())
    store = tmp_path / "store"
    run_kg("ingest", "--workers", "1", str(work), store=store)
    for f in files[5:]:
        (work / f.name).write_bytes(f.read_bytes())
    assert f"{len(files) - 5} added" in run_kg("ingest", "--workers", "1", str(work), store=store).stderr
    fresh = tmp_path / "fresh"
    run_kg("ingest", "--workers", "1", str(work), store=fresh)
    assert _dump(store) == _dump(fresh)


def test_a_dask_cluster_writes_the_same_bytes_as_one_process(corpus, one_process, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        store = tmp_path / "store"
        run_kg("ingest", "--dask-scheduler", cluster.scheduler_address, str(corpus), store=store)
    assert _dump(store) == one_process


def test_an_unreachable_scheduler_is_a_one_line_error_and_the_store_is_untouched(corpus, tmp_path):
    from test_remote_store import free_port
    store = tmp_path / "store"
    proc = run_kg("ingest", "--dask-scheduler", f"tcp://127.0.0.1:{free_port()}", str(corpus), store=store,
                  check=False)
    assert proc.returncode == 1
    assert proc.stderr.startswith("kg: error:") and "scheduler" in proc.stderr and len(proc.stderr.splitlines()) == 1
    assert not store.exists()   # nothing written, and a failed first run leaves no empty store behind
