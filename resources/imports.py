"""Spreadsheet imports of the project bank and of the funding partner directory, shared by both commands.

A file is UTF-8 CSV (with or without the BOM spreadsheets write), one header row naming the columns. The import
reads the whole file and checks every row first; if any row is bad it writes nothing at all and reports each
bad row and column. Row numbers are those a spreadsheet shows: the header is row 1, the first entry row 2.

Rows are identified by (key, locale): importing again updates the entry in place, and an unchanged row is left
alone (no new revision). Rows that share a key in different locales are translations of each other: the Arabic
row (else the first one) is the source, and the others get its ``translation_key``. Every written entry is saved
through a revision and published, so the admin history shows the import and editors start from the new values.
"""

import csv
import io
import re
import uuid
from collections import defaultdict
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from tqdm import tqdm
from wagtail.log_actions import log
from wagtail.models import Locale, ReferenceIndex
from wagtail.search.index import insert_or_update_object
from wagtail.signal_handlers import disable_reference_index_auto_update

from portal.models import Region, Sector, TargetGroup

from .models import MAX_INVESTMENT_MAD, FundingPartner, PartnerKind, ProjectModel, SupportType, indexing_deferred

KEY_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LIST_SEPARATOR = ";"
# Spaces people type or spreadsheets insert between thousands: space, no-break space, narrow no-break space.
THOUSANDS_SPACES = re.compile(r"[ \u00a0\u202f]")
QUERY_CHUNK = 500


class CellError(ValueError):
    """A cell's value cannot be imported; the message says why, in the active language."""


