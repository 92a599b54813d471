"""A first relation extractor: typed relations the text states between adjacent entities.

Rules look at two entities of one sentence and the text between them:
  英偉達H200 / 亞馬遜的AI芯片Trainium 3 / 其H200  → product  developer  organisation
  英偉達CEO黃仁勳                                  → company  chief executive officer  person
  美國總統特朗普                                    → country  head of state  person
  戰略與國際研究中心…主任格裏高利·艾倫            → person  employer  organisation
Results go to `doc._.kg_relations` as plain dicts.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.nlp.spans import ENTITIES
from kg.text import fold

DEVELOPERS = {"Company", "Organization", "ResearchInstitute", "University"}
PRODUCTS = {"Chip", "ChipFamily", "Product", "AIModel", "CloudService"}
COUNTRIES = {"Country", "AdministrativeRegion", "City", "GeoRegion"}
ORGS = DEVELOPERS | {"GovernmentAgency", "Legislature", "MediaOrganization", "StockExchange",
                     "InternationalOrganization"}

_MODIFIER = r"(?:的|自研的?|自家的?|最新的?|新一代的?|下一代的?|旗舰的?|顶尖的?|顶级的?|最先进的?|先进的?|首款|新款|ai|人工智能|芯片|晶片|gpu|加速器|处理器|大模型|模型|\s)*"
DEVELOPER_GAP = re.compile(rf"^{_MODIFIER}$")
LIST_GAP = re.compile(r"^(?:芯片|晶片)?[、和与及,，]\s*(?:的|下一代|新一代|最新)?$")
# 負責製造的博通 / 由台積電代工 / 台積電…工廠…生產的Blackwell
MAKER_AFTER = re.compile(r"^[^，。；]{0,8}?负责(?:制造|生产|代工)的$")
MAKER_BY = re.compile(r"^(?:芯片|晶片)?(?:由|交由|委托)$")
MAKER_BY_TAIL = re.compile(r"^(?:代工|制造|生产)")
MAKER_FAB = re.compile(r"^[^。；]{0,40}?(?:工厂|晶圆厂|厂)[^。；]{0,30}?(?:生产|制造|代工)的$")
CEO_GAP = re.compile(r"^(?:的)?(?:ceo|首席执行官|执行长|行政总裁|总裁)\s*$")
HEAD_GAP = re.compile(r"^(?:的)?(?:总统|国家主席|元首)\s*$")
ROLE_GAP = re.compile(r"^[^，,。；;：:]{0,12}?(?P<role>主任|研究员|分析师|院长|所长|董事长|创始人|创办人|总经理|副总裁|"
                      r"首席科学家|首席[^，,。]{0,4}官|高管|发言人|负责人|经济学家|主席)\s*$")
ROLE_PROPERTY = {"创始人": "foundedBy", "创办人": "foundedBy"}


class RelationExtractor:
    def __call__(self, doc: Doc) -> Doc:
        folded = doc.user_data.get("kg_folded") or fold(doc.text)
        ents = sorted(doc.spans.get(ENTITIES, []), key=lambda s: (s.start_char, -s.end_char))
        found: list[dict] = []
        for sent in doc.sents:
            inside = [e for e in ents if sent.start_char <= e.start_char < sent.end_char and e._.kg]
            found.extend(self._sentence(inside, folded, sent))
        doc._.kg_relations = found
        return doc

    def _sentence(self, ents: list[Span], folded: str, sent: Span) -> list[dict]:
        out = []
        last_developer: tuple[Span, Span] | None = None  # (organisation, product) of the last developer match
        for i, a in enumerate(ents):
            for b in ents[i + 1:i + 3]:
                gap = folded[a._.kg["end"]:b._.kg["start"]]
                if b._.kg["start"] < a._.kg["end"]:
                    continue
                ca, cb = a._.kg["cls"], b._.kg["cls"]
                if ca in DEVELOPERS and cb in PRODUCTS and DEVELOPER_GAP.match(gap):
                    out.append(_rel(b, "developer", a, "org-before-product", sent))
                    last_developer = (a, b)
                elif (last_developer and a is last_developer[1] and ca in PRODUCTS and cb in PRODUCTS
                      and LIST_GAP.match(gap)):
                    out.append(_rel(b, "developer", last_developer[0], "product-list", sent))
                    last_developer = (last_developer[0], b)
                elif ca in ORGS and cb == "Person" and CEO_GAP.match(gap):
                    out.append(_rel(a, "chiefExecutiveOfficer", b, "ceo-title", sent))
                    out.append(_rel(b, "employer", a, "ceo-title", sent))
                elif ca in COUNTRIES and cb == "Person" and HEAD_GAP.match(gap):
                    out.append(_rel(a, "headOfState", b, "head-of-state-title", sent))
                elif ca in ORGS and cb == "Person":
                    m = ROLE_GAP.match(gap.replace("“", "").replace("”", "").replace('"', ""))
                    if m:
                        out.append(_rel(b, ROLE_PROPERTY.get(m.group("role"), "employer"), a, "role-title", sent)
                                   if m.group("role") not in ROLE_PROPERTY else
                                   _rel(a, "foundedBy", b, "role-title", sent))
        # manufacturers: 負責製造的博通, 由台積電代工, 台積電…工廠…生產的Blackwell
        for i, a in enumerate(ents):
            for b in ents[i + 1:i + 4]:
                if b._.kg["start"] < a._.kg["end"]:
                    continue
                gap = folded[a._.kg["end"]:b._.kg["start"]]
                ca, cb = a._.kg["cls"], b._.kg["cls"]
                if ca in PRODUCTS and cb in DEVELOPERS and MAKER_AFTER.match(gap):
                    out.append(_rel(a, "manufacturer", b, "maker-in-charge", sent))
                elif ca in PRODUCTS and cb in DEVELOPERS and MAKER_BY.match(gap) and \
                        MAKER_BY_TAIL.match(folded[b._.kg["end"]:b._.kg["end"] + 4]):
                    out.append(_rel(a, "manufacturer", b, "made-by", sent))
            if a._.kg["cls"] in DEVELOPERS:
                for b in ents[i + 1:]:
                    if b._.kg["cls"] in PRODUCTS and MAKER_FAB.match(folded[a._.kg["end"]:b._.kg["start"]]):
                        out.append(_rel(b, "manufacturer", a, "made-in-fab", sent))
                        break
        # 其: "允許英偉達向中國出口其H200" — the product belongs to the nearest organisation before 其
        for b in ents:
            if b._.kg["cls"] not in PRODUCTS:
                continue
            before = folded[max(sent.start_char, b._.kg["start"] - 3):b._.kg["start"]]
            if "其" not in before:
                continue
            owners = [a for a in ents if a._.kg["end"] <= b._.kg["start"] and a._.kg["cls"] in DEVELOPERS]
            if owners:
                out.append(_rel(b, "developer", owners[-1], "possessive-qi", sent))
        return out


def _rel(subj: Span, prop: str, obj: Span, rule: str, sent: Span) -> dict:
    return {"subject": subj._.kg["key"], "property": prop, "object": obj._.kg["key"], "rule": rule,
            "start": min(subj._.kg["start"], obj._.kg["start"]), "end": max(subj._.kg["end"], obj._.kg["end"]),
            "sentence": (sent.start_char, sent.end_char), "confidence": 0.8}


@Language.factory("kg_relations", assigns=["doc._.kg_relations"], requires=["doc.spans"])
def make_relation_extractor(nlp: Language, name: str) -> RelationExtractor:
    return RelationExtractor()
