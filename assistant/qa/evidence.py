"""Sentence-level evidence: the sentences of the retrieved passages, each scored by what it
shares with the question and by whether it holds the kind of answer the question asks for.

Sentences end at 。!? and line breaks only, so an enumeration (一是…;二是…;三是…) stays one
sentence and is quoted whole. A long list of attendees is recognised by its many separators
and loses to a sentence that holds the asked-for date, number or name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

from assistant.lexicon.gazetteer import Gazetteer, in_order
from assistant.lexicon.names import ORG_HEAD, aliases, expansions, full_names, titled_people
from assistant.lexicon.questions import (
    AGE_RE,
    ASPECTS,
    CONTACT_RE,
    CONTINUES,
    DATE_RE,
    DAY_RANGE,
    DISTANCE_RE,
    DISTRIBUTIVE,
    DURATION_RE,
    FREQUENCY_RE,
    MONEY_RE,
    NUMBER_RE,
    OCCASION,
    OPENS_LIST,
    RANK_ASKED,
    SHARE_RE,
    TIME_WORDS,
    TOOK_PART,
    TURNOUT_ASKED,
    YEAR_RE,
    choice_asked,
)
from assistant.lexicon.roles import roles_in
from assistant.lexicon.synonyms import synonyms, thesaurus
from assistant.qa.analyze import ParsedQuery
from assistant.store.lexical import LexicalIndex
from assistant.store.schema import DocRecord
from assistant.textnorm import sentence_spans, to_search_form, unenumerated
from assistant.types import Passage

_LIST_SEPARATORS = re.compile(r"[、,,]")
# What an English word that nothing bridges weighs against a sentence's coverage, as a share
# of the question's mean word weight; swept on the tuning sets (bank dev half, probe, probe2,
# probe3) over 0, 0.5 and 1: 0.5 keeps every right refusal there and answers one question
# more than 1; 0 loses a right refusal.
_UNMATCHED_WEIGHT = 0.5
# What a sentence holding only the question's names (and none of what it asks of them) loses;
# swept on the tuning sets: 0.3 fixes one answer and breaks none, 0.6 breaks two
_BARE = 0.3


@dataclass(frozen=True)
class Evidence:
    passage: Passage
    rank: int  # of the passage in the fused retrieval
    original: str  # the sentence in the article's own script
    text: str  # its search form
    coverage: float  # idf-weighted share of the question's content words it holds
    entity_share: float  # share of the question's entities it (or its article's title) names
    has_answer: bool  # holds the kind of answer asked for (date, number, person, institution)
    separators: int  # 、 and , : many of them make a list
    score: float
    unasked: bool = False  # says nothing the question asks of its names, nor does its paragraph
    asked_held: float = 1.0  # share of what the question asks of its names the sentence says


def excerpt(original: str, words: list[str], limit: int = 140) -> str:
    """A long sentence cut to `limit` characters around the first of `words` (in the order
    given) it holds, with
    … where text was left out: an attendee list must not fill an answer. The text shown is
    the source's own; the citation keeps the whole sentence."""
    if len(original) <= limit:
        return original
    search = to_search_form(original)
    at = next((search.find(w) for w in words if w and w in search), 0)  # words by priority
    if len(search) != len(original):  # positions differ: keep the opening
        at = 0
    start = max(0, min(at - limit // 3, len(original) - limit))
    end = start + limit
    return ("…" if start else "") + original[start:end] + ("…" if end < len(original) else "")


def continuation(e: Evidence, document: str | None = None, limit: int = 3) -> list[str]:
    """What follows `e` and carries its list on (一是… then 二是…, 三是…; 即上联…;下联…),
    read from the whole `document` when given (a chunk may end inside the list), else
    from the passage: an enumeration is quoted whole, not cut after its first item."""
    text = document or e.passage.original
    at = text.find(e.original)
    if at < 0:
        return []
    rest = split_sentences(text[at:])
    out: list[str] = []
    if rest and rest[0] != e.original and rest[0].startswith(e.original):
        out.append(rest[0][len(e.original) :])  # the passage cut the sentence short
    for s in rest[1:]:
        if not CONTINUES.search(s) and not (not out and OPENS_LIST.search(e.original)):
            break
        out.append(s)
        if len(out) >= limit:
            break
    return out


_ENDS = "。!?!?\n"


def widen(passage: Passage, document: str) -> Passage:
    """The passage grown to whole sentences: a chunk cut at ; (她要求,…走深走实;) would lose
    the rest of the sentence (…打造“东营样板”)."""
    at = document.find(passage.original)
    if at < 0:
        return passage
    end = at + len(passage.original)
    start = max(document.rfind(c, 0, at) + 1 for c in _ENDS)
    ends = [i for c in _ENDS if (i := document.find(c, end - 1)) >= 0]
    stop = min(ends, default=len(document) - 1) + 1
    original = document[start:stop].strip()
    before = to_search_form(document[max(0, start - _CHAIN) : start])
    return replace(passage, original=original, text=to_search_form(original), before=before)


def _paragraph_sentences(text: str) -> list[tuple[str, bool]]:
    """The sentences of `text`, each with whether it opens a paragraph: what a paragraph
    names, its later sentences speak on about (鲍建强…表示,… 通过融合发展,实现了…)."""
    out: list[tuple[str, bool]] = []
    end = 0
    for a, b in sentence_spans(text, whole=True):
        if s := text[a:b].strip():
            out.append((s, not out or "\n" in text[end:a]))
        end = b
    return out


def split_sentences(text: str) -> list[str]:
    return [s for a, b in sentence_spans(text, whole=True) if (s := text[a:b].strip())]


def people(text: str, gazetteer: Gazetteer) -> list[tuple[str, int]]:
    """People named in `text` (search form) with their positions: the gazetteer's people, and
    names right after a role word (党委书记丁春辉)."""
    found = {(name, at) for name, at in gazetteer.people_in(text)}
    found |= {(name, at) for name, _, at in titled_people(text)}
    return sorted(found, key=lambda p: p[1])


# a named department (儿童康复科), not 学科, 医科大学, 专科联盟 or 科室
DEPARTMENT = re.compile(r"[\u4e00-\u9fff](?<![学本医专])科(?![学技研普室大])")
WARD = re.compile(r"[\u4e00-\u9fff]病区")  # 肿瘤一病区
# what a sentence must write to hold an answer of each type written as a pattern
_TYPED = {
    "date": DATE_RE,
    "year": YEAR_RE,
    "number": NUMBER_RE,
    "duration": DURATION_RE,
    "money": MONEY_RE,
    "age": AGE_RE,
    "frequency": FREQUENCY_RE,
    "distance": DISTANCE_RE,
    "contact": CONTACT_RE,
    "share": SHARE_RE,
    "department": DEPARTMENT,
    "post": re.compile(f"{DEPARTMENT.pattern}|{WARD.pattern}"),  # where a person works
    "ward": WARD,
}


def holds(answer_type: str, text: str, gazetteer: Gazetteer) -> bool:
    if answer_type == "person":
        return bool(people(text, gazetteer))
    if answer_type == "institution":
        return bool(full_names(text, ORG_HEAD))
    pattern = _TYPED.get(answer_type)
    return bool(pattern.search(text)) if pattern else True


def in_unit(text: str, unit: str) -> bool:
    """Whether `text` gives a duration in `unit` (年, 月, 周, 天, 时): 48小时 is one in 时;
    a range of days (6月17-18日) is one in days."""
    return any(
        m.group(0).endswith(unit) or (unit == "天" and DAY_RANGE.fullmatch(m.group(0)))
        for m in DURATION_RE.finditer(text)
    )


def counts(text: str, counted: tuple[str, ...], number: str = "", alike: bool = True) -> bool:
    """Whether a number in `text` (or the given one) counts one of `counted`: the noun stands
    within a few characters of it (专家共71名, 4名专家工作站, 300余人参加), or with `alike` a
    word for the same thing (doctors: 医生 asked, 专家 written; not a single character, nor
    the public for patients: 300余名群众 is no count of patients)."""
    if not counted:
        return True
    if alike:
        counted = tuple(
            dict.fromkeys(
                n
                for c in counted
                for n in (c, *synonyms(c))
                if n == c or (len(n) >= 2 and n not in _NOT_COUNTED)
            )
        )
    spans = (
        [m.span() for m in re.finditer(re.escape(number), text)]
        if number
        else [m.span() for m in NUMBER_RE.finditer(text)]
    )
    return any(
        any(c in unenumerated(text[max(0, a - 12) : b + 12]) for c in counted) for a, b in spans
    )


_NOT_COUNTED = frozenset({"群众"})


def asks_turnout(query: ParsedQuery) -> bool:
    """How many took part (多少人参加, how many attended): a count of those who did."""
    return "人" in query.unit and bool(
        TURNOUT_ASKED.search(query.bridged if query.language == "en" else query.text)
    )


def took_part(text: str, number: str) -> bool:
    """Whether a word of taking part follows the figure `number` closely (300余人参加)."""
    return any(
        TOOK_PART.search(text, m.end(), m.end() + 8) for m in re.finditer(re.escape(number), text)
    )


def figures(text: str, query: ParsedQuery) -> list[tuple[str, int]]:
    """The numbers of `text` that answer a count: in the asked-for units (200余人 for 多少人,
    not 专家共71名) and counting the asked-for noun, with their positions; for how many took
    part, followed by a word of taking part (300余人参加, not 于小千一行5人)."""
    turnout = asks_turnout(query)
    # 多少人 of people the question names: 常驻专家17名 counts them in 名
    named = [w for g in query.content for w in g if len(w) >= 2]

    def in_units(figure: str, at: int) -> bool:
        if not query.unit or figure[-1] in query.unit:
            return True
        before = text[max(0, at - 4) : at]
        return "人" in query.unit and figure[-1] in "名位" and any(w in before for w in named)

    return [
        (m.group(0), m.start())
        for m in NUMBER_RE.finditer(text)
        if in_units(m.group(0), m.start())
        and not YEAR_RE.fullmatch(m.group(0))  # 2026年 is a date, not how long
        and counts(text, query.counted, m.group(0))
        and (not turnout or took_part(text, m.group(0)))
    ]


def listed(text: str, counted: tuple[str, ...]) -> list[str]:
    """The items of an enumeration that the counted noun heads (参观了一站式服务中心、健康驿站、
    检验科等区域 → three areas): a count the sentence gives by listing, not by a figure."""
    for noun in (n for c in counted for n in (c, *synonyms(c))):  # 几个地方: …等区域
        for m in re.finditer(re.escape(noun), text):
            clause = re.split(r"[,。;:!?,;:]", text[: m.start()])[-1]
            ended = re.search(r"等[\u4e00-\u9fff]{0,4}$", clause)  # …等特色科室: the list's head
            listing = clause[: ended.start()] if ended else ""
            items = [i for i in re.split(r"、|和|及|与", listing) if i]
            if len(items) >= 2 and "、" in clause:
                first = re.split(r"了|参观|调研|包括|设立|设置|开设|建立", items[0])[-1]
                first = re.sub(r"^.*?(?:医院|院)(?=..)", "", first)  # the owner before its unit
                return [first or items[0], *items[1:]]
    return []


def _weights(query: ParsedQuery, lexical: LexicalIndex) -> list[dict[str, float]]:
    """Each content group as {token: idf}, keeping the tokens the corpus uses (or a word
    that sounds the same: a typo). The figures a yes/no question claims (a 10-person team?)
    are what its verdict checks, not words the sentence must hold."""
    out = []
    claimed = query.intent == "yesno"
    for group in query.content:
        if claimed and all(t.isdigit() for t in group):
            continue
        known = {t: lexical.idf(t) for t in group if lexical.knows(t)}
        for t in group:
            alike = lexical.sounds_like(t) if not known and len(t) >= 2 else None
            if alike:
                known[alike] = lexical.idf(alike)
        if known:
            out.append(known)
    # a quoted term or formula the articles write (1+1=1) weighs as the rarest word: the
    # index cuts it into pieces, but a sentence writing it whole is the one asked about
    return out + [
        {t: lexical.idf(t)} for t in query.literals if len(t) >= 3 and lexical.mentions(t)
    ]


def asked_of_names(query: ParsedQuery, lexical: LexicalIndex) -> list[set[str]]:
    """What the question asks of the things it names, each as the words that would say it:
    its content words that are not names, titles or the occasion (the symposium, the
    ceremony: where, not what), with their synonyms (医生护士 → 医护), keeping those an
    article could hold."""
    forms = [f for e in query.entities for f in name_forms(e)]
    out = []
    for g in query.content:
        if any(t == "副" or roles_in(t) or OCCASION.fullmatch(t) for t in g):
            continue
        if all(t.isdigit() for t in g):  # a year or figure claimed: a verdict checks it
            continue
        if any(t in f or f in t for t in g for f in forms):
            continue
        words = {w for t in g for w in (t, *synonyms(t)) if lexical.knows(w)}
        if words:
            out.append(words)
    # a quoted term or formula (1+1=1) is asked of whatever the sentence writing it says
    return out + [{t} for t in query.literals if len(t) >= 3 and lexical.mentions(t)]


def holds_rarest(query: ParsedQuery, text: str, lexical: LexicalIndex) -> bool:
    """Whether `text` (search form) holds the question's rarest word besides its names, or a
    word for the same thing: when Shengli sent its 管理团队 is not the day its experts were
    welcomed, though both sentences say 派驻."""
    forms = [f for e in query.entities for f in name_forms(e)]
    groups = [
        [t for t in g if lexical.knows(t)]
        for g in query.content
        if not any(t in f or f in t for t in g for f in forms)
        and not any(t in TIME_WORDS for t in g)
    ]
    known = [g for g in groups if g]
    if not known:
        return True
    # a group is as rare as its commonest word: 参观 beside 调研 makes a visit no rarer
    rarest = max(known, key=lambda g: min(lexical.idf(t) for t in g))
    return any(says_word(text, t) for t in rarest)


def says_word(text: str, word: str) -> bool:
    """Whether `text` writes `word`, or a word for the same thing (医护 for 医生)."""
    return any(w in text for w in (word, *synonyms(word)))


def missing_predicates(query: ParsedQuery, lexical: LexicalIndex) -> list[str]:
    """The nouns the question asks about that no article writes (床位 in 有几张床位): not
    even in part, nor as a word that sounds the same."""

    def unwritten(word: str) -> bool:
        if _root_written(word, query.text, lexical):  # 牌子 → 揭牌, 县里 → 县
            return False
        return (
            not _partly_written(word, lexical)
            and not lexical.sounds_like(word)
            and not any(lexical.mentions(s) for s in (*synonyms(word), *thesaurus(word)))
            and not any(word in e or e in word or in_order(word, e) for e in query.entities)
        )

    # 二甲/三甲: the choices of an A还是B question; missing when neither is written
    return [p for p in query.predicates if all(unwritten(w) for w in p.split("/"))]


def _root_written(word: str, question: str, lexical: LexicalIndex) -> bool:
    """Whether a two-character noun asks of its one-character root as the articles write it:
    a place word after it always does (县里, 院里); a noun suffix (牌子) only where the root
    makes an article's word with a character of the question (揭的牌子: 揭牌), so that 儿子
    is not 儿童."""
    if len(word) != 2 or word[1] not in "子儿头里上内":
        return False
    root = word[0]
    if word[1] in "里上内":
        return bool(lexical.mentions(root))
    return any(
        lexical.mentions(c + root) or lexical.mentions(root + c)
        for c in set(question) - {root}
        if "\u4e00" <= c <= "\u9fff" and c not in word
    )


def written(name: str, lexical: LexicalIndex) -> bool:
    """Whether the articles write `name`, or it as they would (卫健委 written out, the place
    level a reader left out), or with characters of the same sound (卫建局: a typo)."""
    forms = (name, *expansions(name))
    return any(lexical.mentions(f) or lexical.written_by_sound(f) for f in forms)


def answerable(query: ParsedQuery, lexical: LexicalIndex) -> bool:
    """False when the question names a thing no article writes, or asks about one."""
    if query.unknown_names or any(not written(n, lexical) for n in query.unknown_entities):
        return False
    return not missing_predicates(query, lexical)


# Intents that ask about one thing the named parties did together (when they signed, who
# spoke); a list, a comparison or a ranking may name parties that never met.
_JOINT = frozenset({"when", "who", "count", "what", "yesno"})


def apart(query: ParsedQuery, manifest: Mapping[str, DocRecord]) -> list[str]:
    """The institutions and people a question asks about together when no article names
    them together (胜利油田中心医院和莘县人民医院是哪天签约的; what 于小千 said at 市二院):
    nothing can answer it."""
    named = [
        e
        for e in query.entities
        if re.search(ORG_HEAD + "$", e)
        or any(e in r.names and r.names[e] == "person" for r in manifest.values())
    ]
    if (
        query.intent not in _JOINT
        or len(named) < 2
        or DISTRIBUTIVE.search(query.text)
        or choice_asked(query.text)  # which of them: each one's own answer decides
        or RANK_ASKED.search(query.text)  # who ranks higher: each one's own role decides
        or query.gap  # how far apart: each one's own date decides
    ):
        return []
    for record in manifest.values():
        title = to_search_form(record.article.title)
        if all(e in record.names or any(f in title for f in name_forms(e)) for e in named):
            return []
    return named


def _partly_written(word: str, lexical: LexicalIndex) -> bool:
    pairs = [word[i : i + 2] for i in range(len(word) - 1)]
    return any(lexical.mentions(p) for p in pairs) if pairs else True


def names_institutions(query: ParsedQuery, e: Evidence) -> bool:
    """Whether the sentence, or its article's title, names every institution the question
    names: the experts 浙江省肿瘤医院 sent are not whoever a sentence about 丽水 lists."""
    title = to_search_form(e.passage.article.title)
    own = to_search_form(e.passage.article.source or "") if _OWN.search(e.text) else ""
    return all(
        i == own or _names(i, e.text) or _names(i, title)
        for i in query.entities
        if re.search(ORG_HEAD + "$", i)
    )


def _names(institution: str, text: str) -> bool:
    """Whether `text` names the institution, in full or by a short form that is not part of
    another's full name (市妇幼保健院 of 丽水市妇幼保健院 is not 东营市妇幼保健院's)."""
    place = institution[:2]  # 东营 of 东营市妇幼保健院; 山东省莘县人民医院 holds 莘县 too
    others = [(a, b) for n, a, b in full_names(text, ORG_HEAD) if place not in n]
    return any(
        not any(a <= m.start() and m.end() <= b for a, b in others)
        for form in name_forms(institution)
        for m in re.finditer(re.escape(form), text)
    )


def _entity_share(query: ParsedQuery, text: str, title: str, outlet: str) -> float:
    """Share of the question's entities the sentence names (in full, by a short form, or as
    我院 in its own outlet's article); one named only in the title counts half."""
    if not query.entities:
        return 1.0

    def named(entity: str, where: str) -> bool:
        return any(form in where for form in name_forms(entity))

    own = _OWN.search(text)
    hit = sum(
        1.0 if named(e, text) or (own and e == outlet) else 0.5 if named(e, title) else 0.0
        for e in query.entities
    )
    return hit / len(query.entities)


@lru_cache(maxsize=4096)
def name_forms(entity: str) -> tuple[str, ...]:
    """The entity and the short forms articles use for it once named (山大二院, 市二院)."""
    return (entity, *(a for a in aliases(entity) if len(a) >= 3))


def gather(
    query: ParsedQuery, passages: list[Passage], lexical: LexicalIndex, gazetteer: Gazetteer
) -> list[Evidence]:
    """Every sentence of the passages, best first."""
    groups = _weights(query, lexical)
    asked = asked_of_names(query, lexical)
    # a word of the question that is a short form (市二院) is there when the entity is, in
    # any of its forms (东营市第二人民医院)
    entity_of = {
        t: e for g in groups for t in g for e in query.entities if t != e and t in name_forms(e)
    }

    def _same_entity(token: str, where: str) -> bool:
        entity = entity_of.get(token)
        return bool(entity) and any(form in where for form in name_forms(entity))

    weights = [max(g.values()) for g in groups]
    forms = [f for e in query.entities for f in name_forms(e)]
    # the groups that ask something of the names, not the names themselves nor their titles
    # (王国敬副市长: 副, 市长)
    own = [
        not any(t == "副" or roles_in(t) or any(t in f or f in t for f in forms) for t in g)
        for g in groups
    ]
    # English words nothing bridges still ask for something no sentence can be shown to hold,
    # but many are paraphrase (paperwork, ready, tie-ups): half a word each
    unmatched = (
        _UNMATCHED_WEIGHT * len(query.unmatched) * (sum(weights) / len(weights) if weights else 1.0)
    )
    total = (sum(weights) + unmatched) or 1.0
    seen: set[str] = set()
    out: list[Evidence] = []
    aspect = next((a for a in ASPECTS if a.name == query.aspect), None)
    cue = aspect.cue if aspect else None
    # the aspect as the question words it, where an answer may write it too (要求, 希望)
    verbatim = (
        [m.group(0) for m in aspect.zh.finditer(query.text) if aspect.cue.search(m.group(0))]
        if aspect and query.language != "en"
        else []
    )
    for rank, p in enumerate(passages):
        title = to_search_form(p.article.title)
        outlet = to_search_form(p.article.source or "")
        # the sentence before: whom 他 or 王主任 refers to; across the chunk's start, only the
        # names the text before it told, so that its words count as the chunk's own nowhere
        # but in what a speech running on is about (lead: 他要求 after 他指出, as `paragraph`
        # does within the chunk)
        before = " ".join(e for e in query.entities if any(f in p.before for f in name_forms(e)))
        lead = p.before
        told: set[str] = set()  # the question's entities this paragraph has named so far
        paragraph = ""  # its sentences so far
        for original, opens in _paragraph_sentences(p.original):
            text = to_search_form(original)
            told, paragraph = (set(), "") if opens else (told, paragraph)
            referring = refers_back(text, query)
            named = f"{before}{text}" if referring else text
            spoken = " ".join(told)  # its speaker, its event (会议旨在… after …座谈会。)
            told |= {e for e in query.entities if any(f in named for f in name_forms(e))}
            before = named[-_CHAIN:]  # 他强调 after 王主任指出 after 王国敬…讲话: a chain
            # a character lost to mojibake (marked �) spoils a short sentence, not a long one
            if len(text) < 6 or text.count("\ufffd") * 30 > len(text) or text in seen:
                continue
            seen.add(text)
            low = text.lower()  # X+1+9+X and x+1+9+X are one term
            # pieces of a name count where the name is meant (他 → the one named before); a
            # sentence saying the asked aspect is about what its paragraph told before it
            # (…座谈会。会议旨在…)
            says = cue is not None and cue.search(text)
            lead = lead if referring else ""  # while the speech runs on
            topic = f"{lead}{paragraph[-_CHAIN:]}{named}".lower() if says else named.lower()
            paragraph += text
            where = [
                topic if says or any(t in e for t in g for e in query.entities) else low
                for g in groups
            ]
            # a piece of a name the sentence names as its own outlet (我院) is there too
            ours = outlet if _OWN.search(text) and outlet in query.entities else ""
            # and 我市 is the place its article is about (莅临我市: 东营 in the title)
            if _OWN_PLACE.search(text):
                ours += " ".join(e for e in query.entities if e in title)

            def present(token: str, at: str, ours: str = ours) -> bool:
                return token in at or _same_entity(token, at) or token in ours

            held = [
                max((w for t, w in g.items() if present(t, at)), default=0.0)
                for g, at in zip(groups, where, strict=True)
            ]
            coverage = sum(held) / total
            # names alone (王国敬在仪式上讲话) say nothing of what is asked about them
            bare = any(own) and not any(h for h, o in zip(held, own, strict=True) if o)
            # what the paragraph named before counts as a title does: half
            entity = _entity_share(query, named, f"{title}\n{spoken}", outlet)
            has = (
                bool(figures(text, query) or listed(text, query.counted))
                if query.answer_type == "number"
                else holds(query.answer_type, text, gazetteer)
            )
            if has and query.answer_type == "duration" and len(query.unit) == 1:
                has = in_unit(text, query.unit)  # 几年 is not answered in 小时
            separators = len(_LIST_SEPARATORS.findall(text))
            # a speaker's words (她要求,…;…) run on with commas but are no attendee list
            crowd = 0 if says and _PRONOUN.match(text) else separators
            score = _score(query, coverage, entity, has, crowd, rank, len(text))
            score += 0.2 if says else 0.0  # says what is asked
            # in the question's own word (她要求 for 提了啥要求, not 她指出)
            score += 0.1 if says and any(w in text for w in verbatim) else 0.0
            score -= _BARE if bare else 0.0
            # nothing asked of the names, even in the paragraph so far (…座谈会。会上…); how
            # much of it the sentence itself says (a yes must say all it claims)
            unasked = bool(asked) and not any(
                w in f"{paragraph[-400:]}{named}".lower() for g in asked for w in g
            )
            says_asked = sum(any(w in low for w in g) for g in asked) / len(asked) if asked else 1.0
            out.append(
                Evidence(
                    p,
                    rank,
                    original,
                    text,
                    coverage,
                    entity,
                    has,
                    separators,
                    score,
                    unasked=unasked,
                    asked_held=says_asked,
                )
            )
    return sorted(out, key=lambda e: -e.score)


_CHAIN = 400  # characters of what came before that a pronoun may refer to
_OWN = re.compile(r"我院|本院")  # the outlet's own institution, in its own article
_OWN_PLACE = re.compile(r"我[市县省区]|本[市县]")
# a sentence that opens with a pronoun, or with no subject at all (希望…, 表示…): it tells
# of whom the sentence before named
_PRONOUN = re.compile(r"^(?:[他她其]|该院|对此|会上|这是|这也是|此举|此次|希望|表示|指出|强调)")


def refers_back(text: str, query: ParsedQuery) -> bool:
    """Whether a sentence names its subject by a pronoun or by surname and title (他强调,
    王主任指出): it is about whom the sentence before it named."""
    return bool(_PRONOUN.match(text)) or any(
        len(e) in (2, 3)
        and text.startswith(e[0])
        and re.match(r"^.(?:主任|书记|院长|局长|会长|市长|县长|副)", text)
        for e in query.entities
    )


def _score(
    query: ParsedQuery,
    coverage: float,
    entity: float,
    has: bool,
    separators: int,
    rank: int,
    length: int,
) -> float:
    listy = query.intent in ("which", "overview", "compare")
    crowd = 0.0 if listy else max(0, separators - 5) * 0.03  # an attendee list is no answer
    typed = 0.25 if query.answer_type and has else 0.0
    long = max(0, length - 160) / 1000
    return coverage + 0.3 * entity + typed + 0.1 / (1 + rank) - crowd - long
