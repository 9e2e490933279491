#!/usr/bin/env bash
# The main job on the bundled sample corpus: install, build, ingest
# data/sample into sample.db, and show what was stored.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh
rm -f sample.db sample.db-wal sample.db-shm
./build/tools/dyad ingest data/sample --db sample.db
echo
./build/tools/dyad show 2019-01-24-recognition --db sample.db
