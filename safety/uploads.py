"""Uploads accepted only for what they are: a document's or an image's content must match an accepted type.

The Wagtail admin's document and image forms (single and multiple upload) use these forms as their base
(WAGTAILDOCS_DOCUMENT_FORM_BASE, WAGTAILIMAGES_IMAGE_FORM_BASE). A refused file is an error on the form's
``file`` field, so the multiple uploader rejects it at once and stores nothing.
"""

import os
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

DOCUMENT_TYPE_NAMES = {"pdf": "PDF", "docx": "DOCX", "xlsx": "XLSX", "odt": "ODT", "ods": "ODS"}
OPENDOCUMENT_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}
OFFICE_MAIN_PARTS = {"word/document.xml": "docx", "xl/workbook.xml": "xlsx"}
IMAGE_FORMATS = {"JPEG": ("jpg", "jpeg"), "PNG": ("png",), "WEBP": ("webp",)}
ACCEPTED_IMAGE_FORMAT_NAMES = {"jpeg", "png", "webp"}  # as Willow names them


def extension_of(name):
    return os.path.splitext(name or "")[1].lower().lstrip(".")


def document_type(fileobj):
    """The accepted document type this file's bytes are ("pdf", "docx", "xlsx", "odt", "ods"), or None."""
    fileobj.seek(0)
    head = fileobj.read(8)
    fileobj.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if not head.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(fileobj) as archive:
            members = archive.infolist()
            names = {member.filename for member in members}
            # OpenDocument: the first member is an uncompressed "mimetype" naming the kind of document.
            if members and members[0].filename == "mimetype":
                with archive.open(members[0]) as mimetype:
                    return OPENDOCUMENT_MIMETYPES.get(mimetype.read(100).strip())
            if "[Content_Types].xml" in names:
                for part, kind in OFFICE_MAIN_PARTS.items():
                    if part in names:
                        return kind
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return None
    finally:
        fileobj.seek(0)
    return None


FILE_TOO_LARGE = _("This file is too large (%(file_size)s). The largest file accepted is %(max_filesize)s.")


def accepted_documents_text():
    return ", ".join(DOCUMENT_TYPE_NAMES[ext] for ext in settings.WAGTAILDOCS_EXTENSIONS if ext in DOCUMENT_TYPE_NAMES)


class CheckedDocumentForm(BaseDocumentForm):
    """The admin's document form: PDF, DOCX, XLSX, ODT or ODS by name and by content, within the size limit."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            field = self.fields["file"]
            field.error_messages["file_too_large"] = FILE_TOO_LARGE
            field.help_text = _("Accepted: %(types)s, up to %(size)s.") % {
                "types": accepted_documents_text(),
                "size": filesizeformat(settings.WAGTAILDOCS_MAX_UPLOAD_SIZE),
            }

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if not isinstance(uploaded, UploadedFile):
            return uploaded  # unchanged on edit
        extension = extension_of(uploaded.name)
        accepted = accepted_documents_text()
        if extension not in settings.WAGTAILDOCS_EXTENSIONS:
            raise ValidationError(
                _("Files of this type cannot be uploaded. Accepted documents: %(types)s.") % {"types": accepted},
                code="document_type",
            )
        if document_type(uploaded) != extension:
            raise ValidationError(
                _("This file is not a real %(type)s document, whatever its name says. Accepted documents: %(types)s.")
                % {"type": DOCUMENT_TYPE_NAMES.get(extension, extension.upper()), "types": accepted},
                code="document_content",
            )
        return uploaded

    def clean(self):
        cleaned_data = super().clean()
        self.file_refusal = self.errors["file"].as_data() if "file" in self.errors else []
        return cleaned_data

    def full_clean(self):
        self.file_refusal = []
        super().full_clean()
        if self.file_refusal:
            # Document.clean, run on a document without the refused file, would repeat the refusal in other words.
            del self.errors["file"]
            self.add_error("file", self.file_refusal)


class CheckedImageField(WagtailImageField):
    """Wagtail's image field, refusing in plain words any format but JPEG, PNG and WebP before comparing names."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        refused = _("This file is not a JPEG, PNG or WebP image. Accepted images: JPEG, PNG, WebP.")
        self.error_messages["invalid_image"] = refused
        self.error_messages["invalid_image_extension"] = refused
        self.error_messages["invalid_image_known_format"] = _(
            "This file's name ends in .%(extension)s but it holds a %(image_format)s image: "
            "rename it or convert it. Accepted images: JPEG, PNG, WebP."
        )
        self.error_messages["file_too_large"] = FILE_TOO_LARGE

    def check_image_file_format(self, f):
        if f.image.format_name not in ACCEPTED_IMAGE_FORMAT_NAMES:
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image")
        super().check_image_file_format(f)
        try:
            f.seek(0)
            with PILImage.open(f) as image:
                image_format = image.format
                image.verify()  # reads the whole file: a truncated or corrupt image fails here
        except Exception as error:  # noqa: BLE001 — Pillow raises many kinds of error for a bad file
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image") from error
        finally:
            f.seek(0)
        if extension_of(f.name) not in IMAGE_FORMATS.get(image_format, ()):
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image")


class CheckedImageForm(BaseImageForm):
    """The admin's image form: JPEG, PNG or WebP whose content Pillow reads whole and whose name matches it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            wagtail_field = self.fields["file"]
            self.fields["file"] = CheckedImageField(
                label=wagtail_field.label, required=wagtail_field.required, widget=wagtail_field.widget
            )
