"""Editors' screens: the page editor and wagtail-localize's translation editor open for our page types."""

import pytest
from django.contrib.auth import get_user_model
from wagtail_localize.models import Translation


@pytest.fixture
def editor(client, db):
    user = get_user_model().objects.create_superuser("editor", password="a-long-password-1")
    client.force_login(user)
    return user


def test_arabic_page_opens_in_the_page_editor(client, editor, about_pages):
    arabic, _french = about_pages
    response = client.get(f"/admin/pages/{arabic.pk}/edit/")
    assert response.status_code == 200
    assert arabic.title in response.content.decode()


def test_french_translation_opens_in_the_translation_editor(client, editor, about_pages):
    _arabic, french = about_pages
    response = client.get(f"/admin/pages/{french.pk}/edit/")
    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]
    assert Translation.objects.get(target_locale=french.locale, source__object_id=french.translation_key).enabled


def test_editor_can_create_a_standard_page_through_the_admin(client, editor, home):
    response = client.post(
        f"/admin/pages/add/home/standardpage/{home.pk}/",
        {
            "title": "دليل التكوين",
            "slug": "دليل-التكوين",
            "intro": "مقدمة",
            "body-count": "0",
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    home.refresh_from_db()
    page = home.get_children().get(slug="دليل-التكوين")
    assert page.live
    assert client.get(page.url).status_code == 200


def test_new_arabic_page_is_synced_into_the_french_tree(client, editor, home, french_home, locales):
    client.post(
        f"/admin/pages/add/home/standardpage/{home.pk}/",
        {"title": "صفحة جديدة", "slug": "new-page", "intro": "", "body-count": "0", "action-publish": "publish"},
    )
    home.refresh_from_db()
    arabic = home.get_children().get(slug="new-page")
    french = arabic.get_translation(locales["fr"])
    # Synced tree: the French tree gets an alias at once, to be translated in the translation editor.
    assert french.alias_of_id == arabic.pk
    assert french.get_parent().pk == french_home.pk
