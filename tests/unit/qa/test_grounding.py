"""The citation checker shared by the LLM answerer and eval, on hand-made passages."""

from assistant.qa.grounding import check_citations
from assistant.types import Article, ChunkMeta, Passage


def _passage(text: str) -> Passage:
    return Passage(
        "c", "d", text, text, ChunkMeta(Article("d", "t"), "h", 0, 0, len(text), text), 1.0
    )


def test_check_citations_unit() -> None:
    passages = [_passage("胜利油田中心医院派驻专家共71名。"), _passage("莘县人民医院签约。")]
    text, citations, dropped = check_citations(
        "专家共71名。[1] 莘县人民医院签约。[2][3] 71 experts were sent. [1] 99 experts. [1]",
        passages,
    )
    assert text.splitlines() == [
        "专家共71名 [1]。",
        "莘县人民医院签约 [2]。",
        "71 experts were sent [1].",
    ]
    assert [c.n for c in citations] == [1, 2] and dropped == 1
