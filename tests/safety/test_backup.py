"""Backup and restore: a site with pages, translations, documents, images and project models goes into one archive
and comes back row for row and byte for byte into an empty database; a bad archive changes nothing."""

import io
import json
import re
import shutil
import tarfile
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from home.models import StandardPage
from portal.demo_files import metadata, minimal_pdf
from portal.translating import translate
from resources.models import ProjectModel
from safety.backup import backed_up_models, empty_database
from serving import generation
from tests.resources.conftest import make_project
from tests.safety import files

Document = get_document_model()
Image = get_image_model()
DOCUMENTS = Document._meta.label_lower  # portal.portaldocument (WAGTAILDOCS_DOCUMENT_MODEL)


@pytest.fixture(autouse=True)
def fresh_content_type_cache():
    # The commands speak the active language; these tests read their English messages.
    with translation.override("en"):
        yield
    ContentType.objects.clear_cache()


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return Path(settings.MEDIA_ROOT)


@pytest.fixture
def site(about_pages, locales, media_root):
    """Pages in Arabic with French translations, a document, an image, project models and their translations."""
    arabic, french = about_pages
    get_user_model().objects.create_superuser("amina", password="a-long-password-1")
    pdf, png = minimal_pdf("Form"), files.image("PNG", size=(40, 30))
    document = Document(title="استمارة الترشيح", file=SimpleUploadedFile("استمارة الترشيح.pdf", pdf), **metadata(pdf))
    document.save()
    image = Image(title="شعار التعاونية", file=SimpleUploadedFile("logo.png", png), **metadata(png))
    image.save()
    image.get_rendition("fill-20x20")  # a rendition file under media/images/ too
    project = make_project(title="وحدة لتثمين الصبار", region_codes=["souss-massa"], group_codes=["women"])
    translate(
        project,
        locales["fr"],
        {project.title: "Unité de valorisation du cactus", project.summary: "Résumé du projet"},
        slug="unite-de-valorisation-du-cactus",
    )
    arabic.intro = "نسخة ثانية"
    arabic.save_revision().publish()
    return {"page": arabic, "french": french, "document": document, "image": image, "project": project}


def snapshot():
    """Every backed-up row of every model, serialized with its primary key, in primary-key order.

    The archive holds what ``dumpdata`` writes: times to the millisecond. A time whose microseconds are under
    1,000 is written ``…:57.000Z`` before the round trip and ``…:57Z`` after it (exactly 0 then): the same."""
    return {
        model._meta.label_lower: json.loads(
            WHOLE_SECOND.sub(r'\1.000Z"', serializers.serialize("json", model._base_manager.order_by("pk")))
        )
        for model in backed_up_models()
    }


WHOLE_SECOND = re.compile(r'("\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)Z"')


def media_bytes(root):
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def test_round_trip_into_an_empty_database_is_identical(site, media_root, tmp_path, client):
    before, media_before = snapshot(), media_bytes(media_root)
    assert before["wagtailcore.page"] and before[DOCUMENTS] and before["wagtailimages.image"]
    assert len(before["resources.projectmodel"]) == 2 and len(media_before) >= 3
    archive = tmp_path / "portal.tar.gz"
    out = io.StringIO()
    call_command("backup", str(archive), stdout=out)
    assert "Backup written to" in out.getvalue() or str(archive) in out.getvalue()

    # A new machine: an empty database (flush also empties what migrate put there) and no media files.
    empty_database()
    call_command("migrate", verbosity=0)  # post_migrate: content types, permissions, roles, as on a new database
    shutil.rmtree(media_root)
    assert not Page.objects.filter(depth__gt=1).exists() and not ProjectModel.objects.exists()

    token_before_restore = generation.current()
    call_command("restore", str(archive), stdout=io.StringIO())
    # Every worker drops what it cached of the content before: the generation is renewed.
    assert generation.current() not in {None, token_before_restore}
    after = snapshot()
    assert after.keys() == before.keys()
    for label in before:
        assert after[label] == before[label], label
    assert media_bytes(media_root) == media_before

    # And the site works: both languages, the project model in French, the document downloads.
    assert client.get(site["page"].url).status_code == 200
    assert "À propos" in client.get(site["french"].url).content.decode()
    document = Document.objects.get(title="استمارة الترشيح")
    download = client.get(document.url)
    assert download.status_code == 200 and b"".join(download.streaming_content) == minimal_pdf("Form")
    assert ProjectModel.objects.filter(title="Unité de valorisation du cactus", locale__language_code="fr").exists()
    # The search index is rebuilt from the restored rows.
    assert "الصبار" in client.get("/ar/search/", {"q": "الصبار"}).content.decode()


