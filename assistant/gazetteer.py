"""Gazetteer and glossary: bridge English (and pinyin) questions to the Chinese corpus.

Built from the corpus at ingest time: every place, organization and person name found
by jieba's tagger gets pinyin keys (Leling → 乐陵, Shen County → 莘县), so an English
question can be searched with the Chinese words the articles use. The same tables
render Chinese names back into English for English answers.
"""

from __future__ import annotations

import itertools
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import jieba.posseg as pseg
from pypinyin import Style, pinyin

from .textnorm import to_search_form

# English → Chinese, for bridging questions. Longer phrases are matched first.
GLOSSARY_EN_ZH: dict[str, str] = {
    "paired assistance": "对口支援", "counterpart support": "对口支援", "medical alliance": "医联体",
    "medical consortium": "医联体", "medical group": "医疗集团", "medical groups": "医疗集团",
    "county hospital": "县医院", "people's hospital": "人民医院", "peoples hospital": "人民医院",
    "people hospital": "人民医院", "central hospital": "中心医院", "second hospital": "第二医院",
    "maternal and child health": "妇幼保健", "maternal and child": "妇幼", "health commission": "卫生健康委",
    "party secretary": "党委书记", "vice president": "副院长", "deputy director": "副主任",
    "deputy county magistrate": "副县长", "vice mayor": "副市长", "how many": "多少",
    "thousand county project": "千县工程", "thousand counties project": "千县工程",
    "hospital": "医院", "hospitals": "医院", "support": "支援/帮扶/对口支援/医联体/共建/派驻/合作", "supports": "支援/帮扶/对口支援/医联体/共建/派驻/合作",
    "supported": "支援/帮扶/对口支援/医联体/共建/派驻/合作", "supporting": "支援/帮扶/对口支援/医联体/共建/派驻/合作", "assistance": "帮扶", "help": "帮扶",
    "alliance": "医联体/联盟", "consortium": "医联体", "county": "县", "city": "市", "province": "省",
    "district": "区", "town": "镇", "university": "大学", "oilfield": "油田", "oil": "油田",
    "people's": "人民", "central": "中心", "second": "第二", "third": "第三", "first": "首批",
    "expert": "专家", "experts": "专家", "doctor": "医生", "doctors": "医生", "sign": "签约",
    "signed": "签约", "signing": "签约", "agreement": "协议", "plaque": "揭牌", "unveiled": "揭牌",
    "unveil": "揭牌", "president": "院长", "director": "主任", "secretary": "书记", "mayor": "市长",
    "integration": "一体化/融合", "integrated": "一体化", "merger": "融合", "merge": "融合",
    "cooperation": "合作", "cooperate": "合作", "partnership": "合作", "partner": "合作",
    "model": "模式", "goal": "目标", "target": "目标", "project": "工程", "workstation": "工作站",
    "stationed": "派驻", "dispatched": "派驻", "sent": "派驻", "resident": "常驻", "ceremony": "仪式",
    "welcome": "欢迎", "meeting": "座谈会", "symposium": "座谈会", "launched": "启动", "launch": "启动",
    "maternal": "妇幼", "child": "儿童", "children": "儿童", "health": "健康/保健", "cancer": "肿瘤",
    "oncology": "肿瘤", "research": "科研", "deepen": "深化", "when": "时间", "date": "时间",
    "who": "谁", "chaired": "主持", "hosted": "主持", "presided": "主持", "speech": "讲话",
    "initiated": "发起", "founded": "成立", "established": "成立", "mean": "即", "means": "即",
}
# Chinese → English, for rendering names. Longer keys win.
GLOSSARY_ZH_EN: dict[str, str] = {
    "第二人民医院": "Second People's Hospital", "第三人民医院": "Third People's Hospital",
    "人民医院": "People's Hospital", "中心医院": "Central Hospital", "第二医院": "Second Hospital",
    "妇幼保健院": "Maternal and Child Health Hospital", "妇幼保健协会": "Maternal and Child Health Association",
    "保健协会": "Health Association", "妇产科医院": "Obstetrics and Gynecology Hospital",
    "儿童医院": "Children's Hospital", "肿瘤医院": "Cancer Hospital", "医科大学": "Medical University",
    "医学院": "School of Medicine", "卫生健康委员会": "Health Commission", "卫生健康委": "Health Commission",
    "卫健委": "Health Commission", "妇计中心": "Maternal and Child Health and Family Planning Center",
    "计划生育": "Family Planning", "宣传": "Publicity", "技术指导站": "Technical Guidance Station",
    "学术交流管理中心": "Academic Exchange Management Center", "医学": "Medical", "卫健局": "Health Bureau", "医疗集团": "Medical Group",
    "医联体": "Medical Alliance", "卫生院": "Health Center", "附属": "Affiliated", "医院": "Hospital",
    "大学": "University", "油田": "Oilfield", "人民政府": "People's Government", "县": "County",
    "市": "", "省": "Province", "区": "District", "镇": "Town",
}
_PLACE_SUFFIX = re.compile(r"(地区|省|市|县|区|镇)$")
_HEADS = {"医院", "大学", "油田", "医科大学", "中心医院", "人民医院", "医学院"}
_PLACE_FOLLOWERS = _HEADS | {"人民", "中医院", "中医", "妇幼保健", "妇幼保健院", "第一", "第二", "第三", "立", "市立"}
_GENERIC = {"城区", "市区", "辖区", "院区", "新区", "县区", "城市", "千县", "满意度", "深度", "多角度", "上联", "下联", "底联", "周边地区", "重大意义", "扎根"}
_STOP = "与和及、,,。;;::“”\"《》()()\\s对在由为是了的向将共同赴到从把被并暨等"
_INSTITUTION = re.compile(
    rf"[^{_STOP}]{{2,24}}(?:医院|保健院|卫生院|医疗集团|保健协会|卫生健康委员会|卫生健康委|卫健委|卫健局)"
)
_EN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_ASCII_ONLY = re.compile(r"^[\x00-\x7f]+$")


