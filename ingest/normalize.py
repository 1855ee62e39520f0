"""Normalize: the Simplified, half-width form that is embedded and searched.

The cleaned original-script text stays untouched for display and quoting.
"""

from __future__ import annotations

from assistant.textnorm import to_search_form, tokenize

from .chunk import Chunk


def search_texts(chunks: list[Chunk]) -> list[str]:
    return [to_search_form(c.text) for c in chunks]


def bm25_tokens(title: str, text: str) -> str:
    """Space-joined tokens stored on each chunk, so BM25 rebuilds never re-tokenize."""
    return " ".join(tokenize(f"{title}\n{text}"))
