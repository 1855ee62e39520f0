"""The web app's handlers: what happens when a user asks, opens a tab or filters.

Layout (`web.py`) wires these to components; they only talk to the engine.
"""

from __future__ import annotations

import html
import threading
from collections.abc import Callable, Iterator
from typing import Any

import gradio as gr

from assistant.app.network import network_svg
from assistant.errors import AssistantError, BadQuestion, StoreNotFound
from assistant.qa.engine import QueryEngine
from assistant.textnorm import to_simplified
from assistant.types import Answer, Citation, Turn

EMPTY_SOURCES = "<p class='pa-muted'>Sources of the answer appear here. 回答的出处显示在这里。</p>"
RELATION_COLUMNS = [
    "supporter",
    "supporter (en)",
    "supported",
    "supported (en)",
    "kind",
    "date",
    "figures",
    "doc_id",
    "evidence",
]


class EngineHolder:
    """Opens the engine lazily, so the app starts (and explains) even without a store."""

    def __init__(self, open_engine: Callable[[], QueryEngine]) -> None:
        self._open = open_engine
        self._engine: QueryEngine | None = None
        self._lock = threading.Lock()

    def get(self) -> QueryEngine:
        with self._lock:
            if self._engine is None:
                self._engine = self._open()
            return self._engine


def highlight(quote: str, terms: list[str]) -> str:
    """Escape `quote` and mark the question's words in it (matched on the Simplified form)."""
    simple = to_simplified(quote)
    if len(simple) != len(quote):
        quote = simple  # rare phrase conversions change length: highlight the Simplified text
    marked = [False] * len(quote)
    for term in terms:
        if len(term) < 2 and not term.isdigit():
            continue
        start = simple.find(term)
        while start >= 0:
            for i in range(start, start + len(term)):
                marked[i] = True
            start = simple.find(term, start + 1)
    out, i = [], 0
    while i < len(quote):
        j = i
        while j < len(quote) and marked[j] == marked[i]:
            j += 1
        piece = html.escape(quote[i:j])
        out.append(f"<mark>{piece}</mark>" if marked[i] else piece)
        i = j
    return "".join(out)


def source_card(c: Citation, terms: list[str]) -> str:
    meta = " · ".join(html.escape(x) for x in (c.date, c.source) if x)
    link = (
        f" · <a href='{html.escape(c.url, quote=True)}' target='_blank' rel='noopener "
        "noreferrer'>original</a>"
        if c.url and c.url.startswith(("http://", "https://"))
        else ""
    )
    simplified = ""
    if c.quote_simplified and to_simplified(c.quote) != c.quote:
        simplified = (
            f"<details><summary>简体</summary>{html.escape(to_simplified(c.quote))}</details>"
        )
    return (
        f"<div class='pa-source'><h4>[{c.n}] {html.escape(c.title)}</h4>"
        f"<div class='pa-meta'>{meta}{link} · <code>{html.escape(c.doc_id)}</code></div>"
        f"<div class='pa-quote'>{highlight(c.quote, terms)}</div>{simplified}</div>"
    )


def sources_html(answer: Answer, terms: list[str]) -> str:
    if not answer.citations:
        return EMPTY_SOURCES
    return "".join(source_card(c, terms) for c in answer.citations)


def message_text(answer: Answer) -> str:
    """The chat message; it carries its source list so that copying it keeps the citations."""
    parts = [answer.text]
    parts += [f"\n\n> ⚠ {n}" for n in answer.notices]
    if answer.citations:
        lines = [
            f"[{c.n}] {c.title} ({', '.join(x for x in (c.source, c.date) if x)})"
            + (f" {c.url}" if c.url else "")
            for c in answer.citations
        ]
        parts.append("\n\n---\n" + "\n".join(lines))
    return "".join(parts)


def friendly_error(exc: Exception) -> str:
    if isinstance(exc, StoreNotFound):
        return (
            f"The article index is not available: {exc}.\n\nBuild it with "
            "`python -m ingest corpus/` and ask again."
        )
    if isinstance(exc, BadQuestion):
        return f"Please rephrase: {exc}."
    return f"Something went wrong: {exc}"


class Handlers:
    """The app's callbacks over one lazily opened engine."""

    def __init__(self, holder: EngineHolder) -> None:
        self.holder = holder

    def respond(
        self, message: str, history: list[dict], turns: list[Turn]
    ) -> Iterator[tuple[Any, ...]]:
        """Stream the answer into the chat; the last yield carries the sources and the new turns."""
        history = [
            *history,
            {"role": "user", "content": message},
            {"role": "assistant", "content": "…"},
        ]
        yield history, gr.update(), turns, ""
        try:
            engine = self.holder.get()
            answer = None
            for answer in engine.ask_stream(message, turns):
                history[-1] = {"role": "assistant", "content": answer.text}
                yield history, gr.update(), turns, ""
            assert answer is not None
            if not answer.backend.startswith(
                "llm"
            ):  # offline answers arrive whole: show them line by line
                lines = answer.text.split("\n")
                for k in range(1, len(lines)):
                    history[-1] = {"role": "assistant", "content": "\n".join(lines[:k])}
                    yield history, gr.update(), turns, ""
            terms = engine.highlight_terms(answer.standalone_question or message)
        except (AssistantError, ValueError) as exc:
            history[-1] = {"role": "assistant", "content": friendly_error(exc)}
            yield history, EMPTY_SOURCES, turns, ""
            return
        history[-1] = {"role": "assistant", "content": message_text(answer)}
        turns = [*turns, Turn(answer.standalone_question or message, answer.text)][-6:]
        yield history, sources_html(answer, terms), turns, ""

    def ask_json(self, question: str) -> dict:
        """API: one question in, the typed answer as JSON out (no conversation)."""
        try:
            return self.holder.get().ask(question).as_dict()
        except (AssistantError, ValueError) as exc:
            return {
                "error": str(exc),
                "answer": friendly_error(exc),
                "refused": True,
                "citations": [],
            }

    def partnerships(self, hospital: str, region: str, kind: str) -> tuple[list[list[Any]], str]:
        try:
            engine = self.holder.get()
            rows = engine.relations(
                hospital or None, region or None, None if kind in ("", "all") else kind
            )
        except AssistantError as exc:
            return [], f"<p>{html.escape(friendly_error(exc))}</p>"
        name = engine.english_name
        table = [
            [
                r.relation.supporter,
                name(r.relation.supporter),
                r.relation.supported,
                name(r.relation.supported),
                r.relation.kind,
                r.relation.date or "",
                r.relation.figures or "",
                r.relation.doc_id,
                r.relation.evidence,
            ]
            for r in rows
        ]
        return table, network_svg(rows, name)
