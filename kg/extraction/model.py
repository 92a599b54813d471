"""Plain records passed from extraction to RDF: no spaCy, no rdflib, easy to ship anywhere."""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.corpus import Article


@dataclass(frozen=True)
class Evidence:
    """Where a fact comes from: a span of the article text, its sentence, and the rule."""

    start: int
    end: int
    sentence_start: int
    sentence_end: int
    rule: str
    confidence: float


@dataclass
class Entity:
    key: str                 # reference id ("nvidia") or minted key ("chip/mlu690")
    cls: str                 # ontology class local name
    known: bool
    names: set[str] = field(default_factory=set)
    mentions: list[Evidence] = field(default_factory=list)


@dataclass(frozen=True)
class Relation:
    subject: str
    property: str
    object: str
    evidence: Evidence


@dataclass(frozen=True)
class DateValue:
    iso: str                 # 2025-12-09 | 2025-12 | 2025
    precision: str           # day | month | year
    resolved: bool
    quarter: int | None = None


@dataclass(frozen=True)
class Amount:
    value: str               # decimal as text, exact
    unit: str
    metric: str | None
    approximate: bool


@dataclass(frozen=True)
class Statement:
    """An n-ary fact: who/what plays which role, when, how much."""

    kind: str                                  # Measurement | Statement
    roles: tuple[tuple[str, str], ...]         # (role property, entity key)
    evidence: Evidence
    date: DateValue | None = None
    amount: Amount | None = None
    hedged: bool = False
    trigger: str | None = None                 # the predicate as written (a frame's verb)


@dataclass
class ArticleFacts:
    article: Article
    reference_year: int | None
    reference_inferred: bool
    entities: dict[str, Entity]
    relations: list[Relation]
    statements: list[Statement]
    sentences: list[tuple[int, int]]
