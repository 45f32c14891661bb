"""An Arabic page not yet translated is never shown as French.

As soon as an editor creates an Arabic page, wagtail-localize's synced tree makes its French copy (an alias), and
Wagtail would publish that copy with the original: an Arabic title, slug and text under /fr/. The copy stays a draft
(portal.translating): no French surface lists it, its address is not found, and "Translate" makes a French draft
that goes live when its translation is published.
"""

import json
import re
from datetime import timedelta
from urllib.parse import unquote, urlsplit

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail_localize.synctree import create_aliases_for_new_page

from editorial.roles import MODERATORS
from portal.translating import translate
from programs.models import CallIndexPage, CallPage, ProgramIndexPage, ProgramPage
from tests.editorial.conftest import make_user
from tests.programs.conftest import make_call

TITLE = "طلب تعاونيات جرادة"


def created_in_admin(parent, page):
    """``page`` added under ``parent`` as the admin adds it — with its French copy, made by wagtail-localize's
    after_create_page hook — then published."""
    parent.add_child(instance=page)
    create_aliases_for_new_page(page)
    page.save_revision().publish()
    return page


@pytest.fixture
def french_calls(call_index, french_home, locales):
    return translate(call_index, locales["fr"], {call_index.title: "Appels", call_index.slug: "appels"})


@pytest.fixture
def arabic_only_call(call_index, french_calls):
    """An Arabic call created as the admin creates one (with its French copy), then published."""
    # Closing soon: on the home page, and in every count of open calls.
    deadline = timezone.now() + timedelta(days=3)
    call = created_in_admin(
        call_index, CallPage(title=TITLE, slug="جرادة", intro="دعم تعاونيات إقليم جرادة", deadline=deadline)
    )
    copy = CallPage.objects.get(alias_of=call)
    assert copy.locale.language_code == "fr" and copy.url.startswith("/fr/appels/")
    return call, copy


@pytest.fixture
def translated_call(call_index, french_calls, locales):
    call = make_call(call_index, "طلب مترجم", slug="mutarjam", deadline=20)
    return translate(call, locales["fr"], {"طلب مترجم": "Appel traduit", "mutarjam": "traduit", "ملخص الطلب": "Résumé"})


def _text(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_the_french_listing_leaves_the_untranslated_copy_out(client, arabic_only_call, translated_call):
    page = _text(client.get("/fr/appels/"))
    assert "Appel traduit" in page and TITLE not in page
    assert TITLE not in _text(client.get("/fr/appels/", {"status": "open"}))
    assert TITLE in _text(client.get("/ar/calls/"))


def test_the_french_feed_leaves_the_untranslated_copy_out(client, arabic_only_call, translated_call):
    feed = _text(client.get("/fr/feeds/calls/"))
    assert "Appel traduit" in feed and TITLE not in feed
    assert TITLE in _text(client.get("/ar/feeds/calls/"))


def test_french_search_and_the_api_leave_the_untranslated_copy_out(client, arabic_only_call, translated_call):
    call, copy = arabic_only_call
    french = unquote(_text(client.get("/fr/search/", {"q": "جرادة"})))
    assert unquote(copy.url) not in french and 'class="results"' not in french
    assert unquote(call.url) in unquote(_text(client.get("/ar/search/", {"q": "جرادة"})))
    found = json.loads(_text(client.get("/api/search/", {"q": "جرادة", "locale": "fr"})))
    assert found["count"] == 0 and found["results"] == []
    assert json.loads(_text(client.get("/api/search/", {"q": "جرادة", "locale": "ar"})))["count"] == 1
    completed = json.loads(_text(client.get("/api/search/autocomplete/", {"q": "طلب", "locale": "fr"})))
    assert TITLE not in [item["title"] for item in completed["results"]]


def test_the_french_home_neither_shows_nor_counts_the_untranslated_copy(client, arabic_only_call, translated_call):
    home = _text(client.get("/fr/"))
    assert "Appel traduit" in home and TITLE not in home
    figure = re.search(r"<strong>(\d+)</strong>", home)
    assert figure.group(1) == "1"  # the translated call only
    arabic_home = _text(client.get("/ar/"))
    assert TITLE in arabic_home and re.search(r"<strong>(\d+)</strong>", arabic_home).group(1) == "2"


def test_the_sitemap_lists_both_languages_but_not_the_untranslated_copy(client, arabic_only_call, translated_call):
    call, copy = arabic_only_call
    sitemap = unquote(_text(client.get("/sitemap.xml")))
    paths = {urlsplit(location).path for location in re.findall(r"<loc>([^<]+)</loc>", sitemap)}
    assert {"/fr/appels/traduit/", "/ar/calls/mutarjam/", f"/ar/calls/{call.slug}/", "/fr/", "/ar/"} <= paths
    assert unquote(copy.url) not in paths and not any(path.startswith("/fr/") and "جرادة" in path for path in paths)


def test_the_copys_address_is_not_found_in_french(client, arabic_only_call):
    call, copy = arabic_only_call
    assert client.get(copy.url).status_code == 404
    assert client.get(call.url).status_code == 200


def test_translate_makes_a_french_draft_not_a_live_arabic_page(client, arabic_only_call, moderator_client):
    """The admin's "Translate" turns the copy into a French draft; it goes live with its translation."""
    call, copy = arabic_only_call
    response = moderator_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[call.pk]), {"locales": [copy.locale_id]}
    )
    assert response.status_code == 302
    copy.refresh_from_db()
    assert copy.alias_of_id is None and not copy.live
    assert client.get(copy.url).status_code == 404
    assert TITLE not in _text(client.get("/fr/appels/"))


@pytest.fixture
def moderator_client(client, db):
    user = make_user("moderatrice", MODERATORS)
    moderator = Client()
    moderator.force_login(user)
    return moderator


def test_the_language_switcher_offers_no_untranslated_copy(client, arabic_only_call):
    call, copy = arabic_only_call
    page = _text(client.get(call.url))
    switcher = page[page.index('class="language-switcher"') : page.index("</nav>")]
    assert re.search(r'<a href="/fr/" hreflang="fr"', switcher)  # the French home: no French version yet
    assert 'hreflang="fr" href' not in page  # no <link rel="alternate" hreflang="fr">


def test_the_french_menu_and_programme_filter_leave_untranslated_copies_out(client, home, french_home, locales):
    index = created_in_admin(home, CallIndexPage(title="طلبات الترشيح", slug="talabat", show_in_menus=True))
    translate(index, locales["fr"], {"طلبات الترشيح": "Appels", "talabat": "appels"})
    programs = created_in_admin(home, ProgramIndexPage(title="البرامج", slug="baramij", show_in_menus=True))
    programme = created_in_admin(programs, ProgramPage(title="برنامج تثمين", slug="tathmin", intro="ملخص"))
    french = _text(client.get("/fr/appels/"))
    nav = french[french.index('class="main-nav"') : french.index("</nav>", french.index('class="main-nav"'))]
    assert "Appels" in nav and "البرامج" not in nav
    assert programme.title not in french  # not among the French programme filter's choices
    assert programme.title in _text(client.get("/ar/talabat/"))


def test_a_published_translation_shows_everywhere_at_once(client, arabic_only_call, locales):
    call, copy = arabic_only_call
    translate(
        call, locales["fr"], {TITLE: "Appel des coopératives de Jerada", "جرادة": "jerada", call.intro: "Soutien"}
    )
    assert "Appel des coopératives de Jerada" in _text(client.get("/fr/appels/"))
    assert _text(client.get("/fr/appels/jerada/"))
    assert "Jerada" in _text(client.get("/fr/search/", {"q": "Jerada"}))
