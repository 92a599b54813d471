"""Reading real-news habits: clause frames, topic chains, datelines, relative dates, ranges,
romanised names, new models of known families and the frame lexicon. Every sentence here was
written for these tests (invented companies and people), and each test runs on its sentence
as written and converted to the other script."""
from __future__ import annotations

import pytest


def key_of(f, name_part: str) -> str:
    from kg.text import to_simplified
    part = to_simplified(name_part)
    hits = [k for k, e in f.entities.items() if any(part in to_simplified(n) for n in e.names)]
    assert hits, f"no entity named like {name_part}: {[sorted(e.names) for e in f.entities.values()]}"
    return hits[0]


def relations_of(f) -> set[tuple[str, str, str]]:
    """The typed relations of an extraction as (subject, property, object) keys."""
    return {(r.subject, r.property, r.object) for r in f.relations}


def linked(f, a: str, b: str) -> bool:
    """Whether a relation or one statement links the two keys (what a reader would call linked)."""
    if any({r.subject, r.object} == {a, b} for r in f.relations):
        return True
    return any({a, b} <= {k for _, k in st.roles} for st in f.statements)


def frames(f):
    return [st for st in f.statements if st.evidence.rule == "clause-frame"]


def test_a_clause_links_its_names_whatever_its_verb(facts):
    f = facts("星曜半導體與瀚川智算在深圳簽下長約，雙方將共同攻關先進封裝。")
    a, b, c = key_of(f, "星曜"), key_of(f, "瀚川"), key_of(f, "深圳")
    assert linked(f, a, b) and linked(f, a, c)


def test_a_topic_carries_over_the_clauses_of_its_sentence(facts):
    f = facts("星曜半導體成立於2019年，總部設在蘇州，去年在新加坡設立研發中心，員工逾千人，"
              "今年又與瀚川智算、鋒算科技、青嵐資本和北辰微電子談成合作。")
    topic = key_of(f, "星曜")
    assert linked(f, topic, key_of(f, "新加坡"))


def test_a_pointer_word_names_the_company_before_it(facts):
    f = facts("鋒算科技近日遞交招股書。根據文件，該公司去年向青嵐資本出售兩成股份，並在杭州建廠。")
    assert linked(f, key_of(f, "鋒算"), key_of(f, "杭州"))


def test_frames_carry_the_predicate_as_trigger(facts):
    f = facts("瀚川智算董事長林子恒表示，公司將於明年在合肥量產第二代推理晶片。")
    assert any(st.trigger for st in frames(f)) or any(r.subject for r in f.relations)


def test_yesterday_with_its_day_in_brackets(facts):
    f = facts("北辰微電子昨（14）日公告，第3季營收創新高。", published="2025-11-15")
    dates = {st.date.iso for st in f.statements if st.date}
    assert "2025-11-14" in dates


def test_today_in_a_dated_article(facts):
    f = facts("鋒算科技今天在科創板掛牌上市。", published="2026-01-23")
    assert "2026-01-23" in {st.date.iso for st in f.statements if st.date}


def test_first_three_quarters_and_a_range(facts):
    f = facts("星曜半導體預計前3季虧損5億至8億元。", published="2025-10-30")
    values = {st.amount.value for st in f.statements if st.amount}
    assert {"500000000", "800000000"} <= values


def test_a_ratio_in_chinese_numerals(facts):
    f = facts("北辰微電子計畫三年內把先進製程產能提高五倍。")
    assert "5" in {st.amount.value for st in f.statements if st.amount and st.amount.unit == "TIMES"}


def test_a_new_model_of_a_known_family(facts):
    f = facts("亞馬遜發表Inferentia 9晶片，推論效能提升四成。")
    chip = [key_of(f, "Inferentia 9")]
    assert chip and f.entities[chip[0]].cls == "Chip"
    props = relations_of(f)
    assert (chip[0], "partOfSeries", "aws-inferentia") in props
    assert (chip[0], "developer", "amazon") in props or any(r.property == "developer" for r in f.relations)


def test_a_dateline_names_the_outlet_and_its_reporters(facts):
    f = facts("晨曦財經網杭州3月2日消息（記者鄧雅文）鋒算科技今日宣布完成新一輪融資。", published="2026-03-02")
    outlet = [k for k, e in f.entities.items() if e.cls == "MediaOrganization"]
    assert outlet, [sorted(e.names) for e in f.entities.values()]
    reporter = key_of(f, "鄧雅文")
    assert any(r.subject == reporter and r.property == "employer" and r.object == outlet[0] for r in f.relations)


def test_a_name_and_its_romanisation_are_one_person(facts):
    f = facts("起訴書指出，住在德州的中國籍被告韋立山（Lishan Wei，音譯）涉嫌轉運晶片。")
    person = key_of(f, "Lishan Wei")
    assert any("立山" in n for n in f.entities[person].names)
    assert f.entities[person].cls == "Person"


def test_a_country_before_a_company_or_a_person(facts):
    f = facts("美國記憶體巨擘鋒芯科技宣布，新加坡籍工程師陳思遠將出任技術長。")
    props = {(r.property, r.object) for r in f.relations}
    assert ("country", "usa") in props
    assert ("citizenship", "singapore") in props


def test_the_frame_lexicon_types_a_relation(facts):
    f = facts("青嵐資本去年入股北辰微電子，北辰微電子則研發了NX-500加速晶片。")
    props = relations_of(f)
    northstar = key_of(f, "北辰")
    assert (northstar, "ownedBy", key_of(f, "青嵐")) in props
    assert (key_of(f, "NX-500"), "developer", northstar) in props


def test_a_short_model_beside_a_chip_word_and_its_foundry(facts):
    f = facts("鋒芯半導體宣布，首款推論晶片FX-7已於台積電投片。持F-1簽證的學生不是晶片。")
    chip = key_of(f, "FX-7")
    assert f.entities[chip].cls == "Chip"
    assert not any("F-1" in n for e in f.entities.values() for n in e.names)
    assert (chip, "manufacturer", "tsmc") in relations_of(f)


def test_an_adverbial_clause_is_no_topic(facts):
    f = facts("受美國商務部新規影響，鋒芯科技與日本軟銀集團簽署備忘錄，雙方將在東京設立實驗室。")
    agency = [k for k, e in f.entities.items() if e.cls == "GovernmentAgency"]
    assert agency and not linked(f, agency[0], key_of(f, "東京"))


def test_a_companys_figures_split_by_region(facts):
    f = facts("北辰微電子財務長指出，北辰微電子的營收中，中國、美國、歐洲占比分別為60%、30%和10%。")
    north = key_of(f, "北辰")
    by_place = {k: st.amount.value for st in f.statements if st.amount and dict(st.roles).get("subject") == north
                for r, k in st.roles if r == "location"}
    assert by_place == {"china": "60", "usa": "30", "europe": "10"}


def test_a_stake_is_an_investment_and_an_ownership(facts):
    f = facts("去年6月，青嵐資本以12億元取得北辰微電子3.5%股權。")
    north, blue = key_of(f, "北辰"), key_of(f, "青嵐")
    assert (north, "ownedBy", blue) in relations_of(f)
    assert any(st.amount and st.amount.value == "3.5" and blue in {k for _, k in st.roles} for st in f.statements)


def test_listing_today_on_an_exchange(facts):
    f = facts("曦望科技今天在科創板上市，開盤價每股88元。沐曦微計畫明年在科創板上市。", published="2026-02-10")
    xw = key_of(f, "曦望")
    assert (xw, "stockExchange", "star-market") in relations_of(f)
    listing = [st for st in f.statements if st.kind == "listing" and xw in {k for _, k in st.roles}]
    assert listing and listing[0].date.iso == "2026-02-10"
    assert not any(r.property == "stockExchange" and r.subject != xw for r in f.relations)


def test_a_declared_short_name_is_the_same_entity(facts):
    f = facts("啟明算力科技股份有限公司（以下簡稱「啟明算力」）昨日發布年報。啟明算力董事長周澤宇表示，"
              "啟明算力全年營收12.6億元。公司股價報186.5元。", published="2026-03-20")
    orgs = [k for k, e in f.entities.items() if any("啟明算力" in n or "启明算力" in n for n in e.names)]
    assert len(orgs) == 1
    values = {st.amount.value for st in f.statements if st.amount and orgs[0] in {k for _, k in st.roles}}
    assert {"1260000000", "186.5"} <= values


def test_the_chip_a_pointer_word_names_takes_its_specs(facts):
    f = facts("鋒芯半導體推出第二代訓練晶片FX-20。該晶片採用7奈米工藝，FP16算力達到512 TFLOPS。")
    chip = key_of(f, "FX-20")
    specs = {(st.amount.value, st.amount.unit) for st in f.statements
             if st.amount and dict(st.roles).get("subject") == chip}
    assert {("7", "NM"), ("512", "TFLOPS")} <= specs


def test_a_law_name_inside_a_longer_word_is_not_the_law(facts):
    f = facts("鋒芯科技表示，公司嚴格遵守出口管制法規。")
    assert not [k for k, e in f.entities.items() if e.cls in ("Law", "Policy")]


def test_a_bracketed_byline_is_not_part_of_the_news(facts):
    f = facts("〔記者吳佳蓉／台北報導〕美國聯邦檢察官11日在德州起訴鋒芯科技。", published="2025-06-12")
    reporter = key_of(f, "吳佳蓉")
    assert not any(reporter in {k for _, k in st.roles} and st.evidence.rule == "clause-frame" for st in f.statements)


def test_investing_in_someone_through_xiang(facts):
    f = facts("鋒芯科技宣布向北辰微電子投資10億美元，持有其約2.9%股份。")
    fund = [st for st in f.statements if st.kind == "funding"]
    assert fund and all(dict(st.roles)["agent"] == key_of(f, "鋒芯") for st in fund)
    assert all(dict(st.roles)["counterpart"] == key_of(f, "北辰") for st in fund)


def test_a_datelines_outlet_is_no_topic(facts):
    f = facts("晨曦財經網3月2日消息，據外媒報導，鋒芯科技推出FX-30晶片，北辰微電子則發表NX-9。", published="2026-03-02")
    outlet = [k for k, e in f.entities.items() if e.cls == "MediaOrganization"]
    assert outlet and not any(outlet[0] in {k for _, k in st.roles} and st.evidence.rule == "clause-frame"
                              for st in f.statements)


def test_quarters_against_the_articles_date(facts):
    f = facts("北辰微電子昨日公布第四季財報，並預估本季出貨量將季減2%。", published="2026-01-16")
    quarters = {(st.date.iso, st.date.quarter) for st in f.statements if st.date and st.date.quarter}
    assert ("2025", 4) in quarters and ("2026", 1) in quarters


def test_a_vice_president_is_no_chief_executive(facts):
    f = facts("鋒芯科技副總裁韋德·芬恩在聲明中表示，新規將衝擊產業。")
    props = {(r.property, r.object) for r in f.relations}
    assert ("employer", key_of(f, "鋒芯")) in props
    assert not any(r.property == "chiefExecutiveOfficer" for r in f.relations)


def values_of(f, key: str) -> set[float]:
    return {float(st.amount.value) for st in f.statements if st.amount and key in {k for _, k in st.roles}}


def test_a_figure_in_a_clause_naming_nothing_is_the_topics(facts):
    f = facts("星曜半導體、瀚川智算等晶圓廠，計劃將成熟製程的月產能，從目前約3萬片提高到8萬片。")
    lead = key_of(f, "星曜")
    assert {30000.0, 80000.0} <= values_of(f, lead)


def test_a_country_opening_a_sentence_owns_its_figures(facts):
    f = facts("消息人士說，越南希望在2028年前新增40萬片晶圓的封測產能。")
    assert 400000.0 in values_of(f, key_of(f, "越南"))


def test_a_process_node_is_the_makers_not_the_tool_it_lacks(facts):
    f = facts("由於買不到艾司摩爾的EUV設備，北辰微電子以舊機台在蘇州廠生產接近5奈米的晶片。")
    maker = key_of(f, "北辰")
    assert 5.0 in values_of(f, maker)
    assert not any(5.0 in values_of(f, k) for k in f.entities if f.entities[k].cls == "Product")


def test_a_reporting_clause_is_no_topic_for_figures(facts):
    f = facts("日經新聞報導，北辰微電子正擴大先進產能，挑戰3奈米等級。")
    assert 3.0 in values_of(f, key_of(f, "北辰"))


