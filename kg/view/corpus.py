"""What a page of a large store shows: the most central entities of the whole corpus.

`kg view` builds its graph in memory (kg.view.model) and ranks it with networkx; at 10,000
articles reading everything means some 8 million triples and a million evidence nodes in
Python (it did not finish in 15 minutes), and a page of hundreds of thousands of nodes. A
store of more than OVERVIEW_ARTICLES articles therefore opens on an overview of the whole
corpus, computed from a few bounded queries:

1. candidates: the entities mentioned in the most articles (two or more), read from the
   statistics graph (one triple per entity, kg.store.statistics; counted from the mentions
   when a store has no statistics yet);
2. who is mentioned with whom: every article graph's `schema:mentions` of those candidates
   (one query), as an article × entity matrix whose product gives, for each pair, the
   articles naming both; and the relations between them (`kgo:developer` …), counted per
   article graph in one grouped query;
3. PageRank on that co-mention and relation graph (numpy, kg.view.overview.pagerank) picks
   the `limit` most central entities, and Louvain (networkx, seeded) splits them into
   communities, on links weighted by how much more often two entities meet than their
   article counts alone would make them (cosine), each entity keeping its strongest
   links, so that the hubs every article names do not swallow every community.

What the page draws about those entities (their names, facts and sentences) comes from a
bounded set of articles: the OVERVIEW_ARTICLES most recent ones, and the most recent
article of each central entity that those do not mention, so that an entity the recent
news no longer names still has its sentences. Each entity is also linked to the central
entities it is most often named with (a "named together" edge holding the article count
and the most recent of the articles read that name both), so the drawing shows the
structure the ranking saw. Everything is ordered by count, date and IRI: the same store gives the same page.

With --focus, a large store is drawn from the OVERVIEW_ARTICLES most recent articles that
mention the entity (`overview_graphs`).
"""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np

from kg.rdf.namespaces import KGO, ONTOLOGY_GRAPH, SCHEMA
from kg.store.statistics import STATISTICS_GRAPH

OVERVIEW_ARTICLES = 60     # most recent articles whose facts a page of a larger store draws
OVERVIEW_ENTITIES = 300    # entities the overview of a larger store holds unless --limit says otherwise
MAX_ENTITIES = 2000        # at most this many (--limit 0 or more on a large store): the page stays small
EXTRA_CANDIDATES = 300     # candidates beyond the limit that PageRank may promote above the less central
COMMUNITY_LINKS = 10       # strongest links per entity Louvain sees
DRAWN_LINKS = 3            # strongest co-mention links per entity drawn in the page
LINK_ARTICLES = 5          # most recent articles a co-mention edge lists
MIN_ARTICLES = 2           # an overview's entities are named in this many articles or more (when some are)

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


@dataclass
class CorpusOverview:
    """The most central entities of a whole corpus and what a page needs to draw them."""
    entities: list[str]                       # the most central first
    community: dict[str, int]                 # entity → community (0: the largest)
    article_count: dict[str, int]             # entity → articles mentioning it, in the whole corpus
    links: dict[tuple[str, str], tuple[int, list[str]]]   # (a, b) → (articles naming both, the newest of their graphs)
    graphs: list[str]                         # article graphs the page reads names and sentences from, newest first
    fact_graphs: list[str]                    # those it reads facts from: the most recent
    articles: int                             # articles in the store
    candidates: int                           # entities ranked
    entities_total: int                       # entities some article mentions
    recent: int = OVERVIEW_ARTICLES


def _article_dates(store) -> list[str]:
    """Every article graph, newest first (undated last; ties by graph IRI).

    Two plain queries: the same with OPTIONAL takes ten times as long at 10,000 articles."""
    dates = {r["g"].value: "" for r in store.query(
        f"SELECT ?g WHERE {{ GRAPH ?g {{ ?a <{KGO.sourcePath}> ?path }} }}")}
    for r in store.query(f"SELECT ?g ?d WHERE {{ GRAPH ?g {{ ?a <{SCHEMA.datePublished}> ?d }} }}"):
        g = r["g"].value
        if g in dates:
            dates[g] = max(dates[g], r["d"].value)
    return [g for g, _ in sorted(dates.items(), key=lambda x: (newest_first(x[1]), x[0]))]


