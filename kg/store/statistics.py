"""Corpus statistics kept in a graph of their own, so summaries read a few triples, not every article.

The statistics graph (…/graph/statistics) holds counts derived from the article graphs:

    id:nvidia   kgo:articleCount 9869 .          # articles whose graph says schema:mentions id:nvidia
    kgo:Chip    kgo:entityCount 23 ;             # mentioned entities of the class …
                kgo:knownEntityCount 12 ;        # … typed so in the reference graph
                kgo:discoveredEntityCount 11 ;   # … and not
                kgo:articleCount 9988 .          # articles mentioning at least one of them

At 10,000 articles a query that counts, per entity, the articles mentioning it reads some
400,000 mentions (seconds); read from here it is one triple per entity. The saved queries
that summarise the corpus (wikidata-links, entity-by-alias, discovered-entities,
entity-counts-by-type) and the viewer's overview read these counts.

Exact, always: every write to another graph but the ontology's (`Store.write_graphs`,
`replace_graph_lines`, `drop_graph`) first marks the statistics stale
(`<…/graph/statistics> kgo:statisticsStale true`) in the same transaction as its first change.
`kg ingest` writes its article graphs with `track`, which in that same transaction marks what
the graphs replaced, dropped or added mention (`<…/graph/statistics> kgo:recountEntity id:x`),
with the classes those entities have before the write (`kgo:recountType`) and whether each
is a policy then (`kgo:recountWasPolicy`, `kgo:recountWasNotPolicy`), and sets the stale
mark back to false when it was false: the counts are then exact but for what is marked. `refresh`
(at the end of `kg ingest`, which also prunes) recounts, in updates of a chunk of rows each, the
last of which removes the marks, the marked entities and the classes they had before or have
now (one changed article at 10,000 articles: 56 entities and 14 classes, 0.8 s, where a full
recount takes 1.4 s and took 4 s before the classes' counts read the reference graph per
entity, not per mention), or everything
when a write left the stale mark (the reference graph replaced, a store without statistics,
a write by anything else) or when more than FULL_ABOVE entities are marked (a fresh ingest).
A run killed after a write leaves its marks, and the next `kg ingest`, even of unchanged
files, recounts them; a store that predates the statistics graph gets it on its next
`kg ingest`. The counts are the same as a full recount's (tests/test_query_statistics.py).
"""
from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Iterable, Iterator

import pyoxigraph as ox

from kg.rdf.namespaces import ENTITIES_GRAPH, GRAPH, ID, KGO, ONTOLOGY_GRAPH, REFERENCE_GRAPH, SCHEMA

STATISTICS_GRAPH = GRAPH["statistics"]
#: graphs whose changes leave the counts as they are: the statistics' own, and the ontology
UNCOUNTED_GRAPHS = frozenset({str(STATISTICS_GRAPH), str(ONTOLOGY_GRAPH)})

_G = f"<{STATISTICS_GRAPH}>"
_STALE = f"<{KGO.statisticsStale}>"
_PENDING_ENTITY = f"<{KGO.recountEntity}>"
_PENDING_TYPE = f"<{KGO.recountType}>"
#: with each entity to recount, whether it was a policy before the write that marked it (one mark
#: per write: an entity may be marked by several writes between two recounts)
_WAS_POLICY, _WAS_NOT_POLICY = f"<{KGO.recountWasPolicy}>", f"<{KGO.recountWasNotPolicy}>"
_MENTIONS = f"<{SCHEMA.mentions}>"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_RECORD = f"<{KGO.mentionRecord}>"
_TYPE_PROPERTIES = " ".join(f"<{KGO[p]}>" for p in
                            ("entityCount", "knownEntityCount", "discoveredEntityCount", "articleCount"))
MARK_STALE = (f"DELETE DATA {{ GRAPH {_G} {{ {_G} {_STALE} false }} }} ;\n"
              f"INSERT DATA {{ GRAPH {_G} {{ {_G} {_STALE} true }} }}")
_MARK_CURRENT = (f"DELETE DATA {{ GRAPH {_G} {{ {_G} {_STALE} true }} }} ;\n"
                 f"INSERT DATA {{ GRAPH {_G} {{ {_G} {_STALE} false }} }}")
#: the statistics graph's layout: a store whose statistics graph has another (or none) is
#: recounted in full by its next `kg ingest` (2: co-mention rows and name keys added; 6: speaker and timeline rows)
LAYOUT = 6


def _layout(store) -> str:
    """The layout triple of this store's statistics: the version, and the relation properties
    its relation rows are for (the ontology's, read from the store: a new one is recounted)."""
    # (and the policy classes: rows link policies by what the ontology calls one, and a changed tree
    # is recounted in full, not left to the rows of the graphs a write touches)
    digest = hashlib.md5(" ".join(relation_properties(store) + ["|"] + _policy_classes(store)).encode("utf-8")).hexdigest()[:12]
    return f"{_G} <{KGO.statisticsLayout}> {ox.Literal(f'{LAYOUT} {digest}')}"
#: above this many entities to recount, one full recount is cheaper (a fresh ingest's end)
FULL_ABOVE = 3000


def _entity_counts(values: str = "") -> str:
    return f"""
INSERT {{ GRAPH {_G} {{ ?entity <{KGO.articleCount}> ?articles }} }}
WHERE {{ SELECT ?entity (COUNT(DISTINCT ?article) AS ?articles)
         WHERE {{ {values} GRAPH ?g {{ ?article {_MENTIONS} ?entity }} }} GROUP BY ?entity }}"""


# the types of entities live in the entities graph and the reference graph (kg.ingest); the
# few typed entities are read first, whether the reference graph knows each with them, then what
# mentions them (the other way round, or the reference graph looked up per mention, is seconds)
def _type_counts(values: str = "") -> str:
    return f"""
INSERT {{ GRAPH {_G} {{ ?type <{KGO.entityCount}> ?entities ; <{KGO.knownEntityCount}> ?known ;
                              <{KGO.discoveredEntityCount}> ?discovered ; <{KGO.articleCount}> ?articles }} }}
WHERE {{ SELECT ?type (COUNT(DISTINCT ?entity) AS ?entities) (COUNT(DISTINCT ?knownEntity) AS ?known)
                (COUNT(DISTINCT ?discoveredEntity) AS ?discovered) (COUNT(DISTINCT ?article) AS ?articles)
  WHERE {{
    {{ SELECT DISTINCT ?entity ?type ?knownEntity ?discoveredEntity WHERE {{ {values}
        {{ GRAPH <{ENTITIES_GRAPH}> {{ ?entity a ?type }} }} UNION {{ GRAPH <{REFERENCE_GRAPH}> {{ ?entity a ?type }} }}
        OPTIONAL {{ GRAPH <{REFERENCE_GRAPH}> {{ ?entity a ?referenceType }} }}
        BIND(IF(BOUND(?referenceType), ?entity, ?unbound) AS ?knownEntity)
        BIND(IF(BOUND(?referenceType), ?unbound, ?entity) AS ?discoveredEntity) }} }}
    GRAPH ?g {{ ?article {_MENTIONS} ?entity }}
  }} GROUP BY ?type }}"""


_LABELS = (f"<http://www.w3.org/2000/01/rdf-schema#label>|<http://www.w3.org/2004/02/skos/core#prefLabel>"
           f"|<http://www.w3.org/2004/02/skos/core#altLabel>")


# every name of a counted entity in lower case (LCASE, as the query compares), so a name is
# looked up, not compared with every label of the store (entity-by-alias); the names live in
# the reference and entities graphs, which change only with what marks the entity to recount
def _name_keys(values: str = "") -> str:
    return f"""
INSERT {{ GRAPH {_G} {{ ?entity <{KGO.nameKey}> ?key }} }}
WHERE {{ SELECT DISTINCT ?entity ?key WHERE {{ {values} GRAPH {_G} {{ ?entity <{KGO.articleCount}> ?n }}
         GRAPH ?labelled {{ ?entity {_LABELS} ?label }} BIND(LCASE(STR(?label)) AS ?key) }} }}"""


