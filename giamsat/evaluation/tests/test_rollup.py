"""Roll-ups up the unit tree, with numbers computed by hand, from the cache and directly."""

import pytest
from django.db.models import F

from giamsat.evaluation import rollup
from giamsat.evaluation.models import RollupCell, RollupSource
from giamsat.evaluation.rules import aggregate, over_periods
from giamsat.evaluation.tests.conftest import assert_same_rollups, decide, report
from giamsat.orgs import services as org_services
from giamsat.orgs.models import Level
from giamsat.reporting.models import Value


@pytest.fixture(autouse=True)
def check_every_period_at_every_read(settings):
    """These reports are older than the recent periods checked at every read; look at all."""
    settings.GIAMSAT_ROLLUP_FULL_CHECK_SECONDS = 0


def value(units, unit_key, ind, period, *, rule=None, include_submitted=False):
    unit = units[unit_key]
    comps = rollup.components([unit], [ind.pk], [period.pk], include_submitted=include_submitted)
    c = comps.get((unit.pk, ind.pk, period.pk))
    if c is None:
        return None
    return aggregate(rule or ind.aggregation, c, scale=100.0 if ind.value_type == "percent" else 1.0)


def test_ratio_roll_up_sums_numerators_and_denominators(units, catalog, months):
    jan = months[(2026, 1)]
    report(units["commune"], jan, {catalog["eid"]: (90, 100)})  # 90 %
    report(units["sibling"], jan, {catalog["eid"]: (10, 1000)})  # 1 %
    # (90 + 10) / (100 + 1000) = 9.0909… %, not the mean of 90 % and 1 % (45.5 %)
    assert value(units, "province", catalog["eid"], jan) == pytest.approx(100 / 1100 * 100)
    assert value(units, "nation", catalog["eid"], jan) == pytest.approx(100 / 1100 * 100)
    assert value(units, "commune", catalog["eid"], jan) == pytest.approx(90.0)


def test_weighted_mean_uses_the_weight_indicator_of_the_same_report(units, catalog, months):
    jan = months[(2026, 1)]
    report(units["commune"], jan, {catalog["online"]: 80, catalog["population"]: 1000})
    report(units["sibling"], jan, {catalog["online"]: 40, catalog["population"]: 3000})
    assert value(units, "province", catalog["online"], jan) == pytest.approx(50.0)  # not 60
    assert value(units, "province", catalog["population"], jan) == pytest.approx(4000.0)


def test_min_max_and_sum(units, catalog, months):
    jan = months[(2026, 1)]
    report(units["commune"], jan, {catalog["speed"]: 100, catalog["initiatives"]: 3})
    report(units["sibling"], jan, {catalog["speed"]: 25, catalog["initiatives"]: 4})
    report(units["province"], jan, {catalog["initiatives"]: 5})  # the province's own count adds
    assert value(units, "province", catalog["speed"], jan) == 25.0
    assert value(units, "province", catalog["speed"], jan, rule="max") == 100.0
    assert value(units, "province", catalog["initiatives"], jan) == 12.0


def test_only_approved_values_count_unless_submitted_are_asked_for(units, catalog, months):
    jan = months[(2026, 1)]
    report(units["commune"], jan, {catalog["initiatives"]: 3})
    report(units["sibling"], jan, {catalog["initiatives"]: 4}, status="submitted")
    report(units["province"], jan, {catalog["initiatives"]: 50}, status="draft")
    assert value(units, "province", catalog["initiatives"], jan) == 3.0
    assert value(units, "province", catalog["initiatives"], jan, include_submitted=True) == 7.0
    assert value(units, "sibling", catalog["initiatives"], jan) is None


def test_stock_and_flow_over_the_periods_of_a_quarter(units, catalog, months):
    for m, (eid, count) in enumerate([((50, 100), 2), ((60, 100), 3), ((70, 100), 4)], start=1):
        report(units["commune"], months[(2026, m)], {catalog["eid"]: eid, catalog["initiatives"]: count})
    ids = [months[(2026, m)].pk for m in (1, 2, 3)]
    comps = rollup.components([units["province"]], [catalog["eid"].pk, catalog["initiatives"].pk], ids)
    eid = [comps[(units["province"].pk, catalog["eid"].pk, p)] for p in ids]
    flow = [comps[(units["province"].pk, catalog["initiatives"].pk, p)] for p in ids]
    assert aggregate("ratio", over_periods("stock", eid), scale=100.0) == pytest.approx(70.0)  # March
    assert aggregate("sum", over_periods("flow", flow)) == 9.0  # 2 + 3 + 4


