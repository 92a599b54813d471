"""`kg view`: the graph as one self-contained, offline HTML page drawn with pyvis.

pyvis builds the node and edge lists (its `Network`) and ships the vis-network library
we inline; the page around them is our own template, not pyvis's, because pyvis's
template links bootstrap and tom-select from CDNs even with cdn_resources="in_line".
A Content-Security-Policy in the page forbids every request to any host and every
script but our two inline ones (by hash), so even a mistake elsewhere cannot make
the page phone out or run an injected handler.
"""
from __future__ import annotations

import base64
import hashlib
import json
import math
import re
import unicodedata
from pathlib import Path
from urllib.parse import urlparse

import networkx as nx
from jinja2 import Environment
from pyvis.network import Network

from kg.store import Store
from kg.text import name_key
from kg.view import assets
from kg.view.corpus import newest_first
from kg.view.labels import UI
from kg.view.layout import SPACING, label_width, layout, opening_layout, ordered_subgraph
from kg.view.model import attach_evidence, build_graph
from kg.view.overview import communities, entity_graph, fact_pairs, limit_graph, ranking

BIG = 1500   # above this many nodes: no edge labels, edges hidden while dragging or zooming


class _IdList(list):
    """pyvis keeps node ids in a list and tests membership on every add: O(n²) for 5,000 nodes.
    This list answers `in` from a set, so building the page stays linear."""

    def __init__(self) -> None:
        super().__init__()
        self._set: set = set()

    def append(self, item) -> None:  # type: ignore[override]
        super().append(item)
        self._set.add(item)

    def __contains__(self, item) -> bool:
        return item in self._set


class _Network(Network):
    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.node_ids = _IdList()

    def get_nodes(self):
        return self.node_ids


def _vis_library() -> tuple[str, str]:
    """vis-network as pyvis ships it (the copy its in_line mode would inline)."""
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
    if not lib.is_dir():
        lib = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(encoding="utf-8")


def _json_for_script(value) -> str:
    """JSON that cannot end the <script> element it sits in, whatever the strings hold."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _search_keys(names: list[str]) -> list[str]:
    """The forms the page's search compares against: as written (lower case) and folded to Simplified."""
    keys = set()
    for n in names:
        keys.add(re.sub(r"[\s\u00b7\u2022\u30fb\u2027\-_.]+", "", unicodedata.normalize("NFKC", n).lower()))
        keys.add(name_key(n))
    return sorted(k for k in keys if k)


def _csp(*scripts: str) -> str:
    hashes = " ".join("'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
                      for s in scripts)
    return ("default-src 'none'; " f"script-src {hashes}; style-src 'unsafe-inline'; img-src data:; font-src data:; "
            "connect-src 'none'; media-src 'none'; object-src 'none'; frame-src 'none'; worker-src 'none'; "
            "base-uri 'none'; form-action 'none'")


DEFAULT_LIMIT = 1000   # entities a page holds unless told otherwise (`kg view --limit`, the viewer of `kg serve`)
OPEN_CAP = 50      # entities drawn when the page opens: about what 1440×900 shows with every label legible
OVERVIEW = 300     # above this many entities: colour by community, not by type
ENTITY_FONT = 17
COMMUNITY_COLOURS = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1", "#76b7b2", "#edc948", "#ff9da7",
                     "#9c755f", "#2f4b7c", "#a05195", "#665191"]
RELATION_COLOUR = {"color": "#5b6b7b", "highlight": "#111", "hover": "#111"}
REFERENCE_COLOUR = {"color": "#c5cbd3", "highlight": "#2b3a4a", "hover": "#2b3a4a"}
FACT_COLOUR = {"color": "#c77d1a", "highlight": "#7a4a00", "hover": "#7a4a00"}
COMENTION_COLOUR = {"color": "#9aa5b1", "highlight": "#333", "hover": "#333"}
COMENTION = "https://schema.org/mentions"   # the predicate of an overview's co-mention edges: derived from it
FACTS_PER_PAIR = 2  # an overview draws the newest facts linking two entities; --focus draws them all
EVIDENCE_PER_ITEM = 4   # an overview's sentences per entity or relation, from its newest articles
HIDDEN_MARK = "+"  # after a label: that many neighbours are not drawn (double-click draws them)


