"""The admin for units, memberships and users; every change leaves an audit event."""

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from giamsat.audit.admin import AuditedAdmin, ReadOnlyAdmin
from giamsat.audit.services import record
from giamsat.orgs import services, tokens
from giamsat.orgs.errors import UnitMoveError
from giamsat.orgs.models import ApiToken, Membership, Unit


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


class UnitAdminForm(forms.ModelForm):
    class Meta:
        model = Unit
        fields = ["code", "name", "short_name", "kind", "level", "parent", "admin_code",
                  "valid_from", "valid_to", "successors"]

    def clean_parent(self):
        parent = self.cleaned_data.get("parent")
        unit = self.instance
        if parent is not None and unit.pk is not None and parent.path.startswith(unit.path):
            raise forms.ValidationError(UnitMoveError(unit.name, parent.name).message)
        return parent


@admin.register(Unit)
class UnitAdmin(AuditedAdmin):
    """Units are written through orgs.services, which keeps the subtree's paths right
    and records the audit events (the generic AuditedAdmin hooks are replaced)."""

    form = UnitAdminForm
    list_display = ["name", "code", "kind", "level", "parent", "valid_to"]
    list_filter = ["level", "kind"]
    list_select_related = ["parent"]
    search_fields = ["name", "code", "short_name", "admin_code"]
    autocomplete_fields = ["parent", "successors"]
    inlines = [MembershipInline]

    def save_model(self, request, obj, form, change):
        data = {name: form.cleaned_data[name] for name in form.changed_data if name != "successors"}
        if change:
            current = Unit.objects.get(pk=obj.pk)
            services.update_unit(current, actor=request.user, via="admin", **data)
        else:
            data = {name: value for name, value in form.cleaned_data.items() if name != "successors"}
            obj.pk = services.create_unit(actor=request.user, via="admin", **data).pk
        obj.refresh_from_db()

    def save_related(self, request, form, formsets, change):
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)
        if "successors" in form.changed_data:
            services.set_successors(form.instance, form.cleaned_data["successors"],
                                    actor=request.user, via="admin")


@admin.register(Membership)
class MembershipAdmin(AuditedAdmin):
    list_display = ["user", "unit", "role"]
    list_filter = ["role", "unit__level"]
    list_select_related = ["user", "unit"]
    search_fields = ["user__username", "unit__name"]
    autocomplete_fields = ["user", "unit"]


admin.site.unregister(User)
admin.site.unregister(Group)


@admin.register(User)
class AuditedUserAdmin(AuditedAdmin, UserAdmin):
    """Django's user admin, audited (password hashes never enter the log)."""

    inlines = [MembershipInline]

    @transaction.atomic
    def user_change_password(self, request, id, form_url=""):
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            user = self.get_object(request, id)
            record(actor=request.user, action="password", obj=user, via="admin")
        return response


@admin.register(Group)
class AuditedGroupAdmin(AuditedAdmin, GroupAdmin):
    pass


@admin.register(ApiToken)
class ApiTokenAdmin(ReadOnlyAdmin):
    """Tokens are made with ``giamsat createtoken`` (the key is shown once, there);
    here they are listed and revoked."""

    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    list_select_related = ["user"]
    search_fields = ["name", "user__username", "prefix"]
    readonly_fields = ["user", "name", "prefix", "created_at", "last_used_at", "revoked_at"]
    actions = ["revoke"]

    def has_revoke_permission(self, request):
        return request.user.has_perm("orgs.change_apitoken")

    @admin.action(description=_("Thu hồi các khóa đã chọn"), permissions=["revoke"])
    def revoke(self, request, queryset):
        with transaction.atomic():
            for token in queryset.filter(revoked_at__isnull=True):
                tokens.revoke_token(token, actor=request.user, via="admin")