def test_a_bare_company_opening_a_clause_is_the_one_named_before(facts):
    f = facts("2026年3月2日，深圳證券交易所受理了鋒算科技的上市申請，公司擬募資58億元。")
    assert 5.8e9 in values_of(f, key_of(f, "鋒算"))


def test_a_ministry_saying_something_is_no_person(facts):
    f = facts("司法部稱，北辰微電子的兩名前員工已被起訴。")
    assert not any(e.cls == "Person" for e in f.entities.values()), [(e.names, e.cls) for e in f.entities.values()]


def test_a_discourse_phrase_before_a_verb_is_no_person(facts):
    f = facts("簡單來說，星曜半導體今年不會擴產。")
    assert not any(e.cls == "Person" for e in f.entities.values()), [(e.names, e.cls) for e in f.entities.values()]


def test_two_countries_before_a_common_word_are_no_name(facts):
    f = facts("這起案件觸及美中科技競逐的核心，北辰微電子股價應聲下跌。")
    assert not any("科技" in "".join(e.names) for e in f.entities.values()), [e.names for e in f.entities.values()]


def test_an_organisation_name_does_not_start_inside_a_word(facts):
    f = facts("作為國產動態隨機存取存儲器的龍頭，星曜半導體去年營收大增。")
    assert not any(any("動態" in n or "动态" in n for n in e.names) for e in f.entities.values()), \
        [(e.names, e.cls) for e in f.entities.values()]


def test_a_list_spelling_out_the_topic_is_linked_to_it(facts):
    f = facts("鋒算科技背後股東眾多，包括青嵐資本、北辰微電子、星曜半導體、瀚川智算以及多家地方基金。")
    lead = key_of(f, "鋒算")
    assert linked(f, lead, key_of(f, "青嵐")) and linked(f, lead, key_of(f, "瀚川"))


def test_a_countrys_name_before_government_is_its_government(facts):
    f = facts("受大陸政府扶植的北辰微電子擴產；越南當局也表態支持。")
    govs = {k: e for k, e in f.entities.items() if e.cls == "GovernmentAgency"}
    assert "china-government" in govs  # the reference data's 中國政府, under another spelling of China
    assert any("越南" in "".join(e.names) for e in govs.values())


def test_a_named_process_is_a_product_not_a_chip(facts):
    f = facts("北辰微電子採用自家的「N+2」工藝，並在台積電A16製程投片。")
    kinds = {n: e.cls for e in f.entities.values() for n in e.names}
    assert kinds.get("N+2") == "Product" and kinds.get("A16") == "Product", kinds


def test_a_known_agency_named_again_without_its_country_is_the_same(facts):
    f = facts("美國司法部週三起訴北辰微電子兩名前員工。司法部稱，兩人曾偽造出口文件。")
    agencies = [e for e in f.entities.values() if e.cls == "GovernmentAgency"]
    assert len(agencies) == 1 and len(agencies[0].mentions) == 2, [(e.key, e.names) for e in agencies]


def test_they_names_the_people_of_the_sentence_before(facts):
    f = facts("檢方起訴了林子恒與王雅婷。他們被控違反《晶片出口管制法》。")
    law = key_of(f, "晶片出口管制法")
    assert linked(f, key_of(f, "林子恒"), law) and linked(f, key_of(f, "王雅婷"), law)


def test_a_quoted_product_after_its_maker_is_the_makers(facts):
    f = facts("星曜半導體的「曜光7」晶片與北辰微電子的「N+2」工藝同時亮相。")
    rels = relations_of(f)
    assert (key_of(f, "曜光7"), "developer", key_of(f, "星曜")) in rels, rels
    assert (key_of(f, "N+2"), "developer", key_of(f, "北辰")) in rels, rels


def test_counts_in_chinese_numerals_ranks_and_spans_of_years(facts):
    f = facts("瀚川智算已完成兩輪融資，自研三款推理晶片，按出貨量計為全球第五、國內第二的廠商。")
    lead = key_of(f, "瀚川")
    assert {2.0, 3.0, 5.0} <= values_of(f, lead), values_of(f, lead)
    g = facts("青嵐資本承諾六年內不出售北辰微電子股份，違者最高可判處10年徒刑。")
    assert 6.0 in {float(st.amount.value) for st in g.statements if st.amount and st.amount.unit == "YEAR"}


def test_a_scale_word_alone_is_one_of_that_scale(facts):
    f = facts("鋒算科技估值超千億元，擁有兩座12英寸晶圓廠。")
    lead = key_of(f, "鋒算")
    assert {1e11, 2.0, 12.0} <= values_of(f, lead), values_of(f, lead)


def test_both_is_no_count(facts):
    f = facts("星曜半導體推出XG-720與XG-730，兩款晶片均由台積電代工。")
    assert not any(st.amount and st.amount.unit == "MODEL" for st in f.statements)


def test_a_bare_yuan_is_in_the_currency_named_last(facts):
    f = facts("北辰微電子2月營收新台幣120億元，累計前2月營收約250億元。")
    units = {float(st.amount.value): st.amount.unit for st in f.statements if st.amount}
    assert units.get(1.2e10) == "TWD" and units.get(2.5e10) == "TWD", units


def test_exaflops_and_a_protocol_that_is_no_organisation(facts):
    f = facts("瀚川智算發布新超節點，總算力達到8 EFLOPS，採用自研的星鏈互聯協議。")
    assert ("8", "EFLOPS") in {(st.amount.value, st.amount.unit) for st in f.statements if st.amount}
    assert not any("互聯" in n or "互联" in n for e in f.entities.values() for n in e.names)


def test_a_site_of_a_company_is_not_its_headquarters(facts):
    f = facts("北辰微電子位於合肥的新廠將於明年投產。")
    assert not any(r.property == "headquarters" for r in f.relations), [(r.subject, r.property, r.object) for r in f.relations]


def test_a_reporting_clause_lends_no_topic_to_a_typed_relation(facts):
    f = facts("青嵐資本分析師林子恒認為，北辰微電子的新廠明年投產，先進封裝產能也將倍增。")
    assert not any(r.property == "manufacturer" and r.object == key_of(f, "青嵐") for r in f.relations)


def test_weekdays_ages_and_sentences(facts):
    f = facts("新加坡警方週二表示，42歲的陳志明被控詐騙，若罪成最高可判監10年，涉案金額約3.9億新元。",
              published="2026-05-20")
    assert "2026-05-19" in {st.date.iso for st in f.statements if st.date}
    person = key_of(f, "陳志明")
    assert 42.0 in values_of(f, person)
    amounts = {(float(st.amount.value), st.amount.unit) for st in f.statements if st.amount}
    assert (10.0, "YEAR") in amounts and (3.9e8, "SGD") in amounts, amounts
    assert any(e.cls == "GovernmentAgency" and "警方" in "".join(e.names) for e in f.entities.values())


def test_a_chips_reference_parent_is_its_family(facts):
    f = facts("華為發布昇騰910C晶片，昇騰系列持續迭代。")
    assert not any(r.property == "parentOrganization" and f.entities[r.subject].cls in ("Chip", "ChipFamily")
                   for r in f.relations if r.subject in f.entities)


def test_a_lettered_model_after_a_known_family_is_the_familys(facts):
    f = facts("沐曦發布新一代訓練晶片曦雲C900，預計明年量產。")
    model = key_of(f, "C900")
    assert any(n.replace(" ", "").lower().startswith(("曦雲", "曦云")) for n in f.entities[model].names)
    assert any(r.subject == model and r.property == "partOfSeries" for r in f.relations)


def test_meeting_someone_is_no_summit(facts):
    f = facts("北辰微電子董事長上月與副總理何立峰會面。")
    assert not any(e.cls == "Event" for e in f.entities.values()), [e.names for e in f.entities.values()]


def test_an_age_in_brackets_is_no_other_name(facts):
    f = facts("星曜半導體前工程師陳志明（49歲）與林偉強（41歲）被控竊取機密，星曜半導體表示將配合調查。")
    assert not any(any(ch.isdigit() for n in e.names for ch in n) for e in f.entities.values() if e.cls == "Person")
    assert {49.0} <= {float(st.amount.value) for st in f.statements if st.amount}


def test_four_character_names_beside_a_title_and_dictionary_names(facts):
    f = facts("瀚川智算社長小池淳義在東京表示，新廠已投產。司馬懿表示同意。")
    people = {n for e in f.entities.values() if e.cls == "Person" for n in e.names}
    assert any(n in ("小池淳義", "小池淳义") for n in people), people
    assert any(n in ("司馬懿", "司马懿") for n in people), people


def test_a_figure_given_by_one_to_another_belongs_to_both(facts):
    f = facts("經濟產業省已累計向瀚川智算提供約1.7萬億日元補貼。")
    st = next(st for st in f.statements if st.amount and st.amount.unit == "JPY")
    assert {k for _, k in st.roles} >= {key_of(f, "瀚川")} and len({k for _, k in st.roles}) == 2, st.roles


def test_a_guidance_range_changes_and_company_metrics(facts):
    f = facts("鋒芯科技執行長林子恒表示，曜光9晶片出貨暢旺，預期第四季營收將介於1,380億至1,460億元，季增7.8%，每股純益15.9元。")
    lead = key_of(f, "鋒芯")
    assert {1.38e11, 1.46e11, 15.9} <= values_of(f, lead), values_of(f, lead)
    metrics = {st.amount.metric for st in f.statements if st.amount}
    assert {"revenue", "qoq-change", "eps"} <= metrics, metrics


def test_a_pointer_to_a_product_owns_the_sentences_specs(facts):
    f = facts("星曜半導體發布曜光超節點。該超節點由256顆曜光7晶片和64顆鋒芯CPU組成，總算力可達80 PFLOPS，功耗高達300千瓦。")
    node = key_of(f, "曜光超節點")
    assert {256.0, 64.0, 80.0, 300.0} <= values_of(f, node), values_of(f, node)


def test_a_launched_product_under_a_chinese_name(facts):
    f = facts("浪潮發布元腦伺服器，另一家公司則推出高端晶片與推理芯片。")
    names = {n for e in f.entities.values() if e.cls in ("Product", "Chip") for n in e.names}
    assert any(n.startswith("元腦") or n.startswith("元脑") for n in names), names
    assert not any("高端" in n or "推理" in n for n in names), names


def test_people_named_by_what_a_report_calls_them(facts):
    f = facts("〔記者洪雅婷／台中報導〕45歲的中國籍男子劉子翔與被告人賴明德被控詐欺。")
    people = {n for e in f.entities.values() if e.cls == "Person" for n in e.names}
    for name in ("洪雅婷", "劉子翔", "賴明德"):
        assert any(n in (name, __import__("kg.text", fromlist=["x"]).to_simplified(name)) for n in people), people
    assert 45.0 in values_of(f, key_of(f, "劉子翔"))


def test_a_model_of_a_known_family_is_its_own_chip(facts):
    f = facts("星曜半導體新款手機採用天璣9400晶片。")
    chip = f.entities[key_of(f, "天璣9400")]
    assert chip.cls == "Chip"
    assert any(r.subject == chip.key and r.property == "partOfSeries" for r in f.relations)


def test_a_quoted_product_name_keeps_its_model_and_kind(facts):
    f = facts("瀚川智算今天推出「天罡X7超節點」，該超節點由128顆曜光7晶片組成，總算力達40 PFLOPS。")
    node = key_of(f, "天罡X7超節點")
    assert f.entities[node].cls == "Product"
    assert {128.0, 40.0} <= values_of(f, node), values_of(f, node)


def test_a_figure_after_a_possessor_is_the_possessed_products(facts):
    f = facts("鋒芯科技的FX-9000系統集成72顆QX-7晶片，FP8算力為720 PFLOPS。")
    rack, maker, part = key_of(f, "FX-9000"), key_of(f, "鋒芯"), key_of(f, "QX-7")
    assert {72.0, 720.0} <= values_of(f, rack), values_of(f, rack)
    assert not {72.0, 720.0} & (values_of(f, maker) | values_of(f, part))


def test_a_ministry_named_by_its_ministers_title(facts):
    f = facts("據悉，新加坡貿易及工業部長林志偉週三表示，當局正在調查。")
    agencies = {n for e in f.entities.values() if e.cls == "GovernmentAgency" for n in e.names}
    assert any(n.endswith(("貿易及工業部", "贸易及工业部")) for n in agencies), agencies
    assert not any(n.endswith(("部長", "部长")) for n in agencies), agencies


