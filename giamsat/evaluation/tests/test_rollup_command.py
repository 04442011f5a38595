"""``giamsat rollup``: catch up, rebuild, check."""

from io import StringIO

import pytest
from django.core.management import call_command

from giamsat.errors import GiamsatError
from giamsat.evaluation.models import RollupCell
from giamsat.evaluation.tests.conftest import report


def run(*args) -> str:
    out = StringIO()
    call_command("rollup", *args, stdout=out)
    return out.getvalue()


def test_check_passes_then_finds_a_tampered_cell_and_rebuild_repairs_it(units, catalog, months):
    report(units["commune"], months[(2026, 1)], {catalog["initiatives"]: 3})
    report(units["sibling"], months[(2026, 1)], {catalog["initiatives"]: 4})
    assert run() == "Bộ tổng hợp đã cập nhật (2 ô).\n"
    assert run("--check").startswith("Mọi ô tổng hợp khớp với số liệu cộng trực tiếp (2 ô")
    RollupCell.objects.filter(unit=units["province"]).update(total=99)
    with pytest.raises(GiamsatError) as error:
        run("--check")
    assert error.value.message == "1 ô tổng hợp khác với số liệu cộng trực tiếp; chạy: giamsat rollup --rebuild"
    assert run("--rebuild").startswith("Đã dựng lại bộ tổng hợp: 2 ô")
    assert run("--check").startswith("Mọi ô tổng hợp khớp")
