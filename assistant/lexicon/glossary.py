"""The glossary and the English-name rules: English words to the Chinese the articles use,
Chinese names to English renderings (glossary words, pinyin for the rest)."""

from __future__ import annotations

import itertools
import re

from pypinyin import Style, pinyin

# English → Chinese, for bridging questions. Longer phrases are matched first.
GLOSSARY_EN_ZH: dict[str, str] = {
    "paired assistance": "对口支援",
    "counterpart support": "对口支援",
    "medical alliance": "医联体",
    "medical consortium": "医联体",
    "medical group": "医疗集团",
    "medical groups": "医疗集团",
    "county hospital": "县医院",
    "people's hospital": "人民医院",
    "peoples hospital": "人民医院",
    "people hospital": "人民医院",
    "central hospital": "中心医院",
    "second hospital": "第二医院",
    "maternal and child health": "妇幼保健",
    "maternal and child": "妇幼",
    "health commission": "卫生健康委",
    "party secretary": "党委书记",
    "vice president": "副院长",
    "deputy director": "副主任",
    "deputy county magistrate": "副县长",
    "vice mayor": "副市长",
    "how many": "多少",
    "thousand county project": "千县工程",
    "thousand counties project": "千县工程",
    "hospital": "医院",
    "hospitals": "医院",
    "support": "支援/帮扶/对口支援/医联体/共建/派驻/合作",
    "supports": "支援/帮扶/对口支援/医联体/共建/派驻/合作",
    "supported": "支援/帮扶/对口支援/医联体/共建/派驻/合作",
    "supporting": "支援/帮扶/对口支援/医联体/共建/派驻/合作",
    "assistance": "帮扶",
    "help": "帮扶",
    "alliance": "医联体/联盟",
    "consortium": "医联体",
    "county": "县",
    "city": "市",
    "province": "省",
    "district": "区",
    "town": "镇",
    "university": "大学",
    "oilfield": "油田",
    "oil": "油田",
    "people's": "人民",
    "central": "中心",
    "second": "第二",
    "third": "第三",
    "first": "首批",
    "expert": "专家",
    "experts": "专家",
    "doctor": "医生",
    "doctors": "医生",
    "sign": "签约",
    "signed": "签约",
    "signing": "签约",
    "agreement": "协议",
    "plaque": "揭牌",
    "unveiled": "揭牌",
    "unveil": "揭牌",
    "president": "院长",
    "director": "主任",
    "secretary": "书记",
    "mayor": "市长",
    "integration": "一体化/融合",
    "integrated": "一体化",
    "merger": "融合",
    "merge": "融合",
    "cooperation": "合作",
    "cooperate": "合作",
    "partnership": "合作",
    "partner": "合作",
    "model": "模式",
    "goal": "目标",
    "target": "目标",
    "project": "工程",
    "workstation": "工作站",
    "stationed": "派驻",
    "dispatched": "派驻",
    "sent": "派驻",
    "resident": "常驻",
    "ceremony": "仪式",
    "welcome": "欢迎",
    "meeting": "座谈会",
    "symposium": "座谈会",
    "launched": "启动",
    "launch": "启动",
    "maternal": "妇幼",
    "child": "儿童",
    "children": "儿童",
    "health": "健康/保健",
    "cancer": "肿瘤",
    "oncology": "肿瘤",
    "research": "科研",
    "deepen": "深化",
    "when": "时间",
    "date": "时间",
    "who": "谁",
    "chaired": "主持",
    "hosted": "主持",
    "presided": "主持",
    "speech": "讲话",
    "initiated": "发起",
    "founded": "成立",
    "established": "成立",
    "mean": "即",
    "means": "即",
}
# Chinese → English, for rendering names. Longer keys win.
GLOSSARY_ZH_EN: dict[str, str] = {
    "第二人民医院": "Second People's Hospital",
    "第三人民医院": "Third People's Hospital",
    "人民医院": "People's Hospital",
    "中心医院": "Central Hospital",
    "第二医院": "Second Hospital",
    "妇幼保健院": "Maternal and Child Health Hospital",
    "妇幼保健协会": "Maternal and Child Health Association",
    "保健协会": "Health Association",
    "妇产科医院": "Obstetrics and Gynecology Hospital",
    "儿童医院": "Children's Hospital",
    "肿瘤医院": "Cancer Hospital",
    "医科大学": "Medical University",
    "医学院": "School of Medicine",
    "卫生健康委员会": "Health Commission",
    "卫生健康委": "Health Commission",
    "卫健委": "Health Commission",
    "妇计中心": "Maternal and Child Health and Family Planning Center",
    "计划生育": "Family Planning",
    "宣传": "Publicity",
    "技术指导站": "Technical Guidance Station",
    "学术交流管理中心": "Academic Exchange Management Center",
    "医学": "Medical",
    "卫健局": "Health Bureau",
    "医疗集团": "Medical Group",
    "医联体": "Medical Alliance",
    "卫生院": "Health Center",
    "附属": "Affiliated",
    "医院": "Hospital",
    "大学": "University",
    "油田": "Oilfield",
    "人民政府": "People's Government",
    "县": "County",
    "市": "",
    "省": "Province",
    "区": "District",
    "镇": "Town",
}
EN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
# English words that are never names, even capitalized at a sentence start.
EN_STOP = {
    "which",
    "what",
    "who",
    "whom",
    "how",
    "when",
    "where",
    "why",
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "does",
    "do",
    "did",
    "is",
    "are",
    "was",
    "were",
    "and",
    "or",
    "to",
    "for",
    "with",
    "i",
    "its",
}


def is_english(question: str) -> bool:
    letters = sum(ch.isascii() and ch.isalpha() for ch in question)
    return letters > 0 and letters >= 2 * sum("\u4e00" <= ch <= "\u9fff" for ch in question)


def _syllables(word: str) -> list[list[str]]:
    return pinyin(word, style=Style.NORMAL, heteronym=True, errors="ignore")


def pinyin_keys(word: str, limit: int = 8) -> set[str]:
    """All heteronym readings of `word`, concatenated ('莘县' → {'shenxian', 'xinxian'})."""
    combos = itertools.islice(itertools.product(*_syllables(word)), limit)
    return {"".join(c).replace("ü", "v") for c in combos}


def render_pinyin(word: str) -> str:
    return "".join(s[0] for s in pinyin(word, style=Style.NORMAL, errors="ignore")).capitalize()


def render_person(name: str) -> str:
    """冯世庆 → Feng Shiqing."""
    return f"{render_pinyin(name[0])} {render_pinyin(name[1:])}"


_ZH_KEYS = sorted(GLOSSARY_ZH_EN, key=len, reverse=True)


def render_name(name: str) -> str:
    """English rendering of an institution or place: glossary words, pinyin for the rest."""
    out: list[str] = []
    i = 0
    pending = ""
    while i < len(name):
        key = next((k for k in _ZH_KEYS if name.startswith(k, i)), None)
        if key is None:
            pending += name[i]
            i += 1
            continue
        if pending:
            out.append(render_pinyin(pending))
            pending = ""
        if GLOSSARY_ZH_EN[key]:
            out.append(GLOSSARY_ZH_EN[key])
        i += len(key)
    if pending:
        out.append(render_pinyin(pending))
    return " ".join(out)
