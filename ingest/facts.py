"""Facts: the people, figures and events one article states, each with its evidence sentence.

Rule-based and offline, like relations. Sentences are read in the search form (Simplified)
and quoted in the article's own script.
- people: a role word next to a name (聊城市卫健委党组书记、主任张月莲; 张向东院长), with the
  organisation that opens the clause;
- figures: a number with its unit and the words around it (专家共71名, 一行5人, 200余人参加);
- events: a sentence that dates what happens in it (3月17日,…举行…欢迎仪式), the year taken
  from the article's date.
"""

from __future__ import annotations

import re

from assistant.lexicon.names import ORG_HEAD, article_mentions, full_names, titled_people
from assistant.lexicon.questions import NUMBER_RE
from assistant.lexicon.roles import ROLE_WORDS, roles_in
from assistant.textnorm import sentence_spans, to_search_form
from assistant.types import Article, Fact

from .clean import CleanDocument

_CLAUSE = re.compile(r"[^,,;;。!?!?]+")
_MD = re.compile(r"(\d{1,2})月(\d{1,2})(?:-\d{1,2})?日")
_LOST_MONTH = re.compile(r"(?<![\d月])(1[0-2]|[1-9])(\d{1,2})日")  # "129日": 月 lost
_EVENT = re.compile(r"举行|召开|签约|揭牌|成立|启动|印发|调研|座谈|欢迎|仪式|会议|汇报会|参观|莅临")


def event_date(text: str, published: str | None) -> str | None:
    """The ISO date a sentence gives (月日, or 129日 where 月 was lost), in the year of the
    publication date, or the year before when the month lies after it."""
    m = _MD.search(text)
    month, day = (int(m.group(1)), int(m.group(2))) if m else (0, 0)
    if not m and published:
        lost = _LOST_MONTH.search(text[:12])
        if lost and int(lost.group(1)) == int(published[5:7]):
            month, day = int(lost.group(1)), int(lost.group(2))
    if not (1 <= month <= 12 and 1 <= day <= 31) or not published:
        return None
    year = int(published[:4]) - (month > int(published[5:7]))
    return f"{year:04d}-{month:02d}-{day:02d}"


def people(sentence: str, institutions: tuple[str, ...] = ()) -> list[tuple[str, str, str]]:
    """(name, roles, organisation) of each person the sentence names with a role, one row per
    organisation they hold roles at: 聊城市卫健委党组成员、市第三人民医院党委书记苏玉凤 gives
    (苏玉凤, 党组成员, 聊城市卫健委) and (苏玉凤, 党委书记, 市第三人民医院). Organisations are
    the article's `institutions` (resolved from short forms) or any organisation name."""
    out: list[tuple[str, str, str]] = []
    previous = 0  # where the title of the next person may start: after the last name
    for name, roles, at in titled_people(sentence):
        if sentence.startswith(roles, at + len(name)):  # 王国敬副主任: the role follows
            clause = next((c for c in _CLAUSE.findall(sentence) if name in c), "")
            out.append((name, roles, _first_org(clause, institutions)))
        else:  # a title no role word reads (教授张伟) keeps the role the name was found by
            titles = _titles(sentence[previous:at], institutions)
            clause = next((c for c in _CLAUSE.findall(sentence) if name in c), "")
            out += [(name, r, o) for o, r in titles] or [
                (name, roles, _first_org(clause, institutions))
            ]
        previous = at + len(name)
    return out


# An organisation a title names by its level alone (市第三人民医院, 市卫生健康委, 县医保局)
_LEVEL_ORG = re.compile(
    r"(?:^|[,,、和及由])((?:[\u4e00-\u9fff]{1,3}?[市县区省]|[市县区省])[\u4e00-\u9fff]{0,8}?"
    r"(?:" + ORG_HEAD[3:-1] + r"|管理局|政府|保局|常委会|计生委|卫计委))"
)


