#!/usr/bin/env bash
# npm run dist — builds the app, validates electron-builder.yml against electron-builder's schema, then
# packages the installers for this platform (or the platforms given: npm run dist -- --win --linux).
# Where the Electron binary is missing (it cannot be downloaded on every machine) it says so in one
# line and stops after the checks, successfully, without packaging.
set -euo pipefail
cd "$(dirname "$0")/.."

npm run --silent build
node scripts/validate-builder-config.ts

electron_version=$(node -p "require('./node_modules/electron/package.json').version")
electron_dist=node_modules/electron/dist
cache_dir=${ELECTRON_CACHE:-$HOME/.cache/electron}
if [[ ! -d "$electron_dist" ]] && ! ls "$cache_dir"/electron-v"$electron_version"-*.zip >/dev/null 2>&1; then
  echo "npm run dist: not packaged — the Electron $electron_version binary is not on this machine ($electron_dist and $cache_dir/electron-v$electron_version-*.zip are missing), so electron-builder, fuse flipping and signing did not run; the build and the config check passed."
  exit 0
fi

# electron-builder needs a feed URL to write the update metadata (latest.yml). The app only ever checks
# the feed a manager sets in Settings; ".invalid" can never resolve, so a default build fetches nothing.
export KSPAY_UPDATE_FEED_URL=${KSPAY_UPDATE_FEED_URL:-https://updates.invalid/ks-pay-pos/}

args=("$@")
if [[ ${#args[@]} -eq 0 && -d "$electron_dist" ]]; then
  # Packaging for this platform: use the Electron already installed instead of downloading it again.
  args=(--config.electronDist="$electron_dist")
fi
npx electron-builder --publish never "${args[@]}"

# Read the fuses back from what was packaged for Linux here (other platforms: npx @electron/fuses read --app <app>).
version=$(node -p "require('./package.json').version")
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