def _syllables(word: str) -> list[list[str]]:
    return pinyin(word, style=Style.NORMAL, heteronym=True, errors="ignore")


def pinyin_keys(word: str, limit: int = 8) -> set[str]:
    """All heteronym readings of `word`, concatenated ('莘县' → {'shenxian', 'xinxian'})."""
    combos = itertools.islice(itertools.product(*_syllables(word)), limit)
    return {"".join(c).replace("ü", "v") for c in combos}


def render_pinyin(word: str) -> str:
    return "".join(s[0] for s in pinyin(word, style=Style.NORMAL, errors="ignore")).capitalize()


@dataclass
class Gazetteer:
    names: dict[str, str] = field(default_factory=dict)  # 中文 name → kind (place/org/person)
    aliases: dict[str, str] = field(default_factory=dict)  # pinyin key → 中文 name

    @classmethod
    def build(cls, texts: list[str]) -> Gazetteer:
        text = "\n".join(to_search_form(t) for t in texts)
        found: dict[str, str] = {}
        tagged = list(pseg.cut(text))
        for (word, flag), (after, _) in zip(tagged, tagged[1:] + [("", "")], strict=True):
            if len(word) < 2 or word in _GENERIC:
                continue
            if after in _PLACE_FOLLOWERS and re.fullmatch(r"[\u4e00-\u9fff]{1,4}[县市区]", word) \
                    and word not in _GENERIC and word[0] not in "全本该我各两此":
                found[word] = "place"  # 冠县(人民医院): a place jieba does not tag as one
            elif after in _HEADS and flag in ("ns", "nr", "nt", "nz", "j") and word not in GLOSSARY_ZH_EN:
                found.setdefault(word, "org")  # 齐鲁(医院), 山东(大学), 胜利(油田)
            if flag == "ns" and (_PLACE_SUFFIX.search(word) or re.search(word + "(市|县|区|医|大学)", text)):
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
        return cls.from_names(found)

    @classmethod
    def from_names(cls, names: dict[str, str]) -> Gazetteer:
        """Index names by their pinyin keys (shorter names win a shared key)."""
        gaz = cls(names=dict(names))
        for word in sorted(names, key=len):
            for key in pinyin_keys(word):
                gaz.aliases.setdefault(key, word)
        return gaz

    # ---- persistence ----------------------------------------------------------
    def save(self, path: Path, stamp: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        tmp.write_text(json.dumps({"stamp": stamp, "names": self.names, "aliases": self.aliases},
                                  ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path, stamp: str) -> Gazetteer | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return cls(data["names"], data["aliases"]) if data.get("stamp") == stamp else None

    # ---- bridging questions ----------------------------------------------------
    def bridge(self, question: str) -> tuple[str, list[str]]:
        """Chinese search terms for the English/pinyin words of `question`.

        Returns (terms, unknown). Terms are space-separated; alternatives within one
        term are joined by '/' ("支援/帮扶"), and any one of them satisfies the term.
        `unknown` lists capitalized words that neither the glossary nor the gazetteer
        knows — names the corpus may not contain at all.
        """
        words = _EN_WORD.findall(question.replace("’", "'"))
        terms: list[str] = []
        unknown: list[str] = []
        i = 0
        while i < len(words):
            for n in (4, 3, 2, 1):
                if i + n > len(words):
                    continue
                phrase = " ".join(w.lower() for w in words[i:i + n])
                joined = phrase.replace(" ", "").replace("'", "")
                hit = GLOSSARY_EN_ZH.get(phrase) or self.aliases.get(joined)
                if hit is None and n == 1 and phrase.endswith("s"):
                    hit = GLOSSARY_EN_ZH.get(phrase[:-1])
                if hit:
                    terms.append(hit)
                    i += n
                    break
            else:
                word = words[i]
                if word[0].isupper() and len(word) > 2 and i > 0 and word.lower() not in _EN_STOP:
                    unknown.append(word)
                i += 1
        def merge(m: re.Match[str]) -> str:  # 'Shen County' → 莘 县 → 莘县, the articles' word
            word = m.group(1) + m.group(2)
            return word if word in self.names else m.group(0)

        return re.sub(r"(\S+) ([县市省区镇])(?=\s|$)", merge, " ".join(terms)), unknown

    # ---- rendering names -------------------------------------------------------
    def render(self, name: str) -> str:
        """English rendering of a Chinese name: glossary words, pinyin for the rest."""
        if self.names.get(name) == "person":  # 冯世庆 → Feng Shiqing
            return f"{render_pinyin(name[0])} {render_pinyin(name[1:])}"
        out: list[str] = []
        i = 0
        keys = sorted(GLOSSARY_ZH_EN, key=len, reverse=True)
        pending = ""
        while i < len(name):
            key = next((k for k in keys if name.startswith(k, i)), None)
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

    def institutions(self, text: str) -> list[tuple[int, int]]:
        """Spans of institution names (山东大学齐鲁医院德州医院) that start at a known name.

        The left edge of a regex match is unreliable ("此次胜利油田中心医院"), so a match
        is trimmed to its first gazetteer name and dropped when it holds none.
        """
        spans = []
        for m in _INSTITUTION.finditer(text):
            starts = [m.start() + i for n in self.names if len(n) >= 2 and (i := m.group(0).find(n)) >= 0]
            if starts:
                spans.append((min(starts), m.end()))
        return spans

    def mentions(self, text: str) -> list[tuple[int, int]]:
        """Non-overlapping spans of institution and gazetteer names, longest first."""
        spans = self.institutions(text)
        for name in self.names:
            if len(name) >= 2:
                spans += [(m.start(), m.end()) for m in re.finditer(re.escape(name), text)]
        chosen: list[tuple[int, int]] = []
        for start, end in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
            if all(end <= a or start >= b for a, b in chosen):
                chosen.append((start, end))
        return sorted(chosen)

    def annotate(self, text: str) -> str:
        """Add '(English)' after the first mention of each name: 乐陵市人民医院 (Leling People's Hospital)."""
        out, last, seen = [], 0, set()
        for start, end in self.mentions(text):
            name = text[start:end]
            out.append(text[last:end])
            if name not in seen:
                seen.add(name)
                out.append(f" ({self.render(name)})")
            last = end
        return "".join(out) + text[last:]


def is_english(question: str) -> bool:
    letters = sum(ch.isascii() and ch.isalpha() for ch in question)
    return letters > 0 and letters >= 2 * sum("\u4e00" <= ch <= "\u9fff" for ch in question)


_EN_STOP = {
    "which", "what", "who", "whom", "how", "when", "where", "why", "the", "a", "an", "of", "in", "on",
    "does", "do", "did", "is", "are", "was", "were", "and", "or", "to", "for", "with", "i", "its",
}
