"""Shared fixtures of the answerer's unit tests."""

from __future__ import annotations

import bm25s
import pytest

from assistant.store.lexical import LexicalIndex
from assistant.textnorm import tokenize
from tests.unit.qa.test_answer import DOCS


@pytest.fixture(scope="module")
def lexical() -> LexicalIndex:
    """What the store's BM25 index holds for DOCS: one chunk per document."""
    corpus = [tokenize(f"{title}\n{text}") for title, text in DOCS.values()]
    bm25 = bm25s.BM25()
    bm25.index(corpus, show_progress=False)
    return LexicalIndex(list(DOCS), bm25, "stamp")
