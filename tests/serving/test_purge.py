"""Every invalidation proven through the real Varnish: a cached copy is served until content changes, and the
change (publish, unpublish, move, delete, snippet save; Arabic and French) is what the next visitor sees."""

import html
import re
import subprocess
import time
from pathlib import Path

import pytest
from wagtail.models import Page

from home.models import StandardPage
from portal.models import Region
from portal.translating import translate
from programs.models import ProgramIndexPage, ProgramPage
from serving import purge
from tests.resources.conftest import make_partner, make_project, publish_page

from .conftest import add, make_call

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

OLD_TITLE = "طلب دعم التعاونيات الفلاحية"
NEW_TITLE = "طلب دعم التعاونيات الحرفية"
SEARCH = "/ar/search/?q=" + "التعاونيات"


@pytest.fixture
def call(call_index):
    return make_call(
        call_index,
        title=OLD_TITLE,
        slug="support",
        deadline=30,
        relations={"regions": [Region.objects.get(code="oriental")]},
    )


def listing_urls(call_index):
    return [call_index.url, call_index.url + "?region=oriental", call_index.url + "?region=oriental&page=1"]


def text_of(response):
    """The response's text without its tags (search results highlight the matched words)."""
    return html.unescape(re.sub(r"<[^>]+>", "", response.text))


def warm(proxy, paths, text):
    """Each path cached, showing ``text``."""
    for path in paths:
        first = proxy.get(path)
        assert first.status_code == 200, path
        second = proxy.get(path)
        assert second.headers["X-Cache"] == "HIT", path
        assert text in second.text or text in text_of(second), path


