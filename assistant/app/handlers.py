"""The web app's handlers: what happens when a user asks, opens a tab or filters.

Layout (`web.py`) wires these to components; they only talk to the engine.
"""

from __future__ import annotations

import contextlib
import html
import queue
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import gradio as gr

from assistant.app.library import (
    DOC_ID_COLUMN,
    LibraryFilter,
    document_view,
    find_original,
    find_repost,
    kind_choices,
    library_rows,
    outlet_choices,
)
from assistant.app.network import network_svg
from assistant.app.staging import FileResult, Incoming, Paste
from assistant.app.upload import ENABLE_HINT, CorpusWriter, Report, UploadRefused
from assistant.errors import AssistantError, BadQuestion, StoreNotFound
from assistant.qa.engine import QueryEngine
from assistant.store.schema import DocRecord
from assistant.textnorm import to_simplified
from assistant.types import Answer, Citation, Turn
from ingest.clean import clean
from ingest.load import RejectedFile, load

T = TypeVar("T")
_PROGRESS = gr.Progress()  # Gradio fills in a progress tracker for a parameter with this default

EMPTY_SOURCES = "<p class='pa-muted'>Sources of the answer appear here. 回答的出处显示在这里。</p>"
EMPTY_VIEW = (
    "<p class='pa-muted'>Click a document in the table to see its original text beside the "
    "cleaned text that is indexed.</p>"
)
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

    def documents(self) -> dict[str, DocRecord]:
        """The committed documents as the engine sees them (it picks up a newly published
        version by itself); none while there is no index yet."""
        try:
            return self.get().documents()
        except StoreNotFound:
            return {}


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
    meta = " · ".join(html.escape(x) for x in (c.date, c.outlets, c.page_label) if x)
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
            f"[{c.n}] {c.title} ({', '.join(x for x in (c.outlets, c.date, c.page_label) if x)})"
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


# --- the Library and Upload tabs ----------------------------------------------------------

UPLOAD_COLUMNS = ["file", "result", "detail"]


def _drive(work: Callable[[Report], T], progress: Any) -> T:
    """Run `work` in a worker thread and show what it reports in the page's progress bar.
    Gradio's progress tracker only works from the handler's own thread (its context), while
    ingestion reports from its own threads: the reports travel through a queue."""
    events: queue.Queue[tuple[str, float | None]] = queue.Queue()
    last = 0.0
    with ThreadPoolExecutor(1, thread_name_prefix="library-write") as pool:
        future = pool.submit(work, lambda message, fraction: events.put((message, fraction)))
        while True:
            try:
                message, fraction = events.get(timeout=0.1)
            except queue.Empty:
                if future.done() and events.empty():
                    break
                continue
            last = fraction if fraction is not None else last
            progress(last, desc=message)
        return future.result()


