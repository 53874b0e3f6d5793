#!/usr/bin/env bash
# Scaling of `asyncls check` with the number of files: generates projects of
# 1k, 5k and 20k small modules (bench/gen_project.py: packages, cross-module
# imports and calls, async functions that never await) and times `check` on
# each (wall and CPU seconds: CPU is steadier on a shared machine), with its
# peak memory. Linear scaling keeps the time per file flat.
#
#   bash bench/scale.sh [SIZES...]        (default: 1000 5000 20000)
#
# The projects are generated once under ${ASYNCLS_BENCH_DIR:-/tmp/asyncls-scale}.
# Runs are cold (--no-cache); extra flags for check go in CHECK_FLAGS.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000 5000 20000)
dir=${ASYNCLS_BENCH_DIR:-/tmp/asyncls-scale}
mkdir -p bin "$dir"
go build -o bin/asyncls ./cmd/asyncls
printf 'load before: %s\n' "$(uptime | sed 's/.*load average/load average/')"
printf '%8s %10s %10s %12s %12s\n' files seconds 'CPU s' 'CPU us/file' 'max RSS MiB'
for n in "${sizes[@]}"; do
  proj="$dir/$n"
  if [ ! -f "$proj/.complete" ]; then
    rm -rf "$proj"
    python3 bench/gen_project.py "$n" "$proj"
    touch "$proj/.complete"
  fi
  # shellcheck disable=SC2086
  /usr/bin/time -o "$dir/time.out" -f '%e %U %S %M' bin/asyncls check --no-cache ${CHECK_FLAGS:-} "$proj" >/dev/null 2>&1 || true
  out=$(tail -1 "$dir/time.out")
  read -r secs user sys kb <<<"$out"
  cpu=$(echo "$user + $sys" | bc -l)
  printf '%8d %10.2f %10.2f %12.0f %12.0f\n' "$n" "$secs" "$cpu" "$(echo "$cpu * 1000000 / $n" | bc -l)" "$(echo "$kb / 1024" | bc -l)"
done
printf 'load after: %s\n' "$(uptime | sed 's/.*load average/load average/')"
