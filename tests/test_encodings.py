"""Chinese text in the encodings it travels in: Big5, GB18030/GBK, UTF-16 with a BOM.

A copy of the corpus article in each encoding must give the graph the UTF-8 one gives,
apart from the file's hash and the recorded encoding (kgo:sourceEncoding).
"""
from __future__ import annotations

import pytest

from kg.corpus import read_article
from kg.errors import EncodingError

from conftest import CORPUS_ARTICLE, ROOT, run_kg

SAMPLES = {
    "zh-Hant": "星河科技今日發表XG-720晶片。東岳半導體負責代工，預計明年量產。",
    "zh-Hans": "星河科技今日发布XG-720芯片。东岳半导体负责代工，预计明年量产。",
}


@pytest.mark.parametrize("codec, script, recorded", [
    ("big5", "zh-Hant", "big5hkscs"), ("big5hkscs", "zh-Hant", "big5hkscs"), ("gb18030", "zh-Hans", "gb18030"),
    ("gbk", "zh-Hans", "gb18030"), ("gb18030", "zh-Hant", "gb18030"), ("utf-16", "zh-Hant", "utf-16-le"),
    ("utf-8-sig", "zh-Hans", "utf-8"),
])
def test_detected_encodings(tmp_path, codec, script, recorded):
    text = SAMPLES[script]
    path = tmp_path / "a.md"
    path.write_bytes(f"---\ntitle: 標題\n---\n{text}\n".encode(codec))
    art = read_article(path)
    assert art.text == text + "\n" and art.title == "標題" and art.encoding == recorded


def test_encoding_named_in_front_matter_or_on_the_command_line(tmp_path):
    text = SAMPLES["zh-Hant"]
    declared = tmp_path / "declared.md"
    declared.write_bytes(f"---\nencoding: big5\ntitle: 標題\n---\n{text}\n".encode("big5"))
    art = read_article(declared)
    assert art.encoding == "big5" and art.text == text + "\n" and "encoding" not in art.extra
    given = tmp_path / "given.txt"
    given.write_bytes(text.encode("gb18030"))
    assert read_article(given, "gb18030").encoding == "gb18030"
    with pytest.raises(EncodingError, match="not valid big5"):
        read_article(given, "big5")


def test_utf16_without_bom_is_refused_in_one_line(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(SAMPLES["zh-Hant"].encode("utf-16-le"))
    with pytest.raises(EncodingError, match="byte-order mark"):
        read_article(path)


def without_file_specifics(nquads: str) -> list[str]:
    return sorted(line for line in nquads.splitlines() if "#contentHash>" not in line and "#sourceEncoding>" not in line)


def test_corpus_article_in_big5_gb18030_and_utf16_gives_the_same_graph(corpus_store, tmp_path):
    text = (ROOT / CORPUS_ARTICLE).read_text(encoding="utf-8")
    expected = without_file_specifics(run_kg("export", "--format", "nquads", store=corpus_store).stdout)
    for codec, recorded in (("big5hkscs", "big5hkscs"), ("gb18030", "gb18030"), ("utf-16", "utf-16-le")):
        folder = tmp_path / codec
        (folder / "corpus").mkdir(parents=True)
        (folder / CORPUS_ARTICLE).write_bytes(text.encode(codec))
        store = folder / "store"
        run_kg("ingest", "corpus/", store=store, cwd=folder)
        got = run_kg("export", "--format", "nquads", store=store).stdout
        assert f'#sourceEncoding> "{recorded}"' in got
        assert without_file_specifics(got) == expected, codec
