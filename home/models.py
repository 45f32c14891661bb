"""The home page and the generic standard page; both translatable with wagtail-localize."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page

from portal.forms import PortalPageForm
from search.indexing import AnalyzedSearchMixin, analyzed_search_fields

from .blocks import BodyBlock


class HomePage(AnalyzedSearchMixin, Page):
    base_form_class = PortalPageForm
    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + analyzed_search_fields()

    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def search_body_parts(self):
        return [self.intro, self.body]

    def route(self, request, path_components):
        """Wagtail's routing (``Page.route``) in one look-up instead of two per level: the deepest page below this one
        whose address is a prefix of the path (each component is a child's slug, so its ``url_path`` is the parent's
        plus the slug) routes the rest itself — nothing for a page, a sub-path for a routable page, or a 404."""
        prefixes = [self.url_path]
        for component in path_components:
            prefixes.append(f"{prefixes[-1]}{component}/")
        deepest = (
            Page.objects.filter(url_path__in=prefixes[1:], path__startswith=self.path).order_by("-depth").first()
            if path_components
            else None
        )
        if deepest is None:
            return super().route(request, path_components)
        return deepest.specific.route(request, path_components[deepest.depth - self.depth :])


class StandardPage(AnalyzedSearchMixin, Page):
    base_form_class = PortalPageForm
    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + analyzed_search_fields()

    class Meta:
        verbose_name = _("standard page")

    def search_body_parts(self):
        return [self.intro, self.body]


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    """What the footer of every page shows: the portal's contact and its standing links (one value per site).

    Addresses are written once per language; the linked pages are chosen once and shown in the visitor's language.
    """

    contact_name_ar = models.CharField(_("contact (Arabic)"), max_length=200, blank=True)
    contact_name_fr = models.CharField(_("contact (French)"), max_length=200, blank=True)
    contact_address_ar = models.TextField(_("postal address (Arabic)"), blank=True, max_length=400)
    contact_address_fr = models.TextField(_("postal address (French)"), blank=True, max_length=400)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    partners_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("funding partners page"),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("accessibility statement"),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("contact_name_ar"),
                FieldPanel("contact_name_fr"),
                FieldPanel("contact_address_ar"),
                FieldPanel("contact_address_fr"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel([FieldPanel("partners_page"), FieldPanel("accessibility_page")], heading=_("Footer links")),
    ]

    class Meta:
        verbose_name = _("portal settings")

    def _in_language(self, field):
        language = (get_language() or "ar")[:2]
        return getattr(self, f"{field}_{language}", "") or getattr(self, f"{field}_ar")

    @property
    def contact_name(self):
        return self._in_language("contact_name")

    @property
    def contact_address(self):
        return self._in_language("contact_address")
