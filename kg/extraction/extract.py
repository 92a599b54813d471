"""From a processed `Doc` to `ArticleFacts`: the one place that reads spaCy annotations.

Facts come from three sources, in this order of trust:
  relations   typed triples the text states (kg_relations), and reference facts between
              two known entities named in one sentence (a chip and its developer);
  statements  trigger-based n-ary facts (kg_statements), each taking the date nearest
              before its trigger in the sentence and the amounts of its clause;
  leftovers   an amount no statement took becomes a measurement of the entity it is
              about; a date no statement took is recorded against each entity of its
              clause, one statement per entity, so it links no two entities by chance.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from kg.corpus import Article
from kg.extraction.frames import (LIST_JOINER, POINTED_KIND, STOCK_POINTER, CuePattern, bare_company, clause_cues, clause_frames, company_before,
                                  after_time, frame_relations, load_lexicon, names_a_body_after)
from kg.nlp.amounts import CURRENCY, UNSTATED_CURRENCY
from kg.nlp.clauses import DASH_PATTERN, DATELINE_END, clauses
from kg.extraction.model import (Amount, ArticleFacts, DateValue, Entity, Evidence, Relation, Statement)
from kg.nlp.spans import DATES, ENTITIES, HEDGE, QUANTITIES, kg_of, main_company, texts
from kg.nlp.spans import mentions as spans_mentions
from kg.reference import lexicon_file, load_reference
from kg.reference.known import FACT_PROPERTIES, country_shorthand
from kg.text import fold, to_simplified

CURRENCIES = frozenset(CURRENCY.values()) | {UNSTATED_CURRENCY}
SPEC_UNITS = {"TFLOPS", "PFLOPS", "EFLOPS", "TOPS", "MB", "GB", "TB", "PB", "GB-PER-SEC", "TB-PER-SEC", "PB-PER-SEC", "GHZ",
              "MHZ", "CARD", "W", "KW", "MW", "GW", "NM", "TPP", "MBIT-PER-SEC", "MT-PER-SEC", "KWPM"}
#: 較業界標準…高出, 比前代提升: a clause comparing with a baseline
COMPARED_OPENING = re.compile(r"\s*(?:较|比|相比|相较|比起|较之)")
#: 的補助, 補貼: a sum that is a grant
GRANT_AFTER = re.compile(r"\s*(?:的)?\s*(?:补助|补贴|资助|拨款|补助金|奖励金|津贴)")
#: 獲得, 取得: receiving it
RECEIVED = re.compile(r"(?:获得|取得|得到|获颁|获)")
#: what only a product or a standard measures (its speed, rate), not its maker: no power, cards or node
PRODUCT_MEASURES = {"TFLOPS", "PFLOPS", "EFLOPS", "TOPS", "GB-PER-SEC", "TB-PER-SEC", "PB-PER-SEC", "GHZ", "MHZ",
                    "MBIT-PER-SEC", "MT-PER-SEC"}
_CHANGE_WORD = r"(?:同比|环比|年增|年减|季增|季减|月增|月减|年比|yoy|qoq)"
#: (同比+22%、環比+34%: what lies between a figure and a change in the brackets right after it
CHANGE_IN_BRACKETS = re.compile(rf"\s*[（(][^（）()]{{0,24}}?(?:{_CHANGE_WORD}|较上年|较去年)?[^（）()，。]{{0,6}}?[+\-－]?\s*$")
# 同比+22%、環比+34%: the next change in the same brackets
NEXT_CHANGE = re.compile(rf"\s*[、，,；;]\s*{_CHANGE_WORD}[^（）()，。]{{0,6}}?[+\-－]?\s*$")
COMPANY_METRICS = {"revenue", "gross-margin", "net-profit", "net-loss", "operating-profit", "eps", "market-value", "valuation",
                   "ipo-proceeds", "ipo-price", "share-price", "target-price", "rd-expense", "funding"}
MARKET_METRICS = {"market-value", "market-share", "share", "gross-margin", "net-profit", "net-loss", "revenue", "price-change",
                  "valuation", "share-price", "shipments", "sales", "funding", "ipo-proceeds", "ipo-price"}
PRODUCTS = {"Chip", "ChipFamily", "Product", "AIModel", "CloudService"}
PERSON_PRONOUN = re.compile(r"(?<![其吉])(?:他|她)(?![们国人处])")
HAS = re.compile(r"(?:拥有|持有|具有|具备|具|握有|获得|获|累计|有)\s*(?:超过|逾|近|约|达|高达)?\s*$")
# what only a firm reports: never a country's or a city's (a tariff or a region's share can be)
FIRM_METRICS = COMPANY_METRICS | {"investment", "capex", "price-change", "operating-profit", "shipments", "sales",
                                  "yoy-change", "qoq-change", "mom-change", "deal-value", "employees"}
PLACES = {"Country", "AdministrativeRegion", "City", "GeoRegion", "Place"}
ORGS = {"Organization", "Company", "GovernmentAgency", "Legislature", "ResearchInstitute", "MediaOrganization",
        "StockExchange", "InternationalOrganization", "University"}
ENDS = "。！？!?\n"
CLAUSE_ENDS = "，,；;。！？!?\n"
# names inside a longer name (kg.nlp.components.new_entities): entities of the article that join no relation
# or frame of their own, but the one their rule says (美國|商務部: its country; 上海|三中院: its seat)
INNER_RULES = ("country-of-body", "leader-of-administration", "seat-of-body", "seat-in-name", "site-of-facility")
INNER_RELATION = {"country-of-body": "country", "seat-of-body": "headquarters", "site-of-facility": "locatedIn"}
# inner mentions that are entities of the article only when it names them on their own too (新竹 of 新竹P3廠
# is where the plant is, and no place the article speaks of unless it does)
INNER_IF_NAMED = ("site-of-facility",)
# A sentence naming at most this many entities is read as one frame; a longer one clause by clause.
SENTENCE_WHOLE_UP_TO = 3


def extract(doc: Doc, article: Article) -> ArticleFacts:
    """Entities, relations and statements of one article, with evidence for each."""
    text, folded = texts(doc)
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    starts = [s for s, _ in sentences]

    def sentence_of(pos: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(starts, pos) - 1)
        return sentences[i] if sentences else (0, len(text))

    def evidence(start: int, end: int, rule: str, confidence: float) -> Evidence:
        s, e = sentence_of(start)
        return Evidence(start, end, s, max(e, min(end, len(text))), rule, confidence)

    # -- entities
    entities: dict[str, Entity] = {}
    mentions: list[tuple[int, int, Entity]] = []
    ordered = sorted(doc.spans.get(ENTITIES, []), key=lambda s: kg_of(s)["start"] if kg_of(s) else s.start_char)
    infos = [kg_of(span) or _foreign(span) for span in ordered]
    # the folded names of the cities and provinces the article names (inside other names too) or the reference
    # knows: a new firm's name may open with one (上海|復旦微電子集團)
    place_names = {folded[i["start"]:i["end"]] for i in infos + [i["inner"] for i in infos if i.get("inner")]
                   if i["cls"] in ("City", "AdministrativeRegion") and i["end"] - i["start"] >= 2} \
        | _place_names(load_reference())
    alias_of = _declared_aliases(infos, folded, place_names)

    def canon(key: str) -> str:
        return alias_of.get(key, key)

    cited: set[int] = set()   # where an outlet is named as the source (晴川財經獲悉, [晴川新聞]): it owns no figure
    # 美國商務部: the country a body's name opens is named too (kg.nlp.components.new_entities); it states
    # nothing of its own, so it joins no relation or frame (the body's own facts say whose it is)
    infos = sorted(infos + [i["inner"] for i in infos if i.get("inner")], key=lambda i: (i["start"], -i["end"]))
    named = {i["key"] for i in infos if i["rule"] not in INNER_RULES}
    infos = [i for i in infos if i["rule"] not in INNER_IF_NAMED or i["key"] in named]
    for info in infos:
        full = alias_of.get(info["key"])
        if full is not None:  # 啟明算力 declared as the short name of 啟明算力科技股份有限公司: one entity
            info = {**info, "key": full, "cls": next(i["cls"] for i in map(lambda x: kg_of(x) or _foreign(x), ordered)
                                                     if i["key"] == full), "known": False}
        ent = entities.setdefault(info["key"], Entity(info["key"], info["cls"], info["known"]))
        # (920 in 昇騰910和920 is named 昇騰920, as the text means it)
        ent.names.add(info.get("full_name") or text[info["start"]:info["end"]])
        ent.names.update(info.get("aliases", ()))   # HPB (Heat Path Block): the words it stands for
        ev = evidence(info["start"], info["end"], info["rule"], info["confidence"])
        if not any(m.sentence_start == ev.sentence_start for m in ent.mentions):
            ent.mentions.append(ev)  # one piece of evidence per sentence that names the entity
        if info["rule"] not in INNER_RULES or info["rule"] in INNER_IF_NAMED:
            mentions.append((info["start"], info["end"], ent))
        if info["rule"].startswith("outlet-"):
            cited.add(info["start"])
    reference = load_reference()
    _inner_aliases(entities, reference)
    # 港交所主板: a known board named with its exchange's name names the exchange too (the listing is on both)
    for ms, me, board in [m for m in mentions if m[2].known and m[2].cls == "StockExchange"]:
        known = reference.get(board.key)
        parent = next((t for p, t in (known.facts if known is not None else ()) if p == "parentOrganization"), None)
        exchange = reference.get(parent) if parent is not None else None
        if exchange is None or exchange.cls != "StockExchange":
            continue
        inner = max((n for n in exchange.names() if len(n) >= 2 and fold(n) in folded[ms:me]), key=len, default=None)
        if inner is not None:
            at = folded.index(fold(inner), ms)
            ent = entities.setdefault(exchange.id, Entity(exchange.id, exchange.cls, True))
            ent.names.add(text[at:at + len(inner)])
            ev = evidence(at, at + len(inner), "exchange-of-board", 0.7)
            if not any(m.sentence_start == ev.sentence_start for m in ent.mentions):
                ent.mentions.append(ev)
            mentions.append((at, at + len(inner), ent))
    # 陳天石、陳雲霽…出身於南昌的陳氏兄弟: the family a surname names is every person of the article who bears it
    for m in FAMILY_BY_SURNAME.finditer(folded):
        kin = [ent for ent in entities.values() if ent.cls == "Person" and any(
            re.fullmatch(r"[\u4e00-\u9fff]{2,4}", f := to_simplified(n)) and f[0] == m.group("surname") for n in ent.names)]
        if len(kin) >= 2:
            mentions.extend((m.start(), m.end(), ent) for ent in sorted(kin, key=lambda e: e.key))
    mentions.sort(key=lambda x: (x[0], -x[1]))   # (the mentions added above in place; stable otherwise)
    # 上海|復旦微電子集團: a new firm written right after its city or province is also known by the name
    # the two make (its registered form opens with the place)
    # (the place may be no mention there, the tagger reading it into the firm's name: any name the article
    # gives a city or a province)
    lengths = sorted({len(n) for n in place_names}, reverse=True)
    for fs, fe, firm in mentions:
        if firm.cls not in FIRMS or firm.known or FIRM_NAME_AFTER_PLACE_STOP.match(folded, fs):
            continue
        size = next((k for k in lengths if k <= fs and folded[fs - k:fs] in place_names), None)
        if size is not None:
            firm.names.add(text[fs - size:fe])

    # -- relations
    relations: list[Relation] = []
    seen: set[tuple[str, str, str]] = set()

    def add_relation(subj: str, prop: str, obj: str, ev: Evidence) -> None:
        subj, obj = canon(subj), canon(obj)
        if (subj, prop, obj) in seen or subj == obj:
            return
        seen.add((subj, prop, obj))
        relations.append(Relation(subj, prop, obj, ev))

    # 中國國家互聯網信息辦公室: a body whose name opens with its country's is of that country
    for info in infos:
        inner = info.get("inner")
        prop = INNER_RELATION.get(inner["rule"]) if inner is not None else None
        # (美國實體清單: a rule named with its country's name first is that country's too)
        if prop is not None and (info["cls"] in ORGS or inner["rule"] == "country-of-body" and info["cls"] in ("Policy", "Law")
                                 or inner["rule"] in INNER_IF_NAMED and inner["key"] in named):
            add_relation(info["key"], prop, inner["key"],
                         evidence(info["start"], info["end"], inner["rule"], inner["confidence"]))
    for r in doc._.kg_relations or []:
        if r["rule"] == "officer-of-company" and _elsewhere_known(reference, r, entities):
            continue  # 執行長黃仁勳(Jensen Huang) in an article about Intel: the reference knows whose he is
        add_relation(r["subject"], r["property"], r["object"], evidence(r["start"], r["end"], r["rule"],
                                                                        r["confidence"]))
    agencies_ending = {me: ent for ms, me, ent in mentions if ent.cls in ("GovernmentAgency", "Legislature")}
    for span in doc.spans.get(ENTITIES, []):
        info = kg_of(span)
        if info and info.get("developer"):  # 曜芯S9: the brand's chip
            add_relation(info["key"], "developer", info["developer"],
                         evidence(info["start"], info["end"], "brand-model", 0.75))
        if info and info.get("parent"):  # 子公司上海寒武紀: a known company's subsidiary named after its city
            add_relation(info["key"], "parentOrganization", info["parent"],
                         evidence(info["start"], info["end"], info["rule"], 0.7))
        if info and info.get("owner"):  # 日月光K18廠: the firm named right before its plant owns it
            add_relation(info["key"], "ownedBy", info["owner"],
                         evidence(info["start"], info["end"], "owner-of-facility", 0.7))
        if info and (info.get("rule") == "department" or info.get("rule") == "ministry-and" and folded.endswith("委员会", info["start"], info["end"])) \
                and (parent := agencies_ending.get(info["start"])) is not None and parent.key != info["key"]:
            # 發改委創新和高技術發展司: the department of the body named right before it (立法院教育及文化委員會: a
            # committee of the legislature)
            add_relation(info["key"], "parentOrganization", parent.key,
                         evidence(info["start"], info["end"], "department-of", 0.7))
        if info and info.get("family"):  # Inferentia 9: a new model of a known family
            add_relation(info["key"], "partOfSeries", info["family"],
                         evidence(info["start"], info["end"], "family-model", 0.75))
    # 星河發表XG-720, 三星發表Galaxy S26: a company launching a chip or a new product develops it (not a
    # known kind of product: HBM has makers of its own; nor a known chip whose developer the reference
    # names: 小米推出驍龍筆電 launches a laptop with Qualcomm's chip)
    for st in doc._.kg_statements or []:
        r = dict(st["roles"]) if st["kind"] == "launch" else {}
        agent = entities.get(r.get("agent", ""))
        for role, k in st["roles"] if agent is not None and agent.cls == "Company" else ():
            product = entities.get(k) if role == "product" else None
            if product is not None and \
                    (product.cls in ("Chip", "ChipFamily", "AIModel") or product.cls == "Product" and not product.known) and \
                    not any(x.subject == product.key and x.property == "developer" for x in relations) and \
                    not _developed_by_another(product, agent.key):
                add_relation(product.key, "developer", agent.key, evidence(st["start"], st["end"], "launch-by-company", 0.6))
            elif product is not None and _technology(product) and \
                    not any(x.subject == product.key and x.property == "manufacturer" and x.object == agent.key
                            for x in relations):
                # 長鑫量產LPDDR5X, 三星推出HBM4: a company launching a known kind of product makes it (P176)
                add_relation(product.key, "manufacturer", agent.key, evidence(st["start"], st["end"], "launch-by-company", 0.55))
    # 晴川QX720/820: a model listed right after another is the same maker's, however the first's was found
    for span in doc.spans.get(ENTITIES, []):
        info = kg_of(span)
        first = info.get("listed_after") if info else None
        if first and not any(x.subject == info["key"] and x.property == "developer" for x in relations):
            maker = next((x.object for x in relations if x.subject == first and x.property == "developer"), None)
            if maker is not None:
                add_relation(info["key"], "developer", maker, evidence(info["start"], info["end"], "listed-model", 0.7))
    # 出資股東包括A、B和C: the shareholders a company lists own it, in part (investors, 投資者, may only be
    # buying into an offering)
    for st in doc._.kg_statements or []:
        if st["kind"] == "investors" and "股东" in folded[st["start"]:st["end"]]:
            company = next((k for r, k in st["roles"] if r == "counterpart"), None)
            for r, k in st["roles"]:
                if r == "agent" and company is not None:
                    add_relation(company, "ownedBy", k, evidence(st["start"], st["end"], "shareholders-listed", 0.6))
    for es, ee, ev_ent in mentions:  # 美中馬德里經貿磋商: a city named in an event's name is where it is held
        if ev_ent.cls == "Event":
            for ps, pe, place in mentions:
                if es <= ps and pe <= ee and place.cls in ("City", "AdministrativeRegion") and place.key != ev_ent.key:
                    add_relation(ev_ent.key, "heldIn", place.key, evidence(es, ee, "place-in-event-name", 0.7))
    for ms, me, ent in mentions:   # 愛芯元智(00600.HK)正式上市: a listed code's market says where it lists
        exchange = _exchange_of_code(folded, me, ent, entities)
        if exchange is None:
            continue
        # (to the sentence's full stop: a stock code's brackets may hold a ；, where the sentence splitter cuts)
        s0, s1 = sentence_of(ms)[0], _bounds(folded, me, "。！？!?\n")[1]
        if LISTING_WORD.search(folded, s0, s1):   # (合稱四小龍: a code in passing)
            add_relation(ent.key, "stockExchange", exchange, evidence(ms, me, "market-of-code", 0.7))
    shorthand = country_shorthand(str(lexicon_file("country-shorthand.csv")))
    citizen = _citizen_shorthand(str(lexicon_file("country-shorthand.csv")))
    for ms, me, ent in mentions:   # 美商晴川科技: the firm's country in shorthand, where the article names the country
        found = next(((n, c) for n in (3, 2) if ms >= n and (c := shorthand.get(folded[ms - n:ms])) is not None
                      and not folded.endswith("籍", ms - n, ms)), None) if ent.cls in ORGS else None
        if found is not None and found[1] in entities and entities[found[1]].cls == "Country":
            add_relation(ent.key, "country", found[1], evidence(ms - found[0], me, "country-shorthand", 0.7))
        # 美籍華人陳某, 日籍工程師林某: a person's citizenship in shorthand
        m = citizen.search(folded, max(0, ms - 8), ms) if ent.cls == "Person" and citizen is not None else None
        if m is not None and shorthand[m.group("word")] in entities and entities[shorthand[m.group("word")]].cls == "Country":
            add_relation(ent.key, "citizenship", shorthand[m.group("word")], evidence(m.start(), me, "citizen-shorthand", 0.7))
    for subj, prop, obj, start, end in _reference_facts(mentions, sentence_of, folded):
        add_relation(subj, prop, obj, evidence(start, end, "reference-fact-in-sentence", 0.7))
    for subj, obj, start, end in _reference_developers(mentions, relations):
        add_relation(subj, "developer", obj, evidence(start, end, "reference-developer-in-article", 0.6))
    # 台積電…。董事長魏哲家指出: a known person's role in an organisation the article names, wherever
    # it names it (the reference data says whose chairman he is)
    for start, end, ent in mentions:
        known = reference.get(ent.key) if ent.known and ent.cls == "Person" else None
        for prop, target in (known.facts if known is not None else ()):
            if prop.startswith("^") and canon(target) in entities and prop[1:] in ("chiefExecutiveOfficer", "director"):
                add_relation(canon(target), prop[1:], ent.key, evidence(start, end, "reference-role", 0.6))
                add_relation(ent.key, "employer", canon(target), evidence(start, end, "reference-role", 0.6))

    # -- statements from triggers
    top = main_company(spans_mentions(doc))
    main = entities.get(canon(top._.kg["key"])) if top is not None else None   # the company the article is about
    dates = sorted((kg_of(d) for d in doc.spans.get(DATES, [])), key=lambda d: d["start"])
    amounts = sorted((kg_of(q) for q in doc.spans.get(QUANTITIES, [])), key=lambda q: q["start"])
    used_dates: set[int] = set()
    used_amounts: set[int] = set()
    statements: list[Statement] = []
    respectively = _respectively(mentions, amounts, folded)
    periods = _respective_periods(amounts, folded)
    owner = {k: v for k, v in _amount_owners(doc._.kg_statements or [], amounts, folded, mentions, canon).items()
             if k[0] not in respectively}
    taken_by: dict[tuple, str] = {}
    # 共和黨籍參議員柯頓: a party written as a lawmaker's 籍 says what he is, as his title does; it takes no
    # part in what he does (here, or in any clause frame below)
    attribute = {m[0] for m in mentions if m[2].cls in ORGS and PARTY_OF_PERSON.match(folded, m[1] - 1)}
    for st in doc._.kg_statements or []:
        roles = [(r, canon(k)) for r, k in st["roles"]]
        s0, s1 = st["sentence"]
        roles = [(r, k) for r, k in roles if not _only_attribute(mentions, attribute, k, s0, s1)] or roles
        if st.get("decision"):
            d = st["decision"]
            known = load_reference().get(d["key"]) if d["known"] else None
            ent = entities.setdefault(d["key"], Entity(d["key"], known.cls if known else "ExportDecision",
                                                       known is not None))
            if known is None:
                ent.names.add(_label_in_script(d["label"], text[st["sentence"][0]:st["sentence"][1]]))
            ent.mentions.append(evidence(d["start"], d["end"], "decision-trigger", 0.7))
        cs, _ = _bounds(folded, st["start"], CLAUSE_ENDS)
        if clause_cues().opening_company.match(folded, cs) and not any(
                r in ("agent", "subject") and k in entities and entities[k].cls == "Company" for r, k in roles):
            # 林某稱，公司與青嵐科技達成的協議…: the company a clause opening with a bare 公司 means is its agent
            pointed = bare_company(mentions, folded, s0, cs, main)
            if pointed is not None and pointed.key not in {k for _, k in roles}:
                roles = [("agent", pointed.key), *roles]
        date = _date_for(dates, s0, st["start"], s1)
        if date is not None:
            used_dates.add(date["start"])
        own = [q for q in amounts if owner.get((q["start"], q["value"])) is st
               and (q["start"], q["value"]) not in used_amounts]
        for q in own:
            used_amounts.add((q["start"], q["value"]))
            lead = next((k for r, k in roles if r in ("subject", "agent", "product")), None)
            if lead:
                taken_by[(q["start"], q["value"])] = lead
        for i, q in enumerate(own or [None]):  # one statement per amount: a fact holds one value
            # (列入實體清單…，其中中國23家，印度、伊朗各一家: a count right after a place, or after places and
            # 各, is of that place's members)
            where = _counted_places(mentions, folded, q) if q is not None and q["unit"] == "ENTITY" else []
            statements.append(Statement(
                kind=st["kind"], roles=tuple(roles) + tuple(("location", p.key) for p in where
                                                             if p.key not in {k for _, k in roles}),
                evidence=evidence(st["start"], st["end"], st["rule"], 0.65),
                date=_date_value(date), amount=_amount(q), hedged=st["hedged"]))

    # -- amounts no statement took: measurements of what they are about
    # (中新網宜昌9月20日電 (董曉斌 韓成)投資93億元…: a dateline's outlet and reporters own no figure)
    all_mentions = mentions
    clause_spans = clauses(doc)
    # (財聯社記者, 據彭博: a news outlet named in the news is its source, not what its figures are about; nor are
    # the reporters credited with the story, whose outlet would take them: 晴川財經記者王某 台北 瑞星電子公布…)
    datelines: dict[int, bool] = {}
    mentions = [m for m in mentions if not _in_dateline(folded, clause_spans, m[0], datelines) and m[0] not in cited
                and m[2].cls != "MediaOrganization" and not _data_source(folded, m[0], m[1]) and not _credited_only(m[2])]
    # a process node (台積電3奈米製程) owns no figure but its own size: 3奈米 is the chip's or the maker's
    # spec as before, and the node's too
    nodes = [m for m in mentions if _process_node(m[2])]
    mentions = [m for m in mentions if not _process_node(m[2])]
    affiliation: dict[str, str] = {}
    for r in relations:
        a, b = entities.get(r.subject), entities.get(r.object)
        if a is not None and b is not None and a.cls == "Person" and b.cls in ORGS:
            affiliation.setdefault(a.key, b.key)
        elif a is not None and b is not None and b.cls == "Person" and a.cls in ORGS:
            affiliation.setdefault(b.key, a.key)
    last_subject: Entity | None = None
    last_source: Entity | None = None
    last_sentence = None
    last_end: int | None = None   # where the figure before ended
    last_bracketed = False        # whether it was a change in brackets after a figure
    last_shared: list[Entity] = []   # the firms of a list it was shared by
    predicate = _predicate(doc)   # (the first verb of each clause, for the amount frames and the clause frames below)
    amount_frames = clause_frames(folded, clauses(doc), sentences, mentions, predicate=predicate, min_entities=0, main=main)
    # 中國、美國、歐亞占比分別為86%、11%和3%: a company's figures split by region
    for place, q in _regional(mentions, amounts, folded):
        s0, s1 = sentence_of(q["start"])
        org = next((ent for ms, me, ent in reversed(mentions) if s0 <= ms < q["start"] and ent.cls in ORGS), None)
        person = next((ent for ms, me, ent in reversed(mentions) if s0 <= ms < q["start"] and ent.cls == "Person"), None)
        if org is None and person is not None:
            org = entities.get(affiliation.get(person.key, ""))
        org = org or main or next((ent for ms, me, ent in reversed(mentions) if ms < s0 and ent.cls in ORGS
                                   and _same_paragraph(folded, ms, q["start"])), None)
        used_amounts.add((q["start"], q["value"]))
        # (羅勇府、春武里府和北欖府分別占據了33%…的項目份額: with no organisation, each place's own figure)
        statements.append(Statement(
            kind="Measurement", roles=(("subject", org.key), ("location", place.key)) if org is not None else (("subject", place.key),),
            evidence=evidence(q["start"], q["end"], "amount-by-region", 0.65), amount=_amount(q),
            date=_date_value(_date_for(dates, s0, q["start"], s1))))
    for q in amounts:
        if (q["start"], q["value"]) in used_amounts:
            lead = entities.get(taken_by.get((q["start"], q["value"]), ""))
            if lead is not None:  # 以此計算，上市時市值…: the next figure is about the same company
                last_subject, last_sentence, last_source, last_shared = lead, sentence_of(q["start"]), None, []
            continue
        sentence = sentence_of(q["start"])
        others: list[Entity] = []
        source: Entity | None = None   # who gave the figure, when not what it is about
        # what the figures before were about, when they were in this paragraph
        recent = last_subject if last_sentence is not None and _same_paragraph(folded, last_sentence[0], q["start"]) \
            else None
        if recent is not None and last_shared and last_sentence != sentence:
            # 台積電、三星等主要客戶上調資本支出，平均增幅超過20%。其中存儲領域新訂單占比…: a figure shared by a
            # list of firms makes none of them the topic of the sentences after; the article's company is, or
            # the company named before the list
            recent = main if main is not None and main not in last_shared else next(
                (ent for ms, me, ent in reversed(mentions) if ent.cls == "Company" and ent not in last_shared
                 and me <= min((ms2 for ms2, _, e2 in mentions if e2 in last_shared), default=0)
                 and _same_paragraph(folded, ms, q["start"])), recent)
        # owned by what a rule knows (respectively, an age, a stock code, a penalty), not the topic chain
        settled = q["start"] in respectively or q["metric"] in ("age", "stock-code")
        subject = respectively.get(q["start"])
        bracketed = False
        if subject is None and last_end is not None and q["unit"] == "PERCENT" and recent is not None and (
                CHANGE_IN_BRACKETS.fullmatch(folded, last_end, q["start"])
                or (last_bracketed and NEXT_CHANGE.fullmatch(folded, last_end, q["start"]))):
            # 營收43億美元（同比+22%、環比+34%）: a change in brackets right after a figure is of what that
            # figure was about
            subject, settled = recent, True
            bracketed = True
        if subject is None and q["rule"] == "years-served":
            # 已在公司任職超過40年的強森: the person right after 的; else 林某在英特爾任職逾30年, 他具超過30年…經驗:
            # the person named last before, in the paragraph
            after = re.match(r"[^，。；,;]{0,12}?的\s*", folded[q["end"]:q["end"] + 16])
            # (工作了16年的市場生態高級總監周苑: or after the title the person holds)
            subject = next((ent for ms, me, ent in mentions if after and ent.cls == "Person" and (
                ms == q["end"] + after.end() or q["end"] + after.end() < ms <= q["end"] + after.end() + 10
                and PERSON_TITLE_AT_END.search(folded, q["end"] + after.end(), ms) is not None
                and not any(q["end"] <= ms2 < ms for ms2, _, e2 in mentions if e2 is not ent))), None) or \
                next((ent for ms, me, ent in reversed(mentions) if me <= q["start"] and ent.cls == "Person"
                      and (sentence[0] <= ms or _same_paragraph(folded, ms, q["start"]))), None)
            settled = subject is not None
        if subject is None and q["unit"] not in CURRENCIES:
            # 他具超過30年經驗，擁有52項專利: what he or she has, with no other name between, is the person's
            # named last before the pronoun
            pronoun = PERSON_PRONOUN.search(folded, sentence[0], q["start"])
            if pronoun is not None and HAS.search(folded, max(pronoun.end(), q["start"] - 8), q["start"]) and \
                    not any(pronoun.start() <= ms < q["start"] for ms, me, ent in mentions):
                subject = _person_before(mentions, folded, pronoun.start(), q["start"])
                settled = subject is not None
            elif pronoun is None and q["unit"] in COUNT_LIKE and HAS.search(folded, max(sentence[0], q["start"] - 8), q["start"]):
                # 王某原任副總，擁有約300項專利: what a clause naming nothing has, in a sentence opening with a
                # person, is that person's
                cs, _ = _bounds(folded, q["start"], CLAUSE_ENDS)
                first = next(((ms, ent) for ms, me, ent in mentions if sentence[0] <= ms < q["start"]), None)
                if first is not None and first[1].cls == "Person" and first[0] < cs and \
                        not any(cs <= ms < q["start"] for ms, me, ent in mentions):
                    subject, settled = first[1], True
        if subject is None:
            # 創辦人林某持有公司三成股份，他的身家將暴漲278億: his or her wealth or pay is the person's named last
            cs, _ = _bounds(folded, q["start"], CLAUSE_ENDS)
            pronoun = PERSON_PRONOUN.search(folded, cs, q["start"])
            if pronoun is not None and PERSONAL_FIGURE.search(folded, pronoun.end(), q["start"]):
                subject = _person_before(mentions, folded, pronoun.start(), q["start"])
                settled = subject is not None
        if subject is None and q["unit"] == "PERCENT" and TARIFF_AFTER.match(folded, q["end"]):
            # 對印度徵收50%關稅, 蘋果可能面臨至少25%的關稅: a tariff's rate is the rate of those it is levied on
            # (its pointer 其 the one named before), with the tariff where it is named
            subject = _tariff_target(mentions, folded, sentence, q["start"])
            settled = subject is not None
            # (加徵25%的關稅: the tariff's name may open with the rate)
            tariff = next((ent for ms, me, ent in mentions if q["start"] <= ms <= q["end"] + 12 and ent.cls in ("Policy", "Law")), None)
            if subject is not None and tariff is not None:
                others = [tariff]
            elif tariff is not None:  # 對部分進口半導體加徵25%的關稅: levied on what the text does not name
                subject, settled = tariff, True
                # (川普威脅課徵約100%關稅: the tariff of the one who levies or threatens it too)
                others = [ent for ms, me, ent in reversed(mentions) if sentence[0] <= ms < q["start"]
                          and ent.cls == "Person"][:1]
        if subject is None and q["rule"] == "jail-list":  # …14年、陳某9年: the term is the person's named right before it
            subject = next((ent for ms, me, ent in reversed(mentions) if me <= q["start"] and ent.cls == "Person"
                            and not folded[me:q["start"]].strip()), None)
            settled = subject is not None
        if subject is None and q["unit"] != "NM":
            # 96層（B27A）、128層（B37R）: a figure tagged with a model in brackets is that model's (not 17奈米
            # （D1y）: a process node's code, the node of the product the clause is about)
            subject = next((ent for ms, me, ent in mentions if q["end"] < ms <= q["end"] + 3 and ent.cls in PRODUCTS
                            and re.fullmatch(r"\s*[(（]\s*", folded[q["end"]:ms])
                            and re.match(r"\s*[)）]", folded[me:me + 2])), None)
            settled = settled or subject is not None
        if subject is None and q["metric"] != "stock-code":
            # 大買旺宏（2337）3.9萬張、華邦電3.8萬張及南亞科3萬張: a figure right after a name, in a list of
            # such pairs, is that name's
            named = next((ent for ms, me, ent in reversed(mentions) if me <= q["start"] and
                          NAME_THEN_FIGURE.fullmatch(folded, me, q["start"]) and ent.cls in ORGS | PRODUCTS), None)
            if named is not None and NAME_FIGURE_LIST.search(folded, max(sentence[0], q["start"] - 40),
                                                             min(sentence[1], q["end"] + 40)):
                subject, settled = named, True
        if subject is None and (q["rule"] == "jail-years" or q["rule"] == "years" and
                                re.match(r"\s*(?:(?:至|到)\s*\d{1,2}\s*年\s*)?(?:有期)?(?:徒刑|刑期|监禁)",
                                         folded[q["end"]:q["end"] + 10])):
            # 若罪成，每項控罪最高可判監10年: the penalty of the charge, for everyone charged
            charged = _charged(mentions, folded, sentence, q["start"])
            if charged:
                subject, others = charged[0], charged[1:]
                settled = True
        if subject is None and q["unit"] in ("PIECE", "CARD", "UNIT") and not re.search(
                r"(?:由|集成|搭载|配备|配置|采用|包含|内置|整合)了?\s*(?:约|近|超过|多达|高达)?\s*$", folded[max(0, q["start"] - 6):q["start"]]) \
                and not _parts_list(folded, q["start"]):
            # 提供1萬張QH-900加速卡, 出貨2,000顆H20晶片: a count of the product it names (not 由384顆X組成:
            # the parts of the system the sentence is about)
            subject = next((ent for ms, me, ent in mentions if 0 <= ms - q["end"] <= 1 and ent.cls in PRODUCTS
                            and not _technology(ent)), None)
        if subject is None and POLICY_OPENING.match(folded, sentence[0]):
            # 法案規定，商務部須在180天內…，違規企業將被處以最高50萬美元罰款: the rule's own terms
            subject = next((ent for ms, me, ent in reversed(mentions) if me <= sentence[0] and ent.cls in ("Policy", "Law")
                            and sentence[0] - me < 400), None)
            settled = subject is not None
        terms_at = _bounds(folded, q["start"], CLAUSE_ENDS)[0] if subject is None else None
        if terms_at is not None and RULE_TERMS.match(folded, terms_at):
            # 預告「…辦法」草案，規定TPP超過4800的晶片…: a clause of a rule's terms after the clause naming it
            subject = next((ent for ms, me, ent in reversed(mentions) if sentence[0] <= ms and me <= terms_at
                            and ent.cls in ("Policy", "Law")), None)
            settled = subject is not None
        if subject is None and q["metric"] == "stock-code":  # 沐曦股份(688802.SH): the company the code follows
            subject = next((ent for ms, me, ent in reversed(mentions) if me <= q["start"] and q["start"] - me <= 2
                            and folded[me:q["start"]].strip() in ("(", "（", "") and ent.cls in ORGS), None)
            # 股份代號為「0501」, 代碼「688795」首次亮起。摩爾線程…: a code names a company's shares, the one
            # named last before it in its sentence, else the first after it in its paragraph, else the article's
            subject = subject or next((ent for ms, me, ent in reversed(mentions) if sentence[0] <= ms and me <= q["start"]
                                       and ent.cls == "Company"), None) \
                or next((ent for ms, me, ent in mentions if ms >= q["end"] and ent.cls == "Company"
                         and _same_paragraph(folded, q["start"], ms)), None) or main
        if subject is None and q["metric"] == "age":  # 51歲的中國籍男子李國華: the person the age is of
            subject = _person_of_age(mentions, folded, q["start"], q["end"])
            if subject is None:
                continue
        if subject is None and q["unit"] == "NM":
            # 在上海廠生產接近7奈米的晶片 / 其為7奈米工藝的增強版: a process node is the chip's its clause
            # names, else the maker's the clause is about
            subject = _node_owner(amount_frames, mentions, entities, folded, q["start"])
            cs, _ = _bounds(folded, q["start"], CLAUSE_ENDS)
            if subject is None and PRODUCT_POINTER.search(folded, cs, q["start"]):
                # …發布天樞X2。該晶片採用台積電3奈米製程: the chip named before, not the foundry named with it
                subject = next((ent for ms, me, ent in reversed(mentions) if me <= cs and ent.cls in PRODUCTS
                                and not _technology(ent) and cs - me < 300), None)
        if subject is None and q["unit"] != "NM" and (q["unit"] in SPEC_UNITS or q["unit"] in COUNT_LIKE):
            # 該超節點由384顆晶片組成，總算力可達300 PFLOPS: the product the sentence is about
            subject = _product_topic(mentions, folded, sentence, q["start"])
        if subject is None and q["unit"] in ("PERCENT", "TIMES") and last_subject is not None and last_sentence == sentence:
            # 速度達11.7Gbps，較業界標準8Gbps高出46%: a comparison going on from a figure is of what that figure was
            cs, _ = _bounds(folded, q["start"], CLAUSE_ENDS)
            if COMPARED_OPENING.match(folded, cs) and not any(cs <= ms < q["start"] and ent.cls in ORGS | PRODUCTS
                                                             for ms, me, ent in mentions):
                subject, settled = last_subject, True
        if subject is None and q["unit"] in CURRENCIES and GRANT_AFTER.match(folded, q["end"]):
            # 並獲得美國商務部最高4.5億美元的補助: a grant is the receiver's, from the one who grants it
            cs, _ = _bounds(folded, q["start"], CLAUSE_ENDS)
            received = RECEIVED.search(folded, cs, q["start"])
            if received is not None:
                granter = next((ent for ms, me, ent in mentions if received.end() <= ms and me <= q["start"]
                                and ent.cls in ORGS), None)
                receiver = next((ent for ms, me, ent in reversed(mentions) if sentence[0] <= ms and me <= received.start()
                                 and ent.cls in ORGS and ent is not granter), None)
                if receiver is not None:
                    subject, settled = receiver, True
                    # (A與B各獲得5億美元補助: each member of a list the grant is shared by receives it)
                    others = [*_shared_by(mentions, folded, sentence, q["start"], receiver),
                              *([granter] if granter is not None else [])]
        shares = SHARES_POINTER.match(folded, _bounds(folded, q["start"], CLAUSE_ENDS)[0]) if subject is None else None
        deal = next((st for st in reversed(statements) if st.kind == "funding" and st.evidence.start < q["start"]
                     and _same_paragraph(folded, st.evidence.start, q["start"])), None) if shares is not None else None
        if deal is not None:
            # …以每股20.47美元購買4.333億股英特爾普通股。這些股份目前價值111億美元: what the shares bought are
            # worth is the deal's, of the firm whose shares they are and of the buyer
            parties = _parties(deal, entities, ("counterpart", "agent"))
            if parties:
                subject, others, settled = parties[0], parties[1:], True
        if subject is None and (PROJECT_POINTER.match(folded, _bounds(folded, q["start"], CLAUSE_ENDS)[0]) or (
                PROJECT_POINTER.match(folded, sentence[0])
                and not any(sentence[0] <= ms < q["start"] and ent.cls not in PLACES for ms, me, ent in mentions))):
            # 啟動中國移動呼和浩特數據中心…採購項目。該項目計劃投資52.4億元: the facility the project builds,
            # named last before (a plant, a data centre, a park); 該項目位於…，總建築面積約9.9萬平方米: the
            # clauses of a sentence opening with the project, naming only where it is, are about it too
            cs = _bounds(folded, q["start"], CLAUSE_ENDS)[0]
            subject = next((ent for ms, me, ent in reversed(mentions) if me <= cs and cs - me < 300
                            and ent.cls == "Place" and FACILITY_NAME.search(folded[ms:me])), None)
            settled = subject is not None
        if subject is None and (field := FIELD_LINE.match(folded, folded.rfind("\n", 0, q["start"]) + 1)) is not None \
                and field.end() <= q["start"]:
            # 英偉達擬收購以色列AI21 Labs⏎交易金額：20-30億美元: a field of the item a heading line named, the
            # parties of that line's statement
            line = folded.rfind("\n", 0, q["start"])
            heading = next((st for st in reversed(statements) if st.kind != "Measurement" and st.evidence.end <= line
                            and line - st.evidence.end < 200 and "\n" not in folded[st.evidence.end:line]), None)
            parties = [x for x in _parties(heading, entities, ("agent", "counterpart", "subject")) if x.cls in ORGS] \
                if heading is not None else []
            if parties:
                subject, others, settled = parties[0], parties[1:], True
        if subject is None and DIVISION_POINTER.match(folded, sentence[0]):
            # …設備解決方案（DS）業務部門。該部門本季度收入為33.1萬億韓元: the division named last before
            subject = next((ent for ms, me, ent in reversed(mentions) if me <= sentence[0] and sentence[0] - me < 300
                            and ent.cls in ("Organization", "GovernmentAgency")), None)
            settled = subject is not None
        if subject is None and q["unit"] not in SPEC_UNITS and q["metric"] not in FIRM_METRICS:
            # 中國有近5000家晶片設計公司, 香港去年有逾400家公司上市: a country or city that opens the clause
            # and has or aims at the figure is its owner, not the firm the sentences before were about
            subject = _place_subject(mentions, folded, q["start"])
            settled = settled or subject is not None
        if subject is None and q["unit"] not in SPEC_UNITS and not _described(mentions, folded, q["start"]):
            # 中芯、華虹等規劃將產量從不到2萬片提升至10萬片: the figure is about what its clause
            # names before it, or the sentence's topic, and every member of a list named together
            found = _clause_subjects(amount_frames, mentions, entities, folded, q["start"])
            if found:
                subject, others = found[0], found[1:]
        if subject is None and q["unit"] not in SPEC_UNITS:
            # 這座新廠未來10年投資總額達240億美元: a figure after a pointer to a company or its plant, with no
            # name between, is that company's
            cs = _bounds(folded, q["start"], CLAUSE_ENDS)[0]
            ref = clause_cues().pointer.match(folded, cs)
            if ref is not None and len(ref.group()) >= 3 and not POINTED_KIND.search(ref.group()) and not any(
                    cs <= ms < q["start"] for ms, me, ent in mentions):   # (not 其, whose owner the clause says)
                subject = company_before(mentions, folded, cs)
        if subject is None and q["unit"] not in SPEC_UNITS:
            # 該國半導體出口同比增長15.7%, 當地政府承諾投入250億令吉: the country a pointer before the figure names
            cs = _bounds(folded, q["start"], CLAUSE_ENDS)[0]
            ref = clause_cues().pointer.search(folded, cs, q["start"])
            kind = POINTED_KIND.search(ref.group()) if ref is not None else None
            if kind is not None and kind.lastgroup == "country":
                subject = next((ent for ms, me, ent in reversed(mentions) if me <= ref.start() and ent.cls == "Country"
                                and _same_paragraph(folded, ms, q["start"])), None)
        if subject is None:
            subject = _subject_of_amount(mentions, entities, folded, q["start"], q["unit"])
            if subject is not None and subject.cls in ORGS and q["unit"] in PRODUCT_MEASURES:
                # 長鑫量產LPDDR5X。該公司的產品線包括速度為9600 Mbps的晶片: a measure only a product has is
                # the product's the paragraph names before it, not its maker's
                subject = next((ent for ms, me, ent in reversed(mentions) if me <= q["start"] and ent.cls in PRODUCTS
                                and not _architecture(mentions, folded, ent)
                                and _same_paragraph(folded, ms, q["start"])), subject)
        if subject is None and STOCK_POINTER.search(folded, sentence[0], q["start"]):
            # …今天上市。該股收盤價為829.9元: the company whose shares the article follows
            subject = main or company_before(mentions, folded, sentence[0])
        if subject is None and q["unit"] in SPEC_UNITS and \
                re.search(r"(?:该|这款|此款|这颗|其)(?:芯片|处理器|加速卡|产品|gpu)?", folded[sentence[0]:q["start"]]):
            # 該晶片採用7奈米工藝: the chip named last before the sentence; 其整機功耗…: its, the product the
            # figures before were about
            if recent is not None and recent.cls in PRODUCTS and \
                    re.search(r"(?<![尤极])其(?![他它中余实])", folded[sentence[0]:q["start"]]):
                subject = recent
            # (a rate only a product has is a standard's too: LPDDR5X at 9600 Mbps)
            subject = subject or next((ent for ms, me, ent in reversed(mentions) if ms < sentence[0] and ent.cls in PRODUCTS
                            and (not _technology(ent) or q["unit"] in PRODUCT_MEASURES)
                            and not _architecture(mentions, folded, ent)
                            and (_same_paragraph(folded, ms, q["start"]) or sentence[0] - me < 200)), None)
        # (資料中心業務營收43億美元…，其中EPYC Tundra占…: a product named only after a figure in a sentence
        # that names nothing before it gives way to what the figures before were about)
        named_after = subject is not None and not any(ent is subject and ms < q["start"] for ms, me, ent in mentions)
        if subject is None or ((subject.cls not in PRODUCTS or (named_after and recent is not None
                                                                and recent.cls in ORGS and q["unit"] in CURRENCIES))
                               and not settled and not _before_in_sentence(mentions, folded, q["start"])):
            if recent is not None:
                subject = recent
            elif re.search(r"公司|该企业|其|管理层|管理阶层", folded[sentence[0]:q["start"]]) or STOCK_POINTER.search(
                    folded, sentence[0], q["start"]) or any(
                    m.start() <= q["start"] < m.end() for m in POINTER_AROUND.finditer(folded, sentence[0], sentence[1])):
                # (這家兩年前營收僅1600萬美元的公司: the figure inside a pointer's relative clause is the company's)
                # 北方華創官網顯示，公司…現有2萬名員工; 報告期內，公司實現營收…: the company bare_company says
                # (該股…: the company whose shares the article follows)
                # (管理層預計營收…: the company's management speaks of the company's figures)
                pointer = re.search(r"(?<![子母分])公司|该企业|其|管理层|管理阶层", folded[sentence[0]:q["start"]])
                own = pointer is not None and any(ent.cls == "Company" and sentence[0] <= ms and me <= sentence[0] + pointer.start()
                                                  for ms, me, ent in mentions)
                subject = bare_company(mentions, folded, sentence[0],
                                       sentence[0] + pointer.start() if own else sentence[0], main) or subject
        if recent is not None and not settled and last_sentence == sentence and subject is not recent and \
                (subject is None or subject.cls not in {"Company", "Organization"} | PRODUCTS
                 or (recent.cls in PRODUCTS and subject.cls in ORGS)
                 # (…助寒武紀上半年實現利潤10.3億元，去年同期虧損5.33億元: the same period before is the same firm's)
                 or PRIOR_PERIOD.match(folded, _bounds(folded, q["start"], CLAUSE_ENDS)[0])):
            cs, _ = _bounds(folded, q["start"], CLAUSE_ENDS)
            if not any(cs <= ms < q["start"] for ms, me, ent in mentions):
                # …向Rapidus提供5,900億日圓補助，累計支援金額將達到1兆7,225億日圓: a clause naming nothing
                # goes on about what the sentence's figure before was about
                subject = recent
        if subject is None:  # 總算力達到8 EFLOPS with no product named: what the sentence is about
            found = _clause_subjects(amount_frames, mentions, entities, folded, q["start"])
            subject = found[0] if found else None
        if subject is None and last_subject is not None and last_subject.cls == "Company" and \
                (q["unit"] in ("PERCENT", "NM") or q["unit"] in CURRENCIES):
            # 以製程別觀察，28奈米占比36%: a paragraph naming nothing goes on about the company the
            # figures before were about
            subject = last_subject
        if subject is None and (q["unit"] in CURRENCIES or q["unit"] == "PERCENT") and \
                not any(sentence[0] <= ms < sentence[1] for ms, me, ent in mentions):
            # 中芯發布第二季財報。二季度銷售收入為22.09億美元…: a sentence naming nothing goes on about the
            # company the sentence before it was about, in its paragraph
            before = company_before(mentions, folded, sentence[0])
            if before is not None and any(ent is before and _same_paragraph(folded, ms, q["start"])
                                          for ms, me, ent in mentions if me <= sentence[0]):
                subject = before
        if not settled and q["unit"] in CURRENCIES and (pointer := PRODUCT_TOPIC.search(folded, sentence[0], q["start"])):
            # 該模型在…上完成訓練，訓練成本約為560萬美元: a sum in a sentence about the product a pointer names
            cs, _ = _bounds(folded, q["start"], CLAUSE_ENDS)
            if not any(cs <= ms < q["start"] for ms, me, ent in mentions):
                subject = next((ent for ms, me, ent in reversed(mentions) if me <= pointer.start() and ent.cls in PRODUCTS
                                and pointer.start() - me < 300), subject)
        node = next((ent for ms, me, ent in nodes if ms <= q["start"] < me), None) if q["unit"] == "NM" else None
        if subject is None and node is None:
            # 據北辰研究數據，2025年至少13個項目…: a figure of what the sentence does not name is told by the source
            # it cites, the only one named
            cited_here = {ent.key: ent for ms, me, ent in all_mentions if sentence[0] <= ms and me <= q["start"]
                          and ent.cls in ORGS and _data_source(folded, ms, me)}
            if len(cited_here) == 1 and not any(sentence[0] <= ms < q["start"] for ms, me, ent in mentions):
                subject, settled = next(iter(cited_here.values())), True
        if subject is None:
            if node is None:
                continue
            subject = node
        compared = next((ent for ms, me, ent in mentions if (q["unit"] == "TIMES" or q["rule"] == "fraction")
                         and COMPARED_GAP.fullmatch(folded, me, q["start"])), None)
        if compared is not None:
            # QH-900的單卡算力約為H20的4.3倍, 售價不到XG-510的三分之一: the name before 的…倍 is what is
            # compared with (and its maker named before it: 英偉達H100); what is compared opens the clause,
            # else is what the figures before were about, else the product its sentence named before
            cstart = next(ms for ms, me, ent in mentions if ent is compared and COMPARED_GAP.fullmatch(folded, me, q["start"]))
            brand = next((ent for ms, me, ent in mentions if me == cstart and ent.cls in ORGS), None)
            others = [x for x in others if x is not compared and x is not brand]
            if subject is compared or (brand is not None and subject is brand):
                cs, _ = _bounds(folded, q["start"], CLAUSE_ENDS)
                opener = next((ent for ms, me, ent in mentions if cs <= ms and me <= q["start"] and ent is not compared
                               and ent is not brand and ent.cls not in PLACES), None)
                topic = next((ent for ms, me, ent in reversed(mentions) if sentence[0] <= ms and me <= cstart
                              and ent is not compared and ent is not brand and ent.cls in PRODUCTS), None)
                subject = opener or (recent if recent is not None and recent is not subject else topic or subject)
        if subject.cls in PRODUCTS and not settled and (q["unit"] in SPEC_UNITS or q["unit"] in COUNT_LIKE) \
                and q["unit"] not in ("NM", "TIMES"):
            # 驍龍8 Elite Gen5採用了第三代Oryon核心。其中，兩顆超大核的頻率高達4.6GHz: a part named after
            # a verb of using, with the product using it named before in that sentence, gives the figures
            # of the product (the part's too)
            part = next(((ms, me) for ms, me, ent in reversed(mentions) if ent is subject and me <= q["start"]), None)
            # (搭載的Venice CPU以台積電2奈米製程打造: not a figure of the part's own clause; nor one sentences on)
            used = PART_USED.search(folded, max(0, part[0] - 10), part[0]) if part is not None and \
                part[1] <= _bounds(folded, q["start"], CLAUSE_ENDS)[0] and \
                part[0] >= _bounds(folded, max(0, sentence[0] - 1), ENDS)[0] else None
            if used is not None:
                whole = next((ent for ms, me, ent in reversed(mentions) if me <= used.start() and ent.cls in PRODUCTS
                              and ent is not subject and not _technology(ent)
                              and ms >= _bounds(folded, part[0], ENDS)[0]), None)
                if whole is not None:
                    subject, others = whole, [subject, *(x for x in others if x is not whole)]
        if subject.cls in PRODUCTS and not settled:
            # 思元690較上一代思元590算力提升約4倍，採用7奈米工藝: the product compared with (its last mention
            # before the figure follows 較/比/相比) gives way to the product the sentence is about
            last = next(((ms, me) for ms, me, ent in reversed(mentions) if ent is subject and sentence[0] <= ms < q["start"]),
                        None)
            # (…較上一代QX620的64MB: a figure right after the compared product's 的 is that product's own)
            if last is not None and BASELINE.search(folded, max(0, last[0] - 8), last[0]) and not (
                    q["unit"] not in ("TIMES", "PERCENT") and COMPARED_GAP.fullmatch(folded, last[1], q["start"])):
                subject = next((ent for ms, me, ent in reversed(mentions) if me <= last[0] and ent.cls in PRODUCTS
                                and ent is not subject and last[0] - me < 200), subject)
        if subject.cls in PRODUCTS and not settled and q["unit"] in CURRENCIES:
            cs, _ = _bounds(folded, q["start"], CLAUSE_ENDS)
            if re.search(r"(?<![该这本子母分])公司", folded[cs:q["start"]]) and \
                    not any(cs <= ms < q["start"] and ent.cls in PRODUCTS for ms, me, ent in mentions):
                # 截至6月30日，公司在手訂單金額超過45億元: a sum the company has, not the chip the text is about
                subject = main or company_before(mentions, folded, cs) or subject
        if q["unit"] in ("TIMES", "PERCENT") and recent is not None and recent is not subject and \
                _compared_with(mentions, folded, subject, sentence[0], q["start"]):
            # 相比NVL144系統，算力高出2.1倍 / 與上代產品相比提升了20倍: what follows 相比 is the measure, the
            # figure is what the paragraph is about
            subject = recent
        if subject.cls in ORGS and (main or recent) not in (None, subject) and any(
                ent is subject and sentence[0] <= ms and me <= q["start"] and ESTIMATE_BY.match(folded, me)
                for ms, me, ent in mentions):
            # 華辰證券給出的合理市值區間為900億元至1100億元: the firm estimates, the figure is the company's
            subject = main or recent
        if _technology(subject) and q["unit"] not in SPEC_UNITS and not settled:
            # 公司HBM月產能將提升約30%: a technology's figure in a clause about a company is the company's
            cs, _ = _bounds(folded, q["start"], CLAUSE_ENDS)
            firm = next((ent for ms, me, ent in reversed(mentions) if cs <= ms and me <= q["start"] and ent.cls in ORGS), None)
            if firm is None and re.search(r"(?<![该这本])公司", folded[cs:q["start"]]):
                firm = main or company_before(mentions, folded, cs)
            if firm is None:
                # 集邦昨日報告，DRAM合約價將季增55%；NAND Flash季增33%: the firm the sentence is about
                # (；NAND Flash季增33%: or the firm whose figures the sentence before gave, in the same paragraph)
                firm = next((ent for ms, me, ent in mentions if sentence[0] <= ms and me <= cs and ent.cls in ORGS), None) \
                    or (recent if recent is not None and recent.cls in ORGS else None)
            subject = firm or subject
        if _technology(subject) and q["unit"] in COUNT_LIKE and (recent is None or recent.cls not in PRODUCTS):
            continue  # 首批產能約10萬顆 beside HBM: a count of something the text does not name
        if _technology(subject) and recent is not None and recent.cls in PRODUCTS and not _technology(recent):
            # HBM容量是後者的3.6倍: a technology named beside a figure is what the product in hand has
            subject = recent
        others = [x for x in others if not _technology(x) or _technology(subject)]
        if q["unit"] == "PERCENT" or q["unit"] in CURRENCIES:
            # 三星調漲報價，現貨市場DDR4價格單月漲近30%: a price the clause names after a product is that product's too
            cs, _ = _bounds(folded, q["start"], CLAUSE_ENDS)
            priced = next((ent for ms, me, ent in reversed(mentions) if cs <= ms and me <= q["start"] and ent.cls in PRODUCTS
                           and PRICE_AFTER.match(folded, me)), None)
            if priced is not None and priced is not subject and all(priced is not x for x in others):
                others = [*others, priced]
        if node is not None and node is not subject:
            others = [*others, node]
        if subject.cls in PLACES and q["metric"] in FIRM_METRICS and not settled:
            # 德州儀器計劃在美國七座晶圓廠投資逾600億美元, 美國通用會計準則下淨利…: a firm's figure in a
            # clause that names only a place is the firm's the sentence or the figures before were about
            firm = next((ent for ms, me, ent in reversed(mentions) if sentence[0] <= ms and me <= q["start"]
                         and ent.cls in ORGS), None)
            subject = firm or (recent if recent is not None and recent.cls in ORGS else None) or main or subject
        if subject.cls in PRODUCTS:
            segment = not settled and _segment_figure(mentions, folded, q["start"])
            named_at = next((me for ms, me, ent in reversed(mentions) if ent is subject and me <= q["start"]), None)
            share_of = named_at is not None and re.search(r"占|佔", folded[named_at:q["start"]]) is not None
            if segment or (q["metric"] in COMPANY_METRICS and not share_of):
                # 天璣晶片出貨暢旺，預期第四季營收將介於…: revenue and margins are a company's; so is a business
                # segment's figure (遊戲業務因Radeon顯卡增長181%), not a product's named in its clauses; a share the
                # product takes of them stays the product's (EPYC Turin占EPYC總營收近50%). The company is the
                # product's developer, the article's, or the one named last before the figure: in the sentence
                # (鋒芯科技執行長…表示，曜光9晶片出貨暢旺，預期第四季營收…), for a segment in the paragraph
                maker = next((entities.get(r.object) for r in relations if r.subject == subject.key
                              and r.property == "developer"), None)
                named = next((ent for ms, me, ent in reversed(mentions) if me <= q["start"] and ent.cls == "Company"
                              and (_same_paragraph(folded, ms, q["start"]) if segment else sentence[0] <= ms)), None)
                subject = maker or main or named or subject
        if subject.cls in ("MediaOrganization", "Organization") and \
                ANALYSTS_EXPECT.search(folded, max(sentence[0], q["start"] - 10), q["start"]):
            # 遠高於彭博分析師預期的68.5億歐元, 高於StreetAccount預期的606.9億美元: the analysts' figure is of the
            # company the sentence is about
            subject = next((ent for ms, me, ent in mentions if sentence[0] <= ms < q["start"] and ent.cls == "Company"),
                           None) or main or subject
        last_named = next((me for ms, me, ent in reversed(mentions) if ent is subject and me <= q["start"]), None)
        plant = next((ent for ms, me, ent in mentions if last_named is not None and ms - last_named in (0, 1)
                      and me <= q["start"] and ent.cls == "Place" and PLANT_NAME.search(folded[ms:me])), None) \
            if subject.cls in ORGS and not settled and q["unit"] in COUNT_LIKE else None
        if plant is not None and not any(last_named < ms < q["start"] and ent.cls in ORGS | PRODUCTS
                                         for ms, me, ent in mentions):
            # 英特爾 Fab 52 每週可生產約10,000片晶圓: what the firm's plant named right after it makes is the
            # plant's figure, the firm's too
            subject, others = plant, [subject, *others]
        if subject.cls in ORGS and not settled and (main or recent) not in (None, subject) and last_named is not None \
                and DEAL_WITH.match(folded, last_named):
            # 認列塔塔電子合作案淨收益4.9億元；每股淨損0.16元: a firm named last as the other party of a deal is
            # no subject of the gain it brought, nor of the figures after: the firm the text is about is
            subject = main or recent
        stake = q["unit"] == "PERCENT" and STAKE.search(folded, _bounds(folded, q["start"], CLAUSE_ENDS)[0], q["start"])
        if subject is not None and not settled and subject.cls in SOURCE_CLASSES:
            # 據馬來西亞投資發展局日前公布的數據，2025年，馬來西亞…獲批投資達1529億林吉特: the body whose data give
            # the figure is its source; the figure is about what its own clause names
            at = next(((ms, me) for ms, me, ent in mentions if ent is subject and sentence[0] <= ms < q["start"]), None)
            if at is not None and ACCORDING_TO.search(folded, max(sentence[0], at[0] - 3), at[0]) \
                    and SOURCE_VERB_AFTER.match(folded, at[1]):
                cs = _bounds(folded, q["start"], CLAUSE_ENDS)[0]
                named = [ent for ms, me, ent in mentions if cs <= ms and me <= q["start"] and ent is not subject
                         and ent.cls in ORGS | PLACES]
                if named and cs > at[1]:
                    source, subject = subject, named[0]
                    others = [x for x in others if x is not subject]
        if source is None and not settled:
            # 集邦指出，北美五大雲端業者資本支出將年增40%: a firm or body that says or estimates the figure
            # before it in the sentence is its source (its forecast, whoever the figure is about)
            # (TrendForce數據顯示，DRAM價格暴漲171.8%，拉動三星DS部門利潤反彈超10倍: only the clause right
            # after what it says, or its own; the clauses after that go on about what the figure did)
            cs = _bounds(folded, q["start"], CLAUSE_ENDS)[0]
            source = next((ent for ms, me, ent in reversed(mentions) if sentence[0] <= ms and me <= q["start"]
                           and ent.cls in SOURCE_CLASSES and ent is not subject and ent not in others
                           and (said := SOURCE_VERB_AFTER.match(folded, me)) is not None
                           and (ms >= cs or not folded[_bounds(folded, said.end(), CLAUSE_ENDS)[1]:cs].strip(CLAUSE_ENDS + " "))),
                          None)
        if (q["unit"] in CURRENCIES or q["unit"] == "RANK") and not stake:
            # 國巨董事長陳某資產淨值105億美元，台灣排名第三（全球第308）: what a person is worth, and where a
            # list of the rich ranks him, is the person's (his firm, named as his title's, too)
            person = next(((ms, me, ent) for ms, me, ent in reversed(mentions) if sentence[0] <= ms and me <= q["start"]
                           and ent.cls == "Person"), None)
            # (馬斯克以8,390億美元資產淨值…: the word may follow the figure)
            if person is not None and PERSONAL_FIGURE.search(folded, person[0], min(q["end"] + 8, _bounds(folded, q["start"], CLAUSE_ENDS)[1])) and \
                    not any(person[1] <= ms < q["start"] and ent.cls in ORGS | PRODUCTS for ms, me, ent in mentions):
                others = [x for x in [subject, *others] if x is not person[2] and x.cls in ORGS
                          and any(ent is x and sentence[0] <= ms < q["start"] for ms, me, ent in mentions)]
                subject, settled, source = person[2], True, None
                # (秦某與米某各拿到61張股票，市值約8892萬元: each member of the list the grant is shared by)
                others = [*_shared_by(mentions, folded, sentence, q["start"], subject), *others]
        if subject.cls == "Person" and (q["unit"] == "SHARE" or q["unit"] in CURRENCIES) and \
                SHARE_GRANT.search(folded, sentence[0], q["start"] + 4):
            # 共同營運長王某與林某各獲配6萬股: shares granted to officers are theirs, from the company they work for
            employer = entities.get(affiliation.get(subject.key, "")) or main
            if employer is not None and employer not in others:
                others = [*others, employer]
        if subject.cls == "Person" and q["unit"] not in ("YEAR", "PERSON") and not stake and not settled and \
                not PERSONAL_FIGURE.search(folded, *_bounds(folded, q["start"], CLAUSE_ENDS)):
            # (黃某的淨資產達1,440億美元，為全球第九大富豪: what the person is worth is the person's own)
            # 趙海軍指出，第3季銷售收入23.82億美元: a figure an officer gives is his company's (a known
            # person of no company here, a head of state, keeps what he announces: 課徵約100%關稅)
            # (and the officer is its source: the figure is linked to who gave it, as who-said-what lists it)
            org = entities.get(affiliation.get(subject.key, "")) or (None if subject.known else main)
            source = subject if org is not None else None
            subject = org or subject
        if stake and main is not None and subject is not main and subject.cls in ORGS | {"Person"} and \
                not any(ent is main or (stake.start() <= ms and ent.cls in ORGS) for ms, me, ent in mentions
                        if sentence[0] <= ms < q["start"]) and main not in others:
            # 張建中直接、間接持股36.36%，A、B等股東持股占比分別為…: a stake in the company the article is
            # about, when the sentence names no other
            others = [*others, main]
        if stake and subject.cls in ORGS:
            holder = _stake_holder(mentions, folded, sentence, q["start"], subject)
            if holder is not None and holder not in others:
                # 陳某為星河第一大股東，持有星河28.57%股份: the stake is the holder's too
                others = [*others, holder]
        if subject.cls not in PLACES:
            # 華虹在上海和張江建有三座晶圓廠: places named beside a firm's figure are where, not whose
            others = [x for x in others if x.cls not in PLACES]
        if not settled:
            # MI350X和MI355X…，均支援高達288GB的HBM3E: a figure after 均/都 is each listed member's
            others = [*others, *(x for x in _shared_by(mentions, folded, sentence, q["start"], subject) if x not in others)]
            # 投資210億日圓（約新台幣42.8億元）的軟銀與索尼集團: a figure describing the names listed after its 的
            # is each one's
            others = [*others, *(x for x in _described_list(mentions, folded, q["end"], subject) if x not in others)]
        if source is None and last_sentence == sentence and subject is last_subject:
            source = last_source   # 趙某指出，第3季營收…，季增7.8%: the figures going on with his are his too
        last_subject, last_sentence, last_end, last_bracketed, last_source = subject, sentence, q["end"], bracketed, source
        shared = [x for x in [subject, *others] if x.cls in ORGS]
        last_shared = shared if len(shared) >= 2 else []
        date = periods.get(q["start"]) or _date_for(dates, sentence[0], q["start"], sentence[1])
        if date is None and PERIOD_BACK.match(folded, sentence[0]):
            # 報告期內，公司實現營收…: the period the sentence before named (2026財年第三季度)
            date = next((d for d in reversed(dates) if d["start"] < sentence[0] and d["precision"] == "year"
                         and _same_paragraph(folded, d["start"], q["start"])), None)
        if date is not None and date["start"] > q["end"] and PRIOR_YEAR.match(folded, _bounds(folded, date["start"], CLAUSE_ENDS)[0]):
            date = None   # 虧損5.03億元，去年同期虧損6.65億元: the year compared with is no date of the figure before it
        roles = tuple(("subject", k) for k in dict.fromkeys(x.key for x in [subject, *others]))
        if source is not None and all(source is not x for x in [subject, *others]):
            roles += (("attributedTo", source.key),)
        statements.append(Statement(
            kind="Measurement", roles=roles,
            evidence=evidence(q["start"], q["end"], f"amount-{q['rule']}", 0.7),
            amount=_amount(q), date=_date_value(date),
            hedged=bool(HEDGE.search(folded[sentence[0]:sentence[1]]))))

    # (an outlet cited as the source is no part of the news it reports, as a dateline's is not)
    # (文 | 晴川財經,作者 | 孟某,編輯 | 王某: people named only as a story's writers state no fact of it, and
    # no 他們 of the story means them)
    mentions = [m for m in all_mentions if m[0] not in cited and not _credited_only(m[2]) and m[0] not in attribute]
    # -- clause frames: the entities of any clause, linked as the clause links them
    lexicon = _lexicon()
    # typed relations through the lexicon (the sentence's topic carried into a clause that opens with its verb:
    # 林某出生於檳城，畢業於星洲大學 says where 林某 studied)
    for fr in clause_frames(folded, clauses(doc), sentences, mentions, predicate=predicate, main=main):
        for subj, prop, obj, start, end in frame_relations(fr, folded, mentions, lexicon):
            if prop == "developer" and subj in entities and _technology(entities[subj]):
                continue  # 華為自研的HiZQ高帶寬內存: who develops HBM is the reference's to say (who makes it, the text's)
            if prop == "developer" and subj in entities and _developed_by_another(entities[subj], obj, relations):
                continue  # 小米推出驍龍筆電: a known chip's developer is the reference's (a new model's, its family's)
            add_relation(subj, prop, obj, evidence(start, end, "frame-lexicon", 0.6))
    # 產品線「天垓」…天垓Gen1: a model named after a line the article found is of that line, and its
    # developer is the line's
    lines = {to_simplified(n).lower(): ent for ent in entities.values() if ent.cls in ("Product", "ChipFamily")
             and not ent.known for n in ent.names if len(n) >= 2}
    for chip in [e for e in entities.values() if e.cls == "Chip" and not e.known and e.mentions]:
        for name in sorted(chip.names):
            folded_name = to_simplified(name).lower()
            line = next((ent for n, ent in lines.items() if folded_name.startswith(n)
                         and MODEL_AFTER_LINE.fullmatch(folded_name[len(n):])), None)
            if line is None:
                continue
            first = min(chip.mentions, key=lambda ev: ev.start)
            add_relation(chip.key, "partOfSeries", line.key, evidence(first.start, first.end, "model-of-line", 0.65))
            developer = next((r.object for r in relations if r.subject == line.key and r.property == "developer"), None)
            if developer is not None and not any(r.subject == chip.key and r.property == "developer" for r in relations):
                add_relation(chip.key, "developer", developer, evidence(first.start, first.end, "model-of-line", 0.6))
            break
    # 北辰集團設立三家子公司，包括A、B與C; 該基金設立三檔子基金，包括A、B與C: each member listed after the
    # word for its subsidiaries is a subsidiary of the organisation the sentence names before it (or, after a
    # pointer and no name, of the one named last before the sentence)
    for m in SUBSIDIARY_LIST.finditer(folded):
        s0, _ = sentence_of(m.start())
        members, pos = [], m.end()
        for ms, me, ent in mentions:
            if ms < pos or ent.cls not in ORGS:
                continue
            if ms != pos and not (members and LIST_JOINER.fullmatch(folded, pos, ms)):
                break
            members.append(ent)
            pos = me
        if not members:
            continue
        before = [ent for ms, me, ent in mentions if s0 <= ms and me <= m.start() and ent.cls in ORGS and ent not in members]
        parent = before[-1] if before else (
            next((ent for ms, me, ent in reversed(mentions) if me <= s0 and ent.cls in ORGS and s0 - me < 400), None)
            if DEFINITE_BODY.match(folded, s0) else None)
        for ent in members if parent is not None else ():
            add_relation(ent.key, "parentOrganization", parent.key, evidence(m.start(), m.end(), "subsidiary-list", 0.6))
    # 富士通亦新投資200億日圓, 投資210億日圓的軟銀…成為最大股東: an investment whose clause names the investor
    # and no company it goes to is one in the company the article is about, named before
    owned = {(r.subject, r.object) for r in relations if r.property == "ownedBy"}
    for cs, ce in clauses(doc) if main is not None else ():
        trigger = INVESTED.search(folded, cs, ce)
        if trigger is None or not any(ms < cs for ms, _, ent in mentions if ent is main) \
                or CAPEX_OR_PLACE.search(folded, trigger.end(), ce) or HEDGE.search(folded, cs, ce):
            continue
        here = [ent for ms, me, ent in mentions if cs <= ms and me <= ce]
        investors = [ent for ent in here if ent.cls in ("Company", "Organization", "GovernmentAgency")]
        if not investors or main in here or any(ent.cls in PLACES | PRODUCTS for ent in here) \
                or any((a.key, b.key) in owned or (b.key, a.key) in owned for a in here for b in here):
            continue
        for ent in investors:
            add_relation(main.key, "ownedBy", ent.key, evidence(trigger.start(), trigger.end(), "investor-of-main", 0.5))
    # 認購方晴川集團為上市公司實際控制人: the article's company is owned by the one named before
    for cs, ce in clauses(doc) if main is not None else ():
        trigger = CONTROLS_MAIN.search(folded, cs, ce)
        if trigger is None:
            continue
        holder = next((ent for ms, me, ent in reversed(mentions) if cs <= ms and me <= trigger.start()
                       and ent.cls in ("Company", "Organization", "GovernmentAgency", "Person")), None)
        if holder is not None and holder is not main:
            add_relation(main.key, "ownedBy", holder.key, evidence(trigger.start(), trigger.end(), "controller-of-main", 0.6))
    # 荷蘭經濟大臣卡雷曼斯 … 荷經濟部: a minister named by his ministry's words works for the ministry the
    # article names by them (部, 事務部, 省)
    agencies = [ent for ent in entities.values() if ent.cls == "GovernmentAgency"]
    for ms, me, person in mentions if agencies else ():
        title = MINISTER_BEFORE.search(folded, max(0, ms - 12), ms) if person.cls == "Person" else None
        if title is None:
            continue
        stem = title.group("stem")
        for start in range(len(stem) - 1):   # (荷蘭|經濟: the country before the ministry's words)
            words = stem[start:]
            ministries = [ent for ent in agencies if any(
                f"{words}{end}" in fold(n) for n in ent.names for end in ("部", "事务部", "省"))]
            if len(ministries) == 1:   # (two countries' 商務部 in one article: whose is not said here)
                add_relation(person.key, "employer", ministries[0].key, evidence(title.start(), me, "minister-of-ministry", 0.6))
            if ministries:
                break
    # 摩爾線程…主要產品包括…MTT S80，以及…KUAE、MCCX D800: the products a company's product line lists are
    # its own (the company the sentence names last before the list, or the article's after a bare 公司)
    for m in OWN_PRODUCT_LINE.finditer(folded):
        s0, s1 = _bounds(folded, m.start(), ENDS)
        maker = next((ent for ms, me, ent in reversed(mentions) if s0 <= ms and me <= m.start() and ent.cls in ORGS), None)
        if maker is None and re.search(r"(?<![子母分])公司", folded[s0:m.start()]):
            maker = main
        if maker is None or maker.cls != "Company":
            continue
        for ms, me, ent in mentions:
            if m.end() <= ms < s1 and ent.cls in PRODUCTS and not _technology(ent) \
                    and not _developed_by_another(ent, maker.key, relations):
                add_relation(ent.key, "developer", maker.key, evidence(m.start(), me, "product-line", 0.6))
    # 國盛資本、紅杉資本、深創投等股東，持股占比分別為…: the shareholders a list names, in a clause naming
    # no other company before them, own the article's company
    for m in SHAREHOLDERS_AFTER_LIST.finditer(folded) if main is not None else ():
        cs, _ = _bounds(folded, m.start(), CLAUSE_ENDS)
        here = [(ms, me, ent) for ms, me, ent in mentions if cs <= ms and me <= m.start()]
        run: list[Entity] = []
        end = m.start()
        for ms, me, ent in reversed(here):
            if me != end and not LIST_JOINER.fullmatch(folded, me, end) or ent.cls not in ORGS | {"Person"}:
                break
            run.append(ent)
            end = ms
        if run and not any(ent.cls == "Company" and ent is not main and ent not in run for _, _, ent in here):
            for ent in run:
                if ent is not main:
                    add_relation(main.key, "ownedBy", ent.key, evidence(m.start(), m.end(), "shareholders-before", 0.5))
    linked = _linked_pairs(relations, statements)
    # 荷蘭設備商阿斯麥、美國應用材料和日本東京電子: a country written before one firm of a list is that firm's
    # (place-before-name), not every member's
    modifiers = {(ent.key, sentence_of(ms)[0]) for (ms, me, ent), nxt in zip(mentions, mentions[1:])
                 if ent.cls in PLACES and nxt[2].cls in ORGS and 0 <= nxt[0] - me <= 8
                 and not re.search(r"[、，,。；;和与及\s]", folded[me:nxt[0]])}
    for fr in clause_frames(folded, _units(clauses(doc), sentences, mentions, SENTENCE_WHOLE_UP_TO, folded), sentences,
                            mentions, predicate=predicate, main=main):
        s0 = sentence_of(fr.start)[0]
        if sum(1 for _, k in fr.roles if k in entities and entities[k].cls in ORGS) >= 3:
            fr = replace(fr, roles=tuple((r, k) for r, k in fr.roles if (k, s0) not in modifiers))
        keys = [k for _, k in fr.roles]
        pairs = {frozenset((a, b)) for i, a in enumerate(keys) for b in keys[i + 1:]}
        s0, s1 = sentence_of(fr.start)
        # (1990年，從晴川大學畢業後，他進入…: a clause read with an adverbial before it has the sentence's time)
        date = _date_for(dates, fr.start if fr.lead is None else s0, fr.trigger_start or fr.start, fr.end)
        if pairs <= linked and (date is None or date["start"] in used_dates):
            continue   # (linked already, by a relation or a statement: a frame adds only a time no statement has)
        linked |= pairs
        if date is not None:
            used_dates.add(date["start"])
        statements.append(Statement(
            kind="Statement", roles=fr.roles, evidence=evidence(fr.start, fr.end, "clause-frame", 0.5),
            date=_date_value(date), hedged=bool(HEDGE.search(folded[fr.start:fr.end])), trigger=fr.trigger))

    # -- dates no statement took: one statement per entity of the date's clause
    for d in dates:
        if d["start"] in used_dates:
            continue
        named = next((ent for ms, me, ent in mentions if ms <= d["start"] and d["end"] <= me), None)
        if named is not None:
            if named.cls == "Event" and d["rule"] == "event-year":
                # 2025中國算力大會: the year an event's name opens with is when the event is
                statements.append(Statement(kind="Statement", roles=(("subject", named.key),),
                                            evidence=evidence(d["start"], d["end"], "date-event-year", 0.6),
                                            date=_date_value(d)))
            continue  # 2026年第61號公告: a year inside a name is the name's
        keys = _clause_entities(mentions, folded, d["start"], d["end"])
        # (預計到2026年…成為NAND閃存的最大消費領域: a technology is no actor the date is of)
        keys = [k for k in keys if k not in entities or not _technology(entities[k])]
        cs, ce = _bounds(folded, d["start"], CLAUSE_ENDS)
        if POLICY_POINTER.search(folded, cs, ce):
            # 公告自12月1日起實施, 該規定將於明年生效: the policy the article named last
            # (決定實施出口管制，公告自…: the notice, not export controls named bare, the regime behind it)
            named = [(ms, me, ent) for ms, me, ent in reversed(mentions) if me <= cs and ent.cls in ("Policy", "Law")
                     and cs - me < 300]
            policy = next((ent for ms, me, ent in named if not BARE_REGIME.fullmatch(folded, ms, me)),
                          named[0][2] if named else None)
            keys = [policy.key] if policy is not None else keys
        s0, s1 = sentence_of(d["start"])
        if keys:
            ref = clause_cues().pointer.search(folded, cs, ce)
            if ref is not None and not POINTED_KIND.search(ref.group()) and ref.start() < d["start"]:
                # 該公司於2021年秋季宣布進駐熊本: the company the pointer opening the date's clause names, too
                back = company_before(mentions, folded, ref.start())
                if back is not None and back.key not in keys:
                    keys = [back.key, *keys]
        if not keys:  # 自2016年成立以來，公司始終專注於…: the company the sentence points back to
            ref = clause_cues().pointer.search(folded, s0, s1)
            if (ref is not None and not POINTED_KIND.search(ref.group())) or re.search(r"(?<![该这本])公司", folded[s0:s1]):
                back = next((ent for ms, me, ent in reversed(mentions) if ms < s0 and ent.cls == "Company"), None)
                keys = [(main or back).key] if (main or back) is not None else []
            elif main is not None and not any(s0 <= ms < s1 for ms, me, ent in all_mentions):
                # 3奈米專案…將成為明年AI營收成長的動能: a sentence naming nothing goes on about the company
                # the article is about
                keys = [main.key]
        for key in keys:
            statements.append(Statement(
                kind="Statement", roles=(("subject", key),),
                evidence=evidence(d["start"], d["end"], f"date-{d['rule']}", 0.5), date=_date_value(d)))

    # -- a date is also of every actor, product or rule its sentence names (日經31日報導，格芯…與聯電…: the
    # day of the report is the day of what it reports), each in a statement of its own, so no pair is made
    # of it (places are where things happen; their dates are the actors')
    dated = {(k, st.date.iso) for st in statements if st.date is not None for _, k in st.roles}

    def date_actors(d: dict, t0: int, t1: int, how: str, confidence: float) -> None:
        """The date d of every actor, product or rule named in t0..t1 not dated so yet, one statement each."""
        value = _date_value(d)
        for ms, me, ent in all_mentions:
            if t0 <= ms and me <= t1 and (ent.key, value.iso) not in dated and not _technology(ent) \
                    and not _credited_only(ent) and ent.cls not in PLACES:
                dated.add((ent.key, value.iso))
                statements.append(Statement(
                    kind="Statement", roles=(("subject", ent.key),),
                    evidence=evidence(d["start"], d["end"], f"{how}-{d['rule']}", confidence), date=value))

    for d in dates:
        if not any(ms <= d["start"] and d["end"] <= me for ms, me, _ in mentions):
            date_actors(d, *sentence_of(d["start"]), "date-in-sentence", 0.4)

    # -- the day a paragraph opens with goes on through its sentences that name no date of their own
    # (2025年12月5日9點30分，科創板…首次亮起。摩爾線程開盤定格在650元: the opening's day is the price's)
    for d in dates:
        s0, s1 = sentence_of(d["start"])
        if d["precision"] != "day" or s0 != folded.rfind("\n", 0, d["start"]) + 1 or \
                any(ms <= d["start"] and d["end"] <= me for ms, me, _ in mentions):
            continue
        p1 = folded.find("\n", d["end"])
        for t0, t1 in sentences:
            if t0 >= s1 and (p1 < 0 or t0 < p1) and not any(t0 <= x["start"] < t1 for x in dates):
                date_actors(d, t0, t1, "date-in-paragraph", 0.3)

    reference, inferred = doc.user_data.get("kg_reference", (None, True))
    year = int(str(reference)[:4]) if reference else None
    return ArticleFacts(article, year, inferred, entities, relations, _unique(statements), sentences)


#: 根據弗若斯特沙利文的資料, 據TrendForce統計: whose figures a text cites (they are about something else)
SOURCE_BEFORE = re.compile(r"(?:根据|依据|据|引述|援引)\s*$")
SOURCE_AFTER = re.compile(r"\s*(?:的)?(?:资料|数据|统计|调查|研究|报告|预测|预估|估计|最新)")


#: 投資 (an amount after it), 出資, 入股, 成為最大股東, 投資者包括: a clause saying who put money in (invested rows)
INVESTED = CuePattern(lambda w: rf"(?:新|追加|另|亦|也)?(?:{w('invested')})(?=\s*(?:约|逾|近|超过|达)?\s*\d)"
                                rf"|{w('invested-stake')}")
#: 投資…建廠: money put into a plant, a line or a project, no stake in a company (capex rows)
CAPEX_OR_PLACE = CuePattern("capex")
CONTROLS_MAIN = CuePattern("controls-main")
#: 市場生態高級總監|周苑: a title right before a person's name
PERSON_TITLE_AT_END = CuePattern(lambda w: rf"(?:{w('person-title')})\s*$")
#: 經濟大臣, 經濟部長, 經濟事務大臣 right before a name: a minister by his ministry's words
MINISTER_BEFORE = re.compile(r"(?P<stem>[\u4e00-\u9fff]{2,8}?)(?:事务)?(?:大臣|部长)\s*$")
#: 主要產品包括, 產品線涵蓋: the list of a company's own products follows
OWN_PRODUCT_LINE = re.compile(r"(?:主要|核心|主力|旗下|现有)?产品(?:线|组合|矩阵|系列)?(?:主要)?(?:包括|包含|涵盖|覆盖|有)")
#: A、B等股東: the end of a list of shareholders
SHAREHOLDERS_AFTER_LIST = re.compile(r"等(?:机构|主要|重要)?股东")


#: the rules that find a story's writers and editors
CREDIT_RULES = frozenset({"byline", "reporter", "credit-writer"})


_SAME_PERIOD_A_YEAR_BEFORE = "去年同期|上年同期|上一年同期|前一年同期"
#: 上年同期, 去年同期: a clause opening with the same period a year before
PRIOR_YEAR = re.compile(rf"\s*(?:而|则|较)?(?:{_SAME_PERIOD_A_YEAR_BEFORE}|上年度同期)")
#: 去年同期, 上年同期, 上季: a clause opening with the period a figure is compared with
PRIOR_PERIOD = re.compile(rf"\s*(?:而|则|较)?(?:{_SAME_PERIOD_A_YEAR_BEFORE}|同期|上季|上一季|前一季|去年)")
#: 各獲配6萬股, 拿到61張750股: shares granted to a person (by the company he or she works for)
SHARE_GRANT = re.compile(r"(?:获配|获授|获发|获赠|获颁|配予|授予|拿到|分得|获得)[^，,。；;]{0,10}?股")
#: 淨資產, 身價, 年薪, 富豪: what a person is worth or paid, or where the rich rank them, or the shares granted
PERSONAL_FIGURE = re.compile(r"身价|身家|净资产|资产净值|个人财富|财富|薪酬|年薪|薪资|薪水|富豪|首富|富人|" + SHARE_GRANT.pattern)
#: 共和黨籍, 民主黨黨員: a party's name as what a person is
PARTY_OF_PERSON = re.compile(r"党\s*(?:籍|党员)")


def _only_attribute(mentions, attribute: set[int], key: str, s0: int, s1: int) -> bool:
    """Whether every mention of key in the sentence s0..s1 is one written as a person's attribute."""
    starts = [m[0] for m in mentions if m[2].key == key and s0 <= m[0] < s1]
    return bool(starts) and all(x in attribute for x in starts)


