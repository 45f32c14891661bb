"""First login: the account `make setup` creates has a name, and its settings save without a profile."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.users.models import UserProfile


@pytest.fixture
def setup_admin(db, tmp_path, settings):
    settings.BASE_DIR = tmp_path
    call_command("ensure_admin", port="8000", stdout=io.StringIO())
    return get_user_model().objects.get(username="admin")


def account_post(**fields):
    """The account form as the browser sends it: every panel's fields, the profile ones left empty."""
    data = {
        "name_email-first_name": "",
        "name_email-last_name": "",
        "name_email-email": "",
        "locale-preferred_language": "",
        "locale-current_time_zone": "",
        "theme-theme": "system",
        "theme-density": "default",
        "theme-contrast": "system",
        "theme-keyboard_shortcuts": "on",
    }
    data.update(fields)
    return data


def test_the_setup_admin_has_a_name_and_no_made_up_address(setup_admin):
    assert (setup_admin.first_name, setup_admin.last_name) == ("مدير", "البوابة")
    assert setup_admin.email == ""


def test_the_language_and_time_zone_save_without_a_name_or_an_address(db, client):
    user = get_user_model().objects.create_superuser("fresh", email="", password="a-long-password-1")
    client.force_login(user)
    response = client.post(
        reverse("wagtailadmin_account"),
        account_post(**{"locale-preferred_language": "fr", "locale-current_time_zone": "Africa/Casablanca"}),
    )
    assert response.status_code == 302, response.context["panels_by_tab"] if response.context else response
    profile = UserProfile.get_for_user(user)
    profile.refresh_from_db()
    assert (profile.preferred_language, profile.current_time_zone) == ("fr", "Africa/Casablanca")


def test_an_address_given_is_still_checked(db, client):
    user = get_user_model().objects.create_superuser("fresh", email="", password="a-long-password-1")
    client.force_login(user)
    response = client.post(
        reverse("wagtailadmin_account"),
        account_post(**{"name_email-email": "not an address"}),
        HTTP_ACCEPT_LANGUAGE="ar",
    )
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.email == ""


def test_the_account_page_still_needs_a_login(db, client):
    response = client.get(reverse("wagtailadmin_account"))
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]
