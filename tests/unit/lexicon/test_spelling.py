"""English typos in questions are read as the words meant; names and real words are not."""

from hypothesis import given
from hypothesis import strategies as st

from assistant.lexicon.spelling import correct
from tests.strategies import FAST


def test_a_misspelt_word_is_read_as_the_word_meant() -> None:
    assert correct("publication date of the Leling artcle?") == (
        "publication date of the Leling article?"
    )
    assert correct("Which hosptial sent experts?") == "Which hospital sent experts?"
    assert correct("Statoined where?") == "Stationed where?"  # the capital stays


def test_names_acronyms_short_words_and_real_words_stay() -> None:
    for text in ("Laoling", "Shengli hosp", "MCH", "pls", "Who hosted it?", "Dongying's", "depts"):
        assert correct(text) == text


@FAST
@given(st.text(max_size=80))
def test_correct_never_raises_and_keeps_non_latin_text(text: str) -> None:
    out = correct(text)
    assert [c for c in out if not c.isascii()] == [c for c in text if not c.isascii()]
