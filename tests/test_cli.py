"""The `kg` command through a real subprocess, against a real store."""
from __future__ import annotations

import csv
import io
import re
import json

import pytest

from conftest import CORPUS_ARTICLE, run_kg

COMMANDS = ["ingest", "export", "query", "view", "stats", "explain", "validate"]


@pytest.mark.parametrize("command", [None] + COMMANDS)
def test_every_command_has_help_with_an_example(command):
    args = [command, "--help"] if command else ["--help"]
    out = run_kg(*[a for a in args if a]).stdout
    assert "Usage:" in out and re.search(r"Examples?:\s+kg ", out)


def test_stats_counts_the_corpus(corpus_store):
    out = run_kg("stats", store=corpus_store).stdout
    rows = dict(line.strip().split("\t") for line in out.splitlines())
    assert rows["articles"] == "1"
    assert int(rows["entities"]) >= 30
    assert int(rows["triples"]) > 1000
    assert int(rows["Person"]) >= 4 and int(rows["Chip"]) >= 8


CHIPS_BY_ALIAS = """
SELECT DISTINCT ?name WHERE {{
  GRAPH ?any {{ ?org rdfs:label|skos:altLabel|skos:prefLabel "{alias}"{tag} }}
  GRAPH ?g {{ ?chip kgo:developer ?org }}
  ?chip rdfs:label|skos:altLabel ?name .
}} ORDER BY ?name
"""


@pytest.mark.parametrize("alias, tag", [("英偉達", "@zh-Hant"), ("輝達", "@zh-Hant"), ("NVIDIA", "@en"),
                                         ("英伟达", "@zh-Hans")])
def test_which_chips_does_nvidia_develop_by_any_alias(corpus_store, alias, tag):
    out = run_kg("query", CHIPS_BY_ALIAS.format(alias=alias, tag=tag), "--format", "csv", store=corpus_store).stdout
    names = {row["name"] for row in csv.DictReader(io.StringIO(out))}
    assert {"H200", "A100", "H100"} <= names
    assert not names & {"昇騰910C", "MLU690", "P800"}


def test_query_formats(corpus_store, tmp_path):
    q = "SELECT ?a ?p WHERE { ?a kgo:sourcePath ?p }"
    data = json.loads(run_kg("query", q, "--format", "json", store=corpus_store).stdout)
    assert data["results"]["bindings"][0]["p"]["value"] == CORPUS_ARTICLE
    tsv = run_kg("query", q, "--format", "tsv", store=corpus_store).stdout
    assert tsv.splitlines()[0] == "a\tp"
    table = run_kg("query", q, store=corpus_store).stdout
    assert CORPUS_ARTICLE in table and "1 row\n" in table
    f = tmp_path / "q.rq"
    f.write_text("ASK { ?a kgo:sourcePath ?p }", encoding="utf-8")
    assert run_kg("query", str(f), store=corpus_store).stdout.strip() == "true"


def test_malformed_query_is_a_one_line_error(corpus_store):
    proc = run_kg("query", "SELECT WHERE {", store=corpus_store, check=False)
    assert proc.returncode == 1 and proc.stderr.startswith("kg: error: malformed SPARQL")


def test_missing_store_and_unknown_article_errors(tmp_path, corpus_store):
    proc = run_kg("stats", store=tmp_path / "nothing", check=False)
    assert proc.returncode == 1 and "no kg store here" in proc.stderr
    proc = run_kg("export", "--doc", "corpus/nope.md", store=corpus_store, check=False)
    assert proc.returncode == 1 and "no such article" in proc.stderr


def test_default_store_and_env_override(tmp_path):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text("華為發布昇騰910C芯片。\n", encoding="utf-8")
    from conftest import ROOT
    env = {"KG_ONTOLOGY": str(ROOT / "ontology")}
    run_kg("ingest", "c", cwd=tmp_path, env=env)
    assert (tmp_path / ".kg" / "oxigraph").is_dir()
    run_kg("ingest", "c", cwd=tmp_path, env={**env, "KG_STORE": str(tmp_path / "other")})
    assert (tmp_path / "other" / "oxigraph").is_dir()


