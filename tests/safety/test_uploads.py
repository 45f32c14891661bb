"""Uploads through the Wagtail admin: accepted types pass, anything else is refused in the editor's language."""

from pathlib import Path
from urllib.parse import unquote

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.users.models import UserProfile

from tests.safety import files

Document = get_document_model()
Image = get_image_model()

GOOD_DOCUMENTS = [
    ("form.pdf", files.pdf),
    ("form.docx", files.docx),
    ("table.xlsx", files.xlsx),
    ("form.odt", files.odt),
    ("table.ods", files.ods),
]
BAD_DOCUMENTS = [
    ("page.pdf", files.html, "not a real PDF"),
    ("setup.exe", files.exe, "cannot be uploaded"),
    ("archive.docx", files.plain_zip, "not a real DOCX"),
    ("form.odt", files.docx, "not a real ODT"),  # an Office file renamed .odt
    ("table.xlsx", files.odt, "not a real XLSX"),
    ("archive.zip", files.plain_zip, "cannot be uploaded"),
    ("notes.txt", lambda: b"plain text", "cannot be uploaded"),
]


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored_files(root):
    return sorted(str(path.relative_to(root)) for path in Path(root).rglob("*") if path.is_file())


@pytest.fixture
def editor(client, db):
    def log_in(language="fr"):
        user = get_user_model().objects.create_superuser(f"editor-{language}", password="a-long-password-1")
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        client.force_login(user)
        return client

    return log_in


def add_document(client, name, content, title=None):
    return client.post(
        "/admin/documents/add/",
        {
            "title": title or name,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().id,
        },
    )


def multiple_upload(client, name, content):
    return client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile(name, content), "collection": Collection.get_first_root_node().id},
    )


@pytest.mark.parametrize("name,make", GOOD_DOCUMENTS)
def test_each_accepted_document_type_is_stored(editor, media_root, name, make):
    client = editor()
    content = make()  # once: Office files carry the time they were made, so two makes can differ
    response = multiple_upload(client, name, content)
    assert response.json()["success"] is True
    document = Document.objects.get()
    assert document.file.read() == content
    assert len(stored_files(media_root)) == 1


@pytest.mark.parametrize("name,make,message", BAD_DOCUMENTS)
def test_a_refused_document_is_not_stored_multiple_upload(editor, media_root, name, make, message):
    client = editor("en")
    response = multiple_upload(client, name, make())
    data = response.json()
    assert data["success"] is False
    assert message in data["error_message"]
    assert "Accepted documents: PDF, DOCX, XLSX, ODT, ODS." in data["error_message"]
    assert Document.objects.count() == 0
    assert stored_files(media_root) == []


@pytest.mark.parametrize("name,make,message", BAD_DOCUMENTS)
def test_a_refused_document_is_not_stored_single_upload(editor, media_root, name, make, message):
    client = editor("en")
    response = add_document(client, name, make())
    assert response.status_code == 200  # the form again, with its error
    assert message in response.content.decode()
    assert Document.objects.count() == 0
    assert stored_files(media_root) == []


@pytest.mark.parametrize("name,make,message", BAD_DOCUMENTS[:2])
def test_a_refused_document_is_refused_once(editor, media_root, name, make, message):
    """Wagtail's own extension check (Document.clean) does not repeat the refusal in other words."""
    client = editor("en")
    html = add_document(client, name, make()).content.decode()
    assert html.count(message) == 1
    assert "is not allowed" not in html
    assert "is not allowed" not in multiple_upload(client, name, make()).json()["error_message"]


