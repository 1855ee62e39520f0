"""The Library tab's pure parts: the document table, its filters, and a document's original
text beside its cleaned text with what cleaning removed struck through.

Everything here reads committed document records (`QueryEngine.documents()`) and the
original files in the corpus directory; nothing writes.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from assistant.lexicon.kinds import KIND_EN
from assistant.store.schema import DocRecord
from assistant.textnorm import to_search_form

LIBRARY_COLUMNS = [
    "title",
    "date",
    "outlet",
    "script",
    "chunks",
    "relations",
    "also published by",
    "doc_id",
]
DOC_ID_COLUMN = LIBRARY_COLUMNS.index("doc_id")
MAX_VIEW_CHARS = 200_000  # longer texts are shown cut, with a note
MAX_CHAR_DIFF = 6_000  # a changed block longer than this is shown whole as removed + added
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")


@dataclass(frozen=True)
class Repost:
    """A copy of a document that another outlet published (stored as its alias)."""

    doc_id: str
    outlet: str


def reposts(record: DocRecord) -> tuple[Repost, ...]:
    """The reposts folded into this document: the one place that reads them.

    Repost detection gives records `aliases` (each with `doc_id` and `outlet`); a record
    without them has none."""
    found = []
    for alias in getattr(record, "aliases", None) or ():
        if isinstance(alias, str):
            found.append(Repost("", alias))
            continue
        outlet = getattr(alias, "outlet", None) or getattr(alias, "source", None) or ""
        found.append(Repost(str(getattr(alias, "doc_id", "") or ""), str(outlet)))
    return tuple(found)


def also_published_by(record: DocRecord) -> tuple[str, ...]:
    """The other outlets that published this article, from its reposts."""
    outlets: list[str] = []
    for repost in reposts(record):
        if (
            repost.outlet
            and repost.outlet not in outlets
            and repost.outlet != record.article.source
        ):
            outlets.append(repost.outlet)
    return tuple(outlets)


def find_repost(records: Iterable[DocRecord], doc_id: str) -> tuple[DocRecord, Repost] | None:
    """The document that `doc_id` is a repost of, with the repost; None if it is none."""
    for record in records:
        for repost in reposts(record):
            if repost.doc_id and repost.doc_id == doc_id:
                return record, repost
    return None


@dataclass(frozen=True)
class LibraryFilter:
    """What the Library tab's search box and filters ask for ('' or 'all' = no filter)."""

    query: str = ""
    outlet: str = ""
    date_from: str = ""  # yyyy, yyyy-mm or yyyy-mm-dd; "2024" alone means from 2024-01-01
    date_to: str = ""  # the same; "2024" alone means to 2024-12-31
    kind: str = ""

    def problems(self) -> list[str]:
        """What is wrong with the filter, in words (an unreadable date)."""
        return [
            f"{label} date {value!r} is not yyyy, yyyy-mm or yyyy-mm-dd"
            for label, value in (("from", self.date_from), ("to", self.date_to))
            if value.strip() and not _DATE.match(value.strip())
        ]


def _unset(value: str) -> bool:
    return value.strip() in ("", "all")


def _haystack(record: DocRecord) -> str:
    a = record.article
    parts = [a.title, a.source or "", a.author or "", a.doc_id, *also_published_by(record)]
    parts += list(record.names)  # the places, institutions and people it names
    return to_search_form(" ".join(parts)).lower()


def matches(record: DocRecord, f: LibraryFilter) -> bool:
    a = record.article
    if not _unset(f.query):
        words = to_search_form(f.query).lower().split()
        hay = _haystack(record)
        if not all(w in hay for w in words):
            return False
    if not _unset(f.outlet) and f.outlet not in (a.source, *also_published_by(record)):
        return False
    lo, hi = f.date_from.strip(), f.date_to.strip()
    if (lo and _DATE.match(lo)) or (hi and _DATE.match(hi)):
        if not a.date:
            return False
        if lo and _DATE.match(lo) and a.date[: len(lo)] < lo:
            return False
        if hi and _DATE.match(hi) and a.date[: len(hi)] > hi:
            return False
    return _unset(f.kind) or any(r.kind == f.kind for r in record.relations)


def library_rows(records: Iterable[DocRecord], f: LibraryFilter = LibraryFilter()) -> list[list]:
    """One row per matching document, newest first (undated last), in LIBRARY_COLUMNS order."""
    chosen = [r for r in records if matches(r, f)]
    chosen.sort(key=lambda r: (r.article.date or "", r.doc_id), reverse=True)
    return [
        [
            r.article.title or r.doc_id,
            r.article.date or "",
            r.article.source or "",
            r.article.script,
            r.n_chunks,
            len(r.relations),
            ", ".join(also_published_by(r)),
            r.doc_id,
        ]
        for r in chosen
    ]


def outlet_choices(records: Iterable[DocRecord]) -> list[str]:
    outlets: set[str] = set()
    for r in records:
        outlets.update(x for x in (r.article.source, *also_published_by(r)) if x)
    return ["all", *sorted(outlets)]


def kind_choices(records: Iterable[DocRecord]) -> list[tuple[str, str]]:
    """(label, value) pairs of the partnership kinds the documents' relations have."""
    present = {rel.kind for r in records for rel in r.relations}
    ordered = [k for k in KIND_EN if k in present] + sorted(present - set(KIND_EN))
    return [("all", "all")] + [(f"{k} · {KIND_EN.get(k, k)}", k) for k in ordered]


