"""Clause frames: every clause that names entities becomes a statement of what it says.

The trigger rules (kg_statements) know a few kinds of fact well; a reader links the names
of any clause whatever its verb. A frame is that reading: the clause's predicate as its
trigger, the entities of the clause in their roles (who acts, what it is about, where,
which product, which event), the clause's date, and the clause as evidence.

Chinese drops a subject it has named once: 燧原科技成立於2018年，布局雲端AI晶片領域，…
The organisation or person that opens a sentence stays its topic, and a later clause of the
sentence that names no actor of its own is about it (a topic chain). 該公司, 其, 這家公司
and the like point back to the nearest company named before them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.extraction.model import Entity
from kg.nlp.clauses import DATELINE_END

ORGS = {"Organization", "Company", "GovernmentAgency", "Legislature", "ResearchInstitute", "MediaOrganization",
        "StockExchange", "InternationalOrganization", "University"}
PRODUCTS = {"Chip", "ChipFamily", "Product", "AIModel", "CloudService"}
PLACES = {"Country", "AdministrativeRegion", "City", "GeoRegion", "Place"}
# (在2024年向戴爾購買伺服器時: a time before the preposition changes nothing; nor does a word of listing:
# 還包括對諾基亞投資)
PREPOSITION_OPENING = re.compile(r"\s*(?:(?:在|于)?\s*(?:\d{1,4}\s*[年月日](?:\s*\d{1,2}\s*[月日])*|今年|去年|昨天|昨日|日前|近日|此前|"
                                 r"目前)\s*)?[将已也并还再正拟曾后又亦]{0,2}(?:包括|包含|以及)?\s*(?:对|向|为|给|替|与|和|跟|同|由(?!于|此|是)|交由|在|于|把|将(?![会要来近]))[^，。；,;]{0,8}")
EVENTS = {"Event"}
ACTORS = ORGS | {"Person"}

@dataclass(frozen=True)
class ClauseCues:
    """The cue words clause frames read (ontology/lexicon/clause-cues.csv), compiled once.
    Patterns are regular expressions over folded (Simplified) text; rows of one kind are
    alternatives."""

    pointer: re.Pattern          # 該公司, 其, 前者: the entity named before (searched in a clause)
    plural_people: re.Pattern    # 他們, 兩人: the people named together before (searched)
    opening_company: re.Pattern  # a clause opening with a bare 公司 (matched at the clause's start)
    elaboration: re.Pattern      # 包括, 例如: the clause spells out the one before (at the start)
    possessed: re.Pattern        # 第一大股東為, 保薦機構為: what the topic has, named (at the start)
    adverbial: re.Pattern        # 受, 根據, 隨著: circumstance, no topic (at the start)
    reporting: re.Pattern        # 表示, 報導: a verb of saying ending the clause
    sentence_continued: re.Pattern  # 同時, 此外, 並: a sentence going on about the one before (at the start)
    words: dict[str, str]        # every kind's rows as one alternation, for patterns built in code (CuePattern)
    literals: dict[str, tuple[str, ...]]  # the words of the name cues that are word lists (CueWords)


NEVER = r"(?!)"


def pattern_rows(name: str, known: tuple[str, ...], what: str,
                 literal: frozenset[str] = frozenset()) -> dict[str, list[str]]:
    """The rows of a lexicon file of kind,pattern[,note] rows (clause-cues.csv, statement-triggers.csv),
    each kind's patterns in the file's order; a kind not in known, a pattern that does not
    compile, or a row of a literal kind that is not plain words joined by | is a one-line
    PipelineError naming the file and line ("bad {what} row")."""
    import csv

    from kg.errors import PipelineError
    from kg.reference import lexicon_file
    path = lexicon_file(name)
    kinds: dict[str, list[str]] = {}
    if path.exists():
        with open(path, encoding="utf-8", newline="") as f:
            for line, row in enumerate(csv.DictReader(f), start=2):
                try:
                    kind, pattern = row["kind"].strip(), row["pattern"].strip()
                    if kind not in known:
                        raise ValueError(f"kind must be one of {', '.join(known)}, not {kind!r}")
                    re.compile(pattern)
                    # (a word may hold a space: nand flash)
                    if kind in literal and any(not w.strip() or re.escape(w.replace(" ", "")) != w.replace(" ", "")
                                               for w in pattern.split("|")):
                        raise ValueError(f"the rows of {kind} are words joined by |, not a pattern: {pattern!r}")
                except (KeyError, AttributeError, ValueError, re.error) as e:
                    raise PipelineError(f"{path}:{line}: bad {what} row: {e}") from e
                kinds.setdefault(kind, []).append(pattern)
    return kinds


def alternation(patterns: list[str] | None) -> str:
    """A kind's rows as one alternative group, tried in order; no rows never match."""
    return "(?:" + "|".join(f"(?:{p})" for p in patterns) + ")" if patterns else NEVER


@lru_cache(maxsize=1)
def clause_cues() -> ClauseCues:
    """The clause cues of the ontology in use, and the name cues (name-cues.csv) of patterns built in
    code; a kind without rows never matches."""
    kinds = pattern_rows("clause-cues.csv", CUE_KINDS, "clause cue")
    names = pattern_rows("name-cues.csv", NAME_CUE_KINDS, "name cue", frozenset(NAME_WORD_KINDS))

    def alt(kind: str) -> str:
        return alternation(kinds.get(kind))
    return ClauseCues(
        # (該股: the shares the article follows point back to their company too)
        pointer=re.compile(alt("pointer") + "|" + alt("stock-pointer")), plural_people=re.compile(alt("plural-people")),
        opening_company=re.compile(r"\s*" + alt("opening-company")), elaboration=re.compile(r"\s*" + alt("elaboration")),
        possessed=re.compile(r"\s*" + alt("possessed")),
        adverbial=re.compile(r"\s*(?:" + alt("adverbial") + "|" + alt("prior-event") + ")"), reporting=re.compile(alt("reporting") + r"\s*[:：]?\s*$"),
        sentence_continued=re.compile(r"\s*(?:" + alt("sentence-continued") + r")"),
        words={kind: alt(kind) for kind in CUE_KINDS} | {kind: alternation(names.get(kind)) for kind in NAME_CUE_KINDS},
        literals={kind: tuple(w for row in names.get(kind, ()) for w in row.split("|")) for kind in NAME_WORD_KINDS + CUT_KINDS})


CUE_KINDS = ("pointer", "plural-people", "plural-parties", "opening-company", "elaboration", "possessed", "adverbial", "reporting",
             # the word lists of patterns built in code (CuePattern)
             "building", "kind-of-firm", "firm-word", "reporter-joiner",
             "division", "division-head", "officer-title", "adopts", "node-unit",
             "members", "members-among", "listed",
             "baseline", "previous-generation", "estimate-of", "estimate-says", "compares-with", "compared-joiner",
             "compared-after", "policy-opening", "rule-terms", "policy-pointed", "in-force",
             "pointed-product", "pointed-policy", "pointed-country", "stock-pointer", "carried-opening", "shared", "list-joiner", "officer-lead", "named-to", "appoints",
             "list-continued", "definite-noun", "invested", "invested-stake", "capex", "controls-main", "sentence-continued",
             "acts-on-person", "own-staff", "charge", "degree", "role-holder", "prior-event", "likened-event")
