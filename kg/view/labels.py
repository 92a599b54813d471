"""Words the viewer shows that the store does not hold: language fallbacks, metric names,
number formatting, node styles and the page's own interface strings.

They live here, not in the ontology, because they are presentation: the graph stores
`fp16-performance` and 57000000000; a reader wants "FP16" and "570億".
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from kg.text import to_simplified, to_traditional

LANGS = ("zh-Hant", "zh-Hans", "en")

#: Oxigraph lower-cases language tags; these map any tag we meet to the three we show.
_TAGS = {"zh-hant": "zh-Hant", "zh-tw": "zh-Hant", "zh-hk": "zh-Hant", "zh-mo": "zh-Hant",
         "zh-hans": "zh-Hans", "zh-cn": "zh-Hans", "zh-sg": "zh-Hans", "zh": "zh-Hans", "en": "en"}


def canonical_tag(tag: str | None) -> str:
    """'zh-hant' → 'zh-Hant'; en-GB → 'en'; '' for untagged literals; other tags kept lower-case."""
    if not tag:
        return ""
    t = tag.lower()
    if t in _TAGS:
        return _TAGS[t]
    if t.startswith("en-"):
        return "en"
    if t.startswith("zh-hant") or t.startswith("zh-tw") or t.startswith("zh-hk"):
        return "zh-Hant"
    if t.startswith("zh"):
        return "zh-Hans"
    return t


def pick_label(labels: dict[str, str], lang: str, fallback: str) -> str:
    """The label to show in lang, falling back the way a reader of lang would want.

    A Chinese reader gets the other script converted (摩尔线程 → 摩爾線程) before English;
    an English reader gets English, then the name as written. labels maps canonical tag → text.
    """
    if labels.get(lang):
        return labels[lang]
    if lang == "zh-Hant" and labels.get("zh-Hans"):
        return to_traditional(labels["zh-Hans"])
    if lang == "zh-Hans" and labels.get("zh-Hant"):
        return to_simplified(labels["zh-Hant"])
    order = ("en", "", "zh-Hant", "zh-Hans") if lang != "en" else ("", "zh-Hant", "zh-Hans")
    for tag in order:
        if labels.get(tag):
            return labels[tag]
    for text in labels.values():
        if text:
            return text
    return fallback


def metric_label(metric: str, lang: str) -> str:
    """The label of what a measurement measures (ontology/lexicon/metrics.csv)."""
    from kg.nlp.metrics import metric_labels
    names = metric_labels().get(metric)
    if names is None:
        return metric.replace("-", " ")
    return names[{"en": 0, "zh-Hant": 1, "zh-Hans": 2}.get(lang, 1)]


_SCALES = {
    "en": ((Decimal(10) ** 12, " trillion"), (Decimal(10) ** 9, " billion"), (Decimal(10) ** 6, " million")),
    "zh-Hant": ((Decimal(10) ** 12, "萬億"), (Decimal(10) ** 8, "億"), (Decimal(10) ** 4, "萬")),
    "zh-Hans": ((Decimal(10) ** 12, "万亿"), (Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万")),
}


def format_value(text: str, lang: str) -> str:
    """57000000000 → '570億' (zh) or '57 billion' (en); small numbers as written."""
    try:
        value = Decimal(text)
    except (InvalidOperation, ValueError):
        return text
    for scale, word in _SCALES.get(lang, _SCALES["zh-Hant"]):
        if abs(value) >= scale and value % (scale / 100) == 0:
            return _plain(value / scale) + word
    return _plain(value)


def _plain(value: Decimal) -> str:
    if value == value.to_integral_value():
        return f"{int(value):,}" if abs(value) >= 10000 else str(int(value))
    return format(value.normalize(), "f")


# Coarse groups: colour and vis-network shape per group, so type reads without colour too.
GROUP_STYLE: dict[str, tuple[str, str, str]] = {   # group → (colour, vis shape, legend glyph)
    "ORG": ("#4e79a7", "dot", "●"), "PERSON": ("#f28e2b", "triangle", "▲"), "PRODUCT": ("#59a14f", "diamond", "◆"),
    "PLACE": ("#76b7b2", "square", "■"), "POLICY": ("#e15759", "hexagon", "⬢"), "EVENT": ("#b07aa1", "triangleDown", "▼"),
    "STATEMENT": ("#d7d2cb", "box", "▭"), "MEASUREMENT": ("#f1ce63", "box", "▭"), "OTHER": ("#9c9c9c", "dot", "●"),
}
GROUP_OF_CLASS = {
    "Organization": "ORG", "Company": "ORG", "GovernmentAgency": "ORG", "Legislature": "ORG",
    "ResearchInstitute": "ORG", "MediaOrganization": "ORG", "StockExchange": "ORG",
    "InternationalOrganization": "ORG", "University": "ORG", "Person": "PERSON", "Product": "PRODUCT",
    "Chip": "PRODUCT", "ChipFamily": "PRODUCT", "AIModel": "PRODUCT", "CloudService": "PRODUCT", "Place": "PLACE",
    "Country": "PLACE", "GeoRegion": "PLACE", "AdministrativeRegion": "PLACE", "City": "PLACE", "Policy": "POLICY",
    "Law": "POLICY", "ExportDecision": "POLICY", "Event": "EVENT", "Statement": "STATEMENT",
    "Measurement": "MEASUREMENT", "Quantity": "MEASUREMENT",
}

# The page's own words, per language.
UI: dict[str, dict[str, str]] = {
    "en": {"title": "kg: AI-chip news graph", "search": "Find an entity by any name…", "types": "Entity types",
           "relations": "Relations", "roles": "Statement roles", "articles": "Articles", "dates": "Dates",
           "from": "from", "to": "to", "undated": "keep undated facts", "reset": "Show all",
           "shown": "{n} of {total} nodes, {e} of {etotal} edges shown", "evidence": "Evidence",
           "names": "Names", "type": "Type", "links": "Connections", "statements": "Statements", "source": "Source",
           "reference": "reference data", "no_match": "No entity has that name", "hidden": "hidden by the filters",
           "rule": "rule", "confidence": "confidence", "open": "open article", "more": "{n} more not shown",
           "physics": "physics", "focus": "Neighbourhood of {label} ({hops} hops)", "iri": "IRI",
           "relation": "Relation", "articles_n": "{n} articles", "hint": "Click a node or an edge for its facts and evidence."},
    "zh-Hant": {"title": "kg：AI晶片新聞圖譜", "search": "以任何名稱搜尋實體…", "types": "實體類型", "relations": "關係",
                "roles": "陳述角色", "articles": "文章", "dates": "日期", "from": "從", "to": "至",
                "undated": "保留無日期的事實", "reset": "全部顯示", "shown": "顯示 {n}/{total} 個節點、{e}/{etotal} 條邊",
                "evidence": "證據", "names": "名稱", "type": "類型", "links": "關聯", "statements": "陳述", "source": "來源",
                "reference": "參考資料", "no_match": "沒有這個名稱的實體", "hidden": "已被篩選隱藏", "rule": "規則",
                "confidence": "置信度", "open": "開啟文章", "more": "另有 {n} 條未顯示", "physics": "物理模擬",
                "focus": "{label} 的鄰域（{hops} 跳）", "iri": "IRI", "relation": "關係", "articles_n": "{n} 篇文章",
                "hint": "點擊節點或邊，查看其事實與證據。"},
    "zh-Hans": {"title": "kg：AI芯片新闻图谱", "search": "以任何名称搜索实体…", "types": "实体类型", "relations": "关系",
                "roles": "陈述角色", "articles": "文章", "dates": "日期", "from": "从", "to": "至",
                "undated": "保留无日期的事实", "reset": "全部显示", "shown": "显示 {n}/{total} 个节点、{e}/{etotal} 条边",
                "evidence": "证据", "names": "名称", "type": "类型", "links": "关联", "statements": "陈述", "source": "来源",
                "reference": "参考资料", "no_match": "没有这个名称的实体", "hidden": "已被筛选隐藏", "rule": "规则",
                "confidence": "置信度", "open": "打开文章", "more": "另有 {n} 条未显示", "physics": "物理模拟",
                "focus": "{label} 的邻域（{hops} 跳）", "iri": "IRI", "relation": "关系", "articles_n": "{n} 篇文章",
                "hint": "点击节点或边，查看其事实与证据。"},
}

# Words of the toolbar, legend and panel added with the entity-first view, per language.
UI["en"].update({
    "legend": "Legend", "fit": "Fit to screen", "relayout": "Re-layout", "entities_only": "entities only",
    "show_all": "Show all entities", "overview": "Back to overview", "all": "all", "none": "none",
    "facts": "Facts", "mentions": "Mentions", "mentions_note": "sentences that name it, stating no fact",
    "lang_zh-Hant": "Traditional Chinese", "lang_zh-Hans": "Simplified Chinese", "lang_en": "English",
    "lang_": "other", "opening": "The {n} most connected of {total} entities; double-click a node to draw its neighbours.",
    "limited": "This page holds the {n} most central of {total} entities (kg view --limit N, or --focus NAME).",
    "lg_size": "size: number of connections", "lg_relation": "relation stated in an article",
    "lg_reference": "relation from the reference data", "lg_fact": "fact: trigger, value, date (+n: more facts)",
    "lg_role": "role in a fact (when facts are drawn as boxes)", "lg_hedged": "? after a fact: reported as uncertain",
    "lg_hidden": "+n after a name: n neighbours not drawn; double-click to draw them",
    "lg_community": "colour: community (entities more linked to each other than to the rest)",
    "lg_statement": "fact drawn as a box (untick “entities only”)", "statement_of": "Fact",
    "participants": "Takes part", "role": "role", "expand": "Draw neighbours",
    "lg_type": "shape and colour: type (see Entity types)", "lg_shape": "shape: type (see Entity types)"})
UI["zh-Hant"].update({
    "legend": "圖例", "fit": "縮放至全圖", "relayout": "重新排版", "entities_only": "只顯示實體",
    "show_all": "顯示全部實體", "overview": "回到概覽", "all": "全選", "none": "全不選",
    "facts": "事實", "mentions": "提及", "mentions_note": "提到它但未陳述事實的句子",
    "lang_zh-Hant": "繁體中文", "lang_zh-Hans": "簡體中文", "lang_en": "英文", "lang_": "其他",
    "opening": "顯示 {total} 個實體中關聯最多的 {n} 個；雙擊節點可展開其鄰居。",
    "limited": "本頁只收錄 {total} 個實體中最核心的 {n} 個（kg view --limit N 或 --focus 名稱）。",
    "lg_size": "大小：關聯數", "lg_relation": "文章陳述的關係", "lg_reference": "參考資料中的關係",
    "lg_fact": "事實：觸發詞、數值、日期（+n：另有 n 條）", "lg_role": "事實中的角色（事實以方框顯示時）",
    "lg_hedged": "事實後的 ?：報導語氣不確定", "lg_hidden": "名稱後的 +n：有 n 個鄰居未顯示，雙擊展開",
    "lg_community": "顏色：社群（彼此聯繫多於與其他實體的聯繫）", "lg_statement": "以方框顯示的事實（取消「只顯示實體」）",
    "statement_of": "事實", "participants": "參與者", "role": "角色", "expand": "展開鄰居",
    "lg_type": "形狀與顏色：類型（見「實體類型」）", "lg_shape": "形狀：類型（見「實體類型」）"})
UI["zh-Hans"].update({
    "legend": "图例", "fit": "缩放至全图", "relayout": "重新排版", "entities_only": "只显示实体",
    "show_all": "显示全部实体", "overview": "回到概览", "all": "全选", "none": "全不选",
    "facts": "事实", "mentions": "提及", "mentions_note": "提到它但未陈述事实的句子",
    "lang_zh-Hant": "繁体中文", "lang_zh-Hans": "简体中文", "lang_en": "英文", "lang_": "其他",
    "opening": "显示 {total} 个实体中关联最多的 {n} 个；双击节点可展开其邻居。",
    "limited": "本页只收录 {total} 个实体中最核心的 {n} 个（kg view --limit N 或 --focus 名称）。",
    "lg_size": "大小：关联数", "lg_relation": "文章陈述的关系", "lg_reference": "参考资料中的关系",
    "lg_fact": "事实：触发词、数值、日期（+n：另有 n 条）", "lg_role": "事实中的角色（事实以方框显示时）",
    "lg_hedged": "事实后的 ?：报道语气不确定", "lg_hidden": "名称后的 +n：有 n 个邻居未显示，双击展开",
    "lg_community": "颜色：社群（彼此联系多于与其他实体的联系）", "lg_statement": "以方框显示的事实（取消“只显示实体”）",
    "statement_of": "事实", "participants": "参与者", "role": "角色", "expand": "展开邻居",
    "lg_type": "形状与颜色：类型（见“实体类型”）", "lg_shape": "形状：类型（见“实体类型”）"})

# Words of the corpus overview (kg.view.corpus): what the page shows and how to see more.
UI["en"].update({
    "corpus_title": "kg: the {shown} most central of {entities} entities in {articles} articles",
    "corpus": ("Overview of all {articles} articles: the {shown} entities most central to the whole corpus "
               "among those named in two articles or more (PageRank on how often they are named together and the relations between them), coloured by "
               "community (Louvain); their facts come from the {recent} most recent articles, their sentences "
               "also from each entity's latest ({read} articles). More entities: kg view --limit N; "
               "one entity's neighbourhood and every fact: kg view --focus NAME."),
    "comention": "named together", "comention_n": "named together in {n} articles",
    "lg_comention": "named together in many articles (overview)"})
UI["zh-Hant"].update({
    "corpus_title": "kg：{articles} 篇文章、{entities} 個實體中最核心的 {shown} 個",
    "corpus": ("全部 {articles} 篇文章的概覽：整個語料中（至少兩篇文章提及的實體裡）最核心的 {shown} 個實體（依同篇提及與彼此關係計算 PageRank），"
               "顏色為社群（Louvain）；事實取自最近 {recent} 篇文章，句子另取自各實體最新的一篇（共 {read} 篇）。"
               "更多實體：kg view --limit N；單一實體的鄰域與全部事實：kg view --focus 名稱。"),
    "comention": "同篇提及", "comention_n": "{n} 篇文章同時提及",
    "lg_comention": "常在同一篇文章中被提及（概覽）"})
UI["zh-Hans"].update({
    "corpus_title": "kg：{articles} 篇文章、{entities} 个实体中最核心的 {shown} 个",
    "corpus": ("全部 {articles} 篇文章的概览：整个语料中（至少两篇文章提及的实体里）最核心的 {shown} 个实体（依同篇提及与彼此关系计算 PageRank），"
               "颜色为社群（Louvain）；事实取自最近 {recent} 篇文章，句子另取自各实体最新的一篇（共 {read} 篇）。"
               "更多实体：kg view --limit N；单一实体的邻域与全部事实：kg view --focus 名称。"),
    "comention": "同篇提及", "comention_n": "{n} 篇文章同时提及",
    "lg_comention": "常在同一篇文章中被提及（概览）"})
