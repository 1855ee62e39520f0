"""Answers over the facts table, across articles: who, how many, the most, the earliest, when —
and refusals for a role no article gives. Built from facts by hand; no model, no store."""

from __future__ import annotations

import dataclasses
import sqlite3

import bm25s
import pytest

from assistant.lexicon.gazetteer import Gazetteer
from assistant.qa import facts
from assistant.qa.analyze import ParsedQuery, parse
from assistant.qa.evidence import holds_rarest
from assistant.store.derived import Derived
from assistant.store.lexical import LexicalIndex
from assistant.store.relations import _COLUMNS, RelationIndex
from assistant.store.schema import DocRecord
from assistant.textnorm import tokenize
from assistant.types import Article, Fact, Relation

S1 = "东营市第二人民医院党委书记丁春辉宣读文件,胜利油田中心医院派驻专家共71名。"
S2 = "仪式由市二院党委副书记、院长王景峰主持。"
S3 = "山东大学第二医院院长冯世庆、副院长余之刚出席仪式,300余人参加活动。"
S4 = "4月28日,山东大学第二医院与莘县人民医院签约揭牌。"
S6 = "东营市卫生健康委党组成员、副主任张娟讲话。"
S10 = "广饶县人民政府副县长董洪芳,东营市第二人民医院党委书记丁春辉出席仪式。"
S9 = "6月17-18日,于小千莅临我市调研指导东营市妇幼保健院与东营市人民医院一体化融合发展工作。"
S5 = "129日上午,丽水市妇幼保健与计划生育服务联盟正式成立,并举行签约仪式,200余人参加。"
FACTS = {
    "a": [
        Fact("person", "a", S1, "丁春辉", "党委书记", "东营市第二人民医院"),
        Fact("person", "a", S2, "王景峰", "党委副书记、院长", "东营市第二人民医院"),
        Fact("person", "a", S10, "董洪芳", "副县长", "广饶县人民政府"),
        Fact("figure", "a", S1, "胜利油田中心医院派驻专家共71名", value="71", unit="名"),
        Fact(
            "event", "a", S1, "宣读文件", "", "东营市第二人民医院", "2025-03-17", date="2025-03-17"
        ),
    ],
    "b": [
        Fact("person", "b", S3, "冯世庆", "院长", "山东大学第二医院"),
        Fact("person", "b", S3, "余之刚", "副院长", "山东大学第二医院"),
        Fact("figure", "b", S3, "300余人参加活动", value="300", unit="余人"),
        Fact("event", "b", S4, "签约揭牌", "", "山东大学第二医院", "2024-04-28", date="2024-04-28"),
    ],
    "c": [
        Fact("figure", "c", S5, "200余人参加", value="200", unit="余人"),
        Fact(
            "event",
            "c",
            S5,
            "联盟正式成立,签约仪式",
            "",
            "丽水市妇幼保健院",
            "2017-12-09",
            date="2017-12-09",
        ),
    ],
}
NAMES = {
    "东营市第二人民医院": "institution",
    "山东大学第二医院": "institution",
    "莘县人民医院": "institution",
    "胜利油田中心医院": "institution",
    "丽水": "place",
    "丽水市卫生计生委": "institution",
    "东营市妇幼保健院": "institution",
    "中国妇幼保健协会": "institution",
    "莘县": "place",
    "东营": "place",
    "丁春辉": "person",
    "王景峰": "person",
    "冯世庆": "person",
    "于小千": "person",
    "广饶县": "place",
}


GAZETTEER = Gazetteer.from_names(NAMES)


def derived(facts: dict[str, list[Fact]] = FACTS) -> Derived:
    texts = {d: "".join(dict.fromkeys(f.evidence for f in fs)) for d, fs in facts.items()}
    bm25 = bm25s.BM25()
    bm25.index([tokenize(t) for t in texts.values()], show_progress=False)
    bigrams = frozenset(t[i : i + 2] for t in texts.values() for i in range(len(t) - 1))
    lexical = LexicalIndex(list(texts), bm25, "s", bigrams=bigrams)
    manifest = {
        d: DocRecord(Article(d, f"title {d}"), "h", 1, facts=tuple(fs)) for d, fs in facts.items()
    }
    return Derived(manifest, "s", lexical, Gazetteer.from_names(NAMES), relations())


