"""A change through the admin leaves an AuditEvent with actor, before and after."""

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from giamsat.audit.models import AuditEvent
from giamsat.audit.tests.admin_forms import change_form_data
from giamsat.conftest import PASSWORD
from giamsat.kpi.models import Indicator, Resolution
from giamsat.orgs.models import Membership, Unit


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser(username="quantri")


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


def _post_change(client, url, **changes):
    page = client.get(url)
    assert page.status_code == 200
    data = change_form_data(page)
    data.update(changes)
    return client.post(url, data)


def test_renaming_a_unit_in_the_admin_is_audited(admin_client, superuser, units):
    unit = units["commune"]
    response = _post_change(admin_client, f"/admin/orgs/unit/{unit.pk}/change/", name="Xã An Bình Mới")
    assert response.status_code == 302
    event = AuditEvent.objects.get(object_type="orgs.unit", object_id=str(unit.pk), action="update")
    assert event.actor == superuser
    assert event.via == "admin"
    assert event.before == {"name": "Xã An Bình", "version": 1}
    assert event.after == {"name": "Xã An Bình Mới", "version": 2}
    assert Unit.objects.get(pk=unit.pk).name == "Xã An Bình Mới"


def test_moving_a_unit_in_the_admin_moves_its_subtree(admin_client, units):
    commune = units["commune"]
    response = _post_change(admin_client, f"/admin/orgs/unit/{commune.pk}/change/", parent=str(units["nation"].pk))
    assert response.status_code == 302
    commune.refresh_from_db()
    assert commune.path == units["nation"].path + f"{commune.pk:010d}."
    assert commune.depth == 1


def test_moving_a_unit_under_itself_in_the_admin_is_a_form_error(admin_client, units):
    province = units["province"]
    response = _post_change(admin_client, f"/admin/orgs/unit/{province.pk}/change/", parent=str(units["commune"].pk))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["parent"] == [
        "Không thể chuyển “Tỉnh Thử Nghiệm” vào “Xã An Bình”: đơn vị cấp trên mới nằm trong chính đơn vị này."
    ]
    assert not AuditEvent.objects.filter(via="admin").exists()


def test_successors_set_in_the_admin_are_audited(admin_client, superuser, units):
    sibling = units["sibling"]
    response = _post_change(admin_client, f"/admin/orgs/unit/{sibling.pk}/change/",
                            successors=[str(units["commune"].pk)], valid_to="2025-06-30")
    assert response.status_code == 302
    succession = AuditEvent.objects.get(action="succession", object_id=str(sibling.pk))
    assert succession.actor == superuser
    assert succession.after == {"successors": [units["commune"].pk]}
    update = AuditEvent.objects.get(action="update", object_id=str(sibling.pk))
    assert update.after == {"valid_to": "2025-06-30", "version": 2}


def test_adding_a_member_through_the_unit_page_is_audited(admin_client, superuser, units):
    member = User.objects.create_user(username="cv_moi")
    unit = units["commune"]
    url = f"/admin/orgs/unit/{unit.pk}/change/"
    data = change_form_data(admin_client.get(url))
    data.update({"memberships-TOTAL_FORMS": "1", "memberships-0-user": str(member.pk),
                 "memberships-0-role": "officer", "memberships-0-unit": str(unit.pk)})
    assert admin_client.post(url, data).status_code == 302
    membership = Membership.objects.get(user=member)
    event = AuditEvent.objects.get(object_type="orgs.membership", action="create")
    assert event.actor == superuser
    assert event.object_id == str(membership.pk)
    assert event.after == {"id": membership.pk, "user": member.pk, "unit": unit.pk, "role": "officer"}


def test_changing_an_indicator_in_the_admin_is_audited(admin_client, superuser):
    indicator = Indicator.objects.create(code="DVC-TT", name="Tỷ lệ dịch vụ công trực tuyến")
    resolution = Resolution.objects.create(code="57-NQ/TW")
    response = _post_change(admin_client, f"/admin/kpi/indicator/{indicator.pk}/change/",
                            name="Tỷ lệ dịch vụ công trực tuyến toàn trình", resolutions=[str(resolution.pk)])
    assert response.status_code == 302
    event = AuditEvent.objects.get(object_type="kpi.indicator", action="update")
    assert event.actor == superuser
    assert event.before == {"name": "Tỷ lệ dịch vụ công trực tuyến", "resolutions": []}
    assert event.after == {"name": "Tỷ lệ dịch vụ công trực tuyến toàn trình", "resolutions": [resolution.pk]}


def test_saving_an_unchanged_form_records_nothing(admin_client):
    indicator = Indicator.objects.create(code="DVC-TT", name="Tỷ lệ dịch vụ công trực tuyến")
    assert _post_change(admin_client, f"/admin/kpi/indicator/{indicator.pk}/change/").status_code == 302
    assert not AuditEvent.objects.exists()


def test_deleting_in_the_admin_is_audited_with_what_was_deleted(admin_client, superuser, commune_officer):
    membership = Membership.objects.get(user=commune_officer)
    response = admin_client.post(f"/admin/orgs/membership/{membership.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    event = AuditEvent.objects.get(action="delete")
    assert event.actor == superuser
    assert event.before == {"id": membership.pk, "user": commune_officer.pk, "unit": membership.unit_id, "role": "officer"}
    assert event.object_repr == "cv_xa – Chuyên viên – Xã An Bình"
    assert not Membership.objects.filter(user=commune_officer).exists()


def test_a_user_change_is_audited_without_the_password_hash(admin_client, superuser):
    # the admin's form keeps whole seconds: start there, so only is_staff changes
    joined = timezone.now().replace(microsecond=0)
    user = User.objects.create_user(username="ld_tinh", password=PASSWORD, date_joined=joined)
    response = _post_change(admin_client, f"/admin/auth/user/{user.pk}/change/", is_staff="on")
    assert response.status_code == 302
    event = AuditEvent.objects.get(object_type="auth.user", action="update")
    assert event.before == {"is_staff": False}
    assert event.after == {"is_staff": True}
    assert user.password not in str(AuditEvent.objects.values_list("before", "after"))


def test_a_password_reset_in_the_admin_is_audited(admin_client, superuser):
    user = User.objects.create_user(username="ld_tinh", password=PASSWORD)
    response = admin_client.post(f"/admin/auth/user/{user.pk}/password/", {
        "password1": "mat-khau-moi-that-dai-2025", "password2": "mat-khau-moi-that-dai-2025",
        "usable_password": "true",
    })
    assert response.status_code == 302
    event = AuditEvent.objects.get(action="password")
    assert (event.actor, event.object_id) == (superuser, str(user.pk))
