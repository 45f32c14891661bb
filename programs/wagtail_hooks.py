"""How the programmes section plugs into the portal core: search types, home blocks, feeds, cross-links, demo."""

from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from portal.classified import Classified
from portal.pages import public
from portal.sections import CrossLinks, HomeBlock, Section
from portal.sites import site_id
from serving import generation

from . import feeds, horizon
from .demo import load_demo
from .home import key_figures, latest_news, open_calls, upcoming_events
from .models import CallPage
from .status import CallStatus, call_status


def open_calls_for(obj, request):
    """Calls taking applications now that fit content of any section (a project model, a guide…).

    The calls that fit, with their dates, are cached under the content generation (serving.generation); which of
    them take applications now is decided on every request from those dates (programs.status), never cached."""
    if not isinstance(obj, Classified):
        return None

    if obj.pk is None:  # an unsaved object (a preview): not cached
        fitting = _calls_fitting(obj, request)
    else:
        fitting = generation.cached(
            request,
            "calls-fitting",
            (site_id(request), obj._meta.label, obj.pk, obj.locale_id),
            lambda: _calls_fitting(obj, request),
        )
    now = timezone.now()
    taking = (CallStatus.OPEN, CallStatus.CLOSING_SOON)
    links = [(title, url) for title, url, opening, deadline in fitting if call_status(opening, deadline, now) in taking]
    return CrossLinks(title=_("Open calls that fit"), links=links[:5])


def _calls_fitting(obj, request):
    """(title, address, opening date, deadline) of the public live calls fitting ``obj`` that have not closed
    yet, by deadline."""

    calls = public(CallPage.objects.live(), request).filter(deadline__gt=timezone.now(), locale_id=obj.locale_id)
    calls = CallPage.applying_to(calls, obj.taxonomy_codes())
    if isinstance(obj, CallPage):
        calls = calls.exclude(pk=obj.pk)
    calls = calls.only("title", "url_path", "path", "locale_id", "opening_date", "deadline").order_by("deadline")
    return [(call.title, call.get_url(request), call.opening_date, call.deadline) for call in calls]


@hooks.register("register_portal_section")
def register_section():
    return Section(
        name="programs",
        label=_("Programmes and calls"),
        order=10,
        search_types={
            "call": "programs.CallPage",
            "program": "programs.ProgramPage",
            "event": "programs.EventPage",
            "news": "programs.NewsPage",
        },
        facets=("sector", "region", "target_group"),
        search_hit_templates={"call": "programs/includes/call_hit.html"},
        home_blocks=[
            HomeBlock("programs/home/key_figures.html", key_figures, order=5),
            HomeBlock("programs/home/open_calls.html", open_calls, order=10),
            HomeBlock("programs/home/upcoming_events.html", upcoming_events, order=20),
            HomeBlock("programs/home/latest_news.html", latest_news, order=30),
        ],
        cross_links=[open_calls_for],
        next_change=horizon.next_change,
        urlpatterns=[
            path("feeds/calls/", feeds.CallFeed(), name="feed_calls"),
            path("feeds/news/", feeds.NewsFeed(), name="feed_news"),
            path("feeds/events.ics", feeds.events_ical, name="feed_events"),
        ],
        demo_loader=load_demo,
    )
