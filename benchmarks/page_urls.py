"""One public address per page type and language on the demo database, for the screenshot loop.

Prints "name<TAB>path" lines: every Wagtail page type, a funding partner and a project model (routable entries),
search results, a listing with a filter, and a missing page (404).
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

import django  # noqa: E402

django.setup()

from django.apps import apps  # noqa: E402
from django.utils.text import slugify  # noqa: E402
from wagtail.models import Page  # noqa: E402

SEARCHES = {"ar": "تعاونية", "fr": "coopérative"}


def main():
    seen = {}
    for page in Page.objects.live().specific().filter(depth__gte=2).order_by("path"):
        language = page.locale.language_code
        name = f"{language}-{slugify(type(page).__name__)}"
        if name not in seen:
            seen[name] = page.url
        if type(page).__name__ == "CallIndexPage":
            seen.setdefault(f"{language}-callindexpage-filtered", page.url + "?status=open")
    for label, model_name in (("fundingpartner", "FundingPartner"), ("projectmodel", "ProjectModel")):
        if not apps.is_installed("resources"):
            break
        model = apps.get_model("resources", model_name)
        for entry in model.objects.live().select_related("locale").order_by("pk"):
            url = entry.url
            if url:
                seen.setdefault(f"{entry.locale.language_code}-{label}", url)
    for language, query in SEARCHES.items():
        seen[f"{language}-search"] = f"/{language}/search/?q={query}"
        seen[f"{language}-404"] = f"/{language}/no-such-page/"
    for name in sorted(seen):
        print(f"{name}\t{seen[name]}")


if __name__ == "__main__":
    main()
