#!/usr/bin/env bash
# Throughput of `asyncls check` against the baseline of a bare tree-sitter
# parse and cursor walk of the same files, on the same cores.
#
#   bash bench/check.sh [CORPUS_DIR] [RUNS]
#
# CORPUS_DIR defaults to ../corpus/src, built by
#   bash ../shared/scripts/build_corpus.sh ../corpus
# Target (issue 2): asyncls check <= 1.5x the baseline. Two baselines are
# printed: cursor moves only (the strictest), and a walk that reads each
# node's type, which any Go checker walking the tree needs (the issue's
# "~2 s on 2 cores" measurement matches this one).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../corpus/src}
runs=${2:-5}
if [ ! -d "$corpus" ]; then
  echo "no corpus at $corpus: run bash ../shared/scripts/build_corpus.sh ../corpus" >&2
  exit 2
fi
mkdir -p bin
go build -o bin/asyncls ./cmd/asyncls
go build -o bin/barewalk ./internal/barewalk

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_runs() {
  for _ in $(seq "$runs"); do
    s=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    e=$(date +%s.%N)
    echo "$e - $s" | bc -l
  done | median
}
bin/barewalk "$corpus" >/dev/null # warm the page cache
lines=$(find "$corpus" -name '*.py' -print0 | xargs -0 cat | wc -l)
base=$(time_runs bin/barewalk "$corpus")
base_types=$(time_runs bin/barewalk -types "$corpus")
check=$(time_runs bin/asyncls check --no-cache --select ALL "$corpus")
check_default=$(time_runs bin/asyncls check --no-cache "$corpus")
printf 'corpus: %s (%s lines), %s cores, median of %s runs\n' "$corpus" "$lines" "$(nproc)" "$runs"
printf 'bare tree-sitter parse + cursor walk (cursor moves only):      %.3f s\n' "$base"
printf 'bare tree-sitter parse + cursor walk reading each node type:  %.3f s\n' "$base_types"
printf 'asyncls check (default rules):       %.3f s  (%.2fx the first baseline, %.2fx the second)\n' "$check_default" \
  "$(echo "$check_default / $base" | bc -l)" "$(echo "$check_default / $base_types" | bc -l)"
printf 'asyncls check --select ALL:          %.3f s  (%.2fx the first baseline, %.2fx the second)\n' "$check" \
  "$(echo "$check / $base" | bc -l)" "$(echo "$check / $base_types" | bc -l)"