def newest_first(date: str) -> tuple[int, ...]:
    """A sort key putting later ISO dates first, and no date ("") last."""
    return tuple(-ord(c) for c in date) + (1,)


def _candidates(store, n: int) -> tuple[list[tuple[str, int]], int]:
    """The n entities most articles mention (named in two or more, when some are), most first,
    and how many entities are mentioned at all.

    An entity one article names is not central to a corpus: the 10,000-article bench store
    has 186 entities that recur and 9,849 that do not, and taking some of those by IRI to fill
    a page would be arbitrary (--focus draws any of them). Read from the statistics graph
    (entity counts only, not the classes'); a store without one (written before it existed,
    or by another tool) is counted from its mentions."""
    counts = (f"GRAPH <{STATISTICS_GRAPH}> {{ ?e <{KGO.articleCount}> ?n "
              f"FILTER NOT EXISTS {{ ?e <{KGO.entityCount}> ?x }} FILTER(?n > 0) }}")
    total = int(next(iter(store.query(f"SELECT (COUNT(*) AS ?c) WHERE {{ {counts} }}")))["c"].value)
    q = f"SELECT ?e ?n WHERE {{ {counts} FILTER(?n >= MIN) }} ORDER BY DESC(?n) ?e LIMIT {int(n)}"
    if total == 0:
        total = int(next(iter(store.query(
            f"SELECT (COUNT(DISTINCT ?e) AS ?c) WHERE {{ GRAPH ?g {{ ?a <{SCHEMA.mentions}> ?e }} }}")))["c"].value)
        q = (f"SELECT ?e ?n WHERE {{ {{ SELECT ?e (COUNT(DISTINCT ?g) AS ?n) WHERE {{ GRAPH ?g {{ ?a "
             f"<{SCHEMA.mentions}> ?e }} }} GROUP BY ?e }} FILTER(?n >= MIN) }} ORDER BY DESC(?n) ?e LIMIT {int(n)}")
    for least in (MIN_ARTICLES, 1):
        found = [(r["e"].value, int(r["n"].value)) for r in store.query(q.replace("MIN", str(least)))]
        if found:
            return found, total
    return [], total


def _relations(store, candidates: set[str]) -> dict[tuple[str, str], int]:
    """(a, b) with a < b → how many graphs state a relation between them (kgo object properties)."""
    from kg.view.model import K, NOT_EDGES, OWL_OBJECT_PROPERTY, RDF_TYPE
    from kg.view.overview import ROLE_ORDER
    roles = {K + r for r in ROLE_ORDER}    # a statement's roles: its own query, and too many to group
    props = sorted(r["p"].value for r in store.query(
        f"SELECT ?p WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?p <{RDF_TYPE}> <{OWL_OBJECT_PROPERTY}> }} }}")
        if r["p"].value.startswith(K) and r["p"].value not in NOT_EDGES and r["p"].value not in roles)
    if not props:
        return {}
    values = " ".join(f"<{p}>" for p in props)
    q = (f"SELECT ?s ?o (COUNT(DISTINCT ?g) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} VALUES ?p {{ {values} }} "
         f"FILTER(isIRI(?o)) }} GROUP BY ?s ?o")
    out: dict[tuple[str, str], int] = {}
    for r in store.query(q):
        s, o = r["s"].value, r["o"].value
        if s != o and s in candidates and o in candidates:
            key = (min(s, o), max(s, o))
            out[key] = out.get(key, 0) + int(r["n"].value)
    return out


def _strongest(scores: np.ndarray, k: int) -> set[tuple[int, int]]:
    """Index pairs (i < j): each row's k highest positive scores (ties: the lower index)."""
    out: set[tuple[int, int]] = set()
    for i in range(scores.shape[0]):
        row = scores[i]
        order = np.lexsort((np.arange(row.size), -row))[:k]
        out.update((min(i, int(j)), max(i, int(j))) for j in order if row[j] > 0 and j != i)
    return out


