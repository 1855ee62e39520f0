"""Answers about the articles themselves: how many articles speak of something, which ones,
what each one reports, and when one was published.

A question takes this path when the analyzer reads an article scope in it (几篇, 哪篇文章,
总结这五篇文章, 那篇什么时候发的; how many articles, which stories, summarize the articles,
when was it published). The articles that qualify are those whose text names every entity
of the question and at least half of its other content words; each is listed with its
title, date and outlet, and cited with the sentence that matched (or its lead).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import jieba

from assistant.lexicon import kinds
from assistant.lexicon.gazetteer import Gazetteer, in_order
from assistant.lexicon.glossary import MONTHS, spoken_date
from assistant.lexicon.questions import (
    ARTICLE_NOUN,
    DESCRIBES,
    DISTRIBUTIVE,
    EARLIEST_ASKED,
    EVENT_HELD,
    FILLERS_ZH,
    LATEST_ASKED,
    LISTED_END,
    PERSON_ASKED,
    SAME_DAY,
    SPEAKS,
    SPEECH_ASKED,
    alternatives,
)
from assistant.lexicon.roles import ROLE_WORDS
from assistant.lexicon.synonyms import synonyms
from assistant.qa.analyze import ParsedQuery
from assistant.qa.evidence import excerpt, people, split_sentences
from assistant.store.derived import Derived
from assistant.store.schema import DocRecord
from assistant.textnorm import days_between, sentence_spans, to_search_form
from assistant.types import Article, Citation

# Words of a question about articles that ask rather than name what the article is about.
_ASKING = re.compile(
    r"^(?:\d+|[几两三四五六七八九十]+|篇|文章|篇文章|报道|报导|新闻|讲|说|写|提到|提及|涉及|有关|相关|"
    r"关于|内容|主要|分别|各自|每篇|发布|发表|发|刊登|总结|概括|介绍)$"
)


@dataclass(frozen=True)
class Match:
    article: Article
    quote: str  # the sentence that matched, in the article's own script (else its lead)
    names: tuple[str, ...]  # the article's names that hold a content word (妇幼保健院 …)


def answer(
    query: ParsedQuery, derived: Derived, text_of: Callable[[str], str]
) -> tuple[str, list[Citation]] | None:
    """The answer to an article-scope question, or None when the question has no such
    scope. `text_of(doc_id)` gives a document's text in its own script."""
    if not query.scope:
        return None
    if query.scope == "rank":
        return _ranked_places(query, derived)
    matches = _matching(query, derived, text_of)
    if query.scope == "published":
        return _published(query, matches, derived)
    if query.scope == "author":
        return _authors(query, matches)
    render = derived.gazetteer.render
    return _listed(query, matches, query.scope == "count", render)


# A sentence that opens with its day: 6月17日下午, 3月17日, 2024年4月28日
_OPENS_DATED = re.compile(r"\s*((?:\d{4}年)?\d{1,2}月\d{1,2}(?:-\d{1,2})?日[上下中]?午?)")


def sequence(
    query: ParsedQuery, derived: Derived, text_of: Callable[[str], str]
) -> tuple[str, list[Citation]] | None:
    """What came first and what followed within one event ("于小千在东营先干的啥", "what
    happened first during the visit"): the article that names every entity of the question,
    its sentences that open with a day, in the article's order. A span of days (6月17-18日)
    frames the visit; the single days are its steps."""
    if query.intent != "earliest_latest" or not query.entities:
        return None
    docs = naming(query.entities, derived, text_of)
    if len(docs) != 1:
        return None
    article = derived.manifest[docs[0]].article
    original = text_of(docs[0])
    steps = [
        (m.group(1), sentence)
        for a, b in sentence_spans(original, whole=True)
        if (m := _OPENS_DATED.match(sentence := original[a:b].strip()))
    ]
    single = [(day, s) for day, s in steps if "-" not in day]
    steps = single if len(single) >= 2 else steps
    if len(steps) < 2:
        return None
    citations = [
        Citation.of_article(n, article, s, 1.0, f"{article.doc_id}#step")
        for n, (_, s) in enumerate(steps[:4], 1)
    ]
    if query.language == "en":
        lines = [f"In the article's order ({len(citations)} dated steps):"]
        lines += [
            f"{n}. {english_day(day)}: {excerpt(s, [day], 90)} [{n}]"
            for n, (day, s) in enumerate(steps[:4], 1)
        ]
    else:
        lines = [query.in_script(f"答:按文章的顺序,共{len(citations)}步:")]
        lines += [f"{n}. {excerpt(s, [day], 90)} [{n}]" for n, (day, s) in enumerate(steps[:4], 1)]
    return "\n".join(lines), citations


