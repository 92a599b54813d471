"""The statistics graph recounted incrementally (kg/store/statistics.py), through `kg ingest`.

After an ingest that adds, one that changes and one that prunes an article, the counts the
store holds must equal a full recount of the same store; entities no changed article names
are not recounted; and a run killed after its writes leaves the next run to recount what it
touched.
"""
from __future__ import annotations

from conftest import run_kg

STATISTICS = "https://w3id.org/aichip-kg/graph/statistics"
COUNT = "https://w3id.org/aichip-kg/ontology#articleCount"
SMIC = "https://w3id.org/aichip-kg/id/smic"

FIRST = """---
title: 英偉達與華為
published: 2025-11-02
---
英偉達發布H200芯片。華為發布昇騰910C芯片。
"""
SECOND = """---
title: 英偉達擴產
published: 2025-12-01
---
英偉達表示將擴大H200芯片的產能。
"""
SECOND_CHANGED = """---
title: 華為擴產
published: 2025-12-01
---
華為表示將擴大昇騰910C芯片的產能。寒武紀發布思元590芯片。
"""
ADDED = """---
title: 寒武紀
published: 2025-12-03
---
寒武紀與英偉達在北京發布新芯片。
"""
UNTOUCHED = """---
title: 中芯國際
published: 2025-10-01
---
中芯國際在上海擴產。
"""


def counts(store) -> set[tuple[str, str, str]]:
    from kg.store import open_store
    with open_store(store) as db:
        rows = db.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{STATISTICS}> {{ ?s ?p ?o }} }}")
        return {(r["s"].value, r["p"].value, r["o"].value) for r in rows}


def full_recount(store) -> set[tuple[str, str, str]]:
    from kg.store import open_store
    from kg.store.statistics import refresh
    with open_store(store, write=True) as db:
        assert refresh(db, force=True)
    return counts(store)


def set_count(store, entity: str, n: int) -> None:
    from kg.store import open_store
    with open_store(store, write=True) as db:
        db.db.update(f"DELETE WHERE {{ GRAPH <{STATISTICS}> {{ <{entity}> <{COUNT}> ?n }} }} ;"
                     f"INSERT DATA {{ GRAPH <{STATISTICS}> {{ <{entity}> <{COUNT}> {n} }} }}")


def test_incremental_counts_equal_a_full_recount_after_add_change_and_prune(tmp_path):
    corpus, store = tmp_path / "corpus", tmp_path / "store"
    corpus.mkdir()
    for name, text in (("a.md", FIRST), ("b.md", SECOND), ("z.md", UNTOUCHED)):
        (corpus / name).write_text(text, encoding="utf-8")
    run_kg("ingest", str(corpus), store=store)
    initial = counts(store)
    assert (SMIC, COUNT, "1") in initial and initial == full_recount(store)

    steps = [("add", lambda: (corpus / "c.md").write_text(ADDED, encoding="utf-8")),
             ("change", lambda: (corpus / "b.md").write_text(SECOND_CHANGED, encoding="utf-8")),
             ("remove", lambda: (corpus / "a.md").unlink())]
    for label, edit in steps:
        # a wrong count where no article changes: a recount of everything would mend it
        set_count(store, SMIC, 99)
        edit()
        out = run_kg("ingest", str(corpus), store=store).stderr
        assert f"1 {label}" in out.replace("added", "add").replace("changed", "change").replace("removed", "remove")
        incremental = counts(store)
        assert (SMIC, COUNT, "99") in incremental   # only what the changed article named was recounted
        full = full_recount(store)
        assert (SMIC, COUNT, "1") in full
        assert incremental - {(SMIC, COUNT, "99")} == full - {(SMIC, COUNT, "1")}, label
    ontology = "https://w3id.org/aichip-kg/ontology#"
    final = {(s.rsplit("/", 1)[1], o) for s, p, o in full if p == COUNT and "/id/" in s}
    assert {("nvidia", "1"), ("huawei", "1"), ("cambricon", "2"), ("smic", "1")} <= final
    assert (f"{ontology}Company", COUNT, "3") in full   # b.md, c.md and z.md


def test_a_run_killed_after_its_writes_is_recounted_by_the_next(tmp_path):
    """The marks of what to recount are written with the article graphs, in one transaction."""
    from kg.ingest import ingest
    from kg.store import open_store
    from kg.store import statistics

    corpus, store = tmp_path / "corpus", tmp_path / "store"
    corpus.mkdir()
    (corpus / "a.md").write_text(FIRST, encoding="utf-8")
    (corpus / "z.md").write_text(UNTOUCHED, encoding="utf-8")
    run_kg("ingest", str(corpus), store=store)
    (corpus / "a.md").write_text(SECOND_CHANGED, encoding="utf-8")
    refresh = statistics.refresh
    statistics_refresh = []
    try:   # the run dies where it would recount
        import kg.ingest as ingest_module
        ingest_module.refresh_statistics = lambda db: statistics_refresh.append(db)
        with open_store(store, write=True) as db:
            report = ingest([corpus], db)
    finally:
        ingest_module.refresh_statistics = refresh
    assert report.changed and statistics_refresh
    with open_store(store) as db:
        assert not statistics.is_current(db)
    set_count(store, SMIC, 99)
    out = run_kg("ingest", str(corpus), store=store).stderr
    assert "0 added, 0 changed" in out
    incremental = counts(store)
    assert (SMIC, COUNT, "99") in incremental
    full = full_recount(store)
    assert incremental - {(SMIC, COUNT, "99")} == full - {(SMIC, COUNT, "1")}
