"""Links the resources section offers beside objects of any section (a call, a guide, a partner, a project model).

Each provider reads the codes of content classified by the portal's taxonomy (portal.classified) and its locale,
and returns a CrossLinks group or None; matching follows the portal's one rule (``applying_to``: content with no
sector or region listed applies to all). At most a few links each, in a fixed number of queries.
"""

from functools import wraps

from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale

from portal.classified import Classified
from portal.pages import public
from portal.sections import CrossLinks
from serving import generation

from .models import FundingPartner, GuidePage, PartnerDirectoryPage, ProjectBankPage, ProjectModel

MAX_LINKS = 5


def _codes_and_locale(obj):
    if not isinstance(obj, Classified):
        return None, None
    return obj.taxonomy_codes(), obj.locale_id or Locale.get_active().pk


def cached_per_generation(provider):
    """These links change only when content does (no dates involved): cached per content generation."""

    @wraps(provider)
    def cached(obj, request):
        if getattr(obj, "pk", None) is None or request is None or getattr(request, "is_preview", False):
            return provider(obj, request)
        key = (obj._meta.label, obj.pk, get_language())
        return generation.cached(request, f"cross-links-{provider.__name__}", key, lambda: provider(obj, request))

    return cached


def _entry_links(entries, directory, request):
    if directory is None:
        return []
    base_url = directory.get_url(request)
    if not base_url:
        return []
    return [(entry.label, directory.entry_url(entry, base_url)) for entry in entries]


@cached_per_generation
def guides_for(obj, request):
    """Training guides for the object's sectors (general guides included) — beside anything but a guide."""
    if isinstance(obj, GuidePage):
        return None
    codes, locale_id = _codes_and_locale(obj)
    if codes is None:
        return None
    guides = public(GuidePage.objects.live(), request).filter(locale_id=locale_id)
    guides = GuidePage.applying_to(guides, {"sector": codes["sector"]})
    guides = guides.only("title", "url_path", "path", "locale_id").order_by("path")[:MAX_LINKS]
    links = [(guide.title, guide.get_url(request)) for guide in guides]
    return CrossLinks(title=_("Training guides"), links=links)


@cached_per_generation
def project_models_for(obj, request):
    """Project models of the object's sectors and regions — e.g. the ideas that fit a call or a partner."""
    if isinstance(obj, ProjectModel):
        return None
    codes, locale_id = _codes_and_locale(obj)
    if codes is None or not codes["sector"]:
        return None
    projects = ProjectModel.objects.live().filter(locale_id=locale_id, sector__code__in=codes["sector"])
    projects = ProjectModel.applying_to(projects, {"region": codes["region"]})
    directory = ProjectBankPage.objects.live().filter(locale_id=locale_id).first()
    links = _entry_links(projects.order_by("title")[:MAX_LINKS], directory, request)
    return CrossLinks(title=_("Project models that fit"), links=links)


@cached_per_generation
def partners_for(obj, request):
    """Funding partners of the object's sectors and regions — beside anything but a partner or a project model.

    A project model's page lists its partners itself.
    """
    if isinstance(obj, FundingPartner | ProjectModel):
        return None
    codes, locale_id = _codes_and_locale(obj)
    if codes is None:
        return None
    partners = FundingPartner.applying_to(FundingPartner.objects.live().filter(locale_id=locale_id), codes)
    directory = PartnerDirectoryPage.objects.live().filter(locale_id=locale_id).first()
    links = _entry_links(partners.order_by("name")[:MAX_LINKS], directory, request)
    return CrossLinks(title=_("Funding partners"), links=links)
