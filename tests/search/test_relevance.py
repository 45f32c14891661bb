"""Search relevance: the corpus of relevance_corpus.py published as pages, every query run through the engine.

The whole set gives two figures, printed for the database in use (run with ``-s`` to see them): recall@10 (the
share of a query's expected documents found in its first 10 hits, averaged over the queries) and MRR (the mean
of 1/rank of the first expected document). Each rule also has its own test, so a broken rule names itself.
"""

from collections import defaultdict
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.utils.html import escape
from wagtail.models import Site

from portal.translating import ensure_locales, translate
from search.analysis import analyze
from search.engine import run_search
from search.indexing import indexed_text
from tests.conftest import make_standard_page
from tests.search.relevance_corpus import DOCUMENTS, DOCUMENTS_BY_ID, QUERIES, RULES

TOP = 10
RECALL_AT_10_FLOOR = 0.95
MRR_FLOOR = 0.90


@dataclass
class Ranking:
    """The hits of one query, as corpus document ids (or "type:title" for a hit outside the corpus)."""

    ids: list
    title_flags: list
    coverages: list

    def rank_of(self, document_id):
        return self.ids.index(document_id) + 1 if document_id in self.ids else None


class Corpus:
    """The published corpus; each query's ranking is computed once per module (the pages do not change)."""

    def __init__(self, document_ids_by_pk):
        self.document_ids_by_pk = document_ids_by_pk
        self._rankings = {}

    def ranking(self, text, locale):
        key = (text, locale)
        if key not in self._rankings:
            hits = run_search(text, locale).hits
            ids = [self.document_ids_by_pk.get(hit.object.pk, f"{hit.type}:{hit.title}") for hit in hits]
            self._rankings[key] = Ranking(ids, [hit.title_match for hit in hits], [hit.coverage for hit in hits])
        return self._rankings[key]


