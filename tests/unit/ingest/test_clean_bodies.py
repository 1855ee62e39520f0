"""Cleaning keeps every sentence of every bundled article and nothing else.

tests/fixtures/bodies/<doc_id>.txt is a hand-checked copy of each article's body: the
article's own paragraphs read off the raw capture, pinyin glosses removed, the bylines
left out (they are checked apart), and in 001 the two mojibake runs as the cleaner
recovers them (常 of 常態化 completed from the one byte of it the capture kept).
"""

import re
from pathlib import Path

import pytest

from assistant.textnorm import to_simplified
from ingest.clean import MOJIBAKE_MARK, clean, mark_mojibake, recover_run
from ingest.metadata import byline_names, extract
from tests.conftest import CHROME_WORDS, CORPUS, ROOT

BODIES = ROOT / "tests" / "fixtures" / "bodies"
ARTICLES = sorted(CORPUS.glob("*.txt"))
# Read off each article by hand: who wrote it, and the byline as the capture prints it.
AUTHORS = {
    "000": None,  # the 网易 capture names no author
    "001": "王晓亮 高洁",  # "(通訊員 王曉亮 高潔)" closing the last paragraph
    "002": "医务处 林海舵 李春",  # signature "醫務處 林海舵 李春"; "作者:管理員" is a placeholder
    "003": "岳霄远 袁玉起",  # "大众网记者 岳霄远 通讯员 袁玉起 聊城报道"
    "004": "李茂盛",  # "作者: 李茂盛" and "大眾網記者 李茂盛 東營報道"
}
BYLINES = {
    "001": "(通訊員 王曉亮 高潔)",
    "002": "醫務處 林海舵 李春",
    "003": "大众网记者 岳霄远 通讯员 袁玉起 聊城报道",
    "004": "大眾網記者 李茂盛 東營報道",
}
_SENTENCE_END = re.compile(r"(?<=[。!?;!?;])")


def sentences(text: str) -> list[str]:
    return [s.strip() for line in text.splitlines() for s in _SENTENCE_END.split(line) if s.strip()]


def cleaned(path: Path):
    return clean(path.stem, path.read_text(encoding="utf-8"))


def test_every_bundled_article_has_a_hand_checked_body() -> None:
    assert len(ARTICLES) == 5
    assert sorted(p.name for p in BODIES.glob("*.txt")) == [p.name for p in ARTICLES]


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem[:3])
def test_every_sentence_of_the_article_survives_cleaning(path: Path) -> None:
    doc = cleaned(path)
    body = (BODIES / path.name).read_text(encoding="utf-8")
    missing = [s for s in sentences(body) if s not in doc.text]
    assert not missing, missing
    # paragraph for paragraph, too (001's last one also carries its byline)
    byline = BYLINES.get(path.stem[:3], "")
    assert [p.removesuffix(byline) for p in doc.text.split("\n")] == body.splitlines()


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem[:3])
def test_cleaned_text_is_title_body_and_byline_only(path: Path) -> None:
    doc = cleaned(path)
    body = (BODIES / path.name).read_text(encoding="utf-8")
    rest = doc.text
    for piece in sorted(sentences(body), key=len, reverse=True):
        rest = rest.replace(piece, "", 1)
    rest = rest.replace(BYLINES.get(path.stem[:3], ""), "")
    assert re.sub(r"[\s\W]", "", rest) == "", rest  # nothing but the article's own words
    for word in CHROME_WORDS:
        assert word not in to_simplified(doc.text) and word not in to_simplified(doc.title), word
    assert not re.search(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü ]{1,8}\)", doc.text)  # glosses gone


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem[:3])
def test_every_byline_is_kept_and_gives_the_authors(path: Path) -> None:
    doc = cleaned(path)
    stem = path.stem[:3]
    assert extract(doc).author == AUTHORS[stem]
    if stem in BYLINES:
        assert BYLINES[stem] in doc.text or BYLINES[stem] in doc.header


