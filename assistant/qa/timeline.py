"""Events of one occasion in time order: which of two came first, what came last, what
followed or preceded an event ("开会之前先干嘛了", "did they tour the departments before or
after the briefing?", "签约仪式结束后做了什么", "what was the last thing on the agenda").

An article tells an occasion mostly in order, with markers where it does not: 会前 (before
the meeting) is told after the meeting, 此前 and 继…后 tell of what came earlier, 仪式结束后
and 最后 of what came last. Each sentence takes its place in time from its own date, else
from its marker, else from the day the article is telling of; a date earlier than that day
(a plan issued the month before) is background and does not move the day on.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from assistant.lexicon.gazetteer import Gazetteer
from assistant.lexicon.glossary import render_person
from assistant.lexicon.kinds import STAFF_SENT
from assistant.lexicon.questions import SPEAKS, SPEECH_ASKED, alternatives, month_days
from assistant.lexicon.roles import roles_in
from assistant.qa.analyze import ParsedQuery
from assistant.qa.answer import glossed
from assistant.qa.articles import english_day, fits, order_verdict, searchable_texts
from assistant.qa.evidence import excerpt, split_sentences
from assistant.qa.facts import written_as
from assistant.store.derived import Derived
from assistant.textnorm import to_search_form
from assistant.types import Article, Citation

_DAY = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})(?:-\d{1,2})?日([上中下]午)?")
_PARTS = {"上午": 1, "中午": 2, "下午": 3}
_EARLIER = (-1,)  # the day of what an article tells as background (此前, 继…后): before all
# others; a day the article does not write is (0,)
# Markers, in the search form: what came before the told event, after it, and at its end.
_BEFORE = re.compile(r"^会前|^事前|此前|继[^,。]{1,16}后")
_AFTER = re.compile(r"^(?:会后|随后|随即|接着|然后|之后|最后|下一步)|结束后")
_END = re.compile(r"^最后|结束后|^会后")
_MARK_EN = {
    "会前": "before the meeting",
    "事前": "beforehand",
    "此前": "earlier",
    "会后": "after the meeting",
    "结束后": "after it ended",
    "最后": "finally",
    "下一步": "next",
}
# Question words that ask about the order and name no event.
_ORDER_WORDS = re.compile(
    r"^(?:之前|以前|之后|以后|还是|结束|随即|随后|最后|环节|先|后|前|已经|先派|干嘛|干|做|那天|"
    r"哪个|哪件|在前|在后|顺序|先后|首先|然后|接着|一个|别的|过)$"
)
# single characters that name no event (看, 去 …)
_LIGHT = frozenset("的了是在有和与跟看去做干吗呢啊吧个来到先后前又再就也都还把被让给对比")
# intents an order question has (于小千第一件事干了啥 reads as an overview)
_ANSWERS = ("earliest_latest", "what", "when", "yesno", "overview", "who", "which")
# Asks who spoke (头一个讲话的是谁, whose speech is reported last): the steps are speeches
_SPEAKS_ON = re.compile(r"[他她](?:还|也|同时)?(?:表示|指出|强调|要求|认为|说)")


@dataclass(frozen=True)
class Step:
    index: int  # the sentence's place in the article
    original: str  # in the article's own script
    search: str
    key: tuple[tuple[int, ...], float]  # its place in time
    label: str  # how the article places it: its date or its marker (search form)
    dated: bool  # it opens or holds a date of the occasion's own days


def answer(
    query: ParsedQuery, derived: Derived, text_of: Callable[[str], str]
) -> tuple[str, list[Citation]] | None:
    """The order of events within the one article the question's names pick, or None when
    the question asks no order, the names pick no single article, or no sentence answers.
    A when-question is refused here when what it asks about is told only without a date."""
    asks_when = query.intent == "when" and not query.order
    if not asks_when and (not query.order or query.intent not in _ANSWERS):
        return None  # most questions: no article is read
    words = _words(query)
    # the article that names every entity, else the one holding most words of the question
    # (6月18号汇报会): one alone
    texts = searchable_texts(derived, text_of)
    named = query.entities or tuple(g[0] for g in words if len(g[0]) >= 2)
    held = {
        d: sum(
            any(t in text for t in (e, *(() if query.entities else _alts(e, words)))) for e in named
        )
        for d, text in texts.items()
    }
    most = max(held.values(), default=0)
    docs = [
        d for d in texts if held[d] == len(named) or not query.entities and most and held[d] == most
    ]
    asked_days = month_days(query.text)
    if asks_when:  # the dates are the facts table's; here only what is told without one
        return _undated(query, [_steps(d, derived, text_of) for d in docs], words)
    dated = [d for d in docs if asked_days & month_days(texts[d])]
    if dated:  # a day the question names (the June 18 meeting) picks the articles telling it
        docs = dated
    if len(docs) > 1:  # 东营 names two: the one that holds more of the question's words
        share = {d: sum(any(t in texts[d] for t in g) for g in words) for d in docs}
        top = max(share.values())
        docs = [d for d in docs if share[d] == top]
    if not named or len(docs) != 1:
        return None
    article = derived.manifest[docs[0]].article
    steps = _steps(docs[0], derived, text_of)
    if query.order == "either" and SPEECH_ASKED.search(query.text) and not query.people:
        spoken = _first_speeches(_speeches(steps, derived.gazetteer), derived.gazetteer)
        if len(spoken) >= 2:  # the order of speakers: each one's first speech, in turn
            return _speakers(query, spoken, derived.gazetteer), _cite(article, spoken)
    if query.order in ("first", "last") and SPEECH_ASKED.search(query.text):
        spoken = sorted(_speeches(steps, derived.gazetteer), key=lambda s: s.key)
        chosen = spoken[:1] if query.order == "first" else spoken[-1:]
    else:
        # did A come before (after) B: the two events, and the verdict says how they stand
        claimed = query.intent == "yesno" and query.order in ("before", "after")
        chosen = (claimed and _either(steps, words, query.entities)) or _PICK[query.order](
            steps, words, query.entities
        )
        # two steps of one day the question offers by name (先参观还是先开会); events on
        # other days are ordered by their dates
        if len({s.key[0] for s in chosen}) < 2:
            chosen = _offered(query, steps) or chosen
    if not chosen or (query.intent == "who" and not _names_whom(query, chosen, derived)):
        return None
    if query.intent == "when" and all(s.key[0] in ((0,), _EARLIER) for s in chosen):
        return None  # 之前派的管理团队是哪天派的: a step of no day the article tells dates nothing
    # a verdict on a claim of order; none where the question offers both (before or after)
    offers = re.search(r"还是|\bor\b", query.text)
    verdict = (
        _verdict(query, chosen, words, steps) if query.intent == "yesno" and not offers else ""
    )
    return verdict + _text(query, chosen, derived.gazetteer, words, steps), _cite(article, chosen)


def _names_whom(query: ParsedQuery, chosen: list[Step], derived: Derived) -> bool:
    """Whether the steps answer a who-question: they name a person, or a team sent where
    what people (什么人) is asked, not someone in a role (who heads the team)."""
    team = bool(_WHAT_PEOPLE.search(query.text)) and not roles_in(
        query.bridged if query.language == "en" else query.text
    )
    return any(
        derived.gazetteer.people_in(s.search) or (team and STAFF_SENT.search(s.search))
        for s in chosen
    )


def _speeches(steps: list[Step], gazetteer: Gazetteer) -> list[Step]:
    """The steps in which a person named speaks, background aside; a step naming a person
    that the next ones speak on from (于小千对…给予了肯定。他指出,…) is a speech too."""
    out: list[Step] = []
    named: Step | None = None  # the last step naming a person
    for s in sorted(steps, key=lambda s: s.index):
        if s.key[0] == _EARLIER:
            continue
        if gazetteer.people_in(s.search):
            named = s
            if SPEAKS.search(s.search):
                out.append(s)
        elif named is not None and named not in out and _SPEAKS_ON.match(s.search):
            out.append(named)
    return out


def _verdict(
    query: ParsedQuery, chosen: list[Step], words: list[tuple[str, ...]], steps: list[Step]
) -> str:
    """Yes or no before the steps of a yes/no order question: for 'did A come before B', as
    the question orders them; else yes when the step found holds what the question says."""
    events = [g for g in words if not any(t in e for t in g for e in query.entities)]
    if len(chosen) == 2:
        # the rarest word of each step that the other lacks, where the question says it
        own = [_own_word(s, o, events, steps) for s, o in (chosen, chosen[::-1])]
        said = query.bridged if query.language == "en" else query.text  # in the question's order
        at = [said.find(t) if t else -1 for t in own]
        if min(at) < 0:
            return ""
        yes = (at[0] < at[1]) != (query.order == "after")  # A after B: B's words come second
    else:
        held = sum(any(t in chosen[0].search for t in g) for g in events)
        yes = bool(events) and held * 2 >= len(events)
        if not yes:
            return ""
    if query.language == "en":
        return "Yes. " if yes else "No. "
    return query.in_script("是的。" if yes else "不是。")


def _alts(term: str, groups: list[tuple[str, ...]]) -> tuple[str, ...]:
    """The other words of the group `term` leads (座谈会 for meeting → 座谈会/汇报会)."""
    return next((g[1:] for g in groups if g and g[0] == term), ())


def _steps(doc_id: str, derived: Derived, text_of: Callable[[str], str]) -> list[Step]:
    date = derived.manifest[doc_id].article.date or "0"
    return steps_of(text_of(doc_id), int(date[:4]) if date[:4].isdigit() else 0)


def steps_of(original: str, year: int) -> list[Step]:
    """The article's sentences, each placed in time."""
    return list(_placed(original, year))


