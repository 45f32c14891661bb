"""Admin views: the translation report (missing or out-of-date translations per locale), a moderated sync, and
a translated page sent into the moderation workflow."""

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.coreutils import get_content_languages
from wagtail.models import DraftStateMixin, Page, WorkflowState
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import Translation
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


@require_POST
def submit_translation_for_moderation(request, page_id):
    """The translation editor's "Submit for moderation": the translated strings saved as a draft of the page, then
    the page's workflow started (or resumed after a request for changes), as Wagtail's page editor does."""
    page = get_object_or_404(Page, pk=page_id).specific
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()
    if translation is None:
        raise Http404
    permissions = page.permissions_for_user(request.user)
    if not permissions.can_edit():
        raise PermissionDenied
    editor_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    state = page.current_workflow_state
    resumes = state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES and not permissions.page_locked()
    if not (resumes or permissions.can_submit_for_moderation()):
        messages.warning(request, _t("This translation cannot be submitted: it is locked or already in moderation."))
        return redirect(editor_url)
    translation.save_target(user=request.user, publish=False)
    page = page.specific_class.objects.get(pk=page.pk)
    if resumes:
        state.resume(request.user)
    else:
        page.get_workflow().start(page, request.user)
    messages.success(
        request,
        _t("The %(language)s translation of '%(title)s' has been submitted for moderation.")
        % {"language": page.locale.get_display_name(), "title": page.get_admin_display_title()},
    )
    return redirect(editor_url)
