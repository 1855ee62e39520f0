"""Load test of the web app: N concurrent sessions asking for T seconds, loopback only.

Bounded in count and time: at most 200 sessions, at most 30 minutes, and it stops by itself.
"""

from __future__ import annotations

import json
import random
import statistics
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

from .metrics import load_cases

MAX_SESSIONS = 200
MAX_SECONDS = 1800
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def run_load(url: str, sessions: int, seconds: float, dataset: Path, seed: int = 0) -> dict:
    from gradio_client import Client

    if urlparse(url).hostname not in LOOPBACK:
        raise ValueError("the load test only targets this machine (127.0.0.1 / localhost)")
    sessions, seconds = min(sessions, MAX_SESSIONS), min(seconds, MAX_SECONDS)
    questions = [c.question for c in load_cases(dataset)]
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def session(k: int) -> None:
        rng = random.Random(seed + k)
        try:
            client = Client(url, verbose=False)
        except Exception as exc:
            with lock:
                errors.append(f"connect: {exc}")
            return
        while time.monotonic() < deadline:
            question = rng.choice(questions)
            started = time.perf_counter()
            try:
                out = client.predict(question, api_name="/ask")
                ok = isinstance(out, dict) and "answer" in out and "error" not in out
            except Exception as exc:
                ok, out = False, str(exc)
            with lock:
                if ok:
                    latencies.append((time.perf_counter() - started) * 1000)
                else:
                    errors.append(str(out)[:200])

    started = time.monotonic()
    threads = [threading.Thread(target=session, args=(k,), daemon=True) for k in range(sessions)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=seconds + 120)
    elapsed = time.monotonic() - started
    latencies.sort()
    return {
        "sessions": sessions,
        "seconds": round(elapsed, 1),
        "requests": len(latencies) + len(errors),
        "ok": len(latencies),
        "errors": len(errors),
        "error_samples": errors[:5],
        "throughput_per_s": round(len(latencies) / elapsed, 2),
        "p50_ms": round(statistics.median(latencies), 1) if latencies else None,
        "p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))], 1) if latencies else None,
        "max_ms": round(latencies[-1], 1) if latencies else None,
    }


def main_load(args) -> int:
    server = None
    url = args.url
    if url is None:
        import socket

        from assistant import QueryEngine
        from assistant.app.web import EngineHolder, launch

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = launch(
            EngineHolder(lambda: QueryEngine.open(args.db)), "127.0.0.1", port, None, block=False
        )
        url = f"http://127.0.0.1:{port}/"
    try:
        result = run_load(url, args.sessions, args.seconds, args.dataset)
    finally:
        if server is not None:
            server.close()
    print(json.dumps(result, ensure_ascii=False, indent=2))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0 if result["errors"] == 0 else 1
