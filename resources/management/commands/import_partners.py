"""manage.py import_partners FILE.csv [--dry-run] — the funding partner directory from a spreadsheet."""

from resources.imports import PARTNERS

from ._import_command import ImportCommand


class Command(ImportCommand):
    spec = PARTNERS
    summary = (
        "Import funding partners from a spreadsheet. kind is one of agency, international, regional-council, "
        "chamber, bank, foundation; support_types uses grant, loan, equipment, training, coaching; empty sectors "
        "or regions mean every sector or the whole country."
    )
