"""`python -m eval retrieval|latency [--db PATH] [--dataset PATH]`: figures for the engine."""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from assistant import QueryEngine

from .metrics import aggregate, case_metrics, doc_ranking, load_cases

DEFAULT_DATASET = Path(__file__).parent / "datasets" / "dev_qa.jsonl"


def retrieval(engine: QueryEngine, dataset: Path) -> dict:
    rows = []
    for case in load_cases(dataset):
        if case.gold:
            ranking = doc_ranking([p.doc_id for p in engine.retrieve(case.question)])
            rows.append((case, case_metrics(ranking, case.gold)))
    return {"by_lang": aggregate(rows, "lang"), "by_type": aggregate(rows, "type")}


def latency(engine: QueryEngine, dataset: Path, repeats: int) -> dict:
    questions = [c.question for c in load_cases(dataset)]
    engine.ask(questions[0])  # warm caches once, as a running server would be
    samples = []
    for _ in range(repeats):
        for q in questions:
            t = time.perf_counter()
            engine.ask(q)
            samples.append((time.perf_counter() - t) * 1000)
    samples.sort()
    # Baseline in the same run: embed the question and one dense Chroma query, nothing else.
    baseline = []
    for q in questions * repeats:
        t = time.perf_counter()
        engine.store.chunks.query(query_embeddings=[engine.embed_model.get_query_embedding(q)], n_results=6)
        baseline.append((time.perf_counter() - t) * 1000)
    median, base = statistics.median(samples), statistics.median(baseline)
    return {"asks": len(samples), "median_ms": round(median, 1),
            "p95_ms": round(samples[int(0.95 * (len(samples) - 1))], 1), "max_ms": round(samples[-1], 1),
            "baseline_dense_only_median_ms": round(base, 1), "ratio_to_baseline": round(median / base, 2)}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m eval", description="Measure the query engine.")
    p.add_argument("what", choices=["retrieval", "latency"])
    p.add_argument("--db", type=Path, default=Path("data/chroma"))
    p.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    p.add_argument("--repeats", type=int, default=5, help="latency: passes over the dataset")
    args = p.parse_args(argv)
    engine = QueryEngine.open(args.db)
    result = retrieval(engine, args.dataset) if args.what == "retrieval" else latency(
        engine, args.dataset, args.repeats)
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
