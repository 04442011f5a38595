"""The judgement of the units below is remembered until what it reads changes
(giamsat.evaluation.memo): asked twice it is computed once; an approval, a target or a
unit's name changed in between are seen at the next request."""

import datetime
from decimal import Decimal

import pytest

from giamsat.evaluation import children, rollup
from giamsat.evaluation.rules import Status
from giamsat.evaluation.tests.conftest import decide, report
from giamsat.evaluation.tests.test_dashboard_service import board_of


@pytest.fixture
def judged(monkeypatch):
    """Each time units below were actually judged (their roll-ups read): their names."""
    calls = []
    real = children._windows

    def counting(kids, *args, **kwargs):
        calls.append(sorted(k.name for k in kids))
        return real(kids, *args, **kwargs)

    monkeypatch.setattr(children, "_windows", counting)
    return calls


def rows_of(board):
    return {r.unit.name: r for r in board.children.rows}


def test_asked_twice_the_units_below_are_judged_once(scenario, province_leader, judged):
    first = board_of(province_leader, scenario["units"]["province"])
    second = board_of(province_leader, scenario["units"]["province"])
    assert len(judged) == 1
    assert [(r.unit.name, r.statuses) for r in second.children.rows] == [(r.unit.name, r.statuses) for r in first.children.rows]
    late = board_of(province_leader, scenario["units"]["province"], indicator=scenario["catalog"]["late"].pk)
    assert len(judged) == 1  # ranked by another indicator: the same children's judgements
    assert [(r.unit.name, r.value.rank) for r in late.children.by_value] == [
        ("Xã Hòa Lạc", 1), ("Xã An Bình", 2), ("Xã Tân Lập", None)]


def test_an_approval_is_seen_at_the_next_request(scenario, province_leader, judged):
    province, third = scenario["units"]["province"], scenario["units"]["third"]
    assert rows_of(board_of(province_leader, province))["Xã Tân Lập"].counts[Status.NO_DATA] == 3
    june = report(third, scenario["months"][(2026, 6)], {scenario["catalog"]["eid"]: (500, 600)}, status="submitted")
    assert rows_of(board_of(province_leader, province))["Xã Tân Lập"].counts[Status.NO_DATA] == 3  # not approved yet
    rollup.submission_changed(decide(june, "approved").pk)  # as reporting's approval does
    board = board_of(province_leader, province)
    row = rows_of(board)["Xã Tân Lập"]
    assert row.statuses[scenario["targets"]["eid"].pk] == Status.MET  # 83,3 % ≥ 80 %
    assert row.overall.rank is not None
    assert judged[-1] == ["Xã Tân Lập"]  # only the child whose data changed was judged again
    assert rows_of(board)["Xã Hòa Lạc"].statuses[scenario["targets"]["eid"].pk] == Status.BEHIND


def test_a_changed_target_is_seen_at_the_next_request(scenario, province_leader, judged):
    from giamsat.kpi.models import Target

    province, sibling = scenario["units"]["province"], scenario["units"]["sibling"]
    eid = scenario["targets"]["eid"]
    assert rows_of(board_of(province_leader, province))["Xã Hòa Lạc"].statuses[eid.pk] == Status.BEHIND
    own = Target.objects.create(plan=scenario["plan"], unit=sibling, indicator=eid.indicator, indicator_text="e-ID",
                                year=2030, comparator=">=", value=Decimal(20), baseline_value=Decimal(10),
                                baseline_date=datetime.date(2025, 12, 31))
    assert rows_of(board_of(province_leader, province))["Xã Hòa Lạc"].statuses[eid.pk] == Status.MET  # its own 20 %
    # even a bulk update, which bypasses save(): 20 % against 40 → 90 % by 2030 is behind
    Target.objects.filter(pk=own.pk).update(value=Decimal(90), baseline_value=Decimal(40))
    assert rows_of(board_of(province_leader, province))["Xã Hòa Lạc"].statuses[eid.pk] == Status.BEHIND
    assert len(judged) == 3


def test_a_renamed_unit_below_is_seen_at_the_next_request(scenario, province_leader, judged):
    from giamsat.orgs.models import Unit

    province = scenario["units"]["province"]
    board_of(province_leader, province)
    Unit.objects.filter(pk=scenario["units"]["sibling"].pk).update(name="Xã Hòa Lạc Mới")
    assert "Xã Hòa Lạc Mới" in rows_of(board_of(province_leader, province))
    assert len(judged) == 2


def test_counting_submitted_reports_is_judged_afresh_each_time(scenario, province_leader, judged):
    province = scenario["units"]["province"]
    board_of(province_leader, province, include_submitted=True)
    board_of(province_leader, province, include_submitted=True)
    assert len(judged) == 2


def test_a_memo_of_size_zero_remembers_nothing(scenario, province_leader, judged, settings):
    settings.GIAMSAT_RANKING_MEMO_SIZE = 0
    board_of(province_leader, scenario["units"]["province"])
    board_of(province_leader, scenario["units"]["province"])
    assert len(judged) == 2


