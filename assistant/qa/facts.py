"""Answers computed over the facts table: who held a role, how many, the most or the least,
the earliest or the latest, and when — across every article, each row cited.

A question takes this path when its intent asks for a person, a number or a date and the
facts of the articles match its entities and content. A role asked of an institution that
no fact gives (齐鲁德州医院的院长) is refused here, saying what the articles do name.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import jieba
import jieba.posseg as pseg

from assistant.lexicon import kinds
from assistant.lexicon.gazetteer import Gazetteer
from assistant.lexicon.glossary import MONTHS, is_english, render_person, spoken_date, surname
from assistant.lexicon.names import AGENCY, ORG_HEAD, aliases, expansions, full_names
from assistant.lexicon.questions import (
    DISTRIBUTIVE,
    EARLIEST_ASKED,
    INTENTS,
    LATEST_ASKED,
    MORE_OF_TWO,
    OCCASION,
    RANK_ASKED,
    ROLE_ASKED,
    SAME_RANK,
    SERVES_ASKED,
    TOOK_PART,
    VISITING,
    Intent,
    level_asked,
    units_asked,
)
from assistant.lexicon.roles import GOVERNMENT_OFFICE, ROLE, role_english, roles_in
from assistant.lexicon.synonyms import synonyms
from assistant.qa.analyze import ParsedQuery, abbreviations
from assistant.qa.evidence import (
    DEPARTMENT,
    WARD,
    answerable,
    asks_turnout,
    counts,
    excerpt,
    holds_rarest,
    took_part,
)
from assistant.store.derived import Derived
from assistant.store.relations import RelationRow
from assistant.textnorm import days_between, to_search_form, to_traditional
from assistant.types import Citation, Fact, Relation

_MOST = re.compile(
    rf"最多|最大|最高|最长|更多|比较多|多一[点些]|{MORE_OF_TWO.pattern}"
    r"|\b(most|largest|biggest|highest|greatest|more|bigger|larger|higher|greater)\b",
    re.I,
)


@dataclass(frozen=True)
class FactAnswer:
    text: str
    citations: list[Citation]
    refused: bool = False


def answer(query: ParsedQuery, derived: Derived) -> FactAnswer | None:
    """An answer from the facts table, or None when it holds nothing for this question (or
    the question names or asks about something no article has: the sentence path refuses)."""
    if not answerable(query, derived.lexical):
        return None
    if query.answer_type in ("money", "age", "frequency", "share", "distance", "contact"):
        return None  # the table holds none
    query = _with_agencies(query, derived)
    if RANK_ASKED.search(query.text) and query.intent in ("who", "which", "compare", "yesno"):
        ranked = _senior(query, derived)  # 谁职务比较高: the seniority of roles decides
        if ranked is not None:
            return ranked
    if query.gap:  # how far apart: before a comparison of the parties
        apart = _order(query, derived)
        if apart is not None:
            return apart
    introduced = _posts(query, derived) or _employer(query, derived)
    if introduced is not None:
        return introduced
    if query.intent == "compare" or (
        DISTRIBUTIVE.search(query.text)
        and query.intent in ("what", "who")
        and _all_people(query, derived)
    ):  # 冯世庆和颜培光各自是啥身份: each one in turn
        return _each(query, derived)
    if query.intent == "which" and query.answer_type == "person":
        # officials by their roles; experts are listed by the sentence that names them
        experts = re.search(r"专家|医生|\b(?:experts?|doctors?|specialists?)\b", query.text, re.I)
        return None if experts else _people_of(query, derived)
    if query.intent == "earliest_latest" or _relative_asked(query):
        ordered = _order(query, derived)
        if ordered is not None:
            return ordered
    if query.intent == "who" and query.answer_type != "person":  # 那家医院叫啥: no person
        return None
    route = _ROUTES.get(query.intent)
    return route(query, derived) if route else None


def order(query: ParsedQuery, derived: Derived) -> FactAnswer | None:
    """Which of the occasions the question names came first, when it asks that: before the
    relations table lists them (乐陵座谈会跟莘县签约哪个早 wants a verdict, not two rows)."""
    asked = query.intent == "earliest_latest" or _relative_asked(query)
    if not (asked or query.gap):
        return None
    return _order(query, derived) if answerable(query, derived.lexical) else None


def _order(query: ParsedQuery, derived: Derived) -> FactAnswer | None:
    """Which of the events the question names came first (the Lishui launch or the Shenxian
    signing): each party's own dated event, in date order, each cited."""
    parties = named_parties(query)
    if len(parties) < 2 or any(derived.gazetteer.names.get(p) == "person" for p in parties):
        return None
    events: dict[tuple[str, str], tuple[str, FactAnswer]] = {}
    for p in parties:
        asked = dataclasses.replace(query, intent="when", answer_type="date", entities=(p,))
        found = _dated(asked, derived) or _any_event(asked, derived)
        if found is not None and found.citations:
            # one event named twice (胜利 and 东营 of the same welcome) is one
            key = (found.citations[0].doc_id, _date_in(found.text))
            events.setdefault(key, (p, found))
    if len({doc for doc, _ in events}) < 2:  # one event: the steps within it decide
        return None
    latest = bool(LATEST_ASKED.search(query.text))
    ranked = sorted(events.values(), key=lambda pf: _date_in(pf[1].text), reverse=latest)
    merged = _merge(
        [dataclasses.replace(f, text=f"{label(query, p, derived)}: {_bare(f)}") for p, f in ranked]
    )
    first = label(query, ranked[0][0], derived)
    dates = {p: _date_in(f.text) for p, f in ranked}
    gap = (
        _gap(query, [(label(query, p, derived), dates[p]) for p, _ in ranked])
        if query.gap and len(ranked) == 2
        else None
    )
    if gap is not None:  # how far apart: the days between, whichever was asked first
        head = gap
    elif _relative_asked(query):  # did A come before (or after) B: where A stands
        a, b = parties[0], next((p for p in parties[1:] if p in dates), "")
        if a not in dates or not b or dates[a] == dates[b]:
            return None
        head = _relative(query, dates[a] < dates[b], first)
    elif query.language == "en":
        head = f"{'Latest' if latest else 'First'}: {first}."
    else:
        head = query.in_script(f"答:{'最晚' if latest else '最早'}的是{first}。")
    return dataclasses.replace(merged, text=f"{head}\n{merged.text}")


def _gap(query: ParsedQuery, events: list[tuple[str, str]]) -> str | None:
    """How far apart two events (label, ISO date) are, and which came first: in days, and
    roughly in years or months for long gaps; None when a date is not a whole one."""
    (first, earlier), (_, later) = sorted(events, key=lambda e: e[1])
    days = days_between(earlier, later)
    if days is None:
        return None
    en = query.language == "en"
    if days == 0:
        return "Both on the same day." if en else query.in_script("答:两者在同一天。")
    years, whole = days / 365.25, int(days / 365.25)
    if en:
        rough = f" (about {years:.1f} years)" if days >= 365 else ""
        rough = rough or (f" (about {round(days / 30.44)} months)" if days >= 60 else "")
        return f"{first} came first; {days} days apart{rough}."
    # 6.4 years: 6年多, as one says it
    rough = f"({whole}年{'多' if years - whole >= 0.2 else ''})" if days >= 365 else ""
    rough = rough or (f"(约{round(days / 30.44)}个月)" if days >= 60 else "")
    return query.in_script(f"答:{first}在前,相隔{days}天{rough}。")


def _relative_asked(query: ParsedQuery) -> bool:
    """Whether the question asks where one event stands against another: A是在B之前还是之后,
    did A come before B."""
    if query.order == "either":
        return query.intent in ("yesno", "what", "when")
    return query.intent == "yesno" and query.order in ("before", "after")


def _relative(query: ParsedQuery, earlier: bool, first: str) -> str:
    """Where the event named first stands: before or after (asked both ways), else yes or no
    to the order claimed."""
    en = query.language == "en"
    if query.order == "either":
        word = ("Before" if earlier else "After") if en else ("之前" if earlier else "之后")
    else:
        yes = earlier == (query.order == "before")
        word = ("Yes" if yes else "No") if en else ("是的" if yes else "不是")
    return f"{word}: {first} came first." if en else query.in_script(f"答:{word}。{first}在前。")


def _any_event(query: ParsedQuery, derived: Derived) -> FactAnswer | None:
    """The party's first dated event, when no event shares the question's words (the
    Dongying No.2 story: its welcome ceremony)."""
    events = [
        f for f in derived.facts if f.kind == "event" and f.date and _about(f, query, derived)
    ]
    if not events:
        return None
    best = min(events, key=lambda f: f.date or "")
    line = _date_line(query, best, derived)
    return _compose(query, [(line, best)], derived)


