"""`kg view` in a real browser: Debian's Chromium driven by Playwright.

The pages come from the CLI, over a small corpus and reference data written here (so the
assertions do not move when the project's reference data grows), plus one page over the
project's corpus. Every page load is watched: each request is routed through the test and
anything but the page's own file is refused and recorded, and console errors are collected.
Screenshots go to artifacts/ and the test's tmp folder; `KG_UPDATE_DOCS=1` also refreshes
docs/viewer.png, the README's picture.
"""
from __future__ import annotations

import csv
import io
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pytest

from browser import launch, require_browser, sync_playwright
from conftest import ROOT, run_kg

require_browser()
pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "artifacts"
DOCS = ROOT / "docs"
ID = "https://w3id.org/aichip-kg/id/"

# Reference data of our own: NVIDIA's Traditional label is 英偉達 and 輝達 only an alias, so the
# search must find 輝達 through the alias; one company has a name made of markup; 摩爾線程 has
# only a Traditional name, to see the language fallback.
EVIL_LABEL = '"><img src=x onerror="window.__pwned=2">邪惡公司'
REFERENCE_HEADER = "id,class,en,zh_hant,zh_hans,aliases,wikidata,developer,manufacturer,parent,country,role,role_of,source"
REFERENCE_ROWS = [
    ["nvidia", "Company", "NVIDIA", "英偉達", "英伟达", "輝達|辉达|Nvidia", "Q182477", "", "", "", "usa", "", "", ""],
    ["tsmc", "Company", "TSMC", "台積電", "台积电", "台灣積體電路製造", "", "", "", "", "", "", "", ""],
    ["moore-threads", "Company", "", "摩爾線程", "", "摩尔线程", "", "", "", "", "", "", "", ""],
    ["usa", "Country", "United States", "美國", "美国", "", "", "", "", "", "", "", "", ""],
    ["china", "Country", "China", "中國", "中国", "", "", "", "", "", "", "", "", ""],
    ["h200", "Chip", "H200", "H200", "H200", "NVIDIA H200", "", "nvidia", "tsmc", "", "", "", "", ""],
    ["jensen-huang", "Person", "Jensen Huang", "黃仁勳", "黄仁勋", "", "", "", "", "", "", "ceo", "nvidia", ""],
    ["donald-trump", "Person", "Donald Trump", "特朗普", "特朗普", "川普", "", "", "", "", "", "head_of_state", "usa", ""],
    ["evil-corp", "Company", "<script>window.__pwned=1</script>Evil Corp", EVIL_LABEL, "邪恶公司", "邪惡公司|EvilCo",
     "", "", "", "", "", "", "", ""],
]


def reference_csv() -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(REFERENCE_HEADER.split(","))
    writer.writerows(REFERENCE_ROWS)
    return buf.getvalue()


ARTICLES = {
    "h200.md": """---
title: 英偉達H200出口 <script>window.__pwned=3</script>
url: https://example.com/h200
published: 2025-12-10
language: zh-Hant
---
12月9日，美國總統特朗普宣布，將允許英偉達向中國出口其H200芯片。
H200由台積電代工，FP16算力733TFLOPS，顯存容量141GB。
英偉達CEO黃仁勳表示歡迎。邪惡公司也宣布跟進<b>測試</b><img src=x onerror=window.__pwned=6>。
""",
    "earnings.md": """---
title: "輝達財報\\"><img src=x onerror=window.__pwned=4>"
url: javascript:window.__pwned=5
published: 2025-11-20
language: zh-Hant
---
2025年11月19日，輝達公布第三季度財報，營收570億美元。黃仁勳說，摩爾線程是強勁的對手。
""",
}


