"""Two figures set side by side: how many more one is than the other (坐诊专家比常驻专家多几个
→ 54 − 17 = 37), which is bigger (78 hospitals picked or 71 experts sent), the turnout of one
occasion against another's (200余人, 300余人).

The figures come from the facts table. Each is read with the words around it, up to the
clause's commas and enumeration marks (常驻专家17名 apart from 坐诊专家54名 in one
clause), and with the names of its article; the two holding most of the question's words,
each holding a word the other lacks, are compared.
"""

from __future__ import annotations

import re

from assistant.lexicon.questions import TURNOUT_ASKED, compares_figures
from assistant.qa.analyze import ParsedQuery
from assistant.qa.evidence import excerpt
from assistant.qa.facts import cite_facts
from assistant.store.derived import Derived
from assistant.textnorm import to_search_form
from assistant.types import Citation, Fact

_NOT_COUNTS = frozenset({"年", "月", "日", "号"})  # dates are no figures to compare
_COVERED = 0.6  # of the question's words, the two figures' sentences must hold this share
_PEOPLE = re.compile(r"人数|多少人|几个人|\b(?:people|persons)\b", re.I)


def compare(query: ParsedQuery, derived: Derived) -> tuple[str, list[Citation]] | None:
    """The two figures the question names and how they compare, or None when it sets no two
    figures side by side or the facts table holds no two that fit."""
    text = query.original if query.language == "en" else query.text
    if not compares_figures(text, query.language == "en") or query.gap:
        return None  # none set side by side, or two dates: how far apart they are
    figures = [
        f
        for f in derived.facts
        if f.kind == "figure" and f.value and f.unit not in _NOT_COUNTS and _number(f.value)
    ]
    if TURNOUT_ASKED.search(text):  # a head count: 200余人, not 71名 experts
        figures = [f for f in figures if f.unit.endswith("人")]
    elif _PEOPLE.search(text):
        figures = [f for f in figures if f.unit.endswith(("人", "名"))]
    # the words that tell the figures apart; the names are scored by their article, once
    words = [
        g
        for g in query.content
        if any(len(t) >= 2 or t.isdigit() for t in g)
        and not any(_names(t, e) for t in g for e in query.entities)
    ]
    names = {d: set(r.names) for d, r in derived.manifest.items()}
    scored = [(_score(f, words, query.entities, names[f.doc_id]), f) for f in figures]
    scored = [(s, f) for s, f in scored if s[0] > 0]
    if not scored:
        return None
    top, first = max(scored, key=lambda x: x[0])
    held = {g for g in words if any(t in _near(first) for t in g)}
    lacking = [g for g in words if g not in held]
    others = tuple(e for e in query.entities if e not in names[first.doc_id])
    rest = [
        (_score(f, lacking, others, names[f.doc_id]), f)
        for _, f in scored
        if _near(f) != _near(first) or f.doc_id != first.doc_id
    ]
    # the other side: from an article naming the names the first one's does not
    rest = [(s, f) for s, f in rest if s[0] > 0 and (not others or names[f.doc_id] & set(others))]
    if not rest:
        return None
    second = max(rest, key=lambda x: x[0])[1]
    said = to_search_form(first.evidence + second.evidence)
    counted = _counted(text, query, derived)
    if sum(any(t in said for t in g) for g in words) < _COVERED * len(words) or (
        counted and not any(t in _near(f) for f in (first, second) for t in counted)
    ):
        return None  # the question counts something neither figure counts (patients)
    citations, marks = _cite(derived, [first, second])
    return _text(query, first, second, marks), citations


_COUNTED_ZH = re.compile(
    r"[多少](?:几|多少)[个名位家人次批]?([\u4e00-\u9fff]{2,4}?)(?:[??吗呢啊]|$)"
)
_COUNTED_EN = re.compile(r"\bhow many (?:more|fewer|less) ([a-z]+)", re.I)


def _counted(text: str, query: ParsedQuery, derived: Derived) -> list[str]:
    """What a 'how many more' counts (patients → 患者, 病人); [] when it names nothing."""
    if query.language == "en":
        m = _COUNTED_EN.search(text)
        bridged = derived.gazetteer.bridge_words(m.group(1))[0] if m else ""
        return [t for term in bridged.split() for t in term.split("/")]
    m = _COUNTED_ZH.search(text)
    return [m.group(1)] if m else []


_COMMON = frozenset({"医院", "中心", "人民", "医疗", "第一", "第二", "第三", "大学", "附属"})


def _names(word: str, entity: str) -> bool:
    """Whether `word` is the entity or a part of its name that says whose (胜利, 油田 of
    胜利油田中心医院), not a word many names share (医院)."""
    return word not in _COMMON and (word in entity or entity in word)


def _number(value: str) -> float | None:
    m = re.search(r"\d+(?:\.\d+)?", value)
    return float(m.group(0)) if m else None


def _near(f: Fact) -> str:
    """The words around the figure, up to the clause's commas and enumeration marks."""
    at = f.subject.find(f.value)
    if at < 0:
        return f.subject
    start = max(f.subject.rfind(c, 0, at) for c in "、,,;;") + 1
    ends = [i for c in "、,,;;" if (i := f.subject.find(c, at)) >= 0]
    return f.subject[start : min(ends, default=len(f.subject))]


def _score(
    f: Fact, words: list[tuple[str, ...]], entities: tuple[str, ...], names: set[str]
) -> tuple[int, int]:
    """(question words around the figure, twice, plus those of its clause and its article's
    names; question words of its clause)."""
    near = sum(any(t in _near(f) for t in g) for g in words)
    clause = sum(any(t in f.subject for t in g) for g in words)
    named = sum(e in names or e in f.subject for e in entities)
    return 2 * near + clause + named, clause


def _text(query: ParsedQuery, a: Fact, b: Fact, marks: tuple[str, str]) -> str:
    va, vb = _number(a.value) or 0, _number(b.value) or 0
    more, less = (a, b) if va >= vb else (b, a)
    gap = f"{abs(va - vb):g}{more.unit.lstrip('余多') if a.unit == b.unit else ''}"
    cited = "".join(dict.fromkeys(marks))
    quotes = [
        f"{excerpt(f.evidence, [f.value], 120)} {m}" for f, m in zip((a, b), marks, strict=True)
    ]
    quotes = quotes if a.evidence != b.evidence else quotes[:1]
    if query.language == "en":
        if va == vb:
            head = f"Answer: the same — {a.value}{a.unit} and {b.value}{b.unit}"
        else:
            head = f"Answer: {more.value}{more.unit} is more than {less.value}{less.unit}" + (
                f", by {gap}" if a.unit == b.unit else ""
            )
        return "\n".join([f"{head} {cited}", f"{_near(more)}; {_near(less)}", *quotes])
    if va == vb:
        line = f"答:一样多:{_near(a)};{_near(b)}"
    else:
        line = f"答:{_near(more)}多于{_near(less)}" + (f",多{gap}" if a.unit == b.unit else "")
    return "\n".join([query.in_script(line) + f" {cited}", *quotes])


def _cite(derived: Derived, pair: list[Fact]) -> tuple[list[Citation], tuple[str, str]]:
    """One citation for each evidence sentence (the facts table's), and each figure's mark."""
    citations, number = cite_facts(pair, derived)
    marks = [f"[{number[f'{f.doc_id}|{f.evidence}']}]" for f in pair]
    return citations, (marks[0], marks[1])
