"""The view's graph: what `kg view` draws and `kg export --format graphml|gexf` writes.

Nodes are the entities articles mention and the statement nodes (n-ary facts: a date, a
figure) that involve them; edges are relations between entities (kgo:developer …) and the
roles linking a statement to its entities. Every node and edge carries what a reader needs
to judge it: the articles it comes from, its dates, and its evidence.

The store is read with one bulk SPARQL query per kind of thing (never one per node), so a
store of thousands of entities becomes a graph in about a second.
"""
from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx
from pyoxigraph import NamedNode

from kg.errors import KgError
from kg.rdf.namespaces import KGO, ONTOLOGY_GRAPH, REFERENCE_GRAPH
from kg.store import Store
from kg.text import name_key
from kg.view.labels import (GROUP_OF_CLASS, GROUP_STYLE, canonical_tag, format_value, metric_label,
                            pick_label)

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_PREF = "http://www.w3.org/2004/02/skos/core#prefLabel"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
OWL_SAME = "http://www.w3.org/2002/07/owl#sameAs"
OWL_OBJECT_PROPERTY = "http://www.w3.org/2002/07/owl#ObjectProperty"
SCHEMA = "https://schema.org/"
OA = "http://www.w3.org/ns/oa#"
K = str(KGO)
#: kgo object properties that are plumbing, not facts a reader follows.
NOT_EDGES = {K + "evidence", K + "statedIn", K + "unit", K + "baseUnit"}
STATEMENT_LITERALS = ("date", "quarter", "dateResolved", "value", "metric", "unitText", "hedged", "statementKind")

Interval = tuple[str, str]


def local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def date_interval(iso: str, quarter: str | None = None) -> Interval | None:
    """The days an xsd:date, gYearMonth or gYear covers (2025-12 → 2025-12-01..2025-12-31)."""
    iso = iso.strip()
    try:
        if len(iso) == 10:
            return iso, iso
        if len(iso) == 7:
            y, m = int(iso[:4]), int(iso[5:7])
            return f"{iso}-01", f"{iso}-{calendar.monthrange(y, m)[1]:02d}"
        if len(iso) == 4:
            y = int(iso)
            if quarter and quarter[-1:].isdigit() and quarter.startswith(iso):
                q = int(quarter[-1])
                first, last = 3 * q - 2, 3 * q
                return f"{y}-{first:02d}-01", f"{y}-{last:02d}-{calendar.monthrange(y, last)[1]:02d}"
            return f"{y}-01-01", f"{y}-12-31"
    except ValueError:
        return None
    return None


def merge_intervals(intervals) -> list[list[str]]:
    """Sorted, overlapping spans merged: what the date filter tests against."""
    out: list[list[str]] = []
    for lo, hi in sorted(set(i for i in intervals if i)):
        if out and lo <= out[-1][1]:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return out


@dataclass
class _Ontology:
    """Labels of classes, properties and units, and class depth (to pick the most specific type)."""
    labels: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    parents: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    object_properties: set[str] = field(default_factory=set)

    def label(self, iri: str, lang: str) -> str:
        return pick_label(self.labels.get(iri, {}), lang, local_name(iri))

    def group(self, cls: str) -> str:
        """The style group of a class: its own, or its nearest ancestor's (kgo:Launch → STATEMENT)."""
        frontier, seen = [cls], set()
        while frontier:
            for c in frontier:
                if local_name(c) in GROUP_OF_CLASS and (c.startswith(K) or c == cls):
                    return GROUP_OF_CLASS[local_name(c)]
            seen.update(frontier)
            frontier = sorted({p for c in frontier for p in self.parents.get(c, ()) if p not in seen})
        return "OTHER"

    def depth(self, cls: str, seen: frozenset = frozenset()) -> int:
        if cls in seen:
            return 0
        return 1 + max((self.depth(p, seen | {cls}) for p in self.parents.get(cls, ())), default=0)


