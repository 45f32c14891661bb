"""Moderation: an Editor submits, a Moderator asks for changes or approves, and each hears of it by e-mail.

The mail goes through Django's SMTP backend to a real SMTP server on loopback (aiosmtpd) and is read back
from what that server received.
"""

from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from editorial.moderation import moderation_workflow
from editorial.roles import MODERATORS
from programs.models import CallPage, NewsPage

from .conftest import admin_form

DEADLINE = "2031-06-30 16:00"


def add_url(model, parent):
    return reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def workflow_action_url(page, action):
    task_state = page.current_workflow_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])


def submit_new_call(client, call_index, title):
    data = admin_form(client, add_url(CallPage, call_index), model=CallPage)
    data.update({"title": title, "slug": "call-new", "intro": "دعم التعاونيات النسائية", "deadline": DEADLINE})
    data["action-submit"] = "submit"
    response = client.post(add_url(CallPage, call_index), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return CallPage.objects.get(slug="call-new", locale__language_code="ar")


def test_calls_and_news_go_through_the_moderation_workflow(call_index, news_index):
    workflow = moderation_workflow()
    assert workflow is not None and workflow.active
    assert call_index.get_workflow() == workflow
    assert news_index.get_workflow() == workflow
    assert [task.specific.groups.get().name for task in workflow.tasks] == [MODERATORS]


def test_submit_ask_for_changes_then_approve_with_mail_at_each_step(
    client, smtp, editor, moderator, call_index, locales
):
    client.force_login(editor)
    call = submit_new_call(client, call_index, "طلب دعم التعاونيات النسائية")
    assert not call.live
    assert call.workflow_in_progress

    # 1. The moderator hears of the submission, in French (their admin language).
    messages = smtp.wait_for(1)
    assert [m["to"] for m in messages] == [[moderator.email]]
    [submitted] = smtp.to(moderator.email)
    assert "طلب دعم التعاونيات النسائية" in submitted["subject"]
    assert "soumise" in submitted["subject"]
    assert f"https://cooperatives.example.ma/admin/pages/{call.pk}/edit/" in submitted["body"]

    # 2. The moderator asks for changes with a comment; the editor is told, in Arabic, with the comment.
    client.force_login(moderator)
    comment = "يرجى إضافة آخر أجل لإيداع الملفات الورقية"
    response = client.post(workflow_action_url(call, "reject"), {"comment": comment})
    assert response.status_code == 302
    smtp.wait_for(2)
    [rejected] = smtp.to(editor.email)
    assert "تم رفض" in rejected["subject"]
    assert comment in rejected["body"]
    call.refresh_from_db()
    assert not call.live
    assert WorkflowState.objects.get(object_id=str(call.pk)).status == WorkflowState.STATUS_NEEDS_CHANGES

    # 3. The editor changes the call and submits it again; the moderator hears of it again.
    client.force_login(editor)
    data = admin_form(client, edit_url(call), model=CallPage)
    data["apply_address"] = "المندوبية الجهوية، وجدة"
    data["action-submit"] = "submit"
    assert client.post(edit_url(call), data).status_code == 302
    smtp.wait_for(3)
    assert len(smtp.to(moderator.email)) == 2

    # 4. The moderator approves: the call goes live and the editor is told.
    client.force_login(moderator)
    call = CallPage.objects.get(pk=call.pk)
    assert client.post(workflow_action_url(call, "approve"), {"comment": ""}).status_code == 302
    smtp.wait_for(4)
    call = CallPage.objects.get(pk=call.pk)
    assert call.live
    assert call.apply_address == "المندوبية الجهوية، وجدة"
    approved = smtp.to(editor.email)[-1]
    assert "تمت الموافقة" in approved["subject"]
    assert call.full_url in approved["body"]
    assert client.get(call_index.url).content.decode().count("طلب دعم التعاونيات النسائية") == 1
    assert len(smtp.messages) == 4


def test_a_news_item_submitted_by_an_editor_waits_for_a_moderator(client, smtp, editor, moderator, news_index):
    client.force_login(editor)
    url = add_url(NewsPage, news_index)
    data = admin_form(client, url, model=NewsPage)
    data.update(
        nested_form_data(
            {
                "title": "لقاء جهوي حول التعاونيات",
                "slug": "regional-meeting",
                "date": "2026-03-01",
                "intro": "لقاء بوجدة",
                "body": streamfield([("paragraph", rich_text("<p>انعقد لقاء جهوي.</p>"))]),
            }
        )
    )
    data["action-publish"] = "publish"  # an editor may ask; the news item still waits for a moderator
    assert client.post(url, data).status_code == 302
    news = NewsPage.objects.get(slug="regional-meeting", locale__language_code="ar")
    assert not news.live

    data = admin_form(client, edit_url(news), model=NewsPage)
    data.update(nested_form_data({"body": streamfield([("paragraph", rich_text("<p>انعقد لقاء جهوي.</p>"))])}))
    data["action-submit"] = "submit"
    assert client.post(edit_url(news), data).status_code == 302
    smtp.wait_for(1)
    [submitted] = smtp.to(moderator.email)
    assert "لقاء جهوي حول التعاونيات" in submitted["subject"]
    assert not Page.objects.get(pk=news.pk).live
