"""A corpus, not an article: ingest throughput, store size and saved-query times at scale.

    python bench/corpus_bench.py [--sizes 100,1000] [--workers 1,2] [--repeat 3]

Builds synthetic corpora of N articles (about 1,000 characters each) by recombining the
sentences of the project's own articles (corpus/ and tests/data/unseen/) with distinct
ids, dates and a numbered company name per article, so articles share known entities
(as news does) and each has discovered ones of its own. Then, in one run:

  * jieba.cut over the same text on one core: the baseline every rate is compared with;
  * `kg ingest --workers W` into a fresh store for each W (chars/s, x jieba, peak RSS);
  * triples per article (article graphs, and with the entities graph);
  * every saved query in-process (p50/p95 of --repeat runs) with its required parameters;
  * an unchanged re-ingest of the largest corpus.

Timings depend on the machine and its load; the ratios are what to compare across runs.
"""
from __future__ import annotations

import argparse
import logging
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SAMPLES = {"entity": "英偉達", "name": "NVIDIA", "min": "1", "unit": "TB-PER-SEC"}
_SENTENCE = re.compile(r"[^。！？\n]+[。！？]")


def sentences() -> list[str]:
    """Every sentence of our own articles (never the shared evaluation set)."""
    from kg.corpus import read_article
    files = sorted((ROOT / "corpus").glob("*.md")) + sorted((ROOT / "tests" / "data" / "unseen").glob("*.md"))
    out: list[str] = []
    for f in files:
        out += [s.strip() for s in _SENTENCE.findall(read_article(f).text) if len(s.strip()) > 8]
    return out


def build_corpus(folder: Path, n: int, pool: list[str], chars: int = 1000) -> int:
    """n articles of about `chars` characters each; returns the total characters."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(n):
        rng = random.Random(i)
        body: list[str] = [f"星瀾{i}號科技公司表示，其新芯片將於明年量產。"]
        while sum(map(len, body)) < chars:
            body.append(rng.choice(pool))
        text = "\n".join(body) + "\n"
        total += len(text)
        day = 1 + i % 28
        (folder / f"a{i:05d}.md").write_text(f"---\ntitle: 合成文章{i}\npublished: 2025-{1 + i % 12:02d}-{day:02d}\n---\n"
                                              + text, encoding="utf-8")
    return total


def kg(*args: str, store: Path) -> float:
    start = time.perf_counter()
    exe = Path(sys.executable).with_name("kg")
    subprocess.run([str(exe), "--store", str(store), *args], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - start


def children_peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def jieba_rate(folder: Path) -> float:
    import jieba
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.md"))]
    start = time.perf_counter()
    for t in texts:
        for _ in jieba.cut(t):
            pass
    return sum(map(len, texts)) / (time.perf_counter() - start)


def triples(store: Path, n: int) -> tuple[float, float]:
    import pyoxigraph as ox
    db = ox.Store.read_only(str(store / "oxigraph"))
    art = sum(1 for q in db.quads_for_pattern(None, None, None, None) if "/graph/article/" in q.graph_name.value)
    ent = sum(1 for _ in db.quads_for_pattern(None, None, None, ox.NamedNode("https://w3id.org/aichip-kg/graph/entities")))
    return art / n, (art + ent) / n


def query_times(store: Path, repeat: int) -> dict[str, tuple[float, float, int]]:
    from kg.query.saved import list_saved
    from kg.query.sparql import run_saved
    from kg.store import open_store
    out = {}
    with open_store(store) as db:
        for q in list_saved():
            if q.name == "wikidata-federated":
                continue
            params = {p.name: [SAMPLES[p.name]] for p in q.params.values() if p.required}
            times, rows = [], 0
            for _ in range(repeat):
                start = time.perf_counter()
                rows = len(run_saved(db, q.name, params).rows)
                times.append(time.perf_counter() - start)
            times.sort()
            out[q.name] = (statistics.median(times), times[min(len(times) - 1, int(0.95 * len(times)))], rows)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100,1000")
    ap.add_argument("--workers", default="1,2", help="worker counts to time ingest with, on the smallest size")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    workers = [int(x) for x in args.workers.split(",")]
    pool = sentences()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpora = {n: tmp / f"corpus{n}" for n in sizes}
        chars = {n: build_corpus(corpora[n], n, pool) for n in sizes}
        small = sizes[0]
        base = jieba_rate(corpora[small])
        print(f"baseline jieba.cut, one core: {base:,.0f} chars/s ({small} articles, {chars[small]:,} chars)")
        for w in workers:
            secs = kg("ingest", "--workers", str(w), str(corpora[small]), store=tmp / f"w{w}")
            rate = chars[small] / secs
            print(f"kg ingest --workers {w}: {secs:7.1f} s {rate:9,.0f} chars/s  {rate / base:5.3f}x jieba  "
                  f"{small / secs:6.1f} articles/s  peak RSS so far {children_peak_rss_mib():,.0f} MiB")
        for n in sizes:
            store = tmp / f"s{n}"
            secs = kg("ingest", "--workers", str(max(workers)), str(corpora[n]), store=store)
            per, with_entities = triples(store, n)
            size = sum(f.stat().st_size for f in (store / "oxigraph").rglob("*") if f.is_file())
            print(f"\n{n} articles: ingest {secs:.1f} s ({chars[n] / secs:,.0f} chars/s, {chars[n] / secs / base:.3f}x "
                  f"jieba), {per:.0f} triples/article ({with_entities:.0f} with the entities graph), "
                  f"store {size / 2**20:.0f} MiB, peak RSS so far {children_peak_rss_mib():,.0f} MiB")
            if n == sizes[-1]:
                again = kg("ingest", str(corpora[n]), store=store)
                print(f"unchanged re-ingest of {n} articles: {again:.2f} s")
            print(f"{'saved query':<28} {'p50 ms':>9} {'p95 ms':>9} {'rows':>6}")
            for name, (p50, p95, rows) in query_times(store, args.repeat).items():
                print(f"{name:<28} {p50 * 1000:9.1f} {p95 * 1000:9.1f} {rows:6d}")


if __name__ == "__main__":
    main()