_PART_OF_DAY = {"上午": " (morning)", "下午": " (afternoon)", "中午": " (noon)"}


def english_day(day: str) -> str:
    """6月17日下午 → June 17 (afternoon)."""
    m = re.search(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2}(?:-\d{1,2})?)日", day)
    if not m or not 1 <= int(m.group(2)) <= 12:
        return day
    year = f", {m.group(1)}" if m.group(1) else ""
    part = next((v for k, v in _PART_OF_DAY.items() if day.endswith(k)), "")
    return f"{MONTHS[int(m.group(2)) - 1].capitalize()} {m.group(3)}{year}{part}"


def _terms(query: ParsedQuery) -> list[tuple[str, ...]]:
    """The content groups that say what the articles must be about."""
    return [
        g
        for g in query.content
        if any(len(t) >= 2 for t in g)
        and not all(_ASKING.match(t) or ARTICLE_NOUN.fullmatch(t) for t in g)
        and not any(in_order(t, e) or e in t for t in g for e in query.entities)
    ]


def searchable(article: Article, text: str) -> str:
    """An article's title, outlet and text in search form: what a question's names are
    looked up in. Kept per article version, since every question about the articles, and
    every check for a name no article writes, reads all of them."""
    return _searchable(article.title, article.source or "", text)


def searchable_texts(derived: Derived, text_of: Callable[[str], str]) -> dict[str, str]:
    """Every committed article's searchable text, by id."""
    return {d: searchable(r.article, text_of(d)) for d, r in derived.manifest.items()}


def naming(entities: tuple[str, ...], derived: Derived, text_of: Callable[[str], str]) -> list[str]:
    """The articles whose title, outlet or text names every one of `entities`."""
    return [
        d
        for d, text in searchable_texts(derived, text_of).items()
        if all(e in text for e in entities)
    ]


@lru_cache(maxsize=4096)
def _searchable(title: str, outlet: str, text: str) -> str:
    return to_search_form(f"{title}\n{outlet}\n{text}")


def _matching(query: ParsedQuery, derived: Derived, text_of: Callable[[str], str]) -> list[Match]:
    # which article a byline or a date is asked of: its entities say; the rest only asks
    groups = [] if query.scope in ("author", "published") and query.entities else _terms(query)
    # the Lishui piece and the Laoling piece; which came out first, A or B
    each = DISTRIBUTIVE.search(query.text) or query.intent == "earliest_latest"
    found = []
    for doc_id, record in derived.manifest.items():
        original = text_of(doc_id)
        article = record.article
        text = searchable(article, original)
        if query.entities and not (any if each else all)(e in text for e in query.entities):
            continue
        hits = [g for g in groups if any(t in text for t in g)]
        if groups and len(hits) * 2 < len(groups):
            continue
        words = [t for g in hits for t in g] + list(query.entities)
        names = tuple(
            n
            for n, kind in record.names.items()
            if kind not in ("person", "place")
            and any(w in n for w in words if len(w) >= 2)
            and n in text
        )
        found.append(Match(record.article, _sentence(original, words, query.literals), names))
    return sorted(found, key=lambda m: (m.article.date or "", m.article.doc_id))


