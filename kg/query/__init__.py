"""SPARQL over the store: running queries and formatting their results."""
from kg.query.sparql import FORMATS, format_results, run_query

__all__ = ["FORMATS", "format_results", "run_query"]