#: what a recount of the counts replaces (the co-mention rows are kept apart: `track` keeps them exact)
_COUNT_PROPERTIES = " ".join(f"<{KGO[p]}>" for p in ("articleCount", "entityCount", "knownEntityCount",
                                                      "discoveredEntityCount", "nameKey"))
_DROP_COUNTS = (f"DELETE {{ GRAPH {_G} {{ ?s ?p ?o }} }} WHERE {{ VALUES ?p {{ {_COUNT_PROPERTIES} }} "
                f"GRAPH {_G} {{ ?s ?p ?o }} }}")


def _counts(store) -> list[str]:
    """The updates that count everything: each entity's articles and names, a chunk of entities
    at a time, and each class's counts, one class at a time. The same counts as one update
    over the whole store, without its working set: at 10,000 articles that one update held
    400,000 mentions at once, adding 330 MiB to the writer where these add 60 MiB (and take a
    third of the time)."""
    ordered = sorted(r["e"].value for r in store.query(
        f"SELECT DISTINCT ?e WHERE {{ GRAPH ?g {{ ?a {_MENTIONS} ?e }} FILTER(isIRI(?e)) }}"))
    types = sorted({r["t"].value for r in store.query(
        f"SELECT DISTINCT ?t WHERE {{ {{ GRAPH <{ENTITIES_GRAPH}> {{ ?e a ?t }} }}"
        f" UNION {{ GRAPH <{REFERENCE_GRAPH}> {{ ?e a ?t }} }} }}")})
    chunks = [ordered[i:i + _CO_CHUNK] for i in range(0, len(ordered), _CO_CHUNK)]
    return ([_entity_counts(_values("entity", chunk)) for chunk in chunks]
            + [_type_counts(_values("type", [t])) for t in types]
            + [_name_keys(_values("entity", chunk)) for chunk in chunks]
            + ([_name_keys(_values("entity", types))] if types else []))


def _values(var: str, iris) -> str:
    return f"VALUES ?{var} {{ " + " ".join(f"<{i}>" for i in sorted(iris)) + " }"


def is_current(store) -> bool:
    """True when the statistics were counted and no write has happened since."""
    return bool(store.query(f"ASK {{ GRAPH {_G} {{ {_G} {_STALE} false . {_layout(store)} "
                            f"FILTER NOT EXISTS {{ {_G} {_PENDING_ENTITY}|{_PENDING_TYPE} ?x }} }} }}"))


def trackable(store) -> bool:
    """True when the counts are exact but for the entities and classes marked to recount: a
    write can then mark what it touches (`track`) instead of leaving everything to recount."""
    return bool(store.query(f"ASK {{ GRAPH {_G} {{ {_G} {_STALE} false . {_layout(store)} }} }}"))


def touched_entities(store, graphs: Iterable[str] = (), written: ox.Store | None = None) -> set[str]:
    """The entities these stored graphs mention or hold mention records of (each graph read on its
    own: a VALUES list of graphs makes Oxigraph read every mention), and those what a write adds
    (`_written`) does."""
    out: set[str] = set()
    for g in sorted(graphs):
        q = f"SELECT DISTINCT ?e WHERE {{ GRAPH <{g}> {{ {{ ?a {_MENTIONS} ?e }} UNION {{ ?e {_RECORD} ?r }} }} }}"
        out.update(r["e"].value for r in store.query(q) if isinstance(r["e"], ox.NamedNode))
    if written is not None:
        q = f"SELECT DISTINCT ?e WHERE {{ GRAPH ?g {{ {{ ?a {_MENTIONS} ?e }} UNION {{ ?e {_RECORD} ?r }} }} }}"
        out.update(r["e"].value for r in written.query(q) if isinstance(r["e"], ox.NamedNode))
    return out


def _written(by_graph: Mapping[str, list[str]], nquads: Mapping[str, bytes]) -> ox.Store:
    """What a write adds, in an in-memory store of its own, each graph's triples in a graph of its
    own (an entity that 200 articles mention is joined with each article's evidence alone, not
    with every article's: 10 s a batch), all loaded at once and each row family read from it by one
    query over every graph (a load and queries per graph and family took most of the writer's time)."""
    parts = []
    for g, lines in sorted(by_graph.items()):
        if lines:
            tail = f" <{g}> .\n"
            parts.append("".join(line.rstrip()[:-1].rstrip() + tail for line in lines).encode("utf-8"))
    parts += [nquads[g] for g in sorted(nquads) if nquads[g]]
    written = ox.Store()
    if parts:
        written.load(b"".join(part if part.endswith(b"\n") else part + b"\n" for part in parts), ox.RdfFormat.N_QUADS)
    return written


def track(store, graphs: Iterable[str] = (), lines: Iterable[str] | Mapping[str, Iterable[str]] = (),
          described: Iterable[str] = (), nquads: Mapping[str, bytes] | None = None) -> str:
    """The update that, run in the same transaction as a write (`Store.write_graphs`'s before,
    ahead of the entities graph's change), marks what the write's graphs mention before and
    after (`touched_entities` of the graphs it replaces or drops and of the lines it writes),
    and those entities' classes as they are before it, to recount, and the counts as exact but
    for them; and sets the co-mention rows of what the graphs name before and after to what
    they are after the write (`_co_mention_update`); "" when they must be recounted in full
    anyway (the write's stale mark stays).

    graphs: every graph the write replaces, drops or adds; lines: the N-Triples lines it
    writes, per graph (graph → its lines; lines given together count as one graph's); nquads:
    graphs it writes as N-Quads instead (graph → the N-Quads of its triples, naming it, as
    kg.ingest_workers writes an article's); described: the N-Triples lines it writes to the
    entities graph (the entities' classes). Graphs a store says it does not hold (`holds_graph`)
    are not read back: they have no rows to take away.

    An entity the store does not know before the write and the write makes a policy is taken
    as a policy already: no other graph names it, so the rows written now are all it has, and
    they get its links here (marked as a policy before the write, `refresh` leaves them). A
    first ingest, where every policy is new once, so ends without looking up every policy's
    statements again (14 s and 250 MiB at 10,000 articles)."""
    if not trackable(store):
        return ""
    by_graph = ({g: list(ls) for g, ls in lines.items()} if isinstance(lines, Mapping)
                else {"urn:kg:written": list(lines)})
    nquads = dict(nquads or {})
    holds = getattr(store, "holds_graph", None)
    written_graphs = set(by_graph) | set(nquads)
    graphs = sorted(g for g in set(graphs) | written_graphs if holds is None or holds(g))
    written = _written(by_graph, nquads)
    entities = touched_entities(store, graphs, written)
    policy_set = policies(store) | _new_policies(store, described)   # as they are before the write
    ops = []
    if entities:
        ops.append(f"INSERT DATA {{ GRAPH {_G} {{ {_G} {_PENDING_ENTITY} "
                   + " , ".join(f"<{e}>" for e in sorted(entities)) + " } }")
        for mark, marked in ((_WAS_POLICY, entities & policy_set), (_WAS_NOT_POLICY, entities - policy_set)):
            if marked:
                ops.append(f"INSERT DATA {{ GRAPH {_G} {{ {_G} {mark} "
                           + " , ".join(f"<{e}>" for e in sorted(marked)) + " } }")
        ops.append(f"INSERT {{ GRAPH {_G} {{ {_G} {_PENDING_TYPE} ?t }} }} WHERE {{ {_values('e', entities)}"
                   f" {{ GRAPH <{ENTITIES_GRAPH}> {{ ?e a ?t }} }} UNION {{ GRAPH <{REFERENCE_GRAPH}> {{ ?e a ?t }} }} }}")
    ops += _co_mention_update(store, graphs, written)
    ops += _relation_update(store, graphs, written, written_graphs)
    ops += _figure_update(store, graphs, written, written_graphs)
    ops += _speaker_update(store, graphs, written, policy_set)
    ops.append(_MARK_CURRENT)
    return " ;\n".join(ops)


