"""Training guides, the funding partner directory and the project bank.

Guides are pages (``GuideIndexPage`` → ``GuidePage``). Funding partners and project models are translatable
snippets — the project bank holds thousands of rows, imported from spreadsheets — shown to the public through
two routable pages, ``PartnerDirectoryPage`` and ``ProjectBankPage``, which list the entries of their own locale
and serve each entry at ``<page url>/<slug>/``.
"""

import contextlib
import contextvars
import functools

from anyascii import anyascii
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator
from django.db import models, transaction
from django.db.models import Prefetch, Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.http import Http404
from django.utils.functional import SimpleLazyObject
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.models import Filter as ImageFilter
from wagtail.models import (
    DraftStateMixin,
    Orderable,
    Page,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import BodyBlock
from portal.classified import Classified
from portal.fields import MultipleChoiceField
from portal.forms import PortalPageForm
from portal.listing import ListingPage, read_filters
from portal.models import DocumentLanguage, Region, Sector, TargetGroup
from portal.pages import RoutedEntry, public
from portal.slugs import first_free, slug_for
from portal.translating import refuse_other_locale
from search.indexing import (
    TITLE_BOOST,
    AnalyzedField,
    AnalyzedSearchMixin,
    NormalizedAutocompleteField,
    analyzed_search_fields,
    names,
)

from . import elasticsearch
from .choices import Level, PartnerKind, ProjectSource, SupportType
from .listings import ProjectListing, guide_filters, partner_filters, project_filters, show_counts

# Amounts are whole dirhams; the ceiling only rejects typing slips (ten billion dirhams).
MAX_INVESTMENT_MAD = 10_000_000_000
KEY_HELP = _("Stable identifier used by spreadsheet imports, e.g. “argan-oil-souss-massa”. Shared by translations.")
SLUG_HELP = _("Last part of the public address. Left empty, it is made from the name.")


# --- Downloadable documents -------------------------------------------------------------------------------


class DownloadableDocument(Orderable):
    """A Wagtail document offered for download, with the language it is written in."""

    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("document")
    )
    language = models.CharField(
        _("language of the document"), max_length=5, choices=DocumentLanguage.choices, default=DocumentLanguage.ARABIC
    )

    panels = [FieldRowPanel([FieldPanel("document"), FieldPanel("language")])]

    class Meta(Orderable.Meta):
        abstract = True


# --- Guides --------------------------------------------------------------------------------------------------


class ModuleBlock(blocks.StructBlock):
    """One module of a guide: a title and the shared body blocks (headings, paragraphs, images, documents)."""

    title = blocks.CharBlock(max_length=200, label=_("Module title"))
    body = BodyBlock(label=_("Content"))

    class Meta:
        icon = "doc-full-inverse"
        label = _("Module")
        template = "resources/blocks/module.html"


class GuideIndexPage(ListingPage):
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["resources.GuidePage"]

    class Meta:
        verbose_name = _("guide index page")

    def listing_items(self):
        """Live, public guides of this index (hence of its locale)."""
        return public(GuidePage.objects.child_of(self).live(), None)

    def listing_filters(self):
        return guide_filters()

    def order_items(self, items):
        return items.order_by("path")

    def prefetch(self, items):
        return items.prefetch_related("sectors", "audience")


