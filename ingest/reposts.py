"""Reposts: recognise an article that another outlet already published.

Chinese news is syndicated: one story appears on several outlets, sometimes in the other
script, with other page chrome and small edits. Each copy is stored as an alias of one
canonical document (its chunks, relations and facts), so nothing is embedded or counted
twice.

A document's `Fingerprint` is a MinHash signature (datasketch, `NUM_PERM` permutations)
of the character `SHINGLE`-grams of its cleaned body in search form (Simplified, width
folded) with everything but letters, digits and CJK characters removed, so a change of
script, punctuation or paragraphing changes nothing. It also keeps the dates the body
states (7月3日), the institutions the article names (the lexicon's name finder) and its
publication date: two copies of one story state the same dates and parties and appear
within days of each other, while news written from one template differ in them (the same
hospitals at a later event, or on the same day a year later; other hospitals on the same
day). Two documents are copies when their estimated Jaccard similarity reaches
`THRESHOLD`, the dates and the institutions of one are all among those of the other (a
copy may drop a sentence, not change a date or a party), and they were published at most
`WINDOW_DAYS` apart (when both dates are known). The fingerprint is stored on the
document record, so later runs compare new files against committed documents without
reading those again.

`Registry` (the entry point: `Registry.decide`) holds the committed canonical documents in
an LSH index and decides, document by document, whether one is a repost (of the
earliest committed matching canonical; ties: the smallest doc_id) or canonical, and which
reposts lose their canonical on the way (they are decided again).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from assistant.textnorm import days_between, to_search_form

SHINGLE = 5  # characters per shingle (chosen by `python -m eval reposts`)
NUM_PERM = 256  # the estimate's standard error is about 0.03 at similarity 0.3
SEED = 1
SCHEME = "affine32"  # datasketch's hashing scheme, pinned: stored signatures stay comparable
THRESHOLD = 0.3  # estimated Jaccard similarity at which two bodies are one story
# LSH bands x rows: a pair at similarity 0.3 is a candidate with P = 1 - (1 - 0.3**2)**128
# > 0.9999; unrelated articles (similarity ~0.02) with P ~ 0.05.
LSH_BANDS = (128, 2)
WINDOW_DAYS = 31  # reposts appear within days of the original; a year later is another event
# part of each document's hash key: a change re-decides every document
VERSION = f"k{SHINGLE}-p{NUM_PERM}-s{SEED}-{SCHEME}-t{THRESHOLD}-w{WINDOW_DAYS}"
_ENCODING = "m1"

_NOT_TEXT = re.compile(r"[^0-9a-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# "7月3日", "6月17-18日", "3月5号": the month and (first) day of a date the body states.
_DATE = re.compile(
    r"(\d{1,2})\s*月\s*(\d{1,2})\s*(?:[-~\u2013\u2014\uff5e至到]\s*\d{1,2}\s*)?[日号]"
)
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)  # permutations are made once


def normal_text(body: str) -> str:
    """The body as the detector sees it: search form, letters, digits and CJK only."""
    return _NOT_TEXT.sub("", to_search_form(body).lower())


def dates(body: str) -> frozenset[str]:
    """The month-day dates the body states ("7-3"), in either script."""
    return _dates(to_search_form(body))


def _dates(search_form: str) -> frozenset[str]:
    return frozenset(f"{int(m)}-{int(d)}" for m, d in _DATE.findall(search_form))


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    """Character k-grams of `text` (the whole text when it is shorter than k)."""
    if len(text) <= k:
        return {text} if text else set()
    return {text[i : i + k] for i in range(len(text) - k + 1)}


@dataclass(frozen=True)
class Fingerprint:
    """A body's MinHash signature (uint32 hash values), the dates it states and (hashed) the
    institutions the article names."""

    hashvalues: np.ndarray = field(repr=False)
    dates: frozenset[str] = frozenset()
    parties: frozenset[str] = frozenset()
    published: str = ""  # ISO yyyy-mm-dd, when known

    @property
    def empty(self) -> bool:
        return not len(self.hashvalues)

    def similarity(self, other: Fingerprint) -> float:
        """The estimated Jaccard similarity of the two shingle sets."""
        if self.empty or other.empty or len(self.hashvalues) != len(other.hashvalues):
            return 0.0
        return float(np.count_nonzero(self.hashvalues == other.hashvalues)) / len(self.hashvalues)

    def consistent(self, other: Fingerprint) -> bool:
        """Whether the dates, and the institutions, of one are all among the other's: a copy
        drops, never changes."""
        return (
            _nested(self.dates, other.dates)
            and _nested(self.parties, other.parties)
            and _days_apart(self.published, other.published) <= WINDOW_DAYS
        )

    def matches(self, other: Fingerprint, threshold: float = THRESHOLD) -> bool:
        return self.similarity(other) >= threshold and self.consistent(other)

    def minhash(self) -> LeanMinHash:
        return LeanMinHash(seed=SEED, hashvalues=self.hashvalues, scheme=SCHEME)

    def encode(self) -> str:
        """The stored form: 'm1:' + base64 of the hash values + ':' + the dates + ':' + the
        institutions' hashes + ':' + the publication date."""
        if self.empty:
            return ""
        raw = base64.b64encode(self.hashvalues.astype("<u4").tobytes()).decode()
        stated, named = ",".join(sorted(self.dates)), ",".join(sorted(self.parties))
        return f"{_ENCODING}:{raw}:{stated}:{named}:{self.published}"

    @classmethod
    def decode(cls, text: str) -> Fingerprint:
        """The stored form read back; anything unreadable is the empty fingerprint (it
        matches nothing)."""
        try:
            tag, raw, stated, named, published = text.split(":")
            values = np.frombuffer(base64.b64decode(raw, validate=True), dtype="<u4")
        except ValueError:
            return EMPTY
        if tag != _ENCODING or len(values) != NUM_PERM:
            return EMPTY
        return cls(values.astype(np.uint32), _set(stated), _set(named), published)


