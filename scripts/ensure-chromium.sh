#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed: the browser tests (test/e2e) and the UI benchmark (bench/ui) drive
# it through playwright-core, which does not download browsers here. Idempotent: when `chromium` is on the
# PATH nothing changes.
set -euo pipefail

command -v chromium >/dev/null 2>&1 && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is missing: install it with your system's package manager (the browser tests need it)." >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing chromium from Debian's packages..." >&2
$sudo apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >&2
