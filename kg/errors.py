"""Every error kg raises on purpose, in one place.

    KgError                      base: the CLI prints its message on one line, exits 1
    ├── CorpusError              an input file cannot be read as an article
    │   ├── EmptyArticleError    the file holds no text
    │   ├── EncodingError        binary, or bytes in no encoding kg can be sure of
    │   ├── ArticleTooLargeError over a size limit (bytes, characters, a sentence's length)
    │   └── FrontMatterError     the YAML front matter is malformed, mistyped or hostile
    ├── ReferenceDataError       a file in ontology/reference/ is malformed
    ├── PipelineError            the spaCy pipeline cannot be built from its config
    ├── StoreError               the store cannot be opened, read or written
    │   └── StoreLockedError     another kg process holds the store
    └── QueryError               a SPARQL query is malformed or a saved query is unknown

Messages say what went wrong, where, and how to fix it, in one line.
"""
from __future__ import annotations

from pathlib import Path


class KgError(Exception):
    """Base of every error kg reports to a user."""


class CorpusError(KgError):
    """An input file cannot be read as an article."""

    def __init__(self, path: Path | str, problem: str, fix: str = "") -> None:
        self.path = str(path)
        message = f"{path}: {problem}"
        if fix:
            message += f" ({fix})"
        super().__init__(message)


class EmptyArticleError(CorpusError):
    pass


class EncodingError(CorpusError):
    pass


class ArticleTooLargeError(CorpusError):
    pass


class FrontMatterError(CorpusError):
    pass


class ReferenceDataError(KgError):
    pass


class PipelineError(KgError):
    pass


class StoreError(KgError):
    pass


class StoreLockedError(StoreError):
    pass


class QueryError(KgError):
    pass
