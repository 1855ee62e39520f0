"""Partnership questions ("哪些医院支援乐陵?", "Who supports Shen County?") answered from the
relation table: every matching relation is listed with its citation, none is lost to top-k."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from assistant.lexicon.gazetteer import Gazetteer
from assistant.lexicon.kinds import english as kind_english
from assistant.lexicon.kinds import kind_claimed
from assistant.lexicon.names import ORG_HEAD
from assistant.lexicon.questions import DISTRIBUTIVE, KIND_ASKED, PLACED_INSTITUTION
from assistant.qa.analyze import ParsedQuery
from assistant.qa.evidence import name_forms
from assistant.store.relations import RelationIndex, RelationRow
from assistant.textnorm import to_search_form
from assistant.types import Article, Citation

_VERB_ZH = r"支援|帮扶|支持|合作|医联体|医共体|共建|派驻|融合|签约|结对|托管|帮助"
_DIRECTED_ZH = r"支援|帮扶|支持|派驻|托管|帮助"
# Questions about institutions, not about aspects ("在哪些方面") or people ("由谁主持").
_ASK_ZH = re.compile(
    r"(?:哪些|哪几家|哪家|几家|多少家|哪所|有哪)"
    r"(?!方面|领域|工作|措施|内容|问题|活动|事|人(?!民)|位|专家|领导|负责人|科室|部门|嘉宾|官员)"
    r"|谁(?=" + _VERB_ZH + r")|多少名?(?:专家|医生|医务人员)|列出|" + PLACED_INSTITUTION
)
_VERB_EN = (
    r"support|help|partner|alliance|cooperat|integrat|merg|sign|station|sent|send|assist|twin"
)
_DIRECTED_EN = r"\b(?:support|help|station|sent|send|assist)"
_ASK_EN = re.compile(
    r"\b(?:which|what)\s+(?:\w+\s+)?(?:hospitals?|institutions?|units?|partners?|members?|"
    r"organi[sz]ations?)\b|\bwho\s+(?:\w+\s+)?(?:supports?|helps?|assists?|partners?|works?)\b"
    r"|\bhow many\s+(?:\w+\s+)?(?:hospitals?|experts?|doctors?|partners?|members?)\b|\blist\b",
    re.I,
)
_REGION_ANY = re.compile(
    r"^\s*(\S{2,6}?)(?:市|县|区|省)?(?:有哪些|的哪些|有几家|哪些医院)|\bin\s+[A-Z]"
)


# A question asking for every partnership, naming none: the whole table answers it.
_ALL_OF_THEM = re.compile(
    r"(?:所有|全部|一切|都有哪些|都有什么)的?(?:合作|医联体|帮扶|支援|关系)"
    r"|\b(?:all|every)\b.{0,30}\b(?:partnerships?|collaborations?|alliances?|arrangements?|"
    r"cooperations?|relationships?)",
    re.I,
)


@dataclass(frozen=True)
class Target:
    name: str
    role: str  # "supporter" | "supported" | "either"


def is_partnership_question(query: ParsedQuery) -> bool:
    text = query.text
    if query.language == "en":
        return (
            bool(_ASK_EN.search(text) and re.search(_VERB_EN, text, re.I))
            and not query.unknown_names
        )
    return bool(_ASK_ZH.search(text) and re.search(_VERB_ZH, text))


# What a count of table rows can answer: institutions and partnerships, not people.
_PARTIES = re.compile(ORG_HEAD + r"|单位|机构|成员|伙伴|合作|医联体|联盟|集团|^家$")  # 家, not 专家


def counts_parties(query: ParsedQuery) -> bool:
    """Whether the question counts what the table holds (几家医院, how many partners), or asks
    no count at all; how many doctors were sent is a number an article must state."""
    if query.intent != "count":
        return True
    if query.unit and "家" not in query.unit:
        return False
    return not query.counted or any(_PARTIES.search(c) for c in query.counted)


def targets(query: ParsedQuery, gazetteer: Gazetteer, known: set[str]) -> list[Target]:
    """Places and hospitals the question is about, with the side of the relation they stand on."""
    if query.language == "en":
        verb = re.search(_DIRECTED_EN, query.text, re.I)
        out = []
        for word_match in re.finditer(
            r"[A-Z][A-Za-z']+(?:\s+[A-Z][A-Za-z']+)*|[a-z][A-Za-z']+", query.text
        ):
            bridged, _ = gazetteer.bridge(word_match.group(0))
            names = [t for t in bridged.split() if t in gazetteer.names]
            side = "supported" if verb and word_match.start() > verb.start() else "supporter"
            out += [Target(n, side if verb else "either") for n in names if len(n) >= 2]
        return _dedupe(out)
    text = query.text
    # a side only where the verb has one (X支援Y); 合作, 医联体, 签约 have none
    verb = re.search(_DIRECTED_ZH, text)
    spans = [
        (m.start(), m.end())
        for n in gazetteer.names
        if len(n) >= 2
        for m in re.finditer(re.escape(n), text)
    ]
    for name in known:  # a known institution, in full or by a distinctive tail (齐鲁医院德州医院)
        tail = next((name[i:] for i in range(len(name) - 5) if name[i:] in text), None)
        if tail:
            spans += [(m.start(), m.end()) for m in re.finditer(re.escape(tail), text)]
    either = bool(_REGION_ANY.search(text))
    out = []
    for a, b in sorted(spans, key=lambda s: (s[0], -s[1])):
        if any(x <= a and b <= y and (x, y) != (a, b) for x, y in spans):
            continue  # inside a longer name
        side = "supported" if verb and a > verb.start() else "supporter"
        role = "either" if either or not verb else side
        out.append(Target(text[a:b], role))
    # short forms the analyzer resolved (山大二院 → 山东大学第二医院)
    named = {t.name for t in out}
    out += [
        Target(e, "either") for e in query.entities if e in known and not any(e in n for n in named)
    ]
    return _dedupe(out)


def _dedupe(items: list[Target]) -> list[Target]:
    return list(dict.fromkeys(items))


def _matches(row: RelationRow, target: Target) -> bool:
    rel = target.name
    sides = {
        "supporter": [row.relation.supporter],
        "supported": [row.relation.supported],
        "either": [row.relation.supporter, row.relation.supported],
    }["either" if row.relation.symmetric else target.role]
    return any(rel in side for side in sides)


def find(query: ParsedQuery, index: RelationIndex, gazetteer: Gazetteer) -> list[RelationRow]:
    """The rows of the relations table that answer the question, or [] when it asks about
    something else: what a person said or wants (刘海永 wants what kind of cooperation), or a
    term it quotes that no row's sentence holds (跟哪些机构扩大「铺开式」合作)."""
    if query.people:
        return []
    rows = _find(query, index, gazetteer)
    if query.year is not None:  # 2018年…加了哪些: a partnership dated in another year is not one
        rows = [r for r in rows if r.relation.may_be_of(query.year)]
    quoted = [to_search_form(t) for t in _QUOTED.findall(query.original)]
    if any(not any(t in _said(r) for r in rows) for t in quoted):
        return []
    return rows