def _credited_only(ent: Entity) -> bool:
    """Whether a person is named only as the story's writer or editor."""
    return ent.cls == "Person" and bool(ent.mentions) and all(m.rule in CREDIT_RULES for m in ent.mentions)


def _data_source(folded: str, start: int, end: int) -> bool:
    """Whether a name is cited as the source of data (it owns none of the figures it gives)."""
    return SOURCE_BEFORE.search(folded, max(0, start - 3), start) is not None and SOURCE_AFTER.match(folded, end) is not None


def _elsewhere_known(reference, rel: dict, entities: dict[str, Entity]) -> bool:
    """A person inferred an officer of a company by title alone whom the reference data knows
    as an officer or employee of other organisations only."""
    person, org = (rel["subject"], rel["object"]) if rel["property"] != "chiefExecutiveOfficer" \
        else (rel["object"], rel["subject"])
    ent = entities.get(person)
    known = reference.get(person) if ent is not None and ent.known and ent.cls == "Person" else None
    if known is None:
        return False
    orgs = {target for prop, target in known.facts
            if prop in ("employer", "^chiefExecutiveOfficer", "^director", "^foundedBy")}
    return bool(orgs) and org not in orgs


#: what a sentence says about a listing or its trading
LISTING_WORD = re.compile(r"上市|挂牌|登陆|招股|首发|ipo|复牌|停牌|股价|收盘|开盘|收报|市值")
#: (00600.HK), （688521.SH）, (SH688521, 股價…): a stock code in brackets right after a company's name
CODE_AFTER_NAME = re.compile(r"\s?[（(]\s?(?:[^（）()]{0,16}?[，,、:：\s])?(?:(?P<code>\d{4,6})\s?\.\s?(?P<market>[a-z]{2,3})"
                             r"|(?P<market2>sh|sz|bj|hk)(?P<code2>\d{6}))(?![a-z0-9])")


