"""The engine's reading of the project's own search index (search/dbindex.py), on SQLite and on PostgreSQL.

The fast path must find exactly what the backend's own API finds, count the query's words the same way, score
only the tiers the page shows, load only the page's objects and count facets like a plain ORM query would."""

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.db.models import Count
from django.db.models.signals import post_migrate

from portal.models import Region, Sector
from resources.models import ProjectModel
from search import dbindex, engine, visible
from search.analysis import analyze
from search.engine import facet_counts, ids_in, run_search
from serving import generation
from tests.conftest import make_standard_page
from tests.resources.conftest import make_project

pytestmark = pytest.mark.django_db

PROJECTS = [
    ("تعاونية زيت الأركان بتارودانت", "souss-massa", "zit"),
    ("زيت الأركان", "souss-massa", "zit-short"),
    ("تعاونية نسائية لتثمين الصبار", "guelmim-oued-noun", "cactus"),
    ("وحدة لتجفيف التين", "oriental", "figs"),
    ("تعاونية تربية النحل وإنتاج العسل", "beni-mellal-khenifra", "honey"),
    ("مشروع تعاونية للنسيج", "oriental", "weaving"),
]


@pytest.fixture
def corpus(home, locales):
    projects = {
        key: make_project(
            title=title,
            region_codes=[region],
            group_codes=["women"] if key == "cactus" else [],
            summary=f"{title}، مشروع نموذجي لتعاونية",
        )
        for title, region, key in PROJECTS
    }
    projects["draft"] = make_project(title="تعاونية زيت الأركان غير منشورة", live=False)
    projects["page"] = make_standard_page(home, "دليل تعاونيات زيت الأركان", "argan-guide", intro="زيت الأركان")
    return projects


def _generic(query, locale="ar"):
    """The same search through the backend's public API (the path Elasticsearch takes)."""
    reader = dbindex.reader
    dbindex.reader = lambda: None
    try:
        return run_search(query, locale)
    finally:
        dbindex.reader = reader


def test_the_project_index_is_read_on_both_databases():
    assert connection.vendor in {"sqlite", "postgresql"}
    assert dbindex.reader() is not None


def test_the_index_follows_saves_and_deletions(corpus):
    """What the backend indexes, the project's index holds: analyzed title and body, and a term row per body term."""
    honey = corpus["honey"]
    entry = dbindex.IndexedObject.objects.get(object_id=honey.pk, content_type__model="projectmodel")
    assert entry.title.split() == analyze("تعاونية تربية النحل وإنتاج العسل") and entry.locale_id == honey.locale_id
    assert entry.title_length == len(entry.title)
    assert set(entry.terms.values_list("term", flat=True)) == set(entry.body.split()) >= set(analyze("العسل"))
    honey.summary = "خلايا النحل في الأطلس"
    honey.save()
    entry.refresh_from_db()  # rewritten in place: the catalogue's row stays the object's row
    assert set(analyze("الأطلس")) <= set(entry.terms.values_list("term", flat=True))
    honey.delete()
    assert not dbindex.IndexedObject.objects.filter(pk=entry.pk).exists()
    assert not dbindex.IndexedTerm.objects.filter(entry_id=entry.pk).exists()


def test_update_index_rebuilds_it(corpus):
    before = set(dbindex.IndexedObject.objects.values_list("content_type_id", "object_id", "title", "body"))
    terms = dbindex.IndexedTerm.objects.count()
    dbindex.IndexedObject.objects.all().delete()
    call_command("update_index", verbosity=0)
    assert set(dbindex.IndexedObject.objects.values_list("content_type_id", "object_id", "title", "body")) == before
    assert dbindex.IndexedTerm.objects.count() == terms > 0


def test_an_empty_index_is_filled_after_migrate(corpus):
    count = dbindex.IndexedObject.objects.count()
    dbindex.IndexedObject.objects.all().delete()
    post_migrate.send(sender=apps.get_app_config("portal_search"), app_config=apps.get_app_config("portal_search"))
    assert dbindex.IndexedObject.objects.count() == count > 0
    assert run_search("زيت الاركان", "ar").count == _generic("زيت الاركان").count > 0


@pytest.mark.parametrize("query", ["زيت الاركان", "تعاونيه", "تعاونية لتثمين الصبار", "العسل", "كلمة مجهولة"])
def test_it_finds_what_the_backend_api_finds_with_the_same_word_counts(corpus, query):
    fast, generic = run_search(query, "ar"), _generic(query)
    assert {(h.type, h.pk): (h.coverage, h.title_coverage) for h in fast.hits} == {
        (h.type, h.pk): (h.coverage, h.title_coverage) for h in generic.hits
    }
    assert fast.facets == generic.facets
    assert corpus["draft"].pk not in {hit.pk for hit in fast.hits if hit.type == "project"}


