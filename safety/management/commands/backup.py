"""manage.py backup [ARCHIVE]: the database and every uploaded file in one .tar.gz archive."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from safety.backup import BackupError, create_backup, default_archive_path


class Command(BaseCommand):
    help = (
        "Write the whole site — every database row (content types and permissions included; not sessions, "
        "login-throttling records or the search index) and every file under MEDIA_ROOT — to one .tar.gz archive "
        "with a manifest of row counts and SHA-256 checksums. Restore it with `manage.py restore ARCHIVE`."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "archive", nargs="?", help=f"where to write the archive (default: {default_archive_path().parent}/…)"
        )

    def handle(self, *args, **options):
        path = options["archive"] or default_archive_path()
        try:
            manifest = create_backup(path)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from None
        rows = sum(manifest["models"].values())
        files = sum(1 for name in manifest["checksums"] if name.startswith("media/"))
        self.stdout.write(
            _("Backup written to %(path)s: %(rows)s rows of %(tables)s tables, %(files)s media files.")
            % {"path": path, "rows": rows, "tables": len(manifest["models"]), "files": files}
        )