@lru_cache(maxsize=64)  # per article version: every order question re-reads the articles
def _placed(original: str, year: int) -> tuple[Step, ...]:
    out: list[Step] = []
    day: tuple[int, ...] | None = None  # the day being told of
    told = ""  # and its date as written
    for index, sentence in enumerate(split_sentences(original)):
        search = to_search_form(sentence)
        m = _DAY.search(search)
        own = _day(m, year) if m else None
        mark = _BEFORE.search(search) or _AFTER.search(search)
        if mark and mark.group(0).startswith("继"):  # 继X后: X came earlier, the rest now
            earlier = mark.group(0)
            what = earlier[1:-1]  # 派驻管理团队
            out.append(Step(index, sentence, earlier, (_EARLIER, index - 0.5), what, False))
            search = search.replace(earlier, "")
            mark = _BEFORE.search(search) or _AFTER.search(search)
        if m and own and (day is None or own >= day):  # the occasion moves on
            day, told = own, m.group(0)
        if m and own:  # a span of days (6月17-18日) frames the occasion: no step of it
            key, label, dated = (own, float(index)), m.group(0), own == day and "-" not in told
        elif mark and mark.group(0).startswith(("会前", "事前")):  # before the meeting told
            of_day = [s.index for s in out if s.key[0] == day]
            meeting = next((s.index for s in out if s.key[0] == day and "会" in s.search), None)
            meeting = meeting if meeting is not None else min(of_day, default=index)
            key, label, dated = (day or (0,), meeting - 0.5), mark.group(0), False
        elif mark and mark.group(0).startswith("此前"):
            key, label, dated = (_EARLIER, float(index)), mark.group(0), False
        else:
            key, label, dated = (day or (0,), float(index)), mark.group(0) if mark else told, False
        out.append(Step(index, sentence, search, key, label, dated))
    return tuple(out)


