"""Long texts are read, not refused, and a text too costly to read stops the run with nothing written.

A run of thousands of characters without a sentence end gets forced sentence boundaries
(kg_sentences) so the pipeline's per-sentence work stays bounded; an article that still
takes longer than its time budget (KG_ARTICLE_SECONDS / --article-timeout) stops the whole
run with one line naming it, before the first write: good articles of the same run are
not ingested either, as the README says. The texts are generated here.
"""
from __future__ import annotations

import shutil

import pytest

from conftest import run_kg
from test_hostile import GOOD, assert_refused, write

# names the pipeline finds, with no punctuation at all: some of the later components compare
# a document's names pairwise, so 24,000 characters of this take well over the budgets below
COSTLY = "星河科技與東岳半導體合作生產XG晶片並在杭州發表" * 1_000
NEW_GOOD = "曜芯科技發布S9晶片。\n"


def sentences_of(nlp, text: str) -> list[str]:
    doc = nlp.get_pipe("kg_sentences")(nlp.make_doc(text))
    return [s.text for s in doc.sents]


def test_a_run_without_sentence_end_is_cut_at_commas_into_bounded_sentences(nlp):
    text = "星河科技發表新晶片，東岳半導體負責代工、封裝" * 150 + "。最後一句。"
    sents = sentences_of(nlp, text)
    assert "".join(sents) == text
    assert max(map(len, sents)) <= 400
    assert len(sents) >= len(text) // 400
    assert all(s[-1] in "，、。" for s in sents), [s[-3:] for s in sents]
    assert sents[-1] == "最後一句。"


def test_a_run_with_no_break_at_all_is_cut_at_the_bound(nlp):
    sents = sentences_of(nlp, "晶片" * 5_000)
    assert max(map(len, sents)) <= 402 and len(sents) >= 25   # a cut moves to the next token start


def test_real_sentences_are_never_cut(nlp):
    long_real = "星河科技" + "，".join(["今日在杭州發表新一代晶片"] * 25) + "。"   # 300 characters
    text = long_real + "東岳半導體負責代工。\n第二段！"
    sents = sentences_of(nlp, text)
    assert sents[0] == long_real and sents[1] == "東岳半導體負責代工。" and sents[-1] == "第二段！"


@pytest.fixture(scope="module")
def stocked(tmp_path_factory):
    """A corpus with one good article, ingested, and its export; each test removes the files it adds."""
    base = tmp_path_factory.mktemp("long")
    corpus = base / "corpus"
    corpus.mkdir()
    write(corpus / "good.md", GOOD)
    store = base / "store"
    run_kg("ingest", "--workers", "1", str(corpus), store=store)
    return corpus, store, run_kg("export", "--format", "nquads", store=store).stdout


@pytest.fixture()
def added(stocked):
    """Files a test drops into the stocked corpus, removed afterwards."""
    names: list = []
    yield names
    for p in names:
        p.unlink(missing_ok=True)


def drop(added: list, path, content: str) -> None:
    added.append(path)
    write(path, content)


