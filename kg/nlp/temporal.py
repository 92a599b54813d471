"""Dates as the text states them, at the text's own precision, resolved where relative.

Works on folded text (Simplified), so 年/月/日 rules serve both scripts. A date without a
year (12月9日), a relative one (今年7月, 前一日, 7天後) or a bare quarter is resolved against
the article's date, or against the reference year inferred from the text, and marked
`resolved`. The anchor for day-relative expressions is the last full date before them.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
             "九": 9, "十": 10}
_NUM = r"(?:\d{1,2}|[一二两三四五六七八九十]{1,3})"
# a year in digits, or digit by digit in Chinese numerals (二○二五年: 自由時報's way)
_YEAR = r"(?P<y>(?:19|20)\d\d|[一二][九○〇零][○〇零一二三四五六七八九]{2})"
# a day of the month in Chinese numerals (八日, 二十三日, 卅一日)
_CN_DAY = r"(?:[二三]?十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?|[一二三四五六七八九])"
_WEEKDAY = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    iso: str            # 2025-12-09, 2025-12 or 2025
    precision: str      # day | month | year
    resolved: bool      # the year (or the whole date) came from context
    quarter: int | None = None
    rule: str = ""


def _year(text: str) -> int:
    """2025 or 二○二五 → 2025."""
    return int(text) if text.isdigit() else int("".join(str(CN_DIGITS[ch]) for ch in text))


def cn_int(text: str) -> int:
    """12 or 十二 → 12."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        v = CN_DIGITS[ch]
        if v == 10:
            total += (current or 1) * 10
            current = 0
        else:
            current = v
    return total + current


#: what a paper says was done on a day it names by 今 or 昨 alone (聯電今決議, 華邦電昨宣布)
_DONE_THAT_DAY = ("决议|宣布|宣告|表示|指出|公布|公告|通过|召开|举行|举办|发布|发表|出席|启动|证实|回应|收盘|开盘|上市|挂牌"
                  "|说|称|强调|透露|坦言|分析|认为|会见|访问|参观|抵达|出访|签署|签约|公开|提出|接受|主持|率团|带领|受邀|应邀")
