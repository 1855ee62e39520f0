"""English names: word-level rendering of institutions and places (glossary.render_name),
people (render_person, Gazetteer.render), and which words the gazetteer harvests as real
names at all (names.harvest), checked on the bundled articles."""

from __future__ import annotations

import re

import pytest
from hypothesis import given

from assistant.lexicon.gazetteer import Gazetteer
from assistant.lexicon.glossary import SURNAMES, render_name, render_person, surname
from assistant.lexicon.names import harvest
from assistant.textnorm import to_search_form
from ingest.clean import clean
from tests.conftest import CORPUS
from tests.strategies import FAST, TEXT

# The ordinal goes before 附属 ("Second Affiliated Hospital"); 附属 with anything else
# keeps its place ("Affiliated Provincial Hospital").
EXAMPLES = {
    "菏泽市立医院": "Heze Municipal Hospital",
    "山东第一医科大学附属省立医院": (
        "Shandong First Medical University Affiliated Provincial Hospital"
    ),
    "烟台毓璜顶医院": "Yantai Yuhuangding Hospital",
    "乐陵市人民医院": "Leling People's Hospital",
    "东营市第二人民医院": "Dongying Second People's Hospital",
    "山东大学齐鲁医院德州医院": "Shandong University Qilu Hospital Dezhou Hospital",
    "莘县人民医院": "Shen County People's Hospital",
    "胜利油田中心医院": "Shengli Oilfield Central Hospital",
    "山东大学第二医院": "Shandong University Second Hospital",
    "丽水市妇幼保健院": "Lishui Maternal and Child Health Hospital",
    "温州医科大学附属第二医院": "Wenzhou Medical University Second Affiliated Hospital",
}
# Names the bundled articles use (corpus/*.txt, institutions found by names.full_names).
CORPUS_NAMES = {
    "东营市人民医院": "Dongying People's Hospital",
    "东营市妇幼保健院": "Dongying Maternal and Child Health Hospital",
    "东营市卫生健康委员会": "Dongying Health Commission",
    "聊城市卫健委": "Liaocheng Health Commission",
    "莘县卫健局": "Shen County Health Bureau",
    "中国妇幼保健协会": "China Maternal and Child Health Association",
    "山东省卫生健康委员会": "Shandong Provincial Health Commission",
    "山东省妇幼保健协会": "Shandong Provincial Maternal and Child Health Association",
    "杭州市妇产科医院": "Hangzhou Obstetrics and Gynecology Hospital",
    "杭州市妇幼保健院": "Hangzhou Maternal and Child Health Hospital",
    "浙江省肿瘤医院": "Zhejiang Provincial Cancer Hospital",
    "浙江大学医学院附属妇产科医院": (
        "Zhejiang University School of Medicine Affiliated Obstetrics and Gynecology Hospital"
    ),
    "浙江省医学学术交流管理中心": (
        "Zhejiang Provincial Medical Academic Exchange Management Center"
    ),
    "莲都区计划生育宣传技术指导站": (
        "Liandu District Family Planning Publicity Technical Guidance Station"
    ),
    "丽水县(市)妇计中心": (
        "Lishui County (City) Maternal and Child Health and Family Planning Center"
    ),
    "丽水妇幼保健院": "Lishui Maternal and Child Health Hospital",
    "城市医疗集团": "Urban Medical Group",
}
PLACES = {
    "烟台": "Yantai",
    "山东": "Shandong",
    "山东省": "Shandong Province",
    "东营市": "Dongying",
    "乐陵市": "Leling",
    "莘县": "Shen County",
    "莘": "Shen",  # 莘 also reads xin; as a place it is Shen
    "广饶县": "Guangrao County",
    "莲都区": "Liandu District",  # not Liandou
    "大王镇": "Dawang Town",
    "丽水地区": "Lishui Prefecture",
}
WORD_RULES = {
    "县立医院": "County Hospital",
    "德州市第一人民医院": "Dezhou First People's Hospital",
    "青岛大学附属医院": "Qingdao University Affiliated Hospital",
    "青岛大学附属第一医院": "Qingdao University First Affiliated Hospital",
    "潍坊市中医院": "Weifang Hospital of Traditional Chinese Medicine",
    "广饶县大王镇卫生院": "Guangrao County Dawang Town Health Center",
    "市第三人民医院": "Municipal Third People's Hospital",  # 市 with no place before it
    "县医院": "County Hospital",
    "镇江市第一人民医院": "Zhenjiang First People's Hospital",  # 镇江 is not 镇 + 江
    "西安市中心医院": "Xi'an Central Hospital",
    "单县中心医院": "Shan County Central Hospital",
}


@pytest.mark.parametrize(
    ("name", "english"), [*EXAMPLES.items(), *CORPUS_NAMES.items(), *WORD_RULES.items()]
)
def test_institution_names_render_word_by_word(name: str, english: str) -> None:
    assert render_name(name) == english


