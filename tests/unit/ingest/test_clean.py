import pytest

from assistant.textnorm import to_simplified
from ingest.clean import MOJIBAKE_MARK, clean, mark_mojibake, strip_pinyin_glosses
from tests.conftest import CHROME_WORDS, CORPUS


def cleaned(stem: str):
    path = next(CORPUS.glob(f"{stem}*.txt"))
    return clean(path.stem, path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("大眾網(wǎng)", "大眾網"),
        ("宣傳技(jì )術指導站", "宣傳技術指導站"),
        ("醫聯體(tǐ)", "醫聯體"),
        ("聯盟(醫(yī)聯體(tǐ))正式成立", "聯盟(醫聯體)正式成立"),
        ("麗水9縣(市、區(qū))婦計中心", "麗水9縣(市、區)婦計中心"),
        ("《方案(2021-2025年)》", "《方案(2021-2025年)》"),
        ("(通讯员 王晓亮 高洁)", "(通讯员 王晓亮 高洁)"),
        ("他(ta)说", "他说"),  # toneless gloss, but a real reading of 他
        ("共有(ABC)三家", "共有(ABC)三家"),  # not a reading: kept
    ],
)
def test_pinyin_glosses_are_stripped_and_real_parentheses_kept(raw: str, expected: str) -> None:
    assert strip_pinyin_glosses(raw) == expected


def test_mojibake_clause_is_replaced_and_reported() -> None:
    line = "服從管理,積極融入當?shù)乜剖夜ぷ髦校B(tài)化開展門診、查房等工作。"
    out, repairs = mark_mojibake(line)
    assert [r.run for r in repairs] == ["?shù)乜剖夜ぷ髦校B(tài)"]  # the corrupted run only
    # 常 kept only its second byte (a3): of the characters it may be, 常 makes 常態化
    assert out == "服從管理,積極融入當地科室工作中常態化開展門診、查房等工作。"


def test_plain_question_mark_is_not_mojibake() -> None:
    out, spans = mark_mojibake("想爆料?請登錄齊魯網提供新聞線索。")
    assert spans == [] and MOJIBAKE_MARK not in out


@pytest.mark.parametrize("stem", ["000", "001", "002", "003", "004"])
def test_real_articles_lose_their_page_chrome(stem: str) -> None:
    doc = cleaned(stem)
    text = to_simplified(doc.text)
    for word in CHROME_WORDS:
        assert word not in text, word
    assert "(wǎng)" not in doc.text and "(zuò)" not in doc.text
    assert len(doc.text) > 800  # the article itself survives


def test_repeated_headline_is_collapsed_into_the_title() -> None:
    doc = cleaned("003")
    assert doc.title.startswith("“千县工程”再发力")
    assert doc.title not in doc.text


def test_only_article_001_has_mojibake() -> None:
    assert len(cleaned("001").warnings) == 2
    assert all(w.kind == "mojibake" for w in cleaned("001").warnings)
    for stem in ("000", "002", "003", "004"):
        assert cleaned(stem).warnings == ()


def test_cleaning_keeps_the_original_script() -> None:
    assert "樂陵市人民醫院" in cleaned("001").text
