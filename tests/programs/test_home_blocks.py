"""The home page's blocks are cached under the content generation and the next time-driven change
(programs.horizon): a call that opens, or closes, shows there at that instant with nothing saved."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from programs.models import CallPage
from serving import generation
from tests.programs.conftest import add

pytestmark = pytest.mark.django_db


def _call(parent, title, slug, opening, deadline):
    return add(parent, CallPage(title=title, slug=slug, intro="…", opening_date=opening, deadline=deadline))


def _home(client):
    return client.get("/ar/").content.decode()


def test_calls_open_and_close_on_the_home_page_as_the_clock_moves(client, call_index):
    now = timezone.now()
    _call(call_index, "طلب مفتوح", "open", now - timedelta(days=3), now + timedelta(days=20))
    _call(call_index, "طلب قادم", "soon", now + timedelta(seconds=2), now + timedelta(days=30))
    _call(call_index, "طلب يغلق الآن", "closing", None, now + timedelta(seconds=2))
    token = generation.current()

    page = _home(client)
    assert "طلب مفتوح" in page and "طلب يغلق الآن" in page and "طلب قادم" not in page
    assert _home(client) == page  # cached: the same until the next change
    time.sleep(2.5)
    assert generation.current() == token  # nothing was saved
    page = _home(client)
    assert "طلب مفتوح" in page and "طلب قادم" in page and "طلب يغلق الآن" not in page


def test_a_new_call_shows_on_the_home_page_at_once(client, call_index):
    now = timezone.now()
    _call(call_index, "طلب مفتوح", "open", now - timedelta(days=3), now + timedelta(days=20))
    assert "طلب جديد" not in _home(client)
    _call(call_index, "طلب جديد", "new", now - timedelta(days=1), now + timedelta(days=10))
    assert "طلب جديد" in _home(client)
