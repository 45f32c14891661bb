#!/usr/bin/env bash
# Screenshots of every public page type in Arabic and French at 360 px and 1280 px, with headless Chromium
# (the Debian package; never a downloaded browser). Prints each file it wrote.
#
#   benchmarks/screenshots.sh [OUTPUT_DIR]            # default /tmp/shots
#   WIDTHS="360" ONLY="ar-callpage" benchmarks/screenshots.sh
#
# It serves the demo database itself: one runserver with DEBUG on (media files served) and one with DEBUG off
# (so the 404 page is the portal's own), on PORT and PORT+1 (default 8123), and stops both at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-/tmp/shots}"
PORT="${PORT:-8123}"
WIDTHS="${WIDTHS:-360 1280}"
ONLY="${ONLY:-}"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
PY=.venv/bin/python
mkdir -p "$OUT"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
DEBUG=1 $PY manage.py runserver "127.0.0.1:$PORT" --noreload >"$OUT/server.log" 2>&1 & pids+=($!)
DEBUG=0 $PY manage.py runserver "127.0.0.1:$((PORT + 1))" --noreload --insecure >"$OUT/server-nodebug.log" 2>&1 & pids+=($!)
for port in "$PORT" "$((PORT + 1))"; do
  for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.2; done
done

shoot() {  # name path width
  local name=$1 path=$2 width=$3 port=$PORT height
  [[ $name == *-404 ]] && port=$((PORT + 1))
  if [ "$width" -le 480 ]; then height=3600; else height=2200; fi
  local file="$OUT/$name-$width.png" profile
  profile=$(mktemp -d)
  "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --hide-scrollbars --virtual-time-budget=4000 --user-data-dir="$profile" --window-size="$width,$height" \
    --screenshot="$file" "http://127.0.0.1:$port$path" >/dev/null 2>&1
  rm -rf "$profile"
  echo "$file"
}

while IFS=$'\t' read -r name path; do
  [ -n "$ONLY" ] && [[ " $ONLY " != *" $name "* ]] && continue
  for width in $WIDTHS; do shoot "$name" "$path" "$width"; done
done < <($PY benchmarks/page_urls.py)
