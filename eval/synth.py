"""Synthetic partnership news for scale tests: several outlets' page styles, both scripts,
page chrome and noise like the real corpus, and the true relations of every article.

`python -m eval synth --docs N --seed S --out DIR [--focus-county 阳谷县 --focus-count 12]`
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import opencc

SUPPORTERS = [
    "山东省立医院",
    "山东大学齐鲁医院",
    "青岛大学附属医院",
    "济南市中心医院",
    "山东省千佛山医院",
    "潍坊市人民医院",
    "泰安市中心医院",
    "济宁医学院附属医院",
    "聊城市人民医院",
    "滨州医学院附属医院",
    "临沂市人民医院",
    "淄博市中心医院",
    "烟台毓璜顶医院",
    "威海市立医院",
    "日照市人民医院",
    "枣庄市立医院",
    "菏泽市立医院",
    "德州市人民医院",
    "山东第一医科大学附属省立医院",
    "济南市第四人民医院",
    "青岛市市立医院",
    "潍坊医学院附属医院",
    "东营市人民医院",
    "滨州市人民医院",
]
COUNTIES = [
    "阳谷县",
    "冠县",
    "高唐县",
    "东阿县",
    "茌平区",
    "临清市",
    "平原县",
    "夏津县",
    "武城县",
    "庆云县",
    "宁津县",
    "临邑县",
    "齐河县",
    "禹城市",
    "陵城区",
    "沂水县",
    "蒙阴县",
    "平邑县",
    "费县",
    "郯城县",
    "兰陵县",
    "莒南县",
    "沂南县",
    "临沭县",
    "五莲县",
    "莒县",
    "曹县",
    "单县",
    "成武县",
    "巨野县",
    "郓城县",
    "鄄城县",
    "东明县",
    "利津县",
    "垦利区",
    "广饶县",
    "博兴县",
    "惠民县",
    "阳信县",
    "无棣县",
]
KINDS = ("对口支援", "紧密型医联体", "派驻专家")
NOISE_HEADLINES = [
    "北约若宣战,俄首个摧毁目标浮现,形势严峻",
    "比亚迪让供应商降10%很离谱?这才哪到哪",
    "2岁宝宝益生菌哪个牌好 为宝宝选对益生菌真的太重要了",
    "卢布一度遭遇恐慌性抛售",
    "皇马输球的原因找到了",
    "上海一业主将价值20万自行车放楼道 结果车消失了",
    "敏感肌用什么洗面奶温和不刺激",
    "告别色斑用什么产品好",
]
FILLER = [
    "会议指出,要进一步推动优质医疗资源扩容下沉和区域均衡布局,提升基层医疗服务能力。",
    "与会人员围绕学科建设、人才培养、技术提升等方面进行了深入交流。",
    "下一步,双方将在远程会诊、双向转诊、业务培训等方面加强协作,让群众在家门口享受优质医疗服务。",
    "活动现场,专家团队还开展了义诊、健康宣教等活动,受到群众欢迎。",
    "据了解,近年来当地持续深化医药卫生体制改革,分级诊疗制度建设取得积极成效。",
]


@dataclass(frozen=True)
class SynthDoc:
    name: str
    text: str
    relations: list[dict]


def _body(
    kind: str, supporter: str, supported: str, month: int, day: int, rng: random.Random
) -> tuple[str, str, str]:
    """(title, first paragraph, figures) for one relation."""
    if kind == "对口支援":
        title = f"{supporter}与{supported}开展对口支援工作座谈会"
        first = (
            f"{month}月{day}日,{supporter}与{supported}开展对口支援工作座谈会。"
            f"会议旨在进一步落实城乡对口支援工作任务,提高基层医疗水平。"
        )
        return title, first, ""
    if kind == "紧密型医联体":
        title = f"{supporter}与{supported}紧密型医联体签约揭牌"
        first = (
            f"{month}月{day}日,{supporter}与{supported}紧密型医联体签约揭牌仪式举行,"
            f"双方将在管理、技术、人才等方面开展深度合作。"
        )
        return title, first, ""
    total = rng.randint(10, 80)
    resident = rng.randint(3, total - 3)
    figures = f"专家共{total}名,其中常驻专家{resident}名、坐诊专家{total - resident}名"
    title = f"{supporter}首批派驻{supported}专家欢迎仪式举行"
    first = (
        f"{month}月{day}日,{supported}举行{supporter}首批派驻专家欢迎仪式。"
        f"此次{supporter}派驻到医院进行业务帮扶的{figures}。"
    )
    return title, first, figures


def _page(style: int, title: str, paragraphs: list[str], date: str, rng: random.Random) -> str:
    noise = rng.sample(NOISE_HEADLINES, 4)
    if style == 0:  # 大众网 capture with a repeated 原标题 header
        head = [
            "来源:大众网(wǎng)",
            f"{date} 09:{rng.randint(10, 59)}:07",
            f"原标题:{title}",
            "来源:大众网",
        ]
        tail = ["想爆料?请登录《阳光连线》、拨打新闻热线0531-66661234提供新闻线索。"]
        return "\n".join(head + paragraphs + tail)
    if style == 1:  # 网易 page: breadcrumb, share widget, recommendation list
        tail = ["相关推荐", "热点推荐"] + [
            x for h in noise for x in (h, h, "某某号", f"{date} 00:05:02")
        ]
        return "\n\n".join(["网易首页 > 网易山东 > 正文", title, "0", "分享至", *paragraphs, *tail])
    # a hospital's own site: metadata line, repeated headline, share button
    office = rng.choice(["医院办公室", "宣传科"])
    meta = f"作者:管理员 来源:{office} 发布时间:{date.replace('-', '/')} 10:18:00"
    body = [p for para in paragraphs for p in (para, title)][:-1]
    return "\n\n".join([title, meta, *body, "微信扫一扫分享", "热点新闻"])


def generate(
    n_docs: int, seed: int = 0, focus_county: str | None = None, focus_count: int = 0
) -> list[SynthDoc]:
    """`n_docs` articles; the first `focus_count` each give `focus_county` a different supporter."""
    rng = random.Random(seed)
    s2t = opencc.OpenCC("s2t")
    focus = rng.sample(SUPPORTERS, min(focus_count, len(SUPPORTERS))) if focus_county else []
    others = [
        c for c in COUNTIES if c != focus_county
    ]  # only the focus articles name the focus county
    docs = []
    for i in range(n_docs):
        if i < len(focus):
            supporter, county = focus[i], focus_county
        else:
            supporter, county = rng.choice(SUPPORTERS), rng.choice(others)
        supported = f"{county}人民医院"
        kind = rng.choice(KINDS)
        year, month, day = rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28)
        date = f"{year}-{month:02d}-{day:02d}"
        title, first, figures = _body(kind, supporter, supported, month, day, rng)
        paragraphs = [first, *rng.sample(FILLER, rng.randint(2, 4))]
        text = _page(i % 3, title, paragraphs, date, rng)
        traditional = rng.random() < 0.35
        if traditional:
            text = s2t.convert(text)
        relation = {
            "supporter": supporter,
            "supported": supported,
            "kind": kind,
            "date": date,
            "figures": figures or None,
        }
        docs.append(SynthDoc(f"synth_{seed}_{i:06d}", text, [relation]))
    return docs


def write(docs: Sequence[SynthDoc], out: Path) -> Path:
    """The articles as DIR/<name>.txt and their true relations as DIR/relations_gold.jsonl."""
    out.mkdir(parents=True, exist_ok=True)
    with (out / "relations_gold.jsonl").open("w", encoding="utf-8") as gold:
        for doc in docs:
            (out / f"{doc.name}.txt").write_text(doc.text, encoding="utf-8")
            for rel in doc.relations:
                gold.write(json.dumps({"doc_id": doc.name, **rel}, ensure_ascii=False) + "\n")
    return out
