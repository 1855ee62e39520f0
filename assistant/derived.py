"""Indexes derived from the committed documents: BM25, the gazetteer and the relation table.

Both are cached in the store's sidecar directory under the manifest stamp, so any
process (a query engine, another machine reaching the same Chroma server) rebuilds
them when stale and reuses them when current.
"""

from __future__ import annotations

import contextlib
import json
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
    """The union of the names each document contributed at ingest (stored on its record)."""
    path = store.config.sidecar_dir() / "gazetteer.json"
    cached = Gazetteer.load(path, stamp)
    if cached is not None:
        return cached
    names: dict[str, str] = {}
    for record in manifest.values():
        try:
            names.update(json.loads(record.meta.get("names") or "{}"))
        except ValueError:
            continue
    gazetteer = Gazetteer.from_names(names)
    with contextlib.suppress(OSError):
        gazetteer.save(path, stamp)
    return gazetteer


def refresh_derived(store: Store) -> Derived:
    manifest = store.manifest()
    stamp = Store.stamp(manifest)
    return Derived(manifest, stamp, open_lexical(store, manifest), _open_gazetteer(store, manifest, stamp),
                   RelationIndex.open(store, manifest, stamp))
