"""The sentence path's newer mechanisms on hand-made passages: the aspect a what-question
asks about, lists quoted to their last item, 他/王主任 sentences about whom the sentence
before named, yes/no verdicts (contrast, deeds, roles), and long quotes cut around the
answer. No model, no store."""

from __future__ import annotations

import pytest

from assistant.lexicon.gazetteer import Gazetteer
from assistant.qa import facts
from assistant.qa.analyze import parse
from assistant.qa.answer import AnswerConfig, _affirm, _contrast
from assistant.qa.evidence import continuation, excerpt, gather
from assistant.store.lexical import LexicalIndex
from tests.unit.qa.test_answer import passage
from tests.unit.qa.test_fact_answers import derived as fact_derived

SPEECH = (
    "最后,浙江省卫计委王国敬副主任在仪式上讲话。王主任指出,医联体工作是一次大胆探索。"
    "他强调:一要强化认识;二要强化联动。三要强化保障。会后双方合影。"
)
GAZ = Gazetteer.from_names({"王国敬": "person", "丽水": "place", "东营市第二人民医院": "org"})


def test_what_questions_read_the_aspect_they_ask_about() -> None:
    assert parse("乐陵那个座谈会目的是什么", GAZ).aspect == "purpose"
    assert parse("王国敬讲话提了哪几个要求", GAZ).aspect == "requirement"
    assert parse("What is the X+1+9+X model?", GAZ).aspect == "meaning"
    assert parse("哪些医院支援乐陵", GAZ).aspect == ""  # a list of institutions, no aspect
    assert parse("王国敬在仪式上说了啥", GAZ).aspect == "speech"
    assert parse("巨忠峰在签约仪式上讲了些啥", GAZ).aspect == "speech"
    assert parse("双方谈了哪些合作内容?", GAZ).aspect != "speech"  # a topic, not someone's words
    assert parse("X+1+9+X说的是什么意思", GAZ).aspect == "meaning"
    assert parse("王国敬讲话中提了哪些要求", GAZ).aspect == "requirement"
    assert parse("What did Wang Guojing say at the launch?", GAZ).aspect == "speech"
    # two asked: the one named first
    assert parse("两院融合实现了啥效果 那个1+1是怎么说的", GAZ).aspect == "result"
    # the one its question word asks for, wherever another is named
    assert parse("王国敬对丽水下一步有啥要求", GAZ).aspect == "requirement"
    assert parse("丽水下一步打算怎么做", GAZ).aspect == "plan"
    assert parse("王国敬希望医联体办成什么样?", GAZ).aspect == "requirement"


def test_what_someone_said_needs_a_sentence_in_which_they_speak(lexical: LexicalIndex) -> None:
    from assistant.qa.answer import decide

    gaz = Gazetteer.from_names({"余之刚": "person", "冯世庆": "person", "莘县": "place"})
    text = "山东大学第二医院副院长余之刚出席莘县仪式。冯世庆在莘县仪式上指出,双方要加强合作。"
    config = AnswerConfig()

    def said(question: str) -> bool:
        query = parse(question, gaz)
        evidence = gather(query, [passage("d1", text, "莘县签约")], lexical, gaz)
        return decide(query, evidence, lexical, config).answerable

    assert said("冯世庆在莘县仪式上说了啥")
    assert not said("余之刚在莘县仪式上说了啥")  # he attended; no sentence has him speak


def test_who_did_it_needs_a_sentence_saying_it_was_done(lexical: LexicalIndex) -> None:
    from assistant.qa.answer import decide

    gaz = Gazetteer.from_names({"刘海永": "person", "乐陵": "place"})
    config = AnswerConfig()

    def answered(text: str) -> bool:
        query = parse("乐陵那次座谈会是谁主持的?", gaz)
        evidence = gather(query, [passage("d1", text, "乐陵座谈会")], lexical, gaz)
        return decide(query, evidence, lexical, config).answerable

    assert answered("乐陵座谈会由刘海永主持。")
    # he spoke there; nothing says who hosted it
    assert not answered("刘海永在乐陵座谈会上强调,要服从乐陵市人民医院的管理。")