def test_a_dissolved_unit_rolls_up_into_its_successor(units, catalog, months):
    jan = months[(2026, 1)]
    old_province = org_services.create_unit(code="T99", name="Tỉnh cũ", level=Level.PROVINCE, parent=units["nation"])
    old_district = org_services.create_unit(code="H99", name="Huyện cũ", level=Level.DISTRICT, parent=old_province)
    org_services.set_successors(old_district, [units["commune"]])
    report(old_district, jan, {catalog["initiatives"]: 7})
    report(units["commune"], jan, {catalog["initiatives"]: 1})
    assert value(units, "commune", catalog["initiatives"], jan) == 8.0  # its own and the old district's
    assert value(units, "province", catalog["initiatives"], jan) == 8.0
    assert value(units, "sibling", catalog["initiatives"], jan) is None
    assert value(units, "nation", catalog["initiatives"], jan) == 8.0  # counted once


def test_cache_follows_approval_reopening_and_correction(units, catalog, months):
    jan = months[(2026, 1)]
    ind = catalog["initiatives"]
    first = report(units["commune"], jan, {ind: 3})
    assert value(units, "province", ind, jan) == 3.0
    later = report(units["sibling"], jan, {ind: 4}, status="submitted")
    assert value(units, "province", ind, jan) == 3.0
    decide(later, "approved")  # approved by any path: seen at the next read
    assert value(units, "province", ind, jan) == 7.0
    decide(first, "draft")  # re-opened for a correction
    assert value(units, "province", ind, jan) == 4.0
    Value.objects.filter(submission=first, indicator=ind).update(value=10)
    decide(first, "approved")
    assert value(units, "province", ind, jan) == 14.0
    assert value(units, "nation", ind, jan) == 14.0


def test_a_value_changed_and_re_approved_between_two_reads_is_seen(units, catalog, months):
    jan = months[(2026, 1)]
    ind = catalog["speed"]
    first = report(units["commune"], jan, {ind: 10})
    report(units["sibling"], jan, {ind: 30})
    assert value(units, "province", ind, jan) == 10.0
    decide(first, "draft")
    Value.objects.filter(submission=first, indicator=ind).update(value=50)
    decide(first, "approved")  # same set of approved reports, new version
    assert value(units, "province", ind, jan) == 30.0
    assert value(units, "province", ind, jan, rule="max") == 50.0


def test_submission_changed_counts_a_report_once_and_follows_its_reopening(units, catalog, months):
    jan = months[(2026, 1)]
    ind = catalog["initiatives"]
    rollup.refresh()
    submission = report(units["commune"], jan, {ind: 3})
    rollup.submission_changed(submission.pk)
    rollup.submission_changed(submission.pk)
    cell = RollupCell.objects.get(unit=units["province"], indicator=ind, period=jan)
    assert (cell.n, float(cell.total)) == (1, 3.0)
    decide(submission, "draft")
    rollup.submission_changed(submission.pk)
    assert not RollupCell.objects.filter(unit=units["province"], indicator=ind, period=jan).exists()
    assert not RollupSource.objects.filter(pk=submission.pk).exists()


def test_moving_a_unit_moves_its_values_to_the_new_parent(units, catalog, months):
    jan = months[(2026, 1)]
    ind = catalog["initiatives"]
    other = org_services.create_unit(code="T02", name="Tỉnh Bên Cạnh", level=Level.PROVINCE, parent=units["nation"])
    report(units["commune"], jan, {ind: 3})
    report(units["sibling"], jan, {ind: 4})
    assert value(units, "province", ind, jan) == 7.0
    org_services.move_unit(units["sibling"], other)
    assert value(units, "province", ind, jan) == 3.0
    assert value({"other": other}, "other", ind, jan) == 4.0
    assert value(units, "nation", ind, jan) == 7.0


def test_a_new_child_turns_a_unit_into_an_aggregate(units, catalog, months):
    jan = months[(2026, 1)]
    ind = catalog["initiatives"]
    report(units["commune"], jan, {ind: 3})
    assert value(units, "commune", ind, jan) == 3.0
    village = org_services.create_unit(code="TH1", name="Thôn 1", level=Level.COMMUNE, parent=units["commune"])
    report(village, jan, {ind: 2})
    assert value(units, "commune", ind, jan) == 5.0
    assert RollupCell.objects.filter(unit=units["commune"], indicator=ind).exists()


