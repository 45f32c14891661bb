"""Create the Arabic and French locales and sync the French tree from the Arabic one (wagtail-localize)."""

from django.core.management.base import BaseCommand

from portal.translating import ensure_locales


class Command(BaseCommand):
    help = "Create a Locale for each language in LANGUAGES, each synced from the default language."

    def handle(self, *args, **options):
        locales = ensure_locales()
        self.stdout.write("locales: " + ", ".join(sorted(locales)))
