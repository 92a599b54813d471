"""Decoding article bytes: UTF-8 first, then the other usual encodings of Chinese text.

Chinese news reaches us as UTF-8, but also as Big5 (Taiwan, Hong Kong), GB18030/GBK
(mainland) and UTF-16 with a byte-order mark (Windows). The encoding is decided in this order:

    1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE): the file says so itself
    2. an explicit encoding: `kg ingest --encoding NAME`, or `encoding: NAME` in the front
       matter (its `---` block is ASCII in every encoding step 2 can name, so it is read
       before the text is decoded)
    3. strict UTF-8
    4. charset-normalizer's best guess among the Chinese encodings, taken only when the
       whole file decodes and the guess is unambiguous

Bytes that fit none of these get a one-line error that says how to name the encoding.
The encoding used is recorded on the `Article` (`Article.encoding`).
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

BOMS = (  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# What charset-normalizer may answer, by the name we record. Big5-HKSCS and CP950 are
# supersets of Big5, GB18030 of GBK and GB2312: the superset decodes what the subset does.
CANDIDATES = {"big5": "big5hkscs", "big5hkscs": "big5hkscs", "cp950": "cp950",
              "gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "hz": "hz",
              "utf_16": "utf-16", "utf_16_le": "utf-16-le", "utf_16_be": "utf-16-be"}
_DECLARED = re.compile(rb"\A---[ \t]*\r?\n(?:.*?\r?\n)??encoding:[ \t]*[\"']?([A-Za-z0-9_.:-]+)[\"']?[ \t]*\r?\n",
                       re.S)


class UndecidableEncoding(ValueError):
    """The bytes fit no encoding we can be sure of; the message says which was tried."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str   # the codec's canonical name: "utf-8", "big5hkscs", "gb18030", "utf-16-le", …


def canonical(name: str) -> str:
    """The codec's canonical name for an encoding name a user typed; ValueError when unknown."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise ValueError(f"unknown encoding '{name}' (try utf-8, big5, gb18030 or utf-16)") from None


def declared_encoding(raw: bytes) -> str | None:
    """The `encoding:` a front matter names, read from the raw bytes (ASCII-compatible encodings)."""
    head = raw[:64 * 1024]
    end = head.find(b"\n---", 3)
    m = _DECLARED.match(head[:end + 1] if end > 0 else head)
    return m.group(1).decode("ascii") if m else None


def decode(raw: bytes, encoding: str | None = None) -> Decoded:
    """The text of raw bytes and the encoding it was in; see the module docstring for the order.

    encoding: a name given on the command line; it wins over detection but not over a BOM.
    Raises UndecidableEncoding (one line) or UnicodeDecodeError (bytes invalid in a named encoding).
    """
    for bom, name in BOMS:
        if raw.startswith(bom):
            return Decoded(raw[len(bom):].decode(name), canonical(name))
    named = encoding or declared_encoding(raw)
    if named:
        name = canonical(named)
        return Decoded(raw.decode(name), name)
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as e:
        utf8_error = e
    guess = _guess(raw)
    if guess is None:
        raise UndecidableEncoding(
            f"not UTF-8 (invalid byte at {utf8_error.start}) and not recognisably Big5, GB18030 or UTF-16")
    return Decoded(raw.decode(guess), canonical(guess))


def _guess(raw: bytes) -> str | None:
    """charset-normalizer's answer among the Chinese encodings, when the whole file decodes in it."""
    from charset_normalizer import from_bytes

    matches = from_bytes(raw, cp_isolation=sorted(set(CANDIDATES)), explain=False)
    best = matches.best()
    if best is None or best.encoding not in CANDIDATES:
        return None
    name = CANDIDATES[best.encoding]
    try:
        text = raw.decode(name)
    except UnicodeDecodeError:
        return None
    # a guess that decodes to few Han characters is not Chinese text we can vouch for
    han = sum(1 for c in text if "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff")
    if han < max(2, len(text.strip()) // 10):
        return None
    return name
