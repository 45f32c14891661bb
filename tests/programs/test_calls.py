"""Call pages: status badge, eligibility in both languages, forms served through Wagtail, validation."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone

from portal.demo_files import demo_document
from portal.models import Region, Sector, TargetGroup
from portal.translating import translate
from programs.models import CallDocument, CallPage, EventPage
from tests.programs.conftest import make_call, make_program


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def call(call_index, media):
    page = make_call(
        call_index,
        title="طلب إبداء الاهتمام",
        slug="ami",
        opening=-10,
        deadline=3,
        legal_forms=["cooperative", "union"],
        min_members=5,
        max_grant_mad=450_000,
        cofinancing_percent=10,
        relations={
            "sectors": Sector.objects.filter(code__in=["handicraft", "agri-food"]),
            "regions": Region.objects.filter(code="oriental"),
            "target_groups": TargetGroup.objects.filter(code="women"),
        },
    )
    page.documents = [
        CallDocument(
            document=demo_document("form-ar.pdf", "form-ar.pdf", "form"),
            title="استمارة الترشيح",
            kind="form",
            language="ar",
        )
    ]
    page.save_revision().publish()
    return CallPage.objects.get(pk=page.pk)


def test_call_page_shows_status_deadline_and_days_left(client, call):
    html = client.get(call.url).content.decode()
    assert 'class="badge badge--closing-soon"' in html
    assert "بتوقيت الدار البيضاء" in html
    assert call.days_left == 3
    assert '<strong class="days-left">3 أيام متبقية</strong>' in html
    assert f'datetime="{timezone.localtime(call.deadline):%Y-%m-%dT%H:%M}' in html


def test_who_can_apply_reads_in_arabic(client, call):
    html = client.get(call.url).content.decode()
    for text in [
        "الصناعة التقليدية",
        "الصناعة الغذائية",
        "الشرق",
        "النساء",
        '<bdi dir="ltr">450\u00a0000</bdi>\u00a0درهم',
        "10%",
    ]:
        assert text in html, text


def test_who_can_apply_reads_in_french(client, call, french_home, locales):
    strings = {call.title: "Appel à manifestation d'intérêt", call.slug: "ami", call.intro: "Résumé"}
    strings.update({"استمارة الترشيح": "Formulaire de candidature"})
    translate(call.get_parent().specific, locales["fr"], {"طلبات الترشيح": "Appels", "calls": "appels"})
    french = translate(call, locales["fr"], strings)
    html = client.get(french.url).content.decode()
    for text in [
        "Artisanat",
        "Agroalimentaire",
        "Oriental",
        "Femmes",
        '<bdi dir="ltr">450\u00a0000</bdi>\u00a0DH',
        "Formulaire de candidature",
    ]:
        assert text in html, text
    assert "heure de Casablanca" in html


def test_forms_are_listed_with_type_size_and_served(client, call):
    html = client.get(call.url).content.decode()
    document = call.documents.get().document
    assert f'href="{document.url}"' in html
    assert "PDF" in html and re.search(r"\d+(</bdi>)?\s*(بايت|bytes)", html)
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_deadline_before_opening_is_refused_on_the_field(call_index):
    page = CallPage(
        title="x", slug="x", intro="x", opening_date=timezone.now(), deadline=timezone.now() - timedelta(days=1)
    )
    with pytest.raises(ValidationError) as error:
        call_index.add_child(instance=page)
    assert set(error.value.message_dict) == {"deadline"}


def test_event_ending_before_it_starts_is_refused(event_index):
    start = timezone.now()
    page = EventPage(title="x", slug="x", intro="x", start=start, end=start - timedelta(hours=1), place="x")
    with pytest.raises(ValidationError) as error:
        event_index.add_child(instance=page)
    assert set(error.value.message_dict) == {"end"}


@pytest.fixture
def editor(client, db):
    user = get_user_model().objects.create_superuser("editor", password="a-long-password-1")
    client.force_login(user)
    return user


def _call_form(**overrides):
    data = {
        "title": "طلب جديد",
        "slug": "new-call",
        "intro": "ملخص",
        "opening_date": "2026-03-01 09:00",
        "deadline": "2026-03-30 16:00",
        "support_axes-count": "0",
        "body-count": "0",
        "documents-TOTAL_FORMS": "0",
        "documents-INITIAL_FORMS": "0",
        "documents-MIN_NUM_FORMS": "0",
        "documents-MAX_NUM_FORMS": "1000",
        "action-publish": "publish",
    }
    data.update(overrides)
    return data


def test_admin_refuses_a_call_without_deadline(client, editor, call_index):
    response = client.post(f"/admin/pages/add/programs/callpage/{call_index.pk}/", _call_form(deadline=""))
    assert response.status_code == 200
    assert not CallPage.objects.filter(slug="new-call").exists()
    assert "deadline" in response.context["form"].errors


def test_admin_refuses_deadline_before_opening(client, editor, call_index):
    response = client.post(
        f"/admin/pages/add/programs/callpage/{call_index.pk}/", _call_form(deadline="2026-02-01 16:00")
    )
    assert response.status_code == 200
    assert not CallPage.objects.filter(slug="new-call").exists()
    assert "deadline" in response.context["form"].errors


def test_admin_creates_a_call_under_a_programme(client, editor, program_index):
    program = make_program(program_index, title="DELIO", slug="delio")
    response = client.post(f"/admin/pages/add/programs/callpage/{program.pk}/", _call_form())
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    call = CallPage.objects.get(slug="new-call", locale=program.locale)
    assert call.program_id == program.pk  # placed under the programme: linked to it
    assert call.deadline.astimezone(call.deadline.tzinfo).hour in (15, 16)


def test_call_edit_screen_groups_fields_in_tabs(client, editor, call):
    html = client.get(f"/admin/pages/{call.pk}/edit/").content.decode()
    assert html.count('role="tab"') >= 4
