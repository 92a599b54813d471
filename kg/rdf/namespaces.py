"""The namespaces kg emits; every kgo: term used here is declared in ontology/kg.ttl."""
from rdflib import Namespace
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD  # noqa: F401

BASE = "https://w3id.org/aichip-kg/"
KGO = Namespace(BASE + "ontology#")
ID = Namespace(BASE + "id/")
UNIT = Namespace(BASE + "unit/")
GRAPH = Namespace(BASE + "graph/")
SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")

ONTOLOGY_GRAPH = GRAPH["ontology"]
REFERENCE_GRAPH = GRAPH["reference"]
ARTICLE_GRAPHS = GRAPH["article/"]

PREFIXES = {"kgo": KGO, "id": ID, "unit": UNIT, "schema": SCHEMA, "oa": OA, "prov": PROV, "skos": SKOS,
            "owl": OWL, "rdfs": RDFS, "xsd": XSD, "wd": WD, "wdt": WDT}
ENTITIES_GRAPH = GRAPH["entities"]
