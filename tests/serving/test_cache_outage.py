"""A cache that fails is a miss: with the cache in a real Redis and that Redis stopped, every page, search and API
answer still comes back, the outage is logged once per retry interval, and the cache is used again once Redis is
back (serving/cache.py)."""

import shutil
import socket
import subprocess
import time

import pytest
import redis
from django.core.cache import cache

from tests.programs.conftest import make_call

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    """A redis-server of the test's own, on a free loopback port, keeping nothing on disk."""

    def __init__(self, folder):
        self.folder, self.port = folder, free_port()
        self.process = None

    def start(self):
        command = [REDIS_SERVER, "--bind", "127.0.0.1", "--port", str(self.port), "--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(command, cwd=self.folder, stdout=subprocess.DEVNULL)
        client = redis.Redis(port=self.port)
        for _ in range(100):
            try:
                client.ping()
                return self
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(10)

    def keys(self):
        return redis.Redis(port=self.port).keys("*")


@pytest.fixture
def redis_server(tmp_path):
    if not shutil.which("redis-server") and not shutil.which(REDIS_SERVER):
        pytest.skip("redis-server is missing")
    server = RedisServer(tmp_path).start()
    yield server
    if server.process.poll() is None:
        server.stop()


@pytest.fixture
def redis_cache(redis_server, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "serving.cache.ForgivingRedisCache",
            "LOCATION": f"redis://127.0.0.1:{redis_server.port}/0",
            "KEY_PREFIX": "portal",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    settings.CACHE_RETRY_SECONDS = 60
    yield redis_server
    cache.close()


@pytest.fixture
def site_paths(call_index):
    call = make_call(call_index, title="طلب ترشيح التعاونيات", slug="redis-call")
    return [
        "/ar/",
        call_index.url,
        call.url,
        "/ar/search/?q=تعاونيات",
        "/api/search/?q=تعاونيات",
        "/api/search/autocomplete/?q=تعاون",
        "/sitemap.xml",
    ]


def statuses(client, paths):
    return {path: client.get(path).status_code for path in paths}


def test_pages_come_back_while_redis_is_down_and_the_cache_returns_with_it(client, redis_cache, site_paths, caplog):
    assert set(statuses(client, site_paths).values()) == {200}
    assert redis_cache.keys(), "the pages put nothing in Redis"

    redis_cache.stop()
    with caplog.at_level("WARNING", logger="serving.cache"):
        assert statuses(client, site_paths) == dict.fromkeys(site_paths, 200)
        assert statuses(client, site_paths) == dict.fromkeys(site_paths, 200)
    assert [record.getMessage().startswith("cache unavailable") for record in caplog.records] == [True]

    redis_cache.start()  # empty, as a restarted Redis is
    cache.down_until = 0  # as when the retry interval (CACHE_RETRY_SECONDS) has passed
    assert set(statuses(client, site_paths).values()) == {200}
    assert redis_cache.keys(), "the cache is not used again once Redis is back"


def test_a_write_dropped_or_a_read_missed_says_so_as_django_caches_do(redis_cache):
    cache.set("figure", 3)
    assert cache.get("figure") == 3 and cache.incr("figure") == 4
    redis_cache.stop()
    assert cache.get("figure", "missed") == "missed"  # and from now on Redis is left alone for a while
    assert cache.add("other", 1) is False and cache.get_many(["figure", "other"]) == {}
    assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]  # the keys that were not stored
    with pytest.raises(ValueError):
        cache.incr("figure")
