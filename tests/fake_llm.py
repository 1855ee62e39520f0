"""A tiny OpenAI-compatible chat server on 127.0.0.1 whose replies are scripted."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append(body)
        reply = self.server.replies.pop(0) if self.server.replies else self.server.default
        if callable(reply):  # a reply that depends on the prompt (e.g. which source is [n])
            reply = reply(body)
        if reply == "HTTP500":
            self.send_response(500)
            self.end_headers()
            self.wfile.write(b'{"error": {"message": "scripted failure"}}')
            return
        base = {"id": "x", "created": int(time.time()), "model": body.get("model", "m")}
        if body.get("stream"):
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            for i in range(0, len(reply), 8):
                chunk = {
                    **base,
                    "object": "chat.completion.chunk",
                    "choices": [
                        {"index": 0, "delta": {"content": reply[i : i + 8]}, "finish_reason": None}
                    ],
                }
                self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
            end = {
                **base,
                "object": "chat.completion.chunk",
                "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
            }
            self.wfile.write(f"data: {json.dumps(end)}\n\ndata: [DONE]\n\n".encode())
            return
        payload = {
            **base,
            "object": "chat.completion",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": reply},
                    "finish_reason": "stop",
                }
            ],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        }
        data = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class _Server(ThreadingHTTPServer):
    replies: list
    requests: list[dict]
    default: object


def source_number(body: dict, needle: str) -> int:
    """The [n] under which the prompt shows the passage containing `needle`."""
    prompt = body["messages"][-1]["content"]
    for block in prompt.split("\n\n["):
        number, _, rest = block.lstrip("Sources:\n[").partition("]")
        if needle in rest.partition("<<<")[2].partition(">>>")[0]:  # the passage, not its title
            return int(number)
    raise AssertionError(f"no source contains {needle!r}")


@contextmanager
def scripted_llm(replies: list, default: object = "NO_ANSWER") -> Iterator[_Server]:
    """Serve `replies` in order, then `default`; `server.url` is the /v1 base URL."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.replies = list(replies)
    server.default = default
    server.requests = []
    server.url = f"http://127.0.0.1:{server.server_address[1]}/v1"  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def ragas_judge(body: dict) -> str:
    """Scripted judge: a valid reply for each ragas prompt, recognised by its instruction."""
    prompt = body["messages"][-1]["content"]
    if "judge the faithfulness of a series of statements" in prompt:
        # the second statement is judged unsupported, so faithfulness is 0.5
        return json.dumps(
            {
                "statements": [
                    {
                        "statement": "山东大学齐鲁医院德州医院支援乐陵市人民医院。",
                        "reason": "stated",
                        "verdict": 1,
                    },
                    {
                        "statement": "北京协和医院支援乐陵。",
                        "reason": "not in the context",
                        "verdict": 0,
                    },
                ]
            },
            ensure_ascii=False,
        )
    if "Break down each sentence into one or more fully understandable statements" in prompt:
        return json.dumps(
            {
                "statements": [
                    "山东大学齐鲁医院德州医院支援乐陵市人民医院。",
                    "北京协和医院支援乐陵。",
                ]
            },
            ensure_ascii=False,
        )
    if "Generate a question for the given answer" in prompt:
        return json.dumps({"question": "哪些医院支援乐陵?", "noncommittal": 0}, ensure_ascii=False)
    if "verify if the context was useful" in prompt:
        return json.dumps({"reason": "useful", "verdict": 1})
    if "classify if the sentence can be attributed" in prompt:
        return json.dumps({"classifications": [{"statement": "x", "reason": "y", "attributed": 1}]})
    return "ok"
