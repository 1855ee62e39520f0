"""The partnership kinds table: triggers, precedence, English labels, colours, symmetry."""

import pytest

from assistant.lexicon.kinds import (
    DEFAULT_COLOUR,
    KINDS,
    SYMMETRIC_KINDS,
    as_written,
    colour,
    english,
    find_kind,
    kinds_in,
)


@pytest.mark.parametrize(
    "sentence, kinds",
    [
        ("山东大学齐鲁医院德州医院与乐陵市人民医院开展对口支援工作座谈会。", ["对口支援"]),
        ("市人民医院对口帮扶县医院。", ["对口支援"]),
        ("山东大学第二医院与莘县人民医院签约建立紧密型医联体。", ["紧密型医联体"]),
        ("两院融合发展,打造一体化模式。", ["一体化融合"]),
        ("专家工作站揭牌成立。", ["专家工作站"]),
        ("五家医院联合成立医联体。", ["医联体成员"]),
        ("双方签署合作协议。", ["签约合作"]),
        ("今天天气很好,会议顺利召开。", []),
    ],
)
def test_kinds_in(sentence: str, kinds: list[str]) -> None:
    assert kinds_in(sentence) == kinds


def test_the_first_kind_in_table_order_wins() -> None:
    # 对口支援 comes before 签约合作: a sentence stating both is paired assistance
    assert kinds_in("双方签约开展对口支援。") == ["对口支援"]
    assert kinds_in("联合成立医联体并签约。") == ["医联体成员"]


def test_stationed_experts_are_kept_beside_the_main_kind() -> None:
    sentence = "胜利油田中心医院首批派驻专家共71名,与东营市第二人民医院共建城市医疗集团。"
    assert kinds_in(sentence) == ["城市医疗集团", "派驻专家"]
    assert kinds_in("首批派驻专家共71名。") == ["派驻专家"]  # once, not twice


@pytest.mark.parametrize(
    "label, kind",
    [
        ("对口支援", "对口支援"),
        ("  对口支援 ", "对口支援"),
        ("paired assistance", "对口支援"),
        ("Paired Assistance", "对口支援"),
        ("medical alliance membership", "医联体成员"),
        ("stationed experts", "派驻专家"),
        ("urban", None),
        ("支援", None),
        ("", None),
    ],
)
def test_find_kind(label: str, kind: str | None) -> None:
    assert find_kind(label) == kind


def test_english_labels_and_their_inverse() -> None:
    assert english("派驻专家") == "stationed experts"
    assert english("未知的类型") == "未知的类型"  # unknown kinds pass through
    for k in KINDS:
        assert find_kind(english(k.name)) == k.name


def test_colours() -> None:
    assert colour("对口支援") == "#0969da"
    assert colour("no such kind") == DEFAULT_COLOUR
    assert all(colour(k.name).startswith("#") and len(colour(k.name)) == 7 for k in KINDS)


def test_the_table_names_each_kind_once() -> None:
    names = [k.name for k in KINDS]
    assert len(set(names)) == len(names)
    assert set(names) >= {"对口支援", "紧密型医联体", "城市医疗集团", "派驻专家", "签约合作"}
    assert len({k.english for k in KINDS}) == len(KINDS)


def test_symmetric_kinds_are_integration_and_alliance_membership() -> None:
    assert {"一体化融合", "医联体成员"} == SYMMETRIC_KINDS
    assert "对口支援" not in SYMMETRIC_KINDS  # paired assistance has a supporting side


def test_the_kind_a_claim_names_is_read_in_either_language() -> None:
    from assistant.lexicon.kinds import kind_claimed

    assert kind_claimed("胜利油田中心医院跟市二院搞的是县域医共体吧", False) == "县域医共体"
    assert kind_claimed("is it an urban medical group?", True) == "城市医疗集团"
    assert kind_claimed("他们合作了吗", False) == ""


def test_a_kind_is_shown_with_the_type_word_its_sentence_writes() -> None:
    from assistant.types import Relation

    assert as_written("城市医疗集团", "双方共建紧密型城市医疗集团") == "紧密型城市医疗集团"
    assert as_written("城市医疗集团", "双方共建城市医疗集团") == "城市医疗集团"
    sentence = "勝利油田中心醫院與市二院共建緊密型城市醫療集團。"  # Traditional, as stored
    written = Relation("甲医院", "乙医院", "城市医疗集团", "d", sentence).kind_written
    assert written == "紧密型城市医疗集团"