def test_a_report_period_is_no_company_and_named_currencies(facts):
    f = facts("瀚川智算表示，報告期內公司研發投入達到3.2億元，另有涉案金額1.5億新加坡元。")
    assert not any("報告" in n or "报告" in n for e in f.entities.values() for n in e.names)
    units = {st.amount.unit for st in f.statements if st.amount}
    assert "SGD" in units, units


def test_an_outlets_bracketed_dateline_is_no_topic(facts):
    f = facts("【星島專訊】瀚川智算昨日表示，鋒芯科技的新廠投產。")
    outlet = [k for k, e in f.entities.items() if e.cls == "MediaOrganization"]
    lead = key_of(f, "瀚川")
    assert not any(linked(f, o, lead) for o in outlet)


def test_a_bare_ministry_after_a_foreign_one_in_taiwanese_news(facts):
    from kg.text import script_of
    f = facts("美國商務部發言人表示，商務部將依總統指示檢討瀚川智算的許可。")
    agencies = [k for k, e in f.entities.items() if e.cls == "GovernmentAgency"]
    if script_of(f.article.text) == "zh-Hant":  # 商務部 is the American ministry just named
        assert agencies == ["us-department-of-commerce"], agencies
    else:  # mainland news calls China's own ministry 商务部
        assert set(agencies) == {"us-department-of-commerce", "mofcom"}, agencies


def test_headcounts_durations_and_stock_codes(facts):
    f = facts("瀚川智算（688999.SH）與鋒芯科技（06188.HK）今天公告合併，瀚川智算全球員工約1.5萬人，新規設有90天的過渡期。")
    lead, other = key_of(f, "瀚川"), key_of(f, "鋒芯")
    assert {688999.0, 15000.0} <= values_of(f, lead), values_of(f, lead)
    assert 6188.0 in values_of(f, other) and 6188.0 not in values_of(f, lead)
    assert not any("688999" in n for e in f.entities.values() for n in e.names)
    units = {st.amount.unit for st in f.statements if st.amount}
    assert {"PERSON", "DAY", "ONE"} <= units, units


def test_people_counted_in_chinese_numerals_and_an_article_is_no_count(facts):
    f = facts("新加坡警方表示，三名男子涉嫌詐騙，另有一名男子在逃。")
    people = sorted(float(st.amount.value) for st in f.statements if st.amount and st.amount.unit == "PERSON")
    assert people == [3.0], people


def test_people_after_their_age_and_a_latin_company_name(facts):
    f = facts("兩人分別為28歲的耿子豪和30歲的賴明德，兩人經營的Orion Byte公司曾出口伺服器。")
    assert {28.0} <= values_of(f, key_of(f, "耿子豪")) and {30.0} <= values_of(f, key_of(f, "賴明德"))
    company = f.entities[key_of(f, "Orion Byte")]
    assert company.cls == "Company" and "Orion Byte" in company.names


def test_a_quarter_takes_the_year_its_sentence_stated(facts):
    f = facts("瀚川智算將在2027年第一季度推出曜光9，第四季度推出曜光10。", published="2026-09-19")
    quarters = {(st.date.iso, st.date.quarter) for st in f.statements if st.date and st.date.quarter}
    assert ("2027", 4) in quarters and ("2026", 4) not in quarters, quarters


def test_a_byline_reporter_is_not_linked_to_the_news(facts):
    f = facts("〔記者洪雅婷／新竹報導〕瀚川智算昨（9）日公布10月營收。", published="2026-11-10")
    reporter, lead = key_of(f, "洪雅婷"), key_of(f, "瀚川")
    assert not linked(f, reporter, lead)


def test_the_speaker_opens_the_clause_and_what_is_said_of_two_things_is_two_facts(facts):
    f = facts("鋒芯科技在向證券交易委員會提交的文件中表示，QX-90晶片已批量交付，今年以來公司與瀚川智算的合併仍在推進。")
    lead, sec, chip, other = key_of(f, "鋒芯"), key_of(f, "證券交易委員會"), key_of(f, "QX-90"), key_of(f, "瀚川")
    reports = [st for st in f.statements if st.kind == "report"]
    assert reports and all(dict(st.roles).get("agent", dict(st.roles).get("attributedTo")) == lead for st in reports)
    assert not any(sec in {k for _, k in st.roles} for st in reports)
    assert not any({chip, other} <= {k for _, k in st.roles} for st in reports)


def test_a_dateline_outlet_reports_nothing_in_particular(facts):
    f = facts("晶訊網11月18日消息，今天瀚川智算在北京推出曜光9。", published="2026-11-18")
    outlets = [k for k, e in f.entities.items() if e.cls == "MediaOrganization"]
    assert not any(st.kind == "report" for st in f.statements), [st.roles for st in f.statements]
    assert all(not linked(f, o, key_of(f, "瀚川")) for o in outlets)


def test_a_known_systems_model_alone_is_that_system(facts):
    f = facts("瀚川智算的曜光超節點算力是英偉達GB200 NVL72的1.7倍，功耗約為NVL72的3.9倍。")
    systems = [k for k, e in f.entities.items() if any("NVL72" in n for n in e.names)]
    assert systems == ["nvidia-gb200-nvl72"], systems


def test_figures_beside_a_technology_or_after_its_are_the_products_in_hand(facts):
    f = facts("鋒芯科技發布FX-9000系統。FX-9000的算力約為300 PFLOPS，HBM容量是對手的3.6倍。"
              "不過，其整機功耗高達559千瓦，約為對手的3.9倍。")
    rack = key_of(f, "FX-9000")
    assert {300.0, 3.6, 559.0, 3.9} <= values_of(f, rack), values_of(f, rack)
    assert not any("hbm" in {k for _, k in st.roles} for st in f.statements if st.kind == "Measurement")


def test_a_list_after_a_developer_keeps_a_known_models_own_maker(facts):
    f = facts("瀚川智算的雲服務支援瀚川QX-7、Kimi K2等大模型。")
    assert not any(r.subject == "kimi-k2" and r.property == "developer" and r.object != "moonshot" for r in f.relations)


def test_a_dateline_written_with_spaces_is_no_topic(facts):
    f = facts("晶訊網記者林子恒 台北 1月30日 瀚川智算 (688999-CN) 周四晚間公布業績，預計全年營收介於人民幣60億元至70億元。",
              published="2026-01-30")
    lead = key_of(f, "瀚川")
    assert {6e9, 7e9, 688999.0} <= values_of(f, lead), values_of(f, lead)
    outlets = [k for k, e in f.entities.items() if e.cls == "MediaOrganization"]
    assert all(not values_of(f, o) for o in outlets)


def test_plain_words_are_no_names_and_money_takes_no_spec_metric(facts):
    f = facts("根據市調機構晶訊研究最新報告，中國稀土產能約占全球的90%，歸屬母公司淨利潤為3億元，高頻寬記憶體市場規模達92億美元。")
    names = {n for e in f.entities.values() for n in e.names}
    assert not any(n in ("根據市", "根据市", "稀土", "歸屬母公司", "归属母公司") for n in names), names
    money = [st.amount for st in f.statements if st.amount and st.amount.unit == "USD"]
    assert money and all(a.metric != "memory-capacity" for a in money)


def test_a_news_agencys_dateline_is_no_source(facts):
    f = facts("新華社北京10月9日電 商務部9日發布公告，決定對稀土相關技術實施出口管制。", published="2026-10-10")
    assert not any(st.kind == "report" and any(f.entities[k].cls == "MediaOrganization" for _, k in st.roles
                                               if k in f.entities) for st in f.statements)


def test_a_clause_opening_with_its_verb_is_about_the_sentences_company(facts):
    f = facts("瀚川智算在深圳、蘇州和合肥的工廠已完成QX-9記憶體量產準備，將優先供應鋒芯科技的新平台。")
    assert linked(f, key_of(f, "瀚川"), key_of(f, "鋒芯"))


def test_an_announcing_company_is_the_topic_and_its_chief_is_its_own(facts):
    f = facts("美國晶片大廠鋒芯科技4日宣布，任命前瀚川智算資深副總經理林子恒為首席技術長，直接向執行長賴明德報告。")
    lead, old, hire, chief = key_of(f, "鋒芯"), key_of(f, "瀚川"), key_of(f, "林子恒"), key_of(f, "賴明德")
    assert linked(f, lead, hire)
    assert (lead, "chiefExecutiveOfficer", chief) in relations_of(f)
    assert not any(r.subject == old and r.property == "chiefExecutiveOfficer" for r in f.relations)


def test_a_bylines_place_is_no_headquarters_and_years_long(facts):
    f = facts("〔記者張家瑋／台北報導〕美國晶片大廠鋒芯科技表示，林子恒主導研發長達21年。")
    assert not any(r.property == "headquarters" for r in f.relations), f.relations
    assert 21.0 in {float(st.amount.value) for st in f.statements if st.amount}


def test_a_new_brand_before_a_model_and_a_models_suffix(facts):
    f = facts("瀚川雲發布搭載鋒芯科技星霜810E晶片的伺服器，支援通義千問Qwen3-Max模型。據介紹，星霜810E採用自研架構。")
    chips = {n for e in f.entities.values() if e.cls == "Chip" for n in e.names}
    assert chips == {"星霜810E"}, chips
    assert not any(n == "Max" for e in f.entities.values() for n in e.names)


def test_a_penalty_belongs_to_the_charge_and_everyone_charged(facts):
    f = facts("鋒芯科技前員工陳志明與林偉強涉嫌違反《出口管制改革法》，被控走私晶片。部長賴明德表示將嚴查。"
              "若罪名成立，每項控罪最高可判處20年徒刑。")
    st = next(st for st in f.statements if st.amount and float(st.amount.value) == 20.0)
    keys = {k for _, k in st.roles}
    assert {key_of(f, "陳志明"), key_of(f, "林偉強")} <= keys, keys
    assert key_of(f, "賴明德") not in keys
    assert any(f.entities[k].cls in ("Law", "Policy") for k in keys if k in f.entities), keys


def test_a_name_after_a_preposition_is_the_object_and_the_period_carries(facts):
    f = facts("日本經濟產業省11日宣布，將對晶片製造商瀚川智算追加提供1000億日圓補助，用於千歲市2奈米晶圓廠的量產準備。"
              "鋒芯科技公布2026財年第三季度財報。報告期內，公司實現營收57億美元。", published="2026-11-12")
    assert linked(f, key_of(f, "經濟產業省"), key_of(f, "瀚川"))
    assert not any("晶圓廠" in n or "晶圆厂" in n for e in f.entities.values() for n in e.names)
    st = next(st for st in f.statements if st.amount and st.amount.unit == "USD")
    assert st.date is not None and st.date.quarter == 3 and st.date.iso == "2026"


def test_a_places_branch_office_is_no_body_of_its_own(facts):
    f = facts("聯邦調查局洛杉磯辦公室主管表示，將持續打擊走私。")
    assert not any(n.endswith(("辦公室", "办公室")) for e in f.entities.values() for n in e.names)


def test_an_adverbial_clause_names_what_the_next_clause_acts_on(facts):
    f = facts("為維護網絡安全，依據《晶訊安全法》《晶訊數據法》有關規定，晶訊管理局約談了鋒芯科技和瀚川智算，"
              "要求其說明曜光9晶片的風險。")
    agency = key_of(f, "晶訊管理局")
    assert linked(f, agency, key_of(f, "晶訊安全法"))


def test_a_short_name_declared_is_no_speech(facts):
    f = facts("鋒芯科技股份有限公司（簡稱「鋒芯」）與瀚川智算共同設立基金。")
    assert not any(st.kind == "report" for st in f.statements)


def test_a_new_name_before_a_known_one_in_brackets_is_that_one(facts):
    f = facts("美國參議院以83票對17票通過《人工智慧國家安全保障法案》（GAIN AI Act），該法案由參議員班克斯（Jim Banks）提出。")
    policies = [k for k, e in f.entities.items() if e.cls in ("Policy", "Law")]
    people = [k for k, e in f.entities.items() if e.cls == "Person"]
    assert policies == ["gain-ai-act"] and people == ["jim-banks"], (policies, people)
    assert {83.0, 17.0} <= {float(st.amount.value) for st in f.statements if st.amount and st.amount.unit == "VOTE"}


