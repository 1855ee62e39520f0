"""`python -m assistant ask "QUESTION" [--json]` and `python -m assistant chat`."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.app.settings import Settings, add_arguments, from_args
from assistant.app.tables import facts_table, relations_table
from assistant.errors import AssistantError
from assistant.types import Answer, Turn

if TYPE_CHECKING:  # the web app's modules import gradio: only `serve` loads them
    from llama_index.core.embeddings import BaseEmbedding

    from assistant.app.handlers import EngineHolder
    from assistant.app.upload import CorpusWriter


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m assistant",
        description="Ask questions about the ingested articles; every claim is cited.",
    )
    sub = p.add_subparsers(dest="command", required=True)
    ask = sub.add_parser("ask", help="answer one question")
    ask.add_argument("question")
    ask.add_argument("--json", action="store_true", help="print one JSON object")
    add_arguments(ask)
    chat = sub.add_parser("chat", help="a conversation in the terminal (follow-up questions work)")
    add_arguments(chat)
    rel = sub.add_parser("relations", help="list the partnerships found in the articles")
    add_arguments(rel)
    rel.add_argument("--hospital", help="a hospital, in Chinese (either script) or English")
    rel.add_argument("--region", help="a place, e.g. 乐陵 or Leling")
    rel.add_argument("--kind", help="e.g. 对口支援 or 'paired assistance'")
    rel.add_argument("--format", choices=["table", "csv", "json"], default="table")
    facts = sub.add_parser(
        "facts", help="list the people, figures and dated events found in the articles"
    )
    add_arguments(facts)
    facts.add_argument("--kind", choices=["person", "figure", "event"], help="only this kind")
    facts.add_argument("--doc", help="only the facts of this document id")
    facts.add_argument("--format", choices=["table", "csv", "json"], default="table")
    local = sub.add_parser(
        "local-llm", help="fetch (sha256-checked) or serve the optional local GGUF model"
    )
    local.add_argument("action", choices=["fetch", "serve"])
    local.add_argument("--size", choices=["1.5b", "0.5b"], default="1.5b")
    local.add_argument("--models-dir", type=Path, default=Path("models"))
    local.add_argument("--port", type=int, default=8089)
    serve = sub.add_parser("serve", help="start the web chat (Gradio)")
    add_arguments(serve)
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to bind (default 127.0.0.1; any other needs --auth or --auth-file)",
    )
    serve.add_argument("--port", type=int, default=7860, help="port (default 7860)")
    serve.add_argument("--auth", help="USER:PASS required to use the app")
    serve.add_argument("--auth-file", type=Path, help="file holding USER:PASS on its first line")
    serve.add_argument(
        "--corpus",
        type=Path,
        default=Path(os.environ.get("PA_CORPUS") or "corpus"),
        help="the directory the index is built from (default corpus/, env PA_CORPUS): uploads "
        "are saved there and removals delete from it, so `python -m ingest CORPUS` rebuilds "
        "the same index",
    )
    serve.add_argument(
        "--allow-uploads",
        action="store_true",
        help="let anyone who can reach the app upload and remove documents without a "
        "password. Uploads and removals are write actions: without --auth/--auth-file they "
        "are off unless this flag is given, even on 127.0.0.1",
    )
    return p


def parse_auth(args: argparse.Namespace) -> tuple[str, str] | None:
    raw = args.auth
    if args.auth_file is not None:
        try:
            raw = args.auth_file.read_text(encoding="utf-8").splitlines()[0].strip()
        except (OSError, IndexError):
            raise ValueError(f"cannot read USER:PASS from {args.auth_file}") from None
    if raw is None:
        if args.host not in ("127.0.0.1", "localhost", "::1"):
            raise ValueError(
                f"binding to {args.host} exposes the app beyond this machine: "
                "give --auth USER:PASS or --auth-file FILE"
            )
        return None
    user, sep, password = raw.partition(":")
    if not sep or not user or not password:
        raise ValueError("--auth must look like USER:PASS")
    return user, password


def _local_llm(args: argparse.Namespace) -> int:
    from assistant.app.localmodel import fetch, serve

    path = fetch(args.size, args.models_dir)
    print(f"model: {path} (sha256 verified)")
    if args.action == "serve":
        proc = serve(path, args.port)
        print(
            f"serving an OpenAI-compatible API at http://127.0.0.1:{args.port}/v1 (model 'local'); "
            f"use --llm-url http://127.0.0.1:{args.port}/v1. Ctrl-C stops it.",
            flush=True,
        )
        try:
            proc.wait()
        except KeyboardInterrupt:
            proc.terminate()
    return 0


def _serve(args: argparse.Namespace) -> int:
    from assistant.app.web import EngineHolder, launch

    auth = parse_auth(args)
    settings = from_args(args)
    holder = EngineHolder(settings.open_engine)
    writer = corpus_writer(settings, holder, args.corpus, uploads_allowed(args, auth))
    print(
        f"Serving on http://{args.host}:{args.port} (Ctrl-C to stop)"
        + (" with a password" if auth else "")
        + (
            f"; uploads go to {args.corpus}"
            if writer.enabled
            else "; uploads are off (give --auth, --auth-file or --allow-uploads)"
        ),
        flush=True,
    )
    launch(holder, args.host, args.port, auth, writer=writer)
    return 0


def uploads_allowed(args: argparse.Namespace, auth: tuple[str, str] | None) -> bool:
    """Uploads and removals are write actions: on with a password, or when asked for."""
    return auth is not None or bool(args.allow_uploads)


def corpus_writer(
    settings: Settings, holder: EngineHolder, corpus: Path, enabled: bool
) -> CorpusWriter:
    """The web app's one writer: uploads into `corpus` and indexes with the embedder the
    store was built with (the engine's), or the one named, for a store not built yet."""
    from assistant.app.upload import CorpusWriter
    from assistant.embedding import DEFAULT_MODEL, load_embedding
    from assistant.errors import StoreNotFound

    loaded: list[BaseEmbedding] = []

    def embedder() -> BaseEmbedding:
        try:
            return holder.get().embed_model
        except StoreNotFound:
            if not loaded:
                loaded.append(load_embedding(settings.embed_model or DEFAULT_MODEL))
            return loaded[0]

    return CorpusWriter(
        corpus, settings.store_config(), embedder, holder.documents, enabled=enabled
    )


def format_answer(answer: Answer) -> str:
    lines = [answer.text]
    for notice in answer.notices:
        lines.append(f"note: {notice}")
    if answer.citations:
        lines.append("")
        for c in answer.citations:
            where = ", ".join(x for x in (c.outlets, c.date, c.page_label) if x)
            lines.append(f"[{c.n}] {c.title} ({where}) {c.url or c.doc_id}")
            lines.append(f"    “{c.quote}”")
    return "\n".join(lines)


def _chat(engine) -> int:
    history: list[Turn] = []
    print("Ask about the articles (empty line or Ctrl-D to quit).")
    while True:
        try:
            question = input("> ").strip()
        except EOFError:
            return 0
        if not question:
            return 0
        try:
            answer = engine.ask(question, history)
        except AssistantError as exc:
            print(f"error: {exc}")
            continue
        print(format_answer(answer))
        history.append(Turn(answer.standalone_question or question, answer.text))


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "serve":
            return _serve(args)
        if args.command == "local-llm":
            return _local_llm(args)
        engine = from_args(args).open_engine()
        if args.command == "relations":
            rows = engine.relations(args.hospital, args.region, args.kind)
            print(relations_table(rows, engine.english_name, args.format))
            return 0
        if args.command == "facts":
            print(facts_table(engine.facts(args.kind, args.doc), args.format))
            return 0
        if args.command == "chat":
            return _chat(engine)
        answer = engine.ask(args.question)
    except (AssistantError, ValueError) as exc:
        print(f"assistant: error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(answer.as_dict(), ensure_ascii=False) if args.json else format_answer(answer))
    return 0


if __name__ == "__main__":
    sys.exit(main())
