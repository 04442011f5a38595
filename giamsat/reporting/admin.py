from django.contrib import admin

from giamsat.audit.admin import AuditedAdmin
from giamsat.reporting.models import ReportingPeriod, Submission, TaskUpdate, Value


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(AuditedAdmin):
    list_display = ["__str__", "kind", "start", "end", "due", "locked"]
    list_filter = ["kind", "year", "locked"]


class ValueInline(admin.TabularInline):
    model = Value
    extra = 0
    autocomplete_fields = ["indicator"]


@admin.register(Submission)
class SubmissionAdmin(AuditedAdmin):
    list_display = ["unit", "period", "status", "submitted_at", "decided_at"]
    list_filter = ["status", "period__kind", "period__year"]
    search_fields = ["unit__name"]
    autocomplete_fields = ["unit"]
    inlines = [ValueInline]

    def get_readonly_fields(self, request, obj=None):
        # A submitted or approved report changes only through a logged correction.
        if obj is not None and obj.status in {"submitted", "approved"}:
            return [f.name for f in obj._meta.concrete_fields]
        return super().get_readonly_fields(request, obj)


@admin.register(TaskUpdate)
class TaskUpdateAdmin(AuditedAdmin):
    list_display = ["task", "submission", "status", "progress"]
    list_filter = ["status"]
