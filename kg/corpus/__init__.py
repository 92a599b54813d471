"""The corpus: files on disk → `Article` records (discovery, decoding, front matter, hashing)."""
from kg.corpus.article import Article
from kg.corpus.discovery import discover
from kg.corpus.reader import read_article

__all__ = ["Article", "discover", "read_article"]
