"""`python -m eval.probe DB QUESTIONS_JSON`: ask latency and memory of a fresh serving process.

The bench runs it in a subprocess, so that the figures are those of a process that serves
one store and nothing else. Prints one JSON object.
"""

from __future__ import annotations

import json
import statistics
import sys
import time

from assistant import QueryEngine


def peak_rss_mb() -> float:
    """VmHWM: ru_maxrss would count the forking parent's peak (Linux keeps it across exec)."""
    with open("/proc/self/status", encoding="ascii") as status:
        kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
    return round(kb / 1024, 1)


def probe(db: str, questions: list[str], rounds: int = 3) -> dict:
    t = time.perf_counter()
    engine = QueryEngine.open(db)
    engine.ask(questions[0])
    open_s = time.perf_counter() - t
    per_question: dict[str, list[float]] = {q: [] for q in questions}
    for _ in range(rounds):
        for q in questions:
            t = time.perf_counter()
            engine.ask(q)
            per_question[q].append((time.perf_counter() - t) * 1000)
    samples = sorted(ms for runs in per_question.values() for ms in runs)
    slowest = sorted(((statistics.median(v), q) for q, v in per_question.items()), reverse=True)[:3]
    return {
        "open_s": round(open_s, 2),
        "p50_ms": round(statistics.median(samples), 1),
        "p95_ms": round(samples[int(0.95 * (len(samples) - 1))], 1),
        "peak_rss_mb": peak_rss_mb(),
        "slowest": [[round(ms, 1), q] for ms, q in slowest],
    }


if __name__ == "__main__":
    print(json.dumps(probe(sys.argv[1], json.loads(sys.argv[2])), ensure_ascii=False))
