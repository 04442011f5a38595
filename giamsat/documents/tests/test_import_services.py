"""Starting, reading, reviewing, confirming and cancelling an import (services)."""

from pathlib import Path

import pytest

from giamsat.audit.models import AuditEvent
from giamsat.documents import services
from giamsat.documents.errors import ImportChanged, PlanImportError
from giamsat.documents.models import ImportStatus, PlanImport
from giamsat.errors import PermissionDeniedError
from giamsat.kpi.models import Indicator, Target
from giamsat.orgs.models import Unit
from giamsat.plans.models import Plan, PlanStatus, PlanUnit, Task


def counts():
    return (Plan.objects.count(), Indicator.objects.count(), Unit.objects.count(), Target.objects.count())


def test_reading_makes_a_draft_and_writes_nothing_else(read_draft, fake_parser):
    before = counts()
    imp = read_draft()
    assert imp.status == ImportStatus.REVIEW
    assert (imp.progress_done, imp.progress_total, imp.progress_percent) == (2, 2, 100)
    assert counts() == before
    targets = imp.draft["targets"]
    assert [t["key"] for t in targets] == ["t1", "t2", "t3", "t4"]
    codes = {t["line"]: (t["candidates"][0]["code"], t["indicator_id"] is not None) for t in targets}
    assert codes[5] == ("NQ57-11.1", True)
    assert codes[6] == ("NQ57-13", True)
    assert codes[7][1] is False  # nothing national to preselect
    assert codes[8] == ("NQ57-23.4", False)  # 6G is not 5G
    assert [(b["name"], b["choice"], b["kind"]) for b in imp.draft["bodies"]] == [
        ("Ủy ban nhân dân xã", "new", "peoples_committee"),
        ("Hội Nông dân xã", "new", "mass_organisation"),
        ("UBND xã", "new", "peoples_committee"),
    ]


def test_reading_runs_once(read_draft, fake_parser):
    imp = read_draft()
    services.read_import(imp.pk)
    assert len(fake_parser) == 1


def test_an_unreadable_file_fails_with_the_parsers_message(units, commune_officer, media, monkeypatch):
    from django.core.files.base import ContentFile

    imp = services.start_import(commune_officer, file=ContentFile(b""), file_name="rong.txt",
                                issuing_unit=units["commune"])
    imp = services.read_import(imp.pk)
    assert imp.status == ImportStatus.FAILED
    assert imp.error == "rong.txt: tệp rỗng (0 byte)"


def test_cancel_leaves_nothing_behind(read_draft, commune_officer, media, django_capture_on_commit_callbacks):
    before = counts()
    imp = read_draft()
    path = Path(imp.file.path)
    assert path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_import(commune_officer, imp.pk)
    assert not PlanImport.objects.exists()
    assert counts() == before
    assert not path.exists()


def test_confirm_creates_the_plan_with_mapped_targets_new_indicator_and_units(read_draft, commune_officer, national_plan, units):
    imp = read_draft()
    services.choose_indicator(commune_officer, imp.pk, "t3", "new")
    services.choose_body(commune_officer, imp.pk, imp.draft["bodies"][1]["key"], "none")
    plan = services.confirm_import(commune_officer, imp.pk)

    assert plan.status == PlanStatus.CONFIRMED
    assert list(plan.implements.all()) == [national_plan]
    stored = {t.source_line: (t.indicator.code if t.indicator else None, float(t.value), t.comparator)
              for t in plan.targets.select_related("indicator")}
    assert stored == {5: ("NQ57-11.1", 85.0, ">="), 6: ("NQ57-13", 20.0, ">"), 7: ("X01-001", 100.0, ">="),
                      8: (None, 50.0, ">=")}
    created = Indicator.objects.get(code="X01-001")
    assert (created.name, created.unit_of_measure, created.value_type) == (
        "cán bộ, công chức xã được bồi dưỡng kỹ năng số căn bản", "%", "percent")
    committee = Unit.objects.get(name="Ủy ban nhân dân xã")
    assert (committee.parent, committee.code, committee.kind, committee.level) == (
        units["commune"], "X01-01", "peoples_committee", "commune")
    assert not Unit.objects.filter(name="Hội Nông dân xã").exists()
    task = Task.objects.get(plan=plan)
    assert (task.lead_unit.name, str(task.deadline)) == ("UBND xã", "2025-06-30")
    assert list(PlanUnit.objects.filter(plan=plan).values_list("name", "unit__name")) == [
        ("Ủy ban nhân dân xã", "Ủy ban nhân dân xã"), ("Hội Nông dân xã", None)]
    assert not PlanImport.objects.exists()
    assert AuditEvent.objects.filter(object_type="documents.planimport", action="confirm").count() == 1


def test_edit_and_delete_before_confirming_is_what_is_stored(read_draft, commune_officer):
    imp = read_draft()
    services.edit_target(commune_officer, imp.pk, "t1", {"value": "90", "year": "2030", "comparator": ">"})
    services.delete_item(commune_officer, imp.pk, "targets", "t4")
    plan = services.confirm_import(commune_officer, imp.pk)
    rows = sorted((t.source_line, t.comparator, float(t.value)) for t in plan.targets.all())
    assert rows == [(5, ">", 90.0), (6, ">", 20.0), (7, ">=", 100.0)]


