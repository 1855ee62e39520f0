"""The offline answerer: a direct answer first, then the sentences that support it, each cited.

No LLM. Sentences of the retrieved passages are ranked as evidence (`evidence.gather`); the
answerability decision then asks whether the best of them names the question's entities,
covers its content and holds an answer of the asked-for type. If not, the answer is a plain
refusal that says what the articles do say nearby. Quotes are the sources' own text in
their own script; nothing is paraphrased, so nothing is claimed that a source does not say.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.lexicon.gazetteer import Gazetteer
from assistant.lexicon.glossary import render_person
from assistant.lexicon.names import ORG_HEAD, full_names
from assistant.lexicon.questions import (
    ASPECTS,
    CLAIMED_SPAN,
    DATE_RE,
    DAY_RANGE,
    DESCRIBES,
    DURATION_RE,
    NUMBER_RE,
    YEAR_RE,
    YEAR_STATED,
    cn_number,
    month_days,
    months_named,
    range_days,
)
from assistant.qa.analyze import ParsedQuery
from assistant.qa.evidence import (
    Evidence,
    answerable,
    continuation,
    counts,
    excerpt,
    figures,
    gather,
    holds_rarest,
    listed,
    missing_predicates,
    name_forms,
    names_institutions,
    people,
    refers_back,
    says_word,
    widen,
    written,
)
from assistant.qa.facts import verbs_of
from assistant.store.lexical import LexicalIndex
from assistant.textnorm import to_search_form
from assistant.types import Citation, Passage, told_in


@dataclass(frozen=True)
class AnswerConfig:
    """Thresholds of the answerability decision, swept on the bank's dev half (coverage
    0.2–0.5 × entity share 0.25–0.75): wholly-right answers are flat (0.714) for coverage
    0.27–0.5 at entity share ≤ 0.5, and fall at 0.75. Within the plateau higher coverage
    trades false refusals (0.033 at 0.27, 0.058 at 0.34, 0.083 at 0.5) for right refusals
    (0.846 up to 0.34, 0.885 from 0.42); 0.34 sits in the middle."""

    min_coverage: float = 0.34  # of the question's content (idf-weighted) the best sentence holds
    min_entity_share: float = 0.5  # of the question's entities it (or its title) names
    keep_ratio: float = 0.75  # keep further sentences scoring at least this share of the best
    max_sentences: int = 2
    affirm_coverage: float = 0.6  # a yes/no question is answered yes at this coverage
    max_sentences_list: int = 4
    # an asked noun (职称是啥, 什么专科) is held to a sentence saying it when it is this rare
    # (BM25 idf over the chunks, a ratio: 1.5 is about one chunk in five writing it): 合作
    # (0.7) or 科室 (1.2) is what the articles are about, answered in other words; 业务 (2.0)
    # and 专科 (2.6) are attributes
    asked_min_idf: float = 1.5


# Intents whose answer says something of the names asked about (what X thought, when X
# founded, how many X had): a sentence only naming them is none. Measured on the tuning sets:
# who, yes/no and comparisons are answered by sentences in other words too often.
_ASKS_OF_NAMES = ("what", "when", "count")


@dataclass(frozen=True)
class Decision:
    answerable: bool
    chosen: list[Evidence]
    missing: list[str]  # what the question names or asks that the articles do not have


def decide(
    query: ParsedQuery, evidence: list[Evidence], lexical: LexicalIndex, config: AnswerConfig
) -> Decision:
    """Answer only when a sentence covers the question's entities and content and holds an
    answer of the expected type; otherwise say what is missing."""
    absent = [n for n in query.unknown_entities if not written(n, lexical)]
    absent += list(query.unknown_names)
    if absent:  # a name no article writes, even when each of its words is known
        return Decision(False, evidence[:1], absent)
    missing = missing_predicates(query, lexical)
    if missing:  # the question asks about something no article speaks of
        return Decision(False, evidence[:1], missing)
    cue = next((a.cue for a in ASPECTS if a.name == query.aspect), None)

    def says_it(e: Evidence) -> bool:
        """Names every party and says the asked aspect (一要…二要…, 要求…): an answer even in
        words other than the question's."""
        return bool(cue and e.entity_share >= 1.0 and cue.search(e.text))

    usable = [
        e
        for e in evidence
        if (
            e.coverage >= config.min_coverage
            or (says_it(e) and e.coverage >= config.min_coverage / 2)
        )
        and e.entity_share >= config.min_entity_share
        and (not query.answer_type or names_institutions(query, e))
        # what it is asked of them: said, or said in other words (要求 → 强调)
        and not (e.unasked and query.intent in _ASKS_OF_NAMES and not says_it(e))
    ]
    # 职称是啥: a sentence giving one (a typed answer, 哪些科室, is held to its type instead)
    if (
        query.asked
        and query.intent in ("what", "which")
        and not query.answer_type
        and lexical.idf(query.asked) >= config.asked_min_idf
    ):
        usable = [e for e in usable if says_it(e) or says_word(e.text, query.asked)]
    if query.aspect == "speech" and cue:  # what they said: a sentence in which they speak
        speakers = query.people or query.entities
        usable = [
            e
            for e in usable
            if cue.search(e.text)
            and (
                any(n in e.text for n in speakers)
                or (refers_back(e.text, query) and any(n in e.passage.text for n in speakers))
            )
        ]
    if query.aspect == "background" and cue:  # where one studied: a sentence telling it
        usable = [e for e in usable if cue.search(e.text)]
    if query.intent != "yesno":  # of a year: the sentence tells of it (a yes/no checks it)
        usable = [e for e in usable if not _another_year(query, e)]
    if query.answer_type in ("post", "department") and query.people:
        # a named person's department: a sentence about them, not about their hospital
        usable = [
            e
            for e in usable
            if any(p in e.text for p in query.people) or refers_back(e.text, query)
        ]
    if query.intent == "when":  # the day of what is asked, not of another deed of its names
        usable = [e for e in usable if holds_rarest(query, e.text, lexical)]
    if query.intent == "who":  # who hosted it: a sentence saying it was done (主持)
        verbs = verbs_of(query.bridged if query.language == "en" else query.text)
        usable = [e for e in usable if not verbs or any(v in e.text for v in verbs)]
    typed = [e for e in usable if e.has_answer]
    if not typed:
        return Decision(False, evidence[:1], [])
    return Decision(True, select(typed, query, config), [])