def page_data(graph: nx.MultiDiGraph, open_cap: int = OPEN_CAP) -> dict:
    """Everything the page script needs: node and edge lists (pyvis) plus the facts behind them.

    The page draws entities; a statement is drawn as an edge between its entities (a "fact"
    edge labelled with what it says) and listed in their panels, and becomes a node of its
    own only on demand. Nodes get short ids (n0, n1 …; the IRI is in meta) and their style
    from a vis group per type, so a 5,000-node page stays small and quick to build.
    """
    lang = graph.graph.get("lang", "zh-Hant")
    ui = UI.get(lang, UI["zh-Hant"])
    big = graph.number_of_nodes() > BIG
    types = graph.graph["types"]
    eg = entity_graph(graph)
    corpus = graph.graph.get("overview")   # a large store: ranked over the whole corpus (kg.view.corpus)
    if corpus:
        order = [n for n in corpus["order"] if n in graph]
        community = {n: corpus["community"][n] for n in order}
    else:
        order = ranking(graph, eg)
        community = communities(eg)
    rank = {n: i for i, n in enumerate(order)}
    overview = bool(corpus) or len(order) > OVERVIEW
    focus = graph.graph.get("focus")
    opening = set(order if focus or len(order) <= open_cap else order[:open_cap])
    pos = _positions(graph, eg, opening)

    arts = {iri: f"a{i}" for i, iri in enumerate(sorted(graph.graph["articles"]))}
    evs = {iri: f"v{i}" for i, iri in enumerate(sorted(graph.graph["evidence"]))}
    preds = {iri: f"p{i}" for i, iri in enumerate(sorted(graph.graph["predicates"]))}
    ids = {node: f"n{i}" for i, node in enumerate(graph.nodes)}

    net = _Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    node_meta: dict[str, dict] = {}
    type_count: dict[str, int] = {}
    colour_of: dict[str, dict] = {}
    for node, d in graph.nodes(data=True):
        nid = ids[node]
        type_count[d["type"]] = type_count.get(d["type"], 0) + 1
        x, y = pos[node]
        extra: dict = {} if big else {"title": f"{d['label']}\n{types[d['type']]['label']}"}
        meta = {"iri": node, "kind": d["kind"], "type": d["type"],
                "articles": [arts[a] for a in d["articles"] if a in arts],
                "evidence": [evs[v] for v in d["evidence"] if v in evs], "dates": d["dates"], "props": d["props"]}
        if d["kind"] == "entity":
            degree = eg.degree(node)
            extra["size"] = round(min(30, 10 + 4 * math.log2(1 + degree)), 1)
            if overview:   # set after pyvis, which drops a node's colour when it has a group
                c = COMMUNITY_COLOURS[community[node]] if community[node] < len(COMMUNITY_COLOURS) else "#9c9c9c"
                colour_of[nid] = {"background": c, "border": c}
            meta.update(names=d["names"], byLang=d.get("names_by_lang", {}), wikidata=d["wikidata"],
                        search=_search_keys([*d["names"], d["label"]]), rank=rank[node], community=community[node],
                        degree=degree)
            if "article_count" in d:   # an overview lists a few of its articles; the panel gives them all
                meta["articleCount"] = d["article_count"]
        net.add_node(nid, label=d["label"] or "·", group=d["type"], x=x, y=y, **extra)
        node_meta[nid] = meta

    edge_meta: dict[str, dict] = {}
    pred_count: dict[str, int] = {}
    pairs: dict[frozenset, int] = {}   # edges sharing a pair of nodes are curved apart, so each can be clicked
    folded = fact_pairs(graph)
    for s, o in list(graph.edges()) + list(folded):
        pairs[frozenset((s, o))] = pairs.get(frozenset((s, o)), 0) + 1
    nth: dict[frozenset, int] = {}

    def curve(s: str, o: str, extra: dict) -> None:
        pair = frozenset((s, o))
        if pairs[pair] > 1:
            nth[pair] = nth.get(pair, 0) + 1
            extra["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": round(0.2 * nth[pair], 2)}

    for i, (s, o, d) in enumerate(graph.edges(data=True)):
        eid = f"e{i}"
        pid = preds[d["predicate"]]
        pred_count[pid] = pred_count.get(pid, 0) + 1
        extra = {} if big else {"title": d["label"]}
        curve(s, o, extra)
        if d.get("comention"):      # an overview's link between entities often named together
            extra.update(dashes=[2, 4], width=1, color=COMENTION_COLOUR)
            if not big:
                extra["label"] = d["label"]
        elif d["kind"] == "relation":  # roles take the default (thin, dashed) style set in _options
            extra.update(dashes=False, width=2 if d["articles"] else 1,
                         color=RELATION_COLOUR if d["articles"] else REFERENCE_COLOUR)
            if not big:
                extra["label"] = d["label"]
        net.add_edge(ids[s], ids[o], id=eid, arrows="", **extra)
        edge_meta[eid] = {"kind": d["kind"], "predicate": pid, "reference": d["reference"],
                          "articles": [arts[a] for a in d["articles"] if a in arts],
                          "evidence": [evs[v] for v in d["evidence"] if v in evs], "dates": d["dates"]}
    for i, ((s, o), sts) in enumerate(sorted(folded.items())):
        eid = f"f{i}"
        sts = sorted(sts, key=lambda st: (graph.nodes[st]["dates"][0][0] if graph.nodes[st]["dates"] else "9999", st))
        label = graph.nodes[sts[0]]["label"] + (f" (+{len(sts) - 1})" if len(sts) > 1 else "")
        extra = {} if big else {"title": "\n".join(graph.nodes[st]["label"] for st in sts[:12]), "label": label}
        curve(s, o, extra)
        net.add_edge(ids[s], ids[o], id=eid, arrows="", dashes=[6, 3], width=2, color=FACT_COLOUR, **extra)
        edge_meta[eid] = {"kind": "fact", "statements": [ids[st] for st in sts]}
    nodes, edges, *_ = net.get_network_data()
    for n in nodes:
        del n["shape"]   # pyvis sets "dot" on every node, which would override the type's group shape
        if n["id"] in colour_of:
            n["color"] = colour_of[n["id"]]
    for e in edges:
        del e["arrows"]  # directed pyvis sets "to" on every edge; the default in _options does it once
        if e["id"].startswith("f"):
            e["arrows"] = {"to": {"enabled": False}}   # a fact joins its entities; it has no direction

    articles = {}
    for iri, a in graph.graph["articles"].items():
        url = a["url"] if urlparse(a["url"]).scheme in ("http", "https") else ""
        articles[arts[iri]] = {"title": a["title"], "url": url, "urlText": "" if url else a["url"],
                               "published": a["published"], "path": a["path"], "iri": iri}
    evidence = {evs[iri]: {**e, "article": arts.get(e["article"], "")} for iri, e in graph.graph["evidence"].items()}
    all_dates = [d for m in node_meta.values() for span in m["dates"] for d in span]
    used_types = {k: {**v, "count": type_count[k], "statement": v["group"] in ("STATEMENT", "MEASUREMENT")}
                  for k, v in types.items() if k in type_count}
    return {
        "lang": lang, "ui": ui, "nodes": nodes, "edges": edges,
        "options": _options(big, used_types),
        "meta": {
            "nodes": node_meta, "edges": edge_meta, "articles": articles, "evidence": evidence, "types": used_types,
            "predicates": {preds[k]: {**v, "iri": k, "count": pred_count[preds[k]]}
                           for k, v in graph.graph["predicates"].items() if preds[k] in pred_count},
            "hasReference": any(m.get("reference") for m in edge_meta.values()),
            "dateRange": [min(all_dates), max(all_dates)] if all_dates else None,
            "focus": {"id": ids[focus], "label": graph.nodes[focus]["label"], "hops": graph.graph["hops"]} if focus else None,
            "open": [ids[n] for n in order if n in opening],
            "entities": len(order), "limited": graph.graph.get("limited"), "big": big,
            "overview": {k: v for k, v in corpus.items() if k not in ("order", "community")} if corpus else None,
            "communities": _community_legend(graph, community, order, ids) if overview else [],
        },
    }


