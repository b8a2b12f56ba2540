# Sourced by the scripts beside it: makes sure pnpm (the version package.json names) is on the PATH.
# The root package.json, wherever this is sourced from (a package's own folder has none to go by).
REPO_PACKAGE_JSON="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/package.json"
PNPM_VERSION="$(node -p "require(process.argv[1]).packageManager.split('@')[1]" "$REPO_PACKAGE_JSON")"
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version)" != "$PNPM_VERSION" ]; then
  echo "Installing pnpm $PNPM_VERSION with npm…"
  npm install --global "pnpm@$PNPM_VERSION" --no-audit --no-fund
fi
export TURBO_TELEMETRY_DISABLED=1