#: a year named relative to the paper's (今年, 去年) or to the year the text wrote last (同年, 隔年, 次年):
#: not inside words (不同年齡, 此次年度)
_REL_YEAR_WORD = r"今年|去年|明年|前年|(?<![不共相])同年(?![龄纪级])|隔年|(?<![此这该本首每多上历层])次年|翌年"
_REL_WORD = _REL_YEAR_WORD + r"|当年"   # (當年 alone is "in those days"; before a month or a quarter it is that year)
_PATTERNS = [
    # 昨（14）日, 今（15）日: the day of the month, written beside its distance from the article's date
    ("rel-day-num", re.compile(r"(?P<rel>昨|今|前|明)\s*[（(]\s*(?P<d>[0-3]?\d)\s*[）)]\s*[日号]")),
    # (聯電今決議, 星河今宣布: 今 alone before what was done today, as Taiwanese papers write it)
    # (南亞科今股價走低, 今早, 今在台北舉辦: the day's share price, its morning or evening, where it was done)
    ("today", re.compile(r"(?<![至迄到])(?:今天|今日(?!头条))|(?<![至迄到如从自而现古当于])今(?=(?:再度|正式|首度|也|则|又|将)?"
                         rf"(?:{_DONE_THAT_DAY})|股价|早盘|盘中|午盘|尾盘|[早晚晨](?![报期])|(?:再度|正式|首度|也)?(?:在|于|赴)(?![内外]))")),
    # 本季, 下一季; 上季 only as a time, not as the base of a comparison (與上季相比)
    ("this-quarter", re.compile(r"(?P<rel>本|上一?|下一?|当)\s*(?:个)?季度?(?![节风度末初])(?![^，。；,;]{0,3}(?:相比|比较|对比|比))")),
    ("first-quarters", re.compile(r"(?P<rel>今年|去年|明年)?\s*前\s*(?P<n>[一二三1-3])\s*(?:季度?|个季度)(?![节风])")),
    ("ymd", re.compile(rf"(?<!\d){_YEAR}\s*年\s*(?P<m>{_NUM})\s*月\s*(?P<d>{_NUM})\s*[日号]")),
    ("iso", re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)")),
    ("yq", re.compile(rf"(?<!\d){_YEAR}\s*年\s*(?:第\s*)?(?P<q>[一二三四1-4])\s*季度?(?![节风])")),
    # 年底, 去年年底, 2025年底 (the year it names, not the article's)
    # (去年底, 今年初: the year's word shares its 年 with the time of year)
    ("year-end", re.compile(r"(?:(?<!\d)(?P<y>(?:19|20)\d\d)\s*|(?P<rel>今年|去年|明年|前年|今(?=年)|去(?=年)|明(?=年)))?"
                            r"(?P<when>年底|年末|年初|年中|上半年|下半年)")),
    ("yq2", re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)\s*年?\s*q(?P<q>[1-4])(?![0-9])")),
    ("ym", re.compile(rf"(?<!\d){_YEAR}\s*年\s*(?P<m>{_NUM})\s*月")),
    ("y", re.compile(rf"(?<![\d.○〇零一二三四五六七八九]){_YEAR}\s*(?:年|财年)")),
    # 2025世界人工智能大會, 2025 Computex: the year an event's name opens with is the event's
    ("event-year", re.compile(r"(?<![\d.a-z])(?P<y>(?:19|20)\d\d)(?=\s?[\u4e00-\u9fffa-z][\u4e00-\u9fffa-z ]{1,15}?"
                              r"(?:大会|峰会|论坛|博览会|展览会|年会|会议|展会|发布会|锦标赛|computex|gtc|ces))")),
    ("rel-ymd", re.compile(rf"(?P<rel>{_REL_WORD})\s*(?P<m>{_NUM})\s*月\s*(?:(?P<d>{_NUM})\s*[日号])?")),
    ("rel-q", re.compile(rf"(?P<rel>{_REL_WORD})?\s*(?:第\s*(?P<qd>[1-4])|(?:第\s*)?(?P<q>[一二三四]))\s*(?:财季|季(?:度)?)(?![节风])")),
    # 去年同月, 同期 of a month: the month the text named last, in the year said (去年: the year before)
    ("same-month", re.compile(r"(?P<rel>今年|去年|前年)\s*(?:同月|同月份)")),
    # 上月, 本月12日 (a day of that month)
    ("rel-m", re.compile(rf"(?P<rel>上个?月|本月|当月|同月|下个?月)(?:\s*(?P<d>[0-3]?\d|{_CN_DAY})\s*[日号])?")),
    # (跌穿5日線: a five-day moving average)
    ("d", re.compile(r"(?<![\d年月.个交易工作])(?<![\d年月]\s)(?P<d>[12]?\d|3[01])\s*日(?![内前后以均线]|起算)"
                     # 美國司法部八日宣布, 商務部十二日以…為由: a day in Chinese numerals after a name, before what
                     # was done that day or the word opening how it was done
                     rf"|(?<![\d年月.个交易工作几数每前后这那本当次翌隔同某第上下期达近约逾超{''.join(CN_DIGITS)}廿卅])(?P<dcn>{_CN_DAY})日"
                     r"(?=\s*(?:[起晚早上下午间]|(?:宣布|表示|指出|发布|公布|召开|举行|举办|出席|会见|抵达|访问|签署|通过|回应|报导|报道|电|称|说|透露|强调|起诉|提起|裁定|证实"
                     r"|以(?!来|后|前|内|上|下)|将|对|向|在|于|与|把|就|正式|再度|首度|已|也|则|又|共同|联合|发出|发函|公告|宣判|决定|批准|核准|进行|完成)))")),
    ("md", re.compile(rf"(?<![\d年])(?P<m>{_NUM})\s*月\s*(?P<d>{_NUM})\s*[日号]")),
    ("m", re.compile(r"(?<![\d年个.])(?P<m>1[0-2]|[1-9])\s*月(?!\s*\d|[一二三四五六七八九十]+[日号])")),
    ("rel-y", re.compile(rf"(?P<rel>{_REL_YEAR_WORD})(?!\s*(?:\d|[一二三四五六七八九十]{1,3}\s*月|第?\s*[一二三四]\s*季))")),
    # (兩、三年後, 兩三年後, 3到5年後: a span of years, a time the text leaves open)
    ("year-after", re.compile(r"(?<![一二两三四五六七八九十\d][、，,~～至到\-])(?<![一二两三四五六七八九十\d])"
                              r"(?P<n>[一二两三四五六七八九十\d]{1,2})\s*年(?:后|之后|以后)")),
    # 周二表示, 上週五, 下星期一: a weekday near the article's date
    # (至下週一 is a weekday; 週一至週五's 至週五 is the end of a span of days)
    ("weekday", re.compile(r"(?:(?P<rel>上|下|本|这)\s*(?:个)?|(?<![至到~\-每上下本这个]))(?:周|星期|礼拜)(?P<wd>[一二三四五六日天])"
                           r"(?![一二三四五六日天至到])")),
    # 本週, 上週, 下星期: the week near the article's date, kept at the precision of its month
    ("week", re.compile(r"(?<![每一两三四五六七八九十\d])(?P<rel>本|上|下|这)\s*(?:个)?(?:周|星期|礼拜)(?![一二三四五六日天末])")),
    # 同日, 當晚, 當天: the day of the date just named (or of the paper, when none was)
    ("same-day", re.compile(r"(?P<rel>同日|同一天|当天|当日(?![的])|当晚|当天晚上|当天稍晚)")),
    # (華邦電昨在南投舉辦, 昨晚: 昨 alone before what was done, or where, as Taiwanese papers write it)
    ("day-before", re.compile(r"(?P<rel>前一日|前一天|前日|昨天|昨日|(?<![之以提目当眼])前天"
                              rf"|昨(?=[晚夜]|(?:再度|正式|首度|也|则|又|均|皆)?(?:在|于|赴|{_DONE_THAT_DAY})))")),
    ("day-after", re.compile(r"(?P<rel>第二天|次日|翌日|隔天|第二日|明天|明日)")),
    ("days-after", re.compile(r"(?P<n>[一二两三四五六七八九十\d]{1,3})\s*天(?:后|之后|以后)")),
    ("days-before", re.compile(r"(?P<n>[一二两三四五六七八九十\d]{1,3})\s*天(?:前|之前|以前)")),
]
#: yesterday and tomorrow count from the day of writing; 前一日 and 次日 from the date just named
_FROM_TODAY = {"昨天", "昨日", "昨", "前天", "明天", "明日"}
_REL_YEAR = {"今年": 0, "同年": 0, "当年": 0, "去年": -1, "前年": -2, "明年": 1, "今": 0, "去": -1, "明": 1,
             "隔年": 1, "次年": 1, "翌年": 1}
