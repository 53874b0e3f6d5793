#!/usr/bin/env bash
# Speed and memory of `asyncls check --no-cache` at two revisions, run
# alternately (base, new, base, new ...) so that both see the same machine
# load, which on a shared machine changes from minute to minute.
#
#   bash bench/check_compare.sh BASE NEW [CORPUS_DIR] [PAIRS] [-- CHECK_ARGS...]
#
# BASE and NEW are git revisions (built into a temporary directory; "." is
# the working tree) or paths to asyncls binaries. CORPUS_DIR defaults to
# /work/corpus/src, PAIRS to 7; CHECK_ARGS (e.g. `--select ALL`) go to
# both. Prints each run, then the medians of wall-clock seconds, user CPU
# seconds and maximum RSS (MB) with the change of NEW against BASE, and the
# load (uptime) before and after.
# Issue 9's budget: NEW within +10 % of be5ddda on each.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 BASE NEW [CORPUS_DIR] [PAIRS] [-- CHECK_ARGS...]" >&2
  exit 2
fi
base=$1 new=$2
shift 2
corpus=/work/corpus/src
pairs=7
if [ $# -gt 0 ] && [ "$1" != "--" ]; then corpus=$1; shift; fi
if [ $# -gt 0 ] && [ "$1" != "--" ]; then pairs=$1; shift; fi
if [ $# -gt 0 ] && [ "$1" = "--" ]; then shift; fi
root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# binary REV_OR_PATH NAME: prints the path of an asyncls binary.
binary() {
  if [ -f "$1" ] && [ -x "$1" ]; then
    echo "$1"
  elif [ "$1" = "." ]; then
    (cd "$root" && go build -o "$tmp/$2" ./cmd/asyncls) && echo "$tmp/$2"
  else
    mkdir "$tmp/src-$2"
    git -C "$root" archive "$1" | tar -x -C "$tmp/src-$2"
    (cd "$tmp/src-$2" && go build -o "$tmp/$2" ./cmd/asyncls) && echo "$tmp/$2"
  fi
}
base_bin=$(binary "$base" base)
new_bin=$(binary "$new" new)
if [ ! -d "$corpus" ]; then
  echo "no corpus at $corpus" >&2
  exit 2
fi
echo "load before: $(uptime)"
echo "command: check --no-cache $* $corpus, $pairs pairs, base then new"
"$base_bin" check --no-cache "$@" "$corpus" >/dev/null 2>&1 || true # warm the page cache
for i in $(seq "$pairs"); do
  for side in base new; do
    bin=$base_bin
    [ "$side" = new ] && bin=$new_bin
    # Exit status 1 means findings.
    /usr/bin/time -o "$tmp/time" -f "%e %U %M" "$bin" check --no-cache "$@" "$corpus" >/dev/null 2>&1 || true
    # time writes "Command exited with non-zero status 1" first.
    read -r wall user rss < <(tail -1 "$tmp/time")
    echo "$side $wall $user $rss" | tee -a "$tmp/runs"
  done
done
echo "load after: $(uptime)"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
col() { awk -v s="$1" -v c="$2" '$1 == s {print $c}' "$tmp/runs" | median; }
# The change of each pair (new against the base run just before it) sees
# the same load; its median is the steadier figure on a busy machine.
pair_change() {
  awk -v c="$1" '$1 == "base" {b = $c} $1 == "new" && b > 0 {printf "%.4f\n", ($c - b) * 100 / b}' "$tmp/runs" | median
}
printf '%-14s %10s %10s %8s %14s\n' "median of $pairs" base new change "pair change"
for spec in "wall s:2" "user s:3" "max RSS MB:4"; do
  name=${spec%:*} c=${spec##*:}
  b=$(col base "$c") n=$(col new "$c")
  if [ "$c" = 4 ]; then b=$(echo "$b / 1024" | bc -l) n=$(echo "$n / 1024" | bc -l); fi
  printf '%-14s %10.2f %10.2f %+7.1f%% %+13.1f%%\n' "$name" "$b" "$n" "$(echo "($n - $b) * 100 / $b" | bc -l)" "$(pair_change "$c")"
done
