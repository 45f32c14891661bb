"""The portal as a visitor's browser meets it, for the browser tests and benchmarks/page_weight.py.

A SQLite database of its own with the demo content, static files collected (fingerprinted and compressed by
WhiteNoise) and production settings with DEBUG off (tests/browser/settings.py), served on a free loopback
port; and Debian's Chromium (/usr/bin/chromium, never a downloaded browser) launched by Playwright.
"""

import ctypes
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE_SCRIPT = BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
# Variables of the calling environment that would point the served portal at another database or service.
UNSET = (
    "DATABASE_URL",
    "REDIS_URL",
    "ELASTICSEARCH_URL",
    "DJANGO_SETTINGS_MODULE",
    "PORTAL_SECTIONS",
    "DEBUG",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
)


def launch_chromium(playwright, **options):
    if not os.access(CHROMIUM, os.X_OK):
        raise RuntimeError(f"{CHROMIUM} is missing: install Debian's chromium and chromium-driver (make browser-deps).")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, **options)


def _die_with_parent():
    """In the server's process: end it when the test run that started it dies (Linux), so none is left behind."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PortalServer:
    """``prepare()`` builds the database and static files in ``workdir``; ``start()`` serves them; ``stop()``."""

    def __init__(self, workdir):
        self.workdir = Path(workdir)
        self.port = free_port()
        self.process = None
        self.log_path = self.workdir / "server.log"
        self.environ = {name: value for name, value in os.environ.items() if name not in UNSET}
        self.environ.update(
            DJANGO_SETTINGS_MODULE="tests.browser.settings",
            DATABASE_URL=f"sqlite:///{self.workdir / 'browser.sqlite3'}",
            STATIC_ROOT=str(self.workdir / "static"),
            MEDIA_ROOT=str(self.workdir / "media"),
            SECRET_KEY=secrets.token_urlsafe(64),
            ALLOWED_HOSTS="127.0.0.1",
            WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{self.port}",
            PYTHONUNBUFFERED="1",
        )

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    @property
    def host(self):
        return f"127.0.0.1:{self.port}"

    def manage(self, *args):
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=BASE_DIR,
            env=self.environ,
            capture_output=True,
            text=True,
            timeout=600,
        )
        if result.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def prepare(self):
        self.manage("compile_catalogues", "--verbosity", "0")
        self.manage("migrate", "--noinput")
        self.manage("load_demo")
        self.manage("collectstatic", "--noinput", "--verbosity", "0")

    def start(self, timeout=60):
        self.log = open(self.log_path, "w")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", "--skip-checks", self.host],
            cwd=BASE_DIR,
            env=self.environ,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            preexec_fn=_die_with_parent,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the portal server exited:\n{self.log_path.read_text()}")
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"the portal server did not answer within {timeout} s")

    def log_tail(self, lines=60):
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process:
            self.log.close()
        self.process = None


class served_portal:
    """Context manager: a prepared, running portal in a temporary directory, removed afterwards."""

    def __enter__(self):
        self.tempdir = tempfile.TemporaryDirectory(prefix="portal-browser-")
        self.server = PortalServer(self.tempdir.name)
        try:
            self.server.prepare()
            self.server.start()
        except BaseException:
            self.server.stop()
            self.tempdir.cleanup()
            raise
        return self.server

    def __exit__(self, *exc):
        self.server.stop()
        self.tempdir.cleanup()
