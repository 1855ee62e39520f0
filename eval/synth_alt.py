"""A second generator of partnership news, written in phrasings eval/synth.py never uses.

eval/synth.py states each relation as "A与B开展对口支援工作座谈会", "A与B紧密型医联体签约揭牌"
or "A首批派驻B专家", always with Shandong names and the supporter first. This generator
checks that extraction generalises: other verbs and word orders (B迎来A专家团队, A与B结成
帮扶对子, A全面托管B, B由A托管, B接受A的对口帮扶, A向B派驻管理团队), specialty alliances led
by one hospital, several supporters in one sentence joined by 、和及, short forms after the
first full mention (郑大一附院, 市一院, 县医院), relations stated only in the title, names
from many provinces (county-level cities, township health centres, university hospitals),
other page chrome (government portals, WeChat posts, news portals) and Traditional script.

Same interface as eval/synth.py: `generate(n, seed, focus_county=..., focus_count=...)`
returns `SynthDoc`s (name, text, true relations, plus the template that wrote each one as
its `group`), and `write(docs, directory)` writes the .txt files and relations_gold.jsonl.
Only sentences that name two institutions and a partnership term state relations, and the
gold lists every (supporter, supported, kind) they state.

`python -m eval.synth_alt --docs N --seed S --out DIR`
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import opencc

from .synth import SynthDoc as PlainDoc
from .synth import write

# province → prefecture-level city or autonomous prefecture (恩施州: 恩施市 is its
# county-level seat) → counties, districts and county-level cities
GEO: dict[str, dict[str, list[str]]] = {
    "河南": {
        "安阳市": ["林州市", "汤阴县", "滑县", "内黄县"],
        "南阳市": ["邓州市", "方城县", "淅川县", "镇平县"],
        "洛阳市": ["偃师区", "孟津区", "栾川县", "嵩县"],
        "信阳市": ["光山县", "固始县", "商城县"],
    },
    "湖南": {
        "株洲市": ["醴陵市", "攸县", "茶陵县"],
        "常德市": ["桃源县", "澧县", "汉寿县"],
        "邵阳市": ["隆回县", "洞口县", "武冈市"],
    },
    "四川": {
        "南充市": ["阆中市", "南部县", "营山县"],
        "绵阳市": ["江油市", "三台县", "梓潼县"],
        "宜宾市": ["江安县", "长宁县", "筠连县"],
    },
    "江西": {
        "赣州市": ["瑞金市", "于都县", "兴国县", "宁都县"],
        "吉安市": ["井冈山市", "永新县", "遂川县"],
    },
    "甘肃": {"天水市": ["秦安县", "甘谷县", "武山县"], "定西市": ["通渭县", "陇西县", "岷县"]},
    "河北": {
        "保定市": ["涿州市", "安国市", "阜平县", "涞源县"],
        "邢台市": ["威县", "巨鹿县", "临西县"],
    },
    "云南": {"曲靖市": ["宣威市", "会泽县", "富源县"], "大理州": ["祥云县", "宾川县", "弥渡县"]},
    "湖北": {"襄阳市": ["枣阳市", "宜城市", "南漳县"], "恩施州": ["利川市", "建始县", "巴东县"]},
    "安徽": {"阜阳市": ["界首市", "临泉县", "太和县"], "六安市": ["霍邱县", "舒城县", "金寨县"]},
    "江苏": {"徐州市": ["邳州市", "新沂市", "沛县", "睢宁县"], "盐城市": ["东台市", "阜宁县"]},
    "广西": {"百色市": ["靖西市", "田东县", "凌云县"], "河池市": ["宜州区", "东兰县", "巴马县"]},
    "贵州": {"遵义市": ["仁怀市", "湄潭县", "习水县"], "毕节市": ["威宁县", "赫章县", "织金县"]},
}
# university hospitals, with the short form reporters use after the first mention
UNIVERSITY: dict[str, list[tuple[str, str]]] = {
    "河南": [("郑州大学第一附属医院", "郑大一附院"), ("河南大学第一附属医院", "河大一附院")],
    "湖南": [("中南大学湘雅医院", "湘雅医院"), ("中南大学湘雅二医院", "湘雅二医院")],
    "四川": [("四川大学华西医院", "华西医院"), ("西南医科大学附属医院", "西南医大附院")],
    "江西": [("南昌大学第一附属医院", "南大一附院"), ("赣南医科大学第一附属医院", "")],
    "甘肃": [("兰州大学第一医院", "兰大一院"), ("兰州大学第二医院", "兰大二院")],
    "河北": [("河北医科大学第二医院", "河北医大二院"), ("河北大学附属医院", "河大附院")],
    "云南": [("昆明医科大学第一附属医院", "昆医大一附院"), ("大理大学第一附属医院", "")],
    "湖北": [("武汉大学人民医院", "武大人民医院"), ("华中科技大学同济医学院附属协和医院", "")],
    "安徽": [("安徽医科大学第一附属医院", "安医大一附院"), ("蚌埠医科大学第一附属医院", "")],
    "江苏": [("南京医科大学第一附属医院", "南医大一附院"), ("苏州大学附属第一医院", "")],
    "广西": [("广西医科大学第一附属医院", "广西医大一附院"), ("右江民族医学院附属医院", "")],
    "贵州": [("遵义医科大学附属医院", "遵医附院"), ("贵州医科大学附属医院", "贵医附院")],
}
PROVINCE_TYPES = ["人民医院", "中医院", "肿瘤医院", "妇幼保健院", "第二人民医院", "儿童医院"]
CITY_TYPES = [
    "人民医院",
    "中心医院",
    "第一人民医院",
    "第二人民医院",
    "中医院",
    "妇幼保健院",
    "第三人民医院",
]
COUNTY_TYPES = ["人民医院", "中医院", "妇幼保健院", "第二人民医院", "中西医结合医院"]
TOWNS = ["城关镇", "柳林镇", "石桥镇", "王庄镇", "新集镇", "马集镇", "河口镇", "东关镇", "龙山镇"]
SPECIALTIES = ["心血管", "神经内科", "儿科", "呼吸", "肿瘤", "骨科", "麻醉", "眼科", "康复医学"]
PEOPLE = ["王建国", "李卫东", "张晓梅", "刘志强", "陈海燕", "杨光明", "赵丽华", "孙立新"]
NUMBERS = "一二三四五六七八九十"
NAV_NOISE = [
    "召开2024年度党风廉政建设工作会议",
    "开展世界卫生日义诊活动",
    "荣获省级文明单位称号",
    "举办护理技能竞赛",
    "召开职工代表大会",
]
FILLER = [
    "据悉,此次合作将重点围绕学科建设、人才培养、远程会诊和双向转诊展开。",
    "活动当天,专家们还在门诊大厅开展了义诊咨询,为群众测量血压、解读检查报告。",
    "近年来,当地坚持以群众健康需求为导向,着力补齐基层医疗服务短板。",
    "下一步,双方将建立定期会商机制,推动优质医疗资源向基层延伸。",
    "参加活动的还有相关科室负责人和医护人员代表。",
]


@dataclass(frozen=True)
class Hospital:
    name: str
    short: str  # what an article calls it after the first full mention ("" when none)
    level: int  # 3 province or university, 2 city, 1 county, 0 township
    place: str  # the county or city it serves


@dataclass(frozen=True)
class SynthDoc(PlainDoc):
    group: str = ""  # the template that wrote the article
    supported: list[str] = field(default_factory=list)  # whose supporters it names


def _counties() -> list[tuple[str, str, str]]:
    return [(p, c, x) for p, cities in GEO.items() for c, xs in cities.items() for x in xs]


def _county_short(county: str, kind: str) -> str:
    level = county[-1]
    if kind == "人民医院":
        return "县医院" if level == "县" else f"{level}人民医院"
    return level + kind


def county_hospital(county: str, kind: str = "人民医院") -> Hospital:
    return Hospital(county + kind, _county_short(county, kind), 1, county)


def township(county: str, town: str) -> Hospital:
    return Hospital(f"{county}{town}卫生院", f"{town}卫生院", 0, county)


def _city_short(city: str, kind: str) -> str:
    level = city[-1]
    m = {"第一人民医院": "一院", "第二人民医院": "二院", "第三人民医院": "三院"}
    return level + m.get(kind, kind)


REGIONS = {"广西": "广西壮族自治区"}  # the others are 某某省


def supporters_for(province: str, city: str) -> list[Hospital]:
    """Hospitals that may support a county of `city`: its city's, its province's, a
    university's."""
    region = REGIONS.get(province, province + "省")
    out = [Hospital(f"{city}{k}", _city_short(city, k), 2, city) for k in CITY_TYPES]
    out += [Hospital(f"{region}{k}", f"{region[-1]}{k}", 3, province) for k in PROVINCE_TYPES]
    out += [Hospital(n, s, 3, province) for n, s in UNIVERSITY[province]]
    return out


