"""The statistics graph (kg/store/statistics.py) and paged saved queries, through the `kg` command.

Two articles of our own are ingested, then one is changed and the other pruned in one
re-ingest: after each run the stored counts must equal a recount from the article graphs,
and the saved queries that read them must say so. The counts are recounted incrementally:
only what a changed article names, yet equal to a full recount.
"""
from __future__ import annotations

import csv
import io

import pytest

from conftest import run_kg

NVIDIA_AND_HUAWEI = """---
title: 英偉達與華為
published: 2025-11-02
---
英偉達發布H200芯片。華為發布昇騰910C芯片。
"""
NVIDIA_ONLY = """---
title: 英偉達擴產
published: 2025-12-01
---
英偉達表示將擴大H200芯片的產能。
"""
HUAWEI_ONLY = """---
title: 華為擴產
published: 2025-12-01
---
華為表示將擴大昇騰910C芯片的產能。
"""

# every entity whose stored article count differs from a recount of the article graphs
MISMATCHES = """
SELECT ?e ?stored ?counted WHERE {
  { SELECT ?e (COUNT(DISTINCT ?a) AS ?counted) WHERE { GRAPH ?g { ?a schema:mentions ?e } } GROUP BY ?e }
  OPTIONAL { GRAPH <https://w3id.org/aichip-kg/graph/statistics> { ?e kgo:articleCount ?stored } }
  FILTER(!BOUND(?stored) || ?stored != ?counted)
}"""
UNCOUNTED = """
SELECT ?e WHERE {
  GRAPH <https://w3id.org/aichip-kg/graph/statistics> { ?e kgo:articleCount ?n }
  FILTER(STRSTARTS(STR(?e), "https://w3id.org/aichip-kg/id/"))
  FILTER NOT EXISTS { GRAPH ?g { ?a schema:mentions ?e } }
}"""


def query(store, *args: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(run_kg("query", *args, "--format", "csv", store=store).stdout)))


def articles_of(store, entity: str) -> int:
    rows = query(store, "wikidata-links", "--param", f"entity={entity}")
    return int(rows[0]["articles"]) if rows else 0


def assert_exact(store) -> None:
    assert query(store, MISMATCHES) == []
    assert query(store, UNCOUNTED) == []


def test_counts_stay_exact_after_a_change_and_a_prune(tmp_path):
    corpus, store = tmp_path / "corpus", tmp_path / "store"
    corpus.mkdir()
    (corpus / "a.md").write_text(NVIDIA_AND_HUAWEI, encoding="utf-8")
    (corpus / "b.md").write_text(NVIDIA_ONLY, encoding="utf-8")
    run_kg("ingest", str(corpus), store=store)
    assert_exact(store)
    assert (articles_of(store, "id:nvidia"), articles_of(store, "id:huawei")) == (2, 1)
    by_type = {r["type"].rsplit("#", 1)[1]: r for r in query(store, "entity-counts-by-type")}
    assert by_type["Company"]["articles"] == "2"

    # pages: newest first, a page at a time, together every article once
    first = query(store, "articles-mentioning", "--param", "entity=英伟达", "--param", "limit=1")
    second = query(store, "articles-mentioning", "--param", "entity=英伟达", "--param", "limit=1",
                   "--param", "offset=1")
    assert [r["title"] for r in first + second] == ["英偉達擴產", "英偉達與華為"]
    bad = run_kg("query", "articles-mentioning", "--param", "entity=id:nvidia", "--param", "limit=0",
                 store=store, check=False)
    assert bad.returncode != 0 and "limit" in bad.stderr and "1 or more" in bad.stderr

    # the viewer draws a store larger than its overview from the most recent articles only
    from kg.store import open_store
    from kg.view.corpus import overview_graphs
    from kg.view.model import build_graph
    with open_store(store) as db:
        assert overview_graphs(db, n=5) == (None, 2)
        graphs, total = overview_graphs(db, n=1)
        assert total == 2 and len(graphs) == 1 and graphs[0].endswith("b.md")
        drawn = {n.rsplit("/", 1)[1] for n, d in build_graph(db, graphs=graphs).nodes(data=True)
                 if d["kind"] == "entity"}
        assert "nvidia" in drawn and "huawei" not in drawn   # huawei is named in a.md only

    # b.md no longer names NVIDIA but Huawei; a.md is gone (pruned)
    (corpus / "a.md").unlink()
    (corpus / "b.md").write_text(HUAWEI_ONLY, encoding="utf-8")
    out = run_kg("ingest", str(corpus), store=store).stderr
    assert "1 changed" in out and "1 removed" in out
    assert_exact(store)
    assert (articles_of(store, "id:nvidia"), articles_of(store, "id:huawei")) == (0, 1)
    alias = query(store, "entity-by-alias", "--param", "name=华为")
    assert [(r["entity"].rsplit("/", 1)[1], r["articles"]) for r in alias] == [("huawei", "1")]


