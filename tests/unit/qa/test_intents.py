"""The question analyzer on paraphrases: each intent asked many ways, in both scripts and in
English, with fillers and typos; entity resolution against the corpus's names; constraints.
No model and no store: the gazetteer is built from a handful of names."""

from __future__ import annotations

import bm25s
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.errors import BadQuestion
from assistant.lexicon.gazetteer import PARTED, Gazetteer
from assistant.qa.analyze import parse
from assistant.store.lexical import LexicalIndex
from assistant.textnorm import tokenize

NAMES = {
    "乐陵": "place",
    "乐陵市": "place",
    "莘县": "place",
    "东营": "place",
    "丽水": "place",
    "乐陵市人民医院": "institution",
    "莘县人民医院": "institution",
    "山东大学第二医院": "institution",
    "山东大学齐鲁医院德州医院": "institution",
    "东营市第二人民医院": "institution",
    "胜利油田中心医院": "institution",
    "丁春辉": "person",
    "刘海永": "person",
    "胜利": "org",
    "齐鲁": "org",
}
GAZ = Gazetteer.from_names(NAMES)

PARAPHRASES = {
    "which": [
        "哪些医院支援乐陵?",
        "请问有哪几家医院在帮扶莘县呢",
        "列一下支援乐陵的医院",
        "哪家醫院支援樂陵",
        "Which hospitals support Leling?",
        "which hospital helps shen county",
        "List the hospitals partnering with Leling",
        "what hospitals work with Dongying",
    ],
    "count": [
        "胜利油田中心医院派了多少专家",
        "一共派了几名专家啊",
        "莘县签约仪式有多少人参加",
        "勝利油田中心醫院派駐了多少名專家",
        "How many experts did Shengli send?",
        "how many people attended the ceremony",
        "headcount at the Shenxian signing?",
        "number of experts stationed in Dongying",
        "丽水医联体有几家单位",
    ],
    "when": [
        "乐陵座谈会是哪天开的",
        "莘县医联体什么时候签约的",
        "啥时候揭的牌",
        "樂陵座談會是幾月幾號開的",
        "When was the Leling meeting held?",
        "what date did they sign",
        "which day was the ceremony",
        "丽水医联体哪一天成立的",
    ],
    "who": [
        "东营市第二人民医院的党委书记是谁",
        "乐陵座谈会谁主持的",
        "哪位副县长致辞了",
        "莘縣人民醫院院長是誰",
        "Who is the Party secretary of Dongying Second People's Hospital?",
        "who chaired the meeting",
        "whom did Leling send",
        "丽水启动仪式是谁主持的呀",
    ],
    "superlative": [
        "哪家医院派的专家最多",
        "哪次活动参加的人最多",
        "哪个仪式人最少",
        "哪場儀式人數最多",
        "Which hospital sent the most experts?",
        "which event had the largest turnout",
        "which ceremony was the smallest",
        "谁派驻的专家更多",
    ],
    "earliest_latest": [
        "哪次签约最早",
        "最近的一次合作是哪个",
        "这几篇里最早的活动是什么",
        "最新的合作是哪一個",
        "What was the earliest agreement?",
        "which partnership is the latest",
        "the most recent event in the articles",
        "first signing ceremony in these articles?",
        "樂陵座談會跟莘縣簽約 哪個比較早?",
        "can you put these in order: the Leling meeting, the Shenxian signing",
        "幫我把這幾篇按發布時間從早排到晚",
    ],
    "yesno": [
        "丁春辉是市二院院长吗",
        "胜利油田中心医院有没有派专家",
        "莘县人民医院是不是三级医院",
        "齊魯德州醫院是否支援樂陵",
        "她俩级别一样不?",  # A-not-A
        "Is Leling supported by Qilu Hospital?",
        "Did Shengli send a management team?",
        "Does Shen County have a medical alliance?",
        "Was the Lishui alliance the first in Zhejiang?",
        "at the Shenxian ceremony, was the plaque unveiled first?",  # after a leading phrase
        "so the Lishui alliance was Zhejiang's first one, correct?",  # a tag
    ],
    "overview": [
        "介绍一下山东大学第二医院和莘县人民医院的合作",
        "简单说下胜利油田中心医院和市二院是啥关系",
        "总结一下丽水医联体",
        "簡單講講勝利油田中心醫院的合作",
        "Give me an overview of the Shen County partnership",
        "can u give me a quick rundown of the Shengli and Dongying No.2 thing?",
        "Tell me about the partnership between Qilu and Leling",
        "summarize the Dongying integration",
        "what's the story with the Lishui alliance",
        "whats the leling thing about?",
        "the Shen County signing, short version pls",
        "帮我梳理一下于小千到东营调研的经过",
        "丽水那篇主要讲什么?",  # what an article is about
        "麗水那篇大概在講什麼?",
        "可以簡單介紹一下樂陵市人民醫院的合作嗎?",  # a request made as a question
        "你好,可以说一下莘县的签约吗?",
    ],
    "compare": [
        "莘县和乐陵的合作有什么不同",
        "这两个合作有啥区别",
        "两篇文章有什么相同点",
        "莘縣跟東營的合作差在哪",
        "劉海永跟陳玉東的職務有什麼一樣的地方?",  # what they share
        "两个医联体有哪些相似之处",
        "刘海永和陈玉东的职务有啥共性",
        "Compare the Leling and Shen County partnerships",
        "What is the difference between the two alliances?",
        "what do the two partnerships have in common",
        "Shen County vs Leling: how do they differ",
    ],
}


