"""Nothing edited is lost: every page and snippet keeps its revisions, and an older one can be restored."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import RevisionMixin
from wagtail.snippets.models import get_snippet_models

from search.models import SynonymGroup
from tests.conftest import make_standard_page
from tests.resources.conftest import make_project


@pytest.fixture
def editor(client, db):
    user = get_user_model().objects.create_superuser("amina", password="a-long-password-1")
    client.force_login(user)
    return user


def test_every_snippet_model_keeps_revisions():
    models = get_snippet_models()
    assert {model._meta.label for model in models} >= {
        "resources.ProjectModel",
        "resources.FundingPartner",
        "portal_search.SynonymGroup",
    }
    assert [model._meta.label for model in models if not issubclass(model, RevisionMixin)] == []


def test_a_page_edited_three_times_gets_its_first_version_back(home, editor, client):
    page = make_standard_page(home, "دعم التعاونيات", "دعم-التعاونيات", intro="النسخة الأولى")
    first = page.get_latest_revision()
    for number in ("الثانية", "الثالثة", "الرابعة"):
        page.intro = f"النسخة {number}"
        page.save_revision(user=editor).publish()
    assert page.revisions.count() == 4
    assert "النسخة الرابعة" in client.get(page.url).content.decode()

    # The admin offers the first revision for restoring, filled in with its content.
    revert = client.get(reverse("wagtailadmin_pages:revisions_revert", args=[page.id, first.id]))
    assert revert.status_code == 200 and "النسخة الأولى" in revert.content.decode()

    # Restoring it is a new revision holding the old content, published; nothing in between is lost.
    restored = first.as_object()
    restored.save_revision(user=editor).publish()
    page.refresh_from_db()
    assert page.intro == "النسخة الأولى"
    assert page.revisions.count() == 5
    assert "النسخة الأولى" in client.get(page.url).content.decode()


def test_a_project_model_edited_three_times_gets_its_first_version_back(home, editor, client):
    project = make_project(title="وحدة لتثمين الصبار", summary="الملخص الأول")
    first = project.save_revision(user=editor)
    first.publish()
    for number in ("الثاني", "الثالث", "الرابع"):
        project.summary = f"الملخص {number}"
        project.save_revision(user=editor).publish()
    project.refresh_from_db()
    assert project.summary == "الملخص الرابع" and project.revisions.count() == 4

    viewset = project.snippet_viewset
    revert = client.get(reverse(viewset.get_url_name("revisions_revert"), args=[project.pk, first.id]))
    assert revert.status_code == 200 and "الملخص الأول" in revert.content.decode()

    first.as_object().save_revision(user=editor).publish()
    project.refresh_from_db()
    assert project.summary == "الملخص الأول" and project.revisions.count() == 5


def form_values(html, field_name):
    """The action and values of the page's form that has ``field_name``, as the browser would send them."""
    form = next(
        form for form in BeautifulSoup(html, "html.parser").find_all("form") if form.find(attrs={"name": field_name})
    )
    values = {field["name"]: field.get("value", "") for field in form.find_all("input") if field.get("name")}
    values.update({area["name"]: area.get_text() for area in form.find_all("textarea")})
    return form.get("action"), values


def test_a_synonym_group_is_restored_through_the_admin(editor, client):
    viewset = SynonymGroup.snippet_viewset
    response = client.post(reverse(viewset.get_url_name("add")), {"terms": "الصبار، الهندية", "note": "أولى"})
    assert response.status_code == 302
    group = SynonymGroup.objects.get()
    for terms in ("الصبار، cactus", "الصبار، الزعتر"):
        assert client.post(reverse(viewset.get_url_name("edit"), args=[group.pk]), {"terms": terms}).status_code == 302
    group.refresh_from_db()
    assert group.terms == "الصبار، الزعتر" and group.revisions.count() == 3
    first = group.revisions.order_by("created_at", "id").first()

    # The editor opens the first revision and saves it: the form comes filled with the old words.
    page = client.get(reverse(viewset.get_url_name("revisions_revert"), args=[group.pk, first.id]))
    action, values = form_values(page.content, "terms")
    assert values["terms"].strip() == "الصبار، الهندية"
    assert client.post(action or page.request["PATH_INFO"], values).status_code == 302
    group.refresh_from_db()
    assert group.terms.strip() == "الصبار، الهندية" and group.revisions.count() == 4
    assert any("الهندية" in words for words in group.words())
