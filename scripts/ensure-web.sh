#!/usr/bin/env bash
# Builds the web UI (web/dist, served at / by the API) when it is missing or older than its sources or the
# installed packages. Runs after `npm install` and before `npm start`; a second run with nothing changed
# does nothing. A failed build is reported and does not stop the caller: the API runs without the UI and
# says how to build it (`npm run build:web`, which fails loudly, is what CI runs).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# An install without the UI's sources (a Docker layer with only package.json) has nothing to build yet.
[ -f web/index.html ] || exit 0

built=web/dist/index.html
if [ -f "$built" ] && [ -z "$(find web/src web/index.html web/vite.config.ts package-lock.json -newer "$built" -print -quit 2>/dev/null)" ]; then
  exit 0
fi
echo "Building the web UI (web/dist)..." >&2
if ! npx --no-install vite build web --logLevel warn >&2; then
  echo "The web UI could not be built; the API still runs. Build it with: npm run build:web" >&2
fi
exit 0
