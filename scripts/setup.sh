#!/usr/bin/env bash
# The one set-up of a clone, used by `npm start`, `npm test` and `.ci/run`: system packages (apt), Node 24,
# the npm packages. Prints one line for each thing it installs, with the time it took, and nothing when
# everything is already there.
#
#   bash scripts/setup.sh                      every step, in order
#   bash scripts/setup.sh system|node|npm      one step alone
#   bash scripts/setup.sh node --prefix DIR    install Node 24 into DIR (even when Node 24 is already
#                                              there) and check that the installed node runs
#   source scripts/setup.sh && setup_all       the same as a library: leaves Node 24 first on PATH and
#                                              CHROMIUM_PATH set (when a browser is found) in the caller
#
# Node 24 goes into /usr/local as root, and into the clone's own .tools/node (git-ignored) for anyone
# else: no sudo needed, and the scripts put it first on PATH themselves.

SETUP_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SETUP_NODE_MAJOR=24
# Where root's Node 24 goes, and where anyone's scripts look for it (a test points it elsewhere to play a
# machine that has none there).
SETUP_SYSTEM_PREFIX=${KSPAY_NODE_SYSTEM_PREFIX:-/usr/local}
SETUP_SYSTEM_PACKAGES=(libsecret-1-dev gnome-keyring dbus dbus-x11 chromium ca-certificates git)

setup_say() { printf '%s\n' "$*" >&2; }
setup_is_root() { [[ $(id -u) -eq 0 ]]; }
setup_has_sudo() { command -v sudo >/dev/null 2>&1; }
setup_as_root() { if setup_is_root; then "$@"; else sudo "$@"; fi; }

