#!/usr/bin/env bash
# The whole test suite: formatting, vet, Go tests (the language server under
# the race detector), and the editor integration tests when present.
# README.md names this script; .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== gofmt"
unformatted=$(git ls-files -co --exclude-standard '*.go' | xargs -r gofmt -l)
if [ -n "$unformatted" ]; then
  echo "gofmt would change:"; echo "$unformatted"; exit 1
fi

echo "== go vet"
go vet ./...

echo "== go test"
# -short skips the simulator's ground-truth comparison here; it runs on its
# own below, because it times real python3 runs and concurrent test
# binaries on a 2-core machine would add noise to its measurements.
go test -count=1 -short ./...

echo "== simulator ground truth (python3 asyncio runs vs loopsim, alone)"
# Timing noise on a shared machine only ever adds time; one full re-measure
# is allowed before the comparison counts as failed.
if ! go test -count=1 -run 'TestGroundTruth|TestUnknownProgramsFlagged' ./loopsim/...; then
  echo "== ground truth: re-measuring once (a busy machine makes python3 runs slower)"
  go test -count=1 -run 'TestGroundTruth|TestUnknownProgramsFlagged' ./loopsim/...
fi

if [ -d server ]; then
  echo "== go test -race (server)"
  go test -count=1 -race ./server/...
fi

if [ -x editors/test.sh ] || [ -f editors/test.sh ]; then
  echo "== editor integration tests"
  bash editors/test.sh
fi
echo "== all tests passed"