def corpus_overview(store, limit: int = OVERVIEW_ENTITIES, recent: int = OVERVIEW_ARTICLES) -> CorpusOverview:
    """Rank the whole corpus's entities and pick what a page of the limit most central ones reads."""
    n = min(limit, MAX_ENTITIES) if limit > 0 else MAX_ENTITIES
    graphs = _article_dates(store)
    row_of = {g: i for i, g in enumerate(graphs)}      # row 0: the newest article
    cands, entities_total = _candidates(store, n + min(n, EXTRA_CANDIDATES))
    names = [e for e, _ in cands]
    col_of = {e: j for j, e in enumerate(names)}
    incidence = np.zeros((len(graphs), len(names)), dtype=np.float32)
    # one row per article, its candidates' numbers joined by spaces, not one row per mention:
    # the grouping runs in the store and Python reads 10,000 short rows instead of 400,000
    # (5.8 s at 10,000 articles; 1.7 s so; with the IRIs joined instead of numbers, 3.4 s)
    values = " ".join(f"(<{e}> {j})" for j, e in enumerate(names))
    q = (f"SELECT ?g (GROUP_CONCAT(STR(?j)) AS ?js) WHERE {{ VALUES (?e ?j) {{ {values} }} "
         f"GRAPH ?g {{ ?a <{SCHEMA.mentions}> ?e }} }} GROUP BY ?g")
    for r in store.query(q):
        i = row_of.get(r["g"].value)
        if i is not None:
            incidence[i, [int(j) for j in r["js"].value.split()]] = 1.0
    co = incidence.T @ incidence                        # co[a, b]: articles naming both
    counts = np.diag(co).copy()
    np.fill_diagonal(co, 0.0)
    relations = _relations(store, set(names))
    weight = co.copy()
    for (a, b), k in relations.items():
        weight[col_of[a], col_of[b]] += k
        weight[col_of[b], col_of[a]] += k

    from kg.view.overview import pagerank
    full = nx.Graph()
    full.add_nodes_from(names)
    rows, cols = np.nonzero(np.triu(weight, 1))
    full.add_weighted_edges_from((names[i], names[j], float(weight[i, j])) for i, j in zip(rows, cols))
    pr = pagerank(full)
    order = sorted(names, key=lambda e: (-round(pr[e], 12), -counts[col_of[e]], e))[:n]

    idx = np.array([col_of[e] for e in order], dtype=np.int64)
    sub_co = co[np.ix_(idx, idx)]
    norm = np.sqrt(np.maximum(counts[idx], 1.0))
    cosine = sub_co / norm[:, None] / norm[None, :]
    sub_w = weight[np.ix_(idx, idx)]
    affinity = cosine + (sub_w - sub_co) / norm[:, None] / norm[None, :]   # a stated relation adds to it
    linked = nx.Graph()
    linked.add_nodes_from(order)
    linked.add_weighted_edges_from((order[i], order[j], float(affinity[i, j]))
                                   for i, j in sorted(_strongest(affinity, COMMUNITY_LINKS)))
    from kg.view.overview import communities
    community = communities(linked)

    # the articles the page reads: the most recent, and the newest naming each entity they do not
    chosen = set(graphs[:recent])
    covered = incidence[:recent, idx].any(axis=0) if recent else np.zeros(len(idx), dtype=bool)
    for k in np.flatnonzero(~covered):
        rows_e = np.flatnonzero(incidence[:, idx[k]])
        if rows_e.size:
            chosen.add(graphs[rows_e[0]])
    read = np.array(sorted(row_of[g] for g in chosen), dtype=np.int64)   # newest first
    links: dict[tuple[str, str], tuple[int, list[str]]] = {}
    for i, j in sorted(_strongest(np.where(sub_co >= 2, cosine, 0.0), DRAWN_LINKS)):
        both = read[np.flatnonzero(incidence[read, idx[i]] * incidence[read, idx[j]])[:LINK_ARTICLES]]
        links[(order[i], order[j])] = (int(sub_co[i, j]), [graphs[r] for r in both])
    return CorpusOverview(entities=order, community=community,
                          article_count={e: int(counts[col_of[e]]) for e in order}, links=links,
                          graphs=[graphs[r] for r in read], fact_graphs=graphs[:recent], articles=len(graphs),
                          candidates=len(names), entities_total=entities_total, recent=min(recent, len(graphs)))
