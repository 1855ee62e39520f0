"""Question analysis: validate, fold to the search form, bridge English to Chinese, and read
the intent, the answer type, the entities (resolved against the corpus's names) and the
constraints of the question into one typed value."""

from __future__ import annotations

import re
from dataclasses import dataclass

import jieba
import jieba.posseg as pseg

from assistant.errors import BadQuestion
from assistant.lexicon import spelling
from assistant.lexicon.gazetteer import PARTED, Gazetteer, in_order
from assistant.lexicon.glossary import EN_STOP, EN_WORD, GLOSSARY_EN_ZH, is_english
from assistant.lexicon.names import (
    GENERIC_WORDS,
    ORG_HEAD,
    full_names,
    particle_cut,
    proper_nouns,
)
from assistant.lexicon.questions import (
    AGE_ASKED,
    ASPECT_NOUNS,
    CONTACT_ASKED,
    DISTANCE_ASKED,
    DURATION_ASKED,
    EN_TIME_UNITS,
    EXCLUDED,
    FILLERS_ZH,
    FREQUENCY_ASKED,
    GAP_ASKED,
    MONEY_ASKED,
    PERSON_ASKED,
    QUANTIFIER,
    RANK_ASKED,
    SHARE_ASKED,
    YEAR_STATED,
    Intent,
    article_scope,
    asking_spans,
    aspect_of,
    digit_dates,
    intent_of,
    later_period,
    order_asked,
    units_asked,
)
from assistant.textnorm import (
    STOPWORDS,
    detect_script,
    strip_controls,
    to_search_form,
    to_traditional,
    tokenize,
)

MAX_QUESTION_CHARS = 2000


