"""The database backend's own index, read directly.

Wagtail's database backend keeps one index row per object (``wagtailsearch_indexentry``: a title and a body
of analyzed terms, an FTS5 table beside it on SQLite, tsvector columns with GIN indexes on PostgreSQL) and the
search engine (search/engine.py) keeps using it: the backend writes it, the analyzer fills it. Its query
compiler, though, ranks every match before the first page can be cut: on SQLite with a correlated subquery
that runs the full-text match once per matching row (seconds at 10,000 project models), on PostgreSQL with
``ts_rank`` over every match. The site search needs less:

1. ``body_rows``: for each query word (with its synonyms), the ids of the index rows whose body holds it — one
   statement, ids only; the engine's in-memory catalogue (search/visible.py) knows the rest of each row:
   object, type, facets, title words. ``all_rows`` and ``rows_after`` fill that catalogue.
2. ``score``: a relevance score for the few objects that the page shows and that the number of words held
   leaves tied: BM25 over their indexed title and body (the same text on both databases, so the same order),
   computed in Python from the index rows of just those objects (``texts``). Each query word counts once with
   its synonyms; its rarity (idf) comes from how many of the hits hold it.

``match`` answers the engine when there is no content generation yet (a database where nothing was saved):
per public object of each type, which query words (bits of a mask) it holds anywhere and in its title, in one
query that checks visibility itself.

``reader()`` returns None when the configured backend is not the database backend on SQLite or PostgreSQL
(Elasticsearch, for one); the engine then goes through the backend's public API.
"""

import json
import math
from typing import NamedTuple

from django.db import connection
from django.db.models.expressions import RawSQL
from wagtail.search.backends import get_search_backend

K1, B = 1.2, 0.75  # BM25's usual constants
TITLE_WEIGHT = 10  # a word in the title counts as much as ten in the body (search.indexing.TITLE_BOOST)


class Match(NamedTuple):
    pk: int
    words: int  # bit i set: the query's word i (or a synonym) is in the object
    title_words: int  # ... in its title
    entry: int  # the index row, to score it later
    title_norm: float  # the backend's title length factor (average title length / this one's)


def score(texts, concepts, frequencies, hits):
    """BM25 of each index row in ``texts`` ({row: (title, body)}), bigger is better.

    ``frequencies[i]`` is how many of the ``hits`` hold word ``i``; a title word weighs ``TITLE_WEIGHT``."""
    idf = [math.log(1 + (hits - n + 0.5) / (n + 0.5)) for n in frequencies]
    counted, lengths = {}, {}
    for entry, (title, body) in texts.items():
        title_terms, body_terms = (title or "").split(), (body or "").split()
        counted[entry] = [
            TITLE_WEIGHT * sum(map(title_terms.count, terms)) + sum(map(body_terms.count, terms)) for terms in concepts
        ]
        lengths[entry] = TITLE_WEIGHT * len(title_terms) + len(body_terms)
    average = (sum(lengths.values()) / len(lengths)) if lengths else 1.0
    scores = {}
    for entry, frequencies_here in counted.items():
        norm = K1 * (1 - B + B * lengths[entry] / (average or 1.0))
        scores[entry] = sum(w * f * (K1 + 1) / (f + norm) for w, f in zip(idf, frequencies_here, strict=True) if f)
    return scores


def reader():
    """The index reader for the configured backend and database, or None."""
    backend = get_search_backend()
    module = type(backend).__module__
    if connection.vendor == "sqlite" and module.endswith(".sqlite.sqlite"):
        return SQLiteIndex()
    if connection.vendor == "postgresql" and module.endswith(".postgres.postgres"):
        return PostgresIndex()
    return None


def _public_ids(queryset):
    """SQL testing that the index row ``entry`` is a public object of ``queryset`` (a primary key lookup), with
    its parameters. Correlated on purpose: a hit costs one index probe, where a list of every public id would
    be built in full for each query."""
    object_id = RawSQL(f"CAST(entry.object_id AS {'bigint' if connection.vendor == 'postgresql' else 'integer'})", [])
    sql, params = queryset.order_by().filter(pk=object_id).values("pk").query.sql_with_params()
    return f"EXISTS ({sql})", params


