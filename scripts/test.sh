#!/usr/bin/env bash
# Install, build and run every test (unit tests beside the code, the CLI
# end-to-end test). Tests that need ../shared skip with a message without it.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh
cd build
ctest --output-on-failure -j"$(nproc 2>/dev/null || echo 2)"

# The web page: Vitest unit tests, then the browser end-to-end test against the
# real `dyad serve` (it skips with a message when the binary has no serve).
cd ..
if command -v npm >/dev/null 2>&1 && [[ -d web/node_modules ]]; then
  (cd web && npm test && npm run e2e)
else
  echo "test: web tests skipped (no npm or no web/node_modules)"
fi
