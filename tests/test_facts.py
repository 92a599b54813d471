"""Facts with their dates and numbers, from sentences written for these tests, in both scripts."""
from __future__ import annotations

import pytest

from conftest import run_kg


def kinds(f, kind):
    return [s for s in f.statements if s.kind == kind]


def roles(st) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for role, key in st.roles:
        out.setdefault(role, set()).add(key)
    return out


def test_export_licence_with_condition(facts):
    f = facts("美國商務部週二宣布，允許超微向中國客戶出口MI308晶片，條件是美國政府獲得15%的銷售分成。")
    [d] = kinds(f, "decision")
    r = roles(d)
    assert r["product"] == {"amd-mi308"} and r["counterpart"] == {"china"} and "agent" in r
    assert f.entities[next(iter(r["decision"]))].cls in ("ExportDecision", "Policy")
    assert d.amount.value == "15" and d.amount.unit == "PERCENT"


def test_ban_with_its_month(facts):
    f = facts("2023年10月，美国商务部禁止英伟达向中国出口A800芯片。")
    [d] = kinds(f, "decision")
    assert "ban" in next(iter(roles(d)["decision"])) and d.date.iso == "2023-10" and not d.date.resolved


def test_entity_list_addition(facts):
    f = facts("美国商务部工业与安全局将寒武纪等12家中国企业列入实体清单。")
    [d] = kinds(f, "listing-add")
    assert roles(d) == {"decision": {"entity-list"}, "agent": {"bis"}, "subject": {"cambricon"}}


def test_meeting_resolves_a_yearless_date(facts):
    f = facts("6月3日，黃仁勳與台積電董事長魏哲家在台北會面。", published="2025-06-05")
    [m] = kinds(f, "meeting")
    assert roles(m) == {"agent": {"jensen-huang"}, "counterpart": {"c-c-wei"}, "location": {"taipei"}}
    assert m.date.iso == "2025-06-03" and m.date.resolved
    assert ("c-c-wei", "employer", "tsmc") in {(r.subject, r.property, r.object) for r in f.relations}


def test_listing_with_exchange_and_market_figures(facts):
    f = facts("摩尔线程于2025年12月5日在科创板上市，首日股价上涨425%，市值超过3000亿元。")
    [l] = kinds(f, "listing")
    assert roles(l) == {"subject": {"moore-threads"}, "venue": {"star-market"}} and l.date.iso == "2025-12-05"
    values = {(s.amount.value, s.amount.unit, s.amount.metric) for s in kinds(f, "Measurement")}
    assert ("425", "PERCENT", "price-change") in values and ("300000000000", "CNY", "market-value") in values


def test_attribution_and_hedging(facts):
    f = facts("據彭博社報道，三星電子可能在明年第一季度向輝達供應HBM4。")
    [rep] = kinds(f, "report")
    assert roles(rep)["attributedTo"] == {"bloomberg"} and rep.hedged
    [sale] = kinds(f, "sale")
    assert roles(sale)["agent"] == {"samsung-electronics"} and roles(sale)["counterpart"] == {"nvidia"}
    assert sale.hedged
    plain = facts("據路透社報道，英偉達已經推出H20晶片。")
    assert not any(s.hedged for s in plain.statements)


def test_quote_and_comparison_with_ratio(facts):
    f = facts("苏姿丰表示，AMD的MI355X性能是英伟达B200的1.3倍。")
    [c] = kinds(f, "comparison")
    assert roles(c) == {"subject": {"amd-mi355x"}, "counterpart": {"nvidia-b200"}}
    assert c.amount.value == "1.3" and c.amount.unit == "TIMES"
    [rep] = kinds(f, "report")
    assert roles(rep)["agent"] == {"lisa-su"}


@pytest.mark.parametrize("text", ["華為昇騰910C的FP16算力為800 TFLOPS，顯存容量128GB，顯存頻寬3.2TB/s。",
                                  "华为昇腾910C的FP16算力为800 TFLOPS，显存容量128GB，显存带宽3.2TB/s。"])
def test_chip_specifications_in_both_scripts(facts, text):
    f = facts(text)
    got = {(s.amount.metric, s.amount.value, s.amount.unit) for s in kinds(f, "Measurement")
           if roles(s)["subject"] == {"huawei-ascend-910c"}}
    assert got == {("fp16-performance", "800", "TFLOPS"), ("memory-capacity", "128", "GB"),
                   ("memory-bandwidth", "3.2", "TB-PER-SEC")}
    assert ("huawei-ascend-910c", "developer", "huawei") in {(r.subject, r.property, r.object) for r in f.relations}


@pytest.mark.parametrize("text, value, unit", [
    ("中芯国际第三季度营收达到22亿美元。", "2200000000", "USD"),
    ("台積電市值約新台幣30兆元。", "30000000000000", "TWD"),
    ("寒武紀營收為人民幣1.5萬億元。", "1500000000000", "CNY"),
    ("海光信息募资约62亿港元。", "6200000000", "HKD"),
])
def test_money_is_normalised(facts, text, value, unit):
    got = {(s.amount.value, s.amount.unit) for s in kinds(facts(text), "Measurement")}
    assert (value, unit) in got


def test_deal_value_and_quarter(facts):
    f = facts("2025年9月，甲骨文與OpenAI簽署價值3000億美元的雲端算力協議。")
    [d] = kinds(f, "deal")
    assert roles(d) == {"agent": {"oracle"}, "counterpart": {"openai"}}
    assert d.amount.value == "300000000000" and d.date.iso == "2025-09"
    q = facts("英偉達2024年第四季度營收創新高。")
    assert any(s.date and s.date.iso == "2024" and s.date.quarter == 4 for s in q.statements)


def test_units_compare_across_articles_by_sparql(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.md").write_text("英偉達H200的顯存頻寬為4.8TB/s。\n", encoding="utf-8")
    (corpus / "b.md").write_text("华为昇腾910C的显存带宽为4800GB/s。\n", encoding="utf-8")
    store = tmp_path / "s"
    run_kg("ingest", str(corpus), store=store)
    q = """SELECT DISTINCT ?chip ?bytes WHERE {
      ?m kgo:subject ?chip ; kgo:metric "memory-bandwidth" ; kgo:value ?v ; kgo:unit ?u .
      ?u qudt:conversionMultiplier ?k . BIND(?v * ?k AS ?bytes) } ORDER BY ?chip"""
    rows = run_kg("query", q, "--format", "csv", store=store).stdout.split()[1:]
    values = {row.split(",")[0].rsplit("/", 1)[-1]: float(row.split(",")[1]) for row in rows}
    assert values == {"nvidia-h200": 4.8e12, "huawei-ascend-910c": 4.8e12}
