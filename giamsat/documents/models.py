"""An import of a plan from its document, from upload to confirmation.

A :class:`PlanImport` holds the uploaded file, the text read from it, and the draft:
the parser's result as the reviewer edits it, with the catalog indicators and the
units proposed for it. Nothing is written to the catalog, the unit tree or the plans
before confirmation; confirming creates the plan and deletes the import, cancelling
deletes the import and its file.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("Chờ đọc văn bản")
    READING = "reading", _("Đang đọc văn bản")
    REVIEW = "review", _("Chờ rà soát")
    FAILED = "failed", _("Không đọc được")


class DuplicateChoice(models.TextChoices):
    UNDECIDED = "", _("Chưa chọn")
    REPLACE = "replace", _("Thay thế kế hoạch đã có")
    KEEP = "keep", _("Giữ kế hoạch đã có, bỏ lần nhập này")


class PlanImport(models.Model):
    file = models.FileField(_("tệp văn bản"), upload_to="imports/%Y/%m/")
    file_name = models.CharField(_("tên tệp"), max_length=255)
    issuing_unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("đơn vị ban hành"), on_delete=models.PROTECT, related_name="+",
    )
    implements = models.ManyToManyField(
        "plans.Plan", verbose_name=_("thực hiện văn bản"), blank=True, related_name="+",
    )
    status = models.CharField(_("trạng thái"), max_length=16, choices=ImportStatus.choices, default=ImportStatus.QUEUED)
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    error = models.TextField(_("lỗi"), blank=True)
    source_text = models.TextField(_("nội dung trích xuất"), blank=True)
    content_hash = models.CharField(max_length=64, blank=True, db_index=True)
    draft = models.JSONField(_("bản nháp"), null=True, blank=True)
    duplicate_of = models.ForeignKey(
        "plans.Plan", verbose_name=_("trùng với kế hoạch"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    on_duplicate = models.CharField(
        _("xử lý văn bản trùng"), max_length=8, choices=DuplicateChoice.choices, default="", blank=True,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người nhập"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("lần nhập kế hoạch")
        verbose_name_plural = _("các lần nhập kế hoạch")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.file_name

    @property
    def progress_percent(self) -> int:
        if not self.progress_total:
            return 0
        return min(100, round(100 * self.progress_done / self.progress_total))
