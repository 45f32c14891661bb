# The portal's gunicorn on a server (deploy/systemd/portal-gunicorn.service listens here).
# `make serve` and the tests write their own portal-backend.vcl first in vcl_path.
backend default {
    .host = "127.0.0.1";
    .port = "8001";
    .connect_timeout = 5s;
    .first_byte_timeout = 60s;
}
