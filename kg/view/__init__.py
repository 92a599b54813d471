"""The HTML viewer (`kg view`), the query page of `kg serve`, and the networkx exports
(`kg export --format graphml|gexf`)."""
from kg.view.html import render_page, view_graph, write_view
from kg.view.model import build_graph
from kg.view.networkx_export import export_networkx
from kg.view.query_page import render_query_page, saved_queries_json

__all__ = ["build_graph", "export_networkx", "render_page", "render_query_page", "saved_queries_json", "view_graph",
           "write_view"]
