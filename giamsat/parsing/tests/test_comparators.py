"""Comparators: the words before and after a target's number."""

import pytest

from giamsat.parsing.rules.comparators import (
    combine,
    comparator_after,
    comparator_before,
    range_after,
)
from giamsat.parsing.rules.fold import fold


def _before(text_before, ocr_ge=False):
    folded = fold(text_before) + "80"
    comparator, _, ocr = comparator_before(folded, len(folded) - 2, ocr_ge=ocr_ge)
    return comparator, ocr


@pytest.mark.parametrize(
    ("words", "comparator"),
    [
        ("đạt ", ">="),
        ("Có từ ", ">="),
        ("tối thiểu ", ">="),
        ("tối thiểu: ", ">="),
        ("ít nhất ", ">="),
        ("phấn đấu ", ">="),
        ("Phấn đấu đạt ", ">="),
        ("chiếm tối thiểu ", ">="),
        ("không dưới ", ">="),
        ("không ít hơn ", ">="),
        ("≥ ", ">="),
        (">=", ">="),
        ("trên ", ">"),
        ("đạt trên ", ">"),
        ("hơn ", ">"),
        ("> ", ">"),
        ("không quá ", "<="),
        ("tối đa ", "<="),
        ("không vượt quá ", "<="),
        ("≤ ", "<="),
        ("dưới ", "<"),
        ("ít hơn ", "<"),
        ("< ", "<"),
        ("khoảng ", "~"),
        ("Có khoảng ", "~"),
        ("gần ", "~"),
        ("xấp xỉ ", "~"),
        ("bằng ", "="),
        ("Có ", None),
        ("", None),
    ],
)
def test_the_nearest_phrase_before_the_number_gives_the_comparator(words, comparator):
    assert _before(words) == (comparator, False)


def test_ocr_damage_reads_a_bare_greater_than_as_at_least_when_told():
    assert _before("Có > ", ocr_ge=True) == (">=", True)
    assert _before("Có >", ocr_ge=True) == (">=", True)


def test_a_greater_than_stays_strict_when_the_document_has_the_real_sign():
    assert _before("Có > ", ocr_ge=False) == (">", False)


def test_a_spelled_out_word_is_not_changed_by_the_ocr_rule():
    assert _before("trên ", ocr_ge=True) == (">", False)


def test_words_are_matched_whole():
    # "gắn" folds to "gan" like "gần", but "bắn gan" is not "gần": only whole words count.
    assert _before("ngan ") == (None, False)


def test_the_comparator_phrase_start_is_returned_for_the_indicator():
    folded = fold("Tỷ lệ phủ sóng đạt trên 80")
    comparator, start, _ = comparator_before(folded, folded.index("80"))
    assert (comparator, folded[start:]) == (">", "tren 80")


@pytest.mark.parametrize(("after", "comparator"), [("% trở lên", ">="), (" trở xuống", "<=")])
def test_tro_len_and_tro_xuong_after_the_number(after, comparator):
    folded = fold("80" + after)
    assert comparator_after(folded, 3 if after.startswith("%") else 2)[0] == comparator


@pytest.mark.parametrize(
    ("text", "value_max"),
    [
        ("80% - 90% dân số", 90.0),
        ("8 - 10 trung tâm", 10.0),
        ("50 đến 60 dự án", 60.0),
        ("3–5", 5.0),
    ],
)
def test_a_range_gives_its_upper_end(text, value_max):
    folded = fold(text)
    end = 2 if text[1].isdigit() else 1
    assert range_after(folded, end)[0] == value_max


def test_no_range_without_a_second_number():
    folded = fold("80% người dân")
    assert range_after(folded, 2) is None


@pytest.mark.parametrize(
    ("before", "after", "result"),
    [
        ("tu", None, ">="),
        (">=", "<=", "<="),
        (">", ">=", ">"),
        (None, None, ">="),
        ("~", None, "~"),
    ],
)
def test_combining_before_and_after(before, after, result):
    before = {"tu": ">="}.get(before, before)
    assert combine(before, after) == result
