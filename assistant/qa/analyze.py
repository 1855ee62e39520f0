"""Query normalization: validate, fold to the search form, bridge English to Chinese."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.errors import BadQuestion
from assistant.lexicon.gazetteer import Gazetteer
from assistant.lexicon.glossary import is_english
from assistant.textnorm import detect_script, strip_controls, to_search_form, tokenize

MAX_QUESTION_CHARS = 2000


@dataclass(frozen=True)
class ParsedQuery:
    original: str
    text: str  # search form (Simplified, half-width)
    bridged: str  # Chinese terms for English words ('' for Chinese questions)
    language: str  # "en" | "zh-Hans" | "zh-Hant"
    groups: tuple[tuple[str, ...], ...]  # BM25 tokens; any token of a group satisfies it
    unknown_names: tuple[str, ...]  # capitalized English names nothing in the corpus matches

    @property
    def tokens(self) -> list[str]:
        return list(dict.fromkeys(t for g in self.groups for t in g))


def validate(question: object) -> str:
    if not isinstance(question, str):
        raise BadQuestion("the question must be text")
    cleaned = strip_controls(question).strip()
    if not cleaned:
        raise BadQuestion("the question is empty: type a question, e.g. 哪些医院支援乐陵?")
    if len(cleaned) > MAX_QUESTION_CHARS:
        raise BadQuestion(
            f"the question is too long ({len(cleaned)} characters; the limit is "
            f"{MAX_QUESTION_CHARS}): "
            "ask about one thing at a time"
        )
    if not re.search(r"[A-Za-z0-9\u3400-\u9fff]", cleaned):
        raise BadQuestion("the question has no words in it: ask in Chinese or English")
    return cleaned


def parse(question: str, gazetteer: Gazetteer) -> ParsedQuery:
    original = validate(question)
    text = to_search_form(original)
    if is_english(text):
        language = "en"
        bridged, unknown = gazetteer.bridge(text)
    else:
        language = "zh-Hant" if detect_script(original) == "Traditional" else "zh-Hans"
        bridged, unknown = gazetteer.bridge(text) if re.search(r"[A-Za-z]{3,}", text) else ("", [])
    # English words never occur in the corpus: an English question searches by its bridge.
    groups: list[tuple[str, ...]] = [
        (t,) for t in tokenize(text) if language != "en" or not t.isascii()
    ]
    for term in bridged.split():
        alternatives = tuple(dict.fromkeys(t for alt in term.split("/") for t in tokenize(alt)))
        if alternatives and alternatives not in groups:
            groups.append(alternatives)
    return ParsedQuery(
        original, text, bridged.replace("/", " "), language, tuple(groups), tuple(unknown)
    )