class GuidePage(Classified, AnalyzedSearchMixin, Page):
    taxonomy_fields = {"sector": "sectors", "target_group": "audience"}
    base_form_class = PortalPageForm
    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    level = models.CharField(_("level"), max_length=16, choices=Level.choices, default=Level.BEGINNER, db_index=True)
    duration_hours = models.PositiveSmallIntegerField(
        _("duration (hours)"), null=True, blank=True, validators=[MaxValueValidator(1000)]
    )
    audience = ParentalManyToManyField(TargetGroup, blank=True, related_name="guides", verbose_name=_("audience"))
    sectors = ParentalManyToManyField(
        Sector,
        blank=True,
        related_name="guides",
        verbose_name=_("sectors"),
        help_text=_("Leave empty for every sector."),
    )
    modules = StreamField(
        [("module", ModuleBlock())], blank=True, verbose_name=_("modules"), help_text=_("The sections of the guide.")
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("modules")]
    audience_panels = [
        FieldRowPanel([FieldPanel("level"), FieldPanel("duration_hours")]),
        FieldPanel("audience", widget=forms.CheckboxSelectMultiple),
        FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
    ]
    material_panels = [
        InlinePanel("downloads", label=_("Downloadable material"), heading=_("Downloadable material")),
        InlinePanel(
            "related_pages",
            label=_("Related page"),
            heading=_("Related pages"),
            help_text=_("For instance the calls for applications this guide prepares for."),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(audience_panels, heading=_("Audience and level")),
            ObjectList(material_panels, heading=_("Material")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = Page.search_fields + analyzed_search_fields(index.FilterField("level"))
    # wagtail-localize leaves many-to-many fields out unless told: translations share the source's taxonomy.
    override_translatable_fields = [SynchronizedField("audience"), SynchronizedField("sectors")]

    parent_page_types = ["resources.GuideIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("guide")
        verbose_name_plural = _("guides")

    def search_body_parts(self):
        return [
            self.intro,
            self.modules,
            self.get_level_display(),
            names(self.sectors.all()),
            names(self.audience.all()),
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["downloads"] = self.downloads.select_related("document")
        # Lazy, as the downloads' queryset: nothing is asked while the page's content comes from the fragment cache.
        context["related"] = SimpleLazyObject(
            lambda: [
                page
                for link in self.related_pages.select_related("linked_page")
                if (page := link.linked_page.localized.specific_deferred).live
            ]
        )
        return context


class GuideDownload(DownloadableDocument):
    page = ParentalKey(GuidePage, on_delete=models.CASCADE, related_name="downloads")

    class Meta(DownloadableDocument.Meta):
        verbose_name = _("downloadable material")


class GuideRelatedPage(Orderable):
    page = ParentalKey(GuidePage, on_delete=models.CASCADE, related_name="related_pages")
    linked_page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )

    panels = [FieldPanel("linked_page")]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")

    def clean(self):
        super().clean()
        if self.page_id or self.page is not None:
            refuse_other_locale(self.page, self.linked_page if self.linked_page_id else None, "linked_page")


# --- Funding partners and project models: translatable snippets ----------------------------------------------


class EntryQuerySet(models.QuerySet):
    def live(self):
        return self.filter(live=True)

    def in_locale(self, locale):
        return self.filter(locale=locale)


class FundingPartnerQuerySet(EntryQuerySet):
    def offering(self, support_types):
        """Partners offering at least one of ``support_types``.

        JSON ``contains`` is not available on SQLite; a quoted substring of the stored JSON list is exact here,
        since every value is a slug from a fixed set and none is a quoted substring of another.
        """
        query = Q()
        for support_type in support_types:
            query |= Q(support_types__icontains=f'"{support_type}"')
        return self.filter(query)


# The catalogue entries saved while indexing is deferred, or None when it is not.
_indexing_deferred = contextvars.ContextVar("resources_indexing_deferred", default=None)


@contextlib.contextmanager
def indexing_deferred():
    """Inside the block, saved catalogue entries are not indexed: the caller indexes each once in Wagtail's index at
    the end, and the project models saved go to the project bank's index together, in one bulk request."""
    saved = []
    reset = _indexing_deferred.set(saved)
    try:
        yield
    finally:
        _indexing_deferred.reset(reset)
    update_project_index({entry.pk for entry in saved if isinstance(entry, ProjectModel)})


def update_project_index(pks):
    """Once the transaction commits, the project bank's Elasticsearch index (when ELASTICSEARCH_URL is set) holds
    the live project models of ``pks`` as the database has them, and none of the others."""
    if not pks or elasticsearch.client() is None:
        return
    pks = set(pks)

    def write():
        live = list(
            ProjectModel.objects.live()
            .filter(pk__in=pks)
            .select_related("locale", "sector")
            .prefetch_related("regions", "target_groups")
        )
        elasticsearch.update_entries(live, pks - {project.pk for project in live})

    transaction.on_commit(write)


class CatalogueEntry(
    RoutedEntry,
    WorkflowMixin,
    DraftStateMixin,
    RevisionMixin,
    PreviewableMixin,
    TranslatableMixin,
    index.Indexed,
    ClusterableModel,
):
    """What funding partners and project models share: a stable import key, a URL slug per locale, a public page.

    ``directory_page_model`` is the routable page that lists and shows the entries; ``route_name`` its detail route.
    """

    key = models.SlugField(_("key"), max_length=80, blank=True, help_text=KEY_HELP)
    slug = models.SlugField(_("slug"), max_length=200, allow_unicode=True, blank=True, help_text=SLUG_HELP)

    objects = EntryQuerySet.as_manager()

    # Indexed by ``save`` once ClusterableModel has saved the sectors, regions and target groups, whose names are
    # searchable: Wagtail's post_save signal would index the row before them. Deletion still goes through the
    # signal (ResourcesConfig.ready).
    search_auto_update = False

    label_field = "title"
    directory_page_model = None  # set below, once the pages exist

    class Meta(TranslatableMixin.Meta):
        abstract = True

    def __str__(self):
        return getattr(self, self.label_field)

    @property
    def label(self):
        return getattr(self, self.label_field)

    def _siblings(self):
        siblings = type(self).objects.filter(locale_id=self.locale_id)
        return siblings.exclude(pk=self.pk) if self.pk else siblings

    def clean(self):
        super().clean()
        errors = {}
        if self.key and self.locale_id and self._siblings().filter(key=self.key).exists():
            errors["key"] = _("Another entry in this language already uses this key.")
        if self.slug and self.locale_id and self._siblings().filter(slug=self.slug).exists():
            errors["slug"] = _("Another entry in this language already uses this address.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if not self.key:
            self.key = self._available(slugify(self._ascii_label())[:70] or type(self)._meta.model_name, "key")
        if not self.slug or self._siblings().filter(slug=self.slug).exists():
            base = self.slug or slug_for(self.label)[:180] or self.key
            self.slug = self._available(base, "slug")
        super().save(*args, **kwargs)
        deferred = _indexing_deferred.get()
        if deferred is None:
            index.insert_or_update_object(self)
            self.indexed()
        else:
            deferred.append(self)

    def indexed(self):
        """Runs after each save that indexes this entry (not while indexing is deferred): other indexes to update."""

    def _ascii_label(self):
        return anyascii(self.label or "")

    def _available(self, base, field):
        """``base``, or ``base-2``, ``base-3``… whichever no other entry of this locale uses."""
        return first_free(self._siblings(), base, field)

    # Public address: the directory page of the entry's locale, then the entry's slug.

    def directory_page(self):
        return self.directory_page_model.objects.live().filter(locale_id=self.locale_id).first()

    def get_url(self, request=None, directory=None):
        directory = directory or self.directory_page()
        if directory is None:
            return None
        base = directory.get_url(request)
        return base and base + directory.reverse_subpage(self.route_name, kwargs={"slug": self.slug})

    @property
    def url(self):
        return self.get_url()

    def translation_links(self, request=None):
        """This entry in the other languages: [{code, name, url}] for each live translation with a public page."""
        languages = dict(settings.LANGUAGES)
        links = []
        for translation in self.get_translations().live().select_related("locale"):
            url = translation.get_url(request)
            code = translation.locale.language_code
            if url:
                links.append({"code": code, "name": languages.get(code, code), "url": url})
        return sorted(links, key=lambda link: list(languages).index(link["code"]) if link["code"] in languages else 99)

    def get_preview_context(self, request, mode_name):
        directory = self.directory_page()
        return {**super().get_preview_context(request, mode_name), **self.detail_context(request, directory)}

    def detail_context(self, request, directory):
        raise NotImplementedError


class FundingPartner(Classified, AnalyzedSearchMixin, CatalogueEntry):
    taxonomy_fields = {"sector": "sectors", "region": "regions"}
    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True, help_text=_("For instance ODCo or ANAPEC."))
    kind = models.CharField(_("kind of institution"), max_length=20, choices=PartnerKind.choices, db_index=True)
    support_types = MultipleChoiceField(_("support offered"), item_choices=SupportType.choices)
    sectors = ParentalManyToManyField(
        Sector,
        blank=True,
        related_name="funding_partners",
        verbose_name=_("sectors"),
        help_text=_("Leave empty if the partner supports every sector."),
    )
    regions = ParentalManyToManyField(
        Region,
        blank=True,
        related_name="funding_partners",
        verbose_name=_("regions covered"),
        help_text=_("Leave empty if the partner covers the whole country."),
    )
    description = models.TextField(_("description"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    address = models.TextField(_("address"), blank=True, max_length=400)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        get_image_model(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )

    objects = FundingPartnerQuerySet.as_manager()

    label_field = "name"

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("name"),
                    FieldRowPanel([FieldPanel("acronym"), FieldPanel("kind")]),
                    FieldPanel("logo"),
                    FieldPanel("description"),
                ],
                heading=_("Institution"),
            ),
            ObjectList(
                [
                    FieldPanel("support_types"),
                    FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
                ],
                heading=_("Support and coverage"),
            ),
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
                    FieldPanel("website"),
                    FieldPanel("address"),
                ],
                heading=_("Contact"),
            ),
            ObjectList([FieldPanel("key"), FieldPanel("slug")], heading=_("Identifiers")),
        ]
    )
    # A partner's title is its name: a model field, so every backend can restrict a search to it.
    search_fields = [
        AnalyzedField("name", boost=TITLE_BOOST),
        AnalyzedField("search_body", source="search_body"),
        NormalizedAutocompleteField("name"),
        index.FilterField("id"),
        index.FilterField("locale"),
        index.FilterField("kind"),
        index.FilterField("live"),
        index.FilterField("translation_key"),
        index.FilterField("key"),
    ]
    override_translatable_fields = [
        SynchronizedField("key", overridable=False),
        SynchronizedField("acronym"),
        SynchronizedField("phone"),
        SynchronizedField("sectors"),
        SynchronizedField("regions"),
    ]

    class Meta(CatalogueEntry.Meta):
        verbose_name = _("funding partner")
        verbose_name_plural = _("funding partners")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["key", "locale"], name="resources_partner_unique_key_per_locale"),
            models.UniqueConstraint(fields=["slug", "locale"], name="resources_partner_unique_slug_per_locale"),
        ]

    def save(self, *args, **kwargs):
        # Support types in the order of the choices, without duplicates, whoever wrote them.
        chosen = set(self.support_types or [])
        self.support_types = [value for value, _label in SupportType.choices if value in chosen]
        super().save(*args, **kwargs)

    def support_labels(self):
        return self._meta.get_field("support_types").labels(self.support_types)

    def support_choices(self):
        """(code, label) of the support offered, in the choices' order: each links to the directory filtered by it."""
        chosen = set(self.support_types or [])
        return [(value, label) for value, label in SupportType.choices if value in chosen]

    def search_body_parts(self):
        return [
            self.acronym,
            self.description,
            self.get_kind_display(),
            " ".join(str(label) for label in self.support_labels()),
            names(self.sectors.all()),
            names(self.regions.all()),
            self.address,
        ]

    def get_preview_template(self, request, mode_name):
        return "resources/funding_partner.html"

    def detail_context(self, request, directory):
        return {"partner": self, "directory": directory}

    # Spreadsheet export uses the import's columns, so an export can be edited and imported again.
    def export_locale(self):
        return self.locale.language_code

    def export_support_types(self):
        return ";".join(self.support_types)

    def export_sectors(self):
        return ";".join(term.code for term in self.sectors.all())

    def export_regions(self):
        return ";".join(term.code for term in self.regions.all())


