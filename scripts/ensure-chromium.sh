#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (never a downloaded browser). Installed here when
# missing and this machine can (root with apt-get); otherwise stop, saying what to install.
set -euo pipefail
path="${1:-/usr/bin/chromium}"
if [ -x "$path" ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "make test: installing Debian's chromium for the browser tests (apt-get install chromium)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  if [ -x "$path" ]; then
    exit 0
  fi
fi
echo "make test needs Chromium at $path: install Debian's chromium (sudo apt-get install chromium), or set CHROMIUM_PATH to a Chromium or Chrome binary" >&2
exit 1
