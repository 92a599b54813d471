"""What `kg query` loads before it answers: only what reading the store needs (issue 11).

The NLP pipeline, rdflib, OpenCC and the HTTP client are for ingesting, exporting and remote
stores; a saved query over a local store must not pay for importing them.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT

#: modules (and their submodules) a query over a local store has no use for
NOT_FOR_A_QUERY = ("spacy", "rdflib", "opencc", "kg.nlp", "kg.rdf.build", "kg.extraction", "kg.export",
                   "kg.ingest", "urllib.request", "onnxruntime", "jieba")

RUN_AND_LIST_MODULES = """
import json, sys
from kg.cli.main import main
sys.argv = ["kg"] + json.loads(sys.argv[1])
try:
    main()
except SystemExit as e:
    assert not e.code, e.code
print("\\n@@" + json.dumps(sorted(sys.modules)))
"""


def loaded_by(*args: str) -> tuple[str, set[str]]:
    proc = subprocess.run([sys.executable, "-c", RUN_AND_LIST_MODULES, json.dumps(list(args))], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=True)
    out, _, modules = proc.stdout.rpartition("\n@@")
    return out, set(json.loads(modules))


def heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in NOT_FOR_A_QUERY))


@pytest.mark.parametrize("fmt", ["table", "csv"])
def test_a_saved_query_loads_no_pipeline_no_rdflib(corpus_store, fmt):
    out, modules = loaded_by("--store", str(corpus_store), "query", "entity-counts-by-type", "--format", fmt)
    assert "Company" in out
    assert heavy(modules) == []


def test_inline_sparql_and_the_listing_load_no_pipeline_no_rdflib(corpus_store):
    out, modules = loaded_by("--store", str(corpus_store), "query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                             "--format", "csv")
    assert out.splitlines()[0] == "n" and int(out.splitlines()[1]) > 0
    assert heavy(modules) == []
    out, modules = loaded_by("query", "--list")
    assert "entity-counts-by-type" in out
    assert heavy(modules) == []


def test_the_namespaces_rdflib_defines_are_the_ones_prefixes_declare():
    import rdflib.namespace

    from kg.rdf import namespaces
    for name in ("OWL", "PROV", "RDF", "RDFS", "SKOS", "XSD"):
        assert namespaces.IRIS[name] == str(getattr(rdflib.namespace, name))
        assert getattr(namespaces, name) is getattr(rdflib.namespace, name)
    for prefix, iri in namespaces.PREFIXES.items():
        assert str(getattr(namespaces, prefix.upper())) == iri


def test_the_viewer_loads_no_nlp_pipeline(corpus_store, tmp_path):
    out, modules = loaded_by("--store", str(corpus_store), "view", "-o", str(tmp_path / "v.html"))
    assert (tmp_path / "v.html").stat().st_size > 0
    assert not [m for m in modules if m in ("spacy", "onnxruntime", "jieba") or m.startswith(("spacy.", "kg.nlp.pipeline"))]
