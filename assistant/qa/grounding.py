"""Grounding checks shared by both answerers and by eval: does a passage support a sentence,
and which citations of an LLM's reply survive that check."""

from __future__ import annotations

import re

from assistant.textnorm import CJK_RE, sentence_spans, to_search_form
from assistant.types import Citation, Passage

MIN_SUPPORT = 0.35  # share of a sentence's CJK bigrams found in the cited passage
MARK = re.compile(r"\[(\d{1,3})\]")
_TRAILING_MARKS = re.compile(r"([。!?;!?;.])[ \t]*((?:\[\d{1,3}\][ \t]*)+)")
_SPLIT = re.compile(r"(?<=[。!?;!?;])|(?<=[.!?])\s+|\n+")


def _bigrams(text: str) -> set[str]:
    cjk = "".join(CJK_RE.findall(text))
    return {cjk[i : i + 2] for i in range(len(cjk) - 1)}


def support(sentence: str, passage_text: str) -> float:
    """How well `passage_text` (search form) supports `sentence`: shared CJK bigrams, or
    the numbers for a sentence without Chinese."""
    sent = to_search_form(sentence)
    grams = _bigrams(sent)
    if grams:
        return len(grams & _bigrams(passage_text)) / len(grams)
    numbers = re.findall(r"\d+", MARK.sub("", sent))
    return 1.0 if all(n in passage_text for n in numbers) else 0.0


def best_quote(sentence: str, passage: Passage) -> str:
    """The sentence of `passage` (original script) that shares most with `sentence`."""
    spans = sentence_spans(passage.original) or [(0, len(passage.original))]
    grams = _bigrams(to_search_form(sentence))
    start, end = max(
        spans, key=lambda s: len(grams & _bigrams(to_search_form(passage.original[s[0] : s[1]])))
    )
    return passage.original[start:end].strip()


def _sentences(text: str) -> list[str]:
    """Sentences with their markers: '…座谈会。[1]' keeps [1] with its sentence."""

    def move_marks(m: re.Match[str]) -> str:
        return m.group(2).replace(" ", "").replace("\t", "") + m.group(1) + " "

    text = _TRAILING_MARKS.sub(move_marks, text.strip())
    return [s.strip() for s in _SPLIT.split(text) if s and s.strip()]


def check_citations(text: str, passages: list[Passage]) -> tuple[str, list[Citation], int]:
    """Keep supported citations, renumber them, drop unsupported sentences.

    Returns (checked text, citations, number of sentences dropped).
    """
    kept_lines: list[str] = []
    citations: list[Citation] = []
    number: dict[int, int] = {}  # source index → new citation number
    dropped = 0
    for sentence in _sentences(text):
        bare = MARK.sub("", sentence).strip()
        if not re.search(r"\w", bare):
            continue
        valid = [
            k
            for m in MARK.finditer(sentence)
            if 0 <= (k := int(m.group(1)) - 1) < len(passages)
            and support(bare, passages[k].text) >= MIN_SUPPORT
        ]
        if not valid:
            dropped += 1
            continue
        for k in dict.fromkeys(valid):
            if k not in number:
                number[k] = len(number) + 1
                p = passages[k]
                citations.append(Citation.from_passage(number[k], p, best_quote(bare, p), p.score))
        marks = "".join(f"[{number[k]}]" for k in dict.fromkeys(valid))
        end = bare[-1] if bare[-1] in "。!?;!?;." else ""
        kept_lines.append(
            f"{bare[: len(bare) - len(end)]} {marks}{end}" if end else f"{bare} {marks}"
        )
    return "\n".join(kept_lines), citations, dropped
