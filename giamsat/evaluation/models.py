"""The roll-up cache: summed components of approved values per unit subtree, indicator
and period, kept exact at approval time (see giamsat.evaluation.rollup and
docs/decisions/0004-rollup-cache.md).

These tables hold nothing a user enters: they can be dropped and rebuilt from the
approved values at any time (``giamsat rollup --rebuild``). Their foreign keys carry no
database constraint (Django still cascades deletes): a cache needs no per-row check,
and a national rebuild writes some 300,000 cells.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

SUM_DIGITS = {"max_digits": 38, "decimal_places": 6}


class RollupCell(models.Model):
    """The approved values of every unit in ``unit``'s scope (its subtree and the units
    merged into it) for one indicator and period, as the components every aggregation
    rule is computed from (``giamsat.evaluation.rules.Components``)."""

    unit = models.ForeignKey("orgs.Unit", on_delete=models.CASCADE, related_name="+", db_index=False, db_constraint=False)
    indicator = models.ForeignKey("kpi.Indicator", on_delete=models.CASCADE, related_name="+", db_index=False, db_constraint=False)
    period = models.ForeignKey("reporting.ReportingPeriod", on_delete=models.CASCADE, related_name="+", db_index=False, db_constraint=False)
    n = models.IntegerField(default=0)
    total = models.DecimalField(default=0, **SUM_DIGITS)
    n_ratio = models.IntegerField(default=0)
    numerator = models.DecimalField(default=0, **SUM_DIGITS)
    denominator = models.DecimalField(default=0, **SUM_DIGITS)
    n_weighted = models.IntegerField(default=0)
    weight = models.DecimalField(default=0, **SUM_DIGITS)
    weighted_total = models.DecimalField(default=0, **SUM_DIGITS)
    minimum = models.DecimalField(null=True, **SUM_DIGITS)
    maximum = models.DecimalField(null=True, **SUM_DIGITS)

    class Meta:
        verbose_name = _("ô tổng hợp")
        verbose_name_plural = _("ô tổng hợp")
        constraints = [
            models.UniqueConstraint(fields=["unit", "indicator", "period"], name="rollup_cell_unique"),
        ]
        indexes = [models.Index(fields=["period", "unit"], name="rollup_cell_period_unit")]

    def __str__(self):
        return f"{self.unit_id}/{self.indicator_id}/{self.period_id}: {self.n}"


class RollupScope(models.Model):
    """``member``'s approved values count in ``aggregate``'s cells: the aggregate is an
    ancestor of the member (or of a unit that succeeded it), and has children."""

    aggregate = models.ForeignKey("orgs.Unit", on_delete=models.CASCADE, related_name="+", db_index=False, db_constraint=False)
    member = models.ForeignKey("orgs.Unit", on_delete=models.CASCADE, related_name="+", db_index=False, db_constraint=False)

    class Meta:
        verbose_name = _("phạm vi tổng hợp")
        verbose_name_plural = _("phạm vi tổng hợp")
        constraints = [
            models.UniqueConstraint(fields=["member", "aggregate"], name="rollup_scope_unique"),
        ]
        indexes = [models.Index(fields=["aggregate"], name="rollup_scope_aggregate")]

    def __str__(self):
        return f"{self.member_id} → {self.aggregate_id}"


class RollupSource(models.Model):
    """A submission whose values the cells count, at the version it was counted: what
    the cells hold is defined by these rows (see giamsat.evaluation.cache)."""

    submission_id = models.BigIntegerField(primary_key=True)
    unit_id = models.BigIntegerField()
    period_id = models.BigIntegerField()
    version = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("báo cáo đã tổng hợp")
        verbose_name_plural = _("báo cáo đã tổng hợp")
        indexes = [models.Index(fields=["period_id"], name="rollup_source_period")]

    def __str__(self):
        return f"{self.submission_id} v{self.version}"


class RollupState(models.Model):
    """One row, locked by every cache writer: the fingerprint of the unit tree (and of
    the weight indicators) the scopes and cells were computed for."""

    fingerprint = models.CharField(max_length=64, blank=True)
    weights = models.JSONField(default=dict)  # indicator id -> its weight indicator's id
    built_at = models.DateTimeField(null=True)
    checked_at = models.DateTimeField(null=True)  # the last check of every period's approvals
    # goes up with every change of the cells (in the writer's transaction): what was
    # judged from the roll-ups at one generation holds until the next (evaluation.memo)
    generation = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("trạng thái bộ tổng hợp")
        verbose_name_plural = _("trạng thái bộ tổng hợp")

    def __str__(self):
        return self.fingerprint


class RollupStamp(models.Model):
    """The roll-up cache's generation when ``unit``'s own reports last changed what the
    cells count: a unit's data have not changed while no unit of its scope has a newer
    stamp (what ``evaluation.memo`` relies on to re-judge only what changed)."""

    unit_id = models.BigIntegerField(primary_key=True)
    generation = models.BigIntegerField()

    class Meta:
        verbose_name = _("dấu thay đổi tổng hợp")
        verbose_name_plural = _("dấu thay đổi tổng hợp")

    def __str__(self):
        return f"{self.unit_id}@{self.generation}"
