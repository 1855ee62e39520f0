"""Uploads and removals without a model or a store: names, limits, checks, the write gate,
the queue. The ingestion is a fake that indexes each readable file of the corpus
directory (and prunes the rest), as `ingest.pipeline.run` does."""

from __future__ import annotations

import hashlib
import shutil
import threading
from pathlib import Path

import pytest

from assistant.app.staging import BadName, Incoming, Limits, Paste, paste_content, sanitize_name
from assistant.app.upload import ENABLE_HINT, CorpusWriter, UploadRefused
from assistant.errors import StoreBusy
from assistant.store.chroma import StoreConfig
from assistant.store.schema import DocRecord
from assistant.types import Article
from ingest.load import SUFFIXES, RejectedFile, discover, load
from ingest.pipeline import Summary
from tests.conftest import CORPUS, FakeEmbedding
from tests.documents import zip_inflating

ARTICLE = (CORPUS / "003_976f688fcd1ec32e.txt").read_text(encoding="utf-8")
OTHER = (CORPUS / "001_12103a184f632d7e.txt").read_bytes()


class FakeIngest:
    """Indexes every readable file of the corpus directory and prunes the rest."""

    def __init__(self) -> None:
        self.manifest: dict[str, DocRecord] = {}
        self.calls = 0
        self.running = 0
        self.overlapped = False
        self.gate: threading.Event | None = None  # when set up, a run waits for it
        self.entered = threading.Event()
        self.busy = 0  # this many runs first find the store busy

    def documents(self) -> dict[str, DocRecord]:
        return dict(self.manifest)

    def __call__(self, root, config, embed_model, options, progress, events) -> Summary:
        if self.busy:
            self.busy -= 1
            raise StoreBusy("the store is busy")
        self.running += 1
        self.overlapped |= self.running > 1
        self.calls += 1
        self.entered.set()
        try:
            if self.gate is not None:
                assert self.gate.wait(30)
            summary = Summary()
            events("locked", 0)
            seen = {}
            for path in discover(root):
                try:
                    raw = load(path)
                except RejectedFile as exc:
                    summary.rejected.append({"path": str(path), "reason": exc.reason})
                    continue
                digest = hashlib.sha256(raw.text.encode()).hexdigest()[:16]
                seen[path.stem] = DocRecord(Article(path.stem, path.stem), digest, 1, str(path))
            self.manifest = seen
            events("committed", len(seen))
            events("published", len(seen))
            return summary
        finally:
            self.running -= 1


@pytest.fixture
def ingest() -> FakeIngest:
    return FakeIngest()


def make_writer(corpus: Path, ingest: FakeIngest, enabled: bool = True, **kw) -> CorpusWriter:
    return CorpusWriter(
        corpus,
        StoreConfig(path=corpus.parent / "never-opened"),
        FakeEmbedding,
        ingest.documents,
        enabled=enabled,
        ingest=ingest,
        busy_poll_s=0.0,
        **kw,
    )


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    target.mkdir()
    shutil.copy(CORPUS / "000_5d65d5fcfe079639.txt", target)
    return target


def upload_file(tmp_path: Path, name: str, data: bytes) -> Incoming:
    """A file as Gradio hands it over: somewhere in its cache, under the sent name."""
    where = tmp_path / "gradio-cache" / hashlib.sha1(name.encode()).hexdigest()[:8]
    where.mkdir(parents=True, exist_ok=True)
    path = where / "upload.bin"
    path.write_bytes(data)
    return Incoming(name, path)


# --- names ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sent, saved",
    [
        ("../../x.txt", "x.txt"),
        ("..\\..\\windows\\x.txt", "x.txt"),
        ("/etc/passwd.txt", "passwd.txt"),
        (".hidden.md", "hidden.md"),
        ("报道 2024.HTML", "报道 2024.html"),
        ("a\x00b\u202e.txt", "ab.txt"),
        ('what?:*"<>|.txt', "what_______.txt"),
        ("  spaced   name .pdf", "spaced name.pdf"),
    ],
)
def test_names_are_reduced_to_a_plain_base_name(sent: str, saved: str) -> None:
    assert sanitize_name(sent) == saved


