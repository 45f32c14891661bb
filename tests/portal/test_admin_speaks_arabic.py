"""The admin an Arabic Editor meets speaks Arabic: every page of their daily paths, walked with the test client,
has no Latin-script word that is not content (a French title, a file name), a proper name or a code; Arabic
words are the right ones (Moroccan months, plural forms); nothing is loaded from another host.
"""

import re
import zoneinfo
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dates import MONTHS
from django.utils.formats import get_format
from django.utils.timesince import timesince
from django.utils.translation import get_language_info, ngettext
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, ModelLogEntry, Page, PageLogEntry, Site, Task, Workflow
from wagtail.users.models import UserProfile

from editorial.roles import ADMINISTRATORS, EDITORS, ROLE_NAMES
from programs.models import CallIndexPage, CallPage

LATIN_WORD = re.compile(r"[A-Za-zÀ-ÿ]+(?:['’][A-Za-zÀ-ÿ]+)*")
URL = re.compile(r"\S*://\S*")
# Names and codes, the same in every language.
PROPER = {"Wagtail", "JavaScript", "PDF", "DOCX", "XLSX", "ODT", "ODS", "CSV", "MAD"}


class VisibleText(HTMLParser):
    """What an editor reads or hears: text nodes and accessible labels, outside scripts and hidden elements."""

    SKIP = {"script", "style", "template", "svg"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__()
        self.stack = []  # per open element: whether its content is skipped
        self.texts = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        skipped = bool(self.stack and self.stack[-1]) or tag in self.SKIP or "hidden" in attrs
        if tag not in self.VOID:
            self.stack.append(skipped)
        if not skipped:
            self.texts += [attrs[name] for name in ("aria-label", "title", "placeholder", "alt") if attrs.get(name)]

    def handle_startendtag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(True)
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.stack.pop()
        self.stack.pop() if tag not in self.VOID and self.stack else None

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]) and data.strip():
            self.texts.append(data.strip())


def words_of(*texts):
    return {word for text in texts if text for word in LATIN_WORD.findall(URL.sub(" ", str(text)))}


def content_words():
    """Words typed by editors or given by files and codes: titles in French (pages, documents, snippets as the
    history names them), file names, time zone names."""
    documents, images = get_document_model().objects.all(), get_image_model().objects.all()
    return (
        words_of(
            *Page.objects.values_list("title", flat=True),
            *(value for document in documents for value in (document.title, document.file.name)),
            *(value for image in images for value in (image.title, image.file.name)),
            *ModelLogEntry.objects.values_list("label", flat=True),
            *PageLogEntry.objects.values_list("label", flat=True),
            *Workflow.objects.values_list("name", flat=True),
            *Task.objects.values_list("name", flat=True),
            *Collection.objects.values_list("name", flat=True),
            *Group.objects.values_list("name", flat=True),
            *get_user_model().objects.values_list("username", flat=True),
            *Tag.objects.values_list("name", flat=True),
            *Site.objects.values_list("hostname", flat=True),
            *(get_language_info(code)["name_local"] for code, _ in settings.LANGUAGES),
            *(name for _, name in settings.LANGUAGES),
            *zoneinfo.available_timezones(),
        )
        | PROPER
    )


def english_words(html, allowed):
    parser = VisibleText()
    parser.feed(html)
    return {word: text for text in parser.texts for word in words_of(text) if word not in allowed}


def arabic_user(username, role):
    user = get_user_model().objects.create_user(
        username, email=f"{username}@example.ma", password="a-long-password-1", first_name="أمينة", last_name="الإدريسي"
    )
    user.groups.add(Group.objects.get(name=role))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "ar"
    profile.save()
    return user


@pytest.fixture
def arabic_editor(demo_site):
    return arabic_user("amina", EDITORS)


@pytest.fixture
def arabic_administrator(demo_site):
    return arabic_user("karim", ADMINISTRATORS)


