"""The staff chat: a Gradio app over the same QueryEngine as the CLI.

Answers stream into the chat; the sources panel shows every cited article with its
title, date, outlet, link and the quoted passage (supporting words highlighted, in the
article's own script, with the Simplified form one click away).
"""

from __future__ import annotations

from pathlib import Path

import gradio as gr

from assistant.app.handlers import (
    EMPTY_SOURCES,
    EMPTY_VIEW,
    RELATION_COLUMNS,
    UPLOAD_COLUMNS,
    EngineHolder,
    Handlers,
    LibraryHandlers,
)
from assistant.app.library import LIBRARY_COLUMNS
from assistant.app.staging import Limits
from assistant.app.upload import ENABLE_HINT, CorpusWriter
from assistant.lexicon.kinds import KIND_EN
from ingest.load import SUFFIXES

EXAMPLES = [
    "哪些医院支援乐陵?",
    "which hospitals support Leling",
    "胜利油田中心医院派驻了多少名专家?",
    "勝利油田中心醫院與哪家醫院共建緊密型城市醫療集團?",
    "Who supports Shen County?",
]
CONCURRENCY = 4  # questions answered at once; more wait in the queue
CSS = """
.pa-source {border:1px solid #d0d7de; border-radius:8px; padding:10px 12px; margin-bottom:10px;}
.pa-source h4 {margin:0 0 4px 0; font-size:15px;}
.pa-meta {color:#57606a; font-size:13px; margin-bottom:6px;}
.pa-quote {font-size:14px; line-height:1.6; border-left:3px solid #0969da; padding-left:8px;}
.pa-quote mark {background:#fff3b0; padding:0 1px;}
.pa-muted {color:#57606a;}
.pa-doc-cols {display:grid; grid-template-columns:1fr 1fr; gap:16px;}
.pa-doc h4 {margin:8px 0 4px 0; font-size:14px;}
.pa-diff {white-space:pre-wrap; font-size:14px; line-height:1.6; border:1px solid #d0d7de;
  border-radius:6px; padding:8px 10px; max-height:640px; overflow:auto;}
.pa-diff del, .pa-doc h4 del {text-decoration:line-through; color:#cf222e; background:#ffebe9;}
.pa-diff ins {text-decoration:none; color:#1a7f37; background:#dafbe1;}
"""
WRITE_GROUP = "library-write"  # uploads and removals: one at a time, the rest wait in the queue


def upload_help(limits: Limits, enabled: bool) -> str:
    kinds = " ".join(f"`{s}`" for s in SUFFIXES)
    text = (
        f"Add articles to the library: {kinds} files, one or many ({limits.describe()}), or "
        "paste an article's text with its title. Each file is checked first and reports one "
        "result: added, updated, a repost of a document already here, or rejected with the "
        "reason (a rejected file changes nothing). Accepted files are saved in the corpus "
        "directory and indexed; the chat answers from them as soon as they are in. Uploads "
        "wait their turn: one upload or removal at a time."
    )
    if enabled:
        return (
            f"{text}\n\nUploads are on because the server has a password or was started with "
            "`--allow-uploads`."
        )
    return f"**Uploads are off.** {ENABLE_HINT}\n\n{text}"