def test_a_pronoun_sentence_is_about_whom_the_sentence_before_named(lexical: LexicalIndex) -> None:
    query = parse("王国敬讲话提了哪几个要求", GAZ)
    ranked = gather(query, [passage("d1", SPEECH, "丽水医联体")], lexical, GAZ)
    said = next(e for e in ranked if e.original.startswith("他强调"))
    assert said.entity_share == 1.0  # 他 ← 王主任 ← 王国敬
    assert ranked[0].original.startswith(("他强调", "王主任指出"))


def test_a_sentence_holding_only_the_names_loses_to_one_saying_what_is_asked() -> None:
    from tests.unit.qa.test_intents import lexical_over

    text = (
        "丽水市政府王国敬副市长在启动仪式上讲话。"
        "她指出,成立医联体是深化妇幼保健与计划生育领域卫生体制改革、落实双下沉、两提升工作,"
        "推进分级诊疗制度建设的重要探索,希望牵头单位发挥好作用,沟通上下,联系左右,努力办成"
        "群众满意、政府满意、成员单位满意和医护人员满意的医联体;同时也希望大规模开展五进宣讲,"
        "希望讲师团讲师发扬奉献精神,坚持专业高标准、服务高质量、宣讲接地气,为妇女儿童健康贡献力量。"
    )
    own = lexical_over([text])
    query = parse("王国敬副市长想把医联体办成什么样", GAZ)
    ranked = gather(query, [passage("d1", text, "丽水医联体")], own, GAZ)
    assert ranked[0].original.startswith("她指出")


def test_a_sentence_without_a_subject_is_about_whom_the_sentence_before_named(
    lexical: LexicalIndex,
) -> None:
    text = "会上,王国敬介绍了医联体的进展。希望双方围绕互学互访、联合科研加强合作。"
    query = parse("王国敬希望在哪些方面加强合作", GAZ)
    hoped = next(
        e
        for e in gather(query, [passage("d1", text, "丽水医联体")], lexical, GAZ)
        if e.original.startswith("希望")
    )
    assert hoped.entity_share == 1.0  # 希望… tells what 王国敬 hoped


def test_a_list_is_quoted_to_its_last_item(lexical: LexicalIndex) -> None:
    query = parse("王国敬讲话提了哪几个要求", GAZ)
    ranked = gather(query, [passage("d1", SPEECH, "丽水医联体")], lexical, GAZ)
    opening = next(e for e in ranked if e.original.startswith("他强调"))
    assert continuation(opening) == ["三要强化保障。"]  # not 会后双方合影
    # the chunk ended inside the sentence: the document's text carries it on
    cut = passage("d1", SPEECH[: SPEECH.index("二要")], "丽水医联体")
    short = next(e for e in gather(query, [cut], lexical, GAZ) if e.original.startswith("他强调"))
    assert continuation(short, SPEECH)[0] == "二要强化联动。"


def test_a_contrasting_word_answers_no() -> None:
    query = parse("欢迎仪式是在东院区开的吗", GAZ)
    assert _contrast(query, "东营市第二人民医院在西院区五楼举行欢迎仪式。") == "西院区"
    assert _contrast(query, "东营市第二人民医院在东院区五楼举行欢迎仪式。") is None


def test_a_span_claimed_in_other_units_is_contrasted_with_the_span_written() -> None:
    query = parse("医院是不是花了一个礼拜才把资料准备好?", GAZ)
    assert "礼拜" not in query.unknown_entities and "礼拜" not in query.predicates
    assert _contrast(query, "院领导48小时内准备好资料提请党政联席会讨论。") == "48小时"
    assert _contrast(query, "院领导一个礼拜内准备好资料。") is None
    assert _contrast(query, "院领导7天内准备好资料。") is None  # the same span in days
    same = parse("医院是不是48个小时内准备好资料?", GAZ)
    assert _contrast(same, "院领导48小时内准备好资料提请党政联席会讨论。") is None