@dataclass
class Site:
    """A store built by the CLI from our corpus, and the pages `kg view` wrote from it."""
    store: Path
    env: dict
    pages: dict[str, Path] = field(default_factory=dict)
    counts: dict[str, tuple[int, int]] = field(default_factory=dict)

    def view(self, name: str, *args: str) -> Path:
        out = self.store.parent / f"{name}.html"
        proc = run_kg("view", "-o", str(out), *args, store=self.store, env=self.env)
        m = re.search(r"(\d+) nodes, (\d+) edges", proc.stderr)
        self.pages[name], self.counts[name] = out, (int(m.group(1)), int(m.group(2)))
        return out

    def query(self, sparql: str) -> list[list[str]]:
        out = run_kg("query", "--format", "tsv", sparql, store=self.store, env=self.env).stdout
        return [line.split("\t") for line in out.strip().splitlines()[1:]]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    base = tmp_path_factory.mktemp("view")
    onto = base / "ontology"
    (onto / "reference").mkdir(parents=True)
    for ttl in (ROOT / "ontology").glob("*.ttl"):
        shutil.copy(ttl, onto / ttl.name)
    (onto / "reference" / "test.csv").write_text(reference_csv(), encoding="utf-8")
    corpus = base / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    s = Site(store=base / "store", env={"KG_ONTOLOGY": str(onto)})
    run_kg("ingest", str(corpus), store=s.store, env=s.env)
    s.view("main")
    return s


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


@dataclass
class Loaded:
    page: object
    url: str
    refused: list[str]
    requests: list[str]
    errors: list[str]

    def js(self, expr: str, arg=None):
        return self.page.evaluate(expr, arg)

    def node_id(self, iri: str) -> str:
        return self.js("iri => kgView.idOf(iri)", iri)

    def relaid(self, action) -> None:
        """Do action (a click, a filter) and wait until the page has laid the drawing out again."""
        n = self.js("kgView.layouts")
        action()
        self.page.wait_for_function("n => kgView.layouts > n", arg=n, timeout=30_000)

    def visible_entities(self) -> list[str]:
        return self.js("kgView.visibleNodeIds().filter(id => kgView.meta.nodes[id].kind === 'entity')")

    def click_node(self, iri: str) -> None:
        """A real mouse click where the node is drawn."""
        nid = self.node_id(iri)
        self.js("id => kgView.network.focus(id, {scale: 1.3, animation: false})", nid)
        pos = self.js("id => kgView.domPosition(id)", nid)
        self.page.mouse.click(pos["x"], pos["y"])
        self.page.wait_for_function("id => document.getElementById('kg-panel').dataset.node === id", arg=nid)


@pytest.fixture
def open_page(browser):
    """Load a page with every request routed through the test: only the page's own file may load."""
    contexts = []

    def load(path: Path) -> Loaded:
        ctx = browser.new_context(viewport={"width": 1440, "height": 900})
        contexts.append(ctx)
        url = path.resolve().as_uri()
        refused: list[str] = []
        requests: list[str] = []
        errors: list[str] = []

        def route(r) -> None:
            if r.request.url == url:
                r.continue_()
            else:
                refused.append(r.request.url)
                r.abort()

        ctx.route("**/*", route)
        page = ctx.new_page()
        page.on("request", lambda req: requests.append(req.url))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(url)
        page.wait_for_function("window.kgView && window.kgView.ready === true", timeout=30_000)
        return Loaded(page, url, refused, requests, errors)

    yield load
    for ctx in contexts:
        ctx.close()


def expected_node_count(site_or_store, env: dict | None = None) -> int:
    """Entities some article mentions plus statement nodes, counted by SPARQL, not by the viewer."""
    q_ent = "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH ?g { ?a schema:mentions ?e } }"
    q_st = "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s kgo:statedIn ?a } }"
    total = 0
    for q in (q_ent, q_st):
        out = run_kg("query", "--format", "tsv", q, store=site_or_store, env=env).stdout
        total += int(out.strip().splitlines()[1])
    return total