def _first_mention_short(h: Hospital, others: list[Hospital]) -> str:
    """The short form, unless another hospital of the article would share it."""
    if not h.short or any(o.short == h.short or h.short in o.name for o in others if o != h):
        return h.name
    return h.short


# ---- templates --------------------------------------------------------------------------
# Every template is data: phrasings (format strings), the kinds of relation they state, and
# the random values their strings use, drawn in a fixed order. The fields always there are
# {a} and {b} (the first supporter and the supported hospital), {sa} and {sb} (their short
# forms, where no other hospital of the article shares them), {place} (b's county or city)
# and {when} (月日); each draw adds its own.

Rel = tuple[str, str, str]


@dataclass
class Scene:
    """One article being written: its hospitals, the fields its strings are filled from, and
    who supports whom in the relations it states (every supporter each supported one)."""

    sup: list[Hospital]
    b: Hospital
    peers: list[Hospital]  # the other county hospitals of b's city (none above county level)
    fields: dict[str, object]
    supporters: list[str]
    supported: list[str]


Draw = Callable[[Scene, random.Random], None]


def _number(name: str, low: int, high: int) -> Draw:
    def draw(scene: Scene, rng: random.Random) -> None:
        scene.fields[name] = rng.randint(low, high)

    return draw


def _pick(name: str, options: Sequence[str]) -> Draw:
    def draw(scene: Scene, rng: random.Random) -> None:
        scene.fields[name] = rng.choice(options)

    return draw