@pytest.mark.parametrize(
    ("intent", "question"), [(i, q) for i, qs in PARAPHRASES.items() for q in qs]
)
def test_paraphrases_reach_their_intent(intent: str, question: str) -> None:
    assert parse(question, GAZ).intent == intent


@pytest.mark.parametrize(
    ("question", "answer_type"),
    [
        ("乐陵座谈会是哪天开的", "date"),
        ("派了多少专家", "number"),
        ("院长是谁", "person"),
        ("丽水医联体里那家肿瘤医院叫啥", "institution"),
        ("牵头医院叫什么名字", "institution"),
        ("于小千看了哪些科室", "department"),
        ("Which specialties do the visiting experts cover?", "department"),
        ("乐陵市人民医院是几级医院", "number"),
        ("哪些医院支援乐陵", "institution"),
        ("哪些科室挂牌了专家工作站", "department"),
        ("When was it signed?", "date"),
        ("which departments were visited", "department"),
    ],
)
def test_answer_type_follows_the_question(question: str, answer_type: str) -> None:
    assert parse(question, GAZ).answer_type == answer_type


def test_fillers_and_question_words_are_not_content() -> None:
    query = parse("请问一下乐陵座谈会到底是哪一天开的呢", GAZ)
    words = {t for group in query.content for t in group}
    assert not words & {"请问", "一下", "到底", "一天", "哪一天", "呢"}
    assert "座谈会" in words or "座谈" in words


def bigrams_of(text: str) -> list[str]:
    return [text[i : i + 2] for i in range(len(text) - 1)]


def test_typos_are_matched_by_sound_against_the_corpus_words() -> None:
    # no typo list: a word the corpus does not use is matched to one that reads the same
    texts = ["乐陵市人民医院开展对口支援工作座谈会", "卫健委主任致辞"]
    bm25 = bm25s.BM25()
    bm25.index([tokenize(t) for t in texts], show_progress=False)
    lexical = LexicalIndex(["a", "b"], bm25, "s")
    assert lexical.sounds_like("座谈汇") == "座谈会"
    assert lexical.sounds_like("卫建委") == "卫健委"
    assert lexical.sounds_like("床位") is None  # nothing in the corpus reads like it


def test_a_word_of_wholly_other_characters_is_no_typo_however_it_reads() -> None:
    texts = ["为发展提供支撑", "召开座谈会"]
    bm25 = bm25s.BM25()
    bm25.index([tokenize(t) for t in texts], show_progress=False)
    lexical = LexicalIndex(["a", "b"], bm25, "s")
    assert lexical.sounds_like("职称") is None  # zhicheng, as 支撑 reads, but no letter shared
    assert lexical.sounds_like("坐谈会") == "座谈会"  # one character miswritten


def test_a_word_jieba_never_cut_is_written_by_sound_pair_by_pair() -> None:
    texts = ["仪式由莘县卫健局局长主持"]
    bm25 = bm25s.BM25()
    bm25.index([tokenize(t) for t in texts], show_progress=False)
    lexical = LexicalIndex(["a"], bm25, "s", bigrams=frozenset(bigrams_of(texts[0])))
    assert not lexical.knows("卫健局") and lexical.sounds_like("卫建局") is None
    assert lexical.written_by_sound("卫建局")  # 卫建 reads as 卫健, 建局 as 健局
    assert not lexical.written_by_sound("路费") and not lexical.written_by_sound(
        "卫简局"
    )  # jian3: another tone


def test_entities_resolve_as_whole_names() -> None:
    assert parse("乐陵人民医院院长是谁", GAZ).entities[0] == "乐陵市人民医院"
    assert "山东大学齐鲁医院德州医院" in parse("齐鲁德州医院院长是谁", GAZ).entities
    assert parse("辛县人民医院跟哪家签约", GAZ).entities == ("莘县人民医院",)  # a homophone typo
    # two words of one name written together: that name, not an org and a place
    assert parse("齐鲁德州派了谁去乐陵", GAZ).entities == ("乐陵", "山东大学齐鲁医院德州医院")
    assert parse("乐陵莘县哪个早", GAZ).entities == ("乐陵", "莘县")  # no name holds both
    gaz = Gazetteer.from_names({**NAMES, "山东": "org", "德州": "place"})
    assert parse("齐鲁德州派了谁", gaz).entities == ("山东大学齐鲁医院德州医院",)
    # a province and a city, though the name holds both: not from its start
    assert "山东大学齐鲁医院德州医院" not in parse("山东德州有哪些医院", gaz).entities


