"""The admin as an editor meets it in Chromium: a user of one role, in one admin language, logged in.

Users are made in the served portal's own database (tests/browser/server.py) through ``manage.py shell``, once
per run and role; ``admin_context`` gives a browser context logged in as that user.
"""

import json

from editorial.roles import EDITORS

PASSWORD = "browser-test-password-123"

MAKE_USER = """
import json
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile
spec = json.loads({spec!r})
User = get_user_model()
user, _ = User.objects.get_or_create(username=spec["username"])
user.first_name, user.last_name, user.email = spec["first_name"], spec["last_name"], spec["email"]
user.is_superuser = user.is_staff = spec["superuser"]
user.set_password(spec["password"])
user.save()
if spec["group"]:
    user.groups.set([Group.objects.get(name=spec["group"])])
profile = UserProfile.get_for_user(user)
profile.preferred_language = spec["language"]
profile.save()
"""


def ensure_user(portal, username, group=EDITORS, language="ar", superuser=False):
    """A user of the served portal in ``group`` (a role of editorial.roles) whose admin speaks ``language``."""
    made = portal.__dict__.setdefault("admin_users", set())
    if username not in made:
        spec = {
            "username": username,
            "group": group,
            "language": language,
            "superuser": superuser,
            "password": PASSWORD,
            "first_name": "سلمى",
            "last_name": "الإدريسي",
            "email": f"{username}@example.ma",
        }
        portal.manage("shell", "-c", MAKE_USER.format(spec=json.dumps(spec)))
        made.add(username)
    return username


def log_in(page, username):
    """Log in through the admin's own form; the page ends on the dashboard."""
    page.goto("/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/admin/")
    return page


def admin_context(browser, portal, username, **options):
    """A new browser context logged in as ``username`` (made with ``ensure_user``); the caller closes it."""
    context = browser.new_context(base_url=portal.url, **options)
    context.set_default_timeout(15_000)
    page = context.new_page()
    log_in(page, username)
    page.close()
    return context
