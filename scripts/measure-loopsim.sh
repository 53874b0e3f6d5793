#!/usr/bin/env bash
# Re-times the simulator's ground-truth programs with real python3 and
# rewrites testdata/loopsim/groundtruth.json (and, for the programs of
# several modules, testdata/loopsim-projects/groundtruth.json), then shows
# how the simulator compares (TestGroundTruth, TestProjectGroundTruth).
# Not part of CI: run it on a quiet machine after adding a program or
# changing what a program does, and commit the files.
#
# Usage: scripts/measure-loopsim.sh [--rounds N] [PROGRAM...]
#   no PROGRAM: every testdata/loopsim/*.py and machine_dependent/*.py, and
#               every testdata/loopsim-projects/*/main.py
#   PROGRAM...: only these entries are (re)written; the others are kept.
# Needs python3 (3.11, as the simulator models CPython 3.11's asyncio).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -c 'import sys; sys.version_info[:2] == (3, 11) or print("warning: python3 is %d.%d; the simulator models 3.11" % sys.version_info[:2], file=sys.stderr)'
echo "load before timing: $(uptime)" >&2
python3 testdata/loopsim/harness/record.py "$@"
echo "load after timing: $(uptime)" >&2
go test -count=1 -run '^(TestGroundTruth|TestProjectGroundTruth)$' -v ./loopsim/pyfront/ | grep -v '^=== RUN'
