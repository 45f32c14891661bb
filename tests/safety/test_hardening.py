"""Hardening that a visitor or an attacker would notice: the admin's own host, CSRF on every form, no secret
in the repository."""

import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import PageViewRestriction

from tests.conftest import make_standard_page

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("path", ["/admin/", "/admin/login/", "/admin/pages/", "/django-admin/"])
def test_admin_answers_404_on_any_host_but_its_own(client, db, settings, path):
    settings.ADMIN_HOST = "admin.portail.example.ma"
    settings.ALLOWED_HOSTS = ["portail.example.ma", "admin.portail.example.ma"]
    assert client.get(path, HTTP_HOST="portail.example.ma").status_code == 404
    assert client.post(path, {"username": "x"}, HTTP_HOST="portail.example.ma").status_code == 404


def test_admin_works_on_its_own_host_and_public_pages_everywhere(client, home, settings):
    settings.ADMIN_HOST = "admin.portail.example.ma"
    settings.ALLOWED_HOSTS = ["portail.example.ma", "admin.portail.example.ma"]
    assert client.get("/admin/login/", HTTP_HOST="admin.portail.example.ma").status_code == 200
    assert client.get("/admin/login/", HTTP_HOST="admin.portail.example.ma:8443").status_code == 200
    assert client.get("/ar/", HTTP_HOST="portail.example.ma").status_code == 200
    assert client.get("/ar/search/?q=x", HTTP_HOST="portail.example.ma").status_code == 200


def test_without_admin_host_the_admin_answers_on_every_allowed_host(client, db, settings):
    settings.ADMIN_HOST = ""
    assert client.get("/admin/login/").status_code == 200


def test_admin_login_refuses_a_post_without_csrf_token(db):
    get_user_model().objects.create_user("amina", password="a-long-password-1", is_superuser=True)
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "amina", "password": "a-long-password-1"})
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session
    # With the token from the form it works: the refusal above was the missing token, nothing else.
    page = client.get("/admin/login/")
    token = BeautifulSoup(page.content, "html.parser").find("input", {"name": "csrfmiddlewaretoken"})["value"]
    response = client.post(
        "/admin/login/", {"username": "amina", "password": "a-long-password-1", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302


def post_forms(html):
    return [
        form for form in BeautifulSoup(html, "html.parser").find_all("form") if form.get("method", "").lower() == "post"
    ]


def test_every_post_form_on_public_pages_carries_a_csrf_token(client, about_pages):
    arabic, french = about_pages
    # The one public POST form Wagtail can show: the password of a page with restricted access.
    PageViewRestriction.objects.create(page=arabic, restriction_type="password", password="secret-code-1")
    # And Wagtail's front-end login for private pages.
    urls = ["/ar/", "/fr/", arabic.url, french.url, "/ar/search/?q=تعاونية", "/fr/search/?q=coop", "/ar/_util/login/"]
    forms_seen = 0
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        for form in post_forms(response.content):
            forms_seen += 1
            assert form.find("input", {"name": "csrfmiddlewaretoken"}), f"{url}: {form}"
    assert forms_seen >= 2  # the page password form and the front-end login
    # The password form refuses a post without the token.
    page = client.get(arabic.url)
    action = post_forms(page.content)[0]["action"]
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(action, {"password": "secret-code-1", "return_url": arabic.url}).status_code == 403


def test_public_get_forms_are_the_only_other_forms(client, home):
    make_standard_page(home, "صفحة", "صفحة")
    for url in ["/ar/", "/ar/search/?q=x"]:
        for form in BeautifulSoup(client.get(url).content, "html.parser").find_all("form"):
            assert form.get("method", "get").lower() in {"get", "post"}


# What a secret looks like in a tracked file. The test settings' key is named for what it is and allowed.
SECRET_PATTERNS = {
    "private key": re.compile(r"-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP )?PRIVATE KEY-----"),
    "SECRET_KEY literal": re.compile(r"""SECRET_KEY\s*=\s*["'](?P<value>[^"']{8,})["']"""),
    "password literal": re.compile(r"""(?i)\b(?:password|passwd|pwd)\s*[=:]\s*["'](?P<value>[^"'\s]{8,})["']"""),
    "credentials in a URL": re.compile(r"[a-z+]+://[^\s:/@\"'`]+:(?P<value>[^\s@\"'`…]{6,})@[\w.-]+"),
    "AWS access key": re.compile(r"AKIA[0-9A-Z]{16}"),
    "token": re.compile(r"(?:ghp|gho|github_pat|glpat|xox[bap])_[A-Za-z0-9_]{20,}"),
}
# Values a reader can see are not secrets: test and development keys, test passwords, documentation examples
# and placeholders ("secret", a shell substitution such as "$(python -c …)").
ALLOWED_VALUES = re.compile(
    r"(?i)test|dev-only|example|dummy|not-secret|a-long-password|secret-code|wrong|password|^secret$|^\$[({]"
)


def tracked_text_files():
    names = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout.split(b"\0")
    for name in filter(None, names):
        path = ROOT / name.decode()
        if path.is_file() and path.suffix not in {".png", ".jpg", ".webp", ".mo", ".pdf", ".ico", ".woff2"}:
            try:
                yield path, path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue


def find_secrets(files, root=ROOT):
    found = []
    for path, text in files:
        for kind, pattern in SECRET_PATTERNS.items():
            for match in pattern.finditer(text):
                value = match.groupdict().get("value") or match.group(0)
                if not ALLOWED_VALUES.search(value):
                    found.append(f"{path.relative_to(root)}: {kind}: {match.group(0)[:60]}")
    return found


def test_no_secret_in_the_repository():
    assert find_secrets(tracked_text_files()) == []


def test_the_secret_scan_finds_a_planted_secret(tmp_path):
    planted = tmp_path / "leak.py"
    # Assembled at run time, so this tracked file holds no secret-looking line itself.
    planted.write_text(
        "SECRET_" + 'KEY = "k8#f2!x9zq-real-looking-value-0123456789"\n'
        "-----BEGIN RSA " + "PRIVATE KEY-----\n"
        "DATABASE_URL=postgres://portal:" + "Zr8qkT2vL9@db.internal:5432/portal\n"
    )
    kinds = {line.split(": ")[1] for line in find_secrets([(planted, planted.read_text())], root=tmp_path)}
    assert kinds == {"SECRET_KEY literal", "private key", "credentials in a URL"}


def test_production_adds_the_admin_host_and_still_passes_check_deploy():
    from tests.portal.test_settings import PRODUCTION_ENV, manage, run_django

    env = {**PRODUCTION_ENV, "ADMIN_HOST": "admin.portail.example.ma"}
    code = "from django.conf import settings as s; print(s.ALLOWED_HOSTS[-1], s.WAGTAILADMIN_BASE_URL, s.ADMIN_HOST)"
    result = run_django("portal.settings.production", code, **env)
    assert result.stdout.split() == [
        "admin.portail.example.ma",
        "https://admin.portail.example.ma",
        "admin.portail.example.ma",
    ]
    result = manage("portal.settings.production", "check", "--deploy", "--fail-level", "WARNING", **env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
