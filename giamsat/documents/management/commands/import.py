"""``giamsat import FILE --unit CODE --implements NUMBER``: import a plan without the review page.

The document is read once and confirmed as the parser and the matchers propose it:
targets keep the preselected catalog indicators, bodies are linked to the units they
match. Without a reviewer, nothing new is added to the catalog, and new units are
created only with ``--create-units``. A document already imported (same text) needs
``--replace`` or ``--keep``.
"""

from pathlib import Path

from django.core.files import File
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from giamsat.documents import services
from giamsat.documents.errors import PlanImportError
from giamsat.documents.models import ImportStatus
from giamsat.orgs.models import Unit
from giamsat.parsing.cli import progress_bar
from giamsat.plans.models import Plan, PlanStatus


def resolve_unit(code: str) -> Unit:
    unit = Unit.objects.filter(code=code).first()
    if unit is None:
        raise PlanImportError(
            _("Không có đơn vị mã “{code}”. Xem mã các đơn vị trong trang Đơn vị hoặc trang quản trị.").format(code=code),
            location="--unit",
        )
    return unit


def resolve_plan(number: str) -> Plan:
    plans = list(Plan.objects.filter(number=number, status=PlanStatus.CONFIRMED).select_related("issuing_unit")[:5])
    if not plans:
        raise PlanImportError(
            _("Không có kế hoạch đã xác nhận nào số “{number}”. Hãy nhập kế hoạch cấp trên trước.").format(number=number),
            location="--implements",
        )
    if len(plans) > 1:
        raise PlanImportError(
            _("Có nhiều kế hoạch số “{number}”: {plans}. Số hiệu phải chỉ đúng một kế hoạch.").format(
                number=number, plans="; ".join(f"{p.issuing_unit.name}" for p in plans)
            ),
            location="--implements",
        )
    return plans[0]


class Command(BaseCommand):
    help = _("Nhập một kế hoạch từ văn bản (.txt, .docx, .pdf, ảnh) và xác nhận ngay.")

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--unit", required=True, help=_("mã đơn vị ban hành"))
        parser.add_argument("--implements", action="append", default=[], help=_("số hiệu kế hoạch cấp trên"))
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--replace", action="store_true", help=_("thay thế kế hoạch đã nhập từ cùng văn bản"))
        group.add_argument("--keep", action="store_true", help=_("giữ kế hoạch đã nhập từ cùng văn bản"))
        parser.add_argument("--create-units", action="store_true",
                            help=_("tạo đơn vị mới cho các cơ quan không khớp đơn vị nào"))

    def handle(self, *args, **options):
        path = Path(options["file"])
        unit = resolve_unit(options["unit"])
        parents = [resolve_plan(number) for number in options["implements"]]
        if not path.is_file():
            raise PlanImportError(_("không tìm thấy tệp"), location=str(path))
        with path.open("rb") as handle:
            imp = services.start_import(None, file=File(handle), file_name=path.name, issuing_unit=unit,
                                        implements=parents, via="cli")
        try:
            imp = services.read_import(imp.pk, progress=progress_bar())
            plan = self._confirm(imp, options)
        except BaseException:
            if services.PlanImport.objects.filter(pk=imp.pk).exists():
                services.cancel_import(None, imp.pk, via="cli")
            raise
        self._summary(plan)

    def _confirm(self, imp, options) -> Plan:
        if imp.status == ImportStatus.FAILED:
            raise PlanImportError(imp.error)
        for warning in imp.draft["document"].get("warnings", []):
            self.stderr.write(_("Lưu ý: {warning}").format(warning=warning))
        if not imp.draft["targets"]:
            self.stderr.write(_("Lưu ý: văn bản không có chỉ tiêu định lượng nào; kế hoạch được nhập với nhiệm vụ và đơn vị."))
        if imp.duplicate_of is not None:
            if not (options["replace"] or options["keep"]):
                raise PlanImportError(_(
                    "Văn bản này đã được nhập thành kế hoạch “{plan}” (mã {pk}). Chạy lại với --replace để thay thế "
                    "hoặc --keep để giữ kế hoạch đã có."
                ).format(plan=imp.duplicate_of, pk=imp.duplicate_of.pk))
            services.decide_duplicate(None, imp.pk, "replace" if options["replace"] else "keep", via="cli")
        if not options["create_units"]:
            for body in imp.draft["bodies"]:
                if body["choice"] == "new":
                    services.choose_body(None, imp.pk, body["key"], "none", via="cli")
        return services.confirm_import(None, imp.pk, via="cli")

    def _summary(self, plan: Plan) -> None:
        targets = plan.targets.count()
        mapped = plan.targets.filter(indicator__isnull=False).count()
        self.stdout.write(_(
            "Đã nhập kế hoạch mã {pk} “{title}”: {targets} chỉ tiêu ({mapped} gắn với danh mục), "
            "{tasks} nhiệm vụ, {units} đơn vị thực hiện."
        ).format(pk=plan.pk, title=plan, targets=targets, mapped=mapped, tasks=plan.tasks.count(),
                 units=plan.assigned_units.count()))
