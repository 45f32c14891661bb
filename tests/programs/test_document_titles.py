"""A document's title follows the page's language: a French call page lists its form under the document's French
title, an Arabic one under the Arabic title, and a document without a French title keeps its title."""

import pytest
from django.contrib.auth import get_user_model

from portal.demo_files import demo_document
from portal.translating import translate
from programs.models import CallDocument
from tests.programs.conftest import make_call


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def call_with_form(call_index, title_fr):
    form = demo_document("استمارة الترشيح", "form.pdf", "form", title_fr)
    call = make_call(call_index, title="طلب إبداء الاهتمام", slug="ami")
    call.documents = [CallDocument(document=form, kind="form", language="ar")]  # no title of its own
    call.save_revision().publish()
    return call


def form_title(client, page):
    html = client.get(page.url).content.decode()
    start = html.index('<span class="download__title">') + len('<span class="download__title">')
    return html[start : html.index("</span>", start)]


def french_copy(call, locales):
    translate(call.get_parent().specific, locales["fr"], {"طلبات الترشيح": "Appels", "calls": "appels"})
    return translate(
        call, locales["fr"], {call.title: "Appel à manifestation d'intérêt", call.slug: "ami", call.intro: "Résumé"}
    )


def test_a_french_call_page_lists_its_form_under_the_french_title(client, call_index, media, french_home, locales):
    call = call_with_form(call_index, "Formulaire de candidature")
    assert form_title(client, french_copy(call, locales)) == "Formulaire de candidature"
    assert form_title(client, call) == "استمارة الترشيح"


def test_a_document_without_a_french_title_keeps_its_title(client, call_index, media, french_home, locales):
    call = call_with_form(call_index, "")
    assert form_title(client, french_copy(call, locales)) == "استمارة الترشيح"


def test_the_admin_document_form_has_the_french_title(client, db, media):
    document = demo_document("استمارة الترشيح", "form.pdf", "form")
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(admin)
    url = f"/admin/documents/edit/{document.pk}/"
    assert 'name="title_fr"' in client.get(url).content.decode()
    response = client.post(url, {"title": document.title, "title_fr": "Formulaire de candidature", "collection": 1})
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.title_fr == "Formulaire de candidature"
