"""Retrieval metrics of the gold articles: hit@k, MRR, nDCG@k."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class QACase:
    id: str
    type: str  # an intent (which, count, when, who …), or "refuse" for unanswerable questions
    lang: str  # "en" | "zh-Hans" | "zh-Hant"
    question: str
    must: list[list[str]]  # groups of alternatives; a correct answer holds one of each group
    gold: list[str]  # the articles an answer must cite
    reference: str = ""  # a reference answer (ragas `reference`)


FIELDS = {"id", "type", "lang", "question", "must", "gold", "reference", "ref", "split"}


def load_cases(path: Path, notes: list[str] | None = None) -> list[QACase]:
    """Questions from JSONL or CSV. Only `question` is required; `ref` (or `reference`),
    `must`, `gold`, `type`, `lang` and `id` are optional. Unknown fields are ignored, with a
    note in `notes`. In CSV, `must` is groups separated by ';' of alternatives separated by
    '|', and `gold` is ids separated by ';' (or either as JSON)."""
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".csv":
        rows = [(n, dict(r)) for n, r in enumerate(csv.DictReader(io.StringIO(text)), start=2)]
    else:
        rows = []
        for n, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    rows.append((n, json.loads(line)))
                except ValueError as exc:
                    raise ValueError(f"{path}:{n}: not a valid QA case: {exc}") from None
    unknown: set[str] = set()
    cases = []
    for n, row in rows:
        if not isinstance(row, dict):
            raise ValueError(f"{path}:{n}: not a valid QA case: expected an object")
        unknown |= set(row) - FIELDS
        try:
            cases.append(_case(row, n))
        except (ValueError, TypeError) as exc:
            raise ValueError(f"{path}:{n}: not a valid QA case: {exc}") from None
    if unknown and notes is not None:
        notes.append(f"{path.name}: ignored unknown fields: {', '.join(sorted(unknown))}")
    return cases


def _case(row: dict, n: int) -> QACase:
    question = str(row.get("question") or "").strip()
    if not question:
        raise ValueError("a question is required")
    must = _groups(row.get("must"))
    gold = _list(row.get("gold"), ";")
    kind = str(row.get("type") or ("refuse" if not must and not gold else "fact"))
    return QACase(
        id=str(row.get("id") or f"q{n}-{hashlib.sha256(question.encode()).hexdigest()[:6]}"),
        type=kind,
        lang=str(row.get("lang") or question_language(question)),
        question=question,
        must=must,
        gold=gold,
        reference=str(row.get("reference") or row.get("ref") or ""),
    )


def _list(value: object, sep: str) -> list[str]:
    if value in (None, ""):
        return []
    if isinstance(value, str):
        value = json.loads(value) if value.lstrip().startswith("[") else value.split(sep)
    if not isinstance(value, list):
        raise TypeError(f"expected a list, got {value!r}")
    return [str(v).strip() for v in value if str(v).strip()]


def _groups(value: object) -> list[list[str]]:
    if isinstance(value, str) and not value.lstrip().startswith("["):
        return [_list(group, "|") for group in value.split(";") if group.strip()]
    groups = _list(value, ";") if not isinstance(value, list) else value
    return [[str(g)] if isinstance(g, str) else _list(g, "|") for g in groups]


def question_language(question: str) -> str:
    from assistant.lexicon.glossary import is_english
    from assistant.textnorm import detect_script

    if is_english(question):
        return "en"
    return "zh-Hant" if detect_script(question) == "Traditional" else "zh-Hans"


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
