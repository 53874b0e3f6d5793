#!/usr/bin/env bash
# Runs `bash .ci/run` on a clean clone of HEAD several times in a row while
# busy loops compete for the CPU: issue 11's "a CI gate that never flakes".
# A run that fails here on a busy machine is a flaky test to fix, not noise.
#
#   bash bench/ci_under_load.sh [RUNS=3] [BUSY_LOOPS=2]
#
# The clone sits in a temporary folder with ../shared linked beside it, as
# on CI. Each run's output goes to $OUT/run-N.log (OUT defaults to a
# temporary folder, printed at the start); the table at the end gives each
# run's exit status, duration and the load average when it ended.
set -uo pipefail
RUNS="${1:-3}"
BUSY="${2:-2}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="$(cd "$repo/../shared" 2>/dev/null && pwd || true)"
work="$(mktemp -d)"
OUT="${OUT:-$work/logs}"
mkdir -p "$OUT"
echo "clone of $(git -C "$repo" rev-parse --short HEAD) in $work/asyncls; logs in $OUT"

git clone -q "$repo" "$work/asyncls" || exit 1
if [ -n "$shared" ]; then ln -s "$shared" "$work/shared"; fi

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; }
trap cleanup EXIT
for _ in $(seq "$BUSY"); do
  (while :; do :; done) &
  pids+=($!)
done
echo "$BUSY busy loops running (pids ${pids[*]})"

failed=0
rows=()
for n in $(seq "$RUNS"); do
  start=$SECONDS
  (cd "$work/asyncls" && CI=true bash .ci/run) >"$OUT/run-$n.log" 2>&1
  status=$?
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  rows+=("run $n: exit $status, $((SECONDS - start)) s, load $load")
  echo "${rows[-1]}"
  [ $status -eq 0 ] || failed=1
done
echo
printf '%s\n' "${rows[@]}"
exit $failed
