"""A call's status, computed from its dates and the time in Africa/Casablanca — never stored, never typed.

``call_status`` answers for one call; ``status_q`` gives the same answer as a database filter, so listings,
feeds and the API agree with the badge on the call page. ``filter_q`` is what a visitor's "open" filter means:
every call that takes applications, closing soon included.
"""

from datetime import timedelta

from django.db import models
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.formatting import CASABLANCA

CLOSING_SOON_WINDOW = timedelta(days=7)


class CallStatus(models.TextChoices):
    FORTHCOMING = "forthcoming", _("Forthcoming")
    OPEN = "open", _("Open")
    CLOSING_SOON = "closing-soon", _("Closing soon")
    CLOSED = "closed", _("Closed")


def call_status(opening, deadline, now=None):
    now = now or timezone.now()
    if opening is not None and now < opening:
        return CallStatus.FORTHCOMING
    if now >= deadline:
        return CallStatus.CLOSED
    if deadline - now <= CLOSING_SOON_WINDOW:
        return CallStatus.CLOSING_SOON
    return CallStatus.OPEN


def days_left(deadline, now=None):
    """Calendar days from today to the deadline's day in Casablanca: 0 on the last day, None once closed."""
    now = now or timezone.now()
    if now >= deadline:
        return None
    return (deadline.astimezone(CASABLANCA).date() - now.astimezone(CASABLANCA).date()).days


def status_q(status, now=None):
    """A Q object selecting the calls whose status is ``status`` at ``now``."""
    now = now or timezone.now()
    started = Q(opening_date__isnull=True) | Q(opening_date__lte=now)
    if status == CallStatus.FORTHCOMING:
        return Q(opening_date__gt=now)
    if status == CallStatus.CLOSED:
        return Q(deadline__lte=now)
    if status == CallStatus.CLOSING_SOON:
        return started & Q(deadline__gt=now, deadline__lte=now + CLOSING_SOON_WINDOW)
    if status == CallStatus.OPEN:
        return started & Q(deadline__gt=now + CLOSING_SOON_WINDOW)
    raise ValueError(f"unknown call status {status!r}")


def accepting_q(now=None):
    """Calls that take applications now: open or closing soon."""
    return status_q(CallStatus.OPEN, now) | status_q(CallStatus.CLOSING_SOON, now)


def filter_q(status, now=None):
    """A Q object for the listing filter ``?status=``: "open" means taking applications, so a call closing soon (the
    most urgent) is open too, as the home page counts it; the other statuses select exactly their calls."""
    if status == CallStatus.OPEN:
        return accepting_q(now)
    return status_q(status, now)


def status_rank(now=None):
    """Sort key for listings: calls taking applications first, then forthcoming, then closed."""
    now = now or timezone.now()
    return Case(
        When(accepting_q(now), then=Value(0)),
        When(status_q(CallStatus.FORTHCOMING, now), then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
