"""Reporting periods, each unit's submission for a period, and what it holds."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from giamsat.kpi.models import VALUE_DIGITS


class PeriodKind(models.TextChoices):
    MONTH = "month", _("Tháng")
    QUARTER = "quarter", _("Quý")
    HALF = "half", _("6 tháng")
    NINE = "nine", _("9 tháng")
    YEAR = "year", _("Năm")


class ReportingPeriod(models.Model):
    kind = models.CharField(_("loại kỳ"), max_length=8, choices=PeriodKind.choices)
    year = models.PositiveSmallIntegerField(_("năm"))
    number = models.PositiveSmallIntegerField(_("số thứ tự trong năm"), default=1)
    start = models.DateField(_("từ ngày"))
    end = models.DateField(_("đến ngày"))
    due = models.DateField(_("hạn nộp"))
    locked = models.BooleanField(_("đã khóa"), default=False)

    class Meta:
        verbose_name = _("kỳ báo cáo")
        verbose_name_plural = _("kỳ báo cáo")
        ordering = ["end", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "year", "number"], name="period_unique"),
            models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="period_order"),
        ]

    def __str__(self):
        return self.label

    @property
    def code(self) -> str:
        """202501, 2025Q1, 2025S1, 2025N1 or 2025 (see reporting.rules.period_code)."""
        from giamsat.reporting.rules import period_code

        return period_code(self.kind, self.year, self.number)

    @property
    def label(self) -> str:
        if self.kind == PeriodKind.MONTH:
            return _("Tháng {number}/{year}").format(number=self.number, year=self.year)
        if self.kind == PeriodKind.QUARTER:
            return _("Quý {number}/{year}").format(number=self.number, year=self.year)
        if self.kind == PeriodKind.HALF:
            return _("6 tháng đầu năm {year}").format(year=self.year)
        if self.kind == PeriodKind.NINE:
            return _("9 tháng năm {year}").format(year=self.year)
        return _("Năm {year}").format(year=self.year)


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", _("Đang soạn")
    SUBMITTED = "submitted", _("Đã gửi")
    APPROVED = "approved", _("Đã duyệt")
    RETURNED = "returned", _("Trả lại")


class Submission(models.Model):
    unit = models.ForeignKey("orgs.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="submissions")
    period = models.ForeignKey(ReportingPeriod, verbose_name=_("kỳ báo cáo"), on_delete=models.PROTECT, related_name="submissions")
    status = models.CharField(_("trạng thái"), max_length=16, choices=SubmissionStatus.choices, default=SubmissionStatus.DRAFT)
    results = models.TextField(_("kết quả đạt được"), blank=True)
    difficulties = models.TextField(_("khó khăn, vướng mắc"), blank=True)
    recommendations = models.TextField(_("kiến nghị, đề xuất"), blank=True)
    next_plans = models.TextField(_("nhiệm vụ kỳ tới"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    return_comment = models.TextField(_("lý do trả lại"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("báo cáo")
        verbose_name_plural = _("báo cáo")
        ordering = ["-period__end", "unit__path"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "period"], name="submission_unique"),
        ]
        indexes = [models.Index(fields=["period", "status"])]

    def __str__(self):
        return f"{self.unit} – {self.period}"


class Value(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="values")
    indicator = models.ForeignKey("kpi.Indicator", verbose_name=_("chỉ tiêu"), on_delete=models.PROTECT, related_name="values")
    value = models.DecimalField(_("giá trị"), null=True, blank=True, **VALUE_DIGITS)
    numerator = models.DecimalField(_("tử số"), null=True, blank=True, **VALUE_DIGITS)
    denominator = models.DecimalField(_("mẫu số"), null=True, blank=True, **VALUE_DIGITS)
    note = models.TextField(_("ghi chú"), blank=True)
    outlier_confirmed = models.BooleanField(_("đã xác nhận giá trị bất thường"), default=False)

    class Meta:
        verbose_name = _("số liệu")
        verbose_name_plural = _("số liệu")
        constraints = [
            models.UniqueConstraint(fields=["submission", "indicator"], name="value_unique"),
        ]
        indexes = [models.Index(fields=["indicator", "submission"])]

    def __str__(self):
        return f"{self.indicator_id}: {self.value}"


class TaskStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Chưa triển khai")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    DONE = "done", _("Hoàn thành")


class TaskUpdate(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="task_updates")
    task = models.ForeignKey("plans.Task", verbose_name=_("nhiệm vụ"), on_delete=models.PROTECT, related_name="updates")
    status = models.CharField(_("tình trạng"), max_length=16, choices=TaskStatus.choices, default=TaskStatus.NOT_STARTED)
    progress = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    completed_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    result = models.TextField(_("kết quả"), blank=True)
    evidence = models.FileField(_("minh chứng"), upload_to="evidence/%Y/", blank=True)

    class Meta:
        verbose_name = _("tiến độ nhiệm vụ")
        verbose_name_plural = _("tiến độ nhiệm vụ")
        constraints = [
            models.UniqueConstraint(fields=["submission", "task"], name="task_update_unique"),
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="task_progress_max"),
        ]

    def __str__(self):
        return f"{self.task_id}: {self.progress}%"


class Correction(models.Model):
    """A request that re-opened an approved or submitted report, with its reason."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="corrections")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    requested_at = models.DateTimeField(_("thời điểm"))
    from_status = models.CharField(_("trạng thái trước"), max_length=16, choices=SubmissionStatus.choices)
    reason = models.TextField(_("lý do"))

    class Meta:
        verbose_name = _("yêu cầu điều chỉnh")
        verbose_name_plural = _("yêu cầu điều chỉnh")
        ordering = ["-requested_at", "-id"]

    def __str__(self):
        return f"{self.submission} – {self.requested_at:%d/%m/%Y}"


class IdempotencyKey(models.Model):
    """The answer given to a bulk API request, so a retry with the same key stores nothing twice."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=200)
    fingerprint = models.CharField(max_length=64)
    status = models.PositiveSmallIntegerField()
    response = models.JSONField()
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("khóa chống gửi trùng")
        verbose_name_plural = _("khóa chống gửi trùng")
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="idempotency_key_unique"),
        ]

    def __str__(self):
        return self.key


class ReminderKind(models.TextChoices):
    DUE_SOON = "due_soon", _("Sắp đến hạn")
    LATE = "late", _("Quá hạn")


class Reminder(models.Model):
    """A reminder sent (or claimed for sending) for one unit and period."""

    unit = models.ForeignKey("orgs.Unit", on_delete=models.CASCADE, related_name="+")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=16, choices=ReminderKind.choices)
    sent_at = models.DateTimeField()
    recipients = models.JSONField(default=list)

    class Meta:
        verbose_name = _("nhắc hạn báo cáo")
        verbose_name_plural = _("nhắc hạn báo cáo")
        constraints = [
            models.UniqueConstraint(fields=["unit", "period", "kind"], name="reminder_unique"),
        ]

    def __str__(self):
        return f"{self.unit_id} {self.period} {self.kind}"
