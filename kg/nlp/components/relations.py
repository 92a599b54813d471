"""Typed relations the text states between entities of one sentence.

Rules look at two entities of one sentence, their types and the text between them:
  英偉達H200 / 亞馬遜的AI芯片Trainium 3 / 其H200  → product  developer  organisation
  英偉達CEO黃仁勳                                  → company  chief executive officer  person
  美國總統特朗普                                    → country  head of state  person
  戰略與國際研究中心…主任格裏高利·艾倫            → person  employer  organisation
  由台積電代工 / 負責製造的博通                    → product  manufacturer  organisation
  總部位於上海 / 台灣…新創星河                     → organisation  headquarters | country  place
  執行長則由…何佳蓉擔任 / 創辦人林正雄             → the article's company and its officers
Results go to `doc._.kg_relations` as plain dicts.
"""
from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extraction.frames import LIST_JOINER, POINTED_KIND, CuePattern, clause_cues
from kg.nlp.clauses import CLAUSE_END
from kg.nlp.components.new_entities import SUBSIDIARY_BEFORE
from kg.nlp.spans import main_company, mentions, texts
from kg.nlp.temporal import cn_int

DEVELOPERS = {"Company", "Organization", "ResearchInstitute", "University"}
PRODUCTS = {"Chip", "ChipFamily", "Product", "AIModel", "CloudService"}
COUNTRIES = {"Country", "AdministrativeRegion", "City", "GeoRegion"}
ORGS = DEVELOPERS | {"GovernmentAgency", "Legislature", "MediaOrganization", "StockExchange",
                     "InternationalOrganization"}

_MODIFIER = r"(?:的|[「『“\"]|[(（][^()（），。]{1,20}[)）]|[^，。；、\s的]{0,4}(?:相近|相当|同级|相仿)的|自研的?|自家的?|最新的?|新一代的?|下一代的?|旗舰的?|顶尖的?|顶级的?|最先进的?|先进的?|首款|新款|ai|人工智能|芯片|晶片|gpu|cpu|加速器|处理器|大模型|模型|产品|[a-z0-9]{1,8}\s?架构的?|\s)*"
DEVELOPER_GAP = re.compile(rf"^{_MODIFIER}$")
# 華為全聯接大會今天在上海舉行 / 在紐約舉行的…會議: an event, where, and the verb of holding it
EVENT_AT_GAP = re.compile(r"[^，。；,;]{0,8}?(?:在|于)\s*")
HELD_AFTER = re.compile(r"\s*(?:盛大|隆重|正式)?(?:举行|举办|召开|开幕|登场|揭幕)")
HELD_BEFORE_EVENT = re.compile(r"\s*(?:举行|举办|召开|开幕)的\s*(?:第[一二三四五六七八九十\d]+届)?\s*")
LIST_GAP = re.compile(r"^(?:芯片|晶片)?[、和与及,，]\s*(?:的|下一代|新一代|最新)?$")
# 負責製造的博通 / 由台積電代工 / 台積電…工廠…生產的Blackwell
MAKER_AFTER = re.compile(r"^[^，。；,;]{0,8}?负责(?:制造|生产|代工)的$")
MAKER_BY = re.compile(r"^(?:芯片|晶片)?(?:由|交由|委托)$")
MAKER_BY_TAIL = re.compile(r"^(?:代工|制造|生产)")
MAKER_FAB = re.compile(r"^[^。；;]{0,40}?(?:工厂|晶圆厂|厂)[^。；;]{0,30}?(?:生产|制造|代工)的$")
# 輝達執行長黃仁勳: the chief executive's title right between the organisation and the name (name cues, chief-title)
CEO_GAP = CuePattern(lambda w: rf"^(?:的)?(?:{w('chief-title')})\s*$")
# 美國總統川普 (head of state, P35); 日本首相石破茂, 檳城首席部長曹觀友 (head of government, P6)
HEAD_GAP = CuePattern(lambda w: rf"^(?:的)?(?:{w('state-head')})\s*$")
GOVERNMENT_HEAD_GAP = CuePattern(lambda w: rf"^(?:的)?(?:{w('government-head')})\s*$")
# 研究員邱某, 國科會主委吳某, 前台積電工程師陳某: a post of the organisation right before it, a few words
# between at most (name cues, post)
# (現任北辰科技副總裁的林某, 身為北辰董事長的林某: the post, then 的 and the person)
# (輝達高性能計算和人工智慧基礎設施解決方案高級總監: a long unit's name before the post, of nouns only past twelve)
ROLE_GAP = CuePattern(lambda w: rf"^(?:[^，,。；;：:]{{0,12}}?|[^，,。；;：:的将已被把对向为是在了让给表称说]{{13,26}}?)(?P<role>{w('post')})\s*的?\s*$")
ROLE_PROPERTY = {"创始人": "foundedBy", "创办人": "foundedBy"}
#: 其創始人, 其執行長: the pointer 其 and the titles before a person's name
POINTER_TITLE = re.compile(r"(?<![尤极])其(?P<titles>[^，,。；;：:其]{1,12})\s*$")
#: 起訴, 逮捕, 約談: what a body does to a person (before the person's title), no post it gives
OWN_STAFF = CuePattern("own-staff")   # (clause cues)
ACTS_ON_PERSON = CuePattern(lambda w: rf"(?:{w('acts-on-person')})(?![部处组科室局])")
#: 王某（北辰科技副總裁）: a bracket opening right after a name, and the post that closes it after a body's name
BRACKET_OPEN = re.compile(r"\s?[（(]\s?")
BRACKETED_POST = re.compile(r"(?P<post>[^（）()，,。；;：:]{1,16}?)\s?[）)]")
# 上海明川律師事務所林某律師, 星河證券陳某表示: a person right after an organisation, then a title or a verb of
# saying, is of that organisation (the title after the name, as Chinese also writes it)
TITLE_OR_SAYING_AFTER = CuePattern(lambda w: rf"\s*(?:{w('person-title')}|{w('person-verb')})")
# 董事長, 董事會主席, 輪值董事長, a Japanese or Korean firm's 會長 (not 副董事長, 副會長): who chairs the
# organisation, as one part of a compound title too
# 於2018年在前海成立, 2015年創辦了: a person founding the firm named right after
FOUNDS = re.compile(r"(?:(?:于|在)?\s*\d{4}\s*年)?\s*(?:在[^，。；;,]{1,8}?)?(?:一手)?(?:创立|创办|创建|成立)了?\s*")
#: 總經理: a firm's general manager, who directs it (not 副總經理, 執行副總經理)
GENERAL_MANAGER = re.compile(r"(?<![副助理行])总经理")
#: 聯席執行長, 共同執行長: a post held jointly, each holder holding it
JOINT_POST = re.compile(r"共同|联席|联合")
# 董事長兼執行長, 出任總裁: a title that is the chief executive's (not a deputy's)
CHIEF_IN_TITLE = re.compile(r"首席执行官|行政总裁|执行长|ceo|(?<![副助理])总裁")
#: 擔任董事長, 出任執行長, 辭去董事長一職: a post a person takes up, holds or leaves, named right after them
SERVES_AS = re.compile(r"(?:目前|现|将|已|已经|正式)?(?:担任|出任|任|辞去|辞任|卸任|卸下|请辞)(?:公司)?(?P<title>董事长|首席|执行长|总经理|总裁|ceo|cto|cfo)")
CHAIR_GAP = re.compile(r"(?:^|[^副])(?:董事长|董事会主席|董事局主席|主席|会长|董座)(?:暨|兼|及|、|和|\s*$)")
# 首相拿督斯里安華, 總執行長拿督潘某: a Malaysian honour ending the gap before a person is no part of the title
HONORIFIC_TAIL = CuePattern(lambda w: rf"(?:{w('honorific')})\s*$")
# 執行長暨共同創辦人, 董事長兼執行長: a compound title of which the chief executive's is one part
#: 新加坡副總理兼|貿工部長: the posts a minister holds besides, between the country and the ministry
OTHER_PORTFOLIO = re.compile(r"(?:副?总理|副?首相|国务资政|资政|(?:高级|首席)?部长)(?:兼|暨)")
#: the head of a ministry, a bureau, an office or a body: its last title, with no deputy (副) before it
HEAD_OF_BODY = re.compile(r"(?:^|[^副次助])(?:部长|局长|署长|主任委员|主委|院长|厅长|司长|处长|大臣)\s*$")
COMPOUND_CEO = re.compile(r"(?<![副助理])(?:首席执行官|执行长|ceo|行政总裁)(?:暨|兼|及|、|和)|(?:暨|兼|及|、|和)(?:首席执行官|总?执行长|ceo|行政总裁)\s*$")
# …財務長林國強與技術長陳美玲: a further titled person of a list whose first is the organisation's
LISTED_OFFICER_GAP = re.compile(r"^\s*(?:、|和|与|及|以及)\s*[^，。；,;、和与及]{0,8}?(?:长|官|主管|总监|总裁|总经理|董事|主席|经理|"
                                r"负责人|ceo|cfo|cto|coo)\s*$")
#: 聯合執行長, 共同執行長: a post more than one holds at once (ending the gap before the first name)
JOINT_TITLE = re.compile(r"(?:联合|联席|共同)[^，。；,;、]{0,6}(?:长|官|总裁|总经理|主席|ceo)\s*$")
#: （Michelle Johnston Holthaus）: a name's other form in brackets, right after it
BRACKETED_FORM = re.compile(r"^\s*[（(][^（）()]{1,40}[)）]")
#: 陳某是軟件公司|益華電腦: from a person to the organisation whose post the person holds (or held)
IS_POST_LEAD = re.compile(r"\s*(?:[（(][^（）()]{1,40}[)）])?\s*(?:也|亦|则|现|目前)?(?:是|为|系)[^，。；,;：:、]{0,14}?")
#: 益華電腦（Cadence）前執行長, 北辰的財務長: the post after the organisation (the name's other form between)
POST_AFTER_ORG = CuePattern(lambda w: rf"\s*(?:[（(][^（）()]{{1,40}}[)）])?\s*(?:的)?\s*(?:前|原|现任|首任|时任)?"
                                      rf"(?:临时|代理|署理|联合|共同|联席|资深|高级)?[^，。；,;、\s的]{{0,4}}?(?:{w('post')})(?![^，。；,;\s]{{0,2}}(?:候选|人选))")
# 工程師, 研究員, 董事: titles many people of one organisation hold at once (ending the gap before the first name)
SHARED_TITLE = CuePattern(lambda w: rf"(?:{w('shared-title')})\s*$")
# 公司董事長, 該公司執行長: an officer of the company a sentence points back to
#: 協會主席Wong Siew Hai, 交易所總裁林某: a body's kind word opening the clause, then a post and a name
BODY_OFFICER = re.compile(r"(?P<kind>协会|学会|商会|联盟|基金会|研究院|研究所|交易所)(?P<role>主席|会长|理事长|秘书长|院长|所长|"
                          r"总裁|董事长|执行长|首席执行官|总经理)\s*$")
OFFICER_OF_COMPANY = re.compile(r"(?:(?<![子母分])公司|该集团|本集团)(?:的)?(?P<role>(?:联合|共同)?(?:董事长|董事会主席|董事局主席|(?<![副])主席|首席执行官|执行长|ceo|"
                                r"(?<![副助理])总裁|总经理|创始人|创办人|首席[^，,。]{1,3}官|cto|cfo|副总裁|副董事长|董事|"
                                r"发言人|财务长|技术长|营运长)"
                                # (公司董事長、總裁兼首席執行官X: several posts, listed)
                                r"(?:(?:兼|暨|、)[^，,。、]{1,6}){0,3}?)\s*$")   # (searched up to the name)


def _officer_post(w) -> str:
    """The post people are named to: an officer's title, acting or held jointly (代理財務長, 共同營運長)."""
    return rf"(?:现任|代理|署理|临时)?(?:{JOINT_POST.pattern})?(?:{w('officer-title')})"