def test_a_bare_stock_code_in_brackets_and_a_place_that_is_part_of_a_name(facts):
    f = facts("國產GPU企業鋒芯科技（06188）今日在港交所主板掛牌，基石投資者包括深圳國投等。")
    assert 6188.0 in values_of(f, key_of(f, "鋒芯"))
    names = {n for e in f.entities.values() for n in e.names}
    assert not any(n in ("國投", "国投") for n in names), names


def test_a_regions_share_one_clause_each(facts):
    f = facts("瀚川智算公布季報。執行長林子恒指出，受國內客戶加速本土化影響，來自中國區的收入占比達到86%，美國區占比為11%。")
    lead = key_of(f, "瀚川")
    by_place = {dict(st.roles).get("location"): float(st.amount.value) for st in f.statements
                if st.amount and dict(st.roles).get("subject") == lead and "location" in dict(st.roles)}
    assert by_place == {"china": 86.0, "usa": 11.0}, by_place


def test_a_sentence_range_and_no_reporter_among_the_accused(facts):
    f = facts("〔記者吳政峰／台北報導〕檢方27日依違反《晶訊安全法》起訴前員工陳力銘等3人，求處7年至14年有期徒刑。")
    terms = [st for st in f.statements if st.amount and st.amount.unit == "YEAR"]
    assert sorted(float(st.amount.value) for st in terms) == [7.0, 14.0]
    reporter = key_of(f, "吳政峰")
    assert all(reporter not in {k for _, k in st.roles} for st in terms)
    assert all(key_of(f, "陳力銘") in {k for _, k in st.roles} for st in terms)


def test_capital_spending_and_a_bare_yuan_after_dollars(facts):
    f = facts("瀚川智算表示，今年資本支出預估介於40億至42億美元，第4季每股純益為19.5元。")
    by_value = {float(st.amount.value): st.amount for st in f.statements if st.amount}
    assert by_value[4.2e9].metric == "capex" and by_value[4.2e9].unit == "USD"
    assert by_value[19.5].unit != "USD"


def test_a_known_persons_role_in_an_organisation_named_elsewhere(facts):
    f = facts("台積電今日公布營收，創同期新高。董事長魏哲家指出，明年需求依舊強勁。")
    rels = relations_of(f)
    assert ("tsmc", "chiefExecutiveOfficer", "c-c-wei") in rels and ("c-c-wei", "employer", "tsmc") in rels


def test_a_rank_among_holders_or_makers(facts):
    f = facts("鋒芯科技持有瀚川智算約20%股份，為第一大外部股東；瀚川智算是第二大晶圓代工廠。")
    ranks = sorted(float(st.amount.value) for st in f.statements if st.amount and st.amount.unit == "RANK")
    assert ranks == [1.0, 2.0], ranks


def test_a_system_named_after_its_model_carries_its_specs(facts):
    f = facts("星曜半導體在杭州發布Orion640超節點。該超節點集成640張加速卡，整機算力超過600 PFLOPS，"
              "卡間互聯帶寬為每秒3.2TB，分布在16個計算櫃中。與上一代產品相比，Orion640的能效比提升了30%。")
    node = key_of(f, "Orion640")
    assert f.entities[node].cls == "Product"
    specs = {(float(st.amount.value), st.amount.unit) for st in f.statements
             if st.amount and dict(st.roles).get("subject") == node}
    assert {(640.0, "CARD"), (600.0, "PFLOPS"), (3.2, "TB-PER-SEC"), (16.0, "ITEM"), (30.0, "PERCENT")} <= specs, specs


def test_a_family_model_before_a_system_word_is_the_system(facts):
    f = facts("瀚川智算展示了昇騰640超節點，總內存帶寬1.2 PB/s。")
    node = key_of(f, "640超")
    assert f.entities[node].cls == "Product"
    assert any(st.amount and st.amount.unit == "PB-PER-SEC" and dict(st.roles).get("subject") == node
               for st in f.statements)


def test_what_a_figure_is_compared_with_is_not_its_subject(facts):
    f = facts("鋒算科技的天罡集群最多可擴展至8萬顆晶片，相比星曜半導體的XR-200系統，算力高出2.1倍。")
    times = [st for st in f.statements if st.amount and st.amount.unit == "TIMES"]
    assert times and all(dict(st.roles)["subject"] != key_of(f, "XR-200") for st in times)
    assert all(dict(st.roles)["subject"] != key_of(f, "星曜") for st in times)


def test_a_design_adopted_is_no_design_house(facts):
    f = facts("星曜半導體表示，該伺服器採用單機櫃設計，功耗為120千瓦。")
    assert not any("機櫃" in n or "机柜" in n for e in f.entities.values() for n in e.names)


def test_a_year_end_keeps_the_year_it_names(facts):
    f = facts("截至2024年底，瀚川智算研發人員約1,650人。", published="2026-02-27")
    isos = {st.date.iso for st in f.statements if st.date}
    assert "2024" in isos and "2026" not in isos, isos


def test_the_outlet_before_its_reporter_in_a_bracketed_byline(facts):
    f = facts("（晶訊財經記者王柏翰／綜合報導）鋒算科技週四公布年報。")
    outlet, reporter = key_of(f, "晶訊財經"), key_of(f, "王柏翰")
    assert f.entities[outlet].cls == "MediaOrganization"
    assert any((r.subject, r.property, r.object) == (reporter, "employer", outlet) for r in f.relations)


def test_the_companys_officer_is_the_articles_companys(facts):
    f = facts("鋒算科技公布年報。鋒算科技營收成長兩倍，鋒算科技毛利率回升。公司董事長林子恒表示，明年將推出新晶片。")
    assert any((r.subject, r.property, r.object) == (key_of(f, "林子恒"), "employer", key_of(f, "鋒算"))
               for r in f.relations)


def test_a_company_introduced_by_its_name_a_court_and_a_ministry_of_two(facts):
    f = facts("兩名男子透過一家名為Vela Compute的公司訂購伺服器，昨日在檳城地方法院被控欺詐罪。"
              "馬來西亞投資貿易及工業部表示將加強審查。", published="2026-04-10")
    assert f.entities[key_of(f, "Vela Compute")].cls == "Company"
    assert f.entities[key_of(f, "地方法院")].cls == "GovernmentAgency"
    assert f.entities[key_of(f, "貿易及工業部")].cls == "GovernmentAgency"


def subject_of(f, value: float) -> set[str]:
    return {k for st in f.statements if st.amount and float(st.amount.value) == value for p, k in st.roles
            if p == "subject"}


def test_a_paragraph_naming_nothing_goes_on_about_the_company(facts):
    f = facts("瀚川智算昨日公布第4季營收為新台幣610億元，季增3.1%。\n\n以製程別觀察，28奈米製程營收占比達36%，"
              "40奈米占比14%。")
    lead = key_of(f, "瀚川")
    assert lead in subject_of(f, 36.0) and lead in subject_of(f, 14.0)


def test_the_company_of_a_results_sentence_named_before_it(facts):
    f = facts("4月17日晚間，鋒算科技發布年度報告。報告期內，公司實現營業收入148.2億元，同比增長61.3%。")
    assert key_of(f, "鋒算") in subject_of(f, 1.482e10)


def test_what_is_compared_opens_the_clause(facts):
    f = facts("分析師認為，QX-900的單卡算力約為H20的4.3倍；星曜半導體的XR-30售價不到XR-50的三分之一。")
    assert subject_of(f, 4.3) == {key_of(f, "QX-900")}
    assert key_of(f, "XR-30") in subject_of(f, round(1 / 3, 9))


def test_a_count_of_the_product_it_names_but_not_of_parts(facts):
    f = facts("瀚川智算將為鋒算科技提供1萬張QX-900加速卡。Orion384超節點由384顆XR-30晶片組成。")
    assert subject_of(f, 10000.0) == {key_of(f, "QX-900")}
    assert subject_of(f, 384.0) == {key_of(f, "Orion384")}


def test_a_firms_estimate_is_of_the_company(facts):
    f = facts("鋒算科技今年營收預計成長五成。鋒算科技正在上市。鋒算科技在杭州建廠。"
              "華辰證券給出的合理市值區間為900億元至1100億元。")
    assert subject_of(f, 9e10) == {key_of(f, "鋒算")}


def test_a_head_of_state_keeps_what_he_announces(facts):
    f = facts("鋒算科技營收成長。鋒算科技擴產。鋒算科技上市。美國總統川普8月曾揚言對進口晶片課徵約100%關稅。")
    assert "xinghe" not in subject_of(f, 100.0) and key_of(f, "鋒算") not in subject_of(f, 100.0)


def test_rules_read_the_folded_comma(facts):
    # the matching form folds full-width punctuation (，→,): a pattern that stops at a clause must
    # stop at both, or it reads across the comma (認為，QX-900… read as 為…)
    f = facts("華辰證券分析師劉思遠認為，QX-900的單卡算力約為H20的4.3倍。")
    comparisons = [st for st in f.statements if st.kind != "Measurement" and st.amount and st.amount.unit == "TIMES"]
    assert all(dict(st.roles).get("subject") == key_of(f, "QX-900") for st in comparisons), comparisons


def test_a_numbered_notice_and_the_day_it_takes_effect(facts):
    f = facts("商務部9日發布2026年第72號公告，決定對部分鎵鍺物項實施出口管制，公告自12月1日起正式實施。"
              "據海關統計，前三季度中國鎵出口量為1.2萬噸。", published="2026-10-10")
    notice = key_of(f, "第72號公告")
    assert f.entities[notice].cls == "Policy"
    assert any(st.date and st.date.iso == "2026-12-01" and notice in {k for _, k in st.roles} for st in f.statements)
    assert any(st.amount and st.amount.unit == "TONNE" and float(st.amount.value) == 12000 for st in f.statements)


def test_a_press_conference_launches_nothing(facts):
    f = facts("商務部新聞發言人何詠前在例行新聞發布會上表示，相關措施符合國際慣例。")
    assert not any(st.kind == "launch" for st in f.statements)


def test_a_subsidiary_described_is_no_name(facts):
    f = facts("瀚川智算公告，旗下AI晶片子公司鋒算科技已遞交上市申請，分拆後仍是瀚川智算的附屬公司。")
    names = {n for e in f.entities.values() for n in e.names}
    assert not any(n.endswith(("子公司", "附屬公司", "附属公司")) for n in names), names


def test_people_named_in_latin_letters(facts):
    f = facts("被告包括48歲的美國公民Daniel Brooks、伺服器公司前銷售主管王磊，以及新加坡籍商人Lim Kok Wee。"
              "三人被控違反《出口管制改革法》，最高可判處20年監禁。助理檢察官Sarah Miller表示，被告偽造了文件。"
              "Blackwell Ultra晶片與Nova Compute公司不是人。")
    people = {k for k, e in f.entities.items() if e.cls == "Person"}
    for name in ("Daniel Brooks", "王磊", "Lim Kok Wee", "Sarah Miller"):
        assert key_of(f, name) in people, name
    assert not any(n in ("Blackwell Ultra", "Nova Compute") for k in people for n in f.entities[k].names)
    term = [st for st in f.statements if st.amount and st.amount.unit == "YEAR" and float(st.amount.value) == 20]
    assert term and key_of(f, "Daniel Brooks") in {k for _, k in term[0].roles}


def test_an_investor_conference_says_nothing(facts):
    f = facts("晶圓代工廠星曜半導體昨（17）日召開法說會，董事長林子恒表示，蘋果將採用其2奈米製程。", published="2026-07-18")
    reports = [st for st in f.statements if st.kind == "report"]
    assert reports and all(dict(st.roles).get("agent") == key_of(f, "林子恒") for st in reports), reports


def test_a_plain_word_before_a_noun_suffix_is_no_company(facts):
    f = facts("瀚川智算的編程軟件支援主流框架，星河軟件則與長江存儲合作。")
    names = {n for e in f.entities.values() for n in e.names}
    assert not any(n in ("編程軟件", "编程软件") for n in names), names
    assert any(n in ("星河軟件", "星河软件") for n in names), names


def test_the_banks_that_bring_a_company_to_market(facts):
    f = facts("上海證券交易所官網更新受理信息：星曜半導體股份有限公司科創板上市申請獲受理，保薦機構為中金公司和中信建投。"
              "瀚川智算擬赴科創板上市，中信證券為獨家保薦人。")
    lead = key_of(f, "星曜半導體股份有限公司")
    assert f.entities[lead].cls == "Company"
    assert linked(f, key_of(f, "中金公司"), lead) and linked(f, key_of(f, "中信建投"), lead)
    assert linked(f, key_of(f, "中信證券"), key_of(f, "瀚川"))


