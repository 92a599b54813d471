"""Plants and fabs named in the news: 新竹P3廠, 日月光K18B廠房, 華虹五廠, 矽品二林廠, Fab 52; and the
industrial parks named for their site (日月光楠梓第三園區).

A plant is named by a code (P3, AP7, K18B, 18A), a number (五廠, 2廠) or its site (路竹廠, 銅鑼廠)
before a word for a plant, and often after its owner's name. None of these is a name of its own
without that shape: 晶圓廠, 代工廠, 台廠 (Taiwanese firms), 車廠 (carmakers) and 12吋廠 are kinds,
not plants. What makes a site a site is that the tagger or the reference knows it as a place, or
that a company's name stands right before it (力積電銅鑼廠), where a plant word after a firm can
only name one of its plants.

The plant is a Place (where things are made); its owner, when named right before it, owns it
(P127); a known place inside its name (新竹 of 新竹P3廠) is where it is (P131), stated as a fact
only when the article names that place on its own too.
"""
from __future__ import annotations

import re
from typing import Callable

from spacy.tokens import Doc, Span

from kg.nlp.spans import kg_of, texts
from kg.text import name_key

PLANT = r"(?:新)?(?:晶圆厂|厂房|厂区|工厂|厂)(?![商家长务主])"
CODE = r"[a-z]{1,3}\s?\d{1,3}[a-z]?(?![a-z0-9])"
NUMBER = r"(?:[一二三四五六七八九十]{1,2}|\d{1,2})"
# a code or a number right before the plant word (K18B廠房, 五廠, 18A廠)
CODED = re.compile(rf"(?<![a-z0-9])(?P<code>{CODE}|\d{{1,2}}[a-z](?![a-z0-9])|{NUMBER})\s?{PLANT}")
# 晶圓廠S7, 工廠P2: a plant word, then the plant's code
CODE_AFTER = re.compile(rf"(?:晶圆厂|工厂)\s?(?P<code>{CODE})")
LATIN = re.compile(r"(?<![a-z0-9\-])fab\s?\d{1,3}[a-z]?(?![a-z0-9])")   # Fab 52, Fab 18
# 先進封裝(AP)廠, 第六期廠(P6廠): a kind of plant with its code in brackets, or a code in brackets
BRACKETED = re.compile(rf"(?<=[，,。、；;：:\s的在将为建动设及与和])(?P<kind>[\u4e00-\u9fff]{{2,8}}?)\s?[（(](?P<code>[a-z]{{1,4}}\d{{0,2}})[)）]\s?{PLANT}"
                       rf"|(?<=[（(])(?P<bare>{CODE})\s?{PLANT}(?=[)）])")
WAFER = "晶圆"   # 晶圓18A廠, 晶圓一廠: Fab 18A, Fab 1
# an industrial park after its site: 楠梓科技第三園區, 高雄產業園區
PARK = r"(?:科技|科学|产业|工业|软件)?(?:第[一二三四五六七八九十])?园区"
# a data centre or a computing centre after its site: 呼和浩特數據中心, 慶陽智算中心
CENTRE = r"(?:大数据中心|数据中心|资料中心|智算中心|算力中心|超算中心|超级计算中心|人工智能计算中心)(?![的里])"
# (數據中心B25: a code after a centre is one of its buildings, no part of its name)
SITE_PLANT = re.compile(rf"(?:{PLANT}|{PARK})(?:\s?(?P<code>{CODE}))?|{CENTRE}")   # after a place: 路竹廠, 南科廠 AP8, 楠梓園區
SITE_WORD = re.compile(rf"(?P<site>[\u4e00-\u9fff]{{2}}){PLANT}")   # after a firm: 銅鑼廠, 二林廠
# between an owner's name and its plant: a stock code in brackets, 旗下(的), 的
OWNER_GAP = re.compile(r"(?:\s*[（(][^（()）\n]{1,14}[)）])*\s*(?:旗下的?|的)?\s*$")
PLACES = {"City", "AdministrativeRegion", "Place"}   # not a country or a region: 台廠, 陸廠, 美廠 are firms
FIRMS = {"Company", "Organization"}


