"""How long things last, from the ranges the articles write: which lasted longest, how long
one did, two plans side by side. Built from texts by hand; no model, no store."""

from __future__ import annotations

from assistant.qa import spans
from assistant.qa.analyze import parse
from tests.unit.qa.test_fact_answers import derived

TEXTS = {
    "a": "6月17-18日,于小千一行莅临东营调研。3月17日,东营市第二人民医院举行欢迎仪式。",
    "b": (
        "此前国家印发《千县工程工作方案(2021-2025年)》。"
        "山东省印发了《三年行动计划(2024-2026年)的通知》。4月28日,莘县举行签约仪式。"
    ),
    "c": "129日,丽水医联体正式成立,为期两年。",
}


def ask(question: str) -> tuple[str, list] | None:
    d = derived()
    return spans.answer(parse(question, d.gazetteer), d, TEXTS.__getitem__)


def test_the_longest_occasion_is_read_from_a_range_of_days() -> None:
    got = ask("这几篇里哪次活动持续时间最长?")
    assert got is not None
    text, citations = got
    assert text.splitlines()[0].startswith("答:2天(6月17-18日)")
    assert citations[0].doc_id == "a" and "于小千" in citations[0].quote


def test_an_occasion_is_not_ranked_against_a_plan() -> None:
    got = ask("which event lasted the longest?")
    assert got is not None, "no span answered"
    assert "2021-2025" not in got[0] and "2 days" in got[0].splitlines()[0]


def test_two_plans_named_are_set_side_by_side_longest_first() -> None:
    got = ask("千县工程方案跟三年行动计划,哪个时间跨度长?")
    assert got is not None
    lines = got[0].splitlines()
    assert lines[0] == "答:《千县工程工作方案(2021-2025年)》:5年(2021-2025年) [1]"
    assert lines[1].startswith("相比:《三年行动计划(2024-2026年)的通知》:3年")


def test_how_long_one_lasted_and_a_duration_written_in_words() -> None:
    got = ask("how long does the Lishui alliance run?")
    assert got is not None and got[0].startswith("Answer: 2 years (为期两年)")


def test_a_question_asking_no_span_is_left_to_the_other_routes() -> None:
    assert ask("哪次活动参加的人最多?") is None
    assert ask("丽水医联体什么时候成立的") is None
    assert ask("Which alliance spans the most counties?") is None  # spans: covers
    # how long, of something no span's sentence speaks of: not the one span there is
    assert ask("东营的医联体合作会持续多长时间?") is None


def test_a_span_in_months_is_given_in_months() -> None:
    got = spans._spans("d", "双方签约,为期十二个月。")
    assert [(s.amount, s.unit, s.length(False), s.length(True)) for s in got] == [
        (12, "月", "12个月", "12 months")
    ]
