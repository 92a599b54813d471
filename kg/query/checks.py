"""Checks on a SPARQL request's text made before it reaches the engine.

    nesting     `{{{{…` 5,000 deep overflows the parser's stack and kills the process that
                parses it: more than MAX_NESTING open brackets is a 400
    SERVICE     a federated query makes the server fetch a URL of the query's choosing (SSRF):
                refused unless `kg serve --allow-service HOST` names the host (`*`: any)

The nesting check looks at the text with its strings, comments and IRIs masked (so a `{`
inside a literal is not counted), before and after SPARQL's codepoint escapes (`\\u007B`)
are expanded. The SERVICE check reads the query's syntax tree (rdflib's SPARQL parser,
which expands those escapes first, as the grammar says): every SERVICE clause wherever it
nests, its endpoint resolved through the query's PREFIX declarations and kg's own, so no
comment, escape, odd spacing or prefixed name hides one. `SERVICE ?var` is refused unless
any host is allowed (its endpoint is data). A query the parser cannot read is scanned as
text instead, and every SERVICE keyword found there must pass the same test.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

MAX_NESTING = 64
_MASKED = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*(?:"""|$)|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*(?:\'\'\'|$)'
                     r'|"(?:[^"\\\n]|\\.)*"?|\'(?:[^\'\\\n]|\\.)*\'?|<[^<>"{}|^`\\\s]*>|#[^\n]*', re.S)
_SERVICE = re.compile(r"(?<![\w:?$.-])SERVICE(?![\w:-])\s*(?:SILENT\s*)?(\S*)", re.I)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def unescaped(sparql: str) -> str:
    """The query with SPARQL's codepoint escapes (\\uXXXX, \\UXXXXXXXX) expanded, as a parser reads it."""
    def one(m: re.Match) -> str:
        code = int(m.group(1) or m.group(2), 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else m.group(0)
    return _ESCAPE.sub(one, sparql)


def masked(sparql: str) -> str:
    """The query with strings, IRIs and comments blanked out (same length, so positions agree)."""
    return _MASKED.sub(lambda m: m.group(0)[0] + " " * (len(m.group(0)) - 1), sparql)


def nesting_depth(sparql: str) -> int:
    """How deep `{`, `(` and `[` nest in the query (outside strings, IRIs and comments), escapes expanded or not."""
    deepest = 0
    for text in {sparql, unescaped(sparql)}:
        depth = 0
        for ch in masked(text):
            if ch in "{([":
                depth += 1
                deepest = max(deepest, depth)
            elif ch in "})]" and depth:
                depth -= 1
    return deepest


def _textual_targets(sparql: str) -> list[str]:
    """SERVICE endpoints found by scanning the text (escapes expanded): an IRI, or what follows as written."""
    text = unescaped(sparql)
    plain = masked(text)
    out = []
    for m in _SERVICE.finditer(plain):
        start = m.start(1)
        if text[start:start + 1] == "<":
            end = text.find(">", start)
            out.append(text[start:end + 1] if end > 0 else text[start:])
        else:
            out.append(m.group(1) or "?")
    return out


def _parsed_targets(sparql: str, prefixes: dict[str, str]) -> list[str] | None:
    """SERVICE endpoints from the parsed query: `<iri>` (prefixed names resolved) or `?var`; None if unparsable."""
    try:
        from rdflib.plugins.sparql.parser import parseQuery
        from rdflib.plugins.sparql.parserutils import CompValue
        tree = parseQuery(sparql)
    except Exception:  # noqa: BLE001 - pyparsing's errors, a RecursionError: fall back to the text scan
        return None
    declared = dict(prefixes)
    found: list = []

    def walk(node) -> None:
        if isinstance(node, CompValue):
            if node.name == "PrefixDecl":
                declared[str(node.get("prefix") or "")] = str(node.get("iri"))
            if node.name == "ServiceGraphPattern":
                found.append(node.get("term"))
            for value in node.values():
                walk(value)
        elif isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
            for value in node:
                walk(value)

    try:
        walk(tree)
    except RecursionError:
        return None
    out = []
    for term in found:
        if isinstance(term, CompValue) and term.name == "pname":
            base = declared.get(str(term.get("prefix") or ""))
            out.append(f"<{base}{term.get('localname') or ''}>" if base is not None else f"{term.get('prefix')}:")
        elif type(term).__name__ == "Variable":
            out.append(f"?{term}")
        else:
            out.append(f"<{term}>")
    return out


def service_targets(sparql: str, prefixes: dict[str, str] | None = None) -> list[str]:
    """The endpoint of every SERVICE clause: `<iri>`, `?var`, or what the text scan saw when unparsable.

    The text scan runs too: if it finds more SERVICE keywords than the parser, its findings
    are added, so a disagreement between the two can only refuse more.
    """
    parsed = _parsed_targets(sparql, prefixes or {})
    textual = _textual_targets(sparql)
    if parsed is None:
        return textual
    return parsed + textual if len(textual) > len(parsed) else parsed


def refused_service(sparql: str, allowed: tuple[str, ...], prefixes: dict[str, str] | None = None) -> str | None:
    """Why the query's SERVICE clauses may not run, or None when every one is allowed."""
    if "*" in allowed or "SERVICE" not in unescaped(sparql).upper():
        return None   # no SERVICE keyword in any spelling: nothing to parse
    for target in service_targets(sparql, prefixes):
        if not target.startswith("<"):
            return (f"SERVICE {target}: only a SERVICE with the IRI of an allowed host can run; "
                    "start the server with --allow-service HOST (or '*' for any)")
        host = (urlsplit(target[1:-1]).hostname or "").lower()
        if host not in allowed:
            return (f"SERVICE {target}: federated queries to {host or 'this address'} are not allowed here; "
                    "start the server with --allow-service " + (host or "HOST"))
    return None
