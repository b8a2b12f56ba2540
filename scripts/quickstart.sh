#!/usr/bin/env bash
# Installs Ward Panel's dependencies and starts it with demo data on SQLite (README: Quick start).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/ensure-pnpm.sh
pnpm install --frozen-lockfile
export DEMO_DATA="${DEMO_DATA:-true}"
exec pnpm start
