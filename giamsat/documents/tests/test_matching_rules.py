"""Indicator mapping on plain values: no database."""

import pytest

from giamsat.documents.folding import fold
from giamsat.documents.matching import CatalogEntry, Matcher, core_words, preselect, unit_family

CATALOG = [
    CatalogEntry(1, "NQ57-11.1", "Tỉ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp", "%", "Chính quyền số"),
    CatalogEntry(2, "NQ57-12", "Tỉ lệ giao dịch không dùng tiền mặt", "%"),
    CatalogEntry(3, "NQ57-23.4", "Phủ sóng 5G cho người dân", "% dân số", "Hạ tầng số"),
    CatalogEntry(4, "NQ57-10", "Quy mô kinh tế số", "% GDP", "Kinh tế số"),
    CatalogEntry(5, "NQ57-7", "Số doanh nghiệp công nghệ số ngang tầm các nước tiên tiến", "doanh nghiệp"),
    CatalogEntry(6, "NQ57-4a", "Xếp hạng năng lực cạnh tranh số trong Đông Nam Á", "thứ hạng"),
]


def test_fold_removes_diacritics_case_and_punctuation():
    assert fold("Tỷ lệ Hồ sơ (VNeID), ĐẠT 80%") == "ty le ho so vneid dat 80%"
    assert fold("tỉ lệ") == fold("tỷ lệ") == "ty le"


def test_core_words_drop_the_framing():
    assert core_words("Tỷ lệ phủ sóng 5G trên địa bàn") == "phu song 5g"


@pytest.mark.parametrize(
    ("unit", "family"),
    [("%", "%"), ("% dân số", "%"), ("% GRDP", "%gdp"), ("% GDP", "%gdp"), ("%/năm", "%/year"),
     ("", "index"), ("thứ hạng", "rank"), ("người/vạn dân", "per:nguoi/van dan"), ("doanh nghiệp", "count:doanh nghiep")],
)
def test_unit_families(unit, family):
    assert unit_family(unit) == family


def test_the_best_match_comes_first_with_a_score_and_is_preselected():
    candidates = Matcher(CATALOG).rank("tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp", "%")
    assert [c.code for c in candidates][0] == "NQ57-11.1"
    assert len(candidates) == 3
    assert candidates[0].score == 0.95  # name 1.0, unit 1.0, no category given
    assert preselect(candidates).code == "NQ57-11.1"


def test_ocr_damage_still_matches():
    [best, *_rest] = Matcher(CATALOG).rank("giao dich khong dùng tiên mặt", "%")
    assert best.code == "NQ57-12"
    assert best.score >= 0.9


def test_a_different_generation_is_not_preselected():
    candidates = Matcher(CATALOG).rank("Tỷ lệ phủ sóng 6G trên địa bàn", "%")
    assert candidates[0].code == "NQ57-23.4"
    assert preselect(candidates) is None
    five_g = Matcher(CATALOG).rank("Tỷ lệ phủ sóng 5G trên địa bàn", "%")
    assert preselect(five_g).code == "NQ57-23.4"


def test_unit_of_measure_and_category_count():
    matcher = Matcher(CATALOG)
    with_unit = matcher.score("quy mô kinh tế số", "% GRDP", "", CATALOG[3])
    without = matcher.score("quy mô kinh tế số", "doanh nghiệp", "", CATALOG[3])
    with_category = matcher.score("quy mô kinh tế số", "% GRDP", "Kinh tế số", CATALOG[3])
    assert round(with_unit - without, 3) == 0.15
    assert round(with_category - with_unit, 3) == 0.05


def test_unrelated_target_is_not_preselected():
    candidates = Matcher(CATALOG).rank("cán bộ, công chức được bồi dưỡng kỹ năng số căn bản", "%")
    assert preselect(candidates) is None