def _date_line(query: ParsedQuery, event: Fact, derived: Derived) -> str:
    """The direct answer to when: the date, and what or whose the event was."""
    when = spoken_date(event.date or "", query.language)
    if query.language != "en":
        return f"答:{when},{event.subject}"
    whose = f" — {derived.gazetteer.render(event.org)} ({event.org})" if event.org else ""
    return f"Answer: {when}{whose}"


def _date_in(text: str) -> str:
    """The first date of an answer line as ISO (answers say 2017年12月9日, December 9, 2017)."""
    if m := re.search(r"(\d{4})年(\d{1,2})月(\d{1,2})日", text):
        return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    if m := re.search(rf"\b({'|'.join(MONTHS)}) (\d{{1,2}}), (\d{{4}})", text, re.I):
        month = MONTHS.index(m.group(1).lower()) + 1
        return f"{m.group(3)}-{month:02d}-{int(m.group(2)):02d}"
    m = re.search(r"\d{4}-\d{2}-\d{2}", text)
    return m.group(0) if m else "9999"


def named_parties(query: ParsedQuery) -> list[str]:
    """The question's entities, outermost only, in the order it names them."""
    text = query.bridged if query.language == "en" else query.text
    return sorted(
        (e for e in query.entities if not any(e != o and e in o for o in query.entities)),
        key=lambda e: _position(e, text),
    )


def _people_of(query: ParsedQuery, derived: Derived) -> FactAnswer | None:
    """Which people of an institution (胜利油田中心医院有哪几位领导): everyone the articles name
    with a role there, in the articles that also name the question's other parties."""
    asked = re.search(r"哪|\bwhich\b", query.text, re.I)
    text = query.bridged if query.language == "en" else query.text
    at = asked.start() if asked and query.language != "en" else None
    named = [
        e for e in query.entities if _institution(e) and (at is None or _position(e, text) < at)
    ]
    if not named:
        return None
    places = [max(named, key=lambda e: _position(e, text))]  # whose people: named just before
    if at is not None and query.language != "en":
        gap = text[_position(places[0], text) : at]
        for form in (places[0], *aliases(places[0])):
            gap = gap.replace(form, "")
        if len(re.sub(r"有|的|来的|派来的|那边|方面|参加|出席|去了|来了", "", gap)) > 2:
            return None  # 管理团队由哪些人组成: a group's members, not the institution's people
    others = [e for e in query.entities if e not in places]
    of_places = dataclasses.replace(query, entities=tuple(places))
    people = [
        f
        for f in derived.facts
        if f.kind == "person"
        and _about(f, of_places, derived, strict=True)
        and all(
            o in derived.manifest[f.doc_id].names for o in others if f.doc_id in derived.manifest
        )
    ]
    chosen = list({f.subject: f for f in people}.values())[:6]
    if not chosen:
        return None
    return _compose(query, [(_person_line(f, query, derived), f) for f in chosen], derived)


def _with_agencies(query: ParsedQuery, derived: Derived) -> ParsedQuery:
    """The question's entities plus the agencies it names that the gazetteer does not hold
    (东营卫生健康委), as the articles write them (东营市卫生健康委): facts filter by them."""
    agencies = [
        next((f for f in (n, *expansions(n)) if derived.lexical.mentions(f)), "")
        for n in query.unknown_entities
        if _institution(n) and len(n) >= 5  # 卫健委 alone names no one agency
    ]
    if not any(agencies):
        return query
    return dataclasses.replace(query, entities=(*query.entities, *filter(None, agencies)))


def _all_people(query: ParsedQuery, derived: Derived) -> bool:
    parties = named_parties(query)
    return len(parties) >= 2 and all(derived.gazetteer.names.get(p) == "person" for p in parties)


def _each(query: ParsedQuery, derived: Derived) -> FactAnswer | None:
    """A comparison of parties answered party by party: what the question asks of them (how
    many came, who hosted, when) for each one, or, of people, who each one is."""
    parties = named_parties(query)
    if len(parties) < 2:
        return None
    people = [p for p in parties if derived.gazetteer.names.get(p) == "person"]
    if len(people) == len(parties):
        found = [_introduce(query, p, derived) for p in people]
    else:
        asked = next(
            (i for i in INTENTS if i.name in _ROUTES and i.name != "yesno" and asks(i, query)),
            None,
        )
        if asked is None and _LEADERS.search(query.text):  # the officials of each party
            found = [
                _people_of(dataclasses.replace(query, entities=(p,)), derived) for p in parties
            ]
        elif asked is None:
            return None
        else:
            found = [
                _ROUTES[asked.name](
                    dataclasses.replace(
                        query,
                        intent=asked.name,
                        answer_type=asked.answer_type,
                        entities=(p,),
                        unit=units_asked(query.text, query.language == "en"),
                    ),
                    derived,
                )
                for p in parties
            ]
    return _labelled(query, list(zip(parties, found, strict=True)), derived)


def _labelled(
    query: ParsedQuery, found: Sequence[tuple[str, FactAnswer | None]], derived: Derived
) -> FactAnswer | None:
    """Each party's answer under its name, one after another; None unless two answer."""
    answers = [
        dataclasses.replace(f, text=f"{label(query, p, derived)}: {_bare(f)}")
        for p, f in found
        if f is not None and not f.refused
    ]
    return _merge(answers) if len(answers) >= 2 else None


def written_as(name: str) -> tuple[str, ...]:
    """The ways a question may write `name`: in full, by a short form, an agency written
    out, or a distinctive tail (德州医院)."""
    return (name, *aliases(name), *expansions(name), *(name[i:] for i in range(len(name) - 3)))


def _position(name: str, text: str) -> int:
    """Where `text` names `name`, in full or by its short forms; past the end if it doesn't."""
    spots = [text.find(f) for f in written_as(name) if f in text]
    return min(spots, default=len(text))


def _bare(found: FactAnswer) -> str:
    """The answer's lines without their 答: / Answer: heads, to follow a party's label."""
    lines = found.text.splitlines()
    heads = len(lines) - len(found.citations)
    bare = [line.removeprefix("答:").removeprefix("Answer: ") for line in lines[:heads]]
    return "\n".join([bare[0], *("  " + b for b in bare[1:]), *lines[heads:]])


def label(query: ParsedQuery, name: str, derived: Derived) -> str:
    if query.language == "en":
        return f"{derived.gazetteer.render(name)} ({name})"
    return query.in_script(name)


_LEADERS = re.compile(r"领导|职务|官员|负责人|\b(?:officials?|leaders?|roles?|titles?)\b", re.I)


def _posts(query: ParsedQuery, derived: Derived) -> FactAnswer | None:
    """What post each person the question names holds, when it asks that (刘海永是什么职务,
    what are their jobs): their roles in the facts table, whatever else it names."""
    if query.intent not in ("what", "compare", "overview") or not ROLE_ASKED.search(
        query.original if query.language == "en" else query.text
    ):
        return None
    people = [p for p in named_parties(query) if derived.gazetteer.names.get(p) == "person"]
    found = [(p, f) for p in people if (f := _introduce(query, p, derived)) is not None]
    if not found or len(found) < len(people):
        return None
    return found[0][1] if len(found) == 1 else _labelled(query, found, derived)


def _employer(query: ParsedQuery, derived: Derived) -> FactAnswer | None:
    """Which institution the one person a question names serves (王建军是哪个医院的书记,
    which hospital is Wang Jianjun from): the institution of their post in the facts table,
    of the post the question names where it names one of theirs."""
    parties = named_parties(query)
    if (
        query.intent != "which"
        or query.answer_type != "institution"
        or query.aspect  # their schooling, an earlier post: not the post the articles tell
        or not SERVES_ASKED.search(query.text)  # not where they went (刘海永去了哪家医院)
        or len(parties) != 1
        or derived.gazetteer.names.get(parties[0]) != "person"
    ):
        return None
    own = [f for f in derived.facts if f.kind == "person" and f.subject == parties[0] and f.org]
    named = [f for f in own if any(w in f.role for group in query.content for w in group)]
    if not named:  # every post they hold
        return _introduce(query, parties[0], derived) if own else None
    fact = max(named, key=lambda f: len(f.role))
    return _compose(query, [(_person_line(fact, query, derived), fact)], derived)


def _introduce(query: ParsedQuery, person: str, derived: Derived) -> FactAnswer | None:
    """Who a person is: the fullest role the articles give them."""
    own = [f for f in derived.facts if f.kind == "person" and f.subject == person]
    if not own:
        return None
    fact = max(own, key=lambda f: (bool(f.org), len(f.role)))
    # every title the same sentence gives (乐陵市人大常委会副主任、乐陵市人民医院院长王静)
    titles = list(dict.fromkeys(f"{f.org}{f.role}" for f in own if f.evidence == fact.evidence))
    if query.language == "en" or len(titles) < 2:
        return _compose(query, [(_person_line(fact, query, derived), fact)], derived)
    return _compose(query, [(f"答:{'、'.join(titles)}{person}", fact)], derived)