def test_an_institution_asked_by_its_place_is_a_which_question() -> None:
    for question in ("山大二院支援哪个县的医院", "齐鲁德州医院帮的是哪个县市的医院?"):
        query = parse(question, GAZ)
        assert (query.intent, query.answer_type) == ("which", "institution"), question
    assert parse("乐陵市人民医院是哪个省的", GAZ).intent != "which"  # a place


def test_a_name_of_known_words_that_no_article_writes_is_unknown() -> None:
    query = parse("What partnership does Leling Second People's Hospital have?", GAZ)
    assert "乐陵第二人民医院" in query.unknown_entities
    assert parse("山东大学第二医院德州分院在哪", GAZ).unknown_entities == (
        "山东大学第二医院德州分院",
    )


def test_year_constraint_and_asked_nouns() -> None:
    assert parse("2024年以后有哪些新合作", GAZ).year == 2024
    assert parse("earliest 2024 event", GAZ).year == 2024
    assert "床位" in parse("胜利油田中心医院有几张床位", GAZ).predicates
    assert "目的" not in parse("乐陵座谈会目的是什么", GAZ).predicates  # an aspect, not a thing


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=80))
def test_no_question_crashes_the_analyzer(text: str) -> None:
    try:
        query = parse(text, GAZ)
    except BadQuestion:
        return
    assert query.intent and isinstance(query.entities, tuple)


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("那几个科室是哪天看的", "when"),  # 那几个 points, it does not count
        ("can you summarize what Shengli is doing in Dongying", "overview"),  # a request
        ("Can someone explain the X+1+9+X model in Lishui?", "overview"),  # a request too
        ("Could anybody tell me who signed the Shenxian deal", "who"),
        ("Can the Shenxian hospital treat more patients now?", "yesno"),  # no request
        ("Can anyone in Shen County get treatment from SDU experts?", "yesno"),
        ("How fast did the hospital decide?", "count"),  # a duration
        ("莘县人民医院是二甲还是三甲吧", "yesno"),
        ("管理团队是几月份派过去的", "when"),  # a month asked is a date asked
        ("莘县医联体是哪个月签的", "when"),
        ("王景峰当院长几年了", "count"),  # years counted: a duration
        ("how many days did the visit last", "count"),  # last is the verb here
    ],
)
def test_demonstratives_requests_and_durations(question: str, intent: str) -> None:
    assert parse(question, GAZ).intent == intent


def test_the_counted_noun_is_the_last_before_the_verb() -> None:
    query = parse("How many of the Shengli oilfield experts are resident?", GAZ)
    assert "专家" in query.counted and "胜利" not in query.counted


def test_the_choices_of_a_question_are_one_predicate_either_may_satisfy() -> None:
    assert "二甲/三甲" in parse("莘县人民医院是二甲还是三甲", GAZ).predicates


def test_times_and_directions_are_no_choices_to_check() -> None:
    assert parse("是在签约之前还是之后", GAZ).predicates == ()


def test_in_which_respects_is_no_question_of_place() -> None:
    assert parse("在哪些方面深化合作", GAZ).aspect != "place"
    assert parse("欢迎仪式在哪开的", GAZ).aspect == "place"


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("介绍一下齐鲁医院吧", "overview"),  # a request, not a yes/no question
        ("Which partnership was signed last?", "earliest_latest"),
        ("How long does the rotation last?", "count"),
        # "first" naming which group is no order asked
        ("Of the first group of experts, how many are resident?", "count"),
        ("How many experts did they dispatch in the first batch?", "count"),
        ("Which was the first group to arrive in Leling?", "earliest_latest"),
        ("What was the first of these agreements?", "earliest_latest"),
        ("Which was the first one of the articles to be published?", "earliest_latest"),
    ],
)
def test_requests_and_last_read_by_their_sense(question: str, intent: str) -> None:
    assert parse(question, GAZ).intent == intent


def test_people_hospitals_are_not_a_head_count() -> None:
    assert "人" not in parse("有多少家人民医院参与", GAZ).unit


