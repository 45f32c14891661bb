"""wagtail-localize's translation editor as a Translator whose admin speaks Arabic meets it, translating a call
into French: the editor speaks Arabic and shows the page's whole title, the French text is written left to right,
"Convert to alias page" is not the main button and asks first, and the French draft goes into the moderation
workflow."""

import json
import re

import pytest

from editorial.roles import TRANSLATORS

from .admin import admin_context, ensure_user

pytestmark = pytest.mark.browser

# A call of its own, translated into French as a draft, so that no other test meets it in moderation.
MAKE_TRANSLATED_CALL = """
import json
from datetime import timedelta
from django.utils import timezone
from wagtail.models import Locale
from portal.translating import translate
from programs.models import CallIndexPage, CallPage
french = CallPage.objects.filter(slug="translation-editor-call", locale__language_code="fr").first()
if french is None:
    index = CallIndexPage.objects.get(locale__language_code="ar")
    now = timezone.now()
    call = CallPage(title="طلب لتجربة الترجمة", slug="translation-editor-call", intro="ملخص الطلب",
                    opening_date=now - timedelta(days=5), deadline=now + timedelta(days=30))
    index.add_child(instance=call)
    call.save_revision().publish()
    strings = {call.title: "Appel pour essayer la traduction", call.intro: "Résumé de l'appel"}
    french = translate(call, Locale.objects.get(language_code="fr"), strings, slug=call.slug, publish=False)
print(json.dumps({"id": french.pk}))
"""

WORKFLOW_STATE = """
import json
from wagtail.models import Page, WorkflowState
page = Page.objects.get(pk={page_id}).specific
state = WorkflowState.objects.for_instance(page).first()
revision = state.current_task_state.revision.as_object() if state else None
print(json.dumps({{"status": state.status if state else None, "title": revision.title if revision else None}}))
"""


@pytest.fixture
def french_call_id(portal):
    return json.loads(portal.manage("shell", "-c", MAKE_TRANSLATED_CALL).strip().splitlines()[-1])["id"]


@pytest.fixture
def arabic_translator(browser, portal):
    context = admin_context(browser, portal, ensure_user(portal, "translator-ar", group=TRANSLATORS, language="ar"))
    yield context.new_page()
    context.close()


ARABIC_MONTHS = "يناير|فبراير|مارس|أبريل|ماي|يونيو|يوليوز|غشت|شتنبر|أكتوبر|نونبر|دجنبر"
ENGLISH_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"

TITLE_AND_ITS_ROOM = """() => {
  const title = document.querySelector(".w-breadcrumbs li:last-child > a").getBoundingClientRect();
  const room = document.querySelector(".w-breadcrumbs").getBoundingClientRect();
  return {title: [title.left, title.right], room: [room.left, room.right]};
}"""


def test_the_translation_editor_speaks_arabic_and_shows_the_title_whole(arabic_translator, portal, french_call_id):
    page = arabic_translator
    page.set_viewport_size({"width": 360, "height": 800})  # a phone: the French title is wider than its room
    page.goto(f"/admin/pages/{french_call_id}/edit/")
    editor = page.locator(".js-translation-editor")
    assert editor.locator("section h3").first.inner_text() == "الترجمة من العربية إلى Français"
    toggles = editor.locator("footer .w-dropdown__toggle .w-sr-only").all_inner_texts()
    assert toggles and set(toggles) == {"إجراءات أخرى"}
    comments = " ".join(editor.locator("li > div + ul > li").all_inner_texts())
    assert re.search(rf"\d{{1,2}} ({ARABIC_MONTHS}) \d{{4}}", comments), comments
    assert not re.search(ENGLISH_MONTHS, comments)

    # The title starts where it starts (Wagtail's header cut the start of a French title in the Arabic admin).
    box = page.evaluate(TITLE_AND_ITS_ROOM)
    assert box["room"][0] - 1 <= box["title"][0] and box["title"][1] <= box["room"][1] + 1, box


def test_a_translator_writes_french_left_to_right_and_submits_it_for_moderation(
    arabic_translator, portal, french_call_id
):
    page = arabic_translator
    page.goto(f"/admin/pages/{french_call_id}/edit/")
    editor = page.locator(".js-translation-editor")
    title_segment = editor.locator("li:has(> p.title)").first
    value = title_segment.locator("> p + div")
    assert value.get_attribute("dir") == "ltr" and value.get_attribute("lang") == "fr"
    assert title_segment.locator("> p").first.get_attribute("dir") == "rtl"  # the Arabic source

    title_segment.locator("button").last.click()  # edit the title
    field = title_segment.locator("textarea")
    assert field.get_attribute("dir") == "ltr" and field.get_attribute("lang") == "fr"
    field.fill("Appel à manifestation d'intérêt pour Jerada.")
    with page.expect_response(lambda response: response.request.method == "PUT") as saved:
        field.press("Enter")  # saves the segment
    assert saved.value.ok

    actions = editor.locator("footer .w-dropdown-button").first
    primary = actions.locator("> :visible").first
    assert primary.inner_text().strip() == "تقديم للمراجعة"
    convert = actions.locator("a[href*='convert']")
    assert "convert" not in (primary.get_attribute("href") or "")

    # Converting asks first, in the admin's language; dismissed, nothing happens.
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    actions.locator(".w-dropdown__toggle").click()
    convert.filter(visible=True).first.click()
    assert asked and asked[0].startswith("تحويل هذه الصفحة إلى صفحة مستعارة")
    assert page.url.endswith(f"/admin/pages/{french_call_id}/edit/")

    actions.locator(".w-dropdown__toggle").click()  # close the menu
    primary.click()
    page.wait_for_load_state()
    page.locator(".messages .success").wait_for()
    state = json.loads(portal.manage("shell", "-c", WORKFLOW_STATE.format(page_id=french_call_id)).splitlines()[-1])
    assert state == {"status": "in_progress", "title": "Appel à manifestation d'intérêt pour Jerada."}
