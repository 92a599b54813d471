"""One changed article's `kg ingest` on a large store: the statistics recount before and after.

    python bench/statistics_bench.py --store COPY --file EDITABLE.md [--compare OLD] [--runs 3]

Ingests one article through the Python API (`kg.ingest.ingest`, the function `kg ingest`
calls, given that one file, so that no other article of the store is read, extracted again or
pruned, whatever extractor made them): EDITABLE.md (e.g. a copy of one of the corpus's
articles) is ingested once untimed, then rewritten with a new sentence and ingested again each
run: one changed article. Times the whole ingest (store open, extraction in this process, writes, recount) and the
statistics step alone (`refresh_statistics`), and checks the counts against a full recount.
--compare OLD runs the same in a subprocess on another checkout's code (PYTHONPATH=OLD, e.g.
`git archive` of the commit before), alternating with this code on the same store, so both
are measured in one run under the same load. Never point --store at a store you need
unchanged: it is written.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

SENTENCES = ["華為表示將擴大昇騰910C芯片的產能。", "寒武紀發布思元590芯片。", "中芯國際在上海擴產。",
             "英偉達表示H20芯片的銷售受到限制。"]


def one(store: str, file: Path, run: int) -> dict:
    import kg.ingest as ingest_module
    from kg.store import open_store
    from kg.store import statistics as stats

    original = file.with_suffix(".orig")
    if not original.exists():
        original.write_bytes(file.read_bytes())
    file.write_text(original.read_text(encoding="utf-8") + "\n" + SENTENCES[run % len(SENTENCES)] + f"（{run}）\n",
                    encoding="utf-8")
    spent = []
    refresh = ingest_module.refresh_statistics

    def timed(db):
        t = time.perf_counter()
        refresh(db)
        spent.append(time.perf_counter() - t)
    ingest_module.refresh_statistics = timed
    t0 = time.perf_counter()
    with open_store(store, write=True) as db:
        report = ingest_module.ingest([file], db, prune=False, workers=1)
    total = time.perf_counter() - t0
    q = f"SELECT ?s ?p ?o WHERE {{ GRAPH <{stats.STATISTICS_GRAPH}> {{ ?s ?p ?o }} }}"
    with open_store(store, write=True) as db:
        kept = {(r["s"].value, r["p"].value, r["o"].value) for r in db.query(q)}
        t = time.perf_counter()
        stats.refresh(db, force=True)   # the full recount (co-mention, relation and figure rows too)
        full = time.perf_counter() - t
        recounted = {(r["s"].value, r["p"].value, r["o"].value) for r in db.query(q)}
        exact = kept == recounted
        if not exact:
            print("differs:", sorted(kept - recounted)[:10], sorted(recounted - kept)[:10], file=sys.stderr)
    return {"changed": len(report.changed), "ingest": total, "statistics": sum(spent), "full_recount": full,
            "exact": exact}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", required=True)
    ap.add_argument("--file", required=True, type=Path)
    ap.add_argument("--compare", metavar="OLD", help="another checkout's code, run alternately")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.one is not None:
        print(json.dumps(one(a.store, a.file, a.one)))
        return
    variants = [("after", None)] + ([("before", a.compare)] if a.compare else [])
    results: dict[str, list[dict]] = {name: [] for name, _ in variants}
    run = 0
    subprocess.run([sys.executable, __file__, "--store", a.store, "--file", str(a.file), "--one", "99"], check=True,
                   capture_output=True)   # the article in the store, as it will be changed
    for _ in range(a.runs):
        for name, path in reversed(variants):
            env = dict(os.environ)
            if path:
                env["PYTHONPATH"] = str(Path(path).resolve())
            out = subprocess.run([sys.executable, __file__, "--store", a.store, "--file", str(a.file),
                                  "--one", str(run)], env=env, check=True, capture_output=True, text=True).stdout
            run += 1
            results[name].append(json.loads(out.strip().splitlines()[-1]))
            print(name, results[name][-1], flush=True)
    print(f"load average: {os.getloadavg()}")
    for name, rows in results.items():
        med = {k: statistics.median(r[k] for r in rows) for k in ("ingest", "statistics", "full_recount")}
        print(f"{name}: one changed article, median of {len(rows)}: ingest {med['ingest']:.2f} s, "
              f"statistics {med['statistics']:.2f} s (a full recount of the same store: {med['full_recount']:.2f} s); "
              f"all exact: {all(r['exact'] for r in rows)}")
    if a.compare:
        b = statistics.median(r["ingest"] for r in results["before"])
        c = statistics.median(r["ingest"] for r in results["after"])
        bs = statistics.median(r["statistics"] for r in results["before"])
        cs = statistics.median(r["statistics"] for r in results["after"])
        print(f"ratio before/after: ingest {b / c:.1f}x, statistics {bs / cs:.1f}x")


if __name__ == "__main__":
    main()
