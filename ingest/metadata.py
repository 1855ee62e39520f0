"""Metadata: title, ISO date, outlet, author, URL and script of one cleaned article.

Only the lines around the body are read (header, byline, editor lines): dates and
URLs inside recommendation lists belong to other pages. What the file says about itself
(`Hints`: a web page's title, date, author, site and URL; a PDF's or Word file's title and
author) fills in what the text does not give.
"""

from __future__ import annotations

import re

from assistant.textnorm import detect_script, to_simplified
from assistant.types import Article

from .clean import CleanDocument
from .formats import Hints

_DATE = re.compile(r"(20\d{2}|19\d{2})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})")
_SOURCE = re.compile(r"来源\s*[::]\s*([^\s::]+)")
_BREADCRUMB = re.compile(r"^(\S+?)首页\s*>")
# Bylines. Every name in them is kept, in order: "大众网记者 岳霄远 通讯员 袁玉起 聊城报道"
# gives "岳霄远 袁玉起"; "(通讯员 王晓亮 高洁)" closing the body gives "王晓亮 高洁".
_ROLE = re.compile(r"特约记者|见习记者|实习记者|记者|通讯员|实习生|撰稿|摄影|作者|文/|图/")
_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
_LABELLED = re.compile(r"(?:作者|记者|通讯员)\s*[:\uff1a]\s*(.+)$")  # "作者: 李茂盛 …"
_NEXT_LABEL = re.compile(r"\s\S+[:\uff1a].*$")  # "… 来源:…" after the names
# a line of its own: the role is followed by a space or the line closes with 报道
_BYLINE_LINE = re.compile(
    r"^[^,\uff0c。;!?]{0,15}?(?:记者|通讯员)(?=\s|.*报道$)[^,\uff0c。;!?]{1,40}$"
)
_BYLINE_AT_END = re.compile(r"[(\uff08]((?:记者|通讯员)[^()\uff08\uff09]{1,40})[)\uff09]\s*$")
_BYLINE_AT_START = re.compile(
    r"^[^,\uff0c。]{0,12}?[(\uff08]((?:记者|通讯员)[^()\uff08\uff09]{1,40})[)\uff09]"
)
_SIGNATURE = re.compile(r"[\u4e00-\u9fff]{2,8}(?: [\u4e00-\u9fff]{2,3})+")  # 医务处 林海舵 李春
_URL = re.compile(r"(?:原文地址|原文链接|原文网址|URL|url)\s*[::]?\s*(https?://[^\s<>\"']+)")
_PLACEHOLDER_AUTHORS = {"管理员", "admin", "网站管理员"}


def iso_date(text: str) -> str | None:
    m = _DATE.search(text)
    if not m:
        return None
    year, month, day = (int(g) for g in m.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _first(patterns: tuple[re.Pattern[str], ...], lines: list[str]) -> str | None:
    for pattern in patterns:
        for line in lines:
            m = pattern.search(line)
            if m and m.group(1).strip() not in _PLACEHOLDER_AUTHORS:
                return m.group(1).strip()
    return None


def byline_names(byline: str) -> list[str] | None:
    """The names in one byline, or None when it is not one (a title that mentions 记者).

    "大众网记者 岳霄远 通讯员 袁玉起 聊城报道" → ["岳霄远", "袁玉起"]; the outlet before
    the first role and the "聊城报道" closing it are not names.
    """
    text = re.sub(r"(?:^|\s)\S{0,6}报道$", "", byline.strip())
    role = _ROLE.search(text)
    if role:
        text = text[role.start() :]
    tokens = [t for t in re.split(r"[\s、,\uff0c/]+", _ROLE.sub(" ", text)) if t]
    if not tokens or not all(_NAME.fullmatch(t) for t in tokens):
        return None
    return [t for t in tokens if t not in _PLACEHOLDER_AUTHORS]


def _authors(header: list[str], body: list[str]) -> str | None:
    """Every name the bylines give (header lines, a byline opening or closing the body),
    else a signature line such as "医务处 林海舵 李春"."""
    names: list[str] = []
    for line in header:
        labelled = _LABELLED.search(line)
        if labelled:  # "作者: X" names its author even when X is no personal name
            value = _NEXT_LABEL.sub("", labelled.group(1)).strip()
            found = byline_names(value)
            if found is None and value not in _PLACEHOLDER_AUTHORS:
                found = [value]
        else:
            found = byline_names(line) if _BYLINE_LINE.match(line) else None
        names += found or []
    for pattern, line in ((_BYLINE_AT_START, body[0]), (_BYLINE_AT_END, body[-1])):
        m = pattern.search(line)
        names += (byline_names(m.group(1)) or []) if m else []
    unique = list(dict.fromkeys(names))
    if header and _SIGNATURE.fullmatch(header[-1]):
        signature = header[-1].split(" ")
        unique = signature if not unique else unique + [n for n in signature if n not in unique]
    return " ".join(unique) or None


def _hinted_author(value: str | None) -> str | None:
    """A file's author field, read like a byline: "大众网记者 岳霄远 通讯员 袁玉起 聊城报道"
    gives "岳霄远 袁玉起"; a value that is no byline is kept as it is."""
    if not value:
        return None
    names = byline_names(to_simplified(value))
    if names is not None:
        return " ".join(names) or None
    return None if value in _PLACEHOLDER_AUTHORS else value


def extract(doc: CleanDocument, hints: Hints | None = None) -> Article:
    """The article's metadata from its text; `hints` fill in what the text does not give."""
    hints = hints or Hints()
    lines = [to_simplified(line) for line in doc.header]
    date = next((d for d in map(iso_date, lines) if d), None)
    source = _first((_SOURCE, _BREADCRUMB), lines)
    paragraphs = doc.text.split("\n")
    author = _authors(lines, [to_simplified(paragraphs[0]), to_simplified(paragraphs[-1])])
    url = _first((_URL,), lines)
    return Article(
        doc_id=doc.doc_id,
        title=doc.title or hints.title or doc.text.split("\n", 1)[0][:60],
        date=date or (iso_date(hints.date) if hints.date else None),
        source=source or hints.site,
        author=author or _hinted_author(hints.author),
        url=url or hints.url,
        script=detect_script(doc.title + doc.text),
    )
