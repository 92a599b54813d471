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


def _run(ontology, probe: str = PROBE) -> subprocess.CompletedProcess:
    """The probe's output in a child process reading the ontology (and its lexicons) at ontology."""
    env = {**os.environ, "KG_ONTOLOGY": str(ontology)}
    return subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, cwd=ROOT)


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
    run = lambda: _run(onto, CUE_PROBE)
    assert run().stdout.split() == ["True", "False"]
    with open(onto / "lexicon" / "clause-cues.csv", "a", encoding="utf-8") as f:
        f.write('"reporting","揭露","a verb of saying of our own"\n')
    assert run().stdout.split() == ["True", "True"]
    with open(onto / "lexicon" / "clause-cues.csv", "a", encoding="utf-8") as f:
        f.write('"reporting","(unclosed",""\n')
    res = run()
    assert res.returncode != 0 and "clause-cues.csv:" in res.stderr and "bad clause cue row" in res.stderr


FIRM_PROBE = """
from kg.corpus import Article
from kg.extraction.extract import extract
from kg.nlp import make_nlp
from kg.nlp.components.new_entities import KIND_THEN_LATIN
nlp = make_nlp()
for text in ("美國晶片新秀Zentrix週一推出新款推理晶片。", "美国芯片新秀Zentrix周一推出新款推理芯片。"):
    f = extract(nlp(nlp.make_doc(text)), Article(key="t/x.md", text=text, sha256="0" * 64, published=None))
    print(any("Zentrix" in e.names and e.cls == "Company" for e in f.entities.values()))
print(KIND_THEN_LATIN.search("芯片设计公司") is not None)
"""


def test_a_cue_word_of_a_pattern_built_in_code_added_by_a_user_changes_extraction(tmp_path):
    """firm-word (公司, 新創 before a Latin name) is a kind whose words a pattern in code takes:
    a row of one's own (新秀) makes Zentrix in 晶片新秀Zentrix a company; with no rows the kind
    matches nothing."""
    onto = tmp_path / "ontology"
    shutil.copytree(ROOT / "ontology", onto)
    cues = onto / "lexicon" / "clause-cues.csv"
    run = lambda: _run(onto, FIRM_PROBE)
    before = run()
    assert before.returncode == 0, before.stderr
    assert before.stdout.split() == ["False", "False", "True"]
    with open(cues, "a", encoding="utf-8") as f:
        f.write('"firm-word","新秀","晶片新秀Zentrix: a rising firm, of our own"\n')
    assert run().stdout.split() == ["True", "True", "True"]
    rows = cues.read_text(encoding="utf-8").splitlines(keepends=True)
    cues.write_text("".join(r for r in rows if not r.startswith('"firm-word"')), encoding="utf-8")
    assert run().stdout.split() == ["False", "False", "False"]


TRIGGER_PROBE = """
from kg.nlp import make_nlp
nlp = make_nlp()
for text in ("黃仁勳週一造訪台積電。", "黄仁勋周一造访台积电。"):
    print(sorted({s["kind"] for s in nlp(text)._.kg_statements}))
"""


def test_a_statement_trigger_added_by_a_user_makes_statements_and_a_bad_one_is_refused(tmp_path):
    """A row of one's own in statement-triggers.csv (造訪, visited) makes a visit statement in
    both scripts; a row of a kind the code gives no roles to, or a pattern that does not compile,
    stops the pipeline with one line naming the file and line."""
    onto = tmp_path / "ontology"
    shutil.copytree(ROOT / "ontology", onto)
    triggers = onto / "lexicon" / "statement-triggers.csv"
    run = lambda: _run(onto, TRIGGER_PROBE)
    before = run()
    assert before.returncode == 0, before.stderr
    assert before.stdout.splitlines() == ["[]", "[]"]
    good = triggers.read_text(encoding="utf-8") + '"visit","造访","黃仁勳造訪台積電: visited, of our own"\n'
    triggers.write_text(good, encoding="utf-8")
    after = run()
    assert after.returncode == 0, after.stderr
    assert after.stdout.splitlines() == ["['visit']", "['visit']"]
    line = good.count("\n") + 1
    for bad, why in (('"sighting","目击",""', "kind must be one of"), ('"visit","(unclosed",""', "missing )")):
        triggers.write_text(good + bad + "\n", encoding="utf-8")
        res = run()
        assert res.returncode != 0
        message = [m for m in res.stderr.splitlines() if "statement-triggers.csv:" in m]
        assert len(message) == 1 and f"statement-triggers.csv:{line}: bad statement trigger row" in message[0], res.stderr
        assert why in message[0]


def _names_probe(cls: str, *sentences: str) -> str:
    """A probe printing, for each sentence, the names of the entities of class cls extracted from it."""
    return f"""
from kg.corpus import Article
from kg.extraction.extract import extract
from kg.nlp import make_nlp
nlp = make_nlp()
for text in {sentences!r}:
    f = extract(nlp(nlp.make_doc(text)), Article(key="t/x.md", text=text, sha256="0" * 64, published=None))
    print(sorted(n for e in f.entities.values() if e.cls == {cls!r} for n in e.names))
"""


BRAND_PROBE = _names_probe("Chip", "北辰微電子今年出貨的鴻鵠90表現亮眼。", "北辰微电子今年出货的鸿鹄90表现亮眼。")


