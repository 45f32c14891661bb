"""Page choosers keep to the edited page's language: they open at its home, list and find only its locale,
and a page of the other language is refused with a message on the field."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from portal.translating import translate
from programs.models import CallPage
from resources.models import GuidePage, GuideRelatedPage
from tests.editorial.conftest import admin_form
from tests.programs.conftest import make_call, make_program


@pytest.fixture
def programmes(program_index, french_home, locales):
    arabic = make_program(program_index, title="برنامج دعم التعاونيات بجهة الشرق", slug="delio")
    strings = {arabic.title: "Programme DELIO de soutien aux coopératives", "ملخص": "Résumé"}
    french = translate(arabic, locales["fr"], strings, slug="delio")
    return arabic, french


@pytest.fixture
def arabic_call(call_index):
    return make_call(call_index, title="طلب إبداء الاهتمام لتعاونيات جرادة")


def chooser_html(client, url, edited_from, **params):
    response = client.get(url, {"page_type": "programs.programpage", **params}, HTTP_REFERER=edited_from)
    assert response.status_code == 200
    # Browsing answers the modal's JSON; search answers the results' HTML.
    return response.json()["html"] if response["Content-Type"] == "application/json" else response.content.decode()


def test_the_chooser_opens_at_the_edited_pages_home_not_at_root(client, editor, programmes, arabic_call):
    arabic, french = programmes
    client.force_login(editor)
    edit_url = "http://testserver" + reverse("wagtailadmin_pages:edit", args=[arabic_call.pk])
    html = chooser_html(client, reverse("wagtailadmin_choose_page"), edit_url)
    # The home's own folders are listed: the chooser is inside the Arabic home, one level below Root.
    assert reverse("wagtailadmin_choose_page_child", args=[arabic.get_parent().pk]) in html
    assert reverse("wagtailadmin_choose_page_child", args=[french.get_parent().pk]) not in html


def test_the_chooser_from_a_new_page_opens_at_its_parents_home(client, editor, programmes, call_index):
    arabic, french = programmes
    client.force_login(editor)
    add_url = "http://testserver" + reverse("wagtailadmin_pages:add", args=["programs", "callpage", call_index.pk])
    html = chooser_html(client, reverse("wagtailadmin_choose_page"), add_url)
    assert reverse("wagtailadmin_choose_page_child", args=[arabic.get_parent().pk]) in html


def test_the_chooser_search_finds_only_the_edited_pages_language(client, editor, programmes, arabic_call):
    arabic, french = programmes
    client.force_login(editor)
    edit_url = "http://testserver" + reverse("wagtailadmin_pages:edit", args=[arabic_call.pk])
    html = chooser_html(client, reverse("wagtailadmin_choose_page_search"), edit_url, q="برنامج")
    assert arabic.title in html
    html = chooser_html(client, reverse("wagtailadmin_choose_page_search"), edit_url, q="Programme")
    assert french.title not in html


def test_browsing_into_a_folder_lists_only_the_edited_pages_language(client, editor, programmes, arabic_call):
    arabic, french = programmes
    client.force_login(editor)
    edit_url = "http://testserver" + reverse("wagtailadmin_pages:edit", args=[arabic_call.pk])
    html = chooser_html(client, reverse("wagtailadmin_choose_page_child", args=[french.get_parent().pk]), edit_url)
    assert french.title not in html


def test_a_chooser_opened_elsewhere_is_wagtails_own(client, editor, programmes):
    arabic, french = programmes
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Programme"})
    assert french.title in response.content.decode()


def test_an_arabic_call_refuses_a_french_programme(programmes, arabic_call):
    arabic, french = programmes
    arabic_call.program = french
    with translation.override("ar"), pytest.raises(ValidationError) as refused:
        arabic_call.full_clean()
    (message,) = refused.value.message_dict["program"]
    assert french.title in message and "Français" in message
    assert "اختر صفحة" in message
    arabic_call.program = arabic
    arabic_call.full_clean()


def test_a_guide_refuses_a_related_page_of_the_other_language(home, french_home):
    guide = GuidePage(title="دليل تأسيس تعاونية", slug="guide", intro="ملخص")
    home.add_child(instance=guide)
    with pytest.raises(ValidationError) as refused:
        GuideRelatedPage(page=guide, linked_page=french_home).full_clean(exclude=["sort_order"])
    assert "linked_page" in refused.value.message_dict
    GuideRelatedPage(page=guide, linked_page=home).full_clean(exclude=["sort_order"])


def test_the_editor_shows_the_refusal_next_to_the_programme_field(client, editor, programmes, arabic_call):
    arabic, french = programmes
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=[arabic_call.pk])
    data = admin_form(client, url, model=CallPage)
    data["program"] = str(french.pk)
    response = client.post(url, data)
    assert response.status_code == 200
    assert "program" in response.context["form"].errors
    assert CallPage.objects.get(pk=arabic_call.pk).get_latest_revision().as_object().program_id != french.pk
