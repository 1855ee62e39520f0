"""Questions asked of each of several parties: which parties, the question as asked of
one of them, and the answers joined with their citations numbered on."""

from __future__ import annotations

import pytest

from assistant.lexicon.gazetteer import Gazetteer
from assistant.lexicon.questions import EACH_ARTICLE
from assistant.qa import parties
from assistant.qa.analyze import parse
from assistant.types import Answer, Article, Citation
from tests.unit.qa.test_answer import GAZ


def test_parties_are_the_places_and_institutions_asked_of_each() -> None:
    query = parse("乐陵和莘县这两场活动各来了多少人?", GAZ)
    assert [p.names for p in parties.parties(query, GAZ)] == [("乐陵",), ("莘县",)]
    assert parties.parties(parse("乐陵的活动来了多少人?", GAZ), GAZ) == []  # one party
    assert parties.parties(parse("乐陵和莘县哪个先签约?", GAZ), GAZ) == []  # not of each


def test_one_party_drops_the_others_and_the_words_of_each() -> None:
    query = parse("乐陵和莘县这两场活动各来了多少人?", GAZ)
    sub = parties.one_party(query, parties.Party(("乐陵",)), [parties.Party(("莘县",))])
    assert "莘县" not in sub.text and "两场" not in sub.text
    assert sub.entities == ("乐陵",) and sub.intent == query.intent
    assert not any("莘县" in t for g in sub.content for t in g)


def test_a_comparison_asks_what_it_compares_of_each() -> None:
    query = parse("乐陵和莘县比较一下,各来了多少人?", GAZ)
    assert query.intent == "compare"
    one = parties.one_party(query, parties.Party(("莘县",)), [parties.Party(("乐陵",))])
    assert one.intent == "count"


def _answer(text: str, n: int, doc: str) -> Answer:
    cites = tuple(
        Citation.of_article(k, Article(doc, "t"), f"q {doc} {k}", 1.0, f"{doc}#{k}")
        for k in range(1, n + 1)
    )
    return Answer("q", text, cites, False)


def test_answers_are_joined_under_their_parties_with_citations_numbered_on() -> None:
    joined = parties.join(
        "q",
        [
            ("乐陵", _answer("答:200余人 [1]\n引文 [1]", 1, "a")),
            ("莘县", _answer("答:300余人 [1] [2]", 2, "b")),
        ],
        "q",
        {},
    )
    assert joined.text.splitlines() == [
        "乐陵:",
        "  答:200余人 [1]",
        "  引文 [1]",
        "莘县:",
        "  答:300余人 [2] [3]",
    ]
    assert [c.n for c in joined.citations] == [1, 2, 3]
    assert [c.doc_id for c in joined.citations] == ["a", "b", "b"]


def test_an_answer_speaks_of_all_only_when_it_names_each_party() -> None:
    each = [parties.Party(("乐陵",)), parties.Party(("莘县",))]
    assert parties.speaks_of_all(_answer("乐陵 … 莘县", 0, "a"), each)
    assert not parties.speaks_of_all(_answer("答:300余人,莘县", 0, "a"), each)


def test_a_short_form_two_parties_share_is_neither_ones() -> None:
    # 市人民医院 is a form of both: it neither marks 乐陵's answer nor is cut from its question
    each = [parties.Party(("东营市人民医院",)), parties.Party(("乐陵市人民医院",))]
    assert not parties.speaks_of_all(_answer("东营市人民医院 … 市人民医院", 0, "a"), each)
    query = parse("东营市人民医院和乐陵市人民医院分别来了多少人?", GAZ)
    sub = parties.one_party(query, each[1], [each[0]])
    assert "乐陵市人民医院" in sub.text and "东营市人民医院" not in sub.text


