"""Reposts in a real on-disk Chroma store (fake embedder for speed): a repost embeds
nothing and adds no relations; editing or deleting either copy keeps the other right;
killed runs stay invisible and are repaired."""

import json
import random
import shutil
from collections import Counter
from pathlib import Path

import pytest

from assistant import QueryEngine
from assistant.store.chroma import Store, StoreConfig
from assistant.store.derived import Derived, refresh_derived
from assistant.types import Article, Citation
from eval.reposts import as_source, republish, template_article
from ingest import pipeline
from ingest.load import load
from ingest.pipeline import IngestOptions, run
from tests.conftest import CORPUS
from tests.documents import TITLE_003, article_page, body_paragraphs, make_pdf

LELING = "001_12103a184f632d7e"
SHEN = "003_976f688fcd1ec32e"


def copy_of(corpus: Path, doc_id: str, name: str, seed: int = 0, level: str = "light") -> Path:
    """A repost of bundled article `doc_id` (other chrome, script and small edits)."""
    source = as_source(doc_id, load(corpus / f"{doc_id}.txt").text)
    path = corpus / f"{name}.txt"
    path.write_text(republish(source, level, random.Random(seed)), encoding="utf-8")
    return path


NEW_ARTICLES = [
    ("派驻专家", "青岛大学附属医院", "沂水县人民医院", "2023-05-09"),
    ("紧密型医联体", "烟台毓璜顶医院", "莒南县人民医院", "2022-11-21"),
]


def unrelated(path: Path, which: int = 0) -> None:
    """Overwrite `path` with a generated article that copies nothing in the store."""
    kind, a, b, date = NEW_ARTICLES[which]
    path.write_text(template_article(kind, a, b, date, random.Random(which)), encoding="utf-8")


def derived(config: StoreConfig) -> Derived:
    return refresh_derived(Store.open(config))


def relation_keys(d: Derived) -> Counter:
    """The relation rows, without the document that states them."""
    return Counter(
        (r.relation.supporter, r.relation.supported, r.relation.kind) for r in d.relations.all()
    )


def statuses(summary: pipeline.Summary) -> dict[str, str]:
    return {r.doc_id: r.describe() for r in summary.results if r.status != "unchanged"}


def consistent(config: StoreConfig) -> None:
    """Every canonical document has exactly its chunks; reposts have none; nothing else."""
    store = Store.open(config)
    manifest = store.manifest()
    counts = Counter((r.meta.doc_id, r.meta.doc_hash) for r in store.iter_chunks())
    for doc_id, rec in manifest.items():
        assert counts[(doc_id, rec.doc_hash)] == (0 if rec.is_alias else rec.n_chunks), doc_id
        if rec.is_alias:
            assert not manifest[rec.alias_of].is_alias and not rec.relations and not rec.facts
    assert store.chunk_count() == sum(r.n_chunks for r in manifest.values())


def test_reposts_embed_nothing_and_add_no_relations(corpus_copy, store_config, fake_embed) -> None:
    first = run(corpus_copy, store_config, fake_embed, progress=False)
    before = derived(store_config)
    copies = {
        p.stem: p
        for p in (
            copy_of(corpus_copy, d, f"{d}-repost", k) for k, d in enumerate(sorted(before.manifest))
        )
    }
    second = run(corpus_copy, store_config, fake_embed, progress=False)
    assert (second.reposts, second.chunks_embedded, second.added, second.unchanged) == (5, 0, 0, 5)
    assert statuses(second) == {c: f"repost of {c.removesuffix('-repost')}" for c in copies}
    after = derived(store_config)
    assert set(after.manifest) == set(before.manifest)  # reposts are no documents of their own
    assert relation_keys(after) == relation_keys(before) and len(after.relations.all()) == 14
    assert Store.open(store_config).chunk_count() == first.chunks_embedded
    consistent(store_config)
    aliases = after.aliases[LELING]
    assert [a.doc_id for a in aliases] == [f"{LELING}-repost"]
    assert aliases[0].path == str(copies[f"{LELING}-repost"]) and aliases[0].title
    assert after.manifest[LELING].aliases == aliases
    outlet = aliases[0].outlet
    assert outlet and outlet != after.manifest[LELING].article.source
    cited = Citation.of_article(1, after.manifest[LELING].article, "quote", 1.0, "x")
    (filled,) = after.cite_aliases((cited,))
    assert filled.also == (outlet,)
    assert filled.outlets == f"{after.manifest[LELING].article.source}, also {outlet}"
    other = Citation.of_article(2, Article("nope"), "q", 1.0, "y")
    assert after.cite_aliases((other,)) == (other,)
    engine = QueryEngine.open(store_config.path, embed_model=fake_embed)
    assert set(engine.documents()) == set(before.manifest)
    assert not {p.doc_id for p in engine.retrieve("哪些医院支援乐陵?")} & set(copies)
    third = run(corpus_copy, store_config, fake_embed, progress=False)
    assert (third.unchanged, third.chunks_embedded, third.reposts) == (10, 0, 0)


