"""Uploads and removals: the web app's only writes, to the corpus directory and the store.

Every write goes through one `CorpusWriter`, one at a time (a second upload waits for
the first; an ingestion running in another process is waited for too). An upload is
checked in a staging directory first: its name is reduced to a plain file name, its size
and type are checked, and `ingest.load.load` and cleaning must accept it. Only accepted
files are moved into the corpus directory, and then the ordinary incremental ingestion
runs over that directory, so `python -m ingest CORPUS` reproduces the store exactly.
Removing a document takes its file out of the corpus directory and runs the same
ingestion, which prunes it. Both are refused unless the server was started with a
password (`--auth`/`--auth-file`) or with `--allow-uploads`.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from llama_index.core.embeddings import BaseEmbedding

from assistant.app.staging import (
    BadName,
    FileResult,
    Incoming,
    Limits,
    Paste,
    check_staged,
    copy_bounded,
    megabytes,
    paste_content,
    paste_name,
    pipeline_result,
    sanitize_name,
    sha256_file,
)
from assistant.errors import AssistantError, StoreBusy
from assistant.store.chroma import StoreConfig
from assistant.store.schema import DocRecord
from ingest.load import SUFFIXES, discover
from ingest.pipeline import IngestOptions, Summary
from ingest.pipeline import run as run_pipeline

ENABLE_HINT = (
    "Uploading and removing documents change the shared library, so they are off unless the "
    "server is started with a password (`python -m assistant serve --auth USER:PASS` or "
    "`--auth-file FILE`), or with `--allow-uploads` on a machine only you use."
)
Report = Callable[[str, float | None], None]  # (what is happening, fraction done or None)
Ingest = Callable[..., Summary]  # ingest.pipeline.run's signature


def no_report(message: str, fraction: float | None) -> None:
    """The default listener: hears nothing."""


class UploadRefused(AssistantError):
    """The whole upload or removal is refused (writes off, limits, an unsafe store); nothing
    was changed. The message says what to do."""


@dataclass
class _Staged:
    name: str  # the sanitized name it will have in the corpus directory
    path: Path  # in the staging directory
    replaces: Path | None  # the corpus file of the same name it updates


# --- the writer -------------------------------------------------------------------------


class CorpusWriter:
    """The one writer of the corpus directory and the store, for the web app."""

    def __init__(
        self,
        corpus: Path,
        config: StoreConfig,
        embedder: Callable[[], BaseEmbedding],
        documents: Callable[[], dict[str, DocRecord]],
        *,
        enabled: bool,
        limits: Limits | None = None,
        ingest: Ingest = run_pipeline,
        options: IngestOptions = IngestOptions(),
        busy_wait_s: float = 600.0,
        busy_poll_s: float = 2.0,
    ) -> None:
        """`documents` gives the committed documents as the query engine sees them (so
        results are checked against what the chat answers from); `embedder` the model the
        store was built with; `ingest` is `ingest.pipeline.run`."""
        self.corpus = corpus
        self.config = config
        self.embedder = embedder
        self.documents = documents
        self.enabled = enabled
        self.limits = limits or Limits()
        self.ingest = ingest
        self.options = options
        self.busy_wait_s = busy_wait_s
        self.busy_poll_s = busy_poll_s
        self._lock = threading.Lock()

    # ---- the queue ---------------------------------------------------------------------
    def _check_enabled(self) -> None:
        if not self.enabled:
            raise UploadRefused(ENABLE_HINT)

    @contextlib.contextmanager
    def _turn(self, report: Report) -> Any:
        """One writer at a time: a second waits here (it is not refused)."""
        if not self._lock.acquire(blocking=False):
            report("Queued: waiting for the upload or removal before this one to finish…", None)
            self._lock.acquire()
        try:
            yield
        finally:
            self._lock.release()

    def _run(self, report: Report, todo: int) -> Summary:
        """Ingest the corpus directory; wait (do not fail) while another ingestion holds the
        store. `todo` files are new or changed: the progress bar counts them."""
        committed = 0

        def events(event: str, count: int) -> None:
            nonlocal committed
            if event == "locked":
                report("Indexing: store locked", 0.05)
            elif event == "embedded":
                report(f"Indexing: embedded {count} document(s)", None)
            elif event == "committed":
                committed += count
                report(f"Indexing: committed {committed} of {todo}", _fraction(committed, todo))
            elif event == "pruned":
                report("Indexing: documents whose files are gone removed", 0.95)
            elif event == "published":
                report("Indexing: published the new version", 1.0)

        deadline = time.monotonic() + self.busy_wait_s
        while True:
            try:
                return self.ingest(
                    self.corpus,
                    self.config,
                    self.embedder(),
                    self.options,
                    progress=False,
                    events=events,
                )
            except StoreBusy:
                if time.monotonic() >= deadline:
                    raise
                report("Waiting for another ingestion of this store to finish…", None)
                time.sleep(self.busy_poll_s)

    def _corpus_files(self) -> dict[str, Path]:
        """The corpus directory's ingestible files, by document id (the file's stem)."""
        if not self.corpus.is_dir():
            return {}
        return {p.stem: p for p in discover(self.corpus)}

    def _check_store_matches(self, before: dict[str, DocRecord], files: dict[str, Path]) -> None:
        """Ingesting the corpus directory prunes every document without a file there: refuse
        when the store holds documents from elsewhere (it was built from another directory)."""
        root = self.corpus.resolve()
        foreign = [
            r.doc_id
            for r in before.values()
            if r.doc_id not in files and not Path(r.path).resolve().is_relative_to(root)
        ]
        if foreign:
            raise UploadRefused(
                f"the index holds {len(foreign)} document(s) whose files are not in the corpus "
                f"directory {self.corpus} (e.g. {foreign[0]}); re-indexing would remove them. "
                "Start the server with --corpus pointing at the directory the index was "
                "built from."
            )

    # ---- upload ------------------------------------------------------------------------
    def upload(
        self, files: list[Incoming], paste: Paste | None = None, report: Report = no_report
    ) -> list[FileResult]:
        """Check, save and index uploaded files (and a pasted article): one result each.
        Raises UploadRefused, changing nothing, when writes are off or a limit is exceeded."""
        self._check_enabled()
        count = len(files) + (paste is not None)
        if count == 0:
            raise UploadRefused("nothing to upload: choose files or paste an article")
        if count > self.limits.max_files:
            raise UploadRefused(
                f"{count} files in one upload: the limit is {self.limits.max_files}; "
                "upload them in smaller groups"
            )
        sizes = []
        for f in files:
            try:
                sizes.append(f.path.stat().st_size)
            except OSError:
                sizes.append(0)
        total = sum(sizes) + (len(paste.text.encode("utf-8")) if paste else 0)
        if total > self.limits.max_total_bytes:
            raise UploadRefused(
                f"the upload holds {megabytes(total)}: the limit is "
                f"{self.limits.max_total_bytes // 2**20} MB in all; upload fewer files at a time"
            )
        with self._turn(report), tempfile.TemporaryDirectory(prefix="pa-upload-") as tmp:
            report("Checking the files…", 0.0)
            results, staged, order = self._stage(files, paste, Path(tmp), report)
            if not staged:
                return results
            before = self.documents()
            files_now = self._corpus_files()
            self._check_store_matches(before, files_now)
            backups: dict[str, Path] = {}
            moved: list[_Staged] = []
            try:
                try:
                    self._move_in(staged, backups, moved)
                    summary = self._run(report, len(staged))
                except Exception:
                    for s in moved:  # as it was: the next ingestion matches the directory
                        self._take_back(s)
                    raise
                results += self._results(staged, summary, before, self.documents())
            finally:
                for backup in backups.values():
                    with contextlib.suppress(OSError):
                        backup.unlink()
        return sorted(results, key=lambda r: order.get(r.name, len(order)))  # as uploaded

    def _stage(
        self, files: list[Incoming], paste: Paste | None, tmp: Path, report: Report
    ) -> tuple[list[FileResult], list[_Staged], dict[str, int]]:
        """Copy each file into the staging directory and check it: the rejected ones'
        results, the accepted ones, and each name's place in the upload."""
        results: list[FileResult] = []
        order: dict[str, int] = {}
        staged: list[_Staged] = []
        existing = self._corpus_files()
        names: set[str] = set()
        hashes: dict[
            Path, str
        ] = {}  # of corpus files with the size of some upload, to spot exact copies
        items: list[tuple[str, Path | str]] = [(f.name, f.path) for f in files]
        if paste is not None:
            content = paste_content(paste)
            items.append((paste_name(paste.title, content), content))
        for k, (sent, source) in enumerate(items):
            report(f"Checking {sent}", 0.05 * k / len(items))
            try:
                name = sanitize_name(sent)
            except BadName as exc:
                order.setdefault(sent, k)
                results.append(FileResult(sent, "rejected", str(exc)))
                continue
            order.setdefault(name, k)
            reason = self._name_problem(name, names, existing)
            if reason:
                results.append(FileResult(name, "rejected", reason))
                continue
            names.add(Path(name).stem.lower())
            target = tmp / name
            if isinstance(source, str):
                if paste is None or not paste.title.strip() or not paste.text.strip():
                    results.append(
                        FileResult(name, "rejected", "a pasted article needs a title and text")
                    )
                    continue
                if len(source.encode("utf-8")) > self.limits.max_file_bytes:
                    limit = self.limits.max_file_bytes // 2**20
                    results.append(FileResult(name, "rejected", f"text too long (over {limit} MB)"))
                    continue
                target.write_text(source, encoding="utf-8")
            else:
                reason = self._copy(source, target)
                if reason:
                    results.append(FileResult(name, "rejected", reason))
                    continue
            reason = check_staged(target)
            if reason:
                results.append(FileResult(name, "rejected", reason))
                continue
            size, digest = target.stat().st_size, sha256_file(target)
            same = existing.get(target.stem)
            if same is not None and same.name == name and sha256_file(same) == digest:
                results.append(FileResult(name, "unchanged", "already in the library", target.stem))
                continue
            copy = self._identical(size, digest, existing, hashes)
            if copy is not None and copy.stem != target.stem:
                results.append(
                    FileResult(
                        name, "rejected", f"identical to {copy.name}, already in the library"
                    )
                )
                continue
            staged.append(_Staged(name, target, same))
        return results, staged, order

    def _name_problem(self, name: str, names: set[str], existing: dict[str, Path]) -> str | None:
        suffix = Path(name).suffix.lower()
        if suffix not in SUFFIXES:
            kinds = ", ".join(SUFFIXES)
            return f"unsupported file type {suffix or '(none)'}: upload one of {kinds}"
        if name.lower() == "readme.md":
            return "README.md files are not ingested: rename the file"
        if Path(name).stem.lower() in names:
            return "another file of this upload has the same name (document id)"
        other = existing.get(Path(name).stem)
        if other is not None and (other.name != name or other.parent != self.corpus):
            return (
                f"a document with id {other.stem} already exists ({other.name}); rename the "
                "file, or remove that document first"
            )
        return None

    def _copy(self, source: Path, target: Path) -> str | None:
        limit = self.limits.max_file_bytes
        try:
            size = source.stat().st_size
            if size == 0:
                return "empty file"
            if size > limit:
                return f"file too large ({megabytes(size)}; the limit is {limit // 2**20} MB)"
            copy_bounded(source, target, limit)
        except ValueError:
            return f"file too large (the limit is {limit // 2**20} MB)"
        except OSError as exc:
            return f"cannot read the upload: {exc.strerror or exc}"
        return None

    def _identical(
        self, size: int, digest: str, existing: dict[str, Path], hashes: dict[Path, str]
    ) -> Path | None:
        for path in existing.values():
            try:
                if path.stat().st_size != size:
                    continue
                if path not in hashes:
                    hashes[path] = sha256_file(path)
            except OSError:
                continue
            if hashes[path] == digest:
                return path
        return None

    def _move_in(
        self, staged: list[_Staged], backups: dict[str, Path], moved: list[_Staged]
    ) -> None:
        """Move accepted files into the corpus directory (listing each in `moved`), each
        under a hidden temporary name first (ingestion ignores hidden files) and then renamed
        into place. A replaced file is kept as a hidden backup (in `backups`, by name) until
        the run is over."""
        self.corpus.mkdir(parents=True, exist_ok=True)
        root = self.corpus.resolve()
        for s in staged:
            final = self.corpus / s.name
            if final.resolve().parent != root:  # sanitize_name makes this impossible
                raise UploadRefused(f"refusing to write outside the corpus directory: {s.name}")
            part = self.corpus / f".{s.name}.{os.getpid()}.part"
            shutil.copyfile(s.path, part)
            if s.replaces is not None:
                backup = self.corpus / f".{s.name}.{os.getpid()}.previous"
                shutil.copyfile(final, backup)
                backups[s.name] = backup
            os.replace(part, final)
            moved.append(s)

    def _results(
        self,
        staged: list[_Staged],
        summary: Summary,
        before: dict[str, DocRecord],
        after: dict[str, DocRecord],
    ) -> list[FileResult]:
        """One result per file, from the pipeline's typed list when it has one, else from
        what the index holds before and after. A file ingestion rejected is taken out of
        the corpus directory again (its previous version put back)."""
        rejected = {Path(r["path"]).name: r["reason"] for r in summary.rejected}
        out = []
        for s in staged:
            doc_id = Path(s.name).stem
            result = pipeline_result(summary, self.corpus / s.name)
            if result is None:
                if s.name in rejected:
                    result = FileResult(s.name, "rejected", rejected[s.name])
                elif doc_id in after and doc_id not in before:
                    result = FileResult(s.name, "added", _chunks(after[doc_id]), doc_id)
                elif doc_id in after and after[doc_id].doc_hash != before[doc_id].doc_hash:
                    result = FileResult(s.name, "updated", _chunks(after[doc_id]), doc_id)
                elif doc_id in after:
                    result = FileResult(s.name, "unchanged", "already in the library", doc_id)
                else:
                    result = FileResult(
                        s.name, "not indexed", "ingestion committed no document for it", doc_id
                    )
            elif result.status == "unchanged" and not result.detail:
                result = replace(result, detail="already in the library")
            elif not result.detail and result.doc_id in after:
                result = replace(result, detail=_chunks(after[result.doc_id]))
            if result.status == "rejected":
                self._take_back(s)
            out.append(result)
        return out

    def _take_back(self, s: _Staged) -> None:
        final = self.corpus / s.name
        backup = self.corpus / f".{s.name}.{os.getpid()}.previous"
        with contextlib.suppress(OSError):
            if s.replaces is not None and backup.exists():
                os.replace(backup, final)  # the index still holds that version
            else:
                final.unlink()

    # ---- removal -----------------------------------------------------------------------
    def remove(self, doc_id: str, report: Report = no_report) -> FileResult:
        """Take a document's file out of the corpus directory and re-index, which removes it
        from the index. If indexing fails, the file is put back."""
        self._check_enabled()
        with self._turn(report):
            before = self.documents()
            files = self._corpus_files()
            if doc_id not in before and doc_id not in files:
                raise UploadRefused(f"no document {doc_id!r} in the library")
            self._check_store_matches(before, files)
            path = files.get(doc_id)
            hidden = None
            if path is not None:
                hidden = path.with_name(f".{path.name}.{os.getpid()}.removing")
                os.replace(path, hidden)  # ingestion no longer sees it; undone on failure
            try:
                self._run(report, 0)
            except Exception:
                if hidden is not None and path is not None:
                    os.replace(hidden, path)
                raise
            if hidden is not None:
                hidden.unlink()
            name = path.name if path is not None else doc_id
            if doc_id in self.documents():
                return FileResult(name, "not removed", "it is still in the index", doc_id)
            detail = "file deleted and removed from the index"
            if path is None:
                detail = "removed from the index (its file was already gone)"
            return FileResult(name, "removed", detail, doc_id)


def _fraction(done: int, total: int) -> float:
    return 0.1 + 0.8 * min(done / total, 1.0) if total else 0.5


def _chunks(record: DocRecord) -> str:
    return f"{record.n_chunks} chunks, {len(record.relations)} relations"
