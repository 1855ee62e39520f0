"""Load: read one file and turn it into text, whatever its format (see `formats`).

A file that cannot be used raises `RejectedFile` with a reason a person can act on;
the pipeline records it and goes on with the rest of the batch.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from assistant.textnorm import cjk_count

from .formats import SUFFIXES, Hints, Unreadable, read

__all__ = ["MAX_BYTES", "SUFFIXES", "Hints", "RawDocument", "RejectedFile", "discover", "load"]

MAX_BYTES = 20 * 1024 * 1024  # far above any news article; protects memory and time


class RejectedFile(Exception):
    """A file that cannot be ingested; `reason` is shown to the user."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class RawDocument:
    doc_id: str
    path: Path
    text: str
    encoding: str  # the text encoding, or "pdf" / "docx"
    content_hash: str  # sha256 of the raw bytes: the key for incremental updates
    pages: tuple[str, ...] = ()  # PDF: each page's text, in order ("\n".join(pages) == text)
    hints: Hints = field(default_factory=Hints)  # what the file says about itself


def supported(path: Path) -> bool:
    """A file `discover` would list: a supported suffix, not hidden, not a README."""
    return (
        path.suffix.lower() in SUFFIXES
        and not path.name.startswith(".")
        and path.name.lower() != "readme.md"
    )


def discover(root: Path) -> list[Path]:
    """All supported files under `root` (or `root` itself), sorted for stable order."""
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise FileNotFoundError(f"corpus path does not exist: {root}")
    return sorted(p for p in root.rglob("*") if p.is_file() and supported(p))


def load(path: Path) -> RawDocument:
    """Read one file and extract its text; raise RejectedFile when it is unusable."""
    size = path.stat().st_size
    if size == 0:
        raise RejectedFile(path, "empty file")
    if size > MAX_BYTES:
        raise RejectedFile(
            path, f"file too large ({size / 2**20:.1f} MiB > {MAX_BYTES // 2**20} MiB)"
        )
    data = path.read_bytes()
    try:
        doc = read(path, data)
    except Unreadable as exc:
        raise RejectedFile(path, str(exc)) from None
    if "\x00" in doc.text:
        raise RejectedFile(path, "binary file (contains NUL characters)")
    if cjk_count(doc.text) < 20:
        raise RejectedFile(path, "no Chinese text found (fewer than 20 CJK characters)")
    return RawDocument(
        doc_id=path.stem,
        path=path,
        text=doc.text,
        encoding=doc.encoding,
        content_hash=hashlib.sha256(data).hexdigest(),
        pages=doc.pages,
        hints=doc.hints,
    )