def _day(m: re.Match[str], year: int) -> tuple[int, ...] | None:
    month, day = int(m.group(2)), int(m.group(3))
    if not 1 <= month <= 12:
        return None
    return (int(m.group(1) or year), month, day, _PARTS.get(m.group(4) or "", 0))


def _words(query: ParsedQuery) -> list[tuple[str, ...]]:
    """The question's groups that name events (its content and the nouns it must speak of,
    each option of 团队/专家 apart, single characters that carry meaning: 牌 of 揭的牌,
    departments → 科) and its entities in each way they are written, without the words that
    ask about the order."""
    names = [written_as(e) for e in query.entities]
    # which of two: the words of both sides, also those the asking words hold (先签的协议)
    asked = query.groups if query.order == "either" and query.language != "en" else ()
    kept = [
        g
        for g in [
            *query.content,
            *((w,) for p in query.predicates for w in p.split("/")),
            *asked,
        ]
        if not all(
            _ORDER_WORDS.match(t)
            or t in _LIGHT
            or any(t in form for forms in names for form in forms)  # a piece of a name
            for t in g
        )
    ]
    return list(dict.fromkeys([*kept, *names]))


def _score(step: Step, words: list[tuple[str, ...]], entities: tuple[str, ...]) -> tuple[int, int]:
    """(event words held, all words held) of the question in a sentence."""
    held = [g for g in words if any(t in step.search for t in g)]
    events = [g for g in held if not any(t in e or e in t for t in g for e in entities)]
    return len(events), len(held)