_QUOTED = re.compile(r"[「“‘『]([^」”’』]{2,16})[」”’』]")  # CJK quotes: not an apostrophe


def _said(row: RelationRow) -> str:
    """What a row says, in any form a question may quote: its sentence, kind and sides."""
    r = row.relation
    names = [f for n in (r.supporter, r.supported) for f in name_forms(n)]
    return " ".join([to_search_form(r.evidence), r.kind, *names])


def _find(query: ParsedQuery, index: RelationIndex, gazetteer: Gazetteer) -> list[RelationRow]:
    if not query.entities and _ALL_OF_THEM.search(query.text):
        return index.all()  # every partnership, named by none (列出所有的合作): the whole table
    if query.intent in ("overview", "compare") or KIND_ASKED.search(query.text):
        return summary_rows(query, index)
    if not is_partnership_question(query):
        return []
    wanted = targets(query, gazetteer, index.entities())
    if not wanted:
        return []
    if DISTRIBUTIVE.search(query.text) and len(wanted) >= 2:  # 各自跟哪家合作: each one's
        each = [row for t in wanted for row in index.naming(t.name) if _matches(row, t)]
        return list({id(r.relation): r for r in each}.values())
    return [row for row in index.naming(wanted[0].name) if all(_matches(row, t) for t in wanted)]


def summary_rows(query: ParsedQuery, index: RelationIndex) -> list[RelationRow]:
    """For an overview ("介绍一下A和B的合作"), the relations between the named parties; for a
    comparison, those of each party named. Places count as parties (莘县 → 莘县人民医院)."""
    names = [e for e in query.entities if len(e) >= 2]
    if not names:
        return []
    rows = [r for r in index.all() if any(_names(r, n) for n in names)]
    if query.intent != "compare" and len(names) >= 2:
        both = [r for r in rows if sum(_names(r, n) for n in names) >= 2]
        rows = both or rows
    return rows[:12]


