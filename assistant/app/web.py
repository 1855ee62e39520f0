"""The staff chat: a Gradio app over the same QueryEngine as the CLI.

Answers stream into the chat; the sources panel shows every cited article with its
title, date, outlet, link and the quoted passage (supporting words highlighted, in the
article's own script, with the Simplified form one click away).
"""

from __future__ import annotations

import html
import os
import threading
from collections.abc import Callable, Iterator
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

import gradio as gr  # noqa: E402

from assistant.app.network import network_svg  # noqa: E402
from assistant.errors import AssistantError, BadQuestion, StoreNotFound  # noqa: E402
from assistant.lexicon.kinds import KIND_EN  # noqa: E402
from assistant.qa.analyze import parse  # noqa: E402
from assistant.qa.engine import QueryEngine  # noqa: E402
from assistant.qa.followup import Turn  # noqa: E402
from assistant.textnorm import to_simplified  # noqa: E402
from assistant.types import Answer, Citation  # noqa: E402

EXAMPLES = ["哪些医院支援乐陵?", "which hospitals support Leling", "胜利油田中心医院派驻了多少名专家?",
            "勝利油田中心醫院與哪家醫院共建緊密型城市醫療集團?", "Who supports Shen County?"]
CONCURRENCY = 4  # questions answered at once; more wait in the queue
EMPTY_SOURCES = "<p class='pa-muted'>Sources of the answer appear here. 回答的出处显示在这里。</p>"
CSS = """
.pa-source {border:1px solid #d0d7de; border-radius:8px; padding:10px 12px; margin-bottom:10px;}
.pa-source h4 {margin:0 0 4px 0; font-size:15px;}
.pa-meta {color:#57606a; font-size:13px; margin-bottom:6px;}
.pa-quote {font-size:14px; line-height:1.6; border-left:3px solid #0969da; padding-left:8px;}
.pa-quote mark {background:#fff3b0; padding:0 1px;}
.pa-muted {color:#57606a;}
"""


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
    link = (f" · <a href='{html.escape(c.url, quote=True)}' target='_blank' rel='noopener noreferrer'>original</a>"
            if c.url and c.url.startswith(("http://", "https://")) else "")
    simplified = ""
    if c.quote_simplified and to_simplified(c.quote) != c.quote:
        simplified = f"<details><summary>简体</summary>{html.escape(to_simplified(c.quote))}</details>"
    return (f"<div class='pa-source'><h4>[{c.n}] {html.escape(c.title)}</h4>"
            f"<div class='pa-meta'>{meta}{link} · <code>{html.escape(c.doc_id)}</code></div>"
            f"<div class='pa-quote'>{highlight(c.quote, terms)}</div>{simplified}</div>")


def sources_html(answer: Answer, terms: list[str]) -> str:
    if not answer.citations:
        return EMPTY_SOURCES
    return "".join(source_card(c, terms) for c in answer.citations)


def message_text(answer: Answer) -> str:
    """The chat message; it carries its source list so that copying it keeps the citations."""
    parts = [answer.text]
    parts += [f"\n\n> ⚠ {n}" for n in answer.notices]
    if answer.citations:
        lines = [f"[{c.n}] {c.title} ({', '.join(x for x in (c.source, c.date) if x)})"
                 + (f" {c.url}" if c.url else "") for c in answer.citations]
        parts.append("\n\n---\n" + "\n".join(lines))
    return "".join(parts)


def friendly_error(exc: Exception) -> str:
    if isinstance(exc, StoreNotFound):
        return (f"The article index is not available: {exc}.\n\nBuild it with "
                "`python -m ingest corpus/` and ask again.")
    if isinstance(exc, BadQuestion):
        return f"Please rephrase: {exc}."
    return f"Something went wrong: {exc}"


