"""Unit matching on plain values: no database."""

import pytest

from giamsat.documents.unit_matching import (
    UnitEntry,
    best_match,
    expand,
    guess_kind,
    match,
    place_of,
    qualify,
)

ISSUER = UnitEntry(3, "Huyện ủy Tam Đường", "", "01.02.03.")
UNITS = [
    UnitEntry(3, "Huyện ủy Tam Đường", "", "01.02.03."),
    UnitEntry(4, "Ủy ban nhân dân huyện Tam Đường", "UBND huyện Tam Đường", "01.02.04."),
    UnitEntry(5, "Hội đồng nhân dân huyện Tam Đường", "", "01.02.05."),
    UnitEntry(6, "Ủy ban nhân dân huyện Phong Thổ", "", "01.02.06."),
    UnitEntry(7, "Ban Tuyên giáo và Dân vận Huyện ủy Tam Đường", "", "01.02.03.07."),
]


def test_abbreviations_are_spelled_out():
    assert expand("UBND huyện") == expand("Ủy ban nhân dân huyện") == "uy ban nhan dan huyen"
    assert expand("HĐND") == "hoi dong nhan dan"
    assert expand("UBMTTQ xã") == "uy ban mat tran to quoc xa"


def test_a_bare_level_word_means_the_issuers_place():
    assert place_of("Ban Thường vụ Huyện ủy Vĩnh Thuận") == "vinh thuan"
    assert qualify("UBND huyện", "Huyện ủy Tam Đường") == "uy ban nhan dan huyen tam duong"
    # "tỉnh" in a district's plan is not the district
    assert qualify("Ban Chỉ đạo tỉnh", "Huyện ủy Tam Đường") == "ban chi dao tinh"


@pytest.mark.parametrize(
    ("name", "unit_id"),
    [("UBND huyện", 4), ("Ủy ban nhân dân huyện", 4), ("HĐND huyện", 5), ("Huyện ủy", 3),
     ("Ban Tuyên giáo và Dân vận Huyện uỷ", 7)],
)
def test_names_match_the_unit_of_the_issuers_place(name, unit_id):
    assert best_match(match(name, UNITS, ISSUER)).id == unit_id


def test_an_unknown_body_matches_nothing():
    candidates = match("Ủy ban Kiểm tra Huyện uỷ", UNITS, ISSUER)
    assert len(candidates) == 3
    assert best_match(candidates) is None


def test_hdnd_is_not_taken_for_ubnd_when_missing():
    without_council = [u for u in UNITS if u.id != 5]
    assert best_match(match("HĐND huyện", without_council, ISSUER)) is None


@pytest.mark.parametrize(
    ("name", "kind"),
    [("UBND huyện", "peoples_committee"), ("Hội đồng nhân dân huyện", "peoples_council"),
     ("Mặt trận Tổ quốc và các tổ chức chính trị - xã hội huyện", "fatherland_front"),
     ("Ban Tuyên giáo và Dân vận Huyện uỷ", "agency"), ("Ủy ban Kiểm tra Huyện uỷ", "agency"),
     ("Ban Chỉ đạo tỉnh", "steering_committee"), ("Các Chi, Đảng uỷ trực thuộc Huyện ủy", "party_committee"),
     ("Hội Cựu chiến binh xã", "mass_organisation"), ("Nhân dân", "other")],
)
def test_kind_of_a_new_unit_is_guessed_from_its_name(name, kind):
    assert guess_kind(name) == kind