def _policy_classes(store) -> list[str]:
    """kgo:Policy and the ontology's classes under it."""
    return sorted(r["c"].value for r in store.query(
        f"SELECT DISTINCT ?c WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?c <http://www.w3.org/2000/01/rdf-schema#subClassOf>* "
        f"<{_K}Policy> }} }}"))


def _new_policies(store, described: Iterable[str]) -> set[str]:
    """The entities these entities-graph lines give a policy class that the store neither types nor
    names anywhere before the write (a statement of another graph giving one a role without its
    mention record would otherwise keep a row without the link)."""
    classes = set(_policy_classes(store))
    typed = {line[1:line.index(">")] for line in described
             if f"> <{RDF_TYPE}> <" in line and line[line.rindex(" <") + 2:line.rindex(">")] in classes}
    if not typed:
        return set()
    known = {r["e"].value for r in store.query(
        f"SELECT DISTINCT ?e WHERE {{ {_values('e', typed)} {{ GRAPH <{ENTITIES_GRAPH}> {{ ?e a ?t }} }}"
        f" UNION {{ GRAPH <{REFERENCE_GRAPH}> {{ ?e a ?t }} }} }}")}
    return {e for e in typed - known if not store.query(f"ASK {{ GRAPH ?g {{ ?s ?p <{e}> }} }}")}


def start_empty(store) -> None:
    """The statistics of a store that holds no article yet: nothing to count, so they are exact
    and trackable from the start. A first ingest's batches then keep them as every later write
    does (`track`), and its end recounts only the counts, where it recounted everything from the
    whole store (co-mentions, relations, figures, speakers: 15 s and 340 MiB more at 2,000
    articles, growing with the store)."""
    store._update(f"DROP SILENT GRAPH {_G} ;\n"
                  f"INSERT DATA {{ GRAPH {_G} {{ {_G} {_STALE} false . {_layout(store)} }} }}")


def refresh(store, *, force: bool = False) -> bool:
    """Recount the statistics graph when a write made it stale (or it is missing); True if it did.

    Only the entities and classes marked by `track` are recounted, unless a write left the
    counts stale without saying what it touched (or force): then everything is, co-mentions
    included. The recount is a run of updates, each a transaction of a chunk of rows (about
    _CO_CHUNK rows, or _DROP_CHUNK triples dropped), and what says the counts are exact comes
    last: the marks go with the last update, and a full recount first takes the graph's
    "exact" mark away and puts it back at the end, so a run killed halfway leaves the counts
    for the next `kg ingest` to recount, as a killed write does. Readers do not see the counts
    halfway meanwhile: while a writer holds the store they read the snapshot taken when the
    last write session ended (kg.store.snapshot). One update of it all held every row of the
    statistics graph twice (the old ones dropped, the new ones inserted) besides its text, in
    one transaction, and then in RocksDB's write buffers (`_apply`): a full recount at 2,000
    articles took the writer from 130 to 455 MiB, and 270 MiB in chunks, in the same time.
    """
    if not force and is_current(store):
        return False
    if force or not trackable(store):
        _apply(store, _full_recount(store))
        return True
    pending = f"SELECT ?x WHERE {{ GRAPH {_G} {{ {_G} {{}} ?x }} }}"
    entities = {r["x"].value for r in store.query(pending.replace("{}", _PENDING_ENTITY))}
    ops = []
    if len(entities) > FULL_ABOVE:   # the counts in full; the co-mention rows are exact already
        ops += [_DROP_COUNTS, *_counts(store)]
    else:
        types = {r["x"].value for r in store.query(pending.replace("{}", _PENDING_TYPE))}
        if entities:   # and the classes they have now
            types |= {r["t"].value for r in store.query(
                f"SELECT DISTINCT ?t WHERE {{ {_values('e', entities)} {{ GRAPH <{ENTITIES_GRAPH}> {{ ?e a ?t }} }}"
                f" UNION {{ GRAPH <{REFERENCE_GRAPH}> {{ ?e a ?t }} }} }}")}
        if entities:
            ops.append(f"DELETE {{ GRAPH {_G} {{ ?entity ?p ?n }} }} WHERE {{ {_values('entity', entities)}"
                       f" VALUES ?p {{ <{KGO.articleCount}> <{KGO.nameKey}> }} GRAPH {_G} {{ ?entity ?p ?n }} }}")
            ops.append(_entity_counts(_values("entity", entities)))
            ops.append(_name_keys(_values("entity", entities)))
        if types:
            ops.append(f"DELETE {{ GRAPH {_G} {{ ?type ?p ?n }} }} WHERE {{ {_values('type', types)}"
                       f" VALUES ?p {{ {_TYPE_PROPERTIES} }} GRAPH {_G} {{ ?type ?p ?n }} }}")
            ops.append(_type_counts(_values("type", types)))
            # (a class with an article count is found by its names too, as every counted IRI is)
            ops.append(f"DELETE {{ GRAPH {_G} {{ ?type <{KGO.nameKey}> ?key }} }} WHERE {{ {_values('type', types)}"
                       f" GRAPH {_G} {{ ?type <{KGO.nameKey}> ?key }} }}")
            ops.append(_name_keys(_values("entity", types)))
    if entities:
        changed = _policy_changed(store, entities, pending)
        if changed:
            ops += _policy_refresh(store, changed)
    ops.append(" ;\n".join(f"DELETE WHERE {{ GRAPH {_G} {{ {_G} {mark} ?x }} }}"   # the marks go last
                            for mark in (_PENDING_ENTITY, _PENDING_TYPE, _WAS_POLICY, _WAS_NOT_POLICY)))
    _apply(store, ops)
    return True


#: update text written between two flushes of the embedded store's write buffers (`_apply`)
_FLUSH_BYTES = 4 << 20


def _apply(store, ops: Iterable[str]) -> None:
    """Run these updates in order, each a transaction of its own, and write the embedded store's
    buffers to disk every _FLUSH_BYTES of them: RocksDB keeps what a transaction writes in
    memory (its write buffers, six index entries a triple) until they are flushed, so a
    recount's rows would otherwise all stay there at once (220 MiB at 2,000 articles). A chunk
    of the graph dropped counts as all of them, another update by pattern (the counts of a chunk
    of entities, or of a class) as 256 KiB, about what its rows would be as text. (A flush
    after every update took 5 s more at 2,000 articles.)"""
    flush = getattr(store, "_flush", None)   # (a SPARQL server keeps its own)
    written = 0
    for op in ops:
        store._update(op)
        if op.startswith("INSERT DATA"):
            written += len(op)
        else:
            written += _FLUSH_BYTES if op.endswith(_DROPPED_CHUNK) else 256 << 10
        if flush is not None and written >= _FLUSH_BYTES:
            flush()
            written = 0


#: triples of the statistics graph dropped per update by a full recount
_DROP_CHUNK = 50_000
_DROPPED_CHUNK = f" LIMIT {_DROP_CHUNK} }} }}"


def _full_recount(store) -> Iterator[str]:
    """The updates of a full recount, in order, each made when the one before has run (so one
    family of rows is held here at a time): the graph's "exact" mark taken away, its triples
    dropped a chunk at a time, every count and row inserted a chunk at a time, the mark put
    back. The rows are read from the article, entities and reference graphs, never from the
    statistics graph, so they are what they were when it all was one update."""
    yield MARK_STALE
    while store.query(f"ASK {{ GRAPH {_G} {{ ?s ?p ?o }} }}"):
        yield f"DELETE {{ GRAPH {_G} {{ ?s ?p ?o }} }} WHERE {{ {{ SELECT ?s ?p ?o WHERE {{ GRAPH {_G} {{ ?s ?p ?o }} }}" + _DROPPED_CHUNK
    yield f"DROP SILENT GRAPH {_G}"
    yield from _counts(store)
    yield from _co_mention_inserts(_co_mentions(store)[0])
    yield from _relation_inserts(_relations(store))
    yield from _figure_inserts(_figures(store))
    yield from _speaker_inserts(_speakers(store), _timeline(store))
    yield f"INSERT DATA {{ GRAPH {_G} {{ {_G} {_STALE} false . {_layout(store)} }} }}"