# The kinds of ontology/lexicon/name-cues.csv: the words of the patterns that find and refuse names
# and of the links around them; NAME_WORD_KINDS are plain word lists (CueWords), the rest patterns.
NAME_WORD_KINDS = ("national-body", "company-part", "body-meeting", "area-word", "place-word", "place-verb", "not-ministry",
                   "kind-of-product", "media-word", "generic-word", "generic-start", "generic-end", "event-generic-start",
                   "function-word", "left-cut", "pointer-determiner", "company-noun", "holding-degree", "subsidiary-noun",
                   "chip-noun", "product-verb", "chip-trade", "shared-title", "plant-kind",
                   "taiwan-usage", "mainland-usage", "malaysia-usage", "singapore-usage", "home-domain", "kind-of-car", "kind-of-intelligence")
# kinds read as the alternatives of one `.*(?:…)` cut (CueCut): rows of words joined by |, where a word may be
# a small pattern of its own ([^工]廠)
CUT_KINDS = ("descriptor",)
NAME_CUE_KINDS = ("person-title", "official-title", "person-verb", "address-form", "portfolio", "chip-brand",
                  "after-firm-name", "firm-after-name", "latin-firm-word", "career", "carries",
                  "holding-clause", "list-opening", "list-closing", "maker-verb", "state-head", "government-head",
                  "export-regime", "post", "chief-title", "levy-verb", "tariff-kind", "honorific", "stake-verb", "group-trade", *NAME_WORD_KINDS, *CUT_KINDS)


class CuePattern:
    """A regular expression whose structure is code and whose words are clause cues: build gets
    a function from a cue kind to the alternation of its rows and returns the pattern (a kind
    name alone is the kind's words whole). Compiled at first use, not at import, and again only
    when the cues are read anew; used as a compiled pattern (search, match, finditer)."""

    __slots__ = ("build", "_cues", "_re")

    def __init__(self, build):
        self.build = (lambda words: words(build)) if isinstance(build, str) else build
        self._cues = self._re = None

    def compiled(self) -> re.Pattern:
        cues = clause_cues()
        if cues is not self._cues:
            try:
                self._re, self._cues = re.compile(self.build(cues.words.__getitem__)), cues
            except re.error as e:  # a row that compiles alone but not inside its pattern (a group name of its own)
                from kg.errors import PipelineError
                from kg.reference import lexicon_file
                raise PipelineError(f"{lexicon_file('clause-cues.csv')} or {lexicon_file('name-cues.csv')}: "
                                    f"bad cue row: {e}") from e
        return self._re

    def search(self, *args):
        return self.compiled().search(*args)

    def match(self, *args):
        return self.compiled().match(*args)

    def fullmatch(self, *args):
        return self.compiled().fullmatch(*args)

    def finditer(self, *args):
        return self.compiled().finditer(*args)


class CueCut(CuePattern):
    """`.*(?:a|b|…)` over a word-list kind of the name cues (left-cut, descriptor): matched at a
    candidate's start, it ends after the last of the words, where the name begins. `leaving` are
    words left out (a registered name's own business words: 上海國有資本投資有限公司 keeps 投資)."""

    __slots__ = ()

    def __init__(self, kind: str, leaving: tuple[str, ...] = ()) -> None:
        def build(words) -> str:
            cut = [w for w in clause_cues().literals.get(kind, ()) if w not in leaving]
            return ".*(?:" + "|".join(cut) + ")" if cut else NEVER
        super().__init__(build)


class CueWords:
    """The words of a name cue kind that is a word list (national-body, area-word, …), read like the
    set or tuple they replace: `w in words`, `text.endswith(words.tuple(), a, b)`."""

    __slots__ = ("kind", "_cues", "_tuple", "_set")

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._cues = self._tuple = self._set = None

    def tuple(self) -> tuple[str, ...]:
        cues = clause_cues()
        if cues is not self._cues:
            self._tuple = cues.literals.get(self.kind, ())
            self._set, self._cues = frozenset(self._tuple), cues
        return self._tuple

    def __contains__(self, word: object) -> bool:
        self.tuple()
        return word in self._set

    def __iter__(self):
        return iter(self.tuple())


# What a pointer's noun says it points back to: 該晶片/該模型 a product, 該法案/該規定 a rule
POINTED_KIND = CuePattern(lambda w: rf"(?P<product>{w('pointed-product')})$|(?P<policy>{w('pointed-policy')})$"
                                     rf"|(?P<country>{w('pointed-country')})$")
POLICIES = {"Policy", "Law", "ExportDecision"}


def _remember(last_of: dict[str, object], ent) -> None:
    if ent.cls in PRODUCTS:
        last_of["product"] = ent
    elif ent.cls in POLICIES:
        last_of["policy"] = ent
    elif ent.cls == "Country":
        last_of["country"] = ent


def company_before(mentions, folded: str, pos: int) -> Entity | None:
    """The company a bare 公司 at the start of a sentence points back to: the first named in the
    nearest sentence before that names one, past clauses of circumstance (受…影響, 據…)
    (鋒算科技遞交上市申請，保薦人為A和B。公司…: 鋒算, not B)."""
    cues = clause_cues()
    named = [(ms, ent) for ms, me, ent in mentions if me <= pos and pos - ms < 300 and ent.cls == "Company"]
    if not named:
        return None
    s0 = named[-1][0]
    while s0 > 0 and folded[s0 - 1] not in "。！？!?\n":
        s0 -= 1
    first = None
    for ms, ent in named:
        if ms < s0:
            continue
        c0 = ms
        while c0 > 0 and folded[c0 - 1] not in "，,；;。！？!?\n":
            c0 -= 1
        if cues.adverbial.match(folded, c0):
            continue
        first = first or ent
    return first or named[-1][1]


def bare_company(mentions, folded: str, s0: int, cs: int, main) -> Entity | None:
    """The company a clause opening with a bare 公司 at cs (in the sentence opening at s0) means:
    the one its own sentence named before (北辰官網顯示，公司創立於2001年), else the company the
    article is about, else the one the sentence before was about (沐曦成立於…，創辦人曾在AMD任職。
    公司主要產品…: 沐曦, not AMD)."""
    before = [m for m in mentions if m[1] <= cs]
    if any(ent.cls == "Company" and s0 <= ms for ms, me, ent in before):
        return company_before(before, folded, cs)
    return main or company_before(before, folded, cs)


#: 母基金, 該銀行, 交易所 opening a clause (a time word before it at most): the body named before that ends so
DEFINITE_OPENING = CuePattern(lambda w: rf"\s*(?:目前|如今|此外|同时|另外|随后|其后|此后)?\s*(?:这些|上述|该等|该|这|此|本)?"
                                        rf"(?P<noun>{w('definite-noun')})(?![\u4e00-\u9fff]{{0,1}}(?:公司|集团))")


def named_with_tail(mentions, folded: str, noun: str, pos: int, reach: int = 400):
    """The organisation named last before pos, within reach, whose name ends with the kind word noun
    and holds more than it (三大先導產業母基金 for 母基金); None if none does."""
    for s, e, ent in reversed(mentions):
        if pos - e > reach:
            return None
        if ent.cls in ORGS and e - s > len(noun) and folded.endswith(noun, s, e):
            return ent
    return None


