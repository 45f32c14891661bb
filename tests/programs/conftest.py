"""Builders for the programmes section: just the pages a test needs."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from portal.formatting import CASABLANCA
from programs.models import (
    CallIndexPage,
    CallPage,
    EventIndexPage,
    EventPage,
    NewsIndexPage,
    NewsPage,
    ProgramIndexPage,
    ProgramPage,
)

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=CASABLANCA)


def add(parent, page, relations=None):
    for name, values in (relations or {}).items():
        getattr(page, name).set(values)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def call_index(home):
    return add(home, CallIndexPage(title="طلبات الترشيح", slug="calls"))


@pytest.fixture
def program_index(home):
    return add(home, ProgramIndexPage(title="البرامج", slug="programs"))


@pytest.fixture
def event_index(home):
    return add(home, EventIndexPage(title="الأنشطة", slug="events"))


@pytest.fixture
def news_index(home):
    return add(home, NewsIndexPage(title="الأخبار", slug="news"))


def make_program(index, title="برنامج", slug=None, relations=None, **fields):
    page = ProgramPage(title=title, slug=slug or f"program-{ProgramPage.objects.count()}", intro="ملخص", **fields)
    return add(index, page, relations)


def make_call(parent, title="طلب", opening=-5, deadline=20, now=None, relations=None, slug=None, **fields):
    """A call whose dates are offsets in days from ``now`` (default: the real now)."""
    now = now or timezone.now()
    page = CallPage(
        title=title,
        slug=slug or f"call-{CallPage.objects.count()}",
        intro="ملخص الطلب",
        opening_date=now + timedelta(days=opening) if opening is not None else None,
        deadline=now + timedelta(days=deadline),
        **fields,
    )
    return add(parent, page, relations)


def make_event(index, title="نشاط", start=5, hours=3, now=None, **fields):
    now = now or timezone.now()
    begin = now + timedelta(days=start)
    page = EventPage(
        title=title,
        slug=f"event-{EventPage.objects.count()}",
        intro="ملخص",
        start=begin,
        end=begin + timedelta(hours=hours),
        place="وجدة",
        **fields,
    )
    return add(index, page)


def make_news(index, title="خبر", days_ago=1, relations=None, **fields):
    page = NewsPage(
        title=title,
        slug=f"news-{NewsPage.objects.count()}",
        intro="ملخص",
        date=timezone.localdate() - timedelta(days=days_ago),
        body=[("paragraph", "<p>نص</p>")],
        **fields,
    )
    return add(index, page, relations)