def test_order_is_words_then_title_words_then_score(corpus):
    hits = run_search("تعاونيه زيت الاركان", "ar").hits
    keys = [(hit.coverage, hit.title_coverage) for hit in hits]
    assert keys == sorted(keys, reverse=True)
    tied = {tier for tier in (hit.tier for hit in hits) if sum(1 for hit in hits if hit.tier == tier) > 1}
    assert tied
    for tier in tied:  # a small result set is ranked whole: every tie is scored
        scores = [hit.score for hit in hits if hit.tier == tier]
        assert None not in scores and scores == sorted(scores, reverse=True)
    # the two titles holding all three words come first
    assert {hit.title for hit in hits[:2]} == {"تعاونية زيت الأركان بتارودانت", "دليل تعاونيات زيت الأركان"}
    assert hits[0].title_coverage == hits[1].title_coverage == 3 > hits[2].title_coverage


def test_a_tier_larger_than_the_scored_size_is_ordered_by_title_length_without_scores(corpus, monkeypatch):
    monkeypatch.setattr(engine, "SCORED_TIER", 2)
    results = run_search("زيت", "ar", types=["project"])
    first_tier = [hit for hit in results.hits if hit.tier == results.hits[0].tier]
    assert len(first_tier) == 2  # both projects with زيت in their title: a tier of 2, scored
    assert all(hit.score is not None for hit in first_tier)
    results = run_search("تعاونيه", "ar", types=["project"])
    big = [hit for hit in results.hits if hit.tier == (1, 1)]
    assert len(big) == 4 and all(hit.score is None for hit in big)
    assert [hit.title_length for hit in big] == sorted(hit.title_length for hit in big)


def test_only_the_page_shown_is_loaded(corpus, django_assert_max_num_queries):
    results = run_search("تعاونيه", "ar")
    assert all(hit.loaded is None for hit in results.hits)
    with django_assert_max_num_queries(3):  # ranking texts, then one query per type on the page
        page = results.page(1, per_page=3)
        titles = [(hit.title, hit.locale) for hit in page]
    assert len(titles) == 3 and {locale for _title, locale in titles} == {"ar"}
    assert sum(hit.loaded is not None for hit in results.hits) == 3


def test_a_later_page_is_ranked_when_it_is_asked_for(corpus, monkeypatch):
    monkeypatch.setattr(engine, "SCORED_TIER", 3)
    monkeypatch.setattr(engine, "PER_PAGE", 1)
    results = run_search("تعاونيه", "ar")
    assert len(results.hits) > 3  # too many to rank whole: only the first page's tier is ranked now
    waiting = [
        position for position, hit in enumerate(results.hits) if hit.score is None and 1 < _tie_size(results, hit) <= 3
    ]
    assert waiting, "a small tied tier beyond the first page, still unscored"
    number = waiting[0] + 1
    (hit,) = results.page(number, per_page=1).object_list
    tier = [other for other in results.hits if other.tier == hit.tier]
    assert None not in [other.score for other in tier]
    assert [other.score for other in tier] == sorted((other.score for other in tier), reverse=True)


def _tie_size(results, hit):
    return sum(1 for other in results.hits if other.tier == hit.tier)


def test_facet_counts_agree_with_a_plain_orm_count(corpus):
    pks = [project.pk for key, project in corpus.items() if key not in {"page"}]
    by_region = dict(facet_counts(ProjectModel, "regions__code", pks))
    expected = dict(
        ProjectModel.objects.filter(pk__in=pks)
        .values("regions__code")
        .annotate(n=Count("pk"))
        .values_list("regions__code", "n")
    )
    expected.pop(None, None)
    assert by_region == expected == {"souss-massa": 2, "guelmim-oued-noun": 1, "oriental": 2, "beni-mellal-khenifra": 1}
    by_sector = dict(facet_counts(ProjectModel, "sector__code", pks))
    assert by_sector == {"agri-food": len(pks)}


def test_an_id_set_larger_than_any_bound_variable_limit(corpus):
    many = list(range(1, 40_001))
    assert Sector.objects.filter(pk__in=ids_in(many)).count() == Sector.objects.count()


def _without_tables(query, **filters):
    """The same search through the backend's public API: the database says which hits are public and counts the
    facets in SQL."""
    reader = dbindex.reader
    dbindex.reader = lambda: None
    try:
        return run_search(query, "ar", **filters)
    finally:
        dbindex.reader = reader


