"""The engine as a llama-index query engine, to drop into existing llama-index code."""

from __future__ import annotations

from typing import Any

from llama_index.core.base.base_query_engine import BaseQueryEngine
from llama_index.core.base.response.schema import Response
from llama_index.core.callbacks import CallbackManager
from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode

from assistant.qa.engine import QueryEngine


class CitedQueryEngine(BaseQueryEngine):
    """`query()` returns a `Response` whose `source_nodes` are the cited chunks."""

    def __init__(self, engine: QueryEngine) -> None:
        self.engine = engine
        super().__init__(callback_manager=CallbackManager([]))

    def _get_prompt_modules(self) -> dict[str, Any]:
        return {}

    def _query(self, query_bundle: QueryBundle) -> Response:
        answer = self.engine.ask(query_bundle.query_str)
        nodes = [
            NodeWithScore(
                node=TextNode(
                    id_=f"{c.chunk_id}@{c.n}",
                    text=c.quote,
                    metadata={
                        "n": c.n,
                        "doc_id": c.doc_id,
                        "title": c.title,
                        "date": c.date,
                        "source": c.source,
                        "url": c.url,
                        "page": c.page,
                    },
                ),
                score=c.score,
            )
            for c in answer.citations
        ]
        return Response(
            response=answer.text,
            source_nodes=nodes,
            metadata={"refused": answer.refused, "timings_ms": answer.timings_ms},
        )

    async def _aquery(self, query_bundle: QueryBundle) -> Response:
        return self._query(query_bundle)
