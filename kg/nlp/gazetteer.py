"""The index of known names, built from the reference data once per process."""
from __future__ import annotations

from functools import lru_cache

from kg.nlp.names import NameIndex
from kg.reference import load_reference


@lru_cache(maxsize=4)
def reference_index(folder: str | None = None) -> NameIndex[str]:
    """Every label and alias of the reference data → entity ids."""
    ref = load_reference(folder)
    return NameIndex((name, ent.id) for ent in ref for name in ent.names())
