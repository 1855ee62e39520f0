"""The order of events within one article: which of two came first, what came last, what
followed or preceded one. Built by hand; no model, no store."""

from __future__ import annotations

import pytest

from assistant.qa import timeline
from assistant.qa.analyze import parse
from tests.unit.qa.test_articles_and_checks import TEXTS, derived

SIGNING = (
    "4月28日,山东大学第二医院与莘县人民医院紧密型医联体签约仪式举行。"
    "会前,冯世庆一行参观了莘县人民医院急诊科。"
    "冯世庆介绍了山大二院的发展。"
    "仪式结束后,与会领导共同到院区进行了观摩指导。"
    "据悉,此前国家卫生健康委印发千县工程工作方案。"
    "2024年3月25日,山东省卫生健康委印发了三年行动计划的通知。"
    "据此,山大二院与莘县人民医院开展合作,300余人参加活动。"
)


def ask(question: str, doc: str = "b", text: str = SIGNING) -> tuple[str, list] | None:
    """The order answer with article `doc` reading `text`."""
    d = derived()
    texts = TEXTS | {doc: text}
    return timeline.answer(parse(question, d.gazetteer), d, texts.__getitem__)


def test_a_day_the_question_names_picks_the_article_telling_it() -> None:
    other = "3月28日,莘县人民医院举行欢迎仪式。会前,冯世庆一行参观了莘县人民医院检验科。"
    d = derived()
    texts = TEXTS | {"b": SIGNING, "c": other}
    query = parse(
        "On April 28 in Shenxian, what did Feng Shiqing tour before the meeting?", d.gazetteer
    )
    found = timeline.answer(query, d, texts.__getitem__)
    assert found is not None and "急诊科" in found[0] and "检验科" not in found[0]


def test_each_sentence_takes_its_place_in_time_from_its_date_or_marker() -> None:
    steps = timeline.steps_of(SIGNING, 2024)
    order = [s.original[:4] for s in sorted(steps, key=lambda s: s.key)]
    # 此前 before all; the plan of 3月25日 before the day told of; 会前 before the signing;
    # a background date does not move the day on: 据此… stays on 4月28日
    assert order == ["据悉,此", "2024", "会前,冯", "4月28", "冯世庆介", "仪式结束", "据此,山"]
    assert [s.dated for s in steps] == [True, False, False, False, False, False, False]


@pytest.mark.parametrize(
    ("question", "said", "quoted"),
    [
        (
            "省里的三年行动计划通知是在莘县签约之前还是之后印发的?",
            "答:之前。2024年3月25日在前,4月28日在后",
            "3月25日",
        ),
        ("莘县那场签约仪式结束后领导们做了什么", "答:仪式结束后", "观摩"),
        ("山大二院跟莘县签约那天最后一个环节是啥", "答:仪式结束后", "观摩"),
        (
            "What was the last thing on the agenda at the Shenxian signing?",
            "Answer (after it ended)",
            "观摩",
        ),
        ("莘县签约之前冯世庆先干嘛了", "答:会前", "急诊科"),
        ("莘县签约那天冯世庆是先参观还是先开会?", "答:先参观,后开会", "急诊科"),
        ("莘县签约之前冯世庆都去看了哪几个地方", "答:会前", "急诊科"),  # which, of one occasion
        ("山大二院到了莘县第一件事干了啥", "答:会前", "急诊科"),  # reads as an overview
        ("Who spoke last at the Shenxian signing?", "Answer (April 28)", "冯世庆"),
    ],
)
def test_an_order_question_is_answered_from_the_sentences_placed_in_time(
    question: str, said: str, quoted: str
) -> None:
    found = ask(question)
    assert found is not None
    text, citations = found
    assert text.startswith(said) and quoted in text
    assert {c.doc_id for c in citations} == {"b"}


def test_which_of_two_came_first_in_english_names_the_earlier_first() -> None:
    found = ask(
        "Did Feng Shiqing visit the emergency department before or after the Shenxian signing?"
    )
    assert found is not None
    first, then = found[0].splitlines()
    assert first.startswith("Answer: first (before the meeting): 会前") and "急诊科" in first
    assert then.startswith("then (April 28): 4月28日")


