"""What editors tune in search: synonym groups, and the log of what visitors searched for."""

import re

from django.core.cache import cache
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import RevisionMixin

from search.analysis import analyze
from search.dbindex import IndexedObject, IndexedTerm  # noqa: F401 (the index's models, found here by Django)

SYNONYMS_CACHE_KEY = "search:synonym-groups"
SEPARATORS = re.compile(r"[,،;؛\n]+")


class SynonymGroup(RevisionMixin, models.Model):
    """Words that mean the same thing to a visitor (الهندية = الصبار = cactus): a query for one finds the others.

    Every saved version is kept as a revision, so an editor can see and restore an earlier list of words.
    """

    terms = models.TextField(
        _("words"),
        help_text=_("Words or expressions that mean the same, separated by commas, in Arabic, French or both."),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    panels = [FieldPanel("terms"), FieldPanel("note")]

    class Meta:
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonym groups")

    def __str__(self):
        return "، ".join(self.words())

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        cache.delete(SYNONYMS_CACHE_KEY)

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        cache.delete(SYNONYMS_CACHE_KEY)
        return result

    def words(self):
        return [word.strip() for word in SEPARATORS.split(self.terms) if word.strip()]

    def analyzed_terms(self):
        return {term for word in self.words() for term in analyze(word)}


def synonym_groups():
    groups = cache.get(SYNONYMS_CACHE_KEY)
    if groups is None:
        groups = [sorted(group.analyzed_terms()) for group in SynonymGroup.objects.all()]
        cache.set(SYNONYMS_CACHE_KEY, groups, 3600)
    return groups


def expand_with_synonyms(terms):
    """The query's terms plus every term sharing a synonym group with one of them, in a stable order."""
    expanded = list(terms)
    for group in synonym_groups():
        if any(term in group for term in terms):
            expanded.extend(term for term in group if term not in expanded)
    return expanded


class SearchedQuery(models.Model):
    """How often a query was searched on a day, in a language, and how many results it found last time."""

    query = models.CharField(_("query"), max_length=200)
    locale = models.CharField(_("language"), max_length=5)
    date = models.DateField(_("date"))
    searches = models.PositiveIntegerField(_("searches"), default=0)
    results = models.PositiveIntegerField(_("results"), default=0)

    class Meta:
        verbose_name = _("searched query")
        verbose_name_plural = _("searched queries")
        constraints = [models.UniqueConstraint(fields=["query", "locale", "date"], name="unique_query_per_day")]
        indexes = [models.Index(fields=["date", "locale"])]

    def __str__(self):
        return f"{self.query} ({self.locale}, {self.date})"

    @classmethod
    def record(cls, query, locale, results):
        query = " ".join(query.lower().split())[:200]
        if not query:
            return
        today = timezone.localdate()
        # One UPDATE for a query already searched today; the first search of the day creates its row.
        counted = cls.objects.filter(query=query, locale=locale, date=today)
        if counted.update(searches=F("searches") + 1, results=results):
            return
        try:
            with transaction.atomic():
                cls.objects.create(query=query, locale=locale, date=today, searches=1, results=results)
        except IntegrityError:  # created meanwhile by another request
            counted.update(searches=F("searches") + 1, results=results)
