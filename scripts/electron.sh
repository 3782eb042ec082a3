#!/usr/bin/env bash
# Finding and fetching the Electron binary, for npm start (sourced). Since Electron 42 nothing downloads
# it at `npm ci`: it comes from `install-electron`, so npm start fetches it first, with a visible line, and
# where that or starting it fails, says the real reason.
#   ELECTRON_OVERRIDE_DIST_PATH   a folder holding an Electron build (Electron's own variable)
#   KSPAY_INSTALL_ELECTRON        the fetch command instead of node_modules/electron/install.js

ELECTRON_MODULE=node_modules/electron
ELECTRON_WHY_NOT=''

electron_version() { node -p "require('./$ELECTRON_MODULE/package.json').version"; }

# The executable Electron would run: the override folder's, else the one install-electron put in dist/.
electron_binary() {
  local relative=electron
  [[ -f $ELECTRON_MODULE/path.txt ]] && relative=$(cat "$ELECTRON_MODULE/path.txt")
  if [[ -n ${ELECTRON_OVERRIDE_DIST_PATH:-} ]]; then
    printf '%s\n' "$ELECTRON_OVERRIDE_DIST_PATH/$relative"
  elif [[ -f $ELECTRON_MODULE/path.txt ]]; then
    printf '%s\n' "$PWD/$ELECTRON_MODULE/dist/$relative"
  else
    return 1
  fi
}

# Why the download host cannot be reached, in plain words, or nothing when it can.
electron_download_host_problem() {
  local host=github.com
  if [[ -n ${ELECTRON_MIRROR:-} ]]; then
    host=${ELECTRON_MIRROR#*://}
    host=${host%%/*}
  fi
  if ! getent hosts "$host" >/dev/null 2>&1; then
    echo "no network to the download host $host (its name does not resolve)"
  elif ! timeout 10 bash -c "</dev/tcp/$host/443" 2>/dev/null; then
    echo "no network to the download host $host (port 443 cannot be reached)"
  fi
}

electron_fetch() {
  electron_binary >/dev/null && [[ -x $(electron_binary) ]] && return 0
  local version started=$SECONDS log
  version=$(electron_version)
  printf 'Fetching the Electron %s binary (install-electron)…\n' "$version"
  log=$(mktemp)
  local fetch=(node "$ELECTRON_MODULE/install.js")
  [[ -n ${KSPAY_INSTALL_ELECTRON:-} ]] && fetch=("$KSPAY_INSTALL_ELECTRON")
  if "${fetch[@]}" >"$log" 2>&1 && electron_binary >/dev/null; then
    rm -f "$log"
    printf 'Fetched Electron %s (%s s)\n' "$version" "$((SECONDS - started))"
    return 0
  fi
  local problem
  problem=$(electron_download_host_problem)
  ELECTRON_WHY_NOT="its binary could not be downloaded: ${problem:-install-electron said: $(grep -v '^\s*at ' "$log" | tail -n 1)}"
  rm -f "$log"
  return 1
}

# Whether Electron can open its window here; ELECTRON_WHY_NOT says why not.
electron_can_start() {
  electron_fetch || return 1
  local binary
  binary=$(electron_binary)
  if [[ ! -x $binary ]]; then
    ELECTRON_WHY_NOT="its binary $binary is missing"
    return 1
  fi
  if [[ $(uname -s) == Linux && -z ${DISPLAY:-}${WAYLAND_DISPLAY:-} ]]; then
    ELECTRON_WHY_NOT='there is no display to open a window on'
    return 1
  fi
  local restricted=/proc/sys/kernel/apparmor_restrict_unprivileged_userns sandbox
  sandbox="$(dirname "$binary")/chrome-sandbox"
  if [[ $(id -u) -ne 0 && $(cat "$restricted" 2>/dev/null) == 1 && ! -u $sandbox ]]; then
    ELECTRON_WHY_NOT="Ubuntu's AppArmor forbids the user namespaces Electron's sandbox needs here (kernel.apparmor_restrict_unprivileged_userns=1). Either install the deb (npm run dist; its post-install adds the AppArmor profile), or give this copy its setuid sandbox: sudo chown root:root $sandbox && sudo chmod 4755 $sandbox"
    return 1
  fi
  if ! timeout 20 "$binary" --version >/dev/null 2>&1; then
    ELECTRON_WHY_NOT="its binary does not run on this system (try: $binary --version)"
    return 1
  fi
  # electron-vite finds Electron by path.txt only; this names the binary, override or not.
  export ELECTRON_EXEC_PATH=$binary
}

# Runs electron-vite (`preview` or `dev`, with more arguments) on the binary electron_can_start found.
# Root gets --noSandbox, since Chromium's OS sandbox cannot start for root, and is told so.
electron_vite_exec() {
  local sandbox_flag=()
  if [[ $(id -u) -eq 0 ]]; then
    printf '%s\n' "Running as root: Chromium's OS sandbox cannot start for root, so Electron runs with --no-sandbox. Run it as a normal user for the full sandbox."
    sandbox_flag=(--noSandbox)
  fi
  exec npx electron-vite "$@" "${sandbox_flag[@]}"
}
