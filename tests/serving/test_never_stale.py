"""A call's status changes with the clock, not with a publish: cached copies expire by themselves at the change."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from portal.formatting import CASABLANCA
from programs.horizon import next_change, next_midnight
from programs.status import CLOSING_SOON_WINDOW, call_status
from serving import freshness
from serving.freshness import seconds_until_next_change
from tests.programs.conftest import make_event

from .conftest import make_call
from .test_headers import cache_control


def at(now, **delta):
    return now + timedelta(**delta)


HOUR = 1 / 24  # make_call takes offsets in days


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("opening", "deadline", "expected"),
    [
        (5 * HOUR, 30, timedelta(hours=5)),  # forthcoming: it opens
        (-1, 30, timedelta(days=30) - CLOSING_SOON_WINDOW),  # open: it enters the closing-soon window
        (None, HOUR / 2, timedelta(minutes=30)),  # closing soon: it closes (unless midnight comes first)
    ],
)
def test_next_change_is_when_the_status_changes(call_index, opening, deadline, expected):
    now = timezone.now().replace(microsecond=0)
    call = make_call(call_index, opening=opening, deadline=deadline, now=now)
    instant = next_change("ar", now)
    accepting = call.opening_date is None or call.opening_date <= now
    assert instant == (min(now + expected, next_midnight(now)) if accepting else now + expected)
    # The rule is programs.status's: the status differs across the instant, or it is the day's turn.
    before = call_status(call.opening_date, call.deadline, instant - timedelta(seconds=1))
    after = call_status(call.opening_date, call.deadline, instant)
    assert before != after or instant == next_midnight(now)


@pytest.mark.django_db
def test_only_live_calls_of_the_language_count(call_index, french_home):
    now = timezone.now()
    call = make_call(call_index, opening=None, deadline=3, now=now)
    assert next_change("fr", now) is None
    assert next_change("ar", now) is not None
    call.unpublish()
    assert next_change("ar", now) is None


@pytest.mark.django_db
def test_an_event_becomes_past_at_its_end(home):
    from tests.programs.conftest import EventIndexPage, add

    index = add(home, EventIndexPage(title="الأنشطة", slug="events"))
    now = timezone.now().replace(microsecond=0)
    event = make_event(index, start=-1, hours=25, now=now)  # ends in an hour
    assert next_change("ar", now) == event.end
    assert next_midnight(now).astimezone(CASABLANCA).time().hour == 0


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_call_closing_in_90_seconds_is_shared_90_seconds_at_most(django_server, call_index):
    call = make_call(call_index, opening=None, deadline=1, slug="soon")
    call.deadline = timezone.now() + timedelta(seconds=90)
    call.save_revision().publish()
    for path in (call.url, call_index.url, "/ar/", "/ar/feeds/calls/"):
        assert 0 <= int(cache_control(django_server.get(path))["s-maxage"]) <= 90, path
    # Other languages, without calls, keep the full lifetime.
    assert seconds_until_next_change("fr") is None


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_varnish_serves_closed_after_the_deadline_without_any_purge(proxy, call_index):
    call = make_call(call_index, opening=None, deadline=1, slug="closing")
    call.deadline = timezone.now() + timedelta(seconds=6)
    call.save_revision().publish()
    paths = [call.url, call_index.url]
    for path in paths:
        first = proxy.get(path)
        assert "badge--closing-soon" in first.text, path
        second = proxy.get(path)
        assert second.headers["X-Cache"] == "HIT" and "badge--closing-soon" in second.text, path
    time.sleep(max(0, (call.deadline - timezone.now()).total_seconds()) + 0.5)
    for path in paths:
        response = proxy.get(path)
        assert "badge--closed" in response.text and "badge--closing-soon" not in response.text, path


@pytest.mark.django_db
def test_the_next_change_is_remembered_until_it_comes_or_content_changes(call_index, django_assert_num_queries):
    # Tomorrow at noon in Casablanca: no midnight (a change of its own) within the call's last half hour, whatever
    # the time the test runs at.
    now = (
        (timezone.now() + timedelta(days=1)).astimezone(CASABLANCA).replace(hour=12, minute=0, second=0, microsecond=0)
    )
    call = make_call(call_index, opening=None, deadline=HOUR / 2, now=now)
    first = freshness.next_change("ar", now)
    assert first == next_change("ar", now)
    with django_assert_num_queries(1):  # the generation token only
        assert freshness.next_change("ar", now + timedelta(minutes=10)) == first
    # Once it has come, the next one is looked up again (the call closed, or a new day began before that).
    expected = next_change("ar", first)
    with django_assert_num_queries(2):  # the token, then the lookup
        assert freshness.next_change("ar", first) == expected != first
    # A content change (a new deadline) renews the generation: computed again at once.
    call.deadline = now + timedelta(minutes=20)
    call.save_revision().publish()
    assert freshness.next_change("ar", now + timedelta(minutes=1)) == now + timedelta(minutes=20)
