"""Roles: what Editors, Moderators, Translators and Administrators may do, proven through the admin."""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.contrib import messages
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from editorial.roles import ADMINISTRATORS, EDITORS, MODERATORS, ROLE_NAMES, TRANSLATORS, setup_roles
from programs.models import CallPage
from tests.programs.conftest import make_call

from .conftest import admin_form

ROOT = Path(__file__).resolve().parents[2]
FORM = "application/x-www-form-urlencoded"


def page_actions(group_name, page):
    return set(
        GroupPagePermission.objects.filter(group__name=group_name, page=page).values_list(
            "permission__codename", flat=True
        )
    )


def test_the_migration_creates_the_four_roles_with_their_page_permissions(db):
    assert set(Group.objects.filter(name__in=ROLE_NAMES).values_list("name", flat=True)) == set(ROLE_NAMES)
    root = Page.get_first_root_node()
    assert page_actions(EDITORS, root) == {"add_page", "change_page"}
    assert "publish_page" in page_actions(MODERATORS, root)
    assert page_actions(ADMINISTRATORS, root) >= {"publish_page", "bulk_delete_page", "unlock_page"}
    assert page_actions(TRANSLATORS, root) == set()


def test_snippet_permissions_follow_the_roles(db):
    def codenames(name):
        return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))

    assert {"change_projectmodel", "add_fundingpartner"} <= codenames(EDITORS)
    assert "publish_projectmodel" not in codenames(EDITORS)
    assert {"publish_projectmodel", "publish_fundingpartner"} <= codenames(MODERATORS)
    assert "change_projectmodel" in codenames(TRANSLATORS)
    assert not {"add_projectmodel", "publish_projectmodel", "delete_projectmodel"} & codenames(TRANSLATORS)
    assert {"add_user", "change_group", "publish_projectmodel"} <= codenames(ADMINISTRATORS)


def test_setting_up_the_roles_again_changes_nothing(db):
    before = (GroupPagePermission.objects.count(), Group.permissions.through.objects.count())
    setup_roles()
    assert (GroupPagePermission.objects.count(), Group.permissions.through.objects.count()) == before


def test_translators_may_edit_the_french_tree_only(french_home, home):
    assert page_actions(TRANSLATORS, french_home) == {"change_page"}
    assert page_actions(TRANSLATORS, home) == set()


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_an_editor_cannot_publish(client, editor, call_index):
    call = make_call(call_index, title="طلب أول")
    client.force_login(editor)
    data = admin_form(client, edit_url(call), model=CallPage)
    data["title"] = "طلب معدل"
    data["action-publish"] = "publish"
    response = client.post(edit_url(call), data)
    assert response.status_code == 302
    call = CallPage.objects.get(pk=call.pk)
    # The change is kept as a draft; the public page still shows the published title.
    assert call.title == "طلب أول"
    assert call.has_unpublished_changes
    assert call.get_latest_revision_as_object().title == "طلب معدل"
    assert client.get(call.url).content.decode().count("طلب معدل") == 0


def test_a_moderator_publishes(client, moderator, call_index):
    call = make_call(call_index, title="طلب أول")
    client.force_login(moderator)
    data = admin_form(client, edit_url(call), model=CallPage)
    data["title"] = "طلب منشور"
    data["action-publish"] = "publish"
    assert client.post(edit_url(call), data).status_code == 302
    call = CallPage.objects.get(pk=call.pk)
    assert call.title == "طلب منشور"
    assert call.live and not call.has_unpublished_changes


def test_a_translator_cannot_edit_the_arabic_page(client, translator, about_pages):
    arabic, _french = about_pages
    client.force_login(translator)
    response = client.get(edit_url(arabic))
    assert response.status_code in (302, 403)
    response = client.post(edit_url(arabic), {"title": "عنوان آخر", "slug": arabic.slug, "action-publish": "1"})
    assert response.status_code in (302, 403)
    arabic.refresh_from_db()
    assert arabic.title == "عن البوابة"
    assert arabic.get_latest_revision_as_object().title == "عن البوابة"


def test_a_translator_edits_the_french_translation(client, translator, about_pages):
    _arabic, french = about_pages
    client.force_login(translator)
    response = client.get(edit_url(french))
    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]
    translation = Translation.objects.get(source__object_id=french.translation_key, target_locale=french.locale)
    segment = translation.source.stringsegment_set.get(string__data="عن البوابة")
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    # What the translation editor sends when a string is saved.
    response = client.put(url, urlencode({"value": "À propos du portail"}), content_type=FORM)
    assert response.status_code == 200, response.content
    assert (
        StringTranslation.objects.get(translation_of=segment.string, locale=french.locale, context=segment.context).data
        == "À propos du portail"
    )


