"""Question words, fillers and predicate synonyms: how a question asks, in Chinese or English.

The analyzer reads the intent (what kind of answer is wanted) and the answer type (what a
sentence must hold to answer it) from these tables. Patterns are matched on the search form
(Simplified, half-width, lowercased for English). Order matters: the first intent whose
pattern matches wins, so the more specific intents come first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.lexicon.glossary import MONTHS
from assistant.lexicon.synonyms import synonyms


@dataclass(frozen=True)
class Intent:
    name: str
    answer_type: str  # "date" | "number" | "person" | "institution" | "" (any sentence)
    zh: re.Pattern[str]
    en: re.Pattern[str]


def _en(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


# Of two named, which has more (哪个来的人多啊, 哪边规模大): a ranking of two. Only 哪个
# (哪边, 哪次 …) asks; the words up to 多 are the question's content. 长 of a title (哪家医院的
# 院长) is no length.
MORE_OF_TWO = re.compile(
    r"哪(?:个|边|次|家|篇|场)(?=[^,。?!,?]{1,10}?(?:更)?"
    r"(?:多|大|(?<![院部局科处厅市县镇区乡村站组队会行社校所班团室司省州士书场馆署厂])长)(?![少久])(?:[啊呀呢吧?!。?]|$))"
)

# After first/last: a time the question is set in (last year, in its first year), not an order
# English units of time, one list for spans, gaps and the times a question is set in
EN_TIME_UNITS = r"yrs?|years?|months?|weeks?|days?|hours?|minutes?"
SET_IN_TIME = rf"(?!\s+(?:{EN_TIME_UNITS}|quarters?|half)\b)"
# The top official, in words no superlative adjective shows (top guy, biggest boss)
TOP_RANK_EN = (
    r"\btop (?:guy|person|man|woman|leader|boss|brass|dog)\b"
    r"|\b(?:big|biggest) (?:boss|shot|official)\b|\bhead honcho\b"
    r"|\bhighest[- ]level (?:official|person|leader)\b"
    r"|\bmost important (?:official|person|leader|guest)\b"
)

# which people: 哪两个人, 哪些人 (asks who; not 哪个人民医院, an institution)
_WHICH_PEOPLE = r"哪(?:些|[两几一二三四五]?[个位名])人(?!民)"

# 几年 asked (当院长几年了, 有效期是几年), not a time (近几年, 几年前, 前几年)
_YEARS_ASKED = r"(?<![哪那这近前去过])几年(?![前来间])|多少年(?![前来])"
# an institution asked by its place (哪个县市的医院, 哪里的单位)
PLACED_INSTITUTION = r"哪[^,,。??的]{1,4}的(?:医院|单位|机构)"
INTENTS: tuple[Intent, ...] = (
    Intent(
        "yesno",
        "",
        # and A-not-A at the end (级别一样不?)
        re.compile(
            r"是不是|是否|有没有|有无|对不对|吗[??]?$|吗\s|没有[??]?$|吧[??]?$|[一是对有]样?不[??]?$"
        ),
        # not a request: "can you summarize", "could you list", "can someone explain"
        # after a leading phrase (at the Shenxian ceremony, was …), or a tag (…, right?)
        _en(
            r"^(?:[^,?]{0,60},\s*)?"
            r"(?!(?:can|could|would|will) (?:you|u\b|ya\b|(?:someone|somebody|anyone|anybody)"
            r" (?:explain|tell|list|summari[sz]e|describe|name|give|walk|clarify|break)\b))"
            r"(is|are|was|were|did|does|do|has|have|had|can|could|will|would)\b"
            r"|^(?!\s*(?:who|what|which|when|where|why|how)\b).*,\s*(?:right|correct|true|yes|no"
            r"|isn'?t (?:it|that right)|wasn'?t it|didn'?t (?:it|they|he|she))\s*\?*$"
        ),
    ),
    Intent(
        "compare",
        "",
        re.compile(
            r"区别|不同|不一样|相同|共同点|共同之处|有何异同|异同|比较(?![多少大小高低早晚先后])|对比|差在哪"
            r"|差别|相比|(?:什么|啥|哪些)(?:一样|相似|相像|类似|相近)(?:的地方|之处)|共性"
        ),
        _en(r"\bcompar|\bdifferen|\bdiffer\b|\bin common\b|\bversus\b|\bvs\.?\b|\bsimilar"),
    ),
    Intent(
        "overview",
        "",
        re.compile(
            r"介绍|概括|总结|概述|简单说|简要说|说说|讲讲|聊聊|说一下|讲一下|讲了(什么|啥)|讲的(什么|啥)|是什么情况|"
            r"什么关系|啥关系|怎么回事|咋回事|啥情况|都干了|做了哪些|干了啥|聊了|谈了|都说了|都讲了|说了些|讲了些|"
            r"要点|重点|梗概|大意|捋一捋|捋捋|梳理|整理一下|来龙去脉|"
            # what an article is about (丽水那篇主要讲什么, 那篇报道大概在说啥)
            r"(?:篇|文章|报道|报导|新闻|稿子)[^,,。??]{0,6}(?:讲|说|写|报道)(?:了|的是?)?些?"
            r"(?:什么|啥)(?:内容|东西)?[呢啊呀]?(?:[??,,。!!]|$)"
        ),
        _en(
            r"\boverview\b|\bsummar|\btell me about\b|\bwhat'?s the story\b|\bbrief(ly)?\b|"
            r"\bgist\b|\brundown\b|\btl;? ?dr\b|\brecap\b|\b(?:key|main) points\b|"
            r"\bin a nutshell\b|\bshort version\b|\bin short\b|"
            r"\bwhat'?s\b(?!.*\b(?:number|many|much|long)\b).{0,40}\babout\b\W*$|"
            r"\bdescribe\b|\bwhat (is|are) .{0,40}\b(doing|relationship)\b|\bexplain\b"
        ),
    ),
    Intent(
        "superlative",
        "number",
        re.compile(
            r"(?:层级|级别|职务|职位|头衔|官职)最[高大]|最高(?:的)?(?:层级|级别|职务|职位)"
            r"|最多|最少|最大|最小|最高|最低|最长|最短|比较多|比较少|更多|更少|人最多|规模最"
            r"|[多少]一点|[多少]一些|一把手"
            r"|" + MORE_OF_TWO.pattern
        ),
        _en(
            r"\b(most(?! recent)|least|largest|biggest|smallest|highest|lowest|fewest|greatest"
            r"|more|fewer|bigger|larger|smaller|higher|lower|greater)\b|" + TOP_RANK_EN
        ),
    ),
    Intent(
        "earliest_latest",
        "date",
        re.compile(
            r"最早|最先|最晚|最近|最新|第一次|首次|先后|哪个先|哪场先|哪次先|先办|后办|先干|谁先|哪个在前"
            r"|更早|更晚|早一些|晚一些|早点|晚点|先.{1,12}还是|还是先|哪个早|哪个晚|比较[早晚]"
            r"|(?:时间|日期|先后|早晚)[^,,。?]{0,6}排(?:个)?序|从早到晚|从早排到晚"
            r"|按(?:发布)?时间(?:先后)?(?:顺序)?排|时间顺序"
        ),
        # not in "how long does it last" (or how many days), where last is the verb, nor in
        # "the first group (of experts)", where first names which group
        _en(
            rf"^(?!.*\bhow (?:long|many (?:{EN_TIME_UNITS}))\b).*?"
            r"\b(earliest|first(?!\s+(?:group|batch|round|wave|cohort|lot)\b(?!\s+(?:to|that|which)\b))|latest"
            r"|most recent|last|oldest|newest"
            r"|earlier|sooner|later"
            r"|in (?:chronological |date |time )order|in order(?! to\b| of (?!date|time))"
            r"|chronological(?:ly)?)\b" + SET_IN_TIME
        ),
    ),
    Intent(
        "count",
        "number",
        re.compile(
            r"多少|(?<![哪那这])几[家名个位人篇次项批张所条种级天]|"
            + _YEARS_ASKED
            + r"|数量|人数|总共|一共|多久|多长时间|多快"
        ),
        _en(
            r"\bhow (many|much|long|fast|quickly|soon)\b|\bnumber of\b|\bcount\b|\bhow big\b"
            r"|\bsize of\b|\bhead ?count\b"
        ),
    ),
    Intent(
        "when",
        "date",
        re.compile(
            r"什么时候|啥时候|啥时|何时|哪天|哪一天|哪日|(?<![那这近前去过])几月(?![前来])|哪一?个?月|几号|哪年|哪一年|日期|时间|什么时间"
        ),
        _en(r"\bwhen\b|\bwhat (date|day|year|time)\b|\bwhich (date|day|year)\b|\bdated?\b"),
    ),
    Intent(
        "who",
        "person",
        re.compile(r"谁|哪位|什么人|何人|" + _WHICH_PEOPLE + r"|姓名|叫什么名字|名字|叫啥|叫什么"),
        _en(r"\bwho\b|\bwhom\b|\bwhose\b|\bname of the (person|official|director|president)"),
    ),
    Intent(
        "which",
        "institution",
        re.compile(
            r"哪些|哪几|哪家|哪所|哪个医院|哪个单位|哪个机构|列出|列一下|列举|有哪|"
            + PLACED_INSTITUTION
        ),
        _en(
            r"\bwhich\b|\blist\b|\bwhat (hospitals?|institutions?|units?|partners?|members?|"
            r"organi[sz]ations?)\b|\bname the\b"
        ),
    ),
)
INTENT_NAMES = tuple(i.name for i in INTENTS) + ("what",)

# Whom a question sets aside (除了樊云井还有谁, besides X, who else): the answer is another
EXCLUDED = re.compile(
    r"除了([^,，。?？]{2,20}?)(?:之外|以外|外|[,，]|还|也)|除([^,，。?？]{2,20}?)(?:之外|以外)"
    r"|\b(?:besides|apart from|aside from|other than|except(?: for)?)\s+([^,?]{2,60}?)"
    r"(?=,|\?|\bwho\b|\bwhich\b|\bwas\b|\bwere\b|\bdid\b|$)",
    re.I,
)

# Words that ask the same of each party separately (分别是谁, each, respectively): the
# parties need not meet in one article.
DISTRIBUTIVE = re.compile(
    r"分别|各自|各是|各为|这俩|两人|两家|两篇|两个|两场|两次|哪篇|"
    r"\b(each|respectively|both|either|versus|vs\.?|compared?|between)\b"
    # the question asked again of the second (who spoke at A, and who at B?)
    r"|\band (?:who|what|when|how many|how much|which) (?:at|in|for|of|with) (?:the )?(?-i:[A-Z])",
    re.I,
)

# A choice between the parties named (哪边是院长亲自出席, 哪个在先, which one came first) or
# the difference of their figures (差多少): each is asked alone, so they need not meet in one
# article. 哪个 before a predicate only: 哪个领导签的, 哪个月 and 哪家医院 ask of one occasion.
CHOICE = re.compile(
    r"哪一?(?:个|边|家|方)(?=是|在|更|先|后|比|多|少|的|[,?]|$)"
    r"|差多少|相差多少|差了多少|差几|(?<!差不)多多少|少多少"
    r"|\bwhich (?:one|side)\b",
    re.I,
)
# What the parties did together (同时提到, 既…又…, together): no choice between them.
TOGETHER = re.compile(r"同时|一起|共同|既.{1,12}又|\btogether\b|\bboth\b", re.I)


def choice_asked(text: str) -> bool:
    """Whether the question asks which of its parties (or how far apart their figures)."""
    return bool(CHOICE.search(text)) and not TOGETHER.search(text)


# Where one question ends and another begins: a question mark, or "and" opening a second
# question in English (who chaired A and who emceed B).
CLAUSE_BREAK = re.compile(
    r"[??]|[,,;;]?\s*\band\s+(?=(?:who|whom|what|when|where|which|how)\b)", re.I
)

# A word that asks, whatever the intent (a clause with one is a question of its own)
QUESTION_WORD = re.compile(r"什么|啥|哪|谁|几|多少|\b(?:what|which|who|how)\b", re.I)

_HOW_LONG = r"多久|多长时间|\bhow long\b"  # a duration asked, or a span

# Asks how long something lasts or spans (持续时间最长, 时间跨度, how long did the visit last).
SPAN_ASKED = re.compile(
    r"持续时间|持续了?多[久长]|时间跨度|跨度|时长|"
    r"\b(?:duration|lasted|longest|shortest|time ?span|time ?frame)\b|" + _HOW_LONG,
    re.I,
)

# Asks for a total over the parties named (丽水和莘县加起来多少人, combined): each party's
# figure is asked, and they are added up.
TOTAL_ASKED = re.compile(
    r"加起来|加在一起|合起来|合计|总计|一共|总共"
    r"|\b(?:combined|in total|in all|all together|altogether|total|sum)\b",
    re.I,
)

# Words that join the parties of a comparison (麗水的啟動跟勝利油田派專家到東營二院): the
# names between two of them belong to one party.
CONJUNCTION = re.compile(
    r"跟|和|与|以及|还是|对比|相比|比起|"
    r"\b(?:and|or|vs\.?|versus|compared (?:to|with)|than|differs? from|different from)\b",
    re.I,
)

# Questions about the articles themselves rather than what they report: how many articles,
# which ones, what each says, when one was published. Each pattern needs an article noun.
ARTICLE_NOUN = re.compile(
    r"文章|[几多少这那每各哪两三四五\d]篇|报道|报导|新闻|稿子|稿件"
    r"|\b(?:articles?|stories|story|reports?|pieces?|news|coverage|sources?|documents?)\b",
    re.I,
)
# Asks the same of each of several articles (东营那两篇, both Dongying stories): each article
# is a party, even where one name picks them all.
EACH_ARTICLE = re.compile(
    r"(?:两|各|每)篇|两(?:个|则|份)?(?:报道|报导|新闻|稿子|稿件|文章)"
    r"|\b(?:both|two|each)\s+(?:of\s+the\s+)?(?:[a-z.]+\s+){0,2}?"
    r"(?:articles?|stories|story|reports?|pieces?)\b",
    re.I,
)
ARTICLE_SCOPES: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = (
    (
        "author",
        re.compile(r"记者|作者|撰稿|通讯员|谁写的|谁报道|哪位写的"),
        _en(r"\b(reporters?|journalists?|authors?|wrote|written by|byline|correspondents?)\b"),
    ),
    (
        "rank",
        re.compile(r"最多|最少|最常|最频繁"),
        # of articles, not "the most senior person in the article"
        _en(
            r"\b(?:most|fewest|least)\s+(?:\w+\s+){0,2}(?:articles?|stories|news|reports?|coverage"
            r"|pieces?|mentions?)\b|\bmost (?:often|frequently)\b|\b(?:most|fewest|least)\s*\??$"
        ),
    ),
    (
        "published",
        re.compile(
            r"发布|发表|刊登|刊发|发出|登出|发(?:的|了|于|出来)|什么时候发|哪天发|才(?:发|报|登)"
        ),
        _en(
            r"\bpublish|\bpublication\b|\bposted\b|\bcame out\b|\bcome out\b|\brelease[ds]?\b"
            r"|\bprinted\b"
        ),
    ),
    (
        "count",
        re.compile(r"(?<![这那])[几多少]篇|多少(?:份|条)?(?:文章|报[道导]|新闻)"),
        _en(r"\bhow many (?:\w+ ){0,2}(?:articles|stories|reports|pieces|news items|documents)\b"),
    ),
    (
        "summary",
        re.compile(
            r"(?:总结|概括|归纳|梳理|分别|各自|每篇|各篇|主要内容|大意|都讲|讲了|说了|写了|讲的|说的"
            r"|在讲|在说|[讲说写]些?(?:什么|啥))"
        ),
        _en(
            r"\bsummar|\boverview\b|\b(?:each|every|all) (?:\w+ ){0,2}(?:articles?|stories|"
            r"reports?|documents?)\b|\bwhat (?:are|do) (?:the )?(?:\w+ ){0,2}(?:articles|stories)"
            r" (?:about|say|cover)\b"
            r"|\bwhat (?:is|are) (?:this|these|the) (?:set of |collection of )?"
            r"(?:articles|stories|documents|reports)\b"
        ),
    ),
    (
        "which",
        re.compile(
            r"(?<![这那])哪[一两三四五几些]?篇|哪些(?:文章|报[道导]|新闻)|哪[个份](?:报[道导]|新闻|文章)|哪些.{0,12}(?:有关|相关|涉及|提到)"
            r"|哪些是.{1,12}的(?:报道|报导|文章|新闻|稿子)"
        ),
        _en(
            r"\bwhich (?:\w+ ){0,2}(?:articles?|stories|story|reports?|pieces?|documents?)\b|"
            r"\b(?:articles?|stories|reports?|documents?) (?:that |which )?"
            r"(?:mention|involve|cover|talk|discuss|are about|is about|feature)"
        ),
    ),
)


def article_scope(text: str, english: bool) -> str:
    """What a question asks of the articles themselves ("author", "rank", "published",
    "count", "summary", "which"), or "" when it asks about what they report."""
    if not ARTICLE_NOUN.search(text):
        return ""
    ranking = _RANKING.search(text)  # across all 5 articles, which sent the most: a range
    # one article named only as where things are told (莘县那篇里…两个文件哪个先发的) is not
    # what was published: the things it tells of were (这些文章里哪个最早发布 asks the articles)
    told_in = not ARTICLE_NOUN.search(_TOLD_IN.sub("", text))
    for name, zh, en in ARTICLE_SCOPES:
        if (name == "summary" and ranking) or (name == "published" and told_in):
            continue
        if (en if english else zh).search(text):
            return name
    return ""


_TOLD_IN = re.compile(r"[那这]篇(?:文章|报道|报导|新闻|稿子|稿件)?(?:里面|当中|里|中|内)")


_RANKING = next(i.en for i in INTENTS if i.name == "superlative")


def _words(text: str) -> list[str]:
    return text.split()


# Words that ask but carry no content: never searched for, never a reason to refuse.
FILLERS_ZH = frozenset(
    _words(
        "请问 请 问下 问一下 想问 想问下 想知道 一下 下 呢 啊 呀 吧 嘛 哈 到底 究竟 "
        "具体 大概 大约 简单 帮我 麻烦 能不能 可以 能否 告诉 说说 说下 讲讲 那个 这个 "
        "那些 这些 那场 这场 那次 这次 那篇 这篇 文章 里 里面 中 其中 都 还 又 就 也 "
        "什么 啥 哪 哪些 哪个 哪家 哪位 哪天 谁 多少 几 怎么 怎样 如何 为什么 是否 "
        "是不是 有没有 吗 了 的 地 得 是 有 在 和 与 跟 及 一共 总共 分别 比较 最 先 后 "
        "啥意思 什么意思 啥叫 什么叫 库里 资料里 "
    )
)
# Nouns that name the aspect asked about, not a thing the answer must mention: the answer to
# 目的是什么 states a purpose without the word 目的.
ASPECT_NOUNS = frozenset(
    _words(
        "意思 含义 目的 目标 内容 职务 职位 身份 头衔 地方 方面 情况 作用 意义 原因 "
        "结果 效果 要求 措施 做法 办法 方式 时间 地点 人数 数量 名字 名称 姓名 领导 "
        "人物 事情 事 事儿 身分 关系 区别 差别 特点 成果 进展 安排 经过 过程 主持人 负责人 细节 "
        "信息 消息 新闻 报道 报导 文章 稿子 稿件 篇 部分 年份 月份 日期 类型 种类 类别 "
        "形式 性质 级别 等级 "
        "规模 数字 数目 名单 称呼 角色 说法 详情 状况 情形 背景 来历 "
        "环节 步骤 议程 流程 程序"  # an occasion's steps, which its sentences tell in turn
    )
)


# What a what/how question asks about, and the words a sentence that answers it uses:
# 目的是什么 is answered by a sentence with 为了/旨在/助力 even when it never says 目的.
@dataclass(frozen=True)
class Aspect:
    name: str
    zh: re.Pattern[str]  # in the question
    en: re.Pattern[str]
    cue: re.Pattern[str]  # in an answering sentence (search form)


ASPECTS: tuple[Aspect, ...] = (
    Aspect(
        "purpose",
        re.compile(r"目的|为了什么|为什么|为啥|意义|初衷|目标"),
        _en(r"\b(purpose|aim|goal|why|objective|intended|meant to|supposed to|point of)\b"),
        re.compile(r"为了|旨在|助力|推动|促进|提升|提高|以.{1,12}为目标|目标|意义"),
    ),
    Aspect(
        "requirement",
        re.compile(r"要求|强调|指示|嘱咐|叮嘱|提了|提出|讲话|希望|期望|期待"),
        _en(
            r"\b(require|requirement|demand|expect|ask(ed)? (of|for)|call(ed)? for|urge|instruct"
            r"|say|said|wants?\b|wanted|hope[sd]?\b|wish(es|ed)?\b)"
        ),
        re.compile(r"要求|希望|强调|指出|表示|一要|二要|一是|二是|必须|务必|要以|要"),
    ),
    Aspect(
        "meaning",
        re.compile(r"意思|含义|是指|指的是|是什么模式|什么是|啥是|是啥"),
        _en(
            r"\b(mean|meaning|stand for|stands for|what is the .{0,30}(model|mode)|definition"
            r"|refer)"
        ),
        re.compile(r"即|是指|就是|指的是|具体做法|具体来说|也就是"),
    ),
    # what someone said (余之刚在仪式上说了啥): a sentence in which they speak
    Aspect(
        "speech",
        re.compile(
            r"(?:说|讲)了(?:些)?(?:什么|啥|哪些)"
            r"|发言(?:内容|说)|讲话(?:内容|里|中)"
        ),
        _en(r"\bwhat did .{1,60}\b(?:say|said)\b|\bwhat was said\b|\bspeech\b|\bremarks\b"),
        re.compile(r"表示|指出|强调|说|讲话|致辞|发言|介绍|要求|希望|认为|称"),
    ),
    Aspect(
        "measure",
        re.compile(r"措施|做法|怎么做|如何做|怎样|举措|办法|方式"),
        _en(r"\b(how (did|do|will|does)|measures?|steps?|approach|method|way)\b"),
        re.compile(r"通过|采取|建立|开展|实施|实行|推行|做法"),
    ),
    # what is planned next (下一步…将…): the sentence saying what comes after the report
    Aspect(
        "plan",
        re.compile(
            r"下一步|接下来|今后|以后(?:还)?(?:要|会|打算)|打算|计划(?:做|干|怎么)|准备(?:怎么|做|干)|后续"
        ),
        _en(r"\b(plan|plans|planning|planned|next steps?|going to do|intends?|future)\b"),
        re.compile(r"下一步|接下来|今后|将持续|将进一步|计划|后续"),
    ),
    Aspect(
        "place",
        re.compile(r"在哪(?![些几个方])|哪儿|哪里|什么地方|啥地方|地点|几楼|哪个院区|哪个会议室"),
        _en(r"\b(where|venue|location|which (floor|building|campus|room|hall))\b"),
        re.compile(r"[楼厅室堂馆]|院区|在[^,。]{2,20}(?:举行|召开|开展|举办)"),
    ),
    Aspect(
        "result",
        re.compile(r"效果|成果|成效|提升了|提高了|变化|改善|结果|怎么样了"),
        _en(r"\b(result|outcome|effect|impact|improve|achiev|change)"),
        re.compile(r"提升|提高|增长|改善|取得|实现|显著|成效|%"),
    ),
    # a person's past: schooling, earlier posts (哪个大学毕业的, before joining the association);
    # answered only by a sentence that tells one, which a report of one event rarely does
    Aspect(
        "background",
        re.compile(
            r"毕业|学历|学位|履历|工作经历|从业经历|(?:之前|以前|原来|此前)(?:在哪|是哪|是干|是做|干过|做过)"
        ),
        _en(
            r"\b(graduat\w*|alma mater|degree|education|studied|background|resume|career"
            r"|before (?:joining|becoming|taking)|previously worked|used to work"
            r"|prior (?:job|role|post))"
        ),
        re.compile(r"毕业|学历|学位|曾任|曾在|历任|原任|此前任|先后任|履历|调任"),
    ),
)


def aspect_of(text: str, english: bool) -> Aspect | None:
    """The aspect a question asks about, if it names one: the one its question word asks
    for (下一步有啥要求: a requirement, not a plan), else the one it names first."""
    found = [
        (m.start(), i)
        for i, a in enumerate(ASPECTS)
        if (m := (a.en if english else a.zh).search(text))
    ]
    if not found:
        return None
    asked = [] if english else [m.end() for m in _WH_ZH.finditer(text)]
    headed = [
        (m.start(), i)
        for i, a in enumerate(ASPECTS)
        for m in a.zh.finditer(text)
        if any(0 <= m.start() - end <= 2 for end in asked)
    ]
    return ASPECTS[min(headed or found)[1]]


# The question words an aspect noun follows (有啥要求, 提了哪些要求)
_WH_ZH = re.compile(r"什么|啥|哪些|哪几[个条项点]?|何种|怎样的")


# The two things a question asks the order of, as it names them: 先签协议还是先揭牌 (which
# came first), 王建军汇报是在鲍建强致辞之前还是之后 (whether the first came before the
# second). Search-form Chinese only: English names its steps in words the articles don't use.
_FIRST_OF = re.compile(
    r"(?<![首优最率原事领预])先(?!进)([\u4e00-\u9fff]{1,12}?)[,,]?还是(?:先)?"
    r"([\u4e00-\u9fff]{1,12}?)(?:的?(?:呢|啊|呀|吗)|的?(?=[??,,。]|$))"
)
_BEFORE_OR_AFTER = re.compile(
    r"([\u4e00-\u9fff]{1,16}?)(?:是)?在((?:(?!在|是)[\u4e00-\u9fff]){1,16}?)"
    r"(?:之前|以前|前)还是(?:之后|以后|后)"
)


def alternatives(text: str) -> tuple[str, str, str] | None:
    """("first", A, B) for 先A还是先B; ("before", A, B) for A在B之前还是之后; else None."""
    m = _FIRST_OF.search(text)
    if m:
        return "first", m.group(1), m.group(2)
    m = _BEFORE_OR_AFTER.search(text)
    if m:
        return "before", m.group(1).removeprefix("是"), m.group(2)
    return None


# Asks how events of one occasion stand in time: which of two came first (先…还是…, before
# or after), what came last or first, what followed or preceded one. Checked in this order.
ORDER_ASKED: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = (
    (
        "either",
        re.compile(
            r"(?:之前|以前|前|先)还是(?:之后|以后|后)|(?<![率首优领原事])先(?!进).{1,24}还是|还是先"
            r"|哪(?:个|件|项|场)?(?:事)?(?:在)?[前先]|(?<![率首优领原事])先(?!进).{1,24}(?:后来|然后|之后|再)"
            r"|(?<![率首优领原事])先(?![进后]).{1,12}后(?!来)|谁先谁后|先后顺序|顺序是"
        ),
        _en(
            r"\bbefore or after\b|\bafter or before\b|\b(?:first|earlier) or\b"
            r"|\bor .{1,60}\bfirst\b|\b(?:came|happened|was|went) first\b"
            r"|\bin what order\b|\border of\b"
        ),
    ),
    (
        "last",
        re.compile(
            r"最后(?:一)?(?:个|项|步|件|环节|程序|议程)|最后(?:还)?(?:干|做|是|又|发言|讲话|致辞|上台)"
            r"|收尾|压轴|谁最后"
        ),
        _en(
            r"\b(?:last|final) (?:thing|step|item|part|event|activity|stage|bit)\b"
            r"|\bend(?:ed)? (?:with|up)\b|\bwrap(?:ped)? up\b|\bclos(?:e|ed|ing) with\b"
            r"|\bat the end of (?:the )?(?:ceremony|meeting|event|visit|signing|symposium)\b"
            r"|\b(?:spoke|speak|talked|went|came|comes|did|happened|reported"
            r"|mentioned|quoted) last\b|\blast (?:speaker|to speak|one to|speech)\b"
        ),
    ),
    (
        "first",
        re.compile(
            r"第一件事|一开始|最先(?:干|做|去|到|看|讲|发言)|首先(?:干|做|去|看)|先去了?哪"
            r"|(?:头|第)一个(?:讲|发言|致辞|上台)"
        ),
        _en(
            r"\bfirst thing\b|\bfirst stop\b|\bfirst (?:speaker|to speak|speech)\b"
            r"|\b(?:do|did|went|go|visit(?:ed)?|see|saw|spoke|speak|talked) first\b"
            r"|\bto begin with\b"
        ),
    ),
    (
        "after",
        re.compile(
            r"之后|[约会式议束完]了?以?后|随后|随即|接着|然后|下一步"
            r"|(?<=[约会式议牌])完了?(?=[,,]?(?:大家|领导|他们|又|就|再|去))"
        ),
        _en(
            r"\bafter(?:wards)?\b|\bwhat (?:happened|came) next\b|\bdo next\b|\bnext step"
            r"|\bfollow(?:ed|ing)\b"
            r"|\bsubsequently\b"
            r"|\b(?:once|when)\b.{1,60}\b(?:over(?! to\b)|ended|finished|done)\b"
        ),
    ),
    (
        "before",
        re.compile(r"之前|以前|[约会式议]前|事先|此前|先前|已经先|前先"),
        _en(r"\bbefore(?:hand)?\b|\bahead of\b"),
    ),
)


def order_asked(text: str, english: bool) -> str:
    """How the question relates events in time: 'either', 'last', 'first', 'after', 'before'
    or ''."""
    return next((name for name, zh, en in ORDER_ASKED if (en if english else zh).search(text)), "")


# Asks to set two figures side by side: how many more (比…多几个), which is bigger (78 or 71),
# the turnout of one occasion against another's.
TWO_FIGURES_ZH = re.compile(
    r"比.{1,24}?[多少](?:几|多少|了几|了多少)|(?<![最至])多几|(?<![最至多])少几|(?<![最至])多多少"
    r"|(?<![最至多])少多少|相差|差(?:几|多少)"
    r"|(?:跟|和|与).{1,24}?比.{0,6}(?:哪|谁)(?:个|边|场|次)?(?:的)?(?:数量|人数|人)?(?:更)?[多少大]"
)
TWO_FIGURES_EN = re.compile(
    r"\b(?:bigger|larger|smaller|greater|higher)\b(?![-\s]*(?:than|level)\b)"
    r".{0,60}\bor\b(?!\s+(?:not|lower|less)\b)"
    r"|\bhow many (?:more|fewer|less)\b|\bdifference between\b|\b(?:which|what)(?: one)? is "
    r"(?:bigger|larger|more|greater|higher|smaller|fewer)\b|\bmore \w+ than (?!\d)"
    r"|\b(?:compare|vs\.?|versus)\b.{0,80}\b(?:number|turnout|count|size|headcount|attendance"
    r"|how many)\b|\b(?:number|turnout|count|size|headcount|attendance)\b.{0,80}\b(?:vs\.?|versus"
    r"|compared? (?:with|to)|stacks? up)\b",
    re.I,
)


def compares_figures(text: str, english: bool) -> bool:
    """Whether the question sets two figures side by side."""
    return bool((TWO_FIGURES_EN if english else TWO_FIGURES_ZH).search(text))


# Words that ask the time itself (morning or afternoon, 时间范围): not the event a
# when-question dates. 时间, 时候 and 日期 are the when-question's own words and never reach
# its content; these are the ones that do.
TIME_WORDS = frozenset(["上午", "下午", "中午", "晚上", "早上", "范围", "年份", "月份", "跨度"])


# Asks what post a person holds (刘海永是什么职务, what are their jobs): the facts table's
# role. Not an article's title, a role played at an occasion, nor 身份证.
ROLE_ASKED = re.compile(
    r"职务|职位|头衔|官职|(?:什么|啥)职|担任(?:什么|啥|何)|身份(?!证)"
    r"|(?:'s|\btheir|\bhis|\bher)\s+(?:current |official |job )?"
    r"(?:jobs?|positions?|titles?|roles?|posts?|occupations?)\b(?!\s+(?:in|at|during)\b)"
    r"|\bwhat (?:is|are|was|were) the (?:jobs?|positions?|roles?) of\b",
    re.I,
)


# Asks where a person serves (王建军是哪个医院的书记, 在哪个单位工作, which hospital is X from),
# not where they went (刘海永去了哪家医院, which hospital did X visit)
SERVES_ASKED = re.compile(
    r"是哪[^,,。??]{0,6}的|在哪[^,,。??]{0,6}(?:工作|任职|上班|供职)"
    r"|\b(?:from|works? (?:at|for|in)|employed|belongs? to)\b",
    re.I,
)


# A period after an occasion that the question asks about (一年后, 第一年, the first year,
# in the months after): the articles report each occasion as it happened, so what came of it
# a month or a year on is nothing they can say. (In the blind question sets, every question
# measuring such a period was unanswerable.)
LATER_PERIOD = re.compile(
    # a count of years or months, not a date (2024年以后, 7月以后)
    r"(?<!\d)(?:[一二三两几半十]|\d{1,2})\s*(?:年|个月)(?:后|以后|之后)|第[一二三\d]个?(?:年|月)"
    r"|\b(?:a|one|two|three|six|\d+)\s+(?:years?|yrs?|months?)\s+(?:after|later)\b"
    r"|\b(?:in|during|after|over)\s+(?:its|their|the|his|her)\s+first\s+(?:years?|yrs?|months?)\b"
    r"|\bafter\s+(?:a|one|two|three|\d+)\s+(?:years?|yrs?|months?)\b",
    re.I,
)


def later_period(text: str) -> str:
    """The period after an occasion a question asks about, as it writes it; '' if none."""
    m = LATER_PERIOD.search(text)
    return m.group(0) if m else ""


# Asks how far apart in time two named events were (隔了几年, 早多久, how many years apart)
GAP_ASKED = re.compile(
    r"隔了|相隔|间隔|隔多[久长]|[早晚差过]了?(?:多久|多长时间|几年|几个月|几天|多少天)|几天[后才]"
    rf"|\b(?:{EN_TIME_UNITS}|far|long) apart\b|\btime between\b|\bgap between\b"
    rf"|\bhow (?:long|many (?:{EN_TIME_UNITS})) (?:before|after|later|earlier)\b",
    re.I,
)


# Asks who ranks highest (职务最高, more senior, the top official).
RANK_ASKED = re.compile(
    r"(?:职务|级别|职位|层级|官职|头衔|官)(?:比较|更)?(?:最高|最大|高|大|一样|相同|相当)|平级|同级"
    r"|最高(?:的)?(?:层级|级别|职务|职位|领导)|头衔最多|职务最多|(?:最大|最高)的(?:官|领导|干部)|一把手|"
    r"(?:领导|官员|干部)[^,,。?]{0,4}(?:谁|哪位|哪个)(?:的官)?(?:最大|最高)|"
    r"\bmore senior\b|\branks? higher\b|\bhigher[- ]rank|\btop\b.{0,40}\bofficial|"
    + TOP_RANK_EN
    + r"|"
    r"\bsame (?:rank|level|seniority)\b|\bas senior as\b|\bequally senior\b|"
    r"\b(highest[- ]ranking|most senior|highest rank|top[- ]ranking|senior-most|most titles)\b",
    re.I,
)
# Of an order asked, the first (最早, the oldest); both it and the latest may be asked
EARLIEST_ASKED = re.compile(r"最早|最先|第一篇|\b(earliest|first|oldest)\b", re.I)
# Of an order asked, the latest rather than the first (哪个比较晚, the most recent)
LATEST_ASKED = re.compile(
    r"最晚|最近|最新|最后|更晚|较晚|晚一些|晚些|晚点|哪个晚"
    r"|\b(latest|most recent|last|newest|later)\b" + SET_IN_TIME,
    re.I,
)
# Of a ranking asked, a claim that the two rank the same (级别一样吗, the same rank as)
SAME_RANK = re.compile(r"一样|相同|相当|平级|同级|\bsame\b|\bas senior as\b|\bequally\b", re.I)


# Words that carry a list on from the sentence before: 二是…, 其次…, 同时…
CONTINUES = re.compile(
    r"^\s*(?:[二三四五六七八九]是|[二三四五六七八九]要|其次|再次|然后|最后|第[二三四五六七八九]|同时|此外|另外|[2-9][.、])"
)
OPENS_LIST = re.compile(r"[::]\s*$|如下|一是|一要|首先|第一|[1１][.、]")


# Asks what kind of partnership parties have (什么类型的合作, what kind of arrangement): the
# relations table's kind answers it.
KIND_ASKED = re.compile(
    r"什么(?:类型|形式|性质|样的合作|合作形式)|哪(?:一)?种(?:合作|形式|模式|类型)|哪(?:一)?类合作"
    r"|同一种|\b(?:what|which) (?:kind|type|sort|form)s? of (?:\w+ ){0,2}(?:partnership|cooperation"
    r"|collaboration|arrangement|alliance|tie-?ups?|relationship|deal|link)s?\b",
    re.I,
)

# What describes a partnership: its model, what it sets up, a first, a figure, a purpose.
DESCRIBES = re.compile(r"即|模式|首个|建立|成立|旨在|为了|目标|\d+(?:名|个|家|项)|具体做法|标志着")

# Section answer types: which sentences can answer which intent.
DATE_RE = re.compile(
    r"\d{4}年(?:\d{1,2}月(?:\d{1,2}(?:-\d{1,2})?[日号])?)?|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
    r"|\d{1,2}月\d{1,2}(?:-\d{1,2})?[日号]|(?<![\d月-])\d{2,3}日"
)
YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d年")
# a year a question or sentence states as a date (2024年, in 2019): not one end of a span
# (2021-2025年) nor a count (2000名)
YEAR_STATED = re.compile(r"(?<![\d-])((?:19|20)\d\d)(?!\d|\s*[-—~至到]|\s*[名人位家个])")
# Asks how long something took (多久, how fast, 几年): a duration answers it, 48小时, a span
# of days (6月17-18日 is two days) or years (三年).
DURATION_ASKED = re.compile(
    rf"{_HOW_LONG}|多快|(?:几|多少)(?:天|个?小时|个?月|个?周|个?星期)|{_YEARS_ASKED}|"
    rf"\bhow (?:fast|quickly|soon)\b|\bhow many (?:{EN_TIME_UNITS})\b",
    re.I,
)
# a range of days (6月17-18日): how long an occasion lasted
DAY_RANGE = re.compile(r"(\d{1,2})月(\d{1,2})\s*[-—–~～至到]\s*(\d{1,2})日")


def range_days(m: re.Match[str]) -> int:
    """The days a DAY_RANGE match spans, both ends counted: 6月17-18日 is 2."""
    return int(m.group(3)) - int(m.group(2)) + 1


# the words of an occasion (启动仪式, 座谈会): the synonym sets of 仪式 and 会议
OCCASION = re.compile(
    "|".join(("仪式", *synonyms("仪式"), "会议", *synonyms("会议"), "大会", "活动"))
)
DURATION_RE = re.compile(
    r"\d+(?:\.\d+)?\s*(?:个)?(?:小时|天|周|个月|分钟)"
    # a number of years (三年, 5年): not a year (二〇二四年, 24年4月), an ordinal (第三年), a
    # custom (一年一度) or a time (十年来, 三年前)
    r"|(?<![\d〇零第一二两三四五六七八九十])(?:\d{1,2}|[一二两三四五六七八九十]{1,2})\s*年"
    r"(?![代级度来前]|一度|\d{1,2}月)|" + DAY_RANGE.pattern
)
# Asks who is named first or last in a list of people (参会名单排第一个的, who's listed first
# among the officials who attended): the order of the list, not of events. A group that
# matches says last.
LISTED_END = re.compile(
    r"(?:名单|列表|排序)[^,。?]{0,8}(?:排)?(?:第一个|第一位|第一|头一个|最前面|最前|(最后一个|最后一位|最后))"
    r"|排(?:在)?(?:第一|头一个|最前面|(最后))(?:个|位)?(?:的)?(?:是)?(?:谁|哪位)"
    r"|\b(?:named|listed) (?:first|(last))\b"
    r"|\b(?:first|(last)) (?:person |official |name |one )?(?:named|listed|mentioned)\b"
    r"|\btop of the (?:list|attendee)",
    re.I,
)

PERSON_ASKED = re.compile(r"谁|哪位|什么人|何人|" + _WHICH_PEOPLE + r"|\bwho\b|\bwhom\b", re.I)

# Asks about speaking (谁先讲的, who spoke first); and the words telling that someone speaks.
SPEECH_ASKED = re.compile(
    r"讲话|发言|致辞|致欢迎辞|表态|先讲|先说|谁讲|"
    r"\b(?:speech|speeches|spoke|speak|speakers?|talked|remarks)\b",
    re.I,
)
SPEAKS = re.compile(r"讲话|发言|致辞|致欢迎辞|表示|指出|强调|要求|介绍")
# How many took part: asked (not 来了: who came with 于小千 counts a visiting party), and
# said after a figure (300余人参加)
TURNOUT_ASKED = re.compile(
    r"参加|出席|到场|参会|与会"
    r"|\b(?:turnout|attendance|attendees|attended|participants|crowds?|head ?count)\b",
    re.I,
)
TOOK_PART = re.compile(r"参加|出席|到场|参会|与会")

# Money and age are asked by their own words and answered only by a sentence writing an
# amount of money or an age: no other figure (300余人) answers "how much did they invest".
MONEY_ASKED = re.compile(
    r"多少钱|几块钱|多少经费|多少资金|投资了?多少|投入了?多少(?:钱|资金|经费)|花了?多少钱|"
    r"(?:多少|几)(?:费用|经费|预算)|(?:费用|经费|预算)(?:是|有)?多少|"
    r"\bhow much (?:money|funding|did .{1,40}\b(?:invest|spend|cost|pay|fund|budget))"
    r"|\b(?:cost|costs|budget|investment|invested|funding|salary|salaries|price)\b"
    # what one is paid for it, asked as an amount (补贴多少, what allowance), not who pays it
    r"|(?:补贴|补助|津贴|工资|薪酬|薪水|奖金).{0,4}(?:多少|几)|(?:多少|几).{0,3}(?:补贴|补助|津贴|工资)"
    r"|\b(?:what|which|how much)\b.{0,12}\b(?:allowances?|subsid(?:y|ies)|stipends?|wages?)\b",
    re.I,
)
MONEY_RE = re.compile(
    r"\d+(?:\.\d+)?\s*(?:余|多)?\s*(?:万|亿)?元|[一二两三四五六七八九十百千]+(?:万|亿)元"
)
# Asks a share, a rate or a score (百分之几, 满意度多少, by what percent): a figure in % or 分
SHARE_ASKED = re.compile(
    r"百分之几|百分比|百分点|比例|比率|占比|满意度(?:是|有|达到|达)?(?:多少|几)|"
    r"(?:提高|提升|下降|降低|增长|减少|增加)了?(?:多少|几成)(?![张个名位人家次项天年台床])|"
    r"\bpercent(?:age)?s?\b|\bratios?\b|\bproportion\b|\b\w+ rates?\b(?! the\b)|\brate of\b"
    r"|\b(?:satisfaction|test|quality|performance|evaluation) scores?\b|%",
    re.I,
)
SHARE_RE = re.compile(
    r"\d+(?:\.\d+)?\s*%|百分之[\d一二三四五六七八九十]+|\d+(?:\.\d+)?\s*分(?![之钟])"
)
AGE_ASKED = re.compile(
    r"多大了|多大岁数|多大年纪|几岁|多少岁|年龄|年纪|岁数|"
    r"\bhow old\b|\bage of\b|\b(?:his|her|their)\s+age\b|'s age\b",
    re.I,
)
# How often: answered only by a sentence writing a frequency (每周, 每月一次, 3次), not by
# one counting an occasion (又一次探索, 首次, 第3次) or a meeting (一次会议)
FREQUENCY_ASKED = re.compile(
    r"多久一次|多长时间一次|每隔多久|多久去一次|频率|频次|多频繁|隔多久|"
    r"\bhow (?:often|frequently)\b|\bfrequency\b",
    re.I,
)
FREQUENCY_RE = re.compile(
    r"每(?:周|月|年|天|日|季度?|半年|两周|个月)|定期"
    r"|(?<![又再这那首第每一\d])(?:\d+|[一二两三四五六七八九十]+)次(?!会)"
)
# How far (多远, how many km): answered only by a sentence writing a distance
DISTANCE_ASKED = re.compile(
    r"多远(?!程)|(?:多少|几)(?:公里|千米|里路)|距离(?:是|有)?多[远少]|相距|"
    r"\bhow far\b|\bdistance (?:from|to|between)\b|\b(?:km|kms|kilomet(?:er|re)s?|miles)\b",
    re.I,
)
DISTANCE_RE = re.compile(
    r"\d+(?:\.\d+)?\s*(?:余|多)?\s*(?:公里|千米|km|米)|[一二两三四五六七八九十百千]+(?:公里|千米)"
)
# How to reach one (电话, 邮箱, address): answered only by a sentence writing a phone
# number, an email, a web address or a street address, not by one naming the hospital
CONTACT_ASKED = re.compile(
    r"电话(?!会议|随访|咨询|问诊)|联系方式|邮箱|电子邮件|地址|网址|官网|"
    r"\b(?:e-?mail|phone number|telephone|hotline|website|url|contact details)\b"
    # an address to find one at, not a speech (his address) nor the verb
    r"|\b(?:street|postal|mailing|home|office|e-?mail|web) address|\baddress of\b"
    r"|\bwhat(?:'?s| is) (?:the|its|their) address\b",
    re.I,
)
CONTACT_RE = re.compile(
    r"\d{3,4}-\d{7,8}|(?<!\d)1[3-9]\d{9}(?!\d)|[\w.+-]+@[\w-]+\.[\w.]+|www\.|https?://"
    r"|[\u4e00-\u9fff]{2,}(?:路|街|大道)\d+号"
)
AGE_RE = re.compile(r"\d+\s*(?:周)?岁|[一二三四五六七八九十]+(?:周)?岁")

NUMBER_RE = re.compile(
    r"\d+(?:\.\d+)?\s*(?:余|多)?\s*(?:部门|名|人|家|个月|个|位|项|张|篇|批|所|条|种|次|年|小时|天|周|%|万|亿)"
    # not an ordinal (第二人民医院, 第一批) nor a date word (一年)
    r"|(?<![第\d])[一二两三四五六七八九十百千]+(?:名|人(?!民)|家|个|位|项|批|所|大)"
)


# The measure words a count or a ranking may ask in, each with the units that answer it:
# 几个人 is a head count (5人, 200余人); 专家共71名 counts a named noun.
_UNITS = {
    "人": "人",
    "名": "名人位",
    "位": "位名人",
    "家": "家所",
    "个": "个项名门",
    "篇": "篇",
}
_UNIT_ASKED = re.compile(
    r"(?<![这那哪])(?:几|多少)([人名位家个篇批次场项张条种所级])(?!民)"
    r"|(专家|(?<!大)[人家篇])数?(?:最多|最少|比较多|比较少|更多|更少|多一些|少一些|多一点|少一点"
    r"|多(?=[啊呀呢吧?!。?]|$))"  # 哪个来的人多啊
)
_PEOPLE_EN = re.compile(
    r"\b(people|ppl|attendees|participants|persons|visitors|guests|turnout|crowd|attendance"
    r"|head ?count)\b",
    re.I,
)


_DURATION_UNITS = (
    ("年", re.compile(rf"{_YEARS_ASKED}|\bhow many (?:yrs?|years)\b", re.I)),
    ("月", re.compile(r"(?:几|多少)个?月|\bhow many months\b", re.I)),
    ("周", re.compile(r"(?:几|多少)个?(?:周|星期)|\bhow many weeks\b", re.I)),
    ("天", re.compile(r"(?:几|多少)天|\bhow many days\b", re.I)),
    ("时", re.compile(r"(?:几|多少)个?小时|\bhow many hours\b", re.I)),
)


def units_asked(text: str, english: bool) -> str:
    """The units that answer the measure word a count or a ranking asks in (几个人 → 人,
    哪场人最多, most people); '' when it asks in none."""
    if DURATION_ASKED.search(text):  # a duration: in the unit it names (几年: 年), else any
        return next((u for u, asked in _DURATION_UNITS if asked.search(text)), "时天周月年")
    if english:
        return _UNITS["人"] if _PEOPLE_EN.search(text) else ""
    if re.search(r"(?:几|多少)个?人(?!民)", text):
        return _UNITS["人"]
    m = _UNIT_ASKED.search(text)
    if not m:
        return _UNITS["名"] if "人数" in text else ""  # 参会人数: a head count of any kind
    # 专家人数: any head count; 专家最多: experts, counted in 名 (not 家)
    unit = "名" if m.group(2) in ("人", "专家") else (m.group(1) or m.group(2))
    return _UNITS.get(unit, unit)  # 几批: in batches, whatever else is counted


def asking_spans(text: str, english: bool) -> list[tuple[int, int]]:
    """Where `text` asks rather than says: the spans any intent's question words match."""
    spans = [m.span() for i in INTENTS for m in (i.en if english else i.zh).finditer(text)]
    return spans + [m.span() for m in GAP_ASKED.finditer(text)]  # 隔了几年: 间隔 is no thing


