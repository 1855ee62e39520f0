"""The glossary and the English-name rules: English words to the Chinese the articles use,
Chinese names to English renderings (glossary words, pinyin for the rest)."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Collection
from functools import lru_cache

import jieba
from pypinyin import Style, lazy_pinyin, pinyin

# English → Chinese, for bridging questions. Longer phrases are matched first.
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
GLOSSARY_EN_ZH: dict[str, str] = {
    # readings and short forms English writers use for the places and schools
    "laoling": "乐陵",  # 乐陵's official reading (lào)
    "sdu": "山东大学",
    "shanda": "山东大学",
    "national": "国家",
    "calling cards": "名片",
    "calling card": "名片",
    "business cards": "名片",
    "name cards": "名片",
    "name card": "名片",
    **{m: f"{n}月" for n, m in enumerate(MONTHS, 1)},
    "paired assistance": "对口支援",
    "counterpart support": "对口支援",
    "medical alliance": "医联体",
    "medical university": "医科大学",
    "medical college": "医学院",
    "medical consortium": "医联体",
    "medical group": "医疗集团",
    "medical groups": "医疗集团",
    "county hospital": "县医院",
    "people's hospital": "人民医院",
    "peoples hospital": "人民医院",
    "people hospital": "人民医院",
    "central hospital": "中心医院",
    "second hospital": "第二医院",
    "first hospital": "第一医院",
    "first people's hospital": "第一人民医院",
    "first affiliated hospital": "附属第一医院",
    "second affiliated hospital": "附属第二医院",
    "third affiliated hospital": "附属第三医院",
    "first affiliated": "附属第一",
    "second affiliated": "附属第二",
    "maternal and child health": "妇幼保健",
    "maternal and child": "妇幼",
    "women and children hospital": "妇幼保健院",
    "women and children": "妇幼",
    "mother and child": "妇幼",
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
    "hosp": "医院",
    "institutions": "机构/单位",
    "institution": "机构/单位",
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
    "thousand": "千",
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
    "hour": "小时",
    "hours": "小时",
    "fourth": "第四",
    "fifth": "第五",
    "sixth": "第六",
    "seventh": "第七",
    "eighth": "第八",
    "ninth": "第九",
    "first": "首批/首个",  # the first batch (of experts), the first (of its kind)
    "expert": "专家",
    "experts": "专家",
    "doctor": "医生",
    "doctors": "医生",
    "sign": "签约",
    "signed": "签约",
    "signing": "签约",
    "agreement": "协议/签约",
    "plaque": "揭牌",
    "unveiled": "揭牌",
    "unveil": "揭牌",
    "president": "院长",
    "director": "主任/院长",  # a hospital director is its 院长
    "who runs": "谁 院长",  # who runs a hospital: its head (not: the plan runs three years)
    "who heads": "谁 院长",
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
    "welcoming": "欢迎",
    # an occasion named by what was done at it: one word, so that the deed is not asked
    "signing ceremony": "签约仪式",
    # to sign off on a plan is to approve it (讨论并通过), not only to sign an agreement
    "sign off": "签约/通过",
    "signed off": "签约/通过",
    "launch ceremony": "启动仪式",
    "welcome ceremony": "欢迎仪式",
    "unveiling ceremony": "揭牌仪式",
    "clinic sessions": "坐诊",
    "clinic session": "坐诊",
    "see patients": "坐诊",
    "meeting": "座谈会/汇报会",
    "report": "汇报",
    "briefing": "汇报",
    "morning": "上午",
    "afternoon": "下午",
    "phone": "电话",
    "telephone": "电话",
    "symposium": "座谈会",
    "launched": "启动",
    "launch": "启动",
    "maternal": "妇幼",
    "maternity": "妇幼/妇产",
    "child": "儿童",
    "children": "儿童",
    "health": "健康/保健",
    "cancer": "肿瘤",
    "oncology": "肿瘤",
    "template": "样板",
    "showcase": "样板",
    "highland": "高地",
    "regional": "区域",
    "places": "地方",
    "areas": "区域",
    "spots": "地方",
    "sites": "地方",
    # departments and wards, as the articles name them
    "neurology": "神经内科",
    "neurological": "神经内科",
    "neonatology": "新生儿科",
    "neonatal": "新生儿",
    "newborn": "新生儿",
    "respiratory": "呼吸",
    "infectious": "感染",
    "infection": "感染",
    "ward": "病区",
    "research": "科研",
    "research trip": "调研",  # a fact-finding visit (调研), not research work (科研)
    "research visit": "调研",
    "fact-finding": "调研",
    "deepen": "深化",
    "when": "时间",
    "date": "时间",
    "who": "谁",
    "chaired": "主持",
    "hosted": "主持",
    "host": "主持",
    "hosts": "主持",
    "hosting": "主持",
    "preside": "主持",
    "moderated": "主持",
    "presided": "主持",
    "emceed": "主持",
    "emcee": "主持",
    "mc'd": "主持",
    "compered": "主持",
    "speech": "讲话",
    "initiated": "发起",
    "founded": "成立",
    "established": "成立",
    "mean": "即",
    "means": "即",
    # content words of questions, and things no article speaks of (beds, salaries), so
    # that a question about them is seen to ask for what the corpus lacks
    "station": "派驻",
    "send": "派驻",
    "visit": "调研/参观",
    "visited": "调研/参观",
    "toured": "参观",
    "tour": "参观",
    "inspected": "调研",
    "attended": "参加/出席",
    "attend": "参加/出席",
    "attendance": "参加",
    "turnout": "参加",
    "people": "人",
    "ppl": "人",
    "persons": "人",
    "folks": "人",
    "guests": "人",
    "spoke": "讲话/致辞",
    "speak": "讲话/发言",
    "speaks": "讲话/发言",
    "on behalf of": "代表",
    "notice": "通知",
    "deal": "签约/协议",
    "deals": "签约/协议",
    "accompanied": "陪同",
    "accompany": "陪同",
    "accompanying": "陪同",
    "escorted": "陪同",
    "provincial": "省",
    "dazhong": "大众网",  # the outlets that publish the articles
    "dzwww": "大众网",
    "netease": "网易",
    "remarks": "讲话/致辞",
    "delegation": "一行",
    "group": "一行",
    "team": "团队",
    # the staff sent over: the experts, the medical team (a hospital's staff: no article says)
    "staff sent": "派驻 专家/医护人员",
    "members": "成员",
    "member": "成员",
    "beds": "床位",
    "bed": "床位",
    "budget": "经费/预算",
    "funding": "经费",
    "paid": "薪酬/报酬",
    "salary": "薪酬",
    "travel": "路费/差旅",
    "patients": "患者/病人",
    "surgeries": "手术",
    "workstations": "工作站",
    "goals": "目标",
    "aim": "目标",
    "plan": "方案/计划",
    "action": "行动",
    "rural": "乡村",
    "county-level": "县级",
    "reporter": "记者",
    "wrote": "记者/作者",
    "author": "作者",
    "published": "发布",
    "set up": "成立",
    "maternal and child health hospital": "妇幼保健院",
    "mch": "妇幼保健",
    "association": "协会",
    "china": "中国",
    "medical": "医疗/医学/医科",
    "affiliated": "附属",
    "brand": "模式/样板",
    "requirements": "要求",
    "demands": "要求",
    "asked": "要求",
    "departments": "科/部门",
    "specialties": "科/专科",
    "specialty": "科/专科",
    "management": "管理",
    "picked": "入选",
    "selected": "入选",
    "chosen": "入选",
    "managers": "管理",
    "consulting": "坐诊",
    "visiting": "坐诊",
    "department": "科/部门",
    "depts": "科/部门",
    "pediatric": "儿童",
    "rehabilitation": "康复",
    "head": "院长",
    "dean": "院长",
    "chair": "主席",
    "chair the": "主持",  # the verb: did X chair the meeting
    # who ran the ceremony (not who ran the hospital: its head)
    "ran the ceremony": "主持 仪式",
    "ran the meeting": "主持 会议",
    "ran the event": "主持 活动",
    "chair a": "主持",
    "chairman": "主席",
}
# Chinese → English, for rendering names, word by word. Longer keys win; ordinals (第一 …),
# the level words (省 市 县 区 镇 …) and 附属 get the word-order rules of `render_name`.
GLOSSARY_ZH_EN: dict[str, str] = {
    "人民医院": "People's Hospital",
    "中心医院": "Central Hospital",
    "中医医院": "Hospital of Traditional Chinese Medicine",
    "中医院": "Hospital of Traditional Chinese Medicine",
    "中西医结合医院": "Hospital of Integrated Traditional Chinese and Western Medicine",
    "妇幼保健院": "Maternal and Child Health Hospital",
    "妇幼保健计划生育服务中心": "Maternal and Child Health and Family Planning Service Center",
    "妇幼保健协会": "Maternal and Child Health Association",
    "保健协会": "Health Association",
    "妇产科医院": "Obstetrics and Gynecology Hospital",
    "妇产医院": "Obstetrics and Gynecology Hospital",
    "儿童医院": "Children's Hospital",
    "肿瘤医院": "Cancer Hospital",
    "口腔医院": "Stomatological Hospital",
    "眼科医院": "Eye Hospital",
    "胸科医院": "Chest Hospital",
    "精神卫生中心": "Mental Health Center",
    "康复医院": "Rehabilitation Hospital",
    "传染病医院": "Infectious Disease Hospital",
    "疾病预防控制中心": "Center for Disease Control and Prevention",
    "疾控中心": "Center for Disease Control and Prevention",
    "社区卫生服务中心": "Community Health Service Center",
    "医学中心": "Medical Center",
    "医疗中心": "Medical Center",
    "医科大学": "Medical University",
    "医学院": "School of Medicine",
    "学院": "College",
    "研究院": "Research Institute",
    "研究所": "Research Institute",
    "卫生健康委员会": "Health Commission",
    "卫生健康委": "Health Commission",
    "卫健委": "Health Commission",
    "卫生计生委": "Health and Family Planning Commission",
    "卫计委": "Health and Family Planning Commission",
    "妇计中心": "Maternal and Child Health and Family Planning Center",
    "计划生育": "Family Planning",
    "宣传": "Publicity",
    "技术指导站": "Technical Guidance Station",
    "学术交流管理中心": "Academic Exchange Management Center",
    "医学": "Medical",
    "卫健局": "Health Bureau",
    "卫生局": "Health Bureau",
    "中医药管理局": "Administration of Traditional Chinese Medicine",
    "医疗集团": "Medical Group",
    "医共体": "Medical Community",
    "医联体": "Medical Alliance",
    "卫生院": "Health Center",
    "协会": "Association",
    "集团": "Group",
    "分院": "Branch",
    "院区": "Campus",
    "附属": "Affiliated",
    "医院": "Hospital",
    "大学": "University",
    "油田": "Oilfield",
    "中心": "Center",
    "人民政府": "People's Government",
    "人大常委会": "People's Congress Standing Committee",
    "政协": "CPPCC Committee",
    "政府": "Government",
    "中国": "China",
    "国家": "National",
    "城市": "Urban",
    "区域": "Regional",
    "市立": "Municipal",
    "省立": "Provincial",
    "县立": "County",
    "区立": "District",
    "第一": "First",
    "第二": "Second",
    "第三": "Third",
    "第四": "Fourth",
    "第五": "Fifth",
    "第六": "Sixth",
    "第七": "Seventh",
    "第八": "Eighth",
    "第九": "Ninth",
    "第十": "Tenth",
    "自治区": "Autonomous Region",
    "地区": "Prefecture",
    "省": "Province",
    "市": "City",
    "县": "County",
    "区": "District",
    "镇": "Town",
    "乡": "Township",
}
EN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
# English words that are never names, even capitalized at a sentence start, and never
# content: question words, auxiliaries, articles and prepositions.
EN_STOP = {
    "true",  # is it true that …
    "correct",
    "a",
    "about",
    "according",
    "all",
    "also",
    "an",
    "and",
    "any",
    "are",
    "article",
    "articles",
    "as",
    "at",
    "be",
    "been",
    "being",
    "between",
    "both",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "each",
    "for",
    "from",
    "give",
    "had",
    "has",
    "have",
    "how",
    "i",
    "in",
    "is",
    "it",
    "its",
    "many",
    "me",
    "mentioned",
    "much",
    "of",
    "on",
    "one",
    "ones",
    "or",
    "please",
    "reported",
    "said",
    "say",
    "says",
    "so",
    "some",
    "stated",
    "story",
    "tell",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "to",
    "was",
    "were",
    "what",
    "when",
    "where",
    "which",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "would",
}


def is_english(question: str) -> bool:
    letters = sum(ch.isascii() and ch.isalpha() for ch in question)
    return letters > 0 and letters >= 2 * sum("\u4e00" <= ch <= "\u9fff" for ch in question)


@lru_cache(maxsize=1)
def _pinyin_syllables() -> frozenset[str]:
    """Every toneless pinyin syllable with a vowel (zhong, dao; not the interjections m, ng)."""
    from pypinyin.pinyin_dict import pinyin_dict

    out = set()
    for readings in pinyin_dict.values():
        for reading in readings.split(","):
            bare = "".join(
                c for c in unicodedata.normalize("NFD", reading) if not unicodedata.combining(c)
            )
            if re.search(r"[aeiouü]", bare):
                out.add(bare.replace("ü", "v"))
    return frozenset(out)


def is_pinyin(word: str) -> bool:
    """Whether `word` spells Chinese syllables (Qingdao, Dazhong, Hai-yong): a name written in
    pinyin, unlike an English word (Party, Year, Uni)."""
    letters = re.sub(r"[-'’]", "", word.lower())
    syllables = _pinyin_syllables()
    ends = {0}  # positions a run of syllables reaches
    for i in range(len(letters)):
        if i in ends:
            ends |= {i + n for n in range(1, 7) if letters[i : i + n] in syllables}
    return len(letters) in ends and len(letters) >= 2


def _syllables(word: str) -> list[list[str]]:
    return pinyin(word, style=Style.NORMAL, heteronym=True, errors="ignore")


def pinyin_keys(word: str, limit: int = 8) -> set[str]:
    """All heteronym readings of `word`, concatenated ('莘县' → {'shenxian', 'xinxian'})."""
    combos = itertools.islice(itertools.product(*_syllables(word)), limit)
    return {"".join(c).replace("ü", "v") for c in combos}


# Readings pypinyin gets wrong or leaves to chance in place names; a key with its level word
# (莘县) wins over the bare word.
PLACE_READINGS: dict[str, str] = {
    "莘县": "Shen",
    "莘": "Shen",
    "单县": "Shan",
    "莲都": "Liandu",
    "长治": "Changzhi",
    "长清": "Changqing",
    "长春": "Changchun",
    "长沙": "Changsha",
    "朝阳": "Chaoyang",
    "六安": "Lu'an",
    "乐亭": "Laoting",
    "乐陵": "Leling",
    "蚌埠": "Bengbu",
    "东阿": "Dong'e",
    "茌平": "Chiping",
    "番禺": "Panyu",
    "丽水": "Lishui",
    "重庆": "Chongqing",
    "厦门": "Xiamen",
}
# Surnames: the common single-character ones (person detection asks for one of these first),
# the two-character ones, and the surnames read unlike the everyday word.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷"
    "侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁"
    "岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝"
    "路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景"
    "党宫费卜冷晏席卫米柏宗瞿桂佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明"
    "佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储栗燕楚鄢谌奚粟冼蔺楼闻厉伊仝郜阚屠朴盖廉"
    "禹漆卿狄索晋容敬扈晁芮阙浦戈伏鹿薄邸雍辜羊裘亓邰赫杭况逯茹诸慕嵇湛宾戎勾茅揭尉冶檀"
    "昝巨留"
)
COMPOUND_SURNAMES = frozenset(
    {
        "欧阳",
        "司马",
        "上官",
        "诸葛",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "慕容",
        "令狐",
        "夏侯",
        "长孙",
        "宇文",
        "司徒",
        "端木",
        "独孤",
        "南宫",
        "西门",
        "轩辕",
        "万俟",
        "闻人",
        "澹台",
        "申屠",
        "钟离",
        "呼延",
    }
)
SURNAME_READINGS: dict[str, str] = {
    "单": "Shan",
    "曾": "Zeng",
    "区": "Ou",
    "仇": "Qiu",
    "解": "Xie",
    "朴": "Piao",
    "查": "Zha",
    "盖": "Ge",
    "乐": "Yue",
    "缪": "Miao",
    "翟": "Zhai",
    "覃": "Qin",
    "尉迟": "Yuchi",
    "长孙": "Zhangsun",
    "万俟": "Moqi",
}


def _capitalised(syllables: list[str]) -> str:
    """Pinyin syllables as one capitalised word, with an apostrophe before a syllable that
    starts with a, e or o (Xi'an, Dong'e)."""
    word = ""
    for syllable in syllables:
        word += ("'" if word and syllable[:1] in ("a", "e", "o") else "") + syllable
    return word[:1].upper() + word[1:]


def render_pinyin(word: str, context: str = "") -> str:
    """`word` as one capitalised pinyin word; `context` (the level word after it) lets the
    phrase reading decide a heteronym ('莘' before '县' → Shen)."""
    reading = PLACE_READINGS.get(word + context) or PLACE_READINGS.get(word)
    if reading:
        return reading
    syllables = lazy_pinyin(word + context, errors="ignore")
    if context and len(syllables) == len(word) + len(context):
        syllables = syllables[: len(word)]
    else:
        syllables = lazy_pinyin(word, errors="ignore")
    return _capitalised(syllables)


def surname(name: str) -> str:
    """冯世庆 → 冯; a two-character surname whole (欧阳明 → 欧阳)."""
    return name[:2] if name[:2] in COMPOUND_SURNAMES and len(name) > 2 else name[:1]


def render_person(name: str) -> str:
    """冯世庆 → Feng Shiqing; a two-character surname stays one word (欧阳 → Ouyang)."""
    family = surname(name)
    reading = SURNAME_READINGS.get(family) or render_pinyin(family)
    return f"{reading} {render_pinyin(name[len(family) :])}".strip()


_ZH_KEYS = sorted(GLOSSARY_ZH_EN, key=len, reverse=True)
_ORDINALS = frozenset(k for k in GLOSSARY_ZH_EN if re.fullmatch(r"第[一二三四五六七八九十]", k))
# Level words after a place: 省 is kept (Shandong Province, Shandong Provincial …), 市 is
# dropped (东营市 → Dongying), the rest stay nouns (Shen County, Liandu District).
_LEVELS = frozenset({"省", "市", "县", "区", "镇", "乡", "地区", "自治区"})
_LEVEL_SUFFIX = "省市县区镇乡"
_LEVEL_ADJECTIVES = {"省": "Provincial", "市": "Municipal"}
_MARKS = {"(": "(", ")": ")", "\uff08": "(", "\uff09": ")", "、": ",", "\uff0c": ",", "·": " "}
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _key_at(text: str, i: int) -> str | None:
    return next((k for k in _ZH_KEYS if text.startswith(k, i)), None)


def _tiles(word: str) -> bool:
    """Whether `word` is glossary words end to end (省立医院), not a name (镇江)."""
    i = 0
    while i < len(word):
        key = _key_at(word, i)
        if key is None:
            return False
        i += len(key)
    return True


def _name_words(run: str, known: Collection[str]) -> list[str]:
    """The names in a run of characters the glossary does not know: known names first,
    then jieba's words, consecutive single characters kept together (毓璜顶 is one name)."""
    words: list[str] = []
    rest = ""

    def cut(text: str) -> None:
        single = False
        for word in jieba.lcut(text):
            if len(word) == 1 and single:
                words[-1] += word
            else:
                words.append(word)
            single = len(word) == 1

    i = 0
    while i < len(run):
        hit = max((w for w in known if len(w) >= 2 and run.startswith(w, i)), key=len, default="")
        if hit:
            if rest:
                cut(rest)
                rest = ""
            words.append(hit)
            i += len(hit)
        else:
            rest += run[i]
            i += 1
    if rest:
        cut(rest)
    return words


