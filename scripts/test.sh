#!/usr/bin/env bash
# Installs what the tests need (Debian's Chromium and gdal-bin, node packages from the lockfile) and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
# Chromium for the browser tests; gdal-bin (ogrinfo, ogr2ogr) for the GIS layer's tests, as a GIS client.
if ! command -v chromium >/dev/null 2>&1 || ! command -v ogrinfo >/dev/null 2>&1; then
  echo "Installing Debian's Chromium and gdal-bin for the tests…"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium gdal-bin
fi
source scripts/lib/ensure-pnpm.sh
pnpm install --frozen-lockfile
pnpm test
