from django.contrib import admin

from giamsat.audit.admin import AuditedAdmin
from giamsat.plans.models import Plan, Task


@admin.register(Plan)
class PlanAdmin(AuditedAdmin):
    list_display = ["number", "title", "issuing_unit", "issued_on", "status"]
    list_filter = ["status", "kind", "issuing_unit__level"]
    search_fields = ["number", "title"]
    autocomplete_fields = ["issuing_unit", "implements"]
    readonly_fields = ["content_hash"]


@admin.register(Task)
class TaskAdmin(AuditedAdmin):
    list_display = ["title", "plan", "lead_unit", "deadline", "recurrence"]
    list_filter = ["recurrence"]
    search_fields = ["title", "lead_text"]
    autocomplete_fields = ["plan", "lead_unit", "coordinating_units"]