def relations() -> RelationIndex:
    """The relations table in memory: two signings, one per article, and an integration its
    article gives no date for."""
    conn = sqlite3.connect(":memory:")
    conn.execute(f"create table relations ({', '.join(_COLUMNS)}, title, source, url)")
    rows = [
        Relation(
            "山东大学第二医院",
            "莘县人民医院",
            "紧密型医联体",
            "b",
            S4,
            "2024-04-28",
            date_kind="event",
        ),
        Relation(
            "温州医科大学附属第二医院",
            "丽水市妇幼保健院",
            "医联体成员",
            "c",
            S5,
            "2017-12-09",
            date_kind="event",
        ),
        # its article gives no date for it (a visit on 6月17-18日, no year)
        Relation("东营市妇幼保健院", "东营市人民医院", "一体化融合", "a", S9, None),
    ]
    conn.executemany(
        "insert into relations values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(*(getattr(r, c) for c in _COLUMNS), f"title {r.doc_id}", None, None) for r in rows],
    )
    return RelationIndex(conn)


def ask(question: str) -> facts.FactAnswer | None:
    d = derived()
    return facts.answer(parse(question, d.gazetteer), d)


def test_who_holds_a_role_at_an_institution() -> None:
    got = ask("东营市第二人民医院的院长是谁")
    assert got is not None and not got.refused
    assert got.text.splitlines()[0].startswith("答:东营市第二人民医院党委副书记、院长王景峰")
    assert "丁春辉" not in got.text.splitlines()[0]  # 党委书记 is another role
    assert got.citations[0].doc_id == "a" and got.citations[0].quote == S2


def test_a_place_named_as_its_government_is_whose_people_are_ranked() -> None:
    got = ask("东营市第二人民医院仪式那天,广饶县政府这边到场职位最高的是哪位")
    assert got is not None and "董洪芳" in got.text.splitlines()[0]


def test_a_government_office_asked_with_a_hospital_is_held_at_its_occasion() -> None:
    # no hospital has a 副县长: the one at the hospital's ceremony is the county's
    got = ask("东营市第二人民医院仪式上的副县长是谁")
    assert got is not None and not got.refused and "董洪芳" in got.text.splitlines()[0]
    assert ask("东营市第二人民医院的副院长是谁").refused  # a hospital's office: its own


def test_an_agency_named_anywhere_in_the_question_is_whose_person_is_asked() -> None:
    agency = Fact("person", "a", S6, "张娟", "党组成员、副主任", "市卫生健康委")
    d = derived({**FACTS, "a": [*FACTS["a"], agency]})
    # the sentence naming her says no 出席: the agency alone picks her, not who attended
    for question in ("市卫健委是谁出席的", "who attended from the health commission"):
        got = facts.answer(parse(question, d.gazetteer), d)
        assert got is not None and "张娟" in got.text.splitlines()[0], question


def test_a_view_of_some_documents_answers_from_their_facts_alone() -> None:
    d = derived()
    got = facts.answer(parse("哪次活动参加的人最多", d.gazetteer), d.of_documents({"c"}))
    assert got is not None and got.citations[0].doc_id == "c"  # 200 of c, not 300 of b
    assert [r.relation.doc_id for r in d.of_documents({"c"}).relations.all()] == ["c"]


