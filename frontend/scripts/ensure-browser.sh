#!/bin/sh
# Debian's chromium and a Chinese font (or Chinese renders as boxes) for the browser tests and the
# screenshots. Browsers are never downloaded by a tool (no `npx playwright install`).
set -eu
missing=""
command -v chromium >/dev/null 2>&1 || missing="chromium"
dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q "ok installed" || missing="$missing fonts-noto-cjk"
[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "the browser tests need:$missing (Debian/Ubuntu: apt-get install -y chromium fonts-noto-cjk)" >&2
  exit 1
fi
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
echo "installing:$missing"
$SUDO apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
command -v chromium >/dev/null
