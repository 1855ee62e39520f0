"""Wire the stages: load → clean → normalize → metadata → chunk → embed → Chroma.

Per document the write order is: chunks (new content hash), then the document record
(the commit), then removal of the old version's chunks. Queries only show chunks whose
hash the document record names, so a killed run never exposes half a document.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
from llama_index.core.embeddings import BaseEmbedding
from tqdm import tqdm

from assistant.derived import refresh_derived
from assistant.embedding import embedding_dim
from assistant.store import Store, StoreConfig, writer_lock
from assistant.textnorm import to_search_form
from assistant.types import Relation

from .chunk import Chunk, chunk_text
from .clean import clean
from .load import RejectedFile, discover, load
from .metadata import DocumentMeta, extract
from .normalize import bm25_tokens, search_texts
from .relations import extract as extract_relations

PIPELINE_VERSION = "2"  # bump when cleaning or chunking changes: every document re-ingests


@dataclass(frozen=True)
class IngestOptions:
    chunk_size: int = 320
    overlap: int = 60
    prune: bool = True
    batch_size: int = 32


@dataclass(frozen=True)
class Prepared:
    meta: DocumentMeta
    doc_hash: str
    chunks: list[Chunk]
    texts: list[str]  # search form (Simplified) of each chunk
    relations: list[Relation]
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
    meta = extract(cleaned)
    chunks = chunk_text(raw.doc_id, cleaned.text, options.chunk_size, options.overlap)
    key = f"{raw.content_hash}|{PIPELINE_VERSION}|{options.chunk_size}|{options.overlap}"
    return Prepared(
        meta=meta,
        doc_hash=hashlib.sha256(key.encode()).hexdigest()[:16],
        chunks=chunks,
        texts=search_texts(chunks),
        relations=extract_relations(cleaned, meta),
        path=str(path),
        encoding=raw.encoding,
        warnings=[str(w) for w in cleaned.warnings],
    )


def _chunk_metadata(doc: Prepared, chunk: Chunk, text: str) -> dict:
    return {
        **doc.meta.as_chroma(),
        "doc_hash": doc.doc_hash,
        "position": chunk.position,
        "start": chunk.start,
        "end": chunk.end,
        "original": chunk.text,
        "tokens": bm25_tokens(doc.meta.title, text),
    }


def write_document(store: Store, embed_model: BaseEmbedding, doc: Prepared, batch_size: int) -> int:
    """Embed and write one document; return the number of chunks embedded."""
    title = to_search_form(doc.meta.title)
    inputs = [f"{title}\n{t}" for t in doc.texts]
    vectors: list[list[float]] = []
    for s in range(0, len(inputs), batch_size):
        vectors += embed_model.get_text_embedding_batch(inputs[s:s + batch_size])
    ids = [f"{doc.meta.doc_id}#{doc.doc_hash}#{c.position}" for c in doc.chunks]
    metas = [_chunk_metadata(doc, c, t) for c, t in zip(doc.chunks, doc.texts, strict=True)]
    store.add_chunks(ids, vectors, doc.texts, metas)
    centroid = np.mean(np.asarray(vectors, dtype=np.float32), axis=0)
    centroid /= float(np.linalg.norm(centroid)) or 1.0
    record = {
        **doc.meta.as_chroma(), "doc_hash": doc.doc_hash, "n_chunks": len(ids),
        "path": doc.path, "encoding": doc.encoding, "warnings": "\n".join(doc.warnings),
        # relations commit with the document record: all of a document or none of it
        "relations": json.dumps([r.as_dict() for r in doc.relations], ensure_ascii=False),
    }
    store.commit_document(doc.meta.doc_id, centroid.tolist(), doc.meta.title, record)
    store.delete_stale_chunks(doc.meta.doc_id, keep_hash=doc.doc_hash)
    return len(ids)


def run(
    root: Path,
    config: StoreConfig,
    embed_model: BaseEmbedding,
    options: IngestOptions = IngestOptions(),
    progress: bool = True,
    select: Callable[[str], bool] = lambda doc_id: True,
) -> Summary:
    """Ingest every supported file under `root` into the store; never abort on one bad file."""
    started = time.perf_counter()
    summary = Summary()
    paths = [p for p in discover(root) if select(p.stem)]
    with writer_lock(config):
        store = Store.open(config, embed_model.model_name, embedding_dim(embed_model), create=True)
        manifest = store.manifest()
        summary.repaired_chunks = store.repair(manifest)
        seen: set[str] = set()
        bar = tqdm(paths, desc="ingest", unit="doc", disable=not progress, file=sys.stderr)
        for path in bar:
            summary.documents += 1
            if path.stem in seen:
                summary.rejected.append({"path": str(path), "reason": "duplicate document id (same file name)"})
                continue
            seen.add(path.stem)
            try:
                doc = prepare(path, options)
            except RejectedFile as exc:
                summary.rejected.append({"path": str(path), "reason": exc.reason})
                continue
            except OSError as exc:
                summary.rejected.append({"path": str(path), "reason": f"cannot read: {exc.strerror}"})
                continue
            summary.warnings += doc.warnings
            old = manifest.get(doc.meta.doc_id)
            if old is not None and old.doc_hash == doc.doc_hash:
                summary.unchanged += 1
                continue
            summary.chunks_embedded += write_document(store, embed_model, doc, options.batch_size)
            if old is None:
                summary.added += 1
            else:
                summary.updated += 1
            bar.set_postfix(chunks=summary.chunks_embedded)
        if options.prune:
            for doc_id in sorted(set(manifest) - seen):
                if select(doc_id):
                    store.remove_document(doc_id)
                    summary.removed += 1
        refresh_derived(store)
    summary.elapsed_s = round(time.perf_counter() - started, 3)
    return summary
