#!/usr/bin/env bash
# Render benchmark: a 320-px-wide JPEG thumbnail of a 12-megapixel JPEG, made by imagestore's engine in-process
# (ms per thumbnail on one thread, median and p90; thumbnails/s with 2 threads) and by libvips' vipsthumbnail
# (a new process per thumbnail, as a CLI user would run it), on the same file in the same run; then the ratio.
#
# usage: bench/render.sh [PHOTO.jpg]
#   without PHOTO: the 12 MP reference photo of bench/fetch-photos.sh (fetched if missing); if that fails, a
#   synthetic 4000x3000 photo-like JPEG (noise + gradients + edges, quality 90), and the output says so.
# env: WIDTH (320), ITERATIONS (100), WARMUP (40), THREADS (2), VIPS_RUNS (30), JAVA_HOME (Temurin 25 if present)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
WIDTH=${WIDTH:-320}
ITERATIONS=${ITERATIONS:-100}
WARMUP=${WARMUP:-40}
THREADS=${THREADS:-2}
VIPS_RUNS=${VIPS_RUNS:-30}
if [[ -z ${JAVA_HOME:-} && -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
log() { printf '%s\n' "$*" >&2; }

# --- the input -------------------------------------------------------------------------------------------------
photo=${1:-}
if [[ -z $photo ]]; then
  photo=$(ls "$here"/target/photos/large/12mp-*.jpg 2>/dev/null | head -1 || true)
  if [[ -z $photo && -x $here/fetch-photos.sh ]]; then
    log "render.sh: fetching the reference photos (bench/fetch-photos.sh)"
    "$here/fetch-photos.sh" >&2 || log "render.sh: fetch-photos.sh failed"
    photo=$(ls "$here"/target/photos/large/12mp-*.jpg 2>/dev/null | head -1 || true)
  fi
fi

# --- build -----------------------------------------------------------------------------------------------------
log "render.sh: building the bench module"
(cd "$root" && mvn -q -B -pl bench -am package -DskipTests) >&2
cp="$root/bench/target/classes:$root/bench/target/lib/*"

if [[ -z $photo ]]; then
  log "render.sh: no real photo available: using a synthetic 4000x3000 JPEG"
  input_args=()
  kind="synthetic 4000x3000 photo-like JPEG (noise + gradients + edges, q90)"
else
  input_args=(--input "$photo")
  kind="real photo"
fi

# --- imagestore, in-process ------------------------------------------------------------------------------------
"$java" -cp "$cp" org.imagestore.bench.render.RenderBenchmark "${input_args[@]}" --width "$WIDTH" \
  --warmup "$WARMUP" --iterations "$ITERATIONS" --threads "$THREADS" | tee "$work/java.txt"
value() { sed -n "s/^$1=//p" "$work/java.txt"; }
[[ -z $photo ]] && photo=$(value input)
java_ms=$(value ms_median)

# --- vipsthumbnail, a process per thumbnail ---------------------------------------------------------------------
if ! command -v vipsthumbnail >/dev/null; then
  log "render.sh: installing libvips-tools"
  apt-get install -y libvips-tools >&2 || { apt-get update >&2 && apt-get install -y libvips-tools >&2; }
fi
vips_cmd="vipsthumbnail '$photo' --size ${WIDTH}x -o '$work/vips.jpg[Q=85]'"
echo "vips=$(vipsthumbnail --vips-version 2>/dev/null || vips --version)"
if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 3 --runs "$VIPS_RUNS" --export-json "$work/vips.json" "$vips_cmd" >&2
  vips_ms=$(python3 -c "import json,statistics;r=json.load(open('$work/vips.json'))['results'][0]['times'];print('%.1f'%(statistics.median(r)*1000))")
  how="hyperfine, $VIPS_RUNS runs"
else
  for _ in 1 2 3; do eval "$vips_cmd"; done # warm the page cache
  for ((i = 0; i < VIPS_RUNS; i++)); do
    start=$(date +%s%N); eval "$vips_cmd"; end=$(date +%s%N)
    echo $(( (end - start) / 1000 ))
  done | sort -n > "$work/vips.us"
  vips_ms=$(awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m/1000}' "$work/vips.us")
  vips_p90=$(awk '{a[NR]=$1} END {i=int(NR*0.9+0.999); printf "%.1f", a[i]/1000}' "$work/vips.us")
  how="shell loop, $VIPS_RUNS runs, p90 ${vips_p90} ms"
fi

echo
echo "input:          $photo ($kind)"
echo "imagestore:     ${java_ms} ms median, $(value ms_p90) ms p90 per thumbnail (1 thread, in-process);" \
     "$(value thumbnails_per_s) thumbnails/s with $(value threads) threads"
echo "vipsthumbnail:  ${vips_ms} ms median per thumbnail (new process each, $how)"
awk -v j="$java_ms" -v v="$vips_ms" 'BEGIN {printf "ratio:          imagestore takes %.2fx the time of vipsthumbnail (%.2fx faster)\n", j/v, v/j}'
