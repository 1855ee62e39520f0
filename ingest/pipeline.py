"""Wire the stages: load → clean → normalize → metadata → chunk → embed → Chroma.

Per document the write order is: chunks (new content hash), then the document record
(the commit), then removal of the old version's chunks. Queries only show chunks whose
hash the document record names, so a killed run never exposes half a document.

A repost of a committed article (`reposts`) is committed as an alias record of its
canonical document and embeds nothing. A run goes over the files once; reposts whose
canonical document changed so that they no longer match it, became a repost itself or
is gone are then decided again (a second pass over those files only, earliest committed
first): each becomes a repost of another document, or canonical and embedded.
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
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Literal, get_args

import numpy as np
from llama_index.core.embeddings import BaseEmbedding
from tqdm import tqdm

from assistant.embedding import embedding_dim
from assistant.lexicon.names import article_mentions, harvest
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
from .reposts import EMPTY, Decision, Entry, Fingerprint, Registry, fingerprint
from .reposts import VERSION as REPOSTS_VERSION

PIPELINE_VERSION = "8"  # bump when cleaning or chunking changes: every document re-ingests


@dataclass(frozen=True)
class IngestOptions:
    chunk_size: int = 320
    overlap: int = 60
    prune: bool = True
    batch_size: int = 64  # chunks per embedding call, across documents
    queue_size: int = 32  # documents prepared ahead of the embedder: bounds memory
    reposts: bool = True  # store reposts of a committed article as its aliases (ingest.reposts)


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
    fingerprint: Fingerprint = EMPTY  # the body's, for finding reposts
    first_committed: float = 0.0  # set when the run commits it


Status = Literal["added", "updated", "unchanged", "repost", "promoted", "removed", "rejected"]


@dataclass(frozen=True)
class DocResult:
    """What a run did with one file: added, updated, unchanged, stored as a repost of
    another document, promoted (a repost that became canonical: its canonical document
    changed or is gone), removed (its file is gone) or rejected (with the reason)."""

    path: str
    doc_id: str
    status: Status
    repost_of: str | None = None  # status "repost": the canonical document
    reason: str | None = None  # status "rejected": why, in words
    chunks: int = 0  # chunks embedded for it

    def describe(self) -> str:
        if self.status == "repost":
            return f"repost of {self.repost_of}"
        if self.status == "rejected":
            return f"rejected: {self.reason}"
        return self.status


@dataclass
class Summary:
    documents: int = 0
    added: int = 0
    updated: int = 0  # re-embedded: edited, or promoted from repost to canonical
    unchanged: int = 0
    removed: int = 0
    rejected: list[dict[str, str]] = field(default_factory=list)
    chunks_embedded: int = 0
    warnings: list[str] = field(default_factory=list)
    repaired_chunks: int = 0
    elapsed_s: float = 0.0
    reposts: int = 0  # stored as reposts of another document (nothing embedded)
    results: list[DocResult] = field(default_factory=list)  # one per file, in order

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
    names = document_names(cleaned.title, cleaned.text, meta.source)
    key = (
        f"{raw.content_hash}|{PIPELINE_VERSION}|{options.chunk_size}|{options.overlap}"
        f"|{REPOSTS_VERSION if options.reposts else 'no-reposts'}"
    )
    return Prepared(
        meta=meta,
        doc_hash=hashlib.sha256(key.encode()).hexdigest()[:16],
        chunks=chunks,
        texts=texts,
        tokens=[bm25_tokens(meta.title, t) for t in texts],
        relations=extract_relations(cleaned, meta),
        facts=extract_facts(cleaned, meta),
        names=names,
        path=str(path),
        encoding=raw.encoding,
        warnings=[str(w) for w in cleaned.warnings],
        fingerprint=fingerprint(cleaned.text, institutions(names), meta.date),
    )


def institutions(names: dict[str, str]) -> list[str]:
    """The institutions among a document's names: the parties a repost names too."""
    return [n for n, kind in names.items() if kind == "institution"]


def document_names(title: str, text: str, outlet: str | None) -> dict[str, str]:
    """The document's names for the gazetteer: places, organizations and people, and the
    institutions it names in full (so questions resolve against whole names)."""
    # the names alone: their pinyin keys are the derived gazetteer's work, not ingest's
    names = harvest("\n".join(to_search_form(t) for t in (title, text)))
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
        fingerprint=doc.fingerprint.encode(),
        first_committed=doc.first_committed,
    )


def alias_record(doc: Prepared, canonical: str) -> DocRecord:
    """A repost's commit record: its own article metadata, path and fingerprint, the
    canonical document it copies, and nothing else (no chunks, relations, facts, names)."""
    return DocRecord(
        doc.meta,
        doc.doc_hash,
        0,
        doc.path,
        doc.encoding,
        tuple(doc.warnings),
        alias_of=canonical,
        fingerprint=doc.fingerprint.encode(),
        first_committed=doc.first_committed,
    )


