"""Building the spaCy pipeline: from our config, or on top of a trained pipeline."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

import kg.nlp.components  # noqa: F401  (registers our factories)
import kg.nlp.spans  # noqa: F401
import kg.nlp.tokenizer  # noqa: F401  (registers kg.ZhTokenizer.v1)
from kg.errors import PipelineError

DEFAULT_CONFIG = Path(__file__).with_name("config.cfg")
OUR_COMPONENTS = ["kg_sentences", "kg_known_entities", "kg_lac", "kg_new_entities", "kg_dates", "kg_quantities",
                  "kg_relations", "kg_statements"]


@lru_cache(maxsize=4)
def make_nlp(config: str | None = None, base: str | None = None) -> Language:
    """The pipeline, built once per process.

    config: a spaCy config file (default: kg/nlp/config.cfg).
    base:   an installed pipeline's package name or path (say a trained Chinese NER);
            our components are added after its own, and its entities are kept where
            they do not collide with known names.
    """
    try:
        if base:
            nlp = spacy.load(base)
            if "kg_sentences" not in nlp.pipe_names and not nlp.has_pipe("parser") and not nlp.has_pipe("senter"):
                nlp.add_pipe("kg_sentences")
            for name in OUR_COMPONENTS[1:]:
                if name not in nlp.pipe_names:
                    nlp.add_pipe(name)
            return nlp
        cfg = spacy.util.load_config(config or DEFAULT_CONFIG)
        return spacy.util.load_model_from_config(cfg, auto_fill=True)
    except (OSError, ValueError, KeyError) as e:
        where = base or config or DEFAULT_CONFIG
        raise PipelineError(f"cannot build the NLP pipeline from {where}: {str(e).splitlines()[0]}") from e
