"""``giamsat import`` on the five seed plans and on bad input; ``giamsat align`` on the seed cascade."""

import io
import json
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from giamsat.documents.errors import PlanImportError
from giamsat.documents.models import PlanImport
from giamsat.errors import GiamsatError
from giamsat.plans.models import Plan, PlanStatus

SEEDS = Path(__file__).resolve().parents[2] / "parsing" / "tests" / "data" / "seeds"
SEED_FILES = sorted(SEEDS.glob("0*.txt"))
# (targets, tasks at least) each seed gives
EXPECTED = {"000": 4, "001": 8, "002": 45, "003": 210, "004": 2}


def run(*args) -> str:
    out = io.StringIO()
    call_command("import", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture
def seed_copy(tmp_path):
    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copy(SEEDS / name, target)
        return target
    return copy


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_each_seed_is_imported_as_a_confirmed_plan(units, national_plan, media, path):
    output = run(str(path), "--unit", "X01", "--implements", "57-NQ/TW")
    plan = Plan.objects.get(issuing_unit=units["commune"])
    assert plan.status == PlanStatus.CONFIRMED
    assert list(plan.implements.all()) == [national_plan]
    assert plan.targets.count() == EXPECTED[path.name[:3]]
    assert plan.tasks.count() > 0
    assert output.startswith(f"Đã nhập kế hoạch mã {plan.pk} ")
    assert not PlanImport.objects.exists()


def test_duplicate_needs_replace_or_keep(units, national_plan, media, seed_copy):
    path = str(seed_copy("004_19392b43ca0e2795.txt"))
    run(path, "--unit", "X01", "--implements", "57-NQ/TW")
    first = Plan.objects.get(issuing_unit=units["commune"])
    with pytest.raises(PlanImportError) as caught:
        run(path, "--unit", "X01")
    assert caught.value.message == (
        f"Văn bản này đã được nhập thành kế hoạch “{first}” (mã {first.pk}). Chạy lại với --replace để thay thế "
        "hoặc --keep để giữ kế hoạch đã có."
    )
    assert not PlanImport.objects.exists()
    run(path, "--unit", "X01", "--keep")
    assert list(Plan.objects.filter(issuing_unit=units["commune"])) == [first]
    run(path, "--unit", "X01", "--replace")
    [replacement] = Plan.objects.filter(issuing_unit=units["commune"])
    assert replacement.pk != first.pk


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--unit", "KHONGCO"], "giamsat: --unit: Không có đơn vị mã “KHONGCO”. Xem mã các đơn vị trong trang Đơn vị hoặc trang quản trị.\n"),
        (["--unit", "X01", "--implements", "99-NQ/TW"],
         "giamsat: --implements: Không có kế hoạch đã xác nhận nào số “99-NQ/TW”. Hãy nhập kế hoạch cấp trên trước.\n"),
    ],
)
def test_unknown_unit_or_parent_is_one_clear_line(units, national_plan, media, args, message):
    # giamsat.cli prints a GiamsatError as "giamsat: {error}" and exits with 2; running
    # it here would close the test's database connection, so the error is checked.
    with pytest.raises(GiamsatError) as caught:
        run(str(SEED_FILES[4]), *args)
    assert f"giamsat: {caught.value}\n" == message
    assert not PlanImport.objects.exists()
    assert not Plan.objects.filter(issuing_unit=units["commune"]).exists()


def test_a_file_without_text_is_refused_and_nothing_is_left(units, media, tmp_path):
    empty = tmp_path / "rong.txt"
    empty.write_bytes(b"")
    with pytest.raises(GiamsatError) as caught:
        run(str(empty), "--unit", "X01")
    assert str(caught.value) == "rong.txt: tệp rỗng (0 byte)"
    assert not PlanImport.objects.exists()


def test_a_document_without_targets_says_so_and_imports_its_tasks(units, media, tmp_path):
    plain = tmp_path / "ke-hoach.txt"
    plain.write_text(
        "KẾ HOẠCH\nTuyên truyền Nghị quyết số 57-NQ/TW\nII. NHIỆM VỤ VÀ GIẢI PHÁP\n"
        "- Tổ chức hội nghị quán triệt Nghị quyết đến cán bộ, đảng viên.\n", encoding="utf-8",
    )
    err = io.StringIO()
    call_command("import", str(plain), "--unit", "X01", stdout=io.StringIO(), stderr=err)
    assert "Lưu ý: văn bản không có chỉ tiêu định lượng nào; kế hoạch được nhập với nhiệm vụ và đơn vị." in err.getvalue()
    plan = Plan.objects.get(issuing_unit=units["commune"])
    assert (plan.targets.count(), plan.tasks.count()) == (0, 1)


def test_align_finds_the_innovation_target_below_57(units, national_plan, media):
    run(str(SEED_FILES[0]), "--unit", "X01", "--implements", "57-NQ/TW")
    plan = Plan.objects.get(issuing_unit=units["commune"])
    out = io.StringIO()
    call_command("align", str(plan.pk), "--json", stdout=out)
    findings = json.loads(out.getvalue())["parents"][0]["findings"]
    weaker = [f for f in findings if f["kind"] == "weaker"]
    assert [(f["indicator_name"], f["year"], f["child"]["line"]) for f in weaker] == [
        ("Tỉ lệ doanh nghiệp có hoạt động đổi mới sáng tạo", 2030, 45),
    ]
    assert weaker[0]["message"] == (
        "Chỉ tiêu “Tỉ lệ doanh nghiệp có hoạt động đổi mới sáng tạo” năm 2030: kế hoạch đặt > 20%, "
        "thấp hơn văn bản cấp trên (≥ 40%)."
    )
    references = [f["message"] for f in findings if f["kind"] == "wrong_reference"]
    assert references == ["Văn bản 57-NQ/TW được dẫn với ngày 22/12/2023, đúng là 22/12/2024 (dòng 17)."]  # the parser lists each reference once
    assert {f["kind"] for f in findings} >= {"missing"}