def group_before(mentions, sentences, pos: int) -> list:
    """The people named before pos in the last sentence (pos's own, or one before it) that names two or
    more of them."""
    by_sentence: dict[int, list] = {}
    for s, e, ent in mentions:
        if ent.cls == "Person" and s < pos:
            i = next((k for k, (a, b) in enumerate(sentences) if a <= s < b), -1)
            if not any(x.key == ent.key for x in by_sentence.setdefault(i, [])):
                by_sentence[i].append(ent)
    here = next((k for k, (a, b) in enumerate(sentences) if a <= pos < b), len(sentences))
    for i in sorted(by_sentence, reverse=True):   # (林某與陳某會面，兩人…: the sentence's own clauses before too)
        if i <= here and len(by_sentence[i]) >= 2:
            return by_sentence[i]
    return []


THEY = re.compile(r"他们|她们")


def firms_listed_before(mentions, folded: str, pos: int) -> list:
    """The organisations listed last before pos in pos's own sentence, two or more joined by 、, 和,
    與, 及 (晴川、北辰等公司): whom 他們 means where the sentence names no people."""
    s0 = max(folded.rfind(p, 0, pos) for p in "。！？!?\n") + 1
    own = [m for m in mentions if s0 <= m[0] < pos]
    listed: list = []
    for (_, e0, a), (s1, _, b) in zip(reversed(own[:-1]), reversed(own)):
        if a.cls in ORGS and b.cls in ORGS and a.key != b.key and LIST_JOINER.fullmatch(folded, e0, s1):
            listed = [a, *(listed or [b])]
        elif listed:
            break
    return listed


#: 雙方, 兩家公司: the two parties named together before (clause cues, plural-parties)
PLURAL_PARTIES = CuePattern("plural-parties")
#: 與, 和, 同, 跟, 、: what stands between two parties named together (北辰與晴川, 北辰宣布與晴川合作)
PARTY_JOINER = CuePattern(lambda w: rf"\s*(?:{w('list-joiner')}|同|跟)\s*")
PARTIES = ORGS | {"Person", "Country"}


def parties_before(mentions, folded: str, pos: int, reach: int = 300) -> list:
    """The two parties named together last before pos: in pos's own sentence, two names a joiner
    stands between (北辰與晴川), a name after 與 and the first party of its clause (北辰宣布與晴川
    合作), else its last two parties (華為評估採用海嵐的產品，但雙方…); in the sentence before (of the
    same paragraph, within reach), two names joined so."""
    s0 = max(folded.rfind(p, 0, pos) for p in "。！？!?\n") + 1
    parties = [m for m in mentions if m[2].cls in PARTIES - {"MediaOrganization"} and pos - m[0] <= reach
               and "\n" not in folded[m[0]:pos]]
    own = [m for m in parties if m[0] >= s0]
    last: list = []
    for _, _, ent in reversed(own):
        if all(ent.key != x.key for x in last):
            last.insert(0, ent)
    return _joined_pair(own, folded) or (last[-2:] if len(last) >= 2 else None) \
        or _joined_pair([m for m in parties if m[0] < s0], folded) or []


def _joined_pair(parties, folded: str) -> list | None:
    """The last two parties a joiner stands between, or the last name after 與 with its clause's first party."""
    for (s0, e0, a), (s1, e1, b) in zip(reversed(parties[:-1]), reversed(parties)):
        if a.key != b.key and PARTY_JOINER.fullmatch(folded, e0, s1):
            return [a, b]
        if folded[s1 - 1:s1] in ("与", "同", "跟"):
            c0 = max(folded.rfind(p, 0, s1) for p in "，,；;。！？\n") + 1
            first = next((m[2] for m in parties if c0 <= m[0] < s1 and m[2].key != b.key), None)
            if first is not None:
                return [first, b]
    return None


@dataclass(frozen=True)
class Frame:
    """One clause's reading, before dates and evidence are attached."""

    start: int                          # the clause
    end: int
    trigger: str | None                 # the predicate as written
    trigger_start: int | None
    roles: tuple[tuple[str, str], ...]  # (role property, entity key)
    topic: str | None = None            # the sentence's topic when carried into this clause
    lead: int | None = None             # an adverbial clause before it whose names wait for it (從晴川大學畢業後，他…)


def role_of(cls: str, before_trigger: bool, first_actor: bool) -> str:
    """The role an entity of class cls plays, by its class and its side of the predicate."""
    if cls in PLACES:
        return "location"
    if cls in EVENTS:
        return "venue"
    if cls in PRODUCTS:
        return "product"
    if cls in ACTORS and before_trigger and first_actor:
        return "agent"
    return "subject" if before_trigger else "counterpart"


#: between a country and a body of it: the kind of body (美國|智庫“|CSIS, 韓國|晶片新創|X, 日本|半導體大廠|Y)
#: (a person's nationality before a name is kg.nlp.components.relations.NATIONALITY_GAP)
BODY_KIND_GAP = re.compile(r"[\u4e00-\u9fffa-z]{0,6}?(?:智库|大厂|巨头|新创|初创|厂商|媒体|龙头|业者|制造商|供应商|"
                           r"芯片商|晶片商|设计公司|科技公司|研究机构)\s*[「“\"『]?\s*")


def names_a_body_after(folded: str, end: int, starts) -> bool:
    """Whether a country ending at end names the kind of a body one of starts opens right after it
    (美國智庫“戰略與國際研究中心”): the country says whose that body is, and no more."""
    return any(s > end and BODY_KIND_GAP.fullmatch(folded, end, s) for s in starts)


def _bracketed_after_name(folded: str, start: int, end: int, mentions: list, floor: int) -> bool:
    """Whether start..end lies in brackets that open right after another of mentions (all at or after
    floor, the clause's start) and hold only places (and the marks between them)."""
    opening = max(folded.rfind("(", floor, start), folded.rfind("（", floor, start))
    if opening < 0 or not any(me == opening for ms, me, ent in mentions) \
            or folded.find(")", opening, start) >= 0 or folded.find("）", opening, start) >= 0:
        return False
    closing = min((i for i in (folded.find(")", end), folded.find("）", end)) if i >= 0), default=-1)
    return closing >= 0 and all(m[2].cls in PLACES for m in mentions if opening < m[0] and m[1] <= closing)


def _prepositional_list(folded: str, cs: int, ents: list, here: list) -> set[int]:
    """Where the names of a list right after a preposition opening the clause start: 與A、B和C合作 names
    A, B and C as objects (none of them the clause's actor)."""
    ends = {m[0]: m[1] for m in here}
    out: set[int] = set()
    for i, (s, _) in enumerate(ents):
        if i == 0:
            if not PREPOSITION_OPENING.fullmatch(folded, cs, s):
                return out
        elif ents[i - 1][0] not in ends or not OBJECT_JOINER.fullmatch(folded, ends[ents[i - 1][0]], s):
            break
        out.add(s)
    return out


