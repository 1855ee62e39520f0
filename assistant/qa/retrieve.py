"""Hybrid retrieval: dense (Chroma) and BM25 (jieba tokens), fused by reciprocal rank.

Only chunks of committed documents are returned; overlapping chunks of one document
collapse into the best one, and no document takes more than `per_doc` places, so a
question that several articles answer sees all of them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from llama_index.core.embeddings import BaseEmbedding

from assistant.qa.analyze import ParsedQuery
from assistant.store.chroma import Store
from assistant.store.derived import Derived
from assistant.types import ChunkMeta, Passage

RRF_K = 60


@dataclass(frozen=True)
class RetrievalConfig:
    top_k: int = 6
    candidates: int = 30  # per retriever, before fusion
    per_doc: int = 3
    dense_weight: float = 1.0
    lexical_weight: float = 1.0


def _committed(meta: ChunkMeta | None, derived: Derived) -> bool:
    if meta is None:  # after a killed write the vector index may name a record that is gone
        return False
    rec = derived.manifest.get(meta.doc_id)
    return rec is not None and rec.doc_hash == meta.doc_hash


def dense_search(
    store: Store, embed: BaseEmbedding, texts: list[str], derived: Derived, n: int
) -> list[list[str]]:
    """One ranking of committed chunk ids per query text."""
    vectors = [embed.get_query_embedding(t) for t in texts]
    return [
        [cid for cid, meta in hits if _committed(meta, derived)]
        for hits in store.search(vectors, n)
    ]


def fuse(rankings: list[tuple[list[str], float]]) -> dict[str, float]:
    scores: dict[str, float] = defaultdict(float)
    for ranking, weight in rankings:
        for rank, cid in enumerate(ranking):
            scores[cid] += weight / (RRF_K + rank + 1)
    return scores


def _overlaps(a: Passage, b: Passage) -> bool:
    return a.doc_id == b.doc_id and a.meta.start < b.meta.end and b.meta.start < a.meta.end


def retrieve(
    store: Store,
    embed: BaseEmbedding,
    derived: Derived,
    query: ParsedQuery,
    config: RetrievalConfig = RetrievalConfig(),
) -> list[Passage]:
    texts = [query.text] + ([query.bridged] if query.bridged else [])
    dense = dense_search(store, embed, texts, derived, config.candidates)
    lexical = [cid for cid, _ in derived.lexical.search(list(query.tokens), config.candidates)]
    rankings = [(r, config.dense_weight) for r in dense] + [
        (lexical, config.lexical_weight * len(texts))
    ]
    scores = fuse(rankings)
    if not scores:
        return []
    ordered = sorted(scores, key=lambda c: -scores[c])
    by_id = store.get_chunks(ordered[: config.candidates])
    dense_rank = {cid: i for i, cid in enumerate(dense[0])} if dense else {}
    lex_rank = {cid: i for i, cid in enumerate(lexical)}
    picked: list[Passage] = []
    per_doc: dict[str, int] = defaultdict(int)
    for cid in ordered:
        if cid not in by_id:
            continue
        row = by_id[cid]
        if not _committed(row.meta, derived):  # BM25 knows every document; the view may not
            continue
        passage = Passage(
            cid,
            row.meta.doc_id,
            row.text,
            row.meta.original,
            row.meta,
            scores[cid],
            dense_rank.get(cid),
            lex_rank.get(cid),
        )
        if per_doc[passage.doc_id] >= config.per_doc or any(_overlaps(passage, p) for p in picked):
            continue
        picked.append(passage)
        per_doc[passage.doc_id] += 1
        if len(picked) >= config.top_k:
            break
    return picked
