"""One archive holds the whole site — the database and every uploaded file — and restores it exactly.

An archive is a .tar.gz with three parts:
- ``manifest.json``: format and version, when and from which database it was made, the migrations applied,
  the number of rows of each model and the SHA-256 of every other member;
- ``database.json``: every row of every model (Django's JSON serialization, primary keys kept), content types
  and permissions included, so a restored database is the same row for row;
- ``media/…``: every file under MEDIA_ROOT (documents, images, renditions).

Left out, because they are rebuilt or are not worth keeping: sessions, login-throttling records and the search
index (``restore`` runs ``update_index``).

Restoring checks the whole archive first (format, checksums, member names, migrations) and then, in one
transaction, empties the database and loads the archive's rows; the media files are written last, and a failure
at any step before the commit leaves the database as it was.
"""

import hashlib
import io
import json
import os
import shutil
import tarfile
import tempfile
import zlib
from collections import Counter
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail_localize import models as localize

from serving import generation

FORMAT = "cooperative-portal-backup"
VERSION = 1
MANIFEST = "manifest.json"
DATABASE = "database.json"
MEDIA_PREFIX = "media/"
EXCLUDED_APPS = {"sessions", "axes"}
# Derived state, made again after a restore: the search index (update_index) and the content generation token
# (a new one, so that every worker drops what it cached of the content before).
EXCLUDED_MODELS = {
    "wagtailsearch.indexentry",
    "wagtailsearch.sqliteftsindexentry",
    "portal_search.indexedobject",
    "portal_search.indexedterm",
    "portal.contentgeneration",
}


class BackupError(Exception):
    """A clear reason why an archive cannot be made or restored."""


def backed_up_models():
    """Every concrete model whose rows go into the archive, in a stable order."""
    models = []
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy or not meta.managed or meta.app_label in EXCLUDED_APPS:
            continue
        if meta.label_lower in EXCLUDED_MODELS:
            continue
        models.append(model)
    return sorted(models, key=lambda model: model._meta.label_lower)


def applied_migrations():
    return sorted(f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations())


def model_counts():
    return {model._meta.label_lower: model._base_manager.count() for model in backed_up_models()}


def media_files(root):
    root = Path(root)
    if not root.is_dir():
        return []
    return sorted(path for path in root.rglob("*") if path.is_file() and not path.is_symlink())


def sha256_of(fileobj):
    digest = hashlib.sha256()
    for chunk in iter(lambda: fileobj.read(1 << 20), b""):
        digest.update(chunk)
    return digest.hexdigest()


def default_archive_path():
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    return Path(settings.BASE_DIR) / "var" / "backups" / f"portal-{stamp}.tar.gz"