@dataclass(frozen=True)
class AliasWrite:
    record: DocRecord
    had_chunks: bool  # it was canonical until now: its chunks go once the alias commits


Events = Callable[[str, int], None]  # (what happened, how many documents it concerned)


def no_events(event: str, count: int) -> None:
    """The default listener: hears nothing."""


def write_documents(
    store: Store,
    docs: list[Prepared],
    vectors: list[list[list[float]]],
    replacing: set[str],
    events: Events = no_events,
    aliases: list[AliasWrite] | None = None,
) -> None:
    """Write embedded documents: all their chunks, then their commit records, then the old
    versions' chunks (only for documents in `replacing`). Reposts (`aliases`) commit after
    their canonical documents, with a canonical document's vector; a document that was
    canonical until now loses its chunks after its alias record commits."""
    aliases = aliases or []
    if docs:
        store.add_chunks(
            [row for doc, vecs in zip(docs, vectors, strict=True) for row in _chunk_rows(doc, vecs)]
        )
        events("chunks-written", len(docs))
    records = [_record(doc, vecs) for doc, vecs in zip(docs, vectors, strict=True)]
    if aliases:
        known = {r.doc_id: v for v, r in records}
        wanted = sorted({a.record.alias_of for a in aliases} - set(known))
        known |= store.document_vectors(wanted) if wanted else {}
        fallback = [1.0] + [0.0] * (store.embed_dim - 1)  # its canonical is gone: any unit
        records += [(known.get(a.record.alias_of, fallback), a.record) for a in aliases]
    if records:
        store.commit_documents([r[1] for r in records], [r[0] for r in records])
        events("committed", len(records))
    for doc in docs:
        if doc.meta.doc_id in replacing:
            store.delete_stale_chunks(doc.meta.doc_id, keep_hash=doc.doc_hash)
    for a in aliases:
        if a.had_chunks:
            store.delete_stale_chunks(a.record.doc_id, keep_hash=None)


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


