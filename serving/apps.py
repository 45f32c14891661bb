"""The caching app (docs/caching.md): the content generation's signals and the caching proxy's purges."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServingConfig(AppConfig):
    name = "serving"
    verbose_name = _("Production serving")

    def ready(self):
        # app loading: both import Wagtail's models, which are not ready when this module is imported
        from . import generation, signals

        generation.connect()
        signals.connect()
