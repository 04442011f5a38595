"""Two officers save the same report at once: one wins, the other is told, nothing is lost."""

import threading

import pytest
from django.db import connection

from giamsat.audit.models import AuditEvent
from giamsat.conftest import PASSWORD
from giamsat.orgs.models import Membership, Role
from giamsat.reporting import services
from giamsat.reporting.errors import VersionConflictError
from giamsat.reporting.models import Submission
from giamsat.reporting.services import RawEntry


@pytest.fixture
def second_officer(django_user_model, units):
    user = django_user_model.objects.create_user(username="cv_xa_2", password=PASSWORD, first_name="Lan")
    Membership.objects.create(user=user, unit=units["commune"], role=Role.OFFICER)
    return user


def _value(code):
    return Submission.objects.get().values.get(indicator__code=code).value


def test_a_save_from_a_stale_form_is_refused_with_a_clear_message(commune_officer, second_officer, units, q2):
    opened = services.save_report(commune_officer, units["commune"], q2, entries=[RawEntry("KH-02", value="10")]).submission.version
    # both officers open the form at version `opened`; the first one saves
    services.save_report(commune_officer, units["commune"], q2, entries=[RawEntry("KH-02", value="11")], expected_version=opened)
    with pytest.raises(VersionConflictError) as exc:
        services.save_report(second_officer, units["commune"], q2, entries=[RawEntry("KH-02", value="12"), RawEntry("CQ-03", value="70")], expected_version=opened)
    assert exc.value.status == 409
    assert exc.value.message.startswith("Báo cáo vừa được cv_xa lưu lúc ")
    assert exc.value.message.endswith(
        ", sau khi bạn mở. Số liệu của bạn chưa được lưu và vẫn còn trên màn hình: hãy xem bản mới nhất rồi nhập lại phần của bạn.")
    assert _value("KH-02") == 11  # the first save is kept, not silently overwritten
    assert not Submission.objects.get().values.filter(indicator__code="CQ-03").exists()  # nothing of the second was half-stored


def test_an_explicit_overwrite_saves_over_a_newer_version_and_the_audit_says_so(commune_officer, second_officer, units, q2):
    opened = services.save_report(commune_officer, units["commune"], q2, entries=[RawEntry("KH-02", value="10")]).submission.version
    services.save_report(commune_officer, units["commune"], q2, entries=[RawEntry("KH-02", value="11")], expected_version=opened)
    result = services.save_report(second_officer, units["commune"], q2, entries=[RawEntry("KH-02", value="12")],
                                  expected_version=opened, overwrite=True)
    assert (result.submission.version, _value("KH-02")) == (opened + 2, 12)
    event = AuditEvent.objects.filter(object_type="reporting.submission").first()
    assert (event.actor, event.before["version"], event.after["version"]) == (second_officer, opened + 1, opened + 2)
    assert event.before["values"]["KH-02"]["value"] == "11"
    assert event.reason == f"Ghi đè phiên bản {opened + 1}; dữ liệu gửi lên được lập từ phiên bản {opened}."


def test_an_overwrite_that_finds_the_expected_version_is_an_ordinary_save(commune_officer, units, q2):
    opened = services.save_report(commune_officer, units["commune"], q2, entries=[RawEntry("KH-02", value="10")]).submission.version
    services.save_report(commune_officer, units["commune"], q2, entries=[RawEntry("KH-02", value="11")], expected_version=opened, overwrite=True)
    event = AuditEvent.objects.filter(object_type="reporting.submission").first()
    assert (event.reason, "version" in event.before) == ("", False)


def test_two_first_saves_of_a_new_report_do_not_both_create_it(commune_officer, second_officer, units, q2):
    services.save_report(commune_officer, units["commune"], q2, entries=[RawEntry("KH-02", value="10")], expected_version=0)
    with pytest.raises(VersionConflictError):
        services.save_report(second_officer, units["commune"], q2, entries=[RawEntry("KH-02", value="20")], expected_version=0)
    assert _value("KH-02") == 10


@pytest.mark.skipif(connection.vendor == "sqlite", reason=(
    "the tests' in-memory SQLite shares one cache between threads and fails a locked table at once "
    "instead of waiting; the server's file database waits (busy timeout), see bench/submit.py"))
@pytest.mark.django_db(transaction=True)
def test_two_officers_saving_at_the_same_moment(commune_officer, second_officer, units, q2):
    version = services.save_report(commune_officer, units["commune"], q2, entries=[RawEntry("KH-02", value="10")]).submission.version
    start = threading.Barrier(2)
    outcome = {}

    def save(user, value):
        try:
            start.wait()
            services.save_report(user, units["commune"], q2, entries=[RawEntry("KH-02", value=value)], expected_version=version)
            outcome[user.username] = "saved"
        except VersionConflictError:
            outcome[user.username] = "conflict"
        finally:
            connection.close()  # this thread's own connection

    threads = [threading.Thread(target=save, args=(commune_officer, "11")), threading.Thread(target=save, args=(second_officer, "22"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcome.values()) == ["conflict", "saved"]
    winner = next(name for name, result in outcome.items() if result == "saved")
    assert _value("KH-02") == {"cv_xa": 11, "cv_xa_2": 22}[winner]
    assert Submission.objects.get().version == version + 1