def build_app(holder: EngineHolder, title: str = "Hospital partnerships assistant") -> gr.Blocks:
    def respond(message: str, history: list[dict], turns: list[Turn]) -> Iterator[tuple[Any, ...]]:
        history = [*history, {"role": "user", "content": message},
                   {"role": "assistant", "content": "…"}]
        yield history, gr.update(), turns, ""
        try:
            engine = holder.get()
            terms = parse(message, engine.derived.gazetteer).tokens
            answer = None
            for answer in engine.ask_stream(message, turns):
                history[-1] = {"role": "assistant", "content": answer.text}
                yield history, gr.update(), turns, ""
            assert answer is not None
            if not answer.backend.startswith("llm"):  # offline answers arrive whole: show them line by line
                lines = answer.text.split("\n")
                for k in range(1, len(lines)):
                    history[-1] = {"role": "assistant", "content": "\n".join(lines[:k])}
                    yield history, gr.update(), turns, ""
        except (AssistantError, ValueError) as exc:
            history[-1] = {"role": "assistant", "content": friendly_error(exc)}
            yield history, EMPTY_SOURCES, turns, ""
            return
        history[-1] = {"role": "assistant", "content": message_text(answer)}
        turns = [*turns, Turn(answer.standalone_question or message, answer.text)][-6:]
        yield history, sources_html(answer, terms), turns, ""

    def ask_json(question: str) -> dict:
        """API: one question in, the typed answer as JSON out (no conversation)."""
        try:
            return holder.get().ask(question).as_dict()
        except (AssistantError, ValueError) as exc:
            return {"error": str(exc), "answer": friendly_error(exc), "refused": True, "citations": []}

    def partnerships(hospital: str, region: str, kind: str) -> tuple[list[list[Any]], str]:
        try:
            derived = holder.get().derived
        except AssistantError as exc:
            return [], f"<p>{html.escape(friendly_error(exc))}</p>"
        rows = derived.relations.filter(hospital or None, region or None,
                                        None if kind in ("", "all") else kind, derived.gazetteer)
        table = [[r.relation.supporter, derived.gazetteer.render(r.relation.supporter), r.relation.supported,
                  derived.gazetteer.render(r.relation.supported), r.relation.kind, r.relation.date or "",
                  r.relation.figures or "", r.relation.doc_id, r.relation.evidence] for r in rows]
        return table, network_svg(rows, derived.gazetteer)

    with gr.Blocks(title=title) as app:
        gr.Markdown(f"## {title}\nAsk in 简体, 繁體 or English. Every claim is cited; "
                    "questions the articles don't cover are refused.")
        with gr.Tab("Chat"), gr.Row():
            with gr.Column(scale=3):
                chat = gr.Chatbot(label="Conversation", height=480, buttons=["copy", "copy_all"],
                                  elem_id="pa-chat")
                box = gr.Textbox(placeholder="e.g. 哪些医院支援乐陵?", show_label=False, elem_id="pa-question",
                                 submit_btn="Ask")
                with gr.Row():
                    new = gr.Button("New conversation", variant="secondary", elem_id="pa-new")
                gr.Examples(EXAMPLES, inputs=box, label="Examples")
            with gr.Column(scale=2):
                gr.Markdown("### Sources")
                sources = gr.HTML(EMPTY_SOURCES, elem_id="pa-sources")
        with gr.Tab("Partnerships") as tab:
            with gr.Row():
                f_hospital = gr.Textbox(label="Hospital (中文 or English)", elem_id="pa-f-hospital")
                f_region = gr.Textbox(label="Region, e.g. 乐陵 or Leling", elem_id="pa-f-region")
                f_kind = gr.Dropdown(["all", *KIND_EN], value="all", label="Kind")
            picture = gr.HTML(elem_id="pa-network")
            grid = gr.Dataframe(headers=["supporter", "supporter (en)", "supported", "supported (en)", "kind",
                                         "date", "figures", "doc_id", "evidence"], wrap=True,
                                interactive=False, elem_id="pa-relations")
        filters = [f_hospital, f_region, f_kind]
        gr.on([f_hospital.change, f_region.change, f_kind.change], partnerships, filters, [grid, picture],
              api_name=False)
        tab.select(partnerships, filters, [grid, picture], api_name="partnerships")
        turns = gr.State([])
        box.submit(respond, [box, chat, turns], [chat, sources, turns, box], api_name="chat")
        new.click(lambda: ([], EMPTY_SOURCES, [], ""), None, [chat, sources, turns, box],
                  api_name="new_conversation")
        hidden_q = gr.Textbox(visible=False)
        hidden_out = gr.JSON(visible=False)
        hidden_q.submit(ask_json, hidden_q, hidden_out, api_name="ask")
    app.queue(default_concurrency_limit=CONCURRENCY)
    return app


def launch(holder: EngineHolder, host: str, port: int, auth: tuple[str, str] | None,
           block: bool = True) -> gr.Blocks:
    """Start the app; with `block=False` return at once (call `.close()` to stop it)."""
    app = build_app(holder)
    app.launch(server_name=host, server_port=port, auth=auth, prevent_thread_lock=not block,
                      show_error=False, quiet=not block, css=CSS, footer_links=["api"],
                      allowed_paths=[], ssr_mode=False)
    return app
