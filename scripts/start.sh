#!/usr/bin/env bash
# npm start — from a fresh clone to KS Pay POS running in Demo mode. Installs what is missing (system
# packages, Node 24, npm packages), builds, then starts the Electron app where its binary can start,
# and browser mode (opened in the system's browser) where it cannot.
#   npm start -- --browser     browser mode even where Electron could start
#   KSPAY_PORT=5180 KSPAY_DATA_DIR=... KSPAY_NO_OPEN=1    browser-mode port, data folder, do not open a browser
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '%s\n' "$*"; }
can_be_root() { [[ $(id -u) -eq 0 ]] || command -v sudo >/dev/null 2>&1; }
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

force_browser=0
for arg in "$@"; do [[ $arg == --browser ]] && force_browser=1; done

# 1. System packages: the keychain (libsecret + gnome-keyring, D-Bus), Chromium for browser mode and
#    the e2e tests, and the compilers keytar builds with when no prebuilt binary can be fetched.
if [[ -z ${KSPAY_START_REEXEC:-} ]]; then
  wanted=(libsecret-1-dev gnome-keyring dbus-x11 chromium)
  { command -v make && command -v g++; } >/dev/null 2>&1 || wanted+=(build-essential)
  command -v python3 >/dev/null 2>&1 || wanted+=(python3)
  if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    missing=()
    for package in "${wanted[@]}"; do
      dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
    done
    if ((${#missing[@]} > 0)); then
      if can_be_root; then
        say "Installing system packages: ${missing[*]}"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || true
        if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; then
          # Ubuntu ships Chromium as a snap, not as the Debian "chromium" package: any browser does for browser mode.
          rest=("${missing[@]/chromium/}")
          as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${rest[*]} >/dev/null ||
            say "Could not install ${missing[*]}: install them with sudo apt-get install ${missing[*]}; carrying on without them."
        fi
      else
        say "Missing system packages: ${missing[*]}. Install them with: sudo apt-get install ${missing[*]} (carrying on: without them keys are kept for this session only, and keytar may not build)."
      fi
    fi
  else
    say "Not a Debian/Ubuntu system: install libsecret, a Secret Service (gnome-keyring), D-Bus and a C++ compiler with your package manager if npm ci fails."
  fi
fi

# 2. Node 24 (Electron 45 runs Node 24; the sandbox and browser mode run TypeScript directly on it).
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if ((node_major < 24)); then
  if [[ -n ${KSPAY_START_REEXEC:-} ]]; then
    say "Node 24 was installed into /usr/local, but 'node' is still $(node -v 2>/dev/null || echo missing). Put /usr/local/bin first on PATH and run npm start again."
    exit 1
  fi
  say "Node $(node -v 2>/dev/null || echo '(none)') is older than 24: installing Node 24 into /usr/local (npm install -g --prefix /usr/local node@24)."
  if ! can_be_root || ! as_root npm install -g --prefix /usr/local --allow-scripts=node node@24 >/dev/null; then
    say "Could not install Node 24. Install it from https://nodejs.org (or: nvm install 24), then run npm start again."
    exit 1
  fi
  hash -r
  export PATH="/usr/local/bin:$PATH" KSPAY_START_REEXEC=1
  exec bash "$0" "$@"
fi
npm_major=$(npm --version | cut -d. -f1)
if ((npm_major < 11)); then
  say "npm $(npm --version) is older than 11 (Vite 8 needs it): installing npm 11 into /usr/local."
  if can_be_root && as_root npm install -g --prefix /usr/local npm@11 >/dev/null; then
    hash -r
    export PATH="/usr/local/bin:$PATH"
  else
    say "Could not upgrade npm: run npm install -g npm@11, then npm start again."
    exit 1
  fi
fi

# 3. npm packages, when missing or older than the lock file (npm writes node_modules/.package-lock.json).
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  say "Installing npm packages (npm ci)…"
  npm ci --no-audit --no-fund
fi

# 4. Build main, preload and renderer.
npm run --silent build

# 5. Electron, where its binary exists and can open a window.
why=''
electron_can_start() {
  if [[ ! -f node_modules/electron/path.txt ]]; then
    why='its binary is not installed: node_modules/electron/dist is missing because it could not be downloaded'
    return 1
  fi
  local binary
  binary="node_modules/electron/dist/$(cat node_modules/electron/path.txt)"
  if [[ ! -x $binary ]]; then
    why="its binary $binary is missing"
    return 1
  fi
  if [[ $(uname -s) == Linux && -z ${DISPLAY:-}${WAYLAND_DISPLAY:-} ]]; then
    why='there is no display to open a window on'
    return 1
  fi
  if ! timeout 20 "$binary" --version >/dev/null 2>&1; then
    why="its binary does not run on this system (try: $binary --version)"
    return 1
  fi
}

if ((force_browser == 0)) && electron_can_start; then
  sandbox_flag=()
  if [[ $(id -u) -eq 0 ]]; then
    say "Running as root: Chromium's OS sandbox cannot start for root, so Electron runs with --no-sandbox. Run npm start as a normal user for the full sandbox."
    sandbox_flag=(--noSandbox)
  fi
  exec npx electron-vite preview --skipBuild "${sandbox_flag[@]}"
fi

# 6. Browser mode: the same app and services over loopback, in the system's browser. Browser mode
#    prints a one-time address (http://127.0.0.1:PORT/#pair=<code>) that connects the one browser that
#    opens it; this opens (or shows) that address. What it prints is read from a private temporary file.
port=${KSPAY_PORT:-5180}
data_dir=${KSPAY_DATA_DIR:-$HOME/.local/share/ks-pay-pos-browser}
if ((force_browser == 0)); then
  say "Electron cannot start here ($why): starting browser mode instead, in Demo mode."
fi
mkdir -p "$data_dir"
printed=$(mktemp)
node src/browser/cli.ts --port "$port" --data-dir "$data_dir" > >(tee "$printed") &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$printed"' INT TERM EXIT
url=''
for _ in $(seq 1 300); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/#pair=[A-Za-z0-9_-]*' "$printed" | head -n 1 || true)
  [[ -n $url ]] && break
  if ! kill -0 "$server" 2>/dev/null; then
    say "Browser mode stopped before it was ready (its message is above). Is port $port taken? Try: KSPAY_PORT=5181 npm start"
    exit 1
  fi
  sleep 0.2
done
rm -f "$printed"
if [[ -z $url ]]; then
  say "Browser mode did not print its address within a minute (its messages are above). Run npm start again."
  exit 1
fi
if [[ -z ${KSPAY_NO_OPEN:-} && -n ${DISPLAY:-}${WAYLAND_DISPLAY:-} ]] && command -v xdg-open >/dev/null 2>&1; then
  xdg-open "$url" >/dev/null 2>&1 || true
  say "KS Pay POS is running in browser mode, opened in your browser with its one-time address (Ctrl+C stops it). If no browser opened, open the one-time address above."
else
  say "KS Pay POS is running in browser mode: open the one-time address above in a browser (Ctrl+C stops it)."
fi
wait "$server"