@dataclass(frozen=True)
class ParsedQuery:
    original: str
    text: str  # search form (Simplified, half-width)
    bridged: str  # Chinese terms for English words ('' for Chinese questions)
    language: str  # "en" | "zh-Hans" | "zh-Hant"
    groups: tuple[tuple[str, ...], ...]  # BM25 tokens; any token of a group satisfies it
    unknown_names: tuple[str, ...]  # capitalized English names nothing in the corpus matches
    intent: str = "what"  # one of lexicon.questions.INTENT_NAMES
    answer_type: str = ""  # what an answering sentence must hold: date, number, person …
    entities: tuple[str, ...] = ()  # names the question uses, as the corpus writes them
    people: tuple[str, ...] = ()  # those of its entities that are people
    unknown_entities: tuple[str, ...] = ()  # names the question uses that no article names
    content: tuple[tuple[str, ...], ...] = ()  # groups without question words and fillers
    year: int | None = None  # a year the question restricts to
    unmatched: tuple[str, ...] = ()  # English content words nothing bridges
    predicates: tuple[str, ...] = ()  # content nouns the answer must speak of (床位, 路费)
    excluded: tuple[str, ...] = ()  # its entities it sets aside (除了樊云井还有谁: 樊云井)
    asked: str = ""  # the one of them a wh-word asks for (董琳的职称是啥, 什么专科: 职称, 专科)
    scope: str = ""  # asks of the articles themselves: published, count, summary, which
    counted: tuple[str, ...] = ()  # what a count question counts (患者/病人 in how many patients)
    aspect: str = ""  # what a what/how question asks about: purpose, requirement, meaning …
    unit: str = ""  # the units a number must be in for a count or ranking (人 for 多少人)
    order: str = ""  # how it relates events in time: either (which first), last, after, before
    gap: bool = False  # asks how far apart two events were (隔了几年, how many years apart)
    later: str = ""  # a period after an occasion it asks about (一年后, the first year)
    # terms quoted or written as a formula ('1+1=1'), lowercased; a quoted English term as
    # the articles would write it ('Dongying model' → 东营模式)
    literals: tuple[str, ...] = ()

    def in_script(self, text: str) -> str:
        """`text` (written in Simplified) in the asker's script."""
        return to_traditional(text) if self.language == "zh-Hant" else text

    def name_in_script(self, name: str, original: str) -> str:
        """`name` (search form) in the asker's script; a Traditional asker gets it as the
        source sentence `original` writes it: 周一紅 and 王景峰, not 週一紅 and 王景峯."""
        search = to_search_form(original)
        at = search.find(name)
        if self.language == "zh-Hant" and at >= 0 and len(search) == len(original):
            return original[at : at + len(name)]
        return self.in_script(name)

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
    text = digit_dates(to_search_form(original))
    english = is_english(text)
    unmatched: list[str] = []
    if english:
        language = "en"
        text = spelling.correct(text)  # artcle → article: a typo asks what it meant
        parted, unknown, unmatched = gazetteer.bridge_words(text, parted=True)
        bridged = " ".join(t for t in parted.split() if t != PARTED)
    else:
        language = "zh-Hant" if detect_script(original) == "Traditional" else "zh-Hans"
        bridged, unknown = gazetteer.bridge(text) if re.search(r"[A-Za-z]{3,}", text) else ("", [])
        parted = bridged
    # English words never occur in the corpus: an English question searches by its bridge.
    groups: list[tuple[str, ...]] = [
        (t,)
        for t in _unfused(tokenize(text))
        # English words never occur in the articles; figures (71) do, but not years (a
        # constraint) or ordinals of names (No. 2)
        if language != "en"
        or not t.isascii()
        or (t.isdigit() and len(t) >= 2 and not re.fullmatch(r"(?:19|20)\d\d", t))
    ]
    for term in bridged.split():
        alternatives = tuple(dict.fromkeys(t for alt in term.split("/") for t in tokenize(alt)))
        if alternatives and alternatives not in groups:
            groups.append(alternatives)
    intent = intent_of(text, english)
    if intent and intent.name == "who" and not english and _thing_named(text):
        intent = None  # 牌子叫啥名, 计划全名叫啥: the name of a thing, told by a sentence
    entities, unknown_entities = _entities(text if not english else "", parted, gazetteer)
    counted = (
        _counted(text, english, gazetteer)
        if intent and intent.name == "count"
        else _ranked_noun(text, english, gazetteer)
        if intent and intent.name == "superlative"
        else ()
    )
    people = tuple(e for e in entities if gazetteer.names.get(e) == "person")
    answer_type = _answer_type(intent, text, bool(people))
    nouns = (
        _predicates(text, english, groups, gazetteer)
        + _options(text, english)
        + _counted_verb(text, english)
        # what an English count counts when nothing bridges it (how many babies)
        + [c for c in counted if c.isascii()]
    )
    return ParsedQuery(
        original,
        text,
        bridged.replace("/", " "),
        language,
        tuple(groups),
        tuple(unknown),
        intent=intent.name if intent else "what",
        answer_type=answer_type,
        entities=tuple(entities),
        people=people,
        unknown_entities=tuple(unknown_entities),
        content=tuple(
            _content(groups, text, english, intent, [] if english else gazetteer.name_spans(text))
        ),
        year=_year(text),
        unmatched=tuple(unmatched),
        predicates=tuple(nouns),
        asked=_asked_noun(text, nouns),
        excluded=_excluded(text, english, entities, gazetteer),
        scope=article_scope(text, english),
        counted=counted,
        unit=units_asked(text, english)
        if intent and intent.name in ("count", "superlative")
        else "",
        order=order_asked(text, english),
        gap=bool(GAP_ASKED.search(text)),
        later=later_period(text),
        literals=literals(text) + _bridged_literals(text, gazetteer) if english else literals(text),
        aspect=(
            a.name
            if (intent is None or intent.name in ("which", "overview"))
            and (a := aspect_of(text, english))
            else ""
        ),
    )


def _unfused(tokens: list[str]) -> list[str]:
    """Tokens with 谁 cut off the verb jieba joined it to (谁致的欢迎辞: 谁致 → 致): who did it
    is asked, the verb is what they did. (啥时候, 啥样 are question words whole.)"""
    return [t[1:] if len(t) >= 2 and t[0] == "谁" else t for t in tokens]


# A term the asker quotes, or writes as a formula (1+1>2, x+1+9+X): the sentence that writes
# it verbatim is the one asked about, whatever words the question wraps it in. An opening
# quote after a letter is an apostrophe (what's), as is a closing one before a letter.
_QUOTED = re.compile(r"(?<![A-Za-z])['\"“‘「『]([^'\"“”‘’「」『』]{2,30})['\"”’」』](?![A-Za-z])")
_FORMULA = re.compile(r"[0-9A-Za-z]+(?:[+=><×÷]+[0-9A-Za-z]+)+")


def literals(text: str) -> tuple[str, ...]:
    """The quoted terms and formulas of `text` (search form), lowercased, that are not plain
    English: the articles write no English words."""
    found = [m.group(1) for m in _QUOTED.finditer(text)] + _FORMULA.findall(text)
    return tuple(
        dict.fromkeys(t.strip().lower() for t in found if not re.search(r"[A-Za-z]{2,}", t))
    )