def test_a_count_asks_in_the_measure_word_it_is_asked_with() -> None:
    from assistant.lexicon.questions import units_asked

    assert units_asked("胜利油田中心医院派了几批专家", False) == "批"  # not 71名: batches
    assert units_asked("签了几项协议", False) == "项"
    assert "名" in units_asked("派了多少名专家", False)
    # 专家最多 counts experts, not institutions in 家
    assert "家" not in units_asked("哪家医院派的专家最多?", False)
    assert "名" in units_asked("哪家医院派的专家最多?", False)
    assert units_asked("派了多少专家", False) == ""  # any unit that counts experts
    assert "人" in units_asked("headcount at the Shenxian signing?", True)  # a head count
    # years, like days or hours, are a duration's units, in either language
    assert "年" in units_asked("协议有效期是几年", False)
    assert "年" in units_asked("How many years does the action plan run?", True)
    # in just the unit it names: 48小时 is no answer to 几年; 多久 asks in any
    assert units_asked("协议有效期是几年", False) == "年"
    assert units_asked("几个小时就准备好了", False) == "时"
    assert units_asked("how many days did the visit last", True) == "天"
    assert units_asked("准备了多久", False) == "时天周月年"


def test_a_duration_answers_in_the_unit_asked() -> None:
    from assistant.qa.evidence import in_unit

    assert in_unit("48小时内准备好资料", "时") and not in_unit("48小时内准备好资料", "年")
    assert in_unit("6月17-18日,于小千一行调研", "天")  # a range of days
    assert in_unit("提质增效三年行动", "年") and not in_unit("提质增效三年行动", "月")


def test_a_duration_in_years_is_read_as_written_but_a_year_is_not() -> None:
    from assistant.lexicon.questions import DURATION_RE

    assert DURATION_RE.search("提质增效三年行动").group(0) == "三年"
    assert DURATION_RE.search("合作期5年").group(0) == "5年"
    assert DURATION_RE.search("2024年4月28日") is None  # a date, not a span of years
    assert DURATION_RE.search("八十年代") is None
    for not_a_span in ("二〇二四年", "24年4月", "第三年", "一年一度", "十年来"):
        assert DURATION_RE.search(not_a_span) is None, not_a_span


@pytest.mark.parametrize(
    "question", ["近几年莘县人民医院有什么变化", "几年前签的协议是什么", "前几月派的专家是谁"]
)
def test_a_time_of_years_or_months_asks_neither_a_duration_nor_a_date(question: str) -> None:
    query = parse(question, GAZ)
    assert query.intent not in ("count", "when") and query.answer_type not in ("duration", "date")


@pytest.mark.parametrize(
    ("question", "order"),
    [
        ("签约之前还是之后印发的", "either"),
        ("先看的科室还是先开的会?", "either"),
        ("這兩件事哪個在前", "either"),
        ("did they tour the wards before or after the meeting", "either"),
        ("Which came first, the tour or the briefing?", "either"),
        ("did they sign first or tour first", "either"),
        ("是先揭牌后签协议的吗", "either"),
        ("最后一个环节是干嘛", "last"),
        ("What was the final item on the agenda?", "last"),
        ("how did the ceremony wrap up", "last"),
        ("仪式结束后领导们做了什么", "after"),
        ("簽約後呢,接着干了啥", "after"),
        ("山大二院那个签约仪式结束以后又干了啥", "after"),
        ("莘县仪式完了以后大家又去干嘛了", "after"),
        ("签约完大家去哪了", "after"),
        ("医联体建设完善以后有啥变化", ""),  # 完善 is no end
        ("what happened once the signing was over", "after"),
        ("When did Shengli send its team over to the No.2 hospital?", ""),  # over to: a place
        ("What did they do next?", "after"),
        ("开会之前先干嘛了", "before"),
        ("会前他们参观了哪里", "before"),
        ("What did the group see ahead of the symposium?", "before"),
        # no order: 'already', 'at the end of April', 率先, a figure compared
        ("What did Shandong University Second Hospital already achieve?", ""),
        ("What was signed at the end of April 2024?", ""),
        ("山大二院率先在莘县建立医联体之后有什么意义", "after"),
        ("哪些医院支援乐陵", ""),
        ("When was the alliance founded?", ""),
    ],
)
def test_the_order_a_question_asks_is_read_in_any_phrasing(question: str, order: str) -> None:
    assert parse(question, GAZ).order == order


def test_a_word_cut_across_a_name_is_neither_a_noun_nor_a_name() -> None:
    query = parse("莘县签约仪式上山大二院去的级别最高的领导是谁", GAZ)
    assert "山东大学第二医院" in query.entities
    assert "上山" not in query.unknown_entities and "上山" not in query.predicates


def test_the_city_health_commission_is_a_name_as_an_article_writes_it() -> None:
    query = parse("who was the most senior person from the city health commission?", GAZ)
    assert "市卫生健康委" in query.unknown_entities  # the facts table finds its people


@pytest.mark.parametrize(
    "question", ["勝利油田的人裡最高層級是哪位", "職位最高的是誰", "头衔最大的是谁"]
)
def test_rank_words_ask_and_are_no_nouns(question: str) -> None:
    query = parse(question, GAZ)
    assert query.intent == "superlative" and not query.predicates


