"""The search app: its label, and the index filled after ``migrate`` when it is empty (search/dbindex.py)."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "portal_search"
    verbose_name = _("Search")

    def ready(self):
        post_migrate.connect(fill_index, sender=self)


def fill_index(**kwargs):
    """A database migrated before the project's index existed gets it filled from its objects."""
    from search import dbindex  # app loading: it defines models, importable only once the apps are loaded

    dbindex.fill_if_empty()
