"""Extraction quality, measured the way the project is judged: ../shared/eval/score.py.

Four sets (see bench/quality_bench.py, which prints the README's table from the same code):
the corpus article with its gold; dev-tune, 8 real articles of ../shared/eval/dev that rules are
fitted to; dev-check, the 4 others, left untouched while tuning; and tests/data/unseen, four
articles written for this project. Floors sit below today's figures, so a change that makes
extraction worse fails here. Under CI=true a missing ../shared/eval is a failure, not a skip.
"""
from __future__ import annotations

import importlib.util
import os
import sys

import pytest

from conftest import ROOT

_spec = importlib.util.spec_from_file_location("quality_bench", ROOT / "bench" / "quality_bench.py")
quality = sys.modules.setdefault("quality_bench", importlib.util.module_from_spec(_spec))
_spec.loader.exec_module(quality)

FLOORS = {
    # set: entities, pairs, dates, values, relations recall (today's figures less a margin; README)
    # (the seed's pairs: the 0.99 it had before issue 10, less the 0.03)
    "seed": (0.97, 0.96, 0.97, 0.96, 0.97),
    "dev-tune": (0.93, 0.81, 0.91, 0.92, 0.90),
    "dev-check": (0.83, 0.64, 0.93, 0.80, 0.72),
    "own": (0.94, 0.74, 0.93, 0.89, 0.85),
}
#: the issue's bar, micro over the 12 development articles and the seed together
ALL_FLOORS = (0.92, 0.70, 0.90, 0.85, 0.70)


@pytest.fixture(scope="module")
def sets():
    found = quality.article_sets()
    if not quality.SCORER.exists() or "dev-tune" not in found:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{quality.SHARED_EVAL} (score.py and dev/) must be beside the project in CI")
        pytest.skip("../shared/eval is not beside the project")
    return found


@pytest.mark.parametrize("name", list(FLOORS))
def test_quality_holds_its_floor(name, sets, tmp_path):
    if name not in sets:
        pytest.fail(f"article set {name} is missing")
    got = quality.score_set(sets[name].articles, tmp_path)
    print(name, got)
    for measure, floor in zip(quality.MEASURES, FLOORS[name]):
        assert got[measure] >= floor, f"{name}: {measure} {got[measure]:.3f} fell below {floor}"


def test_quality_of_all_development_articles_and_the_seed(sets, tmp_path):
    articles = tuple(a for name in ("seed", "dev-tune", "dev-check") for a in sets[name].articles)
    assert len(articles) == 13
    got = quality.score_set(articles, tmp_path)
    print("all", got)
    for measure, floor in zip(quality.MEASURES, ALL_FLOORS):
        assert got[measure] >= floor, f"all 13: {measure} {got[measure]:.3f} fell below {floor}"


def test_dev_split_is_fixed(sets):
    """The check articles are the same four on every run, two per script."""
    check = [a.stem for a, _ in sets["dev-check"].articles]
    assert sorted(check) == sorted(quality.DEV_CHECK)
    assert len(sets["dev-tune"].articles) == 8