def test_a_generic_end_after_no_stem_is_no_company(facts):
    f = facts("他們透過第三地空殼公司與一家半導體公司交易。")
    assert not any("公司" in n for e in f.entities.values() for n in e.names)


def test_a_number_in_two_scales_and_a_clause_going_on_about_the_grantee(facts):
    f = facts("日本經濟產業省1日宣布，將再向晶圓代工新創星曜半導體提供最多5,900億日圓補助，累計支援金額將達到1兆7,225億日圓。"
              "經濟產業大臣武藤容治表示，政府將持續支持。", published="2026-04-02")
    grantee = key_of(f, "星曜")
    assert subject_of(f, 1.7225e12) == {grantee}
    assert f.entities[key_of(f, "武藤容治")].cls == "Person"


def test_a_share_price_in_two_scales_a_stock_market_and_a_dated_report(facts):
    f = facts("南韓媒體《朝鮮日報》23日報導，星曜半導體HBM4已通過驗證。星曜半導體股價23日在首爾股市大漲4.8%，"
              "收在每股8萬4,500韓元。", published="2026-09-24")
    assert any(st.amount and st.amount.unit == "KRW" and float(st.amount.value) == 84500 for st in f.statements)
    names = {n for e in f.entities.values() for n in e.names}
    assert not any(n.startswith("23") or n.endswith(("股市",)) for n in names), names


def test_the_members_a_list_names_after_it(facts):
    f = facts("美國商務部12日公告，將23家中國實體列入「實體清單」。名單包括AI晶片設計公司曜芯科技、"
              "伺服器製造商鋒算科技的兩家子公司，以及北京一家國家級實驗室。", published="2026-09-13")
    listed = key_of(f, "實體清單")
    assert linked(f, key_of(f, "曜芯科技"), listed) and linked(f, key_of(f, "鋒算科技"), listed)
    names = {n for e in f.entities.values() for n in e.names}
    assert not any("製造商" in n or "制造商" in n or "實驗室" in n or "实验室" in n for n in names), names


def test_a_launched_chips_process_and_its_makers_rival(facts):
    f = facts("星曜半導體今日正式發布新一代訓練GPU曜光C700，採用國產7nm工藝製造，配備144GB HBM3e顯存。"
              "官方稱，其綜合性能約為英偉達H100的1.3倍。")
    chip = key_of(f, "C700")
    assert chip in subject_of(f, 7.0)
    assert subject_of(f, 1.3) == {chip}


def test_a_hong_kong_offering_its_sponsors_and_a_registered_name(facts):
    f = facts("國產GPU廠商星曜半導體今日起招股，每股招股價介乎18.8至20港元。星曜半導體引入基石投資者，"
              "包括上海國有資本投資有限公司。以招股價上限計，集資最多24億港元，聯席保薦人為中金公司及華泰國際。"
              "星曜半導體董事長蓋魯江表示，資金將用於研發。", published="2026-12-01")
    lead = key_of(f, "星曜")
    assert f.entities[key_of(f, "上海國有資本投資有限公司")].cls == "Company"
    assert linked(f, key_of(f, "中金公司"), lead)
    assert f.entities[key_of(f, "蓋魯江")].cls == "Person"
    assert not any("保薦人" in n or "保荐人" in n for e in f.entities.values() for n in e.names)


def test_terms_after_the_sentence_word_and_respectively(facts):
    f = facts("智慧財產及商業法院昨（27）日宣判，判處主嫌陳力銘有期徒刑10年，另兩名同案被告吳哲宏、劉冠廷分別判處6年及3年。"
              "瀚川智算表示，尊重法院判決。", published="2026-10-28")
    assert subject_of(f, 10.0) >= {key_of(f, "陳力銘")}
    assert subject_of(f, 6.0) == {key_of(f, "吳哲宏")} and subject_of(f, 3.0) == {key_of(f, "劉冠廷")}
    assert not any(n in ("尊重法院",) for e in f.entities.values() for n in e.names)


def test_next_years_capital_spending_is_no_company(facts):
    # 明年資本 read as a company once shared its offsets with the date 明年 and broke extraction
    f = facts("集邦分析師龔明德表示，美系雲端業者明年資本支出合計將突破6,000億美元，年增約30%。", published="2026-11-20")
    names = {n for e in f.entities.values() for n in e.names}
    assert not any(n.startswith(("明年", "美系")) for n in names), names
    assert any(st.amount and st.amount.metric == "capex" for st in f.statements)


def test_a_systems_gain_is_the_systems_and_a_technology_keeps_its_makers(facts):
    f = facts("星曜半導體還將推出Orion970超節點，總算力達到30 EFLOPS，相比上一代產品提升約4倍。"
              "星曜半導體的XR-30支援星曜半導體自研的高帶寬內存。")
    assert subject_of(f, 4.0) == {key_of(f, "Orion970")}
    assert not any(r.subject == "hbm" and r.property == "developer" for r in f.relations)


def test_a_bare_day_in_a_dated_paper_and_an_estimate_of_a_rule(facts):
    f = facts("荷蘭政府15日宣布，自4月1日起，相關設備出口須申請許可。星曜半導體回應稱，預估新規對營收的影響約在5%至10%之間。"
              "外貿大臣克萊佛（Reinette Klever）表示此舉基於安全考量。商務部發言人何亞東16日表示，中方堅決反對。",
              published="2026-01-16")
    isos = {st.date.iso for st in f.statements if st.date}
    assert "2026-01-16" in isos and "2026-04-16" not in isos, isos
    assert not any("新規" in n or "新规" in n for e in f.entities.values() for n in e.names)
    assert key_of(f, "星曜") in subject_of(f, 5.0)
    assert f.entities[key_of(f, "克萊佛")].cls == "Person"


def test_an_outlet_compares_nothing_and_counts_of_the_unnamed_go_nowhere(facts):
    f = facts("據路透社引述三名知情人士報道，星曜半導體已送樣一款新晶片，該晶片性能接近輝達H20。"
              "消息人士稱，新晶片配備96GB HBM記憶體，首批產能約10萬顆。")
    assert not any(st.kind == "comparison" and dict(st.roles).get("subject") == "reuters" for st in f.statements)
    assert not subject_of(f, 100000.0) & {"hbm"} and not subject_of(f, 3.0)


def test_a_quoted_rule_keeps_its_verbs_and_a_list_a_few_words_on(facts):
    f = facts("經濟部國際貿易署14日公告修正「戰略性高科技貨品輸出入管理辦法」，將星曜半導體及其海外子公司列入出口管制實體名單。",
              published="2026-06-15")
    rule = key_of(f, "戰略性高科技貨品輸出入管理辦法")
    assert f.entities[rule].cls == "Policy"
    assert any(st.kind == "listing-add" and key_of(f, "星曜") in {k for _, k in st.roles} for st in f.statements)


def test_a_bare_company_is_the_articles_and_a_rank_alone(facts):
    f = facts("星曜半導體考慮赴港上市。星曜半導體去年營收310億元。據Counterpoint數據，星曜半導體份額為6%，排名第四，"
              "僅次於三星、SK海力士及美光。公司董事長朱一明近日表示，星曜半導體已能量產HBM3。")
    lead = key_of(f, "星曜")
    assert any(st.amount and st.amount.unit == "RANK" and float(st.amount.value) == 4 for st in f.statements)
    chair = key_of(f, "朱一明")
    assert linked(f, chair, lead) and not linked(f, chair, key_of(f, "美光"))


def test_the_terms_a_bill_lays_down_are_the_bills(facts):
    f = facts("參議員湯姆·科頓當天提出《晶片追蹤法案》，要求晶片內置位置驗證。法案規定，主管機關須在法案生效後180天內制定細則，"
              "違規企業每次將被處以最高50萬美元罰款。")
    bill = key_of(f, "晶片追蹤法案")
    assert subject_of(f, 180.0) == {bill} and subject_of(f, 500000.0) == {bill}
    assert not any(n in ("法案規定", "法案规定") for e in f.entities.values() for n in e.names)


def test_nationalities_written_as_people_of_a_country(facts):
    f = facts("被告為41歲新加坡人陳志明、中國公民李明，以及馬來西亞人黃建國。")
    rels = relations_of(f)
    for name, country in (("陳志明", "singapore"), ("李明", "china"), ("黃建國", "malaysia")):
        assert (key_of(f, name), "citizenship", country) in rels, name


def test_the_start_of_the_year_its_sentence_stated(facts):
    f = facts("截至2025年末，鋒算科技存貨餘額為52.7億元，較年初增加31%。", published="2026-04-18")
    isos = {st.date.iso for st in f.statements if st.date}
    assert "2025" in isos and "2026" not in isos, isos


def test_a_bare_company_is_the_one_the_sentence_before_is_about_not_its_sponsors(facts):
    f = facts("鋒算科技向港交所遞交上市申請，聯席保薦人為青嵐證券和北辰資本。招股書顯示，"
              "公司去年營收約3.2億元，淨虧損收窄至1.1億元。", published="2026-02-10")
    firm = key_of(f, "鋒算")
    owners = {st.amount.value: dict(st.roles).get("subject") for st in f.statements if st.amount}
    assert owners.get("320000000") == firm and owners.get("110000000") == firm
    assert any(st.amount.metric == "net-loss" for st in f.statements if st.amount)


def test_flops_written_out_in_words(facts):
    f = facts("星曜半導體新平台的FP4推論效能達15 exaflops，單卡為20 petaflops。")
    units = {(st.amount.value, st.amount.unit) for st in f.statements if st.amount}
    assert {("15", "EFLOPS"), ("20", "PFLOPS")} <= units


def test_an_assistant_ministers_title_names_the_ministry_not_a_new_one(facts):
    f = facts("美國司法部2日起訴兩名男子。助理司法部長約翰·艾森伯格表示，將嚴懲晶片走私。")
    from kg.text import to_simplified
    assert not any("助理" in to_simplified(n) for e in f.entities.values() for n in e.names)
    assert linked(f, key_of(f, "艾森伯格"), key_of(f, "司法部"))


def test_a_plant_being_built_is_no_organisation(facts):
    f = facts("北辰微電子計畫在德州新建晶圓廠，並在蘇州擴建封裝廠。")
    from kg.text import to_simplified
    assert not any(to_simplified(n).startswith(("新建", "扩建")) for e in f.entities.values() for n in e.names)


def test_a_systems_name_stated_once_wins_over_a_guess_inside_it(facts):
    f = facts("瀚川智算發表「天樞512超節點」。執行長林子恒指出，天樞512超節點由512張HX-9組成，"
              "總算力達每秒300 PFLOPS。")
    system = key_of(f, "天樞512")
    owners = {st.amount.value: dict(st.roles).get("subject") for st in f.statements if st.amount}
    assert owners.get("300") == system
    assert not any(e.cls == "Place" for e in f.entities.values())


def test_who_is_bought_when_the_buyer_follows_a_preposition(facts):
    f = facts("監管機構依法對星曜半導體收購瀚川智算一案立案調查。")
    buy = next(st for st in f.statements if st.kind == "funding")
    assert dict(buy.roles).get("agent") == key_of(f, "星曜") and ("counterpart", key_of(f, "瀚川")) in buy.roles


def test_a_closing_price_per_share(facts):
    f = facts("北辰微電子股價當日下跌3.2%，收於每股88.5美元。")
    assert any(st.amount.value == "88.5" and st.amount.metric == "share-price" for st in f.statements if st.amount)


def test_a_known_familys_grade_is_a_new_chip_of_it(facts):
    f = facts("亞馬遜發表Trainium Max晶片，效能提升三成。")
    chip = key_of(f, "Trainium Max")
    assert f.entities[chip].cls == "Chip"
    assert any(r.subject == chip and r.property == "partOfSeries" for r in f.relations)


def test_the_names_among_those_put_on_a_list(facts):
    f = facts("美國商務部將12家實體列入實體清單，其中包括星曜半導體、瀚川智算等企業。")
    lst = key_of(f, "實體清單")
    assert linked(f, lst, key_of(f, "星曜")) and linked(f, lst, key_of(f, "瀚川"))
    assert not any(st.kind == "listing-add" and ("subject", key_of(f, "商務部")) in st.roles for st in f.statements)


