"""What the programmes section adds to the portal: demo content, feeds, home blocks, cross-links."""

import re
from collections import Counter

import pytest
from wagtail.models import Page, Revision

from portal import sections
from portal.classified import Classified
from portal.models import Region, Sector
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
from programs.status import CallStatus
from tests.programs.conftest import make_call, make_event, make_news

INDEX_TYPES = (CallIndexPage, EventIndexPage, NewsIndexPage, ProgramIndexPage)


@pytest.fixture
def demo(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    from home.demo import load_demo_pages
    from programs.demo import load_demo

    load_demo_pages()
    load_demo()


def test_demo_has_the_promised_content_in_both_languages(demo):
    for model, count in ((ProgramPage, 3), (CallPage, 8), (EventPage, 6), (NewsPage, 6)):
        for language in ("ar", "fr"):
            pages = model.objects.live().filter(locale__language_code=language)
            assert pages.count() == count, (model, language)
            assert not pages.filter(alias_of__isnull=False).exists()
    french_indexes = Page.objects.filter(locale__language_code="fr", depth=3)
    titles = dict(french_indexes.values_list("slug", "title"))
    assert titles["evenements"] == "Événements" and titles["actualites"] == "Actualités"
    assert all(p.show_in_menus for p in french_indexes.type(*INDEX_TYPES))
    statuses = Counter(call.status for call in CallPage.objects.filter(locale__language_code="ar"))
    assert set(statuses) == set(CallStatus)
    events = EventPage.objects.filter(locale__language_code="ar")
    assert any(e.is_past for e in events) and any(not e.is_past for e in events)
    assert all(call.documents.exists() for call in CallPage.objects.filter(locale__language_code="ar")[:7])


def test_demo_pages_answer_in_both_languages(client, demo):
    for page in Page.objects.live().type(CallPage, EventPage, NewsPage, ProgramPage).specific():
        assert client.get(page.url).status_code == 200, page.url


def test_demo_loads_again_without_change(demo):
    before = (sorted(Page.objects.values_list("pk", "latest_revision_id")), Revision.objects.count())
    from programs.demo import load_demo

    load_demo()
    assert (sorted(Page.objects.values_list("pk", "latest_revision_id")), Revision.objects.count()) == before


def test_calls_feed_lists_the_locale_calls(client, call_index, french_home):
    make_call(call_index, "طلب مفتوح", deadline=10)
    response = client.get("/ar/feeds/calls/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    assert "<title>طلب مفتوح</title>" in response.content.decode()
    assert client.get("/fr/feeds/calls/").status_code == 404  # no French call index


def test_events_calendar(client, event_index):
    make_event(event_index, "معرض جهوي", start=10)
    make_event(event_index, "لقاء", start=-10)
    response = client.get("/ar/feeds/events.ics")
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/calendar")
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.count("BEGIN:VEVENT") == 2
    assert "SUMMARY:معرض جهوي" in body


def test_home_shows_open_calls_events_and_news(client, home, call_index, event_index, news_index):
    make_call(call_index, "طلب يغلق قريباً", deadline=2)
    make_call(call_index, "طلب مغلق", opening=-30, deadline=-1)
    make_event(event_index, "نشاط قادم", start=3)
    make_news(news_index, "خبر جديد")
    html = client.get("/ar/").content.decode()
    assert "طلب يغلق قريباً" in html and "طلب مغلق" not in html
    assert "نشاط قادم" in html and "خبر جديد" in html
    figures = re.findall(r"<strong>(\d+)</strong>", html)
    assert figures[:3] == ["1", "0", "1"]


class Project(Classified):
    """Content of another section classified by the portal's taxonomy, like a project model."""

    def __init__(self, locale_id, **codes):
        self.locale_id, self.codes, self.pk = locale_id, codes, None

    def taxonomy_codes(self):
        return self.codes


def test_cross_links_offer_open_calls_that_fit(call_index, rf):
    oriental, souss = Region.objects.filter(code="oriental"), Region.objects.filter(code="souss-massa")
    handicraft = Sector.objects.filter(code="handicraft")
    make_call(call_index, "fits", deadline=10, relations={"regions": oriental, "sectors": handicraft})
    make_call(call_index, "open to every region", deadline=12, relations={"sectors": handicraft})
    make_call(call_index, "other region", deadline=10, relations={"regions": souss, "sectors": handicraft})
    make_call(call_index, "closed", opening=-20, deadline=-1, relations={"regions": oriental})
    project = Project(call_index.locale_id, sector=["handicraft"], region=["oriental"], target_group=[])
    groups = sections.cross_links(project, rf.get("/"))
    assert [title for title, _url in groups[0].links] == ["fits", "open to every region"]
