"""The offline answerer on hand-made passages and a BM25 index built in memory: sentence
scoring (`evidence.gather`, which `answer.compose` ranks by), selection, the answerability
decision and the answer's frame in each language."""

from __future__ import annotations

from functools import partial

import pytest

from assistant.lexicon.gazetteer import Gazetteer
from assistant.qa.analyze import parse
from assistant.qa.answer import AnswerConfig, compose, decide, select, supplement
from assistant.qa.evidence import Evidence, asked_of_names, figures, gather
from assistant.textnorm import to_search_form
from assistant.types import Article, ChunkMeta, Passage

DOCS = {
    "d1": (
        "乐陵市人民医院座谈会",
        "7月3日,山东大学齐鲁医院德州医院与乐陵市人民医院开展对口支援工作座谈会。"
        "会议由乐陵市人民医院院长王静主持。双方表示将继续深化合作。",
    ),
    "d2": (
        "胜利油田中心医院派驻专家",
        "胜利油田中心医院首批派驻专家共71名。其中常驻专家17名、坐诊专家54名。"
        "专家们将开展门诊和查房工作。",
    ),
    "d3": (
        "莘县医联体签约",
        "山东大学第二医院与莘县人民医院签约建立紧密型医联体。签约仪式于4月28日举行。",
    ),
}
GAZ = Gazetteer.from_names(
    {
        "乐陵": "place",
        "莘县": "place",
        "胜利油田": "org",
        "胜利": "org",
        "王静": "person",
        "乐陵市人民医院": "org",
        "胜利油田中心医院": "org",
        "莘县人民医院": "org",
        "山东大学第二医院": "org",
    }
)


def passage(doc_id: str, text: str | None = None, title: str | None = None) -> Passage:
    title = DOCS[doc_id][0] if title is None else title
    text = DOCS[doc_id][1] if text is None else text
    meta = ChunkMeta(Article(doc_id, title), "h", 0, 0, len(text), text)
    return Passage(f"{doc_id}#h#0", doc_id, to_search_form(text), text, meta, 1.0)


def passages() -> list[Passage]:
    return [passage("d1"), passage("d2"), passage("d3")]


# ---- scoring ------------------------------------------------------------------------


def test_the_sentence_with_all_the_questions_words_comes_first(lexical) -> None:
    query = parse("哪些医院支援乐陵?", GAZ)
    ranked = gather(query, passages(), lexical, GAZ)
    assert ranked[0].original.endswith("开展对口支援工作座谈会。")
    assert ranked[0].coverage == pytest.approx(1.0) and ranked[0].rank == 0
    assert [e.score for e in ranked] == sorted((e.score for e in ranked), reverse=True)
    unrelated = next(e for e in ranked if e.original == "双方表示将继续深化合作。")
    assert unrelated.coverage == 0.0
    assert ranked[0].score > unrelated.score


def test_rarer_words_weigh_more(lexical) -> None:
    # 乐陵 occurs in one document, 医院 in all three: a sentence with only 乐陵 covers more
    query = parse("乐陵医院", GAZ)
    a = passage("d1", "乐陵的会议开得很成功。")
    b = passage("d2", "这家医院的会议开得很成功。")
    by_text = {e.original: e for e in gather(query, [a, b], lexical, GAZ)}
    assert (
        by_text["乐陵的会议开得很成功。"].coverage > by_text["这家医院的会议开得很成功。"].coverage
    )


def test_earlier_passages_rank_higher(lexical) -> None:
    query = parse("胜利油田中心医院派驻专家", GAZ)
    first = passage("d2", "胜利油田中心医院首批派驻专家。")
    second = passage("d3", "胜利油田中心医院首次派驻专家。")
    a, b = gather(query, [first, second], lexical, GAZ)
    assert (a.rank, b.rank) == (0, 1)
    assert a.coverage == pytest.approx(b.coverage) and a.score > b.score


