"""The web handlers' pure parts: highlighting a quote in its own script."""

from assistant.app.handlers import highlight


def test_highlight_marks_terms_in_the_original_script() -> None:
    assert (
        highlight("樂陵市人民醫院<b>", ["乐陵", "医院"])
        == "<mark>樂陵</mark>市人民<mark>醫院</mark>&lt;b&gt;"
    )