def publish_corpus():
    """Every document as a published StandardPage: Arabic ones under the Arabic home, French ones under its translation."""
    locales = ensure_locales()
    home = Site.objects.get(is_default_site=True).root_page.specific
    french_home = translate(home, locales["fr"], {home.title: "Portail des coopératives", home.slug: home.slug})
    parents = {"ar": home, "fr": french_home}
    document_ids_by_pk = {}
    for document in DOCUMENTS:
        page = make_standard_page(
            parents[document.locale],
            document.title,
            document.id,
            intro=document.intro,
            body=[("paragraph", f"<p>{escape(document.body)}</p>")],
        )
        document_ids_by_pk[page.pk] = document.id
    return document_ids_by_pk


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    """The corpus, built once for this module inside a transaction that is rolled back after its last test."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield Corpus(publish_corpus())
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            cache.clear()  # nothing cached about these pages outlives them


@pytest.fixture
def search(corpus, db):
    return corpus.ranking


def describe(query, ranking):
    shown = ", ".join(ranking.ids[:TOP]) or "nothing"
    return f"  [{query.rule}] {query.locale} {query.text!r}: expected {', '.join(query.expected)}; got {shown}"


# The corpus itself ------------------------------------------------------------------------------------------------


def test_corpus_is_large_enough_and_consistent():
    assert len(DOCUMENTS) >= 50 and len(DOCUMENTS_BY_ID) == len(DOCUMENTS)
    assert sum(query.locale == "ar" for query in QUERIES) >= 60
    assert sum(query.locale == "fr" for query in QUERIES) >= 15
    for query in QUERIES:
        assert query.rule in RULES, query
        assert query.expected and all(DOCUMENTS_BY_ID[i].locale == query.locale for i in query.expected), query


def test_every_rule_has_a_query():
    assert set(RULES) == {query.rule for query in QUERIES}


# The figures --------------------------------------------------------------------------------------------------


def test_recall_at_10_and_mrr(search):
    recalls, reciprocal_ranks, misses = [], [], []
    by_locale = defaultdict(list)
    for query in QUERIES:
        ranking = search(query.text, query.locale)
        found = [i for i in query.expected if i in ranking.ids[:TOP]]
        recall = len(found) / len(query.expected)
        ranks = [rank for rank in map(ranking.rank_of, query.expected) if rank]
        reciprocal_rank = 1 / min(ranks) if ranks else 0.0
        recalls.append(recall)
        reciprocal_ranks.append(reciprocal_rank)
        by_locale[query.locale].append((recall, reciprocal_rank))
        if recall < 1 or reciprocal_rank < 1:
            misses.append(
                f"{describe(query, ranking)} (recall {recall:.2f}, first expected at {min(ranks, default='-')})"
            )
    recall_at_10 = sum(recalls) / len(recalls)
    mrr = sum(reciprocal_ranks) / len(reciprocal_ranks)
    lines = [
        f"search relevance on {connection.vendor}: recall@10 {recall_at_10:.3f}, MRR {mrr:.3f} "
        f"over {len(QUERIES)} queries and {len(DOCUMENTS)} documents",
        *(
            f"  {locale}: recall@10 {sum(r for r, _ in rows) / len(rows):.3f}, "
            f"MRR {sum(rr for _, rr in rows) / len(rows):.3f} over {len(rows)} queries"
            for locale, rows in sorted(by_locale.items())
        ),
        "queries that missed a document or did not rank one first:" if misses else "every query ranked first",
        *misses,
    ]
    print("\n" + "\n".join(lines))
    assert recall_at_10 >= RECALL_AT_10_FLOOR and mrr >= MRR_FLOOR, "\n".join(lines)


# One test per rule ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("rule", list(RULES))
def test_rule(search, rule):
    """Every query exercising ``rule`` finds all its documents in its first 10 hits."""
    misses = []
    for query in (query for query in QUERIES if query.rule == rule):
        ranking = search(query.text, query.locale)
        if not set(query.expected) <= set(ranking.ids[:TOP]):
            misses.append(describe(query, ranking))
    assert not misses, f"rule {rule!r} ({RULES[rule]}) broken:\n" + "\n".join(misses)


# Locales and ordering ---------------------------------------------------------------------------------------------


def test_every_query_returns_documents_of_its_own_locale_only(search):
    leaks = []
    for query in QUERIES:
        ranking = search(query.text, query.locale)
        other = [i for i in ranking.ids if i not in DOCUMENTS_BY_ID or DOCUMENTS_BY_ID[i].locale != query.locale]
        if other:
            leaks.append(f"  {query.locale} {query.text!r}: {', '.join(other)}")
    assert not leaks, "hits from another locale or outside the corpus:\n" + "\n".join(leaks)


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [
        # fr-argan-agadir quotes "زيت أركان" in Arabic; ar-youth-graduates and fr-youth-call both name DELIO.
        ("زيت اركان", "fr", ["fr-argan-agadir"]),
        ("DELIO", "fr", ["fr-youth-call"]),
        ("DELIO", "ar", ["ar-youth-graduates"]),
        ("Agadir", "ar", []),
        ("safran", "ar", []),
        ("زعفران", "fr", []),
    ],
)
def test_a_word_found_in_both_languages_returns_the_searched_locale_only(search, text, locale, expected):
    assert search(text, locale).ids == expected


def title_matches(text, document_id):
    """Whether a term of the query is a term of the document's indexed title: what "title matches first" means.

    The indexed title also holds a word's form without a single attached preposition (بأكادير → اكادير), so
    « اكادير » matches the title « المعرض الجهوي … بأكادير »."""
    return bool(set(analyze(text)) & set(indexed_text(DOCUMENTS_BY_ID[document_id].title).split()))


def test_title_matches_rank_before_body_only_matches(search):
    """Among hits matching as many of the query's words, those with a title match come first.

    (A body holding every word of a two-word query still outranks a title holding only the commoner one.)
    """
    disorders = []
    for query in QUERIES:
        ranking = search(query.text, query.locale)
        by_coverage = {}
        for document_id, coverage in zip(ranking.ids, ranking.coverages, strict=True):
            if document_id in DOCUMENTS_BY_ID:
                by_coverage.setdefault(coverage, []).append(document_id)
        for ids in by_coverage.values():
            in_title = [title_matches(query.text, i) for i in ids]
            if False in in_title and True in in_title[in_title.index(False) :]:
                disorders.append(f"{describe(query, ranking)}; a title match ranked after a body-only match")
    assert not disorders, "\n".join(disorders)


def test_honey_in_titles_ranks_before_honey_in_a_guide_body(search):
    ids = search("عسل", "ar").ids
    assert set(ids[:2]) == {"ar-honey-azilal", "ar-amlou"}  # العســـل and والعسل in their titles
    assert "ar-beekeeping-guide" in ids[2:]  # العسل in its body only


def test_hits_say_whether_their_title_matched(search):
    wrong = []
    for query in QUERIES:
        ranking = search(query.text, query.locale)
        for document_id, flag in zip(ranking.ids, ranking.title_flags, strict=True):
            if document_id in DOCUMENTS_BY_ID and flag != title_matches(query.text, document_id):
                wrong.append(f"  {query.text!r} → {document_id}: title_match {flag}")
    assert not wrong, f"Hit.title_match disagrees with the analyzed titles on {connection.vendor}:\n" + "\n".join(
        wrong[:20]
    )
