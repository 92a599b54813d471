"""Which article graphs a page reads: all of a small store, the most recent ones of a corpus.

`kg view` builds its graph in memory (kg.view.model) and ranks it with networkx; at 10,000
articles that means some 8 million triples and a million evidence nodes read into Python
(it did not finish in 15 minutes), and a page of hundreds of thousands of statement nodes.
A store of more than OVERVIEW_ARTICLES articles is therefore drawn from its
OVERVIEW_ARTICLES most recent articles (with --focus: the most recent that mention the
entity), read with a VALUES block naming their graphs, then cut to the --limit most
central entities by PageRank and coloured by Louvain community as before; statements
about one entity alone are left out of such an overview (they are that entity's detail,
drawn with --focus), statements linking two or more entities stay. The sample is
chosen by one query on publication dates (the same articles every time for the same
store), so the page costs the same at 1,000 or 100,000 articles.
"""
from __future__ import annotations

from kg.rdf.namespaces import KGO, SCHEMA

OVERVIEW_ARTICLES = 60   # articles a page of a larger store is drawn from: a page of about 3 MB

_COUNT = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?a <{KGO.sourcePath}> ?path }} }}"


def article_count(store) -> int:
    """How many articles the store holds (one graph each)."""
    return int(next(iter(store.query(_COUNT)))["n"].value)


def recent_graphs(store, n: int, entities: list[str] | None = None) -> list[str]:
    """The graphs of the n most recent articles (mentioning one of entities, if given), newest first."""
    mention = ""
    if entities:
        values = " ".join(f"<{e}>" for e in entities)
        mention = f"VALUES ?e {{ {values} }} ?a <{SCHEMA.mentions}> ?e ."
    q = (f"SELECT DISTINCT ?g ?d WHERE {{ GRAPH ?g {{ {mention} ?a <{KGO.sourcePath}> ?path . "
         f"OPTIONAL {{ ?a <{SCHEMA.datePublished}> ?d }} }} }} ORDER BY DESC(?d) LIMIT {int(n)}")
    return [row["g"].value for row in store.query(q)]


def overview_graphs(store, focus: str | None = None, n: int = OVERVIEW_ARTICLES) -> tuple[list[str] | None, int]:
    """(the article graphs a page reads, or None for all; the store's article count)."""
    total = article_count(store)
    if total <= n:
        return None, total
    entities = None
    if focus:
        from kg.query.saved import resolve_entity
        entities = resolve_entity(focus, store, "--focus")
    return recent_graphs(store, n, entities), total
