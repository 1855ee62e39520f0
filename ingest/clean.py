"""Clean: turn a web capture into the article's own text.

Removes page chrome (navigation, share buttons, ads, recommendation lists, snapshot
notices, editor lines), collapses repeated headlines, strips pinyin glosses glued to
characters (`網(wǎng)` → `網`) while keeping real parentheses, and replaces mojibake
clauses with U+FFFD, reporting each one. The result keeps the article's own script.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pypinyin import Style, pinyin

from assistant.textnorm import to_simplified

MOJIBAKE_MARK = "\ufffd"

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_GLOSS_RE = re.compile(rf"([\u4e00-\u9fff])\(\s*([a-zü{_TONED}]{{1,7}})\s*\)")
_PLAIN = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ", "aaaaeeeeiiiioooouuuuüüüünnnm")

# Lines matched on their Simplified form, so one list serves both scripts.
_CHROME_LINE = re.compile(
    r"^(?:\d{1,4}|分享至|分享到.*|•.*|我的订阅|.*首页\s*>.*|想爆料.*|.*广告热线.*|无障碍浏览.*"
    r"|\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)$"
)
_META_LINE = re.compile(
    r"^(?:来源|原标题|发布时间|作者|类别|编辑|记者)\s*[::]|(?:记者|通讯员).{1,30}报道$|"
    r"\d{4}[-/]\d{1,2}[-/]\d{1,2}\s+\d{1,2}:\d{2}.*来源"
)
_TAIL_LINE = re.compile(
    r"^(?:相关推荐|热点推荐|相关新闻|热点新闻|热门推荐|延伸阅读|猜你喜欢|更多关于.*资讯.*"
    r"|以上内容为.*快照.*|初审编辑.*|责任编辑.*|微信扫一扫.*|扫一扫.*分享.*)$"
)
_BODY_LINE = re.compile(r"。")
_SIGNATURE = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:\s+[\u4e00-\u9fff]{2,4}){1,4}$")
_CLAUSE_SPLIT = re.compile(r"(?<=[,。;!、:,;!])")
_KANA = re.compile(r"[\u3040-\u30ff]")
_QMARK_LATIN = re.compile(r"[\u4e00-\u9fff]\?[a-zA-Z" + _TONED + "]")
_LATIN_IN_CJK = re.compile(r"[\u4e00-\u9fff][A-Za-z" + _TONED + r"]{1,3}[\u4e00-\u9fff(]")


@dataclass(frozen=True)
class Warning_:
    doc_id: str
    kind: str
    detail: str

    def __str__(self) -> str:
        return f"{self.doc_id}: {self.kind}: {self.detail}"


@dataclass(frozen=True)
class CleanDocument:
    doc_id: str
    title: str
    text: str  # cleaned body, original script, paragraphs separated by "\n"
    header: tuple[str, ...]  # metadata lines found around the body (source, date, author…)
    warnings: tuple[Warning_, ...] = field(default=())


def _is_gloss(char: str, syllable: str) -> bool:
    if any(c in _TONED for c in syllable):
        return True
    readings = pinyin(char, style=Style.NORMAL, heteronym=True)[0]
    return syllable.translate(_PLAIN).replace("ü", "v") in {r.replace("ü", "v") for r in readings}


def strip_pinyin_glosses(text: str) -> str:
    """`網(wǎng)` → `網`, `技(jì )術` → `技術`; `(市、區)` and `(2021-2025年)` stay."""
    return _GLOSS_RE.sub(
        lambda m: m.group(1) if _is_gloss(m.group(1), m.group(2)) else m.group(0), text
    )


def _mojibake_score(clause: str) -> int:
    if _KANA.search(clause) or MOJIBAKE_MARK in clause:
        return 2
    return (
        len(_QMARK_LATIN.findall(clause))
        + len(_LATIN_IN_CJK.findall(clause))
        + (clause.count(")") > clause.count("("))
    )


def mark_mojibake(line: str) -> tuple[str, list[str]]:
    """Replace clauses that look like broken re-encoding with U+FFFD; return the spans."""
    out, spans = [], []
    for clause in _CLAUSE_SPLIT.split(line):
        body = clause.rstrip(",。;!、:,;!")
        if body and _mojibake_score(body) >= 2:
            spans.append(body)
            out.append(MOJIBAKE_MARK + clause[len(body) :])
        else:
            out.append(clause)
    return "".join(out), spans


def _normalize_lines(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = (re.sub(r"[ \t\u00a0\u3000]+", " ", ln).strip() for ln in text.split("\n"))
    return [ln for ln in lines if ln]


def _pick_title(header: list[str]) -> str:
    for line in header:
        m = re.match(r"^原[标標][题題]\s*[::]\s*(.+)$", line)
        if m:
            return m.group(1).strip()
    for line in header:
        simple = to_simplified(line)
        if (
            8 <= len(line) <= 120
            and not _CHROME_LINE.match(simple)
            and not _META_LINE.search(simple)
        ):
            return line
    return ""


def clean(doc_id: str, raw_text: str) -> CleanDocument:
    lines = _normalize_lines(strip_pinyin_glosses(raw_text))
    start = next((i for i, ln in enumerate(lines) if len(ln) >= 40 and _BODY_LINE.search(ln)), 0)
    header = lines[:start]
    title = _pick_title(header)
    seen = {title} if title else set()
    body: list[str] = []
    meta = [ln for ln in header if ln != title]
    warnings: list[Warning_] = []
    for line in lines[start:]:
        simple = to_simplified(line)
        if _TAIL_LINE.match(simple):
            meta.append(line)
            break
        if _META_LINE.search(simple):
            meta.append(line)
            continue
        if _CHROME_LINE.match(simple) or line in seen or (title and line.endswith(title)):
            continue
        seen.add(line)
        line, spans = mark_mojibake(line)
        warnings += [
            Warning_(doc_id, "mojibake", f"unreadable text replaced: {s!r}") for s in spans
        ]
        body.append(line)
    if body and _SIGNATURE.match(body[-1]):
        meta.append(body.pop())  # "醫務處 林海舵 李春": the byline, not article text
    return CleanDocument(doc_id, title, "\n".join(body), tuple(meta), tuple(warnings))