def test_a_write_marks_the_counts_stale_until_the_next_ingest_recounts(tmp_path):
    """A run killed between its writes and its recount leaves the mark; the next run recounts."""
    from kg.store import open_store
    from kg.store.statistics import is_current, refresh
    with open_store(tmp_path / "store", write=True) as store:
        assert not is_current(store)          # no statistics graph yet
        assert refresh(store) and is_current(store)
        store.write_graphs({"https://w3id.org/aichip-kg/graph/article/x.md": [
            "<https://w3id.org/aichip-kg/id/article/x.md> <https://schema.org/mentions> "
            "<https://w3id.org/aichip-kg/id/nvidia> ."]})
        assert not is_current(store)
        assert refresh(store) and is_current(store) and not refresh(store)
        rows = store.query("SELECT ?n WHERE { GRAPH <https://w3id.org/aichip-kg/graph/statistics> { "
                           "<https://w3id.org/aichip-kg/id/nvidia> <https://w3id.org/aichip-kg/ontology#articleCount> ?n } }")
        assert [r["n"].value for r in rows] == ["1"]


@pytest.mark.parametrize("value,message", [("0", "1 or more"), ("ten", "whole number")])
def test_a_page_size_must_be_a_whole_number(value, message):
    from kg.errors import QueryError
    from kg.query.saved import bind, load_saved
    with pytest.raises(QueryError, match=message):
        bind(load_saved("discovered-entities"), {"limit": [value]})
    text = bind(load_saved("discovered-entities"), {"limit": ["7"], "offset": ["14"]})
    assert "LIMIT 7" in text and "OFFSET 14" in text and "LIMIT 100" not in text


# -- incremental recounts: after an add, a change and a prune the counts equal a full recount;
# entities no changed article names are not recounted; a run killed after its writes leaves the
# next run to recount what it touched

STATISTICS = "https://w3id.org/aichip-kg/graph/statistics"
COUNT = "https://w3id.org/aichip-kg/ontology#articleCount"
SMIC = "https://w3id.org/aichip-kg/id/smic"

HUAWEI_AND_CAMBRICON = """---
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
    for name, text in (("a.md", NVIDIA_AND_HUAWEI), ("b.md", NVIDIA_ONLY), ("z.md", UNTOUCHED)):
        (corpus / name).write_text(text, encoding="utf-8")
    run_kg("ingest", str(corpus), store=store)
    initial = counts(store)
    assert (SMIC, COUNT, "1") in initial and initial == full_recount(store)

    steps = [("add", lambda: (corpus / "c.md").write_text(ADDED, encoding="utf-8")),
             ("change", lambda: (corpus / "b.md").write_text(HUAWEI_AND_CAMBRICON, encoding="utf-8")),
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
    (corpus / "a.md").write_text(NVIDIA_AND_HUAWEI, encoding="utf-8")
    (corpus / "z.md").write_text(UNTOUCHED, encoding="utf-8")
    run_kg("ingest", str(corpus), store=store)
    (corpus / "a.md").write_text(HUAWEI_AND_CAMBRICON, encoding="utf-8")
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


# -- co-mentions: the rows kept per pair of entities named in one sentence, exact after each write

H200_FIRST = """---
title: 英偉達H200
published: 2025-11-0{n}
---
英偉達的H200芯片第{n}次出貨，顯存帶寬4.8TB/s。華為發布昇騰910C芯片。
"""
CO_MENTION = "https://w3id.org/aichip-kg/ontology#coMentionOf"


def co_mentioned(store, entity: str) -> list[tuple[str, str, str]]:
    return [(r["other"].rsplit("/", 1)[1], r["sentences"], r["example"])
            for r in query(store, "co-mentioned", "--param", f"entity={entity}")]


def relation(store, entity: str, prop: str) -> tuple[str, str] | None:
    """The other entity and the articles count of the entity's outgoing relation prop (entity-relations)."""
    rows = [r for r in query(store, "entity-relations", "--param", f"entity={entity}")
            if r["direction"] == "outgoing" and r["property"].endswith("#" + prop)]
    return (rows[0]["other"].rsplit("/", 1)[1], rows[0]["articles"]) if rows else None


