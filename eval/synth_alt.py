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
import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import opencc

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
class SynthDoc:
    name: str
    text: str
    relations: list[dict]
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


# ---- templates: each returns (title, paragraphs, relations as (supporter, supported, kind))

Rel = tuple[str, str, str]
Template = Callable[
    [list[Hospital], Hospital, list[Hospital], str, random.Random],
    tuple[str, list[str], list[Rel]],
]


def _welcome_team(
    sup: list[Hospital], b: Hospital, peers: list[Hospital], when: str, rng: random.Random
) -> tuple[str, list[str], list[Rel]]:
    a = sup[0]
    n = rng.randint(5, 30)
    title = f"{b.name}迎来{a.name}专家团队"
    first = f"{when},{b.name}迎来了{a.name}选派的{n}名专家,他们将在医院开展为期半年的驻点工作。"
    second = f"专家团队负责人{rng.choice(PEOPLE)}表示,将把先进技术和管理经验毫无保留地带到基层。"
    return title, [first, second], [(a.name, b.name, "派驻人员")]


def _pairing(
    sup: list[Hospital], b: Hospital, peers: list[Hospital], when: str, rng: random.Random
) -> tuple[str, list[str], list[Rel]]:
    a = sup[0]
    left, right = (b, a) if rng.random() < 0.5 else (a, b)
    title = f"{left.name}与{right.name}结成帮扶对子"
    first = f"{when},{b.name}与{a.name}签订结对帮扶协议,两院正式结成帮扶对子。"
    short_a = _first_mention_short(a, [b])
    second = f"根据协议,{short_a}每年将安排业务骨干开展带教查房和手术示教。"
    return title, [first, second], [(a.name, b.name, "结对")]


def _trusteeship(
    sup: list[Hospital], b: Hospital, peers: list[Hospital], when: str, rng: random.Random
) -> tuple[str, list[str], list[Rel]]:
    a = sup[0]
    sa, sb = _first_mention_short(a, [b]), _first_mention_short(b, [a])
    if rng.random() < 0.5:  # active
        title = f"{a.name}全面托管{b.name}"
        first = (
            f"{when},{a.name}全面托管{b.name}揭牌仪式举行。"
            f"今后,{sa}将派出管理团队,负责{sb}的日常运营和学科建设。"
        )
        rels = [(a.name, b.name, "托管"), (a.name, b.name, "派驻人员")]
    else:  # passive: the supported hospital first
        title = f"托管一周年:{b.name}发生了哪些变化"
        first = (
            f"自去年{when}起,{b.name}由{a.name}实行整体托管。"
            f"一年来,{sb}门诊量同比增长{rng.randint(10, 40)}%。"
        )
        rels = [(a.name, b.name, "托管")]
    return title, [first], rels


def _alliance(
    sup: list[Hospital], b: Hospital, peers: list[Hospital], when: str, rng: random.Random
) -> tuple[str, list[str], list[Rel]]:
    a = sup[0]
    members = [b, *peers[: rng.randint(0, 3)]]
    rng.shuffle(members)
    spec = rng.choice(SPECIALTIES)
    listed = "、".join(m.name for m in members[:-1])
    listed = f"{listed}和{members[-1].name}" if len(members) > 1 else members[0].name
    title = f"{a.name}牵头成立{spec}专科联盟"
    first = f"{when},由{a.name}牵头组建的{spec}专科联盟成立大会召开,{listed}成为首批成员单位。"
    if rng.random() < 0.5:
        title = f"{b.name}加入{a.name}{spec}专科联盟"
    return title, [first], [(a.name, m.name, "专科联盟") for m in members]


def _several(
    sup: list[Hospital], b: Hospital, peers: list[Hospital], when: str, rng: random.Random
) -> tuple[str, list[str], list[Rel]]:
    names = [s.name for s in sup]
    joined = "、".join(names[:-1]) + rng.choice(["和", "及", "以及"]) + names[-1]
    style = rng.randrange(3)
    if style == 0:
        title = f"{len(names)}家医院联合帮扶{b.name}"
        first = f"{when},{joined}共同帮扶{b.name}工作推进会召开。"
        kind = "帮扶"
    elif style == 1:
        title = f"省市专家下沉{b.place}"
        first = f"{when}以来,{joined}等{len(names)}家医院先后派出专家到{b.name}开展对口帮扶。"
        kind = "对口支援"
    else:
        title = f"{b.name}:借力优质资源 提升服务能力"
        first = f"近年来,{b.name}先后接受{joined}的对口支援。"
        kind = "对口支援"
    return title, [first], [(s, b.name, kind) for s in names]


