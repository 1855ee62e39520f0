"""Partnership extraction against the hand-written gold file and on generated articles.
(Name resolution: tests/unit/lexicon/test_names.py; the relation route through the
engine: tests/integration/qa/test_partners.py.)"""

import json

from assistant.lexicon.kinds import SYMMETRIC_KINDS
from eval.metrics import precision_recall
from ingest.clean import clean
from ingest.metadata import extract as extract_meta
from ingest.relations import extract
from tests.conftest import CORPUS, ROOT

GOLD = [
    json.loads(line)
    for line in (ROOT / "eval/datasets/relations_gold.jsonl").read_text().splitlines()
]


def corpus_relations(directory=CORPUS) -> list:
    out = []
    for path in sorted(directory.glob("*.txt")):
        doc = clean(path.stem, path.read_text(encoding="utf-8"))
        out += extract(doc, extract_meta(doc))
    return out


def test_extraction_precision_and_recall_on_the_real_articles() -> None:
    predicted = [r.as_dict() for r in corpus_relations()]
    scores = precision_recall(predicted, GOLD, SYMMETRIC_KINDS)
    print("relation extraction:", scores)
    assert scores["precision"] >= 0.9 and scores["recall"] >= 0.9, scores


def test_dates_figures_and_evidence() -> None:
    found = {(r.doc_id[:3], r.kind): r for r in corpus_relations()}
    experts = found[("004", "派驻专家")]
    assert "71" in experts.figures and "17" in experts.figures and "54" in experts.figures
    assert experts.date == "2025-03-17" and experts.date_kind == "event"
    assert found[("001", "对口支援")].date == "2024-07-03"
    assert found[("002", "签约合作")].date == "2017-12-09"  # from "129日", 月 lost
    assert found[("000", "一体化融合")].date is None  # the article never says which year
    assert "樂陵市人民醫院" in found[("001", "对口支援")].evidence  # the article's own script


def test_generated_articles_are_extracted_completely(tmp_path) -> None:
    from eval.synth import generate, write

    docs = generate(60, seed=5, focus_county="阳谷县", focus_count=10)
    write(docs, tmp_path)
    predicted = [r.as_dict() for r in corpus_relations(tmp_path)]
    gold = [
        json.loads(line) for line in (tmp_path / "relations_gold.jsonl").read_text().splitlines()
    ]
    scores = precision_recall(predicted, gold, SYMMETRIC_KINDS)
    assert scores["precision"] >= 0.95 and scores["recall"] >= 0.95, scores