PERSON = _pick("person", PEOPLE)
SPECIALTY = _pick("spec", SPECIALTIES)


def _either_order(scene: Scene, rng: random.Random) -> None:
    """{left} and {right}: the supporter and the supported hospital, in either order."""
    a, b = scene.sup[0], scene.b
    left, right = (b, a) if rng.random() < 0.5 else (a, b)
    scene.fields.update(left=left.name, right=right.name)


def _listing(names: list[str], last: str) -> str:
    """'A、B{last}C', or the one name."""
    return "、".join(names[:-1]) + last + names[-1] if len(names) > 1 else names[0]


def _members(extra: int | tuple[int, int], shuffle: bool, last: str = "、") -> Draw:
    """{listed} and {count}: b and `extra` of its peers (or a number drawn from that range),
    each supported by {a}."""

    def draw(scene: Scene, rng: random.Random) -> None:
        n = extra if isinstance(extra, int) else rng.randint(*extra)
        members = [scene.b, *scene.peers[:n]]
        if shuffle:
            rng.shuffle(members)
        scene.supported = [m.name for m in members]
        scene.fields.update(listed=_listing(scene.supported, last), count=len(members))

    return draw


def _all_supporters(last: str | Sequence[str]) -> Draw:
    """{joined} and {count}: every supporter, each supporting b, the last joined by `last`
    (or by one of those words, drawn)."""

    def draw(scene: Scene, rng: random.Random) -> None:
        scene.supporters = [s.name for s in scene.sup]
        word = last if isinstance(last, str) else rng.choice(last)
        scene.fields.update(joined=_listing(scene.supporters, word), count=len(scene.sup))

    return draw


