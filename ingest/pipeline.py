"""Wire the stages: load → clean → normalize → metadata → chunk → embed → Chroma.

Per document the write order is: chunks (new content hash), then the document record
(the commit), then removal of the old version's chunks. Queries only show chunks whose
hash the document record names, so a killed run never exposes half a document.
"""

from __future__ import annotations

import hashlib
import queue
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
from llama_index.core.embeddings import BaseEmbedding
from tqdm import tqdm

from assistant.embedding import embedding_dim
from assistant.lexicon.gazetteer import Gazetteer
from assistant.lexicon.names import article_mentions
from assistant.store.chroma import ChunkRow, Store, StoreConfig, writer_lock
from assistant.store.derived import committed_manifest, refresh_derived
from assistant.store.schema import DocRecord, chunk_id
from assistant.textnorm import to_search_form
from assistant.types import Article, ChunkMeta, Fact, Relation

from .chunk import Chunk, chunk_text
from .clean import clean
from .facts import extract as extract_facts
from .load import RejectedFile, discover, load
from .metadata import extract
from .normalize import bm25_tokens, search_texts
from .relations import extract as extract_relations

PIPELINE_VERSION = "5"  # bump when cleaning or chunking changes: every document re-ingests


@dataclass(frozen=True)
class IngestOptions:
    chunk_size: int = 320
    overlap: int = 60
    prune: bool = True
    batch_size: int = 64  # chunks per embedding call, across documents
    queue_size: int = 32  # documents prepared ahead of the embedder: bounds memory


@dataclass(frozen=True)
class Prepared:
    meta: Article
    doc_hash: str
    chunks: list[Chunk]
    texts: list[str]  # search form (Simplified) of each chunk
    tokens: list[
        str
    ]  # BM25 tokens of each chunk, space-joined (jieba: done off the embedder's thread)
    relations: list[Relation]
    facts: list[Fact]
    names: dict[str, str]  # places, organizations and people, for the gazetteer
    path: str
    encoding: str
    warnings: list[str]


@dataclass
class Summary:
    documents: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    rejected: list[dict[str, str]] = field(default_factory=list)
    chunks_embedded: int = 0
    warnings: list[str] = field(default_factory=list)
    repaired_chunks: int = 0
    elapsed_s: float = 0.0

    def as_dict(self) -> dict:
        return asdict(self)


def prepare(path: Path, options: IngestOptions) -> Prepared:
    raw = load(path)
    cleaned = clean(raw.doc_id, raw.text)
    if not cleaned.text.strip():
        raise RejectedFile(path, "no article text left after removing page chrome")
    meta = extract(cleaned, raw.hints)
    chunks = chunk_text(raw.doc_id, cleaned.text, options.chunk_size, options.overlap, raw.pages)
    texts = search_texts(chunks)
    key = f"{raw.content_hash}|{PIPELINE_VERSION}|{options.chunk_size}|{options.overlap}"
    return Prepared(
        meta=meta,
        doc_hash=hashlib.sha256(key.encode()).hexdigest()[:16],
        chunks=chunks,
        texts=texts,
        tokens=[bm25_tokens(meta.title, t) for t in texts],
        relations=extract_relations(cleaned, meta),
        facts=extract_facts(cleaned, meta),
        names=_names(cleaned.title, cleaned.text, meta.source),
        path=str(path),
        encoding=raw.encoding,
        warnings=[str(w) for w in cleaned.warnings],
    )


def _names(title: str, text: str, outlet: str | None) -> dict[str, str]:
    """The document's names for the gazetteer: places, organizations and people, and the
    institutions it names in full (so questions resolve against whole names)."""
    names = Gazetteer.build([title, text]).names
    article = to_search_form(f"{title}\n{text}")
    for mention in article_mentions(article, to_search_form(outlet or "")):
        names.setdefault(mention.name, "institution")
    return names


def _chunk_rows(doc: Prepared, vectors: list[list[float]]) -> list[ChunkRow]:
    return [
        ChunkRow(
            chunk_id(doc.meta.doc_id, doc.doc_hash, c.position),
            text,
            ChunkMeta(doc.meta, doc.doc_hash, c.position, c.start, c.end, c.text, tokens, c.page),
            vector,
        )
        for c, text, tokens, vector in zip(doc.chunks, doc.texts, doc.tokens, vectors, strict=True)
    ]