def test_yes_when_the_best_sentence_says_it_all(lexical: LexicalIndex) -> None:
    from tests.unit.qa.test_answer import GAZ as HOSPITALS

    query = parse("胜利油田中心医院是不是派驻了专家", HOSPITALS)
    best = gather(query, [passage("d2")], lexical, HOSPITALS)[0]
    assert _affirm(query, best, AnswerConfig()).startswith("是的")
    english = parse("Did Shengli Oilfield Central Hospital station experts?", HOSPITALS)
    best = gather(english, [passage("d2")], lexical, HOSPITALS)[0]
    assert _affirm(english, best, AnswerConfig()).startswith("Yes")


@pytest.mark.parametrize(
    ("question", "verdict"),
    [("仪式是丁春辉主持的吗", "不是"), ("仪式是王景峰主持的吗", "是的")],
)
def test_did_x_do_it_is_checked_against_who_did(question: str, verdict: str) -> None:
    d = fact_derived()
    found = facts.answer(parse(question, d.gazetteer), d)
    assert found is not None and found.text.startswith(verdict)
    assert "王景峰" in found.text


def test_a_role_at_another_institution_is_a_no() -> None:
    d = fact_derived()
    found = facts.answer(parse("王景峰是山东大学第二医院院长吗", d.gazetteer), d)
    assert found is not None and found.text.startswith("不是")


def test_a_long_quote_is_cut_around_the_answer_and_says_so() -> None:
    sentence = "、".join(f"单位{i}代表" for i in range(40)) + ",仪式由院长王景峰主持。"
    shown = excerpt(sentence, ["王景峰"], 80)
    assert "王景峰" in shown and shown.startswith("…") and len(shown) <= 82
    assert excerpt("短句。", ["短"]) == "短句。"


def test_each_party_gets_its_own_answer_and_need_not_meet_the_other() -> None:
    d = fact_derived()
    query = parse("东营市第二人民医院和山东大学第二医院的院长分别是谁", d.gazetteer)
    found = facts.answer(query, d)
    assert found is not None
    assert "王景峰" in found.text and "冯世庆" in found.text
    assert [c.n for c in found.citations] == [1, 2]
    from assistant.qa.evidence import apart

    assert apart(query, d.manifest) == []  # 分别: asked of each, not of both together


def test_a_speaker_a_paragraph_named_counts_half_in_its_later_sentences(
    lexical: LexicalIndex,
) -> None:
    text = (
        "王国敬介绍了情况并表示,融合是大势所趋。通过融合发展,实现了1+1>2的效果。"
        "\n会后双方合影留念。"
    )
    ranked = gather(parse("王国敬说融合达到了什么效果", GAZ), [passage("d1", text)], lexical, GAZ)
    share = {e.original[:4]: e.entity_share for e in ranked}
    assert share["王国敬介"] == 1.0  # names him
    assert share["通过融合"] == 0.5  # his paragraph goes on: he is still speaking
    assert share["会后双方"] == 0.0  # a new paragraph


def test_a_passage_cut_inside_a_sentence_is_read_to_its_end() -> None:
    from assistant.qa.evidence import widen

    document = "前言。她要求,双方要提高站位;打造东营样板。会后合影。"
    cut = passage("d1", "她要求,双方要提高站位;")
    whole = widen(cut, document)
    assert whole.original == "她要求,双方要提高站位;打造东营样板。"
    assert widen(cut, "another article") == cut  # not found: as it was


def test_a_sentence_saying_the_asked_aspect_is_about_what_its_paragraph_told(
    lexical: LexicalIndex,
) -> None:
    text = (
        "7月3日,乐陵市人民医院开展对口支援工作座谈会。会议旨在进一步落实对口支援工作任务。"
        "\n双方合影。"
    )
    ranked = gather(parse("乐陵那个座谈会目的是什么", GAZ), [passage("d1", text)], lexical, GAZ)
    assert ranked[0].original.startswith("会议旨在")  # says the purpose, of the 座谈会 before it
    assert ranked[0].coverage == 1.0  # 乐陵 and 座谈会 told by the sentence before


