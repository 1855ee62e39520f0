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
        "莘县人民医院": "institution",
        "东营": "place",
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
    assert "出席" in synonyms("出面")  # 出面的领导: who attended
    assert "医护" in synonyms("护士")  # 派驻医护人员: the nurses sent
    assert "领导" in synonyms("官员")  # 本地官员: the leaders the articles name
    assert {"医生", "护士"} <= set(synonyms("医护"))  # a word of two sets has both


SHORT = Gazetteer.from_names(
    {
        "东营市第二人民医院": "institution",
        "东营市人民医院": "institution",
        "乐陵市人民医院": "institution",
        "莘县人民医院": "institution",
        "山东大学第二医院": "institution",
        "温州医科大学附属第二医院": "institution",
    }
)


def test_short_forms_in_a_question_name_their_institution() -> None:
    assert SHORT.short_names("市二院那次欢迎仪式来了多少人") == ["东营市第二人民医院"]
    assert SHORT.short_names("山大二院在莘县干了啥") == ["山东大学第二医院"]


def test_short_forms_of_several_names_or_of_a_class_name_none() -> None:
    assert SHORT.short_names("市人民医院的院长") == []  # 东营 or 乐陵: either
    assert SHORT.short_names("全国1000家县医院") == []  # every county has one


def test_numbered_hospitals_in_english_bridge_to_the_ordinal() -> None:
    for question in ("Dongying No.2 People's Hospital", "Dongying #2 hospital", "the 2nd hospital"):
        assert "第二" in SHORT.bridge_words(question)[0]


def test_a_hospital_of_its_owner_is_read_owner_first() -> None:
    bridged = SHORT.bridge_words("the Second Affiliated Hospital of Wenzhou Medical University")[0]
    assert bridged.split()[-2:] == ["医科大学", "附属第二医院"]


def test_another_numbered_hospital_is_not_a_typo_of_one() -> None:
    assert SHORT.resolve("温州医科大学附属第一医院") is None
    assert SHORT.resolve("温州医科大学附属第二医院") == "温州医科大学附属第二医院"


def test_only_pinyin_words_are_taken_for_unknown_names() -> None:
    _, unknown, unmatched = SHORT.bridge_words("Did the Qingdao Party committee attend?")
    assert unknown == ["Qingdao"] and "party" in unmatched


def test_a_short_form_of_several_names_is_the_one_whose_place_is_named() -> None:
    assert SHORT.short_names("东营市妇幼保健院与市人民医院哪年融合") == ["东营市人民医院"]


def test_an_agency_without_its_place_level_is_written_out_with_it() -> None:
    assert "东营市卫生健康委" in expansions("东营卫生健康委")
    assert expansions("卫健委")[:2] == ["卫生健康委员会", "卫生健康委"]
    assert not any(f[2] in "市县" for f in expansions("卫健委"))  # no place level to write out


def test_a_plain_hospital_stands_for_any_hospital_head_when_one_name_fits() -> None:
    assert GAZ.resolve("东营妇幼医院") == "东营市妇幼保健院"  # Dongying maternal hospital
    assert GAZ.resolve("丽水医院") is None  # no institution of 丽水 in these names
    two = Gazetteer.from_names(
        {"东营市妇幼保健院": "institution", "东营市妇产保健院": "institution"}
    )
    assert two.resolve("东营妇医院") is None  # two fit: no guess


def test_two_letters_swapped_count_as_one_typo() -> None:
    gaz = Gazetteer.from_names({"莘县": "place", "乐陵": "place"})
    assert "莘县" in gaz.bridge_words("after the Shenxain signing")[0].split()


def test_a_province_level_a_reader_left_out_is_written_back() -> None:
    assert "山东省卫生健康委" in expansions("山东卫生健康委")


def test_a_countys_own_hospital_is_its_peoples_hospital() -> None:
    assert GAZ.resolve("莘县县医院") == "莘县人民医院"
    assert GAZ.resolve("乐陵市医院") is None  # the articles of this gazetteer name none


def test_two_institutions_of_one_place_named_as_one_run_are_both_found() -> None:
    from assistant.qa.analyze import parse

    query = parse("what did the Dongying MCH + People's Hospital integration achieve?", GAZ)
    assert {"东营市妇幼保健院", "东营市人民医院"} <= set(query.entities)
    assert query.unknown_entities == ()


def test_a_particle_cut_into_an_agency_is_no_name() -> None:
    from assistant.lexicon.names import particle_cut
    from assistant.qa.analyze import parse

    query = parse("东营两篇里市卫健委出面的领导分别是谁?", GAZ)
    assert not any("里市" in n for n in query.unknown_entities)
    assert particle_cut("里省") and not particle_cut("和县")


def test_signing_off_is_approving_as_well_as_signing() -> None:
    bridged = GAZ.bridge_words("how fast did they sign off on the plan")[0]
    assert "签约/通过" in bridged.split()


def test_an_institution_named_by_its_names_in_another_order_resolves() -> None:
    gaz = Gazetteer.from_names(
        {
            "山东大学齐鲁医院德州医院": "institution",
            "东营市第二人民医院": "institution",
            "齐鲁": "org",
            "德州": "place",
            "乐陵": "place",
            "山东": "place",
        }
    )
    assert gaz.resolve("德州齐鲁医院") == "山东大学齐鲁医院德州医院"
    assert gaz.resolve("乐陵第二人民医院") is None  # 第二人民 is no name of its own
    assert gaz.resolve("乐陵齐鲁医院") is None  # no institution holds both
    assert gaz.resolve("德州德州医院") is None  # a name repeated
    assert gaz.resolve("德州山东医院") is None  # places alone
