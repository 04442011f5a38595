import decimal

from giamsat.audit.services import _jsonable


def test_decimals_are_plain_digits_without_trailing_zeros():
    assert _jsonable(decimal.Decimal("1500.000000")) == "1500"
    assert _jsonable(decimal.Decimal("88.690000")) == "88.69"
    assert _jsonable(decimal.Decimal("0.000001")) == "0.000001"
    assert _jsonable(decimal.Decimal("-3")) == "-3"
