"""The dashboard's numbers on a hand-computed province (see the ``scenario`` fixture).

June 2026, province: e-ID (600 + 100) / (1,000 + 500) = 46,67 % against a trajectory of
40 + 40 × 181 / 1,826 = 43,96 % (on track); initiatives 36 + 24 + 10 = 70 this year
against 120 × 181 / 365 = 59,5 (on track); late files (100 + 30) / 1,500 = 8,67 %
against 12 − 7 × 181 / 1,826 = 11,31 % (on track, lower is better); slowest line
min(100, 25) = 25 Mbps against 20 + 30 × 181 / 730 = 27,44 Mbps, 2,44 short within a
band of 3 (at risk).
"""

import pytest

from giamsat.evaluation import services
from giamsat.evaluation.rules import Status, TaskState
from giamsat.evaluation.tests.conftest import TODAY


def board_of(user, unit, **filters):
    return services.dashboard(user, unit.pk, services.Filters(**filters), today=TODAY)


def by_code(board):
    return {t.indicator.code: t.judged for t in board.tiles}


def test_province_statuses_are_judged_on_the_rolled_up_values(scenario, province_leader):
    board = board_of(province_leader, scenario["units"]["province"])
    assert board.period.label == "Tháng 6/2026"
    judged = by_code(board)
    assert judged["DT-01"].status == Status.ON_TRACK
    assert judged["DT-01"].latest.value == pytest.approx(700 / 1500 * 100)
    assert judged["DT-01"].verdict.expected == pytest.approx(40 + 40 * 181 / 1826)
    assert judged["DT-01"].coverage == 2  # Tân Lập has no June report
    assert judged["KH-02"].status == Status.ON_TRACK
    assert judged["KH-02"].latest.value == 70.0
    assert judged["CQ-05"].status == Status.ON_TRACK
    assert judged["CQ-05"].latest.value == pytest.approx(130 / 1500 * 100)
    assert judged["HT-04"].status == Status.AT_RISK
    assert judged["HT-04"].verdict.shortfall == pytest.approx(20 + 30 * 181 / 730 - 25)
    assert board.counts[Status.ON_TRACK] == 3 and board.counts[Status.AT_RISK] == 1 and board.total == 4


def test_tiles_come_worst_first_and_say_why(scenario, province_leader):
    board = board_of(province_leader, scenario["units"]["province"])
    first = board.tiles[0]
    assert first.indicator.code == "HT-04"
    assert first.reason == "Đạt 25 Mbps (30/06/2026), chậm 2,4 Mbps so với lộ trình (27,4 Mbps), trong ngưỡng 3 Mbps."


def test_warnings_give_status_and_forecast_reasons(scenario, province_leader):
    board = board_of(province_leader, scenario["units"]["province"])
    texts = [(w.unit.name, w.indicator.code, w.forecast, w.text) for w in board.warnings]
    assert texts == [
        ("Tỉnh Thử Nghiệm", "HT-04", False,
         "Đạt 25 Mbps (30/06/2026), chậm 2,4 Mbps so với lộ trình (27,4 Mbps), trong ngưỡng 3 Mbps."),
        ("Tỉnh Thử Nghiệm", "HT-04", True,
         "Theo xu hướng 6 kỳ gần nhất, đến 31/12/2027 chỉ đạt khoảng 25 Mbps, thấp hơn chỉ tiêu 50 Mbps."),
        ("Tỉnh Thử Nghiệm", "CQ-05", True,
         "Theo xu hướng 6 kỳ gần nhất, đến 31/12/2030 vẫn ở mức khoảng 8,7 %, cao hơn chỉ tiêu 5 %."),
        ("Xã Hòa Lạc", "DT-01", False,
         "Đạt 20 % (30/06/2026), chậm 24 điểm phần trăm so với lộ trình (44 %), quá ngưỡng 4 điểm phần trăm."),
    ]


def test_children_are_judged_on_the_parents_rate_targets_and_ranked(scenario, province_leader):
    units = scenario["units"]
    rows = {r.unit.name: r for r in board_of(province_leader, units["province"]).children.rows}
    good = rows["Xã An Bình"]
    assert (good.overall.rank, good.share.value) == (1, 100.0)
    assert (good.counts[Status.ON_TRACK], good.counts[Status.MET]) == (2, 1)  # 100 Mbps already meets 50
    lagging = rows["Xã Hòa Lạc"]
    assert (lagging.overall.rank, lagging.share.good, lagging.share.judged) == (2, 1, 3)
    assert lagging.counts[Status.BEHIND] == 1 and lagging.counts[Status.AT_RISK] == 1
    silent = rows["Xã Tân Lập"]  # missed the June report: visible, unranked
    assert silent.overall.rank is None and silent.share.value is None
    assert silent.counts[Status.NO_DATA] == 3
    # initiatives (a count) are never judged on the province's total
    assert scenario["targets"]["initiatives"].pk not in good.statuses


def test_ranking_by_one_indicator_follows_its_direction_and_lists_missing_data_last(scenario, province_leader):
    late = scenario["catalog"]["late"]
    board = board_of(province_leader, scenario["units"]["province"], indicator=late.pk)
    ranked = [(r.unit.name, r.value.rank, r.value.value) for r in board.children.by_value]
    assert ranked == [("Xã Hòa Lạc", 1, pytest.approx(6.0)), ("Xã An Bình", 2, pytest.approx(10.0)),
                      ("Xã Tân Lập", None, None)]


def test_a_unit_without_targets_is_judged_on_those_above_for_rates_only(scenario, commune_leader):
    board = board_of(commune_leader, scenario["units"]["commune"])
    assert board.inherited_from == scenario["units"]["province"]
    assert sorted(by_code(board)) == ["CQ-05", "DT-01", "HT-04"]  # not the count of initiatives
    assert all(t.judged.inherited for t in board.tiles)
    assert by_code(board)["DT-01"].latest.value == pytest.approx(60.0)


