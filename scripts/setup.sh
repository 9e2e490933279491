#!/usr/bin/env bash
# Installs dyad's build and run dependencies from Debian packages. Idempotent:
# packages already present are not fetched again, so CI and developers can
# call it before every build.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libicu-dev          # Unicode normalization (NFC) and character classes
  libsqlite3-dev sqlite3
  nlohmann-json3-dev  # JSON Lines input and JSON output
  libgumbo-dev        # HTML parsing with source offsets
  wamerican-large     # English word list used to repair glued words
  libgtest-dev libgmock-dev libbenchmark-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: all packages present"
fi