def _ontology(store: Store) -> _Ontology:
    onto = _Ontology()
    q = f"""SELECT ?s ?p ?o WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?s ?p ?o }}
            VALUES ?p {{ <{RDFS_LABEL}> <{SUBCLASS}> <{RDF_TYPE}> }} }}"""
    for row in store.query(q):
        s, p, o = row["s"].value, row["p"].value, row["o"]
        if p == RDFS_LABEL:
            onto.labels[s].setdefault(canonical_tag(o.language), o.value)
        elif p == SUBCLASS:
            onto.parents[s].add(o.value)
        elif o.value == OWL_OBJECT_PROPERTY:
            onto.object_properties.add(s)
    return onto


_ONLY = "#only-the-graphs-read\n"   # where a query names the one graph it reads (_Builder.rows)


class _InGraph:
    """A row of a query that read one named graph: ?g is that graph."""
    __slots__ = ("row", "graph")

    def __init__(self, row, graph) -> None:
        self.row, self.graph = row, graph

    def __getitem__(self, var: str):
        return self.graph if var == "g" else self.row[var]


def _rows(store: Store, sparql: str):
    """Query results; every query names its graphs, so none relies on a union default graph
    (which a remote SPARQL server may not offer)."""
    return store.query(sparql)


def build_graph(store: Store, lang: str = "zh-Hant", focus: str | None = None, hops: int = 2,
                evidence: bool = True, graphs: list[str] | None = None, fact_graphs: list[str] | None = None,
                entities: set[str] | None = None) -> nx.MultiDiGraph:
    """The store as a graph of entities, statements, relations and roles, labelled in lang.

    With focus (any name of an entity), only the nodes within hops steps of it are kept.
    Graph attributes hold what nodes and edges refer to: articles, evidence, types, predicates.
    evidence=False leaves the evidence to `attach_evidence`, for a caller that cuts the graph
    first (a page of the most central entities of a large store reads only their evidence).
    graphs: read only these article graphs (and the reference graph), not every article of
    the store: how a corpus of 10,000 articles becomes an overview (kg.view.corpus).
    fact_graphs: read statements and relations from these of graphs only (default: all of graphs).
    entities: draw only these entities, and only the statements linking two or more of them
    (an overview's: a statement about one entity alone is that entity's detail).
    """
    b = _Builder(store, lang, graphs, fact_graphs, entities)
    b.read_articles()
    b.add_entities()
    b.add_statements()
    b.add_relations()
    g = b.g
    g.graph.update(articles=b.articles, evidence={}, types=b.types, predicates=b.predicates, focus=None, hops=None,
                   article_of_graph=b.article_of_graph, graph_of_evidence=b.graph_of_evidence)
    if focus:
        g = _neighbourhood(g, focus, hops)
    if evidence:
        attach_evidence(store, g)
    return g


def attach_evidence(store: Store, g: nx.MultiDiGraph) -> None:
    """Read the evidence of g's nodes and edges (only theirs) into g.graph["evidence"]."""
    wanted = {ev for _, d in g.nodes(data=True) for ev in d["evidence"]}
    wanted |= {ev for _, _, d in g.edges(data=True) for ev in d["evidence"]}
    g.graph.pop("graph_of_evidence", None)
    g.graph["evidence"] = _evidence(store, wanted, g.graph.pop("article_of_graph"))


