from django import forms
from django.utils.translation import gettext_lazy as _

from giamsat.orgs.models import Level
from giamsat.plans.models import PlanStatus


class PlanFilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm theo số hiệu, trích yếu"), required=False)
    unit = forms.ChoiceField(label=_("Đơn vị (gồm cả cấp dưới)"), required=False)
    level = forms.ChoiceField(label=_("Cấp ban hành"), required=False, choices=[("", _("Tất cả"))] + Level.choices)
    status = forms.ChoiceField(label=_("Trạng thái"), required=False, choices=[("", _("Tất cả"))] + PlanStatus.choices)

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", _("Tất cả đơn vị được xem"))] + [
            (u.code, "\u2003" * u.depth + u.name) for u in units
        ]
