"""Programmes, calls for applications, events and news, each with its index page.

A call's status is derived from its dates (see programs.status); each index is a portal.listing.ListingPage,
whose ``filtered_items`` the HTML page, the feeds and the JSON API all use.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Case, F, IntegerField, Value, When
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.models import Filter as ImageFilter
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import RICH_TEXT_FEATURES, BodyBlock
from portal.classified import Classified
from portal.fields import MultipleChoiceField
from portal.forms import PortalPageForm
from portal.listing import Filter, ListingPage, region_filter, sector_filter, target_group_filter
from portal.models import DocumentLanguage
from portal.pages import public
from portal.translating import refuse_other_locale
from search.indexing import AnalyzedSearchMixin, analyzed_search_fields, names
from serving import generation

from . import status as call_status_rules
from .status import CallStatus


class LegalForm(models.TextChoices):
    COOPERATIVE = "cooperative", _("Cooperative")
    UNION = "union", _("Union of cooperatives")
    ASSOCIATION = "association", _("Association")
    GIE = "gie", _("Economic interest group")


def taxonomy_panels():
    return [
        FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
        FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
    ]


# Programmes ---------------------------------------------------------------------------------------------------


class ProgramIndexPage(ListingPage):
    max_count_per_parent = 1
    subpage_types = ["programs.ProgramPage"]

    class Meta:
        verbose_name = _("programme index")

    @property
    def item_model(self):
        return ProgramPage

    def listing_filters(self):
        return [sector_filter(), region_filter()]

    def order_items(self, items):
        return items.order_by("title")

    def prefetch(self, items):
        return items.prefetch_related("sectors", "regions")


class ProgramPage(Classified, AnalyzedSearchMixin, Page):
    taxonomy_fields = {"sector": "sectors", "region": "regions"}
    base_form_class = PortalPageForm
    intro = models.TextField(_("summary"), max_length=600)
    objectives = RichTextField(_("objectives"), features=RICH_TEXT_FEATURES, blank=True)
    partners = StreamField(
        [("partner", blocks.CharBlock(label=_("Partner"), max_length=200))],
        blank=True,
        verbose_name=_("partners"),
        help_text=_("Institutions that carry the programme."),
    )
    sectors = ParentalManyToManyField("portal.Sector", blank=True, verbose_name=_("sectors"))
    regions = ParentalManyToManyField("portal.Region", blank=True, verbose_name=_("regions"))
    budget_mad = models.PositiveBigIntegerField(_("budget (MAD)"), null=True, blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["programs.ProgramIndexPage"]
    subpage_types = ["programs.CallPage"]

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("objectives"), FieldPanel("body")]
    details_panels = [
        FieldPanel("partners"),
        *taxonomy_panels(),
        FieldPanel("budget_mad"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(details_panels, heading=_("Partners and scope")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = Page.search_fields + analyzed_search_fields()

    class Meta:
        verbose_name = _("programme")

    def search_body_parts(self):
        return [
            self.intro,
            self.objectives,
            self.partners,
            self.body,
            names(self.sectors.all()),
            names(self.regions.all()),
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["calls"] = (
            public(CallPage.objects.live(), request)
            .filter(program=self)
            .select_related("program")
            .prefetch_related("sectors", "regions")
            .annotate(status_rank=call_status_rules.status_rank())
            .order_by("status_rank", "deadline")
        )
        return context


# Calls -------------------------------------------------------------------------------------------------------


class CallIndexPage(ListingPage):
    max_count_per_parent = 1
    subpage_types = ["programs.CallPage"]

    class Meta:
        verbose_name = _("call index")

    @property
    def item_model(self):
        return CallPage

    def listing_items(self):
        # Calls live under this index and under programmes: list every call of the locale.
        return public(CallPage.objects.live(), None).filter(locale=self.locale)

    def listing_filters(self):
        return [
            status_filter(),
            sector_filter(),
            region_filter(),
            target_group_filter(),
            program_filter(self.locale),
        ]

    def order_items(self, items):
        return order_calls(items)

    def prefetch(self, items):
        return items.select_related("program").prefetch_related("sectors", "regions")


def status_filter():
    def apply(queryset, values):
        condition = call_status_rules.filter_q(values[0])
        for value in values[1:]:
            condition |= call_status_rules.filter_q(value)
        return queryset.filter(condition)

    return Filter(name="status", label=_("Status"), choices=lambda: list(CallStatus.choices), apply=apply)


def program_filter(locale):
    def choices():
        return generation.cached(
            None,
            "program-choices",
            (locale.pk,),
            lambda: list(
                ProgramPage.objects.live().filter(locale=locale).order_by("title").values_list("slug", "title")
            ),
        )

    return Filter(
        name="program",
        label=_("Programme"),
        choices=choices,
        apply=lambda queryset, values: queryset.filter(program__slug__in=values),
    )


def order_calls(calls, now=None):
    """Calls taking applications first, nearest deadline first; then forthcoming by opening; then closed."""
    now = now or timezone.now()
    return calls.annotate(status_rank=call_status_rules.status_rank(now)).order_by(
        "status_rank",
        F("deadline").asc(),
    )


class CallPage(Classified, AnalyzedSearchMixin, Page):
    taxonomy_fields = {"sector": "sectors", "region": "regions", "target_group": "target_groups"}
    base_form_class = PortalPageForm
    intro = models.TextField(_("summary"), max_length=600)
    program = models.ForeignKey(
        "programs.ProgramPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="calls",
        verbose_name=_("programme"),
        help_text=_("Set automatically when the call is placed under a programme."),
    )
    opening_date = models.DateTimeField(
        _("opening date"), null=True, blank=True, help_text=_("Africa/Casablanca time. Empty: open on publication.")
    )
    deadline = models.DateTimeField(_("deadline"), help_text=_("Date and time, Africa/Casablanca time."))

    # Eligibility
    legal_forms = MultipleChoiceField(_("eligible legal forms"), item_choices=LegalForm.choices)
    sectors = ParentalManyToManyField("portal.Sector", blank=True, verbose_name=_("eligible sectors"))
    regions = ParentalManyToManyField("portal.Region", blank=True, verbose_name=_("eligible regions"))
    target_groups = ParentalManyToManyField("portal.TargetGroup", blank=True, verbose_name=_("target groups"))
    min_members = models.PositiveSmallIntegerField(_("minimum members"), null=True, blank=True)
    max_grant_mad = models.PositiveBigIntegerField(_("maximum grant (MAD)"), null=True, blank=True)
    cofinancing_percent = models.PositiveSmallIntegerField(
        _("required co-financing (%)"), null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    support_axes = StreamField(
        [("axis", blocks.TextBlock(label=_("Support axis")))],
        blank=True,
        verbose_name=_("support axes"),
    )
    eligibility_criteria = RichTextField(_("other eligibility criteria"), features=RICH_TEXT_FEATURES, blank=True)

    # How to apply
    apply_online_url = models.URLField(_("online application address"), blank=True)
    apply_address = models.TextField(_("where to submit on paper"), blank=True)
    how_to_apply = RichTextField(_("how to apply"), features=RICH_TEXT_FEATURES, blank=True)
    contact_name = models.CharField(_("contact"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("details"))

    # Addresses and numbers are the same in every language: copied, not translated.
    override_translatable_fields = [
        SynchronizedField("apply_online_url"),
        SynchronizedField("contact_email"),
        SynchronizedField("contact_phone"),
    ]

    parent_page_types = ["programs.CallIndexPage", "programs.ProgramPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("program"),
        FieldRowPanel([FieldPanel("opening_date"), FieldPanel("deadline")], heading=_("Dates")),
        FieldPanel("body"),
    ]
    eligibility_panels = [
        FieldPanel("legal_forms"),
        FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
        FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
        FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
        FieldRowPanel([FieldPanel("min_members"), FieldPanel("max_grant_mad"), FieldPanel("cofinancing_percent")]),
        FieldPanel("support_axes"),
        FieldPanel("eligibility_criteria"),
    ]
    application_panels = [
        InlinePanel("documents", heading=_("Application forms and annexes"), label=_("Document")),
        FieldPanel("how_to_apply"),
        FieldPanel("apply_online_url"),
        FieldPanel("apply_address"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Contact"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(eligibility_panels, heading=_("Eligibility")),
            ObjectList(application_panels, heading=_("Forms and how to apply")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = Page.search_fields + analyzed_search_fields(
        index.FilterField("deadline"),
        index.FilterField("opening_date"),
        index.FilterField("program"),
    )

    class Meta:
        verbose_name = _("call for applications")
        verbose_name_plural = _("calls for applications")

    def search_body_parts(self):
        return [
            self.intro,
            self.support_axes,
            self.eligibility_criteria,
            self.how_to_apply,
            self.body,
            self.program.title if self.program_id else "",
            names(self.sectors.all()),
            names(self.regions.all()),
            names(self.target_groups.all()),
        ]

    def clean(self):
        super().clean()
        refuse_other_locale(self, self.program, "program")
        if self.opening_date and self.deadline and self.deadline <= self.opening_date:
            raise ValidationError({"deadline": _("The deadline must come after the opening date.")})

    def full_clean(self, *args, **kwargs):
        parent = self.get_parent() if self.pk or self.path else None
        if parent is not None and isinstance(parent.specific_deferred, ProgramPage):
            self.program_id = parent.pk
        super().full_clean(*args, **kwargs)

    # Status, derived from the dates and the time in Casablanca.
    @cached_property
    def _status_time(self):
        """The one instant ``status`` and ``days_left`` are read at, so the two always agree."""
        return timezone.now()

    @property
    def status(self):
        return call_status_rules.call_status(self.opening_date, self.deadline, self._status_time)

    @property
    def status_label(self):
        return CallStatus(self.status).label

    @property
    def days_left(self):
        return call_status_rules.days_left(self.deadline, self._status_time)

    @property
    def legal_form_labels(self):
        return self._meta.get_field("legal_forms").labels(self.legal_forms)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["documents"] = self.documents.all()
        return context


class CallDocument(TranslatableMixin, Orderable):
    """An application form or annex of a call, served through Wagtail's document view; its title is translated."""

    class Kind(models.TextChoices):
        FORM = "form", _("Application form")
        ANNEX = "annex", _("Annex")

    page = ParentalKey(CallPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("document")
    )
    title = models.CharField(_("title"), max_length=200, blank=True, help_text=_("Empty: the document's title."))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.FORM)
    language = models.CharField(_("language"), max_length=5, choices=DocumentLanguage.choices, default="ar")

    panels = [FieldPanel("document"), FieldPanel("title"), FieldPanel("kind"), FieldPanel("language")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("call document")

    @property
    def display_title(self):
        return self.title or self.document.localized_title


# Events ------------------------------------------------------------------------------------------------------


class EventIndexPage(ListingPage):
    max_count_per_parent = 1
    subpage_types = ["programs.EventPage"]

    class Meta:
        verbose_name = _("event index")

    @property
    def item_model(self):
        return EventPage

    def listing_filters(self):
        return [when_filter(), region_filter(lookup="region__code"), sector_filter()]

    def order_items(self, items):
        return order_events(items)

    def prefetch(self, items):
        return items.select_related("region")


def when_filter():
    def apply(queryset, values):
        now = timezone.now()
        return queryset.filter(end__gte=now) if values[0] == "upcoming" else queryset.filter(end__lt=now)

    return Filter(
        name="when",
        label=_("When"),
        choices=lambda: [("upcoming", _("Upcoming")), ("past", _("Past"))],
        apply=apply,
        multiple=False,
    )


def order_events(events, now=None):
    """Upcoming events first, soonest first; then past events, most recent first."""
    now = now or timezone.now()
    return events.annotate(
        past_rank=Case(When(end__lt=now, then=Value(1)), default=Value(0), output_field=IntegerField()),
        upcoming_start=Case(When(end__gte=now, then=F("start"))),
    ).order_by("past_rank", F("upcoming_start").asc(nulls_last=True), F("start").desc())


class EventPage(Classified, AnalyzedSearchMixin, Page):
    taxonomy_fields = {"sector": "sectors", "region": "region"}
    base_form_class = PortalPageForm
    intro = models.TextField(_("summary"), max_length=600)
    start = models.DateTimeField(_("start"), help_text=_("Africa/Casablanca time."))
    end = models.DateTimeField(_("end"), help_text=_("Africa/Casablanca time."))
    place = models.CharField(_("place"), max_length=250)
    region = models.ForeignKey(
        "portal.Region", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("region")
    )
    sectors = ParentalManyToManyField("portal.Sector", blank=True, verbose_name=_("sectors"))
    organisers = models.CharField(_("organisers"), max_length=300, blank=True)
    partners = models.CharField(_("partners"), max_length=500, blank=True)
    participants = models.PositiveIntegerField(_("participants"), null=True, blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("report"))

    parent_page_types = ["programs.EventIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("Dates")),
        FieldPanel("place"),
        FieldPanel("region"),
        FieldPanel("body"),
    ]
    details_panels = [
        FieldPanel("organisers"),
        FieldPanel("partners"),
        FieldPanel("participants"),
        FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
        InlinePanel("gallery", heading=_("Gallery"), label=_("Photo")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(details_panels, heading=_("Organisers and gallery")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = Page.search_fields + analyzed_search_fields(
        index.FilterField("start"),
        index.FilterField("end"),
    )

    class Meta:
        verbose_name = _("event")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The event cannot end before it starts.")})

    def search_body_parts(self):
        return [
            self.intro,
            self.place,
            self.organisers,
            self.partners,
            self.body,
            self.region.name if self.region_id else "",
            names(self.sectors.all()),
        ]

    @property
    def is_past(self):
        return self.end < timezone.now()


class EventPhoto(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="gallery")
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.CASCADE, related_name="+")
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]


# News --------------------------------------------------------------------------------------------------------


class NewsIndexPage(ListingPage):
    max_count_per_parent = 1
    subpage_types = ["programs.NewsPage"]

    class Meta:
        verbose_name = _("news index")

    @property
    def item_model(self):
        return NewsPage

    def listing_filters(self):
        return [sector_filter(), region_filter()]

    def order_items(self, items):
        return items.order_by("-date", "-pk")

    def prefetch(self, items):
        return with_card_images(items)


# The card picture of a news item; news_card.html writes the same spec: {% picture … format-{avif,webp,jpeg} fill-480x270 %}.
NEWS_CARD_IMAGE_SPECS = ImageFilter.expand_spec("format-{avif,webp,jpeg}|fill-480x270")


def with_card_images(news):
    """News items with their image and its card renditions, in a fixed number of queries."""
    images = get_image_model().objects.prefetch_renditions(*NEWS_CARD_IMAGE_SPECS)
    return news.prefetch_related(models.Prefetch("image", queryset=images))


class NewsPage(Classified, AnalyzedSearchMixin, Page):
    taxonomy_fields = {"sector": "sectors", "region": "regions"}
    base_form_class = PortalPageForm
    date = models.DateField(_("date"), default=timezone.localdate)
    intro = models.TextField(_("summary"), max_length=600)
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"))
    sectors = ParentalManyToManyField("portal.Sector", blank=True, verbose_name=_("sectors"))
    regions = ParentalManyToManyField("portal.Region", blank=True, verbose_name=_("regions"))

    parent_page_types = ["programs.NewsIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(taxonomy_panels(), heading=_("Sectors and regions")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = Page.search_fields + analyzed_search_fields(index.FilterField("date"))

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")

    def search_body_parts(self):
        return [self.intro, self.body, names(self.sectors.all()), names(self.regions.all())]
