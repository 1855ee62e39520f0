"""Load: read one file, detect its encoding, extract text from HTML.

A file that cannot be used raises `RejectedFile` with a reason a person can act on;
the pipeline records it and goes on with the rest of the batch.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup
from charset_normalizer import from_bytes

from assistant.textnorm import cjk_count

SUFFIXES = (".txt", ".md", ".html", ".htm")
MAX_BYTES = 20 * 1024 * 1024  # far above any news article; protects memory and time
_CANDIDATE_ENCODINGS = ("utf_8", "gb18030", "big5", "big5hkscs", "utf_16")
_HTML_DROP = ("script", "style", "nav", "header", "footer", "aside", "form", "noscript", "iframe")


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
    encoding: str
    content_hash: str  # sha256 of the raw bytes: the key for incremental updates


def discover(root: Path) -> list[Path]:
    """All supported files under `root` (or `root` itself), sorted for stable order."""
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise FileNotFoundError(f"corpus path does not exist: {root}")
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file()
        and p.suffix.lower() in SUFFIXES
        and not p.name.startswith(".")
        and p.name.lower() != "readme.md"
    )


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes, trying strict UTF-8 first, then charset detection among CJK encodings."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf_8"
    try:
        return data.decode("utf-8"), "utf_8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValueError("binary file (contains NUL bytes)")
    best = from_bytes(data, cp_isolation=list(_CANDIDATE_ENCODINGS)).best()
    if best is None:
        raise ValueError("undecodable bytes: not UTF-8, GB18030 or Big5")
    return str(best), best.encoding


def html_to_text(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(_HTML_DROP):
        tag.decompose()
    blocks = [
        el.get_text(" ", strip=True)
        for el in soup.find_all(["title", "h1", "h2", "h3", "p", "li", "div", "td", "span"])
        if not el.find(["p", "div", "li", "td"])  # leaf blocks only: no text twice
    ]
    return "\n".join(b for b in blocks if b)


def load(path: Path) -> RawDocument:
    """Read and decode one file; raise RejectedFile when it is unusable."""
    size = path.stat().st_size
    if size == 0:
        raise RejectedFile(path, "empty file")
    if size > MAX_BYTES:
        raise RejectedFile(
            path, f"file too large ({size / 2**20:.1f} MiB > {MAX_BYTES // 2**20} MiB)"
        )
    data = path.read_bytes()
    try:
        text, encoding = decode(data)
    except ValueError as exc:
        raise RejectedFile(path, str(exc)) from None
    if path.suffix.lower() in (".html", ".htm"):
        text = html_to_text(text)
    if "\x00" in text:
        raise RejectedFile(path, "binary file (contains NUL characters)")
    if cjk_count(text) < 20:
        raise RejectedFile(path, "no Chinese text found (fewer than 20 CJK characters)")
    return RawDocument(
        doc_id=path.stem,
        path=path,
        text=text,
        encoding=encoding,
        content_hash=hashlib.sha256(data).hexdigest(),
    )