#: the same year, the year after: counted from the year the text wrote out last, not the article's
_FROM_STATED = {"同年": 0, "当年": 0, "隔年": 1, "次年": 1, "翌年": 1}


# (not 截至/截止到: "as of", a date reported on)
_FUTURE = re.compile(r"(?:预计|将|计划|有望|目标|最快|预期|拟|打算|争取|(?<![截止])到|(?<!截)至|力争|可望|或于|将于|展望)[^，。；\d,;]{0,6}$")


#: 2030年提高至, 2026年將: a verb of a target or a forecast right after a year
_FUTURE_AFTER = re.compile(r"[^，。；,;\d]{0,4}?(?:将|会|有望|预计|预期|可望|提高至|提升至|增至|增长至|达到|突破|目标)")
#: what was done, said or reported by the time a paper came out (美國商務部30日宣布)
_REPORTED_AFTER = re.compile(r"\s*(?:晚间|晚上|上午|下午|凌晨|傍晚|早上|稍早|深夜)?\s*(?:宣布|表示|指出|报道|报导|发布|公布|称|说|透露|证实|"
                             r"坦言|发表|披露|召开|举行|举办|签署|通过|批准|收盘|回应|强调|出席)")


_ROC_YEAR = re.compile(r"民国\s*(?P<y>\d{2,3})(?=\s*年)")


def _western_years(folded: str) -> str:
    """Years of the Republic of China's calendar (民國112年, as Taiwan's government writes them) in
    the common era, written in as many characters, so that every offset stays."""
    def western(m: re.Match) -> str:
        year = str(1911 + int(m.group("y")))
        return year.rjust(len(m.group(0))) if len(year) <= len(m.group(0)) else m.group(0)
    return _ROC_YEAR.sub(western, folded)