def _sentence(original: str, words: list[str], literals: tuple[str, ...] = ()) -> str:
    """The first sentence writing a term the question quotes, else naming the most of
    `words`; the lead when none does."""
    sentences = [s for s in split_sentences(original) if len(s) >= 8]
    if not sentences:
        return original[:120]

    def held(s: str) -> tuple[bool, int]:
        search = to_search_form(s)
        return any(t in search.lower() for t in literals), sum(w in search for w in words)

    scored = [(*held(s), -i, s) for i, s in enumerate(sentences)]
    best = max(scored)
    return best[3] if best[0] or best[1] else sentences[0]


def _cite(matches: list[Match]) -> list[Citation]:
    return [
        Citation.of_article(n, m.article, m.quote, 1.0, f"{m.article.doc_id}#article")
        for n, m in enumerate(matches, 1)
    ]


def _line(query: ParsedQuery, n: int, m: Match, render: Callable[[str], str]) -> str:
    a = m.article
    where = ", ".join(x for x in (a.date, a.source) if x)
    names = "、".join(m.names[:4])
    if query.language == "en":
        english = "; ".join(f"{render(x)} ({x})" for x in m.names[:4])
        extra = f" — names {english}" if names else ""
        return f"- “{a.title}” ({where}){extra} [{n}]"
    extra = f"{query.in_script(',涉及')}{names}" if names else ""
    return f"- 《{a.title}》({where}){extra} [{n}]"


def _listed(
    query: ParsedQuery, matches: list[Match], count: bool, render: Callable[[str], str]
) -> tuple[str, list[Citation]]:
    en = query.language == "en"
    if not matches:
        text = "None of the articles speaks of that." if en else "没有一篇文章讲到这一点。"
        return query.in_script(text), []
    n = len(matches)
    plural = f"{n} article{'s' if n > 1 else ''}:"
    head = (
        (f"Answer: {plural}" if count else plural)
        if en
        else (f"答:{n}篇:" if count else f"共{n}篇文章:")
    )
    lines = [query.in_script(head), *(_line(query, i, m, render) for i, m in enumerate(matches, 1))]
    citations = _cite(matches)
    quoting = any(  # what each says of a term quoted
        t in to_search_form(c.quote).lower() for c in citations for t in query.literals
    )
    if query.scope == "summary":  # each article's sentence, whole
        lines += [f"{c.quote} [{c.n}]" for c in citations]
    elif quoting:  # around the term quoted
        lines += [f"{excerpt(c.quote, list(query.literals), 160)} [{c.n}]" for c in citations]
    return "\n".join(lines), citations


def _authors(query: ParsedQuery, matches: list[Match]) -> tuple[str, list[Citation]] | None:
    """Who reported each matching article: the byline kept in its metadata."""
    signed = [m for m in matches if m.article.author]
    if not signed or len(signed) > 3:
        return None
    citations = _cite(signed)
    en = query.language == "en"
    lines = [
        f"{'Reported by' if en else query.in_script('答:记者')} {m.article.author}"
        f"{(' — “' + m.article.title + '”') if en else '(《' + m.article.title + '》)'} [{i}]"
        for i, m in enumerate(signed, 1)
    ]
    return "\n".join(lines), citations


_PROVINCE = re.compile(r"省|province", re.I)
_CITY = re.compile(r"市|城市|\bcit(y|ies)\b", re.I)