# 王某與張某領銜晉升為資深副總經理: named to an officer's post (after the names)
PROMOTED_TO = CuePattern(lambda w: rf"\s*(?:领衔|双双|也|亦|均|将|已|同时|正式|分别)*\s*(?:{w('named-to')})\s*(?:为)?\s*"
                                   + _officer_post(w))
# 晉升王某、林某為共同營運長, 任命陳某為財務長: the verb of naming before the names, the post after them
APPOINTS_BEFORE = CuePattern(lambda w: rf"(?:{w('appoints')})\s*$")
POST_AFTER = CuePattern(lambda w: r"\s*(?:为|出任|担任)\s*" + _officer_post(w))
# 財務長克雷斯指出: a company officer's title opening a clause, with no company named
# (主因財務長X透露, 並由原財務長X接任, 由6月到職的資深副總裁X帶領: after a word joining the clause on, and what
# the officer did, the title still opens it)
# (與時任執行長周某存在分歧: or, anywhere in its clause, the post held at the time)
BARE_OFFICER = CuePattern(lambda w: rf"(?:(?<=[，,。；;\n])|^|(?=时任))\s*(?:{w('officer-lead')})?(?:[^，,。；;\d]{{0,2}}\d{{1,2}}月[^，,。；;]{{0,4}}的)?"
                                    # (董事長暨總裁魏哲家: titles held together)
                                    # (企業永續資深副總經理何某: the department a vice president heads)
                                    rf"\s*(?P<role>(?:现任|原|前|时任)?(?:[\u4e00-\u9fff]{{2,6}}?(?=(?:执行|资深|高级)?副))?"
                                    rf"(?:共同|联席|代理|署理)?(?:{w('officer-title')})"
                                    rf"(?:(?:暨|兼|、|及)(?:共同|联席)?(?:{w('officer-title')}))*)\s*")
OWN_MODEL = re.compile(r"(?P<qi>其)?(?P<mod>首款|新款|最新|旗舰|下一代|新一代|第[一二三四五]代|主力|前一代|上一代)?"
                       r"(?:[^，。；,;]{0,4}(?:产品|芯片|晶片|加速卡|加速器))?$")
# 採購其, 購買其, 採用其: the buyer or user of what 其 names is someone else than 其
BUYS_BEFORE = re.compile(r"(?:采购|购买|买进|买入|采用|使用|租用|订购|导入|引进|进口|购入)$")
OWN_PRODUCT = re.compile(r"^[^，。；,;]{0,10}?的[^，。；,;]{0,6}?(?:芯片|晶片|产品|处理器|加速器|加速卡)(?:为|是|叫|名为|包括)?$")
# 位於高雄的(8英寸晶圓廠)…: a place said to be where the plant named after it is
SITED_AT = re.compile(r"(?:位于|位在|坐落于|座落于|设于|地处)\s*$")
LOCATED_GAP = re.compile(r"^的[^，。；,;的]{0,10}$")
HQ_AFTER = re.compile(r"^(?:的)?(?:总部|总部设|总部位于|总部设在|总部设于|位于|坐落于|落户)(?:于|在)?$")
#: （Elon Musk）亦表示，旗下AI企業: a speaker's words opening with the firm they own
SAYS_OWN = re.compile(r"\s*(?:[（(][^（）()]{1,30}[)）])?\s*(?:亦|也|则|还)?(?:表示|称|指出|说|透露|宣布)\s*[，,:：]?\s*"
                      r"旗下(?:的)?(?:[^，。；,;]{0,6}(?:公司|企业|品牌|新创|初创))?\s*")
#: 這家總部位於, 該公司總部設在: a pointer to the company, then where its seat is
POINTED_SEAT = re.compile(r"(?:这家|这间|该公司|该企业|该集团)[^，。；,;]{0,4}?总部(?:位于|设在|设于|在)")
# 台積電位於高雄(與亞利桑那州)的新廠: where a site of the company is, not its headquarters
SITE_AFTER = re.compile(r"[^，。；,;]{0,12}?的(?:新|旧|第[一二三四五六七八九十\d]+座?)?(?:[a-z]{0,3}\d{0,3}\s?)?(?:厂|工厂|晶圆厂|厂区|园区|研发中心|数据中心|"
                        r"资料中心|智算中心|算力中心|机房|实验室|仓库|办公室|分公司|子公司|据点|产线|基地|工地)")
# (中國氮化鎵(GaN)大廠英諾賽科: a kind's Latin name in brackets inside; 美國投資基金貝恩資本; 韓國《每日經濟新聞》)
#: between a firm and whoever controls it: 實控人, 實際控制人, 控股股東, 第一大股東
CONTROLLER_GAP = re.compile(r"的?(?:实控人|实际控制人|控股股东|第一大股东|最大股东|大股东)(?:之一)?(?:为|是)?")
PLACE_DESCRIPTOR = re.compile(r"^(?:的)?(?:(?:[^，。；、\s和与及或对向在将于为是把被从给让〔〕【】（）()「」“”/／,;]|[（(][a-z0-9 .\-]{1,12}[)）]){0,10}"
                              r"(?:新创|初创|企业|公司|厂商|大厂|业者|龙头|厂|芯片商|晶片商|"
                              r"设计公司|独角兽|巨擘|巨头|集团|品牌|供应商|制造商|设计商|代工厂|晶圆厂|对手|客户|伙伴|银行|机构|"
                              r"券商|媒体|电视台|报|通讯社|网站|平台|基金|资本|创投|私募|智库|研究机构))?[《「“\"『]?$")
#: a place after a word of going or of aiming is where something goes or what it is aimed at, not whose
#: the name after it is (出口至中國的輝達晶片, 流入中國的, 對中國的)
DESTINATION_BEFORE = re.compile(r"(?:至|到|往|向|对|给|赴|入)\s*$")
# between a party's name and its lawmaker's: 參議員, 眾議員, 議員, 州長 (and what chamber or where)
PARTY_TITLE = re.compile(r"\s*(?:籍)?(?:的)?(?:联邦|州)?(?:参议员|众议员|议员|州长|党鞭|众议院议长|参议院领袖)\s*")
#: 芮基茲、麥考米克及…: what joins two members of a party's list (a joining word, then maybe a title)
PARTY_LIST_GAP = re.compile(r"\s*(?:、|和|与|及|以及|,)\s*(?:[^，。；,;\s]{0,3}(?:参议员|众议员|议员|州长|党鞭|议长|领袖|委员))?\s*")
# 台灣公司包括, 美國企業如: the firms of a country, a list of them to follow
FIRMS_OF_COUNTRY = re.compile(r"(?:的)?(?:公司|企业|厂商|业者|供应商|大厂|芯片商|晶片商)(?:包括|包含|如|有|为|是)\s*[:：]?")
# between two firms of such a list: a stock code in brackets, then 、, 和, 與 or 及
LISTED_FIRM_GAP = re.compile(r"\s*(?:[（(][^（）()]{1,14}[)）])?\s*(?:、|和|与|及|以及)?\s*")
# 事業部總經理, 中國區總裁: the head of a division or a region, not of the company
DIVISION_HEAD = CuePattern(lambda w: rf"{w('division')}(?:的)?{w('division-head')}$")
# 中國籍男子李某 / 美國公民 / 新加坡商人: a country before a person says the person's nationality
NATIONALITY_GAP = re.compile(r"^(?:的)?(?:籍|裔)?(?:的)?(?:[^，。；、\s和与及或对向在将于为是把被从给让,;]{0,6}?(?:公民|国民|男子|女子|商人|"
                             r"嫌犯|嫌疑人|被告|学者|专家|工程师|企业家|科学家|研究员|人士|分析师|官员|华人|学生|富商|高管|人))?$"
                             # (美國公民、晴川銀行董事總經理林某: the citizen, then the post, then the name)
                             r"|^(?:籍)?(?:公民|国民)、[^，。；、\s,;]{2,20}$")
# 上海出生的美國公民林某: where the person named after was born
BORN_GAP = re.compile(r"^出生的[^，。；,;]{0,24}$")
# 邁絡思是一家以色列裔美國跨國供應商: a company described by its country
IS_A_COUNTRY = re.compile(r"^(?:是|为)(?:一家|一间|家)?(?:[^，。；、\s,;]{0,6}?[、和]?)$")
# …是一家美國公司, 為日本最大的晶片商: what the country describes is a kind of firm (not 為大陸特製的晶片: made for it)
KIND_OF_FIRM_AFTER = re.compile(r"(?:的)?[^，。；,;]{0,10}?(?:公司|企业|厂商|集团|品牌|机构|组织|大厂|业者|商)")
# 都將採用2奈米, 導入3奈米製程: a chip adopting a process node (its maker unnamed in the clause)
ADOPTS_NODE = CuePattern(lambda w: rf"{w('adopts')}(?P<node>\s*(?:\d{{1,2}}|[一二三五七])\s*{w('node-unit')})(?!\d)")
# 台積電2奈米, 中芯國際 7nm: a company named with a process node is a foundry
NODE_AFTER = CuePattern(lambda w: rf"\s*(?:的)?\s*\d{{1,2}}\s*{w('node-unit')}")
# Rubin GPU與Vera CPU: what joins two members of a list (a word such as GPU may stand before the joiner)
LIST_JOIN = re.compile(r"\s*(?:gpu|cpu|芯片|晶片|处理器)?\s*(?:与|和|及|、|以及)\s*")
MAKER_CLAUSE = CuePattern(lambda w: r"(?:由|交由|委托|采用|使用|选择|已在|在)(?P<org>[^，。；,;]{2,10}?)(?:的|以|采用)?[^，。；,;]{0,10}?"
                          # (均採用台積電2奈米，: a foundry named with its node is the maker, the clause ending there)
                          rf"(?:制程|工艺|代工|生产|制造|流片|投片|完成|封装|供应|\d{{1,2}}\s*{w('node-unit')}(?=\s*[，。；,;]|$))")


# （廣汽集團間接全資附屬公司）, （均勝電子旗下子公司）: what follows a parent's name in brackets after its subsidiary
SUBSIDIARY_OF = CuePattern(lambda w: rf"(?:的|旗下)?(?:间接|直接)?(?:{w('holding-degree')}|持股\d{{1,3}}%的)?"
                           rf"(?:{w('subsidiary-noun')})公司\s?[)）]"
                           # 哈勃科技（華為旗下）: the firm it is under
                           r"|旗下(?:企业|公司)?\s?[)）]")
# 曾任…、…，現任…: a list of the posts someone held or holds
CAREER = CuePattern(lambda w: rf"{w('career')}(?!职)")
# 現任, 目前擔任: the posts after it are held now (曾任, 歷任: held once)
CURRENT_POST = re.compile(r"现任|现为|现担任|目前担任|目前任")
# 任命X為…, 聘請X擔任…: an appointment, the appointee after it
APPOINTED = re.compile(r"(?:任命|委任|聘任|聘请|延揽|提名|晋升|擢升|拔擢|提拔)[^，。；]{0,24}$")   # (晉升朴某為社長: promoting names the post too)
APPOINTED_GROUP = re.compile(r"\s*(?:两位|二人|两人|三位|等人|等)?[^，。；为]{0,8}?(?=为|担任|出任)")
APPOINTED_AS = re.compile(r"(?:为|担任|出任)(?:公司)?(?:资深|高级|执行|首席|全球|独立)?[^，。；]{0,10}(?:总裁|董事长|董事|执行长|总经理|"
                          r"官|ceo|cfo|cto|coo|主席|主管|负责人|社长|会长|理事长|行长|院长|[财营技策][务运术略]长)")


def _innermost_place(ents: list[Span], place: Span) -> Span:
    """美國加州聖荷西: the last of the places written one inside the other from place on (the seat)."""
    for c in ents[ents.index(place) + 1:]:
        if c._.kg["cls"] not in COUNTRIES or c._.kg["start"] != place._.kg["end"]:
            break
        place = c
    return place


