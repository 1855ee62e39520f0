"""Property-based tests (hypothesis) for cleaning, normalization and chunking: no input
raises or hangs, and the transformations are idempotent. (Query parsing and bridging:
tests/unit/qa/test_analyze.py and tests/unit/lexicon/test_gazetteer.py; the CLI:
tests/integration/app/test_cli.py.)"""

from hypothesis import example, given
from hypothesis import strategies as st

from assistant.textnorm import to_search_form, to_simplified
from ingest.chunk import chunk_text
from ingest.clean import clean, mark_mojibake, strip_pinyin_glosses
from tests.strategies import CJK, FAST, TEXT


@FAST
@given(TEXT)
def test_clean_never_raises_and_keeps_its_promises(text: str) -> None:
    doc = clean("x", text)
    assert isinstance(doc.text, str) and "\r" not in doc.text
    assert all(line == line.strip() and line for line in doc.text.split("\n") if doc.text)


@FAST
@given(TEXT)
@example("一(wǎng)(wǎng)")  # found by hypothesis: one stripped gloss uncovered another
def test_gloss_stripping_and_mojibake_marking_are_idempotent(text: str) -> None:
    once = strip_pinyin_glosses(text)
    assert strip_pinyin_glosses(once) == once
    marked, _ = mark_mojibake(once)
    assert mark_mojibake(marked)[0] == marked


@FAST
@given(TEXT)
def test_search_form_is_idempotent(text: str) -> None:
    once = to_search_form(text)
    assert to_search_form(once) == once


@FAST
@given(st.lists(CJK, max_size=200).map("".join))
def test_t2s_of_simplified_text_changes_nothing(text: str) -> None:
    simplified = to_simplified(text)
    assert to_simplified(simplified) == simplified


@FAST
@given(TEXT, st.integers(20, 400), st.integers(0, 19))
def test_chunks_cover_the_text_with_valid_offsets(text: str, size: int, overlap: int) -> None:
    chunks = chunk_text("d", text, size=size, overlap=overlap)
    for c in chunks:
        assert text[c.start : c.end] == c.text and c.text.strip()
    assert [c.position for c in chunks] == list(range(len(chunks)))
