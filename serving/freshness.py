"""How long a shared cache may keep a public response: until the next time-driven change of what it can show.

A call's status (programs.status) and its days-left count, and whether an event is past, change with the clock
alone, without anyone publishing: no purge happens then. So a cached page must expire by itself at the next such
instant. Every public page may show calls (listings, home, programme pages, and the "open calls that fit"
cross-links on any page), so the cap is the earliest change among the live calls and events of the page's locale
(programs.horizon), remembered under the content generation until it comes.
"""

import math

from django.utils import timezone

from portal import sections

# A response's lifetime is computed a little before the cache stores it: keep this margin from the change.
SAFETY_MARGIN_SECONDS = 1


def remembered_next_change(language_code=None, now=None, request=None):
    """The sections' next time-driven change (``Section.next_change``), or None when none has one."""
    return sections.next_change(language_code, now, request)


def seconds_until_next_change(language_code=None, now=None, request=None):
    """Whole seconds a cache may keep a response from now on (see ``next_change``), or None when no limit."""
    now = now or timezone.now()
    instant = remembered_next_change(language_code, now, request)
    if instant is None:
        return None
    return max(0, math.floor((instant - now).total_seconds()) - SAFETY_MARGIN_SECONDS)