def _titled(org: Span, person: Span, titles: str, m: re.Match, folded: str, sent: Span, rule: str) -> list[dict]:
    """The relations a post written before a person's name states (m: ROLE_GAP's match of titles)."""
    role = m.group("role")
    out = [_rel(org, "foundedBy", person, rule, sent) if role in ROLE_PROPERTY else _rel(person, "employer", org, rule, sent)]
    if role not in ROLE_PROPERTY and re.search(r"(?:创始人|创办人)[、兼及和暨]", titles):
        out.append(_rel(org, "foundedBy", person, rule, sent))  # 創始人、董事長張文: both
    # 鴻海董事長劉揚偉, 華為副董事長、輪值董事長徐直軍: the chair (P488); 共同民主黨代表鄭某: a party's leader is its
    # chair too
    if CHAIR_GAP.search(titles) or (titles.strip() in ("代表", "党魁") and folded[org._.kg["end"] - 1] == "党"):
        out.append(_rel(org, "chairperson", person, rule, sent))
    if (HEAD_OF_BODY.search(titles) or titles.strip() == "长" and folded[org._.kg["end"] - 1] in "部局署院厅司处") \
            and org._.kg["cls"] in ("GovernmentAgency", "Organization", "ResearchInstitute"):
        # 經濟發展局局長黎某, 行政院院長卓某, 貿工部|長顏某: who heads a ministry, a bureau or a body (P1037)
        out.append(_rel(org, "director", person, rule, sent))
    if GENERAL_MANAGER.search(titles) and org._.kg["cls"] in DEVELOPERS:
        out.append(_rel(org, "director", person, rule, sent))   # 雲達總經理楊某: who manages the firm (P1037)
    if COMPOUND_CEO.search(titles):  # 執行長暨共同創辦人王大同: the chief too
        out.append(_rel(org, "chiefExecutiveOfficer", person, rule, sent))
        if role in ROLE_PROPERTY:
            out.append(_rel(person, "employer", org, rule, sent))
    return out


def _clause_opening(folded: str, sent: Span, pos: int) -> int:
    """Where the clause holding pos opens: after the last comma or semicolon before it in the sentence."""
    return max([sent.start_char] + [folded.rfind(c, sent.start_char, pos) + 1 for c in "，,；;"])


def _officer_of_named_body(ents: list[Span], inside: list[Span], folded: str, sent: Span) -> list[dict]:
    """馬來西亞半導體行業協會數據顯示…。協會主席Wong Siew Hai表示: a body's kind word and a post before a
    person, with no body named before them in the clause, name that post at the body of that kind the
    article named last before (its chair: P488; its head: P1037)."""
    out = []
    for p in inside:
        ps = p._.kg["start"]
        if p._.kg["cls"] != "Person":
            continue
        cs = _clause_opening(folded, sent, ps)
        m = BODY_OFFICER.search(folded, max(cs, ps - 8), ps)
        if m is None or folded[cs:m.start()].strip() or any(e._.kg["cls"] in ORGS and cs <= e._.kg["start"] < ps for e in inside):
            continue
        body = max((e for e in ents if e._.kg and e._.kg["end"] <= cs and e._.kg["cls"] in ORGS
                    and folded.endswith(m.group("kind"), e._.kg["start"], e._.kg["end"])),
                   key=lambda e: e._.kg["start"], default=None)
        if body is None:
            continue
        out.append(_rel(p, "employer", body, "officer-of-named-body", sent))
        role = m.group("role")
        if role in ("主席", "会长", "理事长", "董事长"):
            out.append(_rel(body, "chairperson", p, "officer-of-named-body", sent))
        elif role in ("院长", "所长", "秘书长"):
            out.append(_rel(body, "director", p, "officer-of-named-body", sent))
        else:
            out.append(_rel(body, "chiefExecutiveOfficer", p, "officer-of-named-body", sent))
    return out


def _first_post(ents: list[Span], a: Span, b: Span, folded: str) -> str:
    """b's post at a (with the word joining it to the next), where b holds it with one, joined by 暨 or
    兼, at the one organisation named between: 北辰執行副總經理暨|晴川|總經理|林某; else ""."""
    between = [e for e in ents if e._.kg["start"] >= a._.kg["end"] and e._.kg["end"] <= b._.kg["start"]]
    if len(between) != 1 or between[0]._.kg["cls"] not in ORGS:
        return ""
    first, second = folded[a._.kg["end"]:between[0]._.kg["start"]], folded[between[0]._.kg["end"]:b._.kg["start"]]
    joined = re.search(r"(?:并?兼|暨)\s*$", first)
    return first if joined and ROLE_GAP.match(first[:joined.start()]) and ROLE_GAP.match(second) else ""


def _org_between(ents: list[Span], a: Span, b: Span) -> bool:
    """Whether an organisation is named between a and b (neither overlapping them)."""
    return any(e._.kg["cls"] in ORGS and e._.kg["start"] >= a._.kg["end"] and e._.kg["end"] <= b._.kg["start"]
               for e in ents)


# 2名美國籍嫌疑人，…: a counted group of one nationality, its members named after it
GROUP_NATIONALITY = re.compile(r"(?P<n>\d|[两二三四五六七八九])\s*(?:名|位|个)(?P<country>[^\d，。、；;,]{2,6}?)(?:籍|国籍)?"
                               r"(?:男子|女子|嫌疑人|嫌犯|被告|人士|公民|国民|商人|工程师|员工|人)[，,：:]?")
#: 林某（中國籍）, 陳某(美國籍, 30歲): the person's nationality in brackets right after the name
NATIONALITY_IN_BRACKETS = re.compile(r"\s*[（(](?:[^（）()，,]{0,6}[，,、]\s*)?(?P<country>[^（）()，,、\d]{2,6}?)(?:国籍|籍)[，,、)）]")