def asks(intent: Intent, query: ParsedQuery) -> bool:
    return bool((intent.en if query.language == "en" else intent.zh).search(query.text))


@lru_cache(maxsize=65536)
def _search_form(text: str) -> str:
    return to_search_form(text)


def _text(fact: Fact) -> str:
    return _search_form(fact.evidence)


def _institution(name: str) -> bool:
    return bool(re.search(ORG_HEAD + "$", name))


def _about(
    fact: Fact,
    query: ParsedQuery,
    derived: Derived,
    strict: bool = False,
    hosted: frozenset[str] = frozenset(),
) -> bool:
    """Whether the fact concerns the question's entities: every one of them, or for a
    comparison among several (哪个最早, which is the latest), any one. With `strict`, an
    institution must be the fact's own organisation, not one merely named beside it; the
    institutions `hosted` (named with their occasion) are where anyone acted."""
    text = _text(fact)
    record = derived.manifest.get(fact.doc_id)
    title = _search_form(record.article.title) if record else ""

    def concerns(entity: str) -> bool:
        if strict and _institution(entity):
            return _of(fact, entity, derived)
        # who did it: a place the article's title names is where its people act (莅临我市);
        # so is a host named with its occasion (东营二院欢迎仪式上: whoever spoke there; not
        # 市二院那边, its own people)
        placed = (
            query.intent == "who"
            and entity in title
            and (not _institution(entity) or entity in hosted)
        )
        # the short form the question itself wrote (市二院), where the sentence writes it too;
        # not whose person it is (市二院谁发言): a sentence may name it beside another's people
        outside = query.text.replace(entity, "")  # 市第二人民医院 inside the full name is none
        short = query.intent != "who" and any(a in outside and a in text for a in aliases(entity))
        # an institution the article writes without its place (市卫生健康委 of an article
        # on 东营)
        own = _institution(entity) and _of(fact, entity, derived)
        return entity in text or entity in fact.org or placed or short or own

    among = query.intent in ("earliest_latest", "superlative") and len(query.entities) > 1
    return (any if among else all)(concerns(e) for e in query.entities) if query.entities else True


def _hosted(query: ParsedQuery, gazetteer: Gazetteer) -> frozenset[str]:
    """The institutions the question names with an occasion right after them (东营二院欢迎
    仪式上, at the Dongying No.2 ceremony): the occasion each hosted, not its people. A form
    the question made up (东营二院) counts where it resolves to that institution."""
    text = (query.bridged if query.language == "en" else query.text).replace(" ", "")
    made = abbreviations(text, gazetteer)
    found = set()
    for entity in (e for e in query.entities if _institution(e)):
        forms = {f for f in written_as(entity) if f in text}
        forms |= {text[a:b] for a, b, name in made if name == entity}
        if any(_occasion_after(f, text, len(text)) for f in forms):
            found.add(entity)
    return frozenset(found)


def _of(fact: Fact, institution: str, derived: Derived) -> bool:
    """Whether the person of `fact` holds their role at `institution`: either name may be
    the other's short or long form, and an agency may be written out or by its old name
    (东营市卫计委: the 市卫生健康委 of an article about 东营). A place the fact's organisation
    leaves out must be the place its article is about."""
    if not fact.org:
        return False
    for form in (institution, *expansions(institution)):
        if form in fact.org:
            return True
        if fact.org in form:
            place = form[: form.index(fact.org)]
            record = derived.manifest.get(fact.doc_id)
            about = _search_form(record.article.title) if record else ""
            if (
                not place
                or place in about
                or place in _text(fact)
                or (record and place in record.names)
            ):
                return True
    return False


def _overlap(fact: Fact, query: ParsedQuery, ignore: tuple[str, ...] = ()) -> float:
    """Share of the question's content words (besides its entities) in the fact's sentence."""
    text = _text(fact)
    groups = [
        g
        for g in query.content
        if not any(t in e or e in t for t in g for e in query.entities)
        and not any(t in ignore for t in g)
    ]
    if not groups:
        return 1.0
    return sum(any(t in text for t in g) for g in groups) / len(groups)


def cite_facts(facts: list[Fact], derived: Derived) -> tuple[list[Citation], dict[str, int]]:
    citations: list[Citation] = []
    number: dict[str, int] = {}
    for fact in facts:
        key = f"{fact.doc_id}|{fact.evidence}"
        if key not in number and fact.doc_id in derived.manifest:
            number[key] = len(citations) + 1
            article = derived.manifest[fact.doc_id].article
            citations.append(
                Citation.of_article(number[key], article, fact.evidence, 1.0, f"{fact.doc_id}#fact")
            )
    return citations, number


def _compose(query: ParsedQuery, lines: list[tuple[str, Fact]], derived: Derived) -> FactAnswer:
    """Direct answer lines in the asker's script, then the quoted evidence in the source's own
    script, each line cited."""
    citations, number = cite_facts([f for _, f in lines], derived)
    out = [
        f"{_faithful(query, line, f)} [{number[f'{f.doc_id}|{f.evidence}']}]" for line, f in lines
    ]
    anchor = {f"{f.doc_id}|{f.evidence}": f.subject for _, f in reversed(lines)}
    out += [  # a long list of attendees is cut around the one the answer names
        f"{excerpt(c.quote, [anchor.get(f'{c.doc_id}|{c.quote}', ''), *query.entities], 180)}"
        f" [{c.n}]"
        for c in citations
    ]
    return FactAnswer("\n".join(out), citations)


def _merge(answers: list[FactAnswer]) -> FactAnswer:
    """Several answers as one: their direct lines, then their quotes (each answer ends with
    one quote line per citation), citations renumbered in order."""
    heads: list[str] = []
    quotes: list[str] = []
    citations: list[Citation] = []
    for found in answers:
        shift = len(citations)
        lines = [renumber(line, shift) for line in found.text.splitlines()]
        cut = len(lines) - len(found.citations)
        heads += lines[:cut]
        quotes += lines[cut:]
        citations += [dataclasses.replace(c, n=c.n + shift) for c in found.citations]
    return FactAnswer("\n".join(heads + quotes), citations)


def renumber(line: str, shift: int) -> str:
    """[1] → [1 + shift]: a line's citation numbers after `shift` earlier citations."""
    return re.sub(r"\[(\d+)\]", lambda m: f"[{int(m.group(1)) + shift}]", line)


def _faithful(query: ParsedQuery, line: str, fact: Fact) -> str:
    """A direct answer line for a Traditional asker, with each name as its source writes it:
    converting 王景峰 would give 王景峯, a name no article uses."""
    if query.language != "zh-Hant":
        return line
    out = to_traditional(line)
    for name in (n for n in (fact.subject, fact.org) if n):
        out = out.replace(to_traditional(name), query.name_in_script(name, fact.evidence))
    return out


def _who(
    query: ParsedQuery, derived: Derived, within: set[str] | None = None, party: bool = False
) -> FactAnswer | None:
    """Who holds a role or did something: of the people the question's names concern, or
    of every person of the articles `within`; with `party`, of one of the parties asked of
    each (一位市二院的、一位中心医院的: the people its name concerns, not everyone at the
    occasion it hosted)."""
    parties = [e for e in query.entities if derived.gazetteer.names.get(e) != "person"]
    if len(parties) >= 2 and DISTRIBUTIVE.search(query.text):  # 两个仪式的主持人分别是谁
        each = [
            _who(dataclasses.replace(query, entities=(p,)), derived, party=True) for p in parties
        ]
        found = [f for f in each if f is not None and not f.refused]
        return _merge(found) if found else None
    roles = roles_in(query.bridged if query.language == "en" else query.text)
    owner = _asked_of(query)  # 东营卫生健康委谁讲话: a person of that agency
    hosted = frozenset() if party else _hosted(query, derived.gazetteer)
    people = [
        f
        for f in derived.facts
        if f.kind == "person"
        and (
            f.doc_id in within
            if within is not None
            # a hospital's own people hold its offices; a county's office at its occasion
            else _about(
                f,
                query,
                derived,
                bool(roles) and not all(GOVERNMENT_OFFICE.search(r) for r in roles),
                hosted,
            )
        )
        and (not owner or _of(f, owner, derived))
        and f.subject not in query.excluded  # 除了樊云井还有谁: another
    ]
    if roles:
        people = [f for f in people if any(_holds(f.role, r) for r in roles)]
        if not people and any(_institution(e) for e in query.entities):
            return _no_such_role(query, roles)
    verbs = _verbs(query.bridged if query.language == "en" else query.text)
    ranked = sorted(  # who did it: first the sentences that say most of what was done
        people,
        key=lambda f: (
            -sum(any(w in _text(f) for w in (v, *synonyms(v))) for v in verbs),
            -_overlap(f, query, tuple(roles)),
            _distance(f, query),
        ),
    )
    if not ranked or (not roles and not owner and _overlap(ranked[0], query) == 0):
        return None  # an agency's person needs no other word of the question
    best = _overlap(ranked[0], query, tuple(roles))
    close = [f for f in ranked if _overlap(f, query, tuple(roles)) == best]
    if not roles:  # who did it: the person named nearest the words of the question
        close = close[:1]
    chosen = list({f.subject: f for f in close}.values())[:3]
    return _compose(query, [(_person_line(f, query, derived), f) for f in chosen], derived)