def test_a_translator_cannot_publish_the_french_page(client, translator, about_pages):
    _arabic, french = about_pages
    assert not french.permissions_for_user(translator).can_publish()
    assert french.permissions_for_user(translator).can_edit()


@pytest.fixture
def partners(locales):
    from resources.models import FundingPartner

    arabic = FundingPartner(name="مكتب تنمية التعاون", kind="agency", locale=locales["ar"])
    arabic.save()
    arabic.save_revision().publish()
    french = arabic.copy_for_translation(locales["fr"])
    french.name = "Office du développement de la coopération"
    french.save()
    french.save_revision().publish()
    return arabic, french


def snippet_edit_url(obj):
    return reverse("wagtailsnippets_resources_fundingpartner:edit", args=[obj.pk])


def test_a_translator_cannot_edit_an_arabic_snippet_but_edits_the_french_one(client, translator, partners):
    arabic, french = partners
    client.force_login(translator)
    assert client.get(snippet_edit_url(arabic)).status_code in (302, 403)
    assert client.post(snippet_edit_url(arabic), {"name": "اسم آخر"}).status_code in (302, 403)
    arabic.refresh_from_db()
    assert arabic.name == "مكتب تنمية التعاون"
    assert client.get(snippet_edit_url(french)).status_code == 200


def test_an_editor_edits_an_arabic_snippet(client, editor, partners):
    arabic, _french = partners
    client.force_login(editor)
    assert client.get(snippet_edit_url(arabic)).status_code == 200


VARIANT_SCRIPT = """
import django
django.setup()
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
from django.contrib import messages
from django.contrib.auth.models import Group
for group in Group.objects.order_by("name"):
    print(group.name, group.permissions.count(), group.page_permissions.count(), group.collection_permissions.count())
"""


def test_roles_are_set_up_on_a_fresh_database_without_any_section(tmp_path):
    environment = dict(os.environ)
    environment.update(
        DJANGO_SETTINGS_MODULE="portal.settings.test",
        PORTAL_SECTIONS="",
        DATABASE_URL=f"sqlite:///{tmp_path / 'fresh.sqlite3'}",
    )
    result = subprocess.run(
        [sys.executable, "-c", VARIANT_SCRIPT], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-3000:]
    counts = {line.rsplit(" ", 3)[0]: line.rsplit(" ", 3)[1:] for line in result.stdout.strip().splitlines()}
    assert set(counts) == set(ROLE_NAMES)
    # Without the resources section Translators keep admin access, translation and the media choosers only;
    # no French home page yet, so no page permission.
    assert counts[TRANSLATORS] == ["2", "0", "2"]
    # Editors: admin access, translation, synonym groups; add and change on the root page; media.
    assert counts[EDITORS][1:] == ["2", "6"] and int(counts[EDITORS][0]) >= 5


def sync_and_publish(client, page):
    source = TranslationSource.objects.get_for_instance(page)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    return client.post(url, {"publish_translations": "on"}, follow=True)


def test_syncing_translations_publishes_them_only_for_those_who_may_publish(
    client, translator, editor, moderator, about_pages, django_capture_on_commit_callbacks
):
    arabic, french = about_pages
    client.force_login(translator)
    translation = Translation.objects.get(source__object_id=french.translation_key, target_locale=french.locale)
    segment = translation.source.stringsegment_set.get(string__data="عن البوابة")
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    assert client.put(url, urlencode({"value": "Le portail, en bref"}), content_type=FORM).status_code == 200

    # "Sync translated pages" with "Publish immediately": an Editor's request leaves the unreviewed text unpublished…
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = sync_and_publish(client, arabic)
    assert response.status_code == 200
    assert [m.level for m in response.context["messages"]] == [messages.WARNING, messages.SUCCESS]
    french.refresh_from_db()
    assert french.title == "À propos"

    # … a Moderator's publishes it.
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        assert sync_and_publish(client, arabic).status_code == 200
    french.refresh_from_db()
    assert french.title == "Le portail, en bref" and french.live


def test_documents_and_images_follow_the_roles(editor, moderator, translator):
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import GroupCollectionPermission
    from wagtail.permissions import policy_registry

    def on_root_collection(name):
        return set(
            GroupCollectionPermission.objects.filter(group__name=name, collection__depth=1).values_list(
                "permission__codename", flat=True
            )
        )

    for model in (get_document_model(), get_image_model()):
        policy = policy_registry.get_by_type(model)
        assert policy.user_has_permission(editor, "add") and policy.user_has_permission(editor, "choose")
        assert policy.user_has_permission(translator, "choose")
        assert not policy.user_has_permission(translator, "add")
    # Deleting media (a call's forms) is for Moderators; Editors only delete what they uploaded themselves.
    assert not {"delete_document", "delete_image"} & on_root_collection(EDITORS)
    assert {"delete_document", "delete_image"} <= on_root_collection(MODERATORS)
