"""`python -m eval reposts`: precision and recall of repost detection (ingest/reposts.py).

A labelled set of pairs is generated:

- reposts: each bundled article (corpus/) and a set of eval/synth.py articles re-published
  by other outlets: other page chrome (headers, footers, related-links blocks, ads between
  paragraphs, outlet and editor lines), often in the other script (OpenCC, including the
  Taiwan and Hong Kong variants), with small edits (a sentence dropped or reworded,
  punctuation changed, a paragraph split or merged, a lead added, the end cut), at three
  levels (1, 2–3 or 4–5 edits); a copy is paired with its original and with another copy;
- hard negatives: two articles about the same two hospitals, from the generator's
  templates (another kind of partnership, or the same kind on another date: a later
  event written from the same template, or on the same day of another year, which the
  body cannot tell apart); articles from one template on the same day
  about other hospitals (a bureau's batch of signings); follow-up articles about the
  bundled articles' own hospitals that reuse a background sentence of the original; and
  copies of two different bundled articles.

Every page goes through the ingest path (load's text, `clean`, `fingerprint`), and the
detector's verdict is compared with the label. The report has the precision and recall
at the chosen threshold, a threshold sweep, the shingle sizes compared (exact Jaccard,
with and without the checks on dates and institutions), and a store check: the bundled
corpus ingested with the real embedder, then again with reposts of every article added,
must embed 0 chunks and keep the relation table as it was.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import opencc

from assistant.textnorm import detect_script
from ingest import reposts
from ingest.clean import clean
from ingest.load import load
from ingest.metadata import extract
from ingest.pipeline import document_names, institutions

from .synth import FILLER, NOISE_HEADLINES, _body, _page

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
# The two hospitals each bundled article is about (corpus/README.md).
CORPUS_PAIRS = {
    "000_5d65d5fcfe079639": ("东营市人民医院", "东营市妇幼保健院"),
    "001_12103a184f632d7e": ("山东大学齐鲁医院德州医院", "乐陵市人民医院"),
    "002_e7e47b4baa4b8cfc": ("温州医科大学附属第二医院", "丽水市妇幼保健院"),
    "003_976f688fcd1ec32e": ("山东大学第二医院", "莘县人民医院"),
    "004_ec8b56c216570b9d": ("胜利油田中心医院", "东营市第二人民医院"),
}
OUTLETS = [
    "齐鲁网",
    "新浪新闻",
    "搜狐",
    "澎湃新闻",
    "今日头条",
    "健康报",
    "中国山东网",
    "闪电新闻",
    "凤凰网",
    "腾讯新闻",
    "人民网",
    "大众网",
]
EDITORS = ["王梦", "李娜", "张晓东", "刘洋", "陈静", "赵磊"]
ADS = [
    "【广告】夏季空调大促,立省500元,点击了解详情",
    "广告 本地宽带新装特惠,每月仅需39元",
    "▲点击上方蓝字关注我们,获取更多健康资讯",
    "扫码下载客户端,看更多本地新闻",
]
# Rewordings an editor makes (Simplified; applied after converting to the page's script).
REWORDS = [
    ("开展", "举行"),
    ("进一步", "更加"),
    ("提升", "提高"),
    ("近日", "日前"),
    ("表示", "指出"),
    ("群众", "老百姓"),
    ("深入", "持续"),
    ("积极", "主动"),
    ("参加", "出席"),
    ("加强", "强化"),
]
LEVELS = {"light": (1, 1), "medium": (2, 3), "heavy": (4, 5)}
ANOTHER_YEAR = "same hospitals, kind and day, another year"
UNDATED = " (a page without a publication date)"  # then no check can tell the two apart
_SENTENCE = re.compile(r"[^\u3002\uff01\uff1f!?]+[\u3002\uff01\uff1f!?]*")


@dataclass(frozen=True)
class Source:
    """An article as its outlet wrote it: title, paragraphs (its own script), date."""

    doc_id: str
    title: str
    paragraphs: list[str]
    date: str
    page: str  # the page as first published


@dataclass(frozen=True)
class Pair:
    a: str  # page ids (keys of PairSet.pages)
    b: str
    repost: bool
    category: str
    level: str = ""  # reposts: light | medium | heavy


@dataclass
class PairSet:
    pages: dict[str, str]  # page id → raw page text
    pairs: list[Pair]


# ---- re-publishing ------------------------------------------------------------------


@cache
def _converter(name: str) -> Callable[[str], str]:
    return opencc.OpenCC(name).convert


def other_script(text: str, rng: random.Random) -> str:
    """The text in the other script: Traditional becomes Simplified; Simplified becomes
    Traditional (OpenCC's standard, Taiwan or Hong Kong forms)."""
    if detect_script(text) == "Traditional":
        return _converter("t2s")(text)
    return _converter(rng.choice(["s2t", "s2tw", "s2hk"]))(text)


def _sentences(paragraph: str) -> list[str]:
    return _SENTENCE.findall(paragraph) or [paragraph]


def _drop_sentence(paras: list[str], rng: random.Random) -> None:
    options = [i for i, p in enumerate(paras) if i and len(_sentences(p)) >= 2]
    if not options:
        return
    i = rng.choice(options)
    parts = _sentences(paras[i])
    del parts[rng.randrange(1, len(parts))]  # the lead sentence of a paragraph stays
    paras[i] = "".join(parts)


def _reword(paras: list[str], rng: random.Random) -> None:
    i = rng.randrange(len(paras))
    parts = _sentences(paras[i])
    j = rng.randrange(len(parts))
    convert = _converter("s2t") if detect_script(paras[i]) == "Traditional" else (lambda s: s)
    done = False
    for old, new in rng.sample(REWORDS, len(REWORDS)):
        old, new = convert(old), convert(new)
        if old in parts[j]:
            parts[j], done = parts[j].replace(old, new, 1), True
            break
    if not done:
        parts[j] = convert("据悉,") + parts[j]
    paras[i] = "".join(parts)


def _punctuation(paras: list[str], rng: random.Random) -> None:
    swaps = rng.sample(
        [
            (",", "\uff0c"),
            ("\uff0c", ","),
            ("\u201c", "\u300c"),
            ("\u201d", "\u300d"),
            ("\u3001", ","),
            (";", "\uff1b"),
            (":", "\uff1a"),
            ("(", "\uff08"),
        ],
        3,
    )
    for k, p in enumerate(paras):
        for old, new in swaps:
            p = p.replace(old, new)
        paras[k] = p


def _split(paras: list[str], rng: random.Random) -> None:
    options = [i for i, p in enumerate(paras) if i and len(_sentences(p)) >= 2]
    if options:
        i = rng.choice(options)
        parts = _sentences(paras[i])
        at = rng.randrange(1, len(parts))
        paras[i : i + 1] = ["".join(parts[:at]), "".join(parts[at:])]


def _merge(paras: list[str], rng: random.Random) -> None:
    if len(paras) >= 2:
        i = rng.randrange(len(paras) - 1)
        paras[i : i + 2] = [paras[i] + paras[i + 1]]


def _cut_end(paras: list[str], rng: random.Random) -> None:
    if len(paras) >= 4:
        del paras[-1]


def _lead(paras: list[str], rng: random.Random) -> None:
    paras[0] = rng.choice(["本报讯 ", "(记者 王磊 通讯员 李明)", "日前,"]) + paras[0]


EDITS: list[Callable[[list[str], random.Random], None]] = [
    _drop_sentence,
    _reword,
    _punctuation,
    _split,
    _merge,
    _cut_end,
    _lead,
]


def chrome(outlet: str, title: str, paras: list[str], date: str, rng: random.Random) -> str:
    """The article on `outlet`'s page, in one of several page styles."""
    hm = f"{rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}"
    noise = rng.sample(NOISE_HEADLINES, 4)
    editor = rng.choice(EDITORS)
    style = rng.randrange(5)
    if style == 0:  # a portal: breadcrumb, source line, share row, related news
        head = [f"{outlet}首页 > 新闻 > 正文", title, f"{date} {hm} 来源:{outlet}", "分享到:"]
        tail = [f"责任编辑:{editor}", "相关新闻", *noise]
        return "\n".join(head + paras + tail)
    if style == 1:  # a WeChat account
        y, m, d = date.split("-")
        head = [title, f"原创 {outlet} {y}年{m}月{d}日 {hm}", "点击蓝字 关注我们"]
        tail = ["END", f"来源:{outlet}", f"编辑:{editor} 审核:{rng.choice(EDITORS)}", "阅读原文"]
        return "\n\n".join(head + paras + tail)
    if style == 2:  # a self-media platform with a disclaimer
        head = [title, f"{date} {hm} 来源: {outlet}"]
        tail = [
            "返回搜狐,查看更多",
            "声明:该文观点仅代表作者本人,本平台仅提供信息存储空间服务。",
            f"阅读 ({rng.randint(100, 9000)})",
        ]
        return "\n".join(head + paras + tail)
    if style == 3:  # an app page with ads between paragraphs
        body = list(paras)
        for ad in rng.sample(ADS, 2):
            body.insert(rng.randrange(1, len(body) + 1), ad)
        head = [title, f"来源:{outlet} {date}"]
        tail = [f"打开{outlet}APP,阅读更多精彩内容", "热门推荐", *noise]
        return "\n".join(head + body + tail)
    # a hospital's or a health bureau's site: meta line, repeated headline
    meta = f"作者:宣传科 来源:{outlet} 发布时间:{date.replace('-', '/')} {hm}:00"
    body = [p for para in paras for p in (para, title)][:-1]
    return "\n\n".join([title, meta, *body, "微信扫一扫分享", "热点新闻"])


def republish(source: Source, level: str, rng: random.Random) -> str:
    """`source` as another outlet republishes it: other chrome, often the other script, and
    a few edits (how many: `level`)."""
    paras = list(source.paragraphs)
    low, high = LEVELS[level]
    for edit in rng.sample(EDITS, rng.randint(low, high)):
        edit(paras, rng)
    title = source.title if rng.random() < 0.7 else f"{source.title}(转载)"
    published = date.fromisoformat(source.date) + timedelta(days=rng.choice([0, 0, 1, 2, 3]))
    page = chrome(rng.choice(OUTLETS), title, paras, published.isoformat(), rng)
    return other_script(page, rng) if rng.random() < 0.6 else page


# ---- sources and hard negatives --------------------------------------------------------


def as_source(doc_id: str, page: str) -> Source:
    """An article read the way ingest reads it (clean, metadata)."""
    cleaned = clean(doc_id, page)
    meta = extract(cleaned)
    date = meta.date or "2024-01-01"
    return Source(doc_id, cleaned.title, cleaned.text.split("\n"), date, page)


def corpus_sources() -> list[Source]:
    return [as_source(p.stem, load(p).text) for p in sorted(CORPUS.glob("*.txt"))]


def template_article(
    kind: str, a: str, b: str, date: str, rng: random.Random, extra: Sequence[str] = ()
) -> str:
    """An eval/synth.py article on `a` and `b` (a page in one of its outlet styles)."""
    _, month, day = (int(x) for x in date.split("-"))
    title, first, _ = _body(kind, a, b, month, day, rng)
    paragraphs = [first, *extra, *rng.sample(FILLER, rng.randint(2, 4))]
    page = _page(rng.randrange(3), title, paragraphs, date, rng)
    return _converter("s2t")(page) if rng.random() < 0.35 else page


def _date(rng: random.Random) -> str:
    return f"{rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def build(seed: int = 7, synth_sources: int = 60) -> PairSet:
    """The labelled pairs (deterministic for a seed)."""
    from .synth import COUNTIES, KINDS, SUPPORTERS

    rng = random.Random(seed)
    pages: dict[str, str] = {}
    pairs: list[Pair] = []
    levels = list(LEVELS)

    def add(page_id: str, text: str) -> str:
        pages[page_id] = text
        return page_id

    # Reposts of the bundled articles: 24 copies each, paired with the original, and
    # consecutive copies paired with each other.
    corpus = corpus_sources()
    for src in corpus:
        add(src.doc_id, src.page)
        copies = []
        for k in range(24):
            level = levels[k % 3]
            copies.append((add(f"{src.doc_id}~r{k}", republish(src, level, rng)), level))
            pairs.append(
                Pair(src.doc_id, copies[-1][0], True, "repost of a bundled article", level)
            )
        for (x, lx), (y, ly) in zip(copies[0:20:2], copies[1:20:2], strict=True):
            level = max(lx, ly, key=levels.index)
            pairs.append(Pair(x, y, True, "two reposts of one bundled article", level))
    # Reposts of generated articles: two copies each.
    for i in range(synth_sources):
        a, county = rng.choice(SUPPORTERS), rng.choice(COUNTIES)
        page = template_article(rng.choice(KINDS), a, f"{county}人民医院", _date(rng), rng)
        src = as_source(f"synth{i}", page)
        add(src.doc_id, page)
        for k in range(2):
            level = levels[(i + k) % 3]
            copy = add(f"synth{i}~r{k}", republish(src, level, rng))
            pairs.append(Pair(src.doc_id, copy, True, "repost of a generated article", level))
    # Hard negatives: the same two hospitals, another article from the same templates.
    for i in range(70):
        a, b = rng.choice(SUPPORTERS), f"{rng.choice(COUNTIES)}人民医院"
        k1, k2 = rng.sample(KINDS, 2)
        x = add(f"pair{i}a", template_article(k1, a, b, _date(rng), rng))
        y = add(f"pair{i}b", template_article(k2, a, b, _date(rng), rng))
        pairs.append(Pair(x, y, False, "same hospitals, another kind of partnership"))
    for i in range(60):
        a, b = rng.choice(SUPPORTERS), f"{rng.choice(COUNTIES)}人民医院"
        kind = rng.choice(KINDS)
        d1, d2 = _date(rng), _date(rng)
        while d2[5:] == d1[5:]:
            d2 = _date(rng)
        x = add(f"twin{i}a", template_article(kind, a, b, d1, rng))
        y = add(f"twin{i}b", template_article(kind, a, b, d2, rng))
        pairs.append(Pair(x, y, False, "same hospitals and kind, another date"))
    for i in range(60):
        kind, date = rng.choice(KINDS), _date(rng)
        a1, a2 = rng.sample(SUPPORTERS, 2)
        b1, b2 = (f"{c}人民医院" for c in rng.sample(COUNTIES, 2))
        x = add(f"batch{i}a", template_article(kind, a1, b1, date, rng))
        y = add(f"batch{i}b", template_article(kind, a2, b2, date, rng))
        pairs.append(Pair(x, y, False, "other hospitals, same template and day"))
    for i in range(30):
        a, b = rng.choice(SUPPORTERS), f"{rng.choice(COUNTIES)}人民医院"
        kind, day = rng.choice(KINDS), _date(rng)
        later = f"{int(day[:4]) + rng.randint(1, 3)}{day[4:]}"
        x = add(f"year{i}a", template_article(kind, a, b, day, rng))
        y = add(f"year{i}b", template_article(kind, a, b, later, rng))
        pairs.append(Pair(x, y, False, ANOTHER_YEAR))
    # Follow-ups about the bundled articles' hospitals that reuse a background sentence.
    for src in corpus:
        a, b = CORPUS_PAIRS[src.doc_id]
        background = [s for p in src.paragraphs[1:] for s in _sentences(p) if len(s) > 30]
        for k in range(8):
            kind = ("对口支援", "紧密型医联体", "派驻专家")[k % 3]
            extra = rng.sample(background, min(2, len(background)))
            follow = add(f"{src.doc_id}~f{k}", template_article(kind, a, b, _date(rng), rng, extra))
            other = src.doc_id if k % 2 else f"{src.doc_id}~r{k}"
            pairs.append(Pair(other, follow, False, "same hospitals, a follow-up article"))
    # Copies of two different bundled articles.
    for k in range(20):
        s1, s2 = rng.sample(corpus, 2)
        pairs.append(
            Pair(f"{s1.doc_id}~r{k}", f"{s2.doc_id}~r{k + 1}", False, "two different articles")
        )
    return PairSet(pages, pairs)


# ---- measuring ----------------------------------------------------------------------


@dataclass(frozen=True)
class Read:
    """A page as ingest reads it: the cleaned body and its fingerprint."""

    body: str
    fingerprint: reposts.Fingerprint


def read(pages: dict[str, str]) -> dict[str, Read]:
    """Each page's cleaned body and fingerprint, computed as ingest computes them."""
    out = {}
    for k, text in pages.items():
        cleaned = clean(k, text)
        meta = extract(cleaned)
        names = document_names(cleaned.title, cleaned.text, meta.source)
        fp = reposts.fingerprint(cleaned.text, institutions(names), meta.date)
        out[k] = Read(cleaned.text, fp)
    return out


def _prf(scores: list[tuple[float, bool, bool]], threshold: float) -> dict[str, float]:
    """Precision, recall, F1 over (similarity, checks passed, label) at a threshold."""
    tp = sum(1 for s, ok, y in scores if y and s >= threshold and ok)
    fp = sum(1 for s, ok, y in scores if not y and s >= threshold and ok)
    fn = sum(1 for s, ok, y in scores if y and not (s >= threshold and ok))
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"threshold": threshold, "precision": p, "recall": r, "f1": f, "fp": fp, "fn": fn}


