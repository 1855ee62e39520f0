"""Follow-up questions: rewrite "它们什么时候签约的?" into a stand-alone question.

With an LLM configured it rewrites; otherwise (or when it fails) the names from the
previous turn are carried into the new question.
"""

from __future__ import annotations

import re

from assistant.lexicon.gazetteer import Gazetteer
from assistant.qa.llm import LLMAnswerer
from assistant.textnorm import to_search_form
from assistant.types import Turn

_REFERRING = re.compile(
    r"它们|他们|她们|它|他|她|其|该院|该医院|两院|双方|这些|那些|这家|那家|这个|那个|上述|"
    r"\b(?:they|them|their|it|its|those|these|he|she|his|her|this|that)\b",
    re.I,
)


def needs_context(question: str) -> bool:
    return bool(_REFERRING.search(to_search_form(question)))


def entities(text: str, gazetteer: Gazetteer) -> list[str]:
    """Institution and gazetteer names in order of appearance, longest first at a tie."""
    text = to_search_form(text)
    return list(dict.fromkeys(text[a:b] for a, b in gazetteer.mentions(text)))


def rewrite(
    question: str, history: list[Turn], gazetteer: Gazetteer, llm: LLMAnswerer | None = None
) -> str:
    if not history or not needs_context(question):
        return question
    if llm is not None:
        rewritten = llm.rewrite(question, history)
        if rewritten:
            return rewritten
    last = history[-1]
    carried = entities(last.question, gazetteer)
    carried += [
        e
        for e in entities(
            last.answer.split("\n", 2)[1] if "\n" in last.answer else last.answer, gazetteer
        )
        if e not in carried
    ]
    return " ".join(carried[:4] + [question]) if carried else question
