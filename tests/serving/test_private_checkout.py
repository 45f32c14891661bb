"""Varnish starts from a checkout that only its owner may enter (a clone under /root or a home folder, mode 0700).

varnishd compiles the VCL as its own unprivileged user, who cannot read a file there: the tests' Varnish, like
`make serve` (deploy/serve.sh), hands it a copy in a folder it may read.
"""

import os
import shutil
import urllib.error
import urllib.request

import pytest

from .varnish import VARNISHD, VCL_DIR, Varnish, free_port


def test_varnish_starts_with_the_vcl_of_a_private_checkout(tmp_path):
    if not os.access(VARNISHD, os.X_OK):
        pytest.skip("varnishd is missing: install Debian's varnish (`make test` does it)")
    checkout = tmp_path / "home" / "portal"
    checkout.mkdir(parents=True)
    (tmp_path / "home").chmod(0o700)
    vcl = checkout / "portal.vcl"
    shutil.copyfile(VCL_DIR / "portal.vcl", vcl)
    server = Varnish("127.0.0.1", free_port(), vcl=vcl).start()
    try:
        with pytest.raises(urllib.error.HTTPError) as answer:  # no backend behind it: Varnish itself answers
            urllib.request.urlopen(server.url + "/healthz", timeout=10)  # noqa: S310 - loopback
        assert answer.value.code == 503
    finally:
        server.stop()
