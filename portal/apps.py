"""The portal core's app: untranslated copies kept unpublished."""

from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal core")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # app loading: it imports Wagtail's models, which are not ready when this module is imported
        from portal import translating

        post_save.connect(translating.keep_untranslated_copies_unpublished, dispatch_uid="untranslated_copies")
