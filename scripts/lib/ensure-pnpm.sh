# Sourced by the scripts beside it: makes sure pnpm (the version package.json names) is on the PATH.
PNPM_VERSION="$(node -p "require('./package.json').packageManager.split('@')[1]")"
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version)" != "$PNPM_VERSION" ]; then
  echo "Installing pnpm $PNPM_VERSION with npm…"
  npm install --global "pnpm@$PNPM_VERSION" --no-audit --no-fund
fi
export TURBO_TELEMETRY_DISABLED=1
