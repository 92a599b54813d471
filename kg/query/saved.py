"""Saved queries: the .rq files of ontology/queries/, run by name with parameters.

A saved query is a plain SPARQL file that any SPARQL tool can run as it is; those that read
a page of rows one row at a time use LATERAL (from the SPARQL 1.2 drafts), which Oxigraph,
embedded or as a server, runs: Oxigraph otherwise evaluates an OPTIONAL or a joined
subquery over the whole store before joining it to the page. Its opening
comment says what it answers (the first line is its one-line description) and declares
its parameters:

    # Chips by developer, with the specifications articles give for them.
    # @param developer entity  The developer: an IRI, id:slug, or any of its names.
    # @param min decimal required  The threshold, in the unit given by `unit`.

Each parameter has, in the query body, one line of the form `VALUES ?name { … }`. What
the file holds between the braces is the default (`UNDEF`: no restriction); a value given
with `--param name=value` replaces it. Values never reach the query as text: each is
turned into an RDF term first (a literal with its quotes and backslashes escaped by
pyoxigraph, or an IRI that pyoxigraph has checked), so a value cannot end the VALUES block
or add SPARQL of its own. Parameter kinds:

    string    a plain literal
    name      a literal, in the spelling given plus its Traditional and Simplified forms,
              so 英伟达 finds 英偉達; compare with LCASE(STR(?label)) = LCASE(?name)
    entity    an entity: a full IRI, a prefixed name (id:nvidia), or any label or alias
              of it in the store, in either script or English (every match is used:
              labels spelled as given or in lower, upper or title case are looked up
              first; only when none matches are all labels compared without regard to case)
    iri       an IRI: full or prefixed; `iri:PREFIX` also takes bare local names in PREFIX
    decimal, integer, boolean   typed literals, checked
    date      YYYY, YYYY-MM or YYYY-MM-DD, as a plain literal: dates in the graph have the
              text's own precision, so queries compare them as text (STR(?date) >= ?from)

A parameter given several times (`--param entity=a --param entity=b`) gets every value.

Two kinds page through results that grow with the corpus (every fact, every discovered
entity) instead of a VALUES line:

    limit     at most this many rows: replaces N in the query's line `LIMIT N` (its default)
    offset    skip this many rows first: replaces N in the line `OFFSET N`

    # @param limit limit  At most this many rows (default 100).
    # @param offset offset  Skip this many rows first, for the next page (default 0).

A query may have several such lines (a subquery picking the page, the query ordering it);
each gets the value. A query that needs the page's numbers in an expression (how many rows
the page reaches down to, say) reads them from a line `VALUES ?limit { N }` (`?offset`, by the
parameter's name), which gets the value too; N there must be the same default as the line's.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyoxigraph as ox

from kg.errors import QueryError
from kg.rdf.namespaces import PREFIXES
from kg.reference import ontology_dir

KINDS = ("string", "name", "entity", "iri", "decimal", "integer", "boolean", "date", "limit", "offset")
PAGE_KINDS = {"limit": "LIMIT", "offset": "OFFSET"}
NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
_PARAM_RE = re.compile(r"^#\s*@param\s+(?P<name>[A-Za-z_]\w*)\s+(?P<kind>[a-z]+(?::[A-Za-z_][\w-]*)?)"
                       r"(?P<required>\s+required)?(?:\s+(?P<help>.*))?$")
_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_XSD = "http://www.w3.org/2001/XMLSchema#"
EXTRA_PREFIXES = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "qudt": "http://qudt.org/schema/qudt/",
                  "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"}


def all_prefixes() -> dict[str, str]:
    """The prefixes predeclared for every query: kg's namespaces plus rdf: and qudt:."""
    return {**{k: str(v) for k, v in PREFIXES.items()}, **EXTRA_PREFIXES}


def _page_re(keyword: str) -> re.Pattern:
    """The whole lines `LIMIT N` (or `OFFSET N`) a limit (offset) parameter replaces N in."""
    return re.compile(r"^(?P<indent>[ \t]*)" + keyword + r"[ \t]+(?P<body>\d+)[ \t]*$", re.MULTILINE | re.IGNORECASE)