# Words of what happened, never of a title: a part holding one ends the title read back
_NOT_TITLE = re.compile(r"参加|出席|举行|观看|介绍|汇报|主持|致辞|讲话|表示|以及|等")


def _titles(before: str, institutions: tuple[str, ...]) -> list[tuple[str, str]]:
    """(organisation, roles) of the title written before a name: the comma-separated parts
    that hold roles, read back from the name (会上,市卫生健康委党组书记、主任,市中医药管理局局长),
    each role going with the organisation named last before it."""
    kept: list[str] = []
    for part in reversed(re.split(r"[,,]", before)):
        if not roles_in(part) or (kept and _NOT_TITLE.search(part)):
            break  # not a title: 以及市二院全体班子成员…参加欢迎仪式
        kept.insert(0, part)
    title = ",".join(kept)
    orgs = _orgs(title, institutions)
    grouped: dict[str, list[str]] = {}
    for m in ROLE_WORDS.finditer(title):
        if any(a <= m.start() < a + len(n) for a, n in orgs):
            continue  # 委员 of 卫生健康委员会
        org = next((n for a, n in reversed(orgs) if a < m.start()), "")
        if m.group(0) not in grouped.setdefault(org, []):
            grouped[org].append(m.group(0))
    return [(org, "、".join(roles)) for org, roles in grouped.items()]


def _orgs(text: str, institutions: tuple[str, ...]) -> list[tuple[int, str]]:
    """(position, name) of the organisations `text` names."""
    return sorted(
        {(m.start(), n) for n in institutions for m in re.finditer(re.escape(n), text)}
        | {(a, n) for n, a, _ in full_names(text, ORG_HEAD)}
        | {
            (m.start(1) + len(m.group(1)) - len(n), n)
            for m in _LEVEL_ORG.finditer(text)
            if (n := m.group(1).lstrip("在由于及和与的了"))  # 在省妇幼保健协会 is 省…
        }
    )


def _first_org(clause: str, institutions: tuple[str, ...]) -> str:
    orgs = [n for n in institutions if n in clause] or [
        n for n, _, _ in full_names(clause, ORG_HEAD)
    ]
    return orgs[0] if orgs else ""


def figures(sentence: str) -> list[tuple[str, str, str]]:
    """(number, unit, clause) of each counted thing: the clause says what is counted."""
    out = []
    for clause in _CLAUSE.findall(sentence):
        for m in NUMBER_RE.finditer(clause):
            digits = re.match(r"\d+", m.group(0))
            if digits:
                unit = m.group(0)[digits.end() :].strip()
                out.append((digits.group(0), unit, clause.strip()))
    return out


def extract(doc: CleanDocument, meta: Article) -> list[Fact]:
    """Every person, figure and dated event the article states."""
    body = to_search_form(doc.text)
    original = doc.text if len(doc.text) == len(body) else body
    mentions = article_mentions(body, to_search_form(meta.source or ""))
    facts: list[Fact] = []
    for start, end in sentence_spans(body, whole=True):
        sentence, evidence = body[start:end], original[start:end].strip()
        # the article's institutions as written here, each standing for its full name
        here = {body[x.start : x.end]: x.name for x in mentions if start <= x.start < end}
        for name, roles, org in people(sentence, tuple(here)):
            org = here.get(org, org)
            facts.append(Fact("person", meta.doc_id, evidence, name, roles, org))
        for number, unit, clause in figures(sentence):
            facts.append(Fact("figure", meta.doc_id, evidence, clause, unit=unit, value=number))
        date = event_date(sentence, meta.date)
        if date and _EVENT.search(sentence):
            place = full_names(sentence, ORG_HEAD)
            what = re.sub(r"^[^,,]*?\d+日(?:上午|下午|晚)?[,,]?", "", sentence)[:60]
            facts.append(
                Fact(
                    "event",
                    meta.doc_id,
                    evidence,
                    what,
                    org=place[0][0] if place else "",
                    value=date,
                    date=date,
                )
            )
    return facts
