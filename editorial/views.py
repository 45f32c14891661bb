"""Admin report: pages and snippets whose translation is missing or out of date, one target locale at a time."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.coreutils import get_content_languages

from .translation_report import MISSING, OUT_OF_DATE, STATUS_LABELS, report_rows, summary, target_locales

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
        locale = next((loc for loc in locales if loc.language_code == code), None)
        rows = report_rows(locale, self.request.user) if locale is not None else []
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
                        "code": loc.language_code,
                        "name": language_names.get(loc.language_code, loc.language_code),
                        "missing": missing,
                        "out_of_date": out_of_date,
                    }
                    for loc, missing, out_of_date in summary()
                ],
                "MISSING": MISSING,
                "OUT_OF_DATE": OUT_OF_DATE,
            }
        )
        return context