def example_file(store, entity: str, other: str) -> str:
    """The file whose article holds the example sentence of entity and other."""
    rows = query(store, f"""SELECT ?path WHERE {{
      GRAPH <{STATISTICS}> {{ ?row kgo:coMentionOf "{ID}{entity}" ; kgo:coMentioned "{ID}{other}" ;
                                   kgo:exampleSentence ?sentence }}
      GRAPH ?g {{ ?sentence kgo:sentence ?text . ?article kgo:sourcePath ?path }} }}""")
    return rows[0]["path"].rsplit("/", 1)[1]


ID = "https://w3id.org/aichip-kg/id/"


def test_co_mention_rows_equal_a_full_recount_when_the_example_leaves(tmp_path):
    """The example is the first sentence by IRI; when its article changes or goes, the pair's
    other sentences are looked up, and the rows are those a full recount gives."""
    corpus, store = tmp_path / "corpus", tmp_path / "store"
    corpus.mkdir()
    for n in (1, 2, 3):
        (corpus / f"h{n}.md").write_text(H200_FIRST.format(n=n), encoding="utf-8")
    run_kg("ingest", str(corpus), store=store)
    rows = co_mentioned(store, "H200")
    assert [(other, n) for other, n, _ in rows] == [("nvidia", "3")]
    assert rows[0][2].startswith("英偉達的H200芯片第")
    assert relation(store, "H200", "developer") == ("nvidia", "3")
    assert counts(store) == full_recount(store)

    # the article holding the example no longer names H200; then another is pruned
    holder = example_file(store, "nvidia", "nvidia-h200")
    (corpus / holder).write_text(HUAWEI_ONLY, encoding="utf-8")
    run_kg("ingest", str(corpus), store=store)
    assert [(other, n) for other, n, _ in co_mentioned(store, "H200")] == [("nvidia", "2")]
    assert counts(store) == full_recount(store)
    assert relation(store, "H200", "developer") == ("nvidia", "2")
    holder = example_file(store, "nvidia", "nvidia-h200")
    (corpus / holder).unlink()
    run_kg("ingest", str(corpus), store=store)
    assert [(other, n) for other, n, _ in co_mentioned(store, "H200")] == [("nvidia", "1")]
    assert relation(store, "H200", "developer") == ("nvidia", "1")
    assert counts(store) == full_recount(store)
    assert [other for other, _, _ in co_mentioned(store, "華為")] == ["huawei-ascend-910c"]
    # every sentence naming both gone: no row either way round
    for f in corpus.glob("h*.md"):
        f.unlink()
    run_kg("ingest", str(corpus), store=store)
    assert co_mentioned(store, "id:nvidia-h200") == []
    assert not [t for t in counts(store) if t[1] == CO_MENTION and "nvidia-h200" in t[2]]
    assert counts(store) == full_recount(store)


def test_entity_by_alias_finds_names_in_any_case_from_the_statistics_graph(tmp_path):
    corpus, store = tmp_path / "corpus", tmp_path / "store"
    corpus.mkdir()
    (corpus / "a.md").write_text(NVIDIA_AND_HUAWEI, encoding="utf-8")
    run_kg("ingest", str(corpus), store=store)
    for name in ("nViDiA", "英伟达", "輝達"):
        assert [r["entity"] for r in query(store, "entity-by-alias", "--param", f"name={name}")] == [ID + "nvidia"]
    (corpus / "a.md").write_text(HUAWEI_ONLY, encoding="utf-8")
    run_kg("ingest", str(corpus), store=store)
    assert query(store, "entity-by-alias", "--param", "name=NVIDIA") == []   # no article mentions it now
    assert [r["articles"] for r in query(store, "entity-by-alias", "--param", "name=HUAWEI")] == ["1"]


