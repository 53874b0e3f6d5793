#!/usr/bin/env bash
# Checks the CI integrations the docs promise, against $ASYNCLS_BIN:
#  - the GitHub Actions example in docs/ci.md: its `asyncls check --format github` step, run on
#    the fixture project, prints well-formed workflow commands and fails the step (exit 1);
#  - the pre-commit hooks in .pre-commit-hooks.yaml, run through `pre-commit try-repo` on a
#    scratch repository holding the fixture (asyncls-system, and asyncls built by pre-commit's
#    golang support unless ASYNCLS_SKIP_GOLANG_HOOK=1).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
FIXTURE="$ROOT/editors/fixtures/project"
failures=0
pass() { echo "PASS ci: $*"; }
fail() { echo "FAIL ci: $*"; failures=$((failures + 1)); }

: "${ASYNCLS_BIN:?set ASYNCLS_BIN to the asyncls executable}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/bin"
ln -s "$ASYNCLS_BIN" "$WORK/bin/asyncls"
export PATH="$WORK/bin:$PATH"

# The fixture's expected findings: lines with a `# CODE:` comment.
mapfile -t expected < <(grep -n -oE '#\s*(ASYNC|ASL)[0-9]+:' "$FIXTURE/app.py" | sed -E 's/^([0-9]+):#\s*([A-Z]+[0-9]+):/\2 \1/')

# --- GitHub Actions example ---------------------------------------------------------------
step="$(awk '/^```yaml/{block++} block==1 && /run: asyncls check/{sub(/^.*run: /, ""); print; exit}' "$ROOT/docs/ci.md")"
if [ -z "$step" ]; then
  fail "docs/ci.md has no 'run: asyncls check' step in its first workflow"
else
  output="$(cd "$FIXTURE" && eval "$step")"
  status=$?
  bad=$(printf '%s\n' "$output" | grep -vcE '^::(warning|error|notice) title=asyncls [A-Z]+[0-9]+,file=[^,]+,line=[0-9]+,col=[0-9]+,endLine=[0-9]+,endColumn=[0-9]+::[A-Z]+[0-9]+ .+$')
  missing=""
  for finding in "${expected[@]}"; do
    set -- $finding
    printf '%s\n' "$output" | grep -qE "title=asyncls $1,file=app\.py,line=$2," || missing="$missing $1@$2"
  done
  if [ "$status" -eq 1 ] && [ "$bad" -eq 0 ] && [ -z "$missing" ] && [ "${#expected[@]}" -ge 2 ]; then
    pass "docs/ci.md workflow step '$step' prints ${#expected[@]} annotations and fails the step"
  else
    fail "workflow step '$step': exit $status, $bad malformed line(s), missing:${missing:- none}; output:"
    printf '%s\n' "$output" | sed 's/^/    /'
  fi
fi

# --- pre-commit hooks ---------------------------------------------------------------------
if ! command -v pre-commit >/dev/null; then
  fail "pre-commit is not installed (scripts/install-editor-test-deps.sh apt)"
elif ! git -C "$ROOT" rev-parse -q --verify HEAD >/dev/null 2>&1; then
  echo "SKIP ci: pre-commit hooks: $ROOT is not a git checkout, and pre-commit installs hooks from git"
else
  # The hooks as a user gets them: from a clone of the committed tree (try-repo on a work tree
  # would build its tracked changes without its untracked files).
  hooks_repo="$WORK/asyncls-clone"
  git clone -q "$ROOT" "$hooks_repo" || fail "git clone of $ROOT"
  repo="$WORK/repo"
  mkdir -p "$repo" && cp "$FIXTURE/app.py" "$repo/" &&
    git -C "$repo" init -q && git -C "$repo" add app.py
  hooks=(asyncls-system)
  [ "${ASYNCLS_SKIP_GOLANG_HOOK:-0}" = 1 ] || hooks+=(asyncls)
  for hook in "${hooks[@]}"; do
    out="$(cd "$repo" && PRE_COMMIT_HOME="$WORK/pre-commit-home" timeout 600 pre-commit try-repo "$hooks_repo" "$hook" --files app.py 2>&1)"
    status=$?
    if [ "$status" -eq 1 ] && grep -qE '^app\.py:[0-9]+:[0-9]+: ASYNC251' <<<"$out" && grep -q -- "- hook id: $hook" <<<"$out"; then
      pass "pre-commit hook $hook reports the fixture's findings and fails the commit"
    else
      fail "pre-commit hook $hook (exit $status):"
      printf '%s\n' "$out" | tail -n 30 | sed 's/^/    /'
    fi
  done
fi

[ "$failures" -eq 0 ] && echo "PASS ci: all" || echo "FAIL ci: $failures check(s) failed"
exit $((failures > 0))
