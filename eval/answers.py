"""Answers suite: must-facts present, gold article cited, citation precision, refusals, latency."""

from __future__ import annotations

import re
import statistics
import time

from assistant import QueryEngine
from assistant.qa.grounding import MIN_SUPPORT, support
from assistant.textnorm import to_simplified
from assistant.types import Answer

from .metrics import QACase

_MARK = re.compile(r"\[(\d{1,3})\]")


def citation_precision(answer: Answer) -> float | None:
    """Share of [n] markers whose citation's quote supports the line that carries them."""
    by_n = {c.n: c for c in answer.citations}
    checks = []
    for line in answer.text.splitlines():
        bare = _MARK.sub("", line)
        bare = re.sub(
            r"\s*\([A-Za-z][^()]*\)", "", bare
        )  # English glosses are ours, not the source's
        for m in _MARK.finditer(line):
            c = by_n.get(int(m.group(1)))
            checks.append(
                c is not None
                and (support(bare, to_simplified(c.quote)) >= MIN_SUPPORT or bare.strip() == "")
            )
    return sum(checks) / len(checks) if checks else None


def evaluate_case(engine: QueryEngine, case: QACase) -> dict:
    started = time.perf_counter()
    answer = engine.ask(case.question)
    latency = (time.perf_counter() - started) * 1000
    text = to_simplified(answer.text)
    cited = [c.doc_id for c in answer.citations]
    row = {
        "id": case.id,
        "lang": case.lang,
        "type": case.type,
        "question": case.question,
        "answer": answer.text,
        "refused": answer.refused,
        "backend": answer.backend,
        "cited": cited,
        "latency_ms": round(latency, 1),
        "answer_chars": len(answer.text),
        "quotes": [to_simplified(c.quote) for c in answer.citations],
    }
    if case.type == "refuse":
        row["refusal_correct"] = answer.refused
        return row
    row["false_refusal"] = answer.refused
    groups = [any(to_simplified(m) in text for m in g) for g in case.must]
    row["must_recall"] = sum(groups) / len(groups) if groups else 1.0
    row["gold_cited"] = float(all(g in cited for g in case.gold))
    row["citation_precision"] = citation_precision(answer)
    if not answer.refused and case.must:  # the cited sentences hold some fact the answer must
        quoted = " ".join(to_simplified(c.quote) for c in answer.citations)
        row["cited_holds_answer"] = any(
            any(to_simplified(m) in quoted for m in g) for g in case.must
        )
    return row


def summarize(rows: list[dict]) -> dict[str, float]:
    answerable = [r for r in rows if "must_recall" in r]
    refusals = [r for r in rows if "refusal_correct" in r]
    precisions = [
        r["citation_precision"] for r in answerable if r["citation_precision"] is not None
    ]
    latencies = sorted(r["latency_ms"] for r in rows)

    def mean(values: list) -> float:
        return round(sum(values) / len(values), 3) if values else 0.0

    return {
        "correct": mean([float(correct(r)) for r in rows]),
        "must_recall": mean([r["must_recall"] for r in answerable]),
        "gold_cited": mean([r["gold_cited"] for r in answerable]),
        "citation_precision": mean(precisions),
        "refusal_accuracy": mean([float(r["refusal_correct"]) for r in refusals]),
        "false_refusal_rate": mean([float(r["false_refusal"]) for r in answerable]),
        "cited_holds_answer": mean(
            [float(r["cited_holds_answer"]) for r in rows if "cited_holds_answer" in r]
        ),
        "answer_chars_p50": statistics.median(r["answer_chars"] for r in rows) if rows else 0,
        "latency_p50_ms": round(statistics.median(latencies), 1) if latencies else 0.0,
        "latency_p95_ms": latencies[int(0.95 * (len(latencies) - 1))] if latencies else 0.0,
    }


def correct(row: dict) -> bool:
    """Wholly right: an unanswerable question refused, or an answer with every must fact and
    every gold article cited."""
    if "refusal_correct" in row:
        return bool(row["refusal_correct"])
    return row["must_recall"] == 1.0 and row["gold_cited"] == 1.0 and not row["false_refusal"]


def group_table(rows: list[dict], key: str) -> list[str]:
    """Markdown rows per intent or language: questions, wholly right, must facts, refusals."""
    groups: dict[str, list[dict]] = {}
    for r in rows:
        groups.setdefault(r[key], []).append(r)
    out = [
        f"| {key} | n | correct | must facts | gold cited | refusals right |",
        "|---|---|---|---|---|---|",
    ]
    for name, rs in sorted(groups.items()):
        answerable = [r for r in rs if "must_recall" in r]
        refusals = [r for r in rs if "refusal_correct" in r]

        def mean(values: list[float]) -> str:
            return f"{sum(values) / len(values):.3f}" if values else "-"

        out.append(
            f"| {name} | {len(rs)} | {mean([float(correct(r)) for r in rs])} | "
            f"{mean([r['must_recall'] for r in answerable])} | "
            f"{mean([r['gold_cited'] for r in answerable])} | "
            f"{mean([float(r['refusal_correct']) for r in refusals])} |"
        )
    return out


def run_suite(engine: QueryEngine, cases: list[QACase]) -> dict:
    rows = [evaluate_case(engine, case) for case in cases]
    return {"summary": summarize(rows), "per_question": rows}
