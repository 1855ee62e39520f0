"""Text normalization shared by ingestion and querying.

Everything that is indexed or searched goes through `to_search_form`, so a
Traditional query meets Simplified text, and full-width digits meet ASCII ones.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from datetime import date
from functools import lru_cache

import jieba
import opencc

jieba.setLogLevel(logging.WARNING)

CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Controls, zero-width marks and lone surrogates (which no encoder accepts: OpenCC would raise).
_CONTROL_RE = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff\ud800-\udfff]"
)
_SENTENCE = re.compile(r"[^。!?;!?;…\n]*(?:[。!?;!?;]+|…+|$)[”’」』\"')]*")
# Whole sentences: a semicolon does not end one, so 一是…;二是…;三是… stays together.
_WHOLE_SENTENCE = re.compile(r"[^。!?!?\n]*(?:[。!?!?]+|$)[”’」』\"')]*")
_SPACE_RE = re.compile(r"[ \t\u00a0\u3000]+")
# Tokens that carry no meaning for retrieval: punctuation, particles, question words.
STOPWORDS = frozenset(
    [
        "的",
        "了",
        "和",
        "与",
        "及",
        "在",
        "是",
        "为",
        "对",
        "等",
        "也",
        "将",
        "并",
        "由",
        "把",
        "被",
        "之",
        "其",
        "这",
        "那",
        "有",
        "就",
        "都",
        "而",
        "或",
        "于",
        "以",
        "从",
        "向",
        "到",
        "中",
        "上",
        "下",
        "哪些",
        "哪家",
        "哪个",
        "哪位",
        "什么",
        "谁",
        "多少",
        "几",
        "吗",
        "呢",
        "吧",
        "啊",
        "怎么",
        "如何",
        "是否",
        "请问",
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "for",
        "and",
        "or",
        "is",
        "are",
        "was",
        "were",
        "be",
        "by",
        "with",
        "what",
        "which",
        "who",
        "whom",
        "how",
        "many",
        "much",
        "does",
        "do",
        "did",
        "has",
        "have",
        "had",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "from",
        "at",
        "as",
    ]
)


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def to_traditional(text: str) -> str:
    """Simplified → Traditional, to answer a question in the script it was asked in."""
    return _s2t().convert(strip_controls(text)) if text else text


def to_simplified(text: str) -> str:
    """Traditional → Simplified (OpenCC phrase-aware conversion)."""
    return _t2s().convert(strip_controls(text)) if text else text


def fold_width(text: str) -> str:
    """Full-width ASCII (ＡＢＣ１２３) → half-width; keep CJK punctuation as it is."""
    out = []
    for ch in text:
        code = ord(ch)
        if 0xFF01 <= code <= 0xFF5E:
            out.append(chr(code - 0xFEE0))
        elif code == 0x3000:
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def strip_controls(text: str) -> str:
    return _CONTROL_RE.sub("", text)


def to_search_form(text: str) -> str:
    """The form used for indexing and matching: NFC, no controls, half-width, Simplified."""
    text = unicodedata.normalize("NFC", text)
    text = strip_controls(fold_width(text))
    return _SPACE_RE.sub(" ", to_simplified(text)).strip()


# a bracketed enumeration of single characters after one: 县(市、区)
_ENUMERATION = re.compile(r"(?<=[\u4e00-\u9fff])\(([\u4e00-\u9fff](?:、[\u4e00-\u9fff])+)\)")


def unenumerated(text: str) -> str:
    """`text` (search form) with a bracketed enumeration read as one word: 县(市、区) as
    县市区, the word a reader types for it; any other list keeps its marks."""
    return _ENUMERATION.sub(lambda m: m.group(1).replace("、", ""), text)


def cjk_count(text: str) -> int:
    return len(CJK_RE.findall(text))


def detect_script(text: str) -> str:
    """'Traditional' when a noticeable share of CJK characters change under t2s."""
    cjk = CJK_RE.findall(text)
    if not cjk:
        return "none"
    sample = "".join(cjk[:20000])
    changed = sum(a != b for a, b in zip(sample, to_simplified(sample), strict=False))
    return "Traditional" if changed / len(sample) > 0.02 else "Simplified"


def warm_up() -> None:
    """Load jieba's dictionaries now rather than inside the first question (~0.6 s)."""
    import jieba.posseg as pseg

    jieba.initialize()
    list(pseg.cut("预热"))


def tokenize(text: str) -> list[str]:
    """BM25 tokens: jieba search-mode words of the search form, lowercased, no stopwords."""
    text = to_search_form(text).lower()
    tokens = []
    for tok in jieba.cut_for_search(text):
        tok = tok.strip()
        if not tok or tok in STOPWORDS:
            continue
        if CJK_RE.search(tok) or tok.isalnum():
            tokens.append(tok)
    return tokens


def sentence_spans(text: str, whole: bool = False) -> list[tuple[int, int]]:
    """(start, end) of every sentence; paragraph breaks always end a sentence. With `whole`,
    only 。!? end one, so enumerations (一是…;二是…) are not cut apart."""
    spans = []
    for m in (_WHOLE_SENTENCE if whole else _SENTENCE).finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        if start < end:
            spans.append((start, end))
    return spans


def days_between(earlier: str, later: str) -> int | None:
    """Days from one ISO date to another (negative when `later` is before); None when either
    is unknown or not a whole date (2024-04)."""
    try:
        return (date.fromisoformat(later) - date.fromisoformat(earlier)).days
    except (TypeError, ValueError):
        return None
