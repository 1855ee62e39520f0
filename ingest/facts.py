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
    """(name, roles, organisation) of each person the sentence names with a role. The
    organisation is the first institution of the clause: one of `institutions` (the
    article's, resolved from short forms) or any organisation name."""
    out = []
    for clause in _CLAUSE.findall(sentence):
        orgs = [n for n in institutions if n in clause] or [
            n for n, _, _ in full_names(clause, ORG_HEAD)
        ]
        org = orgs[0] if orgs else ""
        out += [(name, roles, org) for name, roles, _ in titled_people(clause)]
    return out


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
