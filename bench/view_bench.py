"""Benchmark: does a 5,000-node graph open and become interactive within 3 s in Chromium?

Builds a synthetic store shaped like kg's (article graphs with entities, relations with
reifier evidence, statement and measurement nodes, evidence nodes; the ontology graph),
runs `kg view --limit 0` on it (every node in the page), then times in headless Chromium,
from navigation to the moment a real mouse click on a node has filled the side panel, and
then how long "show all entities" takes to draw every entity. The same run times an empty
page as a baseline, so the printed ratio is comparable across machines of different speed.

    .venv/bin/python bench/view_bench.py [--nodes 5000] [--runs 3] [--keep DIR]
    .venv/bin/python bench/view_bench.py --store COPY-OF-A-STORE [--compare OTHER-KG-SOURCE-TREE]

With --store, the page is `kg view`'s default for that store: on a store of more than 60
articles, the overview of the whole corpus (kg/view/corpus.py).

Needs Debian's Chromium at /usr/bin/chromium and the playwright package (test extra).
Prints timings; asserts nothing (timings are not tests).
"""
from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.rdf.namespaces import ID, KGO, ONTOLOGY_GRAPH, SCHEMA, UNIT  # noqa: E402
from kg.rdf.evidence import evidence_triples  # noqa: E402
from kg.rdf.iris import article_graph_iri, article_iri  # noqa: E402
from kg.store import open_store  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CLASSES = ["Company"] * 5 + ["Chip"] * 3 + ["Person"] * 2 + ["Country", "City", "Policy", "GovernmentAgency",
                                                             "ResearchInstitute", "Event", "AIModel"]
RELATIONS = {"Chip": ["developer", "manufacturer"], "Person": ["employer"], "Company": ["country", "parentOrganization"]}
SYLLABLES = "華芯昇騰寒武紀摩爾線程沐曦壁仞燧原海光龍芯兆芯平頭哥昆侖天數智算星辰光年啟明源創新恒通達"


