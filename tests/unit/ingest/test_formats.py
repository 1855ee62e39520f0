"""Readers of each format (PDF, Word, web pages, text), on real files the tests write, and
what the files say about themselves reaching the article's metadata and the chunks' pages."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from assistant.store.schema import chunk_from_chroma, chunk_to_chroma
from assistant.types import Article, ChunkMeta, Citation, Passage
from ingest.chunk import Chunk, chunk_text, locate_pages
from ingest.clean import clean
from ingest.formats import MAX_RATIO, MAX_UNZIPPED, Hints, reflow
from ingest.load import RawDocument, RejectedFile, load
from ingest.metadata import extract
from tests.conftest import CHROME_WORDS, CORPUS
from tests.documents import (
    TITLE_003,
    URL_003,
    article_page,
    body_paragraphs,
    make_docx,
    make_pdf,
    make_scanned_pdf,
    zip_declaring,
    zip_inflating,
)


def rejected(path: Path) -> str:
    with pytest.raises(RejectedFile) as info:
        load(path)
    return info.value.reason


def two_page_pdf(path: Path, **kwargs) -> tuple[Path, list[str]]:
    paragraphs = body_paragraphs("003")
    first = [TITLE_003, "发布时间:2024-04-29 来源:大众网", *paragraphs[:2]]
    return make_pdf(path, [first, paragraphs[2:5]], **kwargs), paragraphs


# --- PDF -----------------------------------------------------------------------------


def test_pdf_text_comes_out_page_by_page(tmp_path: Path) -> None:
    path, paragraphs = two_page_pdf(tmp_path / "a.pdf")
    doc = load(path)
    assert len(doc.pages) == 2 and doc.encoding == "pdf"
    assert "\n".join(doc.pages) == doc.text
    # lines wrapped at the margin are joined again: every paragraph is whole
    assert all(p in doc.pages[0] for p in paragraphs[:2])
    assert all(p in doc.pages[1] for p in paragraphs[2:5])
    assert paragraphs[2] not in doc.pages[0]


def test_pdf_chunks_carry_the_page_they_start_on(tmp_path: Path) -> None:
    path, paragraphs = two_page_pdf(tmp_path / "a.pdf")
    doc = load(path)
    cleaned = clean(doc.doc_id, doc.text)
    chunks = chunk_text(doc.doc_id, cleaned.text, 120, 30, doc.pages)
    assert chunks[0].page == 1 and chunks[-1].page == 2
    assert [c.page for c in chunks] == sorted(c.page or 0 for c in chunks)
    for c in chunks:  # a chunk's page holds its first words
        assert c.text[:10] in doc.pages[(c.page or 0) - 1].replace("\n", "")
    assert next(c for c in chunks if paragraphs[3][:20] in c.text).page == 2
    assert all(c.page is None for c in chunk_text(doc.doc_id, cleaned.text, 120, 30))


def test_pdf_metadata_and_placeholder_properties(tmp_path: Path) -> None:
    titled, _ = two_page_pdf(tmp_path / "titled.pdf", title="医联体签约", author="岳霄远")
    assert load(titled).hints == Hints(title="医联体签约", author="岳霄远")
    office, _ = two_page_pdf(
        tmp_path / "office.pdf", title="Microsoft Word - 新闻稿.docx", author="Administrator"
    )
    assert load(office).hints == Hints()


def test_scanned_pdf_is_rejected_not_ingested_empty(tmp_path: Path) -> None:
    reason = rejected(make_scanned_pdf(tmp_path / "scan.pdf"))
    assert reason.startswith("scanned PDF: no text layer") and "OCR" in reason
    few = make_pdf(tmp_path / "few.pdf", [["第1页"], ["第2页 附件"]])
    assert rejected(few).startswith("scanned PDF: no text layer")


@pytest.mark.parametrize(
    "content",
    [
        random.Random(1).randbytes(4096),
        b"%PDF-1.7\n" + random.Random(2).randbytes(4096),
        "山东大学第二医院与莘县人民医院紧密型医联体签约。".encode() * 10,
        b"\x89PNG\r\n\x1a\n" + bytes(2000),
    ],
    ids=["random", "pdf-header-then-garbage", "text", "png"],
)
def test_a_file_that_is_no_pdf_is_rejected_with_a_reason(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "fake.pdf"
    path.write_bytes(content)
    assert rejected(path).startswith("not a readable PDF")


def test_password_protected_pdf_is_rejected(tmp_path: Path) -> None:
    path, _ = two_page_pdf(tmp_path / "locked.pdf", encrypt="secret")
    assert rejected(path).startswith("password-protected PDF")


def test_reflow_joins_wrapped_lines_only() -> None:
    wrapped = "甲" * 30 + "\n" + "乙" * 30 + "\n" + "丙" * 12 + "。\n" + "丁" * 8
    assert reflow(wrapped) == "甲" * 30 + "乙" * 30 + "丙" * 12 + "。\n" + "丁" * 8
    short = "标题一行\n发布时间:2024-04-29\n正文。"  # no full-width lines: nothing joined
    assert reflow(short) == short
    assert reflow("") == ""


# --- Word ----------------------------------------------------------------------------


def test_docx_paragraphs_and_tables_in_document_order(tmp_path: Path) -> None:
    doc = load(make_docx(tmp_path / "a.docx", title="专家派驻", author="李茂盛"))
    assert doc.text.split("\n") == [
        "胜利油田中心医院专家派驻东营市第二人民医院",
        "3月18日,胜利油田中心医院首批派驻专家到东营市第二人民医院开展工作,"
        "双方签署紧密型医联体合作协议。",
        "派驻医院 | 科室 | 专家人数",
        "胜利油田中心医院 | 心内科 | 3",
        "胜利油田中心医院 | 神经内科 | 2",
        "合计 | 5",
        "专家共71名,其中常驻专家17名、坐诊专家54名。",
    ]
    assert doc.encoding == "docx" and doc.pages == ()
    assert doc.hints == Hints(title="专家派驻", author="李茂盛")
    assert load(make_docx(tmp_path / "b.docx", author="Administrator")).hints == Hints()


def test_docx_zip_bombs_are_refused_before_inflating(tmp_path: Path) -> None:
    declared = tmp_path / "declared.docx"
    declared.write_bytes(zip_declaring(3 * 2**30))  # says 3 GiB
    assert rejected(declared).startswith("zip bomb suspected")
    assert f"limit {MAX_UNZIPPED // 2**20} MiB" in rejected(declared)
    dense = tmp_path / "dense.docx"
    dense.write_bytes(zip_inflating(8))  # 8 MiB of zeros from a few KiB
    assert dense.stat().st_size < 64 * 1024
    assert rejected(dense).startswith("zip bomb suspected")
    assert f"{MAX_RATIO}:1" in rejected(dense)


@pytest.mark.parametrize(
    "content, reason",
    [
        ("一篇新闻稿。".encode() * 20, "not a Word .docx file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "old Word .doc format"),
        (zip_declaring(20), "not a readable Word .docx file"),  # a zip, but no Word inside
    ],
    ids=["text", "old-doc", "zip-without-word"],
)
def test_a_file_that_is_no_docx_is_rejected_with_a_reason(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "fake.docx"
    path.write_bytes(content)
    assert rejected(path).startswith(reason)


@pytest.mark.parametrize("name", ["empty.pdf", "empty.docx", "empty.html", "empty.txt"])
def test_empty_files_are_rejected(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(b"")
    assert rejected(tmp_path / name) == "empty file"


# --- Web pages -----------------------------------------------------------------------


def test_web_page_keeps_the_article_and_drops_the_chrome(tmp_path: Path) -> None:
    path = tmp_path / "003.html"
    path.write_text(article_page("003"), encoding="utf-8")
    doc = load(path)
    assert all(p in doc.text for p in body_paragraphs("003"))
    found = [w for w in CHROME_WORDS if w in doc.text]
    assert not found, found
    assert doc.hints == Hints(
        title=TITLE_003, date="2024-04-29", author=doc.hints.author, site="大众网", url=URL_003
    )
    meta = extract(clean(doc.doc_id, doc.text), doc.hints)
    assert (meta.title, meta.date, meta.source, meta.url) == (
        TITLE_003,
        "2024-04-29",
        "大众网",
        URL_003,
    )
    assert meta.author == "岳霄远 袁玉起"  # the byline, read for its names


def test_web_page_without_meta_tags_still_gets_title_and_date(tmp_path: Path) -> None:
    path = tmp_path / "003.htm"
    path.write_text(article_page("003", metadata=False), encoding="utf-8")
    doc = load(path)
    meta = extract(clean(doc.doc_id, doc.text), doc.hints)
    assert meta.title == TITLE_003 and meta.date == "2024-04-29"
    assert all(p in doc.text for p in body_paragraphs("003"))


def test_web_page_in_gbk_is_decoded_first(tmp_path: Path) -> None:
    path = tmp_path / "gbk.html"
    page = article_page("003").replace('charset="utf-8"', 'charset="gbk"').replace("“", '"')
    path.write_bytes(page.replace("”", '"').encode("gbk"))
    doc = load(path)
    assert doc.encoding.replace("-", "_").lower() in ("gb18030", "gbk", "gb2312")
    assert body_paragraphs("003")[1].replace("“", '"').replace("”", '"') in doc.text


def test_page_without_article_text_is_rejected_not_indexed_as_chrome(tmp_path: Path) -> None:
    path = tmp_path / "index.html"
    path.write_text(
        "<html><head><title>大众网首页</title></head><body><nav>"
        + "".join(f"<a href='/{i}'>山东新闻频道第{i}页</a>" for i in range(30))
        + "</nav><script>var a = '北约';</script></body></html>",
        encoding="utf-8",
    )
    assert rejected(path).startswith("no article text found in the page")


# --- Text: the bundled corpus loads exactly as it did --------------------------------


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.stem[:3])
def test_bundled_text_captures_load_as_before(path: Path) -> None:
    doc = load(path)
    assert doc.text == path.read_text(encoding="utf-8").removeprefix("\ufeff")
    assert (doc.encoding, doc.pages, doc.hints) == ("utf_8", (), Hints())


# --- Metadata hints ------------------------------------------------------------------


def clean_doc(text: str):
    return clean("d", text)


BODY = "山东大学第二医院与莘县人民医院紧密型医联体签约揭牌暨县域医共体签约仪式举行,拉开了帷幕。"


def test_hints_fill_in_what_the_text_does_not_give() -> None:
    hints = Hints(
        title="医联体签约", date="2024-04-29", author="岳霄远", site="大众网", url="https://a/b"
    )
    meta = extract(clean_doc(BODY * 2), hints)
    assert (meta.title, meta.date, meta.source, meta.author, meta.url) == (
        "医联体签约",
        "2024-04-29",
        "大众网",
        "岳霄远",
        "https://a/b",
    )


def test_the_text_wins_over_hints() -> None:
    text = f"山大二院与莘县人民医院签约仪式举行\n发布时间:2017-12-12 来源:温医二院\n{BODY * 2}"
    meta = extract(clean_doc(text), Hints(title="别的标题", date="2024-01-01", site="大众网"))
    assert meta.title == "山大二院与莘县人民医院签约仪式举行"
    assert (meta.date, meta.source) == ("2017-12-12", "温医二院")


@pytest.mark.parametrize(
    "author, expected",
    [
        ("大众网记者 岳霄远 通讯员 袁玉起 聊城报道", "岳霄远 袁玉起"),
        ("李茂盛", "李茂盛"),
        ("Jane Doe", "Jane Doe"),
        ("管理员", None),
    ],
)
def test_hinted_author_is_read_like_a_byline(author: str, expected: str | None) -> None:
    assert extract(clean_doc(BODY * 2), Hints(author=author)).author == expected


def test_no_hints_changes_nothing_on_the_bundled_corpus() -> None:
    for path in sorted(CORPUS.glob("*.txt")):
        cleaned = clean(path.stem, path.read_text(encoding="utf-8"))
        assert extract(cleaned, Hints()) == extract(cleaned)


# --- Pages: chunk → store → citation -------------------------------------------------


def test_locate_pages_ignores_whitespace_and_survives_cleaning() -> None:
    pages = [
        "甲乙丙丁戊己庚辛壬癸。子丑寅卯(mǎo)辰巳午未。",
        "申酉戌亥。金木水火土。一二三四五六七八九十。",
    ]
    chunks = [
        Chunk("d", 0, 0, 0, "甲乙丙 丁戊己庚辛壬癸。"),
        Chunk("d", 1, 0, 0, "子丑寅卯辰巳午未。申酉戌亥。"),  # gloss removed by cleaning
        Chunk("d", 2, 0, 0, "金木水火土。一二三四五六七八九十。"),
        Chunk("d", 3, 0, 0, "这一段不在任何一页上出现过的文字内容。"),
    ]
    assert [c.page for c in locate_pages(chunks, pages)] == [1, 1, 2, None]


def test_page_reaches_the_store_schema_and_the_citation() -> None:
    article = Article("report", "医联体工作报告")
    meta = ChunkMeta(article, "h", 4, 10, 40, "第二页的内容。", "第二 内容", page=2)
    stored = chunk_to_chroma(meta)
    assert stored["page"] == 2 and chunk_from_chroma(stored) == meta
    unpaged = ChunkMeta(article, "h", 0, 0, 5, "内容。")
    assert chunk_from_chroma(chunk_to_chroma(unpaged)).page is None
    assert chunk_from_chroma({**chunk_to_chroma(unpaged), "page": None}).page is None
    passage = Passage("report#h#4", "report", meta.original, meta.original, meta, 0.9)
    citation = Citation.from_passage(1, passage, "第二页的内容。", 0.9)
    assert citation.page == 2 and citation.page_label == "p. 2"
    assert Citation.of_article(1, article, "x", 1.0, "c").page_label == ""


def test_raw_document_defaults_keep_text_files_unpaged() -> None:
    raw = RawDocument("d", Path("d.txt"), "text", "utf_8", "hash")
    assert raw.pages == () and raw.hints == Hints()
