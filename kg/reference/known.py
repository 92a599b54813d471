"""Loading the reference data: CSV and Turtle files in `ontology/reference/`.

Both formats become `KnownEntity` records, so the extractor sees one list whatever the
file a user dropped in. Loaded once per process (`load_reference` is cached).
"""
from __future__ import annotations

import csv
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.errors import PipelineError, ReferenceDataError
from kg.text import fold, script_of

ID_BASE = "https://w3id.org/aichip-kg/id/"
ONTOLOGY_BASE = "https://w3id.org/aichip-kg/ontology#"

#: class local name -> coarse label used on spaCy entity spans
CLASS_LABEL = {
    "Organization": "ORG", "Company": "ORG", "GovernmentAgency": "ORG", "Legislature": "ORG",
    "ResearchInstitute": "ORG", "MediaOrganization": "ORG", "StockExchange": "ORG",
    "InternationalOrganization": "ORG", "University": "ORG",
    "Person": "PERSON",
    "Product": "PRODUCT", "Chip": "PRODUCT", "ChipFamily": "PRODUCT", "AIModel": "PRODUCT",
    "CloudService": "PRODUCT",
    "Place": "GPE", "Country": "GPE", "AdministrativeRegion": "GPE", "City": "GPE", "GeoRegion": "LOC",
    "Policy": "LAW", "Law": "LAW", "ExportDecision": "LAW",
    "Event": "EVENT",
}
#: CSV column -> ontology property for the entity's reference facts
FACT_COLUMNS = {"developer": "developer", "manufacturer": "manufacturer", "parent": "parentOrganization",
                "country": "country"}
#: the properties of reference facts, as KnownEntity.facts names them (FACT_COLUMNS, with a chip's
#: parent read as its series and a person's country as a citizenship)
FACT_PROPERTIES = ("developer", "manufacturer", "parentOrganization", "partOfSeries", "country", "citizenship")
#: role column value -> property from the organisation (or country) to the person, or inverse
ROLE_PROPERTY = {"ceo": "chiefExecutiveOfficer", "head_of_state": "headOfState",
                 "head_of_government": "headOfGovernment", "founder": "foundedBy", "director": "director"}
REQUIRED = ("id", "class")


@dataclass(frozen=True)
class KnownEntity:
    """One entity of the reference data, script-neutral enough to match any spelling."""

    id: str                                  # slug; IRI is ID_BASE + id
    cls: str                                 # ontology class local name
    labels: tuple[tuple[str, str], ...]      # (language tag, preferred label)
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    facts: tuple[tuple[str, str], ...] = ()  # (property, other id); "^property": the other is the subject
    source: str | None = None

    @property
    def coarse(self) -> str:
        return CLASS_LABEL.get(self.cls, "ORG")

    def names(self) -> list[str]:
        """Every spelling, preferred labels first."""
        seen: dict[str, None] = {}
        for _, text in self.labels:
            seen.setdefault(text, None)
        for a in self.aliases:
            seen.setdefault(a, None)
        return list(seen)

    def label_for(self, lang: str) -> str | None:
        for tag, text in self.labels:
            if tag == lang:
                return text
        return None


@dataclass
class ReferenceData:
    entities: dict[str, KnownEntity] = field(default_factory=dict)
    files: tuple[str, ...] = ()

    def __iter__(self):
        return iter(self.entities[k] for k in sorted(self.entities))

    def __len__(self) -> int:
        return len(self.entities)

    def get(self, entity_id: str) -> KnownEntity | None:
        return self.entities.get(entity_id)


def lexicon_file(name: str) -> Path:
    """A cue lexicon of ontology/lexicon: the ontology in use's own, else the one beside the
    package (an ontology folder of one's own need not copy every lexicon to keep kg reading
    figures and clauses as it does)."""
    own = ontology_dir() / "lexicon" / name
    return own if own.exists() else Path(__file__).resolve().parents[2] / "ontology" / "lexicon" / name


@lru_cache(maxsize=4)
def country_shorthand(path: str) -> dict[str, str]:
    """Folded shorthand (美商, 日企) → country id, from ontology/lexicon/country-shorthand.csv; none
    where the ontology in use has no such file; a bad row is a one-line error naming the file and line.
    Extraction reads its X商 and X籍 words, the gazetteer the one-character shorthand they open with."""
    out: dict[str, str] = {}
    if not Path(path).exists():
        return out
    with open(path, encoding="utf-8", newline="") as f:
        for line, r in enumerate(csv.DictReader(f), start=2):
            words, country = (r.get("shorthand") or "").strip(), (r.get("country") or "").strip()
            if not words or not country or not all(2 <= len(w) <= 3 for w in words.split("|")):
                raise PipelineError(f"{path}:{line}: bad country shorthand row: words of 2 or 3 characters joined "
                                    f"by | and a country's id are needed")
            out.update((fold(w), country) for w in words.split("|"))
    return out


def ontology_dir() -> Path:
    """The ontology folder: $KG_ONTOLOGY, else ./ontology, else the one beside the package."""
    env = os.environ.get("KG_ONTOLOGY")
    if env:
        return Path(env)
    here = Path.cwd() / "ontology"
    if (here / "kg.ttl").is_file():
        return here
    return Path(__file__).resolve().parents[2] / "ontology"