def select(ranked: list[Evidence], query: ParsedQuery, config: AnswerConfig) -> list[Evidence]:
    listy = query.intent in ("which", "overview", "compare")
    limit = config.max_sentences_list if listy else config.max_sentences
    best = ranked[0].score
    picked: list[Evidence] = []
    for e in ranked:
        if e.score < config.keep_ratio * best:
            break
        if any(e.text in p.text or p.text in e.text for p in picked):
            continue
        if (
            picked
            and not listy
            and query.answer_type
            and e.passage.doc_id == picked[0].passage.doc_id
        ):
            continue  # a typed answer needs one sentence per article, not two
        picked.append(e)
        if len(picked) >= limit:
            break
    return picked


def direct(query: ParsedQuery, e: Evidence, gazetteer: Gazetteer) -> str | None:
    """The asked-for span of the best sentence, nearest the question's words: a date, a
    number, a person or an institution; rendered for the asker's language."""
    # the question's entities anchor best (山东省78家医院 over 全国1000家县医院); else its words
    anchors = [m.start() for t in query.entities for m in re.finditer(re.escape(t), e.text)] or [
        m.start() for g in query.content for t in g for m in re.finditer(re.escape(t), e.text)
    ]

    def nearest(spans: list[tuple[str, int]]) -> str | None:
        if not spans:
            return None
        return min(spans, key=lambda s: min((abs(s[1] - a) for a in anchors), default=s[1]))[0]

    kind = query.answer_type
    if kind in ("date", "year"):
        pattern = DATE_RE if kind == "date" else YEAR_RE
        span = nearest([(m.group(0), m.start()) for m in pattern.finditer(e.text)])
    elif kind == "number":
        found = figures(e.text, query)
        items = [] if found else listed(e.text, query.counted)
        if items:  # counted by listing: 4 (一站式服务中心、健康驿站、…)
            shown = "、".join(items)
            counted = f" ({shown})" if query.language == "en" else f"个({shown})"
            return f"{len(items)}{counted}"
        # 常驻专家17名 for "how many are resident": a figure the question's own words qualify
        words = [t for t in _nouns(query) if t not in query.counted]
        qualified = [
            (n, at) for n, at in found if any(w in e.text[max(0, at - 6) : at] for w in words)
        ]
        span = nearest(qualified or found)
    elif kind == "duration":
        span = nearest([(_duration(m, query), m.start()) for m in DURATION_RE.finditer(e.text)])
    elif kind == "person":
        span = nearest([(n, at) for n, at in people(e.text, gazetteer) if n not in query.excluded])
        if span and query.language == "en":
            return f"{render_person(span)} ({span})"
    elif kind == "institution":  # never one the question names: it asks for another
        asked = {f for entity in query.entities for f in name_forms(entity)}
        named = [(n, s) for n, s, _ in full_names(e.text, ORG_HEAD) if n not in asked]
        # or one called by its short form (仪式由市二院…院长王景峰主持), nearer the person
        named += [(n, a) for a, _, n in gazetteer.short_name_spans(e.text) if n not in asked]
        # one the question describes (那家肿瘤医院: 浙江省肿瘤医院) before the nearest
        words = [
            t
            for g in query.content
            for t in g
            if len(t) >= 2 and t != "医院" and not any(t in e for e in query.entities)
        ]
        described = [(n, s) for n, s in named if any(w in n for w in words)]
        span = nearest(described or named)
        if span and query.language == "en":
            return f"{gazetteer.render(span)} ({span})"
    else:
        return None
    return span