def clause_frames(folded: str, clauses: list[tuple[int, int]], sentences: list[tuple[int, int]],
                  mentions: list[tuple[int, int, object]],
                  predicate=None, min_entities: int = 2, main=None) -> list[Frame]:
    """Frames of every clause that holds min_entities or more entities once its topic is carried in.

    mentions: (start, end, entity) in text order, entity with .key and .cls.
    predicate: a callable (start, end) -> (text, start) | None giving the clause's main verb.
    main: the company the article is about (kg.nlp.spans.main_company), whom a bare 公司 means.
    With min_entities=0 every clause has a frame, and a clause naming nothing is about the
    sentence's topic (從目前不到2萬片提升至10萬片: the figures of the company named before).
    """
    cue = clause_cues()
    frames: list[Frame] = []
    mi = 0
    last_company = None
    last_of: dict[str, object] = {}  # the product and the policy named last, for 該晶片, 該法案
    si = 0
    topic = None
    group: list = []   # the topic and the names listed with it (北辰銀行、星曜銀行和晴川銀行也公告)
    waiting: list[tuple[int, object]] = []
    pending_to: tuple[int, int] | None = None   # (the sentence, the adverbial clause's start)
    previous: tuple | None = None   # (sentence, frame start, predicate, entities) of the last clause with a predicate
    story = -1   # the sentence a life story without a subject goes on in
    before: tuple | None = None   # (topic, group, end) of the sentence before, for a sentence that goes on about it
    for cs, ce in clauses:
        while si < len(sentences) and sentences[si][1] <= cs:
            before = (topic, group, sentences[si][1]) if topic is not None else None
            si += 1
            topic, group = None, []
        while mi < len(mentions) and mentions[mi][0] < cs:
            if mentions[mi][2].cls == "Company":
                last_company = mentions[mi][2]
            _remember(last_of, mentions[mi][2])
            mi += 1
        here = []
        j = mi
        while j < len(mentions) and mentions[j][1] <= ce:
            here.append(mentions[j])
            j += 1
        # 四日市工廠(三重縣四日市市): places in brackets right after a name say where it is; they take no
        # part in what the clause says (the name's own relations place it)
        here = [m for m in here if not (m[2].cls in PLACES and _bracketed_after_name(folded, m[0], m[1], here, cs))]
        # 美國智庫“戰略與國際研究中心”主任艾倫: a country naming the kind of body after it says whose the body
        # is (its own relation), not where the clause happens
        here = [m for m in here if not (m[2].cls == "Country" and names_a_body_after(folded, m[1], [n[0] for n in here]))]
        # 美國政策依然像去年H20解禁時一樣: the names of the event a clause is likened to take no part in it
        likened = [m.span() for m in LIKENED_EVENT.finditer(folded, cs, ce)]
        here = [m for m in here if not any(a <= m[0] and m[1] <= b for a, b in likened)]
        pred = predicate(cs, ce) if predicate else None
        # …曾擔任A與B資深工程師，及C專案經理: a clause opening with 及 and no verb of its own goes on
        # the clause before it: one frame of both, read from that clause's start with its predicate
        continued = previous if pred is None and previous is not None and previous[0] == si \
            and CONTINUED_OPENING.match(folded, cs) and any(ent.cls not in PLACES for _, _, ent in here) else None
        fs = cs
        if continued is not None:
            fs, pred = continued[1], continued[2]
        tpos = pred[1] if pred else None
        ents: list[tuple[int, object]] = []
        seen: set[str] = set()
        for s, ent in continued[3] if continued is not None else ():
            ents.append((s, ent))
            seen.add(ent.key)
        for s, e, ent in here:
            if ent.key not in seen:
                seen.add(ent.key)
                ents.append((s, ent))
        # 他們, 兩人, 涉案4人: the people a sentence before named together
        if (they := cue.plural_people.search(folded, cs, ce)) and not any(ent.cls == "Person" for _, ent in ents):
            # (召來晴川、北辰等公司，詢問他們…: 他們 with no people before is the firms the sentence listed)
            for ent in group_before(mentions[:mi], sentences, cs) or (
                    firms_listed_before(mentions[:mi], folded, cs) if THEY.fullmatch(they.group()) else []):
                if ent.key not in seen:
                    ents.append((they.start(), ent))
                    seen.add(ent.key)
        # 北辰與晴川簽約，雙方將…: 雙方, 兩家公司 are the two parties named together last
        if (both := PLURAL_PARTIES.search(folded, cs, ce)) is not None:
            # (a sentence read whole names its parties before the word, in the unit itself)
            for ent in parties_before([m for m in mentions if m[1] <= both.start()], folded, both.start()):
                if ent.key not in seen:
                    ents.append((both.start(), ent))
                    seen.add(ent.key)
        # 陳立武出生於柔佛。之後，他前往麻省理工學院: 他, 她 name the person named last in the paragraph
        pronoun = PERSON_PRONOUN.search(folded, cs, ce)
        if pronoun is None and si < len(sentences) and (sentences[si][0] >= cs - 1 or story == si):
            # 她是…之一。上世紀90年代畢業於清華大學: a sentence of a life story that names no one goes on about
            # the person of the sentence before (…，其後在博通工作: and so do its next clauses)
            pronoun = LIFE_STORY_OPENING.match(folded, cs, ce)
            if pronoun:
                story = si
        if pronoun and not any(ent.cls == "Person" for _, ent in ents):
            last = next((m for m in reversed(mentions[:mi]) if m[2].cls == "Person"), None)
            if last is not None and "\n" not in folded[last[1]:pronoun.start()] and last[2].key not in seen:
                ents.insert(0, (pronoun.start(), last[2]))
                seen.add(last[2].key)
                if topic is not None and topic.cls == "Person" and topic is not last[2]:
                    # (今天是川普…周年，也是魏哲家的生日，他自…接任…，開啟…: the clauses after 他 go on about him)
                    topic, group = last[2], []
        # …推出首款AI晶片MARS1000，由本地公司SkyeChip開發: a clause opening with 由 is about the product its
        # sentence named last
        if BY_OPENING.match(folded, cs) and ents and not any(ent.cls in PRODUCTS for _, ent in ents):
            s0 = sentences[si][0] if si < len(sentences) else cs
            made = next((m for m in reversed(mentions[:mi]) if s0 <= m[0] and m[2].cls in PRODUCTS), None)
            if made is not None and made[2].key not in seen:
                ents.insert(0, (made[0], made[2]))
                seen.add(made[2].key)
        # a pointer word (该公司, 其) names the company before it
        ref = cue.pointer.search(folded, cs, ce)
        back = last_company
        if ref is not None and POINTED_KIND.search(ref.group()):  # 該模型, 該法案: the product or rule named last
            back = last_of.get(POINTED_KIND.search(ref.group()).lastgroup)
        if ref is None:
            ref = cue.opening_company.match(folded, cs, ce)
            # 公司董事長…: a bare 公司 is the company bare_company says
            s0 = sentences[si][0] if si < len(sentences) else cs
            back = (bare_company(mentions[:mi], folded, s0, cs, main) if ref else main) or last_company
        if ref is None and (noun := DEFINITE_OPENING.match(folded, cs, ce)) is not None:
            # 上海三大先導產業母基金…。母基金得到了…的支持: a clause opening with the kind word a name named
            # before ends with is about that one
            back = named_with_tail(mentions[:mi], folded, noun.group("noun"), cs)
            ref = noun if back is not None else None
        # (a company named before the pointer in the clause is what 該公司 means; 該規則 still means the rule)
        if ref and back is not None and back.key not in seen and (back.cls in PRODUCTS | POLICIES | {"Country"} or
                                                                  not any(ent.cls == "Company" and s < ref.start() for s, ent in ents)):
            ents.append((ref.start(), back))
            seen.add(back.key)
        # 將對晶片製造商Rapidus追加提供補助: a name after a preposition opening the clause is its object; the
        # clause has left out its subject
        # (與星河、晴川和瀚海等企業合作: each name of a list after the preposition is its object)
        in_order = sorted(ents, key=lambda x: x[0])
        objects = _prepositional_list(folded, cs, in_order, here)
        actor_first = next((ent for s, ent in in_order if ent.cls in ACTORS
                            and not PREPOSITION_OPENING.fullmatch(folded, cs, s) and s not in objects), None)
        # 北辰科技公布財報。同時宣布與晴川合作: a sentence opening with a word that goes on (同時, 此外, 並), no
        # name before its verb, in the paragraph of the sentence before, is about that sentence's topic, as a
        # clause after a comma is (not one opening with its verb: 位於加州的輝達… names its subject after)
        opening = cue.sentence_continued.match(folded, cs)
        goes_on = opening is not None and topic is None and before is not None and si < len(sentences) \
            and not folded[sentences[si][0]:cs].strip() and "\n" not in folded[before[2]:cs] and bool(ents) and (
                # (同時與A、B攜手開發: the names after a preposition opening the clause are its objects)
                not any(p < tpos and p not in objects for p, _ in ents) if tpos is not None
                # (read whole, the sentence may have no verb found: then a word before its first name, after the cue)
                else min(p for p, _ in ents) - opening.end() >= 2)
        if goes_on:
            topic, group = before[0], before[1]
        carried = None
        if (cue.elaboration.match(folded, cs) or cue.possessed.match(folded, cs)) and topic is not None \
                and topic.key not in seen and ents:
            # 長鑫背後資本雲集，包括大基金、阿里、小米: the list spells out what the topic has
            carried = _carry(ents, seen, group or [topic], cs)
        elif topic is not None and topic.key not in seen and (ents or min_entities == 0) and (
                actor_first is None or goes_on
                # (壁仞科技通過港交所聆訊，由中金公司、平安證券聯合保薦: who acts for the topic, after 由)
                or (BY_OPENING.match(folded, cs) and topic.cls in ORGS and not any(e.cls in PRODUCTS for _, e in ents))
                or (tpos is not None and len(folded[after_time(folded, cs, tpos):tpos].strip()) <= 3
                                        and not any(p < tpos for p, _ in ents)
                                        # (…，持簽證並居於坦帕的陳某: a clause naming a person of its own is about that one)
                                        and not (topic.cls == "Person" and any(e.cls == "Person" for _, e in ents))
                                        and topic.cls not in PLACES and any(e.cls not in PLACES for _, e in ents))):
            # …，將優先供應輝達: a clause that opens with its verb (an adverb or two before it) has left
            # out its subject, the sentence's organisation or product; the names after it are its objects
            # (北辰銀行、星曜銀行也公告，…，向大基金三期出資: a list opening the sentence is the subject of each)
            carried = _carry(ents, seen, group or [topic], cs)
        elif topic is None and not cue.adverbial.match(folded, cs, _clause_end(folded, ce)) and not DATELINE_END.search(folded, cs, ce) \
                and not cue.reporting.search(folded, cs, ce):
            # 大陸目標是一至兩年內，…: a country opening the sentence's clause is its topic when no actor is
            head = _head_of_clause(folded, here, cs, ce)
            topic = head or actor_first
            group = _listed_with(folded, here, topic) or _officer_with(folded, here, topic) or _heads_listed_before(folded, here, head)
            if topic is None and min_entities == 0:
                topic = next((ent for s, ent in ents if ent.cls in PLACES and not folded[cs:s].strip()), None)
        elif topic is not None and not carried and not cue.adverbial.match(folded, cs, _clause_end(folded, ce)) \
                and not cue.reporting.search(folded, cs, ce):
            # 台積電…，據財報，美國亞利桑那子公司轉虧為盈，獲利逾161億元: a clause opening with another
            # firm (a place before it at most; 而, 但 at most before that) names the topic the clauses after it
            # go on about (…通過輝達認證，而海力士早已搶佔先機，目前佔據全球60%的市場)
            opening = min(here, key=lambda m: m[0], default=None)
            first = next((m for m in here if m[2].cls in ORGS and not any(
                x[2].cls not in PLACES for x in here if x[0] < m[0])), None)
            if first is not None and first[2] is not topic and opening is not None and \
                    CONTRAST_OPENING.fullmatch(folded, cs, opening[0]) and topic.cls in (ORGS | PLACES):
                # (中國半導體產業打造國家隊，大基金三期成立，註冊資本…: a country is the topic until a
                # clause opens with a body of its own)
                topic, group = first[2], []
        # 居住在紐約的林某，和來自台北的陳某，共謀…: a clause opening with 和 names one more of the list the
        # sentence opened with, and the clauses after it go on about them all
        if topic is not None and topic.cls in ACTORS and LIST_OPENING.match(folded, cs):
            member = next((ent for _, _, ent in here if ent.cls not in PLACES), None)
            if member is not None and member is not topic and member not in group and \
                    (member.cls == "Person") == (topic.cls == "Person"):
                group = [*(group or [topic]), member]
        # 依據《網絡安全法》等有關規定，網信辦約談了輝達: what an adverbial clause names is the next clause's
        lead = None
        if waiting and pending_to is not None and pending_to[0] == si:
            lead = pending_to[1]
            for s, ent in waiting:
                if ent.key not in seen:
                    ents.append((s, ent))
                    seen.add(ent.key)
        waiting, pending_to = [], None
        if cue.adverbial.match(folded, cs, _clause_end(folded, ce)) and ents and (
                actor_first is None or CAUSE_OPENING.match(folded, cs) or PRIOR_EVENT.match(folded, cs, _clause_end(folded, ce))
                # 根據晴川諮詢統計，A、B、C…: the source a clause cites is linked to what the next clause reports
                # (據某報援引司法部的資料: not a paper citing another's)
                or (SOURCE_OPENING.match(folded, cs) and not CITING.search(folded, cs, ce))):
            waiting, pending_to = list(ents), (si, cs)
        # 起訴林某與陳某，指控兩人…，將晶片走私至中國: the people a charge names act in the clauses after it
        accused = [ent for p, ent in ents if ent.cls == "Person" and tpos is not None and p > tpos]
        if accused and pred is not None and CHARGE.search(pred[0]):
            topic, group = accused[0], accused
        for s, e, ent in here:
            if ent.cls == "Company":
                last_company = ent
            _remember(last_of, ent)
        mi = j
        if min_entities > 0 and DATELINE_END.search(folded, cs, ce):
            continue  # 中央社記者林志成台北4日電, 中國基金報記者盧鴒: a dateline or a byline states no fact (its reporter's
            # outlet is a relation of its own)
        if len(ents) < max(min_entities, 1) and not (min_entities == 0 and carried):
            if min_entities == 0:
                frames.append(Frame(cs, ce, None, None, tuple(("subject", ent.key) for _, ent in ents), carried))
            continue
        ents.sort(key=lambda x: x[0])
        # 壁仞與燧原也正籌備IPO, 北辰和晴川都發布了新品: subjects listed before 也 or 都 each do what the
        # clause says on their own; the clause links each with the rest of it, not the two together
        run = _distributive_subjects(folded, cs, here) if min_entities > 0 else []
        rest = [x for x in ents if all(x[1] is not r for r in run)]
        for group_ents in ([sorted([*rest, (s, r)], key=lambda x: x[0]) for s, r in _positions(here, run)]
                           if run else [ents]):
            if len(group_ents) < min_entities:
                continue
            roles: list[tuple[str, str]] = []
            first = True
            for s, ent in group_ents:
                before = tpos is None or s < tpos
                role = role_of(ent.cls, before, first)
                if role == "agent":
                    first = False
                roles.append((role, ent.key))
            frames.append(Frame(fs, ce, pred[0] if pred else None, tpos, tuple(roles), carried, lead))
        previous = (si, fs, pred, list(ents)) if pred else None
    return frames


