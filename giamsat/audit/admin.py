"""The admin's side of the audit log: AuditedAdmin, and the read-only log itself."""

from django.contrib import admin
from django.db import transaction

from giamsat.audit.models import AuditEvent
from giamsat.audit.services import changed, record, snapshot

_BEFORE = "_giamsat_audit_before"


class AuditedAdmin(admin.ModelAdmin):
    """A ModelAdmin whose every save and delete leaves an audit event.

    Django's admin runs a whole change (the object, its many-to-many fields, its
    inlines) in one transaction; this writes one event for the object, with its
    many-to-many fields, once everything is saved, and one event per inline
    object created, changed or deleted.
    """

    def save_model(self, request, obj, form, change):
        before = None
        if change:
            before = snapshot(type(obj)._default_manager.get(pk=obj.pk), m2m=True)
        setattr(request, _BEFORE, before)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        before, after = changed(getattr(request, _BEFORE, None), snapshot(form.instance, m2m=True))
        if change and not after:
            return
        record(actor=request.user, action="update" if change else "create", obj=form.instance,
               before=before, after=after, via="admin")

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        model = formset.model
        changed_pks = [obj.pk for obj, _fields in formset.changed_objects]
        befores = {pk: snapshot(o) for pk, o in model._default_manager.in_bulk(changed_pks).items()}
        for obj in formset.deleted_objects:
            record(actor=request.user, action="delete", obj=obj, before=snapshot(obj), via="admin")
            obj.delete()
        for obj in instances:
            obj.save()
        formset.save_m2m()
        for obj in formset.new_objects:
            record(actor=request.user, action="create", obj=obj, after=snapshot(obj), via="admin")
        for obj, _fields in formset.changed_objects:
            before, after = changed(befores.get(obj.pk), snapshot(obj))
            record(actor=request.user, action="update", obj=obj, before=before, after=after, via="admin")

    def delete_model(self, request, obj):
        record(actor=request.user, action="delete", obj=obj, before=snapshot(obj, m2m=True), via="admin")
        super().delete_model(request, obj)

    @transaction.atomic  # the "delete selected" action runs outside the admin's transaction
    def delete_queryset(self, request, queryset):
        for obj in queryset:
            record(actor=request.user, action="delete", obj=obj, before=snapshot(obj, m2m=True), via="admin")
        super().delete_queryset(request, queryset)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows that are listed and read in the admin, never added, changed or deleted there."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    """The log is read-only: nobody adds, changes or deletes an event, superusers included."""

    list_display = ["at", "actor", "action", "object_type", "object_repr", "via"]
    list_filter = ["action", "object_type", "via"]
    search_fields = ["object_repr", "reason", "object_id"]
    date_hierarchy = "at"
    list_select_related = ["actor"]
