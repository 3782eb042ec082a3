#!/usr/bin/env bash
# npm run dist — fetches the Electron binary (install-electron, with a visible line), builds the app,
# validates electron-builder.yml against electron-builder's schema, then packages the installers for this
# platform (or the platforms given: npm run dist -- --win --linux; electron-builder fetches those itself).
# Asked for installers and unable to make any, it says the real reason and exits non-zero.
#   npm run dist -- --checks-only    the build and the config check only, nothing packaged (what CI runs)
set -euo pipefail
cd "$(dirname "$0")/.."

checks_only=0
args=()
for arg in "$@"; do
  if [[ $arg == --checks-only ]]; then checks_only=1; else args+=("$arg"); fi
done
electron_version=$(node -p "require('./node_modules/electron/package.json').version")
electron_dist=${ELECTRON_OVERRIDE_DIST_PATH:-node_modules/electron/dist}
packaging_here=0
((${#args[@]} == 0)) && packaging_here=1
if ((checks_only == 0 && packaging_here == 1)); then
  # Packaging for this platform uses this machine's Electron: fetch it first, and fail now, not after the build.
  # shellcheck source=electron.sh
  source scripts/electron.sh
  if ! electron_fetch; then
    echo "npm run dist: no installers were made — the Electron $electron_version binary is needed to package, and $ELECTRON_WHY_NOT. Fix that and run npm run dist again; for the build and config checks alone: npm run dist -- --checks-only." >&2
    exit 1
  fi
fi

# What the app is built to trust for updates (electron.vite.config.ts bakes these in; nothing secret):
# the feed, the Ed25519 public key for Linux metadata, the Windows publisher, whether macOS is signed.
# Without a feed, or without a way to check updates on a platform, that platform's copy keeps updates off.
export KSPAY_UPDATE_FEED_URL=${KSPAY_UPDATE_FEED_URL:-}
update_signing=no
if [[ -n "${KSPAY_UPDATE_SIGNING_KEY:-}" || -n "${KSPAY_UPDATE_SIGNING_KEY_FILE:-}" ]]; then
  KSPAY_UPDATE_PUBLIC_KEY=$(node scripts/update-signing.ts public-key)
  export KSPAY_UPDATE_PUBLIC_KEY
  update_signing=yes
  echo "npm run dist: Linux update metadata will be signed (public key built in: $KSPAY_UPDATE_PUBLIC_KEY)."
else
  export KSPAY_UPDATE_PUBLIC_KEY=
  echo "npm run dist: no update signing key (KSPAY_UPDATE_SIGNING_KEY or KSPAY_UPDATE_SIGNING_KEY_FILE), so Linux update metadata is not signed and Linux copies of this build keep automatic updates off."
fi
export KSPAY_WIN_PUBLISHER_NAME=${KSPAY_WIN_PUBLISHER_NAME:-}
if [[ -z "$KSPAY_WIN_PUBLISHER_NAME" ]]; then
  echo "npm run dist: no KSPAY_WIN_PUBLISHER_NAME, so Windows copies of this build keep automatic updates off."
fi
if [[ -n "${CSC_LINK:-}" || -n "${CSC_NAME:-}" ]]; then export KSPAY_MAC_SIGNED=1; else export KSPAY_MAC_SIGNED=0; fi
if [[ -z "$KSPAY_UPDATE_FEED_URL" ]]; then
  echo "npm run dist: no KSPAY_UPDATE_FEED_URL, so this build has no update feed and keeps automatic updates off."
fi

npm run --silent build
node scripts/validate-builder-config.ts
if ((checks_only == 1)); then
  echo "npm run dist: checks only (--checks-only): the build and electron-builder.yml passed; nothing was packaged."
  exit 0
fi

# electron-builder needs a feed URL to write the update metadata (latest.yml). A build without one was made
# with no feed baked in (updates off); ".invalid" can never resolve, so its app-update.yml fetches nothing.
export KSPAY_UPDATE_FEED_URL=${KSPAY_UPDATE_FEED_URL:-https://updates.invalid/ks-pay-pos/}

# Windows: electron-updater checks a downloaded installer against this publisher (app-update.yml), and the
# app pins the same name; the certificate itself comes from WIN_CSC_LINK/CSC_LINK + its password.
if [[ -n "$KSPAY_WIN_PUBLISHER_NAME" ]]; then
  args+=(--config.win.signtoolOptions.publisherName="$KSPAY_WIN_PUBLISHER_NAME")
fi
if ((packaging_here == 1)); then
  # Packaging for this platform: use the Electron fetched above instead of downloading it again.
  args+=(--config.electronDist="$electron_dist")
fi
npx electron-builder --publish never "${args[@]}"

version=$(node -p "require('./package.json').version")
if [[ "$update_signing" == yes ]] && ls release/"$version"/latest*.yml >/dev/null 2>&1; then
  node scripts/update-signing.ts sign "release/$version"
elif [[ "$update_signing" == no ]]; then
  echo "npm run dist: update metadata left unsigned (no signing key); publish it only for platforms that verify by code signature."
fi

# Read the fuses back from what was packaged for Linux here (other platforms: npx @electron/fuses read --app <app>).
binary=release/$version/linux-unpacked/ks-pay-pos
if [[ -x "$binary" ]]; then
  fuses=$(npx @electron/fuses read --app "$binary")
  echo "$fuses"
  for expected in "RunAsNode is Disabled" "EnableNodeOptionsEnvironmentVariable is Disabled" "EnableNodeCliInspectArguments is Disabled" \
    "OnlyLoadAppFromAsar is Enabled" "EnableEmbeddedAsarIntegrityValidation is Enabled" "EnableCookieEncryption is Enabled"; do
    if ! grep -q "$expected" <<<"$fuses"; then
      echo "npm run dist: the packaged app's fuses are wrong — expected \"$expected\". Check electronFuses in electron-builder.yml." >&2
      exit 1
    fi
  done
  echo "npm run dist: installers are in release/$version; fuses verified on the Linux build."
else
  echo "npm run dist: installers are in release/$version."
fi
