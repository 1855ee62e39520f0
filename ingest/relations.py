"""Relations: mine typed partnerships (who supports whom, how, when) from one article.

Rule-based and offline. Institution names are found in each sentence (segments
between punctuation, trimmed with jieba's tagger to the proper-noun part), short forms
are resolved against the article's own full names (市二院 → 东营市第二人民医院,
山大二院 → 山东大学第二医院), a trigger word names the kind, and the direction comes from
explicit verbs (A派驻…, A支援…), else from the institutions' tiers (university/province
over city over county), else from the order of mention.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.lexicon.kinds import EXPERT_KINDS, kinds_in
from assistant.lexicon.names import Mention, article_mentions, tier
from assistant.textnorm import sentence_spans, to_search_form
from assistant.types import Article, Relation

from .clean import CleanDocument

_SUPPORT_VERB = re.compile(
    r"^(?:首批|再次|继续|先后|向\S{0,12}?)?(?:派驻|支援|帮扶|派出|选派|托管)"
)
_MD = re.compile(r"(\d{1,2})月(\d{1,2})日")
_LOST_MONTH = re.compile(r"(?<![\d月])(1[0-2]|[1-9])(\d{1,2})日")  # "129日": 月 lost
_FIGURES = re.compile(
    r"(?:专家|医生|医务人员|医护人员)共?(\d+)名(?:[,,]?其中[^。;]*?\d+名[^。;]*?\d+名)?"
    r"|(\d+)名专家工作站|(\d+)个专家工作站"
)


def _event_date(text: str, published: str | None) -> str | None:
    m = _MD.search(text)
    month, day = (int(m.group(1)), int(m.group(2))) if m else (0, 0)
    if not m and published:
        lost = _LOST_MONTH.search(text[:12])
        if lost and int(lost.group(1)) == int(published[5:7]):
            month, day = int(lost.group(1)), int(lost.group(2))
    if not (1 <= month <= 12 and 1 <= day <= 31) or not published:
        return None
    year = int(published[:4]) - (month > int(published[5:7]))
    return f"{year:04d}-{month:02d}-{day:02d}"


def _direction(a: str, b: str, text: str, spans: list[Mention]) -> tuple[str, str]:
    """(supporter, supported) for a pair, decided once per article."""
    for m in spans:
        if m.name in (a, b) and _SUPPORT_VERB.match(text[m.end : m.end + 8]):
            return (m.name, b if m.name == a else a)
    if tier(a) != tier(b):
        return (a, b) if tier(a) > tier(b) else (b, a)
    return (a, b)


def extract(doc: CleanDocument, meta: Article) -> list[Relation]:
    """Every partnership the article states, one Relation per (pair, kind)."""
    title = to_search_form(doc.title)
    body = to_search_form(doc.text)
    text = f"{title}\n{body}"
    originals = f"{doc.title}\n{doc.text}"
    if len(text) != len(originals):  # t2s changed lengths: quote the Simplified form
        originals = text
    spans = article_mentions(text, to_search_form(meta.source or ""))
    doc_date = _event_date(body[:80], meta.date)
    found: dict[tuple, Relation] = {}
    for start, end in [(0, len(title))] + [
        (s + len(title) + 1, e + len(title) + 1) for s, e in sentence_spans(body)
    ]:
        sentence = text[start:end]
        inside = [m for m in spans if start <= m.start < end]
        names = list(dict.fromkeys(m.name for m in inside))
        kinds = kinds_in(sentence)
        if len(names) < 2 or not kinds:
            continue
        lead = next(
            (
                m.name
                for m in inside
                if re.match(r"^.{0,2}(?:发起|牵头)", text[m.end : m.end + 4])
                or text[max(m.start - 1, 0) : m.start] == "由"
            ),
            names[0],
        )
        figures = _FIGURES.search(sentence)
        date = _event_date(sentence, meta.date) or doc_date
        for kind in kinds:
            for other in names:
                if other == lead:
                    continue
                supporter, supported = _direction(lead, other, text, spans)
                rel = Relation(
                    supporter=supporter,
                    supported=supported,
                    kind=kind,
                    doc_id=doc.doc_id,
                    evidence=originals[start:end].strip(),
                    date=date or meta.date,
                    date_kind="event" if date else ("published" if meta.date else ""),
                    figures=figures.group(0) if figures and kind in EXPERT_KINDS else None,
                )
                old = found.setdefault(rel.key(), rel)
                if old.figures is None and rel.figures:  # the stated figures may come later
                    found[rel.key()] = replace(old, figures=rel.figures)
    return list(found.values())