THRESHOLDS = [round(0.1 + 0.05 * i, 2) for i in range(17)]  # 0.10 … 0.90


def measure(data: PairSet, threshold: float = reposts.THRESHOLD) -> dict:
    """Every figure of the report, from the pairs."""
    pages = read(data.pages)
    rows = []
    for p in data.pairs:
        fa, fb = pages[p.a].fingerprint, pages[p.b].fingerprint
        undated = p.category == ANOTHER_YEAR and not (fa.published and fb.published)
        rows.append(
            {
                **asdict(p),
                "category": p.category + (UNDATED if undated else ""),
                "separable": not undated,
                "similarity": round(fa.similarity(fb), 4),
                "dates_agree": fa.dates <= fb.dates or fb.dates <= fa.dates,
                "checks_pass": fa.consistent(fb),
                "detected": fa.matches(fb, threshold),
            }
        )
    every = [(r["similarity"], r["checks_pass"], r["repost"]) for r in rows]
    kept = [r for r in rows if r["separable"]]
    scored = [(r["similarity"], r["checks_pass"], r["repost"]) for r in kept]
    dates_only = [(r["similarity"], r["dates_agree"], r["repost"]) for r in kept]
    plain = [(s, True, y) for s, _, y in scored]
    sweep = [
        _prf(scored, t)
        | {
            "dates_only": _prf(dates_only, t),
            "without_checks": _prf(plain, t),
            "all_pairs": _prf(every, t),
        }
        for t in THRESHOLDS
    ]
    return {
        "pairs": len(rows),
        "reposts": sum(r["repost"] for r in rows),
        "separable_pairs": len(kept),
        "threshold": threshold,
        "config": reposts.VERSION,
        "at_threshold_all_pairs": _prf(every, threshold),
        "at_threshold": _prf(scored, threshold),
        "at_threshold_dates_only": _prf(dates_only, threshold),
        "at_threshold_without_checks": _prf(plain, threshold),
        "sweep": sweep,
        "shingle_sizes": shingle_sizes(
            [p for p, r in zip(data.pairs, rows, strict=True) if r["separable"]], pages
        ),
        "by_category": by_category(rows),
        "rows": rows,
    }


