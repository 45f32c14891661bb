"""A real varnishd with the portal's VCL (deploy/varnish/portal.vcl) in front of a given backend, for the tests."""

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VCL_DIR = BASE_DIR / "deploy" / "varnish"
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Varnish:
    """varnishd -F on a free loopback port (and a second one speaking the PROXY protocol, to test the PURGE ACL
    with another client address); ``stop()`` ends it."""

    def __init__(self, backend_host, backend_port, vcl=VCL_DIR / "portal.vcl"):
        self.vcl = Path(vcl)
        self.backend_host = backend_host
        self.backend_port = backend_port
        self.port = free_port()
        self.proxy_port = free_port()
        self.tempdir = tempfile.mkdtemp(prefix="portal-varnish-")
        # varnishd compiles the VCL as its own unprivileged user, who may not enter the checkout (a private home
        # folder): the VCL is copied into a folder of its own that this user may read.
        os.chmod(self.tempdir, 0o755)
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout=30):
        Path(self.tempdir, "portal-backend.vcl").write_text(
            f'backend default {{ .host = "{self.backend_host}"; .port = "{self.backend_port}"; }}\n'
        )
        os.chmod(Path(self.tempdir, "portal-backend.vcl"), 0o644)
        shutil.copyfile(self.vcl, Path(self.tempdir, "portal.vcl"))
        os.chmod(Path(self.tempdir, "portal.vcl"), 0o644)
        self.log = open(Path(self.tempdir, "varnishd.log"), "w")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [
                VARNISHD,
                "-F",
                "-n",
                str(Path(self.tempdir, "work")),
                "-a",
                f"127.0.0.1:{self.port}",
                "-a",
                f"127.0.0.1:{self.proxy_port},PROXY",
                "-T",
                "none",
                "-f",
                str(Path(self.tempdir, "portal.vcl")),
                "-p",
                f"vcl_path={self.tempdir}",  # only ours: never the server default in deploy/varnish
                "-s",
                "malloc,64m",
            ],
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"varnishd exited:\n{self.log_text()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return self
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"varnishd did not listen within {timeout} s:\n{self.log_text()}")

    def log_text(self):
        return Path(self.tempdir, "varnishd.log").read_text(errors="replace")

    def ban_everything(self):
        request = urllib.request.Request(self.url + "/", method="PURGE", headers={"X-Purge-Regex": "^/"})
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 - loopback
            assert response.status == 200

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        if self.process is not None:
            self.log.close()
        self.process = None
        shutil.rmtree(self.tempdir, ignore_errors=True)