class ProjectModel(Classified, AnalyzedSearchMixin, CatalogueEntry):
    taxonomy_fields = {"sector": "sector", "region": "regions", "target_group": "target_groups"}
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"), max_length=600, blank=True)
    description = models.TextField(_("description"), blank=True)
    sector = models.ForeignKey(
        Sector, on_delete=models.PROTECT, related_name="project_models", verbose_name=_("sector")
    )
    regions = ParentalManyToManyField(
        Region,
        blank=True,
        related_name="project_models",
        verbose_name=_("regions"),
        help_text=_("Where the model fits best. Leave empty if it suits every region."),
    )
    target_groups = ParentalManyToManyField(
        TargetGroup, blank=True, related_name="project_models", verbose_name=_("target groups")
    )
    investment_mad = models.PositiveBigIntegerField(
        _("estimated investment (MAD)"),
        null=True,
        blank=True,
        db_index=True,
        validators=[MaxValueValidator(MAX_INVESTMENT_MAD)],
    )
    jobs_expected = models.PositiveIntegerField(_("expected jobs"), null=True, blank=True)
    minimum_members = models.PositiveSmallIntegerField(
        _("minimum members"), default=5, help_text=_("Law 112-12 requires at least five members.")
    )
    activities = models.TextField(_("activities"), blank=True)
    market = models.TextField(_("market"), blank=True)
    resources = models.TextField(_("resources needed"), blank=True)
    revenue = models.TextField(_("revenue model"), blank=True)
    risks = models.TextField(_("risks and how to reduce them"), blank=True)
    source = models.CharField(_("source"), max_length=16, choices=ProjectSource.choices, default=ProjectSource.STUDY)
    source_detail = models.CharField(
        _("source details"), max_length=200, blank=True, help_text=_("For instance: Ideathon Marrakech-Safi 2025.")
    )

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [FieldPanel("title"), FieldPanel("summary"), FieldPanel("description")],
                heading=_("Project"),
            ),
            ObjectList(
                [
                    FieldPanel("sector"),
                    FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
                    FieldRowPanel(
                        [FieldPanel("investment_mad"), FieldPanel("jobs_expected"), FieldPanel("minimum_members")]
                    ),
                ],
                heading=_("Territory and figures"),
            ),
            ObjectList(
                [
                    FieldPanel("activities"),
                    FieldPanel("market"),
                    FieldPanel("resources"),
                    FieldPanel("revenue"),
                    FieldPanel("risks"),
                ],
                heading=_("Economic model"),
            ),
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("source"), FieldPanel("source_detail")]),
                    InlinePanel("documents", label=_("Document"), heading=_("Attached documents")),
                    FieldRowPanel([FieldPanel("key"), FieldPanel("slug")]),
                ],
                heading=_("Source and documents"),
            ),
        ]
    )
    search_fields = analyzed_search_fields(
        index.FilterField("sector"),
        index.FilterField("investment_mad"),
        index.FilterField("live"),
        index.FilterField("translation_key"),
        index.FilterField("key"),
    )
    override_translatable_fields = [
        SynchronizedField("key", overridable=False),
        SynchronizedField("regions"),
        SynchronizedField("target_groups"),
    ]

    class Meta(CatalogueEntry.Meta):
        verbose_name = _("project model")
        verbose_name_plural = _("project models")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["key", "locale"], name="resources_project_unique_key_per_locale"),
            models.UniqueConstraint(fields=["slug", "locale"], name="resources_project_unique_slug_per_locale"),
        ]
        indexes = [models.Index(fields=["locale", "live", "title"], name="resources_project_listing")]

    def indexed(self):
        update_project_index([self.pk])

    def search_body_parts(self):
        return [
            self.summary,
            self.description,
            self.activities,
            self.market,
            self.resources,
            self.revenue,
            self.risks,
            self.source_detail,
            names([self.sector]),
            names(self.regions.all()),
            names(self.target_groups.all()),
        ]

    def economic_model(self):
        """(heading, text) of each filled section of the economic model, in reading order."""
        sections = [
            (_("Activities"), self.activities),
            (_("Market"), self.market),
            (_("Resources needed"), self.resources),
            (_("Revenue model"), self.revenue),
            (_("Risks and how to reduce them"), self.risks),
        ]
        return [(heading, text) for heading, text in sections if text.strip()]

    def funding_partners(self):
        """Live partners of the same locale that support this sector (or every sector) in one of its regions."""
        partners = (
            FundingPartner.objects.live().in_locale(self.locale_id).filter(Q(sectors=self.sector_id) | Q(sectors=None))
        )
        region_ids = [region.pk for region in self.regions.all()]
        if region_ids:
            partners = partners.filter(Q(regions__in=region_ids) | Q(regions=None))
        return FundingPartner.objects.filter(pk__in=partners.values("pk"))

    def get_preview_template(self, request, mode_name):
        return "resources/project_model.html"

    def detail_context(self, request, directory):
        """Lazy: nothing is asked of the database while the page's content comes from the fragment cache."""
        partner_directory = SimpleLazyObject(
            lambda: PartnerDirectoryPage.objects.live().filter(locale_id=self.locale_id).first()
        )

        def partners():
            found = list(self.funding_partners())
            base_url = partner_directory.get_url(request) if partner_directory else None
            for partner in found:
                partner.public_url = base_url and partner_directory.entry_url(partner, base_url)
            return found

        return {
            "project": self,
            "directory": directory,
            "partners": SimpleLazyObject(partners),
            "partner_directory": partner_directory,
            "documents": self.documents.select_related("document"),
        }

    def export_locale(self):
        return self.locale.language_code

    def export_regions(self):
        return ";".join(term.code for term in self.regions.all())

    def export_target_groups(self):
        return ";".join(term.code for term in self.target_groups.all())


