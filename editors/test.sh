#!/usr/bin/env bash
# Editor integration tests, run by .ci/run: installs what they need (apt/npm, idempotent),
# builds asyncls, then drives the real clients against the real `asyncls serve`:
#   vscode-build   tsc type-check, unit tests, .vsix with @vscode/vsce
#   vscode-client  the real vscode-languageclient with `vscode` mocked (editors/vscode/test/client)
#   nvim           headless Neovim 0.7.2 with editors/nvim (editors/nvim/test/test.lua)
#   emacs          Emacs + Eglot (editors/emacs/test.el)
#   vim            Vim + ALE (editors/vim/test.vim)
#   vscode-e2e     code-server 4.100.3 + chromium + the packaged .vsix (editors/vscode/test/e2e)
#   ci             the docs/ci.md workflow step and the pre-commit hooks (editors/ci/test.sh)
# Usage: editors/test.sh [SUITE...]   (default: all). Prints PASS/FAIL lines; exits 1 on failure.
# ASYNCLS_TEST_BIN=/path/to/asyncls uses that executable instead of building ./cmd/asyncls.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SUITES=("$@")
[ "${#SUITES[@]}" -eq 0 ] && SUITES=(vscode-build vscode-client nvim emacs vim vscode-e2e ci)
WORK="$(mktemp -d "${TMPDIR:-/tmp}/asyncls-editor-tests.XXXXXX")"
BIN="$WORK/asyncls"
export ASYNCLS_BIN="$BIN"
START=$SECONDS
FAILED=()

now() { echo $((SECONDS - START)); }
say() { echo "[editors $(now)s] $*"; }
wants() { local s; for s in "${SUITES[@]}"; do [ "$s" = "$1" ] && return 0; done; return 1; }

# run_suite NAME COMMAND...: runs a suite, echoing its PASS/FAIL/SKIP lines; the full log is
# kept in $WORK and printed when the suite fails.
run_suite() {
  local name="$1"; shift
  local log="$WORK/$name.log" started=$SECONDS
  say "running $name"
  "$@" >"$log" 2>&1
  local status=$?
  grep -E '^(PASS|FAIL|SKIP) ' "$log"
  if [ $status -ne 0 ]; then
    FAILED+=("$name")
    echo "FAIL editors: $name (exit $status, $((SECONDS - started)) s); last lines of its log:"
    tail -n 40 "$log" | sed 's/^/    /'
  else
    echo "PASS editors: $name ($((SECONDS - started)) s)"
  fi
}

finish() {
  say "done in $(now) s"
  if [ "${#FAILED[@]}" -ne 0 ]; then
    echo "FAIL editors: ${FAILED[*]} (logs in $WORK)"
    exit 1
  fi
  rm -rf "$WORK"
  echo "PASS editors: all suites (${SUITES[*]})"
  exit 0
}

# --- installs ----------------------------------------------------------------------------
deps=(apt npm)
wants vscode-e2e && deps+=(code-server)
say "installing dependencies (${deps[*]}); what is missing:"
scripts/install-editor-test-deps.sh --plan "${deps[@]}"
if ! scripts/install-editor-test-deps.sh "${deps[@]}" >"$WORK/install.log" 2>&1; then
  echo "FAIL editors: installing dependencies; last lines:"
  tail -n 40 "$WORK/install.log" | sed 's/^/    /'
  exit 1
fi
grep '^\[editor-deps\]' "$WORK/install.log"
say "dependencies ready"

if [ -n "${ASYNCLS_TEST_BIN:-}" ]; then
  # A prebuilt asyncls (or a stand-in) instead of building this checkout.
  BIN="$ASYNCLS_TEST_BIN"; export ASYNCLS_BIN="$BIN"
elif ! go build -o "$BIN" ./cmd/asyncls 2>"$WORK/build.log"; then
  echo "FAIL editors: go build ./cmd/asyncls"; cat "$WORK/build.log"; exit 1
fi
say "built $BIN"
serve_help="$("$BIN" serve --help 2>&1 || true)"
if [[ "$serve_help" == *"unknown command"* ]]; then
  # Until the language server lands, only the suites that need no server can run.
  echo "SKIP editors: this asyncls has no serve command yet; skipping the suites that talk to it"
  NO_SERVER=(vscode-client nvim emacs vim vscode-e2e)
  kept=()
  for s in "${SUITES[@]}"; do
    case " ${NO_SERVER[*]} " in *" $s "*) echo "SKIP editors: $s (needs asyncls serve)" ;; *) kept+=("$s") ;; esac
  done
  SUITES=("${kept[@]}")
  [ "${#SUITES[@]}" -eq 0 ] && finish
fi

# --- suites ------------------------------------------------------------------------------
vscode_build() (
  cd "$ROOT/editors/vscode" &&
    node_modules/.bin/tsc -p . && echo "PASS vscode-build: tsc type-check and compile" &&
    node --test test/unit/ && echo "PASS vscode-build: unit tests" &&
    node_modules/.bin/vsce package --out asyncls.vsix && echo "PASS vscode-build: asyncls.vsix packaged"
)
wants vscode-build && run_suite vscode-build vscode_build
wants vscode-client && run_suite vscode-client node editors/vscode/test/client/run.js
wants nvim && run_suite nvim env XDG_CACHE_HOME="$WORK/nvim-cache" XDG_STATE_HOME="$WORK/nvim-state" \
  timeout 120 nvim --headless -u NONE -i NONE -n -c 'luafile editors/nvim/test/test.lua' -c 'cquit 3'
wants emacs && run_suite emacs timeout 120 emacs --batch -Q -l editors/emacs/test.el
vim_ale() {
  local result="$WORK/vim-result.txt"
  : >"$result"
  ASYNCLS_VIM_RESULT="$result" timeout 120 vim -N -u editors/vim/test.vim -es </dev/null
  local status=$?
  cat "$result"
  [ $status -eq 0 ] && ! grep -q '^FAIL' "$result" && grep -q '^PASS vim-ale: all steps' "$result"
}
wants vim && run_suite vim vim_ale
if wants vscode-e2e; then
  if [ ! -f editors/vscode/asyncls.vsix ]; then
    run_suite vscode-package bash -c "cd '$ROOT/editors/vscode' && node_modules/.bin/vsce package --out asyncls.vsix"
  fi
  run_suite vscode-e2e timeout 300 node editors/vscode/test/e2e/run.js
fi
wants ci && run_suite ci timeout 900 bash editors/ci/test.sh
finish
