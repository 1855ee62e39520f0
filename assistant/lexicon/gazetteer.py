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
    pinyin_keys,
    render_name,
    render_person,
)
from assistant.lexicon.names import ORG_HEAD, full_names, harvest
from assistant.textnorm import to_search_form


@dataclass
class Gazetteer:
    names: dict[str, str] = field(default_factory=dict)  # 中文 name → kind (place/org/person)
    aliases: dict[str, str] = field(default_factory=dict)  # pinyin key → 中文 name

    @classmethod
    def build(cls, texts: list[str]) -> Gazetteer:
        return cls.from_names(harvest("\n".join(to_search_form(t) for t in texts)))

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
        words = EN_WORD.findall(question.replace("’", "'"))
        terms: list[str] = []
        unknown: list[str] = []
        i = 0
        while i < len(words):
            for n in (4, 3, 2, 1):
                if i + n > len(words):
                    continue
                phrase = " ".join(w.lower() for w in words[i : i + n])
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
                if word[0].isupper() and len(word) > 2 and i > 0 and word.lower() not in EN_STOP:
                    unknown.append(word)
                i += 1

        def merge(m: re.Match[str]) -> str:  # 'Shen County' → 莘 县 → 莘县, the articles' word
            word = m.group(1) + m.group(2)
            return word if word in self.names else m.group(0)

        return re.sub(r"(\S+) ([县市省区镇])(?=\s|$)", merge, " ".join(terms)), unknown

    # ---- rendering names -------------------------------------------------------
    def render(self, name: str) -> str:
        """English rendering of a Chinese name: glossary words, pinyin for the rest."""
        if self.names.get(name) == "person":
            return render_person(name)
        return render_name(name)

    def mentions(self, text: str) -> list[tuple[int, int]]:
        """Non-overlapping spans of institution and gazetteer names, longest first."""
        spans = [(start, end) for _, start, end in full_names(text, ORG_HEAD)]
        for name in self.names:
            if len(name) >= 2:
                spans += [(m.start(), m.end()) for m in re.finditer(re.escape(name), text)]
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
