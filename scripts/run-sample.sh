#!/usr/bin/env bash
# The main job on the bundled sample corpus: install, build, code data/sample
# into sample.db, show what was stored, and serve the analyst page on it.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh
rm -f sample.db sample.db-wal sample.db-shm
./build/tools/dyad ingest data/sample --db sample.db
echo
./build/tools/dyad show 2019-01-24-recognition --db sample.db
echo
./build/tools/dyad code data/sample
echo
port=${DYAD_PORT:-8080}
echo "Serving the coded sample corpus: open http://127.0.0.1:${port}/ (Ctrl-C stops the server)"
exec ./build/tools/dyad serve --db sample.db --port "$port"
