"""Typed values that cross package lines: answers and their citations."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


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

    def as_dict(self) -> dict:
        return asdict(self)


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
                {k: c.as_dict()[k] for k in ("n", "doc_id", "title", "date", "source", "url", "quote", "score")}
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
    meta: dict
    score: float
    dense_rank: int | None = None
    lexical_rank: int | None = None