def test_a_sentence_must_hold_the_rarest_word_asked_or_its_synonym() -> None:
    d = derived()
    query = parse("山东大学第二医院什么时候签约揭牌", d.gazetteer)
    assert holds_rarest(query, S4, d.lexical)
    assert not holds_rarest(query, S3, d.lexical)  # the same hospital, another sentence
    founded = parse("丽水什么时候成立的", d.gazetteer)
    assert holds_rarest(founded, "丽水于2017年组建。", d.lexical)  # 组建 is 成立
    assert not holds_rarest(founded, "丽水于2017年签约。", d.lexical)
    # 上午还是下午 asks the time the sentence gives, not an event it must name
    morning = parse("山东大学第二医院签约是上午还是下午", d.gazetteer)  # 上午 is rarer
    assert holds_rarest(morning, S4, d.lexical)


@pytest.mark.parametrize(
    "question, refused",
    [
        ("胜利油田中心医院的院长讲了什么", True),  # no article names one
        ("山东大学第二医院的院长讲了什么", False),  # 冯世庆
        ("山东大学第二医院的副院长讲了什么", False),  # 余之刚
        ("山东大学第二医院的成员有哪些", False),  # members are no office
        ("胜利油田中心医院院长是谁", False),  # who holds it: the who-route says
    ],
)
def test_an_office_no_article_names_a_holder_of_is_refused(question, refused) -> None:
    d = derived()
    got = facts.resolve_offices(parse(question, d.gazetteer), d)
    assert (isinstance(got, facts.FactAnswer) and got.refused) is refused


def test_an_office_held_by_one_person_stands_for_that_person() -> None:
    d = derived()
    query = facts.resolve_offices(parse("山东大学第二医院的院长讲了什么", d.gazetteer), d)
    assert isinstance(query, ParsedQuery)
    assert query.people == ("冯世庆",) and "冯世庆" in query.entities
    assert ("冯世庆",) in query.content and not any("院长" in g for g in query.content)
    vice = facts.resolve_offices(parse("山东大学第二医院的副院长讲了什么", d.gazetteer), d)
    assert isinstance(vice, ParsedQuery) and vice.people == ("余之刚",)
    who = parse("山东大学第二医院的院长是谁", d.gazetteer)  # the who-route answers that
    assert facts.resolve_offices(who, d) == who


@pytest.mark.parametrize(
    ("question", "person"),
    [
        ("冯院长讲了什么", "冯世庆"),
        ("余副院长讲了什么", "余之刚"),  # a vice title names the vice
        ("丁书记讲了什么", "丁春辉"),  # 书记 of 党委书记
        ("What did President Feng say?", "冯世庆"),
        ("What did Mr. Feng say?", "冯世庆"),  # a courtesy title: the one 冯 of the articles
        ("冯书记讲了什么", None),  # 冯世庆 is no 书记
        ("余院长讲了什么", None),  # 院长 is not 副院长
        ("What did President Zhao say?", None),  # no 赵 at all
        ("What happened on Feng, July 7?", None),  # a surname is a person only after a title
        ("What did Mr. Feng tell the party secretary?", "冯世庆"),  # Mr: the surname alone
        ("仪式是丁书记主持的吗", None),  # a yes/no claims the title: it is checked, not read
    ],
)
def test_a_person_named_by_surname_and_title_is_the_one_holding_it(
    question: str, person: str | None
) -> None:
    d = derived()
    query = facts.resolve_titled(parse(question, d.gazetteer), d)
    assert query.people == ((person,) if person else ())
    if person:
        assert (person,) in query.content and not query.unknown_names
        assert not any(u.endswith("院长") for u in query.unknown_entities)
        if "party" not in question:  # the party secretary told is another person's role
            assert not any("院长" in g or "书记" in g for g in query.content)


def test_a_title_held_by_several_of_one_surname_needs_the_institution_asked() -> None:
    more = {
        **FACTS,
        "d": [
            Fact("person", "d", "乐陵市人民医院院长王静讲话。", "王静", "院长", "乐陵市人民医院")
        ],
    }
    d = derived(more)
    alone = facts.resolve_titled(parse("王院长讲了什么", d.gazetteer), d)
    assert alone.people == ()  # 王景峰 or 王静
    placed = facts.resolve_titled(parse("东营市第二人民医院的王院长讲了什么", d.gazetteer), d)
    assert placed.people == ("王景峰",)


