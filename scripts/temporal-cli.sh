#!/usr/bin/env bash
# Prints the path of a Temporal CLI (which carries the dev server), building it once when none is found.
# Looks in this order: $TEMPORAL_CLI, `temporal` on PATH, the cache dir outside the clone; then, when Go
# is present, `go install`s the pinned version into that cache dir. Progress goes to stderr, the path to
# stdout, so callers can do: cli=$(bash scripts/temporal-cli.sh).
set -euo pipefail

# The one place the CLI version is pinned. Later tags cannot be `go install`ed (replace directive).
TEMPORAL_CLI_VERSION="v1.5.1"

cache_root="${REELFLOW_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/reelflow}"
cache_dir="$cache_root/temporal-${TEMPORAL_CLI_VERSION#v}"

if [ -n "${TEMPORAL_CLI:-}" ]; then
  if [ -x "$TEMPORAL_CLI" ]; then echo "$TEMPORAL_CLI"; exit 0; fi
  echo "TEMPORAL_CLI is set to '$TEMPORAL_CLI', which is not an executable file." >&2
  exit 1
fi

if on_path=$(command -v temporal 2>/dev/null); then echo "$on_path"; exit 0; fi

if [ -x "$cache_dir/temporal" ]; then echo "$cache_dir/temporal"; exit 0; fi

if command -v go >/dev/null 2>&1; then
  echo "Building the Temporal CLI $TEMPORAL_CLI_VERSION with Go into $cache_dir (first run only, a few minutes)..." >&2
  mkdir -p "$cache_dir"
  # A private GOBIN keeps the binary outside the clone so fresh clones and CI reuse it.
  if ! GOBIN="$cache_dir" GOFLAGS="${GOFLAGS:-} -mod=mod" go install "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_CLI_VERSION" >&2; then
    echo "Building the Temporal CLI failed (see above). Install it another way and set TEMPORAL_CLI to its path." >&2
    exit 1
  fi
  echo "$cache_dir/temporal"
  exit 0
fi

cat >&2 <<MSG
No Temporal CLI found and Go is not installed, so it cannot be built.
Get one of:
  - Go (https://go.dev/dl/), then run this again: it builds temporal $TEMPORAL_CLI_VERSION into $cache_dir
  - the Temporal CLI binary (https://docs.temporal.io/cli#install), on PATH or with TEMPORAL_CLI=/path/to/temporal
  - an existing Temporal server: set TEMPORAL_ADDRESS=host:7233 and Reelflow starts none
MSG
exit 1
