"""``giamsat simulate`` on a small slice: the real units, the catalog, the reports, the cache."""

from io import StringIO

import pytest
from django.core.management import call_command

from giamsat.errors import GiamsatError
from giamsat.evaluation import rollup
from giamsat.evaluation.simulation.catalog import catalog
from giamsat.evaluation.tests.conftest import assert_same_rollups
from giamsat.kpi.models import Indicator, Target
from giamsat.orgs.models import Level, Unit
from giamsat.plans.models import Plan
from giamsat.reporting.models import Submission, TaskUpdate, Value


def test_catalog_has_about_150_distinct_indicators_of_every_aggregation():
    specs = catalog()
    assert 140 <= len(specs) <= 160
    assert len({s.code for s in specs}) == len(specs) and len({s.name for s in specs}) == len(specs)
    assert {s.aggregation for s in specs} == {"ratio", "sum", "weighted_mean", "min", "max", "none"}
    assert {s.temporality for s in specs} == {"stock", "flow"}


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_simulate_one_province_for_three_months():
    out = StringIO()
    call_command("simulate", province="11", scale=0.1, months=3, workers=1, stdout=out)  # Điện Biên
    province = Unit.objects.get(level=Level.PROVINCE, admin_code="11")
    communes = Unit.objects.filter(parent=province, level=Level.COMMUNE).count()
    reporting = -(-communes // 10)  # a tenth, rounded up
    commune_reports = Submission.objects.filter(unit__level=Level.COMMUNE)
    assert reporting * 3 - 3 <= commune_reports.count() <= reporting * 3
    assert Value.objects.count() == commune_reports.count() * len(catalog())
    assert Indicator.objects.filter(code__startswith="TL-").count() == 30
    assert Plan.objects.filter(number__startswith="MP-57").count() == 2  # the nation's and the province's
    assert Target.objects.filter(unit=province, baseline_value__isnull=False).exists()
    assert TaskUpdate.objects.exists()
    assert "tw_lanhdao" in out.getvalue()
    ids = list(Indicator.objects.values_list("pk", flat=True))
    nation = province.parent
    assert_same_rollups(rollup.components([nation, province], ids), rollup.direct_components([nation, province], ids))
    with pytest.raises(GiamsatError, match="Cơ sở dữ liệu đã có báo cáo"):
        call_command("simulate", province="11", months=1, stdout=StringIO())


@pytest.mark.django_db
@pytest.mark.parametrize(("options", "message"), [
    ({"scale": 0}, "--scale phải lớn hơn 0 và không quá 1."),
    ({"scale": 1.5}, "--scale phải lớn hơn 0 và không quá 1."),
    ({"months": 0}, "--months phải từ 1 đến 240."),
])
def test_simulate_refuses_bad_options(options, message):
    with pytest.raises(GiamsatError) as error:
        call_command("simulate", stdout=StringIO(), **options)
    assert error.value.message == message
