"""A page's address is never a riddle: an empty slug is made from the title, a taken one is refused next to the
field naming the page that has it."""

from django.utils.text import slugify

from programs.models import CallPage

from .conftest import admin_form
from .test_moderation import DEADLINE, add_url, edit_url

TITLE = "طلب إبداء الاهتمام لتعاونيات جرادة"


def add_call(client, call_index, title=TITLE, slug=""):
    data = admin_form(client, add_url(CallPage, call_index), model=CallPage)
    data.update({"title": title, "slug": slug, "intro": "دعم التعاونيات", "deadline": DEADLINE})
    return client.post(add_url(CallPage, call_index), data)


def arabic_calls(title=TITLE):
    return CallPage.objects.filter(title=title, locale__language_code="ar")


def test_an_empty_slug_is_made_from_the_arabic_title(client, editor, call_index):
    client.force_login(editor)
    assert add_call(client, call_index).status_code == 302
    (call,) = arabic_calls()
    assert call.slug == slugify(TITLE, allow_unicode=True) == "طلب-إبداء-الاهتمام-لتعاونيات-جرادة"


def test_a_second_page_of_the_same_title_gets_a_suffix(client, editor, call_index):
    client.force_login(editor)
    assert add_call(client, call_index).status_code == 302
    assert add_call(client, call_index).status_code == 302
    assert sorted(arabic_calls().values_list("slug", flat=True)) == [
        "طلب-إبداء-الاهتمام-لتعاونيات-جرادة",
        "طلب-إبداء-الاهتمام-لتعاونيات-جرادة-2",
    ]


def test_a_taken_slug_is_refused_on_its_field_naming_the_page_that_has_it(client, editor, call_index):
    client.force_login(editor)
    assert add_call(client, call_index, title="طلب دعم تعاونيات فجيج", slug="figuig").status_code == 302
    response = add_call(client, call_index, slug="figuig")
    assert response.status_code == 200
    (message,) = response.context["form"].errors["slug"]
    assert message == "الصفحة «طلب دعم تعاونيات فجيج» في القسم نفسه تستعمل هذا الرابط؛ اختر رابطاً آخر."
    assert not arabic_calls().exists()


def test_a_page_keeps_its_own_slug_when_saved_again(client, editor, call_index):
    client.force_login(editor)
    assert add_call(client, call_index, slug="jerada").status_code == 302
    (call,) = arabic_calls()
    data = admin_form(client, edit_url(call), model=CallPage)
    assert client.post(edit_url(call), data).status_code == 302
    assert CallPage.objects.get(pk=call.pk).get_latest_revision().as_object().slug == "jerada"
