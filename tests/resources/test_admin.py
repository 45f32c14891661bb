"""The admin of the resources section: snippet listings with filters and exports, editors' forms in tabs."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from openpyxl import load_workbook

from resources.models import FundingPartner, GuidePage, ProjectModel
from tests.resources.conftest import make_guide, make_partner, make_project


@pytest.fixture
def editor_client(client, db):
    user = get_user_model().objects.create_superuser("editor", password="a-long-password-1")
    client.force_login(user)
    return client


def url(model, view, *args):
    return reverse(f"wagtailsnippets_resources_{model._meta.model_name}:{view}", args=args)


def test_snippet_views_answer_for_an_editor(editor_client, locales):
    project = make_project(title="وحدة زيت الأركان", region_codes=["oriental"], group_codes=["women"])
    partner = make_partner(name="مكتب تنمية التعاون", sector_codes=["agri-food"], region_codes=["oriental"])
    for model, entry in ((ProjectModel, project), (FundingPartner, partner)):
        for view, args in (("list", ()), ("add", ()), ("edit", (entry.pk,)), ("history", (entry.pk,))):
            response = editor_client.get(url(model, view, *args))
            assert response.status_code == 200, (model, view)
    assert "وحدة زيت الأركان" in editor_client.get(url(ProjectModel, "list")).content.decode()


def test_the_project_bank_has_its_own_admin_menu(editor_client):
    html = editor_client.get("/admin/").content.decode()
    assert "/admin/snippets/resources/projectmodel/" in html
    assert "/admin/snippets/resources/fundingpartner/" in html


def test_admin_list_filters(editor_client, locales):
    make_project(title="زيت الأركان", sector_code="agri-food", region_codes=["souss-massa"])
    make_project(title="زرابي", sector_code="handicraft", region_codes=["oriental"], group_codes=["women"])
    make_partner(name="بنك", kind="bank", support_types=["loan"])
    make_partner(name="وكالة", kind="agency", support_types=["training", "grant"], region_codes=["oriental"])
    from portal.models import Region, Sector

    handicraft = Sector.objects.get(code="handicraft").pk
    oriental = Region.objects.get(code="oriental").pk

    def listed(model, query):
        html = editor_client.get(f"{url(model, 'list_results')}?{query}").content.decode()
        return sorted(name for name in ("زيت الأركان", "زرابي", "بنك", "وكالة") if name in html)

    assert listed(ProjectModel, f"sector={handicraft}") == ["زرابي"]
    assert listed(ProjectModel, f"regions={oriental}") == ["زرابي"]
    assert listed(ProjectModel, "locale=fr") == []
    assert listed(FundingPartner, "kind=bank") == ["بنك"]
    assert listed(FundingPartner, "support=grant") == ["وكالة"]
    assert listed(FundingPartner, f"regions={oriental}") == ["وكالة"]


def test_admin_search(editor_client, locales):
    make_project(title="وحدة زيت الأركان")
    make_project(title="ورشة الفخار")
    html = editor_client.get(f"{url(ProjectModel, 'list_results')}?q=الفخار").content.decode()
    assert "ورشة الفخار" in html and "زيت الأركان" not in html


def test_exports_use_the_import_columns(editor_client, locales):
    make_project(
        title="وحدة زيت الأركان",
        key="argan-souss",
        sector_code="agri-food",
        region_codes=["souss-massa", "marrakech-safi"],
        group_codes=["women"],
        investment_mad=450000,
        jobs_expected=12,
    )
    response = editor_client.get(f"{url(ProjectModel, 'list')}?export=csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0]["key"] == "argan-souss" and rows[0]["locale"] == "ar" and rows[0]["sector"] == "agri-food"
    assert rows[0]["regions"] == "marrakech-safi;souss-massa"
    assert (rows[0]["investment_mad"], rows[0]["target_groups"]) == ("450000", "women")

    make_partner(name="وكالة", key="agence", kind="agency", support_types=["grant", "training"])
    response = editor_client.get(f"{url(FundingPartner, 'list')}?export=xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, first = [cell.value for cell in sheet[1]], [cell.value for cell in sheet[2]]
    assert header[:5] == ["key", "locale", "name", "kind", "support_types"]
    assert first[:5] == ["agence", "ar", "وكالة", "agency", "grant;training"]


def test_an_editor_creates_a_partner_with_the_admin_form(editor_client, locales):
    from portal.models import Sector

    response = editor_client.post(
        url(FundingPartner, "add") + "?locale=ar",
        {
            "name": "مؤسسة الأطلس",
            "acronym": "",
            "kind": "foundation",
            "support_types": ["grant", "training"],
            "sectors": [Sector.objects.get(code="handicraft").pk],
            "description": "هبات صغيرة",
            "email": "",
            "phone": "",
            "website": "",
            "address": "",
            "key": "",
            "slug": "",
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    partner = FundingPartner.objects.get()
    assert (partner.key, partner.slug, partner.live) == ("mussh-ltls", "مؤسسة-الأطلس", True)
    assert partner.support_types == ["grant", "training"]


def test_the_admin_refuses_a_key_already_used_in_the_language(editor_client, locales):
    make_partner(name="وكالة", key="agence")
    response = editor_client.post(
        url(FundingPartner, "add") + "?locale=ar",
        {"name": "وكالة أخرى", "kind": "agency", "support_types": [], "key": "agence", "slug": ""},
    )
    assert response.status_code == 200
    assert FundingPartner.objects.count() == 1


def test_guide_editor_shows_its_tabs(editor_client, guide_index):
    guide = make_guide(guide_index, title="دليل")
    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[guide.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    # Content, audience and level, material, promote (the settings tab shows only when it has a field to show).
    assert html.count('id="tab-label-') == 4
    response = editor_client.get(reverse("wagtailadmin_pages:add", args=["resources", "guidepage", guide_index.pk]))
    assert response.status_code == 200
    assert GuidePage.objects.count() == 1