@lru_cache(maxsize=4)
def _market_codes(path: str) -> list[tuple[str, tuple[str, ...], str]]:
    """(suffix, code prefixes, exchange key) rows of ontology/lexicon/market-codes.csv, in order; a
    row a user got wrong is a one-line error naming the file and the line."""
    import csv

    from kg.errors import PipelineError
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        for line, r in enumerate(csv.DictReader(f), start=2):
            suffix, prefix, exchange = ((r.get(k) or "").strip() for k in ("suffix", "prefix", "exchange"))
            prefixes = tuple(p for p in prefix.split("|") if p)
            if not re.fullmatch(r"[A-Za-z]{2,3}", suffix) or not exchange or not all(p.isdigit() for p in prefixes):
                raise PipelineError(f"{path}:{line}: bad market code row: a market suffix of 2 or 3 letters, "
                                    f"code prefixes of digits joined by |, and an exchange's id are needed")
            rows.append((suffix.lower(), prefixes, exchange))
    return rows


@lru_cache(maxsize=4)
def _citizen_shorthand(path: str) -> re.Pattern | None:
    """美籍, 日籍 and the other X籍 words of the shorthand file at path, and a word for a kind of person
    after one, right before a name (美籍華人|陳某)."""
    words = sorted((w for w in country_shorthand(path) if w.endswith("籍")), key=len, reverse=True)
    return re.compile(rf"(?P<word>{'|'.join(map(re.escape, words))})(?:{CITIZEN_KIND})?$") if words else None


