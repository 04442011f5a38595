"""The bulk API collects garbage less often while a batch runs, and puts the thresholds back."""

import gc
import threading

import pytest

from giamsat import collector


@pytest.fixture
def thresholds():
    saved = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*saved)


def test_a_batch_raises_the_young_threshold_and_restores_it(thresholds):
    with collector.rare_collections():
        assert gc.get_threshold() == (collector.YOUNG, 10, 10)
    assert gc.get_threshold() == (700, 10, 10)


def test_the_thresholds_come_back_when_the_batch_fails(thresholds):
    with pytest.raises(ZeroDivisionError), collector.rare_collections():
        1 / 0  # noqa: B018
    assert gc.get_threshold() == (700, 10, 10)


def test_overlapping_batches_restore_once_the_last_one_ends(thresholds):
    first_in, second_done, first_may_leave = threading.Event(), threading.Event(), threading.Event()
    seen = {}

    def first():
        with collector.rare_collections():
            first_in.set()
            first_may_leave.wait(5)
            seen["first_leaving"] = gc.get_threshold()

    def second():
        first_in.wait(5)
        with collector.rare_collections():
            pass
        seen["second_done"] = gc.get_threshold()  # the first batch still runs
        second_done.set()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    second_done.wait(5)
    first_may_leave.set()
    for t in threads:
        t.join(5)
    assert seen == {"second_done": (collector.YOUNG, 10, 10), "first_leaving": (collector.YOUNG, 10, 10)}
    assert gc.get_threshold() == (700, 10, 10)
