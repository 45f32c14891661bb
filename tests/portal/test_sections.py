"""The core knows section apps only through the registry: it imports none of them and runs without each."""

import ast
import os
import subprocess
import sys
import types
import uuid
from pathlib import Path

import pytest
from django.test import override_settings
from django.urls import clear_url_caches, path
from wagtail import hooks

from portal import sections
from portal.sections import CrossLinks, HomeBlock, Section

ROOT = Path(__file__).resolve().parents[2]
CORE_PACKAGES = ["portal", "home", "search", "editorial", "safety", "serving"]
SECTION_APPS = ["programs", "resources"]


def _imported_modules(source_file):
    tree = ast.parse(source_file.read_text(), filename=str(source_file))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def test_core_imports_no_section_app():
    offenders = []
    for package in CORE_PACKAGES:
        for source_file in (ROOT / package).rglob("*.py"):
            for module in _imported_modules(source_file):
                if module.split(".")[0] in SECTION_APPS:
                    offenders.append(f"{source_file.relative_to(ROOT)} imports {module}")
    assert offenders == []


def test_installed_sections_register_themselves(settings):
    names = [s.name for s in sections.installed_sections()]
    assert names == ["pages", *settings.PORTAL_SECTIONS]
    assert settings.DEFAULT_SECTIONS == ("programs", "resources")


def _sample_json(request):
    from django.http import JsonResponse

    return JsonResponse({"sample": True})


def _sample_feed(request):
    from django.http import HttpResponse

    return HttpResponse("feed", content_type="application/rss+xml")


SAMPLE = Section(
    name="sample",
    label="Sample",
    order=50,
    search_types={"sample": "home.StandardPage"},
    facets=("sector", "colour"),
    home_blocks=[
        HomeBlock(template="sections_test/home_block.html", get_context=lambda request, page: {"greeting": "مرحبا"}),
        HomeBlock(template="sections_test/home_block.html", get_context=lambda request, page: None),
    ],
    cross_links=[lambda obj, request: CrossLinks(title="Related", links=[("Open call", "/ar/calls/1/")])],
    urlpatterns=[path("sample-feed/", _sample_feed, name="sample_feed")],
    api_urlpatterns=[path("sample/", _sample_json, name="sample")],
)


@pytest.fixture
def sample_section(settings):
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "DIRS": [*engine["DIRS"], Path(__file__).parent / "templates"]}]
    with hooks.register_temporarily(sections.HOOK_NAME, lambda: SAMPLE):
        yield SAMPLE


def test_registry_merges_what_a_section_contributes(sample_section, db):
    from home.models import StandardPage

    assert sections.search_types()["sample"] is StandardPage
    assert sections.search_types()["page"] is StandardPage
    assert sections.facets() == ["sector", "region", "target_group", "colour"]
    assert [group.title for group in sections.cross_links(object(), None)] == ["Related"]


def test_home_page_shows_section_blocks(client, sample_section, home):
    html = client.get("/ar/").content.decode()
    assert html.count('class="sample-block"') == 1  # the block whose context is None is hidden
    assert "مرحبا" in html


def test_section_urls_are_mounted_under_language_and_api(client, sample_section, home):
    import portal.urls

    urlconf = types.ModuleType("sample_urls")
    urlconf.urlpatterns = portal.urls.build_urlpatterns()
    clear_url_caches()
    try:
        with override_settings(ROOT_URLCONF=urlconf):
            assert client.get("/api/sample/").json() == {"sample": True}
            assert client.get("/fr/sample-feed/").content == b"feed"
            assert client.get("/ar/sample-feed/").status_code == 200
    finally:
        clear_url_caches()


VARIANT_SCRIPT = """
import django
django.setup()
from django.core.management import call_command
call_command("check", fail_level="WARNING")
call_command("migrate", interactive=False, verbosity=0)
from django.test import Client
from portal import sections
client = Client()
print("sections", ",".join(s.name for s in sections.installed_sections()))
for url in ("/ar/", "/fr/search/?q=test", "/ar/search/?q=%D8%AA%D8%B9%D8%A7%D9%88%D9%86%D9%8A%D8%A9"):
    print(url, client.get(url).status_code)
"""


@pytest.fixture
def variant_database_url(tmp_path):
    """A fresh, empty database on the backend this run uses: SQLite, or PostgreSQL when DATABASE_URL names it."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{tmp_path / 'variant.sqlite3'}"
        return
    import psycopg

    name = f"portal_variant_{uuid.uuid4().hex[:8]}"
    server = url.rsplit("/", 1)[0]
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{server}/{name}"
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.parametrize(
    ("sections_env", "expected"), [("resources", "pages,resources"), ("programs", "pages,programs")]
)
def test_portal_runs_without_a_section(variant_database_url, sections_env, expected):
    environment = dict(os.environ)
    environment.update(
        DJANGO_SETTINGS_MODULE="portal.settings.test",
        PORTAL_SECTIONS=sections_env,
        DATABASE_URL=variant_database_url,
    )
    result = subprocess.run(
        [sys.executable, "-c", VARIANT_SCRIPT], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-3000:]
    lines = result.stdout.strip().splitlines()
    assert "System check identified no issues (0 silenced)." in lines
    start = lines.index(f"sections {expected}")
    assert [line.rsplit(" ", 1)[1] for line in lines[start + 1 :]] == ["200", "200", "200"]
