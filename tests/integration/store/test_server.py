"""A real Chroma server on 127.0.0.1, written by two concurrent shard workers."""

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant import QueryEngine
from assistant.embedding import load_embedding
from assistant.store.chroma import Store, StoreConfig
from eval.synth import generate, write
from ingest.pipeline import run
from tests.conftest import CORPUS, free_port

CHROMA = Path(sys.executable).with_name("chroma")


def ingest_command(corpus: Path, chroma_url: str, *more: str) -> list[str]:
    """`python -m ingest CORPUS --chroma-url URL MORE...`"""
    return [sys.executable, "-m", "ingest", str(corpus), "--chroma-url", chroma_url, *more]


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory):
    path = tmp_path_factory.mktemp("server")
    port = free_port()
    proc = subprocess.Popen(
        [
            str(CHROMA),
            "run",
            "--path",
            str(path / "db"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    import chromadb

    deadline = time.monotonic() + 60
    while True:
        try:
            chromadb.HttpClient(host="127.0.0.1", port=port).heartbeat()
            break
        except Exception:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                pytest.fail("the Chroma server did not start")
            time.sleep(0.3)
    yield url
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture(scope="module")
def mixed_corpus(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("mixed")
    write(generate(16, seed=21, focus_county="冠县", focus_count=5), target)
    (target / "relations_gold.jsonl").unlink()
    for f in CORPUS.glob("*.txt"):
        shutil.copy(f, target / f.name)
    return target


def test_two_shard_workers_equal_an_embedded_ingest(chroma_url, mixed_corpus, tmp_path) -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    workers = [
        subprocess.Popen(
            ingest_command(mixed_corpus, chroma_url, "--shard", f"{i}/2", "--json"),
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(2)
    ]
    summaries = []
    for w in workers:
        out, err = w.communicate(timeout=600)
        assert w.returncode == 0, err
        summaries.append(json.loads(out))
    assert sum(s["added"] for s in summaries) == 21 and all(s["added"] for s in summaries)
    assert not any(s["rejected"] for s in summaries)

    embedded = StoreConfig(path=tmp_path / "embedded")
    run(mixed_corpus, embedded, load_embedding(), progress=False)
    server = Store.open(StoreConfig(path=None, url=chroma_url, sidecar=tmp_path / "sidecar"))
    local = Store.open(embedded)
    assert {k: v.doc_hash for k, v in server.manifest().items()} == {
        k: v.doc_hash for k, v in local.manifest().items()
    }
    assert {r.chunk_id: r.text for r in server.iter_chunks(with_text=True)} == {
        r.chunk_id: r.text for r in local.iter_chunks(with_text=True)
    }

    remote = QueryEngine.open(chroma_url=chroma_url, sidecar=tmp_path / "sidecar")
    near = QueryEngine.open(embedded.path)
    for question in (
        "哪些医院支援冠县?",
        "哪些医院支援乐陵?",
        "胜利油田中心医院派驻了多少名专家?",
        "Who supports Shen County?",
    ):
        a, b = remote.ask(question), near.ask(question)
        assert a.text == b.text and [c.doc_id for c in a.citations] == [
            c.doc_id for c in b.citations
        ]
    assert remote.ask("哪些医院支援冠县?").text.startswith("共找到5项")

    # a second run of both workers changes nothing
    again = subprocess.run(
        ingest_command(mixed_corpus, chroma_url, "--shard", "1/2", "--json"),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert json.loads(again.stdout)["chunks_embedded"] == 0


def test_unreachable_server_is_a_clear_error(tmp_path) -> None:
    out = subprocess.run(
        ingest_command(CORPUS, f"http://127.0.0.1:{free_port()}"),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 2 and "cannot reach the Chroma server" in out.stderr
