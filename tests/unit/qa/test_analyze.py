"""The question analyzer: validation, the search form, language, BM25 groups and the
English bridge (plus the property-based checks of parsing)."""

import pytest
from hypothesis import given

from assistant.errors import BadQuestion
from assistant.lexicon.gazetteer import Gazetteer
from assistant.qa.analyze import MAX_QUESTION_CHARS, parse, validate
from assistant.qa.evidence import holds
from assistant.textnorm import to_search_form, to_traditional, tokenize
from tests.strategies import FAST, TEXT

GAZ = Gazetteer.from_names({"乐陵": "place", "莘县": "place", "东营": "place"})


def test_validate_strips_controls_and_whitespace() -> None:
    assert validate("  哪些医院\x00支援\x07乐陵?\n") == "哪些医院支援乐陵?"


@pytest.mark.parametrize(
    "question, message",
    [
        ("", "empty"),
        ("   \n\t", "empty"),
        ("\x00\x01\x02", "empty"),
        ("?!。", "no words"),
        ("乐" * (MAX_QUESTION_CHARS + 1), "too long"),
        (None, "must be text"),
        (42, "must be text"),
    ],
)
def test_validate_rejects_with_a_reason(question, message: str) -> None:
    with pytest.raises(BadQuestion, match=message):
        validate(question)


def test_the_length_limit_is_inclusive() -> None:
    assert len(validate("乐" * MAX_QUESTION_CHARS)) == MAX_QUESTION_CHARS
    assert validate("a") == "a"  # one Latin letter is a word


def test_simplified_question() -> None:
    q = parse("哪些医院支援乐陵?", GAZ)
    assert q.language == "zh-Hans"
    assert q.text == "哪些医院支援乐陵?" and q.bridged == "" and q.unknown_names == ()
    assert {"医院", "支援", "乐陵"} <= set(q.tokens)
    assert all(len(g) == 1 for g in q.groups)  # each Chinese token is its own group


def test_who_is_cut_off_the_verb_it_was_joined_to() -> None:
    q = parse("谁致的欢迎辞?", GAZ)  # jieba reads 谁致 as one word
    assert "致" in q.tokens and not any(t.startswith("谁") for t in q.tokens)


def test_traditional_question_is_searched_in_simplified() -> None:
    hant = parse("哪些醫院支援樂陵?", GAZ)
    hans = parse("哪些医院支援乐陵?", GAZ)
    assert hant.language == "zh-Hant" and hant.original == "哪些醫院支援樂陵?"
    assert hant.text == hans.text and hant.groups == hans.groups


def test_full_width_is_folded_and_controls_dropped() -> None:
    q = parse("  ＡＢＣ医院\x07在哪里?", GAZ)
    assert q.original == "ＡＢＣ医院在哪里?"
    assert q.text == "ABC医院在哪里?" == to_search_form(q.original)
    assert "abc" in q.tokens  # tokens are lower-cased


def test_english_question_searches_by_its_bridge() -> None:
    q = parse("which hospitals support Leling", GAZ)
    assert q.language == "en"
    assert "乐陵" in q.bridged.split() and "/" not in q.bridged
    assert all(not t.isascii() for t in q.tokens)  # English words never occur in the corpus
    support = next(g for g in q.groups if "支援" in g)
    assert "帮扶" in support  # any one alternative satisfies the group
    assert ("乐陵",) in q.groups


def test_a_research_trip_is_a_visit_not_research_work() -> None:
    assert "调研" in parse("How long was the delegation's research trip?", GAZ).bridged
    assert "科研" in parse("joint research projects", GAZ).bridged


def test_name_cards_are_calling_cards() -> None:
    assert "名片" in parse("what were the 'three name cards' he talked about?", GAZ).bridged


def test_unknown_english_names_are_kept() -> None:
    q = parse("Which hospitals support Qingdao?", GAZ)
    assert q.unknown_names == ("Qingdao",)
    assert not any("qingdao" in t.lower() for t in q.tokens)