def _community_legend(graph: nx.MultiDiGraph, community: dict[str, int], order: list[str], ids: dict) -> list[dict]:
    """Each coloured community, named after its most central members."""
    out: dict[int, dict] = {}
    for n in order:
        c = community[n]
        if c >= len(COMMUNITY_COLOURS):
            continue
        rec = out.setdefault(c, {"color": COMMUNITY_COLOURS[c], "members": [], "count": 0})
        rec["count"] += 1
        if len(rec["members"]) < 3:
            rec["members"].append(graph.nodes[n]["label"])
    return [out[c] for c in sorted(out)]


def _positions(graph: nx.MultiDiGraph, eg: nx.Graph, opening: set[str]) -> dict[str, tuple[float, float]]:
    """Where each node starts: the opening entities laid out on their own, spaced so no two labels
    overlap; the other entities where a layout of the whole entity graph puts them, beside the
    opening ones; statements between their entities."""
    pos: dict[str, tuple[float, float]] = {}
    boxes = {}
    for n in opening:
        d = graph.nodes[n]
        r = min(30, 10 + 4 * math.log2(1 + eg.degree(n)))
        hidden = len(set(eg[n]) - opening)           # the page appends " +hidden" to the label
        text = d["label"] + (f" +{hidden}" if hidden else "")
        boxes[n] = (max(2 * r, label_width(text, ENTITY_FONT)) + 8, 2 * r + ENTITY_FONT * 1.5)
    if opening:
        pos.update(opening_layout(ordered_subgraph(eg, opening), boxes))
    rest = [n for n in eg.nodes if n not in opening]
    if rest:
        others = layout(ordered_subgraph(eg, rest))
        right = max((p[0] for p in pos.values()), default=0.0) + 4 * SPACING
        left = min(p[0] for p in others.values())
        pos.update({n: (round(x - left + right, 1), y) for n, (x, y) in others.items()})
    for n, d in graph.nodes(data=True):
        if n in pos:
            continue
        ends = [pos[o] for o in graph.successors(n) if o in pos] or [(0.0, 0.0)]
        jitter = (int(hashlib.sha256(n.encode()).hexdigest()[:6], 16) % 360) * math.pi / 180
        pos[n] = (round(sum(p[0] for p in ends) / len(ends) + 30 * math.cos(jitter), 1),
                  round(sum(p[1] for p in ends) / len(ends) + 30 * math.sin(jitter), 1))
    return pos


