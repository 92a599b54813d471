"""Dates at the text's own precision, relative ones resolved."""
from __future__ import annotations

import datetime as dt

import pytest

from kg.nlp.temporal import find_dates, infer_reference_year
from kg.text import fold


def iso(text, ref):
    return [(d.iso, d.resolved, d.quarter) for d in find_dates(fold(text), ref)]


def test_precision_is_kept():
    assert iso("2023年10月17日發布，2024年3月生效，2022年起實施。", None) == [
        ("2023-10-17", False, None), ("2024-03", False, None), ("2022", False, None)]


def test_yearless_and_relative_dates_use_the_reference():
    assert iso("3月5日公布；今年7月解禁；去年9月；明年。", 2024) == [
        ("2024-03-05", True, None), ("2024-07", True, None), ("2023-09", True, None), ("2025", True, None)]


def test_day_relative_to_the_last_full_date():
    assert iso("6月2日會談，前一日抵達，第二天離開，3天後簽約。", 2025) == [
        ("2025-06-02", True, None), ("2025-06-01", True, None), ("2025-06-03", True, None),
        ("2025-06-05", True, None)]


def test_quarters_stay_quarters():
    assert iso("2024年第四季度量產，今年一季度出貨。", 2025) == [("2024", False, 4), ("2025", True, 1)]


def test_article_date_resolves_everything():
    assert iso("前一天，官員表示", dt.date(2025, 1, 10)) == [("2025-01-09", True, None)]


def test_reference_year_inferred_from_full_dates():
    assert infer_reference_year(fold("2023年提到過。2025年5月1日、2025年6月2日發生。")) == 2025
    assert infer_reference_year("没有年份") is None


@pytest.mark.parametrize("text", [
    "北辰電子2025年第三季營收75億歐元。目標將年營收從去年的283億歐元，2030年提高至600億歐元。",
    "北辰電子2025年第三季營收成長。展望2026年，營收不會低於今年。",
    "北辰電子2025年上半年虧損收窄，公司預計將在2026年或2027年轉虧為盈。",   # a year joined to a forecast's
])
def test_a_year_a_target_or_an_outlook_is_set_for_is_no_year_written_in(text):
    assert infer_reference_year(fold(text)) == 2025


@pytest.mark.parametrize("text", ["自2019年成立以來，截至2025年9月，晶片累計出貨量超過1.6億顆。",
                                  "截止到2025年9月底，北辰電子累計出貨超過1億顆，2019年成立。"])
def test_a_year_reported_as_of_is_a_year_written_in(text):
    # 截至 and 截止到 are "as of": the year they name is past, not a target
    assert infer_reference_year(fold(text)) == 2025


@pytest.mark.parametrize("text, year", [
    ("2月10日，北辰科技在港交所掛牌。公司於2025年9月遞交上市申請，2019年成立。", 2026),
    ("1月22日晚間，晴川電子科創板上市申請獲受理。2025年11月，公司完成輔導。", 2026),
    ("10月10日，北辰科技在港交所掛牌。公司於2025年9月遞交上市申請。", 2025),   # October follows September
])
def test_a_lead_date_before_the_latest_month_named_is_in_the_year_after(text, year):
    # the news a dateless article opens with is no older than what it goes on to tell
    assert infer_reference_year(fold(text)) == year


@pytest.mark.parametrize("text, year", [
    ("北辰科技在MDC 2025大會上發布新一代晶片。", 2025),
    ("2025晴川全球富豪榜發布，林子恒位列第十。", 2025),
    ("Computex 2026將於6月舉行，北辰科技將參展。", 2025),   # a gathering to come: written before it
    ("北辰科技推出RTX 2080顯卡。", None),                   # a model number is no year
])
def test_a_gathering_or_a_list_named_by_its_year_dates_a_dateless_text(text, year):
    assert infer_reference_year(fold(text)) == year


def test_spaced_month_and_day_stay_one_date():
    # mainland web text often spaces digits from 月/日: 9 月 29 日 is one date, not the 29th of another month
    assert iso("新規 9 月 29 日發布，10 月 1 日生效。", dt.date(2025, 11, 3)) == [
        ("2025-09-29", True, None), ("2025-10-01", True, None)]


def test_weekdays_and_weeks_near_the_article_date():
    ref = dt.date(2026, 3, 4)  # a Wednesday
    assert iso("週二宣布，上週五簽約，下星期一開庭。", ref) == [
        ("2026-03-03", True, None), ("2026-02-27", True, None), ("2026-03-09", True, None)]
    assert iso("本週將舉行法說會，上週已公告；週一至週五營業。", ref) == [("2026-03", True, None), ("2026-02", True, None)]