class RelationExtractor:
    def __call__(self, doc: Doc) -> Doc:
        text, folded = texts(doc)
        ents = mentions(doc)
        self.main = main_company(ents)
        found: list[dict] = []
        self.topic_company: Span | None = None  # the first company the sentence before named
        self.last_chip: Span | None = None      # the chip the sentences before named last (該晶片)
        # (each sentence's names by bisecting their starts, in the order of ents: a scan of every name per
        # sentence grows with the article's length squared)
        order = sorted(range(len(ents)), key=lambda i: ents[i].start_char)
        starts = [ents[i].start_char for i in order]
        for sent in doc.sents:
            inside = [ents[i] for i in sorted(order[bisect.bisect_left(starts, sent.start_char):
                                                    bisect.bisect_left(starts, sent.end_char)]) if ents[i]._.kg]
            found.extend(self._sentence(inside, folded, sent))
            found.extend(self._officer_of_main(inside, folded, sent))
            found.extend(_officer_of_named_body(ents, inside, folded, sent))
            found.extend(self._promoted(inside, folded, sent))
            found.extend(self._career(inside, folded, sent))
            found.extend(_graduated(inside, folded, sent))
            found.extend(self._adopted_nodes(ents, inside, folded, sent))
            self.topic_company = next((e for e in inside if e._.kg["cls"] == "Company"), self.topic_company)
            self.last_chip = next((e for e in reversed(inside) if e._.kg["cls"] in ("Chip", "ChipFamily")), self.last_chip)
        found.extend(self._own_paper(doc, ents, folded, found))
        doc._.kg_relations = found
        return doc

    @staticmethod
    def _own_paper(doc: Doc, ents: list[Span], folded: str, found: list[dict]) -> list[dict]:
        """本報記者袁某 … 對《證券日報》記者表示: "this paper" is the outlet the article names as the one
        its reporters write for."""
        home = next((e for e in ents if e._.kg["cls"] == "MediaOrganization"
                     and OWN_PAPER_NAMED.match(folded, e._.kg["end"])), None)
        # 中新網宜昌9月20日電 …【編輯:邵婉雲】: the article's own outlet is the one its dateline names
        dateline = next((e for e in ents if e._.kg["cls"] == "MediaOrganization"
                         and OUTLET_DATELINE.match(folded, e._.kg["end"])), None)
        # 來源 | 《晴川》雜誌 作者 | 林某: or the one a line names as the article's source (晴川智庫報道 alone
        # on its line: or as the one signing it)
        dateline = dateline or next((e for e in ents if e._.kg.get("rule") in ("outlet-source", "outlet-line")), None)
        placed = {r["subject"] for r in found if r["rule"] == "reporter-of-outlet"}
        out = []
        for p in ents:
            if p._.kg["cls"] != "Person" or p._.kg["key"] in placed:
                continue
            own = OWN_PAPER_REPORTER.search(folded, max(0, p._.kg["start"] - 8), p._.kg["start"])
            # (晴川網9月28日訊 …(編輯/張某): a writer or an editor credited in brackets or after a bar)
            credited = p._.kg.get("rule") in ("reporter", "byline") or \
                CREDIT_BEFORE.search(folded, max(0, p._.kg["start"] - 8), p._.kg["start"]) is not None
            outlet = home if own else dateline if credited else None
            if outlet is not None:
                out.append(_rel(p, "employer", outlet, "reporter-of-own-paper",
                                next(s for s in doc.sents if s.start_char <= p._.kg["start"] < s.end_char)))
        return out

    def _sentence(self, ents: list[Span], folded: str, sent: Span) -> list[dict]:
        out = []
        last_developer: tuple[Span, Span] | None = None  # (organisation, product) of the last developer match
        for i, a in enumerate(ents):
            for b in ents[i + 1:i + 3]:
                gap = folded[a._.kg["end"]:b._.kg["start"]]
                if b._.kg["start"] < a._.kg["end"]:
                    continue
                ca, cb = a._.kg["cls"], b._.kg["cls"]
                # the titles before a person, without the honour that may end them
                titles = gap[:h.start()] if cb == "Person" and (h := HONORIFIC_TAIL.search(gap)) else gap
                if ca in DEVELOPERS and cb in PRODUCTS and DEVELOPER_GAP.match(gap) and \
                        not (b._.kg.get("known") and cb == "Product"):  # 輝達HBM採購量: the reference knows who makes HBM
                    out.append(_rel(b, "developer", a, "org-before-product", sent))
                    last_developer = (a, b)
                elif (last_developer and a is last_developer[1] and ca in PRODUCTS and cb in PRODUCTS
                      and LIST_GAP.match(gap)):
                    if not b._.kg.get("known"):  # a known product's maker is the reference's (DeepSeek-R1、Kimi K2)
                        out.append(_rel(b, "developer", last_developer[0], "product-list", sent))
                    last_developer = (last_developer[0], b)
                elif ca in ORGS and cb == "Person" and CEO_GAP.match(titles):
                    out.append(_rel(a, "chiefExecutiveOfficer", b, "ceo-title", sent))
                    out.append(_rel(b, "employer", a, "ceo-title", sent))
                elif ca in COUNTRIES and cb == "Person" and HEAD_GAP.match(titles):
                    out.append(_rel(a, "headOfState", b, "head-of-state-title", sent))
                elif ca in COUNTRIES and cb == "Person" and (
                        GOVERNMENT_HEAD_GAP.match(titles) or folded[a._.kg["end"] - 1] in "市县州省"
                        and GOVERNMENT_HEAD_GAP.match(folded[a._.kg["end"] - 1] + titles)):
                    # (高雄市長陳其邁: the city's name took the 市 of 市長)
                    out.append(_rel(a, "headOfGovernment", b, "head-of-government-title", sent))
                elif ca in ORGS and cb == "Person" and gap.strip() in ("", "的") and \
                        TITLE_OR_SAYING_AFTER.match(folded, b._.kg["end"]):   # (北辰科技的林某表示: with 的 too)
                    out.append(_rel(b, "employer", a, "name-then-title", sent))
                elif ca in ORGS and cb == "Person" and (first := _first_post(ents, a, b, folded)):
                    # 北辰執行副總經理暨晴川總經理林某: a post held with another, the first employer's too
                    out.append(_rel(b, "employer", a, "joint-post", sent))
                    if CHAIR_GAP.search(first):   # 北辰董事長兼晴川總經理: its chair
                        out.append(_rel(a, "chairperson", b, "joint-post", sent))
                elif ca in ORGS and cb == "Person" and not _org_between(ents, a, b) and not any(
                        e is not a and e._.kg["cls"] in ORGS and e._.kg["start"] <= a._.kg["start"]
                        and e._.kg["end"] > a._.kg["end"] for e in ents):
                    # (經濟部|產業園區管理局副局長劉某: a name inside a longer one holds no post of its own)
                    # 法庭下令暫停聞泰科技創辦人張學政: the title is of the organisation right before it
                    m = ROLE_GAP.match(titles.replace("“", "").replace("”", "").replace('"', ""))
                    act = ACTS_ON_PERSON.search(titles, 0, m.start("role")) if m else None
                    if act and not OWN_STAFF.search(titles, act.end(), m.start("role")):
                        # 檢方起訴工程師林某: the body acts on the person, who need not work there (北辰起訴前工程師林某:
                        # its own former engineer)
                        m = None
                    if m:
                        out.extend(_titled(a, b, titles, m, folded, sent, "role-title"))
        for p in ents:   # 晴川科技股價大漲，其創始人林某…: the post after 其 is at the organisation named last before it
            pointer = POINTER_TITLE.search(folded, max(sent.start_char, p._.kg["start"] - 14), p._.kg["start"]) \
                if p._.kg["cls"] == "Person" else None
            m = ROLE_GAP.match(pointer.group("titles")) if pointer else None
            org = next((e for e in reversed(ents) if e._.kg["end"] <= pointer.start() and e._.kg["cls"] in ORGS), None) if m else None
            if org is not None and not any(e._.kg["cls"] == "Person" and org._.kg["end"] <= e._.kg["start"] < pointer.start()
                                           for e in ents):
                out.extend(_titled(org, p, pointer.group("titles"), m, folded, sent, "pointer-title"))
        for p in ents:   # 王某（北辰科技副總裁）表示: the post in brackets after a person's name is at the body in them
            opening = BRACKET_OPEN.match(folded, p._.kg["end"]) if p._.kg["cls"] == "Person" else None
            org = next((e for e in ents if opening and e._.kg["start"] == opening.end() and e._.kg["cls"] in ORGS), None)
            closing = BRACKETED_POST.match(folded, org._.kg["end"]) if org is not None else None
            if closing is not None and (m := ROLE_GAP.match(closing.group("post"))):
                out.append(_rel(org, "foundedBy", p, "post-in-brackets", sent) if m.group("role") in ROLE_PROPERTY
                           else _rel(p, "employer", org, "post-in-brackets", sent))
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
        for a in ents:   # 上海出生的美國公民、晴川銀行董事總經理林某: where the person named next was born
            if a._.kg["cls"] not in COUNTRIES or not folded.startswith("出生的", a._.kg["end"]):
                continue
            person = next((b for b in ents if b._.kg["start"] >= a._.kg["end"] and b._.kg["cls"] == "Person"), None)
            if person is not None and BORN_GAP.match(folded[a._.kg["end"]:person._.kg["start"]]):
                out.append(_rel(person, "placeOfBirth", a, "born-before-name", sent))
        out.extend(_officers_listed(ents, folded, sent, out))
        out.extend(self._places(ents, folded, sent))
        out.extend(self._pointed_headquarters(ents, folded, sent))
        out.extend(self._own_products(ents, folded, sent))
        out.extend(self._listed(ents, folded, sent))
        out.extend(self._people(ents, folded, sent))
        out.extend(self._group_nationality(ents, folded, sent))
        out.extend(self._bracketed_nationality(ents, folded, sent))
        out.extend(self._party_members(ents, folded, sent))
        out.extend(_subsidiaries_named(ents, folded, sent))
        out.extend(self._reporters(ents, folded, sent))
        out.extend(self._makers(ents, folded, sent))
        # 其: "允許英偉達向中國出口其H200" — the product belongs to the nearest organisation before 其;
        # 其首款產品HL-H3 / 下一代產品HL-H3E with no organisation in the sentence: the article's company
        for b in ents:
            if b._.kg["cls"] not in PRODUCTS:
                continue
            before = folded[max(sent.start_char, b._.kg["start"] - 12):b._.kg["start"]]
            m = OWN_MODEL.search(before)
            if not m or not (m.group("qi") or m.group("mod")):
                continue
            owners = [a for a in ents if a._.kg["end"] <= b._.kg["start"] and a._.kg["cls"] in DEVELOPERS]
            if m.group("qi") and BUYS_BEFORE.search(before, 0, len(before) - len(m.group(0))):
                continue  # Meta將採購其TPU: who buys or uses 其's product is not whose 其 it is
            if owners and m.group("qi"):
                out.append(_rel(b, "developer", owners[-1], "possessive-qi", sent))
            elif not owners and m.group("qi") and self.topic_company is not None and \
                    re.match(r"\s*其", folded[sent.start_char:b._.kg["start"]]):
                # 其旗艦產品AmpereOne opening a sentence: the company the sentence before was about
                out.append({**_rel(b, "developer", self.topic_company, "possessive-qi-topic", sent),
                            "start": sent.start_char, "end": b._.kg["end"]})
            elif not owners and m.group("mod") and self.main is not None and b._.kg["cls"] in ("Chip", "ChipFamily"):
                out.append(_rel(b, "developer", self.main, "company-product", sent))
        return out

    def _pointed_headquarters(self, ents, folded, sent) -> list[dict]:
        """…量產LPDDR5X。這家總部位於安徽合肥的企業: the seat after a pointer to the company is the
        headquarters of the company the sentence before was about (the last of places written one inside
        the other)."""
        m = POINTED_SEAT.search(folded, sent.start_char, sent.end_char)
        if m is None or self.topic_company is None or any(
                e._.kg["cls"] in ORGS and e._.kg["end"] <= m.start() for e in ents):
            return []
        seat = next((e for e in ents if e._.kg["start"] == m.end() and e._.kg["cls"] in COUNTRIES), None)
        if seat is None:
            return []
        seat = _innermost_place(ents, seat)
        return [{**_rel(self.topic_company, "country" if seat._.kg["cls"] == "Country" else "headquarters", seat,
                        "headquarters-of-pointed", sent), "start": m.start(), "end": seat._.kg["end"]}]

    @staticmethod
    def _places(ents, folded, sent) -> list[dict]:
        """總部位於上海 / 台灣AI晶片新創星河 / 登記於新加坡的宏曦設計 / 台灣經濟部 / X旗下的Y."""
        out = []
        for i, a in enumerate(ents):
            ca = a._.kg["cls"]
            for b in ents[i + 1:i + 3]:
                cb = b._.kg["cls"]
                gap = folded[a._.kg["end"]:b._.kg["start"]]
                if ca in ORGS and cb in COUNTRIES and HQ_AFTER.match(gap) and not (
                        "总部" not in gap and SITE_AFTER.match(folded, b._.kg["end"])):
                    out.append(_rel(a, "country" if cb == "Country" else "headquarters", b, "headquarters", sent))
                    seat = _innermost_place(ents, b)   # 總部位於美國加州聖荷西
                    if seat is not b:
                        out.append(_rel(a, "headquarters", seat, "headquarters", sent))
                elif ca in COUNTRIES and cb in ORGS and (PLACE_DESCRIPTOR.match(gap) or (
                        gap == "" or OTHER_PORTFOLIO.fullmatch(gap)) and cb in ("GovernmentAgency", "Legislature")) \
                        and not _org_between(ents, a, b) \
                        and not PARTY_TITLE.match(folded, b._.kg["end"]) \
                        and not DESTINATION_BEFORE.search(folded, max(sent.start_char, a._.kg["start"] - 3), a._.kg["start"]):
                    # (密歇根州共和黨議員: the lawmaker's state; 出口至中國的輝達晶片: where the chips go, not whose)
                    # 中國聞泰科技旗下的安世半導體: the place describes the name right after it only
                    if ca == "Country":
                        out.append(_rel(b, "country", a, "place-before-name", sent))
                    else:
                        out.append(_rel(b, "headquarters", a, "place-before-name", sent))
                elif ca == "Country" and cb in ("Policy", "Law") and re.fullmatch(r"的?[《「“\"]?", gap) and not DESTINATION_BEFORE.search(
                        folded, max(sent.start_char, a._.kg["start"] - 3), a._.kg["start"]):
                    # 列入美國實體清單, 日本的外匯法: the country whose rule it is (對中國出口管制: the rule's target)
                    out.append(_rel(b, "country", a, "place-before-name", sent))
                elif ca in COUNTRIES and cb == "Person" and ca == "Country" and gap and NATIONALITY_GAP.match(gap):
                    out.append(_rel(b, "citizenship", a, "nationality-before-name", sent))
                elif ca in ORGS and cb == "Country" and IS_A_COUNTRY.match(gap) and \
                        KIND_OF_FIRM_AFTER.match(folded, b._.kg["end"]):
                    out.append(_rel(a, "country", b, "is-a-company-of", sent))
                elif ca in ORGS and cb in ORGS | {"Person"} and CONTROLLER_GAP.fullmatch(gap):
                    # 北辰科技實控人陳某, 晴川集團控股股東曜芯資本: whoever controls the firm owns it
                    out.append(_rel(a, "ownedBy", b, "controller", sent))
                elif ca in ORGS and cb in ORGS | PRODUCTS and re.fullmatch(r"旗下(?:的)?(?:[^，。；,;]{0,6}(?:公司|品牌|子公司|部门|商|厂|企业))?", gap):
                    out.append(_rel(b, "parentOrganization", a, "subsidiary", sent))
                elif ca in ORGS | {"Person"} and cb in ORGS and SAYS_OWN.fullmatch(gap):
                    # 馬斯克（Elon Musk）亦表示，旗下AI企業xAI將…: the firm the speaker says is under them
                    out.append(_rel(b, "ownedBy" if ca == "Person" else "parentOrganization", a, "subsidiary-said", sent))
                elif ca in COUNTRIES and cb == "Place" and b._.kg.get("rule") == "facility" and LOCATED_GAP.match(gap) \
                        and SITED_AT.search(folded, max(0, a._.kg["start"] - 6), a._.kg["start"]):
                    # 位於高雄的晶圓22廠, 位于器兴的8英寸晶圆厂S7: where the plant is
                    out.append(_rel(b, "locatedIn", a, "located-plant", sent))
                elif ca == "Event" and cb in COUNTRIES | {"Place"} and EVENT_AT_GAP.fullmatch(gap) and \
                        HELD_AFTER.match(folded, b._.kg["end"]):
                    # 華為全聯接大會今天在上海舉行: where the event is held
                    out.append(_rel(a, "heldIn", b, "event-held-in", sent))
                elif ca in COUNTRIES | {"Place"} and cb == "Event" and HELD_BEFORE_EVENT.fullmatch(gap) and \
                        re.search(r"在\s*$", folded[max(0, a._.kg["start"] - 2):a._.kg["start"]]):
                    # 在紐約舉行的晴川全球會議: the same, the place first
                    out.append(_rel(b, "heldIn", a, "event-held-in", sent))
                elif (ca in ("Country", "AdministrativeRegion") or ca == "City" and folded[b._.kg["end"] - 1] in "区县镇乡") \
                        and cb in ("AdministrativeRegion", "City", "Place") \
                        and not gap and b._.kg.get("rule") != "facility" and a._.kg["key"] != b._.kg["key"] \
                        and not (ca == "AdministrativeRegion" and cb == "AdministrativeRegion" and a._.kg.get("known") is False):
                    # 俄亥俄州新奧爾巴尼, 馬來西亞檳城, 猶他州帕克城: a place written right after a larger one is in it
                    # (深圳市南山區: a district after its city too)
                    out.append(_rel(b, "country" if ca == "Country" else "locatedIn", a, "place-in-place", sent))
                elif ca in ORGS and cb in ORGS and re.fullmatch(r"\s?[（(]", gap) and SUBSIDIARY_OF.match(folded, b._.kg["end"]):
                    # 啟城發展有限公司（廣汽集團間接全資附屬公司）: the firm in brackets owns the one before it
                    out.append(_rel(a, "parentOrganization", b, "subsidiary-in-brackets", sent))
        for i, a in enumerate(ents):   # 台灣公司包括盟立（2464）、亞翔（6139）: firms of the country, listed
            m = FIRMS_OF_COUNTRY.match(folded, a._.kg["end"]) if a._.kg["cls"] == "Country" else None
            if m is None:
                continue
            at = m.end()
            for b in ents[i + 1:]:
                if b._.kg["cls"] not in ORGS or not LISTED_FIRM_GAP.fullmatch(folded, at, b._.kg["start"]):
                    break
                out.append(_rel(b, "country", a, "firms-of-country", sent))
                at = b._.kg["end"]
        for outer in ents:  # 上海證券交易所科創板上市委員會: a body named inside another's name belongs to it
            if outer._.kg["cls"] in ORGS and not outer._.kg.get("known"):
                for inner in ents:
                    if (inner is not outer and inner._.kg["cls"] in ORGS and inner._.kg["start"] == outer._.kg["start"]
                            and inner._.kg["end"] < outer._.kg["end"]):
                        out.append(_rel(outer, "parentOrganization", inner, "name-inside-name", sent))
        for m in re.finditer(r"总部(?:位于|设在|设于|在)(?P<place>)", folded[sent.start_char:sent.end_char]):
            at = sent.start_char + m.end()
            place = next((e for e in ents if e._.kg["start"] == at and e._.kg["cls"] in COUNTRIES), None)
            org = [e for e in ents if e._.kg["end"] <= at - 4 and e._.kg["cls"] in ORGS]
            if place is not None and org and not HQ_AFTER.match(folded[org[-1]._.kg["end"]:place._.kg["start"]]):
                out.append(_rel(org[-1], "country" if place._.kg["cls"] == "Country" else "headquarters", place,
                                "headquarters-in-sentence", sent))
        for m in re.finditer(r"在(?P<place>[^，。；,;]{2,12}?)(?:的)?总部", folded[sent.start_char:sent.end_char]):
            at = sent.start_char + m.start("place")
            place = next((e for e in ents if e._.kg["start"] == at and e._.kg["cls"] in COUNTRIES), None)
            org = [e for e in ents if e._.kg["end"] <= sent.start_char + m.start() and e._.kg["cls"] in ORGS]
            if place is not None and org:
                out.append(_rel(org[-1], "headquarters", place, "headquarters-at", sent))
        for m in re.finditer(r"(?:登记|注册|设立|成立|总部设)(?:于|在)", folded[sent.start_char:sent.end_char]):
            at = sent.start_char + m.end()
            place = next((e for e in ents if e._.kg["start"] == at and e._.kg["cls"] in COUNTRIES), None)
            if place is None:
                continue
            org = next((e for e in ents if e._.kg["start"] > place._.kg["end"] and e._.kg["cls"] in ORGS
                        and re.fullmatch(r"的[^，。,]{0,8}", folded[place._.kg["end"]:e._.kg["start"]])), None)
            if org is not None:
                out.append(_rel(org, "country" if place._.kg["cls"] == "Country" else "headquarters", place,
                                "registered-in", sent))
        return out

    @staticmethod
    def _own_products(ents, folded, sent) -> list[dict]:
        """啟衡智算目前量產的主力晶片為QH-600: a company's chip named as its product."""
        out = []
        for i, a in enumerate(ents):
            if a._.kg["cls"] not in DEVELOPERS:
                continue
            for b in ents[i + 1:i + 3]:
                if b._.kg["cls"] in PRODUCTS and OWN_PRODUCT.match(folded[a._.kg["end"]:b._.kg["start"]]):
                    out.append(_rel(b, "developer", a, "own-product", sent))
                    break
        return out

    @staticmethod
    def _listed(ents, folded, sent) -> list[dict]:
        """星河在櫃買中心的興櫃市場交易 / 海嵐存儲在港交所主板掛牌上市: where a company's shares trade."""
        out = []
        for i, a in enumerate(ents):
            if a._.kg["cls"] not in DEVELOPERS:
                continue
            for b in ents[i + 1:i + 3]:
                if b._.kg["cls"] != "StockExchange":
                    continue
                # (黑芝麻智能（下稱“黑芝麻智能”，HK:02533）在港交所主板上市: an aside in brackets is no gap)
                gap = re.sub(r"^(?:控股)?(?:股份有限公司|有限责任公司|有限公司|集团|公司)|[（(][^（）()]{0,40}[）)]", "",
                             folded[a._.kg["end"]:b._.kg["start"]])
                gap = re.sub(r"[”“」「）)（(\"]", "", gap)
                tail = folded[b._.kg["end"]:b._.kg["end"] + 14]
                clause = folded[a._.kg["start"]:b._.kg["end"] + 14].split("，")[0].split(",")[0]
                # (同樣在港交所完成上市: also, as the firm before did; 正式登陸港交所: 登陸 says it alone)
                if re.fullmatch(r"(?:目前|已|已经|正式|今天|今日|昨天|昨日|明天|本周|昨|今|同样|也|亦|均|都|同时|一同|相继|先后|陆续|分别|于[^，。,]{0,8}"
                                # (在A股上交所主板上市: the market's name before the exchange)
                                r"|[\d\s（）()月日号]{1,10})*(?:正式)?(?:在|于|登陆)\s*(?:内地)?(?:[abh]股|港股|美股|台股|陆股)?\s*", gap) and \
                        (gap.endswith("登陆") or re.match(r"[^，。；,;]{0,10}?(?:挂牌|上市|交易)", tail)) and \
                        not re.search(r"预计|将|拟|计划|申请|递交|有望|即将|争取|转上市", clause):
                    out.append(_rel(a, "stockExchange", b, "trades-on", sent))
                break
        # 天數智芯與智譜AI同樣在港交所完成上市: a firm joined by 與/和 to one listed there lists there too
        listed = {(r["subject"], r["object"]) for r in out}
        for a, c in zip(ents, ents[1:]):
            if a._.kg["cls"] not in DEVELOPERS or c._.kg["cls"] not in DEVELOPERS:
                continue
            gap = re.sub(r"[（(][^（）()]{0,40}[）)]", "", folded[a._.kg["end"]:c._.kg["start"]])
            gap = re.sub(r"^(?:控股)?(?:股份有限公司|有限责任公司|有限公司|集团|公司)", "", gap)
            if gap.strip() not in ("与", "和", "及", "、", "以及"):
                continue
            for subject, exchange in sorted(listed):
                if subject == c._.kg["key"] and (a._.kg["key"], exchange) not in listed:
                    b = next(e for e in ents if e._.kg["key"] == exchange)
                    out.append(_rel(a, "stockExchange", b, "trades-on", sent))
        return out

    @staticmethod
    def _party_members(ents, folded, sent) -> list[dict]:
        """共和黨籍參議員芮基茲、麥考米克及民主黨籍參議員夏亨: the people named after a party's 籍, in a list
        up to the next party's 籍 or the clause's end, are its members."""
        out = []
        for i, party in enumerate(ents):
            end = party._.kg["end"]
            if party._.kg["cls"] in ORGS and re.search(r"[党黨]$", folded[party._.kg["start"]:end]) and \
                    i + 1 < len(ents) and ents[i + 1]._.kg["cls"] == "Person" and \
                    not re.match(r"\s*(?:籍|党员)", folded[end:end + 3]) and \
                    PARTY_TITLE.fullmatch(folded, end, ents[i + 1]._.kg["start"]):
                # 密歇根州共和黨議員Bill Huizenga, 共和黨參議員科頓: a party's lawmaker is its member
                out.append(_rel(ents[i + 1], "memberOfParty", party, "party-lawmaker", sent))
                continue
            if party._.kg["cls"] not in ORGS or not re.match(r"[党黨]?\s*(?:籍|党员)", folded[end - 1:end + 3]) \
                    or not re.search(r"[党黨]$", folded[party._.kg["start"]:end]):
                continue
            first = True
            for e in ents[i + 1:]:
                gap = folded[end:e._.kg["start"]]
                if re.search(r"[，,。；;：:！？!?]", gap):
                    break  # the list ends with its clause
                if e._.kg["cls"] in ORGS and re.match(r"\s*(?:籍|党员)", folded[e._.kg["end"]:e._.kg["end"] + 3]):
                    break  # the next party's members
                if e._.kg["cls"] == "Person":
                    if not first and not PARTY_LIST_GAP.fullmatch(gap):
                        break  # 參議員柯頓今天致函商務部長盧特尼克: the one written to is no member of the list
                    out.append(_rel(e, "memberOfParty", party, "party-member", sent))
                    first = False
                end = e._.kg["end"]
        return out

    @staticmethod
    def _group_nationality(ents, folded, sent) -> list[dict]:
        """2名美國籍嫌疑人，定居佛州的何漢寧與…雷蒙德, 兩名中國公民林某和陳某: the people a counted group of
        one nationality names next, in its sentence, up to the count, are its citizens."""
        out = []
        for m in GROUP_NATIONALITY.finditer(folded, sent.start_char, sent.end_char):
            country = next((e for e in ents if e._.kg["cls"] == "Country" and e._.kg["start"] == m.start("country")
                            and e._.kg["end"] == m.end("country")), None)
            if country is None:
                continue
            count = cn_int(m.group("n").replace("两", "二"))
            members = []
            for e in ents:
                if e._.kg["start"] < m.end():
                    continue
                if e._.kg["cls"] == "Country" and re.match(r"\s*籍", folded[e._.kg["end"]:e._.kg["end"] + 2]):
                    break  # the next group's nationality
                if e._.kg["cls"] == "Person":
                    members.append(e)
                    if len(members) == count:
                        break
            if len(members) == count:
                out.extend(_rel(p, "citizenship", country, "group-nationality", sent) for p in members)
        return out

    @staticmethod
    def _bracketed_nationality(ents, folded, sent) -> list[dict]:
        """林某（中國籍）, 陳某(男，美國籍): a nationality in brackets right after a person's name."""
        out = []
        for p in (e for e in ents if e._.kg["cls"] == "Person"):
            m = NATIONALITY_IN_BRACKETS.match(folded, p._.kg["end"])
            country = next((e for e in ents if e._.kg["cls"] == "Country" and m is not None
                            and (e._.kg["start"], e._.kg["end"]) == m.span("country")), None)
            if country is not None:
                out.append(_rel(p, "citizenship", country, "nationality-in-brackets", sent))
        return out

    @staticmethod
    def _reporters(ents, folded, sent) -> list[dict]:
        """央廣網北京1月23日消息(記者齊智穎): a reporter in a dateline or byline works for the outlet
        named before them in it."""
        out = []
        credited: set[int] = set()   # where the reporters credited so far end
        for i, p in enumerate(ents):
            if p._.kg["cls"] != "Person":
                continue
            # (記者江某、張某台北31日電: the next name in a credited list is a reporter too)
            listed = folded[p._.kg["start"] - 1:p._.kg["start"]] in ("、", "和", " ") and p._.kg["start"] - 1 in credited
            if listed or p._.kg.get("rule") in ("reporter", "byline") or \
                    folded[max(0, p._.kg["start"] - 2):p._.kg["start"]] == "记者":
                credited.add(p._.kg["end"])
            else:
                # 作者：晴川網林某, 晴川新聞 |林某 綜合報導: a name right after an outlet opening a line
                outlet = next((e for e in reversed(ents[:i]) if e._.kg["end"] <= p._.kg["start"]), None)
                if outlet is None or outlet._.kg["cls"] != "MediaOrganization" or \
                        not BYLINE_GAP.fullmatch(folded, outlet._.kg["end"], p._.kg["start"]) or \
                        not LINE_OPENING.search(folded, max(0, outlet._.kg["start"] - 8), outlet._.kg["start"]):
                    continue
                out.append(_rel(p, "employer", outlet, "reporter-of-outlet", sent))
                continue
            outlet = next((e for e in reversed(ents[:i]) if e._.kg["cls"] == "MediaOrganization"
                           and p._.kg["start"] - e._.kg["end"] <= 40
                           and "。" not in folded[e._.kg["end"]:p._.kg["start"]]), None)
            if outlet is not None:
                out.append(_rel(p, "employer", outlet, "reporter-of-outlet", sent))
        return out

    def _promoted(self, ents: list[Span], folded: str, sent: Span) -> list[dict]:
        """王某與張某領銜晉升為資深副總經理, 吳某與葉某也雙雙升任副總經理: people named to an officer's post, in
        a sentence naming no organisation, are officers of the company the article is about; in one naming a
        single company before them (北辰董事會通過晉升王某、林某為共同營運長), of that company."""
        people = [p for p in ents if p._.kg["cls"] == "Person"]
        # (北辰宣布，由前英特爾高管林某出任執行長: a former employer written in the person's description
        # names no company the post is of)
        orgs = [e for e in ents if e._.kg["cls"] in ORGS and not (_named_as_former(e, folded) and any(
            p._.kg["start"] >= e._.kg["end"] and p._.kg["start"] - e._.kg["end"] <= 8 for p in people))]
        if orgs and (len(orgs) > 1 or orgs[0]._.kg["cls"] != "Company" or not people
                     or orgs[0]._.kg["end"] > people[0]._.kg["start"]):
            return []
        company = orgs[0] if orgs else self.main or self.topic_company
        if company is None:
            return []
        out = []
        run: list[Span] = []
        for p in people:   # the names joined by 與, 和, 及, 、 and the post they are named to after the last
            if run and not LIST_JOINER.fullmatch(folded, run[-1]._.kg["end"], p._.kg["start"]):
                run = []
            run.append(p)
            m = PROMOTED_TO.match(folded, p._.kg["end"])
            if m is None and APPOINTS_BEFORE.search(folded, max(sent.start_char, run[0]._.kg["start"] - 6), run[0]._.kg["start"]):
                m = POST_AFTER.match(folded, p._.kg["end"])
            if m is not None:
                out.extend(_rel(x, "employer", company, "promoted-to-post", sent) for x in run)
                if (len(run) == 1 or JOINT_POST.search(m.group())) and CHIEF_IN_TITLE.search(m.group()):
                    # 出任執行長; A與B被任命為聯席執行長: co-chief executives, each the chief
                    out.extend(_rel(company, "chiefExecutiveOfficer", x, "promoted-to-post", sent) for x in run)
                run = []
        return out

    def _officer_of_main(self, ents: list[Span], folded: str, sent: Span) -> list[dict]:
        """公司董事長張建中表示: an officer of "the company", in a sentence naming no organisation
        before them, is an officer of the company the article is about."""
        out = []
        for p in ents:
            ps = p._.kg["start"]
            # (a clause of its own: 創始人兼CEO張振華是原英偉達中國區總經理，聯合創始人李明哲…: 英偉達 is
            # where he worked before, not whose founder the next clause names)
            cs = _clause_opening(folded, sent, ps)
            if p._.kg["cls"] != "Person" or any(e._.kg["cls"] in ORGS and cs <= e._.kg["start"] and e._.kg["end"] <= ps
                                                for e in ents):
                continue
            if any(e._.kg["cls"] in ORGS and e._.kg["end"] <= ps for e in ents) and \
                    folded[cs:ps].strip("，,；; ") and not BARE_OFFICER.match(folded, cs):
                continue
            m = OFFICER_OF_COMPANY.search(folded, max(sent.start_char, ps - 16), ps)
            # (北辰昨日公布財報。該公司執行長王小明表示: the company the sentence before was about)
            company = self.main or self.topic_company
            if m is None:
                # 財務長克雷斯指出 opening a sentence: an officer of the company the text is about, or of the one
                # the sentence before named first
                m = BARE_OFFICER.search(folded, max(sent.start_char, ps - 14), ps)
                # (北辰今年營收年增42%，董事長陳寧表示: of the company the sentence opens with, its topic)
                opener = next((e for e in ents if e._.kg["cls"] not in COUNTRIES | {"Place"}), None)
                opener = opener if opener is not None and opener._.kg["cls"] == "Company" and opener._.kg["end"] <= cs \
                    else None
                company = opener or self.main or self.topic_company
            if m is None or m.end() != ps or company is None:
                continue
            # (聯合創始人張某、周某均曾…: the title is of every name of the list after it)
            listed = _people_listed(ents, folded, p)
            for x in listed:
                rel = {"subject": x._.kg["key"], "property": "employer", "object": company._.kg["key"],
                       "rule": "officer-of-company", "start": m.start(), "end": x._.kg["end"],
                       "sentence": (sent.start_char, sent.end_char), "confidence": 0.7}
                out.append(rel)
                if CHIEF_IN_TITLE.search(m.group("role")) and len(listed) == 1:
                    out.append({**rel, "subject": company._.kg["key"], "property": "chiefExecutiveOfficer",
                                "object": x._.kg["key"]})
                if re.search(r"创始人|创办人", m.group("role")):
                    out.append({**rel, "subject": company._.kg["key"], "property": "foundedBy", "object": x._.kg["key"]})
                if CHAIR_GAP.search(m.group("role")) and len(listed) == 1:   # 董事長劉揚偉預告 after the company's clause: its chair (P488)
                    out.append({**rel, "subject": company._.kg["key"], "property": "chairperson", "object": x._.kg["key"]})
        return out

    @staticmethod
    def _people(ents, folded, sent) -> list[dict]:
        """由張承遠創立 / 執行長則由范立言出任 / 曾任聯發科… / 目前擔任董事長: roles of people."""
        out = []
        text0 = sent.start_char
        orgs_before = lambda pos: [e for e in ents if e._.kg["end"] <= pos and e._.kg["cls"] in DEVELOPERS]
        for p in ents:
            if p._.kg["cls"] != "Person":
                continue
            ps, pe = p._.kg["start"], p._.kg["end"]
            after = folded[pe:pe + 8]
            before = folded[max(text0, ps - 8):ps]
            topic = orgs_before(ps)
            topic = topic[-1] if topic else None
            if topic is not None and re.match(r"(?:于\d{4}年)?(?:创立|创办|创建|成立)", after) and before.endswith("由"):
                out.append(_rel(topic, "foundedBy", p, "founded-by", sent))
            # 譚某於2018年在前海成立睿思芯科: the person founded the firm named right after the verb
            founds = FOUNDS.match(folded, pe)
            firm = next((e for e in ents if founds and e._.kg["start"] == founds.end() and e._.kg["cls"] in ORGS), None)
            if firm is not None:
                out.append(_rel(firm, "foundedBy", p, "person-founds", sent))
            # (小米集團創始人，董事長兼CEO雷軍: the titles after 創始人 may be set off by a comma)
            elif topic is not None and re.search(r"(?:创始人|创办人)(?:(?:暨|兼|、)?[^，。,]{0,9}|[，,](?:董事长|首席执行官|执行长|ceo|总裁)"
                                                 r"[^，。,]{0,8})$", folded[max(text0, ps - 20):ps]) and \
                    not ORGS & {e._.kg["cls"] for e in ents if ps - 8 <= e._.kg["end"] <= ps} and \
                    not re.search(r"[，,；;]", folded[topic._.kg["end"]:ps]):  # the founder of the clause's firm
                out.append(_rel(topic, "foundedBy", p, "founder-of-topic", sent))
                out.append(_rel(p, "employer", topic, "founder-of-topic", sent))
            # 創始人、董事長兼總裁戴偉民: the founder may be the chief too
            # (北辰的創辦人、董事長兼CEO是王某: the post, then 是 and the name)
            if topic is not None and re.search(r"(?<![副助理])(?:首席执行官|执行长|ceo|总裁|总经理)(?:则|一职)?(?:由|是|为)?$", before) \
                    and topic._.kg["end"] < ps:
                # the chief of the organisation the clause names, else of the one the sentence opens with
                # (英特爾宣布，任命前台積電副總X…，直接向執行長陳立武報告: Intel's, not TSMC's)
                topic = _firm_of_post(orgs_before(ps), folded, text0, ps)
                if not DIVISION_HEAD.search(before):  # 數據中心事業部總經理: a division's head, no chief executive
                    out.append(_rel(topic, "chiefExecutiveOfficer", p, "ceo-of-topic", sent))
                    if GENERAL_MANAGER.search(before):   # 總經理朱某: the firm's general manager (P1037) too
                        out.append(_rel(topic, "director", p, "ceo-of-topic", sent))
                out.append(_rel(p, "employer", topic, "ceo-of-topic", sent))
                titles = folded[topic._.kg["end"]:ps]
                if len(titles) <= 16 and not re.search(r"[。；;]", titles):
                    # 英偉達創始人兼CEO黃仁勳, 小米集團創始人，董事長兼CEO雷軍: the founder and the chair too
                    if re.search(r"创始人|创办人", titles):
                        out.append(_rel(topic, "foundedBy", p, "ceo-of-topic", sent))
                    if CHAIR_GAP.search(titles):
                        out.append(_rel(topic, "chairperson", p, "ceo-of-topic", sent))
            elif topic is not None and (post := SERVES_AS.match(after)) \
                    and (topic := next((e for e in reversed(orgs_before(ps))   # (由前英特爾高管林某出任執行長: not Intel's)
                                        if not _named_as_former(e, folded)), None)) is not None:
                # (林某辭去董事長一職: who leaves a post held it, at the company the sentence is about)
                prop = "chiefExecutiveOfficer" if re.search(r"执行长|首席执行官|ceo|总经理|总裁", after) else \
                    "chairperson" if post.group("title") == "董事长" else None
                if prop:
                    out.append(_rel(topic, prop, p, "serves-as", sent))
                out.append(_rel(p, "employer", topic, "serves-as", sent))
            appointed = APPOINTED.search(folded, text0, ps)
            named_as = _appointed_as(ents, folded, p) if appointed else None
            if named_as:
                # 輝達宣布，任命前英特爾總經理韋恩．哈里斯為資深副總裁: the one who appoints, named before 任命
                hirer = next((e for e in ents if text0 <= e._.kg["start"] and e._.kg["end"] <= appointed.start()
                              and e._.kg["cls"] in DEVELOPERS), None)
                if hirer is not None:
                    out.append(_rel(p, "employer", hirer, "appointed-as", sent))
                    if CHIEF_IN_TITLE.search(named_as.group()) and not re.search(r"[副助理]", named_as.group()):
                        out.append(_rel(hirer, "chiefExecutiveOfficer", p, "appointed-as", sent))
            sent_rest = folded[pe:sent.end_char]
            role = re.search(r"(?:目前|现)?(?:担任|出任|现任|现为)(?:公司)?(?:临时|代理|署理|新任|联合|共同|联席)*"
                             r"(?P<title>董事长|首席执行官|执行长|总经理|总裁|ceo)"
                             r"(?:兼(?P<title2>首席执行官|执行长|总经理|总裁|ceo))?", sent_rest)
            if topic is not None and role and _only_people_listed(ents, folded, pe, pe + role.start()):
                joins = [e for e in ents if pe <= e._.kg["start"] and e._.kg["end"] == pe + role.start()
                         and e._.kg["cls"] in ORGS]
                topic = joins[-1] if joins else topic  # 將離職，加盟諾基亞擔任執行長: the company he joins
                if re.search(r"首席执行官|执行长|总经理|总裁|ceo", role.group(0)):
                    out.append(_rel(topic, "chiefExecutiveOfficer", p, "serves-as", sent))
                out.append(_rel(p, "employer", topic, "serves-as", sent))
            # 林某接任星曜半導體執行長: the post named right after the verb and the organisation
            takes = TAKES_POST.match(folded, pe)
            org = next((e for e in ents if takes and e._.kg["start"] == takes.end() and e._.kg["cls"] in ORGS), None)
            post = POST_TITLE.match(folded, org._.kg["end"]) if org is not None else None
            if post is not None:
                if post.group("title") == "董事长":
                    out.append(_rel(org, "chairperson", p, "takes-post", sent))
                elif not post.group("deputy"):
                    out.append(_rel(org, "chiefExecutiveOfficer", p, "takes-post", sent))
                out.append(_rel(p, "employer", org, "takes-post", sent))
            # xLight由前英特爾執行長基辛格擔任董事會執行主席: the post is the organisation's before 由
            by = ORG_BY.search(folded, max(text0, ps - 24), ps)
            post = SERVES_AS_TITLE.match(folded, pe) if by else None
            org = next((e for e in ents if e._.kg["end"] == by.start() and e._.kg["cls"] in ORGS), None) if post else None
            if org is not None:
                title = post.group("title")
                if title in ("首席执行官", "执行长", "ceo", "总裁"):
                    out.append(_rel(org, "chiefExecutiveOfficer", p, "post-given-by", sent))
                elif title in ("董事长", "主席"):
                    out.append(_rel(org, "chairperson", p, "post-given-by", sent))
                out.append(_rel(p, "employer", org, "post-given-by", sent))
            # 執行長則由曾在Google參與TPU開發的何佳蓉擔任
            lead = folded[max(text0, ps - 30):ps]
            m_by = re.search(r"(?P<title>首席执行官|执行长|总经理|总裁|董事长|ceo)(?:则|一职)?由(?P<mid>[^，。；,;]{0,24})$", lead)
            if topic is not None and m_by and re.match(r"(?:担任|出任|接任|执掌)", after) and \
                    not any(e._.kg["cls"] == "Person" and ps - len(m_by.group("mid")) <= e._.kg["start"] < ps for e in ents):
                # (the post is of the firm its clause names, else of the one the sentence opens with: not the
                # former employer in the description of the one who holds it, 曾在英特爾…的, 曾任聯發科…)
                title_at = ps - len(lead) + m_by.start()
                held = [e for e in orgs_before(ps) if e._.kg["end"] <= title_at and not _named_as_former(e, folded)
                        and not FORMER_BEFORE.search(folded, max(text0, e._.kg["start"] - 3), e._.kg["start"])]
                topic = _firm_of_post(held, folded, text0, title_at) or topic
                if m_by.group("title") != "董事长":
                    out.append(_rel(topic, "chiefExecutiveOfficer", p, "title-given-to", sent))
                out.append(_rel(p, "employer", topic, "title-given-to", sent))
            past = re.search(r"曾(?:在|任职于|任职|就职于|供职于)(?P<rest>[^，。；,;]{2,24})的$", lead)
            if past:
                org = next((e for e in ents if ps - len(past.group("rest")) - 1 <= e._.kg["start"] < ps
                            and e._.kg["cls"] in ORGS), None)
                if org is not None:
                    out.append(_rel(p, "employer", org, "former-employer", sent))
            # 張鈺勃、周苑均曾於英偉達工作: what is said after a list of people is said of each
            le = _people_list_end(ents, folded, p)
            m = FORMER_AFTER.match(folded, le)
            stop = CLAUSE_END.search(folded, m.end()) if m else None
            if m and DEGREE.search(folded, m.end(), stop.start() if stop else len(folded)):
                m = None  # 曾於史丹佛大學取得碩士學位: where one studied, no employer
            if m:
                org = next((e for e in ents if e._.kg["start"] >= m.end() and e._.kg["start"] <= m.end() + 2
                            and e._.kg["cls"] in ORGS), None)
                while org is not None:  # 華為海思: the unit, not its parent
                    nxt = next((e for e in ents if e._.kg["start"] == org._.kg["end"] and e._.kg["cls"] in ORGS), None)
                    if nxt is None:
                        break
                    org = nxt
                if org is not None:
                    out.append(_rel(p, "employer", org, "former-employer", sent))
            # 陳某是軟件公司益華電腦（Cadence）前執行長, 王某為北辰科技的財務長: a post of the organisation named
            # after 是 (a former post's organisation employed the person too, as a former employer does)
            for org in (e for e in ents if e._.kg["cls"] in ORGS and le <= e._.kg["start"]):
                if not IS_POST_LEAD.fullmatch(folded, le, org._.kg["start"]):
                    break
                post = POST_AFTER_ORG.match(folded, org._.kg["end"])
                if post and re.search(r"[成增延擅专生助消见]长$", post.group()):
                    break  # 北辰成長的關鍵: growth, no post
                if post and not any(e._.kg["cls"] in ORGS and org._.kg["end"] < e._.kg["start"] < post.end()
                                    and e._.kg["key"] != org._.kg["key"] for e in ents):
                    out.append(_rel(p, "employer", org, "is-post-of", sent))
                    break
        return out

    @staticmethod
    def _career(ents, folded, sent) -> list[dict]:
        """王明遠…曾任甲骨文公司研發經理、谷歌公司主任工程師，現任星曜智能董事長: each organisation of a
        list of posts, named before the title held there, employs the person the sentence opens with."""
        people = [e for e in ents if e._.kg["cls"] == "Person"]
        if not people or any(e._.kg["end"] <= people[0]._.kg["start"] and e._.kg["cls"] not in COUNTRIES for e in ents):
            return []
        person, out = people[0], []
        for m in CAREER.finditer(folded, person._.kg["end"], sent.end_char):
            if any(person._.kg["end"] <= e._.kg["start"] < m.start() for e in people[1:]):
                break  # the posts of someone else the sentence names
            stop = re.compile(r"[。；;]|[，,](?!\s*(?:曾任|历任))").search(folded, m.end(), sent.end_char)
            pos = m.end()
            for item in re.split(r"[、，,]", folded[m.end():stop.start() if stop else sent.end_char]):
                a, b = pos, pos + len(item)
                pos = b + 1
                org = next((e for e in ents if a <= e._.kg["start"] <= a + 4 and e._.kg["end"] < b
                            and e._.kg["cls"] in ORGS), None)
                while org is not None:  # 美國甲骨文公司|中國區: the unit named right after it
                    nxt = next((e for e in ents if e._.kg["start"] == org._.kg["end"] and e._.kg["cls"] in ORGS), None)
                    if nxt is None:
                        break
                    org = nxt
                if org is not None and ROLE_GAP.match(folded[org._.kg["end"]:b]) and \
                        not any(a <= e._.kg["start"] < b for e in people):
                    out.append(_rel(person, "employer", org, "career-list", sent))
                    if CURRENT_POST.match(m.group()) and CHAIR_GAP.search(folded[org._.kg["end"]:b]):
                        out.append(_rel(org, "chairperson", person, "career-list", sent))   # 現任X董事長 (P488)
        return out

    @staticmethod
    def _adopted_nodes(ents, inside, folded, sent) -> list[dict]:
        """台積電2奈米製程去年量產。…A20、天璣9600都將採用2奈米: chips adopting a node no maker is named
        for in their sentence are made by the foundry the text names with its node (台積電2奈米) last."""
        m = ADOPTS_NODE.search(folded, sent.start_char, sent.end_char)
        if m is None or any(e._.kg["cls"] in ORGS and m.start() <= e._.kg["start"] < m.end() for e in inside):
            return []
        foundry = next((e for e in reversed(ents) if e._.kg["end"] <= sent.start_char and e._.kg["cls"] == "Company"
                        and NODE_AFTER.match(folded, e._.kg["end"])), None)
        chips = [e for e in inside if e._.kg["end"] <= m.start() and e._.kg["cls"] in ("Chip", "ChipFamily")]
        if foundry is None or any(e._.kg["key"] == foundry._.kg["key"] for e in inside):
            return []
        return [_rel(c, "manufacturer", foundry, "adopts-node", sent) for c in {c._.kg["key"]: c for c in chips}.values()]

    def _makers(self, ents, folded, sent) -> list[dict]:
        """由台積電以5奈米製程代工 / 採用中芯國際7奈米製程 / 封裝測試則交由通富微電完成."""
        out = []
        for m in MAKER_CLAUSE.finditer(folded, sent.start_char, sent.end_char):
            org = next((e for e in ents if e._.kg["start"] == m.start("org") and e._.kg["cls"] in DEVELOPERS), None)
            if org is None:
                org = next((e for e in ents if m.start("org") <= e._.kg["start"] < m.end("org") + 1
                            and e._.kg["cls"] in DEVELOPERS), None)
            if org is None or re.search(r"测试|认证|验证|评测|检测", folded[org._.kg["end"]:m.end()]):
                continue  # 在輝達測試中獲得最高分 明年供應: who tests a chip does not make it
            if re.search(r"设计|研发|开发", folded[org._.kg["end"]:m.end()]):
                # 由博通設計、台積電生產: the maker is the one named before the verb of making, not the designer
                maker = [e for e in ents if org._.kg["end"] <= e._.kg["start"] and e._.kg["end"] <= m.end()
                         and e._.kg["cls"] in DEVELOPERS]
                if not maker:
                    continue
                org = maker[-1]
            products = [e for e in ents if e._.kg["end"] <= m.start() and e._.kg["cls"] in PRODUCTS]
            # (該晶片, 這款處理器: the clause cues' pointer to a product)
            pointer = clause_cues().pointer.search(folded, max(sent.start_char, m.start() - 8), m.start()) \
                if not products and self.last_chip is not None else None
            kind = POINTED_KIND.search(pointer.group()) if pointer else None
            pointer = pointer if kind is not None and kind.lastgroup == "product" else None
            if pointer:  # …發布天樞X2。該晶片採用台積電3奈米製程: the chip named before, evidence this sentence
                out.append({**_rel(self.last_chip, "manufacturer", org, "made-by-pointer", sent),
                            "start": pointer.start(), "end": org._.kg["end"]})
                continue
            chips = [e for e in products if e._.kg["cls"] in ("Chip", "ChipFamily")]
            if re.search(r"(?:均|都|皆|两款|多款|这些|上述)[^，。；,;]{0,4}$", folded[max(sent.start_char, m.start() - 6):m.start()]):
                # (不只Rubin，…CPU產品Vera等，全數都採用台積電製程: every product named before, chip or not)
                for chip in {c._.kg["key"]: c for c in products}.values():
                    out.append(_rel(chip, "manufacturer", org, "made-by-clause", sent))
            elif chips or products:
                made = [(chips or products)[-1]]
                pool = chips or products
                for prev in reversed(pool[:-1]):  # Rubin GPU與Vera CPU將交由台積電…代工: every member of the list
                    if not LIST_JOIN.fullmatch(folded, prev._.kg["end"], made[-1]._.kg["start"]):
                        break
                    made.append(prev)
                for chip in made:
                    out.append(_rel(chip, "manufacturer", org, "made-by-clause", sent))
        return out


