"""The section's demo content: complete in both languages, in the editors' import format, and a second run changes
nothing."""

import io

import pytest
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Page, Revision

from portal import sections
from portal.demo_data import demo_folder
from resources import demo
from resources.demo import load_demo
from resources.models import FundingPartner, GuidePage, ProjectModel


def test_demo_is_registered_and_idempotent(client, home, french_home, media):
    assert load_demo in sections.demo_loaders()
    load_demo()
    # What an editor changed stays as it is: the demo's rows only fill in the keys that are missing.
    odco = FundingPartner.objects.get(key="odco", locale__language_code="ar")
    odco.name = "مكتب تنمية التعاون (ODCo)"
    odco.save_revision().publish()
    counts = (
        Page.objects.count(),
        Revision.objects.count(),
        FundingPartner.objects.count(),
        ProjectModel.objects.count(),
    )
    load_demo()
    assert (
        Page.objects.count(),
        Revision.objects.count(),
        FundingPartner.objects.count(),
        ProjectModel.objects.count(),
    ) == counts
    assert FundingPartner.objects.get(pk=odco.pk).name == "مكتب تنمية التعاون (ODCo)"

    for language in ("ar", "fr"):
        assert GuidePage.objects.live().filter(locale__language_code=language, alias_of=None).count() == 4
        assert FundingPartner.objects.live().filter(locale__language_code=language).count() == 12
        assert ProjectModel.objects.live().filter(locale__language_code=language).count() == 40
    assert ProjectModel.objects.values("sector").distinct().count() >= 10
    assert ProjectModel.objects.values("regions").distinct().count() == 12

    for url in ("/ar/", "/fr/", "/fr/banque-de-projets/", "/fr/partenaires-financiers/", "/fr/guides-de-formation/"):
        assert client.get(url).status_code == 200, url
    french_model = ProjectModel.objects.filter(locale__language_code="fr").first()
    assert client.get(french_model.get_url()).status_code == 200


def test_demo_listing_pages_are_in_the_main_navigation(client, home, french_home, media):
    load_demo()
    html = client.get("/fr/").content.decode()
    navigation = html[html.index('class="main-nav"') : html.index("</nav>", html.index('class="main-nav"'))]
    for url in ("/fr/banque-de-projets/", "/fr/partenaires-financiers/", "/fr/guides-de-formation/"):
        assert f'href="{url}"' in navigation, url


@pytest.mark.parametrize(
    ("command", "name", "rows"), [("import_partners", "partners.csv", 24), ("import_projects", "projects.csv", 80)]
)
def test_demo_catalogue_is_a_file_editors_can_import(locales, command, name, rows):
    out = io.StringIO()
    with translation.override("en"):
        call_command(command, str(demo_folder(demo.__file__) / name), "--dry-run", "--no-progress", stdout=out)
    assert out.getvalue() == f"{rows} created, 0 updated, 0 unchanged. Dry run: nothing was written.\n"