def _param_re(name: str, kind: str) -> re.Pattern:
    keyword = PAGE_KINDS.get(kind)
    return _page_re(keyword) if keyword else _values_re(name)


def _values_re(name: str) -> re.Pattern:
    return re.compile(r"^(?P<indent>[ \t]*)VALUES[ \t]+\?" + re.escape(name) + r"[ \t]*\{(?P<body>[^{}\n]*)\}[ \t]*$",
                      re.MULTILINE | re.IGNORECASE)


@dataclass
class Param:
    name: str
    kind: str
    required: bool
    help: str
    default: str        # the VALUES block's content in the file, e.g. UNDEF or "zh-Hant"

    @property
    def base_kind(self) -> str:
        return self.kind.split(":", 1)[0]


@dataclass
class SavedQuery:
    name: str
    path: Path
    text: str
    description: str
    comment: str
    params: dict[str, Param] = field(default_factory=dict)

    def usage(self) -> str:
        """One line per parameter, for --list and for error messages."""
        lines = []
        for p in self.params.values():
            flag = "required" if p.required else f"default {p.default.strip() or 'UNDEF'}"
            lines.append(f"  --param {p.name}=…  ({p.kind}, {flag}) {p.help}")
        return "\n".join(lines)


def queries_dir() -> Path:
    """ontology/queries/ beside the ontology kg uses ($KG_ONTOLOGY, ./ontology, or the package's)."""
    return ontology_dir() / "queries"


def parse_saved(text: str, name: str = "query", path: Path | None = None) -> SavedQuery:
    """Read a query's header: description, comment and parameters; checks each has its VALUES line."""
    comment_lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            if stripped:
                break
            continue
        comment_lines.append(stripped)
    description = next((l.lstrip("#").strip() for l in comment_lines
                        if l.lstrip("#").strip() and not l.lstrip("#").strip().startswith("@")), "")
    where = path or name
    params: dict[str, Param] = {}
    for line in comment_lines:
        if not re.match(r"^#\s*@param\b", line):
            continue
        m = _PARAM_RE.match(line)
        if not m or m["kind"].split(":")[0] not in KINDS:
            raise QueryError(f"{where}: malformed parameter line '{line}'; write "
                             f"'# @param NAME KIND [required] help' with KIND one of {', '.join(KINDS)}")
        values = _param_re(m["name"], m["kind"]).search(text)
        if not values and m["kind"] in PAGE_KINDS:
            raise QueryError(f"{where}: parameter {m['name']} has no line '{PAGE_KINDS[m['kind']]} N' "
                             "in the query; add one (N is its default)")
        if not values:
            raise QueryError(f"{where}: parameter {m['name']} has no line 'VALUES ?{m['name']} {{ UNDEF }}' "
                             "in the query; add one where the parameter should apply")
        params[m["name"]] = Param(m["name"], m["kind"], bool(m["required"]), (m["help"] or "").strip(),
                                  values["body"].strip())
    comment = "\n".join(l.lstrip("#")[1:] if l.startswith("# ") else l.lstrip("#") for l in comment_lines)
    return SavedQuery(name, path or Path(name), text, description, comment, params)


def list_saved(folder: Path | None = None) -> list[SavedQuery]:
    """Every saved query in folder (default: ontology/queries/), sorted by name."""
    folder = folder or queries_dir()
    if not folder.is_dir():
        return []
    return [load_saved(p.stem, folder) for p in sorted(folder.glob("*.rq"))]


def load_saved(name: str, folder: Path | None = None) -> SavedQuery:
    """The saved query called name; unknown names fail with the closest matches."""
    folder = folder or queries_dir()
    path = folder / f"{name}.rq"
    if not NAME_RE.match(name) or not path.is_file():
        known = sorted(p.stem for p in folder.glob("*.rq")) if folder.is_dir() else []
        close = difflib.get_close_matches(name, known, n=3)
        hint = f"did you mean {', '.join(close)}? " if close else ""
        raise QueryError(f"no saved query named '{name}' in {folder}; {hint}`kg query --list` lists them")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise QueryError(f"{path}: cannot read the saved query: {e}") from e
    return parse_saved(text, name, path)