def _subsidiaries_named(ents: list[Span], folded: str, sent: Span) -> list[dict]:
    """北辰的子公司星曜微電子, 公司…共同向子公司廈門星曜微電子增資: a firm named after 子公司 is the
    subsidiary of the firm written right before the word, else of the firm the sentence opens with."""
    out = []
    for i, b in enumerate(ents):
        if b._.kg["cls"] not in ORGS:
            continue
        m = SUBSIDIARY_BEFORE.search(folded, max(sent.start_char, b._.kg["start"] - 8), b._.kg["start"])
        if m is None:
            continue
        before = [a for a in ents[:i] if a._.kg["cls"] in ORGS and a._.kg["end"] <= m.start()]
        owner = before[-1] if before and re.fullmatch(r"\s*(?:[（(][^（）()]{1,20}[)）])?\s*(?:的|旗下)?\s*",
                                                      folded[before[-1]._.kg["end"]:m.start()]) else None
        if owner is None:
            owner = next((a for a in before if a._.kg["cls"] == "Company"), None)
        if owner is not None and owner._.kg["key"] != b._.kg["key"]:
            out.append(_rel(b, "parentOrganization", owner, "subsidiary-named", sent))
    return out


def _officers_listed(ents: list[Span], folded: str, sent: Span, found: list[dict]) -> list[dict]:
    """財務長林國強與技術長陳美玲 after their company: the organisation that employs the first titled
    person of a list employs each further titled person of it."""
    out = []
    people = [e for e in ents if e._.kg["cls"] == "Person"]
    for r in found:
        if r["property"] != "employer" or r["rule"] != "role-title":
            continue
        org = next((e for e in ents if e._.kg["key"] == r["object"] and e._.kg["start"] == r["start"]), None)
        p = next((e for e in people if e._.kg["key"] == r["subject"] and e._.kg["end"] == r["end"]), None)
        # (工程師吳某及戈某: a title many hold is shared by the names joined after the first; 執行長黃某與川普 is not)
        # (臨時聯合執行長辛某和霍某: a joint post is held by more than one)
        shared = org is not None and p is not None and (
            SHARED_TITLE.search(folded, org._.kg["end"], p._.kg["start"]) is not None or
            JOINT_TITLE.search(folded, org._.kg["end"], p._.kg["start"]) is not None)
        while org is not None and p is not None:
            # (辛某（David Zinsner）和霍某: the name's form in brackets is no member, nor part of the gap)
            q = next((e for e in people if e._.kg["start"] >= p._.kg["end"] and e._.kg["key"] != p._.kg["key"]), None)
            gap = BRACKETED_FORM.sub("", folded[p._.kg["end"]:q._.kg["start"]], count=1) if q is not None else ""
            if q is None or not (LISTED_OFFICER_GAP.match(gap) or (shared and LIST_JOINER.fullmatch(gap))):
                break
            if any(e._.kg["cls"] != "Person" and p._.kg["end"] <= e._.kg["start"] < q._.kg["start"] for e in ents):
                break  # 商務部長盧某、勞工部長德某: the next title is of another body, which the gap names
            out.append(_rel(q, "employer", org, "listed-officer", sent))
            p = q
    return out


