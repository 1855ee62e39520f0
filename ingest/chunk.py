"""Chunk: split a cleaned article into passages at sentence ends and paragraph breaks.

Sizes are in characters (one CJK character is about one model token). Each chunk
keeps its character offsets in the cleaned text, so a citation can quote it exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.textnorm import sentence_spans


@dataclass(frozen=True)
class Chunk:
    doc_id: str
    position: int
    start: int  # offsets into the cleaned (original-script) text
    end: int
    text: str


def _split_long(start: int, end: int, size: int) -> list[tuple[int, int]]:
    """A sentence longer than `size` is cut into equal pieces (rare in news text)."""
    pieces = -(-(end - start) // size)
    step = -(-(end - start) // pieces)
    return [(s, min(s + step, end)) for s in range(start, end, step)]


def chunk_text(doc_id: str, text: str, size: int = 320, overlap: int = 60) -> list[Chunk]:
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