def _options(big: bool, types: dict[str, dict]) -> dict:
    """vis-network options: positions are precomputed, so physics and improvedLayout stay off.

    One vis group per type carries colour and shape (statements: a box with the label inside).
    """
    groups = {}
    for name, t in types.items():
        g = {"color": {"background": t["color"], "border": "#5f6b77" if t["statement"] else t["color"],
                       "highlight": {"background": t["color"], "border": "#111"}},
             "shape": t["shape"]}
        if t["statement"]:
            g.update(font={"size": 12}, margin=4)
        groups[name] = g
    return {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "interaction": {"hover": not big, "tooltipDelay": 250, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "multiselect": False, "navigationButtons": False, "keyboard": False},
        "groups": groups,
        "nodes": {"borderWidth": 1, "font": {"size": ENTITY_FONT, "face": "system-ui, sans-serif", "strokeWidth": 3,
                                             "strokeColor": "#ffffff"},
                  "scaling": {"label": {"drawThreshold": 6}}},
        "edges": {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "dashes": True, "width": 1,
                  "color": {"color": "#b8b8b8", "highlight": "#555", "hover": "#555"},
                  "font": {"size": 11, "color": "#444", "strokeWidth": 3, "align": "middle"},
                  # edge labels appear once zoomed in enough to read them, so the opening view stays clean
                  "scaling": {"label": {"drawThreshold": 10}},
                  "selectionWidth": 2},
    }


