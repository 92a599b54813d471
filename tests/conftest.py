"""Shared fixtures: the real `kg` command, a store holding the corpus, and the pipeline."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS_ARTICLE = "corpus/h200-export-2025.md"


def kg_executable() -> str:
    candidate = Path(sys.executable).with_name("kg")
    return str(candidate) if candidate.exists() else shutil.which("kg")


def run_kg(*args: str, store: Path | None = None, cwd: Path = ROOT, check: bool = True,
           env: dict | None = None, input: str | None = None) -> subprocess.CompletedProcess:
    cmd = [kg_executable()]
    if store is not None:
        cmd += ["--store", str(store)]
    cmd += list(args)
    full_env = {k: v for k, v in os.environ.items() if k != "KG_STORE"}
    full_env.update(env or {})
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=full_env, input=input, timeout=300)
    if check and proc.returncode != 0:
        raise AssertionError(f"kg {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr}")
    return proc


def stop(proc: subprocess.Popen, timeout: float) -> None:
    """Terminate a child process, killing it if it does not go within timeout."""
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=timeout)


@contextmanager
def kg_serve(store: Path, *options: str, port: int | None = None, env: dict | None = None):
    """A real `kg serve` over store on 127.0.0.1 (a free port unless one is given), stopped at the
    end; yields its base URL. If it does not start, the error shows what it printed."""
    from test_remote_store import free_port, wait_for
    port = port or free_port()
    full_env = {k: v for k, v in os.environ.items() if k != "KG_STORE"}
    full_env.update(env or {})
    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
        proc = subprocess.Popen([kg_executable(), "--store", str(store), "serve", "--port", str(port), *options],
                                stdout=log, stderr=log, env=full_env)
        url = f"http://127.0.0.1:{port}"
        try:
            try:
                wait_for(url + "/queries")
            except AssertionError:
                log.seek(0)
                raise AssertionError(f"kg serve did not start: {log.read()}") from None
            yield url
        finally:
            stop(proc, 15)


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory) -> Path:
    """A store with the project's corpus article ingested through the CLI, shared by read-only tests.

    The article is copied into a folder of its own, so an article a user drops into corpus/
    (as the README invites) changes nothing here; it is stored under the same relative path.
    """
    base = tmp_path_factory.mktemp("stores")
    (base / CORPUS_ARTICLE).parent.mkdir(parents=True)
    shutil.copy(ROOT / CORPUS_ARTICLE, base / CORPUS_ARTICLE)
    store = base / "store"
    run_kg("ingest", str(Path(CORPUS_ARTICLE).parent) + "/", store=store, cwd=base,
           env={"KG_ONTOLOGY": str(ROOT / "ontology")})
    return store


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp import make_nlp
    return make_nlp()


# `make test-fast` runs `pytest -m "not slow and not browser"`: the tests below take seconds each
# (a store ingested, a server started, a scorer run) or drive Chromium. Kept here, in one list,
# so the markers follow the measured durations (`pytest --durations=50`) rather than each file.
BROWSER_MODULES = {"test_view", "test_query_page"}
SLOW_MODULES = {"test_remote_store", "test_server", "test_quality", "test_queries", "test_store", "test_provenance"}
SLOW_TESTS = {"test_default_store_and_env_override", "test_cli_bad_file_one_line_error_and_store_untouched",
              "test_users_extend_the_reference_data_with_turtle", "test_units_compare_across_articles_by_sparql",
              "test_focus_page_is_named_after_the_entity_and_hops_needs_focus"}


@pytest.fixture(scope="module", params=["as written", "other script"])
def facts(nlp, request):
    """Extraction of a test's own sentence, run twice: as written, and converted to the other
    script. Returns ArticleFacts."""
    from kg.corpus import Article
    from kg.extraction.extract import extract
    from kg.text import script_of, to_simplified, to_traditional

    def run(text: str, published: str | None = None):
        if request.param == "other script":
            text = to_simplified(text) if script_of(text) == "zh-Hant" else to_traditional(text)
        doc = nlp.make_doc(text)
        if published:
            doc.user_data["published"] = published
        return extract(nlp(doc), Article(key="t/x.md", text=text, sha256="0" * 64, published=published))
    return run


def pytest_collection_modifyitems(config, items) -> None:
    for item in items:
        module = item.module.__name__ if item.module else ""
        if module in BROWSER_MODULES:
            item.add_marker(pytest.mark.browser)
        if (module in SLOW_MODULES or item.originalname in SLOW_TESTS
                or "corpus_store" in getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
