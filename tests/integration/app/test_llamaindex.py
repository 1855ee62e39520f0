"""The llama-index `BaseQueryEngine` adapter over the real engine."""


def test_llama_index_query_engine(real_engine) -> None:
    from llama_index.core.base.base_query_engine import BaseQueryEngine

    from assistant.llamaindex import CitedQueryEngine

    qe = CitedQueryEngine(real_engine)
    assert isinstance(qe, BaseQueryEngine)
    response = qe.query("哪些医院支援乐陵?")
    assert "[1]" in str(response)
    assert response.source_nodes[0].node.metadata["doc_id"] == "001_12103a184f632d7e"
    assert response.metadata["refused"] is False