@pytest.mark.parametrize(
    "question",
    [
        "山大二院和莘县签了什么协议",  # asks no order
        "签约之前干了啥",  # names nothing that picks one article
        "How many people attended after the Shenxian signing?",  # a count, not an order
    ],
)
def test_no_order_answer_without_an_order_asked_of_one_article(question: str) -> None:
    assert ask(question) is None


def test_what_a_sentence_says_came_before_it_is_a_step_of_its_own() -> None:
    text = "3月17日,首批专家欢迎仪式举行。颜培光指出,此次派驻专家是继派驻管理团队后的又一举措。"
    steps = sorted(timeline.steps_of(text, 2025), key=lambda s: s.key)
    assert [s.label for s in steps] == ["派驻管理团队", "3月17日", "3月17日"]
    assert "管理团队" not in steps[2].search  # the rest of the sentence is of the day told


def test_a_date_asked_of_what_is_told_only_as_background_is_refused() -> None:
    found = ask("莘县那篇里,国家卫健委的千县工程方案是什么时候印发的")
    assert found is not None
    text, citations = found
    assert citations == [] and text.startswith("文档没有写明日期") and "此前" in text
    assert ask("莘县签约仪式是什么时候举行的") is None  # dated: the facts table answers it


CEREMONY = (
    "4月28日,山东大学第二医院与莘县人民医院签约揭牌暨医共体签约仪式举行。"
    "冯世庆介绍了山大二院的发展。"
    "仪式上,余之刚与田丹代表双方签署了合作协议。"
    "冯世庆与张月莲共同为山东大学第二医院莘县医联体医院揭牌。"
)


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # one day: the sentences telling each event, not the opening one telling both
        # in the question's own words where it offers two
        ("莘县那个仪式上,是先签协议还是先揭牌的?", "答:先签协议,后揭牌。"),
        ("莘县那个仪式上,是先揭牌还是先签约?", "答:先签约,后揭牌。"),
        ("莘县仪式上是先揭牌后签协议的吗", "不是。答:同在4月28日,先协议,后揭牌。"),
        (
            "at the Shenxian ceremony, was the plaque unveiled before the agreement was signed?",
            "No.",
        ),
        (
            "at the Shenxian ceremony, was the plaque unveiled after the agreement was signed?",
            "Yes.",
        ),
    ],
)
def test_two_events_of_one_day_are_ordered_by_the_sentences_telling_each(
    question: str, said: str
) -> None:
    found = ask(question, text=CEREMONY)
    assert found is not None
    text, citations = found
    assert text.startswith(said), text
    assert [c.quote_simplified[:3] for c in citations] == ["仪式上", "冯世庆"]


def test_what_people_were_sent_before_is_the_team_a_sentence_says_came_first() -> None:
    text = (
        "3月17日,东营市第二人民医院首批专家欢迎仪式举行。此次派驻专家是继派驻管理团队后的又一举措。"
    )
    found = ask("东营市第二人民医院派专家之前,已经先派过什么人?", "a", text)
    assert found is not None and "管理团队" in found[0]
    # someone in a role is asked: a team is no answer
    assert ask("东营市第二人民医院派专家之前派的管理团队的主任是谁?", "a", text) is None


PLANS = (
    "4月28日,山东大学第二医院与莘县人民医院紧密型医联体签约仪式举行。"
    "他强调双方要落实《山东省三年行动计划》,推动机构建设提档升级。"  # quotes, not issues
    "据悉,此前国家卫生健康委印发《千县工程工作方案(2021-2025年)》。"
    "2024年3月25日,山东省卫生健康委印发了《山东省三年行动计划的通知》。"
)


def test_a_plan_is_dated_by_the_sentence_issuing_its_title_not_one_mentioning_it() -> None:
    found = ask("莘县那篇里 千县工程方案跟省里三年行动计划 哪个先出的", text=PLANS)
    assert found is not None
    said, cited = found
    assert "3月25日" in said and "千县工程" in said and "他强调" not in said