@pytest.mark.parametrize(
    "question",
    [
        "top guy from shandong university 2nd hospital at the shenxian signing?",
        "莘县那次聊城市来的最大的领导是哪位",
        "who was the highest-ranking official there",
        "莘县那边的一把手是谁",
        "who was the big boss at the Shenxian signing?",
        "the head honcho from Shandong University Second Hospital?",
        "于小千来东营的时候,陪同的领导里谁最大啊",
    ],
)
def test_the_top_official_asks_for_a_person_however_it_is_worded(question: str) -> None:
    query = parse(question, GAZ)
    assert (query.intent, query.answer_type) == ("superlative", "person")


@pytest.mark.parametrize(
    "question",
    [
        "how many babies were delivered at Dongying MCH hospital last yr?",
        "how many patients did the lishui alliance serve in its first year",
    ],
)
def test_last_year_and_first_year_set_a_time_and_do_not_ask_an_order(question: str) -> None:
    assert parse(question, GAZ).intent == "count"


def test_what_an_english_count_counts_is_a_predicate_when_nothing_bridges_it() -> None:
    assert "babies" in parse("how many babies were delivered there?", GAZ).predicates
    # a unit is no thing asked about, and a bridged noun is checked in Chinese
    assert parse("how many years apart were they?", GAZ).predicates == ()
    assert all(not p.isascii() for p in parse("how many experts were sent?", GAZ).predicates)
    # how many years someone served asks for a span, which a head count does not answer
    assert parse("how many yrs has he been at the hospital?", GAZ).answer_type == "duration"


@pytest.mark.parametrize(
    "question",
    [
        "What patient satisfaction score did the hospital reach?",
        "by what percent did the alliance cut referrals",
        "东营妇幼融合后患者满意度提高了多少",
        "莘县县外就诊比例是多少",
    ],
)
def test_a_share_rate_or_score_asks_for_a_figure_in_percent_or_points(question: str) -> None:
    assert parse(question, GAZ).answer_type == "share"


@pytest.mark.parametrize(
    "question",
    ["床位增加了多少张", "How would you rate the partnership?", "scores of doctors came"],
)
def test_a_count_or_the_verb_rate_asks_no_share(question: str) -> None:
    assert parse(question, GAZ).answer_type != "share"


def test_only_a_figure_in_percent_or_points_holds_a_share() -> None:
    from assistant.qa.evidence import holds

    assert holds("share", "患者满意度达到98.5%。", GAZ)
    assert not holds("share", "患者满意度实现了大幅提升。", GAZ)


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("What did Shandong University Second Hospital do in order to help Shen County?", "what"),
        ("把莘县签约出席的领导按职务高低排序", "what"),
        ("what sets the Leling and Shenxian partnerships apart?", "what"),
        ("把这几篇按时间排个序", "earliest_latest"),
    ],
)
def test_in_order_to_and_ranking_by_other_things_ask_no_date_order(
    question: str, intent: str
) -> None:
    query = parse(question, GAZ)
    assert query.intent == intent and not query.gap


def test_a_rank_asked_of_institutions_asks_for_an_institution() -> None:
    assert parse("哪家医院级别最高", GAZ).answer_type == "institution"


def test_the_noun_after_de_heads_a_count_unless_the_measure_counts_the_first() -> None:
    assert parse("丽水医联体来了几家医院的专家", GAZ).counted == ("医院",)  # 家: hospitals
    assert parse("丽水揭牌了几个温医二院的专家工作站", GAZ).counted == ("工作站",)
    assert parse("来了几个单位的专家", GAZ).counted == ("单位",)  # a kind, not one named
    assert parse("有多少医院的专家来了乐陵", GAZ).counted == ("医院",)
    assert "主要" not in parse("医联体的主要目标是什么", GAZ).predicates  # no grade


def lexical_over(texts: list[str]) -> LexicalIndex:
    """A lexical index over a few hand-made texts, one document each, with their bigrams."""
    bm25 = bm25s.BM25()
    bm25.index([tokenize(t) for t in texts], show_progress=False)
    bigrams = frozenset(t[i : i + 2] for t in texts for i in range(len(t) - 1))
    return LexicalIndex([f"d{n}" for n in range(len(texts))], bm25, "s", bigrams=bigrams)


def test_a_noun_asked_by_its_suffixed_form_is_the_noun_written() -> None:
    from assistant.qa.evidence import missing_predicates

    texts = ["冯世庆与张月莲共同为莘县医联体医院揭牌", "县委书记孙奇宏致辞"]
    lexical = lexical_over(texts)
    assert missing_predicates(parse("莘县医院的牌子是谁揭的", GAZ), lexical) == []  # 揭牌
    assert missing_predicates(parse("莘县医院有几张床位", GAZ), lexical) == ["床位"]