def _reason(exc: Exception) -> str:
    """A failed write, in words: our own errors say what to do; others name their kind."""
    if isinstance(exc, AssistantError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def results_summary(results: list[FileResult]) -> str:
    counts: dict[str, int] = {}
    for r in results:
        counts[r.status] = counts.get(r.status, 0) + 1
    parts = ", ".join(f"{n} {status}" for status, n in counts.items())
    return f"**{len(results)} file(s):** {parts}." if results else "Nothing was uploaded."


class LibraryHandlers:
    """The Library tab (list, filter, view, remove) and the Upload tab, over the engine and
    the one `CorpusWriter` (None: writes are off)."""

    def __init__(self, holder: EngineHolder, corpus: Path, writer: CorpusWriter | None) -> None:
        self.holder = holder
        self.corpus = corpus
        self.writer = writer

    @property
    def writes_enabled(self) -> bool:
        return self.writer is not None and self.writer.enabled

    def library(
        self, query: str, outlet: str, date_from: str, date_to: str, kind: str
    ) -> tuple[list[list[Any]], str, Any, Any]:
        """The documents matching the filters, a count line, and the filters' choices."""
        f = LibraryFilter(query or "", outlet or "", date_from or "", date_to or "", kind or "")
        try:
            records = list(self.holder.documents().values())
        except AssistantError as exc:
            return [], html.escape(friendly_error(exc)), gr.update(), gr.update()
        rows = library_rows(records, f)
        note = f"{len(rows)} of {len(records)} documents"
        if not records:
            note = (
                "No documents yet: upload some, or build the index with `python -m ingest corpus/`."
            )
        problems = f.problems()
        if problems:
            note += " — " + "; ".join(problems)
        outlets = outlet_choices(records)
        kinds = kind_choices(records)
        return (
            rows,
            note,
            gr.update(choices=outlets, value=outlet if outlet in outlets else "all"),
            gr.update(choices=kinds, value=kind if kind in {v for _, v in kinds} else "all"),
        )

    def select(self, evt: gr.SelectData) -> str:
        """A click on the table: the document id of the clicked row."""
        row = evt.row_value or []
        return str(row[DOC_ID_COLUMN]) if len(row) > DOC_ID_COLUMN else ""

    def view(self, doc_id: str) -> str:
        """A document's original (what cleaning removed struck through) beside its cleaned
        text."""
        doc_id = (doc_id or "").strip()
        if not doc_id:
            return EMPTY_VIEW
        try:
            documents = self.holder.documents()
        except AssistantError as exc:
            return f"<p>{html.escape(friendly_error(exc))}</p>"
        record = documents.get(doc_id)
        if record is None:
            copy = find_repost(documents.values(), doc_id)
            if copy is None:
                return f"<p class='pa-muted'>No document {html.escape(doc_id)} in the library.</p>"
            repost, canonical = copy[1], copy[0].doc_id
            return (
                f"<p class='pa-muted'><code>{html.escape(doc_id)}</code> is a repost "
                f"({html.escape(repost.outlet)}) of <code>{html.escape(canonical)}</code>, "
                "which the index holds in its place:</p>" + self.view(canonical)
            )
        path = find_original(record, self.corpus)
        if path is None:
            text = self.holder.get().document_text(doc_id)
            note = f"Its file is not in the corpus directory {self.corpus}; the indexed text:"
            return document_view(record, None, text, note)
        try:
            raw = load(path)
        except RejectedFile as exc:
            text = self.holder.get().document_text(doc_id)
            return document_view(record, None, text, f"Cannot read {path.name}: {exc.reason}")
        return document_view(record, raw.text, clean(doc_id, raw.text).text)

    def ask_remove(self, doc_id: str) -> tuple[Any, str, str]:
        """The confirmation step: show what would be removed, and remember which document."""
        doc_id = (doc_id or "").strip()
        if not self.writes_enabled:
            return gr.update(visible=False), "", ""
        documents = self.holder.documents() if doc_id else {}
        record = documents.get(doc_id)
        copy = None if record is not None else find_repost(documents.values(), doc_id)
        if record is not None:
            what = f"**{html.escape(record.article.title or doc_id)}** (`{doc_id}`)"
        elif copy is not None:
            what = (
                f"the repost `{doc_id}` ({html.escape(copy[1].outlet)}) of "
                f"**{html.escape(copy[0].article.title)}**"
            )
        else:
            return gr.update(visible=False), "", ""
        message = (
            f"Remove {what}? Its file is deleted from `{self.corpus}` and it leaves the "
            "index: the chat stops citing it."
        )
        return gr.update(visible=True), message, doc_id

    def remove(self, doc_id: str, progress: Any = _PROGRESS) -> tuple[str, Any, str, str]:
        """Remove the confirmed document; the status, the hidden confirmation, the cleared
        selection and view."""
        hidden = gr.update(visible=False)
        if self.writer is None or not doc_id:
            return f"Nothing removed. {ENABLE_HINT if self.writer is None else ''}", hidden, "", ""
        try:
            result = _drive(lambda report: self.writer_or_fail().remove(doc_id, report), progress)
        except Exception as exc:  # the file is back in place: say why
            return f"Nothing removed: {_reason(exc)}", hidden, doc_id, self.view(doc_id)
        return (
            f"**{html.escape(result.name)}**: {result.status} ({result.detail})",
            hidden,
            "",
            EMPTY_VIEW,
        )

    def writer_or_fail(self) -> CorpusWriter:
        if self.writer is None:
            raise UploadRefused(ENABLE_HINT)
        return self.writer

    def upload(
        self,
        files: list[str] | None,
        title: str,
        outlet: str,
        date: str,
        text: str,
        progress: Any = _PROGRESS,
    ) -> tuple[str, list[list[str]], Any]:
        """Upload files and/or a pasted article: a summary line, one row per file, and the
        file picker cleared once they are in."""
        incoming = [Incoming(Path(f).name, Path(f)) for f in files or []]
        paste = None
        if (title or "").strip() or (text or "").strip():
            paste = Paste(title or "", text or "", outlet or "", date or "")
        try:
            writer = self.writer_or_fail()
            results = _drive(lambda report: writer.upload(incoming, paste, report), progress)
        except Exception as exc:  # the writer has put the corpus directory back: say why
            return f"Nothing was uploaded: {_reason(exc)}", [], None
        finally:
            for f in incoming:  # Gradio's copy of the upload is no longer needed
                with contextlib.suppress(OSError):
                    f.path.unlink()
        rows = [[r.name, r.status, r.detail] for r in results]
        return results_summary(results), rows, None