def test_chinese_question_with_english_words_is_bridged_too() -> None:
    q = parse("乐陵 hospital 有哪些", GAZ)
    assert q.language == "zh-Hans"
    assert q.bridged == "医院" and ("医院",) in q.groups
    assert ("hospital",) in q.groups  # kept: a Chinese question keeps its Latin tokens
    assert parse("乐陵 ok", GAZ).bridged == ""  # words under three letters are not bridged


def test_a_bridged_term_already_asked_for_adds_no_group() -> None:
    q = parse("乐陵医院 hospital hospitals", GAZ)
    assert q.bridged == "医院 医院"
    assert q.groups.count(("医院",)) == 1
    assert q.tokens == list(dict.fromkeys(q.tokens))


def test_bad_questions_raise_before_parsing() -> None:
    for question in ("", "。。。", "乐" * (MAX_QUESTION_CHARS + 1)):
        with pytest.raises(BadQuestion):
            parse(question, GAZ)


def test_lone_surrogates_do_not_crash() -> None:  # found by hypothesis: OpenCC raised on '\ud800'
    assert to_search_form("一\ud800乐陵") == "一乐陵"
    assert to_traditional("乐\udc80陵") == "樂陵"
    assert parse("哪些医院支援乐陵\udfff?", GAZ).text == "哪些医院支援乐陵?"


@FAST
@given(TEXT)
def test_query_parsing_accepts_or_rejects_clearly(text: str) -> None:
    try:
        q = parse(text, GAZ)
    except BadQuestion as exc:
        assert str(exc)
        return
    assert q.text == to_search_form(q.text)
    assert all(isinstance(t, str) and t for g in q.groups for t in g)
    tokenize(text)


def test_dates_in_chinese_numerals_are_read_as_the_articles_write_them() -> None:
    from assistant.lexicon.questions import digit_dates, month_days

    assert digit_dates("六月份去东营") == "6月份去东营"
    assert digit_dates("十二月九日签约") == "12月9日签约"
    assert month_days("6月17-18日") == {(6, 17), (6, 18)}
    assert month_days("Was it on March 17th or 2025-03-18?") == {(3, 17), (3, 18)}
    assert month_days("may I ask how many came") == set()
    assert month_days("乐陵座谈会是6月3号开的吗") == {(6, 3)}  # 號 searched as 号
    for text in ("十一二月份", "一二月份签的", "五六月份"):  # a span of months: left as written
        assert digit_dates(text) == text


@pytest.mark.parametrize(
    ("question", "offered"),
    [
        ("刘海永一行是先参观还是先开会?", ("first", "参观", "开会")),
        ("是先签协议还是揭牌的", ("first", "签协议", "揭牌")),
        ("王建军汇报是在鲍建强致辞之前还是之后?", ("before", "王建军汇报", "鲍建强致辞")),
        ("先进单位还是落后单位", None),  # 先进 is no 先
        ("哪个先签约", None),
    ],
)
def test_the_two_things_an_order_question_offers_are_read(question: str, offered) -> None:
    from assistant.lexicon.questions import alternatives

    assert alternatives(question) == offered


def test_months_are_read_with_or_without_a_day() -> None:
    from assistant.lexicon.questions import months_named

    assert months_named("是六月份开的吗") == {6}
    assert months_named("signed in May 2024, correct?") == {5}
    assert months_named("held on July 3 or in Aug.?") == {7, 8}
    assert months_named("4月28日签约") == {4}
    # "may" the verb, a year and a count of months name no month
    assert months_named("may I ask: was it 2024?") == set()
    assert months_named("Was it held in 2024? May I know.") == set()
    assert months_named("held in Sept?") == {9}
    assert months_named("用了3个月") == set()


@pytest.mark.parametrize(
    "question, expected",
    [
        ("what do they mean by '1+1=1' and '1+1>2'?", ("1+1=1", "1+1>2")),
        ("What did the chief mean by 1+1=1?", ("1+1=1",)),
        ("冯世庆说的“国家队”是啥意思", ("国家队",)),
        ("What's the 'X+1+9+X' model?", ("x+1+9+x",)),
        ("what's Feng's view on Lishui's plan?", ()),  # apostrophes quote nothing
    ],
)
def test_quoted_terms_and_formulas_are_kept_verbatim(question, expected) -> None:
    assert parse(question, GAZ).literals == expected