def test_a_list_of_places_like_one_named_is_no_comparison() -> None:
    assert parse("还有哪些跟乐陵一样的地方也在搞对口支援?", GAZ).intent != "compare"


def test_the_thesaurus_is_installed_and_keeps_a_words_own_sense() -> None:
    from assistant.lexicon.synonyms import thesaurus

    assert "资料" in thesaurus("材料") and "人才" not in thesaurus("材料")
    assert "儿童" not in thesaurus("孩子")  # children in general, not someone's child


def test_a_noun_the_thesaurus_gives_the_articles_word_for_is_written() -> None:
    from assistant.qa.evidence import missing_predicates

    lexical = lexical_over(["48小时内准备好资料提请党政联席会讨论", "县委书记孙奇宏致辞"])
    assert missing_predicates(parse("多少小时内准备好了材料", GAZ), lexical) == []  # 资料
    # 年 and 岁 share 年龄's set in Cilin: a single character stands for too much
    assert missing_predicates(parse("孙奇宏多大年龄", GAZ), lexical) == ["年龄"]


def test_an_attribute_and_what_the_counted_did_are_things_the_articles_must_write() -> None:
    from assistant.qa.evidence import missing_predicates

    texts = ["莘县人民医院300余人参加活动", "县委书记孙奇宏致辞"]
    lexical = lexical_over(texts)
    assert missing_predicates(parse("莘县人民医院后来评上三甲没", GAZ), lexical) == ["三甲"]
    assert missing_predicates(parse("那个APP有多少人下载?", GAZ), lexical) == ["下载"]
    assert missing_predicates(parse("莘县那次有多少人参加?", GAZ), lexical) == []


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("How long did the Dongying visit take?", "duration"),
        ("how fast did the Wenzhou hospital decide?", "duration"),
        ("于小千在东营待了几天", "duration"),
        ("审批用了多长时间", "duration"),
        ("How many experts came?", "number"),
    ],
)
def test_how_long_asks_for_a_duration(question: str, asked: str) -> None:
    assert parse(question, GAZ).answer_type == asked


def test_name_words_bridged_together_still_make_a_name() -> None:
    gaz = Gazetteer.from_names({"温州医科大学附属第二医院": "institution", "温州": "place"})
    query = parse("How fast did Wenzhou's 2nd affiliated hosp get the paperwork ready?", gaz)
    assert "温州医科大学附属第二医院" in query.entities


@pytest.mark.parametrize(
    ("question", "counted"),
    [
        ("这几次合作里,哪家医院派出的专家人数最多", ("专家",)),
        ("Which partner hospital sent the largest stated number of experts?", ("专家",)),
        ("哪次活动参加的人数最多", ()),  # a head count by its unit alone
        ("Which event had the most people?", ()),
    ],
)
def test_a_ranking_reads_the_noun_it_counts(question: str, counted: tuple[str, ...]) -> None:
    query = parse(question, GAZ)
    assert query.intent == "superlative" and query.counted[:1] == counted
    assert query.unit != "次"  # 这几次合作: these partnerships, not a count in times


def test_a_count_in_people_of_a_named_noun_reads_the_noun_before_it() -> None:
    query = parse("胜利油田派到市二院的常驻专家一共几个人?", GAZ)
    assert query.counted == ("专家",) and query.unit == "人"
    assert parse("丽水和莘县各来了多少人", GAZ).counted == ()  # people by the unit alone


def test_the_counted_noun_may_follow_its_attribute_and_de() -> None:
    assert parse("丽水那个联盟有几家省市级的单位啊", GAZ).counted == ("单位",)
    # or stand before 有几家 (医疗卫生单位有几家), after a particle glued to a level word (里省)
    query = parse("丽水那个医联体里省、市级的医疗卫生单位有几家", GAZ)
    assert query.counted == ("单位",) and "里省" not in query.unknown_entities


@pytest.mark.parametrize("question", ["协议是哪两个人签的", "哪几个人出席了", "哪些人参加了座谈会"])
def test_which_people_asks_who(question: str) -> None:
    assert parse(question, GAZ).intent == "who"
    assert parse("东营妇幼和哪个人民医院融合了", GAZ).intent != "who"  # an institution


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("东营那件事能给我讲讲吗", "overview"),  # asks for a telling
        ("介绍一下乐陵那次吧", "overview"),
        ("刘海永有没有介绍国家区域医疗中心", "yesno"),
        ("刘海永介绍国家区域医疗中心了吗", "yesno"),  # 介绍 is the deed asked of
        ("东营那个一体化是咋回事", "overview"),
        ("刘海永在会上有介绍吗", "yesno"),  # was it told, not: tell me
    ],
)
def test_a_request_ending_in_ma_is_no_yes_no_question(question: str, intent: str) -> None:
    assert parse(question, GAZ).intent == intent


