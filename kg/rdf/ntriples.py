"""Terms in N-Triples syntax, which N-Quads and SPARQL also read.

rdflib's `n3()` writes a literal holding a line break as a Turtle long string (three
quotes), which N-Triples and N-Quads forbid; this writes every literal on one line.
"""
from __future__ import annotations

from rdflib import Literal

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def nt(term) -> str:
    if isinstance(term, Literal):
        body = f'"{str(term).translate(_ESCAPES)}"'
        if term.language:
            return f"{body}@{term.language}"
        if term.datatype:
            return f"{body}^^<{term.datatype}>"
        return body
    return term.n3()
