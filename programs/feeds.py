"""RSS feeds of calls and news and an iCalendar feed of events, per language, from the listings' own filtering."""

from datetime import UTC, datetime, time

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import get_language
from wagtail.models import Locale

from portal.pages import public

from .models import CallIndexPage, EventIndexPage, NewsIndexPage

FEED_SIZE = 30


def _index(model):
    locale = Locale.objects.filter(language_code=get_language()).first()
    index = public(model.objects.live(), None).filter(locale=locale).first() if locale else None
    if index is None:
        raise Http404
    return index


class IndexFeed(Feed):
    feed_type = Rss201rev2Feed
    index_model = None

    def get_object(self, request):
        self.request = request
        return _index(self.index_model)

    def title(self, index):
        return index.title

    def link(self, index):
        return index.get_url(self.request)

    def description(self, index):
        return index.intro

    def items(self, index):
        items, _filters = index.filtered_items(self.request.GET)
        return items[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_url(self.request)


class CallFeed(IndexFeed):
    index_model = CallIndexPage

    def item_pubdate(self, item):
        return item.first_published_at

    def item_description(self, item):
        return f"{item.status_label} — {item.intro}"


class NewsFeed(IndexFeed):
    index_model = NewsIndexPage

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time.min))


def _ical_text(value):
    return str(value).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _ical_time(value):
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def events_ical(request):
    """Upcoming and past events as an iCalendar file (RFC 5545), for calendar applications."""
    index = _index(EventIndexPage)
    events, _filters = index.filtered_items(request.GET)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//cooperative-portal//events//" + get_language().upper(),
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_ical_text(index.title)}",
    ]
    stamp = _ical_time(timezone.now())
    for event in events.select_related("locale")[:200]:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.translation_key}-{event.locale.language_code}@cooperative-portal",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{_ical_time(event.start)}",
            f"DTEND:{_ical_time(event.end)}",
            f"SUMMARY:{_ical_text(event.title)}",
            f"LOCATION:{_ical_text(event.place)}",
            f"DESCRIPTION:{_ical_text(event.intro)}",
            f"URL:{event.get_full_url(request)}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    response = HttpResponse("\r\n".join(lines) + "\r\n", content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="events.ics"'
    return response
