#!/usr/bin/env bash
# Installs what the editor tests (editors/test.sh) need, idempotently:
#   Debian packages: neovim (0.7.2), emacs-nox + elpa-eglot, vim-nox + vim-ale, chromium,
#     ripgrep, pre-commit, and the build tools code-server's native modules need;
#   npm packages of the VS Code extension (npm ci, only when package-lock.json changed);
#   code-server 4.100.3 (VS Code 1.100, the last release on Node 20) into editors/vscode/.e2e.
# Usage: scripts/install-editor-test-deps.sh [--plan] [apt] [npm] [code-server]   (default: all three)
#   --plan prints what would be installed (only what is missing) and installs nothing.
# apt needs root or sudo; npm and code-server install under editors/vscode only.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VSCODE_DIR="$ROOT/editors/vscode"
CODE_SERVER_VERSION=4.100.3
# @vscode/ripgrep (a code-server dependency) downloads this tarball in its postinstall; with no
# internet we seed its cache from Debian's rg.
RIPGREP_CACHE="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
RIPGREP_TARBALL="ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"

APT_PACKAGES=(neovim emacs-nox elpa-eglot vim-nox vim-ale chromium ripgrep pre-commit
  build-essential pkg-config libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev)

log() { echo "[editor-deps] $*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

PLAN=0

missing_apt_packages() {
  local package
  for package in "${APT_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      echo "$package"
    fi
  done
}

npm_lock_hash() { sha256sum "$VSCODE_DIR/package-lock.json" | cut -d' ' -f1; }
npm_up_to_date() {
  local stamp="$VSCODE_DIR/node_modules/.asyncls-lock-hash"
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$(npm_lock_hash)" ]
}
code_server_installed() {
  local bin="$VSCODE_DIR/.e2e/node_modules/.bin/code-server"
  [ -x "$bin" ] && "$bin" --version 2>/dev/null | grep -q "^$CODE_SERVER_VERSION "
}

plan() {
  local missing
  case "$1" in
    apt)
      missing="$(missing_apt_packages | xargs)"
      if [ -z "$missing" ]; then log "apt: nothing to install (${APT_PACKAGES[*]} present)"
      else log "apt: would install Debian packages (needs root or sudo): $missing"; fi ;;
    npm)
      if npm_up_to_date; then log "npm: editors/vscode/node_modules up to date"
      else log "npm: would run npm ci in editors/vscode (packages of package-lock.json)"; fi ;;
    code-server)
      if code_server_installed; then log "code-server: $CODE_SERVER_VERSION already installed"
      else log "code-server: would npm install code-server@$CODE_SERVER_VERSION into editors/vscode/.e2e"; fi ;;
  esac
}

install_apt() {
  local missing=()
  mapfile -t missing < <(missing_apt_packages)
  if [ "${#missing[@]}" -eq 0 ]; then
    log "Debian packages already installed"
    return
  fi
  log "installing Debian packages: ${missing[*]}"
  # Another apt run (unattended upgrades, a parallel job) holds dpkg's lock
  # for a while: wait for it instead of failing.
  local wait_lock=(-o DPkg::Lock::Timeout=900)
  as_root apt-get "${wait_lock[@]}" update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get "${wait_lock[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_npm() {
  local stamp="$VSCODE_DIR/node_modules/.asyncls-lock-hash"
  local hash
  hash="$(npm_lock_hash)"
  if npm_up_to_date; then
    log "editors/vscode/node_modules up to date"
    return
  fi
  log "npm ci in editors/vscode"
  (cd "$VSCODE_DIR" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$hash" > "$stamp"
}

install_code_server() {
  local dir="$VSCODE_DIR/.e2e"
  local bin="$dir/node_modules/.bin/code-server"
  if code_server_installed; then
    log "code-server $CODE_SERVER_VERSION already installed"
    return
  fi
  log "installing code-server $CODE_SERVER_VERSION into editors/vscode/.e2e"
  mkdir -p "$RIPGREP_CACHE" "$dir"
  if [ ! -s "$RIPGREP_CACHE/$RIPGREP_TARBALL" ]; then
    local staging
    staging="$(mktemp -d)"
    cp "$(command -v rg)" "$staging/rg"
    tar -C "$staging" -czf "$RIPGREP_CACHE/$RIPGREP_TARBALL" rg
    rm -rf "$staging"
  fi
  echo '{"name":"asyncls-e2e-code-server","private":true}' > "$dir/package.json"
  # code-server's postinstall runs npm in its bundled VS Code and builds native modules
  # (node-gyp through npx), as root: allow its install scripts, unsafe-perm and npx prompts.
  (cd "$dir" && npm_config_dangerously_allow_all_scripts=true npm_config_unsafe_perm=true npm_config_yes=true \
    npm install --no-save --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION")
  "$bin" --version | grep -q "^$CODE_SERVER_VERSION " || { log "code-server did not install"; exit 1; }
}

if [ "${1:-}" = "--plan" ]; then PLAN=1; shift; fi
parts=("$@")
[ "${#parts[@]}" -eq 0 ] && parts=(apt npm code-server)
for part in "${parts[@]}"; do
  case "$part" in
    apt|npm|code-server) if [ $PLAN -eq 1 ]; then plan "$part"; continue; fi ;;&
    apt) install_apt ;;
    npm) install_npm ;;
    code-server) install_code_server ;;
    *) echo "unknown part: $part (apt, npm, code-server)" >&2; exit 2 ;;
  esac
done
