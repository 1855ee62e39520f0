"""Facts mined from one article: people with roles and organisations, figures, dated events."""

from __future__ import annotations

from pathlib import Path

from ingest.clean import clean
from ingest.facts import event_date, extract, figures, people
from ingest.metadata import extract as extract_meta

CORPUS = Path(__file__).resolve().parents[3] / "corpus"


def test_people_with_role_before_or_after_the_name() -> None:
    found = people("山东大学第二医院院长冯世庆,聊城市卫健委党组书记、主任张月莲出席仪式。")
    assert ("冯世庆", "院长", "山东大学第二医院") in found
    assert any(name == "张月莲" and "主任" in roles for name, roles, _ in found)
    # the agency before the name is where the role is held
    assert ("王国敬", "副主任", "浙江省卫计委") in people(
        "最后,浙江省卫计委王国敬副主任在启动仪式上讲话。"
    )


def test_a_title_over_commas_gives_every_role_with_its_organisation() -> None:
    sentence = (
        "会上,市卫生健康委党组书记、主任,市中医药管理局局长鲍建强致欢迎辞,"
        "聊城市卫健委党组成员、市第三人民医院党委书记苏玉凤出席。"
    )
    found = people(sentence)
    assert ("鲍建强", "党组书记、主任", "市卫生健康委") in found
    assert ("鲍建强", "局长", "市中医药管理局") in found
    assert ("苏玉凤", "党组成员", "聊城市卫健委") in found
    assert ("苏玉凤", "党委书记", "市第三人民医院") in found


def test_a_title_stops_where_the_event_is_told() -> None:
    sentence = "以及市二院全体班子成员参加欢迎仪式,仪式由市二院党委副书记、院长王景峰主持。"
    assert people(sentence, ("市二院",)) == [("王景峰", "党委副书记、院长", "市二院")]


def test_groups_and_organisations_are_not_people() -> None:
    names = {name for name, _, _ in people("以及市二院全体班子成员、中层干部参加,党总支书记讲话。")}
    assert not names & {"班子", "党总支", "全体班"}


def test_figures_keep_the_clause_that_says_what_is_counted() -> None:
    found = figures("此次派驻的专家共71名,其中常驻专家17名、坐诊专家54名。")
    assert [(n, u) for n, u, _ in found] == [("71", "名"), ("17", "名"), ("54", "名")]
    assert "专家共71名" in found[0][2]


def test_event_dates_take_the_year_of_publication() -> None:
    assert event_date("3月17日,东营市第二人民医院举行欢迎仪式。", "2025-03-18") == "2025-03-17"
    assert event_date("12月28日举行。", "2025-01-05") == "2024-12-28"  # the year before
    assert event_date("129日上午,联盟正式成立。", "2017-12-12") == "2017-12-09"  # 月 was lost
    assert event_date("没有日期的句子。", "2025-03-18") is None


def test_real_article_facts() -> None:
    path = next(CORPUS.glob("004_*.txt"))
    doc = clean(path.stem, path.read_text(encoding="utf-8"))
    facts = extract(doc, extract_meta(doc))
    persons = {(f.subject, f.org) for f in facts if f.kind == "person"}
    assert ("丁春辉", "东营市第二人民医院") in persons  # 市二院 resolved to its full name
    assert ("王景峰", "东营市第二人民医院") in persons
    assert {"71", "17", "54"} <= {f.value for f in facts if f.kind == "figure"}
    events = [f for f in facts if f.kind == "event"]
    assert [e.date for e in events] == ["2025-03-17"]
    assert all(f.evidence and f.doc_id == path.stem for f in facts)
    assert any("勝利油田" in f.evidence for f in facts)  # quoted in the article's own script
