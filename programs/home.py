"""What the programmes section shows on the home page: key figures, calls closing soonest, events, news.

Each block costs a fixed number of queries whatever the number of calls, events or news: the counts in one
query, each list with what its cards show prefetched, the index pages' addresses from the generation cache.
What a block shows depends on the content and on the time (a call's status, an event being upcoming); the home
page keeps the blocks' HTML under the content generation and the next time-driven change (programs.horizon) in
``{% fragment %}`` (portal_tags), so they are computed again after any change of content and once that instant
comes.
"""

from django.db.models import Count, Q
from django.utils import timezone
from wagtail.models import Page

from portal.pages import page_links, public, public_q

from .models import (
    CallIndexPage,
    CallPage,
    EventIndexPage,
    EventPage,
    NewsIndexPage,
    NewsPage,
    ProgramIndexPage,
    with_card_images,
)
from .status import CallStatus, accepting_q

BLOCK_SIZE = 3
INDEX_MODELS = (CallIndexPage, EventIndexPage, NewsIndexPage, ProgramIndexPage)


def _index(request, model, locale_id):
    return page_links(request, locale_id, INDEX_MODELS).get(model._meta.label)


def open_calls(request, page):
    calls = list(
        public(CallPage.objects.live(), request)
        .filter(accepting_q(), locale_id=page.locale_id)
        .select_related("program")
        .prefetch_related("sectors", "regions")
        .order_by("deadline")[:BLOCK_SIZE]
    )
    if not calls:
        return None
    return {"calls": calls, "index": _index(request, CallIndexPage, page.locale_id)}


def upcoming_events(request, page):
    events = list(
        public(EventPage.objects.live(), request)
        .filter(locale_id=page.locale_id, end__gte=timezone.now())
        .select_related("region")
        .order_by("start")[:BLOCK_SIZE]
    )
    if not events:
        return None
    return {"events": events, "index": _index(request, EventIndexPage, page.locale_id)}


def latest_news(request, page):
    news = public(NewsPage.objects.live(), request).filter(locale_id=page.locale_id).order_by("-date", "-pk")
    news = list(with_card_images(news)[:BLOCK_SIZE])
    if not news:
        return None
    return {"news": news, "index": _index(request, NewsIndexPage, page.locale_id)}


def _prefixed(condition, prefix):
    """``condition`` (a Q on a call's fields) as a Q on pages joined to their call."""
    prefixed = Q(*[_prefixed(c, prefix) if isinstance(c, Q) else (prefix + c[0], c[1]) for c in condition.children])
    prefixed.connector, prefixed.negated = condition.connector, condition.negated
    return prefixed


def key_figures(request, page):
    now = timezone.now()
    figures = (
        Page.objects.live()
        .filter(public_q(request), locale_id=page.locale_id)
        .aggregate(
            open_calls=Count("pk", filter=Q(callpage__isnull=False) & _prefixed(accepting_q(now), "callpage__")),
            programs=Count("pk", filter=Q(programpage__isnull=False)),
            upcoming_events=Count("pk", filter=Q(eventpage__end__gte=now)),
        )
    )
    if not any(figures.values()):
        return None
    # Each figure links to the listing that shows what it counts, filtered the same way.
    listings = {
        "open_calls": (CallIndexPage, f"?status={CallStatus.OPEN}"),
        "programs": (ProgramIndexPage, ""),
        "upcoming_events": (EventIndexPage, "?when=upcoming"),
    }
    links = {}
    for name, (model, query) in listings.items():
        index = _index(request, model, page.locale_id)
        links[name] = index.url + query if index is not None else None
    return {**figures, "links": links}