def test_deleting_the_canonical_promotes_a_repost(corpus_copy, store_config, fake_embed) -> None:
    run(corpus_copy, store_config, fake_embed, progress=False)
    before = relation_keys(derived(store_config))
    copy_of(corpus_copy, LELING, "b-leling", seed=1)
    copy_of(corpus_copy, LELING, "c-leling", seed=2)
    assert run(corpus_copy, store_config, fake_embed, progress=False).reposts == 2
    (corpus_copy / f"{LELING}.txt").unlink()
    summary = run(corpus_copy, store_config, fake_embed, progress=False)
    # the earliest committed repost (tie: the smallest id) is embedded from its own file
    assert statuses(summary) == {
        LELING: "removed",
        "b-leling": "promoted",
        "c-leling": "repost of b-leling",
    }
    assert summary.chunks_embedded > 0 and (summary.updated, summary.removed) == (1, 1)
    after = derived(store_config)
    assert "b-leling" in after.manifest and LELING not in after.manifest
    assert [a.doc_id for a in after.aliases["b-leling"]] == ["c-leling"]
    assert relation_keys(after) == before
    assert {r.relation.doc_id for r in after.relations.all()} >= {"b-leling"}
    rows = Store.open(store_config).document_chunks("b-leling")
    assert rows and all(r.meta.article.doc_id == "b-leling" for r in rows)
    consistent(store_config)


def test_editing_a_repost_into_another_article_makes_it_its_own(
    corpus_copy, store_config, fake_embed
) -> None:
    run(corpus_copy, store_config, fake_embed, progress=False)
    path = copy_of(corpus_copy, LELING, "leling-copy")
    run(corpus_copy, store_config, fake_embed, progress=False)
    unrelated(path)
    summary = run(corpus_copy, store_config, fake_embed, progress=False)
    assert statuses(summary) == {"leling-copy": "updated"} and summary.chunks_embedded > 0
    after = derived(store_config)
    assert "leling-copy" in after.manifest and not after.aliases
    consistent(store_config)


def test_editing_the_canonical_away_from_its_repost_promotes_the_repost(
    corpus_copy, store_config, fake_embed
) -> None:
    run(corpus_copy, store_config, fake_embed, progress=False)
    copy_of(corpus_copy, "000_5d65d5fcfe079639", "000-copy")  # before the canonical in order
    copy_of(corpus_copy, LELING, "zz-leling")  # after it
    run(corpus_copy, store_config, fake_embed, progress=False)
    # an edit that keeps the story keeps the repost
    path = corpus_copy / f"{LELING}.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("王靜", "王靜同志"), encoding="utf-8")
    kept = run(corpus_copy, store_config, fake_embed, progress=False)
    assert statuses(kept) == {LELING: "updated"}
    for k, canonical in enumerate(("000_5d65d5fcfe079639", LELING)):
        unrelated(corpus_copy / f"{canonical}.txt", k)
    summary = run(corpus_copy, store_config, fake_embed, progress=False)
    assert statuses(summary) == {
        "000_5d65d5fcfe079639": "updated",
        LELING: "updated",
        "000-copy": "promoted",
        "zz-leling": "promoted",
    }
    after = derived(store_config)
    assert {"000-copy", "zz-leling"} <= set(after.manifest) and not after.aliases
    consistent(store_config)