def test_changing_the_weight_indicator_recomputes_weighted_cells(units, catalog, months):
    jan = months[(2026, 1)]
    report(units["commune"], jan, {catalog["online"]: 80, catalog["population"]: 1000, catalog["initiatives"]: 1})
    report(units["sibling"], jan, {catalog["online"]: 40, catalog["population"]: 3000, catalog["initiatives"]: 3})
    assert value(units, "province", catalog["online"], jan) == pytest.approx(50.0)
    type(catalog["online"]).objects.filter(pk=catalog["online"].pk).update(weight_indicator=catalog["initiatives"])
    assert value(units, "province", catalog["online"], jan) == pytest.approx(50.0)  # (80 + 120) / 4
    type(catalog["online"]).objects.filter(pk=catalog["online"].pk).update(weight_indicator=None)
    assert value(units, "province", catalog["online"], jan) is None


def test_rebuild_gives_the_same_cells_as_incremental_upkeep(units, catalog, months):
    ids = [c.pk for c in catalog.values()]
    for m in (1, 2):
        report(units["commune"], months[(2026, m)], {catalog["eid"]: (m * 10, 100), catalog["online"]: 70, catalog["population"]: 500})
        report(units["sibling"], months[(2026, m)], {catalog["eid"]: (5, 50), catalog["speed"]: m * 7})
    scope = [units["nation"], units["province"], units["commune"]]
    incremental = rollup.components(scope, ids)
    rollup.rebuild()
    assert_same_rollups(rollup.components(scope, ids), incremental)
    assert_same_rollups(incremental, rollup.direct_components(scope, ids))


def test_cells_are_kept_for_units_with_children_only(units, catalog, months):
    report(units["commune"], months[(2026, 1)], {catalog["initiatives"]: 1})
    rollup.refresh()
    assert set(RollupCell.objects.values_list("unit_id", flat=True)) == {units["nation"].pk, units["province"].pk}
    assert RollupCell.objects.filter(n=F("n")).count() == 2


def test_rebuild_counts_a_unit_merged_into_two_provinces_once_in_the_nation(units, catalog, months):
    jan = months[(2026, 1)]
    ind = catalog["initiatives"]
    other = org_services.create_unit(code="T02", name="Tỉnh Bên Cạnh", level=Level.PROVINCE, parent=units["nation"])
    other_commune = org_services.create_unit(code="X03", name="Xã Bên Cạnh", level=Level.COMMUNE, parent=other)
    old = org_services.create_unit(code="H99", name="Huyện cũ", level=Level.DISTRICT, parent=units["nation"])
    org_services.set_successors(old, [units["commune"], other_commune])  # split between two provinces
    report(old, jan, {ind: 7})
    report(units["commune"], jan, {ind: 1})
    report(other_commune, jan, {ind: 2})
    rollup.rebuild()
    assert value(units, "province", ind, jan) == 8.0
    assert value({"other": other}, "other", ind, jan) == 9.0
    assert value(units, "nation", ind, jan) == 10.0  # 7 + 1 + 2, the old district once
    scope = [units["nation"], units["province"], other]
    assert_same_rollups(rollup.components(scope, [ind.pk]), rollup.direct_components(scope, [ind.pk]))


def test_stamps_mark_every_scope_that_counts_a_changed_report(units, catalog, months):
    """An aggregate's stamp is read through the cache's scopes, a leaf's through the
    tree; both follow a report of a dissolved unit into its successor."""
    jan, ind = months[(2026, 1)], catalog["initiatives"]
    old_province = org_services.create_unit(code="T99", name="Tỉnh cũ", level=Level.PROVINCE, parent=units["nation"])
    old_district = org_services.create_unit(code="H99", name="Huyện cũ", level=Level.DISTRICT, parent=old_province)
    org_services.set_successors(old_district, [units["commune"]])
    report(units["sibling"], jan, {ind: 1})
    rollup.refresh()
    everyone = {**units, "old_province": old_province, "old_district": old_district}
    before = rollup.stamps(list(everyone.values()))
    late = report(old_district, jan, {ind: 7}, status="submitted")
    rollup.submission_changed(decide(late, "approved").pk)
    after = rollup.stamps(list(everyone.values()))
    assert {name for name, u in everyone.items() if after[u.pk] > before[u.pk]} == {
        "nation", "province", "commune", "old_province", "old_district"}
    assert after[units["sibling"].pk] == before[units["sibling"].pk]
    one = rollup.stamps([units["province"]])  # asked alone, the same
    assert one == {units["province"].pk: after[units["province"].pk]}
