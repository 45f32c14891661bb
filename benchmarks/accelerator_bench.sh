#!/usr/bin/env bash
# The accelerator beside the static ceiling: the gzipped Arabic home page, already cached, served by
#   nginx-static    nginx (Debian's nginx-light) serving the very bytes Varnish delivers as a static file (gzip_static);
#   varnish-before  Varnish with the VCL and varnishd parameters of BASELINE (git ref: the configuration before tuning);
#   varnish         Varnish as `make serve` runs it (deploy/varnish/portal.vcl, deploy/varnish/varnishd.env);
#   nginx-cache     a candidate: nginx proxy_cache in front of the same gunicorn, the same cache rules as the VCL
#                   (gzip made once per miss by an inner nginx server), purge left out (see benchmarks/README.md).
# For each, in the same run: requests/s, p99 and errors (wrk -t2 -c16, Accept-Encoding: gzip), and the CPU time the
# server spent per 10,000 requests: utime + stime from /proc/<pid>/stat of its processes (threads included, every
# descendant summed) before and after the wrk run. Servers on CPU 0, wrk on CPU 1 (PIN=0: no pinning). ROUNDS runs
# of each, the order rotated every round; prints every run, then the medians and the ratios to nginx-static
# (median of the ratios of the same round). Prints figures; never pass/fail.
#
#   benchmarks/accelerator_bench.sh
#   ROUNDS=3 SECONDS_PER_RUN=10 CONNECTIONS=16 PORT=8500 PIN=1 BASELINE=25648ed benchmarks/accelerator_bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-8500}"
ROUNDS="${ROUNDS:-3}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-10}"
CONNECTIONS="${CONNECTIONS:-16}"
PIN="${PIN:-1}"
# The last commit before the accelerator was tuned (issue 16, point 3).
BASELINE="${BASELINE:-25648ed}"
PY=.venv/bin/python
CACHE_PORT=$PORT APP_PORT=$((PORT + 1)) STATIC_PORT=$((PORT + 2)) BEFORE_PORT=$((PORT + 3)) CANDIDATE_PORT=$((PORT + 4))
INNER_PORT=$((PORT + 5))
WORK="$(mktemp -d /tmp/accelerator_bench.XXXXXX)"
chmod 755 "$WORK"  # varnishd's and nginx's unprivileged users read their files here
[ "$(nproc)" -ge 2 ] || PIN=0
SERVER_CPUS=0 LOAD_CPUS=1
pinned() { if [ "$PIN" = 1 ]; then taskset -c "$1" "${@:2}"; else "${@:2}"; fi; }

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || need+=(nginx-light)
command -v varnishd >/dev/null || test -x /usr/sbin/varnishd || need+=(varnish)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
VARNISHD=$(command -v varnishd || echo /usr/sbin/varnishd)

