"""`make serve` (deploy/serve.sh): production settings on plain HTTP over loopback, behind Varnish.

DEBUG off, WhiteNoise's compressed and fingerprinted static files, the Content-Security-Policy — but no HTTPS
redirect and no secure-only cookies (there is no TLS on 127.0.0.1), a secret key generated once into
var/secret-key.txt when SECRET_KEY is not set, and /media/ served by Django (serving/urls.py) where a server's
front proxy would serve the folder.
"""

import os
import secrets
from pathlib import Path

_KEY_FILE = Path(os.environ.get("SECRET_KEY_FILE", Path(__file__).resolve().parents[2] / "var" / "secret-key.txt"))


def _secret_key():
    try:
        _KEY_FILE.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(_KEY_FILE, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _KEY_FILE.read_text().strip()
    key = secrets.token_urlsafe(64)
    with os.fdopen(descriptor, "w") as key_file:
        key_file.write(key + "\n")
    return key


if len(os.environ.get("SECRET_KEY", "")) < 50:
    os.environ["SECRET_KEY"] = _secret_key()
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")

from .production import *  # noqa: E402, F403
from .production import env  # noqa: E402

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
ROOT_URLCONF = "serving.urls"
# Varnish appends the visitor's address to X-Forwarded-For: login throttling counts that one.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1)
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default=f"http://127.0.0.1:{env.int('PORT', default=8000)}")
