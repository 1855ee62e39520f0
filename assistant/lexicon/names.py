"""The one name finder: institutions, places, organizations and people in Chinese text.

Ingest uses it to mine relations and gazetteer names; question analysis uses it to find
what a question names. Institution names are found between punctuation, walking left from
a head word (医院, 保健院 …) over name-like tokens of jieba's tagger; short forms are
resolved against an article's own full names (市二院 → 东营市第二人民医院).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import jieba.posseg as pseg

from assistant.lexicon.glossary import GLOSSARY_ZH_EN

# jieba tags of proper nouns. Inside an institution name z counts too: jieba tags rare
# names (毓璜顶) so, but alone it tags phrases such as 哪些方面 with it.
PROPER_TAGS = frozenset({"ns", "nt", "nr", "nrt", "nz", "j"})
_NAME_TAGS = PROPER_TAGS | {"z"}
# Words that look like places or names but are common nouns.
GENERIC_WORDS = frozenset(
    {
        "城区",
        "市区",
        "辖区",
        "院区",
        "新区",
        "县区",
        "社区",
        "园区",
        "景区",
        "地区",
        "县城",
        "省市",
        "城市",
        "千县",
        "满意度",
        "深度",
        "多角度",
        "上联",
        "下联",
        "底联",
        "周边地区",
        "重大意义",
        "扎根",
    }
)
_NOT_PLACE_START = "全本该我各两此"  # 全市, 本县, 该区 … are not place names
# Heads of the institutions that take part in partnerships; authorities (卫健委) also head
# names that a reader may want glossed.
HEAD = r"(?:医院|保健院|卫生院|妇计中心|技术指导站|交流管理中心)"
ORG_HEAD = HEAD[:-1] + r"|医疗集团|保健协会|卫生健康委员会|卫生健康委|卫健委|卫健局)"
_STOP = '与和及、,,。;;::“”"《》!?!?()() \n丨|'
_NAME_WORDS = {
    "附属",
    "人民",
    "中心",
    "中医",
    "中医院",
    "妇幼",
    "保健",
    "妇幼保健",
    "儿童",
    "肿瘤",
    "妇产科",
    "医学院",
    "医科",
    "医科大学",
    "大学",
    "计划生育",
    "宣传",
    "学术",
    "学术交流",
    "医学",
    "医院",
    "人民医院",
    "中心医院",
    "儿童医院",
    "肿瘤医院",
    "油田",
    "立",
    "市立",
    "省立",
    "县立",
    "区立",
    "省立医院",
    "附属医院",
    "市立医院",
}
# Common nouns that end a name when walking left from its head ("调研指导市妇幼保健院").
_NOT_NAME = {
    "指导",
    "调研",
    "工作",
    "会议",
    "仪式",
    "代表",
    "领导",
    "专家",
    "群众",
    "基层",
    "医疗",
    "卫生",
    "健康",
    "服务",
    "能力",
    "水平",
    "建设",
    "发展",
    "合作",
    "单位",
    "机构",
    "科室",
    "医务",
    "人员",
    "同志",
    "活动",
    "现场",
    "期间",
    "双方",
    "两院",
    "全市",
    "全县",
    "全省",
    "当地",
    "区域",
    "省市",
    "市级",
    "县级",
    "乡镇",
    "社区",
    "我市",
    "本市",
    "该院",
    "此次",
    "首批",
    "新闻",
    "记者",
    "报道",
    "团队",
    "主任",
    "院长",
    "书记",
}
_PLACE_PREFIX = re.compile(r"^([\u4e00-\u9fff]{1,4}?(?:省|市|县|区))")
_COUNTY_GROUP = re.compile(r"((?:县|市))\((市(?:、区)?)\)")  # 丽水县(市)妇计中心: one name
_PLACE_SUFFIX = re.compile(r"(地区|省|市|县|区|镇)$")
_HEADS = {"医院", "大学", "油田", "医科大学", "中心医院", "人民医院", "医学院"}
_PLACE_FOLLOWERS = _HEADS | {
    "人民",
    "中医院",
    "中医",
    "妇幼保健",
    "妇幼保健院",
    "第一",
    "第二",
    "第三",
    "立",
    "市立",
}


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
    return (
        bool(re.fullmatch(r"[\u4e00-\u9fff]{1,4}[省市县区]", word))
        and word[:2] not in _NOT_NAME
        and word[0] not in _NOT_PLACE_START + "市县区省"
        and word not in GENERIC_WORDS
    )


def _name_token(word: str, flag: str) -> bool:
    if word in _NOT_NAME:
        return False
    return (
        flag in _NAME_TAGS
        or word in _NAME_WORDS
        or _place_token(word)
        or bool(re.fullmatch(r"第?[一二三四五六七八九十]|[省市县区]|[⁅⁆市、区]+", word))
        or (flag == "n" and len(word) == 2)
    )


def _proper_tail(prefix: str) -> tuple[str, bool]:
    """The name-like tail of the text before a head ('此次胜利油田中心' → '胜利油田中心'),
    and whether it holds a proper name (a place, an organization, a person)."""
    keep: list[str] = []
    proper = False
    tokens = list(pseg.cut(prefix))
    for i in range(len(tokens) - 1, -1, -1):
        word, flag = tokens[i]
        if not _name_token(word, flag):
            # a place jieba does not know ('垦利'+'区', '陵'+'城区'): the stem before the suffix
            if (
                keep
                and keep[0][-1] in "县区市"
                and not _place_token(keep[0])
                and len(word) <= 2
                and flag in ("vn", "ng", "n", "a", "j", "nz", "nr")
                and word not in _NOT_NAME
            ):
                keep.insert(0, word)
                proper = True
            break
        keep.insert(0, word)
        proper = proper or flag in _NAME_TAGS or _place_token(word)
    return "".join(keep), proper


def full_names(text: str, heads: str = HEAD) -> list[tuple[str, int, int]]:
    """Institution names that carry their own place or organization prefix, with spans.

    A name inside a longer one of the same segment (山东大学齐鲁医院 in
    山东大学齐鲁医院德州医院) is not reported separately.
    """
    protected = _COUNTY_GROUP.sub(lambda m: m.group(1) + "⁅" + m.group(2) + "⁆", text)
    found: list[tuple[str, int, int]] = []
    for seg in re.finditer(rf"[^{re.escape(_STOP)}]+", protected):
        for head in re.finditer(heads, seg.group(0)):
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
    rest = name[place.end() :] if place else name
    if place:
        level = place.group(1)[-1]
        out |= {place.group(1)[:-1] + rest, level + rest}
        if level == "县" and rest == "人民医院":
            out.add("县医院")
    m = re.search(r"第([一二三四五六七八九十])(?:人民)?医院$", rest)
    if m:
        out |= {
            f"{m.group(1)}院",
            f"市{m.group(1)}院" if place and place.group(1).endswith("市") else "",
        }
    if rest.endswith("妇幼保健院"):
        stem = rest[: -len("妇幼保健院")]
        out |= {
            stem + "妇保院",
            "市妇保院" if place and place.group(1).endswith("市") else "",
            "妇保院",
        }
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


def article_mentions(text: str, outlet: str | None) -> list[Mention]:
    """All institution mentions of one article (Simplified text), resolved to full names."""
    raw = full_names(text)
    canon = _merge_variants([n for n, _, _ in raw])
    spans: list[Mention] = []
    for name, start, end in raw:
        prev = spans[-1] if spans else None
        if prev and text[prev.end : start] == "(" and text[end : end + 1] == ")":
            canon[name] = prev.name  # 杭州市妇产科医院(杭州市妇幼保健院): one institution
        spans.append(Mention(canon[name], start, end))
    table: dict[str, set[str]] = {}
    for full in {m.name for m in spans}:
        for alias in aliases(full):
            table.setdefault(alias, set()).add(full)
    taken = [(m.start, m.end) for m in spans]
    short = {a: next(iter(fs)) for a, fs in table.items() if len(fs) == 1}
    if outlet and re.search(HEAD + "$", outlet):
        short["我院"] = outlet
    for alias in sorted(short, key=len, reverse=True):
        for m in re.finditer(re.escape(alias), text):
            if all(m.end() <= a or m.start() >= b for a, b in taken):
                spans.append(Mention(short[alias], m.start(), m.end()))
                taken.append((m.start(), m.end()))
    return sorted(spans, key=lambda m: m.start)


def harvest(text: str) -> dict[str, str]:
    """Places, organizations and people named in `text` (search form), each with its kind
    ('place', 'org', 'person'), plus the stems an English question may use (胜利油田 → 胜利)."""
    found: dict[str, str] = {}
    tagged = list(pseg.cut(text))
    for (word, flag), (after, _) in zip(tagged, tagged[1:] + [("", "")], strict=True):
        if len(word) < 2 or word in GENERIC_WORDS:
            continue
        if (
            after in _PLACE_FOLLOWERS
            and re.fullmatch(r"[\u4e00-\u9fff]{1,4}[县市区]", word)
            and word[0] not in _NOT_PLACE_START
        ):
            found[word] = "place"  # 冠县(人民医院): a place jieba does not tag as one
        elif after in _HEADS and flag in PROPER_TAGS and word not in GLOSSARY_ZH_EN:
            found.setdefault(word, "org")  # 齐鲁(医院), 山东(大学), 胜利(油田)
        if flag == "ns" and (
            _PLACE_SUFFIX.search(word) or re.search(word + "(市|县|区|医|大学)", text)
        ):
            found[word] = "place"
        elif flag == "nt" and not word.endswith(("医院", "政府", "会", "局")):
            found[word] = "org"
        elif flag == "nr" and len(word) == 3:
            found[word] = "person"
    for word, kind in list(found.items()):
        if kind == "place":
            stem = _PLACE_SUFFIX.sub("", word)
        else:  # 胜利油田 → 胜利, 山东大学 → 山东
            stem = next((word[: -len(h)] for h in _HEADS if word.endswith(h)), word)
        if len(stem) >= 1 and stem != word:
            found.setdefault(stem, kind)
    return found


def proper_nouns(text: str) -> list[str]:
    """Words of two or more characters that jieba tags as proper nouns."""
    return [word for word, flag in pseg.cut(text) if flag in PROPER_TAGS and len(word) >= 2]