@pytest.mark.parametrize(
    ("question", "bridged", "not_bridged"),
    [
        ("who ran the ceremony at Shenxian?", "主持", ""),
        ("who emceed the Shengli welcome ceremony?", "主持", ""),
        ("biggest group of staff sent over?", "派驻", ""),
        ("How many staff does the Lishui MCH hospital have?", "", "专家"),  # its own staff
    ],
)
def test_english_phrases_bridge_to_what_the_articles_write(
    question: str, bridged: str, not_bridged: str
) -> None:
    query = parse(question, GAZ)
    assert bridged in query.bridged and (not not_bridged or not_bridged not in query.bridged)


@pytest.mark.parametrize(
    "question",
    [
        "王景峰是哪家医院的院长?",
        "刘海永是哪家医院的护士长?",
        "哪个委员会的秘书长?",
        "哪个区的区长?",
    ],
)
def test_a_title_ending_in_chang_is_no_length_to_rank(question: str) -> None:
    assert parse(question, GAZ).intent != "superlative"


def test_a_length_of_two_is_still_ranked() -> None:
    assert parse("哪次会议时间更长?", GAZ).intent == "superlative"


def test_a_quantifier_is_no_thing_the_articles_must_speak_of() -> None:
    assert "全都" not in parse("派到市二院的专家是不是全都常驻?", GAZ).predicates


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("董琳的职称是啥?", "职称"),
        ("刘海永是什么专科的医生?", "专科"),
        ("浙江省肿瘤医院具体负责什么业务?", "业务"),
        ("丁春辉是哪家医院的书记?", ""),  # an institution is answered by its name
        ("丁春辉在仪式上干了啥?", ""),  # no noun asked
    ],
)
def test_the_noun_a_wh_word_governs_is_the_one_asked(question: str, asked: str) -> None:
    assert parse(question, GAZ).asked == asked


def test_what_the_counted_things_were_done_to_is_a_predicate() -> None:
    assert "接生" in parse("丽水市妇幼保健院一年接生多少个?", GAZ).predicates
    # a count naming what it counts is checked by that noun, not by the verb before it
    assert "覆盖" not in parse("那个医联体一共覆盖几个县", GAZ).predicates
    assert "覆盖" not in parse("那个医联体覆盖了多少个县?", GAZ).predicates


def test_when_asks_a_time_and_no_thing_called_time() -> None:
    assert "时间" not in parse("When was the signing held?", GAZ).predicates


@pytest.mark.parametrize(
    ("question", "answer_type"),
    [
        ("how far is dongying no.2 from downtown dongying?", "distance"),
        ("两家医院相距多少公里", "distance"),
        ("whats the email for the hospital president?", "contact"),
        ("莘县人民医院的电话是多少", "contact"),
        ("what's the street address of Leling People's Hospital", "contact"),
    ],
)
def test_a_distance_or_a_way_to_reach_one_asks_its_own_kind_of_answer(question, answer_type):
    assert parse(question, GAZ).answer_type == answer_type


@pytest.mark.parametrize(
    "question",
    [
        "医联体是否开展了很多远程会诊?",  # 远程 is no distance
        "How many distance consultations did they run?",
        "What did Zhang Xiangdong say in his address?",  # a speech
        "How does the partnership address staffing shortages?",  # the verb
        "电话随访了多少患者?",
        "丁春辉在电话会议上说了什么?",
        "专家的补贴由谁承担?",  # who pays it, not how much
        "Who pays the experts' allowance?",
    ],
)
def test_words_near_a_distance_a_contact_or_pay_ask_none_of_them(question: str) -> None:
    assert parse(question, GAZ).answer_type not in ("distance", "contact", "money")


def test_only_a_sentence_writing_a_distance_or_a_contact_holds_one() -> None:
    from assistant.qa.evidence import holds

    assert holds("distance", "两院相距约30公里", GAZ)
    assert not holds("distance", "派驻专家共71名", GAZ)
    assert holds("contact", "新闻热线:0635-1234567", GAZ)
    assert not holds("contact", "乐陵市人民医院召开座谈会", GAZ)


@pytest.mark.parametrize(
    ("question", "excluded"),
    [
        ("除了丁春辉,还有谁出席了欢迎仪式?", ("丁春辉",)),
        ("besides Liu Haiyong, who else from Qilu came to Leling?", ("刘海永",)),
        ("除了刘海永之外丁春辉还见了谁", ("丁春辉", "刘海永")),  # neither is the answer
        ("丁春辉主持了什么", ()),  # nobody set aside
        ("除颤仪是谁捐的,刘海永还是丁春辉?", ()),  # 除颤 sets nobody aside
        ("切除手术是丁春辉做的吗", ()),
    ],
)
def test_whom_a_question_sets_aside_is_no_answer(question, excluded) -> None:
    assert sorted(parse(question, GAZ).excluded) == sorted(excluded)