def _names(row: RelationRow, name: str) -> bool:
    sides = (row.relation.supporter, row.relation.supported)
    return any(name in side or side in name for side in sides)


def compose(
    query: ParsedQuery, rows: list[RelationRow], gazetteer: Gazetteer
) -> tuple[str, list[Citation]]:
    """One line per relation, each cited; the header says how many and from how many articles."""
    citations: list[Citation] = []
    by_evidence: dict[tuple[str, str], int] = {}
    lines = []
    english = query.language == "en"
    for row in rows:
        r = row.relation
        key = (r.doc_id, r.evidence)
        if key not in by_evidence:
            by_evidence[key] = len(citations) + 1
            article = Article(r.doc_id, row.title, r.date, row.source, url=row.url)
            citations.append(
                Citation.of_article(
                    by_evidence[key], article, r.evidence, 1.0, f"{r.doc_id}#relation"
                )
            )
        arrow = "↔" if r.symmetric else "→"
        n = by_evidence[key]
        when = f", {r.date}" if r.date else ""
        kind = r.kind_written
        if english:
            figures = f"; {r.figures}" if r.figures else ""
            lines.append(
                f"- {r.supporter} ({gazetteer.render(r.supporter)}) {arrow} {r.supported} "
                f"({gazetteer.render(r.supported)}): {kind_english(r.kind)} ({kind}){when}"
                f"{figures} [{n}]"
            )
        else:
            figures = f";{r.figures}" if r.figures else ""
            lines.append(f"- {r.supporter} {arrow} {r.supported}({kind}{when}{figures})[{n}]")
    docs = len({r.relation.doc_id for r in rows})
    if english:
        head = (
            f"{len(rows)} partnership{'s' if len(rows) != 1 else ''} found in {docs} "
            f"article{'s' if docs != 1 else ''}:"
        )
    else:
        head = f"共找到{len(rows)}项合作关系,来自{docs}篇文档:"
    text = head + "\n" + "\n".join(lines)
    return query.in_script(text), citations


def kind_check(
    query: ParsedQuery, index: RelationIndex, gazetteer: Gazetteer
) -> tuple[str, list[Citation]] | None:
    """Is the partnership of the two parties named the kind claimed ("胜利油田中心医院跟市二院
    搞的是县域医共体吧")? Yes when a sentence stating their partnership says it; no, with the
    kinds stated, when none does. None unless a yes/no question names a kind and two parties
    with a partnership on record."""
    claimed = kind_claimed(query.text, query.language == "en")
    names = [e for e in query.entities if len(e) >= 2]
    if query.intent != "yesno" or not claimed or len(names) < 2:
        return None
    rows = [r for r in index.all() if sum(_names(r, n) for n in names) >= 2]
    if not rows or _claims_more(query, claimed):
        return None
    said = [r for r in rows if claimed in to_search_form(r.relation.evidence)]
    text, citations = compose(query, said or rows, gazetteer)
    listed = text.split("\n", 1)[1]
    if query.language == "en":
        verdict = (
            "Yes, the articles say so:"
            if said
            else (f"No — the articles do not call it that ({claimed}); they say:")
        )
    else:
        verdict = query.in_script(
            "是的,文档中写道:" if said else f"不是,文档中没有说是{claimed},写的是:"
        )
    return f"{verdict}\n{listed}", citations


_CLAIM_ZH = re.compile(rf"{_VERB_ZH}|派(?:的|去|来|过去|过来)|搭档|联手")  # 专家是山大二院派的吧


def partner_check(
    query: ParsedQuery, unmet: list[str], index: RelationIndex, gazetteer: Gazetteer
) -> tuple[str, list[Citation]] | None:
    """No to a claimed partnership between two institutions that no article names together
    ("市二院那批专家是山大二院派的吧"), with the partnerships each one has on record. None
    unless a yes/no question claims a partnership and each institution has one."""
    english = query.language == "en"
    claims = (
        re.search(rf"\b(?:{_VERB_EN})", query.text, re.I)
        if english
        else re.search(_CLAIM_ZH, query.text)
    )
    institutions = [e for e in unmet if re.search(ORG_HEAD + "$", e)]
    if query.intent != "yesno" or not claims or len(institutions) != len(unmet):
        return None
    rows = [[r for r in index.all() if _names(r, e)] for e in institutions]
    if not all(rows):
        return None
    text, citations = compose(query, [r for each in rows for r in each], gazetteer)
    listed = text.split("\n", 1)[1]
    if english:
        verdict = "No — no article names them as partners; the partnerships on record are:"
    else:
        verdict = query.in_script("不是,没有文章说它们之间有合作,文档中写的是:")
    return f"{verdict}\n{listed}", citations


