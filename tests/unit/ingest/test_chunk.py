import pytest

from ingest.chunk import chunk_text

TEXT = (
    "第一句话在这里。第二句话比较长一些,包含逗号,但没有结束!第三句?\n"
    "新的段落开始了。这是第二段的第二句。" + "很长的句子" * 30 + "。最后一句。"
)


def test_offsets_point_into_the_text() -> None:
    for c in chunk_text("d", TEXT, size=40, overlap=10):
        assert TEXT[c.start : c.end] == c.text
        assert c.doc_id == "d"


def test_chunks_end_at_sentence_ends_and_respect_size() -> None:
    chunks = chunk_text("d", TEXT, size=60, overlap=0)
    assert [c.position for c in chunks] == list(range(len(chunks)))
    for c in chunks:
        assert len(c.text) <= 60
    short = [c for c in chunks if "很长的句子" not in c.text]
    assert all(c.text.endswith(("。", "!", "?")) for c in short)


def test_overlap_repeats_whole_sentences_within_a_paragraph() -> None:
    text = "".join(f"这是第{i}句话,内容各不相同。" for i in range(20))
    chunks = chunk_text("d", text, size=60, overlap=30)
    assert len(chunks) > 2
    for a, b in zip(chunks, chunks[1:], strict=False):
        assert b.start < a.end  # overlapping
        assert text[b.start - 1] == "。"  # ... starting at a sentence boundary


def test_everything_is_covered() -> None:
    chunks = chunk_text("d", TEXT, size=50, overlap=0)
    covered = "".join(c.text for c in chunks)
    assert covered.replace("\n", "") == TEXT.replace("\n", "")


def test_bad_parameters() -> None:
    with pytest.raises(ValueError):
        chunk_text("d", TEXT, size=10)
    with pytest.raises(ValueError):
        chunk_text("d", TEXT, size=100, overlap=100)