def test_a_surname_inside_a_word_is_no_person() -> None:
    more = {**FACTS, "d": [Fact("person", "d", "副县长田丹讲话。", "田丹", "专家", "莘县")]}
    d = derived(more)
    query = facts.resolve_titled(parse("胜利油田专家讲了什么", d.gazetteer), d)
    assert query.people == ()  # 田 of 油田
    assert facts.resolve_titled(parse("田专家讲了什么", d.gazetteer), d).people == ("田丹",)


def test_a_vice_role_is_not_the_role() -> None:
    got = ask("山东大学第二医院院长是谁")
    assert got is not None and "冯世庆" in got.text.splitlines()[0]
    assert "余之刚" not in got.text.splitlines()[0]


def test_a_role_no_fact_gives_is_refused() -> None:
    got = ask("胜利油田中心医院院长是谁")
    assert got is not None and got.refused and not got.citations
    assert "没有提到" in got.text


def test_who_did_it_is_the_person_next_to_the_verb() -> None:
    got = ask("仪式是谁主持的")
    assert got is not None and "王景峰" in got.text.splitlines()[0]


@pytest.mark.parametrize("question", ["哪次活动参加的人最多", "哪场活动到场的人最多"])
def test_superlative_across_articles_cites_the_runner_up(question: str) -> None:
    got = ask(question)
    assert got is not None
    assert got.text.splitlines()[0].startswith("答:最多的是300")
    # another occasion's turnout (200余人参加) is the runner-up, whatever words it shares
    assert {c.doc_id for c in got.citations} == {"b", "c"}


@pytest.mark.parametrize(
    "question, start",
    [
        ("哪次活动参加的人最少", "答:最少的是200"),  # the fewest
        ("哪次签约最早", "答:2017年12月9日"),  # the earliest
        ("最近的一次活动是哪个", "答:2025年3月17日"),  # the latest
        ("2024年最早的活动", "答:2024年4月28日"),  # with a year filter
        ("胜利油田中心医院派驻了多少名专家", "答:71名"),  # a count
        (
            "Who is the Party secretary of Dongying Second People's Hospital?",
            "Answer: Ding Chunhui (丁春辉), Party Secretary",
        ),
    ],
)
def test_superlatives_dates_counts_and_english_answers(question: str, start: str) -> None:
    got = ask(question)
    assert got is not None and got.text.startswith(start)


def test_traditional_questions_get_traditional_answers_and_source_quotes() -> None:
    got = ask("東營市第二人民醫院的院長是誰")
    assert got is not None
    assert got.text.splitlines()[0].startswith("答:東營市第二人民醫院")
    assert got.text.splitlines()[-1].startswith(S2)  # the source's own characters


def test_nothing_about_it_falls_through() -> None:
    assert ask("丽水医联体的目标是什么") is None  # not a who/count/date question
    assert ask("胜利油田中心医院有几张床位") is None  # asks about what no article has


def test_a_comparison_is_answered_for_each_party() -> None:
    got = ask("丽水和山东大学第二医院两次活动的参会人数相比如何")
    assert got is not None and not got.refused
    first, second = got.text.splitlines()[:2]
    assert first.startswith("丽水: 200余人") and second.startswith("山东大学第二医院: 300余人")
    assert [c.doc_id for c in got.citations] == ["c", "b"]


def test_people_compared_are_introduced_one_by_one() -> None:
    got = ask("丁春辉和冯世庆有什么不同")
    assert got is not None
    lines = got.text.splitlines()
    assert "党委书记丁春辉" in lines[0] and "院长冯世庆" in lines[1]


def test_a_head_count_is_not_answered_by_a_count_of_experts() -> None:
    # 专家共71名 counts experts, not the people who came: nothing in the facts answers it
    assert ask("东营市第二人民医院那次一共来了多少人") is None


