from django.contrib import admin
from django.db import transaction

from giamsat.audit.models import AuditEvent
from giamsat.audit.services import changed, record, snapshot


class AuditedAdmin(admin.ModelAdmin):
    """A ModelAdmin whose every save and delete leaves an audit event."""

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            before = None
            if change and obj.pk:
                before = snapshot(type(obj).objects.get(pk=obj.pk))
            super().save_model(request, obj, form, change)
            after = snapshot(obj)
            before, after = changed(before, after)
            record(actor=request.user, action="update" if change else "create", obj=obj,
                   before=before, after=after, via="admin")

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)

    def delete_model(self, request, obj):
        with transaction.atomic():
            before = snapshot(obj)
            record(actor=request.user, action="delete", obj=obj, before=before, via="admin")
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            for obj in queryset:
                record(actor=request.user, action="delete", obj=obj, before=snapshot(obj), via="admin")
            super().delete_queryset(request, queryset)


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["at", "actor", "action", "object_type", "object_repr", "via"]
    list_filter = ["action", "object_type", "via"]
    search_fields = ["object_repr", "reason", "object_id"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
