"""Editors, previews and PURGE requests: what Varnish never caches, and who may purge."""

import socket

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from .conftest import make_call

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def call(call_index):
    return make_call(call_index, title="طلب دعم التعاونيات", slug="support", deadline=30)


@pytest.fixture
def editor_cookie(db):
    user = get_user_model().objects.create_superuser("editor", "editor@example.ma", "a-long-test-password")
    client = Client()
    client.force_login(user)
    return {"Cookie": f"sessionid={client.cookies['sessionid'].value}"}


def test_logged_in_editor_is_never_cached_nor_served_a_cached_copy(proxy, call, editor_cookie):
    anonymous = proxy.get(call.url)
    assert proxy.get(call.url).headers["X-Cache"] == "HIT"
    for _ in range(2):
        editor = proxy.get(call.url, **editor_cookie)
        assert editor.headers["X-Cache"] == "PASS"
        assert "no-store" in editor.headers["Cache-Control"] and "public" not in editor.headers["Cache-Control"]
        assert "wagtail-userbar" in editor.text  # the editor's own page, with the admin's user bar
    assert "wagtail-userbar" not in anonymous.text
    # The editor's copy was never stored: anonymous visitors still get theirs.
    after = proxy.get(call.url)
    assert after.headers["X-Cache"] == "HIT" and "wagtail-userbar" not in after.text


def test_editor_first_then_anonymous_gets_no_editor_content(proxy, call, editor_cookie):
    assert "wagtail-userbar" in proxy.get(call.url, **editor_cookie).text
    anonymous = proxy.get(call.url)
    assert anonymous.headers["X-Cache"] == "MISS" and "wagtail-userbar" not in anonymous.text


def test_other_cookies_are_dropped_so_anonymous_visitors_share_the_cache(proxy, call):
    proxy.get(call.url)
    response = proxy.get(call.url, Cookie="csrftoken=abc; django_language=fr")
    assert response.headers["X-Cache"] == "HIT"


def test_previews_are_never_cached(proxy, call, editor_cookie):
    url = f"/admin/pages/{call.pk}/edit/preview/"
    for _ in range(2):
        response = proxy.get(url, **editor_cookie)
        assert response.headers["X-Cache"] == "PASS"
        assert "no-store" in response.headers["Cache-Control"]
    anonymous = proxy.get(url)
    assert anonymous.headers["X-Cache"] == "PASS" and anonymous.status_code in (302, 403)


def test_admin_and_posts_pass(proxy, call):
    assert proxy.get("/admin/login/").headers["X-Cache"] == "PASS"
    assert proxy.request("POST", call.url).headers["X-Cache"] == "PASS"


def proxied_request(varnish, client_address, request):
    """Send ``request`` to Varnish's PROXY-protocol port as if it came from ``client_address``."""
    with socket.create_connection(("127.0.0.1", varnish.proxy_port), timeout=10) as sock:
        sock.sendall(f"PROXY TCP4 {client_address} 127.0.0.1 40000 80\r\n".encode() + request)
        answer = b""
        while b"\r\n\r\n" not in answer:
            chunk = sock.recv(4096)
            if not chunk:
                break
            answer += chunk
    return int(answer.split(b" ", 2)[1])


def test_purge_only_from_the_machine_itself(proxy, varnish, call):
    proxy.get(call.url)
    purge = f"PURGE {call.url} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".encode()
    assert proxied_request(varnish, "203.0.113.7", purge) == 405
    assert proxy.get(call.url).headers["X-Cache"] == "HIT"  # still cached
    assert proxied_request(varnish, "127.0.0.1", purge) == 200
    assert proxy.get(call.url).headers["X-Cache"] == "MISS"


def test_plain_purge_of_a_path_clears_its_query_string_variants(proxy, varnish, call, call_index):
    paths = [call_index.url, call_index.url + "?status=open", call.url]
    for path in paths:
        proxy.get(path)
    assert proxy.request("PURGE", call_index.url).status_code == 200
    assert proxy.get(call_index.url).headers["X-Cache"] == "MISS"
    assert proxy.get(call_index.url + "?status=open").headers["X-Cache"] == "MISS"
    assert proxy.get(call.url).headers["X-Cache"] == "HIT"  # not under the path's exact match
