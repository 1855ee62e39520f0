"""Hybrid retrieval without a model: reciprocal-rank fusion, and `retrieve` over an
in-memory fake store (the committed-only filter, overlap collapse, the per-document cap)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant.lexicon.gazetteer import Gazetteer
from assistant.qa.analyze import parse
from assistant.qa.retrieve import RRF_K, RetrievalConfig, fuse, retrieve
from assistant.store.chroma import ChunkRow
from assistant.types import Article, ChunkMeta
from tests.conftest import FakeEmbedding


def rrf(rank: int, weight: float = 1.0) -> float:
    return weight / (RRF_K + rank + 1)


def test_one_ranking_scores_by_reciprocal_rank() -> None:
    scores = fuse([(["a", "b", "c"], 1.0)])
    assert scores == {"a": pytest.approx(rrf(0)), "b": pytest.approx(rrf(1)), "c": rrf(2)}
    assert scores["a"] > scores["b"] > scores["c"]


def test_scores_of_several_rankings_add_up() -> None:
    scores = fuse([(["a", "b"], 1.0), (["b", "c"], 1.0)])
    assert scores["b"] == pytest.approx(rrf(1) + rrf(0))
    assert scores["a"] == pytest.approx(rrf(0)) and scores["c"] == pytest.approx(rrf(1))
    assert max(scores, key=scores.__getitem__) == "b"  # found by both beats first in one


def test_second_in_both_rankings_beats_first_in_one() -> None:
    scores = fuse([(["x", "y"], 1.0), (["z", "y"], 1.0)])
    assert scores["y"] > scores["x"] and scores["y"] > scores["z"]


def test_weights_scale_each_rankings_share() -> None:
    scores = fuse([(["dense"], 1.0), (["lexical"], 2.0)])
    assert scores["lexical"] == pytest.approx(2 * scores["dense"])
    # a heavier ranking can lift its second place over the other's first
    scores = fuse([(["a", "b"], 3.0), (["c"], 1.0)])
    assert scores["b"] > scores["c"]


def test_no_rankings_no_scores() -> None:
    assert fuse([]) == {}
    assert fuse([([], 1.0), ([], 2.0)]) == {}


# ---- retrieve() over fakes ------------------------------------------------------------

GAZ = Gazetteer.from_names({"乐陵": "place"})


def meta(doc_id: str, start: int, end: int, doc_hash: str = "v1") -> ChunkMeta:
    text = "乐陵" * ((end - start) // 2)
    return ChunkMeta(Article(doc_id, f"title {doc_id}"), doc_hash, start // 10, start, end, text)


class FakeStore:
    """Dense search answers a fixed ranking for every query vector."""

    def __init__(self, metas: dict[str, ChunkMeta | None]) -> None:
        self.metas = metas

    def search(self, vectors, n):
        return [list(self.metas.items())[:n] for _ in vectors]

    def get_chunks(self, ids):
        return {
            cid: ChunkRow(cid, f"text of {cid}", m)
            for cid in ids
            if (m := self.metas.get(cid)) is not None
        }


def derived(committed: dict[str, str], lexical_ranking: list[str]) -> SimpleNamespace:
    manifest = {doc_id: SimpleNamespace(doc_hash=h) for doc_id, h in committed.items()}
    lexical = SimpleNamespace(search=lambda tokens, k: [(c, 1.0) for c in lexical_ranking[:k]])
    return SimpleNamespace(manifest=manifest, lexical=lexical)


def test_only_committed_versions_are_returned() -> None:
    store = FakeStore(
        {
            "a#v2#0": meta("a", 0, 10, "v2"),  # written, not yet committed
            "gone": None,  # the vector index names a record that is gone
            "a#v1#0": meta("a", 0, 10),
            "b#v1#0": meta("b", 0, 10),
        }
    )
    got = retrieve(store, FakeEmbedding(), derived({"a": "v1", "b": "v1"}, []), parse("乐陵", GAZ))
    assert [p.chunk_id for p in got] == ["a#v1#0", "b#v1#0"]
    assert got[0].dense_rank == 0 and got[0].lexical_rank is None


def test_overlapping_chunks_collapse_and_documents_are_capped() -> None:
    metas = {
        "a0": meta("a", 0, 100),
        "a1": meta("a", 80, 180),  # overlaps a0: dropped
        "a2": meta("a", 200, 300),
        "a3": meta("a", 400, 500),
        "a4": meta("a", 600, 700),  # a fourth place for "a": over the cap
        "b0": meta("b", 0, 100),
    }
    got = retrieve(
        FakeStore(metas),
        FakeEmbedding(),
        derived({"a": "v1", "b": "v1"}, []),
        parse("乐陵", GAZ),
        RetrievalConfig(per_doc=3),
    )
    assert [p.chunk_id for p in got] == ["a0", "a2", "a3", "b0"]


def test_lexical_hits_are_fused_with_dense_and_top_k_holds() -> None:
    metas = {f"d{i}": meta(f"d{i}", 0, 10) for i in range(8)}
    store = FakeStore(metas)
    committed = {f"d{i}": "v1" for i in range(8)}
    # BM25 puts d7, last of the dense ranking, first: found by both, it rises to the top
    got = retrieve(
        store,
        FakeEmbedding(),
        derived(committed, ["d7"]),
        parse("乐陵", GAZ),
        RetrievalConfig(top_k=3),
    )
    assert [p.chunk_id for p in got] == ["d7", "d0", "d1"]
    assert got[0].lexical_rank == 0 and got[0].dense_rank == 7
    assert got[0].score > got[1].score > got[2].score


def test_nothing_found_is_an_empty_list() -> None:
    got = retrieve(FakeStore({}), FakeEmbedding(), derived({}, []), parse("乐陵", GAZ))
    assert got == []
