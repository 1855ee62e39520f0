"""Indexes derived from the committed documents: BM25, the gazetteer and the relation table.

They are cached in the store's sidecar directory under the manifest stamp, so any
process (a query engine, another machine reaching the same Chroma server) rebuilds
them when stale and reuses them when current. The manifest itself is cached too:
reading every document record from Chroma takes seconds at 100k chunks, and the
published stamp says when the cached copy is still the truth.

Reposts (alias records) are not documents of their own here: `Derived.manifest` holds
the canonical documents, each with its reposts in `aliases`, and citations of a
canonical document name the other outlets that published it (`cite_aliases`).
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass, field, replace
from functools import cached_property

from assistant.lexicon.gazetteer import Gazetteer
from assistant.store.chroma import Store, aliases_of, canonical
from assistant.store.lexical import LexicalIndex, open_lexical
from assistant.store.relations import RelationIndex
from assistant.store.schema import Alias, DocRecord
from assistant.types import Citation, Fact


@dataclass
class Derived:
    manifest: dict[str, DocRecord]  # the canonical documents (reposts are their `aliases`)
    stamp: str
    lexical: LexicalIndex
    gazetteer: Gazetteer
    relations: RelationIndex
    aliases: dict[str, tuple[Alias, ...]] = field(default_factory=dict)  # canonical id → reposts

    def also(self, doc_id: str) -> tuple[str, ...]:
        """The other outlets that published document `doc_id` (its reposts' outlets, once
        each, in doc_id order; the document's own outlet left out)."""
        record = self.manifest.get(doc_id)
        own = record.article.source if record else None
        outlets = (a.outlet for a in self.aliases.get(doc_id, ()))
        return tuple(dict.fromkeys(o for o in outlets if o and o != own))

    def cite_aliases(self, citations: tuple[Citation, ...]) -> tuple[Citation, ...]:
        """The citations with `also` filled in from the reposts."""
        return tuple(
            replace(c, also=also) if (also := self.also(c.doc_id)) else c for c in citations
        )

    def of_documents(self, doc_ids: set[str]) -> Derived:
        """The indexes as if only those documents were committed: a question asked of one
        article at a time (东营那两篇各是谁出席) reads that article's sentences and rows.
        BM25 and the gazetteer stay the whole corpus's: word weights are the corpus's, and
        retrieval drops the other documents' chunks after ranking (enough at this corpus's
        size; a large one would want a filtered search)."""
        return replace(
            self,
            manifest={d: r for d, r in self.manifest.items() if d in doc_ids},
            relations=self.relations.of_documents(doc_ids),
        )

    @cached_property
    def facts(self) -> list[Fact]:
        """Every fact of the committed documents (they commit with their document record)."""
        return [fact for record in self.manifest.values() for fact in record.facts]


def _open_gazetteer(store: Store, manifest: dict[str, DocRecord], stamp: str) -> Gazetteer:
    """The union of the names each document contributed at ingest (stored on its record)."""
    path = store.config.sidecar_dir() / "gazetteer.json"
    cached = Gazetteer.load(path, stamp)
    if cached is not None:
        return cached
    names: dict[str, str] = {}
    for record in manifest.values():
        names.update(record.names)
    gazetteer = Gazetteer.from_names(names)
    with contextlib.suppress(OSError):
        gazetteer.save(path, stamp)
    return gazetteer


def _load_manifest(store: Store, stamp: str) -> dict[str, DocRecord] | None:
    try:
        data = json.loads(
            (store.config.sidecar_dir() / "manifest.json").read_text(encoding="utf-8")
        )
        manifest = {r.doc_id: r for r in map(DocRecord.from_chroma, data["records"])}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return manifest if data.get("stamp") == stamp == Store.stamp(manifest) else None


def _save_manifest(store: Store, manifest: dict[str, DocRecord], stamp: str) -> None:
    path = store.config.sidecar_dir() / "manifest.json"
    tmp = path.with_name(f"{path.name}.tmp{os.getpid()}")
    records = [r.to_chroma() for r in manifest.values()]
    with contextlib.suppress(OSError):  # a read-only sidecar only costs a full read next time
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(
            json.dumps({"stamp": stamp, "records": records}, ensure_ascii=False), encoding="utf-8"
        )
        tmp.replace(path)


def committed_manifest(store: Store, published: str | None) -> dict[str, DocRecord]:
    """The committed document records. With the `published` stamp, and no ingestion at
    work since it was published, the cached copy stands in for a read of every record."""
    manifest = _load_manifest(store, published) if published and not store.writing() else None
    if manifest is None:
        manifest = store.manifest()
        _save_manifest(store, manifest, Store.stamp(manifest))
    return manifest


def refresh_derived(store: Store, published: str | None = None) -> Derived:
    committed = committed_manifest(store, published)
    stamp = Store.stamp(committed)
    manifest = canonical(committed)
    return Derived(
        manifest,
        stamp,
        open_lexical(store, manifest),
        _open_gazetteer(store, manifest, stamp),
        RelationIndex.open(store, manifest, stamp),
        aliases_of(committed),
    )
