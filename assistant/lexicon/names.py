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

from assistant.lexicon.glossary import COMPOUND_SURNAMES, GLOSSARY_ZH_EN, SURNAMES
from assistant.lexicon.roles import ROLE_CHAIN

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
        "上台",  # jieba's dictionary tags these verbs as places
        "下台",
        "登台",
    }
)
_NOT_PLACE_START = "全本该我各两此"  # 全市, 本县, 该区 … are not place names
# Heads of the institutions that take part in partnerships; authorities (卫健委) also head
# names that a reader may want glossed.
# 中医院, 中西医结合医院 and 总医院 come whole: jieba cuts 县中 and 结合 off the name.
HEAD = (
    r"(?:中西医结合医院|中医医院|中医院|总医院|医院|保健院|卫生院|妇计中心|技术指导站"
    r"|交流管理中心)"
)
ORG_HEAD = HEAD[:-1] + (
    r"|分院|医疗集团|保健协会|卫生健康委员会|卫生健康委|卫健委|卫健局|卫生计生委|卫计委)"
)
# 与, 和 and 及 end a name by jieba's tags (c, p), not here: 太和县, 和平区 hold them.
_STOP = '、,,。;;::“”"《》!?!?()() \n丨|'
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
_REGION_PREFIX = re.compile(r"^(?:[\u4e00-\u9fff]{2,3}?省|[\u4e00-\u9fff]{2,6}?自治区)")
_TOWN_PREFIX = re.compile(r"^[\u4e00-\u9fff]{1,4}?(?:镇|乡|街道|区|县)")
_MUNICIPALITIES = frozenset({"北京", "天津", "上海", "重庆"})
# Autonomous prefectures, named 恩施州 or 恩施土家族苗族自治州: a place like a city (州二院).
_PREFECTURE_ZHOU = re.compile(
    r"^((?:延边|恩施|湘西|阿坝|甘孜|凉山|黔西南|黔东南|黔南|楚雄|红河|文山|西双版纳|大理|德宏|怒江"
    r"|迪庆|临夏|甘南|海北|黄南|果洛|玉树|海西|昌吉|博尔塔拉|巴音郭楞|克孜勒苏|伊犁)"
    r"[\u4e00-\u9fff]{0,8}?州)"
)
# Prefecture-level cities: any other 某某市 is a county-level city (乐陵市, 林州市).
_PREFECTURE_NAMES = """
    石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水 太原 大同 阳泉 长治 晋城 朔州
    晋中 运城 忻州 临汾 吕梁 呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布
    沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛 长春 吉林 四平
    辽源 通化 白山 松原 白城 哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江
    黑河 绥化 南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁 杭州 宁波
    温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水 合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆
    黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城 福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德 南昌
    景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶 济南 青岛 淄博 枣庄 东营 烟台 潍坊
    济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽 莱芜 郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡
    焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店 济源 武汉 黄石 十堰 宜昌 襄阳 鄂州
    荆门 孝感 荆州 黄冈 咸宁 随州 长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州
    怀化 娄底 广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江
    清远 东莞 中山 潮州 揭阳 云浮 南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州
    河池 来宾 崇左 海口 三亚 三沙 儋州 成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山
    南充 眉山 宜宾 广安 达州 雅安 巴中 资阳 贵阳 六盘水 遵义 安顺 毕节 铜仁 昆明 曲靖 玉溪
    保山 昭通 丽江 普洱 临沧 拉萨 日喀则 昌都 林芝 山南 那曲 西安 铜川 宝鸡 咸阳 渭南 延安
    汉中 榆林 安康 商洛 兰州 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南 西宁
    海东 银川 石嘴山 吴忠 固原 中卫 乌鲁木齐 克拉玛依 吐鲁番 哈密
"""
PREFECTURES = frozenset(_PREFECTURE_NAMES.split())
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
    """Rough level of an institution: national/university/province 3, city 2, county 1
    (counties, districts, county-level cities), township 0. The innermost place named
    decides: 河南省林州市人民医院 is a county-level hospital."""
    if re.search(r"大学|国家|医学院|医科", name):
        return 3
    if re.search(r"卫生院$|卫生室$|社区卫生服务", name):
        return 0
    level, rest = 2, name
    region = _REGION_PREFIX.match(rest)
    if region:
        level, rest = 3, rest[region.end() :]
    while place := _PLACE_PREFIX.match(rest):
        stem, suffix = place.group(1)[:-1], place.group(1)[-1]
        rest = rest[place.end() :]
        if suffix in "县区":
            return 1
        level = 3 if suffix == "省" or stem in _MUNICIPALITIES else 1
        if stem in PREFECTURES and suffix == "市":
            level = 2
    return level


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
        or (word[0] in "省市县区" and word[1:] in _NAME_WORDS)  # 南阳|市中心|医院
        or _place_token(word)
        or bool(re.fullmatch(r"第?[一二三四五六七八九十]|[省市县区镇乡]|[⁅⁆市、区]+", word))
        or (flag == "n" and len(word) == 2)
    )