# -- co-mentions: entities named in the same sentence ----------------------------------------
#
# Two entities are co-mentioned when one sentence names both: the evidence of their mentions
# in one article's graph has the same sentence (an evidence node is named <sentence>#…, and a
# sentence node is named by its article: kg/rdf/evidence.py). Joining every mention's evidence
# with every other's at query time reads the corpus (5.5 s at 10,000 articles), and a full
# recount by SPARQL did not finish in 300 s; so the statistics graph keeps one row per ordered
# pair of entities, for each entity's rows to be looked up:
#
#     id:statistics/co-mention/<md5>  kgo:coMentionOf "…/id/nvidia" ; kgo:coMentioned "…/id/nvidia-h200" ;
#                                     kgo:sentenceCount 9021 ; kgo:exampleSentence id:sentence/… .
#
# (the entities as strings: the rows are no links of the entities for a query that follows
# links.) "sentenceCount" is the number of sentences naming both, "exampleSentence" the first
# of them by IRI, so the same store gives the same example whatever its history. A sentence
# belongs to one article, so a write changes the counts by what its graphs say before and after:
# `track` adds the difference in the write's transaction, reading only those graphs and the rows
# they touch; only when the example was in a replaced or dropped graph are the pair's other
# sentences looked up. A full recount (a store without the rows, a write by anything else)
# reads each mention's evidence once and pairs them here (tens of seconds at 10,000 articles).

_EVIDENCE = f"<{KGO.evidence}>"
_CO_OF, _CO_OTHER = f"<{KGO.coMentionOf}>", f"<{KGO.coMentioned}>"
_CO_COUNT, _CO_EXAMPLE = f"<{KGO.sentenceCount}>", f"<{KGO.exampleSentence}>"
_CO_ROW = str(ID) + "statistics/co-mention/"
_MENTION_EVIDENCE = f"SELECT ?e ?ev WHERE {{ GRAPH {{}} {{ ?a {_MENTIONS} ?e . ?e {_EVIDENCE} ?ev }} }}"
#: pairs per update of rows (a VALUES list or INSERT DATA of this many rows)
_CO_CHUNK = 2000


def _drop_rows(rows: list[str]) -> list[str]:
    """The updates that take these rows (IRIs) out of the statistics graph, _CO_CHUNK a time. Only
    the rows the store holds are named: a batch's new rows, most of a first ingest's, cost nothing."""
    return [f"DELETE {{ GRAPH {_G} {{ ?row ?p ?o }} }} WHERE {{ VALUES ?row {{ "
            + " ".join(f"<{r}>" for r in rows[i:i + _CO_CHUNK]) + f" }} GRAPH {_G} {{ ?row ?p ?o }} }}"
            for i in range(0, len(rows), _CO_CHUNK)]


def _co_row(entity: str, other: str) -> str:
    return _CO_ROW + hashlib.md5(f"{entity} {other}".encode("utf-8")).hexdigest()


def _pair_sentences(rows: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list]:
    """(entity, evidence) rows of mentioned entities → each pair (in IRI order) → [sentences, first sentence]."""
    by_sentence: dict[str, set[str]] = {}
    for entity, evidence in rows:
        by_sentence.setdefault(evidence.split("#", 1)[0], set()).add(entity)
    pairs: dict[tuple[str, str], list] = {}
    for sentence, named in by_sentence.items():
        named_sorted = sorted(named)
        for i, x in enumerate(named_sorted):
            for y in named_sorted[i + 1:]:
                row = pairs.get((x, y))
                if row is None:
                    pairs[(x, y)] = [1, sentence]
                else:
                    row[0] += 1
                    row[1] = min(row[1], sentence)
    return pairs


def _rows(result) -> list[tuple[str, str]]:
    return [(r["e"].value, r["ev"].value) for r in result if isinstance(r["e"], ox.NamedNode)]


def _co_mentions(store, graphs: Iterable[str] | None = None) -> tuple[dict[tuple[str, str], list], set[str]]:
    """The co-mention pairs of these graphs of the store (each read on its own), or of every
    graph; and the sentences those graphs name entities in."""
    if graphs is None:   # the sentences naming two or more entities, each with them, grouped by the store
        rows = [(e, sentence) for r in store.query(
                    f"SELECT ?sentence (GROUP_CONCAT(DISTINCT STR(?e); separator=' ') AS ?named) WHERE {{ "
                    f"GRAPH ?g {{ ?a {_MENTIONS} ?e . ?e {_EVIDENCE} ?ev }} FILTER(isIRI(?e)) "
                    f"BIND(STRBEFORE(STR(?ev), '#') AS ?sentence) }} GROUP BY ?sentence HAVING(COUNT(DISTINCT ?e) > 1)")
                for sentence in [r["sentence"].value] for e in r["named"].value.split(" ")]
    else:
        rows = [row for g in graphs for row in _rows(store.query(_MENTION_EVIDENCE.replace("{}", f"<{g}>")))]
    return _pair_sentences(rows), {evidence.split("#", 1)[0] for _, evidence in rows}


def _co_mention_inserts(pairs: dict[tuple[str, str], list]) -> list[str]:
    """INSERT DATA updates of the rows of these pairs, both ways round."""
    lines = []
    for (x, y), (n, example) in sorted(pairs.items()):
        for a, b in ((x, y), (y, x)):
            lines.append(f"<{_co_row(a, b)}> {_CO_OF} {ox.Literal(a)} ; {_CO_OTHER} {ox.Literal(b)} ; "
                         f"{_CO_COUNT} {n} ; {_CO_EXAMPLE} <{example}> .")
    return [f"INSERT DATA {{ GRAPH {_G} {{\n" + "\n".join(lines[i:i + 2 * _CO_CHUNK]) + "\n} }"
            for i in range(0, len(lines), 2 * _CO_CHUNK)]


def _first_sentence(store, x: str, y: str, leaving: list[str]) -> str | None:
    """The first sentence (by IRI) naming both x and y in a graph other than those leaving."""
    not_in = f"FILTER(?g NOT IN ({', '.join(f'<{g}>' for g in leaving)}))" if leaving else ""
    rows = list(store.query(f"""SELECT (MIN(?sentence) AS ?first) WHERE {{
        GRAPH ?g {{ <{x}> {_EVIDENCE} ?xe . <{y}> {_EVIDENCE} ?ye }} {not_in}
        BIND(STRBEFORE(STR(?xe), "#") AS ?sentence) FILTER(STRBEFORE(STR(?ye), "#") = ?sentence) }}"""))
    first = rows[0]["first"] if rows else None
    return first.value if first is not None else None


def _co_mention_update(store, graphs: list[str], written: ox.Store) -> list[str]:
    """The updates that make the co-mention rows of every pair these graphs name (before the
    write, as the store holds them, or after it, as `_written` holds them) what they are after the write."""
    old, leaving = _co_mentions(store, graphs)
    new = _pair_sentences(_rows(written.query(_MENTION_EVIDENCE.replace("{}", "?g"))))
    pairs = sorted(set(old) | set(new))
    if not pairs:
        return []
    stored: dict[tuple[str, str], tuple[int, str]] = {}
    for i in range(0, len(pairs), _CO_CHUNK):
        chunk = {_co_row(x, y): (x, y) for x, y in pairs[i:i + _CO_CHUNK]}
        for r in store.query(f"SELECT ?row ?n ?example WHERE {{ VALUES ?row {{ {' '.join(f'<{k}>' for k in chunk)} }}"
                             f" GRAPH {_G} {{ ?row {_CO_COUNT} ?n ; {_CO_EXAMPLE} ?example }} }}"):
            stored[chunk[r["row"].value]] = (int(r["n"].value), r["example"].value)
    after: dict[tuple[str, str], list] = {}
    for pair in pairs:
        n, example = stored.get(pair, (0, None))
        gone, came = old.get(pair, [0, None]), new.get(pair, [0, None])
        rest = n - gone[0]   # the sentences of the graphs the write leaves as they are
        if example is not None and example in leaving:
            example = _first_sentence(store, *pair, graphs) if rest > 0 else None
        if rest + came[0] > 0:
            after[pair] = [rest + came[0], min(s for s in (example, came[1]) if s is not None)]
    # (each pair's rows both ways round, written together)
    return _drop_rows([_co_row(a, b) for x, y in pairs if (x, y) in stored for a, b in ((x, y), (y, x))]) \
        + _co_mention_inserts(after)