def test_the_canonical_is_the_earliest_committed_then_the_smallest_id(
    corpus_copy, store_config, fake_embed
) -> None:
    (corpus_copy / f"{SHEN}.txt").unlink()
    source = load(CORPUS / f"{SHEN}.txt").text
    (corpus_copy / "m-shen.txt").write_text(source, encoding="utf-8")
    shutil.copy(corpus_copy / "m-shen.txt", corpus_copy / "k-shen.txt")
    first = run(corpus_copy, store_config, fake_embed, progress=False)
    assert statuses(first)["m-shen"] == "repost of k-shen"
    shutil.copy(corpus_copy / "m-shen.txt", corpus_copy / "a-shen.txt")  # a smaller id, later
    second = run(corpus_copy, store_config, fake_embed, progress=False)
    assert statuses(second) == {"a-shen": "repost of k-shen"}


def test_killed_promotion_and_demotion_are_invisible_and_repaired(
    corpus_copy, store_config, fake_embed, monkeypatch
) -> None:
    run(corpus_copy, store_config, fake_embed, progress=False)
    copy_of(corpus_copy, LELING, "leling-copy")
    run(corpus_copy, store_config, fake_embed, progress=False)
    (corpus_copy / f"{LELING}.txt").unlink()

    def killed(*args, **kwargs):
        raise KeyboardInterrupt("killed")

    monkeypatch.setattr(Store, "commit_documents", killed)  # the promoted copy's chunks are in
    with pytest.raises(KeyboardInterrupt):
        run(corpus_copy, store_config, fake_embed, progress=False)
    monkeypatch.undo()
    store = Store.open(store_config)
    assert store.document_chunks("leling-copy") and store.manifest()["leling-copy"].is_alias
    engine = QueryEngine.open(store_config.path, embed_model=fake_embed)
    assert "leling-copy" not in engine.documents()
    assert all(p.doc_id != "leling-copy" for p in engine.retrieve("哪些医院支援乐陵?"))
    summary = run(corpus_copy, store_config, fake_embed, progress=False)
    assert summary.repaired_chunks > 0 and statuses(summary) == {
        LELING: "removed",
        "leling-copy": "promoted",
    }
    consistent(store_config)
    # a canonical edited into a copy of another becomes its repost: killed before its old
    # chunks are gone, they stay invisible and the next run removes them
    shutil.copy(corpus_copy / f"{SHEN}.txt", corpus_copy / "leling-copy.txt")
    monkeypatch.setattr(Store, "delete_stale_chunks", killed)
    with pytest.raises(KeyboardInterrupt):
        run(corpus_copy, store_config, fake_embed, progress=False)
    monkeypatch.undo()
    assert "leling-copy" not in derived(store_config).manifest
    summary = run(corpus_copy, store_config, fake_embed, progress=False)
    assert summary.repaired_chunks > 0 and statuses(summary) == {}
    assert Store.open(store_config).manifest()["leling-copy"].alias_of == SHEN
    consistent(store_config)


def test_the_summary_lists_each_files_result(corpus_copy, store_config, fake_embed) -> None:
    copy_of(corpus_copy, LELING, "leling-copy")
    (corpus_copy / "empty.txt").write_bytes(b"")
    summary = run(corpus_copy, store_config, fake_embed, progress=False)
    out = json.loads(json.dumps(summary.as_dict(), ensure_ascii=False))
    assert out["reposts"] == 1 and out["added"] == 5 and len(out["results"]) == 7
    results = {r["doc_id"]: r for r in out["results"]}
    assert results["leling-copy"]["status"] == "repost"
    assert results["leling-copy"]["repost_of"] == LELING
    assert results["empty"]["status"] == "rejected" and "empty" in results["empty"]["reason"]
    assert results[LELING]["status"] == "added" and results[LELING]["chunks"] > 0


def test_a_print_of_a_web_page_is_its_repost_unless_reposts_are_off(
    tmp_path, store_config, fake_embed
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    paragraphs = body_paragraphs("003")
    make_pdf(docs / "report.pdf", [[TITLE_003, "来源:大众网", *paragraphs[:3]], paragraphs[3:]])
    (docs / "page.html").write_text(article_page("003"), encoding="utf-8")
    summary = run(docs, store_config, fake_embed, progress=False)
    assert statuses(summary) == {"page": "added", "report": "repost of page"}
    off = run(docs, store_config, fake_embed, IngestOptions(reposts=False), progress=False)
    assert statuses(off) == {"page": "updated", "report": "updated"}  # another hash key
    assert set(derived(store_config).manifest) == {"page", "report"}
    consistent(store_config)