def test_relation_rows_equal_a_full_recount_when_the_first_stating_article_leaves(tmp_path):
    """A relation's source is the first article graph stating it, by IRI; when that article stops
    stating it, the next is looked up, and every row is what a full recount gives."""
    corpus, store = tmp_path / "corpus", tmp_path / "store"
    corpus.mkdir()
    for n in (1, 2, 3):
        (corpus / f"h{n}.md").write_text(H200_FIRST.format(n=n), encoding="utf-8")
    run_kg("ingest", str(corpus), store=store)

    def source() -> str:   # (entity-relations gives the reference graph, which states it too)
        rows = query(store, f"""SELECT ?g WHERE {{ GRAPH <{STATISTICS}> {{
            ?row kgo:relationSubject "{ID}nvidia-h200" ; kgo:relationProperty kgo:developer ;
                 kgo:relationObject "{ID}nvidia" ; kgo:exampleGraph ?g }} }}""")
        return rows[0]["g"].rsplit("/", 1)[1]

    def bandwidth() -> list[tuple[str, str, str]]:   # chips-by-developer's figure rows of H200
        return [(r["value"], r["articles"], r["article"].rsplit("/", 1)[1])
                for r in query(store, "chips-by-developer", "--param", "chip=H200", "--param", "metric=memory-bandwidth")]

    assert source() == "h1.md" and bandwidth() == [("4.8", "3", "h1.md")]
    (corpus / "h1.md").write_text(HUAWEI_ONLY, encoding="utf-8")
    run_kg("ingest", str(corpus), store=store)
    assert source() == "h2.md" and relation(store, "H200", "developer") == ("nvidia", "2")
    assert bandwidth() == [("4.8", "2", "h2.md")]
    assert counts(store) == full_recount(store)
    (corpus / "h1.md").write_text(H200_FIRST.format(n=1), encoding="utf-8")   # back, and first again
    run_kg("ingest", str(corpus), store=store)
    assert source() == "h1.md" and relation(store, "H200", "developer") == ("nvidia", "3")
    assert bandwidth() == [("4.8", "3", "h1.md")]
    assert counts(store) == full_recount(store)


# -- speaker rows (who-said-what's page): one per statement, speaker and date, of the article
# graph holding the statement; after an add, a change and a prune they are what a full recount
# gives, and who-said-what lists exactly the statements and speakers the article graphs hold

REUTERS_REPORT = """---
title: 路透社報道
published: 2025-11-0{n}
---
據路透社報道，英偉達將於2025年11月擴大H200芯片的產能。英偉達表示，H200芯片的需求強勁。
"""
HUAWEI_SAYS = """---
title: 華為表示
published: 2025-12-01
---
華為表示將擴大昇騰910C芯片的產能。
"""
# every (statement, speaker) the article graphs hold of who-said-what's kinds, read there
SPOKEN = """PREFIX kgo: <https://w3id.org/aichip-kg/ontology#>
SELECT DISTINCT ?statement ?speaker WHERE {
  GRAPH ?g { ?statement kgo:agent|kgo:attributedTo ?speaker .
             { VALUES ?kind { kgo:Report kgo:Response kgo:Appeal } ?statement a ?kind }
             UNION { ?statement kgo:attributedTo ?source } }
  FILTER(?g != <https://w3id.org/aichip-kg/graph/statistics>) }"""


DECIDED = """---
title: 解禁
published: 2025-12-10
---
12月9日,美國總統特朗普發帖稱,將允許英偉達向中國出口其H200人工智能芯片。美國政府在2022年就禁止英偉達向中國出口AI芯片。
2019年5月,美國商務部將華為列入實體清單。
"""
# every dated statement naming a decision or giving a role to a policy, read in the article graphs
TIMELINE = """PREFIX kgo: <https://w3id.org/aichip-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?statement ?date WHERE {
  { GRAPH ?g { ?statement kgo:decision ?d } }
  UNION
  { GRAPH <https://w3id.org/aichip-kg/graph/ontology> { ?c rdfs:subClassOf* kgo:Policy }
    GRAPH ?t { ?policy a ?c } GRAPH ?g { ?statement ?role ?policy } }
  GRAPH ?g { ?statement kgo:date ?date ; kgo:statedIn ?article }
  FILTER(?g != <https://w3id.org/aichip-kg/graph/statistics>) }"""


