"""The "open calls that fit" links beside a project model: the fitting calls are cached under the content
generation, whether each one takes applications is decided at every request from its dates."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from programs.models import CallPage
from serving import generation
from tests.programs.conftest import add
from tests.resources.conftest import make_project, project_bank  # noqa: F401 (fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("project_bank")]


def _call(parent, title, slug, opening, deadline):
    return add(parent, CallPage(title=title, slug=slug, intro="…", opening_date=opening, deadline=deadline))


def _links(client, project):
    page = client.get(project.get_url()).content.decode()
    return {title for title in ("طلب مفتوح", "طلب قادم", "طلب يغلق الآن", "طلب مغلق") if title in page}


def test_links_follow_the_clock_with_no_content_change(client, call_index):
    project = make_project(title="وحدة الكسكس", sector_code="agri-food", region_codes=["oriental"])
    now = timezone.now()
    _call(call_index, "طلب مفتوح", "open", now - timedelta(days=3), now + timedelta(days=20))
    _call(call_index, "طلب قادم", "soon", now + timedelta(seconds=2), now + timedelta(days=20))
    _call(call_index, "طلب يغلق الآن", "closing", None, now + timedelta(seconds=2))
    _call(call_index, "طلب مغلق", "closed", None, now - timedelta(days=1))
    token = generation.current()

    assert _links(client, project) == {"طلب مفتوح", "طلب يغلق الآن"}
    time.sleep(2.5)
    assert generation.current() == token  # nothing was saved: only the clock moved
    assert _links(client, project) == {"طلب مفتوح", "طلب قادم"}


def test_a_new_fitting_call_appears_at_once(client, call_index):
    project = make_project(title="وحدة الكسكس", sector_code="agri-food", region_codes=["oriental"])
    now = timezone.now()
    assert _links(client, project) == set()
    _call(call_index, "طلب مفتوح", "open", now - timedelta(days=3), now + timedelta(days=20))
    assert _links(client, project) == {"طلب مفتوح"}
