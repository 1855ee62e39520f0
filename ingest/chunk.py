"""Chunk: split a cleaned article into passages at sentence ends and paragraph breaks.

Sizes are in characters (one CJK character is about one model token). Each chunk
keeps its character offsets in the cleaned text, so a citation can quote it exactly,
and, for a paged document (PDF), the page its start falls on.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from assistant.textnorm import sentence_spans

_SPACE = re.compile(r"\s+")
_PROBE = 12  # characters of chunk text looked up in the pages at a time
_MIN_PROBE = 6  # the last probe of a chunk may be this short


@dataclass(frozen=True)
class Chunk:
    doc_id: str
    position: int
    start: int  # offsets into the cleaned (original-script) text
    end: int
    text: str
    page: int | None = None  # 1-based page of a paged document where the chunk starts


def _split_long(start: int, end: int, size: int) -> list[tuple[int, int]]:
    """A sentence longer than `size` is cut into equal pieces (rare in news text)."""
    pieces = -(-(end - start) // size)
    step = -(-(end - start) // pieces)
    return [(s, min(s + step, end)) for s in range(start, end, step)]


def chunk_text(
    doc_id: str, text: str, size: int = 320, overlap: int = 60, pages: Sequence[str] = ()
) -> list[Chunk]:
    """Chunks of at most `size` characters; with `pages` (the raw text of each page of a
    PDF), each chunk also carries the page its start falls on."""
    chunks = _chunks(doc_id, text, size, overlap)
    return locate_pages(chunks, pages) if pages else chunks


def locate_pages(chunks: list[Chunk], pages: Sequence[str]) -> list[Chunk]:
    """Give each chunk the page its start falls on, by finding its text in the pages' text.

    Cleaning changed the offsets (removed lines, glosses, whitespace), so chunks are found
    by their words: whitespace is ignored, and a chunk's first few characters are looked up
    after the previous chunk's start (chunks come in order); when cleaning altered them the
    next few are tried. A chunk found nowhere gets no page rather than a guessed one.
    """
    flat, ends = "", []
    for page_text in pages:
        flat += _SPACE.sub("", page_text)
        ends.append(len(flat))  # flat[ends[i-1]:ends[i]] is page i+1
    out, cursor = [], 0
    for chunk in chunks:
        words = _SPACE.sub("", chunk.text)
        page: int | None = None
        for offset in range(0, max(len(words) - _MIN_PROBE, 0) + 1, _PROBE // 2):
            found = flat.find(words[offset : offset + _PROBE], cursor)
            if found >= 0:
                cursor = max(found - offset, cursor)
                page = bisect.bisect_right(ends, cursor) + 1
                break
        out.append(replace(chunk, page=min(page, len(ends)) if page else None))
    return out


def _chunks(doc_id: str, text: str, size: int, overlap: int) -> list[Chunk]:
    if size < 20 or not 0 <= overlap < size:
        raise ValueError("chunk size must be >= 20 and 0 <= overlap < size")
    units: list[tuple[int, int]] = []
    for start, end in sentence_spans(text):
        units += _split_long(start, end, size) if end - start > size else [(start, end)]
    chunks: list[Chunk] = []
    current: list[tuple[int, int]] = []

    def flush() -> None:
        start, end = current[0][0], current[-1][1]
        chunks.append(Chunk(doc_id, len(chunks), start, end, text[start:end]))

    for unit in units:
        if current:
            length = unit[1] - current[0][0]
            new_paragraph = "\n" in text[current[-1][1] : unit[0]]
            if length > size or (new_paragraph and current[-1][1] - current[0][0] >= size // 2):
                flush()
                # carry whole trailing sentences as overlap, never the full chunk
                carried: list[tuple[int, int]] = []
                for prev in reversed(current[1:]):
                    if current[-1][1] - prev[0] > overlap:
                        break
                    carried.insert(0, prev)
                current = carried if not new_paragraph else []
        current.append(unit)
    if current:
        flush()
    return chunks
