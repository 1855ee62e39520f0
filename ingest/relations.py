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
from dataclasses import dataclass, replace

import jieba.posseg as pseg

from assistant.textnorm import sentence_spans, to_search_form
from assistant.types import Relation

from .clean import CleanDocument
from .metadata import DocumentMeta

_HEAD = r"(?:医院|保健院|卫生院|妇计中心|技术指导站|交流管理中心)"
_STOP = "与和及、,,。;;::“”\"《》!?!?()() \n丨|"
_PROPER = {"ns", "nt", "nr", "nrt", "nz", "j", "z"}  # z: jieba tags rare names (毓璜顶) so
_NAME_WORDS = {"附属", "人民", "中心", "中医", "中医院", "妇幼", "保健", "妇幼保健", "儿童", "肿瘤", "妇产科", "医学院",
               "医科", "医科大学", "大学", "计划生育", "宣传", "学术", "学术交流", "医学", "医院", "人民医院",
               "中心医院", "儿童医院", "肿瘤医院", "油田", "立", "市立", "省立", "县立", "区立", "省立医院",
               "附属医院", "市立医院"}
# Common nouns that end a name when walking left from its head ("调研指导市妇幼保健院").
_NOT_NAME = {"指导", "调研", "工作", "会议", "仪式", "代表", "领导", "专家", "群众", "基层", "医疗", "卫生", "健康",
             "服务", "能力", "水平", "建设", "发展", "合作", "单位", "机构", "科室", "医务", "人员", "同志", "活动",
             "现场", "期间", "双方", "两院", "全市", "全县", "全省", "当地", "区域", "省市", "市级", "县级", "乡镇",
             "社区", "我市", "本市", "该院", "此次", "首批", "新闻", "记者", "报道", "团队", "主任", "院长", "书记"}
_PLACE_PREFIX = re.compile(r"^([\u4e00-\u9fff]{1,4}?(?:省|市|县|区))")
_COUNTY_GROUP = re.compile(r"((?:县|市))\((市(?:、区)?)\)")  # 丽水县(市)妇计中心: one name
# (kind, trigger) in order of precedence; a sentence may carry several kinds.
TRIGGERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("对口支援", re.compile(r"对口支援|对口帮扶")),
    ("紧密型医联体", re.compile(r"紧密型医联体|紧密型县域医共体")),
    ("城市医疗集团", re.compile(r"城市医疗集团")),
    ("派驻专家", re.compile(r"派驻.{0,20}专家|专家.{0,6}派驻|专家.{0,4}入驻")),
    ("一体化融合", re.compile(r"一体化融合|融合发展")),
    ("专家工作站", re.compile(r"专家工作站")),
    ("医联体成员", re.compile(r"成立医联体|联合成立|加入.{0,6}医联体")),
    ("签约合作", re.compile(r"签署.{0,6}(?:合作|协议)|签约|合作协议")),
)
_SUPPORT_VERB = re.compile(r"^(?:首批|再次|继续|先后|向\S{0,12}?)?(?:派驻|支援|帮扶|派出|选派|托管)")
_MD = re.compile(r"(\d{1,2})月(\d{1,2})日")
_LOST_MONTH = re.compile(r"(?<![\d月])(1[0-2]|[1-9])(\d{1,2})日")  # "129日": 月 lost
_FIGURES = re.compile(r"(?:专家|医生|医务人员|医护人员)共?(\d+)名(?:[,,]?其中[^。;]*?\d+名[^。;]*?\d+名)?"
                      r"|(\d+)名专家工作站|(\d+)个专家工作站")


@dataclass(frozen=True)
class Mention:
    name: str  # canonical (full) name
    start: int
    end: int


def tier(name: str) -> int:
    """Rough level of an institution: national/university/province 3, city 2, county 1."""
    if re.search(r"大学|国家|省", name):
        return 3
    place = _PLACE_PREFIX.match(name)
    return 1 if place and re.search(r"县|区|乡|镇", place.group(1)) else 2


