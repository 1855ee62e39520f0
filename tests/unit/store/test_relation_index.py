"""The relation table in the sidecar (SQLite), built from hand-made document records."""


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


def test_a_partnership_may_be_of_its_year_or_a_publication_year_after_it() -> None:
    from assistant.types import Relation

    event = Relation("甲医院", "乙医院", "对口支援", "d", "s", "2024-07-03", date_kind="event")
    assert event.may_be_of(2024) and not event.may_be_of(2023)
    # dated by an article of January 2025: the partnership may be of December 2024
    published = Relation("甲医院", "乙医院", "对口支援", "d", "s", "2025-01-05", "published")
    assert published.may_be_of(2025) and published.may_be_of(2024)
    assert not published.may_be_of(2023)
    assert Relation("甲医院", "乙医院", "对口支援", "d", "s").may_be_of(2018)  # undated