class _Builder:
    """Reads the store kind by kind into one networkx graph; each step uses what the earlier ones found."""

    def __init__(self, store: Store, lang: str, graphs: list[str] | None = None, fact_graphs: list[str] | None = None,
                 entities: set[str] | None = None) -> None:
        self.store, self.lang, self.entities = store, lang, entities
        # the graphs to read (and the reference graph), or None: every graph
        self.graphs = sorted({*graphs, str(REFERENCE_GRAPH)}) if graphs is not None else None
        self.fact_graphs = (sorted({*fact_graphs, str(REFERENCE_GRAPH)}) if fact_graphs is not None else self.graphs)
        self.only = _ONLY if graphs is not None else ""
        self.onto = _ontology(store)
        self.g = nx.MultiDiGraph(lang=lang)
        self.articles: dict[str, dict] = {}
        self.article_of_graph: dict[str, str] = {}
        self.types: dict[str, dict] = {}
        self.predicates: dict[str, dict] = {}
        self.evidence_of: dict[str, list[str]] = defaultdict(list)
        self.graph_of_evidence: dict[str, str] = {}
        q = f"SELECT ?x ?ev ?g WHERE {{ {self.only} GRAPH ?g {{ ?x <{K}evidence> ?ev }} }}"
        for x, ev, graph in sorted({(r["x"].value, r["ev"].value, r["g"].value) for r in self.rows(q)}):
            if not self.evidence_of[x] or self.evidence_of[x][-1] != ev:
                self.evidence_of[x].append(ev)
            self.graph_of_evidence.setdefault(ev, graph)

    def rows(self, sparql: str, facts: bool = False):
        """The query's rows over the graphs to read, one graph at a time: with a VALUES list of many
        graphs Oxigraph reads the pattern in every graph of the store (seconds at 10,000 articles),
        even with one it may (80 ms a graph at 1,000 articles); named in GRAPH <…> it reads that
        graph's alone."""
        graphs = self.fact_graphs if facts else self.graphs
        if graphs is None:
            yield from _rows(self.store, sparql)
            return
        for graph in graphs:
            node = NamedNode(graph)
            for row in _rows(self.store, sparql.replace(_ONLY + " GRAPH ?g", f"GRAPH <{graph}>")):
                yield _InGraph(row, node)

    def article_dates(self, arts) -> list[list[str]]:
        return merge_intervals(tuple(i) for a in arts for i in self.articles.get(a, {}).get("dates", []))

    def use_type(self, cls_iri: str) -> str:
        name = local_name(cls_iri)
        if name not in self.types:
            group = self.onto.group(cls_iri)
            colour, shape, glyph = GROUP_STYLE[group]
            self.types[name] = {"label": self.onto.label(cls_iri, self.lang), "group": group, "color": colour,
                                "shape": shape, "glyph": glyph, "iri": cls_iri}
        return name

    def use_predicate(self, p: str, kind: str) -> str:
        if p not in self.predicates:
            self.predicates[p] = {"label": self.onto.label(p, self.lang), "kind": kind}
        return self.predicates[p]["label"]

    def read_articles(self) -> None:
        """One article per named graph; the graph IRI is how other facts find their article."""
        q = f"""SELECT ?g ?a ?label ?headline ?url ?published ?path WHERE {{ {self.only} GRAPH ?g {{ ?a a <{SCHEMA}NewsArticle> .
                OPTIONAL {{ ?a <{RDFS_LABEL}> ?label }} OPTIONAL {{ ?a <{SCHEMA}headline> ?headline }}
                OPTIONAL {{ ?a <{SCHEMA}url> ?url }} OPTIONAL {{ ?a <{SCHEMA}datePublished> ?published }}
                OPTIONAL {{ ?a <{K}sourcePath> ?path }} }} }}"""
        for row in self.rows(q):
            a = row["a"].value
            self.article_of_graph[row["g"].value] = a
            rec = self.articles.setdefault(a, {"title": "", "url": "", "published": "", "path": ""})
            title = row["headline"] or row["label"]
            if title is not None and not rec["title"]:
                rec["title"] = title.value
            for key in ("url", "published", "path"):
                if row[key] is not None and not rec[key]:
                    rec[key] = row[key].value
        for a, rec in self.articles.items():
            rec["title"] = rec["title"] or rec["path"] or local_name(a)
            rec["dates"] = merge_intervals([date_interval(rec["published"])] if rec["published"] else [])

    def add_entities(self) -> None:
        """Whatever an article mentions, with its most specific type, its names and its label in lang."""
        mentioned: dict[str, set[str]] = defaultdict(set)
        for row in self.rows(f"SELECT ?g ?e WHERE {{ {self.only} GRAPH ?g {{ ?a <{SCHEMA}mentions> ?e }} }}"):
            if self.entities is None or row["e"].value in self.entities:
                mentioned[row["e"].value].add(self.article_of_graph.get(row["g"].value, row["g"].value))
        types: dict[str, set[str]] = defaultdict(set)
        if self.only:   # the few entities of the graphs read, then their types
            for chunk in _chunks(sorted(mentioned), 400):
                values = " ".join(f"<{e}>" for e in chunk)
                q = f"SELECT DISTINCT ?e ?t WHERE {{ VALUES ?e {{ {values} }} GRAPH ?g2 {{ ?e a ?t }} }}"
                for row in _rows(self.store, q):
                    types[row["e"].value].add(row["t"].value)
        else:
            q = f"SELECT DISTINCT ?e ?t WHERE {{ GRAPH ?g1 {{ ?a <{SCHEMA}mentions> ?e }} GRAPH ?g2 {{ ?e a ?t }} }}"
            for row in _rows(self.store, q):
                types[row["e"].value].add(row["t"].value)
        labels: dict[str, dict[str, str]] = defaultdict(dict)
        names: dict[str, set[str]] = defaultdict(set)
        by_lang: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        wikidata: dict[str, str] = {}
        # every name in the store, filtered here: joining with schema:mentions in SPARQL is 20x slower
        q = f"""SELECT ?e ?p ?l WHERE {{ GRAPH ?g {{ ?e ?p ?l }}
                VALUES ?p {{ <{RDFS_LABEL}> <{SKOS_PREF}> <{SKOS_ALT}> <{OWL_SAME}> }} }}"""
        found = []
        if self.only:   # the names of the few entities of the graphs read, not of every entity
            for chunk in _chunks(sorted(mentioned), 400):
                values = " ".join(f"<{e}>" for e in chunk)
                found += list(_rows(self.store, q.replace("WHERE {", f"WHERE {{ VALUES ?e {{ {values} }}", 1)))
        else:
            found = list(_rows(self.store, q))
        rows = sorted({(r["e"].value, r["p"].value, getattr(r["l"], "language", None) or "", r["l"].value)
                       for r in found if r["e"].value in mentioned})
        for e, p, tag, value in rows:
            if p == OWL_SAME:
                if "wikidata.org/entity/" in value:
                    wikidata[e] = local_name(value)
                continue
            names[e].add(value)
            by_lang[e][canonical_tag(tag)].add(value)
            if p != SKOS_ALT:
                labels[e].setdefault(canonical_tag(tag), value)
        for e in sorted(mentioned):
            kg_types = [t for t in types.get(e, ()) if t.startswith(K)] or sorted(types.get(e, ())) or [K + "Organization"]
            cls = max(sorted(kg_types), key=self.onto.depth)
            arts = sorted(mentioned[e])
            self.g.add_node(e, kind="entity", type=self.use_type(cls),
                            label=pick_label(labels.get(e, {}), self.lang, local_name(e)), labels=dict(labels.get(e, {})),
                            names=sorted(names.get(e, ())),
                            names_by_lang={t: sorted(v) for t, v in sorted(by_lang.get(e, {}).items())},
                            wikidata=wikidata.get(e, ""), articles=arts,
                            evidence=self.evidence_of.get(e, []), dates=self.article_dates(arts), props=[])

    def add_statements(self) -> None:
        """Nodes kgo:statedIn an article that involve a drawn entity, with an edge per role."""
        stmts: dict[str, dict] = {}
        q = f"SELECT ?g ?st ?p ?o WHERE {{ {self.only} GRAPH ?g {{ ?st <{K}statedIn> ?a . ?st ?p ?o }} }}"
        rows = sorted({(r["st"].value, r["p"].value, r["o"].value, r["g"].value) for r in self.rows(q, facts=True)})
        for st, p, o, graph in rows:
            rec = stmts.setdefault(st, {"types": [], "roles": [], "article": self.article_of_graph.get(graph, "")})
            if p == RDF_TYPE:
                rec["types"].append(o)
            elif p == K + "unit":
                rec["unit"] = o
            elif p == K + "statedIn":
                rec["article"] = o
            elif p.startswith(K) and local_name(p) in STATEMENT_LITERALS:
                rec[local_name(p)] = o
            elif p.startswith(K) and p not in NOT_EDGES and o in self.g:
                rec["roles"].append((p, o))
        for st, rec in stmts.items():
            if not rec["roles"] or (self.entities is not None and len({o for _, o in rec["roles"]}) < 2):
                continue
            cls = max(sorted(t for t in rec["types"] if t.startswith(K)) or [K + "Statement"], key=self.onto.depth)
            art = rec["article"]
            arts = [art] if art else []
            own = date_interval(rec["date"], rec.get("quarter")) if rec.get("date") else None
            dates = merge_intervals([own]) if own else self.article_dates(arts)
            evidence = self.evidence_of.get(st, [])
            self.g.add_node(st, kind="statement", type=self.use_type(cls), label=_statement_label(rec, self.onto, self.lang),
                            labels={}, names=[], names_by_lang={}, wikidata="", articles=arts, evidence=evidence, dates=dates,
                            props=_statement_props(rec, self.onto, self.lang))
            for p, o in rec["roles"]:
                self.g.add_edge(st, o, key=p, kind="role", predicate=p, label=self.use_predicate(p, "role"),
                                articles=arts, evidence=evidence, dates=dates, reference=False)

    def add_relations(self) -> None:
        """kgo: triples between two drawn entities, from article graphs (with their reifiers' evidence)
        and from the reference graph."""
        onto_props = self.onto.object_properties
        props = sorted(p for p in onto_props if p.startswith(K) and p not in NOT_EDGES) or [K + "developer"]
        values = " ".join(f"<{p}>" for p in props)
        q = f"SELECT ?g ?s ?p ?o WHERE {{ {self.only} GRAPH ?g {{ ?s ?p ?o }} VALUES ?p {{ {values} }} FILTER(isIRI(?o)) }}"
        g = self.g
        rel: dict[tuple[str, str, str], dict] = {}
        for row in self.rows(q, facts=True):
            s, p, o, graph = row["s"].value, row["p"].value, row["o"].value, row["g"].value
            if s == o or s not in g or o not in g or g.nodes[s]["kind"] != "entity" or g.nodes[o]["kind"] != "entity":
                continue
            r = rel.setdefault((s, p, o), {"articles": set(), "evidence": [], "reference": False})
            if graph == str(REFERENCE_GRAPH):
                r["reference"] = True
            elif graph in self.article_of_graph:
                r["articles"].add(self.article_of_graph[graph])
        rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
        q = f"""SELECT ?s ?p ?o ?r WHERE {{ {self.only} GRAPH ?g {{ ?r a <{rdf}Statement> ; <{rdf}subject> ?s ;
                <{rdf}predicate> ?p ; <{rdf}object> ?o }} }}"""
        for s, p, o, r in sorted({(x["s"].value, x["p"].value, x["o"].value, x["r"].value) for x in self.rows(q, facts=True)}):
            if (s, p, o) in rel:
                rel[(s, p, o)]["evidence"].extend(self.evidence_of.get(r, []))
        for (s, p, o), r in sorted(rel.items()):
            arts = sorted(r["articles"])
            g.add_edge(s, o, key=p, kind="relation", predicate=p, label=self.use_predicate(p, "relation"), articles=arts,
                       evidence=r["evidence"], reference=r["reference"], dates=self.article_dates(arts))