def _place_token(word: str) -> bool:
    return (bool(re.fullmatch(r"[\u4e00-\u9fff]{1,4}[省市县区]", word)) and word[:2] not in _NOT_NAME
            and word[0] not in "全本该我各两此市县区省" and word not in _AREA_NOUNS)


_AREA_NOUNS = {"城区", "市区", "辖区", "院区", "社区", "园区", "景区", "地区", "新区", "县城", "省市"}


def _name_token(word: str, flag: str) -> bool:
    if word in _NOT_NAME:
        return False
    return (flag in _PROPER or word in _NAME_WORDS or _place_token(word)
            or bool(re.fullmatch(r"第?[一二三四五六七八九十]|[省市县区]|[⁅⁆市、区]+", word))
            or (flag == "n" and len(word) == 2))


def _proper_tail(prefix: str) -> tuple[str, bool]:
    """The name-like tail of the text before a head ('此次胜利油田中心' → '胜利油田中心'),
    and whether it holds a proper name (a place, an organization, a person)."""
    keep: list[str] = []
    proper = False
    tokens = list(pseg.cut(prefix))
    for i in range(len(tokens) - 1, -1, -1):
        word, flag = tokens[i]
        if not _name_token(word, flag):
            # a place jieba does not know ('垦利'+'区', '陵'+'城区'): take the stem before the suffix
            if keep and keep[0][-1] in "县区市" and not _place_token(keep[0]) and len(word) <= 2 \
                    and flag in ("vn", "ng", "n", "a", "j", "nz", "nr") and word not in _NOT_NAME:
                keep.insert(0, word)
                proper = True
            break
        keep.insert(0, word)
        proper = proper or flag in _PROPER or _place_token(word)
    return "".join(keep), proper


def full_names(text: str) -> list[tuple[str, int, int]]:
    """Institution names that carry their own place or organization prefix, with spans.

    A name inside a longer one of the same segment (山东大学齐鲁医院 in
    山东大学齐鲁医院德州医院) is not reported separately.
    """
    protected = _COUNTY_GROUP.sub(lambda m: m.group(1) + "⁅" + m.group(2) + "⁆", text)
    found: list[tuple[str, int, int]] = []
    for seg in re.finditer(rf"[^{re.escape(_STOP)}]+", protected):
        for head in re.finditer(_HEAD, seg.group(0)):
            tail, proper = _proper_tail(seg.group(0)[: head.start()])
            name = tail + head.group(0)
            if not proper or len(name) < 5:
                continue
            end = seg.start() + head.end()
            start = end - len(name)
            found = [f for f in found if not (f[1] == start and f[2] < end)]  # keep the longer
            found.append((name.replace("⁅", "(").replace("⁆", ")"), start, end))
    return found


def aliases(name: str) -> set[str]:
    """Short forms an article may use for `name` once it has named it in full."""
    out = set()
    place = _PLACE_PREFIX.match(name)
    rest = name[place.end():] if place else name
    if place:
        level = place.group(1)[-1]
        out |= {place.group(1)[:-1] + rest, level + rest}
        if level == "县" and rest == "人民医院":
            out.add("县医院")
    m = re.search(r"第([一二三四五六七八九十])(?:人民)?医院$", rest)
    if m:
        out |= {f"{m.group(1)}院", f"市{m.group(1)}院" if place and place.group(1).endswith("市") else ""}
    if rest.endswith("妇幼保健院"):
        stem = rest[: -len("妇幼保健院")]
        out |= {stem + "妇保院", "市妇保院" if place and place.group(1).endswith("市") else "", "妇保院"}
    u = re.match(r"^([\u4e00-\u9fff])[\u4e00-\u9fff]大学(.+)$", name)
    if u:
        tail = re.sub(r"^第([一二三四五六七八九十])医院$", r"\1院", u.group(2))
        out |= {f"{u.group(1)}大{tail}", u.group(2) if len(u.group(2)) >= 4 else ""}
    org = re.match(r"^([\u4e00-\u9fff]{2,4}油田)(.+医院)$", name)
    if org:
        out.add(org.group(2))
    out.discard("")
    out.discard(name)
    return {a for a in out if len(a) >= 3}


