"""The home page and the generic standard page; both translatable with wagtail-localize."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from search.indexing import AnalyzedSearchMixin, analyzed_search_fields

from .blocks import BodyBlock


class HomePage(AnalyzedSearchMixin, Page):
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


class StandardPage(AnalyzedSearchMixin, Page):
    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + analyzed_search_fields()

    class Meta:
        verbose_name = _("standard page")

    def search_body_parts(self):
        return [self.intro, self.body]
