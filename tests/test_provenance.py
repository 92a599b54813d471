"""Every fact traceable to its sentence; validation; faults leave the store consistent."""
from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

from rdflib import Graph, URIRef

from conftest import CORPUS_ARTICLE, ROOT, kg_executable, run_kg

KGO = "https://w3id.org/aichip-kg/ontology#"
OA = "http://www.w3.org/ns/oa#"


def article_body(path: Path) -> str:
    from kg.corpus import read_article
    return read_article(path).text


def test_every_fact_has_evidence_that_points_into_the_text(corpus_store):
    g = Graph().parse(data=run_kg("export", "--doc", CORPUS_ARTICLE, "--format", "turtle", store=corpus_store).stdout,
                      format="turtle")
    text = article_body(ROOT / CORPUS_ARTICLE)
    facts = set(g.subjects(URIRef(KGO + "statedIn"), None)) | set(
        g.subjects(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                   URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement")))
    assert len(facts) > 50
    for fact in facts:
        evidence = list(g.objects(fact, URIRef(KGO + "evidence")))
        assert evidence, fact
        for ev in evidence:
            start = int(g.value(ev, URIRef(KGO + "start")))
            end = int(g.value(ev, URIRef(KGO + "end")))
            assert str(g.value(ev, URIRef(OA + "exact"))) == text[start:end]
            assert text[start:end].strip() and text[start:end] in str(g.value(ev, URIRef(KGO + "sentence"))) + text
            assert 0 <= float(g.value(ev, URIRef(KGO + "confidence"))) <= 1
            assert str(g.value(ev, URIRef(KGO + "rule")))


def test_explain_finds_an_entity_by_any_alias(corpus_store):
    outs = [run_kg("explain", name, store=corpus_store).stdout for name in ("輝達", "英伟达", "NVIDIA")]
    assert outs[0] == outs[1] == outs[2]
    assert "H200" in outs[0] and "「" in outs[0] and CORPUS_ARTICLE in outs[0]
    proc = run_kg("explain", "不存在的公司", store=corpus_store, check=False)
    assert proc.returncode == 1 and "no entity named" in proc.stderr


def test_validate_passes_on_the_corpus_and_reports_a_broken_fact(corpus_store, tmp_path):
    assert run_kg("validate", store=corpus_store).returncode == 0
    import shutil
    broken = tmp_path / "broken"
    shutil.copytree(corpus_store, broken)
    from kg.store import open_store
    graph = "https://w3id.org/aichip-kg/graph/article/" + CORPUS_ARTICLE
    with open_store(broken, write=True) as store:
        store.db.update(f"""INSERT DATA {{ GRAPH <{graph}> {{
            <https://w3id.org/aichip-kg/id/statement/broken> a <{KGO}Measurement> ;
                <{KGO}value> "many" ; <{KGO}subject> <https://w3id.org/aichip-kg/id/nvidia> }} }}""")
    proc = run_kg("validate", store=broken, check=False)
    assert proc.returncode == 1
    assert "statement/broken" in proc.stdout and "evidence" in proc.stdout
    assert "violation" in proc.stderr


def test_dry_run_prints_the_diff_and_writes_nothing(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.md").write_text("華為發布昇騰910C芯片。\n", encoding="utf-8")
    store = tmp_path / "s"
    run_kg("ingest", str(corpus), store=store)
    (corpus / "b.md").write_text("英偉達發布H20芯片。\n", encoding="utf-8")
    (corpus / "a.md").write_text("華為發布昇騰910B芯片。\n", encoding="utf-8")
    before = run_kg("export", "--format", "nquads", store=store).stdout
    proc = run_kg("ingest", "--dry-run", str(corpus), store=store)
    assert f"add\t{corpus}/b.md" in proc.stdout and f"change\t{corpus}/a.md" in proc.stdout
    assert "would ingest: 1 added, 1 changed" in proc.stderr and "triples +" in proc.stderr
    assert run_kg("export", "--format", "nquads", store=store).stdout == before


SENTENCES = ["{co}於{m}月{d}日發布{chip}加速卡，FP16算力{n}TFLOPS，顯存容量{g}GB。",
             "據路透社報道，{co}預計將在{m}月向中東客戶出貨{chip}。",
             "英偉達執行長黃仁勳{m}月{d}日表示，{co}的{chip}性能是H20的{k}倍。"]


def make_corpus(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        co, chip = f"星河{i}科技", f"XG{100 + i}"
        text = "".join(s.format(co=co, chip=chip, m=1 + i % 12, d=1 + i % 28, n=100 + i, g=16 + i % 64,
                                k=2 + i % 5) for s in SENTENCES) * 6
        (folder / f"art{i:03d}.md").write_text(f"---\npublished: 2025-0{1 + i % 9}-15\n---\n{text}\n",
                                               encoding="utf-8")


def per_article(store: Path, keys: list[str]) -> dict[str, str]:
    out = {}
    present = run_kg("query", "SELECT ?p WHERE { ?a kgo:sourcePath ?p }", "--format", "csv", store=store).stdout
    for key in present.split()[1:]:
        out[key] = run_kg("export", "--doc", key, "--format", "nquads", store=store).stdout
    return out


def _children(pid: int) -> list[int]:
    """The processes pid started (Linux /proc; empty elsewhere)."""
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    """Whether pid runs (a zombie waiting for its reaper does not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def test_a_killed_ingest_leaves_every_article_whole_or_absent(tmp_path):
    corpus = tmp_path / "c"
    make_corpus(corpus, 80)
    clean = tmp_path / "clean"
    run_kg("ingest", str(corpus), store=clean, cwd=tmp_path)
    expected = run_kg("export", "--format", "nquads", store=clean).stdout
    store = tmp_path / "killed"
    env = {**os.environ, "KG_ONTOLOGY": str(ROOT / "ontology")}
    for delay in (2.5, 4.0):
        proc = subprocess.Popen([kg_executable(), "--store", str(store), "ingest", str(corpus)], cwd=tmp_path, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        children = _children(proc.pid)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        deadline = time.time() + 10  # its workers end with it, not linger holding a pipeline each
        while any(_alive(pid) for pid in children) and time.time() < deadline:
            time.sleep(0.1)
        assert not [pid for pid in children if _alive(pid)], "workers outlived a killed ingest"
        if not (store / "oxigraph").exists():
            continue
        got = per_article(store, [])
        for key, nq in got.items():
            assert nq == run_kg("export", "--doc", key, "--format", "nquads", store=clean).stdout, key
    run_kg("ingest", str(corpus), store=store, cwd=tmp_path)
    assert run_kg("export", "--format", "nquads", store=store).stdout == expected
    assert run_kg("validate", store=store).returncode == 0
