"""Checks on a SPARQL request's text made before it reaches the engine.

    nesting     `{{{{…` 5,000 deep overflows the parser's stack and kills the process that
                parses it: more than MAX_NESTING open brackets is a 400
    SERVICE     a federated query makes the server fetch a URL of the query's choosing (SSRF):
                refused unless `kg serve --allow-service HOST` names the host (`*`: any)

Both look at the query with its strings, comments and IRIs masked, so a `{` or the word
SERVICE inside a literal or an IRI is not mistaken for syntax.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

MAX_NESTING = 64
_MASKED = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*(?:"""|$)|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*(?:\'\'\'|$)'
                     r'|"(?:[^"\\\n]|\\.)*"?|\'(?:[^\'\\\n]|\\.)*\'?|<[^<>"{}|^`\\\s]*>|#[^\n]*', re.S)
_SERVICE = re.compile(r"(?<![\w:?$.-])SERVICE(?![\w:-])\s*(?:SILENT\s*)?(\S*)", re.I)


def masked(sparql: str) -> str:
    """The query with strings, IRIs and comments blanked out (same length, so positions agree)."""
    return _MASKED.sub(lambda m: m.group(0)[0] + " " * (len(m.group(0)) - 1), sparql)


def nesting_depth(sparql: str) -> int:
    """How deep `{`, `(` and `[` nest in the query (outside strings, IRIs and comments)."""
    depth = deepest = 0
    for ch in masked(sparql):
        if ch in "{([":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "})]" and depth:
            depth -= 1
    return deepest


def service_targets(sparql: str) -> list[str]:
    """The endpoint of every SERVICE clause: an IRI, or the variable or prefixed name as written."""
    plain = masked(sparql)
    out = []
    for m in _SERVICE.finditer(plain):
        start = m.start(1)
        if sparql[start:start + 1] == "<":
            end = sparql.find(">", start)
            out.append(sparql[start:end + 1] if end > 0 else sparql[start:])
        else:
            out.append(m.group(1) or "?")
    return out


def refused_service(sparql: str, allowed: tuple[str, ...]) -> str | None:
    """Why the query's SERVICE clauses may not run, or None when every one is allowed."""
    if "*" in allowed:
        return None
    for target in service_targets(sparql):
        if not target.startswith("<"):
            return (f"SERVICE {target}: only a SERVICE with a full IRI of an allowed host can run; "
                    "start the server with --allow-service HOST")
        host = (urlsplit(target[1:-1]).hostname or "").lower()
        if host not in allowed:
            return (f"SERVICE {target}: federated queries to {host or 'this address'} are not allowed here; "
                    "start the server with --allow-service " + (host or "HOST"))
    return None
