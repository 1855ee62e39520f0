"""The gazetteer: the corpus's own names, keyed by pinyin, to bridge English questions.

Built from the names each document contributed at ingest (found by `names.harvest`):
every place, organization and person gets pinyin keys (Leling → 乐陵, Shen County → 莘县),
so an English question can be searched with the Chinese words the articles use. The
glossary renders Chinese names back into English for English answers.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from assistant.lexicon.glossary import (
    EN_STOP,
    EN_WORD,
    GLOSSARY_EN_ZH,
    is_pinyin,
    pinyin_keys,
    render_name,
    render_person,
)
from assistant.lexicon.names import ORG_HEAD, aliases, full_names
from assistant.lexicon.questions import plain_dates

# A dash between two words of an English question (the Shengli–No.2 hospital one, A - B)
# parts two names: an en or em dash, or a hyphen with spaces; a bare hyphen (Qilu-Dezhou,
# maternal-child) does not. `_bridged_names` stops a run of name words at the term.
_DASH = re.compile(r"(?<=[\w.])\s*[–—]\s*(?=\w)|\s+-\s+(?=\w)")
_PARTED_WORD = "Zpartedz"  # stands for the dash while the words are read
PARTED = "|"  # the bridged term it becomes


@dataclass
class Gazetteer:
    names: dict[str, str] = field(default_factory=dict)  # 中文 name → kind (place/org/person)
    aliases: dict[str, str] = field(default_factory=dict)  # pinyin key → 中文 name
    _short: dict[str, str] | None = field(default=None, repr=False, compare=False)
    _lengths: list[int] | None = field(default=None, repr=False, compare=False)
    _owners_of: dict[str, set[str]] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_names(cls, names: dict[str, str]) -> Gazetteer:
        """Index names by their pinyin keys (shorter names win a shared key), then the short
        forms that stand for one name alone (Shanda Er Yuan → 山大二院 → 山东大学第二医院)."""
        gaz = cls(names=dict(names))
        for word in sorted(names, key=len):
            for key in pinyin_keys(word):
                gaz.aliases.setdefault(key, word)
        for form, owners in sorted(gaz._owners().items()):
            if len(owners) == 1 and len(form) >= 3 and form not in _CLASS_FORMS:
                for key in pinyin_keys(form):
                    gaz.aliases.setdefault(key, next(iter(owners)))
        return gaz

    # ---- persistence ----------------------------------------------------------
    def save(self, path: Path, stamp: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        tmp.write_text(
            json.dumps(
                {"stamp": stamp, "names": self.names, "aliases": self.aliases}, ensure_ascii=False
            ),
            encoding="utf-8",
        )
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
        terms, unknown, _ = self.bridge_words(question)
        return terms, unknown

    def bridge_words(self, question: str, parted: bool = False) -> tuple[str, list[str], list[str]]:
        """As `bridge`, plus the lowercase content words that nothing bridges. With `parted`,
        a dash between words (the Shengli–No.2 hospital one) is a term of its own, PARTED:
        the names either side are two, not one name's words."""
        spelled = _ORDINAL.sub(
            lambda m: f" {_ORDINALS[int(m.group(1) or m.group(2))]} ", plain_dates(question)
        )
        spelled = _OF_NAME.sub(_name_first, spelled)
        if parted:  # after the names are put in order (People's Hospital of Leling – …)
            spelled = _DASH.sub(f" {_PARTED_WORD} ", spelled)
        # maternal & child, maternal-child: the glossary's "maternal and child"
        spelled = re.sub(r"\s*&\s*|(?<=[a-z])-(?=child)", " and ", spelled, flags=re.I)
        words = [
            w.removesuffix("'s").strip("'") for w in EN_WORD.findall(spelled.replace("’", "'"))
        ]
        terms: list[str] = []
        unknown: list[str] = []
        unmatched: list[str] = []
        i = 0
        while i < len(words):
            for n in (5, 4, 3, 2, 1):
                if i + n > len(words):
                    continue
                phrase = " ".join(w.lower() for w in words[i : i + n])
                joined = phrase.replace(" ", "").replace("'", "")
                hit = _glossary(phrase) or self.aliases.get(joined)
                if hit is None and n == 1 and phrase.endswith("s"):  # counties, hospitals
                    hit = _glossary(re.sub(r"ies$", "y", phrase)) or _glossary(phrase[:-1])
                if hit:
                    terms.append(hit)
                    i += n
                    break
            else:
                word = words[i]
                typo = self._near_alias(word.lower())
                if word == _PARTED_WORD:
                    terms.append(PARTED)
                elif word.lower() in EN_STOP:
                    pass
                elif typo:  # Shegli → Shengli: one letter off a name the articles use
                    terms.append(typo)
                elif word[0].isupper() and len(word) > 2 and i > 0 and is_pinyin(word):
                    unknown.append(word)
                elif len(word) > 2:
                    unmatched.append(word.lower())
                i += 1

        def merge(m: re.Match[str]) -> str:  # 'Shen County' → 莘 县 → 莘县, the articles' word
            word = m.group(1) + m.group(2)
            return word if word in self.names else m.group(0)

        return re.sub(r"(\S+) ([县市省区镇])(?=\s|$)", merge, " ".join(terms)), unknown, unmatched

    def _near_alias(self, word: str) -> str | None:
        """The name whose pinyin is one edit from `word` (two for long words); None when
        none is, or when several names are equally near."""
        if len(word) < 5 or not word.isalpha():
            return None
        limit = 1 if len(word) < 9 else 2
        near = {
            name
            for key, name in self.aliases.items()
            if abs(len(key) - len(word)) <= limit and _edits(key, word, limit) <= limit
        }
        return near.pop() if len(near) == 1 else None

    def resolve(self, name: str) -> str | None:
        """The corpus's own name for `name` (search form): itself, the full name it is a
        short form of, or a name that sounds the same (a typo: 丁春晖 → 丁春辉); None when
        the corpus names no such thing."""
        if name in self.names:
            return name
        longer = [n for n in self.names if len(name) >= 3 and _within(name, n)]
        if longer:  # a short form: the name's characters in order
            return min(longer, key=len)
        short = self._short_forms()
        if name in short or _unsuffixed(name) in short:
            return short.get(name) or short[_unsuffixed(name)]
        keys = pinyin_keys(name)
        sounded = next((self.aliases[k] for k in keys if k in self.aliases), None)
        return (
            sounded
            or self._one_off(name)
            or self._any_hospital(name)
            or self._own_hospital(name)
            or self._reordered(name)
        )

    def _reordered(self, name: str) -> str | None:
        """An institution named by its names in another order (德州齐鲁医院 for
        山东大学齐鲁医院德州医院): the names before its head are each a name the corpus knows,
        and one institution alone holds them all. Not a name of known words no article
        writes (乐陵第二人民医院: 第二人民 is no name)."""
        head = re.search(ORG_HEAD + "$", name)
        stem = name[: head.start()] if head else ""
        pieces, at = [], 0
        while at < len(stem):
            found = max(
                (stem[at:b] for b in range(at + 2, len(stem) + 1) if stem[at:b] in self.names),
                key=len,
                default="",
            )
            if not found:
                return None
            pieces.append(found)
            at += len(found)
        return self.holding(pieces, head.group()) if head else None

    def holding(self, pieces: list[str], head: str = "") -> str | None:
        """The one institution whose name holds each of `pieces`, distinct names of the corpus
        written together (齐鲁 + 德州 → 山东大学齐鲁医院德州医院), ending in `head` where given.
        Not a name repeated, places alone, nor a name's own start (山东德州: a province and a
        city, though 山东大学齐鲁医院德州医院 holds both)."""
        if len(set(pieces)) < max(len(pieces), 2):
            return None
        if {self.names.get(p) for p in pieces} == {"place"}:
            return None
        held = [
            n
            for n, kind in self.names.items()
            if kind == "institution"
            and n.endswith(head)
            and not n.startswith(pieces[0])
            and all(p in n for p in pieces)
        ]
        return held[0] if len(held) == 1 else None

    def _any_hospital(self, name: str) -> str | None:
        """A name whose 医院 stands for any hospital head (Dongying maternal hospital →
        东营妇幼医院 for 东营市妇幼保健院): the one institution that holds its words in order,
        if only one does."""
        if len(name) < 4 or not name.endswith("医院"):
            return None
        bare = name[:-2] + "院"
        near = [n for n, kind in self.names.items() if kind == "institution" and _within(bare, n)]
        return near[0] if len(near) == 1 else None

    def _own_hospital(self, name: str) -> str | None:
        """A county's or city's own hospital (莘县县医院, Leling city hospital): its 人民医院,
        where the articles name one."""
        m = re.fullmatch(r"(.{1,4}?[县市])[县市]?医院", name)
        own = f"{m.group(1)}人民医院" if m else ""
        return own if self.names.get(own) == "institution" else None

    def _one_off(self, name: str) -> str | None:
        """An institution written one character off (东营妇幼保健医院 for 东营市妇幼保健院,
        place levels aside): the one such name, if only one is."""
        if len(name) < 5 or not re.search(ORG_HEAD + "$", name):
            return None
        bare = _unsuffixed(name)
        near = {
            n
            for n, kind in self.names.items()
            if kind not in ("person", "place")
            and abs(len(n) - len(name)) <= 2
            and _edits(_unsuffixed(n), bare, 1) <= 1
            and _numerals(n) == _numerals(name)  # 附属第一医院 is another hospital
        }
        return near.pop() if len(near) == 1 else None

    # ---- rendering names -------------------------------------------------------
    def render(self, name: str) -> str:
        """English rendering of a Chinese name: a person as 'Surname Given' (丁春辉 → Ding
        Chunhui); anything else word by word, with the places and organizations this
        gazetteer knows as separate words (烟台毓璜顶医院 → Yantai Yuhuangding Hospital)."""
        if self.names.get(name) == "person":
            return render_person(name)
        known = [n for n, kind in self.names.items() if kind != "person" and n != name]
        return render_name(name, known)

    def _short_forms(self) -> dict[str, str]:
        """Short forms (市二院) and forms without place levels (乐陵人民医院) of every name,
        built once: resolving a question's names must not walk every name of the corpus."""
        if self._short is None:
            self._short = {}
            for known in sorted(self.names, key=len):
                for form in (*aliases(known), _unsuffixed(known)):
                    self._short.setdefault(form, known)
        return self._short

    def short_names(self, text: str) -> list[str]:
        """The corpus names `text` calls by a short form only (市二院, 山大二院): each form
        that stands for one name alone, longest first where forms overlap."""
        return [name for _, _, name in self.short_name_spans(text)]

    def name_spans(self, text: str) -> list[tuple[int, int]]:
        """Where `text` writes a name, in full or by a short form; a form within a longer
        name (市人民医院 of 乐陵市人民医院) is part of that name."""
        spans = self.mentions(text) + [(a, b) for a, b, _ in self.short_name_spans(text)]
        return [
            (a, b)
            for a, b in spans
            if not any(c <= a and b <= d and (c, d) != (a, b) for c, d in spans)
        ]

    def short_name_spans(self, text: str, context: str = "") -> list[tuple[int, int, str]]:
        """Where `text` uses a short form, with the name it stands for; a form two names share
        (市妇保院) is the one whose place `text`, or the `context` it was written in, names."""
        owners = self._owners()
        found: list[tuple[int, int, str]] = []
        for i in range(len(text)):
            for n in range(min(8, len(text) - i), 2, -1):
                form = text[i : i + n]
                # a class of institution (县医院) is one only in an article naming its place
                if form not in owners or (form in _CLASS_FORMS and not context):
                    continue
                # 市人民医院 of 东营 or of 乐陵: the one whose place the question names
                said = f"{text.replace(form, '')}\n{context}"
                named = [o for o in owners[form] if o[:2] in said]
                owner = (
                    owners[form] if len(owners[form]) == 1 and form not in _CLASS_FORMS else named
                )
                if len(owner) == 1 and all(i >= b or i + n <= a for a, b, _ in found):
                    found.append((i, i + n, next(iter(owner))))
                break
        return sorted(found)

    def _owners(self) -> dict[str, set[str]]:
        """Each short form with the names of the corpus that have it (市人民医院: 东营市人民医院
        and 乐陵市人民医院)."""
        if self._owners_of is None:
            self._owners_of = {}
            for known in self.names:
                if self.names[known] in ("person", "place"):
                    continue
                for form in (*aliases(known), _unsuffixed(known)):
                    if form != known:
                        self._owners_of.setdefault(form, set()).add(known)
        return self._owners_of

    def _spans(self, text: str) -> list[tuple[int, int]]:
        """Every occurrence of a gazetteer name, found by looking up the text's substrings of
        the names' lengths: the cost follows the text, not the size of the gazetteer."""
        if self._lengths is None:
            self._lengths = sorted({len(n) for n in self.names if len(n) >= 2}, reverse=True)
        return [
            (i, i + n)
            for i in range(len(text))
            for n in self._lengths
            if text[i : i + n] in self.names
        ]

    def people_in(self, text: str) -> list[tuple[str, int]]:
        """People of the gazetteer named in `text`, with their positions."""
        return [(text[a:b], a) for a, b in self._spans(text) if self.names[text[a:b]] == "person"]

    def mentions(self, text: str) -> list[tuple[int, int]]:
        """Non-overlapping spans of institution and gazetteer names, longest first."""
        spans = [(start, end) for _, start, end in full_names(text, ORG_HEAD)] + self._spans(text)
        chosen: list[tuple[int, int]] = []
        for start, end in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
            if all(end <= a or start >= b for a, b in chosen):
                chosen.append((start, end))
        return sorted(chosen)

    def annotate(self, text: str) -> str:
        """Add '(English)' after the first mention of each name: 乐陵市人民医院 (Leling People's "
        "Hospital)."""
        out, last, seen = [], 0, set()
        for start, end in self.mentions(text):
            name = text[start:end]
            out.append(text[last:end])
            if name not in seen:
                seen.add(name)
                out.append(f" ({self.render(name)})")
            last = end
        return "".join(out) + text[last:]