def _naming_all(entities: tuple[str, ...], derived: Derived) -> set[str]:
    """The articles whose names include each of `entities`, in one of its forms: by the names
    ingest recorded, as the facts table reads no article text (articles.naming reads it)."""
    return {
        d
        for d, record in derived.manifest.items()
        if all(any(f in record.names for f in written_as(e)) for e in entities)
    }


def _asked_of(query: ParsedQuery) -> str:
    """The institution whose person a who-question asks for: one standing right before 谁
    (东营卫生健康委谁, 市二院的哪位), or an agency named by its kind anywhere (市卫健委是谁出席,
    who represented the health commission) where it names no institution besides;
    '' otherwise."""
    agency = AGENCY.search(query.bridged if query.language == "en" else query.text)
    if any(_institution(e) and not AGENCY.search(e) for e in query.entities):
        agency = None  # 卫健委领导讲话之后,谁代表山大二院发言: the hospital's person is asked
    m = re.search(r"(?:的|里|中|来的|那边)?(?:谁|哪位)", query.text)
    if query.language == "en" or not m:
        return agency.group() if agency else ""
    before = query.text[: m.start()]
    for e in query.entities:
        if _institution(e) and any(before.endswith(f) for f in written_as(e)):
            return e
    unknown = [u for u in query.unknown_entities if before.endswith(u)]
    if unknown:  # an agency the gazetteer lacks, as the articles write it
        return next((e for e in query.entities if unknown[0] in e or _near(unknown[0], e)), "")
    return agency.group() if agency else ""


def _near(short: str, name: str) -> bool:
    return any(f == name for f in expansions(short))


def _role_check(query: ParsedQuery, derived: Derived) -> FactAnswer | None:
    """Yes or no to "is X the 院长 (of Y)?": what role the articles give X, and who holds
    the role asked about there."""
    roles = roles_in(query.bridged if query.language == "en" else query.text)
    persons = [e for e in query.entities if derived.gazetteer.names.get(e) == "person"]
    if len(persons) != 1:
        return None
    # a role beside the name is a title (冯世庆院长亲自签的吧, hosted by vice mayor Lu): a
    # deed is asked, not the role
    # (English puts a title only before the name: "Is Wang Jing the party secretary" asks)
    en = query.language == "en"
    written = query.bridged.replace(" ", "") if en else query.text
    roles = [
        r
        for r in roles
        if f"{r}{persons[0]}" not in written and (en or f"{persons[0]}{r}" not in written)
    ]
    # the department decides where the question names one (head of neurology): the role
    # must then be held there too
    placed = _department_check(query, derived, persons[0], roles)
    if placed is not None:
        return placed
    own = [f for f in derived.facts if f.kind == "person" and f.subject == persons[0]]
    places = [e for e in query.entities if _institution(e)]  # 院长 of which institution
    if not roles:
        return _deed_check(query, derived, persons[0]) or _member_check(query, derived, own, places)
    if not own:
        return None

    def there(f: Fact) -> bool:
        return all(_of(f, p, derived) for p in places)

    held = [f for f in own if there(f) and any(_holds(f.role, r) for r in roles)]
    yes = bool(held)
    fact = (held or [f for f in own if there(f)] or own)[0]  # 苏玉凤 holds roles at two
    lines = [(_verdict(query, yes, fact, derived), fact)]
    if not yes:  # who does hold it there
        holders = [
            f
            for f in derived.facts
            if f.kind == "person"
            and f.subject != fact.subject
            and (not fact.org or f.org == fact.org)
            and any(_holds(f.role, r) for r in roles)
        ]
        lines += [(_person_line(f, query, derived), f) for f in holders[:1]]
    return _compose(query, lines, derived)


def _member_check(
    query: ParsedQuery, derived: Derived, own: list[Fact], places: list[str]
) -> FactAnswer | None:
    """Yes or no to "is X (a leader) of Y?", with no role nor deed asked: whether the
    articles place X at Y, and where they do place X."""
    if not own or len(places) != 1 or verbs_of(query.bridged or query.text):
        return None
    # nothing claimed besides the names (critical of the merger claims more)
    if any(
        not re.fullmatch(ORG_HEAD, p) and not any(p in e for e in query.entities)
        for p in query.predicates
    ):
        return None
    held = [f for f in own if _of(f, places[0], derived)]
    fact = (held or own)[0]
    return _compose(query, [(_verdict(query, bool(held), fact, derived), fact)], derived)


# where a department or ward a question names ends (神经内科, 肿瘤一病区, 儿童保健科)
_UNIT = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:科|病区)")


@lru_cache(maxsize=4096)
def _affiliation(fact: Fact) -> str:
    """What the evidence writes before the person's name in its clause (胜利油田中心医院肿瘤
    一病区副主任 王树凯): the department a role belongs to is written only there."""
    text = _search_form(fact.evidence)
    at = text.find(fact.subject)
    return re.split(r"[、,,。;;:]", text[:at])[-1] if at > 0 else ""


def _department_check(
    query: ParsedQuery, derived: Derived, person: str, roles: list[str]
) -> FactAnswer | None:
    """Yes or no to "is X from the 神经内科?" (or its 主任): the department the articles write
    before X's role, and whoever they place in the department asked about."""
    text = query.bridged if query.language == "en" else query.text
    known = {a for f in derived.facts if f.kind == "person" for a in [_affiliation(f)] if a}
    # the longest unit the question writes that some article places a person in
    found = [
        (j - i, -i, text[i:j])
        for m in _UNIT.finditer(text)
        for j in [m.end()]
        for i in range(max(0, j - 7), j - 2)
        if any(text[i:j] in a for a in known)
    ]
    asked = [max(found)[2]] if found else []
    own = [f for f in derived.facts if f.kind == "person" and f.subject == person]
    placed = [(f, a) for f in own if DEPARTMENT.search(a := _affiliation(f)) or WARD.search(a)]
    if not asked or not placed:
        return None
    held = [
        (f, a)
        for f, a in placed
        if any(d in a for d in asked) and (not roles or any(_holds(f.role, r) for r in roles))
    ]
    yes = bool(held)
    fact, where = (held or placed)[0]
    if query.language == "en":
        lines = [(f"{'Yes' if yes else 'No'}: {render_person(person)} ({person}), {where}", fact)]
    else:
        lines = [(f"{'是的' if yes else '不是'}。{person}是{where}", fact)]
    if not yes:  # who the articles do place there
        holders = [
            (f, a)
            for f in derived.facts
            if f.kind == "person"
            and f.subject != person
            and any(d in (a := _affiliation(f)) for d in asked)
        ]
        lines += [
            (f"{a}是{f.subject}" if query.language != "en" else f"{a}: {f.subject}", f)
            for f, a in holders[:1]
        ]
    return _compose(query, lines, derived)


def _deed_check(query: ParsedQuery, derived: Derived, person: str) -> FactAnswer | None:
    """Yes or no to "did X do it?" (是丁春辉主持的吗): who the articles say did it, asked
    without the name; no verdict when they say nobody did."""
    verbs = verbs_of(query.bridged if query.language == "en" else query.text)
    if not verbs:
        return None
    others = tuple(e for e in query.entities if e != person)
    title = "|".join(map(re.escape, roles_in(query.text))) or "$^"
    titled = re.compile(rf"(?:{title})?{re.escape(person)}(?:{title})?")
    other = dataclasses.replace(  # asked without the person and the title beside the name
        query,
        intent="who",
        text=titled.sub("", query.text),
        entities=others,
        content=tuple(
            g for g in query.content if not any(t in person or titled.fullmatch(t) for t in g)
        ),
    )
    # anyone of the occasion's articles: the sentence saying it was done need not name the
    # place (王树凯代表常驻专家发言, at the Dongying No.2 ceremony)
    found = _who(other, derived, _naming_all((*others, person), derived) or None)
    doers = [f for f in derived.facts if f.kind == "person" and f.subject == person]
    if (
        found is None
        or not doers
        or not any(v in c.quote_simplified for c in found.citations for v in verbs)
        or not {c.doc_id for c in found.citations} & {f.doc_id for f in doers}
    ):
        return None  # nobody is said to have done it, at an event the person was at
    yes = person in found.text or render_person(person) in found.text
    if query.language == "en":
        head = "Yes." if yes else "No — according to the articles:"
    else:
        head = "是的。" if yes else query.in_script("不是。文档中写的是:")
    return FactAnswer(f"{head}\n{found.text}", found.citations)


