"""What a figure measures: ontology/lexicon/metrics.csv, kept as data so users can add theirs.

Each row names a metric, the cue words (Simplified, `|`-separated) that announce it when they
stand before a figure in its clause (營收 → revenue, 季增 → qoq-change), and its label in
English, Traditional and Simplified Chinese for the viewer. A row without cues is a metric
set by a rule (age, tpp) that still needs its labels.
"""
from __future__ import annotations

import csv
from functools import lru_cache

from kg.errors import PipelineError


@lru_cache(maxsize=1)
def _rows() -> tuple[tuple[str, tuple[str, ...], tuple[str, str, str]], ...]:
    from kg.reference import lexicon_file
    from kg.text import fold
    path = lexicon_file("metrics.csv")
    if not path.exists():
        return ()
    out = []
    with open(path, encoding="utf-8", newline="") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            try:
                metric = row["metric"].strip()
                if not metric:
                    raise ValueError("no metric")
                cues = tuple(fold(c.strip()).lower() for c in (row.get("cues") or "").split("|") if c.strip())
                labels = (row["en"] or metric, row["zh_hant"] or metric, row["zh_hans"] or metric)
            except (KeyError, ValueError, AttributeError) as e:
                raise PipelineError(f"{path}:{line}: bad metric row: {e}") from e
            out.append((metric, cues, labels))
    return tuple(out)


def metric_cues() -> list[tuple[str, str]]:
    """(cue, metric) pairs, in the file's order."""
    return [(cue, metric) for metric, cues, _ in _rows() for cue in cues]


def metric_labels() -> dict[str, tuple[str, str, str]]:
    """metric → (en, zh-Hant, zh-Hans) label."""
    return {metric: labels for metric, _, labels in _rows()}