def synthetic_store(location: Path, nodes: int, seed: int = 1, articles: int | None = None) -> None:
    """A store of about `nodes` drawn nodes: 60% entities, 40% statements, in 1 article per 25 nodes
    but at most 60, so that `kg view` draws all of it (a store of more articles opens on an overview
    of its most central entities); `articles` sets the number. It has no statistics graph."""
    rng = random.Random(seed)
    n_entities, n_statements = int(nodes * 0.6), nodes - int(nodes * 0.6)
    n_articles = articles or max(1, min(60, nodes // 25))
    entities = []
    for i in range(n_entities):
        cls = rng.choice(CLASSES)
        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) + str(i)
        entities.append((ID[f"bench/e{i}"], cls, name))
    by_class: dict[str, list] = {}
    for e in entities:
        by_class.setdefault(e[1], []).append(e)
    graphs: list[list[tuple]] = [[] for _ in range(n_articles)]
    arts = [article_iri(f"bench/article-{a}.md") for a in range(n_articles)]
    for a, art in enumerate(arts):
        graphs[a] += [(art, RDF.type, SCHEMA.NewsArticle), (art, RDFS.label, Literal(f"合成文章 {a}", lang="zh-Hant")),
                      (art, SCHEMA.headline, Literal(f"合成文章 {a}：AI晶片新聞", lang="zh-Hant")),
                      (art, SCHEMA.url, URIRef(f"https://example.com/news/{a}")),
                      (art, SCHEMA.datePublished, Literal(f"2025-{1 + a % 12:02d}-{1 + a % 28:02d}", datatype=XSD.date)),
                      (art, KGO.sourcePath, Literal(f"bench/article-{a}.md"))]
    offset = [0] * n_articles   # where the next sentence of each article starts

    def evidence(a: int, target, text: str) -> None:
        """Evidence as kg stores it (kg.rdf.evidence): one sentence per piece, in article a's text."""
        sentence = f"據報道，{text}在本季度表現亮眼，市場預期持續升溫。"
        body = " " * offset[a] + sentence
        graphs[a].extend(evidence_triples(f"bench/article-{a}.md", body, target, offset[a] + 4,
                                          offset[a] + 4 + len(text), offset[a], len(body), "bench", 0.9))
        offset[a] = len(body) + 1

    home: dict = {}
    for e, cls, name in entities:
        for a in rng.sample(range(n_articles), k=min(n_articles, rng.choice([1, 1, 1, 2, 3]))):
            home.setdefault(e, a)
            graphs[a] += [(arts[a], SCHEMA.mentions, e), (e, RDF.type, KGO[cls]),
                          (e, RDFS.label, Literal(name, lang="zh-Hant")), (e, SKOS.altLabel, Literal(name + "公司", lang="zh-Hant"))]
            evidence(a, e, name)
    for i, (e, cls, name) in enumerate(entities):
        for prop in RELATIONS.get(cls, []):
            if rng.random() < 0.7:
                target = rng.choice(by_class["Company"] if prop != "country" else by_class["Country"])[0]
                a = home[e]
                graphs[a] += [(arts[a], SCHEMA.mentions, target), (e, KGO[prop], target)]
                r = ID[f"bench/rel{i}-{prop}"]
                graphs[a] += [(r, RDF.type, RDF.Statement), (r, RDF.subject, e), (r, RDF.predicate, KGO[prop]),
                              (r, RDF.object, target)]
                evidence(a, r, name)
    for i in range(n_statements):
        st = ID[f"bench/statement/{i}"]
        e, cls, name = rng.choice(entities)
        a = home[e]
        if rng.random() < 0.5:
            graphs[a] += [(st, RDF.type, KGO.Measurement), (st, KGO.subject, e),
                          (st, KGO.metric, Literal(rng.choice(["fp16-performance", "memory-capacity", "revenue"]))),
                          (st, KGO.value, Literal(rng.randint(10, 999))), (st, KGO.unit, UNIT[rng.choice(["TFLOPS", "GB"])])]
        else:
            other = rng.choice(entities)[0]
            graphs[a] += [(st, RDF.type, KGO.Statement), (st, KGO.agent, e), (st, KGO.counterpart, other),
                          (arts[a], SCHEMA.mentions, other),
                          (st, KGO.date, Literal(f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", datatype=XSD.date))]
        graphs[a].append((st, KGO.statedIn, arts[a]))
        evidence(a, st, name)
    onto = Graph()
    for f in sorted((ROOT / "ontology").glob("*.ttl")):
        onto.parse(f, format="turtle")
    with open_store(location, write=True) as store:
        store.replace_graph(ONTOLOGY_GRAPH, list(onto))
        for a, triples in enumerate(graphs):
            store.replace_graph(article_graph_iri(f"bench/article-{a}.md"), sorted(set(triples)))


def time_pages(view: Path, empty: Path, runs: int) -> tuple[list[float], list[float], list[float], int]:
    """Seconds to an interactive view (navigation → click on a node → panel filled), to drawing
    every entity after that, and to an empty page."""
    from playwright.sync_api import sync_playwright

    view_times, all_times, empty_times, count = [], [], [], 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            t0 = time.perf_counter()
            page.goto(empty.as_uri())
            page.wait_for_function("document.body && document.body.dataset.ready === 'true'")
            empty_times.append(time.perf_counter() - t0)
            page.close()

            page = browser.new_page(viewport={"width": 1400, "height": 900})
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            t0 = time.perf_counter()
            page.goto(view.as_uri())
            page.wait_for_function("window.kgView && window.kgView.ready", timeout=60_000)
            node = page.evaluate("""() => { const ids = kgView.visibleNodeIds();
                const c = document.getElementById('kg-network').getBoundingClientRect();
                for (const id of ids) { const p = kgView.domPosition(id);
                  if (p.x > c.left + 40 && p.x < c.right - 40 && p.y > c.top + 40 && p.y < c.bottom - 40
                      && kgView.network.getNodeAt({x: p.x - c.left, y: p.y - c.top}) === id) return {id, ...p}; }
                return null; }""")
            if node:
                page.mouse.click(node["x"], node["y"])
                page.wait_for_function("id => document.getElementById('kg-panel').dataset.node === id", arg=node["id"])
            view_times.append(time.perf_counter() - t0)
            layouts = page.evaluate("kgView.layouts")
            t1 = time.perf_counter()
            page.click("#kg-all-entities")
            page.wait_for_function("n => kgView.layouts > n", arg=layouts, timeout=120_000)
            all_times.append(time.perf_counter() - t1)
            print("  in-page ms:", page.evaluate("""() => { const t = kgView.timings, n = performance.timing;
                return {html_parsed_and_scripts_started: Math.round(t.start), json_parsed: Math.round(t.parsed - t.start),
                        network_built: Math.round(t.network - t.parsed), first_draw: Math.round(t.drawn - t.network)}; }"""))
            count = page.evaluate("kgView.nodes.length")
            if errors:
                print("page errors:", errors)
            page.close()
        browser.close()
    return view_times, all_times, empty_times, count


def kg_view(store: Path, page: Path, limit: list[str], src: Path | None) -> tuple[float, str]:
    """Seconds `kg view` takes to write page for store (this tree's kg, or the source tree src's,
    run with this interpreter and its packages), and what it said."""
    if src is None:
        cmd = [str(Path(sys.executable).with_name("kg"))]
    else:
        cmd = [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(src)!r}); "
                                     "from kg.cli.main import main; sys.argv[0] = 'kg'; main()"]
    t0 = time.perf_counter()
    proc = subprocess.run([*cmd, "--store", str(store), "view", *limit, "-o", str(page)],
                          capture_output=True, text=True, check=True)
    return time.perf_counter() - t0, proc.stderr.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="build the store and page in this folder and keep them")
    parser.add_argument("--store", type=Path, help="time the page `kg view` (its default overview) writes for this "
                        "existing store instead, e.g. a copy of the 10,000-article store bench/corpus_bench.py "
                        "--keep leaves (kg view only reads it)")
    parser.add_argument("--compare", metavar="SRC", type=Path, help="also time the page another kg source tree "
                        "writes for the same store (e.g. `git archive main | tar -x -C /tmp/kg-main`): "
                        "before-and-after figures from one run")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="kg-view-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        store, empty = work / "store", work / "empty.html"
        t_store, limit = 0.0, ["--limit", "0"]
        if args.store:
            store, limit = args.store, []
        else:
            shutil.rmtree(store, ignore_errors=True)
            t0 = time.perf_counter()
            synthetic_store(store, args.nodes)
            t_store = time.perf_counter() - t0
        print(f"synthetic store: {t_store:.2f} s" if not args.store else f"store: {store}")
        empty.write_text("<!DOCTYPE html><html><head><meta charset='utf-8'></head>"
                         "<body data-ready='true'></body></html>", encoding="utf-8")
        trees = [("this tree", None)] + ([(str(args.compare), args.compare.resolve())] if args.compare else [])
        for label, src in trees:
            page = work / ("view.html" if src is None else "view-compare.html")
            t_view, said = kg_view(store, page, limit, src)
            view_times, all_times, empty_times, count = time_pages(page, empty, args.runs)
            v, e = statistics.median(view_times), statistics.median(empty_times)
            print(f"== {label}")
            print(f"kg view: {t_view:.2f} s ({said}); page {page.stat().st_size / 1e6:.2f} MB "
                  f"({page.stat().st_size:,} bytes)")
            print(f"nodes in page: {count}")
            print(f"interactive (navigation → node click answered), median of {args.runs}: {v:.3f} s "
                  f"[{', '.join(f'{x:.3f}' for x in view_times)}]")
            print(f"then every entity drawn (show all), median of {args.runs}: {statistics.median(all_times):.3f} s "
                  f"[{', '.join(f'{x:.3f}' for x in all_times)}]")
            print(f"baseline empty page, median of {args.runs}: {e:.3f} s")
            print(f"ratio view/baseline: {v / e:.1f}x; target: page under 5 MB -> "
                  f"{'met' if page.stat().st_size < 5e6 else 'NOT met'}, interactive within 3 s -> "
                  f"{'met' if v < 3 else 'NOT met'}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
