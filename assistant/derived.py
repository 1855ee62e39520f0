"""Indexes derived from the committed documents: BM25, the gazetteer and the relation table.

Both are cached in the store's sidecar directory under the manifest stamp, so any
process (a query engine, another machine reaching the same Chroma server) rebuilds
them when stale and reuses them when current.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from .gazetteer import Gazetteer
from .lexical import LexicalIndex, open_lexical
from .relations import RelationIndex
from .store import DocRecord, Store


@dataclass
class Derived:
    manifest: dict[str, DocRecord]
    stamp: str
    lexical: LexicalIndex
    gazetteer: Gazetteer
    relations: RelationIndex


def _open_gazetteer(store: Store, manifest: dict[str, DocRecord], stamp: str) -> Gazetteer:
    path = store.config.sidecar_dir() / "gazetteer.json"
    cached = Gazetteer.load(path, stamp)
    if cached is not None:
        return cached
    texts = [str(c["documents"]) for c in store.iter_chunks(include=("documents", "metadatas"))
             if (r := manifest.get(c["metadatas"]["doc_id"])) and r.doc_hash == c["metadatas"]["doc_hash"]]
    texts += [str(r.meta.get("title", "")) for r in manifest.values()]
    gazetteer = Gazetteer.build(texts)
    with contextlib.suppress(OSError):
        gazetteer.save(path, stamp)
    return gazetteer


def refresh_derived(store: Store) -> Derived:
    manifest = store.manifest()
    stamp = Store.stamp(manifest)
    return Derived(manifest, stamp, open_lexical(store, manifest), _open_gazetteer(store, manifest, stamp),
                   RelationIndex.open(store, manifest, stamp))
