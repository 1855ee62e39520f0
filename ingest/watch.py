"""Watch mode: keep the store in step with a folder as files arrive, change or go.

After each debounced batch of file changes the ordinary incremental `pipeline.run` goes
over the whole folder again: unchanged documents are skipped by their hash, so a batch
costs about what its changed files cost, and every batch has the same crash safety and
writer lock as a one-off ingestion. One line is reported per batch.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import watchfiles
from llama_index.core.embeddings import BaseEmbedding

from assistant.errors import StoreBusy, StoreNotFound
from assistant.store.chroma import Store, StoreConfig

from .formats import SUFFIXES
from .pipeline import IngestOptions, Summary, run

DEBOUNCE_MS = 1600  # the longest a batch waits while changes keep arriving
QUIET_MS = 400  # a batch closes after this long without a change (a copy still writing)
BUSY_RETRY_S = 2.0
STARTUP_MS = 1000  # the watcher listens this long before the initial run starts


class StopEvent(Protocol):
    def is_set(self) -> bool: ...

    def wait(self, timeout: float | None = None) -> bool: ...


@dataclass(frozen=True)
class BatchReport:
    """What one batch changed in the store, by document id."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    rejected: list[dict[str, str]] = field(default_factory=list)  # path, reason
    chunks_embedded: int = 0
    elapsed_s: float = 0.0

    def line(self) -> str:
        """ "added 1 (a), updated 0, removed 0, rejected 1 (b.pdf: reason); 3 chunks …"."""

        def names(label: str, items: list[str]) -> str:
            return f"{label} {len(items)}" + (f" ({'; '.join(items)})" if items else "")

        rejected = [f"{Path(r['path']).name}: {r['reason']}" for r in self.rejected]
        return (
            ", ".join(
                (
                    names("added", self.added),
                    names("updated", self.updated),
                    names("removed", self.removed),
                    names("rejected", rejected),
                )
            )
            + f"; {self.chunks_embedded} chunks embedded in {self.elapsed_s:.1f}s"
        )


def _manifest(config: StoreConfig) -> dict[str, str]:
    """doc_id → doc_hash of the committed documents (empty before the first ingestion)."""
    try:
        return {d: r.doc_hash for d, r in Store.open(config).manifest().items()}
    except StoreNotFound:
        return {}


def compare(
    before: dict[str, str], after: dict[str, str], summary: Summary, known: set[tuple[str, str]]
) -> BatchReport:
    """The batch's changes to the store; rejections already reported (`known`) are left out."""
    return BatchReport(
        added=sorted(set(after) - set(before)),
        updated=sorted(d for d in set(after) & set(before) if after[d] != before[d]),
        removed=sorted(set(before) - set(after)),
        rejected=[r for r in summary.rejected if (r["path"], r["reason"]) not in known],
        chunks_embedded=summary.chunks_embedded,
        elapsed_s=summary.elapsed_s,
    )


def _stamp(line: str) -> str:
    return f"[{time.strftime('%H:%M:%S')}] {line}"


def change_filter(root: Path, config: StoreConfig) -> Callable[[watchfiles.Change, str], bool]:
    """Changes worth a run: supported documents (not hidden, not a README), and folders
    appearing or going (their files are not reported one by one). Changes inside the store
    itself are ignored, so a store kept inside the folder cannot trigger itself."""
    default = watchfiles.DefaultFilter()
    own = [p.resolve() for p in (config.path, config.sidecar_dir()) if p] if not config.url else []

    def accept(change: watchfiles.Change, raw: str) -> bool:
        path = Path(raw)
        if not default(change, raw) or any(path.is_relative_to(p) for p in own):
            return False
        parts = path.relative_to(root).parts if path.is_relative_to(root) else path.parts
        if any(part.startswith(".") for part in parts):
            return False
        if path.suffix.lower() in SUFFIXES:
            return path.name.lower() != "readme.md"
        return change == watchfiles.Change.deleted or path.is_dir()

    return accept


def _run_once(
    root: Path,
    config: StoreConfig,
    embed_model: BaseEmbedding,
    options: IngestOptions,
    shard: tuple[int, int] | None,
    stop: StopEvent,
    report: Callable[[str], None],
) -> Summary | None:
    """One incremental run; while another ingestion holds the store, wait and try again."""
    while not stop.is_set():
        try:
            return run(root, config, embed_model, options, progress=False, shard=shard)
        except StoreBusy as exc:
            report(f"watch: {exc}; retrying in {BUSY_RETRY_S:.0f}s")
            stop.wait(BUSY_RETRY_S)
    return None


def watch(
    root: Path,
    config: StoreConfig,
    embed_model: BaseEmbedding,
    options: IngestOptions = IngestOptions(),
    *,
    shard: tuple[int, int] | None = None,
    stop: StopEvent | None = None,
    report: Callable[[str], None] = print,
    debounce_ms: int = DEBOUNCE_MS,
    quiet_ms: int = QUIET_MS,
    force_polling: bool | None = None,
) -> None:
    """Ingest `root` once, then again after every batch of changes, until `stop` is set
    (or Ctrl-C: the caller sees KeyboardInterrupt; an interrupted run is repaired by the
    next one, like any interrupted ingestion)."""
    if not root.is_dir():
        raise FileNotFoundError(f"--watch needs a directory: {root}")
    root = root.resolve()
    stop = stop or threading.Event()
    after = _manifest(config)
    reported: set[tuple[str, str]] = set()  # rejections already reported: not repeated
    first = True
    for changes in _batches(root, config, stop, debounce_ms, quiet_ms, force_polling):
        before = after
        summary = _run_once(root, config, embed_model, options, shard, stop, report)
        if summary is None:
            return
        after = _manifest(config)
        changed = {path for _, path in changes}
        known = {r for r in reported if r[0] not in changed}  # a changed file is told again
        line = compare(before, after, summary, known).line()
        reported = {(r["path"], r["reason"]) for r in summary.rejected}
        report(_stamp(f"{root}: {len(after)} documents; {line}" if first else line))
        if first:
            report("watch: waiting for changes (Ctrl-C to stop)")
            first = False


def _batches(
    root: Path,
    config: StoreConfig,
    stop: StopEvent,
    debounce_ms: int,
    quiet_ms: int,
    force_polling: bool | None,
) -> Iterator[set[tuple[watchfiles.Change, str]]]:
    """The initial run's (empty) batch once the watcher is listening, so nothing that
    changes during that run is missed; then each debounced batch of changes."""
    first = True
    for changes in watchfiles.watch(
        root,
        watch_filter=change_filter(root, config),
        debounce=debounce_ms,
        step=quiet_ms,
        stop_event=stop,
        rust_timeout=STARTUP_MS,
        yield_on_timeout=True,
        raise_interrupt=True,
        force_polling=force_polling,
    ):
        if changes or first:
            first = False
            yield changes