# -- relations: what the article graphs state between entities -------------------------------
#
# entity-relations gives, per relation of an entity, how many articles state it, one of them,
# and the evidence behind it: read at query time, NVIDIA's 24,000 reifiers at 10,000 articles
# (1.5 s). The statistics graph keeps one row per relation (subject, property, object) that an
# article graph states or gives evidence for, for the relation properties of the ontology
# (owl:ObjectProperty in kgo:, less the roles of statements and provenance):
#
#     id:statistics/relation/<md5>  kgo:relationSubject "…/id/nvidia-h200" ; kgo:relationProperty kgo:developer ;
#                                   kgo:relationObject "…/id/nvidia" ; kgo:articlesStating 9020 ;
#                                   kgo:evidenceCount 9100 ; kgo:exampleGraph <…/graph/article/…> .
#
# "articlesStating" counts the article graphs holding the triple, "evidenceCount" the evidence
# of its reifiers (rdf:subject, rdf:predicate, rdf:object) in them, "exampleGraph" the first of
# those graphs by IRI. Both counts are sums over articles, so a write changes them by what its
# graphs say before and after (`_relation_update`, in the write's transaction).

#: properties that are no relations between entities (roles of statements, provenance, units, ours)
NOT_RELATIONS = frozenset(str(KGO[p]) for p in (
    "evidence", "statedIn", "unit", "baseUnit", "subject", "agent", "product", "counterpart", "location",
    "decision", "venue", "attributedTo", "recountEntity", "recountType", "recountWasPolicy", "recountWasNotPolicy",
    "exampleSentence", "relationProperty",
    "exampleGraph", "figureUnit", "exampleFigure"))
_REL_S, _REL_P, _REL_O = f"<{KGO.relationSubject}>", f"<{KGO.relationProperty}>", f"<{KGO.relationObject}>"
_REL_N, _REL_EVIDENCE, _REL_EXAMPLE = f"<{KGO.articlesStating}>", f"<{KGO.evidenceCount}>", f"<{KGO.exampleGraph}>"
_REL_ROW = str(ID) + "statistics/relation/"
_KG_GRAPHS = frozenset(str(g) for g in (REFERENCE_GRAPH, ENTITIES_GRAPH, STATISTICS_GRAPH, ONTOLOGY_GRAPH))
#: the article graphs, for a query over every graph: all but kg's own (compared as terms, not as text)
_ARTICLES_ONLY = ("FILTER(?g NOT IN (" + ", ".join(f"<{g}>" for g in (REFERENCE_GRAPH, ENTITIES_GRAPH, STATISTICS_GRAPH,
                                                                        ONTOLOGY_GRAPH)) + "))")
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


_OBJECT_PROPERTIES = "SELECT ?p WHERE { GRAPH <%s> { ?p a <http://www.w3.org/2002/07/owl#ObjectProperty> } }"


def relation_properties(store) -> list[str]:
    """The relation properties: the ontology's object properties in kgo:, less NOT_RELATIONS (the
    store's ontology graph, which `kg ingest` loads; kg's own ontology for a store without one)."""
    found = {r["p"].value for r in store.query(_OBJECT_PROPERTIES % ONTOLOGY_GRAPH)}
    if not found:
        found = _packaged_object_properties()
    return sorted(p for p in found if p.startswith(str(KGO)) and p not in NOT_RELATIONS)


def _packaged_object_properties() -> set[str]:
    from kg.reference import ontology_dir
    scratch = ox.Store()
    scratch.load(path=str(ontology_dir() / "kg.ttl"), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(str(ONTOLOGY_GRAPH)))
    return {r["p"].value for r in scratch.query(_OBJECT_PROPERTIES % ONTOLOGY_GRAPH)}


def _rel_row(s: str, p: str, o: str) -> str:
    return _REL_ROW + hashlib.md5(f"{s} {p} {o}".encode("utf-8")).hexdigest()


def _relation_rows(store, graph: str, properties: list[str]) -> dict[tuple[str, str, str], list]:
    """(s, p, o) → [article graphs stating it, evidence of its reifiers, first such graph] in
    graph (an IRI, or ?g: every article graph)."""
    values = "VALUES ?p { " + " ".join(f"<{p}>" for p in properties) + " }"
    bind = "" if graph == "?g" else f"BIND({graph} AS ?g)"
    out: dict[tuple[str, str, str], list] = {}
    for r in store.query(f"SELECT ?g ?s ?p ?o WHERE {{ {values} GRAPH {graph} {{ ?s ?p ?o }} {bind} "
                         f"FILTER(isIRI(?s) && isIRI(?o)) }}"):
        g = r["g"].value
        if g in _KG_GRAPHS:
            continue
        row = out.setdefault((r["s"].value, r["p"].value, r["o"].value), [0, 0, None])
        row[0] += 1
        row[2] = g if row[2] is None else min(row[2], g)
    for r in store.query(f"SELECT ?g ?s ?p ?o (COUNT(DISTINCT ?ev) AS ?n) WHERE {{ {values} GRAPH {graph} {{ "
                         f"?r <{_RDF}predicate> ?p ; <{_RDF}subject> ?s ; <{_RDF}object> ?o ; {_EVIDENCE} ?ev }} "
                         f"{bind} FILTER(isIRI(?s) && isIRI(?o)) }} GROUP BY ?g ?s ?p ?o"):
        if r["g"].value in _KG_GRAPHS:
            continue
        out.setdefault((r["s"].value, r["p"].value, r["o"].value), [0, 0, None])[1] += int(r["n"].value)
    return out


def _merge(into: dict, rows: dict) -> dict:
    for key, (n, evidence, example) in rows.items():
        row = into.setdefault(key, [0, 0, None])
        row[0] += n
        row[1] += evidence
        if example is not None:
            row[2] = example if row[2] is None else min(row[2], example)
    return into


def _relations(store, graphs: Iterable[str] | None = None) -> dict[tuple[str, str, str], list]:
    """The relation rows of these graphs of the store (each read on its own), or of every article graph."""
    properties = relation_properties(store)
    if graphs is None:   # counted by the store (several times faster than pairing its rows here)
        values = "VALUES ?p { " + " ".join(f"<{p}>" for p in properties) + " }"
        out = {(r["s"].value, r["p"].value, r["o"].value): [int(r["n"].value), 0, r["first"].value] for r in store.query(
            f"SELECT ?s ?p ?o (COUNT(DISTINCT ?g) AS ?n) (MIN(?g) AS ?first) WHERE {{ {values} GRAPH ?g {{ ?s ?p ?o }} "
            f"{_ARTICLES_ONLY} FILTER(isIRI(?s) && isIRI(?o)) }} GROUP BY ?s ?p ?o")}
        for r in store.query(f"SELECT ?s ?p ?o (COUNT(DISTINCT ?ev) AS ?n) WHERE {{ {values} GRAPH ?g {{ "
                             f"?r <{_RDF}predicate> ?p ; <{_RDF}subject> ?s ; <{_RDF}object> ?o ; {_EVIDENCE} ?ev }} "
                             f"{_ARTICLES_ONLY} FILTER(isIRI(?s) && isIRI(?o)) }} GROUP BY ?s ?p ?o"):
            out.setdefault((r["s"].value, r["p"].value, r["o"].value), [0, 0, None])[1] = int(r["n"].value)
        return out
    out: dict = {}
    for g in graphs:
        _merge(out, _relation_rows(store, f"<{g}>", properties))
    return out