def _merge_variants(names: list[str]) -> dict[str, str]:
    """Map each name to its fullest variant: 丽水妇幼保健院 → 丽水市妇幼保健院."""
    canon: dict[str, str] = {}
    for name in sorted(set(names), key=len, reverse=True):
        canon[name] = next((c for c in canon.values() if name in aliases(c)), name)
    return canon


def mentions(text: str, outlet: str | None) -> list[Mention]:
    """All institution mentions of one article (Simplified text), resolved to full names."""
    raw = full_names(text)
    canon = _merge_variants([n for n, _, _ in raw])
    spans: list[Mention] = []
    for name, start, end in raw:
        prev = spans[-1] if spans else None
        if prev and text[prev.end:start] == "(" and text[end:end + 1] == ")":
            canon[name] = prev.name  # 杭州市妇产科医院(杭州市妇幼保健院): one institution
        spans.append(Mention(canon[name], start, end))
    table: dict[str, set[str]] = {}
    for full in {m.name for m in spans}:
        for alias in aliases(full):
            table.setdefault(alias, set()).add(full)
    taken = [(m.start, m.end) for m in spans]
    short = {a: next(iter(fs)) for a, fs in table.items() if len(fs) == 1}
    if outlet and re.search(_HEAD + "$", outlet):
        short["我院"] = outlet
    for alias in sorted(short, key=len, reverse=True):
        for m in re.finditer(re.escape(alias), text):
            if all(m.end() <= a or m.start() >= b for a, b in taken):
                spans.append(Mention(short[alias], m.start(), m.end()))
                taken.append((m.start(), m.end()))
    return sorted(spans, key=lambda m: m.start)


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
        if m.name in (a, b) and _SUPPORT_VERB.match(text[m.end:m.end + 8]):
            return (m.name, b if m.name == a else a)
    if tier(a) != tier(b):
        return (a, b) if tier(a) > tier(b) else (b, a)
    return (a, b)


def extract(doc: CleanDocument, meta: DocumentMeta) -> list[Relation]:
    """Every partnership the article states, one Relation per (pair, kind)."""
    title = to_search_form(doc.title)
    body = to_search_form(doc.text)
    text = f"{title}\n{body}"
    originals = f"{doc.title}\n{doc.text}"
    if len(text) != len(originals):  # t2s changed lengths: quote the Simplified form
        originals = text
    spans = mentions(text, to_search_form(meta.source or ""))
    doc_date = _event_date(body[:80], meta.date)
    found: dict[tuple, Relation] = {}
    for start, end in [(0, len(title))] + [(s + len(title) + 1, e + len(title) + 1) for s, e in sentence_spans(body)]:
        sentence = text[start:end]
        inside = [m for m in spans if start <= m.start < end]
        names = list(dict.fromkeys(m.name for m in inside))
        matched = [kind for kind, trigger in TRIGGERS if trigger.search(sentence)]
        # the most specific kind wins; stationed experts are kept beside it for their figures
        kinds = list(dict.fromkeys(matched[:1] + [k for k in matched if k == "派驻专家"]))
        if len(names) < 2 or not kinds:
            continue
        lead = next((m.name for m in inside if re.match(r"^.{0,2}(?:发起|牵头)", text[m.end:m.end + 4])
                     or text[max(m.start - 1, 0):m.start] == "由"), names[0])
        figures = _FIGURES.search(sentence)
        date = _event_date(sentence, meta.date) or doc_date
        for kind in kinds:
            for other in names:
                if other == lead:
                    continue
                supporter, supported = _direction(lead, other, text, spans)
                rel = Relation(
                    supporter=supporter, supported=supported, kind=kind, doc_id=doc.doc_id,
                    evidence=originals[start:end].strip(), date=date or meta.date,
                    date_kind="event" if date else ("published" if meta.date else ""),
                    figures=figures.group(0) if figures and kind in ("派驻专家", "专家工作站") else None,
                )
                old = found.setdefault(rel.key(), rel)
                if old.figures is None and rel.figures:  # the stated figures may come later
                    found[rel.key()] = replace(old, figures=rel.figures)
    return list(found.values())
