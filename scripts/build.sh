#!/usr/bin/env bash
# Configures and builds dyad (Release) into build/. Extra arguments go to cmake.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release "$@" > build.log 2>&1 || { cat build.log; exit 1; }
jobs=$(nproc 2>/dev/null || echo 2)
cmake --build build -j"$jobs" >> build.log 2>&1 || { tail -50 build.log; exit 1; }
echo "build: ok (log in build.log)"

# The web page (web/dist), served by `dyad serve`, when npm and its packages are at hand.
if command -v npm >/dev/null 2>&1 && [[ -d web/node_modules ]]; then
  (cd web && npm run build) >> build.log 2>&1 || { tail -30 build.log; exit 1; }
  echo "build: web page ok (web/dist)"
else
  echo "build: web page skipped (no npm or no web/node_modules: run scripts/setup.sh)"
fi
