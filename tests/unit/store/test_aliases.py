"""Alias records (reposts) in the schema and the store's canonical view, without a store."""

from assistant.store.chroma import Store, aliases_of, canonical
from assistant.store.schema import Alias, DocRecord
from assistant.types import Article, Relation


def record(doc_id: str, alias_of: str = "", source: str = "大众网") -> DocRecord:
    relations = () if alias_of else (Relation("甲医院", "乙医院", "对口支援", doc_id, "…"),)
    return DocRecord(
        Article(doc_id, f"{doc_id} title", "2024-07-03", source, None, f"http://x/{doc_id}"),
        "h" + doc_id,
        0 if alias_of else 3,
        path=f"/c/{doc_id}.txt",
        relations=relations,
        alias_of=alias_of,
        fingerprint="m1:AAAA:7-3::2024-07-03",
        first_committed=12.5,
    )


def test_an_alias_record_reads_back_as_written() -> None:
    r = record("b", alias_of="a")
    back = DocRecord.from_chroma(r.to_chroma())
    assert back == r and back.is_alias and not back.relations
    assert (back.fingerprint, back.first_committed) == ("m1:AAAA:7-3::2024-07-03", 12.5)
    old = {k: v for k, v in record("a").to_chroma().items() if k not in ("alias_of",)}
    assert not DocRecord.from_chroma(old).is_alias  # a record without the key is canonical


def test_the_canonical_view_lists_each_documents_reposts() -> None:
    manifest = {
        "a": record("a"),
        "c": record("c", "a", "齐鲁网"),
        "b": record("b", "a", "新浪新闻"),
        "d": record("d", "gone"),  # its canonical is not committed: left out
    }
    aliases = aliases_of(manifest)
    assert [x.doc_id for x in aliases["a"]] == ["b", "c"] and set(aliases) == {"a"}
    assert aliases["a"][0] == Alias(
        "b", "新浪新闻", "http://x/b", "2024-07-03", "b title", "/c/b.txt"
    )
    view = canonical(manifest)
    assert set(view) == {"a"} and view["a"].aliases == aliases["a"]


def test_the_stamp_changes_when_a_document_becomes_a_repost() -> None:
    plain = {"a": record("a"), "b": record("b")}
    moved = {"a": record("a"), "b": record("b", "a")}
    assert moved["b"].doc_hash == plain["b"].doc_hash
    assert Store.stamp(plain) != Store.stamp(moved)