def _chunks(items: list, n: int):
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _evidence(store: Store, wanted: set[str], article_of_graph: dict[str, str]) -> dict[str, dict]:
    """Sentence, span, rule, confidence and article of each evidence node in wanted (kg.rdf.evidence)."""
    from kg.rdf.evidence import read_evidence
    graphs: dict[str, str] = {}
    ids = sorted(wanted)
    for i in range(0, len(ids), 400):
        values = " ".join(f"<{x}>" for x in ids[i:i + 400])
        for row in _rows(store, f"SELECT DISTINCT ?ev ?g WHERE {{ VALUES ?ev {{ {values} }} GRAPH ?g {{ ?x <{K}evidence> ?ev }} }}"):
            graphs.setdefault(row["ev"].value, row["g"].value)
    out: dict[str, dict] = {}
    for ev, span in read_evidence(store, [x for x in ids if x in graphs]).items():
        out[ev] = {"sentence": span.sentence, "exact": span.exact, "start": span.start, "end": span.end,
                   "rule": span.rule, "confidence": span.confidence, "article": article_of_graph.get(graphs[ev], "")}
    return out


def _statement_label(rec: dict, onto: _Ontology, lang: str) -> str:
    """How a reader names a statement: 'FP16 733 TFLOPS', '2025-12-09', '2025-Q3'."""
    parts: list[str] = []
    kind = max(sorted(t for t in rec["types"] if t.startswith(K)) or [K + "Statement"], key=onto.depth)
    if rec.get("statementKind"):
        parts.append(rec["statementKind"])
    elif local_name(kind) not in ("Statement", "Measurement", "Quantity"):
        parts.append(onto.label(kind, lang))  # a kind of event (決定, 出席 …) says more than its date alone
    if rec.get("value") is not None and rec.get("value") != "":
        if rec.get("metric"):
            parts.append(metric_label(rec["metric"], lang))
        value = format_value(rec["value"], lang)
        unit = onto.label(rec["unit"], lang) if rec.get("unit") else rec.get("unitText", "")
        if unit in ("%", "1"):
            parts.append(value + ("%" if unit == "%" else ""))
        else:
            parts.append(f"{value} {unit}".strip() if lang == "en" or unit.isascii() else value + unit)
    if rec.get("date"):
        parts.append(rec["quarter"] if rec.get("quarter") and len(rec["date"]) == 4 else rec["date"])
    label = " ".join(parts) or onto.label(kind, lang)
    return label + (" ?" if rec.get("hedged") == "true" else "")


