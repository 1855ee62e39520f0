"""Questions asked of each of several parties ("丽水和莘县这两场活动各来了多少人", "what kind
of arrangement is each one?"), answered one party at a time by the same engine.

The routes answer some of these themselves (a table's rows for each party, people
introduced one by one). Where the engine's answer speaks of only some of the parties, or
refuses, the question is split: one question per party, each naming that party alone
and asking what the whole asked (how many, who, what kind), and the answers are joined,
each under its party's name, their citations numbered on.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import NamedTuple

from assistant.lexicon.gazetteer import Gazetteer
from assistant.lexicon.questions import (
    CLAUSE_BREAK,
    CONJUNCTION,
    DISTRIBUTIVE,
    EACH_ARTICLE,
    INTENTS,
    QUESTION_WORD,
    TOTAL_ASKED,
    choice_asked,
    intent_of,
)
from assistant.qa.analyze import ParsedQuery, parse
from assistant.qa.articles import naming, searchable_texts
from assistant.qa.evidence import name_forms
from assistant.qa.facts import asks, named_parties, renumber
from assistant.store.derived import Derived
from assistant.textnorm import to_search_form
from assistant.types import Answer, Article, Citation

_WORD = re.compile(r"[A-Za-z0-9\u3400-\u9fff]")
_STOP = re.compile(r"[,,、;;::??!!。\s]")
_BOTH = re.compile(r"(?<![成首京])都|(?<!平)均|同样")


@dataclasses.dataclass(frozen=True)
class Party:
    names: tuple[str, ...]  # an institution, or the names of one occasion
    # the question as asked of this party alone, where the question's wording can be cut
    # by party (Chinese: 麗水醫聯體啟動 + ,分別是哪一年); else "" and its names are cut out
    asked: str = ""
    # the party's own question, where the question asks one of each (谁签的?谁念的?)
    question: ParsedQuery | None = None
    # its own stretch of the question, between joining words (東營兩院融合匯報會)
    words: str = ""


def parties(query: ParsedQuery, gazetteer: Gazetteer) -> list[Party]:
    """The institutions and places a question asks the same thing of (outermost names
    only, in the order it names them); none unless it asks of each (分别, each, compare).
    Names that no joining word parts are one party: 麗水醫聯體啟動跟勝利油田派專家到東營二院
    compares the Lishui launch with one occasion of two institutions."""
    everyone = named_parties(query)
    if len(everyone) < 2:
        return _nested(query, gazetteer)
    own = _own_questions(query, gazetteer, everyone)
    if own:
        return own
    if not (asks_each(query) or totals(query)):
        return []
    # people are parties only where joining words part them (冯世庆说的…跟乐陵王静讲的…)
    named = [e for e in everyone if gazetteer.names.get(e) != "person"]
    alone = [Party((e,)) for e in named] if len(named) >= 2 else []
    spans = gazetteer.name_spans(query.text)
    grouped = []
    for start, end in _pieces(query.text, spans):
        said = parse(query.text[start:end], gazetteer).entities
        party = tuple(e for e in everyone if any(e in s or s in e for s in said))
        names = [(a, b) for a, b in spans if start <= a < end]
        if party:
            grouped.append(_Piece(party, start, end, names))
    if len(grouped) < 2 or sorted(e for p in grouped for e in p.names) != sorted(everyone):
        return alone
    return _in_words(query, grouped)


def _in_words(query: ParsedQuery, grouped: list[_Piece]) -> list[Party]:
    """The parties of the pieces, each asked in its own words where the question's Chinese
    can be cut by party; else each with its stretch of the question."""
    if query.language == "en" or not grouped[0].spans or not grouped[-1].spans:
        return [Party(p.names, words=query.text[p.start : p.end]) for p in grouped]
    return _worded(query.text, grouped)


# Intents whose routes choose between the parties themselves (哪个先签约, 哪边人多).
_RANKING = frozenset({"earliest_latest", "superlative"})


def asks_each(query: ParsedQuery) -> bool:
    """Whether the question asks the same of each party it names (分别, compare), or asks
    which of them (哪边是院长亲自出席) where no route ranks them."""
    choice = query.intent not in _RANKING and choice_asked(query.text)
    return bool(DISTRIBUTIVE.search(query.text) or choice) or query.intent == "compare"


def _nested(query: ParsedQuery, gazetteer: Gazetteer) -> list[Party]:
    """Parties that joining words part though one's name holds the other's (東營兩院融合匯報會
    跟市二院那場歡迎儀式: 东营 and 东营市第二人民医院), each its stretch's own names, asked in
    its own words."""
    if not asks_each(query):
        return []
    spans = gazetteer.name_spans(query.text)
    grouped = []
    for start, end in _pieces(query.text, spans):
        own = tuple(named_parties(parse(query.text[start:end], gazetteer)))
        if own:
            written = [(a, b) for a, b in spans if start <= a < end]
            grouped.append(_Piece(own, start, end, written))
    names = [n for p in grouped for n in p.names]
    held = any(a != b and a in b for a in names for b in names)  # one name holds another
    if len(grouped) < 2 or len(set(names)) != len(names) or not held:
        return []
    return _in_words(query, grouped)


def _own_questions(query: ParsedQuery, gazetteer: Gazetteer, everyone: list[str]) -> list[Party]:
    """The parties of a question that is two or more questions, each asking of its own party
    (莘县协议是谁签的?东营那边文件是谁念的?; who chaired A and who emceed B): each its own
    question. None unless every clause asks something and names parties no other names."""
    clauses = [query.text[a:b] for a, b in _stretches(query.text, CLAUSE_BREAK)]
    if len(clauses) < 2:
        return []
    english = query.language == "en"
    found = []
    for clause in clauses:
        asked = parse(clause, gazetteer)
        names = tuple(e for e in everyone if any(e in s or s in e for s in asked.entities))
        asks = intent_of(clause, english) is not None or bool(QUESTION_WORD.search(clause))
        own = [g for g in asked.content if not any(t in n or n in t for t in g for n in names)]
        if names and asks and own:
            found.append(Party(names, clause, asked, clause))
        elif asks or names:
            # a question of no party (后者派了多少), one asking only who (and who at B?) or
            # nothing (丽水那次呢) leans on the others: no question of its own
            return []
    # a clause that names no party and asks nothing (compare pls, same person?) adds nothing
    named = [n for p in found for n in p.names]
    return found if len(found) >= 2 and len(set(named)) == len(named) else []


class _Piece(NamedTuple):
    names: tuple[str, ...]  # the party's names
    start: int  # its stretch of the question, between joining words
    end: int
    spans: list[tuple[int, int]]  # where the stretch writes a name


def _worded(text: str, grouped: list[_Piece]) -> list[Party]:
    """Each party asked in its own words. The words before the first party's names are the
    question's own; so are those after the last one's names, up to a stop and beyond it,
    unless each party has words of its own (于小千在东营看的科室 跟 刘海永在乐陵参观的地方)."""
    first, last = grouped[0], grouped[-1]
    begin = min(a for a, _ in first.spans)
    stop = _STOP.search(text, max(a for a, _ in last.spans), last.end)
    asks_on = bool(stop and _WORD.search(text, stop.end()))
    finish = stop.start() if stop and asks_on else max(b for _, b in last.spans)
    own = text[max(b for _, b in first.spans) : first.end]  # the first party's own words
    parallel = not asks_on and len(_WORD.findall(own)) >= 2
    # what the last party's words say of all (丽水那次跟莘县那次都有揭牌) is asked of each
    after = max(b for _, b in last.spans)
    shared = DISTRIBUTIVE.search(text, after) if parallel else None
    if shared:  # …跟…欢迎仪式分别是什么时候: what follows 分别 is asked of each
        parallel, finish = False, shared.start()
    both = _BOTH.search(text, after, finish) if not parallel else None
    if both:
        finish = both.start()
    tail = "" if parallel else text[finish:]
    extents = [(max(p.start, begin), min(p.end, finish)) for p in grouped]
    if parallel:
        extents[-1] = (extents[-1][0], last.end)
    return [
        Party(p.names, text[:begin] + text[a:b] + tail, words=text[a:b])
        for p, (a, b) in zip(grouped, extents, strict=True)
    ]


def totals(query: ParsedQuery) -> bool:
    """Whether a count question asks for the total of its parties' figures."""
    return query.intent == "count" and bool(TOTAL_ASKED.search(query.text))