EAST = [  # east-west cooperation: eastern hospitals supporting western counties
    "复旦大学附属华山医院",
    "上海市第一人民医院",
    "浙江大学医学院附属邵逸夫医院",
    "北京协和医院",
    "广东省人民医院",
    "江苏省人民医院",
    "杭州市第一人民医院",
    "深圳市人民医院",
    "宁波市第一医院",
    "苏州市立医院",
]


def _from_the_east(scene: Scene, rng: random.Random) -> None:
    """{a}: an eastern hospital, the supporter instead of the province's own."""
    scene.fields["a"] = a = rng.choice(EAST)
    scene.supporters = [a]


@dataclass(frozen=True)
class Phrasing:
    title: str
    paragraphs: tuple[str, ...]
    kinds: tuple[str, ...]  # the relations stated: (supporter, supported, kind) for each
    draws: tuple[Draw, ...] = ()  # drawn once this phrasing is chosen


def _say(
    title: str, *paragraphs: str, kinds: tuple[str, ...], draws: tuple[Draw, ...] = ()
) -> Phrasing:
    return Phrasing(title, paragraphs, kinds, draws)


@dataclass(frozen=True)
class Template:
    """One way of stating partnerships: `draws` first, then one of the phrasings (of two,
    the first where random() < 0.5; of more, by randrange), its own draws, its strings."""

    phrasings: tuple[Phrasing, ...]
    draws: tuple[Draw, ...] = ()
    supporters: int = 1  # how many supporting hospitals it names

    def __call__(
        self, sup: list[Hospital], b: Hospital, peers: list[Hospital], when: str, rng: random.Random
    ) -> tuple[str, list[str], list[Rel]]:
        """(title, paragraphs, relations as (supporter, supported, kind))."""
        a = sup[0]
        short_a, short_b = _first_mention_short(a, [b]), _first_mention_short(b, [a])
        fields: dict[str, object] = {"a": a.name, "b": b.name, "sa": short_a, "sb": short_b}
        fields.update(place=b.place, when=when)
        scene = Scene(sup, b, peers, fields, [a.name], [b.name])
        for draw in self.draws:
            draw(scene, rng)
        choice = self.phrasings[0]
        if len(self.phrasings) == 2:
            choice = self.phrasings[0] if rng.random() < 0.5 else self.phrasings[1]
        elif len(self.phrasings) > 2:
            choice = self.phrasings[rng.randrange(len(self.phrasings))]
        for draw in choice.draws:
            draw(scene, rng)
        rels = [(s, t, k) for s in scene.supporters for t in scene.supported for k in choice.kinds]
        paragraphs = [p.format_map(scene.fields) for p in choice.paragraphs]
        return choice.title.format_map(scene.fields), paragraphs, rels


def _template(*phrasings: Phrasing, draws: tuple[Draw, ...] = (), supporters: int = 1) -> Template:
    return Template(phrasings, draws, supporters)


