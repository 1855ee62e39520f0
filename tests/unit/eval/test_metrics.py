"""Retrieval metrics, verdict lines and dataset loading, without a model."""

import pytest

from eval.metrics import case_metrics, load_cases
from eval.report import verdicts
from tests.conftest import DEV_QA


def test_metrics_unit() -> None:
    assert case_metrics(["a", "b", "c"], ["b"]) == {
        "hit@1": 0.0,
        "hit@5": 1.0,
        "mrr": 0.5,
        "ndcg@5": pytest.approx(0.6309, abs=1e-3),
    }
    assert case_metrics(["a"], ["z"])["mrr"] == 0.0
    assert verdicts({"x": 0.5, "rate": 0.1}, {"x": 0.6, "rate_max": 0.05}) == [
        (False, "FAIL x = 0.500 ≥ 0.6"),
        (False, "FAIL rate = 0.100 ≤ 0.05"),
    ]
    assert len(load_cases(DEV_QA)) >= 30


def test_bad_dataset_line_is_a_clear_error(tmp_path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="bad.jsonl:1"):
        load_cases(bad)