# --- the original beside the cleaned text -------------------------------------------------


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _key(line: str) -> str:
    """A line as cleaning compares it: runs of spaces folded, ends stripped."""
    return _SPACES.sub(" ", line).strip()


def _chars(old: str, new: str) -> str:
    """A changed block, character by character: removed text in <del>, added in <ins>."""
    if len(old) > MAX_CHAR_DIFF or len(new) > MAX_CHAR_DIFF:
        return _tag("del", old) + ("\n" if old and new else "") + _tag("ins", new)
    out = []
    sm = SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            out.append(html.escape(old[i1:i2]))
            continue
        out.append(_tag("del", old[i1:i2]) + _tag("ins", new[j1:j2]))
    return "".join(out)


def _tag(name: str, text: str) -> str:
    """`text` escaped inside <name>, one element per line so no element spans a line break;
    whitespace-only pieces are left bare (striking through blanks shows nothing)."""
    if not text:
        return ""
    pieces = []
    for line in text.split("\n"):
        pieces.append(f"<{name}>{html.escape(line)}</{name}>" if line.strip() else line)
    return "\n".join(pieces)


def strike_diff(original: str, cleaned: str) -> str:
    """The original text, escaped, with what cleaning removed in <del> (struck through) and
    what it put instead (a repaired or marked character) in <ins>.

    Lines are matched first (cleaning drops whole lines of page chrome), then changed lines
    character by character (a pinyin gloss removed from inside a sentence). Whitespace that
    cleaning only folded is not counted as removed."""
    old = _lines(original)
    new = cleaned.split("\n") if cleaned else []
    sm = SequenceMatcher(None, [_key(x) for x in old], new, autojunk=False)
    out: list[str] = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            out += [html.escape(x) for x in old[i1:i2]]
        elif op == "delete":
            out += [_tag("del", x) for x in old[i1:i2]]
        elif op == "insert":
            out += [_tag("ins", x) for x in new[j1:j2]]
        else:
            out.append(_chars("\n".join(old[i1:i2]), "\n".join(new[j1:j2])))
    return "\n".join(out)


def find_original(record: DocRecord, corpus: Path) -> Path | None:
    """The document's file inside the corpus directory, or None. A path outside the corpus
    directory is never read, whatever the record says."""
    root = corpus.resolve()
    candidates = [corpus / Path(record.path).name, Path(record.path)] if record.path else []
    for path in candidates:
        try:
            resolved = path.resolve()
        except OSError:
            continue
        if resolved.is_file() and resolved.is_relative_to(root):
            return resolved
    return None


def _cut(text: str) -> tuple[str, str]:
    if len(text) <= MAX_VIEW_CHARS:
        return text, ""
    return text[:MAX_VIEW_CHARS], f" (first {MAX_VIEW_CHARS:,} of {len(text):,} characters)"


def document_view(record: DocRecord, original: str | None, cleaned: str, note: str = "") -> str:
    """The document's header, then its original (removed text struck through) beside its
    cleaned, indexed text."""
    a = record.article
    meta = " · ".join(
        html.escape(x)
        for x in (a.date, a.source, a.author, a.script, f"{record.n_chunks} chunks")
        if x
    )
    link = ""
    if a.url and a.url.startswith(("http://", "https://")):
        link = (
            f" · <a href='{html.escape(a.url, quote=True)}' target='_blank' "
            "rel='noopener noreferrer'>original page</a>"
        )
    copies = ", ".join(
        f"{html.escape(r.outlet or '?')} (<code>{html.escape(r.doc_id)}</code>)"
        if r.doc_id
        else html.escape(r.outlet)
        for r in reposts(record)
    )
    extra = f"<div class='pa-meta'>Also published by {copies}</div>" if copies else ""
    warnings = "".join(
        f"<li>{html.escape(w)}</li>" for w in record.warnings[:20]
    )  # mojibake runs, and the like
    warn = f"<details><summary>Warnings</summary><ul>{warnings}</ul></details>" if warnings else ""
    cleaned, cut_c = _cut(cleaned)
    if original is None:
        left = (
            f"<p class='pa-muted'>{html.escape(note or 'The original file is not available.')}</p>"
        )
        cut_o = ""
    else:
        original, cut_o = _cut(original)
        left = f"<div class='pa-diff'>{strike_diff(original, cleaned)}</div>"
        if note:
            left = f"<p class='pa-muted'>{html.escape(note)}</p>" + left
    return (
        f"<div class='pa-doc'><h3>{html.escape(a.title or a.doc_id)}</h3>"
        f"<div class='pa-meta'>{meta}{link} · <code>{html.escape(a.doc_id)}</code></div>"
        f"{extra}{warn}<div class='pa-doc-cols'>"
        f"<div><h4>Original{cut_o} <span class='pa-muted'>— removed by cleaning "
        f"<del>struck through</del></span></h4>{left}</div>"
        f"<div><h4>Cleaned, as indexed{cut_c}</h4>"
        f"<div class='pa-diff'>{html.escape(cleaned)}</div></div></div></div>"
    )
