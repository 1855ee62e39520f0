from pathlib import Path

import pytest

from ingest.load import MAX_BYTES, RejectedFile, discover, load

ARTICLE = (
    "山東大學齊魯醫院德州醫院與樂陵市人民醫院開展對口支援工作座談會。"
    "會議旨在進一步落實城鄉對口支援工作任務。"
)
SIMPLIFIED = (
    "山东大学第二医院与莘县人民医院紧密型医联体签约揭牌暨县域医共体签约仪式举行,拉开了帷幕。"
)


@pytest.mark.parametrize(
    "encoding, text",
    [
        ("utf-8", ARTICLE),
        ("utf-8-sig", ARTICLE),
        ("gb18030", SIMPLIFIED),
        ("gbk", SIMPLIFIED),
        ("big5", ARTICLE),
    ],
)
def test_encodings_are_detected(tmp_path: Path, encoding: str, text: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes((text * 3).encode(encoding))
    doc = load(path)
    assert doc.text.strip() == text * 3
    assert doc.doc_id == "a"


def test_html_drops_scripts_styles_and_navigation(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>标题</title><style>.x{color:red}</style><script>var a='北约';"
        "</script></head>"
        f"<body><nav>首页 新闻 北约</nav><div><p>{SIMPLIFIED}</p><p>第二段。</p></div>"
        "<footer>版权所有</footer></body></html>",
        encoding="utf-8",
    )
    text = load(path).text
    assert SIMPLIFIED in text and "第二段" in text
    assert "北约" not in text and "color" not in text and "版权所有" not in text


def test_markdown_is_loaded(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(f"# 标题\n\n{SIMPLIFIED}", encoding="utf-8")
    assert SIMPLIFIED in load(tmp_path / "a.md").text


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "empty file"),
        (b"\x00\x01\x02\xff\xfe\x00" * 100, "binary"),
        (bytes(range(128, 256)) * 20, "undecodable"),
        (
            b"This file is plain English text without any Chinese characters at all. " * 5,
            "no Chinese",
        ),
    ],
)
def test_bad_files_are_rejected_with_a_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(RejectedFile) as info:
        load(path)
    assert reason in info.value.reason


def test_huge_file_is_rejected_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    assert path.stat().st_size > MAX_BYTES
    with pytest.raises(RejectedFile, match="too large"):
        load(path)


def test_discover_lists_supported_files_only(tmp_path: Path) -> None:
    names = ("b.txt", "a.md", "c.html", "d.pdf", "e.docx", "f.doc", ".hidden.txt", "README.md")
    for name in names:
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in discover(tmp_path)] == ["a.md", "b.txt", "c.html", "d.pdf", "e.docx"]
    with pytest.raises(FileNotFoundError):
        discover(tmp_path / "missing")
