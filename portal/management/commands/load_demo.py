"""Load the demo content of the core and of every installed section. Idempotent: a second run changes nothing."""

from django.core.management.base import BaseCommand

from portal import sections


class Command(BaseCommand):
    help = "Create the demo pages and data of every installed section, in Arabic and French."

    def handle(self, *args, **options):
        for loader in sections.demo_loaders():
            loader()
            self.stdout.write(f"demo content: {loader.__module__}.{loader.__name__} done")