def _scopes(scopes):
    """WHERE clause keeping the index rows of public objects of each scope, its parameters, content type → key.

    ``scopes`` is a list of (key, model, public queryset): one query serves every searchable type. With no
    queryset, every index row of the type is kept: the caller tells public objects from the others."""
    from modelsearch.utils import get_descendants_content_types_pks

    clauses, params = [], []
    keys = content_type_keys({key: model for key, model, _queryset in scopes})
    for _key, model, queryset in scopes:
        content_types = get_descendants_content_types_pks(model)
        if queryset is None:  # the engine checks visibility itself (search/visible.py)
            clauses.append(f"entry.content_type_id IN ({_placeholders(content_types)})")
            params += content_types
            continue
        public_sql, public_params = _public_ids(queryset)
        clauses.append(f"(entry.content_type_id IN ({_placeholders(content_types)}) AND {public_sql})")
        params += [*content_types, *public_params]
    return " OR ".join(clauses) or "1 = 0", params, keys


def _grouped(cursor, keys):
    found = {}
    for content_type, pk, words, title_words, entry, title_norm in cursor.fetchall():
        found.setdefault(keys[content_type], []).append(Match(int(pk), words, title_words, entry, title_norm))
    return found


def _placeholders(values):
    return ", ".join(["%s"] * len(values))


def content_type_keys(types):
    """{content type id: key} of ``types`` ({key: model}), a model's subclasses included (a later key wins)."""
    from modelsearch.utils import get_descendants_content_types_pks

    keys = {}
    for key, model in types.items():
        keys.update(dict.fromkeys(get_descendants_content_types_pks(model), key))
    return keys


def _row_columns():
    title = "title_text" if connection.vendor == "postgresql" else "title"
    return f"SELECT id, content_type_id, object_id, title_norm, {title} FROM wagtailsearch_indexentry"


def all_rows():
    """Every index row as (id, content type id, object id, title length factor, analyzed title)."""
    with connection.cursor() as cursor:
        cursor.execute(_row_columns())
        return cursor.fetchall()


def rows_after(last):
    """The index rows written after row ``last``, as ``all_rows`` gives them."""
    with connection.cursor() as cursor:
        cursor.execute(f"{_row_columns()} WHERE id > %s", [last])
        return cursor.fetchall()


LAST_ROW = "(SELECT MAX(id) FROM wagtailsearch_indexentry)"


class SQLiteIndex:
    """FTS5: one MATCH per word for the whole row and one for the title column, grouped per index row."""

    FTS = "wagtailsearch_indexentry_fts"

    @staticmethod
    def _any_of(terms, column=None):
        quoted = " OR ".join('"{}"'.format(term.replace('"', '""')) for term in terms)
        return f"{column} : ({quoted})" if column else f"{{title body}} : ({quoted})"

    def match(self, scopes, concepts):
        """{scope key: [Match]} of the public objects holding any of the ``concepts`` (lists of analyzed terms)."""
        parts, params = [], []
        for bit, terms in enumerate(concepts):
            for in_title, expression in ((0, self._any_of(terms)), (1, self._any_of(terms, "title"))):
                parts.append(
                    f"SELECT rowid AS id, {in_title} AS in_title, {1 << bit} AS bit FROM {self.FTS} "
                    f"WHERE {self.FTS} MATCH %s"
                )
                params.append(expression)
        where, where_params, keys = _scopes(scopes)
        sql = f"""
            WITH hits AS MATERIALIZED ({" UNION ALL ".join(parts)}),
                 counts AS MATERIALIZED (
                     SELECT id, SUM(bit * (1 - in_title)) AS words, SUM(bit * in_title) AS title_words
                     FROM hits GROUP BY id
                 )
            SELECT entry.content_type_id, entry.object_id, counts.words, counts.title_words, entry.id, entry.title_norm
            FROM counts JOIN wagtailsearch_indexentry entry ON entry.id = counts.id
            WHERE {where}
        """
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, *where_params])
            return _grouped(cursor, keys)

    def body_rows(self, concepts):
        """For each concept (a list of analyzed terms), the set of index rows whose body holds any of its terms,
        and the last row of the index. One statement, ids only (titles are matched in memory: search/visible.py).
        """
        columns = [f"(SELECT group_concat(rowid) FROM {self.FTS} WHERE {self.FTS} MATCH %s)"] * len(concepts)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {', '.join([*columns, LAST_ROW])}", [self._any_of(terms, "body") for terms in concepts]
            )
            *found, last = cursor.fetchone()
        return [set(map(int, ids.split(","))) if ids else set() for ids in found], last or 0

    def texts(self, entries):
        """{index row: (analyzed title, analyzed body)}"""
        sql = "SELECT id, title, body FROM wagtailsearch_indexentry WHERE id IN (SELECT value FROM json_each(%s))"
        with connection.cursor() as cursor:
            cursor.execute(sql, [json.dumps(list(entries))])
            return {entry: (title, body) for entry, title, body in cursor}