#: 華人, 工程師: what kind of person a nationality in shorthand describes, before the name
CITIZEN_KIND = "华人|华裔|人士|男子|女子|商人|富商|工程师|科学家|学者|教授|高管|员工"


def _exchange_of_code(folded: str, end: int, ent: "Entity", entities: dict) -> str | None:
    """The exchange a company's stock code in brackets names by its market suffix (HK, SH, SZ…) and,
    for a board of its own, its first digits: the first row of the market codes whose exchange the
    article names (a listing fact is no news of an exchange the text leaves out)."""
    if ent.cls != "Company":
        return None
    m = CODE_AFTER_NAME.match(folded, end)
    if m is None:
        return None
    code, market = (m.group("code"), m.group("market")) if m.group("code") else (m.group("code2"), m.group("market2"))
    from kg.reference import lexicon_file
    path = lexicon_file("market-codes.csv")
    if not path.exists():
        return None
    return next((exchange for suffix, prefixes, exchange in _market_codes(str(path))
                 if suffix == market and (not prefixes or code.startswith(prefixes)) and exchange in entities), None)


@lru_cache(maxsize=1)
def _lexicon():
    """The frame lexicon of the ontology in use; an ontology folder without one types no frames."""
    from kg.reference import ontology_dir
    path = ontology_dir() / "lexicon" / "frame-relations.csv"
    return _lexicon_at(str(path)) if path.exists() else []


