"""The corpus: files on disk → `Article` records (front matter, encodings, hashing)."""
from kg.corpus.article import Article
from kg.corpus.reader import discover, read_article

__all__ = ["Article", "discover", "read_article"]
