"""Retrieval metrics of the gold articles: hit@k, MRR, nDCG@k."""

from __future__ import annotations

import json
import math
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class QACase:
    id: str
    type: str
    lang: str
    question: str
    must: list[list[str]]
    gold: list[str]
    reference: str


def load_cases(path: Path) -> list[QACase]:
    cases = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                cases.append(QACase(**json.loads(line)))
            except (ValueError, TypeError) as exc:
                raise ValueError(f"{path}:{n}: not a valid QA case: {exc}") from None
    return cases


def doc_ranking(doc_ids: list[str]) -> list[str]:
    """Documents in order of their first retrieved chunk."""
    return list(dict.fromkeys(doc_ids))


def case_metrics(ranking: list[str], gold: list[str], k: int = 5) -> dict[str, float]:
    ranks = [ranking.index(g) + 1 for g in gold if g in ranking]
    first = min(ranks) if ranks else None
    dcg = sum(1 / math.log2(r + 1) for r in ranks if r <= k)
    ideal = sum(1 / math.log2(r + 1) for r in range(1, min(len(gold), k) + 1))
    return {
        "hit@1": float(first == 1),
        "hit@5": float(first is not None and first <= 5),
        "mrr": 1 / first if first else 0.0,
        "ndcg@5": dcg / ideal if ideal else 0.0,
    }


def aggregate(
    rows: list[tuple[QACase, dict[str, float]]], by: str = "lang"
) -> dict[str, dict[str, float]]:
    groups: dict[str, list[dict[str, float]]] = defaultdict(list)
    for case, m in rows:
        groups[getattr(case, by)].append(m)
        groups["all"].append(m)
    return {
        g: {k: round(sum(m[k] for m in ms) / len(ms), 3) for k in ms[0]} | {"n": len(ms)}
        for g, ms in sorted(groups.items())
    }


def relation_key(r: dict, symmetric_kinds: frozenset[str]) -> tuple[str, str, str, str]:
    a, b = r["supporter"], r["supported"]
    if r["kind"] in symmetric_kinds:
        a, b = sorted((a, b))
    return (r["doc_id"], a, b, r["kind"])


def precision_recall(
    predicted: list[dict], gold: list[dict], symmetric_kinds: frozenset[str]
) -> dict[str, float]:
    """Extraction scores over (document, supporter, supported, kind); symmetric kinds ignore "
    "order."""
    p = {relation_key(r, symmetric_kinds) for r in predicted}
    g = {relation_key(r, symmetric_kinds) for r in gold}
    hits = len(p & g)
    return {
        "precision": hits / len(p) if p else 0.0,
        "recall": hits / len(g) if g else 0.0,
        "predicted": len(p),
        "gold": len(g),
        "correct": hits,
    }
