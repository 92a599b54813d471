"""A corpus, not an article: ingest throughput, memory, store size and saved-query times at scale.

    python bench/corpus_bench.py [--sizes 100,1000,10000] [--workers 1,2] [--repeat 5] [--keep DIR]

Builds synthetic corpora of N articles (about 1,000 characters each) by recombining the
sentences of the project's own articles (corpus/ and tests/data/unseen/) with distinct
ids, dates and a numbered company name per article, so articles share known entities
(as news does) and each has discovered ones of its own. Then, in one run:

  * jieba.cut over the same text on one core: the baseline every rate is compared with;
  * the NLP pipeline alone and pipeline + extraction + RDF, in this process on one core,
    on the smallest corpus: with `kg ingest --workers 1` on the same corpus this splits an
    ingest's time into NLP, extraction and RDF, and the rest (reading, store writes, start-up);
  * `kg ingest --workers W` into a fresh store for each W on the smallest corpus, and with
    the largest W on every size: chars/s, x jieba, the peak RSS of that run (the largest
    process, the writer or a worker), store bytes, triples per article;
  * an unchanged re-ingest of every size;
  * every saved query through `kg query` (p50 of 3 runs, start-up included; stopped at
    --timeout) and in-process (p50/p95 of --repeat runs; a query over --cap seconds runs once).

--keep DIR keeps corpora and stores there and reuses a store already built for a size
(its ingest is then not timed again), so query figures at 10,000 articles can be taken
again without a second long ingest; --queries-only skips the ingest rates (baseline,
stages, worker counts) and times only the stores' re-ingest and queries. --compare DIR
also times, in the same run and on the same store, the saved queries of another ontology
folder's queries/ (e.g. the main checkout's, before a change) through `kg query`, once
each (start-up included, stopped at --timeout), and in this process (p50 of --repeat): the "before" columns. Timings depend on the machine and its load; the
ratios are what to compare across runs.
"""
from __future__ import annotations

import argparse
import logging
import os
import random
import re
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
    """n articles of about `chars` characters each (kept when already there); returns the total characters."""
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
        path = folder / f"a{i:05d}.md"
        content = f"---\ntitle: 合成文章{i}\npublished: 2025-{1 + i % 12:02d}-{day:02d}\n---\n" + text
        if not path.is_file() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8")
    return total


def kg(*args: str, store: Path) -> tuple[float, float]:
    """Run `kg --store store ARGS`: (seconds, peak RSS in MiB of its largest process)."""
    start = time.perf_counter()
    exe = Path(sys.executable).with_name("kg")
    proc = subprocess.Popen([str(exe), "--store", str(store), *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)   # the child's usage, with its reaped workers'
    secs = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"kg {' '.join(args)} failed: {proc.stderr.read().decode()[-2000:]}")
    return secs, usage.ru_maxrss / 1024


def jieba_rate(texts: list[str]) -> float:
    import jieba
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    start = time.perf_counter()
    for t in texts:
        for _ in jieba.cut(t):
            pass
    return sum(map(len, texts)) / (time.perf_counter() - start)


def stage_rates(folder: Path) -> tuple[float, float]:
    """chars/s of the NLP pipeline alone, and of pipeline + extraction + RDF, on one core."""
    from kg.corpus import read_article
    from kg.extraction.extract import extract
    from kg.nlp import make_nlp
    from kg.rdf.build import article_lines
    from kg.reference import load_reference
    arts = [read_article(p) for p in sorted(folder.glob("*.md"))]
    chars = sum(len(a.text) for a in arts)
    nlp, ref = make_nlp(), load_reference()
    nlp("預熱")
    start = time.perf_counter()
    for _ in nlp.pipe(a.text for a in arts):
        pass
    nlp_rate = chars / (time.perf_counter() - start)
    start = time.perf_counter()
    for art, doc in zip(arts, nlp.pipe(a.text for a in arts)):
        article_lines(extract(doc, art), ref)
    return nlp_rate, chars / (time.perf_counter() - start)