def _short_forms(
    sup: list[Hospital], b: Hospital, peers: list[Hospital], when: str, rng: random.Random
) -> tuple[str, list[str], list[Rel]]:
    a = sup[0]
    sa, sb = _first_mention_short(a, [b]), _first_mention_short(b, [a])
    title = f"{a.name}与{b.name}签署共建协议"
    first = f"{when},{a.name}与{b.name}签署医联体共建协议。"
    second = f"协议签订后,{sa}每周派出骨干医生到{sb}坐诊、查房。"
    third = f"{sb}院长{rng.choice(PEOPLE)}说,有了{sa}的支持,群众在家门口就能看好病。"
    return (
        title,
        [first, second, third],
        [(a.name, b.name, "签约合作"), (a.name, b.name, "派驻人员")],
    )


def _title_only(
    sup: list[Hospital], b: Hospital, peers: list[Hospital], when: str, rng: random.Random
) -> tuple[str, list[str], list[Rel]]:
    a = sup[0]
    title = f"{a.name}对口帮扶{b.name}纪实"
    first = (
        f"{when},记者走进{b.name},门诊大厅里排队的患者比往年多了不少。"
        f"“过去要跑到外地看的病,现在在县里就能看。”患者{rng.choice(PEOPLE)}说。"
    )
    count, techniques = rng.randint(40, 200), rng.randint(5, 30)
    second = f"三年来,{a.name}累计派出专家{count}人次,开展新技术{techniques}项。"
    return title, [first, second], [(a.name, b.name, "对口支援")]


def _station(
    sup: list[Hospital], b: Hospital, peers: list[Hospital], when: str, rng: random.Random
) -> tuple[str, list[str], list[Rel]]:
    a = sup[0]
    n = rng.randint(3, 12)
    title = f"{a.name}向{b.name}派驻管理团队"
    first = f"{when},{a.name}选派的{n}人管理团队正式进驻{b.name},{rng.choice(PEOPLE)}任执行院长。"
    return title, [first], [(a.name, b.name, "派驻人员")]


def _cobuild(
    sup: list[Hospital], b: Hospital, peers: list[Hospital], when: str, rng: random.Random
) -> tuple[str, list[str], list[Rel]]:
    a = sup[0]
    spec = rng.choice(SPECIALTIES)
    left, right = (b, a) if rng.random() < 0.5 else (a, b)
    title = f"{left.name}与{right.name}共建{spec}诊疗中心揭牌"
    first = f"{when},{right.name}与{left.name}共建的{spec}诊疗中心正式揭牌运行。"
    return title, [first], [(a.name, b.name, "共建")]


def _received(
    sup: list[Hospital], b: Hospital, peers: list[Hospital], when: str, rng: random.Random
) -> tuple[str, list[str], list[Rel]]:
    a = sup[0]
    verb = rng.choice(["得到", "受到"])
    title = f"{b.name}新技术填补{b.place}空白"
    first = f"{when},{b.name}成功开展首例微创手术,这是该院{verb}{a.name}帮扶以来取得的又一成果。"
    return title, [first], [(a.name, b.name, "帮扶")]


def _close_alliance(
    sup: list[Hospital], b: Hospital, peers: list[Hospital], when: str, rng: random.Random
) -> tuple[str, list[str], list[Rel]]:
    a = sup[0]
    sa, sb = _first_mention_short(a, [b]), _first_mention_short(b, [a])
    if rng.random() < 0.5:
        title = f"{b.name}正式加入{a.name}紧密型医联体"
        first = (
            f"{when},{b.name}与{a.name}紧密型医联体建设启动会召开,"
            f"{sb}成为{sa}紧密型医联体成员单位。"
        )
    else:
        title = f"携手共进:{b.name}与{a.name}组建紧密型医联体"
        first = f"{when},{b.name}与{a.name}签约组建紧密型医联体。"
    return title, [first], [(a.name, b.name, "紧密型医联体")]