def timeline(store) -> set[tuple[str, str]]:
    from kg.store import open_store
    with open_store(store) as db:
        return {(r["statement"].value, r["date"].value) for r in db.query(TIMELINE)}


def speaker_rows(store) -> set[tuple[str, str, str]]:
    return {t for t in counts(store) if "/statistics/speaker/" in t[0] or "/statistics/timeline/" in t[0]}


def spoken(store) -> set[tuple[str, str]]:
    from kg.store import open_store
    with open_store(store) as db:
        return {(r["statement"].value, r["speaker"].value) for r in db.query(SPOKEN)}


def said(store, *params: str) -> list[tuple[str, str]]:
    return [(r["statement"], r["speaker"]) for r in
            query(store, "who-said-what", "--param", "limit=1000", *(a for p in params for a in ("--param", p)))]


def test_speaker_and_timeline_rows_equal_a_full_recount_after_add_change_and_prune(tmp_path):
    corpus, store = tmp_path / "corpus", tmp_path / "store"
    corpus.mkdir()
    for n in (1, 2):
        (corpus / f"r{n}.md").write_text(REUTERS_REPORT.format(n=n), encoding="utf-8")
    (corpus / "r4.md").write_text(DECIDED, encoding="utf-8")
    run_kg("ingest", str(corpus), store=store)

    def check() -> list[tuple[str, str]]:
        rows = said(store)
        assert sorted(set(rows)) == sorted(spoken(store)) and len(rows) == len(set(rows))
        listed = [(r["statement"], r["date"]) for r in
                  query(store, "export-control-timeline", "--param", "limit=1000")]
        assert sorted(set(listed)) == sorted(timeline(store)) and len(listed) == len(set(listed))
        assert listed == sorted(listed, key=lambda r: (r[1], r[0]))
        assert speaker_rows(store) == {t for t in full_recount(store) if "/statistics/speaker/" in t[0]
                                       or "/statistics/timeline/" in t[0]}
        return rows

    first = check()
    assert timeline(store) and [t for t in speaker_rows(store) if "/statistics/timeline/" in t[0]]
    assert [t for t in speaker_rows(store) if t[1].endswith("#policyOf")]   # a role given to a policy
    assert first and {s.rsplit("/", 1)[1] for _, s in first} >= {"reuters", "nvidia"}
    assert all(r["sentence"] and r["article"] for r in query(store, "who-said-what"))
    # pages: the same rows as one long page, in the same order
    pages = [row for offset in range(0, len(first), 2) for row in
             said(store, "limit=2", f"offset={offset}")]
    assert sorted(pages) == sorted(first)
    # a speaker given: only its rows
    assert {s for _, s in said(store, "speaker=路透社")} == {ID + "reuters"}

    (corpus / "r1.md").write_text(HUAWEI_SAYS, encoding="utf-8")   # a change: another speaker
    (corpus / "r3.md").write_text(REUTERS_REPORT.format(n=3), encoding="utf-8")   # an add
    run_kg("ingest", str(corpus), store=store)
    assert ID + "huawei" in {s for _, s in check()}
    (corpus / "r2.md").unlink()   # a prune
    run_kg("ingest", str(corpus), store=store)
    check()
    (corpus / "r4.md").write_text(DECIDED.replace("2022", "2021"), encoding="utf-8")   # a decision changed
    run_kg("ingest", str(corpus), store=store)
    assert "2021" in {d for _, d in timeline(store)}
    check()
    for f in corpus.glob("r*.md"):
        f.unlink()
    run_kg("ingest", str(corpus), store=store)
    assert said(store) == [] and speaker_rows(store) == set()
    assert query(store, "export-control-timeline") == []