TEMPLATES: dict[str, Template] = {
    "welcome_team": _template(
        _say(
            "{b}迎来{a}专家团队",
            "{when},{b}迎来了{a}选派的{n}名专家,他们将在医院开展为期半年的驻点工作。",
            "专家团队负责人{person}表示,将把先进技术和管理经验毫无保留地带到基层。",
            kinds=("派驻人员",),
        ),
        draws=(_number("n", 5, 30), PERSON),
    ),
    "pairing": _template(
        _say(
            "{left}与{right}结成帮扶对子",
            "{when},{b}与{a}签订结对帮扶协议,两院正式结成帮扶对子。",
            "根据协议,{sa}每年将安排业务骨干开展带教查房和手术示教。",
            kinds=("结对",),
        ),
        draws=(_either_order,),
    ),
    "trusteeship": _template(
        _say(  # active
            "{a}全面托管{b}",
            "{when},{a}全面托管{b}揭牌仪式举行。今后,{sa}将派出管理团队,负责{sb}的日常运营和学科建设。",
            kinds=("托管", "派驻人员"),
        ),
        _say(  # passive: the supported hospital first
            "托管一周年:{b}发生了哪些变化",
            "自去年{when}起,{b}由{a}实行整体托管。一年来,{sb}门诊量同比增长{rise}%。",
            kinds=("托管",),
            draws=(_number("rise", 10, 40),),
        ),
    ),
    "alliance": _template(
        *(
            _say(
                title,
                "{when},由{a}牵头组建的{spec}专科联盟成立大会召开,{listed}成为首批成员单位。",
                kinds=("专科联盟",),
            )
            for title in ("{b}加入{a}{spec}专科联盟", "{a}牵头成立{spec}专科联盟")
        ),
        draws=(_members((0, 3), shuffle=True, last="和"), SPECIALTY),
    ),
    "several": _template(
        _say(
            "{count}家医院联合帮扶{b}",
            "{when},{joined}共同帮扶{b}工作推进会召开。",
            kinds=("帮扶",),
        ),
        _say(
            "省市专家下沉{place}",
            "{when}以来,{joined}等{count}家医院先后派出专家到{b}开展对口帮扶。",
            kinds=("对口支援",),
        ),
        _say(
            "{b}:借力优质资源 提升服务能力",
            "近年来,{b}先后接受{joined}的对口支援。",
            kinds=("对口支援",),
        ),
        draws=(_all_supporters(["和", "及", "以及"]),),
        supporters=3,
    ),
    "short_forms": _template(
        _say(
            "{a}与{b}签署共建协议",
            "{when},{a}与{b}签署医联体共建协议。",
            "协议签订后,{sa}每周派出骨干医生到{sb}坐诊、查房。",
            "{sb}院长{person}说,有了{sa}的支持,群众在家门口就能看好病。",
            kinds=("签约合作", "派驻人员"),
        ),
        draws=(PERSON,),
    ),
    "title_only": _template(
        _say(
            "{a}对口帮扶{b}纪实",
            "{when},记者走进{b},门诊大厅里排队的患者比往年多了不少。"
            "“过去要跑到外地看的病,现在在县里就能看。”患者{person}说。",
            "三年来,{a}累计派出专家{visits}人次,开展新技术{techniques}项。",
            kinds=("对口支援",),
        ),
        draws=(PERSON, _number("visits", 40, 200), _number("techniques", 5, 30)),
    ),
    "station": _template(
        _say(
            "{a}向{b}派驻管理团队",
            "{when},{a}选派的{n}人管理团队正式进驻{b},{person}任执行院长。",
            kinds=("派驻人员",),
        ),
        draws=(_number("n", 3, 12), PERSON),
    ),
    "cobuild": _template(
        _say(
            "{left}与{right}共建{spec}诊疗中心揭牌",
            "{when},{right}与{left}共建的{spec}诊疗中心正式揭牌运行。",
            kinds=("共建",),
        ),
        draws=(SPECIALTY, _either_order),
    ),
    "received": _template(
        _say(
            "{b}新技术填补{place}空白",
            "{when},{b}成功开展首例微创手术,这是该院{verb}{a}帮扶以来取得的又一成果。",
            kinds=("帮扶",),
        ),
        draws=(_pick("verb", ["得到", "受到"]),),
    ),
    "close_alliance": _template(
        _say(
            "{b}正式加入{a}紧密型医联体",
            "{when},{b}与{a}紧密型医联体建设启动会召开,{sb}成为{sa}紧密型医联体成员单位。",
            kinds=("紧密型医联体",),
        ),
        _say(
            "携手共进:{b}与{a}组建紧密型医联体",
            "{when},{b}与{a}签约组建紧密型医联体。",
            kinds=("紧密型医联体",),
        ),
    ),
    "experts": _template(
        _say(
            "{a}{n}名专家入驻{b}",
            "{when},{b}举行仪式,欢迎{a}派驻的{n}名专家。",
            kinds=("派驻专家",),
        ),
        _say(
            "{n}名专家由{a}派驻{b}",
            "{when},{n}名专家由{a}派驻到{b},开展为期一年的坐诊带教。",
            kinds=("派驻专家",),
        ),
        draws=(_number("n", 4, 20),),
    ),
    "city_group": _template(
        _say(
            "{a}牵头组建城市医疗集团",
            "{when},{a}牵头组建的城市医疗集团正式揭牌,{listed}作为成员单位加入集团。",
            kinds=("城市医疗集团",),
        ),
        draws=(_members((0, 2), shuffle=False),),
    ),
    "many_supported": _template(
        _say(
            "{a}与{count}家医院签订帮扶协议",
            "{when},{a}分别与{listed}签订帮扶协议。",
            kinds=("帮扶",),
        ),
        draws=(_members(2, shuffle=True),),
    ),
    "aid": _template(
        _say("{b}新院区由{a}援建", "{when},由{a}援建的{b}新院区正式投入使用。", kinds=("帮扶",)),
        _say(
            "{place}群众看病不再难",
            "{when},{b}获{a}对口支援,专家门诊同日开诊。",
            kinds=("对口支援",),
        ),
    ),
    "dash_alliance": _template(
        _say(
            "{a}—{b}医联体揭牌",
            "{when},{a}与{b}医联体揭牌成立,{sa}将在{sb}设立专家门诊。",
            kinds=("医联体",),
        ),
    ),
    "named_helper": _template(
        _say(
            "{b}:三年蝶变见成效",
            "作为{a}的对口帮扶医院,{b}近三年新开展技术{techniques}项。",
            "{b}是{a}的对口帮扶医院,{when}双方续签了帮扶协议。",
            kinds=("对口支援",),
        ),
        draws=(_number("techniques", 10, 60),),
    ),
    "east_west": _template(
        _say(
            "东西部协作:{a}{n}名医生抵达{place}",
            "{when},来自{a}的{n}名援派医生抵达{b},开始为期一年的帮扶工作。",
            kinds=("派驻人员",),
        ),
        draws=(_from_the_east, _number("n", 3, 15)),
    ),
    "team_visit": _template(
        _say(
            "{a}专家团队赴{b}开展帮扶",
            "{when},{a}党委书记{person}带队到{b}调研帮扶工作。",
            kinds=("帮扶",),
        ),
        draws=(PERSON,),
    ),
    "several_sign": _template(
        _say(
            "{b}签约两家上级医院",
            "{when},{joined}分别与{b}签约,开展对口协作。",
            kinds=("签约合作",),
        ),
        draws=(_all_supporters("、"),),
        supporters=2,
    ),
    "trustee_of": _template(
        _say(
            "由{a}托管的{b}迎来新变化",
            "{b}作为{a}的托管医院,{when}起全面推行同质化管理。",
            kinds=("托管",),
        ),
    ),
    "listed_by": _template(
        _say(
            "{b}被{a}列为对口帮扶单位",
            "{when},{b}被{a}列为重点对口帮扶单位,双方将开展远程会诊合作。",
            kinds=("对口支援",),
        ),
    ),
    "alliance_pair": _template(
        _say(
            "{left}与{right}建立{spec}专科联盟",
            "{when},{left}与{right}{spec}专科联盟签约暨揭牌仪式举行。",
            kinds=("专科联盟", "签约合作"),
        ),
        draws=(SPECIALTY, _either_order),
    ),
}


