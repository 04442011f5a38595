"""Plans on the shared test tree: one per unit, the communes' implementing the province's."""

import pytest

from giamsat.parsing.schema import DocumentMeta, ParseResult, Target, Task, UnitDuty
from giamsat.plans.services import create_plan_from_parse


def parsed(number: str, title: str, *, targets=(), tasks=(), units=(), date="2025-03-01") -> ParseResult:
    return ParseResult(
        document=DocumentMeta(title=title, number=number, date=date),
        targets=list(targets), tasks=list(tasks), units=list(units),
    )


@pytest.fixture
def province_plan(units):
    result = parsed("12-KH/TU", "Kế hoạch của tỉnh thực hiện Nghị quyết 57", targets=[
        Target("Tỷ lệ dịch vụ công trực tuyến", ">=", 80, unit="%", year=2030, line=4, text="đạt 80% trở lên"),
    ])
    return create_plan_from_parse(result, issuing_unit=units["province"], actor=None,
                                  source_text="a\nb\nc\nđạt 80% trở lên\n")


@pytest.fixture
def commune_plan(units, province_plan):
    result = parsed(
        "05-KH/ĐU", "Kế hoạch của xã An Bình",
        targets=[
            Target("Tỷ lệ dịch vụ công trực tuyến", ">=", 1234.5, unit="hồ sơ", year=2025, line=2, text="1.234,5 hồ sơ"),
            Target("Tổ chức khoa học và công nghệ", "between", 40, value_max=50, unit="tổ chức", year=2030, line=3, text="từ 40 đến 50"),
            Target("Chi ngân sách cho khoa học", ">=", 3, unit="%", year=2030, per_year=True, line=3, text="3% mỗi năm"),
        ],
        tasks=[
            Task("Quán triệt Nghị quyết", section="III.1", lead="Ủy ban nhân dân xã", coordinating=["Mặt trận"],
                 deadline="2025-04-30", line=5, text="Quán triệt Nghị quyết (tháng 4/2025)"),
            Task("Tuyên truyền thường xuyên", recurring=True, line=6),
        ],
        units=[UnitDuty("Ủy ban nhân dân xã", duties=["Bố trí kinh phí"], line=7)],
    )
    return create_plan_from_parse(result, issuing_unit=units["commune"], actor=None,
                                  implements=[province_plan], source_text="l1\nl2\nl3\nl4\nl5\nl6\nl7\n")


@pytest.fixture
def sibling_plan(units, province_plan):
    result = parsed("07-KH/ĐU", "Kế hoạch của xã Hòa Lạc", targets=[
        Target("Tỷ lệ dịch vụ công trực tuyến", ">=", 70, unit="%", year=2030, line=1),
    ])
    return create_plan_from_parse(result, issuing_unit=units["sibling"], actor=None, implements=[province_plan])