EMPTY = Fingerprint(np.zeros(0, dtype=np.uint32))


def _nested(a: frozenset[str], b: frozenset[str]) -> bool:
    return a <= b or b <= a


def _days_apart(a: str, b: str) -> int:
    """Days between two ISO dates; 0 when either is unknown or unreadable."""
    return abs(days_between(a, b) or 0)


def _set(joined: str) -> frozenset[str]:
    return frozenset(x for x in joined.split(",") if x)


def _party(name: str) -> str:
    """An institution's name, hashed (short, and the same in either script)."""
    return hashlib.blake2s(to_search_form(name).encode(), digest_size=4).hexdigest()


def fingerprint(
    body: str, institutions: Iterable[str] = (), published: str | None = None, k: int = SHINGLE
) -> Fingerprint:
    """The fingerprint of a cleaned article body (either script), the institutions the
    article names (`ingest.pipeline.institutions`) and its ISO publication date."""
    search_form = to_search_form(body)
    grams = shingles(_NOT_TEXT.sub("", search_form.lower()), k)
    if not grams:
        return EMPTY
    m = _TEMPLATE.copy()
    m.update_batch([g.encode("utf-8") for g in sorted(grams)])
    parties = frozenset(_party(n) for n in institutions)
    return Fingerprint(m.hashvalues.copy(), _dates(search_form), parties, published or "")


@dataclass(frozen=True)
class Decision:
    """Where a document stands after `Registry.decide`: a repost of `alias_of` (else
    canonical), and the reposts that lost their canonical because of it (decide them
    again)."""

    alias_of: str | None
    similarity: float = 0.0
    orphaned: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entry:
    """One committed (or just decided) document as the registry knows it."""

    doc_id: str
    fingerprint: Fingerprint
    rank: float  # when the document was first committed: the earliest copy is canonical
    alias_of: str = ""


class Registry:
    """The canonical documents (in an LSH index) and the reposts pointing at them."""

    def __init__(self, entries: Iterable[Entry] = (), threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(num_perm=NUM_PERM, params=LSH_BANDS)
        self._entries: dict[str, Entry] = {}
        self._reposts: dict[str, set[str]] = {}  # canonical → its reposts
        for e in entries:
            self._set(e)

    def _set(self, entry: Entry) -> None:
        self._drop(entry.doc_id)
        self._entries[entry.doc_id] = entry
        if entry.alias_of:
            self._reposts.setdefault(entry.alias_of, set()).add(entry.doc_id)
        elif not entry.fingerprint.empty:
            self._lsh.insert(entry.doc_id, entry.fingerprint.minhash(), check_duplication=False)

    def _drop(self, doc_id: str) -> None:
        old = self._entries.pop(doc_id, None)
        if old is None:
            return
        if old.alias_of:
            self._reposts.get(old.alias_of, set()).discard(doc_id)
        elif doc_id in self._lsh.keys:
            self._lsh.remove(doc_id)

    def get(self, doc_id: str) -> Entry | None:
        return self._entries.get(doc_id)

    def reposts_of(self, doc_id: str) -> list[str]:
        return sorted(self._reposts.get(doc_id, ()))

    def is_canonical(self, doc_id: str) -> bool:
        e = self._entries.get(doc_id)
        return e is not None and not e.alias_of

    def stray(self) -> list[str]:
        """Reposts whose canonical is gone, is itself a repost, or no longer matches them
        (left by a killed run, or by another shard's worker): decide them again."""
        out = []
        for e in self._entries.values():
            if e.alias_of:
                canon = self._entries.get(e.alias_of)
                if canon is None or canon.alias_of or not self._match(e.fingerprint, canon):
                    out.append(e.doc_id)
        return sorted(out)

    def remove(self, doc_id: str) -> list[str]:
        """Forget a document (its file is gone); its reposts are orphaned."""
        orphaned = self.reposts_of(doc_id)
        self._drop(doc_id)
        return orphaned

    def _match(self, fp: Fingerprint, canon: Entry) -> float:
        s = fp.similarity(canon.fingerprint)
        return s if s >= self.threshold and fp.consistent(canon.fingerprint) else 0.0

    def find(self, fp: Fingerprint, exclude: str = "") -> tuple[str, float] | None:
        """The canonical document `fp` is a copy of: the earliest committed among those it
        matches (ties: the smallest doc_id), with its similarity; None when none matches."""
        if fp.empty:
            return None
        hits = []
        for doc_id in self._lsh.query(fp.minhash()):
            canon = self._entries[doc_id]
            if doc_id != exclude and (s := self._match(fp, canon)):
                hits.append((canon.rank, doc_id, s))
        if not hits:
            return None
        _, doc_id, s = min(hits)
        return doc_id, s

    def decide(self, doc_id: str, fp: Fingerprint, rank: float) -> Decision:
        """Record the (new or changed) document `doc_id`: a repost of an earlier canonical
        it matches, else canonical. Its own reposts that no longer match it are orphaned."""
        previous = self.reposts_of(doc_id)
        self._drop(doc_id)
        found = self.find(fp, exclude=doc_id)
        if found is not None:
            canon, similarity = found
            self._set(Entry(doc_id, fp, rank, canon))
            return Decision(canon, similarity, tuple(previous))
        entry = Entry(doc_id, fp, rank)
        self._set(entry)
        orphaned = []
        for r in previous:
            repost = self._entries[r]
            if not self._match(repost.fingerprint, entry):
                orphaned.append(r)
        return Decision(None, 0.0, tuple(orphaned))
