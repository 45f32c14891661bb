"""The resources section's app: its catalogue entries' index rows go when the entries go."""

from django.apps import AppConfig
from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _
from modelsearch.signal_handlers import post_delete_signal_handler


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = _("Guides, funding partners and project bank")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .models import FundingPartner, ProjectModel  # app loading: models are not ready when this is imported

        # Catalogue entries index themselves on save (models.CatalogueEntry); their index rows go with them.
        for model in (FundingPartner, ProjectModel):
            post_delete.connect(
                post_delete_signal_handler, sender=model, dispatch_uid=f"search_delete_{model.__name__}"
            )
