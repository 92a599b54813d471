"""Reading article files: decoding, front matter, and the checks that keep hostile files out.

Every way a file can be unfit (empty, binary, undecodable, too large, hostile front matter,
a name that is not UTF-8, text the NLP pipeline cannot bound) raises a `CorpusError`
naming the file, and `kg ingest` reads every file before anything reaches the store.
Finding the files (folders, symlinks) is `kg.corpus.discovery`'s job.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from pathlib import Path
from typing import Iterable, Iterator, Mapping, NamedTuple

from kg.corpus.article import Article
from kg.corpus.decoding import UndecidableEncoding, decode
from kg.corpus.discovery import article_key, discover, printable
from kg.corpus.frontmatter import FrontMatterProblem, load_front_matter
from kg.corpus.limits import check_text
from kg.text import half_width
from kg.errors import ArticleTooLargeError, CorpusError, EmptyArticleError, EncodingError, FrontMatterError

__all__ = ["Checked", "article_key", "check_batch", "discover", "iter_articles", "parse_article", "read_article",
           "read_batch"]

MAX_BYTES = int(os.environ.get("KG_MAX_ARTICLE_BYTES", 4 * 1024 * 1024))
_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)
_EMPTY_FRONT = re.compile(r"\A---[ \t]*\n---[ \t]*(?:\n|\Z)")
_YEAR_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_KNOWN = {"title", "url", "publisher", "published", "language", "authors"}
_ONLY_READ = {"encoding"}   # front-matter keys that steer reading and are not metadata


def read_article(path: str | Path, encoding: str | None = None) -> Article:
    """Read one article file; encoding overrides detection. Raises a `CorpusError` naming the file when unfit."""
    path = Path(path)
    key = article_key(path)
    try:
        key.encode("utf-8")
    except UnicodeEncodeError:
        raise CorpusError(printable(path), "file name is not valid UTF-8",
                          "rename it, e.g. convmv -f GBK -t UTF-8 --notest FILE") from None
    return parse_article(_read_bytes(path), key, encoding)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as e:
        raise CorpusError(path, f"cannot read: {e.strerror}",
                          "check the file's permissions" if e.errno == 13 else "") from e


def parse_article(raw: bytes, key: str, encoding: str | None = None) -> Article:
    """An `Article` from a file's bytes; `key` names it in errors and in the store."""
    if len(raw) > MAX_BYTES:
        raise ArticleTooLargeError(key, f"{len(raw):,} bytes is over the {MAX_BYTES:,}-byte limit",
                                   "split the file, or raise KG_MAX_ARTICLE_BYTES")
    decoded = _decode(raw, key, encoding)
    content = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in content:
        raise EncodingError(key, "binary file (contains NUL characters)", "articles are text .txt or .md files")
    meta, body, offset = _split_front_matter(content, key)
    body = close_script_gaps(half_width(body))
    if not _VISIBLE.search(body):   # blank, or only zero-width and other format characters
        raise EmptyArticleError(key, "no article text", "add the text, or remove the file")
    fields = _check_metadata(meta, key)
    check_text(body, key)
    return Article(key=key, text=body, sha256=hashlib.sha256(raw).hexdigest(), body_offset=offset,
                   encoding=decoded.encoding, **fields)


def _decode(raw: bytes, key: str, encoding: str | None):
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")) \
            and encoding is None:
        raise EncodingError(key, "binary file (contains NUL bytes)",
                            "articles are text; UTF-16 needs its byte-order mark, or give --encoding")
    try:
        return decode(raw, encoding)
    except UndecidableEncoding as e:
        raise EncodingError(key, str(e), "name it with --encoding NAME or 'encoding: NAME' in the front matter, "
                                         "or convert it: iconv -f GB18030 -t UTF-8") from None
    except UnicodeDecodeError as e:
        raise EncodingError(key, f"not valid {e.encoding} at byte {e.start}",
                            "check the encoding named by --encoding or the front matter") from None
    except ValueError as e:   # an unknown encoding name
        raise EncodingError(key, str(e)) from None


