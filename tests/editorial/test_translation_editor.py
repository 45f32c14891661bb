"""The translation editor sends a French page into the pages' moderation workflow, and gives its script what it
needs in the admin's language (the browser side is tests/browser/test_translation_editor.py)."""

import json
import re

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import WorkflowState

from editorial.moderation import moderation_workflow
from editorial.wagtail_hooks import translation_editor_settings
from portal.translating import translate
from tests.programs.conftest import make_call

FRENCH = {"طلب إبداء الاهتمام": "Appel à manifestation d'intérêt", "ملخص الطلب": "Résumé"}


@pytest.fixture
def french_call(call_index, french_home, locales):
    call = make_call(call_index, title="طلب إبداء الاهتمام", slug="ami")
    translate(call_index, locales["fr"], {"طلبات الترشيح": "Appels", "calls": "appels"})
    return translate(call, locales["fr"], FRENCH, slug="ami", publish=False)


def submit_url(page):
    return reverse("editorial_submit_translation", args=[page.pk])


def test_a_translator_submits_the_french_draft_to_the_pages_workflow(client, translator, moderator, french_call):
    client.force_login(translator)
    response = client.post(submit_url(french_call))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[french_call.pk])
    state = WorkflowState.objects.for_instance(french_call).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow == moderation_workflow() and state.requested_by == translator
    assert state.current_task_state.revision.as_object().title == "Appel à manifestation d'intérêt"
    french_call.refresh_from_db()
    assert not french_call.live  # published only when a moderator approves

    again = client.post(submit_url(french_call), follow=True)
    assert WorkflowState.objects.for_instance(french_call).count() == 1
    assert "déjà en modération" in again.content.decode()  # the translator’s admin speaks French


def test_a_page_without_a_translation_cannot_be_submitted_here(client, translator, editor, french_call, call_index):
    client.force_login(editor)
    source = french_call.get_translation(call_index.locale)
    assert client.post(submit_url(source), follow=True).status_code == 404  # (via the locale prefix's redirect)
    assert client.get(submit_url(french_call)).status_code == 405
    assert not WorkflowState.objects.exists()


def test_the_editor_script_gets_directions_addresses_and_words_in_the_admin_language(client, translator, french_call):
    client.force_login(translator)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[french_call.pk])).content.decode()
    assert "js-translation-editor" in html
    found = re.search(r'<script id="editorial-translation-editor" type="application/json">(.*?)</script>', html)
    settings = json.loads(found.group(1))
    assert settings["directions"] == {"ar": "rtl", "fr": "ltr"}
    assert settings["submitUrl"].replace(settings["pageIdMark"], str(french_call.pk)) == submit_url(french_call)
    assert settings["submitLabel"] == "Soumettre pour modération"  # the translator's admin speaks French
    assert "editorial/translation_editor.js" in html
    with translation.override("ar"):
        arabic = translation_editor_settings()
    assert arabic["confirmConvert"].startswith("تحويل")
    # What wagtail-localize writes in English: the script puts these in its place.
    assert arabic["heading"]["local"] % {"source": "العربية", "target": "Français"} == "الترجمة من العربية إلى Français"
    assert arabic["moreActions"] == {"english": "More actions", "local": "إجراءات أخرى"}
    assert arabic["months"]["September"] == "شتنبر" and arabic["months"]["December"] == "دجنبر"