#: 取得碩士學位, 攻讀博士: a clause about a degree says where one studied
DEGREE = CuePattern("degree")   # (clause cues)
# 曾任職於, 均曾於, 是原…: an employer of the past after the person (or after the list the person closes)
FORMER_AFTER = re.compile(r"(?:[一二两三四五六七八九十\d]{1,2}(?:位|名|人))?(?:此前|早年|过去)?(?:均|都|亦|也)?(?:曾任职于|曾任职|曾任|曾在|曾于|曾经在|曾就职于|曾供职于|出身|"
                          r"(?:是|为|系)(?:原|前)(?=[^，。；,;]{2,16}?(?:总经理|经理|总裁|副总裁|工程师|董事|主管|总监|高管|员工|"
                          r"科学家|研究员|首席[^，。；,;]{1,4}官|ceo|cto|cfo|coo)))")


#: 畢業於|晴川大學|的林某: a school a person graduated from, written before the person
GRADUATED_BEFORE = re.compile(r"(?:毕业于|毕业自|就读于)$")
#: 晴川大學|電機系畢業: a school with its field and 畢業 after it (not 畢業於, 畢業生)
GRADUATED_AFTER = re.compile(r"[^，。；,;、\d]{0,10}?毕业(?![于自生典季])")


def _firm_of_post(orgs: list[Span], folded: str, text0: int, at: int) -> Span | None:
    """Whose a post named at `at` is: the last of orgs (those named before it) in the post's own clause, else
    the first, the one the sentence opens with; None when there are none."""
    cs = max(folded.rfind(c, text0, at) for c in "，,；;：:")
    own = [e for e in orgs if e._.kg["start"] > cs]
    return own[-1] if own else orgs[0] if orgs else None


