"""Two languages: the redirect from /, lang and dir, hreflang alternates and the language switcher."""

import re

import pytest

from portal.pages import RoutedEntry
from tests.conftest import make_standard_page


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("fr-FR,fr;q=0.9,en;q=0.5", "/fr/"),
        ("fr", "/fr/"),
        ("ar-MA,ar;q=0.9", "/ar/"),
        ("en-US,en;q=0.9", "/ar/"),
        ("de,fr;q=0.3", "/fr/"),
        ("", "/ar/"),
    ],
)
def test_root_sends_visitor_to_preferred_language(client, home, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"]


def _html_tag(response):
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


def test_arabic_pages_are_right_to_left(client, french_home):
    assert _html_tag(client.get("/ar/")) == '<html lang="ar" dir="rtl">'


def test_french_pages_are_left_to_right(client, french_home):
    assert _html_tag(client.get("/fr/")) == '<html lang="fr" dir="ltr">'


def test_non_page_views_follow_the_url_language(client, home):
    assert _html_tag(client.get("/fr/search/?q=x")) == '<html lang="fr" dir="ltr">'
    assert _html_tag(client.get("/ar/search/?q=x")) == '<html lang="ar" dir="rtl">'


def _alternates(response):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', response.content.decode()))


def _switcher_links(response):
    html = response.content.decode()
    nav = html[html.index('class="language-switcher"') : html.index("</nav>")]
    return dict((lang, href) for href, lang in re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', nav))


def test_hreflang_lists_each_translation_and_x_default(client, about_pages):
    response = client.get("/fr/a-propos/")
    assert response.status_code == 200
    assert _alternates(response) == {
        "ar": "http://testserver/ar/%D8%B9%D9%86-%D8%A7%D9%84%D8%A8%D9%88%D8%A7%D8%A8%D8%A9/",
        "fr": "http://testserver/fr/a-propos/",
        "x-default": "http://testserver/ar/%D8%B9%D9%86-%D8%A7%D9%84%D8%A8%D9%88%D8%A7%D8%A8%D8%A9/",
    }


def test_switcher_goes_to_the_translation_of_the_same_page(client, about_pages):
    arabic, french = about_pages
    assert _switcher_links(client.get(arabic.url)) == {"fr": "/fr/a-propos/"}
    assert _switcher_links(client.get(french.url)) == {"ar": arabic.url}
    # …and the translation it points to really is served.
    assert client.get("/fr/a-propos/").status_code == 200


def test_switcher_falls_back_to_the_other_home_without_translation(client, home, french_home):
    lonely = make_standard_page(home, "صفحة بالعربية فقط", "arabic-only")
    response = client.get(lonely.url)
    assert _switcher_links(response) == {"fr": "/fr/"}
    # No translation: no hreflang for French, but Arabic and x-default are there.
    assert set(_alternates(response)) == {"ar", "x-default"}


def test_switcher_on_a_page_keeps_its_query_string(client, about_pages):
    arabic, french = about_pages
    assert _switcher_links(client.get(french.url + "?region=oriental&page=2")) == {
        "ar": arabic.url + "?region=oriental&amp;page=2"  # as written in the HTML
    }


def test_switcher_on_search_keeps_the_query(client, home):
    response = client.get("/ar/search/?q=%D8%AA%D8%B9%D8%A7%D9%88%D9%86%D9%8A%D8%A9")
    assert _switcher_links(response) == {"fr": "/fr/search/?q=%D8%AA%D8%B9%D8%A7%D9%88%D9%86%D9%8A%D8%A9"}


def test_switcher_percent_encodes_a_query_a_client_sent_unencoded(client, about_pages):
    # The test client passes raw UTF-8 on, as a client that does not percent-encode would send it.
    encoded = "q=%D8%AA%D8%B9%D8%A7%D9%88%D9%86%D9%8A%D8%A9"
    assert _switcher_links(client.get("/ar/search/?q=تعاونية")) == {"fr": f"/fr/search/?{encoded}"}
    arabic, french = about_pages
    assert _switcher_links(client.get(french.url + "?q=تعاونية")) == {"ar": f"{arabic.url}?{encoded}"}


@pytest.mark.parametrize(
    ("language", "text"),
    [("ar", "تخطّ إلى المحتوى"), ("fr", "Aller au contenu")],
)
def test_interface_strings_come_from_the_catalogues(client, french_home, language, text):
    assert text in client.get(f"/{language}/").content.decode()


@pytest.mark.parametrize(
    ("url", "lang", "text"),
    [("/fr/nulle-part/", "fr", "Page introuvable"), ("/ar/لا-شيء/", "ar", "الصفحة غير موجودة")],
)
def test_not_found_page_is_localized(client, french_home, url, lang, text):
    response = client.get(url)
    assert response.status_code == 404
    assert f'<html lang="{lang}"' in response.content.decode()
    assert text in response.content.decode()


class Entry(RoutedEntry):
    """An item shown by a routable page at its own address, with translations elsewhere (not saved)."""

    pk = None

    def __init__(self, locale, links):
        self.locale, self.links = locale, links

    def translation_links(self, request):
        return self.links


def test_switcher_on_a_routable_entry_goes_to_the_entry_translation(rf, home, french_home):
    from portal.i18n import language_alternates

    request = rf.get("/ar/bank/argan/")
    alternates = language_alternates(
        request, home, "ar", entry=Entry(home.locale, [{"code": "fr", "name": "Français", "url": "/fr/banque/argan/"}])
    )
    assert [(a.code, a.url, a.is_current, a.exists) for a in alternates] == [
        ("ar", "/ar/bank/argan/", True, True),
        ("fr", "/fr/banque/argan/", False, True),
    ]
    alternates = language_alternates(request, home, "ar", entry=Entry(home.locale, []))
    assert [(a.code, a.url, a.exists) for a in alternates][1] == ("fr", "/fr/", False)
