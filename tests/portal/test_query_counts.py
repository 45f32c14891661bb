"""Every public page type answers in at most 10 queries, in Arabic and in French, and in as many queries after
the content grows: a page whose count follows the number of calls, news or project models fails here.

Counts are read twice per page: on a cold cache (the first visit after a change) and on a warm one; both must stay
flat, and the warm one under the budget.
"""

import itertools
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale, Page

from portal.models import Region, Sector, TargetGroup
from programs.models import CallIndexPage, CallPage, EventIndexPage, EventPage, NewsIndexPage, NewsPage, ProgramPage
from resources.models import (
    FundingPartner,
    GuideIndexPage,
    GuidePage,
    PartnerDirectoryPage,
    ProjectBankPage,
    ProjectModel,
)

MAX_QUERIES = 10
SEARCHES = {"ar": "تعاونية", "fr": "coopérative"}  # words of many demo pages and project models, in every type
GROWTH = 6  # more items of every kind, per language: enough for any per-item query to show
_numbers = itertools.count(1)


def public_urls(language):
    """One URL per public page type of the language, an entry of each directory, filtered and later pages."""
    locale = Locale.objects.get(language_code=language)
    urls = {}
    for page in Page.objects.live().filter(locale=locale, depth__gte=2).specific().order_by("path"):
        urls.setdefault(type(page).__name__, page.url)
    bank = ProjectBankPage.objects.get(locale=locale)
    directory = PartnerDirectoryPage.objects.get(locale=locale)
    project = ProjectModel.objects.live().filter(locale=locale).order_by("pk").first()
    partner = FundingPartner.objects.live().filter(locale=locale).order_by("pk").first()
    urls["project model"] = bank.url + bank.reverse_subpage("detail", kwargs={"slug": project.slug})
    urls["funding partner"] = directory.url + directory.reverse_subpage("detail", kwargs={"slug": partner.slug})
    urls["project bank, filtered, page 2"] = bank.url + "?sector=agri-food&region=oriental&page=2"
    urls["calls, filtered"] = CallIndexPage.objects.get(locale=locale).url + "?status=open&sector=agri-food"
    urls["news, page 2"] = NewsIndexPage.objects.get(locale=locale).url + "?page=2"
    for feed in ("calls/", "news/", "events.ics"):
        urls[f"feed {feed}"] = f"/{language}/feeds/{feed}"
    query = SEARCHES[language]
    urls["search"] = f"/{language}/search/?q={query}"
    urls["search, filtered, page 2"] = f"/{language}/search/?q={query}&region=oriental&page=2"
    urls["search API"] = f"/api/search/?q={query}&locale={language}"
    return urls


def count_queries(client, url, cold):
    if cold:
        cache.clear()
    else:
        client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def counts(client, language):
    return {
        (kind, temperature): count_queries(client, url, cold=temperature == "cold")
        for kind, url in public_urls(language).items()
        for temperature in ("cold", "warm")
    }


def grow(language):
    """GROWTH more calls (under the call index and under a programme), news, events, guides, project models and
    partners in the language, each with sectors, regions and target groups."""
    locale = Locale.objects.get(language_code=language)
    sectors, regions, groups = (
        list(Sector.objects.all()[:3]),
        list(Region.objects.all()[:3]),
        list(TargetGroup.objects.all()[:2]),
    )
    now = timezone.now()
    parents = {
        "calls": CallIndexPage.objects.get(locale=locale),
        "program": ProgramPage.objects.live().filter(locale=locale).order_by("path").first(),
        "news": NewsIndexPage.objects.get(locale=locale),
        "events": EventIndexPage.objects.get(locale=locale),
        "guides": GuideIndexPage.objects.get(locale=locale),
    }

    def publish(parent, page, **relations):
        for name, values in relations.items():
            getattr(page, name).set(values)
        parent.add_child(instance=page)
        page.save_revision().publish()

    for _ in range(GROWTH):
        number = next(_numbers)
        for parent in (parents["calls"], parents["program"]):
            call = CallPage(
                title=f"call {number}",
                slug=f"grown-call-{number}-{parent.pk}",
                intro="…",
                opening_date=now - timedelta(days=3),
                deadline=now + timedelta(days=30 + number),
            )
            publish(parent, call, sectors=sectors, regions=regions, target_groups=groups)
        publish(
            parents["news"],
            NewsPage(title=f"news {number}", slug=f"grown-news-{number}", intro="…", body=[], date=now.date()),
            sectors=sectors,
            regions=regions,
        )
        start = now + timedelta(days=number)
        publish(
            parents["events"],
            EventPage(
                title=f"event {number}",
                slug=f"grown-event-{number}",
                intro="…",
                start=start,
                end=start + timedelta(hours=2),
                place="…",
                region=regions[0],
            ),
            sectors=sectors,
        )
        publish(
            parents["guides"],
            GuidePage(title=f"guide {number}", slug=f"grown-guide-{number}"),
            sectors=sectors,
            audience=groups,
        )
        project = ProjectModel(
            locale=locale, key=f"grown-project-{number}", title=f"project {number}", summary="…", sector=sectors[0]
        )
        project.regions = regions
        project.target_groups = groups
        project.save()
        partner = FundingPartner(
            locale=locale,
            key=f"grown-partner-{number}",
            name=f"partner {number}",
            kind="agency",
            support_types=["grant"],
        )
        partner.sectors = sectors
        partner.regions = regions
        partner.save()


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_public_pages_answer_in_few_queries_that_do_not_grow_with_content(client, demo_site, settings, language):
    before = counts(client, language)
    grow(language)
    after = counts(client, language)
    # A warm page (the values shared by every page already cached for this content) stays under the budget; the
    # first visit after a change computes them again, in as many queries whatever the amount of content.
    too_many = {key: count for key, count in after.items() if key[1] == "warm" and count > MAX_QUERIES}
    assert not too_many, too_many
    grew = {key: (before[key], after[key]) for key in before if after[key] > before[key]}
    assert not grew, grew