@lru_cache(maxsize=4)
def _lexicon_at(path: str) -> list:
    """The frame lexicon at path, read and compiled once (the predicate and the frames of every article use it)."""
    return load_lexicon(path)


def _linked_pairs(relations: list[Relation], statements: list[Statement]) -> set[frozenset]:
    """Pairs of entity keys some relation or statement already links."""
    out = {frozenset((r.subject, r.object)) for r in relations}
    for st in statements:
        keys = [k for _, k in st.roles]
        out |= {frozenset((a, b)) for i, a in enumerate(keys) for b in keys[i + 1:] if a != b}
    return out


def _units(clause_bounds, sentences, mentions, limit, folded):
    """Sentences with at most limit distinct entities read whole; longer ones clause by clause.
    A dateline opening a sentence is a unit of its own: the outlet has no part in the news."""
    out = []
    for s0, s1 in sentences:
        own = [(a, b) for a, b in clause_bounds if s0 <= a < s1]
        if own and DATELINE_END.search(folded[own[0][0]:own[0][1]]):
            out.append(own[0])
            own = own[1:]
        if not own:
            continue
        s0 = own[0][0]  # a byline before the first clause ((記者…／台北報導)) is no part of the sentence
        keys = {ent.key for ms, me, ent in mentions if s0 <= ms and me <= s1}
        if len(keys) <= limit:
            # (…也爭氣，給業界提供了另外一種選項——沒有英偉達的芯片…: what a dash opens is read apart)
            start = s0
            for (a, b), (c, d) in zip(own, own[1:]):
                # (搭載自研HBM——HiBL 1.0: a dash before a name alone names what the clause said, read with it)
                if DASH.search(folded, b, c) and not any(
                        not folded[c:ms].strip() and not folded[me:d].strip(" .。") for ms, me, _ in mentions):
                    out.append((start, b))
                    start = c
            out.append((start, s1))
            continue
        i = 0
        while i < len(own):
            # A的X晶片，以及B晶片，均採用C的製程: a clause opening with 均/都 after a list spread over clauses
            # says the same of every member, read as one unit with them
            j = i + 1
            while j < len(own) and LIST_GOES_ON.match(folded, own[j][0]):
                j += 1
            if j > i + 1 and j < len(own) and SHARED_OPENING.match(folded, own[j][0]):
                out.append((own[i][0], own[j][1]))
                i = j + 1
                continue
            out.extend(_people_list(*own[i], mentions, folded))
            i += 1
    return out


DASH = re.compile(DASH_PATTERN)   # (where a short sentence read whole is read in parts)


#: 以及, 及, 還有: a clause that adds a member to the list the clause before opened (clause cues, list-continued
#: and list-joiner)
LIST_GOES_ON = CuePattern(lambda w: rf"\s*(?:{w('list-continued')}|{w('list-joiner')})")
#: 均, 都, 皆: a clause that says the same of every member of the list before it (clause cues, shared)
SHARED_OPENING = CuePattern(lambda w: rf"\s*(?:也|亦|全)?(?:{w('shared')})")


def _people_list(a: int, b: int, mentions, folded: str) -> list[tuple[int, int]]:
    """居住加州的李某、住在佛州的陳某，以及…: a list of people, each with their own places and
    titles, is read item by item, so one person's place is not another's."""
    # (…的何漢寧與住在阿拉巴馬州的雷蒙德: 與 before a person described by where they live ends an item too)
    cuts = [m.end() for m in re.finditer(r"、|以及|及|(?:与|和)(?=\s*(?:住在|居住|定居|来自|现居|家住))", folded[a:b])]
    if not cuts:
        return [(a, b)]
    pieces, start = [], a
    for c in cuts:
        pieces.append((start, a + c))
        start = a + c
    pieces.append((start, b))
    with_people = [p for p in pieces if any(p[0] <= ms and me <= p[1] and ent.cls == "Person" for ms, me, ent in mentions)]
    return pieces if len(with_people) >= 2 and len(with_people) == len(pieces) else [(a, b)]


def _predicate(doc: Doc):
    """The first verb of a clause, from the POS tags the trained tagger (kg_lac) left on the tokens;
    None when the pipeline has no tagger. Reads token arrays, not Token objects (one per token
    would cost more than the search)."""
    if not doc.has_extension("lac_words") or doc._.lac_words is None:
        return None
    from spacy.attrs import IDX, POS, TAG
    from spacy.symbols import VERB
    from kg.nlp.tokenizer import dictionary_verbs
    arr = doc.to_array([IDX, POS, TAG])
    starts = arr[:, 0].tolist()
    verbs = [i for i, p in enumerate(arr[:, 1].tolist()) if p == VERB]
    tagged = [i for i, t in enumerate(arr[:, 2].tolist()) if t]
    text, folded = texts(doc)
    known_verbs = dictionary_verbs()
    lexicon = _lexicon()

    def trigger_at(pos: int, end: int):
        """A frame-lexicon trigger opening the clause at pos, as (its text, its start), or None."""
        opening = next((m for rule in lexicon if (m := rule.triggers.match(folded, pos, end))), None)
        return (text[opening.start():opening.end()], opening.start()) if opening else None

    def first_verb(start: int, end: int):
        first = bisect.bisect_left(starts, start)
        opening_at = start + len(folded[start:end]) - len(folded[start:end].lstrip())
        k = bisect.bisect_left(verbs, first)
        while k < len(verbs) and starts[verbs[k]] < end:
            i = verbs[k]
            tok_end = starts[i + 1] if i + 1 < len(starts) else len(text)
            if folded[starts[i]:tok_end].strip() in COVERBS and k + 1 < len(verbs) and starts[verbs[k + 1]] < end:
                k += 1   # (從A…，到B…，再到C併購…: a verb that works as a preposition gives way to the clause's next)
                continue
            return text[starts[i]:tok_end].strip(), starts[i]
        t = bisect.bisect_left(tagged, first)
        if t < len(tagged) and starts[tagged[t]] < end:
            # the tagger read the clause and found no verb; a frame-lexicon trigger opening it is one still
            # (林某，現為北辰科技副總經理: the tagger reads 現為 as a time)
            return trigger_at(opening_at, end)
        # (…，後來加入晴川科技: a clause the tagger did not read; the first word jieba's dictionary calls a verb,
        # after a time opening it: 到2001年轉投…, not 到)
        at = after_time(folded, opening_at, end)
        if (opening := trigger_at(at, end)) is not None:   # (轉|投: a trigger jieba cuts in two)
            return opening
        i = bisect.bisect_left(starts, at)
        while i < len(starts) and starts[i] < end:
            tok_end = starts[i + 1] if i + 1 < len(starts) else len(text)
            word = folded[starts[i]:tok_end].strip()
            # (…，後來轉往晴川: or a word the frame lexicon's triggers name, which the dictionary may lack)
            if word in known_verbs or (word and any(rule.triggers.fullmatch(word) for rule in lexicon)):
                return text[starts[i]:tok_end].strip(), starts[i]
            i += 1
        return None
    return first_verb


#: verbs that work as prepositions before a name (到, 從, 在, 對, 向): no clause's predicate while another verb follows
COVERBS = frozenset(("到", "从", "在", "对", "向", "给", "为", "把", "被", "由", "跟", "同"))

ALIAS_DECL = re.compile(r"\s?[（(]\s*(?:以下|下文)?(?:简称|下称|称|简称为)\s*[:：]?\s*[“\"「『]?\s*(?P<alias>[^（）()\n，。、;；“”\"「」『』,]{2,12}?)"
                        r"\s*[”\"」』]?\s*[）)]")


_PLACE_NAMES: list = [None, frozenset()]   # (the reference read last, its place names)


def _place_names(reference) -> frozenset[str]:
    """The folded names of the cities and provinces the reference data knows (read again only when
    another reference is passed: load_reference returns the same object for the same folder)."""
    if _PLACE_NAMES[0] is not reference:
        _PLACE_NAMES[:] = [reference, frozenset(to_simplified(n).lower() for e in reference
                                                if e.cls in ("City", "AdministrativeRegion") for n in e.names() if len(n) >= 2)]
    return _PLACE_NAMES[1]