def test_task_reports_are_read_once_until_an_approval_changes_them(scenario, province_leader, monkeypatch):
    from giamsat.evaluation import task_board
    from giamsat.evaluation.rules import TaskState
    from giamsat.reporting.models import TaskUpdate

    calls = []
    real = task_board.selectors.task_reports
    monkeypatch.setattr(task_board.selectors, "task_reports", lambda *a, **k: calls.append(1) or real(*a, **k))
    province = scenario["units"]["province"]
    assert board_of(province_leader, province).tasks.counts[TaskState.OVERDUE] == 1
    assert board_of(province_leader, province).tasks.counts[TaskState.OVERDUE] == 1
    assert len(calls) == 1
    # the commune reports the overdue database task done in a newly approved June report
    june = report(scenario["units"]["third"], scenario["months"][(2026, 6)], {}, status="submitted")
    TaskUpdate.objects.create(submission=june, task=scenario["tasks"]["training"], status="done", progress=100,
                              completed_on=datetime.date(2026, 6, 10))
    rollup.submission_changed(decide(june, "approved").pk)
    tasks = board_of(province_leader, province).tasks
    assert len(calls) == 2
    assert tasks.counts[TaskState.DONE_LATE] == 1
    assert board_of(province_leader, province, include_submitted=True).tasks is not None
    assert len(calls) == 3  # counting submitted reports: read afresh


def test_the_units_own_tiles_are_judged_once_until_a_report_below_changes(scenario, province_leader, monkeypatch):
    from giamsat.evaluation import services

    calls = []
    real = services.judge
    monkeypatch.setattr(services, "judge", lambda *a, **k: calls.append(1) or real(*a, **k))
    province, eid = scenario["units"]["province"], scenario["catalog"]["eid"]
    first = board_of(province_leader, province)
    judged_once = len(calls)
    assert judged_once == len(first.tiles) == 4
    second = board_of(province_leader, province)
    assert len(calls) == judged_once
    assert [t.judged.status for t in second.tiles] == [t.judged.status for t in first.tiles]
    june = report(scenario["units"]["third"], scenario["months"][(2026, 6)], {eid: (500, 600)}, status="submitted")
    rollup.submission_changed(decide(june, "approved").pk)
    tile = next(t for t in board_of(province_leader, province).tiles if t.indicator.pk == eid.pk)
    assert len(calls) == 2 * judged_once
    assert tile.judged.coverage == 3  # Tân Lập's June report now counts
    assert tile.judged.latest.value == pytest.approx(1200 / 2100 * 100)


def test_the_order_of_the_units_tiles_does_not_make_its_children_judged_again(scenario, province_leader, judged):
    """The tiles come worst first: an approval that moves one of the unit's own targets
    to another status reorders them, and must not re-judge every child."""
    from giamsat.evaluation.tests.test_dashboard_service import TODAY

    province = scenario["units"]["province"]
    board = board_of(province_leader, province)
    assert len(board.tiles) > 1 and len(judged) == 1
    again = children.rows(province, board.tiles[::-1], board.period, today=TODAY, include_submitted=False,
                          indicator_id=board.children.indicator.pk)
    assert len(judged) == 1
    assert [(r.unit.name, r.statuses) for r in again.rows] == [(r.unit.name, r.statuses) for r in board.children.rows]


def test_a_dashboard_is_judged_with_rare_garbage_collections(scenario, province_leader, monkeypatch):
    """A full collection walks the memo too; while a dashboard is judged the young
    generation is collected rarely (giamsat.collector), and the thresholds come back."""
    import gc

    from giamsat import collector

    seen = []
    real = children.rows
    monkeypatch.setattr(children, "rows", lambda *a, **k: seen.append(gc.get_threshold()[0]) or real(*a, **k))
    before = gc.get_threshold()
    board_of(province_leader, scenario["units"]["province"])
    assert seen == [max(collector.YOUNG, before[0])]
    assert gc.get_threshold() == before


def test_the_units_own_tiles_are_remembered_within_their_own_bound(scenario, province_leader, monkeypatch, settings):
    """Tiles weigh more than a child's judgement: they have a bound of their own, and the
    least recently asked unit makes room."""
    from giamsat.evaluation import memo, services

    settings.GIAMSAT_TILES_MEMO_SIZE = 1
    calls = []
    real = services.judge
    monkeypatch.setattr(services, "judge", lambda *a, **k: calls.append(1) or real(*a, **k))
    province, commune = scenario["units"]["province"], scenario["units"]["commune"]
    board_of(province_leader, province)
    once = len(calls)
    board_of(province_leader, province)
    assert len(calls) == once  # remembered
    board_of(province_leader, commune)  # takes the only place
    assert len(memo._stores[memo.TILES].entries) == 1
    before = len(calls)
    board_of(province_leader, province)
    assert len(calls) == before + once  # judged again
