"""Partnership questions answered from the relation table, on the real corpus and on a
generated one where top-k retrieval misses supporters."""

from assistant.textnorm import to_simplified


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


def test_every_partnership_is_listed_when_all_are_asked_for(real_engine) -> None:
    for question in (
        "列出所有的合作",
        "give me an overview of all the partnerships covered here",
        "give me every partnership in these articles",  # no list word asks it
    ):
        answer = real_engine.ask(question)
        assert answer.backend == "relations", question
        assert {c.doc_id[:3] for c in answer.citations} >= {"000", "001", "002", "003", "004"}


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


def test_the_largest_partnership_shows_the_sentence_that_counts_its_members(real_engine) -> None:
    for question in (
        "这几篇里哪个医联体拉进来的合作单位最多",
        "Out of all the partnerships, which one pulled in the most institutions at once?",
    ):
        answer = real_engine.ask(question)
        assert answer.backend == "relations", question
        assert "丽水市妇幼保健院" in answer.text
        # the article's own count of its members, beside the table's
        assert "5家省、市级医疗卫生单位" in to_simplified(answer.text), question
