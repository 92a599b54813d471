"""`kg ingest` throughput and memory against jieba.cut on the same text, measured in one run.

    python bench/ingest_bench.py [--sizes 100,1000] [--workers 2] [--keep DIR] [--compare SRC] [--repeat N]

Builds synthetic corpora of N articles (about 1,000 characters each, from the sentences of
our own articles: `bench/corpus_bench.py` says how) and, for each size:

  * jieba.cut on one core over (up to 1,000 of) the same articles, measured right before the
    ingest, so the ratio compares two things timed under the same load on the machine; also
    per CPU-second, and the ingest's chars per CPU-second (all its processes) against it:
    a ratio load hardly moves, and W times it is what W idle cores would give at best;
  * `kg ingest --workers W` into a fresh store: seconds, chars/s, ratio to jieba, articles/s,
    peak RSS of its largest process (the writer or a worker), and the CPU seconds of all its
    processes, with chars per CPU-second: the figure that load on a shared machine moves least;
  * an unchanged re-ingest of the same corpus: seconds and peak RSS;
  * with --all-changed, a re-ingest in which every article counts as changed, as after an
    upgrade of kg: seconds, CPU seconds and peak RSS. `--all-changed code` runs the tree from a
    copy whose extractor fingerprint differs (a comment added to kg/rdf/__init__.py): every
    article is re-extracted and rewritten, and the statistics are kept batch by batch;
    `--all-changed reference` runs it with a copy of the ontology folder ($KG_ONTOLOGY) whose
    reference data differs by a blank line: the fingerprint changes too, the reference graph
    is replaced, and the statistics are recounted in full at the end (what an upgrade that
    brings new reference data does).

Peak RSS is given for the writer (the `kg ingest` process) and the largest worker apart,
sampled every second from /proc by bench/rss_sampler.py, which also starts kg (the writer's
also as a ratio to the largest process's at the smallest size), and so is CPU; --rss-log DIR
keeps each run's samples there (seconds, writer MiB, each worker's MiB).

On the smallest corpus it also times, in this process on one core, the NLP pipeline alone
and pipeline + extraction + RDF: the most an ingest can do per core, whatever it writes.
The peak RSS of each size is printed as a ratio to the smallest size's.

--compare SRC runs every ingest a second time with the kg source tree at SRC (for instance
`git archive main | tar -x -C /tmp/kg-main`), right after this tree's, into its own store:
before-and-after figures from one run. --repeat N ingests each size N times per tree, the
trees taking turns, and ends each size with the medians (on a machine shared with other
work, one pair of runs can differ by a third either way). --keep DIR keeps the corpora (and
stores) there.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus_bench import build_corpus, jieba_rate, sentences, stage_rates  # noqa: E402


@dataclass
class Run:
    secs: float
    cpu: float
    rss_mib: float
    writer_mib: float = 0.0
    worker_mib: float = 0.0
    worker_cpu: float = 0.0

    def peaks(self) -> str:
        return (f"peak RSS writer {self.writer_mib:,.0f} MiB, largest worker {self.worker_mib:,.0f} MiB; "
                f"CPU writer {self.cpu - self.worker_cpu:,.1f} s, workers {self.worker_cpu:,.1f} s")


# Runs a command, samples its processes' RSS and prints its resource usage as the last line of
# stderr. kg is started from this small process, not from the bench's: a child's peak RSS counts
# what it inherited before exec, and the bench holds a whole pipeline by then (that inflated
# earlier figures at 100 articles).
LAUNCHER = str(ROOT / "bench" / "rss_sampler.py")


def kg_ingest(store: Path, folder: Path, workers: int, src: Path | None, log: Path | None = None,
              env: dict[str, str] | None = None) -> Run:
    """`kg --store store ingest --workers W folder` as a child process, with its resource usage
    (wait4 counts the workers it reaped: their CPU, and the largest RSS among them) and the
    writer's and workers' sampled peaks."""
    # this tree or another checkout of kg, run with this interpreter and its packages (the `kg`
    # beside the interpreter runs whichever tree is installed, not necessarily this one)
    cmd = [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(src or ROOT)!r}); "
                                 "from kg.cli.main import main; sys.argv[0] = 'kg'; main()"]
    start = time.perf_counter()
    logging = ["--log", str(log)] if log else []
    proc = subprocess.run([sys.executable, LAUNCHER, *logging, "--", *cmd, "--store", str(store), "ingest", "--silent",
                           "--workers", str(workers), str(folder)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, text=True,
                          env={**os.environ, **(env or {})})
    secs = time.perf_counter() - start
    status, cpu, maxrss, own, descendant, reaped = json.loads(proc.stderr.strip().splitlines()[-1])
    if status:
        raise SystemExit(f"kg ingest {folder} failed: {proc.stderr[-2000:]}")
    return Run(secs, cpu, maxrss / 1024, own / 1024, descendant / 1024, reaped)


def changed_tree(src: Path, into: Path) -> Path:
    """A copy of the kg source tree at src whose extractor fingerprint differs (a comment added to
    kg/rdf/__init__.py): ingesting with it counts every stored article as changed, as an upgrade does."""
    shutil.copytree(src / "kg", into / "kg", ignore=shutil.ignore_patterns("__pycache__"))
    with open(into / "kg" / "rdf" / "__init__.py", "a", encoding="utf-8") as f:
        f.write("# a changed extractor (bench/ingest_bench.py --all-changed)\n")
    return into


def changed_reference(into: Path) -> Path:
    """A copy of this tree's ontology folder whose reference data differs by a blank line at the end
    of one file (read the same): the extractor fingerprint and the reference graph's hash change."""
    shutil.copytree(ROOT / "ontology", into)
    with open(into / "reference" / "places.csv", "a", encoding="utf-8") as f:
        f.write("\n")
    return into