@pytest.mark.parametrize(
    "query, filters",
    [
        ("تعاونيه", {}),
        ("زيت الاركان", {}),
        ("تعاونيه", {"region": ["oriental"]}),
        ("تعاونيه", {"sector": ["agri-food"], "region": ["souss-massa", "oriental"]}),
        ("تعاونيه", {"types": ["project"]}),
        ("تعاونيه", {"target_group": ["women"]}),
    ],
)
def test_the_in_memory_visibility_tables_give_what_the_database_gives(corpus, query, filters):
    assert generation.current() is not None
    with_tables, without = run_search(query, "ar", **filters), _without_tables(query, **filters)
    assert {(h.type, h.pk): (h.coverage, h.title_coverage) for h in with_tables.hits} == {
        (h.type, h.pk): (h.coverage, h.title_coverage) for h in without.hits
    }
    assert with_tables.facets == without.facets
    assert with_tables.hits  # every case finds something: the comparison is never between two empty lists
    assert corpus["draft"].pk not in {h.pk for h in with_tables.hits if h.type == "project"}


def test_a_search_after_a_change_sees_it_in_hits_and_facets(corpus):
    first = run_search("تعاونيه", "ar")
    assert first.facets["region"]["oriental"] == 2
    weaving = corpus["weaving"]
    weaving.regions = Region.objects.filter(code="souss-massa")
    weaving.save()
    second = run_search("تعاونيه", "ar")
    assert second.facets["region"]["oriental"] == 1
    assert second.facets["region"]["souss-massa"] == first.facets["region"]["souss-massa"] + 1

    corpus["honey"].unpublish()
    third = run_search("تعاونيه", "ar")
    assert corpus["honey"].pk not in {h.pk for h in third.hits if h.type == "project"}
    assert "beni-mellal-khenifra" not in third.facets["region"]
    assert third.facets["type"]["project"] == first.facets["type"]["project"] - 1


def test_tables_are_built_once_per_generation(corpus, django_assert_max_num_queries):
    run_search("تعاونيه", "ar")
    tables = dict(visible._tables)
    assert tables and {key[0] for key in tables} == {generation.current()}
    with django_assert_max_num_queries(12):  # no table rebuilt: locale, generation, restrictions, index, page
        run_search("زيت", "ar")
    assert visible._tables == tables
    generation.bump()
    run_search("زيت", "ar")
    assert {key[0] for key in visible._tables} == {generation.current()}


def test_an_index_row_written_after_the_catalogue_is_built_is_found(corpus):
    """A task queue may write the index after the commit that renewed the generation: the row is read then."""
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    couscous = make_project(title="تعاونية الكسكس التقليدي", region_codes=["oriental"])
    backend.delete(couscous)
    token = generation.current()
    assert run_search("الكسكس", "ar").count == 0  # the catalogue is built now, without the row
    backend.add(couscous)
    assert generation.current() == token
    results = run_search("كسكس", "ar")
    assert [(hit.type, hit.pk) for hit in results.hits] == [("project", couscous.pk)]
    assert results.hits[0].title_coverage == 1  # its title was read with it
    assert results.facets["region"] == {"oriental": 1}


def test_pages_of_the_hits_follow_the_order_of_the_whole_list(corpus, monkeypatch):
    monkeypatch.setattr(engine, "SCORED_TIER", 2)
    whole = [(hit.type, hit.pk) for hit in run_search("تعاونيه زيت", "ar").hits]
    results = run_search("تعاونيه زيت", "ar")
    paged = []
    for number in range(1, len(whole) + 1):
        paged += [(hit.type, hit.pk) for hit in results.page(number, per_page=1)]
    assert len(whole) > 4 and paged == whole
    assert results.hits[-1] is results.hits[len(whole) - 1]
    with pytest.raises(IndexError):
        results.hits[len(whole)]


@pytest.mark.parametrize("query", ["تعاونيه زيت الاركان", "مشروع تعاونيه للنسيج زيت"])
def test_tiers_from_set_operations_and_from_a_count_per_hit_agree(corpus, monkeypatch, query):
    by_sets = [(h.type, h.pk, h.tier) for h in run_search(query, "ar").hits]
    monkeypatch.setattr(engine, "LEVELS_BY_SETS", 0)  # the path of long queries
    by_counts = [(h.type, h.pk, h.tier) for h in run_search(query, "ar").hits]
    assert len({tier for *_key, tier in by_sets}) > 2 and by_sets == by_counts
