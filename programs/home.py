"""What the programmes section shows on the home page: key figures, calls closing soonest, events, news."""

from django.utils import timezone

from .models import (
    CallIndexPage,
    CallPage,
    EventIndexPage,
    EventPage,
    NewsIndexPage,
    NewsPage,
    ProgramPage,
    with_card_images,
)
from .status import accepting_q

BLOCK_SIZE = 3


def _index(model, locale):
    return model.objects.live().filter(locale=locale).first()


def open_calls(request, page):
    calls = list(
        CallPage.objects.live()
        .public()
        .filter(accepting_q(), locale=page.locale)
        .select_related("program")
        .order_by("deadline")[:BLOCK_SIZE]
    )
    if not calls:
        return None
    return {"calls": calls, "index": _index(CallIndexPage, page.locale)}


def upcoming_events(request, page):
    events = list(
        EventPage.objects.live()
        .public()
        .filter(locale=page.locale, end__gte=timezone.now())
        .select_related("region")
        .order_by("start")[:BLOCK_SIZE]
    )
    if not events:
        return None
    return {"events": events, "index": _index(EventIndexPage, page.locale)}


def latest_news(request, page):
    news = NewsPage.objects.live().public().filter(locale=page.locale).order_by("-date", "-pk")
    news = list(with_card_images(news)[:BLOCK_SIZE])
    if not news:
        return None
    return {"news": news, "index": _index(NewsIndexPage, page.locale)}


def key_figures(request, page):
    figures = {
        "open_calls": CallPage.objects.live().public().filter(accepting_q(), locale=page.locale).count(),
        "programs": ProgramPage.objects.live().public().filter(locale=page.locale).count(),
        "upcoming_events": EventPage.objects.live()
        .public()
        .filter(locale=page.locale, end__gte=timezone.now())
        .count(),
    }
    return figures if any(figures.values()) else None