def _experts(
    sup: list[Hospital], b: Hospital, peers: list[Hospital], when: str, rng: random.Random
) -> tuple[str, list[str], list[Rel]]:
    a = sup[0]
    n = rng.randint(4, 20)
    if rng.random() < 0.5:
        title = f"{a.name}{n}名专家入驻{b.name}"
        first = f"{when},{b.name}举行仪式,欢迎{a.name}派驻的{n}名专家。"
    else:
        title = f"{n}名专家由{a.name}派驻{b.name}"
        first = f"{when},{n}名专家由{a.name}派驻到{b.name},开展为期一年的坐诊带教。"
    return title, [first], [(a.name, b.name, "派驻专家")]


def _city_group(
    sup: list[Hospital], b: Hospital, peers: list[Hospital], when: str, rng: random.Random
) -> tuple[str, list[str], list[Rel]]:
    a = sup[0]
    members = [b, *peers[: rng.randint(0, 2)]]
    listed = "、".join(m.name for m in members)
    title = f"{a.name}牵头组建城市医疗集团"
    first = f"{when},{a.name}牵头组建的城市医疗集团正式揭牌,{listed}作为成员单位加入集团。"
    return title, [first], [(a.name, m.name, "城市医疗集团") for m in members]


def _many_supported(
    sup: list[Hospital], b: Hospital, peers: list[Hospital], when: str, rng: random.Random
) -> tuple[str, list[str], list[Rel]]:
    a = sup[0]
    members = [b, *peers[:2]]
    rng.shuffle(members)
    listed = "、".join(m.name for m in members)
    title = f"{a.name}与{len(members)}家医院签订帮扶协议"
    first = f"{when},{a.name}分别与{listed}签订帮扶协议。"
    return title, [first], [(a.name, m.name, "帮扶") for m in members]


def _aid(
    sup: list[Hospital], b: Hospital, peers: list[Hospital], when: str, rng: random.Random
) -> tuple[str, list[str], list[Rel]]:
    a = sup[0]
    if rng.random() < 0.5:
        title = f"{b.name}新院区由{a.name}援建"
        first = f"{when},由{a.name}援建的{b.name}新院区正式投入使用。"
        return title, [first], [(a.name, b.name, "帮扶")]
    title = f"{b.place}群众看病不再难"
    first = f"{when},{b.name}获{a.name}对口支援,专家门诊同日开诊。"
    return title, [first], [(a.name, b.name, "对口支援")]


def _dash_alliance(
    sup: list[Hospital], b: Hospital, peers: list[Hospital], when: str, rng: random.Random
) -> tuple[str, list[str], list[Rel]]:
    a = sup[0]
    sa, sb = _first_mention_short(a, [b]), _first_mention_short(b, [a])
    title = f"{a.name}—{b.name}医联体揭牌"
    first = f"{when},{a.name}与{b.name}医联体揭牌成立,{sa}将在{sb}设立专家门诊。"
    return title, [first], [(a.name, b.name, "医联体")]


def _named_helper(
    sup: list[Hospital], b: Hospital, peers: list[Hospital], when: str, rng: random.Random
) -> tuple[str, list[str], list[Rel]]:
    a = sup[0]
    title = f"{b.name}:三年蝶变见成效"
    first = f"作为{a.name}的对口帮扶医院,{b.name}近三年新开展技术{rng.randint(10, 60)}项。"
    second = f"{b.name}是{a.name}的对口帮扶医院,{when}双方续签了帮扶协议。"
    return title, [first, second], [(a.name, b.name, "对口支援")]


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


def _east_west(
    sup: list[Hospital], b: Hospital, peers: list[Hospital], when: str, rng: random.Random
) -> tuple[str, list[str], list[Rel]]:
    a = rng.choice(EAST)
    n = rng.randint(3, 15)
    title = f"东西部协作:{a}{n}名医生抵达{b.place}"
    first = f"{when},来自{a}的{n}名援派医生抵达{b.name},开始为期一年的帮扶工作。"
    return title, [first], [(a, b.name, "派驻人员")]