@pytest.mark.parametrize(
    "question, kind",
    [
        ("how old is Yu Xiaoqian", "age"),
        ("王景峰多大了?", "age"),
        ("于小千今年几岁", "age"),
        ("how much did the hospital invest in the alliance?", "money"),
        ("这个医联体花了多少钱", "money"),
        ("What was the budget for the Lishui alliance?", "money"),
        ("how many experts did Shengli send?", "number"),  # a count, not money
        ("胜利油田投入了多少专家", "number"),  # experts put in, not money
        ("花了多长时间准备资料", "duration"),
        ("东营汇报会规模多大", ""),  # a size, not an age
        ("乐陵那次来了多少人", "number"),
        ("How often will the Wenzhou experts go to Lishui?", "frequency"),
        ("温医的专家多久去一次丽水", "frequency"),
        ("专家坐诊的频率是多少", "frequency"),
    ],
)
def test_money_age_and_frequency_are_answer_types_of_their_own(question, kind) -> None:
    assert parse(question, GAZ).answer_type == kind


@pytest.mark.parametrize(
    "question, kind",
    [
        ("王景峰院長是哪個科出身的?", "department"),  # asked whatever the intent
        ("代表常驻专家发言的是哪个病区的?", "ward"),
        ("东营市二院哪个科室的主任发言了,是谁", "person"),  # a person is asked
    ],
)
def test_a_department_asked_is_the_answer_type(question, kind) -> None:
    assert parse(question, GAZ).answer_type == kind


def test_a_quoted_english_term_is_searched_as_the_articles_write_it() -> None:
    query = parse(
        "what's the difference between the 'Dongying model' and the 'Dongying template'?", GAZ
    )
    assert query.literals == ("东营模式", "东营样板")
    # a word nothing bridges: the term cannot be written whole
    assert parse("what is the 'Dongying miracle'?", GAZ).literals == ()


def test_a_name_is_given_in_the_askers_script_as_the_source_writes_it() -> None:
    said = "啓動儀式由麗水市衛計委主任周一紅主持。"
    traditional = parse("麗水啟動儀式是誰主持的", GAZ)
    assert traditional.in_script("周一红") != "周一紅"  # conversion alone would change it
    assert traditional.name_in_script("周一红", said) == "周一紅"
    assert parse("丽水启动仪式是谁主持的", GAZ).name_in_script("周一红", said) == "周一红"


@pytest.mark.parametrize(
    "sentence, held",
    [
        ("专家每周到丽水坐诊一次。", True),
        ("双方每月召开一次联席会议。", True),
        ("专家定期到基层坐诊。", True),
        ("这是又一次大胆探索。", False),  # 又一次 is no frequency
        ("这是首次派驻专家。", False),
        ("这是第3次座谈。", False),
        ("双方举行了一次会议。", False),
    ],
)
def test_a_frequency_is_answered_only_by_a_sentence_writing_one(sentence, held) -> None:
    assert holds("frequency", sentence, GAZ) is held


def test_a_time_word_is_no_thing_asked_about() -> None:
    # 介绍…的时候: when he spoke, not a 时候 the articles must write
    assert "时候" not in parse("冯世庆介绍山大二院的时候提到哪三张名片?", GAZ).predicates


def test_an_institution_named_by_characters_of_its_name_is_found_where_it_is_written() -> None:
    from assistant.qa.analyze import abbreviations

    gaz = Gazetteer.from_names({"东营市第二人民医院": "org", "东营": "place"})
    text = "在东营二院欢迎仪式上谁发言了"
    assert abbreviations(text, gaz) == [(1, 5, "东营市第二人民医院")]
    assert text[1:5] == "东营二院"
    assert abbreviations("在东营欢迎仪式上谁发言了", gaz) == []  # no 院: no institution