def render_page(graph: nx.MultiDiGraph) -> str:
    """The page for graph, as one HTML string."""
    data = page_data(graph)
    vis_js, vis_css = _vis_library()
    lang = data["lang"]
    ui = data["ui"]
    title = ui["title"]
    focus = data["meta"]["focus"]
    if focus:
        title = ui["focus"].format(label=focus["label"], hops=focus["hops"])
    elif data["meta"]["overview"]:
        title = ui["corpus_title"].format(**data["meta"]["overview"])
    env = Environment(autoescape=True)
    return env.from_string(assets.TEMPLATE).render(
        lang=lang, title=title, ui=ui, csp=_csp(vis_js, assets.PAGE_JS), vis_css=vis_css, page_css=assets.PAGE_CSS,
        vis_js=vis_js, page_js=assets.PAGE_JS, data_json=_json_for_script(data))


def view_graph(store: Store, lang: str = "zh-Hant", focus: str | None = None, hops: int = 2,
               limit: int | None = None) -> nx.MultiDiGraph:
    """The graph a page draws: the store's (or focus's neighbourhood), cut to the limit most central entities.

    limit None: DEFAULT_LIMIT entities, or on a store of more than
    kg.view.corpus.OVERVIEW_ARTICLES articles an overview of the corpus's
    kg.view.corpus.OVERVIEW_ENTITIES most central entities (`corpus_graph`). With focus, such a
    store is drawn from the most recent articles naming the entity (graph attribute "sampled").
    """
    from kg.view.corpus import OVERVIEW_ARTICLES, OVERVIEW_ENTITIES, article_count, overview_graphs
    if not focus and article_count(store) > OVERVIEW_ARTICLES:
        return corpus_graph(store, lang, OVERVIEW_ENTITIES if limit is None else limit)
    limit = DEFAULT_LIMIT if limit is None else limit
    graphs, total = overview_graphs(store, focus)
    graph = limit_graph(build_graph(store, lang, focus=focus, hops=hops, evidence=False, graphs=graphs), limit)
    if graphs is not None:   # an overview: a statement about one entity alone is that entity's detail
        _drop_lone_statements(graph)
        graph.graph["sampled"] = {"articles": len(graphs), "total": total}
    attach_evidence(store, graph)
    return graph


def _drop_lone_statements(graph: nx.MultiDiGraph) -> None:
    graph.remove_nodes_from([n for n, d in graph.nodes(data=True) if d["kind"] == "statement" and
                             len({o for o in graph.successors(n) if graph.nodes[o]["kind"] == "entity"}) < 2])


