"""The evaluation suites: CI runs retrieval and answers against their minimums; the ragas
path is wired to a scripted OpenAI-compatible judge on 127.0.0.1."""

import json

import pytest

from eval.__main__ import SUITES, main, run_suites
from eval.ragas_suite import Judge
from tests.conftest import DEV_QA, ROOT
from tests.fake_llm import ragas_judge, scripted_llm


def test_retrieval_and_answer_suites_meet_their_minimums(real_engine, tmp_path) -> None:
    ok, lines = run_suites(real_engine, ["retrieval", "answers"], DEV_QA, ROOT / "corpus", tmp_path)
    print("\n".join(lines))
    assert ok, lines
    report = json.loads((tmp_path / "retrieval.json").read_text())
    assert set(report["retrievers"]) == {"hybrid", "dense", "bm25", "llama-index-default"}
    assert {"en", "zh-Hans", "zh-Hant", "all"} <= set(report["retrievers"]["hybrid"]["by_lang"])
    for name in ("retrieval.md", "answers.md", "retrieval_by_lang.png", "answers_by_type.png"):
        assert (tmp_path / name).stat().st_size > 200


def test_question_bank_dev_half_meets_its_minimums(real_engine, tmp_path) -> None:
    ok, lines = run_suites(real_engine, ["bank"], DEV_QA, None, tmp_path)  # its own dataset
    print("\n".join(lines))
    assert ok, lines
    report = (tmp_path / "bank.md").read_text(encoding="utf-8")
    assert "bank_dev.jsonl` (147 questions)" in report
    assert "| earliest_latest |" in report and "| zh-Hant |" in report  # per intent and language


def test_ragas_with_a_scripted_judge(real_engine, tmp_path) -> None:
    dataset = tmp_path / "two.jsonl"
    dataset.write_text(
        "\n".join(DEV_QA.read_text(encoding="utf-8").splitlines()[:2]), encoding="utf-8"
    )
    with scripted_llm([], default=ragas_judge) as server:
        ok, lines = run_suites(
            real_engine, ["ragas"], dataset, None, tmp_path, Judge(server.url, "scripted-judge")
        )
    report = json.loads((tmp_path / "ragas.json").read_text())
    assert report["judge"].startswith("scripted-judge") and report["judge_error"] is None
    assert report["summary"]["faithfulness"] == 0.5  # one of two statements judged unsupported
    assert report["summary"]["llm_context_precision_with_reference"] == pytest.approx(1.0)
    assert report["summary"]["context_recall"] == pytest.approx(1.0)
    assert "scripted-judge" in (tmp_path / "ragas.md").read_text()
    assert ok, lines


def test_a_failing_judge_is_a_clear_error_not_a_crash(real_engine, tmp_path) -> None:
    dataset = tmp_path / "one.jsonl"
    dataset.write_text(DEV_QA.read_text(encoding="utf-8").splitlines()[0], encoding="utf-8")
    with scripted_llm([], default="HTTP500") as server:
        ok, lines = run_suites(
            real_engine, ["ragas"], dataset, None, tmp_path, Judge(server.url, "broken")
        )
    assert not ok
    assert any("FAIL judge" in line and "broken" in line for line in lines)
    report = json.loads((tmp_path / "ragas.json").read_text())
    assert report["summary"]["semantic_similarity"] > 0.5  # the non-LLM metrics still ran
    assert "faithfulness" not in report["summary"]
    assert "judge error" in (tmp_path / "ragas.md").read_text()


def test_cli_exit_code_follows_the_verdicts(real_store, tmp_path, monkeypatch) -> None:
    def run_answers(out: str) -> int:
        db, report = str(real_store.path), str(tmp_path / out)
        return main(["run", "--suite", "answers", "--db", db, "--out", report])

    assert run_answers("a") == 0
    monkeypatch.setitem(SUITES["answers"]["minimums"], "must_recall", 1.01)
    assert run_answers("b") == 1
    assert "FAIL must_recall" in (tmp_path / "b" / "answers.md").read_text()


def test_bench_reports_all_four_sections(tmp_path) -> None:
    # A small real run: the same code paths as the full bench, at sizes CI can afford.
    assert (
        main(
            ["bench", "--docs", "8", "--sizes", "150,600", "--repeat", "1", "--out", str(tmp_path)]
        )
        == 0
    )
    report = json.loads((tmp_path / "bench.json").read_text())
    ingest, baseline, latency = report["ingest"], report["llama_index"], report["latency"]
    assert [r["docs"] for r in ingest] == [9, 13]  # 4 and 8 generated + the 5 real articles
    for row in ingest:
        assert (
            row["chunks"] > 0 and row["chunks_per_s"] > 0 and 0.2 < row["ratio_to_embedder"] < 2.0
        )
    assert baseline["docs"] == 13 and baseline["chunks"] > 0 and 0 <= baseline["hit@5"] <= 1
    assert ingest[-1]["hit@5"] >= baseline["hit@5"]
    assert [r["target"] for r in latency] == [150, 600]
    assert abs(latency[1]["chunks"] - 600) <= ingest[-1]["chunks"] and latency[1]["perturbed"]
    for row in latency:
        assert 0 < row["p50_ms"] <= row["p95_ms"] and row["peak_rss_mb"] > 100 and row["slowest"]
    md = (tmp_path / "bench.md").read_text()
    assert "Pipeline / embedder-alone throughput ratio" in md and "perturbation" in md
    assert (tmp_path / "growth.png").stat().st_size > 5000
