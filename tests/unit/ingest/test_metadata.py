import pytest

from ingest.clean import clean
from ingest.metadata import extract, iso_date
from tests.conftest import CORPUS


def meta(stem: str):
    path = next(CORPUS.glob(f"{stem}*.txt"))
    return extract(clean(path.stem, path.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    "text, iso",
    [
        ("2024-07-05 09:26:07", "2024-07-05"),
        ("發布時間:2017/12/12 10:18:00", "2017-12-12"),
        ("发布时间:2024-04-29", "2024-04-29"),
        ("2024年3月25日", "2024-03-25"),
        ("129日上午", None),
        ("2024-13-40", None),
    ],
)
def test_iso_date(text: str, iso: str | None) -> None:
    assert iso_date(text) == iso


@pytest.mark.parametrize(
    "stem, title_start, date, source, author, script",
    [
        ("000", "中国妇幼保健协会于小千", None, "网易", None, "Simplified"),
        ("001", "資源共享 優勢互補", "2024-07-05", "大众网", "王晓亮 高洁", "Traditional"),
        (
            "002",
            "我院與麗水婦幼保健院",
            "2017-12-12",
            "温州医科大学附属第二医院",
            "医务处 林海舵 李春",
            "Traditional",
        ),
        ("003", "“千县工程”再发力", "2024-04-29", "大众网", "岳霄远 袁玉起", "Simplified"),
        ("004", "勝利油田中心醫院首批派駐", "2025-03-18", "大众网", "李茂盛", "Traditional"),
    ],
)
def test_real_article_metadata(stem, title_start, date, source, author, script) -> None:
    m = meta(stem)
    assert m.title.startswith(title_start)
    assert m.date == date  # 000 gives no date of its own: the page's dates belong to other articles
    assert m.source == source
    assert m.author == author
    assert m.script == script
    assert m.url is None