#: 根據晴川諮詢統計, 據北辰研究數據: a clause citing the figures of a research firm or a body (not a paper's
#: report, whose outlet is no part of the news) is the source of what the clause after it says
SOURCE_OPENING = re.compile(r"\s*(?:据|根据|依据)[^，。；,;]{2,30}?(?:统计|数据|资料|调查|报告|研究|估计|预估|预测|分析|观察)"
                            r"(?:显示|指出|称)?\s*[，,]")


CITING = re.compile(r"援引|引述|引用|转引")


#: 而, 但, 不過: a conjunction opening a clause before its subject (or nothing)
CONTRAST_OPENING = re.compile(r"\s*(?:而|但|但是|不过|然而)?\s*")


#: 也, 都, 均: an adverb after a list of subjects that makes each of them do what the clause says alone
DISTRIBUTIVE = re.compile(r"\s*(?:也|都|均|皆|亦|同样)")


def _distributive_subjects(folded: str, cs: int, here: list) -> list:
    """The actors a clause opens with, joined as a list and followed by a distributive adverb
    (北辰與晴川也…, A、B和C都…), else []. Only a time may come before them."""
    actors = [m for m in here if m[2].cls in ACTORS]
    if len(actors) < 2 or here[0] is not actors[0] or (
            folded[cs:actors[0][0]].strip() and not PREPOSITION_OPENING.fullmatch(folded, cs, actors[0][0])):
        return []
    run = [actors[0]]
    for m in actors[1:]:
        if not LIST_JOINER.fullmatch(folded, run[-1][1], m[0]):
            break
        run.append(m)
    if len(run) < 2 or not DISTRIBUTIVE.match(folded, run[-1][1]):
        return []
    return [m[2] for m in run]