class PostgresIndex:
    """tsvector columns: each word's test is a boolean in the select list; the GIN indexes find the rows."""

    @staticmethod
    def _tsquery(terms):
        return " || ".join(["plainto_tsquery('simple', %s)"] * len(terms)), list(terms)

    def match(self, scopes, concepts):
        words, title_words, select_params = [], [], []
        for bit, terms in enumerate(concepts):
            query, query_params = self._tsquery(terms)
            words.append(f"(entry.title @@ ({query}) OR entry.body @@ ({query}))::int * {1 << bit}")
            select_params += query_params * 2
        for bit, terms in enumerate(concepts):
            query, query_params = self._tsquery(terms)
            title_words.append(f"(entry.title @@ ({query}))::int * {1 << bit}")
            select_params += query_params
        everything, everything_params = self._tsquery([term for terms in concepts for term in terms])
        where, where_params, keys = _scopes(scopes)
        sql = f"""
            SELECT entry.content_type_id, entry.object_id, {" + ".join(words)}, {" + ".join(title_words)},
                   entry.id, entry.title_norm
            FROM wagtailsearch_indexentry entry
            WHERE (entry.title @@ ({everything}) OR entry.body @@ ({everything})) AND ({where})
        """
        params = [*select_params, *everything_params, *everything_params, *where_params]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return _grouped(cursor, keys)

    def body_rows(self, concepts):
        """As ``SQLiteIndex.body_rows``, from the body's GIN index.

        The planner prices a tsvector match like any operator and, for a word most rows hold, prefers reading
        the whole table and testing every body (15 ms at 10,000 project models) to the GIN index and a visit of
        the rows it names (5 ms): sequential scans are turned off for this one statement."""
        columns, params = [], []
        for terms in concepts:
            query, query_params = self._tsquery(terms)
            columns.append(f"(SELECT array_agg(id) FROM wagtailsearch_indexentry WHERE body @@ ({query}))")
            params += query_params
        # One round trip: Django's psycopg cursors bind parameters on the client, so the three statements go as
        # one query string, which PostgreSQL runs as one transaction (or inside the caller's, where the last
        # statement gives the setting back its default for what follows).
        sql = (
            f"SET LOCAL enable_seqscan = off; SELECT {', '.join([*columns, LAST_ROW])}; "
            "SET LOCAL enable_seqscan = DEFAULT"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            while cursor.description is None and cursor.nextset():
                pass
            *found, last = cursor.fetchone()
        return [set(ids or ()) for ids in found], last or 0

    def texts(self, entries):
        sql = "SELECT id, title_text, body_text FROM wagtailsearch_indexentry WHERE id = ANY(%s)"
        with connection.cursor() as cursor:
            cursor.execute(sql, [list(entries)])
            return {entry: (title, body) for entry, title, body in cursor}
