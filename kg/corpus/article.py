"""The article record that every later stage receives."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Article:
    """One article: its text (front matter removed) and what is known about it.

    `key` is the path as given to ingest, normalised (POSIX separators, no `./`): it names
    the article in the store and on the command line (`kg export --doc KEY`).
    """

    key: str
    text: str
    sha256: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: str | None = None  # ISO date "2025-12-09" or year-month "2025-12"
    language: str | None = None
    authors: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)  # unknown front-matter keys, kept verbatim
    body_offset: int = 0  # characters of front matter before `text` in the file
    encoding: str = "utf-8"  # how the file's bytes were decoded (codec name: utf-8, big5hkscs, gb18030, utf-16-le…)

    @property
    def stem(self) -> str:
        name = self.key.rsplit("/", 1)[-1]
        return name.rsplit(".", 1)[0] if "." in name else name