@dataclass(frozen=True)
class RowError:
    row: int | None  # None: the file as a whole
    column: str
    message: str

    def __str__(self):
        if self.row is None:
            return self.message
        if not self.column:
            return _("Row %(row)s: %(message)s") % {"row": self.row, "message": self.message}
        return _("Row %(row)s, column “%(column)s”: %(message)s") % {
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


class ImportFailed(Exception):
    def __init__(self, errors):
        self.errors = sorted(errors, key=lambda error: (error.row or 0, error.column))
        super().__init__("\n".join(str(error) for error in self.errors))


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    dry_run: bool = False

    def __str__(self):
        summary = _("%(created)s created, %(updated)s updated, %(unchanged)s unchanged.") % {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
        }
        if self.dry_run:
            summary += " " + _("Dry run: nothing was written.")
        return summary


# --- Cell parsers: (raw text, lookups) → value, or CellError -----------------------------------------------


@dataclass
class Lookups:
    """The vocabularies rows refer to, loaded once per import."""

    sector: dict = field(default_factory=dict)
    region: dict = field(default_factory=dict)
    target_group: dict = field(default_factory=dict)
    languages: tuple = ()

    @classmethod
    def load(cls):
        return cls(
            sector={term.code: term for term in Sector.objects.all()},
            region={term.code: term for term in Region.objects.all()},
            target_group={term.code: term for term in TargetGroup.objects.all()},
            languages=tuple(code for code, _name in settings.LANGUAGES),
        )


def text(max_length=None, required=False):
    def parse(raw, lookups):
        value = raw.strip()
        if required and not value:
            raise CellError(_("This value is required."))
        if max_length and len(value) > max_length:
            raise CellError(
                _("At most %(limit)s characters are allowed; this value has %(count)s.")
                % {"limit": max_length, "count": len(value)}
            )
        return value

    return parse


def key(raw, lookups):
    value = raw.strip()
    if not value:
        raise CellError(_("This value is required."))
    if len(value) > 80 or not KEY_PATTERN.match(value):
        raise CellError(
            _(
                "“%(value)s” is not a valid key: use lower-case Latin letters, digits and hyphens, e.g. “argan-oil-souss”."
            )
            % {"value": value[:100]}
        )
    return value


def locale(raw, lookups):
    value = raw.strip().lower()
    if value not in lookups.languages:
        raise CellError(
            _("Unknown locale “%(value)s”; expected one of: %(expected)s.")
            % {"value": raw.strip()[:20], "expected": ", ".join(lookups.languages)}
        )
    return value


TERM_MESSAGES = {
    "sector": gettext_lazy("Unknown sector code “%(codes)s”."),
    "region": gettext_lazy("Unknown region code “%(codes)s”."),
    "target_group": gettext_lazy("Unknown target group code “%(codes)s”."),
}


def term(vocabulary):
    """One taxonomy code, e.g. a project model's sector."""

    def parse(raw, lookups):
        value = raw.strip()
        if not value:
            raise CellError(_("This value is required."))
        try:
            return getattr(lookups, vocabulary)[value]
        except KeyError:
            raise CellError(str(TERM_MESSAGES[vocabulary]) % {"codes": value[:80]}) from None

    return parse


def terms(vocabulary):
    """Taxonomy codes separated by semicolons; empty means none."""

    def parse(raw, lookups):
        known = getattr(lookups, vocabulary)
        codes = list(dict.fromkeys(code.strip() for code in raw.split(LIST_SEPARATOR) if code.strip()))
        unknown = [code for code in codes if code not in known]
        if unknown:
            raise CellError(str(TERM_MESSAGES[vocabulary]) % {"codes": ", ".join(code[:80] for code in unknown)})
        return [known[code] for code in codes]

    return parse


def choice(choices, message):
    def parse(raw, lookups):
        value = raw.strip()
        valid = [code for code, _label in choices]
        if value not in valid:
            raise CellError(str(message) % {"value": value[:80], "expected": ", ".join(valid)})
        return value

    return parse


def choices(choices, message):
    """Choice codes separated by semicolons, kept in the order of the choices."""

    def parse(raw, lookups):
        values = [value.strip() for value in raw.split(LIST_SEPARATOR) if value.strip()]
        valid = [code for code, _label in choices]
        unknown = [value for value in values if value not in valid]
        if unknown:
            raise CellError(str(message) % {"value": ", ".join(v[:80] for v in unknown), "expected": ", ".join(valid)})
        return [code for code in valid if code in values]

    return parse


def whole_number(maximum):
    """A whole, non-negative number; empty means unknown. Thousands may be grouped with spaces (450 000)."""

    def parse(raw, lookups):
        value = THOUSANDS_SPACES.sub("", raw.strip())
        if not value:
            return None
        if value.startswith("-") and value[1:].isdigit():
            raise CellError(_("“%(value)s” is negative; a positive whole number is expected.") % {"value": raw.strip()})
        if not (value.isascii() and value.isdigit()):
            raise CellError(_("“%(value)s” is not a whole number.") % {"value": raw.strip()[:40]})
        number = int(value)
        if number > maximum:
            raise CellError(
                _("%(value)s is more than the maximum, %(maximum)s.") % {"value": number, "maximum": maximum}
            )
        return number

    return parse


def url(raw, lookups):
    value = raw.strip()
    if value:
        try:
            URLValidator(schemes=["http", "https"])(value)
        except ValidationError:
            raise CellError(_("“%(value)s” is not a valid web address.") % {"value": value[:200]}) from None
    return value


def email(raw, lookups):
    value = raw.strip()
    if value:
        try:
            validate_email(value)
        except ValidationError:
            raise CellError(_("“%(value)s” is not a valid e-mail address.") % {"value": value[:200]}) from None
    return value


# --- What each import reads -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    name: str
    parse: Callable
    required: bool = True  # the header must name it; optional columns, when absent, leave the field as it is
    attribute: str = ""  # the model attribute it sets (default: the column name)
    many: bool = False  # a many-to-many relation

    @property
    def target(self):
        return self.attribute or self.name


@dataclass(frozen=True)
class ImportSpec:
    model: type
    columns: tuple

    @property
    def header(self):
        return [column.name for column in self.columns]

    @property
    def required_header(self):
        return [column.name for column in self.columns if column.required]


def _project_columns():
    return (
        Column("key", key),
        Column("locale", locale),
        Column("title", text(255, required=True)),
        Column("summary", text(600)),
        Column("description", text()),
        Column("sector", term("sector")),
        Column("regions", terms("region"), many=True),
        Column("target_groups", terms("target_group"), many=True),
        Column("investment_mad", whole_number(MAX_INVESTMENT_MAD)),
        Column("jobs_expected", whole_number(10_000_000)),
        Column("minimum_members", whole_number(100_000), required=False),
        Column(
            "source",
            choice(
                ProjectModel._meta.get_field("source").choices,
                gettext_lazy("Unknown source “%(value)s”; expected one of: %(expected)s."),
            ),
            required=False,
        ),
        Column("source_detail", text(200), required=False),
        Column("activities", text(), required=False),
        Column("market", text(), required=False),
        Column("resources", text(), required=False),
        Column("revenue", text(), required=False),
        Column("risks", text(), required=False),
    )


def _partner_columns():
    return (
        Column("key", key),
        Column("locale", locale),
        Column("name", text(200, required=True)),
        Column(
            "kind",
            choice(PartnerKind.choices, gettext_lazy("Unknown kind “%(value)s”; expected one of: %(expected)s.")),
        ),
        Column(
            "support_types",
            choices(
                SupportType.choices, gettext_lazy("Unknown support type “%(value)s”; expected one of: %(expected)s.")
            ),
        ),
        Column("sectors", terms("sector"), many=True),
        Column("regions", terms("region"), many=True),
        Column("website", url),
        Column("email", email),
        Column("phone", text(40)),
        Column("description", text()),
        Column("acronym", text(30), required=False),
        Column("address", text(400), required=False),
    )


PROJECTS = ImportSpec(model=ProjectModel, columns=_project_columns())
PARTNERS = ImportSpec(model=FundingPartner, columns=_partner_columns())


# --- Reading and checking --------------------------------------------------------------------------------------


@dataclass
class Row:
    number: int
    key: str
    locale: str
    values: dict  # attribute → parsed value


def read_rows(spec, data, lookups):
    """Parse ``data`` (bytes) into Rows; raise ImportFailed listing every problem found."""
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFailed(
            [RowError(None, "", _("The file is not UTF-8 text (byte %(position)s).") % {"position": error.start})]
        ) from None
    first_line = content.split("\n", 1)[0]
    # Spreadsheets set to French write CSV with semicolons; the header (no commas or semicolons in names) tells.
    delimiter = ";" if ";" in first_line and "," not in first_line else ","
    try:
        records = list(csv.reader(io.StringIO(content, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as error:
        raise ImportFailed([RowError(None, "", _("The file is not valid CSV: %(error)s") % {"error": error})]) from None
    if not records or not any(cell.strip() for cell in records[0]):
        raise ImportFailed([RowError(None, "", _("The file is empty: the first row must name the columns."))])

    header = [name.strip().lower() for name in records[0]]
    errors = _check_header(spec, header)
    if errors:
        raise ImportFailed(errors)
    columns = {column.name: column for column in spec.columns}

    rows, seen = [], {}
    for number, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue  # blank lines, often at the end of a spreadsheet export
        if len(record) != len(header):
            errors.append(
                RowError(
                    number,
                    "",
                    _("%(found)s values where the header names %(expected)s columns.")
                    % {"found": len(record), "expected": len(header)},
                )
            )
            continue
        values, row_errors = {}, []
        for name, raw in zip(header, record, strict=True):
            column = columns[name]
            try:
                values[column.target] = column.parse(raw, lookups)
            except CellError as error:
                row_errors.append(RowError(number, name, str(error)))
        errors.extend(row_errors)
        if "key" in values and "locale" in values:
            identity = (values["key"], values["locale"])
            if identity in seen:
                errors.append(
                    RowError(
                        number,
                        "key",
                        _("The key “%(key)s” with locale “%(locale)s” already appears on row %(row)s.")
                        % {"key": identity[0], "locale": identity[1], "row": seen[identity]},
                    )
                )
            else:
                seen[identity] = number
        if not row_errors:
            rows.append(Row(number, values.pop("key"), values.pop("locale"), values))
    if errors:
        raise ImportFailed(errors)
    return rows


def _check_header(spec, header):
    errors = []
    known = set(spec.header)
    for position, name in enumerate(header):
        if name not in known:
            errors.append(
                RowError(
                    1, name, _("Unknown column. Expected columns: %(columns)s.") % {"columns": ", ".join(spec.header)}
                )
            )
        elif name in header[:position]:
            errors.append(RowError(1, name, _("This column appears twice.")))
    for name in spec.required_header:
        if name not in header:
            errors.append(RowError(1, name, _("This column is missing.")))
    return errors


# --- Planning and writing ----------------------------------------------------------------------------------------


@dataclass
class Change:
    row: Row
    entry: object  # the existing entry, or None for a new one
    translation_key: uuid.UUID
    changed: bool


def _existing_entries(spec, keys):
    """Entries with any of ``keys``, in any locale, with the relations the file sets, by (key, language code)."""
    found = {}
    targets = {column.target for column in spec.columns}
    fields = [spec.model._meta.get_field(name) for name in targets if name not in ("key", "locale")]
    many = [f.name for f in fields if f.many_to_many]
    single = [f.name for f in fields if f.many_to_one]
    keys = sorted(keys)
    for start in range(0, len(keys), QUERY_CHUNK):
        chunk = spec.model.objects.filter(key__in=keys[start : start + QUERY_CHUNK])
        for entry in chunk.select_related("locale", *single).prefetch_related(*many):
            found[(entry.key, entry.locale.language_code)] = entry
    return found


def _differs(entry, values):
    for attribute, value in values.items():
        current = getattr(entry, attribute)
        if entry._meta.get_field(attribute).many_to_many:
            if {term.pk for term in current.all()} != {term.pk for term in value}:
                return True
        elif current != value:
            return True
    return False


def plan(spec, rows):
    """What importing ``rows`` would do, checking the links between languages; raises ImportFailed."""
    existing = _existing_entries(spec, {row.key for row in rows})
    languages = [code for code, _name in settings.LANGUAGES]
    by_key = defaultdict(list)
    for row in rows:
        by_key[row.key].append(row)

    changes, errors = [], []
    for entry_key, group in by_key.items():
        # The source language's row first: its entry's translation key becomes the group's.
        group.sort(key=lambda row: (row.locale != languages[0], row.number))
        current = [existing.get((entry_key, code)) for code in languages]
        owners = [entry for entry in current if entry is not None]
        source = existing.get((entry_key, group[0].locale))
        if source is not None:
            translation_key = source.translation_key
        else:
            translation_key = owners[0].translation_key if owners else uuid.uuid4()
        for row in group:
            entry = existing.get((entry_key, row.locale))
            clash = None
            if owners and (entry is None or entry.translation_key != translation_key):
                clash = (
                    spec.model.objects.filter(translation_key=translation_key, locale__language_code=row.locale)
                    .exclude(key=entry_key)
                    .first()
                )
            if clash is not None:
                errors.append(
                    RowError(
                        row.number,
                        "key",
                        _("“%(other)s” (key “%(other_key)s”) is already the translation of this key in this language.")
                        % {"other": clash, "other_key": clash.key},
                    )
                )
                continue
            changed = (
                entry is None
                or not entry.live
                or entry.translation_key != translation_key
                or _differs(entry, row.values)
            )
            changes.append(Change(row, entry, translation_key, changed))
    if errors:
        raise ImportFailed(errors)
    return changes


@contextmanager
def _indexed_once():
    """Index each written entry once, at the end, instead of at each of the saves a publication makes.

    Yields the list to which the caller appends the entries it writes.
    """
    written = []
    with indexing_deferred(), disable_reference_index_auto_update():
        yield written
    for entry in written:
        insert_or_update_object(entry)
        ReferenceIndex.create_or_update_for_object(entry)


def write(spec, changes, progress=None, prepare=None):
    """Create or update every changed entry, through a revision that is published. One transaction.

    ``prepare(entry)``, when given, completes each entry before it is saved (the demo gives partners their logos)."""
    locales = {}
    rows = tqdm(changes, disable=progress is False, desc=str(spec.model._meta.verbose_name_plural), unit="row")
    with transaction.atomic(), _indexed_once() as written:
        for change in rows:
            if not change.changed:
                continue
            row = change.row
            if row.locale not in locales:
                locales[row.locale], _created = Locale.objects.get_or_create(language_code=row.locale)
            entry = change.entry or spec.model(key=row.key, locale=locales[row.locale])
            for attribute, value in row.values.items():
                setattr(entry, attribute, value)
            entry.translation_key = change.translation_key
            entry.live = True
            if prepare is not None:
                prepare(entry)
            entry.save()
            if change.entry is None:
                log(instance=entry, action="wagtail.create")
            entry.save_revision(log_action=change.entry is not None).publish()
            written.append(entry)


def run_import(spec, data, dry_run=False, progress=None):
    """Check ``data`` (CSV bytes), then write it unless ``dry_run``. Returns an ImportReport; raises ImportFailed."""
    rows = read_rows(spec, data, Lookups.load())
    changes = plan(spec, rows)
    report = ImportReport(dry_run=dry_run)
    for change in changes:
        if change.entry is None:
            report.created += 1
        elif change.changed:
            report.updated += 1
        else:
            report.unchanged += 1
    if not dry_run:
        write(spec, changes, progress=progress)
    return report


def describe_columns(spec):
    """The columns for a command's help: required first, then optional ones."""
    required = ",".join(spec.required_header)
    optional = ",".join(column.name for column in spec.columns if not column.required)
    return required, optional