def test_page_loads_offline_and_draws_every_node(site, open_page):
    view = open_page(site.pages["main"])
    assert view.refused == [] and view.requests == [view.url]
    assert view.errors == []
    held = view.js("kgView.nodes.length")
    assert held == site.counts["main"][0] == expected_node_count(site.store, site.env)
    assert view.js("kgView.edges.get().filter(e => !e.id.startsWith('f')).length") == site.counts["main"][1]
    # it opens on the entities (a small graph: all of them); statements are folded into fact edges
    entities = view.js("Object.keys(kgView.meta.nodes).filter(id => kgView.meta.nodes[id].kind === 'entity')")
    assert sorted(view.js("kgView.visibleNodeIds()")) == sorted(entities)
    assert view.page.get_attribute("#kg-count", "data-nodes") == str(len(entities))
    labels = set(view.js("kgView.nodes.getIds().map(id => kgView.label(id))"))
    assert {"英偉達", "H200", "黃仁勳", "摩爾線程"} <= labels
    # statement nodes read as what they say: the date of the announcement, the spec with its unit
    assert any(label.endswith("2025-12-09") for label in labels)    # e.g. "決定 2025-12-09"
    assert "FP16 733 TFLOPS" in labels
    facts = view.js("kgView.visibleEdgeIds().filter(id => id.startsWith('f')).map(id => kgView.edges.get(id).label)")
    assert any(f.startswith("決定") and "2025-12-09" in f for f in facts)   # the decision, as a labelled edge
    legend = view.page.inner_text("#kg-types")
    assert "公司" in legend and "晶片" in legend and "人物" in legend
    key = view.page.inner_text("#kg-legend")
    for words in ("文章陳述的關係", "事實", "?", "+n", "大小"):
        assert words in key


def test_clicking_a_node_shows_its_evidence(site, open_page):
    view = open_page(site.pages["main"])
    view.click_node(ID + "h200")
    panel = view.page.locator("#kg-panel")
    assert panel.locator("h2").inner_text().strip().endswith("H200")
    # facts first, each with the sentence it was read from; then mentions that state no fact
    facts = panel.locator(".kg-facts .ev-sentence").all_inner_texts()
    assert any("H200由台積電代工" in s for s in facts)
    assert "733TFLOPS" in panel.locator(".kg-facts .ev-sentence mark").all_inner_texts()
    assert panel.locator(".kg-mentions h3").inner_text().startswith("提及")
    shown = " ".join(panel.locator(".ev-sentence").all_inner_texts())
    mentions = view.js("id => kgView.meta.nodes[id].evidence.map(v => kgView.meta.evidence[v].sentence)",
                       view.node_id(ID + "h200"))
    assert mentions and all(m in shown for m in mentions)      # every mention is in the panel, once
    dates = panel.locator(".kg-facts .kg-fact-date").all_inner_texts()
    assert dates == sorted(dates)                               # facts by date
    title = panel.locator("a.ev-title").first
    assert title.inner_text().startswith("英偉達H200出口")
    assert title.get_attribute("href") == "https://example.com/h200"
    assert "2025-12-10" in panel.inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    view.page.screenshot(path=str(ARTIFACTS / "view.png"))

    # a statement node (drawn once "entities only" is off): its date and the sentence it was read from
    view.relaid(lambda: view.page.uncheck("#kg-entities-only"))
    stmt = view.js("() => kgView.nodes.get().find(n => n.label.endsWith('2025-12-09')).id")
    assert stmt in view.js("kgView.visibleNodeIds()")
    view.click_node(view.js("id => kgView.meta.nodes[id].iri", stmt))
    rows = dict(zip(panel.locator("dt").all_inner_texts(), panel.locator("dd").all_inner_texts()))
    assert rows["日期"] == "2025-12-09"
    sentence = panel.locator(".ev-sentence").first
    assert "12月9日" in sentence.inner_text() and sentence.locator("mark").inner_text() in sentence.inner_text()