def _relation_inserts(rows: dict[tuple[str, str, str], list]) -> list[str]:
    lines = []
    for (s, p, o), (n, evidence, example) in sorted(rows.items()):
        if n <= 0 and evidence <= 0:
            continue
        lines.append(f"<{_rel_row(s, p, o)}> {_REL_S} {ox.Literal(s)} ; {_REL_P} <{p}> ; {_REL_O} {ox.Literal(o)} ; "
                     f"{_REL_N} {n} ; {_REL_EVIDENCE} {evidence}" + (f" ; {_REL_EXAMPLE} <{example}>" if example else "")
                     + " .")
    return [f"INSERT DATA {{ GRAPH {_G} {{\n" + "\n".join(lines[i:i + _CO_CHUNK]) + "\n} }"
            for i in range(0, len(lines), _CO_CHUNK)]


def _relation_update(store, graphs: list[str], written: ox.Store, written_graphs: set[str]) -> list[str]:
    """The updates that make the relation rows of every relation these graphs state (before the
    write, as the store holds them, or after it, as `_written` holds them) what they are after the write."""
    properties = relation_properties(store)
    old = _relations(store, graphs)
    new = _relation_rows(written, "?g", properties)
    keys = sorted(set(old) | set(new))
    if not keys:
        return []
    stored: dict[tuple[str, str, str], list] = {}
    for i in range(0, len(keys), _CO_CHUNK):
        chunk = {_rel_row(*k): k for k in keys[i:i + _CO_CHUNK]}
        for r in store.query(f"SELECT ?row ?n ?ev ?example WHERE {{ VALUES ?row {{ {' '.join(f'<{k}>' for k in chunk)} }}"
                             f" GRAPH {_G} {{ ?row {_REL_N} ?n ; {_REL_EVIDENCE} ?ev OPTIONAL {{ ?row {_REL_EXAMPLE} ?example }} }} }}"):
            stored[chunk[r["row"].value]] = [int(r["n"].value), int(r["ev"].value),
                                             r["example"].value if r["example"] else None]
    leaving = set(graphs) | written_graphs
    after: dict = {}
    for key in keys:
        n, evidence, example = stored.get(key, [0, 0, None])
        gone, came = old.get(key, [0, 0, None]), new.get(key, [0, 0, None])
        rest = n - gone[0]
        if example in leaving:   # the first stating graph is rewritten or dropped: the next of the others
            example = None
            if rest > 0:
                s, p, o = key
                not_in = ", ".join(f"<{g}>" for g in sorted(leaving))
                found = list(store.query(f"SELECT (MIN(STR(?g)) AS ?first) WHERE {{ GRAPH ?g {{ <{s}> <{p}> <{o}> }} "
                                         f"{_ARTICLES_ONLY} FILTER(?g NOT IN ({not_in})) }}"))
                example = found[0]["first"].value if found and found[0]["first"] is not None else None
        firsts = [x for x in (example, came[2]) if x is not None]
        after[key] = [rest + came[0], evidence - gone[1] + came[1], min(firsts) if firsts else None]
    return _drop_rows([_rel_row(*k) for k in keys if k in stored]) + _relation_inserts(after)


# -- figures: what the articles state a value of --------------------------------------------
#
# chips-by-developer and listings-market-values give one row per distinct figure (subject,
# metric, value, unit, date) with the articles stating it and one of them: read at query time,
# every figure of a page's chips or companies (thousands of restatements of H200's bandwidth).
# The statistics graph keeps those rows, in two families, each a sum over articles:
#
#   measurement  the kgo:Measurement statements (with kgo:statedIn) about an entity, metric and
#                date optional (chips-by-developer);
#   metric       any statement with a kgo:metric about an entity (listings-market-values);
#   listing      the kgo:Listing statements about an entity, by date (listings-market-values:
#                who lists, and when), with no metric, value or unit;
#
#     id:statistics/measurement/<md5>  kgo:figureFamily "measurement" ; kgo:figureSubject "…/id/nvidia-h200" ;
#         kgo:figureMetric "memory-bandwidth" ; kgo:figureValue 4.8 ; kgo:figureUnit unit:TB-PER-SEC ;
#         kgo:figureDate "2025" ; kgo:articlesStating 4200 ; kgo:exampleGraph <…> ; kgo:exampleFigure <…> .
#
# the example being the first stating graph by IRI and its first such statement by IRI.

_FIG_FAMILY, _FIG_S, _FIG_METRIC = f"<{KGO.figureFamily}>", f"<{KGO.figureSubject}>", f"<{KGO.figureMetric}>"
_FIG_VALUE, _FIG_UNIT, _FIG_DATE = f"<{KGO.figureValue}>", f"<{KGO.figureUnit}>", f"<{KGO.figureDate}>"
_FIG_EXAMPLE = f"<{KGO.exampleFigure}>"
_K = str(KGO)
FIGURE_FAMILIES = {
    "measurement": (f"?f a <{_K}Measurement> ; <{_K}subject> ?s ; <{_K}value> ?value ; <{_K}unit> ?unit ; "
                    f"<{_K}statedIn> ?article . OPTIONAL {{ ?f <{_K}metric> ?metric }} OPTIONAL {{ ?f <{_K}date> ?date }}"),
    "metric": (f"?f <{_K}metric> ?metric ; <{_K}subject> ?s ; <{_K}value> ?value ; <{_K}unit> ?unit . "
               f"OPTIONAL {{ ?f <{_K}date> ?date }}"),
    "listing": f"?f a <{_K}Listing> ; <{_K}subject> ?s . OPTIONAL {{ ?f <{_K}date> ?date }}",
}
Key = tuple  # (family, subject, metric, value, unit, date): N-Triples terms, "" when absent


def _fig_row(key: Key) -> str:
    return str(ID) + f"statistics/{key[0]}/" + hashlib.md5("\t".join(key).encode("utf-8")).hexdigest()


def _figure_rows(store, graph: str) -> dict[Key, list]:
    """key → [article graphs stating it, (first graph, its first statement)] in graph (an IRI,
    or ?g: every article graph), for both families."""
    out: dict[Key, list] = {}
    for family, pattern in FIGURE_FAMILIES.items():
        bind = "" if graph == "?g" else f"BIND({graph} AS ?g)"
        seen: set[tuple] = set()
        for r in store.query(f"SELECT ?g ?f ?s ?metric ?value ?unit ?date WHERE {{ GRAPH {graph} {{ {pattern} }} {bind} "
                             f"FILTER(isIRI(?s)) }}"):
            g = r["g"].value
            if g in _KG_GRAPHS:
                continue
            key = (family, str(r["s"]), *(str(r[v]) if r[v] is not None else "" for v in ("metric", "value", "unit", "date")))
            row = out.setdefault(key, [0, None])
            if (key, g) not in seen:
                seen.add((key, g))
                row[0] += 1
            example = (g, r["f"].value)
            row[1] = example if row[1] is None else min(row[1], example)
    return out


def _figures(store, graphs: Iterable[str] | None = None) -> dict[Key, list]:
    """The figure rows of these graphs of the store (each read on its own), or of every article graph."""
    if graphs is None:   # counted by the store (the first graph and statement as one string: a space sorts first)
        out: dict[Key, list] = {}
        for family, pattern in FIGURE_FAMILIES.items():
            for r in store.query(
                    f"SELECT ?s ?metric ?value ?unit ?date (COUNT(DISTINCT ?g) AS ?n) "
                    f'(MIN(CONCAT(STR(?g), " ", STR(?f))) AS ?first) WHERE {{ GRAPH ?g {{ {pattern} }} {_ARTICLES_ONLY} '
                    f"FILTER(isIRI(?s)) }} GROUP BY ?s ?metric ?value ?unit ?date"):
                key = (family, str(r["s"]),
                       *(str(r[v]) if r[v] is not None else "" for v in ("metric", "value", "unit", "date")))
                out[key] = [int(r["n"].value), tuple(r["first"].value.split(" ", 1))]
        return out
    out: dict[Key, list] = {}
    for g in graphs:
        _merge_figures(out, _figure_rows(store, f"<{g}>"))
    return out


