"""The next time-driven change: how long a cached page or fragment stays true without anyone publishing.

A call's status (programs.status) and its days-left count, and whether an event is past, change with the clock
alone: no purge happens then. Each section says when its content next changes so (``Section.next_change``); the
earliest of them, remembered under the content generation until it comes, caps the shared cache's lifetime of a
response (serving/middleware.py) and is part of every cached fragment's key (serving/templatetags/content_cache.py).
"""

import math

from django.core.cache import cache
from django.utils import timezone

from portal import sections
from serving import generation

# A response's lifetime is computed a little before the cache stores it: keep this margin from the change.
SAFETY_MARGIN_SECONDS = 1


def next_change(language_code=None, now=None, request=None):
    """The sections' next time-driven change for the language (every language when None), or None when none is due.

    The instant found at time t stays the next change for every moment from t until it comes, unless content
    changes, which renews the generation: it is computed again only then, or once it has passed."""
    now = now or timezone.now()
    token = generation.token_for(request)
    if token is None:
        return sections.next_change(language_code, now)
    key = generation.key(token, "next-change", (language_code,))
    remembered = cache.get(key)
    if remembered is not None:
        computed_at, instant = remembered
        if computed_at <= now and (instant is None or now < instant):
            return instant
    instant = sections.next_change(language_code, now)
    cache.set(key, (now, instant), generation.TIMEOUT)
    return instant


def seconds_until_next_change(language_code=None, now=None, request=None):
    """Whole seconds a cache may keep a response from now on (see ``next_change``), or None when no limit."""
    now = now or timezone.now()
    instant = next_change(language_code, now, request)
    if instant is None:
        return None
    return max(0, math.floor((instant - now).total_seconds()) - SAFETY_MARGIN_SECONDS)
