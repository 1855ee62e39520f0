"""English typos in questions (artcle, hosptial, delegaton), read as the words meant.

An English question is read through word lists (question words, the glossary), so a
misspelt word would ask nothing or be taken for something the articles never mention.
A word an English dictionary does not know is replaced by the dictionary's correction
(`pyspellchecker`, word frequencies, one edit away). Names are never corrected:
pinyin (Laoling, Shengli), capitalised acronyms (MCH, SDU) and short words stay as they
are.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spellchecker import SpellChecker

from assistant.lexicon.glossary import EN_STOP, EN_WORD, GLOSSARY_EN_ZH, is_pinyin

_SHORTEST = 5  # letters: shorter words are abbreviations (pls, hosp) more often than typos


@lru_cache(maxsize=1)
def _checker() -> SpellChecker:
    return SpellChecker(distance=1)  # one slip: distance 2 costs up to seconds a word


def warm_up() -> None:
    """Load the word frequencies and the pinyin syllables now (about 0.5 s), not on the first
    English question."""
    _checker()
    is_pinyin("warm")


def _corrected(word: str) -> str:
    lower = word.lower()
    if len(lower) < _SHORTEST or word.isupper() or is_pinyin(word) or "'" in word:
        return word
    if lower in GLOSSARY_EN_ZH or lower in EN_STOP:  # depts: the glossary's, not a typo
        return word
    checker = _checker()
    if lower in checker:
        return word
    fixed = checker.correction(lower)
    if not fixed or fixed == lower or not re.fullmatch(r"[a-z]+", fixed):
        return word
    return fixed.capitalize() if word[0].isupper() else fixed


def correct(text: str) -> str:
    """`text` with each misspelt English word replaced by the word it most likely means."""
    return EN_WORD.sub(lambda m: _corrected(m.group(0)), text)
