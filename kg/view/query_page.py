"""The query page of `kg serve`: an editor, the saved queries with their parameters as a form,
results as a table of labels and as a small graph of the rows' entities.

Two functions, for the server to put behind two routes:

    render_query_page(lang, endpoint="/sparql", queries_url="/queries.json") -> str
        one self-contained HTML page (CodeMirror 5 with its SPARQL mode and vis-network
        inlined: it loads nothing from any other host) that sends queries to `endpoint`
        by the SPARQL 1.1 Protocol (POST, form-encoded, Accept: application/sparql-results+json)
    saved_queries_json(folder=None) -> str
        the saved queries of ontology/queries/ as JSON: name, description, comment, text,
        parameters (name, kind, required, help, default), and the predeclared prefixes

The page binds parameters the way `kg.query.saved.bind` does, as RDF terms in the query's
`VALUES ?name { … }` line, never as text pasted into the query: literals are escaped,
numbers and dates checked, names tried in both scripts, and entity names resolved to IRIs
with a SPARQL query on the same endpoint. So a saved query run from the page and from
`kg query NAME --param …` sends the same SPARQL and gets the same rows.
"""
from __future__ import annotations

import base64
import hashlib
import json
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment

STATIC = Path(__file__).parent / "static"

PAGE_UI: dict[str, dict[str, str]] = {
    "en": {"title": "kg: query the graph", "saved": "Saved queries", "run": "Run", "params": "Parameters",
           "table": "Table", "graph": "Graph", "rows": "{n} rows in {ms} ms", "running": "Running…",
           "required": "required", "viewer": "Graph viewer", "custom": "(your own query)",
           "noEntity": "no entity in the store is called {value}", "missing": "parameter {name} is required",
           "bad": "{name}: {problem}", "empty": "No rows.", "graphNote": "The entities of the rows; each row joins its entities.",
           "true": "true", "false": "false"},
    "zh-Hant": {"title": "kg：查詢圖譜", "saved": "已存查詢", "run": "執行", "params": "參數", "table": "表格",
                "graph": "圖", "rows": "{n} 行，{ms} 毫秒", "running": "執行中…", "required": "必填",
                "viewer": "圖譜瀏覽", "custom": "（自己的查詢）", "noEntity": "圖譜中沒有名為 {value} 的實體",
                "missing": "缺少必填參數 {name}", "bad": "{name}：{problem}", "empty": "沒有結果。",
                "graphNote": "結果中的實體；同一行的實體相連。", "true": "是", "false": "否"},
    "zh-Hans": {"title": "kg：查询图谱", "saved": "已存查询", "run": "执行", "params": "参数", "table": "表格",
                "graph": "图", "rows": "{n} 行，{ms} 毫秒", "running": "执行中…", "required": "必填",
                "viewer": "图谱浏览", "custom": "（自己的查询）", "noEntity": "图谱中没有名为 {value} 的实体",
                "missing": "缺少必填参数 {name}", "bad": "{name}：{problem}", "empty": "没有结果。",
                "graphNote": "结果中的实体；同一行的实体相连。", "true": "是", "false": "否"},
}


def saved_queries_json(folder: Path | None = None) -> str:
    """The saved queries (ontology/queries/, or folder) as the JSON document the page reads."""
    from kg.query.saved import all_prefixes, list_saved
    queries = []
    for q in list_saved(folder):
        queries.append({
            "name": q.name, "description": q.description, "comment": q.comment, "text": q.text,
            "parameters": [{"name": p.name, "kind": p.kind, "baseKind": p.base_kind, "required": p.required,
                            "help": p.help, "default": p.default} for p in q.params.values()],
        })
    return json.dumps({"prefixes": all_prefixes(), "queries": queries}, ensure_ascii=False, indent=1) + "\n"


@lru_cache(maxsize=1)
def script_map() -> dict[str, str]:
    """Every CJK character whose Traditional or Simplified form differs, as two strings of equal
    length per direction, so the page can try a name in both scripts as `kg query` does."""
    from kg.text import to_simplified, to_traditional
    chars = "".join(chr(c) for c in range(0x4E00, 0xA000))
    out = {}
    for key, convert in (("t2s", to_simplified), ("s2t", to_traditional)):
        converted = convert("\n".join(chars)).split("\n")
        # one UTF-16 unit each, so the page can index both strings alike
        pairs = [(a, b) for a, b in zip(chars, converted) if len(b) == 1 and b != a and ord(b) < 0x10000]
        out[key + "From"] = "".join(a for a, _ in pairs)
        out[key + "To"] = "".join(b for _, b in pairs)
    return out


def _read(name: str) -> str:
    return (STATIC / name).read_text(encoding="utf-8")


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def _json_for_script(value) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def render_query_page(lang: str = "zh-Hant", endpoint: str = "/sparql", queries_url: str = "/queries.json",
                      viewer_url: str = "/") -> str:
    """The query page as one HTML string; it talks to endpoint and queries_url on its own host only."""
    from kg.query.saved import all_prefixes
    from kg.view.html import _vis_library
    vis_js, vis_css = _vis_library()
    cm_js, cm_css = _read("codemirror/codemirror-sparql.min.js"), _read("codemirror/codemirror.min.css")
    page_js, page_css = _read("query/query-page.js"), _read("query/query-page.css")
    ui = PAGE_UI.get(lang, PAGE_UI["zh-Hant"])
    config = {"lang": lang, "endpoint": endpoint, "queries": queries_url, "ui": ui, "scripts": script_map(),
              "prefixes": all_prefixes()}
    csp = (f"default-src 'none'; script-src {_hash(cm_js)} {_hash(vis_js)} {_hash(page_js)}; "
           "style-src 'unsafe-inline'; img-src data:; font-src data:; connect-src 'self'; "
           "base-uri 'none'; form-action 'none'; frame-src 'none'; object-src 'none'")
    template = _read("query/query-page.html")
    return Environment(autoescape=True).from_string(template).render(
        lang=lang, ui=ui, csp=csp, cm_css=cm_css, vis_css=vis_css, page_css=page_css, cm_js=cm_js, vis_js=vis_js,
        page_js=page_js, config_json=_json_for_script(config), viewer_url=viewer_url)


__all__ = ["render_query_page", "saved_queries_json"]