def _duration(m: re.Match[str], query: ParsedQuery) -> str:
    """48小时 as written; a span of days counted (6月17-18日 → 2天, 2 days)."""
    if not m.group(1):
        return m.group(0)
    days = range_days(m)
    if query.language == "en":
        return f"{days} days ({m.group(0)})"
    return f"{days}天({m.group(0)})"


def _quote(e: Evidence, query: ParsedQuery, gazetteer: Gazetteer, span: str | None) -> str:
    """The sentence in its own script; English readers get the names glossed after it."""
    shown = excerpt(e.original, [span]) if span else e.original  # no span: the whole sentence
    return glossed(shown, gazetteer) if query.language == "en" else shown


def glossed(shown: str, gazetteer: Gazetteer) -> str:
    """A quote with the English of the first two names it holds after it."""
    search = to_search_form(shown)
    names = [search[a:b] for a, b in gazetteer.mentions(search)]
    glosses = [f"{n} = {gazetteer.render(n)}" for n in dict.fromkeys(names) if len(n) >= 3][:2]
    return shown + (f" ({'; '.join(glosses)})" if glosses else "")


# What a refusal says is not given when no sentence holds the kind of answer asked for.
_UNSTATED = {
    "money": ("an amount of money", "金额"),
    "age": ("an age", "年龄"),
    "frequency": ("how often", "频率"),
    "share": ("a percentage, rate or score", "百分比、比率或分数"),
    "distance": ("a distance", "距离"),
    "contact": ("a phone number, email or address", "电话、邮箱或地址"),
}