def test_a_sentence_quoted_by_two_passages_is_scored_once(lexical) -> None:
    query = parse("胜利油田中心医院派驻专家", GAZ)
    same = "胜利油田中心医院首批派驻专家。"
    ranked = gather(query, [passage("d2", same), passage("d3", same)], lexical, GAZ)
    assert [e.rank for e in ranked] == [0]


def test_a_count_question_prefers_the_sentence_with_the_number(lexical) -> None:
    query = parse("胜利油田中心医院派驻了多少名专家?", GAZ)
    with_number = passage("d2", "胜利油田中心医院派驻专家共71名。")
    without = passage("d3", "胜利油田中心医院派驻专家很多名。")
    ranked = gather(query, [without, with_number], lexical, GAZ)  # the number ranks second
    assert ranked[0].original == "胜利油田中心医院派驻专家共71名。"
    assert ranked[0].has_answer and not ranked[1].has_answer


def test_short_and_mojibake_sentences_are_never_quoted(lexical) -> None:
    query = parse("乐陵座谈会", GAZ)
    text = "乐陵开会。乐陵市人民医院座谈会\ufffd\ufffd召开。乐陵市人民医院召开座谈会。"
    quoted = [e.original for e in gather(query, [passage("d1", text)], lexical, GAZ)]
    assert quoted == ["乐陵市人民医院召开座谈会。"]


# ---- selection ----------------------------------------------------------------------


def evidence(text: str, score: float, coverage: float = 1.0) -> Evidence:
    return Evidence(
        passage=passage("d1", text),
        rank=0,
        original=text,
        text=text,
        coverage=coverage,
        entity_share=1.0,
        has_answer=True,
        separators=0,
        score=score,
    )


def test_select_keeps_sentences_near_the_best_and_drops_repeats() -> None:
    query = parse("乐陵座谈会", GAZ)
    ranked = [
        evidence("甲乙丙丁戊己", 1.0),
        evidence("甲乙丙", 0.95),  # inside the first: a repeat
        evidence("庚辛壬癸", 0.8),
        evidence("子丑寅卯", 0.6),  # under keep_ratio × best: selection stops here
        evidence("辰巳午未", 0.75),
    ]
    config = AnswerConfig(keep_ratio=0.75, max_sentences=3)
    assert [e.text for e in select(ranked, query, config)] == ["甲乙丙丁戊己", "庚辛壬癸"]


def test_list_questions_may_quote_more_sentences() -> None:
    ranked = [evidence(f"第{i}句不同的内容", 1.0) for i in range(8)]
    config = AnswerConfig()
    plain = select(ranked, parse("乐陵座谈会", GAZ), config)
    listing = select(ranked, parse("哪些医院支援乐陵?", GAZ), config)
    assert len(plain) == config.max_sentences
    assert len(listing) == config.max_sentences_list > config.max_sentences


def test_decide_needs_coverage(lexical) -> None:
    query = parse("乐陵座谈会", GAZ)
    low = [evidence("乐陵市人民医院召开座谈会。", 1.0, coverage=0.1)]
    assert not decide(query, low, lexical, AnswerConfig()).answerable
    high = [evidence("乐陵市人民医院召开座谈会。", 1.0, coverage=0.9)]
    assert decide(query, high, lexical, AnswerConfig()).answerable


def test_an_asked_attribute_must_be_in_the_answering_sentence_when_rare(lexical) -> None:
    query = parse("胜利油田中心医院开展什么门诊?", GAZ)
    assert query.asked == "门诊"
    silent = [evidence("胜利油田中心医院首批派驻专家共71名。", 1.0, coverage=0.9)]
    rare = AnswerConfig(asked_min_idf=0.5)  # 门诊: one chunk of three writes it
    assert not decide(query, silent, lexical, rare).answerable
    says = [evidence("专家们将开展门诊和查房工作。", 1.0, coverage=0.9)]
    assert decide(query, says, lexical, rare).answerable
    # a noun many chunks write is the corpus's topic, answered in other words
    assert decide(query, silent, lexical, AnswerConfig(asked_min_idf=5.0)).answerable


