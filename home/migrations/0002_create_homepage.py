"""Replace Wagtail's welcome page with the portal's Arabic home page, the root of the default site."""

import uuid

from django.conf import settings
from django.db import migrations


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")

    if HomePage.objects.exists():
        return
    welcome = Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore")
    Site.objects.filter(root_page__in=welcome).delete()
    welcome.delete()

    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    root = Page.objects.get(depth=1)
    path = f"{root.path}{Page.objects.filter(depth=2).count() + 1:04d}"
    homepage = HomePage.objects.create(
        title="بوابة التعاونيات",
        draft_title="بوابة التعاونيات",
        slug="home",
        content_type=content_type,
        path=path,
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
        translation_key=uuid.uuid4(),
        live=True,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.create(hostname="localhost", port=80, root_page_id=homepage.pk, is_default_site=True, site_name="")


def remove_homepage(apps, schema_editor):
    apps.get_model("home.HomePage").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial")]

    operations = [migrations.RunPython(create_homepage, remove_homepage)]