def _team_visit(
    sup: list[Hospital], b: Hospital, peers: list[Hospital], when: str, rng: random.Random
) -> tuple[str, list[str], list[Rel]]:
    a = sup[0]
    title = f"{a.name}专家团队赴{b.name}开展帮扶"
    first = f"{when},{a.name}党委书记{rng.choice(PEOPLE)}带队到{b.name}调研帮扶工作。"
    return title, [first], [(a.name, b.name, "帮扶")]


def _several_sign(
    sup: list[Hospital], b: Hospital, peers: list[Hospital], when: str, rng: random.Random
) -> tuple[str, list[str], list[Rel]]:
    title = f"{b.name}签约两家上级医院"
    first = f"{when},{sup[0].name}、{sup[1].name}分别与{b.name}签约,开展对口协作。"
    return title, [first], [(x.name, b.name, "签约合作") for x in sup]


def _trustee_of(
    sup: list[Hospital], b: Hospital, peers: list[Hospital], when: str, rng: random.Random
) -> tuple[str, list[str], list[Rel]]:
    a = sup[0]
    title = f"由{a.name}托管的{b.name}迎来新变化"
    first = f"{b.name}作为{a.name}的托管医院,{when}起全面推行同质化管理。"
    return title, [first], [(a.name, b.name, "托管")]


def _listed_by(
    sup: list[Hospital], b: Hospital, peers: list[Hospital], when: str, rng: random.Random
) -> tuple[str, list[str], list[Rel]]:
    a = sup[0]
    title = f"{b.name}被{a.name}列为对口帮扶单位"
    first = f"{when},{b.name}被{a.name}列为重点对口帮扶单位,双方将开展远程会诊合作。"
    return title, [first], [(a.name, b.name, "对口支援")]


def _alliance_pair(
    sup: list[Hospital], b: Hospital, peers: list[Hospital], when: str, rng: random.Random
) -> tuple[str, list[str], list[Rel]]:
    a = sup[0]
    spec = rng.choice(SPECIALTIES)
    left, right = (b, a) if rng.random() < 0.5 else (a, b)
    title = f"{left.name}与{right.name}建立{spec}专科联盟"
    first = f"{when},{left.name}与{right.name}{spec}专科联盟签约暨揭牌仪式举行。"
    return title, [first], [(a.name, b.name, "专科联盟"), (a.name, b.name, "签约合作")]


TEMPLATES: dict[str, tuple[Template, int]] = {  # name → (template, supporters it names)
    "welcome_team": (_welcome_team, 1),
    "pairing": (_pairing, 1),
    "trusteeship": (_trusteeship, 1),
    "alliance": (_alliance, 1),
    "several": (_several, 3),
    "short_forms": (_short_forms, 1),
    "title_only": (_title_only, 1),
    "station": (_station, 1),
    "cobuild": (_cobuild, 1),
    "received": (_received, 1),
    "close_alliance": (_close_alliance, 1),
    "experts": (_experts, 1),
    "city_group": (_city_group, 1),
    "many_supported": (_many_supported, 1),
    "aid": (_aid, 1),
    "dash_alliance": (_dash_alliance, 1),
    "named_helper": (_named_helper, 1),
    "east_west": (_east_west, 1),
    "team_visit": (_team_visit, 1),
    "several_sign": (_several_sign, 2),
    "trustee_of": (_trustee_of, 1),
    "listed_by": (_listed_by, 1),
    "alliance_pair": (_alliance_pair, 1),
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
        template, n_sup = TEMPLATES[group]
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


def write(docs: list[SynthDoc], out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    with (out / "relations_gold.jsonl").open("w", encoding="utf-8") as gold:
        for doc in docs:
            (out / f"{doc.name}.txt").write_text(doc.text, encoding="utf-8")
            for rel in doc.relations:
                gold.write(json.dumps({"doc_id": doc.name, **rel}, ensure_ascii=False) + "\n")
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    print(write(generate(args.docs, args.seed), args.out))


if __name__ == "__main__":
    main()
