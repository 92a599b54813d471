"""Readers never wait for a writer: `kg query`, `kg export` and `kg serve` during an ingest read a consistent snapshot.

A slow ingest (the corpus article) runs in the background while a loop queries and exports
with a lock timeout of half a second: every read must succeed at once and show the store
exactly as it was before the ingest; after it, reads show the new state.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import time

import httpx

from conftest import CORPUS_ARTICLE, ROOT, kg_executable, run_kg
from test_endpoint_attacks import serving
from test_hostile import GOOD

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
IMPATIENT = {"KG_LOCK_TIMEOUT": "0.5"}


def count(store) -> int:
    return int(run_kg("query", COUNT, "--format", "csv", store=store, env=IMPATIENT).stdout.split()[1])


def served_count(url: str) -> int:
    r = httpx.get(url + "/sparql", params={"query": COUNT}, timeout=30)
    assert r.status_code == 200, r.text   # a query that waited for the writer would be a 503 at --timeout 2
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


def test_queries_and_exports_during_an_ingest_see_the_state_before_it(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.md").write_text(GOOD, encoding="utf-8")
    store = tmp_path / "store"
    run_kg("ingest", str(corpus), store=store)
    before_count = count(store)
    before_export = run_kg("export", "--format", "nquads", store=store).stdout
    shutil.copy(ROOT / CORPUS_ARTICLE, corpus / "big.md")

    env = {k: v for k, v in os.environ.items() if k != "KG_STORE"}
    with serving(store, "--timeout", "2") as url:
        assert served_count(url) == before_count
        check_reads_during_an_ingest(store, corpus, env, url, before_count, before_export)


def check_reads_during_an_ingest(store, corpus, env, url, before_count, before_export) -> None:
    writer = subprocess.Popen([kg_executable(), "--store", str(store), "ingest", str(corpus)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    seen: list[int] = []        # counts read while the ingest process ran
    exports: list[str] = []
    try:
        deadline = time.monotonic() + 240
        while writer.poll() is None and time.monotonic() < deadline:
            n = count(store)   # fails if the read waited for the writer and gave up
            served = served_count(url)
            if writer.poll() is None:   # the whole read happened while the ingest process ran
                seen.extend((n, served))
            if len(seen) % 3 == 1:
                export = run_kg("export", "--format", "nquads", store=store, env=IMPATIENT).stdout
                if writer.poll() is None:
                    exports.append(export)
    finally:
        writer.wait(timeout=300)
    assert writer.returncode == 0, writer.stderr.read()
    writer.stderr.close()
    after_count = count(store)
    after_export = run_kg("export", "--format", "nquads", store=store).stdout
    assert after_count > before_count
    # each read saw one whole state: before the ingest, or (in its last moments) after it
    assert set(seen) <= {before_count, after_count} and seen.count(before_count) >= 2, seen
    assert all(e in (before_export, after_export) for e in exports) and before_export in exports