# Counted references to the articles' things ("两个", "几篇", "三场") ask; they say nothing.
QUANTIFIER = re.compile(r"[几两一二三四五六七八九十]+[个场篇家位次项所条种批]?|\d+[个场篇]")


def intent_of(text: str, english: bool) -> Intent | None:
    """The first intent whose question words appear; None for a plain what/how question."""
    for intent in INTENTS:
        m = (intent.en if english else intent.zh).search(text)
        if m and not _requested(m, text):
            return intent
    return None


_REQUEST = re.compile(r"介绍|说说|讲讲|总结|概括|列出|告诉")
_REQUEST_ASKED = re.compile(
    r"(?<![有没])(?:介绍|说说|讲讲|聊聊|总结|概括|讲|说)(?:一下)?(?:[吗吧]|呗)[??]?$"
    # a request made as a question (可以简单介绍一下X的合作吗?)
    r"|(?:^|[,,。!!])(?:请问)?[你您]?(?:可以|能否|能不能|可不可以|能)(?:请[你您]|麻烦)?"
    r"(?:帮我|给我)?(?:简单|简要|大概)?(?:地)?"
    r"(?:介绍|说说|说一下|讲讲|讲一下|聊聊|总结|概括|梳理|整理|告诉我)"
)


def _requested(m: re.Match[str], text: str) -> bool:
    """Whether a yes/no ending asks for something: 介绍一下X吧, 能给我讲讲吗 (not 有介绍…吗)."""
    if m.group(0).startswith("吧"):
        return bool(_REQUEST.search(text))
    return m.group(0).startswith("吗") and bool(_REQUEST_ASKED.search(text))