def _ranked_places(query: ParsedQuery, derived: Derived) -> tuple[str, list[Citation]] | None:
    """Which province or city the most articles are about: each place counted once per
    article that names it (山东省 and 山东 are one place)."""
    level = "省" if _PROVINCE.search(query.text) else "市" if _CITY.search(query.text) else ""
    if not level:
        return None
    names = {n for r in derived.manifest.values() for n in r.names}
    places = {n[: -len(level)] for n in names if n.endswith(level) and len(n) >= 3}
    seen: dict[str, list[Article]] = {}
    for record in derived.manifest.values():
        text = to_search_form(f"{record.article.title}\n{' '.join(record.names)}")
        for place in places:
            if place in text:
                seen.setdefault(place, []).append(record.article)
    if not seen:
        return None
    fewest = bool(re.search(r"最少|\b(fewest|least)\b", query.text, re.I))
    place, docs = sorted(seen.items(), key=lambda kv: len(kv[1]) * (1 if fewest else -1))[0]
    citations = [
        Citation.of_article(n, a, a.title, 1.0, f"{a.doc_id}#article")
        for n, a in enumerate(docs, 1)
    ]
    refs = " ".join(f"[{c.n}]" for c in citations)
    if query.language == "en":
        text = (
            f"Answer: {derived.gazetteer.render(place)} ({place}), in {len(docs)} articles {refs}"
        )
    else:
        text = query.in_script(f"答:{place}{level},共{len(docs)}篇") + f" {refs}"
    return text, citations


def _published(
    query: ParsedQuery, matches: list[Match], derived: Derived
) -> tuple[str, list[Citation]] | None:
    dated = [m for m in matches if m.article.date]
    if not dated:
        return None
    # which came out first of the ones named: all of them, the answer first
    named = len(query.entities) >= 2 and len(dated) <= len(query.entities)
    if LATEST_ASKED.search(query.text):
        dated = dated[::-1] if named else dated[-1:]
    elif EARLIEST_ASKED.search(query.text):
        dated = dated if named else dated[:1]
    citations = _cite(dated)
    if query.language == "en":
        lines = [
            f"Published {spoken_date(m.article.date or '', 'en')}"
            f"{' by ' + m.article.source if m.article.source else ''}:"
            f" “{m.article.title}” [{i}]"
            for i, m in enumerate(dated, 1)
        ]
    else:
        said = query.in_script("发布")
        lines = [
            f"答:{spoken_date(m.article.date or '', 'zh')}"
            f"{'由' + m.article.source if m.article.source else ''}{said},"
            f"《{m.article.title}》[{i}]"
            for i, m in enumerate(dated, 1)
        ]
    lag = (
        _reported_after(query, dated[0].article, derived, len(citations) + 1)
        if len(dated) == 1 and (query.gap or SAME_DAY.search(query.text) or _event_asked(query))
        else None
    )
    if lag is not None:  # how long after its event the article came out; first, if asked
        lines.insert(0 if query.intent == "yesno" else len(lines), lag[0])
        citations.append(lag[1])
    return "\n".join(lines), citations


def _event_asked(query: ParsedQuery) -> bool:
    """Whether a question about when an article came out also asks when its event was held
    (欢迎仪式是几号办的?稿子又是几号发出来的?)."""
    text = query.bridged if query.language == "en" else query.text
    return bool(EVENT_HELD.search(text)) and query.intent == "when"


def _reported_after(
    query: ParsedQuery, article: Article, derived: Derived, n: int
) -> tuple[str, Citation] | None:
    """The day of the partnership an article reports and how many days later it came out."""
    rows = [  # a date the article states for the event, not its publication date put in
        r.relation
        for r in derived.relations.all()
        if r.relation.doc_id == article.doc_id
        and r.relation.date
        and r.relation.date_kind == "event"
    ]
    if not rows:
        return None
    event = min(rows, key=lambda r: r.date or "")
    days = days_between(event.date or "", article.date or "")
    if days is None:
        return None
    cite = Citation.of_article(n, article, event.evidence, 1.0, f"{article.doc_id}#event")
    when = spoken_date(event.date or "", "en" if query.language == "en" else "zh")
    yes = query.intent == "yesno" and bool(SAME_DAY.search(query.text))  # the same day?
    if query.language == "en":
        later = "the same day" if days == 0 else f"{days} day{'s' * (days != 1)} later"
        verdict = ("Yes — " if days == 0 else "No — ") if yes else ""
        held = f"{verdict}the event was on {when} [{n}]"
        return f"{held[0].upper()}{held[1:]}; the article came out {later}.", cite
    later = "当天" if days == 0 else f"过了{days}天"
    verdict = ("是的," if days == 0 else "不是,") if yes else ""
    return query.in_script(f"{verdict}活动在{when}[{n}],文章{later}发布。"), cite