def _declared_aliases(infos: list[dict], folded: str, places: frozenset[str] | set[str] = frozenset()) -> dict[str, str]:
    """上海燧原科技股份有限公司（以下簡稱「燧原科技」）: the key of each mention of the declared short
    name, mapped to the key of the full name, when the two were found as different entities. `places`
    are the folded names of the cities and provinces the article names or the reference knows."""
    out: dict[str, str] = {}
    for info in infos:
        m = ALIAS_DECL.match(folded, info["end"])
        if not m:
            continue
        alias = m.group("alias").strip()
        for other in infos:
            if other["key"] != info["key"] and folded[other["start"]:other["end"]] == alias and not other["known"]:
                out[other["key"]] = info["key"]
    # 嘉盛半導體（Carsem）… Carsem: a new Latin name in brackets right after an organisation's name is its
    # romanised name, wherever else the article uses it
    by_start = {i["start"]: i for i in infos}
    for info in infos:
        if info["cls"] not in ORGS:
            continue
        bracket = re.match(r"\s*[(（]\s*", folded[info["end"]:info["end"] + 3])
        other = by_start.get(info["end"] + bracket.end()) if bracket else None
        if other is not None and other["key"] != info["key"] and not other["known"] and other["cls"] in ORGS and \
                re.fullmatch(r"[a-z][a-z0-9 .&\-]*", folded[other["start"]:other["end"]]) and \
                re.match(r"\s*[)）]", folded[other["end"]:other["end"] + 2]):
            out.setdefault(other["key"], info["key"])
    # 驍龍8 Elite Gen5（第五代驍龍 8 至尊版）: a new chip named again inside the brackets right after a new
    # chip, nothing else named there, is that chip under its other name
    for info in infos:
        bracket = re.match(r"\s*[(（][^()（）]*?[)）]", folded[info["end"]:info["end"] + 40]) \
            if info["cls"] in PRODUCTS and not info["known"] else None
        inside = [i for i in infos if bracket and info["end"] < i["start"] and i["end"] < info["end"] + bracket.end()]
        if len(inside) == 1 and inside[0]["cls"] == info["cls"] and not inside[0]["known"] and inside[0]["key"] != info["key"]:
            out.setdefault(inside[0]["key"], info["key"])
    # 和泰電子(馬)有限公司 … 和泰電子: a new firm's registered name without its legal form and seat is its
    # name too, found apart or not
    cores = {}
    for info in infos:
        m = REGISTERED.fullmatch(folded, info["start"], info["end"]) if info["cls"] in ORGS and not info["known"] else None
        if m and len(m.group("core")) >= 2:
            cores.setdefault(m.group("core"), info["key"])
    for info in infos:
        full = cores.get(folded[info["start"]:info["end"]])
        if full is not None and full != info["key"] and not info["known"] and info["cls"] in ORGS:
            out.setdefault(info["key"], full)
    # 天域半導體 … 天域半導體公司: a firm's name with 公司 after it is the firm the article names without
    by_text = {}
    for info in infos:
        if info["cls"] in ORGS:
            by_text.setdefault(folded[info["start"]:info["end"]], info["key"])
    for info in infos:
        name = folded[info["start"]:info["end"]]
        if info["cls"] in ORGS and not info["known"] and name.endswith("公司") and \
                not re.search(r"(?:有限|股份|责任|集团|控股|子|分|母)公司$", name):
            short = by_text.get(name[:-2].rstrip())
            if short is not None and short != info["key"]:
                out.setdefault(info["key"], short)
    # 上海星曜微電子 … 星曜微電子集團 … 星曜微電子: a new firm named with its city or province before, or
    # 集團 after, is the firm the article names without them (one firm: the first named keeps the key)
    lengths = sorted({len(p) for p in places}, reverse=True)
    first_of_core: dict[str, str] = {}
    for info in infos:
        if info["cls"] not in FIRMS or info["known"]:
            continue
        core = folded[info["start"]:info["end"]]
        lead = next((core[:k] for k in lengths if k < len(core) and core[:k] in places), "")
        core = FIRM_GROUP_TAIL.sub("", core[len(lead):]).replace("创业投资", "创投")   # (創投: 創業投資 for short)
        if len(core) < 4 or not re.fullmatch(r"[\u4e00-\u9fff]+", core):
            continue
        key = first_of_core.setdefault(core, info["key"])
        if key != info["key"]:
            out.setdefault(info["key"], out.get(key, key))
    # 日本首相高市早苗 … 高市表示: a Japanese name's surname alone is the person the article names in full
    fours = {folded[i["start"]:i["end"]]: i["key"] for i in infos if i["cls"] == "Person"
             and re.fullmatch(r"[\u4e00-\u9fff]{4}", folded[i["start"]:i["end"]])}
    for info in infos:
        name = folded[info["start"]:info["end"]]
        if info["cls"] == "Person" and not info["known"] and re.fullmatch(r"[\u4e00-\u9fff]{2}", name):
            full = [k for n, k in fours.items() if n.startswith(name) and k != info["key"]]
            if len(set(full)) == 1:
                out.setdefault(info["key"], full[0])
    # 小米戰略新品發布會 … 戰略新品發布會, 2025尾牙歲末聯歡晚會 … 尾牙: a new event named again by a part of
    # its name is that event (one longer name holding it, in the article)
    events = {folded[i["start"]:i["end"]]: i["key"] for i in infos if i["cls"] == "Event" and not i["known"]}
    for name, key in events.items():
        longer = {k for n, k in events.items() if len(n) > len(name) and name in n and k != key}
        if len(longer) == 1:
            out.setdefault(key, longer.pop())
    return out


#: 集團, 股份有限公司, 合夥企業（有限合夥）: the words after a firm's name that make the same firm's fuller
#: name (not 控股: a holding company is a firm of its own)
FIRM_GROUP_TAIL = re.compile(r"(?:集团|股份有限公司|有限责任公司|有限公司|股份|合伙企业\s?(?:[(（]有限合伙[)）])?)$")
#: 和泰電子(馬)有限公司: the name, its seat in brackets, its legal form
REGISTERED = re.compile(r"(?P<core>.+?)\s*(?:[(（][^()（）]{1,4}[)）])?\s*(?:股份有限公司|有限责任公司|有限公司|sdn\.?\s?bhd\.?|pte\.?\s?ltd\.?)")


def _label_in_script(label: str, source: str) -> str:
    """The decision's label in the article's own script (its sentence tells which)."""
    from kg.text import script_of, to_simplified, to_traditional
    return to_traditional(label) if script_of(source) == "zh-Hant" else to_simplified(label)


#: how far apart (characters between them) a firm and its country may be named for the reference's word
#: on the firm's country to count as the sentence's
COUNTRY_REACH = 60


def _developed_by_another(product: Entity, developer: str, relations: list[Relation] = ()) -> bool:
    """Whether the reference names a developer of a known product other than developer, or the
    product is a new model whose brand (its family's developer) is another: a firm that launches a
    phone or a laptop with Qualcomm's Snapdragon develops no Snapdragon."""
    known = load_reference().get(product.key) if product.known else None
    return (known is not None and any(p == "developer" and t != developer for p, t in known.facts)) or any(
        r.subject == product.key and r.property == "developer" and r.object != developer and r.evidence.rule == "brand-model"
        for r in relations)


#: bodies and acts of a state, whose country a sentence says by naming it before them, not elsewhere
STATE_BODIES = ("GovernmentAgency", "Legislature", "Policy", "Law", "Event")


def _reference_facts(mentions, sentence_of, folded: str):
    """Reference facts (developer, manufacturer) between two known entities named in one sentence.
    A country the sentence names as another body's (美國智庫“戰略與國際研究中心”) is that body's only."""
    ref = load_reference()
    by_sentence: dict[tuple[int, int], list] = {}
    for start, end, ent in mentions:
        if ent.known:
            by_sentence.setdefault(sentence_of(start), []).append((start, end, ent))
    starts = [ms for ms, _, _ in mentions]
    for sent, items in sorted(by_sentence.items()):
        # (美國智庫“戰略與國際研究中心”…在參議院: the country of the think tank, not of the Senate named after)
        describing = {ent.key for start, end, ent in items
                      if ent.cls == "Country" and names_a_body_after(folded, end, starts)}
        keys = {ent.key: (start, end) for start, end, ent in items}
        for key, (start, end) in keys.items():
            known = ref.get(key)
            if known is None:
                continue
            for prop, target in known.facts:
                if prop in FACT_PROPERTIES and target in keys:
                    other = keys[target]
                    if prop == "country" and target in describing and known.cls in STATE_BODIES:
                        continue
                    if prop == "country" and known.coarse in ("GPE", "LOC") and \
                            not (0 <= start - other[1] <= 1 or 0 <= other[0] - end <= 1):
                        continue  # 住在加州…2名美國籍嫌疑人: a place's country is said by naming it beside the place
                    if prop == "country" and max(start, other[0]) - min(end, other[1]) > COUNTRY_REACH:
                        continue  # 輝達、Google等…，即便該公司年底美國廠…: a country far off in a long sentence is another's
                    yield key, prop, target, min(start, other[0]), max(end, other[1])


def _reference_developers(mentions, relations):
    """A known product whose developer the article names, in whatever sentence: 華為…。昇騰950DT則於…
    (the reference says who develops it; the article, by naming both, says it too). Products the
    text gives a developer of its own keep theirs."""
    ref = load_reference()
    named = {ent.key for _, _, ent in mentions}
    has_developer = {r.subject for r in relations if r.property == "developer"}
    done: set[str] = set()
    for start, end, ent in mentions:
        if not ent.known or ent.key in done or ent.key in has_developer or ent.cls not in PRODUCTS:
            continue
        done.add(ent.key)
        known = ref.get(ent.key)
        for prop, target in (known.facts if known is not None else ()):
            if prop == "developer" and target in named:
                yield ent.key, target, start, end


#: 2022-2024年, 2025年前三季度: the years a sentence lists before 分別
PERIOD_LIST = re.compile(r"(?P<a>(?:19|20)\d\d)\s*(?:年度?)?\s*(?:-|—|–|至|到|~|～)\s*(?P<b>(?:19|20)\d\d)\s*年|(?P<y>(?:19|20)\d\d)\s*年")


def _respective_periods(amounts, folded: str) -> dict[int, dict]:
    """2022-2024年以及2025年前三季度，營收分別為A、B、C及D: each figure listed after 分別 is of the
    year the sentence listed in its place (A 2022 … D 2025), when there are as many of one kind as
    years. Start of each figure → a year-precision date."""
    out: dict[int, dict] = {}
    for m in re.finditer(r"分别", folded):
        s0, s1 = _bounds(folded, m.start(), ENDS)
        years: list[str] = []
        for p in PERIOD_LIST.finditer(folded, s0, m.start()):
            if p["a"] and int(p["a"]) < int(p["b"]) <= int(p["a"]) + 10:
                years += [str(y) for y in range(int(p["a"]), int(p["b"]) + 1)]
            elif p["y"]:
                years.append(p["y"])
        years = list(dict.fromkeys(years))
        after = [q for q in amounts if m.end() <= q["start"] < s1]
        if len(years) < 2 or not after:
            continue
        listed = [q for q in after if q["unit"] == after[0]["unit"]][:len(years)]
        if len(listed) == len(years):
            for q, y in zip(listed, years):
                out[q["start"]] = {"start": q["start"], "end": q["end"], "iso": y, "precision": "year",
                                   "resolved": False, "quarter": None}
    return out


#: the bodies a figure may be given by: firms, research houses, agencies (not a place, a person or a product)
SOURCE_CLASSES = frozenset({"Company", "Organization", "ResearchInstitute", "GovernmentAgency", "MediaOrganization"})
#: 據, 根據: according to (the source of what follows)
ACCORDING_TO = re.compile(r"(?:据|根据|依据)\s*$")
#: 集邦指出, TrendForce預估, 海關數據顯示, 研調機構Counterpoint最新報告: what a source of figures does right after its name
SOURCE_VERB_AFTER = CuePattern(lambda w: r"\s*(?:[（(][^（）()]{1,20}[)）])?\s*(?:(?:昨|今|近|日前|稍早|最新|[\d一二三四五六七八九十]+日)\S{0,2}?)?"
                                         rf"(?:(?:发布|公布)?的?(?:最新)?(?:报告|数据|统计|调查|研究)(?:显示|指出|称)?|{w('estimate-says')}|指出|表示|认为|称|分析)")
#: Fab 52, 十八廠, P5晶圓廠: a plant's name (a place named by its number or its word for a plant)
PLANT_NAME = re.compile(r"(?i)\bfab\s?\d|[厂廠]$|^p\d+")
#: 塔塔電子|合作案, 輝達|訂單: a firm named as the other party of a deal, an order or a licence
DEAL_WITH = re.compile(r"\s*(?:的)?(?:合作案|合作项目|合资案|交易案|授权案|订单|专案|(?:合作|交易|授权)(?=[^，。；,;]{0,6}(?:收益|收入|利益|损失|金额|营收|费用)))")
#: what analysts expected, right before a figure: 預期的, 預估為
ANALYSTS_EXPECT = re.compile(r"(?:预期|预估|预测|估计|预计|共识)(?:的|为|值|约)?\s*$")


TARIFF_AFTER = re.compile(r"\s*(?:的)?\s*[\u4e00-\u9fffa-z]{0,6}?关税")


def _tariff_target(mentions, folded: str, sentence: tuple[int, int], at: int) -> Entity | None:
    """Who a tariff rate at `at` is levied on: the name after 對/向 in its clause (對其: the one named last
    before), else the one before 面臨/遭 in its clause or, with none there, its sentence's first."""
    cs, _ = _bounds(folded, at, CLAUSE_ENDS)
    to = None
    for m in re.finditer(r"[对向](?:其|[\u4e00-\u9fff]{0,1})", folded[cs:at]):
        to = m
    if to is not None:
        pos = cs + to.start() + 1
        if folded.startswith("其", pos):
            return next((ent for ms, me, ent in reversed(mentions) if sentence[0] <= ms and me <= pos
                         and ent.cls in ORGS | PLACES and ent.cls not in ("GovernmentAgency", "Legislature")), None)
        return next((ent for ms, me, ent in mentions if pos <= ms < at and ent.cls in ORGS | PLACES | PRODUCTS), None)
    faces = re.search(r"面临|遭|被课|被征", folded[cs:at])
    if faces is not None:
        return next((ent for ms, me, ent in reversed(mentions) if cs <= ms and me <= cs + faces.start()), None) or \
            next((ent for ms, me, ent in mentions if sentence[0] <= ms < cs), None)
    return None


def _stake_holder(mentions, folded: str, sentence: tuple[int, int], at: int, held: Entity) -> Entity | None:
    """Who holds the stake a clause's 持有/持股 names at `at`: the one person or organisation before the verb
    in the clause, else (the clause opening with the verb) the one the sentence named before it, the held
    firm aside; None where several stand there (whose stake it is is unsaid) or the stakes go respectively."""
    cs, _ = _bounds(folded, at, CLAUSE_ENDS)
    verb = HOLDS.search(folded, cs, at)
    if verb is None or re.search(r"分别|各自|依次", folded[cs:at]):
        return None   # A與B分別持有7.8%和5.2%: each figure is one holder's, as the respective rule reads it
    before = [ent for ms, me, ent in mentions if cs <= ms and me <= verb.start() and ent.cls in ORGS | {"Person"}]
    if not before and not folded[cs:verb.start()].strip(" 　並并亦也还還仍则則直接间接合计共"):
        before = [ent for ms, me, ent in mentions if sentence[0] <= ms and me <= cs and ent.cls in ORGS | {"Person"}
                  and ent is not held]
    holder = before[0] if len(before) == 1 else None
    return holder if holder is not None and holder is not held else None


#: 持有…股份, 持股…: the verb of holding a stake
HOLDS = re.compile(r"持有|持股")
#: a share held: 持股, 持有…股份, 股權占比
STAKE = re.compile(r"持股|持有|股权|股份|股比|占股")
#: a sentence opening with these speaks of the period the one before named
PERIOD_BACK = re.compile(r"\s*(?:报告期内|报告期|期内|同期|当季|该季度|本季度内|其中)")


def _date_for(dates: list[dict], s0: int, pos: int, s1: int) -> dict | None:
    """The date nearest before pos in its sentence, else the first after it."""
    before = [d for d in dates if s0 <= d["start"] < pos]
    if before:
        return before[-1]
    after = [d for d in dates if pos <= d["start"] < s1]
    return after[0] if after else None


def _date_value(d: dict | None) -> DateValue | None:
    if d is None:
        return None
    return DateValue(d["iso"], d["precision"], d["resolved"], d["quarter"])


def _amount(q: dict | None) -> Amount | None:
    if q is None:
        return None
    return Amount(q["value"], q["unit"], q["metric"], q["approximate"])


def _inner_aliases(entities: dict[str, Entity], reference) -> None:
    """美國共和黨 names the party 共和黨 too: a known entity's shorter names that the name the article
    wrote holds (its country or its kind before them) are names the article uses for it."""
    for ent in entities.values():
        known = reference.get(ent.key) if ent.known else None
        if known is None:
            continue
        written = list(ent.names)
        for alias in (*known.aliases, *(t for _, t in known.labels)):
            if len(alias) >= 2 and alias not in ent.names and not alias.isascii() and \
                    any(name.endswith(alias) and alias != name for name in written):
                ent.names.add(alias)


def _foreign(span) -> dict:
    from kg.text import name_key
    cls = {"ORG": "Organization", "PERSON": "Person", "GPE": "Place", "LOC": "Place", "PRODUCT": "Product",
           "EVENT": "Event", "LAW": "Policy", "NORP": "Organization", "FAC": "Place"}.get(span.label_, "Organization")
    return {"key": f"{cls.lower()}/{name_key(span.text)}", "cls": cls, "known": False, "rule": "trained-ner",
            "confidence": 0.6, "start": span.start_char, "end": span.end_char}


#: 數據中心業務, 客戶端與遊戲事業部: a company's business segment, named by what it sells
SEGMENT = re.compile(r"(?:业务|事业部|事业群|业务部门|业务板块)")


#: the figure's unit, a conversion in brackets, then 的 before the names it describes
DESCRIBED_AFTER = re.compile(r"[^，。；,;的\d]{0,4}?\s*(?:[（(][^()（）]{0,24}[)）])?\s*的\s*$")


def _described_list(mentions, folded: str, end: int, subject: Entity) -> list[Entity]:
    """The names listed right after a figure's 的 (投資210億日圓的軟銀與索尼集團: both, whatever the figure's
    subject, Rapidus, in which they invest), the subject left out."""
    after = [(ms, me, ent) for ms, me, ent in mentions if end <= ms < end + 40]
    if after and DESCRIBED_AFTER.match(folded, end, after[0][0]) and (products := _makers_products(mentions, folded, after[0])):
        return [x for x in products if x is not subject]   # 價值1.6億美元的輝達H100和H200晶片: each chip's
    if not after or not DESCRIBED_AFTER.match(folded, end, after[0][0]) or len(after) < 2 or \
            not LIST_JOINER.fullmatch(folded, after[0][1], after[1][0]):
        return []   # (市值4.6兆美元的輝達: one name described is the subject the figure already has)
    out, last = [after[0][2]], after[0]
    for m in after[1:]:
        if not LIST_JOINER.fullmatch(folded, last[1], m[0]) or (m[2].cls in ORGS) != (after[0][2].cls in ORGS):
            break
        out.append(m[2])
        last = m
    return [x for x in out if x is not subject]


def _makers_products(mentions, folded: str, maker: tuple) -> list[Entity]:
    """輝達（Nvidia）H100和H200晶片: the products a firm's name opens (its gloss in brackets between),
    listed one after another; none when the firm's name stands alone."""
    ms, me, ent = maker
    if ent.cls not in ORGS:
        return []
    out, last_end = [], MAKER_GLOSS.match(folded, me).end()
    for s, e, x in mentions:
        if s < last_end or x is ent:
            continue
        if x.cls not in PRODUCTS or (out and not LIST_JOINER.fullmatch(folded, last_end, s)) or (not out and s != last_end):
            break
        out.append(x)
        last_end = e
    return out


#: （Nvidia）: a firm's name in another script, in brackets right after it (or nothing)
MAKER_GLOSS = re.compile(r"\s*[（(][^()（）]{0,24}[)）]\s*|\s*")
FIRMS = {"Company", "Organization"}
#: 該部門, 該事業部, 該事業群 opening a sentence: a firm's division named before
DIVISION_POINTER = re.compile(r"\s*(?:该|此|这个)(?:业务)?(?:部门|事业部|事业群|业务部)")
#: 三家子公司，包括, 三檔子基金，包括: the word for a body's subsidiaries before the list of them
SUBSIDIARY_LIST = re.compile(r"(?:[一二三四五六七八九十两几数多\d]+\s*(?:家|档|个|只|支))?(?:全资|控股)?(?:子公司|子基金|附属公司|孙公司)"
                             r"\s*[,，:：]?\s*(?:包括|包含|分别为|分别是|即|为|有)\s*")
#: 該基金, 該公司, 該集團 opening a sentence: the body named before it
DEFINITE_BODY = re.compile(r"\s*(?:该|这家|此)(?:基金|公司|集团|企业|机构)")
#: 上海|市政府, 北京|大學: words after a place that make its body, not a firm of a name of its own
FIRM_NAME_AFTER_PLACE_STOP = re.compile(r"市|省|县|区|政府|大学|警方|海关|法院")


