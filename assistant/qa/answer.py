"""The offline answerer: quote the sentences that answer the question, each cited.

No LLM: candidate sentences from the retrieved passages are scored by how much of the
question's weighted vocabulary (BM25 idf) they contain, plus the passage's fused rank.
Nothing is paraphrased, so nothing is claimed that a source does not say. When the
question names something the corpus never mentions, or no sentence covers enough of
the question, the answer is a plain refusal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.lexicon.gazetteer import Gazetteer
from assistant.lexicon.names import proper_nouns
from assistant.qa.analyze import ParsedQuery
from assistant.store.lexical import LexicalIndex
from assistant.textnorm import sentence_spans, to_search_form, to_traditional, tokenize
from assistant.types import Citation, Passage

_LIST_Q = re.compile(r"哪些|哪几|有几|多少|列出|which|how many|list|who", re.I)
_COUNT_Q = re.compile(r"多少|几[名家个位]|how many|number of", re.I)


@dataclass(frozen=True)
class AnswerConfig:
    min_coverage: float = 0.34  # calibrated on the dev set (see eval/)
    min_known_share: float = 0.2  # of the question's idf mass that the corpus vocabulary has
    keep_ratio: float = 0.7  # keep sentences scoring at least this share of the best
    max_sentences: int = 3
    max_sentences_list: int = 5


@dataclass(frozen=True)
class Sentence:
    passage: Passage
    rank: int
    original: str
    text: str  # search form
    coverage: float
    score: float


def absent_entities(query: ParsedQuery, lexical: LexicalIndex) -> list[str]:
    """Names in the question (places, people, organizations) that no chunk contains."""
    missing = list(query.unknown_names)
    if query.language != "en":
        for word in proper_nouns(query.text):
            parts = tokenize(word)
            if not all(map(lexical.knows, parts or [word])):
                missing.append(word)
    return missing


def _group_weights(query: ParsedQuery, lexical: LexicalIndex) -> list[dict[str, float]]:
    return [{t: lexical.idf(t) for t in group} for group in query.groups]


def known_share(query: ParsedQuery, lexical: LexicalIndex) -> float:
    groups = _group_weights(query, lexical)
    total = sum(max(g.values()) for g in groups if g)
    known = sum(max((w for t, w in g.items() if lexical.knows(t)), default=0.0) for g in groups)
    return known / total if total else 0.0


def score_sentences(
    query: ParsedQuery, passages: list[Passage], lexical: LexicalIndex
) -> list[Sentence]:
    # Words the corpus never uses cannot be matched by any sentence; they count
    # against the question only through `known_share` (and absent names refuse outright).
    groups = [
        {t: w for t, w in g.items() if lexical.knows(t)} for g in _group_weights(query, lexical)
    ]
    groups = [g for g in groups if g]
    total = sum(max(g.values()) for g in groups) or 1.0
    counting = bool(_COUNT_Q.search(query.original))
    out: list[Sentence] = []
    for rank, p in enumerate(passages):
        title = to_search_form(p.article.title)
        for start, end in sentence_spans(p.original):
            original = p.original[start:end].strip()
            text = to_search_form(original)
            if len(text) < 6 or "\ufffd" in text:
                continue
            covered = sum(
                max(
                    (w for t, w in g.items() if t in text or (len(t) > 2 and t in title)),
                    default=0.0,
                )
                for g in groups
            )
            coverage = covered / total
            bonus = 0.15 / (1 + rank) + (0.1 if counting and re.search(r"\d", text) else 0.0)
            out.append(Sentence(p, rank, original, text, coverage, coverage + bonus))
    return sorted(out, key=lambda s: -s.score)


def select(sentences: list[Sentence], query: ParsedQuery, config: AnswerConfig) -> list[Sentence]:
    if not sentences:
        return []
    best = sentences[0].score
    limit = config.max_sentences_list if _LIST_Q.search(query.original) else config.max_sentences
    picked: list[Sentence] = []
    for s in sentences:
        if s.score < config.keep_ratio * best or s.coverage < config.min_coverage / 2:
            break
        if any(s.text in p.text or p.text in s.text for p in picked):
            continue
        picked.append(s)
        if len(picked) >= limit:
            break
    return picked


def _render(sentence: Sentence, query: ParsedQuery, gazetteer: Gazetteer) -> str:
    if query.language == "en":
        return gazetteer.annotate(sentence.text)
    if query.language == "zh-Hant":
        return to_traditional(sentence.text)
    return sentence.text


def refusal_text(query: ParsedQuery, missing: list[str]) -> str:
    if query.language == "en":
        why = f" They never mention {', '.join(missing)}." if missing else ""
        return "The documents do not contain information that answers this question." + why
    why = f"文档中没有提到“{'、'.join(missing)}”。" if missing else ""
    text = "文档中没有找到能回答这个问题的信息。" + why
    return to_traditional(text) if query.language == "zh-Hant" else text


def compose(
    query: ParsedQuery,
    passages: list[Passage],
    lexical: LexicalIndex,
    gazetteer: Gazetteer,
    config: AnswerConfig = AnswerConfig(),
) -> tuple[str, list[Citation], bool]:
    """(answer text, citations, refused)."""
    missing = absent_entities(query, lexical)
    sentences = score_sentences(query, passages, lexical)
    if (
        missing
        or known_share(query, lexical) < config.min_known_share
        or not sentences
        or sentences[0].coverage < config.min_coverage
    ):
        return refusal_text(query, missing), [], True
    chosen = select(sentences, query, config)
    citations: list[Citation] = []
    lines: list[str] = []
    for n, s in enumerate(chosen, start=1):
        citations.append(Citation.from_passage(n, s.passage, s.original, s.score))
        lines.append(f"{_render(s, query, gazetteer)} [{n}]")
    docs = len({c.doc_id for c in citations})
    if query.language == "en":
        plural = "s" if docs > 1 else ""
        head = f"From {docs} source article{plural} (quoted in Chinese, names glossed):"
    else:
        head = f"根据{docs}篇文档:"
        head = to_traditional(head) if query.language == "zh-Hant" else head
    return head + "\n" + "\n".join(lines), citations, False
