"""CPU seconds (time.process_time) per pipeline component and for extraction, for one kg tree.

    python bench/cpu_bench.py TREE CORPUS [--repeat N] [--profile OUT]

TREE is a checkout of kg (put first on sys.path); CORPUS is a folder of .md articles or a
file listing one article path a line. Each doc runs through the components one by one (as
nlp(text) does), each component's CPU time summed; then extract() and article_lines() per
doc. Prints one JSON line. Run it for two trees in the same session and compare ratios:
other jobs on the machine move absolute figures, not the ratio much.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main() -> None:
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument("tree")
    ap.add_argument("corpus")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--profile")
    args = ap.parse_args()
    sys.path.insert(0, args.tree)
    import kg
    assert Path(kg.__file__).resolve().is_relative_to(Path(args.tree).resolve()), kg.__file__
    from kg.corpus import read_article
    from kg.extraction.extract import extract
    from kg.nlp import make_nlp
    from kg.rdf.build import article_lines
    from kg.reference import load_reference
    src = Path(args.corpus)
    paths = sorted(src.glob("*.md")) if src.is_dir() else [Path(line.strip()) for line in src.read_text().split("\n") if line.strip()]
    arts = [read_article(p) for p in paths]
    nlp, ref = make_nlp(), load_reference()
    nlp("預熱")
    comp: dict[str, float] = {name: 0.0 for name, _ in nlp.pipeline}
    comp["make_doc"] = 0.0
    ext = rdf = 0.0
    prof = None
    if args.profile:
        import cProfile
        prof = cProfile.Profile()
    for _ in range(args.repeat):
        for art in arts:
            if prof: prof.enable()
            t = time.process_time()
            doc = nlp.make_doc(art.text)
            t2 = time.process_time(); comp["make_doc"] += t2 - t
            for name, proc in nlp.pipeline:
                t = time.process_time()
                doc = proc(doc)
                t2 = time.process_time(); comp[name] += t2 - t
            t = time.process_time()
            ex = extract(doc, art)
            t2 = time.process_time(); ext += t2 - t
            article_lines(ex, ref)
            rdf += time.process_time() - t2
            if prof: prof.disable()
    if prof:
        prof.dump_stats(args.profile)
    pipeline = sum(comp.values())
    print(json.dumps({"tree": args.tree, "docs": len(arts), "components": {k: round(v, 3) for k, v in comp.items()},
                      "pipeline": round(pipeline, 3), "extract": round(ext, 3), "rdf": round(rdf, 3),
                      "pipeline+extract": round(pipeline + ext, 3)}, ensure_ascii=False))


if __name__ == "__main__":
    main()
