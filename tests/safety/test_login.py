"""Login throttling on the Wagtail admin: a username and address pair is locked after repeated failures,
with one page for every locked-out login, whether the account exists or not."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import translation

LOGIN = "/admin/login/"
PASSWORD = "a-long-password-1"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_user("amina", password=PASSWORD, is_superuser=True)


def attempt(client, username, password, address="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def lockout_text(language):
    with translation.override(language):
        return translation.gettext("Too many failed login attempts")


def is_logged_in(client):
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_five_failures_lock_out_even_the_right_password(editor, language, settings):
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    for _ in range(4):
        response = attempt(client, "amina", "wrong-password")
        assert response.status_code == 200  # the login form again, with its usual error
        assert lockout_text(language) not in response.content.decode()
    locked = attempt(client, "amina", "wrong-password")
    assert locked.status_code == 429
    right_password = attempt(client, "amina", PASSWORD)
    assert right_password.status_code == 429
    page = right_password.content.decode()
    assert lockout_text(language) in page
    assert f'lang="{language}"' in page
    assert "amina" not in page
    assert not is_logged_in(client)


def test_the_lockout_page_is_the_same_for_an_unknown_username(editor):
    pages = {}
    for username in ("amina", "nobody-by-this-name"):
        client = Client(HTTP_ACCEPT_LANGUAGE="ar")
        for _ in range(5):
            attempt(client, username, "wrong-password")
        response = attempt(client, username, PASSWORD)
        assert response.status_code == 429
        pages[username] = response.content.replace(b"nobody-by-this-name", b"amina")
    assert pages["amina"] == pages["nobody-by-this-name"]


def test_ordinary_failure_does_not_tell_whether_the_account_exists(editor):
    known = attempt(Client(), "amina", "wrong-password")
    unknown = attempt(Client(), "nobody-by-this-name", "wrong-password")
    assert known.status_code == unknown.status_code == 200
    assert known.context["form"].errors == unknown.context["form"].errors


def test_a_successful_login_resets_the_count(editor):
    client = Client()
    for _ in range(4):
        attempt(client, "amina", "wrong-password")
    assert attempt(client, "amina", PASSWORD).status_code == 302
    assert is_logged_in(client)
    client.logout()
    for _ in range(4):
        assert attempt(client, "amina", "wrong-password").status_code == 200
    assert attempt(client, "amina", PASSWORD).status_code == 302


def test_lockout_is_per_username_and_address(editor):
    client = Client()
    for _ in range(5):
        attempt(client, "amina", "wrong-password", address="203.0.113.7")
    assert attempt(client, "amina", PASSWORD, address="203.0.113.7").status_code == 429
    # The same account from another address, and another account from the locked address, still log in.
    assert attempt(Client(), "amina", PASSWORD, address="198.51.100.4").status_code == 302
    get_user_model().objects.create_user("youssef", password=PASSWORD, is_superuser=True)
    assert attempt(Client(), "youssef", PASSWORD, address="203.0.113.7").status_code == 302


def test_the_address_behind_a_trusted_proxy_is_the_one_counted(editor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    client = Client()
    for _ in range(5):
        client.post(
            LOGIN,
            {"username": "amina", "password": "wrong"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7",
        )
    locked = client.post(
        LOGIN, {"username": "amina", "password": PASSWORD}, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7"
    )
    assert locked.status_code == 429
    # A forged left-most entry changes nothing: the proxy's own entry (right-most) is the address.
    other = client.post(
        LOGIN,
        {"username": "amina", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.7, 198.51.100.4",
    )
    assert other.status_code == 302


def test_the_front_end_login_for_private_pages_is_throttled_too(editor):
    client = Client(HTTP_ACCEPT_LANGUAGE="fr")
    for _ in range(5):
        client.post("/fr/_util/login/", {"username": "amina", "password": "wrong"}, REMOTE_ADDR="203.0.113.9")
    response = client.post("/fr/_util/login/", {"username": "amina", "password": PASSWORD}, REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 429
    assert lockout_text("fr") in response.content.decode()
    assert not is_logged_in(client)


def test_a_huge_username_is_one_more_failure_not_an_error(editor):
    # Django's own login form (the front-end login) passes any length of username on to authenticate().
    client = Client()
    huge = "x" * 10_000
    for _ in range(5):
        response = client.post("/ar/_util/login/", {"username": huge, "password": "wrong"}, REMOTE_ADDR="203.0.113.5")
        assert response.status_code in (200, 429)
    response = client.post("/ar/_util/login/", {"username": huge, "password": "wrong"}, REMOTE_ADDR="203.0.113.5")
    assert response.status_code == 429
    assert attempt(client, huge, "wrong").status_code in (200, 429)  # the admin's form refuses it itself
    assert attempt(client, "amina", PASSWORD, address="203.0.113.5").status_code == 302
