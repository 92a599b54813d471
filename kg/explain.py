"""`kg explain NAME`: an entity found by any of its names, its facts, and the sentences behind them."""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.errors import KgError
from kg.rdf.evidence import EvidenceSpan, read_evidence
from kg.rdf.namespaces import KGO
from kg.store import Store
from kg.text import name_key

_LABELS = "<http://www.w3.org/2000/01/rdf-schema#label>|<http://www.w3.org/2004/02/skos/core#prefLabel>|<http://www.w3.org/2004/02/skos/core#altLabel>"


@dataclass
class Fact:
    text: str                  # one line: "developer → 英偉達", "2025-12-09 · subject: H200, 美國"
    sentence: str
    article: str
    start: int
    end: int
    rule: str


@dataclass
class Explanation:
    iri: str
    label: str
    type: str
    names: list[str]
    facts: list[Fact] = field(default_factory=list)


def find_entities(store: Store, name: str) -> list[str]:
    """IRIs of mentioned entities having name (any script, case, spacing) among their names."""
    key = name_key(name)
    q = f"""SELECT DISTINCT ?e ?l WHERE {{ {{ SELECT DISTINCT ?e WHERE {{ ?a <https://schema.org/mentions> ?e }} }}
            ?e {_LABELS} ?l }}"""
    return sorted({row["e"].value for row in _query(store, q) if name_key(row["l"].value) == key})


def _query(store: Store, sparql: str):
    """A query over kg's default graph, the union of all graphs (as `kg query`)."""
    from kg.query.sparql import DEFAULT_GRAPH
    return store.query(sparql, **DEFAULT_GRAPH)


def labels(store: Store, iris: list[str]) -> dict[str, str]:
    if not iris:
        return {}
    values = " ".join(f"<{i}>" for i in iris)
    q = f"""SELECT DISTINCT ?e ?l WHERE {{ VALUES ?e {{ {values} }} ?e <http://www.w3.org/2000/01/rdf-schema#label> ?l }}"""
    out: dict[str, str] = {}
    for row in _query(store, q):
        lang = row["l"].language or ""
        current = out.get(row["e"].value)
        if current is None or lang == "zh-Hant":
            out[row["e"].value] = row["l"].value
    return out


def explain(store: Store, name: str) -> list[Explanation]:
    iris = find_entities(store, name)
    if not iris:
        raise KgError(f"no entity named '{name}' in the store {store.location}; try another spelling or `kg stats`")
    return [_explain_one(store, iri) for iri in iris]


def _explain_one(store: Store, iri: str) -> Explanation:
    q_names = f"""SELECT DISTINCT ?l ?t WHERE {{ <{iri}> {_LABELS} ?l ; a ?t }}"""
    names, types = set(), set()
    for row in _query(store, q_names):
        names.add(row["l"].value)
        types.add(row["t"].value.rsplit("#", 1)[-1])
    # evidence as the store keeps it (kg.rdf.evidence): its sentence, offsets and rule are
    # read with read_evidence; the article is the one of the graph holding the evidence
    ev = f"""?a <{KGO.sourcePath}> ?article ."""
    q_rel = f"""SELECT ?s ?p ?o ?ev ?article WHERE {{ GRAPH ?g {{
        ?r a <http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> ;
           <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?s ;
           <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> ?p ;
           <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?o ; <{KGO.evidence}> ?ev . {ev}
        FILTER(?s = <{iri}> || ?o = <{iri}>) }} }}"""
    rows = list(store.query(q_rel))
    q_st = f"""SELECT ?st ?kind ?role ?other ?date ?value ?unit ?metric ?ev ?article WHERE {{
        GRAPH ?g {{ ?st ?myrole <{iri}> ; a ?kind ; <{KGO.statedIn}> ?a ; <{KGO.evidence}> ?ev . {ev}
        OPTIONAL {{ ?st ?role ?other . FILTER(?other != <{iri}> && ?role IN (<{KGO.subject}>, <{KGO.agent}>,
                   <{KGO.product}>, <{KGO.counterpart}>, <{KGO.location}>, <{KGO.decision}>, <{KGO.venue}>,
                   <{KGO.attributedTo}>)) }}
        OPTIONAL {{ ?st <{KGO.date}> ?date }} OPTIONAL {{ ?st <{KGO.value}> ?value ; <{KGO.unit}> ?unit }}
        OPTIONAL {{ ?st <{KGO.metric}> ?metric }} }} }}"""
    st_rows = list(store.query(q_st))
    spans = read_evidence(store, [r["ev"].value for r in rows + st_rows])
    others = {r["s"].value for r in rows} | {r["o"].value for r in rows} | {
        r["other"].value for r in st_rows if r["other"] is not None}
    names_of = labels(store, sorted(others | {iri}))
    out = Explanation(iri, names_of.get(iri, sorted(names)[0] if names else iri), "/".join(sorted(types)),
                      sorted(names))
    for r in rows:
        prop = r["p"].value.rsplit("#", 1)[-1]
        if r["s"].value == iri:
            text = f"{prop} → {names_of.get(r['o'].value, r['o'].value)}"
        else:
            text = f"{names_of.get(r['s'].value, r['s'].value)} —{prop}→ this"
        out.facts.append(_fact(text, r, spans))
    grouped: dict[str, list] = {}
    for r in st_rows:
        grouped.setdefault(r["st"].value, []).append(r)
    for st, group in grouped.items():
        r = group[0]
        parts = []
        if r["date"] is not None:
            parts.append(r["date"].value)
        if r["value"] is not None:
            metric = f"{r['metric'].value} " if r["metric"] is not None else ""
            parts.append(f"{metric}{r['value'].value} {r['unit'].value.rsplit('/', 1)[-1]}")
        with_ = sorted({names_of.get(x["other"].value, x["other"].value) for x in group if x["other"] is not None})
        if with_:
            parts.append("with " + ", ".join(with_))
        text = f"{r['kind'].value.rsplit('#', 1)[-1]}: " + " · ".join(parts)
        # (a fact an article states twice is one node with two pieces of evidence: each sentence is shown)
        for ev in sorted({x["ev"].value for x in group}):
            out.facts.append(_fact(text, next(x for x in group if x["ev"].value == ev), spans))
    out.facts.sort(key=lambda f: (f.article, f.start, f.text))
    return out


def _fact(text: str, r, spans: dict[str, EvidenceSpan]) -> Fact:
    ev = spans[r["ev"].value]
    return Fact(text, ev.sentence, r["article"].value, ev.start, ev.end, ev.rule)