# ---- dates a question states -------------------------------------------------------
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}
# a month or day in Chinese numerals (五, 十二, 二十八, 三十一), not a run of them (一二月: two
# months)
_CN_NUMBER = (
    "(?<![零一二两三四五六七八九十])(?:[二三]?十[一二三四五六七八九]?|[一二两三四五六七八九])"
    "(?![零一二两三四五六七八九十])"
)
_MONTH_NAMES = "|".join(f"{m[:3]}(?:{m[3:]})?" for m in MONTHS)  # jan, january
_EN_MONTH_DAY = re.compile(rf"\b({_MONTH_NAMES})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", re.I)
_EN_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_NAMES})\b", re.I)
_ZH_MONTH_DAY = re.compile(r"(?<!\d)(\d{1,2})月(\d{1,2})(?:-(\d{1,2}))?[日号]")
# a month named alone (5月份, in May 2024); "may" the verb is no month
_ZH_MONTH = re.compile(r"(?<!\d)(\d{1,2})月(?!\d)")
_EN_MONTH = re.compile(
    rf"\b(?!may\b)({_MONTH_NAMES}|sept)\b|\b(?:in|of|early|late|mid|since)\s+(May)\b"
    r"|\b(May)(?=\s+\d)",
    re.I,
)
_ISO_MONTH_DAY = re.compile(r"\d{4}[-/.](\d{1,2})[-/.](\d{1,2})")


