"""Typed values that cross package lines: articles and chunks (ingest → store → qa),
relations, passages, answers with their citations, and conversation turns."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import lru_cache

from assistant.lexicon.kinds import SYMMETRIC_KINDS, as_written
from assistant.textnorm import to_search_form


@dataclass(frozen=True)
class Article:
    """What every chunk and document record repeats about its article."""

    doc_id: str
    title: str = ""
    date: str | None = None  # ISO yyyy-mm-dd
    source: str | None = None
    author: str | None = None
    url: str | None = None
    script: str = ""  # "Traditional" | "Simplified"


@dataclass(frozen=True)
class ChunkMeta:
    """A chunk's metadata: its article, its version and where it sits in the article."""

    article: Article
    doc_hash: str
    position: int
    start: int
    end: int
    original: str  # the chunk in the article's own script
    tokens: str = ""  # BM25 tokens, space-joined
    page: int | None = None  # 1-based page where the chunk starts (paged documents: PDF)

    @property
    def doc_id(self) -> str:
        return self.article.doc_id


@dataclass(frozen=True)
class Fact:
    """One thing an article states, with its evidence sentence (in the article's script).

    person: subject = name, role, org; figure: subject = the clause that says what is
    counted, value = the number, unit; event: subject = what happens, value = date = ISO
    date, org = where."""

    kind: str  # "person" | "figure" | "event"
    doc_id: str
    evidence: str
    subject: str
    role: str = ""
    org: str = ""
    value: str = ""
    unit: str = ""
    date: str | None = None

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Turn:
    """One exchange of a conversation, for follow-up questions."""

    question: str
    answer: str


@dataclass(frozen=True)
class Citation:
    n: int
    doc_id: str
    title: str
    date: str | None
    source: str | None
    url: str | None
    quote: str  # the supporting sentence in the article's own script
    score: float
    chunk_id: str = ""
    quote_simplified: str = ""
    page: int | None = None  # the page of a paged document (PDF) the quote's passage is on
    also: tuple[str, ...] = ()  # the other outlets that published the same article (reposts)

    def as_dict(self) -> dict:
        return asdict(self)

    @property
    def outlets(self) -> str:
        """ "大众网, also 齐鲁网, 新浪新闻": the outlet, then the others that reposted it."""
        also = ", ".join(self.also)
        if not also:
            return self.source or ""
        return f"{self.source}, also {also}" if self.source else f"also {also}"

    @property
    def page_label(self) -> str:
        """The page for a citation's line ("p. 2"); empty when the document has no pages."""
        return f"p. {self.page}" if self.page else ""

    @classmethod
    def from_passage(cls, n: int, passage: Passage, quote: str, score: float) -> Citation:
        """A citation of `quote`, a sentence of `passage` in the article's own script."""
        return cls.of_article(
            n, passage.article, quote, score, passage.chunk_id, page=passage.meta.page
        )

    @classmethod
    def of_article(
        cls,
        n: int,
        article: Article,
        quote: str,
        score: float,
        chunk_id: str,
        page: int | None = None,
    ) -> Citation:
        return cls(
            n=n,
            doc_id=article.doc_id,
            title=article.title,
            date=article.date,
            source=article.source,
            url=article.url,
            quote=quote,
            score=round(score, 4),
            chunk_id=chunk_id,
            quote_simplified=to_search_form(quote),
            page=page,
        )


@dataclass(frozen=True)
class Answer:
    question: str
    text: str
    citations: tuple[Citation, ...]
    refused: bool
    standalone_question: str = ""
    backend: str = "offline"
    notices: tuple[str, ...] = ()  # e.g. "LLM unreachable, answered offline"
    timings_ms: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "answer": self.text,
            "refused": self.refused,
            "citations": [
                {
                    k: c.as_dict()[k]
                    for k in (
                        "n",
                        "doc_id",
                        "title",
                        "date",
                        "source",
                        "url",
                        "page",
                        "also",
                        "quote",
                        "score",
                    )
                }
                for c in self.citations
            ],
            "standalone_question": self.standalone_question,
            "backend": self.backend,
            "notices": list(self.notices),
            "timings_ms": self.timings_ms,
        }


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk, with the fused score and the ranks that produced it."""

    chunk_id: str
    doc_id: str
    text: str  # search form (Simplified)
    original: str  # original script
    meta: ChunkMeta
    score: float
    dense_rank: int | None = None
    lexical_rank: int | None = None
    # search form of the document's text just before the chunk: whom a chunk that opens
    # with 他要求 speaks of (set by evidence.widen)
    before: str = ""

    @property
    def article(self) -> Article:
        return self.meta.article


def told_in(published: int) -> set[int]:
    """The years an article published in year `published` may tell of without writing the
    year: that year, or the one before (a January article may tell of December)."""
    return {published, published - 1}


@dataclass(frozen=True)
class Relation:
    """A typed partnership found in one article; names are canonical Simplified entities."""

    supporter: str
    supported: str
    kind: str  # a name from assistant.lexicon.kinds (对口支援, 紧密型医联体 …)
    doc_id: str
    evidence: str  # the sentence, in the article's own script
    date: str | None = None  # ISO
    date_kind: str = ""  # "event" (the article dates it) | "published" | ""
    figures: str | None = None  # e.g. "专家共71名,其中常驻专家17名、坐诊专家54名"

    @property
    def symmetric(self) -> bool:
        return self.kind in SYMMETRIC_KINDS

    @property
    def kind_written(self) -> str:
        """The kind as its sentence writes it (紧密型城市医疗集团 for 城市医疗集团)."""
        return _kind_written(self.kind, self.evidence)

    def may_be_of(self, year: int) -> bool:
        """Whether the partnership may be of `year`: undated, dated in it, or dated by an
        article that may tell of it (`told_in`)."""
        if not self.date:
            return True
        dated = int(self.date[:4])
        return dated == year or (self.date_kind == "published" and year in told_in(dated))

    def key(self) -> tuple[str, str, str, str]:
        a, b = (
            sorted((self.supporter, self.supported))
            if self.symmetric
            else (self.supporter, self.supported)
        )
        return (self.doc_id, a, b, self.kind)

    def as_dict(self) -> dict:
        return asdict(self)


@lru_cache(maxsize=1024)
def _kind_written(kind: str, evidence: str) -> str:
    # a table of relations is listed row by row on every question: fold each sentence once
    return as_written(kind, to_search_form(evidence))
