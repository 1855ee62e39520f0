"""The staff chat: a Gradio app over the same QueryEngine as the CLI.

Answers stream into the chat; the sources panel shows every cited article with its
title, date, outlet, link and the quoted passage (supporting words highlighted, in the
article's own script, with the Simplified form one click away).
"""

from __future__ import annotations

import gradio as gr

from assistant.app.handlers import EMPTY_SOURCES, RELATION_COLUMNS, EngineHolder, Handlers
from assistant.lexicon.kinds import KIND_EN

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
"""


def build_app(holder: EngineHolder, title: str = "Hospital partnerships assistant") -> gr.Blocks:
    on = Handlers(holder)
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
    holder: EngineHolder, host: str, port: int, auth: tuple[str, str] | None, block: bool = True
) -> gr.Blocks:
    """Start the app; with `block=False` return at once (call `.close()` to stop it)."""
    app = build_app(holder)
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
        ssr_mode=False,
    )
    return app
