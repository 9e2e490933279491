#!/usr/bin/env bash
# Install, build and run every test (unit tests beside the code, the CLI
# end-to-end test). Tests that need ../shared skip with a message without it.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh
cd build
ctest --output-on-failure -j"$(nproc 2>/dev/null || echo 2)"
