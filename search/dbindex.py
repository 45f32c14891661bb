"""The project's own search index on the database: what the search engine reads on SQLite and PostgreSQL.

One ``IndexedObject`` per indexed object of a model with analyzed search fields (search/indexing.py): its content
type, id and locale, its analyzed title and body (the same text Wagtail's database backend receives) and the
length of that title. Beside it, ``IndexedTerm``: one row per distinct body term of an object, keyed by (term,
object), so "which objects hold word w" is one look-up in that key on either database, with plain ORM queries.

It is written where Wagtail's database backend writes its own index: ``WritesTerms`` is a mixin for the
backend's index class (search/backend.py, the configured ``WAGTAILSEARCH_BACKENDS`` backend), so every save that
Wagtail indexes, every removal and ``manage.py update_index`` keep both in step. After ``migrate``, an empty
index is filled from the models (``fill_if_empty``): a database made before this index existed gets it at once.

What the engine (search/engine.py) asks of it:

1. ``body_rows``: for each query word (with its synonyms), the ids of the index rows whose body holds it, and
   the last row of the index — ids only; the engine's in-memory catalogue (search/visible.py) knows the rest of
   each row: object, type, facets, title words. ``all_rows`` and ``rows_after`` fill that catalogue.
2. ``score``: a relevance score for the few objects that the page shows and that the number of words held
   leaves tied: BM25 over their indexed title and body, computed in Python from the rows of just those objects
   (``texts``). Each query word counts once with its synonyms; its rarity (idf) comes from how many hits hold it.

``reader()`` returns None when the configured backend does not write this index (Elasticsearch, for one); the
engine then goes through the backend's public API.
"""

import math

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _
from modelsearch.index import get_indexed_models
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.search.backends import get_search_backend

from search.indexing import AnalyzedSearchMixin

K1, B = 1.2, 0.75  # BM25's usual constants
TITLE_WEIGHT = 10  # a word in the title counts as much as ten in the body (search.indexing.TITLE_BOOST)
MAX_TERM = 100  # longer terms are cut, at index and at query time alike: no real word is that long
CHUNK = 500  # objects written per batch when the index is filled


class IndexedObject(models.Model):
    """One indexed object: its analyzed title and body, as Wagtail's database backend receives them."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.BigIntegerField()
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, null=True, related_name="+")
    title = models.TextField(blank=True)
    body = models.TextField(blank=True)
    title_length = models.PositiveIntegerField(default=0)  # characters of the analyzed title: shorter ranks first

    class Meta:
        verbose_name = _("indexed object")
        verbose_name_plural = _("indexed objects")
        constraints = [models.UniqueConstraint(fields=["content_type", "object_id"], name="one_entry_per_object")]
        indexes = [models.Index(fields=["locale"])]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id}"


class IndexedTerm(models.Model):
    """A term of an object's analyzed body; the key (term, entry) answers "which rows hold this term"."""

    pk = models.CompositePrimaryKey("term", "entry")
    term = models.CharField(max_length=MAX_TERM)
    entry = models.ForeignKey(IndexedObject, on_delete=models.CASCADE, related_name="terms")

    class Meta:
        verbose_name = _("indexed term")
        verbose_name_plural = _("indexed terms")

    def __str__(self):
        return f"{self.term} ({self.entry_id})"


# --- Writing: called by the backend's index (search/backend.py) ------------------------------------------------


def analyzed_fields(obj):
    """(analyzed title, analyzed body) of ``obj``: its title search field, then its other search fields, as
    Wagtail's database backend splits them."""
    title, body = [], []
    for field in obj.get_search_fields():
        if isinstance(field, index.SearchField):
            (title if field.field_name == "title" else body).append(str(field.get_value(obj) or ""))
    return " ".join(title), " ".join(body)


def write(model, objects):
    """Index ``objects`` of ``model`` (rows rewritten in place: a row keeps its id while its object exists)."""
    if not issubclass(model, AnalyzedSearchMixin) or not objects:
        return
    content_type = ContentType.objects.get_for_model(model)
    texts = {
        obj.pk: (obj.locale_id if isinstance(obj, TranslatableMixin) else None, *analyzed_fields(obj))
        for obj in objects
    }
    with transaction.atomic():
        existing = {
            entry.object_id: entry
            for entry in IndexedObject.objects.filter(content_type=content_type, object_id__in=list(texts))
        }
        IndexedTerm.objects.filter(entry__in=list(existing.values())).delete()
        entries = []
        for pk, (locale, title, body) in texts.items():
            entry = existing.get(pk) or IndexedObject(content_type=content_type, object_id=pk)
            entry.locale_id, entry.title, entry.body, entry.title_length = locale, title, body, len(title)
            entries.append(entry)
        fields = ["locale", "title", "body", "title_length"]
        IndexedObject.objects.bulk_update([entry for entry in entries if entry.pk], fields)
        IndexedObject.objects.bulk_create([entry for entry in entries if not entry.pk])
        IndexedTerm.objects.bulk_create(
            IndexedTerm(term=term, entry=entry)
            for entry in entries
            for term in {term[:MAX_TERM] for term in entry.body.split()}
        )