def editor_paths():
    """The admin pages an Editor works on: dashboard, explorer, a call's editor, history, media, snippets, account."""
    home = Page.objects.get(depth=2, locale__language_code="ar")
    call = CallPage.objects.filter(locale__language_code="ar").first()
    index = CallIndexPage.objects.filter(locale__language_code="ar").first()
    document = get_document_model().objects.first()
    return [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore_root"),
        reverse("wagtailadmin_explore", args=[home.pk]),
        reverse("wagtailadmin_explore", args=[index.pk]),
        reverse("wagtailadmin_pages:edit", args=[call.pk]),
        reverse("wagtailadmin_pages:add", args=["programs", "callpage", index.pk]),
        reverse("wagtailadmin_pages:add_subpage", args=[index.pk]),
        reverse("wagtailadmin_pages:history", args=[call.pk]),
        reverse("wagtailadmin_pages:revisions_index", args=[call.pk]),
        reverse("wagtailadmin_pages:search") + "?q=جرادة",
        reverse("wagtailadmin_choose_page"),
        reverse("wagtaildocs:index"),
        reverse("wagtaildocs:edit", args=[document.pk]),
        reverse("wagtaildocs:add_multiple"),
        reverse("wagtailimages:index"),
        reverse("wagtailsnippets:index"),
        reverse("wagtailadmin_account"),
        reverse("wagtailadmin_reports:locked_pages"),
        reverse("translation_report"),
        reverse("wagtailadmin_reports:site_history"),
    ]


def test_the_pages_an_arabic_editor_uses_have_no_english_word(client, arabic_editor):
    allowed = content_words()
    client.force_login(arabic_editor)
    english = {}
    for path in editor_paths():
        response = client.get(path, follow=True)
        assert response.status_code == 200, path
        html = response.content.decode() if "json" not in response["Content-Type"] else response.json()["html"]
        assert 'dir="rtl"' in html or "json" in response["Content-Type"], path
        if found := english_words(html, allowed):
            english[path] = found
    client.logout()
    login = client.get(reverse("wagtailadmin_login"), HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    if found := english_words(login, allowed):
        english["login"] = found
    assert english == {}


def test_an_arabic_administrator_meets_the_roles_named_in_arabic(client, arabic_editor, arabic_administrator):
    # Role names are data, so the walk takes them as content: the names themselves must start in Arabic.
    assert all(re.match(r"[\u0600-\u06ff]", name) for name in Group.objects.values_list("name", flat=True))
    client.force_login(arabic_administrator)
    allowed = content_words()
    pages = {
        reverse("wagtailusers_groups:index"): ROLE_NAMES,
        reverse("wagtailusers_users:index"): (),
        reverse("wagtailusers_users:edit", args=[arabic_editor.pk]): (EDITORS,),
    }
    for path, roles in pages.items():
        html = client.get(path).content.decode()
        assert all(role in html for role in roles), path
        assert english_words(html, allowed) == {}, path


def test_the_walk_catches_an_english_label(client, arabic_editor):
    # The walker itself: an English label, visible or in aria-label, is caught; a hidden one is not.
    html = '<nav aria-label="More actions"><p hidden>None</p><label>Document<span>*</span></label></nav>'
    assert set(english_words(html, content_words())) == {"More", "actions", "Document"}


def test_no_admin_page_loads_an_avatar_from_another_host(client, arabic_editor):
    client.force_login(arabic_editor)
    for path in (reverse("wagtailadmin_home"), reverse("wagtailadmin_account")):
        assert "gravatar" not in client.get(path).content.decode()


def test_dates_use_moroccan_months_and_a_monday_week_in_arabic():
    with translation.override("ar"):
        assert [str(month) for month in MONTHS.values()][8:] == ["شتنبر", "أكتوبر", "نونبر", "دجنبر"]
        assert get_format("FIRST_DAY_OF_WEEK") == 1
    with translation.override("fr"):
        assert get_format("FIRST_DAY_OF_WEEK") == 1


def test_arabic_counts_take_the_right_plural_form():
    with translation.override("ar"):
        assert filesizeformat(607) == "607\xa0بايتات"
        assert filesizeformat(2) == "بايتان"
        assert ngettext("Used %(usage_count)s time", "Used %(usage_count)s times", 2) % {"usage_count": 2} == (
            "استُخدم مرتين"
        )
        now = timezone.now()
        assert timesince(now, now) == "لحظات"  # not "0 دقيقة"
        assert str(translation.gettext("Snippets")) == "مقتطفات"