def test_a_short_form_names_only_the_institution_whose_name_holds_it() -> None:
    from assistant.qa.evidence import _names

    assert not _names("东营市妇幼保健院", "丽水市妇幼保健院干部职工200余人")
    assert _names("东营市妇幼保健院", "市妇幼保健院儿童康复科")
    assert _names("乐陵市人民医院", "乐陵人民医院院长")  # its own name, written short
    assert _names("莘县人民医院", "山东省莘县人民医院院长")  # and with its province


# ---- whole answers --------------------------------------------------------------------


def test_answer_quotes_and_cites_its_sentences(lexical) -> None:
    text, citations, refused = compose(parse("哪些医院支援乐陵?", GAZ), passages(), lexical, GAZ)
    assert not refused
    quote = "7月3日,山东大学齐鲁医院德州医院与乐陵市人民医院开展对口支援工作座谈会。"
    assert f"{quote} [1]" in text.splitlines()
    assert citations[0].n == 1 and citations[0].doc_id == "d1"
    assert citations[0].quote == quote and citations[0].title == "乐陵市人民医院座谈会"
    assert all(f"[{c.n}]" in text for c in citations)


def test_traditional_question_gets_a_traditional_answer_quoting_the_original(lexical) -> None:
    original = "7月3日,山東大學齊魯醫院德州醫院與樂陵市人民醫院開展對口支援工作座談會。"
    text, citations, refused = compose(
        parse("哪些醫院支援樂陵?", GAZ), [passage("d1", original)], lexical, GAZ
    )
    assert not refused
    assert f"{original} [1]" in text.splitlines()  # quoted as written, not converted
    assert citations[0].quote == original
    assert citations[0].quote_simplified == to_search_form(original)


def test_english_question_gets_glossed_names(lexical) -> None:
    text, citations, refused = compose(
        parse("which hospitals support Leling", GAZ), passages(), lexical, GAZ
    )
    assert not refused and citations
    assert "Leling People's Hospital" in text
    assert citations[0].doc_id == "d1"


def test_a_name_the_corpus_never_mentions_is_refused(lexical) -> None:
    text, _, refused = compose(parse("青岛市人民医院有什么活动?", GAZ), passages(), lexical, GAZ)
    assert refused
    assert text.startswith("文档中没有找到能回答这个问题的信息。")
    assert "青岛市" in text.splitlines()[0]  # says what it never mentions


def test_an_unknown_english_name_is_refused_in_english(lexical) -> None:
    text, _, refused = compose(
        parse("Which hospitals support Qingdao?", GAZ), passages(), lexical, GAZ
    )
    assert refused and "They never mention Qingdao." in text


def test_a_question_in_words_the_corpus_never_uses_is_refused(lexical) -> None:
    text, citations, refused = compose(
        parse("量子计算机的原理是什么?", GAZ), passages(), lexical, GAZ
    )
    assert refused and not citations
    assert text.startswith("文档中没有找到能回答这个问题的信息。")


def test_no_passages_is_a_refusal(lexical) -> None:
    text, citations, refused = compose(parse("哪些医院支援乐陵?", GAZ), [], lexical, GAZ)
    assert refused and citations == [] and "没有找到" in text


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("胜利油田中心医院派驻了100名专家吗?", "不是,文档中写的是“71名”"),
        ("胜利油田中心医院派驻了71名专家吗?", "是的"),
        ("Did Shengli send 100 experts?", "No — the articles say 71名"),
    ],
)
def test_a_yes_no_question_with_a_figure_is_checked_against_the_figure(
    lexical, question: str, verdict: str
) -> None:
    text, citations, refused = compose(parse(question, GAZ), passages(), lexical, GAZ)
    assert not refused and text.startswith(verdict)
    assert "71名" in citations[0].quote