def bans_added(varnish):
    output = subprocess.run(
        ["varnishstat", "-n", str(Path(varnish.tempdir, "work")), "-1", "-f", "MAIN.bans_added"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return int(output.split()[1])


def test_publishing_a_new_title_purges_page_listings_home_feed_search_in_one_request(proxy, varnish, call, call_index):
    paths = [call.url, *listing_urls(call_index), "/ar/", "/ar/feeds/calls/", SEARCH]
    warm(proxy, paths, OLD_TITLE)
    api = proxy.get("/api/search/?q=التعاونيات&locale=ar")
    assert OLD_TITLE in api.text and proxy.get("/api/search/?q=التعاونيات&locale=ar").headers["X-Cache"] == "HIT"
    before = bans_added(varnish)

    call.title = NEW_TITLE
    call.save_revision().publish()

    assert bans_added(varnish) - before == 1  # one PURGE request for the whole batch
    for path in paths:
        response = proxy.get(path)
        assert response.headers["X-Cache"] == "MISS", path
        assert NEW_TITLE in text_of(response) and OLD_TITLE not in text_of(response), path
    api = proxy.get("/api/search/?q=التعاونيات&locale=ar")
    assert NEW_TITLE in api.text and OLD_TITLE not in api.text


def test_each_purge_is_sent_again_later_for_pages_rendered_during_the_change(
    proxy, varnish, call, call_index, settings
):
    settings.FRONTEND_CACHE_REPURGE_SECONDS = 1
    warm(proxy, [call.url], OLD_TITLE)
    before = bans_added(varnish)
    call.title = NEW_TITLE
    call.save_revision().publish()
    assert bans_added(varnish) - before == 1
    # An object stored after the first purge, as a render begun before the commit would be (with the old title):
    # the second purge removes it.
    stored_after = proxy.get(call.url)
    assert stored_after.headers["X-Cache"] == "MISS" and NEW_TITLE in text_of(stored_after)
    assert proxy.get(call.url).headers["X-Cache"] == "HIT"
    deadline = time.monotonic() + 10
    while bans_added(varnish) - before < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert bans_added(varnish) - before == 2  # the same purge, once more
    assert proxy.get(call.url).headers["X-Cache"] == "MISS"


def test_an_unrelated_page_stays_cached(proxy, varnish, call, call_index):
    other = make_call(call_index, title="طلب آخر", slug="other", deadline=40)
    warm(proxy, [other.url], "طلب آخر")
    call.title = NEW_TITLE
    call.save_revision().publish()
    assert proxy.get(other.url).headers["X-Cache"] == "HIT"


def test_unpublishing_answers_404_and_leaves_the_listings(proxy, varnish, call, call_index):
    warm(proxy, [call.url, *listing_urls(call_index), "/ar/"], OLD_TITLE)
    call.unpublish()
    assert proxy.get(call.url).status_code == 404
    assert proxy.get(call.url).status_code == 404  # a 404 is not cached: publishing again shows the page at once
    for path in [*listing_urls(call_index), "/ar/"]:
        assert OLD_TITLE not in proxy.get(path).text, path
    call.save_revision().publish()
    assert OLD_TITLE in proxy.get(call.url).text


def test_deleting_answers_404_and_leaves_the_listings(proxy, varnish, call, call_index):
    url = call.url
    warm(proxy, [url, *listing_urls(call_index), "/ar/feeds/calls/"], OLD_TITLE)
    Page.objects.get(pk=call.pk).delete()
    assert proxy.get(url).status_code == 404
    for path in [*listing_urls(call_index), "/ar/feeds/calls/"]:
        assert OLD_TITLE not in proxy.get(path).text, path


def test_moving_purges_the_old_address_and_both_parents(proxy, varnish, call, call_index, home):
    programs = add(home, ProgramIndexPage(title="البرامج", slug="programs"))
    program = add(programs, ProgramPage(title="برنامج مرافقة", slug="program", intro="ملخص"))
    old_url = call.url
    warm(proxy, [old_url, call_index.url], OLD_TITLE)
    warm(proxy, [program.url], f'href="{old_url}"')  # its "open calls that fit" links to the call
    warm(proxy, [call_index.url + "?region=oriental"], old_url)

    Page.objects.get(pk=call.pk).specific.move(program, pos="last-child")
    moved = Page.objects.get(pk=call.pk).specific
    moved.save_revision().publish()  # as the admin's move, then the programme link set by full_clean on publish

    assert moved.url != old_url
    old = proxy.get(old_url)  # Wagtail leaves a redirect at the old address
    assert old.status_code in (301, 302, 404) and OLD_TITLE not in old.text
    if old.status_code != 404:
        assert old.headers["Location"].endswith(moved.url)
    assert OLD_TITLE in proxy.get(moved.url).text
    program_page = proxy.get(program.url).text
    assert f'href="{moved.url}"' in program_page and f'href="{old_url}"' not in program_page
    listing = proxy.get(call_index.url + "?region=oriental").text
    assert moved.url in listing and f'href="{old_url}"' not in listing


def test_moving_alone_purges_the_old_address(proxy, varnish, call, call_index, home):
    other_index = add(home, type(call_index)(title="طلبات أخرى", slug="more-calls"))
    old_url = call.url
    warm(proxy, [old_url], OLD_TITLE)
    Page.objects.get(pk=call.pk).specific.move(other_index, pos="last-child")
    old = proxy.get(old_url)
    assert old.status_code in (301, 302, 404) and OLD_TITLE not in old.text
    assert OLD_TITLE in proxy.get(Page.objects.get(pk=call.pk).url).text


def test_french_tree_is_purged_too(proxy, varnish, call, call_index, french_home, locales):
    french_index = translate(call_index, locales["fr"], {call_index.title: "Appels", call_index.slug: "appels"})
    strings = {call.title: "Appel initial", call.slug: "appel", call.intro: "Résumé"}
    french = translate(call, locales["fr"], strings)
    french_paths = [french.url, french_index.url, french_index.url + "?region=oriental", "/fr/", "/fr/feeds/calls/"]
    warm(proxy, french_paths, "Appel initial")

    translate(call, locales["fr"], {**strings, call.title: "Appel renouvelé"})

    for path in french_paths:
        text = proxy.get(path).text
        assert "Appel renouvelé" in text and "Appel initial" not in text, path


def test_publishing_in_arabic_purges_the_french_translation(proxy, varnish, call, call_index, french_home, locales):
    """The French page links to its Arabic version (language switcher): a new Arabic slug is seen at once."""
    translate(call_index, locales["fr"], {call_index.title: "Appels", call_index.slug: "appels"})
    french = translate(call, locales["fr"], {call.title: "Appel", call.slug: "appel", call.intro: "Résumé"})
    warm(proxy, [french.url], call.url)
    call.slug = "support-2026"
    call.save_revision().publish()
    text = proxy.get(french.url).text
    assert "/support-2026/" in text


def test_project_model_and_partner_changes_reach_bank_directory_and_entry(
    proxy, varnish, project_bank, partner_directory
):
    project = make_project(title="مشروع تربية النحل")
    partner = make_partner(name="مؤسسة التنمية")
    project_url, partner_url = project.get_url(), partner.get_url()
    warm(proxy, [project_bank.url, project_bank.url + "?sector=agri-food", project_url], "مشروع تربية النحل")
    warm(proxy, [partner_directory.url, partner_url], "مؤسسة التنمية")

    project.title = "مشروع تربية النحل الحديثة"
    project.save()
    partner.name = "مؤسسة التنمية المحلية"
    partner.save()

    for path in [project_bank.url, project_bank.url + "?sector=agri-food", project_url]:
        assert "مشروع تربية النحل الحديثة" in proxy.get(path).text, path
    for path in [partner_directory.url, partner_url]:
        assert "مؤسسة التنمية المحلية" in proxy.get(path).text, path


def test_unpublished_project_model_leaves_the_bank(proxy, varnish, project_bank):
    project = make_project(title="مشروع تربية النحل")
    url = project.get_url()
    warm(proxy, [project_bank.url, url], "مشروع تربية النحل")
    project.live = False
    project.save()
    assert proxy.get(url).status_code == 404
    assert "مشروع تربية النحل" not in proxy.get(project_bank.url).text


def test_footer_settings_purge_every_page(proxy, varnish, call, home):
    from home.models import PortalSettings

    warm(proxy, [call.url, "/ar/"], OLD_TITLE)
    settings = PortalSettings.for_site(home.get_site())
    settings.contact_email = "contact@cooperatives.example.ma"
    settings.save()
    for path in [call.url, "/ar/"]:
        assert "contact@cooperatives.example.ma" in proxy.get(path).text, path


def test_menu_page_purges_navigation_everywhere(proxy, varnish, call, home):
    about = publish_page(home, StandardPage(title="عن البوابة", slug="about", show_in_menus=True))
    warm(proxy, [call.url], OLD_TITLE)
    about.title = "من نحن"
    about.save_revision().publish()
    assert "من نحن" in proxy.get(call.url).text


def test_purge_does_nothing_without_a_frontend_cache(settings, call):
    settings.WAGTAILFRONTENDCACHE = {}
    assert not purge.enabled()
    call.save_revision().publish()  # no proxy to reach: no error
