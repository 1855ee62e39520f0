"""The store's schema: every Chroma metadata key, and typed records to read and write them.

Chroma metadata values must be scalars, so lists (relations, names) are stored as JSON
strings and missing values as ''. Nothing outside this module spells a key. Bump
`VERSION` when a key changes meaning; a store written under another version refuses
to open with the command that rebuilds it.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from assistant.types import Article, ChunkMeta, Fact, Relation

VERSION = 2  # 2: reposts are stored as alias records (ALIAS_OF) of a canonical document
CHUNKS = "pa_chunks"
DOCUMENTS = "pa_documents"
WRITERS = "pa_writers"  # one record per ingestion at work, removed when it publishes

# Keys of both records: the article's own metadata.
DOC_ID, DOC_HASH = "doc_id", "doc_hash"
TITLE, DATE, SOURCE, AUTHOR, URL, SCRIPT = "title", "date", "source", "author", "url", "script"
# Chunk keys.
POSITION, START, END, ORIGINAL, TOKENS = "position", "start", "end", "original", "tokens"
PAGE = "page"  # 1-based page of a paged document (PDF); 0 when the document has no pages
# Document keys.
FACTS = "facts"
# A repost (the same article on another outlet) is an alias record: it names its canonical
# document, has no chunks, relations, facts or names; FINGERPRINT is its body's repost
# fingerprint (ingest/reposts.py), FIRST_COMMITTED when the document was first committed.
ALIAS_OF, FINGERPRINT, FIRST_COMMITTED = "alias_of", "fingerprint", "first_committed"
N_CHUNKS, PATH, ENCODING, WARNINGS, RELATIONS, NAMES = (
    "n_chunks",
    "path",
    "encoding",
    "warnings",
    "relations",
    "names",
)
# Collection keys.
SCHEMA, EMBED_MODEL, EMBED_DIM, STAMP = "schema", "embed_model", "embed_dim", "stamp"


def article_to_chroma(article: Article) -> dict[str, str]:
    return {k: (v or "") for k, v in asdict(article).items()}


def article_from_chroma(meta: dict[str, Any]) -> Article:
    def text(key: str) -> str:
        return str(meta.get(key) or "")

    return Article(
        text(DOC_ID),
        text(TITLE),
        text(DATE) or None,
        text(SOURCE) or None,
        text(AUTHOR) or None,
        text(URL) or None,
        text(SCRIPT),
    )


def chunk_to_chroma(meta: ChunkMeta) -> dict[str, Any]:
    return {
        **article_to_chroma(meta.article),
        DOC_HASH: meta.doc_hash,
        POSITION: meta.position,
        START: meta.start,
        END: meta.end,
        ORIGINAL: meta.original,
        TOKENS: meta.tokens,
        PAGE: meta.page or 0,
    }


def chunk_from_chroma(meta: dict[str, Any]) -> ChunkMeta:
    return ChunkMeta(
        article_from_chroma(meta),
        str(meta[DOC_HASH]),
        int(meta.get(POSITION, 0)),
        int(meta.get(START, 0)),
        int(meta.get(END, 0)),
        str(meta.get(ORIGINAL, "")),
        str(meta.get(TOKENS, "")),
        int(meta.get(PAGE) or 0) or None,  # stores written before pages existed have none
    )


def chunk_id(doc_id: str, doc_hash: str, position: int) -> str:
    return f"{doc_id}#{doc_hash}#{position}"


@dataclass(frozen=True)
class Alias:
    """A repost of a canonical document: the same article on another outlet."""

    doc_id: str
    outlet: str | None
    url: str | None
    date: str | None
    title: str
    path: str = ""


@dataclass(frozen=True)
class DocRecord:
    """A document's commit record: once it names a version, that version's chunks are visible.

    A repost's record names its canonical document in `alias_of` and owns nothing else.
    `aliases` is not stored: the store's readers fill it in on canonical records."""

    article: Article
    doc_hash: str
    n_chunks: int
    path: str = ""
    encoding: str = ""
    warnings: tuple[str, ...] = ()
    relations: tuple[Relation, ...] = ()
    names: dict[str, str] = field(default_factory=dict)  # gazetteer names → kind
    facts: tuple[Fact, ...] = ()  # people, figures and events the article states
    alias_of: str = ""  # the canonical document's id when this document is a repost
    fingerprint: str = ""  # the body's repost fingerprint, encoded (ingest/reposts.py)
    first_committed: float = 0.0  # epoch seconds: the earliest copy of an article is canonical
    aliases: tuple[Alias, ...] = ()  # reposts of this (canonical) document: derived, not stored

    @property
    def is_alias(self) -> bool:
        return bool(self.alias_of)

    def as_alias(self) -> Alias:
        a = self.article
        return Alias(a.doc_id, a.source, a.url, a.date, a.title, self.path)

    @property
    def doc_id(self) -> str:
        return self.article.doc_id

    def to_chroma(self) -> dict[str, Any]:
        return {
            **article_to_chroma(self.article),
            DOC_HASH: self.doc_hash,
            N_CHUNKS: self.n_chunks,
            PATH: self.path,
            ENCODING: self.encoding,
            WARNINGS: "\n".join(self.warnings),
            RELATIONS: json.dumps([r.as_dict() for r in self.relations], ensure_ascii=False),
            NAMES: json.dumps(self.names, ensure_ascii=False),
            FACTS: json.dumps([f.as_dict() for f in self.facts], ensure_ascii=False),
            ALIAS_OF: self.alias_of,
            FINGERPRINT: self.fingerprint,
            FIRST_COMMITTED: self.first_committed,
        }

    @classmethod
    def from_chroma(cls, meta: dict[str, Any]) -> DocRecord:
        return cls(
            article_from_chroma(meta),
            str(meta[DOC_HASH]),
            int(meta[N_CHUNKS]),
            str(meta.get(PATH, "")),
            str(meta.get(ENCODING, "")),
            tuple(w for w in str(meta.get(WARNINGS, "")).split("\n") if w),
            _records(Relation, meta.get(RELATIONS)),
            _names(meta.get(NAMES)),
            _records(Fact, meta.get(FACTS)),
            str(meta.get(ALIAS_OF) or ""),
            str(meta.get(FINGERPRINT) or ""),
            float(meta.get(FIRST_COMMITTED) or 0.0),
        )


def _records(kind: Any, raw: Any) -> tuple[Any, ...]:
    """Relations or facts from their JSON. A damaged value reads as none: the document still
    answers from its text. A store written before facts existed has none either."""
    keys = [f.name for f in fields(kind)]
    try:
        return tuple(kind(**{k: d.get(k) for k in keys if k in d}) for d in json.loads(raw or "[]"))
    except (ValueError, TypeError, AttributeError):
        return ()


def _names(raw: Any) -> dict[str, str]:
    try:
        names = json.loads(raw or "{}")
    except ValueError:
        return {}
    return names if isinstance(names, dict) else {}


def collection_meta(embed_model: str, dim: int) -> dict[str, Any]:
    return {"hnsw:space": "cosine", SCHEMA: VERSION, EMBED_MODEL: embed_model, EMBED_DIM: dim}
