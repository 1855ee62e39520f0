"""The one name finder: full institution names with their spans, short forms, resolution in
an article's context, tiers, and the names the gazetteer harvests."""

import pytest

from assistant.lexicon.names import ORG_HEAD, aliases, article_mentions, full_names, harvest, tier
from assistant.textnorm import to_search_form

mentions = article_mentions


def test_full_names_with_their_spans() -> None:
    text = "山东大学齐鲁医院德州医院与乐陵市人民医院开展对口支援工作座谈会。"
    found = full_names(text)
    assert found == [("山东大学齐鲁医院德州医院", 0, 12), ("乐陵市人民医院", 13, 20)]
    for name, start, end in found:
        assert text[start:end] == name


def test_the_longer_name_wins_over_the_name_inside_it() -> None:
    names = [n for n, _, _ in full_names("山东大学齐鲁医院德州医院派出专家。")]
    assert names == ["山东大学齐鲁医院德州医院"]  # not 山东大学齐鲁医院 as well


def test_common_words_before_a_name_are_not_part_of_it() -> None:
    assert [n for n, _, _ in full_names("此次胜利油田中心医院派驻专家。")] == ["胜利油田中心医院"]


def test_a_bare_head_word_is_not_a_name() -> None:
    assert full_names("我们去医院看病,医院很大。") == []


def test_county_group_in_parentheses_stays_one_name() -> None:
    assert full_names("丽水县(市)妇计中心开会。") == [("丽水县(市)妇计中心", 0, 10)]


@pytest.mark.parametrize(
    "name, expected",
    [
        ("东营市第二人民医院", {"东营第二人民医院", "市第二人民医院", "市二院"}),
        ("莘县人民医院", {"莘人民医院", "县人民医院", "县医院"}),
        ("山东大学第二医院", {"山大二院"}),
        ("胜利油田中心医院", {"中心医院"}),
        ("丽水市妇幼保健院", {"丽水妇幼保健院", "市妇幼保健院", "市妇保院", "妇保院"}),
        # a university's affiliated hospital, with its school and without (附二院)
        ("温州医科大学附属第二医院", {"温医附二院", "附二院", "二附院"}),
        ("郑州大学第一附属医院", {"郑大一附院", "一附院"}),
    ],
)
def test_aliases(name: str, expected: set[str]) -> None:
    assert expected <= aliases(name)


def test_aliases_never_include_the_name_or_two_character_forms() -> None:
    for name in ("东营市第二人民医院", "乐陵市人民医院", "山东大学第二医院"):
        forms = aliases(name)
        assert name not in forms
        assert all(len(a) >= 3 for a in forms)
    assert "二院" not in aliases("东营市第二人民医院")
    assert "人民医院" not in aliases("武汉大学人民医院")  # no 附: no form without its school


@pytest.mark.parametrize(
    "name, level",
    [
        ("山东大学第二医院", 3),
        ("山东省立医院", 3),
        ("国家儿童医学中心", 3),
        ("德州市人民医院", 2),
        ("胜利油田中心医院", 2),
        ("莘县人民医院", 1),
        ("阳谷县人民医院", 1),
    ],
)
def test_tier(name: str, level: int) -> None:
    assert tier(name) == level


def test_a_university_hospital_outranks_a_county_hospital() -> None:
    assert tier("山东大学第二医院") > tier("德州市人民医院") > tier("莘县人民医院")


@pytest.mark.parametrize(
    "text, outlet, short, full",
    [
        (
            "山东大学第二医院与莘县人民医院签约。山大二院与县医院签约建立紧密型医联体。",
            None,
            "山大二院",
            "山东大学第二医院",
        ),
        (
            "山东大学第二医院与莘县人民医院签约。山大二院与县医院签约建立紧密型医联体。",
            None,
            "县医院",
            "莘县人民医院",
        ),
        (
            "东营市第二人民医院举行仪式。胜利油田中心医院与市二院共建紧密型城市医疗集团。",
            None,
            "市二院",
            "东营市第二人民医院",
        ),
        (to_search_form("樂陵市人民醫院院長王靜。"), None, "乐陵市人民医院", "乐陵市人民医院"),
        (
            "我院与丽水市妇幼保健院签署合作协议。",
            "温州医科大学附属第二医院",
            "我院",
            "温州医科大学附属第二医院",
        ),
    ],
)
def test_short_names_resolve_in_context(text, outlet, short, full) -> None:
    found = {text[m.start : m.end]: m.name for m in mentions(text, outlet)}
    assert found[short] == full