def test_a_typed_answer_names_the_institution_asked_about(lexical) -> None:
    # the only people named are at 乐陵市人民医院, not at 莘县人民医院
    _, _, refused = compose(parse("莘县人民医院派了哪几位专家?", GAZ), passages(), lexical, GAZ)
    assert refused


def test_a_year_is_not_answered_by_a_month_and_day(lexical) -> None:
    _, _, refused = compose(parse("莘县签约仪式是哪一年举行的?", GAZ), passages(), lexical, GAZ)
    assert refused  # 4月28日 gives no year


def test_how_long_asks_for_a_duration_not_a_date(lexical) -> None:
    query = parse("How long does the Leling meeting last?", GAZ)
    assert query.intent == "count" and "时" in query.unit
    _, _, refused = compose(query, passages(), lexical, GAZ)
    assert refused  # 7月3日 is a date, not how long anything lasts


def test_one_character_lost_to_mojibake_does_not_hide_a_long_sentence(lexical) -> None:
    query = parse("乐陵座谈会", GAZ)
    text = "乐陵市人民医院召开座谈会,积极融入当地科室工作中\ufffd态化开展门诊、手术、查房等工作。"
    assert [e.original for e in gather(query, [passage("d1", text)], lexical, GAZ)] == [text]


def test_a_sentence_saying_the_aspect_asked_answers_in_other_words(lexical) -> None:
    # coverage 0.22 (王静 alone of 王静, 派驻, 专家, 签约, 工作), below min_coverage 0.34:
    # answered because she is the one speaking and the sentence says what she asks
    said = "王静强调,双方要继续深化合作。"
    query = parse("王静对派驻专家的签约工作有什么要求?", GAZ)
    text, _, refused = compose(query, [passage("d1", said)], lexical, GAZ)
    assert not refused and said in text
    plain = "王静出席了会议。"  # names her, says nothing she asked
    assert compose(query, [passage("d1", plain)], lexical, GAZ)[2]


def test_a_short_form_in_the_question_is_covered_by_the_full_name(lexical) -> None:
    gaz = Gazetteer.from_names({"东营市第二人民医院": "org", "胜利油田中心医院": "org"})
    where = "3月17日,东营市第二人民医院在西院区五楼报告厅举行胜利油田中心医院专家欢迎仪式。"
    other = "市二院党委书记在欢迎仪式现场宣读胜利油田中心医院专家文件。"
    query = parse("胜利油田中心医院专家的欢迎仪式在市二院哪儿开的", gaz)
    ranked = gather(query, [passage("d2", other + where)], lexical, gaz)
    assert ranked[0].original == where  # names 市二院 in full and says where


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("会议是王静主持的吗?", "是的"),
        ("会议是刘海永主持的吗?", "不是,文档中写的是王静"),
        ("Did Liu Haiyong host the meeting?", "No — the articles say Wang Jing (王静) did"),
    ],
)
def test_did_x_do_it_is_decided_by_who_the_sentence_says_did_it(
    lexical, question: str, verdict: str
) -> None:
    gaz = Gazetteer.from_names({"王静": "person", "刘海永": "person", "乐陵": "place"})
    meeting = passage("d1", DOCS["d1"][1] + "刘海永出席会议。")  # he was there
    text, citations, refused = compose(parse(question, gaz), [meeting], lexical, gaz)
    assert not refused and text.startswith(verdict)
    assert citations[0].quote == "会议由乐陵市人民医院院长王静主持。"


def test_an_overview_quotes_what_describes_the_partnership_before_who_attended(lexical) -> None:
    attendees = "王静、刘海永、李明、张华、赵强、孙丽、周涛等出席乐陵座谈会并讲话。"
    model = "乐陵座谈会建立了对口支援模式,即专家下沉、双向转诊。"
    query = parse("介绍一下乐陵座谈会", GAZ)
    lines, _ = supplement(query, [passage("d1", attendees + model)], lexical, GAZ, 0, limit=1)
    assert lines == [f"{model} [1]"]


