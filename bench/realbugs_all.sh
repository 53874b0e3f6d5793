#!/usr/bin/env bash
# Runs every held-out real-bug set (bench/realbugs2.py on bench/realbugsN,
# and bench/realbugs.py) with one binary and prints one line per set and the
# total: how many buggy lines are found, and on how many fixes asyncls stays
# quiet (issue 9's measure).
#
# Usage: bench/realbugs_all.sh [BIN] [OUT]   (from the repository root;
#        BIN defaults to bin/asyncls, OUT to /tmp/realbugs_all.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$(realpath "${1:-bin/asyncls}")
OUT=${2:-/tmp/realbugs_all.txt}
: > "$OUT"
for d in $(ls -d bench/realbugs[0-9]* | sort -V); do
	[ -d "$d" ] || continue
	ASYNCLS_BIN=$BIN python3 bench/realbugs2.py "$d" | tail -1 | sed "s#^#$d #" >> "$OUT"
done
ASYNCLS_BIN=$BIN python3 bench/realbugs.py | tail -1 | sed 's#^#bench/realbugs #' >> "$OUT"
cat "$OUT"
python3 - "$OUT" <<'PY'
import re, sys
found = quiet = cases = skipped = 0
for line in open(sys.argv[1]):
    m = re.search(r'found (\d+) of (\d+); quiet on (\d+) of (\d+)', line)
    if m:
        found += int(m[1]); cases += int(m[2]); quiet += int(m[3])
    m = re.search(r'(\d+) skipped \(trees absent\)', line)
    if m:
        skipped += int(m[1])
print("TOTAL found %d of %d; quiet on %d of %d fixes%s" % (found, cases, quiet, cases,
      "; %d cases skipped: their trees are outside the repository and absent (bench/realbugs_trees.md)" % skipped if skipped else ""))
PY
