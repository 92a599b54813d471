"""kg.query.checks: what `kg serve` refuses before a query runs, read from the query itself.

The server tests (test_endpoint_attacks) show no connection is made; these show the
check's reading of each spelling, quickly and without a server.
"""
from __future__ import annotations

import pytest

from kg.query.checks import MAX_NESTING, nesting_depth, refused_service, service_targets
from kg.query.saved import all_prefixes, load_saved

WD = "<https://query.wikidata.org/sparql>"


@pytest.mark.parametrize("query, target", [
    (f"SELECT * WHERE {{ SERVICE {WD} {{ ?s ?p ?o }} }}", WD),
    (f"SELECT * WHERE {{ service   silent\n{WD}{{?s ?p ?o}} }}", WD),
    (f"SELECT * WHERE {{ SERVICE # hidden?\n {WD} {{ ?s ?p ?o }} }}", WD),
    (f"SELECT * WHERE {{ \\u0053ERVICE {WD} {{ ?s ?p ?o }} }}", WD),
    ("PREFIX w: <https://query.wikidata.org/> SELECT * WHERE { SERVICE w:sparql { ?s ?p ?o } }", WD),
    (f"SELECT * WHERE {{ {{ SELECT * WHERE {{ OPTIONAL {{ SERVICE {WD} {{ ?s ?p ?o }} }} }} }} }}", WD),
    (f"ASK {{ FILTER NOT EXISTS {{ SERVICE {WD} {{ ?s ?p ?o }} }} }}", WD),
    (f"SELECT * WHERE {{ VALUES ?e {{ {WD} }} SERVICE ?e {{ ?s ?p ?o }} }}", "?e"),
])
def test_every_spelling_of_service_is_found(query, target):
    assert service_targets(query, all_prefixes()) == [target]
    why = refused_service(query, ("example.org",), all_prefixes())
    assert why and why.startswith(f"SERVICE {target}") and "--allow-service" in why


def test_service_words_in_strings_iris_comments_and_names_are_not_service():
    query = ('SELECT ?SERVICE WHERE { ?s <http://x/SERVICE> "SERVICE <http://127.0.0.1/>" . '
             '# SERVICE <http://127.0.0.1/>\n ?s kgo:SERVICE ?SERVICE }')
    assert service_targets(query, all_prefixes()) == []
    assert refused_service(query, (), all_prefixes()) is None


def test_an_allowed_host_passes_and_a_variable_needs_any_host():
    federated = load_saved("wikidata-federated").text
    assert refused_service(federated, ("query.wikidata.org",), all_prefixes()) is None
    assert "query.wikidata.org" in refused_service(federated, (), all_prefixes())
    variable = "SELECT * WHERE { BIND(<https://query.wikidata.org/sparql> AS ?e) SERVICE ?e { ?s ?p ?o } }"
    assert refused_service(variable, ("query.wikidata.org",), all_prefixes())
    assert refused_service(variable, ("*",), all_prefixes()) is None


def test_an_unparsable_query_is_still_scanned():
    broken = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } FILTER( }"
    assert "127.0.0.1" in refused_service(broken, (), all_prefixes())


def test_nesting_hidden_in_escapes_is_counted():
    deep = "SELECT * WHERE " + "\\u007B" * (MAX_NESTING + 1) + "}" * (MAX_NESTING + 1)
    assert nesting_depth(deep) > MAX_NESTING
    assert nesting_depth('SELECT * WHERE { ?s ?p "{{{{{{{{" }') == 1