def triples(store: Path, n: int) -> tuple[float, float]:
    import pyoxigraph as ox
    db = ox.Store.read_only(str(store / "oxigraph"))
    art = sum(1 for q in db.quads_for_pattern(None, None, None, None) if "/graph/article/" in q.graph_name.value)
    ent = sum(1 for _ in db.quads_for_pattern(None, None, None, ox.NamedNode("https://w3id.org/aichip-kg/graph/entities")))
    return art / n, (art + ent) / n


def query_times(store: Path, names: list[str], repeat: int, cap: float,
                folder: Path | None = None) -> dict[str, tuple[float, float, int]]:
    """p50, p95 and rows of each saved query (from folder, default kg's), in this process."""
    from kg.query.saved import bind, load_saved
    from kg.query.sparql import run_query
    from kg.store import open_store
    out = {}
    with open_store(store) as db:
        for name in names:
            q = load_saved(name, folder)
            params = {p.name: [SAMPLES[p.name]] for p in q.params.values() if p.required}
            times, rows = [], 0
            for _ in range(repeat):
                start = time.perf_counter()
                rows = len(run_query(db, bind(q, params, db)).rows)
                times.append(time.perf_counter() - start)
                if times[-1] > cap:
                    break
            times.sort()
            out[q.name] = (statistics.median(times), times[min(len(times) - 1, int(0.95 * len(times)))], rows)
    return out


def cli_time(store: Path, name: str, cap: float, timeout: float, folder: Path | None = None) -> float | None:
    """p50 of `kg query NAME` (start-up included), 3 runs, or 1 when a run passes cap; None past timeout.

    folder: run the saved query of that queries/ folder instead of kg's (KG_ONTOLOGY=its parent).
    """
    from kg.query.saved import load_saved
    q = load_saved(name, folder)
    args = [a for p in q.params.values() if p.required for a in ("--param", f"{p.name}={SAMPLES[p.name]}")]
    exe = Path(sys.executable).with_name("kg")
    env = {**os.environ, "KG_ONTOLOGY": str(folder.parent)} if folder else None
    times = []
    for _ in range(3):
        start = time.perf_counter()
        try:
            subprocess.run([str(exe), "--store", str(store), "query", name, *args, "--format", "tsv"], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, timeout=timeout, env=env)
        except subprocess.TimeoutExpired:
            return None
        times.append(time.perf_counter() - start)
        if times[-1] > cap:
            break
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100,1000")
    ap.add_argument("--workers", default="1,2", help="worker counts to time ingest with, on the smallest size")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--cap", type=float, default=10.0, help="seconds after which a query is not run again")
    ap.add_argument("--timeout", type=float, default=60.0,
                    help="seconds after which `kg query` is stopped and the query is reported as over it")
    ap.add_argument("--keep", help="folder to keep corpora and stores in (and to reuse them from)")
    ap.add_argument("--queries-only", action="store_true", help="skip the ingest rates; reuse the stores in --keep")
    ap.add_argument("--compare", help="an ontology folder whose queries/ to time as well (the 'before' column)")
    ap.add_argument("--only", help="comma-separated saved queries to time (default: every one)")
    ap.add_argument("--no-reingest", action="store_true",
                    help="with --queries-only: leave the stores as they are (no unchanged re-ingest), time the queries")
    args = ap.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    workers = [int(x) for x in args.workers.split(",")]
    pool = sentences()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(args.keep) if args.keep else Path(tmp)
        corpora = {n: tmp / f"corpus{n}" for n in sizes}
        chars = {n: build_corpus(corpora[n], n, pool) for n in sizes}
        base = None if args.queries_only else ingest_rates(corpora[sizes[0]], chars[sizes[0]], workers, tmp)
        compare = Path(args.compare) / "queries" if args.compare else None
        for n in sizes:
            corpus_queries(args, corpora[n], n, chars[n], tmp / f"s{n}", max(workers), base, compare)