def find_facilities(doc: Doc, folded: str, mentions: list[Span], make_span: Callable,
                    generic: Callable[[str], bool]) -> tuple[list[Span], set[tuple[int, int]]]:
    """New plant spans, and the (start, end) of the mentions each absorbs (a chip read in its code,
    its site). `make_span(start, end)` makes the span of a plant (a Place); `generic(word)` says whether
    a two-character word after a firm is a kind of plant rather than its site."""
    firms_by_end = {kg_of(s)["end"]: s for s in mentions if kg_of(s)["cls"] in FIRMS}
    # (a place the tagger guesses may run into the next word: 北辰微電子代|工廠; a site it finds is a short name)
    sites = [s for s in mentions if kg_of(s)["cls"] in PLACES and (kg_of(s)["known"] or kg_of(s)["end"] - kg_of(s)["start"] <= 3)]
    places_by_end = {kg_of(s)["end"]: s for s in sites}
    places_by_start = {kg_of(s)["start"]: s for s in sites}
    found: list[tuple[int, int, Span | None]] = []   # (start, end, the site's mention)

    def site_before(start: int) -> Span | None:
        for gap in (0, 1):
            place = places_by_end.get(start - gap)
            if place is not None and folded[start - gap:start].strip() == "":
                return place
        return None

    def owner_before(start: int) -> Span | None:
        m = OWNER_GAP.search(folded, max(0, start - 30), start)
        return firms_by_end.get(m.start()) if m else None

    for m in CODED.finditer(folded):
        start, code = m.start(), m.group("code")
        number = re.fullmatch(NUMBER, code) is not None
        site = site_before(start)
        if folded.endswith(WAFER, 0, start):
            start -= len(WAFER)
        elif site is not None:
            start = kg_of(site)["start"]
        elif number and owner_before(start) is None or code[0].isdigit() and not number:
            continue   # 兩廠, 3廠: a count of plants; 5G廠: not a plant's code without a firm or a site
        found.append((start, m.end(), site))
    for m in LATIN.finditer(folded):
        found.append((m.start(), m.end(), None))
    for m in CODE_AFTER.finditer(folded):
        found.append((m.start("code"), m.end(), None))
    for m in BRACKETED.finditer(folded):
        if m.group("kind"):   # (after a verb or a joining word: 轉興建|先進封裝(AP)廠, 啟動|半導體封裝測試（OSAT）新廠)
            found.append((m.start("kind"), m.end(), None))
        else:
            found.append((m.start("bare"), m.end(), None))
    for site in places_by_start.values():
        m = SITE_PLANT.match(folded, kg_of(site)["end"])
        if m:
            found.append((kg_of(site)["start"], m.end(), site))
    for firm_end in firms_by_end:
        m = SITE_WORD.match(folded, firm_end)
        if m and not generic(m.group("site")) and firm_end + 2 not in places_by_end:
            found.append((m.start(), m.end(), None))
    spans, absorbed, taken = [], set(), []
    for start, end, site in sorted(found, key=lambda f: (f[0], -f[1])):
        if any(start < b and a < end for a, b in taken):
            continue
        inside = [s for s in mentions if start <= kg_of(s)["start"] and kg_of(s)["end"] <= end]
        if any(start < kg_of(s)["end"] and kg_of(s)["start"] < end for s in mentions if s not in inside):
            continue   # a name across its edge: no plant of its own
        if any(kg_of(s)["cls"] in FIRMS | {"Person"} for s in inside):
            continue
        span = make_span(start, end)
        if span is None:
            continue
        owner = owner_before(start)
        if owner is not None:   # (華虹五廠: the owner's name makes the plant's key its own, not any firm's 五廠)
            text = texts(doc)[0]
            span._.kg["owner"] = kg_of(owner)["key"]
            span._.kg["key"] = "place/" + name_key(text[kg_of(owner)["start"]:kg_of(owner)["end"]] + text[start:end])
        if folded.endswith("园区", start, end):
            # (楠梓科技第三園區 and 日月光楠梓第三園區: a park is its site's and its number's, whoever is named with it)
            span._.kg["key"] = "place/" + name_key(re.sub(r"(?:科技|科学|产业|工业|软件)(?=第|园区)", "", folded[start:end]))
        if site is not None:
            span._.kg["inner"] = {**kg_of(site), "rule": "site-of-facility"}
        spans.append(span)
        taken.append((start, end))
        absorbed |= {(kg_of(s)["start"], kg_of(s)["end"]) for s in inside}
    return _one_plant_per_site(_one_key_per_name(_codes_in_brackets(spans, folded), folded), folded), absorbed


# 晶圓22廠（Fab22）: the plant's code, in brackets right after its name
CODE_IN_BRACKETS = re.compile(rf"\s?[（(]\s?(?P<code>fab\s?\d{{1,3}}[a-z]?|{CODE})\s?[)）]")


def _codes_in_brackets(spans: list[Span], folded: str) -> list[Span]:
    """晶圓22廠（Fab22）… Fab22量產後: a plant's code in brackets after its name is that plant, there and
    wherever the article names it by the code alone."""
    keys: dict[str, dict] = {}
    for s in spans:
        info = kg_of(s)
        m = CODE_IN_BRACKETS.match(folded, info["end"])
        if m:
            keys.setdefault(m.group("code").replace(" ", ""), info)
    for s in spans:
        info = kg_of(s)
        first = keys.get(folded[info["start"]:info["end"]].replace(" ", ""))
        if first is not None and first is not info:
            info["key"] = first["key"]
            info.pop("owner", None)
            if first.get("owner"):
                info["owner"] = first["owner"]
    return spans


def _one_key_per_name(spans: list[Span], folded: str) -> list[Span]:
    """英飛凌居林工廠 … 居林工廠: a plant named again without its owner is the one named with it."""
    owned = {}
    for s in spans:
        info = kg_of(s)
        if info.get("owner"):
            owned.setdefault(folded[info["start"]:info["end"]], info)
    for s in spans:
        info = kg_of(s)
        first = owned.get(folded[info["start"]:info["end"]])
        if first is not None and not info.get("owner"):
            info.update(key=first["key"], owner=first["owner"])
    return spans


def _one_plant_per_site(spans: list[Span], folded: str) -> list[Span]:
    """台積電嘉義廠 after 嘉義AP7廠: a plant named by its site alone is the article's one plant
    with a code at that site, when there is just one."""
    coded: dict[str, list[dict]] = {}
    for s in spans:
        info = kg_of(s)
        if info.get("inner") and re.search(r"[a-z0-9一二三四五六七八九十]", folded[info["inner"]["end"]:info["end"]]):
            coded.setdefault(info["inner"]["key"], []).append(info)
    for s in spans:
        info = kg_of(s)
        same = coded.get(info["inner"]["key"], []) if info.get("inner") else []
        if len({c["key"] for c in same}) == 1 and info not in same:
            info["key"] = same[0]["key"]
    return spans
