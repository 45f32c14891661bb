"""Browser tests: Playwright drives Debian's Chromium against the portal served by the test run (server.py).

They never touch the Django test database: the served portal has its own SQLite file with the demo content.
"""

import os

import pytest
from playwright.sync_api import sync_playwright

from editorial.roles import EDITORS

from .server import launch_chromium, served_portal

ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"


@pytest.fixture(scope="package")
def portal():
    """The running portal (tests/browser/server.py): prepared once for the browser tests, stopped after them."""
    with served_portal() as server:
        yield server


@pytest.fixture(scope="package")
def browser(portal):
    """Chromium, launched after the portal (whose server is forked before Playwright starts any thread).

    Playwright's sync API runs an event loop in this thread, and Django refuses its ORM while one runs: allowed
    for as long as the browser is up only, so that later tests and their subprocesses (check --deploy rejects
    the variable) never see it.
    """
    previous = os.environ.get(ASYNC_UNSAFE)
    os.environ[ASYNC_UNSAFE] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = launch_chromium(playwright)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop(ASYNC_UNSAFE, None)
        else:
            os.environ[ASYNC_UNSAFE] = previous


@pytest.fixture
def context(browser, portal):
    context = browser.new_context(base_url=portal.url, accept_downloads=True)
    context.set_default_timeout(15_000)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """A failed browser test shows the end of the served portal's log (tracebacks of any 500)."""
    report = yield
    server = item.funcargs.get("portal") if hasattr(item, "funcargs") else None
    if report.failed and server is not None and server.log_path.exists():
        report.sections.append(("portal server log", server.log_tail()))
    return report


@pytest.fixture
def arabic_editor(browser, portal):
    """A page of the admin, logged in as a non-superuser Editor whose admin speaks Arabic."""
    from .admin import admin_context, ensure_user

    context = admin_context(browser, portal, ensure_user(portal, "editor-ar", group=EDITORS, language="ar"))
    yield context.new_page()
    context.close()
