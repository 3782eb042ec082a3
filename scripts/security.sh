#!/usr/bin/env bash
# npm run security — every security check that needs no running app; each runs even when an earlier
# one failed, and the summary names the ones that failed. (The secret scan runs after e2e: npm test.)
#   Electronegativity over src · Electron checklist and installer config (vitest) · npm audit · licences
set -uo pipefail
cd "$(dirname "$0")/.."

failed=()
run() {
  local name=$1
  shift
  echo "── security: $name"
  "$@" || failed+=("$name ($*)")
}
run electronegativity node security/electronegativity.ts
run checklist npx vitest run --config security/vitest.config.ts
run audit node security/audit.ts
run licences node security/licenses.ts

if ((${#failed[@]} > 0)); then
  printf 'npm run security: FAILED — %s\n' "${failed[@]}"
  exit 1
fi
echo "npm run security: all checks passed."
