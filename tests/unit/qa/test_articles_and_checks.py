"""Questions about the articles themselves, what a count counts, parties that never meet in
one article, and yes/no role checks. Built by hand; no model, no store."""

from __future__ import annotations

import dataclasses

import pytest

from assistant.lexicon.gazetteer import Gazetteer
from assistant.lexicon.questions import article_scope
from assistant.qa import articles, facts
from assistant.qa.analyze import parse
from assistant.qa.evidence import apart, counts
from assistant.store.derived import Derived
from assistant.textnorm import to_search_form, unenumerated
from tests.unit.qa.test_fact_answers import NAMES, S1, S2, S3, S4, S5
from tests.unit.qa.test_fact_answers import derived as fact_derived

TEXTS = {"a": S1 + S2, "b": S3 + S4, "c": S5}
DOC_NAMES = {
    "a": {"东营市第二人民医院": "institution", "胜利油田中心医院": "institution", "东营": "place"},
    "b": {"山东大学第二医院": "institution", "莘县人民医院": "institution", "莘县": "place"},
    "c": {"丽水": "place", "温州医科大学附属第二医院": "institution"},
}
DATES = {"a": "2025-03-18", "b": "2024-04-29", "c": "2017-12-12"}
OUTLETS = {"a": "大众网", "b": "大众网", "c": "温州医科大学附属第二医院"}  # c is its own outlet
AUTHORS = {"b": "岳霄远 袁玉起"}


def derived() -> Derived:
    d = fact_derived()
    manifest = {
        doc: dataclasses.replace(
            record,
            article=dataclasses.replace(
                record.article, date=DATES[doc], source=OUTLETS[doc], author=AUTHORS.get(doc)
            ),
            names=DOC_NAMES[doc],
        )
        for doc, record in d.manifest.items()
    }
    names = NAMES | {"温州医科大学附属第二医院": "institution", "于小千": "person"}
    return dataclasses.replace(d, manifest=manifest, gazetteer=Gazetteer.from_names(names))


def about(question: str) -> tuple[str, list] | None:
    d = derived()
    return articles.answer(parse(question, d.gazetteer), d, TEXTS.__getitem__)


@pytest.mark.parametrize(
    ("question", "scope"),
    [
        ("这5篇文章里讲东营的有几篇", "count"),
        ("How many articles mention Dongying?", "count"),
        ("哪篇文章提到了莘县", "which"),
        ("which stories involve a Shandong University hospital", "which"),
        ("這幾篇裡哪些是大眾網的報導?", "which"),  # by outlet; 報導 as well as 報道
        ("帮我总结一下这五篇文章分别讲了啥", "summary"),
        ("Summarize all the articles briefly", "summary"),
        ("莘县那篇报道是什么时候发的", "published"),
        ("When was the Leling story published?", "published"),
        # about what the articles report, not about the articles
        ("莘县那篇报道是哪个记者写的", "author"),
        ("这几篇报道里哪个市的新闻最多", "rank"),
        ("Which city shows up in the most of these articles?", "rank"),
        ("in the Dongying article, who was the most senior official?", ""),
        ("这几篇里一共提到几家县级医院", ""),
        ("哪些医院支援乐陵", ""),
        ("how many experts did Shengli send", ""),
        ("across all 5 articles, which partnership sent the most experts?", ""),  # a range
        ("give me a summary of all 5 articles", "summary"),
        ("In each article, what is the main point?", "summary"),
        ("Of all 5 articles, which one names the most experts?", ""),
    ],
)
def test_article_scope_is_read_from_the_question(question: str, scope: str) -> None:
    assert article_scope(to_search_form(question), question.isascii()) == scope


def test_counting_articles_lists_each_one_with_its_citation() -> None:
    text, citations = about("这几篇文章里讲东营的有几篇")  # type: ignore[misc]
    assert text.startswith("答:1篇")
    assert [c.doc_id for c in citations] == ["a"]
    assert "东营市第二人民医院" in citations[0].quote


def test_a_summary_of_all_articles_cites_every_one_in_date_order() -> None:
    text, citations = about("Summarize all the articles briefly")  # type: ignore[misc]
    assert [c.doc_id for c in citations] == ["c", "b", "a"]
    assert text.startswith("3 articles:")