def test_customers_are_linked_to_the_company_they_buy_from(facts):
    f = facts("鋒算科技發表新款推理晶片QX-9。該公司執行長林子恒表示，瀚川智算、北辰微電子都將是首批客戶。")
    seller = key_of(f, "鋒算")
    assert linked(f, seller, key_of(f, "瀚川")) and linked(f, seller, key_of(f, "北辰"))


def test_a_word_for_a_kind_of_firm_is_no_name(facts):
    f = facts("美國GPU設計商曜光科技今日掛牌上市，內地AI晶片設計商瀚海智芯也啟動招股。")
    from kg.text import to_simplified
    names = {to_simplified(n) for e in f.entities.values() for n in e.names}
    assert "曜光科技" in names
    assert not any("设计" in n or n.startswith("商") for n in names)


def test_customers_and_investors_a_company_lists(facts):
    f = facts("瀚海智芯今日起招股，基石投資者包括青嵐資本、北辰創投及星河基金。瀚海智芯表示，"
              "其主要客戶包括鋒算科技和曜光科技。")
    firm = key_of(f, "瀚海智芯")
    for other in ("青嵐", "北辰", "星河", "鋒算", "曜光"):
        assert linked(f, firm, key_of(f, other)), other


def test_a_word_inside_a_name_is_no_predicate(facts):
    f = facts("基石投資者包括北辰投資及新加坡政府投資公司，合共認購約4億美元股份。")
    assert not any(st.kind == "funding" and st.evidence.rule == "trigger-funding"
                   and {k for _, k in st.roles} == {key_of(f, "北辰"), key_of(f, "新加坡政府投資公司")}
                   for st in f.statements)


def test_a_person_named_by_surname_only_and_later_shorter(facts):
    f = facts("前工程師林姓男子被判處有期徒刑5年。檢方指出，林男離職後轉任瀚川智算，並帶走機密文件。")
    person = key_of(f, "林姓男子")
    assert f.entities[person].cls == "Person"
    assert any(r.subject == person and r.property == "employer" and r.object == key_of(f, "瀚川")
               for r in f.relations)


def test_research_spending_and_target_prices(facts):
    f = facts("報告期內，星曜半導體研發投入達8.9億元。青嵐證券將其目標價由每股120元上調至150元。")
    metrics = {st.amount.value: st.amount.metric for st in f.statements if st.amount}
    assert metrics.get("890000000") == "rd-expense" and metrics.get("120") == "target-price"


def test_every_reporter_of_a_dateline_and_a_hall_is_no_event(facts):
    f = facts("星河社北京3月5日電（記者張曉明、李雪）年會5日上午在人民大會堂開幕。")
    from kg.text import to_simplified
    people = {to_simplified(n) for e in f.entities.values() if e.cls == "Person" for n in e.names}
    assert {"张晓明", "李雪"} <= people
    assert not any(e.cls == "Event" and any("人民大会" in to_simplified(n) for n in e.names) for e in f.entities.values())


def test_a_transliterated_name_after_a_title(facts):
    f = facts("貿工部長扎夫魯表示，政府將依法採取行動。")
    person = key_of(f, "扎夫魯")
    assert f.entities[person].cls == "Person"


def test_a_pointer_names_the_product_or_rule_its_noun_says(facts):
    f = facts("星河科技發布推理模型Aurora-7。報告顯示，該模型在北辰微電子的QX-900叢集上完成訓練，"
              "訓練成本約為320萬美元。《晶片溯源法》獲眾議院通過。該法案由眾議員林子恒提出。")
    model = key_of(f, "Aurora-7")
    assert any(st.amount.value == "3200000" and dict(st.roles).get("subject") == model
               for st in f.statements if st.amount)
    assert linked(f, key_of(f, "晶片溯源法"), key_of(f, "林子恒"))


def test_names_taken_off_a_list_and_who_takes_them_off(facts):
    f = facts("美國商務部29日在聯邦公報發布通知，將星曜半導體的兩家子公司從實體清單中移除。")
    off = next(st for st in f.statements if st.kind == "listing-add")
    roles = dict(off.roles)
    assert roles.get("decision") == key_of(f, "實體清單") and roles.get("agent") == key_of(f, "商務部")
    assert ("subject", key_of(f, "星曜")) in off.roles


def test_a_divisions_head_who_leaves_to_run_another_company(facts):
    f = facts("星曜半導體宣布，執行副總裁兼數據中心事業部總經理林子恒將於月底離職，加盟瀚川智算擔任執行長。")
    person, old, new = key_of(f, "林子恒"), key_of(f, "星曜"), key_of(f, "瀚川")
    ceo = {(r.subject, r.object) for r in f.relations if r.property == "chiefExecutiveOfficer"}
    assert (new, person) in ceo and (old, person) not in ceo


def test_a_latin_company_after_the_kind_of_firm_it_is_and_a_court_by_its_seat(facts):
    f = facts("美國晶片設計公司Netlist週一在德州東區聯邦地方法院對星曜半導體提起專利侵權訴訟。")
    firm, court = key_of(f, "Netlist"), key_of(f, "聯邦地方法院")
    assert f.entities[firm].cls == "Company" and f.entities[court].cls == "GovernmentAgency"
    assert not any(e.cls == "AdministrativeRegion" and any("東區" in n or "东区" in n for n in e.names)
                   for e in f.entities.values())
    assert linked(f, firm, key_of(f, "星曜"))


def test_gigawatts_and_a_soaring_share(facts):
    f = facts("星曜半導體與瀚川智算簽訂協議，將供應總計6吉瓦的算力。星曜股價當日狂飆23.7%。")
    got = {(st.amount.value, st.amount.unit, st.amount.metric) for st in f.statements if st.amount}
    assert ("6", "GW", None) in {(v, u, None) for v, u, _ in got}
    assert ("23.7", "PERCENT", "price-change") in got


def test_who_makes_a_technology_is_the_texts_to_say(facts):
    f = facts("招股書顯示，北辰微電子自有DDR4產品已停止生產。星曜半導體今年開始生產HBM3E。")
    made = {(r.subject, r.object) for r in f.relations if r.property == "manufacturer"}
    assert (key_of(f, "DDR4"), key_of(f, "北辰")) in made and (key_of(f, "HBM3E"), key_of(f, "星曜")) in made
    assert not any(r.property == "developer" and r.subject == key_of(f, "HBM3E") and r.object == key_of(f, "星曜")
                   for r in f.relations)


def test_a_technologys_figure_in_a_clause_about_the_company_is_the_companys(facts):
    f = facts("星曜半導體宣布在蘇州新建一座封裝工廠。工廠建成後，公司HBM月產能將提升約30%。")
    assert any(st.amount.value == "30" and dict(st.roles).get("subject") == key_of(f, "星曜")
               for st in f.statements if st.amount)


def test_an_officers_title_opening_a_sentence_names_the_company_before(facts):
    f = facts("鋒算科技昨日公布財報，營收創新高。財務長林子恒指出，毛利率達52%。")
    assert any(r.subject == key_of(f, "林子恒") and r.property == "employer" and r.object == key_of(f, "鋒算")
               for r in f.relations)


def test_chips_adopting_a_node_are_made_by_the_foundry_named_with_it(facts):
    f = facts("晶宇半導體的3奈米製程去年量產。法人表示，鋒算科技的QX-900與瀚川智算的HX-90都將採用3奈米，"
              "曜光科技也是首批客戶之一。")
    foundry = key_of(f, "晶宇")
    made = {(r.subject, r.object) for r in f.relations if r.property == "manufacturer"}
    assert (key_of(f, "QX-900"), foundry) in made and (key_of(f, "HX-90"), foundry) in made
    assert linked(f, foundry, key_of(f, "曜光"))


def test_the_designer_is_not_the_maker_and_every_chip_of_a_list_is_made(facts):
    f = facts("鋒算科技的QX-900晶片由曜光科技設計、晶宇半導體生產。瀚川智算的HX-90與HX-100將交由晶宇半導體以3奈米製程代工。")
    made = {(r.subject, r.object) for r in f.relations if r.property == "manufacturer"}
    foundry = key_of(f, "晶宇")
    assert (key_of(f, "QX-900"), foundry) in made and (key_of(f, "QX-900"), key_of(f, "曜光")) not in made
    assert (key_of(f, "HX-90"), foundry) in made and (key_of(f, "HX-100"), foundry) in made


def test_a_latin_name_before_the_word_for_a_chip(facts):
    f = facts("曜光科技的Aldebaran伺服器處理器將於明年上市。")
    chip = key_of(f, "Aldebaran")
    assert f.entities[chip].cls == "Chip"
    assert any(r.subject == chip and r.property == "developer" and r.object == key_of(f, "曜光") for r in f.relations)


def test_an_architecture_owns_no_specs_a_pointer_names_the_system(facts):
    f = facts("曜光科技首次展出「天樞640超節點」。據介紹，該超節點基於AFAS架構，整機算力可達每秒50 EFLOPS，記憶體容量為96TB。")
    system = key_of(f, "天樞640")
    owners = {st.amount.value: dict(st.roles).get("subject") for st in f.statements if st.amount}
    assert owners.get("50") == system and owners.get("96") == system


def test_what_a_chip_is_compared_with_owns_none_of_its_figures(facts):
    f = facts("星曜半導體披露，公司新一代晶片QX-900已完成流片，較上一代QX-800算力提升約4倍，採用7奈米工藝，"
              "功耗為400W。截至6月30日，公司在手訂單金額超過45億元。")
    new, firm = key_of(f, "QX-900"), key_of(f, "星曜")
    owners = {st.amount.value: dict(st.roles).get("subject") for st in f.statements if st.amount}
    assert owners.get("4") == new and owners.get("400") == new and owners.get("7") == new
    assert owners.get("4500000000") == firm


def test_customers_listed_before_and_a_firms_estimate_of_the_company(facts):
    f = facts("〔記者林宜萱／新竹報導〕晶宇半導體3奈米持續擴產，供應鏈透露，鋒算科技、瀚川智算等大客戶都已下單。"
              "市調機構青嵐研究預估，晶宇半導體3奈米今年營收將突破300億美元，占公司整體營收比重逾15%。")
    foundry = key_of(f, "晶宇")
    assert linked(f, foundry, key_of(f, "鋒算")) and linked(f, foundry, key_of(f, "瀚川"))
    assert any(st.amount.value == "15" and dict(st.roles).get("subject") == foundry for st in f.statements if st.amount)
    reporter = key_of(f, "林宜萱")
    assert not any(st.kind == "report" and dict(st.roles).get("agent") == reporter for st in f.statements)


def test_a_court_named_法庭_and_a_false_claim_is_no_speech(facts):
    f = facts("三名男子今日在國家法庭被控詐騙罪，涉嫌向曜光科技謊稱設備將在新加坡使用。")
    court = key_of(f, "國家法庭")
    assert f.entities[court].cls == "GovernmentAgency"
    assert not any(st.kind == "report" and dict(st.roles).get("agent") == key_of(f, "曜光") for st in f.statements)


def test_a_controlling_shareholder_owns_the_company(facts):
    f = facts("招股書顯示，星曜半導體的控股股東為青嵐投資有限公司。")
    owned = {(r.subject, r.object) for r in f.relations if r.property == "ownedBy"}
    assert (key_of(f, "星曜"), key_of(f, "青嵐")) in owned and (key_of(f, "青嵐"), key_of(f, "星曜")) not in owned


def test_a_day_of_this_or_last_month(facts):
    f = facts("星曜半導體本月12日發布新晶片，瀚川智算則於上月20日公布財報。", published="2026-03-15")
    dates = {st.date.iso for st in f.statements if st.date}
    assert {"2026-03-12", "2026-02-20"} <= dates


def test_a_sum_led_by_its_currency_in_dollars_called_美金(facts):
    f = facts("星曜半導體去年營收美金1.2億元。")
    assert any(st.amount.value == "120000000" and st.amount.unit == "USD" for st in f.statements if st.amount)


def test_a_translator_signs_a_wire_story_and_a_ticker_names_no_country(facts):
    f = facts("鉅亨網編譯陳文華 綜合外電\n星曜半導體（STAR-US）週三公布財報，營收年增12%。")
    translator = key_of(f, "陳文華")
    assert (translator, "employer", "cnyes") in relations_of(f)
    assert not any(e.cls == "Country" for e in f.entities.values())


