"""The HTML viewer: the graph as an interactive pyvis page."""
from kg.view.html import build_graph, write_view

__all__ = ["build_graph", "write_view"]