def test_clicking_an_edge_shows_the_relation_and_its_evidence(site, open_page):
    view = open_page(site.pages["main"])
    # a relation with evidence, alone between its two nodes (so its straight line is unambiguous)
    edge = view.js("""() => { const M = kgView.meta, all = kgView.edges.get();
        const pair = e => [e.from, e.to].sort().join(' ');
        return all.find(e => M.edges[e.id].kind === 'relation' && M.edges[e.id].evidence.length &&
                              all.filter(x => pair(x) === pair(e)).length === 1); }""")
    assert edge, "the corpus should give some relation its evidence"
    a, b = edge["from"], edge["to"]
    # drag the two ends far from the rest, then click the edge a third of the way along (off its label)
    view.js("""([a, b]) => { kgView.network.moveNode(a, 20000, 20000); kgView.network.moveNode(b, 20600, 20000);
                kgView.network.fit({nodes: [a, b], animation: false}); }""", [a, b])
    pa, pb = view.js("id => kgView.domPosition(id)", a), view.js("id => kgView.domPosition(id)", b)
    view.page.mouse.click(pa["x"] + (pb["x"] - pa["x"]) / 3, pa["y"] + (pb["y"] - pa["y"]) / 3)
    view.page.wait_for_function("id => document.getElementById('kg-panel').dataset.edge === id", arg=edge["id"])
    panel = view.page.locator("#kg-panel")
    predicate = view.js("id => kgView.meta.predicates[kgView.meta.edges[id].predicate]", edge["id"])
    heading = panel.locator("h2").inner_text()
    for end in (a, b):
        assert view.js("id => kgView.nodes.get(id).label", end) in heading
    assert predicate["label"] in heading
    s_iri, o_iri = (view.js("id => kgView.meta.nodes[id].iri", x) for x in (a, b))
    expected = site.query(f"""SELECT ?sentence WHERE {{ GRAPH ?g {{ ?r rdf:subject <{s_iri}> ;
        rdf:predicate <{predicate['iri']}> ; rdf:object <{o_iri}> ; kgo:evidence ?ev . ?ev nif:sentence/kgo:sentence ?sentence }} }}""")
    shown = panel.locator(".ev-sentence").all_inner_texts()
    assert expected and shown
    for (sentence,) in expected:
        assert any(sentence in text for text in shown)


def test_filters_hide_what_they_should(site, open_page):
    view = open_page(site.pages["main"])
    total = len(view.js("kgView.visibleNodeIds()"))
    meta_type = "id => kgView.meta.nodes[id].type"

    view.relaid(lambda: view.page.uncheck('#kg-types input[value="Person"]'))
    visible = view.js("kgView.visibleNodeIds()")
    people = view.js("Object.keys(kgView.meta.nodes).filter(id => kgView.meta.nodes[id].type === 'Person')")
    assert len(people) == 2 and len(visible) == total - 2
    assert all(view.js(meta_type, n) != "Person" for n in visible)
    assert not view.js("""ps => kgView.visibleEdgeIds().some(id => { const e = kgView.edges.get(id);
                          return ps.includes(e.from) || ps.includes(e.to); })""", people)
    assert_fitted(view)                                   # re-laid out and zoomed to what is left
    ARTIFACTS.mkdir(exist_ok=True)
    view.page.screenshot(path=str(ARTIFACTS / "view-filtered.png"))
    view.relaid(lambda: view.page.check('#kg-types input[value="Person"]'))
    assert len(view.js("kgView.visibleNodeIds()")) == total

    view.relaid(lambda: view.page.click('.kg-allnone[data-group="kg-types"] button[data-set="none"]'))
    assert view.js("kgView.visibleNodeIds()") == []
    view.relaid(lambda: view.page.click('.kg-allnone[data-group="kg-types"] button[data-set="all"]'))
    assert len(view.js("kgView.visibleNodeIds()")) == total

    developer = view.js("Object.keys(kgView.meta.predicates).find(p => kgView.meta.predicates[p].iri.endsWith('#developer'))")
    before = view.js("kgView.visibleEdgeIds().length")
    view.page.click("#kg-filters summary >> text=關係")
    view.relaid(lambda: view.page.uncheck(f'#kg-relations input[value="{developer}"]'))
    after = view.js("kgView.visibleEdgeIds()")
    assert 0 < len(after) < before
    assert all(view.js("id => kgView.meta.edges[id].predicate", e) != developer for e in after if e.startswith("e"))
    view.relaid(lambda: view.page.click("#kg-reset"))

    earnings = view.js("Object.keys(kgView.meta.articles).find(a => kgView.meta.articles[a].path.endsWith('earnings.md'))")
    view.page.click("#kg-filters summary >> text=文章")
    view.relaid(lambda: view.page.uncheck(f'#kg-articles input[value="{earnings}"]'))
    visible = set(view.js("kgView.visibleNodeIds()"))
    assert view.node_id(ID + "moore-threads") not in visible      # only the earnings article names it
    assert {view.node_id(ID + "h200"), view.node_id(ID + "nvidia")} <= visible
    view.relaid(lambda: view.page.click("#kg-reset"))
    assert view.errors == []


def set_date(view, which: str, value: str) -> None:
    view.page.fill(f"#kg-date-{which}", value)
    view.relaid(lambda: view.page.dispatch_event(f"#kg-date-{which}", "change"))