def _positions(here: list, ents: list) -> list:
    """(start, entity) of the first mention of each of ents in the clause."""
    return [next((m[0], m[2]) for m in here if m[2] is e) for e in ents]


@dataclass(frozen=True)
class FrameRule:
    """A row of ontology/lexicon/frame-relations.csv: a trigger between an entity of one class
    and an entity of another makes a typed relation between them."""

    triggers: re.Pattern
    before: frozenset[str]
    after: frozenset[str]
    property: str
    subject: str   # "before" | "after": which of the two is the relation's subject


def load_lexicon(path) -> list[FrameRule]:
    """The frame lexicon. `triggers` is a regular expression over the folded (Simplified,
    lower-case) text, so one row serves both scripts; `before`/`after` are the classes of the
    entities on each side of the trigger in one clause, `subject` says which side the relation
    starts from."""
    import csv

    from kg.errors import PipelineError
    rules = []
    with open(path, encoding="utf-8") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            try:
                if row["subject"] not in ("before", "after"):
                    raise ValueError(f"subject must be before or after, not {row['subject']!r}")
                rules.append(FrameRule(re.compile(row["triggers"]),
                                       frozenset(row["before"].split("|")), frozenset(row["after"].split("|")),
                                       row["property"], row["subject"]))
            except (re.error, ValueError, KeyError, TypeError, AttributeError) as e:
                raise PipelineError(f"{path}:{line}: bad frame lexicon row: {e}") from e
    return rules


def frame_relations(frame: Frame, folded: str, mentions: list[tuple[int, int, object]],
                    lexicon: list[FrameRule]) -> list[tuple[str, str, str, int, int]]:
    """Typed relations a frame states: (subject key, property, object key, start, end) for every
    lexicon trigger standing between two of the clause's entities of the right classes, with no
    other entity of the second's classes between the trigger and it."""
    out = []
    # (從晴川大學畢業後，他進入…: the adverbial clause's verbs state relations of the clause its names wait for)
    start = frame.start if frame.lead is None else min(frame.lead, frame.start)
    here = [(s, e, ent) for s, e, ent in mentions[_first_at(mentions, start):_first_at(mentions, frame.end)]
            if e <= frame.end]
    present = {ent.key for _, _, ent in here}
    carried = [k for _, k in frame.roles if k not in present]
    listed: list = []   # the sentence's topic (and the names listed with it), carried into this clause
    for key in reversed(carried):   # (they stand before it)
        topic = next((ent for _, _, ent in reversed(mentions[:_first_at(mentions, start)])
                      if ent.key == key), None)
        if topic is not None:
            here.insert(0, (start - 1, start - 1, topic))
            listed.append(here[0])
    for rule in lexicon:
        for m in rule.triggers.finditer(folded, start, frame.end):
            if any(s < m.end() and m.start() < e for s, e, _ in here):
                continue  # 芯鑫控股, 華虹半導體收購案: a trigger word inside a name is the name's
            # 為特斯拉生產AI6: who something is made or done for is no agent of it
            # (SkyeChip在協會（MSIA）活動上發布MARS1000: whose gathering it was does not launch it)
            at = AT_GATHERING.search(folded, start, m.start())
            before = [x for x in here if x[1] <= m.start() and x[2].cls in rule.before
                      and not BENEFICIARY.search(folded, max(0, x[0] - 2), x[0])
                      and not (INVESTED_IN.match(m.group()) and _after_coverb(folded, x, here))
                      and not (at is not None and at.start() < x[0] and x[1] <= at.end())]
            after = [x for x in here if x[0] >= m.end() and x[2].cls in rule.after]
            stake = re.match(r"(?:取得|获得)[^，。；]{0,14}?股[权份]", folded[m.start():frame.end])
            if stake:  # 取得Y約4%股權: Y stands before the word for the stake (入股X取得約4%股權 names none)
                after = [x for x in after if x[1] <= m.start() + stake.end()]
            if len(after) > 1 and after[0][2].cls in ORGS and after[1][2].cls == "Person" and "Person" in rule.after \
                    and EMPLOYER_BEFORE_PERSON.fullmatch(folded, after[0][1], after[1][0]):
                after = after[1:]   # 由前英特爾高管林某創立: the firm before a title and a person says who the person is
            if not before or not after:
                continue
            a = before[-1]
            if a is not before[0] and re.search(r"[、，,]|并|且|还|再", folded[a[1]:m.start()]):
                # 輝達入股英特爾…、投資…協助OpenAI: a verb after a list mark shares the clause's first actor,
                # not the object of the verb before it
                a = before[0]
            if m.group()[:1] in "对向" and a not in listed and re.search(r"[，,；;]", folded[a[1]:m.start()]):
                continue   # …、英特爾50億美元，以及對Anthropic投資: who acts through 對/向 is in its own clause
            # 星曜與北辰合資成立X: every member of a list of actors right before the trigger
            actors = [a] if a not in listed else [x for x in before if x in listed]
            for x in reversed(before[:before.index(a)]):
                if not (LIST_JOINER.fullmatch(folded, x[1], actors[-1][0]) or ACTOR_JOIN.fullmatch(folded, x[1], actors[-1][0])):
                    break
                actors.append(x)
            # 產品涵蓋DDR5、LPDDR5X等: every member of a list after the trigger
            members = [after[0]]
            for x in after[1:]:
                if not (MEMBER_JOIN.fullmatch(folded, members[-1][1], x[0])
                        or BRACKETED_MEMBER_JOIN.fullmatch(folded, members[-1][1], x[0]) or rule.property == "educatedAt"
                        and DEGREE_JOIN.fullmatch(folded, members[-1][1], x[0])
                        or GLOSS_OPEN.fullmatch(folded, members[-1][1], x[0]) and GLOSS_CLOSE.match(folded, x[1])):
                    # (高頻寬記憶體（HBM4）: the model in brackets glosses the kind before it, one member)
                    break
                members.append(x)
            for a, b in [(a, b) for a in actors for b in members]:
                if a[2].key == b[2].key:
                    continue
                if rule.property in ("developer", "manufacturer") and b[0] > m.end() and \
                        CARRIES.search(folded, m.end(), b[0]):
                    continue  # 推出的AI伺服器搭載8顆X晶片: X is a part of what is made, not it
                if rule.property == "ownedBy" and rule.subject == "after" and PART_OF.match(folded, b[1]):
                    continue  # 收購力積電位於銅鑼的晶圓廠: a plant of the company is bought, not the company
                deal = not re.search(r"母公司|股东", m.group())   # (母公司, 的股東: a state of holding, no deal)
                if rule.property == "ownedBy" and deal and (folded.startswith(("方", "者"), m.end()) or DEAL_HEDGED.search(
                        folded, frame.start, min(frame.end, m.end() + 8))):
                    continue  # 潛在收購方, 評估對收購ARM的興趣, 擬收購: a buyer named, or a deal not made
                if rule.property == "ownedBy" and deal and DEAL_FAILED.search(
                        folded, m.start(), max(frame.end, (folded.find("。", m.start()) + 1) or len(folded))):
                    continue  # 高通收購恩智浦…均因未獲批准而夭折: a deal that failed owns nothing
                subj, obj = (b, a) if rule.subject == "after" else (a, b)
                if rule.property == "ownedBy" and "股东" in folded[m.end():b[0]]:
                    # 公司持股5%以上的股東——X: X holds the company, not the other way (X alone)
                    out.append((a[2].key, rule.property, b[2].key, a[0], b[1]))
                    break
                out.append((subj[2].key, rule.property, obj[2].key, a[0], b[1]))
    return out