@pytest.mark.parametrize("sent", ["", "..", "../", "a/b/", "...", "/", " . "])
def test_names_with_nothing_left_are_refused(sent: str) -> None:
    with pytest.raises(BadName):
        sanitize_name(sent)


def test_long_names_are_cut_below_the_file_system_limit() -> None:
    name = sanitize_name("医" * 300 + ".docx")
    assert name.endswith(".docx") and len(name.encode()) <= 180


# --- uploads ----------------------------------------------------------------------------


def test_a_good_file_is_added_and_a_path_in_its_name_never_escapes(tmp_path, corpus, ingest):
    writer = make_writer(corpus, ingest)
    results = writer.upload([upload_file(tmp_path, "../../x.txt", ARTICLE.encode())])
    assert [(r.name, r.status) for r in results] == [("x.txt", "added")]
    assert (corpus / "x.txt").read_text(encoding="utf-8") == ARTICLE
    assert "x" in ingest.manifest
    assert list(tmp_path.rglob("x.txt")) == [corpus / "x.txt"]
    assert not (corpus / "../../x.txt").exists()
    assert not [p for p in corpus.iterdir() if p.name.startswith(".")]  # no temporary left


def test_bad_uploads_are_rejected_with_a_reason_and_change_nothing(tmp_path, corpus, ingest):
    writer = make_writer(corpus, ingest)
    writer.upload([upload_file(tmp_path, "first.txt", ARTICLE.encode())])
    calls, before, manifest = ingest.calls, snapshot(corpus), ingest.documents()
    big = tmp_path / "big.txt"
    with big.open("wb") as f:  # 50 MB, sparse: nothing is really written
        f.truncate(50 * 2**20)
    bad = [
        upload_file(tmp_path, "empty.txt", b""),
        upload_file(tmp_path, "fake.pdf", b"\x00\x01binary\xff" * 200),
        upload_file(tmp_path, "bomb.docx", zip_inflating(3)),
        upload_file(tmp_path, "tool.exe", ARTICLE.encode()),
        upload_file(tmp_path, "archive.zip", b"PK\x03\x04"),
        upload_file(tmp_path, "english.txt", b"only English words here, no article " * 20),
        upload_file(tmp_path, "..", ARTICLE.encode()),
        upload_file(tmp_path, "README.md", ARTICLE.encode()),
        Incoming("huge.txt", big),
    ]
    results = writer.upload(bad)
    reasons = {r.name: r.detail for r in results}
    assert [r.status for r in results] == ["rejected"] * len(bad), results
    assert reasons["empty.txt"] == "empty file"
    assert "too large" in reasons["huge.txt"] and "20 MB" in reasons["huge.txt"]
    assert "unsupported file type .exe" in reasons["tool.exe"]
    assert "unsupported file type .zip" in reasons["archive.zip"]
    assert "Chinese" in reasons["english.txt"]
    assert "no usable file name" in reasons[".."]
    assert "README" in reasons["README.md"]
    if ".pdf" in SUFFIXES:
        assert "PDF" in reasons["fake.pdf"]
    if ".docx" in SUFFIXES:
        assert "zip bomb" in reasons["bomb.docx"]
    assert snapshot(corpus) == before and ingest.documents() == manifest
    assert ingest.calls == calls  # nothing accepted: no ingestion at all


def test_one_bad_file_does_not_stop_the_good_ones(tmp_path, corpus, ingest):
    writer = make_writer(corpus, ingest)
    results = writer.upload(
        [upload_file(tmp_path, "good.md", ARTICLE.encode()), upload_file(tmp_path, "e.txt", b"")]
    )
    assert [(r.name, r.status) for r in results] == [("good.md", "added"), ("e.txt", "rejected")]
    assert sorted(p.name for p in corpus.iterdir()) == ["000_5d65d5fcfe079639.txt", "good.md"]


