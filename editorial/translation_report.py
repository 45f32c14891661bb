"""Which pages and snippets still need their translators, per target locale.

An object of the source language (Arabic, ``LANGUAGE_CODE``) is, for a target locale (French):

- *missing* when it has no object in that locale, or only the alias the synced tree made (an alias shows the
  Arabic content under /fr/: nothing has been translated yet);
- *out of date* when its published content changed after the translation was last synced. The last sync is
  wagtail-localize's ``TranslationSource.last_updated_at`` (set when the source is extracted: on "Translate",
  on "Sync translated pages") when the target is a synced translation, else the target's own latest revision
  (a translation edited by hand). What changed is the source's last publication (the content sync reads), or
  its latest revision while it has never been published. For a synced translation, a publication after the sync
  counts only if it changed what the translation takes from the source — its translatable and synchronized
  fields (wagtail-localize's ``get_translatable_fields``), compared between that revision and the content
  extracted at the sync: publishing again without a change is not work for a translator.

The report computes this with a fixed number of queries per model, whatever the number of objects.
"""

import json
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import DraftStateMixin, Locale, Page, Revision, RevisionMixin, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import Translation, TranslationSource

MISSING = "missing"
OUT_OF_DATE = "out_of_date"
STATUS_LABELS = {MISSING: _("Missing"), OUT_OF_DATE: _("Out of date")}


@dataclass
class Row:
    kind: str
    title: str
    status: str
    source_edit_url: str | None
    changed_at: datetime | None = None
    synced_at: datetime | None = None
    actions: list = field(default_factory=list)  # (label, url) pairs
    object_id: object = None

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]


def source_locale():
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def target_locales():
    return list(Locale.objects.exclude(language_code=settings.LANGUAGE_CODE).order_by("language_code"))


def translatable_snippet_models():
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def _changed_at(live, last_published_at, latest_revision_at):
    if live and last_published_at:
        return last_published_at
    return latest_revision_at or last_published_at


def _sync_times(base_model, source, target):
    """translation_key → (TranslationSource, last sync) for the objects synced into ``target``."""
    content_type = ContentType.objects.get_for_model(base_model)
    sources = TranslationSource.objects.filter(locale=source, object__content_type=content_type)
    synced = set(
        Translation.objects.filter(source__in=sources, target_locale=target, enabled=True).values_list(
            "source_id", flat=True
        )
    )
    return {ts.object_id: ts for ts in sources.only("pk", "object_id", "last_updated_at") if ts.pk in synced}


def _unchanged_since_sync(candidates):
    """The rows among ``candidates`` — (row, model, revision pk, synced TranslationSource) — whose revision holds,
    in every field the translation takes from the source, the content extracted at the last sync."""
    contents = dict(Revision.objects.filter(pk__in=[c[2] for c in candidates]).values_list("pk", "content"))
    synced = dict(
        TranslationSource.objects.filter(pk__in=[c[3].pk for c in candidates]).values_list("pk", "content_json")
    )
    unchanged = []
    for row, model, revision_id, source in candidates:
        content, extracted = contents.get(revision_id), synced.get(source.pk)
        if content is None or extracted is None:
            continue
        extracted = json.loads(extracted)
        names = {field.field_name for field in get_translatable_fields(model)}
        if all(content.get(name) == extracted.get(name) for name in names):
            unchanged.append(row)
    return unchanged


def _without_unchanged(rows, candidates):
    if not candidates:
        return rows
    unchanged = {id(row) for row in _unchanged_since_sync(candidates)}
    return [row for row in rows if id(row) not in unchanged]


def _status(target, changed_at, synced_source, target_changed_at):
    if target is None or target.get("alias_of_id"):
        return MISSING, None
    synced_at = synced_source.last_updated_at if synced_source is not None else target_changed_at
    if changed_at and synced_at and changed_at > synced_at:
        return OUT_OF_DATE, synced_at
    return None, synced_at