def cn_number(text: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 三十一 → 31."""
    if "十" not in text:
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    tens, _, units = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


def digit_dates(text: str) -> str:
    """Months and days written in Chinese numerals in digits, as articles write them
    (六月份 → 6月份, 七月五号 → 7月5号): a question's date then matches the articles'."""
    text = re.sub(rf"({_CN_NUMBER})(?=月)", lambda m: str(cn_number(m.group(1))), text)
    return re.sub(rf"(?<=月)({_CN_NUMBER})(?=[日号])", lambda m: str(cn_number(m.group(1))), text)


def month_days(text: str) -> set[tuple[int, int]]:
    """The (month, day) pairs `text` states, in Chinese (7月3日, 2024-07-03) or English
    (July 5, 5th of July)."""
    text = digit_dates(text)
    months = {m[:3]: n for n, m in enumerate(MONTHS, 1)}
    found = {(int(m), int(d)) for m, a, b in _ZH_MONTH_DAY.findall(text) for d in (a, b) if d}
    found |= {(int(m), int(d)) for m, d in _ISO_MONTH_DAY.findall(text)}
    found |= {(months[m[:3].lower()], int(d)) for m, d in _EN_MONTH_DAY.findall(text)}
    found |= {(months[m[:3].lower()], int(d)) for d, m in _EN_DAY_MONTH.findall(text)}
    return {(m, d) for m, d in found if 1 <= m <= 12 and 1 <= d <= 31}


def months_named(text: str) -> set[int]:
    """The months `text` names, with or without a day (5月份, 4月28日, in May 2024)."""
    text = digit_dates(text)
    found = {int(m) for m in _ZH_MONTH.findall(text)} | {m for m, _ in month_days(text)}
    for m in _EN_MONTH.finditer(text):
        name = m.group(1) or (m.group(2) or m.group(3) or "").strip()
        if name and (m.group(1) or name == "May"):  # "may" the verb names no month
            found.add(1 + [n[:3] for n in MONTHS].index(name[:3].lower()))
    return {m for m in found if 1 <= m <= 12}


def plain_dates(text: str) -> str:
    """English dates without ordinal suffixes (the 3rd of July, July 3rd → July 3), so that
    the day of a date is not read as an ordinal of a name (No. 3, 3rd → 第三)."""
    text = _EN_DAY_MONTH.sub(lambda m: f"{m.group(2)} {m.group(1)}", text)
    return _EN_MONTH_DAY.sub(lambda m: f"{m.group(1)} {m.group(2)}", text)


# The place a question names as visited (到东营二院调研的, who came to inspect …): its people host
VISITING = re.compile(
    r"(?:莅临|(?<![提说谈讲])到|赴|来|去|考察|调研|视察)(?:了|过)?$"
    r"|\b(?:visit(?:ed|ing|s)?|inspect(?:ed|ing|ion)?|tour(?:ed)?|check(?:ed)? out)\b",
    re.I,
)

# The administrative level a ranking is asked within (省里, municipal)
LEVEL_ASKED = (
    (4, r"国家级|国家层面|\bnational\b"),
    (3, r"省里|省级|省上|省一级|\bprovincial\b|\bprovince\b"),
    (2, r"市里|市级|市一级|\bcity[- ]level\b|\bmunicipal\b"),
    (1, r"县里|县级|\bcounty[- ]level\b"),
)


def level_asked(text: str) -> int | None:
    """The administrative level a ranking is asked within (省里级别最高的领导), if any."""
    return next((level for level, words in LEVEL_ASKED if re.search(words, text, re.I)), None)


# Asks when an event was held, beside when its article came out (几号办的, 哪天举行)
EVENT_HELD = re.compile(r"(?:几号|哪天|什么时候|何时|日期)[^,,。??]{0,4}(?:办|举行|召开|开|签)")
# Asks whether an article came out the day of its event
SAME_DAY = re.compile(r"当天|同一天|同一日|同天|\bsame day\b", re.I)


# A span a question claims (花了一个礼拜, 两天内, 48个小时): not a date (7月), not 同一天
CLAIMED_SPAN = re.compile(
    r"(?<![同第\d])(?P<n>\d+|[一二两三四五六七八九十半]+)\s*个?\s*(?P<unit>礼拜|星期|周|天|小时|个月)"
)


# The others of a group a question counts (另外4个人叫什么, who were the other four people):
# every one of them is asked for by name.
_EN_NUMBERS = {
    w: n for n, w in enumerate(("two", "three", "four", "five", "six", "seven", "eight", "nine"), 2)
}
OTHERS_ASKED = re.compile(
    r"(?:另外|其他|其余|剩下|剩余)的?\s*(\d{1,2}|[一二两三四五六七八九]|十[一二三四五六七八九]?)"
    r"\s*(?:个人|位|名|人)"
    r"|\b(?:the )?(?:other|remaining)\s+(\d{1,2}|" + "|".join(_EN_NUMBERS) + r")\b"
    r"(?=\s+(?:people|persons|members|officials|guests|visitors|delegates)\b)",
    re.I,
)


def others_asked(text: str) -> int:
    """How many others of a group the question asks to be named; 0 where it asks none."""
    m = OTHERS_ASKED.search(text)
    if not m:
        return 0
    said = (m.group(1) or m.group(2)).lower()
    if said.isdigit():
        return int(said)
    return _EN_NUMBERS.get(said) or cn_number(said)
