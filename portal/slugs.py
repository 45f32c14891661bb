"""URL slugs as the portal makes them, for pages and snippet entries alike: Arabic letters kept, accents of Latin
ones dropped (“Unité” → “unite”), and -2, -3… when a sibling already has one."""

import unicodedata

from django.utils.text import slugify


def slug_for(text):
    """A URL slug that keeps Arabic letters and drops the accents of Latin ones (“Unité” → “unite”)."""
    folded = "".join(
        "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        if char < "\u0250" or "\u1e00" <= char <= "\u1eff"
        else char
        for char in text
    )
    return slugify(folded, allow_unicode=True)


def first_free(siblings, base, field="slug"):
    """``base``, or ``base-2``, ``base-3``… whichever none of ``siblings`` (a queryset) has in ``field``."""
    taken = set(siblings.filter(**{f"{field}__startswith": base}).values_list(field, flat=True))
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate
