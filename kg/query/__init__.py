"""SPARQL over the store: running queries (inline, from files, or saved by name) and formatting results."""
from kg.query.saved import SavedQuery, list_saved, load_saved
from kg.query.sparql import FORMATS, format_results, run_query, run_saved

__all__ = ["FORMATS", "SavedQuery", "format_results", "list_saved", "load_saved", "run_query", "run_saved"]