def _bridged_literals(text: str, gazetteer: Gazetteer) -> tuple[str, ...]:
    """A quoted English phrase as the articles would write it, word by bridged word ('Dongying
    model' → 东营模式, 'regional medical highland' → 区域医疗高地); kept where every word
    bridges, so that the articles can be searched for the term whole."""
    out = []
    for m in _QUOTED.finditer(text):
        words = EN_WORD.findall(m.group(1))
        bridged, _, unmatched = gazetteer.bridge_words(m.group(1))
        terms = [t.split("/")[0] for t in bridged.split()]
        if len(words) >= 2 and terms and not unmatched:
            out.append("".join(terms))
    return tuple(out)


# The thing counted: the word after 几/多少 (and a measure word), or after 'how many'.
_COUNTED_ZH = re.compile(r"(?:几|多少)[个名位家人篇次项批张所条种场]?([\u4e00-\u9fff]{1,16})")
# the words after 'how many (of the)' up to the verb: "how many of the Shengli experts are"
_COUNTED_EN = re.compile(r"\bhow many (?:of (?:the |these |those )?)?((?:[a-z'-]+ ?){1,5})", re.I)
_UNIT_WORDS = frozenset({"人", "人员", "人次", "次", "个", "家", "名", "位"})
_EN_VERBS = frozenset({"came", "attended", "went", "took", "sent", "joined", "signed", "got"})


def _counted(text: str, english: bool, gazetteer: Gazetteer) -> tuple[str, ...]:
    """The noun a count question counts, as the articles would write it; () when it counts
    by a unit alone (多少人, how many people) or names nothing the lexicon knows."""
    if english:
        m = _COUNTED_EN.search(text)
        if not m:
            return ()
        words = []
        for word in m.group(1).split():
            if word.lower() in EN_STOP or word.lower() in _EN_VERBS:
                break
            words.append(word)
        if not words:
            return ()
        bridged, _, _ = gazetteer.bridge_words(" ".join(words))
        terms = [t for term in bridged.split() for t in term.split("/")]
        nouns = [t for t in terms if t not in gazetteer.names and t not in _UNIT_WORDS]
        if nouns or terms:
            return tuple(nouns)  # () when it counts people by a unit (how many people)
        # a counted word nothing bridges (staff): no number can be shown to count it; a
        # unit (how many years apart) counts no thing
        return () if _EN_UNITS.fullmatch(words[0].lower()) else (words[-1].lower(),)
    m = _COUNTED_ZH.search(text)
    if not m or m.group(1) in _UNIT_WORDS or not m.group(1).strip("人个名位"):
        before = _COUNTED_BEFORE.search(text)  # 常驻专家一共几个人: the noun just before
        cut = list(pseg.cut(before.group(1))) if before else []
        last, flag = cut[-1] if cut else ("", "")
        noun = flag.startswith("n") and flag not in _NAME_TAGS and last not in _UNIT_WORDS
        return (last,) if noun and len(last) >= 2 else ()
    nouns = []  # the noun phrase after the measure word; its last noun is what is counted
    last_flag = ""
    for word, flag in pseg.cut(m.group(1)):
        if word == "的" and nouns and (nouns[-1].endswith("级") or last_flag == "b"):
            continue  # 几家省市级的单位: after an attribute, the noun after 的 heads it
        if word == "的" and _NAMED.search("".join(nouns)):
            nouns = []  # 几个温医二院的专家工作站: a named one is not what is counted
            continue
        if flag[:1] not in ("n", "b") or word in FILLERS_ZH:
            break
        nouns.append(word)
        last_flag = flag
    head = nouns[-1] if nouns else ""
    # 几个地方: places are counted, though 什么地方 only asks where
    counted = head not in ASPECT_NOUNS or head in _COUNTED_PLACES
    return (head,) if head and head not in _UNIT_WORDS and counted else ()


_COUNTED_PLACES = frozenset({"地方", "地点"})
# a noun phrase naming one institution (温医二院, 胜利油田中心医院), not a kind (医院, 单位)
_NAMED = re.compile(r"^[\u4e00-\u9fff]{2,}(?:院|中心|大学|协会|委|局)$")


_COUNTED_BEFORE = re.compile(
    r"([\u4e00-\u9fff]{2,8}?)(?:一共|总共|共|有)?(?:几|多少)个?(?:人|名|位|家|所|项|篇|场)"
    r"(?![\u4e00-\u9fff]{2})"
)
_RANKED_ZH = re.compile(r"([\u4e00-\u9fff]{2,6}?)的?(?:人数|数量|数目|总数)")
_RANKED_EN = re.compile(
    r"\b(?:number|count|total) of ((?:[a-z]+ ?){1,3})|\b(?:most|fewest) ([a-z]+)", re.I
)


