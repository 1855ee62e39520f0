"""The one table of partnership kinds: Chinese name, English label, trigger, symmetry, colour.

Ingest mines relations with the triggers; the store, the answers, the CLI and the network
picture read the labels and colours from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    name: str  # the Chinese name stored on each relation
    english: str
    trigger: re.Pattern[str]  # a sentence that matches states a partnership of this kind
    symmetric: bool  # integration and alliance membership have no supporting side
    colour: str  # in the network picture


# Who is sent, after a dispatch verb (选派的12名专家, 派出管理团队, 派驻业务骨干).
_STAFF_WORDS = r"专家|医生|医师|骨干|人员|团队|医疗队|院长|主任|护士|医护"
_STAFF = rf"[^,,。;;]{{0,12}}(?:{_STAFF_WORDS})"

# Triggers too long for their row of KINDS.
# Experts stationed: 派驻…专家, 专家…入驻, 6名专家由A派驻到B.
_EXPERTS_SENT = re.compile(
    r"派驻.{0,20}专家|专家.{0,6}派驻|专家.{0,4}入驻|专家[由被][^,,。;;]{2,24}派驻"
)
# Staff of any kind sent (选派的12名专家, 派出管理团队), or arriving (医疗队进驻); the
# order of events reads it too (继派驻管理团队后: whom they sent before).
STAFF_SENT = re.compile(
    rf"(?:派驻|选派|派出|下派|派遣|外派|委派|(?<![党学流帮])派){_STAFF}"
    r"|(?:专家|医生|团队|医疗队|骨干|人员)[^,,。;;]{0,4}(?:进驻|入驻|驻点|下沉)"
)
# An alliance formed or unveiled, not its members attending a meeting.
_ALLIANCE_FORMED = re.compile(
    r"(?:组建|共建|建立|构建|打造)[^,,。;;]{0,6}(?:医联体|医共体)"
    r"|(?:医联体|医共体)[^,,。;;]{0,4}(?:揭牌|签约|成立|协议|启动)"
    r"|成为[^,,。;;]{0,20}(?:医联体|医共体)"
)
_CLOSE = re.compile(r"紧密型医联体|紧密型县域医共体")
_JOINED = re.compile(r"成立医联体|联合成立|加入.{0,6}医联体")
_SIGNED = re.compile(r"签署.{0,6}(?:合作|协议)|签约|合作协议")

# In order of precedence: a sentence that matches several takes the first.
KINDS: tuple[Kind, ...] = (
    Kind("对口支援", "paired assistance", re.compile(r"对口支援|对口帮扶"), False, "#0969da"),
    Kind("紧密型医联体", "close medical alliance", _CLOSE, False, "#1a7f37"),
    Kind("城市医疗集团", "urban medical group", re.compile(r"城市医疗集团"), False, "#8250df"),
    Kind("派驻专家", "stationed experts", _EXPERTS_SENT, False, "#bf3989"),
    Kind("一体化融合", "integration", re.compile(r"一体化融合|融合发展"), True, "#9a6700"),
    Kind("专家工作站", "expert workstation", re.compile(r"专家工作站"), False, "#cf222e"),
    Kind("医联体成员", "medical alliance membership", _JOINED, True, "#57606a"),
    Kind("签约合作", "signed cooperation", _SIGNED, False, "#116329"),
    # Added after the eight above, so a sentence that matched one of them keeps its kind.
    Kind("托管", "trusteeship", re.compile(r"托管|领办"), False, "#953800"),
    Kind("专科联盟", "specialty alliance", re.compile(r"专科联盟"), False, "#0550ae"),
    Kind("派驻人员", "stationed staff", STAFF_SENT, False, "#8a4600"),
    Kind("结对", "pairing", re.compile(r"结对|结成.{0,6}对子|结为.{0,6}对子"), False, "#6639ba"),
    Kind("共建", "co-construction", re.compile(r"共建"), False, "#4d2d00"),
    Kind("医联体", "medical alliance", _ALLIANCE_FORMED, False, "#3b5b27"),
    Kind("帮扶", "assistance", re.compile(r"帮扶|支援|援建|援助|扶持|帮带"), False, "#0a3069"),
)
BY_NAME = {k.name: k for k in KINDS}
KIND_EN = {k.name: k.english for k in KINDS}
SYMMETRIC_KINDS = frozenset(k.name for k in KINDS if k.symmetric)
DEFAULT_COLOUR = "#57606a"
# Kinds whose relations carry the number of experts sent.
EXPERT_KINDS = frozenset({"派驻专家", "专家工作站", "派驻人员"})


def colour(kind: str) -> str:
    return BY_NAME[kind].colour if kind in BY_NAME else DEFAULT_COLOUR


def english(kind: str) -> str:
    return KIND_EN.get(kind, kind)


def find_kind(label: str) -> str | None:
    """The kind a user names, in Chinese (either script folded before) or English."""
    label = label.strip()
    return next(
        (k.name for k in KINDS if label in (k.name, k.english) or label.lower() == k.english), None
    )


# The type word an article may write before a kind's name (紧密型城市医疗集团).
_TYPE_WORD = "(?:紧密型|松散型)"


def as_written(kind: str, sentence: str) -> str:
    """The kind with the type word its sentence (search form) writes before it: the
    article's own name for the partnership (紧密型城市医疗集团, not 城市医疗集团)."""
    m = re.search(_TYPE_WORD + re.escape(kind), sentence)
    return m.group(0) if m else kind


def kinds_in(sentence: str) -> list[str]:
    """Kinds a sentence states: the most specific one, and stationed experts beside it (their
    figures are kept apart)."""
    matched = [k.name for k in KINDS if k.trigger.search(sentence)]
    return list(dict.fromkeys(matched[:1] + [k for k in matched if k == "派驻专家"]))


# The words a reader uses for a kind of partnership, in a claim to check ("搞的是县域医共体
# 吧?", "is it a county medical community?"): each with the words an article writes it in.
KIND_WORDS_ZH = re.compile(
    r"县域医共体|医共体|紧密型医联体|医联体|城市医疗集团|医疗集团|对口支援|托管|专科联盟|结对|"
    r"一体化|专家工作站"
)
KIND_WORDS_EN = {
    "county medical community": "医共体",
    "medical community": "医共体",
    "medical alliance": "医联体",
    "medical consortium": "医联体",
    "urban medical group": "城市医疗集团",
    "medical group": "医疗集团",
    "counterpart support": "对口支援",
    "paired assistance": "对口支援",
    "trusteeship": "托管",
    "specialty alliance": "专科联盟",
    "expert workstation": "专家工作站",
}


def kind_claimed(text: str, english: bool) -> str:
    """The partnership kind a yes/no question claims, as articles write it; '' if none."""
    if english:
        low = text.lower()
        return next((zh for en, zh in KIND_WORDS_EN.items() if en in low), "")
    m = KIND_WORDS_ZH.search(text)
    return m.group(0) if m else ""
