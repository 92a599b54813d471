"""The store: the only package that talks to Oxigraph (embedded) or to a SPARQL server (remote)."""
from kg.store.oxigraph import Store, open_store
from kg.store.remote import RemoteStore, is_remote

__all__ = ["RemoteStore", "Store", "is_remote", "open_store"]
