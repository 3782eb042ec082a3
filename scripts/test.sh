#!/usr/bin/env bash
# npm test — the whole suite, stopping at the first failing step and naming it:
#   typecheck · lint · unit (vitest) · security · build (npm run dist -- --checks-only: the build and
#   electron-builder.yml against its schema; CI never packages) · e2e (Playwright) · secrets (scan of what e2e wrote)
# `npm test -- unit e2e` runs only the named steps (in the order above).
# The vault's tests need a Secret Service: without a D-Bus session whose keyring is unlocked, this
# script re-runs itself inside `dbus-run-session` with a throwaway, unlocked gnome-keyring.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '%s\n' "$*"; }

# System packages (the keyring, D-Bus, Chromium), Node 24 first on PATH, npm packages: the same set-up
# as npm start and .ci/run, silent when everything is there.
# shellcheck source=setup.sh
source scripts/setup.sh
setup_all || exit 1
if [[ -z ${CHROMIUM_PATH:-} && -z ${KSPAY_TEST_KEYRING:-} ]]; then
  say "No Chromium or Chrome was found for the end-to-end tests: $(setup_chromium_advice)"
fi

keyring_unlocked() {
  [[ -n ${DBUS_SESSION_BUS_ADDRESS:-} ]] || return 1
  command -v dbus-send >/dev/null 2>&1 || return 1
  dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets/aliases/default \
    org.freedesktop.DBus.Properties.Get string:org.freedesktop.Secret.Collection string:Locked 2>/dev/null | grep -q 'boolean false'
}

if [[ ${KSPAY_TEST_KEYRING:-} == start ]]; then
  # Inside our own D-Bus session: a keyring in a temporary folder, unlocked with a throwaway password,
  # so the tests never touch (or need the password of) the user's real login keyring.
  keyring_home=$(mktemp -d)
  trap 'rm -rf "$keyring_home"' EXIT
  printf '%s' ks-pay-pos-tests | XDG_DATA_HOME=$keyring_home gnome-keyring-daemon --unlock --components=secrets >/dev/null
  for _ in $(seq 1 50); do
    dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true' && break
    sleep 0.1
  done
  export KSPAY_TEST_KEYRING=ready
elif [[ ${KSPAY_TEST_KEYRING:-} != ready ]] && ! keyring_unlocked; then
  for tool in dbus-run-session gnome-keyring-daemon dbus-send; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      say "npm test needs $tool for the keychain tests. Install: sudo apt-get install dbus-x11 gnome-keyring."
      exit 1
    fi
  done
  # dbus-daemon warns it cannot raise its file limit when not root; the warning is harmless, so it is dropped.
  exec dbus-run-session -- env KSPAY_TEST_KEYRING=start bash "$0" "$@" 2> >(grep --line-buffered -v 'Failed to set fd limit' >&2)
fi

steps=(
  'typecheck|npm run --silent typecheck'
  'lint|npm run --silent lint'
  'unit|npx vitest run'
  'security|npm run --silent security'
  'build|npm run --silent dist -- --checks-only'
  'e2e|rm -rf .tmp/e2e && npx playwright test'
  'secrets|npm run --silent security:secrets'
)
if (($# > 0)); then
  chosen=()
  for step in "${steps[@]}"; do
    for wanted in "$@"; do [[ ${step%%|*} == "$wanted" ]] && chosen+=("$step"); done
  done
  if ((${#chosen[@]} != $#)); then
    say "Unknown step in: $*. Steps: typecheck lint unit security build e2e secrets."
    exit 2
  fi
  steps=("${chosen[@]}")
fi
started=$SECONDS
index=0
for step in "${steps[@]}"; do
  index=$((index + 1))
  name=${step%%|*}
  command=${step#*|}
  say ""
  say "▶ npm test step $index/${#steps[@]}: $name ($command)"
  step_started=$SECONDS
  bash -c "$command" || {
    code=$?
    say ""
    say "✖ npm test failed at step $index/${#steps[@]}: $name — re-run it alone with: $command"
    exit "$code"
  }
  say "✔ $name ($((SECONDS - step_started)) s)"
done
say ""
say "✔ npm test: all ${#steps[@]} steps passed in $((SECONDS - started)) s."