def test_bad_edit_is_refused_with_its_field(read_draft, commune_officer):
    imp = read_draft()
    with pytest.raises(Exception) as caught:
        services.edit_target(commune_officer, imp.pk, "t1", {"comparator": "between", "value": "80", "value_max": ""})
    assert caught.value.message == "Khoảng giá trị “từ … đến …” thiếu giá trị tối đa."
    assert caught.value.location == "t1"
    with pytest.raises(Exception) as caught:
        services.edit_target(commune_officer, imp.pk, "t1", {"value": "tám mươi"})
    assert (caught.value.message, caught.value.location) == ("“támmươi” không phải là số.", "t1.value")


def test_add_target_and_task_from_a_line(read_draft, commune_officer):
    imp = read_draft()
    imp = services.add_item(commune_officer, imp.pk, "targets", 8, {"indicator": "Phủ sóng 5G", "value": "60"})
    imp = services.add_item(commune_officer, imp.pk, "tasks", 12, {})
    [added] = [t for t in imp.draft["targets"] if t["indicator"] == "Phủ sóng 5G"]
    assert (added["key"], added["line"], added["value"], added["candidates"][0]["code"]) == ("t11", 8, 60.0, "NQ57-23.4")
    assert added["text"] == "- Tỷ lệ phủ sóng 6G trên địa bàn đạt 50%."
    assert imp.draft["tasks"][-1]["title"] == "1. Ủy ban nhân dân xã chủ trì triển khai."


def test_a_stale_version_is_refused(read_draft, commune_officer):
    imp = read_draft()
    services.edit_target(commune_officer, imp.pk, "t1", {"value": "90"}, version=imp.version)
    with pytest.raises(ImportChanged):
        services.edit_target(commune_officer, imp.pk, "t1", {"value": "95"}, version=imp.version)


def test_killed_midway_no_partial_plan(read_draft, commune_officer, monkeypatch):
    imp = read_draft()
    services.choose_indicator(commune_officer, imp.pk, "t3", "new")
    before = counts()

    def crash(*args, **kwargs):
        raise RuntimeError("killed")

    # The audit record written last inside create_plan_from_parse: targets, tasks,
    # units and a new catalog indicator are already written when it dies.
    monkeypatch.setattr("giamsat.plans.services.record", crash)
    with pytest.raises(RuntimeError):
        services.confirm_import(commune_officer, imp.pk)
    assert counts() == before
    assert not Task.objects.exists()
    assert PlanImport.objects.get(pk=imp.pk).status == ImportStatus.REVIEW


def test_nothing_to_import_is_refused(read_draft, commune_officer):
    imp = read_draft()
    for key in ("t1", "t2", "t3", "t4"):
        services.delete_item(commune_officer, imp.pk, "targets", key)
    services.delete_item(commune_officer, imp.pk, "tasks", "k5")
    with pytest.raises(PlanImportError) as caught:
        services.confirm_import(commune_officer, imp.pk)
    assert caught.value.message.startswith("Văn bản không có chỉ tiêu hay nhiệm vụ nào.")


def test_a_plan_with_tasks_but_no_targets_is_imported(read_draft, commune_officer):
    imp = read_draft()
    for key in ("t1", "t2", "t3", "t4"):
        services.delete_item(commune_officer, imp.pk, "targets", key)
    plan = services.confirm_import(commune_officer, imp.pk)
    assert (plan.targets.count(), plan.tasks.count()) == (0, 1)


def test_duplicate_needs_a_choice_then_keep_or_replace(read_draft, commune_officer, units):
    first = services.confirm_import(commune_officer, read_draft().pk)
    child = read_draft(unit=units["commune"])
    assert child.duplicate_of == first
    with pytest.raises(PlanImportError) as caught:
        services.confirm_import(commune_officer, child.pk)
    assert caught.value.message == (
        f"Văn bản này đã được nhập thành kế hoạch “{first}”. Hãy chọn thay thế hoặc giữ kế hoạch đã có."
    )
    services.decide_duplicate(commune_officer, child.pk, "keep")
    assert services.confirm_import(commune_officer, child.pk) == first
    assert Plan.objects.filter(issuing_unit=units["commune"]).count() == 1

    again = read_draft()
    services.decide_duplicate(commune_officer, again.pk, "replace")
    replacement = services.confirm_import(commune_officer, again.pk)
    assert list(Plan.objects.filter(issuing_unit=units["commune"])) == [replacement]
    assert replacement.pk != first.pk


@pytest.mark.parametrize("actor", ["sibling_officer", "province_viewer"])
def test_only_who_enters_data_for_the_unit_reviews_its_import(request, read_draft, actor):
    imp = read_draft()
    user = request.getfixturevalue(actor)
    for call in (
        lambda: services.get_import(user, imp.pk),
        lambda: services.edit_target(user, imp.pk, "t1", {"value": "1"}),
        lambda: services.confirm_import(user, imp.pk),
        lambda: services.cancel_import(user, imp.pk),
    ):
        with pytest.raises(PermissionDeniedError):
            call()
    assert PlanImport.objects.get(pk=imp.pk).version == imp.version


def test_province_admin_reviews_a_communes_import(read_draft, province_admin):
    imp = read_draft()
    assert services.get_import(province_admin, imp.pk) == imp


def test_a_viewer_cannot_start_an_import(units, province_viewer, media):
    from django.core.files.base import ContentFile

    with pytest.raises(PermissionDeniedError):
        services.start_import(province_viewer, file=ContentFile(b"x"), file_name="a.txt",
                              issuing_unit=units["province"])
    assert not PlanImport.objects.exists()