# what a person said or told (鲍建强如何概括, 冯世庆介绍…时, what did X say): a speaking verb
# soon after the person's name; 整体情况说一下 asks the reader for a telling
_SAID = re.compile(
    SPEECH_ASKED.pattern + "|" + SPEAKS.pattern + r"|概括|提到|提出|[说讲谈]"
    r"|\b(?:say|said|says|told|mention(?:ed)?)\b",
    re.I,
)
_OBJECT_MARKS = set("对向为给与和跟同")  # 对刘海永一行的到来: he is spoken to, not speaking
_SAID_AFTER = 3  # characters between the speaker and the verb (刘海永在乐陵说, 鲍建强如何概括)
_TO_READER = re.compile(r"一下|呗|吧|[说讲谈]{2}")  # 整体情况说一下呗, 讲讲: asked of the reader


def _what_said(query: ParsedQuery) -> bool:
    """Whether the question asks what a person or an officer said (鲍建强如何概括, 院长在莘县
    说了啥, what did Wang Guojing say): their words, no overview of the article."""
    if query.language == "en":
        return bool(query.people) and bool(_SAID.search(query.text))
    text = query.text
    ends = [at + len(p) for p in query.people if (at := text.find(p)) >= 0]
    ends += [m.end() for m in ROLE_WORDS.finditer(text)]
    for end in ends:
        m = _SAID.search(text, end, end + _SAID_AFTER + 4)
        if m is None or m.start() - end > _SAID_AFTER:
            continue
        if not (_TO_READER.match(text, m.start()) or _TO_READER.match(text, m.end())):
            return True
    return False


_DIGEST_ARTICLES = 2  # an overview names one partnership's article, or each of two
_CROWD = re.compile(r"[、,,]")  # many of them make an attendee list, no description