def test_same_name_updates_identical_content_and_id_clashes_are_caught(tmp_path, corpus, ingest):
    writer = make_writer(corpus, ingest)
    writer.upload([upload_file(tmp_path, "a.txt", ARTICLE.encode())])
    results = writer.upload([upload_file(tmp_path, "a.txt", ARTICLE.encode())])
    assert [(r.status, r.detail) for r in results] == [("unchanged", "already in the library")]
    results = writer.upload(
        [upload_file(tmp_path, "a.txt", ARTICLE.encode() + "补充一句。".encode())]
    )
    assert [r.status for r in results] == ["updated"]
    assert not [p for p in corpus.iterdir() if p.name.startswith(".")]  # backup cleaned up
    results = writer.upload(
        [
            upload_file(tmp_path, "a.html", b"<p>" + ARTICLE.encode() + b"</p>"),
            upload_file(tmp_path, "copy.txt", (corpus / "000_5d65d5fcfe079639.txt").read_bytes()),
            upload_file(tmp_path, "twice.txt", OTHER),
            upload_file(tmp_path, "twice.md", OTHER),
        ]
    )
    status = {r.name: (r.status, r.detail) for r in results}
    assert status["a.html"][0] == "rejected" and "already exists (a.txt)" in status["a.html"][1]
    assert status["copy.txt"] == (
        "rejected",
        "identical to 000_5d65d5fcfe079639.txt, already in the library",
    )
    assert status["twice.txt"][0] == "added"
    assert status["twice.md"][0] == "rejected" and "same name" in status["twice.md"][1]


def test_a_pasted_article_is_saved_as_text_with_its_title(tmp_path, corpus, ingest):
    writer = make_writer(corpus, ingest)
    body = ARTICLE.split("\n", 3)[-1]
    paste = Paste("山大二院助力莘县乡村医疗", body, "大众网", "2024-04-29")
    (result,) = writer.upload([], paste)
    assert result.status == "added" and result.name.endswith(".txt")
    saved = (corpus / result.name).read_text(encoding="utf-8")
    assert saved == paste_content(paste)
    assert saved.startswith(
        "原标题: 山大二院助力莘县乡村医疗\n来源: 大众网\n发布时间: 2024-04-29\n\n"
    )
    (result,) = writer.upload([], Paste("", body))
    assert result.status == "rejected" and "title" in result.detail


def test_limits_refuse_the_whole_upload(tmp_path, corpus, ingest):
    writer = make_writer(
        corpus, ingest, limits=Limits(max_files=3, max_total_bytes=len(ARTICLE.encode()) * 2)
    )
    before = snapshot(corpus)
    many = [upload_file(tmp_path, f"{i}.txt", ARTICLE.encode()) for i in range(4)]
    with pytest.raises(UploadRefused, match="4 files in one upload: the limit is 3"):
        writer.upload(many)
    with pytest.raises(UploadRefused, match="MB in all"):
        writer.upload(many[:3])
    with pytest.raises(UploadRefused, match="nothing to upload"):
        writer.upload([])
    assert snapshot(corpus) == before and ingest.calls == 0


def test_writes_are_refused_when_off(tmp_path, corpus, ingest):
    writer = make_writer(corpus, ingest, enabled=False)
    before = snapshot(corpus)
    with pytest.raises(UploadRefused) as refused:
        writer.upload([upload_file(tmp_path, "x.txt", ARTICLE.encode())])
    assert "--auth" in str(refused.value) and "--allow-uploads" in str(refused.value)
    with pytest.raises(UploadRefused):
        writer.remove("000_5d65d5fcfe079639")
    assert snapshot(corpus) == before and ingest.calls == 0


def test_the_handlers_refuse_too_not_only_the_page(tmp_path, corpus, ingest):
    from assistant.app.handlers import LibraryHandlers

    class Holder:  # the engine's documents, without an engine
        documents = ingest.documents

    before = snapshot(corpus)
    cached = upload_file(tmp_path, "x.txt", ARTICLE.encode())
    for writer in (None, make_writer(corpus, ingest, enabled=False)):
        on = LibraryHandlers(Holder(), corpus, writer)  # type: ignore[arg-type]
        status, rows, _ = on.upload(
            [str(cached.path)], "", "", "", "", progress=lambda *a, **k: None
        )
        assert status.startswith("Nothing was uploaded") and ENABLE_HINT in status and rows == []
        status, *_ = on.remove("000_5d65d5fcfe079639", progress=lambda *a, **k: None)
        assert status.startswith("Nothing removed")
        assert on.ask_remove("000_5d65d5fcfe079639")[2] == ""  # no confirmation offered
    assert snapshot(corpus) == before and ingest.calls == 0


