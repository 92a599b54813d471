"""What the page opens on: the entities that matter most, their communities, and facts as edges.

A reader cannot read 5,000 nodes, nor even 170 when statement boxes outnumber the entities.
So the view's graph is first reduced to the entities and how they meet (a relation, or a
statement both take part in: `fact_pairs`), then ranked by PageRank on that graph (hubs
first) and split into communities (Louvain), so that the opening view shows the most
central entities, coloured by the part of the graph they belong to.
"""
from __future__ import annotations

from collections import defaultdict

import networkx as nx
import numpy as np

#: a statement's roles, in the order that picks the end its folded edges start from
ROLE_ORDER = ("agent", "attributedTo", "subject", "decision", "product", "counterpart", "venue", "location")


def _role_rank(predicate: str) -> tuple[int, str]:
    name = predicate.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    return (ROLE_ORDER.index(name) if name in ROLE_ORDER else len(ROLE_ORDER), name)


def statement_entities(g: nx.MultiDiGraph, st: str) -> list[str]:
    """The distinct entities a statement node links to, the most agent-like first."""
    ends = sorted(((_role_rank(d["predicate"]), o) for _, o, d in g.out_edges(st, data=True)
                   if g.nodes[o]["kind"] == "entity"))
    out: list[str] = []
    for _, o in ends:
        if o not in out:
            out.append(o)
    return out


def fact_pairs(g: nx.MultiDiGraph) -> dict[tuple[str, str], list[str]]:
    """(first entity, other entity) → statements in which both take part: the edges a statement folds into.

    A statement with entities A, B, C becomes A–B and A–C (a star from its most agent-like
    entity), not every pair, so a five-party meeting draws four edges, not ten.
    """
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    for st, d in g.nodes(data=True):
        if d["kind"] != "statement":
            continue
        ents = statement_entities(g, st)
        for other in ents[1:]:
            pairs[(ents[0], other)].append(st)
    return dict(pairs)


def entity_graph(g: nx.MultiDiGraph) -> nx.Graph:
    """Entities only, weighted by how many relations and shared statements join each pair."""
    eg = nx.Graph()
    eg.add_nodes_from(sorted(n for n, d in g.nodes(data=True) if d["kind"] == "entity"))
    for s, o, d in g.edges(data=True):
        if d["kind"] == "relation" and s != o:
            eg.add_edge(s, o, weight=eg.get_edge_data(s, o, {"weight": 0})["weight"] + 1)
    for (a, b), sts in fact_pairs(g).items():
        if a != b:
            eg.add_edge(a, b, weight=eg.get_edge_data(a, b, {"weight": 0})["weight"] + len(sts))
    return eg


def pagerank(eg: nx.Graph, damping: float = 0.85, iterations: int = 100, tol: float = 1e-10) -> dict[str, float]:
    """PageRank by power iteration in numpy (networkx's needs scipy, which kg does not otherwise use)."""
    nodes = list(eg.nodes)
    n = len(nodes)
    if n == 0:
        return {}
    index = {v: i for i, v in enumerate(nodes)}
    src, dst, w = [], [], []
    for a, b, d in eg.edges(data=True):
        for x, y in ((a, b), (b, a)):
            src.append(index[x])
            dst.append(index[y])
            w.append(float(d.get("weight", 1)))
    src_a, dst_a, w_a = np.array(src, dtype=np.int64), np.array(dst, dtype=np.int64), np.array(w)
    out_weight = np.zeros(n)
    np.add.at(out_weight, src_a, w_a)
    rank = np.full(n, 1.0 / n)
    dangling = out_weight == 0
    share = np.where(out_weight[src_a] > 0, w_a / np.maximum(out_weight[src_a], 1e-12), 0.0)
    for _ in range(iterations):
        new = np.zeros(n)
        np.add.at(new, dst_a, rank[src_a] * share)
        new = damping * (new + rank[dangling].sum() / n) + (1 - damping) / n
        done = np.abs(new - rank).sum() < tol
        rank = new
        if done:
            break
    return {v: float(rank[i]) for v, i in index.items()}


def ranking(g: nx.MultiDiGraph, eg: nx.Graph | None = None) -> list[str]:
    """Entities from the most central down (PageRank, then degree, then IRI: deterministic)."""
    eg = entity_graph(g) if eg is None else eg
    pr = pagerank(eg)
    return sorted(eg.nodes, key=lambda n: (-round(pr[n], 12), -eg.degree(n), n))


def communities(eg: nx.Graph, seed: int = 7) -> dict[str, int]:
    """Entity → community number (0 = the largest), by Louvain modularity; isolated nodes share one."""
    from kg.view.layout import ordered_subgraph   # in sorted order: Louvain's seeded shuffle starts from it
    connected = ordered_subgraph(eg, [n for n in eg.nodes if eg.degree(n) > 0])
    parts = nx.community.louvain_communities(connected, weight="weight", seed=seed) if connected.number_of_nodes() else []
    parts = sorted((sorted(p) for p in parts), key=lambda p: (-len(p), p[0]))
    out = {n: i for i, p in enumerate(parts) for n in p}
    lone = len(parts)
    for n in eg.nodes:
        out.setdefault(n, lone)
    return out


def limit_graph(g: nx.MultiDiGraph, limit: int) -> nx.MultiDiGraph:
    """The limit most central entities and the statements among them (limit 0: everything)."""
    entities = [n for n, d in g.nodes(data=True) if d["kind"] == "entity"]
    if limit <= 0 or len(entities) <= limit:
        return g
    keep = set(ranking(g)[:limit])
    for st, d in g.nodes(data=True):
        if d["kind"] == "statement" and any(o in keep for o in g.successors(st)):
            keep.add(st)
    from kg.view.model import induced
    sub = induced(g, keep)
    sub.graph["limited"] = {"shown": limit, "total": len(entities)}
    return sub
