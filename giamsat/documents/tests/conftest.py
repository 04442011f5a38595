"""Fixtures of the import tests: the national plan, a small plan document and its parse."""

import pytest
from django.core.files.base import ContentFile

from giamsat.documents import services
from giamsat.parsing import schema
from giamsat.plans import services as plan_services

PLAN_TEXT = """KẾ HOẠCH
Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị
II. MỤC TIÊU
1. Đến năm 2030
- Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp đạt 85%.
- Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo đạt trên 20% trong tổng số doanh nghiệp.
- 100% cán bộ, công chức xã được bồi dưỡng kỹ năng số căn bản.
- Tỷ lệ phủ sóng 6G trên địa bàn đạt 50%.
III. NHIỆM VỤ
- UBND xã xây dựng cơ sở dữ liệu dùng chung, hoàn thành trong tháng 6/2025.
IV. TỔ CHỨC THỰC HIỆN
1. Ủy ban nhân dân xã chủ trì triển khai.
2. Hội Nông dân xã tuyên truyền, vận động hội viên.
"""


def plan_result() -> schema.ParseResult:
    """The parse of :data:`PLAN_TEXT`, written by hand."""
    lines = PLAN_TEXT.splitlines()

    def target(line, indicator, comparator, value, unit="%"):
        return schema.Target(indicator=indicator, comparator=comparator, value=value, unit=unit, year=2030,
                             line=line, text=lines[line - 1])

    return schema.ParseResult(
        document=schema.DocumentMeta(
            title="Thực hiện Nghị quyết số 57-NQ/TW", level="commune",
            references=[schema.Reference("57-NQ/TW", "2024-12-22", "Bộ Chính trị", 2)],
        ),
        targets=[
            target(5, "Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp", ">=", 85),
            target(6, "Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo", ">", 20),
            target(7, "cán bộ, công chức xã được bồi dưỡng kỹ năng số căn bản", ">=", 100),
            target(8, "Tỷ lệ phủ sóng 6G trên địa bàn", ">=", 50),
        ],
        tasks=[schema.Task(title="UBND xã xây dựng cơ sở dữ liệu dùng chung", lead="UBND xã",
                           deadline="2025-06-30", line=10, text=lines[9])],
        units=[schema.UnitDuty("Ủy ban nhân dân xã", ["chủ trì triển khai"], 12),
               schema.UnitDuty("Hội Nông dân xã", ["tuyên truyền, vận động hội viên"], 13)],
    )


@pytest.fixture
def national_plan(units):
    return plan_services.create_national_plan(None, issuing_unit=units["nation"])


@pytest.fixture
def fake_parser(monkeypatch):
    """Parse uploaded files as :data:`PLAN_TEXT` with :func:`plan_result`, whatever they hold."""
    calls = []

    def parse(path, progress=None):
        calls.append(path)
        if progress:
            progress(1, 2)
            progress(2, 2)
        return PLAN_TEXT, plan_result()

    monkeypatch.setattr(services, "parse_document", parse)
    return calls


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def read_draft(units, commune_officer, national_plan, fake_parser, media):
    """An import by the commune officer, read and waiting for review."""

    def make(user=None, unit=None, text=PLAN_TEXT):
        imp = services.start_import(
            user or commune_officer, file=ContentFile(text.encode()), file_name="ke-hoach.txt",
            issuing_unit=unit or units["commune"], implements=[national_plan],
        )
        return services.read_import(imp.pk)

    return make