def test_the_date_filter_keeps_the_entities_of_the_facts_it_keeps(site, open_page):
    view = open_page(site.pages["main"])
    fact_labels = "() => kgView.visibleEdgeIds().filter(id => id.startsWith('f')).map(id => kgView.edges.get(id).label)"
    set_date(view, "from", "2025-12-01")     # the export decision of 9 December and what the 10 December article says
    facts = view.js(fact_labels)
    assert any("2025-12-09" in f for f in facts) and not any("2025-11-19" in f for f in facts)
    visible = set(view.visible_entities())
    assert {view.node_id(ID + x) for x in ("donald-trump", "nvidia", "china", "h200")} <= visible
    assert view.page.get_attribute("#kg-count", "data-nodes") == str(len(view.js("kgView.visibleNodeIds()")))
    set_date(view, "from", "")
    set_date(view, "to", "2025-11-30")        # only the November earnings article and its facts
    visible = set(view.visible_entities())
    assert view.node_id(ID + "nvidia") in visible and view.node_id(ID + "donald-trump") not in visible
    assert not any("2025-12-09" in f for f in view.js(fact_labels))
    assert view.errors == []


def assert_fitted(view) -> None:
    """Every drawn node lies inside the drawing area."""
    box = view.page.locator("#kg-network").bounding_box()
    for nid in view.js("kgView.visibleNodeIds()"):
        p = view.js("id => kgView.domPosition(id)", nid)
        assert box["x"] - 1 <= p["x"] <= box["x"] + box["width"] + 1, nid
        assert box["y"] - 1 <= p["y"] <= box["y"] + box["height"] + 1, nid


def test_search_finds_an_entity_by_any_of_its_names(site, open_page):
    view = open_page(site.pages["main"])
    view.page.fill("#kg-search", "輝達")
    first = view.page.locator("#kg-results button").first
    assert first.locator(".kg-label").inner_text() == "英偉達"
    first.click()
    panel = view.page.locator("#kg-panel")
    assert panel.get_attribute("data-iri") == ID + "nvidia"
    assert panel.locator("h2").inner_text().strip().endswith("英偉達")
    assert view.js("kgView.network.getSelectedNodes()") == [view.node_id(ID + "nvidia")]
    for name in ("辉达", "nvidia", "英伟达"):   # Simplified alias, any case, the other script's label
        view.page.fill("#kg-search", name)
        assert view.page.locator("#kg-results .kg-label").first.inner_text() == "英偉達"
    view.page.fill("#kg-search", "不存在的公司")
    assert view.page.locator("#kg-results button").count() == 0


def test_markup_in_names_and_articles_is_shown_as_text(site, open_page):
    view = open_page(site.pages["main"])
    evil = ID + "evil-corp"
    assert view.js("id => kgView.nodes.get(id).label", view.node_id(evil)) == EVIL_LABEL
    # hover (vis-network tooltip), click (side panel), search results, article list: all as text
    nid = view.node_id(evil)
    view.js("id => kgView.network.focus(id, {scale: 1.3, animation: false})", nid)
    pos = view.js("id => kgView.domPosition(id)", nid)
    view.page.mouse.move(pos["x"], pos["y"])
    view.page.wait_for_selector("div.vis-tooltip", state="visible")
    assert EVIL_LABEL in view.page.inner_text("div.vis-tooltip")
    view.click_node(evil)
    panel = view.page.locator("#kg-panel")
    assert EVIL_LABEL in panel.locator("h2").inner_text()
    assert any("<b>測試</b><img src=x onerror=window.__pwned=6>" in s for s in panel.locator(".ev-sentence").all_inner_texts())
    view.page.fill("#kg-search", "EvilCo")
    assert view.page.locator("#kg-results .kg-label").first.inner_text() == EVIL_LABEL
    articles = view.page.text_content("#kg-articles")   # a closed <details>: its text, not what shows
    assert "<script>window.__pwned=3</script>" in articles and '"><img src=x onerror=window.__pwned=4>' in articles
    view.page.fill("#kg-search", "輝達")
    view.page.locator("#kg-results button").first.click()
    assert '輝達財報"><img src=x onerror=window.__pwned=4>' in panel.inner_text()
    view.page.wait_for_timeout(300)
    assert view.js("typeof window.__pwned") == "undefined"
    assert view.page.locator("img").count() == 0                 # no injected element exists anywhere
    assert view.page.locator("script").count() == 3              # the data, vis-network, the viewer
    assert view.page.locator('a[href^="javascript"]').count() == 0   # the javascript: url is not a link
    assert view.errors == [] and view.refused == []


