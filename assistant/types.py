"""Typed values that cross package lines: answers and their citations."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from assistant.lexicon.kinds import SYMMETRIC_KINDS


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


@dataclass(frozen=True)
class Relation:
    """A typed partnership found in one article; names are canonical Simplified entities."""

    supporter: str
    supported: str
    kind: str  # 对口支援, 紧密型医联体, 城市医疗集团, 派驻专家, 一体化融合, 专家工作站, 医联体成员, 签约合作
    doc_id: str
    evidence: str  # the sentence, in the article's own script
    date: str | None = None  # ISO
    date_kind: str = ""  # "event" (the article dates it) | "published" | ""
    figures: str | None = None  # e.g. "专家共71名,其中常驻专家17名、坐诊专家54名"

    @property
    def symmetric(self) -> bool:
        return self.kind in SYMMETRIC_KINDS

    def key(self) -> tuple[str, str, str, str]:
        a, b = (sorted((self.supporter, self.supported)) if self.symmetric
                else (self.supporter, self.supported))
        return (self.doc_id, a, b, self.kind)

    def as_dict(self) -> dict:
        return asdict(self)
