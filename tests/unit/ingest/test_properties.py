"""Property-based tests (hypothesis) for cleaning, normalization, chunking and query parsing:
no input raises or hangs, and the transformations are idempotent."""

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.errors import BadQuestion
from assistant.lexicon.gazetteer import Gazetteer
from assistant.qa.analyze import parse
from assistant.textnorm import to_search_form, to_simplified, to_traditional, tokenize
from ingest.chunk import chunk_text
from ingest.clean import clean, mark_mojibake, strip_pinyin_glosses

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
PUNCT = st.sampled_from(list("。,、;:!?“”()()《》\n …?!.,") + ["(wǎng)", "(市、区)", "(2021年)"])
TEXT = st.lists(
    st.one_of(
        CJK, PUNCT, st.sampled_from(list(string.ascii_letters + string.digits)), st.characters()
    ),
    max_size=300,
).map("".join)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
GAZ = Gazetteer.from_names({"乐陵": "place", "莘县": "place", "东营": "place"})


@FAST
@given(TEXT)
def test_clean_never_raises_and_keeps_its_promises(text: str) -> None:
    doc = clean("x", text)
    assert isinstance(doc.text, str) and "\r" not in doc.text
    assert all(line == line.strip() and line for line in doc.text.split("\n") if doc.text)


@FAST
@given(TEXT)
def test_gloss_stripping_and_mojibake_marking_are_idempotent(text: str) -> None:
    once = strip_pinyin_glosses(text)
    assert strip_pinyin_glosses(once) == once
    marked, _ = mark_mojibake(once)
    assert mark_mojibake(marked)[0] == marked


def test_lone_surrogates_do_not_crash() -> None:  # found by hypothesis: OpenCC raised on '\ud800'
    assert to_search_form("一\ud800乐陵") == "一乐陵"
    assert to_traditional("乐\udc80陵") == "樂陵"
    assert parse("哪些医院支援乐陵\udfff?", GAZ).text == "哪些医院支援乐陵?"


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


@FAST
@given(TEXT)
def test_query_parsing_accepts_or_rejects_clearly(text: str) -> None:
    try:
        q = parse(text, GAZ)
    except BadQuestion as exc:
        assert str(exc)
        return
    assert q.text == to_search_form(q.text)
    assert all(isinstance(t, str) and t for g in q.groups for t in g)
    tokenize(text)


@FAST
@given(st.text(max_size=50))
def test_bridge_never_raises(text: str) -> None:
    terms, unknown = GAZ.bridge(text)
    assert isinstance(terms, str) and isinstance(unknown, list)


@pytest.mark.integration
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(TEXT)
def test_cli_ask_never_tracebacks(real_store, capsys, text: str) -> None:
    from assistant.app.cli import main

    code = main(["ask", text, "--db", str(real_store.path), "--json"])
    captured = capsys.readouterr()
    assert code in (0, 2)
    assert "Traceback" not in captured.err
    if code == 2:
        assert captured.err.startswith("assistant: error:")
