"""Extraction on every core, or on a Dask cluster: articles in, N-Triples lines out, in input order.

Extraction (NLP, rules, triples) is most of an ingest's time and each article is
independent, so it runs in worker processes: a `ProcessPoolExecutor` whose workers each
build the spaCy pipeline (and with it jieba's dictionary) once, on their first task, or the
workers of a dask.distributed cluster, which do the same. The calling process never builds
it when workers do: it only writes the store, and holds a batch of graphs and the store's
buffers, not the pipeline's 400 MiB besides (its peak was above the workers'). Articles go out in chunks,
results come back in the order the articles went in, and at most a few chunks per worker
are in flight, so memory stays flat however large the corpus. Only the calling process
writes to the store.

Output never depends on where an article was extracted: a worker writes the article's graph
as N-Quads exactly as the single-process path does, and only bytes travel back (pickling
700 strings an article cost the worker, the calling process and the spool each a little).
"""
from __future__ import annotations

import os
from collections import deque
from dataclasses import dataclass
from typing import Iterable, Iterator

from kg.corpus import Article
from kg.errors import KgError

GROUP_ARTICLES = 8   # articles through the pipeline together (kg_lac batches their clauses)
GROUP_CHARS = 20_000 # …or fewer, when they are long
CHUNK = GROUP_ARTICLES  # articles per task: a whole group (a task of 4 made groups of 4 on workers)
AHEAD = 3            # chunks in flight per worker


@dataclass(frozen=True)
class Extracted:
    """One article's graph, written by the worker: the graph's IRI, its triples as N-Quads
    (UTF-8, one line per distinct triple, in the order built, each ending in the graph), how
    many, and its mention records (entity IRI → record). The writer hands the N-Quads to
    Oxigraph's loader as they are, and never builds a set of a new article's lines."""

    key: str
    graph: str
    nquads: bytes
    count: int
    records: dict[str, str]

    @property
    def lines(self) -> list[str]:
        """The triples as N-Triples lines (for a graph that replaces a stored one, and dry runs)."""
        cut = len(self.graph) + 5   # " <graph> ."
        return [line[:-cut] + " ." for line in self.nquads.decode("utf-8").split("\n") if line]


def render(key: str, lines: list[str], records: dict[str, str]) -> Extracted:
    """An article's N-Triples lines (distinct) as the Extracted the writer takes."""
    from kg.rdf.iris import article_graph_iri_str
    graph = article_graph_iri_str(key)
    tail = f" <{graph}> .\n"
    nquads = "".join([line[:-2] + tail for line in lines]).encode("utf-8")
    return Extracted(key, graph, nquads, len(lines), records)


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
        """Extracted articles in input order, a small group at a time (see _group)."""
        from kg.article_budget import article_seconds
        seconds = article_seconds()
        group: list[Article] = []
        size = 0
        for art in articles:
            group.append(art)
            size += len(art.text)
            if len(group) >= GROUP_ARTICLES or size >= GROUP_CHARS:
                yield from self._group(group, seconds)
                group, size = [], 0
        if group:
            yield from self._group(group, seconds)

    def _doc(self, art: Article):
        self.nlp.max_length = max(self.nlp.max_length, len(art.text) + 1)   # kg.corpus.limits bounds it
        doc = self.nlp.make_doc(art.text)
        if art.published:
            doc.user_data["published"] = art.published
        if art.url:
            doc.user_data["url"] = art.url   # (where the publisher is: its 我国)
        return doc

    def _group(self, group: list[Article], seconds: float) -> Iterator[Extracted]:
        """A few articles through the pipeline together, so the trained tagger batches their
        clauses (13% faster than one at a time), under one article's time budget for all of
        them (a group of ordinary articles takes about a second). If the group runs out of time
        or fails, its articles are redone one at a time, each under its own budget, so the
        error names the article that causes it (kg.article_budget)."""
        from kg.article_budget import article_budget, named_failures
        from kg.errors import ArticleTimeoutError, ExtractionError
        from kg.extraction.extract import extract
        if len(group) > 1:
            first = lambda: group[0].key  # noqa: E731 - never shown: a failed group is redone
            try:
                with article_budget(first, seconds), named_failures(first):
                    docs = list(self.nlp.pipe([self._doc(a) for a in group], batch_size=len(group)))
                    done = [self._render(a, extract(d, a)) for a, d in zip(group, docs)]
            except (ArticleTimeoutError, ExtractionError):
                done = None
            if done is not None:
                yield from done
                return
        for art in group:
            key = lambda: art.key  # noqa: E731
            with article_budget(key, seconds), named_failures(key):
                out = self._render(art, extract(self.nlp(self._doc(art)), art))
            yield out

    def _render(self, art: Article, facts) -> Extracted:
        from kg.rdf.build import article_lines
        from kg.rdf.iris import article_iri_str
        from kg.rdf.namespaces import IRIS
        from kg.rdf.ntriples import plain
        lines, records = article_lines(facts, self.reference)
        lines.append(f"<{article_iri_str(art.key)}> <{IRIS['KGO']}extractor> {plain(self.fingerprint)} .")
        return render(art.key, lines, records)


_PROCESS: dict[tuple, _Extractor] = {}


def _extractor(fingerprint: str, config: str | None, base: str | None) -> _Extractor:
    key = (fingerprint, config, base)
    if key not in _PROCESS:
        _PROCESS.clear()
        _PROCESS[key] = _Extractor(fingerprint, config, base)
    return _PROCESS[key]


def _extract_chunk(articles: list[Article], fingerprint: str, config: str | None, base: str | None) -> list[Extracted]:
    """A task: run in a worker process (pool or Dask), with that process's pipeline, built by
    its first task (a pipeline that cannot be built is then that task's error, one line in
    the calling process, where a pool initializer's error would only break the pool)."""
    return _extractor(fingerprint, config, base).run(articles)


def _die_with_parent(parent: int) -> None:
    """A worker ends with the ingest that started it: `kill -9` of `kg ingest` would otherwise
    leave its workers waiting for tasks forever, each holding a pipeline (Linux: the kernel
    sends the worker SIGKILL when its parent dies; elsewhere nothing changes)."""
    try:
        import ctypes
        import signal
        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL))  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


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

    # fork starts a worker in milliseconds with this process's imports; each worker builds
    # the pipeline on its first task (all at once, one per core), never this process
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_die_with_parent,
                             initargs=(os.getpid(),)) as pool:
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
