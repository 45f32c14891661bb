from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = _("Guides, funding partners and project bank")
    default_auto_field = "django.db.models.BigAutoField"