def test_focus_draws_the_neighbourhood(site, open_page):
    one = site.view("focus1", "--focus", "輝達", "--hops", "1")
    two = site.view("focus2", "--focus", "英伟达", "--hops", "2")
    assert site.counts["focus1"][0] < site.counts["focus2"][0] <= site.counts["main"][0]
    view = open_page(one)
    assert "英偉達" in view.page.inner_text("#kg-heading")
    centre = view.node_id(ID + "nvidia")
    assert view.page.get_attribute("#kg-panel", "data-node") == centre      # the page opens on the centre
    ids = view.js("kgView.nodes.getIds()")
    neighbours = set(view.js("""c => kgView.edges.get().flatMap(e => e.from === c ? [e.to] : e.to === c ? [e.from] : [])""",
                             centre))
    assert set(ids) == neighbours | {centre}
    view2 = open_page(two)
    iris1 = set(view.js("Object.values(kgView.meta.nodes).map(m => m.iri)"))
    iris2 = set(view2.js("Object.values(kgView.meta.nodes).map(m => m.iri)"))
    assert iris1 < iris2
    bad = run_kg("view", "--focus", "沒有這家公司", "-o", str(site.store.parent / "x.html"), store=site.store,
                 env=site.env, check=False)
    assert bad.returncode == 1 and "沒有這家公司" in bad.stderr and "Traceback" not in bad.stderr


def test_labels_follow_the_chosen_language(site, open_page):
    en = open_page(site.view("en", "--lang", "en"))
    label = "iri => kgView.nodes.get(kgView.idOf(iri)).label"
    assert en.js(label, ID + "nvidia") == "NVIDIA"
    assert en.js(label, ID + "moore-threads") == "摩爾線程"          # no English name: the name as written
    assert "developer" in en.js("Object.values(kgView.meta.predicates).map(p => p.label)")
    assert en.page.get_attribute("#kg-search", "placeholder").startswith("Find")
    hans = open_page(site.view("hans", "--lang", "zh-Hans"))
    assert hans.js(label, ID + "nvidia") == "英伟达"
    assert hans.js(label, ID + "moore-threads") == "摩尔线程"        # converted from the Traditional name


def test_export_graphml_and_gexf_for_gephi(site):
    nodes, edges = site.counts["main"]
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        text = run_kg("export", "--format", fmt, store=site.store, env=site.env).stdout
        g = read(io.BytesIO(text.encode("utf-8")))
        assert (g.number_of_nodes(), g.number_of_edges()) == (nodes, edges)
        node = g.nodes[ID + "nvidia"]
        assert node["label"] == "英偉達" and node["type"] == "Company" and "輝達" in node["names"]
        assert "英偉達" in text  # real UTF-8, not character references


def test_project_corpus_page(corpus_store, open_page, tmp_path):
    out = tmp_path / "corpus.html"
    proc = run_kg("view", "-o", str(out), store=corpus_store)
    count = int(re.search(r"(\d+) nodes", proc.stderr).group(1))
    view = open_page(out)
    assert view.errors == [] and view.refused == [] and view.requests == [view.url]
    assert view.js("kgView.nodes.length") == count == expected_node_count(corpus_store)
    view.page.fill("#kg-search", "輝達")
    view.page.locator("#kg-results button").first.click()
    assert view.page.get_attribute("#kg-panel", "data-iri") == ID + "nvidia"
    assert view.page.locator("#kg-panel .ev-sentence mark").count() > 0
    ARTIFACTS.mkdir(exist_ok=True)
    view.page.screenshot(path=str(ARTIFACTS / "view-corpus.png"))


