"""Wagtail's documents become the portal's (portal.PortalDocument, WAGTAILDOCS_DOCUMENT_MODEL).

Each document is copied with its id — rich text, StreamFields and revisions name documents by id — its file, dates,
uploader, collection and tags, and the reference index (the admin's "used N times") follows it; the id sequence
then continues after the copied ids. Wagtail's own rows are left as they were, files included.
"""

from django.core.management.color import no_style
from django.db import migrations


def copy_documents(apps, schema_editor):
    Document = apps.get_model("wagtaildocs", "Document")
    PortalDocument = apps.get_model("portal", "PortalDocument")
    ContentType = apps.get_model("contenttypes", "ContentType")
    TaggedItem = apps.get_model("taggit", "TaggedItem")
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    documents = list(Document.objects.order_by("pk"))
    if not documents:
        return
    fields = ("title", "file", "uploaded_by_user_id", "collection_id", "file_size", "file_hash")
    PortalDocument.objects.bulk_create(
        PortalDocument(pk=document.pk, **{name: getattr(document, name) for name in fields}) for document in documents
    )
    for document in documents:  # created_at is auto_now_add: set after the insert
        PortalDocument.objects.filter(pk=document.pk).update(created_at=document.created_at)

    old_type, _ = ContentType.objects.get_or_create(app_label="wagtaildocs", model="document")
    new_type, _ = ContentType.objects.get_or_create(app_label="portal", model="portaldocument")
    TaggedItem.objects.bulk_create(
        TaggedItem(tag_id=item.tag_id, content_type=new_type, object_id=item.object_id)
        for item in TaggedItem.objects.filter(content_type=old_type)
    )
    ReferenceIndex.objects.filter(to_content_type=old_type).update(to_content_type=new_type)

    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [PortalDocument]):
            cursor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0004_portal_document"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailcore", "0098_apitoken"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(copy_documents, migrations.RunPython.noop)]
