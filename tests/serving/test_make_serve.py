"""`make serve`'s script (deploy/serve.sh) starts Varnish and gunicorn, serves through the cache, and stops both
on Ctrl-C, leaving no process behind."""

import os
import re
import shlex
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
import requests

from .varnish import BASE_DIR, VARNISHD, free_port

UNSET = ("DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL", "DJANGO_SETTINGS_MODULE", "FRONTEND_CACHE_URL", "DEBUG")


def descendants(pid):
    """Every process under ``pid`` (from /proc), so that only the script's own processes are looked at."""
    found, todo = set(), [pid]
    while todo:
        parent = todo.pop()
        for task in Path(f"/proc/{parent}/task").glob("*"):
            try:
                children = (task / "children").read_text().split()
            except OSError:
                continue
            for child in map(int, children):
                if child not in found:
                    found.add(child)
                    todo.append(child)
    return found


def alive(pid):
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def server_parameters():
    """varnishd's options in deploy/varnish/varnishd.env, split into words as the shell and systemd do."""
    text = (BASE_DIR / "deploy" / "varnish" / "varnishd.env").read_text()
    return shlex.split(re.search(r"^VARNISHD_PARAMS=(.*)$", text, re.MULTILINE).group(1))


def test_the_systemd_unit_reads_the_same_parameters():
    unit = (BASE_DIR / "deploy" / "systemd" / "portal-varnish.service").read_text()
    assert "EnvironmentFile=/etc/varnish/portal/varnishd.env" in unit
    assert re.search(r"^ExecStart=/usr/sbin/varnishd (.*\\\n)*.*\$VARNISHD_PARAMS$", unit, re.MULTILINE)
    assert "deploy/varnish/varnishd.env /etc/varnish/portal/" in unit  # the install step copies it


@pytest.fixture
def private_tmp():
    """A folder the varnish user can read (pytest's tmp_path sits in a private one)."""
    path = Path(tempfile.mkdtemp(prefix="portal-serve-"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def served(private_tmp):
    tmp_path = private_tmp
    if not os.access(VARNISHD, os.X_OK):
        pytest.skip("varnishd is missing: install Debian's varnish (apt-get install varnish; `make test` does it)")
    database = tmp_path / "portal.sqlite3"
    demo = BASE_DIR / "db.sqlite3"
    if demo.exists():  # the demo database of `make setup`, copied consistently: migrate then has little to do
        with sqlite3.connect(demo) as source, sqlite3.connect(database) as target:
            source.backup(target)
    port = free_port()
    environ = {name: value for name, value in os.environ.items() if name not in UNSET}
    environ.update(
        PORT=str(port),
        SERVE_DIR=str(tmp_path / "serve"),
        DATABASE_URL=f"sqlite:///{database}",
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
        SECRET_KEY_FILE=str(tmp_path / "secret-key.txt"),
        WEB_CONCURRENCY="2",
        VARNISH_MEMORY="32m",
    )
    log = open(tmp_path / "serve.log", "w")  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        [str(BASE_DIR / "deploy" / "serve.sh")], cwd=BASE_DIR, env=environ, stdout=log, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    try:
        while time.monotonic() < deadline:
            assert process.poll() is None, (tmp_path / "serve.log").read_text()
            try:
                if requests.get(url + "/healthz", timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                time.sleep(0.5)
        else:
            pytest.fail("make serve did not answer:\n" + (tmp_path / "serve.log").read_text())
        yield process, url, tmp_path
    finally:
        if process.poll() is None:
            children = descendants(process.pid)
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)
            for pid in children:  # nothing must be left, but never leave our own mess either
                if alive(pid):
                    os.kill(pid, signal.SIGKILL)
        log.close()


def test_serves_through_varnish_and_stops_everything_on_ctrl_c(served):
    process, url, tmp_path = served
    redirect = requests.get(url + "/", allow_redirects=False, timeout=10)
    assert redirect.status_code == 302 and redirect.headers["X-Cache"] == "PASS"
    first = requests.get(url + "/ar/", timeout=10)
    assert first.status_code == 200, (tmp_path / "serve.log").read_text()
    assert first.headers["Server"] == "gunicorn"
    second = requests.get(url + "/ar/", timeout=10)
    assert second.headers["X-Cache"] == "HIT"
    assert "Strict-Transport-Security" not in first.headers  # plain HTTP on loopback
    # Static files: fingerprinted, compressed and immutable (WhiteNoise), whatever is in front.
    stylesheet = re.search(r'href="(/static/css/portal\.[0-9a-f]{12}\.css)"', first.text)
    assert stylesheet, "no fingerprinted stylesheet in the page"
    css = requests.get(url + stylesheet.group(1), headers={"Accept-Encoding": "gzip"}, timeout=10)
    assert css.status_code == 200 and "immutable" in css.headers["Cache-Control"]
    assert css.headers.get("Content-Encoding") == "gzip"

    children = descendants(process.pid)
    commands = [Path(f"/proc/{pid}/cmdline").read_bytes().decode().split("\0") for pid in children]
    names = {command[0].rsplit("/", 1)[-1] for command in commands}
    assert "varnishd" in names and any("python" in name for name in names)
    # Varnish runs with the server's parameters (deploy/varnish/varnishd.env), as the systemd unit does.
    parameters = server_parameters()
    assert parameters and all(
        " ".join(parameters) in " ".join(command) for command in commands if command[0].endswith("varnishd")
    )
    process.send_signal(signal.SIGINT)
    process.wait(timeout=60)  # gunicorn's graceful timeout is 10 s; a loaded machine (CI) may need more
    time.sleep(0.5)
    assert [pid for pid in children if alive(pid)] == []
    with pytest.raises(requests.ConnectionError):
        requests.get(url + "/ar/", timeout=2)