def total_line(query: ParsedQuery, labelled: list[tuple[str, Answer]]) -> str | None:
    """The parties' figures added up (200余人 + 300余人 → about 500), from the first figure
    each answer gives; None unless each gives one in one unit."""
    firsts = [part.text.splitlines()[0] if part.text else "" for _, part in labelled]
    quotes = [part.citations[0].quote if part.citations else "" for _, part in labelled]
    if len(set(quotes)) < len(quotes):
        return None  # one sentence's figure for two parties (a sender and its receiver)
    found = [_FIGURE.search(line) for line in firsts]
    if not all(found) or len({m.group(3) for m in found if m}) != 1:
        return None
    figures = [m for m in found if m]
    total = sum(int(m.group(1)) for m in figures)
    about = any(m.group(2) for m in figures)
    shown = " + ".join(m.group() for m in figures)
    if query.language == "en":
        return f"Combined: {'about ' if about else ''}{total} ({shown})"
    return query.in_script(f"合计:{'约' if about else ''}{total}{figures[0].group(3)}({shown})")


_FIGURE = re.compile(r"(\d+)(余|多)?([人名家个位项])")


def _pieces(text: str, names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of `text` between joining words that hold a word; a joining word
    within a name (卫生和计划生育委员会) joins nothing."""
    return _stretches(text, CONJUNCTION, names)


def _stretches(
    text: str, breaks: re.Pattern[str], names: list[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """The stretches of `text` between matches of `breaks` (none within `names`) that hold
    a word: the pieces between joining words, the clauses between questions."""
    cuts = [0, len(text)]
    for m in breaks.finditer(text):
        if not any(a <= m.start() < b for a, b in names or []):
            cuts[-1:-1] = m.span()
    return [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=True) if _WORD.search(text[a:b])]


def _own_forms(name: str, names: list[str]) -> list[str]:
    """The forms of `name` that no other of `names` shares (市人民医院 is 东营's and 乐陵's)."""
    shared = {f for other in names if other != name for f in name_forms(other)}
    return [f for f in name_forms(name) if f not in shared and not any(f in o for o in shared)]


def speaks_of_all(answer: Answer, each: list[Party]) -> bool:
    """Whether an answer names every party (by a form of its own), in its text or quotes."""
    said = to_search_form(answer.text)
    names = [n for party in each for n in party.names]
    return all(any(f in said for n in party.names for f in _own_forms(n, names)) for party in each)


def one_party(query: ParsedQuery, party: Party, others: list[Party]) -> ParsedQuery:
    """The question as asked of `party` alone: the other parties' names (or their whole
    wording) and the words that asked of each are gone, and a comparison asks what it
    compares (how many, who, when)."""
    if party.question:
        return party.question
    everyone = [*party.names, *(n for o in others for n in o.names)]
    gone = {f for o in others for n in o.names for f in _own_forms(n, everyone)}
    text = DISTRIBUTIVE.sub(" ", party.asked or query.text)
    for form in sorted(gone, key=len, reverse=True):
        text = text.replace(form, " ")

    def keep(group: tuple[str, ...]) -> bool:
        if party.asked and not any(t in text for t in group):
            return False  # another party's words (派专家 of the other occasion)
        return not any(t in gone or any(t in f for f in gone if len(t) >= 2) for t in group)

    def its(name: str) -> bool:  # not another party's very name (东营 within 东营市第二…)
        named = any(name in o.names for o in others)
        return (_its(name, party) and not named) or not _its_any(name, others)

    return dataclasses.replace(
        _narrowed(query, text, keep),
        entities=tuple(e for e in query.entities if its(e)),
        people=tuple(e for e in query.people if its(e)),
    )


def _narrowed(
    query: ParsedQuery, text: str, keep: Callable[[tuple[str, ...]], bool]
) -> ParsedQuery:
    """The question asked of a part: its words `text`, the word groups `keep` holds, and
    the intent each part is asked (a comparison asks what it compares)."""
    intent, answer_type = _asked(query)
    return dataclasses.replace(
        query,
        text=text,
        intent=intent,
        answer_type=answer_type,
        groups=tuple(g for g in query.groups if keep(g)),
        content=tuple(g for g in query.content if keep(g)),
    )


def _asked(query: ParsedQuery) -> tuple[str, str]:
    """The intent and answer type asked of each party: a comparison asks what it compares."""
    if query.intent != "compare":
        return query.intent, query.answer_type
    asked = next(
        (i for i in INTENTS if i.name not in ("compare", "yesno") and asks(i, query)), None
    )
    return (asked.name, asked.answer_type) if asked else ("what", "")


def own_article(party: Party, derived: Derived, text_of: Callable[[str], str]) -> set[str] | None:
    """The one article a party's own words pick among the several its names pick: 東營兩院
    融合匯報會 is the Dongying integration piece, not the No.2 hospital's, though both name
    东营. None where its names pick one article, or its words no single best one."""
    docs = naming(party.names, derived, text_of)
    if len(docs) < 2 or not party.words:
        return None
    said = parse(party.words, derived.gazetteer).content
    groups = [g for g in said if not any(t in n or n in t for t in g for n in party.names)]
    texts = searchable_texts(derived, text_of)
    scores = {d: sum(any(t in texts[d] for t in g) for g in groups) for d in docs}
    best = max(scores.values())
    top = [d for d in docs if scores[d] == best]
    return set(top) if best and len(top) == 1 else None


def articles_asked(
    query: ParsedQuery, derived: Derived, text_of: Callable[[str], str]
) -> list[str]:
    """The articles a question asks the same of (东营那两篇…分别, both Dongying stories): those
    its names pick, two to four of them; none where it asks which articles or their dates."""
    if not EACH_ARTICLE.search(query.text) or query.scope in ("author", "published", "count"):
        return []
    if query.scope == "which" and query.intent == "which":
        return []
    names = [e for e in named_parties(query) if derived.gazetteer.names.get(e) != "person"]
    places = [e for e in names if derived.gazetteer.names.get(e) == "place"]
    for picking in (names, places):
        docs = naming(tuple(picking), derived, text_of) if picking else []
        if 2 <= len(docs) <= _MOST_ARTICLES:
            return docs
    return []


_MOST_ARTICLES = 4


def one_article(query: ParsedQuery) -> ParsedQuery:
    """The question as asked of one article: without the words that asked of each."""
    text = EACH_ARTICLE.sub(" ", DISTRIBUTIVE.sub(" ", query.text))
    english = bool(query.bridged)  # its groups are bridged terms, not words of its text

    def keep(group: tuple[str, ...]) -> bool:
        return english or any(t in text for t in group)

    return dataclasses.replace(_narrowed(query, text, keep), scope="")


def article_label(query: ParsedQuery, article: Article) -> str:
    title = article.title if len(article.title) <= 40 else article.title[:39] + "…"
    dated = f", {article.date}" if article.date else ""
    return f"“{title}”{dated}" if query.language == "en" else f"《{title}》{dated}"


def _its(name: str, party: Party) -> bool:
    """Whether `name` is one of the party's names or within one (东营 of 东营市第二人民医院)."""
    return any(name in n for n in party.names)


def _its_any(name: str, others: list[Party]) -> bool:
    return any(_its(name, o) for o in others)


def join(
    question: str,
    labelled: list[tuple[str, Answer]],
    standalone: str,
    timings: dict[str, float],
    head: str | None = None,
) -> Answer:
    """The parties' answers as one, each under its label, citations numbered on; `head`
    (a total) first."""
    lines: list[str] = [head] if head else []
    citations: list[Citation] = []
    for label, part in labelled:
        shift = len(citations)
        lines.append(f"{label}:")
        lines += ["  " + renumber(line, shift) for line in part.text.splitlines()]
        citations += [dataclasses.replace(c, n=c.n + shift) for c in part.citations]
    backends = {part.backend for _, part in labelled}
    backend = backends.pop() if len(backends) == 1 else "parties"
    notices = tuple(dict.fromkeys(n for _, part in labelled for n in part.notices))
    return Answer(
        question, "\n".join(lines), tuple(citations), False, standalone, backend, notices, timings
    )