#: 英特爾前高管|林某: what stands between a firm and a person it describes (a title, no list or clause mark)
EMPLOYER_BEFORE_PERSON = re.compile(r"\s*(?:的)?(?:前|原|现任|时任)?(?:(?![和与及跟同])[\u4e00-\u9fff]){1,6}?\s*")
#: 鴻海（2317）與印度巨頭HCL: a stock code, a joining word and a descriptor between two actors of one verb
ACTOR_JOIN = re.compile(r"\s*(?:[（(][^（）()]{1,14}[)）])?\s*(?:与|和|及|以及|、)[^，。；,;、与和及]{0,10}")
#: 搭載, 配備: what a product carries is a part of it
CARRIES = CuePattern("carries")
#: 位於…的晶圓廠, 的業務: what follows a company is a part of it (a plant, a business), not the company
PART_OF = re.compile(r"\s*(?:位于[^，。；,;]{0,12}?|在[^，。；,;]{0,8}?)?的[^，。；,;]{0,10}?(?:厂|工厂|晶圆厂|厂房|业务|部门|资产|产线|"
                     r"事业|设备|专利|子公司|分公司|工厂)"
                     # 收購安科光電（Emcore）資產: the part right after the name, its alias in brackets between
                     r"|\s*(?:[(（][^()（）]{1,30}[)）])?\s*(?:资产|业务|部门|工厂|晶圆厂|厂房|产线|专利|设备)")
#: 由於…, 因為…: a clause of cause; what it names is the circumstance of the clause after it, whoever acts in it
# (由於A無法供貨，…; 不僅A後市可期，B也…: the actor of such a clause goes on into the next)
CAUSE_OPENING = CuePattern(lambda w: rf"\s*(?:{w('carried-opening')})")
#: 從晴川大學畢業後，他…: what the subject of the next clause did before (its names are objects, no actor)
PRIOR_EVENT = CuePattern(lambda w: rf"\s*(?:{w('prior-event')})")
CONTINUED_OPENING = CuePattern(lambda w: rf"\s*(?:{w('list-continued')})")
#: 該股, 此股, 這隻股票: the shares the article follows, standing for their company (clause cues, stock-pointer)
STOCK_POINTER = CuePattern("stock-pointer")


#: …合資成立的|India Chip，: the head noun of a clause that ends on it after 的 (and a descriptor)
HEAD_AFTER_DE = re.compile(r"的(?:[\u4e00-\u9fff]|[a-z0-9]+(?=[\u4e00-\u9fff])){0,8}\s*$")   # (的國有人工智慧企業|G42)
_BRACKETED = r"(?:[（(][^（）()]{1,30}[)）]\s*)*"
HEAD_TAIL = re.compile(r"\s*" + _BRACKETED)
#: 輝達的H20晶片，…: a product heads its phrase with the word for its kind after it
PRODUCT_HEAD_TAIL = re.compile(r"\s*(?:芯片|晶片|处理器|加速器|加速卡|gpu|cpu)?\s*" + _BRACKETED)


#: 2019年, 2015年起, 後來: a time opening a clause, before the verb that tells the clause left out its subject
LEADING_TIME = re.compile(r"\s*(?:(?:于|在|到|至|从)?\s*\d{2,4}\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?(?:起|时|底|初|中|后)?"
                          r"|今年|去年|明年|此前|后来|随后|之后|其后|早年|目前|如今)\s*[，,]?\s*")


def after_time(folded: str, cs: int, end: int) -> int:
    """Where a clause opening with a time (2019年加入…) goes on after it; cs when it opens otherwise."""
    m = LEADING_TIME.match(folded, cs, end)
    return m.end() if m else cs


def _carry(ents: list, seen: set, subject: list, cs: int) -> str:
    """Puts the sentence's subject (its topic, or the names listed with it) at the head of a
    clause that left it out; returns the topic's key."""
    for member in reversed(subject):
        if member.key not in seen:
            ents.insert(0, (cs, member))
            seen.add(member.key)
    return subject[0].key


def _actor_kind(ent) -> str | None:
    """What a list of actors is made of: people, organisations, or (None) neither."""
    return "person" if ent.cls == "Person" else "org" if ent.cls in ORGS else None


def _listed_with(folded: str, here, topic) -> list:
    """The topic and the actors of its kind listed right after it (北辰銀行、星曜銀行和晴川銀行): the
    subject of the clauses that go on about it; [] when the topic stands alone."""
    if topic is None:
        return []
    at = next((i for i, m in enumerate(here) if m[2] is topic), None)
    if at is None:
        return []
    kind = _actor_kind(topic)
    out = [topic]
    for (_, e, _), nxt in zip(here[at:], here[at + 1:]):
        if kind is None or _actor_kind(nxt[2]) != kind \
                or not LIST_JOINER.fullmatch(folded, e, nxt[0]):   # (跟, 同: with, a preposition, list nobody)
            break
        out.append(nxt[2])
    return out if len(out) > 1 else []


def _heads_listed_before(folded: str, here, head) -> list:
    """沙特的AI企業A、阿聯酋的國有AI企業B，獲准…: the actors of the head's kind listed before a clause's head
    noun, each with its own description (places in them skipped), and the head: the clause's subject."""
    if head is None:
        return []
    kind = _actor_kind(head) or "org"   # (a product heading the clause takes the firms listed before it)
    out = [head]
    for m in reversed(here[:-1]):
        if m[2].cls in PLACES or m[2] in out:
            continue
        if _actor_kind(m[2]) != kind \
                or not LIST_JOINER.match(folded, m[1]):
            break
        out.insert(0, m[2])
    return out if len(out) > 1 else []


