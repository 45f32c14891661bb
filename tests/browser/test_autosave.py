"""An editor creates a call with Wagtail's autosave on (its default): one page per language, whatever autosave did.

Autosave creates the page in the background while the editor is still typing; from then on the form belongs to
that page. A click on "Save draft" or "Submit for moderation" while that first autosave is on its way back must neither create the page a
second time nor fail on the slug the first one took: the editor script (editorial/static/editorial/) holds the
submit until the autosave is back, then sends it to the page the autosave made.
"""

import json

import pytest
from playwright.sync_api import Error as PlaywrightError

from editorial.roles import EDITORS

from .admin import admin_context, ensure_user

pytestmark = pytest.mark.browser

PAGES_TITLED = """
import json
from wagtail.models import Page
title = {title!r}
print(json.dumps({{code: Page.objects.filter(title=title, locale__language_code=code).count() for code in ("ar", "fr")}}))
"""
ARABIC_CALL_INDEX = """
from programs.models import CallIndexPage
print(CallIndexPage.objects.get(locale__language_code="ar").pk)
"""
IN_MODERATION = """
from wagtail.models import Page, WorkflowState
page = Page.objects.get(title={title!r}, locale__language_code="ar")
print(WorkflowState.objects.for_instance(page).filter(status="in_progress").count())
"""
# Wagtail's unsaved-changes watcher starts comparing the form a moment after load: typing counts from then on.
WATCH_EDITS = "document.addEventListener('w-unsaved:watch-edits', () => { window.watchingEdits = true; })"


def last_line(output):
    return output.strip().splitlines()[-1]


def pages_titled(portal, title):
    """How many pages of each language have this title, in the served portal's database."""
    return json.loads(last_line(portal.manage("shell", "-c", PAGES_TITLED.format(title=title))))


@pytest.fixture(scope="module")
def add_call_path(portal):
    return f"/admin/pages/add/programs/callpage/{last_line(portal.manage('shell', '-c', ARABIC_CALL_INDEX))}/"


@pytest.fixture
def editor(browser, portal):
    """An Arabic Editor (not a superuser) on a fresh page of the admin."""
    context = admin_context(browser, portal, ensure_user(portal, "editor-ar", group=EDITORS, language="ar"))
    page = context.new_page()
    page.add_init_script(WATCH_EDITS)
    yield page
    context.close()


def is_autosave(request):
    return request.method == "POST" and "application/json" in request.headers.get("accept", "")


def save_draft(editor):
    editor.get_by_role("button", name="حفظ المسودة").click()


def submit_for_moderation(editor):
    # An Editor's other action, in the footer's menu: the held submit must still say which button sent it.
    editor.locator("footer .w-dropdown__toggle").first.click()
    editor.locator("button[name=action-submit]").click()


@pytest.mark.parametrize(
    ("action", "title", "moderated"),
    [(save_draft, "طلب ترشيح يحفظ تلقائيا", 0), (submit_for_moderation, "طلب ترشيح يقدم للمراجعة", 1)],
    ids=["save draft", "submit for moderation"],
)
def test_a_submit_while_the_first_autosave_is_on_its_way_makes_one_page(
    editor, portal, add_call_path, action, title, moderated
):
    held = []

    def hold_autosave_answer(route, request):
        # The server creates the page at once; its answer reaches the browser when the test releases it.
        if is_autosave(request):
            held.append((route, route.fetch()))
        else:
            route.continue_()

    editor.route("**/admin/pages/add/**", hold_autosave_answer)
    editor.goto(add_call_path)
    editor.wait_for_function("window.watchingEdits")
    editor.locator("input[name=title]").press_sequentially(title, delay=40)
    editor.locator("input[name=title]").press("Tab")  # Wagtail fills the slug from the title
    editor.locator("input[name=deadline]").fill("2027-03-31 12:00")
    editor.locator("textarea[name=intro]").press_sequentially("ملخص الطلب", delay=40)
    for _ in range(100):  # until autosave has created the page (a deadline makes the draft valid)
        if held:
            break
        editor.wait_for_timeout(100)
    assert held, "autosave did not create the page"

    action(editor)
    for route, answer in held:
        try:
            route.fulfill(response=answer)
        except PlaywrightError:
            pass  # the page has already gone to the submit's answer
    messages = editor.locator(".messages li")
    messages.first.wait_for()

    assert editor.locator(".messages .error, .error-message").all_inner_texts() == []
    assert "/add/" not in editor.url  # the page's editor after a draft, the explorer after a submission
    assert pages_titled(portal, title) == {"ar": 1, "fr": 1}
    assert int(last_line(portal.manage("shell", "-c", IN_MODERATION.format(title=title)))) == moderated
