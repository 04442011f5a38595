from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from giamsat.audit.admin import AuditedAdmin
from giamsat.kpi.models import Indicator, Resolution, Target


@admin.register(Resolution)
class ResolutionAdmin(AuditedAdmin):
    list_display = ["code", "title"]
    search_fields = ["code", "title"]


@admin.register(Indicator)
class IndicatorAdmin(AuditedAdmin):
    list_display = ["code", "name", "unit_of_measure", "value_type", "direction", "aggregation", "temporality", "category", "is_public"]
    list_filter = ["category", "value_type", "direction", "aggregation", "temporality", "is_public", "resolutions"]
    search_fields = ["code", "name", "category"]
    filter_horizontal = ["resolutions"]
    autocomplete_fields = ["weight_indicator"]
    list_editable = ["is_public"]
    fieldsets = [
        (None, {"fields": ["code", "name", "unit_of_measure", "category", "resolutions", "is_public"]}),
        (_("Cách tính"), {"fields": ["value_type", "direction", "aggregation", "weight_indicator", "temporality"]}),
        (_("Đánh giá"), {"fields": ["tolerance", "outlier_factor"]}),
    ]


@admin.register(Target)
class TargetAdmin(AuditedAdmin):
    list_display = ["indicator_text", "plan", "unit", "year", "comparator", "value", "value_max", "unit_text", "indicator"]
    list_filter = ["year", "comparator", "per_year", "plan__issuing_unit__level", ("indicator", admin.EmptyFieldListFilter)]
    search_fields = ["indicator_text", "source_text", "plan__number", "indicator__code"]
    autocomplete_fields = ["plan", "indicator", "unit"]
    list_select_related = ["plan", "unit", "indicator"]
