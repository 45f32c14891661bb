"""The admin's document search finds a title the way editors type it, as the site search does: without hamza,
with ه for ة (the documents are portal.PortalDocument, whose title is also indexed folded)."""

import re

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model


@pytest.fixture
def documents(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    Document = get_document_model()
    titles = ("استمارة الترشيح لتعاونيات جرادة", "إعلان طلب إبداء الاهتمام", "Formulaire de candidature")
    return [Document.objects.create(title=title, file=ContentFile(b"%PDF-1.4\n", name="form.pdf")) for title in titles]


def listed(client, query):
    page = client.get("/admin/documents/", {"q": query}).content.decode()
    return set(re.findall(r'<span id="document_\d+_title">([^<]+)</span>', page))


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("جراده", "استمارة الترشيح لتعاونيات جرادة"),  # ه for ة
        ("جرادة", "استمارة الترشيح لتعاونيات جرادة"),
        ("استماره", "استمارة الترشيح لتعاونيات جرادة"),
        ("اعلان", "إعلان طلب إبداء الاهتمام"),  # no hamza
        ("ابداء", "إعلان طلب إبداء الاهتمام"),
        ("formulaire", "Formulaire de candidature"),
    ],
)
def test_the_admin_document_search_folds_arabic_like_the_site_search(client, editor, documents, typed, found):
    client.force_login(editor)
    assert listed(client, typed) == {found}