_SCHOOLS = {"大学", "医科大学", "医学院", "学院"}


def _school_stem(word: str) -> bool:
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{2,4}", word)) and word not in _NOT_NAME


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
                and keep[0][-1] in "县区市镇乡"
                and not _place_token(keep[0])
                and len(word) <= 2
                and flag in ("vn", "ng", "n", "a", "j", "nz", "nr", "nrfg")
                and word not in _NOT_NAME
            ):
                keep.insert(0, word)
                proper = True
                if keep[1][-1] in "镇乡":  # 马+集镇: the county or city before it belongs too
                    continue
            elif keep and keep[0] in _SCHOOLS and _school_stem(word):
                keep.insert(0, word)  # 大理(n)+大学, 遵义(v)+医科大学: a university's place
                proper = True
            break
        school = bool(keep) and keep[0] in _SCHOOLS and _school_stem(word)
        keep.insert(0, word)
        proper = proper or flag in _NAME_TAGS or _place_token(word) or school
    # a common noun just before a place starts no name (领办+江油市人民医院); 烟台(n)+毓璜顶 stays
    while len(keep) > 1 and keep[0] not in _NAME_WORDS and _place_token(keep[1]):
        if len(keep[0]) != 2 or dict(tokens).get(keep[0]) != "n":
            break
        keep.pop(0)
    return "".join(keep), proper


# Place levels a particle may be glued to by jieba (调研了市…: 了市), starting no name.
_LEVELS = frozenset("市县区省")


def particle_cut(word: str) -> bool:
    """Whether `word` starts with a particle jieba glued to the level word after it (调研了市
    妇幼保健院: 了市; 两篇里市卫健委: 里市; 医联体里省、市级: 里省). Not 和县, a county."""
    return len(word) >= 2 and word[0] in "了的里在跟是把对从向被给" and word[1] in _LEVELS


def full_names(text: str, heads: str = HEAD) -> list[tuple[str, int, int]]:
    """Institution names that carry their own place or organization prefix, with spans.

    A name inside a longer one of the same segment (山东大学齐鲁医院 in
    山东大学齐鲁医院德州医院) is not reported separately.
    """
    protected = _COUNTY_GROUP.sub(lambda m: m.group(1) + "⁅" + m.group(2) + "⁆", text)
    found: list[tuple[str, int, int]] = []
    for seg in re.finditer(rf"[^{re.escape(_STOP)}]+", protected):
        prev, prev_end = "", 0  # the name found before, and where its head ends
        for head in re.finditer(heads, seg.group(0)):
            # read the words after the last head only ('…保健院由四川省儿童医院': jieba cuts
            # 院由); a name that fills them extends the one before (…齐鲁医院+德州医院)
            between = seg.group(0)[prev_end : head.start()]
            tail, proper = _proper_tail(between)
            if prev and tail and tail == between:
                tail, proper = prev + tail, True
            name = tail + head.group(0)
            if particle_cut(name):
                name = name[1:]
            prev, prev_end = "", head.end()
            if not proper or len(name) < 5:
                continue
            prev = name
            end = seg.start() + head.end()
            start = end - len(name)
            found = [f for f in found if not (f[1] == start and f[2] < end)]  # keep the longer
            found.append((name.replace("⁅", "(").replace("⁆", ")"), start, end))
    return found


