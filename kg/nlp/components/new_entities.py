"""Discovery of entities the reference data does not hold, by their form and context.

Each rule is a regular expression over the folded text (Simplified, lower case, so one
rule serves both scripts) plus a check of the candidate's edges. What a rule finds gets
the class its form implies and a key minted from its normalised name, so the same new
name meets itself across articles. Known names found earlier always win an overlap.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.components.known_entities import add_entities, char_span
from kg.nlp.spans import ENTITIES
from kg.reference.known import CLASS_LABEL
from kg.text import fold, name_key

HAN = "\u4e00-\u9fff"
# Characters that never start or end a name: function words and punctuation.
STOP_CHARS = set("的和与及或在向对被由是为将也已等了从把让给其该这那此各于以并而但就都又还再更很最均")
GENERIC = {"国产", "国内", "海外", "全球", "相关", "芯片", "科技", "互联网", "半导体", "上市", "该", "这家", "一家",
           "多家", "各家", "初创", "传统", "大模型", "云", "中国", "美国", "本土", "龙头", "头部", "领先", "知名",
           "两家", "这些", "其他", "其它", "中资", "外资", "国有", "民营", "科创", "子", "母", "总", "分", "gpu",
           "ai", "新", "老", "大", "小", "供应", "云供应", "政企", "互联网大", "国际", "行业", "产业", "合资",
           "研究", "人工智能", "智能", "电子", "智库", "机构", "部门", "政府", "监管", "市场", "投资"}
PERSON_TITLES = ("首席执行官|执行长|ceo|cfo|cto|coo|总裁|董事长|创始人|创办人|联合创始人|总统|副总统|主席|部长|"
                 "总理|首相|主任|议员|参议员|众议员|发言人|分析师|研究员|教授|院长|总经理|副总裁|董事|经理|大使|局长|"
                 "秘书长|国务卿|传记作者|作者|记者|专家|负责人|掌门人|高管|首席科学家|科学家|创办者")
SURNAMES = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
               "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武"
               "戴莫孔向汤荣常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮"
               "柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古"
               "吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇"
               "桑郎甄丛仲虞敖巩明佘池查麻苑迟邝")


@dataclass(frozen=True)
class Rule:
    name: str
    cls: str
    pattern: re.Pattern
    confidence: float


# Characters Chinese uses to transliterate foreign names (史蒂芬·維特, 格里高利·艾倫).
TRANSLIT = ("阿埃艾爱安奥澳巴芭拜班邦保鲍贝本比彼毕边波伯博布卜查柴达戴丹道德迪蒂丁东杜多朵俄厄恩尔法凡范菲费芬丰"
            "弗伏福富盖甘冈戈哥格葛根贡古瓜哈海亥汉豪赫黑亨洪侯胡华霍基吉加贾杰捷金津卡开凯坎康考柯科克肯库夸奎"
            "拉腊莱赖兰朗劳勒雷蕾黎礼里理丽利莉连列林琳铃隆娄卢鲁路伦罗洛吕马玛迈麦曼芒梅门蒙孟米密明缪摩莫默姆"
            "木穆拿纳娜乃奈南内妮尼纽努诺欧帕派潘庞佩彭皮珀普奇齐契恰乔切钦琴琼丘屈让热茹瑞若撒萨塞赛桑瑟森沙莎"
            "山尚舍施什史士斯丝松苏索塔泰坦汤唐陶特提图托瓦万旺威韦维温文沃乌伍武西希锡夏香肖谢辛欣休秀雅亚扬"
            "耶伊依因英尤于约泽扎詹赞朱卓兹宗佐左罕默尔高加嘉伽洁夫廖柳龙芦露纶萝骆蔓茂美弥缅闵敏墨慕涅宁农沛蓬平"
            "蒲谱琪青珊绍申圣素台太谭滕宛薇卫翁吾茜席霞仙祥新许宣薛延叶怡盈友玉裕悦云章珍茱祖")
DOTS = "·•・‧"


def _rules() -> list[Rule]:
    dotted = rf"[{TRANSLIT}]{{1,6}}(?:[{DOTS}][{TRANSLIT}]{{1,8}})+"
    return [
        # Bylines: 作者 | 某某, 記者：某某
        Rule("byline", "Person", re.compile(
            rf"(?:(?<=\n)|^)\s*(?:作者|记者|编辑|责编|责任编辑|撰文|文|编译|审校|校对|采写)\s*[|｜:：/]\s*"
            rf"(?P<name>{dotted}|[{HAN}]{{2,4}})(?=\s*(?:$|\n|[|｜/,，、\s]))", re.M), 0.9),
        # Transliterated foreign names: 史蒂芬·維特
        Rule("dotted-name", "Person", re.compile(rf"(?P<name>{dotted})"), 0.75),
        # Title before a Chinese name: 首席執行官黃仁勳, 主任某某
        Rule("title-name", "Person", re.compile(
            rf"(?:{PERSON_TITLES})(?P<name>[{HAN}]{{2,3}})(?=[，,。、\s表称说指强认透宣回在于与和对也]|$)"), 0.7),
        # Names in quotes with an organisation's form: “戰略與國際研究中心”
        Rule("quoted-org", "Organization", re.compile(
            rf"[“「『\"](?P<name>[{HAN}a-z0-9&·]{{2,16}}(?:研究中心|研究院|研究所|委员会|协会|联盟|基金会|实验室|公司|集团))[”」』\"]"),
            0.8),
        # Events named with an abbreviation: 亞太經濟合作組織(APEC)CEO峰會
        Rule("abbrev-event", "Event", re.compile(
            rf"(?P<name>[{HAN}]{{2,12}}[(（][a-z0-9]{{2,10}}[)）]\s?[a-z]{{0,5}}\s?(?:峰会|大会|论坛|年会))"), 0.75),
        # Titles in book-title marks: 《先進晶片出口管制規定》
        Rule("titled-policy", "Policy", re.compile(
            rf"《(?P<name>[^》\n]{{2,30}}(?:规定|禁令|法案|法|条例|新规|规则|管制|措施|清单|办法|指引|框架|协议|声明|令))》"), 0.85),
        # Chip model numbers: H200, MLU690, MI300X, B200, P800, GB200, 昇騰910C
        Rule("chip-model", "Chip", re.compile(
            r"(?<![a-z0-9\-])(?P<name>(?!fp\d|int\d|bf\d|tf\d|tpp|q[1-4]\b|h1\b|h2\b|pc\b|ai\b|5g\b|4g\b|3d\b|2d\b)"
            r"[a-z]{1,4}-?\d{2,4}[a-z]{0,2}\d?)(?![a-z0-9])"), 0.7),
        Rule("chip-brand-model", "Chip", re.compile(
            r"(?P<name>(?:升腾|昇腾|思元|思源|曦云|曦思|天垓|智铠|邃思|云燧|深算|玄铁|含光|光合)\s?[a-z]{0,2}\d{1,4}[a-z]{0,2})"),
            0.8),
        Rule("number-chip", "Chip", re.compile(rf"(?<![0-9a-z.])(?P<name>\d{{3,4}}[a-z]?)(?=(?:芯片|晶片|处理器|加速卡))"), 0.6),
        # Latin product names before a category word: Blackwell芯片, Gemini模型
        Rule("latin-product", "Product", re.compile(
            r"(?<![a-z0-9])(?P<name>[a-z][a-z0-9]+(?: [a-z0-9]+){0,2})(?=(?:芯片|晶片|模型|大模型|平台|系列|架构|处理器|加速器|"
            r"gpu|服务器|超级计算机))"), 0.7),
        # Named events: …大會, …峰會, 聽證會
        Rule("event", "Event", re.compile(
            rf"(?P<name>(?:20\d\d)?[{HAN}a-z0-9 ]{{2,14}}?(?:大会|峰会|论坛|博览会|展览会|研讨会|听证会|发布会|年会|开发者大会|"
            rf"技术大会|电脑展))"), 0.7),
        # Policies and decisions: …規定, …禁令, …法案, 實體清單
        Rule("policy", "Policy", re.compile(
            rf"(?P<name>[{HAN}a-z0-9]{{2,12}}?(?:(?:出口|进口)?(?:管制|管控)(?:规定|措施|条例|新规|规则)?|规定|禁令|法案|条例|"
            rf"新规|规则|禁售令|制裁|清单))"), 0.65),
        # Organisations by their form: …公司, …科技, …研究院, …部, …局, …委員會
        Rule("org-suffix", "Organization", re.compile(
            rf"(?P<name>[{HAN}a-z0-9&]{{2,10}}?(?:科技|集团|股份|公司|研究院|研究所|研究中心|实验室|大学|交易所|委员会|协会|"
            rf"联盟|基金会|半导体|微电子|电子|资本|证券|银行|通讯社|电视台|日报|时报|商务部|工业部|外交部|财政部|国防部|"
            rf"监管局|管理局|安全局|信息部|办公室|智库))"), 0.6),
    ]


RULES = _rules()
NOT_PRODUCTS = {"ai", "gpu", "cpu", "npu", "dpu", "asic", "fpga", "pc", "ic", "soc", "fp4", "fp8", "fp16", "fp32",
                "bf16", "int8", "int4", "oam", "ip", "app", "it", "api", "llm", "agi", "ceo", "ipo", "aicc", "5g", "6g"}
GENERIC_START = ("国产", "国内", "海外", "该", "这", "那", "一家", "多家", "各", "本土", "中资", "外资", "相关", "其他",
                 "其它", "知名", "大型", "小型", "头部", "龙头", "初创")
SUFFIX_CLASS = {"交易所": "StockExchange", "大学": "University", "研究院": "ResearchInstitute",
                "研究所": "ResearchInstitute", "研究中心": "ResearchInstitute", "实验室": "ResearchInstitute",
                "智库": "ResearchInstitute", "通讯社": "MediaOrganization", "电视台": "MediaOrganization",
                "日报": "MediaOrganization", "时报": "MediaOrganization"}
GOV_SUFFIX = ("部", "局", "委员会", "办公室")


# Words after which a name starts: a policy or event name never opens with a verb or 上.
LEFT_CUT = re.compile(r".*(?:加强|放宽|收紧|实施|颁布|推出|发布|出台|宣布|撤销|取消|违反|遵守|适应|通过|提出|签署|会上|"
                      r"举办|召开|出席|参加|亮相|表示|认为|指出|针对|根据|依据|按照|关于|包括|以及|其中|此前|目前|投资|收购|入股|"
                      r"控股|起诉|联手|携手|对手|宣称|透露|称|向)")
POLICY_TAIL = re.compile(r"(?:规定|規定|措施|条例|條例|新规|新規|规则|規則)$")
YEAR_EDGE = re.compile(r"^(?:19|20)\d\d\s*(?:年度?|年)?|\s*(?:19|20)\d\d\s*(?:年度?|年)?$")


class EntityDiscoverer:
    def __init__(self, reference: str | None = None) -> None:
        from kg.nlp.gazetteer import reference_index
        from kg.reference import load_reference
        self.index = reference_index(reference)
        self.reference = load_reference(reference)

    def resolve(self, name: str) -> str | None:
        """A known entity this new-looking name is a variant of (2025人工智能計算大會 → the AICC)."""
        bare = YEAR_EDGE.sub("", name).strip()
        for variant in (name, bare, POLICY_TAIL.sub("", bare)):
            hits = self.index.lookup(variant) if variant else ()
            if hits:
                return hits[0]
        return None

    def __call__(self, doc: Doc) -> Doc:
        folded = doc.user_data.get("kg_folded") or fold(doc.text)
        doc.user_data["kg_folded"] = folded
        known = [(s.start_char, s.end_char) for s in doc.spans.get(ENTITIES, [])]
        found: list[tuple[int, int, str, Rule]] = []
        for rule in RULES:
            for m in rule.pattern.finditer(folded):
                start, end = m.span("name")
                start, end = _trim(folded, start, end, rule)
                if end - start < 2 and rule.cls != "Chip":
                    continue
                cls = self._classify(folded[start:end], rule)
                if cls is None:
                    continue
                found.append((start, end, cls, rule))
        spans = []
        taken: list[tuple[int, int]] = list(known)
        # longer candidates first, then by rule order, so a policy name beats a shorter org inside it
        for start, end, cls, rule in sorted(found, key=lambda f: (-(f[1] - f[0]), RULES.index(f[3]), f[0])):
            if any(start < b and a < end for a, b in taken):
                # a known name inside a longer new name (參議院 in 參議院聽證會) may stand side by side
                if not (rule.cls in ("Event", "Policy") and all(
                        (a >= start and b <= end) or b <= start or a >= end for a, b in taken)):
                    continue
            text = doc.text[start:end]
            known_id = self.resolve(text)
            known = self.reference.get(known_id) if known_id else None
            if known is not None:
                cls = known.cls
            span = char_span(doc, start, end, CLASS_LABEL.get(cls, "ORG"))
            if span is None:
                continue
            span._.kg = {"key": known.id if known else f"{cls.lower()}/{name_key(text)}", "cls": cls,
                         "known": known is not None, "rule": rule.name, "confidence": rule.confidence,
                         "start": start, "end": end}
            spans.append(span)
            taken.append((start, end))
        add_entities(doc, spans)
        return doc

    @staticmethod
    def _classify(name: str, rule: Rule) -> str | None:
        core = name
        if rule.cls == "Organization":
            for suffix, cls in SUFFIX_CLASS.items():
                if name.endswith(suffix):
                    core = name[: -len(suffix)]
                    if core in GENERIC or len(core) < 2:
                        return None
                    return cls
            if name.endswith(GOV_SUFFIX):
                return "GovernmentAgency"
            for suffix in ("科技", "集团", "股份", "公司", "半导体", "微电子", "电子", "资本", "证券", "银行", "协会",
                           "联盟", "基金会"):
                if name.endswith(suffix):
                    core = name[: -len(suffix)]
                    break
            if core in GENERIC or len(core) < 2 or core[-2:] in GENERIC or core.startswith(GENERIC_START):
                return None
            return "Company"
        if rule.cls == "Person":
            if rule.name == "title-name" and name[0] not in SURNAMES:
                return None
        if rule.cls in ("Product", "Chip") and name.replace(" ", "") in NOT_PRODUCTS:
            return None
        if rule.cls in ("Event", "Policy"):
            if len(name) < 4:
                return None
        return rule.cls


def _trim(folded: str, start: int, end: int, rule: Rule) -> tuple[int, int]:
    """Pull a candidate's left edge past function words, verbs, digits of counts and spaces."""
    if rule.cls in ("Event", "Policy", "Organization") and rule.name not in ("quoted-org", "titled-policy"):
        head_end = folded.find("(", start, end)
        head_end = head_end if head_end > 0 else max(start, end - 4)
        m = LEFT_CUT.match(folded, start, head_end)
        if m and m.end() > start:
            start = m.end()
    if rule.name == "abbrev-event":
        for i in range(folded.find("(", start, end) - 1, start - 1, -1):
            if folded[i] in STOP_CHARS:
                start = i + 1
                break
    if rule.cls in ("Organization", "Event", "Policy") and rule.name not in ("quoted-org", "abbrev-event"):
        # the name starts after the last stop character or punctuation inside the candidate
        for i in range(end - 2, start - 1, -1):
            ch = folded[i]
            if ch in STOP_CHARS or not (ch.isalnum() or ch in "&· "):
                start = i + 1
                break
        while start < end and folded[start] == " ":
            start += 1
    return start, end


@Language.factory("kg_new_entities", assigns=["doc.ents", "doc.spans"], default_config={"reference": None})
def make_entity_discoverer(nlp: Language, name: str, reference: str | None) -> EntityDiscoverer:
    return EntityDiscoverer(reference)
