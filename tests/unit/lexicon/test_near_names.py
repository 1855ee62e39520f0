"""Names written a letter or a character off, agency short forms and synonyms resolve to what
the articles write; names no article writes stay unknown."""

from __future__ import annotations

from assistant.lexicon.gazetteer import Gazetteer
from assistant.lexicon.names import expansions
from assistant.lexicon.synonyms import synonyms

GAZ = Gazetteer.from_names(
    {
        "胜利油田中心医院": "institution",
        "胜利": "org",
        "东营市妇幼保健院": "institution",
        "东营市人民医院": "institution",
        "乐陵": "place",
        "丽水": "place",
    }
)


def test_an_english_typo_one_letter_off_a_name_resolves() -> None:
    bridged, unknown, _ = GAZ.bridge_words("Who hosted the Shegli welcome ceremony?")
    assert "胜利" in bridged.split() and unknown == []


def test_an_official_reading_and_short_forms_bridge() -> None:
    assert "乐陵" in GAZ.bridge_words("the Laoling meeting")[0].split()
    assert "山东大学" in GAZ.bridge_words("the SDU hospital")[0].split()


def test_an_institution_one_character_off_resolves_but_another_does_not() -> None:
    assert GAZ.resolve("东营妇幼保健医院") == "东营市妇幼保健院"
    assert GAZ.resolve("丽水市中心医院") is None  # several characters off every name


def test_agency_short_forms_are_written_out() -> None:
    assert "山东省卫生健康委员会" in expansions("山东省卫健委")
    assert expansions("东营市人民医院") == []


def test_synonyms_are_symmetric_and_only_within_a_set() -> None:
    assert "专家" in synonyms("医生") and "医生" in synonyms("专家")
    assert synonyms("床位") == ()