@pytest.fixture(scope="module")
def corpus_page(corpus_store, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus-view") / "kg-view.html"
    run_kg("view", "-o", str(out), store=corpus_store)
    return out


def label_boxes(view) -> list[tuple[str, dict]]:
    return view.js("() => kgView.visibleNodeIds().map(id => [id, kgView.domBox(id)])")


def overlaps(boxes) -> list[tuple[str, str]]:
    out = []
    for i, (a, p) in enumerate(boxes):
        for b, q in boxes[i + 1:]:
            if min(p["right"], q["right"]) - max(p["left"], q["left"]) > 1 and \
                    min(p["bottom"], q["bottom"]) - max(p["top"], q["top"]) > 1:
                out.append((a, b))
    return out


def test_the_corpus_opens_on_its_most_connected_entities_every_label_legible(corpus_page, open_page, tmp_path):
    view = open_page(corpus_page)
    entities = view.js("Object.values(kgView.meta.nodes).filter(m => m.kind === 'entity').length")
    shown = view.visible_entities()
    assert len(shown) == min(50, entities) == len(view.js("kgView.visibleNodeIds()"))   # entities only, capped
    ranks = sorted(view.js("id => kgView.meta.nodes[id].rank", n) for n in shown)
    assert ranks == list(range(len(shown)))                       # the most connected first
    font = view.js("kgView.network.getScale()") * view.js("kgView.entityFont")   # pixels on screen
    assert font >= 11, f"labels drawn at {font:.1f}px"            # legible without zooming
    boxes = label_boxes(view)
    canvas = view.page.locator("#kg-network").bounding_box()
    for nid, b in boxes:                                           # every label on screen …
        assert b["left"] >= canvas["x"] - 1 and b["right"] <= canvas["x"] + canvas["width"] + 1, nid
        assert b["top"] >= canvas["y"] - 1 and b["bottom"] <= canvas["y"] + canvas["height"] + 1, nid
    assert overlaps(boxes) == []                                   # … and none on another
    assert view.page.inner_text("#kg-note").startswith(f"顯示 {entities} 個實體中關聯最多的 {len(shown)} 個")
    view.page.screenshot(path=str(tmp_path / "viewer.png"))
    ARTIFACTS.mkdir(exist_ok=True)
    view.page.screenshot(path=str(ARTIFACTS / "viewer.png"))
    if os.environ.get("KG_UPDATE_DOCS"):                          # the README's picture, on request only
        view.page.screenshot(path=str(DOCS / "viewer.png"))


def test_double_click_draws_a_nodes_neighbours(corpus_page, open_page, tmp_path):
    view = open_page(corpus_page)
    hub = view.js("""() => kgView.visibleNodeIds().map(id => [id, kgView.hiddenNeighbours(id).length])
                        .sort((a, b) => b[1] - a[1])[0][0]""")
    hidden = view.js("id => kgView.hiddenNeighbours(id)", hub)
    assert hidden and view.js("id => kgView.nodes.get(id).label", hub).endswith(f" +{len(hidden)}")  # the mark says so
    before = set(view.js("kgView.visibleNodeIds()"))
    pos = view.js("id => kgView.domPosition(id)", hub)
    view.relaid(lambda: view.page.mouse.dblclick(pos["x"], pos["y"]))
    after = set(view.js("kgView.visibleNodeIds()"))
    assert after == before | set(hidden)
    assert view.js("id => kgView.nodes.get(id).label", hub) == view.js("id => kgView.label(id)", hub)
    assert view.page.get_attribute("#kg-panel", "data-node") == hub
    assert_fitted(view)
    view.page.screenshot(path=str(tmp_path / "expanded.png"))
    ARTIFACTS.mkdir(exist_ok=True)
    view.page.screenshot(path=str(ARTIFACTS / "view-expanded.png"))
    # every entity, then back to the overview
    total = view.js("Object.values(kgView.meta.nodes).filter(m => m.kind === 'entity').length")
    view.relaid(lambda: view.page.click("#kg-all-entities"))
    assert len(view.visible_entities()) == total
    view.relaid(lambda: view.page.click("#kg-all-entities"))
    assert len(view.visible_entities()) == min(50, total)
    assert view.errors == []


def test_statements_drawn_on_demand_and_names_grouped_by_language(site, open_page):
    view = open_page(site.pages["main"])
    statements = "() => kgView.visibleNodeIds().filter(id => kgView.meta.nodes[id].kind === 'statement')"
    assert view.js(statements) == []
    facts = view.js("() => kgView.visibleEdgeIds().filter(id => id.startsWith('f'))")
    # double-click a fact edge: its statements become boxes, joined to their entities by their roles
    fact = facts[0]
    sts = view.js("id => kgView.meta.edges[id].statements", fact)
    view.relaid(lambda: view.js("""id => kgView.network.body.emitter.emit('doubleClick',
                                   {nodes: [], edges: [id], pointer: {DOM: {x: 0, y: 0}}})""", fact))
    assert set(sts) <= set(view.js(statements)) and fact not in view.js("kgView.visibleEdgeIds()")
    view.relaid(lambda: view.page.uncheck("#kg-entities-only"))
    drawn = view.js(statements)
    assert len(drawn) == view.js("Object.values(kgView.meta.nodes).filter(m => m.kind === 'statement').length")
    roles = view.js("() => kgView.visibleEdgeIds().filter(id => kgView.meta.edges[id].kind === 'role')")
    assert roles and not any(e.startswith("f") for e in view.js("kgView.visibleEdgeIds()"))
    view.relaid(lambda: view.page.check("#kg-entities-only"))
    assert view.js(statements) == []
    # zoom in, then fit: everything back on screen
    view.js("() => kgView.network.moveTo({scale: 4})")
    view.page.click("#kg-fit")
    assert_fitted(view)
    view.click_node(ID + "nvidia")
    fact = view.page.locator("#kg-panel .kg-fact").first            # a fact picked in the panel is drawn
    st = fact.get_attribute("data-node")
    assert st not in view.js("kgView.visibleNodeIds()")
    view.relaid(lambda: fact.locator(".kg-fact-head .kg-link").first.click())
    assert st in view.js("kgView.visibleNodeIds()") and view.page.get_attribute("#kg-panel", "data-node") == st
    view.click_node(ID + "nvidia")
    rows = dict(zip(view.page.locator("#kg-panel dt").all_inner_texts(), view.page.locator("#kg-panel dd").all_inner_texts()))
    assert "英偉達" in rows["繁體中文"] and "輝達" in rows["繁體中文"]
    assert "英伟达" in rows["簡體中文"] and "NVIDIA" in rows["英文"]
    assert view.errors == []


def test_a_big_store_opens_on_an_overview_coloured_by_community(open_page, tmp_path):
    import importlib.util
    spec = importlib.util.spec_from_file_location("view_bench", ROOT / "bench" / "view_bench.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    store = tmp_path / "store"
    bench.synthetic_store(store, 1000)                 # 600 entities, 400 statements
    run_kg("view", "-o", str(tmp_path / "all.html"), store=store)
    view = open_page(tmp_path / "all.html")
    assert len(view.visible_entities()) == 50
    assert view.page.locator("#kg-legend .lg-swatch").count() >= 3          # communities, named in the legend
    colours = set(view.js("() => kgView.visibleNodeIds().map(id => kgView.nodes.get(id).color.background)"))
    assert len(colours) >= 3
    assert view.js("Object.values(kgView.meta.nodes).filter(m => m.kind === 'entity').length") == 600
    # an entity far down the ranking is found by search and drawn beside what is there
    far = view.js("() => Object.keys(kgView.meta.nodes).find(id => kgView.meta.nodes[id].rank === 500)")
    assert far not in view.js("kgView.visibleNodeIds()")
    view.relaid(lambda: (view.page.fill("#kg-search", view.js("id => kgView.label(id)", far)),
                         view.page.locator("#kg-results button").first.click()))
    assert far in view.js("kgView.visibleNodeIds()") and view.page.get_attribute("#kg-panel", "data-node") == far
    proc = run_kg("view", "--limit", "200", "-o", str(tmp_path / "small.html"), store=store)
    assert "200 most central of 600 entities" in proc.stderr
    small = open_page(tmp_path / "small.html")
    assert small.js("Object.values(kgView.meta.nodes).filter(m => m.kind === 'entity').length") == 200
    assert "200" in small.page.inner_text("#kg-note") and "600" in small.page.inner_text("#kg-note")
    assert (tmp_path / "small.html").stat().st_size < (tmp_path / "all.html").stat().st_size
    assert view.errors == [] and small.errors == []