def _ranked_noun(text: str, english: bool, gazetteer: Gazetteer) -> tuple[str, ...]:
    """The noun a ranking counts (专家人数最多, the largest number of experts); () when it
    ranks by a unit alone (人数最多) or names nothing the lexicon knows."""
    if english:
        m = _RANKED_EN.search(text)
        words = []  # the noun phrase, to its first function word or verb: its last word
        for w in ((m.group(1) or m.group(2)) if m else "").lower().split():
            if w in EN_STOP or w in _EN_VERBS or w.endswith("ed"):
                break
            words.append(w)
        word = words[-1] if words else ""
        if not word or word in ("people", "persons"):
            return ()
        terms = gazetteer.bridge_words(word)[0].split()
        nouns = [t for term in terms for t in term.split("/") if t not in _UNIT_WORDS]
        return tuple(nouns[:2])
    m = _RANKED_ZH.search(text)
    nouns = [w for w, flag in pseg.cut(m.group(1)) if flag.startswith("n")] if m else []
    head = nouns[-1] if nouns else ""
    return (head,) if head and head not in _UNIT_WORDS and head not in ASPECT_NOUNS else ()


def _straddles(word: str, text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether `word` is cut across the edge of a name (上山 of 仪式上山大二院)."""
    at = text.find(word)
    end = at + len(word)
    return at >= 0 and any(a < end <= b and at < a or a <= at < b < end for a, b in spans)


def _predicates(
    text: str, english: bool, groups: list[tuple[str, ...]], gazetteer: Gazetteer
) -> list[str]:
    """The nouns a question asks about: dictionary nouns of a Chinese question that are not
    names, fillers or aspect words, nor cut across a name (仪式上山大二院: 上山 is no noun);
    for an English one, every bridged word but aspect words (when → 时间)."""
    if english:  # when → 时间 asks a time, not of a thing called 时间
        return [
            g[0] for g in groups if re.search(r"[\u4e00-\u9fff]", g[0]) and g[0] not in ASPECT_NOUNS
        ]
    asking = asking_spans(text, english)
    spans = gazetteer.name_spans(text)
    cuts, at = [], 0
    for word, flag in pseg.cut(text):
        cuts.append((word, flag, at))
        at += len(word)
    return [
        word
        for word, flag, start in cuts
        if len(word) >= 2
        and not any(a <= start < b for a, b in asking)
        and not _straddles(word, text, spans)
        # a noun, or a grade (三甲, 二级; not 主要, 临时): the articles must speak of it
        and (
            flag.startswith("n")
            and (flag not in _NAME_TAGS or _mistagged(word, flag, gazetteer))
            or flag == "vn"
            or flag == "b"
            and bool(re.search("[一二三四五六七八九十]", word))
        )
        and word not in ASPECT_NOUNS
        and word not in FILLERS_ZH
        and word not in _NO_THINGS
        and jieba.dt.FREQ.get(word, 0) >= 50
    ]


# Units a count may ask in without naming a thing (how many years apart, how many times)
_EN_UNITS = re.compile(rf"{EN_TIME_UNITS}|times|km|kilometers|miles|percent")


_HEAD_COUNT = re.compile(r"(?:多少|几)个?(?:人|名|位)次?")


_BARE_COUNT = re.compile(r"(?:多少|几)[个名位家人篇次项批张所条种场]?(?=[吗呢啊呀??!!。,,]|$)")


def _counted_verb(text: str, english: bool) -> list[str]:
    """What the people counted did (多少人下载): a figure of those who did something else
    (200余人参加) does not count them, so the articles must speak of it."""
    if english:
        return []
    m = _HEAD_COUNT.search(text)
    after = next(iter(pseg.cut(text[m.end() :])), ("", "")) if m else ("", "")
    # or, where nothing counted follows the figure asked, what was done (一年接生多少个):
    # 接生 before it; a thing counted (覆盖了多少个县) is checked by itself
    asked = _BARE_COUNT.search(text)
    told = text[: asked.start()] if asked else ""
    cut = [(w, f) for w, f in pseg.cut(told) if f not in ("ul", "ug", "d")]
    before = cut[-1] if cut else ("", "")
    return [
        word
        for word, flag in (after, before)
        if flag.startswith("v") and len(word) >= 2 and word not in FILLERS_ZH
    ]


def _excluded(
    text: str, english: bool, entities: list[str], gazetteer: Gazetteer
) -> tuple[str, ...]:
    """Whom the answer is not, where the question sets someone aside (除了X之外, besides X):
    the entities it sets aside and the people it names besides (除了樊云井还有谁陪同于小千:
    neither 樊云井 nor 于小千)."""
    m = EXCLUDED.search(text)
    if not m:
        return ()
    clause = next(g for g in m.groups() if g)
    named = (
        _entities("", gazetteer.bridge_words(clause)[0], gazetteer)[0]
        if english
        else _entities(clause, "", gazetteer)[0]
    )
    return tuple(e for e in entities if e in named or gazetteer.names.get(e) == "person")


def _mistagged(word: str, flag: str, gazetteer: Gazetteer) -> bool:
    """A common noun jieba tags as a person's name (荣誉, nr): frequent in its dictionary and
    no name of the articles. Names are checked against the gazetteer, not as nouns."""
    return flag == "nr" and jieba.dt.FREQ.get(word, 0) >= 1000 and word not in gazetteer.names


def _asked_noun(text: str, nouns: list[str]) -> str:
    """The noun a Chinese question asks for: the one its wh-word governs (什么专科, 哪个科室)
    or that it asks the value of (职称是啥). An institution (哪家医院) is answered by its
    name, which need not say 医院."""
    for noun in nouns:
        if re.search(ORG_HEAD + "$", noun) or not re.fullmatch(r"[\u4e00-\u9fff]+", noun):
            continue
        n = re.escape(noun)
        wh = rf"(?:什么|啥|哪[个些种类项家])(?:样的)?{n}|{n}(?:是|叫|为)(?:什么|啥|哪)"
        if re.search(wh, text):
            return noun
    return ""


_NAME_TAGS = frozenset({"nr", "ns", "nt", "nrt"})
# Nouns that ask of nothing: a measure word and its noun (5个人), a time (介绍的时候), a unit
# of time (花了一个礼拜: a span the answer gives in its own unit), everyone (大家又去干嘛了)
_NO_THINGS = frozenset(
    {"个人", "名人", "时候", "礼拜", "星期", "钟头", "大家", "大伙", "大伙儿", "人们", "各位"}
    # quantifiers jieba tags as nouns (是不是全都常驻): how many of a thing, not a thing
    | {"全都", "全部", "所有", "所有人", "全体"}
)


def _options(text: str, english: bool) -> list[str]:
    """The choices of an A还是B question (二甲还是三甲): the articles must speak of one of
    them, or nothing answers it."""
    m = None if english else re.search(r"([\u4e00-\u9fff]{2,4})还是([\u4e00-\u9fff]{2,4})", text)
    if not m:
        return []
    # things (二甲, 医共体), not times or directions (之前还是之后, 上午还是下午)
    before = [w for w, f in pseg.cut(m.group(1)) if len(w) >= 2 and f[0] not in "tfdrp"]
    after = [w for w, f in pseg.cut(m.group(2)) if len(w) >= 2 and f[0] not in "tfdrp"]
    options = [w for w in (before[-1:] + after[:1]) if w not in FILLERS_ZH]
    return ["/".join(options)] if len(options) == 2 else []  # either one will do


# 'Which' asks for institutions when its noun is one: 哪家, 哪些医院, which hospitals.
_INSTITUTION_WORDS = re.compile(
    r"哪[家所]|哪[些几个]\w{0,3}?(?:医院|单位|机构|合作方|成员)|\b(?:which|what)\s+(?:\w+\s+){0,2}?"
    r"(?:hospitals?|institutions?|units?|partners?|members?|organi[sz]ations?)\b",
    re.I,
)


_SENT_TO = re.compile(
    r"(?:派|分配|安排|调|聘)[到去往驻为為]?[^,,。??]{0,12}哪|\b(?:sent|assigned|posted) to\b"
)


def _answer_type(intent: Intent | None, text: str, names_person: bool = False) -> str:
    """What an answering sentence must hold. 'Which' asks for institutions only when the
    question says so: 哪些科室 and 'which departments' ask for something else."""
    if AGE_ASKED.search(text):
        return "age"
    if MONEY_ASKED.search(text):
        return "money"
    if FREQUENCY_ASKED.search(text):
        return "frequency"
    if DISTANCE_ASKED.search(text):
        return "distance"
    if CONTACT_ASKED.search(text):
        return "contact"
    if SHARE_ASKED.search(text):
        return "share"
    if _DEPARTMENT_WORDS.search(text) and not PERSON_ASKED.search(text):
        # 哪个科(出身), which department, whatever the intent; 哪个病区: a ward
        if re.search(r"病区|\bwards?\b", text, re.I):
            return "ward"
        # 王树凯是哪个科的: where a named person works, a department or a ward (肿瘤一病区);
        # 于小千调研了哪些科室 asks where he went
        # 王树凯派到市二院哪个科: where he was sent, a department there, not his own post
        sent = _SENT_TO.search(text)
        return (
            "post" if names_person and not (re.search(r"哪些|哪几", text) or sent) else "department"
        )
    if intent is None:
        return ""
    if intent.answer_type == "institution" and _PEOPLE_WORDS.search(text):
        return "person"  # 哪几位专家, which officials
    if intent.answer_type == "institution" and _DEPARTMENT_WORDS.search(text):
        return "department"  # 哪些科室, which specialties
    if intent.answer_type == "institution" and not _INSTITUTION_WORDS.search(text):
        return ""
    if intent.name == "who" and _NAMED_THING.search(text) and not PERSON_ASKED.search(text):
        return "institution"  # 那家肿瘤医院叫啥: the name of an institution
    if intent.name == "superlative" and RANK_ASKED.search(text):
        # 级别最高的领导, the top guy: a person, not a figure; 哪家医院级别最高: an institution
        return "institution" if _INSTITUTION_WORDS.search(text) else "person"
    if intent.name == "count" and DURATION_ASKED.search(text):
        return "duration"  # 多久, how fast: 48小时, a span of days
    if intent.answer_type == "date" and _YEAR_ASKED.search(text):
        return "year"  # 哪一年: a month and day do not answer it
    return intent.answer_type


_PEOPLE_WORDS = re.compile(
    r"(?:哪些|哪几|哪个|哪)(?:位|个人|些人|人(?!民)|名)|哪几?位|"
    r"\bwhich (?:\w+ ){0,3}?(?:people|persons?|officials?|leaders?|experts?|doctors?|speakers?)\b",
    re.I,
)
# The name of a thing asked (那家肿瘤医院叫啥, 牌子叫什么名字), not of a person.
_NAMED_THING = re.compile(
    r"(?:医院|单位|机构|协会|中心|联盟|医联体|集团|学校|大学)(?:的)?(?:全称|名字|名称)?"
    r"(?:是)?(?:叫|是)(?:啥|什么)"
)
# A name asked for (牌子叫啥名, 全称是什么): 叫, or a word for a name, before 啥/什么.
_NAME_ASKED = re.compile(
    r"(?:的)?(?:(?:全称|全名|名字|名称)(?:是|叫)?|叫)(?:啥|什么)(?:名字?)?[??呢啊呀]*$"
)
# Things that have names of their own (the plaque hung, the plan issued, the alliance formed).
_THING_NOUN = re.compile(
    r"(?:牌子|牌匾|牌|计划|方案|文件|通知|协议|联盟|项目|工程|模式|政策|口号|名片|活动|仪式|会议)$"
)


def _thing_named(text: str) -> bool:
    """Whether the name asked for is a thing's (那块牌子叫啥名, 三年行动计划全名叫啥), not a
    person's (院长叫什么, 带队的叫什么名字): only a word for a thing right before it says so."""
    asked = _NAME_ASKED.search(text)
    if asked is None or PERSON_ASKED.search(text) or _NAMED_THING.search(text):
        return False
    words = [w for w in jieba.lcut(text[: asked.start()]) if w.strip()]
    return bool(words) and bool(_THING_NOUN.search(words[-1]))


_DEPARTMENT_WORDS = re.compile(
    r"(?:哪些|哪几个|哪个|哪)(?:科室|专科|学科|科(?![学技研普])|病区)|\bwhich (?:\w+ ){0,2}?"
    r"(?:departments?|specialt(?:y|ies)|wards?|clinics?)\b",
    re.I,
)
_YEAR_ASKED = re.compile(r"哪一?年|几几年|\b(?:which|what) year\b|\bin what year\b", re.I)


def _content(
    groups: list[tuple[str, ...]],
    text: str,
    english: bool,
    intent: Intent | None = None,
    spans: list[tuple[int, int]] | None = None,
) -> list[tuple[str, ...]]:
    """The groups that carry content. (Typos are matched by sound against the corpus's
    words when sentences are scored: LexicalIndex.sounds_like.)
    Words inside the question words (哪一天, 几月几号, 啥时候) and counted references (两个)
    only ask, as do the words that name the aspect asked about (讲话提了哪几个要: 要求)."""
    asking = asking_spans(text, english)
    aspect = aspect_of(text, english)
    if aspect is not None:
        asking += [m.span() for m in (aspect.en if english else aspect.zh).finditer(text)]

    # an English question's words are bridged: the bridge of its intent's words asks too
    # (which came out first: 'first' → 首批 is no content)
    asked_terms = {
        t
        for m in (intent.en.finditer(text) if english and intent else ())
        for w in EN_WORD.findall(m.group(0))
        for alt in GLOSSARY_EN_ZH.get(w.lower(), "").split("/")
        for t in tokenize(alt)
        if alt
    }

    def asks(word: str) -> bool:
        if (
            word in FILLERS_ZH
            or word in STOPWORDS
            or word in ASPECT_NOUNS
            or word in asked_terms
            or QUANTIFIER.fullmatch(word)
            or _straddles(word, text, spans or [])  # 小千在 of 于小千在东营: no word
        ):
            return True
        at = [m.start() for m in re.finditer(re.escape(word), text)]
        return bool(at) and all(any(a <= s and s + len(word) <= b for a, b in asking) for s in at)

    out = []
    for group in groups:
        words = [w for w in group if not asks(w)]
        if words:
            out.append(tuple(words))
    return out


def _year(text: str) -> int | None:
    m = YEAR_STATED.search(text)
    return int(m.group(1)) if m else None


def _entities(text: str, bridged: str, gazetteer: Gazetteer) -> tuple[list[str], list[str]]:
    """Names in the question, resolved as whole names against the corpus's names.

    A Chinese question is read for institution names and proper nouns; an English one
    for runs of bridged terms that end in an institution head ('Leling' 'Second People's
    Hospital' → 乐陵第二人民医院). A name the corpus never writes is unknown, even when
    every word of it is known."""
    candidates: list[str] = []
    if text:
        candidates += [name for name, _, _ in full_names(text, ORG_HEAD)]
        candidates += [text[a:b] for a, b in gazetteer.mentions(text)]
        candidates += gazetteer.short_names(text)  # 市二院 → 东营市第二人民医院
        asking = asking_spans(text, False)
        spans = gazetteer.name_spans(text)
        candidates += [
            w
            for w in proper_nouns(text)
            if not any(w in c for c in candidates)
            and not _straddles(w, text, spans)
            and not (len(w) == 2 and particle_cut(w))  # 里市 of 两篇里市卫健委
            and w not in FILLERS_ZH
            and w not in _NO_THINGS
            and w not in GENERIC_WORDS
            and not any(text.find(w) >= a and text.find(w) + len(w) <= b for a, b in asking)
        ]
        candidates += [
            w for w in _abbreviated(text, gazetteer) if not any(w in c for c in candidates)
        ]
    candidates += _bridged_names(bridged, gazetteer)
    candidates += [t.split("/")[0] for t in bridged.split() if t.split("/")[0] in gazetteer.names]
    for parts, name in _joined(text, candidates, gazetteer):
        candidates = [c for c in candidates if c not in parts] + [name]
    found, unknown = [], []
    for name in dict.fromkeys(candidates):
        resolved = gazetteer.resolve(name) or _sounds_like(name, text, gazetteer)
        if resolved:
            found.append(resolved)
        elif len(name) >= 2 and not any(
            name in f or f in name or in_order(name, f) for f in found
        ):  # 医大 of 温医大附二院 is part of a name found
            unknown.append(name)
    return list(dict.fromkeys(found)), unknown


_NAME_PARTS = frozenset(
    {
        "第一",
        "第二",
        "第三",
        "人民",
        "中心",
        "市",
        "县",
        "省",
        "区",
        "镇",
        "大学",
        "附属",
        "医科大学",
        "医学院",
        "妇幼",
        "妇幼保健",
        "儿童",
        "肿瘤",
        "中医",
        "油田",
    }
)


def _abbreviated(text: str, gazetteer: Gazetteer) -> list[str]:
    return [name for _, _, name in abbreviations(text, gazetteer)]


def abbreviations(text: str, gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """Institutions named by characters of their name (温医附二院 = 温州医科大学附属第二医院), with
    where the text writes each: a run ending in 院, or in the ordinal of an affiliated hospital
    (温医附二), whose characters, from the first, an institution of the corpus holds in order;
    the shortest such name, as `Gazetteer.resolve` prefers."""
    institutions = [n for n, kind in gazetteer.names.items() if kind not in ("person", "place")]
    found = []
    for m in re.finditer("院|附[一二三四五六七八九]", text):
        for start in range(max(0, m.start() - 9), m.start() - 1):
            run = text[start : m.end()]
            if not re.fullmatch(r"[\u4e00-\u9fff]+", run) or run in gazetteer.names:
                continue
            held = [
                n for n in institutions if n[0] == run[0] and len(run) < len(n) and in_order(run, n)
            ]
            if held:
                found.append((start, m.end(), min(held, key=len)))
                break
    return found


def _joined(
    text: str, candidates: list[str], gazetteer: Gazetteer
) -> list[tuple[tuple[str, str], str]]:
    """Two names written together that are words of one institution's name (齐鲁德州:
    山东大学齐鲁医院德州医院): that institution."""
    pairs = [
        (a, b)
        for a in candidates
        for b in candidates
        if a != b and a + b in text and a not in b and b not in a
    ]
    return [((a, b), name) for a, b in pairs if (name := gazetteer.holding([a, b]))]


def _sounds_like(name: str, text: str, gazetteer: Gazetteer) -> str | None:
    """A name the corpus writes with other characters of the same sound, read with the
    characters around it (丁春晖: jieba cuts 丁|春晖; 丁春辉 sounds the same)."""
    at = text.find(name) if text else -1
    if at < 0:
        return None
    for a, b in ((at - 1, at + len(name)), (at, at + len(name) + 1), (at - 1, at + len(name) + 1)):
        if a >= 0 and b <= len(text):
            hit = gazetteer.resolve(text[a:b])
            if hit and gazetteer.names.get(hit) in ("person", "place"):
                return hit
    return None


def _bridged_names(bridged: str, gazetteer: Gazetteer) -> list[str]:
    """Institution names spelled by consecutive bridged terms: place or organization names
    and name words before an institution head."""
    terms = [
        t.split("/")[0] if "/" not in t or re.search(ORG_HEAD + "$", t) else ""
        for t in bridged.split()
    ]
    names = []
    for i, term in enumerate(terms):
        if not term or not re.search(ORG_HEAD + "$", term):
            continue
        start = i
        while start > 0 and (terms[start - 1] in gazetteer.names or _name_part(terms[start - 1])):
            start -= 1
        runs = [
            terms[s : i + 1]
            for s in range(start, i)
            if _name_like([gazetteer.names.get(t) for t in terms[s:i]])
            # the city health commission: 市卫生健康委, as an article about one city writes it
            or s == i - 1
            and terms[s] in _PLACE_LEVELS
            and _AGENCY.search(term)
        ]
        # the longest run the corpus names; else the longest, as a name no article writes.
        # The English words between terms are gone, so "the Laoling piece … Qilu Hospital"
        # gives 乐陵 齐鲁 医院: 齐鲁医院 is the name
        known = next((r for r in runs if gazetteer.resolve("".join(r))), None)
        pair = [] if known or not runs else _coordinated(runs[0], gazetteer)
        if pair:
            names += pair
        elif known or runs:
            names.append("".join(known or runs[0]))
    return names


def _coordinated(run: list[str], gazetteer: Gazetteer) -> list[str]:
    """Two institutions of one place named as one run (Dongying MCH + People's Hospital →
    东营 妇幼保健 人民医院): the place's two names the articles write, if the run parts so."""
    place, rest = run[0], run[1:]
    if gazetteer.names.get(place) != "place":
        return []
    for cut in range(1, len(rest)):
        left = place + "".join(rest[:cut])
        first = gazetteer.resolve(left) or gazetteer.resolve(left + "院")  # MCH: 妇幼保健(院)
        second = gazetteer.resolve(place + "".join(rest[cut:]))
        if first and second and first != second:
            return [first, second]
    return []


def _name_part(term: str) -> bool:
    """A word that makes part of a name: 附属, 第二, or both (2nd affiliated → 附属第二)."""
    pieces = tokenize(term)
    return term in _NAME_PARTS or bool(pieces) and all(p in _NAME_PARTS for p in pieces)


_PLACE_LEVELS = frozenset({"市", "县", "省", "区", "镇"})
_AGENCY = re.compile(r"(?:委|局|委员会)$")


def _name_like(kinds: list[str | None]) -> bool:
    """Terms that can make a name: one place at most, no person, and some name the corpus
    knows ("hospitals in Lishui, Shen County and Dongying" names no 丽水莘县东营医院)."""
    return any(kinds) and "person" not in kinds and kinds.count("place") <= 1
