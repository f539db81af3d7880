#!/bin/sh
# Installs Debian's Chromium for the browser tests when it is missing. Never fails: when it cannot
# be installed the browser tests skip and say why.
set -u
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
echo "ensure-chromium: /usr/bin/chromium is missing; installing Debian's chromium package" >&2
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo -n"
else
  SUDO=""
fi
if $SUDO apt-get update >&2 && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium >&2; then
  echo "ensure-chromium: installed $(/usr/bin/chromium --version 2>/dev/null)" >&2
else
  echo "ensure-chromium: could not install chromium; the browser tests will be skipped" >&2
fi
exit 0
