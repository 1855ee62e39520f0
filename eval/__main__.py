"""`python -m eval run|latency|synth|bench|reposts`: evaluation suites, measurements and test
corpora."""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

from assistant import AssistantError, QueryEngine
from assistant.app.settings import add_store_arguments

from . import answers, ragas_suite, report, retrieval
from .metrics import load_cases

HERE = Path(__file__).parent
DATASETS = HERE / "datasets"
SUITES = json.loads((HERE / "suites.json").read_text(encoding="utf-8"))


def run_suites(
    engine: QueryEngine,
    names: list[str],
    dataset: Path,
    corpus: Path | None,
    out: Path,
    judge: ragas_suite.Judge | None = None,
    label: str = "offline",
) -> tuple[bool, list[str]]:
    """Run the named suites, write their reports under `out`; (all minimums met, verdict lines).

    A suite of suites.json with `"fixed": true` always runs on its own dataset (the question
    bank's dev half), whatever `dataset` says."""
    out.mkdir(parents=True, exist_ok=True)
    ok, lines = True, []
    rows_by_dataset: dict[Path, list[dict]] = {}
    for name in names:
        spec = SUITES[name]
        minimums = spec["minimums"]
        kind = spec.get("suite", name)
        suite_dataset = DATASETS / spec["dataset"] if spec.get("fixed") else dataset
        cases = _cases(suite_dataset)
        header = [
            f"# {name} suite",
            "",
            f"- dataset: `{suite_dataset.name}` ({len(cases)} questions)",
            f"- answerer: {label}",
            f"- run: {datetime.now().isoformat(timespec='seconds')}",
        ]
        if kind == "retrieval":
            result = retrieval.run_suite(engine, cases, corpus)
            scores = retrieval.flat_scores(result)
            charts = [
                report.bar_chart(
                    out / "retrieval_by_lang.png",
                    "hit@5 by language (per retriever)",
                    {
                        n: {g: m["hit@5"] for g, m in r["by_lang"].items()}
                        for n, r in result["retrievers"].items()
                    },
                ),
                report.bar_chart(
                    out / "retrieval_mrr_by_type.png",
                    "MRR by question type (per retriever)",
                    {
                        n: {g: m["mrr"] for g, m in r["by_type"].items()}
                        for n, r in result["retrievers"].items()
                    },
                ),
            ]
            table = ["", "| retriever | hit@1 | hit@5 | MRR | nDCG@5 |", "|---|---|---|---|---|"]
            table += [
                f"| {n} | "
                + " | ".join(
                    f"{r['by_lang']['all'][m]:.3f}" for m in ("hit@1", "hit@5", "mrr", "ndcg@5")
                )
                + " |"
                for n, r in result["retrievers"].items()
            ]
        else:
            if suite_dataset not in rows_by_dataset:
                rows_by_dataset[suite_dataset] = answers.run_suite(engine, cases)["per_question"]
            answer_rows = rows_by_dataset[suite_dataset]
            if kind == "answers":
                result = {"summary": answers.summarize(answer_rows), "per_question": answer_rows}
                scores = result["summary"]
                metrics = ["must_recall", "gold_cited", "citation_precision"]
                header += [
                    "",
                    *answers.group_table(answer_rows, "type"),
                    "",
                    *answers.group_table(answer_rows, "lang"),
                ]
            else:
                result = ragas_suite.run_suite(answer_rows, cases, engine, judge)
                scores = result["summary"]
                metrics = list(scores)
                header.append(f"- judge: {result['judge'] or 'none (non-LLM metrics only)'}")
                if result["judge_error"]:
                    header.append(f"- **judge error**: {result['judge_error']}")
                if result["failed_samples"]:
                    header.append(f"- samples without a score: {result['failed_samples']}")
            charts = [
                report.bar_chart(
                    out / f"{name}_by_lang.png",
                    f"{name}: metrics by language",
                    report.grouped(result["per_question"], "lang", metrics),
                ),
                report.bar_chart(
                    out / f"{name}_by_type.png",
                    f"{name}: metrics by question type",
                    report.grouped(result["per_question"], "type", metrics),
                ),
            ]
            table = ["", "| metric | value |", "|---|---|"]
            table += [f"| {k} | {'-' if v is None else round(v, 3)} |" for k, v in scores.items()]
        checks = report.verdicts(scores, minimums)
        if name == "ragas" and judge and result.get("judge_error"):
            checks.append((False, f"FAIL judge: {result['judge_error']}"))
        verdict_lines = [line for _, line in checks]
        report.write(
            out,
            name,
            [*header, *table, "", "## Verdicts", "", *[f"- {v}" for v in verdict_lines]],
            {"suite": name, "scores": scores, "minimums": minimums, **result},
            charts,
        )
        ok &= all(passed for passed, _ in checks)
        lines += [f"{name}: {v}" for v in verdict_lines]
    return ok, lines


