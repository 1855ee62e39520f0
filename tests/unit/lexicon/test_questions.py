"""Question patterns of the lexicon that route a question to its own answerer."""

import pytest

from assistant.lexicon.questions import LISTED_END, MORE_OF_TWO, article_scope, choice_asked


@pytest.mark.parametrize(
    "question, last",
    [
        ("东营二院欢迎仪式那个参会名单,排第一个的是谁呀", False),
        ("丽水启动仪式参加名单里排最后的是谁", True),
        ("who's named first among the officials who attended?", False),
        ("Which official is listed last?", True),
        ("who is the first person mentioned in the attendee list", False),
    ],
)
def test_a_question_about_a_lists_ends(question: str, last: bool) -> None:
    m = LISTED_END.search(question)
    assert m is not None and any(m.groups()) == last


@pytest.mark.parametrize(
    "question",
    [
        "汇报会上第一个发言的是谁",  # the order of events, not of a list
        "who spoke first at the ceremony?",
        "哪家医院最先签约",
    ],
)
def test_the_order_of_events_is_not_a_lists_ends(question: str) -> None:
    assert LISTED_END.search(question) is None


@pytest.mark.parametrize(
    "question, ranks",
    [
        ("莘县那个签约仪式跟丽水医联体启动仪式比,哪个来的人多啊", True),
        ("两个仪式哪边规模大?", True),
        ("省市级单位有几家,妇计中心有几家?哪个多?", False),  # the counts just asked decide
        ("哪个医院派了多少人", False),  # a count, not a ranking
    ],
)
def test_which_of_two_has_more_is_a_ranking(question: str, ranks: bool) -> None:
    assert bool(MORE_OF_TWO.search(question)) == ranks


@pytest.mark.parametrize(
    "question, scope",
    [
        ("哪两篇是讲东营的啊", "which"),
        ("哪篇是讲东营的", "which"),
        ("哪几篇是讲东营的", "count"),
    ],
)
def test_which_articles_however_many_are_asked(question: str, scope: str) -> None:
    assert article_scope(question, False) == scope


@pytest.mark.parametrize(
    "question, scope",
    [
        ("莘县那篇里提到两个文件,千县工程方案和三年行动计划,哪个先发的", ""),  # the plans
        ("乐陵那篇是哪天发的", "published"),
        ("这几篇报导里最新发布的是哪一篇", "published"),  # the articles, asked again
        ("这些文章里哪个最早发布", "published"),  # the articles: where and what
        ("莘县那篇文章里两个文件哪个先发的", ""),
    ],
)
def test_an_article_named_as_where_things_are_told_was_not_what_was_published(
    question: str, scope: str
) -> None:
    assert article_scope(question, False) == scope


@pytest.mark.parametrize(
    ("text", "choice"),
    [
        ("乐陵和莘县,哪边是院长亲自出席?", True),
        ("两个签约哪个在先", True),
        ("专家数差多少", True),
        ("Shenxian or Leling, which one came first?", True),
        ("乐陵和莘县是哪个领导签的字?", False),  # which leader: of one occasion
        ("乐陵和莘县是哪个月签的?", False),
        ("哪家医院同时支援了乐陵和莘县?", False),  # what they share
        ("Which one of the articles mentions Leling and Shenxian together?", False),
        ("差不多多少人", False),
    ],
)
def test_a_choice_between_the_parties(text: str, choice: bool) -> None:
    assert choice_asked(text) is choice
