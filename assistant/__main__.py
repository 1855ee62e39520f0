"""`python -m assistant ask "QUESTION" [--json]` and `python -m assistant chat`."""

from __future__ import annotations

import argparse
import json
import sys

from .errors import AssistantError
from .followup import Turn
from .settings import add_arguments, from_args
from .types import Answer


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m assistant",
                                description="Ask questions about the ingested articles; every claim is cited.")
    sub = p.add_subparsers(dest="command", required=True)
    ask = sub.add_parser("ask", help="answer one question")
    ask.add_argument("question")
    ask.add_argument("--json", action="store_true", help="print one JSON object")
    add_arguments(ask)
    chat = sub.add_parser("chat", help="a conversation in the terminal (follow-up questions work)")
    add_arguments(chat)
    return p


def format_answer(answer: Answer) -> str:
    lines = [answer.text]
    for notice in answer.notices:
        lines.append(f"note: {notice}")
    if answer.citations:
        lines.append("")
        for c in answer.citations:
            where = ", ".join(x for x in (c.source, c.date) if x)
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
        engine = from_args(args).open_engine()
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
