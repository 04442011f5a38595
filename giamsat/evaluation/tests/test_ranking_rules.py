"""Ranking child units: ties share a rank, missing data come last, visibly unranked."""

from giamsat.evaluation.rules import Ranked, Status, count_statuses, rank, share_on_track


def test_competition_ranking_with_ties_and_missing_values():
    rows = rank([("a", 5.0), ("b", 7.0), ("c", 7.0), ("d", None), ("e", 3.0)])
    assert rows == [
        Ranked("b", 7.0, 1, True), Ranked("c", 7.0, 1, True), Ranked("a", 5.0, 3, False),
        Ranked("e", 3.0, 4, False), Ranked("d", None, None, False),
    ]


def test_lower_is_better_reverses_the_order():
    rows = rank([("a", 5.0), ("b", 2.0), ("c", None)], higher_is_better=False)
    assert [(r.key, r.rank) for r in rows] == [("b", 1), ("a", 2), ("c", None)]


def test_share_on_track_counts_missing_data_as_not_on_track_and_says_so():
    share = share_on_track([Status.MET, Status.ON_TRACK, Status.AT_RISK, Status.NO_DATA])
    assert (share.good, share.judged, share.missing, share.value) == (2, 3, 1, 50.0)
    assert share_on_track([Status.NO_DATA, Status.NO_DATA]).value is None
    assert share_on_track([]).value is None


def test_counts_by_status_list_every_status_worst_first():
    counts = count_statuses(["met", "met", "behind"])
    assert list(counts) == [Status.MISSED, Status.BEHIND, Status.AT_RISK, Status.NO_DATA, Status.ON_TRACK, Status.MET]
    assert counts[Status.MET] == 2 and counts[Status.BEHIND] == 1 and counts[Status.MISSED] == 0
