"""The real Chroma store at sizes where unpaged reads break."""

from __future__ import annotations

import numpy as np

from assistant.store.chroma import Store, StoreConfig
from assistant.store.schema import DocRecord
from assistant.types import Article


def test_manifest_of_more_documents_than_one_sqlite_query_can_bind(tmp_path) -> None:
    # An unpaged get of this many records fails inside Chroma ("too many SQL variables").
    n = 33_000
    store = Store.open(StoreConfig(path=tmp_path / "db"), "fake:4", 4, create=True)
    vectors = np.random.default_rng(0).standard_normal((n, 4)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    records = [DocRecord(Article(f"doc{k}", "title"), f"h{k % 7}", k % 3) for k in range(n)]
    store.commit_documents(records, vectors.tolist())
    manifest = store.manifest()
    assert len(manifest) == n
    assert manifest["doc32999"].doc_hash == "h1" and manifest["doc32999"].n_chunks == 2
    assert manifest["doc5"].doc_hash == "h5" and manifest["doc5"].n_chunks == 2
