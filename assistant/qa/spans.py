"""How long things last, from the ranges the articles write: 6月17-18日 is two days,
(2021-2025年) five years, 为期三年 three. Answers which lasted or spans longest (or
shortest), and sets the spans a question names side by side.

A span belongs to its sentence; where it dates a document (《…方案(2021-2025年)》) the
document's title names it. An occasion (活动, visit, meeting) is dated by days, a plan
(方案, 规划, programme) by years: a question asking for one reads only that kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.lexicon.questions import (
    DAY_RANGE,
    OCCASION,
    SPAN_ASKED,
    cn_number,
    range_days,
)
from assistant.qa.analyze import ParsedQuery
from assistant.qa.articles import naming
from assistant.qa.evidence import excerpt, split_sentences
from assistant.store.derived import Derived
from assistant.textnorm import to_search_form
from assistant.types import Citation

_YEARS = re.compile(r"((?:19|20)\d\d)\s*[-—–~～至到]\s*((?:19|20)\d\d)年?")
_LASTING = re.compile(
    r"(?:为期|历时|持续)(\d{1,3}|[一二两三四五六七八九十]{1,3})(个)?(年|月|周|天)"
)
_PER_UNIT = {"年": 365, "月": 30, "周": 7, "天": 1}
_UNIT_EN = {"年": "years", "月": "months", "周": "weeks", "天": "days"}

# what lasts days (an occasion, a visit), and what spans years (会 alone is "will")
_OCCASION = re.compile(
    rf"{OCCASION.pattern}|调研|考察|访问|\b(?:events?|visits?|meetings?|trips?)\b", re.I
)
_PLAN = re.compile(r"规划|方案|计划|工程|行动|项目|\b(?:plans?|programm?es?|projects?)\b", re.I)
_SHORTEST = re.compile(r"最短|最少|短一些|\b(?:shortest|least)\b", re.I)


@dataclass(frozen=True)
class Span:
    days: int  # its length in days, to rank spans of any unit (a year counts 365)
    amount: int  # its length in its own unit
    unit: str  # 年 | 月 | 周 | 天
    shown: str  # as the article writes it: 6月17-18日, 2021-2025年
    doc_id: str
    sentence: str  # the source's own sentence
    title: str  # the document the span dates (《…》), or ""

    def length(self, english: bool) -> str:
        if english:
            return f"{self.amount} {_UNIT_EN[self.unit]}"
        return f"{self.amount}{'个' if self.unit == '月' else ''}{self.unit}"


def asked(query: ParsedQuery) -> bool:
    """Whether the question asks how long, or which lasted longest."""
    text = query.original if query.language == "en" else query.text
    return (
        bool(SPAN_ASKED.search(text))
        and query.intent not in ("yesno", "who", "overview")
        and query.answer_type != "frequency"  # 多久一次: how often, not how long
        and not query.gap  # how far apart two events were: their dates
    )


def answer(
    query: ParsedQuery, derived: Derived, text_of: Callable[[str], str]
) -> tuple[str, list[Citation]] | None:
    """The longest (or shortest) span among those the question's names pick, or each span
    it names side by side; None when it asks no span or the articles write none."""
    if not asked(query):
        return None
    docs = naming(query.entities, derived, text_of) if query.entities else list(derived.manifest)
    text = query.original if query.language == "en" else query.text
    found = [s for d in docs for s in _spans(d, text_of(d)) if _fits(s, text)]
    if not found:
        return None
    named = _named(query, found)
    if query.intent == "compare" and len(named) >= 2:
        return _compose(query, sorted(named, key=lambda s: -s.days), derived)
    ranked = sorted(named or found, key=lambda s: s.days if _SHORTEST.search(text) else -s.days)
    if query.intent not in ("superlative", "which", "compare"):  # how long: the one asked of
        return _compose(query, named, derived) if len(named) == 1 else None
    if len(ranked) > 1 and ranked[0].days == ranked[1].days:
        return None  # a tie names no longest
    return _compose(query, ranked[:2], derived)


def _spans(doc_id: str, text: str) -> list[Span]:
    out = []
    for original in split_sentences(text):
        sentence = to_search_form(original)
        if len(sentence) != len(original):
            sentence = original

        def span(
            amount: int, unit: str, m: re.Match[str], title: str = "", said: str = original
        ) -> Span:
            return Span(amount * _PER_UNIT[unit], amount, unit, m.group(), doc_id, said, title)

        for m in _YEARS.finditer(sentence):
            a, b = int(m.group(1)), int(m.group(2))
            if b > a:
                out.append(span(b - a + 1, "年", m, _title(sentence, m.start())))
        for m in DAY_RANGE.finditer(sentence):
            if range_days(m) > 1:
                out.append(span(range_days(m), "天", m))
        for m in _LASTING.finditer(sentence):
            n = int(m.group(1)) if m.group(1).isdigit() else cn_number(m.group(1))
            out.append(span(n, m.group(3), m))
    return out


def _title(sentence: str, at: int) -> str:
    """The 《document》 a span at `at` stands in, or ''."""
    start = sentence.rfind("《", 0, at)
    end = sentence.find("》", at)
    if start < 0 or end < 0 or "》" in sentence[start:at]:
        return ""
    return sentence[start : end + 1]


def _fits(span: Span, question: str) -> bool:
    """An occasion lasts days; a plan spans years."""
    if _OCCASION.search(question) and not _PLAN.search(question):
        return span.unit in ("天", "周")
    if _PLAN.search(question) and not _OCCASION.search(question):
        return span.unit in ("年", "月")
    return True


def _named(query: ParsedQuery, found: list[Span]) -> list[Span]:
    """The spans whose sentence holds a word of the question beyond its span words (千县工程,
    三年行动计划): those it names, one per sentence."""
    words = [
        t
        for g in query.content
        for t in g
        if len(t) >= 2 and not SPAN_ASKED.search(t) and not any(t in e for e in query.entities)
    ]
    held = [s for s in found if any(w in to_search_form(s.title or s.sentence) for w in words)]
    return list({s.sentence: s for s in held}.values())


def _compose(
    query: ParsedQuery, chosen: list[Span], derived: Derived
) -> tuple[str, list[Citation]]:
    english = query.language == "en"
    lines, citations = [], []
    for n, s in enumerate(chosen, 1):
        told = f"{s.length(english)} ({s.shown})" if english else f"{s.length(english)}({s.shown})"
        if s.title:
            told = f"{s.title} — {told}" if english else f"{s.title}:{told}"
        head = (
            ("Answer: " if english else "答:")
            if n == 1
            else ("Compared with: " if english else "相比:")
        )
        lines.append(
            query.in_script(f"{head}{told} [{n}]") if not english else f"{head}{told} [{n}]"
        )
        article = derived.manifest[s.doc_id].article
        citations.append(Citation.of_article(n, article, s.sentence, 1.0, f"{s.doc_id}#span"))
    lines += [f"{excerpt(c.quote, [], 160)} [{c.n}]" for c in citations]
    return "\n".join(lines), citations