def test_a_calendar_year_is_no_duration(lexical) -> None:
    query = parse("这个计划要多久?", GAZ)
    text = "山东大学第二医院与莘县人民医院签约,计划到2026年完成,为期3年。"
    found = [n for n, _ in figures(to_search_form(text), query)]
    assert found == ["3年"]


def test_people_named_by_the_question_are_counted_in_ming_as_well_as_ren(lexical) -> None:
    text = "此次派驻的专家共71名,其中常驻专家17名、坐诊专家54名;于小千一行5人。"
    query = parse("派来的专家里常驻的和坐诊的各多少人", GAZ)
    found = [n for n, _ in figures(to_search_form(text), query)]
    assert found == ["71名", "17名", "54名", "5人"]
    # a head count alone does not take a count of experts for it
    assert [n for n, _ in figures(text, parse("一共来了多少人", GAZ))] == ["5人"]


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("乐陵座谈会是7月5号开的吗?", "不是,文档中写的是“7月3日”"),
        ("乐陵座谈会是七月五日开的吗?", "不是,文档中写的是“7月3日”"),
        ("Was the Leling symposium held on July 5?", "No — the articles say 7月3日"),
        ("乐陵座谈会是7月3日开的吗?", "是的"),
        ("Was the Leling symposium held on the 3rd of July?", "Yes"),
        ("樂陵座談會是6月3號開的嗎?", "不是,文檔中寫的是“7月3日”"),
        ("The Leling symposium was held in June 2024, correct?", "No — the articles say 7月3日"),
        ("乐陵座谈会是6月份开的吗?", "不是,文档中写的是“7月3日”"),
        ("乐陵座谈会是7月开的吗?", "是的"),
    ],
)
def test_a_yes_no_question_with_a_date_is_checked_against_the_date(
    lexical, question: str, verdict: str
) -> None:
    text, citations, refused = compose(parse(question, GAZ), passages(), lexical, GAZ)
    assert not refused and text.startswith(verdict)
    assert "7月3日" in citations[0].quote


@pytest.mark.parametrize(
    ("question", "text", "verdict"),
    [
        (
            "乐陵座谈会是2023年开的吗?",
            "2024年7月3日,乐陵市人民医院开展座谈会。",
            "不是,文档中写的是“2024年”",
        ),
        (
            "Was the Leling symposium held in 2019?",
            "2024年7月3日,乐陵市人民医院开展座谈会。",
            "No — the articles say 2024:",
        ),
        ("乐陵座谈会是2024年开的吗?", "2024年7月3日,乐陵市人民医院开展座谈会。", "是的"),
        # no year written: the article's date (2024) confirms one; it contradicts one only
        # when the day cannot be of it (a January article may tell of December's event)
        ("乐陵座谈会是2024年开的吗?", "7月3日,乐陵市人民医院开展座谈会。", "是的"),
        (
            "乐陵座谈会是2019年开的吗?",
            "7月3日,乐陵市人民医院开展座谈会。",
            "不是,文档中写的是“2024年”",
        ),
        ("乐陵座谈会是2023年开的吗?", "7月3日,乐陵市人民医院开展座谈会。", "文档没有这样直接说"),
        # a span of years is no day of the event: its article's year contradicts nothing
        (
            "乐陵座谈会是2019年开的吗?",
            "乐陵市人民医院开展座谈会,落实2021-2025年方案。",
            "文档没有这样直接说",
        ),
        # a span of years or a count is no year of the event
        (
            "乐陵座谈会是2023年开的吗?",
            "乐陵市人民医院开展座谈会,落实2021-2025年方案。",
            "文档没有这样直接说",
        ),
    ],
)
def test_a_year_claimed_is_checked_against_the_sentence_or_its_article(
    lexical, question: str, text: str, verdict: str
) -> None:
    import dataclasses

    dated = passage("d1", text)
    meta = dataclasses.replace(dated.meta, article=Article("d1", "乐陵座谈会", "2024-07-05"))
    answer, _, refused = compose(
        parse(question, GAZ), [dataclasses.replace(dated, meta=meta)], lexical, GAZ
    )
    assert not refused and answer.startswith(verdict)


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("派驻的常住专家有54名是吗", "不是,文档中写的是“常驻专家17名”"),
        ("坐诊专家是17个吗", "不是,文档中写的是“坐诊专家54名”"),
        ("坐诊专家有54名吗", "是的"),
        # the experts in general are no other kind than the resident ones
        ("派驻专家有71名吗", "是的"),
        # a figure claimed is checked, not a word the sentence must hold
        ("派驻专家有100名吗", "不是,文档中写的是“71名”"),
    ],
)
def test_a_figure_claimed_for_one_kind_is_checked_against_that_kind(
    lexical, question: str, verdict: str
) -> None:
    text = "胜利油田中心医院派驻到东营市第二人民医院的专家共71名,其中常驻专家17名、坐诊专家54名。"
    answer, _, refused = compose(parse(question, GAZ), [passage("d1", text)], lexical, GAZ)
    assert not refused and answer.startswith(verdict)


