#!/usr/bin/env bash
# Installs sharp (and its prebuilt libvips) for bench/sharp/thumbnails.js: npm ci from the committed
# package.json + package-lock.json (exact versions, no download addresses: npm takes the packages by name from
# whichever registry it is configured to use), into bench/target/sharp, which git ignores. Nothing is installed
# elsewhere. Does nothing when that folder already holds this very package.json's install.
#
# usage: bench/sharp/install.sh [DIR]     (default: bench/target/sharp)
# Needs: Node.js 20.9 or newer and npm.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
dir=${1:-$here/../target/sharp}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
log() { printf '%s\n' "$*" >&2; }

command -v node >/dev/null && command -v npm >/dev/null || { log "bench/sharp/install.sh: node and npm are required"; exit 1; }
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a == 20 && b >= 9) ? 0 : 1)' \
  || { log "bench/sharp/install.sh: sharp needs Node.js 20.9 or newer, this is $(node --version)"; exit 1; }

if cmp -s "$here/package.json" "$dir/package.json" && cmp -s "$here/package-lock.json" "$dir/package-lock.json" \
   && [[ -f $dir/node_modules/sharp/package.json ]] \
   && (cd "$dir" && node -e 'require("sharp")' 2>/dev/null); then
  exit 0
fi
log "bench/sharp/install.sh: npm ci (sharp $(node -p 'require(process.argv[1]).dependencies.sharp' "$here/package.json")) into $dir"
cp "$here/package.json" "$here/package-lock.json" "$dir/"
(cd "$dir" && npm ci --no-audit --no-fund --omit-lockfile-registry-resolved >&2)
(cd "$dir" && node -e 'require("sharp")') || { log "bench/sharp/install.sh: sharp does not load after npm ci"; exit 1; }