pids=()
cleanup() {
  # make serve and varnishd run in process groups of their own: Ctrl-C / TERM to each group.
  for pid in "${pids[@]}"; do kill -INT -- "-$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  for conf in static candidate; do
    [ -f "$WORK/$conf.pid" ] && kill "$(cat "$WORK/$conf.pid")" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

# cpu_ticks PID: utime + stime (clock ticks) of PID and every process below it, all threads included.
cpu_ticks() {
  # a process may end between the glob and its read: cat then fails, and what it read is enough
  { cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk -v root="$1" '
    { pid = $1; rest = $0; sub(/^.*\) /, "", rest); split(rest, f, " "); parent[pid] = f[2]; ticks[pid] = f[12] + f[13] }
    END {
      keep[root] = 1
      for (changed = 1; changed;) { changed = 0; for (p in parent) if (!(p in keep) && (parent[p] in keep)) { keep[p] = 1; changed = 1 } }
      for (p in keep) total += ticks[p]; print total + 0
    }'
}
# pin_tree PID: every thread of PID and of the processes below it on the servers' CPU (new threads inherit it).
pin_tree() {
  [ "$PIN" = 1 ] || return 0
  local pid
  for pid in "$1" $(pgrep -P "$1" || true); do taskset -a -p -c "$SERVER_CPUS" "$pid" >/dev/null; done
}
wait_for() { for _ in $(seq 240); do curl -fs -o /dev/null "$1" && return 0; sleep 0.5; done; return 1; }

# The portal as `make serve` runs it: Varnish on PORT, gunicorn on PORT+1.
PORT=$CACHE_PORT BACKEND_PORT=$APP_PORT SERVE_DIR="$WORK/serve" setsid make --no-print-directory serve \
  >"$WORK/serve.log" 2>&1 &
pids+=($!)
if ! wait_for "http://127.0.0.1:$CACHE_PORT/healthz" || ! wait_for "http://127.0.0.1:$APP_PORT/healthz"; then
  echo "make serve did not start:"; tail -30 "$WORK/serve.log"; exit 1
fi
VARNISH_PID=$(pgrep -f -- "-n $WORK/serve/varnish" | head -1)

# Varnish as configured at BASELINE, in front of the same gunicorn.
mkdir -p "$WORK/before"
chmod 755 "$WORK/before"
git show "$BASELINE:deploy/varnish/portal.vcl" >"$WORK/before/portal.vcl"
printf 'backend default {\n    .host = "127.0.0.1";\n    .port = "%s";\n}\n' "$APP_PORT" >"$WORK/before/portal-backend.vcl"
chmod 644 "$WORK/before/"*.vcl
VARNISHD_PARAMS=
if git cat-file -e "$BASELINE:deploy/varnish/varnishd.env" 2>/dev/null; then
  eval "$(git show "$BASELINE:deploy/varnish/varnishd.env" | grep '^VARNISHD_PARAMS=')"
fi
# shellcheck disable=SC2086
setsid "$VARNISHD" -F -n "$WORK/before/varnish" -a "127.0.0.1:$BEFORE_PORT" -T none -f "$WORK/before/portal.vcl" \
  -p "vcl_path=$WORK/before" -s malloc,256m $VARNISHD_PARAMS >"$WORK/before.log" 2>&1 &
pids+=($!)
BEFORE_PID=$!
wait_for "http://127.0.0.1:$BEFORE_PORT/healthz" || { echo "varnish-before did not start:"; cat "$WORK/before.log"; exit 1; }

# The page, as Varnish delivers it gzipped (the second request is a hit), served by nginx as a static file.
HOME_PATH=$($PY benchmarks/page_urls.py | awk -F'\t' '$1 == "ar-homepage" { print $2 }')
mkdir -p "$WORK/html"
for _ in 1 2; do curl -fsS -H "Accept-Encoding: gzip" -o "$WORK/html/home.html.gz" "http://127.0.0.1:$CACHE_PORT$HOME_PATH"; done
gzip -t "$WORK/html/home.html.gz"
chmod -R a+rX "$WORK/html"
mkdir -p "$WORK/cache"
chmod 777 "$WORK/cache"
cat >"$WORK/static.conf" <<EOF
worker_processes auto;
pid $WORK/static.pid;
error_log $WORK/static-error.log;
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
# The candidate: the VCL's rules in nginx. Cached: GET/HEAD without a session cookie or Authorization, outside the
# admin and "/", other cookies dropped, only responses saying "public" with a lifetime (s-maxage, honoured by nginx)
# and no Set-Cookie; the key is the URL (the language is in it), each page stored gzipped once.
cat >"$WORK/candidate.conf" <<EOF
worker_processes auto;
pid $WORK/candidate.pid;
error_log $WORK/candidate-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 100000;
  proxy_cache_path $WORK/cache levels=1:2 keys_zone=portal:10m max_size=256m inactive=1h use_temp_path=off;
  upstream gunicorn { server 127.0.0.1:$APP_PORT; keepalive 8; }
  map \$request_uri \$pass_uri {
    "~^/(admin|django-admin)(/|[?]|\$)" 1;
    "~^/([?].*)?\$" 1;
    default "";
  }
  map \$http_cookie \$pass_cookie { "~(^|;\\s*)sessionid=" 1; default ""; }
  map \$upstream_http_cache_control \$not_public { ~public ""; default 1; }
  map "\$pass_uri\$pass_cookie\$http_authorization" \$pass { "" ""; default 1; }
  map \$pass \$cookie_sent { "" ""; default \$http_cookie; }
  # The inner server compresses what gunicorn sends, once per miss.
  server {
    listen 127.0.0.1:$INNER_PORT;
    gzip on; gzip_comp_level 6; gzip_proxied any; gzip_vary on;
    gzip_types application/json application/xml application/rss+xml application/atom+xml application/javascript image/svg+xml;
    location / {
      proxy_pass http://gunicorn; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host \$http_host;
    }
  }
  server {
    listen 127.0.0.1:$CANDIDATE_PORT;
    location / {
      proxy_pass http://127.0.0.1:$INNER_PORT;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header Accept-Encoding gzip;
      proxy_set_header Cookie \$cookie_sent;
      proxy_cache portal;
      proxy_cache_key \$request_uri;
      proxy_ignore_headers Vary;
      proxy_cache_bypass \$pass;
      proxy_no_cache \$pass \$not_public;
      gunzip on;
      add_header X-Cache \$upstream_cache_status;
    }
  }
}
EOF
pinned "$SERVER_CPUS" nginx -c "$WORK/static.conf"
pinned "$SERVER_CPUS" nginx -c "$WORK/candidate.conf"
pin_tree "$VARNISH_PID"
pin_tree "$BEFORE_PID"