def test_a_department_answer_names_one() -> None:
    from assistant.qa.evidence import holds

    assert holds("department", "于小千调研了儿童康复科和儿童保健科", Gazetteer.from_names({}))
    assert not holds("department", "推动学科建设,与派驻科室密切配合", Gazetteer.from_names({}))
    assert not holds("department", "肿瘤一病区副主任王树凯", Gazetteer.from_names({}))
    assert holds("post", "肿瘤一病区副主任王树凯", Gazetteer.from_names({}))  # a person's ward
    gaz = Gazetteer.from_names({"王树凯": "person", "于小千": "person"})
    assert parse("王树凯是哪个科的", gaz).answer_type == "post"
    assert parse("于小千调研了哪些科室", gaz).answer_type == "department"  # where he went


def test_a_span_of_days_is_counted_as_a_duration(lexical: LexicalIndex) -> None:
    from assistant.qa.answer import direct

    gaz = Gazetteer.from_names({"于小千": "person", "东营": "place"})
    query = parse("于小千在东营待了几天", gaz)
    text = "6月17-18日,于小千一行5人莅临我市调研。"
    e = gather(query, [passage("d1", text, "于小千莅临东营调研")], lexical, gaz)[0]
    assert direct(query, e, gaz) == "2天(6月17-18日)"


@pytest.mark.parametrize(
    "question", ["71个专家都是常驻的吗", "Were all 71 Shengli experts resident ones?"]
)
def test_a_claim_of_all_against_a_breakdown_is_a_no(question: str) -> None:
    from assistant.qa.answer import _only_some

    query = parse(question, GAZ)
    said = "此次派驻的专家共71名,其中常驻专家17名、坐诊专家54名。"
    assert _only_some(query, said) == "其中常驻专家17名、坐诊专家54名"
    assert _only_some(parse("71个专家是常驻的吗", GAZ), said) is None  # no claim of all


def test_a_count_the_sentence_gives_by_listing_is_its_items(lexical: LexicalIndex) -> None:
    from assistant.qa.answer import direct
    from assistant.qa.evidence import listed

    gaz = Gazetteer.from_names({"于小千": "person"})
    query = parse("于小千下午看了几个特色科室?", gaz)
    text = "6月17日下午,于小千一行调研了市妇幼保健院儿童康复科、儿童保健科和家庭化产房等特色科室。"
    e = gather(query, [passage("d1", text, "于小千莅临调研")], lexical, gaz)[0]
    assert e.has_answer
    assert direct(query, e, gaz) == "3个(儿童康复科、儿童保健科、家庭化产房)"
    # no list heads the noun: the sentence holds no count of it
    assert listed("推动学科建设、人才培养,与派驻科室密切配合", ("科室",)) == []


def test_places_counted_are_the_areas_a_list_names() -> None:
    from assistant.qa.evidence import listed

    gaz = Gazetteer.from_names({"刘海永": "person", "乐陵": "place"})
    query = parse("乐陵那次刘海永会前参观了几个地方", gaz)
    assert query.counted == ("地方",)
    text = "会前,刘海永一行参观了乐陵市人民医院一站式服务中心、健康驿站、检验科等区域。"
    assert listed(text, query.counted) == ["一站式服务中心", "健康驿站", "检验科"]
    assert parse("他们在什么地方开的会", gaz).counted == ()  # where, not how many


@pytest.mark.parametrize(
    ("question", "apart_named"),
    [
        ("东营市第二人民医院和山东大学第二医院的院长是谁", True),  # of both together
        ("东营市第二人民医院和山东大学第二医院是哪个月签约的", True),  # 哪个月: one date
        ("东营市第二人民医院和山东大学第二医院,哪边是院长亲自出席?", False),
        ("东营市第二人民医院和山东大学第二医院的专家数差多少", False),
        # which leader or which department of one occasion, or what they did together
        ("东营市第二人民医院和山东大学第二医院是哪个领导签的字?", True),
        ("哪个文章同时提到了东营市第二人民医院和山东大学第二医院?", True),
    ],
)
def test_a_choice_between_parties_asks_each_alone(question: str, apart_named: bool) -> None:
    from assistant.qa.evidence import apart

    d = fact_derived()
    query = parse(question, d.gazetteer)
    assert query.intent in ("who", "what", "count", "when")  # asked of both together
    assert bool(apart(query, d.manifest)) is apart_named
