from django.contrib import admin

from giamsat.audit.admin import AuditedAdmin
from giamsat.kpi.models import Indicator, Resolution, Target


@admin.register(Resolution)
class ResolutionAdmin(AuditedAdmin):
    list_display = ["code", "title"]
    search_fields = ["code", "title"]


@admin.register(Indicator)
class IndicatorAdmin(AuditedAdmin):
    list_display = ["code", "name", "unit_of_measure", "value_type", "direction", "aggregation", "temporality", "is_public"]
    list_filter = ["value_type", "direction", "aggregation", "temporality", "is_public", "category", "resolutions"]
    search_fields = ["code", "name"]
    filter_horizontal = ["resolutions"]


@admin.register(Target)
class TargetAdmin(AuditedAdmin):
    list_display = ["indicator_text", "plan", "unit", "year", "comparator", "value", "value_max", "unit_text", "indicator"]
    list_filter = ["year", "comparator", "per_year"]
    search_fields = ["indicator_text", "source_text"]
    autocomplete_fields = ["plan", "indicator", "unit"]
