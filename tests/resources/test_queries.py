"""Listings answer in a number of queries that does not grow with the number of items they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resources.models import GuideIndexPage, PartnerDirectoryPage, ProjectBankPage
from tests.resources.conftest import make_guide, make_partner, make_project


def queries_for(client, url):
    client.get(url)  # warm up: renditions, caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.fixture
def whole_listings(monkeypatch):
    """Every item on one page, so the count covers 50 rendered cards."""
    for model in (GuideIndexPage, PartnerDirectoryPage, ProjectBankPage):
        monkeypatch.setattr(model, "per_page", 100)


def _logo(number):
    import io

    from django.core.files.images import ImageFile
    from PIL import Image
    from wagtail.images import get_image_model

    from portal.demo_files import metadata

    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "#0b6e4f").save(buffer, format="PNG")
    image = get_image_model()(
        title=f"logo {number}", file=ImageFile(buffer, name=f"logo{number}.png"), **metadata(buffer.getvalue())
    )
    image.save()
    return image


def _add_projects(count):
    for _number in range(count):
        make_project(region_codes=["oriental", "souss-massa"], group_codes=["women", "youth"], investment_mad=450000)


def _add_partners(count):
    for number in range(count):
        make_partner(
            sector_codes=["agri-food"], region_codes=["oriental"], support_types=["grant", "loan"], logo=_logo(number)
        )


def _add_guides(index, count):
    for _number in range(count):
        make_guide(index, sector_codes=["agri-food", "handicraft"], group_codes=["women"])


# The listing comes through getfixturevalue: marked here, or pytest-django would not know the test uses the
# database and would run it after the transactional tests, on a flushed database.
@pytest.mark.django_db
@pytest.mark.parametrize("listing", ["project_bank", "partner_directory", "guide_index"])
def test_listing_queries_do_not_grow_with_items(request, client, whole_listings, media, listing):
    page = request.getfixturevalue(listing)
    add = {
        "project_bank": _add_projects,
        "partner_directory": _add_partners,
        "guide_index": lambda count: _add_guides(page, count),
    }[listing]
    add(10)
    with_ten = queries_for(client, page.url)
    add(40)
    with_fifty = queries_for(client, page.url)
    filtered = queries_for(client, f"{page.url}?sector=agri-food")
    print(f"{listing}: {with_ten} queries with 10 items, {with_fifty} with 50, {filtered} filtered")
    assert with_fifty == with_ten
    assert filtered <= with_ten + 1
