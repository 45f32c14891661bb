"""Django's Redis cache, where a Redis that does not answer is a miss (``REDIS_URL``; portal/settings/base.py).

Django's ``RedisCache`` raises when Redis is down, and every page then answered 500. Here a read that fails finds
nothing and a write that fails is dropped, so pages, searches and the API are computed afresh and still come back.
After a failure the process leaves Redis alone for ``CACHE_RETRY_SECONDS`` (no page waits on a dead connection
meanwhile), then tries again; the failure is logged once per such interval, not once per request.

What the outage costs: nothing is shared between processes while it lasts, and an invalidation dropped then is
made up for by the entries' own lifetime (``TIMEOUT``), as Redis restarts empty (it keeps nothing on disk).
"""

import logging
import time

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


class ForgivingRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self.down_until = 0.0

    def attempt(self, operation, *args, fallback=None, **kwargs):
        """``operation`` of Django's Redis cache, or ``fallback`` when Redis is down or just failed."""
        if time.monotonic() < self.down_until:
            return fallback
        try:
            return operation(*args, **kwargs)
        except RedisError as error:
            retry = settings.CACHE_RETRY_SECONDS
            self.down_until = time.monotonic() + retry
            logger.warning("cache unavailable (%s); pages are computed without it, next try in %s s", error, retry)
            return fallback

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self.attempt(super().add, key, value, timeout, version, fallback=False)

    def get(self, key, default=None, version=None):
        return self.attempt(super().get, key, default, version, fallback=default)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self.attempt(super().set, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self.attempt(super().touch, key, timeout, version, fallback=False)

    def delete(self, key, version=None):
        return self.attempt(super().delete, key, version, fallback=False)

    def get_many(self, keys, version=None):
        return self.attempt(super().get_many, keys, version, fallback={})

    def has_key(self, key, version=None):
        return self.attempt(super().has_key, key, version, fallback=False)

    def incr(self, key, delta=1, version=None):
        missing = object()
        value = self.attempt(super().incr, key, delta, version, fallback=missing)
        if value is missing:
            raise ValueError(f"Key '{key}' not found")  # what a caller of incr expects of a key it cannot read
        return value

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self.attempt(super().set_many, data, timeout, version, fallback=list(data))

    def delete_many(self, keys, version=None):
        return self.attempt(super().delete_many, keys, version)

    def clear(self):
        return self.attempt(super().clear, fallback=False)
