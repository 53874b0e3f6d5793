#!/usr/bin/env bash
# The whole test suite: formatting, vet, Go tests (the language server under
# the race detector), and the editor integration tests when present.
# README.md names this script; .ci/run calls it.
#
# Every stage runs even when an earlier one fails; each prints when it
# starts and how long it took, and the script exits non-zero at the end
# naming the stages that failed. No stage times anything against a limit:
# speed is measured by benchmarks (bench/), never asserted by tests.
#
# The editor stage installs what the editor tests need (Debian packages
# through apt, which needs root or sudo; npm packages; code-server) and says
# what before installing it. ASYNCLS_SKIP_EDITORS=1 skips that stage.
set -uo pipefail
cd "$(dirname "$0")/.."

FAILED=()
SUITE_START=$SECONDS

# stage NAME COMMAND...: runs one stage and records whether it failed.
stage() {
  local name="$1"; shift
  local started=$SECONDS status
  echo "== $name"
  "$@"
  status=$?
  if [ $status -eq 0 ]; then
    echo "== $name: ok ($((SECONDS - started)) s)"
  else
    echo "== $name: FAILED (exit $status, $((SECONDS - started)) s)"
    FAILED+=("$name")
  fi
}

check_gofmt() {
  local unformatted
  unformatted=$(git ls-files -co --exclude-standard '*.go' | xargs -r gofmt -l) || return 1
  if [ -n "$unformatted" ]; then
    echo "gofmt would change:"; echo "$unformatted"; return 1
  fi
}


stage "gofmt" check_gofmt
stage "go vet" go vet ./...
# The simulator's ground truth (TestGroundTruth) compares with committed
# measurements here; re-timing real python3 is scripts/measure-loopsim.sh.
# -timeout 30m: go test's default (10 min a package) is a speed limit on a
# busy machine, not a hang guard (the server package under -race took 236
# and 350 s at load 9-17); every wait inside the tests has its own guard.
stage "go test" go test -count=1 -timeout 30m ./...
if [ -d server ]; then
  stage "go test -race (server)" go test -count=1 -timeout 30m -race ./server/...
fi
# analysis lowers large trees in two halves at once: a data race there is a
# crash on real files, not only a wrong answer.
stage "go test -race (analysis)" go test -count=1 -timeout 30m -race ./analysis/...
if [ -f editors/test.sh ] && [ "${ASYNCLS_SKIP_EDITORS:-0}" != 1 ]; then
  stage "editor integration tests" bash editors/test.sh
fi

echo
if [ "${#FAILED[@]}" -ne 0 ]; then
  echo "== FAILED stages: $(IFS=,; echo "${FAILED[*]}" | sed 's/,/, /g') (whole suite $((SECONDS - SUITE_START)) s)"
  exit 1
fi
echo "== all tests passed ($((SECONDS - SUITE_START)) s)"
