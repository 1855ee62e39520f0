"""The Library tab's pure parts: the table and its filters, the strike-through diff."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from assistant.app.library import (
    LibraryFilter,
    Repost,
    also_published_by,
    document_view,
    find_original,
    find_repost,
    kind_choices,
    library_rows,
    outlet_choices,
    reposts,
    strike_diff,
)
from assistant.store.schema import DocRecord
from assistant.types import Article, Relation
from ingest.clean import clean
from tests.conftest import CORPUS


def relation(kind: str, doc_id: str) -> Relation:
    return Relation("甲医院", "乙医院", kind, "2024-01-01", "event", doc_id, "证据。")


def record(doc_id: str, title: str, date: str | None, outlet: str, kinds=(), names=None):
    return DocRecord(
        Article(doc_id, title, date, outlet, None, None, "Simplified"),
        "hash",
        3,
        f"corpus/{doc_id}.txt",
        relations=tuple(relation(k, doc_id) for k in kinds),
        names=names or {},
    )


RECORDS = [
    record("a", "乐陵市人民医院迎来专家", "2024-07-05", "大众网", ["对口支援"], {"乐陵": "place"}),
    record("b", "東營兩院融合發展", "2021-03-18", "网易", ["一体化融合", "签约合作"]),
    record("c", "丽水妇幼联盟", "2017-12-12", "大众网"),
    record("d", "没有日期的文章", None, "温医二院"),
]


def ids(f: LibraryFilter) -> list[str]:
    return [row[-1] for row in library_rows(RECORDS, f)]


def test_rows_list_every_document_newest_first() -> None:
    rows = library_rows(RECORDS)
    assert [r[-1] for r in rows] == ["a", "b", "c", "d"]
    assert rows[1] == ["東營兩院融合發展", "2021-03-18", "网易", "Simplified", 3, 2, "", "b"]


def test_search_matches_either_script_and_the_names_a_document_mentions() -> None:
    assert ids(LibraryFilter(query="东营")) == ["b"]  # Simplified finds the Traditional title
    assert ids(LibraryFilter(query="樂陵")) == ["a"]
    assert ids(LibraryFilter(query="大众网 丽水")) == ["c"]
    assert ids(LibraryFilter(query="nothing like it")) == []


def test_filters_by_outlet_date_and_kind() -> None:
    assert ids(LibraryFilter(outlet="大众网")) == ["a", "c"]
    assert ids(LibraryFilter(date_from="2021", date_to="2021")) == ["b"]  # a year
    assert ids(LibraryFilter(date_from="2018-01")) == ["a", "b"]
    assert ids(LibraryFilter(date_to="2021-03-17")) == ["c"]
    assert ids(LibraryFilter(kind="签约合作")) == ["b"]
    assert ids(LibraryFilter(outlet="all", kind="all")) == ["a", "b", "c", "d"]
    bad = LibraryFilter(date_from="last year")
    assert bad.problems() == ["from date 'last year' is not yyyy, yyyy-mm or yyyy-mm-dd"]
    assert ids(bad) == ["a", "b", "c", "d"]  # an unreadable date filters nothing


def test_filter_choices_come_from_the_documents() -> None:
    assert outlet_choices(RECORDS) == ["all", "大众网", "温医二院", "网易"]
    assert kind_choices(RECORDS) == [
        ("all", "all"),
        ("对口支援 · paired assistance", "对口支援"),
        ("一体化融合 · integration", "一体化融合"),
        ("签约合作 · signed cooperation", "签约合作"),
    ]


def test_reposts_and_the_outlets_that_also_published_come_from_aliases() -> None:
    assert also_published_by(RECORDS[0]) == () and reposts(RECORDS[0]) == ()

    class Alias:
        def __init__(self, doc_id: str, outlet: str | None) -> None:
            self.doc_id, self.outlet = doc_id, outlet

    if "aliases" not in DocRecord.__dataclass_fields__:
        pytest.skip("document records carry no aliases yet")
    copies = (Alias("x1", "网易"), Alias("x2", "新浪"), Alias("x3", "大众网"), Alias("x4", None))
    canonical = replace(RECORDS[0], aliases=copies)  # type: ignore[call-arg]
    assert also_published_by(canonical) == ("网易", "新浪")  # not its own outlet again
    assert reposts(canonical)[1] == Repost("x2", "新浪")
    assert find_repost([RECORDS[1], canonical], "x2") == (canonical, Repost("x2", "新浪"))
    assert find_repost([RECORDS[1], canonical], "a") is None
    assert library_rows([canonical])[0][6] == "网易, 新浪"
    assert ids(LibraryFilter(query="新浪")) == []
    assert [r[-1] for r in library_rows([canonical], LibraryFilter(outlet="新浪"))] == ["a"]


def test_strike_diff_strikes_what_cleaning_removed_and_escapes_everything() -> None:
    original = (
        "首页 > 新闻 <script>x</script>\n"
        "\n"
        "山东大学齐鲁医院德州医院对口支援乐陵市人民医院,網(wǎng)络会诊已经开展。\n"
        "相关推荐\n"
        "  第二段   正文内容。  \n"
    )
    cleaned = "山东大学齐鲁医院德州医院对口支援乐陵市人民医院,網络会诊已经开展。\n第二段 正文内容。"
    out = strike_diff(original, cleaned)
    assert "<del>首页 &gt; 新闻 &lt;script&gt;x&lt;/script&gt;</del>" in out
    assert "<del>相关推荐</del>" in out
    assert "網<del>(wǎng)</del>络" in out
    assert "<script>" not in out
    assert "第二段" in out and "<del>  第二段" not in out  # folded spaces are not removals
    plain = re.sub(r"<del>.*?</del>", "", out)
    assert "相关推荐" not in plain and "wǎng" not in plain
    assert re.sub(r"<[^>]+>", "", out).count("乐陵市人民医院") == 1


def test_strike_diff_on_a_real_capture_keeps_every_cleaned_line() -> None:
    path = CORPUS / "004_ec8b56c216570b9d.txt"
    original = path.read_text(encoding="utf-8")
    cleaned = clean(path.stem, original).text
    out = strike_diff(original, cleaned)
    kept = re.sub(r"<del>.*?</del>", "", out, flags=re.S)
    kept = re.sub(r"<ins>(.*?)</ins>", r"\1", kept, flags=re.S)
    for line in cleaned.split("\n")[:10]:
        assert line[:20] in kept.replace("&quot;", '"').replace("&#x27;", "'")
    assert "相關" in "".join(re.findall(r"<del>(.*?)</del>", out))  # the chrome list


def test_the_view_shows_both_texts_and_never_reads_outside_the_corpus(tmp_path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("原文<b>", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    inside = DocRecord(Article("a", "标题<i>"), "h", 1, "elsewhere/a.txt")
    outside = DocRecord(Article("secret", "s"), "h", 1, str(tmp_path / "secret.txt"))
    assert find_original(inside, corpus) == (corpus / "a.txt").resolve()
    assert find_original(outside, corpus) is None
    html = document_view(inside, "原文<b>\n广告", "原文<b>")
    assert "标题&lt;i&gt;" in html and "<del>广告</del>" in html and "<b>" not in html
    html = document_view(inside, None, "正文", "not found")
    assert "not found" in html and "正文" in html
