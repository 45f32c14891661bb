"""manage.py import_projects FILE.csv [--dry-run] — the project bank from a spreadsheet."""

from resources.imports import PROJECTS

from ._import_command import ImportCommand


class Command(ImportCommand):
    spec = PROJECTS
    summary = "Import project models (the project bank) from a spreadsheet."