def refusal_text(
    query: ParsedQuery,
    missing: list[str],
    nearby: str | None,
    head: tuple[str, str] = (
        "The documents do not contain information that answers this question.",
        "文档中没有找到能回答这个问题的信息。",
    ),
) -> str:
    """A refusal: `head` (English, Chinese), why where it can say, what is said nearby."""
    en, zh = _UNSTATED.get(query.answer_type, ("", ""))
    if query.language == "en":
        why = (
            f" They never mention {', '.join(missing)}."
            if missing
            else f" No sentence about it gives {en}."
            if en
            else ""
        )
        text = head[0] + why
        return text + (f"\nNearby, they say: {nearby}" if nearby else "")
    why = f"文档中没有提到“{'、'.join(missing)}”。" if missing else ""
    why = why or (f"相关句子没有给出{zh}。" if zh else "")
    text = query.in_script(head[1] + why)
    return text + (query.in_script("\n相关的内容是:") + nearby if nearby else "")


def _affirm(query: ParsedQuery, best: Evidence, config: AnswerConfig) -> str:
    """Yes when the best sentence says what the question asks, in nearly all its words and
    every one it asks of its names; no when it says something else in the asked word's
    place (东院区 asked, 西院区 written); otherwise no verdict, only what the articles say."""
    asked, given = month_days(query.text), month_days(best.text)
    same = _same_number(query, best.text)  # the question's own figure: nothing to contrast
    other = (
        _other_number(query, best.text)
        or _misattached(query, best.text)
        or _only_some(query, best.text)
        or _other_date(asked, given, best.text)
        or _other_month(query, best.text)
        or _other_year(query, best)
        or (None if same or asked & given else _contrast(query, best.text))
    )
    # the day alone settles nothing: the sentence must also say what the question says;
    # a figure or a year claimed is confirmed only where it is given
    yes = not other and (
        same
        or (
            best.coverage >= config.affirm_coverage
            and best.asked_held >= 1.0
            and best.entity_share >= 1.0
            and not _unconfirmed(query, best)
        )
    )
    if query.language == "en":
        if other:
            return f"No — the articles say {other}:"
        return (
            "Yes, the articles say so:"
            if yes
            else "The articles do not say so in these words; they say:"
        )
    if other:
        return query.in_script(f"不是,文档中写的是“{other}”:")
    return query.in_script("是的,文档中写道:" if yes else "文档没有这样直接说,相关的内容是:")


def deed_claimed(query: ParsedQuery) -> tuple[str, ...]:
    """The people a yes/no question says did something (是冯世庆和孙奇宏签的吗), or (): several
    only where it joins their names (冯世庆出席时,是余之刚签的吗 claims it of one)."""
    if query.intent != "yesno" or not _deeds(query):
        return ()
    if len(query.people) == 1:
        return query.people
    joined = "(?:和|与|跟|及|、|,)".join(re.escape(p) for p in query.people)
    return query.people if query.language != "en" and re.search(joined, query.text) else ()


def _deeds(query: ParsedQuery) -> frozenset[str]:
    """What the question says its people did, read with their names set apart: a word cut
    across a name and a verb (孙奇宏签 → 孙奇, 宏签) hides the verb."""
    text = query.bridged if query.language == "en" else query.text
    for person in query.people:
        text = text.replace(person, "、")
    return verbs_of(text)


def _deed(
    query: ParsedQuery, evidence: list[Evidence], gazetteer: Gazetteer
) -> tuple[bool, Evidence, list[str]] | None:
    """For "did X do it?": the best sentence that says it was done (签署, 主持) and names who
    did it; yes when X is among them."""
    claimed = deed_claimed(query)
    if not claimed:
        return None
    verbs = _deeds(query)
    # only where one of them was: a passage that names them
    near = [
        e for e in evidence[:30] if any(p in to_search_form(e.passage.original) for p in claimed)
    ]
    for e in near:
        doers = [name for name, at in people(e.text, gazetteer) if _acts(e.text, at, verbs)]
        if doers:  # yes only when each one claimed is among them
            return all(p in doers for p in claimed), e, list(dict.fromkeys(doers))
    return None


