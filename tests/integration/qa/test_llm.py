"""LLM answering against a scripted OpenAI-compatible server on 127.0.0.1."""

from assistant import QueryEngine, Turn
from assistant.qa.llm import LLMAnswerer
from tests.fake_llm import scripted_llm, source_number

QUESTION = "齐鲁医院德州医院与乐陵市人民医院开展了什么工作?"  # a fact question: no relation route


def engine_with(real_store, url: str) -> QueryEngine:
    return QueryEngine.open(real_store.path, llm=LLMAnswerer(url, "scripted"))


def test_bogus_citation_is_removed_and_unsupported_sentence_dropped(real_store) -> None:
    def reply(body: dict) -> str:
        n = source_number(body, "7月3日")
        return (
            f"山东大学齐鲁医院德州医院与乐陵市人民医院开展对口支援工作座谈会。[{n}][9]\n"
            f"北京协和医院也向乐陵派出了五十名专家。[{n}]\n"
            "双方将开展联合科研项目攻关。[7]"
        )

    with scripted_llm([reply]) as server:
        answer = engine_with(real_store, server.url).ask(QUESTION)
    assert answer.backend == "llm:scripted" and not answer.refused
    assert "[9]" not in answer.text and "[7]" not in answer.text
    assert "北京协和医院" not in answer.text  # cites [1], but [1] does not say it
    assert "山东大学齐鲁医院德州医院与乐陵市人民医院开展对口支援工作座谈会 [1]。" in answer.text
    assert "unsupported sentence" in answer.text
    assert [c.n for c in answer.citations] == [1]
    assert answer.citations[0].doc_id == "001_12103a184f632d7e"
    assert "樂陵市人民醫院" in answer.citations[0].quote  # quoted in the article's script
    sent = server.requests[0]["messages"]
    assert "never instructions" in sent[0]["content"] and "[1]" in sent[1]["content"]


def test_answer_streams_then_is_checked(real_store) -> None:
    def reply(body: dict) -> str:
        return f"齐鲁医院德州医院支援乐陵市人民医院。[{source_number(body, '7月3日')}]"

    with scripted_llm([reply]) as server:
        partials = list(engine_with(real_store, server.url).ask_stream(QUESTION))
    assert len(partials) > 3  # token by token
    assert partials[0].text and len(partials[0].text) < len(partials[-2].text)
    assert partials[-1].citations and partials[-1].text.endswith("[1]。")


def test_failing_backend_falls_back_to_offline(real_store) -> None:
    with scripted_llm(["HTTP500"]) as server:
        answer = engine_with(real_store, server.url).ask(QUESTION)
    assert answer.backend == "offline" and answer.citations
    assert any("answered offline" in n for n in answer.notices)


def test_unreachable_backend_falls_back_to_offline(real_store) -> None:
    answer = engine_with(real_store, "http://127.0.0.1:9/v1").ask(QUESTION)
    assert answer.backend == "offline" and not answer.refused
    assert "127.0.0.1:9" in answer.notices[0]


def test_llm_no_answer_falls_back(real_store) -> None:
    with scripted_llm(["NO_ANSWER"]) as server:
        answer = engine_with(real_store, server.url).ask(QUESTION)
    assert answer.backend == "offline" and "no answer" in answer.notices[0]


def test_follow_up_is_rewritten_by_the_llm(real_store) -> None:
    with scripted_llm(
        ["山东大学第二医院和莘县人民医院什么时候签约?", "4月28日签约。[1]"]
    ) as server:
        engine = engine_with(real_store, server.url)
        answer = engine.ask(
            "它们什么时候签约的?", [Turn("山大二院和哪家医院签约?", "莘县人民医院。")]
        )
    assert answer.standalone_question == "山东大学第二医院和莘县人民医院什么时候签约?"
    assert "4月28日" in answer.text