def ingest_rates(corpus: Path, chars: int, workers: list[int], tmp: Path) -> float:
    """jieba's rate (returned: the baseline), the pipeline's stages, and `kg ingest --workers W` on corpus."""
    from kg.corpus import read_article
    small = len(list(corpus.glob("*.md")))
    texts = [read_article(p).text for p in sorted(corpus.glob("*.md"))]
    base = jieba_rate(texts)
    print(f"baseline jieba.cut, one core: {base:,.0f} chars/s ({small} articles, {chars:,} chars)")
    nlp_rate, extract_rate = stage_rates(corpus)
    print(f"NLP pipeline alone, one core: {nlp_rate:,.0f} chars/s ({nlp_rate / base:.3f}x jieba); "
          f"with extraction and RDF: {extract_rate:,.0f} chars/s ({extract_rate / base:.3f}x)")
    for w in workers:
        store = tmp / f"w{w}-{small}"
        if store.exists():
            import shutil
            shutil.rmtree(store)
        secs, rss = kg("ingest", "--workers", str(w), str(corpus), store=store)
        rate = chars / secs
        line = (f"kg ingest --workers {w}: {secs:7.1f} s {rate:9,.0f} chars/s  {rate / base:5.3f}x jieba  "
                f"{small / secs:6.1f} articles/s  peak RSS {rss:,.0f} MiB")
        if w == 1:
            nlp_s, extract_s = chars / nlp_rate, chars / extract_rate
            line += (f"\n  of which NLP {nlp_s / secs:.0%}, extraction + RDF {(extract_s - nlp_s) / secs:.0%}, "
                     f"the rest (reading, store writes, start-up) {(secs - extract_s) / secs:.0%}")
        print(line)
    return base


def corpus_queries(args, corpus: Path, n: int, chars: int, store: Path, w: int, base: float | None,
                   compare: Path | None) -> None:
    """Ingest corpus into store (unless it is there), re-ingest it unchanged, and time every saved query."""
    if (store / "oxigraph").is_dir():
        print(f"\n{n} articles: reusing the store in {store}")
    else:
        secs, rss = kg("ingest", "--workers", str(w), str(corpus), store=store)
        per, with_entities = triples(store, n)
        size = sum(f.stat().st_size for f in (store / "oxigraph").rglob("*") if f.is_file())
        vs = f", {chars / secs / base:.3f}x jieba" if base else ""
        print(f"\n{n} articles, --workers {w}: ingest {secs:.1f} s ({chars / secs:,.0f} chars/s{vs}, "
              f"{n / secs:.1f} articles/s), peak RSS {rss:,.0f} MiB, "
              f"{per:.0f} triples/article ({with_entities:.0f} with the entities graph), "
              f"store {size / 2**20:.0f} MiB")
    if not args.no_reingest:
        again, rss = kg("ingest", str(corpus), store=store)
        print(f"unchanged re-ingest of {n} articles: {again:.2f} s, peak RSS {rss:,.0f} MiB")
    before = f"{'before p50':>11} {'before kg q':>11} " if compare else ""
    print(f"{'saved query':<28} {before}{'p50 ms':>9} {'p95 ms':>9} {'kg query ms':>12} {'rows':>6}")
    from kg.query.saved import list_saved
    only = set(args.only.split(",")) if args.only else None
    for q in list_saved():
        if q.name == "wikidata-federated" or (only and q.name not in only):
            continue
        old = ""
        if compare:
            secs = cli_time(store, q.name, 0, args.timeout, compare) if (compare / f"{q.name}.rq").is_file() else -1
            old = (f"{'-':>11} " if secs == -1 else f"{'>' + format(args.timeout * 1000, '.0f'):>11} " if secs is None
                   else f"{secs * 1000:11.0f} ")
            # the previous query in this process too (p50 of --repeat), unless `kg query` could not finish it
            in_process = (query_times(store, [q.name], args.repeat, args.cap, compare)[q.name][0]
                          if secs not in (-1, None) else None)
            old = (f"{'-':>11} " if in_process is None else f"{in_process * 1000:11.1f} ") + old
        cli = cli_time(store, q.name, args.cap, args.timeout)
        if cli is None:   # not run in this process either: it could not be stopped
            print(f"{q.name:<28} {old}{'-':>9} {'-':>9} {'>' + format(args.timeout * 1000, '.0f'):>12} {'-':>6}",
                  flush=True)
            continue
        p50, p95, rows = query_times(store, [q.name], args.repeat, args.cap)[q.name]
        print(f"{q.name:<28} {old}{p50 * 1000:9.1f} {p95 * 1000:9.1f} {cli * 1000:12.0f} {rows:6d}", flush=True)


if __name__ == "__main__":
    main()
