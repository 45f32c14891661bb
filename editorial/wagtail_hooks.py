"""Admin side of the editors' workflow: the translation report, Translators kept out of the source language,
page choosers kept in the edited page's language, wagtail-localize's translation editor made for the translator
(static/editorial/translation_editor.js), submits that wait for autosave, and the admin's stylesheet
(static/editorial/admin.css: page titles whole in either direction)."""

import calendar

from django.core.exceptions import PermissionDenied
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.dates import MONTHS
from django.utils.html import format_html, json_script
from django.utils.translation import get_language_info, gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.coreutils import get_content_languages

from .choosers import in_edited_page_locale
from .roles import is_source_language, translates_only
from .views import (
    ModeratedUpdateTranslationsView,
    TranslationReportView,
    can_see_translation_report,
    submit_translation_for_moderation,
)

PAGE_ID_MARK = "4242424242"  # stands for the page's id in the addresses given to the translation editor's script


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("reports/translations/", TranslationReportView.as_view(), name="translation_report"),
        # Answers at wagtail-localize's own address (this app's URLs come first): sync, publishing moderated.
        path(
            "localize/update/<int:translation_source_id>/",
            ModeratedUpdateTranslationsView.as_view(),
            name="editorial_update_translations",
        ),
        path(
            "editorial/translations/<int:page_id>/submit/",
            submit_translation_for_moderation,
            name="editorial_submit_translation",
        ),
    ]


class TranslationReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_translation_report(request.user)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return TranslationReportMenuItem(
        _("Translations to do"), reverse("translation_report"), icon_name="wagtail-localize-language", order=910
    )


def refuse_source_language_to_translators(request, instance):
    # Snippets have no per-locale permissions: a Translator's change permission must stop at the source language.
    if translates_only(request.user) and is_source_language(instance):
        raise PermissionDenied


@hooks.register("before_edit_snippet")
def before_edit_snippet(request, instance):
    refuse_source_language_to_translators(request, instance)


@hooks.register("before_delete_snippet")
def before_delete_snippet(request, instances):
    for instance in instances:
        refuse_source_language_to_translators(request, instance)


hooks.register("construct_page_chooser_queryset", in_edited_page_locale)


def translation_editor_settings():
    """What the translation editor's script needs, in the admin's language: directions, addresses, words."""
    return {
        "directions": {code: "rtl" if get_language_info(code)["bidi"] else "ltr" for code in get_content_languages()},
        "pageIdMark": PAGE_ID_MARK,
        "editUrl": reverse("wagtailadmin_pages:edit", args=[PAGE_ID_MARK]),
        "submitUrl": reverse("editorial_submit_translation", args=[PAGE_ID_MARK]),
        "submitLabel": gettext("Submit for moderation"),
        "confirmConvert": gettext(
            "Convert this page into an alias? Its translation is replaced by the content of the source page."
        ),
        # wagtail-localize writes these in English whatever the admin's language: its section heading, the name of
        # its menu button, and the month of "Translated manually on 2 December 2026" (strftime in the C locale).
        "heading": {
            "english": "%(source)s to %(target)s translation",
            "local": gettext("%(source)s to %(target)s translation"),
        },
        "moreActions": {"english": "More actions", "local": gettext("More actions")},
        "months": {calendar.month_name[number]: str(name) for number, name in MONTHS.items()},
    }


@hooks.register("insert_editor_js")
def translation_editor_js():
    return format_html(
        '{}<script src="{}"></script>',
        json_script(translation_editor_settings(), "editorial-translation-editor"),
        static("editorial/translation_editor.js"),
    )


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("editorial/admin.css"))


@hooks.register("insert_editor_js")
def editor_js():
    # A submit waits for the autosave in flight, so that one form makes one page (editorial/static/editorial/).
    return format_html('<script defer src="{}"></script>', static("editorial/autosave-submit.js"))
