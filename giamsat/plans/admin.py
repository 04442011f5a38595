from django.contrib import admin
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from giamsat.audit.admin import AuditedAdmin
from giamsat.audit.services import changed, record, snapshot
from giamsat.kpi.models import Target
from giamsat.plans import services
from giamsat.plans.models import Plan, PlanUnit, Task


class AuditedInlineMixin:
    """Inline rows saved from a plan's page leave audit events too."""

    def save_formset(self, request, form, formset, change):
        with transaction.atomic():
            # read afresh: the formset's own objects already carry the submitted values
            ids = [f.instance.pk for f in formset.initial_forms if f.instance.pk]
            before = {obj.pk: snapshot(obj) for obj in formset.model.objects.filter(pk__in=ids)}
            instances = formset.save(commit=False)
            for obj in formset.deleted_objects:
                record(actor=request.user, action="delete", obj=obj, before=before.get(obj.pk), via="admin")
                obj.delete()
            for obj in instances:
                is_new = obj.pk is None
                obj.save()
                old, new = changed(None if is_new else before.get(obj.pk), snapshot(obj))
                if is_new or new:
                    record(actor=request.user, action="create" if is_new else "update", obj=obj,
                           before=old, after=new, via="admin")
            formset.save_m2m()


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0
    fields = ["year", "indicator_text", "comparator", "value", "value_max", "unit_text", "per_year", "indicator", "unit", "source_line"]
    autocomplete_fields = ["indicator", "unit"]
    show_change_link = True


class TaskInline(admin.StackedInline):
    model = Task
    extra = 0
    fields = [("section", "deadline", "recurrence"), "title", ("lead_unit", "lead_text"), "coordinating_text", "product", "source_line"]
    autocomplete_fields = ["lead_unit"]
    show_change_link = True
    classes = ["collapse"]


class PlanUnitInline(admin.TabularInline):
    model = PlanUnit
    extra = 0
    fields = ["name", "unit", "duties", "source_line"]
    autocomplete_fields = ["unit"]


@admin.register(Plan)
class PlanAdmin(AuditedInlineMixin, AuditedAdmin):
    list_display = ["number", "short_title", "issuing_unit", "issued_on", "kind", "status", "targets_shown", "tasks_shown"]
    list_filter = ["status", "kind", "issuing_unit__level", ("issued_on", admin.DateFieldListFilter)]
    search_fields = ["number", "title", "issuing_unit__name"]
    autocomplete_fields = ["issuing_unit", "implements"]
    readonly_fields = ["content_hash", "created_at"]
    date_hierarchy = "issued_on"
    fieldsets = [
        (None, {"fields": ["number", "title", "kind", "status", "issuing_unit", "issued_on", "place", "implements", "cadences"]}),
        (_("Văn bản gốc"), {"classes": ["collapse"], "fields": ["source_file", "source_text", "content_hash", "created_at"]}),
    ]
    inlines = [TargetInline, TaskInline, PlanUnitInline]
    list_select_related = ["issuing_unit"]

    def get_queryset(self, request):
        return services.with_counts(super().get_queryset(request))

    @admin.display(description=_("trích yếu"))
    def short_title(self, obj):
        return obj.title if len(obj.title) <= 90 else obj.title[:88] + "…"

    @admin.display(description=_("số chỉ tiêu"), ordering="target_count")
    def targets_shown(self, obj):
        return obj.target_count

    @admin.display(description=_("số nhiệm vụ"), ordering="task_count")
    def tasks_shown(self, obj):
        return obj.task_count


@admin.register(Task)
class TaskAdmin(AuditedAdmin):
    list_display = ["short_title", "plan", "section", "lead_unit", "deadline", "recurrence"]
    list_filter = ["recurrence", "plan__issuing_unit__level", ("deadline", admin.DateFieldListFilter)]
    search_fields = ["title", "lead_text", "plan__number"]
    autocomplete_fields = ["plan", "lead_unit", "coordinating_units"]
    list_select_related = ["plan", "lead_unit"]

    @admin.display(description=_("nhiệm vụ"))
    def short_title(self, obj):
        return obj.title if len(obj.title) <= 90 else obj.title[:88] + "…"
