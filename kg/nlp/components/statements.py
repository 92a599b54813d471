"""N-ary facts from trigger words and the entity types around them.

Each rule names a kind of fact, the trigger words that signal it (folded, so they serve
both scripts) and how the entities around the trigger fill its roles:

  decision    美國政府禁止英偉達向中國出口AI芯片 / 允許英偉達…出口其H200 / H20解禁
  meeting     A與B會晤/會談/通話            agent, counterpart
  talks       A與B商討/洽談/合作             agent, counterpart
  deal        A簽署/達成…協議               agent, counterpart (the sentence's topic)
  report      據A報道 / A報道稱 / A表示      attributedTo / agent, and what the clause names
  response    A回應/反駁/批評…B             agent, counterpart
  appeal      A向B遊說/施壓/申請             agent, counterpart
  visit       A到訪/訪問/參觀 B              agent, counterpart, location
  venue       A在EVENT(上)… / X亮相EVENT     agent, venue
  launch      A發布/推出 PRODUCT             agent, product
  sale        A把X推銷給/賣給 B              agent, product, counterpart
  comparison  X是Y的N倍 / X直追Y / 與Y競爭  subject, counterpart
  deployment  PRODUCT部署於X                 product, location
  market      X殺回/進入/退出 PLACE市場      subject, location
  listing     X上市/IPO/掛牌                 subject

The trigger words are data: ontology/lexicon/statement-triggers.csv (kind, pattern, note).
Results go to `doc._.kg_statements` as plain dicts; dates and amounts are attached later.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extraction.frames import AT_GATHERING, LIST_JOINER, STOCK_POINTER, CuePattern, alternation, clause_cues, pattern_rows
from kg.nlp.spans import HEDGE, main_company, mentions, texts
from kg.text import name_key

ORGS = {"Organization", "Company", "GovernmentAgency", "Legislature", "ResearchInstitute", "MediaOrganization",
        "StockExchange", "InternationalOrganization", "University"}
PRODUCTS = {"Chip", "ChipFamily", "Product", "AIModel", "CloudService"}
PLACES = {"Country", "AdministrativeRegion", "City", "GeoRegion", "Place"}
ACTORS = ORGS | {"Person"} | PLACES
POLICIES = {"Policy", "Law", "ExportDecision"}
EVENTS = {"Event"}

# The kinds of statement _roles gives roles to, in the order statements are produced; their
# trigger words are rows of ontology/lexicon/statement-triggers.csv (a kind without rows never matches).
TRIGGER_KINDS = ("listing-add", "funding", "meeting", "talks", "deal", "response", "appeal", "visit", "launch",
                 "customer", "customers", "investors", "sale", "comparison", "deployment", "market", "listing",
                 "sponsor", "report")
#: between two products a launch lists: a word joining a list (or 跟), and no clause mark or word that makes
#: the second a part of the first or a yardstick (搭載, 採用, 比)
LAUNCH_LIST_JOIN = CuePattern(lambda w: rf"{w('list-joiner')}|跟")
LAUNCH_LIST_STOP = re.compile(r"[，,。；;：:]|搭载|配备|配置|内建|内置|装载|采用|基于|比|较|超越|对标|相比|取代|替代")
#: 發布了兩款晶片，分別是A和B: a clause that names, one by one, what the clause before it counted
NAMED_NEXT = re.compile(r"[，,]\s*(?:分别是|分别为|包括|包含|其中包括|即)")
# the word lists of the decision rule (允許/禁止…出口), whose patterns are built here in code
WORD_KINDS = ("decision-allow", "decision-ban", "decision-export")


class StatementTriggers(NamedTuple):
    kinds: tuple[tuple[str, re.Pattern], ...]  # (kind, trigger) in TRIGGER_KINDS order, kinds with rows only
    decision: re.Pattern  # an allowing or banning word, as group polarity
    allow: re.Pattern     # the allowing words (fullmatch tells a polarity's side)
    export: re.Pattern    # the words of exporting or selling
    object: re.Pattern    # 出口AI芯片: what is exported, as group object


@lru_cache(maxsize=1)
def statement_triggers() -> StatementTriggers:
    """The statement triggers of the ontology in use, compiled once; the rows of a kind are
    alternatives, tried in the file's order, over folded (Simplified, lower-case) text."""
    from kg.errors import PipelineError
    from kg.reference import lexicon_file
    kinds = pattern_rows("statement-triggers.csv", TRIGGER_KINDS + WORD_KINDS, "statement trigger")

    def alt(kind: str) -> str:
        return alternation(kinds.get(kind))
    allow, ban, export = alt("decision-allow"), alt("decision-ban"), alt("decision-export")
    try:  # a row that compiles alone but not beside the others (a group name used twice)
        return StatementTriggers(
            tuple((kind, re.compile(alt(kind))) for kind in TRIGGER_KINDS if kinds.get(kind)),
            re.compile(rf"(?P<polarity>{allow}|{ban})"), re.compile(allow), re.compile(export),
            re.compile(rf"(?:{export})(?:其|了)?(?P<object>[\u4e00-\u9fffa-z0-9]{{0,6}}?(?:芯片|晶片|半导体|gpu|设备|技术|产品))"))
    except re.error as e:
        raise PipelineError(f"{lexicon_file('statement-triggers.csv')}: bad statement trigger row: {e}") from e


# 名單包括, 被列入的企業包括, 清單中有: the members of a list the text named before
MEMBERS = CuePattern(lambda w: w("members")
                     # 將26家中國實體列入實體清單，其中包括A、B: after a clause that put names on a list
                     + rf"|(?P<among>{w('members-among')})")
LISTED = CuePattern("listed")
# （中央社華盛頓16日綜合外電報導）: what follows an outlet that opens a dateline
DATELINE_AFTER = re.compile(r"[^，。,;；]{0,10}?\d{1,2}\s*日\s*(?:综合)?(?:外电)?(?:电|讯|消息|报导|报道)")
DECISION_AFTER_PRODUCT = re.compile(rf"^(?:芯片|晶片)?(?:的)?(?P<polarity>解禁|禁售|获准出口|获批|出口许可|遭禁|被禁)")
ATTRIBUTION = re.compile(r"据|根据|援引")


