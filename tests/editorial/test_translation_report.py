"""The translation report: what is missing or out of date in French, and how a sync takes it off the list."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import translation
from wagtail_localize.models import Translation, TranslationSource

from editorial.translation_report import MISSING, OUT_OF_DATE, STATUS_LABELS, report_rows
from portal.translating import translate
from tests.conftest import make_standard_page
from tests.resources.conftest import make_partner

REPORT = "/admin/reports/translations/"


def listed(response):
    assert response.status_code == 200
    return [row.title for row in response.context["rows"]]


def statuses(locale):
    return {row.title: row.status for row in report_rows(locale)}


def french_of(instance, locale, slug=None):
    """A complete French translation of ``instance`` through wagtail-localize, every string marked as French."""
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    strings = {entry.msgid: f"fr-{entry.msgid}" for entry in translation.export_po()}
    return translate(instance, locale, strings, slug=slug)


def test_a_page_only_in_the_synced_tree_is_missing(client, moderator, home, french_home, locales):
    client.force_login(moderator)
    form = {"title": "دليل المساطر", "slug": "procedures", "intro": "", "body-count": "0", "action-publish": "1"}
    assert client.post(f"/admin/pages/add/home/standardpage/{home.pk}/", form).status_code == 302
    home.refresh_from_db()
    page = home.get_children().get(slug="procedures")
    assert page.get_translation(locales["fr"]).alias_of_id == page.pk  # the synced tree's copy: still Arabic
    [row] = [row for row in report_rows(locales["fr"]) if row.title == "دليل المساطر"]
    assert row.status == MISSING
    assert [url for _label, url in row.actions] == [reverse("wagtail_localize:submit_page_translation", args=[page.pk])]


def test_a_page_with_no_french_at_all_is_missing(home, french_home, locales):
    make_standard_page(home, "صفحة بلا ترجمة", "no-translation")
    assert statuses(locales["fr"])["صفحة بلا ترجمة"] == MISSING


def test_a_translated_page_is_listed_once_its_arabic_changes_and_leaves_after_a_sync(about_pages, locales):
    arabic, _french = about_pages
    assert arabic.title not in statuses(locales["fr"])

    arabic.intro = "بوابة التعاونيات المغربية، بحلة جديدة"
    arabic.save_revision().publish()
    [row] = [row for row in report_rows(locales["fr"]) if row.title == arabic.title]
    assert row.status == OUT_OF_DATE
    source = TranslationSource.objects.get_for_instance(arabic)
    assert reverse("wagtail_localize:update_translations", args=[source.pk]) in [url for _label, url in row.actions]

    # Sync as wagtail-localize's "Sync translated pages" does: extract the source again, update the target.
    source.update_from_db()
    translation = source.translations.get(target_locale=locales["fr"])
    translation.save_target(publish=False)
    assert arabic.title not in statuses(locales["fr"])


def test_publishing_again_without_a_change_is_no_work_for_translators(about_pages, locales):
    arabic, _french = about_pages
    arabic.save_revision().publish()  # a minute later, nothing changed: the report compares content, not times
    arabic.refresh_from_db()
    assert arabic.last_published_at > TranslationSource.objects.get_for_instance(arabic).last_updated_at
    assert arabic.title not in statuses(locales["fr"])

    arabic.seo_title = "بوابة التعاونيات: من نحن"  # a field the translation takes from the source
    arabic.save_revision().publish()
    assert statuses(locales["fr"])[arabic.title] == OUT_OF_DATE


def test_a_snippet_published_again_unchanged_stays_off_the_report(locales):
    partner = make_partner(name="مؤسسة التمويل")
    french_of(partner, locales["fr"])
    partner.save_revision().publish()
    assert "مؤسسة التمويل" not in statuses(locales["fr"])


def test_syncing_through_the_admin_takes_the_page_off_the_report(client, about_pages, locales, moderator):
    arabic, _french = about_pages
    arabic.title = "عن بوابة التعاونيات"
    arabic.save_revision().publish()
    client.force_login(moderator)
    assert "عن بوابة التعاونيات" in listed(client.get(REPORT))

    source = TranslationSource.objects.get_for_instance(arabic)
    response = client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})
    assert response.status_code == 302
    assert "عن بوابة التعاونيات" not in listed(client.get(REPORT))


def test_snippets_missing_and_out_of_date(locales):
    untranslated = make_partner(name="غرفة الصناعة التقليدية")
    translated = make_partner(name="مؤسسة التمويل")
    french_of(translated, locales["fr"])
    assert statuses(locales["fr"])["غرفة الصناعة التقليدية"] == MISSING
    assert "مؤسسة التمويل" not in statuses(locales["fr"])

    translated.description = "وصف جديد للمؤسسة"
    translated.save_revision().publish()
    assert statuses(locales["fr"])["مؤسسة التمويل"] == OUT_OF_DATE
    assert statuses(locales["fr"])["غرفة الصناعة التقليدية"] == MISSING
    assert untranslated.get_translation_or_none(locales["fr"]) is None


def test_the_report_page_filters_by_status_in_the_editors_language(client, translator, home, french_home, locales):
    make_standard_page(home, "صفحة غير مترجمة", "untranslated")
    make_partner(name="شريك غير مترجم")
    client.force_login(translator)
    response = client.get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    assert "صفحة غير مترجمة" in html and "شريك غير مترجم" in html
    assert 'lang="fr"' in html  # the translator's admin language
    with translation.override("fr"):
        assert f"<td>{STATUS_LABELS[MISSING]}</td>" in html
    assert set(listed(client.get(REPORT, {"locale": "fr", "status": MISSING}))) >= {"صفحة غير مترجمة", "شريك غير مترجم"}
    assert listed(client.get(REPORT, {"locale": "fr", "status": OUT_OF_DATE})) == []


def test_arabic_admin_is_right_to_left(client, editor, home, french_home):
    client.force_login(editor)
    html = client.get(REPORT).content.decode()
    assert 'dir="rtl"' in html and 'lang="ar"' in html


@pytest.mark.parametrize("params", [{"locale": "xx"}, {"status": "<script>"}, {"p": "-4"}, {"locale": "ar"}])
def test_bad_filter_values_get_a_message_not_an_error(client, editor, french_home, params):
    client.force_login(editor)
    response = client.get(REPORT, params, follow=True)
    assert response.status_code == 200
    if "p" not in params:
        assert [str(m) for m in response.context["messages"]]
    assert "<script>" not in response.content.decode()


def test_the_report_is_for_people_who_translate(client, db):
    user = get_user_model().objects.create_user("reader", password="a-long-password-1")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(REPORT)
    assert response.status_code in (302, 403)
    assert client.get("/admin/reports/translations/", follow=False).status_code != 200
    client.logout()
    assert client.get(REPORT).status_code == 302


def test_the_reports_menu_shows_the_report(client, translator, french_home):
    client.force_login(translator)
    assert REPORT in client.get("/admin/").content.decode()


def test_the_report_costs_as_many_queries_for_many_objects_as_for_few(home, french_home, locales):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        with CaptureQueriesContext(connection) as captured:
            report_rows(locales["fr"])
        return len(captured)

    make_partner()
    make_standard_page(home, "صفحة 1", "page-1")
    few = queries()
    for number in range(8):
        make_partner()
        make_standard_page(home, f"صفحة {number + 2}", f"page-{number + 2}")
    assert len(report_rows(locales["fr"])) == 18
    assert queries() == few
