"""Vietnamese numerals: "." groups thousands, "," marks decimals, markers are not digits."""

import pytest

from giamsat.parsing.rules.fold import fold
from giamsat.parsing.rules.numbers import find_numbers, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,0", 1.0),
        ("0,60", 0.6),
        ("1.000", 1000.0),
        ("01", 1.0),
        ("24.530", 24530.0),
        ("27.656", 27656.0),
        ("88,69", 88.69),
        ("1.000,5", 1000.5),
        ("2.500", 2500.0),
        ("2.5", 2.5),
        ("2,5", 2.5),
        ("100", 100.0),
        ("1.000.000", 1000000.0),
    ],
)
def test_a_vietnamese_numeral_reads_as_its_value(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "abc", "1.2.3", "1,2,3", "12,345678", "9" * 16, "-5"])
def test_what_is_not_a_numeral_reads_as_none(text):
    assert parse_number(text) is None


def _values(text):
    return [(token.value, token.glued) for token in find_numbers(fold(text))]


def test_a_footnote_marker_after_a_percent_is_flagged_and_not_part_of_the_number():
    assert _values("đạt 90%1.") == [(90.0, False), (1.0, True)]


def test_a_marker_after_a_closing_bracket_or_a_word_is_flagged():
    assert _values("(VNeID)4. BML10") == [(4.0, True), (10.0, True)]


def test_a_section_number_yields_no_numbers():
    assert _values("mục 2.1.3. và 2.1.3") == []


def test_a_fraction_yields_both_sides():
    assert _values("24.530/27.656") == [(24530.0, False), (27656.0, False)]


def test_list_commas_do_not_make_decimals():
    assert _values("2030, 2035, 2040") == [(2030.0, False), (2035.0, False), (2040.0, False)]


def test_numbers_longer_than_fifteen_digits_are_ignored():
    assert _values("1" * 20 + " và 5") == [(5.0, False)]


def test_only_ascii_digits_count():
    assert _values("٣ và ３ và 7") == [(7.0, False)]
