"""The store's entities and facts as a networkx graph, drawn with pyvis into one HTML file.

Nodes are the entities articles mention (coloured by type) and statement nodes (small,
grey); edges are relations (labelled with the ontology's label) and statement roles.
The vis.js library is inlined, so the page needs no network.
"""
from __future__ import annotations

import html
from pathlib import Path

import networkx as nx

from kg.rdf.namespaces import KGO
from kg.store import Store

COLOURS = {"ORG": "#4e79a7", "PERSON": "#f28e2b", "PRODUCT": "#59a14f", "PLACE": "#76b7b2", "POLICY": "#e15759",
           "EVENT": "#b07aa1", "STATEMENT": "#bab0ac"}
COARSE = {"Person": "PERSON", "Product": "PRODUCT", "Chip": "PRODUCT", "ChipFamily": "PRODUCT", "AIModel": "PRODUCT",
          "CloudService": "PRODUCT", "Place": "PLACE", "Country": "PLACE", "GeoRegion": "PLACE",
          "AdministrativeRegion": "PLACE", "City": "PLACE", "Policy": "POLICY", "Law": "POLICY",
          "ExportDecision": "POLICY", "Event": "EVENT"}
LANG_ORDER = {"zh-Hant": ("zh-Hant", "zh-Hans", "en", ""), "zh-Hans": ("zh-Hans", "zh-Hant", "en", ""),
              "en": ("en", "zh-Hant", "zh-Hans", "")}


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def build_graph(store: Store, lang: str = "zh-Hant") -> nx.MultiDiGraph:
    """Entities mentioned by any article, their relations, and statement nodes."""
    g = nx.MultiDiGraph()
    q_entities = f"""
        SELECT DISTINCT ?e ?type ?label WHERE {{
          GRAPH ?g {{ ?a <https://schema.org/mentions> ?e . ?e a ?type }}
          OPTIONAL {{ ?e <http://www.w3.org/2000/01/rdf-schema#label> ?label }}
        }}"""
    labels: dict[str, dict[str, str]] = {}
    types: dict[str, str] = {}
    for row in store.query(q_entities, use_default_graph_as_union=True):
        e = row["e"].value
        types[e] = _local(row["type"].value)
        if row["label"] is not None:
            labels.setdefault(e, {}).setdefault(row["label"].language or "", row["label"].value)
    for e in sorted(types):
        coarse = COARSE.get(types[e], "ORG")
        label = next((labels.get(e, {}).get(k) for k in LANG_ORDER.get(lang, LANG_ORDER["zh-Hant"])
                      if labels.get(e, {}).get(k)), _local(e))
        g.add_node(e, label=label, type=types[e], group=coarse, color=COLOURS[coarse])
    prop_labels = _property_labels(store, lang)
    q_rel = f"""SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
                FILTER(STRSTARTS(STR(?p), "{KGO}")) FILTER(isIRI(?o)) }}"""
    for row in store.query(q_rel):
        s, p, o = row["s"].value, row["p"].value, row["o"].value
        if s in types and o in types:
            g.add_edge(s, o, key=p, label=prop_labels.get(p, _local(p)))
        elif o in types and "/statement/" in s:
            if s not in g:
                g.add_node(s, label="", type="Statement", group="STATEMENT", color=COLOURS["STATEMENT"], size=6)
            g.add_edge(s, o, key=p, label=prop_labels.get(p, _local(p)))
    return g


def _property_labels(store: Store, lang: str) -> dict[str, str]:
    out: dict[str, str] = {}
    q = """SELECT ?p ?l WHERE { ?p a <http://www.w3.org/2002/07/owl#ObjectProperty> ;
                                 <http://www.w3.org/2000/01/rdf-schema#label> ?l }"""
    for row in store.query(q, use_default_graph_as_union=True):
        if (row["l"].language or "") == lang or row["p"].value not in out:
            out[row["p"].value] = row["l"].value
    return out


def write_view(store: Store, path: str | Path, lang: str = "zh-Hant") -> nx.MultiDiGraph:
    """Write the pyvis page to path; returns the graph drawn."""
    from pyvis.network import Network

    graph = build_graph(store, lang)
    net = Network(height="900px", width="100%", directed=True, cdn_resources="in_line", notebook=False)
    for node, data in graph.nodes(data=True):
        net.add_node(node, label=data["label"], title=html.escape(f"{data['label']} ({data['type']})"),
                     color=data["color"], size=data.get("size", 14), group=data["group"])
    for s, o, data in graph.edges(data=True):
        net.add_edge(s, o, title=html.escape(data["label"]), label=data["label"] if not s.count("/statement/") else "")
    net.toggle_physics(True)
    Path(path).write_text(net.generate_html(notebook=False), encoding="utf-8")
    return graph
