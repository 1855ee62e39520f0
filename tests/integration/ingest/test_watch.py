"""Watch mode on a real folder and a real on-disk Chroma store: files dropped in are
committed, files deleted are removed, each batch prints one line, and it stops cleanly
(from a stop event, and from Ctrl-C in `python -m ingest DIR --watch`)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from assistant.store.chroma import Store, StoreConfig
from ingest.watch import watch
from tests.conftest import CORPUS, ROOT
from tests.documents import make_scanned_pdf

TIMEOUT_S = 180.0  # generous: the machine may be busy; the assertions never wait on a clock


def wait_until(condition: Callable[[], object], what: str, timeout: float = TIMEOUT_S) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f}s waiting until {what}")
        time.sleep(0.1)


def committed(config: StoreConfig) -> set[str]:
    try:
        return set(Store.open(config).manifest())
    except Exception:  # not created yet
        return set()


@pytest.fixture
def watching(tmp_path: Path, store_config: StoreConfig, fake_embed) -> Iterator[tuple]:
    docs = tmp_path / "docs"
    docs.mkdir()
    lines: list[str] = []
    stop = threading.Event()
    errors: list[BaseException] = []

    def target() -> None:
        try:
            watch(
                docs,
                store_config,
                fake_embed,
                stop=stop,
                report=lines.append,
                debounce_ms=800,
                quiet_ms=200,
            )
        except BaseException as exc:  # surfaced by the test, not lost in the thread
            errors.append(exc)

    thread = threading.Thread(target=target, name="watch", daemon=True)
    thread.start()
    wait_until(lambda: any("waiting for changes" in ln for ln in lines) or errors, "it listens")
    yield docs, store_config, lines, errors
    stop.set()
    thread.join(TIMEOUT_S)
    assert not thread.is_alive(), "the watcher did not stop"
    assert not errors, errors


def test_files_arrive_and_go(watching) -> None:
    docs, config, lines, errors = watching
    article = next(CORPUS.glob("003_*.txt"))
    shutil.copy(article, docs / article.name)
    wait_until(lambda: article.stem in committed(config) or errors, "the article is committed")
    assert not errors, errors
    rows = Store.open(config).document_chunks(article.stem)
    assert rows and Store.open(config).manifest()[article.stem].n_chunks == len(rows)
    wait_until(lambda: any(f"added 1 ({article.stem})" in ln for ln in lines), "its line")

    make_scanned_pdf(docs / "scan.pdf")
    wait_until(
        lambda: any("scan.pdf: scanned PDF: no text layer" in ln for ln in lines) or errors,
        "the scan is reported as rejected",
    )
    assert committed(config) == {article.stem}

    (docs / article.name).unlink()
    wait_until(lambda: article.stem not in committed(config) or errors, "the article is removed")
    assert not errors, errors
    assert Store.open(config).document_chunks(article.stem) == []
    wait_until(lambda: any(f"removed 1 ({article.stem})" in ln for ln in lines), "its line")
    assert all("\n" not in ln for ln in lines)


def test_ctrl_c_stops_the_command_cleanly(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-m", "ingest", str(docs), "--db", str(tmp_path / "db"), "--watch"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert proc.stdout is not None
        seen = []
        for line in proc.stdout:
            seen.append(line)
            if "waiting for changes" in line:
                break
        assert any("0 documents" in ln for ln in seen), seen
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=TIMEOUT_S)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "watch: stopped" in out and "Traceback" not in err
