"""The gazetteer bridge: English and pinyin words of a question to the corpus's Chinese."""

from hypothesis import given
from hypothesis import strategies as st

from assistant.lexicon.gazetteer import Gazetteer
from tests.strategies import FAST

NAMES = {
    "乐陵": "place",
    "乐陵市": "place",
    "莘县": "place",
    "莘": "place",
    "东营": "place",
    "胜利油田": "org",
    "胜利": "org",
    "王静": "person",
}
GAZ = Gazetteer.from_names(NAMES)


def terms(question: str, gaz: Gazetteer = GAZ) -> list[str]:
    return gaz.bridge(question)[0].split()


def test_every_reading_of_a_name_is_a_key() -> None:
    assert GAZ.aliases["leling"] == "乐陵"
    assert GAZ.aliases["yueling"] == "乐陵"  # 乐 also reads yue
    assert GAZ.aliases["shenxian"] == GAZ.aliases["xinxian"] == "莘县"
    assert GAZ.aliases["shengliyoutian"] == "胜利油田"
    assert GAZ.aliases["wangjing"] == "王静"
    assert set(GAZ.aliases.values()) == set(NAMES)


def test_shorter_names_win_a_shared_key() -> None:
    # '·' has no reading, so 乐陵· keys as leling too; listed first, it still loses
    gaz = Gazetteer.from_names({"乐陵·": "org", "乐陵": "place"})
    assert gaz.aliases["leling"] == "乐陵" and gaz.aliases["yueling"] == "乐陵"


def test_place_names_bridge_to_the_articles_words() -> None:
    assert "乐陵" in terms("which hospitals support Leling")
    assert "乐陵" in terms("leling")  # lower case too
    assert terms("Dongying") == ["东营"]
    assert terms("Leling City") == ["乐陵市"]
    assert terms("Wang Jing") == ["王静"]  # a person, written as two words


def test_county_merges_into_the_name_the_articles_use() -> None:
    assert "莘县" in terms("Who supports Shen County?")
    # without 莘县 among the names, the parts stay apart
    gaz = Gazetteer.from_names({"莘": "place"})
    assert "莘县" not in terms("Who supports Shen County?", gaz)
    assert {"莘", "县"} <= set(terms("Who supports Shen County?", gaz))


def test_glossary_words_bridge_with_their_alternatives() -> None:
    bridged, _ = GAZ.bridge("which hospitals support Leling")
    support = next(t for t in bridged.split() if "支援" in t)
    assert set(support.split("/")) >= {"支援", "帮扶", "对口支援"}
    assert "医院" in bridged.split()  # plural 'hospitals' → 医院
    assert "人民医院" in terms("Shen County People's Hospital")
    # maternal & child, maternal-child: the glossary's phrase, not 'child' alone
    for written in ("maternal & child health hospital", "maternal-child health hospital"):
        assert "妇幼保健院" in terms(written) and "儿童" not in terms(written)


def test_set_alone_is_no_founding() -> None:
    assert "成立" in terms("when was the alliance set up")
    assert "成立" not in terms("what is this set of articles about")


def test_unknown_capitalised_words_are_reported() -> None:
    bridged, unknown = GAZ.bridge("Tell me about Qingdao hospitals")
    assert unknown == ["Qingdao"]
    assert "医院" in bridged.split() and "Qingdao" not in bridged


def test_known_names_and_the_first_word_are_not_unknown() -> None:
    assert GAZ.bridge("Which hospitals support Leling")[1] == []
    assert GAZ.bridge("Qingdao")[1] == []  # a capital at the start proves nothing


def test_chinese_text_bridges_to_nothing() -> None:
    assert GAZ.bridge("哪些医院支援乐陵?") == ("", [])
    assert GAZ.bridge("") == ("", [])


def test_an_empty_gazetteer_still_bridges_glossary_words() -> None:
    bridged, unknown = Gazetteer.from_names({}).bridge("hospital experts in Leling")
    assert {"医院", "专家"} <= set(bridged.split())
    assert unknown == ["Leling"]


@FAST
@given(st.text(max_size=50))
def test_bridge_never_raises(text: str) -> None:
    terms, unknown = GAZ.bridge(text)
    assert isinstance(terms, str) and isinstance(unknown, list)


def test_a_short_form_of_one_name_bridges_from_its_pinyin() -> None:
    gaz = Gazetteer.from_names({"山东大学第二医院": "institution", "莘县": "place"})
    assert terms("what did Shanda Er Yuan do in Shenxian", gaz) == ["山东大学第二医院", "莘县"]
    assert gaz.bridge("Shanda Er Yuan")[1] == []  # no word of it is an unknown name


def test_a_short_form_two_names_share_bridges_to_neither() -> None:
    gaz = Gazetteer.from_names({"东营市人民医院": "institution", "乐陵市人民医院": "institution"})
    assert "shirenminyiyuan" not in gaz.aliases  # 市人民医院: of 东营 or of 乐陵


def test_a_class_of_institution_is_the_one_of_the_place_its_article_names() -> None:
    gazetteer = Gazetteer.from_names(
        {"丽水市妇幼保健院": "institution", "东营市妇幼保健院": "institution"}
    )
    text = "下联:以市妇保院为龙头,与9个县妇计中心互联互通"
    assert gazetteer.short_name_spans(text) == []  # whose 市妇保院: the text does not say
    assert gazetteer.short_name_spans(text, "丽水 丽水市") == [(4, 8, "丽水市妇幼保健院")]
    # an article naming neither place, or a class form only one name has, resolves to none
    assert gazetteer.short_name_spans(text, "温州 杭州") == []
    alone = Gazetteer.from_names({"庆云县人民医院": "institution", "东营市人民医院": "institution"})
    assert alone.short_name_spans("县医院派出专家", "东营 东营市") == []
    assert alone.short_name_spans("县医院派出专家", "庆云县") == [(0, 3, "庆云县人民医院")]