def jieba_rates(texts: list[str]) -> tuple[float, float]:
    """jieba.cut over texts on one core: chars per second and chars per CPU-second."""
    import jieba
    jieba_rate(texts[:1])   # loads the dictionary, silently
    wall, cpu = time.perf_counter(), time.process_time()
    for t in texts:
        for _ in jieba.cut(t):
            pass
    chars = sum(map(len, texts))
    return chars / (time.perf_counter() - wall), chars / (time.process_time() - cpu)


def texts_of(folder: Path, limit: int) -> list[str]:
    from kg.corpus import read_article
    return [read_article(p).text for p in sorted(folder.glob("*.md"))[:limit]]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100,1000")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--keep", help="folder to keep the corpora and stores in")
    ap.add_argument("--compare", metavar="SRC", help="another kg source tree to run every ingest with too")
    ap.add_argument("--repeat", type=int, default=1, metavar="N",
                    help="ingest each size N times per tree, taking turns, and print the medians")
    ap.add_argument("--all-changed", choices=("code", "reference"),
                    help="after the unchanged re-ingest, re-ingest with every article changed (an upgrade of kg's code, "
                         "or of its reference data)")
    ap.add_argument("--rss-log", metavar="DIR", help="keep each run's RSS samples in DIR")
    args = ap.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    trees = [("this tree", None)] + ([(f"{args.compare}", Path(args.compare).resolve())] if args.compare else [])
    pool = sentences()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.keep) if args.keep else Path(tmp)
        corpora = {n: work / f"corpus{n}" for n in sizes}
        chars = {n: build_corpus(corpora[n], n, pool) for n in sizes}
        small = sizes[0]
        base = jieba_rate(texts_of(corpora[small], 1000))
        nlp_rate, extract_rate = stage_rates(corpora[small])
        print(f"one core, {small} articles: jieba.cut {base:,.0f} chars/s; NLP pipeline alone {nlp_rate:,.0f} "
              f"({nlp_rate / base:.3f}x jieba); with extraction and RDF {extract_rate:,.0f} ({extract_rate / base:.3f}x)",
              flush=True)
        first: dict[str, float] = {}
        for n in sizes:
            ratios: dict[str, list[tuple[float, float]]] = {label: [] for label, _ in trees}
            for rep in range(args.repeat):
                for label, src in trees:
                    store = work / f"store{n}-{'this' if src is None else 'compare'}"
                    shutil.rmtree(store, ignore_errors=True)
                    base, base_cpu = jieba_rates(texts_of(corpora[n], 1000))
                    tag = f"{n}-{'this' if src is None else 'compare'}-{rep}"
                    logs = Path(args.rss_log) if args.rss_log else None
                    if logs:
                        logs.mkdir(parents=True, exist_ok=True)
                    run = kg_ingest(store, corpora[n], args.workers, src, logs / f"{tag}-first.txt" if logs else None)
                    again = kg_ingest(store, corpora[n], args.workers, src) if rep == 0 else None
                    upgraded = None
                    if args.all_changed and rep == 0:
                        upgrade = work / f"upgraded-{tag}"
                        shutil.rmtree(upgrade, ignore_errors=True)
                        log = logs / f"{tag}-all-changed.txt" if logs else None
                        if args.all_changed == "code":
                            upgraded = kg_ingest(store, corpora[n], args.workers, changed_tree(src or ROOT, upgrade), log)
                        else:
                            upgraded = kg_ingest(store, corpora[n], args.workers, src, log,
                                                 env={"KG_ONTOLOGY": str(changed_reference(upgrade))})
                        shutil.rmtree(upgrade, ignore_errors=True)
                    first.setdefault(label, run.rss_mib)
                    rate, per_cpu = chars[n] / run.secs, chars[n] / run.cpu
                    ratios[label].append((rate / base, per_cpu / base_cpu))
                    print(f"\n{n} articles ({chars[n]:,} chars), {label}, --workers {args.workers}: jieba.cut {base:,.0f} "
                          f"chars/s ({base_cpu:,.0f} per CPU-second)\n"
                          f"  ingest {run.secs:7.1f} s  {rate:8,.0f} chars/s  {rate / base:5.3f}x jieba  "
                          f"{n / run.secs:5.1f} articles/s  CPU {run.cpu:6.1f} s ({per_cpu:,.0f} chars per CPU-second, "
                          f"{per_cpu / base_cpu:.3f}x jieba's; on {args.workers} idle cores at best "
                          f"{args.workers * per_cpu / base_cpu:.3f}x)  "
                          f"peak RSS {run.rss_mib:,.0f} MiB ({run.rss_mib / first[label]:.2f}x {small} articles'; "
                          f"{run.peaks()}; the writer's {run.writer_mib / first[label]:.2f}x the largest at {small})"
                          + (f"\n  unchanged re-ingest {again.secs:6.2f} s  peak RSS {again.rss_mib:,.0f} MiB"
                             if again else "")
                          + (f"\n  all-changed ({args.all_changed}) re-ingest {upgraded.secs:6.1f} s  CPU {upgraded.cpu:6.1f} s  "
                             f"{upgraded.peaks()}" if upgraded else ""), flush=True)
                    if not args.keep:
                        shutil.rmtree(store, ignore_errors=True)
            if args.repeat > 1:
                print(f"\n{n} articles, medians of {args.repeat}:")
                for label, values in ratios.items():
                    print(f"  {label}: {statistics.median(v[0] for v in values):.3f}x jieba.cut, chars per CPU-second "
                          f"{statistics.median(v[1] for v in values):.3f}x jieba's")


if __name__ == "__main__":
    main()