class ProjectModelDocument(DownloadableDocument):
    project = ParentalKey(ProjectModel, on_delete=models.CASCADE, related_name="documents")

    class Meta(DownloadableDocument.Meta):
        verbose_name = _("attached document")


# --- The routable pages that show the snippets ---------------------------------------------------------------


class CatalogueListingPage(RoutablePageMixin, ListingPage):
    """A page listing the live entries of its own locale with filters, and serving each entry at ``<slug>/``."""

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []
    max_count_per_parent = 1

    entry_model = None
    entry_context_name = "entry"
    detail_template = None
    per_page = 20

    class Meta:
        abstract = True

    def listing_items(self):
        return self.entry_model.objects.live().in_locale(self.locale_id)

    def entry_url(self, entry, base_url):
        return base_url + self.reverse_subpage("detail", kwargs={"slug": entry.slug})

    def prepare_page(self, page, request):
        base_url = self.get_url(request)
        for entry in page:
            entry.public_url = self.entry_url(entry, base_url)

    @path("")
    def listing(self, request):
        return self.render(request)

    @path("<str:slug>/")
    def detail(self, request, slug):
        entry = self.entry_model.objects.live().in_locale(self.locale_id).filter(slug=slug).first()
        if entry is None:
            raise Http404
        return self.render(
            request,
            template=self.detail_template,
            context_overrides={**entry.detail_context(request, self), "entry": entry},
        )

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base_url = self.get_full_url(request)
        if base_url:
            entries = self.entry_model.objects.live().in_locale(self.locale_id).only("slug", "last_published_at")
            urls += [
                {"location": self.entry_url(entry, base_url), "lastmod": entry.last_published_at} for entry in entries
            ]
        return urls


