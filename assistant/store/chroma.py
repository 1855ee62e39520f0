"""The Chroma store: one collection of chunks, one of documents (the commit manifest).

A document is visible only when its record in `documents` names the same content
hash as its chunks. Ingestion writes chunks first and the document record last, so a
run killed half way leaves chunks no query will show, and the next run removes them.
A repost's record (an alias of its canonical document) owns no chunks: any chunks under
its id are left over and are removed like those of an uncommitted version.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import chromadb
from chromadb.config import Settings

from assistant.errors import EmbeddingMismatch, StoreBusy, StoreNotFound, StoreSchemaMismatch
from assistant.store import schema
from assistant.store.schema import (
    CHUNKS,
    DOCUMENTS,
    WRITERS,
    Alias,
    DocRecord,
    chunk_from_chroma,
    chunk_to_chroma,
)
from assistant.types import ChunkMeta

DEFAULT_DB = Path("data/chroma")
MAX_BATCH = 5000  # Chroma rejects batches above 5461
BUILD_HINT = "build it with: python -m ingest corpus/"


@dataclass(frozen=True)
class StoreConfig:
    """Where the store lives: an embedded directory or a Chroma server URL."""

    path: Path | None = DEFAULT_DB
    url: str | None = None
    sidecar: Path | None = None  # BM25 cache, gazetteer, lock; derived when None

    def describe(self) -> str:
        return self.url or str(self.path)

    def sidecar_dir(self) -> Path:
        if self.sidecar is not None:
            return self.sidecar
        if self.url:
            u = urlparse(self.url)
            return Path("data") / f"{u.hostname}_{u.port or 8000}.sidecar"
        assert self.path is not None
        return self.path.parent / f"{self.path.name}.sidecar"


def _client(config: StoreConfig, create: bool) -> Any:
    settings = Settings(anonymized_telemetry=False, allow_reset=False)
    if config.url:
        u = urlparse(config.url)
        if u.scheme not in ("http", "https") or not u.hostname:
            raise StoreNotFound(f"bad Chroma URL {config.url!r}: expected http://HOST:PORT")
        try:
            client = chromadb.HttpClient(
                host=u.hostname, port=u.port or 8000, ssl=u.scheme == "https", settings=settings
            )
            client.heartbeat()
        except Exception as exc:
            raise StoreNotFound(f"cannot reach the Chroma server at {config.url}: {exc}") from None
        return client
    assert config.path is not None
    if not create and not (config.path / "chroma.sqlite3").exists():
        raise StoreNotFound(f"no index at {config.path}: {BUILD_HINT}")
    config.path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(config.path), settings=settings)


@dataclass(frozen=True)
class ChunkRow:
    """One stored chunk: its id, search-form text, metadata and (when asked for) vector."""

    chunk_id: str
    text: str
    meta: ChunkMeta
    embedding: list[float] | None = None


class Store:
    def __init__(
        self, config: StoreConfig, client: Any, chunks: Any, documents: Any, writers: Any
    ) -> None:
        self.config = config
        self.client = client
        self.chunks = chunks
        self.documents = documents
        self.writers = writers

    @classmethod
    def open(
        cls,
        config: StoreConfig,
        embed_model: str | None = None,
        dim: int | None = None,
        create: bool = False,
    ) -> Store:
        """Open (or with `create`, make) the store; the embedding model must match."""
        client = _client(config, create)
        names = {c if isinstance(c, str) else c.name for c in client.list_collections()}
        if CHUNKS not in names and not create:
            raise StoreNotFound(f"the store at {config.describe()} holds no index: {BUILD_HINT}")
        meta = schema.collection_meta(embed_model or "", dim or 0)
        chunks = client.get_or_create_collection(CHUNKS, metadata=meta, embedding_function=None)
        documents = client.get_or_create_collection(
            DOCUMENTS, metadata=meta, embedding_function=None
        )
        writers = client.get_or_create_collection(WRITERS, embedding_function=None)
        recorded = chunks.metadata or {}
        if recorded.get(schema.SCHEMA) != schema.VERSION:
            raise StoreSchemaMismatch(
                f"the store at {config.describe()} was written in store schema "
                f"{recorded.get(schema.SCHEMA, 'unknown')}, and this version reads schema "
                f"{schema.VERSION}: rebuild it (remove it, then {BUILD_HINT.split(': ')[1]})"
            )
        if embed_model and recorded.get(schema.EMBED_MODEL) not in (embed_model, ""):
            raise EmbeddingMismatch(
                f"the store at {config.describe()} was built with {recorded.get('embed_model')!r} "
                f"({recorded.get('embed_dim')}-d), not {embed_model!r}: open it with "
                f"--embed-model {recorded.get('embed_model')} or rebuild it into a new --db"
            )
        return cls(config, client, chunks, documents, writers)

    @property
    def embed_model(self) -> str:
        return str((self.chunks.metadata or {}).get(schema.EMBED_MODEL, ""))

    @property
    def embed_dim(self) -> int:
        return int((self.chunks.metadata or {}).get(schema.EMBED_DIM) or 0)

    # ---- reading -------------------------------------------------------------
    def manifest(self) -> dict[str, DocRecord]:
        records = (
            DocRecord.from_chroma(m)
            for r in _pages(self.documents, ("metadatas",))
            if (m := r["metadatas"])
        )
        return {r.doc_id: r for r in records}

    def aliases(self) -> dict[str, tuple[Alias, ...]]:
        """Each canonical document's reposts, by the canonical document's id."""
        return aliases_of(self.manifest())

    @staticmethod
    def stamp(manifest: dict[str, DocRecord]) -> str:
        """Changes whenever any committed document changes (or becomes or stops being a
        repost)."""
        lines = sorted(
            f"{r.doc_id}:{r.doc_hash}" + (f">{r.alias_of}" if r.alias_of else "")
            for r in manifest.values()
        )
        return hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]

    def iter_chunks(
        self, with_text: bool = False, with_embedding: bool = False
    ) -> Iterator[ChunkRow]:
        """Every stored chunk, committed or not, a page at a time."""
        include = (
            ["metadatas"]
            + (["documents"] if with_text else [])
            + (["embeddings"] if with_embedding else [])
        )
        for r in _pages(self.chunks, include):
            vector = r.get("embeddings")
            yield ChunkRow(
                r["id"],
                r.get("documents") or "",
                chunk_from_chroma(r["metadatas"]),
                None if vector is None else [float(x) for x in vector],
            )

    def chunk_count(self) -> int:
        return int(self.chunks.count())

    def search(
        self, vectors: list[list[float]], n: int
    ) -> list[list[tuple[str, ChunkMeta | None]]]:
        """The `n` nearest chunks of each query vector. A killed write can leave the vector
        index naming a record that is gone: its metadata is None."""
        count = self.chunk_count()
        if not count or not vectors:
            return []
        got = self.chunks.query(
            query_embeddings=vectors, n_results=min(n, count), include=["metadatas"]
        )
        return [
            [(cid, chunk_from_chroma(m) if m else None) for cid, m in zip(ids, metas, strict=True)]
            for ids, metas in zip(got["ids"], got["metadatas"], strict=True)
        ]

    def get_chunks(self, ids: list[str]) -> dict[str, ChunkRow]:
        got = self.chunks.get(ids=ids, include=["documents", "metadatas"])
        return {
            cid: ChunkRow(cid, text, chunk_from_chroma(meta))
            for cid, text, meta in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
            if meta
        }

    def document_chunks(self, doc_id: str) -> list[ChunkRow]:
        """The chunks stored for one document, in article order."""
        got = self.chunks.get(where={schema.DOC_ID: doc_id}, include=["documents", "metadatas"])
        rows = [
            ChunkRow(cid, text, chunk_from_chroma(meta))
            for cid, text, meta in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
        ]
        return sorted(rows, key=lambda r: r.meta.position)

    def document_vectors(self, ids: list[str] | None = None) -> dict[str, list[float]]:
        """Each committed document's vector (the mean of its chunks), by id; with `ids`, of
        those documents only."""
        got = (
            self.documents.get(include=["embeddings"])
            if ids is None
            else self.documents.get(ids=ids, include=["embeddings"])
        )
        return {
            i: [float(x) for x in v] for i, v in zip(got["ids"], got["embeddings"], strict=True)
        }

    def published_stamp(self) -> str | None:
        """The stamp the last ingestion published: a cheap check for a new version."""
        meta = self.client.get_collection(DOCUMENTS, embedding_function=None).metadata or {}
        return meta.get(schema.STAMP)

    def writing(self) -> bool:
        """Whether an ingestion is at work (or was killed) since the last publish: then the
        published stamp may not describe the committed records."""
        return self.writers.count() > 0

    # ---- writing (ingestion) ---------------------------------------------------
    def begin_write(self, part: str) -> None:
        """Mark this writer at work before its first write; `publish` removes the mark, so a
        killed writer leaves it until its next run completes."""
        self.writers.upsert(ids=[part], embeddings=[[1.0]], metadatas=[{"since": time.time()}])

    def publish(self, stamp: str, part: str | None = None) -> None:
        """Name the current version. A whole-store writer (`part` "all") has repaired every
        document, so it also clears marks that killed shard workers left."""
        meta = {
            k: v for k, v in (self.documents.metadata or {}).items() if not k.startswith("hnsw:")
        }
        self.documents.modify(metadata={**meta, schema.STAMP: stamp})
        if part is not None:
            self.writers.delete(
                ids=self.writers.get(include=[])["ids"] if part == "all" else [part]
            )

    def add_chunks(self, rows: list[ChunkRow]) -> None:
        """Write chunks (with their embeddings); they stay invisible until committed."""
        _upsert(
            self.chunks,
            [r.chunk_id for r in rows],
            [r.embedding or [] for r in rows],
            [r.text for r in rows],
            [chunk_to_chroma(r.meta) for r in rows],
        )

    def commit_documents(self, records: list[DocRecord], embeddings: list[list[float]]) -> None:
        """The commit point: once a record names a version, its chunks become visible."""
        _upsert(
            self.documents,
            [r.doc_id for r in records],
            embeddings,
            [r.article.title for r in records],
            [r.to_chroma() for r in records],
        )

    def delete_stale_chunks(self, doc_id: str, keep_hash: str | None) -> None:
        where: dict[str, Any] = {schema.DOC_ID: doc_id}
        if keep_hash is not None:
            where = {"$and": [where, {schema.DOC_HASH: {"$ne": keep_hash}}]}
        self.chunks.delete(where=where)

    def remove_document(self, doc_id: str) -> None:
        self.documents.delete(ids=[doc_id])  # uncommit first: never a half-visible document
        self.delete_stale_chunks(doc_id, None)

    def repair(
        self, manifest: dict[str, DocRecord], mine: Callable[[str], bool] = lambda _: True
    ) -> int:
        """Delete chunks that no committed document owns (left by a killed run).

        `mine` limits the repair to this writer's documents: another shard's worker
        may be writing chunks it has not committed yet.
        """
        if self.chunks.count() == sum(r.n_chunks for r in manifest.values()):
            return 0
        stale = [
            c.chunk_id
            for c in self.iter_chunks()
            if mine(c.meta.doc_id)
            and (
                (rec := manifest.get(c.meta.doc_id)) is None
                or rec.doc_hash != c.meta.doc_hash
                or rec.is_alias
            )
        ]
        for s in range(0, len(stale), MAX_BATCH):
            self.chunks.delete(ids=stale[s : s + MAX_BATCH])
        return len(stale)


def aliases_of(manifest: dict[str, DocRecord]) -> dict[str, tuple[Alias, ...]]:
    """Each canonical document's reposts (in doc_id order), by the canonical document's id;
    a repost whose canonical document is not committed is left out."""
    found: dict[str, list[Alias]] = {}
    for r in sorted(manifest.values(), key=lambda r: r.doc_id):
        canon = manifest.get(r.alias_of) if r.alias_of else None
        if canon is not None and not canon.is_alias:
            found.setdefault(canon.doc_id, []).append(r.as_alias())
    return {k: tuple(v) for k, v in found.items()}


def canonical(manifest: dict[str, DocRecord]) -> dict[str, DocRecord]:
    """The canonical documents (reposts left out), each with its `aliases` filled in."""
    aliases = aliases_of(manifest)
    return {
        k: replace(r, aliases=aliases.get(k, ())) if k in aliases else r
        for k, r in manifest.items()
        if not r.is_alias
    }


def _upsert(
    collection: Any,
    ids: list[str],
    embeddings: list[list[float]],
    documents: list[str],
    metadatas: list[dict[str, Any]],
) -> None:
    for s in range(0, len(ids), MAX_BATCH):
        e = s + MAX_BATCH
        collection.upsert(
            ids=ids[s:e],
            embeddings=embeddings[s:e],
            documents=documents[s:e],
            metadatas=metadatas[s:e],
        )


def _pages(collection: Any, include: Sequence[str], page: int = 2000) -> Iterator[dict]:
    """Every record, a page at a time: one unpaged get of more than about 32k records
    fails inside Chroma with "too many SQL variables"."""
    offset = 0
    while True:
        got = collection.get(include=list(include), limit=page, offset=offset)
        if not got["ids"]:
            return
        for k, rid in enumerate(got["ids"]):
            yield {"id": rid, **{f: got[f][k] for f in include}}
        offset += len(got["ids"])


@contextmanager
def writer_lock(config: StoreConfig, part: str | None = None) -> Iterator[None]:
    """One writer per store (or per shard of it): a second gets StoreBusy, never a corrupt store."""
    lock_dir = config.sidecar_dir()
    lock_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(
        lock_dir / f"write{'-' + part if part else ''}.lock", os.O_CREAT | os.O_RDWR, 0o644
    )
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreBusy(
                f"the store at {config.describe()} is busy: another ingestion is writing to it; "
                "wait for it to finish and run again"
            ) from None
        yield
    finally:
        os.close(fd)