def test_the_table_is_for_people_and_the_formats_for_machines(corpus_store):
    q = "SELECT ?chip ?developer WHERE { ?chip kgo:developer ?developer } ORDER BY ?chip"
    table = run_kg("query", q, store=corpus_store, env={"COLUMNS": "80"}).stdout
    assert "id:nvidia" in table and "https://w3id.org" not in table      # prefixed names, not cut IRIs
    assert max(len(line) for line in table.splitlines()) <= 80            # fitted to the terminal
    wide = run_kg("query", q, store=corpus_store, env={"COLUMNS": "160"}).stdout
    assert max(len(line) for line in wide.splitlines()) <= 160
    labelled = run_kg("query", q, "--labels", store=corpus_store, env={"COLUMNS": "160"}).stdout
    assert "id:nvidia" not in labelled and ("輝達" in labelled or "英偉達" in labelled)
    rows = list(csv.reader(io.StringIO(run_kg("query", q, "--format", "csv", store=corpus_store).stdout)))
    assert rows[0] == ["chip", "developer"] and all(r[1].startswith("https://w3id.org/aichip-kg/id/") for r in rows[1:])
    assert len(rows) - 1 == int(re.search(r"(\d+) rows?\n", table).group(1))


def test_query_mistakes_are_one_line_errors(corpus_store):
    unit = run_kg("query", "chips-above-threshold", "-p", "min=4", "-p", "unit=TBPS", store=corpus_store, check=False)
    assert unit.returncode == 1 and unit.stderr.count("\n") == 1
    assert "no such unit" in unit.stderr and "did you mean TB-PER-SEC" in unit.stderr
    prefix = run_kg("query", "SELECT ?x WHERE { ?x foo:bar ?y }", store=corpus_store, check=False)
    assert prefix.returncode == 1 and prefix.stderr.count("\n") == 1
    assert "unknown prefix foo:" in prefix.stderr and "PREFIX foo:" in prefix.stderr
    param = run_kg("query", "chips-above-threshold", "-p", "min=4", "-p", "unit=TB-PER-SEC", "-p", "colour=red",
                   store=corpus_store, check=False)
    assert param.returncode == 1 and "unknown parameter colour" in param.stderr and "min, unit" in param.stderr


def test_group_options_after_the_subcommand(corpus_store):
    before = run_kg("--store", str(corpus_store), "stats").stdout
    assert run_kg("stats", "--store", str(corpus_store)).stdout == before
    assert run_kg("stats", f"--store={corpus_store}").stdout == before
    proc = run_kg("stats", "--store", check=False)
    assert proc.returncode == 2 and "--store needs a value" in proc.stderr


def test_focus_page_is_named_after_the_entity_and_hops_needs_focus(corpus_store, tmp_path):
    proc = run_kg("view", "--focus", "英伟达", "--hops", "1", store=corpus_store, cwd=tmp_path)
    assert (tmp_path / "kg-view-nvidia.html").is_file() and not (tmp_path / "kg-view.html").exists()
    assert "kg-view-nvidia.html" in proc.stderr
    bad = run_kg("view", "--hops", "1", store=corpus_store, cwd=tmp_path, check=False)
    assert bad.returncode == 2 and "--hops needs --focus" in bad.stderr
    run_kg("view", "--limit", "10", "-o", str(tmp_path / "small.html"), store=corpus_store)
    data = json.loads(re.search(r'<script id="kg-data" type="application/json">(.*?)</script>',
                                (tmp_path / "small.html").read_text(encoding="utf-8")).group(1))
    entities = [m for m in data["meta"]["nodes"].values() if m["kind"] == "entity"]
    assert len(entities) == 10 and data["meta"]["limited"]["shown"] == 10


def test_view_writes_a_page_with_the_graph(corpus_store, tmp_path):
    out = tmp_path / "g.html"
    proc = run_kg("view", "-o", str(out), store=corpus_store)
    html = out.read_text(encoding="utf-8")
    assert "vis-network" in html or "vis.Network" in html
    assert "英偉達" in html and "nodes" in proc.stderr
