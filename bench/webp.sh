#!/usr/bin/env bash
# WebP against JPEG, in-process (no store is started): every photo of the benchmark set rendered 320 and 1280 px
# wide, as JPEG and as WebP at q=85 and q=75, one thread after a warm-up pass. Prints the total bytes, WebP's share
# of JPEG's and ms per image, with the encoder's part (render - the same render as BMP).
#
# usage: bench/webp.sh [PHOTO_DIR]
#   PHOTO_DIR: a folder of .jpg photos; default the set of bench/fetch-photos.sh (fetched if missing, see PHOTOS.md)
# env: WIDTHS (320,1280), QUALITIES (85,75), JAVA_HOME (Temurin 25 if present), MVN_ARGS (e.g. -o)
# needs libwebp (Debian: libwebp7)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
if [[ -z ${JAVA_HOME:-} && -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
log() { printf '%s\n' "$*" >&2; }

photos=${1:-$here/target/photos}
if ! ls "$photos"/*.jpg > /dev/null 2>&1; then
  log "webp.sh: fetching the benchmark photos (bench/fetch-photos.sh)"
  "$here/fetch-photos.sh" "$photos" >&2
fi

log "webp.sh: building the bench module"
# shellcheck disable=SC2086 # MVN_ARGS is a list of options
(cd "$root" && mvn -q -B ${MVN_ARGS:-} -pl bench -am package -DskipTests) >&2
echo "libwebp=$(dpkg-query -W -f '${Version}' libwebp7 2> /dev/null || echo unknown)  cpu=$(nproc)x $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
"$java" --enable-native-access=ALL-UNNAMED -cp "$root/bench/target/classes:$root/bench/target/lib/*" \
  org.imagestore.bench.render.WebpBenchmark --photos "$photos" --widths "${WIDTHS:-320,1280}" \
  --qualities "${QUALITIES:-85,75}"
