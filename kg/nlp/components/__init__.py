"""Our spaCy components, each registered as a factory when its module is imported."""
from kg.nlp.components import (dates, known_entities, new_entities, quantities, relations,  # noqa: F401
                               sentences, statements)
from kg.nlp.components import lac_tagger  # noqa: F401