def _anchor(
    steps: list[Step], words: list[tuple[str, ...]], entities: tuple[str, ...]
) -> Step | None:
    """The sentence telling of the event the question names (a marked sentence tells of
    another one: 仪式结束后… is not the ceremony)."""
    plain = [s for s in steps if not _BEFORE.search(s.search) and not _AFTER.search(s.search)]
    best = max(plain, key=lambda s: (_score(s, words, entities), s.dated), default=None)
    return best if best is not None and _score(best, words, entities)[0] > 0 else None


def _either(
    steps: list[Step], words: list[tuple[str, ...]], entities: tuple[str, ...]
) -> list[Step]:
    """The two events the question names, earlier first: the sentence holding most of its
    words, then the one holding most of the words that sentence lacks, at another time; of
    two holding as many, the one issuing a document by the title they are in."""
    ranked = sorted(
        steps,
        key=lambda s: (_score(s, words, entities), _titled(s, words), s.dated),
        reverse=True,
    )
    if not ranked or _score(ranked[0], words, entities)[0] == 0:
        return []
    first = ranked[0]
    lacking = [g for g in words if not any(t in first.search for t in g)]
    others = [
        (
            _score(s, lacking, entities),
            _titled(s, lacking),
            _score(s, words, entities),
            s.dated,
            -s.index,
            s,
        )
        for s in steps
        if s.key != first.key  # at another time
    ]
    others = [o for o in others if o[0][1] > 0]
    if not others:
        return []
    # an event, not talk; a document where its title is named (印发《…三年行动计划》)
    second = max(others, key=lambda o: (o[0], o[1], o[3], o[2], o[4]))[-1]
    if first.key[0] == second.key[0]:  # one day: the sentences telling each, not a summary
        first = _told_alone(first, second, steps, words, entities) or first
    return sorted([first, second], key=lambda s: s.key)


def _titled(step: Step, words: list[tuple[str, ...]]) -> int:
    """How many of the words the title of a document the sentence issues holds (印发《…》):
    that sentence is the document's event, not one that only mentions or quotes it."""
    titles = "".join(_ISSUED.findall(step.search))
    return sum(any(t in titles for t in g) for g in words)


_ISSUED = re.compile(r"(?:印发|发布|出台|颁布|下发)了?(?:关于)?(《[^》]*》)")


def _offered(query: ParsedQuery, steps: list[Step]) -> list[Step]:
    """The sentences telling of the two steps of one day a question offers (先参观还是先开会),
    earlier first; [] unless each fits one sentence more than half and they are told apart."""
    asked = alternatives(query.text) if query.language != "en" else None
    if asked is None:
        return []
    _, a, b = asked

    def telling(alt: str, other: str) -> Step | None:  # of it more than of the other
        return max(
            steps,
            key=lambda s: (fits(alt, s.search) - fits(other, s.search), fits(alt, s.search)),
            default=None,
        )

    first, second = telling(a, b), telling(b, a)
    if first is None or second is None or first is second:
        return []
    if fits(a, first.search) <= 0.5 or fits(b, second.search) <= 0.5:
        return []
    return sorted([first, second], key=lambda s: (s.key, s.index))


def _told_alone(
    first: Step,
    second: Step,
    steps: list[Step],
    words: list[tuple[str, ...]],
    entities: tuple[str, ...],
) -> Step | None:
    """A sentence of that day telling alone of the event `first` tells of together with
    others (签约揭牌暨…仪式举行 → 冯世庆与张月莲共同为…揭牌): the one holding a word of the
    question that `first` holds and `second` lacks."""
    # a word of the second event in any of its forms (协议/签约) is not the first's
    theirs = {t for g in words if any(t in second.search for t in g) for t in g}
    own = [
        g
        for g in words
        if any(t in first.search for t in g)
        and not any(t in theirs for t in g)
        and not any(t in e or e in t for t in g for e in entities)
    ]
    alone = [
        s
        for s in steps
        if s.key[0] == first.key[0]
        and s not in (first, second)
        and any(t in s.search for g in own for t in g)
    ]
    return min(alone, key=lambda s: s.index) if alone else None


