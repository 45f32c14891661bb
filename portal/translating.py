"""Locales and wagtail-localize translations: set-up helpers used by `setup_locales` and the demo loaders, and the
rule that an untranslated copy is never published.

wagtail-localize's synced tree makes a copy of every new page in each other language at once (a Wagtail alias), and
Wagtail publishes that copy whenever the original is published: Arabic text at a French address, in French
listings, search, feeds, menus and the sitemap. ``keep_untranslated_copies_unpublished`` keeps such a copy a draft:
every French surface leaves it out as it leaves any draft out, its address answers "not found", and "Translate"
turns it into a French draft that goes live when its translation is published (the setting
``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE`` is off, so translating never publishes the untranslated text).
"""

import polib
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, RevisionMixin
from wagtail_localize.models import LocaleSynchronization, Translation, TranslationSource


def ensure_locales():
    """Every language in settings.LANGUAGES has a Locale, and each non-default one is synced from the default."""
    default, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    locales = {settings.LANGUAGE_CODE: default}
    for code, _name in settings.LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        locale, _ = Locale.objects.get_or_create(language_code=code)
        locales[code] = locale
        if not LocaleSynchronization.objects.filter(locale=locale).exists():
            # Saving a LocaleSynchronization copies the default tree as aliases: that is the synced tree.
            LocaleSynchronization.objects.create(locale=locale, sync_from=default)
    return locales


def keep_untranslated_copies_unpublished(sender, instance, raw=False, **kwargs):
    """post_save: a page that is an alias of a page in another language (the synced tree's untranslated copy) is
    never live. An alias in its own language stays Wagtail's to publish."""
    if raw or not isinstance(instance, Page) or instance.alias_of_id is None or not instance.live:
        return
    original_locale = Page.objects.filter(pk=instance.alias_of_id).values_list("locale_id", flat=True).first()
    if original_locale == instance.locale_id:
        return
    Page.objects.filter(pk=instance.pk).update(live=False)
    instance.live = False


def needs_translation(instance, locale):
    """No translation yet, or only the untranslated alias that the synced tree made."""
    translation = instance.get_translation_or_none(locale)
    return translation is None or getattr(translation, "alias_of_id", None) is not None


class MissingStrings(ValueError):
    """The strings given for a translation do not cover every segment of the source."""


@transaction.atomic
def translate(instance, locale, strings, slug=None, publish=True):
    """Create or refresh the wagtail-localize translation of ``instance`` into ``locale``.

    ``strings`` maps each source string (a title, a paragraph…) to its translation; ``slug`` is the translated
    page's slug (a slug may read like the title, so it is not looked up in ``strings``). The result is a
    real synced translation, editable in wagtail-localize's translation editor and marked out of date when
    the source changes. Returns the translated instance.
    """
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    given = dict(strings)

    def translation_of(entry):
        if entry.msgctxt == "slug" and slug is not None:
            return slug
        return given.get(entry.msgid)

    missing = [entry.msgid for entry in po if translation_of(entry) is None]
    if missing:
        raise MissingStrings(f"No translation given for: {missing!r}")
    for entry in po:
        entry.msgstr = translation_of(entry)
    translation.import_po(polib.pofile(str(po)))
    # wagtail-localize defers publishing to transaction.on_commit with a revision that may hold stale tree
    # counters (numchild); save a draft and publish its revision here, inside this transaction.
    translation.save_target(publish=False)
    target = source.get_translated_instance(locale)
    if publish and isinstance(target, RevisionMixin):
        target.get_latest_revision().publish()
        target.refresh_from_db()
    return target


def refuse_other_locale(page, chosen, field):
    """A ValidationError on ``field`` when the page ``chosen`` for ``page`` is in another language: an Arabic call
    never names a French programme (it would link to /fr/ and leave the Arabic programme filter)."""
    if chosen is not None and page.locale_id and chosen.locale_id != page.locale_id:
        raise ValidationError(
            {
                field: _("«%(title)s» is in %(language)s: choose a page in the language of this one.")
                % {"title": chosen.title, "language": chosen.locale.get_display_name()}
            }
        )