#: 曾任, 曾在, 曾於 before an organisation: where someone was before
FORMER_BEFORE = re.compile(r"曾(?:任|在|于|任职于|就职于|供职于)$")


def _named_as_former(org: Span, folded: str) -> bool:
    """前英特爾高管林某, 原台積電工程師: an organisation written as a person's former employer."""
    return folded[org._.kg["start"] - 1:org._.kg["start"]] in ("前", "原")


def _graduated(ents: list[Span], folded: str, sent: Span) -> list[dict]:
    """畢業於晴川大學的林某, 晴川大學畢業的林某, 林某，晴川大學電機系畢業: where a person studied, said in a
    phrase before the person or beside the person's name, which no clause frame reads."""
    out = []
    for i, u in enumerate(ents):
        if u._.kg["cls"] not in ("University", "ResearchInstitute"):
            continue
        us, ue = u._.kg["start"], u._.kg["end"]
        after = GRADUATED_AFTER.match(folded, ue)
        before = GRADUATED_BEFORE.search(folded, max(sent.start_char, us - 3), us)
        person = None
        if before or after:   # …的林某: the person the phrase describes
            end = after.end() if after else ue
            person = next((e for e in ents[i + 1:] if e._.kg["cls"] == "Person" and folded[end:e._.kg["start"]] == "的"), None)
        if person is None and after and not before:   # 林某，晴川大學電機系畢業: beside the name, after a comma
            cs = max(folded.rfind(c, sent.start_char, us) for c in "，,")
            prev = [e for e in ents[:i] if e._.kg["cls"] == "Person" and e._.kg["end"] <= cs]
            if cs > 0 and prev and not folded[prev[-1]._.kg["end"]:cs].strip() and \
                    not any(e._.kg["cls"] != "Person" and cs < e._.kg["start"] < us for e in ents):
                person = prev[-1]
        if person is not None:
            out.append(_rel(person, "educatedAt", u, "graduated-from", sent))
    return out


