"""Name Wagtail's root page in both admin languages: editors meet it in every breadcrumb and page chooser, where
Wagtail's own title, "Root", was the one English word of the Arabic admin."""

from django.db import migrations

ROOT_TITLE = "الجذر · Racine"


def name_root(apps, schema_editor):
    Page = apps.get_model("wagtailcore.Page")
    Page.objects.filter(depth=1, title="Root").update(title=ROOT_TITLE, draft_title=ROOT_TITLE)


def unname_root(apps, schema_editor):
    Page = apps.get_model("wagtailcore.Page")
    Page.objects.filter(depth=1, title=ROOT_TITLE).update(title="Root", draft_title="Root")


class Migration(migrations.Migration):
    dependencies = [("home", "0003_portal_settings")]

    operations = [migrations.RunPython(name_root, unname_root)]
