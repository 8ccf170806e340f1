#!/usr/bin/env bash
# Makes sure the programs Reelflow runs are present: the Temporal CLI (built once into a cache dir),
# ffmpeg/ffprobe, qbittorrent-nox and rsync (from Debian's packages when missing). Idempotent: a second run
# finds everything and changes nothing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

bash "$here/temporal-cli.sh" >/dev/null

missing=()
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
command -v ffprobe >/dev/null 2>&1 || missing+=(ffmpeg)
command -v qbittorrent-nox >/dev/null 2>&1 || missing+=(qbittorrent-nox)
command -v rsync >/dev/null 2>&1 || missing+=(rsync)

if [ ${#missing[@]} -gt 0 ]; then
  packages=$(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing $packages from Debian's packages..." >&2
    $sudo apt-get update -qq >&2
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $packages >&2
  else
    echo "Missing programs: $packages. Install them with your system's package manager." >&2
    exit 1
  fi
fi
