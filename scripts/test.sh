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
go test -count=1 ./...

if [ -d server ]; then
  echo "== go test -race (server)"
  go test -count=1 -race ./server/...
fi

if [ -x editors/test.sh ] || [ -f editors/test.sh ]; then
  echo "== editor integration tests"
  bash editors/test.sh
fi
echo "== all tests passed"