class StatementExtractor:
    def __init__(self, reference: str | None = None) -> None:
        from kg.nlp.gazetteer import reference_index
        from kg.reference import load_reference
        self.index = reference_index(reference)
        self.reference = load_reference(reference)
        statement_triggers()  # read once, when the pipeline is built: a bad row stops it here

    def __call__(self, doc: Doc) -> Doc:
        text, folded = texts(doc)
        # a dateline's outlet and the reporters of a byline take part in no statement (中新網…電 (董某 韓某)投資93億元)
        ents = [e for e in mentions(doc) if e._.kg.get("rule") not in ("reporter", "byline", "dateline-outlet")]
        out: list[dict] = []
        topic: Span | None = None
        starts = [e._.kg["start"] for e in ents]
        self.main = main_company(ents)
        self.previous_topic: Span | None = None  # the topic of the sentence before the one read
        self.previous_company: Span | None = None  # the first company the sentence before named
        inside: list[Span] = []
        for sent in doc.sents:
            self.previous_company = next((e for e in inside if _cls(e) == "Company"), self.previous_company)
            lo, hi = bisect.bisect_left(starts, sent.start_char), bisect.bisect_left(starts, sent.end_char)
            inside = ents[lo:hi]
            # drop entities nested in a longer one (參議院 inside 參議院聽證會 stays: it is not nested in a key sense)
            found, topic = self._sentence(folded, sent.start_char, sent.end_char, inside, topic)
            out.extend(found)
            out.extend(self._members(folded, sent.start_char, sent.end_char, inside, ents[:lo]))
        doc._.kg_statements = out
        return doc

    @staticmethod
    def _members(folded: str, s0: int, s1: int, ents: list[Span], before: list[Span]) -> list[dict]:
        """…列入「實體清單」。名單包括曜芯科技、鋒算科技: the members a sentence lists belong on the list
        (or rule) the sentences before it named."""
        m = MEMBERS.search(folded, s0, s1)
        if m is None or (m.group("among") and not LISTED.search(folded, s0, m.start())):
            return []
        earlier = before + [e for e in ents if e._.kg["end"] <= m.start()]
        policy = next((e for e in reversed(earlier) if _cls(e) in POLICIES and m.start() - e._.kg["end"] < 400), None)
        ce = _clause_end(folded, m.end(), s1)
        members = [e for e in ents if m.end() <= e._.kg["start"] < s1 and _cls(e) in ORGS | {"Person"}
                   and (e._.kg["start"] < ce or folded[ce - 1:ce] in "、,，")]
        if policy is None or not members:
            return []
        # 商務部將26家實體列入實體清單，其中包括A、B: who listed them lists these
        lister = _lister(folded, s0, m.start(), ents) if m.group("among") else None
        agent = [("agent", lister._.kg["key"])] if lister is not None and lister not in members else []
        return [_statement("listing-add", [("decision", policy._.kg["key"])] + agent + [("subject", e._.kg["key"]) for e in members[:12]],
                           m.start(), m.end(), s0, s1, bool(HEDGE.search(folded[s0:s1])))]

    def _sentence(self, folded: str, s0: int, s1: int, ents: list[Span], topic):
        text = folded[s0:s1]
        out: list[dict] = []
        if not ents:
            return out, topic
        # 【明報專訊】壁仞科技昨日起招股: the outlet of a dateline is no topic
        first_actor = next((e for e in ents if _cls(e) in ORGS | PRODUCTS and _cls(e) != "MediaOrganization"), None)
        self.previous_topic = topic
        if first_actor is not None and topic is not None and ROLE_OPENING.fullmatch(folded, s0, first_actor._.kg["start"]):
            first_actor = None  # 聯席保薦人為中金公司: a sentence naming who holds a role in the news goes on about its topic
        if first_actor is not None and topic is not None and COVERB_BEFORE.search(
                folded, max(s0, first_actor._.kg["start"] - 3), first_actor._.kg["start"]):
            # 此外，還包括對諾基亞投資10億美元: what 對/向 governs is no subject; the sentence's subject is left
            # unsaid, the topic before
            first_actor = None
        if first_actor is not None and (topic is None or _cls(topic) != "Company"
                                        or not COMPANY_POINTER.search(folded, s0, first_actor._.kg["start"])):
            topic = first_actor   # (該公司計畫和A合作，也宣布和B簽約: the company pointed to stays the topic)
        hedged = bool(HEDGE.search(text))
        out.extend(self._decisions(folded, s0, s1, ents, hedged))
        for kind, pattern in statement_triggers().kinds:
            for m in pattern.finditer(text):
                t0, t1 = s0 + m.start(), s0 + m.end()
                if any(e._.kg["start"] <= t0 and t1 <= e._.kg["end"] for e in ents):
                    continue  # 新加坡政府投資公司: a word inside a name is no predicate
                roles = self._roles(kind, folded, s0, s1, t0, t1, ents, topic)
                if kind == "report" and any(r == "medium" for r, _ in roles):
                    # 張某對《晴川日報》記者表示: the speaker told the outlet; what was said is not the outlet's
                    source = [r for r in roles if r[0] in ("agent", "attributedTo")]
                    out.extend(_statement(kind, source + [("counterpart", k)], t0, t1, s0, s1, hedged)
                               for r, k in roles if r == "medium")
                    roles = [r for r in roles if r[0] != "medium"]
                    roles = roles if any(r in ("subject", "aside") for r, _ in roles) else []
                if kind == "listing":
                    venue = [r for r in roles if r[0] == "venue"]
                    out.extend(_statement(kind, [r] + venue, t0, t1, s0, s1, hedged) for r in roles if r[0] != "venue")
                elif kind == "report" and any(r == "aside" for r, _ in roles):
                    source = [r for r in roles if r[0] not in ("subject", "aside")]
                    out.extend(_statement(kind, source + [("subject", k)], t0, t1, s0, s1, hedged)
                               for r, k in roles if r in ("subject", "aside"))
                elif roles and len({k for _, k in roles}) >= 2:
                    out.append(_statement(kind, roles, t0, t1, s0, s1, hedged))
        out.extend(self._venues(folded, s0, s1, ents, hedged))
        out.extend(self._associations(folded, s0, s1, ents, hedged))
        out.extend(self._policy_acts(folded, s0, s1, ents, hedged))
        return _dedupe(out), topic

    # -- decisions: the decision itself becomes an entity (kgo:ExportDecision)
    def _decisions(self, folded, s0, s1, ents, hedged) -> list[dict]:
        out = []
        text = folded[s0:s1]
        for e in ents:
            if _cls(e) not in PRODUCTS:
                continue
            after = folded[e._.kg["end"]:e._.kg["end"] + 8]
            m = DECISION_AFTER_PRODUCT.match(after)
            if m:
                st = self._decision(e, m.group("polarity"), e._.kg["start"], e._.kg["end"] + m.end(),
                                    folded, s0, s1, ents, hedged, product_first=True)
                if st:
                    out.append(st)
        for m in statement_triggers().decision.finditer(text):
            t0 = s0 + m.start()
            clause_end = _clause_end(folded, t0, s1)
            window = folded[t0:clause_end]
            if not statement_triggers().export.search(window):
                continue
            products = [e for e in ents if t0 < e._.kg["start"] < clause_end and _cls(e) in PRODUCTS]
            st = self._decision(products[0] if products else None, m.group("polarity"), t0, clause_end,
                                folded, s0, s1, ents, hedged)
            if st:
                out.append(st)
        return out

    def _decision(self, product, polarity, t0, t1, folded, s0, s1, ents, hedged, product_first=False) -> dict | None:
        allow = bool(statement_triggers().allow.fullmatch(polarity)) or polarity in ("解禁", "获准出口", "获批", "出口许可")
        clause_end = _clause_end(folded, t0, s1)
        if product is not None:
            what = product.text
        else:
            # no named product: the decision is about what is exported (AI芯片, 半導體設備)
            m = statement_triggers().object.search(folded, t0, clause_end)
            if m is None or not allow and not m.group("object"):
                return None
            what = m.group("object")
            if allow:
                return None  # "allowing exports" of nothing named is no decision a reader could look up
        names = [f"{what}{w}" for w in (("出口许可", "解禁", "出口") if allow else ("出口管制", "出口禁令", "禁令"))]
        label = names[0]
        known = self.resolve(names)
        key = known or f"exportdecision/{name_key(what)}-{'allow' if allow else 'ban'}"
        roles = [("decision", key)]
        if product is not None:
            roles.append(("product", product._.kg["key"]))
        agent_classes = ACTORS - PLACES if product_first else ACTORS
        floor = _clause_start(folded, t0, s0) if product_first else s0
        agent = _last(ents, floor, t0, agent_classes - {"Person"}) if product_first else (
            _last(ents, s0, t0, ACTORS - PLACES) or _last(ents, s0, t0, PLACES))
        if agent is not None and agent is not product:
            roles.append(("agent", agent._.kg["key"]))
        if not product_first:
            next_end = _clause_end(folded, clause_end + 1, s1) if clause_end < s1 else clause_end
            for e in ents:
                ks = e._.kg["start"]
                if e is product or e is agent or not t0 <= ks < next_end:
                    continue
                if ks < clause_end and _cls(e) in PLACES and "向" in folded[max(s0, ks - 3):ks]:
                    roles.append(("counterpart", e._.kg["key"]))
                elif ks < clause_end and _cls(e) in ORGS:
                    roles.append(("subject", e._.kg["key"]))
                elif _cls(e) in PRODUCTS and (product is None or ks < clause_end):
                    # a product named in the next clause belongs to a decision that named none
                    roles.append(("product", e._.kg["key"]))
        st = _statement("decision", roles, t0, t1, s0, s1, hedged)
        st["decision"] = {"key": key, "label": label, "known": known is not None, "allow": allow,
                          "start": t0, "end": t1}
        return st

    def resolve(self, names: list[str]) -> str | None:
        """A known policy named like the decision (H200出口許可, AI芯片出口管制), if the reference has one."""
        for n in names:
            for hit in self.index.lookup(n):
                ent = self.reference.get(hit)
                if ent is not None and ent.cls in POLICIES:
                    return hit
        return None

    def _venues(self, folded, s0, s1, ents, hedged) -> list[dict]:
        """A在EVENT(上) / A在PLATFORM發帖 / X亮相EVENT: who was where; an organisation named inside
        the event's name (參議院 in 參議院聽證會) is part of it."""
        out = []
        for v in ents:
            if _cls(v) not in EVENTS | {"Product", "CloudService"}:
                continue
            vs, ve = v._.kg["start"], v._.kg["end"]
            lead = folded[max(_clause_start(folded, vs, s0), vs - 24):vs]
            if not re.search(r"(?:在|于)[^在于]{0,10}$", lead) and not re.search(r"(?:亮相|参加|出席|登上)[^，。；,;]{0,20}$", lead):
                continue
            held = re.search(r"在(?P<place>[^，。；,;]{2,12}?)(?:举行|举办|召开)的?[「“『\"]?$", lead)
            if held is not None and _cls(v) in EVENTS:  # 在台北南港展覽館舉行的「…論壇」: where the event was
                at = vs - len(lead) + held.start("place")
                place = next((e for e in ents if at <= e._.kg["start"] < vs and _cls(e) in PLACES), None)
                if place is not None:
                    out.append(_statement("venue", [("venue", key_of(v)), ("location", key_of(place))],
                                          vs, ve, s0, s1, hedged))
            if _cls(v) not in EVENTS and not re.match(r"(?:平台)?(?:上)?(?:发帖|发文|撰文|表示|称|宣布)", folded[ve:ve + 6]):
                continue
            cs = _clause_start(folded, vs, s0)
            anchor = max(lead.rfind("在"), lead.rfind("出席"), lead.rfind("参加"), lead.rfind("亮相"), 0)
            at = vs - len(lead) + anchor
            agent = _last(ents, cs, at, {"Person"} | ORGS | PRODUCTS)
            if agent is None and _cls(v) in EVENTS:
                agent = _subject_after_opening(folded, ve, s1, ents)
            if agent is None or _inside(agent, v):
                continue
            roles = [("agent", agent._.kg["key"]), ("venue", v._.kg["key"])]
            roles += [("counterpart", e._.kg["key"]) for e in ents if _inside(e, v) and _cls(e) in ORGS]
            out.append(_statement("venue", roles, vs, ve, s0, s1, hedged))
        return out

    def _associations(self, folded, s0, s1, ents, hedged) -> list[dict]:
        """PERSON(的)傳記作者/顧問/發言人 PERSON: the second person is known through the first."""
        out = []
        for a, b in zip(ents, ents[1:]):
            if _cls(a) == "Person" and _cls(b) == "Person":
                gap = folded[a._.kg["end"]:b._.kg["start"]]
                if re.fullmatch(r"的?(?:传记作者|传记作家|顾问|发言人|律师|助手|助理|副手|继任者|前任|搭档|导师|学生)", gap):
                    out.append(_statement("association", [("subject", b._.kg["key"]), ("counterpart", a._.kg["key"])],
                                          a._.kg["start"], b._.kg["end"], s0, s1, hedged))
        return out

    def _policy_acts(self, folded, s0, s1, ents, hedged) -> list[dict]:
        """A頒布/出台/實施 POLICY: who issued which rule."""
        out = []
        for p in ents:
            if _cls(p) not in POLICIES:
                continue
            ps = p._.kg["start"]
            m = re.search(r"(?:颁布|出台|实施|推出|发布|公布|宣布|签署|通过|执行|撤销|废除|放宽|收紧)了?[^，。,]{0,4}$",
                          folded[max(s0, ps - 10):ps])
            if not m:
                continue
            cs = _clause_start(folded, ps, s0)
            agent = _last(ents, s0, ps, {"Person"} | ORGS) or _last(ents, cs, ps, PLACES)
            if agent is None:
                continue
            roles = [("agent", agent._.kg["key"]), ("decision", p._.kg["key"])]
            ce = _clause_end(folded, p._.kg["end"], s1)
            roles += [("counterpart", e._.kg["key"]) for e in ents
                      if p._.kg["end"] <= e._.kg["start"] < _clause_end(folded, ce + 1, s1) and _cls(e) in PLACES]
            out.append(_statement("decision", roles, ps, p._.kg["end"], s0, s1, hedged))
        return out

    def _roles(self, kind, folded, s0, s1, t0, t1, ents, topic) -> list[tuple[str, str]]:
        before = [e for e in ents if e._.kg["end"] <= t0]
        after = [e for e in ents if e._.kg["start"] >= t1 and e._.kg["start"] < _clause_end(folded, t1, s1)]
        key = lambda e: e._.kg["key"]
        if kind in ("meeting", "talks"):
            # A 與 (B公司董事長) C 會晤: the actor before 與 and, after it, the person (else the first actor)
            cs = _clause_start(folded, t0, s0)
            # (與星河、晴川和瀚海合作: a preposition opens the list of counterparts; a 和 inside it joins no agent)
            joint = min((i for i in (folded.find(w, cs, t0) for w in "与同跟") if i >= 0), default=-1)
            joint = joint if joint >= 0 else folded.rfind("和", cs, t0)
            if joint < 0 and re.match(r"(?:会见|接见|拜会|会晤)", folded[t0:t1]):
                # 蘇姿丰訪北京，會見工信部部長李樂成: who is met follows the verb; who meets them is the clause's
                # actor, or the first the sentence names
                # (黃仁勳赴白宮會見川普: a person before the verb, not the place of the meeting)
                agent = _last(ents, cs, t0, {"Person"}) or _last(ents, cs, t0, ORGS) or _last(ents, s0, t0, {"Person"}) or next(
                    (e for e in ents if e._.kg["end"] <= cs and _cls(e) in ORGS | {"Person"} and _cls(e) != "MediaOrganization"),
                    None)
                met = [e for e in after if _cls(e) in ORGS | {"Person"}]
                other = next((e for e in met if _cls(e) == "Person"), None) or (met[0] if met else None)
                if agent is None or other is None or agent is other:
                    return []
                return [("agent", key(agent)), ("counterpart", key(other))]
            if joint < 0:
                return []
            agent = _last(ents, cs, joint + 1, ORGS | {"Person"} | PLACES)
            others = [e for e in ents if joint < e._.kg["start"] and e._.kg["end"] <= t0 and _cls(e) in ORGS | {"Person"}]
            other = next((e for e in reversed(others) if _cls(e) == "Person"), None) or (others[0] if others else None)
            if agent is None or other is None or agent is other:
                return []
            at = folded.rfind("在", other._.kg["end"], t0)
            place = next((e for e in ents if at >= 0 and at < e._.kg["start"] < t0 and _cls(e) in PLACES), None)
            roles = [("agent", key(agent)), ("counterpart", key(other))]
            return roles + ([("location", key(place))] if place is not None else [])
        if kind == "listing-add":
            # 將曜芯科技等14家實體列入「實體清單」: who listed whom on which list
            # 列入「實體清單」, 列入出口管制實體名單: the list right after, past a few words that qualify it
            lst = next((e for e in ents if t1 <= e._.kg["start"] <= t1 + 8 and _cls(e) in POLICIES
                        and not re.search(r"[,，。;；、]", folded[t1:e._.kg["start"]])), None)
            out_of = folded.rfind("从", _clause_start(folded, t0, s0), t0)
            if lst is None and out_of >= 0:
                # 將長江存儲的兩家子公司從實體清單中移除: the list named after 從, before the verb
                lst = next((e for e in ents if out_of < e._.kg["start"] and e._.kg["end"] <= t0 and _cls(e) in POLICIES), None)
                t0 = out_of if lst is not None else t0
            if lst is None:
                return []
            cs = _clause_start(folded, t0, s0)
            jiang = max(folded.rfind("将", s0, t0), folded.rfind("把", s0, t0))
            agent = _lister(folded, s0, jiang if jiang >= 0 else cs, ents)
            listed = [e for e in ents if (jiang if jiang >= 0 else cs) <= e._.kg["start"] < t0 and _cls(e) in ORGS]
            if not listed and jiang < 0 and topic is not None and _cls(topic) in ORGS and topic._.kg["end"] <= t0:
                # 曜芯科技被列入…: the topic is listed (not when 將… names what the topic lists)
                listed = [topic]
            roles = [("decision", key(lst))]
            if agent is not None and agent not in listed:
                roles.append(("agent", key(agent)))
            roles += [("subject", key(e)) for e in listed]
            return roles if len(roles) >= 2 else []
        if kind == "funding":
            cs = _clause_start(folded, t0, s0)
            by = folded.rfind("由", cs, t0)
            leads = [e for e in ents if by >= 0 and by < e._.kg["start"] and e._.kg["end"] <= t0 and _cls(e) in ORGS]
            if leads and re.match(r"(?:领投|跟投|联合领投|共同领投)", folded[t0:t1 + 2]):
                # …完成G輪融資，由A和B領投: the investors follow 由; who raised is the company the
                # article or the sentence before is about
                raised = next((c for c in (self.main, self.previous_company, topic)
                               if c is not None and _cls(c) == "Company" and c not in leads), None)
                if raised is not None:
                    return [("agent", key(e)) for e in leads[:4]] + [("counterpart", key(raised))]
            investor = _last(ents, cs, t0, ORGS | {"Person"})
            if investor is None and clause_cues().opening_company.match(folded, cs, t0):
                # 曜芯科技公告稱，公司擬以…收購星河: a bare 公司 opening the clause is the company the sentence is about
                investor = next((c for c in (topic, self.main, self.previous_company)
                                 if c is not None and _cls(c) == "Company" and c._.kg["end"] <= t0), None)
            if re.search(r"、\s*(?:并|再|还|也|同时|另)?\s*$", folded[cs:t0]) or investor is not None and re.search(
                    r"(?:入股|投资|收购|并购|注资|增资)\s*$", folded[cs:investor._.kg["start"]]):
                # (輝達入股英特爾取得4%股權: who is bought into is no buyer of the stake it then names, but
                # what the stake is in) 輝達入股英特爾、投資OpenAI: a second deal after a list mark is the
                # clause's first actor's
                bought = investor
                investor = next((e for e in ents if cs <= e._.kg["start"] < t0 and _cls(e) in ORGS | {"Person"}), investor)
                if bought is not investor and folded[t0:t1] not in ("投资", "入股", "收购", "并购", "注资", "增资") \
                        and "、" not in folded[bought._.kg["end"]:t0]:
                    return [("agent", key(investor)), ("counterpart", key(bought))]
            target = next((e for e in after if _cls(e) in ORGS), None)
            to = max(folded.rfind("向", cs, t0), folded.rfind("对", cs, t0))
            acts = target is not None and investor is not None and re.fullmatch(
                r"\s*(?:公司|集团)?\s*(?:已|拟|将|曾|计划|宣布)?\s*", folded[investor._.kg["end"]:t0])
            if investor is not None and to >= 0 and investor._.kg["start"] > to and not acts:
                # 輝達向諾基亞投資10億美元: who follows 向/對 is invested in; who acts is before it (or the topic);
                # not in 對高通公司收購Autotalks一案立案調查, where what follows 對 buys what follows the verb
                target = investor
                investor = _last(ents, cs, to, ORGS | {"Person"}) or (
                    topic if topic is not None and _cls(topic) in ORGS | {"Person"} else None)
            if target is None and self.main is not None and folded[t1:t1 + 2] == "公司":
                target = self.main
            if target is None and topic is not None and _cls(topic) == "Company" and topic is not investor and not (
                    investor is not None and clause_cues().reporting.search(folded, topic._.kg["end"], max(topic._.kg["end"], cs - 1))):
                # (not a ministry that speaks of it: 經濟部長回應，台積電已在美國投資; nor the speaker's firm when
                # the clause reports what another invests: 北辰總經理表示，晴川等業者持續加碼投資)
                target = topic
            if (target is None or target is investor) and self.main is not None and "公司" in folded[s0:s1]:
                target = self.main  # 公司上市前的最後一輪融資…由深創投領投: the article's company
            if investor is not None and target is not None and target is not investor:
                listed = _listed_before(folded, ents, investor)
                if target in listed:
                    # 微軟、谷歌和字節跳動等科技巨頭已在柔佛投資: the names listed with the investor invest with it
                    return [("agent", key(e)) for e in listed]
            if investor is None or target is None or investor is target:
                return []
            if "分别" in folded[cs:t0]:  # A與B分別持有: both hold
                holders = {key(e): e for e in ents if cs <= e._.kg["start"] < t0 and _cls(e) in ORGS | {"Person"}}
                holders.pop(key(target), None)
                return [("agent", k) for k in holders] + [("counterpart", key(target))]
            return [("agent", key(investor)), ("counterpart", key(target))]
        if kind == "customer":
            cs = _clause_start(folded, t0, s0)
            buyers = [e for e in ents if cs <= e._.kg["start"] and e._.kg["end"] <= t0 and _cls(e) in ORGS]
            named = _last(ents, t0, t1, ORGS)  # 成為星曜半導體的最大客戶
            seller = named if named is not None and named not in buyers else None
            # the article's company, else the one the sentence before was about (the others this sentence
            # names are more often fellow customers: 蘋果A20、高通…都將採用2奈米，超微也是首批客戶之一)
            for other in (self.main, self.previous_topic, topic):
                if seller is None and other is not None and _cls(other) in ORGS and other not in buyers:
                    seller = other
            if not buyers or seller is None:
                return []
            return [("agent", key(seller))] + [("counterpart", key(b)) for b in buyers[:8]]
        if kind in ("customers", "investors"):
            members = [e for e in after if _cls(e) in ORGS]
            held = HOLDER_OF.search(folded, s0, t0) if kind == "investors" else None
            # 財政部為大基金三期最大股東，…其他股東包括A、B: the others hold what the first holds
            owned = next((e for e in ents if held.start("owned") <= e._.kg["start"] and e._.kg["end"] <= held.end("owned")
                          and _cls(e) in ORGS), None) if held is not None else None
            company = next((x for x in (owned, _last(ents, _clause_start(folded, t0, s0), t0, ORGS), topic,
                                        self.previous_topic, self.main)
                            if x is not None and _cls(x) in ORGS and x not in members), None)
            if not members or company is None:
                return []
            if kind == "customers":
                return [("agent", key(company))] + [("counterpart", key(m)) for m in members[:8]]
            return [("agent", key(m)) for m in members[:12]] + [("counterpart", key(company))]
        if kind == "deal":
            cs = _clause_start(folded, t0, s0)
            with_ = max(folded.rfind(w, cs, t0) for w in "与和同跟")
            if with_ >= 0:
                partner = next((e for e in ents if with_ < e._.kg["start"] < t0 and _cls(e) in ORGS | {"Person"}), None)
                # (…合作，也宣布和諾基亞簽署協議: with no actor in its own clause, the sentence's topic signs)
                agent = _last(ents, cs if folded.find("与", cs, t0) < 0 else s0, with_, ORGS | {"Person"}) or (
                    topic if topic is not None and _cls(topic) in ORGS else None)
                if partner is not None and agent is not None and partner is not agent:
                    goods = [e for e in ents if e._.kg["start"] >= t1 and _cls(e) in PRODUCTS]
                    return [("agent", key(agent)), ("counterpart", key(partner))] + [("product", key(g)) for g in goods[:2]]
            agent = _last(ents, _clause_start(folded, t0, s0), t0, ORGS | {"Person"})
            if agent is None:
                return []
            other = topic if topic is not None and topic is not agent and _cls(topic) in ORGS else None
            if other is None:
                return []
            return [("agent", key(agent)), ("counterpart", key(other))]
        if kind == "response":
            agent = _last(ents, _clause_start(folded, t0, s0), t0, {"Person"} | ORGS)
            rest = [e for e in ents if e._.kg["start"] >= t1]
            target = next((e for e in rest if _cls(e) == "Person"), None) or next(
                (e for e in rest if _cls(e) in ORGS), None) or next((e for e in rest if _cls(e) in PLACES), None)
            if agent is None or target is None or target is agent:
                return []
            return [("agent", key(agent)), ("counterpart", key(target))]
        if kind == "appeal":
            cs = _clause_start(folded, t0, s0)
            to = folded.rfind("向", cs, t0)
            if to < 0:
                return []
            agent = _last(ents, cs, to, {"Person"} | ORGS)
            target = next((e for e in ents if to < e._.kg["start"] < t0 and _cls(e) in ORGS | {"Person"}), None)
            if agent is None or target is None:
                return []
            return [("agent", key(agent)), ("counterpart", key(target))]
        if kind == "visit":
            agent = _last(ents, _clause_start(folded, t0, s0), t0, {"Person"} | ORGS)
            target = after[0] if after else None
            if agent is None or target is None or _cls(target) not in ORGS | PLACES:
                return []
            roles = [("agent", key(agent)), ("counterpart" if _cls(target) in ORGS else "location", key(target))]
            return roles
        if kind == "launch":
            agent = _last(ents, _clause_start(folded, t0, s0), t0, ORGS | {"Person"})
            if agent is not None and (at := AT_GATHERING.search(folded, _clause_start(folded, t0, s0), t0)) is not None \
                    and at.start() < agent._.kg["start"] and agent._.kg["end"] <= at.end():
                # SkyeChip在半導體行業協會（MSIA）活動上發布了MARS1000: whose gathering it is launches nothing
                agent = _last(ents, _clause_start(folded, t0, s0), at.start(), ORGS | {"Person"}) or agent
            if agent is None and topic is not None and _cls(topic) == "Company" and topic._.kg["end"] <= t0 and \
                    folded[t0 - 1:t0] != "的":
                agent = topic  # 啟衡智算…，今年推出的旗艦晶片QH-900 (not …，Maia 200的推出顯示: the launch as a noun)
            product = next((e for e in ents if e._.kg["start"] >= t1 and _cls(e) in PRODUCTS
                            and e._.kg["start"] < _clause_end(folded, t1, s1)), None)
            if product is not None and re.search(r"搭载|配备|配置|内建|内置|装载", folded[t1:product._.kg["start"]]):
                product = None  # 推出的AI伺服器搭載8顆X晶片: X is a part of what is launched, not it
            end = _clause_end(folded, t1, s1)
            if product is None and (named := NAMED_NEXT.match(folded, end)) is not None:
                # 發布了兩款超節點，分別是A和B: the products the next clause names one by one
                end = _clause_end(folded, named.end(), s1)
                product = next((e for e in ents if named.end() <= e._.kg["start"] < end and _cls(e) in PRODUCTS), None)
            subject = _last(ents, _clause_start(folded, t0, s0), t0, PRODUCTS)
            venue = next((e for e in ents if _cls(e) in EVENTS and _clause_start(folded, t0, s0) <= e._.kg["start"]
                          < _clause_end(folded, t1, s1)), None)
            if agent is not None and venue is not None and _inside(agent, venue):
                agent = None
            roles = []
            if agent is not None:
                roles.append(("agent", key(agent)))
            if product is not None:
                roles.append(("product", key(product)))
                # 發布了KH-50000伺服器處理器和KX-7000N PC處理器, 推出“天垓”系列訓練GPU與“智鎧”系列推理GPU: the
                # products listed after the first are launched too
                last = product
                for e in sorted((e for e in ents if product._.kg["end"] <= e._.kg["start"] < end and _cls(e) in PRODUCTS),
                                key=lambda e: e._.kg["start"]):
                    gap = folded[last._.kg["end"]:e._.kg["start"]]
                    if len(gap) > 16 or not LAUNCH_LIST_JOIN.search(gap) or LAUNCH_LIST_STOP.search(gap):
                        break
                    roles.append(("product", key(e)))
                    last = e
            elif subject is not None:
                roles.append(("product", key(subject)))
            if venue is not None:
                roles.append(("venue", key(venue)))
            return roles if len(roles) >= 2 else []
        if kind == "sale" and "向" in folded[_clause_start(folded, t0, s0):t0]:
            # A 向 B 供應 X: A sells X to B
            cs = _clause_start(folded, t0, s0)
            to = folded.rfind("向", cs, t0)
            agent = _last(ents, cs, to, ORGS | {"Person"} | PLACES)
            buyer = next((e for e in ents if to < e._.kg["start"] < t0 and _cls(e) in ORGS | PLACES), None)
            goods = [e for e in after if _cls(e) in PRODUCTS]
            if agent is None or buyer is None:
                return []
            return [("agent", key(agent)), ("counterpart", key(buyer))] + [("product", key(g)) for g in goods[:2]]
        if kind == "sale":
            cs = _clause_start(folded, t0, s0)
            ba = folded.rfind("把", cs, t0)
            agent = _last(ents, cs, ba if ba >= 0 else t0, {"Person"} | ORGS)
            goods = [e for e in before if (agent is None or e._.kg["start"] > agent._.kg["end"])
                     and e._.kg["start"] >= cs and _cls(e) in ORGS | PRODUCTS]
            buyer = after[0] if after else None
            if agent is None or buyer is None:
                return []
            return [("agent", key(agent))] + [("product", key(g)) for g in goods] + [("counterpart", key(buyer))]
        if kind == "comparison":
            # a news outlet that reports the comparison is not compared (據路透社報道，…性能接近H20)
            rivals = PRODUCTS | ORGS - {"MediaOrganization"}
            subj = (_last(ents, _clause_start(folded, t0, s0), t0, rivals)
                    or (topic if topic is not None and s0 <= topic._.kg["start"] < t0 and _cls(topic) in rivals else None))
            if folded[t0:t1] == "倍":
                # X(的性能)是Y的N倍: X before 是, Y between 是 and 的N倍
                m = re.search(r"(?:是|为|达|相当于)([^，。,]{1,20}?)的[^，。,]{0,8}$", folded[s0:t0])
                if not m:
                    return []
                pivot = s0 + m.start()
                other = [e for e in ents if pivot < e._.kg["start"] and e._.kg["end"] <= t0 and _cls(e) in PRODUCTS | ORGS]
                # 由384顆X和192顆Y組成，…是Z的1.7倍: not a part counted
                whole = [e for e in ents if not re.search(r"\d\s*(?:颗|个|套|台|张|片|块|枚)\s*$",
                                                          folded[max(0, e._.kg["start"] - 8):e._.kg["start"]])]
                subj = _last(whole, s0, pivot, PRODUCTS) or _last(ents, s0, pivot, ORGS) or (
                    topic if topic is not None and topic._.kg["end"] <= pivot else None)
                if subj is None or not other or other[-1] is subj:
                    return []
                return [("subject", key(subj)), ("counterpart", key(other[-1]))]
            cs = _clause_start(folded, t0, s0)
            joint = max(folded.rfind("与", cs, t0), folded.rfind("和", cs, t0))
            if joint >= 0 and folded[t0:t1] in ("对标", "相当", "竞争", "持平", "抗衡", "媲美", "比肩"):
                # 將QH-900與H20對標 / …，與昇騰910B大致相當
                other = next((e for e in ents if joint < e._.kg["start"] < t0 and _cls(e) in PRODUCTS | ORGS), None)
                first = _last(ents, cs, joint, PRODUCTS | ORGS) or (
                    topic if topic is not None and topic._.kg["end"] <= joint and _cls(topic) in PRODUCTS | ORGS else None)
                if other is not None and first is not None and key(first) != key(other):
                    return [("subject", key(first)), ("counterpart", key(other))]
            if folded[t0:t1] == "竞争":
                others = [e for e in ents if _cls(e) in PRODUCTS | ORGS]
                if len({key(e) for e in others}) >= 2:
                    a = _last(ents, s0, t0, PRODUCTS | ORGS)
                    b = next((e for e in ents if e._.kg["start"] >= t1 and _cls(e) in PRODUCTS | ORGS), None)
                    if a is not None and b is not None and key(a) != key(b):
                        return [("subject", key(b)), ("counterpart", key(a))]
                return []
            targets = [e for e in after if _cls(e) in PRODUCTS | ORGS]
            # 超越輝達H20: the brand in front of a product is not compared itself
            targets = [e for e in targets if not (_cls(e) in ORGS and any(
                o._.kg["start"] == e._.kg["end"] and _cls(o) in PRODUCTS for o in after))]
            if subj is None or not targets:
                return []
            if _cls(subj) in ORGS and subj is not _last(ents, _clause_start(folded, t0, s0), t0, rivals) \
                    and all(_cls(t) in PRODUCTS for t in targets):
                # 昇騰910B的算力達256 TFLOPS，超越H20: a product compared with a product is the one named
                # last before, not the sentence's firm carried in
                subj = _last(ents, s0, t0, PRODUCTS) or subj
            return [("subject", key(subj))] + [("counterpart", key(t)) for t in targets]
        if kind == "deployment":
            product = _last(ents, _clause_start(folded, t0, s0), t0, PRODUCTS)
            place = after[0] if after else None
            if product is None or place is None:
                return []
            return [("product", key(product)), ("location", key(place))]
        if kind == "market":
            subj = _last(ents, _clause_start(folded, t0, s0), t0, PRODUCTS | ORGS) or (
                topic if topic is not None and s0 <= topic._.kg["start"] < t0 else None)
            place = after[0] if after and _cls(after[0]) in PLACES else None
            if subj is None or place is None or "市场" not in folded[t1:t1 + 12]:
                return []
            return [("subject", key(subj)), ("location", key(place))]
        if kind == "listing":
            cs, ce = _clause_start(folded, t0, s0), _clause_end(folded, t1, s1)
            exchanges = [e for e in ents if cs <= e._.kg["start"] < ce and _cls(e) == "StockExchange"]
            last = _last(ents, s0, t0, ORGS | PRODUCTS)
            if not exchanges and last is not None and _cls(last) in PRODUCTS and not re.search(r"ipo|招股|申购", folded[t0:t1]):
                return []  # 預告了Atlas 960超節點，將於2027年第四季上市: a product comes to market, no company lists
            if not exchanges and folded[t0:t1] == "上市" and re.search(r"(?:月|年|季|季度|即将|预计|将于|陆续|正式|同步)\s*$",
                                                                    folded[cs:t0]) \
                    and not re.search(r"ipo|招股|挂牌|首日|发行价|股票代码|申请|科创板|港股|主板|交易所|募资", folded[s0:s1]):
                return []  # 相關新機預計10月上市: goods in shops, no listing
            # (向美國證券交易委員會遞交IPO申請: the regulator a filing goes to does not list)
            subjects = [e for e in ents if cs <= e._.kg["start"] < t0 and _cls(e) in ORGS and e not in exchanges
                        and _cls(e) not in ("GovernmentAgency", "Legislature", "MediaOrganization")]
            # (an exchange is where shares list, never what lists: 該股…遠超同期科創板新股)
            lister = topic if topic is not None and _cls(topic) in ORGS and _cls(topic) != "StockExchange" else None
            if not subjects and lister is not None and s0 <= lister._.kg["start"] < t0:
                subjects = [lister]
            if not subjects and lister is not None and exchanges:
                subjects = [lister]
            if not subjects and STOCK_POINTER.search(folded, s0, t0):
                # 該股網下申購倍數高達2227.6倍: the shares the article follows stand for their company
                pointed = next((c for c in (self.previous_company, self.main) if c is not None), None)
                subjects = [pointed] if pointed is not None else []
            return [("subject", key(e)) for e in subjects[-4:]] + [("venue", key(x)) for x in exchanges[:1]]
        if kind == "sponsor":
            cs, ce = _clause_start(folded, t0, s0), _clause_end(folded, t1, s1)
            banks = [e for e in ents if cs <= e._.kg["start"] < ce and _cls(e) in ORGS - {"StockExchange"}]
            listed = next((e for e in reversed(ents) if e._.kg["start"] < cs and _cls(e) == "Company" and e not in banks),
                          None) or (topic if topic is not None and topic not in banks else None) or (
                          self.main if self.main is not None and self.main not in banks else None) or (
                          # 本次IPO保薦機構為中信證券: the company the sentence before was about
                          self.previous_topic if self.previous_topic is not None and _cls(self.previous_topic) == "Company"
                          and self.previous_topic not in banks else None)
            if not banks or listed is None:
                return []
            return [("agent", key(b)) for b in banks[:4]] + [("subject", key(listed))]
        if kind == "report":
            return self._report(folded, s0, s1, t0, t1, ents)
        return []

    def _report(self, folded, s0, s1, t0, t1, ents) -> list[tuple[str, str]]:
        key = lambda e: e._.kg["key"]
        cs = _clause_start(folded, t0, s0)
        if folded[t0:t1] == "消息" and re.search(r"\d\s*日\s*$", folded[cs:t0]):
            return []  # 快科技11月18日消息: a dateline names the outlet, it reports nothing in particular
        # the speaker: the person the clause names last (輝達發言人林某表示), else the organisation
        # it opens with (輝達在向美國證交會提交的文件中表示: not the SEC)
        # (never the reporter of a byline: __call__ leaves them out; 林某對王某說: who is spoken to is no speaker)
        speakers = [e for e in ents if not ADDRESSEE_BEFORE.search(folded, max(cs, e._.kg["start"] - 2), e._.kg["start"])]
        source = _last(speakers, cs, t0, {"Person"}) or next(
            (e for e in ents if cs <= e._.kg["start"] and e._.kg["end"] <= t0 and _cls(e) in ORGS
             and not DATELINE_AFTER.match(folded, e._.kg["end"])), None)
        if source is None and re.fullmatch(r"\s*(?:仅|也|并|则|还|更|亦|同时|另)?\s*", folded[cs:t0]):
            # ……，僅表示…: the speaker is who the sentence is about (not 供應鏈透露, a source of its own)
            source = next((e for e in ents if s0 <= e._.kg["start"] < cs and _cls(e) in {"Person"} | ORGS), None)
        if source is None or re.search(r"\d\s*日\s*(?:电|讯)?\s", folded[source._.kg["end"]:t0]):
            return []  # 新華社北京10月9日電 商務部…公告: the outlet of a dateline is no source of what follows
        if folded[t0:t1] in ("报道", "报导") and (re.match(r"\s*[〕】\]）)]", folded[t1:]) or
                                                "／" in folded[source._.kg["end"]:t0] or "/" in folded[source._.kg["end"]:t0]):
            return []  # 〔記者洪友芳／新竹報導〕: a byline says who wrote the article, not what the reporter said
        # the reported content: entities after the trigger, to the end of the sentence
        content = [e for e in ents if e._.kg["start"] >= t1 and e is not source]
        # (報導，就在川普宣布…的前夕，北京已…: a clause saying when is no part of what is reported)
        content = [e for e in content if not TIME_ADVERBIAL.fullmatch(
            folded, _clause_start(folded, e._.kg["start"], s0), _clause_end(folded, e._.kg["end"], s1))]
        # (the first three names that are no places: a third was left out at two, and on the unread silver sets
        # three linked more pairs the gold asks for than it added that it does not)
        content = [e for e in content if _cls(e) not in PLACES] [:3] or content[:1]
        apart = len(content) == 2 and re.search(r"[，,；;]", folded[content[0]._.kg["end"]:content[1]._.kg["start"]])
        role = "attributedTo" if _cls(source) in ORGS and (
            ATTRIBUTION.search(folded[max(s0, cs - 2):t0]) or folded[t0:t1] in ("报道", "报导", "消息")) else "agent"
        roles = [(role, key(source))]
        # 林某、陳某都對王某說: each speaker of a list is one
        k = ents.index(source) if source in ents else -1
        while k > 0 and _cls(ents[k - 1]) == "Person" and \
                re.fullmatch(r"\s*(?:、|和|与|及|以及)\s*", folded[ents[k - 1]._.kg["end"]:ents[k]._.kg["start"]]):
            k -= 1
            roles.insert(0, (role, key(ents[k])))
        # X表示，A…，今年B…: what is said of A is not said of B (the caller makes two statements)
        roles += [("aside" if apart and i else "subject", key(e)) for i, e in enumerate(content)]
        # 對《晴川日報》記者表示, 接受晴川財經專訪時表示: the outlet the speaker told (a statement of its own)
        roles += [("medium", key(e)) for e in ents if cs <= e._.kg["start"] and e._.kg["end"] <= t0 and e is not source
                  and _cls(e) == "MediaOrganization" and MEDIUM_BEFORE.search(folded, cs, e._.kg["start"])
                  and MEDIUM_AFTER.match(folded, e._.kg["end"])]
        return roles if len(roles) >= 2 else []


