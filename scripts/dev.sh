#!/usr/bin/env bash
# npm run dev — the Electron app with hot reload (electron-vite dev). Fetches the Electron binary first
# (install-electron, with a visible line); where Electron cannot start here (no network to the download
# host, no display, a binary that does not run) it says why in one line and starts browser mode instead.
# A development run keeps its own data folder ("KS Pay POS (development)"), never the installed app's.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=electron.sh
source scripts/electron.sh
if electron_can_start; then
  electron_vite_exec dev "$@"
fi
printf 'Electron cannot start here (%s): starting browser mode instead (no hot reload; the app is rebuilt when its sources change).\n' "$ELECTRON_WHY_NOT"
exec bash scripts/start.sh --browser
