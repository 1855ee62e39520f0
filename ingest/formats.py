"""Formats: the text (and what the file says about itself) of one document, by its kind.

Each format is read by a maintained library, never by a hand-written parser: PDF with
pypdfium2 (text per page, so citations can name the page), Word .docx with python-docx
(paragraphs and tables in document order), saved web pages with trafilatura (the main
text and the page's title, date, author and site), plain text and Markdown as they are.
`read` is the one entry point; a file it cannot use raises `Unreadable` with a reason a
person can act on.
"""

from __future__ import annotations

import io
import re
import threading
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes

from assistant.textnorm import cjk_count

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
SUFFIXES = (*TEXT_SUFFIXES, *HTML_SUFFIXES, ".pdf", ".docx")

MIN_CJK = 20  # below this a PDF has no usable text layer (a scan)
MAX_PAGES = 2000
# A .docx is a zip: its members' declared sizes are checked before anything is inflated.
# zipfile never inflates a member past its declared size, so these bound the real work.
MAX_UNZIPPED = 100 * 1024 * 1024
MAX_RATIO = 100  # uncompressed / compressed, for members over RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
MAX_MEMBERS = 5000

_CANDIDATE_ENCODINGS = ("utf_8", "gb18030", "big5", "big5hkscs", "utf_16")
_PDFIUM = threading.Lock()  # PDFium is not thread-safe
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
# Placeholders that office software writes into a file's properties: not a title or author.
_PLACEHOLDERS = {
    "",
    "untitled",
    "anonymous",
    "unknown",
    "administrator",
    "admin",
    "user",
    "author",
    "microsoft",
    "微软用户",
    "微软中国",
    "无标题",
    "管理员",
    "文档",
    "document",
}
_FILENAME_TITLE = re.compile(
    r"^(?:microsoft (?:word|powerpoint) - .*|.*\.(?:docx?|pdf|wps|txt|html?))$", re.I
)


class Unreadable(ValueError):
    """The file cannot be used; the message says why and what to do."""


@dataclass(frozen=True)
class Hints:
    """What a file says about itself (HTML metadata, PDF/Word properties); metadata.extract
    uses them where the article text gives nothing better."""

    title: str | None = None
    date: str | None = None  # ISO yyyy-mm-dd
    author: str | None = None
    site: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Extracted:
    text: str
    encoding: str  # the text encoding, or the format ("pdf", "docx") for binary documents
    pages: tuple[str, ...] = ()  # PDF: the text of each page; "\n".join(pages) == text
    hints: Hints = field(default_factory=Hints)


def read(path: Path, data: bytes) -> Extracted:
    """The text of `data`, read as the kind of file `path` names (by its suffix)."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return read_pdf(data)
    if suffix == ".docx":
        return read_docx(data)
    text, encoding = decode(data)
    if suffix in HTML_SUFFIXES:
        return read_html(text, encoding)
    return Extracted(text, encoding)


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes, trying strict UTF-8 first, then charset detection among CJK encodings."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf_8"
    try:
        return data.decode("utf-8"), "utf_8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise Unreadable("binary file (contains NUL bytes)")
    best = from_bytes(data, cp_isolation=list(_CANDIDATE_ENCODINGS)).best()
    if best is None:
        raise Unreadable("undecodable bytes: not UTF-8, GB18030 or Big5")
    return str(best), best.encoding


def _clean_property(value: Any) -> str | None:
    text = " ".join(str(value or "").split())
    if text.lower() in _PLACEHOLDERS or _FILENAME_TITLE.match(text):
        return None
    return text


# --- PDF -----------------------------------------------------------------------------


def _width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def reflow(page: str) -> str:
    """Join the lines a PDF wrapped at the page margin back into paragraphs: a line about as
    wide as the page's full lines continues on the next line (a paragraph's last line is
    shorter). A sentence end at the margin is usually mid-paragraph, so it joins too: two
    paragraphs run together lose a break, while a cut sentence would be lost as a quote."""
    lines = [ln.strip() for ln in page.split("\n")]
    lines = [ln for ln in lines if ln]
    if not lines:
        return ""
    widths = sorted(_width(ln) for ln in lines)
    full = widths[int(0.8 * (len(widths) - 1))]
    out = [lines[0]]
    for before, line in zip(lines, lines[1:], strict=False):
        if full >= 30 and _width(before) >= 0.85 * full:
            latin = before[-1].isascii() and before[-1].isalnum() and line[0].isascii()
            out[-1] += (" " if latin else "") + line
        else:
            out.append(line)
    return "\n".join(out)


def _page_text(page: Any) -> str:
    textpage = page.get_textpage()
    try:
        raw = textpage.get_text_range()
    finally:
        textpage.close()
    raw = _CONTROL.sub("", raw.replace("\r\n", "\n").replace("\r", "\n"))
    return reflow(raw)


def _pdfium_reason(exc: Exception) -> str:
    """ "Failed to load document (PDFium: Data format error)." → "PDFium: Data format error"."""
    m = re.search(r"\((PDFium: [^)]*)\)", str(exc))
    return m.group(1) if m else str(exc).rstrip(".")


def read_pdf(data: bytes) -> Extracted:
    import pypdfium2 as pdfium

    with _PDFIUM:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            if "password" in str(exc).lower():
                raise Unreadable(
                    "password-protected PDF: save an unprotected copy and ingest that"
                ) from None
            raise Unreadable(
                f"not a readable PDF ({_pdfium_reason(exc)}): the file is damaged or is not a PDF"
            ) from None
        try:
            if len(pdf) > MAX_PAGES:
                raise Unreadable(f"PDF has {len(pdf)} pages (more than {MAX_PAGES}): split it")
            pages = []
            for i in range(len(pdf)):
                page = pdf[i]
                try:
                    pages.append(_page_text(page))
                finally:
                    page.close()
            info = pdf.get_metadata_dict(skip_empty=True)
        except pdfium.PdfiumError as exc:
            raise Unreadable(
                f"not a readable PDF ({_pdfium_reason(exc)}): the file is damaged"
            ) from None
        finally:
            pdf.close()
    text = "\n".join(pages)
    if cjk_count(text) < MIN_CJK:
        raise Unreadable(
            f"scanned PDF: no text layer ({cjk_count(text)} Chinese characters of text on "
            f"{len(pages)} page{'s' if len(pages) != 1 else ''}): run OCR on it and ingest "
            "the result"
        )
    hints = Hints(
        title=_clean_property(info.get("Title")), author=_clean_property(info.get("Author"))
    )
    return Extracted(text, "pdf", tuple(pages), hints)


# --- Word .docx ----------------------------------------------------------------------


def check_zip(data: bytes) -> None:
    """Refuse a zip bomb from the sizes its directory declares, before inflating anything."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise Unreadable(f"not a Word .docx file ({exc}); save it as .docx and try again") from None
    if len(members) > MAX_MEMBERS:
        raise Unreadable(f"zip bomb suspected: {len(members)} members in a .docx")
    total = sum(m.file_size for m in members)
    if total > MAX_UNZIPPED:
        raise Unreadable(
            f"zip bomb suspected: the .docx declares {total / 2**20:.0f} MiB uncompressed "
            f"(limit {MAX_UNZIPPED // 2**20} MiB)"
        )
    for m in members:
        if m.file_size > RATIO_FLOOR and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            raise Unreadable(
                f"zip bomb suspected: {m.filename} inflates {m.file_size / 2**20:.0f} MiB from "
                f"{m.compress_size} bytes (more than {MAX_RATIO}:1)"
            )