#: 就在X宣布…的前夕, 正當…之際: a clause of its own saying when the next one happens
TIME_ADVERBIAL = re.compile(r"\s*(?:就在|正当|正值|恰逢|在)[^，,；;。]{2,40}?(?:的)?(?:前夕|之际|之时|之前|之后|同时|当天|期间)\s*")
# 對王某說, 向記者表示, 跟…透露: the one spoken to
SPOKEN_TO = "对|向|跟|给|告诉"
ADDRESSEE_BEFORE = re.compile(rf"(?:{SPOKEN_TO})\s*$")
# 對《晴川日報》記者, 接受晴川財經專訪: an outlet spoken to through its reporter or interview
MEDIUM_BEFORE = re.compile(rf"(?:{SPOKEN_TO}|接受)\s*[《「“]?\s*$")
MEDIUM_AFTER = re.compile(r"\s*[》」”]?\s*的?\s*(?:记者|采访|专访|访问)")


#: X為Y最大股東: the company Y that a holder named before a list of the other holders holds
HOLDER_OF = re.compile(r"为(?P<owned>[^，。；,;]{2,24}?)(?:的)?(?:最大|第一大|第二大|第三大|主要|控股)股东")


def _lister(folded: str, s0: int, end: int, ents: list[Span]) -> Span | None:
    """Who puts names on a list: the body opening the sentence before end (美國商務部29日在聯邦公報發布
    通知，將…: not where it publishes, nor the outlet that reports it); of a ministry and a body within
    it (美國商務部工業與安全局), the body."""
    actors = [e for e in ents if s0 <= e._.kg["start"] and e._.kg["end"] <= end
              and _cls(e) in ACTORS - PLACES and _cls(e) != "MediaOrganization"
              and not re.search(r"(?:在|于|透过|通过)$", folded[max(s0, e._.kg["start"] - 2):e._.kg["start"]])]
    # (就在川普宣布…的前夕，…，工信部首度將…納入清單: a body in the clause of 將 lists, not one the sentence
    # opened with in a clause of its own)
    cs = _clause_start(folded, end, s0)
    actors = [e for e in actors if e._.kg["start"] >= cs] or actors
    k = 0
    while k + 1 < len(actors) and folded[actors[k]._.kg["end"]:actors[k + 1]._.kg["start"]] in ("", "的", "旗下"):
        k += 1
    return actors[k] if actors else _last(ents, s0, end, ACTORS - PLACES)


