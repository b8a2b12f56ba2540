#!/usr/bin/env bash
# Installs what the tests need (Debian's Chromium, node packages from the lockfile) and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian's Chromium for the browser tests…"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
fi
source scripts/lib/ensure-pnpm.sh
pnpm install --frozen-lockfile
pnpm test