def shingle_sizes(pairs: list[Pair], pages: dict[str, Read]) -> list[dict]:
    """For k = 2…6: the exact Jaccard similarity of the pairs' shingle sets, the best F1 over
    the thresholds, with the checks (dates, institutions) and without, and the gap between
    the least similar repost and the most similar negative that passes the checks."""
    normal = {k: reposts.normal_text(r.body) for k, r in pages.items()}
    checks = [pages[p.a].fingerprint.consistent(pages[p.b].fingerprint) for p in pairs]
    out = []
    for k in range(2, 7):
        grams = {pid: reposts.shingles(t, k) for pid, t in normal.items()}
        scored = []
        for p, ok in zip(pairs, checks, strict=True):
            a, b = grams[p.a], grams[p.b]
            scored.append((len(a & b) / len(a | b) if a | b else 0.0, ok, p.repost))
        best = max((_prf(scored, t) for t in THRESHOLDS), key=lambda r: r["f1"])
        plain = max(
            (_prf([(s, True, y) for s, _, y in scored], t) for t in THRESHOLDS),
            key=lambda r: r["f1"],
        )
        lowest = min(s for s, _, y in scored if y)
        highest = max((s for s, ok, y in scored if not y and ok), default=0.0)
        out.append(
            {
                "k": k,
                "best": best,
                "best_without_checks": plain,
                "lowest_repost": round(lowest, 3),
                "highest_negative": round(highest, 3),
            }
        )
    return out


