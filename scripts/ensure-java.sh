#!/usr/bin/env bash
# The Nu HTML Checker (vnu.jar, from npm) runs on Java. Debian's headless Java is installed
# here when missing and this machine can (root with apt-get); otherwise stop, saying what to install.
set -euo pipefail
if command -v java >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "make test: installing Debian's Java for the Nu HTML Checker (apt-get install default-jre-headless)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq default-jre-headless >/dev/null
  if command -v java >/dev/null 2>&1; then
    exit 0
  fi
fi
echo "make test needs Java for the Nu HTML Checker: install it (sudo apt-get install default-jre-headless)" >&2
exit 1
