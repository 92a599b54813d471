"""The HTML viewer (`kg view`) and the networkx exports (`kg export --format graphml|gexf`)."""
from kg.view.html import render_page, write_view
from kg.view.model import build_graph
from kg.view.networkx_export import export_networkx

__all__ = ["build_graph", "write_view", "render_page", "export_networkx"]