def test_timeline_rows_follow_an_entity_becoming_and_ceasing_to_be_a_policy(tmp_path):
    """An entity's class changes with a write (here the entities graph's, as `kg ingest` sets it in
    the write's transaction): the timeline rows of articles the write leaves alone that give it a
    role must gain, then lose, its policy link, as a full recount has them; writes that keep its
    class leave the other articles' links as they are."""
    from kg.rdf.namespaces import ENTITIES_GRAPH
    from kg.store import open_store
    from kg.store.statistics import refresh, track

    corpus, store = tmp_path / "corpus", tmp_path / "store"
    corpus.mkdir()
    (corpus / "r4.md").write_text(DECIDED, encoding="utf-8")
    run_kg("ingest", str(corpus), store=store)
    kgo, schema = "https://w3id.org/aichip-kg/ontology#", "https://schema.org/"
    rule = ID + "test-rule"

    def article(name: str, date: str) -> tuple[str, list[str]]:
        g, a, st = f"https://w3id.org/aichip-kg/graph/article/{name}", ID + f"article/{name}", ID + f"statement/{name}"
        return g, [f"<{a}> <{schema}mentions> <{rule}> .", f"<{st}> <{kgo}subject> <{rule}> .",
                   f'<{st}> <{kgo}date> "{date}" .', f"<{st}> <{kgo}statedIn> <{a}> ."]

    def write(graphs: dict[str, list[str]], drop: list[str] = (), cls: str = "", uncls: str = "") -> None:
        ops = ([f"INSERT DATA {{ GRAPH <{ENTITIES_GRAPH}> {{ <{rule}> a <{kgo}{cls}> }} }}"] if cls else []) + \
              ([f"DELETE DATA {{ GRAPH <{ENTITIES_GRAPH}> {{ <{rule}> a <{kgo}{uncls}> }} }}"] if uncls else [])
        with open_store(store, write=True) as db:
            marks = track(db, [*graphs, *drop], graphs)
            assert marks   # the counts were current: the write is tracked, not left to a full recount
            db.write_graphs(graphs, drop=drop, before=" ;\n".join([marks, *ops]))
            assert refresh(db)

    def policy_links() -> set[str]:
        return {s for s, p, o in speaker_rows(store) if p == kgo + "policyOf" and o == rule}

    def check() -> None:
        rows = speaker_rows(store)
        keys = {s: o for s, p, o in rows if p == kgo + "statementKey"}
        assert {(keys[s], o) for s, p, o in rows if p == kgo + "timelineDate"} == timeline(store)
        assert speaker_rows(store) == {t for t in full_recount(store) if "/statistics/speaker/" in t[0]
                                       or "/statistics/timeline/" in t[0]}

    a, b, c = article("a", "2025-01-01"), article("b", "2025-02-01"), article("c", "2025-03-01")
    write(dict([a]), cls="Organization")   # named, not a policy: no timeline row
    check()
    assert policy_links() == set()
    write(dict([b]), cls="Policy")   # becomes a policy with b: a's statement is on the timeline too
    check()
    assert len(policy_links()) == 2
    write(dict([c]))   # stays a policy: c's row comes, a's and b's stay
    check()
    assert len(policy_links()) == 3
    write({}, drop=[b[0]], uncls="Policy")   # ceases to be one: a's and c's rows go
    check()
    assert policy_links() == set()
    # becomes and ceases again between two recounts: the links are those of the end
    with open_store(store, write=True) as db:
        for graphs, ops in (({b[0]: b[1]}, f"INSERT DATA {{ GRAPH <{ENTITIES_GRAPH}> {{ <{rule}> a <{kgo}Law> }} }}"),
                            ({b[0]: b[1][:-1]},
                             f"DELETE DATA {{ GRAPH <{ENTITIES_GRAPH}> {{ <{rule}> a <{kgo}Law> }} }}")):
            db.write_graphs(graphs, before=" ;\n".join([track(db, list(graphs), graphs), ops]))
        assert refresh(db)
    check()
    assert policy_links() == set()


def test_a_policy_new_to_the_store_gets_its_links_with_the_write_that_introduces_it(tmp_path):
    """An entity no graph typed before, which a write makes a policy, has rows only in that
    write's graphs: they carry its policy link as written (no recount of its statements), and the
    rows equal a full recount's."""
    from kg.rdf.namespaces import ENTITIES_GRAPH
    from kg.store import open_store
    from kg.store.statistics import refresh, track

    corpus, store = tmp_path / "corpus", tmp_path / "store"
    corpus.mkdir()
    (corpus / "r4.md").write_text(DECIDED, encoding="utf-8")
    run_kg("ingest", str(corpus), store=store)
    kgo, schema = "https://w3id.org/aichip-kg/ontology#", "https://schema.org/"
    rule, g = ID + "another-test-rule", "https://w3id.org/aichip-kg/graph/article/n"
    lines = [f"<{ID}article/n> <{schema}mentions> <{rule}> .", f"<{ID}statement/n> <{kgo}subject> <{rule}> .",
             f'<{ID}statement/n> <{kgo}date> "2025-04-01" .', f"<{ID}statement/n> <{kgo}statedIn> <{ID}article/n> ."]
    described = [f"<{rule}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{kgo}Law> ."]
    with open_store(store, write=True) as db:
        marks = track(db, [g], {g: lines}, described=described)
        db.write_graphs({g: lines}, before=" ;\n".join(
            [marks, f"INSERT DATA {{ GRAPH <{ENTITIES_GRAPH}> {{ {described[0]} }} }}"]))
    assert {s for s, p, o in speaker_rows(store) if p == kgo + "policyOf" and o == rule}   # before any recount
    with open_store(store, write=True) as db:
        assert refresh(db)
    assert speaker_rows(store) == {t for t in full_recount(store) if "/statistics/speaker/" in t[0]
                                   or "/statistics/timeline/" in t[0]}