def test_the_most_senior_person_of_an_institution_is_its_party_secretary() -> None:
    got = ask("东营市第二人民医院来的人里谁职务最高")
    assert got is not None and "丁春辉" in got.text.splitlines()[0]
    got = ask("山东大学第二医院的人里谁职务最高")
    assert got is not None and "冯世庆" in got.text.splitlines()[0]  # 院长, not 副院长


S7 = "浙江省卫生计生委副主任王国敬、丽水市政府副市长卢彩柳、市卫生计生委主任周一红参加仪式。"
S8 = "中国妇幼保健协会常务副会长于小千莅临东营市妇幼保健院调研,党总支书记王建军汇报。"
LEVELS = {
    "c": [
        *FACTS["c"],
        Fact("person", "c", S7, "王国敬", "副主任", "浙江省卫生计生委"),
        Fact("person", "c", S7, "卢彩柳", "副市长", "丽水市政府"),
        Fact("person", "c", S7, "周一红", "主任", "丽水市卫生计生委"),
        Fact("person", "c", S7, "于小千", "常务副会长", "中国妇幼保健协会"),  # a national guest
        Fact("person", "c", S7, "留佩甯", "专家", ""),  # no body: below every body
    ],
    "d": [
        Fact("person", "d", S8, "于小千", "常务副会长", "中国妇幼保健协会"),
        Fact("person", "d", S8, "王建军", "党总支书记", "东营市妇幼保健院"),
    ],
}


@pytest.mark.parametrize(
    ("question", "top"),
    [
        # the level of the body first: a national guest, a provincial deputy, a city's head
        ("丽水签约仪式上级别最高的领导是谁", "于小千"),
        ("丽水那次仪式 到场的省里级别最高的领导是谁", "王国敬"),
        ("丽水那次仪式 市里级别最高的领导是谁", "卢彩柳"),
        ("丽水签约时官最大的是谁", "于小千"),  # 签约 names the occasion too
        # whose people, when the question says so: the city body's head
        ("丽水市卫生计生委来的人里谁职务最高", "周一红"),
        # an agency named without its place, after a visitor who came: its people, not his
        ("于小千来丽水那次,市卫生计生委出面的最高领导是谁", "周一红"),
        # the place visited is the hosts': the visitor is asked of
        ("who was the most senior person that came to inspect the Dongying MCH hospital", "于小千"),
        ("东营市妇幼保健院的人里谁职务最高", "王建军"),
    ],
)
def test_seniority_reads_the_level_of_the_body_and_who_the_question_asks_of(
    question: str, top: str
) -> None:
    d = derived({**FACTS, **LEVELS})
    names = {"c": {"丽水": "place"}, "d": {"东营": "place", "东营市妇幼保健院": "institution"}}
    manifest = {k: dataclasses.replace(r, names=names.get(k, {})) for k, r in d.manifest.items()}
    d = dataclasses.replace(d, manifest=manifest)
    got = facts.answer(parse(question, d.gazetteer), d)
    assert got is not None and top in got.text.splitlines()[0], (question, got)


def test_which_came_later_asked_as_bijiao_wan_names_the_later_one() -> None:
    # 比较晚 asks for an order, not a comparison of aspects
    got = facts.order(parse("丽水那次和山东大学第二医院那次签约,哪个比较晚", GAZETTEER), derived())
    assert got is not None and got.text.startswith("答:最晚的是山东大学第二医院。")
    assert facts.order(parse("山东大学第二医院有多少人参加", GAZETTEER), derived()) is None


@pytest.mark.parametrize(
    ("question", "head"),
    [
        ("丽水那次和山东大学第二医院那次签约,中间隔了几年", "答:丽水在前,相隔2332天(6年多)。"),
        (
            "the Lishui signing vs the Shenxian signing, how many years apart?",
            "Lishui (丽水) came first; 2332 days apart (about 6.4 years).",
        ),
    ],
)
def test_how_far_apart_two_named_events_were_is_the_days_between_their_dates(
    question: str, head: str
) -> None:
    got = ask(question)
    assert got is not None and got.text.splitlines()[0] == head
    assert {c.doc_id for c in got.citations} == {"b", "c"}


