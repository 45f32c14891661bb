from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal core")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save

        from portal import generation, translating

        generation.connect()
        post_save.connect(translating.keep_untranslated_copies_unpublished, dispatch_uid="untranslated_copies")
