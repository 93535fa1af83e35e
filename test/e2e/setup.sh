#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 OSPO Compliance contributors
# SPDX-License-Identifier: Apache-2.0
#
# Installs everything the real-editor E2E layer needs. Idempotent: a second run
# on a prepared machine does nothing but check and print "ok" lines.
#
#   apt (only when missing): chromium neovim ripgrep libkrb5-dev unzip
#   npm: code-server@4.100.3 into ${OSPO_E2E_CACHE:-$HOME/.cache/ospo-compliance/e2e}/code-server
#        (outside the repo's node_modules, so it never touches package-lock.json)
#
# Works offline except for the npm registry and Debian's apt mirror, as root,
# with no stdin (CI=true). See test/e2e/README.md.
set -euo pipefail

CS_VERSION=4.100.3                      # newest code-server whose engine is Node 20
RG_CACHE_VERSION=1.15.11                # @vscode/ripgrep version pulled in by code-server 4.100.3
RG_VERSION=v13.0.0-10                   # ripgrep release that @vscode/ripgrep 1.15.11 downloads
CACHE=${OSPO_E2E_CACHE:-$HOME/.cache/ospo-compliance/e2e}
CS_DIR=$CACHE/code-server
STAMP=$CS_DIR/.ospo-e2e-installed       # written last: a partial install has no stamp

say()  { printf 'e2e-setup: %s\n' "$*"; }
die()  { printf 'e2e-setup: ERROR: %s\n' "$*" >&2; exit 1; }

# One setup at a time per cache (parallel runs on one machine share it).
mkdir -p "$CACHE" || die "cannot create $CACHE"
if command -v flock >/dev/null; then
  exec 9>"$CACHE/.setup.lock"
  flock -w 900 9 || die "another setup.sh holds $CACHE/.setup.lock"
fi

# ---------------------------------------------------------------- apt packages
APT_PACKAGES=(chromium neovim ripgrep libkrb5-dev unzip)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ $status == "install ok installed" ]] || missing+=("$pkg")
done
if ((${#missing[@]})); then
  say "installing apt packages: ${missing[*]}"
  command -v apt-get >/dev/null || die "apt-get not found; install ${missing[*]} by hand"
  SUDO=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || die "not root and no sudo; install ${missing[*]} by hand"
    SUDO=(sudo -n)
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt_log=$CACHE/apt.log
  if ! "${SUDO[@]}" apt-get update -q </dev/null >"$apt_log" 2>&1; then
    tail -n 20 "$apt_log" >&2; die "apt-get update failed (full log: $apt_log)"
  fi
  if ! "${SUDO[@]}" apt-get install -y -q -o DPkg::Lock::Timeout=300 --no-install-recommends "${missing[@]}" \
       </dev/null >>"$apt_log" 2>&1; then
    tail -n 20 "$apt_log" >&2; die "apt-get install ${missing[*]} failed (full log: $apt_log)"
  fi
  say "ok: installed ${missing[*]}"
else
  say "ok: apt packages present (${APT_PACKAGES[*]})"
fi
for bin in chromium nvim rg unzip node npm; do
  command -v "$bin" >/dev/null || die "'$bin' is not on PATH after installing"
done

# ---------------------------------------------------------------- code-server
installed_version() {
  [[ -f $STAMP && -x $CS_DIR/node_modules/.bin/code-server ]] || return 0
  node -p "require('$CS_DIR/node_modules/code-server/package.json').version" 2>/dev/null || true
}
if [[ $(installed_version) == "$CS_VERSION" ]]; then
  say "ok: code-server $CS_VERSION in $CS_DIR"
  exit 0
fi

say "installing code-server@$CS_VERSION into $CS_DIR (about 90 s, 300 MB)"
rm -rf "$CS_DIR"
mkdir -p "$CS_DIR"
printf '{ "name": "ospo-e2e-code-server", "private": true }\n' > "$CS_DIR/package.json"

# Fix 4: @vscode/ripgrep's postinstall downloads rg from GitHub (unreachable).
# It first looks in $TMPDIR/vscode-ripgrep-cache-<version>/, so put Debian's rg
# there as the tarball it expects. A private TMPDIR keeps this deterministic.
case $(uname -m) in
  x86_64)  RG_TARGET=x86_64-unknown-linux-musl ;;
  aarch64) RG_TARGET=aarch64-unknown-linux-musl ;;
  *) die "unsupported architecture $(uname -m) for the ripgrep cache" ;;
esac
INSTALL_TMP=$CACHE/tmp
RG_TARBALL=$INSTALL_TMP/vscode-ripgrep-cache-$RG_CACHE_VERSION/ripgrep-$RG_VERSION-$RG_TARGET.tar.gz
mkdir -p "$(dirname "$RG_TARBALL")"
tar -C "$(dirname "$(command -v rg)")" -czf "$RG_TARBALL" rg || die "could not build $RG_TARBALL"

# Fix 2: running as root, npm would drop privileges for lifecycle scripts.
# Fix 3: node-pty's install runs `npx node-gyp`; some npmrc files say yes=false.
# node-gyp needs Node's headers; Debian's nodejs ships them in /usr/include/node,
# which avoids a download from nodejs.org.
export npm_config_unsafe_perm=true npm_config_yes=true
if [[ -z ${npm_config_nodedir:-} && -f /usr/include/node/node.h ]]; then
  export npm_config_nodedir=/usr
fi
log=$CACHE/code-server-install.log
start=$SECONDS
if ! TMPDIR=$INSTALL_TMP npm install --prefix "$CS_DIR" --no-audit --no-fund --no-save \
      --loglevel=error "code-server@$CS_VERSION" </dev/null >"$log" 2>&1; then
  tail -n 40 "$log" >&2
  die "npm install code-server@$CS_VERSION failed (full log: $log)"
fi
[[ -x $CS_DIR/node_modules/.bin/code-server ]] || die "code-server binary missing after install (log: $log)"
got=$(node -p "require('$CS_DIR/node_modules/code-server/package.json').version")
[[ $got == "$CS_VERSION" ]] || die "installed code-server $got, expected $CS_VERSION"
# Smoke test. code-server writes config.yaml and logs even for --version, so
# point its XDG folders at the scratch dir instead of $HOME.
XDG_CONFIG_HOME=$INSTALL_TMP XDG_DATA_HOME=$INSTALL_TMP "$CS_DIR/node_modules/.bin/code-server" --version \
  >>"$log" 2>&1 || die "code-server --version fails (log: $log)"
echo "$CS_VERSION" > "$STAMP"
rm -rf "$INSTALL_TMP"
say "ok: code-server $CS_VERSION installed in $((SECONDS - start)) s"