def test_an_unpunctuated_article_is_read(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write(corpus / "run.md", "---\ntitle: 無標點\n---\n" + "晶片" * 30_000)
    proc = run_kg("ingest", "--workers", "1", str(corpus), store=tmp_path / "store")
    assert "1 added" in proc.stderr
    assert "run.md" in run_kg("export", "--format", "nquads", store=tmp_path / "store").stdout


@pytest.mark.parametrize("workers", ["1", pytest.param("2", marks=pytest.mark.slow)])
def test_an_article_over_its_time_budget_stops_the_run_and_nothing_is_written(stocked, added, workers):
    corpus, store, export = stocked
    drop(added, corpus / "costly.md", COSTLY)
    drop(added, corpus / "new-good.md", NEW_GOOD)
    proc = run_kg("ingest", "--workers", workers, "--article-timeout", "2", str(corpus), store=store, check=False)
    assert_refused(proc, "took over 2 s, the time budget of one article; nothing was ingested", "costly.md")
    assert run_kg("export", "--format", "nquads", store=store).stdout == export   # new-good.md not written either


def test_a_line_of_a_million_characters_never_meets_spacys_length_limit(stocked, added):
    """Over spaCy's own max_length (1,000,000) once the character limit is raised: the budget speaks, not E088."""
    corpus, store, export = stocked
    drop(added, corpus / "line.md", "星河晶片" * 300_000)
    proc = run_kg("ingest", "--workers", "1", str(corpus), store=store, check=False,
                  env={"KG_MAX_ARTICLE_CHARS": "3000000", "KG_ARTICLE_SECONDS": "3"})
    assert_refused(proc, "took over 3 s", "line.md")
    assert "E088" not in proc.stderr
    assert run_kg("export", "--format", "nquads", store=store).stdout == export


@pytest.mark.slow
def test_a_first_run_stopped_by_the_budget_leaves_no_store(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write(corpus / "costly.md", COSTLY)
    store = tmp_path / "store"
    proc = run_kg("ingest", "--workers", "1", str(corpus), store=store, check=False, env={"KG_ARTICLE_SECONDS": "2"})
    assert_refused(proc, "time budget", "costly.md")
    assert not store.exists()


def test_a_malformed_budget_is_one_line_before_the_store_opens(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write(corpus / "good.md", GOOD)
    proc = run_kg("ingest", str(corpus), store=tmp_path / "store", check=False, env={"KG_ARTICLE_SECONDS": "soon"})
    assert_refused(proc, "KG_ARTICLE_SECONDS='soon' is not a number of seconds", "KG_ARTICLE_SECONDS")
    assert not (tmp_path / "store").exists()


@pytest.mark.slow
def test_nine_hundred_thousand_characters_without_punctuation_are_ingested(tmp_path):
    """The issue's case: 900k characters, no punctuation, under the default budget (about 40 s here)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write(corpus / "unpunctuated.md", "晶片" * 450_000)
    proc = run_kg("ingest", "--workers", "1", str(corpus), store=tmp_path / "store", check=False)
    assert proc.returncode == 0, proc.stderr
    assert "1 added" in proc.stderr
    shutil.rmtree(tmp_path / "store")


@pytest.mark.parametrize("where", ["main thread", "other thread"])
def test_the_budget_stops_python_code_in_the_main_thread_and_in_others(where):
    """The main thread is stopped by SIGALRM (`--workers`), any other (a Dask worker's task) asynchronously."""
    import threading
    import time

    from kg.article_budget import article_budget
    from kg.errors import ArticleTimeoutError

    outcome: list = []

    def busy() -> None:
        started = time.monotonic()
        try:
            with article_budget(lambda: "busy.md", 0.3):
                while time.monotonic() - started < 20:
                    sum(range(1000))
            outcome.append("finished")
        except ArticleTimeoutError as e:
            outcome.append((str(e), time.monotonic() - started))

    if where == "main thread":
        busy()
    else:
        t = threading.Thread(target=busy)
        t.start()
        t.join(30)
    message, elapsed = outcome[0]
    assert message.startswith("busy.md: NLP and extraction took over 0.3 s") and elapsed < 10
    with article_budget(lambda: "quick.md", 0.5):   # a block that ends in time: nothing fires later
        pass
    time.sleep(0.7)


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("where", ["main thread", "other thread"])
def test_an_alarm_dropped_in_a_finaliser_still_stops_the_block(where):
    """Python drops an exception raised in a `__del__` ("Exception ignored in ..."): the alarm
    repeats, and a block that ends past its budget raises on the way out all the same."""
    import threading
    import time

    from kg.article_budget import article_budget
    from kg.errors import ArticleTimeoutError

    class SlowToFree:
        def __del__(self):
            time.sleep(0.6)   # the first alarm lands here and is dropped

    outcome: list = []

    def run(busy_after: bool) -> None:
        try:
            with article_budget(lambda: "finaliser.md", 0.3):
                SlowToFree()
                started = time.monotonic()
                while busy_after and time.monotonic() - started < 20:
                    sum(range(1000))
            outcome.append("finished")
        except ArticleTimeoutError as e:
            outcome.append(str(e).split(":")[0])

    for busy_after in (True, False):   # stopped by a later alarm; ended late with nothing left to stop
        if where == "main thread":
            run(busy_after)
        else:
            t = threading.Thread(target=run, args=(busy_after,))
            t.start()
            t.join(30)
    assert outcome == ["finaliser.md", "finaliser.md"]
    with article_budget(lambda: "quick.md", 0.2):   # a block that ends in time: no alarm repeats later
        pass
    time.sleep(0.8)
