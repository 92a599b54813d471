"""The viewer's choices made in Python, without a browser: what the page opens on and where.

Real networkx graphs shaped like the view's (entities, statement nodes with role edges,
relations), no store needed: these run in `make test-fast`.
"""
from __future__ import annotations

import itertools
import random

import networkx as nx

from kg.view.layout import label_width, opening_layout, separate
from kg.view.overview import communities, entity_graph, fact_pairs, limit_graph, pagerank, ranking

K = "https://w3id.org/aichip-kg/ontology#"


def view_graph() -> nx.MultiDiGraph:
    """A hub (nvidia) with chips, a second cluster (huawei), and a statement joining the two."""
    g = nx.MultiDiGraph()
    for e in ["nvidia", "h200", "h20", "a100", "tsmc", "huawei", "ascend", "smic", "loner"]:
        g.add_node(e, kind="entity")
    for chip in ("h200", "h20", "a100"):
        g.add_edge(chip, "nvidia", key=K + "developer", kind="relation", predicate=K + "developer")
    g.add_edge("h200", "tsmc", key=K + "manufacturer", kind="relation", predicate=K + "manufacturer")
    g.add_edge("ascend", "huawei", key=K + "developer", kind="relation", predicate=K + "developer")
    g.add_edge("ascend", "smic", key=K + "manufacturer", kind="relation", predicate=K + "manufacturer")
    g.add_node("st1", kind="statement")                  # 華為 compared with 輝達: a counterpart
    g.add_edge("st1", "nvidia", key=K + "counterpart", kind="role", predicate=K + "counterpart")
    g.add_edge("st1", "huawei", key=K + "agent", kind="role", predicate=K + "agent")
    g.add_node("st2", kind="statement")                  # a figure of one chip: no pair to fold into
    g.add_edge("st2", "h200", key=K + "subject", kind="role", predicate=K + "subject")
    return g


def test_a_statement_folds_into_an_edge_from_its_agent():
    g = view_graph()
    assert fact_pairs(g) == {("huawei", "nvidia"): ["st1"]}
    eg = entity_graph(g)
    assert set(eg.nodes) == {n for n, d in g.nodes(data=True) if d["kind"] == "entity"}
    assert eg.has_edge("huawei", "nvidia") and eg.degree("loner") == 0


def test_the_hub_ranks_first_and_clusters_split():
    g = view_graph()
    eg = entity_graph(g)
    pr = pagerank(eg)
    assert abs(sum(pr.values()) - 1) < 1e-9
    order = ranking(g, eg)
    assert order[0] == "nvidia" and order[-1] == "loner"
    parts = communities(eg)
    assert parts["h20"] == parts["a100"] == parts["nvidia"] != parts["ascend"] == parts["huawei"] == parts["smic"]
    assert parts["loner"] == max(parts.values())                          # isolated entities: the last group
    assert ranking(g, eg) == order and communities(eg) == parts          # deterministic


def test_limit_keeps_the_most_central_entities_and_their_statements():
    g = view_graph()
    small = limit_graph(g, 3)
    entities = {n for n, d in small.nodes(data=True) if d["kind"] == "entity"}
    assert entities == set(ranking(g)[:3]) and "nvidia" in entities
    assert small.graph["limited"] == {"shown": 3, "total": 9}
    assert all(any(o in entities for o in small.successors(s))
               for s, d in small.nodes(data=True) if d["kind"] == "statement")
    assert limit_graph(g, 0) is g and limit_graph(g, 100) is g


def overlapping(pos, boxes) -> list[tuple[str, str]]:
    return [(a, b) for a, b in itertools.combinations(pos, 2)
            if abs(pos[a][0] - pos[b][0]) < (boxes[a][0] + boxes[b][0]) / 2
            and abs(pos[a][1] - pos[b][1]) < (boxes[a][1] + boxes[b][1]) / 2]


def test_separate_leaves_no_two_labels_on_each_other():
    rng = random.Random(3)
    pos = {f"n{i}": (rng.random() * 100, rng.random() * 100) for i in range(60)}
    boxes = {n: (60.0, 30.0) for n in pos}
    assert overlapping(pos, boxes)
    out = separate(pos, boxes)
    assert overlapping(out, boxes) == [] and separate(pos, boxes) == out


def test_the_opening_layout_gives_every_label_its_room():
    g = entity_graph(view_graph())
    labels = {"nvidia": "輝達", "h200": "輝達H200", "h20": "H20", "a100": "A100", "tsmc": "台積電", "huawei": "華為",
              "ascend": "昇騰910C", "smic": "中芯國際", "loner": "孤立公司"}
    assert label_width("輝達", 10) == 20 and label_width("H20", 10) == 18
    boxes = {n: (label_width(labels[n], 17) + 8, 44.0) for n in g}
    pos = opening_layout(g, boxes)
    assert set(pos) == set(g) and overlapping(pos, boxes) == []
    assert opening_layout(g, boxes) == pos


def test_the_command_and_the_library_keep_the_same_page_size():
    from kg.cli import view as command
    from kg.view import corpus
    from kg.view.html import DEFAULT_LIMIT as library_default
    assert command.DEFAULT_LIMIT == library_default > 0
    assert (command.OVERVIEW_ARTICLES, command.OVERVIEW_ENTITIES, command.MAX_ENTITIES) == \
        (corpus.OVERVIEW_ARTICLES, corpus.OVERVIEW_ENTITIES, corpus.MAX_ENTITIES)


def test_layouts_and_communities_do_not_follow_the_runs_string_hashing():
    """Two processes hash strings differently (PYTHONHASHSEED); a page must not change with it."""
    import json
    import subprocess
    import sys
    from pathlib import Path
    code = """
import json, random, networkx as nx
from kg.view.layout import layout, opening_layout, ordered_subgraph
from kg.view.overview import communities
rng = random.Random(5)
g = nx.Graph()
g.add_nodes_from(f"e{i}" for i in range(120))
g.add_weighted_edges_from((f"e{rng.randrange(120)}", f"e{rng.randrange(120)}", 1 + rng.randrange(4)) for _ in range(300))
few = set(f"e{i}" for i in range(0, 120, 7))
boxes = {n: (60.0, 30.0) for n in few}
print(json.dumps([layout(ordered_subgraph(g, few)), opening_layout(ordered_subgraph(g, few), boxes), communities(g)]))
"""
    root = Path(__file__).resolve().parents[1]
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root,
                           env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"}).stdout for seed in ("1", "2")]
    assert json.loads(runs[0]) == json.loads(runs[1])
