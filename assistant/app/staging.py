"""Uploads before they reach the corpus directory: limits, plain file names, pasted
articles as text files, the same checks ingestion makes, and what became of each file.

Pure functions and values; `upload.CorpusWriter` does the writing.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ingest.clean import clean
from ingest.load import RejectedFile, load
from ingest.pipeline import Summary

MAX_NAME_BYTES = 180  # well under the 255 bytes file systems allow
PASTE_SUFFIX = ".txt"


@dataclass(frozen=True)
class Limits:
    """What one upload may hold; the writer enforces it, whatever the page lets through."""

    max_file_bytes: int = 20 * 1024 * 1024
    max_files: int = 20
    max_total_bytes: int = 100 * 1024 * 1024

    def describe(self) -> str:
        return (
            f"up to {self.max_files} files per upload, {self.max_file_bytes // 2**20} MB each, "
            f"{self.max_total_bytes // 2**20} MB in all"
        )


@dataclass(frozen=True)
class Incoming:
    """One uploaded file: the name its sender gave it and where its bytes are now."""

    name: str
    path: Path


@dataclass(frozen=True)
class Paste:
    """An article pasted as text; it is saved as a .txt file."""

    title: str
    text: str
    outlet: str = ""
    date: str = ""


@dataclass(frozen=True)
class FileResult:
    """What became of one file: added, updated, unchanged, repost, rejected, removed."""

    name: str
    status: str
    detail: str = ""
    doc_id: str = ""


class BadName(ValueError):
    pass


# --- names ------------------------------------------------------------------------------


def sanitize_name(name: str) -> str:
    """A plain file name for the corpus directory: only the base name of whatever path was
    sent (`../../x.txt` → `x.txt`, `C:\\a\\x.txt` → `x.txt`), without control characters,
    characters file systems reserve, or a leading dot; the suffix in lower case."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = unicodedata.normalize("NFC", base)
    base = "".join(c for c in base if unicodedata.category(c)[0] != "C")
    base = re.sub(r'[<>:"|?*]', "_", base)
    base = re.sub(r"\s+", " ", base).strip().lstrip(". ").strip()
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    stem = stem.strip().rstrip(".").strip()
    if not stem:
        raise BadName(f"no usable file name in {name!r}")
    suffix = f".{suffix.lower()}" if dot else ""
    while len((stem + suffix).encode("utf-8")) > MAX_NAME_BYTES:
        stem = stem[:-1]
    return stem + suffix


def paste_name(title: str, content: str) -> str:
    """The file name of a pasted article: its title (cut short) and a hash of its text."""
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:8]
    try:
        stem = sanitize_name(title.replace(".", " "))[:40].strip()
    except BadName:
        stem = "pasted"
    return f"{stem}_{digest}{PASTE_SUFFIX}"


def paste_content(paste: Paste) -> str:
    """The .txt a pasted article is saved as: header lines the cleaner and the metadata
    stage read (title, outlet, date), a blank line, then the text."""
    header = [f"原标题: {' '.join(paste.title.split())}"]
    if paste.outlet.strip():
        header.append(f"来源: {' '.join(paste.outlet.split())}")
    if paste.date.strip():
        header.append(f"发布时间: {paste.date.strip()}")
    return "\n".join(header) + "\n\n" + paste.text.strip() + "\n"


# --- checks -----------------------------------------------------------------------------


def check_staged(path: Path) -> str | None:
    """Why the staged file cannot be ingested, or None when ingestion will take it: the
    same checks ingestion makes (readable, a supported format, Chinese article text left
    after cleaning)."""
    try:
        raw = load(path)
    except RejectedFile as exc:
        return exc.reason
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"
    except Exception as exc:  # a reader library failing in a way it does not announce
        return f"could not be read ({type(exc).__name__}: {exc})"
    if not clean(raw.doc_id, raw.text).text.strip():
        return "no article text left after removing page chrome"
    return None


def copy_bounded(src: Path, dst: Path, limit: int) -> int:
    """Copy `src` to `dst`, at most `limit` bytes: a longer file raises ValueError (a file
    can grow after its size was checked)."""
    total = 0
    with src.open("rb") as fin, dst.open("wb") as fout:
        while chunk := fin.read(1 << 20):
            total += len(chunk)
            if total > limit:
                raise ValueError("too large")
            fout.write(chunk)
    return total


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def megabytes(n: int) -> str:
    return f"{n / 2**20:.1f} MB"


def pipeline_result(summary: Summary, path: Path) -> FileResult | None:
    """The pipeline's own result for the file at `path`, once `Summary` carries a typed
    per-document list (`results`; repost detection adds it): each item's `path`, `status`
    ("added", "updated", "unchanged", "repost", "rejected"), `reason` and, for a repost,
    `repost_of`. None while the summary has no such list or it does not name the file."""
    for item in getattr(summary, "results", None) or ():
        where = getattr(item, "path", None)
        if where is None or Path(str(where)).name != path.name:
            continue
        status = str(getattr(item, "status", "") or "")
        if not status:
            return None
        detail = str(getattr(item, "reason", "") or "")
        original = getattr(item, "repost_of", None)
        if status == "repost" and original:
            detail = detail or f"a repost of {original}, already in the library"
        doc_id = str(getattr(item, "doc_id", "") or path.stem)
        return FileResult(path.name, status, detail, doc_id)
    return None