def test_the_counts_in_full_equal_a_full_recount(tmp_path, monkeypatch):
    """A write that marks more entities than FULL_ABOVE (a first ingest of a corpus) has its
    counts recounted in full, a chunk of entities and a class at a time, and the policy links of
    only the entities whose class changed: the same statistics as a recount of everything."""
    from kg.ingest import ingest
    from kg.store import open_store
    from kg.store import statistics

    corpus, store = tmp_path / "corpus", tmp_path / "store"
    corpus.mkdir()
    for name, text in (("a.md", NVIDIA_AND_HUAWEI), ("r4.md", DECIDED), ("z.md", UNTOUCHED),
                       ("r1.md", REUTERS_REPORT.format(n=1))):
        (corpus / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(statistics, "FULL_ABOVE", 0)
    monkeypatch.setattr(statistics, "_CO_CHUNK", 2)   # several chunks of entities
    with open_store(store, write=True) as db:
        ingest([corpus], db, workers=1)
    first = counts(store)
    assert (SMIC, COUNT, "1") in first and [t for t in first if t[1].endswith("#policyOf")]
    assert first == full_recount(store)
    (corpus / "r4.md").write_text(DECIDED.replace("2022", "2021"), encoding="utf-8")
    with open_store(store, write=True) as db:
        ingest([corpus], db, workers=1)
    assert counts(store) == full_recount(store)


def test_a_policy_another_graph_already_names_is_not_taken_as_new(tmp_path):
    """A stored graph gives an entity a role without naming it among its mentions; a later write
    types it as a policy: the stored graph's row must gain the link as a full recount has it."""
    from kg.rdf.namespaces import ENTITIES_GRAPH
    from kg.store import open_store
    from kg.store.statistics import refresh, track

    corpus, store = tmp_path / "corpus", tmp_path / "store"
    corpus.mkdir()
    (corpus / "r4.md").write_text(DECIDED, encoding="utf-8")
    run_kg("ingest", str(corpus), store=store)
    kgo = "https://w3id.org/aichip-kg/ontology#"
    rule = ID + "third-test-rule"

    def graph(name: str, date: str, mentions: bool) -> tuple[str, list[str]]:
        a, st = ID + f"article/{name}", ID + f"statement/{name}"
        return f"https://w3id.org/aichip-kg/graph/article/{name}", (
            [f"<{a}> <https://schema.org/mentions> <{rule}> ."] if mentions else []) + [
            f"<{st}> <{kgo}subject> <{rule}> .", f'<{st}> <{kgo}date> "{date}" .', f"<{st}> <{kgo}statedIn> <{a}> ."]
    described = [f"<{rule}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{kgo}Law> ."]
    for (g, lines), typed in ((graph("c", "2025-02-01", False), False), (graph("d", "2025-02-02", True), True)):
        with open_store(store, write=True) as db:
            marks = track(db, [g], {g: lines}, described=described if typed else ())
            extra = [f"INSERT DATA {{ GRAPH <{ENTITIES_GRAPH}> {{ {described[0]} }} }}"] if typed else []
            db.write_graphs({g: lines}, before=" ;\n".join([marks, *extra]))
            refresh(db)
    rows = speaker_rows(store)
    assert len({s for s, p, o in rows if p == kgo + "policyOf" and o == rule}) == 2   # c's row and d's
    assert rows == {t for t in full_recount(store) if "/statistics/speaker/" in t[0] or "/statistics/timeline/" in t[0]}