class PartnerDirectoryPage(CatalogueListingPage):
    entry_model = FundingPartner
    detail_template = "resources/funding_partner.html"
    per_page = 24

    class Meta:
        verbose_name = _("funding partner directory")

    def order_items(self, items):
        return items.order_by("name")

    def prefetch(self, items):
        logo_renditions = get_image_model().objects.prefetch_renditions(*PARTNER_LOGO_SPECS)
        return items.prefetch_related("sectors", "regions", Prefetch("logo", queryset=logo_renditions))

    def listing_filters(self):
        return partner_filters()


class ProjectBankPage(CatalogueListingPage):
    entry_model = ProjectModel
    detail_template = "resources/project_model.html"

    class Meta:
        verbose_name = _("project bank")

    def order_items(self, items):
        return items.order_by("title", "pk")

    def prefetch(self, items):
        return items.select_related("sector").prefetch_related("regions", "target_groups")

    def listing_filters(self):
        return project_filters()

    def listing_context(self, request):
        """As every listing's, with the page and the facet counts from ``ProjectListing`` (the project bank's
        Elasticsearch index when ELASTICSEARCH_URL is set, the database otherwise); each filter's choices say how
        many project models they give. Built only when the template uses them, as every listing's."""

        @functools.cache
        def listing():
            filters = read_filters(request.GET, self.listing_filters())
            projects = ProjectListing(
                locale=self.locale.language_code,
                filters=filters,
                items=self.listing_items(),
                database=self.prefetch(self.listed(filters)),
                load=lambda ids: self.prefetch(self.listing_items().filter(pk__in=ids)),
                per_page=self.per_page,
                page_number=request.GET.get("page"),
            )
            page = Paginator(projects, self.per_page).get_page(request.GET.get("page"))
            self.prepare_page(page, request)
            return show_counts(filters, projects.facet_counts()), page

        context = super().listing_context(request)
        context.update(filters=SimpleLazyObject(lambda: listing()[0]), items=SimpleLazyObject(lambda: listing()[1]))
        return context


# The directory card's logo; partner_directory_page.html writes the same spec: {% picture … format-{webp,png} max-160x96 %}.
PARTNER_LOGO_SPECS = ImageFilter.expand_spec("format-{webp,png}|max-160x96")
FundingPartner.directory_page_model = PartnerDirectoryPage
ProjectModel.directory_page_model = ProjectBankPage


@receiver(post_delete, sender=ProjectModel, dispatch_uid="resources_project_index_delete")
def remove_from_project_index(sender, instance, **kwargs):
    update_project_index([instance.pk])