@pytest.mark.parametrize(
    ("question", "lines"),
    [
        # the first of all: every dated partnership ranked, the undated told
        (
            "这几次签约哪次最早?",
            [
                "答:2017年12月9日,温州医科大学附属第二医院与丽水市妇幼保健院(医联体成员) [1]",
                "相比:2024年4月28日,山东大学第二医院与莘县人民医院(紧密型医联体) [2]",
                "未写年份:东营市妇幼保健院与东营市人民医院(一体化融合) [3]",
            ],
        ),
        # the first and the latest both asked: both answered
        (
            "最早的签约是哪年,最新的又是哪年?",
            [
                "最早:2017年12月9日,温州医科大学附属第二医院与丽水市妇幼保健院(医联体成员) [1]",
                "最新:2024年4月28日,山东大学第二医院与莘县人民医院(紧密型医联体) [2]",
            ],
        ),
    ],
)
def test_the_first_or_latest_of_all_partnerships_lists_them_in_order(
    question: str, lines: list[str]
) -> None:
    got = ask(question)
    assert got is not None
    assert got.text.splitlines()[: len(lines)] == lines


@pytest.mark.parametrize(
    ("question", "head"),
    [
        # which came first, whichever the question asks of
        (
            "丽水那次和山东大学第二医院那次签约,隔了几年,哪个更晚?",
            "答:丽水在前,相隔2332天(6年多)。",
        ),
        ("山东大学第二医院那次和丽水那次签约隔了多久", "答:丽水在前,相隔2332天(6年多)。"),
    ],
)
def test_a_gap_names_the_earlier_event_first(question: str, head: str) -> None:
    got = ask(question)
    assert got is not None and got.text.splitlines()[0] == head


def test_a_short_gap_is_days_and_one_day_is_the_same_day() -> None:
    q = parse("丽水那次和山东大学第二医院那次隔了几天", GAZETTEER)
    assert facts._gap(q, [("甲", "2024-04-28"), ("乙", "2024-05-02")]) == "答:甲在前,相隔4天。"
    assert facts._gap(q, [("甲", "2024-04-28"), ("乙", "2024-04-28")]) == "答:两者在同一天。"
    assert facts._gap(q, [("甲", "2024-04"), ("乙", "2024-05-02")]) is None


def test_which_of_two_named_events_came_first_cites_both() -> None:
    got = ask("丽水那次和山东大学第二医院那次签约,哪个早点")
    assert got is not None
    head, first, second = got.text.splitlines()[:3]
    assert head == "答:最早的是丽水。"
    assert first.startswith("丽水: 2017年12月9日")
    assert second.startswith("山东大学第二医院: 2024年4月28日")
    assert {c.doc_id for c in got.citations} == {"b", "c"}


def test_who_of_an_institution_named_before_the_question_word_is_one_of_its_people() -> None:
    got = ask("山东大学第二医院的谁出席了仪式")
    assert got is not None
    assert "山东大学第二医院" in got.text.splitlines()[0]  # 冯世庆 or 余之刚, not 丁春辉


def test_a_count_takes_the_figure_the_questions_own_word_qualifies() -> None:
    # 专家 stands before 71 and 17 alike; 常驻 only before 17
    d = derived()
    s = "胜利油田中心医院的专家中,常驻专家17名、坐诊专家54名。"
    extra = [
        Fact("figure", "a", s, "其中常驻专家17名", value="17", unit="名"),
        Fact("figure", "a", s, "坐诊专家54名", value="54", unit="名"),
    ]
    record = d.manifest["a"]
    manifest = {**d.manifest, "a": dataclasses.replace(record, facts=(*record.facts, *extra))}
    d = dataclasses.replace(d, manifest=manifest)
    got = facts.answer(parse("胜利油田中心医院的常驻专家有多少名", d.gazetteer), d)
    assert got is not None and got.text.startswith("答:17名")