def test_two_uploads_are_serialized_not_refused(tmp_path, corpus, ingest):
    writer = make_writer(corpus, ingest)
    ingest.gate = threading.Event()
    heard: list[str] = []
    results: dict[str, list] = {}

    def up(name: str, data: bytes) -> None:
        results[name] = writer.upload(
            [upload_file(tmp_path, name, data)], report=lambda m, f: heard.append(f"{name}: {m}")
        )

    first = threading.Thread(target=up, args=("one.txt", ARTICLE.encode()))
    first.start()
    assert ingest.entered.wait(30)  # the first upload is indexing, held at the gate
    second = threading.Thread(target=up, args=("two.txt", OTHER))
    second.start()
    while not any(h.startswith("two.txt: Queued") for h in heard):
        second.join(0.01)
        assert second.is_alive()
    assert ingest.calls == 1 and not (corpus / "two.txt").exists()  # it waits its turn
    ingest.gate.set()
    first.join(30)
    second.join(30)
    assert ingest.calls == 2 and not ingest.overlapped
    assert results["one.txt"][0].status == "added" and results["two.txt"][0].status == "added"


def test_a_busy_store_is_waited_for(tmp_path, corpus, ingest):
    writer = make_writer(corpus, ingest)
    ingest.busy = 2
    heard: list[str] = []
    (result,) = writer.upload(
        [upload_file(tmp_path, "x.txt", ARTICLE.encode())], report=lambda m, f: heard.append(m)
    )
    assert result.status == "added"
    assert sum("Waiting for another ingestion" in h for h in heard) == 2


def test_a_failed_ingestion_puts_the_directory_back(tmp_path, corpus, ingest):
    writer = make_writer(corpus, ingest, busy_wait_s=0.0)
    writer.upload([upload_file(tmp_path, "a.txt", ARTICLE.encode())])
    before = snapshot(corpus)
    ingest.busy = 1
    with pytest.raises(StoreBusy):
        writer.upload(
            [
                upload_file(tmp_path, "a.txt", ARTICLE.encode() + "新的一句。".encode()),
                upload_file(tmp_path, "b.txt", OTHER),
            ]
        )
    assert snapshot(corpus) == before


def test_a_store_built_elsewhere_is_not_pruned(tmp_path, corpus, ingest):
    writer = make_writer(corpus, ingest)
    elsewhere = tmp_path / "other" / "y.txt"
    ingest.manifest = {"y": DocRecord(Article("y", "y"), "h", 1, str(elsewhere))}
    before = snapshot(corpus)
    with pytest.raises(UploadRefused, match="--corpus"):
        writer.upload([upload_file(tmp_path, "x.txt", ARTICLE.encode())])
    assert snapshot(corpus) == before and ingest.calls == 0


def test_remove_deletes_the_file_and_the_document(tmp_path, corpus, ingest):
    writer = make_writer(corpus, ingest)
    writer.upload([upload_file(tmp_path, "x.txt", ARTICLE.encode())])
    result = writer.remove("x")
    assert (result.status, result.name) == ("removed", "x.txt")
    assert not (corpus / "x.txt").exists() and "x" not in ingest.manifest
    assert "000_5d65d5fcfe079639" in ingest.manifest
    with pytest.raises(UploadRefused, match="no document"):
        writer.remove("x")


def test_a_failed_removal_keeps_the_file(tmp_path, corpus, ingest):
    writer = make_writer(corpus, ingest, busy_wait_s=0.0)
    writer.upload([upload_file(tmp_path, "x.txt", ARTICLE.encode())])
    before = snapshot(corpus)
    ingest.busy = 1
    with pytest.raises(StoreBusy):
        writer.remove("x")
    assert snapshot(corpus) == before and "x" in ingest.manifest
