"""Roles people hold in the articles (院长, 党委书记 …) and their English names."""

from __future__ import annotations

import re

# Longer roles first, so 党委副书记 is read before 书记.
ROLE_EN: dict[str, str] = {
    "党委副书记": "Deputy Party Secretary",
    "党组书记": "Party Leadership Group Secretary",
    "党委书记": "Party Secretary",
    "党工委副书记": "Deputy Party Working Committee Secretary",
    "党组成员": "Party Leadership Group member",
    "党委委员": "Party Committee member",
    "党总支书记": "Party General Branch Secretary",
    "常务副会长": "Executive Vice President",
    "秘书长": "Secretary-General",
    "副秘书长": "Deputy Secretary-General",
    "副院长": "Vice President",
    "院长": "President",
    "副主任": "Deputy Director",
    "行政主任": "Administrative Director",
    "科主任": "Department Director",
    "主任": "Director",
    "副县长": "Deputy County Head",
    "县委书记": "County Party Secretary",
    "县长": "County Head",
    "副市长": "Vice Mayor",
    "市长": "Mayor",
    "镇长": "Town Head",
    "副会长": "Vice President",
    "会长": "President",
    "副局长": "Deputy Director",
    "局长": "Director",
    "工会主席": "Trade Union Chair",
    "主席": "Chair",
    "组长": "Group Leader",
    "副书记": "Deputy Secretary",
    "书记": "Secretary",
    "委员": "Member",
    "成员": "Member",
}
# Offices of a government, never of a hospital: 市二院仪式上的副县长 is of the county, at the
# hospital's occasion.
GOVERNMENT_OFFICE = re.compile(r"[省市县区镇]长|[省市县]委书记")
ROLE_WORDS = re.compile("|".join(sorted(ROLE_EN, key=len, reverse=True)))
# A role as written before or after a name: 党委副书记, 常务副会长, 行政主任, 通讯员 …
ROLE = (
    r"(?:常务|执行)?(?:党委|党组|党工委|工会|行政|县委|市委)?副?"
    r"(?:书记|院长|主任|县长|市长|区长|镇长|会长|秘书长|局长|主席|组长|成员|委员|处长|科长|站长"
    r"|所长|部长|理事长|教授|医师|专家|通讯员|记者)"
)
# Several roles of one person: 党组书记、主任; 常务副会长兼秘书长.
ROLE_CHAIN = rf"{ROLE}(?:[、兼]{ROLE})*"


def role_english(roles: str) -> str:
    """'党委副书记、院长' → 'Deputy Party Secretary, President'."""
    parts = re.split(r"[、兼]", roles)
    return ", ".join(ROLE_EN.get(p, p) for p in parts if p)


def roles_in(text: str) -> list[str]:
    """The role words a text (search form) uses, longest first where they overlap."""
    return [m.group(0) for m in ROLE_WORDS.finditer(text)]