# ---- pages ------------------------------------------------------------------------------


def _page(style: int, title: str, paragraphs: list[str], date: str, rng: random.Random) -> str:
    y, m, d = date.split("-")
    if style == 0:  # a government portal
        head = [
            "当前位置:首页 > 新闻中心 > 工作动态",
            title,
            f"发布日期:{date} 来源:县卫生健康局 浏览次数:{rng.randint(50, 900)}",
            "字号:[ 大 中 小 ]",
        ]
        other = rng.choice(NAV_NOISE)
        tail = ["【打印本页】【关闭窗口】", f"上一篇:{other}", "下一篇:我县召开基层卫生工作会议"]
        return "\n".join(head + paragraphs + tail)
    if style == 1:  # a WeChat post
        head = [title, f"原创 健康资讯 {y}年{m}月{d}日 08:30", "点击蓝字 关注我们"]
        tail = ["END", "来源:宣传科", "编辑:张三 审核:李四", "阅读原文", "在看"]
        return "\n\n".join(head + paragraphs + tail)
    # a news portal
    head = [title, f"{date} 10:{rng.randint(10, 59)}·地方日报", "举报"]
    tail = [
        "免责声明:本文仅代表作者观点,不代表本站立场。",
        "返回首页,查看更多",
        "责任编辑:王五",
    ]
    return "\n\n".join(head + paragraphs + tail)


