"""``giamsat align PLAN``: where a plan departs from the plans it implements.

PLAN is the plan's id or its number. ``--json`` prints the findings as JSON (the same
as ``/api/documents/plans/{id}/alignment``).
"""

import json

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from giamsat.documents import alignment_service
from giamsat.documents.errors import PlanImportError
from giamsat.plans.models import Plan


def resolve(reference: str) -> Plan:
    plans = list(Plan.objects.filter(number=reference)[:3])
    if not plans and reference.isdigit():
        plans = list(Plan.objects.filter(pk=int(reference)))
    if not plans:
        raise PlanImportError(_("Không có kế hoạch mã hoặc số hiệu “{ref}”.").format(ref=reference), location="PLAN")
    if len(plans) > 1:
        raise PlanImportError(
            _("Có nhiều kế hoạch số “{ref}”; hãy dùng mã kế hoạch: {ids}.").format(
                ref=reference, ids=", ".join(str(p.pk) for p in plans)
            ), location="PLAN",
        )
    return plans[0]


class Command(BaseCommand):
    help = _("Đối chiếu một kế hoạch với các văn bản cấp trên mà nó thực hiện.")

    def add_arguments(self, parser):
        parser.add_argument("plan", help=_("mã hoặc số hiệu kế hoạch"))
        parser.add_argument("--json", action="store_true", help=_("in kết quả dạng JSON"))

    def handle(self, *args, **options):
        report = alignment_service.align_plan(resolve(options["plan"]))
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=2, default=str))
            return
        self.stdout.write(_("Kế hoạch: {plan}").format(plan=report.plan))
        if not report.parents:
            self.stdout.write(_("Kế hoạch này chưa gắn với văn bản cấp trên nào."))
        for part in report.parents:
            self.stdout.write("")
            self.stdout.write(_("So với {parent}: {problems} điểm cần xem lại, {good} tin tốt").format(
                parent=part.parent.number or part.parent.title, problems=len(part.problems), good=len(part.good_news)))
            for f in part.findings:
                mark = "+" if f.good_news else "!"
                self.stdout.write(f"  {mark} {f.message}")
                if f.child:
                    self.stdout.write("      " + _("dòng {line}: {text}").format(line=f.child.line or "?", text=f.child.text[:160]))
                if f.parent and f.parent.line:
                    self.stdout.write("      " + _("cấp trên, dòng {line}: {text}").format(line=f.parent.line, text=f.parent.text[:160]))
