"""How dates, times and amounts read in Moroccan Arabic and in French.

Arabic uses the month names of CLDR ar_MA as Moroccan institutions write them (شتنبر, not سبتمبر) and
Western digits; French writes "30 septembre 2025". Amounts are in dirhams with grouped thousands.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import get_language

CASABLANCA = ZoneInfo("Africa/Casablanca")
NBSP = "\u00a0"

MONTHS = {
    "ar": ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"],
    "fr": [
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ],
}  # fmt: skip
CURRENCY = {"ar": "درهم", "fr": "DH"}
FILE_SIZE_UNITS = {"ar": ("بايت", "ك.ب", "م.ب"), "fr": ("octets", "ko", "Mo")}
ZONE_LABEL = {"ar": "بتوقيت الدار البيضاء", "fr": "heure de Casablanca"}


def _language(language=None):
    code = (language or get_language() or "ar")[:2]
    return code if code in MONTHS else "ar"


def local(value):
    """A datetime in Africa/Casablanca (aware values are converted; dates pass through)."""
    if isinstance(value, datetime) and timezone.is_aware(value):
        return value.astimezone(CASABLANCA)
    return value


def long_date(value, language=None):
    """23 شتنبر 2025 / 23 septembre 2025."""
    if value is None:
        return ""
    value = local(value)
    lang = _language(language)
    day = "1er" if (lang == "fr" and value.day == 1) else str(value.day)
    return f"{day} {MONTHS[lang][value.month - 1]} {value.year}"


def long_datetime(value, language=None, with_zone=True):
    """30 شتنبر 2025، 23:59 بتوقيت الدار البيضاء / 30 septembre 2025 à 23 h 59 (heure de Casablanca)."""
    if value is None:
        return ""
    value = local(value)
    lang = _language(language)
    joiner = " à " if lang == "fr" else "، "
    text = f"{long_date(value, lang)}{joiner}{_clock(value, lang)}"
    return f"{text} {zone_phrase(lang)}" if with_zone else text


def zone_phrase(language=None):
    """بتوقيت الدار البيضاء / (heure de Casablanca): how a time says it is Casablanca's."""
    lang = _language(language)
    return f"({ZONE_LABEL['fr']})" if lang == "fr" else ZONE_LABEL[lang]


def group_thousands(number):
    return f"{int(number):,}".replace(",", NBSP)


def currency(language=None):
    return CURRENCY[_language(language)]


def file_size_parts(size, language=None):
    """(figure, unit) of a file size as people read it: 597 octets, 245 ko, 1,2 Mo / 245 ك.ب, 1,2 م.ب."""
    units = FILE_SIZE_UNITS[_language(language)]
    size = int(size)
    if size < 1024:
        return str(size), units[0]
    if size < 1024 * 1024:
        return str(round(size / 1024)), units[1]
    megabytes = size / (1024 * 1024)
    figure = f"{megabytes:.1f}".replace(".", ",").removesuffix(",0") if megabytes < 10 else str(round(megabytes))
    return figure, units[2]


def datetime_range(start, end, language=None):
    """An event's time when it starts and ends on the same day in Casablanca, as (date, separator, times, zone):
    ("23 شتنبر 2025", "،", "11:00 – 14:00", "بتوقيت الدار البيضاء"); None when the days differ."""
    lang = _language(language)
    start, end = local(start), local(end)
    if start.date() != end.date():
        return None
    times = f"{_clock(start, lang)} – {_clock(end, lang)}"
    return long_date(start, lang), "," if lang == "fr" else "،", times, zone_phrase(lang)


def _clock(value, lang):
    return f"{value.hour}{NBSP}h{NBSP}{value.minute:02d}" if lang == "fr" else f"{value.hour:02d}:{value.minute:02d}"
