"""Partnership extraction against the hand-written gold file, entity resolution, and the
relation route on real and generated corpora."""

import csv
import io
import json
import subprocess
import sys

import pytest

from assistant.lexicon.kinds import SYMMETRIC_KINDS
from assistant.lexicon.names import article_mentions as mentions
from assistant.textnorm import to_search_form, to_simplified
from eval.metrics import precision_recall
from ingest.clean import clean
from ingest.metadata import extract as extract_meta
from ingest.relations import extract

from .conftest import CORPUS, ROOT

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


@pytest.mark.parametrize(
    "text, outlet, short, full",
    [
        (
            "山东大学第二医院与莘县人民医院签约。山大二院与县医院签约建立紧密型医联体。",
            None,
            "山大二院",
            "山东大学第二医院",
        ),
        (
            "山东大学第二医院与莘县人民医院签约。山大二院与县医院签约建立紧密型医联体。",
            None,
            "县医院",
            "莘县人民医院",
        ),
        (
            "东营市第二人民医院举行仪式。胜利油田中心医院与市二院共建紧密型城市医疗集团。",
            None,
            "市二院",
            "东营市第二人民医院",
        ),
        (to_search_form("樂陵市人民醫院院長王靜。"), None, "乐陵市人民医院", "乐陵市人民医院"),
        (
            "我院与丽水市妇幼保健院签署合作协议。",
            "温州医科大学附属第二医院",
            "我院",
            "温州医科大学附属第二医院",
        ),
    ],
)
def test_short_names_resolve_in_context(text, outlet, short, full) -> None:
    found = {text[m.start : m.end]: m.name for m in mentions(text, outlet)}
    assert found[short] == full


def test_short_name_is_not_guessed_without_its_full_name() -> None:
    assert not [m for m in mentions("市二院召开会议。", None) if "二院" in m.name]


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


@pytest.mark.integration
def test_english_questions_answered_from_the_table(real_engine) -> None:
    leling = real_engine.ask("Which hospitals support Leling?")
    assert leling.backend == "relations"
    assert (
        "山东大学齐鲁医院德州医院 (Shandong University Qilu Hospital Dezhou Hospital)"
        in leling.text
    )
    assert "乐陵市人民医院 (Leling People's Hospital)" in leling.text
    shen = real_engine.ask("Who supports Shen County?")
    assert shen.backend == "relations"
    assert "山东大学第二医院 (Shandong University Second Hospital)" in shen.text
    assert "Shen County People's Hospital" in shen.text and shen.citations[0].doc_id.startswith(
        "003_"
    )


@pytest.mark.integration
def test_cli_relations(real_store) -> None:
    def run(*args: str) -> str:
        out = subprocess.run(
            [sys.executable, "-m", "assistant", "relations", "--db", str(real_store.path), *args],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert out.returncode == 0, out.stderr
        return out.stdout

    rows = json.loads(run("--region", "Leling", "--format", "json"))
    assert [(r["supporter"], r["supported"]) for r in rows] == [
        ("山东大学齐鲁医院德州医院", "乐陵市人民医院")
    ]
    assert rows[0]["supported_en"] == "Leling People's Hospital"
    table = list(
        csv.DictReader(io.StringIO(run("--hospital", "勝利油田中心醫院", "--format", "csv")))
    )
    assert {r["kind"] for r in table} == {"派驻专家", "城市医疗集团"}
    assert all(r["supported"] == "东营市第二人民医院" for r in table)
    assert "14 relation(s)" in run()
    assert "医联体成员" in run("--kind", "medical alliance membership")


@pytest.mark.integration
def test_many_supporters_are_all_listed_where_top_k_misses_some(tmp_path) -> None:
    from assistant import QueryEngine
    from assistant.embedding import load_embedding
    from assistant.store.chroma import StoreConfig
    from eval.synth import generate, write
    from ingest.pipeline import run

    docs = generate(40, seed=7, focus_county="阳谷县", focus_count=12)
    write(docs, tmp_path / "corpus")
    supporters = {d.relations[0]["supporter"] for d in docs[:12]}
    config = StoreConfig(path=tmp_path / "chroma")
    assert run(tmp_path / "corpus", config, load_embedding(), progress=False).added == 40
    engine = QueryEngine.open(config.path)

    for question in (
        "哪些医院支援阳谷县?",
        "哪些醫院支援陽穀縣?",
        "Which hospitals support Yanggu County?",
    ):
        answer = engine.ask(question)
        assert answer.backend == "relations", answer.text
        listed = {s for s in supporters if s in to_simplified(answer.text)}
        assert listed == supporters, supporters - listed
        cited = {c.doc_id for c in answer.citations}
        assert cited == {d.name for d in docs[:12]}  # each supporter cited to its own article

    # the usual setup: the top-k passages of a vector search, fed to an answerer
    embed = engine.embed_model
    top = [
        cid
        for cid, _ in engine.store.search([embed.get_query_embedding("哪些医院支援阳谷县?")], 5)[0]
    ]
    hits = [row.text for row in engine.store.get_chunks(top).values()]
    seen = {s for s in supporters if any(s in h for h in hits)}
    assert len(seen) < len(supporters)  # top-k silently truncates the list
    hybrid = {
        s for s in supporters if any(s in p.text for p in engine.retrieve("哪些医院支援阳谷县?"))
    }
    assert len(hybrid) < len(supporters)


def test_relation_index_finds_rows_by_a_name_fragment_in_table_order(tmp_path) -> None:
    from assistant.store.relations import RelationIndex
    from assistant.store.schema import DocRecord
    from assistant.types import Article, Relation

    def record(doc_id: str, date: str, pairs: list[tuple[str, str]]) -> DocRecord:
        rels = tuple(Relation(a, b, "对口支援", doc_id, f"{a}支援{b}", date) for a, b in pairs)
        return DocRecord(Article(doc_id, doc_id), "h", 1, relations=rels)

    manifest = {
        r.doc_id: r
        for r in [
            record("a", "2024-01-01", [("甲医院", "乐陵市人民医院"), ("乙医院", "阳谷县人民医院")]),
            record(
                "b", "2025-01-01", [("乐陵市人民医院", "乐陵市某乡镇卫生院"), ("丙医院", "丁医院")]
            ),
        ]
    }
    index = RelationIndex(RelationIndex._build(tmp_path / "relations.sqlite", manifest, "stamp1"))
    pairs = [(r.relation.supporter, r.relation.supported) for r in index.naming("乐陵")]
    assert pairs == [
        ("乐陵市人民医院", "乐陵市某乡镇卫生院"),
        ("甲医院", "乐陵市人民医院"),
    ]  # newest first, once each
    assert index.naming("青岛") == []
    assert index.entities() == {
        "甲医院",
        "乙医院",
        "丙医院",
        "丁医院",
        "乐陵市人民医院",
        "阳谷县人民医院",
        "乐陵市某乡镇卫生院",
    }
    assert len(index.all()) == 4