def digest(
    query: ParsedQuery, derived: Derived, text_of: Callable[[str], str]
) -> tuple[str, list[Citation]] | None:
    """An overview of the article the question's names pick (or of each of two): its title
    and date, the partnerships it reports, then what it says of them, in its own order: the
    lead, who speaks, the term it coins, and the sentences that describe (a model, what
    was set up, a first, a figure). None when the names pick no article or more than two,
    name only people, or ask what a person or an officer said (their words are no overview
    of the article; where they went is)."""
    # a comparison of two articles ("东营那两篇有啥区别", how do the two stories differ)
    # sets each one's digest side by side
    articles_compared = bool(query.intent == "compare" and ARTICLE_NOUN.search(query.text))
    if not (query.intent == "overview" or articles_compared) or not query.entities:
        return None
    texts = searchable_texts(derived, text_of)
    if articles_compared:  # "the Yu Xiaoqian article and the Shengli article": one each
        picked = [[d for d, t in texts.items() if e in t] for e in query.entities]
        docs = list(dict.fromkeys(p[0] for p in picked if len(p) == 1))
        if len(docs) != 2:
            docs = [d for d, t in texts.items() if all(e in t for e in query.entities)]
        if len(docs) != 2:
            return None
    elif len(query.people) == len(query.entities) or _what_said(query):
        return None
    else:
        docs = [d for d, t in texts.items() if all(e in t for e in query.entities)]
    if not 1 <= len(docs) <= _DIGEST_ARTICLES:
        return None
    lines: list[str] = []
    citations: list[Citation] = []
    for doc_id in sorted(docs, key=lambda d: derived.manifest[d].article.date or ""):
        article = derived.manifest[doc_id].article
        where = ", ".join(x for x in (article.date, article.source) if x)
        lines.append(
            f"“{article.title}” ({where})"
            if query.language == "en"
            else f"《{article.title}》({where})"
        )
        # the sentences writing a term the question quotes ('Dongying model') say what is
        # compared; the article's outline only where none does
        quoting = [
            sentence
            for sentence in split_sentences(text_of(doc_id))
            if any(t in to_search_form(sentence).lower() for t in query.literals)
        ]
        if quoting:
            for sentence in quoting[:2]:
                n = len(citations) + 1
                cite = Citation.of_article(n, article, sentence, 1.0, f"{doc_id}#digest{n}")
                citations.append(cite)
                lines.append(f"{excerpt(sentence, list(query.literals), 160)} [{n}]")
            continue
        told = _partnerships(query, derived, doc_id)
        for line, evidence in told:  # each partnership cited with the sentence that tells it
            n = len(citations) + 1
            citations.append(Citation.of_article(n, article, evidence, 1.0, f"{doc_id}#digest{n}"))
            lines.append(f"{line} [{n}]")
        quoted = {evidence for _, evidence in told}
        lead, *described = _describing(text_of(doc_id), derived.gazetteer) or [""]
        for sentence in [lead, *(s for s in described if s not in quoted)] if lead else []:
            n = len(citations) + 1
            citations.append(Citation.of_article(n, article, sentence, 1.0, f"{doc_id}#digest{n}"))
            lines.append(f"{excerpt(sentence, [], 160)} [{n}]")
    return "\n".join(lines), citations


def _partnerships(query: ParsedQuery, derived: Derived, doc_id: str) -> list[tuple[str, str]]:
    """One line for each partnership the article reports (who, what kind, when, figures),
    with its evidence sentence."""
    render = derived.gazetteer.render
    out = []
    for row in derived.relations.all():
        r = row.relation
        if r.doc_id != doc_id:
            continue
        arrow = "↔" if r.symmetric else "→"
        details = "; ".join(x for x in (r.date, r.figures) if x)
        if query.language == "en":
            line = (
                f"- {render(r.supporter)} ({r.supporter}) {arrow} {render(r.supported)} "
                f"({r.supported}): {kinds.english(r.kind)} ({r.kind_written})"
                + (f", {details}" if details else "")
            )
        else:
            text = f"- {r.supporter} {arrow} {r.supported}:{r.kind_written}" + (
                f"({details})" if details else ""
            )
            line = query.in_script(text)
        out.append((line, r.evidence))
    return out[:4]


def _describing(original: str, gazetteer: Gazetteer, limit: int = 3) -> list[str]:
    """The lead, the first sentences in which each of two people speaks (who led it: 会上,
    刘海永详细介绍了…; who answered: 王静…表示), the first that coins a term in quotes (“东营
    模式”), and the sentences that describe the partnership, in the article's order;
    attendee lists are left out. `limit` caps the lead and the describing sentences; the
    speakers and the coined term come on top."""
    sentences = [
        s
        for s in split_sentences(original)
        if len(s) >= 20 and (len(_CROWD.findall(s)) <= 8 or _COINED.search(to_search_form(s)))
    ]
    if not sentences:
        return []
    lead, rest = sentences[0], sentences[1:]
    speakers: dict[str, str] = {}  # each speaker's first sentence
    for s in rest:
        search = to_search_form(s)
        verb = SPEAKS.search(search)
        found = gazetteer.people_in(search) if verb and len(_CROWD.findall(s)) <= 8 else []
        if verb and found:  # the first named who is no object (对刘海永…,王静表示)
            subjects = [p for p in found if search[p[1] - 1 : p[1]] not in _OBJECT_MARKS] or found
            speakers.setdefault(min(subjects, key=lambda p: p[1])[0], s)
    speaks = list(speakers.values())[:2]
    coined = [s for s in rest if _COINED.search(to_search_form(s)) and s not in speaks][:1]
    described = [
        s for s in rest if DESCRIBES.search(to_search_form(s)) and s not in speaks + coined
    ]
    chosen = {lead, *speaks, *coined, *described[: limit - 1]}
    return [s for s in sentences if s in chosen]  # in the article's order