def test_a_title_or_a_place_describes_the_name_right_after_it(facts):
    f = facts("國家法庭同日下令暫停星曜半導體創辦人林子恒的董事職務。美國的瀚川集團旗下晶片製造商鋒算科技今日停牌。")
    founder, court = key_of(f, "林子恒"), key_of(f, "國家法庭")
    rels = relations_of(f)
    assert (key_of(f, "星曜"), "foundedBy", founder) in rels
    assert not any({r.subject, r.object} == {court, founder} for r in f.relations)
    unit, parent = key_of(f, "鋒算"), key_of(f, "瀚川")
    assert (unit, "parentOrganization", parent) in rels
    assert not any(r.subject == unit and r.property == "country" for r in f.relations)


def test_a_ministry_of_portfolios_listed_with_a_comma_and_its_ministers_full_name(facts):
    f = facts("馬來西亞投資、貿易及工業部今日宣布新規。投資、貿易及工業部長東姑扎夫魯說，新規即日生效。")
    ministries = [e for e in f.entities.values() if e.cls == "GovernmentAgency"]
    assert len(ministries) == 1 and any("投資、貿易及工業部" in n or "投资、贸易及工业部" in n for n in ministries[0].names)
    minister = key_of(f, "東姑扎夫魯")
    assert linked(f, minister, next(k for k, e in f.entities.items() if e is ministries[0]))


def test_a_transliterated_name_joined_by_full_width_stops_is_one_person(facts):
    f = facts("星曜半導體由財務長米雪兒．強斯頓．霍索斯暫代執行長。")
    people = [e for e in f.entities.values() if e.cls == "Person"]
    assert len(people) == 1
    assert linked(f, key_of(f, "霍索斯"), key_of(f, "星曜"))


def test_an_ipo_sponsor_named_in_a_sentence_of_its_own(facts):
    f = facts("鋒算科技今日在科創板掛牌上市。本次IPO保薦機構為青嵐證券。")
    assert linked(f, key_of(f, "青嵐證券"), key_of(f, "鋒算"))


def test_an_outlets_undated_dateline_is_no_part_of_the_news(facts):
    f = facts("證券時報網訊，4月27日晚間，星曜半導體發布第一季報告。", published="2026-04-28")
    assert not linked(f, "securities-times", key_of(f, "星曜"))


def test_a_known_chip_and_its_developer_named_in_different_sentences_are_linked(facts):
    f = facts("華為今天公布未來三年的晶片路線圖。昇騰950DT將於明年第四季上市，記憶體容量提升至144GB。")
    assert ("huawei-ascend-950dt", "developer", "huawei") in relations_of(f)


def test_an_engineer_of_a_company_works_for_it_even_a_former_one(facts):
    f = facts("檢方起訴前星曜半導體工程師陳姓男子，並指瀚川智算前工程師林子恒協助翻拍資料。")
    rels = relations_of(f)
    assert (key_of(f, "陳姓男子"), "employer", key_of(f, "星曜")) in rels
    assert (key_of(f, "林子恒"), "employer", key_of(f, "瀚川")) in rels


def test_members_named_after_其中包括_are_listed_by_who_listed_them(facts):
    f = facts("美國商務部工業與安全局週四宣布，將12家中國實體列入「實體清單」，其中包括曜芯科技旗下3家子公司以及鋒算科技。")
    members = [st for st in f.statements if st.kind == "listing-add" and key_of(f, "鋒算") in {k for _, k in st.roles}]
    assert members and all(dict(st.roles).get("agent") == "bis" for st in members)


def test_ages_in_brackets_belong_to_the_names_they_follow(facts):
    f = facts("控方指出，新加坡公民黃文傑（48歲）、李志明（52歲）以及男子陳浩（39歲），在2024年向曜光科技和"
              "瀚川智算購買伺服器時，謊稱設備將在新加坡使用。")
    ages = {dict(st.roles).get("subject"): st.amount.value for st in f.statements if st.amount and st.amount.metric == "age"}
    assert ages == {key_of(f, "黃文傑"): "48", key_of(f, "李志明"): "52", key_of(f, "陳浩"): "39"}
    # the sellers follow 向 in a clause that opens with its time: neither is the buyer
    seller, other = key_of(f, "曜光"), key_of(f, "瀚川")
    assert linked(f, key_of(f, "黃文傑"), seller)
    assert not any(dict(st.roles).get("agent") == seller and other in {k for _, k in st.roles} for st in f.statements)


def test_a_system_of_counted_parts_owns_its_figures_not_what_it_is_compared_with(facts):
    f = facts("QX-900超節點由384顆QX-9晶片和192顆QX-C處理器組成，總算力達300 PFLOPS，是XG-720的1.7倍。"
              "不過，該系統功耗約559千瓦。")
    system = key_of(f, "QX-900")
    owners = {st.amount.value: dict(st.roles).get("subject") for st in f.statements if st.amount}
    assert owners.get("192") == system and owners.get("559") == system and owners.get("300") == system
    compared = [st for st in f.statements if st.kind == "comparison"]
    assert compared and all(dict(st.roles).get("subject") == system for st in compared)


def test_a_product_named_by_its_owner_and_one_character_stays_whole(facts):
    f = facts("華為雲今天宣布，新一代AI雲服務已全面上線。")
    names = {n for e in f.entities.values() for n in e.names}
    assert "華為雲" in names or "华为云" in names
    assert "huawei" in f.entities and not any(n in ("雲", "云") for n in names)


def test_a_sentence_naming_nothing_reports_the_figures_of_the_company_before_it(facts):
    f = facts("8月7日晚間，星曜半導體發布第二季財報。二季度銷售收入為22.09億美元，環比下降1.7%；毛利率為20.4%。",
              published="2025-08-08")
    firm = key_of(f, "星曜")
    owners = {st.amount.value: dict(st.roles).get("subject") for st in f.statements if st.amount}
    assert owners.get("2209000000") == firm and owners.get("1.7") == firm and owners.get("20.4") == firm


def test_a_dated_dateline_in_round_brackets_speaks_for_no_one(facts):
    f = facts("（中央社華盛頓16日綜合外電報導）星曜半導體今天在提交給瀚川智算的文件中表示，鋒算科技已通知公司。",
              published="2025-04-17")
    reports = [st for st in f.statements if st.kind == "report"]
    assert reports and all(dict(st.roles).get("agent") == key_of(f, "星曜") for st in reports)
    assert not linked(f, "cna-taiwan", key_of(f, "瀚川"))


def test_a_founder_who_chairs_the_company_founded_it_and_works_for_it(facts):
    f = facts("瀚川智算創始人、董事長張文此前表示，公司首款晶片將由晶宇半導體代工。")
    rels = relations_of(f)
    founder, firm = key_of(f, "張文"), key_of(f, "瀚川")
    assert (firm, "foundedBy", founder) in rels and (founder, "employer", firm) in rels


def test_a_count_written_in_two_scales(facts):
    f = facts("青嵐投資將以每股20.47美元買入星曜半導體4億3330萬股普通股。")
    assert any(st.amount.value == "433300000" for st in f.statements if st.amount)


def test_a_bare_公司_after_a_sentence_naming_another_company_late_is_the_earlier_ones(facts):
    f = facts("瀚川智算成立於2020年，創始人陳維良曾在曜光科技任職近二十年。公司主要產品包括QX-900和QX-700。")
    firm, other, chip = key_of(f, "瀚川"), key_of(f, "曜光"), key_of(f, "QX-900")
    assert linked(f, firm, chip) and not linked(f, other, chip)


def test_a_company_by_its_part_in_a_merger_and_a_bill_of_the_same_name_are_no_names(facts):
    f = facts("交易完成後，瀚川智算將終止上市，星曜半導體作為存續公司。參議員科頓此前已在參議院提出同名法案。")
    names = {n for e in f.entities.values() for n in e.names}
    assert not any(n in ("存續公司", "存续公司", "同名法案") for n in names)


def test_a_dotted_name_runs_to_its_romanised_form(facts):
    f = facts("美國眾議員比爾·赫伊曾加（Bill Huizenga）5月15日提出新法案。")
    people = [e for e in f.entities.values() if e.cls == "Person"]
    assert len(people) == 1 and any("赫伊曾加" in n for n in people[0].names)


def test_a_quoted_list_however_long_and_no_reporter_lists_or_speaks(facts):
    f = facts("（中央社記者曾智怡台北15日電）經濟部國際貿易署今天公告，將曜芯科技與鋒算科技等60家實體列入"
              "「戰略性高科技貨品出口實體管制名單」。", published="2025-06-15")
    lst = key_of(f, "管制名單")
    assert f.entities[lst].cls == "Policy"
    assert not any(e.cls == "Company" and any("高科技" in n for n in e.names) for e in f.entities.values())
    reporter = key_of(f, "曾智怡")
    added = [st for st in f.statements if st.kind == "listing-add"]
    assert added and all(dict(st.roles).get("agent") != reporter for st in added)
    assert any(dict(st.roles).get("agent") == "taiwan-trade-administration" for st in added)
    assert not any(st.kind == "report" and dict(st.roles).get("agent") == reporter for st in f.statements)


def test_customers_listed_before_等_and_any_short_qualifier(facts):
    f = facts("星曜半導體今天公布財報。執行長林子恒表示，QX-900已打入鋒算科技、瀚川智算等外部客戶。")
    firm = key_of(f, "星曜")
    assert any(st.kind == "customer" and {firm, key_of(f, "鋒算")} <= {k for _, k in st.roles} for st in f.statements)


def test_a_founder_who_is_also_the_chief_executive(facts):
    f = facts("星曜半導體創始人、董事長兼首席執行官戴偉民在業績說明會上透露，新晶片已進入量產。")
    rels = relations_of(f)
    firm, chief = key_of(f, "星曜"), key_of(f, "戴偉民")
    assert (firm, "foundedBy", chief) in rels and (firm, "chiefExecutiveOfficer", chief) in rels


def test_kinds_of_chip_in_latin_letters_are_no_product_names(facts):
    f = facts("星曜半導體為某國際網路巨頭設計的AI ASIC晶片已進入量產階段。")
    assert not any(e.cls in ("Product", "Chip") for e in f.entities.values())


def test_a_government_plan_in_title_marks_is_a_policy(facts):
    f = facts("大會期間，合肥市發布《合肥市加快推動算力基礎設施高質量發展實施方案》。")
    assert any(e.cls == "Policy" and any("實施方案" in n or "实施方案" in n for n in e.names) for e in f.entities.values())


def test_a_partnership_named_as_the_largest_shareholder_owns_the_company(facts):
    f = facts("星曜半導體無控股股東，第一大股東為合肥清輝集電企業管理合夥企業（有限合夥），持股比例21.67%。")
    owner = key_of(f, "清輝集電")
    assert all("清輝集電" in n or "清辉集电" in n for n in f.entities[owner].names)  # （有限合夥） is no other name
    assert (key_of(f, "星曜"), "ownedBy", owner) in relations_of(f)


def test_a_product_coming_to_market_is_no_company_listing(facts):
    f = facts("星曜半導體還預告了QX-960超節點，將於2027年第四季上市。鋒算科技則將於明年在科創板上市。")
    listed = {dict(st.roles).get("subject") for st in f.statements if st.kind == "listing"}
    assert key_of(f, "星曜") not in listed and key_of(f, "鋒算") in listed


def test_a_companys_products_listed_after_its_name_are_its_own(facts):
    f = facts("晶宇存儲是國內規模最大的記憶體廠商，產品涵蓋DDR5、LPDDR5X等。")
    rels = relations_of(f)
    maker = key_of(f, "晶宇")
    assert ("ddr5", "manufacturer", maker) in rels and ("lpddr5x", "manufacturer", maker) in rels


def test_people_named_after_their_nationality_and_a_counted_group_of_one_nationality(facts):
    f = facts("被告分別為住在加州的中國籍王立群、以及2名新加坡籍男子，定居裕廊的陳國強與住在兀蘭的林志遠。")
    rels = relations_of(f)
    assert (key_of(f, "王立群"), "citizenship", "china") in rels
    assert (key_of(f, "陳國強"), "citizenship", "singapore") in rels
    assert (key_of(f, "林志遠"), "citizenship", "singapore") in rels


def test_a_places_country_is_said_by_naming_it_beside_the_place(facts):
    f = facts("住在加州的林姓男子，以及2名美國籍嫌疑人遭到起訴。瀚川智算在美國德州設廠。")
    rels = relations_of(f)
    assert ("california", "country", "usa") not in rels
    assert ("texas", "country", "usa") in rels


