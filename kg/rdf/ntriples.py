"""Terms in N-Triples syntax, which N-Quads and SPARQL also read.

rdflib's `n3()` writes a literal holding a line break as a Turtle long string (three
quotes), which N-Triples and N-Quads forbid; this writes every literal on one line.

`nt` writes an rdflib term. The helpers below it (`iri`, `plain`, `typed`) write the same
text from plain strings, without making rdflib terms: an article graph's 700-odd lines are
written by them in the extraction workers (`kg.rdf.build.article_lines`), where making and
then writing rdflib terms took a fifth of a worker's time. They give exactly the text `nt`
gives for the same term, including rdflib's refusal of an IRI it cannot write.
"""
from __future__ import annotations

import re
from functools import lru_cache

from rdflib import Literal

# as Oxigraph writes them, so a line read back from the store is the line written (kg.ingest compares them)
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f",
                          **{chr(c): f"\\u{c:04X}" for c in [*range(0x20), 0x7F] if chr(c) not in "\n\r\t\b\f"}})
_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f]')
_NOT_IN_IRI = re.compile(r'[<>" {}|\\^`]')   # rdflib's _invalid_uri_chars: it will not write these


def nt(term) -> str:
    if isinstance(term, Literal):
        body = f'"{str(term).translate(_ESCAPES)}"'
        if term.language:
            return f"{body}@{term.language}"
        if term.datatype:
            return f"{body}^^<{term.datatype}>"
        return body
    return term.n3()


def iri(value: str) -> str:
    """`<value>`, as `nt(URIRef(value))` writes it (and raising as it does for an IRI it cannot write)."""
    if _NOT_IN_IRI.search(value):
        from rdflib import URIRef
        return URIRef(value).n3()   # raises rdflib's own error
    return f"<{value}>"


def plain(text: str) -> str:
    """A plain literal, as `nt(Literal(text))` writes it."""
    if _NEEDS_ESCAPE.search(text):
        return f'"{text.translate(_ESCAPES)}"'
    return f'"{text}"'


@lru_cache(maxsize=4096)
def typed(lexical: str, datatype: str) -> str:
    """A typed literal, as `nt(Literal(lexical, datatype=datatype))` writes it: through rdflib,
    which normalises some lexical forms ("007" as xsd:integer is "7"); each value once."""
    from rdflib import URIRef
    return nt(Literal(lexical, datatype=URIRef(datatype)))
