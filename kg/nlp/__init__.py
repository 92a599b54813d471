"""The NLP stage: text → spaCy `Doc` with entities, dates, amounts and relations."""
from kg.nlp.pipeline import make_nlp

__all__ = ["make_nlp"]