def is_saved_name(text: str) -> bool:
    """A bare word like `chips-by-developer` (which no SPARQL query or file path is)."""
    return bool(NAME_RE.match(text)) and not Path(text).exists()


def parse_param_args(args: tuple[str, ...] | list[str]) -> dict[str, list[str]]:
    """`key=value` strings (from --param) into key → values."""
    out: dict[str, list[str]] = {}
    for arg in args:
        key, sep, value = arg.partition("=")
        if not sep or not key.strip():
            raise QueryError(f"--param '{arg}': write --param NAME=VALUE")
        out.setdefault(key.strip(), []).append(value)
    return out


def bind(query: SavedQuery, values: dict[str, list[str]], store=None) -> str:
    """The query text with each given parameter's VALUES block holding its RDF terms.

    store is needed only to resolve entity names; without it names must be IRIs.
    """
    unknown = sorted(set(values) - set(query.params))
    if unknown:
        if not query.params:
            raise QueryError(f"{query.name}: this query takes no parameters (got {', '.join(unknown)})")
        raise QueryError(f"{query.name}: unknown parameter {', '.join(unknown)}; it takes: "
                         f"{', '.join(query.params)}")
    text = query.text
    for p in query.params.values():
        given = values.get(p.name)
        if not given:
            if p.required:
                raise QueryError(f"{query.name}: parameter '{p.name}' is required; add --param {p.name}=… "
                                 f"({p.kind}: {p.help})")
            continue
        terms: list[str] = []
        if p.kind in PAGE_KINDS:
            n = _page_number(p, given[-1], query.name)
            text = _page_re(PAGE_KINDS[p.kind]).sub(lambda m: f"{m['indent']}{PAGE_KINDS[p.kind]} {n}", text)
            text = _values_re(p.name).sub(lambda m: f"{m['indent']}VALUES ?{p.name} {{ {n} }}", text)
            continue
        for v in given:
            for t in to_terms(p, v, store, query.name):
                if t not in terms:
                    terms.append(t)
        block = " ".join(terms)
        text = _values_re(p.name).sub(lambda m: f"{m['indent']}VALUES ?{p.name} {{ {block} }}", text)
    return text


def _page_number(p: Param, value: str, query_name: str) -> int:
    """A limit (1 or more) or an offset (0 or more), checked."""
    least = 1 if p.kind == "limit" else 0
    try:
        n = int(value.strip())
    except ValueError:
        n = -1
    if n < least:
        raise QueryError(f"{query_name}: --param {p.name}={value!r}: give a whole number of rows, "
                         f"{least} or more")
    return n


def to_terms(p: Param, value: str, store, query_name: str = "query") -> list[str]:
    """value as SPARQL terms for parameter p (several for names and entity names)."""
    kind = p.base_kind
    where = f"{query_name}: --param {p.name}={value!r}"
    if kind == "string":
        return [str(ox.Literal(value))]
    if kind == "name":
        return [str(ox.Literal(v)) for v in name_variants(value)]
    if kind == "decimal":
        try:
            d = Decimal(value.strip())
        except InvalidOperation:
            d = Decimal("NaN")
        if not d.is_finite():
            raise QueryError(f"{where}: not a number; give a decimal like 4.8 or 1e12")
        return [str(ox.Literal(format(d, "f"), datatype=ox.NamedNode(_XSD + "decimal")))]
    if kind == "integer":
        try:
            i = int(value.strip())
        except ValueError:
            raise QueryError(f"{where}: not an integer; give digits like 10") from None
        return [str(ox.Literal(str(i), datatype=ox.NamedNode(_XSD + "integer")))]
    if kind == "boolean":
        v = value.strip().lower()
        if v not in ("true", "false", "1", "0", "yes", "no"):
            raise QueryError(f"{where}: not a boolean; give true or false")
        return [str(ox.Literal("true" if v in ("true", "1", "yes") else "false",
                               datatype=ox.NamedNode(_XSD + "boolean")))]
    if kind == "date":
        if not _DATE_RE.match(value.strip()):
            raise QueryError(f"{where}: not a date; give YYYY, YYYY-MM or YYYY-MM-DD")
        return [str(ox.Literal(value.strip()))]
    if kind == "iri":
        default_prefix = p.kind.split(":", 1)[1] if ":" in p.kind else None
        iri = expand_iri(value, default_prefix)
        if iri is None:
            raise QueryError(f"{where}: not an IRI; give a full IRI, or a prefixed name like unit:TB-PER-SEC")
        return [_iri_term(iri, where)]
    if kind == "entity":
        return [_iri_term(iri, where) for iri in resolve_entity(value, store, where)]
    raise QueryError(f"{where}: unknown parameter kind {p.kind}")


