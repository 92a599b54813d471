"""Extraction: a processed `Doc` → plain records of entities, relations and statements.

The records (`kg.extraction.model`) import nothing heavy; `extract` needs spaCy and is
loaded on first use, so commands that only read the store start fast.
"""
from kg.extraction.model import Amount, ArticleFacts, DateValue, Entity, Evidence, Relation, Statement

__all__ = ["Amount", "ArticleFacts", "DateValue", "Entity", "Evidence", "Relation", "Statement", "extract"]


def __getattr__(name: str):
    if name == "extract":
        from kg.extraction.extract import extract
        return extract
    raise AttributeError(name)
