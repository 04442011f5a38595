"""Shared actors for service, view and API tests.

A small tree: the nation, one province with two communes (siblings), and the
people the house style names: a commune officer, a province leader, an officer
of the sibling commune; plus a commune leader and a viewer.
"""

import pytest

from giamsat.orgs import services as org_services
from giamsat.orgs.models import Level, Membership, Role, UnitKind

PASSWORD = "mat-khau-thu-nghiem-2025"  # noqa: S105 - test fixture


@pytest.fixture
def units(db):
    nation = org_services.create_unit(code="VN", name="Trung ương", level=Level.NATIONAL, kind=UnitKind.STEERING_COMMITTEE)
    province = org_services.create_unit(code="T01", name="Tỉnh Thử Nghiệm", level=Level.PROVINCE, kind=UnitKind.PARTY_COMMITTEE, parent=nation)
    commune = org_services.create_unit(code="X01", name="Xã An Bình", level=Level.COMMUNE, kind=UnitKind.PARTY_COMMITTEE, parent=province)
    sibling = org_services.create_unit(code="X02", name="Xã Hòa Lạc", level=Level.COMMUNE, kind=UnitKind.PARTY_COMMITTEE, parent=province)
    return {"nation": nation, "province": province, "commune": commune, "sibling": sibling}


def _user(django_user_model, username, unit, role):
    user = django_user_model.objects.create_user(username=username, password=PASSWORD)
    Membership.objects.create(user=user, unit=unit, role=role)
    return user


@pytest.fixture
def commune_officer(django_user_model, units):
    return _user(django_user_model, "cv_xa", units["commune"], Role.OFFICER)


@pytest.fixture
def commune_leader(django_user_model, units):
    return _user(django_user_model, "ld_xa", units["commune"], Role.LEADER)


@pytest.fixture
def sibling_officer(django_user_model, units):
    return _user(django_user_model, "cv_xa_ben", units["sibling"], Role.OFFICER)


@pytest.fixture
def province_leader(django_user_model, units):
    return _user(django_user_model, "ld_tinh", units["province"], Role.LEADER)


@pytest.fixture
def province_admin(django_user_model, units):
    return _user(django_user_model, "qt_tinh", units["province"], Role.ADMIN)


@pytest.fixture
def province_viewer(django_user_model, units):
    return _user(django_user_model, "xem_tinh", units["province"], Role.VIEWER)