#: a year in a name: after a Latin word (MDC 2025, Computex2025) or before a list's or a gathering's word
_GATHERING_AFTER = re.compile(r"\s?[\u4e00-\u9fffa-z]{0,8}?(?:榜|大会|峰会|论坛|年会|博览会|展览会)")
NAMED_BY_YEAR = re.compile(r"(?<=[a-z]{2})\s?(?P<y>20[1-3]\d)(?![\d年.%])"
                           rf"|(?<![\d.])(?P<y2>20[1-3]\d)(?={_GATHERING_AFTER.pattern})")
#: a year and month a web address files its page under: /202503/, /2026-01/, /2025/12/09/
_URL_MONTH = re.compile(r"/(?P<y>20[12]\d)[/\-]?(?P<m>0[1-9]|1[0-2])(?:[/\-]?(?:0[1-9]|[12]\d|3[01]))?(?=/)")


def url_year(url: str | None) -> int | None:
    """The year a page's address files it under, if it does (http://example.cn/news/202503/83551.html)."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url.strip(), flags=re.I)
    m = _URL_MONTH.search(path)
    return int(m.group("y")) if m else None


#: a day and month written without a year, opening a text's news (2月10日，; 1月22日晚間)
LEAD_DATE = re.compile(r"(?<![\d年.])(?P<m>\d{1,2})\s*月\s*\d{1,2}\s*[日号]")


def infer_reference_year(folded: str) -> int | None:
    """The year a dateless article was written in.

    Years the text names in the past or present (2025年5月, 2026年以來) bound it from below,
    and the latest of them is the guess; a year named as the future (預計2026年1月1日生效)
    says the article was written at most a year or two before it.
    """
    folded = _western_years(folded)
    past: list[int] = []
    future: list[int] = []
    # years named as a finished whole (2024年全年, 2024年度): reported after them (a fiscal year is no
    # such sign: a firm's 2027財年 may end in January 2027)
    whole: set[int] = set()
    within: set[int] = set()  # years named by a part (2025年9月, 2025年上半年): written in them or after
    months: dict[int, int] = {}  # the latest month named of each year named in the past (2025年9月)
    last_future: int | None = None  # where the year named last ended, if it was named as the future
    for m in re.finditer(rf"(?<![\d.]){_YEAR}\s*(?:年|财年)", folded):
        year = _year(m.group("y"))
        # (2030年提高至600億歐元, 2026年將: a year a target or a forecast is set for, named after the verb
        # or before it)
        ahead = _FUTURE.search(folded[max(0, m.start() - 10):m.start()]) or _FUTURE_AFTER.match(folded, m.end())
        # (預計將在2026年或2027年盈利: a year joined to a forecast's year is forecast too)
        ahead = ahead or (last_future is not None and re.fullmatch(r"\s*(?:或|或者|和|与|及|至|到|、|-|－)\s*",
                                                                   folded[last_future:m.start()]) is not None)
        last_future = m.end() if ahead else None
        (future if ahead else past).append(year)
        after = folded[m.end():m.end() + 4]
        if not m.group().endswith("财年") and re.match(r"\s*(?:全年|度(?!第)|年报)", after):
            whole.add(year)
        elif re.match(r"\s*(?:\d{1,2}\s*月|[一二三四五六七八九十]{1,2}月|上半年|下半年|第?\s*[一二三四1-4]\s*季|初|中|底|末|q[1-4])", after):
            within.add(year)
            month = re.match(r"\s*(\d{1,2})\s*月", folded[m.end():m.end() + 5])
            if month and not ahead and 1 <= int(month.group(1)) <= 12:
                months[year] = max(months.get(year, 0), int(month.group(1)))
    # (MDC 2025, 2025胡潤全球富豪榜: a gathering or a list named by its year is of that year)
    for m in NAMED_BY_YEAR.finditer(folded):
        year = int(m.group("y") or m.group("y2"))
        tail = _GATHERING_AFTER.match(folded, m.end())   # (MDC 2025大會將…: the 會 of 大會 is no "will")
        ahead = _FUTURE.search(folded[max(0, m.start() - 10):m.start()]) or \
            _FUTURE_AFTER.match(folded, tail.end() if tail else m.end())
        (future if ahead else past).append(year)
    if not past and not future:
        return None
    guess = max(past) if past else min(future) - 1
    if past and guess in whole and guess not in within:
        guess += 1   # 2024年全年，英特爾中國區營收…: the results of a year are told the year after
    if future and past and 0 < min(future) - 1 - guess <= 2:
        guess = min(future) - 1
    # (2月10日，北辰科技在港交所上市 opening a text that went on about 2025年9月: the news is of a
    # February after that September, the year after)
    lead = LEAD_DATE.search(folded, 0, 200)
    if lead is not None and months.get(guess) and int(lead.group("m")) < months[guess] and \
            not re.search(rf"{_YEAR}\s*年\s*$", folded[max(0, lead.start() - 8):lead.start()]):
        guess += 1
    return guess


def find_dates(folded: str, reference: dt.date | int | None) -> list[DateMention]:
    """Every date expression in folded text, non-overlapping, in text order.

    `reference` is the article's date (resolves everything) or just a year (resolves
    yearless dates and relative years; day-relative ones then need a full date nearby).
    """
    folded = _western_years(folded)
    ref_year = reference.year if isinstance(reference, dt.date) else reference
    ref_day = _dateline_day(folded, reference) if isinstance(reference, dt.date) else None
    taken: list[tuple[int, int]] = []
    raw: list[tuple[int, int, str, re.Match]] = []
    for rule, pattern in _PATTERNS:
        for m in pattern.finditer(folded):
            s, e = m.span()
            while s < e and folded[s].isspace():
                s += 1
            if any(s < b and a < e for a, b in taken):
                continue
            taken.append((s, e))
            raw.append((s, e, rule, m))
    raw.sort(key=lambda r: r[0])
    out: list[DateMention] = []
    anchor: dt.date | None = ref_day
    anchor_end = 0   # where the date the anchor was read from ends
    named_day = False   # whether the text has named a day yet (同日 points back to one)
    stated: tuple[str, int] | None = None  # the last year written out, and where it ends
    for i, (s, e, rule, m) in enumerate(raw):
        if rule.startswith("day") and i + 1 < len(raw) and raw[i + 1][0] - e <= 2 and raw[i + 1][2] in ("md", "ymd"):
            # 第二天，12月10日: the explicit date that follows is what the relative one means
            continue
        base = ref_day if rule in ("rel-day-num", "today", "this-quarter", "weekday", "week") else anchor
        if rule in ("day-before", "day-after") and ref_day is not None and m.group("rel") in _FROM_TODAY:
            # 昨日召開法說會 after 自9月10日以來: yesterday is the paper's, not the day before the last date named
            base = ref_day
        if rule == "d" and ref_day is not None and anchor is not None and anchor > ref_day:
            # 自4月1日起實施…何亞東16日表示 in a paper of 16 January: a bare day is the paper's month, not
            # the month of a coming date it named
            base = ref_day
        if rule == "d" and ref_day is not None and anchor is not None and (ref_day - anchor).days > 31 and \
                "\n" in folded[anchor_end:s]:
            # 事件始於今年9月30日…。\n\n荷蘭政府19日表示 in a paper of 20 November: a bare day in a later
            # paragraph is the paper's news again, not the month of the background before it
            base = ref_day
        if rule == "year-after" and re.search(r"[一二两三四五六七八九十\d]+\s*年前",
                                              folded[max(folded.rfind(c, 0, s) for c in "。！？!?\n") + 1:s]):
            continue   # 八年前，…；八年後，…: the years after a time years ago bring the story to now, not beyond
        if rule == "same-day" and not named_day:
            continue   # 李在明當天表示 with no date named before: the day of the event, which the text leaves open
        if rule == "same-month":
            month = next((d.iso[:7] for d in reversed(out) if d.precision in ("month", "day")), None)
            if month is None:
                continue   # 去年同月 before any month is named: the text leaves the month open
            year = int(month[:4]) + {"去年": -1, "前年": -2}.get(m.group("rel"), 0)
            out.append(DateMention(s, e, f"{year:04d}{month[4:]}", "month", True, rule=rule))
            continue
        rel = m.groupdict().get("rel") if rule in ("rel-ymd", "rel-q", "rel-y") else None
        if rel in _FROM_STATED:
            # 到2020年…。同年3月, 2015年…。隔年: the year the text stated last (or the one after), not the paper's
            if stated is None and _FROM_STATED[rel]:
                continue   # 隔年 with no year written before: the year after what the text leaves open
            dm = _resolve(s, e, rule, m, int(stated[0]) - _REL_YEAR[rel] + _FROM_STATED[rel] if stated else ref_year, base)
            if dm is not None and stated is not None:
                stated = (dm.iso[:4], e)
        else:
            dm = _resolve(s, e, rule, m, ref_year, base)
        if dm is None:
            continue
        if rule == "rel-q" and not m.group("rel") and stated is not None and dm.quarter and \
                "\n" not in folded[stated[1]:s]:
            # 2026年第一季度推出A，第四季度推出B; 預計2025年淨利虧損…。第四季度單季…: a quarter takes the year
            # its paragraph stated last
            dm = DateMention(dm.start, dm.end, stated[0], dm.precision, False, dm.quarter, dm.rule)
        elif rule == "year-end" and not m.group("rel") and not m.group("y") and stated is not None and \
                not re.search(r"[。！？!?\n]", folded[stated[1]:s]):
            # 截至2025年末…，較年初增加31%: the start of the year the sentence stated
            dm = DateMention(dm.start, dm.end, stated[0], dm.precision, False, dm.quarter, dm.rule)
        elif rule == "rel-q" and not m.group("rel") and ref_day is not None and dm.quarter and \
                3 * dm.quarter - 2 > ref_day.month and not _FUTURE.search(folded[max(0, s - 12):s]):
            # 第四季財報 in a January article: last year's fourth quarter, unless the text looks ahead
            dm = DateMention(dm.start, dm.end, f"{int(dm.iso[:4]) - 1:04d}", dm.precision, True, dm.quarter, dm.rule)
        elif rule in ("md", "m") and dm.resolved and stated is not None and \
                re.fullmatch(r"\s*(?:至|到|~|-|—|–|、|和|及|与)\s*", folded[stated[1]:s]):
            # 2022年8月至9月, 3月和5月: the end of a range or a list takes the year its start stated
            dm = DateMention(dm.start, dm.end, stated[0] + dm.iso[4:], dm.precision, False, dm.quarter, dm.rule)
        elif rule in ("md", "m") and ref_day is not None and dm.resolved and not (
                stated is not None and not re.search(r"[。！？!?\n]", folded[stated[1]:s])):
            # 1月2日 in a late-December article, 12月30日 in an early-January one: the month and day
            # nearest the article's date, in the year before or after when that is nearer
            dm = _nearest_year(dm, ref_day, bool(_FUTURE.search(folded[max(0, s - 12):s])))
        elif rule == "d" and ref_day is not None and base == ref_day and dm.iso > ref_day.isoformat() and \
                _REPORTED_AFTER.match(folded, e) and not _FUTURE.search(folded[max(0, s - 12):s]):
            # 據《晴川週報》30日報導 in a paper of 2 October: what was reported was reported before the
            # paper came out, so in the month before
            back = ref_day.replace(day=1) - dt.timedelta(days=1)
            day = int(dm.iso[8:10])
            if day <= back.day:
                dm = DateMention(dm.start, dm.end, back.replace(day=day).isoformat(), "day", True, rule=dm.rule)
        if rule == "d" and out and out[-1].rule == "weekday" and re.fullmatch(r"\s*[（(]\s*", folded[out[-1].end:s]):
            # 下週一（5日）: the day of the month the weekday falls on, in the month nearest to it
            near = dt.date.fromisoformat(out[-1].iso)
            day = _day_near(near, int(dm.iso[8:10]))
            if day is not None:
                dm = DateMention(dm.start, dm.end, day.isoformat(), "day", True, rule=dm.rule)
        if dm.precision == "day" and rule in ("ymd", "iso", "md", "rel-ymd", "d"):
            # (據彭博社16日報導…。此前一天: the day before the 16th; a bare day names a full date too)
            anchor, anchor_end = dt.date.fromisoformat(dm.iso), e
        if dm.precision == "day":
            named_day = True
        if not dm.resolved and re.match(r"\d{4}", dm.iso):
            stated = (dm.iso[:4], e)
        out.append(dm)
    return out


#: 中央社記者某某華盛頓27日專電, 班加羅爾11日綜合外電報導: a wire's dateline, with the day it was filed
DATELINE_DAY = re.compile(r"(?<![\d月])(?P<day>\d{1,2})日\s*(?:专电|电|讯|综合外电报导|综合报导|外电报导|报导)")


def _dateline_day(folded: str, published: dt.date) -> dt.date:
    """The day a wire was filed, when its dateline names one a day or two before the date it was
    published (a Washington story filed on the 27th, out in Taipei on the 28th): its 今天 is that day."""
    m = DATELINE_DAY.search(folded, 0, 200)
    if m is None:
        return published
    day = int(m.group("day"))
    filed = _day_near(published, day)
    return filed if filed is not None and 0 < (published - filed).days <= 2 else published


def _day_near(near: dt.date, day: int) -> dt.date | None:
    """The date with this day of the month nearest to `near` (in its month, the one before or after)."""
    options = []
    for shift in (-1, 0, 1):
        y, m = near.year + (near.month - 1 + shift) // 12, (near.month - 1 + shift) % 12 + 1
        try:
            options.append(dt.date(y, m, day))
        except ValueError:
            pass
    return min(options, key=lambda d: abs((d - near).days), default=None)


def _nearest_year(dm: DateMention, ref_day: dt.date, ahead: bool) -> DateMention:
    """The mention moved a year forward when in its own year it would lie most of a year before the
    article (1月2日 in a late-December article), or back when it would lie more than half a year
    after it and the text does not look ahead (12月30日 in an early-January article). News speaks of
    the past more than of the future, so the two thresholds differ."""
    try:
        same = dt.date(int(dm.iso[:4]), int(dm.iso[5:7]), int(dm.iso[8:10]) if dm.precision == "day" else 15)
    except ValueError:
        return dm
    days = (same - ref_day).days
    shift = 1 if days < -300 else -1 if days > 183 and not ahead else 0
    if not shift:
        return dm
    return DateMention(dm.start, dm.end, f"{int(dm.iso[:4]) + shift:04d}" + dm.iso[4:], dm.precision, dm.resolved,
                       dm.quarter, dm.rule)


def _resolve(s, e, rule, m, ref_year, anchor) -> DateMention | None:
    g = m.groupdict()
    try:
        if rule in ("ymd", "iso"):
            d = dt.date(_year(g["y"]), cn_int(g["m"]), cn_int(g["d"]))
            return DateMention(s, e, d.isoformat(), "day", False, rule=rule)
        if rule in ("yq", "yq2"):
            q = cn_int(g["q"]) if not g["q"].isdigit() else int(g["q"])
            return DateMention(s, e, f"{_year(g['y']):04d}", "year", False, quarter=q, rule=rule)
        if rule == "ym":
            month = cn_int(g["m"])
            if not 1 <= month <= 12:
                return None
            return DateMention(s, e, f"{_year(g['y']):04d}-{month:02d}", "month", False, rule=rule)
        if rule in ("y", "event-year"):
            return DateMention(s, e, f"{_year(g['y']):04d}", "year", False, rule=rule)
        if ref_year is None:
            return _relative_to_anchor(s, e, rule, g, anchor)
        if rule == "rel-ymd":
            year = ref_year + _REL_YEAR[g["rel"]]
            month = cn_int(g["m"])
            if g.get("d"):
                return DateMention(s, e, dt.date(year, month, cn_int(g["d"])).isoformat(), "day", True, rule=rule)
            return DateMention(s, e, f"{year:04d}-{month:02d}", "month", True, rule=rule)
        if rule == "rel-q":
            year = ref_year + _REL_YEAR.get(g.get("rel") or "今年", 0)
            return DateMention(s, e, f"{year:04d}", "year", True, quarter=cn_int(g["q"] or g["qd"]), rule=rule)
        if rule == "first-quarters":
            year = ref_year + _REL_YEAR.get(g.get("rel") or "今年", 0)
            return DateMention(s, e, f"{year:04d}", "year", True, rule=rule)
        if rule == "md":
            d = dt.date(ref_year, cn_int(g["m"]), cn_int(g["d"]))
            return DateMention(s, e, d.isoformat(), "day", True, rule=rule)
        if rule == "m":
            month = cn_int(g["m"])
            return DateMention(s, e, f"{ref_year:04d}-{month:02d}", "month", True, rule=rule)
        if rule == "year-end":
            if g.get("y"):
                return DateMention(s, e, g["y"], "year", False, rule=rule)
            return DateMention(s, e, f"{ref_year + _REL_YEAR.get(g.get('rel') or '今年', 0):04d}", "year", True, rule=rule)
        if rule == "rel-m":
            base = anchor
            if base is None:
                return None
            shift = {"上月": -1, "上个月": -1, "下月": 1, "下个月": 1}.get(g["rel"], 0)
            month = base.month + shift
            year = base.year + (month - 1) // 12
            month = (month - 1) % 12 + 1
            if g.get("d"):
                try:
                    day = cn_int(g["d"].replace("廿", "二十").replace("卅", "三十"))
                    return DateMention(s, e, dt.date(year, month, day).isoformat(), "day", True, rule=rule)
                except ValueError:
                    return None
            return DateMention(s, e, f"{year:04d}-{month:02d}", "month", True, rule=rule)
        if rule == "d":
            if anchor is None:
                return None
            day = cn_int(g.get("d") or g["dcn"].replace("廿", "二十").replace("卅", "三十"))
            try:
                d = dt.date(anchor.year, anchor.month, day)
            except ValueError:   # 31日 in a paper of 1 April: a day the month has not is the month before's
                back = anchor.replace(day=1) - dt.timedelta(days=1)
                d = dt.date(back.year, back.month, day)
            return DateMention(s, e, d.isoformat(), "day", True, rule=rule)
        if rule == "rel-y":
            return DateMention(s, e, f"{ref_year + _REL_YEAR[g['rel']]:04d}", "year", True, rule=rule)
        if rule == "year-after":
            if re.fullmatch(r"[一二两三四五六七八九]{2}", g["n"]):
                return None   # 兩三年後: two or three years on
            return DateMention(s, e, f"{ref_year + cn_int(g['n']):04d}", "year", True, rule=rule)
        return _relative_to_anchor(s, e, rule, g, anchor)
    except (ValueError, KeyError):
        return None


def _relative_to_anchor(s, e, rule, g, anchor) -> DateMention | None:
    if anchor is None:
        return None
    if rule == "rel-day-num":  # the named day, in the month the distance word points into
        near = anchor + dt.timedelta(days={"昨": -1, "前": -2, "今": 0, "明": 1}[g["rel"]])
        day = cn_int(g["d"])
        for month_shift in (0, -1, 1):
            m = near.month + month_shift
            y, m = near.year + (m - 1) // 12, (m - 1) % 12 + 1
            try:
                d = dt.date(y, m, day)
            except ValueError:
                continue
            if abs((d - near).days) <= 3:
                return DateMention(s, e, d.isoformat(), "day", True, rule=rule)
        return None
    if rule == "today":
        return DateMention(s, e, anchor.isoformat(), "day", True, rule=rule)
    if rule == "week":
        mid = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(days=2 + {"上": -7, "下": 7}.get(g["rel"], 0))
        return DateMention(s, e, f"{mid.year:04d}-{mid.month:02d}", "month", True, rule=rule)
    if rule == "weekday":  # 周二: the last Tuesday up to the article's date; 上週/下週/本週 move a week
        wd = _WEEKDAY[g["wd"]]
        monday = anchor - dt.timedelta(days=anchor.weekday())
        shift = {"上": -7, "下": 7}.get(g.get("rel") or "", 0)
        d = monday + dt.timedelta(days=wd + shift)
        if not g.get("rel") and d > anchor:
            d -= dt.timedelta(days=7)
        return DateMention(s, e, d.isoformat(), "day", True, rule=rule)
    if rule == "this-quarter":  # 本季, 上季, 下一季: the quarter of the article's date, or next to it
        q = (anchor.month - 1) // 3 + 1 + {"上": -1, "上一": -1, "下": 1, "下一": 1}.get(g["rel"], 0)
        year = anchor.year + (q - 1) // 4
        return DateMention(s, e, f"{year:04d}", "year", True, quarter=(q - 1) % 4 + 1, rule=rule)
    if rule == "same-day":
        return DateMention(s, e, anchor.isoformat(), "day", True, rule=rule)
    if rule == "day-before":  # (前天: the day before yesterday)
        d = anchor - dt.timedelta(days=2 if g["rel"] == "前天" else 1)
    elif rule == "day-after":
        d = anchor + dt.timedelta(days=1)
    elif rule == "days-after":
        d = anchor + dt.timedelta(days=cn_int(g["n"]))
    elif rule == "days-before":
        d = anchor - dt.timedelta(days=cn_int(g["n"]))
    else:
        return None
    return DateMention(s, e, d.isoformat(), "day", True, rule=rule)
