"""Extraction on every core, or on a Dask cluster: articles in, N-Triples lines out, in input order.

Extraction (NLP, rules, triples) is most of an ingest's time and each article is
independent, so it runs in worker processes: `ProcessPoolExecutor` with an initializer
that builds the spaCy pipeline (and with it jieba's dictionary) once per process (where
processes fork, once in the parent, inherited by every worker), or the
workers of a dask.distributed cluster, which build it once per worker process on first
use. Articles go out in chunks, results come back in the order the articles went in,
and at most a few chunks per worker are in flight, so memory stays flat however large
the corpus. Only the calling process writes to the store.

Output never depends on where an article was extracted: a worker renders the triples to
N-Triples lines exactly as the single-process path does.
"""
from __future__ import annotations

import os
from collections import deque
from dataclasses import dataclass
from typing import Iterable, Iterator

from kg.corpus import Article
from kg.errors import KgError

CHUNK = 4            # articles per task: enough to amortise a round trip, small enough to balance
AHEAD = 3            # chunks in flight per worker


@dataclass(frozen=True)
class Extracted:
    """One article's graph: its N-Triples lines and its mention records (entity IRI → record)."""

    key: str
    lines: list[str]
    records: dict[str, str]


class _Extractor:
    """The pipeline and reference data of one process, built once."""

    def __init__(self, fingerprint: str, config: str | None, base: str | None) -> None:
        from kg.nlp import make_nlp
        from kg.reference import load_reference
        self.nlp = make_nlp(config, base)
        self.reference = load_reference()
        self.fingerprint = fingerprint

    def run(self, articles: list[Article]) -> list[Extracted]:
        return list(self.stream(articles))

    def stream(self, articles: Iterable[Article]) -> Iterator[Extracted]:
        from kg.article_budget import article_budget, article_seconds, named_failures
        from kg.extraction.extract import extract
        articles = iter(articles)
        pending: deque[Article] = deque()

        def docs():
            for art in articles:
                pending.append(art)
                self.nlp.max_length = max(self.nlp.max_length, len(art.text) + 1)   # kg.corpus.limits bounds it
                doc = self.nlp.make_doc(art.text)
                if art.published:
                    doc.user_data["published"] = art.published
                yield doc

        # each article under the time budget (kg.article_budget), one at a time through the
        # pipeline so the budget is the article's own
        seconds = article_seconds()
        processed = self.nlp.pipe(docs(), batch_size=1) if seconds else self.nlp.pipe(docs())
        current = lambda: pending[0].key if pending else "an article"  # noqa: E731
        while True:
            with article_budget(current, seconds), named_failures(current):
                doc = next(processed, None)
                if doc is None:
                    return
                out = self._render(pending[0], extract(doc, pending[0]))
                pending.popleft()
            yield out

    def _render(self, art: Article, facts) -> Extracted:
        from rdflib import Literal

        from kg.rdf.build import article_triples
        from kg.rdf.iris import article_iri
        from kg.rdf.namespaces import KGO
        from kg.rdf.ntriples import nt
        triples = article_triples(facts, self.reference)
        triples.append((article_iri(art.key), KGO.extractor, Literal(self.fingerprint)))
        lines = []
        records = {}
        for s, p, o in triples:
            lines.append(f"{nt(s)} {nt(p)} {nt(o)} .")
            if p == KGO.mentionRecord:
                records[str(s)] = str(o)
        return Extracted(art.key, lines, records)


_PROCESS: dict[tuple, _Extractor] = {}


def _extractor(fingerprint: str, config: str | None, base: str | None) -> _Extractor:
    key = (fingerprint, config, base)
    if key not in _PROCESS:
        _PROCESS.clear()
        _PROCESS[key] = _Extractor(fingerprint, config, base)
    return _PROCESS[key]


def _init_worker(fingerprint: str, config: str | None, base: str | None) -> None:
    _extractor(fingerprint, config, base)


def _extract_chunk(articles: list[Article], fingerprint: str, config: str | None, base: str | None) -> list[Extracted]:
    """A task: run in a worker process (pool or Dask), with that process's pipeline."""
    return _extractor(fingerprint, config, base).run(articles)


def default_workers() -> int:
    return os.cpu_count() or 1


def extract_stream(articles: Iterable[Article], fingerprint: str, config: str | None = None,
                   base: str | None = None, *, workers: int | None = 1,
                   dask=None) -> Iterator[Extracted]:
    """Extracted articles, in the order given; see the module docstring.

    dask: a dask.distributed Client (see `dask_client`) to extract on instead of local processes.
    """
    articles = iter(articles)
    first = next(articles, None)
    if first is None:
        return
    articles = _prepend(first, articles)
    if dask is not None:
        yield from _on_dask(articles, fingerprint, config, base, dask)
        return
    workers = default_workers() if workers is None else workers
    if workers < 1:
        raise KgError(f"--workers {workers}: give 1 or more")
    if workers == 1:
        yield from _extractor(fingerprint, config, base).stream(articles)
        return
    yield from _on_pool(articles, fingerprint, config, base, workers)


def _prepend(first, rest):
    yield first
    yield from rest


def _chunked(articles: Iterable[Article], n: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for art in articles:
        chunk.append(art)
        if len(chunk) == n:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _in_order(submit, chunks: Iterator[list[Article]], window: int, result) -> Iterator[Extracted]:
    """Keep `window` chunks in flight; yield their results in submission order."""
    inflight: deque = deque()
    for chunk in chunks:
        inflight.append(submit(chunk))
        if len(inflight) >= window:
            yield from result(inflight.popleft())
    while inflight:
        yield from result(inflight.popleft())


def _on_pool(articles, fingerprint, config, base, workers: int) -> Iterator[Extracted]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork shares the parent's imported modules; spawn would import spaCy again per worker
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)
    if method == "fork":
        # built here once, inherited by every worker: spaCy, the reference data and jieba's
        # dictionary load once per run instead of once per worker
        _extractor(fingerprint, config, base)
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker,
                             initargs=(fingerprint, config, base)) as pool:
        try:
            yield from _in_order(lambda c: pool.submit(_extract_chunk, c, fingerprint, config, base),
                                 _chunked(articles, CHUNK), workers * AHEAD, lambda f: f.result())
        except BaseException:   # an article failed or ran out of time: drop the queued work, not wait for it
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def dask_client(address: str):
    """A client of the dask.distributed scheduler at address; a one-line KgError if there is none."""
    try:
        from distributed import Client
    except ImportError:
        raise KgError("--dask-scheduler needs dask.distributed: pip install 'dask[distributed]'") from None
    try:
        return Client(address, timeout="10s", set_as_default=False)
    except (OSError, TimeoutError, ValueError) as e:
        raise KgError(f"--dask-scheduler {address}: cannot reach the scheduler ({str(e).splitlines()[0]}); "
                      "start one with `dask scheduler` and give its tcp://HOST:PORT") from None


def _on_dask(articles, fingerprint, config, base, client) -> Iterator[Extracted]:
    n = max(1, len(client.scheduler_info().get("workers", {})))
    yield from _in_order(lambda c: client.submit(_extract_chunk, c, fingerprint, config, base, pure=False),
                         _chunked(articles, CHUNK), n * AHEAD, lambda f: f.result())
