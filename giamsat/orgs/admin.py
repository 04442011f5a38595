from django.contrib import admin
from django.db import transaction

from giamsat.audit.admin import AuditedAdmin
from giamsat.orgs import services
from giamsat.orgs.models import Membership, Unit


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Unit)
class UnitAdmin(AuditedAdmin):
    list_display = ["name", "code", "kind", "level", "parent", "valid_to"]
    list_filter = ["level", "kind"]
    search_fields = ["name", "code", "short_name", "admin_code"]
    autocomplete_fields = ["parent", "successors"]
    inlines = [MembershipInline]

    def save_model(self, request, obj, form, change):
        """Units go through the service, which keeps the paths of the subtree right."""
        fields = {name: form.cleaned_data[name] for name in form.changed_data if name != "successors"}
        with transaction.atomic():
            if change:
                current = Unit.objects.get(pk=obj.pk)
                services.update_unit(current, actor=request.user, via="admin", **fields)
                obj.refresh_from_db()
            else:
                data = {
                    f: form.cleaned_data[f]
                    for f in form.cleaned_data
                    if f not in {"successors"}
                }
                created = services.create_unit(actor=request.user, via="admin", **data)
                obj.pk = created.pk
                obj.refresh_from_db()


@admin.register(Membership)
class MembershipAdmin(AuditedAdmin):
    list_display = ["user", "unit", "role"]
    list_filter = ["role", "unit__level"]
    search_fields = ["user__username", "unit__name"]
    autocomplete_fields = ["user", "unit"]
