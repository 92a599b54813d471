"""The store: the only package that talks to Oxigraph."""
from kg.store.oxigraph import Store, open_store

__all__ = ["Store", "open_store"]
