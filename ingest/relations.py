"""Relations: mine typed partnerships (who supports whom, how, when) from one article.

Rule-based and offline. Institution names are found in each sentence (segments
between punctuation, trimmed with jieba's tagger to the proper-noun part), short forms
are resolved against the article's own full names (市二院 → 东营市第二人民医院,
山大二院 → 山东大学第二医院), and any sentence or title that names two institutions and a
partnership term (the kinds table) states a relation. Who supports whom comes from the
sentence's own words where it has them: the agent of a support verb (A支援/帮扶/托管/派驻/
选派/派出…B, A、B和C共同帮扶D, 由A牵头), the object of one (向B派驻, 派出专家到B), the
side of a receiving verb (B接受/迎来/得到A的…, B由A托管, B加入A…联盟); else from the
institutions' tiers (university/province over city over county over township); else from
a support verb after either name elsewhere in the article; else from the order of mention.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.lexicon.kinds import EXPERT_KINDS, SYMMETRIC_KINDS, kinds_in
from assistant.lexicon.names import Mention, article_mentions, tier
from assistant.textnorm import sentence_spans, to_search_form
from assistant.types import Article, Relation

from .clean import CleanDocument
from .facts import event_date

_SUPPORT_VERB = re.compile(
    r"^(?:首批|再次|继续|先后|向\S{0,12}?)?(?:派驻|支援|帮扶|派出|选派|托管)"
)
# The words of one sentence that give each institution its side.
_ACTIVE = (
    r"(?:对口支援|对口帮扶|结对帮扶|支援|帮扶|托管|派驻|派出|选派|下派|派遣|外派|援建|牵头|发起"
    r"|领衔|领办|对口|全面托管|整体托管|派(?=专家|医生|医护|骨干|团队))"
)
_FILLER = (
    r"(?:等?[\d一二三四五六七八九十两]*[家个所名位批支]?(?:医院|单位|医疗机构)?|的|专家|团队"
    r"|专家团队|医疗队|管理团队|业务骨干|骨干|医生|将|已|已经|正式|共同|联合|分别|先后|相继"
    r"|再次|继续|首批|第[一二三四五六七八九十\d]+批|全面|整体|长期|持续|积极|主动|定期|还|也"
    r"|均|都|每年|每季度|每月|每周|今年|一直|多年来|近年来|实行|负责|作为)*?"
)
_AGENT_AFTER = re.compile(rf"^{_FILLER}{_ACTIVE}")  # A首批派驻…, A、B等3家医院先后派出…
_RECEIVE = r"(?:接受|接收|迎来|迎接|受到|得到|获得|承接|加入|纳入|被|受)"
_AGENT_BEFORE = re.compile(rf"{_RECEIVE}了?(?:来自)?$")  # …接受A…, …迎来了A…
_OBJECT_AFTER = re.compile(rf"^{_FILLER}(?:{_RECEIVE}|由)")  # B接受…, B由A托管
_OBJECT_BEFORE = re.compile(  # …托管B, …派出专家到B; 向/为/对/给 B when a support verb follows
    r"(?:对口支援|对口帮扶|结对帮扶|支援|帮扶|托管|派驻|援建|进驻|入驻|派往|派赴|驻点)(?:到|至|于)?$"
    r"|(?:派驻|派出|选派|下派|派遣|外派|下沉|派)[^,;:]{0,12}?(?:到|至|赴)$"
)
_TRAINEES = re.compile(r"^(?:进修|学习|培训|跟岗|轮训|规培|参观)")  # 选派医生到B进修: B teaches
_PREPOSITION = re.compile(
    r"(?:(?<![面方走导志意倾趋])向|(?<![作成认因以称])为|(?<![针面相绝反核])对|给)$"
)
_LIST_JOIN = re.compile(r"^(?:、|和|及|以及|与|同|跟)$")
_NAV = re.compile(r"^\s*(?:上一篇|下一篇|上一条|下一条|相关阅读|推荐阅读|相关链接|相关新闻)")
_PUNCT = re.compile(r"[,,;;::!?!?。]")

_FIGURES = re.compile(
    r"(?:专家|医生|医务人员|医护人员)共?(\d+)名(?:[,,]?其中[^。;]*?\d+名[^。;]*?\d+名)?"
    r"|(\d+)名专家工作站|(\d+)个专家工作站"
)


def _sentences(body: str) -> list[tuple[int, int]]:
    """Sentence spans line by line: sentence_spans drops a line that has no end mark
    (a headline repeated in the body) unless it is the last one."""
    out, at = [], 0
    for line in body.split("\n"):
        out += [(at + s, at + e) for s, e in sentence_spans(line)]
        at += len(line) + 1
    return out


def _direction(a: str, b: str, text: str, spans: list[Mention]) -> tuple[str, str]:
    """(supporter, supported) for a pair the sentence leaves open: by tier, else by a
    support verb after either name anywhere in the article, else in the order given."""
    if tier(a) != tier(b):
        return (a, b) if tier(a) > tier(b) else (b, a)
    for m in spans:
        if m.name in (a, b) and _SUPPORT_VERB.match(text[m.end : m.end + 8]):
            return (m.name, b if m.name == a else a)
    return (a, b)


def _roles(sentence: str, inside: list[Mention], offset: int) -> dict[str, str]:
    """'agent' or 'object' for the names whose side the sentence's own words give."""
    found: dict[str, set[str]] = {}
    marks: list[str | None] = []
    for i, m in enumerate(inside):
        lo = inside[i - 1].end - offset if i else 0
        hi = inside[i + 1].start - offset if i + 1 < len(inside) else len(sentence)
        before = _PUNCT.split(sentence[lo : m.start - offset])[-1]
        after = _PUNCT.split(sentence[m.end - offset : hi])[0]
        rest = _PUNCT.split(sentence[m.end - offset :])[0]
        role = None
        if _PREPOSITION.search(before) and re.match(rf"^.{{0,8}}?{_ACTIVE}", rest):
            role = "object"  # 向B派驻, 对B进行托管
            if i and not marks[i - 1] and before == sentence[lo : m.start - offset]:
                marks[i - 1] = "agent"  # A向B…: A is the agent
        elif _OBJECT_BEFORE.search(before):  # the words before a name outweigh those after
            role = "agent" if _TRAINEES.match(after) else "object"
        elif _AGENT_BEFORE.search(before) or _AGENT_AFTER.match(after):
            role = "agent"
        elif _OBJECT_AFTER.match(after):
            role = "object"
        if before.endswith("由") and not _AGENT_AFTER.match(after):
            role = None  # 仪式由A主持: no side
        marks.append(role)
    # a list joined by 、和及 shares the side of its member next to the verb
    for _ in range(2):
        for i in range(len(inside) - 1):
            gap = sentence[inside[i].end - offset : inside[i + 1].start - offset]
            if _LIST_JOIN.match(gap) and (marks[i] is None) != (marks[i + 1] is None):
                marks[i] = marks[i + 1] = marks[i] or marks[i + 1]
    for m, role in zip(inside, marks, strict=True):
        found.setdefault(m.name, set()).add(role or "")
    return {name: next(iter(r - {""})) for name, r in found.items() if len(r - {""}) == 1}


