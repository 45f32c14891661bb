"""Files for demo content and tests, made here so neither needs the network nor a PDF library: one-page PDFs and
pictures drawn with Pillow."""

import hashlib
import io
from pathlib import PurePath

from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model


def minimal_pdf(text):
    """A valid single-page PDF showing one line of ASCII text."""
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def metadata(content):
    """The size and hash Wagtail keeps of a document's or an image's file (its duplicate check compares the SHA-1)."""
    return {"file_size": len(content), "file_hash": hashlib.sha1(content, usedforsecurity=False).hexdigest()}


def demo_document(title, filename, text, title_fr=""):
    """The Wagtail document ``title`` (French: ``title_fr``) stored as ``filename`` (a one-page PDF of ``text``);
    made once, then reused.

    Found again by title and file name stem, since storage renames a file whose name is already taken.
    """
    Document = get_document_model()
    existing = Document.objects.filter(title=title, file__contains=PurePath(filename).stem).first()
    if existing:
        if title_fr and existing.title_fr != title_fr:
            existing.title_fr = title_fr
            existing.save(update_fields=["title_fr"])
        return existing
    ascii_text = text.encode("ascii", "ignore").decode()[:80]
    content = minimal_pdf(ascii_text)
    document = Document(title=title, title_fr=title_fr, file=SimpleUploadedFile(filename, content), **metadata(content))
    document.save()
    return document


def demo_image(title, filename, draw):
    """The Wagtail image ``title``, stored as ``filename`` (PNG or JPEG, after its extension) from the Pillow
    picture that ``draw()`` returns; made once, then found by title."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    buffer = io.BytesIO()
    if filename.endswith(".jpg"):
        draw().save(buffer, format="JPEG", quality=70)
    else:
        draw().save(buffer, format="PNG")
    image = Image(title=title, file=ImageFile(buffer, name=filename), **metadata(buffer.getvalue()))
    image.save()
    return image
