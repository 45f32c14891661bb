"""The horizon: the next instant at which something the programmes section shows changes with the clock alone.

A call's status (programs.status) and its days-left count, and whether an event is past, change without anyone
publishing. Until the next such instant, whatever depends on the time reads the same: the caching app keeps pages and fragments
until then (serving/freshness.py), through the section's ``next_change`` (programs/wagtail_hooks.py).
"""

from datetime import datetime, time, timedelta

from django.db.models import CharField, Min, Value

from portal.formatting import CASABLANCA

from .models import CallPage, EventPage
from .status import CLOSING_SOON_WINDOW, accepting_q


def next_midnight(now):
    """The next start of a day in Casablanca after ``now`` (a days-left count turns then)."""
    tomorrow = now.astimezone(CASABLANCA).date() + timedelta(days=1)
    return datetime.combine(tomorrow, time.min, tzinfo=CASABLANCA)


def _earliest(queryset, field, kind):
    return (
        queryset.order_by()
        .annotate(kind=Value(kind, output_field=CharField()))
        .values("kind")
        .annotate(at=Min(field))
        .values_list("kind", "at")
    )


def next_change(language_code, now):
    """The earliest instant after ``now`` at which a page of this language (every language when None) may read
    differently without anyone publishing; None when nothing is due.

    Changes counted, after programs.status: a call opens (its opening date), enters its closing-soon window
    (deadline minus ``CLOSING_SOON_WINDOW``), closes (its deadline); while a call takes applications its days-left
    count turns at midnight in Casablanca; an event becomes past at its end.
    """

    calls = CallPage.objects.live()
    events = EventPage.objects.live()
    if language_code:
        calls = calls.filter(locale__language_code=language_code)
        events = events.filter(locale__language_code=language_code)
    parts = [
        _earliest(calls.filter(opening_date__gt=now), "opening_date", "opens"),
        _earliest(calls.filter(deadline__gt=now + CLOSING_SOON_WINDOW), "deadline", "closing-soon"),
        _earliest(calls.filter(deadline__gt=now), "deadline", "closes"),
        _earliest(calls.filter(accepting_q(now)), "deadline", "accepting"),
        _earliest(events.filter(end__gte=now), "end", "event-ends"),
    ]
    found = dict(parts[0].union(*parts[1:], all=True))
    instants = []
    if found.get("opens"):
        instants.append(found["opens"])
    if found.get("closing-soon"):
        instants.append(found["closing-soon"] - CLOSING_SOON_WINDOW)
    if found.get("closes"):
        instants.append(found["closes"])
    if found.get("accepting"):
        instants.append(next_midnight(now))
    if found.get("event-ends"):
        instants.append(found["event-ends"])
    return min(instants) if instants else None
