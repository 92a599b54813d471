"""`kg export --format graphml|gexf`: the viewer's graph for Gephi, Cytoscape and yEd.

Those tools read flat attributes only (strings and numbers), so the lists and records the
HTML view keeps per node and edge are flattened: names joined with '|', dates as
first/last day, evidence as a count plus the first sentence. Node ids stay the entity and
statement IRIs, so a row in Gephi can be looked up with `kg query`.
"""
from __future__ import annotations

import io
import re

import networkx as nx

from kg.errors import KgError
from kg.store import Store
from kg.view.model import build_graph

FORMATS = ("graphml", "gexf")


def flat_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of the view graph with only scalar attributes, as GraphML and GEXF require."""
    types = graph.graph["types"]
    articles = graph.graph["articles"]
    evidence = graph.graph["evidence"]
    out = nx.MultiDiGraph()
    for node, d in graph.nodes(data=True):
        dates = d["dates"]
        first_ev = next((evidence[v]["sentence"] for v in d["evidence"] if v in evidence), "")
        out.add_node(node, label=d["label"], kind=d["kind"], type=d["type"], type_label=types[d["type"]]["label"],
                     group=types[d["type"]]["group"], names="|".join(d["names"]), wikidata=d["wikidata"],
                     articles="|".join(articles[a]["title"] for a in d["articles"] if a in articles),
                     article_count=len(d["articles"]), first_date=dates[0][0] if dates else "",
                     last_date=dates[-1][1] if dates else "", evidence_count=len(d["evidence"]), evidence=first_ev,
                     properties="; ".join(f"{k}={v}" for k, v in d["props"]))
    for s, o, key, d in graph.edges(keys=True, data=True):
        dates = d["dates"]
        first_ev = next((evidence[v]["sentence"] for v in d["evidence"] if v in evidence), "")
        out.add_edge(s, o, key=key, label=d["label"], kind=d["kind"], predicate=d["predicate"],
                     reference=bool(d["reference"]), article_count=len(d["articles"]),
                     articles="|".join(articles[a]["title"] for a in d["articles"] if a in articles),
                     first_date=dates[0][0] if dates else "", last_date=dates[-1][1] if dates else "",
                     evidence_count=len(d["evidence"]), evidence=first_ev)
    return out


def export_networkx(store: Store, fmt: str, lang: str = "zh-Hant") -> str:
    """The store's entity/statement graph as GraphML or GEXF text."""
    if fmt not in FORMATS:
        raise KgError(f"unknown graph format '{fmt}'; use one of {', '.join(FORMATS)}")
    graph = flat_graph(build_graph(store, lang))
    buf = io.BytesIO()  # the writers' file form emits real UTF-8; their string form, &#NNNN; for every Han character
    if fmt == "graphml":
        nx.write_graphml(graph, buf, encoding="utf-8", prettyprint=True)
    else:
        nx.write_gexf(graph, buf, encoding="utf-8", prettyprint=True)
    text = buf.getvalue().decode("utf-8")
    text = re.sub(r' lastmodifieddate="[^"]*"', "", text, count=1)  # today's date would make exports differ by day
    return text if text.endswith("\n") else text + "\n"
