"""The Wagtail admin speaks Arabic (right to left) and French; each editor picks theirs."""

import re

import pytest
from django.contrib.auth import get_user_model


def _html_tag(response):
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


@pytest.mark.parametrize(
    ("accept_language", "lang", "direction", "sign_in"),
    [
        ("ar", "ar", "rtl", "<h1>تسجيل الدخول إلى Wagtail</h1>"),
        ("fr-FR,fr", "fr", "ltr", "<h1>S'identifier</h1>"),
        ("en", "ar", "rtl", "<h1>تسجيل الدخول إلى Wagtail</h1>"),
    ],
)
def test_admin_login_page_in_both_languages(client, db, accept_language, lang, direction, sign_in):
    response = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 200
    tag = _html_tag(response)
    assert f'lang="{lang}"' in tag
    assert f'dir="{direction}"' in tag
    assert sign_in in response.content.decode()


@pytest.mark.parametrize(("preferred", "direction"), [("fr", "ltr"), ("ar", "rtl")])
def test_each_editor_picks_the_admin_language(client, db, preferred, direction):
    from wagtail.users.models import UserProfile

    editor = get_user_model().objects.create_superuser("editor", password="a-long-password-1")
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = preferred
    profile.save()
    client.force_login(editor)
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="ar" if preferred == "fr" else "fr")
    assert response.status_code == 200
    tag = _html_tag(response)
    assert f'lang="{preferred}"' in tag and f'dir="{direction}"' in tag


def test_admin_offers_exactly_arabic_and_french(client, db):
    editor = get_user_model().objects.create_superuser("editor", password="a-long-password-1")
    client.force_login(editor)
    html = client.get("/admin/account/").content.decode()
    options = set(re.findall(r'<option value="(ar|fr|en|es|de)"', html))
    assert options == {"ar", "fr"}