def test_people_asked_of_each_are_introduced_one_by_one() -> None:
    got = ask("丁春辉和冯世庆分别是什么职务")
    assert got is not None
    first, second = got.text.splitlines()[:2]
    assert first.startswith("丁春辉: ") and "党委书记" in first
    assert second.startswith("冯世庆: ") and "院长" in second


@pytest.mark.parametrize("question", ["丁春辉是什么职务", "丁春辉担任什么职务?", "丁春辉的身份"])
def test_the_post_asked_of_a_person_is_their_role_in_the_facts_table(question: str) -> None:
    got = ask(question)
    assert got is not None and got.text.startswith("答:东营市第二人民医院党委书记丁春辉")


def test_a_role_played_at_an_occasion_is_no_post() -> None:
    from assistant.lexicon.questions import ROLE_ASKED

    assert ROLE_ASKED.search("what are their jobs?") and ROLE_ASKED.search("Wang Jing's role")
    assert ROLE_ASKED.search("What's Liu Haiyong's position?")
    for other in (
        "what role did Wang Jing play at the meeting?",
        "what role Wang Jing played at the ceremony",
        "What's the title of the news story about Ding Chunhui?",
        "What did Ding Chunhui say about the jobs created?",
        "丁春辉来东营是干什么的",  # a purpose
        "要带身份证吗",
    ):
        assert not ROLE_ASKED.search(other), other


def test_the_latest_of_several_named_stories_is_found_even_without_shared_words() -> None:
    got = ask("丽水、山东大学第二医院和东营市第二人民医院的报道,哪个是最近的")
    assert got is not None and got.text.startswith("答:最晚的是东营市第二人民医院")


def test_a_short_form_the_question_writes_names_the_institution_where_the_sentence_does() -> None:
    said = "胜利油田中心医院派驻到市二院的专家里,常驻专家17名。"
    d = derived({"d": [Fact("figure", "d", said, "常驻专家17名", value="17", unit="名")]})

    def count(question: str) -> facts.FactAnswer | None:
        return facts.answer(parse(question, d.gazetteer), d)

    found = count("胜利油田派到市二院的常驻专家一共几个人?")
    assert found is not None and found.text.startswith("答:17名")
    assert count("胜利油田派到东营市第二人民医院的常驻专家一共几个人?") is None  # not written so


@pytest.mark.parametrize(
    ("question", "head"),
    [
        ("was the Lishui alliance founded before or after the Shenxian signing?", "Before"),
        ("莘县签约是在丽水联盟成立之前还是之后?", "答:之后。"),
        ("莘县签约是在丽水联盟成立之前的吗", "答:不是。"),
        ("was the Lishui alliance founded before the Shenxian signing?", "Yes"),
    ],
)
def test_did_one_event_come_before_another_across_articles(question: str, head: str) -> None:
    found = ask(question)
    assert found is not None and found.text.startswith(head), found
    assert {c.doc_id for c in found.citations} == {"b", "c"}


def test_who_did_it_at_an_occasion_is_named_next_to_the_deed_not_the_occasion() -> None:
    chaired = "启动仪式由丽水市卫计委主任周一红主持。"
    welcomed = "丽水市妇幼保健院张向东院长致欢迎辞,他表示,医联体将整合资源。"
    d = derived(
        {
            "c": [
                Fact("person", "c", chaired, "周一红", "主任", "丽水市卫计委"),
                Fact("person", "c", welcomed, "张向东", "院长", "丽水市妇幼保健院"),
            ]
        }
    )
    # 启动 names the occasion (启动仪式), not what the person did there
    found = facts.answer(parse("丽水启动仪式上致欢迎辞的是谁?", d.gazetteer), d)
    assert found is not None and "张向东" in found.text.splitlines()[0]
    found = facts.answer(parse("丽水启动仪式是谁主持的?", d.gazetteer), d)
    assert found is not None and "周一红" in found.text.splitlines()[0]
    # 签约 names the occasion here (签约仪式上…致欢迎辞), not what was done
    assert facts._verbs("签约仪式上致欢迎辞的是谁") == facts._verbs("仪式上致欢迎辞的是谁")
    # and as an English question names it (the Shenxian signing ceremony)
    bridged = parse("who hosted the launch vs the Shenxian signing ceremony?", d.gazetteer).bridged
    assert facts._verbs(bridged) == frozenset({"主持"})