# Words a claim of kind is made with (两家搞的是医共体吧, is their partnership a …)
_CLAIM_WORDS = re.compile(r"^(?:合作|关系|合作关系|搞|是|属于|算|模式|形式|两家|双方|之间)$")


def _claims_more(query: ParsedQuery, claimed: str) -> bool:
    """Whether the question claims more than the kind (第一个x+1+9+X的医联体, 派人参加启动
    仪式): a word that is neither a name, the kind nor a word a claim of kind is made with."""
    for group in query.content:
        if not any(
            t in claimed
            or claimed in t
            or _CLAIM_WORDS.match(t)
            or any(t in f or f in t for e in query.entities for f in name_forms(e))
            for t in group
        ):
            return True
    return False


# Which partnership has the most (or fewest) members: a ranking of the table's partnerships,
# each article's rows one partnership, counted by the parties beside its hub.
_PARTNERSHIP_NOUN = re.compile(
    r"合作|医联体|联盟|集团|医共体|\b(?:partnerships?|alliances?|groups?|collaborations?|deals?)\b",
    re.I,
)
_MEMBER_NOUN = re.compile(
    r"单位|机构|成员|医院|伙伴|\b(?:institutions?|members?|partners?|hospitals?|units?|organi[sz]ations?)\b",
    re.I,
)
_PEOPLE_NOUN = re.compile(
    r"专家|医生|医护|人数|人员|[几多]少?人|\b(?:experts?|doctors?|staff|people|persons?)\b", re.I
)
_FEWEST = re.compile(r"最少|更少|比较少|\b(?:fewest|least|smallest|fewer)\b", re.I)


def largest(
    query: ParsedQuery, index: RelationIndex, gazetteer: Gazetteer
) -> tuple[str, list[Citation]] | None:
    """Which partnership brings in the most member institutions: each article's partnership
    by the number of parties beside its hub (the party its rows name most), largest first."""
    if (
        query.intent != "superlative"
        or not _PARTNERSHIP_NOUN.search(query.text)
        or not _MEMBER_NOUN.search(query.text)
        or _PEOPLE_NOUN.search(query.text)  # who sent the most experts: a figure, not members
    ):
        return None
    by_doc: dict[str, list[RelationRow]] = defaultdict(list)
    for row in index.all():
        if not query.entities or any(_names(row, e) for e in query.entities):
            by_doc[row.relation.doc_id].append(row)
    if len(by_doc) < 2:
        return None
    sizes = []
    for doc, rows in by_doc.items():
        named = Counter(n for r in rows for n in (r.relation.supporter, r.relation.supported))
        hub = named.most_common(1)[0][0]
        sizes.append((len(named) - 1, hub, doc, rows))
    fewest = bool(_FEWEST.search(query.text))
    sizes.sort(key=lambda s: s[0] if fewest else -s[0])
    if sizes[0][0] == sizes[1][0]:  # a tie: no one partnership is the largest
        return None
    size, hub, _, rows = sizes[0]
    text, citations = compose(query, rows, gazetteer)
    if query.language == "en":
        others = "; ".join(f"{gazetteer.render(h)} ({h}) {n}" for n, h, _, _ in sizes[1:])
        word = "fewest" if fewest else "most"
        head = (
            f"Answer: the partnership around {gazetteer.render(hub)} ({hub}) has the {word} "
            f"partners, {size}. Compared with: {others}."
        )
    else:
        others = "; ".join(f"{h} {n}" for n, h, _, _ in sizes[1:])
        word = "最少" if fewest else "最多"
        head = query.in_script(f"答:{hub}牵头的合作成员{word},共{size}家。相比:{others}。")
    # the sentence most of its rows stand on, in the article's own words: where it lists the
    # members it often counts them too (等5家省、市级医疗卫生单位)
    main = Counter((r.relation.doc_id, r.relation.evidence) for r in rows).most_common(1)[0][0]
    cited = next((c for c in citations if (c.doc_id, c.quote) == main), None)
    said = f"\n{cited.quote} [{cited.n}]" if cited else ""
    return f"{head}\n{text}{said}", citations
