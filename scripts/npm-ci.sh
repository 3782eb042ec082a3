#!/usr/bin/env bash
# Installs exactly what package-lock.json records: `npm ci`, or — where npm rejects its own lock file
# because an optional dependency is not published on the registry it uses (npm/cli#9846: vite 8's
# Windows-only `napi-windows-process-start-time` here) — `npm install` from the same lock file,
# which must leave that file unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log" "$log.lock"' EXIT
if npm ci --no-audit --no-fund "$@" 2>"$log"; then
  exit 0
fi
if ! grep -q 'can only install packages when your package.json and package-lock.json' "$log" || ! grep -q 'Missing: .*@ from lock file' "$log"; then
  cat "$log" >&2
  exit 1
fi
echo "npm ci refused the lock file over an optional package the registry does not have ($(grep -o 'Missing: [^ ]*' "$log" | head -1 | cut -d' ' -f2)); installing the same lock with npm install instead (npm/cli#9846)."
cp package-lock.json "$log.lock"
npm install --no-audit --no-fund "$@"
if ! cmp -s package-lock.json "$log.lock"; then
  cp "$log.lock" package-lock.json
  echo "npm install wanted to change package-lock.json, so what it installed is not what the lock records. The lock file was restored; update it with npm install on a development machine and commit it." >&2
  exit 1
fi