def _cases(dataset: Path) -> list:
    notes: list[str] = []
    cases = load_cases(dataset, notes)
    for note in notes:
        print(f"eval: note: {note}", file=sys.stderr)
    return cases


def _open(args: argparse.Namespace, llm=None) -> QueryEngine:
    return QueryEngine.open(args.db, chroma_url=args.chroma_url, llm=llm)


def cmd_run(args: argparse.Namespace) -> int:
    from assistant.qa.llm import LLMAnswerer

    names = ["retrieval", "answers", "ragas"] if args.suite == "all" else [args.suite]
    llm = LLMAnswerer(args.llm_url, args.llm_model) if args.answerer == "llm" else None
    if args.answerer == "llm" and not args.llm_url:
        raise ValueError("--answerer llm needs --llm-url")
    judge, server = None, None
    if args.judge == "local":
        from assistant.app.localmodel import fetch, serve

        server = serve(fetch(args.judge_size), port=args.judge_port)
        judge = ragas_suite.Judge(
            f"http://127.0.0.1:{args.judge_port}/v1", f"local-gguf:{args.judge_size}"
        )
    elif args.judge:
        judge = ragas_suite.Judge(args.judge, args.judge_model)
    out = args.out or HERE / "reports" / "tmp" / datetime.now().strftime("%Y%m%d-%H%M%S")
    try:
        ok, lines = run_suites(
            _open(args, llm),
            names,
            args.dataset,
            args.corpus,
            out,
            judge,
            label=f"llm ({args.llm_model})" if llm else "offline",
        )
    finally:
        if server is not None:
            server.terminate()
    print("\n".join(lines))
    print(f"report: {out}")
    return 0 if ok else 1


def cmd_latency(args: argparse.Namespace) -> int:
    engine = _open(args)
    questions = [c.question for c in load_cases(args.dataset)]
    engine.ask(questions[0])  # warm caches once, as a running server would be
    samples, baseline = [], []
    for _ in range(args.repeats):
        for q in questions:
            t = time.perf_counter()
            engine.ask(q)
            samples.append((time.perf_counter() - t) * 1000)
            t = (
                time.perf_counter()
            )  # baseline: embed the question and one dense query, nothing else
            engine.dense_baseline(q)
            baseline.append((time.perf_counter() - t) * 1000)
    samples.sort()
    median, base = statistics.median(samples), statistics.median(baseline)
    print(
        json.dumps(
            {
                "asks": len(samples),
                "median_ms": round(median, 1),
                "p95_ms": round(samples[int(0.95 * (len(samples) - 1))], 1),
                "baseline_dense_only_median_ms": round(base, 1),
                "ratio_to_baseline": round(median / base, 2),
            },
            indent=2,
        )
    )
    return 0


def cmd_synth(args: argparse.Namespace) -> int:
    from .synth import generate, write

    docs = generate(args.docs, args.seed, args.focus_county, args.focus_count)
    print(f"wrote {len(docs)} articles and relations_gold.jsonl to {write(docs, args.out)}")
    return 0


def cmd_load(args: argparse.Namespace) -> int:
    from .load import main_load

    return main_load(args)


def cmd_bench(args: argparse.Namespace) -> int:
    from .bench import run_bench

    return run_bench(args)