def test_publication_date_comes_from_the_document_record() -> None:
    text, citations = about("莘县那篇报道是什么时候发的")  # type: ignore[misc]
    assert "2024年4月29日" in text and [c.doc_id for c in citations] == ["b"]


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("Which was published first, the Shenxian story or the Dongying story?", ["b", "a"]),
        ("Which came out last, the Shenxian story or the Dongying story?", ["a", "b"]),
        ("which story was published first?", ["c"]),  # of all: the first alone
    ],
)
def test_which_of_the_articles_named_came_out_first(question: str, first: list[str]) -> None:
    _, citations = about(question)  # type: ignore[misc]
    assert [c.doc_id for c in citations] == first


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("莘县那篇报道是哪天发的?签约过了几天才报", "活动在2024年4月28日[2],文章过了1天发布。"),
        ("莘县签约是哪天签的?那篇报道又是哪天发的?", "活动在2024年4月28日[2],文章过了1天发布。"),
        (
            "Was the Shenxian signing held the same day the article was published?",
            "No — the event was on April 28, 2024 [2]; the article came out 1 day later.",
        ),
    ],
)
def test_how_long_after_its_event_an_article_came_out(question: str, said: str) -> None:
    text, citations = about(question)  # type: ignore[misc]
    assert said in text.splitlines()
    assert [c.doc_id for c in citations] == ["b", "b"] and citations[1].quote == S4


def test_an_abbreviated_institution_resolves_to_the_name_it_abbreviates() -> None:
    query = parse("温医附二院那篇文章什么时候发的", derived().gazetteer)
    assert query.entities == ("温州医科大学附属第二医院",)
    assert about("温医附二院那篇文章什么时候发的")[1][0].doc_id == "c"  # type: ignore[index]
    # by the ordinal of an affiliated hospital alone, as often shortened
    entities = parse("溫醫附二跟莘县各自是谁出席的", derived().gazetteer).entities
    assert "温州医科大学附属第二医院" in entities


def test_no_article_speaking_of_it_is_said_plainly() -> None:
    text, citations = about("讲丽水和莘县的文章有几篇")  # type: ignore[misc]
    assert citations == [] and "没有一篇文章" in text


def test_a_count_reads_what_it_counts() -> None:
    gaz = derived().gazetteer
    assert parse("How many patients did the Shengli experts treat?", gaz).counted == (
        "患者",
        "病人",
    )
    assert parse("胜利油田中心医院派驻了多少名专家", gaz).counted == ("专家",)
    assert parse("于小千一行几个人来的", gaz).counted == ()  # a unit alone counts people


def test_a_number_counts_only_the_noun_beside_it() -> None:
    assert counts("派驻专家共71名", ("专家",))
    assert counts("与我院4名专家工作站揭牌", ("工作站",))
    assert not counts("派驻专家共71名", ("患者", "病人"))
    assert counts("派驻专家共71名", ("医生",))  # doctors asked: the word for them written
    assert not counts("派驻专家共71名", ("医生",), alike=False)
    assert not counts("义诊活动吸引300余名群众参加", ("患者",))  # the public are no patients
    assert counts("派驻专家共71名", ())
    # an enumeration's marks are no gap between the number and what it counts
    assert counts("与9个县(市、区)妇计中心互联互助", ("县市区",))
    assert unenumerated("9个县(市、区)妇计中心;上联(X+1)") == "9个县市区妇计中心;上联(X+1)"
    # an ordinary list keeps its marks: 家、主 are no word
    assert unenumerated("医院、卫生院(站)参加") == "医院、卫生院(站)参加"


def test_a_figure_that_counts_something_else_answers_nothing() -> None:
    d = derived()
    assert facts.answer(parse("胜利油田中心医院派驻了多少名患者", d.gazetteer), d) is None
    found = facts.answer(parse("胜利油田中心医院派驻了多少名专家", d.gazetteer), d)
    assert found is not None and "71" in found.text


def test_parties_no_article_names_together_are_found_apart() -> None:
    d = derived()
    never = parse("胜利油田中心医院和莘县人民医院是哪天签约的", d.gazetteer)
    assert apart(never, d.manifest) == ["胜利油田中心医院", "莘县人民医院"]
    met = parse("山东大学第二医院和莘县人民医院是哪天签约的", d.gazetteer)
    assert apart(met, d.manifest) == []
    listed = parse("胜利油田中心医院和莘县人民医院哪个更早", d.gazetteer)
    assert apart(listed, d.manifest) == []  # a comparison may name parties that never met


