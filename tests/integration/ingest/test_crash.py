"""Fault injection: SIGKILL ingestion at random moments, again and again; after every kill
the store is consistent and nothing already ingested is lost; a final run repairs it all."""

import json
import random
import shutil
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant import QueryEngine
from assistant.store.chroma import Store, StoreConfig
from assistant.store.derived import refresh_derived
from eval.synth import generate
from tests.conftest import CORPUS

pytestmark = pytest.mark.slow
CYCLES = 20


def check_invariant(config: StoreConfig) -> dict[str, str]:
    """Every committed document has all its chunks, BM25 entries and relations; nothing else is "
    "visible."""
    store = Store.open(config)
    manifest = store.manifest()
    rows = list(store.iter_chunks())
    counts = Counter((r.meta.doc_id, r.meta.doc_hash) for r in rows)
    for doc_id, rec in manifest.items():
        assert counts[(doc_id, rec.doc_hash)] == rec.n_chunks, doc_id
    committed = {
        r.chunk_id
        for r in rows
        if r.meta.doc_id in manifest and manifest[r.meta.doc_id].doc_hash == r.meta.doc_hash
    }
    derived = refresh_derived(store)
    assert set(derived.lexical.ids) == committed
    per_doc = Counter(r.relation.doc_id for r in derived.relations.all())
    for doc_id, rec in manifest.items():
        assert per_doc[doc_id] == len(rec.relations), doc_id
    assert set(per_doc) <= set(manifest)
    for p in QueryEngine.open(config.path).retrieve("哪些医院支援阳谷县人民医院?"):
        assert p.chunk_id in committed  # queries never see an uncommitted chunk
    return {doc_id: rec.doc_hash for doc_id, rec in manifest.items()}


def ingest_cmd(corpus: Path, db: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "ingest",
        str(corpus),
        "--db",
        str(db),
        "--json",
        "--no-prune",
        "--events",
    ]


def events(proc: subprocess.Popen) -> Iterator[str]:
    """The steps an ingestion reports on stderr, as they happen."""
    assert proc.stderr is not None
    for line in proc.stderr:
        if line.startswith("{"):
            yield json.loads(line)["event"]


# Every run that has work reports these before "published"; a kill on one lands mid-run.
KILL_POINTS = ("locked", "repaired", "embedded", "chunks-written", "committed", "pruned")


def test_kill_and_resume_cycles(tmp_path) -> None:
    rng = random.Random(1234)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for f in CORPUS.glob("*.txt"):
        shutil.copy(f, corpus / f.name)
    pool = generate(CYCLES * 3 + 10, seed=99, focus_county="阳谷县", focus_count=8)
    for doc in pool[:10]:
        (corpus / f"{doc.name}.txt").write_text(doc.text, encoding="utf-8")
    db = tmp_path / "chroma"
    config = StoreConfig(path=db)
    subprocess.run(ingest_cmd(corpus, db), check=True, capture_output=True, timeout=600)
    committed = check_invariant(config)
    assert len(committed) == 15

    kills = 0
    for cycle in range(CYCLES):
        for doc in pool[10 + 3 * cycle : 12 + 3 * cycle]:  # two new articles
            (corpus / f"{doc.name}.txt").write_text(doc.text, encoding="utf-8")
        edited = rng.choice(sorted(corpus.glob("*.txt")))  # and one edited
        edited.write_text(
            edited.read_text(encoding="utf-8")
            + f"\n第{cycle}次补充报道。会议还讨论了下一步工作安排。",
            encoding="utf-8",
        )
        # kill at a step chosen from what the run reports, not after a guessed delay
        point = rng.choice(KILL_POINTS)
        proc = subprocess.Popen(
            ingest_cmd(corpus, db), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
        )
        if point in events(proc):
            proc.kill()
        proc.wait(timeout=600)
        kills += proc.returncode == -signal.SIGKILL
        after = check_invariant(config)
        assert set(committed) <= set(after), "a document ingested earlier was lost"
        committed = after
    assert kills >= CYCLES // 2  # most cycles really were interrupted

    final = subprocess.run(
        ingest_cmd(corpus, db), check=True, capture_output=True, text=True, timeout=900
    )
    summary = json.loads(final.stdout)
    assert summary["rejected"] == []
    repaired = check_invariant(config)
    fresh = StoreConfig(path=tmp_path / "fresh")
    subprocess.run(ingest_cmd(corpus, fresh.path), check=True, capture_output=True, timeout=900)
    assert repaired == check_invariant(fresh)  # the same documents at the same versions
    assert Store.open(config).chunk_count() == Store.open(fresh).chunk_count()


def test_second_writer_is_busy_and_readers_see_whole_versions(tmp_path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for f in CORPUS.glob("*.txt"):
        shutil.copy(f, corpus / f.name)
    db = tmp_path / "chroma"
    subprocess.run(ingest_cmd(corpus, db), check=True, capture_output=True, timeout=600)
    for doc in generate(40, seed=3):
        (corpus / f"{doc.name}.txt").write_text(doc.text, encoding="utf-8")
    leling = next(corpus.glob("001_*.txt"))
    leling.write_text(
        leling.read_text(encoding="utf-8").replace("座談會", "座談交流會"), encoding="utf-8"
    )

    engine = QueryEngine.open(db)
    writer = subprocess.Popen(
        ingest_cmd(corpus, db), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    seen = []
    for event in events(writer):  # readers check the store at every step the writer reports
        if event == "locked":
            second = subprocess.run(
                ingest_cmd(corpus, db), capture_output=True, text=True, timeout=120
            )
            assert second.returncode == 2 and "busy" in second.stderr
        hashes = {rec.doc_id: rec.doc_hash for rec in engine.documents().values()}
        for p in engine.retrieve("山东大学齐鲁医院德州医院与乐陵市人民医院开展对口支援工作座谈会"):
            assert p.meta.doc_hash == hashes[p.doc_id]  # one version per document, never a mix
        answer = engine.ask("哪些医院支援乐陵?")
        assert answer.citations and answer.citations[0].doc_id.startswith("001_")
        seen.append(event)
    assert writer.wait(timeout=600) == 0
    assert seen[0] == "locked" and seen[-1] == "published" and "committed" in seen
    final = engine.ask("山东大学齐鲁医院德州医院与乐陵市人民医院开展了什么会?")
    assert "座談交流會" in "".join(
        c.quote for c in final.citations
    )  # the new version, once published
