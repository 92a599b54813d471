"""Throughput of the extraction path against jieba on the same text, measured in one run.

    python bench/ingest_bench.py [--articles N]

Builds a corpus by repeating the project's articles (corpus/ and tests/data/unseen/),
then times, on one core: jieba.cut (the baseline the targets are stated against), the
spaCy pipeline alone, pipeline + extraction + RDF triples, and a full `kg ingest` into a
fresh store (including the store's writes). Prints chars/s and the ratio to the baseline.
"""
from __future__ import annotations

import argparse
import logging
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def texts() -> list[str]:
    from kg.corpus import read_article
    files = sorted((ROOT / "corpus").glob("*.md")) + sorted((ROOT / "tests" / "data" / "unseen").glob("*.md"))
    return [read_article(f).text for f in files]


def timed(label: str, chars: int, fn, baseline: float | None = None) -> float:
    start = time.perf_counter()
    fn()
    secs = time.perf_counter() - start
    rate = chars / secs
    ratio = f"  {rate / baseline:5.2f}x jieba" if baseline else ""
    print(f"{label:<34} {secs:7.2f} s  {rate:10,.0f} chars/s{ratio}")
    return rate


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100)
    args = ap.parse_args()
    import jieba
    jieba.setLogLevel(logging.WARNING)
    base = texts()
    corpus = [base[i % len(base)] for i in range(args.articles)]
    chars = sum(map(len, corpus))
    print(f"{len(corpus)} articles, {chars:,} characters")

    from kg.corpus import Article
    from kg.extraction.extract import extract
    from kg.nlp import make_nlp
    from kg.rdf.build import article_triples
    from kg.reference import load_reference
    jieba.initialize()
    nlp = make_nlp()
    ref = load_reference()
    nlp("預熱")

    baseline = timed("jieba.cut (baseline)", chars, lambda: [list(jieba.cut(t)) for t in corpus])
    timed("spaCy pipeline (nlp.pipe)", chars, lambda: list(nlp.pipe(corpus)), baseline)

    def full():
        for i, doc in enumerate(nlp.pipe(corpus)):
            art = Article(key=f"bench/{i}.md", text=doc.text, sha256="0" * 64)
            article_triples(extract(doc, art), ref)
    timed("pipeline + extraction + RDF", chars, full, baseline)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        for i, t in enumerate(corpus):
            (folder / f"a{i:05d}.md").write_text(t, encoding="utf-8")
        kg = str(Path(sys.executable).with_name("kg"))
        store = str(Path(tmp) / "store")
        timed("kg ingest (new store, with startup)", chars,
              lambda: subprocess.run([kg, "--store", store, "ingest", "--silent", str(folder)], check=True,
                                     capture_output=True), baseline)
        timed("kg ingest again (all unchanged)", chars,
              lambda: subprocess.run([kg, "--store", store, "ingest", "--silent", str(folder)], check=True,
                                     capture_output=True), baseline)


if __name__ == "__main__":
    main()
