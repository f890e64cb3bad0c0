#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for the browser tests (Playwright cannot download one here), with
# the Noto CJK fonts: without them Chinese prints as empty boxes, and a printed page's text cannot be read back.
set -euo pipefail
CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
PACKAGES=()
[ -x "$CHROMIUM_PATH" ] || PACKAGES+=(chromium)
command -v fc-list >/dev/null || PACKAGES+=(fontconfig)
fc-list 2>/dev/null | grep -i 'Noto Sans CJK' >/dev/null || PACKAGES+=(fonts-noto-cjk)
if [ ${#PACKAGES[@]} -eq 0 ]; then exit 0; fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
echo "Installing ${PACKAGES[*]} from Debian's packages…"
$SUDO apt-get install -y --no-install-recommends "${PACKAGES[@]}" >/dev/null 2>&1 || {
  $SUDO apt-get update >/dev/null
  $SUDO apt-get install -y --no-install-recommends "${PACKAGES[@]}" >/dev/null
}
[ -x "$CHROMIUM_PATH" ] || { echo "Chromium is not at $CHROMIUM_PATH" >&2; exit 1; }
fc-list | grep -i 'Noto Sans CJK' >/dev/null || { echo "The Noto CJK fonts did not install" >&2; exit 1; }