def corpus_graph(store: Store, lang: str = "zh-Hant", limit: int = 300) -> nx.MultiDiGraph:
    """The overview of a large store: its limit most central entities over the whole corpus
    (kg.view.corpus.corpus_overview), their communities, how often each is named with the others,
    and the facts linking them in the articles the overview reads (graph attribute "overview").

    Statements about one entity alone are left out (they are its detail: --focus draws them),
    and so are all but the newest FACTS_PER_PAIR facts linking two entities and the newest
    EVIDENCE_PER_ITEM sentences of an entity or a relation: the page stays a few MB.
    """
    from kg.view.corpus import corpus_overview
    ov = corpus_overview(store, limit)
    graph = build_graph(store, lang, evidence=False, graphs=ov.graphs, fact_graphs=ov.fact_graphs,
                        entities=set(ov.entities))
    published = {a: rec["published"] for a, rec in graph.graph["articles"].items()}
    _keep_newest_facts(graph, published)
    order = [e for e in ov.entities if e in graph]
    for e in order:
        graph.nodes[e]["article_count"] = ov.article_count[e]
    _add_links(graph, ov.links, UI.get(lang, UI["zh-Hant"]))
    _keep_newest_evidence(graph, published)
    graph.graph["overview"] = {"order": order, "community": ov.community, "shown": len(order),
                               "entities": ov.entities_total, "articles": ov.articles, "recent": ov.recent,
                               "read": len(ov.graphs), "links": len(ov.links)}
    attach_evidence(store, graph)
    return graph


def _keep_newest_facts(graph: nx.MultiDiGraph, published: dict[str, str]) -> None:
    """Leave the newest FACTS_PER_PAIR statements of each pair of entities a fact edge joins."""
    key = {st: (newest_first(max((published.get(a, "") for a in d["articles"]), default="")), st)
           for st, d in graph.nodes(data=True) if d["kind"] == "statement"}
    kept = {st for sts in fact_pairs(graph).values() for st in sorted(sts, key=key.__getitem__)[:FACTS_PER_PAIR]}
    graph.remove_nodes_from([st for st in key if st not in kept])


def _add_links(graph: nx.MultiDiGraph, links: dict, ui: dict) -> None:
    """The overview's "named together" edges (kg.view.corpus), drawn as relations of their own."""
    from kg.view.model import merge_intervals
    graph.graph["predicates"][COMENTION] = {"label": ui["comention"], "kind": "comention"}
    of_graph, articles = graph.graph["article_of_graph"], graph.graph["articles"]
    for (a, b), (n, graphs) in sorted(links.items()):
        if a in graph and b in graph:
            arts = sorted(of_graph[g] for g in graphs if g in of_graph)
            graph.add_edge(a, b, key=COMENTION, kind="relation", predicate=COMENTION,
                           label=ui["comention_n"].format(n=n), articles=arts, evidence=[], reference=False,
                           dates=merge_intervals(tuple(i) for x in arts for i in articles[x]["dates"]), comention=n)


def _keep_newest_evidence(graph: nx.MultiDiGraph, published: dict[str, str]) -> None:
    """An entity's or a relation's sentences: those of its newest articles (--focus shows them all)."""
    of_graph, ev_graph = graph.graph["article_of_graph"], graph.graph["graph_of_evidence"]

    def newest(evidence: list[str]) -> list[str]:
        key = {ev: (newest_first(published.get(of_graph.get(ev_graph.get(ev, ""), ""), "")), ev) for ev in evidence}
        return sorted(sorted(evidence, key=key.__getitem__)[:EVIDENCE_PER_ITEM])
    for _, d in graph.nodes(data=True):
        if d["kind"] == "entity":
            d["evidence"] = newest(d["evidence"])
    for _, _, d in graph.edges(data=True):
        if d["kind"] == "relation":
            d["evidence"] = newest(d["evidence"])


def write_view(store: Store, path: str | Path, lang: str = "zh-Hant", focus: str | None = None,
               hops: int = 2, limit: int | None = None) -> nx.MultiDiGraph:
    """Write the page for the store (or focus's neighbourhood) to path; returns the graph drawn.

    limit keeps the page small on a big store: only the limit most central entities (and the
    statements among them) go in; 0 keeps everything.
    """
    graph = view_graph(store, lang, focus=focus, hops=hops, limit=limit)
    Path(path).write_text(render_page(graph), encoding="utf-8")
    return graph


__all__ = ["build_graph", "view_graph", "corpus_graph", "write_view", "render_page", "page_data"]
