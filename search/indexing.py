"""What the search index stores: our analyzer's tokens, so SQLite, PostgreSQL and Elasticsearch match alike.

Each searchable model declares ``AnalyzedField("title", boost=…)`` (the title column the backends rank first)
and ``AnalyzedField("search_body")`` (everything else a visitor may type: summary, body, sector, region and
target-group names in the object's own language). The raw text never reaches a backend's own analysis.
"""

from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import override
from modelsearch.backends.base import get_model_root
from wagtail.blocks import StreamValue
from wagtail.models import TranslatableMixin
from wagtail.rich_text import RichText
from wagtail.search import index

from search.analysis import analyze, fold_accents, fold_characters, is_arabic, normalize_arabic, tokenize

TITLE_BOOST = 10


def plain_text(value):
    """Text of a field value: StreamField blocks, rich text and plain strings alike."""
    if value is None:
        return ""
    if isinstance(value, StreamValue):
        return " ".join(str(part) for part in value.stream_block.get_searchable_content(value))
    if isinstance(value, RichText):
        return strip_tags(value.source)
    if isinstance(value, list | tuple):
        return " ".join(plain_text(item) for item in value)
    return strip_tags(str(value))


def object_language(obj):
    return obj.locale.language_code if isinstance(obj, TranslatableMixin) else "ar"


class AnalyzedField(index.SearchField):
    """A SearchField whose value is analyzed text; ``source`` names the attribute or method giving the raw text."""

    def __init__(self, field_name, source=None, **kwargs):
        super().__init__(field_name, **kwargs)
        self.source = source or field_name

    def get_definition_model(self, cls):
        model = super().get_definition_model(cls)
        if not (isinstance(model, type) and issubclass(model, models.Model)):
            return get_model_root(cls)  # a method of a plain mixin (AnalyzedSearchMixin.search_body)
        return model

    def get_value(self, obj):
        value = getattr(obj, self.source, None)
        if callable(value):
            with override(object_language(obj)):
                value = value()
        return indexed_text(plain_text(value))


# A single attached preposition (بـ، لـ، كـ، فـ) and the possessive هم are not stripped from queries (Lucene's
# light stemmer leaves them, and stripping them would turn فلاحة into لاح): the index also holds the word
# without them, so a query for مراكش finds بمراكش and one for مداخيل finds مداخيلهم.
DETACHABLE_PREFIXES = frozenset("بلكف")
MIN_LETTERS_LEFT = 3


def indexed_text(text):
    """What an index field stores: the analyzed terms, plus the terms of words with a detachable prefix or suffix."""
    terms = []
    for token in tokenize(fold_characters(text or "")):
        analyzed = analyze(token)
        terms.extend(analyzed)
        if not analyzed or not is_arabic(token):
            continue
        bare = normalize_arabic(token)
        if bare[0] in DETACHABLE_PREFIXES and len(bare) - 1 >= MIN_LETTERS_LEFT + 1:
            terms.extend(analyze(bare[1:]))
        if bare.endswith("هم") and len(bare) - 2 >= MIN_LETTERS_LEFT:
            terms.extend(analyze(bare[:-2]))
    return " ".join(terms)


def autocomplete_text(text):
    """Normalized but unstemmed words, so "تعاو" or "أگادير" complete titles however they were typed."""
    words = []
    for token in tokenize(fold_characters(text or "")):
        words.append(normalize_arabic(token) if is_arabic(token) else fold_accents(token.lower()))
    return " ".join(words)


class NormalizedAutocompleteField(index.AutocompleteField):
    def get_value(self, obj):
        return autocomplete_text(plain_text(getattr(obj, self.field_name, "")))


def analyzed_search_fields(*filter_fields):
    """The text fields every searchable model indexes, plus its own filter fields."""
    return [
        AnalyzedField("title", boost=TITLE_BOOST),
        AnalyzedField("search_body", source="search_body"),
        NormalizedAutocompleteField("title"),
        index.FilterField("id"),
        index.FilterField("locale"),
        *filter_fields,
    ]


def names(items):
    """Names of taxonomy terms in the active language (modeltranslation follows translation.override)."""
    return " ".join(term.name for term in items if term is not None)


class AnalyzedSearchMixin:
    """Gives a model its ``search_body`` (the text of ``search_body_parts()``, in the object's language), and lets
    its analyzed fields replace the raw ``title`` fields it inherits (``Page.search_fields`` stays complete)."""

    @classmethod
    def get_search_fields(cls):
        fields = {}
        for field in cls.search_fields:
            kind = next((k for k in (index.SearchField, index.AutocompleteField) if isinstance(field, k)), type(field))
            fields[(kind, field.field_name)] = field
        return list(fields.values())

    def search_body_parts(self):
        return []

    def search_body(self):
        return " ".join(plain_text(part) for part in self.search_body_parts() if part)
