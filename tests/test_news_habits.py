"""Habits of real news, found by reading the extractor's output on real articles outside the
development set and rewritten here as sentences of our own (invented companies and people). Words
that look like names are no entities: a known short name inside a word of the field, a country's
short name before a collective noun, a title before a word for people, a time word or a plain word
before 公司, a corporate suffix that is a word of a longer noun, a phrase the tagger calls an
organisation, a place naming a time zone. Bylines, ranges, figures listed after 分別, founders by
title alone. Each test runs as written and converted to the other script."""
from __future__ import annotations

import re

import pytest

from kg.text import to_simplified
from test_frames import key_of, linked, relations_of


def employees_of(f, org: str) -> set[str]:
    """The keys of the people the extraction says org employs."""
    return {r.subject for r in f.relations if r.property == "employer" and r.object == org}


def names_of_entity(e) -> set[str]:
    return {to_simplified(n) for n in e.names}


def names_of(f, cls: str | None = None) -> set[str]:
    return {to_simplified(n) for e in f.entities.values() if cls is None or e.cls == cls for n in e.names}


def test_a_known_short_name_inside_words_of_the_field_is_no_mention(facts):
    f = facts("星曜半導體推出新一代算力晶片，效能提升三成。")  # 力晶 (a foundry's short name) in 算力|晶片
    assert not any("力晶" == n for n in names_of(f))
    assert "星曜半导体" in names_of(f, "Company")


def test_a_country_short_name_before_media_is_no_person(facts):
    f = facts("韓媒指出，北辰微電子上季營收創下新高。")
    assert not names_of(f, "Person")
    assert "北辰微电子" in names_of(f, "Company")


def test_a_title_before_a_word_for_people_is_no_name(facts):
    f = facts("包括多名產業專家和前官員在內的團體，日前致函瀚川智算董事長林子恒。")
    assert names_of(f, "Person") == {"林子恒"}


@pytest.mark.parametrize("sentence, phrase", [
    ("鋒算科技掛牌上市首日公司股價大漲三倍。", "首日公司"),
    ("星曜半導體的營收數據無疑展現公司轉型成功。", "展现公司"),
    ("青嵐資本指出，星曜半導體是韓國頂尖科技企業之一。", "顶尖科技"),
    ("全球儲存半導體短缺推升價格，北辰微電子受惠。", "储存半导体"),
    ("瀚川智算獲得業界最具代表性的旗艦公司支持。", "旗舰公司"),
    ("北辰科技將全力搶攻下一波半導體成長循環。", "下一波"),
])
def test_a_plain_word_before_a_corporate_word_is_no_company(facts, sentence, phrase):
    f = facts(sentence)
    assert not any(phrase in n for n in names_of(f, "Company")), names_of(f, "Company")
    assert names_of(f, "Company")  # the firm the sentence does name is still found


def test_a_phrase_the_tagger_calls_an_organisation_is_none(facts):
    f = facts("星曜半導體看好中國資料中心的需求，也關注國安審查。")
    assert names_of(f) - {"星曜半导体", "中国"} == set(), names_of(f)


def test_a_short_name_declared_with_下稱_is_the_short_name_alone(facts):
    f = facts("藍鯨航天空間科技股份有限公司（下稱「藍鯨航天」）的上市申請已獲受理，藍鯨航天擬募資30億元。")
    names = names_of(f, "Company")
    assert "蓝鲸航天" in names and not any("下称" in n for n in names), names


def test_a_country_before_a_plain_word_is_no_organisation(facts):
    f = facts("這場由對中鷹派與安全倡議者對上星曜半導體的遊說戰，至今未歇。")
    assert names_of(f) == {"星曜半导体"}, names_of(f)


def test_an_adverb_after_a_list_of_names_is_no_part_of_the_last_name(facts):
    f = facts("瀚川智算的工程師李明哲、周文均曾在星曜半導體任職。")
    assert not any(n.endswith("均") for n in names_of(f, "Person")), names_of(f, "Person")


def test_founders_by_title_alone_founded_the_company_in_question(facts):
    f = facts("星曜半導體成立於2020年，專注推理晶片。創始人兼執行長張振華曾任鋒算科技中國區總經理，"
              "聯合創始人李明哲也在鋒算科技工作過。")
    firm, former = key_of(f, "星曜"), key_of(f, "鋒算")
    ceo, co = key_of(f, "張振華"), key_of(f, "李明哲")
    rels = relations_of(f)
    assert (firm, "chiefExecutiveOfficer", ceo) in rels and (firm, "foundedBy", ceo) in rels
    assert (firm, "foundedBy", co) in rels
    assert not any(r.subject == former and r.property == "foundedBy" for r in f.relations)


def test_a_counted_range_gives_both_bounds_and_枚_counts_chips(facts):
    f = facts("鋒算科技的XG720晶片庫存從現有60萬至70萬顆增加，每家客戶的上限設在7.5萬枚。")
    values = {(str(st.amount.value), st.amount.unit) for st in f.statements if st.amount}
    assert {("600000", "PIECE"), ("700000", "PIECE"), ("75000", "PIECE")} <= values, values


def test_a_count_before_公司_is_no_company(facts):
    f = facts("2025年有3到5家公司在科創板上市，星曜半導體是其中之一。")
    assert names_of(f, "Company") == {"星曜半导体"}, names_of(f, "Company")


def test_a_brand_and_code_before_a_plant_word_is_a_plant_not_a_chip(facts):
    f = facts("美光A5新廠將於明年完工，屆時產能倍增。")
    assert not names_of(f, "Chip"), names_of(f, "Chip")


def test_a_ticker_market_suffix_after_a_name_in_brackets_is_no_country(facts):
    f = facts("星曜半導體（Xingyao Semiconductor, XYS-US）週三公布財報，營收年增57%。")
    assert not names_of(f, "Country"), names_of(f, "Country")


def test_a_known_agency_under_its_country_name_is_that_agency(facts):
    f = facts("中國國家互聯網信息辦公室7月31日約談星曜半導體，要求說明晶片的安全風險。")
    assert "cac" in f.entities and not any(e.cls == "GovernmentAgency" and not e.known for e in f.entities.values())
    assert linked(f, "cac", key_of(f, "星曜"))


def test_a_known_name_across_the_edge_of_a_persons_name_is_no_mention(facts):
    f = facts("從股權結構來看，張振華為實際控制人，直接持股36.36%。")  # 張振|華為|實際
    assert "huawei" not in f.entities
    assert "张振华" in names_of(f, "Person")


def test_figures_after_分別_go_to_the_names_listed_in_the_clause_before(facts):
    f = facts("青嵐資本、紅杉資本、北辰創投等股東，持股占比分別為4.89%、4.78%、2.12%。")
    owner = {str(st.amount.value): {k for _, k in st.roles} for st in f.statements if st.amount}
    assert owner["4.89"] == {key_of(f, "青嵐")} and owner["4.78"] == {key_of(f, "紅杉")}
    assert owner["2.12"] == {key_of(f, "北辰")}


def test_a_country_opening_a_new_company_name_is_its_own_mention(facts):
    f = facts("美國星曜半導體公司今日宣布裁員一成。")
    assert names_of(f, "Company") == {"星曜半导体公司"} and "usa" in f.entities


def test_a_university_short_name_before_a_corporate_word_names_a_company(facts):
    f = facts("涉及晶片生產的上海復旦微電子集團也被列入名單。")
    assert "fudan" not in f.entities
    assert any("复旦微电子" in n for n in names_of(f, "Company")), names_of(f, "Company")


def test_a_place_naming_a_time_zone_is_no_mention_of_the_place(facts):
    f = facts("北京時間3月2日凌晨，星曜半導體宣布完成新一輪融資。")
    assert "beijing" not in f.entities


def test_a_known_act_under_its_country_name_is_that_act(facts):
    f = facts("星曜半導體已獲批20億美元的《美國晶片與科學法案》補助。")
    assert not any(e.cls in ("Policy", "Law") and not e.known for e in f.entities.values())


def test_a_known_act_written_with_a_space_before_its_chinese_is_that_act(facts):
    f = facts("國會曾試圖把《GAIN AI 法案》納入國防法案，星曜半導體則稱《GAIN AI法案》過於嚴苛。")
    acts = [e for e in f.entities.values() if e.cls in ("Policy", "Law")]
    assert acts and all(e.known for e in acts), [(sorted(e.names), e.known) for e in acts]


def test_reporters_listed_with_spaces_and_an_interns_title_all_work_for_the_outlet(facts):
    f = facts("晨光晚報網3月8日訊（記者 范曉林 薄雲峰 實習生 潘伊笑）3月5日，星曜半導體在科創板上市。")
    people = {k for k, e in f.entities.items() if e.cls == "Person"}
    assert len(people) == 3, names_of(f, "Person")
    outlet = key_of(f, "晨光晚報")
    assert employees_of(f, outlet) == people


def test_figures_after_分別_take_the_fiscal_years_of_a_range_written_with_年度(facts):
    f = facts("根據招股書，2022年度～2024年度及2025年前三季度，星曜半導體營業收入分別為9010.38萬元、3.01億元、"
              "7.22億元和5.40億元。", published="2026-01-26")
    years = {str(st.amount.value): st.date.iso for st in f.statements if st.amount and st.date}
    assert years == {"90103800": "2022", "301000000": "2023", "722000000": "2024", "540000000": "2025"}, years


def test_stakes_named_without_the_company_are_stakes_in_the_company_the_article_is_about(facts):
    f = facts("星曜半導體今日在科創板上市。星曜半導體成立於2020年。星曜半導體創始人張振華表示將擴產。"
              "從股權結構來看，張振華為實際控制人，直接持股36.36%，青嵐資本、北辰創投等股東，"
              "持股占比分別為4.89%、2.12%。")
    firm = key_of(f, "星曜")
    holders = {str(st.amount.value): {k for _, k in st.roles} for st in f.statements if st.amount}
    assert holders["36.36"] == {key_of(f, "張振華"), firm}
    assert holders["4.89"] == {key_of(f, "青嵐"), firm} and holders["2.12"] == {key_of(f, "北辰"), firm}


def test_an_outlet_before_記者_opening_a_byline_line_employs_its_reporters(facts):
    f = facts("晨經記者 孫汝祥 夏欣 北京報道\n星曜半導體科創板上市申請已獲受理。")
    outlet = key_of(f, "晨經")
    assert f.entities[outlet].cls == "MediaOrganization"
    assert employees_of(f, outlet) == \
        {key_of(f, "孫汝祥"), key_of(f, "夏欣")}


def test_a_capitalised_word_after_an_acronym_is_no_chip_of_its_own(facts):
    f = facts("企業級固態硬碟銷售比重增加，帶動星曜半導體整體NAND Flash晶片事業復甦。")
    assert not names_of(f, "Chip"), names_of(f, "Chip")


def test_a_registered_name_with_its_seat_in_brackets_is_one_company(facts):
    f = facts("美國商務部將吉存半導體科技（上海）公司列入實體清單，因其為中芯國際（北京）公司取得設備。")
    names = names_of(f, "Company")
    assert "吉存半导体科技(上海)公司" in {n.replace("（", "(").replace("）", ")") for n in names}, names
    sub = next(k for k, e in f.entities.items() if any("北京" in n for n in e.names) and e.cls == "Company")
    assert any(r.subject == sub and r.property == "parentOrganization" and r.object == "smic" for r in f.relations)


def test_a_rule_whose_name_holds_a_verb_is_named_whole(facts):
    f = facts("星曜半導體執行長強調，新法案甚至比晶片擴散法案更不利於業界。")
    assert "晶片扩散法案" in names_of(f, "Policy") | names_of(f, "Law"), names_of(f)


@pytest.mark.parametrize("sentence, phrase, cls", [
    ("法人展望後市，看好星曜半導體伺服器市佔持續提升。", "后市", "City"),
    ("法人看好星曜半導體伺服器市佔持續提升。", "器市", "City"),
    ("北辰微電子主管親自赴廠區督軍，加快星曜半導體的量產。", "厂区", "AdministrativeRegion"),
    ("鋒算科技規劃興建10座半導體工廠，首座採用12奈米半導體製程。", "半导体", "Company"),
    ("分析指出，這突顯半導體封裝測試製程的重要性，星曜半導體將受惠。", "突显", "Company"),
    ("星曜半導體分別與一家香港物流公司和一家休士頓公司簽約。", "物流公司", "Company"),
    ("星曜半導體擁有集成電路布圖設計專有權，鋒算科技則主攻低功耗處理器設計。", "设计", "Company"),
    ("鋒算科技的非易失性存儲裝置專利被星曜半導體起訴。", "存储", "Company"),
    ("SiP是將多顆半導體晶片整合於同一封裝內的技術，星曜半導體已量產。", "多颗", "Company"),
    ("新版本將由北辰微電子負責後段設計，星曜半導體負責前段。", "后段", "Company"),
    ("美國政府放寬對星曜半導體（US.XYS）晶片出口的監管。", "US", "Country"),
    ("北辰微電子以約24億美元收購Alphawave Semi公司。", "Semi", "ResearchInstitute"),
])
def test_phrases_of_a_trade_and_codes_are_no_names(facts, sentence, phrase, cls):
    f = facts(sentence)
    assert not any(phrase.lower() in n.lower() for n in names_of(f, cls)), names_of(f, cls)


def test_an_english_plural_of_a_known_model_is_that_model(facts):
    f = facts("涉案晶片型號包括H100s、H200s和星曜半導體的XG720。")
    assert {"nvidia-h100", "nvidia-h200"} <= set(f.entities), sorted(f.entities)


def test_a_minister_of_the_other_side_names_no_ministry(facts):
    f = facts("星曜半導體所在國的經濟部長表示，自己將於近日與中方主管部長會晤。")
    assert not any("主管部" in n for n in names_of(f)), names_of(f)


def test_buying_a_companys_plant_is_no_ownership_of_the_company_nor_its_seat(facts):
    f = facts("北辰微電子宣布將以18億美元現金收購星曜半導體位於苗栗的P5晶圓廠。")
    buyer, seller = key_of(f, "北辰"), key_of(f, "星曜")
    assert not any(r.property in ("ownedBy", "headquarters") for r in f.relations), f.relations
    assert linked(f, buyer, seller)


def test_他_names_the_person_named_last_in_the_paragraph(facts):
    f = facts("林子恒出生於檳城，在新加坡長大。之後，他前往北辰大學攻讀碩士，隨後加入星曜半導體。")
    person = key_of(f, "林子恒")
    assert linked(f, person, key_of(f, "北辰大學"))


def test_a_sentence_asked_as_a_range_gives_both_bounds(facts):
    f = facts("檢方對星曜半導體前員工林子恒求處有期徒刑7至14年。")
    years = {str(st.amount.value) for st in f.statements if st.amount and st.amount.unit == "YEAR"}
    assert {"7", "14"} <= years, years


def test_a_reporter_after_記者_and_a_colon(facts):
    f = facts("每經記者：王晶 每經編輯：文多\n星曜半導體宣布推出XG720晶片。")
    assert "王晶" in names_of(f, "Person")


def test_a_deal_that_failed_owns_nothing(facts):
    f = facts("2018年北辰微電子收購星曜半導體的案例，因未獲批准而夭折。")
    assert not any(r.property == "ownedBy" for r in f.relations)
    assert linked(f, key_of(f, "北辰"), key_of(f, "星曜"))


def test_a_shareholder_named_after_持股_holds_the_company(facts):
    f = facts("星曜半導體公告稱，公司持股5%以上的股東青嵐資本有限公司與北辰微電子簽署協議。")
    firm, holder = key_of(f, "星曜"), key_of(f, "青嵐")
    owned = {(r.subject, r.object) for r in f.relations if r.property == "ownedBy"}
    assert (firm, holder) in owned and (holder, firm) not in owned


def test_an_analysts_expected_figure_is_the_companys_not_the_outlets(facts):
    f = facts("星曜半導體表示，第四季訂單金額達132億歐元，遠高於彭博分析師預期的68.5億歐元。")
    owner = {str(st.amount.value): {k for _, k in st.roles} for st in f.statements if st.amount}
    assert owner["6850000000"] == {key_of(f, "星曜")}, owner


def test_a_maker_with_its_name_in_brackets_before_its_chip_develops_it(facts):
    f = facts("同時，北辰微電子（Beichen）功能相近的XG720晶片也將併入配額計算。")
    chip, firm = key_of(f, "XG720"), key_of(f, "北辰")
    assert any(r.subject == chip and r.property == "developer" and r.object == firm for r in f.relations)


def test_two_countries_short_names_and_a_quoted_phrase_are_no_names(facts):
    f = facts("外界憂心，中荷衝突恐擴大為供應鏈危機；星曜半導體的技術已跨過「可做出晶片」門檻。")
    assert names_of(f) == {"星曜半导体"}, names_of(f)


def test_a_registered_name_keeps_its_country(facts):
    f = facts("股東包括中國青嵐銀行股份有限公司（6.25%）等19位股東。")
    assert "中国青岚银行股份有限公司" in names_of(f, "Company"), names_of(f)


def test_a_figure_tagged_with_a_model_in_brackets_is_that_models(facts):
    f = facts("星曜存儲稱北辰科技的96層（B27A）、128層（B37R）和232層（B58R）系列快閃記憶體晶片侵犯其專利。")
    owner = {str(st.amount.value): {k for _, k in st.roles} for st in f.statements if st.amount}
    assert owner["96"] == {key_of(f, "B27A")} and owner["232"] == {key_of(f, "B58R")}, owner


def test_a_joint_general_manager_by_title_alone_works_for_the_company_in_question(facts):
    f = facts("星曜半導體今日召開法說會。星曜半導體第三季營收創高。星曜半導體預估明年成長。"
              "共同總經理王大明表示，第三季出貨成長。")
    assert any(r.property == "employer" and r.object == key_of(f, "星曜") for r in f.relations)


def test_many_states_is_no_place(facts):
    f = facts("鴻海已在美國多州擴大投資，星曜半導體也在各州設廠。")
    assert not any(n in ("多州", "各州") for n in names_of(f)), names_of(f)


def test_what_a_clause_of_time_or_cause_names_is_the_circumstance_of_the_next(facts):
    f = facts("北辰經貿論壇召開之際，星曜半導體宣布在合肥擴產。")
    assert linked(f, key_of(f, "北辰經貿論壇"), key_of(f, "星曜"))
    f = facts("由於無法取得荷蘭北辰微電子的極紫外光微影設備，星曜半導體以較舊設備生產7奈米晶片。")
    assert linked(f, key_of(f, "北辰"), key_of(f, "星曜"))


def test_a_dateline_reporting_live_names_no_paper(facts):
    f = facts("記者林子恒／台北即時報導\n北辰微電子今日宣布擴產，本報即時報導指出訂單穩定。")
    assert not names_of(f, "MediaOrganization"), names_of(f, "MediaOrganization")
    assert "林子恒" in names_of(f, "Person") and "北辰微电子" in names_of(f, "Company")


def test_a_latin_name_in_brackets_after_a_firm_is_the_firm(facts):
    f = facts("星曜半導體與洛桑科技（Lausanne Tech）簽署合作協議，軟銀旗下的青嵐基金（Qinglan Fund）也參與投資。")
    assert not names_of(f, "Person"), names_of(f, "Person")
    firm = next(e for e in f.entities.values() if "洛桑科技" in {to_simplified(n) for n in e.names})
    assert "Lausanne Tech" in firm.names


def test_a_known_body_under_another_name_of_its_country_is_that_body(facts):
    f = facts("對此，大陸外交部回應稱，中方堅決反對美方的出口管制。")
    assert "china-mfa" in f.entities, sorted(f.entities)


@pytest.mark.parametrize("sentence, phrase", [
    ("星曜半導體在美國設有3間辦公室，員工約500人。", "办公室"),
    ("北辰微電子台灣區業務經理林子恒表示，訂單穩定。", "台湾区"),
    ("曜芯科技的招股價區間為每股10至12元。", "招股价区"),
    ("商務部根據出口管制法等法律法規有關規定，決定對曜芯科技實施管制。", "有关规定"),
    ("星曜半導體董事長表示，相信今年會非常具有挑戰。", "今年会"),
    ("星曜半導體號稱「改變遊戲規則」的新晶片將於明年量產。", "游戏规则"),
    ("他是負責管理晶片法案預算的官員，曾任職於北辰微電子。", "管理晶片法案"),
    ("軟銀的願景基金持有星曜半導體股份。", "半导体股份"),
    ("大馬是全球第6大半導體出口國，星曜半導體在此設廠。", "第6大"),
    ("逾千名半導體工程師在北辰微電子的新廠工作。", "千名"),
    ("星曜半導體執行長將在下週峰會上與總理會面。", "下周峰会"),
    ("北辰微電子除提供免租全裝辦公室外，也提供設計工具。", "办公室"),
    ("曜芯科技的董事長糾正大眾對設計園區的認知誤區。", "误区"),
])
def test_a_count_an_area_a_phrase_or_shares_are_no_names(facts, sentence, phrase):
    f = facts(sentence)
    assert not any(phrase in n for n in names_of(f)), names_of(f)
    assert names_of(f)  # what the sentence does name is still found


@pytest.mark.parametrize("sentence, phrase", [
    ("黃仁勳昨天下午來台，直接拜會他的大恩人台積電創辦人張忠謀。", "大恩"),
    ("黃仁勳在搭機離台前，還將拜會北辰微電子董事長周文均。", "台前"),
    ("基石投資者包括青嵐基金、芯鑫控股及明山資本，合共18名基石投資者。", "合共"),
    ("星曜半導體完成HBM4開發，這是業界的新里程碑。", "里程碑"),
    ("若出貨超過20萬枚，則需東道國政府介入審查。", "东道国"),
    ("北辰微電子早已被美列實體清單，向其運送設備須申請許可。", "美列"),
    ("汽車行業與先進製造領域的需求強勁，星曜半導體訂單增加。", "行业"),
    ("汽車行業與先進製造領域的需求強勁，星曜半導體訂單增加。", "先进制造"),
])
def test_words_the_tagger_calls_names_are_none(facts, sentence, phrase):
    f = facts(sentence)
    assert not any(phrase in n for n in names_of(f)), names_of(f)


def test_a_meeting_named_after_two_leaders_is_an_event(facts):
    f = facts("川習會後，中國持續放寬對美國的出口限制。")
    assert not any("习会" in n for n in names_of(f, "Organization"))
    assert any("习会" in n for n in names_of(f, "Event")), names_of(f)


def test_buying_common_shares_is_an_investment_in_the_company(facts):
    f = facts("星曜半導體今日宣布斥資50億美元購入北辰微電子普通股，雙方將共同開發伺服器。")
    buyer, target = key_of(f, "星曜"), key_of(f, "北辰")
    st = next(s for s in f.statements if s.kind == "funding")
    assert ("agent", buyer) in st.roles and ("counterpart", target) in st.roles
    assert st.amount is not None and st.amount.value == "5000000000" and st.amount.unit == "USD"


def test_a_trigger_word_inside_a_name_links_nothing(facts):
    f = facts("基石投資者包括青嵐基金、芯鑫控股及明山資本，投資總額約15億港元。")
    assert not any(r.property == "ownedBy" for r in f.relations), f.relations


def test_companies_of_a_kind_are_no_company(facts):
    f = facts("中國通用GPU公司的出貨量快速增長，曜芯科技提供通用GPU產品。")
    assert not any("通用" in n for n in names_of(f)), names_of(f)
    assert "曜芯科技" in names_of(f, "Company")


def test_a_body_of_another_place_is_not_the_known_body_of_the_same_name(facts):
    f = facts("中國半導體行業協會發表聲明。江蘇省半導體行業協會指出，傾銷幅度高達300%。")
    bodies = [e for e in f.entities.values() if any("协会" in to_simplified(n) for n in e.names)]
    assert len(bodies) == 2, {k: e.names for k, e in f.entities.items()}   # the national one and the province's


def test_a_completed_purchase_still_owns_the_company(facts):
    f = facts("北辰微電子收購星曜半導體（Xingyao），交易已於上月完成。")
    assert (key_of(f, "星曜"), "ownedBy", key_of(f, "北辰")) in relations_of(f)


def test_who_buys_its_product_is_not_whose_product_it_is(facts):
    f = facts("北辰微電子的XG-720晶片好評不斷，並引起青嵐資本將斥資數億元採購其XG-720。")
    chip, buyer = key_of(f, "XG-720"), key_of(f, "青嵐")
    assert (chip, "developer", buyer) not in relations_of(f)


def test_made_for_a_country_is_no_company_of_it(facts):
    f = facts("北辰微電子為大陸特製的晶片已經停產，星曜半導體是一家美國公司。")
    rels = relations_of(f)
    assert (key_of(f, "北辰"), "country", "china") not in rels
    assert (key_of(f, "星曜"), "country", "usa") in rels


def test_a_known_chief_by_title_alone_stays_with_his_own_company(facts):
    f = facts("英特爾宣布與英偉達合作。執行長黃仁勳當時透過聲明表示，合作具有歷史意義。")
    rels = relations_of(f)
    assert ("intel", "chiefExecutiveOfficer", "jensen-huang") not in rels
    assert ("nvidia", "chiefExecutiveOfficer", "jensen-huang") in rels


@pytest.mark.parametrize("sentence", [
    # assets bought, or a deal declared void
    "總統下令宣布瀚海光電收購美國晶片商星曜半導體（Xingyao）資產的交易無效。",
    "北辰微電子以3億元收購星曜半導體資產，包括兩座工廠。",
    # a deal spoken of, planned, or on a condition
    "青嵐資本曾與瀚川智算接洽，以評估其對收購星曜半導體的興趣。",
    "星曜半導體的潛在收購方還包括北辰微電子和瀚川智算。",
    "北辰微電子擬收購星曜半導體。",
    "如果成功收購北辰微電子，將使星曜半導體在兩個市場具有競爭優勢。",
])
def test_a_deal_not_made_owns_no_company(facts, sentence):
    f = facts(sentence)
    assert not any(r.property == "ownedBy" for r in f.relations), f.relations


def test_who_tests_a_chip_does_not_make_it(facts):
    f = facts("星曜半導體的HBM4在北辰微電子測試中獲得最高分 明年供應樂觀。")
    assert not any(r.property == "manufacturer" and r.object == key_of(f, "北辰") for r in f.relations), f.relations


def test_a_word_of_grade_before_a_chip_word_is_no_chip(facts):
    f = facts("北辰微電子推出新一代Ultra處理器，與曜光公司的Venice晶片競爭。")
    chips = names_of(f, "Chip")
    assert "ultra" not in {c.lower() for c in chips} and "Venice" in chips, chips


def test_a_known_name_before_a_likelier_word_is_still_a_mention(facts):
    # 登時 is a word, but 時代 after it is a likelier one: the name does not cut a word
    f = facts("北辰微電子的晶片是在前總統拜登時代推出的，美元大訂單隨後湧入。")
    assert "拜登" in {to_simplified(n) for n in names_of(f, "Person")} | names_of(f, "Person"), f.entities
    assert not any("元大" in to_simplified(n) for e in f.entities.values() for n in e.names)


def test_a_person_named_in_latin_letters_is_later_named_by_the_surname(facts):
    f = facts("北辰微電子技術長Ravi Montague宣布離職。Montague在北辰微電子任職六年，Montagues不是他。")
    person = [e for e in f.entities.values() if e.cls == "Person"]
    assert len(person) == 1 and {"Ravi Montague", "Montague"} <= person[0].names, f.entities
    assert len(person[0].mentions) == 2   # both sentences


@pytest.mark.parametrize("sentence, name", [
    ("日本官房長官森川廣志表示，將加快審查。", "森川廣志"),   # a Japanese name: no Chinese surname
    ("北辰電機社長河野智樹指出，新廠明年投產。", "河野智樹"),
])
def test_a_name_between_an_officials_title_and_a_verb_of_saying_is_a_person(facts, sentence, name):
    f = facts(sentence)
    assert to_simplified(name) in {to_simplified(n) for n in names_of(f, "Person")}, f.entities


@pytest.mark.parametrize("sentence", ["日本經產大臣今天表示，將加快審查。", "北辰電機社長上週指出，新廠明年投產。"])
def test_a_time_between_a_title_and_a_verb_is_no_person(facts, sentence):
    f = facts(sentence)
    assert not names_of(f, "Person"), f.entities


def test_a_name_after_an_age_in_chinese_numerals_ends_before_the_verb(facts):
    f = facts("四十三歲的許峰經營一家貿易公司，許峰已於十月認罪。")
    people = [e for e in f.entities.values() if e.cls == "Person"]
    assert len(people) == 1 and {to_simplified(n) for n in people[0].names} == {"许峰"}, f.entities


def test_taiwans_word_for_integrated_circuit_meets_the_mainlands(facts):
    # the reference spells the fund 國家集成電路產業投資基金二期; Taiwan writes 積體電路
    f = facts("北辰微電子獲國家積體電路產業投資基金二期入股。")
    assert "big-fund-ii" in f.entities, f.entities


def test_a_paper_a_report_is_sourced_to_is_media_whatever_its_name_ends_in(facts):
    f = facts("據北辰郵電報，星曜半導體11日回應稱，正積極配合調查。據公司財報，營收成長兩成。")
    assert names_of(f, "MediaOrganization") in ({"北辰郵電報"}, {"北辰邮电报"}), f.entities


def test_a_vice_minister_by_title_is_a_person(facts):
    f = facts("外交部政務次長林思遠接受專訪時表示，將持續溝通。")
    assert to_simplified("林思遠") in {to_simplified(n) for n in names_of(f, "Person")}, f.entities


@pytest.mark.parametrize("sentence, name", [
    ("黃仁勳拜會他的大恩人星曜半導體創辦人。", "星曜半導體"),
    ("老東家北辰科技表示支持。", "北辰科技"),
])
def test_who_a_firm_is_to_someone_is_no_part_of_its_name(facts, sentence, name):
    f = facts(sentence)
    orgs = {to_simplified(n) for e in f.entities.values() if e.cls in ("Company", "Organization") for n in e.names}
    assert orgs == {to_simplified(name)}, f.entities


@pytest.mark.parametrize("sentence, subsidiary", [
    ("美國將星曜半導體有限公司移出名單，英特爾中國半導體有限公司也在其中。", "英特爾中國半導體有限公司"),
    ("商務部將SK海力士半導體有限公司移出名單。", "SK海力士半導體有限公司"),
])
def test_a_registered_subsidiary_named_after_its_parent_is_a_company_of_its_own(facts, sentence, subsidiary):
    f = facts(sentence)
    sub = key_of(f, subsidiary)
    assert sub and sub not in ("intel", "sk-hynix"), f.entities
    assert any(r.subject == sub and r.property == "parentOrganization" for r in f.relations), f.relations


def test_a_known_company_with_its_corporate_form_is_the_company_itself(facts):
    f = facts("台積電股份有限公司公布營收。")
    assert set(f.entities) == {"tsmc"}, f.entities


def test_a_latin_word_before_a_plain_phrase_with_a_rule_word_is_no_policy(facts):
    f = facts("北辰微電子稱新平台徹底改變了AI遊戲規則。")
    assert not names_of(f, "Policy"), f.entities


def test_a_surname_and_a_form_of_address_is_the_person_named_before(facts):
    f = facts("北辰微電子執行長林思遠訪問白宮。發言人表示，林先生有幸與總統會面。")
    people = [e for e in f.entities.values() if e.cls == "Person"]
    assert len(people) == 1 and len(people[0].mentions) == 2, f.entities


def test_a_form_of_address_with_two_people_of_that_surname_names_nobody_new(facts):
    f = facts("林思遠與林明哲會面。林先生表示，合作順利。")
    assert not any(to_simplified(n).endswith("先生") for e in f.entities.values() for n in e.names), f.entities


def test_a_name_ends_before_a_verb_of_two_characters(facts):
    f = facts("美國聯邦參議員柯思頓致函北辰微電子董事會。")
    assert to_simplified("柯思頓") in {to_simplified(n) for n in names_of(f, "Person")}, f.entities


def test_a_common_phrase_in_quotes_is_no_policy(facts):
    f = facts("總統發文指出，北辰微電子執行長必須辭職，「這個問題沒有其他的解決辦法」。")
    assert not names_of(f, "Policy"), f.entities


@pytest.mark.parametrize("sentence, event", [
    ("美方行為嚴重破壞中美日內瓦高層會談共識。", "中美日內瓦高層會談"),   # a verb before the event's name
    ("5月15日商務部例行新聞發布會上，中方已闡明立場。", None),   # a day's press conference: described
])
def test_an_event_is_named_without_what_is_said_of_it(facts, sentence, event):
    f = facts(sentence)
    events = {to_simplified(n) for n in names_of(f, "Event")}
    assert events == ({to_simplified(event)} if event else set()), f.entities


def test_a_ministry_before_its_ministers_title_ends_at_its_own_name(facts):
    f = facts("出席者還有投資、貿易與工業部部長林思遠。")
    agencies = {to_simplified(n) for e in f.entities.values() if e.cls == "GovernmentAgency" for n in e.names}
    assert agencies == {"贸易与工业部"}, f.entities


@pytest.mark.parametrize("sentence, agency, person", [
    ("惟貿工部長林思遠表明，目前沒有發現走私。", "貿工部", "林思遠"),   # a conjunction opens the clause
    ("北辰國數位通訊部副部長林思遠表示，將部署伺服器。", "北辰國數位通訊部", "林思遠"),
])
def test_a_ministry_named_with_its_ministers_title_is_the_ministry_alone(facts, sentence, agency, person):
    f = facts(sentence)
    agencies = {to_simplified(n) for e in f.entities.values() if e.cls == "GovernmentAgency" for n in e.names}
    assert to_simplified(agency) in agencies and all(len(a) <= len(agency) for a in agencies), f.entities
    assert to_simplified(person) in {to_simplified(n) for n in names_of(f, "Person")}, f.entities


def test_what_completes_a_verb_is_no_part_of_a_name(facts):
    f = facts("該計劃獲得首相辦公室、通訊部的支持。")
    agencies = {to_simplified(n) for e in f.entities.values() if e.cls == "GovernmentAgency" for n in e.names}
    assert "首相办公室" in agencies and not any(a.startswith("得") for a in agencies), f.entities


def test_suffering_sanctions_is_no_policy(facts):
    f = facts("對北辰國的業界而言，重要是避免遭受次級制裁。")
    assert not names_of(f, "Policy"), f.entities


def test_a_countrys_body_of_a_trade_is_named_with_its_country(facts):
    f = facts("越南互聯網協會、泰國汽車行業協會發布聲明，呼籲審慎採購。")
    bodies = {to_simplified(n) for e in f.entities.values() if e.cls in ("Organization", "ResearchInstitute") for n in e.names}
    assert {"越南互联网协会", "泰国汽车行业协会"} <= bodies, f.entities


def test_a_known_paper_after_another_countrys_name_is_that_countrys_paper(facts):
    f = facts("韓國經濟日報報導，星曜半導體的毛利率將超越北辰微電子。")
    papers = [e for e in f.entities.values() if e.cls == "MediaOrganization"]
    assert len(papers) == 1 and not papers[0].known, f.entities


def test_an_article_saying_is_no_byline(facts):
    f = facts("文章說，記憶體業的時刻到來。")
    assert not names_of(f, "Person"), f.entities


def test_measures_against_a_country_are_no_named_policy(facts):
    f = facts("北辰國對華管制措施的隨意性影響了供應。")
    assert not any(to_simplified(n).startswith("华") for n in names_of(f, "Policy")), f.entities


@pytest.mark.parametrize("sentence, cls", [
    ("國內業者應持續強化出口管制之法遵作為。", "Policy"),   # what someone should do
    ("北辰微電子不再向市場採購晶片，而是要親自下場設計專用硬體。", "Company"),   # a modal opens no name
])
def test_what_someone_should_do_names_nothing(facts, sentence, cls):
    f = facts(sentence)   # (出口管制 named bare is the regime itself: see the bare export controls below)
    assert not [n for n in names_of(f, cls) if "北辰" not in n and n != "出口管制"], f.entities


def test_a_minus_sign_before_a_figure_makes_it_negative_and_a_range_stays_a_range(facts):
    f = facts("北辰微電子歸母淨利潤為-4.52億元，淨利率為-38.91%，預計明年虧損5億-8億元。")
    values = sorted(float(s.amount.value) for s in f.statements if s.amount is not None)
    assert -452000000 in values and -38.91 in values, values
    assert 500000000 in values and 800000000 in values, values   # 5億-8億: a range, both positive


def test_a_known_company_with_a_place_after_it_is_its_subsidiary_there(facts):
    f = facts("台積北京的股東為台積電，持股51%；台積上海、台積天津也是其經營主體。台積電南京廠獲得授權，台積電台北設立總部。")
    subs = {to_simplified(n) for e in f.entities.values() if e.cls == "Company" and not e.known for n in e.names}
    assert {"台积北京", "台积上海", "台积天津"} <= subs, f.entities
    assert not any(n.endswith(("南京", "台北")) for n in subs), subs   # a plant, and where a company acts
    assert any(r.property == "parentOrganization" and r.object == "tsmc" for r in f.relations), f.relations


def test_a_founders_name_before_a_firms_word_is_no_person(facts):
    f = facts("今日稍晚楊忠禮電力正式宣布與北辰微電子合作。楊忠禮機構正在建設資料中心。")
    assert not names_of(f, "Person"), f.entities


def test_a_transliterated_name_after_a_title_ends_before_the_next_of_a_list(facts):
    f = facts("出席者還有貿工部部長東姑賽夫魯以及北辰微電子董事經理林思遠。")
    assert {to_simplified(n) for n in names_of(f, "Person")} >= {"东姑赛夫鲁", "林思远"}, f.entities


@pytest.mark.parametrize("sentence", [
    "美國參議員柯頓（Tom Cotton）致函北辰微電子。柯頓強調，晶片不應出口。",
    "沙特阿拉伯王儲穆罕默德（Mohammed bin Salman）抵達白宮。北辰智算由穆罕默德王儲於今年創立。",
])
def test_a_chinese_name_before_a_known_romanised_one_is_that_person_everywhere(facts, sentence):
    f = facts(sentence)
    people = [e for e in f.entities.values() if e.cls == "Person"]
    assert len(people) == 1 and people[0].known and len(people[0].mentions) == 2, f.entities


def test_the_american_parties_are_known_organisations(facts):
    f = facts("參議院的共和黨和民主黨成員支持這項立法，北辰微電子表示歡迎。")
    assert {"us-republican-party", "us-democratic-party"} <= set(f.entities), f.entities


@pytest.mark.parametrize("sentence, name", [
    ("北辰省州長紐森簽署法案，北辰微電子表示歡迎。", "纽森"),          # a head of a place, then a verb he does
    ("北辰微電子財務長高遠山出席典禮。", "高远山"),                  # a Taiwanese officer's title
    ("北辰國自由黨黨魁田中一郎表示，將擴大補助。", "田中一郎"),      # a party's leader
])
def test_a_name_after_the_title_of_a_governor_an_officer_or_a_party_leader(facts, sentence, name):
    f = facts(sentence)
    assert name in {to_simplified(n) for n in names_of(f, "Person")}, f.entities


@pytest.mark.parametrize("sentence, chip", [
    ("北辰微電子推出AI晶片天樞X1，採用5奈米製程。", "天枢x1"),
    ("北辰微電子發布新一代推理晶片Polaris 300。", "polaris 300"),
    ("北辰微電子推出新款GPU北極星166，算力較前代提升2倍。", "北极星166"),
])
def test_a_new_chip_named_right_after_the_word_for_a_chip(facts, sentence, chip):
    f = facts(sentence)
    chips = {to_simplified(n).lower(): e for e in f.entities.values() if e.cls == "Chip" for n in e.names}
    assert chip in chips, f.entities
    assert any(r.property == "developer" and r.subject == chips[chip].key for r in f.relations), f.relations


def test_a_figure_after_the_word_for_a_chip_names_no_chip(facts):
    f = facts("北辰微電子晶片出貨量200萬顆，晶片銷售額30億元，晶片出口到50個國家，基礎版晶片現配備10核CPU。")
    assert not names_of(f, "Chip"), f.entities


def test_an_officer_after_a_clause_about_a_company_is_its_officer(facts):
    f = facts("北辰微電子今年營收年增42%，董事長陳寧表示將加碼研發。")
    person = next(e for e in f.entities.values() if e.cls == "Person")
    company = next(e for e in f.entities.values() if e.cls == "Company")
    assert any(r.subject == person.key and r.property == "employer" and r.object == company.key for r in f.relations), \
        f.relations


@pytest.mark.parametrize("sentence, name", [
    ("國產GPU廠商星曜智能昨日宣布，已完成C輪融資。", "星曜智能"),
    ("據悉，晶片新創企業澄瀾微將於下月推出首款產品。", "澄澜微"),
])
def test_a_coined_name_after_a_word_for_a_kind_of_firm_is_a_company(facts, sentence, name):
    f = facts(sentence)
    assert name in {to_simplified(n) for n in names_of(f, "Company")}, f.entities


def test_what_follows_a_word_for_a_firm_is_no_company_when_it_is_a_phrase(facts):
    f = facts("國內晶片企業紛紛擴產，企業家表示樂觀。在美國設廠的企業可獲豁免，房地產公司下訂單。公司股價大漲。")
    assert not names_of(f, "Company"), f.entities


def test_a_byline_after_the_date_on_its_line_names_the_author(facts):
    f = facts("2026-02-05 11:00 / 作者 宋明遠\n\n北辰微電子宣布擴產。")
    assert "宋明远" in {to_simplified(n) for n in names_of(f, "Person")}, f.entities


@pytest.mark.parametrize("sentence", [
    "北辰微電子為雲端客戶節省成本。",                      # 節|省: a verb, no province
    "黃仁勳說，美國必須允許美製晶片銷往中國。",              # 美製: made in America
    "北辰微電子在消費性電子展發表演講。",                    # an exhibition, no firm
    "北辰微電子董事長在會見工信部長時發表上述評論。",          # 時|發表: no person 時發
    "北辰微電子因美國對華晶片禁運而推出新品。",              # 華晶片: no place
    "北辰微電子宣布擴產。\n\n作者:原創",                      # a byline of no name
    "北辰微電子表示，在美中貿易戰之中，成本上升。",            # a war between two countries, no place
    "BIS正堵塞漏洞，確保出口管制按預期發揮作用。",              # a verb opens no policy's name
    "受波及的企業包括視頻監控公司海康威視。",                  # what kind of firm it is, no firm
    "北辰微電子說，中國難以獲得所需的高端運算半導體。",        # words before an industry's word
    "北辰微電子表示，部分跨國科技公司已開始評估。",            # a kind of firm (but see the next test)
    "北辰微電子說，這些地方基本不受規定的限制。",              # a negation, no policy
    "北辰微電子認為，該報告主張強化出口管制。",                # verbs before the policy's words
    "北辰微電子透過這場發布會展現實力。",                      # 這|場: no event named 場發布會
])
def test_words_around_names_that_name_nothing(facts, sentence):
    f = facts(sentence)
    names = {to_simplified(n) for e in f.entities.values() if not e.known and "北辰" not in "".join(e.names)
             for n in e.names} - {"出口管制"}   # (named bare, the regime itself: no verb before it in its name)
    assert not names, f.entities


def test_a_ministry_of_portfolios_joined_by_he(facts):
    f = facts("北辰國投資、貿易和工業部本周一宣布，將對晶片實施許可。")
    assert "投资、贸易和工业部" in {to_simplified(n) for n in names_of(f, "GovernmentAgency")}, f.entities


@pytest.mark.parametrize("sentence, chip", [
    ("北辰微電子的系統基於天衡6P計算平台，算力高達560TOPS。", "天衡6p"),
    ("北辰微電子的星梭D3000處理器已量產。", "星梭d3000"),
])
def test_a_coined_brand_and_a_model_before_the_word_for_a_chip(facts, sentence, chip):
    f = facts(sentence)
    assert chip in {to_simplified(n).lower() for n in names_of(f, "Chip")}, f.entities


def test_a_count_before_a_model_is_no_part_of_its_name(facts):
    f = facts("北辰微電子已部署1萬張QH-900芯片，採用5nm晶片。")
    assert not [n for n in names_of(f, "Chip") if re.search("[万萬张張]", n)], f.entities


def test_a_four_character_name_after_a_legal_representatives_title(facts):
    f = facts("北辰微電子的註冊資本為1467萬元，法定代表人是歐陽明遠。歐陽明遠出生於1986年。")
    assert "欧阳明远" in {to_simplified(n) for n in names_of(f, "Person")}, f.entities


def test_each_post_of_a_career_list_is_an_employer(facts):
    f = facts("王明遠出生於1980年，曾任北極光科技研發經理、南星半導體主任工程師，現任星曜智能董事長兼總經理。")
    person = next(e for e in f.entities.values() if e.cls == "Person")
    employers = {to_simplified(n) for r in f.relations if r.subject == person.key and r.property == "employer"
                 for n in f.entities[r.object].names}
    assert {"北极光科技", "南星半导体", "星曜智能"} <= employers, f.relations


def test_a_sum_after_a_number_is_no_company_named_with_its_unit(facts):
    f = facts("北辰微電子的新台幣營收挑戰兆元大關。")
    assert not [e for e in f.entities.values() if e.known and e.cls == "Company"], f.entities


def test_the_end_of_a_month_range_takes_the_year_of_its_start(facts):
    f = facts("以2022年8月至9月為例，北辰微電子完成融資13億元。")
    dates = {s.date.iso for s in f.statements if s.date is not None}
    assert "2022-09" in dates and not any(d.startswith("2026-09") for d in dates), dates


def test_a_financial_news_site_a_report_is_sourced_to(facts):
    f = facts("據藍鯨財經了解，北辰微電子於2025年6月17日遞交上市申請。")
    assert "蓝鲸财经" in {to_simplified(n) for n in names_of(f, "MediaOrganization")}, f.entities


def test_a_bare_ministry_after_another_countrys_name_is_that_countrys(facts):
    f = facts("美國商務部近日發布新規。大陸商務部表示，此舉破壞產業鏈。美國商務部指出，企業可能規避限制。")
    assert {"mofcom", "us-department-of-commerce"} <= set(f.entities), f.entities


@pytest.mark.parametrize("sentence", [
    "北辰微電子收購南星科技部分股份、出資曜芯科技。",                       # a verb after a list mark
    "這也是北辰微電子入股南星科技取得約百分之四股權、投資一千億美元協助曜芯科技建廠的一環。",  # a stake in the one before
])
def test_a_second_deal_of_a_clause_is_its_first_actors(facts, sentence):
    f = facts(sentence)
    owners = {(to_simplified(sorted(f.entities[r.subject].names)[0]), to_simplified(sorted(f.entities[r.object].names)[0]))
              for r in f.relations if r.property == "ownedBy"}
    assert ("曜芯科技", "南星科技") not in owners and ("南星科技", "北辰微电子") in owners, owners


def test_a_data_centre_where_a_company_puts_chips_is_no_headquarters(facts):
    f = facts("這款晶片正陸續進駐北辰微電子位於愛荷華州的資料中心。")
    assert not [r for r in f.relations if r.property == "headquarters"], f.relations


def test_a_launch_named_as_a_noun_is_no_launch_by_the_speakers_firm(facts):
    f = facts("顧問公司南星諮詢分析師王小明表示，北極星200的推出顯示北辰微電子對自研晶片的投入。")
    assert not [r for r in f.relations if r.property == "developer" and "南星" in "".join(f.entities[r.object].names)], \
        f.relations


@pytest.mark.parametrize("sentence, agent, met", [
    ("報導稱，王小明周三訪北京，會見北辰國工信部部長李志遠。", "王小明", "李志远"),     # the actor of the clause before
    ("北辰微電子執行長王小明週三也赴白宮會見川普。", "王小明", "川普"),                  # not the place of the meeting
])
def test_who_meets_whom_when_the_one_met_follows_the_verb(facts, sentence, agent, met):
    f = facts(sentence)
    name = lambda k: {to_simplified(n) for n in f.entities[k].names}
    meetings = [dict(s.roles) for s in f.statements if s.trigger is None and "counterpart" in dict(s.roles)
                and "agent" in dict(s.roles)]
    assert any(agent in name(r["agent"]) and met in name(r["counterpart"]) for r in meetings), f.statements


def test_a_visit_to_a_capital_named_with_a_single_character_verb(facts):
    f = facts("王小明周三訪北京，並出席論壇。記者專訪北辰微電子執行長。")
    visits = [dict(s.roles) for s in f.statements if dict(s.roles).get("location") == "beijing" and "agent" in dict(s.roles)]
    assert visits, f.statements


@pytest.mark.parametrize("sentence, name", [
    ("丹斯里林文華在吉隆坡出席北辰微電子的活動。", "林文华"),
    ("檳州首長曹文遠歡迎北辰微電子擴大投資。", "曹文远"),
])
def test_a_name_after_a_malaysian_honorific_or_a_chief_ministers_title(facts, sentence, name):
    f = facts(sentence)
    assert name in {to_simplified(n) for n in names_of(f, "Person")}, f.entities


def test_a_verb_in_a_would_be_place_name_makes_it_a_phrase(facts):
    f = facts("北辰州政府宣布成立新園區。")
    assert not [n for n in names_of(f, "AdministrativeRegion") if "成立" in to_simplified(n)], f.entities


@pytest.mark.parametrize("sentence, name", [
    ("北辰微電子董事會已任命前南星科技營運長陳志明為新任執行長。", "前南星科技"),   # former
    ("北辰微電子與南星科技宣布合併，合併後新公司將由北辰微電子持股60%。", "后新公司"),  # after
])
def test_former_or_after_before_a_firms_name_is_no_part_of_it(facts, sentence, name):
    f = facts(sentence)
    assert name not in {to_simplified(n) for n in names_of(f, "Company")}, f.entities


def test_the_foundry_of_a_chip_a_pointer_names(facts):
    f = facts("北辰微電子昨日發布新一代AI晶片天樞X2。該晶片採用台積電3奈米製程，算力達到2000 TOPS。")
    chip = next(e for e in f.entities.values() if e.cls == "Chip")
    made = [r for r in f.relations if r.subject == chip.key and r.property == "manufacturer" and r.object == "tsmc"]
    assert made and made[0].evidence.start >= made[0].evidence.sentence_start, f.relations
    nodes = [s for s in f.statements if s.amount is not None and s.amount.unit == "NM"]
    # the chip's node (and the node's own size: it is the foundry's product too)
    assert nodes and all(s.roles[0] == ("subject", chip.key) for s in nodes), nodes


def test_the_regulator_a_listing_is_filed_with_does_not_list(facts):
    f = facts("北辰微電子已向美國證券交易委員會（SEC）遞交IPO申請，計劃在那斯達克上市。")
    listed = {k for s in f.statements if s.kind == "listing" for r, k in s.roles if r == "subject"}
    assert "sec" not in listed and listed, f.statements


@pytest.mark.parametrize("sentence, chip", [
    ("據報導，北辰微電子正與南星科技合作開發代號為Titan的推理晶片。", "titan"),
    ("南星科技代號「天狼」的AI處理器將於明年推出。", "天狼"),
])
def test_a_chip_named_by_its_code_name(facts, sentence, chip):
    f = facts(sentence)
    assert chip in {to_simplified(n).lower() for n in names_of(f, "Chip")}, f.entities


def test_a_chinese_name_before_an_english_firms_name_in_brackets(facts):
    f = facts("北辰微電子宣布與星海能源（Starsea Energy）合作建設資料中心。")
    assert "星海能源" in {to_simplified(n) for n in names_of(f, "Company")}, f.entities


def test_a_registered_name_of_common_words_is_still_a_company(facts):
    f = facts("美國商務部刊登公告，將北辰國半導體有限公司與南星半導體有限公司移出名單。")
    assert {"北辰国半导体有限公司", "南星半导体有限公司"} <= {to_simplified(n) for n in names_of(f, "Company")} | {
        to_simplified(n) for n in names_of(f, "Organization")}, f.entities


def test_a_year_word_sharing_its_year_with_the_time_of_year_and_the_day_before_yesterday(facts):
    f = facts("北辰微電子去年底完成擴產，明年初量產新品。南星科技前天表示，今年底前上市。", published="2026-03-04")
    dates = {s.date.iso for s in f.statements if s.date is not None}
    assert {"2025", "2027", "2026-03-02", "2026"} <= dates, dates


@pytest.mark.parametrize("text", [
    "北辰微電子昨日公布財報。該公司執行長王小明表示，AI需求強勁。",
    "北辰微電子宣布裁員。公司發言人王小明證實此事。",
])
def test_an_officer_of_the_company_a_sentence_before_was_about(facts, text):
    f = facts(text)
    person = next(e for e in f.entities.values() if e.cls == "Person")
    company = next(e for e in f.entities.values() if e.cls == "Company")
    assert any(r.subject == person.key and r.property == "employer" and r.object == company.key for r in f.relations), \
        f.relations


def test_a_chip_a_launched_server_carries_is_no_product_of_the_launcher(facts):
    f = facts("南星科技推出的AI伺服器搭載8顆北極星300晶片。")
    chips = [e for e in f.entities.values() if e.cls == "Chip"]
    assert [to_simplified(n) for e in chips for n in e.names] == ["北极星300"], f.entities
    assert not [r for r in f.relations if r.property == "developer"], f.relations


def test_a_generation_before_a_model_number_is_no_brand(facts):
    f = facts("華為預計明年推出下一代950芯片。")
    assert not [n for n in names_of(f, "Chip") if "代" in n], f.entities


def test_export_controls_named_bare_are_one_regime_the_one_named_in_full(facts):
    f = facts("星曜半導體表示，新款晶片是為符合出口管制規範而設計，業者不得規避出口管制。")
    policies = [e for e in f.entities.values() if e.cls in ("Policy", "Law")]
    assert len(policies) == 1 and "出口管制" in {to_simplified(n) for n in policies[0].names}, names_of(f)
    f = facts("受美國出口管制影響，北辰微電子營收下滑，業者擔心出口管制再擴大。")
    policies = [e for e in f.entities.values() if e.cls in ("Policy", "Law")]
    assert len(policies) == 1 and {"美国出口管制", "出口管制"} <= {to_simplified(n) for n in policies[0].names}, names_of(f)


@pytest.mark.parametrize("text", [
    "北辰微電子推出的曜芯S9晶片，推理效能提升4倍，功耗降低30%。",
    "北辰微電子最新發布的曜芯S9晶片推理效能是上一代的4倍。",
])
def test_a_figure_of_a_product_its_maker_names_in_a_relative_clause_is_the_products(facts, text):
    f = facts(text)
    chip, maker = key_of(f, "曜芯"), key_of(f, "北辰")
    owner = {str(st.amount.value): {k for _, k in st.roles} for st in f.statements if st.amount}
    assert owner["4"] == {chip} and maker not in owner["4"], owner


def test_a_leaders_name_before_government_is_the_administration_not_the_person(facts):
    f = facts("拜登政府去年收緊晶片出口，北辰微電子表示將遵守規定。")
    # (the leader is named too, inside the administration's name, but the clause's actor is the administration)
    assert "拜登政府" in names_of(f, "GovernmentAgency") and names_of(f, "Person") == {"拜登"}, f.entities
    assert not any("joe-biden" in {k for _, k in st.roles} for st in f.statements), f.statements
    f = facts("美國總統拜登政府去年收緊晶片出口。")   # the president named by title stays the person
    assert names_of(f, "Person") and not names_of(f, "GovernmentAgency") - {"美国政府"}, f.entities


def test_the_members_of_a_list_of_shareholders_are_organisations_each_whole(facts):
    f = facts("設立之初，北辰微電子的股東包括青嵐資本、香港曜石、曜石上海和曜石深圳。")
    orgs = names_of(f, "Organization") | names_of(f, "Company")
    assert {"青岚资本", "香港曜石", "曜石上海", "曜石深圳"} <= orgs, orgs
    assert not names_of(f, "City") and "香港" not in names_of(f), names_of(f)
    f = facts("北辰微電子的經營範圍包括股權投資、投資管理、資產管理等活動，股東為青嵐資本。")
    assert not {"股权投资", "投资管理", "资产管理"} & names_of(f), names_of(f)


def test_a_chip_named_like_a_place_is_a_chip_wherever_it_is_named(facts):
    f = facts("北辰微電子發布基於「青鸞架構」的鳳凰山高階圖形渲染晶片，效能提升三倍。鳳凰山同時支援光線追蹤。")
    assert "凤凰山" in names_of(f, "Chip") and not names_of(f, "Place") - {"中国"}, f.entities


def test_sums_shares_and_dates_in_chinese_numerals(facts):
    f = facts("北辰微電子八日宣布投資一千億美元，持股百分之二十五，但市場傳言僅投資數十億美元。", published="2026-03-10")
    values = {(str(st.amount.value), st.amount.unit) for st in f.statements if st.amount}
    assert {("100000000000", "USD"), ("25", "PERCENT")} <= values, values
    assert not any(v == "1000000000" for v, _ in values), values  # 數十億: several, no figure
    assert any(st.date and st.date.iso == "2026-03-08" for st in f.statements)
    f = facts("北辰微電子二○二五年營收達一六五○億元，年增一○○％，淨利一．六億元。", published="2026-03-10")
    values = {(str(st.amount.value), st.amount.unit) for st in f.statements if st.amount}
    assert {("165000000000", "CNY"), ("100", "PERCENT"), ("160000000", "CNY")} <= values, values
    assert any(st.date and st.date.iso == "2025" for st in f.statements)


def test_a_transliterated_name_after_a_title_before_a_career_verb_or_its_latin_form(facts):
    f = facts("星曜半導體宣布，執行長桑德斯退休，由財務長克萊恩(Tom Kline)擔任臨時執行長。")
    people = names_of(f, "Person")
    assert "桑德斯" in people and "克莱恩" in people, people
    assert (key_of(f, "星曜"), "chiefExecutiveOfficer", key_of(f, "桑德斯")) in relations_of(f)


def test_an_editors_byline_in_brackets_after_a_dateline(facts):
    f = facts("財聯社8月25日訊（編輯 趙昊）北辰微電子發布新款推理晶片。")
    assert (key_of(f, "赵昊"), "employer", key_of(f, "财联社")) in relations_of(f), relations_of(f)


def test_a_listing_with_an_aside_in_brackets_between_the_company_and_the_exchange(facts):
    f = facts("8月8日，北辰微電子控股有限公司（下稱「北辰微電子」，HK:02999）在港交所主板上市。")
    assert any(p == "stockExchange" and s == key_of(f, "北辰") for s, p, o in relations_of(f)), relations_of(f)


def test_a_firm_registered_under_a_latin_name_holds_the_country_in_its_name(facts):
    f = facts("青嵐資本和Nova Compute USA LLC分別斥資690萬美元、300萬美元參與認購，全資股東為Beichen Micro (HK) Limited。")
    firms = {n for e in f.entities.values() if e.cls == "Company" for n in e.names}
    assert {"Nova Compute USA LLC", "Beichen Micro (HK) Limited"} <= firms, firms


@pytest.mark.parametrize("sentence", ["北辰微電子能否成功在港上市，仍有待觀察。", "北辰微電子去年宣布插旗檳城。"])
def test_a_business_verb_ends_no_place_name(facts, sentence):
    f = facts(sentence)
    assert not {n for n in names_of(f, "Place") if n.endswith(("上市", "插旗"))}, names_of(f)


def test_a_figure_inside_a_pointers_relative_clause_is_the_companys(facts):
    f = facts("星曜半導體靠批量預購晶片起家。如今這家兩年前營收僅1600萬美元的公司，市值已超過500億美元，客戶包括北辰微電子、青嵐資本等。")
    owner = {str(st.amount.value): {k for _, k in st.roles} for st in f.statements if st.amount}
    firm = key_of(f, "星曜")
    assert owner["16000000"] == {firm} and owner["50000000000"] == {firm}, owner


def test_a_long_official_name_may_hold_a_region_and_employs_the_titled_person_after_it(facts):
    f = facts("尤瑟夫東南亞經濟研究院客座研究員莫里斯(Anna Morris)指出，新規將衝擊出口。")
    assert (key_of(f, "Anna Morris"), "employer", key_of(f, "研究院")) in relations_of(f), relations_of(f)


def test_a_body_named_with_its_abbreviation_in_brackets_and_a_known_name_inside_it(facts):
    f = facts("全港最大的北辰微電子人工智能超算中心（BAIC）去年啟用。BAIC提供3000 PFLOPS算力，數十億美元的指數型股票基金(ETF)則未受影響。")
    centre = key_of(f, "超算中心")
    assert "BAIC" in f.entities[centre].names and f.entities[centre].cls == "Organization", f.entities
    assert not any("ETF" in e.names for e in f.entities.values()), f.entities


@pytest.mark.parametrize("sentence, name", [
    ("坐在他身旁的是一位名叫音譯柯莉（又名Alice Ko）的女子。", "柯莉"),
    ("警方表示，一名名為陳立的男子已被捕。", "陈立"),
])
def test_a_person_introduced_by_name(facts, sentence, name):
    assert name in names_of(facts(sentence), "Person")


def test_the_parent_named_in_brackets_after_its_subsidiary(facts):
    f = facts("啟城發展有限公司（青嵐集團間接全資附屬公司）斥資690萬美元參與認購。")
    assert (key_of(f, "啟城"), "parentOrganization", key_of(f, "青嵐集團")) in relations_of(f), relations_of(f)
    assert not any("附属" in n for n in names_of(f)), names_of(f)


@pytest.mark.parametrize("sentence, place, person, prop", [
    ("檳城首席部長林振邦說，州政府歡迎更多晶片封測廠進駐。", "檳城", "林振邦", "headOfGovernment"),
    ("日本首相高野真一表示，將與業界代表會面。", "日本", "高野真一", "headOfGovernment"),
    ("美國總統布雷克表示，將放寬晶片出口。", "美國", "布雷克", "headOfState"),
])
def test_a_head_of_government_or_state_titled_after_the_place(facts, sentence, place, person, prop):
    f = facts(sentence)
    assert (key_of(f, place), prop, key_of(f, person)) in relations_of(f), relations_of(f)
    assert not any("首席部" in n for n in names_of(f)), names_of(f)  # 首席部長 is a title, no ministry


def test_people_listed_with_titles_after_their_company_all_work_there(facts):
    f = facts("星曜半導體的高層包括財務長林國強與技術長陳美玲。")
    firm = key_of(f, "星曜")
    assert employees_of(f, firm) == \
        {key_of(f, "林國強"), key_of(f, "陳美玲")}, relations_of(f)


def test_two_people_given_a_shared_interim_post_are_both_its_holders(facts):
    f = facts("星曜半導體宣布，由財務長林國強和產品主管陳美玲擔任臨時聯合執行長。")
    firm = key_of(f, "星曜")
    assert {r.object for r in f.relations if r.property == "chiefExecutiveOfficer" and r.subject == firm} == \
        {key_of(f, "林國強"), key_of(f, "陳美玲")}, relations_of(f)
    g = facts("林國強表示陳美玲現任執行長。")  # a verb of saying between: no list
    assert not any(r.property == "chiefExecutiveOfficer" for r in g.relations)


def test_a_compound_title_holding_the_chief_executives_is_the_chief_executive(facts):
    f = facts("北辰微電子執行長暨共同創辦人王大同表示，新廠明年量產。")
    firm, person = key_of(f, "北辰"), key_of(f, "王大同")
    assert {(firm, "chiefExecutiveOfficer", person), (firm, "foundedBy", person)} <= relations_of(f), relations_of(f)


@pytest.mark.parametrize("sentence, outlet", [
    ("【晨光報北京時間2025年05月17日訊】星曜半導體今天宣布擴產。", "晨光报"),
    ("【晨光新聞台北時間2025年05月17日訊】星曜半導體今天宣布擴產。", "晨光新闻"),
    ("晴川網12月17日，星曜半導體正式登陸科創板。", "晴川网"),
])
def test_an_outlet_opening_a_dateline_with_a_year_a_time_zone_or_a_comma(facts, sentence, outlet):
    f = facts(sentence)
    assert outlet in names_of(f, "MediaOrganization"), names_of(f)
    outlet_key = key_of(f, outlet)
    assert not any(outlet_key in {k for _, k in st.roles} and key_of(f, "星曜") in {k for _, k in st.roles}
                   for st in f.statements), "a dateline's outlet reports nothing in particular"


def test_an_outlet_the_tagger_cuts_before_its_word_for_itself(facts):
    f = facts("產業聯盟副理事長林國強告訴晴川財經，今天港股情緒高漲。")
    assert "晴川财经" in names_of(f, "MediaOrganization"), names_of(f)


def test_a_body_of_firms_keeps_the_kind_of_its_members_in_its_name(facts):
    f = facts("中國企業資本聯盟副理事長林國強表示，港股情緒高漲。")
    assert "中国企业资本联盟" in names_of(f), names_of(f)
    assert (key_of(f, "林國強"), "employer", key_of(f, "資本聯盟")) in relations_of(f)


def test_each_member_of_a_list_closed_by_a_kind_of_firm_is_one(facts):
    f = facts("青嵐資本、南方基金、北辰投資、星曜基金等頭部公募基金成為網下配售的主力。")
    assert {"南方基金", "青岚资本", "星曜基金"} <= names_of(f), names_of(f)


@pytest.mark.parametrize("sentence, name", [
    ("林國強表示，訂單強勁。", "林国强"),
    ("董事長王志強說，明年將擴產。", "王志强"),
    ("王明強調，訂單強勁。", "王明"),   # 強 of 強調 opens the verb
])
def test_a_given_name_may_end_in_a_character_that_opens_a_verb_elsewhere(facts, sentence, name):
    assert name in names_of(facts(sentence), "Person"), names_of(facts(sentence))


@pytest.mark.parametrize("sentence, org, person, chair", [
    ("北辰微電子董事長林國強今天在法說會表示，看好明年。", "北辰", "林國強", True),
    ("星曜半導體副董事長、輪值董事長陳美玲在演講中表示，將推出新晶片。", "星曜", "陳美玲", True),
    ("星曜半導體副董事長林國強表示，訂單強勁。", "星曜", "林國強", False),
])
def test_the_chair_of_an_organisation(facts, sentence, org, person, chair):
    f = facts(sentence)
    rel = (key_of(f, org), "chairperson", key_of(f, person))
    assert (rel in relations_of(f)) == chair, relations_of(f)
    assert (key_of(f, person), "employer", key_of(f, org)) in relations_of(f)


@pytest.mark.parametrize("sentence, people", [
    ("聯合創始人林國強、陳美玲均曾於北辰微電子工作。", {"林國強", "陳美玲"}),
    ("創始人兼執行長王大同是原北辰微電子中國區總經理。", {"王大同"}),
])
def test_a_former_employer_said_of_a_person_or_of_each_of_a_list(facts, sentence, people):
    f = facts(sentence)
    firm = key_of(f, "北辰微電子")
    assert f.entities[firm].names == {n for n in f.entities[firm].names if not n.startswith("原")}, f.entities[firm].names
    assert employees_of(f, firm) == \
        {key_of(f, p) for p in people}, relations_of(f)


def test_a_clause_opening_with_a_bare_group_is_about_the_company_before(facts):
    f = facts("北辰微電子今天舉行法說會。目前集團已攜手青嵐科技在台灣共同打造超算中心。")
    assert linked(f, key_of(f, "北辰"), key_of(f, "青嵐")), f.statements


def test_this_is_a_kind_of_firm_points_to_the_company_before(facts):
    f = facts("星曜半導體今天在港交所掛牌。這是繼北辰微電子與青嵐科技之後第三家上市的國產GPU公司。")
    assert linked(f, key_of(f, "星曜"), key_of(f, "北辰")) and linked(f, key_of(f, "星曜"), key_of(f, "青嵐"))


def test_a_listed_company_named_with_its_code_after_its_group(facts):
    f = facts("北辰微電子與青嵐集團旗下的晴川科（8199）緊密合作。")
    sub = key_of(f, "晴川科")
    assert f.entities[sub].cls == "Company"
    assert (sub, "parentOrganization", key_of(f, "青嵐集團")) in relations_of(f), relations_of(f)


@pytest.mark.parametrize("sentence, product, maker", [
    ("緊接著星曜電子昨日在台發表的Nova X9旗艦新機，售價上漲一成。", "Nova X9", "星曜"),
    ("北辰軟件推出Helix分布式數據庫，主打金融客戶。", "Helix", "北辰"),
])
def test_a_product_named_before_its_kind_and_launched_by_a_company(facts, sentence, product, maker):
    f = facts(sentence)
    p = key_of(f, product)
    assert f.entities[p].cls == "Product", f.entities[p]
    assert (p, "developer", key_of(f, maker)) in relations_of(f), relations_of(f)


def test_an_outlet_whose_name_opens_with_a_country_in_a_byline_line_of_its_own(facts):
    f = facts("中國晴川報記者林志成\n\n9月25日，記者獲悉，星曜集團召開股份公司成立大會。")
    outlet, reporter = key_of(f, "中國晴川報"), key_of(f, "林志成")
    assert f.entities[outlet].cls == "MediaOrganization"
    assert (reporter, "employer", outlet) in relations_of(f), relations_of(f)
    china = next(k for k, e in f.entities.items() if e.cls == "Country")
    assert not linked(f, china, reporter), "a byline states no fact"


@pytest.mark.parametrize("sentence, country", [
    ("星曜半導體遭美國商務部列入管制名單。", "美國"),
    ("此次清單更新同步美國實體清單，共納入逾600家新實體。", "美國"),
])
def test_the_country_opening_a_known_bodys_name_is_named_too(facts, sentence, country):
    f = facts(sentence)
    assert to_simplified(country) in names_of(f, "Country"), names_of(f)
    c = next(k for k, e in f.entities.items() if e.cls == "Country")
    assert not any(c in {k for _, k in st.roles} for st in f.statements), "it states nothing of its own"


def test_each_figure_of_a_list_of_names_and_figures_is_its_names(facts):
    f = facts("外資昨日買超個股中，晴川電（2399）3.9萬張、北辰微電子3.8萬張及青嵐科技3萬張。")
    owner = {str(st.amount.value): {k for _, k in st.roles} for st in f.statements if st.amount and st.amount.unit == "CARD"}
    assert owner == {"39000": {key_of(f, "晴川電")}, "38000": {key_of(f, "北辰")}, "30000": {key_of(f, "青嵐")}}, owner


def test_two_counts_listed_with_one_unit_go_respectively_to_the_kind_named_before(facts):
    f = facts("星曜科技發布Nova 950和Nova 960超節點，分別支持8192及15488張加速卡。")
    owner = {str(st.amount.value): {k for _, k in st.roles} for st in f.statements if st.amount}
    assert owner.get("8192") == {key_of(f, "Nova 950")} and owner.get("15488") == {key_of(f, "Nova 960")}, owner
    assert not names_of(f, "Person"), "張 after a number counts, it opens no name"


def test_a_bare_ministry_before_a_known_ministers_title_is_his_ministry(facts):
    f = facts("會前，商務部長盧特尼克對記者表示，晶片出口規定不變。")
    lutnick = key_of(f, "盧特尼克")
    assert (lutnick, "employer", "us-department-of-commerce") in relations_of(f), relations_of(f)
    g = facts("商務部長王文濤表示，將採取反制措施。")   # the reference files him under China's ministry
    assert (key_of(g, "王文濤"), "employer", "mofcom") in relations_of(g), relations_of(g)


def test_a_secretary_of_state_titled_before_the_name(facts):
    f = facts("國務卿布朗表示，將與盟友協調晶片管制。")
    assert "布朗" in names_of(f, "Person") and not names_of(f, "Organization"), names_of(f)


def test_who_is_spoken_to_is_no_speaker_and_a_list_of_speakers_all_speak(facts):
    f = facts("林國強、陳美玲都對王大同說，出售星曜晶片給北辰微電子將是錯誤。")
    reports = [st for st in f.statements if st.kind == "report"]
    assert reports, f.statements
    speakers = {k for st in reports for r, k in st.roles if r in ("agent", "attributedTo")}
    assert speakers == {key_of(f, "林國強"), key_of(f, "陳美玲")}, reports


@pytest.mark.parametrize("sentence", [
    "成立於2019年的星曜科技，專注於GPGPU（通用圖形處理器）晶片。",   # a kind of chip, and no model inside its name
    "台DRAM龍頭廠北辰微電子昨日宣布擴產。",                          # a country's industry of a kind of product
    "部分政府內部對華鷹派擔心晶片流向北京。",                          # a faction, no person
])
def test_kinds_and_factions_are_no_names(facts, sentence):
    f = facts(sentence)
    assert not any(n.lower() in ("gp", "gpgpu", "台dram") or n.endswith("派") for n in names_of(f)), names_of(f)


def test_this_papers_reporter_works_for_the_outlet_its_reporters_are_named_with(facts):
    f = facts("本報記者 林志成\n\n1月2日，北辰微電子發布公告。星曜諮詢執行長陳美玲對《晴川日報》記者表示，需求強勁。")
    assert (key_of(f, "林志成"), "employer", key_of(f, "晴川日報")) in relations_of(f), relations_of(f)


def test_a_registered_name_after_a_closing_quote_keeps_its_city(facts):
    f = facts("“當前正是窗口期。”廣州星曜信息諮詢股份有限公司執行長陳美玲對記者表示。")
    assert "广州星曜信息咨询股份有限公司" in names_of(f), names_of(f)


def test_a_short_name_joined_to_a_persons_name_in_a_list_is_a_person(facts):
    f = facts("創始人王大同是前北辰微電子總經理，聯合創始人張鈺中、周苑均曾於北辰微電子工作。")
    assert {"张钰中", "周苑"} <= names_of(f, "Person"), names_of(f)
    firm = key_of(f, "北辰微電子")
    assert (key_of(f, "周苑"), "employer", firm) in relations_of(f), relations_of(f)
    g = facts("林國強與北辰科技、台積電等公司合作。")   # an organisation after the person: no person
    assert names_of(g, "Person") == {"林国强"}, names_of(g)


def test_a_countrys_export_control_regulations_are_named_whole(facts):
    f = facts("將「使用星曜晶片均違反美國出口管制法規」調整為新表述。")
    assert "美国出口管制法规" in names_of(f, "Policy"), names_of(f)


def test_a_university_named_after_a_place_inside_its_name(facts):
    f = facts("林國強是美國南加州大學電機工程碩士，約十年前加入北辰微電子。")
    assert any("南加州大学" in n for n in names_of(f, "University")), names_of(f)


def test_a_venue_is_a_place(facts):
    f = facts("北辰微電子今天在南港展覽館舉辦尾牙。")
    assert "南港展览馆" in names_of(f, "Place"), names_of(f)


def test_a_change_of_post_inside_what_the_tagger_joins_is_no_organisation(facts):
    f = facts("北辰微電子宣布，總經理簡山杰轉任集團策略長。")
    assert not any("转任" in n for n in names_of(f)), names_of(f)


def test_a_subsidiary_named_after_its_city(facts):
    f = facts("寒武紀披露，全資子公司上海寒武紀為新項目的實施主體。公司將對上海寒武紀增資1億元。")
    sub = key_of(f, "上海寒武紀")
    assert f.entities[sub].cls == "Company" and len([e for e in f.entities.values() if e.cls == "City"]) == 0
    assert (sub, "parentOrganization", "cambricon") in relations_of(f), relations_of(f)


def test_reporters_in_brackets_right_after_a_dateline(facts):
    f = facts("晴川網宜昌9月20日電 (董曉文 韓成)投資93億元的算力中心項目20日開工。")
    outlet = key_of(f, "晴川網")
    assert employees_of(f, outlet) == \
        {key_of(f, "董曉文"), key_of(f, "韓成")}, relations_of(f)


def test_a_latin_name_opening_with_a_lower_case_letter_after_a_kind_of_firm(facts):
    f = facts("北辰資本同意入股新創公司xNova，最多將注資1.5億美元。")
    assert "xNova" in names_of(f, "Company"), names_of(f)


def test_an_official_body_named_right_after_a_dateline_bracket(facts):
    f = facts("晴川社北京9月9日電 (記者 劉育英)星曜省人民政府新聞辦公室9日舉行新聞發布會。")
    assert any(n.endswith("新闻办公室") and n.startswith("星曜") for n in names_of(f)), names_of(f)


def test_equipment_named_with_its_abbreviation_in_brackets(facts):
    f = facts("公司的電感耦合等離子體刻蝕設備(ICP)營收持續釋放，預計ICP收入將超過10億元。")
    e = f.entities[key_of(f, "ICP")]
    assert e.cls == "Product" and any("等离子体刻蚀设备" in to_simplified(n) for n in e.names), e


def test_a_kind_of_product_spelt_out_with_its_abbreviation_is_no_product(facts):
    f = facts("北辰科技作為國產動態隨機存取存儲器(DRAM)廠商，產能持續提升。")
    assert not names_of(f, "Product"), names_of(f)


def test_a_dateline_and_its_reporters_own_no_figure(facts):
    f = facts("晴川網宜昌9月20日電 (董曉文 韓成)投資93億元的星曜算力中心項目20日在宜昌開工。")
    owners = {k for st in f.statements if st.amount for _, k in st.roles}
    assert not owners & {key_of(f, "晴川網"), key_of(f, "董曉文"), key_of(f, "韓成")}, owners


def test_spans_of_time_lengths_and_areas_are_figures(facts):
    f = facts("北辰科技指出，記憶體庫存已降至2至4週。北辰科技的產線長148米，佔地約68畝，5分鐘完成一台伺服器。")
    got = {(str(st.amount.value), st.amount.unit) for st in f.statements if st.amount}
    assert {("2", "WEEK"), ("4", "WEEK"), ("148", "METRE"), ("68", "MU"), ("5", "MINUTE")} <= got, got


@pytest.mark.parametrize("text, points", [
    ("北辰指數今天上升超過700點，升幅達2.8%。", {"700"}),
    ("北辰指數收報26,500點。", {"26500"}),
    ("記者會下午3點舉行。", set()),   # a time of day, no index
])
def test_an_index_move_or_level_in_points(text, points):
    from kg.nlp.amounts import find_amounts
    got = {str(a.value) for a in find_amounts(to_simplified(text).lower()) if a.unit == "POINT"}
    assert got == points, got


def test_an_editors_sign_off_works_for_the_outlet_of_the_dateline(facts):
    f = facts("晴川網宜昌9月20日電 (董曉文 韓成)星曜算力中心項目20日開工。\n\n【編輯:邵婉雲】")
    assert (key_of(f, "邵婉雲"), "employer", key_of(f, "晴川網")) in relations_of(f), relations_of(f)


def test_a_post_given_by_an_organisation_to_a_person(facts):
    f = facts("星曜科技由前北辰微電子執行長林國強擔任董事會執行主席，致力於研發光源。")
    firm, person = key_of(f, "星曜科技"), key_of(f, "林國強")
    assert {(person, "employer", firm), (firm, "chairperson", person)} <= relations_of(f), relations_of(f)


def test_two_places_opening_a_firms_name_say_where_it_is(facts):
    f = facts("上海浦東星曜科技宣布完成新一輪融資。")
    assert "星曜科技" in names_of(f, "Company") and {"上海", "浦东"} <= names_of(f), names_of(f)


def test_a_verb_after_reporter_is_no_name(facts):
    f = facts("《晴川日報》記者關注到，兩家公司皆提及市場環境變化。")
    assert not names_of(f, "Person"), names_of(f)


def test_a_new_model_of_a_chinese_chip_family_the_reference_knows(facts):
    f = facts("2019年8月地平線發布了征程2晶片，10個月後量產。")
    chip = key_of(f, "征程2")
    assert f.entities[chip].cls == "Chip" and (chip, "partOfSeries", "horizon-journey") in relations_of(f), relations_of(f)


def test_capitals_after_a_kind_of_firm_name_it(facts):
    f = facts("晶片封裝服務商QXPT的股價昨日大漲。")
    assert "QXPT" in names_of(f, "Company"), names_of(f)


def test_an_operation_named_in_quotes_is_an_event(facts):
    f = facts("司法部公布名為「曙光行動」的調查，起訴兩名男子。")
    assert "曙光行动" in names_of(f, "Event"), names_of(f)


def test_a_brand_and_model_after_a_verb_and_its_aspect_mark_is_a_chip(facts):
    f = facts("2019年8月北辰科技發布了曜光2晶片，10個月後量產。")
    chip = key_of(f, "曜光2")
    assert f.entities[chip].cls == "Chip" and not any(e.cls == "Chip" and "北辰" in "".join(e.names)
                                                      for e in f.entities.values()), f.entities


def test_two_names_joined_then_two_figures_joined_go_in_order(facts):
    f = facts("消息一出，北辰微電子及星曜科技股價周四應聲下挫，盤中曾一度跌2.81%及3.55%。")
    owner = {str(st.amount.value): {k for _, k in st.roles} for st in f.statements if st.amount}
    assert owner.get("2.81") == {key_of(f, "北辰")} and owner.get("3.55") == {key_of(f, "星曜")}, owner


def test_a_list_of_investors_each_with_an_approximate_sum_and_its_conversion(facts):
    f = facts("北辰資本亦新投資200億日圓（約新台幣40.8億元），晴川電信約110億日圓（約新台幣22.4億元）、星曜汽車約50億日圓（約新台幣10.2億元）。")
    owner = {str(st.amount.value): {k for _, k in st.roles} for st in f.statements if st.amount and st.amount.unit == "JPY"}
    assert owner.get("11000000000") == {key_of(f, "晴川電信")} and key_of(f, "星曜汽車") in owner.get("5000000000", set()), owner


@pytest.mark.parametrize("sentence, court", [
    ("星曜科技同時在英國高等法院、德國地方法院提起訴訟。", "英国高等法院"),
    ("根據美國德州東區地方法院公布的起訴書，星曜科技指控北辰微電子侵權。", "美国德州东区地方法院"),
])
def test_a_court_named_by_its_level_and_places(facts, sentence, court):
    assert court in names_of(facts(sentence)), names_of(facts(sentence))


def test_a_slash_after_a_dateline_ends_it(facts):
    f = facts("晴川社北京11月15日電／商務部發言人就星曜科技問題答記者問時表示，中方堅決反對。")
    beijing = next(k for k, e in f.entities.items() if e.cls == "City")
    assert not any(beijing in {k for _, k in st.roles} for st in f.statements), f.statements


@pytest.mark.parametrize("sentence", [
    "北辰微電子在華市佔率由四年前的95%跌至零。",      # 市佔率: market share
    "不論是市值和成交額都佔大市約30%。",              # 大市: the market as a whole
    "全國三分之二的地級市達到千兆城市標準。",          # a kind of city
    "收入佔比超越傳統重鎮台灣。",                      # a verb's phrase
])
def test_markets_kinds_of_city_and_phrases_are_no_places(facts, sentence):
    f = facts(sentence)
    assert not [n for k, e in f.entities.items() if e.cls in ("City", "AdministrativeRegion", "Place") for n in e.names], f.entities


@pytest.mark.parametrize("sentence, name, cls", [
    ("星河微電子的旗艦產品NovaCore擁有128個核心。", "NovaCore", "Product"),
    ("星河微電子今天發布新一代處理器NovaCore X2。", "NovaCore X2", "Chip"),
    ("青嵐科技更新筆電StarBook，售價調升一成。", "StarBook", "Product"),
])
def test_a_capitalised_name_right_after_the_word_for_what_it_is_is_a_product(facts, sentence, name, cls):
    f = facts(sentence)
    assert name.lower() in {n.lower() for n in names_of(f, cls)}, names_of(f)


def test_a_product_listed_with_its_makers_name_before_the_next_one(facts):
    f = facts("市場競爭加劇，如星河微電子Graviox、青嵐科技Cobaltine晶片的擠壓。")
    assert {"Graviox", "Cobaltine"} <= names_of(f), names_of(f)
    assert (key_of(f, "Graviox"), "developer", key_of(f, "星河微電子")) in relations_of(f), relations_of(f)


def test_the_radical_丨_set_as_a_bar_in_a_byline_is_no_part_of_the_name(facts):
    f = facts("記者丨倪雨晨\n編輯丨包方明\n星河微電子今日公布季度財報。")
    assert {"倪雨晨", "包方明"} <= names_of(f, "Person"), names_of(f, "Person")
    assert not any("丨" in n for n in names_of(f))


def test_a_list_of_investors_summed_up_in_the_next_clause_is_a_list_of_organisations(facts):
    f = facts("該股引入星河通訊（香港）、North Peak、Blue Harbor Capital、青嵐資本、鋒算科技及明川資本，"
              "合共6名基石投資者，投資總額約5億港元。")
    found = {n.lower() for n in names_of(f)}
    assert {"north peak", "blue harbor capital", "青岚资本", "明川资本"} <= found, found
    assert any(n.startswith("星河通讯") for n in found), found


@pytest.mark.parametrize("sentence, person, prop, place", [
    ("林子恒出生於檳城，畢業於新加坡南洋理工大學，並取得麻省理工學院碩士學位。", "林子恒", "educatedAt", "麻省理工"),
    ("林子恒出生於檳城，畢業於新加坡南洋理工大學，並取得麻省理工學院碩士學位。", "林子恒", "educatedAt", "南洋理工"),
    ("林子恒出生於馬來西亞，畢業於新加坡南洋理工大學。", "林子恒", "placeOfBirth", "馬來西亞"),
    ("陳志明畢業於台灣大學電機系，曾任職於英特爾。", "陳志明", "educatedAt", "台灣大學"),
])
def test_where_a_person_studied_and_was_born_even_in_later_clauses_of_the_sentence(facts, sentence, person, prop, place):
    f = facts(sentence)
    assert (key_of(f, person), prop, key_of(f, place)) in relations_of(f), relations_of(f)


def test_what_happens_somewhere_is_no_birth(facts):
    f = facts("火災發生於台南，林子恒在場。")
    assert not any(p == "placeOfBirth" for _, p, _ in relations_of(f)), relations_of(f)


def test_a_persons_topic_is_not_carried_into_a_clause_naming_another_person(facts):
    f = facts("涉案兩人分別為居住加州的林子恒、持學生簽證並居於佛州坦帕的陳志明。")
    assert not linked(f, key_of(f, "林子恒"), key_of(f, "坦帕")), [st.roles for st in f.statements]


@pytest.mark.parametrize("sentence, person, org", [
    ("對此，上海明川律師事務所林子恒律師在接受採訪時表示，終止符合商業邏輯。", "林子恒", "明川律師事務所"),
    ("星河證券陳志明表示，需求依然強勁。", "陳志明", "星河證券"),
])
def test_a_person_right_after_an_organisation_then_a_title_or_saying_is_its_employee(facts, sentence, person, org):
    f = facts(sentence)
    assert key_of(f, person) in employees_of(f, key_of(f, org)), relations_of(f)


def test_an_outlet_and_its_reporter_in_brackets_opening_the_article(facts):
    f = facts("【星河快報/林子恒】經濟部週日公告，晶片補助加碼。")
    assert "星河快报" in names_of(f, "MediaOrganization"), names_of(f)
    assert key_of(f, "林子恒") in employees_of(f, key_of(f, "星河快報"))
    assert not linked(f, key_of(f, "林子恒"), key_of(f, "經濟部")), "the byline is no part of the news"


def test_a_stake_held_belongs_to_its_holder_named_before_the_clause_too(facts):
    f = facts("三季報顯示，目前星河微電子創始人陳天明為星河微電子第一大股東，持有星河微電子28.57%股份。")
    owners = {k for st in f.statements if st.amount and str(st.amount.value) == "28.57" for _, k in st.roles}
    assert owners == {key_of(f, "星河微電子"), key_of(f, "陳天明")}, owners


def test_the_shares_the_article_follows_stand_for_their_company(facts):
    f = facts("星河微電子今天在科創板上市，首日大漲。該股收盤價為829.9元，網下申購倍數高達2227.6倍。該股獲青嵐資本等機構認購。")
    star = key_of(f, "星河微電子")
    owners = {str(st.amount.value): {k for _, k in st.roles} for st in f.statements if st.amount}
    assert owners.get("829.9") == {star} and owners.get("2227.6") == {star}, owners
    assert linked(f, star, key_of(f, "青嵐資本"))
    g = facts("星河微電子今天在科創板上市。這股熱潮帶動青嵐科技等公司股價。")   # 這股熱潮: a wave, no pointer
    assert not linked(g, key_of(g, "星河微電子"), key_of(g, "青嵐科技"))


def test_a_list_its_closing_calls_firms_needs_no_known_member(facts):
    f = facts("同期，農銀創投、建信創投、交銀創投、中銀資產、工融金投等15家機構同步參與。")
    assert {"农银创投", "建信创投", "交银创投", "中银资产", "工融金投"} <= names_of(f), names_of(f)
    g = facts("同期，甲乙丙、好好學習、天天向上等三種態度。")
    assert not names_of(g)


@pytest.mark.parametrize("sentence, policies", [
    ("行業協會申請對原產於美國的模擬晶片發起反傾銷立案調查，並啟動反歧視調查。", {"反倾销立案调查", "反歧视调查"}),
    ("韓國國會通過尖端戰略產業法及半導體特別法。", {"尖端战略产业法", "半导体特别法"}),
    ("美國商務部將更多企業列入出口黑名單。", {"出口黑名单"}),
])
def test_probes_laws_and_blacklists_named_without_quotes_are_policies(facts, sentence, policies):
    assert policies <= names_of(facts(sentence), "Policy"), names_of(facts(sentence))


def test_ways_of_doing_and_enforcing_are_no_laws(facts):
    f = facts("執法單位依法處理，這種方法並不安全。")
    assert not names_of(f, "Policy"), names_of(f)


def test_今_alone_before_what_was_done_is_the_articles_day(facts):
    f = facts("星河微電子今決議通過高階主管人事異動，林子恒升任執行長。", published="2026-02-25")
    assert {st.date.iso for st in f.statements if st.date} == {"2026-02-25"}, [st.date for st in f.statements]
    g = facts("如今宣布的政策讓星河微電子與青嵐科技受惠。", published="2026-02-25")
    assert g.statements and not any(st.date for st in g.statements), [st.date for st in g.statements]


def test_an_investor_briefing_is_no_investment(facts):
    f = facts("星河微電子和青嵐科技召開投資者說明會。")
    assert not any(st.kind == "funding" for st in f.statements), [(st.kind, st.roles) for st in f.statements]
    g = facts("青嵐資本投資星河微電子。")
    assert any(st.kind == "funding" for st in g.statements)


def test_a_title_many_hold_is_shared_by_the_names_joined_after_the_first(facts):
    f = facts("檢方查出，涉嫌教唆仍在星河微電子任職的工程師林子恒及陳志明竊取機密。")
    assert {key_of(f, "林子恒"), key_of(f, "陳志明")} <= employees_of(f, key_of(f, "星河微電子")), relations_of(f)
    g = facts("星河微電子執行長林子恒與川普會面。")
    assert employees_of(g, key_of(g, "星河微電子")) == {key_of(g, "林子恒")}, relations_of(g)


def test_a_senior_vice_president_by_the_short_title(facts):
    f = facts("日月光高雄廠資深副總洪松井表示，動工是重要里程碑。")
    assert key_of(f, "洪松井") in employees_of(f, "ase"), relations_of(f)


def test_not_only_one_firm_but_a_list_of_others_links_them(facts):
    f = facts("法人指出，記憶體價格飆漲，不僅星河微電子後市可期，青嵐科技、鋒算科技、晴川電子、明川資本等台廠獲利也值得期待。")
    assert "星河微电子" in names_of(f, "Company"), names_of(f)
    assert linked(f, key_of(f, "星河微電子"), key_of(f, "明川資本"))


def test_prison_terms_listed_each_after_a_name_are_that_persons(facts):
    f = facts("檢方也對他們求處重刑，主謀林子恒被求處應執行有期徒刑14年、陳志明9年、王大同7年。")
    owner = {str(st.amount.value): {k for _, k in st.roles} for st in f.statements if st.amount and st.amount.unit == "YEAR"}
    assert owner == {"14": {key_of(f, "林子恒")}, "9": {key_of(f, "陳志明")}, "7": {key_of(f, "王大同")}}, owner
    g = facts("2025年、星河微電子3年營收成長。")   # (3年來 is a span of years; 3年 after a list, no term)
    assert not any(st.amount for st in g.statements)


def test_two_generations_of_a_family_are_two_entities(facts):
    f = facts("英特爾在CES發布Panther Lake，接替去年的Lunar Lake。")
    keys = {key_of(f, "Panther Lake"), key_of(f, "Lunar Lake")}
    assert len(keys) == 2 and all(f.entities[k].cls == "ChipFamily" for k in keys), keys


def test_a_japanese_or_korean_firms_會長_chairs_it(facts):
    f = facts("星河電子會長林子恒今日訪問美國，副會長陳志明隨行。")
    star = key_of(f, "星河電子")
    assert (star, "chairperson", key_of(f, "林子恒")) in relations_of(f), relations_of(f)
    g = facts("星河電子副會長陳志明出席。")
    assert not any(p == "chairperson" for _, p, _ in relations_of(g)), relations_of(g)


def test_a_foundrys_process_node_is_its_product_and_keeps_its_size(facts):
    f = facts("台積電的3奈米製程供不應求，青嵐科技的曜光9晶片採用台積電3奈米製程生產。")
    node = key_of(f, "3奈米製程")
    assert f.entities[node].cls == "Product"
    assert (node, "developer", "tsmc") in relations_of(f), relations_of(f)
    sizes = [{k for _, k in st.roles} for st in f.statements if st.amount and st.amount.unit == "NM"]
    assert sizes and all(node in keys for keys in sizes), sizes
    assert any(key_of(f, "曜光9") in keys for keys in sizes), "the chip made on the node keeps its size too"
    g = facts("該晶片為7奈米工藝的增強版，7奈米以下製程受限。")   # a figure of a process, no foundry's product
    assert not any(e.cls == "Product" for e in g.entities.values()), [e.names for e in g.entities.values()]


def test_a_fraction_of_another_chip_is_the_chip_its_sentence_is_about(facts):
    f = facts("青嵐科技發表邊緣推論晶片CY-300，主打車用市場，售價不到XG-510的三分之一。")
    owners = [{k for _, k in st.roles} for st in f.statements if st.amount and st.amount.unit == "ONE"]
    assert owners == [{key_of(f, "CY-300")}], owners
    g = facts("售價不到XG-510的三分之一。")   # nothing else named: the figure stays with the one named
    assert [st.amount.unit for st in g.statements if st.amount] == ["ONE"]


def test_figures_listed_respectively_stop_at_their_clause(facts):
    f = facts("調研機構數據顯示，青嵐科技、星河微電子、明川半導體在全球DRAM市場份額分別為40.35%、33.19%、20.73%，合計超94%。")
    owner = {str(st.amount.value): {k for _, k in st.roles} for st in f.statements if st.amount}
    assert owner["40.35"] == {key_of(f, "青嵐科技")} and owner["33.19"] == {key_of(f, "星河微電子")} \
        and owner["20.73"] == {key_of(f, "明川半導體")}, owner


def test_a_firms_figure_in_a_clause_naming_only_a_place_is_the_firms(facts):
    f = facts("星河微電子表示，計劃在美國七座晶圓廠投資逾600億美元。截至週三收盤，該公司股價收漲0.33%。")
    star = key_of(f, "星河微電子")
    owner = {str(st.amount.value): {k for _, k in st.roles} for st in f.statements if st.amount}
    assert owner["60000000000"] == {star} and owner["0.33"] == {star}, owner
    g = facts("財報顯示，星河微電子當季營收達570億美元；美國通用會計準則下淨利潤達319億美元，年增65%。")
    owner = {str(st.amount.value): {k for _, k in st.roles} for st in g.statements if st.amount}
    assert owner["31900000000"] == {key_of(g, "星河微電子")} and owner["65"] == {key_of(g, "星河微電子")}, owner


def test_years_of_service_and_experience_are_the_persons(facts):
    f = facts("林子恒在英特爾任職逾30年。星河微電子任命陳志明為營運長，他具超過25年半導體經驗，擁有52項全球專利。")
    years = {str(st.amount.value): {k for _, k in st.roles} for st in f.statements if st.amount}
    assert years["30"] == {key_of(f, "林子恒")} and years["25"] == {key_of(f, "陳志明")}, years
    assert years["52"] == {key_of(f, "陳志明")}, years
    assert (key_of(f, "林子恒"), "employer", "intel") in relations_of(f), relations_of(f)


@pytest.mark.parametrize("sentence, value, unit", [
    ("星河微電子指控青嵐科技侵犯8項美國專利。", "8", "ITEM"),
    ("星河微電子已實現超過900次部署。", "900", "OCCURRENCE"),
    ("星河微電子向超過290名客戶交付晶片。", "290", "ITEM"),
    ("美方將140餘家中國企業列入清單，星河微電子也在其中。", "140", "ENTITY"),
    ("星河微電子的方案已在500多家醫院落地。", "500", "ENTITY"),
    ("星河微電子將建成約70萬平方英尺的無塵室。", "700000", "SQUARE-FOOT"),
    ("星河微電子把晶圓減薄至30微米。", "30", "MICROMETRE"),
])
def test_counts_with_the_classifiers_of_patents_times_and_clients(facts, sentence, value, unit):
    got = {(str(st.amount.value), st.amount.unit) for st in facts(sentence).statements if st.amount}
    assert (value, unit) in got, got


def test_one_item_or_a_number_of_experts_is_no_count(facts):
    f = facts("參議員提出1項法案，20名安全專家去信星河微電子。")
    assert not any(st.amount for st in f.statements), [st.amount for st in f.statements]


@pytest.mark.parametrize("sentence, target", [
    ("川普警告星河微電子，將對其徵收至少25%的關稅。", "星河微電子"),
    ("多數手機在印度組裝，該國面臨50%的關稅。", "印度"),
    ("美國對越南徵收20%關稅，青嵐科技受影響。", "越南"),
])
def test_a_tariffs_rate_is_of_those_it_is_levied_on(facts, sentence, target):
    f = facts(sentence)
    owners = [{k for _, k in st.roles} for st in f.statements if st.amount and st.amount.unit == "PERCENT"]
    tariff = next(e.key for e in f.entities.values() if e.cls == "Policy")   # and the tariff named with it
    assert owners == [{key_of(f, target), tariff}], owners


def test_years_of_service_before_的_describe_the_person_after(facts):
    f = facts("星河微電子任命已在公司服務20年的林子恒為營運長。")
    owners = [{k for _, k in st.roles} for st in f.statements if st.amount]
    assert owners == [{key_of(f, "林子恒")}], owners


@pytest.mark.parametrize("sentence, person", [
    ("星河微電子董事會今決議通過人事異動，執行副總經理林子恒獲任命為總經理。", "林子恒"),
    ("星河微電子宣布，前資深副總經理陳志明已離職。", "陳志明"),
])
def test_a_senior_officers_title_opening_a_clause_names_the_sentences_company(facts, sentence, person):
    f = facts(sentence)
    assert (key_of(f, person), "employer", key_of(f, "星河微電子")) in relations_of(f), relations_of(f)


def test_a_body_whose_name_opens_with_its_country_is_of_that_country(facts):
    f = facts("美國商務部週三公布新規，星河微電子受影響。")
    assert (key_of(f, "美國商務部"), "country", "usa") in relations_of(f), relations_of(f)


@pytest.mark.parametrize("text, outlet", [
    ("晴川財經獲悉，星河微電子計劃投資逾600億美元。", "晴川财经"),
    ("[晴川新聞] 星河微電子今日舉行法說會。", "晴川新闻"),
    ("來源：晴川觀察，作者：林子恒\n星河微電子宣布量產。", "晴川观察"),
    ("作者：晴川網陳志明\n星河微電子認罪。", "晴川网"),
])
def test_an_outlet_cited_as_the_source_is_a_media_organisation_and_no_part_of_the_news(facts, text, outlet):
    f = facts(text)
    assert outlet in names_of(f, "MediaOrganization"), names_of(f)
    media = key_of(f, outlet)
    assert not linked(f, media, key_of(f, "星河微電子")), f.statements
    assert not any(media in {k for _, k in st.roles} for st in f.statements if st.amount)


@pytest.mark.parametrize("sentence, org", [
    ("明年1月8日正式掛牌，華泰國際為獨家保薦人。", "华泰国际"),
    ("根據晴川諮詢的資料，中國GPU市場快速擴張。", "晴川咨询"),
])
def test_a_sponsor_or_a_cited_source_of_data_is_an_organisation(facts, sentence, org):
    assert org in names_of(facts(sentence)), names_of(facts(sentence))
    g = facts("據統計，記者獲悉此事，本報獲悉其詳情。")
    assert not names_of(g), names_of(g)


def test_a_weekday_after_至_and_its_day_in_brackets(facts):
    f = facts("招股期由今日起至下週一（5日）結束，星河微電子隨後掛牌。", published="2025-12-31")
    assert "2026-01-05" in {st.date.iso for st in f.statements if st.date}, [st.date for st in f.statements]
    assert not any(st.date and st.date.iso == "2025-12-05" for st in f.statements)


def test_its_flagship_opening_a_sentence_is_the_previous_sentences_companys(facts):
    f = facts("青嵐科技成立於2018年，專注於雲端處理器設計。其旗艦產品NovaCore已進入量產。")
    assert (key_of(f, "NovaCore"), "developer", key_of(f, "青嵐科技")) in relations_of(f), relations_of(f)


def test_who_makes_a_core_ultra_generation_is_the_references(facts):
    f = facts("英特爾在CES發布Panther Lake處理器，接替去年採用台積電製程的Lunar Lake。")
    assert ("intel-panther-lake", "manufacturer", "intel") in relations_of(f), relations_of(f)


def test_the_people_named_after_a_partys_籍_are_its_members(facts):
    f = facts("跨黨派參議員提出法案，包括共和黨籍參議員林子恒、陳志明及民主黨籍參議員王大同。")
    members = {(s, o) for s, p, o in relations_of(f) if p == "memberOfParty"}
    assert members == {(key_of(f, "林子恒"), "us-republican-party"), (key_of(f, "陳志明"), "us-republican-party"),
                       (key_of(f, "王大同"), "us-democratic-party")}, members
    g = facts("國民黨籍立委林子恒表示反對，民進黨團則支持。")
    assert (key_of(g, "林子恒"), "memberOfParty", "kuomintang") in relations_of(g), relations_of(g)
    assert not any(p == "employer" for _, p, _ in relations_of(g)), relations_of(g)


def test_a_ministry_named_after_中共_is_the_prcs(facts):
    f = facts("針對美國動作，中共外交部今天反應激烈。")
    assert "china-mfa" in f.entities and "chinese-communist-party" not in f.entities, list(f.entities)


def test_a_fraction_written_with_a_slash_after_how_much(facts):
    f = facts("與前一代平台相比，星河微電子新平台的推論成本僅需1/7，所需GPU僅需1/4。")
    got = sorted(str(st.amount.value) for st in f.statements if st.amount and st.amount.unit == "ONE")
    assert got == ["0.142857143", "0.25"], got
    g = facts("星河微電子1/7公布財報。")   # a date, no fraction
    assert not any(st.amount and st.amount.unit == "ONE" for st in g.statements)


def test_a_figure_after_均_is_each_listed_members(facts):
    f = facts("星河科技的QH-900和QH-950採用相同架構，均支援高達96GB的HBM3E記憶體和高達4TB/s的頻寬。")
    owner = {str(st.amount.value): {k for _, k in st.roles} for st in f.statements if st.amount}
    both = {key_of(f, "QH-900"), key_of(f, "QH-950")}
    assert owner["96"] == both and owner["4"] == both, owner
    g = facts("台積電與三星今年營收都增長了20%。")
    owner = {str(st.amount.value): {k for _, k in st.roles} for st in g.statements if st.amount}
    assert owner["20"] == {"tsmc", "samsung-electronics"}, owner


def test_places_beside_a_firms_figure_are_where_not_whose(facts):
    f = facts("華虹半導體主要定位於特色工藝，在上海和張江建有三座晶圓廠，總投資達100億美元。")
    owners = {k for st in f.statements if st.amount for _, k in st.roles}
    assert owners == {"hua-hong"}, owners


def test_an_age_in_chinese_numerals_is_the_persons(facts):
    f = facts("檢方起訴四十三歲的林志明與五十八歲的加拿大公民陳國華，指其走私晶片。")
    ages = {str(st.amount.value): {k for _, k in st.roles} for st in f.statements if st.amount}
    assert ages == {"43": {key_of(f, "林志明")}, "58": {key_of(f, "陳國華")}}, ages


def test_a_levied_tariff_is_a_policy_named_with_its_rate_and_kind(facts):
    f = facts("星國總統簽署命令，對進口記憶體加徵25%的進口從價關稅。受影響的產品將被課徵25%關稅。")
    tariffs = [e for e in f.entities.values() if e.cls == "Policy" and any("關稅" in n or "关税" in n for n in e.names)]
    assert len(tariffs) == 1, [sorted(e.names) for e in tariffs]
    assert {to_simplified(n) for n in tariffs[0].names} == {"25%的进口从价关税", "25%关税"}, tariffs[0].names
    owners = {k for st in f.statements if st.amount for _, k in st.roles}
    assert tariffs[0].key in owners, owners


def test_a_bare_tariff_is_the_one_named_before_and_a_tariff_in_passing_is_none(facts):
    f = facts("美國宣布對中國晶片加徵關稅。中方堅決反對美方濫施關稅。")
    tariffs = {e.key for e in f.entities.values() if e.cls == "Policy"}
    assert len(tariffs) == 1, tariffs
    g = facts("在應對美國關稅等不確定因素時，星河科技表示審慎，並已知會關稅局。")
    assert not any(e.cls == "Policy" for e in g.entities.values()), [sorted(e.names) for e in g.entities.values()]


def test_the_end_of_a_title_is_no_part_of_the_name_after_it(facts):
    f = facts("國科會副主委林子恒表示，每年都會滾動檢討技術清單。")
    people = {to_simplified(n) for e in f.entities.values() if e.cls == "Person" for n in e.names}
    assert people == {"林子恒"}, people
    assert (key_of(f, "林子恒"), "employer", "nstc") in relations_of(f), relations_of(f)


@pytest.mark.parametrize("sentence", ["三星電子將投資輝達20億美元，雙方將合作開發晶片。",
                                      "三星電子宣布對輝達投資20億美元。"])
def test_a_company_invested_in_is_owned_in_part_by_the_investor(facts, sentence):
    f = facts(sentence)
    assert ("nvidia", "ownedBy", "samsung-electronics") in relations_of(f), relations_of(f)
    g = facts("三星電子將投資美國400億美元。")   # a country invested in is owned by no one
    assert not any(p == "ownedBy" for _, p, _ in relations_of(g)), relations_of(g)


@pytest.mark.parametrize("byline", ["作者：晴川網林志明", "晴川新聞 |林志明 綜合報導"])
def test_a_writer_after_an_outlet_opening_a_line_works_for_it(facts, byline):
    f = facts(byline + "\n輝達今天發布新款晶片。")
    outlet = next(e.key for e in f.entities.values() if e.cls == "MediaOrganization")
    assert (key_of(f, "林志明"), "employer", outlet) in relations_of(f), relations_of(f)


@pytest.mark.parametrize("sentence, person", [
    ("美光股價一度大漲近10%，主因財務長林子恒透露，公司已開始量產新款記憶體。", "林子恒"),
    ("美光僅強調，公司將維持獨立營運，並由原財務長陳志明接任執行長。", "陳志明"),
    ("美光同時宣布成立中央工程團隊，由6月到職的資深副總裁王大同帶領。", "王大同"),
])
def test_an_officer_title_after_a_joining_word_names_an_officer_of_the_sentences_company(facts, sentence, person):
    f = facts(sentence)
    assert (key_of(f, person), "employer", "micron") in relations_of(f), relations_of(f)


def test_a_figure_after_各自_is_each_listed_members(facts):
    f = facts("自2023年以來，美光和長江存儲各自挑戰了對方20多項專利的有效性。")
    owner = {str(st.amount.value): {k for _, k in st.roles} for st in f.statements if st.amount}
    assert owner["20"] == {"micron", "ymtc"}, owner


def test_a_leader_named_in_an_administrations_name_is_named_too(facts):
    f = facts("星國商務部表示，將撤銷拜登政府時期制定的規則。")
    assert "joe-biden" in f.entities and any(e.cls == "GovernmentAgency" and any("拜登" in n for n in e.names)
                                             for e in f.entities.values()), list(f.entities)
    # (the leader joins no frame: what the administration did is the administration's)
    assert not any("joe-biden" in {k for _, k in st.roles} for st in f.statements), f.statements


def test_a_provinces_or_citys_police_is_a_body_of_its_own(facts):
    f = facts("2023年12月，上海警方在公安部統一部署下，聯合江蘇警方破獲一起竊密案。")
    assert {"上海警方", "江苏警方"} <= names_of(f, "GovernmentAgency"), f.entities


def test_a_short_body_name_after_its_place_is_named_whole_and_seated_there(facts):
    f = facts("根據浙江證監局披露，晴川晶圓已完成輔導備案。上海三中院隨後作出判決。")
    assert {"浙江证监局", "上海三中院"} <= names_of(f), names_of(f)
    body = next(e.key for e in f.entities.values() if "浙江證監局" in e.names or "浙江证监局" in e.names)
    assert (body, "headquarters", "zhejiang") in relations_of(f), relations_of(f)
    g = facts("大馬貿工部長今天在吉隆坡貿工部總部宣布新規。")   # a ministry is the country's, wherever it sits
    assert not any("吉隆坡" in n and "部" in n for n in names_of(g, "GovernmentAgency")), names_of(g)


def test_a_notice_number_without_年_is_the_notice(facts):
    f = facts("商務部公告2025第62號規定了新的管制措施。")
    assert "公告2025第62号" in names_of(f, "Policy"), names_of(f)


def test_phone_operating_systems_are_known_products(facts):
    f = facts("鴻蒙系統裝置數突破2700萬，挑戰安卓與iOS的地位。")
    assert {"android", "ios", "harmonyos"} <= set(f.entities), list(f.entities)


def test_an_outlet_credited_on_a_line_of_its_own(facts):
    f = facts("圖、文／晴川週刊\n台積電今天公布人事案。")
    assert "晴川周刊" in names_of(f, "MediaOrganization"), names_of(f)


def test_people_named_to_an_officers_post_work_for_the_articles_company(facts):
    f = facts("美光於10日董事會中宣布人事升遷案。本次人事異動由林子恒與陳志明領銜晉升為資深副總經理。"
              "此外，研發副總經理王大同與李建國也雙雙升任資深副總經理。")
    employed = {s for s, p, o in relations_of(f) if p == "employer" and o == "micron"}
    assert employed == {key_of(f, n) for n in ("林子恒", "陳志明", "王大同", "李建國")}, relations_of(f)


def test_what_a_clause_naming_nothing_has_is_the_person_its_sentence_opens_with(facts):
    f = facts("美光今年營收成長20%。王建民原任晶圓廠營運副總，擁有約300項全球專利，曾多次獲獎。")
    owners = {str(st.amount.value): {k for _, k in st.roles} for st in f.statements if st.amount}
    assert owners["300"] == {key_of(f, "王建民")}, owners


def test_counts_of_charges_in_chinese_numerals_and_of_pages(facts):
    f = facts("前工程師林子恒被陪審團判定七項經濟間諜罪成立，他曾竊取超過2,000頁晶片設計文件。")
    got = sorted((str(st.amount.value), st.amount.unit) for st in f.statements if st.amount)
    assert got == [("2000", "PAGE"), ("7", "ITEM")], got


def test_a_decree_named_with_its_year_is_a_policy(facts):
    f = facts("星國依據2010年戰略貿易法令管制晶片出口。")
    assert "2010年战略贸易法令" in names_of(f, "Policy"), names_of(f)


def test_an_outlet_of_one_character_and_a_word_for_media(facts):
    f = facts("圖、文／鏡週刊\n台積電今天公布人事案。")
    assert "镜周刊" in names_of(f, "MediaOrganization"), names_of(f)


def test_capitalised_names_a_context_says_are_firms(facts):
    f = facts("Brightlane、Corvex和Tessaro等本地企業受惠於新政策。")
    assert {"Brightlane", "Corvex", "Tessaro"} <= names_of(f, "Company"), names_of(f)
    g = facts("出席者包括Brightlane執行長林志明。")
    assert (key_of(g, "林志明"), "employer", key_of(g, "Brightlane")) in relations_of(g), relations_of(g)
    h = facts("AI、GPU等企業需求強勁。")   # acronyms of the trade are no firms
    assert not names_of(h, "Company"), names_of(h)


def test_a_registered_name_opens_with_its_seat_and_counterparties_listed_are_organisations(facts):
    f = facts("上市公司擬向杭州晴芯、寧遠海川、臨安晴微、杭州芯坊等41名交易對方購買杭州晴微電子科技有限公司64.69%股權。")
    orgs = names_of(f, "Organization") | names_of(f, "Company")
    assert {"杭州晴微电子科技有限公司", "杭州晴芯", "宁远海川", "临安晴微", "杭州芯坊"} <= orgs, orgs
    assert not any(p == "headquarters" for _, p, _ in relations_of(f)), relations_of(f)


def test_capitalised_names_listed_after_firms_and_a_strategy_with_its_abbreviation(facts):
    f = facts("其中9家公司，包括Brightlane、Corvex、Tessaro和Quillon，預計今年營收將超過5億令吉。")
    assert {"Brightlane", "Corvex", "Tessaro", "Quillon"} <= names_of(f, "Company"), names_of(f)
    g = facts("政府已通過國家半導體戰略(NSS)獲得逾630億令吉的投資。")
    assert "国家半导体战略" in names_of(g, "Policy"), names_of(g)


def test_a_model_with_its_edition_and_a_core_named_with_its_family(facts):
    f = facts("晴川O1的性能接近蘋果A18 Pro，採用Cortex-X925超大核。")
    assert {"A18 Pro", "Cortex-X925"} <= {n for e in f.entities.values() for n in e.names}, list(f.entities)


def test_cores_millimetres_and_ten_thousands_written_with_the_units_below(facts):
    f = facts("星河科技的QH-900採用10核CPU與16核GPU。商務部的管制清單共1萬1200項物品。英飛凌建設200毫米碳化矽晶圓廠。")
    got = sorted((str(st.amount.value), st.amount.unit) for st in f.statements if st.amount)
    assert ("10", "CORE") in got and ("16", "CORE") in got and ("11200", "ITEM") in got and \
        ("200", "MILLIMETRE") in got, got
    g = facts("主管機關核准3項申請。")   # 核准: approved, no core
    assert not any(st.amount and st.amount.unit == "CORE" for st in g.statements)


def test_a_sum_after_a_word_for_money_with_no_currency_and_square_metres_in_taiwanese(facts):
    f = facts("2025年第三季度，中芯國際實現營收100.64億，淨利潤為4.83億，環比大增82.39%。")
    got = {(str(st.amount.value), st.amount.unit) for st in f.statements if st.amount}
    assert {("10064000000", "CURRENCY-UNSTATED"), ("483000000", "CURRENCY-UNSTATED")} <= got, got
    g = facts("台積電的封測廠第1期工程占地1600平方公尺，營收100億股不是金額。")
    got = {(str(st.amount.value), st.amount.unit) for st in g.statements if st.amount}
    assert ("1600", "SQUARE-METRE") in got and not any(u == "CURRENCY-UNSTATED" for _, u in got), got


def test_latin_names_ending_in_more_corporate_words_and_the_vietnamese_party(facts):
    f = facts("晶片設計軟體商Brightlane Solutions與Corvex Systems宣布合作。")
    assert {"Brightlane Solutions", "Corvex Systems"} <= names_of(f, "Company"), names_of(f)
    g = facts("越共中央總書記蘇林出席封測廠落成典禮。")
    assert {"communist-party-of-vietnam", "to-lam"} <= set(g.entities) and "chinese-communist-party" not in g.entities, \
        list(g.entities)


@pytest.mark.parametrize("sentence, founder, chair", [
    ("小米集團創始人，董事長兼CEO雷軍在會上介紹了新晶片。", True, True),
    ("英偉達創始人兼CEO黃仁勳開啟中國行。", True, False),
    ("台積電副董事長兼總裁魏哲家表示需求強勁。", False, False),
])
def test_a_chiefs_other_titles_before_the_name_found_and_chair_too(facts, sentence, founder, chair):
    f = facts(sentence)
    rels = relations_of(f)
    ceo = next((s, o) for s, p, o in rels if p == "chiefExecutiveOfficer")
    assert ((*ceo[:1], "foundedBy", ceo[1]) in rels) == founder and ((*ceo[:1], "chairperson", ceo[1]) in rels) == chair, rels


def test_a_chair_by_title_after_the_companys_clause_and_a_person_founding_a_firm(facts):
    f = facts("鴻海昨日舉行新春開工團拜，董事長劉揚偉預告今年營收成長。")
    assert ("foxconn", "chairperson", "young-liu") in relations_of(f), relations_of(f)
    g = facts("林志明在2015年創辦了晴川科技。")
    assert (key_of(g, "晴川科技"), "foundedBy", key_of(g, "林志明")) in relations_of(g), relations_of(g)
    h = facts("林志明表示成立晴川科技的新部門。")   # a saying verb between: he did not found it
    assert not any(p == "foundedBy" for _, p, _ in relations_of(h)), relations_of(h)


def test_a_writer_in_a_bracketed_credit_and_a_chief_accountant(facts):
    f = facts("【文/晴川網 林志明】\n美國眾議院通過法案。")
    outlet = next(e.key for e in f.entities.values() if e.cls == "MediaOrganization")
    assert (key_of(f, "林志明"), "employer", outlet) in relations_of(f), relations_of(f)
    g = facts("接棒的是華潤集團總會計師周響華。")
    assert (key_of(g, "周響華"), "employer", key_of(g, "華潤集團")) in relations_of(g), relations_of(g)


def test_a_news_outlet_named_in_the_news_owns_no_figure(facts):
    for sentence in ("財聯社記者從市場了解到，一款記憶體的價格在10天內兩度上調。", "據彭博報導，這款記憶體的價格上漲了50%。",
                     "路透社指出，去年數據中心投資激增9倍。"):
        f = facts(sentence)
        owners = {k for st in f.statements if st.amount for _, k in st.roles}
        assert not any(f.entities[k].cls == "MediaOrganization" for k in owners if k in f.entities), (sentence, owners)


def test_a_latin_name_in_brackets_after_a_firms_name_is_that_firm_throughout(facts):
    f = facts("投資計劃包括晴川半導體(Brightlane)的先進封裝技術。其中9家公司，包括Brightlane、Corvex和Tessaro，預計營收將超過5億令吉。")
    firm = [e for e in f.entities.values() if "Brightlane" in e.names]
    assert len(firm) == 1 and any("晴川" in n for n in firm[0].names), [sorted(e.names) for e in f.entities.values()]


def plants_of(f) -> dict[str, set[str]]:
    """The plants an extraction names (Place entities found by the facility rule), by key."""
    return {k: {to_simplified(n) for n in e.names} for k, e in f.entities.items()
            if e.cls == "Place" and any(m.rule == "facility" for m in e.mentions)}


def test_plants_named_by_code_and_site_are_places_their_firm_owns(facts):
    f = facts("星曜半導體在竹南P7廠擴產，北辰微電子K21B廠房也已動工。")
    names = set().union(*plants_of(f).values())
    assert {"竹南p7厂", "k21b厂房"} <= {n.casefold() for n in names}, plants_of(f)
    assert not names_of(f, "Chip")   # K21B is the plant's code, no chip
    plant = key_of(f, "K21B")
    assert (plant, "ownedBy", key_of(f, "北辰微電子")) in relations_of(f)


def test_a_plant_by_its_site_or_number_after_its_firm(facts):
    f = facts("北辰微電子二林廠月產能三萬片，星曜半導體五廠則於去年投片。")
    assert (key_of(f, "二林廠"), "ownedBy", key_of(f, "北辰微電子")) in relations_of(f)
    assert (key_of(f, "五廠"), "ownedBy", key_of(f, "星曜半導體")) in relations_of(f)


@pytest.mark.parametrize("sentence", [
    "台廠與車廠紛紛擴產，代工廠與封測廠也在擴建12吋廠，兩廠合計月產三萬片。",
    "星曜半導體晶圓廠與北辰微電子代工廠都在擴產，星曜半導體新建廠房明年完工。",
])
def test_kinds_of_plants_are_no_plants(facts, sentence):
    assert not plants_of(facts(sentence))


def test_a_site_named_only_in_a_plants_name_is_no_place_of_the_article(facts):
    f = facts("星曜半導體新竹P5廠已量產。")
    assert not names_of(f, "City") and len(plants_of(f)) == 1
    f = facts("星曜半導體總部位於新竹，新竹P5廠今年已量產。")
    assert (key_of(f, "P5"), "locatedIn", key_of(f, "新竹")) in [(s, p, o) for s, p, o in relations_of(f)
                                                                if p == "locatedIn" and s.startswith("place/")]


def test_a_plant_named_by_its_site_alone_is_the_one_coded_plant_there(facts):
    f = facts("星曜半導體嘉義AP9廠明年初裝機，業界預期星曜半導體嘉義廠將大量交機。")
    assert len(plants_of(f)) == 1, plants_of(f)
    assert {"嘉义ap9厂", "嘉义厂"} <= {n.casefold() for n in next(iter(plants_of(f).values()))}


def test_firms_setting_up_a_venture_together_own_it_and_it_is_what_the_sentence_is_about(facts):
    f = facts("星曜半導體（3388）與印度電子巨頭北辰集團合資成立的瀚川微電子，21日在孟買舉行動土典禮，"
              "計畫投資金額達370億盧比。", published="2026-02-22")
    venture = key_of(f, "瀚川微電子")
    assert {(venture, "ownedBy", key_of(f, "星曜半導體")), (venture, "ownedBy", key_of(f, "北辰集團"))} <= relations_of(f)
    money = [st for st in f.statements if st.amount is not None and st.amount.value == "37000000000"]
    assert money and all(dict(st.roles).get("subject") == venture for st in money), money
    dated = {k for st in f.statements if st.date is not None and st.date.iso == "2026-02-21" for _, k in st.roles}
    assert venture in dated


def test_a_sum_the_tagger_calls_an_organisation_is_none_and_a_firm_cut_before_its_business_word_is_whole(facts):
    f = facts("兩家廣東國資總計出資額為360億元，位列省級地方國資出資額之首，與華開金融並列第二。")
    assert not any(re.match(r"\d", n) for n in names_of(f)), names_of(f)
    f = facts("兩家地方國資總計出資額為360億元，與國開金融並列第二。")
    assert "国开金融" in names_of(f) and "国开" not in names_of(f), names_of(f)


def test_a_word_joining_clauses_does_not_open_the_first_name_of_a_list(facts):
    f = facts("星曜半導體實現扭虧為盈，而KLM星環、立華微、滬晶產業等企業則繼續虧損。")
    assert "klm星环" in {n.casefold() for n in names_of(f)}
    assert not any(n.startswith("而") for n in names_of(f)), names_of(f)


def test_earnings_and_losses_per_share_in_cents(facts):
    f = facts("星曜半導體上季淨損6億美元，每股虧損12美分；調整後每股盈餘則為5美分。")
    cents = {(st.amount.value, st.amount.metric) for st in f.statements
             if st.amount is not None and st.amount.unit == "USD-CENT"}
    assert cents == {("12", "loss-per-share"), ("5", "eps")}, cents


@pytest.mark.parametrize("text, outlet", [
    ("來源 | 《晴川》雜誌 作者 | 林子恒 編輯 | 王曉燕\n星曜半導體今天在香港掛牌上市。", "晴川"),
    ("晴川網9月28日訊 星曜半導體今天在香港掛牌上市，首日股價大漲。(編輯/張曉玲)", "晴川網"),
])
def test_writers_and_editors_credited_on_a_source_line_or_in_brackets_work_for_the_articles_outlet(facts, text, outlet):
    f = facts(text, published="2025-09-28")
    staff = employees_of(f, key_of(f, outlet))
    people = {k for k, e in f.entities.items() if e.cls == "Person"}
    assert people and staff == people, (staff, people)


def test_a_listed_firm_after_a_word_for_firms_or_one_opening_a_list(facts):
    f = facts("晶圓代工廠瀚川微（6612）表示，設備廠商包括晶聯（2467）、華翔（6178）。")
    assert {"瀚川微", "晶联", "华翔"} <= names_of(f, "Company"), names_of(f)
    assert not any(n.startswith("包") for n in names_of(f)), names_of(f)


def test_a_listed_firms_short_name_with_its_stock_code_is_the_known_firm_it_opens(facts):
    f = facts("晶圓代工廠世界先進（5347）表示，新加坡廠進度超前。")
    assert "vis" in f.entities, sorted(f.entities)
    assert "vis" not in facts("我們的技術已達到世界先進水平，產品遠銷海外。").entities


def test_a_known_persons_name_inside_a_longer_transliterated_name_is_part_of_it(facts):
    f = facts("根據弗若斯特沙利文的資料，星曜半導體是全球第二大碳化矽襯底製造商。")
    assert not names_of(f, "Person"), names_of(f, "Person")
    assert "弗若斯特沙利文" in names_of(f)


def test_whom_data_are_cited_from_owns_none_of_its_figures(facts):
    f = facts("根據晴川諮詢的資料，2024年中國GPGPU出貨量達1600萬片，年複合增長率為72.8%。")
    source = key_of(f, "晴川諮詢")
    owners = {k for st in f.statements if st.amount is not None and st.evidence.rule.startswith("amount-")
              for _, k in st.roles}
    assert owners and source not in owners, owners
    assert "china" in owners


def test_a_margin_either_way_is_no_negative_figure_and_a_plant_named_again_is_one(facts):
    f = facts("星曜半導體預估每股盈餘落在2.85美元正負7美分，毛利率為44.5%正負0.5個百分點。")
    values = {st.amount.value for st in f.statements if st.amount is not None}
    assert "7" in values and not any(v.startswith("-") for v in values), values
    f = facts("星曜半導體居林工廠一期正式投產。居林工廠二期將於明年動工。")
    assert len(plants_of(f)) == 1, plants_of(f)


def test_people_appointed_together_to_a_post_by_latin_names(facts):
    f = facts("星曜半導體已決定任命Peter Brandon與Sarah Wilkinson Morgan兩位資深高管為臨時聯席首席執行官。")
    firm = key_of(f, "星曜半導體")
    people = {k for k, e in f.entities.items() if e.cls == "Person"}
    assert len(people) == 2, people
    assert employees_of(f, firm) == people
    assert {(firm, "chiefExecutiveOfficer", p) for p in people} <= relations_of(f)


def test_a_malaysian_registered_name_and_its_short_form_opening_a_paragraph(facts):
    f = facts("和聯電子(馬)有限公司昨天舉行擴建動土儀式。\n和聯電子將在檳城擴建廠房。")
    firms = [e for e in f.entities.values() if e.cls == "Company"]
    assert len(firms) == 1 and {"和联电子", "和联电子(马)有限公司"} <= {to_simplified(n) for n in firms[0].names}, firms


def test_a_kind_of_semiconductor_is_no_firm(facts):
    f = facts("星曜半導體將生產200毫米碳化矽功率半導體，也投入化合物半導體。")
    assert names_of(f, "Company") == {"星曜半导体"}, names_of(f)


def test_names_each_with_its_figure_in_a_list_are_firms(facts):
    f = facts("營收方面，其次是晶華偉業57.99億元、星曜半導體49.61億元、瀚川長青32.65億元。")
    assert {"晶华伟业", "星曜半导体", "瀚川长青"} <= names_of(f), names_of(f)
    figures = {(dict(st.roles).get("subject"), st.amount.value) for st in f.statements if st.amount is not None}
    assert (key_of(f, "瀚川長青"), "3265000000") in figures, figures


def test_today_in_a_wire_filed_the_day_before_it_was_published_is_the_day_it_was_filed(facts):
    f = facts("（中央社記者林某華盛頓27日專電）星曜半導體今天宣布在德州設廠。", published="2025-07-28")
    assert {st.date.iso for st in f.statements if st.date is not None} == {"2025-07-27"}
    f = facts("星曜半導體今天宣布在德州設廠。", published="2025-07-28")
    assert {st.date.iso for st in f.statements if st.date is not None} == {"2025-07-28"}


def test_a_plant_named_by_its_kind_and_a_code_in_brackets(facts):
    f = facts("星曜半導體預計在第六期廠(P9廠)用地轉興建先進封裝(AP)廠，合資公司也將啟動半導體封裝測試（OSAT）新廠。")
    names = {n.casefold() for ns in plants_of(f).values() for n in ns}
    assert {"p9厂", "先进封装(ap)厂", "半导体封装测试(osat)新厂"} <= {n.replace("（", "(").replace("）", ")") for n in names}, names
    assert not names_of(f, "MediaOrganization")   # AP here is no news agency


def test_a_group_or_a_house_known_by_its_letters(facts):
    f = facts("根據XK證券預估，XYZ集團的新廠將於11月完工，AI公司也看好。")
    assert {"xk证券", "xyz集团"} <= {n.casefold() for n in names_of(f, "Company")}, names_of(f)
    assert not any(n.casefold().startswith("ai") for n in names_of(f)), names_of(f)


def figures_of(f) -> set[tuple[str | None, str]]:
    """(subject key, value) of every figure the extraction states."""
    return {(dict(st.roles).get("subject"), st.amount.value) for st in f.statements if st.amount is not None}


def dates_of(f) -> set[str]:
    return {st.date.iso for st in f.statements if st.date is not None}


def test_days_and_counts_in_chinese_numerals(facts):
    """自由時報's print edition writes days and counts in Chinese numerals: 十二日, 二十三家, 三十二個."""
    f = facts("美國商務部十二日以國家安全為由，將二十三家中國實體列入實體清單，其中土耳其三家。", published="2025-09-14")
    assert "2025-09-12" in dates_of(f), dates_of(f)
    assert {"23", "3"} <= {v for _, v in figures_of(f)}, figures_of(f)
    f = facts("這兩家公司與三四家供應商合作，星曜半導體一家獨大。", published="2025-09-14")
    assert not figures_of(f), figures_of(f)   # both, three or four, one: no count


def test_yesterday_is_the_papers_and_a_moving_average_no_date(facts):
    f = facts("星曜半導體自9月10日以來股價飆漲逾九成，昨日召開法說會，今日跌穿5日線。", published="2025-10-30")
    assert {"2025-10-29", "2025-10-30"} <= dates_of(f), dates_of(f)
    assert not {"2025-09-09", "2025-09-05", "2025-10-05"} & dates_of(f), dates_of(f)


def test_a_year_of_the_republic_of_china_calendar(facts):
    f = facts("星曜半導體在民國112年4月確定於高雄建廠，民國99年成立。", published="2025-12-01")
    assert {"2023-04", "2010"} <= dates_of(f), dates_of(f)


@pytest.mark.parametrize("text, org, prop", [
    ("星曜半導體連續虧損九季，董座林子恒宣告將重新投入細節管理。", "星曜半導體", "chairperson"),
    ("北辰電子聯合創辦人兼總執行長拿督林子恒表示，不少同事都是馬來西亞人。", "北辰電子", "chiefExecutiveOfficer"),
])
def test_a_chair_called_dongzuo_and_a_chief_with_a_malaysian_honour(facts, text, org, prop):
    f = facts(text)
    assert (key_of(f, org), prop, key_of(f, "林子恒")) in relations_of(f), relations_of(f)
    assert names_of(f, "Person") == {"林子恒"}, names_of(f, "Person")


def test_a_mayor_of_a_city_whose_name_takes_the_shi(facts):
    f = facts("高雄市長林子恒表示，星曜半導體量產是重要里程碑。")
    assert ("kaohsiung", "headOfGovernment", key_of(f, "林子恒")) in relations_of(f), relations_of(f)


def test_a_form_of_address_after_a_two_character_name_is_no_part_of_it(facts):
    f = facts("星曜半導體宣布，中國區董事長林銳博士將於本月退休。林銳博士1994年加入星曜半導體。")
    assert names_of(f, "Person") == {"林锐"}, names_of(f, "Person")


def test_a_known_firms_registered_name_is_that_firm_and_a_subsidiarys_is_not(facts):
    f = facts("中科寒武紀科技股份有限公司今天公告定增獲准，寒武紀將擴產。")
    assert [k for k, e in f.entities.items() if e.cls == "Company"] == ["cambricon"], names_of(f, "Company")
    f = facts("英特爾半導體有限公司今天宣布擴產。")
    assert ("company/" in key_of(f, "英特爾半導體有限公司")
            and (key_of(f, "英特爾半導體有限公司"), "parentOrganization", "intel") in relations_of(f)), relations_of(f)


@pytest.mark.parametrize("text, government", [
    ("高市府表示，星曜半導體量產後可帶來1500個就業機會。", "高市府"),
    ("台北市政府與星曜半導體簽約，北辰微電子也將跟進。", "台北市政府"),
])
def test_a_citys_government(facts, text, government):
    f = facts(text)
    assert f.entities[key_of(f, government)].cls == "GovernmentAgency", names_of(f)
    assert not names_of(f, "Person"), names_of(f, "Person")


def test_a_plants_code_in_brackets_and_where_it_is(facts):
    f = facts("位於高雄的星曜半導體晶圓5廠（Fab5）是新製程的生產基地。高市府表示，Fab5量產後可帶來就業機會。")
    assert len(plants_of(f)) == 1, plants_of(f)
    plant = next(iter(plants_of(f)))
    assert {"晶圆5厂", "Fab5"} <= plants_of(f)[plant] | {n.replace("fab", "Fab") for n in plants_of(f)[plant]}, plants_of(f)
    f = facts("星曜半導體計劃在明年關閉位於高雄的8吋晶圓廠S9。")
    assert (key_of(f, "S9"), "locatedIn", "kaohsiung") in relations_of(f), relations_of(f)


def test_critical_materials_and_kinds_of_memory_are_products(facts):
    f = facts("北辰國暫停鎵、鍺、銻等兩用物項出口，石墨也實施更嚴格審查；石墨烯則不受影響。")
    assert {"gallium", "germanium", "antimony", "graphite"} <= set(f.entities), sorted(f.entities)
    assert "石墨烯" not in names_of(f)
    f = facts("星曜半導體將加速推進3D NAND與NOR Flash開發，並退出低密度eMMC市場。")
    assert {"3d-nand", "nor-flash", "emmc"} <= set(f.entities), sorted(f.entities)


@pytest.mark.parametrize("text, owned, owner", [
    ("青嵐資本持有星曜半導體約56%的股份。", "星曜半導體", "青嵐資本"),
    ("北辰集團和瀚川智算均為星曜半導體的股東。", "星曜半導體", "瀚川智算"),
    ("北辰集團和瀚川智算均為星曜半導體的股東。", "星曜半導體", "北辰集團"),
    ("星曜半導體母公司北辰集團計劃明年增資。", "星曜半導體", "北辰集團"),
    ("北辰集團宣布分拆星曜半導體赴港上市。", "星曜半導體", "北辰集團"),
    # whoever controls a firm owns it: 實控人, 控股股東, 大股東 (控股 and the tagger's 大 no part of the firm)
    ("法庭裁定暫停北辰科技實控人陳某在晴川半導體的董事職務。", "北辰科技", "陈某"),
    ("晴川集團控股股東曜芯資本宣布減持。", "晴川集团", "曜芯资本"),
    ("北辰科技大股東晴川集團宣布增持。", "北辰科技", "晴川集团"),
])
def test_holders_controllers_parents_and_spin_offs_own_the_firm(facts, text, owned, owner):
    f = facts(text)
    assert (key_of(f, owned), "ownedBy", key_of(f, owner)) in relations_of(f), relations_of(f)


def test_firms_listed_after_their_country_and_a_country_before_a_described_firm(facts):
    f = facts("台灣公司包括星曜（1234）、北辰（5678）和瀚川（9012）等。")
    assert {(key_of(f, n), "country", "taiwan") for n in ("星曜", "北辰", "瀚川")} <= relations_of(f), relations_of(f)
    f = facts("中國氮化鎵(GaN)大廠星曜半導體今天宣布擴產。")
    assert (key_of(f, "星曜半導體"), "country", "china") in relations_of(f), relations_of(f)


def test_tenths_in_digits_the_same_day_and_a_day_from_which(facts):
    f = facts("星曜半導體力保乙太網路9成市占。")
    assert "90" in {v for _, v in figures_of(f)}, figures_of(f)
    f = facts("星曜半導體2024年5月27日宣布簽約，當晚青嵐科技也宣布出資。", published="2024-05-28")
    assert (key_of(f, "青嵐科技"), "2024-05-27") in {(k, st.date.iso) for st in f.statements if st.date
                                                      for _, k in st.roles}, f.statements
    f = facts("星曜半導體的新筆電自6日起接受訂購。", published="2026-01-05")
    assert "2026-01-06" in dates_of(f), dates_of(f)


def test_a_technologys_figure_in_a_trackers_report_is_the_trackers(facts):
    f = facts("青嵐顧問昨（5）日發布報告指出，本季DRAM合約價將季增55%至60%；NAND Flash合約價季增33%至38%。",
              published="2026-01-06")
    said = {(k, st.amount.value) for st in f.statements if st.amount is not None for r, k in st.roles if r == "subject"}
    assert {(key_of(f, "青嵐顧問"), v) for v in ("55", "60", "33", "38")} <= said, said


def test_congress_alone_is_the_us_congress_and_another_countrys_parliament_is_its_own(facts):
    f = facts("國會呼籲限制星曜半導體出貨，日本國會則通過新法。")
    assert "us-congress" in f.entities, sorted(f.entities)
    japan = [k for k, e in f.entities.items() if e.cls == "Legislature" and k != "us-congress"]
    assert len(japan) == 1 and (japan[0], "country", "japan") in relations_of(f), relations_of(f)
    assert ("us-congress", "country", "japan") not in relations_of(f)


def test_an_element_inside_a_compounds_name_is_no_mention_of_it(facts):
    f = facts("中國氮化鎵(GaN)大廠星曜半導體今天宣布擴產，碳化矽產線也將投產。")
    assert "gallium" not in f.entities, sorted(f.entities)


def test_a_known_rule_in_quotes_after_a_word_for_it_is_that_rule(facts):
    f = facts("美國商務部將星曜半導體列入貿易黑名單「實體清單」。")
    assert [k for k, e in f.entities.items() if e.cls in ("Policy", "Law", "ExportDecision")] == ["entity-list"], \
        sorted(f.entities)


def test_a_figure_spaced_apart_from_its_scale_opens_no_name(facts):
    f = facts("截至公告日，青嵐資本持有星曜半導體 2295.45 萬股股份，占公司總股本的 5.73%。")
    assert names_of(f, "Company") | names_of(f, "Organization") == {"青岚资本", "星曜半导体"}, names_of(f)


@pytest.mark.parametrize("text, exchange", [
    ("港交所再迎一家晶片公司。成立七年的星曜半導體(00600.HK)正式上市。", "hkex"),
    ("北辰微電子(SH688521，股價149.04元)發布公告，成為科創板今年第十家上市公司。", "star-market"),
])
def test_a_stock_codes_market_says_where_the_shares_trade_when_the_exchange_is_named(facts, text, exchange):
    f = facts(text)
    firm = next(k for k, e in f.entities.items() if e.cls == "Company")
    assert (firm, "stockExchange", exchange) in relations_of(f), relations_of(f)
    f = facts("星曜半導體(00600.HK)正式上市。")
    assert not any(r.property == "stockExchange" for r in f.relations)   # an exchange the text leaves out


@pytest.mark.parametrize("text, outlet", [
    ("本文來源:晴川周報 作者:林子恒\n星曜半導體今天上市。", "晴川周報"),   # a writer on the source line after the outlet
    # the outlet credited before a writer credited apart, whatever its words
    ("文 | 晴川最前線，作者 | 林子恒，編輯 | 王大明\n\n星曜半導體今天在科創板上市。", "晴川最前線"),
], ids=["source-line", "credit-line"])
def test_the_outlet_credited_before_its_writer_employs_the_writer(facts, text, outlet):
    f = facts(text)
    outlet = key_of(f, outlet)
    assert f.entities[outlet].cls == "MediaOrganization"
    assert (key_of(f, "林子恒"), "employer", outlet) in relations_of(f), relations_of(f)


def test_a_life_story_told_without_its_subject_is_the_persons_of_the_sentence_before(facts):
    f = facts("星曜創辦人林曉慧的履歷很特別。她是業界少見的女性掌舵者。上世紀90年代畢業於清華大學，"
              "職業生涯早期在英特爾從事無線網路研究，其後在博通工作長達十五年。此後歷任北辰電子、瀚川智算等企業高管。")
    person = key_of(f, "林曉慧")
    assert {(person, "educatedAt", "tsinghua"), (person, "employer", "intel"), (person, "employer", "broadcom"),
            (person, "employer", key_of(f, "北辰電子")), (person, "employer", key_of(f, "瀚川智算"))} <= relations_of(f), \
        relations_of(f)


def test_models_spaced_from_their_letters_or_opening_with_a_digit_and_no_quarter_as_a_model(facts):
    f = facts("星曜發布了7G100系列GPU，效能堪比RTX 4060，全球TOP 1000企業都在看。")
    assert {"7g100", "rtx 4060"} <= {n.casefold() for n in names_of(f, "Chip")}, names_of(f)
    assert not any("top" in n.casefold() for n in names_of(f)), names_of(f)
    f = facts("三星電子 Q2 暫估獲利僅 4.6 兆韓元。")
    assert not names_of(f, "Chip"), names_of(f)


def test_securities_houses_named_in_latin_words(facts):
    f = facts("Kiwoom 證券認為獲利將下滑，IBK 投資證券相對樂觀，AI 集團則未表態。")
    assert names_of(f, "Company") == {"Kiwoom 证券", "IBK 投资证券"}, names_of(f)


@pytest.mark.parametrize("text, person", [
    ("法案由密歇根州共和黨議員林子恒和伊利諾州民主黨議員王大同共同提出。", "林子恒"),
    ("阿肯色州共和黨參議員林子恒發出信件。", "林子恒"),
])
def test_a_partys_lawmaker_is_its_member_and_the_state_before_is_not_the_partys(facts, text, person):
    f = facts(text)
    assert (key_of(f, person), "memberOfParty", "us-republican-party") in relations_of(f), relations_of(f)
    assert not any(r.subject == "us-republican-party" for r in f.relations), relations_of(f)


def test_years_after_a_time_years_ago_bring_the_story_to_now(facts):
    f = facts("星曜半導體董事長表示，八年前，星曜半導體在竹科打下第一根樁；八年後，星曜半導體啟動新一輪投資。"
              "星曜半導體計劃三年後上市。", published="2026-01-24")
    assert "2034" not in dates_of(f) and "2029" in dates_of(f), dates_of(f)


def test_a_dateless_article_reporting_a_years_results_was_written_the_year_after(facts):
    f = facts("9月16日，星曜半導體宣布董事長林銳將於本月退休。2024年全年，星曜半導體營收達155億美元，比2023年增長4.6%。")
    assert "2025-09-16" in dates_of(f), dates_of(f)
    f = facts("9月16日，星曜半導體宣布擴產。2024年9月，星曜半導體營收增長。")
    assert "2024-09-16" in dates_of(f), dates_of(f)


def test_a_bare_quarter_takes_the_year_its_paragraph_stated_last(facts):
    f = facts("星曜半導體預計2025年淨利潤虧損8億元。第四季度單季預計虧損2億元。", published="2026-12-20")
    quarters = {(st.date.iso, st.date.quarter) for st in f.statements if st.date is not None and st.date.quarter}
    assert quarters == {("2025", 4)}, quarters


def test_what_a_product_is_designed_for_and_some_labs_are_no_names(facts):
    f = facts("星曜半導體的新固態硬碟專為AI訓練場景設計，部分實驗室原型機已達500層。北辰實驗室今天發布新品。")
    assert names_of(f) == {"星曜半导体", "北辰实验室"}, names_of(f)


def test_yesterday_written_alone_before_what_was_done(facts):
    """Taiwanese print editions write 昨 alone, as they write 今: 北辰電子昨在新竹舉辦, 林子恒昨表示."""
    f = facts("北辰電子昨在新竹舉辦技術論壇，董事長林子恒昨表示，下半年市況不錯。", published="2025-10-19")
    assert "2025-10-18" in dates_of(f), dates_of(f)
    assert names_of(f, "Person") == {"林子恒"}, names_of(f, "Person")
    f = facts("北辰電子昨晚宣布擴產。", published="2025-10-19")
    assert "2025-10-18" in dates_of(f), dates_of(f)


def test_a_generation_code_name_after_a_known_family_is_a_new_chip(facts):
    f = facts("星曜半導體預計第五代 EPYC Tundra CPU 將占伺服器營收一半，EPYC Server 市場也在擴大。")
    chips = [k for k, e in f.entities.items() if e.cls == "Chip"]
    assert [sorted(f.entities[k].names) for k in chips] == [["EPYC Tundra"]], [sorted(f.entities[k].names) for k in chips]
    assert (chips[0], "partOfSeries", "amd-epyc") in relations_of(f), relations_of(f)
    f = facts("遊戲業務因 Radeon 9900 顯卡熱銷而成長。")
    model = key_of(f, "Radeon 9900")
    assert (model, "partOfSeries", "amd-radeon") in relations_of(f), relations_of(f)


def test_a_title_in_title_marks_that_reports_is_an_outlet(facts):
    f = facts("《晴川財經》報導，北辰電子將在新竹擴產。")
    assert names_of(f, "MediaOrganization") == {"晴川财经"}, names_of(f)
    f = facts("《晶片安全法》規定，北辰電子須申報出貨。")
    assert not names_of(f, "MediaOrganization"), names_of(f)


def test_a_day_reported_after_the_papers_day_is_in_the_month_before(facts):
    f = facts("据《晴川财经》30日报道，北辰电子将扩产。", published="2025-10-02")
    assert "2025-09-30" in dates_of(f), dates_of(f)
    f = facts("北辰電子將於30日舉行發布會。", published="2025-10-02")   # a day to come stays in the month
    assert "2025-10-30" in dates_of(f), dates_of(f)


def test_a_bare_company_is_the_one_its_own_sentence_named_before(facts):
    f = facts("瀚川智算今年排名第20名。瀚川智算主要生產光刻設備，瀚川智算的客戶遍及全球。"
              "北辰電子官網顯示，公司創立於2001年，現有2萬名員工。")
    assert (key_of(f, "北辰電子"), "20000") in figures_of(f), figures_of(f)
    assert (key_of(f, "瀚川智算"), "20000") not in figures_of(f)


def test_a_clause_opening_with_a_bare_company_is_about_it_not_its_partner(facts):
    f = facts("星曜半導體執行長林子恒回答了提問。林子恒稱，公司與青嵐科技達成的協議將在未來數年貢獻超1000億美元營收。")
    figure = next(st for st in f.statements if st.amount is not None and st.amount.value == "100000000000")
    assert figure.roles[0][1] == key_of(f, "星曜半導體"), figure.roles


def test_a_japanese_officials_name_before_the_day_it_was_said(facts):
    f = facts("日本內閣官房長官山田健24日在記者會上表示，盼能強化半導體生產基礎。", published="2025-10-24")
    assert names_of(f, "Person") == {"山田健"}, names_of(f)


def test_a_writer_credited_after_the_outlet_in_brackets(facts):
    f = facts("【文/晴川網 王一】據報導，北辰電子將擴產。")
    writer, outlet = key_of(f, "王一"), key_of(f, "晴川網")
    assert (writer, "employer", outlet) in relations_of(f), relations_of(f)
    assert not linked(f, writer, key_of(f, "北辰電子"))   # the credit states no fact of the news


def test_a_group_and_its_flagship_company_are_two(facts):
    f = facts("三星集團會長表示，三星電子是三星集團最核心的子公司。")
    assert {"samsung-group", "samsung-electronics"} <= set(f.entities), sorted(f.entities)
    assert ("samsung-electronics", "parentOrganization", "samsung-group") in relations_of(f), relations_of(f)


def test_a_fund_named_by_its_seat_and_industry_is_one_organisation(facts):
    f = facts("大基金三期、晴川集成電路產業投資基金、北辰集成電路產業專項母基金等一批國資母基金相繼註冊成立。")
    assert {"晴川集成电路产业投资基金", "北辰集成电路产业专项母基金"} <= names_of(f, "Organization"), names_of(f)
    assert not any(n.startswith("一批") for n in names_of(f)), names_of(f)
    f = facts("國內半導體產業投資基金持續增加。")   # a kind of fund, no name
    assert not names_of(f, "Organization"), names_of(f)


def test_a_place_before_subsidiary_names_the_firms_subsidiary_there(facts):
    f = facts("星曜半導體持續擴展海外據點，據2025年財報，美國亞利桑那子公司一舉轉虧為盈，獲利逾161億元。")
    sub = key_of(f, "亞利桑那子公司")
    assert f.entities[sub].cls == "Company"
    assert (sub, "parentOrganization", key_of(f, "星曜半導體")) in relations_of(f), relations_of(f)
    assert (sub, "headquarters", "arizona") in relations_of(f), relations_of(f)
    # the clause that opens with the subsidiary is what the figure after it is about
    assert (sub, "16100000000") in figures_of(f), figures_of(f)


def test_a_byline_line_of_roles_after_commas(facts):
    f = facts("文 | 晴川財經,作者 | 孟某,編輯 | 王某\n北辰電子今天宣布擴產。")
    outlet = key_of(f, "晴川財經")
    assert f.entities[outlet].cls == "MediaOrganization"
    assert {key_of(f, "孟某"), key_of(f, "王某")} == employees_of(f, outlet), relations_of(f)


def test_a_partys_leader_is_its_chair(facts):
    f = facts("共同民主黨代表林子恒10日來到北辰電子新竹廠。")
    leader = key_of(f, "林子恒")
    assert ("democratic-party-korea", "chairperson", leader) in relations_of(f), relations_of(f)
    assert "us-democratic-party" not in f.entities


def test_a_name_with_its_funding_round_in_brackets_is_a_firm(facts):
    f = facts("基礎層的星曜智算（C輪，近50家資方）和北辰芯能（Pre-IPO）；應用層的青嵐機器人（戰略投資）。")
    assert {"星曜智算", "北辰芯能", "青岚机器人"} <= names_of(f, "Company"), names_of(f)
    assert not any("轮" in n or "ipo" in n.casefold() or "投资" in n for n in names_of(f)), names_of(f)


def test_two_firms_a_list_calls_firms_and_what_opens_the_list(facts):
    f = facts("儘管星曜微、北辰芯等本土企業已有突破，瀚川半、青嵐芯均為未盈利企業。")
    assert {"星曜微", "北辰芯", "瀚川半", "青岚芯"} <= names_of(f), names_of(f)
    assert not any(n.startswith(("尽管", "尽")) or n.endswith("均") for n in names_of(f)), names_of(f)
    f = facts("以及晴川投資集團、北辰國投等地方國資平台。")
    assert {"晴川投资集团", "北辰国投"} <= names_of(f), names_of(f)
    assert not any(n.startswith("以及") for n in names_of(f)), names_of(f)
    f = facts("小組討論了公平、合理等原則。")   # two words a list does not call firms
    assert not names_of(f), names_of(f)


def test_a_plan_a_government_issues_is_named_whole(facts):
    f = facts("晴川市出台培育發展半導體與集成電路產業集群三年行動計劃，以及車規級芯片和功率半導體高質量發展行動計劃等專項政策。")
    assert {"培育发展半导体与集成电路产业集群三年行动计划", "车规级芯片和功率半导体高质量发展行动计划"} <= names_of(f, "Policy"), \
        names_of(f)


def test_a_dateline_opening_with_according_to_names_the_paper_alone(facts):
    f = facts("另據晴川日報1月29日報道，北辰電子的新廠正在安裝設備。", published="2026-01-30")
    assert "晴川日报" in names_of(f, "MediaOrganization"), names_of(f)
    assert not any(n.startswith(("另据", "据")) for n in names_of(f)), names_of(f)


def test_packaging_variants_and_panel_level_packaging_are_known(facts):
    f = facts("星曜半導體指出，台積電布局CoWoS-L和CoWoS-R，而北辰封測耕耘扇出型面板封裝（FOPLP）與共同封裝光學（CPO）。")
    assert {"tsmc-cowos-l", "tsmc-cowos-r", "foplp", "co-packaged-optics"} <= set(f.entities), sorted(f.entities)
    assert "tsmc-cowos" not in f.entities
    assert ("tsmc-cowos-l", "developer", "tsmc") in relations_of(f), relations_of(f)


def test_firms_that_list_too_or_land_on_an_exchange(facts):
    f = facts("1月8日，星曜智芯與北辰智算科技股份有限公司（以下簡稱「北辰智算」）同樣在港交所完成上市；1月9日，青嵐科技正式登陸港交所。")
    listed = {s for s, p, o in relations_of(f) if p == "stockExchange" and o == "hkex"}
    assert {key_of(f, "星曜智芯"), key_of(f, "北辰智算"), key_of(f, "青嵐科技")} <= listed, relations_of(f)
    f = facts("星曜智芯與北辰智算同樣計劃明年在港交所上市。")   # a plan is no listing
    assert not any(p == "stockExchange" for _, p, _ in relations_of(f)), relations_of(f)


def test_an_exchanges_full_name_its_chief_and_an_event_under_its_countrys_name(facts):
    f = facts("香港交易及結算所行政總裁林某在瑞士達沃斯世界經濟論壇期間表示，排隊企業已超過350家。")
    chief = key_of(f, "林某")
    assert ("hkex", "chiefExecutiveOfficer", chief) in relations_of(f), relations_of(f)
    events = [k for k, e in f.entities.items() if e.cls == "Event"]
    assert events == ["wef-annual-meeting"], events


def test_an_outlet_signing_its_story_on_the_first_line_and_its_editors(facts):
    f = facts("晴川智元報道\n編輯:林某 王某\n【晴川智元導讀】北辰電子市值今天突破1兆美元。")
    outlet = key_of(f, "晴川智元")
    assert f.entities[outlet].cls == "MediaOrganization" and "agibot" not in f.entities, sorted(f.entities)
    assert {key_of(f, "林某"), key_of(f, "王某")} <= employees_of(f, outlet), relations_of(f)
    f = facts("本報訊\n北辰電子今天發布新品。")   # this paper's own line names no outlet
    assert not names_of(f, "MediaOrganization"), names_of(f)


def test_a_parent_firm_written_short(facts):
    f = facts("據報導，星曜科技母企北辰集團正研發自家晶片。")
    assert (key_of(f, "星曜科技"), "ownedBy", key_of(f, "北辰集團")) in relations_of(f), relations_of(f)


def test_a_chip_named_by_code_name_after_its_project_or_in_quotes(facts):
    f = facts("報道指，該自家晶片項目代號為「SkyLoom」，是北辰科技投入AI的關鍵一環。青嵐上月發布面向大模型的「天樞」晶片。")
    assert {"SkyLoom", "天枢"} <= names_of(f, "Chip"), names_of(f)
    f = facts("北辰推出「國產」晶片，也有「高端」晶片，美方放行“次先進”晶片，北辰的目標是「過度生產」晶片。")
    assert not names_of(f, "Chip"), names_of(f)


def test_a_date_in_a_clause_a_pointer_opens_and_in_a_sentence_naming_nothing(facts):
    f = facts("北辰電子對新竹一廠與二廠共投資225億美元。該公司於2021年秋季宣布進駐新竹。", published="2025-10-24")
    assert (key_of(f, "北辰電子"), "2021") in {(k, st.date.iso) for st in f.statements if st.date
                                              for _, k in st.roles}, f.statements
    f = facts("北辰電子今召開法說會。北辰電子指出，7奈米專案出貨已結束，北辰電子營收持平。"
              "3奈米專案從第3季末延後到本季初，將成為明年AI營收成長的動能。", published="2025-08-13")
    assert (key_of(f, "北辰電子"), "2026") in {(k, st.date.iso) for st in f.statements if st.date
                                              for _, k in st.roles}, f.statements


def test_a_subsidiary_after_its_parents_word_and_one_named_for_its_parent(facts):
    f = facts("青嵐科技旗下星曜通的離子注入機業務收入約0.71億元。")
    assert "星曜通" in names_of(f, "Company"), names_of(f)
    f = facts("拓荊科技公告，子公司拓荊鍵科擬融資。北辰資本以4.5億元認繳拓荊鍵科新增註冊資本。")
    sub = key_of(f, "拓荊鍵科")
    assert (sub, "parentOrganization", "piotech") in relations_of(f), relations_of(f)
    assert len([m for m in f.entities[sub].mentions]) == 2, f.entities[sub].mentions   # both sentences
    f = facts("台積電子公司台積電表示擴產。")   # the parent named again is no subsidiary
    assert set(names_of(f, "Company")) == {"台积电"}, names_of(f)


def test_changes_in_brackets_after_a_figure_are_that_figures_subjects(facts):
    f = facts("星曜半導體第三季營收92億美元。資料中心業務營收43億美元（同比+22%、環比+34%），"
              "其中第五代 EPYC Tundra CPU 占 EPYC 總營收近50%。")
    firm = key_of(f, "星曜半導體")
    assert {(firm, "22"), (firm, "34")} <= figures_of(f), figures_of(f)


def test_a_name_before_a_verb_the_tagger_reads_and_xiang_inside_a_name(facts):
    f = facts("市委副書記、市長伍某會見了北辰電子董事長陳向東並共同見證簽約。")
    assert {"伍某", "陈向东"} <= names_of(f, "Person"), names_of(f)
    f = facts("市委副書記、市長伍斌會見了北辰電子董事長陳向東。")
    assert {"伍斌", "陈向东"} <= names_of(f, "Person"), names_of(f)
    f = facts("北辰電子董事長林向他表示感謝。")   # a pronoun ends no name
    assert not any(n.endswith("他") for n in names_of(f)), names_of(f)


def test_a_reporter_who_noticed_is_no_name(facts):
    f = facts("記者注意到，2025年8月28日，北辰電子便與青嵐科技簽約。")
    assert not names_of(f, "Person"), names_of(f)


def test_a_given_name_the_tagger_reads_as_a_place_in_a_list_of_people(facts):
    f = facts("例如林國鼎、孫運明、史欽泰及曾繁城等人，也在回憶錄中依序出場。")
    assert "曾繁城" in names_of(f, "Person") and not names_of(f, "Place"), names_of(f)


def test_a_place_written_right_after_a_larger_one_is_in_it(facts):
    f = facts("北辰電子將在俄亥俄州晴川鎮建廠，會議在猶他州帕克城舉行，青嵐科技在馬來西亞檳城設廠。中美兩國談判。")
    rels = relations_of(f)
    assert ("penang", "country", "malaysia") in rels, rels
    assert (key_of(f, "帕克城"), "locatedIn", "utah") in rels, rels
    assert not any(p in ("country", "locatedIn") and {s, o} == {"china", "usa"} for s, p, o in rels), rels


def test_where_an_event_is_held(facts):
    f = facts("華為全聯接大會今天在上海舉行。在台北舉行的台北國際電腦展吸引人潮。")
    rels = relations_of(f)
    assert ("huawei-connect", "heldIn", "shanghai") in rels and ("computex", "heldIn", "taipei") in rels, rels
    f = facts("華為全聯接大會後，北辰電子在上海舉行記者會。")   # a firm's own event, not the conference
    assert ("huawei-connect", "heldIn", "shanghai") not in relations_of(f), relations_of(f)


def test_a_latin_firm_joined_by_ampersand_before_its_analyst(facts):
    f = facts("Lumen Insights & Strategy的首席分析師林某認為，北辰電子的布局具戰略意義。")
    firm = key_of(f, "Lumen Insights & Strategy")
    assert (key_of(f, "林某"), "employer", firm) in relations_of(f), relations_of(f)


def test_a_storys_writers_state_no_fact_of_it(facts):
    f = facts("文 | 晴川財經,作者 | 孟某,編輯 | 王某\n北辰電子創始人林子恒和哥哥林子安一拍即合。在青嵐研究院的支持下，他們將北辰電子打造成龍頭企業。")
    writers = {key_of(f, "孟某"), key_of(f, "王某")}
    assert not any(writers & {k for _, k in st.roles} for st in f.statements), \
        [st.roles for st in f.statements if writers & {k for _, k in st.roles}]
    assert writers <= employees_of(f, key_of(f, "晴川財經"))


def test_a_country_before_one_firm_of_a_list_is_that_firms_only(facts):
    f = facts("北辰電子躍升至第五位，僅次於荷蘭設備商阿斯麥、美國應用材料、美國設備商泛林集團和日本東京電子。")
    assert ("asml", "country", "netherlands") in relations_of(f), relations_of(f)
    assert not linked(f, "asml", "japan") and not linked(f, "tokyo-electron", "netherlands"), \
        [st.roles for st in f.statements]


def test_a_known_name_inside_the_name_written_is_a_name_of_it(facts):
    f = facts("美國共和黨籍聯邦參議員林某今天致函青嵐科技。")
    assert "共和党" in {to_simplified(n) for n in f.entities["us-republican-party"].names}, f.entities


def test_a_party_as_a_lawmakers_attribute_takes_no_part_in_what_he_does(facts):
    f = facts("美國共和黨籍聯邦參議員柯某今天致函美國商務部長盧特尼克，要求協助北辰電子。")
    rels = relations_of(f)
    assert (key_of(f, "柯某"), "memberOfParty", "us-republican-party") in rels, rels
    assert ("howard-lutnick", "memberOfParty", "us-republican-party") not in rels, rels
    assert not linked(f, "us-republican-party", "howard-lutnick") and \
        not linked(f, "us-republican-party", "us-department-of-commerce"), [st.roles for st in f.statements]


def test_the_shareholders_a_company_lists_own_it(facts):
    f = facts("北辰微電子已於5月24日註冊成立，註冊資本為344億元。出資股東包括青嵐資本有限責任公司、"
              "星曜控股有限責任公司、晴川投資有限責任公司等。", published="2025-06-08")
    fund = key_of(f, "北辰微電子")
    owners = {o for s, p, o in relations_of(f) if s == fund and p == "ownedBy"}
    assert {key_of(f, "青嵐資本有限責任公司"), key_of(f, "星曜控股有限責任公司"),
            key_of(f, "晴川投資有限責任公司")} <= owners, relations_of(f)
    f = facts("北辰基金的經營範圍包括以私募基金從事股權投資。")   # a kind of fund, no fund named
    assert not any(to_simplified(n).startswith("私募") for n in names_of(f)), names_of(f)


def test_officers_listed_after_one_title_with_their_names_other_forms(facts):
    f = facts("林某將接替北辰電子臨時聯合執行長辛正德（David Sin）和霍美玲（Mary Ho），成為新任執行長。")
    firm = key_of(f, "北辰電子")
    assert {key_of(f, "辛正德"), key_of(f, "霍美玲")} <= employees_of(f, firm), relations_of(f)
    f = facts("北辰電子總裁王某（Tom Wang）與美商務部長盧特尼克（Howard Lutnick）、勞工部長林某（Amy Lin）均出席。")
    assert key_of(f, "林某") not in employees_of(f, "us-department-of-commerce"), relations_of(f)


def test_a_person_who_is_an_organisations_officer(facts):
    f = facts("林某是晶片設計軟體公司北辰電子（Polar Design）前執行長，數年前加入青嵐科技董事會。")
    assert key_of(f, "林某") in employees_of(f, key_of(f, "北辰電子")), relations_of(f)
    f = facts("王某是北辰科技的前財務長。")
    assert key_of(f, "王某") in employees_of(f, key_of(f, "北辰科技")), relations_of(f)
    for sentence in ("王某是北辰科技成長的關鍵。", "王某是北辰科技的大客戶。", "王某為北辰科技董事長的人選之一。"):
        f = facts(sentence)
        assert not employees_of(f, key_of(f, "北辰科技")), (sentence, relations_of(f))


def test_those_who_set_up_a_joint_venture_found_it(facts):
    f = facts("總理今日出席當地企業青嵐與北辰電子合資成立的半導體公司Orion Chip Pvt. Ltd. 動土典禮。")
    venture = key_of(f, "Orion Chip Pvt. Ltd.")
    rels = relations_of(f)
    assert {(venture, "foundedBy", key_of(f, "青嵐")), (venture, "foundedBy", key_of(f, "北辰電子"))} <= rels, rels


def test_a_listing_on_the_hong_kong_market(facts):
    f = facts("12月5日，北辰半導體正式登陸港股市場。")
    assert (key_of(f, "北辰半導體"), "stockExchange", "hkex") in relations_of(f), relations_of(f)


def test_a_subsidiary_by_its_parent_in_brackets_or_after_the_word_subsidiary(facts):
    f = facts("北辰電子曾獲得星曜資本、青嵐科技（華為旗下）等產業資本的加持。")
    assert (key_of(f, "青嵐科技"), "parentOrganization", "huawei") in relations_of(f), relations_of(f)
    f = facts("北辰科技今日宣布，將聯合晴川投資，共同向子公司星曜微電子增資10億元。")
    assert (key_of(f, "星曜微電子"), "parentOrganization", key_of(f, "北辰科技")) in relations_of(f), relations_of(f)


def test_a_firms_name_with_gongsi_after_it_is_the_same_firm(facts):
    f = facts("北辰半導體今天上市。2022年至2024年，北辰半導體公司收入分別為4.37億元、11.71億元、5.20億元。")
    firm = key_of(f, "北辰半導體")
    assert len(names_of(f, "Company")) == 2 and {(firm, "437000000"), (firm, "520000000")} <= figures_of(f), \
        (sorted(f.entities), figures_of(f))


def test_what_a_person_is_worth_is_the_persons_own(facts):
    f = facts("北辰電子市值突破4兆美元，執行長林大同身價也水漲船高。7月14日，富豪榜顯示，林大同的淨資產達1,440億美元。",
              published="2025-07-15")
    assert (key_of(f, "林大同"), "144000000000") in figures_of(f), figures_of(f)


def test_people_the_tagger_reads_in_a_list_of_nominees(facts):
    f = facts("北辰電子提名的林博宇、崔曉薇和鄧曉軍被選舉為青嵐科技董事，北辰電子提名的潘偉被選舉為獨立董事。")
    assert {"邓晓军", "潘伟"} <= names_of(f, "Person"), names_of(f)
    f = facts("北辰電子共提名了4名董事和1名獨立董事，在青嵐科技全部董事和全部非獨立董事中均過半數。")
    assert not names_of(f, "Person"), names_of(f)


def test_a_registered_name_after_a_known_firm_and_its_verb(facts):
    f = facts("6月24日，聯發科收到晴川證券登記結算有限責任公司出具的確認書，獲悉公司受讓北辰天盛所持青嵐科技股份已完成過戶。")
    assert "晴川证券登记结算有限责任公司" in names_of(f, "Company"), names_of(f)
    assert not any(n.startswith("联发科") and n != "联发科" for n in names_of(f)), names_of(f)
    assert not any(n.endswith("所") for n in names_of(f)), names_of(f)


def test_a_firm_whose_name_ends_in_shiye_and_kinds_of_goods_and_events(facts):
    f = facts("公司聯合青嵐新翼科技實業（以下簡稱「新翼科技」），共同增資。")
    assert "青岚新翼科技实业" in names_of(f, "Company") and len(names_of(f, "Company")) == 2, names_of(f)
    f = facts("該封測廠將支援手機、汽車、消費性電子等應用，是高階電子與半導體製造的里程碑。林某出席公司年會。")
    assert not names_of(f, "Company") and not names_of(f, "Event"), names_of(f)


def test_jin_alone_before_the_days_share_price_or_where_it_was_done(facts):
    f = facts("記憶體族群包括北辰電子（2408）、青嵐科技（2344）今股價走低。星曜半導體今在台北舉辦記者會。", published="2025-09-24")
    assert "2025-09-24" in dates_of(f) and len([st for st in f.statements if st.date and st.date.iso == "2025-09-24"]) >= 2, \
        f.statements
    f = facts("北辰電子至今在台灣設廠。", published="2025-09-24")
    assert "2025-09-24" not in dates_of(f), dates_of(f)


def test_bylines_with_the_outlets_short_name_or_the_time_it_was_posted(facts):
    f = facts("每經記者|彭某某    每經編輯|陳大星\n\n北辰電子今日公告稱，擬收購青嵐科技。")
    assert {key_of(f, "彭某某"), key_of(f, "陳大星")} <= employees_of(f, "nbd"), relations_of(f)
    f = facts("MoneyDJ新聞 2026-01-30 11:28:26 林大同 發佈\n\n北辰電子今日宣布擴產。", published="2026-01-30")
    assert key_of(f, "林大同") in employees_of(f, "moneydj"), relations_of(f)


def test_a_writer_credited_at_the_end_works_for_the_datelines_outlet(facts):
    f = facts("（中央社華盛頓30日綜合外電報導）路透社報導，參議員柯某今天致函北辰電子。（編譯：張大同）1141031",
              published="2025-10-31")
    assert key_of(f, "張大同") in employees_of(f, "cna-taiwan"), relations_of(f)


def test_where_a_person_took_a_degree(facts):
    f = facts("林大同在麻省理工學院（MIT）取得核子工程碩士學位。")
    assert (key_of(f, "林大同"), "educatedAt", "mit") in relations_of(f), relations_of(f)


def test_each_stock_code_of_a_listing_is_its_firms(facts):
    f = facts("2025年12月，北辰晶芯（688795.SH）、青嵐智算（688802.SH）也先後在科創板上市。", published="2026-01-05")
    assert {(key_of(f, "北辰晶芯"), "688795"), (key_of(f, "青嵐智算"), "688802")} <= figures_of(f), figures_of(f)
    assert not any(st.amount is not None and st.amount.metric == "stock-code" and "star-market" in {k for _, k in st.roles}
                   for st in f.statements), [st for st in f.statements if st.amount is not None]


def test_a_date_is_of_every_actor_its_sentence_names(facts):
    f = facts("北辰電子會長林大同現年57歲，1991年進入青嵐科技工作，2012年起出任青嵐科技副會長。", published="2025-04-01")
    dated = {k for st in f.statements if st.date is not None and st.date.iso == "2012" for _, k in st.roles}
    assert {key_of(f, "林大同"), key_of(f, "北辰電子")} <= dated, [(st.roles, st.date) for st in f.statements]
    assert not any(len(st.roles) > 1 for st in f.statements if st.evidence.rule.startswith("date-in-sentence"))


def test_a_day_the_papers_month_has_not_is_the_month_befores(facts):
    f = facts("北辰電子31日宣布與青嵐科技簽署合作協議。", published="2025-04-01")
    assert "2025-03-31" in dates_of(f), dates_of(f)


def test_a_vice_president_and_a_ministrys_bureau(facts):
    f = facts("典禮由北辰電子資深副總洪松井、經濟部產業園區管理局副局長劉繼明出席。")
    assert key_of(f, "洪松井") in employees_of(f, key_of(f, "北辰電子")), relations_of(f)
    bureau = key_of(f, "經濟部產業園區管理局")
    assert key_of(f, "劉繼明") in employees_of(f, bureau), relations_of(f)
    assert key_of(f, "劉繼明") not in employees_of(f, "taiwan-moea"), relations_of(f)


def test_a_transliterated_name_after_a_title_with_its_latin_form(facts):
    f = facts("林大同上午抵達德勒斯登，北辰電子總裁克伊區（Christian Koitz）親自迎接。")
    assert "克伊区" in names_of(f, "Person") and not names_of(f, "Place") - {"德勒斯登"}, names_of(f)


def test_major_shareholders_written_after_the_company(facts):
    f = facts("北辰電子大股東青嵐科技、星曜半導體、晴川資本逢高調節，最早於9月底同步公告。")
    firm = key_of(f, "北辰電子")
    owners = {o for s, p, o in relations_of(f) if s == firm and p == "ownedBy"}
    assert {key_of(f, "青嵐科技"), key_of(f, "星曜半導體"), key_of(f, "晴川資本")} <= owners, relations_of(f)
    assert not any("调节" in n or "股东" in n for n in names_of(f)), names_of(f)


def test_a_latin_firms_first_word_alone_names_it_later(facts):
    f = facts("北辰電子週二表示，正在考慮收購英國半導體公司Lumawave IP Group。消息傳出後，Lumawave股價一度上漲55%。",
              published="2025-04-02")
    firm = key_of(f, "Lumawave IP Group")
    assert "Lumawave" in f.entities[firm].names and (firm, "55") in figures_of(f), (f.entities[firm].names, figures_of(f))
    f = facts("北辰電子與Global Foundry Partners合作。Global市場需求強勁。")   # a word that opens many names
    assert not any(n == "Global" for n in names_of(f)), names_of(f)


def test_ranges_of_sums_whose_currency_is_left_unsaid(facts):
    f = facts("北辰電子發布業績預告。預計2025年，公司實現營收100億-120億；淨利潤更是達到8.5億-10億。預計當期公司淨利潤為8.2億-9.7億。",
              published="2026-01-28")
    firm = key_of(f, "北辰電子")
    assert {(firm, v) for v in ("10000000000", "12000000000", "850000000", "1000000000", "820000000", "970000000")} \
        <= figures_of(f), figures_of(f)
    assert names_of(f, "Company") == {"北辰电子"}, names_of(f)


def test_a_ministry_after_another_post_held_with_it(facts):
    f = facts("晶圓廠在星期二舉行動土儀式，副總理兼貿工部長顏大勇為主賓。", published="2026-01-28")
    assert "贸工部" in names_of(f, "GovernmentAgency") and not any("总理" in n for n in names_of(f)), names_of(f)


def test_a_figure_after_a_pointer_to_a_firms_plant(facts):
    f = facts("北辰電子在新加坡的新廠動土。這座新廠未來10年投資總額達240億美元，有助於鞏固新加坡在NAND製造領域的地位。",
              published="2026-01-28")
    assert (key_of(f, "北辰電子"), "24000000000") in figures_of(f), figures_of(f)


def test_a_change_over_a_quarter_is_no_name(facts):
    f = facts("北辰電子的NAND出貨大增，季增達99%，營收占比躍升至35%。")
    assert not names_of(f, "Person"), names_of(f)


def test_a_count_of_firms_or_a_verb_before_a_trade_is_no_firm(facts):
    f = facts("晴川經開區持續做強半導體集成電路產業，如今已集聚30餘家微電子關聯企業。")
    assert not names_of(f, "Company"), names_of(f)


def test_an_outlet_named_with_its_reporter_is_this_papers(facts):
    f = facts("本報記者 李大同 上海報道\n就在假期前，不少公司發布了業績。《晴川經營報》記者注意到，北辰電子營收大增。",
              published="2025-04-30")
    outlet = key_of(f, "晴川經營報")
    assert f.entities[outlet].cls == "MediaOrganization" and key_of(f, "李大同") in employees_of(f, outlet), relations_of(f)


def test_a_figure_of_the_same_period_before_is_the_same_firms(facts):
    f = facts("青嵐科技等大型科企愈來愈多以國產晶片替代進口晶片，助北辰電子上半年實現利潤10.3億元，去年同期虧損5.33億元。",
              published="2025-08-28")
    assert (key_of(f, "北辰電子"), "533000000") in figures_of(f), figures_of(f)


@pytest.mark.parametrize("bracket", ["（香港）", "(香港)"])
def test_a_firm_with_a_place_alone_in_brackets_is_its_arm_there_and_the_place_joins_nothing(facts, bracket):
    f = facts(f"基石投資者包括青嵐資本{bracket}、星曜半導體{bracket}及北辰微電子，合共認購5億港元。")
    names = names_of(f, "Company") | names_of(f, "Organization")
    assert {"青岚资本(香港)", "星曜半导体(香港)"} <= {n.replace("（", "(").replace("）", ")") for n in names}, names
    hk = "hong-kong"
    assert not linked(f, hk, key_of(f, "青嵐資本")) and not linked(f, hk, key_of(f, "星曜半導體"))
    g = facts("星曜半導體在香港設立子公司，並在香港交易所上市。")   # a place named on its own is still one
    assert "hong-kong" in g.entities


def test_a_clause_opening_with_及_and_no_verb_goes_on_with_the_clause_before(facts):
    f = facts("林子恒加入星曜半導體之前，曾擔任北辰微電子資深工程師，及青嵐科技專案經理。")
    lin = key_of(f, "林子恒")
    assert linked(f, lin, key_of(f, "青嵐科技")) and linked(f, key_of(f, "北辰微電子"), key_of(f, "青嵐科技"))
    # a place alone after 及 is no member of the list before it
    g = facts("星曜半導體與北辰微電子的工程師來自青嵐科技和鋒算科技，以及美國多家車廠。")
    assert "usa" in g.entities and not linked(g, "usa", key_of(g, "青嵐科技"))


def test_an_exchange_is_never_what_lists_and_該股_stands_for_the_listed_company(facts):
    f = facts("星曜股份正式登陸科創板。招股書顯示，該股網下共吸引269家網下投資者參與，網下申購倍數高達2227.6倍，"
              "遠超同期科創板新股平均申購倍數。", published="2025-12-17")
    star = key_of(f, "星曜股份")
    owners = {st.amount.value: {k for _, k in st.roles} for st in f.statements if st.amount is not None}
    assert owners.get("269") and star in owners["269"] and "star-market" not in owners["269"], owners
    assert star in owners.get("2227.6", set()) and "star-market" not in owners["2227.6"], owners


@pytest.mark.parametrize("sentence", ["星曜半導體推出 S9 晶片，明年量產。", "星曜半導體推出S9晶片，明年量產。"])
def test_a_space_between_a_latin_model_and_the_word_for_a_chip_changes_nothing(facts, sentence):
    f = facts(sentence)
    s9 = key_of(f, "S9")
    assert f.entities[s9].cls == "Chip"
    assert any(r.subject == s9 and r.property == "developer" and r.object == key_of(f, "星曜半導體") for r in f.relations)


def test_spaces_between_han_and_latin_or_digits_are_read_as_if_absent(nlp, tmp_path):
    """推出 S9 晶片, 2025 年 8 月, 突破 1000 万: some sites space Latin and digits apart from Han."""
    from kg.corpus import read_article
    from kg.extraction.extract import extract
    spaced = tmp_path / "spaced.md"
    spaced.write_text("---\npublished: 2025-08-27\n---\n記者 林子恒 北京報道\n\n星曜半導體 2025 年 8 月推出 S9 晶片，"
                      "截至 8 月累計出貨突破 1000 萬顆。\n", encoding="utf-8")
    art = read_article(spaced)
    assert "星曜半導體2025年8月推出S9晶片" in art.text and "記者 林子恒 北京報道" in art.text
    doc = nlp.make_doc(art.text)
    doc.user_data["published"] = art.published
    f = extract(nlp(doc), art)
    s9 = key_of(f, "S9")
    assert f.entities[s9].cls == "Chip"
    assert any(st.amount is not None and st.amount.value == "10000000" for st in f.statements), \
        [st.amount for st in f.statements]
    assert any(st.date is not None and st.date.iso == "2025-08" for st in f.statements)
    assert "林子恒" in names_of(f, "Person")


@pytest.mark.parametrize("body", ["星曜半導體於２０２５年８月推出Ｓ９晶片，良率達９５．５％，截至８月累計出貨突破１０００萬顆。",
                                  "星曜半导体于２０２５年８月推出Ｓ９芯片，良率达９５．５％，截至８月累计出货突破１０００万颗。"],
                         ids=["Traditional", "Simplified"])
def test_full_width_letters_and_digits_are_read_as_ascii(nlp, tmp_path, body):
    """Ｓ９, ２０２５年８月, ９５．５％: some sites write Latin letters and digits full-width."""
    from kg.corpus import read_article
    from kg.extraction.extract import extract
    path = tmp_path / "wide.md"
    path.write_text("---\npublished: 2025-09-02\n---\n" + body + "\n", encoding="utf-8")
    art = read_article(path)
    assert "2025年8月推出S9" in art.text and "95.5%" in art.text and "，" in art.text   # punctuation stays
    doc = nlp.make_doc(art.text)
    doc.user_data["published"] = art.published
    f = extract(nlp(doc), art)
    s9 = key_of(f, "S9")
    assert f.entities[s9].cls == "Chip"
    assert any(r.subject == s9 and r.property == "developer" for r in f.relations), f.relations
    assert any(st.amount is not None and st.amount.value == "10000000" for st in f.statements)
    assert any(st.date is not None and st.date.iso == "2025-08" for st in f.statements)


def test_the_tagger_reads_full_width_letters_as_ascii():
    from kg.nlp.lac import lac_tag
    wide, narrow = lac_tag(["星曜半導體執行長Ｋｅｖｉｎ　Ｆｏｎｇ表示", "星曜半導體執行長Kevin　Fong表示"])
    assert [(w.tag, w.start, w.end) for w in wide] == [(w.tag, w.start, w.end) for w in narrow]


def test_a_month_before_a_launched_model_is_no_brand_of_it(facts):
    f = facts("北辰微電子於2025年8月推出S9晶片，10月量產D30處理器。")
    assert names_of(f, "Chip") == {"S9", "D30"}, names_of(f, "Chip")


def test_a_registered_name_keeps_its_business_words_its_seat_and_its_bracketed_group(facts):
    """北辰國經投資發展有限公司: 投資 is the name's, no verb before it; 上海浦東創新投資發展(集團)有限公司 holds
    its seat's places and its group in brackets; nothing after a bracket is a name of its own."""
    f = facts("母基金得到了包括北辰國經投資發展有限公司、上海浦東創新投資發展(集團)有限公司、上海國盛(集團)有限公司"
              "等機構的支持。")
    firms = {to_simplified(n) for n in names_of(f, "Company") | names_of(f, "Organization")}
    assert {"北辰国经投资发展有限公司", "上海浦东创新投资发展(集团)有限公司", "上海国盛(集团)有限公司"} <= firms, firms
    assert not any(n.startswith(("限公司", "投资发展", "辰")) for n in firms), firms


def test_a_chinese_province_or_city_before_a_central_commission_names_its_own(facts):
    f = facts("上海市國資委表示，將支持母基金運作；深圳市發改委也發布通知。")
    bodies = {to_simplified(n) for n in names_of(f, "GovernmentAgency")}
    assert {"上海市国资委", "深圳市发改委"} <= bodies, bodies
    assert not any(e.known for e in f.entities.values() if e.cls == "GovernmentAgency"), f.entities
    g = facts("國資委表示，央企將加大投入。")   # the central commission named alone is the reference's
    assert any(e.known for e in g.entities.values() if e.cls == "GovernmentAgency"), g.entities


def test_a_count_of_kinds_after_a_list_names_no_fund_and_a_sum_opens_no_firm(facts):
    f = facts("上海三大先導產業母基金同日成立；集成電路、生物醫藥、人工智能三大產業母基金總規模達1000億元。"
              "虞仁榮的千億半導體投資版圖浮出水面。")
    orgs = names_of(f, "Organization") | names_of(f, "Company")
    assert any(n.endswith("三大先导产业母基金") for n in orgs), orgs
    assert not any(n.startswith(("智能", "千亿")) for n in orgs), orgs


def test_a_party_to_a_deal_by_its_role_is_no_part_of_the_name_after_it(facts):
    f = facts("交易對方北辰科技為星曜集團旗下公司，認購方晴川創投已繳足款項。")
    orgs = names_of(f, "Organization") | names_of(f, "Company")
    assert {"北辰科技", "星曜集团"} <= orgs and not any(n.startswith("方") or "对方" in n for n in orgs), orgs


def test_a_school_named_after_its_province_keeps_the_province_in_its_name(facts):
    f = facts("2002年到2005年，她曾在安徽工商管理學院攻讀工商管理碩士學位。")
    assert "安徽工商管理学院" in names_of(f), names_of(f)


def test_a_letter_standing_for_a_firm_names_none(facts):
    f = facts("若A持C公司35%股份，B持C公司15%，星曜半導體即須申請許可。")
    assert names_of(f, "Company") | names_of(f, "Organization") == {"星曜半导体"}


def test_a_count_or_a_sum_with_its_scale_and_no_unit_after_what_is_counted_is_a_figure(facts):
    f = facts("星曜半導體累計出貨量突破1000萬，今年營收突破10億，北辰微電子出貨量達300萬台。")
    figures = {(st.amount.value, st.amount.metric, st.roles[0][1]) for st in f.statements if st.amount is not None}
    star, north = key_of(f, "星曜半導體"), key_of(f, "北辰微電子")
    assert ("10000000", "shipments", star) in figures and ("1000000000", "revenue", star) in figures, figures
    assert [v for v, _, k in figures if k == north] == ["3000000"], figures   # one figure, counted in 台


def test_a_doubled_word_is_no_name(facts):
    f = facts("林子恒致詞指出，關稅大戰一下子在美國，還好到現在平平安安度過。")
    assert names_of(f) == {"林子恒", "美国"}, names_of(f)


def test_an_industrial_park_named_for_its_site_is_one_place_its_firm_owns(facts):
    f = facts("北辰微電子今（11）日舉行楠梓科技第三園區動土。北辰微電子楠梓第三園區規劃興建兩棟建物，"
              "陳怡良等人出席。")
    parks = [k for k, e in f.entities.items() if any("园区" in to_simplified(n) for n in e.names)]
    assert len(parks) == 1 and f.entities[parks[0]].cls == "Place", parks
    north = key_of(f, "北辰微電子")
    assert any(r.subject == parks[0] and r.property == "ownedBy" and r.object == north for r in f.relations)
    assert linked(f, north, parks[0])


def test_a_line_of_business_after_the_word_for_a_firm_is_no_firm(facts):
    f = facts("星曜半導體表示，公司IoT事業部門已將處理器技術擴展至POS機。")
    assert names_of(f) == {"星曜半导体"}, names_of(f)
    g = facts("美國晶片設計公司Netlist週一起訴星曜半導體。")   # a firm introduced by its kind still is one
    assert "Netlist" in names_of(g, "Company")


def test_accounts_lots_and_a_days_turnover_are_figures(facts):
    f = facts("星曜半導體復牌後一字漲停，封單超50萬手，最新股東戶數為36.49萬戶，全天成交額達到87.3億。")
    figures = {(st.amount.value, st.amount.unit) for st in f.statements if st.amount is not None}
    assert {("500000", "LOT"), ("364900", "ACCOUNT")} <= figures, figures
    assert any(v == "8730000000" for v, _ in figures), figures
    g = facts("星曜半導體的新手機明年上市，二手市場價格下跌。")
    assert not any(st.amount is not None for st in g.statements)


def test_a_person_taking_a_post_named_after_the_organisation_holds_it(facts):
    f = facts("林子恒接任星曜半導體執行長，張振華出任北辰微電子董事長。")
    lin, zhang = key_of(f, "林子恒"), key_of(f, "張振華")
    star, north = key_of(f, "星曜半導體"), key_of(f, "北辰微電子")
    rels = relations_of(f)
    assert {(star, "chiefExecutiveOfficer", lin), (lin, "employer", star),
            (north, "chairperson", zhang), (zhang, "employer", north)} <= rels, rels
    g = facts("董事會宣布，張振華接任星曜半導體副總經理。")   # a deputy's post: employed, no chief
    zhang, star = key_of(g, "張振華"), key_of(g, "星曜半導體")
    assert (zhang, "employer", star) in relations_of(g)
    assert (star, "chiefExecutiveOfficer", zhang) not in relations_of(g)


def test_our_country_is_china_in_simplified_text_and_taiwan_in_traditional(facts):
    from kg.text import script_of
    f = facts("截至6月底，我国在用算力中心标准机架达1085万架，算力总规模位居全球第二。", published="2025-09-05")
    ours = next(e for e in f.entities.values() if any(n in ("我国", "我國") for n in e.names))
    written = next(n for n in ours.names if n in ("我国", "我國"))
    assert ours.key == ("china" if script_of(written) == "zh-Hans" else "taiwan"), (ours.key, written)
    figures = {st.amount.value: {k for _, k in st.roles} for st in f.statements if st.amount is not None}
    assert ours.key in figures.get("10850000", set()), figures   # 1085萬架: racks, a count
    assert any(st.date is not None and st.date.iso == "2025-06" and (("subject", ours.key) in st.roles)
               for st in f.statements)


def test_our_country_in_traditional_text_follows_the_words_of_its_press(facts):
    """我國 in a Traditional text that writes as Hong Kong's or the mainland's press does (芯片, 內地,
    港元) is China; in one that writes as Taiwan's does (晶片, 大陸, 新台幣), Taiwan. Simplified text
    is the mainland's: China either way."""
    from kg.text import script_of
    hk = facts("特區政府表示，我國芯片企業今年在內地及香港共投資逾500億港元，英偉達芯片仍受限。")
    tw = facts("經濟部表示，我國晶片業者今年對大陸投資逾500億新台幣，輝達晶片仍受限。")
    for f in (hk, tw):
        ours = next(e for e in f.entities.values() if any(n in ("我国", "我國") for n in e.names))
        written = next(n for n in ours.names if n in ("我国", "我國"))
        taiwanese = f is tw and script_of(written) == "zh-Hant"
        assert ours.key == ("taiwan" if taiwanese else "china"), (ours.key, written)


def test_two_variant_spellings_of_a_name_are_one_person(facts):
    f = facts("北辰微電子董事長洪麗寗2日表示，訂單能見度看到2027年。洪麗甯強調，沒有不樂觀的理由。")
    people = [e for e in f.entities.values() if e.cls == "Person"]
    assert len(people) == 1 and len(people[0].names) == 2, [(e.key, e.names) for e in people]


def test_a_place_and_the_word_for_new_before_a_noun_is_no_organisation(facts):
    f = facts("北辰微電子今天舉行台北新總部開工動土典禮。")
    orgs = {n for e in f.entities.values() if e.cls in ("Organization", "Company", "GovernmentAgency") for n in names_of_entity(e)}
    assert orgs == {"北辰微电子"} and "台北" in names_of(f), names_of(f)


def test_a_country_far_off_in_a_long_sentence_is_no_known_firms_country(facts):
    f = facts("林子恒表示，輝達、Google與Meta等雲端服務供應商持續加碼投資，AI伺服器訂單一路延續到明年，"
              "後年看來也有不錯的成績，如此大量的訂單導致產能供不應求，即便星曜半導體年底美國新廠完工也不夠。")
    assert "usa" in f.entities
    assert not any(r.property == "country" and r.object == "usa" for r in f.relations), \
        [(r.subject, r.object) for r in f.relations if r.property == "country"]
    g = facts("美國晶片大廠輝達今天發表新晶片。")   # named side by side, the reference's word holds
    assert any(r.subject == "nvidia" and r.property == "country" and r.object == "usa" for r in g.relations)


@pytest.mark.parametrize("sentence, hall", [("星曜半導體在南港展覽館舉辦尾牙。", "南港展览馆"),
                                            ("星曜半導體今天在台北南港展覽館舉辦年會。", "台北南港展览馆")])
def test_a_hall_is_named_whole_even_at_the_start_of_a_line_or_after_its_city(facts, sentence, hall):
    f = facts(sentence)
    assert hall in names_of(f, "Place") and "南港" not in names_of(f), names_of(f)
    assert linked(f, key_of(f, "星曜半導體"), key_of(f, "展覽館"))


def test_a_name_the_tagger_cuts_short_is_read_whole_where_the_text_repeats_it(facts):
    f = facts("廣達董事長林百里、副董事長梁次震送兩人簽名的球衣給黃仁勳。林百里、梁次震、楊麒麟都出席。")
    assert "梁次震" in names_of(f, "Person") and "梁次" not in names_of(f, "Person"), names_of(f, "Person")


def test_a_bare_number_listed_after_a_chip_of_a_family_is_a_chip_of_that_family(facts):
    f = facts("華為宣布，未來三年將推出昇騰960和990。")   # a known model, then a new one
    new = next((k for k, e in f.entities.items() if names_of_entity(e) == {to_simplified("昇騰990")}), None)
    assert new is not None and f.entities[new].cls == "Chip", [(k, e.names) for k, e in f.entities.items()]
    rels = relations_of(f)
    assert (new, "partOfSeries", "huawei-ascend") in rels and (new, "developer", "huawei") in rels, rels
    g = facts("昇騰910C和2萬張加速卡已經出貨。")   # a count after 和 is no model
    assert not any(e.cls == "Chip" and any("2" == n[-1:] for n in e.names) for e in g.entities.values())


def test_every_reporter_listed_in_a_wire_dateline_works_for_the_wire_even_one_the_reference_knows(facts):
    # 張建中 is also a chip firm's founder in the reference data: listed in a dateline, a reporter
    f = facts("（中央社記者林子恒、張建中台北31日電）星曜半導體執行長今晚宴請供應鏈夥伴。", published="2026-01-31")
    wire = next(k for k, e in f.entities.items() if e.cls == "MediaOrganization")
    assert employees_of(f, wire) == {key_of(f, "林子恒"), key_of(f, "張建中")}


def test_a_variant_hyphened_onto_a_known_model_is_a_model_of_its_own(facts):
    f = facts("阿里巴巴發布了規模最大的模型Qwen3-Max，其預覽版超越了GPT-5-Chat，輝達也推出H200-based伺服器。")
    names = names_of(f)
    assert {"qwen3-max", "gpt-5-chat"} <= {n.lower() for n in names}, names
    rels = relations_of(f)
    qwen = key_of(f, "Qwen3-Max")
    assert (qwen, "developer", "alibaba") in rels and f.entities[qwen].cls == "AIModel", rels
    assert not any("based" in n for n in names)   # a word of English in lower case is no variant


def test_an_intern_before_the_city_of_a_byline_is_a_reporter_too(facts):
    f = facts("晨經記者 陶力 實習生林欣宜杭州報道\n星曜半導體今天發布新一代晶片。")
    outlet = key_of(f, "晨經")
    assert employees_of(f, outlet) == {key_of(f, "陶力"), key_of(f, "林欣宜")}


@pytest.mark.parametrize("sentence, party", [
    ("星曜半導體昨（16）日舉行尾牙，董事長林子恒表示，去年成績不錯。", "尾牙"),
    ("星曜半導體今天在南港展覽館舉辦尾牙旺年會，席開1300桌。", "尾牙旺年会"),
    ("林子恒還將參加北辰微電子尾牙，並出席台灣總部簽約記者會。", "北辰微电子尾牙"),
    ("星曜半導體今（15）日在南港展覽館舉辦旺年會，席開1300桌。", "旺年会"),
    ("北辰微電子昨日舉行春酒，董事長林子恒致詞。", "春酒"),
])
def test_a_firms_year_end_party_is_an_event(facts, sentence, party):
    f = facts(sentence, published="2026-01-17")
    assert party in names_of(f, "Event"), names_of(f)


def test_vehicles_delivered_and_a_sum_invested_without_its_currency_are_figures(facts):
    f = facts("星曜汽車全年交付了13.7萬輛，公司計劃至少投資10年、至少投資500億，過去五年研發投入1020億。")
    values = {st.amount.value for st in f.statements if st.amount is not None}
    assert {"137000", "50000000000", "102000000000"} <= values, values
    assert "10" not in values   # 投資10年: years of investing, no sum


def test_an_officer_by_a_finance_or_board_title_alone_works_for_the_company_of_the_article(facts):
    """財務負責人吳某表示, 董秘王某稱: titles of the mainland's listed firms, with no company named."""
    f = facts("北辰半導體昨日舉行業績會。北辰半導體第二季營收增長。北辰半導體聯合CEO林子恒表示需求強勁。"
              "董秘王小華稱，公司將回購股份。第三季而言，財務負責人吳大明表示，折舊還會增加。")
    north = key_of(f, "北辰半導體")
    assert {(key_of(f, "王小華"), "employer", north), (key_of(f, "吳大明"), "employer", north)} <= relations_of(f), \
        relations_of(f)


def test_a_punitive_tariff_levied_is_a_policy(facts):
    f = facts("林子恒表示，美國今年5月提出加徵懲罰關稅時，幅度達125%至145%。")
    assert "惩罚关税" in names_of(f, "Policy"), names_of(f)


def test_a_cabinet_named_after_its_prime_minister_is_a_government_body(facts):
    f = facts("日本高市內閣提出新的經濟對策。新內閣上任後，本屆內閣將推動半導體政策。")
    assert names_of(f, "GovernmentAgency") == {"高市内阁"}, names_of(f)
    g = facts("日本經濟新聞報導，這是高市內閣認定的戰略領域，政府已確定高市內閣的方針。")
    assert names_of(g, "GovernmentAgency") == {"高市内阁"}, names_of(g)
    h = facts("這正是內閣提出的方針，也是內閣的承諾。")   # a word or a verb before 內閣 is no name
    assert not names_of(h, "GovernmentAgency"), names_of(h)


@pytest.mark.parametrize("sentence", ["技術基石是晴川微電子的晴川通元神經網絡處理器(NPU)與晴川智眸AI-ISP。",
                                      "晴川微電子表示，晴川通元NPU採用多線程設計，晴川智眸ISP用於車載。"])
def test_a_firms_first_two_characters_and_a_coined_word_before_a_kind_of_chip_name_its_product_line(facts, sentence):
    f = facts(sentence)
    firm = key_of(f, "晴川微電子")
    lines = {to_simplified(n): k for k, e in f.entities.items() if e.cls in ("Chip", "Product") for n in e.names}
    assert set(lines) == {"晴川通元", "晴川智眸"}, lines
    assert {(k, "developer", firm) for k in lines.values()} <= relations_of(f), relations_of(f)


def test_a_japanese_surname_alone_is_the_person_named_in_full(facts):
    f = facts("日本經產大臣高木亮正今天宣布追加補助。高木表示，民間企業對北辰半導體的投資增至32家。")
    people = [e for e in f.entities.values() if e.cls == "Person"]
    assert len(people) == 1 and {to_simplified(n) for n in people[0].names} == {"高木亮正", "高木"}, \
        [(e.key, e.names) for e in people]


def test_a_chinese_firms_registered_name_with_its_seat_in_brackets_is_the_firm(facts):
    f = facts("沐曦集成電路(上海)股份有限公司今日公告，沐曦股份將在科創板上市。")
    firms = [e for e in f.entities.values() if e.cls in ("Company", "Organization")]
    assert [e.key for e in firms] == ["metax"], [(e.key, e.names) for e in firms]
    g = facts("英特爾半導體(大連)股份有限公司今日公告擴產。")   # a foreign firm's arm in China
    assert "intel" not in g.entities or any(e.key != "intel" and e.cls == "Company" for e in g.entities.values())


def test_a_product_line_is_nobodys_when_two_firms_names_open_alike(facts):
    f = facts("晴川微電子與晴川半導體昨日表示，晴川通元NPU採用多線程設計。")
    assert not names_of(f, "Chip") and not any(r.property == "developer" for r in f.relations), names_of(f)


def test_a_line_of_chips_in_quotes_before_series_and_its_use_is_a_chip_of_the_firm(facts):
    f = facts("晴川智算成功推出“天樞”系列訓練GPU與“雲嵐”系列推理GPU，並配套完整軟體。")
    chips = names_of(f, "Chip")
    assert {"天枢", "云岚"} <= chips, chips
    firm = key_of(f, "晴川智算")
    assert (key_of(f, "天樞"), "developer", firm) in relations_of(f), relations_of(f)
    g = facts("業者不再只談「國產」系列晶片。")   # a plain word in quotes names no line
    assert not names_of(g, "Chip"), names_of(g)


def test_a_coined_name_and_a_letter_before_series_after_a_kind_of_chip_is_a_chip(facts):
    f = facts("辰光推出智算晶片曦海C系列與圖形渲染晶片星彩G系列。")
    assert "星彩G" in names_of(f, "Chip"), names_of(f)


def test_a_model_number_after_a_slash_is_the_same_makers_model(facts):
    f = facts("晴川微電子的QX720/820晶片銷量不錯，並配備141GB/80GB記憶體，2024/25財年營收大增。")
    chips = {n for n in names_of(f, "Chip")}
    assert {"QX720", "QX820"} <= chips, chips
    assert not any(n.endswith(("80", "80GB", "25")) for n in names_of(f)), names_of(f)
    firm = key_of(f, "晴川微電子")
    assert (key_of(f, "QX820"), "developer", firm) in relations_of(f), relations_of(f)
    g = facts("台積電訂單包括輝達GB200/300。")   # a known model after the slash is the known one
    assert "nvidia-gb300" in g.entities, sorted(g.entities)


def test_two_latin_products_listed_before_series_and_a_kind_of_chip_are_both_products(facts):
    f = facts("北辰微電子的Orion和Vega系列等網路晶片需求強勁。")
    assert {"Orion", "Vega"} <= names_of(f), names_of(f)


def test_words_of_grade_after_a_familys_model_are_part_of_its_name(facts):
    f = facts("高通推出 PC 產品 Snapdragon X9 Elite Extreme 和 Snapdragon X9 Elite，搭載後者的筆電明年上市。")
    chips = {n.lower() for n in names_of(f, "Chip")}
    assert {"snapdragon x9 elite extreme", "snapdragon x9 elite"} <= chips, chips


def test_a_named_strategy_plan_or_mechanism_in_quotes_is_a_policy(facts):
    f = facts("內閣提出「地方振興戰略」，交易所也試行「預先審閱機制」，但他說「這個方案」不可行。")
    assert {"地方振兴战略", "预先审阅机制"} <= names_of(f, "Policy"), names_of(f)
    assert not any("这个" in n for n in names_of(f)), names_of(f)


def test_a_long_latin_word_in_a_list_of_investors_is_a_member_too(facts):
    f = facts("基石投資者包括北辰資本、NorthStarCapital、晴川基金與星河投資。")
    assert {"NorthStarCapital", "星河投资"} <= names_of(f), names_of(f)


@pytest.mark.parametrize("sentence, firm", [
    ("北辰微電子計畫和德國電信（Deutsche Telekom）合作興建資料中心。", "德国电信"),
    ("由林子恒管理的方舟投資（Ark Investment）也重啟對北辰微電子的投資。", "方舟投资"),
])
def test_a_chinese_name_glossed_with_a_latin_name_in_brackets_is_an_organisation_whole(facts, sentence, firm):
    f = facts(sentence)
    orgs = {n for e in f.entities.values() if e.cls in ("Company", "Organization") for n in names_of_entity(e)}
    assert firm in orgs, names_of(f)


def test_a_deal_signed_with_a_partner_after_a_pointer_is_the_pointed_companys(facts):
    f = facts("北辰微電子今天公布新品。該公司計畫和台積電合作興建新廠，也宣布和瀚川科技簽署合作協議。")
    deals = [{k for _, k in st.roles} for st in f.statements if st.evidence.rule == "trigger-deal"]
    assert {key_of(f, "北辰微電子"), key_of(f, "瀚川科技")} in deals, deals
    assert not any("tsmc" in d for d in deals), deals


@pytest.mark.parametrize("sentence", ["北辰微電子執行副總經理暨晴川科技總經理林子恒指出，需求強勁。",
                                      "北辰微電子董事長兼晴川科技總經理林子恒表示，需求強勁。"])
def test_a_person_holding_posts_at_two_firms_joined_by_ji_or_jian_works_for_both(facts, sentence):
    f = facts(sentence)
    person = key_of(f, "林子恒")
    assert employees_of(f, key_of(f, "北辰微電子")) == {person}, relations_of(f)
    assert employees_of(f, key_of(f, "晴川科技")) == {person}, relations_of(f)
    assert not any("经理" in n or "董事" in n for n in names_of(f, "Company")), names_of(f)
    if "董事長" in sentence:
        assert (key_of(f, "北辰微電子"), "chairperson", person) in relations_of(f)


def test_a_time_of_day_before_an_events_name_is_no_part_of_it(facts):
    f = facts("凌晨北辰2026開發者大會登場，北辰微電子發表新晶片。")
    assert "北辰2026开发者大会" in names_of(f, "Event"), names_of(f)
    assert not any(n.startswith("凌晨") for n in names_of(f)), names_of(f)


def test_who_is_named_the_listed_companys_controller_owns_the_article_company(facts):
    f = facts("北辰科技今天公告收購計畫。北辰科技表示，本次交易中，認購方晴川電子集團為上市公司實際控制人，"
              "並認購新股。北辰科技股價上漲。")
    assert (key_of(f, "北辰科技"), "ownedBy", key_of(f, "晴川電子集團")) in relations_of(f), relations_of(f)


def test_a_district_written_right_after_its_city_is_in_it(facts):
    f = facts("北辰微電子總部位於廣東省深圳市南山區，研發中心設在台中市西屯區。")
    rels = relations_of(f)
    assert (key_of(f, "南山"), "locatedIn", key_of(f, "深圳")) in rels, rels
    assert (key_of(f, "西屯"), "locatedIn", key_of(f, "台中")) in rels, rels


def test_a_clause_the_tagger_did_not_read_still_has_its_verb(facts):
    # 後來加入晴川科技 holds no name the tagger is run for; its verb comes from the dictionary
    f = facts("林子恒畢業於清華大學，後來加入晴川科技。")
    assert employees_of(f, key_of(f, "晴川科技")) == {key_of(f, "林子恒")}, relations_of(f)


def test_the_day_a_paragraph_opens_with_is_the_day_of_its_sentences_that_name_none(facts):
    f = facts("2025年12月5日9點30分，科創板交易大廳的電子屏上，代碼「688999」首次亮起。北辰科技開盤定格在650元。\n"
              "晴川電子表示，將擴大研發。")
    days = {(k, st.date.iso) for st in f.statements if st.date is not None for _, k in st.roles}
    assert (key_of(f, "北辰科技"), "2025-12-05") in days, days
    assert not any(k == key_of(f, "晴川電子") for k, _ in days), days   # the next paragraph is no longer that day


def test_an_acronym_spelled_out_in_english_names_a_thing_of_its_own(facts):
    f = facts("北辰微電子導入名為QTB (Quantum Thermal Bridge,量子熱橋) 的散熱技術，QTB可降溫兩成。")
    ent = f.entities[key_of(f, "QTB")]
    assert ent.cls == "Product" and "Quantum Thermal Bridge" in ent.names, (ent.cls, ent.names)
    g = facts("他說 AI (Artificial Intelligence) 很重要。")   # a kind of thing, spelled out, is no name
    assert not names_of(g), names_of(g)


def test_a_generation_after_a_models_grade_and_a_network_card_are_named_whole(facts):
    f = facts("新機能與Qualcomm Snapdragon 9 Elite Gen 6比拼，並由Pensando Orion NIC提供支援。")
    names = {n.lower() for n in names_of(f)}
    assert {"snapdragon 9 elite gen 6", "pensando orion"} <= names, names


def test_a_line_of_chips_by_a_coined_name_before_series_and_its_use_is_a_chip(facts):
    f = facts("北辰微電子相繼推出用於自動駕駛的崑崙系列高算力晶片、峨眉系列跨域計算晶片。")
    assert {"昆仑", "峨眉"} <= names_of(f, "Chip"), names_of(f)
    g = facts("業者陸續推出旗艦系列晶片。")   # a grade names no line
    assert not names_of(g, "Chip"), names_of(g)


@pytest.mark.parametrize("sentence, product", [
    ("北辰微電子重點推介“天樞之眼”高階智駕系統。", "天枢之眼"),
    ('這款處理器採用"星河大道"自主內核微架構。', "星河大道"),
])
def test_a_name_in_quotes_before_what_it_is_is_a_product(facts, sentence, product):
    f = facts(sentence)
    assert product in names_of(f, "Product"), names_of(f)


def test_a_coined_latin_word_a_firm_made_itself_or_with_a_version_is_a_product(facts):
    f = facts("北辰微電子借助自主研發的TeraWeave高速網路，QX950搭載NovaMem 1.0，QX960升級至NovaMem 2.0。")
    assert {"TeraWeave", "NovaMem 1.0", "NovaMem 2.0"} <= names_of(f, "Product"), names_of(f)


def test_a_grade_after_a_brands_model_is_part_of_its_name(facts):
    f = facts("小米SU9 Ultra因實車與宣傳不符引發風波。")
    assert any(n.endswith("SU9 Ultra") for n in names_of(f)), names_of(f)


def test_officials_of_a_ministry_and_a_board_are_employed_by_them(facts):
    f = facts("新加坡副總理兼貿易與工業部長顏立明、新加坡貿易與工業部常任秘書馬立仁、"
              "新加坡晴川集團(QCG)助理總裁黃立燕皆出席活動。")
    assert not any("兼" in n for n in names_of(f)), names_of(f)
    assert "贸易与工业部" in names_of(f, "GovernmentAgency"), names_of(f)
    rels = relations_of(f)
    assert (key_of(f, "顏立明"), "employer", key_of(f, "貿易與工業部")) in rels, rels
    assert any(s == key_of(f, "馬立仁") and p == "employer" for s, p, _ in rels), rels
    assert (key_of(f, "黃立燕"), "employer", key_of(f, "晴川集團")) in rels, rels


def test_a_citizen_with_a_post_and_a_birthplace_before_the_name(facts):
    f = facts("不久前，上海出生的美國公民、晴川銀行董事總經理林子恆在一次商務旅行中被實施出境禁令。")
    person, rels = key_of(f, "林子恆"), relations_of(f)
    assert (person, "citizenship", "usa") in rels and (person, "placeOfBirth", "shanghai") in rels, rels
    assert (person, "employer", key_of(f, "晴川銀行")) in rels, rels
    g = facts("北辰微電子在上海出生產線的消息傳開。")   # no one is born here
    assert not any(p == "placeOfBirth" for _, p, _ in relations_of(g))


def test_a_city_after_its_prefecture_in_brackets_is_in_it(facts):
    f = facts("雙方共同營運晴川位於日本的四日市工廠(三重縣四日市市)。")
    rels = relations_of(f)
    assert any(s == "yokkaichi" and p == "locatedIn" and "三重" in "".join(f.entities[o].names)
               for s, p, o in rels), rels


def test_places_in_brackets_after_a_name_say_where_it_is_and_take_no_part_in_the_clause(facts):
    f = facts("北辰微電子和瀚川科技共同營運位於日本的四日市工廠(三重縣四日市市)。")
    region = key_of(f, "三重")
    assert not any(region in {k for _, k in st.roles} and len(st.roles) > 1 for st in f.statements), \
        [st.roles for st in f.statements]
    assert any(region == o and p == "locatedIn" for _, p, o in relations_of(f)), relations_of(f)


def test_a_body_named_in_quotes_by_its_kind_of_office_is_a_government_agency(facts):
    f = facts("“最高檢察署”“檢察總長”邢立釗18日受訪時表示，不便評論；他說「這個局」很難破。")
    assert names_of(f, "GovernmentAgency") == {"最高检察署"}, names_of(f)
    assert employees_of(f, key_of(f, "最高檢察署")) == {key_of(f, "邢立釗")}, relations_of(f)


def test_a_new_name_held_whole_by_a_longer_one_after_a_place_or_a_firm_is_the_same_entity(facts):
    f = facts("新加坡貿易與工業部今天表示，晴川科技獲准設廠。貿易與工業部指出，投資額為10億元。")
    assert [e.key for e in f.entities.values() if e.cls == "GovernmentAgency"] == [key_of(f, "新加坡貿易與工業部")]
    g = facts("北辰科技週五舉行北辰戰略新品發布會。在戰略新品發布會上，北辰推出新晶片。")
    assert len([e for e in g.entities.values() if e.cls == "Event"]) == 1, names_of(g, "Event")
    h = facts("瀚海集團與晴川科技簽約，瀚海（Hanhai）將投資30億元。")
    assert len([e for e in h.entities.values() if "瀚海" in "".join(e.names)]) == 1, names_of(h)


def test_a_firm_and_its_capital_arm_stay_two_entities(facts):
    f = facts("瀚海集團與瀚海資本今天宣布共同投資晴川科技。")
    assert {"瀚海集团", "瀚海资本"} <= names_of(f), names_of(f)


def test_a_latin_name_shaped_as_a_made_things_is_a_product_with_no_cue_around_it(facts):
    f = facts("北辰將率先用於14吋 NovaBook Pro、NovaPad Pro 與北辰 Lumen Max 等裝置，並將 QuillOS 整合進汽車RX9。")
    assert {"novabook pro", "novapad pro", "lumen max", "quillos", "rx9"} <= {n.lower() for n in names_of(f, "Product")}, \
        names_of(f)


def test_kinds_units_formats_and_firms_in_latin_are_no_products(facts):
    f = facts("北辰表示，新晶片支援 INT8 與 FP16，介面為 PCIe 5，並支援 Wi-Fi 7，功耗 30 kW，"
              "股票代號 BCST-US。新創 TeraLoom 公司指出，HyperMind表示將採購 AI GPU。")
    products = {n.lower() for n in names_of(f, "Product")}
    assert not products & {"int8", "fp16", "pcie 5", "wi-fi 7", "kw", "bcst-us", "teraloom", "hypermind", "ai gpu"}, products


def test_a_place_after_a_word_of_going_is_where_things_go_not_whose_the_name_after_it_is(facts):
    f = facts("美國商務部正在調查晴川是否使用出口至中國的北辰科技高端晶片。中國晶片新創瀚海科技今天宣布上市。")
    rels = relations_of(f)
    assert (key_of(f, "北辰科技"), "country", "china") not in rels, rels
    assert (key_of(f, "瀚海科技"), "country", "china") in rels, rels


def test_a_sentence_that_goes_on_without_a_subject_is_about_the_sentence_befores_topic(facts):
    f = facts("北辰科技今天公布第三季財報。同時宣布與晴川科技合作開發新晶片。")
    assert linked(f, key_of(f, "北辰科技"), key_of(f, "晴川科技")), [st.roles for st in f.statements]
    g = facts("北辰科技今天公布第三季財報。此外，美國商務部宣布對晴川科技祭出禁令。")
    assert not linked(g, key_of(g, "北辰科技"), key_of(g, "晴川科技")), [st.roles for st in g.statements]
    h = facts("北辰科技今天公布第三季財報。\n同時，晴川科技宣布擴產。")   # a new paragraph: a new topic
    assert not linked(h, key_of(h, "北辰科技"), key_of(h, "晴川科技")), [st.roles for st in h.statements]


def test_every_product_a_launch_lists_is_the_launchers(facts):
    f = facts("晴川科技正式發布了新一代QX-5000伺服器處理器和QX-600N筆電處理器。")
    rels = relations_of(f)
    for model in ("QX-5000", "QX-600N"):
        assert (key_of(f, model), "developer", key_of(f, "晴川科技")) in rels, rels
    g = facts("晴川科技推出QX-5000處理器，效能比北辰M3處理器和瀚海H9高三成。")   # a yardstick, not a launch
    assert not any(r.property == "developer" and r.object == key_of(g, "晴川科技") and r.subject != key_of(g, "QX-5000")
                   for r in g.relations), g.relations


def test_export_restrictions_tariffs_at_a_rate_and_lists_put_on_are_policies(facts):
    f = facts("北辰科技表示並不擔心美國對AI晶片的出口限制。")
    assert "出口限制" in names_of(f, "Policy"), names_of(f)
    g = facts("此舉被視為對美方新宣布的進口晶片100%關稅的報復。")
    assert any("100%" in n and n.endswith("关税") for n in names_of(g, "Policy")), names_of(g)
    h = facts("美國商務部宣布將晴川科技列入出口管制清單。")
    assert "出口管制清单" in names_of(h, "Policy"), names_of(h)
    k = facts("這些企業被列入相關清單，關稅稅率為15%。")   # a list the clause does not name, a rate alone
    assert not names_of(k, "Policy"), names_of(k)


def test_a_word_describing_what_a_known_policy_covers_makes_no_second_policy(facts):
    f = facts("晴川科技去年成功繞過美國對華高端晶片出口管制。")
    assert [e.key for e in f.entities.values() if e.cls == "Policy"] == ["us-chip-export-controls"], names_of(f, "Policy")


def test_a_number_and_a_grade_after_a_brand_name_a_model(facts):
    f = facts("小米今天推出兩款新品，其中小米17S Pro將率先開賣。")
    model = next(e for e in f.entities.values() if "17s pro" in " ".join(e.names).lower())
    assert (model.key, "developer", key_of(f, "小米")) in relations_of(f), relations_of(f)
    g = facts("小米今年營收成長15%，小米17日公布財報。")   # no grade: a figure, a date
    assert not [e for e in g.entities.values() if e.cls in ("Chip", "Product")], names_of(g)


def test_an_architecture_named_by_a_proper_noun_is_a_product(facts):
    f = facts("該系列晶片基於北辰自研的達芬奇架構打造。")
    assert "达芬奇" in names_of(f, "Product"), names_of(f)
    g = facts("這款晶片採用存算一體架構和異構架構，公司也調整了組織架構。")
    assert not names_of(g, "Product"), names_of(g)


def test_investors_owners_and_fund_managers_are_named_by_what_a_report_calls_them(facts):
    f = facts("投資人王大明單日帳面浮盈已超190億元，北辰汽車車主張偉則表示不滿。")
    assert {"王大明", "张伟"} <= names_of(f, "Person"), names_of(f)
    g = facts("投資人關注晴川科技的財報，投資者信心回升。")
    assert not names_of(g, "Person"), names_of(g)


def test_a_sum_whose_own_clause_names_another_subject_is_not_the_statement_befores(facts):
    f = facts("北辰科技與晴川銀行簽署協議，瀚海資本則擬向星河基金出資215億元。")
    sums = [st for st in f.statements if st.amount and st.amount.value == "21500000000"]
    assert sums and all(("subject", key_of(f, "瀚海資本")) in st.roles for st in sums), [st.roles for st in sums]
    g = facts("北辰科技與晴川銀行簽署協議，擬向星河基金出資215億元。")   # no subject of its own: the signer's
    sums = [st for st in g.statements if st.amount and st.amount.value == "21500000000"]
    assert sums and all(("agent", key_of(g, "北辰科技")) in st.roles for st in sums), [st.roles for st in sums]


def test_a_firm_said_to_be_one_of_anothers_kind_of_company_is_its_subsidiary(facts):
    f = facts("晴川科技是星河資本旗下的晶片設計公司。")
    assert (key_of(f, "晴川科技"), "parentOrganization", key_of(f, "星河資本")) in relations_of(f), relations_of(f)
    g = facts("晴川科技是星河資本旗下品牌的代工公司。")   # a supplier to the brands it owns, no part of it
    assert not any(p == "parentOrganization" for _, p, _ in relations_of(g)), relations_of(g)


def test_a_deals_verb_before_a_registered_name_is_no_part_of_it(facts):
    f = facts("北辰科技擬收購晴川半導體科技(上海)股份有限公司100%股份。")
    assert key_of(f, "北辰科技") and any(n.startswith("晴川半导体科技") for n in names_of(f, "Company")), names_of(f)
    assert not any("收购" in n for n in names_of(f)), names_of(f)
    g = facts("深圳市投資控股有限公司今天宣布擴產。")   # 投資 inside a name, with no word of intent before it
    assert "深圳市投资控股有限公司" in names_of(g), names_of(g)


def test_a_list_of_partners_after_a_word_of_with_opens_at_its_first_member(facts):
    f = facts("北辰科技宣布與星河、晴川和瀚海等企業合作，確保技術領先。")
    assert {"星河", "晴川", "瀚海"} <= names_of(f), names_of(f)
    for partner in ("星河", "晴川", "瀚海"):
        assert linked(f, key_of(f, "北辰科技"), key_of(f, partner)), [st.roles for st in f.statements]


def test_each_name_of_a_list_after_a_preposition_is_an_object_and_the_topic_acts(facts):
    f = facts("北辰科技公布多項合作，與星河科技、晴川科技和瀚海科技等企業合作開發晶片。")
    for partner in ("星河科技", "晴川科技", "瀚海科技"):
        assert linked(f, key_of(f, "北辰科技"), key_of(f, partner)), [st.roles for st in f.statements]
    assert not any(("agent", key_of(f, "晴川科技")) in st.roles for st in f.statements), [st.roles for st in f.statements]
    g = facts("北辰科技和晴川科技合作開發晶片。")   # 和 joining two actors: the two talk
    assert linked(g, key_of(g, "北辰科技"), key_of(g, "晴川科技")), [st.roles for st in g.statements]


def test_a_speaker_told_an_outlet_through_its_reporter_or_interview(facts):
    f = facts("顧問公司執行長張毅對《晴川日報》記者表示，北辰科技需求強勁。")
    told = [st for st in f.statements if ("counterpart", key_of(f, "晴川日報")) in st.roles]
    assert told and all(("agent", key_of(f, "張毅")) in st.roles for st in told), [st.roles for st in f.statements]
    assert not linked(f, key_of(f, "晴川日報"), key_of(f, "北辰科技")), [st.roles for st in f.statements]
    g = facts("北辰科技董事長胡大明日前接受《晴川財經》專訪時表示，將擴大投資。")
    assert linked(g, key_of(g, "胡大明"), key_of(g, "晴川財經")), [st.roles for st in g.statements]


def test_two_people_just_named_are_no_count_of_people(facts):
    f = facts("北辰科技董事長王大明、總經理林志強送兩人簽名的球衣給晴川科技。美國司法部表示，兩人曾偽造文件。")
    assert not [st for st in f.statements if st.amount and st.amount.unit == "PERSON"], \
        [(st.roles, st.amount) for st in f.statements if st.amount]
    g = facts("美國司法部宣布逮捕兩人。")   # a word that counts them
    assert [st for st in g.statements if st.amount and st.amount.unit == "PERSON" and st.amount.value == "2"], \
        [(st.roles, st.amount) for st in g.statements]


def test_the_largest_institutional_shareholder_and_the_actual_controller_own_the_firm(facts):
    f = facts("星河創投是北辰科技最大的機構股東，晴川集團為瀚海科技的實際控制人。")
    rels = relations_of(f)
    assert (key_of(f, "北辰科技"), "ownedBy", key_of(f, "星河創投")) in rels, rels
    assert (key_of(f, "瀚海科技"), "ownedBy", key_of(f, "晴川集團")) in rels, rels
    g = facts("王大明是北辰科技的股東代表。")   # who speaks for the shareholders holds nothing
    assert not any(p == "ownedBy" for _, p, _ in relations_of(g)), relations_of(g)


def test_an_outlets_editors_are_its_staff(facts):
    f = facts("英國廣播公司經濟編輯伊斯蘭表示，關稅將推高物價。")
    assert (key_of(f, "伊斯蘭"), "employer", key_of(f, "英國廣播公司")) in relations_of(f), relations_of(f)
    g = facts("晴川日報總編輯王大明表示，媒體轉型刻不容緩。")
    assert (key_of(g, "王大明"), "employer", key_of(g, "晴川日報")) in relations_of(g), relations_of(g)
    h = facts("本文由編輯整理，編輯部保留權利。")
    assert not names_of(h, "Person"), names_of(h)


def test_section_232_named_by_its_number_is_the_law_and_its_chip_probe_stays_its_own(facts):
    f = facts("美國商務部依據232條款對進口晶片展開調查，並啟動半導體232調查。")
    keys = {e.key for e in f.entities.values() if e.cls == "Policy"}
    assert {"section-232", "section-232-semiconductors"} <= keys, names_of(f, "Policy")
    h = facts("美方援引301條款對晴川科技加徵關稅，對華301關稅持續生效。")
    assert {"section-301", "section-301-tariffs"} <= {e.key for e in h.entities.values()}, names_of(h, "Policy")
    g = facts("北辰科技推出232層快閃記憶體。")   # a count of layers
    assert not [e for e in g.entities.values() if e.cls == "Policy"], names_of(g)


def test_a_firms_country_in_taiwans_shorthand_is_no_part_of_its_name(facts):
    f = facts("美商晴川科技今天在台設立研發中心，日商瀚海電子也宣布擴產。")
    assert {"晴川科技", "瀚海电子"} <= names_of(f, "Company"), names_of(f)
    assert not any(n.startswith(("美商", "日商")) for n in names_of(f)), names_of(f)


def test_what_a_speaker_says_of_three_firms_is_said_of_each(facts):
    f = facts("分析師王大明表示，輝達的新晶片將交由台積電代工，並優先供應給微軟。")
    for firm in ("輝達", "台積電", "微軟"):
        assert linked(f, key_of(f, "王大明"), key_of(f, firm)), [st.roles for st in f.statements]


@pytest.mark.parametrize("sentence, name", [
    # the tagger's word runs past the name (瀚海集團蓋廠): the adverb and verb before it still open no name
    ("北辰半導體派出顧問團隊前往越南，積極協助瀚海集團蓋廠。", "瀚海集團"),
    ("北辰半导体派出顾问团队前往越南，积极协助瀚海集团盖厂。", "瀚海集团"),
    # a clause the tagger does not read: the dictionary's verb before the name
    ("他在會上先展示Lumen半導體的新技術。", "Lumen半導體"),
    ("他在会上先展示Lumen半导体的新技术。", "Lumen半导体"),
    # an adverb and a preposition before a minister's title open the clause, not the ministry's name
    ("他說，已與海洋事務部長王大明組成工作小組。", "海洋事務部"),
    ("他说，已与海洋事务部长王大明组建工作小组。", "海洋事务部"),
])
def test_the_words_of_a_clause_before_a_new_organisation_are_no_part_of_its_name(facts, sentence, name):
    f = facts(sentence)
    orgs = {n for e in f.entities.values() if e.cls in ("Organization", "Company", "GovernmentAgency")
            for n in names_of_entity(e)}
    assert to_simplified(name) in orgs, orgs
    assert not any(len(n) > len(name) and n.endswith(to_simplified(name)) for n in orgs), orgs


def test_a_bureau_is_named_by_局_and_words_ending_in_局_are_none(facts):
    f = facts("瀚海市港務局宣布，將協助晴川科技建廠。")
    assert "瀚海市港务局" in names_of(f), names_of(f)
    g = facts("晴川科技加快全球布局，市場格局生變，瀚海集團跨界入局，僵局難解。")
    assert not any(n.endswith("局") for n in names_of(g)), names_of(g)


@pytest.mark.parametrize("sentence, keys", [
    # a space where the Han name meets the model number is the same known name
    ("北辰科技採購了寒武紀思元 590加速卡。", {"cambricon", "cambricon-mlu590"}),
    ("北辰科技采购了寒武纪思元 590加速卡。", {"cambricon", "cambricon-mlu590"}),
    ("晴川雲採用鯤鵬 920處理器。", {"huawei-kunpeng-920"}),
])
def test_a_known_model_is_known_with_or_without_a_space_before_its_number(facts, sentence, keys):
    f = facts(sentence)
    assert keys <= {e.key for e in f.entities.values()}, {e.key: e.names for e in f.entities.values()}


def test_figures_after_its_are_the_products_before_and_the_compared_models_own_figure_is_its_own(facts):
    f = facts("北辰科技發布QX720處理器，採用Chiplet架構。其頂級型號主頻2.2GHz，快取容量384MB，較上一代QX620的64MB大幅提升。")
    owner = {st.amount.value: [k for _, k in st.roles] for st in f.statements if st.amount}
    assert owner.get("2.2") == [key_of(f, "QX720")] and owner.get("384") == [key_of(f, "QX720")], owner
    assert owner.get("64") == [key_of(f, "QX620")], owner


def test_a_describing_word_opens_no_firms_name(facts):
    f = facts("北辰科技的新處理器採用全新微內核設計與獨特散熱設計。")
    assert names_of(f, "Company") == {"北辰科技"}, names_of(f)


def test_a_carmaker_is_named_by_汽車_and_a_kind_of_car_is_none(facts):
    f = facts("北辰股份為眾多車廠提供零件，客戶包括晴川汽車、瀚海集團、星河汽車等。")
    assert {"晴川汽车", "星河汽车"} <= names_of(f, "Company"), names_of(f)
    g = facts("新能源汽車與電動汽車銷量大增，二手汽車也熱賣。")
    assert not names_of(g, "Company"), names_of(g)
    h = facts("新能源汽車市場的SUV車型備受青睞,車企紛紛加大投入。")   # the tagger calls it an organisation
    assert not names_of(h), names_of(h)


def test_a_vice_president_by_taiwans_short_title_works_for_the_company_in_question(facts):
    f = facts("北辰科技昨日舉行新品發布會，資深副總王志明表示，新晶片將於明年量產。")
    assert (key_of(f, "王志明"), "employer", key_of(f, "北辰科技")) in relations_of(f), relations_of(f)
    g = facts("北辰科技昨日宣布，副總統王大明將出席典禮。")   # a vice president of a country
    assert not any(p == "employer" for _, p, _ in relations_of(g)), relations_of(g)


def test_a_preposition_opening_the_clause_is_no_part_of_a_new_name(facts):
    f = facts("據晴川資本局5月14日消息，北辰集團創始人王大明更改了社群設定。")
    assert "晴川资本局" in names_of(f) and not any(n.startswith("据") for n in names_of(f)), names_of(f)


def test_a_firms_country_in_shorthand_is_its_country_where_the_article_names_it(facts):
    f = facts("美國晶片業持續擴張。美商晴川科技今天在台設立研發中心，日商瀚海電子也宣布擴產。")
    rels = relations_of(f)
    assert (key_of(f, "晴川科技"), "country", "usa") in rels, rels
    assert not any(s == key_of(f, "瀚海電子") and p == "country" for s, p, _ in rels), rels   # Japan is not named


def test_a_design_is_no_design_house(facts):
    f = facts("北辰科技的新處理器採用異構式多核設計，C1系列CPU設計也更新，產線設計同步調整。")
    assert not any(n.endswith("设计") for n in names_of(f)), names_of(f)
    g = facts("新晶片由瀚川智算設計，交由晴川半導體代工。")   # the firm that designs is named still
    assert "瀚川智算" in names_of(g), names_of(g)


def test_a_ceremony_is_an_event(facts):
    f = facts("北辰科技今天舉行台中新總部開工動土典禮，晴川半導體明天舉行新廠落成典禮。")
    assert {"台中新总部开工动土典礼", "新厂落成典礼"} <= names_of(f, "Event"), names_of(f)
    g = facts("他在典禮上致詞，說明會後接受採訪。")   # the words alone name no event
    assert not names_of(g, "Event"), names_of(g)


def test_people_named_to_a_post_by_the_verb_before_them_work_for_the_company_that_names_them(facts):
    f = facts("北辰科技董事會今天通過人事案，晉升王志明、林建國為共同營運長，並任命陳美玲為財務長。")
    rels = relations_of(f)
    for person in ("王志明", "林建國", "陳美玲"):
        assert (key_of(f, person), "employer", key_of(f, "北辰科技")) in rels, rels
    g = facts("北辰科技今天宣布，資深副總經理王志明與林建國將出任共同營運長。")
    assert (key_of(g, "林建國"), "employer", key_of(g, "北辰科技")) in relations_of(g), relations_of(g)


def test_a_person_who_is_a_universitys_doctor_studied_there(facts):
    f = facts("林建國為晴川大學電機工程博士，現任北辰科技技術長。")
    assert (key_of(f, "林建國"), "educatedAt", key_of(f, "晴川大學")) in relations_of(f), relations_of(f)
    g = facts("林建國是晴川大學博士後研究員。")   # a post there, no degree
    assert not any(p == "educatedAt" for _, p, _ in relations_of(g)), relations_of(g)


def test_a_post_in_brackets_after_a_persons_name_is_at_the_body_in_them(facts):
    f = facts("王志明（北辰科技副總裁）表示，需求強勁。")
    assert (key_of(f, "王志明"), "employer", key_of(f, "北辰科技")) in relations_of(f), relations_of(f)
    g = facts("陳美玲(晴川資本創辦人)指出，估值偏高。")
    assert (key_of(g, "晴川資本"), "foundedBy", key_of(g, "陳美玲")) in relations_of(g), relations_of(g)
    h = facts("王志明（北辰科技）表示，需求強勁。")   # a body alone in brackets names no post
    assert not relations_of(h), relations_of(h)


@pytest.mark.parametrize("sentence, person, school", [
    ("王志明畢業於晴川大學電機系，並於美國北嶺大學取得電機工程碩士學位。", "王志明", "北嶺大學"),
    ("陳美玲先在北辰科技任職，後於晴川大學取得博士學位。", "陳美玲", "晴川大學"),
])
def test_a_degree_taken_at_a_school_after_於_in_a_later_clause_is_where_the_person_studied(facts, sentence, person, school):
    f = facts(sentence)
    assert (key_of(f, person), "educatedAt", key_of(f, school)) in relations_of(f), relations_of(f)


@pytest.mark.parametrize("sentence, person, school", [
    ("王志明曾於晴川大學取得電機工程碩士學位。", "王志明", "晴川大學"),
    ("王志明曾在晴川大學攻讀博士，現任北辰科技技術長。", "王志明", "晴川大學"),
])
def test_a_school_where_a_person_once_took_a_degree_is_no_employer(facts, sentence, person, school):
    f = facts(sentence)
    rels = relations_of(f)
    assert (key_of(f, person), "employer", key_of(f, school)) not in rels, rels
    g = facts(sentence.replace("取得電機工程碩士學位", "任職").replace("攻讀博士", "任職"))
    assert (key_of(g, person), "employer", key_of(g, school)) in relations_of(g), relations_of(g)


@pytest.mark.parametrize("sentence", [
    "北辰科技主營伺服器電源，客戶群涵蓋青木汽車、遠山集團等。",
    "北辰科技主營伺服器電源，於2020年上市，為眾多廠商提供產品，客戶資源包括青木汽車、遠山集團、博達電子等。",
])
def test_a_companys_customers_listed_after_a_word_for_its_clientele_are_its_customers(facts, sentence):
    f = facts(sentence)
    for customer in ("青木汽車", "遠山集團"):
        assert linked(f, key_of(f, "北辰科技"), key_of(f, customer)), [st.roles for st in f.statements]


@pytest.mark.parametrize("sentence, citizens", [
    ("兩名中國公民林志遠和陳美玲因涉嫌走私晶片被捕。", {("林志遠", "中國"), ("陳美玲", "中國")}),
    ("被捕者為28歲的林志遠（中國籍）與陳美玲（男，美國籍）。", {("林志遠", "中國"), ("陳美玲", "美國")}),
    ("檢方起訴美籍華人陳美玲與日籍工程師林志遠，美國與日本對此表示關切。", {("陳美玲", "美國"), ("林志遠", "日本")}),
])
def test_a_persons_nationality_in_a_counted_group_in_brackets_or_in_shorthand(facts, sentence, citizens):
    f = facts(sentence)
    rels = relations_of(f)
    for person, country in citizens:
        assert (key_of(f, person), "citizenship", key_of(f, country)) in rels, rels


def test_a_body_that_charges_a_person_by_title_does_not_employ_them(facts):
    f = facts("美國檢方起訴工程師林志遠。")
    assert not any(p == "employer" for _, p, _ in relations_of(f)), relations_of(f)
    g = facts("北辰科技起訴前工程師林志遠。")   # its own former engineer
    assert (key_of(g, "林志遠"), "employer", key_of(g, "北辰科技")) in relations_of(g), relations_of(g)
    h = facts("北辰科技公告財務長林志遠將退休。")   # an announcement acts on no one
    assert (key_of(h, "林志遠"), "employer", key_of(h, "北辰科技")) in relations_of(h), relations_of(h)


@pytest.mark.parametrize("sentence, rule", [
    ("北辰科技雖被列入美國實體清單，但仍持續擴產。", "實體清單"),
    ("晴川半導體表示，公司將遵守美國的《晶圓保護法》。", "晶圓保護法"),
])
def test_a_rule_named_after_its_country_is_that_countrys(facts, sentence, rule):
    f = facts(sentence)
    assert (key_of(f, rule), "country", "usa") in relations_of(f), relations_of(f)


def test_a_site_named_by_its_place_and_a_word_of_the_field_is_named_whole(facts):
    f = facts("慶陽資料中心今天啟用，機架規模達到3萬架。")
    names = names_of(f)
    assert "资料中心" not in names and "数据中心" not in names, names
    assert any(n.startswith("庆阳") and n.endswith("中心") for n in names), names


def test_two_firms_joined_by_與_are_two_names_and_the_speakers_firm_is_not_what_they_invest_in(facts):
    f = facts("北辰科技總經理林威遠表示，晴川科技、星河電子與遠山集團等雲端業者持續加碼投資，訂單一路延續到明年。")
    assert {"星河电子", "远山集团"} <= names_of(f, "Company"), names_of(f)
    assert not any("与" in n for n in names_of(f)), names_of(f)
    assert not linked(f, key_of(f, "遠山集團"), key_of(f, "北辰科技")), [st.roles for st in f.statements]
    g = facts("北辰科技完成B輪融資，晴川資本加碼投資。")   # no one speaks: the investment is in the topic
    assert linked(g, key_of(g, "晴川資本"), key_of(g, "北辰科技")), [st.roles for st in g.statements]


def test_an_event_named_again_by_a_part_of_its_name_is_one_event(facts):
    f = facts("北辰科技今天舉辦2025尾牙歲末聯歡晚會，席開300桌。晚間北辰科技舉行尾牙，董事長王志明致詞。")
    assert len(names_of(f, "Event")) >= 1 and len([e for e in f.entities.values() if e.cls == "Event"]) == 1, \
        [(e.key, e.names) for e in f.entities.values()]


def test_the_source_a_reporter_learnt_from_is_no_topic_of_the_clauses_after_it(facts):
    f = facts("記者從上海證券交易所獲悉，國產GPU企業曜芯微電子科創板IPO申請已獲受理，擬募資45億元，保薦機構為中金公司。")
    firm = key_of(f, "曜芯微電子")
    owners = {k for st in f.statements if st.amount is not None and str(st.amount.value) == "4500000000" for _, k in st.roles}
    assert owners == {firm}, owners
    assert not linked(f, "sse", "cicc"), [st.roles for st in f.statements]


def test_a_parent_named_with_的_before_its_subsidiary_is_named_without_it(facts):
    f = facts("本次交易完成後，星河微電子將成為曜芯科技的全資子公司。")
    assert "曜芯科技" in names_of(f, "Company") and not any(n.endswith("的") for n in names_of(f)), names_of(f)
    assert (key_of(f, "星河微電子"), "parentOrganization", key_of(f, "曜芯科技")) in relations_of(f), relations_of(f)


def test_a_bare_公司_that_buys_a_firm_is_the_company_the_sentence_is_about(facts):
    f = facts("曜芯科技發布公告稱，公司擬以發行股份及支付現金的方式收購星河微電子100%股權，交易對價約32億元。")
    deal = [{k for _, k in st.roles} for st in f.statements if st.amount is not None and str(st.amount.value) == "3200000000"]
    assert {key_of(f, "曜芯科技"), key_of(f, "星河微電子")} in deal, deal   # the price is of the deal between them


def test_a_byline_on_the_leads_line_owns_none_of_its_figures(facts):
    f = facts("晴川財經記者王小明 台北 2025/11/10 網通晶片廠瑞星電子 (2388-TW) 今 (10) 日公布 10 月營收 35.6 億元，月增 12.3%。")
    firm = key_of(f, "瑞星電子")
    owners = {k for st in f.statements if st.amount is not None and st.amount.unit != "ONE" for _, k in st.roles}
    assert owners == {firm}, owners


def test_what_a_list_spread_over_clauses_均_does_is_said_of_every_member(facts):
    f = facts("北辰科技還推出新款伺服器，星河的「曜光5」晶片，以及用於AI運算的最新「晴川」晶片，均採用北辰科技的「N5」製程。")
    for chip in ("曜光5", "晴川"):
        assert linked(f, key_of(f, chip), key_of(f, "N5")), [st.roles for st in f.statements]


def test_a_firm_after_its_kind_closing_a_counted_list_is_a_company(facts):
    f = facts("商務部宣布，將美國無人機製造商北辰航太等15家企業列入出口管制管控名單。")
    assert "北辰航太" in names_of(f, "Company"), names_of(f)
    assert not names_of(f, "Place") - {"美国"}, names_of(f, "Place")


def test_a_sentence_naming_who_holds_a_role_goes_on_about_the_listing_company(facts):
    f = facts("AI晶片公司晴川智能今日在港交所主板掛牌，招股價每股19.6港元。聯席保薦人為中金公司及華泰國際。"
              "基石投資者包括北辰資本、星河基金及遠山投資。")
    firm = key_of(f, "晴川智能")
    assert "远山投资" in names_of(f), names_of(f)   # the last of three, joined by 及, is a member too
    for investor in ("北辰資本", "星河基金", "遠山投資"):
        assert linked(f, key_of(f, investor), firm), [st.roles for st in f.statements]
    assert not linked(f, key_of(f, "北辰資本"), "cicc"), [st.roles for st in f.statements]


def test_a_clause_opening_with_將_names_its_object_and_the_topic_acts(facts):
    f = facts("晴川半導體今天在台北宣布，將北辰科技列為策略合作夥伴，並在新加坡設立據點。")
    assert linked(f, key_of(f, "晴川半導體"), key_of(f, "北辰科技")), [st.roles for st in f.statements]


def test_兩人_names_the_people_its_own_sentence_named_before(facts):
    f = facts("美國司法部起訴林志遠與陳建宏，指控兩人透過北辰貿易公司出貨至中國。")
    for person in ("林志遠", "陳建宏"):
        assert linked(f, key_of(f, person), key_of(f, "北辰貿易")), [st.roles for st in f.statements]


def test_a_pointer_to_a_rule_after_a_company_in_its_sentence_still_means_the_rule(facts):
    f = facts("美國商務部發布《晶片出口新規》。北辰科技副總裁林志遠批評稱，該規則將損害美國的競爭力。")
    assert linked(f, key_of(f, "林志遠"), key_of(f, "晶片出口新規")), [st.roles for st in f.statements]


def test_the_people_a_charge_names_act_in_the_clauses_after_it(facts):
    f = facts("美國司法部起訴林志遠與陳建宏，指控兩人透過位於加州的空殼公司，將北辰科技的曜光5晶片走私至中國。")
    chip = key_of(f, "曜光5")
    assert linked(f, key_of(f, "林志遠"), chip), [st.roles for st in f.statements]
    assert not linked(f, "us-doj", chip), [st.roles for st in f.statements]   # the prosecutor smuggled nothing


def test_a_degree_named_after_long_department_names_is_where_the_person_studied(facts):
    f = facts("林志遠畢業於晴川大學材料系，並於北嶺大學材料科學與工程學系及工程經濟系統系取得雙碩士學位。")
    assert (key_of(f, "林志遠"), "educatedAt", key_of(f, "北嶺大學")) in relations_of(f), relations_of(f)
    assert not any(n.endswith("学系") for n in names_of(f)), names_of(f)   # a department is no body of its own


def test_the_meeting_a_sentence_opens_on_is_where_its_speaker_speaks(facts):
    f = facts("3月5日，在2026北辰開發者大會上，晴川科技執行長林志遠與星曜半導體董事長陳建宏同台宣布了合作計畫。")
    meeting = key_of(f, "北辰開發者大會")
    assert linked(f, key_of(f, "林志遠"), meeting), [st.roles for st in f.statements]


def test_a_firm_and_its_officer_opening_a_sentence_both_go_on_into_its_clauses(facts):
    f = facts("晴川科技執行長林志遠今天在台北發表演講，並公布了曜光9晶片的規格，以及與星曜半導體的合作細節。")
    chip = key_of(f, "曜光9")
    assert linked(f, key_of(f, "林志遠"), chip), [st.roles for st in f.statements]
    assert linked(f, key_of(f, "晴川科技"), chip), [st.roles for st in f.statements]


@pytest.mark.parametrize("text, model, family", [
    ("晴川手機新機搭載Google Tensor G5晶片，由台積電代工。", "Tensor G5", "google-tensor"),
    ("北辰伺服器採用Arm的Neoverse V3平台。", "Neoverse V3", "arm-neoverse"),
    ("晴川筆電搭載高通Snapdragon X Elite處理器。", "Snapdragon X Elite", "qualcomm-snapdragon"),
])
def test_a_model_named_with_its_family_is_a_chip_of_its_own_in_that_family(facts, text, model, family):
    f = facts(text)
    chip = key_of(f, model)
    assert chip != family and (chip, "partOfSeries", family) in relations_of(f), relations_of(f)


@pytest.mark.parametrize("text", ["晴川科技今天推出驍龍筆電。", "晴川科技推出Snapdragon X Elite筆電。"])
def test_a_firm_launching_a_product_with_a_known_chip_develops_no_chip(facts, text):
    f = facts(text)  # a laptop with Qualcomm's chip
    assert not any(r.property == "developer" and r.object == key_of(f, "晴川科技") for r in f.relations), relations_of(f)


@pytest.mark.parametrize("text", ["北辰科技與晴川半導體簽署協議。雙方將在新加坡合建工廠。",
                                  "北辰科技和晴川半導體今天簽約。兩家公司將在新加坡興建新廠。"])
def test_雙方_names_the_two_parties_named_together_before(facts, text):
    f = facts(text)
    for firm in ("北辰科技", "晴川半導體"):
        assert linked(f, key_of(f, firm), "singapore"), [st.roles for st in f.statements]


def test_雙方_after_a_sentence_of_its_own_parties_means_those(facts):
    f = facts("晴川科技已與北辰存儲簽署供貨協議。據報導，星曜電子也在評估採用北辰存儲的產品，但雙方均未在新加坡回應。")
    assert not linked(f, key_of(f, "晴川科技"), "singapore"), [st.roles for st in f.statements]


def test_a_product_heading_the_sentence_is_what_its_clauses_go_on_about(facts):
    f = facts("星曜半導體的曜光7晶片，在新加坡生產，由晴川科技代工。")
    assert linked(f, key_of(f, "曜光7"), "singapore"), [st.roles for st in f.statements]


def test_a_product_compared_with_a_product_is_the_one_named_before(facts):
    f = facts("國產晶片快速崛起，晴川科技的曜光9晶片算力達256 TFLOPS，超越輝達H20且成本更低，星曜電子的產品也表現亮眼。")
    assert linked(f, key_of(f, "曜光9"), "nvidia-h20"), [st.roles for st in f.statements]
    assert not names_of(f, "Chip") - {"曜光9", "H20", "辉达H20", "英伟达H20"}, names_of(f, "Chip")   # 算力達256 is a measure


@pytest.mark.parametrize("text", ["對於美國的出口管制，北辰科技執行長林志遠表示，公司將持續在新加坡投資。",
                                  "至於談到剛亮相的曜光9晶片，林志遠則說，這是公司史上最複雜的產品，晴川科技正在努力，已在新加坡量產。"])
def test_the_matter_a_sentence_opens_on_is_what_its_speaker_speaks_of(facts, text):
    f = facts(text)
    matter = key_of(f, "出口管制") if "管制" in text else key_of(f, "曜光9")
    assert linked(f, key_of(f, "林志遠"), matter), [st.roles for st in f.statements]


def test_number_formats_in_a_spec_list_are_no_chips(facts):
    f = facts("曜光9晶片算力達800 TFLOPS，支援FP32/HF32/FP16/BF16/INT8等資料格式，記憶體容量為128GB。")
    assert not names_of(f, "Chip") - {"曜光9"}, names_of(f, "Chip")


@pytest.mark.parametrize("text, person, employer", [
    ("晴川大學電機系教授陳建宏表示，這項技術仍有瓶頸。", "陳建宏", "晴川大學"),
    ("身為北辰科技董事長的林志遠，今天出席了論壇。", "林志遠", "北辰科技"),
    ("林志遠自2015年起在北辰科技擔任技術長。", "林志遠", "北辰科技"),
    ("林志遠早年在IBM工作，後來轉往晴川半導體。", "林志遠", "晴川半導體"),
    ("林志遠目前是晴川大學的教授。", "林志遠", "晴川大學"),
    ("林志遠博士畢業後進入貝爾實驗室工作。", "林志遠", "貝爾實驗室"),
    ("陳建宏與林志遠都是北辰科技的工程師。", "陳建宏", "北辰科技"),
    ("林志遠曾任職於英特爾與高通，2019年加入北辰科技。", "林志遠", "北辰科技"),
    ("北辰科技的林志遠表示，公司將擴大投資。", "林志遠", "北辰科技"),
    ("林志遠，現為北辰科技資深副總經理。", "林志遠", "北辰科技"),
])
def test_the_ways_news_says_where_a_person_works(facts, text, person, employer):
    f = facts(text)
    assert (key_of(f, person), "employer", key_of(f, employer)) in relations_of(f), relations_of(f)


@pytest.mark.parametrize("text, person, school", [
    ("林志遠在晴川大學取得學士學位後，赴北嶺大學攻讀博士。", "林志遠", "北嶺大學"),
    ("林志遠是晴川大學校友。", "林志遠", "晴川大學"),
    ("林志遠先後取得晴川大學學士、北嶺大學碩士學位。", "林志遠", "北嶺大學"),
    ("林志遠擁有北嶺大學的電機工程碩士學位，以及晴川大學的物理學士學位。", "林志遠", "晴川大學"),
    ("畢業於晴川大學的林志遠，曾在英特爾工作。", "林志遠", "晴川大學"),
    ("林志遠，晴川大學電機系畢業，曾任職英特爾。", "林志遠", "晴川大學"),
])
def test_the_ways_news_says_where_a_person_studied(facts, text, person, school):
    f = facts(text)
    assert (key_of(f, person), "educatedAt", key_of(f, school)) in relations_of(f), relations_of(f)


def test_a_seat_written_as_places_one_inside_another_is_the_last_of_them(facts):
    f = facts("北辰科技的總部位於美國加州聖荷西，在台中設有研發中心。")
    assert (key_of(f, "北辰科技"), "headquarters", "san-jose") in relations_of(f), relations_of(f)


def test_a_maker_of_a_kind_before_a_name_is_no_part_of_it(facts):
    f = facts("德國半導體廠晴川電子今天公布財報。")
    assert "晴川电子" in names_of(f, "Company"), names_of(f)


@pytest.mark.parametrize("text, subject, prop, obj", [
    ("北辰科技由林志遠與陳建宏共同創辦。", "北辰科技", "foundedBy", "陳建宏"),
    ("林志遠是北辰科技的創始人。", "北辰科技", "foundedBy", "林志遠"),
    ("晴川半導體由北辰科技持有51%股權。", "晴川半導體", "ownedBy", "北辰科技"),
])
def test_a_firm_founded_or_held_by_whom_由_names(facts, text, subject, prop, obj):
    f = facts(text)
    assert (key_of(f, subject), prop, key_of(f, obj)) in relations_of(f), relations_of(f)


def test_a_ministry_after_its_capital_is_the_countrys_ministry(facts):
    f = facts("北京商務部為稀土出口管制措施辯護，稱這是合法行動。")
    assert "mofcom" in f.entities, names_of(f, "GovernmentAgency")
    assert not any(n.startswith("北京") for n in names_of(f, "GovernmentAgency")), names_of(f, "GovernmentAgency")


def test_a_post_given_to_someone_described_by_a_former_employer_is_of_the_firm_that_gives_it(facts):
    f = facts("北辰科技宣布，由前晴川半導體高管林志遠出任執行長。")
    person, firm, former = key_of(f, "林志遠"), key_of(f, "北辰科技"), key_of(f, "晴川半導體")
    assert (firm, "chiefExecutiveOfficer", person) in relations_of(f), relations_of(f)
    assert (former, "chiefExecutiveOfficer", person) not in relations_of(f), relations_of(f)


@pytest.mark.parametrize("text", ["北辰科技今天發表新一代曜光9晶片，主打推論市場。", "晴川半導體開發曜光9處理器。",
                                  "北辰科技與晴川汽車簽約，為其新車型提供曜光9晶片。"])
def test_a_chip_launched_under_a_chinese_name_and_a_number_is_a_chip(facts, text):
    f = facts(text)
    assert "曜光9" in names_of(f, "Chip"), names_of(f)


def test_a_launch_of_a_chip_of_a_kind_names_no_chip(facts):
    f = facts("北辰科技推出首款7nm晶片，並量產兩款5奈米處理器。")
    assert not names_of(f, "Chip"), names_of(f)


def test_graduates_of_a_school_named_in_general_study_nowhere_in_particular(facts):
    f = facts("北辰科技去年招募了兩百名晴川大學畢業生。")
    assert not any(r.property == "educatedAt" for r in f.relations), relations_of(f)


def test_a_firm_before_its_chief_technology_officer_is_found(facts):
    f = facts("晴川電子宣布新任管理層，北辰科技技術長林志遠、財務長陳美玲將轉任晴川電子。")
    firm = key_of(f, "北辰科技")
    assert {key_of(f, "林志遠"), key_of(f, "陳美玲")} <= employees_of(f, firm), relations_of(f)
    assert names_of(f, "Person") == {"林志远", "陈美玲"}, names_of(f, "Person")


@pytest.mark.parametrize("sentence, person", [
    ("林志遠於2019年加入北辰科技，負責先進封裝。", "林志远"),   # the tagger reads 遠於 as one word
    ("王強於去年離開北辰科技，自行創業。", "王强"),
    ("周敏去年加入北辰科技，負責晶片設計。", "周敏"),
])
def test_a_name_opening_a_clause_before_a_time_is_a_person(facts, sentence, person):
    f = facts(sentence)
    assert names_of(f, "Person") == {person}, names_of(f, "Person")


def test_a_post_taken_at_a_time_is_the_firms_post(facts):
    f = facts("張偉於今年3月出任北辰科技執行長，主導晶片業務。")
    assert (key_of(f, "北辰"), "chiefExecutiveOfficer", key_of(f, "張偉")) in relations_of(f), relations_of(f)


def test_a_ministry_after_its_capital_is_the_countrys_known_ministry(facts):
    f = facts("北京外交部發言人表示，反對美方濫用出口管制。")
    assert "china-mfa" in f.entities, names_of(f, "GovernmentAgency")


def test_a_firm_named_for_intelligence_or_optoelectronics_is_a_company(facts):
    f = facts("美國商務部將12家中國實體列入實體清單，其中包括晴川智能與北辰光電。")
    assert {"晴川智能", "北辰光电"} <= names_of(f, "Company"), names_of(f, "Company")
    assert linked(f, key_of(f, "晴川智能"), "entity-list")


def test_a_kind_of_intelligence_is_no_company(facts):
    f = facts("北辰科技看好具身智能、生成式智能與邊緣智能的發展。")
    assert names_of(f, "Company") == {"北辰科技"}, names_of(f, "Company")


@pytest.mark.parametrize("sentence", [
    "晴川智能的主要產品為雲端推理晶片「星河100」。",
    "晴川智能推出星河100推理晶片，瞄準資料中心。",
])
def test_a_chip_named_with_what_it_is_for_is_a_chip(facts, sentence):
    f = facts(sentence)
    assert "星河100" in names_of(f, "Chip"), names_of(f)
    assert (key_of(f, "星河100"), "developer", key_of(f, "晴川智能")) in relations_of(f), relations_of(f)


def test_a_surname_and_man_is_no_new_person(facts):
    f = facts("檢方指控晴川物流員工袁本林走私晶片。檢方稱，袁男涉嫌指示員工隱瞞貨物目的地。")
    assert [e.cls for e in f.entities.values()].count("Person") == 1, names_of(f, "Person")   # 袁男 is 袁本林


def test_a_post_after_其_is_at_the_organisation_named_before(facts):
    f = facts("晴川科技股價開盤即暴漲，其創始人林志遠的身家也隨之飆升。")
    assert (key_of(f, "晴川"), "foundedBy", key_of(f, "林志遠")) in relations_of(f), relations_of(f)


def test_what_one_did_before_the_clause_is_the_next_clauses_subjects(facts):
    f = facts("林志遠的職業生涯起點並非矽谷。1990年，從晴川大學電機系碩士畢業後，他進入北辰自動化研究設計院擔任研究員。")
    person = key_of(f, "林志遠")
    assert (person, "educatedAt", key_of(f, "晴川大學")) in relations_of(f), relations_of(f)
    assert (person, "employer", key_of(f, "北辰自動化")) in relations_of(f), relations_of(f)
    # the sentence's year reaches the person through a statement
    assert any(st.date is not None and st.date.iso == "1990" and person in {k for _, k in st.roles} for st in f.statements)


def test_a_clause_opening_with_到_and_a_year_goes_on_about_the_person(facts):
    f = facts("林志遠從1992年加入北辰科技負責產品推廣，到2001年轉投晴川電子。")
    person = key_of(f, "林志遠")
    assert {key_of(f, "北辰"), key_of(f, "晴川")} <= {r.object for r in f.relations
                                                    if r.subject == person and r.property == "employer"}, relations_of(f)


@pytest.mark.parametrize("host, country", [("www.example.com.my", "malaysia"), ("www.example.com.sg", "singapore")])
def test_our_country_is_the_publishers_by_its_address(tmp_path, host, country):
    """我国 in Malaysia's or Singapore's Chinese press is that country, not China (ingested through `kg`, which
    reads the address from the front matter)."""
    from conftest import run_kg
    article = tmp_path / "our-country.md"
    article.write_text(f'---\ntitle: "部長表示我国未發現走私"\nurl: "https://{host}/news/1"\nlanguage: "zh-Hans"\n---\n'
                       "贸工部长林志远表示，目前我国没有发现任何美制晶片被走私到中国的情况。\n", encoding="utf-8")
    store = tmp_path / "store"
    run_kg("ingest", str(article), store=store)
    nq = run_kg("export", "--doc", str(article), "--format", "nquads", store=store).stdout
    labelled = {line.split()[0] for line in nq.splitlines() if '"我国"' in line and "/id/sentence/" not in line.split()[0]}
    assert labelled == {f"<https://w3id.org/aichip-kg/id/{country}>"}, labelled


def test_our_country_in_malaysian_words_is_malaysia(facts):
    f = facts("貿工部長拿督林志遠表明，目前我國沒有發現任何晶片被走私的情況，大馬將加強執法。")
    assert "我国" in names_of_entity(f.entities["malaysia"]), {k: e.names for k, e in f.entities.items()}


def test_a_life_story_names_the_universities_and_the_firm_founded(facts):
    f = facts("林志遠出生於上海，畢業於北辰工業大學電機工程系，後來他去晴川大學深造，拿到法學博士學位，"
              "還在星河大學商學院拿了企管碩士。2019年9月，他創立瀚海科技。")
    person = key_of(f, "林志遠")
    schools = {r.object for r in f.relations if r.subject == person and r.property == "educatedAt"}
    assert {f.entities[k].cls for k in schools} == {"University"}, schools
    assert names_of(f, "University") == {"北辰工业大学", "晴川大学", "星河大学"}, names_of(f)
    assert len(schools) == 3, relations_of(f)
    assert (key_of(f, "瀚海"), "foundedBy", person) in relations_of(f), relations_of(f)


def test_a_lawyer_of_a_firm_works_there(facts):
    f = facts("林志遠做過北辰律師事務所的律師，參與多起併購案。")
    assert key_of(f, "林志遠") in employees_of(f, key_of(f, "北辰律師")), relations_of(f)


def test_a_name_the_tagger_read_into_the_next_word_is_the_name_the_text_repeats(facts):
    f = facts("晴川科技董事長周敏身價水漲船高，周敏在華爾街工作十年。")   # 身價: his worth
    assert names_of(f, "Person") == {"周敏"}, names_of(f, "Person")
    assert (key_of(f, "晴川"), "chairperson", key_of(f, "周敏")) in relations_of(f), relations_of(f)


def test_a_surname_and_man_after_the_full_name_is_that_person(facts):
    f = facts("檢方指控晴川物流員工龔凡岳走私晶片。龔男及其同謀取得了北辰科技的晶片，並運往泰國。")
    person = key_of(f, "龔凡岳")
    assert [k for k, e in f.entities.items() if e.cls == "Person"] == [person], names_of(f, "Person")
    assert linked(f, person, key_of(f, "北辰")) and linked(f, person, "thailand")


@pytest.mark.parametrize("title", ["執行長", "行政總裁"])
def test_the_chief_at_the_time_is_the_chief_of_the_company_in_question(facts, title):
    f = facts(f"北辰科技近年錯過AI浪潮。林志遠請辭的原因是與時任{title}周敏存在分歧。")
    assert (key_of(f, "北辰"), "chiefExecutiveOfficer", key_of(f, "周敏")) in relations_of(f), relations_of(f)


def test_a_title_before_a_list_of_people_is_each_ones(facts):
    f = facts("晴川科技成立於2020年。創始人兼CEO林志遠是原北辰科技中國區總經理，聯合創始人張鈺勃、周苑均曾於北辰科技工作。")
    firm = key_of(f, "晴川")
    assert {(firm, "foundedBy", key_of(f, name)) for name in ("林志遠", "張鈺勃", "周苑")} <= relations_of(f), relations_of(f)


def test_she_is_an_executive_of_the_firm_and_those_two_firms_name_none(facts):
    f = facts("當晚坐在林志遠身旁的是一位名叫周敏的女子，她是新加坡晴川科技的高層。報道引述熟悉上述兩間公司的人士透露此事。")
    assert key_of(f, "周敏") in employees_of(f, key_of(f, "晴川")), relations_of(f)
    assert names_of(f, "Company") == {"晴川科技"}, names_of(f, "Company")


@pytest.mark.parametrize("sentence", [
    "晴川存儲的股東包括國家集成電路產業投資基金一期及二期等產業資本。",
    "大基金一期、二期均入股晴川存儲。",
])
def test_a_funds_later_phase_listed_after_the_first_is_that_phase(facts, sentence):
    f = facts(sentence)
    assert {"big-fund", "big-fund-ii"} <= set(f.entities), names_of(f)
    assert not any(re.fullmatch(r"[一二三]期", n) for n in names_of(f)), names_of(f)


def test_a_rack_system_is_no_name_of_its_chip_or_family(facts):
    f = facts("北辰科技採購GB300 NVL72機架與Vera Rubin NVL144機架，也採購GB300晶片。")
    assert {"nvidia-gb300-nvl72", "nvidia-vera-rubin-nvl144", "nvidia-gb300"} <= set(f.entities), names_of(f)
    assert not any("NVL" in n for n in f.entities["nvidia-gb300"].names), f.entities["nvidia-gb300"].names


def test_a_node_before_advanced_process_is_a_process(facts):
    f = facts("晴川電子的N2先進製程明年量產，執行長林志遠坦承良率仍待改善。")
    assert (key_of(f, "N2"), "developer", key_of(f, "晴川")) in relations_of(f), relations_of(f)


def test_a_bare_scale_of_a_firms_worth_is_a_sum(facts):
    f = facts("星河半導體昨日在港交所掛牌，市值一度突破千億港元。")
    worth = {(str(st.amount.value), st.amount.unit) for st in f.statements
             if st.amount and key_of(f, "星河") in {k for _, k in st.roles}}
    assert ("100000000000", "HKD") in worth, worth
    f = facts("晴川存儲是國內最大的存儲晶片廠，估值超千億，去年營收增長兩成。")
    worth = {(str(st.amount.value), st.amount.unit) for st in f.statements
             if st.amount and key_of(f, "晴川") in {k for _, k in st.roles}}
    assert ("100000000000", "CURRENCY-UNSTATED") in worth, worth
    f = facts("北辰微電子參與了一宗千億級的重組案。")   # a manner of speaking, no figure
    assert not any(st.amount for st in f.statements), f.statements


def test_ranks_on_a_named_list_and_the_place_in_a_line_of_officers(facts):
    f = facts("在研究院發布的榜單中，晴川存儲以1600億元估值首次入圍，位列中國十大獨角獸第9、全球第21。")
    ranks = {str(st.amount.value) for st in f.statements if st.amount and st.amount.unit == "RANK"
             and key_of(f, "晴川") in {k for _, k in st.roles}}
    assert {"9", "21"} <= ranks, ranks
    f = facts("星曜半導體董事會宣布，任命前董事林志遠為公司第4任執行長。")
    ranks = {str(st.amount.value) for st in f.statements if st.amount and st.amount.unit == "RANK"
             and key_of(f, "星曜") in {k for _, k in st.roles}}
    assert ranks == {"4"}, ranks
    f = facts("北辰微電子排名第三季營收成長最快的廠商。")   # the third quarter, no rank
    assert not any(st.amount and st.amount.unit == "RANK" for st in f.statements), f.statements


def test_people_counted_in_hundreds_of_millions_and_users_counted_from_a_start(facts):
    f = facts("北辰微電子執行長周嵐指出，全球AI使用者從100萬激增至超過10億人，五年內將有50億人使用AI。")
    values = {(str(st.amount.value), st.amount.unit) for st in f.statements if st.amount}
    assert {("1000000", "UNIT"), ("1000000000", "PERSON"), ("5000000000", "PERSON")} <= values, values


def test_software_platforms_and_services_named_in_latin_after_their_kind(facts):
    f = facts("北辰微電子發布機器人平台Newton，以及數據中心編排軟體BEICHEN Mission Control。")
    products = names_of(f, "Product")
    assert {"Newton", "Mission Control"} <= products, products
    assert not any(n.endswith(("平台", "软件", "软体")) for n in names_of(f)), names_of(f)
    f = facts("超微同時推出數據中心編排軟體AMD Fleet Keeper。")   # a known brand's capitals before the name
    assert "Fleet Keeper" in names_of(f, "Product"), f.entities
    assert (key_of(f, "Fleet"), "developer", "amd") in relations_of(f), relations_of(f)
    f = facts("推理軟體Dynamo讓晶片的吞吐量提升30倍。")
    assert "Dynamo" in names_of(f, "Product") and not names_of(f, "Company"), f.entities


def test_malaysias_states_and_a_market_data_group_are_known(facts):
    f = facts("晴川半導體早在1995年就在馬六甲設廠，並於檳城和砂拉越擴產。")
    places = names_of(f, "AdministrativeRegion")
    assert {"马六甲", "槟城", "砂拉越"} <= places, f.entities
    assert "马六" not in names_of(f), names_of(f)
    f = facts("該公司營收高於LSEG調查的分析師平均預期。")
    assert "lseg" in f.entities, f.entities


def test_the_head_of_a_ministry_or_bureau_directs_it(facts):
    f = facts("星洲副總理兼貿工部長林志遠出席開幕典禮，經濟發展局局長周敏也在場。")
    rels = relations_of(f)
    assert (key_of(f, "贸工部"), "director", key_of(f, "林志远")) in rels, rels
    assert (key_of(f, "经济发展局"), "director", key_of(f, "周敏")) in rels, rels
    f = facts("經濟部次長王強表示，補助將在年底前發放。")   # a deputy heads nothing
    assert not any(p == "director" for _, p, _ in relations_of(f)), relations_of(f)


def test_spans_of_years_to_or_from_now_staff_described_and_a_firms_place_in_an_order(facts):
    f = facts("晴川存儲預計在未來10年投資約240億美元，過去2年已擴產兩次，目前擁有16000多名高技能員工。")
    values = {(str(st.amount.value), st.amount.unit) for st in f.statements if st.amount}
    assert {("10", "YEAR"), ("2", "YEAR"), ("16000", "PERSON"), ("24000000000", "USD")} <= values, values
    f = facts("星曜半導體第二季虧損擴大，創下35年來最長的連續虧損，是繼北辰之後第三家在科創板上市的國產GPU公司。")
    values = {(str(st.amount.value), st.amount.unit) for st in f.statements if st.amount}
    assert {("35", "YEAR"), ("3", "RANK")} <= values, values
    f = facts("北辰微電子自2025年以來持續擴產。")   # a year of the calendar, no span
    assert not any(st.amount for st in f.statements), f.statements


def test_a_life_story_sentence_opening_with_the_year_it_began(facts):
    f = facts("58歲的林志遠出生於檳城，在新加坡長大。2009年起擔任星曜半導體董事長達12年。")
    assert (key_of(f, "林志远"), "employer", key_of(f, "星曜")) in relations_of(f), relations_of(f)
    assert any(st.date and st.date.iso == "2009" and key_of(f, "林志远") in {k for _, k in st.roles}
               for st in f.statements), f.statements


def test_guidance_on_export_controls_is_a_policy_named_whole(facts):
    f = facts("星洲貿工部上月發布半導體出口管制指南，要求業者申報。")
    assert "半导体出口管制指南" in names_of(f, "Policy"), f.entities


def test_the_country_a_pointer_names_owns_the_figures_of_its_clause(facts):
    f = facts("越南近年持續爭取晶片投資。此前，當地政府曾承諾投入約30億美元。據協會數據，該國晶片出口同比增長12.5%。")
    owners = {str(st.amount.value): {k for _, k in st.roles} for st in f.statements if st.amount}
    assert owners.get("3000000000") == {"vietnam"} and owners.get("12.5") == {"vietnam"}, owners


def test_a_business_segments_figures_are_its_companys_and_a_products_share_is_its_own(facts):
    f = facts("北辰微電子第三季營收創新高。資料中心業務成為成長支柱，營收30億美元，其中天樞X3處理器占資料中心營收近四成；"
              "遊戲業務因曜光5顯卡熱賣成長120%；嵌入式業務營收5億美元，但季增6%。")
    owners = {str(st.amount.value): {k for _, k in st.roles} for st in f.statements if st.amount}
    firm = key_of(f, "北辰")
    for value in ("3000000000", "120", "500000000", "6"):
        assert owners.get(value) == {firm}, (value, owners)
    assert key_of(f, "X3") in owners.get("40", set()), owners


def test_a_firm_named_with_its_kind_and_then_company(facts):
    f = facts("晴川科技公司昨天宣布擴產，晴川電子公司也跟進。")
    assert {"晴川科技公司", "晴川电子公司"} <= names_of(f, "Company"), f.entities
    f = facts("這家AI科技公司宣布擴產，國內頂尖科技公司紛紛跟進。")   # kinds of firm, no names
    assert not names_of(f, "Company"), f.entities


def test_a_state_firm_named_with_its_country(facts):
    f = facts("大基金的股東包括中國財政部、中國煙草總公司等16名股東。")
    assert "中国烟草总公司" in names_of(f, "Company"), f.entities


def test_a_transliterated_given_name_before_a_known_surname_is_that_person(facts):
    f = facts("美光董事長兼執行長桑賈伊·梅赫羅特拉表示，需求強勁。")
    people = [e for e in f.entities.values() if e.cls == "Person"]
    assert [e.key for e in people] == ["sanjay-mehrotra"], people
    assert any(n.startswith("桑") for n in people[0].names), people[0].names


def test_the_kind_of_a_cited_source_is_no_part_of_its_name(facts):
    f = facts("據商業查詢平台天眼查資料，晴川智算24日成立，註冊資本10億元。")
    assert "天眼查" in names_of(f) and not any("平台" in n for n in names_of(f)), names_of(f)


def test_the_other_holders_listed_after_the_largest_hold_what_it_holds(facts):
    f = facts("財政部為晴川半導體產業基金最大股東，持有17.44%股份，其他股東包括中國工商銀行、中國農業銀行、交通銀行等19名股東。")
    fund = key_of(f, "晴川半导体产业基金")
    rels = relations_of(f)
    for bank in ("icbc", "agricultural-bank-of-china", "bank-of-communications"):
        assert (fund, "ownedBy", bank) in rels, rels
    assert not any(o == "icbc" and s != fund for s, p, o in rels if p == "ownedBy"), rels


def test_years_up_to_now_and_years_a_date_moved(facts):
    f = facts("北辰微電子已近四年未推出新一代訓練晶片，執行長預期市場規模將提前兩年達到1000億美元。")
    years = {str(st.amount.value) for st in f.statements if st.amount and st.amount.unit == "YEAR"}
    assert {"4", "2"} <= years, years


def test_a_launch_at_anothers_gathering_is_the_launchers(facts):
    f = facts("晶片設計企業晴川科技在星洲半導體產業協會（SSIA）活動上發布了QX720。")
    rels = relations_of(f)
    assert (key_of(f, "QX720"), "developer", key_of(f, "晴川科技")) in rels, rels
    assert not any(p == "developer" and o == key_of(f, "产业协会") for s, p, o in rels), rels


def test_latin_names_listed_beside_a_company_are_companies(facts):
    f = facts("北辰微電子同時與Voltara、NVIDIA和Rydex攜手開發Level 4自駕車。")
    assert {"Voltara", "Rydex"} <= names_of(f, "Company"), f.entities
    assert not any("Level" in n for n in names_of(f, "Company")), f.entities
    f = facts("輝達與AI、GPU廠商廣泛合作。")   # words of the trade in the list, no firms
    assert names_of(f, "Company") == {"辉达"} or names_of(f, "Company") == {"輝達"}, f.entities


def test_a_ministers_other_post_between_the_country_and_the_ministry(facts):
    f = facts("新加坡副總理兼貿工部長林志遠出席開幕典禮。")
    assert (key_of(f, "贸工部"), "country", "singapore") in relations_of(f), relations_of(f)


def test_an_officer_of_a_body_named_by_its_kind_word(facts):
    f = facts("星洲半導體行業協會今天發布報告。協會主席林志遠表示，需求強勁。")
    body = key_of(f, "行业协会")
    assert (body, "chairperson", key_of(f, "林志远")) in relations_of(f), relations_of(f)
    f = facts("星洲半導體行業協會今天發布報告。晴川科技總裁周敏表示，需求強勁。")   # another body's officer
    assert not any(s == key_of(f, "行业协会") for s, p, o in relations_of(f)), relations_of(f)


def test_an_officer_of_the_company_with_several_posts_listed(facts):
    f = facts("晴川科技公布第一財季財報，營收創新高。在財報會上，公司董事長、總裁兼首席執行官林志遠直言：需求強勁。")
    rels = relations_of(f)
    firm, person = key_of(f, "晴川科技"), key_of(f, "林志远")
    assert {(firm, "chairperson", person), (firm, "chiefExecutiveOfficer", person)} <= rels, rels


def test_shareholders_listed_as_the_makeup_of_the_holders(facts):
    f = facts("晴川科技成立於2014年，股東組成包括北辰創投、星曜資本等16名股東。")
    rels = relations_of(f)
    firm = key_of(f, "晴川科技")
    assert {(firm, "ownedBy", key_of(f, "北辰创投")), (firm, "ownedBy", key_of(f, "星曜资本"))} <= rels, rels


def test_an_exchange_rate_is_one_number_not_a_dollar_and_a_sum(facts):
    f = facts("晴川科技預估第四季營收以美元兌新台幣匯率1比30.6計算，第三季匯率實際落在1美元兌30元新台幣。")
    rates = {str(st.amount.value) for st in f.statements if st.amount and st.amount.metric == "exchange-rate"}
    assert rates == {"30.6", "30"}, f.statements
    assert not any(st.amount and st.amount.unit in ("USD", "CNY") for st in f.statements), f.statements


def test_a_setting_opening_the_sentence_is_where_its_subject_was(facts):
    f = facts("在2025年星洲半導體峰會(Sino Semi Summit)上，晴川科技董事長及總裁林志遠發布了新的QX720和QX750晶片。")
    assert linked(f, key_of(f, "半导体峰会"), key_of(f, "林志远")), f.statements


def test_a_count_of_people_closes_a_list_of_names(facts):
    f = facts("陳維明、彭莉、楊建三位曾供職於北辰的老將決心創業。")
    people = {to_simplified(n) for n in names_of(f, "Person")}
    assert {"彭莉", "杨建"} <= people and not any("三" in n for n in people), people


def test_latin_names_listed_beside_an_outlet_are_outlets(facts):
    f = facts("根據MarketWatch、Chipwire、Tom's Hardware等外電報導，英特爾9日透過新聞稿指出。")
    assert "Chipwire" in names_of(f, "MediaOrganization"), f.entities
    assert "Chipwire" not in names_of(f, "Company"), f.entities


def test_members_of_a_list_closed_by_venture_investors_are_firms(facts):
    f = facts("晴川科技先後獲得了星海、遠山等知名VC的投資。")
    named = {to_simplified(n) for e in f.entities.values() if e.cls in ("Organization", "Company")
             for n in e.names}
    assert {"星海", "远山"} <= named, f.entities


def test_a_known_products_short_name_with_another_word_names_a_sibling(facts):
    f = facts("華為同時發布了超節點集群Atlas 950 SuperCluster，算力規模超過50萬卡。")
    sibling = key_of(f, "SuperCluster")
    assert sibling != "huawei-atlas-950-superpod", f.entities
    assert "Atlas 950 SuperCluster" in names_of_entity(f.entities[sibling]), f.entities
    assert (sibling, "developer", "huawei") in relations_of(f), relations_of(f)


def test_the_first_word_of_a_firms_latin_name_alone_is_that_firm(facts):
    f = facts("軟銀完成對美國晶片設計公司Ampere Computing的收購。Ampere近年來營收承壓，2022年營收為1.52億美元。")
    firm = key_of(f, "Ampere Computing")
    assert "Ampere" in names_of_entity(f.entities[firm]), f.entities
    assert not any(e.cls == "ChipFamily" for e in f.entities.values()), f.entities
    revenue = [st for st in f.statements if st.amount and st.amount.metric == "revenue"]
    assert revenue and all(dict(st.roles).get("subject") == firm for st in revenue), revenue


def test_a_memorys_data_rate_is_the_products(facts):
    f = facts("長鑫存儲宣布量產LPDDR5X。該公司的產品線包括速度分別為8533 Mbps、9600 Mbps和10667 Mbps的晶片。")
    rates = {(dict(st.roles).get("subject"), str(st.amount.value)) for st in f.statements
             if st.amount and st.amount.unit == "MBIT-PER-SEC"}
    assert rates == {("lpddr5x", "8533"), ("lpddr5x", "9600"), ("lpddr5x", "10667")}, f.statements


def test_the_years_something_took(facts):
    f = facts("晴川科技成立於2016年，僅用九年時間就走完了國際巨頭數十年的技術積累路徑。")
    years = {str(st.amount.value) for st in f.statements if st.amount and st.amount.unit == "YEAR"}
    assert years == {"9"}, f.statements


def test_a_list_opened_by_the_kind_of_its_firms(facts):
    f = facts("晴川科技的VC機構包括星海創芯、遠山璞華、北辰之星等。")
    named = {to_simplified(n) for e in f.entities.values() if e.cls in ("Organization", "Company")
             for n in e.names}
    assert {"星海创芯", "远山璞华", "北辰之星"} <= named, f.entities


def test_a_latin_outlet_after_its_country_or_kind_reports(facts):
    f = facts("韓國ChipDaily報導，晴川科技仍採取低價攻勢。加拿大科技網站Waferwire周五（13日）報導，北辰微電子已被除名。")
    assert {"ChipDaily", "Waferwire"} <= names_of(f, "MediaOrganization"), f.entities
    f = facts("美國Voltara宣布，將推出新晶片。")   # a firm announcing is no outlet
    assert "Voltara" not in names_of(f, "MediaOrganization"), f.entities


def test_a_pointer_around_a_relative_clause_names_the_company_before(facts):
    f = facts("晴川存儲宣布量產新一代記憶體。這家總部位於安徽合肥的企業，正向星曜電子和北辰微電子主導的市場發起挑戰。")
    firm = key_of(f, "晴川存储")
    assert linked(f, firm, "hefei"), f.statements
    assert linked(f, firm, key_of(f, "星曜电子")), f.statements


def test_a_clause_of_a_law_named_by_number_or_in_quotes(facts):
    f = facts("國防部這份黑名單，是根據「1260H」條款而來。依據第889條款，政府不得採購。")
    assert "1260H" in names_of(f, "Policy") and any("889" in n for n in names_of(f, "Policy")), f.entities


def test_a_company_launching_a_known_kind_of_product_makes_it(facts):
    f = facts("晴川存儲宣布量產LPDDR5X。")
    assert ("lpddr5x", "manufacturer", key_of(f, "晴川存储")) in relations_of(f), relations_of(f)


def test_the_seat_after_a_pointer_is_the_companys_before(facts):
    f = facts("晴川存儲宣布量產新一代記憶體。這家總部位於安徽合肥的企業，正在準備上市。")
    assert (key_of(f, "晴川存储"), "headquarters", "hefei") in relations_of(f), relations_of(f)


def test_a_founder_described_by_a_former_employer(facts):
    f = facts("晴川科技由前英特爾高管林志遠於2018年創立，專注於資料中心處理器。")
    rels = relations_of(f)
    firm = key_of(f, "晴川科技")
    assert (firm, "foundedBy", key_of(f, "林志远")) in rels and (firm, "foundedBy", "intel") not in rels, rels
    f = facts("晴川科技由英特爾和林志遠共同創立。")   # a list of founders keeps both
    assert (key_of(f, "晴川科技"), "foundedBy", "intel") in relations_of(f), relations_of(f)


def test_a_speakers_own_firm(facts):
    f = facts("富豪林志遠亦表示，旗下AI企業晴川智算將與北辰微電子合作。")
    assert (key_of(f, "晴川智算"), "ownedBy", key_of(f, "林志远")) in relations_of(f), relations_of(f)


def test_gigawatts_written_as_thousand_megawatts_and_square_miles(facts):
    f = facts("晴川智算計劃建設一個耗電達5千兆瓦、佔地10平方英里的數據中心園區。")
    got = {(st.amount.unit, str(st.amount.value)) for st in f.statements if st.amount}
    assert {("GW", "5"), ("SQUARE-MILE", "10")} <= got, got


def test_a_gathering_named_with_business_words_or_two_countries(facts):
    f = facts("林志遠出席了晴川投資論壇，並在美國-星洲投資論壇上發言。")
    events = {to_simplified(n) for n in names_of(f, "Event")}
    assert {"晴川投资论坛", "美国-星洲投资论坛"} <= events, f.entities
    f = facts("各國代表出席論壇。")   # the bare word names no gathering
    assert not names_of(f, "Event"), f.entities


def test_a_known_gathering_with_its_year_and_word_is_that_gathering(facts):
    f = facts("輝達在GTC 2025大會上發布新晶片。")
    assert "nvidia-gtc" in f.entities, f.entities
    assert not any(k.startswith("event/") for k in f.entities), f.entities


def test_共有_before_a_count_is_in_all_not_the_party(facts):
    f = facts("據悉，此次人事調整中共有3人晉升為社長。")
    assert "chinese-communist-party" not in f.entities, f.entities
    f = facts("中共有關部門表示將加強管理。")   # the party still, before another word
    assert "chinese-communist-party" in f.entities, f.entities
    f = facts("報導稱，中共10名官員出席了會議。")   # and before a count of its own
    assert "chinese-communist-party" in f.entities, f.entities


def test_a_korean_name_promoted_to_a_post(facts):
    f = facts("星曜電子晉升朴正浩為社長。")
    assert (key_of(f, "朴正浩"), "employer", key_of(f, "星曜电子")) in relations_of(f), relations_of(f)


def test_a_cited_source_with_its_latin_name_in_brackets(facts):
    f = facts("根據萊坊（Knight Frank）最新報告，柔佛州數據中心的容量達到1.3吉瓦。")
    source = key_of(f, "Knight Frank")
    assert f.entities[source].cls in ("Organization", "Company"), f.entities


def test_a_states_data_centres_are_no_organisation(facts):
    f = facts("根據萊坊（Knight Frank）最新報告，柔佛州數據中心的容量達到1.3吉瓦。")
    assert "johor" in f.entities, f.entities
    assert not any("数据中心" in to_simplified(n) for e in f.entities.values() for n in e.names), f.entities


def test_a_comparison_going_on_from_a_products_figure_is_the_products(facts):
    f = facts("晴川存儲宣布開始量產HBM4，資料傳輸速度達11.7Gbps，較業界標準8Gbps高出46%。")
    percent = [st for st in f.statements if st.amount and st.amount.unit == "PERCENT"]
    assert percent and all(dict(st.roles).get("subject") == "hbm4" for st in percent), percent


def test_a_grant_is_the_receivers_from_the_granter(facts):
    f = facts("晴川存儲將投資38.7億美元興建封裝廠，並獲得美國商務部最高4.5億美元的補助。")
    grant = next(st for st in f.statements if st.amount and str(st.amount.value) == "450000000")
    subjects = [k for r, k in grant.roles]
    assert subjects[0] == key_of(f, "晴川存储") and "us-department-of-commerce" in subjects, grant


def test_控股權_is_a_stake_not_a_holding_companys_name(facts):
    f = facts("晴川半導體宣布正籌劃收購北辰微控股權事宜。")
    assert not any("控股" in to_simplified(n) for e in f.entities.values() for n in e.names), f.entities


def test_names_listed_with_an_investor_invest_with_it(facts):
    f = facts("星曜科技、晴川科技和北辰智算等科技巨頭已在柔佛投資建設數據中心。")
    funding = [st for st in f.statements if st.evidence.rule == "trigger-funding"]
    assert funding, f.statements
    roles = set(funding[0].roles)
    assert {("agent", key_of(f, "星曜科技")), ("agent", key_of(f, "北辰智算"))} <= roles, roles
    assert not any(r == "counterpart" for r, _ in roles), roles


def test_an_investor_from_the_sentence_before_is_no_list_of_this_one(facts):
    # the investor is the company a bare 公司 means, named in the sentence before (it once crashed extraction)
    f = facts("晴川科技今天在科創板上市。公司擬將募資投資於北辰電子的晶片項目。")
    funding = [st for st in f.statements if st.evidence.rule == "trigger-funding"]
    assert funding and set(funding[0].roles) == {("agent", key_of(f, "晴川科技")), ("counterpart", key_of(f, "北辰电子"))}, funding


@pytest.mark.parametrize("byline", ["記者陳維報導", "記者 陳維 報導", "記者 陳維 台北報導"])
def test_a_bylines_verb_is_no_part_of_the_reporters_name(facts, byline):
    f = facts(byline + "\n晴川科技今天宣布擴產。")
    people = {to_simplified(n) for n in names_of(f, "Person")}
    assert people == {"陈维"}, people


def test_two_character_names_the_tagger_reads_in_a_list_of_people(facts):
    f = facts("陳維、彭莉、楊建三位老將在午餐聚會中決心創業。")
    people = {to_simplified(n) for n in names_of(f, "Person")}
    assert {"陈维", "彭莉", "杨建"} <= people, people


def test_a_list_of_people_counted_then_a_former_employer(facts):
    f = facts("陳維、彭莉、楊建三位曾供職於北辰微電子的老將決定創業。")
    firm = key_of(f, "北辰微电子")
    for person in ("陈维", "彭莉", "杨建"):
        assert (key_of(f, person), "employer", firm) in relations_of(f), relations_of(f)


@pytest.mark.parametrize("firm", ["Baker & Lane LLP", "Hexa Optics AG"])
def test_a_latin_firm_name_ending_in_its_legal_form(facts, firm):
    f = facts(f"周明畢業後在華爾街工作十年，做過知名律師事務所{firm}的律師。")
    key = key_of(f, firm)
    assert f.entities[key].cls in ("Company", "Organization"), f.entities


def test_products_a_launch_names_one_by_one_in_the_next_clause(facts):
    f = facts("此外，北辰微電子還同時發布了兩款超節點，分別是Nova900 SuperPod和Nova950 SuperPod。")
    maker = key_of(f, "北辰微电子")
    for product in ("Nova900 SuperPod", "Nova950 SuperPod"):
        assert (key_of(f, product), "developer", maker) in relations_of(f), relations_of(f)


def test_a_kind_of_fund_ends_a_funds_name_whole(facts):
    f = facts("股東包括晴川產業投資母基金、北辰資本和曜芯集團等機構。")
    names = {to_simplified(n) for n in names_of(f)}
    assert "晴川产业投资母基金" in names, names


@pytest.mark.parametrize("text, arm", [
    ("產業資本包括騰達投資、美樂等機構。", "腾达投资"),
    ("2025年4月，晴川集團發布公告稱，旗下子公司泉泓投資出資16億元投資曜芯科技。", "泉泓投资"),
])
def test_a_firms_investing_arm_is_named_with_its_trade(facts, text, arm):
    f = facts(text)
    names = {to_simplified(n) for n in names_of(f)}
    assert arm in names, names


def test_firms_listed_one_after_another_on_a_board(facts):
    f = facts("繼北辰科技、晴川股份相繼登陸科創板後，曜芯科技也在上市的路上。")
    for firm in ("北辰科技", "晴川股份"):
        assert (key_of(f, firm), "stockExchange", "star-market") in relations_of(f), relations_of(f)


def test_a_two_character_name_before_a_form_of_address(facts):
    f = facts("北辰科技由陳維博士創立。")
    assert (key_of(f, "北辰科技"), "foundedBy", key_of(f, "陈维")) in relations_of(f), relations_of(f)


@pytest.mark.parametrize("firm", ["晴川雲玖一號創業投資合夥企業(有限合夥)", "知識城(廣州)產業園發展集團有限公司"])
def test_a_registered_name_is_read_whole(facts, firm):
    f = facts(f"根據協議，北辰資本、{firm}及曜芯科技等各方訂立了投資協議。")
    names = {to_simplified(n) for n in names_of(f)}
    assert to_simplified(firm) in names, names


def test_a_japanese_minister_written_by_portfolio_and_相(facts):
    f = facts("日本經濟產業相山田浩正今天宣布，民間企業投資已達32家。")
    people = {to_simplified(n) for n in names_of(f, "Person")}
    assert "山田浩正" in people, people


def test_a_writers_name_alone_on_its_line_above_the_date(facts):
    f = facts("晴川擴大出口限制\n\n李明\n\n2024-09-09\n\n北辰科技9月6日表示，將擴大出口。")
    people = {to_simplified(n) for n in names_of(f, "Person")}
    assert people == {"李明"}, people
    assert not any(key_of(f, "李明") in dict(st.roles).values() for st in f.statements), f.statements


@pytest.mark.parametrize("quoted", ["“中國自己的人工智能GPU公司”", "“在人工智能尚未流行時就已開始布局”"])
def test_a_description_or_a_clause_in_quotes_names_no_body(facts, quoted):
    f = facts(f"北辰科技的三位創辦人曾讚譽這是{quoted}。")
    assert not any(e.cls in ("Company", "Organization", "GovernmentAgency") and "北辰" not in to_simplified(n)
                   for e in f.entities.values() for n in e.names), f.entities


def test_an_adverb_after_a_transliterated_name_is_no_part_of_it(facts):
    f = facts("北辰科技首席執行官山姆·曼曾在杜拜發表講話。")
    people = {to_simplified(n) for n in names_of(f, "Person")}
    assert people == {"山姆·曼"}, people


@pytest.mark.parametrize("plant", ["新工廠", "所有新廠房"])
def test_a_firms_new_or_every_plant_is_no_named_plant(facts, plant):
    f = facts(f"美國商務部長在北辰科技{plant}的動工儀式上會見記者。")
    assert not any("厂" in to_simplified(n) for e in f.entities.values() for n in e.names), f.entities


def test_coined_latin_words_in_a_list_of_firms_are_firms(facts):
    f = facts("北辰加速器的最新客戶及合作夥伴包括IBM、Bosch、NielsenIQ、Roboflow及Seekr。")
    for firm in ("NielsenIQ", "Roboflow", "Seekr"):
        assert f.entities[key_of(f, firm)].cls in ("Company", "Organization"), f.entities


def test_latin_names_a_list_of_clients_opens_are_firms(facts):
    f = facts("該公司的客戶包括Zentra、Molvix和Quorra等。")
    for firm in ("Zentra", "Molvix", "Quorra"):
        assert f.entities[key_of(f, firm)].cls in ("Company", "Organization"), f.entities
    f = facts("北辰科技的主要客戶包括大型雲端服務商、政府機構和電信業者。")
    assert set(f.entities) == {key_of(f, "北辰科技")}, f.entities


def test_model_numbers_ending_in_a_letter_before_the_kind_of_machine(facts):
    f = facts("北辰政府表示，將擴大對晴川光電（Qingchuan）的1970i和1980i深紫外浸沒式光刻機的出口限制。")
    maker = key_of(f, "晴川光电")
    for model in ("1970i", "1980i"):
        assert linked(f, key_of(f, model), maker), relations_of(f)
    f = facts("北辰2024年出貨50台光刻機。")   # a year and a count: no model
    assert not any(e.cls == "Product" for e in f.entities.values()), f.entities


def test_every_product_named_before_all_made_on_one_process_and_its_developer(facts):
    f = facts("不只Rubin，輝達下一代的Arm架構CPU（中央處理器）產品Vega等，全數都採用台積電3奈米製程打造。")
    vega = key_of(f, "Vega")
    assert (vega, "manufacturer", "tsmc") in relations_of(f), relations_of(f)
    assert (vega, "developer", "nvidia") in relations_of(f), relations_of(f)
    assert (vega, "developer", "arm") not in relations_of(f), relations_of(f)


def test_a_dash_opens_a_clause_of_its_own(facts):
    f = facts("最新批准的交易，美國政策依然遵循“不把最先進產品賣給中國”的宗旨——曜芯科技頂尖的Nova晶片、"
              "下一代Vega晶片均未包含在內。")
    for chip in ("Nova", "Vega"):
        assert not linked(f, key_of(f, chip), "china"), f.statements
    assert (key_of(f, "Nova"), "developer", key_of(f, "曜芯科技")) in relations_of(f), relations_of(f)


def test_a_country_naming_the_kind_of_body_after_it_is_whose_the_body_is(facts):
    f = facts("北辰科技執行長林某公開回應前一日美國智庫“晴川研究中心”主任王某在參議院聽證會上加強晶片出口管制的主張。")
    institute = key_of(f, "晴川研究中心")
    assert (institute, "country", "usa") in relations_of(f), relations_of(f)
    for person in ("林某", "王某"):
        assert not any({key_of(f, person), "usa"} <= {k for _, k in st.roles} for st in f.statements), f.statements


def test_a_dash_opens_a_part_of_a_short_sentence_read_apart_but_not_before_a_name_alone(facts):
    f = facts("晴川科技的Aurora模型也很爭氣，給業界提供了另外一種選項——沒有北辰科技的晶片，人工智能模型也能做到世界一流。")
    assert not linked(f, key_of(f, "Aurora"), key_of(f, "北辰科技")), f.statements
    f = facts("其中，北辰科技的天樞X9晶片提升推理性能，搭載自研記憶體——NovaBL 1.0。")
    assert linked(f, key_of(f, "天枢X9"), key_of(f, "NovaBL 1.0")), f.statements


def test_a_country_named_as_another_bodys_is_no_country_of_the_rest(facts):
    f = facts("北辰科技執行長林某回應美國智庫“晴川研究中心”主任王某在參議院聽證會上的主張。")
    assert ("us-senate", "country", "usa") not in relations_of(f), relations_of(f)
    assert (key_of(f, "晴川研究中心"), "country", "usa") in relations_of(f), relations_of(f)


def test_unveiling_products_is_a_launch_but_publishing_results_is_not(facts):
    f = facts("報導說，北辰存儲23日在晴川半導體博覽會上公佈7款包括DDR5、LPDDR5X等先進DRAM產品。")
    for product in ("ddr5", "lpddr5x"):
        assert (product, "manufacturer", key_of(f, "北辰存储")) in relations_of(f), relations_of(f)
    f = facts("北辰存儲今天公佈第三季財報，營收成長兩成。")
    assert not any(st.evidence.rule == "trigger-launch" for st in f.statements), f.statements


@pytest.mark.parametrize("adverb", ["也", "都"])
def test_subjects_listed_before_也_or_都_each_act_alone(facts, adverb):
    f = facts(f"年初，北辰科技、星曜電子紮堆上市，晴川半導體與瀚海微電子{adverb}正籌備IPO。")
    assert not linked(f, key_of(f, "晴川半导体"), key_of(f, "瀚海微电子")), f.statements
    # (a list with no such adverb still acts together)
    assert linked(f, key_of(f, "北辰科技"), key_of(f, "星曜电子")), f.statements
    f = facts(f"晴川半導體和瀚海微電子{adverb}採用北辰科技的封裝技術。")
    assert not linked(f, key_of(f, "晴川半导体"), key_of(f, "瀚海微电子")), f.statements
    for firm in ("晴川半导体", "瀚海微电子"):
        assert linked(f, key_of(f, firm), key_of(f, "北辰科技")), f.statements


def test_investors_listed_by_their_kind_after_the_sentence_naming_the_funding(facts):
    f = facts("上市前，北辰科技完成了數輪融資，投資方涵蓋知名VC、產業資本以及個人。"
              "VC機構包括晴川創投、星曜資本等；產業資本包括騰達投資、美好集團。")
    for investor in ("晴川创投", "星曜资本", "腾达投资", "美好集团"):
        assert linked(f, key_of(f, investor), key_of(f, "北辰科技")), (investor, f.statements)
    # (the second list's members hold the company's shares, not the first list's)
    assert not any({key_of(f, "晴川创投"), key_of(f, "腾达投资")} <= {k for _, k in st.roles}
                   for st in f.statements), f.statements


def test_the_source_a_clause_cites_is_linked_to_every_firm_the_next_reports(facts):
    f = facts("根據晴川諮詢統計，北辰科技、星曜電子、瀚海微電子與天樞半導體今年的資本支出總額年增率高達40%。")
    for firm in ("北辰科技", "星曜电子", "瀚海微电子", "天枢半导体"):
        assert linked(f, key_of(f, "晴川咨询"), key_of(f, firm)), (firm, f.statements)
    # (what a paper cites another body's records for is the paper's report, not that body's statement)
    f = facts("據《晴川新聞》援引司法部提供的資料，涉案2人分別為居住加州的林某與住在德州的陳某。")
    assert not linked(f, key_of(f, "司法部"), "california"), f.statements


def test_a_year_after_a_latin_word_is_no_model_number(facts):
    f = facts("晴川諮詢指出，北美五大CSP 2026年的資本支出將年增四成。")
    assert not any("2026" in n for n in names_of(f)), names_of(f)
    assert any(d.iso == "2026" for st in f.statements if st.date for d in [st.date]), f.statements


@pytest.mark.parametrize("written, family", [("Gemini 2.5", "gemini"), ("Llama 3.1", "llama")])
def test_a_version_number_after_a_known_model_is_a_model_of_its_own(facts, written, family):
    f = facts(f"北辰科技宣布，其新伺服器將支援{written}模型。")
    model = key_of(f, written)
    assert model != family and f.entities[model].cls == "AIModel", f.entities
    assert (model, "partOfSeries", family) in relations_of(f), relations_of(f)


def test_a_known_name_before_a_decimal_point_is_an_earlier_version_not_this_one(facts):
    f = facts("北辰科技表示，星曜一號將支援最新的GPT-5.2模型。")
    assert "gpt-5" not in f.entities, f.entities
    assert "GPT-5.2" in {n for e in f.entities.values() for n in e.names}, f.entities


def test_a_quarter_before_a_kind_of_product_is_no_product(facts):
    f = facts("晴川諮詢數據顯示，Q3服務器用DRAM價格同比大漲。")
    assert not any(n.lower() == "q3" for n in names_of(f)), f.entities


def test_a_currency_before_a_round_figure_is_no_broker(facts):
    f = facts("北辰電子營業利益攀升至86萬億韓元，首次突破80萬億韓元大關。")
    assert "yuanta" not in f.entities, f.entities


def test_a_firms_division_named_with_its_abbreviation_is_an_organisation(facts):
    f = facts("記憶體漲價直接拉動北辰電子設備解決方案(DS)部門利潤反彈。")
    assert not any(e.cls in ("Policy", "Product") for e in f.entities.values()), f.entities
    assert f.entities[key_of(f, "北辰电子设备解决方案")].cls == "Organization", f.entities
    assert not any("拉动" in n for n in names_of(f)), f.entities


@pytest.mark.parametrize("verb", ["辭去", "將出任"])
def test_who_takes_up_or_leaves_the_chair_chairs_the_company_the_sentence_is_about(facts, verb):
    f = facts(f"北辰科技公布半年報後，林某華{verb}董事長一職。")
    assert (key_of(f, "北辰科技"), "chairperson", key_of(f, "林某华")) in relations_of(f), relations_of(f)
    f = facts(f"北辰科技公布半年報後，林某華{verb}副董事長一職。")
    assert not any(p == "chairperson" for _, p, _ in relations_of(f)), relations_of(f)


def test_a_name_before_辭去_a_post_is_a_person(facts):
    f = facts("北辰科技交出半年報後，僅任職8個月的全華強辭去董事長一職。")
    assert (key_of(f, "北辰科技"), "chairperson", key_of(f, "全华强")) in relations_of(f), relations_of(f)


def test_a_price_named_after_a_product_is_that_products_too(facts):
    f = facts("北辰存儲將部分記憶體報價上調兩成，而現貨市場DDR4價格單月漲近30%。")
    st = next(st for st in f.statements if st.amount is not None and st.amount.value == "30")
    assert "ddr4" in {k for _, k in st.roles}, f.statements


def test_a_pointer_to_a_chip_is_no_memory_the_chip_carries(facts):
    f = facts("北辰科技的星曜X9晶片採用5奈米製程，記憶體經過重新設計，包含216GB HBM3E和128MB片上SRAM。\n\n"
              "這款晶片專為低精度計算打造，在FP4精度下每塊晶片性能超10PFLOPS。")
    st = next(st for st in f.statements if st.amount is not None and st.amount.unit == "PFLOPS")
    assert {k for _, k in st.roles} == {key_of(f, "星曜X9")}, f.statements


def test_a_clause_opening_with_而_and_another_firm_changes_what_the_sentence_goes_on_about(facts):
    f = facts("北辰科技的晶片剛通過晴川電子認證，而星曜存儲早已搶佔先機，目前為瀚海集團的主要供應商。")
    assert linked(f, key_of(f, "星曜存储"), key_of(f, "瀚海集团")), f.statements
    assert not linked(f, key_of(f, "北辰科技"), key_of(f, "瀚海集团")), f.statements


def test_a_latin_name_with_a_share_price_is_a_listed_firm(facts):
    f = facts("晴川科技發布新品後，南韓的多層板廠Zentrix 股價飆升18%。")
    assert f.entities[key_of(f, "Zentrix")].cls == "Company", f.entities


@pytest.mark.parametrize("described", ["一家創投公司", "一間虛假公司"])
def test_a_firm_counted_and_described_is_no_name(facts, described):
    f = facts(f"北辰科技表示，他們曾在晶片上貼上{described}的標籤。")
    assert not any(n.endswith("公司") for n in names_of(f)), names_of(f)
    assert "北辰科技" in names_of(f, "Company")


@pytest.mark.parametrize("sentence", ["去年晴川半導體營收大增，北辰科技也受惠。", "三年前晴川半導體進軍歐洲，北辰科技隨後跟進。",
                                      "上月晴川半導體宣布裁員，北辰科技則擴大招聘。"])
def test_a_year_or_month_before_a_name_is_no_part_of_it(facts, sentence):
    f = facts(sentence)
    assert names_of(f, "Company") == {"晴川半导体", "北辰科技"}, names_of(f)


@pytest.mark.parametrize("sentence", ["北辰科技的新晶片銷售依然像去年晴川半導體遭美國制裁時一樣火熱。",
                                      "北辰科技的報價策略和三年前晴川半導體進軍歐洲的時候一樣積極。"])
def test_the_names_of_an_event_a_clause_is_likened_to_take_no_part_in_it(facts, sentence):
    f = facts(sentence)
    assert not linked(f, key_of(f, "北辰科技"), key_of(f, "晴川半导体")), f.statements
    # (a comparison with a firm, not with an event, still links the two)
    f = facts("北辰科技的新晶片效能和晴川半導體的旗艦晶片一樣強。")
    assert linked(f, key_of(f, "北辰科技"), key_of(f, "晴川半导体")), f.statements


@pytest.mark.parametrize("sentence, region", [("兩名被告分別居住在加拿大安大略省與卑詩省。", "安大略省"),
                                              ("兩名被告分別居住在加拿大安大略省與卑詩省。", "卑诗省"),
                                              ("北辰科技在澳洲昆士蘭州設立研發中心。", "昆士兰州")])
def test_a_foreign_province_or_state_is_a_region_not_a_body_nor_a_city_inside_it(facts, sentence, region):
    f = facts(sentence)
    assert region in names_of(f, "AdministrativeRegion"), f.entities
    assert not names_of(f, "Organization") and "兰州" not in names_of(f), f.entities
    # (a ministry named 省 is no province)
    f = facts("日本經濟產業省宣布補助北辰科技。")
    assert not names_of(f, "AdministrativeRegion"), f.entities


@pytest.mark.parametrize("written", ["55-60%", "55~60％", "55至60%"])
def test_a_range_of_percentages_with_one_sign_gives_both_bounds(facts, written):
    f = facts(f"晴川諮詢預估，本季記憶體合約價將較上季再漲{written}，北辰存儲受惠最大。")
    percents = {st.amount.value for st in f.statements if st.amount is not None and st.amount.unit == "PERCENT"}
    assert {"55", "60"} <= percents, f.statements
    # (a date is no lower bound)
    f = facts("北辰科技2025-30%的營收來自海外。")
    assert "2025" not in {st.amount.value for st in f.statements if st.amount is not None}, f.statements


@pytest.mark.parametrize("plant", ["這座新晶圓製造廠", "這座先進封裝廠"])
def test_a_plant_counted_by_座_and_described_points_back_to_the_firm_building_it(facts, plant):
    f = facts(f"北辰存儲今天在新加坡為新廠動工。{plant}預計將創造約1600個工作機會。")
    assert (key_of(f, "北辰存储"), "1600") in figures_of(f), f.statements


def test_a_transliterated_name_after_a_title_is_a_person_before_any_word(facts):
    f = facts("北辰科技新任執行長林志明指出，前任執行長基洛夫時代大舉擴產的策略已告終。")
    assert {"林志明", "基洛夫"} <= names_of(f, "Person"), names_of(f)


def test_a_clause_opening_with_和_adds_one_more_to_the_list_the_sentence_opened_with(facts):
    f = facts("檢方指控居住在紐約的林志明（Zhiming Lin，音譯），和來自台北的陳大文（Tai-man Chan，音譯），"
              "共謀規避美國出口管制。")
    for person in ("林志明", "陈大文"):
        assert linked(f, key_of(f, person), key_of(f, "美国出口管制")), (person, f.statements)


def test_他們_with_no_people_before_is_the_firms_the_sentence_listed(facts):
    f = facts("北京當局已召來晴川科技、北辰電子等本國科技公司，詢問他們購買星曜X9晶片的情況。")
    for firm in ("晴川科技", "北辰电子"):
        assert linked(f, key_of(f, firm), key_of(f, "星曜X9")), (firm, f.statements)
    # (with people named before, 他們 is those people)
    f = facts("林志明與陳大文昨天拜訪晴川科技，他們討論了星曜X9晶片。")
    assert linked(f, key_of(f, "陈大文"), key_of(f, "星曜X9")), f.statements


def test_the_first_of_two_chips_listed_before_the_word_for_them_is_a_chip_too(facts):
    f = facts("北辰科技的BX9和BX10晶片出貨大增，星曜電子的Nova 950和Nova 960伺服器則供不應求。")
    assert {"BX9", "BX10"} <= {n for e in f.entities.values() if e.cls == "Chip" for n in e.names}, f.entities
    assert f.entities[key_of(f, "Nova 950")].cls == "Product", f.entities


@pytest.mark.parametrize("kind", ["AI企業", "人工智慧企業"])
def test_firms_listed_each_with_its_description_before_the_verb_are_its_subjects(facts, kind):
    f = facts(f"美國商務部在一份聲明中表示，沙特政府支持的{kind}Qingchuan、阿聯酋的國有{kind}Beichen，"
              "獲准分別向美國購買最多3.5萬枚星曜BX9晶片。")
    for firm in ("Qingchuan", "Beichen"):
        assert linked(f, key_of(f, firm), key_of(f, "BX9")), (firm, f.statements)


def test_a_word_for_a_kind_of_firm_before_its_name_is_no_part_of_it(facts):
    f = facts("國有企業瀚川智能公司獲准購買晶片，民營企業星曜電子則未獲准。")
    assert {"瀚川智能公司", "星曜电子"} <= names_of(f, "Company"), names_of(f)
    assert not any(n.startswith(("国有", "民营")) for n in names_of(f)), names_of(f)


@pytest.mark.parametrize("written", ["三到四成", "3至4成"])
def test_a_range_in_tenths_gives_both_bounds(facts, written):
    f = facts(f"晴川證券分析師林志明認為，北辰科技的估值可能因此下修{written}。")
    percents = {st.amount.value for st in f.statements if st.amount is not None and st.amount.unit == "PERCENT"}
    assert {"30", "40"} <= percents, f.statements


def test_a_clause_of_a_rules_terms_gives_its_figures_to_the_rule_named_before(facts):
    f = facts("晴川商務署昨日公布「先進晶片出口管理辦法」修正案，規定算力超過300 TFLOPS的晶片出口前須申請許可。")
    rule = key_of(f, "先进晶片出口管理办法")
    assert any(dict(st.roles).get("subject") == rule for st in f.statements if st.amount is not None), f.statements


def test_a_post_given_by_由_is_the_sentences_firms_not_a_former_employer_in_the_holders_description(facts):
    f = facts("晴川科技成立於2018年，創辦人林大明曾任北辰電子副總經理，執行長則由曾在星曜半導體參與晶片開發的陳美玲擔任。")
    assert (key_of(f, "晴川科技"), "chiefExecutiveOfficer", key_of(f, "陈美玲")) in relations_of(f), relations_of(f)
    assert (key_of(f, "星曜半导体"), "chiefExecutiveOfficer", key_of(f, "陈美玲")) not in relations_of(f), relations_of(f)


def test_an_officer_who_gives_the_firms_figures_is_their_source(facts):
    f = facts("晴川半導體昨天公布財報。聯席執行長林志明指出，第3季銷售收入23.82億美元，季增7.8%。")
    firm, officer = key_of(f, "晴川半导体"), key_of(f, "林志明")
    figures = [st for st in f.statements if st.amount is not None and st.amount.unit in ("USD", "PERCENT")]
    assert {st.amount.value for st in figures} >= {"2382000000", "7.8"}, f.statements
    for st in figures:   # the firm's, and the officer who gave them their source
        assert ("subject", firm) in st.roles and ("attributedTo", officer) in st.roles, st
    # (a figure the person is the subject of stays his own)
    f = facts("晴川半導體創辦人林志明的身家達到52億美元。")
    assert any(("subject", key_of(f, "林志明")) in st.roles for st in f.statements if st.amount is not None), f.statements


def test_a_surname_alone_after_the_full_name_is_no_new_person_with_the_word_after_it(facts):
    f = facts("檢方指出，晴川貿易公司負責人龔德明涉嫌走私晶片。龔涉嫌違反出口管制，龔會被引渡至美國受審。")
    people = names_of(f, "Person")
    assert "龚德明" in people and not any(n.startswith("龚") and n != "龚德明" for n in people), people
    # (a second person of the same surname, named with a title, is still found)
    f = facts("晴川科技董事長林志明與北辰電子總經理林立昨天會面。")
    assert {"林志明", "林立"} <= names_of(f, "Person"), names_of(f)


def test_a_name_the_article_writes_alone_again_and_again_is_not_read_with_the_next_character(facts):
    # (組 opens no word with 跨, so only the repetition tells: 陳文 alone twice, 陳文組 once)
    f = facts("人物誌／陳文組跨國團隊 挑戰輝達。陳文曾任律師，陳文認為人才最重要。")
    assert names_of(f, "Person") == {"陈文"}, names_of(f)


def test_work_named_by_a_noun_after_的_is_still_the_firms(facts):
    # 完成…的開發, 啟動…的量產: the verb of making stands after the product, as a noun
    f = facts("北辰微電子昨天宣布，已完成新一代AI加速器Orion X9的開發，並啟動Nova S3處理器的量產。")
    firm = key_of(f, "北辰微电子")
    assert (key_of(f, "Orion X9"), "developer", firm) in relations_of(f), relations_of(f)
    assert (key_of(f, "Nova S3"), "manufacturer", firm) in relations_of(f), relations_of(f)
    # (the cost of the work is no product of it)
    f = facts("北辰微電子表示，Orion X9的開發費用超過預期。")
    assert not any(p == "developer" for _, p, _ in relations_of(f)), relations_of(f)


def test_a_model_in_brackets_after_its_kind_is_made_as_the_kind_is(facts):
    f = facts("晴川半導體今年開始生產第6代高頻寬記憶體（HBM4）。")
    firm = key_of(f, "晴川半导体")
    assert {("hbm", "manufacturer", firm), ("hbm4", "manufacturer", firm)} <= relations_of(f), relations_of(f)


def test_以及_joins_the_parts_of_one_list_of_investors(facts):
    f = facts("晴川科技先後獲得了北辰資本、星河投資基金以及紅杉、經緯等知名 VC 的支持。")
    assert {"红杉", "经纬"} <= names_of(f), names_of(f)


def test_shares_bought_or_sold_name_no_firm(facts):
    f = facts("晴川科技大股東計畫減持股份，美國政府則以轉換補助款的模式購得股份。")
    assert not any(n.endswith("股份") for n in names_of(f)), names_of(f)
    f = facts("北辰股份與星河科技股份均已上市。")   # (a firm limited by shares is one still)
    assert "北辰股份" in names_of(f), names_of(f)


def test_a_count_or_a_preposition_before_a_listed_firm_is_no_part_of_it(facts):
    f = facts("晴川芯成立於2019年，由一批在英特爾、博通、摩托羅拉等跨國企業工作多年的工程師創立。")
    names = names_of(f)
    assert "英特尔" in names and not any("一批" in n for n in names), names


def test_a_coined_latin_name_founded_or_seated_somewhere_is_a_firm(facts):
    f = facts("NeuroMax成立於2019年，總部位於檳城，今年推出首款邊緣AI晶片。")
    assert "NeuroMax" in names_of(f, "Company"), {(n, e.cls) for e in f.entities.values() for n in e.names}


def test_a_research_firm_that_gives_a_figure_is_its_source(facts):
    f = facts("研調機構晴川顧問指出，北辰科技今年AI晶片出貨占比約69.7%。")
    firm, source = key_of(f, "北辰科技"), key_of(f, "晴川顾问")
    share = next(st for st in f.statements if st.amount is not None and st.amount.value == "69.7")
    assert ("subject", firm) in share.roles and ("attributedTo", source) in share.roles, share
    # (what the figure then did, in a clause of its own, is no longer what the source said)
    f = facts("晴川顧問數據顯示，伺服器記憶體價格年增171.8%，帶動北辰科技獲利成長超過10倍。")
    tenfold = next(st for st in f.statements if st.amount is not None and st.amount.value == "10")
    assert not any(role == "attributedTo" for role, _ in tenfold.roles), tenfold


def test_a_post_resigned_names_the_firm_worked_for(facts):
    f = facts("2019年，林美華辭去晴川電子技術長一職，創辦了星曜科技。")
    assert (key_of(f, "林美华"), "employer", key_of(f, "晴川电子")) in relations_of(f), relations_of(f)


def test_a_node_code_after_its_makers_latin_name_is_a_product(facts):
    f = facts("北辰科技表示，Intel 18A 導入兩項關鍵技術，良率持續改善。")
    assert "18A" in names_of(f), names_of(f)


def test_latin_names_joined_before_an_appointment_are_people(facts):
    f = facts("晴川科技宣布，Daniel Morrow 和 Helen Price Walker 被任命為臨時聯席執行長。")
    assert {"Daniel Morrow", "Helen Price Walker"} <= names_of(f, "Person"), names_of(f)


def test_a_transliterated_name_joined_by_a_hyphen_before_its_romanisation_is_whole(facts):
    f = facts("晴川科技宣布，執行長帕特-蓋爾辛格（Pat Gelsinger）已於12月1日退休。")
    assert any(n.endswith("盖尔辛格") and len(n) >= 6 for n in names_of(f, "Person")), names_of(f, "Person")


def test_chief_titles_ending_in_長_are_titles(facts):
    f = facts("美光業務長薩達納透露，新產品的定價遠高於上一代。")
    assert "萨达纳" in names_of(f, "Person"), names_of(f)
    f = facts("晴川電子行銷長林美華表示，營收將成長。")
    assert "晴川电子" in names_of(f) and not any(n.endswith("长") for n in names_of(f)), names_of(f)


def test_quoted_chip_names_listed_before_their_count_and_kind(facts):
    f = facts("北辰科技發布「華山」和「廬山」兩款晶片，以及「長江」智慧系統單晶片。")
    assert {"华山", "庐山", "长江"} <= names_of(f, "Chip"), names_of(f)
    f = facts("市場更多是在用「情緒漲停」為國產GPU續上彈藥。")   # (a phrase in quotes before a verb names no chip)
    assert not names_of(f, "Chip"), names_of(f)


def test_a_groups_name_and_a_trade_name_a_sister_firm(facts):
    f = facts("負責廠房基礎工程的三星物產，以及承擔後期工程的三星重工業，均在等待新合約。")
    assert {"三星物产", "三星重工业"} <= names_of(f, "Company"), names_of(f)
    f = facts("阿布扎比G42公司建設的AI園區將於明年啟用。")   # (a verb after 公司, no trade)
    assert not any(n.endswith("建设") for n in names_of(f)), names_of(f)


def test_an_editor_signed_with_a_colon_is_a_person(facts):
    f = facts("晴川財經記者:王晶 晴川財經編輯:文多\n北辰科技開始挑戰輝達。")
    assert {"王晶", "文多"} <= names_of(f, "Person"), names_of(f)


def test_people_appointed_co_chief_executives_are_each_the_chief(facts):
    f = facts("晴川科技宣布，執行長林志明已於12月1日退休。Daniel Morrow 和 Helen Price Walker 被任命為臨時聯席執行長。")
    firm, rels = key_of(f, "晴川科技"), relations_of(f)
    for person in ("Daniel Morrow", "Helen Price Walker"):
        assert (firm, "chiefExecutiveOfficer", key_of(f, person)) in rels, rels
        assert (key_of(f, person), "employer", firm) in rels, rels


def test_a_title_before_a_hyphened_transliterated_name_is_no_part_of_it(facts):
    f = facts("晴川科技董事會獨立主席弗蘭克-耶利（Frank Yeary）將擔任臨時執行主席。")
    assert "弗兰克-耶利" in names_of(f, "Person"), names_of(f, "Person")
    assert (key_of(f, "晴川科技"), "chairperson", key_of(f, "Frank Yeary")) in relations_of(f), relations_of(f)


def test_a_long_units_name_before_a_post_still_names_the_employer(facts):
    f = facts("晴川科技高性能計算和人工智慧基礎設施解決方案高級總監迪翁·哈里斯表示，新平台將於明年出貨。")
    assert (key_of(f, "迪翁"), "employer", key_of(f, "晴川科技")) in relations_of(f), relations_of(f)


def test_a_general_manager_directs_the_firm(facts):
    f = facts("晴川電子5日召開法說會，總經理朱憲國預期記憶體供需失衡。")
    assert (key_of(f, "晴川电子"), "director", key_of(f, "朱宪国")) in relations_of(f), relations_of(f)


def test_titles_held_together_opening_a_paragraph_are_the_firms_officer(facts):
    f = facts("晴川科技16日召開線上法人說明會，公布第3季財報。\n\n董事長暨總裁林志明今天表示，晴川科技加速美國產能擴張。")
    firm, person = key_of(f, "晴川科技"), key_of(f, "林志明")
    assert {(firm, "chairperson", person), (firm, "chiefExecutiveOfficer", person)} <= relations_of(f), relations_of(f)


def test_a_market_named_before_the_exchange_a_firm_lists_on(facts):
    f = facts("2016年8月18日，晴川科技在A股上交所主板上市。")
    assert any(s == key_of(f, "晴川科技") and p == "stockExchange" for s, p, _ in relations_of(f)), relations_of(f)


def test_a_firm_named_as_the_other_party_of_a_deal_owns_none_of_its_gain(facts):
    f = facts("晴川電子第4季稅後淨損6.54億元，也包含認列北辰科技合作案淨收益4.9億元；每股淨損0.16元。")
    firm = key_of(f, "晴川电子")
    assert {(firm, "490000000"), (firm, "0.16")} <= figures_of(f), figures_of(f)


def test_what_a_firms_plant_makes_is_the_plants_figure(facts):
    f = facts("在產能規模上，晴川科技 Fab 52 於滿載運轉時，每週可生產約 10,000 片晶圓。")
    plant = key_of(f, "Fab 52")
    assert any(("subject", plant) in st.roles for st in f.statements
               if st.amount is not None and st.amount.value == "10000"), f.statements


def test_a_name_glossed_with_its_acronym_keeps_its_countrys_name(facts):
    f = facts("政府計劃透過國營的韓國開發銀行(KDB)負責提供17兆韓元的融資。")
    assert "韩国开发银行" in names_of(f), names_of(f)


def test_a_countrys_side_is_the_country(facts):
    f = facts("美方表示將加徵關稅，馬方則保持中立，中方強烈反對。集中方式很重要。")
    names = {n: e.key for e in f.entities.values() for n in names_of_entity(e)}
    assert names.get("美方") == "usa" and names.get("马方") == "malaysia" and names.get("中方") == "china", names
    assert "集中方式" not in names and not any(e.cls == "Person" for e in f.entities.values()), names


def test_a_body_in_the_clause_that_lists_is_the_lister_and_a_clause_of_when_is_not_reported(facts):
    text = ("英國《晴川日報》報導，就在美國總統川普宣布將對中國解禁輝達高階晶片的前夕，北京已悄悄築起一道防波堤，"
            "中國工業和信息化部首度將國產AI處理器納入官方採購清單。")
    f = facts(text)
    trump, miit = key_of(f, "川普"), key_of(f, "工业和信息化部")
    listed = [st for st in f.statements if st.evidence.rule == "trigger-listing-add"]
    assert listed and all(("agent", miit) in st.roles and ("agent", trump) not in st.roles for st in listed), listed
    reported = [st for st in f.statements if st.evidence.rule == "trigger-report"]
    assert reported and not any(k == trump for st in reported for _, k in st.roles), reported


def owners_of(f, value: str) -> set[str]:
    """The keys of every subject of the figures of this value."""
    return {k for st in f.statements if st.amount is not None and st.amount.value == value
            for r, k in st.roles if r == "subject"}


def test_a_grant_each_member_of_a_list_receives_is_each_ones(facts):
    f = facts("瀚宇科技與晴川半導體各獲得5億美元補助。")
    assert {key_of(f, "瀚宇科技"), key_of(f, "晴川半导体")} <= owners_of(f, "500000000"), f.statements


def test_a_place_after_a_preposition_is_not_whose_figure_it_is(facts):
    f = facts("晴川科技、北辰半導體，獲准分別向美國購買最多3.5萬顆輝達晶片。")
    owners = owners_of(f, "35000")
    assert key_of(f, "晴川科技") in owners and key_of(f, "美国") not in owners, f.statements


def test_a_segments_figure_is_the_firms_whatever_product_it_gained_from(facts):
    f = facts("晴川科技公布財報。第四季手機業務營收受惠旗艦晶片天璣9500放量，季增18%，占總營收比重達59%。")
    assert key_of(f, "晴川科技") in owners_of(f, "18") and key_of(f, "天玑9500") not in owners_of(f, "18"), f.statements


def test_a_model_number_listed_after_a_model_of_a_chinese_named_family_is_a_chip(facts):
    f = facts("晴川科技的營收受惠旗艦晶片天璣9500與輕旗艦8500放量，但2025與2026年展望保守。")
    assert "天玑8500" in names_of(f, "Chip") and not {n for n in names_of(f, "Chip") if "2026" in n}, names_of(f)


def test_a_parents_name_and_a_trade_after_the_word_for_a_subsidiary_is_the_subsidiary(facts):
    f = facts("高通早前宣布由子公司高通投資收購晴川半導體。")
    sub = key_of(f, "高通投资")
    assert (sub, "parentOrganization", "qualcomm") in relations_of(f), relations_of(f)


def test_a_gathering_of_two_subjects_is_named_whole(facts):
    f = facts("他在出席2025年經濟與商業論壇時表示，政府將研究新規的影響。")
    assert "2025年经济与商业论坛" in names_of(f, "Event"), names_of(f)


def test_a_known_family_named_alone_in_quotes_before_the_word_for_a_chip(facts):
    f = facts("晴川科技的「麒麟」晶片被斷供以後，北辰科技的利潤更高。")
    assert "huawei-kirin" in f.entities, names_of(f)


def test_a_generation_written_onto_gen_is_part_of_the_chips_name(facts):
    f = facts("晴川科技今天推出全新旗艦晶片驍龍8 Elite Gen5，北辰手機將首發。")
    assert "骁龙8 elite gen5" in {n.lower() for n in names_of(f, "Chip")}, names_of(f)


def test_a_new_chip_named_again_in_brackets_is_one_chip(facts):
    f = facts("晴川科技推出了全新旗艦晶片天璣9500 Ultra（第五代天璣 9500 至尊版），瀚宇科技將首發天璣9500 Ultra。")
    chips = [e for e in f.entities.values() if e.cls == "Chip"]
    assert len(chips) == 1, [sorted(e.names) for e in chips]


def test_a_japanese_ministers_title_names_the_ministry_that_employs_him(facts):
    f = facts("日本經濟產業大臣西村康稔當時表示，不會考慮特定國家。")
    assert (key_of(f, "西村康稔"), "employer", "meti") in relations_of(f), relations_of(f)


def test_a_word_ending_in_局_for_a_state_of_play_is_no_bureau(facts):
    f = facts("中東國家則有望藉此在AI賽局中迎頭趕上，產業格局將改變，晴川市電信管理局表示歡迎。")
    agencies = names_of(f, "GovernmentAgency")
    assert not {n for n in agencies if n.endswith(("赛局", "格局"))} and "晴川市电信管理局" in agencies, agencies


def test_the_bis_written_with_暨(facts):
    f = facts("美國商務部表示，旗下負責出口管制的工業暨安全局將審查申請。")
    assert "bis" in f.entities, names_of(f)


def test_a_parts_figure_is_the_figure_of_the_product_using_it(facts):
    f = facts("晴川科技發表天樞X9晶片，天樞X9採用了第三代Orion CPU。其中，超大核的運行頻率高達4.6GHz。")
    assert {key_of(f, "天枢X9"), key_of(f, "Orion")} <= owners_of(f, "4.6"), f.statements


def test_a_transliterated_town_after_its_state_with_its_latin_name(facts):
    f = facts("被告陳某是美國德州普萊諾（Plano）的居民。")
    towns = [e for e in f.entities.values() if e.cls == "City"]
    assert [sorted(names_of_entity(e)) for e in towns] == [["普莱诺"]], names_of(f)
    assert (towns[0].key, "locatedIn", "texas") in relations_of(f), relations_of(f)


def test_a_transliterated_name_after_a_title_before_the_word_for_his_tenure(facts):
    f = facts("這是晴川科技策略的重大轉向，因為他提及前任執行長基辛格時代大力投資的製程。")
    assert "基辛格" in names_of(f, "Person"), names_of(f)


def test_a_machine_model_with_a_colon_and_a_pointer_to_it(facts):
    f = facts("晴川晶圓廠已安裝最先進的NXE:3800E。該機型每小時可處理多達220片晶圓；其餘3台NXE:3600D的產能約為每小時160片。會議於下午3:30開始。")
    assert {"NXE:3800E", "NXE:3600D"} <= {n.upper() for n in names_of(f, "Product")}, names_of(f)
    assert key_of(f, "NXE:3800E") in owners_of(f, "220"), f.statements


def test_a_clause_going_on_with_a_preposition_and_its_objects_keeps_the_topic(facts):
    f = facts("晴川科技今天宣布新合作。集團已引進北辰汽車成為客戶，拓展國際市場；同時與瀚宇科技、Uber攜手開發自駕車。")
    assert linked(f, key_of(f, "晴川科技"), key_of(f, "瀚宇科技")), f.statements


def test_a_body_opening_a_clause_takes_over_from_a_country_as_the_topic(facts):
    f = facts("中國半導體產業打造國家隊，晴川科技成立，註冊資本計人民幣3440億元。")
    assert owners_of(f, "344000000000") == {key_of(f, "晴川科技")}, f.statements


def test_a_figure_describing_names_listed_after_its_的_is_each_ones(facts):
    f = facts("晴川半導體宣布增資。民間方面投資210億日圓（約新台幣42.8億元）的北辰科技與瀚宇科技似乎成為最大股東。")
    assert {key_of(f, "北辰科技"), key_of(f, "瀚宇科技")} <= owners_of(f, "21000000000"), f.statements


def test_a_number_after_a_known_firm_before_系列_is_its_line(facts):
    f = facts("此次全新小米 17 系列將搭載晴川科技的頂級移動平台。")
    assert "小米 17" in names_of(f), names_of(f)


def test_a_verb_and_the_currency_of_a_sum_are_no_organisation(facts):
    f = facts("北辰電子去年營收達新台幣2.5兆元，稅後淨利破兆元，達新台幣1.02兆元、年增20%。")
    assert not any("達新" in n or "达新" in n for n in names_of(f)), names_of(f)
    assert key_of(f, "北辰電子") in owners_of(f, "1020000000000"), f.statements


def test_a_chinese_chip_brand_and_its_generation_is_a_chip_and_a_quoted_line_a_product(facts):
    f = facts("晴川智芯已推出“天樞”與“星衡”兩大產品系列。另一家的首代產品曦思Gen1於2021年量產，含光Gen1及含光Gen1X於2022年發布。")
    chips = {to_simplified(n).lower() for n in names_of(f, "Chip")}
    assert {"曦思gen1", "含光gen1", "含光gen1x"} <= chips, chips
    assert {"天枢", "星衡"} <= names_of(f, "Product"), names_of(f)


def test_a_value_describing_a_makers_chips_is_the_chips_not_the_makers(facts):
    f = facts("美國司法部今天宣布，兩名男子因涉嫌走私價值至少一．六億美元的晴川科技（Qingchuan）QC100和QC200晶片而遭拘捕。")
    assert owners_of(f, "160000000") == {key_of(f, "QC100"), key_of(f, "QC200")}, f.statements


@pytest.mark.parametrize("title", ["董事會主席", "董事會主席兼CEO", "董事局主席"])
def test_the_companys_board_chair_named_by_公司_chairs_the_company_the_text_is_about(facts, title):
    f = facts(f"晴川科技成立於2015年，總部位於南京。公司{title}林志遠現年44歲。")
    chairs = {r.object for r in f.relations if r.property == "chairperson" and r.subject == key_of(f, "晴川科技")}
    assert chairs == {key_of(f, "林志遠")}, f.relations


def test_a_model_named_after_a_line_the_article_found_is_of_that_line_and_its_developer(facts):
    f = facts("晴川科技已推出“含光”與“星衡”兩大產品系列：訓練專用產品線“含光”系列中，首代產品含光Gen1於2021年量產。")
    chip = key_of(f, "含光Gen1")
    assert (chip, "partOfSeries", key_of(f, "含光")) in relations_of(f), f.relations
    assert (chip, "developer", key_of(f, "晴川科技")) in relations_of(f), f.relations


def test_a_partnership_after_a_dash_is_named_whole(facts):
    f = facts("晴川集團新增股東員工持股平台——北辰市星河計劃一號至三號企業管理合夥企業（有限合夥）。")
    assert any(n.startswith("北辰市星河計劃") or n.startswith("北辰市星河计划") for n in names_of(f)), names_of(f)


@pytest.mark.parametrize("byline", ["星河新聞客戶端 記者 林志遠", "星河新聞 記者 林志遠"])
def test_an_outlets_app_and_its_reporter_on_a_byline_line(facts, byline):
    f = facts(f"晴川科技上市首日大漲\n\n{byline}\n\n晴川科技今天在科創板上市，股價大漲。")
    assert key_of(f, "林志遠") in employees_of(f, key_of(f, "星河新聞")), f.relations


def test_a_new_firm_named_with_its_city_or_集團_is_one_firm_under_every_form(facts):
    f = facts("其中，又以上海星曜微電子集團最受矚目。公告顯示，上海星曜微電子還被標注。星曜微電子也回應。")
    firms = [e for e in f.entities.values() if any("星曜" in n for n in e.names)]
    assert len(firms) == 1, [(e.key, e.names) for e in firms]
    assert {"上海星曜微电子集团", "上海星曜微电子", "星曜微电子集团"} <= names_of_entity(firms[0]), firms[0].names


def test_a_universitys_short_name_after_a_city_and_before_微電子_is_a_new_firm(facts):
    f = facts("晴川集團最受矚目。公告顯示，上海復旦微電子還被標注，兩家公司均表示遺憾。")
    assert "上海复旦微电子" in names_of(f, "Company"), names_of(f)
    assert "复旦" not in names_of(f), names_of(f)


def test_a_known_firm_in_another_firms_nickname_is_no_mention_and_owns_no_figure(facts):
    f = facts("被稱為「中國版輝達」的晴川科技周二正式開啟網路申購，當天有效申購達482萬戶，以發行價每股114.28元估算。")
    assert "nvidia" not in f.entities, f.entities.keys()
    assert owners_of(f, "114.28") == {key_of(f, "晴川科技")}, f.statements


def test_figures_the_management_forecasts_are_the_companys(facts):
    f = facts("全球光刻機龍頭ASML今天發布第三季財報，當季營收75億歐元。\n\n從行業規律看，ASML的DUV產品交付周期為24個月，"
              "EUV產品為18個月。\n\n管理層對四季度展望樂觀，預計營收92億至98億歐元，毛利率51%-53%。")
    assert key_of(f, "ASML") in owners_of(f, "9200000000"), f.statements
    assert key_of(f, "ASML") in owners_of(f, "51"), f.statements


def test_林吉特_is_a_currency_and_the_body_whose_data_give_a_figure_is_its_source(facts):
    f = facts("據馬來西亞投資發展局（MIDA）日前公布的數據，2025年，馬來西亞信息與通信子行業獲批投資規模達1529億林吉特。")
    assert not names_of(f, "Person"), names_of(f, "Person")
    owners = {s.roles for s in f.statements if s.amount is not None and s.amount.value == "152900000000" and s.amount.unit == "MYR"}
    assert owners and all(("subject", "malaysia") in r for r in owners), f.statements
    assert all(("attributedTo", key_of(f, "馬來西亞投資發展局")) in r for r in owners), f.statements


def test_latin_firms_by_their_last_word_and_as_partners_forming_a_venture(facts):
    f = facts("緊隨其後的是由Orvik、Telnor和BKS組建的合資企業Halden Data Centre。此外，Marlow Group與新加坡Kestrel Technology也獲得核准。")
    firms = names_of(f, "Company")
    assert {"orvik", "telnor", "bks", "halden data centre", "marlow group", "kestrel technology"} <= {n.lower() for n in firms}, firms


def test_a_name_the_tagger_reads_as_a_person_but_ending_in_府_is_a_place(facts):
    f = facts("北辰數據在羅勇府和北柳府的兩個項目投資額為372億泰銖。")
    assert not any("府" in n for n in names_of(f, "Person")), names_of(f, "Person")


@pytest.mark.parametrize("sentence, word", [
    ("北辰微電子充分發揮生態建設局部領先的優勢。", "局"),
    ("北辰微電子今天發布財報，發揮北辰新一代嵌入式CPU性價比優勢。", "新一"),
])
def test_words_going_on_make_no_bureau_and_no_product_line(facts, sentence, word):
    f = facts(sentence)
    assert not any(n.endswith(word) for n in names_of(f)), names_of(f)


def test_ai_after_a_listed_model_number_is_the_kind_of_chip_not_part_of_the_model(facts):
    f = facts("晴川科技預計明年出貨30萬顆最先進的思元590與690AI加速器。")
    chips = {to_simplified(n).lower() for n in names_of(f, "Chip")}
    assert not any(n.endswith("ai") for n in chips), chips
    assert "cambricon-mlu690" in f.entities, f.entities.keys()


def test_the_year_a_figure_is_compared_with_is_no_date_of_the_figure_before_it(facts):
    f = facts("北辰科技披露上半年業績，歸母淨利潤虧損4.49億元；扣非淨利潤虧損5.03億元，去年同期虧損6.65億元。",
              published="2025-09-13")
    dated = {s.amount.value: s.date for s in f.statements if s.amount is not None}
    assert dated["665000000"] is not None and dated["665000000"].iso == "2024", dated
    assert dated.get("503000000") is None or dated["503000000"].iso != "2024", dated


def test_a_state_guidance_fund_is_named_whole_and_one_under_its_short_forms(facts):
    f = facts("中國國家創投引導基金成立\n\n中國國家創業投資引導基金今天正式啟動運行。白某表示，國家創業投資引導基金將加大投資力度。"
              "該基金已設立星河創業投資引導基金合夥企業（有限合夥）。企查查顯示，星河創業投資引導基金已完成登記。")
    funds = [e for e in f.entities.values() if any("引導基金" in n or "引导基金" in n for n in e.names)]
    national = [e for e in funds if any("國家創" in n or "国家创" in n for n in e.names)]
    assert len(national) == 1, [(e.key, e.names) for e in funds]
    assert {"国家创业投资引导基金", "国家创投引导基金"} <= names_of_entity(national[0]), national[0].names
    partnership = [e for e in funds if any("星河" in n for n in e.names)]
    assert len(partnership) == 1, [(e.key, e.names) for e in funds]


def test_members_listed_after_the_word_for_subsidiaries_are_the_named_bodys(facts):
    f = facts("北辰集團今年初先後設立三家子公司，包括星河科技、晴川科技與瀚宇科技。")
    parent = key_of(f, "北辰集團")
    for name in ("星河科技", "晴川科技", "瀚宇科技"):
        assert (key_of(f, name), "parentOrganization", parent) in relations_of(f), f.relations
    g = facts("北辰產業投資基金於去年成立。該基金今年設立兩檔子基金，包括星河創投與晴川資本。")
    fund = key_of(g, "北辰產業投資基金")
    assert {(key_of(g, n), "parentOrganization", fund) for n in ("星河創投", "晴川資本")} <= relations_of(g), g.relations


def test_figures_after_該部門_are_the_division_named_before(facts):
    f = facts("北辰電子第三季營收達86.1萬億韓元。我們關注的是負責記憶體製造業務的星河解決方案（SX）業務部門。"
              "該部門本季度收入為33.1萬億韓元，同比增長13%。")
    division = next(e.key for e in f.entities.values() if any("星河解決方案" in n or "星河解决方案" in n for n in e.names))
    assert owners_of(f, "33100000000000") == {division}, f.statements
    assert owners_of(f, "86100000000000") == {key_of(f, "北辰電子")}, f.statements


def test_a_capacity_in_kwpm_is_the_packaging_lines(facts):
    f = facts("法人預估晴川科技CoWoS 產能將於2026年底達140kwpm，至2027年底總產能將達170kwpm。")
    caps = {(s.amount.value, s.amount.unit) for s in f.statements if s.amount is not None}
    assert {("140", "KWPM"), ("170", "KWPM")} <= caps, caps
    assert owners_of(f, "140") == {key_of(f, "CoWoS")}, f.statements


def test_places_listed_in_the_clause_before_分別_take_its_figures_in_order(facts):
    f = facts("從選址分布來看，羅勇府、春武里府和北欖府成為核心熱土，分別占據了33%、32%和12%的項目份額。")
    assert owners_of(f, "33") == {key_of(f, "羅勇府")}, f.statements
    assert owners_of(f, "12") == {key_of(f, "北欖府")}, f.statements


def test_a_figure_in_a_clause_giving_a_reason_is_not_the_statement_befores(facts):
    f = facts("美國總統川普放行輝達向中國出售H200晶片，真的是送給中國一份大禮，因為致力取代輝達的北辰科技其良率僅20%。")
    assert owners_of(f, "20") == {key_of(f, "北辰科技")}, f.statements


def test_an_exchanges_mark_and_code_in_brackets_is_no_name_and_a_kind_of_memory_no_firm(facts):
    f = facts("中國存儲行業已形成以北辰股份(滬:688110)利基型存儲、星河科技(深:300223)SRAM存儲為補充的產業格局。")
    names = names_of(f)
    assert not any(":" in n or "：" in n for n in names), names
    assert "利基型存储" not in names, names
    assert "北辰股份" in names_of(f, "Company"), names


def test_a_post_taken_up_from_a_date_is_held(facts):
    f = facts("林志遠自2024年6月4日正式接任晴川科技董事長。")
    assert (key_of(f, "晴川科技"), "chairperson", key_of(f, "林志遠")) in relations_of(f), f.relations



def test_the_clauses_after_他_go_on_about_the_person_he_stands_for(facts):
    g = facts("今天是川普重返白宮就職周年，也是台積電掌門人魏哲家的73歲生日，他自2024年起執掌公司，開啟全面掌舵台積電的新時代。")
    assert (key_of(g, "川普"), "employer", key_of(g, "台積電")) not in relations_of(g), g.relations


def test_a_firm_bought_in_the_object_of_對_and_收購_is_owned_by_the_buyer(facts):
    f = facts("北辰科技今天完成對星河科技的全資收購。")
    assert (key_of(f, "星河科技"), "ownedBy", key_of(f, "北辰科技")) in relations_of(f), f.relations


def test_latin_words_before_the_chinese_word_for_a_firm_name_it_but_a_letter_does_not(facts):
    f = facts("彭博報導，晴川科技將和英國的Orvane Global控股公司聯手興建新資料中心。A持C公司35%股份。")
    firms = {n.lower() for n in names_of(f, "Company")}
    assert "orvane global" in firms, firms
    assert not {"a", "c"} & firms, firms


def test_sponsors_after_由_act_for_the_company_the_sentence_is_about(facts):
    f = facts("壁仞科技則緊隨其後通過港交所聆訊，由中金公司、一家本地券商、中銀國際聯合保薦。")
    assert linked(f, key_of(f, "壁仞科技"), key_of(f, "中金公司")), f.statements
    assert linked(f, key_of(f, "壁仞科技"), key_of(f, "中銀國際")), f.statements


def test_a_ministrys_department_named_by_its_heads_title_is_the_ministrys(facts):
    f = facts("商務部外資和對外合作司司長林志遠表示，將擴大開放。")
    dept = key_of(f, "外資和對外合作司")
    assert f.entities[dept].cls == "GovernmentAgency", f.entities[dept]
    assert (dept, "parentOrganization", key_of(f, "商務部")) in relations_of(f), f.relations


def test_a_market_index_is_a_known_product_that_owns_its_moves(facts):
    f = facts("2026年首個交易日，恒生指數上升超過700點，升幅達2.8%，費城半導體指數則下跌3%。據報道指出，晴川科技也將上市。")
    assert owners_of(f, "700") == {"hang-seng-index"}, f.statements
    assert "phlx-semiconductor-index" in owners_of(f, "3"), f.statements
    assert "dow-jones-industrial-average" not in f.entities, f.entities.keys()


def test_a_regions_share_of_revenue_is_the_companys_at_both_ends_of_its_change(facts):
    f = facts("星曜半導體公布財報。財報顯示，美國地區營收占比從8%升至15%，多家客戶擴產。"
              "不過中國仍是最大市場，儘管營收占比從40%降至33%。")
    firm, usa, china = key_of(f, "星曜半導體"), key_of(f, "美國"), key_of(f, "中國")
    for value, place in (("8", usa), ("15", usa), ("40", china), ("33", china)):
        held = [st for st in f.statements if st.amount is not None and st.amount.value == value]
        assert any(("subject", firm) in st.roles and ("location", place) in st.roles for st in held), (value, held)


def test_a_figure_shared_by_a_list_of_firms_makes_none_of_them_the_next_sentences_topic(facts):
    f = facts("星曜半導體公布財報。星曜半導體表示，新增訂單創新高。北辰電子、晴川科技等主要客戶紛紛上調資本支出，平均增幅超過20%。"
              "其中先進封裝領域的新訂單占比從30%升至45%。")
    assert owners_of(f, "45") == {key_of(f, "星曜半導體")}, f.statements


@pytest.mark.parametrize("sentence, value", [
    ("晴川科技取得星河電子二十％股權。", "20"),
    ("全球九十九％的先進晶片都在北辰科技的工廠生產。", "99"),
    ("星河電子上季營收年增三十五點五％。", "35.5"),
])
def test_a_percentage_in_chinese_numerals_by_place_value(facts, sentence, value):
    f = facts(sentence)
    assert any(st.amount is not None and st.amount.value == value and st.amount.unit == "PERCENT"
               for st in f.statements), f.statements


def test_what_對_governs_is_no_subject_of_the_investment_after_it(facts):
    f = facts("北辰科技本週宣布入股晴川電子。此外，還包括對星曜半導體（Xinghe）投資10億美元。")
    investor, target = key_of(f, "北辰科技"), key_of(f, "星曜半導體")
    funded = [st for st in f.statements if st.amount is not None and st.amount.value == "1000000000"]
    assert funded and all(("agent", investor) in st.roles and ("counterpart", target) in st.roles for st in funded), funded
    assert not any(r.object == target and r.property == "ownedBy" for r in f.relations), f.relations


def test_a_data_centre_named_by_its_site_is_a_facility_its_owner_owns(facts):
    f = facts("中國移動發布招標公告，啟動中國移動呼和浩特數據中心機房樓採購項目。")
    centre = key_of(f, "呼和浩特數據中心")
    assert f.entities[centre].cls == "Place", f.entities[centre]
    assert (centre, "ownedBy", key_of(f, "中國移動")) in relations_of(f), f.relations


def test_a_place_after_a_known_firm_opening_a_list_of_plant_sites_is_no_subsidiary(facts):
    f = facts("中芯國際上海與北京工廠的月產能合計將達到50萬片。")
    assert not any(n.startswith("中芯国际上海") for n in names_of(f, "Company")), names_of(f, "Company")
    assert key_of(f, "中芯國際") in owners_of(f, "500000"), f.statements


@pytest.mark.parametrize("sentence, owner, value", [
    ("據券商預測，星曜半導體上市後市值有望達到2500億。", "星曜半導體", "250000000000"),
    ("受消息激勵，北辰科技股價大漲，市值一日暴增近3000億。", "北辰科技", "300000000000"),
    ("創辦人林志遠持有晴川科技三成股份，他的身家將暴漲278億。", "林志遠", "27800000000"),
])
def test_a_sum_without_currency_after_a_word_of_change(facts, sentence, owner, value):
    f = facts(sentence)
    assert any(st.amount is not None and st.amount.value == value and ("subject", key_of(f, owner)) in st.roles
               or st.amount is not None and st.amount.value == value and ("agent", key_of(f, owner)) in st.roles
               for st in f.statements), f.statements


def test_the_size_of_a_stake_before_股份_is_no_part_of_the_firms_name(facts):
    f = facts("創辦人林志遠持有晴川科技三成股份，星曜資本持有北辰半導體20%股份。")
    assert {"晴川科技", "北辰半导体"} <= names_of(f, "Company"), names_of(f, "Company")
    assert not any(n.endswith(("三成", "20%")) for n in names_of(f)), names_of(f)


def test_the_place_a_dispatch_is_filed_from_is_a_place_not_an_organisation(facts):
    f = facts("《晴川通訊社駐京記者林志遠15日北京專電》北辰科技今天宣布擴產。")
    assert "北京" in names_of(f, "City"), names_of(f)
    assert not any("专电" in n for n in names_of(f)), names_of(f)


def test_the_time_an_event_is_held_opens_no_part_of_its_name(facts):
    f = facts("在中美雙方當地時間14日西班牙馬德里經貿會談之前，星曜半導體宣布擴產。晴川科技將於本月20日舉辦年度開發者大會。")
    events = names_of(f, "Event")
    assert events and not any(re.search(r"当地时间|\d+日", n) for n in events), events


def test_what_the_shares_a_deal_bought_are_worth_is_the_deals(facts):
    f = facts("北辰資本將以每股20美元的價格購買1億股晴川科技普通股，相當於公司10%的股權。這些股份目前價值20億美元。")
    worth = [st for st in f.statements if st.amount is not None and st.amount.value == "2000000000"]
    assert worth and all({("subject", key_of(f, "晴川科技")), ("subject", key_of(f, "北辰資本"))} <= set(st.roles)
                         for st in worth), worth


@pytest.mark.parametrize("sentence, founders", [
    ("由林志遠、周文均兩兄弟共同創立的晴川科技，獲得政府大力支持。", ("林志遠", "周文均")),
    ("林志遠於2019年創辦的晴川科技今天上市。", ("林志遠",)),
])
def test_founders_before_a_firm_described_as_founded_by_them(facts, sentence, founders):
    f = facts(sentence)
    firm = key_of(f, "晴川科技")
    for name in founders:
        assert (firm, "foundedBy", key_of(f, name)) in relations_of(f), f.relations


def test_who_worked_years_at_a_firm_is_the_person_the_clause_describes(facts):
    f = facts("林志遠還帶走了在星曜半導體工作了16年的市場生態高級總監周文均。")
    assert (key_of(f, "周文均"), "employer", key_of(f, "星曜半導體")) in relations_of(f), f.relations
    assert (key_of(f, "林志遠"), "employer", key_of(f, "星曜半導體")) not in relations_of(f), f.relations


def test_each_titled_outlet_of_a_list_that_reports_is_an_outlet(facts):
    f = facts("根據《Chipwire》與《晴川日報》引述市調機構數據，北辰科技市占率達22%。根據《出口管制條例》與《國家安全法》，商務部將發布新規。")
    outlets = {n.lower() for n in names_of(f, "MediaOrganization")}
    assert {"chipwire", "晴川日报"} <= outlets, outlets
    assert not any("条例" in n or "安全法" in n for n in outlets), outlets


def test_an_outlets_web_address_in_a_dateline_is_the_outlets(facts):
    f = facts("星河之家（XingheZ.com）11月20日 消息：北辰科技公布財報，營收創新高。")
    assert "星河之家" in names_of(f, "MediaOrganization"), names_of(f)


def test_what_a_person_is_worth_and_where_a_rich_list_ranks_him_is_his(facts):
    f = facts("星曜集團董事長林志遠資產淨值105億美元，台灣排名第三（全球第308）。"
              "晴川電子創辦人周文均以84億美元的資產淨值，在台灣名列第五（全球第442）。")
    lin, zhou = key_of(f, "林志遠"), key_of(f, "周文均")
    for value, person in (("10500000000", lin), ("3", lin), ("308", lin), ("8400000000", zhou), ("5", zhou), ("442", zhou)):
        assert person in owners_of(f, value), (value, f.statements)


def test_a_class_of_shares_before_股份_is_no_firm(facts):
    f = facts("本次發行上市前，星曜集團總股本為12億股，全部為A股股份。發行後，A 股股份和H股股份佔總股本的比例分別為96%和4%。")
    assert names_of(f, "Company") == {"星曜集团"}, names_of(f, "Company")


def test_a_product_named_again_after_a_pointer_is_the_topic_of_its_sentences_specs(facts):
    f = facts("星曜存儲2025年量產DDR5 DRAM，良率突破80%。該DDR5產品跳過17奈米（D1y）節點直接採用16奈米（D1z）節點，"
              "性能可對標北辰電子的QX900，頻寬達6400Mbps。")
    ddr5 = key_of(f, "DDR5")
    for value in ("17", "16", "6400"):
        assert ddr5 in owners_of(f, value), (value, f.statements)


def test_a_figure_of_該項目_is_the_facility_the_project_builds(facts):
    f = facts("中國移動發布招標公告，啟動中國移動呼和浩特數據中心機房樓採購項目。該項目計劃投資52.4億元。")
    centre = key_of(f, "呼和浩特數據中心")
    assert centre in owners_of(f, "5240000000"), f.statements


def test_codes_of_a_data_centres_buildings_are_no_products(facts):
    f = facts("中國移動啟動呼和浩特數據中心B25、B26、B27機房樓採購項目。B15、B16機樓已於10月封頂。")
    assert not {"B25", "B26", "B27", "B15", "B16"} & {n.upper() for n in names_of(f)}, names_of(f)
    assert "呼和浩特数据中心" in names_of(f, "Place"), names_of(f)


@pytest.mark.parametrize("sentence, firm, phrase", [
    ("大基金對北辰科技（002371）持倉192億元，對晴川矽業（688126）持倉164億元。", "晴川矽业", "对晴川"),
    ("越來越多硬科技公司獲得融資，星曜半導體也在排隊上市。", "星曜半导体", "越来越多"),
])
def test_a_preposition_or_a_quantifier_before_a_firm_is_no_part_of_its_name(facts, sentence, firm, phrase):
    f = facts(sentence)
    names = names_of(f, "Company")
    assert firm in names and not any(n.startswith(phrase) for n in names), names


@pytest.mark.parametrize("sentence, people", [
    ("星曜半導體9月發放限制型股票。企業永續資深副總經理林志遠獲得38張。", ("林志遠",)),
    ("星曜半導體9月發放限制型股票。執行副總經理暨共同營運長周文均與李明哲各拿到61張。", ("周文均", "李明哲")),
])
def test_a_vice_president_named_with_a_department_or_a_joint_post_works_for_the_company(facts, sentence, people):
    f = facts(sentence)
    for name in people:
        assert (key_of(f, name), "employer", key_of(f, "星曜半導體")) in relations_of(f), f.relations


def test_latin_names_in_brackets_after_what_a_bought_firm_does_are_the_firms_bought(facts):
    f = facts("從輝達鯨吞AI軟件公司(Varnix Labs)與數據引擎(Kestrel)，到高通接連拿下高速互連(Lumora)"
              "與開發平台(Tindle)，再到超微持續併購軟件棧公司(QX1, Brevo)。北辰科技也拿下星曜半導體訂單。")
    for bought, buyer in (("Varnix Labs", "輝達"), ("Kestrel", "輝達"), ("Lumora", "高通"),
                          ("Tindle", "高通"), ("QX1", "超微"), ("Brevo", "超微")):
        assert f.entities[key_of(f, bought)].cls == "Company", bought
        assert (key_of(f, bought), "ownedBy", key_of(f, buyer)) in relations_of(f), (bought, f.relations)
    assert (key_of(f, "星曜半導體"), "ownedBy", key_of(f, "北辰科技")) not in relations_of(f), f.relations


def test_到_before_a_firm_is_no_part_of_its_name(facts):
    f = facts("從上游材料，再到晴川電子持續併購軟件公司，產業整合加速。")
    assert "晴川电子" in names_of(f, "Company") and not any(n.startswith("到") for n in names_of(f)), names_of(f)


def test_an_article_of_a_law_is_no_policy_of_its_own(facts):
    f = facts("商務部指出，美方措施符合《星河對外貿易法》第七條規定的歧視性禁止，並依據《星河貿易擴張法》第232條規定展開調查。")
    assert not any(re.fullmatch(r"第.+条规定", n) for n in names_of(f)), names_of(f)
    assert any("贸易扩张法" in n for n in names_of(f)), names_of(f)


def test_a_committee_of_two_portfolios_is_named_whole(facts):
    f = facts("立法院教育及文化委員會今日邀請國科會主委報告晶片政策。")
    assert "教育及文化委员会" in names_of(f), names_of(f)
    assert "文化委员会" not in names_of(f), names_of(f)
    assert (key_of(f, "教育及文化委員會"), "parentOrganization", key_of(f, "立法院")) in relations_of(f), f.relations


def test_ages_later_in_a_sentence_and_before_的她_are_the_persons_named_before(facts):
    f = facts("林志遠9歲從小學畢業，14歲考進大學少年班，24歲拿到博士。晴川科技由周文均博士創立。2019年，當時52歲的她辭去星曜半導體技術長一職。")
    for value, person in (("9", "林志遠"), ("14", "林志遠"), ("24", "林志遠"), ("52", "周文均")):
        assert key_of(f, person) in owners_of(f, value), (value, f.statements)


@pytest.mark.parametrize("sentence, value", [
    ("董事長林志遠這次領到391張875股，合計持股增至804張175股。", "804175"),
    ("星曜半導體股價一年內大漲5倍，市值破2.2兆。", "2200000000000"),
])
def test_lots_of_shares_and_a_market_value_in_trillions_without_currency(facts, sentence, value):
    f = facts(sentence)
    assert any(st.amount is not None and st.amount.value == value for st in f.statements), f.statements


def test_a_share_price_in_pence_is_a_sum_in_pence(facts):
    f = facts("北辰科技將為每股星曜半導體股票支付183便士，較近期交易價溢價。")
    priced = [st for st in f.statements if st.amount is not None and st.amount.value == "183"]
    assert priced and all(st.amount.unit == "GBX" for st in priced), f.statements


def test_a_field_line_under_a_heading_is_about_the_headings_parties(facts):
    f = facts("北辰科技擬收購以色列Varnix Labs\n交易金額：20-30億美元（估值）\n公開時間：2025年12月31日")
    for value in ("2000000000", "3000000000"):
        assert {key_of(f, "北辰科技"), key_of(f, "Varnix Labs")} <= owners_of(f, value), (value, f.statements)


def test_a_figure_of_nothing_named_is_told_by_the_source_the_sentence_cites(facts):
    f = facts("據北辰研究數據，2025年至少有13個典型項目的單輪投資方超過15家。")
    source = key_of(f, "北辰研究")
    assert source in owners_of(f, "13") and source in owners_of(f, "15"), f.statements


def test_capitals_glossing_the_words_before_them_are_no_firm_bought(facts):
    f = facts("北辰電子以21.74億元收購半導體知識產權(IP)開發企業星曜微的控股權。")
    assert not any(n.upper() == "IP" for n in names_of(f, "Company")), names_of(f)


def test_到_opening_a_clause_of_an_enumeration_is_no_predicate_linking_it_to_the_clause_before(facts):
    f = facts("從輝達鯨吞AI軟件公司(Varnix Labs)，到高通接連拿下高速互連(Lumora)，再到超微持續併購軟件棧公司(Brevo)，趨勢清晰。")
    assert not linked(f, key_of(f, "輝達"), key_of(f, "Lumora")), f.statements
    assert not linked(f, key_of(f, "輝達"), key_of(f, "Brevo")), f.statements
    assert linked(f, key_of(f, "高通"), key_of(f, "Lumora")), f.statements


@pytest.mark.parametrize("sentence, places", [
    ("星曜半導體創辦人林子恒出身於江西南昌，早年在北京求學。", {"江西", "南昌"}),   # 江西|南昌 reads 西南 across
    ("北辰科技的新廠位於湖南長沙，明年投產。", {"湖南", "长沙"}),
])
def test_a_province_right_before_its_city_is_named_with_it(facts, sentence, places):
    f = facts(sentence)
    assert places <= names_of(f), names_of(f)


@pytest.mark.parametrize("sentence", [
    "隨著美日貿易談判持續推進，星曜半導體股價上漲。",
    "兩家公司在杭州展開新一輪經貿會談之際，星曜半導體宣布擴產。",
])
def test_a_word_of_time_or_a_verb_opens_no_events_name(facts, sentence):
    f = facts(sentence)
    events = names_of(f, "Event")
    assert not any(n.startswith(("随着", "随著")) or "展开" in n or n.startswith("新一轮") for n in events), events
    assert "星曜半导体" in names_of(f, "Company")


@pytest.mark.parametrize("sentence, nodes", [
    ("北辰半導體第四季3奈米出貨占晶圓銷售金額的28%，5奈米占35%。", {"3纳米", "5纳米"}),
    ("北辰半導體受惠5奈米與3奈米等先進製程貢獻，毛利率創新高。", {"3纳米", "5纳米"}),
    ("北辰半導體的製程已發展至2奈米，4奈米已於去年量產。", {"2纳米", "4纳米"}),
    ("北辰半導體第4季3奈米製程比重約30%，7奈米製程約12%。", {"3纳米", "7纳米"}),
    ("北辰半導體公布第4季營收。包含3奈米、5奈米及7奈米等先進製程比重達75%。", {"3纳米", "5纳米", "7纳米"}),
])
def test_a_foundrys_node_named_by_its_size_alone_is_its_product(facts, sentence, nodes):
    f = facts(sentence)
    assert nodes <= {n.replace("奈米", "纳米") for n in names_of(f, "Product")}, names_of(f)


def test_a_node_in_a_chips_specs_stays_a_figure(facts):
    f = facts("星曜9晶片採用3奈米製程，功耗降低兩成。")
    assert not any(n.startswith(("3纳米", "3奈米")) for n in names_of(f, "Product")), names_of(f)


def test_a_decimal_point_keeps_two_nodes_apart(facts):
    f = facts("北辰半導體的製程已發展至1.8奈米，18奈米出貨占營收的5%。")
    keys = {e.key for e in f.entities.values() if e.cls == "Product"}
    assert len(keys) == 2, keys


@pytest.mark.parametrize("sentence, policy", [
    ("商務部過去多次發布臨時規則，比如今年3月關於光刻設備的出口管制規定。", "光刻设备的出口管制规定"),
    ("晴川科技表示，將遵守有關先進封裝的限制規則。", "先进封装的限制规则"),
])
def test_a_rule_named_by_what_it_is_about_is_a_policy(facts, sentence, policy):
    f = facts(sentence)
    assert policy in names_of(f, "Policy"), names_of(f)


def test_a_companys_own_provision_is_no_policy(facts):
    f = facts("根據北辰科技章程關於董事任期的規定，林子恒將續任董事長。")
    assert not names_of(f, "Policy"), names_of(f)


@pytest.mark.parametrize("sentence", [
    "北辰存儲是交易所試點IPO預先審閱機制後的首單項目。",
    "晴川科技成為科創板首單預先審閱機制的IPO項目。",
])
def test_a_mechanism_a_regulator_pilots_is_a_policy(facts, sentence):
    f = facts(sentence)
    assert any(n.endswith("预先审阅机制") for n in names_of(f, "Policy")), names_of(f)


def test_a_mechanism_a_body_is_asked_to_set_up_is_no_policy(facts):
    f = facts("立委質疑，政府是否已建立量化監測機制，以追蹤北辰科技的投資。")
    assert not names_of(f, "Policy"), names_of(f)


def test_a_bodys_bare_name_after_another_countrys_shorthand_is_that_countrys_body(facts):
    f = facts("荷經濟部9月30日宣布接管星曜半導體，德經濟部則表示關注。")
    keys = {e.key for e in f.entities.values() if e.cls == "GovernmentAgency"}
    assert "netherlands-ministry-economic-affairs" in keys, keys
    assert "taiwan-moea" not in keys, keys   # Taiwan's 經濟部 is no Dutch or German ministry


@pytest.mark.parametrize("sentence, body", [
    ("今日經濟部表示，將補助北辰科技。", "taiwan-moea"),        # 今|日經|濟部: Nikkei's 日經 cuts 今日, hiding 經濟部
    ("5月15日商務部例行新聞發布會上，發言人回應了記者提問。", "mofcom"),   # a date's 日 is no Japan
])
def test_a_body_after_a_word_or_a_date_ending_in_a_countrys_character_is_found(facts, sentence, body):
    f = facts(sentence)
    assert body in f.entities, sorted(f.entities)


def test_a_code_right_after_a_word_for_a_plant_names_the_plant(facts):
    f = facts("北辰半導體位於清州的新廠M27X將於明年量產。")
    assert any(e.cls == "Place" and "M27X" in e.names for e in f.entities.values()), \
        [(e.cls, sorted(e.names)) for e in f.entities.values()]
    assert not any("M27X" in e.names for e in f.entities.values() if e.cls in ("Chip", "Product"))


@pytest.mark.parametrize("sentence", [
    "據FactLens預估，北辰科技第四季營收將達60億美元。",
    "北辰科技第四季營收達62億美元，高於FactLens預期的60億美元。",
])
def test_a_latin_name_that_estimates_is_a_body_and_the_figure_the_companys(facts, sentence):
    f = facts(sentence)
    body = next((e for e in f.entities.values() if "FactLens" in e.names), None)
    assert body is not None and body.cls in ("Organization", "Company"), [(e.cls, sorted(e.names)) for e in f.entities.values()]
    assert key_of(f, "北辰科技") in owners_of(f, "6000000000"), f.statements


@pytest.mark.parametrize("sentence, name", [
    ("北辰半導體與國家集成電路創新中心簽署合作協議。", "国家集成电路创新中心"),
    ("晴川商業航天創新中心天使輪吸引近30家機構參與。", "晴川商业航天创新中心"),   # the round it raised is no part of it
])
def test_an_innovation_centre_is_named_whole(facts, sentence, name):
    f = facts(sentence)
    assert name in names_of(f), names_of(f)


def test_a_kind_of_innovation_centre_is_no_name(facts):
    f = facts("北辰半導體將設立技術創新中心。")
    assert names_of(f) == {"北辰半导体"}, names_of(f)


@pytest.mark.parametrize("sentence, body", [
    ("北辰科技引述聯合國貿發會議數據指出，資料中心投資占全球五分之一。", "unctad"),
    ("聯合國安理會將就晶片走私案召開會議。", "un-security-council"),
])
def test_bodies_of_the_united_nations_are_known(facts, sentence, body):
    f = facts(sentence)
    assert body in f.entities, sorted(f.entities)


@pytest.mark.parametrize("sentence, place, value", [
    ("北辰科技今年營收成長20%。中國目前有近5000家晶片設計公司。", "中國", "5000"),
    ("北辰科技今年營收成長20%。香港去年有超過400家新經濟公司上市。", "香港", "400"),
    ("北辰科技擴產。大陸希望將先進晶片產能提升至10萬片。", "大陸", "100000"),
])
def test_a_place_that_opens_its_clause_and_has_the_figure_owns_it(facts, sentence, place, value):
    f = facts(sentence)
    assert owners_of(f, value) == {key_of(f, place)}, f.statements


def test_a_firms_figure_after_a_place_stays_the_firms(facts):
    f = facts("北辰科技表示，美國有意投資，公司今年營收將成長20%。")
    assert key_of(f, "北辰科技") in owners_of(f, "20"), f.statements


@pytest.mark.parametrize("sentence, people", [
    ("北辰科技公告，共同營運長王大明與林志遠各獲配6萬1750股，市值約8892萬元。", ("王大明", "林志遠")),
    ("北辰科技公告，其他高管如陳立群、張曉峰等人各分得38張950股，市值5608萬元。", ("陳立群", "張曉峰")),
])
def test_shares_granted_to_each_officer_are_each_ones(facts, sentence, people):
    f = facts(sentence)
    keys = {key_of(f, p) for p in people}
    assert keys <= owners_of(f, "88920000" if "8892" in sentence else "56080000"), f.statements
    assert keys & owners_of(f, "61750" if "8892" in sentence else "38950"), f.statements


@pytest.mark.parametrize("sentence, value", [
    ("晴川集成電路股份有限公司（證券代碼：603501，證券簡稱：晴川集團）公告擴產。", "603501"),
    ("晴川集成電路股份有限公司（轉債代碼：113616）公告擴產。", "113616"),
    ("晴川集成電路股份有限公司宣布，H股於港交所上市，股份代號為「0501」。", "501"),
])
def test_a_code_of_shares_or_bonds_is_the_companys(facts, sentence, value):
    f = facts(sentence)
    assert owners_of(f, value) == {key_of(f, "晴川集成電路股份有限公司")}, f.statements


def test_a_code_in_a_sentence_naming_no_company_is_the_next_ones(facts):
    f = facts("科創板交易大廳的電子屏上，代碼“688795”首次亮起。北辰科技成為首家上市的GPU公司。")
    assert owners_of(f, "688795") == {key_of(f, "北辰科技")}, f.statements


@pytest.mark.parametrize("sentence, value", [
    ("晴川電子新廠將新建4棟廠房。", "4"),
    ("晴川電子新廠將新建四棟廠房。", "4"),
    ("晴川電子新廠計劃總工期為698日曆天。", "698"),
])
def test_buildings_and_calendar_days_are_counted(facts, sentence, value):
    f = facts(sentence)
    assert key_of(f, "晴川電子") in owners_of(f, value), f.statements


def test_the_clauses_of_a_sentence_opening_with_the_project_are_the_facilitys(facts):
    f = facts("中國移動啟動中國移動呼和浩特數據中心擴建工程採購項目。該項目位於內蒙古自治區呼和浩特市，總建築面積約9.9萬平方米。")
    centre = next(k for k, e in f.entities.items() if any("数据中心" in n for n in names_of_entity(e)))
    assert owners_of(f, "99000") == {centre}, f.statements


def test_executives_named_after_the_word_for_them_are_the_companys(facts):
    f = facts("北辰科技公告發放限制型股票。其他高管如陳立群、張曉峰等人各分得38張950股。")
    assert {key_of(f, "陳立群"), key_of(f, "張曉峰")} <= employees_of(f, key_of(f, "北辰科技")), f.relations


def test_how_executives_respond_names_no_executive(facts):
    f = facts("北辰科技公告發放限制型股票。分析師關注公司高管如何應對。")
    assert not employees_of(f, key_of(f, "北辰科技")), f.relations


def owners_of_company(f, company: str) -> set[str]:
    return {r.object for r in f.relations if r.subject == company and r.property == "ownedBy"}


def test_the_controller_and_the_shareholders_listed_own_the_articles_company(facts):
    f = facts("北辰科技今天上市，北辰科技開盤大漲，北辰科技市值破千億。從股權架構來看，王大明為實際控制人，"
              "直接、間接持股36.36%，晴川資本、星曜創投等股東，持股占比分別為4.89%、4.78%。")
    assert {key_of(f, "王大明"), key_of(f, "晴川資本"), key_of(f, "星曜創投")} <= owners_of_company(f, key_of(f, "北辰科技")), f.relations


def test_the_shareholders_of_another_company_do_not_own_the_articles(facts):
    f = facts("北辰科技今天上市，北辰科技開盤大漲，北辰科技市值破千億。晴川電子引進晴川資本、星曜創投等股東。")
    assert not owners_of_company(f, key_of(f, "北辰科技")), f.relations


@pytest.mark.parametrize("sentence, word", [
    ("創投引導基金將成為支撐關鍵產業發展的戰略性資本。", "战略性资本"),
    ("北辰科技與晴川電子合作，成為全球性銀行的供應商。", "全球性银行"),
])
def test_a_word_made_an_adjective_by_xing_before_a_firm_word_names_no_firm(facts, sentence, word):
    f = facts(sentence)
    assert word not in names_of(f), names_of(f)


def test_a_short_name_a_security_is_listed_by_is_no_person(facts):
    f = facts("晴川集團（證券代碼：603501，證券簡稱：晴川集團；轉債代碼：113616，轉債簡稱：韋爾轉債）發布公告。")
    assert not names_of(f, "Person"), names_of(f, "Person")


def test_members_named_after_a_bare_包括_are_put_on_the_list(facts):
    f = facts("美國商務部工業與安全局將12家中國實體列入實體清單，包括晴川微電子有限公司、星曜半導體有限公司等。")
    listed = {k for st in f.statements if st.kind == "listing-add" for r, k in st.roles if r == "subject"}
    assert {key_of(f, "晴川微電子有限公司"), key_of(f, "星曜半導體有限公司")} <= listed, f.statements


def test_a_list_after_包括_in_a_sentence_listing_nothing_is_no_member(facts):
    f = facts("北辰科技將擴大投資，包括晴川電子在內的供應商都將受惠。")
    assert not any(st.kind == "listing-add" for st in f.statements), f.statements


def test_years_served_before_a_title_and_a_name_are_that_persons(facts):
    f = facts("北辰科技創辦人王大明帶走了在英偉達工作了16年的市場生態高級總監周苑。")
    assert owners_of(f, "16") == {key_of(f, "周苑")}, f.statements


def test_who_is_excepted_is_not_the_topic_of_the_clauses_after(facts):
    f = facts("北辰科技今天上市，北辰科技開盤大漲，北辰科技市值破千億。除了董事會秘書薛岩松外，北辰科技七人高管團隊中，有6人都曾在英偉達任職。")
    person = key_of(f, "薛岩松")
    assert person in employees_of(f, key_of(f, "北辰科技")), f.relations
    assert person not in employees_of(f, "nvidia"), f.relations


@pytest.mark.parametrize("sentence", [
    "北辰科技營收優於市場預期近4到5個百分點。",
    "北辰科技毛利率提升4至5個百分點。",
])
def test_a_range_of_percentage_points_gives_both_bounds(facts, sentence):
    f = facts(sentence)
    assert {"4", "5"} <= {st.amount.value for st in f.statements if st.amount is not None}, f.statements


@pytest.mark.parametrize("sentence, value", [
    ("北辰科技已連續3個季度刷新營收紀錄。", "3"),
    ("晴川電子連續三季獲利。", "3"),
    ("星曜半導體股價連續5個交易日上漲。", "5"),
])
def test_a_streak_of_periods_is_counted(facts, sentence, value):
    f = facts(sentence)
    firm = next(iter(names_of(f, "Company")))
    assert key_of(f, firm) in owners_of(f, value), f.statements


@pytest.mark.parametrize("sentence, value", [
    ("北辰科技市值攀上1.6萬億！", "1600000000000"),
    ("晴川電子市值跌至900億。", "90000000000"),
])
def test_a_market_value_reached_or_fallen_to_is_read(facts, sentence, value):
    f = facts(sentence)
    firm = next(iter(names_of(f, "Company")))
    assert key_of(f, firm) in owners_of(f, value), f.statements


def places_with(f, value: str) -> set[str]:
    return {k for st in f.statements if st.amount is not None and st.amount.value == value for r, k in st.roles if r == "location"}


def test_counts_of_listed_members_by_place_are_each_places(facts):
    f = facts("美國商務部將20家實體列入實體清單，其中中國15家，印度、新加坡各一家，土耳其三家。")
    assert places_with(f, "15") == {key_of(f, "中國")}, f.statements
    assert places_with(f, "1") == {key_of(f, "印度"), key_of(f, "新加坡")}, f.statements
    assert places_with(f, "3") == {key_of(f, "土耳其")}, f.statements


def test_both_before_a_noun_is_no_count(facts):
    f = facts("北辰科技與晴川電子合作，兩家公司將共同開發新晶片。")
    assert not any(st.amount is not None and st.amount.value == "2" for st in f.statements), f.statements


@pytest.mark.parametrize("sentence", ["晴川電子新廠計劃分兩期建設。", "晴川電子新廠計劃分2期建設。"])
def test_the_phases_a_project_is_built_in_are_counted(facts, sentence):
    f = facts(sentence)
    assert key_of(f, "晴川電子") in owners_of(f, "2"), f.statements


def test_paying_in_instalments_counts_no_phase(facts):
    f = facts("晴川電子將分期付款。")
    assert not any(st.amount is not None for st in f.statements), f.statements


def test_a_time_before_a_clauses_own_subject_keeps_its_figure_from_the_statement_before(facts):
    f = facts("美國仍禁止晴川電子出售最先進的晶片，據估計，到2025年北辰科技將向中國銷售約1.5萬顆曜芯S9晶片。")
    assert not any(st.kind != "Measurement" and st.amount is not None and st.amount.value == "15000"
                   for st in f.statements), f.statements


def test_a_family_named_by_its_surname_is_each_of_its_members(facts):
    f = facts("北辰科技由陳立群與陳立峰創辦。出身於江西南昌的陳氏兄弟，從小就被視為天才兒童。")
    place = key_of(f, "南昌")
    assert linked(f, key_of(f, "陳立群"), place) and linked(f, key_of(f, "陳立峰"), place), f.statements


def test_a_surname_family_with_one_bearer_names_no_one_else(facts):
    f = facts("北辰科技由陳立群創辦，王大明任執行長。出身於江西南昌的王氏家族經營多家企業。")
    assert not linked(f, key_of(f, "陳立群"), key_of(f, "南昌")), f.statements


def test_a_board_named_with_its_exchanges_name_names_the_exchange_too(facts):
    f = facts("晴川科技今日在港交所主板掛牌上市。")
    assert "hkex" in f.entities and "hkex-main-board" in f.entities, sorted(f.entities)
    assert linked(f, key_of(f, "晴川科技"), "hkex"), f.statements


def developers_of(f, maker: str) -> set[str]:
    return {r.subject for r in f.relations if r.property == "developer" and r.object == maker}


def test_the_products_a_companys_product_line_lists_are_its_own(facts):
    f = facts("北辰科技成立於2020年，主要產品包括用於遊戲的圖形卡系列，如BX-300和BX-500，以及面向AI推理的加速平台，如QL900等。")
    assert {key_of(f, "BX-300"), key_of(f, "BX-500"), key_of(f, "QL900")} <= developers_of(f, key_of(f, "北辰科技")), f.relations


def test_a_product_line_of_another_firm_s_chips_is_not_the_sellers(facts):
    f = facts("北辰科技成立於2020年，主要產品包括搭載英偉達H100的伺服器。")
    assert "nvidia-h100" not in developers_of(f, key_of(f, "北辰科技")), f.relations


def test_who_passed_into_a_university_studied_there(facts):
    f = facts("王大明9歲從小學畢業，14歲考進頂尖高校中國科學技術大學少年班。")
    assert any(r.subject == key_of(f, "王大明") and r.property == "educatedAt" and r.object == "ustc" for r in f.relations), f.relations


def test_passing_into_a_post_at_a_firm_is_no_study(facts):
    f = facts("林志遠考上北辰科技的工程師職位。")
    assert not any(r.property == "educatedAt" for r in f.relations), f.relations


def test_a_minister_named_by_his_ministrys_words_works_for_the_ministry_the_article_names(facts):
    f = facts("荷蘭經濟大臣范德林發表聲明。中方同意荷經濟部派員來華磋商。")
    assert employees_of(f, "netherlands-ministry-economic-affairs") == {key_of(f, "范德林")}, f.relations


def test_a_minister_of_one_of_two_ministries_of_the_same_words_works_for_neither_by_this_rule(facts):
    f = facts("美國商務部長范德林表示，將與中國商務部談判。")
    assert key_of(f, "范德林") not in employees_of(f, "mofcom"), f.relations


def test_a_japanese_firms_president_is_its_chief_executive(facts):
    f = facts("晴川電子的社長田中一郎在記者會上表示，二廠將於明年啟用。")
    assert any(r.subject == key_of(f, "晴川電子") and r.property == "chiefExecutiveOfficer"
               and r.object == key_of(f, "田中一郎") for r in f.relations), f.relations


def test_the_chief_named_after_是_holds_every_post_listed(facts):
    f = facts("據報導，北辰科技的創辦人、董事長兼CEO是王大明。")
    firm, person = key_of(f, "北辰科技"), key_of(f, "王大明")
    props = {r.property for r in f.relations if r.subject == firm and r.object == person}
    assert {"chiefExecutiveOfficer", "chairperson", "foundedBy"} <= props, f.relations


def test_a_vice_president_named_after_是_is_no_chief(facts):
    f = facts("據報導，北辰科技的副總裁是王大明。")
    assert not any(r.property == "chiefExecutiveOfficer" for r in f.relations), f.relations