def _page_rows(source, target, can_submit):
    fields = ("pk", "title", "translation_key", "live", "last_published_at", "latest_revision_created_at")
    revisions = ("content_type_id", "live_revision_id", "latest_revision_id")
    targets = {
        row["translation_key"]: row
        for row in Page.objects.filter(locale=target).values(*fields, "alias_of_id").order_by()
    }
    synced = _sync_times(Page, source, target)
    rows = []
    pages = (
        Page.objects.filter(locale=source, depth__gte=2, alias_of__isnull=True)
        .values(*fields, *revisions)
        .order_by("path")
    )
    candidates = []
    for page in pages:
        translated = targets.get(page["translation_key"])
        changed_at = _changed_at(page["live"], page["last_published_at"], page["latest_revision_created_at"])
        target_changed_at = translated and _changed_at(
            translated["live"], translated["last_published_at"], translated["latest_revision_created_at"]
        )
        synced_source = synced.get(page["translation_key"])
        status, synced_at = _status(translated, changed_at, synced_source, target_changed_at)
        if status is None:
            continue
        actions = []
        if status == MISSING and can_submit:
            actions.append((_("Translate"), reverse("wagtail_localize:submit_page_translation", args=[page["pk"]])))
        if status == OUT_OF_DATE:
            if synced_source is not None and can_submit:
                actions.append((_("Sync"), reverse("wagtail_localize:update_translations", args=[synced_source.pk])))
            actions.append((_("Edit the translation"), reverse("wagtailadmin_pages:edit", args=[translated["pk"]])))
        row = Row(
            kind=str(_("Page")),
            title=page["title"],
            status=status,
            source_edit_url=reverse("wagtailadmin_pages:edit", args=[page["pk"]]),
            changed_at=changed_at,
            synced_at=synced_at,
            actions=actions,
        )
        rows.append(row)
        if status == OUT_OF_DATE and synced_source is not None:
            model = ContentType.objects.get_for_id(page["content_type_id"]).model_class()
            revision = page["live_revision_id"] if page["live"] else page["latest_revision_id"]
            if model is not None:
                candidates.append((row, model, revision, synced_source))
    return _without_unchanged(rows, candidates)


def _snippet_url(model, view, pk):
    try:
        return reverse(f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:{view}", args=[quote(pk)])
    except NoReverseMatch:
        return None


def _snippet_values(model, queryset):
    annotations = {}
    fields = ["pk", "translation_key"]
    if issubclass(model, RevisionMixin):
        annotations["latest_change"] = F("latest_revision__created_at")
        fields += ["latest_revision_id"]
    if issubclass(model, DraftStateMixin):
        fields += ["live", "last_published_at", "live_revision_id"]
    return queryset.annotate(**annotations).values(*fields, *annotations)


def _snippet_changed_at(values):
    return _changed_at(values.get("live", True), values.get("last_published_at"), values.get("latest_change"))


def _snippet_rows(model, source, target, can_submit):
    base_model = model.get_translation_model()
    targets = {
        row["translation_key"]: row for row in _snippet_values(model, model.objects.filter(locale=target).order_by())
    }
    synced = _sync_times(base_model, source, target)
    sources = model.objects.filter(locale=source).order_by("pk")
    rows, candidates = [], []
    for values in _snippet_values(model, sources):
        translated = targets.get(values["translation_key"])
        synced_source = synced.get(values["translation_key"])
        status, synced_at = _status(
            translated,
            _snippet_changed_at(values),
            synced_source,
            translated and _snippet_changed_at(translated),
        )
        if status is None:
            continue
        actions = []
        if status == MISSING and can_submit:
            url = reverse(
                "wagtail_localize:submit_snippet_translation",
                args=[model._meta.app_label, model._meta.model_name, quote(values["pk"])],
            )
            actions.append((_("Translate"), url))
        if status == OUT_OF_DATE:
            if synced_source is not None and can_submit:
                actions.append((_("Sync"), reverse("wagtail_localize:update_translations", args=[synced_source.pk])))
            edit_url = _snippet_url(model, "edit", translated["pk"])
            if edit_url:
                actions.append((_("Edit the translation"), edit_url))
        row = Row(
            kind=str(model._meta.verbose_name).capitalize(),
            title="",  # the object's name, filled in below for the listed rows only
            status=status,
            source_edit_url=_snippet_url(model, "edit", values["pk"]),
            changed_at=_snippet_changed_at(values),
            synced_at=synced_at,
            actions=actions,
            object_id=values["pk"],
        )
        rows.append(row)
        revision = values.get("live_revision_id") if values.get("live", True) else None
        revision = revision or values.get("latest_revision_id")
        if status == OUT_OF_DATE and synced_source is not None and revision is not None:
            candidates.append((row, model, revision, synced_source))
    rows = _without_unchanged(rows, candidates)
    objects = model.objects.in_bulk([row.object_id for row in rows])
    for row in rows:
        row.title = str(objects[row.object_id])
    return rows


def report_rows(target, user=None):
    """Every page and translatable snippet of the source language that is missing or out of date in ``target``."""
    source = source_locale()
    can_submit = user is None or user.has_perm("wagtail_localize.submit_translation")
    rows = _page_rows(source, target, can_submit)
    for model in translatable_snippet_models():
        rows += _snippet_rows(model, source, target, can_submit)
    return rows