def test_a_head_count_claimed_in_english_is_checked_by_what_it_counts_and_never_confirmed_unsaid(
    lexical,
) -> None:
    said = "7月3日,山东大学齐鲁医院德州医院与乐陵市人民医院开展座谈会,50余人参加。"
    counted = passage("d1", said)
    query = parse("Were there 500 people at the Leling symposium?", GAZ)
    text, _, refused = compose(query, [counted], lexical, GAZ)
    assert not refused and text.startswith("No — the articles say 50余人")
    # a sentence giving no figure confirms none
    text, _, _ = compose(query, passages(), lexical, GAZ)
    assert not text.startswith("Yes")


def test_an_institution_answer_is_never_the_one_the_question_names(lexical) -> None:
    text, _, refused = compose(
        parse("莘县人民医院跟哪家医院签约了?", GAZ), passages(), lexical, GAZ
    )
    assert not refused and text.startswith("答:山东大学第二医院")


def test_a_matching_day_alone_is_no_yes(lexical) -> None:
    # 7月3日 is the Leling symposium's day; nothing says 莘县人民医院 signed anything then
    text, _, _ = compose(
        parse("7月3日乐陵市人民医院和莘县人民医院签约了吗?", GAZ), passages(), lexical, GAZ
    )
    assert not text.startswith("是的")


@pytest.mark.parametrize(
    "question", ["王静是哪个大学毕业的?", "What did Wang Jing do before joining the hospital?"]
)
def test_a_persons_past_is_answered_only_by_a_sentence_telling_it(lexical, question) -> None:
    query = parse(question, GAZ)
    assert query.aspect == "background"
    present = "乐陵市人民医院院长王静出席会议并讲话。"  # names her, tells nothing of her past
    assert compose(query, [passage("d1", present)], lexical, GAZ)[2]
    past = "王静毕业于山东大学医学院,曾任乐陵市人民医院副院长。"
    text, _, refused = compose(query, [passage("d1", past)], lexical, GAZ)
    assert not refused and past in text


def test_a_deed_done_in_other_words_is_no_contrast() -> None:
    from assistant.qa.answer import _contrast

    signed = "莘县人民医院与山东大学第二医院签署了紧密型医联体合作协议。"
    assert _contrast(parse("莘县签协议了吗", GAZ), signed) is None  # 签 done as 签署
    unsigned = "莘县人民医院与山东大学第二医院举行了合作协议座谈。"
    assert _contrast(parse("莘县签协议了吗", GAZ), unsigned) == "作协议"  # not done: contrasted
    assert _contrast(parse("仪式在东院区举行吗", GAZ), "仪式在西院区举行。") == "西院区"


