"""Ingestion: corpus files → NLP → extraction → RDF → store, one article graph at a time.

Every file is read and checked before the store is touched, so a bad file stops the run
with the store as it was. Articles whose file is unchanged (same SHA-256, same extractor)
are skipped; a changed article's graph is replaced in one transaction; an article that
was ingested from a folder being ingested again, and is gone from it, is dropped.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from kg.corpus import Article
from kg.corpus.reader import article_key, read_batch
from kg.extraction.extract import extract
from kg.nlp import make_nlp
from kg.rdf.build import article_triples, reference_triples
from kg.rdf.iris import article_graph_iri, article_iri
from kg.rdf.namespaces import KGO, ONTOLOGY_GRAPH, REFERENCE_GRAPH
from kg.rdf.ntriples import nt
from kg.reference import load_reference, ontology_dir
from kg.store import Store
from kg.store.terms import quad_to_rdflib

from rdflib import Graph, Literal, URIRef

FINGERPRINT_FILES = ("nlp", "extraction", "rdf")


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
    return h.hexdigest()[:16]


def ingest(paths: Iterable[str | Path], store: Store, *, dry_run: bool = False, prune: bool = True,
           progress: Callable[[int, int, str], None] | None = None, pipeline_config: str | None = None,
           base_pipeline: str | None = None, encoding: str | None = None,
           follow_links: bool = False, batch: dict[str, Article] | None = None) -> IngestReport:
    """Ingest the articles under paths into store; see the module docstring for the rules.

    encoding: the files' encoding, when detection should not decide (kg.corpus.decoding).
    follow_links: read symbolic links that leave the folders given (kg.corpus.discovery).
    batch: the articles under paths already read by kg.corpus.read_batch (the CLI reads them
    before it opens the store, so a bad file leaves no store behind).
    """
    paths = list(paths)
    # every file is read and checked before any write
    articles = batch if batch is not None else read_batch(paths, encoding=encoding, follow_links=follow_links)
    fingerprint = extractor_fingerprint()
    stored = stored_articles(store)
    report = IngestReport(dry_run=dry_run)

    todo: list[Article] = []
    for key, art in articles.items():
        old = stored.get(key)
        if old is None:
            report.added.append(key)
            todo.append(art)
        elif old != (art.sha256, fingerprint):
            report.changed.append(key)
            todo.append(art)
        else:
            report.unchanged.append(key)
    if prune:
        folders = [article_key(p) for p in paths if Path(p).is_dir()]
        for key in sorted(stored):
            if key not in articles and any(key.startswith(f.rstrip("/") + "/") or f == "." for f in folders):
                report.removed.append(key)

    if not dry_run:
        _load_schema(store)
    reference = load_reference()
    for i, (art, triples) in enumerate(_extract_all(todo, reference, fingerprint, pipeline_config, base_pipeline)):
        graph = article_graph_iri(art.key)
        old = graph_triples(store, graph)
        rendered = {(nt(s), nt(p), nt(o)) for s, p, o in triples}
        report.triples_removed += len(old - rendered)
        report.triples_added += len(rendered - old)
        if not dry_run:
            store.replace_graph_lines(graph, [f"{s} {p} {o} ." for s, p, o in rendered])
        if progress:
            progress(i + 1, len(todo), art.key)
    for key in report.removed:
        graph = article_graph_iri(key)
        report.triples_removed += len(graph_triples(store, graph))
        if not dry_run:
            store.drop_graph(graph)
    return report


def _extract_all(articles: list[Article], reference, fingerprint: str, config: str | None,
                 base: str | None) -> Iterator[tuple[Article, list]]:
    if not articles:
        return
    nlp = make_nlp(config, base)

    def docs():
        for art in articles:
            doc = nlp.make_doc(art.text)
            if art.published:
                doc.user_data["published"] = art.published
            yield doc

    for art, doc in zip(articles, nlp.pipe(docs())):
        facts = extract(doc, art)
        triples = article_triples(facts, reference)
        triples.append((article_iri(art.key), KGO.extractor, Literal(fingerprint)))
        yield art, triples


def stored_articles(store: Store) -> dict[str, tuple[str, str]]:
    """Article key → (content hash, extractor fingerprint) for every article in the store."""
    q = f"""SELECT ?path ?hash ?fp WHERE {{ GRAPH ?g {{ ?a <{KGO.sourcePath}> ?path ; <{KGO.contentHash}> ?hash .
            OPTIONAL {{ ?a <{KGO.extractor}> ?fp }} }} }}"""
    return {r["path"].value: (r["hash"].value, r["fp"].value if r["fp"] else "") for r in store.query(q)}


def graph_triples(store: Store, graph) -> set[tuple[str, str, str]]:
    """The triples of one graph, as N-Triples terms (comparable with rdflib's `n3()`)."""
    return {(nt(s), nt(p), nt(o)) for s, p, o, _ in map(quad_to_rdflib, store.quads(str(graph)))}


def _load_schema(store: Store) -> None:
    """Ontology and reference data into graphs of their own, when they changed."""
    folder = ontology_dir()
    onto = Graph()
    files = sorted(folder.glob("*.ttl"))
    digest = hashlib.sha256()
    for f in files:
        digest.update(f.read_bytes())
        onto.parse(f, format="turtle")
    _replace_if_changed(store, ONTOLOGY_GRAPH, digest.hexdigest(), lambda: list(onto))
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
