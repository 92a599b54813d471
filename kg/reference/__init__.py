"""Reference data about known entities (ontology/reference/) as plain records.

The names below are imported when first used, so that `from kg.reference import ontology_dir`
costs no more than the module that defines it.
"""
from __future__ import annotations

import importlib

__all__ = ["KnownEntity", "ReferenceData", "lexicon_file", "load_reference", "ontology_dir"]


def __getattr__(name: str):
    if name in __all__:
        return getattr(importlib.import_module("kg.reference.known"), name)
    raise AttributeError(f"module 'kg.reference' has no attribute {name!r}")
