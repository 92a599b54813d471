"""`kg view` on a store of more than 60 articles: an overview of the whole corpus, in Chromium.

The store is built by `kg ingest` from articles written here: 60 recent ones (2025) that name
輝達 and 台積電 with one of twelve other companies each, and 15 older ones (2023) that name
寒武紀 and 中芯國際 and nothing the recent ones name. The older pair is mentioned in more
articles than any of the twelve, so a ranking of the whole corpus puts it right after the two
hubs, where a page drawn from the most recent articles alone would not show it at all.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from browser import launch, require_browser, sync_playwright
from conftest import ROOT, run_kg

pytestmark = [pytest.mark.slow, pytest.mark.browser]

ID = "https://w3id.org/aichip-kg/id/"
OTHERS = ["英特爾", "超微", "高通", "三星電子", "SK海力士", "美光", "聯發科", "博通", "蘋果", "谷歌", "微軟", "亞馬遜"]


def article(title: str, date: str, body: str) -> str:
    return f"---\ntitle: {title}\npublished: {date}\nlanguage: zh-Hant\n---\n{body}\n"


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("corpus-view")
    corpus = base / "corpus"
    corpus.mkdir()
    for i in range(60):
        other = OTHERS[i % len(OTHERS)]
        date = f"2025-{1 + i % 12:02d}-{1 + i // 12:02d}"
        (corpus / f"new-{i:02d}.md").write_text(article(
            f"輝達與{other}", date, f"{date[:4]}年{int(date[5:7])}月，輝達宣布與{other}合作，新晶片由台積電代工。"),
            encoding="utf-8")
    for i in range(15):
        date = f"2023-{1 + i % 12:02d}-{10 + i // 12:02d}"
        (corpus / f"old-{i:02d}.md").write_text(article(
            "寒武紀擴產", date, f"{date[:4]}年{int(date[5:7])}月，寒武紀宣布與中芯國際擴大合作。"), encoding="utf-8")
    store = base / "store"
    run_kg("ingest", str(corpus), store=store, env={"KG_ONTOLOGY": str(ROOT / "ontology")})
    return store


def view(store: Path, out: Path, *args: str) -> str:
    return run_kg("view", "-o", str(out), *args, store=store).stderr


@pytest.fixture(scope="module")
def browser():
    require_browser()
    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


def load(browser, path: Path):
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(path.resolve().as_uri())
    page.wait_for_function("window.kgView && window.kgView.ready === true", timeout=30_000)
    return page, errors


def entity_ranks(page) -> dict[str, int]:
    return page.evaluate("""() => Object.fromEntries(Object.values(kgView.meta.nodes)
        .filter(m => m.kind === 'entity').map(m => [m.iri, m.rank]))""")


def test_the_overview_ranks_the_whole_corpus_not_the_recent_articles(corpus_store, browser, tmp_path):
    out = tmp_path / "kg-view.html"
    note = view(corpus_store, out, "--limit", "4")
    assert "overview: the 4 most central of" in note and "across all 75 articles" in note
    assert "facts from the 60 most recent" in note and "--focus NAME" in note
    page, errors = load(browser, out)
    ranks = entity_ranks(page)
    assert set(ranks) == {ID + "nvidia", ID + "tsmc", ID + "cambricon", ID + "smic"}, ranks
    assert {ranks[ID + "nvidia"], ranks[ID + "tsmc"]} == {0, 1}             # the hubs first
    # the old entity is drawn, coloured apart from the hubs, with its corpus count and a sentence
    assert page.evaluate("id => kgView.visibleNodeIds().includes(kgView.idOf(id))", ID + "cambricon")
    community = page.evaluate("iri => kgView.meta.nodes[kgView.idOf(iri)].community", ID + "cambricon")
    assert community != page.evaluate("iri => kgView.meta.nodes[kgView.idOf(iri)].community", ID + "nvidia")
    page.fill("#kg-search", "寒武紀")
    page.locator("#kg-results button").first.click()
    assert page.get_attribute("#kg-panel", "data-iri") == ID + "cambricon"
    panel = page.inner_text("#kg-panel")
    assert "15 篇文章" in panel and "中芯國際" in panel                        # every article counted; its link
    assert page.locator("#kg-panel .ev-sentence mark").count() > 0            # a sentence from its newest article
    # what the page shows and how to see more, said on the page
    heading = page.inner_text("#kg-heading")
    assert "75 篇文章" in heading and "最核心的 4 個" in heading
    assert "--limit N" in page.inner_text("#kg-note") and "--focus" in page.inner_text("#kg-note")
    assert page.locator("#kg-legend .lg-swatch").count() >= 2                 # communities, in the legend
    page.screenshot(path=str(tmp_path / "overview.png"))
    assert errors == []


def test_the_same_store_gives_the_same_page(corpus_store, tmp_path):
    view(corpus_store, tmp_path / "a.html")
    view(corpus_store, tmp_path / "b.html")
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_limit_and_focus_show_the_rest(corpus_store, browser, tmp_path):
    note = view(corpus_store, tmp_path / "all.html")
    shown = int(re.search(r"the (\d+) most central of (\d+) entities", note).group(1))
    total = int(re.search(r"the (\d+) most central of (\d+) entities", note).group(2))
    assert 14 <= shown <= total            # fewer than 300 recur: every one named in two articles or more
    page, errors = load(browser, tmp_path / "all.html")
    ranks = entity_ranks(page)
    assert len(ranks) == shown and ranks[ID + "cambricon"] < ranks[ID + "intel"]
    counts = page.evaluate("Object.values(kgView.meta.nodes).filter(m => m.kind === 'entity').map(m => m.articleCount)")
    assert min(counts) >= 2                                       # an entity one article names is not central
    # a co-mention edge says how many articles name both, and lists the newest of them
    edge = page.evaluate("""() => Object.keys(kgView.meta.edges).find(e => {
        const m = kgView.meta.edges[e]; return m.kind === 'relation' && kgView.meta.predicates[m.predicate].iri
            === 'https://schema.org/mentions'; })""")
    assert edge and page.evaluate("e => kgView.meta.edges[e].articles.length", edge) >= 1
    assert errors == []
    focus = view(corpus_store, tmp_path / "focus.html", "--focus", "寒武紀")
    assert "from the 15 most recent of 75 articles" in focus
    page, errors = load(browser, tmp_path / "focus.html")
    assert ID + "cambricon" in entity_ranks(page) and errors == []


def test_a_store_without_statistics_is_ranked_from_its_mentions(browser, tmp_path):
    """A store another tool wrote (here bench/view_bench.py's, written through the Store API)
    has no statistics graph: the overview counts the mentions itself."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("view_bench", ROOT / "bench" / "view_bench.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    store = tmp_path / "store"
    bench.synthetic_store(store, 1500, articles=100)                 # 900 entities in 100 articles
    note = view(store, tmp_path / "kg-view.html", "--limit", "120")
    assert "the 120 most central of 900 entities across all 100 articles" in note
    page, errors = load(browser, tmp_path / "kg-view.html")
    ranks = entity_ranks(page)
    assert sorted(ranks.values()) == list(range(120)) and errors == []
    assert len(page.evaluate("kgView.visibleNodeIds()")) == 50                # the opening: the 50 most central
