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

from assistant.lexicon.gazetteer import Gazetteer
from assistant.lexicon.questions import DISTRIBUTIVE, INTENTS
from assistant.qa.analyze import ParsedQuery
from assistant.qa.evidence import name_forms
from assistant.qa.facts import asks, named_parties, renumber
from assistant.textnorm import to_search_form
from assistant.types import Answer, Citation


def parties(query: ParsedQuery, gazetteer: Gazetteer) -> list[str]:
    """The institutions and places a question asks the same thing of (outermost names
    only, in the order it names them); none unless it asks of each (分别, each, compare)."""
    if not (DISTRIBUTIVE.search(query.text) or query.intent == "compare"):
        return []
    named = [e for e in named_parties(query) if gazetteer.names.get(e) != "person"]
    return named if len(named) >= 2 else []


def _own_forms(name: str, names: list[str]) -> list[str]:
    """The forms of `name` that no other of `names` shares (市人民医院 is 东营's and 乐陵's)."""
    shared = {f for other in names if other != name for f in name_forms(other)}
    return [f for f in name_forms(name) if f not in shared and not any(f in o for o in shared)]


def speaks_of_all(answer: Answer, names: list[str]) -> bool:
    """Whether an answer names every party (by a form of its own), in its text or quotes."""
    said = to_search_form(answer.text)
    return all(any(f in said for f in _own_forms(n, names)) for n in names)


def one_party(query: ParsedQuery, party: str, others: list[str]) -> ParsedQuery:
    """The question as asked of `party` alone: the other parties' names and the words that
    asked of each are gone, and a comparison asks what it compares (how many, who, when)."""
    everyone = [party, *others]
    gone = {f for o in others for f in _own_forms(o, everyone)}
    text = DISTRIBUTIVE.sub(" ", query.text)
    for form in sorted(gone, key=len, reverse=True):
        text = text.replace(form, " ")

    def keep(group: tuple[str, ...]) -> bool:
        return not any(t in gone or any(t in f for f in gone if len(t) >= 2) for t in group)

    intent = query.intent
    answer_type = query.answer_type
    if intent == "compare":
        asked = next(
            (i for i in INTENTS if i.name not in ("compare", "yesno") and asks(i, query)),
            None,
        )
        intent, answer_type = (asked.name, asked.answer_type) if asked else ("what", "")
    return dataclasses.replace(
        query,
        text=text,
        intent=intent,
        answer_type=answer_type,
        entities=tuple(e for e in query.entities if e not in others),
        groups=tuple(g for g in query.groups if keep(g)),
        content=tuple(g for g in query.content if keep(g)),
    )


def join(
    question: str, labelled: list[tuple[str, Answer]], standalone: str, timings: dict[str, float]
) -> Answer:
    """The parties' answers as one, each under its label, citations numbered on."""
    lines: list[str] = []
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
