"""The taxonomy shared by every section: territory (regions, provinces, communes), sectors and target groups; and
the portal's documents.

Names are translated with django-modeltranslation (``name_ar``, ``name_fr``); the ``code`` slug is the stable
identifier used in URLs, CSV imports and the JSON API. Territory keeps the official HCP code beside it.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument

from search.indexing import NormalizedAutocompleteField


class DocumentLanguage(models.TextChoices):
    """The language a downloadable document is written in (a call's form, a guide's material, a project's study)."""

    ARABIC = "ar", _("Arabic")
    FRENCH = "fr", _("French")
    BILINGUAL = "ar-fr", _("Arabic and French")


class TaxonomyTerm(models.Model):
    code = models.SlugField(
        _("code"), max_length=80, unique=True, help_text=_("Stable identifier used in URLs, CSV and the API.")
    )
    name = models.CharField(_("name"), max_length=150)

    class Meta:
        abstract = True

    def __str__(self):
        return self.name or self.code


class Region(TaxonomyTerm):
    hcp_code = models.CharField(_("HCP code"), max_length=2, unique=True)
    population_2024 = models.PositiveIntegerField(_("population (2024 census)"), null=True, blank=True)

    class Meta:
        ordering = ["hcp_code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")


class Province(TaxonomyTerm):
    class Kind(models.TextChoices):
        PROVINCE = "province", _("province")
        PREFECTURE = "prefecture", _("prefecture")
        PREFECTURE_OF_ARRONDISSEMENTS = "prefecture_of_arrondissements", _("prefecture of arrondissements")

    hcp_code = models.CharField(_("HCP code"), max_length=16, unique=True)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="provinces", verbose_name=_("region"))
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    population_2024 = models.PositiveIntegerField(_("population (2024 census)"), null=True, blank=True)

    class Meta:
        ordering = ["hcp_code"]
        verbose_name = _("province or prefecture")
        verbose_name_plural = _("provinces and prefectures")


class Commune(TaxonomyTerm):
    class Kind(models.TextChoices):
        URBAN = "urban", _("urban commune")
        RURAL = "rural", _("rural commune")

    hcp_code = models.CharField(_("HCP code"), max_length=16, unique=True)
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="communes", verbose_name=_("province")
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    population_2024 = models.PositiveIntegerField(_("population (2024 census)"), null=True, blank=True)

    class Meta:
        ordering = ["hcp_code"]
        verbose_name = _("commune")
        verbose_name_plural = _("communes")


class Sector(TaxonomyTerm):
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")


class TargetGroup(TaxonomyTerm):
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class ContentGeneration(models.Model):
    """One row whose token changes whenever public content changes (see serving.generation).

    Values shared by every page (navigation, footer, page addresses) are cached under the current token, so a
    change can never be served stale: the next request reads the new token and misses the cache. The token lives
    in the database, not in the cache, so every worker process sees a change at once, and a rolled-back change
    rolls the token back with it.
    """

    token = models.CharField(max_length=32)

    class Meta:
        verbose_name = _("content generation")

    def __str__(self):
        return self.token


class PortalDocument(AbstractDocument):
    """The documents of the portal (``WAGTAILDOCS_DOCUMENT_MODEL``): Wagtail's document, whose title the admin's
    search also finds folded as the site search folds Arabic (جراده finds جرادة, اعلان finds إعلان).

    Wagtail's admin searches documents by autocompletion on their title, with the words as typed: the title is
    indexed as written and folded (``folded_title``), so a word typed either way finds it.

    ``title`` is the Arabic title; ``title_fr`` the French one, shown on French pages (``localized_title``)."""

    title_fr = models.CharField(
        _("French title"), max_length=255, blank=True, help_text=_("Shown on French pages. Empty: the title.")
    )

    admin_form_fields = (*WagtailDocument.admin_form_fields[:1], "title_fr", *WagtailDocument.admin_form_fields[1:])
    search_fields = AbstractDocument.search_fields + [NormalizedAutocompleteField("folded_title")]

    class Meta(AbstractDocument.Meta):
        pass

    @property
    def localized_title(self):
        """The title in the active language: the French title on French pages when there is one, else the title."""
        if self.title_fr and (get_language() or "").split("-")[0] == "fr":
            return self.title_fr
        return self.title

    @property
    def folded_title(self):
        return self.title