def cmd_reposts(args: argparse.Namespace) -> int:
    from .reposts import main_reposts

    return main_reposts(args)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m eval", description="Evaluate and measure the assistant."
    )
    sub = p.add_subparsers(dest="command", required=True)

    def store_args(sp: argparse.ArgumentParser) -> None:
        add_store_arguments(sp)
        sp.add_argument("--dataset", type=Path, default=DATASETS / "dev_qa.jsonl")

    run = sub.add_parser("run", help="run evaluation suites and write a report")
    store_args(run)
    run.add_argument(
        "--suite",
        choices=[*SUITES, "all"],
        default="all",
        help="a suite of eval/suites.json ('bank' runs the question bank's dev half)",
    )
    run.add_argument(
        "--corpus",
        type=Path,
        default=Path("corpus"),
        help="raw files for the plain llama-index baseline (retrieval suite)",
    )
    run.add_argument("--answerer", choices=["offline", "llm"], default="offline")
    run.add_argument("--llm-url")
    run.add_argument("--llm-model", default="local")
    run.add_argument(
        "--judge", help="an OpenAI-compatible URL, or 'local' for the bundled GGUF model"
    )
    run.add_argument(
        "--judge-model", default="judge", help="the judge's model name (named in the report)"
    )
    run.add_argument("--judge-size", choices=["1.5b", "0.5b"], default="1.5b")
    run.add_argument("--judge-port", type=int, default=8089)
    run.add_argument(
        "--out", type=Path, help="report directory (default eval/reports/tmp/TIMESTAMP)"
    )
    run.set_defaults(func=cmd_run)

    lat = sub.add_parser("latency", help="ask latency on the dataset, with a dense-only baseline")
    store_args(lat)
    lat.add_argument("--repeats", type=int, default=5)
    lat.set_defaults(func=cmd_latency)

    syn = sub.add_parser("synth", help="generate partnership news for scale tests")
    syn.add_argument("--docs", type=int, required=True)
    syn.add_argument("--seed", type=int, default=0)
    syn.add_argument("--out", type=Path, required=True)
    syn.add_argument("--focus-county", help="a county that many hospitals support")
    syn.add_argument("--focus-count", type=int, default=0)
    syn.set_defaults(func=cmd_synth)

    load = sub.add_parser(
        "load", help="concurrent sessions against the web app (loopback only, bounded)"
    )
    load.add_argument(
        "--url", help="a running app on this machine (default: start one on a free port)"
    )
    add_store_arguments(load)
    load.add_argument("--dataset", type=Path, default=DATASETS / "dev_qa.jsonl")
    load.add_argument("--sessions", type=int, default=50)
    load.add_argument("--seconds", type=float, default=120)
    load.add_argument("--out", type=Path, help="also write the figures as JSON here")
    load.set_defaults(func=cmd_load)

    bench = sub.add_parser(
        "bench", help="ingest throughput, baselines, latency at scale; writes a report"
    )
    bench.add_argument(
        "--docs", type=int, default=300, help="generated articles for the throughput runs"
    )
    bench.add_argument(
        "--repeat", type=int, default=3, help="runs of each ingest timing (medians reported)"
    )
    bench.add_argument(
        "--sizes", default="1000,10000,100000", help="store sizes (chunks) for latency"
    )
    bench.add_argument("--out", type=Path, default=HERE / "reports" / "bench")
    bench.set_defaults(func=cmd_bench)

    from ingest.reposts import THRESHOLD

    rep = sub.add_parser(
        "reposts",
        help="precision and recall of repost detection over generated labelled pairs, a "
        "threshold sweep, and a store check with the real embedder; writes a report",
    )
    rep.add_argument("--seed", type=int, default=7, help="seed of the generated pairs")
    rep.add_argument(
        "--synth-sources", type=int, default=60, help="generated articles that get reposted"
    )
    rep.add_argument(
        "--threshold", type=float, default=THRESHOLD, help="similarity threshold to evaluate"
    )
    rep.add_argument(
        "--other-seeds",
        type=lambda text: [int(x) for x in text.split(",") if x],
        default=[11, 23],
        help="seeds of further pair sets measured for the choice of k and threshold (11,23)",
    )
    rep.add_argument(
        "--no-store-check",
        dest="store_check",
        action="store_false",
        help="skip ingesting the bundled corpus and its reposts into a scratch store",
    )
    rep.add_argument("--out", type=Path, default=HERE / "reports" / "reposts")
    rep.set_defaults(func=cmd_reposts)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (AssistantError, ValueError, FileNotFoundError) as exc:
        print(f"eval: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