def _pairs(
    sentence: str, inside: list[Mention], offset: int, text: str, spans: list[Mention], kind: str
) -> list[tuple[str, str]]:
    """(supporter, supported) pairs one sentence states."""
    names = list(dict.fromkeys(m.name for m in inside))
    roles = _roles(sentence, inside, offset)
    agents = [n for n in names if roles.get(n) == "agent"]
    objects = [n for n in names if roles.get(n) == "object"]
    others = [n for n in names if n not in roles]
    if agents and (objects or others):
        pairs = [(a, b) for a in agents for b in objects + others]
    elif objects and others:
        pairs = [(a, b) for a in others for b in objects]
    else:  # no side given: the lowest tier is supported by the others, by tier
        tiers = {n: tier(n) for n in names}
        low = [n for n in names if tiers[n] == min(tiers.values())]
        if len(names) > 2 and len(low) < len(names):
            pairs = [(a, b) for a in names if a not in low for b in low]
        else:
            pairs = [_direction(names[0], b, text, spans) for b in names[1:]]
    if kind in SYMMETRIC_KINDS:  # no supporting side: keep the tier order for display
        pairs = [_direction(a, b, text, spans) for a, b in pairs]
    return list(dict.fromkeys(pairs))


def extract(doc: CleanDocument, meta: Article) -> list[Relation]:
    """Every partnership the article states, one Relation per (pair, kind)."""
    title = to_search_form(doc.title)
    body = to_search_form(doc.text)
    text = f"{title}\n{body}"
    originals = f"{doc.title}\n{doc.text}"
    if len(text) != len(originals):  # t2s changed lengths: quote the Simplified form
        originals = text
    spans = article_mentions(text, to_search_form(meta.source or ""))
    doc_date = event_date(body[:80], meta.date)
    found: dict[tuple, Relation] = {}
    for start, end in [(0, len(title))] + [
        (s + len(title) + 1, e + len(title) + 1) for s, e in _sentences(body)
    ]:
        sentence = text[start:end]
        inside = [m for m in spans if start <= m.start and m.end <= end]
        kinds = kinds_in(sentence)
        if len({m.name for m in inside}) < 2 or not kinds or _NAV.match(sentence):
            continue
        figures = _FIGURES.search(sentence)
        date = event_date(sentence, meta.date) or doc_date
        for kind in kinds:
            for supporter, supported in _pairs(sentence, inside, start, text, spans, kind):
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
