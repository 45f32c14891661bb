"""Scheduled publishing: one run of `manage.py publish_scheduled` publishes what is due and expires what is over.

The go-live and expiry dates are two seconds ahead and the test waits them out, then runs the command once: the
call goes live, the expired one disappears everywhere, and what is due in an hour stays as it is.
"""

import time
from datetime import timedelta
from pathlib import Path

from django.core.management import call_command
from django.utils import timezone, translation

from programs.models import CallPage
from tests.programs.conftest import make_call

AHEAD = timedelta(seconds=2)


def places(client, call_index, home, word, slug):
    """Where a visitor finds a call (its address) searching a word of its title, or on the listing, feed, home."""
    link = f"/{slug}/"
    api = client.get("/api/search/", {"q": word, "locale": "ar"}).json()
    return {
        "listing": link in client.get(call_index.url).content.decode(),
        "search": link in client.get("/ar/search/", {"q": word}).content.decode(),
        "api": any(result["url"].endswith(link) for result in api["results"]),
        "feed": link in client.get("/ar/feeds/calls/").content.decode(),
        "home": link in client.get(home.url).content.decode(),
    }


EVERYWHERE = {"listing": True, "search": True, "api": True, "feed": True, "home": True}
NOWHERE = dict.fromkeys(EVERYWHERE, False)


def schedule_new_call(call_index, title, slug, go_live_at):
    call = CallPage(
        title=title,
        slug=slug,
        intro="طلب مبرمج",
        opening_date=timezone.now() - timedelta(days=1),
        deadline=timezone.now() + timedelta(days=30),
        live=False,
    )
    call_index.add_child(instance=call)
    call.go_live_at = go_live_at
    revision = call.save_revision()
    revision.publish()  # with a go-live date ahead, Wagtail schedules the revision instead of publishing it
    return CallPage.objects.get(pk=call.pk), revision


def expiring_call(call_index, title, slug, expire_at):
    call = make_call(call_index, title=title, slug=slug)
    call.expire_at = expire_at
    call.save_revision().publish()
    return call


def test_one_run_publishes_the_due_call_and_expires_the_ended_one(client, home, call_index):
    due = timezone.now() + AHEAD
    later = timezone.now() + timedelta(hours=1)
    scheduled, revision = schedule_new_call(call_index, "طلب تثمين الصبار", "scheduled-call", go_live_at=due)
    revision.refresh_from_db()
    assert not scheduled.live and revision.approved_go_live_at == due
    not_yet, _revision = schedule_new_call(call_index, "طلب تربية الماعز", "not-yet", go_live_at=later)
    ending = expiring_call(call_index, "طلب تربية النحل", "ending-call", expire_at=due)
    lasting = expiring_call(call_index, "طلب تقطير الورد", "lasting-call", expire_at=later)

    assert places(client, call_index, home, "الصبار", "scheduled-call") == NOWHERE
    assert places(client, call_index, home, "النحل", "ending-call") == EVERYWHERE

    while timezone.now() <= due:
        time.sleep(0.2)
    call_command("publish_scheduled")

    scheduled = CallPage.objects.get(pk=scheduled.pk)
    ending = CallPage.objects.get(pk=ending.pk)
    assert scheduled.live and scheduled.first_published_at is not None
    assert not ending.live and ending.expired
    assert places(client, call_index, home, "الصبار", "scheduled-call") == EVERYWHERE
    assert places(client, call_index, home, "النحل", "ending-call") == NOWHERE
    assert client.get(ending.url).status_code == 404
    # What is not due yet waits for a later run.
    assert not CallPage.objects.get(pk=not_yet.pk).live
    assert CallPage.objects.get(pk=lasting.pk).live


def test_a_dry_run_lists_without_changing_anything(home, call_index, capsys):
    past = timezone.now() - timedelta(minutes=1)
    ending = make_call(call_index, title="طلب منته", slug="over")
    CallPage.objects.filter(pk=ending.pk).update(expire_at=past)
    call_command("publish_scheduled", "--dryrun")
    assert "over" in capsys.readouterr().out
    assert CallPage.objects.get(pk=ending.pk).live


def test_the_readme_says_where_an_editor_sets_the_go_live_date(client, editor, call_index):
    """The README names the admin's own labels (in English and Arabic) of the place that holds the dates."""
    call = make_call(call_index, "طلب للتحقق من الجدولة", deadline=20)
    client.force_login(editor)
    page = client.get(f"/admin/pages/{call.pk}/edit/").content.decode()
    dialog = page[page.index('id="schedule-publishing-dialog"') :]
    assert 'name="go_live_at"' in dialog and 'name="expire_at"' in dialog
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    for label in ("Status", "Set schedule"):
        with translation.override("ar"):
            arabic = translation.gettext(label)
        assert f"*{label}*" in readme and f"({arabic})" in readme, label
        assert arabic in page  # the editor's admin is in Arabic
