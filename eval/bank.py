"""The question bank: questions written blind from the articles, split once into halves.

The raw files (`bank_zh.jsonl`, `bank_en.jsonl`) are kept as their writers returned them.
`split` assigns each question to the dev or the test half by a hash of its text, so the
split never depends on order or on which questions were added later. Tune on dev only;
report test.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

DATASETS = Path(__file__).parent / "datasets"
RAW = ("bank_zh.jsonl", "bank_en.jsonl")


def split_of(question: str) -> str:
    """'dev' or 'test', from the first byte of the question's sha256."""
    return (
        "dev" if hashlib.sha256(question.strip().encode("utf-8")).digest()[0] % 2 == 0 else "test"
    )


def write_halves(directory: Path = DATASETS) -> dict[str, int]:
    """Write bank_dev.jsonl and bank_test.jsonl from the raw files, each row given an id."""
    halves: dict[str, list[dict]] = {"dev": [], "test": []}
    for name in RAW:
        prefix = name.removeprefix("bank_").removesuffix(".jsonl")
        lines = (directory / name).read_text(encoding="utf-8").splitlines()
        for n, line in enumerate(filter(str.strip, lines), start=1):
            row = json.loads(line)
            halves[split_of(row["question"])].append({"id": f"{prefix}{n:03d}", **row})
    for half, rows in halves.items():
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        (directory / f"bank_{half}.jsonl").write_text(text, encoding="utf-8")
    return {half: len(rows) for half, rows in halves.items()}