def test_short_name_is_not_guessed_without_its_full_name() -> None:
    assert not [m for m in mentions("市二院召开会议。", None) if "二院" in m.name]


def test_mentions_are_in_text_order_and_do_not_overlap() -> None:
    text = "山东大学第二医院与莘县人民医院签约。山大二院与县医院签约。"
    found = mentions(text, None)
    assert [(m.name, text[m.start : m.end]) for m in found] == [
        ("山东大学第二医院", "山东大学第二医院"),
        ("莘县人民医院", "莘县人民医院"),
        ("山东大学第二医院", "山大二院"),
        ("莘县人民医院", "县医院"),
    ]
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


def test_an_ambiguous_short_form_is_left_alone() -> None:
    text = "甲县人民医院和乙县人民医院都来了。县医院说。"
    names = [text[m.start : m.end] for m in mentions(text, None)]
    assert "县医院" not in names  # two county hospitals: which one is not guessed


def test_a_name_in_parentheses_after_another_is_the_same_institution() -> None:
    text = "丽水市妇幼保健院与杭州市妇产科医院(杭州市妇幼保健院)签约。"
    found = [(m.name, text[m.start : m.end]) for m in mentions(text, None)]
    assert ("杭州市妇产科医院", "杭州市妇幼保健院") in found


def test_we_is_the_outlet_only_when_the_outlet_is_a_hospital() -> None:
    text = "我院与丽水市妇幼保健院签署合作协议。"
    assert not [m for m in mentions(text, "大众网") if text[m.start : m.end] == "我院"]


def test_harvest_finds_places_organizations_and_their_stems() -> None:
    found = harvest("山东大学第二医院与莘县人民医院签约。胜利油田中心医院专家到冠县人民医院。")
    assert found["莘县"] == "place" and found["莘"] == "place"
    assert found["冠县"] == "place" and found["冠"] == "place"  # a county jieba does not know
    assert found["山东大学"] == "org" and found["山东"] == "org"
    assert found["胜利油田"] == "org" and found["胜利"] == "org"
    assert "医院" not in found and "人民医院" not in found


def test_harvest_skips_generic_words_and_common_nouns() -> None:
    found = harvest("城区的社区医院和园区的专家召开会议。")
    assert not {"城区", "社区", "园区", "专家", "会议"} & set(found)


def test_a_particle_before_a_name_is_not_part_of_it() -> None:
    # jieba reads 调研了市 as 调研 + 了市: the name is 市妇幼保健院
    found = full_names("于小千一行现场调研了市妇幼保健院儿童康复科", ORG_HEAD)
    assert [n for n, _, _ in found] == ["市妇幼保健院"]
    name, start, end = found[0]
    assert "于小千一行现场调研了市妇幼保健院儿童康复科"[start:end] == name


def test_the_health_commission_is_one_agency_by_its_old_and_new_names() -> None:
    from assistant.lexicon.names import expansions

    assert "东营市卫生健康委" in expansions("东营市卫计委")
    assert "东营市卫生计生委" in expansions("东营市卫健委")
    # and written out: a reader's 卫生健康委 is a 2017 article's 卫生计生委
    assert "浙江省卫生计生委" in expansions("浙江省卫生健康委")
    assert [n for n, _, _ in full_names("东营市卫计委主任致辞", ORG_HEAD)] == ["东营市卫计委"]


def test_a_county_whose_name_holds_a_particle_keeps_it() -> None:
    assert [n for n, _, _ in full_names("和县人民医院召开会议", ORG_HEAD)] == ["和县人民医院"]
    assert [n for n, _, _ in full_names("在和田县人民医院", ORG_HEAD)][0].endswith("和田县人民医院")


def test_a_date_is_said_as_the_asker_says_it() -> None:
    from assistant.lexicon.glossary import spoken_date

    assert spoken_date("2017-12-12", "zh-Hant") == "2017年12月12日"
    assert spoken_date("2025-03-17", "en") == "March 17, 2025"
    assert spoken_date("2024", "en") == "2024" and spoken_date("n.d.", "zh") == "n.d."