class _Run:
    """One run's decisions: which files are new, changed, unchanged, reposts of which
    document, and which reposts must be decided again; and the embedding and writing."""

    def __init__(
        self,
        store: Store,
        manifest: dict[str, DocRecord],
        embed_model: BaseEmbedding,
        options: IngestOptions,
        summary: Summary,
        events: Events,
        present: set[str],
        gone: set[str],
        mine: Callable[[str], bool],
    ) -> None:
        self.store, self.manifest, self.embed_model = store, manifest, embed_model
        self.options, self.summary, self.events = options, summary, events
        self.now = time.time()  # the rank of documents first committed by this run
        self.registry = Registry(
            Entry(r.doc_id, Fingerprint.decode(r.fingerprint), r.first_committed, r.alias_of)
            for r in manifest.values()
            if r.doc_id not in gone
        )
        self.mine = lambda d: d in present and mine(d)  # reposts this run can decide again
        self.seen: dict[str, Path] = {}
        self.results: dict[str, DocResult] = {}
        # reposts to decide again in the second pass: left stray by a killed run or another
        # shard, or whose canonical document is gone
        self.again: set[str] = (
            {d for d in self.registry.stray() if self.mine(d)} if options.reposts else set()
        )

    def _result(self, result: DocResult) -> None:
        self.results[result.doc_id] = result
        if result.status == "rejected":
            self.summary.rejected.append({"path": result.path, "reason": result.reason or ""})

    def sort(
        self, group: list[tuple[Path, Prepared | str]], second: bool
    ) -> tuple[list[Prepared], list[AliasWrite]]:
        """The documents of a group to embed, and the reposts to commit; the rest are
        recorded as unchanged or rejected. In the `second` pass every document is decided
        again."""
        todo: list[Prepared] = []
        aliases: list[AliasWrite] = []
        for path, doc in group:
            if not second:
                self.summary.documents += 1
                if path.stem in self.seen:
                    reason = "duplicate document id (same file name)"
                    self.summary.rejected.append({"path": str(path), "reason": reason})
                    continue
                self.seen[path.stem] = path
                if path.stem in self.again:
                    continue  # decided in the second pass
            if isinstance(doc, str):
                self._result(DocResult(str(path), path.stem, "rejected", reason=doc))
                continue
            if not second:
                self.summary.warnings += doc.warnings
            old = self.manifest.get(doc.meta.doc_id)
            if not second and old is not None and old.doc_hash == doc.doc_hash:
                self._result(DocResult(str(path), doc.meta.doc_id, "unchanged"))
                continue
            doc = replace(doc, first_committed=(old.first_committed if old else 0) or self.now)
            decision = (
                self.registry.decide(doc.meta.doc_id, doc.fingerprint, doc.first_committed)
                if self.options.reposts
                else Decision(None)
            )
            self.again |= {d for d in decision.orphaned if self.mine(d)}
            if decision.alias_of is None:
                todo.append(doc)
                continue
            if old and old.doc_hash == doc.doc_hash and old.alias_of == decision.alias_of:
                self._result(DocResult(str(path), doc.meta.doc_id, "unchanged"))
                continue
            had_chunks = old is not None and not old.is_alias and old.n_chunks > 0
            aliases.append(AliasWrite(alias_record(doc, decision.alias_of), had_chunks))
            self._result(DocResult(str(path), doc.meta.doc_id, "repost", decision.alias_of))
        return todo, aliases

    def ingest(
        self, batches: Iterator[list[tuple[Path, Prepared | str]]], bar: tqdm | None
    ) -> None:
        """Embed and write what `batches` bring. Chroma writes run in one writer thread, in
        order, while the next batch embeds; at most one write waits behind the running
        one, so memory stays bounded."""
        second = bar is None
        with ThreadPoolExecutor(1, thread_name_prefix="chroma-writer") as writer:
            writes: deque[Future] = deque()
            for group in batches:
                todo, aliases = self.sort(group, second)
                if todo or aliases:
                    replacing = {d.meta.doc_id for d in todo if d.meta.doc_id in self.manifest}
                    vectors = embed(self.embed_model, todo, self.options.batch_size)
                    if todo:
                        self.events("embedded", len(todo))
                    writes.append(
                        writer.submit(
                            write_documents,
                            self.store,
                            todo,
                            vectors,
                            replacing,
                            self.events,
                            aliases,
                        )
                    )
                    for d in todo:
                        old = self.manifest.get(d.meta.doc_id)
                        status: Status = "added" if old is None else "updated"
                        if old is not None and old.is_alias and old.doc_hash == d.doc_hash:
                            status = "promoted"  # the file is the same: its canonical changed
                        self._result(DocResult(d.path, d.meta.doc_id, status, chunks=len(d.chunks)))
                        self.summary.chunks_embedded += len(d.chunks)
                    while len(writes) > 1:
                        writes.popleft().result()  # also raises a failed write here
                if bar is not None:
                    bar.update(len(group))
                    bar.set_postfix(chunks=self.summary.chunks_embedded)
            for write in writes:
                write.result()

    def second_pass(self) -> list[Path]:
        """The files of the reposts to decide again, earliest committed first."""

        def rank(doc_id: str) -> tuple[float, str]:
            entry = self.registry.get(doc_id)
            return (entry.rank if entry else self.now), doc_id

        return [self.seen[d] for d in sorted(self.again, key=rank) if d in self.seen]

    def prune(self, gone: set[str]) -> None:
        for doc_id in sorted(gone):
            self.store.remove_document(doc_id)
            self._result(DocResult(self.manifest[doc_id].path, doc_id, "removed"))

    def count(self) -> None:
        """The summary's counts, from each file's final result."""
        s = self.summary
        s.results = list(self.results.values())
        by = {k: sum(1 for r in s.results if r.status == k) for k in get_args(Status)}
        s.added, s.unchanged, s.removed, s.reposts = (
            by["added"],
            by["unchanged"],
            by["removed"],
            by["repost"],
        )
        s.updated = by["updated"] + by["promoted"]


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
    # in doc_id order, so that of two new copies of one article the smaller id is canonical
    paths = sorted(
        (p for p in discover(root) if in_shard(p.stem, shard)), key=lambda p: (p.stem, str(p))
    )
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
        present = {p.stem for p in paths}
        gone = (
            {d for d in manifest if in_shard(d, shard) and d not in present}
            if options.prune
            else set()
        )
        work = _Run(
            store,
            manifest,
            embed_model,
            options,
            summary,
            events,
            present,
            gone,
            lambda d: in_shard(d, shard),
        )
        bar = tqdm(
            total=len(paths), desc="ingest", unit="doc", disable=not progress, file=sys.stderr
        )
        work.ingest(batches, bar)
        bar.close()
        again = work.second_pass()
        if again:
            with _prepared(again, options) as more:
                work.ingest(more, None)
        work.prune(gone)
        work.count()
        events("pruned", summary.removed)
        changed = (
            summary.added
            or summary.updated
            or summary.removed
            or summary.reposts
            or summary.repaired_chunks
        )
        # Query engines pick the new version up. A whole-store run that changed nothing knows
        # the version already; a shard re-reads it, since other shards may have committed.
        stamp = refresh_derived(store).stamp if changed or shard else Store.stamp(manifest)
        store.publish(stamp, mark)
        events("published", summary.documents)
    summary.elapsed_s = round(time.perf_counter() - started, 3)
    return summary
