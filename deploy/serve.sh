#!/usr/bin/env bash
# `make serve`: the portal as in production on http://127.0.0.1:$PORT — Varnish (deploy/varnish/portal.vcl) in
# front of gunicorn on a free loopback port, DEBUG off, compressed and fingerprinted static files
# (portal/settings/serve.py), Wagtail purging Varnish on every publish. Ctrl-C stops both.
#
#   PORT                 Varnish's port (default 8000)
#   BACKEND_PORT         gunicorn's loopback port (default: a free one)
#   WEB_CONCURRENCY      gunicorn workers (default cores + 1: with a local database and cache a worker waits on
#                        nothing, and more workers only take turns on the cores)
#   VARNISH_MEMORY       Varnish's cache size (default 256m)
#   VARNISHD_PARAMS      varnishd's -p options (default: deploy/varnish/varnishd.env, as on a server)
#   DATABASE_URL, REDIS_URL, SECRET_KEY …  as in the README's configuration table
#   SERVE_DIR            Varnish's work folder, VCL and backend definition (default var/serve; a folder under /tmp,
#                        removed on exit, when the checkout is private to its owner)
#   ACCESS_LOG=1         gunicorn logs every request it serves (Varnish's hits never reach it)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY=${PY:-$ROOT/.venv/bin/python}
PORT=${PORT:-8000}
SERVE_DIR=$(realpath -m "${SERVE_DIR:-var/serve}")
# varnishd compiles the VCL as its own unprivileged user, who cannot enter a private checkout (a clone under /root
# or a home folder, mode 0700): its files then go to a folder of their own under /tmp.
if [ "$(id -u)" = 0 ] && id varnish >/dev/null 2>&1 && ! runuser -u varnish -- test -x "$(dirname "$SERVE_DIR")"; then
  SERVE_DIR=$(mktemp -d /tmp/portal-serve.XXXXXX)
  TEMPORARY_SERVE_DIR=$SERVE_DIR
fi
WORKERS=${WEB_CONCURRENCY:-$(($(nproc) + 1))}
export DJANGO_SETTINGS_MODULE=${SERVE_SETTINGS:-portal.settings.serve}
export FRONTEND_CACHE_URL="http://127.0.0.1:$PORT"
export PORT PYTHONUNBUFFERED=1

VARNISHD=$(command -v varnishd || echo /usr/sbin/varnishd)
if [ ! -x "$VARNISHD" ]; then
  echo "Installing Varnish (Debian package varnish)…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish >/dev/null
  VARNISHD=$(command -v varnishd || echo /usr/sbin/varnishd)
fi
# Debian starts a system-wide varnish.service on installation; ours is separate (its own -n folder and port).

BACKEND_PORT=${BACKEND_PORT:-$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}

"$PY" manage.py migrate --noinput -v0
"$PY" manage.py collectstatic --noinput -v0

# varnishd compiles the VCL as its own unprivileged user: the folder and files must be readable by it.
mkdir -p "$SERVE_DIR"
chmod 755 "$SERVE_DIR"
printf 'backend default {\n    .host = "127.0.0.1";\n    .port = "%s";\n    .first_byte_timeout = 60s;\n}\n' \
  "$BACKEND_PORT" >"$SERVE_DIR/portal-backend.vcl"
chmod 644 "$SERVE_DIR/portal-backend.vcl"
cp "$ROOT/deploy/varnish/portal.vcl" "$SERVE_DIR/portal.vcl"
chmod 644 "$SERVE_DIR/portal.vcl"
if [ "$(id -u)" = 0 ] && id varnish >/dev/null 2>&1; then
  for file in "$SERVE_DIR/portal-backend.vcl" "$SERVE_DIR/portal.vcl"; do
    runuser -u varnish -- test -r "$file" || {
      echo "$file is not readable by the varnish user (a parent folder is private): set SERVE_DIR elsewhere." >&2
      exit 1
    }
  done
fi

pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -z "${TEMPORARY_SERVE_DIR:-}" ] || rm -rf "$TEMPORARY_SERVE_DIR"
  echo "Stopped."
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"$PY" -m gunicorn portal.wsgi:application --bind "127.0.0.1:$BACKEND_PORT" --workers "$WORKERS" \
  ${ACCESS_LOG:+--access-logfile -} --error-logfile - --log-level warning --graceful-timeout 10 &
pids+=($!)
for _ in $(seq 100); do
  if "$PY" -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$BACKEND_PORT/healthz', timeout=1)" \
    2>/dev/null; then break; fi
  kill -0 "${pids[0]}" 2>/dev/null || { echo "gunicorn did not start" >&2; exit 1; }
  sleep 0.2
done

# The server's parameters (deploy/varnish/varnishd.env), unless VARNISHD_PARAMS is set; split into words as systemd does.
[ -n "${VARNISHD_PARAMS+set}" ] || . "$ROOT/deploy/varnish/varnishd.env"
# shellcheck disable=SC2086
"$VARNISHD" -F -n "$SERVE_DIR/varnish" -a "127.0.0.1:$PORT" -f "$SERVE_DIR/portal.vcl" \
  -p "vcl_path=$SERVE_DIR" -s "malloc,${VARNISH_MEMORY:-256m}" $VARNISHD_PARAMS &
pids+=($!)

echo "Serving on http://127.0.0.1:$PORT (Varnish) → gunicorn on 127.0.0.1:$BACKEND_PORT with $WORKERS workers. Ctrl-C stops."
# Until Ctrl-C, or until either process ends (then the other is stopped too).
wait -n "${pids[@]}"
