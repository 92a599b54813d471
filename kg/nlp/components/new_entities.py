"""Discovery of entities the reference data does not hold, by their form and context.

Each rule is a regular expression over the folded text (Simplified, lower case, so one
rule serves both scripts) plus a check of the candidate's edges. What a rule finds gets
the class its form implies and a key minted from its normalised name, so the same new
name meets itself across articles. Known names found earlier always win an overlap.
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extraction.frames import MEMBER_JOIN, CueCut, CuePattern, CueWords
from kg.nlp.components.known_entities import add_entities, char_span
from kg.nlp.facilities import find_facilities
from kg.nlp.amounts import CURRENCY
from kg.nlp.spans import ENTITIES, kg_of, texts
from kg.reference.known import CLASS_LABEL
from kg.text import name_key, to_simplified

HAN = "\u4e00-\u9fff"
#: a process node by its size: 3奈米, 1.6nm, 5 纳米
NODE_SIZE = r"\d{1,2}(?:\.\d{1,2})?\s?(?:奈米|纳米|nm)"
# 3奈米出貨占28%, 3奈米製程比重約28%, 7奈米製程約14%: the share of sales a node makes, by a word of share
# (its figure follows) or by the figure itself
_NODE_SHARE_WORD = r"\s*(?:工艺|制程)?\s*(?:的)?(?:出货|营收|销售额?|晶圆销售)?\s*(?:占比?|佔比?|比重|份额)"
_NODE_SHARE_FIGURE = r"\s*(?:工艺|制程)\s*(?:约|达|为)\s*\d+(?:\.\d+)?\s*%"
SHARE_AFTER_NODE = re.compile(f"{_NODE_SHARE_WORD}|{_NODE_SHARE_FIGURE}")
# Characters that never start or end a name: function words and punctuation.
STOP_CHARS = set("的和与及或在向对被由是为将也已等了从把让给其该这那此各于以并而但就都又还再更很最均")
# words of names that hold a stop character as their second (高等法院, 平等, 最高: 最 opens, 等 ends them)
WORDS_WITH_STOP_CHARS = frozenset({"高等", "中等", "初等", "平等", "同等"})
# 晶片, 國產, 保薦人, 美系: words of the field and descriptions that are no name alone (name cues, generic-word)
GENERIC = CueWords("generic-word")
# Titles before a person's name (執行長黃仁勳), verbs a person's name comes before (…表示), the
# portfolios of a ministry of two: name cues (ontology/lexicon/name-cues.csv)
PERSON_TITLE = CuePattern("person-title")
TITLE_BEFORE = CuePattern(lambda w: rf"(?:{w('person-title')})(?:是|为)?\s*$")
OFFICER_TITLE_AT = CuePattern("officer-title")
TITLE_AT_END = CuePattern(lambda w: rf"(?:{w('person-title')})$")
VERB_AFTER = CuePattern(lambda w: rf"\s*(?:{w('person-verb')})")
SURNAMES = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
               "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武"
               "戴莫孔向汤荣常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮"
               "柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古"
               "吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇"
               "桑郎甄丛仲虞敖巩明佘池查麻苑迟邝洪赖萧傅盖厉晁鄢诸戈芮蔺昝揭宦鄂逄郦雍濮牧薄"
               "朴权玄禹")   # Korean surnames the Chinese press writes (朴, 權, 玄, 禹: Park, Kwon, Hyun, Woo)


@dataclass(frozen=True)
class Rule:
    name: str
    cls: str
    pattern: re.Pattern | CuePattern  # (a CuePattern's words are name cues: ontology/lexicon/name-cues.csv)
    confidence: float


def _compiled(pattern: re.Pattern | CuePattern) -> re.Pattern:
    return pattern.compiled() if isinstance(pattern, CuePattern) else pattern


# Characters Chinese uses to transliterate foreign names (史蒂芬·維特, 格里高利·艾倫).
TRANSLIT = ("阿埃艾爱安奥澳巴芭拜班邦保鲍贝本比彼毕边波伯博布卜查柴达戴丹道德迪蒂丁东杜多朵俄厄恩尔法凡范菲费芬丰"
            "弗伏福富盖甘冈戈哥格葛根贡古瓜哈海亥汉豪赫黑亨洪侯胡华霍基吉加贾杰捷金津卡开凯坎康考柯科克肯昆库夸奎"
            "拉腊莱赖兰朗劳勒雷蕾黎礼里理丽利莉连列林琳铃隆娄卢鲁路伦罗洛吕马玛迈麦曼芒梅门蒙孟米密明缪摩莫默姆"
            "木穆拿纳娜乃奈南内妮尼纽努诺欧帕派潘庞佩彭皮珀普奇齐契恰乔切钦琴琼丘屈让热茹瑞若撒萨塞赛桑瑟森沙莎"
            "山尚舍施什史士斯丝松苏索塔泰坦汤唐陶特提图托瓦万旺威韦维温文沃乌伍武西希锡夏香肖谢辛欣休秀雅亚扬"
            "耶伊依因英尤于约泽扎詹赞朱卓兹宗佐左罕默尔高加嘉伽洁夫廖柳龙芦露纶萝骆蔓茂美弥缅闵敏墨慕涅宁农沛蓬平"
            "蒲谱琪青珊绍申圣素台太谭滕宛薇卫翁吾茜席霞仙祥新许宣薛延叶怡盈友玉裕悦云章珍茱祖佛姑雪儿强顿翰逊曾舒登宾星")
DOTS = "·•・‧."  # "." is the full-width ．of 米雪兒．強斯頓, folded; it joins only transliteration characters


NAME_FOLLOW = set("，,。、；;：:！？!? \n“”「」『』（）()表称说指强认透宣回在于与和对也则就曾已将等的为是从向被把所创出担接领执预坦直写分介今昨本")
# the portfolios of a ministry of two: 投資貿易及工業部
# (投資、貿易及工業部 lists them with a comma)
MINISTRY_CORE = r"(?:(?:{portfolio}、?)+(?:及|和)|(?:{portfolio})与)"  # (投資、貿易與工業部: 與 names 貿易與工業部 alone)
MINISTRY_CORE_RE = CuePattern(lambda w: MINISTRY_CORE.format(portfolio=w("portfolio")))


# A company's name in Latin letters, up to four words: ALX Solutions, Nova Compute
LATIN_NAME = r"[a-z][a-z0-9&\-.]*(?:\s[a-z0-9][a-z0-9&\-.]*){0,3}"
# Fidelity Management, Corvex Systems: words a firm's English name ends in (folded)
CORPORATE_WORDS = (r"company|management|capital|partners|ventures|corporation|holdings|technologies|labs|investments|"
                   r"securities|semiconductor|semiconductors|electronics|solutions|systems|networks|devices|instruments|"
                   r"materials|microsystems|communications|industries")


# “次先進”晶片, 「最強」晶片: a grade in quotes, no chip's name
QUOTED_GRADE = re.compile(r"先进|落后|高端|低端|中端|国产|自研|领先|顶级|高性能|主流|旗舰|入门|^[次最较更超极]")
# 北京集成電路產業投資基金, 國家人工智能產業投資基金: a fund named by its seat or its state and the
# industry it invests in (the industry's words are its name's, not a descriptor before it)
FUND_NAME = re.compile(rf"[{HAN}]{{2,8}}?(?:集成电路|半导体|人工智能|芯片)[{HAN}]{{0,6}}?基金")


#: what a chip is for, between its model and the word for a chip: 曜光9推理晶片, 天樞X1車規級處理器
CHIP_USE = r"(?:ai|推理|训练|云端|边缘|端侧|车规级?|高性能|旗舰|通用)?"


#: a Latin name, then 和/與/及/、 and another (maybe after its maker's name), maybe 系列 and 等: the list before
#: the word for their kind, which each rule naming such a list adds (and closes the lookahead with)
LATIN_LISTED = (r"(?<![a-z0-9\-.])(?P<name>[a-z][a-z0-9]+(?: [a-z0-9]+){0,2})(?=(?:和|与|及|、)[\u4e00-\u9fff]{0,4}"
                r"[a-z][a-z0-9]+(?: [a-z0-9]+){0,2}(?:系列)?等?")


def _rules() -> list[Rule]:
    dotted = rf"[{TRANSLIT}]{{1,6}}(?:[{DOTS}][{TRANSLIT}]{{1,8}})+"
    han_name = rf"[{''.join(sorted(SURNAMES))}][{HAN}]{{1,2}}"
    return [
        # A writer's name alone on its line, the story's date on the next: 林某 / 2024-09-09 (a byline too)
        Rule("byline", "Person", re.compile(
            rf"(?:(?<=\n)|^)[ \t]*(?P<name>{han_name})[ \t]*\n\s*(?:19|20)\d\d\s*(?:[-/.]\s*\d{{1,2}}\s*[-/.]|年\s*\d{{1,2}}\s*月)"
            r"\s*\d{1,2}\s*日?\s*(?:\d{1,2}:\d\d(?::\d\d)?)?\s*(?:\n|$)"), 0.7),
        # Bylines: 作者 | 某某 某某, 記者：某某, 本報記者 某某
        Rule("byline", "Person", re.compile(
            # (2025-12-05 11:00 / 作者 某某: or after the date of a dateline line)
            # (本文來源:晴川周報 作者:林某: or after an outlet's name and a space, on its source line)
            # (文 | 晴川財經,作者 | 林某,編輯 | 王某: or after a comma on a byline line)
            # (每經記者|彭某    每經編輯|陳某: or after two spaces, an outlet's short name before the role)
            rf"(?:(?<=\n)|^|(?<=\d\d\s[/|｜])|(?<=\d\d[/|｜])|(?<=[{HAN}》a-z0-9]\s)(?=作者\s*[:：])"
            r"|(?<=\s\s)(?=[\u4e00-\u9fff]{0,4}(?:记者|编辑|责编)\s*[|｜:：])"
            # (晴川新聞 2026-01-30 11:28:26 林某 發佈: or after the time of a line, the name before 發佈)
            r"|(?<=[,，])(?=\s*(?:作者|记者|编辑|责编|责任编辑)\s*[|｜:：])|(?<=\d\d:\d\d:\d\d\s))\s*"
            r"(?:本报|本刊|特约|[\u4e00-\u9fff]{2,4}(?=(?:记者|编辑|责编)\s*[|｜:：]))?"
            r"(?:(?:作者|记者|编辑|责编|责任编辑|撰文|文(?=\s*[|｜:：/\s])|编译|审校|校对|采写)\s*[|｜:：/]?\s*"
            r"|(?<=\d\d:\d\d:\d\d\s)(?=[\u4e00-\u9fff]{2,4}\s*(?:发布|发表)\s*$))"
            rf"(?P<name>{dotted}|[{HAN}]{{2,4}}(?:[ 、,，](?!作者|记者|编辑|责编)[{HAN}]{{2,4}})*)(?=\s*(?:$|\n|[|｜/,，、\s]))", re.M), 0.9),
        # Transliterated foreign names: 史蒂芬·維特
        Rule("dotted-name", "Person", re.compile(rf"(?P<name>{dotted})"), 0.75),
        # Title before a Chinese name: 首席執行官黃仁勳, 執行長則由范立言出任, 研究員邱奕凱
        Rule("title-name", "Person", CuePattern(lambda w: 
            rf"(?:{w('person-title')})(?:暨[{HAN}]{{2,5}})?(?:则由|由|为|是)?(?:{w('honorific')})?(?P<name>{han_name})"), 0.7),
        # A person a report names by surname only: 陳姓男子, 林姓工程師 (陳男, 林女 later: see _propagate)
        Rule("surname-only", "Person", re.compile(
            rf"(?P<name>[{''.join(sorted(SURNAMES))}]姓(?:男子|女子|工程师|员工|主管|高管|嫌犯|商人|被告|台商|男|女)"
            # 李某, 王某某: a court's way of naming someone
            rf"|[{''.join(sorted(SURNAMES - set('向于和高方')))}]某某?(?![某些种类项个方地处时日年月人公企国机部单家款位名型])"
            rf"(?=[，,。、；;（(\s与和及等被在的曾涉因已将向对于为是有则并\d]|$))"), 0.75),
        # A transliterated name between a title and a verb of saying: 貿工部長扎夫魯表示
        Rule("title-translit", "Person", CuePattern(lambda w:
            # (部長東姑賽夫魯以及…: or before the next of a list; 財務長辛斯納(David Zinsner): or before the
            # name in Latin letters, in brackets)
            # (前任執行長基辛格時代, 其任內: or before the word for the time he held the post)
            rf"(?:{w('person-title')})(?P<name>[{TRANSLIT}]{{2,5}}?)(?=(?:也|则|亦|还|更)?(?:{w('person-verb')})|以及|、"
            r"|时代|时期|任内|在任|执掌|掌舵|治下|\s?[（(]\s?[a-z]+[ -][a-z])"), 0.65),   # (folded text: the Latin name in lower case)
        # A Japanese name (no Chinese surname) between an official's title and a verb of saying:
        # 官房長官木原稔表示, 經濟產業大臣武藤容治指出
        Rule("title-han-name", "Person", CuePattern(lambda w:
            # (官房長官木原稔24日在記者會上表示: or before the day it was said)
            rf"(?:{w('official-title')})(?P<name>[{HAN}]{{2,4}}?)(?=(?:也|则|亦|还|更)?(?:{w('person-verb')})"
            r"|\s*[（(]?\s*\d{1,2}\s*[）)]?\s*日|[今昨](?:天|日)?(?:在|于|表示|指出|说|称|宣布))"), 0.6),
        # A Chinese name after an age: 28歲的耿川, 四十三歲的許浩, 41歲的新加坡人陳志明
        Rule("age-name", "Person", re.compile(
            rf"(?:\d{{1,3}}|[一二三四五六七八九十]{{1,3}})\s*岁的(?:[{HAN}]{{0,5}}?(?:籍男子|籍女子|籍|男子|女子|人|商人|华裔|男|女))?(?P<name>{han_name})"), 0.7),
        # A Chinese name after a nationality: 中國籍李湛、…, 新加坡籍男子張志偉（51歲）
        Rule("nationality-name", "Person", re.compile(
            rf"籍(?:男子|女子|嫌犯|嫌疑人|被告|商人|人士|工程师|男|女)?(?P<name>{han_name}?)(?=[（(，,、。；;与和及\s]|$)"), 0.7),
        # A Chinese name before what people do: 張承遠創立, 蔡詠晴認為
        Rule("name-verb", "Person", CuePattern(lambda w:
            # (林男離職: a surname and 男/女 is the short form of 林姓男子, found with it)
            rf"(?:(?<=[，,。、；;：:\s“「（(由的])|^)(?!.[男女](?:{w('person-verb')}))(?P<name>{han_name})(?=(?:{w('person-verb')}))"), 0.6),
        # A paper a report is sourced to, whatever its name ends in: 據人民郵電報，…; 據科技快報報導
        Rule("sourced-paper", "MediaOrganization", re.compile(
            rf"(?:据|根据)(?P<name>[{HAN}]{{3,7}}报|[{HAN}]{{2,4}}(?:财经|新闻网|资讯))(?=报道|报导|消息|指出|称|了解|获悉|[，,])"), 0.7),
        # Names in quotes with an organisation's form: “戰略與國際研究中心”
        Rule("quoted-org", "Organization", re.compile(
            rf"[“「『\"](?P<name>[{HAN}a-z0-9&·]{{2,16}}(?:研究中心|研究院|研究所|委员会|协会|联盟|基金会|实验室|公司|集团|检察署|检察院|法院|署|局))[”」』\"]"),
            0.8),
        # Events named with an abbreviation: 亞太經濟合作組織(APEC)CEO峰會
        Rule("abbrev-event", "Event", re.compile(
            rf"(?P<name>[{HAN}]{{2,12}}[(（][a-z0-9]{{2,10}}[)）]\s?[a-z]{{0,5}}\s?(?:峰会|大会|论坛|年会))"), 0.75),
        # Titles in book-title marks: 《先進晶片出口管制規定》
        Rule("titled-policy", "Policy", re.compile(
            rf"《(?P<name>[^》\n]{{2,30}}(?:规定|禁令|法案|法|条例|新规|规则|管制|措施|清单|办法|指引|框架|协议|声明|令|"
            # 《上海市加快推動算力基礎設施高質量發展實施方案》: plans and opinions a government issues
            rf"方案|规划|计划|意见|纲要|决议|通知)"
            # 《市場監管總局關於附加限制性條件批准…審查決定的公告》: an official notice, however long its title
            rf"|[^》\n]{{6,80}}?(?:的公告|的决定|的通知|的意见|的批复))》"), 0.85),
        # Laws and rules in corner quotes: 「反壟斷法」, “外國直接產品規則”
        Rule("quoted-policy", "Policy", re.compile(
            # (a list too, however long: 「戰略性高科技貨品出口實體管制名單」; a named strategy, policy, plan or
            # mechanism: 「地方振興戰略」, “算力先行计划”)
            rf"[「“『](?P<name>[^」”』《》\n，。,]{{2,60}}?(?:规定|禁令|法案|法|条例|新规|规则|办法|公告|决定|指令|命令|令|清单|名单|名录"
            rf"|战略|政策|计划|计画|方案|倡议|机制|措施))[」”』]"), 0.8),
        # Manufacturing processes: named ones (「N+3」工藝, N2製程, A16製程, 18A製程) and nodes named by
        # their size (3奈米製程, 28nm工艺), which the news treats as a foundry's product (台積電3奈米製程);
        # not a bound (7奈米以下製程) or the far end of a range (6至12奈米製程)
        Rule("process", "Product", re.compile(
            r"(?<![a-z0-9+])(?P<name>(?:[a-z]{1,2}\+{0,2}\d{1,2}[a-z]?\+{0,2}|\d{2}a))(?=\s*[」”\"』]?\s*(?:先进|成熟|最新)?(?:工艺|制程|节点))"
            r"|(?<![0-9.\-~～－至到])(?P<name2>\d{1,2}(?:\.\d)?\s?(?:奈米|纳米|nm)\s?(?:工艺|制程|节点))"),
            0.75),
        # A node named by its size alone, as a foundry's product: the share of sales it makes (3奈米出貨占28%,
        # 5奈米占35%) or one of a list of nodes (5奈米與3奈米等先進製程); a node in a chip's specs (採用3奈米)
        # stays a figure
        Rule("process-node", "Product", re.compile(
            rf"(?<![0-9.\-~～－至到a-z])(?P<name>{NODE_SIZE})(?=(?:\s*(?:与|和|及|、|以及)\s*{NODE_SIZE})*\s*等\s*(?:先进|成熟)?(?:工艺|制程)"
            # (2024年4奈米已量產, 2奈米也將於明後年進入量產; 製程已發展至2奈米、推進至1.8奈米: in a sentence
            # about a foundry)
            rf"|\s*(?:工艺|制程)?\s*(?:已|也|将|亦|预计|预计将|可望|有望)?[^，。；,;\d]{{0,8}}?量产"
            rf"|{_NODE_SHARE_WORD}\s*(?:[^，。；,;\d]{{0,14}}?)\d|{_NODE_SHARE_FIGURE})"), 0.7),
        Rule("process-node", "Product", re.compile(rf"(?<=发展至|推进至|进展至|迈进至)(?P<name>{NODE_SIZE})"), 0.65),
        # A quoted model before a chip word: 「曜光7」晶片, “Ascend 910”處理器 (not “次先進”晶片: a model has a digit or a letter)
        Rule("quoted-chip", "Chip", re.compile(
            r"[「“『](?P<name>(?=[^」”』]{0,15}[a-z0-9])[^」”』《》\n，。、,]{2,16})[」”』]\s*(?:[（(][^（）()\n]{1,20}[）)])?\s*(?:芯片|晶片|处理器|加速卡|加速器|gpu)"), 0.75),
        # A quoted name that ends in what it is: “夸娥S5000超節點”, 「天罡伺服器」 (the model inside is part of it)
        Rule("quoted-product", "Product", re.compile(
            r"[「“『](?P<name>[^」”』《》\n，。、,]{2,20}(?:超节点|服务器|伺服器|计算集群|集群|一体机|芯片|晶片|处理器|加速卡))[」”』]"),
            0.75),
        # A company with a Latin name: ALX Solutions公司, Celestial AI公司 (the name without 公司)
        Rule("latin-company", "Company", re.compile(
            rf"(?<![a-z0-9\-.])(?P<name>{LATIN_NAME})\s?(?=(?:公司|集团))"), 0.65),
        # A Latin name ending in a corporate word: Fidelity Management & Research Company, Atreides Management
        Rule("latin-corporate", "Company", re.compile(
            # (Black Sesame Technologies (HK) Limited, Nova Compute Pte. Ltd.: a seat in brackets, a legal form)
            r"(?<![a-z0-9\-.&])(?P<name>[a-z][a-z0-9\-.]*(?:\s(?:&\s)?(?:[a-z0-9][a-z0-9\-.]*|\([a-z]{2,10}\))){0,4}\s(?:"
            r"inc\.?|corp\.?|llc|llp|l\.?p\.|ltd\.?|limited|pte\.?\s?ltd\.?|sdn\.?\s?bhd\.?|gmbh|ag|n\.v\.|b\.v\.|plc|" + CORPORATE_WORDS + r"))(?![a-z0-9])"), 0.65),
        # Numbered notices and orders: 商務部公告2026年第61號, 2026年第61號公告, 第18號令
        Rule("numbered-notice", "Policy", re.compile(
            # (公告2025第62號: the year's 年 may be left out)
            r"(?P<name>(?:(?:19|20)\d\d\s*年\s*)?第\s*\d{1,4}\s*号\s*(?:公告|令|决定)|公告\s*(?:19|20)\d\d\s*年?\s*第\s*\d{1,4}\s*号)"), 0.8),
        # A company introduced by its name: 一家名為Nova Compute的公司, 名叫星河的企業
        Rule("named-company", "Company", re.compile(
            rf"(?:名为|名叫|叫做|名称为)\s*[「“『]?(?P<name>{LATIN_NAME}|[{HAN}]{{2,8}}?)"
            rf"[」”』]?\s*的(?:[{HAN}]{{0,4}})?(?:公司|企业|集团)"), 0.7),
        # A person introduced by name: 一位名叫（音譯）黃樂（又名Alice Huang）的女子, 名為陳立的男子
        Rule("named-person", "Person", re.compile(
            rf"(?:名为|名叫|叫做|化名)\s*(?:[（(]?音译[)）]?)?\s*[「“『]?(?P<name>[{HAN}]{{2,3}}?)[」”』]?"
            rf"(?=\s*[（(]|\s*的(?:女子|男子|女性|男性|人士|华人|商人|高管|工程师|员工|学生|嫌犯|嫌疑人))"), 0.7),
        # A ministry of two portfolios: 投資貿易及工業部, 經濟及社會發展部
        Rule("ministry-and", "Organization", CuePattern(lambda w:
            rf"(?P<name>[{HAN}]{{0,6}}?{MINISTRY_CORE.format(portfolio=w('portfolio'))}[{HAN}]{{2,4}}部)(?![长门分队])"
            # (立法院|教育及文化委員會: a committee of two portfolios, after the body it belongs to)
            rf"|(?P<name2>{MINISTRY_CORE.format(portfolio=w('portfolio'))}(?:{w('portfolio')})委员会)"), 0.7),
        # A ministry named by its minister's title: 新加坡貿易及工業部長顏金勇 (not 總部長期); an assistant's or
        # deputy's title names the same ministry (助理司法部長, 副外交部長)
        Rule("minister-ministry", "Organization", CuePattern(lambda w:
            rf"(?:(?<=[，,。、；;：:\s“「（(】〕])|^)(?:惟|但|而|并|且|亦|也|还|又|却|则)?(?:助理|常务副|副|代理|署理|时任|现任|前)?"
            # (副總理兼|貿工部長: the other post held before 兼 is no part of the ministry's name)
            rf"(?:[{HAN}]{{1,5}}兼)?"
            # (工業部|部長, 通訊部|副部長; 惟|貿工部長: a conjunction opens the clause, not the name)
            # (檳城|首席部長: a title ending in 部長 that names no ministry)
            rf"(?P<name>(?:{w('portfolio')}、)*[{HAN}]{{2,12}}?{''.join(f'(?<!{x})' for x in w('not-ministry').split('|'))}部)"
            rf"(?=(?:副|助理)?部?长(?!期|远|达|久|年|时间|大|足))"), 0.65),
        # A model named after the word for it: 開源推理模型Aurora-7, 大模型Qwen3 (a Latin name)
        Rule("ai-model", "AIModel", re.compile(
            r"(?:大模型|模型|语言模型|推理模型|开源模型)\s?(?P<name>[a-z][a-z0-9]*(?:[-.][a-z0-9]+){0,3})(?![a-z0-9])"), 0.7),
        # Chip model numbers: H200, MLU690, MI300X, B200, P800, GB200, XG-720
        Rule("chip-model", "Chip", re.compile(
            r"(?<![a-z0-9\-])(?P<name>(?!fp\d|int\d|uint\d|bf\d|tf\d|hf\d|mxfp\d|nvfp\d|tpp|q[1-4]\b|h1\b|h2\b|pc\b|ai\b|5g\b|4g\b|3d\b|2d\b|n\d\b)"
            # (Cortex-X925, Immortalis-G925: a family word and a model; A18 Pro: an edition after the model)
            # (RTX 4060: letters and a model number spaced apart, not a year; 7G100: a digit opening the model)
            r"(?:[a-z]{1,4}-?\d{2,4}|(?!(?:top|fortune|nasdaq|kospi|ftse|dax|sp|s&p|stoxx|nikkei) )[a-z]{2,4} (?!(?:19|20)\d\d(?!\d))\d{4}|\d[a-z]\d{2,4}|[a-z]{1,4}-[a-z]{1,3}\d{1,4}"
            r"|[a-z]{3,12}-[a-z]{1,2}\d{2,4})[a-z]{0,2}\d?"
            r"(?:\s?(?:pro max|pro|max|ultra|plus|至尊版|旗舰版))?)(?![a-z0-9])"), 0.7),
        # A short model beside a chip word: 晶片FX-7, Q-9處理器
        Rule("short-chip-model", "Chip", re.compile(
            r"(?:(?<=芯片)|(?<=晶片)|(?<=处理器)|(?<=加速器)|(?<=加速卡))\s?(?P<name>[a-z]{1,4}-\d[a-z]?)(?![a-z0-9])"
            r"|(?<![a-z0-9\-])(?P<name2>[a-z]{1,4}-\d[a-z]?)(?=\s?(?:芯片|晶片|处理器|加速器|加速卡|gpu))"), 0.7),
        # 昇騰910C, 思元590, 天垓Gen2: a Chinese chip brand and its model number (or generation)
        Rule("chip-brand-model", "Chip", CuePattern(lambda w:
            rf"(?P<name>{w('chip-brand')}\s?(?:gen\s?|[a-z]{{0,2}})\d{{1,4}}[a-z]{{0,2}}(?:\s?(?:pro max|pro|max|ultra|plus|至尊版|旗舰版))?)(?![a-z0-9])"),
            0.8),
        # A new chip named right after the word for it: AI晶片天樞X1, 新款GPU北極星166, 推理晶片Polaris 300, and
        # a line of them: 圖形晶片星彩G系列 (a name, then a model number that no unit follows: 晶片出貨量200萬顆
        # names nothing)
        Rule("kind-then-chip", "Chip", re.compile(
            rf"(?:芯片|晶片|gpu|处理器|加速器|加速卡|计算卡)\s?[「“『]?(?P<name>[{HAN}]{{2,3}}\s?[a-z]{{0,3}}-?\d{{1,4}}[a-z]{{0,2}}"
            rf"|[a-z]{{3,}}\s\d{{2,4}}[a-z]{{0,2}}|[{HAN}]{{2,3}}[a-z]{{1,2}}(?=系列))(?![a-z0-9.%])"
            rf"(?!\s*(?:年|月|日|号|亿|万|千|百|元|美元|颗|片|家|个|款|倍|台|张|座|条|项|核|组|路|纳米|奈米|nm|瓦|w\b|g\b|gb|tb|tops|[gtpe]?flops|[gm]hz|岁|名|人|%))"), 0.65),
        # A chip named by its code name: 代號為Titan的推理晶片, 代號「鯤鵬」的處理器
        Rule("codename-chip", "Chip", re.compile(
            rf"代号(?:为|是|叫)?\s?[「“\"『]?(?P<name>[a-z][a-z0-9\-]{{1,15}}(?: [a-z0-9]+)?|[{HAN}]{{2,4}}?)[」”\"』]?\s?的?"
            r"(?=[^，。；,;]{0,6}?(?:芯片|晶片|处理器|加速器|gpu|cpu|asic))"), 0.7),
        # (自家晶片項目代號為「SeedChip」: or the chip named before its code name)
        Rule("codename-after-chip", "Chip", re.compile(
            rf"(?:芯片|晶片|处理器|加速器)(?:研发)?(?:项目|计划)?的?代号(?:为|是|叫)?\s?[「“\"『]"
            rf"(?P<name>[a-z][a-z0-9\-]{{1,15}}(?: [a-z0-9]+)?|[{HAN}]{{2,4}}?)[」”\"』]"), 0.7),
        # A chip's coined Chinese name in quotes before the word for a chip: 發布「鎮武」晶片, or a line of chips
        # named so before 系列 and what the line is for: “天樞”系列訓練GPU (a plain word in quotes, 「國產」晶片,
        # is none)
        # (「華山」和「廬山」兩款晶片: each of a list of quoted names before their count and the word; 「長江」智慧
        # 系統單晶片: a few words of what it is between)
        Rule("quoted-han-chip", "Chip", re.compile(
            rf"[「“『](?P<name>[{HAN}]{{2,4}})[」”』](?=(?:\s?(?:和|与|及|、|以及)\s?[「“『][{HAN}]{{2,4}}[」”』])*"
            rf"\s?(?:[两二三四五六七八九十\d]+\s?[款个颗种])?\s?(?:系列\s?[{HAN}]{{0,4}}?)?(?:ai)?"
            rf"(?:(?![对将的在把被与和及、为是让给向用以从也都再])[{HAN}]){{0,6}}?(?:芯片|晶片|处理器|加速器|加速卡|gpu|npu|cpu))"), 0.65),
        # A product line by its coined name in quotes, called a line: 產品線「天樞」, “天垓”與“智鎧”兩大產品系列
        Rule("quoted-product-line", "Product", re.compile(
            rf"(?:(?<=产品线)|(?<=产品系列))\s?[「“『](?P<name>[{HAN}]{{2,4}})[」”』]"
            rf"|[「“『](?P<name2>[{HAN}]{{2,4}})[」”』](?=(?:\s?(?:和|与|及|、|以及)\s?[「“『][{HAN}]{{2,4}}[」”』])*"
            rf"\s?(?:[两二三四五六七八九十\d]+\s?大?\s?)?产品(?:系列|线))"), 0.65),
        # A line of chips by its coined two-character name before 系列 and what the chips are for:
        # 推出用於自動駕駛的崑崙系列高算力晶片、峨眉系列跨域計算晶片 (a grade, 高端系列晶片, is none)
        Rule("series-chip", "Chip", re.compile(
            rf"(?:(?<=[的、和与及，,；;：:\s“「（(])|(?<=推出)|(?<=发布)|(?<=采用)|(?<=搭载)|^)(?P<name>[{HAN}]{{2}})系列"
            rf"[{HAN}]{{0,6}}?(?:芯片|晶片|处理器|gpu|cpu|npu|soc)"), 0.6),
        # A name in quotes before a few words and what it is: “天樞之眼”高階智駕系統, "世紀大道"自主內核微架構
        Rule("quoted-then-kind", "Product", re.compile(
            rf"[「“『\"](?P<name>[{HAN}]{{2,6}})[」”』\"]\s?[{HAN}]{{0,6}}?(?:系统|平台|微架构|架构|解决方案|方案|服务器|超节点)"
            rf"(?![{HAN}])"), 0.6),
        # An architecture by its coined name: 基於自研的達芬奇架構, 採用麒麟微架構 (a kind of design, 異構架構,
        # 系統架構, is a plain word; see _classify)
        Rule("named-architecture", "Product", re.compile(
            rf"(?:(?<=[的、和与及用于，,：:\s])|(?<=自研)|(?<=全新)|^)(?P<name>(?![的是为])[{HAN}]{{2,4}}?)(?:微)?架构"
            rf"(?![师图])"), 0.6),
        # A coined two-character brand and a model before the word for a chip: 征程6P計算平台, 飛騰D3000處理器
        # (8月推出S9晶片: a date's unit after its digit opens no brand)
        Rule("brand-model-kind", "Chip", re.compile(
            rf"(?:(?<=[颗款片个台张套的与和及于在为将是由用以了、，,。；;：:\s（(“「])|(?<=\d)(?![年月日号时季周])|^)(?P<name>[{HAN}]{{2,3}}\s?(?=[a-z-]*\d)[a-z0-9][a-z0-9-]{{0,7}})(?![a-z0-9])"
            rf"(?=\s?(?:系列)?{CHIP_USE}(?:芯片|晶片|处理器|加速卡|计算平台|gpu|cpu|npu|soc))"), 0.65),
        # A model number ending in a letter, before the kind of machine it is (or listed with one that is):
        # ASML的1970i和1980i深紫外浸沒式光刻機 (a letter after the digits: no year, no count)
        Rule("model-number-kind", "Product", re.compile(
            r"(?<![0-9a-z./\-])(?P<name>\d{3,5}[a-z]{1,2})(?![0-9a-z])(?=(?:\s?(?:和|与|及|、)\s?\d{3,5}[a-z]{1,2}(?![0-9a-z]))?"
            r"[^，。；,;、和与及]{0,16}?(?:光刻机|曝光机|蚀刻机|刻蚀机|沉积设备|检测设备|量测设备|机台|扫描仪))"), 0.6),
        # A machine's model written with a colon between its line and its number: NXE:3800E, EXE:5200B
        Rule("colon-model", "Product", re.compile(r"(?<![a-z0-9:])(?P<name>[a-z]{2,4}:\d{3,4}[a-z]{0,2})(?![a-z0-9:])"), 0.6),
        Rule("number-chip", "Chip", re.compile(rf"(?<![0-9a-z./])(?P<name>\d{{3,4}}[a-z]?)(?=(?:芯片|晶片|处理器|加速卡))"), 0.6),
        # A chip launched, made or used under a Chinese name and a model number: 推出曜光9晶片, 發表新一代天樞X1
        # 處理器, 為其提供曜光9晶片, 搭載天樞X1處理器
        Rule("launched-chip", "Chip", re.compile(
            rf"(?:发布|推出|发表|量产|首发|开发|研发|设计|打造|自研|提供|供应|采购|购买|采用|搭载|出货|交付|导入)了?(?:新一代|最新|首款|新款|全新|旗舰)?的?\s?"
            rf"(?P<name>(?!新一代|最新|首款|新款|全新|旗舰|第|多款|两款|一款|自家|自主)[{HAN}]{{2,3}}(?<![代款])\s?[a-z]{{0,2}}-?\d{{1,4}}[a-z]{{0,2}})(?<!nm)"
            rf"(?=\s?{CHIP_USE}(?:芯片|晶片|处理器|加速卡|加速器|gpu|cpu|npu))"), 0.65),
        # A product launched under a Chinese name: 發布曜光超節點, 推出天工伺服器 (the name's core must be
        # no common word: 推出訓練晶片 names nothing)
        Rule("launched-product", "Product", re.compile(
            rf"(?:发布|推出|展出|亮相|发表|量产|首发)了?(?:新一代|最新|首款|新款|全新)?的?\s?"
            rf"(?P<name>[{HAN}]{{2,4}}(?:超节点|服务器|伺服器|计算集群|集群|一体机|大模型|芯片|晶片|处理器|加速卡))"), 0.65),
        # Latin product names before a category word: Blackwell芯片, Gemini模型
        Rule("latin-product", "Product", re.compile(
            # (星曜的 S9 芯片: a space between Latin and Han, as some sites write, changes nothing)
            r"(?<![a-z0-9\-.])(?P<name>[a-z][a-z0-9]+(?: [a-z0-9]+){0,2})(?=(?:(?<=[a-z0-9]) (?=[\u4e00-\u9fff]))?(?:芯片|晶片|模型|大模型|平台|系列|架构|处理器|加速器|"
            r"(?:\s|(?<=\d))gpu(?![a-z])|服务器|超级计算机|超节点|超级节点|集群|一体机|加速卡|计算卡|"
            # Galaxy S26旗艦新機, GaussDB分布式數據庫: phones, laptops and software by their kind too
            r"(?:旗舰)?(?:新机|手机|智能手机|笔电|笔记本电脑|平板)|[\u4e00-\u9fff]{0,3}?(?:数据库|操作系统)))"), 0.7),
        # The first of two Latin products listed before their kind: Nova 950和Nova 960超節點, the second
        # maybe with its maker's name before it (亞馬遜Graviton、微軟Cobalt晶片), the kind maybe after 系列
        # and 等 and what the chips are for (Orion和Vega系列等網路晶片)
        # (before a chip word the first is a chip, BX9和BX10晶片; latin-chip-listed comes first for that)
        Rule("latin-chip-listed", "Chip", re.compile(
            LATIN_LISTED + r"(?:[\u4e00-\u9fff]{0,2}(?:芯片|晶片|处理器|加速器)|gpu|加速卡|计算卡))"), 0.65),
        Rule("latin-product-listed", "Product", re.compile(
            LATIN_LISTED + r"(?:[\u4e00-\u9fff]{0,2}(?:芯片|晶片|处理器|加速器)|gpu|服务器|超节点|超级节点|集群|一体机|加速卡|计算卡))"),
             0.65),
        # An operation or a campaign named in quotes: 「守門人行動」, “清源專案”
        Rule("quoted-operation", "Event", re.compile(
            r"[「“『](?P<name>[^」”』《》\n，。,]{2,10}?(?:行动|专案|专项行动|战役))[」”』]"), 0.75),
        # Equipment and products named with their abbreviation in brackets: 電容耦合等離子體刻蝕設備(CCP)
        Rule("product-with-abbreviation", "Product", re.compile(
            rf"(?:(?<=[，,。、；;：:\s“「（(的其和与及])|^)(?P<name>[{HAN}]{{4,16}}?(?:设备|机台|系统|平台|软件|模组|存储器|"
            rf"处理器|加速器|光刻机|刻蚀机|传感器|解决方案))\s?(?=[（(][a-z]{{2,6}}[)）])"), 0.65),
        # Venues: 南港展覽館, 台北國際會議中心, 小巨蛋 (where an event is held)
        Rule("venue", "Place", re.compile(
            # (華碩在|南港展覽館: the name starts after the word that places it, not at the line's start)
            rf"(?:(?<=[，,。、；;：:\s“「（(在于至到与和及])|^)(?P<name>(?:(?![在于至到与和及的])[{HAN}]){{2,8}}?(?:展览馆|会展中心|展览中心|国际会议中心|会议中心|"
            rf"体育馆|体育场|大会堂|巨蛋|博物馆))"), 0.65),
        # Named events: …大會, …峰會, 聽證會
        Rule("event", "Event", re.compile(
            rf"(?P<name>(?:20\d\d)?[{HAN}a-z0-9 \-－]{{2,16}}?(?:大会|峰会|论坛|博览会|展览会|研讨会|听证会|发布会|年会|开发者大会|"
            rf"技术大会|电脑展|经贸磋商|经贸会谈|贸易谈判|贸易磋商|高层会谈|部长会议|领导人会晤|"
            # 輝達尾牙, 尾牙旺年會, 歲末聯歡晚會, 簽約記者會: a firm's year-end party, a signing's press event
            rf"尾牙(?:旺年会|晚会|岁末联欢晚会)?|旺年会|联欢晚会|签约记者会|签约仪式|"
            # 新總部開工動土典禮, 新廠落成典禮: a ceremony (a results briefing, 法說會, is routine: the dev
            # set's gold holds one as optional)
            rf"典礼|开幕式))"
            r"(?![面见谈晤堂])"), 0.7),  # 何立峰會面: 會 of 會面 (meet), no summit; 人民大會堂 is a hall
        # 華碩昨日舉行尾牙: a firm's year-end party, named by the word alone after holding or attending it
        # A cabinet named after its prime minister: 高市內閣, 石破內閣 (not 新內閣, 本屆內閣, 該內閣)
        Rule("cabinet", "GovernmentAgency", re.compile(
            # (two characters: a Japanese surname; a longer run is a verb's or a word's end, 是|高市內閣)
            rf"(?P<name>(?![本现前新整全该这此历上下首届原旧])[{HAN}]{{2}}内阁)"), 0.6),
        Rule("year-end-party", "Event", re.compile(r"(?:举行|举办|参加|出席|办)(?P<name>尾牙(?:旺年会|晚会)?|旺年会|春酒)(?![\u4e00-\u9fff]{0,2}?会)"), 0.65),
        # Policies and decisions: …規定, …禁令, …法案, 實體清單
        Rule("policy", "Policy", re.compile(
            # (AI晶片出口管制指南: guidance a government issues on its controls)
            rf"(?P<name>[{HAN}a-z0-9]{{2,12}}?(?:(?:出口|进口)(?:管制|管控)(?:规定|措施|条例|新规|规则|法规|指南|指引)?|(?:管制|管控)(?:规定|措施|条例|新规|规则|法规|指南|指引)|"
            rf"规定|禁令|法案|法令|条例|新规|规则|禁售令|制裁|清单|黑名单))"), 0.65),
        # 「1260H」條款, 第1260H條款: a clause of a law named by its number or in quotes
        Rule("quoted-clause", "Policy", re.compile(
            rf"[「“『\"](?P<name>[{HAN}a-z0-9 .-]{{2,16}})[」”』\"]\s*(?=条款|条文|法条|法案|条例)"
            r"|第\s*(?P<name2>\d{1,4}[a-z]?\s*条款)"), 0.65),
        # Plans a government issues, named whole after the verb that issues them (or after the joining word
        # of a list of them): 出台培育發展半導體與集成電路產業集群三年行動計劃, 以及車規級芯片…高質量發展行動計劃
        Rule("issued-plan", "Policy", re.compile(
            rf"(?:(?<=出台|印发|发布|制定|推出|实施|颁布|以及)|(?<=[、]))(?P<name>[{HAN}0-9]{{4,28}}?"
            r"(?:行动计划|行动方案|实施方案|专项规划|发展规划|若干措施|政策措施))"), 0.7),
        # Rules named by what they are about, unquoted: 今年1月關於晶片代工的限制規則, 有關先進晶片的出口管制規定
        Rule("about-rule", "Policy", re.compile(
            # (a rule of trade or technology: limits, controls, a ban; not 公司章程關於董事任期的規定)
            rf"(?<=关于|有关)(?P<name>[{HAN}a-z0-9]{{2,12}}?的[{HAN}]{{0,2}}?(?:(?:限制|管制|管控)(?:规则|规定|措施)|新规|禁令))"
            rf"(?![{HAN}]?(?:中|里|内|外|下))"), 0.6),
        # A mechanism a regulator pilots, and its first case: 試點IPO預先審閱機制, 首單預先審閱機制 (not 建立量化
        # 監測機制: what a body is asked to set up is a description, no rule's name)
        Rule("named-mechanism", "Policy", re.compile(
            rf"(?<=试点|首单|首例)\s*(?P<name>[{HAN}a-z0-9 ]{{2,12}}?机制)"), 0.6),
        # A list an entity is put on or taken off: 列入出口管制清單, 移出管制名單 (its kind two characters or
        # more: 列入黑名單 names no list of its own)
        Rule("listed-into", "Policy", re.compile(
            rf"(?:列入|纳入|移出|剔除出?|移除出?)(?P<name>[{HAN}a-z0-9]{{2,10}}?(?:清单|名单))"), 0.65),
        # Trade remedies and probes a government opens: 反傾銷立案調查, 反補貼調查, 反歧視調查
        Rule("trade-probe", "Policy", re.compile(
            rf"(?P<name>反[{HAN}]{{1,3}}?(?:立案)?调查)(?![员官])"), 0.65),
        # Laws named by what they govern, unquoted: 尖端戰略產業法, 半導體產業促進法 (not 方法, 做法, 執法)
        Rule("named-law", "Policy", re.compile(
            rf"(?P<name>[{HAN}a-z0-9]{{2,12}}?(?:产业|安全|管制|竞争|促进|保护|振兴|特别|出口|投资|反垄断|基本|芯片|晶片|半导体)法)"
            rf"(?![院官规律定人典庭学术案令务治理制则])"), 0.65),
        # Export controls named bare, the regime the article is about: 規避出口限制, 為符合出口管制規範
        # (a country's or a product's name before it makes the longer name above)
        Rule("export-controls", "Policy", re.compile(
            r"(?P<name>(?:出口|进口)(?:管制|管控|限制))(?![局法物条措清名对令]|规[定则]|新规)"), 0.6),
        # A tariff levied: 加徵25%的進口從價關稅, 對半導體征收100%的關稅, 加征關稅 (not 關稅局; a bare one is the
        # tariff the article named before, see _bare_tariffs)
        Rule("tariff", "Policy", CuePattern(lambda w:
            rf"(?:(?:{w('levy-verb')})了?\s*(?:[^，。；,;\d%]{{0,6}}?的)?\s*(?:至少|约|高达|最高达?|达)?\s*"
            # (中國商品100%關稅: a rate before 關稅 names a tariff without a verb levying it)
            rf"|(?<![\d.])(?=\d+(?:\.\d+)?\s*%\s*的?\s*(?:{w('tariff-kind')}){{0,3}}关税))"
            rf"(?P<name>(?:\d+(?:\.\d+)?\s*%\s*的?\s*)?(?:{w('tariff-kind')}){{0,3}}关税)(?![局署率壁税])"), 0.6),
        # Places by their form: 南山區, 坪山新區, 新竹科學園區, 合肥市
        Rule("place-suffix", "AdministrativeRegion", re.compile(
            rf"(?P<name>[{HAN}]{{2,4}}?(?:科学园区|高新区|开发区|新区|园区|自治区|省|(?<![股上城超夜门街楼车牛熊开收休后器])市|县|区|镇))"
            r"(?![场值长民政委级内外面域占佔间块别隔])(?!联邦|地方法院|法院)"), 0.55),  # 展望後市, 伺服器市佔: the market  # not 首爾股市, 城市, nor a court's seat
        # A ministry's department by the title of its head after it: 發改委|創新和高技術發展司|司長白某
        Rule("department", "GovernmentAgency", re.compile(
            rf"(?<=[委部局署院])(?P<name>[{HAN}]{{2,12}}?司)(?=(?:副)?司长)"), 0.65),
        # Courts by seat and level: 德州東區聯邦地方法院, 加州北區聯邦地區法院
        Rule("court", "Organization", re.compile(
            rf"(?:(?<=[，,。、；;：:\s“「（(在向于由与和及被据])|^)(?P<name>[{HAN}]{{2,8}}?(?:联邦)?(?:地方|地区|高等|上诉|巡回|破产)法院|(?:国家|地方|初级|高等|推事|地区|最高|联邦|特别|[{HAN}]{{2,6}}地方)法庭)"), 0.7),
        # Long official names right after a clause edge: 國家集成電路產業投資基金, 上海證券交易所科創板上市委員會,
        # 國家創業投資引導基金 (a state fund guiding others' investment)
        Rule("org-long", "Organization", re.compile(
            # (“…。”廣州艾媒數聚信息諮詢股份有限公司CEO: a closing quote ends what came before)
            rf"(?:(?<=[，,。、；;：:\s“「（(与和及将把对向为被由从”」』)）])|^)(?P<name>[{HAN}]{{4,14}}?(?:投资基金|引导基金|基金会|委员会|研究院|研究所|研究中心|创新中心|"
            rf"管理局|监督管理委员会|办公室|协会|联合会)"
            # 北京集成電路產業投資基金, 無錫集成電路產業專項母基金: a fund named for the industry it invests in
            rf"|{FUND_NAME.pattern}"
            # SK海力士半導體有限公司: a registered name may open with a Latin one
            rf"|(?:[a-z]{{2,10}})?[{HAN}]{{4,14}}?(?:集团有限公司|股份有限公司|有限责任公司|有限公司)"
            # 吉存半導體科技（上海）公司, 中芯國際（北京）有限公司: a registered name with its seat in brackets
            # (和泰電子(馬)有限公司: or its country's one-character short name, as Malaysian firms register)
            # (知識城(廣州)產業園發展集團有限公司: or in the middle of it)
            rf"|(?:[a-z]{{2,10}})?[{HAN}]{{4,14}}?[（(](?:[{HAN}]{{2,4}}|[马新港台美中日韩泰越印菲])[)）](?:股份有限公司|有限责任公司|有限公司|公司)"
            rf"|[{HAN}]{{2,14}}?[（(][{HAN}]{{2,4}}[)）][{HAN}]{{2,10}}?(?:集团有限公司|股份有限公司|有限责任公司|有限公司))"), 0.6),
        # A listed company named with its stock code: 同業創意（3443）, 世芯-KY（3661）, 寒武紀（688256.SH）
        Rule("ticker-name", "Company", re.compile(
            # (台塑集團旗下的福懋科（8131）, 與力積電（6770）: after 的 or a joiner too)
            # (晶圓代工廠世界先進（5347）, 台灣公司包括盟立（2464）: after a word for a firm, or one opening a list)
            rf"(?:(?<=[，,。、；;：:\s“「（(的与和及])|^|(?<=同业|大厂|厂商|龙头|业者|个股|股王|公司|企业|旗下|包括|包含|例如|像是)"
            rf"|(?<=代工厂|晶圆厂|封测厂|设备厂|面板厂|芯片厂|晶片厂)(?![商家]))"
            # (，對滬硅產業（688126）持倉: a preposition before the name is no part of it)
            rf"(?!同业|大厂|厂商|龙头|业者|个股|股王|公司|企业|的|包括|包含|例如|像是)对?(?P<name>[{HAN}a-z]{{2,6}}?(?:-ky)?)(?=\s?[(（]\s?(?!(?:19|20)\d\d\s?[)）])\d{{4,6}}(?:\s?[.\-]\s?[a-z]{{2,3}})?\s?[)）])"), 0.7),
        # A partnership by its registered form, after a clause edge, a dash or 為/是: 第一大股東為合肥清輝集電企業管理合夥企業（有限合夥）
        Rule("partnership", "Organization", re.compile(
            rf"(?:(?<=[，,。、；;：:\s“「（(与和及为是—])|^)(?P<name>[{HAN}]{{4,20}}?合伙企业(?:[（(]有限合伙[)）])?)"), 0.7),
        # A body or a scheme named with its abbreviation in brackets: 數碼港人工智能超算中心（AISC）,
        # 人工智能資助計劃（AISS）
        Rule("named-with-abbreviation", "Organization", re.compile(
            # (通訊及多媒體委員會（MCMC）: 及, 與 may join the words of the name itself)
            rf"(?:(?<=[的，,。、；;：:\s“「（(在由将为过])|^)(?P<name>[{HAN}]{{4,14}}?(?:中心|研究院|研究所|实验室|联盟|协会|学会|"
            rf"委员会|管理局|计划|计画|项目|方案|战略|政策|倡议|蓝图))\s?(?=[（(][a-z]{{2,8}}[)）])"), 0.7),
        # Outlets where news cites its source: a paragraph opening with 晴川財經獲悉, an article opening
        # with [晴川新聞], 來源：晴川網 / 本文來自微信公眾號：晴川觀察 lines, 作者：晴川網林某
        Rule("outlet-learned", "MediaOrganization", re.compile(
            rf"(?:(?<=\n)|^)\s*(?P<name>[{HAN}a-z0-9]{{2,10}}?)\s*获悉", re.M), 0.7),
        Rule("outlet-bracket", "MediaOrganization", re.compile(
            rf"(?:(?<=\n)|^)\s*[\[［](?P<name>[{HAN}a-z0-9 ]{{2,16}}?)[\]］]", re.M), 0.75),
        # 晴川智庫報道 alone on the first line, 【晴川智庫導讀】: an outlet signing its story
        Rule("outlet-line", "MediaOrganization", re.compile(
            rf"(?:^|(?<=\n))\s*(?!本报|本刊|本台|本网|记者|综合|编译)(?P<name>[{HAN}a-z0-9]{{2,8}}?)\s*(?:报道|报导|独家报道|讯)\s*(?=\n)"
            rf"|(?:^|(?<=\n))\s*【(?P<name2>[{HAN}a-z0-9]{{2,8}}?)(?:导读|导语|按)】", re.M), 0.75),
        Rule("outlet-source", "MediaOrganization", re.compile(
            rf"(?:(?<=\n)|^)\s*(?:来源|文章来源|本文来源|稿件来源|本文来自(?:微信公众号|公众号)?|转载自)\s*[:：|｜丨]\s*"
            # (來源 | 《晴川》雜誌 作者 | 林某: a bar, the outlet's name in title marks and its kind after them)
            rf"(?P<name>[{HAN}a-z0-9]{{2,12}}?|《[{HAN}a-z0-9]{{2,12}}》(?:杂志|周刊|月刊|日报|新闻)?)"
            rf"\s*(?=[,，。|｜\n]|作者|$)", re.M), 0.75),
        # 沐曦股份(C輪), 芯上微裝(戰略投資), 樂聚機器人(Pre-IPO): a name with the funding round it raised in
        # brackets is a firm's
        Rule("funding-round", "Company", re.compile(
            rf"(?:(?<=[的和与及、，,：:；;\s])|^)(?P<name>(?:(?![的和与及])[{HAN}a-z0-9]){{2,8}}?)\s*[（(]\s*"
            r"(?:pre-?ipo|pre-?[a-f]\+*\s*轮?|天使轮|种子轮|战略投资|战略融资|[a-f]\+*\s*轮|[a-f]\d\s*轮)", re.M), 0.7),
        # 《晴川財經》報導, 據《晴川週報》引述: a title in title marks that reports, cites or says is an
        # outlet (a law or a book reports nothing)
        # (根據《Wccftech》與《朝鮮日報》引述: each title of a list of them that reports)
        Rule("outlet-titled", "MediaOrganization", re.compile(
            rf"《(?P<name>[{HAN}a-z0-9 ]{{2,12}})》(?=\s*(?:与|和|及|、)\s*《[^《》]{{2,12}}》\s*(?:报导|报道|引述|援引|披露|指出|称))"
            rf"|《(?P<name2>[{HAN}a-z0-9 ]{{2,12}})》\s*(?:[\d一二三四五六七八九十]{{1,2}}\s*[日号]\s*)?"
            r"(?:(?:的|最新|独家|日前|近日|也|则|在|稍早|早前)\s*)?"
            # (《中國經營報》記者注意到: its reporter, named or not)
            r"(?:报导|报道|引述|援引|披露|指出|报导指出|报道称|消息|社论|专访|调查|分析|评论|撰文|称|写道|记者|编辑|采访)"), 0.75),
        # 韓國BusinessKorea報導, 科技資訊網站Wccftech周五（13日）報導: a Latin name after its country or a word for
        # an outlet, reporting (a firm announces, it does not report)
        Rule("outlet-latin", "MediaOrganization", re.compile(
            r"(?:(?<=外媒)|(?<=媒体)|(?<=网站)|(?<=韩媒)|(?<=日媒)|(?<=美媒)|(?<=港媒)|(?<=台媒)|(?<=外电)|(?<=国)|(?<=杂志)"
            r"|(?<=日报)|(?<=电视台))\s*(?P<name>[a-z][a-z0-9'’&.]*(?: [a-z][a-z0-9'’&.]*){0,3})\s*"
            r"(?:[（(]?\s*(?:\d{1,2}\s*日|周[一二三四五六日]|星期[一二三四五六日天])\s*[)）]?\s*){0,2}"
            r"(?:(?:的|最新|独家|日前|近日|也|则|稍早|早前)\s*)?(?:报导|报道|引述|援引|披露)"), 0.7),
        # 晴川新聞 |林某 綜合報導: an outlet opening a line, a bar, then its writer
        Rule("outlet-bar", "MediaOrganization", re.compile(
            rf"(?:(?<=\n)|^)\s*(?P<name>[{HAN}a-z0-9]{{2,12}}?(?:新闻网|新闻|日报|网|财经|时报|周刊|晚报|早报))\s*[|｜丨]", re.M), 0.7),
        # 圖、文／晴川週刊, 文丨晴川新聞: an outlet credited for a report's words or pictures on a line of its own
        Rule("outlet-credit", "MediaOrganization", re.compile(
            # (【文/晴川網 林某】: in brackets, its writer after it)
            rf"(?:(?<=\n)|^)\s*[【\[［]?\s*(?:图、文|图文|文字|文|撰文|出品)\s*[／/丨|｜:：]\s*(?P<name>[{HAN}a-z0-9]{{1,10}}?"
            rf"(?:周刊|新闻网|新闻|日报|财经|时报|杂志|网))(?:\s*$|\s*(?=[,，]\s*(?:作者|编辑))|\s+(?=[{HAN}]{{2,4}}\s*[】\]］]))"
            # (文 | 晴川最前線，作者 | 林某: the outlet before a writer credited apart, whatever its words)
            rf"|(?:(?<=\n)|^)\s*(?:文字|文|撰文|出品)\s*[／/丨|｜:：]\s*(?P<name2>[{HAN}a-z0-9]{{2,10}})"
            rf"(?=\s*[,，]\s*作者\s*[／/丨|｜:：])", re.M), 0.7),
        # 【文/晴川網 王一】: the writer after the outlet credited, in the brackets
        Rule("credit-writer", "Person", re.compile(
            rf"[【\[［]\s*(?:图、文|图文|文字|文|撰文)\s*[／/丨|｜:：]\s*[{HAN}a-z0-9]{{1,10}}?"
            rf"(?:周刊|新闻网|新闻|日报|财经|时报|杂志|网)\s+(?P<name>[{HAN}]{{2,4}})\s*[】\]］]"), 0.8),
        Rule("outlet-author", "MediaOrganization", re.compile(
            rf"作者\s*[:：]\s*(?P<name>[{HAN}a-z0-9]{{2,8}}?(?:网|新闻|日报|财经|周刊|资讯|观察))(?=[{HAN}]{{2,3}}(?:$|\n|[\s,，|｜]))", re.M),
            0.7),
        # Whose data, figures or report a text cites: 根據弗若斯特沙利文的資料; whose the sponsor of a listing is
        Rule("cited-source", "Organization", re.compile(
            # (據商業查詢平台天眼查資料: the kind of source before its name is no part of it)
            # (根據萊坊（Knight Frank）最新報告: a short name with its Latin form in brackets, its report the latest)
            # (據StreetAccount預估: a Latin name, longer, before what the source estimates)
            rf"(?:根据|据|依据)(?:[{HAN}]{{0,6}}?(?:平台|网站|机构|智库))?(?:(?P<name>[{HAN}a-z]{{3,10}}?|[a-z][a-z0-9&.\-]{{2,24}}(?: [a-z0-9&.\-]+){{0,3}})"
            rf"|(?P<name2>[{HAN}]{{2,10}}?)\s*[（(][a-z][a-z &.'’\-]{{1,30}}[)）])\s*"
            r"(?:(?:的)?(?:最新|最新的|发布的|年度|季度)?(?:资料|数据|统计|调查|研究报告|报告)(?:显示|指出|称|表示|,|，)"
            r"|(?<=[a-z0-9])\s*(?:的)?(?:预估|预测|估计|估算|统计))"), 0.65),
        Rule("sponsor", "Organization", re.compile(
            rf"(?:(?<=[，,。；;\s、])|^)(?P<name>[{HAN}a-z]{{2,8}}?)(?:为|担任|出任)(?:独家|联席)?(?:保荐人|承销商|主承销商|财务顾问)"), 0.65),
        # An outlet told something, or interviewing: 告訴九派財經, 接受晴川日報專訪, 對晴川新聞表示
        Rule("told-outlet", "MediaOrganization", re.compile(
            rf"(?:告诉|接受|向|对)(?P<name>[{HAN}a-z]{{2,6}}?(?:财经|新闻|日报|时报|晚报|早报|商报|周刊|电视台|通讯社|新闻网))"
            r"(?:记者)?(?:的)?(?:采访|专访|访问|表示|透露|指出|说|[，,：:])"), 0.7),
        # A firm's investing arm named after its kind: 旗下子公司泉泓投資出資…, 母公司晴川投資 (投資 alone ends
        # no name elsewhere: 加大投資)
        Rule("investing-arm", "Company", re.compile(
            rf"(?:子公司|孙公司|母公司|旗下|关联公司|平台)的?(?P<name>(?!的)[{HAN}]{{2,4}}?(?:创业|产业|股权)?投资)"
            r"(?=出资|投资|持有|认购|增资|入股|以|将|拟|已|共|[，,、。；;和与及（(])"), 0.65),
        # Organisations by their form: …公司, …科技, …研究院, …部, …局, …委員會
        Rule("org-suffix", "Organization", re.compile(
            rf"(?P<name>[{HAN}a-z0-9&]{{2,7}}?(?:(?:股份有限公司|有限责任公司|有限公司|科技|集团|股份|公司|研究院|研究所|研究中心|创新中心|实验室|大学|"
            rf"交易所|委员会|协会|联盟|基金会|半导体|微电子|电子|资本|证券|银行|通讯社|电视台|日报|时报|商务部|工业部|外交部|"
            rf"财政部|国防部|监管局|管理局|安全局|局|贸易署|信息部|办公室|法院|智库|资讯|存储|智算|控股|通信|软件|微电|投资基金|基金|创投|投顾|投信|投资顾问|咨询|顾问|实业|汽车|智能|光电))+)(?!权|股东)"   # (控股權: a controlling stake; 控股股東: a controlling shareholder)
            # Kiwoom 證券, Mirae Asset 證券: Latin words, a space, and a house's word
            r"|(?<![a-z0-9])(?P<name2>[a-z][a-z0-9&]{1,15}(?: [a-z][a-z0-9&]{1,15}){0,2} (?:投资证券|证券|银行|资本|资产管理|集团|控股))"), 0.6),
    ]


RULES = _rules()
#: after a code (or a list of codes): the buildings they name (B25、B26、B27機房樓, A3棟, B15機樓)
BUILDINGS_AFTER = re.compile(r"(?:\s*[、和及与]\s*[a-z]{1,2}\d{1,3})*\s*(?:机房楼|机楼|大楼|楼|栋|厂房|号楼|办公楼)")
#: right before a code: the plant it names (新廠M15X, 晶圓廠P5, 工廠F3)
PLANT_BEFORE = re.compile(r"(?:新厂|工厂|晶圆厂|新晶圆厂|厂区|新厂房)\s*$")
#: what a system built of chips is called after its model: scaleX640超節點, Atlas 960集群
SYSTEM_TAIL = re.compile(r"\s?(?:超节点|超级节点|计算集群|集群|一体机|superpod|supercluster)(?![a-z])")
# AI ASIC, 台DRAM, GPGPU: kinds of chip and of memory, no product's name (ontology/lexicon/name-cues.csv)
NOT_PRODUCTS = CueWords("kind-of-product")
# 國產, 該, 一家: words that open a description, never a name (name cues, generic-start)
GENERIC_START = CueWords("generic-start")
# 據, 向, 對: one-character prepositions that open a clause before a name (據晴川集團消息, 向北辰科技採購)
OPENING_PREPOSITIONS = frozenset("据向对把被从给让于")
# 電動, 新能源, 二手: kinds of car before 汽車 (name cues, kind-of-car)
KIND_OF_CAR = CueWords("kind-of-car")
# 具身智能, 類腦智能: kinds of intelligence, named like firms of 智能 (name cues, kind-of-intelligence)
KIND_OF_INTELLIGENCE = CueWords("kind-of-intelligence")
SUFFIX_CLASS = {"交易所": "StockExchange", "大学": "University", "研究院": "ResearchInstitute",
                "研究所": "ResearchInstitute", "研究中心": "ResearchInstitute", "创新中心": "ResearchInstitute",
                "实验室": "ResearchInstitute",
                "智库": "ResearchInstitute", "通讯社": "MediaOrganization", "电视台": "MediaOrganization",
                "日报": "MediaOrganization", "时报": "MediaOrganization"}
# a count, an ordinal or a pointer opening a would-be name (第三地, 兩家, 該): no name starts so
ORDINAL_START = re.compile(r"[第一二两三四五六七八九十几多数各某其该这那\d]")
TIME_WORD = re.compile(r"(?:今年|明年|去年|前年|后年|当年|同年|年初|年底|年中|上半年|下半年|本季|上季|下季|今日|明日|昨日|近年|近期|目前|当前"
                       r"|首日|当日|当天|当晚|同日|次日|翌日)")
COURT = re.compile(r"(?:地方|高等|最高|商业|行政|联邦|地区|中级|高级|人民|巡回|区域|上诉|国家|初级|专利|财产|国际|宪法)法院$"
                   r"|(?:国家|地方|初级|高等|推事|地区|最高|联邦|特别)法庭$")
#: organisation suffixes that are plain nouns too (編程軟件 is software, 星河軟件 a company)
# a suffix that is also a plain noun (科技, 半導體, 設計), when a generic head noun follows it, is a word of a
# longer noun phrase (美國頂尖科技企業, 全球儲存半導體短缺) and ends no name
WORD_SUFFIXES = ("科技", "半导体", "设计", "电子", "微电子", "资本")
# (晴川電子|技術長: 技術 opening a title, chief technology officer, heads no noun of the firm's name)
GENERIC_HEAD = re.compile(r"(?:企业|产业|行业|技术(?![长总])|短缺|领域|板块|巨头|龙头|大厂|厂商|业者|产品|新股|类股|股票|概念|人才|实力|能力|水平|强国|大国"
                r"|封装|封测|制造|设备|材料|套件|工具|服务|方案|平台|流程|规则)")
NOUN_SUFFIXES = ("软件", "设计", "存储", "通信", "资讯", "咨询", "顾问", "智算")
GOV_SUFFIX = ("部", "局", "署", "委员会", "办公室", "法院")


# Words after which a name starts: a policy or event name never opens with a verb or 上 (name cues, left-cut).
LEFT_CUT = CueCut("left-cut")
#: 晴川投資論壇, 中美投資論壇: a gathering's name holds business words (投資 is no verb before it)
LEFT_CUT_EVENT = CueCut("left-cut", leaving=("投资", "控股"))
# In a registered name (上海國有資本投資有限公司) business words are the name's, not verbs before it
#: business words a registered name holds (上海國有資本投資有限公司): no verbs or descriptors before it there
#: 有限公司, 有限責任公司: the legal forms ending a Chinese registered name (股份有限公司 among them)
LIMITED_FORMS = ("有限公司", "有限责任公司", "合伙企业", "合伙企业(有限合伙)", "合伙企业（有限合伙）")
#: 收購, 擬入股, 已完成增資: a verb of buying or selling a firm, or of putting money in after a word of intent
#: or completion (never inside a firm's name; 投資 alone is, 深圳市投資控股有限公司)
DEAL_IN_NAME = re.compile(r"收购|出售|转让|受让|认购|(?:拟|将|已|已经|宣布|完成|计划|正式|决定)(?:完成)?(?:并购|入股|投资|增资|参股)")
GROUP_FORMS = frozenset(("集团", "公司", "有限公司", "股份有限公司", "集团公司", "集团有限公司"))  # 塔塔|集團: the same firm
BUSINESS_WORDS = ("投资", "收购", "入股", "控股", "公司", "集团")


LEFT_CUT_LEGAL = CueCut("left-cut", BUSINESS_WORDS)
POLICY_TAIL = re.compile(r"(?:规定|規定|措施|条例|條例|新规|新規|规则|規則)$")
YEAR_EDGE = re.compile(r"^(?:19|20)\d\d\s*(?:年度?|年)?|\s*(?:19|20)\d\d\s*(?:年度?|年)?$")


# A descriptor before a name ends with one of these: 晶片新創|企業|伺服器廠 + 星河微電子 (name cues, descriptor)
DESCRIPTOR = CueCut("descriptor")
DESCRIPTOR_LEGAL = CueCut("descriptor", BUSINESS_WORDS)
DESCRIPTOR_BODY = CueCut("descriptor", ("企业", "厂商", "机构", "业者", "供应商", "客户", "同业", "公司", "集团", "股东"))
ORG_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "合伙企业", "科技", "集团", "股份", "公司", "半导体", "微电子", "电子", "资本",
                "证券", "银行", "协会", "联盟", "基金会", "资讯", "设计", "存储", "智算", "控股", "通信", "软件", "微电",
                "投资基金", "基金", "创投", "投顾", "投信", "投资顾问", "咨询", "顾问", "汽车", "智能", "光电")
# 設計, 代工, 有限: what ends a description of a firm's trade (name cues, generic-end)
GENERIC_END = CueWords("generic-end")
# 這場, 本屆, 今年: what opens a description of an event (name cues, event-generic-start)
EVENT_GENERIC_START = CueWords("event-generic-start")


#: what a country's name may open without being part of it: its bodies and its acts
AGENCY_LIKE = ("GovernmentAgency", "Legislature", "Policy", "Law")
BODY_OF_COUNTRY = frozenset(AGENCY_LIKE + ("ExportDecision",))


class TakenSpans(list):
    """The (start, end) spans names were taken at, a list as before, that also answers which of them
    overlap a span without reading them all (a long article holds thousands; each candidate asked)."""

    def __init__(self, items=()) -> None:
        super().__init__(items)
        self._seq = 0
        self._order: list[tuple[int, int, int]] = []   # (start, end, order of insertion), sorted
        self._longest = 0
        for a, b in self:
            self._index(a, b)

    def _index(self, a: int, b: int) -> None:
        insort(self._order, (a, b, self._seq))
        self._seq += 1
        self._longest = max(self._longest, b - a)

    def append(self, span: tuple[int, int]) -> None:
        super().append(span)
        self._index(*span)

    def remove(self, span: tuple[int, int]) -> None:
        super().remove(span)
        first = min((x for x in self._order if x[:2] == tuple(span)), key=lambda x: x[2])
        self._order.remove(first)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans overlapping start..end, in the order they were taken (as scanning the list gives them)."""
        lo = bisect_left(self._order, (start - self._longest,))
        hi = bisect_left(self._order, (end,))
        return [(a, b) for a, b, _ in sorted((x for x in self._order[lo:hi] if start < x[1] and x[0] < end),
                                             key=lambda x: x[2])]


class EntityDiscoverer:
    def __init__(self, reference: str | None = None) -> None:
        from kg.nlp.gazetteer import reference_index
        from kg.reference import load_reference
        self.index = reference_index(reference)
        self.reference = load_reference(reference)
        self._prefixes: dict[str, set[str]] | None = None   # (built at first need: _listed_as)

    def resolve(self, name: str) -> str | None:
        """A known entity this new-looking name is a variant of (2025人工智能計算大會 → the AICC)."""
        bare = YEAR_EDGE.sub("", name).strip()
        bare = EVENT_EDGE.sub("", bare).strip()
        # (GAIN AI 法案: a space between the Latin and the Chinese of a name is no part of it)
        spaced = re.sub(r"(?<=[A-Za-z0-9])\s+(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])\s+(?=[A-Za-z0-9])", "", bare)
        plural = re.sub(r"(?<=\d)s$", "", bare)  # H100s, H200s: English plurals of a model
        for variant in (name, bare, POLICY_TAIL.sub("", bare), EVENT_TAIL.sub("", bare).strip(), spaced, plural):
            hits = self.index.lookup(variant) if len(variant) >= 2 else ()
            if hits:
                return hits[0]
        # GTC 2025大會, GTC-2025大會: a known gathering with its year and the word for it after its name
        edition = EVENT_EDITION.sub("", name)
        hits = self.index.lookup(edition) if len(edition) >= 2 and edition != name else ()
        if hits and self.reference.get(hits[0]).cls == "Event":
            return hits[0]
        # 中國國家互聯網信息辦公室: a known body under its country's name is that body; 大陸外交部: a body
        # known under another name of that country (中國外交部) is that body too
        for k in (2, 3, 4):
            place = self.index.lookup(name[:k]) if len(name) - k >= 2 else ()
            country = self.reference.get(place[0]) if place else None
            if country is None or country.coarse != "GPE":
                continue
            rest = self.index.lookup(name[k:]) if len(name) - k >= 4 else ()
            # (瑞士達沃斯世界經濟論壇: a known event under the name of the country it is held in is that event)
            if rest and self.reference.get(rest[0]).cls in AGENCY_LIKE + ("Event",):
                return rest[0]
            names = country.names()
            if country.cls == "City" and name.endswith("部") and (home := self.reference.get(_fact(country, "country") or "")):
                names += home.names()   # 北京外交部, 華府商務部: a capital standing for its government, and a ministry (部) is national
            for other in names:
                hits = self.index.lookup(other + name[k:]) if other != name[:k] else ()
                if hits and self.reference.get(hits[0]).cls in AGENCY_LIKE:
                    return hits[0]
        return None

    def __call__(self, doc: Doc) -> Doc:
        text, folded = texts(doc)
        _drop_known_across_people(doc)
        # 北京時間8月23日, 美東時間: a place naming a time zone is no mention of the place
        doc.spans[ENTITIES] = [sp for sp in doc.spans.get(ENTITIES, []) if not (
            kg_of(sp) and kg_of(sp)["cls"] in PLACE_CLASSES and TIME_ZONE.match(folded, kg_of(sp)["end"]))]
        existing = [s for s in doc.spans.get(ENTITIES, []) if kg_of(s)]
        found = self._candidates(folded, doc)
        spans, taken = [], TakenSpans((kg_of(s)["start"], kg_of(s)["end"]) for s in existing)
        place_spans = {(kg_of(s)["start"], kg_of(s)["end"]) for s in existing if kg_of(s)["cls"] in PLACE_CLASSES}
        by_span = {(kg_of(s)["start"], kg_of(s)["end"]): s for s in existing}
        # longer candidates first, then by rule order, so a policy name beats a shorter org inside it
        for start, end, cls, rule in sorted(found, key=lambda f: (-(f[1] - f[0]), RULE_RANK.get(id(f[3]), -1), f[0])):
            if cls in ("Company", "Organization") and PLACEHOLDER_FIRM.search(folded, start, end):
                continue  # A持C公司35%股份: a letter standing for a firm (C公司) names none, nor ends a name
            clashes = taken.overlapping(start, end)
            if clashes and cls in ("Company", "Organization") and rule.name in ("org-suffix", "org-long", "trained-org") \
                    and all(a >= start and b <= end for a, b in clashes) \
                    and not (rule is LAC_ORG and LATIN_GLOSS.match(text, end)):   # (韓國開發銀行(KDB): glossed whole)
                first = start
                start, rest = self._company_over_known(doc, folded, start, end, clashes, by_span, taken)
                if start != first and self._classify(folded[start:end], rule) is None:
                    continue  # 中國|通用GPU公司: what the country leaves is asked again, and names nothing
                if len(rest) < len(clashes) and folded.endswith(ORG_SUFFIXES, start, end):
                    cls = "Company"
                clashes = rest
            if clashes and rule.name in ("org-suffix", "org-long") and self._of_another_country(doc, start, end, clashes,
                                                                                        by_span, taken):
                clashes = [c for c in clashes if c[0] == start]   # 韓國|經濟日報: Korea's paper, not Taiwan's
            if clashes and rule.cls == "Policy" and any(
                    b == end and by_span.get((a, b)) is not None and by_span[(a, b)]._.kg["cls"] in ("Policy", "Law")
                    and (_plain_word(folded[start:a]) or re.fullmatch(r"[美中日韩台荷欧英德法]?(?:列入|列|纳入|将|把)", folded[start:a])
                         or re.fullmatch(rf"[{HAN}]{{1,4}}", folded[start:a]) and not any(
                             start <= t[0] and t not in clashes for t in taken.overlapping(start, a)))
                    for a, b in clashes):
                # 管理|晶片法案: a verb before a known act names no act of its own; 高端|晶片出口管制: nor does
                # a word describing what it covers (an entity or a date before it may make another act)
                continue
            if clashes and all(a >= start and b <= end and (a, b) != (start, end) for a, b in clashes) and (
                    rule.name == "outlet-line" or cls in ("Organization", "Company") and _transliterated(folded[start:end])
                    and all(by_span.get((a, b)) is not None and kg_of(by_span[(a, b)])["cls"] == "Person" for a, b in clashes)
                    or rule is LAC_PLACE and end - start >= 4 and all(b == end and a > start and (a, b) in place_spans
                                                 and all(c in TRANSLIT for c in folded[start:a]) for a, b in clashes)):
                # 弗若斯特|沙利文: a person's known name inside a longer transliterated name is part of it;
                # 新智元報道: an outlet signing its story is named whole (智元 inside it is no firm); 昆士|蘭州,
                # 布|里斯本: a foreign place the tagger reads whole holds no other place at its end
                doc.spans[ENTITIES] = [s for s in doc.spans.get(ENTITIES, []) if not (
                    kg_of(s) and (kg_of(s)["start"], kg_of(s)["end"]) in clashes)]
                existing = [s for s in existing if (kg_of(s)["start"], kg_of(s)["end"]) not in clashes]
                taken = TakenSpans(t for t in taken if t not in clashes)
                clashes = []
            if clashes:
                # known names inside a longer new name (參議院 in 參議院聽證會, 亞太 in 亞太…研究院) may stand
                # side by side with it; an organisation may only hold a place, and only at its start
                inside = all(a >= start and b <= end for a, b in clashes)
                registered = rule.name == "latin-corporate" and LEGAL_FORM.search(folded, start, end) is not None \
                    or rule.name == "named-with-abbreviation" \
                    or rule.name in ("trained-org", "org-long") and folded.endswith(LIMITED_FORMS, start, end) \
                    and all((a, b) in place_spans for a, b in clashes) and any(a == start for a, _ in clashes)
                # (數碼港人工智能超算中心（AISC）: named whole; 上海浦東創新投資發展(集團)有限公司: a registered
                # name opening with its seat holds the seat's places)
                if not inside or rule.cls not in ("Event", "Policy", "Organization", "MediaOrganization",
                                                  "AdministrativeRegion") and rule.name != "venue" and not registered:
                    continue   # (Joyson Electronic USA LLC: a legal form makes the name whole, a country inside it)
                if rule.cls == "AdministrativeRegion" and not all(a == start and (a, b) in place_spans for a, b in clashes):
                    continue
                if rule.name == "venue" and not all((a, b) in place_spans for a, b in clashes):
                    continue   # (台北南港展覽館: a hall is named after its city and its district)
                if rule.cls in ("Organization", "MediaOrganization") and not registered \
                        and not all(a == start and (a, b) in place_spans for a, b in clashes) \
                        and not (rule.name == "org-long" and folded[start:end].endswith(("委员会", "办公室", "基金会"))) \
                        and not (folded.endswith(AGENCY_UNIT, start, end) and all(
                            a == start and by_span.get((a, b)) is not None
                            and kg_of(by_span[(a, b)])["cls"] == "GovernmentAgency" for a, b in clashes)) \
                        and not (folded.endswith(("大学", "学院", "法院", "法庭"), start, end)
                                 and all((a, b) in place_spans for a, b in clashes)
                                 and not LEFT_CUT.match(folded, start, end)) \
                        and not (rule.name == "org-long" and end - start >= 8 and all((a, b) in place_spans for a, b in clashes)
                                 and not any(t in PREDICATE_TAGS for _, _, t in _lac_inside(doc._.get("lac_words") or [], start, end))):
                    continue   # (尤索夫伊薩東南亞研究院: a long official name may hold a region, if no verb is in it;
                    # 經濟部產業園區管理局: a ministry's bureau opens with the ministry;
                    # 南加州大學, 美國德州東區地方法院: a university or a court is named after its places, wherever
                    # they stand in the name)
            span = self._span(doc, start, end, cls, rule)
            if span is not None:
                spans.append(span)
                taken.append((start, end))
        _as_romanised_known(folded, spans, existing)
        spelled = [span for span in spans if kg_of(span)["rule"] == ACRONYM_RULE.name]
        words = {start: w for start, _, _, w in _acronym_matches(texts(doc)[0])} if spelled else {}
        for span in spelled:   # HPB (Heat Path Block): the words are a name of the thing too
            span._.kg["aliases"] = [words[kg_of(span)["start"]]] if kg_of(span)["start"] in words else []
        # names read whole from their context (a list of holders, a plant, a ranked list) take the place of
        # the names found inside them before
        existing, spans, taken = _in_place_of(doc, existing, spans, taken, *self._holder_lists(doc, folded, spans, existing))
        existing, spans, taken = _in_place_of(doc, existing, spans, taken, *find_facilities(
            doc, folded, existing + spans, lambda a, b: self._span(doc, a, b, "Place", FACILITY_RULE), _plant_kind))
        existing, spans, taken = _in_place_of(doc, existing, spans, taken, *_figure_lists(doc, folded, existing + spans, taken))
        existing, spans, taken = _in_place_of(doc, existing, spans, taken, *self._hyphened_variants(doc, folded, existing, taken))
        spans += self._company_and_seat(doc, folded, existing, taken)
        spans += self._acquired_latin(doc, folded, taken)
        spans += self._propagate(doc, folded, spans, taken)
        _brand_of_named_chips(folded, spans, existing)
        # models named after a short form found only now (曜芯S9 once 曜芯 is known as 曜芯科技)
        extra = []
        for start, end, cls, rule in self._brand_models(folded, spans + existing):
            brand = next(s for s in spans + existing if kg_of(s)["start"] == start and kg_of(s)["cls"] in ORG_CLASSES)
            brand_end = brand._.kg["end"]
            if any(brand_end < b and a < end for a, b in taken):
                continue
            span = self._span(doc, start, end, cls, rule, brand=brand._.kg["key"])
            if span is not None:
                extra.append(span)
                taken.append((start, end))
        extra += self._brand_lines(doc, folded, spans + existing, taken)
        if extra:
            spans = [s for s in spans if not any(kg_of(s)["start"] == kg_of(e)["start"] and kg_of(s)["end"] < kg_of(e)["end"]
                                                 for e in extra)] + extra
            taken = [(kg_of(s)["start"], kg_of(s)["end"]) for s in list(existing) + spans]
            spans += self._propagate(doc, folded, extra, taken)
        by_end: dict[int, Span] = {}
        for sp in spans + existing:  # a person's name wins over another entity ending where it ends
            if kg_of(sp)["end"] not in by_end or kg_of(sp)["cls"] == "Person":
                by_end[kg_of(sp)["end"]] = sp
        for sp in spans:  # the romanised form is the same entity as the name before its bracket: 洛桑科技（Lausanne
            # Tech）names the company, 李湛（Cham Li）the person
            if kg_of(sp)["rule"] == ROMAN_RULE.name and re.match(r"[a-z]", folded[kg_of(sp)["start"]]):
                han = next((by_end[e] for e in range(sp._.kg["start"] - 1, sp._.kg["start"] - 3, -1) if e in by_end), None)
                if han is not None:
                    sp._.kg.update(key=han._.kg["key"], known=han._.kg["known"], cls=han._.kg["cls"])
        own_chips = {(kg_of(sp)["start"], kg_of(sp)["end"]) for sp in spans if kg_of(sp)["cls"] == "Chip"}
        family_models = self._family_models(doc, folded, existing, [t for t in taken if t not in own_chips])
        if family_models:  # 曦雲C700: the family's model, not a bare model C700 beside the family
            models = [(m._.kg["start"], m._.kg["end"]) for _, m in family_models]
            spans = [sp for sp in spans if not any(a <= sp._.kg["start"] and sp._.kg["end"] <= b for a, b in models)]
            replaced = {(f._.kg["start"], f._.kg["end"]) for f, _ in family_models}
            doc.spans[ENTITIES] = [s for s in doc.spans.get(ENTITIES, [])
                                   if not (s._.kg and (s._.kg["start"], s._.kg["end"]) in replaced)]
            spans += [m for _, m in family_models]
        # subsidiaries named after their city, for their parent, or by their place take the place of the
        # names found inside them
        existing, spans, taken = _in_place_of(doc, existing, spans, taken, *self._city_subsidiaries(doc, folded, existing))
        existing, spans, taken = _in_place_of(doc, existing, spans, taken,
                                              *self._subsidiaries_named_for_parent(doc, folded, existing, taken))
        existing, spans, taken = _in_place_of(doc, existing, spans, taken,
                                              *self._place_subsidiaries(doc, folded, existing, taken, spans))
        existing, spans, taken = _in_place_of(doc, existing, spans, taken, *self._group_affiliates(doc, folded, existing, taken))
        spans += self._people_listed(doc, folded, spans + existing, taken)
        spans += self._short_forms(doc, folded, spans, existing, taken)
        governments = self._governments(doc, folded, existing, taken)
        if governments:
            replaced = {(c._.kg["start"], c._.kg["end"]) for c, _ in governments}
            doc.spans[ENTITIES] = [s for s in doc.spans.get(ENTITIES, [])
                                   if not (s._.kg and (s._.kg["start"], s._.kg["end"]) in replaced)]
            spans += [g for _, g in governments]
        spans += self._city_governments(doc, folded, existing + spans)
        spans += self._ministries_of_ministers(doc, folded, existing + spans)
        spans += self._towns_of_regions(doc, folded, existing + spans)
        spans += self._listed_models(doc, folded, existing + spans)
        spans += self._own_country(doc, folded, existing + spans)
        _known_in_brackets(folded, spans, existing)
        _given_name_of_known(doc, folded, spans)
        _first_word_of_named_firm(folded, list(doc.spans.get(ENTITIES, [])) + spans)
        self._seated_bodies(doc, spans)
        self._local_bodies(doc, spans)
        _regional_arms(doc, folded, spans)
        _drop_nested_places(doc, spans)
        self._ministry_of_known_minister(folded, list(doc.spans.get(ENTITIES, [])) + spans)
        self._country_of_bodies(folded, list(doc.spans.get(ENTITIES, [])) + spans)
        self._one_entity_per_name(folded, list(doc.spans.get(ENTITIES, [])) + spans)
        _bare_export_controls(folded, spans, existing)
        _bare_tariffs(folded, spans)
        spans += self._coined_latin_names(doc, folded, list(doc.spans.get(ENTITIES, [])) + spans)
        existing, spans, taken = _in_place_of(doc, existing, spans, taken,
                                              *self._latin_listed_with_firms(doc, list(doc.spans.get(ENTITIES, [])) + spans))
        add_entities(doc, spans)
        # 「中國版輝達」的摩爾線程: a firm named in another's nickname is no mention of it
        doc.spans[ENTITIES] = [sp for sp in doc.spans.get(ENTITIES, []) if not (
            kg_of(sp) and NICKNAME_VERSION.search(folded, max(0, kg_of(sp)["start"] - 5), kg_of(sp)["start"]))]
        return doc

    @staticmethod
    def _city_subsidiaries(doc: Doc, folded: str, existing) -> tuple[list, set]:
        """全資子公司上海寒武紀: a known company's name after its city's, named as a subsidiary, is the
        subsidiary (a company of its own, the known one its parent), wherever the article names it so."""
        by_start = {kg_of(s)["start"]: s for s in existing}
        names: dict[str, str] = {}   # the subsidiary's folded name -> its parent's key
        for p in existing:
            k = by_start.get(kg_of(p)["end"])
            if kg_of(p)["cls"] in ("City", "AdministrativeRegion") and k is not None and kg_of(k)["cls"] == "Company" \
                    and kg_of(k)["known"] and SUBSIDIARY_BEFORE.search(folded, max(0, kg_of(p)["start"] - 8), kg_of(p)["start"]):
                names[folded[kg_of(p)["start"]:kg_of(k)["end"]]] = kg_of(k)["key"]
        out, replaced = [], set()
        for p in existing:
            k = by_start.get(kg_of(p)["end"])
            name = folded[kg_of(p)["start"]:kg_of(k)["end"]] if k is not None else None
            if name not in names:
                continue
            a, b = kg_of(p)["start"], kg_of(k)["end"]
            span = _subsidiary_span(doc, a, b, "city-subsidiary", names[name])
            if span is None:
                continue
            out.append(span)
            replaced |= {(a, kg_of(p)["end"]), (kg_of(k)["start"], b)}
        return out, replaced

    def _subsidiaries_named_for_parent(self, doc: Doc, folded: str, existing, taken) -> tuple[list, set]:
        """子公司拓荊鍵科, 旗下拓荊創益: a subsidiary named after it opens with its parent's short name and
        goes on; the whole is a company of its own, the known one its parent (not a mention of the parent)."""
        names: dict[str, str] = {}   # the subsidiary's folded name -> its parent's key
        for p in existing:
            info = kg_of(p)
            if not (info and info["known"] and info["cls"] == "Company") or \
                    not SUBSIDIARY_BEFORE.search(folded, max(0, info["start"] - 8), info["start"]) or \
                    not re.match(rf"[{HAN}]", folded[info["end"] - 1]):
                continue   # (子公司Altera所帶進的營收: a Latin name goes on in no Chinese characters)
            m = NAMED_FOR_PARENT_TAIL.match(folded[info["end"]:info["end"] + 6])
            a, b = info["start"], info["end"] + (m.end() if m else 0)
            if m is None or self.resolve(folded[a:b]) or _common_word(m.group()) and len(m.group()) >= 2 or \
                    any(a < y and x < b for x, y in taken if (x, y) != (a, info["end"])):
                continue
            names[folded[a:b]] = info["key"]
        out, replaced = [], set()
        for p in existing:   # (…認繳拓荊鍵科新增註冊資本: wherever the article names it so)
            info = kg_of(p)
            if not (info and info["known"] and info["cls"] == "Company"):
                continue
            name = next((n for n in names if folded.startswith(n, info["start"]) and len(n) > info["end"] - info["start"]), None)
            a, b = info["start"], info["start"] + len(name) if name else 0
            if name is None or any(a < y and x < b for x, y in taken if (x, y) != (a, info["end"])):
                continue
            span = _subsidiary_span(doc, a, b, "named-for-parent", names[name])
            if span is None:
                continue
            out.append(span)
            replaced.add((a, info["end"]))
        return out, replaced

    def _group_affiliates(self, doc: Doc, folded: str, existing, taken) -> tuple[list, set]:
        """三星物產, 三星重工業, 三菱電機: a group's known name and the trade of one of its companies, where
        the name ends (a mark or a word after it), is that company, a firm of its own (not the one the
        group's name stands for alone, nor its subsidiary: a sister firm of the group)."""
        out, replaced = [], set()
        for p in existing:
            info = kg_of(p)
            if not (info and info["known"] and info["cls"] == "Company") or not re.match(rf"[{HAN}a-z]", folded[info["end"] - 1]) \
                    or folded.endswith(FIRM_WORDS, info["start"], info["end"]):
                continue   # (G42公司|工程: a name written with its word for a firm is whole)
            m = GROUP_TRADE_AFTER.match(folded, info["end"])
            # (由子公司高通技術收購: after the word for a subsidiary, the parent's name and a trade name it)
            sub = SUBSIDIARY_TRADE.match(folded, info["end"]) if m is None and SUBSIDIARY_BEFORE.search(
                folded, max(0, info["start"] - 6), info["start"]) else None
            m = m or sub
            a, b = info["start"], m.end("trade") if m else 0
            if m is None or self.resolve(folded[a:b]) or any(a < y and x < b for x, y in taken if (x, y) != (a, info["end"])):
                continue
            span = _subsidiary_span(doc, a, b, "group-affiliate" if sub is None else "named-subsidiary",
                                    info["key"] if sub is not None else None, confidence=0.65)
            if span is None:
                continue
            out.append(span)
            replaced.add((a, info["end"]))
        return out, replaced

    @staticmethod
    def _place_subsidiaries(doc: Doc, folded: str, existing, taken, found) -> tuple[list, set]:
        """台積電…亞利桑那子公司, 其熊本子公司: a place's name right before 子公司 names a company's
        subsidiary there, a company of its own (its parent the company named last before it, within
        the paragraph; its seat the place), wherever the article names it so."""
        companies = sorted((kg_of(s)["start"], kg_of(s)["key"]) for s in list(existing) + list(found)
                           if kg_of(s) and kg_of(s)["cls"] == "Company")
        out, replaced = [], set()
        for p in existing:
            info = kg_of(p)
            a, b = info["start"], info["end"] + 3
            if info["cls"] not in ("City", "AdministrativeRegion") or folded[info["end"]:b] != "子公司" or \
                    any(a < y and x < b for x, y in taken if (x, y) != (a, info["end"])):
                continue
            before = [k for start, k in companies if start < a and "\n\n" not in folded[start:a] and a - start < 300]
            parent = before[-1] if before else (companies[0][1] if companies else None)
            span = _subsidiary_span(doc, a, b, "place-subsidiary", parent, inner={**info, "rule": "seat-of-body"}) \
                if parent is not None else None
            if span is None:
                continue
            out.append(span)
            replaced.add((a, info["end"]))
        return out, replaced

    def _people_listed(self, doc: Doc, folded: str, spans, taken) -> list:
        """聯合創始人張鈺勃、周苑均曾於…: a name joined to a person's by 、 or 和, closed by the list's end
        (均, 等, a comma), is a person's too."""
        out = []
        people = sorted((s for s in spans if kg_of(s) and kg_of(s)["cls"] == "Person"), key=lambda s: kg_of(s)["end"])
        for p in people:
            end = kg_of(p)["end"]
            while True:
                m = LISTED_PERSON.match(folded, end)
                if m is None or any(m.start("name") < b and a < m.end("name") for a, b in taken):
                    break
                name = m.group("name")
                if name[0] not in SURNAMES or name in NOT_NAMES or _dictionary_phrase(name) or _common_word(name) \
                        or any(ch in NAME_BREAK for ch in name[1:]):
                    break
                span = char_span(doc, m.start("name"), m.end("name"), "PERSON")
                if span is None:
                    break
                span._.kg = {"key": f"person/{name_key(texts(doc)[0][m.start('name'):m.end('name')])}", "cls": "Person",
                             "known": False, "rule": "listed-person", "confidence": 0.6,
                             "start": m.start("name"), "end": m.end("name")}
                out.append(span)
                taken.append((m.start("name"), m.end("name")))
                end = m.end("name")
        return out

    def _ministry_of_known_minister(self, folded: str, spans) -> None:
        """商務部長盧特尼克: the ministry a bare name before a known minister's title means is his (the
        American one), not the body the reference files the bare name under (China's)."""
        people = {kg_of(s)["start"]: kg_of(s) for s in spans if kg_of(s) and kg_of(s)["cls"] == "Person" and kg_of(s)["known"]}
        for s in spans:
            info = kg_of(s)
            if not info or info["cls"] != "GovernmentAgency":
                continue
            title = re.match(r"(?:副|助理)?部?长|(?:副|助理)?(?:部长|署长|局长|主任)", folded[info["end"]:info["end"] + 4])
            person = people.get(info["end"] + title.end()) if title else None
            known = self.reference.get(person["key"]) if person else None
            post = next((t for p, t in (known.facts if known else ()) if p == "post"), None)
            body = self.reference.get(post) if post and post != info["key"] else None
            name = folded[info["start"]:info["end"]]
            if body is not None and body.cls == "GovernmentAgency" and any(
                    to_simplified(n).lower().endswith(name) for n in body.names()):
                info.update(key=body.id, known=True)

    def _hyphened_variants(self, doc: Doc, folded: str, existing, taken) -> tuple[list, set]:
        """Qwen3-Max, GPT-5-Chat, Gemini-2.5-Pro: a known model with a hyphened variant written onto it
        is a model of its own (its developer the known one's), named whole; so is a known product's short
        name with a sibling's word after it (Atlas 950 SuperCluster, see _sibling_word)."""
        out, replaced = [], set()
        text = texts(doc)[0]
        for known in existing:
            info = kg_of(known)
            if not info or not info["known"] or info["cls"] not in ("AIModel", "Chip", "Product") \
                    or not re.match(r"[A-Za-z0-9]", text[info["end"] - 1:info["end"]]):
                continue
            m = HYPHENED_VARIANT.match(text, info["end"]) or self._sibling_word(info, text)
            if m is None or any(info["end"] < b and a < m.end() for a, b in taken if (a, b) != (info["start"], info["end"])):
                continue
            span = self._span(doc, info["start"], m.end(), info["cls"], FAMILY_RULE)
            if span is None:
                continue
            span._.kg.update(key=f"{info['cls'].lower()}/{name_key(text[info['start']:m.end()])}", known=False)
            developer = _fact(self.reference.get(info["key"]), "developer")
            if developer:
                span._.kg["developer"] = developer
            out.append(span)
            replaced.add((info["start"], info["end"]))
        return out, replaced

    def _sibling_word(self, info: dict, text: str) -> "re.Match | None":
        """Atlas 950 SuperCluster: the short name of a known product (Atlas 950, of Atlas 950 SuperPoD)
        followed by another coined word than the one its full name goes on with names a sibling."""
        m = SIBLING_WORD.match(text, info["end"])
        known = self.reference.get(info["key"]) if m is not None else None
        if known is None:
            return None
        short, word = text[info["start"]:info["end"]].lower(), m.group("word").lower()
        tails = {n.lower()[len(short):].split()[0] for n in known.names()
                 if n.lower().startswith(short + " ") and len(n) > len(short) + 1}
        return m if tails and word not in tails else None

    def _listed_models(self, doc: Doc, folded: str, spans) -> list:
        """昇騰960和970, 曦雲C500、C600: a bare model number listed right after a chip of a family is
        a chip of that family too (its key the family's name and the number); GB200/300, MI350/355:
        one written after a slash is the same maker's, whatever the family."""
        taken = {i for s in spans if kg_of(s) for i in range(kg_of(s)["start"], kg_of(s)["end"])}   # characters named
        text = texts(doc)[0]
        out = []
        for chip in spans:
            info = kg_of(chip)
            if not info or info["cls"] != "Chip":
                continue
            family = info.get("family") or (_fact(self.reference.get(info["key"]), "partOfSeries") if info["known"] else None)
            written = re.match(r"\D+?(?=\s?\d)", text[info["start"]:info["end"]])
            if written is None:
                continue
            developer = _fact(self.reference.get(family), "developer") if family else (
                _fact(self.reference.get(info["key"]), "developer") if info["known"] else info.get("developer"))
            listed = LISTED_MODEL if family else SLASHED_MODEL
            at = info["end"]
            digits = re.search(r"\d+", text[info["start"]:info["end"]])
            # (a grade's words between: a model of as many digits only)
            while (more := listed.match(folded, at)) and \
                    not any(i in taken for i in range(more.start("model"), more.end("model"))) and \
                    not (more.groupdict().get("grade") and (digits is None or
                                                  len(re.match(r"\d+", more.group("model")).group()) != len(digits.group()))):
                span = self._span(doc, more.start("model"), more.end("model"), "Chip", FAMILY_RULE)
                if span is None:
                    break
                full = written.group().strip() + text[more.start("model"):more.end("model")]
                key = name_key(full)
                named = next((k for k in self.index.lookup(key) if self.reference.get(k).cls == "Chip"), None)
                span._.kg.update(key=named or f"chip/{key}", known=named is not None, full_name=full, listed_after=info["key"])
                if family:
                    span._.kg["family"] = family
                if developer and named is None:
                    span._.kg["developer"] = developer
                out.append(span)
                taken.update(range(more.start("model"), more.end("model")))
                at = more.end("model")
        return out

    def _own_country(self, doc: Doc, folded: str, spans) -> list:
        """我国 (our country): Malaysia or Singapore in their Chinese press, by its words; else China in the
        mainland's press, which writes Simplified; 我國 in Taiwan's,
        which writes Traditional, is Taiwan, but not in Hong Kong's, which writes Traditional too:
        a Traditional text written in the mainland's and Hong Kong's words (芯片, 英偉達, 內地, 港元)
        more than in Taiwan's (晶片, 輝達, 大陸, 新台幣) says China."""
        taken = [(kg_of(s)["start"], kg_of(s)["end"]) for s in spans if kg_of(s)]
        out = []
        country = None
        for m in OWN_COUNTRY.finditer(folded):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            if country is None:
                country = _home_of(doc.user_data.get("url")) or _home_by_words(doc, folded)
            known = self.reference.get(country)
            span = char_span(doc, m.start(), m.end(), "GPE") if known is not None else None
            if span is None:
                continue
            span._.kg = {"key": known.id, "cls": known.cls, "known": True, "rule": "own-country", "confidence": 0.8,
                         "start": m.start(), "end": m.end()}
            out.append(span)
        return out

    @staticmethod
    def _seated_bodies(doc: Doc, spans) -> None:
        """上海|三中院, 浙江|證監局: a body named by a short generic name right after a province or a city is
        that place's body, named whole, and so is a registered company's name (杭州|眾硅電子科技有限公司); the
        place is named too, as its seat (an inner mention)."""
        known_places = [s for s in doc.spans.get(ENTITIES, []) if kg_of(s) and kg_of(s)["cls"] in ("AdministrativeRegion", "City")]
        places = {kg_of(s)["end"]: s for s in known_places}
        opening = {kg_of(s)["start"]: s for s in known_places}
        seats = set()
        for s in spans:
            info = kg_of(s)
            place = places.get(info["start"]) if info and not info["known"] else None
            body_start = info["start"] if info else 0
            if place is None and info and not info["known"] and (inside := opening.get(info["start"])) is not None \
                    and 0 < info["end"] - kg_of(inside)["end"] <= 3 and texts(doc)[1][info["end"] - 1] in "局院厅署所":
                place, body_start = inside, kg_of(inside)["end"]   # 浙江證監局 found whole: it opens with its seat
            name = texts(doc)[1][body_start:info["end"]] if place is not None else ""
            # (杭州|眾硅電子科技有限公司: a registered name opens with its seat)
            registered = info["cls"] in ("Organization", "Company") and name.endswith(LIMITED_FORMS)
            if place is None or info.get("inner") or not registered and (
                    info["cls"] not in ("GovernmentAgency", "Organization") or len(name) > 3
                    or not re.search(r"[局院厅署所]$", name)):
                continue   # (吉隆坡|貿工部: a ministry is the country's, wherever it sits)
            # (a registered name's seat is part of its name, not a fact the text states: seat-in-name)
            whole = _seat_and_body(doc, kg_of(place), info, "seat-in-name" if registered else "seat-of-body", s.label_)
            if whole is None:
                continue
            spans[spans.index(s)] = whole
            seats.add((kg_of(place)["start"], kg_of(place)["end"]))
        _drop(doc, [], seats)

    def _local_bodies(self, doc: Doc, spans) -> None:
        """上海市國資委, 深圳市發改委: a Chinese province or city written right before the short name of a
        body of China's central government names that place's own body (China's provinces and cities
        mirror the central commissions), named whole, with the place as its seat (an inner mention)."""
        found = [s for s in list(doc.spans.get(ENTITIES, [])) + spans if kg_of(s)]
        places = {kg_of(s)["end"]: s for s in found if kg_of(s)["cls"] in ("AdministrativeRegion", "City")}
        folded = texts(doc)[1]
        gone = set()
        for body in found:
            info = kg_of(body)
            place = places.get(info["start"])
            if place is None or not info["known"] or info["cls"] != "GovernmentAgency" or info.get("inner") \
                    or info["end"] - info["start"] > 4 or _fact(self.reference.get(info["key"]), "country") != "china" \
                    or folded.endswith("部", info["start"], info["end"]):
                continue   # (北京商務部: provinces and cities mirror the commissions, 委, not the ministries; a 部 is China's)
            seat = kg_of(place)
            home = self.reference.get(seat["key"]) if seat["known"] else None
            if (_fact(home, "country") if home is not None else None) != "china" and not (
                    not seat["known"] and folded.endswith(("省", "市"), seat["start"], seat["end"])):
                continue   # (華盛頓|商務部 is no body of Washington's; a place the reference puts elsewhere neither)
            whole = _seat_and_body(doc, seat, {"cls": "GovernmentAgency", "known": False, "end": info["end"]},
                                   "seat-of-body", "ORG", rule="local-body", confidence=0.7)
            if whole is None:
                continue
            gone |= {(seat["start"], seat["end"]), (info["start"], info["end"])}
            spans.append(whole)
        _drop(doc, spans, gone)

    def _one_entity_per_name(self, folded: str, spans) -> None:
        """新加坡貿易與工業部 … 貿易與工業部, 北辰戰略新品發布會 … 戰略新品發布會, 塔塔集團 … 塔塔: a new name
        that another name of the same kind in the article holds whole, after a place or an
        organisation of the article or before 集團 or 公司, is that entity named short. (Each rule
        found its own, so the article had two nodes for one body, one event, one firm.)"""
        # (not policies: 美國出口管制 and 出口管制 may be the country's rule and the regime at large)
        group_of = {c: "org" for c in ORG_CLASSES | {"MediaOrganization", "Legislature"}} | {"Event": "event"}
        infos = [kg_of(sp) for sp in spans if kg_of(sp) and kg_of(sp)["cls"] in group_of]
        if len(infos) < 2:
            return
        orgs = {folded[i["start"]:i["end"]] for i in infos if group_of[i["cls"]] == "org"}
        names: dict[str, dict] = {}   # each name of the article's entities of these kinds -> the first info naming it
        for info in infos:
            names.setdefault(folded[info["start"]:info["end"]], info)
        holding: dict[str, list[str]] = {}   # a name's proper suffixes and prefixes -> the names holding them, in order
        for name in names:
            for k in range(1, len(name) - 1):
                holding.setdefault(name[k:], []).append(name)
                holding.setdefault(name[:len(name) - k], []).append(name)
        for info in infos:
            short = folded[info["start"]:info["end"]]
            if info["known"] or len(short) < 2:
                continue
            kind, fulls = group_of[info["cls"]], set()
            for name in dict.fromkeys(holding.get(short, ())):
                full = names[name]
                if full["key"] == info["key"] or group_of[full["cls"]] != kind or len(name) <= len(short):
                    continue
                lead = name[:len(name) - len(short)] if name.endswith(short) else None
                if lead is not None and (self._leading_place(name) == len(lead) or kind != "org" and lead in orgs) \
                        or kind == "org" and name.startswith(short) and name[len(short):] in GROUP_FORMS:
                    fulls.add(full["key"])
            if len(fulls) == 1:
                full = names[next(n for n, f in names.items() if f["key"] in fulls)]
                info.update(key=full["key"], cls=full["cls"], known=full["known"])

    def _coined_latin_names(self, doc: Doc, folded: str, found) -> list:
        """MacBook Pro, ChromeOS, YU7, Atlas950 SuperCluster: a run of Latin words shaped as a made thing's
        name (a number in it, a capital inside a word, a grade after a word) names a product wherever it
        stands, with no cue around it. Not a kind or a unit (AI GPU, INT8, PCIe 5), not a firm or a person
        the tagger reads (its ORG, PER), and not a name that speaks or is a firm (DeepSeek表示, LMArena公司).
        A known name opening the run is its maker, not part of it (Apple|Vision Pro); a known name with a
        number glued to it is that thing's figure (NVLink576). Only where no other rule found a name: the
        one that read the context (a list of investors, a brand before a model) knows better."""
        text, words = texts(doc)[0], doc._.get("lac_words") or []
        taken = sorted((kg_of(s)["start"], kg_of(s)["end"], kg_of(s)["cls"]) for s in found if kg_of(s))
        starts = [a for a, _, _ in taken]
        longest = max((b - a for a, b, _ in taken), default=0)
        out = []
        for m in LATIN_RUN.finditer(text):
            start, end = m.span()
            tail, maker = False, False
            # (the names that may overlap the run, found by bisecting: a scan of every name per run grows
            # with the article's length squared)
            near = taken[bisect_left(starts, start - longest):bisect_left(starts, end)]
            for a, b, cls in near:   # (Apple Vision Pro: the known maker opens the run; the product is the rest)
                if a <= start < b:
                    start, tail = b + (1 if text[b:b + 1] == " " else 0), cls not in ORG_CLASSES
                    maker = not tail
                elif start < a < end:
                    end = a - (1 if text[a - 1:a] == " " else 0)
            if (year := re.search(r" (?:19|20)\d\d$", text[start:end])) and text[end:end + 1] == "年":
                end = start + year.start()   # (五大CSP 2026年的資本支出: a year after the run is no model number)
            name = text[start:end]
            parts = name.split(" ")
            pieces = [w.lower() for w in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", name)]
            if tail or pieces and name[:1].isalpha() and pieces[0] in ("the", "of", "and", "for", "a", "an") or any(
                    re.fullmatch(CORPORATE_WORDS, w) or len(w) >= 4 and self._place_name(w) for w in pieces):
                continue   # (Atlas950|SuperCluster: the rest of a product found; TheFuture: English words;
                # BusinessKorea, NEOSemiconductor, ChinaOrient: a firm's name holds a place or a firm's word)
            # (Intel 18A: after its maker's name, a node or a model may open with its number)
            if end - start < 2 or not (re.match(r"[A-Za-z]", name) or maker and MAKERS_CODE.fullmatch(name)) \
                    or any(p.lower() in NOT_PRODUCTS for p in parts[:1]) \
                    or re.search(r"[A-Za-z]+", name).group().lower() in _metric_words() \
                    or name.lower() in NOT_PRODUCTS or LATIN_NOT_NAME.fullmatch(name) or LATIN_NOT_NAME.fullmatch(parts[0]) \
                    or LATIN_RULE_WORD.search(text, max(0, m.start() - 12), min(len(text), m.end() + 12)):
                continue
            shaped = (re.search(r"\d", name) and len(re.sub(r"[^A-Za-z]", "", name)) >= 1 and len(name) >= 2) \
                or any(COINED_WORD.search(p) and len(p) >= 5 for p in parts) \
                or len(parts) >= 2 and parts[-1] in LATIN_GRADE and len(parts[0]) >= 2 and parts[0][0].isupper()
            if not shaped or re.fullmatch(r"[A-Za-z][\-.]?\d?", name):
                continue   # (M4, A1, F-1: a letter and a digit are as often a grade, a form or a visa as a chip)
            if {t for _, _, t in _lac_overlapping(words, start, end)} & {"ORG", "PER", "LOC"} \
                    or VERB_AFTER.match(folded, end) or FIRM_AFTER_NAME.match(folded, end) or NOT_A_PRODUCT_AFTER.match(folded, end) \
                    or BUILDINGS_AFTER.match(folded, end):
                continue   # (a firm, a person, a place the tagger reads; a name that speaks, a firm's; a visa, an act;
                # B25、B26機房樓: buildings)
            if re.fullmatch(r"[A-Za-z]+\d+", name) and self.index.lookup(re.match(r"[A-Za-z]+", name).group().lower()) \
                    and not self.resolve(name):
                continue
            # (SkyeChip成立於2019年: a name founded, or seated somewhere, is a firm's; 高於StreetAccount預期的:
            # one that expects or estimates is a body that forecasts, no product)
            cls = "Company" if FOUNDED_AFTER.match(folded, end) else "Organization" if FORECASTS_AFTER.match(folded, end) \
                else "Product"
            span = self._span(doc, start, end, cls, BARE_LATIN_RULE)
            if span is not None:   # (within its run: no later run can overlap it)
                out.append(span)
        return out

    def _latin_listed_with_firms(self, doc: Doc, found) -> tuple[list, set]:
        """與Stellantis、NVIDIA、Uber攜手: a capitalised Latin name listed (、 和 與 及) right beside a
        company is a company too, however plain its word (no acronym of the trade: AI、GPU); one listed
        beside an outlet is an outlet (MarketWatch、Wccftech等外電報導)."""
        text = texts(doc)[0]
        named = sorted((kg_of(s)["start"], kg_of(s)["end"], kg_of(s)["cls"]) for s in found if kg_of(s))
        firms = [(a, b, cls) for a, b, cls in named if cls in ("Company", "MediaOrganization")]
        # (…、IBM、NielsenIQ、Roboflow: a coined Latin word read as a product alone is a firm in a list of firms)
        coined = {(kg_of(s)["start"], kg_of(s)["end"]) for s in found if kg_of(s) and kg_of(s)["rule"] == BARE_LATIN_RULE.name}
        taken = [(a, b) for a, b, _ in named if (a, b) not in coined]
        out, seen, replaced = [], set(), set()

        def free(a: int, b: int) -> bool:
            return not any(x < b and a < y for x, y in taken) and (a, b) not in seen

        def add(a: int, b: int, cls: str) -> bool:
            name = text[a:b]
            if _trade_acronym(name) or name.lower() in NOT_PRODUCTS or name.lower() in GRADE_WORDS or not free(a, b):
                return False
            span = self._span(doc, a, b, cls, LATIN_LISTED_RULE)
            if span is None:
                return False
            out.append(span)
            seen.add((a, b))
            replaced.update((x, y) for x, y in coined if x < b and a < y)
            return True
        for a, b, cls in firms:
            pos = b
            while (m := LATIN_AFTER_MEMBER.match(text, pos)) is not None and add(m.start("name"), m.end("name"), cls):
                pos = m.end("name")
            pos = a
            while (m := LATIN_BEFORE_MEMBER.search(text, max(0, pos - 40), pos)) is not None and m.end() == pos \
                    and add(m.start("name"), m.end("name"), cls):
                pos = m.start("name")
        return out, replaced

    def _place_name(self, word: str) -> bool:
        """Whether the reference knows word as a place's name first."""
        hits = self.index.lookup(word)
        return bool(hits) and self.reference.get(hits[0]).coarse in ("GPE", "LOC")

    def _country_of_bodies(self, folded: str, spans) -> None:
        """美國商務部, 美國實體清單: a government body or a rule named with its country's name first names
        the country too (the reference may know the whole name as one)."""
        have = {(kg_of(s)["start"], kg_of(s)["end"]) for s in spans if kg_of(s)}
        for s in spans:
            info = kg_of(s)
            if not info or info["cls"] not in BODY_OF_COUNTRY:
                continue
            k = self._leading_place(folded[info["start"]:info["end"]], "Country")
            a, b = info["start"], info["start"] + k
            if k and (a, b) not in have:
                # (a span of its own cannot lie inside the body's token: the mention rides on the body's)
                info["inner"] = {"key": self.index.lookup(folded[a:b])[0], "cls": "Country", "known": True,
                                 "rule": "country-of-body", "confidence": 0.8, "start": a, "end": b}
                have.add((a, b))

    @staticmethod
    def _company_over_known(doc: Doc, folded: str, start: int, end: int, clashes, by_span, taken):
        """A new company's name over known ones: a country opening it is no part of it (美國|星曜半導體
        公司: the country stays a mention of its own); a university's short name before a corporate
        word is the company's (上海復旦微電子: a company, not Fudan University). by_span: the article's
        known mentions by their offsets, made once per article."""
        lead = next((c for c in clashes if c[0] == start and by_span.get(c) is not None
                     and by_span[c]._.kg["cls"] == "Country"), None)
        if lead is not None and end - lead[1] >= 4 and folded.endswith(ORG_SUFFIXES, start, end) and \
                not folded.endswith(LIMITED_FORMS, start, end) and \
                not folded.endswith(NATIONAL_BODIES.tuple(), start, end) and not folded.endswith("总公司", start, end):
            # (中國農業銀行股份有限公司: registered whole; 中國煙草總公司: a state firm named with its country)
            start, clashes = lead[1], [c for c in clashes if c != lead]
        # 江蘇|興化|漢騰科技: a province and a city opening a firm's unregistered name say where it is; the
        # places stay mentions of their own
        pos, places = start, []
        while (c := next((c for c in clashes if c[0] == pos and by_span.get(c) is not None
                          and by_span[c]._.kg["cls"] in PLACE_CLASSES), None)) is not None:
            places.append(c)
            pos = c[1]
        if len(places) >= 2 and end - pos >= 4 and folded.endswith(ORG_SUFFIXES, start, end) and \
                not folded.endswith(LIMITED_FORMS, start, end) and \
                not folded.endswith(NATIONAL_BODIES.tuple(), start, end):
            start, clashes = pos, [c for c in clashes if c not in places]
        parent = next((c for c in clashes if c[0] == start and by_span.get(c) is not None
                       and by_span[c]._.kg["cls"] == "Company"), None)
        middle = re.sub(r"(?:集团|控股|股份)*(?:股份有限公司|有限责任公司|有限公司)$", "", folded[parent[1]:end]) \
            if parent is not None else ""
        if len(middle) >= 2 and not re.search(r"[()（）]", middle) and middle != folded[parent[1]:end]:
            # 三星中國半導體有限公司, 英特爾半導體有限公司: a registered subsidiary, its parent named first; the
            # parent stays a mention of its own, a place inside is the name's (台積電股份有限公司 is the parent's
            # own name)
            clashes = [c for c in clashes if c != parent and not (by_span.get(c) is not None
                                                                  and by_span[c]._.kg["cls"] in PLACE_CLASSES)]
        if re.search(r"[（(][^()（）]{2,4}[)）](?:股份有限公司|有限责任公司|有限公司|公司)$", folded[start:end]):
            # 中芯國際（北京）公司: a registered subsidiary, its parent and its seat named inside it; the parent
            # stays a mention of its own, the seat is the name's
            seat = folded.rfind("(", start, end) if "(" in folded[start:end] else folded.rfind("（", start, end)
            clashes = [c for c in clashes if not (c[0] == start and by_span.get(c) is not None
                                                  and by_span[c]._.kg["cls"] == "Company") and not seat < c[0]]
        academic = [c for c in clashes if by_span.get(c) is not None
                    and by_span[c]._.kg["cls"] in ("University", "ResearchInstitute")
                    and re.match(r"(?:微电子|电子|科技|半导体|集团|股份|控股|信息|软件)", folded[c[1]:end])]
        if academic:
            drop = set(academic)
            doc.spans[ENTITIES] = [s for s in doc.spans.get(ENTITIES, [])
                                   if not (s._.kg and (s._.kg["start"], s._.kg["end"]) in drop)]
            for c in academic:
                taken.remove(c)
            clashes = [c for c in clashes if c not in drop]
        return start, clashes

    def _short_forms(self, doc: Doc, folded: str, spans, existing, taken) -> list:
        """美國司法部 … 司法部稱: a known organisation of this article named again without its leading
        place is the same organisation, whether a rule found the short name as new or nothing did."""
        orgs = ORG_CLASSES | {"GovernmentAgency", "MediaOrganization"}
        known: dict[str, dict] = {}
        foreign_home: dict[str, str] = {}  # 商務部 → mofcom, where this article's 商務部 is another country's
        for sp in existing:
            info = kg_of(sp)
            if info["known"] and info["cls"] in orgs:
                name = folded[info["start"]:info["end"]]
                lead = self._leading_place(name)
                tail = name[lead:]
                if not lead or len(tail) < 3 or _common_word(tail):
                    continue
                home = self.index.lookup(tail)
                if not home:
                    known.setdefault(tail, info)
                elif self._other_home(info["key"], home[0], tail, folded, texts(doc)[0]):
                    known.setdefault(tail, info)
                    foreign_home[tail] = home[0]
        # 江蘇省|半導體行業協會 beside 中國半導體行業協會: the body of another place named right before it
        place_at = {kg_of(sp)["end"]: kg_of(sp)["key"] for sp in existing if kg_of(sp)["cls"] in PLACE_CLASSES}

        def other_place(pos: int, full: dict) -> bool:
            lead = self.index.lookup(folded[full["start"]:full["start"] + self._leading_place(
                folded[full["start"]:full["end"]])])
            return pos in place_at and place_at[pos] not in lead
        for sp in spans:
            info = kg_of(sp)
            full = known.get(folded[info["start"]:info["end"]]) if not info["known"] else None
            if full is not None and info["cls"] in orgs and not other_place(info["start"], full):
                info.update(key=full["key"], cls=full["cls"], known=True)
        for sp in existing:  # the bare name the reference gives the home ministry: this article's is the other one
            info = kg_of(sp)
            tail = folded[info["start"]:info["end"]] if info else None
            if tail in foreign_home and info["key"] == foreign_home[tail] and not other_place(info["start"], known[tail]):
                # (大陸|商務部 after 美國商務部: the country named before it says whose it is)
                full = known[tail]
                info.update(key=full["key"], cls=full["cls"], known=True, rule="short-form")
        out = []
        for tail, full in known.items():
            for m in re.finditer(re.escape(tail), folded):
                if any(a < m.end() and m.start() < b for a, b in taken) or other_place(m.start(), full):
                    continue
                span = char_span(doc, m.start(), m.end(), CLASS_LABEL.get(full["cls"], "ORG"))
                if span is None:
                    continue
                span._.kg = {**full, "rule": "short-form", "confidence": 0.7, "start": m.start(), "end": m.end()}
                out.append(span)
                taken.append((m.start(), m.end()))
        return out

    def _governments(self, doc: Doc, folded: str, existing, taken) -> list:
        """大陸政府, 荷蘭當局, 新加坡警方: a country's name before 政府, 當局, 警方, 檢方, 海關 or 軍方
        names that body of the country, the one the reference data knows under another spelling of
        the country (中國政府) or a new one; a known leader's name before 政府 names the leader's
        administration (川普政府)."""
        out = []
        leaders = []
        for country in existing:
            info = kg_of(country)
            if info["cls"] == "Person" and folded.startswith("政府", info["end"]):
                if not PERSON_TITLE.search(folded[max(0, info["start"] - 4):info["start"]]):
                    leaders.append(country)   # (美國總統川普政府: the president is named, by title)
                continue
            # (上海警方, 江蘇警方: a province's or a city's police and prosecutors are its bodies too; 台北市政府,
            # 高雄市府, 新竹縣政府: its government)
            local = LOCAL_GOVERNMENT.match(folded, info["end"] - 1 if folded[info["end"] - 1] in "市县" else info["end"]) \
                if info["cls"] in ("AdministrativeRegion", "City") else None
            if not (info["cls"] == "Country" and GOVERNMENT.match(folded, info["end"])
                    or info["cls"] in ("AdministrativeRegion", "City") and LOCAL_FORCE.match(folded, info["end"])
                    or local is not None and local.end() > info["end"]):
                continue
            end = local.end() if local is not None and local.end() > info["end"] else info["end"] + 2
            other = next((s for s in existing if kg_of(s)["start"] == info["end"] and kg_of(s)["end"] == end
                          and folded[info["end"]:end] in PARLIAMENT and kg_of(s)["known"]), None)
            if other is not None:
                if ("country", info["key"]) in self.reference.get(kg_of(other)["key"]).facts:
                    continue   # 美國|國會: the country's own, named as the reference names it
                # 日本|國會: not the parliament 國會 alone stands for, but Japan's
                doc.spans[ENTITIES] = [s for s in doc.spans.get(ENTITIES, []) if not (
                    kg_of(s) and (kg_of(s)["start"], kg_of(s)["end"]) == (info["end"], end))]
                taken = [t for t in taken if t != (info["end"], end)]
            if any(a < end and info["end"] < b for a, b in taken):
                continue
            known = self.reference.get(info["key"]) if info["known"] else None
            spellings = known.names() if known is not None else [folded[info["start"]:info["end"]]]
            word = folded[info["end"]:end]
            words = (word, "政府") if word == "当局" else (word,)  # the authorities: the government
            cls = "Legislature" if word in PARLIAMENT else "GovernmentAgency"
            hit = next((h for w in words for n in spellings for h in self.index.lookup(n + w)[:1]
                        if self.reference.get(h).cls == cls), None)
            span = char_span(doc, info["start"], end, "ORG")
            if span is None:
                continue
            name = texts(doc)[0][info["start"]:end]
            span._.kg = {"key": hit or f"{cls.lower()}/{name_key(name)}", "cls": cls,
                         "known": hit is not None, "rule": GOVERNMENT_RULE.name,
                         "confidence": GOVERNMENT_RULE.confidence, "start": info["start"], "end": end}
            out.append((country, span))
        for leader in leaders:
            # 川普政府, 拜登政府: a leader's administration, a body of its own (not the person, nor the country's
            # government: 拜登政府 and 美國政府 in one article are two administrations)
            info = kg_of(leader)
            end = info["end"] + 2
            if any(a < end and info["end"] < b for a, b in taken):
                continue
            span = char_span(doc, info["start"], end, "ORG")
            if span is None:
                continue
            name = texts(doc)[0][info["start"]:end]
            span._.kg = {"key": f"governmentagency/{name_key(name)}", "cls": "GovernmentAgency", "known": False,
                         "rule": ADMINISTRATION_RULE.name, "confidence": ADMINISTRATION_RULE.confidence,
                         "start": info["start"], "end": end,
                         # (the leader is named too, inside: an entity of the article that joins no frame)
                         "inner": {**info, "rule": "leader-of-administration"}}
            out.append((leader, span))
        return out

    def _city_governments(self, doc: Doc, folded: str, found) -> list:
        """高市府表示, 北市府指出: a city's or a county's government named by the first character or two
        of the place (as Taiwan's papers write), where no other name covers it."""
        taken = [(kg_of(s)["start"], kg_of(s)["end"]) for s in found if kg_of(s)]
        out = []
        for m in CITY_GOVERNMENT.finditer(folded):
            start, end = m.span("name")
            if any(a < end and start < b for a, b in taken):
                continue
            span = self._span(doc, start, end, "GovernmentAgency", CITY_GOVERNMENT_RULE)
            if span is not None:
                out.append(span)
                taken.append((start, end))
        return out

    def _towns_of_regions(self, doc: Doc, folded: str, found) -> list:
        """維吉尼亞州斯特林（Sterling）: a transliterated name right after a known state or province, glossed
        with its Latin name in brackets, is a town there."""
        taken = [(kg_of(s)["start"], kg_of(s)["end"]) for s in found if kg_of(s)]
        text = texts(doc)[0]
        out = []
        for s in found:
            info = kg_of(s)
            if not info or not info["known"] or info["cls"] != "AdministrativeRegion":
                continue
            m = TOWN_AFTER_REGION.match(folded, info["end"])
            if m is None or not re.match(r"[A-Z]", text[m.start("latin"):m.end("latin")]) or \
                    any(a < m.end("name") and m.start("name") < b for a, b in taken):
                continue
            span = char_span(doc, m.start("name"), m.end("name"), "GPE")
            if span is not None:
                span._.kg = {"key": f"place/{name_key(text[m.start('name'):m.end('name')])}", "cls": "City", "known": False,
                             "rule": "town-of-region", "confidence": 0.65, "start": m.start("name"), "end": m.end("name")}
                out.append(span)
                taken.append((m.start("name"), m.end("name")))
        return out

    def _ministries_of_ministers(self, doc: Doc, folded: str, found) -> list:
        """經濟產業大臣西村康稔: a Japanese minister's title names the ministry (經濟產業省) by its words
        before 大臣, when the reference knows a ministry so named; the words are that ministry's mention."""
        taken = [(kg_of(s)["start"], kg_of(s)["end"]) for s in found if kg_of(s)]
        out = []
        for m in MINISTER_TITLE.finditer(folded):
            end = m.start()
            for start in range(max(0, end - 6), end - 1):
                known = [k for k in self.index.lookup(folded[start:end] + "省")
                         if self.reference.get(k).cls == "GovernmentAgency"]
                if known and not any(a < end and start < b for a, b in taken):
                    span = char_span(doc, start, end, "ORG")
                    if span is not None:
                        span._.kg = {"key": known[0], "cls": "GovernmentAgency", "known": True, "rule": "minister-of-ministry",
                                     "confidence": 0.7, "start": start, "end": end}
                        out.append(span)
                        taken.append((start, end))
                    break
        return out

    def _holder_lists(self, doc: Doc, folded: str, spans, existing) -> tuple[list, set]:
        """股東包括聯和投資、香港威盛、威盛上海和威盛深圳: the members of a list of shareholders, investors or
        buyers (a clause about stakes, capital or a transfer, one member already an organisation) are
        organisations, each whole (香港威盛 is one, not Hong Kong and 威盛). Returns the new spans and
        the spans found before inside them (to drop)."""
        found = [s for s in list(existing) + list(spans) if kg_of(s)]
        orgs = [(kg_of(s)["start"], kg_of(s)["end"]) for s in found if kg_of(s)["cls"] in ORG_CLASSES]
        people = [(kg_of(s)["start"], kg_of(s)["end"], kg_of(s)["cls"]) for s in found
                  if kg_of(s)["cls"] not in ORG_CLASSES | PLACE_CLASSES]
        out, inside = [], set()
        words, verbs = doc._.get("lac_words") or [], _dictionary_verbs()
        for m in HOLDER_LIST.finditer(folded):
            cs = max(folded.rfind(c, 0, m.start()) for c in "，,。；;：:\n") + 1
            ce = min((i for i in (folded.find(c, m.end()) for c in "，,。；;\n") if i >= 0), default=len(folded))
            members = _list_members(folded, m.start(), m.end(), ce, words)
            # 等頭部公募基金: a list of firms of a kind, each member one
            of_firms = bool(members) and (KIND_AFTER_LIST.match(folded, members[-1][1]) is not None
                                          # VC機構包括A、B、C: or the word opening it
                                          or KIND_BEFORE_LIST.search(folded, max(cs, members[0][0] - 12), members[0][0]) is not None
                                          # 客戶包括Zentra、Molvix和Quorra: Latin names a list of clients opens
                                          or CLIENTS_BEFORE_LIST.search(folded, max(cs, members[0][0] - 12), members[0][0]) is not None
                                          and all(re.fullmatch(r"[a-z][a-z0-9 .&\-]*", folded[a:b]) for a, b in members))
            # 引入A、B及C，合共18名基石投資者: the clause after the list may say what its members are
            after = min((i for i in (folded.find(c, ce + 1) for c in "，,。；;\n") if i >= 0), default=len(folded))
            summed = ce < len(folded) and folded[ce] in "，," and LIST_CLOSING.match(folded, ce + 1) is not None \
                and HOLDING_CLAUSE.search(folded, ce + 1, after) is not None
            if len(MEMBER_MARK.findall(m.group())) < 2 and not of_firms and len(members) < 3:
                continue   # 圣邦微、納芯微等本土企業: two joined by 、 only when the list's closing calls them firms
                # (A、B及C: three, the last joined by 及, are a list)
            if not of_firms and not summed and not HOLDING_CLAUSE.search(folded, cs, ce):
                continue
            # (a list its closing calls firms, 等15家機構, needs no member known as one; two members need it)
            if len(members) < (2 if of_firms else 3) or \
                    not (of_firms or any(any(a <= x and y <= b for x, y in orgs) for a, b in members)):
                continue
            for a, b in members:
                if b - a > 3 and folded[a] in "而并且但或":
                    a += 1   # 而|TCL中環、立昂微…: a word joining the clause to the one before opens the list
                if any(y == b and 0 < x - a <= 2 for x, y in orgs):
                    continue   # 從|豐田、索尼等: a word before a name found already opens the list, no part of it
                inner = [(x, y) for x, y in orgs if a <= x and y <= b and (x, y) != (a, b)]
                if len(inner) >= 2 or any(
                        (x == a or y == b) and not (x == a and INVESTING_TAIL.fullmatch(folded, y, b))
                        and ("股东" in folded[a:b] or any(
                            t.startswith("v") for _, _, t in _lac_inside(words, y, b) if x == a) or any(
                            w in verbs for w in _cut(folded[y:b] if x == a else folded[a:x]) if len(w) >= 2))
                        for x, y in inner):
                    continue   # 南亞科大股東|台塑, 台塑化|逢高調節: a name found already, and a relation or a verb beside it
                if any(y == b and x > a and PHRASE_BEFORE_MEMBER.search(folded, a, x) for x, y in inner):
                    continue   # 由一批在|英特爾、Altera…: a preposition or a count before a name found, no part of it
                name = folded[a:b]
                if folded[a - 1:a] in (")", "）") or any(x < a < y for x, y in orgs):
                    continue   # 上海國盛(集團)|有限公司: the rest of a name after its bracket, or of a name found
                # (a product's or policy's short name strictly inside a member, 建|信創|投, yields to it)
                if (a, b) in orgs or any(x < b and a < y and (c == "Person" or not (a <= x and y <= b and y - x < b - a))
                                         for x, y, c in people) or not re.fullmatch(
                        rf"(?:[{HAN}a-z0-9]{{2,8}}|[a-z][a-z0-9]{{2,19}})(?: [a-z0-9]+){{0,3}}(?:[（(][{HAN}]{{2,3}}[)）])?", name) \
                        or _common_word(name) or name in GENERIC or any(ch in "的了着过" for ch in name) \
                        or (not of_firms and all(len(w) >= 2 and _common_word(w) for w in _cut(name))) \
                        or any(t == "v" and y < b and folded[x:y] in verbs for x, y, t in _lac_inside(words, a, b)):
                    # 股權投資、投資管理: activities; 私募基金從事股權投資: a verb inside, a phrase
                    continue
                span = _organization_span(doc, a, b, HOLDER_LIST_RULE)
                if span is None:
                    continue
                out.append(span)
                inside |= {(kg_of(s)["start"], kg_of(s)["end"]) for s in found
                           if a <= kg_of(s)["start"] and kg_of(s)["end"] <= b}
        return out, inside

    def _reporters(self, folded: str) -> list[tuple[int, int, str, "Rule"]]:
        """記者張建中／台北報導, （中央社記者張建中新竹10日電）, 本報記者王若琳上海報道: the reporter's name
        runs until a place, a date, 電 or 報導 begins."""
        out = [(m.start("name"), m.end("name"), "Person", REPORTER_RULE) for m in BRACKET_OUTLET_REPORTER.finditer(folded)
               if m.group("name")[0] in SURNAMES and m.group("name") not in NOT_NAMES]
        for m in REPORTER.finditer(folded):
            start = m.end()
            for length in (3, 2):
                end = start + length
                rest = folded[end:end + 6]
                name = folded[start:end]
                if len(name) < length or not re.fullmatch(rf"[{HAN}]+", name) or name[0] not in SURNAMES or name in NOT_NAMES \
                        or name[:2] in _dictionary_verbs():   # 記者關注到: a verb after 記者, no name
                    continue
                # (每經編輯:文某 ending the text: the name ends with it)
                if re.match(r"[\d/／|｜\s、,，)）】]|电|报导|报道|综合|摄|编译|$", rest) or any(
                        self.index.lookup(rest[:k]) and self.reference.get(self.index.lookup(rest[:k])[0]).coarse
                        in ("GPE", "LOC") for k in (2, 3, 4)):
                    out.append((start, end, "Person", REPORTER_RULE))
                    # （記者張曉明、李雪）: the reporters named with the first
                    pos = end
                    while (co := CO_REPORTER.match(folded, pos)) and co["co"][0] in SURNAMES and co["co"] not in NOT_NAMES:
                        out.append((co.start("co"), co.end("co"), "Person", REPORTER_RULE))
                        pos = co.end()
                    break
        return out

    def _datelines(self, folded: str) -> list[tuple[int, int, str, "Rule"]]:
        """央廣網北京1月23日消息, 快科技7月27日消息, （中央社記者張建中新竹10日電）: the outlet that
        opens a dateline is a media organisation (a place named before the date is not)."""
        out = []
        for m in list(BYLINE_OUTLET.finditer(folded)) + list(BYLINE_LINE_OUTLET.finditer(folded)) + \
                list(BRACKET_OUTLET_REPORTER.finditer(folded)):
            # （晶訊財經記者王柏翰／綜合報導）, 中經記者 孫汝祥: the outlet its reporter writes for
            head = m.group("head")
            if "记者" in head or "编辑" in head:
                continue
            hits = self.index.lookup(head)
            if not hits or self.reference.get(hits[0]).coarse not in ("GPE", "LOC"):
                out.append((m.start("head"), m.end("head"), "MediaOrganization", DATELINE_RULE))
        for m in DATELINE.finditer(folded):
            group = "head" if m.group("head") else "outlet"
            head = m.group(group)
            head = re.sub(r"(?:本报|本刊|特约|实习)?记者.*$", "", head)
            head = TIME_ZONE_END.sub("", head)  # 新唐人北京時間2025年5月17日訊: the zone of the date
            place_cut = False
            for k in (4, 3, 2):  # a known place right before the date: 北京, 新竹
                hits = self.index.lookup(head[-k:]) if len(head) > k else ()
                if hits and self.reference.get(hits[0]).coarse in ("GPE", "LOC"):
                    head, place_cut = head[:-k], True
                    break
            head = head.strip()
            if len(head) <= 3 and not place_cut and not self.index.lookup(head) and \
                    not head.endswith(("社", "网", "报", "台", "刊", "闻")):
                continue  # （布城13日訊）: a short unknown head is the place the story is filed from, no outlet
            if 2 <= len(head) <= 8 and not (self.index.lookup(head) and
                                            self.reference.get(self.index.lookup(head)[0]).coarse in ("GPE", "LOC")):
                start = m.start(group)
                out.append((start, start + len(head), "MediaOrganization", DATELINE_RULE))
        return out

    def _of_another_country(self, doc: Doc, start: int, end: int, clashes, by_span, taken) -> bool:
        """韓國經濟日報: a country's name, then the whole name of a known body the reference files under
        another country, is that country's body of the same name (a new one): the known mention goes."""
        if len(clashes) != 2:
            return False
        lead, known = sorted(clashes)
        place, body = by_span.get(lead), by_span.get(known)
        if place is None or body is None or lead[0] != start or known != (lead[1], end) \
                or place._.kg["cls"] != "Country" or not body._.kg["known"] \
                or body._.kg["cls"] not in ORG_CLASSES | {"MediaOrganization", "GovernmentAgency"}:
            return False
        home = dict(self.reference.get(body._.kg["key"]).facts).get("country")
        if home is None or home == place._.kg["key"]:
            return False
        doc.spans[ENTITIES] = [s for s in doc.spans.get(ENTITIES, [])
                               if not (s._.kg and (s._.kg["start"], s._.kg["end"]) == known)]
        taken.remove(known)
        return True

    def _other_home(self, qualified: str, home: str, tail: str, folded: str, text: str) -> bool:
        """美國商務部 … 商務部表示 in a Taiwanese or Hong Kong article: the bare name is the American
        ministry just named, not the Chinese one the reference files it under, when that one is never
        named in full. Mainland articles call their own ministry 商务部, so they keep the reference's
        reading."""
        from kg.text import to_simplified
        if _script_of(text) != "zh-Hant":
            return False
        fuller = {to_simplified(n).lower() for n in self.reference.get(home).names()} - {tail}
        if any(n in folded for n in fuller if len(n) > len(tail)):  # 中國商務部 is named too: 商務部 stays ambiguous
            return False
        country = dict(self.reference.get(qualified).facts).get("country")
        return country is not None and country != dict(self.reference.get(home).facts).get("country")

    def _leading_place(self, name: str, cls: str | None = None) -> int:
        """Length of a known place name opening name (美國記憶體巨擘鋒芯科技 → 2), two characters at
        least left after it; of a place of the class cls only, when given."""
        for k in (4, 3, 2):
            hits = self.index.lookup(name[:k]) if len(name) > k + 1 else ()
            known = self.reference.get(hits[0]) if hits else None
            if known is not None and known.coarse in ("GPE", "LOC") and cls in (None, known.cls):
                return k
        return 0

    def _place_and_word(self, core: str) -> bool:
        """香港物流, 休士頓: a core that is a place alone, or a place and a plain word, names no firm
        (the firm is one of that place, of that trade)."""
        if self._place_name(core):
            return True
        lead = self._leading_place(core)
        # (上海|復旦: a name the reference knows after the place is the stem of a name of its own)
        return lead > 0 and (_dictionary_word(core[lead:]) or core[lead:] in GENERIC) and not (
            len(core) - lead >= 2 and self.index.lookup(core[lead:]) and not self._place_name(core[lead:]))

    def _after_known_and_verb(self, folded: str, start: int, end: int) -> int:
        """北方華創收到|中國證券登記結算有限責任公司: a registered name does not open with a known name and
        a verb after it; the name starts after the verb."""
        for pos in range(min(end - 6, start + 12), start + 1, -1):   # the longest known name first
            if self.index.lookup(folded[start:pos]):
                verb = _cut(folded[pos:end])[0]
                if len(verb) >= 2 and verb in _dictionary_verbs() and end - pos - len(verb) >= 4:
                    return pos + len(verb)
                break
        return start

    def _trained(self, doc: Doc, folded: str) -> list[tuple[int, int, str, "Rule"]]:
        """Names the trained tagger (kg_lac) found: people, places and organisations the rules and
        the reference data miss. Its guesses pass the same checks as a rule's: a Chinese name
        opens with a surname, a name is no common word, an organisation's form says its kind."""
        out = []
        words = [(s, e, t) for s, e, t in doc._.get("lac_words") or [] if t in ("PER", "LOC", "ORG")]
        merged: list[tuple[int, int, str]] = []
        for s, e, t in words:  # a person's or organisation's name cut in two is joined; places stay apart (美|中|馬德里)
            if merged and t == merged[-1][2] and t != "LOC" and s == merged[-1][1]:
                first = folded[merged[-1][0]:merged[-1][1]]
                if t == "ORG" and _words_before_a_firm_word(first, FIRM_WORDS):
                    merged.append((s, e, t))   # 國有企業|瀚川智能公司: a word for a kind of firm before the name, not
                    continue                   # the name's first half
                if t == "ORG" and first[-1:] in ("与", "和", "及", "、") and first[:-1].endswith(ORG_SUFFIXES):
                    # 星河電子與|遠山集團: two firms joined by 與, not one name (工業與安全局 is one)
                    merged[-1] = (merged[-1][0], merged[-1][1] - 1, t)
                    merged.append((s, e, t))
                    continue
                merged[-1] = (merged[-1][0], e, t)
            else:
                merged.append((s, e, t))
        # the people the tagger names in full (a given name after the surname), whose surname alone the text
        # goes on to use (袁本林 … 袁涉嫌)
        full_names = {folded[s:e].strip() for s, e, t in merged if t == "PER"}
        full_names = {n for n in full_names if re.fullmatch(rf"[{HAN}]{{3,4}}", n)}
        for start, end, label in merged:
            while start < end and folded[start] in " ·":
                start += 1
            name = folded[start:end].strip()
            end = start + len(name)
            if label == "PER" and re.search(r"简称\s*[:：为是]?\s*[“「『\"]?\s*$", folded[max(0, start - 6):start]):
                continue   # 轉債簡稱：韋爾轉債: a short name a security or a firm is listed by, no person
            if label == "PER" and len(name) >= 3 and name[-1] in "府省郡邦县" and re.fullmatch(rf"[{HAN}]+", name):
                label = "LOC"   # 羅勇府, 北柳府: a Thai province (a region's word ends no person's name)
            if label == "PER" and re.fullmatch(rf"[{HAN}]{{2}}", name) and any(
                    n[0] == name[0] and n[:2] != name for n in full_names) \
                    and not TITLE_BEFORE.search(folded[max(0, start - 7):start]):
                continue   # 袁本林…袁|會被引渡, 袁|涉嫌: the person named before, by the surname alone, and the word after it
            if label == "PER" and len(name) == 3 and _adverb_after_list(folded, end):
                end, name = end - 1, name[:2]
            if label == "PER" and len(name) >= 4 and name.endswith(BYLINE_VERBS):
                end, name = end - 2, name[:-2]   # 記者陳維|報導: the byline's verb is no part of the reporter's name
            if label == "PER" and len(name) == 2 and name[0] in SURNAMES and re.match(rf"[{HAN}]", folded[end:end + 1]) \
                    and folded.count(name + folded[end]) >= 2 and folded[end] not in LAC_NAME_BREAK:
                end, name = end + 1, name + folded[end]   # 梁次|震送…, 梁次震、: the whole name, as the text repeats it
            if label == "PER" and len(name) == 2 and name[0] in SURNAMES and re.fullmatch(rf"[{HAN}]于", folded[end:end + 2]) \
                    and next((t for a, _, t in doc._.get("lac_words") or [] if a == end + 2), "") in ("TIME", "m"):
                end, name = end + 1, name + folded[end]   # 林志|遠於2019年: the name's last character read into 於
            if label == "ORG" and len(name) >= 4 and name[-1] in "大小" and folded[end:end + 2] in ("股东", "客户"):
                end, name = end - 1, name[:-1]   # 北辰科技|大股東: a major shareholder's 大 is no part of the firm
            if label == "ORG" and name.startswith("方") and len(name) >= 3 and LEFT_CUT.fullmatch(folded, max(0, start - 4), start + 1):
                start, name = start + 1, name[1:]   # 認購|方中電金: the 方 of a party's role (left-cut) opens no name
            title = TITLE_AT_END.search(name) if label == "ORG" else None
            if title is not None and title.start() >= 2:   # 北辰電子行銷長|林美華: the officer's title is no part of the firm
                end, name = start + title.start(), name[:title.start()]
            rnd = ROUND_TAIL.search(name) if label == "ORG" else None
            if rnd is not None and rnd.start() >= 4:   # 商業航天創新中心|天使輪: the round it raised is no part of it
                end, name = start + rnd.start(), name[:rnd.start()]
            tail = SUBSIDIARY_TAIL.search(name) if label == "ORG" else None
            if tail is not None and tail.start() >= 2:   # 廣汽集團|間接全資附屬公司
                end, name = start + tail.start(), name[:tail.start()]
            cut = FIRM_RELATION_WORD.search(name) if label == "ORG" else None
            if cut is not None and cut.start() >= 2 and len(name) - cut.end() >= 2:
                start, name = start + cut.end(), name[cut.end():]   # 星曜半導體母公司|北辰集團: the name after it
            if label == "ORG" and re.search(r"(?:籍|联邦)$", name) and len(name) >= 4:
                end, name = end - (1 if name.endswith("籍") else 2), re.sub(r"(?:籍|联邦)$", "", name)   # 共和黨|籍, 共和黨|聯邦(參議員)
            if len(name) < 2 or _common_word(name) or name.startswith(GENERIC_START.tuple()) or ADDRESSED.fullmatch(name):
                continue
            if re.fullmatch(rf"([{HAN}])\1([{HAN}])\2", name):
                continue   # 平平安安, 高高興興: a doubled word of the language (AABB), no name
            if label == "ORG" and name.endswith("新") and any(
                    self.reference.get(i).coarse in ("GPE", "LOC") for i in self.index.lookup(name[:-1])):
                continue   # 台北|新總部: a place and the word for new, no organisation
            if label == "ORG" and AMOUNT_NAME.fullmatch(name):
                continue   # 出資額為|360億元: a sum the tagger calls an organisation
            if name in CURRENCY or label == "ORG" and (CURRENCY_AT_END.search(name) or any(
                    (m := CURRENCY_WORD.match(folded, end - k)) and m.end() > end for k in (1, 2) if end - k > start)):
                continue   # 達新|台幣(1.17兆元): the verb and the currency of a sum, read as one name; 林吉特: a currency
            if label == "ORG" and len(name) <= 3 and (tail := FIRM_TAIL.match(folded, end)) and re.fullmatch(rf"[{HAN}]+", name):
                end, name = tail.end(), folded[start:tail.end()]   # 國開|金融: a firm's name the tagger cut before its business word
            if label != "PER" and (_plain_word(name) or _ends_inside_word(folded, end)):
                continue  # 合共, 私募, (離)台前: a word of the language; 大恩|人: the word goes on
            school = UNIVERSITY_PART.fullmatch(name) if label == "ORG" else None
            if school is not None:   # 北辰工業大學|電機工程系, 星河大學|商學院: where one studied is the university
                end, name = start + school.end("university"), school.group("university")
            if label == "ORG" and name.endswith("学系"):
                continue  # 材料科學與工程學系: a university's department, part of where one studied, no body of its own
            if label == "ORG" and (_opens_with_plain_word(name) or name.endswith(FIELD_OF_TRADE)
                                   or re.fullmatch(rf"{COUNTRY_CHAR}[列将把对向与和在从被让给称指批促逼要]", name)
                                   or _kind_of_car(name)):
                continue  # 先進|製造, 綜合|日(經), 調研|行: a phrase; 汽車行業: a trade; 新能源汽車: a kind of car
            if label == "PER" and (name.endswith(("派", "党")) or ARMY.search(name)) or name.endswith(("鹰派", "鸽派")):
                continue  # 對華鷹派, 美軍: a faction or an army, no person nor organisation (鄧曉軍 is a name)
            if label == "ORG" and re.fullmatch(rf"{COUNTRY_CHAR}\s?(?P<kind>[a-z0-9 ]+)", name) and \
                    re.fullmatch(rf"{COUNTRY_CHAR}\s?(?P<kind>[a-z0-9 ]+)", name)["kind"].strip() in NOT_PRODUCTS:
                continue  # 台DRAM(龍頭廠): a country's industry of a kind of product, no organisation
            if label == "PER" and name[0] in COUNT_WORD_SURNAMES and re.match(r"[\d一二两三四五六七八九十百千万亿]", folded[start - 1:start]):
                continue  # 15488張|昇騰卡: a measure word after a number, no surname
            if label == "PER" and len(name) >= 3 and re.match(rf"[{HAN}]", name):
                # 副主委|林法正 read as 委林法正: the end of a title before is no part of the name
                for k in (2, 1):
                    if len(name) - k >= 2 and name[k] in SURNAMES and TITLE_BEFORE.search(folded, max(0, start - 8), start + k):
                        start, name = start + k, name[k:]
                        break
            if label == "PER" and re.match(rf"[{HAN}]", name):
                for cut in (1, 2):   # 王銳博|士, 王銳博士: a form of address after the name is no part of it
                    if len(name) - cut >= 2 and ADDRESS_WORD.fullmatch(folded[end - cut:end - cut + 2]):
                        end, name = end - cut, name[:-cut]
                        break
            if label == "PER" and len(name) >= 3 and name[-1] in "今昨" and re.match(rf"[{HAN}]", name):
                end, name = end - 1, name[:-1]   # 焦佑鈞|昨表示: today or yesterday after a name is no part of it
            if label == "PER" and _name_read_into_word(folded, name, end):
                out.append((start, end - 1, "Person", LAC_PERSON))   # 張文出|生於, 張文身|價: the name the text
                continue                                             # writes alone elsewhere (張文在…)
            if label == "PER":
                if "·" in name or re.fullmatch(r"[a-z][a-z.'-]+(?: [a-z][a-z.'-]+){1,3}", name):
                    out.append((start, end, "Person", LAC_PERSON))
                elif re.fullmatch(rf"[{HAN}]{{3}}", name) and all(c in TRANSLIT for c in name) and name[0] not in SURNAMES \
                        and not _dictionary_phrase(name) and TITLE_BEFORE.search(folded[max(0, start - 7):start]):
                    out.append((start, end, "Person", LAC_PERSON))   # 前任執行長基辛格時代: a transliterated name after a title
                elif re.fullmatch(rf"[{HAN}]{{4}}", name) and not _dictionary_phrase(name) and \
                        not any(ch in LAC_NAME_BREAK for ch in name) and (
                        TITLE_BEFORE.search(folded[max(0, start - 7):start]) or VERB_AFTER.match(folded[end:end + 4])):
                    # 社長小池淳義表示: a four-character name (Japanese, or a compound surname) beside a
                    # title or a verb of saying
                    out.append((start, end, "Person", LAC_PERSON))
                elif re.fullmatch(rf"[{HAN}]{{2}}", name) and name[0] in SURNAMES and name[1] not in LAC_NAME_BREAK and name[1] not in "男女某氏姓" \
                        and not _dictionary_word(name, 20) and not COUNTRY_COLLECTIVE.fullmatch(name) \
                        and (re.search(r"[的、和及与由被向]$", folded[max(0, start - 1):start]) or CLAUSE_OPENS_AT.search(folded[max(0, start - 2):start])) \
                        and (_word_after(doc._.get("lac_words") or [], end, skip=("TIME",)).startswith(("v", "p"))
                             or ADDRESS_WORD.match(folded, end)   # 由陳維|博士創立: a form of address after the name
                             or folded[end:end + 1] in ("、", "和", "与", "及") and any(
                                 a == end + 1 and t == "PER" and folded[a:a + 1] in SURNAMES
                                 for a, _, t in doc._.get("lac_words") or [])):
                    # 北辰提名的潘偉|被選舉為獨立董事, 王強|於去年離開, 王強|去年離開: the tagger's two-character name, after a
                    # word that ends a modifier or joins a list, or opening a clause, before a verb it reads (陳維、彭莉:
                    # or before another name it reads, in a list of people)
                    out.append((start, end, "Person", LAC_PERSON))
                elif CHANGE_OPENING.match(name):
                    continue   # 季增達99%: quarter on quarter, no 季 of a surname
                elif re.fullmatch(rf"[{HAN}]{{3}}", name) and name[0] in SURNAMES and name not in NOT_NAMES \
                        and not name.endswith("某") and not _dictionary_phrase(name) \
                        and not any(ch in LAC_NAME_BREAK for ch in name[1:]) \
                        and not FIRM_AFTER_NAME.match(folded, end):
                    out.append((start, end, "Person", LAC_PERSON))
            elif label == "LOC":
                lead = self._leading_place(name, "Country") if REGION_WORD_AFTER.match(folded, end) else None
                if lead is not None and re.fullmatch(rf"[{HAN}]{{2,5}}", name[lead:]):
                    out.append((start + lead, end + 1, "AdministrativeRegion", LAC_PLACE))   # (加拿大)安大略|省: a
                    continue                                                               # province by its word
                if TITLE_BEFORE.search(folded, max(0, start - 8), start) and LATIN_PERSON_AFTER.match(folded, end):
                    out.append((start, end, "Person", LAC_PERSON))   # 總裁克伊區（Christian Koitzsch）: a person
                    continue
                if NO_PLACE.search(name) or (name.endswith("市") and re.match(r"[占佔场值况]", folded[end:end + 1])) \
                        or (len(name) >= 3 and name[:2] in _dictionary_verbs()) or name[:1] in "占超在到":
                    continue  # 在華|市佔率, 佔大市, 全國的地級市, 超越傳統重鎮: a market, a kind of city, a verb's phrase
                if len(name) == 2 and folded[start - 1:start] in SURNAMES and folded[start - 2:start - 1] in ("、", "及", "和", "与") \
                        and re.match(r"[、，,。及和与等]", folded[end:end + 1]):
                    continue  # 史欽泰及曾|繁城等人: a person's given name after a surname in a list of people, no place
                if re.fullmatch(rf"[{HAN}]{{2,8}}", name) and name not in GENERIC and not re.match(r"[多各数几某该本]", name) and \
                        not re.fullmatch(r"[中美日韩台港澳欧英德法俄印越泰新马荷加意以菲巴朝蒙][中美日韩台港澳欧英德法俄印越泰新马荷加意以菲巴朝蒙东西南北]{1,2}", name) and \
                        not _two_countries_and_word(name) and \
                        not name.endswith(("市场", "地区", "海外", "国内", "境内", "境外", "全球", "各地", "芯片", "晶片")) and \
                        not name.endswith(PLACE_VERBS.tuple()) and \
                        not _modifier_and_word(name):
                    # 廬山高階圖形渲染晶片, 「花港架構」: a product with a place's name, wherever the article
                    # names it so (花港支援…, once 花港架構 was named; a known architecture is named whole)
                    named = next((n for n in (PRODUCT_AFTER_PLACE.match(folded, m.end())
                                              for m in re.finditer(re.escape(name), folded)) if n), None)
                    if named is None:   # (三重縣, 古吉拉特邦: a region by its word; 北上市: a city)
                        out.append((start, end, "AdministrativeRegion" if name.endswith(("省", "州", "县", "邦"))
                                    else "City" if name.endswith("市") and len(name) >= 3 else "Place", LAC_PLACE))
                    elif not self.index.lookup(name + "架构"):
                        out.append((start, end, "Chip" if named.group("chip") else "Product", LAC_PRODUCT))
            elif label == "ORG":
                if re.fullmatch(rf"[{HAN}]{{2,4}}(?:专电|电讯|快讯)", name):
                    continue   # 15日北京|專電: where a dispatch is filed from, in a dateline, no organisation
                if REGION_WORD_AFTER.match(folded, end) and re.fullmatch(rf"[{HAN}]{{2,5}}", name):
                    out.append((start, end + 1, "AdministrativeRegion", LAC_PLACE))   # 安大略|省: the tagger cut a
                    continue                                                         # province before its word
                if re.fullmatch(rf"[{HAN}]{{2,5}}省", name) and not _dictionary_word(name[:-1]) and not _phrase(name[:-1]):
                    out.append((start, end, "AdministrativeRegion", LAC_PLACE))   # 卑詩省, not 外務省 or 經濟產業省 (a
                    continue                                                     # ministry is named by plain words)
                if re.fullmatch(rf"[{HAN}]{{3,10}}", name) and LATIN_GLOSS.match(texts(doc)[0], end) and not (
                        _dictionary_word(name) or name in GENERIC or name.startswith(GENERIC_START.tuple())):
                    # 德國電信（Deutsche Telekom）: a name the text glosses with its Latin name is one name,
                    # whole, though a place and a plain word make it
                    out.append((start, end, _organization_kind(name), LAC_ORG))
                    continue
                if name.endswith("所") and re.match(r"[持有述说谓属在作指]", folded[end:end + 1]):
                    end, name = end - 1, name[:-1]   # 受讓晴川天盛|所持股份: 所 opens what follows, no 研究所
                # 上海浦東創新投資發展(集團)有限公司: a registered name, its seat or its group in brackets too
                legal = name.endswith(LIMITED_FORMS)
                if not (re.fullmatch(rf"[{HAN}a-z0-9&·]{{2,20}}", name) or legal and re.fullmatch(
                        rf"[{HAN}a-z0-9&·]{{2,16}}(?:[(（][{HAN}]{{2,4}}[)）])?[{HAN}]{{0,6}}", name)) \
                        or name in GENERIC or name in NOT_PRODUCTS \
                        or re.match(r"(?:奈米|纳米|英寸|吋|寸|nm\b)", name) or COUNTRY_COLLECTIVE.fullmatch(name) \
                        or _two_countries_and_word(name) \
                        or not re.search(rf"[{HAN}]", name):  # the tagger's Latin "organisations" are acronyms of anything
                    continue
                if re.match(r"(?:协议|协定|架构|技术|标准|平台|系统|框架|芯片|晶片|模型|算法|方案|工艺|制程)", folded[end:end + 2]) \
                        and not OFFICER_TITLE_AT.match(folded, end):
                    continue  # 靈衢互聯|協議: what comes before a word for a technology names the technology (北辰科技|技術長: an officer's)
                # (北辰國經投資發展有限公司: the business words of a registered name are its own, no verbs)
                cut = (LEFT_CUT_LEGAL if legal else LEFT_CUT).match(folded, start, max(start, end - 2))
                if cut and cut.end() > start:  # 簡山杰轉任|集團: a verb of the clause inside what the tagger joined
                    start, name = cut.end(), folded[cut.end():end]
                    if len(name) < 2 or name in GENERIC or _common_word(name) or KIND_OF_COMPANY.fullmatch(name):
                        continue
                media = MEDIA_AFTER.match(folded, end)
                if media:  # 九派|財經, 星島|日報: the tagger stops before the outlet's word for itself
                    end, name = media.end(), name + media.group()
                if _words_before_a_firm_word(name, FIRM_WORDS):
                    continue  # 部分跨國科技公司: a kind of firm, no name
                if re.fullmatch(TWO_COUNTRIES, name) or name.endswith(COMPANY_PARTS.tuple()) and _cut(name)[-1] in COMPANY_PARTS or (
                        name.endswith("政府") and (name[:-2] in GENERIC or name[:-2] in PLACE_WORDS)):
                    continue  # 美日, 亞利桑那子公司, 東道國政府: two countries, a part of a firm, a government by its role
                if re.fullmatch(rf"[{HAN}]{{2}}会", name) and not name.endswith(BODY_MEETINGS.tuple()):
                    out.append((start, end, "Event", LAC_ORG))  # 川習會, 拜習會: a meeting named after its two leaders
                    continue
                if KIND_OF_COMPANY.fullmatch(name):
                    continue  # 一家GPU初創公司: a description, not a name
                if _dictionary_word(name) or _phrase(name) or re.fullmatch(r".[一二三四五六七八九十]", name) or (
                        len(name) >= 3 and name[0] in "中美日韩台港欧英德法俄印越泰陆" and _dictionary_word(name[1:], 20)):
                    continue  # 國安, 資料中心, 中一, 對中|鷹派: a word or a phrase, whatever the tagger says
                # 杭州公司, 美國智庫, 深圳伺服器廠鋒算: a place or a descriptor before a generic word, or before the name
                # (上海國盛(集團)有限公司, 安徽工商管理學院: a registered name's seat, a school's place, is its name's)
                lead = 0 if legal or name.endswith(("大学", "学院")) else self._leading_place(name)
                if lead and len(name) - lead <= 2 and not _common_word(name[lead:]) and name[lead:] not in GENERIC:
                    lead = 0  # 上海國投: a place before two characters is part of the name (not 大陸|政府)
                if lead and _field_word(name[lead:]):
                    if self._leading_place(name, "Country") or self._leading_place(name, "AdministrativeRegion"):
                        continue  # 中國資料中心的需求, 柔佛州數據中心的容量: a country's or a state's data centres, no name
                    lead = 0  # 慶陽數據中心: a site named by its city and a word of the field, whole
                if lead:
                    start, name = start + lead, name[lead:]
                    if re.fullmatch(r"(?:[^，。,]{0,4}(?:公司|智库|企业|厂商|集团|机构|协会|政府))", name) or _common_word(name) \
                            or _dictionary_word(name) or _phrase(name) or KIND_OF_COMPANY.fullmatch(name):
                        continue  # 中國|稀土, 美國|AI晶片初創公司: a country before a plain word, or before a kind of firm
                if BUILDING.match(name) or re.search(r"(?:厂|工厂|晶圆厂|新厂|园区|基地)$", name):
                    continue  # 愛達荷州|新建晶圓廠, 廣島廠: a plant (being built), no organisation
                if name.startswith("商") and KIND_OF_FIRM.search(folded, max(0, start - 2), start):
                    start, name = start + 1, name[1:]  # 設計商|曜光科技: the name starts after the kind of firm
                    if len(name) < 2:
                        continue
                rest = re.sub(rf"^[{HAN}]{{2,3}}?(?=(?:设计|芯片|晶片)?(?:公司|智库|企业|厂商|集团|机构)$)", "", name)
                cut = DESCRIPTOR.match(rest)
                if cut and cut.end() < len(rest):
                    rest = rest[cut.end():]
                if rest != name:
                    if len(rest) < 2 or rest in GENERIC or _common_word(rest) or rest.endswith(("公司", "智库", "企业", "厂商")):
                        continue
                    start, end, name = end - len(rest), end, rest
                if _word_and_kind_of_chip(re.sub(r"(?:公司|企业|厂商|集团)$", "", name)):
                    continue  # 通用GPU, (中國)通用GPU公司: a plain word and a kind of chip, or companies of a kind
                stake = re.search(r"(?:控股权|股权)$", name) or (
                    re.search(r"控$", name) if folded.startswith("股权", end) else None)
                if stake is not None:   # 收購北辰微|控股權 (or 北辰微控|股權): the stake bought is no part of the firm's name
                    end, name = end - len(stake.group()), name[:stake.start()]
                    if len(name) < 2:
                        continue
                out.append((start, end, _organization_kind(name), LAC_ORG))
        return out

    @staticmethod
    def _romanized(text: str, folded: str) -> list[tuple[int, int, str, "Rule"]]:
        """李湛（Cham Li，音譯）, 艾森柏格（John Eisenberg）: a name followed by its romanisation
        in brackets is a person's. A Chinese name has one character per romanised syllable; a
        transliterated one runs over transliteration characters. Both forms become mentions."""
        out = []
        for m in ROMANIZED.finditer(text):
            latin = m.group("latin")
            words = latin.replace("-", " ").split()
            if len(words) < 2 or len(words) > 4:
                continue
            pos = m.start()
            start = None
            for k in (3, 2):  # 韋立山（Lishan Wei）, 李湛（Cham Li）: a surname opens the name
                if pos >= k and folded[pos - k] in SURNAMES and re.fullmatch(rf"[{HAN}]{{{k}}}", folded[pos - k:pos]) \
                        and folded[pos - k:pos] not in NOT_NAMES:
                    start = pos - k
                    break
            # (帕特-蓋爾辛格（Pat Gelsinger）: a run of transliteration characters longer than any Chinese name,
            # its parts joined by a hyphen or a dot, is the name, though its last two read as a surname and one)
            j = pos
            # (獨立主席|弗蘭克-耶利: a title before the name ends the run, though its last character transliterates)
            while j > 0 and pos - j < 10 and (folded[j - 1] in TRANSLIT or folded[j - 1] in "-·•．" and j >= 2
                                              and folded[j - 2] in TRANSLIT and j < pos) \
                    and not TITLE_BEFORE.search(folded, max(0, j - 8), j):
                j -= 1
            if j < pos and folded[j] in "-·•．":
                j += 1
            if start is None and pos - j >= 2 and pos - j < 8 or start is not None and pos - j >= 4 and pos - j > pos - start:
                start = j
            if start is None:
                continue
            out.append((start, pos, "Person", ROMAN_RULE))
            out.append((m.start("latin"), m.end("latin"), "Person", ROMAN_RULE))
        return out

    def _candidates(self, folded: str, doc: Doc | None = None) -> list[tuple[int, int, str, "Rule"]]:
        found = self._reporters(folded) + self._datelines(folded) + (self._trained(doc, folded) if doc is not None else [])
        if doc is not None:
            found += self._romanized(texts(doc)[0], folded)
            found += _latin_after_kind(texts(doc)[0], folded)  # before people: 新創Hailo Technologies宣布 is a firm
            found += _latin_firms_in_context(texts(doc)[0], folded)
            found += _han_after_kind(doc, folded)
            found += _han_before_latin_firm(doc, folded)
            found += _latin_chip_names(texts(doc)[0], folded)
            found += _spelled_out_acronyms(texts(doc)[0])
            found += _latin_people(texts(doc)[0], folded)
        # where the organisations found before start (the spans do not change while candidates are found)
        org_starts = {kg_of(s)["start"] for s in doc.spans.get(ENTITIES, []) if kg_of(s) and kg_of(s)["cls"] in ORG_CLASSES} \
            if doc is not None else set()
        org_ends = {kg_of(s)["end"] for s in doc.spans.get(ENTITIES, []) if kg_of(s) and kg_of(s)["cls"] in ORG_CLASSES} \
            if doc is not None else set()
        for rule in RULES:
            pattern = _compiled(rule.pattern)
            spans = [m.span("name") if m.group("name") is not None else m.span("name2")
                     for m in pattern.finditer(folded)] if _may_match(pattern, folded) else []
            if rule.name == "org-suffix":
                # 亞太科技 + 安全研究院 side by side are one name: 亞太科技安全研究院
                # (星曜科技|母企北辰集團: not across a word saying how two firms are related)
                spans += [(a0, b1) for (a0, a1), (b0, b1) in zip(spans, spans[1:]) if a1 == b0 and b1 - a0 <= 14
                          and not FIRM_RELATION_WORD.match(folded, b0)]
                spans = [(m.end(), b) if (m := FIRM_RELATION_WORD.match(folded, a)) and b - m.end() >= 4 else (a, b)
                         for a, b in spans]
            for start, end in spans:
                if rule.name == "byline":
                    for nm in re.finditer(rf"[^ 、,，]+", folded[start:end]):
                        if MEDIA_AFTER.search(nm.group()) and len(nm.group()) >= 4:
                            continue  # 文 | 晴川財經: an outlet credited, no writer (outlet-credit names it)
                        if re.search(r"(?:报导|报道|整理|编译|摄影)$", nm.group()):
                            continue  # 記者 陳維 (台北)報導: the byline's verb (and where from), no name
                        # (作者:原創, 編輯:綜合: a word, no name; 記者注意到: a verb, the reporter unnamed)
                        if not _dictionary_word(nm.group(), 100) and not _opens_with_verb(nm.group()):
                            found.append((start + nm.start(), start + nm.end(), "Person", rule))
                    continue
                if rule.name == "process" and re.search("奈米|纳米|nm", folded[start:end]) and not (
                        start in org_ends or (folded[start - 1:start] == "的" and start - 1 in org_ends)):
                    continue  # a node is a foundry's product where one is named with it (台積電(的)3奈米製程);
                    # elsewhere (7奈米工藝的增強版, 採用7奈米製程) it is a figure of what is made
                if rule.name in NAME_AFTER_CUE_RULES:
                    end = _name_end(folded, start, end)
                    if end is None or folded.startswith(("员", "们"), end):
                        continue  # 專家和前官|員: a word for people goes on, no name ends here
                    if doc is not None and end - start == 3:
                        # 市長伍斌|會見了: the trained tagger's two-character name before a verb it reads
                        words = doc._.get("lac_words") or []
                        bounds = _lac_bounds(words)   # (bisected where the words are in order)
                        tagged = words[bisect_left(bounds[0], start):bisect_left(bounds[0], end + 2)] if bounds else \
                            [(a, b, t) for a, b, t in words if start <= a < end + 2]
                        if len(tagged) >= 2 and tagged[0][:2] == (start, start + 2) and tagged[0][2] == "PER" \
                                and tagged[1][0] == start + 2 and tagged[1][2].startswith("v") and tagged[1][1] > end:
                            end = start + 2
                    if end - start == 3 and _name_read_into_word(folded, folded[start:end], end):
                        end = start + 2   # 董事長周敏身|價: the name the text writes alone elsewhere
                if rule.name == "named-architecture" and doc is not None and not any(
                        t in PROPER_TAGS for _, _, t in _lac_inside(doc._.get("lac_words") or [], start, end)):
                    continue   # 存算一體架構, 異構架構: a kind of design the tagger reads as plain words, no name
                if rule.name == "dotted-name":
                    # 總經理|韋恩．哈里斯: a character that ends the word before is no part of the name
                    first_dot = min((folded.find(d, start, end) for d in DOTS if folded.find(d, start, end) >= 0), default=end)
                    while start < first_dot - 1 and start > 0 and _common_word(folded[start - 1:start + 1]):
                        start += 1
                    # 山姆·曼|曾在…: an adverb after the name, where the trained tagger ends the name before it
                    if folded[end - 1] in ADVERB_AFTER_NAME and doc is not None and any(
                            a <= start and b == end - 1 and t == "PER" for a, b, t in _lac_overlapping(doc._.get("lac_words") or [], start, end)):
                        end -= 1
                found_at = start
                start, end = _trim(folded, start, end, rule)
                if end - start < 2 and rule.cls != "Chip":
                    continue
                if re.match(r"[万亿千百]?股", folded[start:start + 2]) and re.search(r"\d\s*$", folded[max(0, start - 4):start]):
                    continue   # 2295.45 萬股股份: the scale and unit of a figure (spaced apart from it), no name
                if doc is not None and rule.cls == "Event":
                    inside = _lac_inside(doc._.get("lac_words") or [], start, end)
                    if len(inside) > 2 and inside[0][2] in ("d", "ad") and inside[1][2] == "v":
                        start = inside[1][1]   # 嚴重|破壞|中美日內瓦高層會談: an adverb and its verb open no event's name
                if rule.cls in ("Organization", "Company") and folded.endswith(LIMITED_FORMS, start, end):
                    start = self._after_known_and_verb(folded, start, end)   # 北辰收到|晴川證券登記有限責任公司
                    # 北辰科技擬收購|晴川半導體科技(上海)股份有限公司: a deal's verb after a word of intent or
                    # completion is no part of a registered name, whoever stands before it
                    deal = [m.end() for m in DEAL_IN_NAME.finditer(folded, start, end) if end - m.end() >= 6]
                    start = deal[-1] if deal else start
                if doc is not None and rule.cls in ("Organization", "Policy") and rule.name not in (
                        "minister-ministry", "ministry-and", "quoted-policy", "titled-policy", "quoted-org", "tariff", "numbered-notice",
                        "issued-plan", "about-rule", "named-mechanism") \
                        and not folded.endswith(LIMITED_FORMS, start, end) \
                        and not LATIN_HOUSE.fullmatch(folded, start, end):  # 上海國有資本投資有限公司, IBK 投資證券
                    # 取得|北辰微電子
                    cut = _after_predicate(doc, start, end, 4 if rule.cls == "Policy" else 1)
                    if cut is not None and FUND_KIND_ONLY.fullmatch(folded, cut, end):
                        cut = None   # 國家創業投資|引導基金: the fund's own words, no verb before its name
                    if cut is None and not _lac_overlapping(doc._.get("lac_words") or [], start, end):
                        # 確保|出口管制, 先展示|Neo半導體 in a clause the tagger did not read: the dictionary's
                        # verbs before the name
                        pos = start
                        words = _cut(folded[start:end])
                        for word in words[:-1]:
                            pos += len(word)
                            if len(word) >= 2 and end - pos >= 4 and word in _dictionary_verbs():
                                cut = pos
                        if cut is None and len(words) > 1 and words[0] in OPENING_PREPOSITIONS and end - start >= 4:
                            cut = start + 1   # 據|紅星資本局: a preposition, a word of its own, opens the clause
                    if cut is not None:
                        if folded[cut:cut + 1] in ("得", "了", "着", "过", "到") and end - cut > 3:
                            cut += 1   # 獲|得|首相辦公室: what completes the verb is no part of the name
                        if end - cut < 2:
                            continue
                        start = cut
                if rule.name == "event" and (when := EVENT_TIME_INSIDE.match(folded, start, end)) is not None:
                    # 中美雙方當地時間14日|西班牙馬德里經貿會談: when it is held opens no name of the event
                    start = when.end()
                    if end - start < 4:
                        continue
                if rule.name == "minister-ministry" and doc is not None:
                    # 已與|數字部長: an adverb or a preposition opens the clause, no part of the ministry's name
                    # (和, 及 join the words of one portfolio: 貿易和工業部)
                    cuts = [e for _, e, t in _lac_inside(doc._.get("lac_words") or [], start, end)
                            if e < end - 1 and t in ("d", "p", "r")]
                    start = cuts[-1] if cuts else start
                if rule.name == "org-suffix" and doc is not None and folded.endswith(("公司", "企业", "厂商", "大厂"), start, end) \
                        and end in org_starts:
                    continue  # 視頻監控公司|海康威視: what kind of firm the known name after it is, no name
                if rule.name == "org-suffix" and folded[start:start + 1] in ("前", "后") and \
                        re.match(rf"[{HAN}]", folded[start - 1:start]) and not self.index.lookup(folded[start:start + 2]):
                    start += 1  # 任命前|南星科技營運長, 合併後|新公司: former, after, no part of the name
                if rule.name == "org-suffix" and folded[start:start + 1] in ("到", "从") and end - start >= 5 and \
                        not self.index.lookup(folded[start:start + 2]) and not _dictionary_word(folded[start:start + 2]):
                    start += 1  # 再到|晴川電子持續併購, 從|北辰科技: a preposition of a span or a path, no part of the name
                if rule.name == "org-suffix" and folded[start:start + 1] == "原" and folded[start - 1:start] in ("是", "为", "系", "任") \
                        and not self.index.lookup(folded[start:start + 2]):
                    start += 1  # 是原|北辰微電子中國區總經理, 曾任原|…: former, no part of the name
                if rule.name == "org-suffix" and _starts_mid_word(folded, start) and not (
                        (cut := LEFT_CUT.match(folded, found_at, start)) and cut.end() == start) \
                        and not FIRM_RELATION_END.search(folded, max(0, start - 4), start) \
                        and not (folded[start - 1:start] in PREPOSITION_CHARS and folded.endswith(("股份", "集团", "科技"), start, end)):
                    # (當晚|星曜半導體: a cue word ending right before, not 晚星, says where the name starts;
                    # 以|東芯股份: a preposition before a firm's full form, whatever word jieba reads across)
                    continue
                if rule.name == "product-with-abbreviation":
                    abbr = re.match(r"\s?[（(]([a-z]{2,6})[)）]", folded[end:end + 10])
                    if abbr is None or abbr.group(1) in NOT_PRODUCTS:
                        continue  # 動態隨機存取存儲器(DRAM): a kind of product, spelt out
                    lead = re.match(r".*(?:作为|成为|是|为|的|国产|自研|新一代|首款|全新)", folded[start:end]) \
                        or LEFT_CUT.match(folded, start, end)   # (直接拉動|北辰設備解決方案(DS)部門)
                    if lead and end - (start + lead.end()) >= 4:
                        start += lead.end()
                if rule.name == "org-suffix" and (counted := COUNTED_FIRM.search(folded, max(0, start - 2), end)) \
                        and counted.end() < end and _described_firm(folded[max(start, counted.end()):end]):
                    continue   # 一家創投公司, 貼上一間虛假公司: a firm counted and described, no name
                if rule.name == "org-suffix" and folded.endswith("基金", start, end) and end - start >= 4 and \
                        _plain_word(folded[start:end - 2]):
                    continue  # 以私募|基金從事股權投資: a kind of fund (a word of the language before 基金), no fund named
                if rule.name == "org-suffix" and folded.endswith(("智能", "光电"), start, end) and (
                        re.search(r"[式型性化的]$", folded[start:end - 2]) or _plain_word(folded[start:end - 2])
                        or folded.endswith(KIND_OF_INTELLIGENCE.tuple(), start, end)):
                    continue  # 生成式|智能, 邊緣|智能, 具身智能: a kind of intelligence, no firm (晴川智能 is one)
                if rule.name == "org-suffix" and folded.endswith("报", start, end) and folded.startswith(("导", "道"), end):
                    continue  # 本報即時|報導, 台北即時|報導: the verb 報導 in a dateline, no paper named 即時報
                if rule.name == "place-suffix" and TITLE_BEFORE.search(folded, max(0, start - 8), start) and \
                        LATIN_PERSON_AFTER.match(folded, end):
                    continue  # 總裁克伊區（Christian Koitzsch）: a person named after a title, with a name in Latin after
                if rule.name == "place-suffix" and any(len(w) >= 2 and w in _dictionary_verbs()
                                                       for w in _cut(folded[start:end])[:-1]):
                    continue  # 宣布成立新園區: a verb in it, a phrase, no place
                if rule.name == "place-suffix" and (folded[end - 2:end] in AREA_WORDS or (
                        re.search("(?<!园|新|发|治)[省市县区镇]$", folded[start:end]) and _dictionary_word(folded[end - 2:end], 100)
                        and not self.index.lookup(folded[end - 2:end]))):
                    continue  # 認知誤區, 展區: a word for an area of something, no region
                if rule.name == "place-suffix" and any(self.reference.get(i).cls == "Country"
                                                       for i in self.index.lookup(folded[start:end - 1])):
                    continue  # 台灣區業務經理: a country's area in a title, no region of its own
                if rule.name == "org-suffix" and folded.endswith("股份", start, end) and end - start > 4 and \
                        HOLDING.search(folded, max(0, start - 3), start):
                    end -= 2  # 持有星曜半導體|股份: the company's shares, not a company named so
                    size = STAKE_SIZE_END.search(folded, start, end)
                    if size is not None and size.start() - start >= 2:
                        end = size.start()   # 持有晴川科技|三成股份: the size of the stake, no part of the name
                if rule.name == "org-suffix" and folded.endswith(WORD_SUFFIXES, start, end) and \
                        GENERIC_HEAD.match(folded, end):
                    continue  # 頂尖科技|企業, 儲存半導體|短缺, 堆疊式設計|技術: the suffix is a word of a longer noun
                if rule.name == "org-suffix" and folded.endswith("局", start, end) and _ju_ends_a_word(folded, end):
                    continue  # 全球布局, 競爭格局, 中國當局, 跨界入局: a word ending in 局, no bureau (關稅局, 建設局 are)
                if rule.name == "org-suffix" and folded[end:end + 1] in ("器", "件", "卡", "芯", "盘", "装", "展"):
                    continue  # 動態隨機存取存儲|器: the suffix goes on as a word for a device
                if rule.name == "org-suffix" and folded.endswith(("软件", "软体", "平台", "服务", "系统"), start, end) and \
                        re.match(r" ?[a-z]", folded[end:end + 2]):
                    continue  # AI推理軟體|Dynamo: the kind of the product named next, no firm
                if rule.cls == "Organization" and folded.startswith("商", end):
                    continue  # 內地AI晶片設計|商: a word for a kind of firm, not a name
                if folded.startswith("商", start) and KIND_OF_FIRM.search(folded, max(0, start - 2), start):
                    start += 1  # 設計商|曜光科技: the name starts after the kind of firm
                    if end - start < 2:
                        continue
                if rule.cls == "Organization" and (re.match(r"(?:支出|开支|市场|额|结构|运作|化|主义|运营)", folded[end:end + 2])
                                                   and folded.endswith(("资本", "投资"), start, end) or TIME_WORD.match(folded, start)):
                    continue  # 明年資本支出: capital spending next year, no company
                cls = self._classify(folded[start:end], rule)
                if rule.name == "latin-product" and LATIN_NOT_NAME.fullmatch(folded[start:end]):
                    continue  # Q3服務器用DRAM: a quarter, a grade or a standard before a kind of product, no name
                if cls in ("Policy", "Product") and rule.name in ("named-with-abbreviation", "product-with-abbreviation") \
                        and DIVISION_AFTER.match(folded, end):
                    cls = "Organization"   # 設備解決方案(DS)部門: a firm's division, named with its abbreviation
                branch = re.fullmatch(r"(?P<core>.+?)(?:办公室|分公司|办事处|分局|分部|分行)", folded[start:end])
                if branch and any(self.reference.get(i).coarse in ("GPE", "LOC") for k in (2, 3, 4, 5)
                                  for i in self.index.lookup(branch["core"][-k:])):
                    continue  # 聯邦調查局洛杉磯辦公室: a place's branch of the body named before, not a body of its own
                if cls == "Product" and rule.name == "latin-product" and \
                        re.match(r" ?(?:芯片|晶片|处理器|加速器|gpu|加速卡|计算卡)", folded[end:end + 4]):
                    cls = "Chip"  # M6處理器: a chip
                if cls in ("Chip", "Product") and rule.name == "chip-model" and BUILDINGS_AFTER.match(folded, end):
                    continue   # B25、B26機房樓, A3棟: the codes of buildings, no chips
                if cls in ("Chip", "Product") and rule.name == "chip-model" and PLANT_BEFORE.search(folded, max(0, start - 6), start):
                    cls = "Place"   # 清州新廠M15X, 晶圓廠P5: a plant's code, no chip
                tail = SYSTEM_TAIL.match(folded, end) if cls in ("Chip", "Product") else None
                if tail:  # scaleX640超節點, 昇騰512超節點: a system named after its model, not the chip
                    end, cls = tail.end(), "Product"
                if cls is not None:
                    found.append((start, end, cls, rule))
                if cls == "Chip" and rule.name in ("chip-model", "number-chip") and _new_brand(folded, start, doc):
                    found.append((start - 2, end, "Chip", NEW_BRAND_RULE))  # 平頭哥真武810E: the brand is the name's
        # 5奈米與3奈米等先進製程, 2奈米已量產: a foundry's products where the paragraph names a firm before them,
        # else figures of what is made (the share a node makes of sales says whose it is)
        firms = sorted({e for e in org_ends} | {b for a, b, c, r in found if c in ORG_CLASSES})
        return [x for x in found if x[3].name != "process-node" or SHARE_AFTER_NODE.match(folded, x[1])
                or bisect_right(firms, x[0]) > bisect_left(firms, folded.rfind("\n", 0, x[0]) + 1)]

    def _family_models(self, doc: Doc, folded: str, existing, taken) -> list:
        """A model number after a known chip family is a new chip of that family: Inferentia 9,
        昇騰960. Its developer is the family's; the family's own mention gives way to it."""
        out = []
        for fam in existing:
            info = kg_of(fam)
            if info["cls"] == "AIModel":
                # Gemini 2.5, Llama 3.1: a version number after a known model is a version of its own
                m = FAMILY_NUMBER.match(folded, info["end"]) if folded[info["end"] - 1:info["end"]].isalpha() else None
            elif info["cls"] == "ChipFamily":
                m = BRAND_MODEL.match(folded, info["end"]) or FAMILY_NUMBER.match(folded, info["end"]) \
                    or FAMILY_VARIANT.match(folded, info["end"]) or LETTER_GRADED.match(folded, info["end"]) \
                    or self._codename(texts(doc)[0], info["end"])
            else:
                continue
            if not m or any(info["end"] < b and a < m.end() for a, b in taken):
                continue
            end = m.end()
            if (grade := MODEL_GRADE.match(folded, end)) and not any(end < b and a < grade.end() for a, b in taken):
                end = grade.end()   # Snapdragon X9 Elite Extreme: the model's grade is part of its name
            known = self.reference.get(info["key"])
            tail = SYSTEM_TAIL.match(folded, end)
            if tail and any(end < b and a < tail.end() for a, b in taken):
                tail = None
            span = self._span(doc, info["start"], tail.end() if tail else end,
                              "Product" if tail else "AIModel" if info["cls"] == "AIModel" else "Chip", FAMILY_RULE)
            if span is None or span._.kg["known"]:
                continue
            if not tail:  # 昇騰512超節點 is built of the family's chips, not one of them
                span._.kg["family"] = info["key"]
            developer = _fact(known, "developer")
            if developer:
                span._.kg["developer"] = developer
            out.append((fam, span))
        return out

    def _codename(self, text: str, end: int) -> "re.Match | None":
        """EPYC Turin, Xeon Granite Rapids: a capitalised Latin word or two after a family, written
        with the family's Latin name, is a generation's code name; a word of English that says what
        the thing is (EPYC Server, Xeon Processors) or a name already known is none."""
        if not text[end - 1:end].isascii() or not text[end - 1:end].isalpha():
            return None
        m = FAMILY_CODENAME.match(text, end)
        if m is None or any(w.lower() in CODENAME_NOT for w in m.group("model").split()) or \
                self.resolve(m.group("model")):
            return None
        return m

    @staticmethod
    def _brand_models(folded: str, existing) -> list:
        """A model number right after an organisation's name is that organisation's chip: 曜芯S9."""
        out = []
        for s in existing:
            if kg_of(s)["cls"] in ORG_CLASSES:
                m = BRAND_MODEL.match(folded, kg_of(s)["end"]) or GRADED_NUMBER.match(folded, kg_of(s)["end"]) \
                    or SERIES_NUMBER.match(folded, kg_of(s)["end"])   # 小米 17 系列: a numbered line
                if m and not PLANT_AFTER.match(folded, m.end()):  # 美光A3|新廠: a plant, no chip
                    grade = MODEL_GRADE.match(folded, m.end())   # 小米SU9 Ultra: its grade is its name's
                    out.append((s._.kg["start"], grade.end() if grade else m.end(), "Chip", BRAND_RULE))
        return out

    def _brand_lines(self, doc: Doc, folded: str, found, taken) -> list:
        """愛芯元智…愛芯通元混合精度NPU, 愛芯智眸AI-ISP: a firm's first two characters and a coined word of
        two, before the word for a kind of chip (a few words of description between at most), name a
        product line of the firm's (its developer the firm)."""
        out, seen = [], set()
        firms_of: dict[str, set] = {}   # (two firms whose names open alike: whose line it is is unclear, none)
        for firm in found:
            info = kg_of(firm)
            name = folded[info["start"]:info["end"]] if info and info["cls"] == "Company" else ""
            if re.fullmatch(rf"[{HAN}]{{4,6}}", name):
                firms_of.setdefault(name[:2], set()).add(info["key"])
        for firm in found:
            info = kg_of(firm)
            name = folded[info["start"]:info["end"]] if info and info["cls"] == "Company" else ""
            if name[:2] in seen or len(firms_of.get(name[:2], ())) != 1 or not re.fullmatch(rf"[{HAN}]{{4,6}}", name) \
                    or name[:2] not in folded[:info["start"]] + folded[info["end"]:]:
                continue   # (a brand named once, in the firm's own name only, names no line)
            seen.add(name[:2])
            # (晴川 for 晴川微電子 before the line's word is the firm's short name, which the line takes in)
            own = {(kg_of(f)["start"], kg_of(f)["end"]) for f in found if kg_of(f) and kg_of(f)["key"] == info["key"]}
            for m in re.finditer(rf"{name[:2]}(?P<line>[{HAN}]{{2}})(?=[{HAN}]{{0,8}}?{LINE_KIND})", folded):
                start, end = m.start(), m.end()
                line = m.group("line")
                if folded.startswith(name, start) or any(a < end and start < b for a, b in taken
                                                         if not ((a, b) in own and a == start)) \
                        or _common_word(line) or line in GENERIC or _dictionary_word(name[:2] + line, 20) \
                        or (line[-1] in "一二三四五六七八九十" and folded[end:end + 1] in "代届期批"):
                    continue   # (愛芯元智 itself; 愛芯科技: a word of the language, no line; 龍芯|新一代: nor one going on)
                kind = re.match(rf"[{HAN}]{{0,8}}?{LINE_KIND}", folded[end:])
                cls = "Chip" if re.search(r"npu|gpu|cpu|soc|芯片|晶片|处理器|加速卡", kind.group()) else "Product"
                span = self._span(doc, start, end, cls, BRAND_LINE_RULE)
                if span is not None and not span._.kg["known"]:
                    span._.kg["developer"] = info["key"]
                    out.append(span)
                    taken.append((start, end))
        return out

    def _acquired_latin(self, doc: Doc, folded: str, taken) -> list:
        """英偉達鯨吞AI軟件公司(AI21 Labs)與數據引擎(Gretel), 收購軟件棧公司(MK1, Brium): the Latin names in
        brackets after what a bought firm does are the firms bought."""
        out, text = [], texts(doc)[0]
        for m in ACQUIRED_LATIN.finditer(folded):
            groups = [m]
            while (more := MORE_ACQUIRED_LATIN.match(folded, groups[-1].end())) is not None:
                groups.append(more)
            for g in groups:
                at = g.start("names")
                for n in LATIN_NAME_IN_LIST.finditer(g.group("names")):
                    start, end = at + n.start(), at + n.end()
                    if any(start < b and a < end for a, b in taken) or re.fullmatch(r"[A-Z]{1,5}", text[start:end]):
                        continue   # (收購半導體知識產權(IP)開發企業: capitals alone spell out the words before them)
                    span = self._span(doc, start, end, "Company", ACQUIRED_LATIN_RULE)
                    if span is not None:
                        out.append(span)
                        taken.append((start, end))
        return out

    def _company_and_seat(self, doc: Doc, folded: str, existing, taken) -> list:
        """中芯北方、中芯北京12.5%: a known company's name with a place right after it, standing as a
        name of its own (an item of a list, a figure after it, or what a clause is about), is its
        subsidiary there; a plant or an office after the place (中芯北京廠, 華為深圳總部) is no company."""
        by_start = {kg_of(s)["start"]: s for s in existing if kg_of(s) and kg_of(s)["cls"] in PLACE_CLASSES}
        out = []
        for s in existing:
            info = kg_of(s)
            if not (info and info["known"] and info["cls"] == "Company"):
                continue
            end = info["end"]
            place = by_start.get(end)
            seat_end = place._.kg["end"] if place is not None and place._.kg["cls"] in ("City", "AdministrativeRegion") \
                else end + 2 if folded.startswith(("北方", "南方"), end) else None
            if seat_end is None or seat_end - end > 4 or PLANT_AFTER.match(folded, seat_end) or \
                    PLANTS_LISTED.match(folded, seat_end) or \
                    not re.match(r"$|[、，,。；;：:（(\d]|(?:也是|是|由|为|与|和|及|的股东|持股)", folded[seat_end:seat_end + 3]) or \
                    any(info["start"] < b and a < seat_end for a, b in taken if (a, b) not in
                        ((info["start"], end), (end, seat_end))):
                continue
            span = self._span(doc, info["start"], seat_end, "Company", SEAT_RULE)
            if span is not None and not span._.kg["known"]:
                out.append(span)
                taken.append((info["start"], seat_end))
        return out

    def _span(self, doc: Doc, start: int, end: int, cls: str, rule: "Rule", brand: str | None = None):
        text = texts(doc)[0][start:end]
        known_id = self.resolve(text) or (self._listed_as(text) if rule.name == "ticker-name" else None) or \
            (self._registered_as(text) if rule.name in ("org-long", "org-suffix") else None)
        known = self.reference.get(known_id) if known_id else None
        if known is not None:
            cls = known.cls
        span = char_span(doc, start, end, CLASS_LABEL.get(cls, "ORG"))
        if span is None:
            return None
        span._.kg = {"key": known.id if known else f"{cls.lower()}/{name_key(text)}", "cls": cls,
                     "known": known is not None, "rule": rule.name, "confidence": rule.confidence,
                     "start": start, "end": end}
        if rule is BRAND_RULE and brand is not None:
            span._.kg["developer"] = brand
        return span

    def _registered_as(self, name: str) -> str | None:
        """中科寒武紀科技股份有限公司, 沐曦集成電路(上海)股份有限公司: a joint-stock company's registered
        name, a known Chinese company's name, words of its trade and its seat in brackets before the
        legal form, is that company (a subsidiary's registered name says where it is, 英特爾半導體（大連）
        有限公司, or is a limited company only)."""
        m = REGISTERED_AS.fullmatch(to_simplified(name).casefold())
        known_id = self.resolve(m.group("core")) if m else None
        known = self.reference.get(known_id) if known_id else None
        if m and m.group("seat") and _fact(known, "country") != "china":
            return None   # (沐曦集成電路(上海)股份有限公司: a Chinese firm's seat, the firm; a foreign one's, its arm)
        return known_id if known is not None and known.cls == "Company" else None

    def _listed_as(self, name: str) -> str | None:
        """世界先進（5347）: a listed company's short name with its stock code is the known company whose
        registered name opens with it (世界先進積體電路), when one alone does; a phrase as common as this
        one (世界先進水平) is no alias of it elsewhere."""
        folded = to_simplified(name).casefold()
        if len(folded) < 3:
            return None
        if self._prefixes is None:
            self._prefixes = {}
            for known in self.reference:
                if known.cls == "Company":
                    for n in known.names():
                        n = to_simplified(n).casefold()
                        for k in range(3, len(n)):
                            self._prefixes.setdefault(n[:k], set()).add(known.id)
        hits = self._prefixes.get(folded, set())
        return next(iter(hits)) if len(hits) == 1 else None

    def _propagate(self, doc: Doc, folded: str, spans, taken) -> list:
        """Once a new name is found, its other mentions in the article are found too; so is the
        short form of a company (曜芯 for 曜芯科技) and a model without its brand (S9 for 曜芯S9)."""
        names: list[tuple[str, dict]] = []
        found_before = list(doc.spans.get(ENTITIES, []))  # (read once: each pass over the group makes its Spans anew)
        # GB200 NVL72 … NVL72: a known product's model named alone is that product
        tails: dict[str, dict] = {}
        for s in found_before:
            info = kg_of(s)
            m = re.search(r"\s([a-z]+\d+[a-z]*)$", folded[info["start"]:info["end"]]) if info and info["known"] and \
                info["cls"] in ("Product", "Chip") else None
            if m and len(m.group(1)) >= 4 and not self.index.lookup(m.group(1)):
                tails.setdefault(m.group(1), info)
        for s in spans:
            info = kg_of(s)
            full = tails.get(folded[info["start"]:info["end"]]) if not info["known"] and info["cls"] in ("Chip", "Product") \
                else None
            if full is not None:
                info.update(key=full["key"], cls=full["cls"], known=True, rule="short-form")
        names += list(tails.items())
        # 陳立武 … 陳先生有幸與川普會面: a person named again by surname and a form of address, when no other
        # person of the article has that surname
        people = {}
        for s in found_before + list(spans):
            info = kg_of(s)
            name = folded[info["start"]:info["end"]] if info and info["cls"] == "Person" else ""
            if re.fullmatch(rf"[{HAN}]{{2,4}}", name) and name[0] in SURNAMES:
                people.setdefault(name[0], {})[info["key"]] = info
        for surname, found in people.items():
            if len(found) == 1:
                info = next(iter(found.values()))
                # (龔凡岳 … 龔男及其同謀: the press's man or woman of that surname too)
                names += [(surname + title, info) for title in ("先生", "女士", "博士", "教授", "男", "女")]
        # Sachin Katti … Katti担任CTO: a person named in Latin letters, later by the surname alone
        for s in found_before + list(spans):
            info = kg_of(s)
            m = re.fullmatch(r"[a-z]+(?:[ \-][a-z]+)*[ \-](?P<surname>[a-z]{3,})", folded[info["start"]:info["end"]]) \
                if info and info["cls"] == "Person" else None
            if m and not self.index.lookup(m.group("surname")):
                names.append((m.group("surname"), info))
        for s in spans:
            info = kg_of(s)
            text = folded[info["start"]:info["end"]]
            names.append((text, info))
            first = LATIN_FIRST_WORD.match(text) if info["cls"] in ORG_CLASSES and not info["known"] else None
            if first and first.group(1) not in LATIN_KIND_WORDS and not self.index.lookup(first.group(1)):
                names.append((first.group(1), info))   # Alphawave IP Group … Alphawave股價: its first word alone
            if info["cls"] in ORG_CLASSES and not info["known"]:
                for suffix in ORG_SUFFIXES:
                    if text.endswith(suffix) and len(text) - len(suffix) >= 2:
                        core = re.sub(r"\([^()]{1,4}\)$", "", text[: -len(suffix)])   # (和泰電子(馬)|有限公司: its seat too)
                        if core not in GENERIC and not self.index.lookup(core):
                            names.append((core, info))
                        break
            if info["cls"] == "Product" and not info["known"]:  # scaleX640超節點 … scaleX640的算力
                core = re.sub(SYSTEM_TAIL.pattern + "$", "", text)
                if core != text and len(core) >= 4 and re.search(r"\d", core) and not self.index.lookup(core):
                    names.append((core, info))
            if info["rule"] == "surname-only" and text[2:3] in ("男", "女"):  # 陳姓男子 … 陳男
                names.append((text[0] + text[2], info))
            if info["rule"] in ("brand-model", "kind-then-chip"):  # 晶片曜芯S9 … S9
                m = BRAND_MODEL.search(text)
                if m and len(m.group("model")) >= 2:
                    names.append((m.group("model"), info))
        for s in found_before + list(spans):
            info = kg_of(s)
            if info is None:
                continue
            m = PAREN_ALIAS.match(folded, info["end"])
            declared = DECLARED_ALIAS.fullmatch(m.group("alias")) if m else None
            if declared:  # (下稱「藍鯨航天」): the declared short name, without the words declaring it
                names.append((declared.group("alias"), info))
                continue
            # 陳某（49歲）, 鋒算（2023年）, 海光（688041.SH）: an age, a date, an amount or a stock code in
            # brackets is no other name
            if m and not self.index.lookup(m.group("alias")) and not re.search(
                    r"^[\d.%\s]+$|\d\s*(?:岁|年|月|日|%|元|亿|万|倍)|^\d{4,6}\s*[.\-]\s*[a-z]{2,3}$"
                    # (滬:688766, 深：300223, SH:603986: an exchange's mark and a stock code)
                    r"|^[\u4e00-\u9fffa-z]{1,4}\s*[:：]\s*\d{4,6}$"
                    r"|^(?:特殊)?(?:有限|普通)合伙$|轮|^pre-?ipo$|^战略(?:投资|融资)$", m.group("alias")) \
                    and not (info["cls"] == "Person" and re.search(r"\d", m.group("alias"))):
                names.append((m.group("alias"), info))
        if not names:
            return []
        out = []
        trained = {r.name for r in TRAINED}
        # (the names taken and the tagger's guesses, sorted and bisected: an article naming one name a
        # thousand times would otherwise compare every match with every name)
        order = sorted(taken)
        longest = max((b - a for a, b in order), default=0)
        guesses = sorted((kg_of(sp)["start"], kg_of(sp)["end"], i) for i, sp in enumerate(spans)
                         if kg_of(sp)["rule"] in trained)
        gone: set[int] = set()
        for m in _name_matches(names, folded):
            clashes = [(a, b) for a, b in order[bisect_left(order, (m.start - longest,)):bisect_left(order, (m.end,))]
                       if m.start < b and a < m.end]
            if clashes:
                # 「天池256超節點」… 天池256超節點由…: the tagger's guess inside a name the article has
                # stated (天池 as a place) gives way to that name
                weak = [(a, b, i) for a, b, i in guesses[bisect_left(guesses, (m.start,)):bisect_left(guesses, (m.end,))]
                        if b <= m.end and i not in gone]
                if {(a, b) for a, b, _ in weak} != set(clashes):
                    continue
                for a, b, i in weak:
                    gone.add(i)
                    taken.remove((a, b))
                    order.remove((a, b))
            info = m.payloads[0]
            span = char_span(doc, m.start, m.end, CLASS_LABEL.get(info["cls"], "ORG"))
            if span is None:
                continue
            span._.kg = {**info, "rule": "same-article", "confidence": 0.6, "start": m.start, "end": m.end}
            out.append(span)
            taken.append((m.start, m.end))
            insort(order, (m.start, m.end))
            longest = max(longest, m.end - m.start)
        if gone:
            spans[:] = [sp for i, sp in enumerate(spans) if i not in gone]
        return out

    def _classify(self, name: str, rule: Rule) -> str | None:
        if rule.name in ("tariff", "year-end-party"):  # the verb before says what it is, whatever words name it
            return rule.cls
        if rule.name == "org-suffix" and name.endswith("股份") and STAKE_VERB_BEFORE.search(name, 0, len(name) - 2):
            return None  # 計畫減持|股份, 模式購得|股份: shares bought or sold, no firm limited by shares
        if rule.name in ("org-suffix", "org-long") and NOT_A_FIRM_OPENING.match(name):
            return None  # 30餘家|微電子, 做強|半導體: a count of firms, or a verb making the trade stronger
        kinds = COUNT_OF_KINDS.search(name) if rule.name in ("org-suffix", "org-long") else None
        if kinds is not None and kinds.start() > 0 and self._leading_place(name) != kinds.start():
            return None
        if rule.name in ("org-suffix", "org-long") and re.fullmatch(rf"[{HAN}]{{2,4}}性[{HAN}]{{2,4}}", name):
            return None  # 戰略性資本, 全球性銀行: a word made an adjective by 性 describes a kind, names no firm
        if rule.name in ("org-suffix", "org-long") and (KIND_OF_SEMICONDUCTOR.search(name) or KIND_OF_TRADE.fullmatch(name)):
            return None  # 碳化矽功率半導體, 化合物半導體: a kind of chip; 消費性電子, 高階電子: a kind of goods, no firm
        house = LATIN_HOUSE.fullmatch(name) if rule.name == "org-suffix" else None
        if house is not None:   # Kiwoom 證券, IBK 投資證券 (AI 集團: a kind, no house)
            return None if house.group("latin") in NOT_PRODUCTS else "Company"
        if rule.name == "named-mechanism" and (_common_word(name) or _dictionary_word(name)
                                               or _dictionary_word(name[:-2]) or name.startswith(GENERIC_START.tuple())):
            return None  # 建立長效機制, 推出激勵機制: a plain word for a kind of mechanism, no rule's name
        if name.endswith("创新中心") and (len(name) < 8 or _dictionary_word(name[:-4]) or _common_word(name[:-4])):
            return None   # 設立技術創新中心: a kind of centre, no name (國家集成電路創新中心 is one)
        if rule.name == "policy" and re.match(r"(?:19|20)\d\d\s*年?\s*第\s*\d+\s*号", name):
            return None  # 公告|2025第62號規定: the number of a notice (numbered-notice), not a rule of its own
        if rule.name == "named-with-abbreviation":  # (資助計劃（AISS）: a scheme is a policy)
            return None if _common_word(name) else "Policy" if name.endswith(("计划", "计画", "项目", "方案", "战略", "政策", "倡议", "蓝图")) \
                else "ResearchInstitute" if name.endswith(("研究院", "研究所", "实验室")) else "Organization"
        if rule.name in NAMED_BY_ROLE_RULES:
            # 華泰國際為獨家保薦人, 晴川財經獲悉: the cue says what it is; a plain word or a pointer is no name
            return None if (_dictionary_word(name) or name in GENERIC or name.startswith(GENERIC_START.tuple())
                            or re.match(r"[该本此这其据外]|\d", name)) else rule.cls
        core = name
        if rule.cls == "Organization" and COUNT_OPENING.match(name):
            return None  # 3間辦公室, 兩家研究院: a count, no body
        if rule.name == "org-suffix" and _words_before_a_firm_word(name, ("微电子", "半导体", "科技", "电子")) \
                and not any(len(w) >= 2 and self.index.lookup(w) for w in _cut(name)):
            # 高端運算|半導體: words of the language before the word for an industry, no name (復旦|微電子: a
            # name the reference knows is a name's stem, whatever jieba counts)
            return None
        if rule.cls == "Policy" and (name[:1] in "不未无没非" or re.search("不(?:受|得|会|能|再|是|必|用)", name)):
            return None  # 基本不受規定的限制: a negation opens a phrase, no policy
        if rule.name == "cabinet" and (_dictionary_word(name[:2]) or name[1] in "是的了在为与和及由被对将把向给让"):
            return None  # 這正是|內閣, 也是|內閣: a word or a verb before 內閣, no prime minister's name
        if rule.name == "quoted-org" and (name.startswith(GENERIC_START.tuple()) or re.match(r"[这那此该本某每各]", name)
                                          or _common_word(name) or "的" in name or name.endswith(NOT_BODY_ENDINGS)):
            # 「這個局」: a pointer and a plain word in quotes name no body; “中國自己的GPU公司”, “…就已開始布局”:
            # a description or a clause quoted, no name
            return None
        if rule.name in ("series-chip", "quoted-then-kind") and (
                name in GENERIC or name.startswith(GENERIC_START.tuple()) or QUOTED_GRADE.search(name)
                or name in NOT_PRODUCTS or rule.name == "quoted-then-kind" and _common_word(name)):
            return None   # 高端系列晶片, 「國產」平台: a grade or a plain word names no line
        # (「長江」, 「華山」: a place's name in quotes before the word for a chip is the chip's coined name)
        if rule.name == "quoted-han-chip" and (not _dictionary_name(name) and (_common_word(name) or _dictionary_word(name))
                                                or name in GENERIC
                                                or name.startswith(GENERIC_START.tuple()) or QUOTED_GRADE.search(name)
                                                or (len(_cut(name)) >= 2 and all(len(w) >= 2 and _common_word(w)
                                                                                  for w in _cut(name)))):
            # 「國產」晶片, 「高端」晶片, “次先進”晶片, 要「過度生產」晶片: a plain word, a grade or a verb's
            # phrase in quotes names no chip
            return None
        if rule.name == "funding-round":
            return None if _common_word(name) or name in GENERIC or name.startswith(GENERIC_START.tuple()) else "Company"
        if rule.name == "org-long" and FUND_NAME.fullmatch(name) and not name.startswith(GENERIC_START.tuple()):
            return "Organization"   # 北京集成電路產業投資基金: a fund named by its seat and its industry
        if rule.cls == "Organization":
            for suffix, cls in SUFFIX_CLASS.items():
                if name.endswith(suffix):
                    core = name[: -len(suffix)]
                    if core in GENERIC or len(core) < 2 or re.search(r"\d\s*$", core) \
                            or core in GENERIC_START:   # 23日報導: a date, no paper; 部分實驗室: some, no name
                        return None
                    return cls
            if name.endswith("法院") and not COURT.search(name):
                return None  # 尊重法院判決: a court is named by its level or its seat
            if name.endswith("法庭"):  # 國家法庭 (Singapore's State Courts), 地方法庭
                return "GovernmentAgency" if COURT.search(name) else None
            if name.endswith(GOV_SUFFIX):
                if len(name) - len(next(x for x in GOV_SUFFIX if name.endswith(x))) < 2:
                    return None  # (免租全)裝辦公室, 辦公室: a word alone, or after a character, names no body
                if rule.name == "minister-ministry" and (re.search(
                        r"(?:总|内|全|东|西|南|北|中|外|局|干|本|乐|支|各|该|此|这|管)部$", name) or re.search(r"[自将于的]", name)):
                    return None
                return "GovernmentAgency"
            company_suffix, matched = False, None
            for suffix in ORG_SUFFIXES:
                if name.endswith(suffix):
                    core, matched = name[: -len(suffix)], suffix
                    company_suffix = suffix in ("公司", "科技", "集团", "股份", "有限公司", "股份有限公司")
                    break
            if matched in ("股份有限公司", "有限责任公司", "有限公司", "合伙企业") and len(core) >= 4 and not core.startswith(GENERIC_START.tuple()) \
                    and re.fullmatch(rf"[{HAN}a-z0-9()（）]+", core) and not ORDINAL_START.match(core):
                return "Company"  # 上海國有資本投資有限公司: a registered name, whatever words it is made of
            if name.endswith(("引导基金", "投资基金")) and len(name) >= 8 and re.fullmatch(rf"[{HAN}]+", name) \
                    and not name.startswith(GENERIC_START.tuple()) and not _opens_with_verb(name):
                return "Organization"  # 國家創業投資引導基金: a fund's full name, whatever words it is made of
            lead = self._leading_place(core) if matched in NATIONAL_BODIES else 0
            if lead and len(core) - lead >= 2 and re.fullmatch(rf"[{HAN}]+", core) and not _opens_with_verb(core[lead:]) \
                    and not re.search(r"[的了和与及等在为是将于]", core[lead:]):
                return "Organization"  # 中國汽車行業協會: a country's body of a trade, named by plain words
            if matched == "公司" and core != name and core.endswith(ORG_SUFFIXES) and self._classify(core, rule) == "Company":
                return "Company"  # 晴川科技|公司: a firm's name with its kind, then 公司 (AI科技|公司 is a kind of firm)
            if (core in GENERIC or len(core) < 2 or (company_suffix and core[-2:] in GENERIC) or _common_word(core[-2:])
                    or (matched == "科技" and core[-1:] in ("高", "新", "黑"))  # 戰略性高科技: the word 高科技
                    or re.fullmatch(r"[中美日韩台港欧英德法俄]{2}", core)
                    or re.search(r"\d", core) and re.search(r"元|币|亿|万|股", core)  # 4億港元|股份: a sum of shares
                    or core.startswith(GENERIC_START.tuple())
                    or (core.endswith(GENERIC_END.tuple()) and not _stem_before_generic(core)) or core in NOT_PRODUCTS
                    # (AI公司, 5G科技: a kind of firm; SK集團, KT證券: a group or a house known by its letters)
                    or re.fullmatch(r"[a-z]{1,2}\s?股", core)  # A股|股份, H股|股份: a class of shares, no firm
                    or re.fullmatch(r"[a-z]{1,3}\d*", core) and not (re.fullmatch(r"[a-z]{2,3}", core)
                                                                   and matched in ("集团", "证券", "银行", "控股", "资本"))
                    or core.endswith(("内", "期间", "以来", "之后", "之前", "当中", "之中"))  # 報告期內公司
                    or (core.endswith("型") and matched in ("存储", "电子", "半导体", "智能", "光电", "软件", "通信"))  # 利基型|存儲: a kind
                    or TIME_WORD.search(core)  # 上市首日|公司股價: a time word, no name
                    or re.search(r"\d\s*(?:家|个|名|位|年|月|日)", core)  # 今年有3到5家|公司: a count or a date
                    # 12奈米|半導體, 10座|半導體, 三檔子基金, 三期股份: a count, a size or an ordinal opens no name
                    or re.match(r"[\d一二三四五六七八九十两几多数]+\s*(?:奈米|纳米|nm|座|期|档|家|个|轮|款|只|支|批|成|倍|颗|片|张|台|套)", core)
                    or _opens_with_verb(core)  # 突顯|半導體, 完成AI|半導體: a verb opens a phrase, no name
                    # 有集成電路布圖設計: a verb of one character; (而是)要親自下場設計: a modal
                    or re.match(r"[有为是将把被对在从向要会能可应需须]", core)
                    or (matched == "汽车" and _kind_of_car(name))  # 新能源|汽車: a kind of car, no carmaker
                    or (matched == "设计" and re.search(r"(?:处理器|芯片|晶片|架构|电路|产品)$", core))  # 處理器|設計
                    or self._place_and_word(core)  # 香港物流|公司, 休士頓|公司: a place and a plain word
                    # 旗艦|公司, 測數據無疑展現|公司: a plain word or a phrase before the bare suffix
                    or (matched in ("公司", "科技", "半导体") and _dictionary_word(core))
                    or (company_suffix or matched not in ("股份有限公司", "有限责任公司", "有限公司", "合伙企业")) and _phrase(core)
                    or (company_suffix and core[-1:] in ("母", "子"))  # 歸屬母公司, 旗下子公司
                    or _word_and_kind_of_chip(core)  # (中國)通用GPU|公司: companies of a kind, no name
                    # 編程軟件, 通訊電子: a plain word before a suffix that is a plain noun itself
                    or (matched in NOUN_SUFFIXES and _dictionary_word(core, 100))):
                return None
            return "Company"
        if rule.cls == "Person" and ADDRESSED.fullmatch(name):
            return None   # 陳先生: a form of address, the person's other name (see _short_forms), no person of its own
        if rule.cls == "Person" and CITY_GOVERNMENT.fullmatch(name):
            return None   # 高市府: a city's government (see _city_governments), no person
        if rule.cls == "Person" and rule.name in NAME_AFTER_CUE_RULES:
            # (陳向東: 向 between a surname and a given name's last character is the given name's)
            if name[0] not in SURNAMES or name in NOT_NAMES or any(ch in NAME_BREAK and ch not in MIDDLE_NAME_CHARS
                                                                   for ch in name[1:-1]) \
                    or (name[-1] in NAME_BREAK and name[-1] not in GIVEN_NAME_CHARS) \
                    or _dictionary_phrase(name) or COUNTRY_COLLECTIVE.fullmatch(name) \
                    or (name[0] in "和与及" and _dictionary_word(name[1:3], 200)):
                return None   # (董事和|全部: a joining word before a common word, no surname 和)
        if rule.name == "title-han-name" and (name in NOT_NAMES or any(ch in NAME_BREAK for ch in name)
                                              or _dictionary_phrase(name) or _common_word(name[:2])
                                              or COUNTRY_COLLECTIVE.fullmatch(name)):
            return None   # 社長上週表示, 大臣今天指出: a time or a plain word, no name
        if rule.name == "place-suffix" and (NO_PLACE.search(name) or name[:1] in "占佔超在到"):
            return None  # 佔大市, 地級市, 超越傳統重鎮: the market, a kind of city, a verb's phrase
        if rule.name == "place-suffix":
            core = re.sub(r"(?:科学园区|高新区|开发区|新区|园区|自治区|省|市|县|区|镇)$", "", name)
            if name.endswith("上市") or "市值" in name or "市场" in name:
                return None
            if PERSON_TITLE.search(core):
                return None  # 副部長劉鎮|東: a title and a name, no town
            if len(core) < 2 or core in GENERIC or _common_word(core[-2:]) and not _common_word(core) or \
                    _dictionary_word(core) or core.endswith(("地", "城", "郊", "社", "园", "厂", "产业", "工业", "行政",
                                                                  "特别", "经济", "保税", "示范", "试验", "服务")) \
                    or core.startswith(GENERIC_START.tuple() + ("全", "本", "各", "所在", "当地", "该")):
                return None
            return "City" if name.endswith(("市", "县", "镇")) else "AdministrativeRegion"
        if rule.name == "sourced-paper" and (_dictionary_word(name) or name.startswith(GENERIC_START.tuple() + ("公司", "其", "最新"))
                                             or re.search(r"(?:财|年|季|公|通|简|周|月|情|举|申|预|汇|研|日)报$", name)):
            return None   # 據公司財報, 據最新年報: a report of a kind, no paper (日報 papers have their own rule)
        if rule.name == "latin-company":
            words = name.split()
            if all(w in NOT_PRODUCTS or len(w) < 2 or re.fullmatch(r"[a-z]{0,3}\d+[a-z]?", w) for w in words) or \
                    len(name.replace(" ", "")) < 3:
                return None
            return "Company"
        if rule.cls in ("Product", "Chip") and (name.replace(" ", "") in NOT_PRODUCTS or name in GRADE_WORDS
                                               or all(w in NOT_PRODUCTS for w in name.split())):
            return None  # AI ASIC, AI GPU: kinds of chip, not names
        if rule.name == "brand-model-kind":
            core = re.match(rf"[{HAN}]+", name).group()
            if re.search(r"[代款型系]$", core):
                return None  # 下一代950芯片: a generation, no brand
            if _common_word(core) or core in GENERIC or any(ch in STOP_CHARS or ch in "万亿千百张颗片个款台套块" for ch in core) \
                    or self.index.lookup(core) \
                    or TIME_WORD.match(core) or _opens_with_verb(core):
                return None  # 華為910芯片 is the brand's (see _brand_models); 採用5nm晶片, 1萬張QH-900 name nothing
            return "Chip"
        if rule.name in ("kind-then-chip", "launched-chip"):
            core = re.match(rf"[{HAN}]*", name).group()
            from kg.nlp.tokenizer import field_words
            if core and (core in GENERIC or _common_word(core) or _common_word(core[:2]) or core in field_words()
                         or any(ch in STOP_CHARS for ch in core) or _opens_with_verb(core) or TIME_WORD.match(core)
                         or core[0] in "现已可再共均达约总仅皆还又每"  # M5芯片現配備10核: an adverb opens a phrase
                         or core[-1] in "达为是约超逾近至"):  # 晶片算力達256: a measure, its verb before the figure
                return None  # 晶片出口到50, 晶片銷售額30: a phrase, no name
            return "Chip"
        if rule.name in ("launched-product", "quoted-product", "named-architecture"):
            core = re.sub(r"(?:超节点|服务器|伺服器|计算集群|集群|一体机|大模型|芯片|晶片|处理器|加速卡)$", "", name)
            from kg.nlp.tokenizer import field_words
            if len(core) < 2 or core in GENERIC or _common_word(core) or _common_word(core[:2]) or core in field_words() or \
                    re.match(r"[可能会要将已]", core) or _opens_with_verb(core) or \
                    core.startswith(GENERIC_START.tuple()) or re.search(r"[的了和与及等新款代]", core) or re.fullmatch(
                        r"(?:高端|高性能|先进|旗舰|自研|国产|新型|主力|中端|低端|入门|顶级|通用|专用|边缘|车用|车规|手机|"
                        r"存储|逻辑|模拟|功率|射频|云端|终端|训练|推理|ai|gpu|算力|智能|超级|大型|小型)+(?:系列)?", core):
                return None
            return "Chip" if name.endswith(("芯片", "晶片", "处理器", "加速卡")) else "Product"
        if rule.name == "ticker-name":
            bare = name[:-3] if name.endswith("-ky") else name
            # (a common word is a name here: the stock code says so, 創意（3443）)
            if bare in GENERIC or bare.startswith(GENERIC_START.tuple()) \
                    or re.search(r"[的了和与及等在为是将于]", bare) or TIME_WORD.search(bare):
                return None
            return "Company"
        if rule.cls in ("Event", "Policy"):
            # (a title in 《》 is a name however short: 《貿易法》)
            if len(name) < (3 if rule.name == "titled-policy" else 4) or name.startswith(EVENT_GENERIC_START.tuple()) or re.fullmatch(
                    r"(?:经贸|贸易|高层|部长|领导人)?(?:磋商|会谈|谈判|会议|会晤|峰会|论坛|大会)", name):
                return None
            if rule.cls == "Event" and (re.search(r"[今明去前后每当同该本]年会$", name) or _opens_with_verb(name)
                                        or TIME_WORD.match(name) or re.match(r"(?:上|下|本|这|今|明)(?:周|週|个月|月)", name)):
                return None  # 相信今年會(非常具有挑戰): 會 is will, after a time word; a verb opens no event's name
            if rule.cls == "Event" and (re.match(r"\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?", name) or _dictionary_word(name, 10)
                                        or re.fullmatch(r"(?:例行|定期|记者|新闻|线上|视频|临时)+(?:发布会|会议|研讨会|论坛)", name)):
                return None  # 5月15日商務部例行新聞發布會, 新聞發布會: a day's meeting, described, not named
            if rule.cls == "Policy" and re.fullmatch(r"第\s*[\d一二三四五六七八九十百零]+\s*条(?:第[\d一二三四五六七八九十]+款)?(?:规定|之规定)?", name):
                return None   # 《對外貿易法》第七條規定: an article of the law named before, no rule of its own
            if rule.cls == "Policy" and (re.search(r"法律法规|(?:有关|相关)(?:规定|法律|法规)", name)
                                         or rule.name == "quoted-policy" and (_dictionary_word(name, 10) or _opens_with_verb(name)
                                                                              and not name.endswith(("法", "法案", "条例")))):
                return None  # 法律法規有關規定: the laws in general; 號稱「改變遊戲規則」, 「沒有其他的解決辦法」: a phrase in quotes
            core = re.sub(r"(?:规定|禁令|法案|条例|新规|规则|禁售令|制裁|清单|措施|法规)$", "", name)
            from kg.nlp.tokenizer import field_words
            bare = re.sub(r"^[a-z0-9]+", "", core)
            if rule.cls == "Policy" and (len(core) < 2 or core.startswith(("一", "另", "这", "该", "此", "新", "同名", "类似", "上述",
                                                                           "受", "遭", "被"))   # (避免遭)受次級制裁
                                         # 國內業者應持續強化出口管制: what someone should do, no rule's name
                                         or re.search(r"(?<![供适反对响回相效感答呼顺照理报])应(?![用对变])|必须|需要|持续|继续"
                                                      r"|正在|已经", core)
                                         or _common_word(core) or (bare != core and _common_word(bare)
                                                                   and bare not in field_words())):
                return None   # (AI遊戲規則: a Latin word before a plain word, the rules of the game; AI晶片禁令 stays)
            if rule.cls == "Policy" and rule.name not in ("export-controls", "listed-into") and re.fullmatch(
                    r"(?:相关|有关|此类|这些|上述|该|新|各项|多项|现行|既有|国际|全球|多边|严格|更严格|"
                                                      r"新一轮|进一步|更多)?"
                                                      r"(?:出口管制|管制|规定|规则|新规|禁令|清单|条例|措施|法规)+", name):
                return None
            if rule.cls == "Policy" and re.fullmatch(r"(?:该|此|新)?(?:法案|法律|公告|条例|办法|文件|通知|协议|决定|政策|新规|规则)"
                                                      r"(?:规定|要求)", name):
                return None  # 法案規定，…: what the bill lays down, no rule of its own
        return rule.cls


PLACE_CLASSES = {"Country", "City", "AdministrativeRegion", "GeoRegion", "Place"}
#: bodies a country's name opens as part of the name (中國互聯網協會), unlike a company's (美國|星曜半導體公司)
NATIONAL_BODIES = CueWords("national-body")
#: a surname and a form of address: 陳先生, 林女士
ADDRESSED = CuePattern(lambda w: rf".(?:{w('address-form')})")
ADDRESS_WORD = CuePattern("address-form")
# Kiwoom 證券, Mirae Asset 證券: a securities house, a bank or a group named in Latin words, spaced from its word
LATIN_HOUSE = re.compile(r"(?P<latin>[a-z][a-z0-9& ]*?) (?:投资证券|证券|银行|资本|资产管理|集团|控股)")
# 母公司, 子公司 inside what the tagger reads as one organisation: two firms, the one after it named
FIRM_RELATION_WORD = re.compile(r"(?:的)?(?:母公司|母企|子公司|孙公司|旗下)")
FIRM_RELATION_END = re.compile(FIRM_RELATION_WORD.pattern + "$")
# a known company's name, words of its trade, and the legal form of a joint-stock company
REGISTERED_AS = re.compile(r"(?P<core>.{2,}?)(?:科技|电子|微电子|半导体|集成电路|技术|信息|智能|光电|通信|存储|芯片|"
                           r"控股|集团|实业|制造|工业)*(?:[(（](?P<seat>[\u4e00-\u9fff]{2,3})[)）])?股份有限公司")
COMMON_WORD_FREQ = 1000
# 3間辦公室, 兩家公司, 5起案件: a count and its measure word open no name
COUNT_OPENING = re.compile(r"(?:逾|约|近|超过|超|上)?[\d一二三四五六七八九十百千万两几多数]+\s*[起个家只名位项间所座处]"
                           # 全球第6大|半導體, 第三大|半導體: a rank, no name
                           r"|(?:全球|全国|世界|亚洲|国内)?第[\d一二三四五六七八九十]+大")


PREDICATE_TAGS = {"v", "vd", "p", "c", "u", "d", "q", "r", "xc"}


EXPORT_REGIME = CuePattern("export-regime")


def _bare_export_controls(folded: str, spans, existing) -> None:
    """規避出口限制 … 確保出口管制: export controls named bare are one regime, the one the article
    names in full (美國出口管制, 晶片出口管制, 稀土出口管制: the first such policy), else one entity."""
    bare_keys = {kg_of(s)["key"] for s in spans if kg_of(s)["rule"] == "export-controls"}
    if not bare_keys:
        return
    named = sorted((kg_of(s) for s in spans + list(existing) if kg_of(s) and kg_of(s)["cls"] in ("Policy", "Law")
                    and kg_of(s)["key"] not in bare_keys
                    and EXPORT_REGIME.search(folded, kg_of(s)["start"], kg_of(s)["end"])), key=lambda i: i["start"])
    bare = sorted((kg_of(s) for s in spans if kg_of(s)["key"] in bare_keys), key=lambda i: i["start"])
    regime = named[0] if named else bare[0]
    for info in bare:
        info.update(key=regime["key"], known=regime["known"], cls=regime["cls"])


TARIFF_RATE = re.compile(r"(\d+(?:\.\d+)?)\s*%")


def _bare_tariffs(folded: str, spans) -> None:
    """加徵25%的進口從價關稅 … 課徵25%關稅 … 加征關稅: a tariff named by its rate alone, or bare, is the one
    the article named before it at that rate (or at any rate, when bare); the first is its own."""
    tariffs = sorted((kg_of(s) for s in spans if kg_of(s)["rule"] == "tariff"), key=lambda i: i["start"])
    seen: list[dict] = []
    for info in tariffs:
        name = folded[info["start"]:info["end"]]
        rate = TARIFF_RATE.search(name)
        plain = re.fullmatch(r"(?:\d+(?:\.\d+)?\s*%\s*的?\s*)?关税", name) is not None
        if plain:
            before = next((i for i in reversed(seen) if rate is None or
                           (m := TARIFF_RATE.search(folded[i["start"]:i["end"]])) is None or m.group(1) == rate.group(1)), None)
            if before is not None:
                info.update(key=before["key"])
                continue
        seen.append(info)


def _subsidiary_span(doc: Doc, a: int, b: int, rule: str, parent: str | None, inner: dict | None = None,
                     confidence: float = 0.7) -> Span | None:
    """A company of its own found from a known firm's name: a subsidiary (its parent's key, and the name
    inside it, its seat, for extraction to link) or a sister firm of a group (no parent): its span over a..b."""
    span = char_span(doc, a, b, "ORG")
    if span is not None:
        span._.kg = {"key": f"company/{name_key(texts(doc)[0][a:b])}", "cls": "Company", "known": False,
                     "rule": rule, "confidence": confidence, "start": a, "end": b,
                     **({"parent": parent} if parent is not None else {}), **({"inner": inner} if inner is not None else {})}
    return span


#: 三星|物產, 三星|重工業: the trade of one of a group's companies after the group's name, where the name ends
# (G42公司建設的園區: after 的 the word is a verb's, what the firm builds)
GROUP_TRADE_AFTER = CuePattern(lambda w: rf"(?P<trade>{w('group-trade')})(?=[，,。、；;：:\s（(与和及也均都则将已在于曾等]|$)")
#: 高通|技術, 輝達|投資: the trade that makes a parent's name a subsidiary's, after the word for one
SUBSIDIARY_TRADE = re.compile(r"(?P<trade>技术|科技|投资|创投|资本|半导体|电子|微电子|国际|控股|软件|软体|云|研究院)")
#: the words of a fund or a firm after 投資 in its name (產業投資母基金, 國有資本投資有限公司)
FIRM_AFTER_INVESTING = ("母基金", "基金", "集团", "控股", "公司", "管理", "有限", "合伙", "发展")


def _after_predicate(doc: Doc, start: int, end: int, min_len: int = 1) -> int | None:
    """Where a would-be name really starts when the trained tagger reads a verb, preposition,
    pronoun or the like inside it (取得北辰微電子 → 北辰微電子; 業務轉到海外子公司 → 海外子公司,
    which then fails as generic). The name's own last word (…存儲, …規則) is its head and is
    not asked. None when nothing inside is such a word."""
    inside = _lac_inside(doc._.get("lac_words") or [], start, end)
    # (積極協助|塔塔集團蓋廠: when the tagger's last word runs past the name, every word inside is asked)
    folded = texts(doc)[1]
    # (重慶產業投資|母基金: investing before a fund's or a firm's word is the trade the name says, no verb)
    cuts = [e for s, e, t in inside if e < end and t in PREDICATE_TAGS
            and not (folded[s:e] == "投资" and folded.startswith(FIRM_AFTER_INVESTING, e))]
    # (比AI擴散|法案: a rule's name may hold a verb, 擴散, 管制; the cut leaves a name long enough)
    long_enough = [c for c in cuts if end - c >= min_len]
    return (long_enough or cuts)[-1] if cuts else None


_LAC_BOUNDS: tuple = (None, 0, None, None)  # the last doc's lac_words, their number, starts and ends


def _lac_bounds(words: list) -> tuple[list[int], list[int]] | None:
    """The starts and the ends of a doc's LAC words, for bisecting, made once per doc (for its
    lac_words list, which kg_lac sorts; its words do not overlap, so their ends run in order too).
    None when starts or ends are out of order: then the callers scan every word."""
    global _LAC_BOUNDS
    cached = _LAC_BOUNDS
    if cached[0] is not words or cached[1] != len(words):
        starts, ends = [w[0] for w in words], [w[1] for w in words]
        ordered = starts == sorted(starts) and ends == sorted(ends)
        cached = _LAC_BOUNDS = (words, len(words), starts, ends) if ordered else (words, len(words), None, None)
    return (cached[2], cached[3]) if cached[2] is not None else None


def _lac_inside(words: list, start: int, end: int) -> list:
    """The LAC words within start..end, in order (a slice between two bisections, not a scan of
    every word: a would-be name asks this thousands of times an article)."""
    bounds = _lac_bounds(words)
    if bounds is None:
        return [(s, e, t) for s, e, t in words if start <= s and e <= end]
    return words[bisect_left(bounds[0], start):bisect_right(bounds[1], end)]


def _lac_overlapping(words: list, start: int, end: int) -> list:
    """The LAC words overlapping start..end, in order."""
    bounds = _lac_bounds(words)
    if bounds is None:
        return [(a, b, t) for a, b, t in words if a < end and b > start]
    return words[bisect_right(bounds[1], start):bisect_left(bounds[0], end)]


def _may_match(pattern: re.Pattern, folded: str) -> bool:
    """False when the text lacks every one of some set of strings the pattern cannot match without
    (周刊|日報 for a paper's suffix, 法院|法庭 for a court): then a scan of the whole text with it
    finds nothing, and is skipped. The sets are read off the pattern itself (see _needs)."""
    needs = _NEEDS.get(pattern)
    if needs is None:
        needs = _NEEDS[pattern] = _needs(pattern)
    return all(any(s in folded for s in alternatives) for alternatives in needs)


_NEEDS: dict = {}


def _needs(pattern: re.Pattern) -> list:
    """Sets of strings, cheapest first, such that any match of the pattern holds one string of each:
    its literal runs, its alternations' (one set per branch, joined), what a repeat of at least one
    holds. Lookarounds, classes and case-insensitive parts ask nothing. [] when unsure."""
    try:
        from re import _constants as C, _parser as P
    except ImportError:  # (another Python: no pre-check)
        return []

    def sequence(items) -> list:
        out, run = [], ""
        for op, av in items:
            if op is C.LITERAL:
                run += chr(av)
                continue
            if run:
                out.append(frozenset([run]))
                run = ""
            if op is C.SUBPATTERN and not av[1] & re.IGNORECASE:
                out += sequence(av[3].data)
            elif op is C.BRANCH:
                branches = [sequence(b.data) for b in av[1]]
                if all(branches):
                    out.append(frozenset().union(*(min(b, key=len) for b in branches)))
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1:
                out += sequence(av[2].data)
        if run:
            out.append(frozenset([run]))
        return out
    if pattern.flags & re.IGNORECASE or not isinstance(pattern.pattern, str):
        return []
    try:
        found = sequence(P.parse(pattern.pattern, pattern.flags).data)
    except Exception:  # noqa: BLE001 (a parser of another Python: no pre-check)
        return []
    return sorted((f for f in found if len(f) <= 40), key=len)


_SCRIPT: tuple = (None, None)  # the last article's text and its script


def _fact(known, prop: str) -> str | None:
    """The first target of a known entity's reference fact prop (None for an unknown entity)."""
    return next((t for p, t in (known.facts if known is not None else ()) if p == prop), None)


OWN_COUNTRY = re.compile(r"我国(?!家)")   # (我國家: not a word the press uses for the country)
TAIWAN_USAGE = CueWords("taiwan-usage")
MAINLAND_USAGE = CueWords("mainland-usage")
MALAYSIA_USAGE = CueWords("malaysia-usage")
SINGAPORE_USAGE = CueWords("singapore-usage")
HOME_DOMAIN = CueWords("home-domain")
#: a lone Latin letter before a word for a firm ends the name: 某C公司, A持C公司 (a placeholder)
PLACEHOLDER_FIRM = re.compile(r"(?<![a-z0-9])[a-z]\s?(?:公司|企业|集团|厂商)$")


def _regional_arms(doc: Doc, folded: str, spans: list) -> None:
    """中興通訊（香港）, 華夏基金(香港): a firm's name with a place alone in brackets after it names the
    firm's arm there, one name; the place is part of it (an inner mention, seat-in-name), joining
    none of the facts of the clause."""
    named = [s for s in list(doc.spans.get(ENTITIES, [])) + spans if kg_of(s)]
    placed = {kg_of(s)["start"]: s for s in named if kg_of(s)["cls"] in PLACE_CLASSES}
    every = [(kg_of(s)["start"], kg_of(s)["end"]) for s in named]
    arms, seats = {}, set()
    for s in named:
        info = kg_of(s)
        if info["cls"] not in ("Company", "Organization") or info.get("inner") \
                or folded[info["end"]:info["end"] + 1] not in ("(", "（"):
            continue
        place = placed.get(info["end"] + 1)
        close = kg_of(place)["end"] if place is not None else -1
        if place is None or folded[close:close + 1] not in (")", "）") or any(
                a <= info["start"] and close + 1 <= b for a, b in every):
            continue   # (中芯國際（北京）公司: a registered name found whole holds it already)
        whole = char_span(doc, info["start"], close + 1, s.label_)
        if whole is None:
            continue
        whole._.kg = {**info, "end": close + 1, "inner": {**kg_of(place), "rule": "seat-in-name"}}
        arms[(info["start"], info["end"])] = whole
        seats.add((kg_of(place)["start"], close))
    if not arms:
        return
    def arm(s):
        return arms.get((kg_of(s)["start"], kg_of(s)["end"]), s) if kg_of(s) else s
    spans[:] = [arm(s) for s in spans if (kg_of(s)["start"], kg_of(s)["end"]) not in seats]
    doc.spans[ENTITIES] = [arm(s) for s in doc.spans.get(ENTITIES, [])
                           if not (kg_of(s) and (kg_of(s)["start"], kg_of(s)["end"]) in seats)]


#: a university and a department or school of it (電機工程系, 商學院): the university is the body named
UNIVERSITY_PART = re.compile(rf"(?P<university>[{HAN}]{{2,10}}?大学)[{HAN}]{{1,8}}?(?:系|学院|研究所)")


def _home_of(url: str | None) -> str | None:
    """The country the host of an article's address is in (name cues, home-domain: www.kwongwah.com.my is
    Malaysia's), or None."""
    from urllib.parse import urlsplit
    host = (urlsplit(url).hostname or "") if url else ""
    label = host.rsplit(".", 1)[-1] if "." in host else ""
    return next((c for row in HOME_DOMAIN for d, _, c in [row.partition(":")] if d == label), None)


def _home_by_words(doc: Doc, folded: str) -> str:
    """The country an article's words say its press is in, for its 我國 (an article with no address): Malaysia's
    or Singapore's Chinese press by their words (東姑扎夫魯表明，我國沒有…), else the mainland's in Simplified,
    else Hong Kong's (China) or Taiwan's by theirs."""
    my, sg = _count_words(folded, MALAYSIA_USAGE), _count_words(folded, SINGAPORE_USAGE)
    if my >= 2 and my > sg:
        return "malaysia"
    if sg >= 2 and sg > my:
        return "singapore"
    return "china" if _script_of(texts(doc)[0]) == "zh-Hans" or \
        _count_words(folded, MAINLAND_USAGE) > _count_words(folded, TAIWAN_USAGE) else "taiwan"


def _count_words(folded: str, words: CueWords) -> int:
    """How many times the words occur in the text."""
    return sum(folded.count(w) for w in words)


def _script_of(text: str) -> str:
    """kg.text.script_of(text), worked out once per article's text (it converts the whole text
    twice; _other_home asks it for each known organisation named without its place)."""
    global _SCRIPT
    cached = _SCRIPT
    if cached[0] is not text:
        from kg.text import script_of
        cached = _SCRIPT = (text, script_of(text))
    return cached[1]


_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def _name_matches(names, folded: str) -> list:
    """NameIndex(names).finditer(text, folded) for one article's few names, without building and
    compiling a regular expression per article: every occurrence of each name by str.find, then
    the same matches, leftmost-longest and never overlapping, a name that opens or ends with a
    Latin letter or digit only at a word edge (see kg.nlp.names)."""
    from kg.nlp.names import NameMatch
    from kg.text import fold
    payloads: dict[str, list] = {}
    for name, payload in names:  # (as NameIndex keeps them)
        key = fold(name.strip())
        if len(key) < 1:
            continue
        bucket = payloads.setdefault(key, [])
        if payload not in bucket:
            bucket.append(payload)
    longest: dict[int, int] = {}  # where a name starts → where the longest one starting there ends
    size = len(folded)
    for key in payloads:
        edge_start, edge_end = key[0] in _ALNUM, key[-1] in _ALNUM
        at = folded.find(key)
        while at >= 0:
            end = at + len(key)
            if not (edge_start and at > 0 and folded[at - 1] in _ALNUM) and \
                    not (edge_end and end < size and folded[end] in _ALNUM) and longest.get(at, -1) < end:
                longest[at] = end
            at = folded.find(key, at + 1)
    out, pos = [], 0
    for at in sorted(longest):
        if at >= pos:
            out.append(NameMatch(at, longest[at], tuple(payloads[folded[at:longest[at]]])))
            pos = longest[at]
    return out


# 美中科技競逐, 中美貿易: two countries' short names side by side open a phrase about both, not a place
TWO_COUNTRIES = r"[中美日韩台港欧英德法俄印越泰][中美日韩台港欧英德法俄印越泰]"


def _two_countries_and_word(name: str) -> bool:
    """美中貿易, 美中貿易戰, 中美科技戰: two countries' short names, then a word of the language or a war
    between them, are a phrase about both, no place nor organisation."""
    from kg.nlp.tokenizer import base_frequencies
    rest = name[2:]
    return bool(re.match(TWO_COUNTRIES, name)) and (_common_word(rest) or base_frequencies().get(rest, 0) > 0
                                                    or rest.endswith("战"))


def _drop_known_across_people(doc: Doc) -> None:
    """張振|華為|實際控制人: a known short name that straddles the edge of a person's name the trained
    tagger read (張振華|為) is a misreading of the two words, no mention."""
    people = [(s, e) for s, e, t in doc._.get("lac_words") or [] if t == "PER" and e - s >= 2]
    if not people:
        return
    starts, ends = [s for s, _ in people], [e for _, e in people]
    ordered = starts == sorted(starts) and ends == sorted(ends)  # (lac_words are; then bisect, not scan)

    def straddles(info) -> bool:
        a, b = info["start"], info["end"]
        if b - a > 3:
            return False
        if not ordered:
            return any(s < a < e < b or a < s < b < e for s, e in people)
        # a person ending inside (a, b) who starts before a, or one starting inside it who ends after b
        return any(s < a for s, _ in people[bisect_right(ends, a):bisect_left(ends, b)]) or \
            any(e > b for _, e in people[bisect_right(starts, a):bisect_left(starts, b)])
    known = [(kg_of(sp)["start"], kg_of(sp)["end"]) for sp in doc.spans.get(ENTITIES, [])
             if kg_of(sp) and kg_of(sp).get("known")]

    def both_known(info) -> bool:
        # 寒武|紀思元 over 寒武紀|思元590: the tagger's person runs into another known name, so the
        # misreading is the tagger's, not the names'
        a, b = info["start"], info["end"]
        return any(s < b and a < e and (s < a or e > b) and any(
            (x, y) != (a, b) and x < e and s < y for x, y in known) for s, e in people)
    doc.spans[ENTITIES] = [sp for sp in doc.spans.get(ENTITIES, [])
                           if not (kg_of(sp) and kg_of(sp).get("known") and straddles(kg_of(sp))
                                   and not both_known(kg_of(sp)))]


#: the dot joining a transliterated given name to the surname (桑賈伊·梅赫羅特拉)
NAME_DOTS = "·‧・•"


def _given_name_of_known(doc: Doc, folded: str, spans) -> None:
    """桑賈伊·梅赫羅特拉: a known person named by the surname after a transliterated given name and a
    dot is named by the whole (the press writes the given name many ways; the surname is the known
    alias); the given name, a person found before the dot or a word the tagger read there, is no
    person of its own."""
    words = doc._.get("lac_words") or []
    for sp in list(doc.spans.get(ENTITIES, [])):
        info = kg_of(sp)
        if not (info and info.get("known") and info["cls"] == "Person") or folded[info["start"] - 1:info["start"]] not in NAME_DOTS \
                or info["start"] < 2:
            continue
        dot = info["start"] - 1
        given = next((kg_of(s)["start"] for s in spans if kg_of(s) and kg_of(s)["cls"] == "Person" and kg_of(s)["end"] == dot), None)
        if given is None:
            given = next((a for a, b, _ in words if b == dot and 2 <= b - a <= 4 and re.fullmatch(rf"[{HAN}]+", folded[a:b])), None)
        whole = char_span(doc, given, info["end"], sp.label_) if given is not None else None
        if whole is None:
            continue
        whole._.kg = {**info, "start": given}
        doc.spans[ENTITIES] = [whole if kg_of(s) and (kg_of(s)["start"], kg_of(s)["end"]) == (info["start"], info["end"])
                               else s for s in doc.spans.get(ENTITIES, [])]
        spans[:] = [s for s in spans if not (kg_of(s) and given <= kg_of(s)["start"] and kg_of(s)["end"] <= info["end"])]


def _first_word_of_named_firm(folded: str, spans) -> None:
    """Ampere Computing … Ampere近年來營收承壓: the first word of a firm's Latin name that this article
    names, written alone, is that firm, though the reference knows the word as something else (Nvidia's
    Ampere architecture)."""
    firms: dict[str, dict] = {}
    for sp in spans:
        info = kg_of(sp)
        if info and info.get("known") and info["cls"] in ORG_CLASSES:
            m = re.fullmatch(r"([a-z][a-z0-9]{3,}) [a-z][a-z0-9 .&-]*", folded[info["start"]:info["end"]])
            if m is not None:
                firms.setdefault(m.group(1), info)
    for sp in spans:
        info = kg_of(sp)
        firm = firms.get(folded[info["start"]:info["end"]]) if info else None
        if firm is not None and info["key"] != firm["key"] and info["cls"] not in ORG_CLASSES | PLACE_CLASSES | {"Person"}:
            info.update(key=firm["key"], cls=firm["cls"], known=True, rule="short-form")


def _known_in_brackets(folded: str, spans, existing) -> None:
    """《人工智慧國家安全保障法案》（GAIN AI Act）, 班克斯（Jim Banks）: a new name followed by a known
    one in brackets is that known entity under another name."""
    known = {kg_of(sp)["start"]: sp for sp in existing if kg_of(sp) and kg_of(sp)["known"]}
    coarse = lambda cls: CLASS_LABEL.get(cls, "ORG")  # noqa: E731 (the spans' own coarse labels)
    for sp in spans:
        info = kg_of(sp)
        if info["known"]:
            continue
        # (貿易黑名單「實體清單」: or in quotes, a name the text gives its own words for)
        m = re.match(r"[》」”]?\s?[（(「『“]\s*", folded[info["end"]:info["end"] + 4])
        other = known.get(info["end"] + m.end()) if m else None
        if other is not None and coarse(other._.kg["cls"]) == coarse(info["cls"]) and \
                re.match(r"\s*(?:[）)」』”]|[，,]\s*音[译譯])", folded[other._.kg["end"]:other._.kg["end"] + 5]):
            info.update(key=other._.kg["key"], cls=other._.kg["cls"], known=True)


def _new_brand(folded: str, start: int, doc: Doc | None) -> bool:
    """Whether the two Chinese characters before a model number are a brand of its own (真武 in
    真武810E): no word of the language (搭載, 型號, 新款 are), no word of the field, no function
    word (約為, 發了), and a noun to the trained tagger."""
    from kg.nlp.tokenizer import base_frequencies, dictionary_names, field_words
    brand = folded[max(0, start - 2):start]
    if len(brand) < 2 or not all("\u4e00" <= c <= "\u9fff" for c in brand) or brand in GENERIC or \
            brand in field_words() or any(c in NAME_BREAK or c in "为了约达是将已发" for c in brand) or \
            any(folded[max(0, start - k):start] in field_words() for k in (3, 4, 5)):  # 加速器XG-720
        return False
    words = doc._.get("lac_words") if doc is not None else None
    if words:
        word = next((w for w in words if w[0] < start <= w[1]), None)  # the tagger's word ending the brand
        word = next((w for w in words if w[1] == start), None) if word is None or word[1] != start else word
        if word is None or word[0] != start - 2 or word[2] not in ("n", "nz", "nr", "ns", "nt", "ORG", "PER", "LOC", "nw"):
            return False
    freq = base_frequencies().get(brand, 0)
    return freq < 50 or (dictionary_names().get(brand) in ("nr", "nz") and freq < 1000)


def _stem_before_generic(core: str) -> bool:
    """星曜半導體|股份有限公司: a coined stem before a generic end (半導體, 科技, 電子) makes the core a
    name; 一家半導體|公司, 晶片設計|公司 have none."""
    end = max((g for g in GENERIC_END if core.endswith(g)), key=len, default="")
    stem = core[: len(core) - len(end)]
    return (len(stem) >= 2 and re.fullmatch(rf"[{HAN}a-z0-9]+", stem) is not None and stem not in GENERIC
            and not stem.startswith(GENERIC_START.tuple()) and not _common_word(stem) and not _dictionary_word(stem)
            and not stem.endswith(GENERIC_END.tuple()) and not ORDINAL_START.match(stem))


def _phrase(name: str) -> bool:
    """資料|中心, 測|數據|無疑|展現: a would-be Chinese name that jieba cuts into common words only,
    or into words one of which is a verb or an adverb, is a phrase of the language; names coin
    rare stems (燧原, 壁仞) that the dictionary lacks."""
    if not re.fullmatch(rf"[{HAN}]{{3,}}", name):
        return False
    from kg.nlp.tokenizer import base_frequencies, dictionary_names
    freq, names = base_frequencies(), dictionary_names()
    words = _cut(name)
    if len(words) < 2 or any(names.get(w) in ("nr", "ns", "nt", "nz") for w in words):
        return False
    if all(len(w) >= 2 and freq.get(w, 0) >= COMMON_WORD_FREQ for w in words):
        return True
    return len(words) >= 3 and any(w in FUNCTION_WORDS for w in words)


# adverbs and verbs that a name never holds (a phrase does): 無疑, 展現, 已經 (name cues, function-word)
FUNCTION_WORDS = CueWords("function-word")


# words ending in a place suffix that name no place: 誤區 (a misconception), 展區 (a hall of a fair)
AREA_WORDS = CueWords("area-word")
#: 中美雙方當地時間14日, 本月20日: a time inside what the event rule read (the last one)
EVENT_TIME_INSIDE = re.compile(r".*(?:当地时间|北京时间|\d{1,2}\s*[日号](?:起|至)?|\d{1,2}\s*月(?:\d{1,2}\s*[日号])?)\s*")
#: 三成, 20%, 百分之二十 right before 股份: how large a stake is
STAKE_SIZE_END = re.compile(r"(?:约|近|逾|超过)?(?:[一二三四五六七八九十两半\d.]+成|[\d.]+\s*%|百分之[零一二三四五六七八九十百点]+)\s*$")
# 持有, 增持, 出售…股份: verbs of holding or trading a company's shares
HOLDING = re.compile(r"(?:持有|增持|减持|出售|收购|买入|卖出|转让|认购|抛售|购入|入股|持)$")
# what names a part of a firm after the firm's name (亞利桑那子公司, Alphawave董事會), not a firm of its own
COMPANY_PARTS = CueWords("company-part")
# 協會, 學會, 工會: bodies whose names end in 會 like a meeting's
BODY_MEETINGS = CueWords("body-meeting")
# a place by its role: 東道國政府, 地方政府, 所在國政府
PLACE_WORDS = CueWords("place-word")
# 在港上市, 宣布插旗檳城: a business's verb the tagger reads as (the end of) a place's name
PLACE_VERBS = CueWords("place-verb")


def _word_and_kind_of_chip(name: str) -> bool:
    """通用GPU, 國產AI: a plain word and a kind of chip (or AI), which names no firm."""
    m = re.fullmatch(rf"(?P<han>[{HAN}]{{2,}})(?P<latin>[a-z]+)", name)
    return m is not None and (m["latin"] in GENERIC or m["latin"] in NOT_PRODUCTS) and (_common_word(m["han"]) or m["han"] in GENERIC)


# a country's one-character name (美, 中, 荷) as news headlines use it
COUNTRY_CHAR = "[中美日韩台港欧英德法俄印越泰荷]"
# what names a trade or a field, not a body: 汽車行業, 半導體產業
FIELD_OF_TRADE = ("行业", "产业", "领域", "板块", "赛道")


def _opens_with_plain_word(name: str) -> bool:
    """先進|製造, 綜合|日, 調研|行: a would-be name whose first word (jieba's cut) is a word of two
    characters or more that is no noun (an adjective, a verb, a verbal noun) is a phrase."""
    if not re.match(rf"[{HAN}]{{2}}", name):
        return False
    words = _cut(name)
    return len(words) >= 2 and len(words[0]) >= 2 and _plain_word(words[0])


#: 一家, 一間, 這家: a count or a pointer and the measure word of firms
COUNTED_FIRM = re.compile(r"[一两几多某这那该每另](?:家|间|个|所)")


def _described_firm(name: str) -> bool:
    """創投公司, 虛假公司, 科技公司: words of the language and a firm's word, or one word of the dictionary
    (創投公司), describing a firm."""
    words = _cut(name)
    if len(words) == 1:   # (jieba may tag such a word a name: 創投公司 nt)
        from kg.nlp.tokenizer import base_frequencies
        return base_frequencies().get(words[0], 0) >= 1
    return all(_dictionary_word(w) or w in ORG_SUFFIXES for w in words)


def _plain_word(name: str) -> bool:
    """合共, 私募, 台前, 調研: a word of the language that is no noun, whatever a tagger calls it."""
    from kg.nlp.tokenizer import dictionary_non_nouns
    return name in dictionary_non_nouns()


def _name_read_into_word(folded: str, name: str, end: int) -> bool:
    """張文出|生於上海, 張文身|價: a three-character name whose last character opens the word after it (出生,
    身價), when the text writes the first two alone elsewhere, before other characters (張文在, 張文思考);
    or, whatever follows, when the text writes them alone twice or more and the three only here (董事長張文|組
    跨界…, in a headline: the person the article calls 張文 throughout)."""
    if len(name) != 3 or name[0] not in SURNAMES or not re.fullmatch(rf"[{HAN}]{{3}}", name):
        return False
    from kg.nlp.tokenizer import base_frequencies
    short = name[:2]
    alone = sum(1 for m in re.finditer(short, folded) if folded[m.end():m.end() + 1] != name[2])
    if alone == 0 or _dictionary_word(short, 20):
        return False
    word = folded[end - 1:end + 1]
    return (len(word) == 2 and base_frequencies().get(word, 0) >= 50) or (alone >= 2 and folded.count(name) == 1)


def _word_after(words: list[tuple[int, int, str]], end: int, skip: tuple[str, ...] = ()) -> str:
    """The tag of the tagger's word starting at end ('' if none), past words of the skipped tags."""
    tag = next((t for a, _, t in words if a == end), "")
    while tag in skip and tag:
        end = next(b for a, b, t in words if a == end)
        tag = next((t for a, _, t in words if a == end), "")
    return tag


def _ends_inside_word(folded: str, end: int) -> bool:
    """大恩|人: a would-be name's last character and the next one are a noun of the language
    (jieba's dictionary counts 恩人 200 times or more), so the name ends inside a word. (會|後 after
    川習會 is a time word of its own, no noun.)"""
    from kg.nlp.tokenizer import base_frequencies, dictionary_non_nouns
    pair = folded[end - 1:end + 1]
    return re.fullmatch(rf"[{HAN}]{{2}}", pair) is not None and base_frequencies().get(pair, 0) >= 200 \
        and pair not in dictionary_non_nouns()


def _modifier_and_word(name: str) -> bool:
    """新|里程碑, 大|市場: an adjective of one character before a common noun is a phrase, no place."""
    from kg.nlp.tokenizer import base_frequencies
    return len(name) >= 3 and name[0] in "新大老小前后全各" and base_frequencies().get(name[1:], 0) >= 200


def _opens_with_verb(core: str) -> bool:
    """突顯半導體, 完成AI半導體: a core whose first word is a verb of the language (jieba's dictionary
    tags it v) is a phrase; names open with coined stems or places."""
    if not re.match(rf"[{HAN}]{{2}}", core):
        return False
    from kg.nlp.tokenizer import dictionary_verbs
    words = _cut(core)
    return bool(words) and len(words[0]) >= 2 and words[0] in dictionary_verbs()


def _words_before_a_firm_word(name: str, firm_words: tuple[str, ...]) -> bool:
    """跨國科技|公司, 高端運算|半導體: all the words before the word for a firm or an industry are
    common words of the language (jieba counts each 100 times or more, none as a name); names
    coin a stem or open with a place (長江存儲, 上海微電子)."""
    if name.endswith(LIMITED_FORMS):
        return False  # 三星半導體有限公司: a registered name, whatever its words
    suffix = next((w for w in firm_words if name.endswith(w)), None)
    words = _cut(name[:-len(suffix)]) if suffix and len(name) > len(suffix) + 1 else []
    return bool(words) and all(len(w) >= 2 and _dictionary_word(w, 100) for w in words)


def _dictionary_name(word: str) -> bool:
    """A word jieba's dictionary tags as a name of a person, a place or an organisation (長江, 華山)."""
    from kg.nlp.tokenizer import dictionary_names
    return word in dictionary_names()


def _dictionary_verbs() -> frozenset:
    from kg.nlp.tokenizer import dictionary_verbs
    return dictionary_verbs()


def _kind_of_car(name: str) -> bool:
    """電動汽車, 新能源汽車, 二手汽車: 汽車 after a kind of car (name cues, kind-of-car) names no carmaker."""
    return name.endswith("汽车") and name[:-2].endswith(KIND_OF_CAR.tuple())


def _ju_ends_a_word(folded: str, end: int) -> bool:
    """布局, 格局, 當局, 入局, 賽局, 局面, 局部: the 局 a would-be bureau's name ends in is the end of a word of the
    language (jieba's dictionary counts it 50 times or more, or a verb or a particle makes it), or the
    start of one."""
    from kg.nlp.tokenizer import base_frequencies
    # (賽局, 牌局, 困局, 新局: words of the language jieba counts too rarely)
    # (董事局: a company's board, no bureau)
    return base_frequencies().get(folded[end - 2:end], 0) >= 50 or folded[end - 2] in "入破缺亏变终的之了个赛牌困新" \
        or folded.startswith(("面", "势", "部", "限"), end) or folded.endswith("董事局", 0, end)


def _cut(name: str) -> list[str]:
    """jieba's words of a name (the tokenizer's dictionary, without our names)."""
    from kg.nlp.tokenizer import base_cut
    return base_cut(name)


def _field_word(word: str) -> bool:
    """A word of the field that is never a name alone (ontology/lexicon/field-words.txt: 數據中心)."""
    from kg.nlp.tokenizer import field_words
    return word in field_words()


def _dictionary_word(word: str, times: int = 50) -> bool:
    """A word jieba's dictionary counts `times` or more and tags as no name (稀土, 移動)."""
    from kg.nlp.tokenizer import base_frequencies, dictionary_names
    return base_frequencies().get(word, 0) >= times and dictionary_names().get(word) not in ("nr", "ns", "nt", "nz")


def _dictionary_phrase(name: str) -> bool:
    """A would-be Chinese name that is a word of the language (司法部, jieba counts it 50 times or
    more) or opens with a very common one (簡單來|說, 黃金|…): people's given names are rare in the
    dictionary, phrases are not."""
    from kg.nlp.tokenizer import base_frequencies, dictionary_names
    if dictionary_names().get(name) == "nr":  # the dictionary knows it as a person's name (司馬懿)
        return False
    freq = base_frequencies()
    return freq.get(name, 0) >= 50 or freq.get(name[:2], 0) >= 2000


def _starts_mid_word(folded: str, start: int) -> bool:
    """生產|動態隨機存取存儲: the character before the name and the name's first make a common word,
    so the would-be name begins inside a word."""
    from kg.nlp.tokenizer import base_frequencies
    pair = folded[start - 1:start + 1]
    return start > 0 and re.fullmatch(rf"[{HAN}]{{2}}", pair) is not None and base_frequencies().get(pair, 0) >= 500


def _brand_of_named_chips(folded: str, spans, existing) -> None:
    """晶片曜芯S9, where 曜芯 is 曜芯科技's short form: a chip found after the word for a chip whose
    name opens with an organisation's name is that organisation's model, as 曜芯S9 is without the word."""
    orgs = [(folded[kg_of(o)["start"]:kg_of(o)["end"]], kg_of(o)["key"]) for o in list(spans) + list(existing)
            if kg_of(o) and kg_of(o)["cls"] in ORG_CLASSES]
    for s in spans:
        info = kg_of(s)
        core = re.match(rf"[{HAN}]{{2,}}", folded[info["start"]:info["end"]]) if info["rule"] == "kind-then-chip" else None
        brand = next((key for name, key in orgs if core and name.startswith(core.group())), None)
        if brand is not None:
            info.update(rule=BRAND_RULE.name, confidence=BRAND_RULE.confidence, developer=brand)


def _common_word(word: str) -> bool:
    """A word common in general Chinese text (jieba's dictionary counts it 1,000 times or more):
    消費, 新興, 背後, 國家. A name's core ending in one is a phrase, not a name (消費電子,
    大陸國家市); names coin rare stems (燧原, 壁仞, 長鑫)."""
    from kg.nlp.tokenizer import base_frequencies
    return len(word) >= 2 and base_frequencies().get(word, 0) >= COMMON_WORD_FREQ
ORG_CLASSES = {"Company", "Organization", "ResearchInstitute", "University", "GovernmentAgency"}
AMOUNT_NAME = re.compile(r"[\d.,，]+\s*[亿万千百兆]*\s*[{HAN}a-z]{{0,3}}?(?:元|币|圆|镑|卢比|令吉|%)?".format(HAN=HAN))
# a currency's name closing what the tagger read as an organisation (達新台幣, 約人民幣)
CURRENCY_WORD = re.compile("|".join(sorted((c for c in CURRENCY if len(c) >= 2), key=lambda c: (-len(c), c))))
CURRENCY_AT_END = re.compile(f"(?:{CURRENCY_WORD.pattern})$")
FIRM_TAIL = re.compile(r"金融|证券|银行|基金|控股|资本|集团|股份")
KIND_OF_TRADE = re.compile(rf"(?:[{HAN}]{{1,3}}性|高阶|高端|低端|中高端|中低端|消费|先进|传统|一般)(?:电子|半导体|科技|电子产品)")
KIND_OF_SEMICONDUCTOR = re.compile(r"(?:功率|化合物|宽禁带|第三代|分立|模拟|射频|车规级?|碳化硅|氮化镓|砷化镓|硅基)半导体$")
FACILITY_RULE = Rule("facility", "Place", re.compile(r"(?!)"), 0.65)   # found by kg.nlp.facilities
PLANT_KINDS = CueWords("plant-kind")


def _transliterated(name: str) -> bool:
    """Whether a name is written only in the characters Chinese transliterates foreign names with."""
    return len(name) >= 5 and all(c in TRANSLIT for c in name)


def _plant_kind(word: str) -> bool:
    """代工|廠, 封測|廠, 新建|廠: a kind of plant or a word of a clause, not the site a firm's plant is at
    (北辰科技所有|新廠房, 新工|廠: which of its plants, or a new one; a site known as a place is asked before)."""
    return word in PLANT_KINDS or word in WHICH_PLANTS or word.startswith("新") or any(c in STOP_CHARS for c in word) \
        or re.search(r"[一二两三四五六七八九十几多数][座家个间处所]|[座家]", word) is not None


#: words saying which of a firm's plants, not where: 所有廠房, 現有工廠
WHICH_PLANTS = frozenset({"所有", "现有", "全部", "其他", "其它", "部分", "各地", "海外", "本地", "当地", "首座", "旗下", "自有", "多数"})
PLANT_AFTER = re.compile(r"\s?(?:新)?(?:厂|工厂|晶圆厂|厂区|园区|基地|产线|研发中心)")
#: a verb of buying a firm, what the firm does, its Latin name(s) in brackets: 收購高速互連(Alphawave)
_LATIN_NAMES = r"[(（]\s*(?P<names>[a-z][a-z0-9 .&\-]{0,30}(?:\s*[,，、/]\s*[a-z][a-z0-9 .&\-]{0,30})*)\s*[)）]"
ACQUIRED_LATIN = re.compile(rf"(?:收购|并购|鲸吞|吞并|买下|拿下|入股)[^，。；,;()（）]{{1,12}}?{_LATIN_NAMES}")
MORE_ACQUIRED_LATIN = re.compile(rf"\s*(?:与|和|及|、|以及)[^，。；,;()（）]{{1,12}}?{_LATIN_NAMES}")
LATIN_NAME_IN_LIST = re.compile(r"[a-z][a-z0-9 .&\-]*[a-z0-9]|[a-z]")
ACQUIRED_LATIN_RULE = Rule("acquired-latin", "Company", re.compile(r"(?!)"), 0.6)   # found by _acquired_latin
# 長鑫存儲合肥與北京工廠: the place after a firm opens a list of its plants' sites
PLANTS_LISTED = re.compile(r"(?:与|和|及|、)[\u4e00-\u9fff]{2,4}?" + PLANT_AFTER.pattern)
# (三星電子 Q2, 台積電 H1: a quarter or a half of the year after a firm's name, no model)
BRAND_MODEL = re.compile(r"\s?(?!(?:q[1-4]|h[12]|fy\d{2,4})(?![a-z0-9]))(?P<model>[a-z]{1,3}-?\d{1,4}[a-z]{0,2})(?![a-z0-9])")
#: 小米17S Pro, 北辰9 Ultra: a number (and a letter) after a brand is a model when a grade follows it
SERIES_NUMBER = re.compile(r"\s?(?P<model>\d{1,3}[a-z]{0,2})(?=\s?系列)")
GRADED_NUMBER = re.compile(r"\s?(?P<model>\d{1,3}[a-z]{0,2})(?=(?: (?:ultra|pro|max|plus|mini|lite))+(?![a-z0-9]))")
# (690AI加速器: AI before the word for the chip is what kind it is, no part of the model)
_MODEL_LETTERS = r"(?:(?!ai(?![a-z]))[a-z]{1,3})?"      # the letters closing a model number, not a lone AI
_MODEL_ENDS = r"(?!(?!ai(?![a-z]))[a-z0-9%])"              # nothing of the model goes on (AI may follow)
FAMILY_NUMBER = re.compile(r"\s?(?P<model>\d{1,4}(?:\.\d)?" + _MODEL_LETTERS + r"(?:-(?:max|pro|plus|mini|turbo|ultra|flash|lite|[a-z]\d{0,2}))?)"
                           + _MODEL_ENDS + r"(?!\.\d)(?!\s*(?:年|月|日|亿|万|美元|元|倍|颗|片|张|台|家|个|款|%))")
#: a variant hyphened onto a known model's name (Qwen3-Max, GPT-5-Chat, Gemini-2.5-Pro), as written
#: (not H200-based: a word of English in lower case is no variant)
HYPHENED_VARIANT = re.compile(r"(?:-(?:[0-9]+(?:\.[0-9]+)?|[A-Z][A-Za-z0-9]*))+(?![A-Za-z0-9.\-])")
#: a coined word with a capital inside (SuperCluster, PowerEdge) after a space, ending a name
SIBLING_WORD = re.compile(r" (?P<word>[A-Z][a-z]+[A-Z][A-Za-z]*)(?![A-Za-z0-9.\-])")
#: a bare model number listed after a family's model (昇騰960和970)
# (天璣9500與輕旗艦8500: a few words of its grade between; see _listed_models)
LISTED_MODEL = re.compile(rf"\s?(?:(?:和|与|及|、|以及)\s?(?P<grade>(?:(?![的是为将在对把被和与及])[{HAN}]){{1,4}}?)?|或|,|，|/)\s?"
                          r"(?P<model>\d{2,4}" + _MODEL_LETTERS + ")" + _MODEL_ENDS + r"(?!\.\d)"
                          r"(?!\s*(?:年|月|日|亿|万|美元|元|倍|颗|片|张|台|家|个|款|%|号|名|位|人))")
#: a model number after a slash, the letters of the model before it left out (GB200/300; not 80GB or 2025/26年)
SLASHED_MODEL = re.compile(r"/(?P<model>\d{2,4}[a-z]?)(?![a-z0-9%/.])(?!\s*(?:年|月|日|财年|亿|万|美元|元|%))")
#: words of grade after a family's model (Snapdragon X9 Elite Extreme, Xeon 6 Max)
#: Snapdragon X Elite: a lone letter after a family is a model when a grade follows it
LETTER_GRADED = re.compile(r" (?P<model>[a-z])(?= (?:elite|extreme|ultra|pro|max|plus)(?![a-z0-9]))")
MODEL_GRADE = re.compile(r"(?: (?:elite|extreme|ultra|pro|max|plus|mini|lite|gen ?\d{1,2}))+(?![a-z0-9])")
# Vera Rubin Ultra, Trainium Pro: a family's variant named by a word of grade (the known ones, Blackwell Ultra,
# are reference names and never reach this)
FAMILY_VARIANT = re.compile(r"\s?(?P<model>ultra|pro|max|plus|mini|lite|gen\s?\d{1,2})(?![a-z0-9])")  # Snapdragon 8 Elite Gen 6
# EPYC Turin, Xeon Granite Rapids: a generation's code name after a family (matched on the text as written)
FAMILY_CODENAME = re.compile(r" (?P<model>[A-Z][a-z]{2,11}(?: [A-Z][a-z]{2,11})?)(?![A-Za-z0-9])")
#: English words after a family that say what it is or how it is sold, no code name
CODENAME_NOT = frozenset("""series family chip chips processor processors cpu gpu server servers platform platforms
    edition line lineup product products card cards core cores accelerator accelerators architecture generation
    and or with for the of in on to is are was will has have new next data center centre ai system systems
    module modules board boards""".split())
FAMILY_RULE = Rule("family-model", "Chip", FAMILY_NUMBER, 0.75)
#: 維吉尼亞州|斯特林（Sterling）: a transliterated town after its state, its Latin name in brackets
TOWN_AFTER_REGION = re.compile(rf"(?P<name>[{TRANSLIT}]{{2,5}})\s?[（(]\s?(?P<latin>[a-z][a-z .'\-]{{2,24}})\s?[)）]")
#: 經濟產業大臣, 經產副大臣: a Japanese minister's title after the words of the ministry's name
MINISTER_TITLE = re.compile(r"(?:副)?大臣")

NEW_BRAND_RULE = Rule("brand-and-model", "Chip", FAMILY_NUMBER, 0.65)
# (Mohammed bin Salman, Ursula von der Leyen: particles in lower case between the names)
ROMANIZED = re.compile(r"[（(]\s*(?P<latin>[A-Z][a-z]+(?:[ -](?:(?:bin|bint|al|van|von|der|den|de|da|di|du|le|la)[ -])*"
                       r"[A-Z][a-z]*\.?){1,3})\s*(?:[，,、]\s*音[譯译])?\s*[）)]")
ROMAN_RULE = Rule("romanized-name", "Person", ROMANIZED, 0.8)
# A person named in Latin letters beside a title, a nationality or an age (美國公民Michael Chen, 助理檢察官
# Sarah Miller), or before a verb of saying (Tan Wei Ming表示): capitalised words, read in the text
LATIN_PERSON_CUE = CuePattern(lambda w: rf"(?:{w('person-title')}|公民|国民|籍商人|籍男子|籍女子|商人|检察官|检察长|法官|律师|主管|岁的|"
                              # (任命David Zinsner, 執行長的Lip-Bu Tan: appointed, or named after a title and 的)
                              r"董事|高管|创始人|任命|委任|提名|聘请|聘任|延揽)(?:的)?\s*$")
LATIN_PERSON = re.compile(r"(?<![A-Za-z])(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2})(?![A-Za-z0-9])")
LATIN_PERSON_RULE = Rule("latin-person", "Person", LATIN_PERSON, 0.7)
LATIN_CORPORATE_END = re.compile(r" (?:" + CORPORATE_WORDS + r"|group|research)$", re.I)
#: a firm's word right after a would-be person's name: the name is the firm's (楊忠禮|電力, 楊忠禮|機構)
FIRM_AFTER_NAME = CuePattern("firm-after-name")
SEAT_RULE = Rule("company-and-seat", "Company", re.compile(r"(?!)"), 0.6)   # found by _company_and_seat


# 美國晶片設計公司Netlist, 以色列新創Hailo: a capitalised Latin name right after a word for a kind of firm
KIND_THEN_LATIN = CuePattern(lambda w: rf"{w('firm-word')}\s?$")
# (新創公司xLight, xAI: a lower-case letter before a capital opens a name too)
# (晶片封裝服務商ASMPT: capitals alone too, three to six of them)
LATIN_FIRM = re.compile(r"(?<![A-Za-z0-9])(?P<name>(?:[A-Z][a-z]+|[a-z]{1,2}[A-Z][A-Za-z]*)[A-Za-z0-9]*(?:[ -][A-Z][A-Za-z0-9]+){0,2}"
                        # (Moor Insights & Strategy: words joined by &)
                        r"(?: & [A-Z][A-Za-z0-9]+(?: [A-Z][A-Za-z0-9]+)?)?"
                        r"|[A-Z]{3,6})(?![A-Za-z0-9])")
LATIN_FIRM_RULE = Rule("kind-then-latin", "Company", LATIN_FIRM, 0.65)


def _latin_after_kind(text: str, folded: str) -> list[tuple[int, int, str, "Rule"]]:
    """Netlist in 美國晶片設計公司Netlist週一起訴…: a company introduced by what kind of firm it is
    (capitalised words, not an acronym such as CEO or GPU)."""
    return [(m.start("name"), m.end("name"), "Company", LATIN_FIRM_RULE) for m in LATIN_FIRM.finditer(text)
            if KIND_THEN_LATIN.search(folded, max(0, m.start() - 4), m.start()) and not _trade_acronym(m.group("name"))
            and not LINE_OF_BUSINESS_AFTER.match(folded, m.end("name"))]


# 公司IoT事業部門: after the firm's word, a line of its business and the unit that runs it, no firm
LINE_OF_BUSINESS_AFTER = re.compile(r"\s?(?:事业部|事业群|事业处|业务部|部门|业务|事业)")


def _trade_acronym(name: str) -> bool:
    """CEO, VP, GPU, AI: capitals that are a word of the trade, no firm's name."""
    return name.isupper() and (name.lower() in NOT_PRODUCTS or re.fullmatch(r"C[A-Z]O|VP|EVP|SVP", name) is not None)


# (Carsem、Inari和ViTrox等本地企業: capitalised names listed before 等 and a word for firms, joined as
# frames.MEMBER_JOIN joins a list's members)
# 其中9家公司，包括Carsem、Inari和ViTrox: firms, then the list of them
FIRMS_THEN_LIST = CuePattern(lambda w: rf"(?:{w('firm-word')})\s*[,，:：]?\s*(?:包括|包含|例如|比如|如|像是|有)\s*$")
# Carsem執行長林某, Inari總裁陳某: a capitalised name right before an officer's title and a name
OFFICER_AFTER_LATIN = CuePattern(lambda w: rf"\s?(?:{w('officer-title')})\s?[{HAN}a-z]"
                                 # (Moor Insights & Strategy的首席分析師X: a firm's analyst, economist or strategist)
                                 rf"|\s?的\s?(?:首席|资深)?(?:分析师|经济学家|研究员|策略师)\s?[{HAN}a-z]")
LATIN_CONTEXT_RULE = Rule("latin-firm-in-context", "Company", LATIN_FIRM, 0.6)
# 與Stellantis、NVIDIA、Uber攜手: a capitalised Latin name joined to a company's in a list
_LATIN_MEMBER = r"(?P<name>[A-Z][A-Za-z0-9&.\-]*[A-Za-z0-9](?: [A-Z][A-Za-z0-9&.\-]*[A-Za-z0-9]){0,2})"
LATIN_AFTER_MEMBER = re.compile(r"\s*(?:、|和|與|与|及|以及)\s*" + _LATIN_MEMBER + r"(?![A-Za-z0-9])")
LATIN_BEFORE_MEMBER = re.compile(r"(?<![A-Za-z0-9])" + _LATIN_MEMBER + r"\s*(?:、|和|與|与|及|以及)\s*")
LATIN_LISTED_RULE = Rule("latin-listed-with-firm", "Company", LATIN_AFTER_MEMBER, 0.55)


def _latin_firms_in_context(text: str, folded: str) -> list[tuple[int, int, str, "Rule"]]:
    """Capitalised names a context says are firms: members of a list closed by 等 and a word for firms
    (Carsem、Inari和ViTrox等本地企業), or the name before an officer's title and a person (Carsem執行長林某).
    Acronyms of the trade (CEO, GPU) are none."""
    names = [m for m in LATIN_FIRM.finditer(text) if not _trade_acronym(m.group("name"))]
    out = []
    run: list[re.Match] = []
    for m in names + [None]:
        if m is not None and run and MEMBER_JOIN.fullmatch(folded, run[-1].end(), m.start()):
            run.append(m)
            continue
        if len(run) >= 2 and (KIND_AFTER_LIST.match(folded, run[-1].end())
                              or FIRMS_THEN_LIST.search(folded, max(0, run[0].start() - 12), run[0].start())
                              # (由Gulf、Singtel和AIS組建的合資企業: the partners that form a venture)
                              or FORM_VENTURE_AFTER.match(folded, run[-1].end())):
            out += [(x.start("name"), x.end("name"), "Company", LATIN_CONTEXT_RULE) for x in run]
        run = [m] if m is not None else []
    # Stecon Group, Freyr Technology, True Internet Data Centre: capitalised words closed by a firm's word;
    # Nscale Global控股公司: or followed by the Chinese word for a firm
    out += [(m.start("name"), m.end("name"), "Company", LATIN_CONTEXT_RULE) for m in LATIN_FIRM_BY_WORD.finditer(text)]
    out += [(m.start("name"), m.end("name"), "Company", LATIN_CONTEXT_RULE) for m in LATIN_BEFORE_FIRM_WORD.finditer(text)
            if not _trade_acronym(m.group("name"))]
    out += [(m.start("name"), m.end("name"), "Company", LATIN_CONTEXT_RULE) for m in names
            if OFFICER_AFTER_LATIN.match(folded, m.end()) or (
                SHARES_AFTER_LATIN.match(folded, m.end())   # (not Lumawave of Lumawave IP Group named before)
                and not re.search(re.escape(m.group("name")) + r" [A-Z]", text))]
    return out


#: 由A、B和C組建的合資企業, A、B共同成立: partners forming a venture after the list of their names
FORM_VENTURE_AFTER = re.compile(r"\s?(?:共同|联合|合资|携手)?(?:组建|成立|设立|创立|合组|合资成立)")
#: True Internet Data Centre, Stecon Group: capitalised words (up to four) whose last is a firm's word
LATIN_FIRM_BY_WORD = CuePattern(lambda w: r"(?<![A-Za-z0-9&.\-])(?P<name>[A-Z][A-Za-z0-9&]*(?: [A-Z][A-Za-z0-9&]*){0,3} "
                                          rf"(?:(?i:{w('latin-firm-word')})|Data Cent(?:re|er)s?))(?![A-Za-z0-9])")
#: Nscale Global控股公司, Silver Bands公司: capitalised words right before the Chinese word for a firm
# (A持C公司35%股份: a letter standing for a firm names none)
LATIN_BEFORE_FIRM_WORD = re.compile(r"(?<![A-Za-z0-9&.\-])(?P<name>[A-Z][A-Za-z0-9&]+(?: [A-Z][A-Za-z0-9&]*){0,3})"
                                    r"(?=\s?(?:控股)?(?:有限)?(?:公司|集團|集团))")
#: IsuPetasys股價飆升18%: what has a share price or a market value is a listed firm, not a product
SHARES_AFTER_LATIN = re.compile(r"\s?(?:的)?(?:股价|股票|市值|股份)")


# 國產GPU廠商星曜智能宣布, 晶片新創企業澄瀾微將: a Chinese name right after a word for a kind of firm,
# ending where what its subject does begins
KIND_THEN_HAN = CuePattern(lambda w: rf"(?:{w('firm-word')})+(?P<name>[{HAN}]{{2,4}}?)(?=[，,。、；;（(]|{w('after-firm-name')})")
# 萬業企業旗下凱世通的離子注入機業務: a coined name right after 旗下 (a firm's own), before 的 too
UNDER_THEN_HAN = CuePattern(lambda w: rf"旗下(?:的)?(?P<name>[{HAN}]{{2,4}}?)(?=[，,。、；;（(]|的|{w('after-firm-name')})")
#: Alphawave IP Group: a Latin name of several words, the first of which a story may use alone
LATIN_FIRST_WORD = re.compile(r"([a-z][a-z0-9]{3,})(?: [a-z0-9&.]+){1,4}$")
#: words that open many firms' names and name none alone
LATIN_KIND_WORDS = frozenset("""global international advanced united national american asia asian china chinese
first general digital smart micro semi applied integrated silicon power energy tech technology data cloud
north south east west new open super ultra green future quantum pacific euro european japan korea india
taiwan hong united royal capital bank investment holdings group""".split())
#: （Christian Koitzsch）: a person's name in Latin, in brackets after the Chinese one
LATIN_PERSON_AFTER = re.compile(r"\s*[(（]\s*[a-z][a-z'.-]+(?:\s[a-z][a-z'.-]+){1,3}\s*[)）]")
#: 管理局, 署, 研究院: what a ministry's unit, named after the ministry, is called
AGENCY_UNIT = ("局", "署", "处", "司", "中心", "委员会", "办公室", "研究院", "研究所")
#: 年會, 大會, 尾牙: what a firm holds, no firm
GATHERING = re.compile(r"(?:年会|大会|会议|峰会|论坛|晚会|展会|尾牙|春酒|酒会)$")
HAN_FIRM_RULE = Rule("kind-then-han", "Company", re.compile(r"(?!)"), 0.6)   # found by _han_after_kind
NAME_TAGS = {"n", "nz", "nr", "ns", "nt", "nw", "ORG", "PER", "LOC"}
#: of those, the tags of a proper name (a person, a place, an organisation, another proper noun, a work)
PROPER_TAGS = frozenset(NAME_TAGS - {"n"})


def _han_after_kind(doc: Doc, folded: str) -> list[tuple[int, int, str, "Rule"]]:
    """星曜智能 in 國產GPU廠商星曜智能昨日宣布: a coined name after what kind of firm it is, made of
    the trained tagger's nouns and names (not a common word, a title or a phrase: 晶片企業紛紛,
    公司董事長, 企業家, 企業可獲豁免, 公司下訂單)."""
    from kg.nlp.tokenizer import base_frequencies, field_words
    freq = base_frequencies()
    words = doc._.get("lac_words") or []
    out = []
    for m in [*KIND_THEN_HAN.finditer(folded), *UNDER_THEN_HAN.finditer(folded)]:
        name, (start, end) = m.group("name"), m.span("name")
        inside = _lac_overlapping(words, start, end)
        if not inside or inside[0][0] != start or inside[-1][1] != end or any(t not in NAME_TAGS for _, _, t in inside):
            continue
        # (企業家, 公司股價: the firm's word and the name's first character, or its first two, are a word)
        if name in GENERIC or _common_word(name) or freq.get(name[:2], 0) >= 300 or \
                any(freq.get(folded[start - k:start + 1], 0) >= 100 for k in (1, 2)) \
                or name in field_words() or any(ch in STOP_CHARS for ch in name) \
                or _opens_with_verb(name) or name.startswith(GENERIC_START.tuple()) or TIME_WORD.match(name) \
                or PERSON_TITLE.search(name) or name[-1] in "们等都" or GATHERING.search(name):
            continue   # (公司年會: the firm's gathering, no firm)
        out.append((start, end, "Company", HAN_FIRM_RULE))
    return out


# 楊忠禮電力（YTL Power）: a Chinese name with its English one in brackets, a firm's by its last word
LATIN_FIRM_IN_BRACKETS = CuePattern(
    lambda w: rf"[（(]\s*[a-z][a-z0-9&\-]*(?:\s[a-z0-9&.\-]+){{0,3}}\s(?:{w('latin-firm-word')})\.?\s*[)）]")
HAN_FIRM_RULE_LATIN = Rule("han-with-latin-firm", "Company", re.compile(r"(?!)"), 0.7)   # _han_before_latin_firm


def _han_before_latin_firm(doc: Doc, folded: str) -> list[tuple[int, int, str, "Rule"]]:
    """楊忠禮電力 in 宣布與楊忠禮電力（YTL Power）合作: the trained tagger's nouns and names right
    before an English firm's name in brackets are that firm's Chinese name."""
    words = doc._.get("lac_words") or []
    out = []
    for m in LATIN_FIRM_IN_BRACKETS.finditer(folded):
        run = [w for w in words if w[1] <= m.start()]
        start = m.start()
        for a, b, t in reversed(run):
            # (方舟投資（Ark Investment）: the firm's business word last, a verbal noun to the tagger)
            if b != start or t not in NAME_TAGS and not (t == "vn" and b == m.start()):
                break
            start = a
        if m.start() - start >= 2 and re.fullmatch(rf"[{HAN}]+", folded[start:m.start()]) and \
                not _common_word(folded[start:m.start()]):
            out.append((start, m.start(), "Company", HAN_FIRM_RULE_LATIN))
    return out


# 超微的Venice伺服器處理器, Ironwood晶片: a capitalised name right before the word for a chip
LATIN_CHIP = re.compile(r"(?<![A-Za-z0-9])(?<![A-Za-z0-9] )(?P<name>[A-Z][a-z]{2,}(?: [A-Z0-9][A-Za-z0-9]*){0,2})\s?(?=(?:伺服器|服務器|服务器|車用|车用|行動|移动|AI|運算|运算|計算|计算)?"
                        r"(?:處理器|处理器|晶片|芯片|加速器|加速卡|GPU|CPU|NPU|DPU|TPU|NIC))")
LATIN_CHIP_RULE = Rule("latin-chip-name", "Chip", LATIN_CHIP, 0.65)
# 自研的MatrixLink高速網路, 搭載HiBL 1.0: a word with a capital inside (a coined name) that a firm made
# itself, or that carries a version, is a product
CAMEL_PRODUCT = re.compile(r"(?:(?<=自研)|(?<=自研的)|(?<=自主研發的)|(?<=自主研发的)|(?<=自家)|(?<=自家的))\s?"
                           r"(?P<name>(?=[A-Za-z]*[a-z][A-Z])[A-Za-z][A-Za-z0-9]*(?: ?\d{1,2}\.\d{1,2})?)(?![A-Za-z0-9.])"
                           r"|(?<![A-Za-z0-9\-])(?P<name2>(?=[A-Za-z]*[a-z][A-Z])[A-Za-z]{2,15} ?\d{1,2}\.\d{1,2})(?![0-9.%])")
CAMEL_PRODUCT_RULE = Rule("coined-latin-product", "Product", CAMEL_PRODUCT, 0.6)
GRADE_WORDS = frozenset(("ultra", "pro", "max", "plus", "mini", "lite", "series", "edge", "core"))


# 旗艦產品AmpereOne, 新一代處理器NovaCore X2: a capitalised name with lower case in it right after the word
# for what it is (an acronym there, 晶片ASIC, is a kind, not a name; a model number is chip-model's)
# 機器人平台Newton, 推理軟體Dynamo, 編排軟體NVIDIA Mission Control: software, platforms and services too (a
# brand's capitals before the capitalised words are the brand's, the name is the words)
PRODUCT_KIND_THEN_LATIN = re.compile(r"(?:(?P<chip>處理器|处理器|晶片|芯片|加速器|加速卡|GPU|CPU)|產品|产品|新品|伺服器|服務器|服务器|筆電|笔电|手機|手机"
                             r"|平台|平臺|軟體|软体|软件|軟件|服務|服务|框架|引擎|套件)"
                             r"\s?(?:[A-Z]{3,} (?=[A-Z][a-z]))?(?P<name>[A-Z][a-z]+[A-Za-z0-9]*(?: [A-Z0-9][A-Za-z0-9]*){0,3})(?![A-Za-z0-9])")
KIND_THEN_LATIN_RULE = Rule("kind-then-latin-product", "Product", PRODUCT_KIND_THEN_LATIN, 0.65)


def _latin_chip_names(text: str, folded: str) -> list[tuple[int, int, str, "Rule"]]:
    """Venice in 超微的Venice伺服器處理器: a product named in capitalised words before the word for a chip;
    NovaCore in 處理器NovaCore, after it; MatrixLink in 自研的MatrixLink (CAMEL_PRODUCT)."""
    # (酷睿Ultra處理器: a word of grade after a family's Chinese name names no chip of its own)
    return [(*m.span("name" if m.group("name") else "name2"), "Product", CAMEL_PRODUCT_RULE) for m in CAMEL_PRODUCT.finditer(text)] + \
        [(m.start("name"), m.end("name"), "Chip", LATIN_CHIP_RULE) for m in LATIN_CHIP.finditer(text)
            if m.group("name").lower() not in GRADE_WORDS] + \
        [(m.start("name"), m.end("name"), "Chip" if m.group("chip") else "Product", KIND_THEN_LATIN_RULE)
         for m in PRODUCT_KIND_THEN_LATIN.finditer(text) if m.group("name").split()[0].lower() not in GRADE_WORDS]


#: 18A, 14A, 20A: a code opening with its number, right after its maker's name (Intel 18A)
MAKERS_CODE = re.compile(r"\d{1,3}[A-Z]{1,2}\d?")
#: a run of Latin words, as a Chinese text names a thing in English: MacBook Pro, Atlas950 SuperCluster, C1-Ultra
LATIN_RUN = re.compile(r"(?<![A-Za-z0-9.\-_/])(?P<name>[A-Za-z][A-Za-z0-9]*(?:[\-.][A-Za-z0-9]+)*"
                       r"(?: [A-Z0-9][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)*)(?![A-Za-z0-9.\-_/%])")
#: the shapes of a made thing's name: letters and a number (YU7, LLaMA3), a capital after a small letter or
#: a word after an acronym, five letters at least (ChromeOS, NVQLink; IoT, SaaS, GaN are kinds), a word and its
#: grade (Vision Pro)
COINED_WORD = re.compile(r"[a-z][A-Z]|[A-Z]{2,}[a-z]{2,}")
LATIN_GRADE = frozenset(("Pro", "Max", "Ultra", "Plus", "Mini", "Air", "Lite", "SE"))
#: (DS)部門, (MX)事業部: an abbreviation in brackets and the word for a firm's division after a name
DIVISION_AFTER = re.compile(r"\s?[（(][a-z]{2,8}[)）]\s?(?:部门|事业部|事业群|业务部|业务|部)")
#: what such a shape also writes and is no name: a quarter or a half year, a number format, a standard's
#: version, a rank or a step, a unit, a ticker (FY2025, INT8, PCIe 5, Wi-Fi 7, TOP 1000, kWh, 2330-TW)
LATIN_NOT_NAME = re.compile(r"(?:q[1-4]|h[12]|fy\d{2,4}|[a-z]?\d{1,2}[qh]|(?:u?int|fp|bf|hf|tf|mxfp|nvfp)\d{1,2}|pcie(?: ?\d(?:\.\d)?)?"
                            r"|wi-?fi ?\d|usb ?\d(?:\.\d)?|lte|[2-6]g|(?:top|tier|phase|level|stage|gen|no|vol|step|round|class|grade|type|part|"
                            r"version|rank|day|week|year|page|chapter|room|gate|line) ?\d+|k?wh|[kmgt]w|[kmgt]hz|mah|db|e?mmc|"
                            r"[a-z]{1,5}-(?:us|tw|hk|sh|sz|ks|kq|jp|t)|\w+\.(?:com|net|org|cn|tw|n|o|hk))",
                            re.I)
#: 成立於, 總部位於: what is said of a firm right after its name, never of a product
FORECASTS_AFTER = re.compile(r"\s?(?:的)?(?:预期|预估|预测|估计|估算|调查|统计)")
FOUNDED_AFTER = re.compile(r"\s?(?:(?:于|在)?\d{2,4}\s*年)?\s?(?:成立|创立|创办|创建|设立|注册|总部(?:位于|设在|设于|在))")
#: a word after a Latin name that makes it a rule, a pass or a gathering, no product (F-1簽證, CHIPS法案, GTC大會)
NOT_A_PRODUCT_AFTER = re.compile(r"\s?(?:签证|法案|法令|条例|规则|规定|计划|倡议|协议|协定|大会|峰会|论坛|展会|会议|认证|标准)")
#: English words that make a run of Latin words a rule or a programme (Section 232, H-1B Visa, AI Action Plan)
LATIN_RULE_WORD = re.compile(r"(?<![A-Za-z])(?:section|act|rule|order|law|regulation|plan|initiative|program|programme|visa|"
                             r"tariff|list|agreement|accord|directive|bill|treaty|framework|strategy|ccl|eccn|ear)(?![A-Za-z])", re.I)
BARE_LATIN_RULE = Rule("coined-latin-name", "Product", LATIN_RUN, 0.5)


@functools.cache
def _metric_words() -> frozenset[str]:
    """The English names of the metrics a figure may measure (TPP, EPS, FP16): TPP12032 is a figure."""
    from kg.nlp.metrics import metric_labels
    return frozenset(labels[0].lower() for labels in metric_labels().values())


#: an acronym and the English words it stands for in brackets after it, or the words and the acronym:
#: HPB (Heat Path Block, 熱路徑阻斷), High Bandwidth Flash (HBF)
ACRONYM_SPELLED = re.compile(
    r"(?<![A-Za-z0-9])(?P<acronym>[A-Z][A-Z0-9]{1,6})\s?[（(]\s*(?P<words>[A-Z][A-Za-z0-9\-]*(?:[ \-][A-Za-z][A-Za-z0-9\-]*){1,7})\s*(?:[,，、][^）)\n]{0,20})?[）)]"
    r"|(?<![A-Za-z0-9\-])(?P<words2>[A-Z][A-Za-z0-9\-]*(?: (?:of|and|for|the|on|&|[A-Z][A-Za-z0-9\-]*)){1,7})\s?[（(]\s*(?P<acronym2>[A-Z][A-Z0-9]{1,6})\s*[）)]")
ACRONYM_SKIP = frozenset(("of", "and", "for", "the", "on", "&"))
ACRONYM_RULE = Rule("spelled-out-acronym", "Product", re.compile(r"(?!)"), 0.7)   # found by _spelled_out_acronyms
#: what the last word of the words an acronym stands for says it names
ACRONYM_ORG_WORDS = frozenset("""bureau agency department ministry commission administration office council authority
    association institute committee corporation company group alliance consortium foundation university""".split())
ACRONYM_POLICY_WORDS = frozenset("regulations regulation act rule rules law order directive program programme".split())


def _spelled_out_acronyms(text: str) -> list[tuple[int, int, str, "Rule"]]:
    """HPB (Heat Path Block): an acronym whose letters open the English words it is spelled out with
    names a thing of its own (an organisation or a rule by the last word, a product else)."""
    return [(start, end, cls, ACRONYM_RULE) for start, end, cls, _ in _acronym_matches(text)]


def _acronym_matches(text: str):
    """(start, end, class, words) of each acronym spelled out in English words, the words being a name
    of it too (AI (Artificial Intelligence): a kind of thing, spelled out, is none)."""
    for m in ACRONYM_SPELLED.finditer(text):
        first = bool(m.group("acronym"))
        acronym, words = (m.group("acronym"), m.group("words")) if first else (m.group("acronym2"), m.group("words2"))
        parts = [w for w in re.split(r"[ \-]", words) if w and w.lower() not in ACRONYM_SKIP]
        if "".join(w[0] for w in parts).upper() != re.sub(r"\d", "", acronym) \
                or acronym.lower() in NOT_PRODUCTS or acronym.lower() in GENERIC:
            continue
        last = parts[-1].lower()
        cls = "Organization" if last in ACRONYM_ORG_WORDS else "Policy" if last in ACRONYM_POLICY_WORDS else "Product"
        yield (*m.span("acronym" if first else "acronym2"), cls, words)


#: Ann Lee與Bob Ray: what joins two people named in Latin letters
PEOPLE_JOIN = re.compile(r"\s*(?:与|和|及|、|以及)\s*")


def _latin_people(text: str, folded: str) -> list[tuple[int, int, str, "Rule"]]:
    """Michael Chen, Tan Wei Ming: capitalised Latin words after a word for a person, or before a
    verb of saying (not a company: Nova Compute公司, nor a product: Blackwell Ultra晶片)."""
    out = []
    for m in LATIN_PERSON.finditer(text):
        s, e = m.span("name")
        after = folded[e:e + 4]
        # (任命Ann Lee與Bob Ray: a name joined to a person named right before it is a person's too)
        joined = bool(out) and out[-1][1] < s and PEOPLE_JOIN.fullmatch(folded, out[-1][1], s) is not None
        if LATIN_PERSON_CUE.search(folded[max(0, s - 8):s]) or VERB_AFTER.match(after) or joined:
            if not re.match(r"\s*(?:公司|集团|科技|芯片|晶片|平台|系统|架构|模型|基金|资本|实验室|大学|研究)", after) and \
                    not LATIN_CORPORATE_END.search(m.group("name")):   # (Corvex Systems宣布: a firm's name)
                out.append((s, e, "Person", LATIN_PERSON_RULE))
    # (David Zinsner 和 Michelle Holthaus 被任命為: a name joined to a person named right after it is a person's too)
    people = {a for a, _, _, _ in out}
    for m in reversed(list(LATIN_PERSON.finditer(text))):
        s, e = m.span("name")
        if s not in people and (joined := PEOPLE_JOIN.match(folded, e)) \
                and joined.end() in people and not LATIN_CORPORATE_END.search(m.group("name")):
            out.append((s, e, "Person", LATIN_PERSON_RULE))
            people.add(s)
    return sorted(out)


GOVERNMENT = re.compile(r"政府|当局|警方|检方|海关|军方|国会|议会")
# 日本國會, 韓國國會: a country's parliament (國會 alone is the US Congress, as 參議院 is its Senate)
PARLIAMENT = ("国会", "议会")
GOVERNMENT_RULE = Rule("country-government", "GovernmentAgency", GOVERNMENT, 0.75)
LOCAL_FORCE = re.compile(r"警方|检方")
# 台北|市政府, 新北市|府, 新竹|縣政府: a city's or a county's government after its name
LOCAL_GOVERNMENT = re.compile(r"[市县](?:政府|府)|政府")
# 高市府, 北市府: a city's government by the first character of its name (Taiwan's papers)
CITY_GOVERNMENT = re.compile(rf"(?:^|(?<=[^{HAN}]))(?P<name>[{HAN}]{{1,2}}[市县]府)(?!上|下|内|外|城)")
CITY_GOVERNMENT_RULE = Rule("city-government", "GovernmentAgency", CITY_GOVERNMENT, 0.75)
# 聯和投資、香港威盛、威盛上海和威盛深圳: a list of three or more names joined by 、 (the last by 和, 及 or 與)
# (a member may be Latin words, XN Mountain, or hold its seat in brackets: 中興通訊（香港）)
# (or one Latin word however long: ChinaOrient)
HOLDER_MEMBER = rf"(?:[a-z][a-z0-9]{{2,19}}(?![a-z0-9])|(?:(?!以及)[{HAN}a-z0-9]){{2,10}})(?: [a-z0-9]+){{0,3}}(?:[（(][{HAN}]{{2,3}}[)）])?"
# (國調基金、中國電信以及紅杉、經緯: 以及 joins two parts of one list, as 、 does)
HOLDER_LIST = re.compile(rf"{HOLDER_MEMBER}(?:(?:、|以及){HOLDER_MEMBER}){{1,}}")
#: 騰訊|投資: a firm's investing arm, named by the parent's name and the trade (no verb after a name)
INVESTING_TAIL = re.compile(r"(?:创业|产业|股权)?投资")
# the clause is about holding, buying into or selling a firm
HOLDING_CLAUSE = CuePattern("holding-clause")
# 易方達、南方基金、工銀瑞信等頭部公募基金: a list closed by 等 and a word for the kind of firms its members are
KIND_AFTER_LIST = CuePattern(lambda w: rf"(?:[和与及][{HAN}a-z0-9]{{2,8}}?)?(?:等(?:\d{{1,3}}|[一二两三四五六七八九十几数多]{{1,3}})?"
                                       # (兆芯集成、上海超硅均為未盈利企業: or what all of them are said to be)
                                       rf"|(?:均|都|皆|同)(?:为|是|属于?))"
                                       # (等知名 VC: a Latin word spaced from the Chinese before it)
                                       rf"[{HAN}]{{0,6}}?\s?(?:{w('firm-word')}|基金|券商|银行|机构|平台|投资人|投资者|交易对方|股东|卖方|投资方|创投|风投|vc)")
# VC機構包括, 產業資本包括, 投資方有: a word for the kind of firms opening the list of its members
KIND_BEFORE_LIST = CuePattern(lambda w: rf"(?:{w('firm-word')}|基金|机构|资本|投资方|投资人|投资者|股东|国资|创投|vc|pe)"
                                        rf"(?:则|还)?(?:包括|包含|有|为)了?\s*$")
CLIENTS_BEFORE_LIST = re.compile(r"(?:客户|合作伙伴|伙伴)(?:则|还)?(?:包括|包含|有|为)了?\s*$")
LEGAL_FORM = re.compile(r"\s(?:llc|llp|l\.?p|ltd|limited|inc|corp|corporation|pte\.?\s?ltd|sdn\.?\s?bhd|gmbh|ag|n\.v|b\.v|plc)\.?$")
# 北方華創30.86%、盛美上海35.83%、精測電子23.20%: names each followed by its figure, listed by 、
FIGURE_ITEM = rf"(?P<name>[{HAN}a-z]{{2,6}}?)\s*(?P<fig>[-+]?\d+(?:\.\d+)?\s*(?:%|亿元|亿|万元|万|元))"
FIGURE_LIST = re.compile(rf"(?:{FIGURE_ITEM.replace('?P<name>', '?:').replace('?P<fig>', '?:')}\s*、\s*){{2,}}"
                         rf"{FIGURE_ITEM.replace('?P<name>', '?:').replace('?P<fig>', '?:')}")
FIGURE_LIST_RULE = Rule("figure-list", "Organization", re.compile(r"(?!)"), 0.6)   # found by _figure_lists


def _figure_lists(doc: Doc, folded: str, found, taken) -> tuple[list, set]:
    """北方華創30.86%、盛美上海35.83%、華海清科30.27%、精測電子23.20%: three or more names each followed by
    its figure, joined by 、, one of them an organisation already found, are organisations each (the
    list ranks firms by a measure)."""
    orgs = {(kg_of(s)["start"], kg_of(s)["end"]) for s in found if kg_of(s) and kg_of(s)["cls"] in ORG_CLASSES}
    weak = {(kg_of(s)["start"], kg_of(s)["end"]) for s in found if kg_of(s) and kg_of(s)["rule"].startswith("trained-")}
    out, inside = [], set()
    for m in FIGURE_LIST.finditer(folded):
        items = [(m.start() + item.start("name"), m.start() + item.end("name"))
                 for item in re.finditer(FIGURE_ITEM, folded[m.start():m.end()])]
        if not any(any(x <= a and b <= y for x, y in orgs) or (a, b) in orgs for a, b in items):
            continue
        for a, b in items:
            # (其次是|晶盛機電: the first name starts after the last word that joins it to the clause)
            a = max([a] + [i + 1 for i in range(a, b) if folded[i] in STOP_CHARS])
            name = folded[a:b]
            if len(name) < 2:
                continue
            # (晶盛|機電57.99億元: the tagger's shorter guess inside a listed name gives way to it)
            clashes = {(x, y) for x, y in taken if a < y and x < b}
            if clashes - {(x, y) for x, y in clashes if (x, y) in weak and a <= x and y <= b} or _common_word(name) \
                    or name in GENERIC or any(ch in STOP_CHARS for ch in name) or re.search(r"[增降涨跌升达至约超为]", name):
                continue
            span = _organization_span(doc, a, b, FIGURE_LIST_RULE)
            if span is None:
                continue
            inside |= clashes
            out.append(span)
            taken.append((a, b))
    return out, inside


def _in_place_of(doc: Doc, existing: list, spans: list, taken: list, found: list, inside: set) -> tuple[list, list, list]:
    """The mentions once `found` takes the place of the ones at the ranges `inside` (dropped from the
    doc's entities, the known and the new names, and the ranges taken)."""
    if not found:
        return existing, spans, taken
    doc.spans[ENTITIES] = [s for s in doc.spans.get(ENTITIES, []) if not (s._.kg and (s._.kg["start"], s._.kg["end"]) in inside)]
    existing = [s for s in existing if (kg_of(s)["start"], kg_of(s)["end"]) not in inside]
    spans = [s for s in spans if (kg_of(s)["start"], kg_of(s)["end"]) not in inside] + found
    taken = [t for t in taken if t not in inside] + [(kg_of(s)["start"], kg_of(s)["end"]) for s in found]
    return existing, spans, taken


def _organization_span(doc: Doc, start: int, end: int, rule: Rule) -> Span | None:
    """A new organisation's span, found by a rule that reads lists (its members are organisations)."""
    span = char_span(doc, start, end, "ORG")
    if span is not None:
        span._.kg = {"key": f"organization/{name_key(texts(doc)[0][start:end])}", "cls": "Organization", "known": False,
                     "rule": rule.name, "confidence": rule.confidence, "start": start, "end": end}
    return span


HOLDER_LIST_RULE = Rule("holder-list", "Organization", re.compile(r"(?!)"), 0.6)   # found by _holder_lists
LIST_OPENING = CuePattern(lambda w: rf".*?{w('list-opening')}了?|[与和及]")   # (获得了A、B: 了 ends the verb)
#: 一批在|英特爾, 曾在|博通: a count or a preposition before a list's first name, which opens no name
PHRASE_BEFORE_MEMBER = re.compile(r"[在于从对向把被给]|^(?:[一两几多数]\s*[批群些家位名个])")
#: what parts the members of a list found by HOLDER_LIST
MEMBER_MARK = re.compile(r"、|以及")
LIST_CLOSING = CuePattern("list-closing")


def _seat_and_body(doc: Doc, seat: dict, body: dict, seat_rule: str, label: str, **kg) -> "Span | None":
    """One span of a place and the body named right after it (上海|三中院, 上海市|國資委), keyed by the
    whole name, with the place as its seat (an inner mention read by seat_rule); None off the tokens."""
    whole = char_span(doc, seat["start"], body["end"], label)
    if whole is not None:
        name = texts(doc)[0][seat["start"]:body["end"]]
        whole._.kg = {**body, **kg, "key": f"{body['cls'].lower()}/{name_key(name)}", "start": seat["start"],
                      "inner": dict(seat, rule=seat_rule)}
    return whole


def _drop(doc: Doc, spans: list, gone: set[tuple[int, int]]) -> None:
    """Take the mentions at the offsets in gone out of the doc's entities and out of spans."""
    if gone:
        doc.spans[ENTITIES] = [s for s in doc.spans.get(ENTITIES, [])
                               if not (kg_of(s) and (kg_of(s)["start"], kg_of(s)["end"]) in gone)]
        spans[:] = [s for s in spans if not (kg_of(s) and (kg_of(s)["start"], kg_of(s)["end"]) in gone)]


def _organization_kind(name: str) -> str:
    """The class of an organisation the trained tagger names, by the word its name ends with."""
    return ("MediaOrganization" if name.endswith(MEDIA_SUFFIX.tuple()) else
            "GovernmentAgency" if name.endswith(GOV_SUFFIX + ("法院", "检察院", "法庭")) else
            "University" if name.endswith("大学") else "Organization")


#: a Latin name in brackets right after a Chinese one, glossing it: （Deutsche Telekom）, (Hyundai Motor Group)
LATIN_GLOSS = re.compile(r"\s?[（(]\s*[A-Z][A-Za-z0-9&.'\-]*(?: [A-Za-z0-9&.'\-]+){0,5}\s*[)）]")


def _list_members(folded: str, start: int, end: int, clause_end: int, lac_words: list) -> list[tuple[int, int]]:
    """The members of a 、 list found at start..end: the first begins after the verb or word that opens the
    list (包括, 向, 為), the last is split at 和/及/與 and ends where what the members do begins (分別, 等,
    or a verb the dictionary knows: 轉讓)."""
    parts, pos = [], start
    for mark in MEMBER_MARK.finditer(folded, start, end):
        parts.append((pos, mark.start()))
        pos = mark.end()
    parts.append((pos, end))
    a, b = parts[0]
    opener = LIST_OPENING.match(folded, a, b)
    if opener and b - opener.end() >= 2:
        parts[0] = (opener.end(), b)
    a, b = parts[-1]
    b = min(clause_end, a + 16)   # (the pattern stops at ten characters: 嘉興信芯分|別斥資)
    close = LIST_CLOSING.search(folded, a + 2, b)
    if close:
        b = close.start()
    verbs = _dictionary_verbs()
    b = next((x for x, y, t in _lac_inside(lac_words, a + 2, b) if t in ("v", "vd", "d", "p") and
              (t in ("d", "p") or folded[x:y] in verbs)), b)
    joined = re.search(r"(?:和|及|与|以及)(?=.{2,})", folded[a + 2:b])
    parts[-1:] = [(a, a + 2 + joined.start()), (a + 2 + joined.end(), b)] if joined else [(a, b)]
    return [(x, y) for x, y in parts if y - x >= 2]


ADMINISTRATION_RULE = Rule("leader-administration", "GovernmentAgency", re.compile(r"(?!)"), 0.7)  # _governments
LAC_PERSON = Rule("trained-person", "Person", None, 0.6)
LAC_PLACE = Rule("trained-place", "Place", None, 0.55)
LAC_PRODUCT = Rule("trained-place-product", "Product", None, 0.5)
# what follows a product named like a place: its architecture (花港架構), or a few modifiers and the word for a
# chip (廬山高階圖形渲染晶片), not a plant or a trade (南港晶片廠, 新竹晶片產業)
# (北辰發布了曜光2晶片: a verb between, the place does something, it names no chip)
PRODUCT_AFTER_PLACE = CuePattern(lambda w: rf"\s?[」”』\"]?\s?(?:架构|(?P<chip>(?:(?!{w('product-verb')})"
                                            rf"[^，,。；;、\s」”]){{0,8}}?(?:{w('chip-noun')})))(?!{w('chip-trade')})")
LAC_ORG = Rule("trained-org", "Organization", None, 0.55)
# 一家GPU初創公司, AI晶片初創公司: a description of a company, not its name
KIND_OF_COMPANY = re.compile(r"[a-z0-9]*(?:初创|新创|存储|芯片|晶片|设计|半导体|科技|ai|gpu|[a-z]+)*(?:子|分|母|附属|控股)?(?:公司|企业|厂商|集团)")
# 設計商, 製造商, 晶片商: the words before 商 that make it a kind of firm
KIND_OF_FIRM = CuePattern(lambda w: rf"{w('kind-of-firm')}$")
#: 減持, 購得: a verb whose object is shares, right before 股份
STAKE_VERB_BEFORE = CuePattern(lambda w: rf"(?:{w('stake-verb')})$")
# A verb of building or setting up opens no name: (在愛達荷州)新建晶圓廠, 擴建封裝廠, 籌建研發中心
BUILDING = CuePattern("building")
TRAINED = (LAC_PERSON, LAC_PLACE, LAC_ORG, LAC_PRODUCT)
# Which of two candidates of one length wins: the rules in their order, then the trained tagger's, then
# the rest (bylines, datelines, romanised names); by identity, as comparing Rules compares their patterns
RULE_RANK = {id(r): i for i, r in enumerate(RULES)} | {id(r): len(RULES) for r in TRAINED}
MEDIA_SUFFIX = CueWords("media-word")
MEDIA_AFTER = CuePattern(lambda w: rf"{w('media-word')}(?![\u4e00-\u9fff])")
# 記者X, and 編譯X: a wire story's translator signs it as its reporter would (鉅亨網編譯陳文華)
REPORTER = re.compile(r"(?:中央社|本报|本刊|特约|实习)?(?:记者|编译)\s*[:：]?\s*"
                      # 財聯社8月25日訊(編輯 牛占林): an editor's byline in brackets
                      r"|(?<=[（(【])\s*(?:编辑|责编|责任编辑|撰文|作者)\s*[:：|｜]?\s*"
                      # 每經記者:王某 每經編輯:文某: an editor signed with a colon beside the reporter
                      r"|(?:编辑|责编|责任编辑)\s*[:：]\s*"
                      # 中新網宜昌9月20日電 (董曉斌 韓成): the reporters in brackets right after a dateline
                      r"|(?:(?<=日电)|(?<=日讯))\s*[(（]\s*(?!记者|编辑)")
REPORTER_RULE = Rule("reporter", "Person", REPORTER, 0.85)
# （記者張曉明、李雪）: a further reporter after the first
# (記者 陶力 實習生林欣宜杭州報道: or the city the byline reports from, right after the name)
CO_REPORTER = CuePattern(lambda w: rf"{w('reporter-joiner')}\s*(?P<co>[{HAN}]{{2,3}}?)(?=[)）、,，\s/／]|[{HAN}]{{2}}(?:报道|报导))")
# A dateline at a paragraph's start or in brackets: OUTLET[記者NAME][PLACE]M月D日電/訊/消息
# (站長之家（ChinaZ.com）11月20日消息: the outlet's web address in brackets after its name)
DATELINE = re.compile(rf"(?:^|(?<=\n)|(?<=[（(【]))\s*(?:另据|又据|据|根据)?(?P<head>[{HAN}a-z]{{2,16}}?)\s*"
                      r"(?:[（(]\s*[a-z0-9][a-z0-9.\-]{1,30}\.(?:com|cn|net|org|tw|hk)\s*[)）]\s*)?(?:(?:19|20)\d\d\s*年\s*)?(?:\d{1,2}\s*月\s*)?"
                      r"\d{1,2}\s*日\s*(?:电|讯|消息|报道|报导)"
                      # 觀點網12月17日，: a dateline that ends with a comma, its outlet named by a word for one
                      rf"|(?:^|(?<=\n))\s*(?P<outlet>[{HAN}a-z]{{1,8}}?(?:网|社|报|台|刊|新闻|财经))\s*(?:(?:19|20)\d\d\s*年\s*)?"
                      r"\d{1,2}\s*月\s*\d{1,2}\s*日\s*[，,]", re.M)
DATELINE_RULE = Rule("dateline-outlet", "MediaOrganization", DATELINE, 0.75)
# A byline in brackets naming the outlet before its reporter: （晶訊財經記者王柏翰／台北報導）
# 中經記者 孫汝祥 夏欣 北京報道 (a line of its own): the outlet before 記者 at a line's start
# (中國基金報記者盧鴒 alone on its line: the reporter's name ends the line)
# (潮新聞客戶端 記者 俞某: the outlet's app between)
BYLINE_LINE_OUTLET = re.compile(rf"(?:^|(?<=\n))\s*(?P<head>(?!本报|本刊|特约|实习)[{HAN}]{{2,6}}?)(?:\s?(?:客户端|app))?\s?(?:特约|实习|驻[{HAN}]{{2,4}})?记者"
                                rf"(?:\s|(?=[{HAN}]{{2,3}}(?:[、，,\s][{HAN}]{{2,3}})*[ \t]*(?:\n|$)))")
# 【財訊快報/陳某】 opening a line: the outlet, a slash, its reporter
BRACKET_OUTLET_REPORTER = re.compile(rf"(?:^|(?<=\n))\s*[【〔\[]\s*(?P<head>[{HAN}a-z]{{2,8}}?)\s*[/／|｜]\s*(?P<name>[{HAN}]{{2,3}})\s*[】〕\]]")
BYLINE_OUTLET = re.compile(rf"[（(【〔\[]\s*(?P<head>(?!本报|本刊)[{HAN}a-z]{{2,10}}?)(?:特约|实习|驻[{HAN}]{{2,4}})?记者")
#: 中國版|輝達, 台版|特斯拉: a country's or a market's 版 of a known firm, a nickname for another firm
NICKNAME_VERSION = re.compile(r"(?:中国|国产|大陆|陆|台湾|台|亚洲|美国|美|日本|日|韩国|韩|欧洲|欧|印度|东南亚|本土|港|香港|星|马)版\s?$")
TIME_ZONE = re.compile(r"\s?(?:时间|標準時間|标准时间)")
TIME_ZONE_END = re.compile(r"\s?(?:时间|标准时间)$")
DECLARED_ALIAS = re.compile(r"(?:以下|下文)?(?:简称|下称|简称为)\s*[:：]?\s*[“\"「『]?\s*(?P<alias>[^“”\"「」『』]{2,12}?)\s*[”\"」』]?")
#: 以, 在, 向: a preposition of one character, which a name may follow with no space
PREPOSITION_CHARS = frozenset("以在向对把被从由与和及于为")
PAREN_ALIAS = re.compile(r"\s?[（(](?P<alias>[^（）()\n，。、;；,]{2,12})[）)]")
BRAND_RULE = Rule("brand-model", "Chip", BRAND_MODEL, 0.75)
#: the kinds of chip or part a firm's product line is named before (愛芯通元NPU, 愛芯智眸AI-ISP)
LINE_KIND = r"(?:npu|gpu|cpu|soc|ai-isp|isp|芯片|晶片|处理器|加速卡)"
BRAND_LINE_RULE = Rule("brand-line", "Chip", re.compile(r"(?!)"), 0.65)   # found by _brand_lines
EVENT_EDGE = re.compile(r"^(?:年度|第[一二三四五六七八九十\d]+届|首届)")
EVENT_TAIL = re.compile(r"(?:大会|峰会|论坛|会议|年会)$")
#: 2025大會, -2025大會: a gathering's year and the word for it, after its known name (either script: resolve
#: reads names as written)
EVENT_EDITION = re.compile(r"[\s\-－]*(?:(?:19|20)\d\d)?\s*(?:年)?(?:大會|大会|峰會|峰会|論壇|论坛|展覽會|展览会|博覽會|博览会|年會|年会|開發者大會|开发者大会)?$")
NOT_NAMES = {"高通", "华为", "英特", "安全", "万亿", "任何", "于是", "方面", "程度", "温度", "周期", "金额", "石油"}


# rules whose Chinese name ends where the name's own characters do (checked against the surnames)
# 韓媒, 韓企, 美方: a country's one-character short name before a collective noun (its media, firms,
# side), which a surname (韓) can look like
COUNTRY_COLLECTIVE = re.compile(r"[中美日韩台港欧英德法俄印越泰陆][媒企方商股系军厂籍资制产]")  # 美製: made in
# rules whose cue says what the name before or after it is, whatever words it is made of
NAMED_BY_ROLE_RULES = ("outlet-learned", "outlet-bracket", "outlet-source", "outlet-author", "outlet-bar", "outlet-latin", "outlet-credit", "cited-source", "sponsor")
NAME_AFTER_CUE_RULES = ("title-name", "name-verb", "age-name", "nationality-name")
#: 記者陳維|報導: the verb of a byline, after the reporter's name (no part of it)
BYLINE_VERBS = ("报导", "报道")
NAME_BREAK = set("在的表称说指认等和与则也曾已于今昨将对向就被把为是从以及、，。,；;：:“”「」（）() \n出担接创领执预坦直写"
                 "分介提补证否警呼宣回透强此并还更再都亦即便他她")


# of NAME_BREAK, characters common at the end of a given name (林國強): the name ends before them only
# when they open a verb (強調), which _opens_a_verb tells
GIVEN_NAME_CHARS = frozenset("强")
# of NAME_BREAK, characters common in the middle of a three-character name (陳向東), where no word ends
MIDDLE_NAME_CHARS = frozenset("向")


#: words that may follow a subsidiary's name (子公司拓荊鍵科擬…, 子公司拓荊鍵科表示)
NAME_FOLLOW_WORDS = ("表示", "宣布", "公告", "完成", "获得", "计划", "预计", "主要", "成立", "负责", "专注")
# 子公司拓荊|鍵科擬…: what goes on after the parent's short name, up to what the subsidiary does
NAMED_FOR_PARENT_TAIL = re.compile(rf"(?![拟将已于在的为与和及也则正今昨所]|{'|'.join(NAME_FOLLOW_WORDS)})[{HAN}]{{1,4}}?"
                                   rf"(?=[拟将已于在的为与和及、，,。；;（(]|{'|'.join(NAME_FOLLOW_WORDS)})")
# 全資子公司|上海寒武紀: what a subsidiary named after its city follows
SUBSIDIARY_BEFORE = re.compile(r"(?:全资|控股|旗下)?(?:子公司|孙公司|附属公司)\s*$")
# 張鈺勃、周苑均…: a further name of a list of people, up to the list's end (or their count: 楊建三位)
LISTED_PERSON = re.compile(rf"\s*(?:、|和|与|及)\s*(?P<name>[{{HAN}}]{{2,3}}?)(?=\s*(?:、|和|与|及|均|都|皆|亦|也|等|分别|各自|[，,。；;]|[两二三四五六七八九十\d]\s*(?:位|人|名)))".replace("{HAN}", HAN))

#: the plain words for a firm: what a description of one ends with (跨國科技|公司, 國有|企業)
FIRM_WORDS = ("公司", "企业", "集团", "厂商")
#: 省, 州 after a name the tagger calls an organisation: the province or state it names (not 省長, 州立大學, 州政府)
REGION_WORD_AFTER = re.compile(r"[省州](?![长立政议府委])")
# what no place's name holds: a kind of city, the market as a whole, a word of tradition
NO_PLACE = re.compile(r"地级市|县级市|直辖市|省会|大市|传统|重镇")
# surnames that are measure words too (張 cards, 台 machines…): after a number they count, no name opens
COUNT_WORD_SURNAMES = frozenset("张台片颗枚块")

# The trained tagger cuts names itself, so only function words inside its name say it went wrong;
# NAME_BREAK's verbs' first characters (強 of 強調, 明 of 明年…) are common in given names (林偉強).
#: 30餘家, 十多家: a count of firms; 做強, 做大, 做優: a verb making something stronger, bigger, better
NOT_A_FIRM_OPENING = re.compile(r"[\d一二三四五六七八九十百千]+\s*[余多几]?\s*家|做[强大优精实深好]"
                                # 千億半導體(投資版圖): a sum opens a phrase
                                r"|[千百万十]亿")
#: 三大, 十大: a count of kinds inside a name (人工智能三大產業母基金 sums up the list before it; 上海三大先導
#: 產業母基金, opening with it or with its seat, is a name)
COUNT_OF_KINDS = re.compile(r"[两二三四五六七八九十]大")
#: 季增, 年減, 月增: a change over a period, opening what a tagger may read as a name
CHANGE_OPENING = re.compile(r"[季年月周日][增减涨跌升降]")
#: 美軍, 聯軍, 解放軍: an army, whatever a tagger calls it
ARMY = re.compile(r"(?:[美国联空海陆叛大敌友俄日韩英法德中台]|解放|志愿)军$")
CLAUSE_OPENS_AT = re.compile(r"(?:^|[，。；：！？,;:!?\n「“（(])\s*$")
LAC_NAME_BREAK = set("在的表称说等和与则也曾已于将对向就被把为是从及、，。,；;：:“”「」（）() \n")


def _name_end(folded: str, start: int, end: int) -> int | None:
    """Where a Chinese name that starts at start ends: three characters, unless the third reads as
    the start of what follows the name (在, 表示, 等), then two."""
    if start + 2 > len(folded):
        return None
    third = folded[start + 2:start + 3]
    if ADDRESS_WORD.fullmatch(folded[start + 2:start + 4]) or folded[start + 2:start + 4] in BYLINE_VERBS:
        return start + 2   # 王銳|博士: a form of address follows a two-character name; 記者陳維|報導: a byline's verb
    if start + 3 <= len(folded) and (third not in NAME_BREAK or third in GIVEN_NAME_CHARS) and "\u4e00" <= third <= "\u9fff" \
            and not _adverb_after_list(folded, start + 3) and not _opens_a_verb(folded, start + 2):
        return start + 3
    if _common_word(folded[start + 1:start + 3]) and folded[start + 1:start + 3] in _dictionary_verbs():
        return None  # 部長時|發表: the second character opens a verb, no two-character name ends there
    return start + 2


def _as_romanised_known(folded: str, spans, existing) -> None:
    """柯頓（Tom Cotton）… 柯頓強調: the Chinese form of a person whose romanised form in brackets the
    reference knows is that person, wherever the article names it again (the spans are re-keyed)."""
    latin = {kg_of(sp)["start"]: sp for sp in list(spans) + list(existing)
             if kg_of(sp) and kg_of(sp)["cls"] == "Person" and kg_of(sp)["known"]}
    renamed: dict[str, dict] = {}
    for sp in spans:
        info = kg_of(sp)
        m = re.match(r"\s*[（(]\s*", folded[info["end"]:info["end"] + 3]) if info["cls"] == "Person" \
            and not info["known"] else None
        known = latin.get(info["end"] + m.end()) if m else None
        if known is not None:
            info.update(key=known._.kg["key"], cls=known._.kg["cls"], known=True)
            renamed[folded[info["start"]:info["end"]]] = info
    for sp in spans:
        info = kg_of(sp)
        same = renamed.get(folded[info["start"]:info["end"]]) if info["cls"] == "Person" and not info["known"] else None
        if same is not None:
            info.update(key=same["key"], cls=same["cls"], known=True)


def _opens_a_verb(folded: str, at: int) -> bool:
    """許浩|經營, 陳明|擔任: the character at `at` and the next make a common word that is no noun
    (a verb, mostly): what follows a two-character name, not its third character."""
    from kg.nlp.tokenizer import dictionary_non_nouns
    from kg.nlp.tokenizer import base_frequencies
    word = folded[at:at + 2]
    return len(word) == 2 and base_frequencies().get(word, 0) >= 50 and word in dictionary_non_nouns()


def _adverb_after_list(folded: str, end: int) -> bool:
    """李明哲、周文|均曾任職: 均, 都, 皆 after the last name of a list, before a verb, say what all of them
    did; they are no part of the name."""
    return folded[end - 1:end] in ("均", "都", "皆", "亦") and folded[end:end + 1] in tuple("曾为是在已未有于被将表称认指任担")


def _drop_nested_places(doc: Doc, spans) -> None:
    """A place inside a new organisation's name (亞太 in 亞太科技安全研究院) is part of it; a place
    inside an event's name (馬德里 in 美中馬德里經貿磋商) is where it happens, and stays.
    Linear after a sort: a name-dense text has thousands of spans."""
    import bisect
    outer = sorted((kg_of(s)["start"], kg_of(s)["end"]) for s in spans
                   if kg_of(s)["cls"] in ORG_CLASSES | PLACE_CLASSES)
    group = doc.spans.get(ENTITIES)
    if group is None or not outer:
        return
    starts = [a for a, _ in outer]
    reach = [-1]  # reach[k]: the furthest end among the first k outer names
    for _, b in outer:
        reach.append(max(reach[-1], b))

    def inside_another(ps: int, pe: int) -> bool:
        # one starting at or before ps and ending after pe, or starting before ps and ending at pe
        return reach[bisect.bisect_right(starts, ps)] > pe or reach[bisect.bisect_left(starts, ps)] >= pe

    places = {"Country", "City", "AdministrativeRegion", "GeoRegion", "Place"}
    # 韓國|半導體產業協會: the country opening a national body's name stays a mention (the body's country)
    folded = texts(doc)[1]
    national = {kg_of(s)["start"] for s in spans if kg_of(s)["cls"] in ORG_CLASSES
                and folded.endswith(NATIONAL_BODIES.tuple(), kg_of(s)["start"], kg_of(s)["end"])}
    keep = []
    for s in group:
        info = kg_of(s)
        if not (info and info.get("cls") in places and inside_another(info["start"], info["end"])) or \
                (info.get("cls") == "Country" and info["start"] in national):
            keep.append(s)
    doc.spans[ENTITIES] = keep


SEATED = re.compile(r"\([^()]{1,4}\)[\u4e00-\u9fff]{0,10}?(?:股份有限公司|有限责任公司|有限公司|公司)$|\(有限合伙\)$")


# 天使輪, Pre-A輪, C+輪: a funding round after a firm's name
ROUND_TAIL = re.compile(r"(?:天使|种子|pre-?[a-e]\+?|[a-e]\+{0,2}|战略)轮$")
# 廣汽集團間接全資附屬公司: what a firm is to another, after the other's name, is no part of the name
SUBSIDIARY_TAIL = CuePattern(lambda w: rf"(?:间接|直接)?(?:{w('holding-degree')})(?:{w('subsidiary-noun')})公司$")


#: the words of a fund's kind that end its name: 投資基金, 產業投資母基金 (a cut stops before them)
FUND_KIND_TAIL = re.compile(r"(?:(?:产业|创业|股权)?投资)?(?:引导)?母?基金$")
#: 引導基金, 投資基金: what is left of a fund's name cut after its 投資 (no name of its own)
FUND_KIND_ONLY = re.compile(r"(?:引导|产业|发展|专项)?(?:投资)?母?基金")


#: adverbs a transliterated name may run into (山姆·曼曾在…): once, also, will, already, then
ADVERB_AFTER_NAME = frozenset("曾也将已则却亦还就都并")
#: words ending in a body's character that name no body: 布局, 格局, 部署
NOT_BODY_ENDINGS = ("布局", "格局", "结局", "大局", "全局", "僵局", "骗局", "部署", "签署")


def _trim(folded: str, start: int, end: int, rule: Rule) -> tuple[int, int]:
    """Pull a candidate's left edge past function words, verbs, digits of counts and spaces; and its
    right edge before a subsidiary's description (廣汽集團|間接全資附屬公司)."""
    if rule.name == "tariff":
        return start, end   # 25%的進口從價關稅: its rate and its kind are the tariff's name, as the levy verb bounds it
    if rule.name == "org-suffix" and LATIN_HOUSE.fullmatch(folded, start, end):
        return start, end   # IBK 投資證券: the house's words are its name, not a verb before it
    if (start == 0 or folded[start - 1] == "\n") and folded[start:start + 1] in ("和", "与") and end - start >= 4:
        first = start   # 和泰電子 opening a paragraph: nothing before it to join, so 和 is the name's
        start, end = _trim(folded, start + 1, end, rule)
        return (first, end) if start == first + 1 else (start, end)
    tail = SUBSIDIARY_TAIL.search(folded, start, end)
    if tail is not None and tail.start() - start >= 2:
        end = tail.start()
        if folded[end - 1] == "的" and end - 1 - start >= 2:
            end -= 1   # 曜芯科技的|全資子公司: the 的 ties the parent to its subsidiary
    if rule.cls in ("Event", "Policy", "Organization") and rule.name not in ("quoted-org", "titled-policy", "numbered-notice"):
        head_end = folded.find("(", start, end)
        # (北京集成電路產業投資基金: the cut stops before the words of the kind, 投資 of 投資基金 too)
        fund = FUND_KIND_TAIL.search(folded, start, end)   # (產業投資母基金: the whole kind of fund)
        head_end = head_end if head_end > 0 else max(start, fund.start() if fund else end - 2)
        legal = rule.name in ("org-long", "org-suffix", "partnership") and folded.endswith(LIMITED_FORMS, start, end)
        m = (LEFT_CUT_LEGAL if legal else LEFT_CUT_EVENT if rule.cls == "Event" else LEFT_CUT).match(folded, start, head_end)
        if m and m.end() > start:
            core = MINISTRY_CORE_RE.search(folded, start, end) if rule.name in ("ministry-and", "minister-ministry") else None
            start = min(m.end(), core.start()) if core else m.end()  # 投資|貿易及工業部 keeps its 投資
    if rule.name == "policy":  # 新法案|甚至比晶片擴散法案: a rule's name named before ends where this one may start
        inner = [m.end() for m in re.finditer(r"法案|规则|规定|禁令|条例|新规|清单", folded[start:end - 2])]
        if inner and end - (start + inner[-1]) >= 4:
            start += inner[-1]
    if rule.name == "abbrev-event":
        for i in range(folded.find("(", start, end) - 1, start - 1, -1):
            if folded[i] in STOP_CHARS:
                start = i + 1
                break
    if rule.cls == "Organization" and rule.name in ("org-suffix", "org-long"):
        suffix_len = next((len(x) for x in sorted(ORG_SUFFIXES + tuple(SUFFIX_CLASS) + GOV_SUFFIX, key=len, reverse=True)
                           if folded.endswith(x, start, end)), 0)
        suffix_len = max([suffix_len] + [len(x) for x in LIMITED_FORMS if folded.endswith(x, start, end)])
        if (kind := FUND_KIND_TAIL.search(folded, start, end)) is not None:
            suffix_len = max(suffix_len, end - kind.start())   # 重慶|產業投資母基金: the fund's kind, whole
        legal = folded.endswith(LIMITED_FORMS, start, end)
        body = folded.endswith(NATIONAL_BODIES.tuple(), start, end)  # 中國企業資本聯盟: its members' kind is its name's
        m = (DESCRIPTOR_LEGAL if legal else DESCRIPTOR_BODY if body else DESCRIPTOR).match(folded, start, end - suffix_len)
        fund = FUND_NAME.fullmatch(folded, start, end) and not folded.startswith(GENERIC_START.tuple(), start)
        if m and m.end() > start and not fund:
            start = m.end()
    if rule.cls in ("Organization", "Event", "Policy", "AdministrativeRegion") and rule.name not in (
            "quoted-org", "abbrev-event", "minister-ministry", "ministry-and", "titled-policy", "issued-plan", "about-rule"):
        # 貿易及工業部 keeps its 及; a title in 《》 is bounded by its marks (…審查決定的公告 keeps its 的)
        # the name starts after the last stop character or punctuation inside the candidate (the brackets
        # of a registered name's seat, 吉存半導體科技（上海）公司, are the name's own)
        seat = SEATED.search(folded, start, end)
        for i in range((seat.start() if seat else end - 1) - 1, start - 1, -1):
            ch = folded[i]
            if ch in STOP_CHARS and folded[i - 1:i + 1] in WORDS_WITH_STOP_CHARS:
                continue  # 英國高等法院, 最高法院: 等 and 最 inside a word of the name
            if ch in "与及" and rule.name == "event" and re.fullmatch(rf"[{HAN}]{{2}}", folded[max(start, i - 2):i]) \
                    and not _dictionary_word(folded[i - 1:i + 1]) \
                    and re.match(rf"[{HAN}]{{2,}}", folded[i + 1:end]) and i - 2 > start:
                continue  # 經濟與商業論壇: a gathering of two subjects joins them in its name
            if ch in STOP_CHARS or not (ch.isalnum() or ch in "&· " or ch in "-－" and rule.cls == "Event"):
                start = i + 1   # (美國-沙特投資論壇: a gathering of two countries joins them with a dash)
                break
        while start < end and folded[start] == " ":
            start += 1
    if rule.cls in ("Policy", "Event") and folded[start:start + 1] in "次场项条届份些" and \
            folded[start - 1:start] in "此这那该本一每各首":
        start += 1  # 此|次出口管控, 這|場發布會: the measure word belongs to the pointer before
    return start, end


@Language.factory("kg_new_entities", assigns=["doc.ents", "doc.spans"], default_config={"reference": None})
def make_entity_discoverer(nlp: Language, name: str, reference: str | None) -> EntityDiscoverer:
    return EntityDiscoverer(reference)
