"""Plans, the cascade between them, and the tasks they assign."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PlanKind(models.TextChoices):
    PLAN = "plan", _("Kế hoạch")
    PROGRAMME = "programme", _("Chương trình hành động")
    RESOLUTION = "resolution", _("Nghị quyết")
    DECISION = "decision", _("Quyết định")
    OTHER = "other", _("Khác")


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Bản nháp")
    CONFIRMED = "confirmed", _("Đã xác nhận")


class Cadence(models.TextChoices):
    MONTHLY = "month", _("Hằng tháng")
    QUARTERLY = "quarter", _("Hằng quý")
    HALF_YEARLY = "half", _("6 tháng")
    NINE_MONTHLY = "nine", _("9 tháng")
    YEARLY = "year", _("Hằng năm")


class Plan(models.Model):
    number = models.CharField(_("số hiệu"), max_length=100, blank=True)
    title = models.CharField(_("trích yếu"), max_length=1000)
    kind = models.CharField(_("loại văn bản"), max_length=16, choices=PlanKind.choices, default=PlanKind.PLAN)
    issuing_unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("đơn vị ban hành"), on_delete=models.PROTECT, related_name="plans",
    )
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    place = models.CharField(_("địa danh"), max_length=200, blank=True)
    implements = models.ManyToManyField(
        "self", verbose_name=_("thực hiện văn bản"), symmetrical=False, blank=True,
        related_name="implemented_by",
    )
    source_file = models.FileField(_("tệp văn bản"), upload_to="plans/%Y/", blank=True)
    source_text = models.TextField(_("nội dung trích xuất"), blank=True)
    content_hash = models.CharField(max_length=64, blank=True, db_index=True)
    parse_result = models.JSONField(_("kết quả đọc văn bản"), null=True, blank=True)
    status = models.CharField(_("trạng thái"), max_length=16, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    cadences = models.JSONField(_("kỳ báo cáo"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")
        ordering = ["-issued_on", "number"]

    def __str__(self):
        return f"{self.number} {self.title}".strip()


class Recurrence(models.TextChoices):
    NONE = "", _("Không lặp lại")
    CONTINUOUS = "continuous", _("Thường xuyên")
    MONTHLY = "month", _("Hằng tháng")
    QUARTERLY = "quarter", _("Hằng quý")
    YEARLY = "year", _("Hằng năm")


class Task(models.Model):
    plan = models.ForeignKey(Plan, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="tasks")
    section = models.CharField(_("mục"), max_length=50, blank=True)
    title = models.TextField(_("nhiệm vụ"))
    lead_unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("đơn vị chủ trì"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="led_tasks",
    )
    lead_text = models.CharField(_("chủ trì (theo văn bản)"), max_length=500, blank=True)
    coordinating_units = models.ManyToManyField(
        "orgs.Unit", verbose_name=_("đơn vị phối hợp"), blank=True, related_name="coordinated_tasks",
    )
    coordinating_text = models.CharField(_("phối hợp (theo văn bản)"), max_length=1000, blank=True)
    deadline = models.DateField(_("thời hạn"), null=True, blank=True)
    recurrence = models.CharField(_("lặp lại"), max_length=16, choices=Recurrence.choices, default=Recurrence.NONE, blank=True)
    product = models.CharField(_("sản phẩm"), max_length=500, blank=True)
    source_line = models.PositiveIntegerField(_("dòng"), null=True, blank=True)
    source_text = models.TextField(_("trích văn bản"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        ordering = ["plan", "section", "id"]

    def __str__(self):
        return self.title[:80]


class PlanUnit(models.Model):
    """A body the plan's implementation section names, with the duties it gives it.

    ``name`` is as the document writes it; ``unit`` is the unit it was matched to, if any.
    """

    plan = models.ForeignKey(Plan, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="assigned_units")
    name = models.CharField(_("đơn vị (theo văn bản)"), max_length=500)
    unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("đơn vị"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="plan_assignments",
    )
    duties = models.JSONField(_("nhiệm vụ được giao"), default=list, blank=True)
    source_line = models.PositiveIntegerField(_("dòng"), null=True, blank=True)

    class Meta:
        verbose_name = _("đơn vị thực hiện")
        verbose_name_plural = _("đơn vị thực hiện")
        ordering = ["plan", "source_line", "id"]

    def __str__(self):
        return self.name
