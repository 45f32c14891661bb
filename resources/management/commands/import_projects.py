"""manage.py import_projects FILE.csv [--dry-run] — the project bank from a spreadsheet."""

from resources.imports import PROJECTS

from ._import_command import ImportCommand


class Command(ImportCommand):
    spec = PROJECTS
    summary = (
        "Import project models (the project bank) from a spreadsheet. source is one of study, ideathon, field, "
        "programme, other; empty regions mean the model suits every region; amounts are whole dirhams (450000 "
        "or 450 000)."
    )