@lru_cache(maxsize=8)
def load_reference(folder: str | None = None) -> ReferenceData:
    """Every entity in folder's *.csv and *.ttl files (default: ontology/reference)."""
    base = Path(folder) if folder else ontology_dir() / "reference"
    if not base.is_dir():
        raise ReferenceDataError(f"{base}: reference data folder not found (set KG_ONTOLOGY to the ontology folder)")
    data = ReferenceData()
    files = sorted(p for p in base.iterdir() if p.suffix in (".csv", ".ttl") and p.is_file())
    for path in files:
        records = _read_csv(path) if path.suffix == ".csv" else _read_turtle(path)
        for rec in records:
            if rec.id in data.entities:
                raise ReferenceDataError(f"{path}: entity id '{rec.id}' is defined twice (ids are unique across files)")
            data.entities[rec.id] = rec
    data.files = tuple(str(p) for p in files)
    _check_targets(data)
    return data


def _read_csv(path: Path) -> list[KnownEntity]:
    out = []
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
        if missing:
            raise ReferenceDataError(f"{path}: missing column(s) {', '.join(missing)} in the header row")
        for line, row in enumerate(reader, start=2):
            row = {k: (v or "").strip() for k, v in row.items() if k}
            if not row.get("id"):
                continue
            cls = row["class"]
            if cls not in CLASS_LABEL:
                raise ReferenceDataError(f"{path}:{line}: unknown class '{cls}' (see ontology/reference/README.md)")
            labels = tuple((lang, row[col]) for lang, col in (("en", "en"), ("zh-Hant", "zh_hant"), ("zh-Hans", "zh_hans"))
                           if row.get(col))
            if not labels:
                raise ReferenceDataError(f"{path}:{line}: entity '{row['id']}' has no name (fill en, zh_hant or zh_hans)")
            aliases = tuple(a.strip() for a in row.get("aliases", "").split("|") if a.strip())
            # a chip's "parent" is the family it belongs to (P179), an organisation's its owner (P749)
            series = cls in ("Chip", "ChipFamily", "Product", "AIModel", "CloudService")
            # a person's "country" is a citizenship (P27), an organisation's a country (P17)
            facts = [("partOfSeries" if series and prop == "parentOrganization" else
                      "citizenship" if cls == "Person" and prop == "country" else prop, target.strip())
                     for col, prop in FACT_COLUMNS.items() for target in row.get(col, "").split("|") if target.strip()]
            role, role_of = row.get("role", ""), row.get("role_of", "")
            if role_of and role in ROLE_PROPERTY:
                # "^" marks a fact stated from the other side: the organisation's CEO is this person
                facts.append((f"^{ROLE_PROPERTY[role]}", role_of))
            elif role_of and role:
                facts.append(("post", role_of))  # a minister's ministry: whose 商務部 the title before him names
            wikidata = row.get("wikidata") or None
            if wikidata and not (wikidata.startswith("Q") and wikidata[1:].isdigit()):
                raise ReferenceDataError(f"{path}:{line}: wikidata '{wikidata}' is not an item id like Q182477")
            out.append(KnownEntity(id=row["id"], cls=cls, labels=labels, aliases=aliases, wikidata=wikidata,
                                   facts=tuple(facts), source=row.get("source") or None))
    return out


def _read_turtle(path: Path) -> list[KnownEntity]:
    """Entities typed with a kg class in a user's Turtle file."""
    import rdflib
    from rdflib.namespace import OWL, RDF, RDFS, SKOS

    g = rdflib.Graph()
    try:
        g.parse(path, format="turtle")
    except Exception as e:  # rdflib raises many parser types
        raise ReferenceDataError(f"{path}: not valid Turtle: {str(e).splitlines()[0]}") from e
    out = []
    for s, o in sorted(g.subject_objects(RDF.type)):
        if not str(o).startswith(ONTOLOGY_BASE) or not isinstance(s, rdflib.URIRef):
            continue
        cls = str(o)[len(ONTOLOGY_BASE):]
        if cls not in CLASS_LABEL:
            continue
        iri = str(s)
        ident = iri[len(ID_BASE):] if iri.startswith(ID_BASE) else iri
        labels, aliases = [], []
        for lit in sorted(set(g.objects(s, RDFS.label)) | set(g.objects(s, SKOS.prefLabel))):
            labels.append((lit.language or script_of(str(lit)), str(lit)))
        for lit in sorted(g.objects(s, SKOS.altLabel)):
            aliases.append(str(lit))
        wikidata = None
        for same in g.objects(s, OWL.sameAs):
            if str(same).startswith("http://www.wikidata.org/entity/Q"):
                wikidata = str(same).rsplit("/", 1)[-1]
        facts = []
        for prop in FACT_PROPERTIES:
            for obj in g.objects(s, rdflib.URIRef(ONTOLOGY_BASE + prop)):
                facts.append((prop, str(obj)[len(ID_BASE):] if str(obj).startswith(ID_BASE) else str(obj)))
        if not labels:
            raise ReferenceDataError(f"{path}: {iri} has no rdfs:label")
        out.append(KnownEntity(id=ident, cls=cls, labels=tuple(labels), aliases=tuple(aliases),
                               wikidata=wikidata, facts=tuple(sorted(facts)), source=str(path.name)))
    return out


def _check_targets(data: ReferenceData) -> None:
    for ent in data.entities.values():
        for prop, target in ent.facts:
            if target not in data.entities:
                raise ReferenceDataError(
                    f"reference entity '{ent.id}': {prop.lstrip('^')} '{target}' is not a known entity id")
