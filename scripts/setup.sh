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
  libcpp-httplib-dev  # the HTTP server and client of dyad serve
  wamerican-large     # English word list used to repair glued words
  libgtest-dev libgmock-dev libbenchmark-dev
  chromium            # headless browser for the web page's end-to-end test
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

# The web page's packages (web/package-lock.json), when npm is at hand. npm ci
# reruns only when the lock file changed since the last install.
if command -v npm >/dev/null 2>&1; then
  web="$(dirname "$0")/../web"
  stamp="$web/node_modules/.dyad-lock-sha256"
  want=$(sha256sum "$web/package-lock.json" | cut -d' ' -f1)
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    echo "setup: web packages present"
  else
    echo "setup: npm ci in web/"
    (cd "$web" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" > "$stamp"
  fi
else
  echo "setup: no npm; the web page will not be built"
fi