@pytest.mark.parametrize(("name", "english"), PLACES.items())
def test_place_names_are_one_capitalised_word_and_keep_a_county(name: str, english: str) -> None:
    assert render_name(name) == english


def corpus_text() -> str:
    texts = []
    for path in sorted(CORPUS.glob("*.txt")):
        doc = clean(path.stem, path.read_text(encoding="utf-8"))
        texts.append(to_search_form(doc.title + "\n" + doc.text))
    return "\n".join(texts)


def test_the_corpus_names_are_really_in_the_corpus() -> None:
    text = corpus_text()
    assert [name for name in CORPUS_NAMES if name not in text] == []


def test_affiliated_order_is_consistent() -> None:
    for ordinal in ("First", "Second", "Third"):
        zh = {"First": "第一", "Second": "第二", "Third": "第三"}[ordinal]
        assert render_name(f"温州医科大学附属{zh}医院").endswith(f"{ordinal} Affiliated Hospital")
    assert render_name("济宁医学院附属医院").endswith("School of Medicine Affiliated Hospital")


@pytest.mark.parametrize(
    ("name", "english"),
    [
        ("冯世庆", "Feng Shiqing"),
        ("丁春辉", "Ding Chunhui"),
        ("王国敬", "Wang Guojing"),
        ("欧阳修", "Ouyang Xiu"),  # a two-character surname
        ("单雄信", "Shan Xiongxin"),  # a surname read unlike the word
        ("曾国藩", "Zeng Guofan"),
    ],
)
def test_people_render_surname_first(name: str, english: str) -> None:
    assert render_person(name) == english


def test_a_surname_is_one_character_or_a_two_character_surname_whole() -> None:
    assert surname("冯世庆") == "冯" and surname("欧阳修") == "欧阳"
    assert surname("欧阳") == "欧"  # a two-character name: surname and given name


def test_the_gazetteer_renders_people_places_and_known_names_as_words() -> None:
    gaz = Gazetteer.from_names({"丁春辉": "person", "莘县": "place", "毓璜顶": "place"})
    assert gaz.render("丁春辉") == "Ding Chunhui"
    assert gaz.render("莘县") == "Shen County"
    assert gaz.render("烟台毓璜顶医院") == "Yantai Yuhuangding Hospital"
    assert gaz.render("莘县人民医院") == "Shen County People's Hospital"
    annotated = gaz.annotate("莘县人民医院与丁春辉")
    assert "莘县人民医院 (Shen County People's Hospital)" in annotated
    assert "丁春辉 (Ding Chunhui)" in annotated


@FAST
@given(TEXT)
def test_render_name_never_raises_and_leaves_no_glued_chinese(text: str) -> None:
    out = render_name(text)
    assert isinstance(out, str)
    assert not re.search(r"[\u4e00-\u9fff]", out)


# ---- which words are names at all ---------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_names() -> dict[str, str]:
    return harvest(corpus_text())


def people(found: dict[str, str]) -> set[str]:
    return {word for word, kind in found.items() if kind == "person"}


def test_common_nouns_are_not_people() -> None:
    assert "高水平" not in harvest("举办高水平学术会议,推动县医疗卫生事业迈向更高水平。")
    found = harvest("设立儿童保健科专家工作站、儿童呼吸科董琳专家工作站。")
    assert not {"儿童呼吸科", "呼吸科", "保健科"} & people(found)
    assert found.get("董琳") == "person"


def test_people_are_found_next_to_their_titles() -> None:
    found = harvest("浙江省卫计委王国敬副主任在启动仪式上讲话,市二院党委书记丁春辉致辞。")
    assert {"王国敬", "丁春辉"} <= people(found)
    assert people(harvest("院长王静及在院领导班子成员出席会议。")) == {"王静"}


def test_the_real_articles_people_are_people(corpus_names: dict[str, str]) -> None:
    found = people(corpus_names)
    assert {"冯世庆", "张月莲", "丁春辉", "李文元", "王国敬"} <= found
    assert not {"高水平", "儿童呼吸科", "呼吸科", "康复科", "卫健委", "大王镇"} & found
    assert not {"立新功", "老大哥", "党组", "党总支", "班子"} & found
    assert all(name[0] in SURNAMES and 2 <= len(name) <= 3 for name in found), found


def test_the_real_articles_places_and_organizations_are_names(
    corpus_names: dict[str, str],
) -> None:
    assert corpus_names["大王镇"] == "place"  # jieba tags it as a person
    assert corpus_names["莘县"] == corpus_names["东营市"] == "place"
    assert "了市" not in corpus_names and "了" not in corpus_names  # 调研了市妇幼保健院
    assert not {"卫生室", "国家队", "党工委", "中医药", "卫生院"} & set(corpus_names)
    assert corpus_names["胜利油田"] == corpus_names["齐鲁"] == "org"