#: Gen1, X2, 950PR, Pro: what after a line's name makes the name one of its models
MODEL_AFTER_LINE = re.compile(r"\s?(?:gen\s?\d{1,2}[a-z]{0,2}|[a-z]{0,3}-?\d{1,4}[a-z]{0,3}(?:\s?(?:pro|max|ultra|plus))?)")


#: 採用了第三代, 搭載, 配備了: a verb of using, a few words before the part it names
PART_USED = re.compile(r"(?:采用|搭载|配备|内建|内置|集成)了?[^，。；,;]{0,6}$")


def _segment_figure(mentions, folded: str, pos: int) -> bool:
    """Whether the figure at pos is a business segment's: its clause opens with the segment
    (遊戲業務因…增長181%), or the segment is named before it in its part of the sentence (up to a
    semicolon) with no product named between (嵌入式業務營收8.57億美元，但環比增長4%)."""
    cs, _ = _bounds(folded, pos, CLAUSE_ENDS)
    if re.match(r"\s*[\u4e00-\u9fffa-z0-9与及和、 ]{1,10}?" + SEGMENT.pattern, folded[cs:pos]):
        return True
    ps, _ = _bounds(folded, pos, "；;。！？!?\n")
    last = None
    for m in SEGMENT.finditer(folded, ps, pos):
        last = m
    # (手機業務營收受惠天璣9500放量，季增18%: a product named as what the segment gained from is no owner)
    return last is not None and not any(last.end() <= ms < pos and ent.cls in PRODUCTS
                                        and not SEGMENT_CAUSE.search(folded, last.end(), ms) for ms, me, ent in mentions)


#: 受惠於, 得益於, 帶動: what a segment's figure rose or fell on
SEGMENT_CAUSE = re.compile(r"受惠|受益|得益|带动|推动|拉动|因为|由于|主因")


def _bounds(folded: str, pos: int, stops: str) -> tuple[int, int]:
    start = pos
    while start > 0 and folded[start - 1] not in stops:
        start -= 1
    end = pos
    while end < len(folded) and folded[end] not in stops:
        end += 1
    return start, end


def _same_paragraph(folded: str, a: int, b: int) -> bool:
    return "\n" not in folded[a:b]


# 旺宏（2337）3.9萬張, NTT約110億日圓: what may stand between a name and its figure (its stock code in
# brackets, a word of approximation)
NAME_THEN_FIGURE = re.compile(r"\s*(?:[(（]\s*\d{4,6}(?:\.[a-z]{2,3})?\s*[)）])?\s*(?:约|近|逾|超过|达|共)?\s*")
# …3.9萬張、華邦電…3.8萬張及…, NTT約110億日圓（約新台幣22.4億元）、豐田約50億日圓: figures each after a
# name, listed (a conversion in brackets after each)
NAME_FIGURE_LIST = re.compile(r"\d(?:[\d.,]*)\s*[万亿千百]?\s*[^\d、，,。；;()（）]{0,3}\s*(?:[(（][^()（）]{0,24}[)）])?\s*"
                              r"(?:、|及|和|与|以及)\s*[^\d、，,。；;]{2,12}?(?:[(（]\s*\d{4,6}(?:\.[a-z]{2,3})?\s*[)）])?"
                              r"\s*(?:约|近|逾|超过|达|共)?\s*\d")


def _in_dateline(folded: str, clause_spans: list[tuple[int, int]], pos: int, seen: dict[int, bool]) -> bool:
    """Whether pos lies in a clause that is a dateline or a byline, or in the marks after it (the
    reporters' names in brackets end a dateline's clause). seen keeps each clause's answer: a text
    with no Chinese punctuation is one clause, read again for every mention in it."""
    k = bisect.bisect_right(clause_spans, (pos, len(folded))) - 1
    if k < 0:
        return False
    if k not in seen:
        seen[k] = DATELINE_END.search(folded, clause_spans[k][0], clause_spans[k][1]) is not None
    return seen[k]


#: what may stand before a place opening a clause (目前, 截至去年底, 2025年) and between it and its verb
PLACE_LEAD = re.compile(r"\s*(?:目前|当前|如今|至今|迄今|现时|去年|今年|明年|\d{4}年(?:底|初|末)?|截至[^，,；;。]{1,12}?[，,]?)?\s*")
PLACE_HAS = re.compile(r"(?:目前|当前|如今|至今|迄今|现时|去年|今年|明年|\d{4}年(?:底|初|末)?|已经|已|共|总共|合计|约|仍|还|也|则)*"
                       r"(?:有|拥有|计有|坐拥|希望|计划|计画|目标|力争|预计|拟|打算)")
GEO_PLACES = {"Country", "AdministrativeRegion", "City", "GeoRegion"}


def _place_subject(mentions, folded: str, pos: int) -> Entity | None:
    """The country, region or city that opens the figure's clause as what has or aims at it (中國有近
    5000家…, 大陸希望將產能…提升至10萬片), when the clause names nothing else before the figure."""
    cs, _ = _bounds(folded, pos, CLAUSE_ENDS)
    named = [(ms, me, ent) for ms, me, ent in mentions if cs <= ms and me <= pos]
    if not named or named[0][2].cls not in GEO_PLACES or any(ent is not named[0][2] for _, _, ent in named):
        return None
    ms, me, place = named[0]
    return place if PLACE_LEAD.fullmatch(folded, cs, ms) and PLACE_HAS.match(folded, me) else None


def _counted_places(mentions, folded: str, q: dict) -> list[Entity]:
    """中國23家, 印度、伊朗與台灣各一家: the places a count of members right after them is of."""
    before = [(ms, me, ent) for ms, me, ent in mentions if me <= q["start"]]
    if not before:
        return []
    ms, me, last = before[-1]
    gap = folded[me:q["start"]]
    if last.cls not in GEO_PLACES or not re.fullmatch(r"\s*(?:各|共|约|有)?\s*", gap):
        return []
    out = [last]
    for ms2, me2, ent in reversed(before[:-1]):
        if "各" not in gap or ent.cls not in GEO_PLACES or not LIST_JOINER.fullmatch(folded, me2, ms):
            break
        out.append(ent)
        ms = ms2
    return out[::-1]


def _subject_of_amount(mentions, entities, folded: str, pos: int, unit: str) -> Entity | None:
    """The entity an amount is about: specs belong to the product named last before them; other
    amounts to the organisation or product named last before them (a person if none), else the
    first organisation after them in the sentence."""
    s, e = _bounds(folded, pos, ENDS)
    before = [m[2] for m in mentions if s <= m[0] and m[1] <= pos]
    # 思元690較上一代思元590算力提升約4倍，採用7奈米工藝: what a product is compared with owns no figure
    unmatched = [m[2] for m in mentions if s <= m[0] and m[1] <= pos and not BASELINE.search(folded, max(0, m[0] - 8), m[0])]
    if any(x.cls in PRODUCTS for x in unmatched) or not any(x.cls in PRODUCTS for x in before):
        before = unmatched
    # (其頂級型號配備96個核心，…較上一代QX620的64MB: nor is it the owner of the figures before it)
    after = [m[2] for m in mentions if pos <= m[0] and m[1] <= e and not BASELINE.search(folded, max(0, m[0] - 8), m[0])]
    end = _amount_end(folded, pos)
    described = [m for m in mentions if end <= m[0] <= end + 2 and folded[end:m[0]] == "的"]
    if described and unit not in SPEC_UNITS:  # 市值約4.6兆美元的輝達
        # (價值1.6億美元的輝達（Nvidia）H100和H200晶片: the maker's products, not the maker)
        return (_makers_products(mentions, folded, described[0]) or [described[0][2]])[0]
    if unit == "NM":  # 中芯以較落後設備生產7奈米晶片: a process node is the maker's unless its clause names a chip first
        cs, _ = _bounds(folded, pos, CLAUSE_ENDS)
        in_clause = [m[2] for m in mentions if cs <= m[0] and m[1] <= pos]
        if in_clause and not any(x.cls in PRODUCTS for x in in_clause) and in_clause[-1].cls in ("Company", "Organization"):
            return in_clause[-1]
    if unit in SPEC_UNITS:
        whole = [m[2] for m in mentions if s <= m[0] and m[1] <= pos and not _counted(folded, m[0])]
        before = whole if any(x.cls in PRODUCTS for x in whole) else before
        # 天池256超節點由256張P800組成，總算力達…: the last chip or system named, not a technology (HBM)
        chips = [x for x in before if x.cls in ("Chip", "ChipFamily", "Product") and not _technology(x)
                 and not _architecture(mentions, folded, x)]
        found = chips or [x for x in before if x.cls in PRODUCTS and not _architecture(mentions, folded, x)]
        if not found and unit == "NM":  # 採用聯電14奈米製程的邊緣推論晶片CY-300
            cs, ce = _bounds(folded, pos, CLAUSE_ENDS)
            later = [m[2] for m in mentions if pos <= m[0] < ce and m[2].cls in PRODUCTS]
            return later[0] if later else None
        return found[-1] if found else None
    firms = [x for x in before if x.cls in ("Company", "Organization") or x.cls in PRODUCTS]
    if firms:
        return firms[-1]
    orgs = [x for x in before if x.cls not in PLACES and x.cls != "Person" and x.cls not in ("Event",)]
    if orgs:
        return orgs[-1]
    people = [x for x in before if x.cls == "Person"]
    if people:
        return people[-1]
    later = [x for x in after if x.cls not in PLACES and x.cls not in ("Person", "Event")]
    return later[0] if later else None


def _charged(mentions, folded: str, sentence: tuple[int, int], pos: int) -> list[Entity]:
    """Who and what a penalty is about: the law named last before it, and the people named in the
    300 characters before it (a court story names its defendants a paragraph before the penalty)."""
    def accused(ms: int) -> bool:  # named in a sentence that says so (涉嫌, 被控, 被告, 男子…)
        s0, s1 = _bounds(folded, ms, ENDS)
        return re.search(r"涉嫌|被控|被告|起诉|控罪|被捕|男子|女子|嫌犯|嫌疑人|判|罪", folded[s0:s1]) is not None
    people = [ent for ms, me, ent in mentions if pos - 300 <= ms < pos and ent.cls == "Person" and accused(ms)
              and not any(m.rule in ("reporter", "byline") for m in ent.mentions)]  # not the reporter
    # the law charged under (違反《X法》, 依X起訴, X罪), not a rule the goods fell under (受美國出口管制的晶片)
    law = [ent for ms, me, ent in mentions if pos - 300 <= ms < pos and ent.cls in ("Law", "Policy")
           and not re.search(r"受\s*$|受[^，。；,;]{0,4}$", folded[max(0, ms - 6):ms])]
    return list({x.key: x for x in law[-1:] + people}.values())


def _process_node(ent: Entity) -> bool:
    """A manufacturing process named by its size (3奈米製程, 28nm工艺, a foundry's 3奈米), found in the text."""
    return not ent.known and ent.cls == "Product" and PROCESS_NODE.search(ent.key) is not None


#: DDR4價格, DRAM合約價, NAND Flash現貨報價: the price of the kind of product named right before
PRICE_AFTER = re.compile(r"\s*(?:的)?(?:现货|合约|平均|销售|出厂)?(?:价格|报价|售价|均价|价)")
PROCESS_NODE = re.compile(r"\d(?:奈米|纳米|nm)\s?(?:工艺|制程|节点)?$")


def _technology(ent: Entity) -> bool:
    """HBM, CoWoS, EUV: a known product no one company develops is a technology, not a product in hand."""
    if not ent.known or ent.cls != "Product":
        return False
    known = load_reference().get(ent.key)
    return known is not None and not any(p == "developer" for p, _ in known.facts)


# A和B採用相同架構，均支援: a list, then the word saying that what follows holds for each member
SHARED_AFTER_LIST = CuePattern(lambda w: rf"[^。；;！？!?]{{0,40}}?[，,]?\s*(?:{w('shared')})")


def _shared_by(mentions, folded: str, sentence: tuple[int, int], pos: int, subject: Entity) -> list[Entity]:
    """The other members of a list the subject is in, when a word of sharing (均, 都) stands between the
    list and the figure in its sentence: MI350X和MI355X…，均支援高達288GB. Members are of the subject's kind."""
    before = [(ms, me, ent) for ms, me, ent in mentions if sentence[0] <= ms and me <= pos]
    for i in range(len(before) - 1, -1, -1):
        if before[i][2] is not subject:
            continue
        lo = hi = i   # the run of names joined to the subject by 和, 及, 、
        while lo > 0 and LIST_JOINER.fullmatch(folded, before[lo - 1][1], before[lo][0]):
            lo -= 1
        while hi + 1 < len(before) and LIST_JOINER.fullmatch(folded, before[hi][1], before[hi + 1][0]):
            hi += 1
        if lo == hi:
            continue
        cue = SHARED_AFTER_LIST.match(folded, before[hi][1], pos)
        kind = PRODUCTS if subject.cls in PRODUCTS else ORGS if subject.cls in ORGS else {subject.cls}
        if cue is None or any(cue.start() <= ms < pos and ent.cls in kind and not _technology(ent)
                              for ms, me, ent in before[hi + 1:]):
            continue
        return [ent for ms, me, ent in before[lo:hi + 1] if ent is not subject and ent.cls in kind]
    return []


# 較上一代思元590, 相比於H100, 比起前代: the name after is what is compared with
BASELINE = CuePattern(lambda w: rf"{w('baseline')}\s*(?:{w('previous-generation')})?\s*(?:的)?\s*$")


def _parts_list(folded: str, pos: int) -> bool:
    """由384顆X和192顆Y組成: a count inside the list of what a system is made of."""
    cs, ce = _bounds(folded, pos, CLAUSE_ENDS)
    return "由" in folded[cs:pos] and re.search(r"(?:组成|构成|组建|打造)", folded[pos:ce]) is not None


def _baseline(folded: str, start: int, end: int) -> bool:
    """較上一代X, 是X的1.7倍: whether the name at start..end is what a figure is measured against."""
    return BASELINE.search(folded, max(0, start - 8), start) is not None or \
        re.match(COMPARED_GAP.pattern + r"\s*[\d.一二两三四五六七八九十]+\s*倍", folded[end:end + 12]) is not None


def _architecture(mentions, folded: str, ent: Entity) -> bool:
    """AFAS in 基於AFAS架構: a name the text calls an architecture, a technique or a standard is how a
    product is built, never the product whose specs follow."""
    return any(e is ent and folded.startswith(("架构", "技术", "协议", "标准", "接口", "指令集"), me)
               for ms, me, e in mentions)


def _described(mentions, folded: str, pos: int) -> bool:
    """市值約4.6兆美元的輝達: the amount describes the name right after it."""
    end = _amount_end(folded, pos)
    return any(end <= m[0] <= end + 2 and folded[end:m[0]] == "的" for m in mentions)


def _person_before(mentions, folded: str, pos: int, near: int) -> Entity | None:
    """The person named last before pos, in the paragraph of near (whom 他/她 at pos stands for)."""
    return next((ent for ms, me, ent in reversed(mentions) if me <= pos and ent.cls == "Person"
                 and _same_paragraph(folded, ms, near)), None)


def _parties(st: Statement, entities: dict[str, Entity], roles: tuple[str, ...]) -> list[Entity]:
    """The entities a statement gives the roles named, in that order of roles (a deal's firm, then its buyer)."""
    return [entities[k] for role in roles for r, k in st.roles if r == role and k in entities]


def _person_of_age(mentions, folded: str, start: int, end: int) -> Entity | None:
    """The person an age belongs to: the first named after it in its clause (42歲的陳志明), else
    the last named before it (陳志明，42歲); in brackets, the one it follows (黃文傑（48歲）、李志明（52歲）)."""
    cs, ce = _bounds(folded, start, CLAUSE_ENDS)
    bracketed = next((m[2] for m in mentions if m[2].cls == "Person" and m[1] <= start
                      and re.fullmatch(r"\s*[(（]\s*", folded[m[1]:start])), None)
    if bracketed is not None:
        return bracketed
    after = [m[2] for m in mentions if end <= m[0] < ce and m[2].cls == "Person"]
    before = [m[2] for m in mentions if cs <= m[0] and m[1] <= start and m[2].cls == "Person"]
    if after or before:
        return after[0] if after else before[-1]
    # 陳某9歲從小學畢業，14歲考進少年班: the person the sentence goes on about; 當時52歲的她: the one 她 stands
    # for, named last before
    s0 = _bounds(folded, start, ENDS)[0] if not PERSON_PRONOUN.match(folded, end + 1) else \
        max(0, folded.rfind("\n", 0, start))
    return next((m[2] for m in reversed(mentions) if s0 <= m[0] and m[1] <= start and m[2].cls == "Person"), None)


# 該晶片, 這款GPU (folded): a pointer to the chip named before, which a figure or a node in its clause is about
PRODUCT_POINTER = CuePattern(lambda w: rf"(?:该|这款|此款|这颗|其)(?:{w('pointed-product')})")
# 該超節點, 這套系統, 此款伺服器 (folded): a pointer to the product named before, a sentence's topic
PRODUCT_TOPIC = CuePattern(lambda w: rf"(?:该|此|这)(?:款|套|台|颗|个|一)?(?:{w('pointed-product')})")
#: 這款芯片, 該晶片: a pointer to a chip (not to a system or a model)
CHIP_POINTER = re.compile(r"(?:该|此|这)(?:款|颗|个|一)?(?:芯片|晶片|处理器|加速器|加速卡|gpu)")
COUNT_LIKE = {"TIMES", "PIECE", "UNIT", "CARD", "ITEM", "CORE"}


def _counted(folded: str, start: int) -> bool:
    """384顆昇騰910C: a name after a count is the parts counted, not what the sentence is about."""
    return re.search(r"\d\s*(?:颗|个|套|台|张|片|块|枚)\s*$", folded[max(0, start - 8):start]) is not None


# 推出的, 最新研發的, 今年發表的: a short relative clause between a maker's name and its product's
MAKER_RELATIVE = CuePattern(lambda w: rf"\s*(?:所|最新|今年|去年|新)?{w('maker-verb')}(?:了)?的\s*")


# 這家兩年前營收僅1600萬美元的公司: a pointer to a company with a relative clause inside it
POINTER_AROUND = CuePattern(lambda w: rf"(?:{w('pointer-determiner')})[^，。；,;]{{2,24}}?的(?:{w('company-noun')})")
BARE_REGIME = re.compile(r"(?:出口|进口)(?:管制|管控)")


def _maker_before(mentions, folded: str, m) -> bool:
    """北辰微電子推出的曜芯S9: a maker's name in a short relative clause only qualifies the product after it."""
    return m[2].cls in ORGS and any(o[2].cls in PRODUCTS and MAKER_RELATIVE.fullmatch(folded, m[1], o[0]) for o in mentions)


def _possessor(mentions, folded: str, m) -> bool:
    """英偉達的GB200 NVL72: the name before 的 only qualifies the name after it, which the clause is about."""
    return any(o[0] == m[1] + 1 and folded[m[1]] == "的" for o in mentions)