def key_of(e: Span) -> str:
    return e._.kg["key"]


def _inside(a: Span, b: Span) -> bool:
    return b._.kg["start"] <= a._.kg["start"] and a._.kg["end"] <= b._.kg["end"] and a is not b


#: 對/向/給 right before a name: the name is what the verb after is done to or for, not who does it
COVERB_BEFORE = re.compile(r"(?:对|向|给|替)\s*$")
#: 聯席保薦人為, 基石投資者包括: a sentence opening with a role and 為/是/包括, the names after it the holders
ROLE_OPENING = CuePattern(lambda w: rf"\s*(?:[^，。,；;：:\d]{{0,4}}(?:{w('role-holder')})(?:分别)?(?:为|是|包括|包含|有))\s*")


def _cls(e: Span) -> str:
    return e._.kg["cls"]


#: 在EVENT上，…: what ends a clause that only says where (its name in brackets, its year, 開幕式, 上, 期間, 現場…)
#: before its comma
VENUE_OPENING_END = re.compile(r"\s*(?:[（(][^（）()，,]{1,30}[)）])?\s*(?:\d{4}\s*年?)?\s*(?:开幕式|开幕典礼|闭幕式|主题演讲)?(?:上|中|期间|现场)?\s*[，,]\s*")


def _subject_after_opening(folded: str, end: int, ceiling: int, ents) -> Span | None:
    """在華為全聯接大會上，華為副董事長徐直軍發布…: a clause saying only where, before its comma, is the
    setting of the clause after it, whose subject (its first person, else the organisation opening it)
    was there."""
    m = VENUE_OPENING_END.match(folded, end)
    if m is None or m.end() >= ceiling:
        return None
    stop = _clause_end(folded, m.end(), ceiling)
    after = [e for e in ents if m.end() <= e._.kg["start"] and e._.kg["end"] <= stop]
    person = next((e for e in after if _cls(e) == "Person" and e._.kg["start"] - m.end() <= 16), None)
    if person is not None:
        return person
    first = after[0] if after else None
    return first if first is not None and _cls(first) in ORGS and first._.kg["start"] == m.end() else None


