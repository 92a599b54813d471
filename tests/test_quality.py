"""Extraction quality, measured the way the project is judged: ../shared/eval/score.py.

Two sets: the corpus article with its dev gold (../shared/eval/gold), and tests/data/unseen,
four articles written for this project (two in each script, with invented companies,
people, chips and rules) with gold annotations made without looking at the extractor.
Floors sit below today's figures, so a change that makes extraction worse fails here.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CORPUS_ARTICLE, ROOT, run_kg

SCORER = ROOT.parent / "shared" / "eval" / "score.py"
DEV_GOLD = ROOT.parent / "shared" / "eval" / "gold" / "h200-export-2025.json"
UNSEEN = ROOT / "tests" / "data" / "unseen"

pytestmark = pytest.mark.skipif(not SCORER.exists(), reason="../shared/eval/score.py is not beside the project")


def score(pairs: list[tuple[Path, Path]]) -> dict[str, float]:
    args = [a for gold, export in pairs for a in ("--pair", str(gold), str(export))]
    out = subprocess.run([sys.executable, str(SCORER), "--ontology", str(ROOT / "ontology"), *args],
                         capture_output=True, text=True, check=True).stdout
    last = out.strip().splitlines()[-1]
    print(out)
    return {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", last)}


def export_each(store: Path, docs: list[str], tmp_path: Path) -> list[Path]:
    paths = []
    for doc in docs:
        out = tmp_path / (Path(doc).stem + ".nq")
        out.write_text(run_kg("export", "--doc", doc, "--format", "nquads", store=store).stdout, encoding="utf-8")
        paths.append(out)
    return paths


def test_dev_article_meets_the_targets(corpus_store, tmp_path):
    [export] = export_each(corpus_store, [CORPUS_ARTICLE], tmp_path)
    s = score([(DEV_GOLD, export)])
    assert s["entities_f1"] >= 0.92 and s["pairs_f1"] >= 0.80 and s["dates_f1"] >= 0.90
    assert s["values_f1"] >= 0.90 and s["relations_recall"] >= 0.85


def test_unseen_articles_in_both_scripts(tmp_path):
    store = tmp_path / "unseen"
    run_kg("ingest", str(UNSEEN), store=store)
    docs = sorted(str(p) for p in UNSEEN.glob("*.md"))
    exports = export_each(store, docs, tmp_path)
    s = score([(Path(d).with_suffix(".json"), e) for d, e in zip(docs, exports)])
    assert s["entities_f1"] >= 0.90 and s["dates_f1"] >= 0.85 and s["values_f1"] >= 0.70
    assert s["pairs_f1"] >= 0.65 and s["relations_recall"] >= 0.65