def test_names_no_joining_word_parts_are_one_party_asked_in_its_own_words() -> None:
    query = parse("乐陵的座谈会跟山东大学第二医院派专家到莘县人民医院,分别是哪一年?", GAZ)
    each = parties.parties(query, GAZ)
    assert [p.names for p in each] == [("乐陵",), ("山东大学第二医院", "莘县人民医院")]
    assert each[0].asked == "乐陵的座谈会,分别是哪一年?"
    assert each[1].asked == "山东大学第二医院派专家到莘县人民医院,分别是哪一年?"
    sub = parties.one_party(query, each[0], [each[1]])
    assert sub.entities == ("乐陵",)
    assert not any("专家" in t for g in sub.content for t in g)  # the other occasion's words


def test_the_question_after_the_last_party_is_asked_of_each() -> None:
    each = parties.parties(parse("请问乐陵和莘县这两场活动各来了多少人?", GAZ), GAZ)
    assert [p.asked for p in each] == [
        "请问乐陵这两场活动各来了多少人?",
        "请问莘县这两场活动各来了多少人?",
    ]


def test_what_the_last_party_says_of_all_is_asked_of_each() -> None:
    each = parties.parties(parse("乐陵那次跟莘县那次都有揭牌,分别揭了什么牌?", GAZ), GAZ)
    assert [p.asked for p in each] == [
        "乐陵那次都有揭牌,分别揭了什么牌?",
        "莘县那次都有揭牌,分别揭了什么牌?",
    ]


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Who spoke at the Leling meeting, and who at the Shenxian signing?", True),
        ("Who spoke at the Leling meeting and the Shenxian signing?", False),
        ("Who spoke at the Leling meeting, and who with him?", False),
    ],
)
def test_a_question_asked_again_of_the_second_asks_of_each(question: str, asked: bool) -> None:
    from assistant.lexicon.questions import DISTRIBUTIVE

    assert bool(DISTRIBUTIVE.search(question)) is asked


@pytest.mark.parametrize(
    "question, each",
    [
        ("东营那两篇,市卫健委分别是谁出席?", True),
        ("两篇东营的稿子各讲了啥", True),
        ("who spoke in both Dongying stories?", True),
        ("what do the two Dongying articles say", True),
        ("东营的活动谁出席了", False),
        ("how many articles mention Dongying", False),
    ],
)
def test_words_asking_of_each_article(question: str, each: bool) -> None:
    assert bool(EACH_ARTICLE.search(parse(question, GAZ).text)) is each


def test_one_article_is_asked_without_the_words_of_each() -> None:
    sub = parties.one_article(parse("东营那两篇,市卫健委分别是谁出席?", GAZ))
    assert "两篇" not in sub.text and "分别" not in sub.text
    assert sub.intent == "who" and sub.scope == ""


def test_people_are_parties_where_joining_words_part_them() -> None:
    question = "王静在乐陵讲的话跟山东大学第二医院在莘县讲的有啥区别"
    each = parties.parties(parse(question, GAZ), GAZ)
    assert [p.names for p in each] == [("王静", "乐陵"), ("山东大学第二医院", "莘县")]
    # each party says its own words: the last one's are not asked of the first
    assert each[0].asked == "王静在乐陵讲的话"
    sub = parties.one_party(parse(question, GAZ), each[0], each[1:])
    assert sub.people == ("王静",) and "山东大学第二医院" not in sub.entities
    # one person and a place no joining word parts: no parties
    assert parties.parties(parse("王静在乐陵讲了啥,分别说说", GAZ), GAZ) == []