def _product_topic(mentions, folded: str, sentence: tuple[int, int], pos: int) -> Entity | None:
    """The product a sentence is about, for a figure whose clause names no product before it: the
    one a pointer (該超節點) names back to, or the product that opens the sentence (after its
    maker's name: 英偉達的GB200 NVL72)."""
    def counted(m) -> bool:  # 由384顆X組成: a part counted; 基於AFAS架構: how it is built
        return _counted(folded, m[0]) or _architecture(mentions, folded, m[2])

    cs, _ = _bounds(folded, pos, CLAUSE_ENDS)
    if any(cs <= m[0] and m[1] <= pos and m[2].cls in PRODUCTS and not counted(m) for m in mentions):
        return None
    s0, _ = sentence
    while True:  # 歐陽劍指出，天池256超節點由…組成: what is said opens after the verb of saying
        _, c1 = _bounds(folded, s0, CLAUSE_ENDS)
        if c1 >= pos or not clause_cues().reporting.search(folded, s0, c1):
            break
        s0 = c1 + 1
    pointer = PRODUCT_TOPIC.search(folded, s0, pos)
    if pointer is not None and not any(pointer.end() <= m[0] < pos and m[2].cls in PRODUCTS and not counted(m)
                                       for m in mentions):
        # 是英偉達GB200 NVL72的1.7倍。不過，該系統功耗…: not what the product was compared with
        # (這款芯片: a chip, not the memory it carries named after it: 包含216GB HBM3e)
        chip = CHIP_POINTER.fullmatch(pointer.group())
        return next((ent for ms, me, ent in reversed(mentions) if me <= pointer.start() and ent.cls in PRODUCTS
                     and pointer.start() - me < 300 and not counted((ms, me, ent)) and not _baseline(folded, ms, me)
                     and not (chip and _technology(ent))), None)
    # …，天池256超節點由256張P800組成，總算力達…: the nearest clause of the sentence opened by a product
    c = cs - 1
    while c > s0:
        c0, _ = _bounds(folded, c - 1, CLAUSE_ENDS)
        c0 = max(c0, s0)
        head = next((m for m in mentions if c0 <= m[0] < c), None)
        if head is not None and head[2].cls in PRODUCTS and not counted(head) and \
                PRODUCT_OPENING_GAP.fullmatch(folded, c0, head[0]):
            return head[2]
        c = c0 - 1
    opening = [m for m in mentions if s0 <= m[0] < pos]
    first = lead = opening[0] if opening else None
    if first is not None and not folded[s0:first[0]].strip() and len(opening) > 1 and (
            _possessor(mentions, folded, first) and opening[1][0] == first[1] + 1
            # 北辰微電子推出的曜芯S9晶片，效能提升4倍: the maker's name in a relative clause before the product
            or _maker_before(opening[:2], folded, first)):
        first = opening[1]
    if first is not None and first[2].cls in PRODUCTS and PRODUCT_OPENING_GAP.fullmatch(folded, s0, lead[0]):
        return first[2]
    return None


#: 17奈米（|D1y）: what stands before a process node's code in brackets after its size
NODE_CODE_BEFORE = re.compile(r"(?:奈米|纳米|nm)\s*[(（]\s*$")
#: what may stand before the product opening a clause or a sentence: nothing, 的, or a pointer naming it
#: again (該DDR5產品跳過…，頻寬達6400Mbps)
PRODUCT_OPENING_GAP = re.compile(r"[\s的]*(?:(?:该|这款|此款|这颗|该款|这一|这个|本)\s*)?")


def _node_owner(frames, mentions, entities, folded: str, pos: int) -> Entity | None:
    """The owner of a process node at pos: the product its clause names (the last before it, else
    the first), else the company or organisation the clause's frame is about."""
    frame = next((f for f in frames if f.start <= pos < f.end), None)
    if frame is None or PRODUCT_POINTER.search(folded, frame.start, pos):
        return None  # 該晶片採用7奈米工藝: the chip named before, found by the caller
    # (17奈米（D1y）: a code in brackets after a node's size names the node, no product of it)
    chips = [m for m in mentions if frame.start <= m[0] and m[1] <= frame.end and m[2].cls in PRODUCTS
             and not NODE_CODE_BEFORE.search(folded, max(0, m[0] - 6), m[0])]
    if chips:
        before = [m for m in chips if m[0] < pos]
        return (before or chips)[-1 if before else 0][2]
    s0, _ = _bounds(folded, pos, ENDS)
    launched = [m for m in mentions if s0 <= m[0] and m[1] <= frame.start and m[2].cls in PRODUCTS
                and not _technology(m[2]) and re.search(r"(?:发布|推出|亮相|展示|发表|量产)[^,，。;；]{0,12}$", folded[s0:m[0]])]
    if launched:  # 發布新一代GPU曦雲C700，採用7nm工藝製造: the chip the sentence launches
        return launched[-1][2]
    # the maker the clause itself names, before one carried in from a clause of cause (由於買不到X的設備，Y…)
    inside = [m[2] for m in mentions if frame.start <= m[0] and m[1] <= frame.end and m[2].cls in ("Company", "Organization")]
    if inside:
        return inside[0]
    makers = [entities.get(k) for _, k in frame.roles]
    makers = [x for x in makers if x is not None and x.cls in ("Company", "Organization")]
    return makers[0] if makers else None


#: 向美國, 從台灣, 在日本: a preposition before a place names where, not who
PLACE_AFTER_PREPOSITION = re.compile(r"(?:向|从|自|在|于|对|赴|到|往|至)\s*$")


def _clause_subjects(frames, mentions, entities, folded: str, pos: int) -> list[Entity]:
    """What a figure at pos is about, read from its clause's frame: the entities the clause names
    before the figure (經產省向Rapidus提供1.7萬億日元補貼: both), else the sentence's topic carried
    into the clause. Places count only when nothing else is named."""
    frame = next((f for f in frames if f.start <= pos < f.end), None)
    if frame is None:
        return []
    here = [(ms, me, ent) for ms, me, ent in mentions if frame.start <= ms and me <= pos]
    keys = [k for _, k in frame.roles]
    if not here and frame.topic is not None:
        topic = entities.get(frame.topic)
        return [topic] if topic is not None else []
    if not here:
        return []
    heads = [x for x in here if not _possessor(here, folded, x) and not _maker_before(here, folded, x)
             and not _counted(folded, x[0])]
    here = heads or here
    firm = [x for x in here if x[2].cls not in PLACES and x[2].cls not in ("Event",)]
    chosen = firm or here
    out = [m[2] for m in chosen]
    if clause_cues().opening_company.match(folded, frame.start):
        # 蘇姿豐稱，公司與OpenAI達成的協議將貢獻超1000億美元營收: a clause opening with a bare 公司 is
        # about the company it points to, not the partner named after it
        named = {ent.key for _, _, ent in here}
        pointed = next((entities[k] for _, k in frame.roles if k not in named and k in entities
                        and entities[k].cls == "Company"), None)
        if pointed is not None:
            out = [pointed, *(x for x in out if x is not pointed)]
    if frame.topic is not None and not firm and frame.topic in keys:
        topic = entities.get(frame.topic)
        out = ([topic] if topic is not None else []) + out
    elif frame.topic is not None and not firm and all(PLACE_AFTER_PREPOSITION.search(folded, max(frame.start, ms - 3), ms)
                                                      for ms, _, _ in here):
        # A、B，獲准分別向美國購買3.5萬顆: a place the clause names only after a preposition is where
        # from or to; the figure is the actor's the sentence carried in
        topic = entities.get(frame.topic)
        out = ([topic] if topic is not None and topic.cls not in PLACES else []) + out
    return list({x.key: x for x in out}.values())


AMOUNT_KINDS = ("decision", "comparison", "meeting", "deal", "sale", "funding", "talks", "listing-add", "listing")


def _amount_owners(statements: list[dict], amounts: list[dict], folded: str, mentions=(), canon=lambda k: k) \
        -> dict[tuple, dict]:
    """Which statement each amount belongs to: the one whose trigger is nearest in its sentence,
    preferring one in the same clause. Specifications, market figures and stock codes are
    measurements of an entity, never a statement's (A（688795）、B（688802）先後上市: each code is its
    firm's, not the listing's); a comparison takes only its ratio. A statement of another clause
    takes no amount whose own clause names someone the statement does not (A與B簽約，B擬向C出資
    215億元: the sum is B's investment in C, not the signing's)."""
    owners: dict[tuple, dict] = {}
    for q in amounts:
        if q["unit"] in SPEC_UNITS or q["metric"] in MARKET_METRICS or q["metric"] in ("employees", "age", "stock-code"):
            continue
        cands = [st for st in statements if st["kind"] in AMOUNT_KINDS and st["sentence"][0] <= q["start"] < st["sentence"][1]
                 and (st["kind"] != "comparison" or q["unit"] in ("TIMES", "PERCENT"))]
        if not cands:
            continue
        clause = _bounds(folded, q["start"], CLAUSE_ENDS)
        # (入股英特爾取得約4%股權、投資1000億美元: a list mark between a trigger and a figure parts them)
        best = min(cands, key=lambda st: (not clause[0] <= st["start"] < clause[1],
                                          "、" in folded[min(st["start"], q["start"]):max(st["start"], q["start"])],
                                          abs(st["start"] - q["start"])))
        if best["kind"] == "comparison" and any(o is best for o in owners.values()):
            continue
        if not clause[0] <= best["start"] < clause[1]:
            parties = {canon(k) for _, k in best["roles"]}
            named = [m for m in mentions[bisect.bisect_left(mentions, (clause[0],)):bisect.bisect_left(mentions, (q["start"],))]
                     if m[1] <= q["start"] and m[2].cls not in PLACES]
            # (the clause's own subject opens it: 拟向C出资 names C as whom the money goes to, the sum still the
            # statement's)
            # (到2025年NVIDIA將向中國銷售約1.5萬顆H20: a time before the subject changes nothing)
            if named and CLAUSE_LEAD.fullmatch(folded, clause[0], named[0][0]) \
                    and not re.search(r"[向对给与和及跟]", folded[clause[0]:named[0][0]]) and named[0][2].key not in parties:
                continue
            # (川普放行輝達出售H200…，因為…的寒武紀其良率僅20%: a clause giving a reason or a contrast is about
            # what it names last before the figure, not the statement's parties)
            if named and CLAUSE_OF_REASON.match(folded, clause[0]) and named[-1][2].key not in parties:
                continue
        owners[(q["start"], q["value"])] = best
    return owners


#: 陳氏兄弟, 林氏父子: a family named by its surname
FAMILY_BY_SURNAME = re.compile(r"(?P<surname>[\u4e00-\u9fff])氏(?:兄弟|姐妹|姊妹|兄妹|姐弟|父子|母子|父女|母女|夫妇|夫妻|家族|二人|两人)")
#: what may open a clause before its subject: a time (到2025年, 今年) and a word joining it on
CLAUSE_LEAD = re.compile(r"\s*(?:(?:到|至|在|于|截至)?\s*(?:\d{4}\s*年(?:底|初|前|后)?|今年|明年|去年|未来|目前|届时)\s*)?[\u4e00-\u9fff]?\s*")
#: 因為, 由於, 但, 然而 opening a clause: a reason or a contrast, after the fact it qualifies
CLAUSE_OF_REASON = re.compile(r"\s*(?:因为|由于|因|但是|但|然而|不过|而)")


def _amount_end(folded: str, pos: int) -> int:
    m = re.match(r"[^，。；的,;]{1,16}?(?:元|美元|港元|港币|新台币|日元|欧元|%|倍|股|颗|片|张|台|家|岁)", folded[pos:])
    return pos + m.end() if m else pos


#: 法案規定，…: a sentence setting out the terms of the rule named before
POLICY_OPENING = CuePattern(lambda w: r"\s*" + w("policy-opening"))
#: 規定, 要求 opening a clause: the terms of the rule the clause before named (clause cues, rule-terms)
RULE_TERMS = CuePattern(lambda w: r"\s*" + w("rule-terms"))
#: 公告自12月1日起實施: a clause about "the rule" and when it applies
POLICY_POINTER = CuePattern(lambda w: w("policy-pointed") + r"[^,，。;；]{0,12}?" + w("in-force"))
#: 華辰證券給出的, 分析師預估的: whose estimate a figure is, not whose figure
ESTIMATE_BY = CuePattern(lambda w: rf"(?:分析师)?(?:{w('estimate-of')}的|{w('estimate-says')}\s*[,，:：])")
#: 約為H20的4.3倍, 不到XG-510的三分之一: what stands between a figure and what it is compared with
COMPARED_GAP = re.compile(r"的(?:约|近|逾|不到)?")
#: 相比X, 與X相比, 較X, 比起X: X is what a figure is measured against
COMPARISON = CuePattern(lambda w: rf"{w('compares-with')}(?P<a>[^，,。；;]{{1,30}})|{w('compared-joiner')}(?P<b>[^，,。；;]{{1,30}}?)"
                        rf"{w('compared-after')}")


def _compared_with(mentions, folded: str, ent: Entity, s0: int, pos: int) -> bool:
    """Is every mention of ent between the sentence's start and pos inside a comparison's
    standard (相比英偉達NVL144系統)?"""
    spans = [m.span("a") if m.group("a") else m.span("b") for m in COMPARISON.finditer(folded, s0, pos)]
    own = [(ms, me) for ms, me, e in mentions if e is ent and s0 <= ms and me <= pos]
    return bool(spans) and bool(own) and all(any(a <= ms and me <= b for a, b in spans) for ms, me in own)


def _before_in_sentence(mentions, folded: str, pos: int) -> bool:
    s, _ = _bounds(folded, pos, ENDS)
    return any(s <= m[0] and m[1] <= pos and m[2].cls not in PLACES for m in mentions)


def _respectively(mentions, amounts, folded: str) -> dict[int, Entity]:
    """A與B分別持有7.8%和5.2%: the n-th amount belongs to the n-th entity."""
    out: dict[int, Entity] = {}
    for m in re.finditer("分别", folded):
        clause_start = _bounds(folded, m.start(), CLAUSE_ENDS)[0]
        who = list({x[2].key: x[2] for x in mentions
                    if clause_start <= x[0] and x[1] <= m.start() and x[2].cls not in PLACES}.values())
        # the figures of 分別's clause (…分別為40.35%、33.19%、20.73%，合計超94%: not the sum after)
        what = [q for q in amounts if m.end() <= q["start"] < _bounds(folded, m.end(), CLAUSE_ENDS)[1]]
        if not who and clause_start > 1:
            # A、B、C等股東，持股占比分別為…: the list is the clause before, as many names as figures
            before = _bounds(folded, clause_start - 2, CLAUSE_ENDS)[0]
            who = list({x[2].key: x[2] for x in mentions
                        if before <= x[0] and x[1] <= clause_start and x[2].cls not in PLACES}.values())
            if len(who) != len(what):  # 華為發布A和B超節點，分別支持…: the last kind named, its members
                who = [x for x in who if x.cls == who[-1].cls] if who else who
            if len(who) != len(what):
                continue
        if len(who) >= 2 and len(what) == len(who[-len(what):]) and len(what) >= 2:
            for ent, q in zip(who[-len(what):], what):
                out[q["start"]] = ent
    # 英偉達及AMD股價…一度跌2.81%及3.55%: two names joined, then two figures of one unit joined, in one
    # sentence and with no other name between, go in order without 分別 too
    for i, (qa, qb) in enumerate(zip(amounts, amounts[1:])):
        if qa["start"] in out or qa["unit"] != qb["unit"] or not PAIR_JOIN.fullmatch(folded, qa["end"], qb["start"]):
            continue
        if (i > 0 and PAIR_JOIN.fullmatch(folded, amounts[i - 1]["end"], qa["start"])) or \
                (i + 2 < len(amounts) and PAIR_JOIN.fullmatch(folded, qb["end"], amounts[i + 2]["start"])):
            continue  # two figures of a longer list: they pair with two names only as the whole list does
        s, _ = _bounds(folded, qa["start"], ENDS)
        named = [x for x in mentions if s <= x[0] and x[1] <= qa["start"] and x[2].cls not in PLACES]
        if len(named) >= 2 and PAIR_JOIN.fullmatch(folded, named[-2][1], named[-1][0]) and \
                named[-2][2].key != named[-1][2].key and named[-2][2].cls == named[-1][2].cls:
            out[qa["start"]], out[qb["start"]] = named[-2][2], named[-1][2]
    return out


PAIR_JOIN = re.compile(r"\s*(?:及|和|与|、)\s*")


def _regional(mentions, amounts, folded: str) -> list[tuple[Entity, dict]]:
    """中國、美國、歐亞占比分別為86%、11%和3%: the n-th place of a list takes the n-th amount."""
    out = []
    for m in re.finditer("分别", folded):
        s, e = _bounds(folded, m.start(), ENDS)
        clause_start = _bounds(folded, m.start(), CLAUSE_ENDS)[0]
        clause_end = _bounds(folded, m.end(), CLAUSE_ENDS)[1]
        where = list({x[2].key: x[2] for x in mentions if clause_start <= x[0] and x[1] <= m.start()}.values())
        what = [q for q in amounts if m.end() <= q["start"] < clause_end]
        if not where and clause_start > s + 1:
            # 羅勇府、春武里府和北欖府成為核心熱土，分別占據了33%、32%和12%: the places listed in the clause before
            before = _bounds(folded, clause_start - 2, CLAUSE_ENDS)[0]
            where = list({x[2].key: x[2] for x in mentions if before <= x[0] and x[1] <= clause_start}.values())
        if len(where) >= 2 and all(x.cls in PLACES for x in where) and len(what) == len(where):
            out.extend(zip(where, what))
    # 來自中國區的收入占比達到86%，美國區占比為11%: a region's share, one clause each (both ends of a
    # change: 美國地區營收占比從6%升至17%)
    taken = {id(q) for _, q in out}
    for ms, me, place in mentions:
        if place.cls not in PLACES:
            continue
        if REGION_SHARE.match(folded, me):
            ce = _bounds(folded, me, CLAUSE_ENDS)[1]
        else:
            # 中國仍是最大客戶，儘管營收占比從42%降至36%: the share of revenue a sentence's place has, nothing
            # else named between
            s, e = _bounds(folded, me, ENDS)
            share = REVENUE_SHARE.search(folded, me, e)
            if share is None or any(me <= x[0] < share.end() for x in mentions):
                continue
            ce = _bounds(folded, share.end(), CLAUSE_ENDS)[1]
            me = share.end()
        for q in (q for q in amounts if me <= q["start"] < ce and q["unit"] == "PERCENT"):
            if id(q) not in taken:
                out.append((place, q))
                taken.add(id(q))
    return out


#: after a place: its region's share of a company's figures (中國區的收入占比, 美國市場營收比重)
REGION_SHARE = re.compile(r"(?:区|地区|市场)(?:的)?(?:收入|营收|销售额|销售收入|业务)?(?:占比|比重|占总营收|占营收)")
#: 交易金額：, 募資規模: a line opening with a short label and a colon (a field of the item above it)
FIELD_LINE = re.compile(r"\s*[\u4e00-\u9fff]{2,8}\s*[:：]")
#: 該項目, 這個項目, 項目 opening a clause: the project named before
PROJECT_POINTER = re.compile(r"\s*(?:该|这个|此|这一|本|整个)?\s*项目")
#: a facility's name: a plant, a data centre, a park, a base
FACILITY_NAME = re.compile(r"(?:厂|厂房|厂区|中心|园区|基地|fab\s?\d+[a-z]?)$")
#: 這些股份, 該股權, 上述股份 opening a clause: the shares a deal before bought
SHARES_POINTER = re.compile(r"\s*(?:这些|该|这笔|上述|此次|这部分|这批)(?:股份|股权|股票|持股)")
#: a share of a company's revenue (what a place's share is of, when the place opens the sentence)
REVENUE_SHARE = re.compile(r"(?:收入|营收|营业收入|销售额|销售收入|营业额)(?:的)?(?:占比|比重)")


def _clause_entities(mentions, folded: str, start: int, end: int) -> list[str]:
    s, e = _bounds(folded, start, CLAUSE_ENDS)
    if e - s < 12 and e < len(folded) and folded[e] not in ENDS:
        e = _bounds(folded, e + 1, CLAUSE_ENDS)[1]
    keys: list[str] = []
    for ms, me, ent in mentions:
        if s <= ms and me <= e and ent.key not in keys:
            keys.append(ent.key)
    ss, se = _bounds(folded, start, ENDS)
    if not keys:  # 新規定自3月19日起生效: the date belongs to what its sentence is about
        keys = [ent.key for ms, me, ent in mentions if ss <= ms and me <= se]
        keys = list(dict.fromkeys(keys))[:3]
    elif all(m[2].cls == "Person" for m in mentions if s <= m[0] and m[1] <= e):
        # 2021年由張承遠創立: a date of what a person did for the sentence's organisation
        topic = next((ent for ms, me, ent in mentions if ss <= ms and me <= se and ent.cls not in PLACES
                      and ent.cls != "Person"), None)
        if topic is not None and topic.key not in keys:
            keys.append(topic.key)
    return keys


def _unique(statements: list[Statement]) -> list[Statement]:
    seen, out = set(), []
    for st in statements:
        k = (st.kind, st.roles, st.date, st.amount, st.evidence.start)
        if k not in seen:
            seen.add(k)
            out.append(st)
    return out