# The major version of the node at $1 (a path or a command name), or 0 when it does not run.
setup_node_major() {
  "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

setup_user_prefix() { printf '%s\n' "$SETUP_ROOT/.tools/node"; }
setup_default_prefix() { if setup_is_root; then echo "$SETUP_SYSTEM_PREFIX"; else setup_user_prefix; fi; }

setup_prepend_path() {
  local rest=":$PATH:"
  rest=${rest//":$1:"/:}
  rest=${rest#:}
  rest=${rest%:}
  export PATH="$1${rest:+:$rest}"
  hash -r
}

# ── 1. System packages ────────────────────────────────────────────────────────────────────────────
setup_missing_packages() {
  local wanted=("${SETUP_SYSTEM_PACKAGES[@]}") missing=() package installed
  # keytar compiles against libsecret when no prebuilt binary can be fetched.
  { command -v make && command -v g++; } >/dev/null 2>&1 || wanted+=(build-essential)
  command -v python3 >/dev/null 2>&1 || wanted+=(python3)
  # One dpkg-query for all of them: npm start runs this every time.
  installed=$(dpkg-query -W -f='${Package} ${Status}\n' "${wanted[@]}" 2>/dev/null | grep ' install ok installed$' || true)
  for package in "${wanted[@]}"; do
    # Ubuntu's "chromium" is a snap stub: any working Chromium or Chrome does instead.
    [[ $package == chromium && -n ${CHROMIUM_PATH:-} ]] && continue
    grep -q "^$package " <<<"$installed" || missing+=("$package")
  done
  ((${#missing[@]} == 0)) || printf '%s\n' "${missing[@]}"
}

setup_system() {
  if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    setup_say "Not a Debian/Ubuntu system: install libsecret, gnome-keyring, D-Bus, Chromium and a C++ compiler with your package manager if npm ci or the tests fail."
    return 0
  fi
  local missing
  mapfile -t missing < <(setup_missing_packages)
  ((${#missing[@]} == 0)) && return 0
  if ! setup_is_root && ! setup_has_sudo; then
    setup_say "Missing system packages: ${missing[*]}. You are not root and have no sudo: ask an administrator to run"
    setup_say "  sudo apt-get install -y ${missing[*]}"
    setup_say "Carrying on without them (the keychain tests and browser-mode tests need them)."
    return 0
  fi
  local started=$SECONDS
  export DEBIAN_FRONTEND=noninteractive
  # apt-get update alone can take minutes on a slow mirror: it runs only when something is missing.
  setup_as_root apt-get update -qq >/dev/null 2>&1 || true
  # apt's own chatter (debconf notes) stays out of the one line this step prints; failures still show.
  if ! setup_as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>/dev/null; then
    local rest=() package
    for package in "${missing[@]}"; do [[ $package == chromium ]] || rest+=("$package"); done
    if ((${#rest[@]} > 0)) && ! setup_as_root apt-get install -y -qq --no-install-recommends "${rest[@]}" >/dev/null; then
      setup_say "Could not install system packages ${missing[*]}. Run: sudo apt-get install -y ${missing[*]}"
      return 1
    fi
    setup_say "Installed system packages: ${rest[*]} ($((SECONDS - started)) s); apt has no working chromium here: $(setup_chromium_advice)"
    return 0
  fi
  setup_say "Installed system packages: ${missing[*]} ($((SECONDS - started)) s)"
}

# ── Chromium (browser-mode tests, the bench) ──────────────────────────────────────────────────────
# The first Chromium or Chrome that really runs: Ubuntu's /usr/bin/chromium-browser is a stub that only
# says to install the snap, so a candidate counts only when --version names a browser.
setup_find_chromium() {
  local candidate path
  for candidate in ${CHROMIUM_PATH:-} chromium chromium-browser google-chrome google-chrome-stable /snap/bin/chromium; do
    path=$(command -v "$candidate" 2>/dev/null) || continue
    timeout 20 "$path" --version 2>/dev/null | grep -Eq '(Chromium|Chrome) [0-9]+' || continue
    printf '%s\n' "$path"
    return 0
  done
  return 1
}

setup_chromium_advice() {
  echo "install Chromium or Google Chrome (Debian: sudo apt-get install chromium; Ubuntu: sudo snap install chromium, or Google Chrome's .deb), or set CHROMIUM_PATH to one."
}

setup_use_chromium() {
  local path
  if path=$(setup_find_chromium); then
    export CHROMIUM_PATH=$path
  fi
}

# ── 2. Node 24 ────────────────────────────────────────────────────────────────────────────────────
# Installs Node 24 from the npm registry into $1 and checks that it runs. The `node` package's
# preinstall runs a nested `npm install` of the platform binary, so no --allow-scripts flag here:
# npm 11.19 refuses that flag in the nested install (EALLOWSCRIPTS). It only warns without it.
setup_install_node_into() {
  local prefix=$1 started=$SECONDS log
  log=$(mktemp)
  mkdir -p "$prefix" 2>/dev/null || true
  # --prefix also moves where npm reads its machine-wide config ({prefix}/etc/npmrc): keep the machine's
  # own, which may hold the registry, a proxy or a CA file.
  local globalconfig
  globalconfig=$(npm config get globalconfig 2>/dev/null)
  local install=(npm install -g --prefix "$prefix" --globalconfig "$globalconfig" --no-audit --no-fund "node@$SETUP_NODE_MAJOR")
  if [[ ! -w $prefix ]] && ! setup_is_root; then install=(sudo "${install[@]}"); fi
  if ! "${install[@]}" >"$log" 2>&1; then
    setup_say "Could not install Node $SETUP_NODE_MAJOR into $prefix. npm said:"
    grep -v 'install-scripts' "$log" | tail -n 15 >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
  local major
  major=$(setup_node_major "$prefix/bin/node")
  if ((major != SETUP_NODE_MAJOR)); then
    setup_say "Node was installed into $prefix, but $prefix/bin/node does not run as Node $SETUP_NODE_MAJOR (it says: $("$prefix/bin/node" --version 2>&1 | head -n 1))."
    return 1
  fi
  setup_say "Installed Node $("$prefix/bin/node" --version) into $prefix ($((SECONDS - started)) s)"
}

# Puts a Node ≥ 24 first on PATH: the one on PATH, else one this script installed before, else a new
# install into the default prefix.
# npm reads its machine-wide config from beside the node that runs it ({prefix}/etc/npmrc): once another Node
# is first on PATH, the machine's own (the registry, a proxy, its CA file) is no longer read. Kept here, before
# PATH changes, for every npm call that follows.
setup_keep_npm_config() {
  [[ -n ${npm_config_globalconfig:-} ]] && return 0
  local file
  for file in "$(npm config get globalconfig 2>/dev/null)" /usr/etc/npmrc /etc/npmrc; do
    if [[ -n $file && -f $file ]]; then
      export npm_config_globalconfig=$file
      return 0
    fi
  done
}

setup_node() {
  command -v npm >/dev/null 2>&1 && setup_keep_npm_config
  if (($(setup_node_major node) >= SETUP_NODE_MAJOR)); then
    setup_npm_version
    return
  fi
  local prefix
  for prefix in "$SETUP_SYSTEM_PREFIX" "$(setup_user_prefix)"; do
    if (($(setup_node_major "$prefix/bin/node") >= SETUP_NODE_MAJOR)); then
      setup_prepend_path "$prefix/bin"
      setup_npm_version
      return
    fi
  done
  prefix=$(setup_default_prefix)
  setup_install_node_into "$prefix" || {
    setup_say "Install Node $SETUP_NODE_MAJOR yourself (https://nodejs.org, or: nvm install $SETUP_NODE_MAJOR), then run this again."
    return 1
  }
  setup_prepend_path "$prefix/bin"
  setup_npm_version
}

# Vite 8 needs npm 11; an older npm is upgraded into the same prefix as Node.
setup_npm_version() {
  local npm_major
  npm_major=$(npm --version 2>/dev/null | cut -d. -f1)
  ((${npm_major:-0} >= 11)) && return 0
  local node_bin prefix started=$SECONDS
  node_bin=$(dirname "$(command -v node)")
  prefix=$(dirname "$node_bin")
  [[ -w $prefix ]] || prefix=$(setup_user_prefix)
  if ! npm install -g --prefix "$prefix" --globalconfig "$(npm config get globalconfig)" --no-audit --no-fund npm@11 >/dev/null 2>&1; then
    setup_say "npm $(npm --version 2>/dev/null) is older than 11 and could not be upgraded: run npm install -g npm@11, then run this again."
    return 1
  fi
  setup_prepend_path "$prefix/bin"
  setup_say "Installed npm $(npm --version) into $prefix ($((SECONDS - started)) s)"
}

# ── 3. npm packages ───────────────────────────────────────────────────────────────────────────────
# npm ci when node_modules is missing, older than the lock file, or was built by another Node ABI
# (keytar is native).
setup_npm_stamp() { printf '%s\n' "$SETUP_ROOT/node_modules/.ks-pay-pos-setup"; }
setup_npm_wanted_stamp() {
  local headers
  headers=$(setup_node_headers_dir) || headers=none
  printf 'node %s headers %s\n' "$(node -p process.versions.modules)" "$headers"
}

# The folder whose include/node holds the headers of the node on PATH, for node-gyp's --nodedir: beside the
# binary (a system Node: /usr/include/node; Node's own tarball) or in the platform package of npm's `node`
# package (what setup_node installs). Only headers of exactly this version count: building keytar against
# another Node's (root's npmrc may point at the system Node 20) is how a module ends up built for the wrong one.
setup_node_headers_dir() {
  node -e '
    const { existsSync, readFileSync } = require("node:fs");
    const { dirname, join } = require("node:path");
    const root = dirname(dirname(process.execPath));
    const candidates = [root, join(root, "node_modules", `node-${process.platform}-${process.arch}`)];
    const version = (header) =>
      ["MAJOR", "MINOR", "PATCH"].map((part) => header.match(new RegExp(`#define NODE_${part}_VERSION (\\d+)`))?.[1]).join(".");
    for (const dir of candidates) {
      const include = join(dir, "include", "node");
      if (!existsSync(join(include, "common.gypi"))) continue;
      try {
        if (version(readFileSync(join(include, "node_version.h"), "utf8")) === process.versions.node) {
          console.log(dir);
          process.exit(0);
        }
      } catch {}
    }
    process.exit(1);
  '
}

setup_npm() {
  local lock="$SETUP_ROOT/node_modules/.package-lock.json" stamp
  stamp=$(setup_npm_stamp)
  if [[ -f $lock && ! $SETUP_ROOT/package-lock.json -nt $lock && -f $stamp &&
    $(cat "$stamp") == "$(setup_npm_wanted_stamp)" ]]; then
    return 0
  fi
  local started=$SECONDS log
  log=$(mktemp)
  if ! setup_npm_ci >"$log" 2>&1; then
    setup_say "npm ci failed. Its last lines:"
    tail -n 25 "$log" >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
  setup_say "Installed npm packages (npm ci, $((SECONDS - started)) s)"
}

# npm ci, always, and the note of which Node ABI it was made for.
# Native modules (keytar) compile against the running Node's own headers, never downloaded: a counter offline
# or behind a proxy, and any user whose npm config names no nodedir, installs all the same.
setup_npm_ci() {
  local headers
  if headers=$(setup_node_headers_dir); then
    (cd "$SETUP_ROOT" && npm_config_nodedir=$headers npm_config_build_from_source=true npm ci --no-audit --no-fund) || return 1
  else
    setup_say "No headers of Node $(node --version) beside $(node -p process.execPath): npm will try to download them for keytar, which fails offline. Install Node $SETUP_NODE_MAJOR with: bash scripts/setup.sh node --prefix DIR (it ships its headers), and put DIR/bin first on PATH."
    (cd "$SETUP_ROOT" && npm ci --no-audit --no-fund) || return 1
  fi
  setup_npm_wanted_stamp >"$(setup_npm_stamp)"
}

setup_all() {
  setup_use_chromium
  setup_system || return 1
  [[ -n ${CHROMIUM_PATH:-} ]] || setup_use_chromium
  setup_node || return 1
  setup_npm || return 1
}

setup_main() {
  set -euo pipefail
  local step=${1:-all}
  case $step in
    all) setup_all ;;
    system) setup_use_chromium && setup_system ;;
    node)
      if [[ ${2:-} == --prefix ]]; then
        [[ -n ${3:-} ]] || { setup_say "Usage: bash scripts/setup.sh node --prefix DIR"; return 2; }
        setup_install_node_into "$3"
      else
        setup_node
      fi
      ;;
    npm) setup_node && setup_npm ;;
    *)
      setup_say "Unknown step '$step'. Steps: system, node, npm (or none for all three)."
      return 2
      ;;
  esac
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  setup_main "$@"
fi
