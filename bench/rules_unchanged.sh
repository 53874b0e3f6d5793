#!/bin/sh
# Check that the rules report the same on real code as at an earlier revision.
#
#     bench/rules_unchanged.sh BASE_REV CORPUS_DIR [MORE_DIRS...]
#
# Builds BASE_REV (from git, in a temporary directory) and the working tree,
# runs `check --no-cache --select ALL --output-format json` of each on every
# directory given and on the working tree's testdata/, and compares the
# outputs byte for byte (findings, messages and fixes). Prints one line per
# directory and exits 1 when any differs (the first differing lines are shown).
set -eu
if [ $# -lt 2 ]; then
	echo "usage: $0 BASE_REV CORPUS_DIR [MORE_DIRS...]" >&2
	exit 2
fi
base=$1
shift
root=$(git rev-parse --show-toplevel)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/src"
git -C "$root" archive "$base" | tar -x -C "$tmp/src"
(cd "$tmp/src" && go build -o "$tmp/base" ./cmd/asyncls)
(cd "$root" && go build -o "$tmp/new" ./cmd/asyncls)
status=0
for dir in "$@" "$root/testdata"; do
	for bin in base new; do
		# Exit status 1 means findings; anything else is a failure.
		rc=0
		"$tmp/$bin" check --no-cache --select ALL --output-format json "$dir" >"$tmp/$bin.json" 2>"$tmp/$bin.err" || rc=$?
		if [ "$rc" -gt 1 ]; then
			echo "$bin: check $dir failed (exit $rc):" >&2
			cat "$tmp/$bin.err" >&2
			exit 2
		fi
	done
	n=$(grep -c '"code"' "$tmp/new.json" || true)
	if cmp -s "$tmp/base.json" "$tmp/new.json"; then
		echo "identical: $dir ($n findings, $(wc -c <"$tmp/new.json") bytes)"
	else
		echo "DIFFERENT: $dir (base $(grep -c '"code"' "$tmp/base.json" || true) findings, now $n)"
		diff "$tmp/base.json" "$tmp/new.json" | head -40
		status=1
	fi
done
exit $status