def test_a_claim_of_more_than_a_place_is_no_membership_question() -> None:
    d = derived()
    found = facts.answer(parse("丁春辉对东营市第二人民医院的融合很不满意吧", d.gazetteer), d)
    assert found is None or not found.text.startswith(("是的", "不是"))
    own = [f for f in d.facts if f.kind == "person" and f.subject == "丁春辉"]
    places = ["东营市第二人民医院"]

    def member(question: str) -> object:
        return facts._member_check(parse(question, d.gazetteer), d, own, places)

    assert member("丁春辉对东营市第二人民医院的融合很不满意吧") is None  # claims more
    assert member("丁春辉是东营市第二人民医院的吗") is not None  # the check does run


@pytest.mark.parametrize(
    ("question", "verdict", "also"),
    [
        ("丁春辉是东营市第二人民医院院长吗", "不是", "王景峰"),
        ("王景峰是不是院长", "是的", "王景峰"),
        ("Is Ding Chunhui the president of the hospital?", "No", "Wang Jingfeng"),
        # a role after the name in English is asked, not a title
        ("Is Ding Chunhui the party secretary of the hospital?", "Yes", "Ding Chunhui"),
        # no role asked: whether the articles place the person there
        ("丁春辉是胜利油田中心医院的领导吗", "不是", "东营市第二人民医院"),
        ("Is Ding Chunhui from Dongying Second People's Hospital?", "Yes", "Ding Chunhui"),
    ],
)
def test_a_role_question_gets_a_verdict_and_the_holder(
    question: str, verdict: str, also: str
) -> None:
    d = derived()
    found = facts.answer(parse(question, d.gazetteer), d)
    assert found is not None and found.text.startswith(verdict)
    assert also in found.text and found.citations


VISIT = (
    "6月17-18日,于小千一行莅临东营。6月17日下午,于小千一行调研了儿童康复科。"
    "6月18日上午,召开汇报会。"
)


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("于小千在东营先干的啥后干的啥", "1. 6月17日下午"),
        ("During Yu Xiaoqian's visit, what happened first?", "1. June 17 (afternoon): 6月17日下午"),
    ],
)
def test_the_steps_of_one_event_come_in_the_articles_order(question: str, first: str) -> None:
    d = derived()
    texts = TEXTS | {"c": S5 + VISIT}
    found = articles.sequence(parse(question, d.gazetteer), d, texts.__getitem__)
    assert found is not None
    text, citations = found
    lines = text.splitlines()
    assert lines[1].startswith(first) and "6月18日上午" in lines[2]
    assert [c.doc_id for c in citations] == ["c", "c"]  # the span 6月17-18日 only frames them


def test_no_sequence_without_one_article_naming_the_entities() -> None:
    d = derived()
    assert articles.sequence(parse("于小千先干的啥", d.gazetteer), d, TEXTS.__getitem__) is None


def test_the_reporter_comes_from_the_byline_kept_in_the_metadata() -> None:
    text, citations = about("who's the reporter on the Shenxian story?")  # type: ignore[misc]
    assert text.startswith("Reported by 岳霄远 袁玉起") and [c.doc_id for c in citations] == ["b"]


def test_the_place_most_articles_speak_of() -> None:
    d = derived()
    names = {"a": {"东营市": "place", "东营": "place"}, "b": {"莘县": "place", "聊城市": "place"}}
    names["c"] = {"东营市": "place"}  # a second article about 东营
    manifest = {k: dataclasses.replace(r, names=names[k]) for k, r in d.manifest.items()}
    d = dataclasses.replace(d, manifest=manifest)
    found = articles.answer(
        parse("这几篇报道里哪个市的新闻最多", d.gazetteer), d, TEXTS.__getitem__
    )
    assert found is not None and found[0].startswith("答:东营市,共2篇")


def test_an_outline_names_each_of_the_first_two_speakers_by_who_speaks() -> None:
    gaz = Gazetteer.from_names({"刘海永": "person", "王静": "person"})
    text = (
        "7月3日,德州医院与乐陵市人民医院开展对口支援工作座谈会,双方领导出席会议。"
        "会上,刘海永详细介绍了德州医院国家区域医疗中心建设进展情况。"
        "刘海永强调,派驻医护团队要端正思想态度并服从管理。"
        "对刘海永一行的到来,王静表示热烈欢迎并介绍了医院情况。"
        "他指出,两院要打造对口支援的“乐陵模式”,实现共同发展。"
    )
    chosen = articles._describing(text, gaz)
    assert any(s.startswith("会上,刘海永") for s in chosen)  # his first speech, once
    assert not any(s.startswith("刘海永强调") for s in chosen)
    assert any(s.startswith("对刘海永一行") for s in chosen)  # 王静 speaks, he is spoken to
    assert any("“乐陵模式”" in s for s in chosen)  # the term it coins