def test_restore_refuses_a_database_with_content_unless_forced(site, media_root, tmp_path):
    archive = tmp_path / "portal.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    before = snapshot()
    StandardPage.objects.filter(pk=site["page"].pk).update(title="عنوان تغير بعد النسخة")
    changed = snapshot()
    with pytest.raises(CommandError, match="already holds content"):
        call_command("restore", str(archive), stdout=io.StringIO())
    assert snapshot() == changed
    call_command("restore", str(archive), "--force", "--skip-index", stdout=io.StringIO())
    assert snapshot() == before


def rewrite_archive(source, target, change):
    """Copy the archive, passing each member's (TarInfo, bytes) through ``change`` (None drops it)."""
    with tarfile.open(source, "r:gz") as old, tarfile.open(target, "w:gz") as new:
        for member in old.getmembers():
            result = change(member, old.extractfile(member).read())
            if result is not None:
                info, data = result
                info.size = len(data)
                new.addfile(info, io.BytesIO(data))
        return target


def damaged_database(member, data):
    if member.name == "database.json":
        data = data[:-3] + b"   "  # the same length, other bytes
    return member, data


def extra_member(member, data):
    if member.name == "database.json":
        return tarfile.TarInfo("../../etc/evil"), b"x"
    return member, data


def missing_media(member, data):
    return None if member.name.startswith("media/documents/") else (member, data)


@pytest.mark.parametrize(
    "make,message",
    [
        (lambda source, target: rewrite_archive(source, target, damaged_database), "does not match its checksum"),
        (lambda source, target: rewrite_archive(source, target, extra_member), "unexpected entry"),
        (lambda source, target: rewrite_archive(source, target, missing_media), "incomplete"),
        (lambda source, target: target.write_bytes(b"not an archive at all") and target, "not a backup archive"),
        (lambda source, target: target.write_bytes(source.read_bytes()[:2000]) and target, "not a backup archive"),
        (
            lambda source, target: rewrite_archive(
                source, target, lambda m, d: None if m.name == "manifest.json" else (m, d)
            ),
            "not a backup archive",
        ),
    ],
    ids=["damaged", "path-traversal", "incomplete", "garbage", "truncated", "no-manifest"],
)
def test_a_bad_archive_changes_nothing(site, media_root, tmp_path, make, message):
    archive = tmp_path / "portal.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    bad = make(archive, tmp_path / "bad.tar.gz")
    before, media_before = snapshot(), media_bytes(media_root)
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(bad), "--force", stdout=io.StringIO())
    assert snapshot() == before
    assert media_bytes(media_root) == media_before
    assert not (tmp_path.parent / "etc" / "evil").exists()


def test_an_archive_from_newer_code_is_refused(site, tmp_path):
    archive = tmp_path / "portal.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())

    def newer(member, data):
        if member.name == "manifest.json":
            manifest = json.loads(data)
            manifest["migrations"].append("resources.9999_from_the_future")
            data = json.dumps(manifest).encode()
        return member, data

    # The manifest is not covered by its own checksums: the migrations check itself must refuse it.
    bad = rewrite_archive(archive, tmp_path / "newer.tar.gz", newer)
    before = snapshot()
    with pytest.raises(CommandError, match="newer version"):
        call_command("restore", str(bad), "--force", stdout=io.StringIO())
    assert snapshot() == before


def test_backup_archive_lists_counts_and_checksums(site, tmp_path):
    archive = tmp_path / "portal.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    with tarfile.open(archive) as opened:
        names = opened.getnames()
        manifest = json.loads(opened.extractfile("manifest.json").read())
    assert names[:2] == ["manifest.json", "database.json"]
    assert manifest["format"] == "cooperative-portal-backup" and manifest["version"] == 1
    assert manifest["models"]["resources.projectmodel"] == 2
    assert manifest["models"][DOCUMENTS] == 1
    assert set(manifest["checksums"]) == set(names) - {"manifest.json"}
    assert any(name.startswith("media/documents/استمارة") for name in names)
    assert "sessions.session" not in manifest["models"] and "wagtailsearch.indexentry" not in manifest["models"]