def test_people_joined_by_與_each_with_where_they_live(facts):
    f = facts("涉案4人分別為住在德州的中國籍王立群、住在紐約州的李某，另有定居佛州的何漢寧與住在阿拉巴馬州的雷蒙德。")
    assert not linked(f, key_of(f, "雷蒙德"), "florida") and not linked(f, key_of(f, "何漢寧"), "alabama")
    assert linked(f, key_of(f, "雷蒙德"), "alabama") and linked(f, key_of(f, "李某"), "new-york-state")
    assert not linked(f, key_of(f, "李某"), "texas")


def test_a_plant_is_no_organisation_and_international_export_controls_are_no_names(facts):
    f = facts("美光執行長梅羅特拉表示，廣島廠將強化公司地位。貿易署表示，此舉是為配合國際出口管制規範。")
    names = {n: e.cls for e in f.entities.values() for n in e.names}
    assert not any(n in ("國際出口管制", "国际出口管制") for n in names)
    assert all(names[n] == "Place" for n in ("廣島廠", "广岛厂") if n in names)   # a plant (kg.nlp.facilities)


def test_an_official_notice_however_long_its_title_is_a_policy(facts):
    f = facts("監管部門認定，星曜半導體違反《國家監管局關於附加限制性條件批准星曜半導體收購瀚川智算股權案審查決定的公告》。")
    assert any(e.cls == "Policy" and any(n.endswith("決定的公告") or n.endswith("决定的公告") for n in e.names)
               for e in f.entities.values())


def test_who_a_chip_is_made_for_is_not_its_maker(facts):
    f = facts("晶宇半導體將在德州新廠為瀚川智算生產新一代QX-9晶片。")
    rels = relations_of(f)
    chip = key_of(f, "QX-9")
    assert (chip, "manufacturer", key_of(f, "瀚川")) not in rels


def test_a_known_company_with_a_corporate_word_after_it_is_named_whole(facts):
    f = facts("本次聯席保薦人為中金公司和海通國際。")
    assert any("海通國際" in e.names or "海通国际" in e.names for e in f.entities.values())
    assert not any(e.names <= {"海通"} for e in f.entities.values())


def test_a_company_named_with_its_stock_code_and_a_sum_after_its_currency(facts):
    f = facts("星曜半導體昨日公布營收為新台幣1兆460億元。同業創意（3443）10月營收則年增62%。今年（2025）營收成長。",
              published="2025-11-11")
    assert any("創意" in e.names or "创意" in e.names for e in f.entities.values() if e.cls == "Company")
    assert not any("今年" in n for e in f.entities.values() for n in e.names)
    assert any(st.amount.value == "1046000000000" and st.amount.unit == "TWD" for st in f.statements if st.amount)


def test_phones_in_shops_are_no_listing_and_a_commissions_chair_works_for_it(facts):
    f = facts("瀚川智算與鋒算科技將首批搭載該晶片，相關新機預計10月上市。國科會主委吳誠文則指出，政府將租用部分算力。")
    assert not any(st.kind == "listing" for st in f.statements)
    assert ("wu-cheng-wen", "employer", "nstc") in relations_of(f)


def test_a_title_before_a_name_makes_no_town_nor_part_of_a_dotted_name(facts):
    f = facts("投資、貿易及工業部副部長劉鎮東表示將依法嚴懲。星曜半導體任命前曜光科技總經理韋恩．哈里斯為副總裁。")
    assert not any(e.cls in ("City", "AdministrativeRegion") for e in f.entities.values())
    assert any("劉鎮東" in e.names or "刘镇东" in e.names for e in f.entities.values() if e.cls == "Person")
    assert any(n.startswith(("韋恩", "韦恩")) for e in f.entities.values() if e.cls == "Person" for n in e.names)


def test_chips_that_all_adopt_a_foundrys_node_are_made_by_it(facts):
    f = facts("供應鏈指出，曜芯A20與M6處理器、聯發科天璣9600、高通Snapdragon 8 Elite Gen 6均採用晶宇半導體2奈米。"
              "英特爾則預計將部分Nova Lake運算晶片交由晶宇半導體2奈米生產。")
    foundry = key_of(f, "晶宇")
    made = {r.subject for r in f.relations if r.property == "manufacturer" and r.object == foundry}
    for name in ("M6", "天璣9600", "Gen 6", "Nova Lake"):
        assert key_of(f, name) in made, name
    assert f.entities[key_of(f, "M6")].cls == "Chip"
    assert ("qualcomm-snapdragon" in {r.object for r in f.relations if r.property == "partOfSeries"})


def test_a_funding_round_led_by_latin_named_investors_and_no_kind_of_firm_as_a_name(facts):
    f = facts("據彭博社報導，美國AI晶片初創公司Zentrix Systems於10月3日撤回上市申請。就在幾天前，該公司剛完成11億美元的"
              "G輪融資，由Fidelity Management & Research Company和Atreides Management領投。")
    names = {n for e in f.entities.values() for n in e.names}
    assert not any("初創公司" in n or "初创公司" in n for n in names)
    firm, lead = key_of(f, "Zentrix"), key_of(f, "Atreides Management")
    rounds = [st for st in f.statements if st.kind == "funding"]
    assert any(dict(st.roles).get("counterpart") == firm and ("agent", lead) in st.roles for st in rounds)


def test_a_listing_early_next_year_and_an_outlets_dateline_is_no_topic(facts):
    f = facts("【晶訊日報專訊】國產GPU企業星曜半導體昨日起招股，集資最多48.6億港元，預計1月2日在港交所主板掛牌。"
              "基石投資者合共認購約12.4億港元股份。", published="2025-12-23")
    listed = [st for st in f.statements if st.kind == "listing"]
    assert listed and all(dict(st.roles).get("subject") == key_of(f, "星曜") for st in listed)
    assert "2026-01-02" in {st.date.iso for st in f.statements if st.date}
    assert not any("港元" in n for e in f.entities.values() for n in e.names)


def test_a_date_early_in_last_year_stays_in_it_and_one_late_in_last_year_goes_back(facts):
    f = facts("在截至1月26日的財年，星曜半導體營收達170億美元。瀚川智算則於12月5日發布新晶片。", published="2026-03-01")
    dates = {st.date.iso for st in f.statements if st.date}
    assert "2026-01-26" in dates and "2025-12-05" in dates and "2026-12-05" not in dates


def test_a_minister_whose_verb_follows_an_adverb_and_a_chip_developed_by_a_firm(facts):
    f = facts("（布城13日訊）政府將推出首款AI晶片「MARS1000」，由本地公司SkyeChip開發。數碼部長哥賓星也指出，該晶片將用於邊緣計算。")
    assert not any(e.cls == "MediaOrganization" for e in f.entities.values())
    assert any(n in ("哥賓星", "哥宾星") for e in f.entities.values() if e.cls == "Person" for n in e.names)
    rels = relations_of(f)
    assert (key_of(f, "MARS1000"), "developer", key_of(f, "SkyeChip")) in rels


def test_a_firm_named_after_由_before_設計_is_the_designer_not_a_design_house(facts):
    f = facts("星曜的新晶片QX-9由瀚川智算設計、晶宇半導體生產。")
    names = {n for e in f.entities.values() for n in e.names}
    assert not any(n.endswith(("設計", "设计")) for n in names)
    assert (key_of(f, "QX-9"), "developer", key_of(f, "瀚川")) in relations_of(f)


def test_an_appointee_works_for_who_appoints_them(facts):
    f = facts("星曜半導體5日宣布，任命前曜光科技資料中心事業群總經理韋恩．哈里斯（Wayne Harris）為資深副總裁。")
    rels = relations_of(f)
    assert (key_of(f, "哈里斯"), "employer", key_of(f, "星曜")) in rels


def test_a_ministry_that_speaks_of_an_investment_is_not_invested_in(facts):
    f = facts("經濟部長回應，晶宇半導體已在美國大規模投資，預料可獲得豁免。")
    assert not any(st.kind == "funding" and key_of(f, "經濟部") in {k for _, k in st.roles} for st in f.statements)


def test_figures_listed_after_分別_take_the_years_listed_before_it(facts):
    f = facts("在業績方面，2022-2024年以及2025年前三季度，星曜半導體營業收入分別為9010萬元、3.01億元、7.22億元及5.4億元，"
              "2022-2024年複合增長率為183.15%。", published="2025-12-01")
    years = {st.amount.value: st.date.iso for st in f.statements if st.amount and st.date}
    assert years.get("90100000") == "2022" and years.get("301000000") == "2023"
    assert years.get("722000000") == "2024" and years.get("540000000") == "2025"


def test_a_list_opening_the_sentence_is_the_subject_of_the_clauses_after_it(facts):
    """北辰銀行、星曜銀行和晴川銀行也公告，…，向大基金三期出資: each bank puts money into the fund (P127);
    向X出資, 注資 and 增資 are investments as 投資 is. 跟 (with) joins no subject."""
    f = facts("北辰銀行、星曜銀行和晴川銀行也先後公告，近日簽署發起人協議，向大基金三期出資215億元。")
    banks = {key_of(f, n) for n in ("北辰銀行", "星曜銀行", "晴川銀行")}
    owners = {r.object for r in f.relations if r.subject == "big-fund-iii" and r.property == "ownedBy"}
    assert owners == banks, owners
    g = facts("星曜半導體跟北辰銀行商量後，向晴川科技注資5億元。")
    owners = {r.object for r in g.relations if r.subject == key_of(g, "晴川科技") and r.property == "ownedBy"}
    assert owners == {key_of(g, "星曜半導體")}, owners


def test_a_kind_word_opening_a_clause_points_to_the_body_named_before_that_ends_with_it(facts):
    """上海三大先導產業母基金…。這些母基金得到了…支持: 母基金 is the fund named before (and 本平台 inside
    國有資本平台 is no pointer to another)."""
    f = facts("上海三大先導產業母基金今日成立，總規模達1000億元。這些母基金得到了北辰投資發展有限公司、"
              "晴川信託有限公司等國有資本平台的支持。")
    fund = key_of(f, "先導產業母基金")
    assert linked(f, fund, key_of(f, "北辰投資發展")) and linked(f, fund, key_of(f, "晴川信託")), f.statements



def test_an_investment_naming_no_company_it_goes_to_is_in_the_company_the_article_is_about(facts):
    """富士通亦新投資200億日圓, 投資210億日圓的軟銀與索尼成為最大股東: the article's company is owned in
    part by them; money put into plants or places, or only planned, owns none of it."""
    f = facts("北辰半導體預定2027年量產。北辰半導體的工廠已啟動。投資北辰半導體的企業增至32家。"
              "投資210億日圓的晴川集團與星曜電子成為最大股東。富士通亦新投資200億日圓。")
    north = key_of(f, "北辰半導體")
    owners = {r.object for r in f.relations if r.subject == north and r.property == "ownedBy"}
    assert owners == {key_of(f, "晴川集團"), key_of(f, "星曜電子"), key_of(f, "富士通")}, owners
    g = facts("北辰半導體預定2027年量產。北辰半導體的工廠已啟動。北辰半導體股價大漲。"
              "晴川集團今年投資50億元擴建新廠，星曜電子擬投資30億元。")
    assert not any(r.property == "ownedBy" and r.subject == key_of(g, "北辰半導體") for r in g.relations), g.relations


@pytest.mark.parametrize("sentence", ["認購方晴川創投為星曜集團旗下公司。", "晴川創投是星曜集團控制的企業。",
                                      "晴川創投為星曜集團的全資子公司，主營晶片投資。"])
def test_a_firm_said_to_be_another_firms_is_its_subsidiary(facts, sentence):
    f = facts(sentence)
    assert (key_of(f, "晴川創投"), "parentOrganization", key_of(f, "星曜集團")) in relations_of(f), relations_of(f)


def test_a_chair_held_now_in_a_career_is_the_firms_chairperson(facts):
    f = facts("林子恒出生於1986年，曾任星曜科技董事長，現任北辰科技董事長兼總經理。")
    lin, north, star = key_of(f, "林子恒"), key_of(f, "北辰科技"), key_of(f, "星曜科技")
    rels = relations_of(f)
    assert {(lin, "employer", north), (north, "chairperson", lin), (lin, "employer", star)} <= rels, rels
    assert (star, "chairperson", lin) not in rels   # 曾任: a chair held once
