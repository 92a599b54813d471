"""Every error kg raises on purpose, in one place.

    KgError                      base: the CLI prints its message on one line, exits 1
    ├── CorpusError              an input file cannot be read as an article
    │   ├── EmptyArticleError    the file holds no text
    │   ├── EncodingError        binary, or bytes in no encoding kg can be sure of
    │   ├── ArticleTooLargeError over a size limit (bytes, characters, a sentence's length)
    │   └── FrontMatterError     the YAML front matter is malformed, mistyped or hostile
    ├── ReferenceDataError       a file in ontology/reference/ is malformed
    ├── PipelineError            the spaCy pipeline cannot be built from its config
    ├── ArticleTimeoutError      an article's NLP and extraction overran the time budget
    ├── ExtractionError          extraction failed on an article (a bug in kg, named with the article)
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


class ArticleTimeoutError(KgError):
    """An article took longer than its time budget (kg.article_budget); nothing was written."""

    def __init__(self, key: str, seconds: float) -> None:
        self.key, self.seconds = key, seconds
        super().__init__(f"{key}: NLP and extraction took over {seconds:g} s, the time budget of one article; "
                         "nothing was ingested (split the article into smaller files, or raise "
                         "KG_ARTICLE_SECONDS / kg ingest --article-timeout)")

    def __reduce__(self):   # rebuilt from its fields when it crosses from a worker process
        return type(self), (self.key, self.seconds)


class ExtractionError(KgError):
    """Extraction raised an unexpected error on one article: reported with the article's name."""

    def __init__(self, key: str, cause: str) -> None:
        self.key, self.cause = key, cause
        super().__init__(f"{key}: extraction failed ({cause}); nothing was ingested. This is a bug in kg: "
                         "please report it with the file (KG_DEBUG=1 shows the traceback)")

    def __reduce__(self):
        return type(self), (self.key, self.cause)


class StoreError(KgError):
    pass


class StoreLockedError(StoreError):
    pass


class QueryError(KgError):
    pass