def by_category(rows: list[dict]) -> list[dict]:
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in rows:
        groups[(r["category"], r["level"])].append(r)
    return [
        {
            "category": cat,
            "level": level,
            "repost": rs[0]["repost"],
            "pairs": len(rs),
            "detected": sum(r["detected"] for r in rs),
            "similarity_min": min(r["similarity"] for r in rs),
            "similarity_max": max(r["similarity"] for r in rs),
        }
        for (cat, level), rs in sorted(groups.items())
    ]


# ---- the store check ------------------------------------------------------------------


def store_check(embed, work: Path, copies: int = 2, seed: int = 11) -> dict:
    """Ingest the bundled corpus into a scratch store, then again with `copies` reposts of
    every article added: the second run must embed nothing and leave the relation table
    and the committed documents as they were, with each repost listed as an alias."""
    from assistant.store.chroma import Store, StoreConfig
    from assistant.store.derived import refresh_derived
    from ingest.pipeline import run

    rng = random.Random(seed)
    folder = work / "corpus"
    folder.mkdir(parents=True)
    for f in CORPUS.glob("*.txt"):
        shutil.copy(f, folder / f.name)
    config = StoreConfig(path=work / "chroma")
    first = run(folder, config, embed, progress=False)
    before = refresh_derived(Store.open(config))
    for src in corpus_sources():
        for k in range(copies):
            page = republish(src, ("light", "medium", "heavy")[k % 3], rng)
            (folder / f"{src.doc_id}-repost{k}.txt").write_text(page, encoding="utf-8")
    second = run(folder, config, embed, progress=False)
    after = refresh_derived(Store.open(config))

    def rel_keys(derived) -> Counter:
        return Counter(r.relation.key() for r in derived.relations.all())

    return {
        "documents_first_run": first.added,
        "chunks_first_run": first.chunks_embedded,
        "reposts_added": copies * len(CORPUS_PAIRS),
        "reposts_detected": second.reposts,
        "chunks_embedded_for_reposts": second.chunks_embedded,
        "relations_before": sum(rel_keys(before).values()),
        "relations_after": sum(rel_keys(after).values()),
        "relations_equal": rel_keys(before) == rel_keys(after),
        "canonical_documents_after": len(after.manifest),
        "aliases": {d: [a.doc_id for a in al] for d, al in sorted(after.aliases.items())},
        "results": [
            f"{r.doc_id}: {r.describe()}" for r in second.results if r.status != "unchanged"
        ],
    }