def _acts(text: str, at: int, verbs: frozenset[str]) -> bool:
    """Whether the person named at `at` is the subject of one of `verbs` in the same clause
    (余之刚与田丹代表双方签署了…协议)."""
    clause = re.split(r"[,,;;。]", text[at:], maxsplit=1)[0]
    return any(v in clause for v in verbs)


def _deed_verdict(query: ParsedQuery, yes: bool, doers: list[str]) -> str:
    if query.language == "en":
        others = " and ".join(f"{render_person(d)} ({d})" for d in doers)
        return "Yes, the articles say so:" if yes else f"No — the articles say {others} did:"
    return query.in_script("是的,文档中写道:" if yes else f"不是,文档中写的是{'、'.join(doers)}:")


def figure_claimed(query: ParsedQuery) -> bool:
    """Whether a yes/no question claims a figure (派了100个专家对吧): the sentence that
    counts it decides, wherever in the article it is."""
    return query.intent == "yesno" and bool(_asked_numbers(query))


def _asked_numbers(query: ParsedQuery) -> list[str]:
    """The figures a question states (100 experts, 5人), not its years."""
    # not a year, a date, an ordinal (No.2, #2) nor a term (X+1+9+X)
    return [
        m.group(0)
        for m in re.finditer(r"(?<![A-Za-z0-9+#.])\d+(?![A-Za-z0-9+]|\s*[年月日号])", query.text)
        if not re.fullmatch(r"(?:19|20)\d\d", m.group(0))
    ]


def _nouns(query: ParsedQuery) -> tuple[str, ...]:
    return tuple(
        t
        for g in query.content
        for t in g
        if len(t) >= 2 and not t.isdigit() and not any(t in e for e in query.entities)
    )


def _given(query: ParsedQuery, text: str) -> list[str]:
    """The figures the sentence gives for what the question counts (专家共71名)."""
    return [m.group(0) for m in NUMBER_RE.finditer(text) if counts(text, _nouns(query), m.group(0))]


def _figure_first(query: ParsedQuery, evidence: list[Evidence]) -> list[Evidence]:
    """For "did they send 100 experts?", the sentence that counts the experts comes first,
    whatever number it gives: it is what confirms or contradicts the question."""
    if not _asked_numbers(query):
        return evidence
    counting = [e for e in evidence if e.entity_share >= 0.5 and _given(query, e.text)]
    return counting[:1] + [e for e in evidence if e not in counting[:1]]


def _other_number(query: ParsedQuery, text: str) -> str | None:
    """The number the sentence gives for what the question counts, when it is not the
    question's own (71名 where 100 was asked)."""
    given = _given(query, text)
    if not given or not _asked_numbers(query) or _same_number(query, text):
        return None
    return given[0]


def _same_number(query: ParsedQuery, text: str) -> bool:
    """Whether the sentence gives the question's own figure for what it counts (专家共71名
    for "71 experts")."""
    return any(
        re.match(rf"{n}(?!\d)", g) for n in _asked_numbers(query) for g in _given(query, text)
    )


# what may stand between a counted noun and its number (常驻专家有54名, 专家共71名)
_NOUN_END = re.compile(r"(?:一共|总共|共|有|是|为|约)+$")


def _noun_before(text: str, at: int) -> str:
    """The few characters naming what the number at `at` counts (常驻专家 of 常驻专家17名)."""
    before = _NOUN_END.sub("", text[max(0, at - 10) : at])
    return re.split(r"[,,、;;。:()()里的中其]", before)[-1][-6:]


def _kinds(noun: str, claimed: str) -> tuple[str, str] | None:
    """What `noun` and `claimed` each say beyond the head they share (坐诊, 常住 of 坐诊专家
    and 常住专家); None when they share no head."""
    k = len(os.path.commonprefix([noun[::-1], claimed[::-1]]))
    return (noun[: len(noun) - k], claimed[: len(claimed) - k]) if k else None


