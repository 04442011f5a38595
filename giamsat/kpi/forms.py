from django import forms
from django.utils.translation import gettext_lazy as _

from giamsat.kpi.models import ValueType


class IndicatorFilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm theo tên hoặc mã"), required=False)
    category = forms.ChoiceField(label=_("Nhóm"), required=False)
    value_type = forms.ChoiceField(label=_("Kiểu giá trị"), required=False, choices=[("", _("Tất cả"))] + ValueType.choices)

    def __init__(self, *args, categories=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", _("Tất cả"))] + [(c, c) for c in categories]
