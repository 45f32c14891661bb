"""Public pages of the resources section: listings with filters and pagination, detail pages in Arabic and French."""

import re
from urllib.parse import quote

import pytest
from django.utils import translation

from portal.translating import translate
from resources.models import GuideDownload, GuidePage, GuideRelatedPage, ProjectBankPage
from tests.resources.conftest import make_guide, make_partner, make_project, publish_page


def html(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def card_titles(page_html):
    return re.findall(r'<li class="card">\s*(?:<img[^>]*>\s*)?<h2><a href="[^"]*">([^<]*)</a>', page_html)


# --- Project bank -----------------------------------------------------------------------------------------------


def test_project_bank_lists_live_models_of_its_language_with_amounts(client, project_bank, french_project_bank):
    make_project(title="وحدة زيت الأركان", investment_mad=450000, jobs_expected=12, region_codes=["souss-massa"])
    make_project(title="مشروع في طور الإعداد", live=False)
    make_project(french_project_bank.locale, title="Unité d'huile d'argan", investment_mad=1250000)

    arabic = html(client.get(project_bank.url))
    assert card_titles(arabic) == ["وحدة زيت الأركان"]
    assert '<bdi dir="ltr">450\u00a0000</bdi>\u00a0درهم' in arabic
    assert "سوس-ماسة" in arabic

    french = html(client.get(french_project_bank.url))
    assert card_titles(french) == ["Unité d&#x27;huile d&#x27;argan"]
    assert '<bdi dir="ltr">1\u00a0250\u00a0000</bdi>\u00a0DH' in french


def test_project_bank_filters_by_sector_region_and_target_group(client, project_bank):
    make_project(title="زيت الأركان", sector_code="agri-food", region_codes=["souss-massa"], group_codes=["women"])
    make_project(title="الزرابي", sector_code="handicraft", region_codes=["oriental"], group_codes=["women"])
    make_project(title="العسل", sector_code="agriculture", region_codes=["oriental"], group_codes=["youth"])
    make_project(title="التدوير في كل الجهات", sector_code="environment", group_codes=["youth"])

    def titles(query):
        return sorted(card_titles(html(client.get(f"{project_bank.url}?{query}"))))

    assert titles("sector=agri-food") == ["زيت الأركان"]
    assert titles("region=oriental") == ["التدوير في كل الجهات", "الزرابي", "العسل"]
    assert titles("region=oriental&target_group=youth") == ["التدوير في كل الجهات", "العسل"]
    assert titles("sector=handicraft&sector=agriculture") == ["الزرابي", "العسل"]
    assert titles("sector=fishing") == []


@pytest.mark.parametrize(
    "query",
    [
        "sector=no-such-sector",
        "region=%27%3B%20DROP%20TABLE",
        "target_group=" + "x" * 500,
        "page=abc",
        "page=9999",
        "sector=agri-food&sector=agri-food&region[]=1",
        "%FF=%FE",
    ],
)
def test_any_query_string_gives_a_page_never_an_error(client, project_bank, query):
    make_project(title="زيت الأركان")
    response = client.get(f"{project_bank.url}?{query}")
    assert response.status_code == 200


def test_invalid_filter_value_is_ignored_with_a_visible_note(client, project_bank, partner_directory, guide_index):
    make_project(title="زيت الأركان")
    for page, name in ((project_bank, "sector"), (partner_directory, "kind"), (guide_index, "level")):
        page_html = html(client.get(f"{page.url}?{name}=not-a-code"))
        assert 'class="notice"' in page_html
        assert "not-a-code" in page_html
    # The valid part of the selection still applies.
    page_html = html(client.get(f"{project_bank.url}?sector=agri-food&sector=nope"))
    assert card_titles(page_html) == ["زيت الأركان"]
    assert 'class="notice"' in page_html


def test_project_bank_is_paginated_and_keeps_the_filters(client, project_bank, monkeypatch):
    monkeypatch.setattr(ProjectBankPage, "per_page", 3)
    for number in range(7):
        make_project(title=f"نموذج {number}", sector_code="agri-food")
    make_project(title="نموذج خارج الفلتر", sector_code="handicraft")

    first = html(client.get(f"{project_bank.url}?sector=agri-food"))
    assert len(card_titles(first)) == 3
    assert 'rel="next" href="?sector=agri-food&amp;page=2"' in first
    last = html(client.get(f"{project_bank.url}?sector=agri-food&page=3"))
    assert card_titles(last) == ["نموذج 6"]
    assert 'rel="prev" href="?sector=agri-food&amp;page=2"' in last


def test_project_model_detail_in_arabic_and_french(
    client, project_bank, french_project_bank, partner_directory, french_partner_directory, locales
):
    arabic = make_project(
        title="وحدة زيت الأركان",
        summary="تعاونية نسائية تستخلص زيت الأركان.",
        sector_code="agri-food",
        region_codes=["souss-massa"],
        group_codes=["women"],
        investment_mad=450000,
        jobs_expected=12,
        activities="الجمع والاستخلاص",
        risks="تقلب المحصول",
    )
    arabic.save_revision().publish()
    make_partner(name="وكالة تمول الصناعة الغذائية", sector_codes=["agri-food"], region_codes=["souss-massa"])
    make_partner(name="مؤسسة وطنية لكل القطاعات")
    make_partner(name="شريك الصناعة التقليدية", sector_codes=["handicraft"])
    make_partner(name="شريك جهة الشرق", sector_codes=["agri-food"], region_codes=["oriental"])
    french = translate(
        arabic,
        locales["fr"],
        {
            "وحدة زيت الأركان": "Unité d'huile d'argan",
            "تعاونية نسائية تستخلص زيت الأركان.": "Une coopérative féminine extrait l'huile d'argan.",
            "الجمع والاستخلاص": "Collecte et extraction",
            "تقلب المحصول": "Récolte variable",
        },
        slug="unite-huile-argan",
    )

    response = client.get(arabic.get_url())
    page_html = html(response)
    assert arabic.get_url().startswith(project_bank.url)
    assert "<h1>وحدة زيت الأركان</h1>" in page_html
    assert '<bdi dir="ltr">450\u00a0000</bdi>\u00a0درهم' in page_html
    assert "الجمع والاستخلاص" in page_html
    partners = re.findall(r'<h3><a href="[^"]*">([^<]*)</a></h3>', page_html)
    assert sorted(partners) == ["مؤسسة وطنية لكل القطاعات", "وكالة تمول الصناعة الغذائية"]
    assert f'href="{french.get_url()}" hreflang="fr"' in page_html

    french_html = html(client.get("/fr/banque-de-projets/unite-huile-argan/"))
    assert "<h1>Unité d&#x27;huile d&#x27;argan</h1>" in french_html
    assert '<bdi dir="ltr">450\u00a0000</bdi>\u00a0DH' in french_html
    assert "Récolte variable" in french_html
    assert 'lang="fr"' in french_html[:200]


def test_detail_pages_keep_to_their_language(
    client, project_bank, french_project_bank, partner_directory, french_partner_directory
):
    arabic_only = make_project(title="نموذج بالعربية فقط", key="arabic-only")
    partner = make_partner(name="شريك بالعربية فقط")
    assert client.get(arabic_only.get_url()).status_code == 200
    assert client.get(f"{french_project_bank.url}{arabic_only.slug}/").status_code == 404
    assert client.get(f"{french_partner_directory.url}{partner.slug}/").status_code == 404
    assert client.get(f"{project_bank.url}no-such-model/").status_code == 404


def test_draft_entries_have_no_public_page(client, project_bank):
    draft = make_project(title="مسودة", live=False)
    assert client.get(f"{project_bank.url}{draft.slug}/").status_code == 404


# --- Partner directory --------------------------------------------------------------------------------------------


def test_partner_directory_filters_by_sector_region_kind_and_support(client, partner_directory):
    make_partner(
        name="وكالة الشرق",
        kind="agency",
        support_types=["equipment", "training"],
        sector_codes=["agri-food"],
        region_codes=["oriental"],
    )
    make_partner(name="بنك وطني", kind="bank", support_types=["loan"])
    make_partner(
        name="مجلس جهة مراكش", kind="regional-council", support_types=["grant"], region_codes=["marrakech-safi"]
    )

    def names(query):
        return sorted(card_titles(html(client.get(f"{partner_directory.url}?{query}"))))

    assert names("") == ["بنك وطني", "مجلس جهة مراكش", "وكالة الشرق"]
    assert names("region=oriental") == ["بنك وطني", "وكالة الشرق"]  # a nationwide partner covers every region
    assert names("sector=handicraft") == ["بنك وطني", "مجلس جهة مراكش"]  # no sector listed: every sector
    assert names("kind=bank") == ["بنك وطني"]
    assert names("support=training&support=grant") == ["مجلس جهة مراكش", "وكالة الشرق"]
    assert names("support=loan&region=marrakech-safi") == ["بنك وطني"]


def test_partner_detail_shows_contact_and_coverage(client, partner_directory, french_partner_directory, locales):
    partner = make_partner(
        name="مكتب تنمية التعاون",
        acronym="ODCo",
        kind="agency",
        support_types=["training", "coaching"],
        email="contact@example.ma",
        phone="+212 5 37 00 00 00",
        website="https://www.example.ma",
        address="الرباط",
        description="مواكبة التعاونيات",
    )
    partner.save_revision().publish()
    translate(
        partner,
        locales["fr"],
        {
            "مكتب تنمية التعاون": "Office du développement de la coopération",
            "الرباط": "Rabat",
            "مواكبة التعاونيات": "Accompagner les coopératives",
        },
        slug="odco",
    )
    page_html = html(client.get(partner.get_url()))
    assert "<bdi>(ODCo)</bdi>" in page_html
    assert 'href="mailto:contact@example.ma"' in page_html
    assert 'href="tel:+212537000000"' in page_html
    with translation.override("ar"):
        from django.utils.translation import gettext

        assert gettext("Whole country") in page_html

    french_html = html(client.get(f"{french_partner_directory.url}odco/"))
    assert "Office du développement de la coopération" in french_html
    assert "Accompagner les coopératives" in french_html
    assert 'href="https://www.example.ma"' in french_html


# --- Guides -------------------------------------------------------------------------------------------------------


def test_guide_index_filters_by_sector_audience_and_level(client, guide_index):
    make_guide(guide_index, title="تأسيس تعاونية", level="beginner", group_codes=["youth"])
    make_guide(
        guide_index, title="التسيير المالي", level="intermediate", sector_codes=["agri-food"], group_codes=["women"]
    )
    make_guide(guide_index, title="التصدير", level="advanced", sector_codes=["agri-food", "handicraft"])

    def titles(query):
        return sorted(card_titles(html(client.get(f"{guide_index.url}?{query}"))))

    assert titles("") == ["التسيير المالي", "التصدير", "تأسيس تعاونية"]
    assert titles("level=advanced") == ["التصدير"]
    assert titles("sector=agri-food") == ["التسيير المالي", "التصدير"]
    assert titles("target_group=women&sector=agri-food") == ["التسيير المالي"]
    assert titles("level=beginner&level=advanced") == ["التصدير", "تأسيس تعاونية"]


def test_guide_page_shows_modules_downloads_and_related_pages(client, guide_index, french_guide_index, locales, media):
    from home.demo import _demo_document
    from tests.conftest import make_standard_page

    related = make_standard_page(guide_index.get_parent(), "خطوات التأسيس", "steps")
    guide = GuidePage(
        title="تأسيس تعاونية",
        slug="creer",
        level="beginner",
        duration_hours=6,
        modules=[
            ("module", {"title": "الجمع العام التأسيسي", "body": [("paragraph", "<p>خمسة أعضاء على الأقل</p>")]}),
            ("module", {"title": "التسجيل", "body": [("paragraph", "<p>السجل المحلي للتعاونيات</p>")]}),
        ],
    )
    guide.downloads = [GuideDownload(document=_demo_document(), language="ar")]
    guide.related_pages = [GuideRelatedPage(linked_page=related)]
    publish_page(guide_index, guide)

    page_html = html(client.get(guide.url))
    assert '<a href="#module-1">الجمع العام التأسيسي</a>' in page_html
    assert 'id="module-2"' in page_html and "السجل المحلي للتعاونيات" in page_html
    assert "<bdi>PDF</bdi>" in page_html and 'hreflang="ar"' in page_html
    assert "<bdi>دليل مختصر لتأسيس تعاونية</bdi>" in page_html
    assert f'href="{related.url}"' in page_html
    assert "<bdi>6</bdi>" in page_html

    french = translate(
        guide,
        locales["fr"],
        {
            "تأسيس تعاونية": "Créer une coopérative",
            "الجمع العام التأسيسي": "L'assemblée générale constitutive",
            "خمسة أعضاء على الأقل": "Au moins cinq membres",
            "التسجيل": "L'immatriculation",
            "السجل المحلي للتعاونيات": "Le registre local des coopératives",
        },
        slug="creer",
    )
    french_html = html(client.get(french.url))
    assert "Au moins cinq membres" in french_html
    assert "<bdi>PDF</bdi>" in french_html  # downloadable material follows the source
    assert "<bdi>Guide succinct : créer une coopérative</bdi>" in french_html  # under its French title
    assert french.url.startswith("/fr/guides/")


# --- Home block and sitemap -----------------------------------------------------------------------------------


def test_home_page_shows_the_project_bank_block_only_when_it_has_models(client, home, project_bank):
    assert project_bank.url not in html(client.get("/ar/"))
    make_project(title="زيت الأركان")
    page_html = html(client.get("/ar/"))
    assert f'href="{project_bank.url}"' in page_html


def test_sitemap_lists_each_live_entry(client, project_bank, partner_directory):
    project = make_project(title="زيت الأركان")
    partner = make_partner(name="مكتب تنمية التعاون")
    hidden = make_project(title="مسودة", live=False)
    sitemap = client.get("/sitemap.xml").content.decode()
    assert project.get_url() in sitemap.replace("http://testserver", "")
    assert partner.get_url() in sitemap.replace("http://testserver", "")
    assert quote(hidden.slug) not in sitemap


def test_project_detail_shows_the_links_other_sections_offer(client, project_bank):
    from types import SimpleNamespace

    from wagtail import hooks

    from portal import sections
    from portal.sections import CrossLinks, Section

    seen = []

    def open_calls_for(obj, request):
        seen.append(obj.taxonomy_codes())
        return CrossLinks(
            title="طلبات مفتوحة تناسب هذا المشروع",
            links=[("طلب DELIO", "/ar/calls/delio/"), SimpleNamespace(title="طلب ارتقاء", url="/ar/calls/irtiqae/")],
        )

    project = make_project(title="وحدة الكسكس", sector_code="agri-food", region_codes=["oriental"])
    other = Section(name="calls-test", label="Calls", cross_links=[open_calls_for])
    with hooks.register_temporarily(sections.HOOK_NAME, lambda: other):
        page_html = html(client.get(project.get_url()))
    assert "<h2" in page_html and "طلبات مفتوحة تناسب هذا المشروع" in page_html
    assert '<a href="/ar/calls/delio/">طلب DELIO</a>' in page_html
    assert '<a href="/ar/calls/irtiqae/">طلب ارتقاء</a>' in page_html
    assert seen == [{"sector": ["agri-food"], "region": ["oriental"], "target_group": []}]


def test_editors_preview_entries_with_the_public_template(locales, project_bank, partner_directory):
    project = make_project(title="معاينة نموذج", investment_mad=90000)
    response = project.make_preview_request()
    assert response.status_code == 200
    assert "<h1>معاينة نموذج</h1>" in response.content.decode()
    partner = make_partner(name="معاينة شريك")
    response = partner.make_preview_request()
    assert response.status_code == 200 and "معاينة شريك" in response.content.decode()