def generate(
    n_docs: int,
    seed: int = 0,
    focus_county: str | None = None,
    focus_count: int = 0,
    templates: list[str] | None = None,
) -> list[SynthDoc]:
    """`n_docs` articles; the first `focus_count` each give `focus_county`'s people's
    hospital different supporters (templates in turn)."""
    rng = random.Random(seed)
    s2t = opencc.OpenCC("s2t")
    names = templates or list(TEMPLATES)
    counties = _counties()
    focus = next((c for c in counties if c[2] == focus_county), None) if focus_county else None
    focus_pool: list[Hospital] = []
    if focus:
        focus_pool = supporters_for(focus[0], focus[1])
        rng.shuffle(focus_pool)
    docs = []
    for i in range(n_docs):
        group = names[i % len(names)] if i < focus_count else rng.choice(names)
        template = TEMPLATES[group]
        n_sup = template.supporters
        if focus and i < focus_count and len(focus_pool) >= n_sup:
            prov, city, county = focus
            sup = [focus_pool.pop() for _ in range(n_sup)]
            supported = county_hospital(county)
        else:
            prov, city, county = rng.choice([c for c in counties if c[2] != focus_county])
            pool = supporters_for(prov, city)
            sup = rng.sample(pool, n_sup)
            r = rng.random()
            if r < 0.15 and n_sup == 1 and group != "alliance":  # a county supports a town
                sup = [county_hospital(county, rng.choice(COUNTY_TYPES[:3]))]
                supported = township(county, rng.choice(TOWNS))
            elif r < 0.3:  # a city hospital supported by the province
                supported = Hospital(f"{city}{rng.choice(CITY_TYPES)}", "", 2, city)
                sup = rng.sample([h for h in pool if h.level == 3], n_sup)
            else:
                supported = county_hospital(county, rng.choice(COUNTY_TYPES))
        year, month, day = rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28)
        date = f"{year}-{month:02d}-{day:02d}"
        peers = [
            county_hospital(x, supported.name[len(county) :])
            for x in GEO[prov][city]
            if x != county and supported.level == 1
        ]
        title, paragraphs, rels = template(sup, supported, peers, f"{month}月{day}日", rng)
        paragraphs = [*paragraphs, *rng.sample(FILLER, rng.randint(1, 3))]
        text = _page(rng.randrange(3), title, paragraphs, date, rng)
        if rng.random() < 0.35:
            text = s2t.convert(text)
        relations = [
            {"supporter": s, "supported": t, "kind": k, "date": date, "figures": None}
            for s, t, k in dict.fromkeys(rels)
        ]
        docs.append(SynthDoc(f"alt_{seed}_{i:06d}", text, relations, group, [supported.name]))
    return docs


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    print(write(generate(args.docs, args.seed), args.out))


if __name__ == "__main__":
    main()