def _misattached(query: ParsedQuery, text: str) -> str | None:
    """A figure the question gives to one kind of a thing that the sentence gives to
    another kind (常驻专家54名? where 常驻专家17名、坐诊专家54名 is written): the sentence's
    figure for the question's kind. A figure for the thing in general (专家共71名) is no
    other kind."""
    if query.language == "en":
        return None
    figures = [(f.group(0), _noun_before(text, f.start())) for f in NUMBER_RE.finditer(text)]
    for m in re.finditer(r"(?<!\d)(\d+)(?!\d)", query.text):
        claimed = _noun_before(query.text, m.start())
        for noun in [n for f, n in figures if re.match(rf"{m.group(1)}(?!\d)", f)]:
            kinds = _kinds(noun, claimed)
            if not kinds or not all(kinds) or set(kinds[0]) & set(kinds[1]):
                continue  # the same kind, or one of them the thing in general
            for figure, other in figures:
                mine = _kinds(other, claimed)
                if mine and (mine == ("", "") or set(mine[0]) & set(mine[1])):
                    return other + figure
    return None


def _other_date(asked: set[tuple[int, int]], given: set[tuple[int, int]], text: str) -> str | None:
    """The date the sentence gives when the question states another one (held on July 5?
    where 7月3日 is written)."""
    if not asked or not given or asked & given:
        return None
    return next((m.group(0) for m in DATE_RE.finditer(text) if month_days(m.group(0))), None)


def _other_month(query: ParsedQuery, text: str) -> str | None:
    """The date the sentence gives when the question names another month with no day
    (signed in May? where 4月28日 is written)."""
    asked, given = months_named(query.text), months_named(text)
    if not asked or not given or asked & given:
        return None
    return next((m.group(0) for m in DATE_RE.finditer(text) if months_named(m.group(0))), None)


def _years(text: str) -> set[str]:
    return {m.group(1) for m in YEAR_STATED.finditer(text)}


def _other_year(query: ParsedQuery, best: Evidence) -> str | None:
    """The year the sentence gives when the question names another (signed in 2023? where
    2024年 is written). A month and day it gives without a year are of a year its article's
    date allows (`_day_years`): another year is contradicted."""
    asked, given = _years(query.text), sorted(_years(best.text))
    allowed = _day_years(best)
    if not given and allowed:
        given = [] if asked & allowed else [max(allowed)]
    if not asked or not given or asked & set(given):
        return None
    return given[0] if query.language == "en" else f"{given[0]}年"


def _unconfirmed(query: ParsedQuery, best: Evidence) -> bool:
    """Whether the question claims a figure or a year that neither the sentence gives nor,
    for a year, its article's date: no yes can rest on it (500 people?, set up in 2019?)."""
    asked = _years(query.text)
    if asked and not asked & _years_of(best):
        return True
    return bool(_asked_numbers(query)) and not _same_number(query, best.text)


def _another_year(query: ParsedQuery, e: Evidence) -> bool:
    """Whether the question asks of a year the sentence cannot be of: one it does not give,
    nor its article's date, nor a year its undated day may be of (2018年加了哪些成员?)."""
    asked = _years(query.text)
    return bool(asked) and not asked & (_years_of(e) | _day_years(e))


def _years_of(e: Evidence) -> set[str]:
    """The years the sentence gives, and its article's."""
    return _years(e.text) | ({e.passage.article.date[:4]} if e.passage.article.date else set())


def _day_years(e: Evidence) -> set[str]:
    """The years a month and day the sentence gives without a year may be of: those its
    article may tell of (`told_in`)."""
    dated = e.passage.article.date
    # a date with no year in it (7月3日, 129日 where mojibake took the 月), not a year alone
    day = any(not re.match(r"\d{4}", m.group()) for m in DATE_RE.finditer(e.text))
    if not dated or _years(e.text) or not day:
        return set()
    return {str(y) for y in told_in(int(dated[:4]))}