def _merge_figures(into: dict, rows: dict) -> dict:
    for key, (n, example) in rows.items():
        row = into.setdefault(key, [0, None])
        row[0] += n
        if example is not None:
            row[1] = example if row[1] is None else min(row[1], example)
    return into


def _figure_inserts(rows: dict[Key, list]) -> list[str]:
    lines = []
    for key, (n, example) in sorted(rows.items()):
        if n <= 0:
            continue
        family, s, metric, value, unit, date = key
        lines.append(f"<{_fig_row(key)}> {_FIG_FAMILY} {ox.Literal(family)} ; {_FIG_S} {ox.Literal(s[1:-1])} ; "
                     + (f"{_FIG_METRIC} {metric} ; " if metric else "") + (f"{_FIG_VALUE} {value} ; " if value else "")
                     + (f"{_FIG_UNIT} {unit} ; " if unit else "") + (f"{_FIG_DATE} {date} ; " if date else "")
                     + f"{_REL_N} {n} ; {_REL_EXAMPLE} <{example[0]}> ; {_FIG_EXAMPLE} <{example[1]}> .")
    return [f"INSERT DATA {{ GRAPH {_G} {{\n" + "\n".join(lines[i:i + _CO_CHUNK]) + "\n} }"
            for i in range(0, len(lines), _CO_CHUNK)]


def _first_figure(store, key: Key, leaving: set[str]) -> tuple[str, str] | None:
    """The first graph (and its first statement) stating the figure key, of those not leaving."""
    family, s, metric, value, unit, date = key
    # the family's pattern with the key's terms; an absent metric or date must be absent
    fixed = " ".join(f"FILTER(BOUND(?{v}) && sameTerm(?{v}, {term}))" if term else f"FILTER(!BOUND(?{v}))"
                     for v, term in (("metric", metric), ("value", value), ("unit", unit), ("date", date)))
    not_in = ", ".join(f"<{g}>" for g in sorted(leaving))
    rows = list(store.query(
        f"SELECT ?g ?f WHERE {{ GRAPH ?g {{ VALUES ?s {{ {s} }} {FIGURE_FAMILIES[family]} }} {fixed} "
        f"{_ARTICLES_ONLY} FILTER(?g NOT IN ({not_in})) }} ORDER BY STR(?g) STR(?f) LIMIT 1"))
    return (rows[0]["g"].value, rows[0]["f"].value) if rows else None


def _figure_update(store, graphs: list[str], written: ox.Store, written_graphs: set[str]) -> list[str]:
    """The updates that make the figure rows of every figure these graphs state (before the
    write, as the store holds them, or after it, as `_written` holds them) what they are after the write."""
    old = _figures(store, graphs)
    new = _figure_rows(written, "?g")
    keys = sorted(set(old) | set(new))
    if not keys:
        return []
    stored: dict[Key, list] = {}
    for i in range(0, len(keys), _CO_CHUNK):
        chunk = {_fig_row(k): k for k in keys[i:i + _CO_CHUNK]}
        for r in store.query(f"SELECT ?row ?n ?g ?f WHERE {{ VALUES ?row {{ {' '.join(f'<{k}>' for k in chunk)} }}"
                             f" GRAPH {_G} {{ ?row {_REL_N} ?n ; {_REL_EXAMPLE} ?g ; {_FIG_EXAMPLE} ?f }} }}"):
            stored[chunk[r["row"].value]] = [int(r["n"].value), (r["g"].value, r["f"].value)]
    leaving = set(graphs) | written_graphs
    after: dict = {}
    for key in keys:
        n, example = stored.get(key, [0, None])
        gone, came = old.get(key, [0, None]), new.get(key, [0, None])
        rest = n - gone[0]
        if example is not None and example[0] in leaving:
            example = _first_figure(store, key, leaving) if rest > 0 else None
        firsts = [x for x in (example, came[1]) if x is not None]
        after[key] = [rest + came[0], min(firsts) if firsts else None]
    return _drop_rows([_fig_row(k) for k in keys if k in stored]) + _figure_inserts(after)


# -- speakers and the timeline: who-said-what and export-control-timeline -------------------
#
# who-said-what pages through every statement with a speaker (kgo:agent or kgo:attributedTo)
# of the speaking kinds or attributed to a source, oldest first: at 10,000 articles some 49,000
# (statement, speaker) pairs, which read from the article graphs (three properties joined on
# the statement across every graph) take seconds; export-control-timeline pages through the
# dated statements naming a decision (17,000) or giving a role to a policy (10,000 more, found
# from 48,000 statements naming a policy). The statistics graph keeps one row per pair and
# date, and per timeline statement and date, a few triples each, one literal of which the
# queries choose their page on:
#
#     id:statistics/speaker/<md5>  kgo:speakerDate "2025-07" ;     # the date as text, "" undated
#         kgo:statementGraph <…/graph/article/…> ; kgo:statementKey "…/id/statement/…" ;
#         kgo:speakerOf "…/id/reuters" .
#     id:statistics/timeline/<md5>  kgo:timelineDate "2025-12-09" ;
#         kgo:statementGraph <…/graph/article/…> ; kgo:statementKey "…/id/statement/…" ;
#         kgo:namesDecision true ; kgo:policyOf "…/id/entity-list" .   # either or both
#
# A statement belongs to one article graph, so its rows are that graph's: `track` drops the
# rows of every graph a write replaces or drops and adds those of the lines it writes, with
# the policies the store knows then. Whether an entity is a policy is the entities and
# reference graphs' to say, which change with what an article mentions (or with the reference
# graph, which leaves the statistics to recount in full): `track` marks, with each entity it
# marks to recount, whether it was a policy before the write, and `refresh` sets the policy
# links of the entities whose class (policy or not) is not what a marking write found from the
# store as it is after the write (`_policy_changed`); the others' links are right already.
# (Looking up every marked entity's statements again cost an ordinary one-changed-article
# ingest 14.3 s where it had been 1.7 s at 10,000 articles.)

_SPK_DATE, _SPK_GRAPH = f"<{KGO.speakerDate}>", f"<{KGO.statementGraph}>"
_SPK_STATEMENT, _SPK_OF = f"<{KGO.statementKey}>", f"<{KGO.speakerOf}>"
_TL_DATE, _TL_DECISION, _TL_POLICY = f"<{KGO.timelineDate}>", f"<{KGO.namesDecision}>", f"<{KGO.policyOf}>"
_SPEAKING = (f"?statement <{_K}agent>|<{_K}attributedTo> ?speaker . "
             f"{{ VALUES ?kind {{ <{_K}Report> <{_K}Response> <{_K}Appeal> }} ?statement a ?kind }} "
             f"UNION {{ ?statement <{_K}attributedTo> ?source }} OPTIONAL {{ ?statement <{_K}date> ?date }}")
_DECIDING = f"?statement <{_K}decision> ?decision ; <{_K}date> ?date ."
_POLICIES = (f"SELECT DISTINCT ?p WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?c <http://www.w3.org/2000/01/rdf-schema#subClassOf>* "
             f"<{_K}Policy> }} GRAPH ?t {{ ?p a ?c }} FILTER(isIRI(?p)) }}")
SpeakerKey = tuple  # ("speaker", graph, statement, speaker, date as text or "") or ("timeline", graph, statement, date)
#: timeline key → [names a decision, the policies it gives a role to]
Timeline = dict


def _speaker_row(key: SpeakerKey) -> str:
    return str(ID) + f"statistics/{key[0]}/" + hashlib.md5("\t".join(key[1:]).encode("utf-8")).hexdigest()


def policies(store) -> set[str]:
    """Every entity of a class under kgo:Policy, in any graph (as export-control-timeline reads them)."""
    return {r["p"].value for r in store.query(_POLICIES)}


