#!/usr/bin/env bash
# npm start — from a fresh clone to KS Pay POS running in Demo mode. Installs what is missing (system
# packages, Node 24, npm packages), builds, then starts the Electron app where its binary can start,
# and browser mode (opened in the system's browser) where it cannot.
#   npm start -- --browser     browser mode even where Electron could start
#   KSPAY_PORT=5180 KSPAY_DATA_DIR=... KSPAY_NO_OPEN=1    browser-mode port, data folder, do not open a browser
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '%s\n' "$*"; }

force_browser=0
for arg in "$@"; do [[ $arg == --browser ]] && force_browser=1; done

# 1–3. System packages, Node 24 (put first on PATH here), npm packages: silent when all are there.
# shellcheck source=setup.sh
source scripts/setup.sh
setup_all || exit 1

# 4. Build main, preload and renderer, unless the last build is newer than every input.
build_stamp=out/.build-stamp
if [[ ! -f $build_stamp ]] ||
  [[ -n $(find src resources package-lock.json electron.vite.config.ts tsconfig*.json -newer "$build_stamp" -print -quit) ]]; then
  build_started=$SECONDS
  build_log=$(mktemp)
  if ! npm run --silent build >"$build_log" 2>&1; then
    cat "$build_log"
    say "The build failed (its output is above). Fix the error it names, then run npm start again."
    exit 1
  fi
  rm -f "$build_log"
  touch "$build_stamp"
  say "Built the app ($((SECONDS - build_started)) s)"
fi

# 5. Electron, where its binary can be fetched, finds a display and runs.
# shellcheck source=electron.sh
source scripts/electron.sh
if ((force_browser == 0)) && electron_can_start; then
  electron_vite_exec preview --skipBuild
fi

# 6. Browser mode: the same app and services over loopback, in the system's browser. Browser mode
#    prints a one-time address (http://127.0.0.1:PORT/#pair=<code>) that connects the one browser that
#    opens it, and (--opener-file) the path of a file only this user can read that forwards to it. The
#    browser is opened on that path: a command line is readable by every user of the computer
#    (/proc/PID/cmdline), so the code is never put on one. What it prints is read from a private file.
port=${KSPAY_PORT:-5180}
data_dir=${KSPAY_DATA_DIR:-$HOME/.local/share/ks-pay-pos-browser}
if ((force_browser == 0)); then
  say "Electron cannot start here ($ELECTRON_WHY_NOT): starting browser mode instead, in Demo mode."
fi
mkdir -p "$data_dir"
printed=$(mktemp)
node src/browser/cli.ts --port "$port" --data-dir "$data_dir" --opener-file > >(tee "$printed") &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$printed"' INT TERM EXIT
opener=''
for _ in $(seq 1 300); do
  opener=$(sed -n 's/^KS Pay POS opener file at //p' "$printed" | head -n 1 || true)
  [[ -n $opener ]] && break
  if ! kill -0 "$server" 2>/dev/null; then
    say "Browser mode stopped before it was ready (its message is above). Is port $port taken? Try: KSPAY_PORT=5181 npm start"
    exit 1
  fi
  sleep 0.2
done
rm -f "$printed"
if [[ -z $opener ]]; then
  say "Browser mode did not print its address within a minute (its messages are above). Run npm start again."
  exit 1
fi
if [[ -z ${KSPAY_NO_OPEN:-} && -n ${DISPLAY:-}${WAYLAND_DISPLAY:-} ]] && command -v xdg-open >/dev/null 2>&1; then
  xdg-open "$opener" >/dev/null 2>&1 || true
  say "KS Pay POS is running in browser mode, opened in your browser through its one-time address (Ctrl+C stops it). If no browser opened, open the one-time address above."
else
  say "KS Pay POS is running in browser mode: open the one-time address above in a browser (Ctrl+C stops it)."
fi
wait "$server"
