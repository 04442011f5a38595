from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgsConfig(AppConfig):
    name = "giamsat.orgs"
    label = "orgs"
    verbose_name = _("Đơn vị và người dùng")

    def ready(self):
        from giamsat import checks

        checks.register()
