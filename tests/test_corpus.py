"""Reading articles: front matter present, absent, malformed; bad files get clear errors."""
from __future__ import annotations

import pytest

from kg.corpus import discover, read_article
from kg.errors import CorpusError, EmptyArticleError, EncodingError, FrontMatterError

from conftest import run_kg


def write(path, content: str | bytes):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_front_matter_fields_and_unknown_keys(tmp_path):
    p = write(tmp_path / "a.md", "---\ntitle: 測試標題\nurl: https://example.com/a\npublisher: 測試社\n"
                                 "published: 2025-03-04\nlanguage: zh-Hant\nauthors: [王小明, 李四]\n"
                                 "section: 科技\n---\n英偉達發布新芯片。\n")
    art = read_article(p)
    assert art.title == "測試標題"
    assert art.published == "2025-03-04"
    assert art.authors == ("王小明", "李四")
    assert art.extra == {"section": "科技"}
    assert art.text == "英偉達發布新芯片。\n"


def test_year_month_published(tmp_path):
    art = read_article(write(tmp_path / "a.md", "---\npublished: 2024-11\n---\n正文。\n"))
    assert art.published == "2024-11"


def test_no_front_matter(tmp_path):
    art = read_article(write(tmp_path / "b.txt", "华为发布昇腾芯片。\n"))
    assert art.title is None and art.published is None and art.text.startswith("华为")


@pytest.mark.parametrize("content, fragment", [
    ("---\ntitle: [unclosed\n---\n正文\n", "malformed YAML front matter"),
    ("---\ntitle: x\n正文沒有結束\n", "never closed"),
    ("---\n- a\n- b\n---\n正文\n", "must be a mapping"),
    ("---\npublished: 9 December\n---\n正文\n", "not an ISO date"),
    ("---\nauthors: {a: 1}\n---\n正文\n", "'authors' must be a list"),
])
def test_malformed_front_matter_names_the_file(tmp_path, content, fragment):
    p = write(tmp_path / "bad.md", content)
    with pytest.raises(FrontMatterError) as e:
        read_article(p)
    assert "bad.md" in str(e.value) and fragment in str(e.value)


def test_empty_binary_and_misencoded_files(tmp_path):
    with pytest.raises(EmptyArticleError):
        read_article(write(tmp_path / "empty.txt", "  \n"))
    with pytest.raises(EncodingError, match="binary"):
        read_article(write(tmp_path / "bin.txt", b"\x89PNG\x00\x00\x01"))
    with pytest.raises(EncodingError, match="not UTF-8"):
        read_article(write(tmp_path / "latin.txt", "Café à la crème, naïve façade.".encode("latin-1")))


def test_discover_finds_articles_and_rejects_missing_paths(tmp_path):
    write(tmp_path / "c/x.md", "一")
    write(tmp_path / "c/sub/y.txt", "二")
    write(tmp_path / "c/.hidden/z.txt", "三")
    write(tmp_path / "c/notes.json", "{}")
    found = [p.name for p in discover([tmp_path / "c"])]
    assert found == ["y.txt", "x.md"] or sorted(found) == ["x.md", "y.txt"]
    with pytest.raises(CorpusError, match="no such file"):
        discover([tmp_path / "missing"])


def test_cli_bad_file_one_line_error_and_store_untouched(tmp_path):
    good = write(tmp_path / "c/good.md", "英偉達發布H200芯片。\n")
    store = tmp_path / "store"
    run_kg("ingest", str(tmp_path / "c"), store=store)
    before = run_kg("export", "--format", "nquads", store=store).stdout
    write(tmp_path / "c/bad.md", "---\ntitle: [oops\n---\n正文\n")
    good.write_text("英偉達發布H20芯片。\n", encoding="utf-8")
    proc = run_kg("ingest", str(tmp_path / "c"), store=store, check=False)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "bad.md" in lines[0] and "front matter" in lines[0]
    assert run_kg("export", "--format", "nquads", store=store).stdout == before


def test_symlinks_inside_are_followed_outside_skipped_dangling_and_loops_reported(tmp_path):
    corpus = tmp_path / "corpus"
    write(corpus / "a.md", "一。")
    write(corpus / "sub/b.md", "二。")
    write(tmp_path / "outside/secret.md", "外。")
    (corpus / "inside-link.md").symlink_to(corpus / "sub/b.md")           # same file as sub/b.md
    (corpus / "sub-link").symlink_to(corpus / "sub")                      # same folder again
    (corpus / "leak.md").symlink_to(tmp_path / "outside/secret.md")
    (corpus / "leak-dir").symlink_to(tmp_path / "outside")
    (corpus / "dangling.md").symlink_to(tmp_path / "nowhere.md")
    (corpus / "loop1.md").symlink_to(corpus / "loop2.md")
    (corpus / "loop2.md").symlink_to(corpus / "loop1.md")
    (corpus / "sub/up").symlink_to(corpus)                                # a folder loop
    warnings: list[str] = []
    found = [p.relative_to(corpus).as_posix() for p in discover([corpus], warn=warnings.append)]
    assert found == ["a.md", "sub/b.md"]
    text = "\n".join(warnings)
    assert "leak.md: symbolic link leaves the corpus folder" in text and "--follow-links" in text
    assert "leak-dir: symbolic link leaves the corpus folder" in text
    assert "dangling.md: dangling symbolic link" in text
    assert "loop1.md: symbolic link loop" in text and "loop2.md: symbolic link loop" in text
    assert "up: link to a folder already searched" in text
    followed = [p.relative_to(corpus).as_posix() for p in discover([corpus], follow_links=True, warn=warnings.append)]
    assert len(followed) == 3 and ("leak.md" in followed) != ("leak-dir/secret.md" in followed)  # one file, once


def test_cli_skips_a_link_to_a_file_outside_the_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    write(corpus / "a.md", "曜芯科技發布S9晶片。\n")
    write(tmp_path / "private/passwd.md", "root:x:0:0:root:/root:/bin/bash\n")
    (corpus / "passwd.md").symlink_to(tmp_path / "private/passwd.md")
    proc = run_kg("ingest", "--dry-run", str(corpus), store=tmp_path / "store")
    assert "passwd.md: symbolic link leaves the corpus folder" in proc.stderr
    assert "add\t" + str(corpus / "a.md") in proc.stdout and "passwd" not in proc.stdout
    proc = run_kg("ingest", "--dry-run", "--follow-links", str(corpus), store=tmp_path / "store")
    assert "passwd.md" in proc.stdout
