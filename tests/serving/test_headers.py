"""Cache-Control, Vary, ETag and 304 answers, straight from Django and through Varnish."""

import pytest

from .conftest import make_call

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def cache_control(response):
    return {
        part.strip().split("=")[0]: (part.split("=")[1] if "=" in part else True)
        for part in response.headers.get("Cache-Control", "").split(",")
        if part.strip()
    }


@pytest.fixture
def call(call_index):
    return make_call(call_index, title="طلب دعم التعاونيات", deadline=30)


def test_public_page_is_shared_until_purged_and_revalidated_by_browsers(django_server, call):
    response = django_server.get(call.url)
    assert response.status_code == 200
    directives = cache_control(response)
    assert directives.get("public") and directives.get("must-revalidate")
    assert directives["max-age"] == "0"
    assert int(directives["s-maxage"]) > 0
    assert "Set-Cookie" not in response.headers
    vary = {v.strip().lower() for v in response.headers.get("Vary", "").split(",") if v.strip()}
    assert not vary & {"cookie", "accept-language"}


def test_etag_answers_304_without_body(django_server, proxy, call):
    first = django_server.get(call.url)
    etag = first.headers["ETag"]
    again = django_server.get(call.url, **{"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert django_server.get(call.url, **{"If-None-Match": '"something-else"'}).status_code == 200
    through = proxy.get(call.url)
    assert through.headers.get("ETag")
    cached = proxy.get(call.url, **{"If-None-Match": through.headers["ETag"]})
    assert cached.status_code == 304 and cached.content == b""
    assert cached.headers["X-Cache"] == "HIT"


def test_second_get_is_a_hit_and_shared_lifetime_stays_in_varnish(proxy, call):
    first, second = proxy.hit_after_miss(call.url)
    assert first.headers["X-Cache"] == "MISS" and second.headers["X-Cache"] == "HIT"
    assert second.text == first.text
    assert "s-maxage" not in second.headers["Cache-Control"]  # for Varnish only: it is purged, others are not
    assert "x-url" not in {name.lower() for name in second.headers}


def test_html_is_compressed_and_varies_on_accept_encoding(proxy, call):
    response = proxy.get(call.url, **{"Accept-Encoding": "gzip"})
    assert response.headers.get("Content-Encoding") == "gzip"
    assert "accept-encoding" in response.headers["Vary"].lower()
    plain = proxy.get(call.url, **{"Accept-Encoding": "identity"})
    assert plain.headers.get("Content-Encoding") is None and plain.text == response.text


def test_kinds_of_responses(django_server, call):
    feed = django_server.get("/ar/feeds/calls/")
    assert feed.status_code == 200 and cache_control(feed).get("public") and "s-maxage" in cache_control(feed)
    sitemap = django_server.get("/sitemap.xml")
    assert sitemap.status_code == 200 and "s-maxage" in cache_control(sitemap)
    api = django_server.get("/api/search/?q=test&locale=ar")
    assert api.status_code == 200 and cache_control(api).get("public")
    assert int(cache_control(api)["s-maxage"]) <= 600
    autocomplete = django_server.get("/api/search/autocomplete/?q=طل&locale=ar")
    assert autocomplete.status_code == 200 and cache_control(autocomplete).get("public")
    missing = django_server.get("/ar/no-such-page/")
    assert missing.status_code == 404 and cache_control(missing).get("private")
    admin = django_server.get("/admin/login/")
    assert cache_control(admin).get("private") and cache_control(admin).get("no-store")
    bad_api = django_server.get("/api/search/?locale=xx")
    assert bad_api.status_code == 400 and not cache_control(bad_api).get("public")


def test_language_redirect_varies_on_accept_language_and_cookie(django_server, proxy):
    response = django_server.get("/", **{"Accept-Language": "fr"})
    assert response.status_code == 302 and response.headers["Location"].startswith("/fr/")
    vary = {v.strip().lower() for v in response.headers["Vary"].split(",")}
    assert {"accept-language", "cookie"} <= vary
    assert not cache_control(response).get("public")
    assert proxy.get("/", **{"Accept-Language": "fr"}).headers["Location"].startswith("/fr/")
    assert proxy.get("/", **{"Accept-Language": "ar"}).headers["Location"].startswith("/ar/")
    assert proxy.get("/").headers["X-Cache"] == "PASS"