def _verdict(query: ParsedQuery, yes: bool, fact: Fact, derived: Derived) -> str:
    if query.language == "en":
        said = _person_line(fact, query, derived).removeprefix("Answer: ")
        return f"{'Yes' if yes else 'No'}: {said}"
    return f"{'是的' if yes else '不是'}。{fact.subject}是{fact.org}{fact.role}"


def _holds(roles: str, role: str) -> bool:
    """Whether `roles` (党委副书记、院长) include `role` itself: 院长 is not 副院长."""
    return any(
        part == role or (part.endswith(role) and "副" not in part[: -len(role)])
        for part in re.split(r"[、兼]", roles)
    )


def _distance(fact: Fact, query: ParsedQuery) -> int:
    """How far the person's name stands from what the question says they did (its verbs:
    主持 in 谁主持的), else from any of its words, in the evidence."""
    text = _text(fact)
    at = text.find(fact.subject)
    verbs = _verbs(query.bridged if query.language == "en" else query.text)
    words = [t for g in query.content for t in g if not any(t in e for e in query.entities)]
    anchors = [t for t in words if t in verbs and t in text] or words
    spots = [m.start() for t in anchors for m in re.finditer(re.escape(t), text)]
    return min((abs(at - s) for s in spots), default=len(text)) if at >= 0 else len(text)


def verbs_of(text: str) -> frozenset[str]:
    """What the question says someone did, with the words articles use for it (签 → 签署):
    to find the sentence that says it was done."""
    verbs = _verbs(text)
    return verbs | frozenset(s for v in verbs for s in synonyms(v))


@lru_cache(maxsize=1024)
def _verbs(text: str) -> frozenset[str]:
    """What the question says someone did: the doer's noun first (主持人 → 主持, 发言人 →
    发言), else its verbs."""
    cut = list(pseg.cut(text))
    doers = frozenset(
        w[:-1] for w, flag in cut if len(w) >= 3 and w.endswith("人") and flag[0] == "n"
    )
    # not a verb naming the occasion (启动仪式, 签约仪式): what was done at it is asked
    at = [sum(len(w) for w, _ in cut[:i]) for i in range(len(cut))]
    return doers or frozenset(
        _unfused(w, cut[i + 1].word if i + 1 < len(cut) else "")
        for i, ((w, flag), a) in enumerate(zip(cut, at, strict=True))
        if flag == "v"
        and (len(w) >= 2 or synonyms(w))  # 签 of 签的
        and not OCCASION.match(text, a + len(w))
    )


def _unfused(verb: str, after: str) -> str:
    """A verb jieba fused with the place word before it (仪式上致欢迎辞 → 上致): the verb
    and its object (致欢迎辞), which the sentence that tells the deed writes."""
    fused = len(verb) == 2 and verb[0] in "上中里" and not jieba.dt.FREQ.get(verb)  # not 上报
    if fused and after and not re.fullmatch(r"[的了着过地得]+", after):
        return verb[1] + after
    return verb


def _person_line(fact: Fact, query: ParsedQuery, derived: Derived) -> str:
    if query.language == "en":
        org = f" of {derived.gazetteer.render(fact.org)} ({fact.org})" if fact.org else ""
        name = f"{render_person(fact.subject)} ({fact.subject})"
        return f"Answer: {name}, {role_english(fact.role)}{org}"
    return f"答:{fact.org}{fact.role}{fact.subject}"


def resolve_offices(query: ParsedQuery, derived: Derived) -> ParsedQuery | FactAnswer:
    """The offices the question speaks of (山大二院的院长, the president of …), read once:
    a refusal where no article names a holder of one (温医附二院的院长讲了什么), else the
    question with each office's one holder among its names (→ 冯世庆): what that person
    said or did is what is asked. People named by surname and title come first."""
    query = resolve_titled(query, derived)
    offices = _offices(query, derived)
    for entity, role, _ in offices:
        # an English word may stand for several offices (director: 主任, 院长): any held will do
        if not any(h for e, _, h in offices if e == entity):
            return _no_such_role(dataclasses.replace(query, entities=(entity,)), [role])
    single = [(e, role, h[0]) for e, role, h in offices if len(h) == 1]
    if not single:
        return query
    roles = {role for _, role, _ in single}
    held = tuple(dict.fromkeys(person for _, _, person in single))

    def gone(group: tuple[str, ...]) -> bool:  # the office, or a word of its institution
        return bool(roles & set(group)) or all(any(t in e for e, _, _ in single) for t in group)

    return _naming(query, held, gone)