def _speakers(store, graph: str = "?g") -> set[SpeakerKey]:
    """The speaker rows (graph, statement, speaker, date) of graph (an IRI, or ?g: every article graph)."""
    bind = "" if graph == "?g" else f"BIND({graph} AS ?g)"
    out: set[SpeakerKey] = set()
    for r in store.query(f"SELECT DISTINCT ?g ?statement ?speaker ?date WHERE {{ GRAPH {graph} {{ {_SPEAKING} }} {bind} "
                         f"FILTER(isIRI(?statement) && isIRI(?speaker)) }}"):
        if r["g"].value not in _KG_GRAPHS:
            out.add(("speaker", r["g"].value, r["statement"].value, r["speaker"].value,
                     r["date"].value if r["date"] is not None else ""))
    return out


def _policy_statements(store, graph: str, policy_set: set[str]) -> Timeline:
    """The dated statements of graph (an IRI, or ?g) giving any role to one of these policies:
    the statements first, looked up per policy, then their dates (joined at once, Oxigraph reads
    every dated statement). An article's schema:mentions are passed over: an article has no
    kgo:date (it has schema:datePublished), and they are most of what names a policy."""
    out: Timeline = {}
    bind = "" if graph == "?g" else f"BIND({graph} AS ?g)"
    found: dict[tuple[str, str], set[str]] = {}
    ordered = sorted(policy_set)
    for i in range(0, len(ordered), _CO_CHUNK):
        for r in store.query(f"SELECT DISTINCT ?g ?statement ?p WHERE {{ {_values('p', ordered[i:i + _CO_CHUNK])} "
                             f"GRAPH {graph} {{ ?statement ?role ?p }} {bind} FILTER(isIRI(?statement) && ?role != {_MENTIONS}) }}"):
            if r["g"].value not in _KG_GRAPHS:
                found.setdefault((r["g"].value, r["statement"].value), set()).add(r["p"].value)
    pairs = sorted(found)
    for i in range(0, len(pairs), _CO_CHUNK):
        values = " ".join(f"(<{g}> <{st}>)" for g, st in pairs[i:i + _CO_CHUNK])
        for r in store.query(f"SELECT ?g ?statement ?date WHERE {{ VALUES (?g ?statement) {{ {values} }} "
                             f"GRAPH ?g {{ ?statement <{_K}date> ?date }} }}"):
            key = ("timeline", r["g"].value, r["statement"].value, r["date"].value)
            out.setdefault(key, [False, set()])[1] |= found[(r["g"].value, r["statement"].value)]
    return out


def _timeline(store, graph: str = "?g", policy_set: set[str] | None = None) -> Timeline:
    """The timeline rows of graph (an IRI, or ?g: every article graph): the dated statements
    naming a decision or giving a role to one of policy_set (default: the store's policies)."""
    bind = "" if graph == "?g" else f"BIND({graph} AS ?g)"
    out = _policy_statements(store, graph, policies(store) if policy_set is None else policy_set)
    for r in store.query(f"SELECT DISTINCT ?g ?statement ?date WHERE {{ GRAPH {graph} {{ {_DECIDING} }} {bind} "
                         f"FILTER(isIRI(?statement)) }}"):
        if r["g"].value not in _KG_GRAPHS:
            out.setdefault(("timeline", r["g"].value, r["statement"].value, r["date"].value), [False, set()])[0] = True
    return out


def _speaker_inserts(rows: Iterable[SpeakerKey], timeline: Timeline | None = None) -> list[str]:
    lines = []
    for key in sorted(rows):
        _, g, statement, speaker, date = key
        lines.append(f"<{_speaker_row(key)}> {_SPK_DATE} {ox.Literal(date)} ; {_SPK_GRAPH} <{g}> ; "
                     f"{_SPK_STATEMENT} {ox.Literal(statement)} ; {_SPK_OF} {ox.Literal(speaker)} .")
    for key, (decision, named) in sorted((timeline or {}).items()):
        _, g, statement, date = key
        lines.append(f"<{_speaker_row(key)}> {_TL_DATE} {ox.Literal(date)} ; {_SPK_GRAPH} <{g}> ; "
                     f"{_SPK_STATEMENT} {ox.Literal(statement)}" + (f" ; {_TL_DECISION} true" if decision else "")
                     + "".join(f" ; {_TL_POLICY} {ox.Literal(p)}" for p in sorted(named)) + " .")
    return [f"INSERT DATA {{ GRAPH {_G} {{\n" + "\n".join(lines[i:i + _CO_CHUNK]) + "\n} }"
            for i in range(0, len(lines), _CO_CHUNK)]


def _speaker_update(store, graphs: list[str], written: ox.Store, policy_set: set[str] | None = None) -> list[str]:
    """The updates that drop the speaker and timeline rows of every graph the write replaces or
    drops (of those the store holds: no others have rows) and add those of what it writes (read
    from `_written`, with the policies the store knows now: policy_set, or read from the store)."""
    leaving = sorted(graphs)
    ops = []
    for i in range(0, len(leaving), _CO_CHUNK):
        values = " ".join(f"<{g}>" for g in leaving[i:i + _CO_CHUNK])
        ops.append(f"DELETE {{ GRAPH {_G} {{ ?row ?p ?o }} }} WHERE {{ VALUES ?g {{ {values} }} "
                   f"GRAPH {_G} {{ ?row {_SPK_GRAPH} ?g ; ?p ?o }} }}")
    policy_set = policies(store) if policy_set is None else policy_set
    return ops + _speaker_inserts(_speakers(written), _timeline(written, "?g", policy_set))


def _policy_changed(store, entities: set[str], pending: str) -> set[str]:
    """The entities to recount whose class, policy or not, is not what every write that marked
    them found before it (`track`'s kgo:recountWasPolicy and kgo:recountWasNotPolicy marks): the
    timeline rows of the graphs a write added have the policies of the store before it, and
    the rows of every other graph those of the last recount, so only these entities' links can
    be wrong. An entity marked without either (marks left by an older kg) counts as changed."""
    was = {r["x"].value for r in store.query(pending.replace("{}", _WAS_POLICY))}
    was_not = {r["x"].value for r in store.query(pending.replace("{}", _WAS_NOT_POLICY))}
    now = policies(store) & entities
    return {e for e in entities if (e in now and e in was_not) or (e not in now and e in was)
            or (e not in was and e not in was_not)}


def _policy_refresh(store, entities: set[str] | None) -> list[str]:
    """The updates that set the policy links of the timeline rows of these entities (None: of
    every entity) to what the store says after the write: the links go, those of the entities
    that are policies now come back (rows added where a statement had none), and rows left
    with neither a decision nor a policy go."""
    now = policies(store)
    if entities is None:
        drop = f"DELETE {{ GRAPH {_G} {{ ?row {_TL_POLICY} ?p }} }} WHERE {{ GRAPH {_G} {{ ?row {_TL_POLICY} ?p }} }}"
        wanted = now
    else:
        ordered = sorted(entities)
        drop = [(f"DELETE {{ GRAPH {_G} {{ ?row {_TL_POLICY} ?p }} }} WHERE {{ VALUES ?p {{ "
                 + " ".join(str(ox.Literal(e)) for e in ordered[i:i + _CO_CHUNK])
                 + f" }} GRAPH {_G} {{ ?row {_TL_POLICY} ?p }} }}") for i in range(0, len(ordered), _CO_CHUNK)]
        wanted = now & entities
    ops = drop if isinstance(drop, list) else [drop]
    if wanted:
        ops += _speaker_inserts((), _policy_statements(store, "?g", wanted))
    # (the rows found first, then their triples: a NOT EXISTS per triple is five times the work)
    ops.append(f"DELETE {{ GRAPH {_G} {{ ?row ?p ?o }} }} WHERE {{ {{ SELECT ?row WHERE {{ GRAPH {_G} {{ ?row {_TL_DATE} ?date }} "
               f"FILTER NOT EXISTS {{ GRAPH {_G} {{ ?row {_TL_DECISION}|{_TL_POLICY} ?any }} }} }} }} GRAPH {_G} {{ ?row ?p ?o }} }}")
    return ops
