"""manage.py restore ARCHIVE [--force]: the site exactly as a `backup` archive holds it."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from safety.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore an archive made by `manage.py backup`: check it whole (format, member names, SHA-256 checksums, "
        "migrations), then in one transaction replace every row of the database with the archive's, write the "
        "media files and rebuild the search index. Run `migrate` on the new database first. A database that "
        "already holds accounts, documents, images or pages is refused unless --force is given. A damaged or "
        "foreign archive changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="the .tar.gz archive written by `manage.py backup`")
        parser.add_argument("--force", action="store_true", help="replace the content of a database that is not empty")
        parser.add_argument(
            "--skip-index", action="store_true", help="do not rebuild the search index (run update_index later)"
        )

    def handle(self, *args, **options):
        try:
            manifest = restore_backup(
                options["archive"], force=options["force"], rebuild_index=not options["skip_index"]
            )
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from None
        files = sum(1 for name in manifest["checksums"] if name.startswith("media/"))
        self.stdout.write(
            _("Restored %(path)s (made %(created)s): %(rows)s rows, %(files)s media files.")
            % {
                "path": options["archive"],
                "created": manifest.get("created", "?"),
                "rows": sum(manifest["models"].values()),
                "files": files,
            }
        )
