"""The editorial app: its label, and the roles' permissions given once ``migrate`` has made them all."""

from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial workflow")

    def ready(self):
        from . import signals  # app loading: signals imports Wagtail's models, not ready when this module is imported

        # Once per migrate, at the last app's turn (apps without models get none): every permission exists by then.
        last_app = [config for config in apps.get_app_configs() if config.models_module is not None][-1]
        post_migrate.connect(signals.give_roles_their_permissions, sender=last_app)
        post_save.connect(signals.new_locale_root, dispatch_uid="editorial_new_locale_root")
