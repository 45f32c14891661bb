"""Admin views: the translation report (missing or out-of-date translations per locale) and a moderated sync."""

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.core.paginator import Paginator
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.coreutils import get_content_languages
from wagtail.models import DraftStateMixin, Page
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.views.update_translations import UpdateTranslationsView

from .translation_report import MISSING, OUT_OF_DATE, STATUS_LABELS, report_rows, target_locales

PER_PAGE = 50


def can_see_translation_report(user):
    return user.is_active and (user.is_superuser or user.has_perm("wagtail_localize.submit_translation"))


class TranslationReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "editorial/translation_report.html"
    page_title = _("Translations to do")
    header_icon = "wagtail-localize-language"

    def dispatch(self, request, *args, **kwargs):
        if not can_see_translation_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def chosen(self, name, allowed, default):
        """The value of a filter from the query string; an unknown one gets a message and the default."""
        value = self.request.GET.get(name, "")
        if value and value not in allowed:
            messages.error(self.request, _t("This filter value is not valid; the report shows its default."))
            return default
        return value or default

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        locales = target_locales()
        language_names = dict(get_content_languages())
        codes = [locale.language_code for locale in locales]
        code = self.chosen("locale", codes, codes[0] if codes else "")
        status = self.chosen("status", list(STATUS_LABELS), "")
        per_locale = {loc.language_code: report_rows(loc, self.request.user) for loc in locales}
        rows = per_locale.get(code, [])
        if status:
            rows = [row for row in rows if row.status == status]
        page = Paginator(rows, PER_PAGE).get_page(self.request.GET.get("p"))
        context.update(
            {
                "locale_choices": [(c, language_names.get(c, c)) for c in codes],
                "status_choices": list(STATUS_LABELS.items()),
                "chosen_locale": code,
                "chosen_status": status,
                "rows": page,
                "summary": [
                    {
                        "code": c,
                        "name": language_names.get(c, c),
                        "missing": sum(1 for row in per_locale[c] if row.status == MISSING),
                        "out_of_date": sum(1 for row in per_locale[c] if row.status == OUT_OF_DATE),
                    }
                    for c in codes
                ],
                "MISSING": MISSING,
                "OUT_OF_DATE": OUT_OF_DATE,
            }
        )
        return context


class ModeratedUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", whose "Publish immediately" only works for those who may publish.

    The original publishes every translation for anyone allowed to submit translations, which would let an
    Editor or a Translator publish unreviewed French text; here they get the sync as drafts and a message.
    """

    def user_can_publish_targets(self):
        user = self.request.user
        for translation in self.object.translations.filter(enabled=True).select_related("target_locale"):
            try:
                target = translation.get_target_instance()
            except ObjectDoesNotExist:
                continue
            if isinstance(target, Page):
                if not target.permissions_for_user(user).can_publish():
                    return False
            elif isinstance(target, DraftStateMixin) and not user.has_perm(
                get_permission_name("publish", type(target))
            ):
                return False
        return True

    def form_valid(self, form):
        if form.cleaned_data.get("publish_translations") and not self.user_can_publish_targets():
            form.cleaned_data["publish_translations"] = False
            messages.warning(
                self.request, _t("The translations were synced but not published: a moderator publishes them.")
            )
        return super().form_valid(form)