def test_a_common_noun_tagged_as_a_name_is_still_a_thing_asked_about() -> None:
    # jieba tags 荣誉 nr; it is no person of the articles
    assert "荣誉" in parse("胜利油田中心医院是不是拿了啥国家级荣誉?", GAZ).predicates
    assert "刘海永" not in parse("刘海永说了什么?", GAZ).predicates  # a name is no noun


def test_a_step_of_an_occasion_is_asked_of_its_sentences_not_written_as_a_word() -> None:
    assert "环节" not in parse("莘县那次仪式最后一个环节是干啥?", GAZ).predicates


def test_the_others_of_a_group_asked_by_name_are_counted() -> None:
    from assistant.lexicon.questions import others_asked

    assert others_asked("于小千一行5人,另外4个人叫什么") == 4
    assert others_asked("其他两位领导是谁") == 2
    assert others_asked("Can you name the other four people in the delegation?") == 4
    assert others_asked("who were the other 4 members of the team") == 4
    for none in (
        "其他人呢",
        "the other hospitals",
        "another 4 days",
        "另外,派了几个人",
        "另外十十个人是谁",  # no number: no crash
        "莘县人民医院的合作单位,其他3个是哪些?",  # units, not people
        "the other two of the hospitals",
    ):
        assert others_asked(none) == 0, none


@pytest.mark.parametrize(
    ("question", "later"),
    [
        ("what were the results one year after the Lishui alliance launched?", "one year after"),
        ("How many patients did the experts see in their first month?", "in their first month"),
        ("麗水醫聯體成立後第一年轉診了多少病人", "第一年"),
        ("合作两年后效果怎么样", "两年后"),
        ("莘县签约仪式结束后,与会领导做了什么?", ""),  # the same day: the article says it
        ("which came first, the signing or the welcome?", ""),
        ("山东省三年行动计划是哪年发的", ""),  # a plan's length, not a time after
        ("2024年以后山大二院和莘县签了什么协议?", ""),  # a date, not a period
        ("七月以后谁去了乐陵?", ""),
        ("How many months on average did the experts stay?", ""),
        ("How many first year residents came?", ""),
        ("合作十年后怎么样了", "十年后"),
    ],
)
def test_a_period_after_an_occasion_is_what_the_question_asks_of(question, later) -> None:
    assert parse(question, GAZ).later == later


@pytest.mark.parametrize(
    "question, intent",
    [
        # the name of a thing: a sentence tells it, not a person's post
        ("莘县那块新挂的牌子叫啥名", "what"),
        ("省里那个三年行动计划全名叫啥", "what"),
        # the name of a person: by a role, a pronoun or a word for someone
        ("东营二院的王院长叫什么名字", "who"),
        ("胜利油田那篇报道的记者叫啥", "who"),
        ("汇报会上致欢迎辞的那个人叫啥", "who"),
        ("于小千一行5人 另外4個人叫什麼", "who"),
        ("莘县签约仪式上带队的叫什么名字", "who"),  # a deed's doer
        ("陪同于小千的是哪两个人?他们的职务是什么", "who"),
        ("签约双方代表的姓名是什么", "who"),
    ],
)
def test_a_name_asked_is_a_persons_only_after_a_word_for_a_person(question, intent) -> None:
    parsed = parse(question, GAZ)
    assert parsed.intent == intent


@pytest.mark.parametrize(
    "question",
    [
        "报道说什么专家去了莘县",  # 什么 of a noun: what is asked of the article
        "莘县那篇报道写了什么协议",
        "可以说山大二院是国家队吗",  # a claim, not a request
    ],
)
def test_what_an_article_says_of_a_noun_is_no_overview(question) -> None:
    assert parse(question, GAZ).intent != "overview"


def test_what_the_articles_say_as_a_whole_is_a_summary_of_each() -> None:
    query = parse("簡單說說這五篇文章整體都在講什麼?", GAZ)
    assert query.intent == "overview" and query.scope == "summary"


@pytest.mark.parametrize(
    ("question", "entities"),
    [
        # the dash parts two names: Shengli's, and the No.2 hospital's
        (
            "How is the Shengli–No.2 hospital arrangement different from the Lishui one?",
            ("胜利", "丽水"),
        ),
        ("Shengli — No.2 hospital: what kind of tie-up?", ("胜利",)),
    ],
)
def test_a_dash_between_english_names_parts_them(question: str, entities: tuple) -> None:
    query = parse(question, GAZ)
    assert query.entities == entities and query.unknown_entities == ()
    assert PARTED not in query.bridged  # the mark parts names only


def test_a_name_written_with_of_before_a_dash_is_still_one_name() -> None:
    query = parse("People's Hospital of Leling – who went?", GAZ)
    assert "乐陵市人民医院" in query.entities
