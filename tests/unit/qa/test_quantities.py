"""Two figures side by side: each read with the words around it, the difference computed.
Built by hand; no model, no store."""

from __future__ import annotations

import dataclasses

import pytest

from assistant.lexicon.questions import compares_figures
from assistant.qa import quantities
from assistant.qa.analyze import parse
from assistant.types import Fact
from tests.unit.qa.test_articles_and_checks import derived

SPLIT = "其中常驻专家17名、坐诊专家54名。"


def ask(question: str) -> tuple[str, list] | None:
    d = derived()
    more = [
        Fact("figure", "a", SPLIT, "其中常驻专家17名、坐诊专家54名", value="17", unit="名"),
        Fact("figure", "a", SPLIT, "其中常驻专家17名、坐诊专家54名", value="54", unit="名"),
    ]
    a = dataclasses.replace(d.manifest["a"], facts=(*d.manifest["a"].facts, *more))
    d = dataclasses.replace(d, manifest=d.manifest | {"a": a})
    return quantities.compare(parse(question, d.gazetteer), d)


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("坐诊专家比常驻专家多几个", True),
        ("丽水和莘县比,哪边人多", True),
        ("How many more visiting experts than resident ones?", True),
        ("Which is bigger: 78 hospitals or 71 experts?", True),
        ("compare the turnout at the Lishui launch vs the Shenxian signing", True),
        ("Which drew a bigger crowd, the Lishui launch or the Shenxian signing?", True),
        ("was the turnout bigger at the Lishui launch or the Shenxian signing?", True),
        ("how does turnout at the Shenxian ceremony stack up against the Lishui launch?", True),
        ("哪次活动人最多", False),  # a ranking of all, not two side by side
        ("Did more than 300 people attend the Shenxian signing?", False),  # a figure checked
        ("常驻专家最多几个?", False),
        ("Compare who hosted the two ceremonies", False),
    ],
)
def test_two_figures_side_by_side_are_asked_in_any_phrasing(question: str, asks: bool) -> None:
    assert compares_figures(question, question.isascii()) == asks


def test_figures_of_one_clause_are_told_apart_by_the_words_beside_them() -> None:
    found = ask("派到市二院的坐诊专家比常驻专家多几个")
    assert found is not None
    text, citations = found
    assert text.startswith("答:坐诊专家54名多于其中常驻专家17名,多37名 [1]")
    assert len(citations) == 1  # one sentence holds both


def test_the_turnout_of_two_occasions_compares_head_counts_of_their_articles() -> None:
    found = ask("compare the turnout at the Lishui launch vs the Shenxian signing")
    assert found is not None
    text, citations = found
    assert text.startswith("Answer: 300余人 is more than 200余人, by 100")
    assert {c.doc_id for c in citations} == {"b", "c"}


def test_no_comparison_of_what_no_figure_counts() -> None:
    assert ask("How many more patients did Dongying No.2 see than the Shenxian hospital?") is None
