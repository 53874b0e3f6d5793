#!/usr/bin/env bash
# Speed of the event-loop simulator: a generated crawler-like program of
# about 9000 tasks and 40000 timer wake-ups (source -> front end ->
# simulation), and one hover hint on a mid-sized file.
#
#   bash bench/loopsim_bench.sh [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-5}
go test -run '^$' -bench 'BenchmarkSimulateLarge|BenchmarkEstimateAt' -benchmem -count "$count" ./loopsim/pyfront/