_COINED = re.compile(r"[“「\"][^”」\"]{2,12}(?:模式|样板|高地|模板|品牌|工程|理念)[”」\"]")


def mention_order(
    query: ParsedQuery, derived: Derived, text_of: Callable[[str], str]
) -> tuple[str, list[Citation]] | None:
    """Who came first of the people a question names ("who spoke first, Bao Jianqiang or Yu
    Xiaoqian?"): the order in which the one sentence that names them all tells of them
    (会上,鲍建强致欢迎辞,…王建军汇报了…); of several such sentences, the one holding most of
    the question's words. None unless two or more people are asked about."""
    people = [e for e in query.entities if derived.gazetteer.names.get(e) == "person"]
    # which of them came first, however asked (did A or B speak first?)
    if (query.intent != "earliest_latest" and query.order != "either") or len(people) < 2:
        return None
    if SPEECH_ASKED.search(query.text):  # who spoke first: not who a list names first
        spoke = _speaking_order(query, people, derived, text_of)
        if spoke is not None:
            return spoke
    words = [t for g in query.content for t in g if len(t) >= 2 and t not in people]
    found: list[tuple[int, int, str, DocRecord]] = []  # (question words held, order, …)
    for doc_id, record in derived.manifest.items():
        original = text_of(doc_id)
        for sentence in split_sentences(original):
            search = to_search_form(sentence)
            if all(p in search for p in people):
                found.append((sum(w in search for w in words), -len(found), sentence, record))
    if not found:
        return None
    _, _, sentence, record = max(found, key=lambda f: f[:2])  # the event asked about
    ordered = sorted(people, key=to_search_form(sentence).index)
    cite = Citation.of_article(1, record.article, sentence, 1.0, f"{record.doc_id}#order")
    return _order_text(query, ordered, derived.gazetteer.render, sentence), [cite]


def _speaking_order(
    query: ParsedQuery, people: list[str], derived: Derived, text_of: Callable[[str], str]
) -> tuple[str, list[Citation]] | None:
    """Who spoke first of people no one sentence names together (张向东致欢迎辞 … 卢彩柳讲话):
    the order of the first sentences in which each of them speaks, in the one article
    naming them all."""
    docs = naming(tuple(people), derived, text_of)
    if len(docs) != 1:
        return None
    sentences = split_sentences(text_of(docs[0]))
    spoken: dict[str, tuple[int, int, str]] = {}  # (sentence, place in it, the sentence)
    for i, sentence in enumerate(sentences):
        search = to_search_form(sentence)
        for p in people:
            at = search.find(p)
            # the speech word right after the name, in its clause (张向东院长致欢迎辞)
            clause = re.split(r"[,;。、]", search[at + len(p) :])[0][:20] if at >= 0 else ""
            if at >= 0 and p not in spoken and SPEAKS.search(clause):
                spoken[p] = (i, at, sentence)
    if len(spoken) != len(people):
        return None
    ordered = sorted(people, key=lambda p: spoken[p][:2])
    record = derived.manifest[docs[0]]
    cites = [
        Citation.of_article(n, record.article, spoken[p][2], 1.0, f"{record.doc_id}#spoke{n}")
        for n, p in enumerate(ordered, start=1)
    ]
    render = derived.gazetteer.render
    shown = [f"{excerpt(spoken[p][2], [p], 120)} [{n}]" for n, p in enumerate(ordered, start=1)]
    if query.language == "en":
        told = ", then ".join(f"{render(p)} ({p})" for p in ordered)
        head = f"In the article's account, {told} spoke:"
    else:
        head = query.in_script(f"答:先是{ordered[0]}讲话,然后是{'、'.join(ordered[1:])}。")
    return "\n".join([head, *shown]), cites