servers=(nginx-static varnish-before varnish nginx-cache)
declare -A url=(
  [nginx-static]="http://127.0.0.1:$STATIC_PORT/home.html"
  [varnish-before]="http://127.0.0.1:$BEFORE_PORT$HOME_PATH"
  [varnish]="http://127.0.0.1:$CACHE_PORT$HOME_PATH"
  [nginx-cache]="http://127.0.0.1:$CANDIDATE_PORT$HOME_PATH"
)
root_pid() {
  case $1 in
    nginx-static) cat "$WORK/static.pid" ;;
    nginx-cache) cat "$WORK/candidate.pid" ;;
    varnish-before) echo "$BEFORE_PID" ;;
    varnish) echo "$VARNISH_PID" ;;
  esac
}
echo "$(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(date -u '+%Y-%m-%d %H:%M UTC');" \
  "pinned: $([ "$PIN" = 1 ] && echo "servers CPU $SERVER_CPUS, wrk CPU $LOAD_CPUS" || echo no)"
for server in "${servers[@]}"; do
  curl -fs -o /dev/null -H "Accept-Encoding: gzip" "${url[$server]}"  # into the cache
  headers=$(curl -fsS -D- -o "$WORK/$server.body" -H "Accept-Encoding: gzip" "${url[$server]}")
  printf '%-15s %s bytes, %s\n' "$server" "$(stat -c %s "$WORK/$server.body")" \
    "$(grep -iE '^(content-encoding|x-cache):' <<<"$headers" | tr -d '\r' | paste -sd' ')"
done
echo

# run SERVER → "requests/s p99_ms errors cpu_seconds_per_10k"
run() {
  local root before after
  root=$(root_pid "$1")
  before=$(cpu_ticks "$root")
  pinned "$LOAD_CPUS" wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -H "Accept-Encoding: gzip" "${url[$1]}" \
    >"$WORK/wrk.out"
  after=$(cpu_ticks "$root")
  awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +99%/ { p99 = ms($2) } /^ +[0-9]+ requests in/ { n = $1 } /Requests\/sec/ { rps = $2 }
    /Non-2xx or 3xx/ { errors += $NF } /Socket errors/ { gsub(",", ""); errors += $4 + $6 + $8 + $10 }
    END { printf "%.0f %.2f %d %.4f\n", rps, p99, errors, n ? ticks / hz / n * 10000 : 0 }' "$WORK/wrk.out"
}

declare -A results
printf '%-5s %-15s %12s %8s %7s %16s\n' round server requests/s "p99 ms" errors "CPU s / 10k req"
for round in $(seq "$ROUNDS"); do
  shift_by=$(((round - 1) % ${#servers[@]}))
  order=("${servers[@]:$shift_by}" "${servers[@]:0:$shift_by}")
  for server in "${order[@]}"; do
    read -r rps p99 errors cpu < <(run "$server")
    results[$server/$round]="$rps $p99 $errors $cpu"
    printf '%-5s %-15s %12s %8s %7s %16s\n' "$round" "$server" "$rps" "$p99" "$errors" "$cpu"
  done
done

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo
echo "median of $ROUNDS rounds; ratios to nginx-static are the median of each round's ratio:"
printf '%-15s %12s %8s %7s %16s %12s %12s\n' server requests/s "p99 ms" errors "CPU s / 10k req" "req/s ×" "CPU ×"
for server in "${servers[@]}"; do
  column() { for round in $(seq "$ROUNDS"); do cut -d' ' -f"$1" <<<"${results[$server/$round]}"; done | median; }
  ratio() {
    for round in $(seq "$ROUNDS"); do
      awk -v a="$(cut -d' ' -f"$1" <<<"${results[$server/$round]}")" \
        -v b="$(cut -d' ' -f"$1" <<<"${results[nginx-static/$round]}")" 'BEGIN { print b ? a / b : 0 }'
    done | median
  }
  errors=$(for round in $(seq "$ROUNDS"); do cut -d' ' -f3 <<<"${results[$server/$round]}"; done | awk '{ s += $1 } END { print s }')
  printf '%-15s %12.0f %8.2f %7s %16.3f %12.2f %12.2f\n' "$server" "$(column 1)" "$(column 2)" "$errors" "$(column 4)" \
    "$(ratio 1)" "$(ratio 4)"
done