def _officer_with(folded: str, here, topic) -> list:
    """北辰科技董事長林某在發布會上表示，…，並公布了新晶片: a firm and its officer named by title
    right after it open the sentence together; the person is who acts, on the firm's behalf, so the
    clauses after it go on about both. [] when no officer follows the topic."""
    if topic is None or topic.cls not in ORGS:
        return []
    at = next((i for i, m in enumerate(here) if m[2] is topic), None)
    if at is None or at + 1 >= len(here) or here[at + 1][2].cls != "Person" \
            or not OFFICER_BETWEEN.fullmatch(folded, here[at][1], here[at + 1][0]):
        return []
    return [topic, here[at + 1][2]]


def _head_of_clause(folded: str, here, cs: int, ce: int):
    """鴻海與HCL合資成立的India Chip，21日…: a clause ending on a name after 的 is a noun phrase with
    that name its head, the subject of the sentence (not the firms in the phrase before it)."""
    if not here:
        return None
    s, e, ent = here[-1]
    tail = HEAD_TAIL if ent.cls in ACTORS else PRODUCT_HEAD_TAIL if ent.cls in PRODUCTS else None
    if tail is None or len(here) < 2 or not tail.fullmatch(folded, e, _clause_end(folded, ce)) \
            or not HEAD_AFTER_DE.search(folded, max(cs, s - 12), s):
        return None
    return ent


def _clause_end(folded: str, ce: int) -> int:
    """The clause's end without its closing punctuation, so cue patterns may anchor there ($)."""
    while ce > 0 and folded[ce - 1] in "，,。；;：:！？!? \n":
        ce -= 1
    return ce


#: 的董事長, 輪值董事長, 創辦人兼執行長: an officer's title between a firm and its officer's name (clause cues,
#: officer-title)
OFFICER_BETWEEN = CuePattern(lambda w: rf"\s*的?[^，。；,;：:、]{{0,6}}?(?:{w('officer-title')}|ceo)"
                                       rf"(?:\s*(?:兼|暨|、)\s*[^，。；,;：:]{{0,10}}?(?:{w('officer-title')}|ceo))?\s*")
#: 他, 她 as a person (not 他們, 其他, 他人, 他國)
#: 上世紀90年代畢業於, 其後在博通工作, 此後歷任, 2004年起擔任: a sentence of a life story opening with its verb
LIFE_STORY_OPENING = re.compile(r"\s*(?:[^，。；,;\d]{0,10}?\d{0,4}[^，。；,;]{0,6}?(?:年代|年|月)(?:起|开始|底|初|中|期间|间)?[，,]?\s*|(?:[^，。；,;]{0,6}?(?:早期|初期)|此后|随后|其后|之后|早年|后来|起初|最初)[，,]?\s*)?"
                                r"(?:毕业于|毕业自|就读于|求学于|加入|任职于|历任|曾任|先后任|出任|担任|(?:在|于|加入)(?=[^，。；,;]{1,20}?(?:任职|工作|服务|从事)))")
#: 指控, 起訴: a charge, whose objects are the people who did what the clauses after it say
CHARGE = CuePattern("charge")   # (clause cues, charge)
#: 像去年H20解禁時一樣: the event a clause is likened to (clause cues, likened-event)
LIKENED_EVENT = CuePattern("likened-event")
PERSON_PRONOUN = re.compile(r"(?<![其吉])[他她](?![们人国乡处方])")
#: a deal that did not happen: 夭折, 告吹, 未獲批准, 終止
DEAL_FAILED = re.compile(r"夭折|告吹|破局|失败|未能|未获|终止|放弃|叫停|撤回|无效|撤销|剥离")
#: a deal spoken of, not made: 擬收購, 有意入股, 收購的興趣, 收購的可能性, 潛在
DEAL_HEDGED = re.compile(r"拟|有意|意向|兴趣|可能|潜在|考虑|评估|洽谈|接洽|传出|或将|计划|打算|寻求|探讨|如果|倘若|假如|一旦|若能|若是")
#: 由X開發, 交由X生產: a clause whose agent follows 由
BY_OPENING = re.compile(r"\s*(?:由|交由)(?!于|此|是)")  # not 由於 (because)
#: 為X, 替X, 幫X: X is who an act is for
BENEFICIARY = re.compile(r"(?:为|替|帮|给)$")
#: 投資, 出資: after 對/向 X, X is what is invested in (對諾基亞投資10億美元), never who invests
INVESTED_IN = re.compile(r"投资|出资|注资|增资")


def _after_coverb(folded: str, x: tuple, here: list) -> bool:
    """Whether a name follows 對/向 right before it, or glosses in brackets a name that does (對Nokia（諾基亞）)."""
    start = x[0]
    if re.search(r"[(（]\s*$", folded[max(0, start - 2):start]):
        start = next((s for s, e, _ in here if re.fullmatch(r"\s*[(（]\s*", folded[e:x[0]])), start)
    return re.search(r"(?:对|向)\s*$", folded[max(0, start - 3):start]) is not None
#: 在…活動上, 在…大會期間: where a thing was done, at whose gathering (no doer inside it)
AT_GATHERING = re.compile(r"在[^，。；,;]{2,40}?(?:活动|大会|会议|论坛|展会|峰会|典礼|年会|发布会|研讨会|博览会)(?:上|中|期间|现场)")
#: 先後取得A大學學士、B大學碩士學位, 擁有A的碩士學位，以及B的學士學位: a degree (and its field) between two
#: schools of a list of degrees
DEGREE_JOIN = re.compile(r"\s*的?[^，。；,;、]{0,12}?(?:学士|硕士|博士|学位)(?:学位)?\s*(?:、|和|与|及|以及|，|,)\s*(?:以及|及|和)?\s*")
#: what stands between two members of a list: 、, 和, 及, 以及
MEMBER_JOIN = re.compile(r"\s*(?:、|和|与|及|以及|,|，)\s*")
#: 高速互連(Alphawave)與開發平台(Arduino): names in brackets, each after what the firm does, listed
BRACKETED_MEMBER_JOIN = re.compile(r"\s*[)）]\s*(?:、|和|与|及|以及)[^，。；,;()（）]{1,12}?[(（]\s*")
#: 第6代高頻寬記憶體（HBM4）: a name in brackets right after another, glossing it
GLOSS_OPEN = re.compile(r"\s*[（(]\s*")
GLOSS_CLOSE = re.compile(r"\s*[)）]")
# A和B, A、B及C: the words joining the members of a list (no comma, which may end a clause)
LIST_JOINER = CuePattern(lambda w: rf"\s*(?:{w('list-joiner')})\s*")
LIST_OPENING = CuePattern(lambda w: rf"\s*(?:{w('list-joiner')})")
#: 與A、B或C, 跟A和B: what joins the objects of a preposition (或 and 跟 too)
OBJECT_JOINER = CuePattern(lambda w: rf"\s*(?:{w('list-joiner')}|或|跟)\s*")


def _first_at(mentions: list[tuple[int, int, object]], pos: int) -> int:
    """Index of the first mention starting at or after pos (mentions in text order)."""
    import bisect
    return bisect.bisect_left(mentions, pos, key=lambda m: m[0])
