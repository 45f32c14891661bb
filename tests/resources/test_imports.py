"""Spreadsheet imports: manage.py import_projects and import_partners, exactly as DESIGN.md describes them."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from wagtail.models import Revision

from resources.models import FundingPartner, ProjectModel

PROJECT_HEADER = "key,locale,title,summary,description,sector,regions,target_groups,investment_mad,jobs_expected"
PARTNER_HEADER = "key,locale,name,kind,support_types,sectors,regions,website,email,phone,description"


def write_csv(tmp_path, header, *rows, name="file.csv", bom=False, encoding="utf-8"):
    path = tmp_path / name
    text = "\n".join([header, *rows]) + "\n"
    path.write_bytes(("\ufeff" if bom else "").encode(encoding) + text.encode(encoding))
    return path


def run(command, path, *options):
    out = io.StringIO()
    with translation.override("en"):
        call_command(command, str(path), "--no-progress", *options, stdout=out)
    return out.getvalue()


def failure(command, path, *options):
    with translation.override("en"), pytest.raises(CommandError) as raised:
        call_command(command, str(path), "--no-progress", *options, stdout=io.StringIO())
    return str(raised.value)


ARGAN_AR = 'argan-souss,ar,وحدة زيت الأركان,تعاونية نسائية,"وصف، مع فاصلة",agri-food,souss-massa;marrakech-safi,women;rural,450000,12'
ARGAN_FR = "argan-souss,fr,Unité d'huile d'argan,Coopérative féminine,Description,agri-food,souss-massa;marrakech-safi,women,450 000,12"
ARGAN_MARRAKECH = ARGAN_AR.replace("argan-souss", "argan-marrakech")
HONEY_AR = "honey-oriental,ar,تربية النحل,عسل الزعتر,,agriculture,oriental,youth,120000,"


def test_a_good_file_creates_published_entries(tmp_path, locales):
    path = write_csv(tmp_path, PROJECT_HEADER, ARGAN_AR, HONEY_AR, bom=True)
    assert run("import_projects", path) == "2 created, 0 updated, 0 unchanged.\n"

    argan = ProjectModel.objects.get(key="argan-souss", locale__language_code="ar")
    assert argan.title == "وحدة زيت الأركان"
    assert argan.description == "وصف، مع فاصلة"
    assert argan.sector.code == "agri-food"
    assert sorted(r.code for r in argan.regions.all()) == ["marrakech-safi", "souss-massa"]
    assert sorted(g.code for g in argan.target_groups.all()) == ["rural", "women"]
    assert (argan.investment_mad, argan.jobs_expected) == (450000, 12)
    assert argan.live and argan.live_revision_id and not argan.has_unpublished_changes
    assert argan.slug == "وحدة-زيت-الأركان"
    honey = ProjectModel.objects.get(key="honey-oriental")
    assert honey.jobs_expected is None


def test_reimporting_updates_in_place_and_skips_unchanged_rows(tmp_path, locales):
    run("import_projects", write_csv(tmp_path, PROJECT_HEADER, ARGAN_AR, HONEY_AR))
    argan = ProjectModel.objects.get(key="argan-souss")
    revisions = Revision.objects.count()

    changed = ARGAN_AR.replace("450000", "500000").replace("souss-massa;marrakech-safi", "souss-massa")
    path = write_csv(tmp_path, PROJECT_HEADER, changed, HONEY_AR, name="second.csv")
    assert run("import_projects", path) == "0 created, 1 updated, 1 unchanged.\n"

    updated = ProjectModel.objects.get(key="argan-souss")
    assert updated.pk == argan.pk and updated.slug == argan.slug
    assert updated.investment_mad == 500000
    assert [r.code for r in updated.regions.all()] == ["souss-massa"]
    assert Revision.objects.count() == revisions + 1  # only the changed row got a revision
    assert updated.get_latest_revision_as_object().investment_mad == 500000
    assert run("import_projects", path) == "0 created, 0 updated, 2 unchanged.\n"


def test_rows_sharing_a_key_are_translations_of_each_other(tmp_path, locales):
    # The French row comes first in the file; the Arabic one is still the source.
    run("import_projects", write_csv(tmp_path, PROJECT_HEADER, ARGAN_FR, ARGAN_AR))
    arabic = ProjectModel.objects.get(key="argan-souss", locale__language_code="ar")
    french = ProjectModel.objects.get(key="argan-souss", locale__language_code="fr")
    assert arabic.translation_key == french.translation_key
    assert arabic.get_translation(locales["fr"]) == french
    assert french.investment_mad == 450000  # "450 000": grouped thousands are read
    assert french.slug == "unite-dhuile-dargan"

    # A French row imported later joins the existing Arabic entry.
    run("import_projects", write_csv(tmp_path, PROJECT_HEADER, HONEY_AR, name="honey-ar.csv"))
    honey_fr = HONEY_AR.replace(",ar,تربية النحل,عسل الزعتر", ",fr,Apiculture,Miel de thym")
    run("import_projects", write_csv(tmp_path, PROJECT_HEADER, honey_fr, name="honey-fr.csv"))
    honey = ProjectModel.objects.get(key="honey-oriental", locale__language_code="ar")
    assert honey.get_translation(locales["fr"]).title == "Apiculture"


@pytest.mark.parametrize(
    ("bad_row", "column", "message"),
    [
        (ARGAN_MARRAKECH.replace("agri-food", "agrifood"), "sector", "Unknown sector code “agrifood”."),
        (ARGAN_MARRAKECH.replace("souss-massa;", "souss;"), "regions", "Unknown region code “souss”."),
        (
            ARGAN_MARRAKECH.replace("women;rural", "women;elders"),
            "target_groups",
            "Unknown target group code “elders”.",
        ),
        (ARGAN_MARRAKECH.replace("450000", "-450000"), "investment_mad", "“-450000” is negative"),
        (ARGAN_MARRAKECH.replace("450000", "450000.50"), "investment_mad", "“450000.50” is not a whole number."),
        (ARGAN_MARRAKECH.replace(",12", ",douze"), "jobs_expected", "“douze” is not a whole number."),
        (ARGAN_MARRAKECH.replace("وحدة زيت الأركان", ""), "title", "This value is required."),
        (ARGAN_MARRAKECH.replace(",ar,", ",en,"), "locale", "Unknown locale “en”; expected one of: ar, fr."),
        (ARGAN_MARRAKECH.replace("argan-marrakech", "Argan Marrakech"), "key", "“Argan Marrakech” is not a valid key"),
        (HONEY_AR.replace("honey-oriental", "argan-souss"), "key", "already appears on row 2"),
    ],
)
def test_any_bad_row_means_nothing_is_written(tmp_path, locales, bad_row, column, message):
    path = write_csv(tmp_path, PROJECT_HEADER, ARGAN_AR, bad_row, HONEY_AR.replace("honey", "bees"))
    report = failure("import_projects", path)
    assert f"Row 3, column “{column}”: " in report and message in report
    assert "Nothing was imported: 1 problem(s) found." in report
    assert not ProjectModel.objects.exists()
    assert not Revision.objects.exists()


def test_the_report_names_every_bad_row_and_column(tmp_path, locales):
    path = write_csv(
        tmp_path,
        PROJECT_HEADER,
        ARGAN_AR.replace("agri-food", "x").replace("450000", "-1"),
        HONEY_AR,
        "too,few,values",
    )
    report = failure("import_projects", path)
    assert report.splitlines()[1:] == [
        "Row 2, column “investment_mad”: “-1” is negative; a positive whole number is expected.",
        "Row 2, column “sector”: Unknown sector code “x”.",
        "Row 4: 3 values where the header names 10 columns.",
    ]


def test_a_bad_update_leaves_the_existing_entries_untouched(tmp_path, locales):
    run("import_projects", write_csv(tmp_path, PROJECT_HEADER, ARGAN_AR))
    path = write_csv(
        tmp_path, PROJECT_HEADER, ARGAN_AR.replace("450000", "1"), HONEY_AR.replace("agriculture", "?"), name="b.csv"
    )
    failure("import_projects", path)
    assert ProjectModel.objects.get().investment_mad == 450000


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (PROJECT_HEADER.replace(",sector", ""), "Row 1, column “sector”: This column is missing."),
        (PROJECT_HEADER + ",colour", "Row 1, column “colour”: Unknown column."),
        (PROJECT_HEADER + ",title", "Row 1, column “title”: This column appears twice."),
    ],
)
def test_a_bad_header_is_reported(tmp_path, locales, header, expected):
    report = failure("import_projects", write_csv(tmp_path, header, ARGAN_AR))
    assert expected in report
    assert not ProjectModel.objects.exists()


def test_files_that_are_not_utf8_csv_are_refused(tmp_path, locales):
    latin = write_csv(tmp_path, PROJECT_HEADER, ARGAN_FR.replace("argan-souss,fr", "a,fr"), encoding="latin-1")
    assert "The file is not UTF-8 text" in failure("import_projects", latin)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert "The file is empty" in failure("import_projects", empty)
    assert "Cannot read" in failure("import_projects", tmp_path / "missing.csv")


def test_dry_run_checks_and_reports_but_writes_nothing(tmp_path, locales):
    path = write_csv(tmp_path, PROJECT_HEADER, ARGAN_AR, ARGAN_FR)
    assert run("import_projects", path, "--dry-run") == (
        "2 created, 0 updated, 0 unchanged. Dry run: nothing was written.\n"
    )
    assert not ProjectModel.objects.exists()
    bad = write_csv(tmp_path, PROJECT_HEADER, ARGAN_AR.replace("agri-food", "x"), name="bad.csv")
    assert "Row 2, column “sector”" in failure("import_projects", bad, "--dry-run")


def test_semicolon_separated_files_from_french_spreadsheets(tmp_path, locales):
    row = 'argan-souss;fr;Huile d\'argan;Résumé;;agri-food;"souss-massa;oriental";women;450000;12'
    run("import_projects", write_csv(tmp_path, PROJECT_HEADER.replace(",", ";"), row))
    project = ProjectModel.objects.get()
    assert sorted(r.code for r in project.regions.all()) == ["oriental", "souss-massa"]


# --- Partners ------------------------------------------------------------------------------------------------------

ODCO_AR = "odco,ar,مكتب تنمية التعاون,agency,training;coaching,,,https://www.odco.gov.ma,contact@example.ma,+212 5 37 00 00 00,مواكبة التعاونيات"
ODCO_FR = "odco,fr,Office du développement de la coopération,agency,coaching;training,,,https://www.odco.gov.ma,,,Accompagnement"
REGION_AR = "region-oriental,ar,مجلس جهة الشرق,regional-council,grant;equipment,agri-food;handicraft,oriental,,,,"


def test_partner_import_with_translations(tmp_path, locales):
    path = write_csv(tmp_path, PARTNER_HEADER, ODCO_AR, ODCO_FR, REGION_AR)
    assert run("import_partners", path) == "3 created, 0 updated, 0 unchanged.\n"
    odco = FundingPartner.objects.get(key="odco", locale__language_code="ar")
    assert odco.support_types == ["training", "coaching"]
    assert odco.get_translation(locales["fr"]).name == "Office du développement de la coopération"
    assert odco.get_translation(locales["fr"]).support_types == ["training", "coaching"]  # kept in choice order
    council = FundingPartner.objects.get(key="region-oriental")
    assert [s.code for s in council.sectors.all()] == ["agri-food", "handicraft"]
    assert council.support_types == ["grant", "equipment"]
    assert run("import_partners", path) == "0 created, 0 updated, 3 unchanged.\n"


@pytest.mark.parametrize(
    ("bad_row", "column", "message"),
    [
        (ODCO_AR.replace(",agency,", ",ministry,"), "kind", "Unknown kind “ministry”"),
        (ODCO_AR.replace("training;coaching", "training;cash"), "support_types", "Unknown support type “cash”"),
        (
            ODCO_AR.replace("https://www.odco.gov.ma", "odco dot ma"),
            "website",
            "“odco dot ma” is not a valid web address.",
        ),
        (ODCO_AR.replace("contact@example.ma", "contact-at-example"), "email", "is not a valid e-mail address."),
        (REGION_AR.replace("agri-food;", "agri;"), "sectors", "Unknown sector code “agri”."),
        (ODCO_AR.replace("مكتب تنمية التعاون", " "), "name", "This value is required."),
    ],
)
def test_bad_partner_rows_are_reported_and_nothing_is_written(tmp_path, locales, bad_row, column, message):
    first = ODCO_FR if bad_row.startswith("odco") else ODCO_AR
    report = failure("import_partners", write_csv(tmp_path, PARTNER_HEADER, first, bad_row))
    assert f"Row 3, column “{column}”: " in report and message in report
    assert not FundingPartner.objects.exists()


def test_import_output_in_arabic_uses_the_catalogue(tmp_path, locales):
    """Without forcing English, the command speaks the site's default language (messages are translatable)."""
    path = write_csv(tmp_path, PROJECT_HEADER, ARGAN_AR.replace("agri-food", "x"))
    with translation.override("ar"), pytest.raises(CommandError) as raised:
        call_command("import_projects", str(path), "--no-progress", stdout=io.StringIO())
    from django.utils.translation import gettext

    with translation.override("ar"):
        expected = gettext("Row %(row)s, column “%(column)s”: %(message)s") % {
            "row": 2,
            "column": "sector",
            "message": gettext("Unknown sector code “%(codes)s”.") % {"codes": "x"},
        }
    assert expected in str(raised.value)
