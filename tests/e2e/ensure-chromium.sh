#!/usr/bin/env bash
# Makes sure a Chromium for the Playwright suite exists; fast and silent when it does.
# Playwright's own browser download cannot reach its host here, so we use Debian's chromium
# package (installed when we are root and apt-get exists). Elsewhere, say what to do instead.
set -euo pipefail

target="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$target" ]; then
  exit 0
fi

if [ -n "${CHROMIUM_PATH:-}" ]; then
  echo "CHROMIUM_PATH=$CHROMIUM_PATH does not point to an executable." >&2
  exit 1
fi

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo 'Chromium is missing: installing the Debian package (apt-get install chromium)…'
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  if [ -x /usr/bin/chromium ]; then
    echo "Installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)."
    exit 0
  fi
  echo 'apt-get finished but /usr/bin/chromium is still missing.' >&2
  exit 1
fi

cat >&2 <<'MSG'
No Chromium found for the browser tests (looked at $CHROMIUM_PATH and /usr/bin/chromium).
Either install one and point CHROMIUM_PATH at it, e.g.
  npx playwright install chromium
  export CHROMIUM_PATH="$(node -e "console.log(require('playwright-core').chromium.executablePath())")"
or, on Debian/Ubuntu as root: apt-get install chromium
MSG
exit 1