def _listed_before(folded: str, ents, last: Span) -> list[Span]:
    """The names listed up to last, joined to it by 、, 和, 及 (微軟、谷歌和字節跳動), last included."""
    i = next((k for k, e in enumerate(ents) if e is last), None)
    if i is None:
        return [last]   # (the topic or the article's company, named in another sentence)
    out = [last]
    while i > 0 and LIST_JOINER.fullmatch(folded, ents[i - 1]._.kg["end"], ents[i]._.kg["start"]):
        i -= 1
        out.insert(0, ents[i])
    return out


def _last(ents, start: int, end: int, classes) -> Span | None:
    found = [e for e in ents if start <= e._.kg["start"] and e._.kg["end"] <= end and _cls(e) in classes]
    return found[-1] if found else None


#: 該公司, 這家企業: a word pointing back to the company named before (name cues)
COMPANY_POINTER = CuePattern(lambda w: rf"(?:{w('pointer-determiner')})(?:{w('company-noun')})")


def _clause_start(folded: str, pos: int, floor: int) -> int:
    while pos > floor and folded[pos - 1] not in "，,；;：\n】〕":  # 【…專訊】 is a dateline of its own
        pos -= 1
    return pos


def _clause_end(folded: str, pos: int, ceiling: int) -> int:
    while pos < ceiling and folded[pos] not in "，,；;。\n":
        pos += 1
    return pos


def _statement(kind, roles, t0, t1, s0, s1, hedged) -> dict:
    seen, clean = set(), []
    for role, key in roles:
        if key not in seen:
            seen.add(key)
            clean.append((role, key))
    return {"kind": kind, "roles": clean, "start": t0, "end": t1, "sentence": (s0, s1), "hedged": hedged,
            "rule": f"trigger-{kind}"}


def _dedupe(statements: list[dict]) -> list[dict]:
    """One statement per set of entities in a sentence: the first rule that linked them wins."""
    out, seen = [], set()
    for st in statements:
        key = frozenset(k for _, k in st["roles"])
        if key in seen:
            continue
        seen.add(key)
        out.append(st)
    return out


@Language.factory("kg_statements", assigns=["doc._.kg_statements"], requires=["doc.spans"],
                  default_config={"reference": None})
def make_statement_extractor(nlp: Language, name: str, reference: str | None) -> StatementExtractor:
    return StatementExtractor(reference)