def embedding_input(title: str, text: str) -> str:
    """What the embedder sees for a chunk: its article's title (search form) above its text."""
    return f"{to_search_form(title)}\n{text}"


def embed(
    embed_model: BaseEmbedding, docs: list[Prepared], batch_size: int
) -> list[list[list[float]]]:
    """Embed the chunks of several documents in shared batches; one vector list per document."""
    inputs = [embedding_input(d.meta.title, t) for d in docs for t in d.texts]
    vectors: list[list[float]] = []
    for s in range(0, len(inputs), batch_size):
        vectors += embed_model.get_text_embedding_batch(inputs[s : s + batch_size])
    out, at = [], 0
    for d in docs:
        out.append(vectors[at : at + len(d.texts)])
        at += len(d.texts)
    return out


def _record(doc: Prepared, vectors: list[list[float]]) -> tuple[list[float], DocRecord]:
    """The commit record, with the mean of the chunk vectors. Relations and names commit with
    it: all of a document or none of it."""
    centroid = np.mean(np.asarray(vectors, dtype=np.float32), axis=0)
    centroid /= float(np.linalg.norm(centroid)) or 1.0
    return centroid.tolist(), DocRecord(
        doc.meta,
        doc.doc_hash,
        len(doc.chunks),
        doc.path,
        doc.encoding,
        tuple(doc.warnings),
        tuple(doc.relations),
        doc.names,
        tuple(doc.facts),
    )


Events = Callable[[str, int], None]  # (what happened, how many documents it concerned)


def no_events(event: str, count: int) -> None:
    """The default listener: hears nothing."""


def write_documents(
    store: Store,
    docs: list[Prepared],
    vectors: list[list[list[float]]],
    replacing: set[str],
    events: Events = no_events,
) -> None:
    """Write embedded documents: all their chunks, then their commit records, then the old
    versions' chunks (only for documents in `replacing`)."""
    store.add_chunks(
        [row for doc, vecs in zip(docs, vectors, strict=True) for row in _chunk_rows(doc, vecs)]
    )
    events("chunks-written", len(docs))
    records = [_record(doc, vecs) for doc, vecs in zip(docs, vectors, strict=True)]
    store.commit_documents([r[1] for r in records], [r[0] for r in records])
    events("committed", len(docs))
    for doc in docs:
        if doc.meta.doc_id in replacing:
            store.delete_stale_chunks(doc.meta.doc_id, keep_hash=doc.doc_hash)


def in_shard(doc_id: str, shard: tuple[int, int] | None) -> bool:
    """Stable assignment of documents to N workers by a hash of their id."""
    if shard is None:
        return True
    index, count = shard
    return int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % count == index


_DONE = object()


def _prepare_one(path: Path, options: IngestOptions) -> Prepared | str:
    try:
        return prepare(path, options)
    except RejectedFile as exc:
        return exc.reason
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"
    except Exception as exc:
        return f"could not be processed ({type(exc).__name__}: {exc})"