def test_mojibake_in_001_is_recovered_where_the_bytes_survive() -> None:
    doc = cleaned(next(CORPUS.glob("001_*.txt")))
    # GBK bytes of the Traditional text, read one byte out of step; the glosses (shù) and
    # (tài) name the characters whose bytes were split: 數 = (94, b5), 態 = (91, 42).
    assert "學習當地科室先進的管理思路" in doc.text  # fully recovered
    # 常 lost its first byte: its second (a3) with the words around it (常態化) decides
    assert "積極融入當地科室工作中常態化開展門診、手術、查房等工作" in doc.text
    assert MOJIBAKE_MARK not in doc.text
    for junk in ("?", "乜", "剖", "ぷ", "髦", "蚁", "冗", "shù", "tài"):
        assert junk not in doc.text, junk
    details = [w.detail for w in doc.warnings]
    assert [w.kind for w in doc.warnings] == ["mojibake", "mojibake"]
    assert "'?shù)乜剖夜ぷ髦校B(tài)'" in details[0]
    assert "'地科室工作中常態'" in details[0] and "lost piece" not in details[0]
    assert "'?shù)乜剖蚁冗M'" in details[1] and "'地科室先進'" in details[1]
    for other in ARTICLES:
        if not other.name.startswith("001_"):
            doc = cleaned(other)
            assert doc.warnings == () and MOJIBAKE_MARK not in doc.text


def test_only_the_corrupted_run_is_replaced_when_nothing_can_be_recovered() -> None:
    out, repairs = mark_mojibake("服從管理,積極融入當地ぷぷ?Q工作中,開展門診。")
    assert out == f"服從管理,積極融入當地{MOJIBAKE_MARK}工作中,開展門診。"
    assert [(r.run, r.text) for r in repairs] == [("ぷぷ?Q", MOJIBAKE_MARK)]
    assert "unreadable text replaced: 'ぷぷ?Q'" in str(repairs[0])
    assert mark_mojibake(out)[0] == out  # idempotent


@pytest.mark.parametrize(
    "text, wrong, right, recovered",
    [
        ("山东大学齐鲁医院", "big5", "gbk", "山东大学齐鲁医院"),
        # the decoder dropped the last bytes of 院: marked, the rest read again
        ("乐陵市人民医院", "gbk", "utf-8", f"乐陵市人民医{MOJIBAKE_MARK}"),
    ],
)
def test_text_read_with_the_wrong_codec_is_read_again(
    text: str, wrong: str, right: str, recovered: str
) -> None:
    garbled = text.encode(right).decode(wrong, errors="replace").replace("\ufffd", "?")
    repair = recover_run("", garbled)
    assert (repair.text, repair.codecs) == (recovered, f"{wrong} bytes re-read as {right}")


def test_a_real_question_mark_is_no_mojibake() -> None:
    line = "想爆料?請登錄齊魯網提供新聞線索。"
    assert mark_mojibake(line) == (line, [])


@pytest.mark.parametrize(
    "line, names",
    [
        ("大众网记者 岳霄远 通讯员 袁玉起 聊城报道", ["岳霄远", "袁玉起"]),
        ("大众网记者 李茂盛 东营报道", ["李茂盛"]),
        ("记者 张三 报道", ["张三"]),
        ("通讯员 王晓亮 高洁", ["王晓亮", "高洁"]),
        ("记者走基层 探访乐陵市人民医院", None),  # a headline, not a byline
    ],
)
def test_byline_names(line: str, names: list[str] | None) -> None:
    assert byline_names(line) == names


def test_body_sentences_about_reporters_and_short_closing_lines_stay_body() -> None:
    first = "4月28日,山东大学第二医院与莘县人民医院紧密型医联体签约揭牌仪式举行。" * 2
    raw = "\n".join(
        [
            "山大二院与莘县人民医院签约",
            "大众网记者 岳霄远 通讯员 袁玉起 聊城报道",
            first,
            "据悉,本报记者将持续跟踪报道",
            "资源共享 优势互补",
        ]
    )
    doc = clean("x", raw)
    assert doc.text.split("\n") == [first, "据悉,本报记者将持续跟踪报道", "资源共享 优势互补"]
    assert extract(doc).author == "岳霄远 袁玉起"
