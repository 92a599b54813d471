"""The cue lexicons in ontology/lexicon are data: a row a user adds is read, a bad row is a
one-line error naming the file and line. Run in a child process with KG_ONTOLOGY pointing at a
copy of the ontology, since the lexicons are read once per process."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

from conftest import ROOT

PROBE = ("from kg.nlp.amounts import find_amounts; from kg.text import fold; "
         "print(sorted({a.metric for a in find_amounts(fold('北辰微電子月投片量達3萬片，營收12億元'))} - {None}))")


def _run(ontology) -> subprocess.CompletedProcess:
    env = {**os.environ, "KG_ONTOLOGY": str(ontology)}
    return subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, cwd=ROOT)


def test_a_metric_row_added_by_a_user_is_read(tmp_path):
    onto = tmp_path / "ontology"
    shutil.copytree(ROOT / "ontology", onto)
    before = _run(onto)
    assert before.returncode == 0, before.stderr
    assert "wafer-starts" not in before.stdout
    with open(onto / "lexicon" / "metrics.csv", "a", encoding="utf-8") as f:
        f.write("wafer-starts,投片量,wafer starts,投片量,投片量\n")
    after = _run(onto)
    assert after.returncode == 0, after.stderr
    assert "wafer-starts" in after.stdout and "revenue" in after.stdout


def test_a_bad_metric_row_is_one_line_naming_the_file(tmp_path):
    onto = tmp_path / "ontology"
    shutil.copytree(ROOT / "ontology", onto)
    with open(onto / "lexicon" / "metrics.csv", "a", encoding="utf-8") as f:
        f.write(",營收\n")
    res = _run(onto)
    assert res.returncode != 0
    assert "metrics.csv:" in res.stderr and "bad metric row" in res.stderr


CUE_PROBE = ("from kg.extraction.frames import clause_cues; from kg.text import fold; c = clause_cues(); "
             "print(bool(c.reporting.search(fold('北辰微電子公告稱'))), bool(c.reporting.search(fold('北辰微電子揭露'))))")


def test_a_clause_cue_added_by_a_user_is_read_and_a_bad_one_refused(tmp_path):
    onto = tmp_path / "ontology"
    shutil.copytree(ROOT / "ontology", onto)
    env = {**os.environ, "KG_ONTOLOGY": str(onto)}
    run = lambda: subprocess.run([sys.executable, "-c", CUE_PROBE], env=env, capture_output=True, text=True, cwd=ROOT)
    assert run().stdout.split() == ["True", "False"]
    with open(onto / "lexicon" / "clause-cues.csv", "a", encoding="utf-8") as f:
        f.write('"reporting","揭露","a verb of saying of our own"\n')
    assert run().stdout.split() == ["True", "True"]
    with open(onto / "lexicon" / "clause-cues.csv", "a", encoding="utf-8") as f:
        f.write('"reporting","(unclosed",""\n')
    res = run()
    assert res.returncode != 0 and "clause-cues.csv:" in res.stderr and "bad clause cue row" in res.stderr
