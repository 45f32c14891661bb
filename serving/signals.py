"""Content changes that purge the caching proxy (see purge.py): pages, public snippets, site-wide settings."""

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move, pre_page_move

from portal.pages import RoutedEntry

from . import purge

DEFAULT_PURGE_ALL_MODELS = ("home.PortalSettings",)


def _models(setting, default):
    found = []
    for label in getattr(settings, setting, default):
        try:
            found.append(apps.get_model(label))
        except (LookupError, ValueError):
            continue  # a section that is not installed
    return found


def page_changed(sender, instance, **kwargs):
    """Published, unpublished, about to be deleted, or moved (before and after): the page and what lists it."""
    if isinstance(instance, Page):
        purge.schedule(lambda: purge.page_urls(instance))


def page_moved(sender, instance, **kwargs):
    purge.schedule(lambda: purge.page_urls(Page.objects.get(pk=instance.pk)))


def slug_changed(sender, instance_before, instance, **kwargs):
    """The old address (and everything under it) now answers 404."""

    def urls():
        url = instance_before.get_full_url()
        return {f"{url}#{purge.SUBTREE}"} if url else set()

    purge.schedule(urls)


def entry_before_save(sender, instance, **kwargs):
    """Remember where a snippet was shown before this save (its slug may change)."""
    if instance.pk and purge.enabled():
        before = sender.objects.filter(pk=instance.pk).first()
        instance._serving_urls_before = purge.entry_urls(before) if before else set()


def entry_changed(sender, instance, **kwargs):
    before = getattr(instance, "_serving_urls_before", set())
    purge.schedule(lambda: before | purge.entry_urls(instance))


def everything_changed(sender, instance, **kwargs):
    purge.schedule(purge.everything)


def connect():
    uid = "serving_purge_"
    page_published.connect(page_changed, dispatch_uid=uid + "published")
    page_unpublished.connect(page_changed, dispatch_uid=uid + "unpublished")
    pre_page_move.connect(page_changed, dispatch_uid=uid + "pre_move")
    post_page_move.connect(page_moved, dispatch_uid=uid + "post_move")
    page_slug_changed.connect(slug_changed, dispatch_uid=uid + "slug")
    pre_delete.connect(page_changed, dispatch_uid=uid + "delete")  # every model: checked to be a page
    # Content shown at an address of a routable page (portal.pages.RoutedEntry), whichever section has it.
    for model in [model for model in apps.get_models() if issubclass(model, RoutedEntry)]:
        name = model._meta.label_lower
        pre_save.connect(entry_before_save, sender=model, dispatch_uid=f"{uid}{name}_pre_save")
        post_save.connect(entry_changed, sender=model, dispatch_uid=f"{uid}{name}_save")
        pre_delete.connect(entry_changed, sender=model, dispatch_uid=f"{uid}{name}_delete")
    for model in [*_models("SERVING_PURGE_ALL_MODELS", DEFAULT_PURGE_ALL_MODELS), Site]:
        name = model._meta.label_lower
        post_save.connect(everything_changed, sender=model, dispatch_uid=f"{uid}{name}_save")
        post_delete.connect(everything_changed, sender=model, dispatch_uid=f"{uid}{name}_delete")