_ALL_CLAIM = re.compile(r"都是|全是|全部|全都|都为|\ball\b|\bevery\b", re.I)
_BREAKDOWN = re.compile(r"其中[^。;;]*?\d+\s*[名人位家个][^。;;]*?\d+\s*[名人位家个]")


def _only_some(query: ParsedQuery, text: str) -> str | None:
    """A claim of all (71个专家都是常驻的吗) against a breakdown the sentence gives (其中常驻专家
    17名、坐诊专家54名): the breakdown says it is only some."""
    if not _ALL_CLAIM.search(query.original):
        return None
    m = _BREAKDOWN.search(text)
    return m.group(0) if m else None


_UNIT_HOURS = {"小时": 1, "天": 24, "日": 24, "周": 168, "礼拜": 168, "星期": 168, "个月": 720}


def _hours(m: re.Match[str]) -> float | None:
    """The hours a span match stands for (一个礼拜 → 168, 6月17-18日 → 48); None when it is
    not read."""
    if m.re is DURATION_RE and DAY_RANGE.fullmatch(m.group(0)):
        return range_days(DAY_RANGE.fullmatch(m.group(0))) * 24.0  # type: ignore[arg-type]
    found = re.match(
        r"(\d+(?:\.\d+)?|[一二两三四五六七八九十半]+)\s*(?:余|多)?\s*个?\s*(小时|天|日|周|礼拜|星期|月)",
        m.group(0),
    )
    if not found:
        return None
    n, unit = found.groups()
    amount = (
        float(n)
        if n[0].isdigit()
        else 0.5
        if n == "半"
        else float(cn_number(n.replace("两", "二")))
    )
    return amount * _UNIT_HOURS.get("个月" if unit == "月" else unit, 0)


def _contrast(query: ParsedQuery, text: str) -> str | None:
    """A word of the sentence standing where the question's word would (西院区 for 东院区:
    the same head, another modifier), when the question's own phrase is not there; the span
    the sentence gives where the question claims another (一个礼拜 → 48小时)."""
    claimed = CLAIMED_SPAN.search(query.text)
    # the first span read in hours (三年行动 is a plan's name, not the span claimed against)
    said = next((m for m in DURATION_RE.finditer(text) if _hours(m) is not None), None)
    if claimed and said and _hours(claimed) != _hours(said):  # 一个礼拜 is not 48小时
        return said.group(0)
    deeds = verbs_of(query.text)
    done = any(v in text for v in deeds)  # 签 of 签协议 done as 签署…合作协议: no contrast
    for group in query.content:
        for word in group:
            if done and word in deeds:
                continue
            at = query.text.find(word)
            phrase = query.text[at : at + len(word) + 2] if at >= 0 else ""  # 东院区
            head = phrase[1:]  # 院区
            if (
                any(phrase in e or head in e for e in query.entities)
                or phrase in text
                or len(head) < 2
                or not re.fullmatch(r"[\u4e00-\u9fff]+", phrase)
            ):
                continue
            for m in re.finditer(re.escape(head), text):
                before = text[m.start() - 1] if m.start() > 0 else ""
                if re.match(r"[\u4e00-\u9fff]", before) and before != phrase[0]:
                    return before + head
    return None


def apart_text(query: ParsedQuery, names: list[str], gazetteer: Gazetteer) -> str:
    """The refusal for parties no article names together."""
    if query.language == "en":
        listed = " and ".join(f"{gazetteer.render(n)} ({n})" for n in names)
        return f"No article mentions {listed} together, so the documents cannot answer this."
    return query.in_script(f"没有一篇文章同时提到{'和'.join(names)},文档无法回答这个问题。")