def _iri_term(iri: str, where: str) -> str:
    try:
        return str(ox.NamedNode(iri))
    except ValueError as e:
        raise QueryError(f"{where}: not a valid IRI ({e}); percent-encode spaces and <>\"{{}}|^`") from None


def expand_iri(value: str, default_prefix: str | None = None) -> str | None:
    """A full IRI, an expanded prefixed name, a bare name in default_prefix, or None."""
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", value) or value.startswith("urn:"):
        return value
    prefixes = all_prefixes()
    prefix, sep, local = value.partition(":")
    if sep and prefix in prefixes:
        return prefixes[prefix] + local
    if default_prefix and default_prefix in prefixes and value and not sep:
        return prefixes[default_prefix] + value
    return None


def name_variants(name: str) -> list[str]:
    """name as given, in Traditional and in Simplified script (kept in that order, no repeats)."""
    from kg.text import to_simplified, to_traditional
    out = []
    for v in (name.strip(), to_traditional(name.strip()), to_simplified(name.strip())):
        if v and v not in out:
            out.append(v)
    return out


_RESOLVE = """
SELECT DISTINCT ?e WHERE {
  VALUES ?name { %s }
  ?e rdfs:label|skos:prefLabel|skos:altLabel ?label .
  FILTER(LCASE(STR(?label)) = LCASE(?name))
} ORDER BY ?e"""
# the same names as terms: looked up, not compared with every label (which reads each label's
# text: a quarter to half a second at 10,000 articles)
_RESOLVE_EXACT = """
SELECT DISTINCT ?e WHERE {
  VALUES ?label { %s }
  ?e rdfs:label|skos:prefLabel|skos:altLabel ?label .
} ORDER BY ?e"""
#: the language tags labels carry (kg.reference, kg.rdf); a name is looked up with each
LABEL_LANGUAGES = ("zh-hant", "zh-hans", "en", "zh")


def resolve_entity(value: str, store, where: str = "entity") -> list[str]:
    """IRIs of the entity value names: an IRI or id:slug as is, else every entity labelled so."""
    iri = expand_iri(value)
    if iri is not None:
        return [iri]
    if store is None:
        raise QueryError(f"{where}: give the entity as an IRI or id:slug")
    variants = name_variants(value)
    # first the names as labels are usually spelled (as given, lower, upper or title case, in
    # each language): found by lookup; only when none is a label, every label is compared
    # without regard to case
    spellings = list(dict.fromkeys(s for v in variants for s in (v, v.lower(), v.upper(), v.title())))
    labels = " ".join(str(ox.Literal(s, language=lang)) for s in spellings for lang in LABEL_LANGUAGES)
    labels += " " + " ".join(str(ox.Literal(s)) for s in spellings)
    rows = store.query(_RESOLVE_EXACT % labels, use_default_graph_as_union=True, prefixes=all_prefixes())
    found = [row["e"].value for row in rows]
    if not found:
        names = " ".join(str(ox.Literal(v)) for v in variants)
        rows = store.query(_RESOLVE % names, use_default_graph_as_union=True, prefixes=all_prefixes())
        found = [row["e"].value for row in rows]
    if not found:
        slug = all_prefixes()["id"] + value.strip()
        ask = f"ASK {{ {{ {_iri_term(slug, where)} ?p ?o }} UNION {{ ?s ?p {_iri_term(slug, where)} }} }}"
        if NAME_RE.match(value.strip()) and bool(store.query(ask, use_default_graph_as_union=True)):
            return [slug]
        raise QueryError(f"{where}: no entity in the store is called that; check the spelling, "
                         "or look it up with `kg query entity-by-alias --param name=…`")
    return found