def _statement_props(rec: dict, onto: _Ontology, lang: str) -> list[list[str]]:
    """(property label, value) rows for the side panel, in the order a reader scans them."""
    rows: list[list[str]] = []
    for name in ("statementKind", "metric", "value", "unit", "unitText", "date", "quarter", "dateResolved", "hedged"):
        if name == "unit" and rec.get("unit"):
            rows.append([onto.label(K + "unit", lang), onto.label(rec["unit"], lang)])
        elif name == "metric" and rec.get("metric"):
            rows.append([onto.label(K + "metric", lang), f"{metric_label(rec['metric'], lang)} ({rec['metric']})"])
        elif name == "value" and rec.get("value"):
            shown = format_value(rec["value"], lang)
            rows.append([onto.label(K + "value", lang), shown if shown == rec["value"] else f"{shown} ({rec['value']})"])
        elif name not in ("unit", "metric", "value") and rec.get(name):
            rows.append([onto.label(K + name, lang), rec[name]])
    return rows


def find_node(g: nx.MultiDiGraph, query: str) -> str:
    """The entity a name denotes: exact match on any name (either script), else a unique partial match."""
    key = name_key(query)
    if not key:
        raise KgError("--focus: give the name of an entity, e.g. --focus 輝達")
    exact, partial = [], []
    for n, d in g.nodes(data=True):
        if d["kind"] != "entity":
            continue
        keys = {name_key(x) for x in (*d["names"], d["label"], local_name(n))}
        if key in keys:
            exact.append(n)
        elif any(key in k for k in keys if k):
            partial.append(n)
    found = exact or partial
    if not found:
        raise KgError(f"--focus: no entity is named '{query}'; search the page, or try `kg query` for its names")
    if len(found) > 1 and not exact:
        names = ", ".join(sorted(g.nodes[n]["label"] for n in found)[:8])
        raise KgError(f"--focus: '{query}' matches several entities ({names}); give the full name")
    return max(found, key=lambda n: (len(g.nodes[n]["articles"]), n))


def _neighbourhood(g: nx.MultiDiGraph, focus: str, hops: int) -> nx.MultiDiGraph:
    if hops < 0:
        raise KgError("--hops must be 0 or more")
    centre = find_node(g, focus)
    keep = nx.single_source_shortest_path_length(g.to_undirected(as_view=True), centre, cutoff=hops)
    sub = induced(g, keep)
    sub.graph.update(focus=centre, hops=hops)
    return sub


def induced(g: nx.MultiDiGraph, keep) -> nx.MultiDiGraph:
    """A copy of g on the nodes in keep, nodes and edges in g's order (g.subgraph(keep).copy()
    orders a small keep as its set, which changes with Python's string hashing in each run)."""
    keep = set(keep)
    sub = nx.MultiDiGraph()
    sub.graph.update(g.graph)
    sub.add_nodes_from((n, dict(d)) for n, d in g.nodes(data=True) if n in keep)
    sub.add_edges_from((u, v, k, dict(d)) for u, v, k, d in g.edges(keys=True, data=True) if u in keep and v in keep)
    return sub
