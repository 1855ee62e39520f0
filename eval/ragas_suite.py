"""Ragas suite: metrics that need no LLM always; judge metrics when a judge is configured.

The report names the judge model, so scores from different judges are never mixed.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from typing import Any

os.environ.setdefault("RAGAS_DO_NOT_TRACK", "true")


def _tiktoken_cache() -> None:
    """ragas reaches for tiktoken encodings; llama-index bundles them, so nothing is downloaded."""
    import llama_index.core

    cache = os.path.join(os.path.dirname(llama_index.core.__file__), "_static", "tiktoken_cache")
    os.environ.setdefault("TIKTOKEN_CACHE_DIR", cache)


@dataclass(frozen=True)
class Judge:
    url: str
    model: str

    def _settings(self, **more: Any) -> dict[str, Any]:
        """OpenAILike's arguments for this judge (a chat model, no retries), `more` added."""
        return {
            "model": self.model,
            "api_base": self.url,
            "api_key": "not-needed",
            "is_chat_model": True,
            "max_retries": 0,
            **more,
        }

    def llm(self) -> Any:
        from llama_index.llms.openai_like import OpenAILike
        from ragas.llms import LlamaIndexLLMWrapper

        # json_object mode: llama.cpp constrains decoding with a JSON grammar, which a
        # small model needs to answer ragas's structured prompts reliably.
        llm = OpenAILike(
            **self._settings(
                timeout=600,
                temperature=0.0,
                max_tokens=700,
                additional_kwargs={"response_format": {"type": "json_object"}},
            )
        )
        return LlamaIndexLLMWrapper(llm)

    def check(self) -> str | None:
        """None when the judge answers; else a message saying what is wrong."""
        from llama_index.core.llms import ChatMessage
        from llama_index.llms.openai_like import OpenAILike

        try:
            OpenAILike(**self._settings(timeout=120, max_tokens=5)).chat(
                [ChatMessage(role="user", content="ok?")]
            )
        except Exception as exc:
            return f"the judge at {self.url} ({self.model}) failed: {type(exc).__name__}: {exc}"
        return None


def _score(value: Any) -> float | None:
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(value) else round(value, 4)


def gold_sentences(engine: Any, case: Any) -> list[str]:
    """Reference contexts: the gold articles' sentences that state a must fact (Simplified)."""
    from assistant.textnorm import sentence_spans, to_simplified

    facts = [to_simplified(m) for group in case.must for m in group]
    out: list[str] = []
    for doc_id in case.gold:
        for text in engine.document_texts(doc_id):
            for start, end in sentence_spans(text):
                sentence = text[start:end].strip()
                if any(f in sentence for f in facts) and sentence not in out:
                    out.append(sentence)
    return out or [case.reference]


def _first_fact(case: Any) -> str:
    return case.must[0][0] if case.must else case.reference


def run_suite(answer_rows: list[dict], cases: list, engine: Any, judge: Judge | None) -> dict:
    _tiktoken_cache()
    from ragas import EvaluationDataset, RunConfig, SingleTurnSample, evaluate
    from ragas.embeddings import LlamaIndexEmbeddingsWrapper
    from ragas.metrics import (
        BleuScore,
        Faithfulness,
        LLMContextPrecisionWithReference,
        LLMContextRecall,
        NonLLMContextPrecisionWithReference,
        NonLLMContextRecall,
        ResponseRelevancy,
        SemanticSimilarity,
        StringPresence,
    )

    by_id = {c.id: c for c in cases}
    rows = [r for r in answer_rows if by_id[r["id"]].type != "refuse"]
    embeddings = LlamaIndexEmbeddingsWrapper(engine.embed_model)
    # retrieved contexts: the sentences the answer cites; reference contexts: the gold sentences
    samples = [
        SingleTurnSample(
            user_input=r["question"],
            response=r["answer"],
            retrieved_contexts=r["quotes"] or [""],
            reference=by_id[r["id"]].reference or " ".join(g[0] for g in by_id[r["id"]].must),
            reference_contexts=gold_sentences(engine, by_id[r["id"]]),
        )
        for r in rows
    ]
    presence = [  # the first must fact, or the reference when a dataset gives only that
        SingleTurnSample(response=r["answer"], reference=_first_fact(by_id[r["id"]])) for r in rows
    ]
    config = RunConfig(max_workers=1 if judge else 4, timeout=900, max_retries=1)
    metrics: list[Any] = [
        NonLLMContextRecall(),
        NonLLMContextPrecisionWithReference(),
        BleuScore(kwargs={"tokenize": "zh"}),
        SemanticSimilarity(embeddings=embeddings),
    ]
    results: dict[str, list[float | None]] = {}
    judge_error = judge.check() if judge else None
    if judge and not judge_error:
        metrics += [
            Faithfulness(),
            ResponseRelevancy(embeddings=embeddings),
            LLMContextPrecisionWithReference(),
            LLMContextRecall(),
        ]
    for dataset, group in ((samples, metrics), (presence, [StringPresence()])):
        result: Any = evaluate(
            EvaluationDataset(samples=list(dataset)),
            metrics=group,
            llm=judge.llm() if judge and not judge_error else None,
            embeddings=embeddings,
            run_config=config,
            raise_exceptions=False,
            show_progress=False,
        )
        frame = result.to_pandas()
        for metric in group:
            results[metric.name] = [_score(v) for v in frame[metric.name]]
    per_question = [
        {
            "id": r["id"],
            "lang": r["lang"],
            "type": r["type"],
            **{name: values[i] for name, values in results.items()},
        }
        for i, r in enumerate(rows)
    ]
    summary = {}
    failures = {}
    for name, values in results.items():
        got = [v for v in values if v is not None]
        summary[name] = round(sum(got) / len(got), 4) if got else None
        if len(got) < len(values):
            failures[name] = len(values) - len(got)
    return {
        "summary": summary,
        "per_question": per_question,
        "judge": f"{judge.model} at {judge.url}" if judge else None,
        "judge_error": judge_error,
        "failed_samples": failures,
    }