def _appointed_as(ents: list[Span], folded: str, p: Span) -> re.Match | None:
    """The post a person appointed is named to: right after the name (and its form in brackets:
    （Wayne Harris）), or after the last of the people appointed together (任命A與B兩位資深高管為聯席執行長)."""
    pe = p._.kg["end"]
    alias = re.match(r"\s*(?:[(（][^)）]{1,30}[)）])?\s*", folded[pe:pe + 32]).end()
    group = APPOINTED_GROUP.match(folded, _people_list_end(ents, folded, p))
    return APPOINTED_AS.match(folded, pe + alias) or (APPOINTED_AS.match(folded, group.end()) if group else None)


def _people_listed(ents: list[Span], folded: str, p: Span) -> list[Span]:
    """p and the people listed after it (joined by 、, 與, 和, …): 張某、周某."""
    listed = [p]
    people = sorted((e for e in ents if e._.kg["cls"] == "Person" and e._.kg["start"] >= p._.kg["end"]),
                    key=lambda e: e._.kg["start"])
    for q in people:
        if not LIST_JOINER.fullmatch(folded, listed[-1]._.kg["end"], q._.kg["start"]):
            break
        listed.append(q)
    return listed


def _people_list_end(ents: list[Span], folded: str, p: Span) -> int:
    """Where the list of people that p opens (or stands in) ends: p's end, or the last member's."""
    return _people_listed(ents, folded, p)[-1]._.kg["end"]


# between an outlet opening a line and its writer's name: 晴川網林某, 晴川新聞 |林某
BYLINE_GAP = re.compile(r"[\s|｜丨/:：]*")
LINE_OPENING = re.compile(r"(?:^|\n)\s*[\[【［]?\s*(?:作者|文|撰文|来源|图文)?\s*[:：/／]?\s*[\[【［]?\s*$")
# 《證券日報》記者: an outlet named with its reporter; 本報記者: a reporter of the paper itself
OWN_PAPER_NAMED = re.compile(r"[》」”]?\s*(?:的)?记者")
# X由…P擔任董事會執行主席: 由 right after the organisation, the post after the person
ORG_BY = re.compile(r"由[^，。；,;由]{0,20}$")
# 接任, 出任, 升任…: a verb of taking a post, then the organisation and the post
# 林某於今年3月出任…: a time between the person and the verb
TIME_GAP = (r"(?:(?:于|在|自|从)?\s*(?:(?:今年|去年|明年|本月|上月|日前|近日)|\d{2,4}\s*年)?(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?"
            r"(?:起|底|初)?\s*[，,]?)?")
TAKES_POST = re.compile(rf"\s?{TIME_GAP}\s?(?:将|已|正式|再度)?(?:接任|出任|担任|升任|就任|转任|续任)")
POST_TITLE = re.compile(r"\s?(?:的)?(?:新任|临时|代理|署理|联席|共同)?(?P<deputy>副|资深副|执行副)?"
                        r"(?P<title>首席执行官|执行长|总经理|总裁|ceo|董事长)")
SERVES_AS_TITLE = re.compile(r"\s*(?:[（(][^)）]{1,30}[)）])?\s*(?:担任|出任|接任|执掌)(?:公司|董事会)?(?:的)?(?:执行|独立|非执行|首席)?"
                             r"(?P<title>董事长|主席|首席执行官|执行长|总经理|总裁|ceo|董事)")
# 中新網 宜昌9月20日電: what follows the outlet that opens a dateline
# (中央社華盛頓30日綜合外電報導: a wire's dateline may end in 報導)
OUTLET_DATELINE = re.compile(r"[^，。,;；\n]{0,10}?(?:(?:19|20)\d\d\s*年\s*)?(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日\s*(?:综合)?(?:外电)?"
                             r"(?:电|讯|消息|报导|报道)")
CREDIT_BEFORE = re.compile(r"(?:作者|撰文|编辑|责编|责任编辑|记者)\s*[/／:：|｜丨]?\s*$")
OWN_PAPER_REPORTER = re.compile(r"(?:本报|本刊|本台|本网)(?:特约|实习)?记者\s*$")


# 林國強和產品主管陳美玲擔任: what may stand between two people of one list (a joiner, a title)
PEOPLE_LIST_GAP = re.compile(r"(?:\s*(?:、|和|与|及|以及)[^，。；,;、和与及]{0,6}?\x00)*\s*")


def _only_people_listed(ents: list[Span], folded: str, start: int, end: int) -> bool:
    """Whether folded[start:end] names no other person, or only further people of a list (由A和B擔任:
    B too)."""
    if not any(e._.kg["cls"] == "Person" and start <= e._.kg["start"] < end for e in ents):
        return True
    text = list(folded[start:end])
    for e in ents:
        if e._.kg["cls"] == "Person" and start <= e._.kg["start"] and e._.kg["end"] <= end:
            text[e._.kg["start"] - start:e._.kg["end"] - start] = ["\x00"] + [""] * (e._.kg["end"] - e._.kg["start"] - 1)
        elif start <= e._.kg["start"] < end:
            return False
    return PEOPLE_LIST_GAP.fullmatch("".join(text)) is not None


def _rel(subj: Span, prop: str, obj: Span, rule: str, sent: Span) -> dict:
    return {"subject": subj._.kg["key"], "property": prop, "object": obj._.kg["key"], "rule": rule,
            "start": min(subj._.kg["start"], obj._.kg["start"]), "end": max(subj._.kg["end"], obj._.kg["end"]),
            "sentence": (sent.start_char, sent.end_char), "confidence": 0.8}


@Language.factory("kg_relations", assigns=["doc._.kg_relations"], requires=["doc.spans"])
def make_relation_extractor(nlp: Language, name: str) -> RelationExtractor:
    return RelationExtractor()