def test_a_name_cue_added_by_a_user_finds_a_name_and_a_bad_word_list_row_is_refused(tmp_path):
    """chip-brand (ontology/lexicon/name-cues.csv) is the Chinese chip brands a model number follows:
    a brand of one's own (鴻鵠) makes 鴻鵠90 a chip in both scripts; a row of a word-list kind
    (area-word) that is a pattern, not words, stops the pipeline with one line naming the file."""
    onto = tmp_path / "ontology"
    shutil.copytree(ROOT / "ontology", onto)
    cues = onto / "lexicon" / "name-cues.csv"
    run = lambda: _run(onto, BRAND_PROBE)
    before = run()
    assert before.returncode == 0, before.stderr
    assert before.stdout.splitlines() == ["[]", "[]"]
    good = cues.read_text(encoding="utf-8") + '"chip-brand","鸿鹄","鴻鵠90: a brand of our own"\n'
    cues.write_text(good, encoding="utf-8")
    after = run()
    assert after.returncode == 0, after.stderr
    assert after.stdout.splitlines() == ["['鴻鵠90']", "['鸿鹄90']"]
    cues.write_text(good + '"area-word","[a-z]区",""\n', encoding="utf-8")
    res = run()
    assert res.returncode != 0
    message = [m for m in res.stderr.splitlines() if "name-cues.csv:" in m]
    assert len(message) == 1 and "bad name cue row" in message[0] and "words joined by |" in message[0], res.stderr


DESCRIPTOR_PROBE = _names_probe("Company", "老搭檔星河微電子今天宣布量產。", "老搭档星河微电子今天宣布量产。")


def test_the_words_that_bound_a_name_are_data_a_user_extends(tmp_path):
    """What a firm is to someone before its name (descriptor, in name-cues.csv) is cut off the name:
    a word of one's own (老搭檔, an old partner) makes 老搭檔星河微電子 the company 星河微電子 in both
    scripts."""
    onto = tmp_path / "ontology"
    shutil.copytree(ROOT / "ontology", onto)
    cues = onto / "lexicon" / "name-cues.csv"
    run = lambda: _run(onto, DESCRIPTOR_PROBE)
    before = run()
    assert before.returncode == 0, before.stderr
    assert before.stdout.splitlines() == ["['老搭檔星河微電子']", "['老搭档星河微电子']"]
    cues.write_text(cues.read_text(encoding="utf-8") + '"descriptor","老搭档","老搭檔星河: of our own"\n', encoding="utf-8")
    after = run()
    assert after.returncode == 0, after.stderr
    assert after.stdout.splitlines() == ["['星河微電子']", "['星河微电子']"]


MARKET_PROBE = ("from kg.extraction.extract import _market_codes; from kg.reference import lexicon_file; "
                "print(_market_codes(str(lexicon_file('market-codes.csv'))))")


def test_a_market_code_row_added_by_a_user_is_read_and_a_bad_one_refused(tmp_path):
    onto = tmp_path / "ontology"
    shutil.copytree(ROOT / "ontology", onto)
    before = _run(onto, MARKET_PROBE)
    assert before.returncode == 0, before.stderr
    assert "kosdaq" not in before.stdout and "'hkex'" in before.stdout
    with open(onto / "lexicon" / "market-codes.csv", "a", encoding="utf-8") as f:
        f.write("kq,,kosdaq,\"(247540.KQ): a KOSDAQ listing\"\n")
    after = _run(onto, MARKET_PROBE)
    assert after.returncode == 0, after.stderr
    assert "('kq', (), 'kosdaq')" in after.stdout
    with open(onto / "lexicon" / "market-codes.csv", "a", encoding="utf-8") as f:
        f.write("hk,06a,hkex,a prefix that is no number\n")
    bad = _run(onto, MARKET_PROBE)
    assert bad.returncode != 0
    assert "market-codes.csv:12: bad market code row" in bad.stderr.strip().splitlines()[-1], bad.stderr


SHORTHAND_PROBE = ("from kg.reference.known import country_shorthand, lexicon_file; "
                   "print(sorted(country_shorthand(str(lexicon_file('country-shorthand.csv'))).items()))")


def test_a_country_shorthand_row_added_by_a_user_is_read_and_a_bad_one_refused(tmp_path):
    onto = tmp_path / "ontology"
    shutil.copytree(ROOT / "ontology", onto)
    before = _run(onto, SHORTHAND_PROBE)
    assert before.returncode == 0, before.stderr
    assert "('美商', 'usa')" in before.stdout and "以商" not in before.stdout
    with open(onto / "lexicon" / "country-shorthand.csv", "a", encoding="utf-8") as f:
        f.write("以商,israel,\"以商晴川: an Israeli firm\"\n")
    after = _run(onto, SHORTHAND_PROBE)
    assert after.returncode == 0, after.stderr
    assert "('以商', 'israel')" in after.stdout
    with open(onto / "lexicon" / "country-shorthand.csv", "a", encoding="utf-8") as f:
        f.write("商,israel,a word too short\n")
    bad = _run(onto, SHORTHAND_PROBE)
    assert bad.returncode != 0
    line = len((onto / "lexicon" / "country-shorthand.csv").read_text(encoding="utf-8").splitlines())
    assert f"country-shorthand.csv:{line}: bad country shorthand row" in bad.stderr.strip().splitlines()[-1], bad.stderr
