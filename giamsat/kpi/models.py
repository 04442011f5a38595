"""The indicator catalog (chỉ tiêu / KPI) and the targets plans set on them."""

from django.db import models
from django.utils.translation import gettext_lazy as _

VALUE_DIGITS = {"max_digits": 24, "decimal_places": 6}


class ValueType(models.TextChoices):
    PERCENT = "percent", _("Tỷ lệ %")
    COUNT = "count", _("Số lượng")
    RATIO = "ratio", _("Tỷ số")
    INDEX = "index", _("Chỉ số")
    MONEY = "money", _("Tiền")
    RANK = "rank", _("Thứ hạng")
    OTHER = "other", _("Khác")


class Direction(models.TextChoices):
    HIGHER = "higher", _("Càng cao càng tốt")
    LOWER = "lower", _("Càng thấp càng tốt")


class Aggregation(models.TextChoices):
    SUM = "sum", _("Cộng")
    RATIO = "ratio", _("Tử số cộng / mẫu số cộng")
    WEIGHTED_MEAN = "weighted_mean", _("Bình quân gia quyền")
    MIN = "min", _("Nhỏ nhất")
    MAX = "max", _("Lớn nhất")
    NONE = "none", _("Không cộng dồn")


class Temporality(models.TextChoices):
    STOCK = "stock", _("Số tại thời điểm báo cáo")
    FLOW = "flow", _("Số phát sinh trong kỳ")


class Comparator(models.TextChoices):
    GTE = ">=", "≥"
    GT = ">", ">"
    LTE = "<=", "≤"
    LT = "<", "<"
    EQ = "=", "="
    APPROX = "~", "≈"
    BETWEEN = "between", _("trong khoảng")


class Resolution(models.Model):
    """A resolution the catalog serves: 57-NQ/TW, and also 59, 66, 68, 70, 71, 72."""

    code = models.CharField(_("số hiệu"), max_length=64, unique=True)
    title = models.CharField(_("trích yếu"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("nghị quyết")
        verbose_name_plural = _("nghị quyết")
        ordering = ["code"]

    def __str__(self):
        return self.code


class Indicator(models.Model):
    code = models.CharField(_("mã"), max_length=64, unique=True)
    name = models.CharField(_("tên chỉ tiêu"), max_length=500)
    unit_of_measure = models.CharField(_("đơn vị tính"), max_length=64, blank=True)
    value_type = models.CharField(_("kiểu giá trị"), max_length=16, choices=ValueType.choices, default=ValueType.PERCENT)
    direction = models.CharField(_("chiều"), max_length=8, choices=Direction.choices, default=Direction.HIGHER)
    aggregation = models.CharField(_("cách tổng hợp"), max_length=16, choices=Aggregation.choices, default=Aggregation.RATIO)
    temporality = models.CharField(_("loại số liệu"), max_length=8, choices=Temporality.choices, default=Temporality.STOCK)
    weight_indicator = models.ForeignKey(
        "self", verbose_name=_("chỉ tiêu trọng số"), null=True, blank=True, on_delete=models.SET_NULL,
        help_text=_("Với bình quân gia quyền: chỉ tiêu dùng làm trọng số (ví dụ dân số)."),
    )
    category = models.CharField(_("nhóm"), max_length=100, blank=True)
    is_public = models.BooleanField(_("công khai"), default=False)
    tolerance = models.DecimalField(
        _("ngưỡng có nguy cơ (%)"), max_digits=6, decimal_places=2, default=10,
        help_text=_("Thấp hơn lộ trình trong ngưỡng này là 'có nguy cơ', quá ngưỡng là 'chậm tiến độ'."),
    )
    outlier_factor = models.DecimalField(
        _("hệ số bất thường"), max_digits=6, decimal_places=2, default=3,
        help_text=_("Giá trị thay đổi quá hệ số này so với kỳ trước thì cần xác nhận."),
    )
    resolutions = models.ManyToManyField(Resolution, verbose_name=_("nghị quyết"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("chỉ tiêu trong danh mục")
        verbose_name_plural = _("danh mục chỉ tiêu")
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} – {self.name}"


class Target(models.Model):
    """A numeric target a plan sets: 'tỷ lệ DVC trực tuyến ≥ 80 % đến năm 2030'."""

    plan = models.ForeignKey("plans.Plan", verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="targets")
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("chỉ tiêu trong danh mục"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="targets",
    )
    unit = models.ForeignKey("orgs.Unit", verbose_name=_("đơn vị áp dụng"), on_delete=models.PROTECT, related_name="targets")
    indicator_text = models.CharField(_("chỉ tiêu theo văn bản"), max_length=1000)
    category = models.CharField(_("nhóm"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(_("mốc năm"), null=True, blank=True)
    comparator = models.CharField(_("so sánh"), max_length=8, choices=Comparator.choices, default=Comparator.GTE)
    value = models.DecimalField(_("giá trị"), **VALUE_DIGITS)
    value_max = models.DecimalField(_("giá trị tối đa"), null=True, blank=True, **VALUE_DIGITS)
    unit_text = models.CharField(_("đơn vị tính"), max_length=64, blank=True)
    per_year = models.BooleanField(_("mỗi năm"), default=False)
    baseline_value = models.DecimalField(_("giá trị cơ sở"), null=True, blank=True, **VALUE_DIGITS)
    baseline_date = models.DateField(_("ngày giá trị cơ sở"), null=True, blank=True)
    source_line = models.PositiveIntegerField(_("dòng"), null=True, blank=True)
    source_text = models.TextField(_("trích văn bản"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("chỉ tiêu của kế hoạch")
        verbose_name_plural = _("chỉ tiêu của kế hoạch")
        ordering = ["plan", "year", "id"]
        indexes = [models.Index(fields=["indicator", "unit", "year"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(comparator="between") | models.Q(value_max__isnull=False),
                name="target_between_has_max",
            ),
        ]

    def __str__(self):
        return f"{self.indicator_text} {self.get_comparator_display()} {self.value} {self.unit_text} ({self.year})"