def _segments(name: str, known: Collection[str]) -> list[tuple[str, str]]:
    """`name` cut into (text, kind): kind 'key' (a glossary word), 'name' (a place or proper
    name, one word each) or 'mark' (punctuation, digits, Latin)."""
    starts: dict[int, list[str]] = {}
    # a glossary word may not start at the second character of a name jieba found
    # (聊城市 is not 聊 + 城市) unless it stays inside a two-character one
    inside: dict[int, int] = {}
    for word, start, end in jieba.tokenize(name):
        starts.setdefault(start, []).append(word)
        if len(word) >= 2 and not _tiles(word):
            inside[start + 1] = end if len(word) == 2 else start + 1
    for word in known:
        for m in re.finditer(re.escape(word), name):
            starts.setdefault(m.start(), []).append(word)
    out: list[tuple[str, str]] = []
    run = ""
    i = 0

    def flush() -> None:
        nonlocal run
        out.extend((w, "name") for w in _name_words(run, known))
        run = ""

    while i < len(name):
        key = _key_at(name, i)
        if key and i + len(key) > inside.get(i, len(name) + 1):
            key = None
        if key:
            # a name that starts like a glossary word (镇江市): keep it, less its level word
            for word in sorted(starts.get(i, []), key=len, reverse=True):
                stem = word[:-1] if word[-1] in _LEVEL_SUFFIX else word
                if len(stem) > len(key) and not _tiles(word):
                    run += stem
                    i += len(stem)
                    key = None
                    break
            if key is None:
                continue
            flush()
            out.append((key, "key"))
            i += len(key)
        elif _HAN.match(name[i]):
            run += name[i]
            i += 1
        else:
            flush()
            if out and out[-1][1] == "mark" and _MARKS.keys().isdisjoint(out[-1][0] + name[i]):
                out[-1] = (out[-1][0] + name[i], "mark")
            else:
                out.append((name[i], "mark"))
            i += 1
    flush()
    return out