def aliases(name: str) -> set[str]:
    """Short forms an article may use for `name` once it has named it in full."""
    out = set()
    place = _PLACE_PREFIX.match(name) or _PREFECTURE_ZHOU.match(name)
    rest = name[place.end() :] if place else name
    region = re.match(r"^[\u4e00-\u9fff]{2,6}?自治区", name)
    if region and not place:  # 广西壮族自治区人民医院 → 自治区人民医院, 区人民医院
        rest = name[region.end() :]
        out |= {"自治区" + rest, "区" + rest}
    if place:
        level = place.group(1)[-1]
        out |= {place.group(1)[:-1] + rest, level + rest}
        if level == "县" and rest == "人民医院":
            out.add("县医院")
    m = re.search(r"第([一二三四五六七八九十])(?:人民)?医院$", rest)
    if m:
        out |= {
            f"{m.group(1)}院",
            f"{place.group(1)[-1]}{m.group(1)}院" if place and place.group(1)[-1] in "市州" else "",
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
        generic = re.match(r"^(?:第|附属|人民医院$|中心医院$)", u.group(2))  # not 第二医院 alone
        out |= {f"{u.group(1)}大{tail}", u.group(2) if len(u.group(2)) >= 4 and not generic else ""}
    org = re.match(r"^([\u4e00-\u9fff]{2,4}油田)(.+医院)$", name)
    if org:
        out.add(org.group(2))
    if place and _TOWN_PREFIX.match(rest):  # 林州市柳林镇卫生院 → 柳林镇卫生院
        out.add(rest)
    out |= _university_short_forms(name)
    out.discard("")
    out.discard(name)
    return {a for a in out if len(a) >= 3}


# The hospital part of a university hospital's name, its short forms, and whether they
# name it without the school too (附二院: an affiliated hospital, numbered; not 二院, 人民医院).
_UNI_HOSPITAL = (
    (re.compile(r"^第([一二三四五六七八九十])附属医院$"), ("{}附院", "附{}院"), True),
    (re.compile(r"^附属第([一二三四五六七八九十])医院$"), ("附{}院", "{}附院"), True),
    (re.compile(r"^第([一二三四五六七八九十])(?:人民)?医院$"), ("{}院",), False),
    (re.compile(r"^附属医院()$"), ("附院",), False),
    (re.compile(r"^(人民医院)$"), ("{}",), False),
)


def _university_short_forms(name: str) -> set[str]:
    """郑州大学第一附属医院 → 郑大一附院, 安徽医科大学第一附属医院 → 安医大一附院,
    河北医科大学第二医院 → 河北医大二院, 武汉大学人民医院 → 武大人民医院."""
    m = re.match(r"^([\u4e00-\u9fff]{2,4}?)(医科大学|大学)(.+)$", name)
    if not m:
        return set()
    stem, school, hospital = m.groups()
    if school == "大学":
        schools = {stem[0] + "大"} if len(stem) == 2 else set()
    else:
        schools = {stem[0] + "医大", stem + "医大", stem[0] + "医"}
    out = set()
    for pattern, forms, alone in _UNI_HOSPITAL:
        h = pattern.match(hospital)
        if h:
            out |= {s + f.format(h.group(1)) for s in schools for f in forms}
            if alone:  # 附二院: the school understood
                out |= {f.format(h.group(1)) for f in forms}
    return out


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


# Characters and words no person's name holds (卫健委, 班子, 高水平, 儿童呼吸科 …).
_NOT_PERSON_CHARS = set("科院委局镇市县区省乡村站室部处所队厅办司会组子支团社心府")
_NOT_PERSON_WORDS = [
    "水平",
    "医院",
    "中心",
    "医生",
    "大学",
    "工作",
    "健康",
    "保健",
    "儿童",
    "服务",
    "合作",
    "发展",
    "建设",
    "联盟",
    "政府",
    "集团",
    "专家",
    "领导",
    "主任",
    "书记",
    "院长",
    "医疗",
    "卫生",
    "人民",
    "群众",
    "基层",
    "能力",
    "管理",
    "技术",
    "学术",
    "项目",
    "党组",
    "党政",
    "总支",
    "支部",
    "班子",
    "成员",
    "工会",
    "团队",
    "小组",
]
_GENERIC_ORGS = {"中医药", "党工委", "工委", "党委", "卫生室", "国家队", "医共体", "医联体"}
_SURNAME = "(?:" + "|".join(sorted(COMPOUND_SURNAMES)) + "|[" + "".join(sorted(SURNAMES)) + "])"
# What may follow a name written after its role: punctuation, a function word, a verb of
# the event (主持, 致辞 …), or another role.
_NAME_ENDS = (
    r"[^\u4e00-\u9fff]|$|在|及|和|与|等|为|向|对|说|也|则|就|主持|出席|参加|致|介绍|汇报"
    r"|代表|表示|指出|讲话|发言|宣布|宣读|一行|带领|率|陪同|强调|提出|要求|希望|认为|作|做"
    r"|签|共同|分别|副|先生|女士|详细|" + ROLE_CHAIN
)
_AFTER_ROLE = re.compile(rf"({ROLE_CHAIN})\s?({_SURNAME}[\u4e00-\u9fff]{{1,2}}?)(?={_NAME_ENDS})")
_BEFORE_ROLE = re.compile(
    rf"(?:(?<=[委局院府科])|(?<![\u4e00-\u9fff]))({_SURNAME}[\u4e00-\u9fff]{{1,2}}?)(副?{ROLE_CHAIN})"
)


def is_person(word: str) -> bool:
    """A common surname, one or two given characters, and no noun or department word."""
    cut = 2 if word[:2] in COMPOUND_SURNAMES else 1
    return (
        (word[0] in SURNAMES or cut == 2)
        and 1 <= len(word) - cut <= 2
        and not _NOT_PERSON_CHARS & set(word)
        and not any(w in word for w in _NOT_PERSON_WORDS)
        and word not in GENERIC_WORDS
        and word not in GLOSSARY_ZH_EN
    )


def titled_people(text: str) -> list[tuple[str, str, int]]:
    """(name, roles, position) of each person named beside a role, before it (院长王静,
    党组书记、主任张月莲) or after it (王国敬副主任). It finds names jieba cuts apart too
    (丁|春辉)."""
    found = [(m.group(2), m.group(1), m.start(2)) for m in _AFTER_ROLE.finditer(text)]
    taken = {start for _, _, start in found}
    found += [
        (m.group(1), m.group(2), m.start(1))
        for m in _BEFORE_ROLE.finditer(text)
        if m.start(1) not in taken
    ]
    return sorted((p for p in found if is_person(p[0])), key=lambda p: p[2])


def harvest(text: str) -> dict[str, str]:
    """Places, organizations and people named in `text` (search form), each with its kind
    ('place', 'org', 'person'), plus the stems an English question may use (胜利油田 → 胜利).

    Only real names count. A person starts with a common surname and holds no common noun
    (高水平 and 儿童呼吸科 are not people); it is a three-character word jieba tags as a
    name, or two or three characters right after a title (院长王静及, 主任王国敬、) or right
    before one (王国敬副主任), which also finds names jieba cuts apart (丁|春辉, 王国|敬).
    Generic organizations (卫生室, 国家队) and function words before 市 (调研了市…) are
    not names either.
    """
    found: dict[str, str] = {}
    people: list[str] = []
    tagged = list(pseg.cut(text))
    for (word, flag), (after, after_flag) in zip(tagged, tagged[1:] + [("", "")], strict=True):
        if flag == "nr" and word in SURNAMES and after_flag in ("nr", "nrfg") and len(after) <= 2:
            people.append(word + after)  # 丁 + 春辉
        if len(word) < 2 or word in GENERIC_WORDS:
            continue
        if (
            after in _PLACE_FOLLOWERS
            and re.fullmatch(r"[\u4e00-\u9fff]{1,4}[县市区]", word)
            and word[0] not in _NOT_PLACE_START + "了的在到及为由把被是"
        ):
            found[word] = "place"  # 冠县(人民医院): a place jieba does not tag as one
        elif after in _HEADS and flag in PROPER_TAGS and word not in GLOSSARY_ZH_EN:
            found.setdefault(word, "org")  # 齐鲁(医院), 山东(大学), 胜利(油田)
        if flag == "ns" and (
            _PLACE_SUFFIX.search(word) or re.search(re.escape(word) + "(市|县|区|医|大学)", text)
        ):
            found[word] = "place"
        elif flag in PROPER_TAGS and re.fullmatch(r"[\u4e00-\u9fff]{2,3}镇", word):
            found[word] = "place"  # 大王镇, which jieba tags as a person
        elif (
            flag == "nt"
            and not word.endswith(("医院", "政府", "会", "局"))
            and word not in _GENERIC_ORGS
            and word not in GLOSSARY_ZH_EN
        ):
            found[word] = "org"
        elif flag in ("nr", "nrfg") and len(word) >= 3:
            people.append(word)
    people += [name for name, _, _ in titled_people(text)]
    for word in people:
        if is_person(word):
            found.setdefault(word, "person")
    for word, kind in list(found.items()):
        if kind == "person":
            continue
        if kind == "place":
            stem = _PLACE_SUFFIX.sub("", word)
        else:  # 胜利油田 → 胜利, 山东大学 → 山东
            stem = next((word[: -len(h)] for h in _HEADS if word.endswith(h)), word)
        if len(stem) >= 1 and stem != word:
            found.setdefault(stem, kind)
    return found


# Short forms of agency names that articles write in full (山东省卫健委 = 山东省卫生健康委员会).
_AGENCY_SHORT = {
    "卫健委": ("卫生健康委员会", "卫生健康委"),
    "卫计委": ("卫生计生委", "卫生和计划生育委员会", "卫生计生委员会"),
    "卫健局": ("卫生健康局",),
}
# 卫计委 was renamed 卫健委 in 2018: readers use either name for the one commission.
_AGENCY_SHORT["卫健委"] += ("卫计委", *_AGENCY_SHORT["卫计委"])
_AGENCY_SHORT["卫计委"] += ("卫健委", *_AGENCY_SHORT["卫健委"][:2])
# and in full: a reader's 浙江省卫生健康委 is the 浙江省卫生计生委 of a 2017 article
_AGENCY_SHORT["卫生健康委"] = ("卫生计生委",)
_AGENCY_SHORT["卫生计生委"] = ("卫生健康委",)


# An agency a question names by its kind, with or without its level (市卫健委, 卫生健康委):
# whose person a who-question asks for, wherever in the question it stands.
AGENCY = re.compile(
    r"[省市县区]?(?:"
    + "|".join(sorted({f for k, v in _AGENCY_SHORT.items() for f in (k, *v)}, key=len)[::-1])
    + ")"
)


def expansions(name: str) -> list[str]:
    """`name` with an agency short form written out in each way articles write it, and with
    the place level a reader left out (东营卫生健康委 → 东营市卫生健康委, 山东卫生健康委 →
    山东省卫生健康委)."""
    forms = [
        name.replace(short, full)
        for short, fulls in _AGENCY_SHORT.items()
        if short in name
        for full in fulls
    ]
    if len(name) >= 5 and name[2] not in "市县省区":
        forms += [f"{form[:2]}{level}{form[2:]}" for form in (name, *forms) for level in "市县省"]
    return forms


def proper_nouns(text: str) -> list[str]:
    """Words of two or more characters that jieba tags as proper nouns."""
    return [word for word, flag in pseg.cut(text) if flag in PROPER_TAGS and len(word) >= 2]