def _cell_text(cell: Any) -> str:
    from docx.table import Table

    parts: list[str] = []
    for item in cell.iter_inner_content():
        if isinstance(item, Table):
            parts += _table_lines(item)
        elif item.text.strip():
            parts.append(" ".join(item.text.split()))
    return " ".join(parts)


def _table_lines(table: Any) -> list[str]:
    """One line per row, cells joined by " | "; a merged cell counts once."""
    lines = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(_cell_text(cell))
        if any(cells):
            lines.append(" | ".join(cells))
    return lines


def _blocks(document: Any) -> Iterator[str]:
    from docx.table import Table

    for item in document.iter_inner_content():
        if isinstance(item, Table):
            yield from _table_lines(item)
        elif item.text.strip():
            yield item.text.strip()


def read_docx(data: bytes) -> Extracted:
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise Unreadable("old Word .doc format named .docx: save it as .docx and try again")
    check_zip(data)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        text = "\n".join(_blocks(document))
        props = document.core_properties
        hints = Hints(title=_clean_property(props.title), author=_clean_property(props.author))
    except Exception as exc:  # a damaged package fails in python-docx and lxml in many ways
        raise Unreadable(
            f"not a readable Word .docx file ({type(exc).__name__}: {exc}); save it again "
            "from Word as .docx"
        ) from None
    return Extracted(text, "docx", (), hints)


# --- HTML ----------------------------------------------------------------------------


def _strip_site(title: str, site: str | None) -> str:
    """'标题_大众网' / '标题 - 大众网' → '标题' when the suffix is the site's name."""
    if site:
        m = re.match(rf"^(.+?)\s*[-_|–—]+\s*{re.escape(site)}\s*$", title)
        if m:
            return m.group(1)
    return title


def read_html(html: str, encoding: str) -> Extracted:
    import trafilatura

    if "\x00" in html:
        raise Unreadable("binary file (contains NUL characters)")
    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            # Page chrome must never be indexed as article text: precision first, and no
            # fallback extractors (their last resort is every text on the page).
            favor_precision=True,
            fast=True,
        )
    except Exception as exc:  # lxml and trafilatura raise many kinds on broken markup
        raise Unreadable(f"could not parse the HTML ({type(exc).__name__}: {exc})") from None
    text = str(getattr(doc, "text", "") or "").strip() if doc is not None else ""
    if not text:
        raise Unreadable(
            "no article text found in the page (trafilatura found no main text): save the "
            "article's own page, not an index, search or login page"
        )
    site = _clean_property(getattr(doc, "sitename", None))
    title = _clean_property(getattr(doc, "title", None))
    url = str(getattr(doc, "url", "") or "")
    return Extracted(
        text,
        encoding,
        (),
        Hints(
            title=_strip_site(title, site) if title else None,
            date=str(getattr(doc, "date", "") or "") or None,
            author=_clean_property(getattr(doc, "author", None)),
            site=site,
            url=url if url.startswith(("http://", "https://")) else None,
        ),
    )