def _split_front_matter(content: str, key: str) -> tuple[dict, str, int]:
    if not content.startswith("---"):
        return {}, content, 0
    m = _FRONT.match(content) or _EMPTY_FRONT.match(content)
    if not m:
        raise FrontMatterError(key, "front matter opened with '---' is never closed",
                               "end it with a line holding only '---'")
    try:
        meta = load_front_matter(m.group(1)) if m.re is _FRONT else None
    except FrontMatterProblem as e:
        where = f" at line {e.line + 1}" if e.line else ""   # +1: the opening '---'
        if e.problem.startswith("malformed YAML: "):
            raise FrontMatterError(key, f"malformed YAML front matter{where}: {e.problem[16:]}") from None
        raise FrontMatterError(key, f"front matter{where}: {e.problem}") from None
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
        if k in _ONLY_READ:
            continue
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
            if not isinstance(v, (str, int, float)) or isinstance(v, bool):
                raise FrontMatterError(key, f"'{k}' must be text, not {type(v).__name__}")
            out[k] = str(v).strip()
    return out


#: one space between a Han character and a Latin letter or digit (推出 S9 晶片, 2025 年 8 月): a habit of
#: some sites' typesetting, never part of a name, a date or a figure
_SCRIPT_GAP = re.compile(r"(?<=[\u3400-\u9fff]) (?=[A-Za-z0-9])|(?<=[A-Za-z0-9%]) (?=[\u3400-\u9fff])")


def close_script_gaps(text: str) -> str:
    """text without the single spaces some sites put between Han and Latin letters or digits, as
    the rest of Chinese news writes it (地平线 J2 → 地平线J2, 1000 万 → 1000万): read so, the
    names, dates and figures of spaced text are found as in any other. Line breaks and runs of
    spaces (a byline's 記者 林某 北京報道, a dateline's 台北 1月30日 after two spaces) are left.
    The reader makes full-width letters and digits ASCII first (kg.text.half_width: Ｓ９ → S9)."""
    return _SCRIPT_GAP.sub("", text)


_VISIBLE = re.compile(r"[^\s\u200b-\u200f\u2060-\u2064\ufeff\u00ad]")


def _published(value, key: str) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, (str, int)):
        raise FrontMatterError(key, f"'published' must be one date, not {type(value).__name__}",
                               "write YYYY-MM-DD or YYYY-MM")
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


def iter_articles(paths: Iterable[Path], encoding: str | None = None) -> Iterator[Article]:
    for p in paths:
        yield read_article(p, encoding)


class Checked(NamedTuple):
    """What identifies a file that `check_batch` read and found fit: enough to read it again
    (`read_article(path, encoding)`) and to see that it did not change meanwhile."""

    path: Path
    sha256: str
    encoding: str


def read_batch(paths: Iterable[str | Path], *, encoding: str | None = None, follow_links: bool = False,
               warn=None) -> dict[str, Article]:
    """Every article under paths, key → Article, all checked before any is used.

    The first unfit file is reported, with a count of the others, in one line: a run either
    has every file fit or touches nothing.
    """
    return _batch(paths, lambda f, art: art, encoding, follow_links, warn)


def check_batch(paths: Iterable[str | Path], *, encoding: str | None = None, follow_links: bool = False,
                warn=None, current: Mapping[str, str] | None = None) -> dict[str, Checked]:
    """`read_batch` keeping only what identifies each file, not its text: memory stays flat
    in the corpus size (10,000 articles of 1,000 characters are 27 MiB of Article records),
    and `kg ingest` reads the articles it extracts again, one at a time.

    current: key → SHA-256 of the articles a store holds as the current extractor made them.
    A file whose bytes hash to its key's is not decoded and parsed again: those very bytes were
    checked when they were ingested, and they will not be extracted (at 10,000 articles the
    parsing was most of an unchanged re-ingest). Its `encoding` is the one given, if any.
    """
    def keep(f: Path, art: Article) -> Checked:
        return Checked(f, art.sha256, art.encoding)
    return _batch(paths, keep, encoding, follow_links, warn, current or {})


def _batch(paths, keep, encoding: str | None, follow_links: bool, warn, current: Mapping[str, str] | None = None
           ) -> dict:
    articles: dict = {}
    errors: list[CorpusError] = []
    for f in discover(paths, follow_links=follow_links, warn=warn):
        try:
            key = article_key(f)
            if current and key in current:
                raw = _read_bytes(f)
                sha = hashlib.sha256(raw).hexdigest()
                if sha == current[key] and len(raw) <= MAX_BYTES:
                    articles[key] = Checked(f, sha, encoding)
                    continue
                articles[key] = keep(f, parse_article(raw, key, encoding))
                continue
            articles[key] = keep(f, read_article(f, encoding))
        except CorpusError as e:
            errors.append(e)
    if errors:
        first = errors[0]
        if len(errors) > 1:
            first.args = (f"{first.args[0]} (and {len(errors) - 1} more unfit file"
                          f"{'s' if len(errors) > 2 else ''}; nothing was ingested)",)
        raise first
    return articles