# Numbered hospitals: Dongying No.2, No 2, #2, 2nd → the ordinal the names write (第二).
_ORDINAL = re.compile(r"(?:\b(?:No|Number)\.?\s*|#)([1-9])\b|\b([1-9])(?:st|nd|rd|th)\b", re.I)
_ORDINALS = dict(
    enumerate(
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"], 1
    )
)

# "Second Hospital of Shandong University": Chinese names put the owner first.
_OF_NAME = re.compile(
    r"\b((?:[\w'.]+\s+){0,3}?(?:hospital|center|centre|college))\s+of\s+((?:[A-Za-z']+\s*){1,4})",
    re.I,
)


def _name_first(m: re.Match[str]) -> str:
    owner = []
    for word in m.group(2).split():
        if word.lower() in EN_STOP:
            break
        owner.append(word)
    rest = m.group(2).split()[len(owner) :]
    if not owner:
        return m.group(0)
    return " ".join([*owner, m.group(1), *rest]) + (" " if m.group(2).endswith(" ") else "")


# Short forms that also name a class of institutions (全国1000家县医院): never one name.
_CLASS_FORMS = frozenset({"县医院", "妇保院", "市妇保院"})


def _numerals(name: str) -> str:
    return "".join(re.findall(r"[一二三四五六七八九十\d]", name))


def _glossary(phrase: str) -> str | None:
    return GLOSSARY_EN_ZH.get(phrase)


def _edits(a: str, b: str, limit: int) -> int:
    """Edit distance of two short words, two letters swapped counting as one edit (Shenxain
    for Shenxian), stopping early past `limit`."""
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:  # a swap
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        before, row = row, current
    return row[-1]


def in_order(short: str, name: str) -> bool:
    """Whether the characters of `short` appear in `name` in order (温医附二院 in
    温州医科大学附属第二医院; 温医 in 温州医科大学)."""
    chars = iter(name)
    return all(c in chars for c in short)


def _within(short: str, name: str) -> bool:
    """A short form of `name` (山东大学德州医院 of 山东大学齐鲁医院德州医院): its characters
    in order, ending with the same head character."""
    return short[-1] == name[-1] and in_order(short, name)


def _unsuffixed(name: str) -> str:
    """乐陵市人民医院 and 乐陵人民医院 are one name: drop the level words of places."""
    return re.sub(r"(?<=[\u4e00-\u9fff])[省市县区]", "", name)