def test_a_total_asks_each_party_and_adds_their_figures_up() -> None:
    query = parse("乐陵和莘县加起来一共多少人参加?", GAZ)
    assert parties.totals(query) and [p.names for p in parties.parties(query, GAZ)] == [
        ("乐陵",),
        ("莘县",),
    ]
    parts = [
        ("乐陵", _answer("答:200余人 [1]", 1, "a")),
        ("莘县", _answer("答:300余人 [1]", 1, "b")),
    ]
    assert parties.total_line(query, parts) == "合计:约500人(200余人 + 300余人)"
    mixed = [("乐陵", _answer("答:200余人 [1]", 1, "a")), ("莘县", _answer("答:5家 [1]", 1, "b"))]
    assert parties.total_line(query, mixed) is None  # people and institutions add up to nothing
    same = [
        ("乐陵", _answer("答:300余人 [1]", 1, "b")),
        ("莘县", _answer("答:300余人 [1]", 1, "b")),
    ]
    assert parties.total_line(query, same) is None  # one sentence's figure, named twice
    assert not parties.totals(parse("乐陵和莘县各来了多少人?", GAZ))  # each, not a total
    for said in (
        "乐陵跟莘县一共来了多少人",
        "how many attended the Leling and Shen County events in all?",
    ):
        assert parties.totals(parse(said, GAZ)), said


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        (
            "乐陵那次是谁主持的?莘县那次又是谁致辞的?",
            ["乐陵那次是谁主持的", "莘县那次又是谁致辞的"],
        ),
        (
            "who chaired the Leling meeting and who spoke at Shenxian? same person?",
            ["who chaired the Leling meeting", "who spoke at Shenxian"],
        ),
    ],
)
def test_two_questions_in_one_ask_each_party_its_own(question: str, asked: list[str]) -> None:
    query = parse(question, GAZ)
    each = parties.parties(query, GAZ)
    assert [p.asked for p in each] == asked
    subs = [parties.one_party(query, p, [o for o in each if o != p]) for p in each]
    assert [s.intent for s in subs] == ["who"] * 2
    assert [s.entities for s in subs] == [("乐陵",), ("莘县",)]  # each its own party only


@pytest.mark.parametrize(
    "question",
    [
        "乐陵和莘县那次是谁主持的?后来又派了多少人?",  # the second leans on the first
        "乐陵那次是谁主持的?莘县那次呢?",  # asks nothing of its own
        "Who spoke at the Leling meeting, and who at Shenxian?",  # who, of what?
        "乐陵和莘县的活动是谁主持的?都在哪天?",  # one clause names both
    ],
)
def test_clauses_that_are_not_each_of_their_own_party_are_not_split(question: str) -> None:
    each = parties.parties(parse(question, GAZ), GAZ)
    assert all(not p.question for p in each)
    if question.startswith("Who"):  # asked again of the second: the older split, whole
        assert [p.names for p in each] == [("乐陵",), ("莘县",)]


def test_names_one_holds_are_parties_where_joining_words_part_them() -> None:
    # 东营 is within 东营市第二人民医院's name, yet the question asks of each occasion
    gaz = Gazetteer.from_names({"东营": "place", "东营市第二人民医院": "org"})
    query = parse("東營兩院融合匯報會跟東營市第二人民醫院那場歡迎儀式,主持人各是誰?", gaz)
    each = parties.parties(query, gaz)
    assert [p.names for p in each] == [("东营",), ("东营市第二人民医院",)]
    assert each[0].words.startswith("东营两院融合汇报会")
    # one name, no joining word: no parties
    assert parties.parties(parse("东营市第二人民医院的欢迎仪式谁主持的?", gaz), gaz) == []
    # one name written twice: no two parties
    twice = parse("东营市第二人民医院和东营市第二人民医院分别是谁主持的?", gaz)
    assert parties.parties(twice, gaz) == []


def test_a_party_within_anothers_name_is_asked_without_the_other() -> None:
    gaz = Gazetteer.from_names({"东营": "place", "东营市第二人民医院": "org"})
    query = parse("东营两院融合汇报会和东营市第二人民医院欢迎仪式分别是什么时候举行的", gaz)
    first, second = parties.parties(query, gaz)
    assert first.asked == "东营两院融合汇报会分别是什么时候举行的"  # the question asked of each
    sub = parties.one_party(query, second, [first])
    assert sub.entities == ("东营市第二人民医院",)  # not the other party's 东营
    assert "汇报会" not in sub.text


def test_a_choice_between_parties_is_asked_of_each_unless_a_route_ranks_them() -> None:
    asked = parties.parties(parse("乐陵和莘县,哪边是院长亲自出席?", GAZ), GAZ)
    assert [p.names for p in asked] == [("乐陵",), ("莘县",)]
    assert parties.parties(parse("乐陵和莘县哪个先签约?", GAZ), GAZ) == []  # an order ranks
