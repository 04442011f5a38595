"""Use cases on the indicator catalog: load the national indicators, create and edit one.

The catalog is shared by every unit, so reading it needs only a login. Writing is
narrower: any user who enters data somewhere may add an indicator (a reviewer maps a
new target to it), but changing an existing one is for superusers and the admins of a
root unit, since every plan that uses it changes meaning with it.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext as _

from giamsat.audit.services import changed, record, snapshot
from giamsat.errors import ConflictError, NotFoundError, PermissionDeniedError
from giamsat.kpi.errors import IndicatorError
from giamsat.kpi.models import Indicator, Resolution
from giamsat.kpi.national import read_national_targets
from giamsat.kpi.rules import classify, fold, national_code
from giamsat.orgs import access

RESOLUTION_57 = "57-NQ/TW"
RESOLUTION_57_TITLE = (
    "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, "
    "công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia"
)
EDITABLE_FIELDS = (
    "code", "name", "unit_of_measure", "value_type", "direction", "aggregation", "temporality",
    "weight_indicator", "category", "is_public", "tolerance", "outlier_factor",
)


# --- access -----------------------------------------------------------------

def may_add_indicator(user) -> bool:
    if user is None:
        return True  # the system itself (demo, migrations of data)
    return access.units_for(user, access.Action.EDIT).exists()


def may_change_catalog(user) -> bool:
    if user is None:
        return True
    return access.units_for(user, access.Action.CONFIGURE).filter(parent__isnull=True).exists()


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDeniedError(_("Bạn không có quyền sửa danh mục chỉ tiêu."))


# --- reading ------------------------------------------------------------------

def _require_login(user) -> None:
    if not getattr(user, "is_authenticated", False):
        raise PermissionDeniedError(_("Cần đăng nhập để xem danh mục chỉ tiêu."))


def search_indicators(
    user, *, q: str = "", category: str = "", value_type: str = "", resolution: str = ""
) -> QuerySet[Indicator]:
    """The catalog filtered by words of the name or code, group, value type, resolution."""
    _require_login(user)
    indicators = Indicator.objects.all()
    for word in q.split():
        indicators = indicators.filter(Q(name__icontains=word) | Q(code__icontains=word))
    if category:
        indicators = indicators.filter(category=category)
    if value_type:
        indicators = indicators.filter(value_type=value_type)
    if resolution:
        indicators = indicators.filter(resolutions__code=resolution)
    return indicators.prefetch_related("resolutions").distinct()


def categories() -> list[str]:
    return list(
        Indicator.objects.exclude(category="").order_by("category")
        .values_list("category", flat=True).distinct()
    )


def get_indicator(user, code: str) -> Indicator:
    _require_login(user)
    indicator = Indicator.objects.prefetch_related("resolutions").filter(code=code).first()
    if indicator is None:
        raise NotFoundError(_("Không có chỉ tiêu mã “{code}” trong danh mục.").format(code=code))
    return indicator


# --- writing ------------------------------------------------------------------

def _validate(indicator: Indicator, exclude: list[str] | None = None) -> None:
    try:
        indicator.full_clean(exclude=exclude, validate_unique=False)
    except ValidationError as exc:
        field, messages = next(iter(exc.message_dict.items()))
        raise IndicatorError(" ".join(messages), location=field) from None


@transaction.atomic
def ensure_resolution(code: str, title: str = "", *, actor=None, via: str = "system") -> Resolution:
    resolution = Resolution.objects.filter(code=code).first()
    if resolution is None:
        resolution = Resolution.objects.create(code=code, title=title)
        record(actor=actor, action="create", obj=resolution, after=snapshot(resolution), via=via)
    return resolution


@transaction.atomic
def create_indicator(*, actor, via: str = "web", resolutions=(), **fields) -> Indicator:
    _require(may_add_indicator(actor))
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise IndicatorError(_("Trường không sửa được: {names}").format(names=", ".join(sorted(unknown))))
    indicator = Indicator(**fields)
    _validate(indicator)
    if Indicator.objects.filter(code=indicator.code).exists():
        raise IndicatorError(
            _("Mã chỉ tiêu “{code}” đã có trong danh mục.").format(code=indicator.code), location="code"
        )
    try:
        with transaction.atomic():
            indicator.save()
    except IntegrityError:  # a concurrent create of the same code
        raise IndicatorError(
            _("Mã chỉ tiêu “{code}” đã có trong danh mục.").format(code=indicator.code), location="code"
        ) from None
    if resolutions:
        indicator.resolutions.set(resolutions)
    after = snapshot(indicator)
    after["resolutions"] = sorted(r.code for r in resolutions)
    record(actor=actor, action="create", obj=indicator, after=after, via=via)
    return indicator


@transaction.atomic
def update_indicator(indicator: Indicator, *, actor, version: int, via: str = "web", **fields) -> Indicator:
    """Change catalog fields; ``version`` is the one the user read (optimistic locking)."""
    _require(may_change_catalog(actor))
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise IndicatorError(_("Trường không sửa được: {names}").format(names=", ".join(sorted(unknown))))
    before = snapshot(indicator)
    for name, value in fields.items():
        setattr(indicator, name, value)
    _validate(indicator)
    if "code" in fields and Indicator.objects.filter(code=indicator.code).exclude(pk=indicator.pk).exists():
        raise IndicatorError(
            _("Mã chỉ tiêu “{code}” đã có trong danh mục.").format(code=indicator.code), location="code"
        )
    rows = Indicator.objects.filter(pk=indicator.pk, version=version).update(
        **fields, version=F("version") + 1
    )
    if rows != 1:
        raise ConflictError(
            _("Chỉ tiêu “{code}” vừa được người khác sửa. Hãy tải lại trang rồi sửa lại.").format(
                code=before["code"]
            )
        )
    indicator.refresh_from_db()
    before, after = changed(before, snapshot(indicator))
    record(actor=actor, action="update", obj=indicator, before=before, after=after, via=via)
    return indicator


@transaction.atomic
def load_national_catalog(actor=None, via: str = "system") -> dict[str, Indicator]:
    """Put the national indicators of 57-NQ/TW in the catalog; running it again changes nothing.

    One indicator per distinct measurable row of ``kpi/data/national-targets.csv``: a
    row repeating an earlier indicator for 2045 ("Quy mô kinh tế số") maps to the 2030
    row's indicator, and qualitative rows (no value) are left out. Existing indicators
    are never overwritten. Returns each quantitative row's code -> its indicator.
    """
    _require(may_change_catalog(actor))
    resolution = ensure_resolution(RESOLUTION_57, RESOLUTION_57_TITLE, actor=actor, via=via)
    rows = [r for r in read_national_targets() if r.is_quantitative]
    existing = {
        i.code: i
        for i in Indicator.objects.filter(code__in=[national_code(r.code) for r in rows])
        .prefetch_related("resolutions")
    }
    by_name: dict[tuple[str, str], Indicator] = {}
    result: dict[str, Indicator] = {}
    for row in rows:
        key = (fold(row.indicator), fold(row.unit))
        if key in by_name:
            result[row.code] = by_name[key]
            continue
        indicator = existing.get(national_code(row.code))
        if indicator is None:
            kind = classify(row.unit, row.indicator)
            indicator = create_indicator(
                actor=actor, via=via, resolutions=[resolution],
                code=national_code(row.code), name=row.indicator, unit_of_measure=row.unit,
                value_type=kind.value_type, direction=kind.direction,
                aggregation=kind.aggregation, temporality=kind.temporality,
                category=row.category, is_public=row.public,
            )
        elif resolution not in indicator.resolutions.all():
            indicator.resolutions.add(resolution)
            record(actor=actor, action="update", obj=indicator,
                   after={"resolutions": [RESOLUTION_57]}, via=via)
        by_name[key] = indicator
        result[row.code] = indicator
    return result