def _prepare_all(
    paths: list[Path], options: IngestOptions, out: queue.Queue, stop: threading.Event
) -> None:
    """Producer thread: load, clean and chunk ahead of the embedder (bounded by the queue).
    It gives up once `stop` is set, so a failed run leaves no thread blocked on a full queue."""

    def put(value: object) -> bool:
        while not stop.is_set():
            try:
                out.put(value, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False

    for path in paths:
        if not put((path, _prepare_one(path, options))):
            return
    put(_DONE)


def _groups(pending: queue.Queue, batch_size: int) -> Iterator[list[tuple[Path, Prepared | str]]]:
    """Prepared documents in groups of about `batch_size` chunks (smaller when the queue runs "
    "dry)."""
    group: list[tuple[Path, Prepared | str]] = []
    chunks = 0
    while (item := pending.get()) is not _DONE:
        group.append(item)
        chunks += len(item[1].chunks) if isinstance(item[1], Prepared) else 0
        if chunks >= batch_size or pending.empty():
            yield group
            group, chunks = [], 0
    if group:
        yield group


@contextmanager
def _prepared(
    paths: list[Path], options: IngestOptions
) -> Iterator[Iterator[list[tuple[Path, Prepared | str]]]]:
    """Start preparing at once, so the first document (and jieba's dictionary load) overlaps
    opening the store; stop the preparing thread however the run ends."""
    pending: queue.Queue = queue.Queue(maxsize=options.queue_size)
    stop = threading.Event()
    threading.Thread(
        target=_prepare_all,
        args=(paths, options, pending, stop),
        name="ingest-prepare",
        daemon=True,
    ).start()
    try:
        yield _groups(pending, options.batch_size)
    finally:
        stop.set()


def _to_write(
    group: list[tuple[Path, Prepared | str]], manifest: dict, seen: set[str], summary: Summary
) -> list[Prepared]:
    """The documents of a group that are new or changed; the rest are counted in `summary`."""
    todo: list[Prepared] = []
    for path, doc in group:
        summary.documents += 1
        if path.stem in seen:
            summary.rejected.append(
                {"path": str(path), "reason": "duplicate document id (same file name)"}
            )
            continue
        seen.add(path.stem)
        if isinstance(doc, str):
            summary.rejected.append({"path": str(path), "reason": doc})
            continue
        summary.warnings += doc.warnings
        old = manifest.get(doc.meta.doc_id)
        if old is not None and old.doc_hash == doc.doc_hash:
            summary.unchanged += 1
        else:
            todo.append(doc)
    return todo


def run(
    root: Path,
    config: StoreConfig,
    embed_model: BaseEmbedding,
    options: IngestOptions = IngestOptions(),
    progress: bool = True,
    shard: tuple[int, int] | None = None,
    events: Events = no_events,
) -> Summary:
    """Ingest every supported file under `root` into the store; never abort on one bad file.

    With `shard=(i, N)` only the documents of shard i are ingested, repaired and pruned,
    so N workers can write to one Chroma server at once. `events` hears each step as it
    happens (locked, repaired, embedded, chunks-written, committed, pruned, published).
    """
    started = time.perf_counter()
    summary = Summary()
    paths = [p for p in discover(root) if in_shard(p.stem, shard)]
    part = None if shard is None else f"shard-{shard[0]}-of-{shard[1]}"
    mark = part or "all"  # this writer's mark in the store until it publishes
    with writer_lock(config, part), _prepared(paths, options) as batches:
        store = Store.open(config, embed_model.model_name, embedding_dim(embed_model), create=True)
        manifest = committed_manifest(
            store, store.published_stamp()
        )  # read before marking ourselves
        events("locked", 0)
        store.begin_write(mark)
        summary.repaired_chunks = store.repair(manifest, lambda d: in_shard(d, shard))
        events("repaired", 0)
        seen: set[str] = set()
        bar = tqdm(
            total=len(paths), desc="ingest", unit="doc", disable=not progress, file=sys.stderr
        )
        # Chroma writes run in one writer thread, in order, while the next batch embeds;
        # at most one write waits behind the running one, so memory stays bounded.
        with ThreadPoolExecutor(1, thread_name_prefix="chroma-writer") as writer:
            writes: deque[Future] = deque()
            for group in batches:
                todo = _to_write(group, manifest, seen, summary)
                if todo:
                    replacing = {d.meta.doc_id for d in todo if d.meta.doc_id in manifest}
                    vectors = embed(embed_model, todo, options.batch_size)
                    events("embedded", len(todo))
                    writes.append(
                        writer.submit(write_documents, store, todo, vectors, replacing, events)
                    )
                    summary.chunks_embedded += sum(len(d.chunks) for d in todo)
                    summary.updated += len(replacing)
                    summary.added += len(todo) - len(replacing)
                    while len(writes) > 1:
                        writes.popleft().result()  # also raises a failed write here
                bar.update(len(group))
                bar.set_postfix(chunks=summary.chunks_embedded)
            for write in writes:
                write.result()
        bar.close()
        if options.prune:
            for doc_id in sorted(set(manifest) - seen):
                if in_shard(doc_id, shard):
                    store.remove_document(doc_id)
                    summary.removed += 1
        events("pruned", summary.removed)
        changed = summary.added or summary.updated or summary.removed or summary.repaired_chunks
        # Query engines pick the new version up. A whole-store run that changed nothing knows
        # the version already; a shard re-reads it, since other shards may have committed.
        stamp = refresh_derived(store).stamp if changed or shard else Store.stamp(manifest)
        store.publish(stamp, mark)
        events("published", summary.documents)
    summary.elapsed_s = round(time.perf_counter() - started, 3)
    return summary