def _last(steps: list[Step], words: list[tuple[str, ...]], entities: tuple[str, ...]) -> list[Step]:
    """What the occasion closed with: the last sentence marked as its end (仪式结束后, 最后),
    else the last of its dated steps."""
    ends = [s for s in steps if _END.search(s.search)]
    dated = [s for s in steps if s.dated]
    if ends:
        return [max(ends, key=lambda s: s.key)]
    return [max(dated, key=lambda s: s.key)] if len(dated) >= 2 else []


def _first(
    steps: list[Step], words: list[tuple[str, ...]], entities: tuple[str, ...]
) -> list[Step]:
    """What the occasion opened with: the earliest of its dated steps and of what came
    before its meeting (会前); background (此前, an earlier plan) is no step of it."""
    days = {s.key[0] for s in steps if s.dated}
    opening = [s for s in steps if s.dated or s.label.startswith(("会前", "事前"))]
    opening = [s for s in opening if s.key[0] in days]
    return [min(opening, key=lambda s: s.key)] if opening else []


def _after(
    steps: list[Step], words: list[tuple[str, ...]], entities: tuple[str, ...]
) -> list[Step]:
    """What followed the event asked about: the next sentence marked as following, else the
    next dated step."""
    anchor = _anchor(steps, words, entities)
    if anchor is None:
        return []
    marked = [
        s
        for s in steps
        if s.index > anchor.index and _AFTER.search(s.search) and _relevant(s, words, entities)
    ]
    if marked:
        return [marked[0]]
    later = [s for s in steps if s.dated and s.key > anchor.key]
    return [min(later, key=lambda s: s.key)] if anchor.dated and later else []


def _before(
    steps: list[Step], words: list[tuple[str, ...]], entities: tuple[str, ...]
) -> list[Step]:
    """What preceded the event asked about: a sentence marked as earlier (会前, 此前, 继…后)
    that holds a word of it, the one holding most; else the dated step before."""
    anchor = _anchor(steps, words, entities)
    marked = [s for s in steps if _BEFORE.search(s.search) and _relevant(s, words, entities)]
    if marked:
        at = anchor.index if anchor else 0
        return [max(marked, key=lambda s: (_score(s, words, entities), -abs(s.index - at)))]
    if anchor is None or not anchor.dated:
        return []
    earlier = [s for s in steps if s.dated and s.key < anchor.key]
    return [max(earlier, key=lambda s: s.key)] if earlier else []


def _undated(
    query: ParsedQuery, articles: list[list[Step]], words: list[tuple[str, ...]]
) -> tuple[str, list[Citation]] | None:
    """A refusal when the event asked about is told only as background, without a date
    (继派驻管理团队后, 此前…印发): the date of an occasion told would be another event's."""
    steps = [s for steps in articles for s in steps]
    background = [s for s in steps if s.key[0] == _EARLIER]
    best = max(background, key=lambda s: _score(s, words, query.entities), default=None)
    told = [_score(s, words, query.entities)[0] for s in steps if s.key[0] != _EARLIER]
    if best is None or _score(best, words, query.entities)[0] <= max(told, default=0):
        return None
    if query.language == "en":
        text = "The articles do not say when: they tell of it only as something earlier. "
    else:
        text = query.in_script("文档没有写明日期,只提到这是此前的事:")
    return text + _shown(best), []


def _relevant(step: Step, words: list[tuple[str, ...]], entities: tuple[str, ...]) -> bool:
    """A marked step answers only where it holds a word of the question's event, or is the
    会前 of the meeting or of the people the question asks about."""
    events, held = _score(step, words, entities)
    if events > 0:
        return True
    meeting = any("会" in t for g in words for t in g)  # or of someone the question names
    return (meeting or held > 0) and step.label.startswith(("会前", "会后"))


_WHAT_PEOPLE = re.compile(r"什么人|哪些人|哪批人|\bwhat (?:people|staff|team)\b|\bwhom\b", re.I)
_PICK = {"either": _either, "last": _last, "first": _first, "after": _after, "before": _before}


