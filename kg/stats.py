"""Counts that tell a user what the store holds."""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.rdf.namespaces import KGO
from kg.store import Store


@dataclass
class Stats:
    articles: int = 0
    entities_by_type: dict[str, int] = field(default_factory=dict)
    relations: int = 0
    statements: int = 0
    triples: int = 0

    @property
    def entities(self) -> int:
        return sum(self.entities_by_type.values())


def stats(store: Store) -> Stats:
    def scalar(q: str) -> int:
        rows = list(store.query(q))
        return int(rows[0]["n"].value) if rows else 0

    out = Stats()
    out.articles = scalar(f"SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{ GRAPH ?g {{ ?a <{KGO.sourcePath}> ?p }} }}")
    q = """SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE { { SELECT DISTINCT ?e WHERE { ?a <https://schema.org/mentions> ?e } }
           ?e a ?type } GROUP BY ?type ORDER BY ?type"""
    from kg.query.sparql import DEFAULT_GRAPH
    for row in store.query(q, **DEFAULT_GRAPH):
        out.entities_by_type[row["type"].value.rsplit("#", 1)[-1]] = int(row["n"].value)
    out.relations = scalar(f"""SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?r a <http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> }} }}""")
    out.statements = scalar(f"""SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH ?g {{ ?s <{KGO.statedIn}> ?a }} }}""")
    out.triples = store.count()
    return out