def test_the_same_month_last_year_is_the_month_named_before_in_the_year_before(facts):
    f = facts("星曜半導體今（10）日公布11月營收343億元，較去年同月的276億元成長兩成。", published="2025-12-10")
    dates = {st.date.iso for st in f.statements if st.date is not None}
    assert "2024-11" in dates and "2025-11" in dates, dates
    assert "2025-12" not in dates - {"2025-12-10"}, dates   # 同月 is not the paper's month
    g = facts("星曜半導體去年同月營收成長兩成。", published="2025-12-10")   # no month named before: none said
    assert not any(st.date is not None and st.date.precision == "month" for st in g.statements)


def test_a_span_of_years_from_now_is_no_year(facts):
    f = facts("星曜半導體預期兩、三年後消費者就能用上新品，兩三年後擴產，3到5年後獲利，三年後上市。",
              published="2025-09-22")
    years = {st.date.iso for st in f.statements if st.date is not None}
    assert years == {"2028"}, years   # only 三年後 names a year


def test_the_year_an_events_name_opens_with_is_when_the_event_is(facts):
    f = facts("2025晴川算力大會上，星曜半導體首次展出新一代超節點。", published="2025-09-05")
    event = next(k for k, e in f.entities.items() if e.cls == "Event")
    assert any(st.date is not None and st.date.iso == "2025" and any(k == event for _, k in st.roles)
               for st in f.statements), [(st.roles, st.date) for st in f.statements]
    g = facts("星曜半導體2025營收成長三成。", published="2025-09-05")   # a year before no event's name: none
    assert not any(st.date is not None and st.date.iso == "2025" for st in g.statements)


def test_the_same_year_and_the_year_after_count_from_the_year_written_last():
    assert iso("2018年，北辰延伸業務；到2020年已成為設計公司。\n\n同年3月啟動IPO，同年7月20日上市。", 2019) == [
        ("2018", False, None), ("2020", False, None), ("2020-03", True, None), ("2020-07-20", True, None)]
    assert iso("2015年完成首顆晶片流片。\n\n隔年，陳某選擇離職創業；次年第二季推出新品。", 2025) == [
        ("2015", False, None), ("2016", True, None), ("2017", True, 2)]
    # no year written before: the year after is left open; the same year is the paper's
    assert iso("隔年，陳某選擇離職創業。", 2025) == []
    assert iso("今年3月上市，同年第三季營收大增。", 2025) == [("2025-03", True, None), ("2025", True, 3)]
    assert iso("2025年北辰營收大增，此次年度預告超出預期。", 2026) == [("2025", False, None)]   # 此次|年度: no year after
    assert iso("2024年北辰成立，不同年齡層的用戶都在使用。", 2026) == [("2024", False, None)]   # 不同|年齡: no year


def test_a_bare_day_is_an_anchor_and_a_later_paragraph_is_the_papers_news_again():
    # the day before the 16th the text named, not the day before the paper's date
    assert iso("據晴川社16日報導，北辰表示擴產。此前一天，曜芯宣布投資。", dt.date(2026, 1, 19)) == [
        ("2026-01-16", True, None), ("2026-01-15", True, None)]
    # background two months back, then a new paragraph: the 19th of the paper's month
    assert iso("事件始於今年9月30日，當局下達命令。\n\n政府19日表示暫停接管。", dt.date(2025, 11, 20)) == [
        ("2025-09-30", True, None), ("2025-11-19", True, None)]
    assert iso("6月2日會談，3日離開。", dt.date(2025, 6, 20)) == [("2025-06-02", True, None), ("2025-06-03", True, None)]


@pytest.mark.parametrize("url, year", [
    ("http://news.example.cn/news/202503/83551.html", 2025),
    ("https://www.example.com.cn/html/2026-01/1078283.html", 2026),
    ("https://example.com/2025/12/09/chips.html", 2025),
    ("https://example.com/news/story/7240/9176309", None),      # an id, no date
    ("http://example.com/info/t-2510141330.html", None),
])
def test_a_web_address_filing_its_page_by_month_gives_its_year(url, year):
    from kg.nlp.temporal import url_year
    assert url_year(url) == year


def test_a_dateless_article_filed_by_month_is_dated_by_its_address(nlp):
    doc = nlp.make_doc("2月10日，北辰科技在港交所掛牌。公司於2019年成立。")
    doc.user_data["url"] = "http://news.example.cn/news/202602/1234.html"
    doc = nlp(doc)
    assert doc.user_data["kg_reference"] == (2026, True)
    assert any(s._.kg["iso"] == "2026-02-10" for s in doc.spans["kg_dates"])
