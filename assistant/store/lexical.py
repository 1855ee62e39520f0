"""BM25 over jieba tokens, built from the committed chunks and cached beside the store.

Tokens are computed once at ingest and stored on each chunk, so a rebuild (after any
ingest, on any machine that reaches the store) never re-tokenizes. The cache is keyed
by the manifest stamp: a stale cache is rebuilt, never used.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import bm25s
import numpy as np
from pypinyin import Style, pinyin

from assistant.store.chroma import Store
from assistant.store.schema import DocRecord
from assistant.textnorm import to_search_form, unenumerated

TOKENIZER = "jieba-search+t2s+lower+stopwords/v5"  # bump when tokens or the cache change


@dataclass
class LexicalIndex:
    ids: list[str]
    bm25: bm25s.BM25 | None  # None for an empty corpus
    stamp: str
    _idf: dict[str, float] = field(default_factory=dict, repr=False)  # the index never changes
    bigrams: frozenset[str] = frozenset()  # every pair of adjacent characters in the corpus
    _by_sound: dict[str, list[str]] | None = field(default=None, repr=False)
    _pairs_by_sound: frozenset[str] | None = field(default=None, repr=False)

    @property
    def vocabulary(self) -> dict[str, int]:
        return {} if self.bm25 is None else self.bm25.vocab_dict

    def knows(self, token: str) -> bool:
        return token in self.vocabulary

    def mentions(self, word: str) -> bool:
        """Whether the corpus writes `word` (search form): every pair of adjacent characters
        of it occurs in the corpus. Word cuts differ between a question and the articles
        (汇报会 | 汇报 会); character pairs do not."""
        pairs = [word[i : i + 2] for i in range(len(word) - 1)]
        return all(p in self.bigrams for p in pairs) if pairs else True

    def sounds_like(self, token: str) -> str | None:
        """A corpus word of two or more characters that reads like `token` (医连体 → 医联体):
        typos in Chinese are mostly characters of the same sound. A typo miswrites a character
        or two, not the whole word: 职称 is not 支撑."""
        if not re.fullmatch(r"[\u4e00-\u9fff]{2,}", token):
            return None
        if self._by_sound is None:
            self._by_sound = {}
            for word in self.vocabulary:
                if re.fullmatch(r"[\u4e00-\u9fff]{2,}", word):
                    self._by_sound.setdefault(_reading(word), []).append(word)
        near = max(1, len(token) // 2)  # characters a typo may change
        changed = [
            (sum(a != b for a, b in zip(w, token, strict=True)), w)
            for w in self._by_sound.get(_reading(token), [])
            if len(w) == len(token)
        ]
        return min((c for c in changed if c[0] <= near), default=(0, None))[1]

    def written_by_sound(self, name: str) -> bool:
        """Whether the corpus writes the name `name` with other characters of the same sound
        and tone, pair by pair of adjacent characters (卫建局: 卫健 and 健局 are written), as
        `mentions` does for the characters themselves. For names only: pairs of an ordinary
        word read alike across word boundaries too often (院士, 院是)."""
        if not re.fullmatch(r"[\u4e00-\u9fff]{3,}", name):
            return False
        if self._pairs_by_sound is None:
            cjk = (p for p in self.bigrams if re.fullmatch(r"[\u4e00-\u9fff]{2}", p))
            self._pairs_by_sound = frozenset(_reading(p, Style.TONE3) for p in cjk)
        pairs = [name[i : i + 2] for i in range(len(name) - 1)]
        return all(_reading(p, Style.TONE3) in self._pairs_by_sound for p in pairs)

    def idf(self, token: str) -> float:
        """BM25 idf; a token the corpus never uses gets the highest possible weight."""
        if token in self._idf:
            return self._idf[token]
        n = len(self.ids)
        df = 0
        if self.bm25 is not None and self.knows(token):
            df = int(np.count_nonzero(self.bm25.get_scores([token])))
        self._idf[token] = float(np.log((n - df + 0.5) / (df + 0.5) + 1.0))
        return self._idf[token]

    def search(self, tokens: list[str], k: int) -> list[tuple[str, float]]:
        known = [t for t in tokens if self.knows(t)]
        if self.bm25 is None or not known:
            return []
        scores = self.bm25.get_scores(known)
        top = np.argsort(-scores)[:k]
        return [(self.ids[i], float(scores[i])) for i in top if scores[i] > 0]

    @classmethod
    def build(cls, store: Store, manifest: dict[str, DocRecord]) -> LexicalIndex:
        ids, corpus = [], []
        bigrams: set[str] = set()
        for chunk in store.iter_chunks(with_text=True):
            rec = manifest.get(chunk.meta.doc_id)
            if rec is not None and rec.doc_hash == chunk.meta.doc_hash:
                ids.append(chunk.chunk_id)
                corpus.append(chunk.meta.tokens.split() or [""])
                # what the article writes about itself counts as written: its title, outlet
                # and author (大众网 过了几天才发稿 asks of the outlet, not of nothing)
                about = (rec.article.title, rec.article.source or "", rec.article.author or "")
                text = f"{to_search_form(' '.join(about))}\n{chunk.text}".lower()
                # and as read without the marks of an enumeration: 县(市、区) writes 县市区
                for t in {text, unenumerated(text)}:
                    bigrams.update(t[i : i + 2] for i in range(len(t) - 1))
        bm25 = None
        if ids:
            bm25 = bm25s.BM25()
            bm25.index(corpus, show_progress=False)
        return cls(ids, bm25, Store.stamp(manifest), bigrams=frozenset(bigrams))

    def save(self, directory: Path) -> None:
        tmp = directory.with_name(
            f"{directory.name}.tmp{os.getpid()}"
        )  # writers never share a temp
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        if self.bm25 is not None:
            self.bm25.save(str(tmp / "bm25"))
        (tmp / "index.json").write_text(
            json.dumps(
                {
                    "stamp": self.stamp,
                    "tokenizer": TOKENIZER,
                    "ids": self.ids,
                    "bigrams": sorted(self.bigrams),
                },
                ensure_ascii=False,
            ),
            encoding="utf-8",
        )
        old = directory.with_name(f"{directory.name}.old{os.getpid()}")
        if directory.exists():
            directory.rename(old)
        tmp.rename(directory)  # readers see the old cache or the new one, never a mix
        shutil.rmtree(old, ignore_errors=True)

    @classmethod
    def load(cls, directory: Path, stamp: str) -> LexicalIndex | None:
        try:
            info = json.loads((directory / "index.json").read_text(encoding="utf-8"))
            if info["stamp"] != stamp or info["tokenizer"] != TOKENIZER:
                return None
            bm25 = bm25s.BM25.load(str(directory / "bm25")) if info["ids"] else None
            return cls(info["ids"], bm25, stamp, bigrams=frozenset(info["bigrams"]))
        except (OSError, ValueError, KeyError):
            return None


def _reading(word: str, style: Style = Style.NORMAL) -> str:
    return " ".join(s[0] for s in pinyin(word, style=style, errors="ignore"))


def open_lexical(store: Store, manifest: dict[str, DocRecord]) -> LexicalIndex:
    """The cached index when current, else a fresh build (saved for the next reader)."""
    directory = store.config.sidecar_dir() / "bm25"
    cached = LexicalIndex.load(directory, Store.stamp(manifest))
    if cached is not None:
        return cached
    index = LexicalIndex.build(store, manifest)
    with contextlib.suppress(OSError):  # a read-only sidecar only costs a rebuild next time
        index.save(directory)
    return index
