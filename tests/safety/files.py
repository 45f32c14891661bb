"""Real minimal files of every type the upload tests send: built here, byte by byte or with the libraries."""

import io
import zipfile

from openpyxl import Workbook
from PIL import Image

from portal.demo_files import minimal_pdf


def pdf(text="Application form"):
    return minimal_pdf(text)


def docx():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            "</Types>",
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Target="word/document.xml" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
            "</Relationships>",
        )
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            "<w:body><w:p><w:r><w:t>استمارة</w:t></w:r></w:p></w:body></w:document>",
        )
    return out.getvalue()


def xlsx():
    workbook = Workbook()
    workbook.active.append(["التعاونية", "الجهة"])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _opendocument(mimetype):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
            f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{mimetype}"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>",
            compress_type=zipfile.ZIP_DEFLATED,
        )
        archive.writestr(
            "content.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'office:version="1.2"><office:body/></office:document-content>',
            compress_type=zipfile.ZIP_DEFLATED,
        )
    return out.getvalue()


def odt():
    return _opendocument("application/vnd.oasis.opendocument.text")


def ods():
    return _opendocument("application/vnd.oasis.opendocument.spreadsheet")


def plain_zip():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "not an office document")
    return out.getvalue()


def html():
    return b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


def exe():
    # The start of a Windows executable: "MZ" header, DOS stub text, PE signature.
    return (
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"
        + b"This program cannot be run in DOS mode."
        + b"PE\x00\x00"
    )


def svg():
    return b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'


def image(image_format, size=(12, 8)):
    out = io.BytesIO()
    Image.new("RGB", size, (30, 120, 60)).save(out, format=image_format)
    return out.getvalue()
