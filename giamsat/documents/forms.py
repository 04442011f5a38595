from pathlib import Path

from django import forms
from django.utils.translation import gettext_lazy as _

from giamsat.documents import services
from giamsat.parsing.sources import SUFFIXES, SUPPORTED


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Tệp văn bản"), help_text=_("Word (.docx), PDF, văn bản (.txt) hoặc ảnh chụp, bản scan."))
    issuing_unit = forms.ModelChoiceField(label=_("Đơn vị ban hành"), queryset=None)
    implements = forms.ModelMultipleChoiceField(
        label=_("Thực hiện văn bản cấp trên"), queryset=None, required=False,
        help_text=_("Các kế hoạch, nghị quyết mà văn bản này triển khai (giữ Ctrl để chọn nhiều)."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issuing_unit"].queryset = services.issuing_units_for(user)
        self.fields["implements"].queryset = services.parent_plans_for(user).order_by("issued_on", "number")

    def clean_file(self):
        file = self.cleaned_data["file"]
        if Path(file.name).suffix.lower() not in SUFFIXES:
            raise forms.ValidationError(
                _("Không đọc được loại tệp này. Các loại đọc được: {kinds}.").format(kinds=SUPPORTED)
            )
        return file