def supplement(
    query: ParsedQuery,
    passages: list[Passage],
    lexical: LexicalIndex,
    gazetteer: Gazetteer,
    numbered: int,
    limit: int = 2,
) -> tuple[list[str], list[Citation]]:
    """The best sentences about the question's parties, to follow a table's answer; cited
    from `numbered` + 1 on."""
    candidates = [
        e
        for e in gather(query, passages, lexical, gazetteer)
        if e.coverage > 0 and e.entity_share > 0.5
    ]
    # what the partnership is and does (即上联…, 建立…模式, 首个, 专家共71名) before who attended
    if query.intent == "overview":
        candidates.sort(
            key=lambda e: -(e.score + 0.3 * bool(DESCRIBES.search(e.text)) - 0.05 * e.separators)
        )
    if query.intent == "compare":  # a comparison hears each side: each article's best first
        firsts = list({e.passage.doc_id: e for e in reversed(candidates)}.values())[::-1]
        candidates = firsts + [e for e in candidates if e not in firsts]
    evidence = candidates[:limit]
    citations = [
        Citation.from_passage(numbered + k, e.passage, e.original, e.score)
        for k, e in enumerate(evidence, start=1)
    ]
    return [f"{c.quote} [{c.n}]" for c in citations], citations


def compose(
    query: ParsedQuery,
    passages: list[Passage],
    lexical: LexicalIndex,
    gazetteer: Gazetteer,
    config: AnswerConfig = AnswerConfig(),
    text_of: Callable[[str], str] | None = None,
) -> tuple[str, list[Citation], bool]:
    """(answer text, citations, refused). `text_of(doc_id)` gives a document's whole text,
    so that a list the best sentence opens can be quoted on past its chunk's end, and each
    passage is read in whole sentences (`widen`)."""
    if text_of:
        passages = [widen(p, text_of(p.doc_id)) for p in passages]
    evidence = gather(query, passages, lexical, gazetteer)
    if query.intent == "yesno" and answerable(query, lexical):
        deed = _deed(query, evidence, gazetteer)
        if deed is not None:  # did X sign it? the sentence saying who signed decides
            yes, e, doers = deed
            cite = Citation.from_passage(1, e.passage, e.original, e.score)
            shown = excerpt(e.original, doers[-1:])
            return f"{_deed_verdict(query, yes, doers)}\n{shown} [1]", [cite], False
        evidence = _figure_first(query, evidence)
    decision = decide(query, evidence, lexical, config)
    if not decision.answerable:
        # what the articles say nearby: only about an entity the question named
        near = (
            decision.chosen[0]
            if decision.chosen
            and query.entities
            and decision.chosen[0].entity_share > 0
            and decision.chosen[0].coverage > 0
            else None
        )
        if near is None:
            return refusal_text(query, decision.missing, None), [], True
        cite = Citation.from_passage(1, near.passage, near.original, near.score)
        return refusal_text(query, decision.missing, f"{near.original} [1]"), [cite], True
    citations = [
        Citation.from_passage(n, e.passage, e.original, e.score)
        for n, e in enumerate(decision.chosen, start=1)
    ]
    span = direct(query, decision.chosen[0], gazetteer)
    core = span.split(" (")[-1].rstrip(")") if span else None  # the Chinese of an English span
    lines = [
        f"{_quote(e, query, gazetteer, core)} [{n}]" for n, e in enumerate(decision.chosen, start=1)
    ]
    if not span:  # a list the best sentence opens is quoted on to its last item
        best = decision.chosen[0]
        more = "".join(continuation(best, text_of(best.passage.doc_id) if text_of else None))
        lines[0] = lines[0].replace(" [1]", f"{more} [1]", 1) if more else lines[0]
    if query.intent == "yesno":
        return (
            _affirm(query, decision.chosen[0], config) + "\n" + "\n".join(lines),
            citations,
            False,
        )
    if query.language == "en":
        head = f"Answer: {span} [1]" if span else "From the articles (quoted in Chinese):"
    else:
        head = f"{query.in_script('答')}:{span} [1]" if span else query.in_script("根据文档:")
    return head + "\n" + "\n".join(lines), citations, False