def test_a_too_large_document_is_refused(editor, media_root, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 2000
    client = editor("en")
    big = files.pdf() + b"%" + b"x" * 3000
    data = multiple_upload(client, "big.pdf", big).json()
    assert data["success"] is False and "This file is too large" in data["error_message"]
    response = add_document(client, "big.pdf", big)
    assert "This file is too large" in response.content.decode()
    assert Document.objects.count() == 0 and stored_files(media_root) == []


@pytest.mark.parametrize(
    "language,expected",
    [
        ("ar", "ليس وثيقة PDF حقيقية"),
        ("fr", "n’est pas un vrai document PDF"),
    ],
)
def test_refusals_speak_the_editors_language(editor, media_root, language, expected):
    client = editor(language)
    data = multiple_upload(client, "page.pdf", files.html()).json()
    assert expected in data["error_message"]
    response = add_document(client, "page.pdf", files.html())
    assert expected in response.content.decode()
    assert Document.objects.count() == 0


def test_arabic_file_name_and_title_are_kept_and_downloadable(editor, media_root):
    client = editor("ar")
    content = files.pdf("Nomination form")
    response = add_document(client, "استمارة الترشيح.pdf", content, title="استمارة الترشيح للتعاونيات")
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.title == "استمارة الترشيح للتعاونيات"
    assert "استمارة" in document.filename
    client.logout()
    download = client.get(document.url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == content
    disposition = download["Content-Disposition"]
    assert unquote(disposition.split("filename*=UTF-8''")[1]) == document.filename


def test_arabic_file_name_through_the_multiple_uploader(editor, media_root):
    client = editor("ar")
    data = multiple_upload(client, "استمارة الترشيح.pdf", files.pdf()).json()
    assert data["success"] is True
    document = Document.objects.get()
    assert document.title == "استمارة الترشيح.pdf"
    assert Path(document.file.path).read_bytes() == files.pdf()


def add_image(client, name, content):
    return client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile(name, content), "collection": Collection.get_first_root_node().id},
    )


@pytest.mark.parametrize(
    "name,image_format", [("photo.jpg", "JPEG"), ("photo.jpeg", "JPEG"), ("logo.png", "PNG"), ("logo.webp", "WEBP")]
)
def test_accepted_images_are_stored(editor, media_root, name, image_format):
    client = editor()
    data = add_image(client, name, files.image(image_format)).json()
    assert data["success"] is True, data
    assert Image.objects.get().file.read() == files.image(image_format)


@pytest.mark.parametrize(
    "name,make,message",
    [
        ("photo.jpg", lambda: files.image("PNG"), "holds a png image"),
        ("logo.png", files.svg, "not a JPEG, PNG or WebP image"),
        ("logo.png", files.html, "not a JPEG, PNG or WebP image"),
        ("drawing.svg", files.svg, "not a JPEG, PNG or WebP image"),
        ("photo.gif", lambda: files.image("GIF"), "not a JPEG, PNG or WebP image"),
        ("photo.jpg", lambda: files.image("JPEG")[:200], "not a JPEG, PNG or WebP image"),  # truncated
    ],
)
def test_refused_images_are_not_stored(editor, media_root, name, make, message):
    client = editor("en")
    data = add_image(client, name, make()).json()
    assert data["success"] is False
    assert message in data["error_message"]
    assert Image.objects.count() == 0 and stored_files(media_root) == []


def test_image_refusals_are_localized_and_single_add_refuses_too(editor, media_root):
    client = editor("ar")
    data = add_image(client, "logo.png", files.svg()).json()
    assert "ليس صورة بصيغة JPEG أو PNG أو WebP" in data["error_message"]
    response = client.post(
        "/admin/images/add/",
        {
            "title": "شعار",
            "file": SimpleUploadedFile("logo.png", files.html()),
            "collection": Collection.get_first_root_node().id,
        },
    )
    assert response.status_code == 200
    assert "ليس صورة بصيغة JPEG أو PNG أو WebP" in response.content.decode()
    assert Image.objects.count() == 0 and stored_files(media_root) == []


def test_too_large_image_is_refused(editor, media_root, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100
    client = editor("en")
    data = add_image(client, "photo.png", files.image("PNG", size=(200, 200))).json()
    assert data["success"] is False and "This file is too large" in data["error_message"]
    assert Image.objects.count() == 0 and stored_files(media_root) == []
