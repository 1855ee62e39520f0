"""Clean: turn a web capture into the article's own text.

Removes page chrome (navigation, share buttons, ads, recommendation lists, snapshot
notices, editor lines), collapses repeated headlines, strips pinyin glosses glued to
characters (`網(wǎng)` → `網`) while keeping real parentheses, and repairs mojibake:
only the corrupted run is touched, its bytes are re-read with the likely codecs
(`當?shù)乜剖蚁冗M的` → `當地科室先進的`), what cannot be recovered becomes U+FFFD, and
every run is reported as a warning. Bylines stay (in the header, or closing the body)
for the metadata. The result keeps the article's own script.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import jieba
from pypinyin import Style, pinyin

from assistant.textnorm import to_simplified

MOJIBAKE_MARK = "\ufffd"

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_GLOSS_RE = re.compile(rf"([\u4e00-\u9fff])\(\s*([a-zü{_TONED}]{{1,7}})\s*\)")
_PLAIN = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ", "aaaaeeeeiiiioooouuuuüüüünnnm")

# Lines matched on their Simplified form, so one list serves both scripts.
_CHROME_LINE = re.compile(
    r"^(?:\d{1,4}|分享至|分享到.*|•.*|我的订阅|.*首页\s*>.*|想爆料.*|.*广告热线.*|无障碍浏览.*"
    r"|\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)$"
)
# A byline ("大众网记者 岳霄远 通讯员 袁玉起 聊城报道", "记者:X") is a short line without
# sentence punctuation: a body sentence that mentions a reporter stays in the body.
_META_LINE = re.compile(
    r"^(?:来源|原标题|发布时间|类别)\s*[:\uff1a]|^(?:作者|编辑|记者)\s*[:\uff1a][^。!?\uff01\uff1f]{0,80}$"
    r"|^[^,\uff0c。;\uff1b!?\uff01\uff1f]{0,15}(?:记者|通讯员)[^,\uff0c。;\uff1b!?\uff01\uff1f]{1,30}报道$"
    r"|\d{4}[-/]\d{1,2}[-/]\d{1,2}\s+\d{1,2}:\d{2}.*来源"
)
_TAIL_LINE = re.compile(
    r"^(?:相关推荐|热点推荐|相关新闻|热点新闻|热门推荐|延伸阅读|猜你喜欢|更多关于.*资讯.*"
    r"|以上内容为.*快照.*|初审编辑.*|责任编辑.*|微信扫一扫.*|扫一扫.*分享.*)$"
)
_BODY_LINE = re.compile(r"。")
# "醫務處 林海舵 李春": an office or a name, then names of two or three characters (so a
# closing line of two four-character phrases is not taken for a signature).
_SIGNATURE = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:\s+[\u4e00-\u9fff]{2,3}){1,4}$")
_CLAUSE_SPLIT = re.compile(r"(?<=[,。;!、:,;!])")
_KANA = re.compile(r"[\u3040-\u30ff]")
_QMARK_LATIN = re.compile(r"[\u4e00-\u9fff]\?[a-zA-Z" + _TONED + "]")
_LATIN_IN_CJK = re.compile(r"[\u4e00-\u9fff][A-Za-z" + _TONED + r"]{1,3}[\u4e00-\u9fff(]")


@dataclass(frozen=True)
class Warning_:
    doc_id: str
    kind: str
    detail: str

    def __str__(self) -> str:
        return f"{self.doc_id}: {self.kind}: {self.detail}"


@dataclass(frozen=True)
class CleanDocument:
    doc_id: str
    title: str
    text: str  # cleaned body, original script, paragraphs separated by "\n"
    header: tuple[str, ...]  # metadata lines found around the body (source, date, author…)
    warnings: tuple[Warning_, ...] = field(default=())


def _is_gloss(char: str, syllable: str) -> bool:
    if any(c in _TONED for c in syllable):
        return True
    readings = pinyin(char, style=Style.NORMAL, heteronym=True)[0]
    return syllable.translate(_PLAIN).replace("ü", "v") in {r.replace("ü", "v") for r in readings}


def strip_pinyin_glosses(text: str) -> str:
    """`網(wǎng)` → `網`, `技(jì )術` → `技術`; `(市、區)` and `(2021-2025年)` stay.

    Repeated to a fixed point: removing one gloss can bring another next to its character
    (`一(wǎng)(wǎng)`), and cleaning twice must give what cleaning once gave."""
    while True:
        stripped = _GLOSS_RE.sub(
            lambda m: m.group(1) if _is_gloss(m.group(1), m.group(2)) else m.group(0), text
        )
        if stripped == text:
            return text
        text = stripped


def _mojibake_score(clause: str) -> int:
    if _KANA.search(clause) or MOJIBAKE_MARK in clause:
        return 2
    return (
        len(_QMARK_LATIN.findall(clause))
        + len(_LATIN_IN_CJK.findall(clause))
        + (clause.count(")") > clause.count("("))
    )


@dataclass(frozen=True)
class MojibakeRepair:
    """One corrupted run: what the capture has, and what the cleaned text has instead."""

    run: str  # the corrupted characters as captured
    text: str  # recovered characters, with U+FFFD where bytes were lost
    codecs: str = ""  # how it was recovered ("gbk bytes re-read as gbk"); "" if only marked

    def __str__(self) -> str:
        if not self.codecs:
            if self.run == self.text:
                return f"unreadable text already marked in the source: {self.run!r}"
            return f"unreadable text replaced: {self.run!r} -> {self.text!r}"
        lost = self.text.count(MOJIBAKE_MARK)
        note = f"; {lost} lost piece(s) marked {MOJIBAKE_MARK!r}" if lost else ""
        return f"recovered {self.run!r} as {self.text!r} ({self.codecs}{note})"


# The pieces that show a run is broken: a pinyin gloss (or its tail, when its "(" went
# with a lost byte), a "?" where the decoder met a byte it could not read, kana, and
# Latin letters glued between characters. The CJK characters between them are the
# misread bytes.
_RUN_PIECE = re.compile(rf"\(?[a-zü{_TONED}]{{1,7}}\)|\?|[\u3040-\u30ff]|[A-Za-z{_TONED}]")
_GLOSS_PIECE = re.compile(rf"\(?([a-zü{_TONED}]{{1,7}})\)")
# (the codec the run was wrongly read with, the codec its bytes really are in)
_CODEC_PAIRS = (
    ("gbk", "gbk"),
    ("big5", "big5"),
    ("gbk", "utf-8"),
    ("big5", "utf-8"),
    ("gbk", "big5"),
    ("big5", "gbk"),
)
_GAP = -1  # an unknown number of lost bytes; None in a byte list is one unknown byte
_RECOVERABLE_PUNCT = frozenset("，、。；：！？“”《》")


@lru_cache(maxsize=4096)
def _plausible(char: str) -> bool:
    """A character real text is made of: one of the 3,755 common hanzi, or CJK punctuation."""
    if char in _RECOVERABLE_PUNCT:
        return True
    if not "\u4e00" <= char <= "\u9fff":
        return False
    try:
        code = to_simplified(char).encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(code) == 2 and 0xB0 <= code[0] <= 0xD7


def _reads(char: str, syllable: str) -> bool:
    syllable = syllable.lower()
    if any(c in _TONED for c in syllable):
        return syllable in pinyin(char, style=Style.TONE, heteronym=True)[0]
    return _is_gloss(char, syllable)


@lru_cache(maxsize=1024)
def _paired(known: int, known_first: bool, codec: str) -> tuple[tuple[int, str], ...]:
    """Each byte x with the hanzi that (known, x) or (x, known) makes in `codec`."""
    found = []
    for x in range(0x40, 0x100):
        pair = bytes((known, x) if known_first else (x, known))
        try:
            char = pair.decode(codec)
        except UnicodeDecodeError:
            continue
        if len(char) == 1 and "\u4e00" <= char <= "\u9fff":
            found.append((x, char))
    return tuple(found)


def _bytes_read_as(known: int, known_first: bool, syllable: str, codec: str) -> tuple[int, ...]:
    """The bytes x for which (known, x) or (x, known) is one character read `syllable`."""
    return tuple(x for x, char in _paired(known, known_first, codec) if _reads(char, syllable))


def _apply_gloss(items: list[int | None], syllable: str, codec: str) -> None:
    """A gloss names the reading of the two bytes before it: use it to fill a lost byte.

    `?shù)` after `當` (GBK ae 94): the gloss belongs to (94, ?) = 數, so ? is b5, and
    b5 with the d8 that follows is 地. `B(tài)`: (?, 42) read tài is 態 (91 42), its
    first byte lost with whatever came before it.
    """
    if not items or items[-1] == _GAP:
        return
    first = items[-2] if len(items) >= 2 else _GAP
    last = items[-1]
    if last is None:
        if isinstance(first, int) and first >= 0:
            found = _bytes_read_as(first, True, syllable, codec)
            if len(found) == 1:
                items[-1] = found[0]
        return
    if first is None:
        found = _bytes_read_as(last, False, syllable, codec)
        if len(found) == 1:
            items[-2] = found[0]
        return
    if first >= 0:
        try:
            if _reads(bytes((first, last)).decode(codec), syllable):
                return  # an ordinary gloss of an intact character
        except UnicodeDecodeError:
            pass
    found = _bytes_read_as(last, False, syllable, codec)
    if len(found) == 1:  # the character's first byte was lost: mark the loss before it
        items[-1:] = [_GAP, found[0], last]


def _run_bytes(left: str, run: str, enc: str, dec: str) -> tuple[list[int | None], int] | None:
    """The bytes behind `run` (read back with `enc`), after the bytes of the intact `left`."""
    try:
        items: list[int | None] = list(left.encode(dec)) if left else []
    except UnicodeEncodeError:
        items = []
    start = len(items)
    pos = 0
    while pos < len(run):
        gloss = _GLOSS_PIECE.match(run, pos)
        if gloss:
            _apply_gloss(items, gloss.group(1), dec)
            pos = gloss.end()
            continue
        char = run[pos]
        pos += 1
        if char == "?":
            items.append(None)
            continue
        try:
            items.extend(char.encode(enc))
        except UnicodeEncodeError:
            return None
    return items, start


def _decode_bytes(items: list[int | None], start: int, codec: str) -> tuple[int, str]:
    """The most plausible reading of items[start:]: each byte is read or given up as lost.
    A byte given up is kept as a private-use mark (_LOST_BYTE + byte) for _complete_lost;
    an unknown loss is U+FFFD.

    A common character scores 3, any other character -4; a stretch of lost bytes costs 3
    for its first byte and 1 for each further one, so a reading stays aligned rather than
    skip a byte to reach another plausible pair.
    """
    widest = 4 if codec == "utf-8" else 2
    n = len(items)
    # best[(position, after a lost byte)] = (score, text)
    best: dict[tuple[int, bool], tuple[int, str]] = {(start, False): (0, "")}
    for i in range(start, n):
        for lost_before in (False, True):
            here = best.get((i, lost_before))
            if here is None:
                continue
            score, text = here
            lost = items[i]  # kept as a private-use mark, to be completed from its context
            mark = chr(_LOST_BYTE + lost) if isinstance(lost, int) and lost >= 0 else MOJIBAKE_MARK
            options = [(i + 1, True, score - (1 if lost_before else 3), text + mark)]
            for width in range(1, widest + 1):
                chunk = [b for b in items[i : i + width] if b is not None and b >= 0]
                if len(chunk) < width:
                    break
                try:
                    char = bytes(chunk).decode(codec)
                except UnicodeDecodeError:
                    continue
                if len(char) == 1:
                    gain = 3 if _plausible(char) else -4
                    options.append((i + width, False, score + gain, text + char))
            for j, lost, s, t in options:
                seen = best.get((j, lost))
                if seen is None or s > seen[0]:
                    best[(j, lost)] = (s, t)
    ends = [best[k] for k in ((n, False), (n, True)) if k in best]
    final = max(ends, default=(0, ""))
    return final[0], final[1]


_LOST_BYTE = 0xF0000  # + the byte: one byte given up while decoding (a private-use mark)
# one damaged spot: bytes given up, with the unknown loss beside them
_LOST = re.compile(f"{MOJIBAKE_MARK}?[\U000f0000-\U000f00ff]+{MOJIBAKE_MARK}?")


def _complete_lost(before: str, text: str, after: str, codec: str) -> str:
    """`text` with each byte given up alone completed where its context decides: the other
    byte of its character was lost, so each byte that would pair with it is tried, and the
    common character that makes the likeliest reading of the text around it is kept, when
    it is clearly likelier than the next (中�态化: a3 after a lost b3 is 常, 常态化). Any
    other lost bytes become U+FFFD."""

    def complete(m: re.Match[str]) -> str:
        given_up = m.group(0).strip(MOJIBAKE_MARK)
        if len(given_up) != 1:
            return MOJIBAKE_MARK
        byte = ord(given_up) - _LOST_BYTE
        left, right = text[: m.start()], text[m.end() :]
        # its partner byte may have stood on either side of it
        chars = {c for first in (True, False) for _, c in _paired(byte, first, codec)}
        found = {c: _likelihood(f"{before}{left}{c}{right}{after}") for c in chars if _plausible(c)}
        ranked = sorted(found.items(), key=lambda kv: -kv[1])
        if len(ranked) < 2 or ranked[0][1] - ranked[1][1] < _CLEAR_MARGIN:
            return MOJIBAKE_MARK
        # and it makes a word with its neighbours, as a chance character does not
        char = ranked[0][0]
        lost = _in_words(before, f"{left}{MOJIBAKE_MARK}{right}", after)
        return (
            char if _in_words(before, f"{left}{char}{right}", after) >= lost + 2 else MOJIBAKE_MARK
        )

    completed = _LOST.sub(complete, text)
    return re.sub(f"{MOJIBAKE_MARK}+", MOJIBAKE_MARK, completed)


_CLEAR_MARGIN = 0.5  # in log-probability: how much likelier the kept reading must be


def _likelihood(text: str) -> float:
    """The log-probability of the likeliest segmentation of `text` into dictionary words."""
    line = "".join(to_simplified(c)[:1] or c for c in text)
    dt = jieba.dt
    dt.check_initialized()
    route: dict[int, tuple[float, int]] = {}
    dt.calc(line, dt.get_DAG(line), route)
    return route[0][0] if line else 0.0


def _in_words(before: str, text: str, after: str) -> int:
    """How many characters of `text` fall inside dictionary words of their context."""
    line = "".join(to_simplified(c)[:1] or c for c in before + text + after)
    start, end = len(before), len(before) + len(text)
    pos = inside = 0
    for token in jieba.cut(line, HMM=False):
        stop = pos + len(token)
        if len(token) >= 2 and MOJIBAKE_MARK not in token:
            inside += max(0, min(stop, end) - max(pos, start))
        pos = stop
    return inside


def recover_run(before: str, run: str, after: str = "") -> MojibakeRepair:
    """Re-read the bytes of a corrupted run with the likely codecs.

    A reading is kept when it is made of common characters, loses less than it keeps, and
    most of what it recovers forms dictionary words with the intact text around it (which
    a chance reading of garbage does not); then a byte lost alone is completed where its
    context decides (_complete_lost), and U+FFFD marks the bytes still lost. Without
    such a reading the run becomes one U+FFFD. `before` and `after` are the intact text
    around the run: the last character before it lends its bytes to the reading.
    """
    best: tuple[int, int, str, str] | None = None
    for enc, dec in _CODEC_PAIRS:
        built = _run_bytes(before[-1:], run, enc, dec)
        if built is None:
            continue
        score, read = _decode_bytes(*built, dec)
        text = re.sub(f"{_LOST.pattern}|{MOJIBAKE_MARK}+", MOJIBAKE_MARK, read)
        kept = [c for c in text if c != MOJIBAKE_MARK]
        if not kept or not all(_plausible(c) for c in kept):
            continue
        if text.count(MOJIBAKE_MARK) > len(kept) // 2:
            continue
        words = _in_words(before[-4:], text, after[:4])
        if words < max(2, 0.6 * len(kept)):
            continue
        if best is None or (words, score) > best[:2]:
            # a reading kept on its own merits; then its lost bytes completed from context
            text = _complete_lost(before[-4:], read, after[:4], dec)
            best = (words, score, text, f"{enc} bytes re-read as {dec}")
    if best is None:
        return MojibakeRepair(run, MOJIBAKE_MARK)
    return MojibakeRepair(run, best[2], best[3])


def mark_mojibake(line: str) -> tuple[str, list[MojibakeRepair]]:
    """Recover or mark the runs of broken re-encoding in one line; return what was done.

    A clause is suspect when it shows two signs of broken re-encoding (kana, "?" glued to
    Latin letters, Latin letters glued between characters, an unmatched ")"). In it only
    the run from the first to the last broken piece is touched: recovered where its bytes
    can be read again, else replaced by one U+FFFD. Everything around the run is kept.
    """
    out, repairs = [], []
    for clause in _CLAUSE_SPLIT.split(line):
        body = clause.rstrip(",。;!、:,;!")
        if not body or _mojibake_score(body) < 2:
            out.append(clause)
            continue
        pieces = list(_RUN_PIECE.finditer(body))
        if not pieces:  # nothing left but U+FFFD marks: already marked, keep and report
            repairs.append(MojibakeRepair(MOJIBAKE_MARK, MOJIBAKE_MARK))
            out.append(clause)
            continue
        a, b = pieces[0].start(), pieces[-1].end()
        repair = recover_run(body[:a], body[a:b], body[b:])
        repairs.append(repair)
        out.append(body[:a] + repair.text + clause[b:])
    return "".join(out), repairs


def _normalize_lines(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = (re.sub(r"[ \t\u00a0\u3000]+", " ", ln).strip() for ln in text.split("\n"))
    return [ln for ln in lines if ln]


def _pick_title(header: list[str]) -> str:
    for line in header:
        m = re.match(r"^原[标標][题題]\s*[::]\s*(.+)$", line)
        if m:
            return m.group(1).strip()
    for line in header:
        simple = to_simplified(line)
        if (
            8 <= len(line) <= 120
            and not _CHROME_LINE.match(simple)
            and not _META_LINE.search(simple)
        ):
            return line
    return ""


def clean(doc_id: str, raw_text: str) -> CleanDocument:
    lines = _normalize_lines(strip_pinyin_glosses(raw_text))
    start = next((i for i, ln in enumerate(lines) if len(ln) >= 40 and _BODY_LINE.search(ln)), 0)
    header = lines[:start]
    title = _pick_title(header)
    seen = {title} if title else set()
    body: list[str] = []
    meta = [ln for ln in header if ln != title]
    warnings: list[Warning_] = []
    for line in lines[start:]:
        simple = to_simplified(line)
        if _TAIL_LINE.match(simple):
            meta.append(line)
            break
        if _META_LINE.search(simple):
            meta.append(line)
            continue
        if _CHROME_LINE.match(simple) or line in seen or (title and line.endswith(title)):
            continue
        seen.add(line)
        line, repairs = mark_mojibake(line)
        warnings += [Warning_(doc_id, "mojibake", str(r)) for r in repairs]
        body.append(line)
    if body and _SIGNATURE.match(body[-1]):
        meta.append(body.pop())  # "醫務處 林海舵 李春": the byline, not article text
    return CleanDocument(doc_id, title, "\n".join(body), tuple(meta), tuple(warnings))
