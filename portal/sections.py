"""The registry section apps plug into, so the core never imports them.

A section app (``programs``, ``resources``, …) declares itself in its ``wagtail_hooks.py``::

    @hooks.register("register_portal_section")
    def register_section():
        return Section(name="programs", label=_("Programmes and calls"), search_types={"call": "programs.CallPage"}, …)

The core asks this module for what the installed sections contribute: page types to search and their facets,
blocks on the home page, URL patterns for feeds (under ``/<lang>/``) and the JSON API (under ``/api/``),
cross-links that other sections may show beside an object, the next instant their content changes with the clock
alone (for caches), the snippets the editorial roles work on, and demo content. Admin menus use Wagtail's own
``register_admin_menu_item`` hook. A section that is not installed contributes nothing and breaks nothing.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from django.apps import apps
from wagtail import hooks

HOOK_NAME = "register_portal_section"


@dataclass(frozen=True)
class HomeBlock:
    """A block of the home page: a template and a function giving its context (``None`` hides the block)."""

    template: str
    get_context: Callable
    order: int = 100


@dataclass(frozen=True)
class CrossLinks:
    """Links a section offers beside another object, e.g. "open calls for this project model"."""

    title: str
    links: Sequence  # items with ``title`` and ``url`` attributes, or (title, url) pairs


@dataclass(frozen=True)
class Section:
    name: str
    label: str
    order: int = 100
    # Search: API type code → "app_label.ModelName", and the facet names this section's content carries.
    search_types: Mapping[str, str] = field(default_factory=dict)
    facets: Sequence[str] = ()
    # Search: API type code → template shown under a hit's title on the search page (given ``object``), e.g. a call's
    # status and deadline.
    search_hit_templates: Mapping[str, str] = field(default_factory=dict)
    home_blocks: Sequence[HomeBlock] = ()
    # Functions (obj, request) → CrossLinks or None.
    cross_links: Sequence[Callable] = ()
    # Mounted under /<lang>/ (feeds, listings that are not pages) and under /api/ respectively.
    urlpatterns: Sequence = ()
    api_urlpatterns: Sequence = ()
    # Function (language_code, now) → the next instant after now at which something this section shows changes with
    # the clock alone (a call's status, an event becoming past), or None: no cache keeps a page beyond it (the
    # caching app, serving.freshness, remembers it under the content generation).
    next_change: Callable | None = None
    # Translatable snippets ("app_label.modelname") editors write, moderators publish and translators translate.
    translatable_snippets: Sequence[str] = ()
    # Function that creates this section's demo content; must be idempotent (run by every `make setup`).
    demo_loader: Callable | None = None


_registered = {}


def installed_sections():
    """Every registered section, in their declared order.

    Asked for on every page and search: the sections are made once per set of registered hook functions (a
    hook only describes its app), and made again when that set changes (``hooks.register_temporarily``)."""
    functions = tuple(hooks.get_hooks(HOOK_NAME))
    found = _registered.get(functions)
    if found is None:
        made = (fn() for fn in functions)
        found = tuple(sorted((s for s in made if s is not None), key=lambda s: (s.order, s.name)))
        _registered.clear()
        _registered[functions] = found
    return found


def search_types():
    """Type code → model class, for every searchable type of the installed sections."""
    types = {}
    for section in installed_sections():
        for code, model_path in section.search_types.items():
            types[code] = apps.get_model(model_path)
    return types


def search_hit_templates():
    """Type code → the template a section shows under a hit of that type on the search page."""
    return {code: name for section in installed_sections() for code, name in section.search_hit_templates.items()}


def facets():
    """Facet names offered by any installed section, without duplicates, in order of first appearance."""
    seen = []
    for section in installed_sections():
        seen.extend(f for f in section.facets if f not in seen)
    return seen


def home_blocks(request, page):
    """(template, context) pairs for the home page, skipping blocks with nothing to show."""
    blocks = sorted((b for s in installed_sections() for b in s.home_blocks), key=lambda b: b.order)
    rendered = []
    for block in blocks:
        context = block.get_context(request, page)
        if context is not None:
            rendered.append((block.template, context))
    return rendered


def cross_links(obj, request):
    """Every non-empty group of links the installed sections offer beside ``obj``."""
    groups = []
    for section in installed_sections():
        for provider in section.cross_links:
            group = provider(obj, request)
            if group is not None and group.links:
                groups.append(group)
    return groups


def i18n_urlpatterns():
    return [pattern for s in installed_sections() for pattern in s.urlpatterns]


def api_urlpatterns():
    return [pattern for s in installed_sections() for pattern in s.api_urlpatterns]


def demo_loaders():
    return [s.demo_loader for s in installed_sections() if s.demo_loader is not None]


def next_change(language_code, now):
    """The earliest instant at which content of an installed section changes with the clock alone, or None."""
    instants = (s.next_change(language_code, now) for s in installed_sections() if s.next_change)
    return min((instant for instant in instants if instant is not None), default=None)


def translatable_snippets():
    return [label for s in installed_sections() for label in s.translatable_snippets]
