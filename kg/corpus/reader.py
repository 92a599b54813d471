"""Reading article files: discovery, decoding, front matter.

Every way a file can be unfit (empty, binary, not UTF-8, too large, bad front matter)
raises a `CorpusError` naming the file, before anything reaches the store.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from pathlib import Path
from typing import Iterable, Iterator

import yaml

from kg.corpus.article import Article
from kg.errors import (ArticleTooLargeError, CorpusError, EmptyArticleError, EncodingError,
                       FrontMatterError)

SUFFIXES = (".txt", ".md")
MAX_BYTES = int(os.environ.get("KG_MAX_ARTICLE_BYTES", 4 * 1024 * 1024))
_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)(?:\r?\n)---[ \t]*(?:\r?\n|\Z)", re.S)
_YEAR_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_KNOWN = {"title", "url", "publisher", "published", "language", "authors"}


def article_key(path: str | Path) -> str:
    """The name an article goes by: its path as given, normalised to POSIX form."""
    return Path(os.path.normpath(str(path))).as_posix()


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """Article files under the given files and folders, sorted, each once.

    Folders are searched recursively for .txt and .md files; hidden files and folders are
    skipped. A path that does not exist is an error, not silence.
    """
    found: dict[str, Path] = {}
    for given in paths:
        p = Path(given)
        if p.is_dir():
            for f in p.rglob("*"):
                rel = f.relative_to(p).parts
                if f.is_file() and f.suffix.lower() in SUFFIXES and not any(x.startswith(".") for x in rel):
                    found.setdefault(article_key(f), f)
        elif p.is_file():
            found.setdefault(article_key(p), p)
        else:
            raise CorpusError(p, "no such file or folder", "check the path")
    return [found[k] for k in sorted(found)]


def read_article(path: str | Path) -> Article:
    """Read one article file. Raises a `CorpusError` subclass naming the file when it is unfit."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise CorpusError(path, f"cannot read: {e.strerror}") from e
    return parse_article(raw, article_key(path))


def parse_article(raw: bytes, key: str) -> Article:
    """An `Article` from a file's bytes; `key` names it in errors and in the store."""
    if len(raw) > MAX_BYTES:
        raise ArticleTooLargeError(key, f"{len(raw):,} bytes is over the {MAX_BYTES:,}-byte limit",
                                   "split the file, or raise KG_MAX_ARTICLE_BYTES")
    if b"\x00" in raw:
        raise EncodingError(key, "binary file (contains NUL bytes)", "articles are UTF-8 .txt or .md files")
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise EncodingError(key, f"not valid UTF-8 at byte {e.start}",
                            "convert it, e.g. iconv -f GB18030 -t UTF-8") from e
    content = content.replace("\r\n", "\n").replace("\r", "\n")
    meta, body, offset = _split_front_matter(content, key)
    if not body.strip():
        raise EmptyArticleError(key, "no article text", "add the text, or remove the file")
    fields = _check_metadata(meta, key)
    return Article(key=key, text=body, sha256=hashlib.sha256(raw).hexdigest(), body_offset=offset, **fields)


def _split_front_matter(content: str, key: str) -> tuple[dict, str, int]:
    if not content.startswith("---"):
        return {}, content, 0
    m = _FRONT.match(content)
    if not m:
        raise FrontMatterError(key, "front matter opened with '---' is never closed",
                               "end it with a line holding only '---'")
    try:
        meta = yaml.safe_load(m.group(1))
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark else ""
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise FrontMatterError(key, f"malformed YAML front matter{where}: {problem}") from e
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise FrontMatterError(key, "front matter must be a mapping of keys to values",
                               "write 'title: …' lines between the '---' lines")
    return meta, content[m.end():], m.end()


def _check_metadata(meta: dict, key: str) -> dict:
    out: dict = {"extra": {}}
    for k, v in meta.items():
        k = str(k)
        if k not in _KNOWN:
            out["extra"][k] = _plain(v)
            continue
        if v is None:
            continue
        if k == "published":
            out[k] = _published(v, key)
        elif k == "authors":
            if isinstance(v, str):
                v = [v]
            if not isinstance(v, list) or not all(isinstance(a, (str, int)) for a in v):
                raise FrontMatterError(key, "'authors' must be a list of names")
            out[k] = tuple(str(a).strip() for a in v if str(a).strip())
        else:
            if not isinstance(v, (str, int, float)):
                raise FrontMatterError(key, f"'{k}' must be text, not {type(v).__name__}")
            out[k] = str(v).strip()
    return out


def _published(value, key: str) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if _YEAR_MONTH.match(text):
        return text
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise FrontMatterError(key, f"'published: {text}' is not an ISO date",
                               "write YYYY-MM-DD or YYYY-MM") from None


def _plain(value):
    """Front-matter values as JSON-friendly data (dates become ISO strings)."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def iter_articles(paths: Iterable[Path]) -> Iterator[Article]:
    for p in paths:
        yield read_article(p)
