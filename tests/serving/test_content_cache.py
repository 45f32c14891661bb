"""``{% contentcache %}``: a fragment is rendered once per content generation and next time-driven change, and
never stored for a preview, for bad input (a part that is None) or before any content exists."""

from datetime import timedelta

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone
from django.utils.translation import override

from portal.models import ContentGeneration
from serving import generation

TEMPLATE = Template('{% load content_cache %}{% contentcache "probe" part %}{{ renders.next }}{% endcontentcache %}')


class Renders:
    """Counts how many times the fragment's body was rendered."""

    def __init__(self):
        self.count = 0

    def next(self):
        self.count += 1
        return self.count


def render(renders, part="a", **request_attributes):
    request = RequestFactory().get("/ar/")
    for name, value in request_attributes.items():
        setattr(request, name, value)
    with override("ar"):
        return TEMPLATE.render(Context({"request": request, "renders": renders, "part": part}))


@pytest.fixture
def content(home):
    generation.bump()  # a generation row exists once content does


@pytest.mark.django_db
def test_a_fragment_is_rendered_once_until_content_changes(content):
    renders = Renders()
    assert render(renders) == render(renders) == "1"
    assert render(renders, part="b") == "2"  # each part has its own fragment
    generation.bump()
    assert render(renders) == "3"


@pytest.mark.django_db
def test_a_fragment_is_rendered_again_once_the_next_time_driven_change_has_come(content, monkeypatch):
    """The key holds the sections' next change: once it has passed, the next one is looked up, a new key."""
    soon = timezone.now() + timedelta(minutes=5)
    monkeypatch.setattr("portal.sections.next_change", lambda language, now: soon if now < soon else None)
    renders = Renders()
    assert render(renders) == render(renders) == "1"
    monkeypatch.setattr("django.utils.timezone.now", lambda: soon + timedelta(seconds=1))
    assert render(renders) == "2"


@pytest.mark.django_db
def test_previews_bad_input_and_an_empty_database_are_never_stored(content):
    renders = Renders()
    ContentGeneration.objects.all().delete()  # a flushed database: no generation, nothing is stored
    assert render(renders) == "1" and render(renders) == "2"
    generation.bump()
    assert render(renders, part=None) == "3" and render(renders, part=None) == "4"
    assert render(renders, is_preview=True) == "5" and render(renders, is_preview=True) == "6"
    assert render(renders) == "7" and render(renders) == "7"
