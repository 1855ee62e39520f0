"""Metadata: title, ISO date, outlet, author, URL and script of one cleaned article.

Only the lines around the body are read (header, byline, editor lines): dates and
URLs inside recommendation lists belong to other pages.
"""

from __future__ import annotations

import re

from assistant.textnorm import detect_script, to_simplified
from assistant.types import Article

from .clean import CleanDocument

_DATE = re.compile(r"(20\d{2}|19\d{2})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})")
_SOURCE = re.compile(r"来源\s*[::]\s*([^\s::]+)")
_BREADCRUMB = re.compile(r"^(\S+?)首页\s*>")
_AUTHOR = (
    re.compile(r"作者\s*[::]\s*([^\s::]+)"),
    re.compile(r"记者\s+([\u4e00-\u9fff]{2,4})"),
)
_BYLINE_IN_BODY = re.compile(r"[((](?:通讯员|记者)\s*([^()()]+)[))]\s*$")
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


def extract(doc: CleanDocument) -> Article:
    lines = [to_simplified(line) for line in doc.header]
    date = next((d for d in map(iso_date, lines) if d), None)
    source = _first((_SOURCE, _BREADCRUMB), lines)
    author = _first(_AUTHOR, lines)
    if author is None:
        last = to_simplified(doc.text.rsplit("\n", 1)[-1])
        m = _BYLINE_IN_BODY.search(last)
        author = m.group(1).strip() if m else None
    if (
        author is None
        and lines
        and re.fullmatch(r"[\u4e00-\u9fff]{2,8}(?: [\u4e00-\u9fff]{2,4})+", lines[-1])
    ):
        author = lines[-1].strip()  # signature line such as "医务处 林海舵 李春"
    url = _first((_URL,), lines)
    return Article(
        doc_id=doc.doc_id,
        title=doc.title or doc.text.split("\n", 1)[0][:60],
        date=date,
        source=source,
        author=author,
        url=url,
        script=detect_script(doc.title + doc.text),
    )
