"""What import_projects and import_partners share: arguments, reading the file, the report and the exit status."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.utils.translation import gettext as _

from portal.models import Region, Sector, TargetGroup
from resources.imports import ImportFailed, describe_columns, run_import


class ImportCommand(BaseCommand):
    spec = None
    summary = ""

    def create_parser(self, prog_name, subcommand, **kwargs):
        required, optional = describe_columns(self.spec)
        self.help = (
            f"{self.summary} UTF-8 CSV (with or without BOM, comma- or semicolon-separated), header: {required}; "
            f"optional columns: {optional}. Lists inside a cell are separated by ';'. Rows are matched by "
            "(key, locale): an import updates entries in place, and rows sharing a key in another locale are "
            "translations of each other (the Arabic row is the source). If any row is bad, nothing is written "
            "and each bad row (the header is row 1) and column is reported. "
            f"{self.codes_help()}"
        )
        return super().create_parser(prog_name, subcommand, **kwargs)

    def codes_help(self):
        """The codes cells may use, read from the taxonomy (nothing when the database is not reachable)."""
        try:
            vocabularies = [
                (label, ", ".join(model.objects.values_list("code", flat=True)))
                for label, model in (("sectors", Sector), ("regions", Region), ("target groups", TargetGroup))
            ]
        except DatabaseError:
            return ""
        return "Codes — " + "; ".join(f"{label}: {codes}" for label, codes in vocabularies if codes) + "."

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV file to import")
        parser.add_argument("--dry-run", action="store_true", help="check the file and report, write nothing")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(_("Cannot read %(file)s: %(error)s") % {"file": path, "error": error.strerror}) from None
        # The progress bar goes to standard error, only on a terminal, unless asked not to show it.
        progress = False if options["no_progress"] else (None if sys.stderr.isatty() else False)
        try:
            report = run_import(self.spec, data, dry_run=options["dry_run"], progress=progress)
        except ImportFailed as failure:
            lines = [_("Nothing was imported: %(count)s problem(s) found.") % {"count": len(failure.errors)}]
            lines += [str(error) for error in failure.errors]
            raise CommandError("\n".join(lines)) from None
        self.stdout.write(str(report))
