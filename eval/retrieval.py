"""Retrieval suite: hit@1, hit@5, MRR, nDCG@5 of the gold articles for our hybrid retriever
and, in the same run, the baselines a user would otherwise build."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from assistant import QueryEngine

from .metrics import QACase, aggregate, case_metrics, doc_ranking

Retriever = Callable[[str], list[str]]  # question → doc ids in rank order (chunk order)


def hybrid(engine: QueryEngine) -> Retriever:
    return lambda q: [p.doc_id for p in engine.retrieve(q)]


def dense_only(engine: QueryEngine, k: int = 10) -> Retriever:
    return lambda q: [cid.split("#", 1)[0] for cid in engine.dense_ranking(q, k)]


def bm25_only(engine: QueryEngine, k: int = 10) -> Retriever:
    return lambda q: [cid.split("#", 1)[0] for cid in engine.lexical_ranking(q, k)]


def plain_llama_index(corpus: Path, engine: QueryEngine, k: int = 10) -> Retriever:
    """SimpleDirectoryReader → default SentenceSplitter → VectorStoreIndex, over the raw files."""
    from llama_index.core import SimpleDirectoryReader, VectorStoreIndex

    docs = SimpleDirectoryReader(str(corpus), required_exts=[".txt", ".md", ".html"]).load_data()
    index = VectorStoreIndex.from_documents(docs, embed_model=engine.embed_model)
    retriever = index.as_retriever(similarity_top_k=k)
    return lambda q: [Path(n.node.metadata["file_name"]).stem for n in retriever.retrieve(q)]


def run_suite(engine: QueryEngine, cases: list[QACase], corpus: Path | None) -> dict:
    retrievers: dict[str, Retriever] = {
        "hybrid": hybrid(engine),
        "dense": dense_only(engine),
        "bm25": bm25_only(engine),
    }
    if corpus is not None:
        retrievers["llama-index-default"] = plain_llama_index(corpus, engine)
    answerable = [c for c in cases if c.gold]
    results: dict = {"retrievers": {}, "per_question": []}
    for name, retriever in retrievers.items():
        rows = []
        for case in answerable:
            ranking = doc_ranking(retriever(case.question))
            m = case_metrics(ranking, case.gold)
            rows.append((case, m))
            results["per_question"].append(
                {
                    "retriever": name,
                    "id": case.id,
                    "lang": case.lang,
                    "type": case.type,
                    "ranking": ranking[:5],
                    **m,
                }
            )
        results["retrievers"][name] = {
            "by_lang": aggregate(rows, "lang"),
            "by_type": aggregate(rows, "type"),
        }
    return results


def flat_scores(results: dict) -> dict[str, float]:
    """'hybrid/all/hit@1' → value, for thresholds and reports."""
    out = {}
    for name, r in results["retrievers"].items():
        for group, metrics in r["by_lang"].items():
            for metric, value in metrics.items():
                if metric != "n":
                    out[f"{name}/{group}/{metric}"] = value
    return out