# ---- the command ----------------------------------------------------------------------


def plateau(result: dict) -> list[float]:
    """The thresholds at which precision and recall are both 1.0 (separable pairs)."""
    return [s["threshold"] for s in result["sweep"] if s["precision"] == 1.0 and s["recall"] == 1.0]


def summary_of(seed: int, result: dict) -> dict:
    """What another seed's pairs say: the plateau, the figures at the threshold, each k's gap."""
    return {
        "seed": seed,
        "pairs": result["pairs"],
        "plateau": plateau(result),
        "at_threshold": result["at_threshold"],
        "at_threshold_all_pairs": result["at_threshold_all_pairs"],
        "gaps": {
            s["k"]: round(s["lowest_repost"] - s["highest_negative"], 3)
            for s in result["shingle_sizes"]
        },
    }


def choice_lines(result: dict) -> list[str]:
    """Why this shingle size and threshold, in the measured numbers."""
    perfect = plateau(result)
    sizes = result["shingle_sizes"]
    best = max(sizes, key=lambda s: s["lowest_repost"] - s["highest_negative"])
    plain = max(sizes, key=lambda s: s["best_without_checks"]["f1"])
    separating = ", ".join(str(s["k"]) for s in sizes if s["best"]["f1"] == 1.0) or "none"
    span = f"{min(perfect):.2f}–{max(perfect):.2f}" if perfect else "empty"
    dates_only = result["at_threshold_dates_only"]
    bands, rows = reposts.LSH_BANDS
    unchecked = result["at_threshold_without_checks"]
    return [
        "## The choice",
        "",
        f"- Shingle size: with the checks, k = {separating} separate the pairs completely "
        f"(exact Jaccard); k = {best['k']} leaves the widest gap between the least similar "
        f"repost ({best['lowest_repost']}) and the most similar negative that passes the "
        f"checks ({best['highest_negative']}); without the checks k = {plain['k']} does best "
        f"(F1 {plain['best_without_checks']['f1']:.3f}). Over the pairs of other seeds the "
        "gaps per k are: "
        + "; ".join(
            f"seed {o['seed']}: " + ", ".join(f"k={k} {g}" for k, g in o["gaps"].items())
            for o in result.get("other_seeds", [])
        )
        + f". k = 4, 5 and 6 are within seed-to-seed variation of each other; the detector "
        f"uses k = {reposts.SHINGLE}, the middle one.",
        f"- Threshold: precision and recall are both 1.0 for estimated similarities {span} "
        "here, and "
        + "; ".join(
            f"{min(o['plateau']):.2f}–{max(o['plateau']):.2f} for seed {o['seed']}"
            if o["plateau"]
            else f"nowhere for seed {o['seed']}"
            for o in result.get("other_seeds", [])
        )
        + f". The threshold {result['threshold']} lies inside every one of them, near their "
        "middle; below it, negatives that pass the checks share the generator's stock "
        "sentences (real articles share fewer), above it are the most heavily edited copies.",
        "- The checks carry the precision: text from one template is as alike as a repost. "
        f"At the threshold, without them precision is {unchecked['precision']:.3f}; with the "
        f"dates check alone {dates_only['precision']:.3f} (other hospitals on the same day "
        "pass it); with dates and institutions "
        f"{result['at_threshold']['precision']:.3f}.",
        f"- The MinHash estimate of {reposts.NUM_PERM} permutations has a standard error of "
        f"{(0.3 * 0.7 / reposts.NUM_PERM) ** 0.5:.3f} at similarity 0.3 (128 permutations, "
        "twice the variance, missed two heavily cut copies here); candidates come from an "
        f"LSH index of {bands} bands of {rows} rows (a pair at similarity 0.3 is a candidate "
        f"with probability {1 - (1 - 0.3**rows) ** bands:.4f}).",
    ]