def _naming(
    query: ParsedQuery, held: tuple[str, ...], gone: Callable[[tuple[str, ...]], bool], **fields
) -> ParsedQuery:
    """The question with `held` people among its names: the groups that stood for them (an
    office, a surname and title) give way to their names."""

    def asks(groups: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
        return (*(g for g in groups if not gone(g)), *((h,) for h in held))

    return dataclasses.replace(
        query,
        entities=(*query.entities, *held),
        people=(*query.people, *held),
        groups=asks(query.groups),
        content=asks(query.content),
        **fields,
    )


def resolve_titled(query: ParsedQuery, derived: Derived) -> ParsedQuery:
    """The question with each person it names by surname and title (冯院长, 颜书记, Dean Feng)
    as the articles name them: the one person of that surname who holds that office, of the
    institution the question names where several do. A title no one of that surname holds
    (冯书记) is left unknown; an English courtesy title (Mr Feng) needs the surname alone."""
    # who 王院长 is: the facts of who holds 院长 answer it; 是丁书记主持的吗 claims the title
    if query.intent in ("who", "yesno"):
        return query
    titled = _titled_zh(query, derived) if query.language != "en" else _titled_en(query, derived)
    if not titled:
        return query
    held = tuple(dict.fromkeys(person for _, person in titled))
    forms = [form for found, _ in titled for form in found]

    def gone(group: tuple[str, ...]) -> bool:  # a piece of 冯院长: 冯, 院长, 冯院长
        return all(any(t in f for f in forms) for t in group)

    return _naming(
        query,
        held,
        gone,
        unknown_entities=tuple(u for u in query.unknown_entities if not gone((u,))),
        unknown_names=tuple(u for u in query.unknown_names if u not in forms),
    )


def _titled_zh(query: ParsedQuery, derived: Derived) -> list[tuple[tuple[str, ...], str]]:
    """((冯院长,), 冯世庆) for each surname written right before a title, where the surname
    begins a word (not 田 of 油田专家) and is no part of a name the question writes whole."""
    people = _people(derived)
    surnames = "|".join(sorted({surname(p) for p in people}, key=len, reverse=True))
    titled = list(re.finditer(rf"({surnames})({ROLE})", query.text)) if surnames else []
    if not titled:  # most questions: no word cut, no name looked for
        return []
    starts = {start for _, start, _ in jieba.tokenize(query.text)}
    named = derived.gazetteer.mentions(query.text)
    found: list[tuple[tuple[str, ...], str]] = []
    for m in titled:
        if m.start() not in starts or any(a <= m.start() < b for a, b in named):
            continue
        holders = [p for p in people if surname(p) == m.group(1)]
        person = _one_holder(holders, [m.group(2)], query, derived)
        if person:
            found.append(((m.group(0),), person))
    return found


def _titled_en(query: ParsedQuery, derived: Derived) -> list[tuple[tuple[str, ...], str]]:
    """(('Feng', '院长'), 冯世庆) for each unknown capitalized word that is the surname of
    the articles' people: of one person alone, or of the one holding an office it names."""
    found = []
    for word in query.unknown_names:
        title = re.search(rf"\b([A-Za-z]+)\.?\s+{re.escape(word)}\b", query.original)
        if not title or not _EN_TITLE.fullmatch(title.group(1)):
            continue  # Sun of 'Sun, July 7' is no person: only a title makes a surname one
        roles = roles_in(query.bridged) if title.group(1).lower() not in _COURTESY else []
        holders = [
            p for p in _people(derived) if render_person(p).split()[0].lower() == word.lower()
        ]
        person = holders[0] if len(holders) == 1 and not roles else None
        person = person or _one_holder(holders, roles, query, derived)
        if person:
            found.append(((word, *roles), person))
    return found


_COURTESY = frozenset({"mr", "ms", "mrs", "dr", "prof", "professor", "doctor"})
_EN_TITLE = re.compile(
    r"(?i:mr|ms|mrs|dr|prof|professor|doctor|president|secretary|director|dean|chairman"
    r"|chair|mayor|head|chief|deputy|vice)"
)


def _people(derived: Derived) -> list[str]:
    named = [name for name, kind in derived.gazetteer.names.items() if kind == "person"]
    return list(dict.fromkeys([*named, *(f.subject for f in derived.facts if f.kind == "person")]))


def _one_holder(
    people: list[str], roles: list[str], query: ParsedQuery, derived: Derived
) -> str | None:
    """The one of `people` the facts give one of `roles`; among several, the one of the
    institution the question names (浙江省卫计委, though the gazetteer knows no agency)."""
    posts = [
        f
        for f in derived.facts
        if f.kind == "person" and f.subject in people and any(_holds(f.role, r) for r in roles)
    ]
    holders = list(dict.fromkeys(f.subject for f in posts))
    if len(holders) > 1:
        places = [e for e in (*query.entities, *query.unknown_entities) if _institution(e)]
        holders = list(
            dict.fromkeys(f.subject for f in posts if any(_of(f, e, derived) for e in places))
        )
    return holders[0] if len(holders) == 1 else None


def _offices(query: ParsedQuery, derived: Derived) -> list[tuple[str, str, list[str]]]:
    """Each institution and office the question speaks of together, with the people the
    facts table gives that office there; none for a who-question (who holds it is asked)
    or one naming a person."""
    if query.intent == "who" or query.people:
        return []
    text = query.bridged if query.language == "en" else query.text
    roles = [r for r in roles_in(text) if r not in _NOT_OFFICES]
    return [
        (
            entity,
            role,
            list(
                dict.fromkeys(
                    f.subject
                    for f in derived.facts
                    if f.kind == "person" and _of(f, entity, derived) and _holds(f.role, role)
                )
            ),
        )
        for entity in query.entities
        if _institution(entity)
        for role in roles
        if _next_to(text, entity, role, either=query.language == "en")
    ]


# Role words that are no one office an institution has one holder of (members, experts).
_NOT_OFFICES = frozenset({"成员", "委员", "专家", "教授", "医师", "通讯员", "记者"})


def _next_to(text: str, name: str, role: str, either: bool) -> bool:
    """Whether `text` writes `role` right after `name` (山大二院的院长), or for an English
    question's terms right before or after a piece of it (the president of Wenzhou …)."""
    if either:  # the alternatives of one word (主任 院长) stand together: step over them
        terms = text.split()
        offices = set(roles_in(text))
        for i in (i for i, t in enumerate(terms) if t == role):
            for step in (-1, 1):
                j = i + step
                while 0 <= j < len(terms) and terms[j] in offices:
                    j += step
                if 0 <= j < len(terms) and terms[j] in name:
                    return True
        return False
    for form in written_as(name):
        at = text.find(form)
        if at >= 0 and text[at + len(form) :].lstrip("的").startswith(role):
            return True
    return False


def _no_such_role(query: ParsedQuery, roles: list[str]) -> FactAnswer:
    named = "、".join(e for e in query.entities if _institution(e))
    if query.language == "en":
        return FactAnswer(
            f"The documents do not say who the {', '.join(roles)} of {named} is: "
            "they name other people there.",
            [],
            refused=True,
        )
    text = f"文档中没有提到{named}的{'、'.join(roles)}是谁。"
    return FactAnswer(query.in_script(text), [], refused=True)


def _figures(query: ParsedQuery, derived: Derived) -> list[Fact]:
    found = [
        f
        for f in derived.facts
        if f.kind == "figure"
        and _about(f, query, derived)
        # 几个人 of a named noun (常驻专家一共几个人) counts it in 名 as well
        and (not query.unit or f.unit[-1:] in query.unit + ("名位" if query.counted else ""))
        and not (f.unit == "年" and re.fullmatch(r"(?:19|20)\d\d", f.value or ""))
        and counts(_text(f), query.counted, f"{f.value}{f.unit}")
    ]
    # how many took part: a figure of those who did (300余人参加), not of a visiting party
    # (于小千一行5人)
    if asks_turnout(query):
        found = [f for f in found if took_part(_text(f), f"{f.value}{f.unit}")]
    # a head count asked of a party needs no other word in common (300余人参加活动)
    return [f for f in found if _overlap(f, query) > 0 or "人" in query.unit]


def _count(query: ParsedQuery, derived: Derived) -> FactAnswer | None:
    figures = _figures(query, derived)
    words = {id(f): _qualifiers(f, query) for f in figures}
    common = set.intersection(*words.values()) if words else set()  # 专家 qualifies them all
    found = sorted(
        figures,
        key=lambda f: (-len(words[id(f)] - common), -_overlap(f, query), -_own(f, query)),
    )
    if not found:
        return None
    best = found[0]
    line = (
        f"Answer: {best.value} ({best.value}{best.unit})"
        if query.language == "en"
        else f"答:{best.value}{best.unit}"
    )
    return _compose(query, [(line, best)], derived)


def _qualifiers(fact: Fact, query: ParsedQuery) -> set[str]:
    """The question's words standing right before the figure (常驻 in 常驻专家17名), besides
    its entities and what it counts."""
    text = _text(fact)
    at = text.find(f"{fact.value}{fact.unit}")
    before = text[max(0, at - 6) : at] if at > 0 else ""
    return {
        t
        for g in query.content
        for t in g
        if len(t) >= 2
        and t not in query.counted
        and not any(t in e for e in query.entities)
        and t in before
    }


def _own(fact: Fact, query: ParsedQuery) -> int:
    """How many of the question's entities the figure's own clause names: of two figures in
    one sentence, 山东省78家医院入选 is Shandong's and 全国1000家县医院 is not."""
    subject = _search_form(fact.subject)
    return sum(e in subject for e in query.entities)


_TITLES = re.compile(r"头衔最多|职务最多|\bmost titles\b", re.I)


def _seniority(fact: Fact) -> tuple[int, int]:
    """How senior a person's role is: first the level of the body it is of (a provincial
    deputy director outranks a city's director), then the role within it. A person with
    no body and no level in their role (专家, 通讯员) ranks below every body."""
    level = _level(fact.org or fact.role)
    return (level if fact.org or level != 2 else 0), _role_rank(fact.role)


_LEVELS = ((4, "中国|国家|全国"), (3, "省"), (1, "县|区$|区(?=政府|委|卫)"), (0, "镇|乡"))


def _level(body: str) -> int:
    """The administrative level a body's name marks: national, provincial, city (or none
    written), county or district, town; the most local mark wins (山东省莘县…: a county)."""
    found = [level for level, words in _LEVELS if re.search(words, body)]
    return min(found) if found else 2


def _role_rank(role: str) -> int:
    """How senior a role is within its body: a party secretary of a place, the place's head
    and deputy (副市长 outranks the city's agency heads), a party secretary of an
    institution, its head, a deputy, a member."""
    if re.search(r"[县市省]委书记", role):
        return 9
    if re.search(r"(?<!副)[省市县区镇]长", role):
        return 8
    if re.search(r"副[省市县区镇]长", role):
        return 7
    if re.search(r"(?<!副)书记", role):
        return 6
    if re.search(r"(?<!副)(?<!行政)(?<!科)(?:院长|主任|局长|会长|市长|县长|镇长|主席)", role):
        return 5
    if "常务副" in role:
        return 4
    if "副" in role:
        return 3
    return 2 if re.search(r"成员|委员", role) else 0


def _senior(query: ParsedQuery, derived: Derived) -> FactAnswer | None:
    """Who ranks highest (职务最高, highest-ranking) among the people of the institution or
    place the question names, or who holds the most titles (头衔最多)."""
    text = query.bridged if query.language == "en" else query.text
    at = RANK_ASKED.search(query.text)
    limit = at.start() if at and query.language != "en" else len(text)
    written = [u for u in query.unknown_entities if derived.lexical.mentions(u)]
    # an agency by its kind alone (市卫健委出面的): whose people are ranked
    agency = AGENCY.search(text[:limit])
    if agency and not any(agency.group() in e for e in (*query.entities, *written)):
        written.append(agency.group())
    # an agency as the question wrote it (东营市卫健委) and as the articles do
    surface = {f: n for n in query.unknown_entities for f in expansions(n) if f in query.entities}
    for t in (t for g in query.content for t in g if len(t) >= 3 and t in text):
        resolved = derived.gazetteer.resolve(t)  # a short form resolved (温医二院)
        if resolved in query.entities and _position(resolved, text) == len(text):
            surface.setdefault(resolved, t)
    named = [
        e for e in (*query.entities, *written) if _position(surface.get(e) or e, text) < limit
    ] or list(query.entities)
    if not named:
        return None
    persons = [e for e in named if e in query.people]
    if len(persons) >= 2:  # who ranks higher of the people named (冯世庆 or 余之刚)
        return _higher(query, persons, derived)
    # whose people: the one that came (广饶县来的, 温医大附二院去丽水的人), else an
    # institution rather than the place of the event, the one named last before the ranking
    came = [e for e in named if e not in query.people and _came(surface.get(e) or e, text)]
    # a body, or a place named as its government (广饶县政府这边的)
    bodies = [
        e
        for e in named
        if _institution(e)
        or e in written
        or re.search(re.escape(surface.get(e) or e) + "[市县区镇]?(?:人民)?政府", text)
    ]
    others = [e for e in named if e not in query.people]
    owners = came or bodies or others or named

    def spot(e: str) -> int:  # where the question names it; -1 when not in its words
        at = _position(surface.get(e) or e, text)
        return at if at < len(text) else -1

    # several that came (广饶县、大王镇这些地方来的人): the people of each
    owner = max(owners, key=spot)
    wholes = came if len(came) > 1 else [_described(owner, query, derived)]
    written_owner = surface.get(owner) or owner
    visited = not came and _visited(written_owner, query.text)

    def belongs(f: Fact) -> bool:
        at = _text(f).find(f.subject)  # 莘县县委书记孙奇宏: the place just before the name
        return any(
            _of(f, whose, derived)
            or (not _institution(whose) and whose in _text(f)[max(0, at - 8) : at])
            for whose in wholes
        )

    if visited or (not came and _occasion_after(written_owner, text, limit)):
        # 丽水启动仪式上级别最高的: a name that picks the occasion, not whose people; who
        # came to inspect X: anyone there but X's own
        docs = _naming_all((owner,), derived)
        people = [
            f
            for f in derived.facts
            if f.kind == "person" and f.doc_id in docs and not (visited and belongs(f))
        ]
    else:
        # of the occasion the other names pick (胜利油田那次仪式: the 卫健委 people there)
        others = [e for e in query.entities if e not in wholes and e not in surface.values()]
        docs = _naming_all(tuple(others), derived)
        people = [
            f for f in derived.facts if f.kind == "person" and belongs(f) and f.doc_id in docs
        ] or [f for f in derived.facts if f.kind == "person" and belongs(f)]
    if re.search(r"专家|\bexperts?\b", query.text, re.I):  # among the experts named there
        experts = {f.subject for f in derived.facts if f.kind == "person" and "专家" in f.role}
        docs = {f.doc_id for f in derived.facts if any(w in _text(f) for w in wholes)}
        people = [
            f
            for f in derived.facts
            if f.kind == "person" and f.subject in experts and f.doc_id in docs
        ]
    asked_level = level_asked(query.text)
    if asked_level is not None:  # 省里级别最高的: of the provincial people only
        people = [f for f in people if _seniority(f)[0] == asked_level]
    if not people:
        return None
    score: dict[str, tuple[tuple[int, int], int]] = {}
    for f in people:
        roles = len(re.split(r"[、兼]", f.role))
        best, count = score.get(f.subject, ((0, 0), 0))
        score[f.subject] = (max(best, _seniority(f)), count + roles)
    key = (lambda p: (score[p][1], score[p][0])) if _TITLES.search(query.text) else score.get
    top = max(score, key=key)  # type: ignore[arg-type]
    chosen = [f for f in people if f.subject == top]
    lines = [(_person_line(f, query, derived), f) for f in {f.role: f for f in chosen}.values()]
    return _compose(query, lines, derived)


def _occasion_after(name: str, text: str, limit: int) -> bool:
    """Whether the question names an occasion right after `name` (丽水启动仪式上, 莘县那次,
    at the Lishui launch): the name picks the occasion, whoever came to it."""
    at = text.find(name)
    if at < 0:
        return False
    between = text[at + len(name) : limit]
    occasion = OCCASION.search(between) or re.search(r"[那这][次场]|签约|揭牌|启动", between)
    if occasion is None:
        return False
    # not X那边出席仪式的 (X's side, or X's people who attended), nor a later clause's occasion
    return not re.search(
        r"那边|这边|方面|的人|[,,]|参加|出席|到场|参会", between[: occasion.start()]
    )


def _visited(name: str, text: str) -> bool:
    """Whether the question names `name` as the place visited (who came to inspect the
    Dongying MCH hospital, 到东营二院调研的): its people are the hosts, not those asked of."""
    if is_english(text):  # the bridge drops the verbs: a visit, and no 'from' to say whose
        return bool(VISITING.search(text.split(",")[0] + " ")) and not re.search(
            r"\bfrom\b", text, re.I
        )
    forms = [f for f in (name, *written_as(name)) if f in text]
    if not forms:
        return False
    before = re.split(r"[,,。??]", text[: text.find(forms[0])])[-1]
    return bool(VISITING.search(before))


def _came(name: str, text: str) -> bool:
    """Whether the question says `name` came or went (广饶县来的, 山大二院去的, 过来参加的,
    广饶县、大王镇这些地方来的): a word of coming or going later in its clause, as a word of
    its own (not 来自, 去年, 派驻)."""
    forms = [f for f in written_as(name) if f in text]
    after = [re.split(r"[,,。??]", text[text.find(f) + len(f) :])[0][:14] for f in forms]
    return any(w in _COMING for a in after for w, _ in pseg.cut(a))


_COMING = frozenset({"来", "去", "过来", "过去", "前来", "前往", "派来", "派去", "到来"})


def _described(place: str, query: ParsedQuery, derived: Derived) -> str:
    """The body of `place` the question's words describe (Shandong … MCH association →
    山东省妇幼保健协会), when one organisation holds more of them than any other; else
    `place` itself."""
    if _institution(place):
        return place
    words = [
        t for g in query.content for t in g if len(t) >= 2 and t not in place and place not in t
    ]
    held: dict[str, int] = {}
    for f in derived.facts:
        if f.kind == "person" and f.org and place in f.org:
            held[f.org] = sum(w in f.org for w in words)
    best = sorted(held.items(), key=lambda kv: -kv[1])
    if not best or best[0][1] == 0 or (len(best) > 1 and best[1][1] == best[0][1]):
        return place
    return best[0][0]


def _higher(query: ParsedQuery, people: list[str], derived: Derived) -> FactAnswer | None:
    """The most senior of the people named, each with the role the articles give them."""
    best: dict[str, Fact] = {}
    for f in derived.facts:
        if f.kind != "person" or f.subject not in people:
            continue
        if f.subject not in best or _seniority(f) > _seniority(best[f.subject]):
            best[f.subject] = f
    if len(best) < 2:
        return None
    ranked = sorted(best.values(), key=_seniority, reverse=True)
    found = _compose(query, [(_person_line(f, query, derived), f) for f in ranked], derived)
    if query.intent != "yesno":
        return found
    # a claim: of the same rank (级别一样吗), else that the one named first is the higher
    levels = [_seniority(f) for f in ranked]
    if SAME_RANK.search(query.text):
        yes = levels[0] == levels[-1]
    else:
        yes = ranked[0].subject == people[0] and levels[0] > levels[1]
    head = ("Yes." if yes else "No.") if query.language == "en" else ("是的。" if yes else "不是。")
    return dataclasses.replace(found, text=f"{query.in_script(head)}\n{found.text}")


def _extreme(query: ParsedQuery, derived: Derived) -> FactAnswer | None:
    if RANK_ASKED.search(query.text):
        return _senior(query, derived)
    found = _figures(query, derived)
    if not found:
        return None
    found.sort(key=lambda f: -_overlap(f, query))
    top = _overlap(found[0], query)
    unit = found[0].unit[-1:]  # the measure word: 5人 and 300余人 count alike
    close = [f for f in found if _overlap(f, query) >= top * 0.5 and f.unit[-1:] == unit]
    most = bool(_MOST.search(query.text))
    ranked = sorted(close, key=lambda f: -int(f.value) if most else int(f.value))
    best = ranked[0]
    word = (
        ("most" if most else "fewest") if query.language == "en" else ("最多" if most else "最少")
    )
    # runners-up from other sentences (parts of the same figure compare nothing), and from
    # other articles the figures that count the same thing (专家 … 4名专家工作站)
    others = [f for f in ranked[1:] if f.evidence != best.evidence][:1]
    text, number = _text(best), f"{best.value}{best.unit}"
    counted = tuple(  # as the sentence writes it: doctors asked, 专家 written
        dict.fromkeys(
            w
            for g in query.content
            for t in g
            if len(t) >= 2 and not any(t in e for e in query.entities)
            for w in (t, *synonyms(t))
            if w in text and counts(text, (w,), number, alike=False)
        )
    )
    at = text.find(number)
    nearest = sorted(
        counted, key=lambda t: min(abs(m.start() - at) for m in re.finditer(re.escape(t), text))
    )
    turnout = TOOK_PART.match(text, at + len(number)) if at >= 0 else None
    if turnout:  # 300余人参加: the other occasions' turnouts (200余人参加启动仪式)
        nearest.insert(0, turnout.group(0))
    rivals = {
        f.doc_id: f
        for f in sorted(found, key=lambda f: _overlap(f, query))
        if f.doc_id != best.doc_id
        and f.unit[-1:] == unit  # 300余人 against 200余人, not against 4名
        and counts(_text(f), tuple(nearest[:1]), f"{f.value}{f.unit}")
    }
    others += [f for f in rivals.values() if f not in others][: 3 - len(others)]
    # a rival counting the same thing may beat the figure that matched the question best
    best, *others = sorted([best, *others], key=lambda f: -int(f.value) if most else int(f.value))
    owner = _whose(best, derived)
    if query.language == "en":
        whose = f" — {derived.gazetteer.render(owner)} ({owner})" if owner else ""
        line = f"Answer: the {word} is {best.value} ({best.value}{best.unit}){whose}"
    else:
        whose = f",{owner}" if owner and owner not in _search_form(best.subject) else ""
        line = f"答:{word}的是{best.value}{best.unit}{whose}({best.subject})"
    return _compose(query, [(line, best), *_others(query, others)], derived)


def _whose(fact: Fact, derived: Derived) -> str:
    """The institution the figure's own clause names (胜利油田中心医院), else its sentence, in
    full or by a short form its article uses (以市妇保院为龙头: 丽水市妇幼保健院); "" when
    neither names one."""
    record = derived.manifest.get(fact.doc_id)
    told = " ".join(record.names) if record else ""  # whose place a shared short form is
    for text in (_search_form(fact.subject), _search_form(fact.evidence)):
        at = text.find(f"{fact.value}{fact.unit}")
        named = full_names(text, ORG_HEAD)
        before = [n for n, a, _ in named if a < at]  # whose figure: named before it
        if named:
            return before[-1] if before else named[0][0]
        short = derived.gazetteer.short_name_spans(text, told)
        if short:
            return short[0][2]
    return ""


def _others(query: ParsedQuery, facts: list[Fact]) -> list[tuple[str, Fact]]:
    """The runners-up a comparison was made against, each cited."""
    head = "Compared with" if query.language == "en" else "相比"
    return [
        (
            f"{head}: "
            + (
                spoken_date(f.date or "", query.language)
                if f.kind == "event"
                else f"{f.value}{f.unit}"
            ),
            f,
        )
        for f in facts
    ]


# A question about partnerships themselves: the first or latest is a row of the relations
# table, not any dated sentence (a policy notice is no partnership).
_PARTNERSHIP = re.compile(
    r"合作|协议|签约|签署|医联体|联盟|集团|支援|帮扶|托管|共建|结对|派驻|"
    r"\b(partnerships?|agreements?|cooperations?|collaborations?|alliances?|consorti(um|a)|"
    r"deals?|tie-ups?|signings?|partners?)\b",
    re.I,
)


def _first_partnership(query: ParsedQuery, derived: Derived) -> FactAnswer | None:
    """The earliest or latest partnership in the relations table (among the question's
    parties when it names any), with the next ones as runners-up; asked across all the
    articles, every dated one in order and then those no year dates."""
    firsts = _events(
        row
        for row in derived.relations.all()
        if row.relation.date
        and all(
            e in f"{row.relation.supporter}|{row.relation.supported}" for e in query.entities[:1]
        )
        and (query.year is None or row.relation.may_be_of(query.year))
    )
    if not firsts:
        return None
    latest = bool(LATEST_ASKED.search(query.text))
    ranked = sorted(firsts, key=lambda r: r.date or "", reverse=latest)
    if latest and EARLIEST_ASKED.search(query.text) and len(ranked) > 1:
        en = query.language == "en"
        ends = ((ranked[-1], "Earliest" if en else "最早"), (ranked[0], "Latest" if en else "最新"))
        lines = [  # the first and the latest, both asked: each answers, under its own label
            (
                _partnership_line(query, r, derived, True).replace(
                    "Answer" if en else "答", query.in_script(label), 1
                ),
                _as_fact(r),
            )
            for r, label in ends
        ]
        return _compose(query, lines, derived)
    # asked across all the articles: every dated one in order, and those no year dates
    across = not query.entities and query.year is None
    lines = [
        (_partnership_line(query, r, derived, i == 0), _as_fact(r))
        for i, r in enumerate(ranked if across else ranked[:3])
    ]
    return _compose(query, lines + (_undated(query, derived) if across else []), derived)


def _events(rows: Iterable[RelationRow]) -> list[Relation]:
    """One partnership per article and date: the pair its title names stands for the event
    (not the fifth member of a list)."""
    best: dict[str, tuple[int, Relation]] = {}
    for row in rows:
        r = row.relation
        title = _search_form(row.title)
        named = sum(any(f in title for f in (n, *aliases(n))) for n in (r.supporter, r.supported))
        key = f"{r.doc_id}|{r.date}"
        if key not in best or named > best[key][0]:
            best[key] = (named, r)
    return [r for _, r in best.values()]


def _undated(query: ParsedQuery, derived: Derived) -> list[tuple[str, Fact]]:
    """A line for each article's partnership that no dated row places: it may be the first
    or the latest, and the reader is told it cannot be ranked."""
    rows = derived.relations.all()
    dated = {row.relation.doc_id for row in rows if row.relation.date}
    label = "No year given:" if query.language == "en" else "未写年份:"
    return [
        (_partnership_line(query, r, derived, False, label), _as_fact(r))
        for r in _events(row for row in rows if row.relation.doc_id not in dated)
    ]


def _as_fact(r: Relation) -> Fact:
    return Fact("event", r.doc_id, r.evidence, r.supporter, org=r.supported, date=r.date)


def _partnership_line(
    query: ParsedQuery, r: Relation, derived: Derived, best: bool, label: str = ""
) -> str:
    """'Answer: <date> — A and B, kind'; `label` in place of the head and date (未写年份:)."""
    render = derived.gazetteer.render
    if query.language == "en":
        head = (
            label
            or f"{'Answer:' if best else 'Compared with:'} {spoken_date(r.date or '', 'en')} —"
        )
        return (
            f"{head} {render(r.supporter)} ({r.supporter}) and "
            f"{render(r.supported)} ({r.supported}), {kinds.english(r.kind)}"
        )
    head = label or f"{'答:' if best else '相比:'}{spoken_date(r.date or '', 'zh')},"
    return f"{head}{r.supporter}与{r.supported}({r.kind_written})"


def _dated(query: ParsedQuery, derived: Derived) -> FactAnswer | None:
    if (
        query.intent == "earliest_latest"
        and len(query.entities) <= 1
        and _PARTNERSHIP.search(query.bridged or query.text)
    ):
        found = _first_partnership(query, derived)
        if found is not None:
            return found
    events = [
        f
        for f in derived.facts
        if f.kind == "event"
        and f.date
        and _about(f, query, derived)
        and (query.year is None or f.date.startswith(str(query.year)))
    ]
    if not events:
        return None
    scored = sorted(events, key=lambda f: -_overlap(f, query))
    top = _overlap(scored[0], query)
    if query.intent == "when" and (
        top == 0 or not holds_rarest(query, _text(scored[0]), derived.lexical)
    ):
        return None  # no dated sentence says what is asked: the sentences may, or none
    close = (
        [f for f in scored if _overlap(f, query) >= top]
        if query.intent == "when"
        else [f for f in scored if _overlap(f, query) >= top * 0.5]
    )
    latest = bool(LATEST_ASKED.search(query.text))
    ranked = sorted(close, key=lambda f: f.date or "", reverse=latest)
    best = ranked[0]
    line = _date_line(query, best, derived)
    others = _others(query, ranked[1:3]) if query.intent == "earliest_latest" else []
    return _compose(query, [(line, best), *others], derived)


_ROUTES = {
    "who": _who,
    "count": _count,
    "superlative": _extreme,
    "earliest_latest": _dated,
    "when": _dated,
    "yesno": _role_check,
}
