"""Repost detection: fingerprints that survive script, punctuation and chrome changes, the
dates check, the stored form, and the registry's canonical choices."""

import random

import opencc

from ingest.clean import clean
from ingest.reposts import EMPTY, THRESHOLD, Entry, Fingerprint, Registry, dates, fingerprint
from tests.conftest import CORPUS

BODY = (
    "7月3日,山东大学齐鲁医院德州医院与乐陵市人民医院开展对口支援工作座谈会。"
    "会议旨在进一步落实城乡对口支援工作任务,深入推进优质医疗资源扩容和下沉,提高基层医疗水平。\n"
    "会前,刘海永一行参观了乐陵市人民医院一站式服务中心、健康驿站、检验科等区域。\n"
    "会上,刘海永详细介绍了山东大学齐鲁医院德州医院国家区域医疗中心建设进展,"
    "对乐陵市人民医院近年来在医疗工作中取得的成绩表示衷心祝贺。"
)
OTHER = (
    "4月28日,山东大学第二医院与莘县人民医院紧密型医联体签约揭牌暨县域医共体签约仪式举行,"
    "拉开了国家队医院助力新一轮乡村医疗服务提质增效三年行动的帷幕。\n"
    "山东大学第二医院院长冯世庆,聊城市卫健委党组书记张月莲出席仪式。"
)


def test_a_copy_in_the_other_script_with_other_punctuation_is_the_same_story() -> None:
    traditional = opencc.OpenCC("s2tw").convert(BODY)
    repunctuated = traditional.replace(",", "\uff0c").replace("\n", "\n\n").replace("。", "。 ")
    a, b = fingerprint(BODY), fingerprint(repunctuated)
    assert a.similarity(b) == 1.0 and a.matches(b)


def test_a_dropped_sentence_still_matches_another_article_does_not() -> None:
    dropped = BODY.replace(
        "会前,刘海永一行参观了乐陵市人民医院一站式服务中心、健康驿站、检验科等区域。", ""
    )
    assert fingerprint(BODY).matches(fingerprint(dropped))
    assert fingerprint(BODY).similarity(fingerprint(OTHER)) < THRESHOLD / 2
    assert not fingerprint(BODY).matches(fingerprint(OTHER))


def test_another_date_is_another_event_however_alike_the_text() -> None:
    later = BODY.replace("7月3日", "9月12日")
    a, b = fingerprint(BODY), fingerprint(later)
    assert a.similarity(b) > 0.8
    assert not a.consistent(b) and not a.matches(b)
    assert dates("6月17-18日,于小千一行;6月17日下午;3月5号") == {"6-17", "3-5"}
    # a copy that drops the dated sentence keeps no date the other lacks
    assert fingerprint("会议旨在进一步落实城乡对口支援工作任务。").consistent(a)


def test_the_stored_form_reads_back_and_damage_reads_as_empty() -> None:
    a = fingerprint(BODY)
    back = Fingerprint.decode(a.encode())
    assert back.similarity(a) == 1.0 and back.dates == a.dates == {"7-3"}
    assert len(a.encode()) < 1500
    for damaged in ("", "m1:!!:", "x:AAAA:", "m1:AAAA:1-1", "garbage"):
        assert Fingerprint.decode(damaged).empty
    assert EMPTY.encode() == "" and not EMPTY.matches(EMPTY) and fingerprint("").empty


def test_the_bundled_articles_are_not_reposts_of_each_other() -> None:
    fps = [
        fingerprint(clean(p.stem, p.read_text(encoding="utf-8")).text) for p in CORPUS.glob("*.txt")
    ]
    assert len(fps) == 5
    assert all(not a.matches(b) for i, a in enumerate(fps) for b in fps[i + 1 :])


def _variant(rng: random.Random) -> str:
    sentences = [s + "。" for s in BODY.replace("\n", "").split("。") if s]
    del sentences[rng.randrange(1, len(sentences))]
    return "\n".join(sentences)


def test_the_earliest_committed_matching_canonical_wins_ties_by_doc_id() -> None:
    fp = fingerprint(BODY)
    reg = Registry([Entry("b", fp, 10.0), Entry("a", fp, 20.0)])  # two canonicals (say, shards)
    assert reg.decide("z", fingerprint(_variant(random.Random(1))), 30.0).alias_of == "b"
    reg = Registry([Entry("b", fp, 10.0), Entry("a", fp, 10.0)])
    assert reg.decide("z", fp, 30.0).alias_of == "a"
    assert reg.reposts_of("a") == ["z"] and not reg.is_canonical("z")
    assert reg.decide("other", fingerprint(OTHER), 30.0).alias_of is None
    assert reg.is_canonical("other")


def test_a_changed_canonical_orphans_the_reposts_it_no_longer_matches() -> None:
    fp = fingerprint(BODY)
    reg = Registry([Entry("a", fp, 1.0), Entry("r", fp, 2.0, "a")])
    assert reg.stray() == []
    still = reg.decide("a", fingerprint(_variant(random.Random(2))), 1.0)
    assert still.alias_of is None and still.orphaned == ()
    changed = reg.decide("a", fingerprint(OTHER), 1.0)
    assert changed.alias_of is None and changed.orphaned == ("r",)
    assert reg.stray() == ["r"]  # until it is decided again
    assert reg.decide("r", fp, 2.0).alias_of is None  # nothing else matches: canonical now
    assert reg.stray() == []


def test_a_canonical_that_becomes_a_repost_hands_its_reposts_over_to_be_decided_again() -> None:
    fp, other = fingerprint(BODY), fingerprint(OTHER)
    reg = Registry([Entry("a", other, 1.0), Entry("r", other, 2.0, "a"), Entry("c", fp, 3.0)])
    moved = reg.decide("a", fp, 1.0)  # a now copies c (the only canonical with that text)
    assert moved.alias_of == "c" and moved.orphaned == ("r",)
    assert reg.decide("r", other, 2.0).alias_of is None


def test_removed_and_stray_reposts() -> None:
    fp = fingerprint(BODY)
    reg = Registry([Entry("a", fp, 1.0), Entry("r", fp, 2.0, "a"), Entry("s", fp, 2.0, "gone")])
    assert reg.stray() == ["s"]  # its canonical is not committed (a killed run)
    assert reg.remove("a") == ["r"]
    assert reg.stray() == ["r", "s"]
    assert reg.get("a") is None and reg.find(fp) is None


def test_other_parties_or_a_year_apart_are_other_stories() -> None:
    parties = ["山东大学齐鲁医院德州医院", "乐陵市人民医院"]
    a = fingerprint(BODY, parties, "2024-07-03")
    traditional = fingerprint(BODY, ["山東大學齊魯醫院德州醫院", "樂陵市人民醫院"], "2024-07-05")
    assert a.matches(traditional)  # the same institutions in the other script, two days on
    assert a.matches(fingerprint(BODY, parties[:1], "2024-07-03"))  # a copy may name fewer
    assert not a.matches(fingerprint(BODY, ["淄博市中心医院", "乐陵市人民医院"], "2024-07-03"))
    assert not a.matches(fingerprint(BODY, parties, "2025-07-03"))
    assert a.matches(fingerprint(BODY, parties))  # no publication date: no window to check
    back = Fingerprint.decode(a.encode())
    assert back.parties == a.parties and back.published == "2024-07-03"
