"""Every content type is found by the site search, in the active locale only, by the words of its text and by
the names of its regions in that locale, on whichever database the suite runs (SQLite or PostgreSQL)."""

import pytest
from django.utils import translation

from portal import sections
from portal.models import Region
from programs.models import CallIndexPage, EventIndexPage, NewsIndexPage, ProgramIndexPage
from resources.models import GuideIndexPage
from search.dbindex import IndexedObject
from search.engine import run_search
from tests.conftest import make_standard_page
from tests.programs.conftest import add, make_call, make_event, make_news, make_program
from tests.resources.conftest import make_guide, make_partner, make_project

pytestmark = pytest.mark.django_db

WORD = "الزعفران"


@pytest.fixture
def every_type(home):
    oriental = Region.objects.filter(code="oriental")
    program_index = add(home, ProgramIndexPage(title="البرامج", slug="programs"))
    call_index = add(home, CallIndexPage(title="طلبات الترشيح", slug="calls"))
    event_index = add(home, EventIndexPage(title="الأنشطة", slug="events"))
    news_index = add(home, NewsIndexPage(title="الأخبار", slug="news"))
    guide_index = add(home, GuideIndexPage(title="الدلائل", slug="guides"))
    return {
        "page": make_standard_page(home, f"صفحة {WORD}", "saffron-page"),
        "program": make_program(program_index, f"برنامج {WORD}", relations={"regions": oriental}),
        "call": make_call(call_index, f"طلب {WORD}", relations={"regions": oriental}),
        "event": make_event(event_index, f"نشاط {WORD}"),
        "news": make_news(news_index, f"خبر {WORD}", relations={"regions": oriental}),
        "guide": make_guide(guide_index, title=f"دليل {WORD}"),
        "partner": make_partner(name=f"شريك {WORD}", region_codes=["oriental"]),
        "project": make_project(title=f"مشروع {WORD}", region_codes=["oriental"]),
    }


def test_every_registered_type_is_found_by_a_word_typed_without_its_article(every_type):
    assert set(every_type) == set(sections.search_types())
    results = run_search("زعفران", "ar")
    assert {(hit.type, hit.pk) for hit in results.hits} == {(code, obj.pk) for code, obj in every_type.items()}
    assert results.facets["type"] == dict.fromkeys(every_type, 1)


def test_region_names_are_indexed_in_the_objects_language(every_type):
    with translation.override("ar"):
        name = Region.objects.get(code="oriental").name
    found = {hit.type for hit in run_search(name, "ar").hits}
    assert found == {"program", "call", "news", "partner", "project"}


def test_another_locale_finds_none_of_them(every_type):
    assert run_search("زعفران", "ar").count == len(every_type)
    assert run_search("زعفران", "fr").count == 0


def test_a_catalogue_entry_is_indexed_once_per_save_and_unindexed_when_deleted(every_type, monkeypatch):
    from wagtail.search.backends import get_search_backend

    from resources import models

    backend_class, written = type(get_search_backend()), []
    real_add = backend_class.add
    monkeypatch.setattr(backend_class, "add", lambda self, obj: (written.append(obj.pk), real_add(self, obj)))
    project = every_type["project"]
    project.summary = "ملخص جديد"
    project.save()
    assert written == [project.pk]  # by save, after its relations; not also by the post_save signal
    with models.indexing_deferred():
        project.save()
    assert written == [project.pk]  # an importer indexes once at the end

    entries = IndexedObject.objects.filter(content_type__model="projectmodel", object_id=project.pk)
    assert entries.exists()
    project.delete()
    assert not entries.exists()