def report_lines(result: dict, check: dict | None) -> list[str]:
    at, every = result["at_threshold"], result["at_threshold_all_pairs"]
    undated = result["pairs"] - result["separable_pairs"]
    lines = [
        "# Repost detection",
        "",
        f"Detector `{result['config']}`: MinHash ({reposts.NUM_PERM} permutations) over "
        f"character {reposts.SHINGLE}-shingles of the cleaned body in search form, candidates "
        f"from an LSH index, a repost when the estimated Jaccard similarity is at least "
        f"{result['threshold']}, the dates and the institutions (the lexicon's) one copy "
        "names are all among the other's, and the two were published at most "
        f"{reposts.WINDOW_DAYS} days apart (when both dates are known).",
        "",
        f"{result['pairs']} labelled pairs ({result['reposts']} reposts, "
        f"{result['pairs'] - result['reposts']} negatives), generated by `python -m eval "
        "reposts` (eval/reposts.py) and read through the ingest path (clean → fingerprint).",
        "",
        f"## At the threshold {result['threshold']}",
        "",
        f"- all {result['pairs']} pairs: precision **{every['precision']:.3f}**, recall "
        f"**{every['recall']:.3f}**, F1 {every['f1']:.3f} ({every['fp']} false positives, "
        f"{every['fn']} missed reposts)",
        f"- without the {undated} pairs no check can tell apart (one article from one "
        "template on the same day of another year, where one page gives no publication "
        f"date): precision **{at['precision']:.3f}**, recall **{at['recall']:.3f}**, F1 "
        f"{at['f1']:.3f} ({at['fp']} false positives, {at['fn']} missed reposts). The sweep "
        "and the shingle sizes below are over these pairs.",
        "",
        "| pairs | level | repost? | n | detected | similarity min | max |",
        "|---|---|---|---|---|---|---|",
        *[
            f"| {c['category']} | {c['level'] or '-'} | {'yes' if c['repost'] else 'no'} | "
            f"{c['pairs']} | {c['detected']} | {c['similarity_min']:.3f} | "
            f"{c['similarity_max']:.3f} |"
            for c in result["by_category"]
        ],
        "",
        *choice_lines(result),
        "",
        "## Threshold sweep",
        "",
        "| threshold | precision | recall | F1 | precision, dates check only | precision "
        "without checks | recall without checks | precision, all pairs |",
        "|---|---|---|---|---|---|---|---|",
        *[
            f"| {s['threshold']:.2f} | {s['precision']:.3f} | {s['recall']:.3f} | "
            f"{s['f1']:.3f} | {s['dates_only']['precision']:.3f} | "
            f"{s['without_checks']['precision']:.3f} | {s['without_checks']['recall']:.3f} | "
            f"{s['all_pairs']['precision']:.3f} |"
            for s in result["sweep"]
        ],
        "",
        "## Shingle size (exact Jaccard of the shingle sets)",
        "",
        "| k | best F1 (threshold) | P / R there | best F1 without checks | lowest "
        "repost | highest negative passing the checks | gap |",
        "|---|---|---|---|---|---|---|",
        *[
            f"| {s['k']} | {s['best']['f1']:.3f} ({s['best']['threshold']:.2f}) | "
            f"{s['best']['precision']:.3f} / {s['best']['recall']:.3f} | "
            f"{s['best_without_checks']['f1']:.3f} "
            f"({s['best_without_checks']['threshold']:.2f}) | {s['lowest_repost']} | "
            f"{s['highest_negative']} | {s['lowest_repost'] - s['highest_negative']:.3f} |"
            for s in result["shingle_sizes"]
        ],
    ]
    if check is not None:
        lines += [
            "",
            "## Store check (real embedder, scratch Chroma store on disk)",
            "",
            f"- first run: {check['documents_first_run']} documents, "
            f"{check['chunks_first_run']} chunks embedded",
            f"- second run with {check['reposts_added']} reposts added: "
            f"{check['reposts_detected']} stored as reposts, "
            f"**{check['chunks_embedded_for_reposts']} chunks embedded**",
            f"- relations before / after: {check['relations_before']} / "
            f"{check['relations_after']} (the same rows: {check['relations_equal']})",
            f"- canonical documents after: {check['canonical_documents_after']}",
        ]
    return lines


