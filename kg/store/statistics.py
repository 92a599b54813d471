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
with the classes those entities have before the write (`kgo:recountType`), and sets the stale
mark back to false when it was false: the counts are then exact but for what is marked. `refresh`
(at the end of `kg ingest`, which also prunes) recounts, in one update that removes the marks,
the marked entities and the classes they had before or have now (one changed article at
10,000 articles: 56 entities and 14 classes, 0.8 s, where a full recount takes 1.4 s and took
4 s before the classes' counts read the reference graph per entity, not per mention), or everything
when a write left the stale mark (the reference graph replaced, a store without statistics,
a write by anything else) or when more than FULL_ABOVE entities are marked (a fresh ingest).
A run killed after a write leaves its marks, and the next `kg ingest`, even of unchanged
files, recounts them; a store that predates the statistics graph gets it on its next
`kg ingest`. The counts are the same as a full recount's (tests/test_query_statistics.py).
"""
from __future__ import annotations

from typing import Iterable

import pyoxigraph as ox

from kg.rdf.namespaces import ENTITIES_GRAPH, GRAPH, KGO, ONTOLOGY_GRAPH, REFERENCE_GRAPH, SCHEMA

STATISTICS_GRAPH = GRAPH["statistics"]
#: graphs whose changes leave the counts as they are: the statistics' own, and the ontology
UNCOUNTED_GRAPHS = frozenset({str(STATISTICS_GRAPH), str(ONTOLOGY_GRAPH)})

_G = f"<{STATISTICS_GRAPH}>"
_STALE = f"<{KGO.statisticsStale}>"
_PENDING_ENTITY = f"<{KGO.recountEntity}>"
_PENDING_TYPE = f"<{KGO.recountType}>"
_MENTIONS = f"<{SCHEMA.mentions}>"
_RECORD = f"<{KGO.mentionRecord}>"
_TYPE_PROPERTIES = " ".join(f"<{KGO[p]}>" for p in
                            ("entityCount", "knownEntityCount", "discoveredEntityCount", "articleCount"))
MARK_STALE = (f"DELETE DATA {{ GRAPH {_G} {{ {_G} {_STALE} false }} }} ;\n"
              f"INSERT DATA {{ GRAPH {_G} {{ {_G} {_STALE} true }} }}")
_MARK_CURRENT = (f"DELETE DATA {{ GRAPH {_G} {{ {_G} {_STALE} true }} }} ;\n"
                 f"INSERT DATA {{ GRAPH {_G} {{ {_G} {_STALE} false }} }}")
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


REFRESH = (f"DROP SILENT GRAPH {_G} ;\n{_entity_counts()} ;\n{_type_counts()} ;\n"
           f"INSERT DATA {{ GRAPH {_G} {{ {_G} {_STALE} false }} }}")


def _values(var: str, iris) -> str:
    return f"VALUES ?{var} {{ " + " ".join(f"<{i}>" for i in sorted(iris)) + " }"


def is_current(store) -> bool:
    """True when the statistics were counted and no write has happened since."""
    return bool(store.query(f"ASK {{ GRAPH {_G} {{ {_G} {_STALE} false "
                            f"FILTER NOT EXISTS {{ {_G} {_PENDING_ENTITY}|{_PENDING_TYPE} ?x }} }} }}"))


def trackable(store) -> bool:
    """True when the counts are exact but for the entities and classes marked to recount: a
    write can then mark what it touches (`track`) instead of leaving everything to recount."""
    return bool(store.query(f"ASK {{ GRAPH {_G} {{ {_G} {_STALE} false }} }}"))


def touched_entities(store, graphs: Iterable[str] = (), lines: Iterable[str] = ()) -> set[str]:
    """The entities these stored graphs mention or hold mention records of (each graph read on its
    own: a VALUES list of graphs makes Oxigraph read every mention), and those N-Triples lines do."""
    out: set[str] = set()
    for g in sorted(graphs):
        q = f"SELECT DISTINCT ?e WHERE {{ GRAPH <{g}> {{ {{ ?a {_MENTIONS} ?e }} UNION {{ ?e {_RECORD} ?r }} }} }}"
        out.update(r["e"].value for r in store.query(q) if isinstance(r["e"], ox.NamedNode))
    for line in lines:
        if f"> {_MENTIONS} <" in line:
            out.add(line[line.rindex(" <") + 2:line.rindex(">")])
        elif f"> {_RECORD} " in line:
            out.add(line[1:line.index(">")])
    return out


def track(store, graphs: Iterable[str] = (), lines: Iterable[str] = ()) -> str:
    """The update that, run in the same transaction as a write (`Store.write_graphs`'s before,
    ahead of the entities graph's change), marks what the write's graphs mention before and
    after (`touched_entities` of the graphs it replaces or drops and of the lines it writes),
    and those entities' classes as they are before it, to recount, and the counts as exact but
    for them; "" when they must be recounted in full anyway (the write's stale mark stays)."""
    if not trackable(store):
        return ""
    entities = touched_entities(store, graphs, lines)
    ops = []
    if entities:
        ops.append(f"INSERT DATA {{ GRAPH {_G} {{ {_G} {_PENDING_ENTITY} "
                   + " , ".join(f"<{e}>" for e in sorted(entities)) + " } }")
        ops.append(f"INSERT {{ GRAPH {_G} {{ {_G} {_PENDING_TYPE} ?t }} }} WHERE {{ {_values('e', entities)}"
                   f" {{ GRAPH <{ENTITIES_GRAPH}> {{ ?e a ?t }} }} UNION {{ GRAPH <{REFERENCE_GRAPH}> {{ ?e a ?t }} }} }}")
    ops.append(_MARK_CURRENT)
    return " ;\n".join(ops)


def refresh(store, *, force: bool = False) -> bool:
    """Recount the statistics graph when a write made it stale (or it is missing); True if it did.

    One update: the old counts go and the new ones come in the same transaction. Only the
    entities and classes marked by `track` are recounted, unless a write left the counts
    stale without saying what it touched (or force).
    """
    if not force and is_current(store):
        return False
    if force or not trackable(store):
        store._update(REFRESH)
        return True
    pending = f"SELECT ?x WHERE {{ GRAPH {_G} {{ {_G} {{}} ?x }} }}"
    entities = {r["x"].value for r in store.query(pending.replace("{}", _PENDING_ENTITY))}
    if len(entities) > FULL_ABOVE:
        store._update(REFRESH)
        return True
    types = {r["x"].value for r in store.query(pending.replace("{}", _PENDING_TYPE))}
    if entities:   # and the classes they have now
        types |= {r["t"].value for r in store.query(
            f"SELECT DISTINCT ?t WHERE {{ {_values('e', entities)} {{ GRAPH <{ENTITIES_GRAPH}> {{ ?e a ?t }} }}"
            f" UNION {{ GRAPH <{REFERENCE_GRAPH}> {{ ?e a ?t }} }} }}")}
    ops = []
    if entities:
        ops.append(f"DELETE {{ GRAPH {_G} {{ ?entity <{KGO.articleCount}> ?n }} }} WHERE {{ {_values('entity', entities)}"
                   f" GRAPH {_G} {{ ?entity <{KGO.articleCount}> ?n }} }}")
        ops.append(_entity_counts(_values("entity", entities)))
    if types:
        ops.append(f"DELETE {{ GRAPH {_G} {{ ?type ?p ?n }} }} WHERE {{ {_values('type', types)}"
                   f" VALUES ?p {{ {_TYPE_PROPERTIES} }} GRAPH {_G} {{ ?type ?p ?n }} }}")
        ops.append(_type_counts(_values("type", types)))
    ops.append(f"DELETE WHERE {{ GRAPH {_G} {{ {_G} {_PENDING_ENTITY} ?x }} }}")
    ops.append(f"DELETE WHERE {{ GRAPH {_G} {{ {_G} {_PENDING_TYPE} ?x }} }}")
    store._update(" ;\n".join(ops))
    return True
