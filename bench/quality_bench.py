"""Extraction quality as the project is judged (`../shared/eval/score.py`), and speed, in one run.

    python bench/quality_bench.py

The sets are fixed here so that every figure is reported on the same articles:

  seed        the corpus article, with its gold in ../shared/eval/gold
  dev-tune    8 of the 12 development articles: rules, cue lists and thresholds are fitted to these
  dev-check   the other 4 (2 per script, 4 publishers): never looked at while tuning, read only
              at the end of an issue, so their figures say how extraction fares on unseen text
  own         tests/data/unseen: articles written for this project (tuned on since, so development)

The development articles are the publishers' text: they are read from ../shared at run time and
never copied into the project.
"""
from __future__ import annotations

import re
import subprocess
import time
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED_EVAL = ROOT.parent / "shared" / "eval"
SCORER = SHARED_EVAL / "score.py"
DEV = SHARED_EVAL / "dev"

DEV_CHECK = ("15-cambricon-fy2025-results-cnyes", "22-singapore-nvidia-server-fraud-orientaldaily",
             "27-tsmc-2nm-revenue-ltn", "29-huawei-ascend-384-supernode-kuaikeji")
MEASURES = ("entities_f1", "pairs_f1", "dates_f1", "values_f1", "relations_recall")


@dataclass(frozen=True)
class ArticleSet:
    name: str
    articles: tuple[tuple[Path, Path], ...]   # (article, gold)


def article_sets() -> dict[str, ArticleSet]:
    """The named sets whose files exist here (the dev sets need ../shared/eval)."""
    sets: dict[str, ArticleSet] = {}
    seed_gold = SHARED_EVAL / "gold" / "h200-export-2025.json"
    if seed_gold.exists():
        sets["seed"] = ArticleSet("seed", ((ROOT / "corpus" / "h200-export-2025.md", seed_gold),))
    dev = sorted((DEV / "corpus").glob("*.md")) if DEV.exists() else []
    pairs = [(p, DEV / "gold" / f"{p.stem}.json") for p in dev]
    sets["dev-tune"] = ArticleSet("dev-tune", tuple(x for x in pairs if x[0].stem not in DEV_CHECK))
    sets["dev-check"] = ArticleSet("dev-check", tuple(x for x in pairs if x[0].stem in DEV_CHECK))
    own = sorted((ROOT / "tests" / "data" / "unseen").glob("*.md"))
    sets["own"] = ArticleSet("own", tuple((p, p.with_suffix(".json")) for p in own))
    return {k: v for k, v in sets.items() if v.articles}


def score_set(articles: tuple[tuple[Path, Path], ...], workdir: Path, kg: list[str] | None = None) -> dict[str, float]:
    """Ingest the articles into a fresh store with the `kg` command, export each, and score them
    together (micro-averaged)."""
    kg = kg or [str(Path(sys.executable).with_name("kg"))]
    store = workdir / "store"
    subprocess.run([*kg, "--store", str(store), "ingest", *(str(a) for a, _ in articles)],
                   check=True, capture_output=True, text=True)
    args: list[str] = []
    for article, gold in articles:
        out = workdir / f"{article.stem}.nq"
        nq = subprocess.run([*kg, "--store", str(store), "export", "--doc", str(article), "--format", "nquads"],
                            check=True, capture_output=True, text=True).stdout
        out.write_text(nq, encoding="utf-8")
        args += ["--pair", str(gold), str(out)]
    res = subprocess.run([sys.executable, str(SCORER), "--ontology", str(ROOT / "ontology"), *args],
                         check=True, capture_output=True, text=True).stdout
    last = res.strip().splitlines()[-1]
    return {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", last)}


def main() -> None:
    """Print the quality table of every set (the README's table), with the extraction speed of the
    same articles against jieba.cut on the same text, timed in this run."""
    import jieba
    from kg.corpus import read_article
    from kg.extraction.extract import extract
    from kg.nlp import make_nlp
    print("| set | articles | entities | pairs | dates | values | relations | pipeline chars/s | × jieba.cut |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    nlp = make_nlp()
    jieba.initialize()
    nlp("暖機：星曜半導體董事長林子恒昨（14）日表示，瀚川智算在深圳。")  # load dictionaries and models before timing
    for name, s in article_sets().items():
        with tempfile.TemporaryDirectory() as tmp:
            sc = score_set(s.articles, Path(tmp))
        arts = [read_article(a) for a, _ in s.articles]
        chars = sum(len(a.text) for a in arts)
        t0 = time.perf_counter()
        for _ in range(3):
            for a in arts:
                list(jieba.cut(a.text))
        base = 3 * chars / (time.perf_counter() - t0)
        t0 = time.perf_counter()
        for _ in range(3):
            for a in arts:
                doc = nlp.make_doc(a.text)
                if a.published:
                    doc.user_data["published"] = a.published
                extract(nlp(doc), a)
        rate = 3 * chars / (time.perf_counter() - t0)
        print(f"| {name} | {len(s.articles)} | " + " | ".join(f"{sc[m]:.2f}" for m in MEASURES)
              + f" | {rate:,.0f} | {rate / base:.2f} |")


if __name__ == "__main__":
    main()
