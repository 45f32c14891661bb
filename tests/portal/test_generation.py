"""Values cached under the content generation are never served stale: every content change gives a new token."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from home.models import PortalSettings, StandardPage
from serving import generation
from tests.conftest import make_standard_page


def test_a_content_change_gives_a_new_token(about_pages):
    arabic, _french = about_pages
    before = generation.current()
    assert before
    arabic.title = "عن البوابة الجديدة"
    arabic.save_revision().publish()
    assert generation.current() != before


def test_a_rolled_back_change_rolls_the_token_back(about_pages):
    from django.db import transaction

    arabic, _french = about_pages
    before = generation.current()
    with pytest.raises(RuntimeError), transaction.atomic():
        arabic.save_revision().publish()
        assert generation.current() != before
        raise RuntimeError
    assert generation.current() == before


def test_a_warm_page_view_asks_only_for_its_route(client, about_pages):
    """Wagtail routes the request (site, locale, pages, view restrictions) and the generation token is read; the
    navigation, breadcrumbs, alternates, footer and the page's content come from the cache."""
    arabic, _french = about_pages
    client.get(arabic.url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(arabic.url).status_code == 200
    routing = {
        "wagtailcore_site",
        "wagtailcore_locale",
        "wagtailcore_page",
        "wagtailcore_pageviewrestriction",
        "home_homepage",
        "home_standardpage",
        "portal_contentgeneration",
    }
    tables = [re.search(r'FROM "(\w+)"', q["sql"]).group(1) for q in captured]
    assert set(tables) <= routing, tables
    assert tables.count("portal_contentgeneration") == 1, tables
    assert not [q["sql"] for q in captured if re.search("WHERE .*show_in_menus", q["sql"])]  # the navigation's items


def test_menu_breadcrumbs_and_alternates_follow_publishing(client, home, about_pages):
    arabic, french = about_pages
    client.get(arabic.url)  # cache the navigation and the addresses
    guide = make_standard_page(home, "دليل المؤسس", "founder-guide")
    guide.show_in_menus = True
    guide.save_revision().publish()
    html = client.get(arabic.url).content.decode()
    assert "دليل المؤسس" in html and guide.url in html

    arabic.title = "من نحن"
    arabic.save_revision().publish()
    html = client.get(arabic.url).content.decode()
    assert 'aria-current="page">من نحن</span>' in html  # breadcrumbs

    french.unpublish()
    html = client.get(arabic.url).content.decode()
    assert 'hreflang="fr" href="http://testserver/fr/a-propos/"' not in html
    assert client.get("/fr/a-propos/").status_code == 404


def test_unpublished_and_moved_pages_are_routed_at_once(client, home, about_pages):
    arabic, _french = about_pages
    other = make_standard_page(home, "صفحة أخرى", "other")
    assert client.get("/ar/عن-البوابة/").status_code == 200
    arabic.move(other, pos="last-child")
    moved = client.get("/ar/عن-البوابة/")  # Wagtail's redirects app sends the old address to the new one
    assert moved.status_code in (301, 404) and "other" in moved.get("Location", "other")
    assert client.get("/ar/other/عن-البوابة/").status_code == 200
    arabic.refresh_from_db()
    arabic.unpublish()
    assert client.get("/ar/other/عن-البوابة/").status_code == 404


def test_a_new_view_restriction_applies_at_once(client, about_pages):
    arabic, _french = about_pages
    assert client.get(arabic.url).status_code == 200
    PageViewRestriction.objects.create(page=arabic, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(arabic.url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_footer_follows_the_portal_settings(client, about_pages):
    arabic, _french = about_pages
    client.get(arabic.url)
    settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_email = "contact@example.ma"
    settings.save()
    assert "contact@example.ma" in client.get(arabic.url).content.decode()
    settings.delete()
    assert "contact@example.ma" not in client.get(arabic.url).content.decode()


def test_the_cached_navigation_marks_the_section_of_each_page(client, home):
    """The main navigation is one fragment per section shown as current: each page gets its own section's."""

    def menu_page(parent, title, slug):
        page = StandardPage(title=title, slug=slug, show_in_menus=True)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    guides, news = menu_page(home, "الأدلة", "guides"), menu_page(home, "الأخبار", "news")
    guide = make_standard_page(guides, "دليل المؤسس", "founder-guide")

    def current(url):
        html = client.get(url).content.decode()
        nav = html[html.index('<nav class="main-nav"') :]
        nav = nav[: nav.index("</nav>")]
        return re.findall(r'<a href="([^"]+)" aria-current="page">', nav)

    for _ in range(2):  # the second time from the cache
        assert current(guides.url) == [guides.url]
        assert current(news.url) == [news.url]
        assert current(guide.url) == [guides.url]
        assert current(home.url) == []