def create_backup(path=None):
    """Write the archive to ``path`` (a new file; the default is var/backups/portal-<time>.tar.gz).

    Returns the manifest. The archive appears under its name only once complete.
    """
    path = Path(path) if path else default_archive_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="portal-backup-") as work:
        dump = Path(work) / DATABASE
        # One transaction, so the rows counted are the rows dumped (on PostgreSQL, a consistent snapshot).
        already_in_transaction = connection.in_atomic_block
        with transaction.atomic():
            if connection.vendor == "postgresql" and not already_in_transaction:
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            counts = model_counts()
            call_command(
                "dumpdata",
                *(model._meta.label for model in backed_up_models()),
                all=True,
                output=str(dump),
                verbosity=0,
            )
            migrations = applied_migrations()
        with dump.open("rb") as handle:
            checksums = {DATABASE: sha256_of(handle)}
        files = media_files(media_root)
        for file in files:
            with file.open("rb") as handle:
                checksums[MEDIA_PREFIX + file.relative_to(media_root).as_posix()] = sha256_of(handle)
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created": timezone.now().isoformat(),
            "database_vendor": connection.vendor,
            "migrations": migrations,
            "models": counts,
            "checksums": checksums,
        }
        partial = path.with_name(path.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            data = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime = len(data), int(timezone.now().timestamp())
            archive.addfile(info, io.BytesIO(data))
            archive.add(dump, arcname=DATABASE, recursive=False)
            for file in files:
                archive.add(file, arcname=MEDIA_PREFIX + file.relative_to(media_root).as_posix(), recursive=False)
        os.replace(partial, path)
    return manifest


def safe_member_name(name):
    """True for the names an archive of ours contains: no absolute path, no "..", nothing outside its parts."""
    pure = PurePosixPath(name)
    if pure.is_absolute() or ".." in pure.parts or name != pure.as_posix():
        return False
    return name in {MANIFEST, DATABASE} or (name.startswith(MEDIA_PREFIX) and len(pure.parts) > 1)


@contextmanager
def unpacked(path):
    """Check the archive at ``path`` whole and unpack it into a temporary folder; yields (folder, manifest)."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(_("No backup archive at %(path)s.") % {"path": path})
    not_ours = BackupError(_("%(path)s is not a backup archive of this portal.") % {"path": path})
    with tempfile.TemporaryDirectory(prefix="portal-restore-") as work:
        folder = Path(work)
        try:
            with tarfile.open(path, "r:gz") as archive:
                members = archive.getmembers()
                names = [member.name for member in members]
                if MANIFEST not in names:
                    raise not_ours
                repeated = {name for name, count in Counter(names).items() if count > 1}
                for member in members:
                    if not member.isfile() or not safe_member_name(member.name) or member.name in repeated:
                        raise BackupError(
                            _("The archive holds an unexpected entry (%(name)s): it was not made by this portal.")
                            % {"name": member.name}
                        )
                    target = folder / member.name
                    target.parent.mkdir(parents=True, exist_ok=True)
                    with archive.extractfile(member) as source, target.open("wb") as out:
                        shutil.copyfileobj(source, out)
        except (tarfile.TarError, EOFError, OSError, ValueError, zlib.error) as error:
            if isinstance(error, OSError) and error.errno:
                raise  # a real input/output error (disk full…), not a bad archive
            raise not_ours from error
        try:
            manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as error:
            raise not_ours from error
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise not_ours
        if manifest.get("version") != VERSION:
            raise BackupError(
                _("This archive has format version %(found)s; this portal restores version %(expected)s.")
                % {"found": manifest.get("version"), "expected": VERSION}
            )
        checksums = manifest.get("checksums") or {}
        present = {name for name in names if name != MANIFEST}
        if present != set(checksums) or DATABASE not in present:
            raise BackupError(_("The archive is incomplete or has extra files: it cannot be trusted."))
        for name, expected in sorted(checksums.items()):
            with (folder / name).open("rb") as handle:
                if sha256_of(handle) != expected:
                    raise BackupError(
                        _("The archive is damaged: %(name)s does not match its checksum.") % {"name": name}
                    )
        yield folder, manifest


def database_holds_content():
    """True once the database has more than a fresh ``migrate`` gives it: any account, document, image or page
    beyond Wagtail's root and first page."""

    return (
        get_user_model().objects.exists()
        or get_document_model().objects.exists()
        or get_image_model().objects.exists()
        or Page.objects.count() > 2
    )


def empty_database():
    """Every table emptied (``flush``), nothing recreated: the archive brings its own content types."""
    if connection.vendor == "postgresql":
        # PostgreSQL refuses to TRUNCATE a table with deferred foreign-key checks still pending in the transaction.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


@contextmanager
def fixture_loading():
    """Signal handlers that act on every save, even a fixture's raw one, kept quiet while rows load: they would
    sync translation trees or rewrite page titles from rows that are not all there yet."""

    quiet = [
        (localize.sync_trees_on_locale_sync_save, localize.LocaleSynchronization),
        (localize.post_save_string_translation, localize.StringTranslation),
    ]
    for handler, sender in quiet:
        post_save.disconnect(handler, sender=sender)
    try:
        yield
    finally:
        for handler, sender in quiet:
            post_save.connect(handler, sender=sender)


def restore_backup(path, force=False, rebuild_index=True):
    """Replace the database's rows and the media files with the archive's. Returns the manifest."""
    with unpacked(path) as (folder, manifest):
        missing = sorted(set(manifest.get("migrations", [])) - set(applied_migrations()))
        if missing:
            raise BackupError(
                _(
                    "The archive comes from a newer version of the portal (migrations not applied here: "
                    "%(migrations)s). Update the code and run migrate first."
                )
                % {"migrations": ", ".join(missing[:5]) + ("…" if len(missing) > 5 else "")}
            )
        if not force and database_holds_content():
            raise BackupError(
                _(
                    "The database already holds content (accounts, documents, images or pages). Restore into a "
                    "new database, or add --force to replace everything in this one."
                )
            )
        with transaction.atomic():
            empty_database()
            ContentType.objects.clear_cache()
            try:
                with fixture_loading():
                    call_command("loaddata", str(folder / DATABASE), verbosity=0)
            except Exception as error:  # noqa: BLE001 — any failure to load means nothing may change
                raise BackupError(
                    _("The archive's data could not be loaded into this database: %(error)s") % {"error": error}
                ) from error
            counts = model_counts()
            expected = manifest.get("models", {})
            different = sorted(label for label in expected if counts.get(label) != expected[label])
            if different:
                raise BackupError(
                    _("After loading, these tables do not have the archive's number of rows: %(tables)s.")
                    % {"tables": ", ".join(different)}
                )
            write_media(folder, manifest)
            generation.bump()
        ContentType.objects.clear_cache()
        cache.clear()
    if rebuild_index:
        call_command("update_index", verbosity=0)
    return manifest


def write_media(folder, manifest):
    media_root = Path(settings.MEDIA_ROOT)
    for name in sorted(manifest["checksums"]):
        if not name.startswith(MEDIA_PREFIX):
            continue
        target = media_root / name[len(MEDIA_PREFIX) :]
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".restoring")
        shutil.copyfile(folder / name, partial)
        os.replace(partial, target)