def test_a_missing_report_is_no_data(scenario, province_leader):
    board = board_of(province_leader, scenario["units"]["third"])
    assert {t.judged.status for t in board.tiles} == {Status.NO_DATA}
    assert board.tiles[0].reason == "Chưa có số liệu được duyệt kỳ Tháng 6/2026 (hạn nộp 20/06/2026)."


def test_submitted_values_count_only_when_asked(scenario, province_leader):
    from giamsat.evaluation.tests.conftest import report

    third = scenario["units"]["third"]
    report(third, scenario["months"][(2026, 6)], {scenario["catalog"]["eid"]: (400, 600)}, status="submitted")
    assert by_code(board_of(province_leader, third))["DT-01"].status == Status.NO_DATA
    with_submitted = by_code(board_of(province_leader, third, include_submitted=True))["DT-01"]
    assert with_submitted.latest.value == pytest.approx(400 / 600 * 100)


def test_filters_narrow_the_targets(scenario, province_leader):
    province = scenario["units"]["province"]
    assert [t.indicator.code for t in board_of(province_leader, province, year=2027).tiles] == ["HT-04"]
    assert {t.indicator.code for t in board_of(province_leader, province, category="Chuyển đổi số").tiles} == {"DT-01", "CQ-05"}
    assert board_of(province_leader, province, plan=scenario["plan"].pk + 1000).tiles == []


def test_a_past_period_is_judged_as_it_stood(scenario, province_leader):
    march = scenario["months"][(2026, 3)]
    board = board_of(province_leader, scenario["units"]["province"], period=march.pk)
    eid = by_code(board)["DT-01"]
    assert eid.latest.value == pytest.approx(925 / 2100 * 100)  # 525 + 100 + 300 of 1,000 + 500 + 600
    assert eid.latest.on.isoformat() == "2026-03-31"


def test_task_board_of_the_province(scenario, province_leader):
    tasks = board_of(province_leader, scenario["units"]["province"]).tasks
    assert tasks.counts[TaskState.DONE_ON_TIME] == 2  # the portal, and the report of Q1
    assert tasks.counts[TaskState.OVERDUE] == 1 and tasks.counts[TaskState.NOT_STARTED] == 1
    assert [r.task.title for r in tasks.overdue] == ["Xây dựng cơ sở dữ liệu dân cư của xã", "Tập huấn kỹ năng số cho cán bộ xã"]
    assert tasks.overdue[0].progress == 90


def test_narratives_come_from_the_units_below(scenario, province_leader):
    board = board_of(province_leader, scenario["units"]["province"])
    assert [(s.unit.name, s.difficulties) for s in board.narratives] == [("Xã An Bình", "Thiếu kinh phí nâng cấp đường truyền.")]
    assert board_of(province_leader, scenario["units"]["commune"]).narratives == []  # nothing below a commune


def test_nobody_sees_a_unit_outside_their_scope(scenario, sibling_officer):
    from giamsat.errors import PermissionDeniedError

    with pytest.raises(PermissionDeniedError, match="Bạn không có quyền xem dữ liệu của “Xã An Bình”."):
        board_of(sibling_officer, scenario["units"]["commune"])


def test_bad_filters_are_refused_by_name():
    from giamsat.evaluation.errors import FilterError

    with pytest.raises(FilterError) as error:
        services.Filters.parse({"year": "hai nghìn"})
    assert (error.value.location, error.value.message) == ("year", "Giá trị “hai nghìn” của bộ lọc không hợp lệ.")


def test_the_default_round_is_the_latest_with_reports_even_long_ago(scenario, province_leader):
    later = TODAY.replace(year=TODAY.year + 1)  # every month of a year and more without reports
    board = services.dashboard(province_leader, scenario["units"]["province"].pk, services.Filters(), today=later)
    assert board.period.label == "Tháng 6/2026"


def test_a_successor_follows_the_targets_of_the_unit_merged_into_it(scenario, province_leader, django_user_model):
    from giamsat.orgs import services as org_services
    from giamsat.orgs.models import Level, Membership, Role

    units = scenario["units"]
    merged_into = org_services.create_unit(code="T-MOI", name="Tỉnh Mới", level=Level.PROVINCE, parent=units["nation"])
    org_services.set_successors(units["province"], [merged_into])
    leader = django_user_model.objects.create_user(username="ld_tinh_moi")
    Membership.objects.create(user=leader, unit=merged_into, role=Role.LEADER)
    judged = by_code(board_of(leader, merged_into))
    assert judged["DT-01"].latest.value == pytest.approx(700 / 1500 * 100)
    assert judged["HT-04"].status == Status.AT_RISK


def test_a_locality_follows_the_plan_of_its_party_committee(scenario, province_leader):
    from giamsat.orgs import services as org_services
    from giamsat.orgs.models import Level, UnitKind

    units = scenario["units"]
    area = org_services.create_unit(code="A-01", name="Tỉnh Địa Bàn", level=Level.PROVINCE,
                                    kind=UnitKind.ADMINISTRATIVE_AREA, parent=units["nation"])
    committee = org_services.create_unit(code="A-01-TU", name="Tỉnh ủy Địa Bàn", level=Level.PROVINCE,
                                         kind=UnitKind.PARTY_COMMITTEE, parent=area)
    agency = org_services.create_unit(code="A-01-S", name="Sở Địa Bàn", level=Level.PROVINCE,
                                      kind=UnitKind.AGENCY, parent=area)
    assert services.followed_units(area) == [area, committee]
    assert services.followed_units(agency) == [agency]
    assert services.followed_units(committee) == [committee]
