#!/usr/bin/env bash
# Renders the simulator's SVG timeline of some testdata programs and screenshots each with
# headless Chromium, into testdata/loopsim/timelines/ (NAME.svg, NAME.png), to look at what a
# reader sees. TestTimelineSVG checks the SVG's labels and sentence; the pictures are for eyes.
# Usage: scripts/render-timelines.sh [PROGRAM.py ...]   (needs chromium: apt-get install chromium)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT=testdata/loopsim/timelines
mkdir -p "$OUT"
BIN="$(mktemp -d)/asyncls"
go build -o "$BIN" ./cmd/asyncls
programs=("$@")
[ "${#programs[@]}" -eq 0 ] && programs=(
  testdata/loopsim/01_tutorial_gather_two.py
  testdata/loopsim/06_tutorial_blocking.py
  testdata/loopsim/114_semaphore_pool_dict_latency.py
  testdata/loopsim/112_producer_consumer_sentinel.py
  testdata/loopsim/127_thread_pool_mixed.py
  testdata/loopsim/128_to_thread_sleep.py
  testdata/loopsim/09_docs_taskgroup.py
)
CHROME="$(command -v chromium || command -v chromium-browser || command -v google-chrome)"
for p in "${programs[@]}"; do
  name="$(basename "$p" .py)"
  "$BIN" simulate --format svg "$p" >"$OUT/$name.svg"
  size="$(sed -n 's/^<svg[^>]* width="\([0-9]*\)" height="\([0-9]*\)".*/\1,\2/p' "$OUT/$name.svg" | head -1)"
  timeout 60 "$CHROME" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$size" \
    --screenshot="$ROOT/$OUT/$name.png" "file://$ROOT/$OUT/$name.svg" >/dev/null 2>&1
  echo "$OUT/$name.png ($size)"
done
