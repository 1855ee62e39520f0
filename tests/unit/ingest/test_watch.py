"""Watch mode's pure parts: which file changes start a run, and the line each batch prints."""

from __future__ import annotations

from pathlib import Path

from watchfiles import Change

from assistant.store.chroma import StoreConfig
from ingest.pipeline import Summary
from ingest.watch import BatchReport, change_filter, compare


def test_only_document_changes_outside_the_store_start_a_run(tmp_path: Path) -> None:
    root = tmp_path / "docs"
    (root / "folder").mkdir(parents=True)
    config = StoreConfig(path=root / "db" / "chroma")  # a store kept inside the folder
    accept = change_filter(root, config)
    for name in ("a.txt", "b.md", "c.html", "d.htm", "e.pdf", "f.DOCX", "sub/g.pdf"):
        assert accept(Change.added, str(root / name)), name
    for name in (
        ".hidden.txt",
        ".git/x.txt",
        "README.md",
        "a.txt~",
        ".a.txt.swp",
        "image.png",
        "notes.doc",
        "db/chroma/chroma.sqlite3",
        "db/chroma/0b1c5f3e-segment",  # Chroma's own files, suffix or not
        "db/chroma.sidecar/write.lock",
    ):
        assert not accept(Change.modified, str(root / name)), name
    # a folder moved in or deleted: its files are not reported one by one
    assert accept(Change.added, str(root / "folder"))
    assert accept(Change.deleted, str(root / "gone-folder"))
    assert not accept(Change.added, str(root / "no-such-file-without-suffix"))


def test_one_line_per_batch_names_what_changed() -> None:
    summary = Summary(
        rejected=[
            {"path": "/d/scan.pdf", "reason": "scanned PDF: no text layer"},
            {"path": "/d/old.pdf", "reason": "not a readable PDF"},
        ],
        chunks_embedded=7,
        elapsed_s=1.25,
    )
    before = {"a": "h1", "b": "h1", "gone": "h1"}
    after = {"a": "h1", "b": "h2", "new": "h1"}
    report = compare(before, after, summary, known={("/d/old.pdf", "not a readable PDF")})
    assert report == BatchReport(
        added=["new"],
        updated=["b"],
        removed=["gone"],
        rejected=[{"path": "/d/scan.pdf", "reason": "scanned PDF: no text layer"}],
        chunks_embedded=7,
        elapsed_s=1.25,
    )
    assert report.line() == (
        "added 1 (new), updated 1 (b), removed 1 (gone), "
        "rejected 1 (scan.pdf: scanned PDF: no text layer); 7 chunks embedded in 1.2s"
    )
    assert "\n" not in report.line()
    assert BatchReport().line() == (
        "added 0, updated 0, removed 0, rejected 0; 0 chunks embedded in 0.0s"
    )