def _level(word: str, before: tuple[str, str] | None, after: tuple[str, str] | None) -> str:
    last = after is None or after[1] == "mark"
    if before is not None and before[1] == "name":
        if word == "市":
            return ""
        if word == "省" and not last:
            return "Provincial"
        return GLOSSARY_ZH_EN[word]
    return GLOSSARY_ZH_EN[word] if last else _LEVEL_ADJECTIVES.get(word, GLOSSARY_ZH_EN[word])


def render_name(name: str, known: Collection[str] = ()) -> str:
    """English rendering of an institution or place, word by word.

    Glossary words are translated (市立 → Municipal, 第二 → Second, 附属 → Affiliated); each
    place or proper name becomes one capitalised pinyin word (烟台毓璜顶医院 → Yantai
    Yuhuangding Hospital), split by `known` names and jieba; a city's 市 is dropped
    (乐陵市 → Leling), a county stays a county (莘县 → Shen County), and an ordinal goes
    before 附属 (附属第二医院 → Second Affiliated Hospital).
    """
    segs = _segments(name, known)
    for j in range(len(segs) - 1):
        if segs[j][0] == "附属" and segs[j + 1][0] in _ORDINALS:
            segs[j], segs[j + 1] = segs[j + 1], segs[j]
    words: list[str] = []
    for j, (text, kind) in enumerate(segs):
        before = segs[j - 1] if j else None
        after = segs[j + 1] if j + 1 < len(segs) else None
        if kind == "name":
            level = after[0] if after and after[0] in _LEVELS else ""
            words.append(render_pinyin(text, level))
        elif kind == "mark":
            words.append(_MARKS.get(text, text))
        elif text in _LEVELS:
            words.append(_level(text, before, after))
        else:
            words.append(GLOSSARY_ZH_EN[text])
    out = " ".join(w for w in words if w.strip())
    out = re.sub(r"\(\s+", "(", out)
    return re.sub(r"\s+([),])", r"\1", out)


def spoken_date(iso: str, language: str) -> str:
    """An ISO date as the asker says it: 2017年12月12日, December 12, 2017; a partial date
    (2024, 2024-04) as far as it goes; anything else as given."""
    parts = iso.split("-")
    if not all(p.isdigit() for p in parts) or not 1 <= len(parts) <= 3:
        return iso
    year, month, day = (int(p) for p in parts + ["0"] * (3 - len(parts)))
    if not 1 <= (month or 1) <= 12:
        return iso
    if language == "en":
        if not month:
            return str(year)
        name = MONTHS[month - 1].capitalize()
        return f"{name} {day}, {year}" if day else f"{name} {year}"
    return f"{year}年" + (f"{month}月" if month else "") + (f"{day}日" if day else "")
