#!/usr/bin/env bash
# HTTP throughput and latency of the portal as `make serve` runs it, beside a static file server serving the
# very same bytes, on this machine, loopback only. Prints figures; never pass/fail.
#
#   benchmarks/http_bench.sh                       # 10 s per run, 16 connections, 2 rounds
#   SECONDS_PER_RUN=5 ROUNDS=1 CONNECTIONS=16 PORT=8300 benchmarks/http_bench.sh
#
# For each page (home, calls listing, a call, the project bank listing, a search), in Arabic:
#   static    nginx on 127.0.0.1:PORT+2 serving the page Varnish delivers, byte for byte (gzip, as asked);
#   cached    the portal through its accelerator (Varnish, 127.0.0.1:PORT), the page already in the cache;
#   uncached  straight to gunicorn (127.0.0.1:PORT+1), every request rendered by Django (not compressed).
# Every request says Accept-Encoding: gzip, as browsers do.
# Runs alternate (static, cached, uncached for one page, then the next page; ROUNDS times over), so that a
# change in the machine's load falls on all three alike. wrk (Debian) makes the load with 2 threads; the
# machine has 2 cores, shared by wrk, the servers and the database.
# At the end it prints the resident memory of each gunicorn worker (ps RSS).
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-8300}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-10}"
CONNECTIONS="${CONNECTIONS:-16}"
ROUNDS="${ROUNDS:-2}"
PY=.venv/bin/python
WORK="$(mktemp -d /tmp/http_bench.XXXXXX)"
CACHE_PORT=$PORT
APP_PORT=$((PORT + 1))
STATIC_PORT=$((PORT + 2))

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || need+=(nginx-light)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

pids=()
cleanup() {
  # make serve runs in its own process group: Ctrl-C to the group, as from a terminal.
  for pid in "${pids[@]}"; do kill -INT -- "-$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# The portal as in production: gunicorn behind Varnish (make serve); gunicorn's own port is PORT+1.
PORT=$CACHE_PORT BACKEND_PORT=$APP_PORT setsid make --no-print-directory serve >"$WORK/serve.log" 2>&1 &
pids+=($!)
for _ in $(seq 240); do
  curl -fs -o /dev/null "http://127.0.0.1:$CACHE_PORT/healthz" && curl -fs -o /dev/null "http://127.0.0.1:$APP_PORT/healthz" && break
  sleep 0.5
done
curl -fs -o /dev/null "http://127.0.0.1:$CACHE_PORT/healthz" || { echo "make serve did not start:"; tail -30 "$WORK/serve.log"; exit 1; }

# The pages: one of each kind, from the database `make serve` uses.
declare -A urls
while IFS=$'\t' read -r name path; do urls[$name]=$path; done < <($PY benchmarks/page_urls.py)
pages=(home calls call projects search)
declare -A paths=(
  [home]="${urls[ar-homepage]}"
  [calls]="${urls[ar-callindexpage]}"
  [call]="${urls[ar-callpage]}"
  [projects]="${urls[ar-projectbankpage]}"
  [search]="$($PY -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe="/?=&%"))' "${urls[ar-search]}")"
)

# Every request asks for gzip, as browsers do. nginx serves, byte for byte, the compressed page that Varnish
# delivers (gzip_static: the .gz file as it is); gunicorn itself does not compress, Varnish does.
mkdir -p "$WORK/html"
for page in "${pages[@]}"; do
  curl -fsS -H "Accept-Encoding: gzip" -o "$WORK/html/$page.html.gz" "http://127.0.0.1:$CACHE_PORT${paths[$page]}"
  curl -fsS -H "Accept-Encoding: gzip" -o "$WORK/html/$page.html.gz" "http://127.0.0.1:$CACHE_PORT${paths[$page]}"
  gzip -t "$WORK/html/$page.html.gz"
  curl -fsS -o "$WORK/html/$page.html" "http://127.0.0.1:$APP_PORT${paths[$page]}"
done
chmod -R a+rX "$WORK"  # nginx's workers run as www-data
cat >"$WORK/nginx.conf" <<EOF
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  keepalive_requests 100000;
  gzip_static on;
  server {
    listen 127.0.0.1:$STATIC_PORT;
    root $WORK/html;
    default_type "text/html; charset=utf-8";
  }
}
EOF
nginx -c "$WORK/nginx.conf"

# wrk's summary → "requests/s p50_ms p99_ms errors"
run_wrk() {
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -H "Accept-Encoding: gzip" "$1" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) }
    /Requests\/sec/ { rps = $2 }
    /Non-2xx or 3xx/ { errors += $NF }
    /Socket errors/ { gsub(",", ""); errors += $4 + $6 + $8 + $10 }
    END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, errors }'
}

declare -A best
printf '%-9s %-9s %6s %12s %9s %9s %7s\n' page server bytes requests/s "p50 ms" "p99 ms" errors
for round in $(seq "$ROUNDS"); do
  for page in "${pages[@]}"; do
    curl -fs -o /dev/null "http://127.0.0.1:$CACHE_PORT${paths[$page]}"  # into the cache
    for server in static cached uncached; do
      case $server in
        static) url="http://127.0.0.1:$STATIC_PORT/$page.html" bytes=$(stat -c %s "$WORK/html/$page.html.gz") ;;
        cached) url="http://127.0.0.1:$CACHE_PORT${paths[$page]}" bytes=$(stat -c %s "$WORK/html/$page.html.gz") ;;
        uncached) url="http://127.0.0.1:$APP_PORT${paths[$page]}" bytes=$(stat -c %s "$WORK/html/$page.html") ;;
      esac
      read -r rps p50 p99 errors < <(run_wrk "$url")
      printf '%-9s %-9s %6s %12s %9s %9s %7s   (round %s)\n' "$page" "$server" "$bytes" "$rps" "$p50" "$p99" "$errors" "$round"
      key="$page/$server"
      # the best round of each, as the figures a quiet machine gives
      if [ -z "${best[$key]:-}" ] || [ "${rps%.*}" -gt "$(cut -d' ' -f1 <<<"${best[$key]}")" ]; then
        best[$key]="$rps $p50 $p99 $errors"
      fi
    done
  done
done

echo
echo "best round of each (requests/s, p50/p99 ms, errors) and the ratio portal/static of requests/s:"
printf '%-9s %26s %26s %26s %8s %8s\n' page static cached uncached cached× uncached×
for page in "${pages[@]}"; do
  read -r srps s50 s99 serr <<<"${best[$page/static]}"
  read -r crps c50 c99 cerr <<<"${best[$page/cached]}"
  read -r urps u50 u99 uerr <<<"${best[$page/uncached]}"
  printf '%-9s %10s %6s/%-7s %2s %10s %6s/%-7s %2s %10s %6s/%-7s %2s %8.3f %8.4f\n' "$page" \
    "$srps" "$s50" "$s99" "$serr" "$crps" "$c50" "$c99" "$cerr" "$urps" "$u50" "$u99" "$uerr" \
    "$(awk "BEGIN { print $crps / $srps }")" "$(awk "BEGIN { print $urps / $srps }")"
done

echo
echo "gunicorn workers after the runs (resident memory):"
workers=0
for pid in $(pgrep -f "gunicorn" || true); do
  parent=$(ps -o ppid= -p "$pid" | tr -d ' ')
  if ps -o args= -p "$parent" | grep -q gunicorn; then
    ps -o pid=,rss= -p "$pid" | awk '{ printf "  worker %s: %.1f MiB\n", $1, $2 / 1024 }'
    workers=$((workers + 1))
  fi
done
[ "$workers" -gt 0 ] || echo "  (no gunicorn worker found)"