def test_a_span_claimed_is_contrasted_with_a_span_in_hours_not_a_plans_name() -> None:
    from assistant.qa.answer import _contrast

    said = "为落实三年行动计划,义诊活动持续5天。"  # 三年 names the plan
    assert _contrast(parse("义诊活动持续了一个礼拜吗", GAZ), said) == "5天"


def test_what_is_asked_of_the_names_leaves_out_the_occasion_and_keeps_synonyms(lexical) -> None:
    query = parse("乐陵座谈会上王静对医生提了什么要求?", GAZ)
    asked = asked_of_names(query, lexical)
    assert not any("座谈会" in words for words in asked)  # where, not what
    # 医生 is asked as the articles would write it (专家), not only as typed
    assert any("专家" in words for words in asked)


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("王静觉得门诊怎么样?", "会议由乐陵市人民医院院长王静主持。"),
        # a date is no answer when the sentence holding it says nothing of what was done then
        ("王静是什么时候去门诊的?", "7月3日,乐陵市人民医院院长王静主持会议。"),
    ],
)
def test_a_sentence_naming_only_the_people_asked_about_is_no_answer(
    lexical, question, named
) -> None:
    query = parse(question, GAZ)
    assert compose(query, [passage("d1", named)], lexical, GAZ)[2]
    said = f"{named}王静表示,7月3日她到门诊看了看,门诊工作开展得很好。"
    text, _, refused = compose(query, [passage("d1", said)], lexical, GAZ)
    assert not refused and "门诊" in text


def test_a_question_of_one_year_is_not_answered_by_a_sentence_of_another(lexical) -> None:
    said = "2024年7月3日,乐陵市人民医院召开座谈会。"
    answered = compose(
        parse("2024年乐陵座谈会是哪天开的?", GAZ), [passage("d1", said)], lexical, GAZ
    )
    assert not answered[2] and "7月3日" in answered[0]
    assert compose(parse("2018年乐陵座谈会是哪天开的?", GAZ), [passage("d1", said)], lexical, GAZ)[
        2
    ]


def test_a_yes_says_all_the_question_claims_of_its_names(lexical) -> None:
    said = "会议由乐陵市人民医院院长王静主持。"
    query = parse("王静是乐陵市人民医院的院长吗?", GAZ)
    assert compose(query, [passage("d1", said)], lexical, GAZ)[0].startswith("是的")
    # nearly all its words, but not the clinic it claims she heads
    query = parse("王静是乐陵市人民医院门诊的院长吗?", GAZ)
    assert not compose(query, [passage("d1", said)], lexical, GAZ)[0].startswith("是的")


def test_a_year_claimed_is_no_word_asked_of_the_names() -> None:
    # an index that writes the year: the year is checked by the verdict, not asked of 乐陵
    import bm25s

    from assistant.store.lexical import LexicalIndex
    from assistant.textnorm import tokenize

    text = "2024年7月3日,乐陵市人民医院开展座谈会。"
    bm25 = bm25s.BM25()
    bm25.index([tokenize(text), tokenize("另一篇。")], show_progress=False)
    dated = LexicalIndex(["d1", "d2"], bm25, "stamp")
    assert dated.knows("2024")
    asked = asked_of_names(parse("乐陵市人民医院的座谈会是2024年开的吗?", GAZ), dated)
    assert not any("2024" in words for words in asked)


def test_a_chunk_opening_with_she_speaks_for_whom_the_text_before_it_named(lexical) -> None:
    document = (
        "会议由乐陵市人民医院院长王静主持。她指出,座谈会开得很成功。\n她要求,双方要继续深化合作。"
    )
    chunk = passage("d1", "她要求,双方要继续深化合作。")
    query = parse("王静提了啥要求?", GAZ)
    text, _, refused = compose(query, [chunk], lexical, GAZ, text_of=lambda _: document)
    assert not refused and "她要求" in text
    # without what came before, 她 is nobody the question names
    assert compose(query, [chunk], lexical, GAZ)[2]


