"""The four editorial roles and what each may do.

- Editors write drafts and submit them for moderation; they never publish.
- Moderators approve (publish) or ask for changes, and may lock and unlock pages.
- Translators translate: they edit pages of the translated locales (French) and translations of snippets, never
  the source language (Arabic) content, and publish nothing.
- Administrators may do everything in the admin without being superusers.

The groups are created by a migration; ``setup_roles`` gives them their permissions. It runs after every
``migrate`` (a ``post_migrate`` handler), so permissions of a section installed later (``PORTAL_SECTIONS``) are
granted then; it only adds, so it is safe to run again. Documents and images permissions hang on the root
collection (Wagtail checks them per collection). Page permissions hang on the root page (every locale),
except Translators', which hang on each translated locale's home page (the root of its synced tree): a new
locale's home page gets them when it is created (``grant_translators_on_locale_root``).
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from portal import sections

# Named in both admin languages, Arabic first (migration editorial.0002), as the moderation workflow is.
EDITORS = "المحررون · Rédacteurs"
MODERATORS = "المشرفون · Modérateurs"
TRANSLATORS = "المترجمون · Traducteurs"
ADMINISTRATORS = "المديرون · Administrateurs"
ROLE_NAMES = (EDITORS, MODERATORS, TRANSLATORS, ADMINISTRATORS)

# Snippet models the roles work on: the sections' translatable snippets (Section.translatable_snippets), and the
# search's synonym groups.
CORE_EDITORIAL_SNIPPETS = ("portal_search.synonymgroup",)

ADMIN_ACCESS = ("wagtailadmin.access_admin", "wagtail_localize.submit_translation")
MEDIA = ("wagtaildocs.document", "wagtailimages.image")


def _model_permissions(models, actions):
    return tuple(f"{model.split('.')[0]}.{action}_{model.split('.')[1]}" for model in models for action in actions)


def global_permissions():
    translatable = tuple(sections.translatable_snippets())
    editorial = (*translatable, *CORE_EDITORIAL_SNIPPETS)
    return {
        EDITORS: ADMIN_ACCESS + _model_permissions(editorial, ("add", "change", "view")),
        MODERATORS: ADMIN_ACCESS + _model_permissions(editorial, ("add", "change", "view", "delete", "publish")),
        TRANSLATORS: ADMIN_ACCESS + _model_permissions(translatable, ("change", "view")),
    }


# Documents and images: Wagtail checks these per collection, so they hang on the root collection.
COLLECTION_PERMISSIONS = {
    EDITORS: _model_permissions(MEDIA, ("add", "change", "choose")),
    MODERATORS: _model_permissions(MEDIA, ("add", "change", "choose", "delete")),
    TRANSLATORS: _model_permissions(MEDIA, ("choose",)),
    ADMINISTRATORS: _model_permissions(MEDIA, ("add", "change", "choose", "delete")),
}

# Page permissions (wagtailcore.<action>_page) on the root page, i.e. on every page of every locale.
ROOT_PAGE_ACTIONS = {
    EDITORS: ("add", "change"),
    MODERATORS: ("add", "change", "publish", "lock", "unlock"),
    ADMINISTRATORS: ("add", "change", "publish", "bulk_delete", "lock", "unlock"),
}
# Translators: on each translated locale's home page, i.e. on the French tree only.
TRANSLATOR_PAGE_ACTIONS = ("change",)

# Apps whose permissions Administrators do not need (framework internals; media go by collection).
NOT_FOR_ADMINISTRATORS = ("contenttypes", "sessions", "admin", "wagtaildocs", "wagtailimages")


def permissions(codenames):
    """The Permission rows for ``app_label.codename`` strings; those of models not installed are skipped."""
    found = []
    for name in codenames:
        app_label, codename = name.split(".", 1)
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission is not None:
            found.append(permission)
    return found


def administrator_permissions():
    """Every permission of the installed apps except page-type ones (page permissions hang on pages) and internals."""
    chosen = []
    for permission in Permission.objects.select_related("content_type").exclude(
        content_type__app_label__in=NOT_FOR_ADMINISTRATORS
    ):
        model = permission.content_type.model_class()
        if model is not None and issubclass(model, Page):
            continue
        chosen.append(permission)
    return chosen


def page_permissions(actions):
    return list(
        Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=[f"{a}_page" for a in actions])
    )


def grant_on_page(group, page, actions):
    for permission in page_permissions(actions):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def translated_locale_roots():
    """The home page of every locale but the source one: the roots of the synced translated trees."""
    return Page.objects.filter(depth=2).exclude(locale__language_code=settings.LANGUAGE_CODE)


@transaction.atomic
def setup_roles():
    """Create the four groups if needed and give them their permissions (adds only; safe to repeat)."""
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ROLE_NAMES}
    for name, codenames in global_permissions().items():
        groups[name].permissions.add(*permissions(codenames))
    groups[ADMINISTRATORS].permissions.add(*administrator_permissions())
    collection = Collection.get_first_root_node()
    if collection is not None:
        for name, codenames in COLLECTION_PERMISSIONS.items():
            for permission in permissions(codenames):
                GroupCollectionPermission.objects.get_or_create(
                    group=groups[name], collection=collection, permission=permission
                )
    root = Page.get_first_root_node()
    if root is not None:
        for name, actions in ROOT_PAGE_ACTIONS.items():
            grant_on_page(groups[name], root, actions)
    for page in translated_locale_roots():
        grant_on_page(groups[TRANSLATORS], page, TRANSLATOR_PAGE_ACTIONS)
    return groups


def grant_translators_on_locale_root(page):
    """A new translated locale's home page: Translators may edit its tree."""
    if page.depth != 2 or page.locale.language_code == settings.LANGUAGE_CODE:
        return
    translators = Group.objects.filter(name=TRANSLATORS).first()
    if translators is not None:
        grant_on_page(translators, page, TRANSLATOR_PAGE_ACTIONS)


def translates_only(user):
    """A Translator holding no other editorial role: may not touch the source language content."""
    if not user.is_authenticated or user.is_superuser:
        return False
    names = set(user.groups.values_list("name", flat=True))
    return TRANSLATORS in names and not names & {EDITORS, MODERATORS, ADMINISTRATORS}


def is_source_language(instance):
    locale = getattr(instance, "locale", None)
    return locale is not None and locale.language_code == settings.LANGUAGE_CODE