def build_app(
    holder: EngineHolder,
    title: str = "Hospital partnerships assistant",
    writer: CorpusWriter | None = None,
    corpus: Path = Path("corpus"),
) -> gr.Blocks:
    """The app; `writer` does uploads and removals (None, or a disabled one: they are off)."""
    on = Handlers(holder)
    lib = LibraryHandlers(holder, writer.corpus if writer else corpus, writer)
    writes = lib.writes_enabled
    limits = writer.limits if writer else Limits()
    with gr.Blocks(title=title) as app:
        gr.Markdown(
            f"## {title}\nAsk in 简体, 繁體 or English. Every claim is cited; "
            "questions the articles don't cover are refused."
        )
        with gr.Tab("Chat"), gr.Row():
            with gr.Column(scale=3):
                chat = gr.Chatbot(
                    label="Conversation",
                    height=480,
                    buttons=["copy", "copy_all"],
                    elem_id="pa-chat",
                )
                box = gr.Textbox(
                    placeholder="e.g. 哪些医院支援乐陵?",
                    show_label=False,
                    elem_id="pa-question",
                    submit_btn="Ask",
                )
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
            grid = gr.Dataframe(
                headers=RELATION_COLUMNS, wrap=True, interactive=False, elem_id="pa-relations"
            )
        with gr.Tab("Library", id="library") as lib_tab:
            with gr.Row():
                l_query = gr.Textbox(
                    label="Search titles, outlets and names (简体 or 繁體)", elem_id="pa-lib-search"
                )
                l_outlet = gr.Dropdown(
                    ["all"], value="all", label="Outlet", elem_id="pa-lib-outlet"
                )
                l_kind = gr.Dropdown(
                    [("all", "all")], value="all", label="Partnership kind", elem_id="pa-lib-kind"
                )
                l_from = gr.Textbox(label="From (yyyy, yyyy-mm, yyyy-mm-dd)", elem_id="pa-lib-from")
                l_to = gr.Textbox(label="To", elem_id="pa-lib-to")
            l_count = gr.Markdown(elem_id="pa-lib-count")
            l_table = gr.Dataframe(
                headers=LIBRARY_COLUMNS,
                wrap=True,
                interactive=False,
                column_widths=["30%", "9%", "13%", "8%", "6%", "7%", "11%", "16%"],
                max_height=420,
                elem_id="pa-library",
            )
            with gr.Row():
                l_selected = gr.Textbox(
                    label="Selected document id", elem_id="pa-lib-selected", scale=3
                )
                l_remove = gr.Button(
                    "Remove…", variant="stop", elem_id="pa-lib-remove", visible=writes, scale=1
                )
            if not writes:
                gr.Markdown(f"Removing documents is off. {ENABLE_HINT}", elem_id="pa-lib-off")
            with gr.Row(visible=False, elem_id="pa-lib-confirm-row") as l_confirm_row:
                l_confirm_text = gr.Markdown(elem_id="pa-lib-confirm-text")
                l_yes = gr.Button("Yes, remove it", variant="stop", elem_id="pa-lib-confirm")
                l_no = gr.Button("Cancel", elem_id="pa-lib-cancel")
            l_status = gr.Markdown(elem_id="pa-lib-status")
            l_view = gr.HTML(EMPTY_VIEW, elem_id="pa-lib-view")
        with gr.Tab("Upload", id="upload"):
            gr.Markdown(upload_help(limits, writes), elem_id="pa-upload-help")
            with gr.Group(visible=writes):
                u_files = gr.File(
                    label="Files",
                    file_count="multiple",
                    file_types=list(SUFFIXES),
                    elem_id="pa-upload-files",
                )
                with gr.Accordion("…or paste an article", open=False, elem_id="pa-paste"):
                    u_title = gr.Textbox(label="Title", elem_id="pa-paste-title")
                    with gr.Row():
                        u_outlet = gr.Textbox(label="Outlet (optional)", elem_id="pa-paste-outlet")
                        u_date = gr.Textbox(
                            label="Date, yyyy-mm-dd (optional)", elem_id="pa-paste-date"
                        )
                    u_text = gr.Textbox(
                        label="Article text",
                        lines=8,
                        max_length=limits.max_file_bytes // 4,
                        elem_id="pa-paste-text",
                    )
                u_go = gr.Button("Upload and index", variant="primary", elem_id="pa-upload-go")
            u_status = gr.Markdown(elem_id="pa-upload-status")
            u_results = gr.Dataframe(
                headers=UPLOAD_COLUMNS,
                wrap=True,
                interactive=False,
                column_widths=["30%", "12%", "58%"],
                elem_id="pa-upload-results",
            )
        l_filters = [l_query, l_outlet, l_from, l_to, l_kind]
        l_outputs = [l_table, l_count, l_outlet, l_kind]
        gr.on(
            [l_query.submit, l_outlet.input, l_kind.input, l_from.submit, l_to.submit],
            lib.library,
            l_filters,
            l_outputs,
            api_name="library_filters",  # the private events are named so that none takes
            api_visibility="private",  # the public names (/library, /remove …)
        )
        lib_tab.select(lib.library, l_filters, l_outputs, api_name="library")
        l_table.select(
            lib.select, None, l_selected, api_name="library_select", api_visibility="private"
        )
        l_selected.change(lib.view, l_selected, l_view, api_name="library_document")
        # the document id awaiting confirmation (a component, so /remove takes it as input)
        pending = gr.Textbox(visible=False, elem_id="pa-lib-pending")
        l_remove.click(
            lib.ask_remove,
            l_selected,
            [l_confirm_row, l_confirm_text, pending],
            api_name="remove_confirm",
            api_visibility="private",
        )
        l_no.click(
            lambda: (gr.update(visible=False), ""),
            None,
            [l_confirm_row, pending],
            api_name="remove_cancel",
            api_visibility="private",
        )
        l_yes.click(
            lib.remove,
            pending,
            [l_status, l_confirm_row, l_selected, l_view],
            api_name="remove",
            concurrency_id=WRITE_GROUP,
            concurrency_limit=1,
        ).then(
            lib.library,
            l_filters,
            l_outputs,
            api_name="library_after_remove",
            api_visibility="private",
        )
        u_go.click(
            lib.upload,
            [u_files, u_title, u_outlet, u_date, u_text],
            [u_status, u_results, u_files],
            api_name="upload",
            concurrency_id=WRITE_GROUP,
            concurrency_limit=1,
        )
        filters = [f_hospital, f_region, f_kind]
        gr.on(
            [f_hospital.change, f_region.change, f_kind.change],
            on.partnerships,
            filters,
            [grid, picture],
            api_name=False,
        )
        tab.select(on.partnerships, filters, [grid, picture], api_name="partnerships")
        turns = gr.State([])
        box.submit(on.respond, [box, chat, turns], [chat, sources, turns, box], api_name="chat")
        new.click(
            lambda: ([], EMPTY_SOURCES, [], ""),
            None,
            [chat, sources, turns, box],
            api_name="new_conversation",
        )
        hidden_q = gr.Textbox(visible=False)
        hidden_out = gr.JSON(visible=False)
        hidden_q.submit(on.ask_json, hidden_q, hidden_out, api_name="ask")
    app.queue(default_concurrency_limit=CONCURRENCY)
    return app


def launch(
    holder: EngineHolder,
    host: str,
    port: int,
    auth: tuple[str, str] | None,
    block: bool = True,
    writer: CorpusWriter | None = None,
) -> gr.Blocks:
    """Start the app; with `block=False` return at once (call `.close()` to stop it).
    `writer` does uploads and removals (see `assistant.app.upload`)."""
    app = build_app(holder, writer=writer)
    limits = writer.limits if writer else Limits()
    app.launch(
        server_name=host,
        server_port=port,
        auth=auth,
        prevent_thread_lock=not block,
        show_error=False,
        quiet=not block,
        css=CSS,
        footer_links=["api"],
        allowed_paths=[],
        max_file_size=limits.max_file_bytes,  # Gradio refuses bigger uploads before they land
        ssr_mode=False,
    )
    return app
