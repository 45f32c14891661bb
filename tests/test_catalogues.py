"""Interface strings: every message of our templates and code is translated in both catalogues."""

from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_catalogue_is_complete(language):
    catalogue = polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))
    assert len(catalogue) > 50
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == [] and fuzzy == []


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_catalogue_is_compiled(language):
    compiled = ROOT / "locale" / language / "LC_MESSAGES" / "django.mo"
    assert compiled.exists(), "run `make messages` (make setup does)"
    assert compiled.stat().st_mtime >= (compiled.with_suffix(".po")).stat().st_mtime
