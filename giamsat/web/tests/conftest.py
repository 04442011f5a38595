from giamsat.plans.tests.conftest import commune_plan, province_plan, sibling_plan  # noqa: F401
