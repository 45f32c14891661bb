"""The synced tree's untranslated copies that Wagtail had published with their original are unpublished: an alias
of a page in another language is never live (portal.translating)."""

from django.db import migrations
from django.db.models import F


def unpublish_untranslated_copies(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(alias_of__isnull=False, live=True).exclude(alias_of__locale=F("locale")).update(live=False)


class Migration(migrations.Migration):
    dependencies = [("portal", "0005_documents_from_wagtail"), ("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(unpublish_untranslated_copies, migrations.RunPython.noop)]
