"""A real Varnish with deploy/varnish/portal.vcl in front of the Django test server, and the pages the tests change.

The test server (pytest-django's ``live_server``) reads the test database in its own thread: the tests use
``transaction=True`` (with ``serialized_rollback``, so the data migrations' rows come back for the next test).
"""

import os

import pytest
import requests

from tests.programs.conftest import add, make_call
from tests.programs.conftest import call_index as call_index  # noqa: F401 - fixture used by the tests
from tests.resources.conftest import french_project_bank as french_project_bank  # noqa: F401
from tests.resources.conftest import partner_directory as partner_directory  # noqa: F401
from tests.resources.conftest import project_bank as project_bank  # noqa: F401

from .varnish import VARNISHD, Varnish

__all__ = ["add", "make_call"]


@pytest.fixture(scope="session")
def varnish_server(live_server):
    if not os.access(VARNISHD, os.X_OK):
        pytest.skip("varnishd is missing: install Debian's varnish (apt-get install varnish; `make test` does it)")
    port = int(live_server.url.rsplit(":", 1)[1])
    server = Varnish("127.0.0.1", port).start()
    yield server
    server.stop()


@pytest.fixture
def varnish(varnish_server, settings):
    """Varnish with an empty cache, and Wagtail purging it."""
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "serving.purge.VarnishBackend", "LOCATION": varnish_server.url}
    }
    varnish_server.ban_everything()
    return varnish_server


class Through:
    """GETs through Varnish (or straight to Django) without keeping cookies, like an anonymous visitor."""

    def __init__(self, base):
        self.base = base

    def get(self, path, **headers):
        return requests.get(self.base + path, headers=headers, allow_redirects=False, timeout=30)

    def request(self, method, path, **kwargs):
        return requests.request(method, self.base + path, allow_redirects=False, timeout=30, **kwargs)

    def hit_after_miss(self, path):
        """Fetch twice; the second answer must come from the cache."""
        first = self.get(path)
        second = self.get(path)
        return first, second


@pytest.fixture
def proxy(varnish):
    return Through(varnish.url)


@pytest.fixture
def django_server(live_server):
    return Through(live_server.url)
