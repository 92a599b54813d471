"""Clauses: the unit a Chinese reader takes one predicate at a time.

Sentences end at 。！？；… and line breaks (kg_sentences); a clause ends at a comma or
colon as well. Quotation marks and brackets are kept whole, so 「…，…」 does not split a
quoted name. Every component that asks "what else is in this clause" reads these bounds,
computed once per doc and cached on it.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from kg.nlp.spans import texts

#: 穀歌的Gemini也爭氣——沒有英偉達的晶片…: a dash opens a clause of its own
DASH_PATTERN = r"—{2,}|─{2,}"
CLAUSE_END = re.compile(r"[，,：:；;。！？!?…]+[」』”’）)】》\"']*|\n+|" + DASH_PATTERN +
                        # a dateline is a clause of its own: 央廣網北京1月23日消息(記者…) | 新加坡14日訊
                        r"|(?<=[電电訊讯息])\s*[（(][記记]者[^（）()\n]{1,30}[）)]\s*"
                        # 中新網宜昌9月20日電 (董曉斌 韓成): the reporters' names in brackets after the dateline
                        r"|(?<=日[電电訊讯])\s*[（(][^（）()\n，。,]{2,30}[）)]\s*"
                        r"|(?<=\d日[電电訊讯])\s+|(?<=\d日消息)\s*"
                        # 中評社北京11月15日電／中國商務部…: a slash after the dateline ends it too
                        r"|(?<=\d日[電电訊讯])\s*[／/]\s*"
                        # 鉅亨網記者魏志豪 台北 1月30日 寒武紀…: a space after a day ends a dateline
                        r"|(?<=\d日)[ \u3000]+"
                        # 〔記者吳佳蓉／台北報導〕, 記者林宸誼／台北報導, (中央社記者…電): a byline stands apart
                        r"|[〔【\[（(]\s*(?:[^〔【\[（()\n]{0,6}?)[記记]者[^〕】\]）)\n]{1,30}[〕】\]）)]\s*"
                        # 【財訊快報/陳某】 opening a line: an outlet and its reporter
                        r"|(?:^|(?<=\n))\s*[〔【\[][^〔【\[\]】〕\n/／|｜，,。]{2,8}[/／|｜][^〔【\[\]】〕\n/／|｜，,。]{2,4}[〕】\]]\s*"
                        # 【文/晴川網 林某】: a writer's credit, its outlet and writer
                        r"|[〔【\[]\s*(?:图、文|圖、文|图文|圖文|文字|文|撰文)\s*[/／|｜:：][^〔【\[\]】〕\n]{2,20}[〕】\]]\s*"
                        # 【東方日報專訊】, 〔本報訊〕: an outlet's bracketed dateline too
                        r"|[〔【\[][^〔【\[\]】〕\n]{1,20}?(?:專訊|专讯|訊|讯|電|电|報導|报导|報道|报道)\s*[〕】\]]\s*"
                        # （中央社華盛頓16日綜合外電報導）: a dated dateline in round brackets
                        r"|[（(][^（）()\n]{1,16}?\d{1,2}\s*日\s*(?:綜合|综合)?(?:外電|外电)?(?:專訊|专讯|訊|讯|電|电|報導|报导|報道|报道)\s*[）)]\s*")
# 快科技10月29日消息 / 新華社北京3月2日電 (folded): a dateline ends its clause, and its outlet is
# no part of the news; so is an outlet's undated 證券時報網訊, 本報訊
DATELINE_END = re.compile(r"\d\s*日\s*(?:综合)?(?:外电)?(?:电|讯|消息|报导|报道)\s*[)）]?\s*$|记者[^，。\n,]{1,24}\d\s*日\s*$|(?:网|报|社|台|刊)讯\s*$"
                          # 觀點網12月17日，: an outlet's dateline that ends with a comma
                          r"|(?:网|报|社|台|刊|新闻|财经)\s*(?:(?:19|20)\d\d\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日\s*$"
                          # 中國基金報記者盧鴒: an outlet's byline on a line of its own
                          r"|\d\s*日\s*(?:电|讯)\s*[(（][^()（）]{1,30}[)）]\s*$"
                          # 【文/晴川網 林某】: a writer's credit
                          r"|[〔【\[]\s*(?:图、文|图文|文字|文|撰文)\s*[/／|｜:：][^〔【\[\]】〕\n]{2,20}[〕】\]]\s*$"
                          r"|(?:网|报|社|台|刊|新闻|财经)记者\s*[\u4e00-\u9fff]{2,3}(?:[、，,\s]+[\u4e00-\u9fff]{2,3})*\s*$")
OPENERS = {"「": "」", "『": "』", "“": "”", "（": "）", "(": ")", "《": "》", "【": "】"}


def split_clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of each clause of text, skipping punctuation-only stretches; a comma inside
    brackets or quotes (up to 40 characters) does not end a clause."""
    out: list[tuple[int, int]] = []
    start = pos = 0
    for m in CLAUSE_END.finditer(text):
        if m.start() < pos:
            continue
        inside = _open_bracket(text, start, m.start())
        if inside and "\n" not in m.group() and m.start() - inside < 40:
            continue
        if text[start:m.start()].strip():
            out.append((start, m.start()))
        start = pos = m.end()
    if text[start:].strip():
        out.append((start, len(text)))
    return out


def _open_bracket(text: str, start: int, end: int) -> int | None:
    """The position of a bracket or quote opened in text[start:end] and not closed there."""
    stack: list[tuple[str, int]] = []
    for i in range(start, end):
        c = text[i]
        if c in OPENERS:
            stack.append((OPENERS[c], i))
        elif stack and c == stack[-1][0]:
            stack.pop()
    return stack[-1][1] if stack else None


def clauses(doc: Doc) -> list[tuple[int, int]]:
    """The doc's clauses, computed once."""
    data = doc.user_data
    if "kg_clauses" not in data:
        data["kg_clauses"] = split_clauses(texts(doc)[0])
    return data["kg_clauses"]