def remove(obj):
    """Take ``obj`` out of the index (its model and the models derived from it share its ids)."""
    IndexedObject.objects.filter(
        content_type_id__in=get_descendants_content_types_pks(obj._meta.model), object_id=obj.pk
    ).delete()


def remove_stale():
    """Take out the rows of objects that no longer exist (deleted without a signal)."""
    for model in analyzed_models():
        stale = IndexedObject.objects.filter(content_type=ContentType.objects.get_for_model(model))
        stale.exclude(object_id__in=model._meta.default_manager.values("pk")).delete()


def analyzed_models():
    return [model for model in get_indexed_models() if issubclass(model, AnalyzedSearchMixin)]


def fill_if_empty():
    """Index every object of the analyzed models when the index is empty and the backend writes it."""
    if IndexedObject._meta.db_table not in connection.introspection.table_names():
        return  # migrated back to before this index
    if reader() is None or IndexedObject.objects.exists():
        return
    for model in analyzed_models():
        objects = model.get_indexed_objects().order_by("pk")
        for start in range(0, objects.count(), CHUNK):
            write(model, list(objects[start : start + CHUNK]))


class WritesTerms:
    """Mixin for a Wagtail database backend's index class: what it indexes, removes or resets, this index too."""

    def add_items(self, model, items):
        super().add_items(model, items)
        write(model, list(items))

    def delete_item(self, item):
        super().delete_item(item)
        remove(item)

    def delete_stale_entries(self):
        super().delete_stale_entries()
        remove_stale()

    def reset(self):
        super().reset()
        IndexedObject.objects.all().delete()


# --- Reading: called by the engine (search/engine.py) -----------------------------------------------------------


def reader():
    """The index reader when the configured backend writes this index, else None."""
    if issubclass(get_search_backend().index_class, WritesTerms):
        return TermIndex()
    return None


def content_type_keys(types):
    """{content type id: key} of ``types`` ({key: model}), a model's subclasses included (a later key wins)."""
    keys = {}
    for key, model in types.items():
        keys.update(dict.fromkeys(get_descendants_content_types_pks(model), key))
    return keys


ROW_COLUMNS = ("id", "content_type_id", "object_id", "title_length", "title")


def all_rows(locale):
    """Every index row of ``locale`` as (id, content type id, object id, title length, analyzed title)."""
    return list(IndexedObject.objects.filter(locale=locale).values_list(*ROW_COLUMNS))


def rows_after(last, locale):
    """The index rows of ``locale`` written after row ``last``, as ``all_rows`` gives them."""
    return list(IndexedObject.objects.filter(locale=locale, pk__gt=last).values_list(*ROW_COLUMNS))


class RowList(models.Aggregate):
    """The rows of a group as one comma-separated text: thousands of ids for a common word come back as one value
    per word, not one row each (SQLite's and MySQL's GROUP_CONCAT, PostgreSQL's STRING_AGG)."""

    function = "GROUP_CONCAT"
    output_field = models.TextField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler, connection, function="STRING_AGG", template="%(function)s(%(expressions)s::text, ',')"
        )


class TermIndex:
    """Look-ups in ``IndexedTerm`` and reads of ``IndexedObject``: plain ORM queries, the same on both databases."""

    def body_rows(self, concepts):
        """For each concept (a list of analyzed terms), the set of index rows whose body holds any of its terms,
        and the last row of the index (titles are matched in memory: search/visible.py)."""
        terms = {term[:MAX_TERM] for terms in concepts for term in terms}
        postings = IndexedTerm.objects.filter(term__in=terms).values("term").annotate(rows=RowList("entry_id"))
        holding = {term: set(map(int, rows.split(","))) for term, rows in postings.values_list("term", "rows")}
        found = [set().union(*(holding.get(term[:MAX_TERM], ()) for term in terms)) for terms in concepts]
        return found, IndexedObject.objects.aggregate(last=Max("pk"))["last"] or 0

    def texts(self, entries):
        """{index row: (analyzed title, analyzed body)}"""
        rows = IndexedObject.objects.filter(pk__in=list(entries)).values_list("pk", "title", "body")
        return {entry: (title, body) for entry, title, body in rows}


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
