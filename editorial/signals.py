"""Keep the roles' permissions in step: after every migrate, and when a translated locale gets its home page."""

from django.contrib.auth.management import create_permissions
from wagtail.models import Page

from .roles import grant_translators_on_locale_root, setup_roles


def give_roles_their_permissions(sender, using="default", **kwargs):

    # The last app's own permissions may come after this handler: make sure they exist first.
    create_permissions(sender, verbosity=0, using=using)
    setup_roles()


def new_locale_root(sender, instance, created, raw=False, **kwargs):
    if created and not raw and isinstance(instance, Page) and instance.depth == 2:
        grant_translators_on_locale_root(instance)
