"""Admin side of the editors' workflow: the translation report, Translators kept out of the source language, and
page choosers kept in the edited page's language."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .choosers import in_edited_page_locale
from .roles import is_source_language, translates_only
from .views import ModeratedUpdateTranslationsView, TranslationReportView, can_see_translation_report


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
