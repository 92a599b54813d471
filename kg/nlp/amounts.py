"""Numbers with their units, as the text states them: money, percentages, multiples, specs.

Values are kept as written (4800 with GB/s; 25 with %); money is normalised to the
currency's unit (5萬億美元 → 5e12 USD) because 萬/億 are scale words, not units. Each
unit's conversion to a base unit lives in ontology/units.ttl, so queries can compare
4.8TB/s with 4800GB/s.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from kg.nlp.metrics import metric_cues
from kg.nlp.temporal import cn_int

SCALE = {"万亿": Decimal(10) ** 12, "兆": Decimal(10) ** 12, "千亿": Decimal(10) ** 11, "百亿": Decimal(10) ** 10,
         "亿": Decimal(10) ** 8, "千万": Decimal(10) ** 7, "百万": Decimal(10) ** 6, "万": Decimal(10) ** 4,
         "千": Decimal(10) ** 3, "trillion": Decimal(10) ** 12, "billion": Decimal(10) ** 9,
         "million": Decimal(10) ** 6}
CURRENCY = {"美元": "USD", "美金": "USD", "人民币": "CNY", "元人民币": "CNY", "元": "CNY", "港元": "HKD", "港币": "HKD",
            "新台币": "TWD", "台币": "TWD", "日元": "JPY", "欧元": "EUR", "英镑": "GBP", "韩元": "KRW",
            "新元": "SGD", "新币": "SGD", "坡元": "SGD", "令吉": "MYR", "马币": "MYR", "泰铢": "THB", "澳元": "AUD",
            "加元": "CAD", "卢比": "INR", "越南盾": "VND", "新加坡元": "SGD", "新加坡币": "SGD", "日圆": "JPY",
            "日币": "JPY", "韩圜": "KRW", "澳币": "AUD", "加币": "CAD", "令吉特": "MYR", "马来西亚令吉": "MYR", "林吉特": "MYR",
            "美分": "USD-CENT",   # 每股虧損12美分: earnings per share are told in cents
            "便士": "GBX"}        # 每股183便士: London's share prices are told in pence
COUNT_UNITS = {"颗": "PIECE", "枚": "PIECE", "片": "PIECE", "张": "CARD", "台": "UNIT", "套": "UNIT", "股": "SHARE", "家": "ENTITY",
               "座": "UNIT", "块": "PIECE", "层": "LAYER", "万片": "PIECE",
               "米": "METRE", "公尺": "METRE", "公里": "KILOMETRE", "平方米": "SQUARE-METRE", "平方公尺": "SQUARE-METRE", "平方公里": "SQUARE-KILOMETRE", "亩": "MU"}
#: the periods a streak counts (連續3個季度) and the phases a project is built in (分兩期)
PERIOD_UNITS = {"季度": "QUARTER", "季": "QUARTER", "年": "YEAR", "个月": "MONTH", "月": "MONTH", "周": "WEEK", "星期": "WEEK",
                "天": "DAY", "交易日": "DAY", "日": "DAY", "期": "PHASE", "阶段": "PHASE"}
DURATION_UNITS = {"天": "DAY", "日历天": "DAY", "个月": "MONTH", "周": "WEEK", "小时": "HOUR", "分钟": "MINUTE"}
SPEC_UNITS = {"tflops": "TFLOPS", "pflops": "PFLOPS", "eflops": "EFLOPS", "teraflops": "TFLOPS", "petaflops": "PFLOPS",
              "exaflops": "EFLOPS", "tops": "TOPS", "gb/s": "GB-PER-SEC", "tb/s": "TB-PER-SEC",
              "gbps": "GB-PER-SEC", "tbps": "TB-PER-SEC", "pb/s": "PB-PER-SEC", "gb/秒": "GB-PER-SEC",
              "mbps": "MBIT-PER-SEC", "mt/s": "MT-PER-SEC",   # a memory's data rate (LPDDR5X 9600Mbps)
              "tb/秒": "TB-PER-SEC", "mb": "MB", "gb": "GB", "tb": "TB", "pb": "PB", "ghz": "GHZ", "mhz": "MHZ", "w": "W", "瓦": "W", "千瓦": "KW", "kw": "KW",
              "兆瓦": "MW", "mw": "MW", "吉瓦": "GW", "gw": "GW", "千兆瓦": "GW", "nm": "NM", "纳米": "NM", "奈米": "NM", "卡": "CARD",
              "张卡": "CARD", "颗": "CARD",
              "kwpm": "KWPM", "kwspm": "KWPM"}   # a fab's or a packaging line's capacity, thousands of wafers a month
#: a size read per second (每秒3.2TB): the same size's rate
PER_SECOND = {"MB": None, "GB": "GB-PER-SEC", "TB": "TB-PER-SEC", "PB": "PB-PER-SEC"}
#: metrics only a specification has (metrics.csv): never a sum of money's
SPEC_METRICS = {"fp16-performance", "fp8-performance", "fp4-performance", "bf16-performance", "int8-performance",
                "performance", "memory-bandwidth", "bandwidth", "memory-capacity", "cluster-size", "power",
                "process-node", "data-rate"}
_NUMBER = r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)"
_APPROX = r"(?P<approx>约|大约|近|超过|超|逾|达|高达|至少|不到|接近)?"


@dataclass(frozen=True)
class Amount:
    start: int
    end: int
    value: Decimal
    unit: str          # PERCENT, TIMES, USD, CNY, TFLOPS, GB-PER-SEC, CARD, TPP, …
    metric: str | None
    approximate: bool
    rule: str


#: 共, 逮捕, 其中, 造成: a word before 兩人 that counts people (else 兩人 is the two just named)
PEOPLE_COUNTED = re.compile(r"(?:共|有|计|达|逮捕|拘捕|起诉|涉案|其中|造成|导致|判处|另有|还有)\s*$")


def _negative(folded: str, at: int) -> bool:
    """A minus sign (or 負) right before the number at `at`, where no figure, unit or letter comes
    before it: 為-4.52億元 is negative, 5億-8億 and 10%-20% are ranges, MI-300 a name."""
    if at >= 1 and folded[at - 1] == "负":
        return not folded.endswith("正负", 0, at)   # 2.85美元正負7美分: a margin either way (±), not a minus
    return at >= 1 and folded[at - 1] in "-−" and (at < 2 or not re.match(r"[\d.a-z%亿万千百元倍年月日)）]", folded[at - 2]))


_SCALE = r"(?P<scale>万亿|千亿|百亿|亿|千万|百万|兆|万|千)?"
# every name of CURRENCY, the longest first so that 新加坡元 is not read as 元
# a sum of money whose currency the text leaves to the reader (營收100.64億)
UNSTATED_CURRENCY = "CURRENCY-UNSTATED"
_CUR = "(?P<cur>" + "|".join(sorted(CURRENCY, key=lambda n: (-len(n), n))) + ")"
_CN_NUM = "一二两三四五六七八九十"

_CN_DIGITS = "○〇零一二三四五六七八九"
# 一六五○, 一.六, 一○○: digits written one by one in Chinese numerals (自由時報's way), with a decimal point
_CN_POSITIONAL = rf"[{_CN_DIGITS}](?:[{_CN_DIGITS}]+(?:\.[{_CN_DIGITS}]+)?|\.[{_CN_DIGITS}]+)"

_COUNT_UNIT = (r"颗|枚|片|张|台(?![湾北中南积股币电])|套|股(?![份东价市])|家|座|栋|幢|块|层|"
               r"款(?!项)|代(?![表理工码价替言])|轮(?!胎)|英寸|吋|票(?!价|房|据|务)|吨|公吨|公斤|千克|"
               # 148米長的產線, 佔地約68畝, 5.2萬平方米: lengths and areas
               r"平方公里|平方公尺|平方米|平方英尺|平方英里|公里|公尺|英里|微米|毫米|米(?![兰国饭粮])|亩|"
               # 10核CPU, 16核心: cores
               r"核(?:心)?(?![准查实电能武算酸定])|"
               # 8項專利, 900次部署, 290名客戶 (not 項目, 次年, 名單)
               # 2,000頁文件: pages
               r"页(?![面码首])|项(?![目下])|次(?![年日月要级世序])|名(?![单义字额牌称下]|\s*(?:人|员工|工程师|研发人员|男子|女子|被告|嫌犯|嫌疑人|雇员|职员|董事|议员|参议员|众议员|官员|高管|专家)|"
               r"[\u4e00-\u9fff]{1,4}(?:专家|人士|人员|官员|分析师|工程师|员工|学者|议员|律师|记者|董事|高管))|"
               # 16個計算櫃, 3個國家 (not 3個月, 2個百分點, 第4個)
               r"个(?!月|百分点|小时|季度|星期|礼拜|工作日|交易日|多月|半月|人)|"
               # 股東戶數36.49萬戶, 封單超50萬手 (a lot of shares): households and accounts, lots
               r"户(?![口籍外型])|手(?![机续段法中里上下握术册臂游工动])|"
               # 標準機架1085萬架, 3架飛機: racks, aircraft
               r"架(?![构设起势子次空])|"
               # 全年交付了13.7萬輛: vehicles
               r"辆")

_PATTERNS = [
    # 1美元兌30元新台幣, 美元兌台幣匯率1比30.6: an exchange rate, one number (not a dollar and a sum in yuan)
    ("exchange-rate", re.compile(r"(?:1|一)\s*(?:美元|美金|港元|欧元|人民币)\s*(?:兑换|兑|换)\s*(?:新台币|台币|人民币|港元|日元|韩元)?\s*"
                                 r"(?P<num>\d+(?:\.\d+)?)\s*(?:元)?\s*(?:新台币|台币|人民币|港元|日元|韩元|令吉|新元)?"
                                 r"|(?<=汇率)\s*(?:为|以|约|是)?\s*1\s*(?:比|:|：)\s*(?P<num2>\d+(?:\.\d+)?)")),
    ("share-lots", re.compile(_APPROX + r"(?<![\d.])(?P<lots>\d{1,3}(?:,\d{3})*|\d+)\s*张\s*(?P<odd>\d{1,3})\s*股(?![东份权价票])")),
    ("fraction", re.compile(rf"(?P<den>[{_CN_NUM}\d]{{1,3}})分之(?P<num>[{_CN_NUM}\d]{{1,3}})"
                            # 推論成本僅需1/7: a fraction written with a slash after a word of how much (not 1/7, a date)
                            r"|(?<=仅需|只需|只要|仅为|仅有|只有|降至|降为|减至|缩至|约为|不到|低至)\s*(?P<num2>\d{1,2})\s*/\s*(?P<den2>\d{1,3})(?![\d/])")),
    # 三成, 七到八成, 9成 (a digit too, as Taiwan's papers write it)
    ("tenths", re.compile(rf"(?P<lo>[{_CN_NUM}1-9])(?:到|至|~|-)(?P<hi>[{_CN_NUM}1-9])成|(?<![{_CN_NUM}\d.])(?P<one>[{_CN_NUM}1-9])成(?![本功员为长立交])")),
    ("money-range", re.compile(_APPROX + r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<scale1>万亿|千亿|百亿|亿|千万|百万|兆|万|千)?\s*"
                               r"(?:至|到|~|-)\s*(?P<num2>\d+(?:,\d{3})*(?:\.\d+)?)\s*" + _SCALE + r"\s*" + _CUR)),
    # 1兆7,225億日圓, 3億5,000萬元: a number written in two scales
    ("money-compound", re.compile(_APPROX + r"(?P<hi>\d+(?:\.\d+)?)\s*(?P<hscale>万亿|兆|亿|万)\s*(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)\s*"
                                  r"(?P<scale>千万|百万|亿|万|千)?\s*" + _CUR)),
    ("money-prefix", re.compile(r"(?P<cur>美元|美金|人民币|港元|港币|新台币|台币|日元|欧元)\s*" + _APPROX + _NUMBER + r"\s*" + _SCALE
                                + r"\s*元?")),
    ("tpp", re.compile(r"tpp(?:[^\d。；;]{0,45}?)(?:为|是|达|:|：)?\s*(?P<num>\d{3,6})(?![\d%])")),
    ("money", re.compile(_APPROX + _NUMBER + r"\s*" + _SCALE + r"\s*" + _CUR)),
    # 公司實現營收100.64億, 淨利潤為4.83億: a sum after a word for money with its scale but no currency
    # (市值有望達到2500億, 市值一日暴增近3000億, 身家將暴漲278億: a word of how or when, then a verb of change)
    ("money-unstated", re.compile(r"(?:营收|营业收入|收入|净利润|净利|利润|毛利|市值|募资|融资|销售额|亏损|营业额|成交额|成交金额|交易额|投资|投入|研发投入|资本支出|身家|身价)"
                                  r"(?:更是|则|也|将|预计|分别|有望|可望|或将|或|一日|单日|当日|全年)?"
                                  r"(?:暴增|大增|增加|暴涨|大涨|上涨|蒸发|缩水|减少|升至|增至|接近|攀上|站上|冲上|攀升至|飙升至|跃升至|涨至|跌至|降至)?"
                                  r"(?:为|达|达到|约|超过|超|逾|近|了|共|合计|高达|仅|约为|突破|破)*\s*"
                                  r"(?P<num>-?\d+(?:\.\d+)?)\s*(?P<scale>万亿|兆|亿|万)"
                                  # (營收100億-120億, 淨利8.5億至10億: a range, its second bound after a dash or 至)
                                  r"(?:\s*(?:-|—|–|~|～|至|到)\s*(?P<num2>\d+(?:\.\d+)?)\s*(?P<scale2>亿|万))?"
                                  r"(?!\s*(?:[\u4e00-\u9fff]{0,2}(?:元|币|美金|圆)|股|人|名|家|片|颗|台|吨|次|件|个|平方|张|项|户|辆|部|套|美|港|日|欧|韩|新|澳|英|瑞|印))")),
    # 累計出貨量突破1000萬: a count after a word for what is counted, with its scale and no measure word
    # 使用者從100萬激增至: users, as Taiwan's papers name them, counted from a start
    ("count-unstated", re.compile(r"(?:出货量|出货|销量|交付量|装机量|用户数|用户|使用者|订单量)"
                                  r"(?:更是|则|也|将|预计|累计)?(?:为|达|达到|约|超过|超|逾|近|了|共|合计|高达|约为|突破|从)*\s*"
                                  r"(?P<num>\d+(?:\.\d+)?)\s*(?P<scale>亿|万)"
                                  r"(?!\s*(?:" + _COUNT_UNIT + r"|[\u4e00-\u9fff]?(?:元|币|美金|圆|美|港|日|欧|个|人|辆|部|件|户)))")),
    # 漲55-60%, 5至8%, 4到5個百分點: both bounds of a range of percentages, the sign written once after the second
    # (2025-30%: a year before a dash is no bound)
    ("percent-range", re.compile(_APPROX + r"(?<![\d.\-])(?P<num>\d{1,3}(?:\.\d+)?)\s*(?:至|到|~|～|-|–)\s*"
                                 r"(?P<num2>\d{1,3}(?:\.\d+)?)\s*(?:%|％|个百分点)")),
    ("percent", re.compile(_APPROX + _NUMBER + r"\s*(?:%|％|个百分点)")),
    # 百分之四, 百分之三十五點五, 一○○％, 九十九％: a percentage in Chinese numerals
    ("percent-cn", re.compile(_APPROX + rf"(?:百分之(?P<cnum>[零{_CN_NUM}百千]+(?:点[零{_CN_NUM}]+)?)"
                              rf"|(?<![{_CN_DIGITS}.])(?P<cnum2>{_CN_POSITIONAL})\s*%"
                              rf"|(?<![{_CN_DIGITS}{_CN_NUM}百千万亿\d.第])(?P<cnum3>[{_CN_NUM}][零{_CN_NUM}百]*(?:点[零{_CN_NUM}]+)?)\s*%)")),
    # 一千億美元, 三百萬美元, 一．六億美元, 一六五○億美元: a sum in Chinese numerals, place by place or digit by
    # digit (a bare digit before 元 is no sum: 一元化)
    ("money-cn", re.compile(_APPROX + rf"(?<![{_CN_NUM}\d第百千万亿.○〇零数几多上余])(?P<cnum>{_CN_POSITIONAL}|[{_CN_NUM}][零{_CN_NUM}百千]*)\s*"
                            + _SCALE + r"\s*" + _CUR)),
    ("times", re.compile(_APPROX + _NUMBER + r"\s*倍")),
    ("times-cn", re.compile(_APPROX + rf"(?<![{_CN_NUM}\d第])(?P<cn>[{_CN_NUM}]{{1,3}})\s*倍")),
    # 每秒3.2TB: a size per second is a rate
    ("spec", re.compile(r"(?P<persec>每秒)?" + _APPROX + _NUMBER
                        + r"\s*(?P<unit>tflops|pflops|eflops|teraflops|petaflops|exaflops|tops|kwspm|kwpm|gb/s|tb/s|pb/s|gb/秒|tb/秒|gbps|tbps|mbps|mt/s|ghz|mhz|mb|gb|tb|pb|kw|mw|gw|w|"
                        r"千兆瓦|千瓦|兆瓦|吉瓦|瓦|nm|纳米|奈米|张卡|卡)(?![a-z])")),
    # 4億3330萬股: a count written in two scales
    # (1萬1200項: ten thousands, then the units below them)
    ("count-compound", re.compile(_APPROX + r"(?P<hi>\d+(?:\.\d+)?)\s*(?P<hscale>万亿|兆|亿)\s*(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)\s*"
                                  r"(?P<cscale>万)\s*(?P<cunit>" + _COUNT_UNIT + ")"
                                  r"|(?P<hi2>\d{1,4})\s*万\s*(?P<num2>\d{1,4})\s*(?P<cunit2>" + _COUNT_UNIT + ")")),
    # 60萬至70萬顆, 3到5家: both bounds of a counted range
    ("count-range", re.compile(_APPROX + r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<scale1>万|亿)?\s*(?:至|到|~|-)\s*"
                               r"(?P<num2>\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<cscale>万|亿)?\s*(?P<cunit>" + _COUNT_UNIT + ")")),
    # 8192及15488張: two counts listed, the unit written once after the second
    ("count-list", re.compile(_APPROX + r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<scale1>万|亿)?\s*(?:及|和|与|、)\s*"
                              r"(?P<num2>\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<cscale>万|亿)?\s*(?P<cunit>" + _COUNT_UNIT + ")")),
    # 140餘家, 500多家: a count rounded down
    ("count", re.compile(_APPROX + _NUMBER + r"\s*(?P<cscale>万|亿)?\s*(?:余|多)?\s*(?P<cunit>" + _COUNT_UNIT + ")")),
    # 五款雲端AI晶片, 四代架構, 兩輪問詢, 三座晶圓廠: counts in Chinese numerals ("一" is an article, not a count;
    # 兩家 is mostly "both companies")
    # 二十三家中國實體, 三十二個實體, 土耳其三家: firms and things counted too (兩家, 二個: mostly "both")
    ("count-cn", re.compile(rf"(?<![{_CN_NUM}\d第新上下同这那每哪单几数多])(?P<cn>[二两三四五六七八九十][{_CN_NUM}]{{0,2}}|(?<=各)一)\s*"
                            r"(?P<cunit>款(?!项)|代(?![表理工码价替言])|轮(?!胎)|座|栋|幢|颗|台(?![湾北中南积股币电])|套|项(?![目下])"
                            r"|家(?![族庭长属人乡园里用电具])|个(?!月|百分点|小时|季度|星期|礼拜|工作日|交易日|多月|半月|人))"
                            # 兩款晶片均由…代工, 兩家公司都…: "both", pointing back, not a count
                            r"(?![^，。；,;]{0,6}?(?:均|都|皆|分别|各自))")),
    # 最高可判處20年徒刑, 六年內: a span of years (a year of the calendar is a date, not this)
    ("years", re.compile(rf"(?<![\d{_CN_NUM}])(?P<yn>\d{{1,2}}|[二两三四五六七八九十][{_CN_NUM}]?)\s*年(?=\s*(?:有期)?徒刑|\s*刑期|\s*监禁|内|之内|期间|间"
                         r"|\s*(?:至|到)\s*\d{1,2}\s*年\s*(?:有期)?徒刑)")),  # 7年至14年有期徒刑: both bounds
    # 主導研發長達21年, 歷時三年: a span of years after a word that says so
    # 未來10年, 過去兩年, 35年來: a span of years reaching to or from now
    # (近四年未推出新品, 提前兩年: the years up to now, and how far a date moved; 僅用九年時間: how long it took)
    ("years-long", re.compile(rf"(?:长达|历时|为期|已有|耗时|未来|过去|今后|接下来|近|提前|提早|推迟|延后|延迟)\s*(?P<yn>\d{{1,3}}|[二两三四五六七八九十][{_CN_NUM}]?)\s*年(?![\d月底初度前后级])"
                              rf"|(?<![\d{_CN_NUM}.])(?P<yn2>\d{{1,2}}|[二两三四五六七八九十][{_CN_NUM}]?)\s*年(?:来|以来)"
                              # 僅用九年時間, 花了三年時間: the years something took
                              rf"|(?:用|花|花费|耗费)了?\s*(?P<yn3>\d{{1,2}}|[二两三四五六七八九十][{_CN_NUM}]?)\s*(?:多)?\s*年(?:的)?时间")),
    # 在英特爾任職逾30年, 具超過30年…經驗: years of service or of experience
    ("years-served", re.compile(rf"(?:任职|服务|工作|效力|深耕|从业|执教|待了|耕耘)(?:了)?\s*(?:超过|逾|近|约|长达|达)?\s*"
                                rf"(?P<yn>\d{{1,2}}|[二两三四五六七八九十][{_CN_NUM}]?)\s*(?:余|多)?\s*年(?![\d月底初度])"
                                rf"|(?:超过|逾|近|约|长达|拥有|具|有)\s*(?P<yn2>\d{{1,2}}|[二两三四五六七八九十][{_CN_NUM}]?)\s*(?:余|多)?\s*年(?:以上)?"
                                r"(?=[^，。；,;]{0,14}?(?:经验|资历|经历))")),
    # 最高可判監10年: a sentence in years
    # 求處有期徒刑7至14年: both bounds of a sentence asked or given
    ("jail-range", re.compile(r"(?:判监|判处|判刑|判囚|求处|监禁|有期徒刑|徒刑)\s*(?P<num>\d{1,2})\s*年?\s*(?:至|到|-|~)\s*"
                              r"(?P<num2>\d{1,2})\s*年")),
    ("jail-years", re.compile(r"(?:判监|判处|判刑|判囚|求处|监禁|入狱|坐牢|有期徒刑|徒刑)\s*(?P<yn>\d{1,2})\s*年"
                              # 分別判處6年及3年: the terms after the first
                              r"|(?<=年)\s*(?:及|和|、|与)\s*(?P<yn2>\d{1,2})\s*年(?![度底初中末月])")),
    # 主謀林某被求處14年、陳某9年、王某7年: the terms listed after the first, each after its person's name
    ("jail-list", re.compile(r"(?<=年)\s*[、，,]\s*[\u4e00-\u9fff]{2,4}\s*(?P<yn>\d{1,2})\s*年(?![度底初中末月])")),
    # 42歲的陳志明: an age
    # 四十三歲的龔某: in Chinese numerals too (not 岁月, years of life)
    ("age", re.compile(rf"(?:(?<![\d.])(?P<yn>\d{{1,3}})|(?<![{_CN_NUM}\d第万])(?P<yn2>[二三四五六七八九十][{_CN_NUM}]{{0,2}}))\s*岁(?!月)")),
    # 員工約1.25萬人, 三名男子, 兩名知情人士, 研發人員逾千人 → people (一名 is an article, not a count; 兩人 alone
    # is a count only after a word that counts: 逮捕兩人, 其中三人)
    ("people", re.compile(_APPROX + rf"(?:(?P<pn>\d+(?:,\d{{3}})*(?:\.\d+)?)|(?<![{_CN_NUM}\d第])(?P<pcn>[二两三四五六七八九十][{_CN_NUM}]{{0,2}}))"
                          # (16000多名高技能員工: a count rounded down, the staff described)
                          r"\s*(?P<pscale>万|亿)?\s*(?:余|多)?\s*(?:(?:名|位)[\u4e00-\u9fff]{1,4}?(?=员工|工程师|人员|雇员|职员))?(?:名|位)?\s*(?:人(?![民员士工才类口数均次选权物事气力们生心脉])|员工|工程师|研发人员|"
                          r"男子|女子|被告|嫌犯|嫌疑人|雇员|职员|董事|议员|参议员|众议员|官员|高管|专家)")),
    # 60天的過渡期, 18個月內: a span of days or months (a day of the month is a date)
    # 庫存僅2至4週, 13~17週: both bounds of a span of time
    ("duration-range", re.compile(r"(?<![\d.月])(?P<num>\d{1,4})\s*(?:至|到|-|~|～)\s*(?P<num2>\d{1,4})\s*"
                                  r"(?P<dunit>天|日历天|个月|周(?![年二三四五六日一])|小时|分钟)")),
    # 分兩期建設, 分三個階段: the phases a project is built or a plan carried out in
    ("phases", re.compile(rf"分\s*(?P<sn>\d|[二两三四五六七八九十])\s*个?\s*(?P<sunit>期|阶段)(?![间货权])")),
    # 連續3個季度, 連續三季, 連續5個交易日: a streak of periods, counted
    ("streak", re.compile(rf"连续\s*(?P<sn>\d{{1,3}}|[{_CN_NUM}]{{1,3}})\s*个?\s*(?P<sunit>季度|季|年|个月|月|周|星期|天|交易日|日)")),
    ("duration", re.compile(r"(?<![\d.月])(?P<dn>\d{1,4})\s*(?P<dunit>天|日历天|个月|周(?![年二三四五六日一])|小时|分钟)")),
    # 恒生指數上升超過700點: a market index's move or level in points
    ("points", re.compile(r"(?<=[升跌涨报收])\s*(?:超过|逾|近|约|了)?\s*"
                          r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)\s*点(?![钟半]|\d)")),
    # 688041.SH, 股票代碼688802, (06082.HK): a listing's stock code
    # (證券代碼：603501, 轉債代碼：113616, 股份代號為「0501」, 代碼「688795」首次亮起: a code of its
    # shares or its bonds, quoted or not)
    ("stock-code", re.compile(r"(?:(?:股票|证券|股份|转债|债券|a股|h股|港股|美股)(?:代码|代号)\s*[:：为是]?\s*[“「『\"']?"
                              r"|代码\s*[“「『\"'])\s*(?P<code>\d{4,6})(?!\d)"
                              r"|(?<![\d.])(?P<code2>\d{4,6})\s*[.\-]\s*(?:sh|sz|bj|hk|tw|two|cn|us)(?![a-z])"
                              # 壁仞科技（06082）: a bare code in brackets right after a name (not a year)
                              r"|(?<=[\u4e00-\u9fffa-z][（(])(?!(?:19|20)\d\d[）)])(?P<code3>\d{4,6})(?=[）)])")),
    # 中國第一、全球第四的DRAM廠商: a rank
    ("rank", re.compile(rf"(?:(?:全球|世界|中国|全国|国内|大陆|台湾|美国|亚洲|欧洲|业界|行业|国际)(?:排名|排行)?|排名|排行|位居|位列|名列)"
                        rf"第\s*(?P<rank>\d{{1,3}}|[{_CN_NUM}]{{1,3}})(?![\d{_CN_NUM}]|\s*(?:季|期|届|代|年|月|日))"
                        r"(?:大|名|位)?"
                        # 騰訊為第一大外部股東, 第二大晶圓代工廠: a rank among holders, customers or makers
                        rf"|第\s*(?P<rank2>[{_CN_NUM}]{{1,2}}|\d{{1,2}})\s*大(?=(?:外部|机构|个人)?股东|客户|供应商|晶圆代工|代工厂|"
                        r"厂商|芯片|存储|内存|半导体|经济体|市场|出口|进口|贸易伙伴)"
                        # 位列中國十大獨角獸第9: a rank with the list named between
                        rf"|(?:位列|位居|名列|排名|排行)[^，。；,;第\d]{{1,10}}?第\s*(?P<rank3>\d{{1,3}}|[{_CN_NUM}]{{1,3}})(?![\d{_CN_NUM}]|\s*(?:季|期|次|届|代|年|月|日))"
                        # 第4任執行長: the holder's place in the line of an office
                        # 第三家上市的國產GPU公司: a firm's place in the order the firms did something
                        rf"|第\s*(?P<rank5>\d{{1,2}}|[{_CN_NUM}]{{1,3}})\s*家(?=[^，。；,;]{{0,14}}?(?:公司|企业|厂商|业者|银行|机构|厂))"
                        rf"|第\s*(?P<rank4>\d{{1,2}}|[{_CN_NUM}]{{1,3}})\s*(?:任|位|届)(?=\s*(?:首席执行官|执行长|行政总裁|总裁|董事长|ceo|总统|首相|总理|部长|主席|局长|主委|署长|校长))")),
    # 估值超千億元: a scale word with no number but a cue before it is one of that scale (拿下千億美元大訂單
    # without a cue is a manner of speaking)
    # 市值突破千億港元, 估值超千億: after a word for a firm's worth the currency may go unsaid
    ("bare-scale", re.compile(r"(?P<approx>约|大约|近|超过|超|逾|达|高达|至少|不到|接近|突破|冲破|跌破|破)"
                              + rf"(?<![\d{_CN_NUM}数几多上百千万亿.])(?P<scale>千亿|百亿|万亿|千万|百万)\s*" + _CUR
                              + r"|(?:估值|市值)(?:一度|短暂|一夜之间|一夜|首度|首次|随即|盘中|已|更|则|也|曾)?\s*(?P<approx2>超过|超|逾|达|高达|突破|冲破|破|近|约)"
                              + r"(?P<scale2>千亿|百亿|万亿)(?!\s*(?:[\u4e00-\u9fff]{0,2}(?:元|币|美金|圆)|美|港|日|欧|韩|新|澳|英|级|规模))")),
]
COUNT_UNITS.update({"毫米": "MILLIMETRE", "核": "CORE", "核心": "CORE", "页": "PAGE", "项": "ITEM", "名": "ITEM", "次": "OCCURRENCE", "英里": "MILE", "平方英尺": "SQUARE-FOOT", "平方英里": "SQUARE-MILE",
                    "微米": "MICROMETRE"})
COUNT_UNITS.update({"户": "ACCOUNT", "手": "LOT", "架": "UNIT", "辆": "UNIT"})
COUNT_UNITS.update({"栋": "BUILDING", "幢": "BUILDING"})   # 新建4棟機房: buildings a site has
COUNT_UNITS.update({"吨": "TONNE", "公吨": "TONNE", "公斤": "KG", "千克": "KG", "个": "ITEM", "款": "MODEL", "代": "GENERATION", "轮": "ROUND", "英寸": "INCH", "吋": "INCH", "票": "VOTE"})


# a count of firms or things in Chinese numerals: three and up, one number (三四家 is "three or four")
_CN_COUNT = re.compile(r"[二两]?十[一二三四五六七八九]?|[三四五六七八九](?:十[一二三四五六七八九]?)?")
_CN_DIGIT = {"○": 0, "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_PLACE = {"十": 10, "百": 100, "千": 1000}


def cn_number(text: str) -> Decimal:
    """A number in Chinese numerals below ten thousand, with its decimals: 一千 → 1000, 三百零五 → 305,
    十二 → 12, 三十五点五 → 35.5; or written digit by digit: 一六五○ → 1650, 一.六 → 1.6."""
    if not any(ch in _CN_PLACE for ch in text) and (len(text) > 1 and "点" not in text):
        return Decimal("".join("." if ch == "." else str(_CN_DIGIT.get(ch, 0)) for ch in text))
    whole, _, tenths = text.partition("点")
    total, digit = 0, 0
    for ch in whole:
        if ch in _CN_PLACE:
            total += (digit or 1) * _CN_PLACE[ch]
            digit = 0
        else:
            digit = _CN_DIGIT[ch]
    value = Decimal(total + digit)
    if tenths:
        value += Decimal("0." + "".join(str(_CN_DIGIT[ch]) for ch in tenths))
    return value


def find_amounts(folded: str) -> list[Amount]:
    """Every amount with a unit in folded text, non-overlapping, in text order."""
    out: list[Amount] = []
    taken: list[tuple[int, int]] = []
    for rule, pattern in _PATTERNS:
        for m in pattern.finditer(folded):
            s, e = m.span()
            if any(s < b and a < e for a, b in taken):
                continue
            g = m.groupdict()
            if rule == "fraction":
                value = Decimal(cn_int(g["num"])) / Decimal(cn_int(g["den"])) if g["num"] is not None \
                    else Decimal(int(g["num2"])) / Decimal(int(g["den2"]))
                if not value:
                    continue
                if g["num"] is None:
                    s = m.start("num2")
                taken.append((s, e))
                value = value.quantize(Decimal("0.000000001"))   # 三分之一: nine places; 二分之一 is 0.5, as a store writes it
                value = value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()
                out.append(Amount(s, e, value, "ONE", _metric(folded, s), False, rule))
                continue
            if rule == "share-lots":
                # 391張875股: Taiwan's lots of a thousand shares, then the odd shares
                taken.append((s, e))
                value = Decimal(int(g["lots"].replace(",", "")) * 1000 + int(g["odd"]))
                out.append(Amount(s, e, value, "SHARE", _metric(folded, s), bool(g.get("approx")), rule))
                continue
            if rule == "exchange-rate":
                taken.append((s, e))
                value = Decimal(g.get("num") or g["num2"])
                out.append(Amount(s, e, value.normalize() if value != value.to_integral() else value.quantize(Decimal(1)),
                                  "ONE", "exchange-rate", False, rule))
                continue
            if rule == "tenths":
                taken.append((s, e))
                # (三到四成: each bound its own span, as a range's; spans with the same offsets share their data)
                for part, (ps, pe) in (("lo", (s, m.end("lo"))), ("hi", (m.start("hi"), e)), ("one", (s, e))):
                    if g.get(part):
                        out.append(Amount(ps, pe, Decimal(cn_int(g[part]) * 10), "PERCENT", _metric(folded, s), False,
                                          rule))
                continue
            if rule in ("money-range", "count-range", "count-list", "jail-range", "duration-range", "percent-range"):
                unit = (CURRENCY[g["cur"]] if rule == "money-range" else "YEAR" if rule == "jail-range"
                        else "PERCENT" if rule == "percent-range"
                        else DURATION_UNITS[g["dunit"]] if rule == "duration-range"
                        else COUNT_UNITS.get(g["cunit"]) or COUNT_UNITS.get(g["cunit"][0]))
                if unit is None:
                    continue
                taken.append((s, e))
                # each bound its own span (5億 | 8億元): spans with the same offsets share their data
                lo_start = m.start("num") if rule == "jail-range" else s
                for bs, be, v in _range_bounds(m, lo_start, e, "scale" if rule == "money-range" else "cscale"):
                    out.append(Amount(bs, be, v, unit, _metric(folded, s), bool(g.get("approx")), rule))
                continue
            if rule == "money-compound":
                hi, lo = SCALE[g["hscale"]], SCALE.get(g.get("scale") or "", Decimal(1))
                if lo >= hi:
                    continue
                taken.append((s, e))
                v = Decimal(g["hi"]) * hi + Decimal(g["num"].replace(",", "")) * lo
                v = v.quantize(Decimal(1)) if v == v.to_integral() else v.normalize()
                out.append(Amount(s, e, v, CURRENCY[g["cur"]], _metric(folded, s), bool(g.get("approx")), rule))
                continue
            if rule == "count-compound":
                if g.get("hi2") is not None and len(g["num2"]) < 4 and not g["num2"].startswith("0"):
                    continue  # 1萬12項 is no way of writing 10,012
                taken.append((s, e))
                v = Decimal(g["hi"]) * SCALE[g["hscale"]] + Decimal(g["num"].replace(",", "")) * SCALE[g["cscale"]] \
                    if g.get("hi") is not None else Decimal(g["hi2"]) * 10000 + Decimal(g["num2"])
                v = v.quantize(Decimal(1)) if v == v.to_integral() else v.normalize()
                cunit = g.get("cunit") or g["cunit2"]
                out.append(Amount(s, e, v, COUNT_UNITS.get(cunit) or COUNT_UNITS[cunit[0]], _metric(folded, s),
                                  bool(g.get("approx")), rule))
                continue
            if rule in ("percent-cn", "money-cn"):
                written = g.get("cnum") or g.get("cnum2") or g["cnum3"]
                if rule == "money-cn" and not g.get("scale") and not re.search("[十百千]", written) and len(written) < 3:
                    continue  # 一元, 三美元: too small a sum to be one a report states in words
                value = cn_number(written) * SCALE.get(g.get("scale") or "", Decimal(1))
                value = value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()
                taken.append((s, e))
                out.append(Amount(s, e, value, "PERCENT" if rule == "percent-cn" else CURRENCY[g["cur"]],
                                  _metric(folded, s), bool(g.get("approx")), rule))
                continue
            if rule == "times-cn":
                taken.append((s, e))
                out.append(Amount(s, e, Decimal(cn_int(g["cn"].replace("两", "二"))), "TIMES", _metric(folded, s),
                                  bool(g.get("approx")), rule))
                continue
            if rule in ("people", "duration", "stock-code", "streak", "phases"):
                taken.append((s, e))
                if rule == "people":
                    if re.fullmatch(r"[二两三]\s*人", m.group()) and not PEOPLE_COUNTED.search(folded, max(0, s - 4), s):
                        continue   # 林某、王某送兩人簽名的球衣, 他們兩人: the people just named, not a count of them
                    n = Decimal(g["pn"].replace(",", "")) if g.get("pn") else Decimal(cn_int(g["pcn"].replace("两", "二")))
                    value, unit, metric = n * SCALE.get(g.get("pscale") or "", Decimal(1)), "PERSON", _metric(folded, s)
                elif rule in ("streak", "phases"):
                    n = Decimal(g["sn"]) if g["sn"].isdigit() else Decimal(cn_int(g["sn"].replace("两", "二")))
                    value, unit, metric = n, PERIOD_UNITS[g["sunit"]], None
                elif rule == "duration":
                    value, unit, metric = Decimal(g["dn"]), DURATION_UNITS[g["dunit"]], None
                else:
                    value, unit, metric = Decimal(g.get("code") or g.get("code2") or g["code3"]), "ONE", "stock-code"
                value = value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()
                out.append(Amount(s, e, value, unit, metric, bool(g.get("approx")), rule))
                continue
            if rule == "count-unstated":
                s = m.start("num")
                value = Decimal(g["num"]) * SCALE[g["scale"]]
                value = value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()
                taken.append((s, e))
                out.append(Amount(s, e, value, "UNIT", _metric(folded, s), False, rule))
                continue
            if rule == "money-unstated":
                s = m.start("num")
                metric = _metric(folded, s)
                bounds = [(s, m.end("scale"), g["num"], g["scale"])]
                if g.get("num2"):
                    bounds.append((m.start("num2"), e, g["num2"], g["scale2"]))
                taken.append((s, e))
                for bs, be, num, scale in bounds:
                    value = Decimal(num) * SCALE[scale]
                    value = value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()
                    out.append(Amount(bs, be if len(bounds) > 1 else e, value, UNSTATED_CURRENCY, metric, False, rule))
                continue
            if rule == "jail-list":
                if not any(a.end == s and a.rule in ("jail-years", "jail-list") for a in out):
                    continue   # (only after a term: 2025年、台積電3年 lists no sentence)
                s = m.start("yn")
            if rule == "count-cn" and (g["cunit"] in ("家", "个") and not _CN_COUNT.fullmatch(g["cn"])
                                       and not (g["cn"] in ("一", "两", "二") and re.match(r"[，,。；;、]", folded[e:e + 1]))
                                       or g["cunit"] not in ("家", "个") and folded[s - 1:s] == "其"):
                continue   # 兩家 (both), 三四家 (three or four); 其三項: the third of them (土耳其三家 is three)
                #          (阿聯兩家。, 台灣各一家，: a count that ends its clause, no "both" before a noun)
            if rule in ("count-cn", "years", "years-long", "years-served", "jail-years", "jail-list", "age", "rank", "bare-scale"):
                taken.append((s, e))
                if rule == "count-cn":
                    value, unit = Decimal(cn_int(g["cn"].replace("两", "二"))), COUNT_UNITS[g["cunit"]]
                elif rule in ("years", "years-long", "years-served", "jail-years", "jail-list", "age"):
                    value, unit = Decimal(cn_int((g.get("yn") or g.get("yn2") or g["yn3"]).replace("两", "二"))), "YEAR"
                elif rule == "rank":
                    value, unit = Decimal(cn_int(g.get("rank") or g.get("rank2") or g.get("rank3") or g.get("rank4") or g["rank5"])), "RANK"
                elif g.get("scale2"):
                    s = m.start("approx2")   # the amount is 超千億, not the word before it
                    value, unit = SCALE[g["scale2"]], UNSTATED_CURRENCY
                else:
                    value, unit = SCALE[g["scale"]], CURRENCY[g["cur"]]
                out.append(Amount(s, e, value, unit, "age" if rule == "age" else _metric(folded, s),
                                  bool(g.get("approx") or g.get("approx2")), rule))
                continue
            if rule == "count" and g["cunit"] in ("个", "名", "次", "家") and folded[s - 1:s] == "第":
                continue  # 第4個, 第3名, 第2次: an ordinal
            if rule == "count" and g["cunit"] in ("项", "名", "次") and m.group("num") == "1":
                continue  # 提出1項法案: an article, no count
            num = Decimal(m.group("num").replace(",", ""))
            if rule == "count":
                value, unit = num * SCALE.get(g.get("cscale") or "", Decimal(1)), \
                    COUNT_UNITS.get(g["cunit"]) or COUNT_UNITS[g["cunit"][0]]
            elif rule in ("money", "money-prefix"):
                value, unit = num * SCALE.get(g.get("scale") or "", Decimal(1)), CURRENCY[g["cur"]]
            elif rule == "percent":
                value, unit = num, "PERCENT"
            elif rule == "times":
                value, unit = num, "TIMES"
            elif rule == "tpp":
                value, unit = num, "TPP"
            elif rule == "points":
                value, unit = num, "POINT"
            else:
                value, unit = num, SPEC_UNITS[g["unit"]]
                if g.get("persec") and PER_SECOND.get(unit):
                    unit = PER_SECOND[unit]
            if rule in ("money", "percent", "times") and _negative(folded, m.start("num")):
                value = -value   # 歸母淨利潤為-4.52億元, 淨利率為-38.91%: a loss, a fall
            taken.append((s, e))
            value = value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()
            out.append(Amount(s, e, value, unit,
                              "tpp" if rule == "tpp" else _metric(folded, s), bool(g.get("approx")), rule))
    # 高頻寬記憶體市場規模達92億美元: a spec's cue before a sum of money does not make it a spec
    out = [replace(a, metric=None) if a.unit in CURRENCY.values() and a.metric in SPEC_METRICS else a for a in out]
    return _inherit_currency(folded, sorted(out, key=lambda a: (a.start, a.value)))


#: currencies local news writes as a plain 元 once named: the yuan, NT dollar, HK dollar, pataca
BARE_YUAN = {"CNY", "TWD", "HKD", "MOP"}


#: a currency's name right before a number (新台幣1兆460億元)
CURRENCY_BEFORE = re.compile("(?P<cur>" + "|".join(sorted((n for n in CURRENCY if n != "元" and not n.startswith("元")),
                                                          key=lambda n: (-len(n), n)))
                             + r")\s*(?:约|大约|近|超过|逾|达|高达)?\s*$")


def _inherit_currency(folded: str, amounts: list[Amount]) -> list[Amount]:
    """營收新台幣2,600億元…累計約5,400億元: a bare 元 is in the currency the article named last
    (新台幣, 港元, 日元…), not always the yuan."""
    out, last = [], None
    for a in amounts:
        written = folded[a.start:a.end]
        if a.unit == "CNY" and "人民币" not in written and (before := CURRENCY_BEFORE.search(folded, max(0, a.start - 8), a.start)):
            # 新台幣1兆460億元: the currency named before a number the patterns read from its digits
            a = Amount(a.start, a.end, a.value, CURRENCY[before.group("cur")], a.metric, a.approximate, a.rule)
            written = before.group("cur") + written
        if a.unit in CURRENCY.values():
            if any(name in written for name in CURRENCY if name != "元"):  # named, not a bare 元
                # only a currency a reader would also call plain 元 is carried: after 400億美元, 每股純益
                # 19.5元 is in the local money, not dollars
                last = a.unit if a.unit in BARE_YUAN else last
            elif a.unit == "CNY" and last is not None and last != "CNY":
                a = Amount(a.start, a.end, a.value, last, a.metric, a.approximate, a.rule)
        out.append(a)
    return out


def _range_bounds(m: re.Match, lo_start: int, end: int, scale_group: str) -> list[tuple[int, int, Decimal]]:
    """The two bounds of a range (5億至8億元, 60萬至70萬顆, 7至14年), each with its own span and
    value; a scale written only after the second bound (60至70萬顆) is the first's too."""
    g = {k: v for k, v in m.groupdict().items() if v}
    lo_scale = g.get("scale1") or g.get(scale_group)
    bounds = ((lo_start, m.end("scale1") if g.get("scale1") else m.end("num"), g["num"], lo_scale),
              (m.start("num2"), end, g["num2"], g.get(scale_group)))
    out = []
    for bs, be, num, scale in bounds:
        v = Decimal(num.replace(",", "")) * SCALE.get(scale or "", Decimal(1))
        out.append((bs, be, v.quantize(Decimal(1)) if v == v.to_integral() else v.normalize()))
    return out


def _metric(folded: str, start: int) -> str | None:
    """The cue nearest before the value, within its clause."""
    window_start = start
    while window_start > 0 and start - window_start < 16 and folded[window_start - 1] not in "，,。；;、\n":
        window_start -= 1
    window = folded[window_start:start]
    best, best_end = None, (-1, 0)
    for cue, metric in metric_cues():  # ontology/lexicon/metrics.csv
        pos = window.rfind(cue)
        if pos >= 0 and (pos + len(cue), len(cue)) > best_end:
            best, best_end = metric, (pos + len(cue), len(cue))
    if best == "performance":
        for precision in ("fp16", "fp8", "fp4", "bf16", "int8"):
            if precision in window:
                return f"{precision}-performance"
    return best