def sweep_chart(path: Path, result: dict) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ts = [s["threshold"] for s in result["sweep"]]
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot(ts, [s["precision"] for s in result["sweep"]], "o-", label="precision")
    ax.plot(ts, [s["recall"] for s in result["sweep"]], "s-", label="recall")
    ax.plot(
        ts,
        [s["without_checks"]["precision"] for s in result["sweep"]],
        "o--",
        label="precision, no checks",
    )
    ax.axvline(result["threshold"], color="grey", lw=0.8)
    ax.set_xlabel("estimated Jaccard threshold")
    ax.set_ylim(0, 1.05)
    ax.legend(fontsize=8, loc="lower left")
    ax.set_title("repost detection over the labelled pairs")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def main_reposts(args: argparse.Namespace) -> int:
    from .report import write

    data = build(args.seed, args.synth_sources)
    result = measure(data, args.threshold)
    result["other_seeds"] = [
        summary_of(s, measure(build(s, args.synth_sources), args.threshold))
        for s in args.other_seeds
        if s != args.seed
    ]
    check = None
    if args.store_check:
        from assistant.embedding import load_embedding

        with tempfile.TemporaryDirectory() as tmp:
            check = store_check(load_embedding(), Path(tmp))
    lines = report_lines(result, check)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    write(
        out,
        "reposts",
        lines,
        {**result, "store_check": check},
        [sweep_chart(out / "sweep.png", result)],
    )
    print("\n".join(lines))
    ok = check is None or (
        check["chunks_embedded_for_reposts"] == 0
        and check["relations_equal"]
        and check["reposts_detected"] == check["reposts_added"]
    )
    return 0 if ok else 1
