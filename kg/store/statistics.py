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
`replace_graph_lines`, `drop_graph`)
first marks the statistics stale (`<…/graph/statistics> kgo:statisticsStale true`) in
the same transaction as its first change, and `refresh` (called at the end of `kg ingest`,
which also prunes) recounts everything in one update that ends with the mark `false`. A run
killed in between leaves the mark, and the next `kg ingest`, even of unchanged files,
recounts. The counting runs inside Oxigraph (about 5 s at 10,000 articles, on 2 busy
cores), only when something changed; a store that predates the statistics graph gets it
on its next `kg ingest`.
"""
from __future__ import annotations

from kg.rdf.namespaces import ENTITIES_GRAPH, GRAPH, KGO, ONTOLOGY_GRAPH, REFERENCE_GRAPH, SCHEMA

STATISTICS_GRAPH = GRAPH["statistics"]
#: graphs whose changes leave the counts as they are: the statistics' own, and the ontology
UNCOUNTED_GRAPHS = frozenset({str(STATISTICS_GRAPH), str(ONTOLOGY_GRAPH)})

_G = f"<{STATISTICS_GRAPH}>"
_STALE = f"<{KGO.statisticsStale}>"
MARK_STALE = (f"DELETE DATA {{ GRAPH {_G} {{ {_G} {_STALE} false }} }} ;\n"
              f"INSERT DATA {{ GRAPH {_G} {{ {_G} {_STALE} true }} }}")

_ENTITY_COUNTS = f"""
INSERT {{ GRAPH {_G} {{ ?entity <{KGO.articleCount}> ?articles }} }}
WHERE {{ SELECT ?entity (COUNT(DISTINCT ?article) AS ?articles)
         WHERE {{ GRAPH ?g {{ ?article <{SCHEMA.mentions}> ?entity }} }} GROUP BY ?entity }}"""

# the types of entities live in the entities graph and the reference graph (kg.ingest); the
# few typed entities are read first, then what mentions them (the other way round is minutes)
_TYPE_COUNTS = f"""
INSERT {{ GRAPH {_G} {{ ?type <{KGO.entityCount}> ?entities ; <{KGO.knownEntityCount}> ?known ;
                              <{KGO.discoveredEntityCount}> ?discovered ; <{KGO.articleCount}> ?articles }} }}
WHERE {{ SELECT ?type (COUNT(DISTINCT ?entity) AS ?entities) (COUNT(DISTINCT ?knownEntity) AS ?known)
                (COUNT(DISTINCT ?discoveredEntity) AS ?discovered) (COUNT(DISTINCT ?article) AS ?articles)
  WHERE {{
    {{ SELECT DISTINCT ?entity ?type WHERE {{
        {{ GRAPH <{ENTITIES_GRAPH}> {{ ?entity a ?type }} }} UNION {{ GRAPH <{REFERENCE_GRAPH}> {{ ?entity a ?type }} }} }} }}
    GRAPH ?g {{ ?article <{SCHEMA.mentions}> ?entity }}
    OPTIONAL {{ GRAPH <{REFERENCE_GRAPH}> {{ ?entity a ?referenceType }} }}
    BIND(IF(BOUND(?referenceType), ?entity, ?unbound) AS ?knownEntity)
    BIND(IF(BOUND(?referenceType), ?unbound, ?entity) AS ?discoveredEntity)
  }} GROUP BY ?type }}"""

REFRESH = (f"DROP SILENT GRAPH {_G} ;\n{_ENTITY_COUNTS} ;\n{_TYPE_COUNTS} ;\n"
           f"INSERT DATA {{ GRAPH {_G} {{ {_G} {_STALE} false }} }}")


def is_current(store) -> bool:
    """True when the statistics were counted and no write has happened since."""
    return bool(store.query(f"ASK {{ GRAPH {_G} {{ {_G} {_STALE} false }} }}"))


def refresh(store, *, force: bool = False) -> bool:
    """Recount the statistics graph when a write made it stale (or it is missing); True if it did.

    One update: the old counts go and the new ones come in the same transaction.
    """
    if not force and is_current(store):
        return False
    store._update(REFRESH)
    return True
