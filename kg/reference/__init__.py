"""Reference data about known entities (ontology/reference/) as plain records."""
from kg.reference.known import KnownEntity, ReferenceData, lexicon_file, load_reference, ontology_dir

__all__ = ["KnownEntity", "ReferenceData", "lexicon_file", "load_reference", "ontology_dir"]