def test_a_speaker_saying_the_very_thing_asked_comes_before_other_words_of_theirs(
    lexical,
) -> None:
    said = "王静指出,座谈会开得很成功,乐陵市人民医院发展很快。王静要求,双方要继续深化合作。"
    ranked = gather(parse("王静提了啥要求?", GAZ), [passage("d1", said)], lexical, GAZ)
    assert ranked[0].original.startswith("王静要求")


def test_a_deed_claimed_of_two_people_is_so_only_when_both_did_it() -> None:
    people = {"余之刚": "person", "田丹": "person", "冯世庆": "person", "孙奇宏": "person"}
    gazetteer = Gazetteer.from_names({**GAZ.names, **people})
    said = "冯世庆、孙奇宏出席仪式。仪式上,余之刚与田丹代表双方签署了合作协议。"
    ask = partial(compose, passages=[passage("d3", said)], gazetteer=gazetteer)
    lexical = _lexical_of(said)
    assert ask(parse("协议是余之刚和田丹签的吗?", gazetteer), lexical=lexical)[0].startswith("是的")
    # 孙奇宏签 cuts as 孙奇 + 宏签: the verb is read with the names set apart
    both = ask(parse("协议是冯世庆和孙奇宏签的吧?", gazetteer), lexical=lexical)[0]
    assert both.startswith("不是") and "余之刚" in both


def test_the_day_of_another_deed_of_the_names_does_not_date_the_one_asked(lexical) -> None:
    query = parse("胜利油田中心医院什么时候开展查房工作?", GAZ)
    other = passage("d2", "3月17日,胜利油田中心医院开展派驻专家工作。")
    assert compose(query, [other], lexical, GAZ)[2]
    said = passage("d2", "3月17日起,胜利油田中心医院专家开展查房工作。")
    text, _, refused = compose(query, [said], lexical, GAZ)
    assert not refused and "3月17日" in text


def _lexical_of(text: str):  # type: ignore[no-untyped-def]
    import bm25s

    from assistant.store.lexical import LexicalIndex
    from assistant.textnorm import tokenize

    bm25 = bm25s.BM25()
    bm25.index([tokenize(text)], show_progress=False)
    bigrams = frozenset(text[i : i + 2] for i in range(len(text) - 1))
    return LexicalIndex(["d1"], bm25, "s", bigrams=bigrams)


def test_the_department_a_person_was_sent_to_is_told_by_a_sentence_about_them() -> None:
    said = "乐陵市人民医院院长王静主持会议。乐陵市人民医院神经内科主任发言。"
    told = said + "王静被派到乐陵市人民医院神经内科。"
    lexical = _lexical_of(told)
    sent = parse("王静被派到乐陵市人民医院哪个科?", GAZ)
    assert sent.answer_type == "department"  # a department there, not her own post
    assert compose(sent, [passage("d1", said)], lexical, GAZ)[2]  # the other sentence is not hers
    text, _, refused = compose(sent, [passage("d1", told)], lexical, GAZ)
    assert not refused and "王静被派到" in text


@pytest.mark.parametrize(
    ("question", "claimed"),
    [
        ("胜利油田中心医院派了100个专家对吧", True),
        ("Did Shengli send 100 experts?", True),
        ("是2024年签的对吧", False),  # a year is no figure
        ("乐陵来的那100个专家都是谁", False),  # not a yes/no question
    ],
)
def test_a_figure_a_yes_no_question_claims(question: str, claimed: bool) -> None:
    from assistant.qa.answer import figure_claimed

    assert figure_claimed(parse(question, GAZ)) is claimed
