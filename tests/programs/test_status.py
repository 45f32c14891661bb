"""A call's status from its dates in Africa/Casablanca, at pinned moments and at each boundary."""

from datetime import UTC, datetime, timedelta

import pytest

from portal.formatting import CASABLANCA
from programs.models import CallPage
from programs.status import CallStatus, call_status, days_left, status_q
from tests.programs.conftest import NOW, make_call

OPENING = datetime(2026, 3, 1, 9, 0, tzinfo=CASABLANCA)
DEADLINE = datetime(2026, 3, 30, 16, 0, tzinfo=CASABLANCA)
SECOND = timedelta(seconds=1)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (OPENING - SECOND, CallStatus.FORTHCOMING),
        (OPENING, CallStatus.OPEN),
        (DEADLINE - timedelta(days=7) - SECOND, CallStatus.OPEN),
        (DEADLINE - timedelta(days=7), CallStatus.CLOSING_SOON),
        (DEADLINE - SECOND, CallStatus.CLOSING_SOON),
        (DEADLINE, CallStatus.CLOSED),
        (DEADLINE + timedelta(days=400), CallStatus.CLOSED),
    ],
)
def test_status_at_each_boundary(now, expected):
    assert call_status(OPENING, DEADLINE, now) == expected


def test_call_without_opening_date_is_open_until_its_deadline():
    assert call_status(None, DEADLINE, OPENING - timedelta(days=100)) == CallStatus.OPEN


def test_status_is_the_same_whatever_time_zone_now_is_expressed_in():
    utc_now = (DEADLINE - SECOND).astimezone(UTC)
    assert call_status(OPENING, DEADLINE, utc_now) == CallStatus.CLOSING_SOON


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (datetime(2026, 3, 30, 8, 0, tzinfo=CASABLANCA), 0),  # the last day
        (datetime(2026, 3, 29, 23, 59, tzinfo=CASABLANCA), 1),
        (datetime(2026, 3, 20, 0, 1, tzinfo=CASABLANCA), 10),
        (DEADLINE, None),
    ],
)
def test_days_left_counts_calendar_days_in_casablanca(now, expected):
    assert days_left(DEADLINE, now) == expected


def test_days_left_uses_casablanca_dates_not_utc():
    # 00:30 in Casablanca on the 30th is still the 29th in UTC during UTC+1: one day left, not two or zero.
    deadline = datetime(2026, 3, 31, 0, 30, tzinfo=CASABLANCA)
    now = datetime(2026, 3, 30, 0, 10, tzinfo=CASABLANCA)
    assert days_left(deadline, now) == 1


def test_database_filter_agrees_with_the_badge(call_index):
    offsets = [(-30, -1), (-30, 0.5), (-30, 3), (-30, 6.9), (-30, 7.1), (-1, 40), (None, 10), (2, 40), (1, 3)]
    for opening, deadline in offsets:
        make_call(call_index, opening=opening, deadline=deadline, now=NOW)
    calls = list(CallPage.objects.all())
    for status in CallStatus:
        from_database = set(CallPage.objects.filter(status_q(status, NOW)).values_list("pk", flat=True))
        from_property = {c.pk for c in calls if call_status(c.opening_date, c.deadline, NOW) == status}
        assert from_database == from_property, status
    assert {call_status(c.opening_date, c.deadline, NOW) for c in calls} == set(CallStatus)


def test_status_is_a_property_not_a_field():
    field_names = {field.name for field in CallPage._meta.get_fields()}
    assert "status" not in field_names
