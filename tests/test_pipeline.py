"""The spaCy pipeline on our own sentences, in both scripts, and built on a trained pipeline."""
from __future__ import annotations

import spacy

from kg.nlp import make_nlp


def ents(doc):
    return {(doc.text[s._.kg["start"]:s._.kg["end"]], s._.kg["key"]) for s in doc.spans["kg_entities"] if s._.kg}


def test_same_entities_in_traditional_and_simplified(nlp):
    hant = nlp("輝達執行長黃仁勳表示，台積電將為輝達生產H200晶片。")
    hans = nlp("英伟达首席执行官黄仁勋表示，台积电将为英伟达生产H200芯片。")
    keys = lambda d: {k for _, k in ents(d)}
    assert {"nvidia", "jensen-huang", "tsmc"} <= keys(hant)
    assert keys(hant) == keys(hans)


def test_offsets_stay_in_the_original_text(nlp):
    text = "據悉，臺積電與英偉達在亞利桑那州合作。"
    doc = nlp(text)
    for surface, key in ents(doc):
        assert surface in text
    assert ("臺積電", "tsmc") in ents(doc)


def test_h20_and_h200_stay_apart(nlp):
    doc = nlp("H200的性能是H20的6倍。")
    keys = [k for _, k in sorted(ents(doc))]
    assert len(set(keys)) == 2


def test_unknown_chip_models_are_discovered(nlp):
    doc = nlp("新創公司發布了XG720加速卡，性能超過對手的ZT90。")
    found = {surface for surface, _ in ents(doc)}
    assert {"XG720", "ZT90"} <= found


def test_pipeline_is_a_real_spacy_pipeline(nlp):
    assert nlp.pipe_names[:2] == ["kg_sentences", "kg_known_entities"]
    docs = list(nlp.pipe(["美國商務部發布新規。", "華為發布新芯片。"]))
    assert len(docs) == 2 and all(len(list(d.sents)) == 1 for d in docs)
    assert all(d.ents for d in docs)


def test_builds_on_a_trained_pipeline(tmp_path):
    """A user's own pipeline (here: a tiny one with an entity ruler) runs first; ours adds to it."""
    own = spacy.blank("zh")
    ruler = own.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "ORG", "pattern": "星河微電子"}])
    path = tmp_path / "my_pipeline"
    own.to_disk(path)
    nlp = make_nlp(base=str(path))
    assert "entity_ruler" in nlp.pipe_names and "kg_relations" in nlp.pipe_names
    doc = nlp("星河微電子與英偉達簽約")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("星河微電子") == "ORG"
    assert any(s._.kg and s._.kg["key"] == "nvidia" for s in doc.spans["kg_entities"])


def test_similar_names_stay_apart(nlp):
    doc = nlp("華為雲採用華為自研的昇騰910C，而英偉達的H20與H200是兩款不同產品。")
    keys = {s._.kg["key"] for s in doc.spans["kg_entities"] if s._.kg}
    assert {"huawei", "huawei-cloud", "nvidia-h20", "nvidia-h200", "huawei-ascend-910c"} <= keys


def test_a_family_and_its_chip_resolve(nlp):
    for text in ("華為昇騰910C性能強勁。", "昇腾910C性能强劲。", "910C性能強勁。", "Ascend 910C is fast."):
        doc = nlp(text)
        keys = {s._.kg["key"] for s in doc.spans["kg_entities"] if s._.kg}
        assert "huawei-ascend-910c" in keys, text


def test_users_extend_the_reference_data_with_turtle(tmp_path):
    """A Turtle file dropped into ontology/reference/ is known on the next run."""
    import shutil
    from conftest import ROOT, run_kg
    onto = tmp_path / "ontology"
    shutil.copytree(ROOT / "ontology", onto)
    (onto / "reference" / "mine.ttl").write_text("""
@prefix kgo: <https://w3id.org/aichip-kg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://w3id.org/aichip-kg/id/lingxi-semi> a kgo:Company ;
    rdfs:label "靈犀半導體"@zh-Hant, "灵犀半导体"@zh-Hans, "Lingxi Semiconductor"@en ;
    skos:altLabel "靈犀"@zh-Hant .
""", encoding="utf-8")
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.md").write_text("靈犀宣布量產新一代晶片。\n", encoding="utf-8")
    store = tmp_path / "s"
    run_kg("ingest", str(tmp_path / "c"), store=store, env={"KG_ONTOLOGY": str(onto)})
    out = run_kg("query", "SELECT ?e WHERE { ?a schema:mentions ?e }", "--format", "csv", store=store,
                 env={"KG_ONTOLOGY": str(onto)}).stdout
    assert "id/lingxi-semi" in out
