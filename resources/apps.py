from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = _("Guides, funding partners and project bank")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete
        from modelsearch.signal_handlers import post_delete_signal_handler

        from .models import FundingPartner, ProjectModel

        # Catalogue entries index themselves on save (models.CatalogueEntry); their index rows go with them.
        for model in (FundingPartner, ProjectModel):
            post_delete.connect(
                post_delete_signal_handler, sender=model, dispatch_uid=f"search_delete_{model.__name__}"
            )
