"""Extraction: a processed `Doc` → plain records of entities, relations and statements."""
from kg.extraction.extract import extract
from kg.extraction.model import (Amount, ArticleFacts, DateValue, Entity, Evidence, Relation, Statement)

__all__ = ["Amount", "ArticleFacts", "DateValue", "Entity", "Evidence", "Relation", "Statement", "extract"]