def test_a_verb_fused_with_the_place_word_before_it_is_read_with_its_object() -> None:
    assert facts._verbs("丽水医联体启动仪式上致欢迎辞的是谁") == frozenset({"致欢迎辞"})
    # words of jieba's own (上报, 上任) are verbs as they stand
    assert facts._verbs("是谁上报的") == frozenset({"上报"})
    assert facts._verbs("东营二院谁上任了院长") == frozenset({"上任"})


@pytest.mark.parametrize(
    ("question", "found"),
    [
        ("哪些医院支援莘县人民医院", True),
        ("哪些医院跟莘县人民医院合作", True),  # 合作 has no side: either one
        # what a person wants, or a term no row's sentence holds: the sentences answer it
        ("莘县人民医院搞的是什么类型的合作", True),
        ("冯世庆想跟莘县人民医院搞什么类型的合作", False),
        ("哪些医院「铺开式」支援莘县人民医院", False),
        # a year asked of: the partnerships of that year (this one is of 2024)
        ("2024年哪些医院支援莘县人民医院", True),
        ("2018年哪些医院支援莘县人民医院", False),
    ],
)
def test_the_relations_table_answers_partnerships_not_what_someone_said(
    question: str, found: bool
) -> None:
    from assistant.qa import partners

    d = derived()
    rows = partners.find(parse(question, d.gazetteer), d.relations, d.gazetteer)
    assert bool(rows) == found


@pytest.mark.parametrize(
    ("name", "question", "came"),
    [
        ("广饶县", "广饶县来的最大的官是谁", True),
        ("广饶县", "广饶县、大王镇这些地方政府来的人里谁官最大", True),
        ("广饶县", "广饶县过来参加的人里谁官最大", True),  # a paraphrase, not 来的
        ("山东大学第二医院", "莘县去年签约时,山东大学第二医院前来的领导中谁最大", True),
        ("莘县", "莘县去年签约时,山东大学第二医院前来的领导中谁最大", False),  # 去年: a time
        ("东营市第二人民医院", "东营市第二人民医院派驻仪式上谁官最大", False),  # 派驻: no coming
    ],
)
def test_whose_people_came_is_read_from_a_word_of_coming(
    name: str, question: str, came: bool
) -> None:
    assert facts._came(name, question) is came


def test_which_institution_a_person_serves_is_that_of_the_post_the_question_names() -> None:
    s = "广饶县卫生健康局副局长、东营市第二人民医院党委书记丁春辉出席仪式。"
    extra = {"a": [*FACTS["a"], Fact("person", "a", s, "丁春辉", "副局长", "广饶县卫生健康局")]}
    d = derived(extra)
    for question, org in (
        ("丁春辉是哪个医院的书记啊", "东营市第二人民医院"),
        ("丁春辉是哪个单位的副局长", "广饶县卫生健康局"),
        ("Which hospital is Wang Jingfeng from?", "东营市第二人民医院"),
    ):
        got = facts.answer(parse(question, d.gazetteer), d)
        assert got is not None and org in got.text.splitlines()[0], question
    # where they went is not where they serve
    got = facts.answer(parse("丁春辉去了哪家医院", d.gazetteer), d)
    assert got is None or "丁春辉" not in got.text.splitlines()[0]
    # a post the articles tell is no earlier one
    for question in ("丁春辉以前在哪个医院干过?", "丁春辉原来是哪个医院的"):
        got = facts.answer(parse(question, d.gazetteer), d)
        assert got is None or got.refused, question