_ATTENDED = re.compile(r"出席|参加|参会|陪同|莅临")


def first_listed(
    query: ParsedQuery, derived: Derived, text_of: Callable[[str], str]
) -> tuple[str, list[Citation]] | None:
    """Who a list of attendees names first (or last) in the article the question's names
    pick: the sentence naming the most people as present (出席, 参加), read in order."""
    m = LISTED_END.search(query.text) if PERSON_ASKED.search(query.text) else None
    docs = naming(query.entities, derived, text_of) if m and query.entities else []
    if m is None or len(docs) != 1:
        return None
    last = any(m.groups())
    record = derived.manifest[docs[0]]
    found = [
        (len(named), sentence, named)
        for sentence in split_sentences(text_of(docs[0]))
        if _ATTENDED.search(search := to_search_form(sentence))
        and len(named := people(search, derived.gazetteer)) >= 3
    ]
    if not found:
        return None
    _, sentence, named = max(found, key=lambda f: f[0])
    name = named[-1][0] if last else named[0][0]
    cite = Citation.of_article(1, record.article, sentence, 1.0, f"{record.doc_id}#listed")
    shown = excerpt(sentence, [name], 160)
    if query.language == "en":
        where = "last" if last else "first"
        rendered = derived.gazetteer.render(name)
        return f"{rendered} ({name}) is named {where} in the list: [1]\n{shown} [1]", [cite]
    where = query.in_script("最后" if last else "第一个")
    head = query.in_script("答:名单上") + where + query.in_script("是")
    return f"{head}{query.name_in_script(name, sentence)}。[1]\n{shown} [1]", [cite]


def fits(alternative: str, text: str) -> float:
    """How well `text` (search form) tells of one of the things a question asks the order
    of: the share of its words written there, as they are or in another word for them (签
    协议: 签署…协议), or the share of its characters (开会: 开展…座谈会), whichever is more."""
    words = [w for w in jieba.lcut(alternative) if w not in FILLERS_ZH] or [alternative]
    held = sum(any(s in text for s in (w, *synonyms(w))) for w in words) / len(words)
    return max(held, sum(c in text for c in alternative) / len(alternative))


def order_verdict(query: ParsedQuery, earlier: str, later: str) -> tuple[str, str]:
    """The answer in the question's own alternatives (先签协议还是先揭牌 → 先签协议,后揭牌;
    A在B之前还是之后 → 之后), given what the articles tell earlier and later, with the form
    asked ("first" or "before"); ("", "") when the question offers none or neither fits
    better."""
    asked = alternatives(query.text) if query.language != "en" else None
    if asked is None:
        return "", ""
    form, a, b = asked
    lead = (fits(a, earlier) - fits(a, later)) - (fits(b, earlier) - fits(b, later))
    if not lead:
        return "", ""
    first, then = (a, b) if lead > 0 else (b, a)
    head = f"先{first},后{then}" if form == "first" else ("之前" if lead > 0 else "之后")
    return form, query.in_script(f"答:{head}。")


def _order_text(
    query: ParsedQuery, ordered: list[str], render: Callable[[str], str], sentence: str
) -> str:
    names = [e for e in ordered if e]
    shown = excerpt(sentence, names, 160)
    head = order_verdict(query, names[0], names[1])[1] if len(names) == 2 else ""
    if query.language == "en":
        told = ", then ".join(f"{render(n)} ({n})" for n in names)
        return f"In the article's account, {told}: [1]\n{shown} [1]"
    told = query.in_script(f"先是{names[0]},然后是{'、'.join(names[1:])}。[1]")
    return f"{head or '答:'}{told}\n{shown} [1]"