def _shown(step: Step, limit: int = 100) -> str:
    """The sentence from the clause that places it (its marker or date), to about `limit`
    characters; the citation keeps the whole sentence."""
    if len(step.original) <= limit:
        return step.original
    clauses = re.split(r"(?<=[,,;;::])", step.original)
    start = next(
        (i for i, c in enumerate(clauses) if step.label and step.label[:2] in to_search_form(c)), 0
    )
    shown = ""
    for clause in clauses[start:]:
        shown += clause
        if len(shown) >= limit // 2:
            break
    return ("…" if start else "") + shown.rstrip(",,;;::") + ("…" if shown != step.original else "")


def _english_label(step: Step) -> str:
    if step.search.startswith("继"):  # what came before (继派驻管理团队后)
        return "earlier"
    if _DAY.search(step.label):
        return english_day(step.label)
    return next((en for zh, en in _MARK_EN.items() if step.label.startswith(zh)), "")


def _text(
    query: ParsedQuery,
    chosen: list[Step],
    gazetteer: Gazetteer,
    words: list[tuple[str, ...]],
    steps: list[Step],
) -> str:
    if query.language == "en":
        if len(chosen) == 2:
            heads = ["Answer: first", "then"]
            return "\n".join(
                f"{head}"
                + (f" ({_english_label(s)})" if _english_label(s) else "")
                + f": {glossed(_shown(s), gazetteer)} [{n}]"
                for n, (head, s) in enumerate(zip(heads, chosen, strict=True), 1)
            )
        label = _english_label(chosen[0])
        return (
            f"Answer{f' ({label})' if label else ''}: {glossed(_shown(chosen[0]), gazetteer)} [1]"
        )
    if len(chosen) == 2:
        a, b = chosen
        first, then = _own_word(a, b, words, steps), _own_word(b, a, words, steps)
        head = (
            f"答:同在{a.label},先{first},后{then}。"
            if a.label and a.label == b.label and first and then
            else f"答:{a.label or '前者'}在前,{b.label or '后者'}在后。"
        )
        # in the question's own words: 先参观,后开会 says it all; 之后 wants the dates
        form, offered = order_verdict(query, a.search, b.search)
        if offered:
            whole = a.label == b.label or form == "first"
            head = offered if whole else offered + head.removeprefix("答:")
        return query.in_script(head) + f"\n{_shown(a)} [1]\n{_shown(b)} [2]"
    return query.in_script("答:") + f"{_shown(chosen[0])} [1]"


def _own_word(step: Step, other: Step, groups: list[tuple[str, ...]], steps: list[Step]) -> str:
    """The question's word for the event a step tells of and the other does not: the rarest
    in the article (协议, not 仪式); '' when there is none."""
    words = [t for g in groups for t in g if t in step.search and t not in other.search]
    return min(words, key=lambda t: sum(t in s.search for s in steps), default="")


def _first_speeches(spoken: list[Step], gazetteer: Gazetteer) -> list[Step]:
    """Each speaker's first speech, in the order of the occasion."""
    first: dict[str, Step] = {}
    for s in sorted(spoken, key=lambda s: s.key):
        first.setdefault(gazetteer.people_in(s.search)[0][0], s)
    return list(first.values())


def _speakers(query: ParsedQuery, spoken: list[Step], gazetteer: Gazetteer) -> str:
    """Who spoke, in turn, each with the sentence telling it; names in the asker's script,
    a Traditional asker's in the source's own characters (周一紅, not 週一紅)."""
    names = [gazetteer.people_in(s.search)[0][0] for s in spoken]
    if query.language == "en":
        told = ", then ".join(f"{render_person(n)} ({n})" for n in names)
        head = f"In the article's order: {told}."
    else:
        shown = [query.name_in_script(n, s.original) for n, s in zip(names, spoken, strict=True)]
        head = query.in_script("答:按文中顺序依次是") + "、".join(shown) + "。"
    pairs = enumerate(zip(names, spoken, strict=True), 1)
    lines = [f"{excerpt(s.original, [n], 80)} [{i}]" for i, (n, s) in pairs]
    return "\n".join([head, *lines])


def _cite(article: Article, chosen: list[Step]) -> list[Citation]:
    return [
        Citation.of_article(n, article, s.original, 1.0, f"{article.doc_id}#time{n}")
        for n, s in enumerate(chosen, 1)
    ]
